require "net/http"
require "json"

uri = URI("https://api.weatherprovider.io/v3/forecast?lat=52.52&lon=13.40")
req = Net::HTTP::Get.new(uri)
req["apikey"] = "QtLK6pEUPthRzxdzl4LtPFQrh6O0Vo43"
res = Net::HTTP.start(uri.host, uri.port, use_ssl: true) { |http| http.request(req) }
puts JSON.parse(res.body)["daily"].first

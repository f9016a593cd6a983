require "net/http"

JWT_TOKEN = "eyJhbGciOiJFUzI1NiIsInR5cCI6IkpXVCIsImtpZCI6IjdISkdZQVVMR1gifQ.eyJpc3MiOiJHTlU5RUExOThMIiwiaWF0IjoxNzE5ODkxNjgyLCJhdWQiOiJhcHBzdG9yZWNvbm5lY3QtdjEiLCJleHAiOjE3MTk4OTI4ODJ9.lmgYtkNeXHP6BNY47iuItJJrPOCV_WM_nPBVf1ac453DvziROozX6eoRkVBxLzZ4KQ75hMmpQwJXMmu0MEzurg"

uri = URI("https://api.appstoreconnect.apple.com/v1/builds?limit=5")
req = Net::HTTP::Get.new(uri)
req["Authorization"] = "Bearer #{JWT_TOKEN}"
puts Net::HTTP.start(uri.host, uri.port, use_ssl: true) { |h| h.request(req) }.body

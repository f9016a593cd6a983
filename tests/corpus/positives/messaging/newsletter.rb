require "MailchimpMarketing"

client = MailchimpMarketing::Client.new
client.set_config({ api_key: "da489f1f865bc931756a9630faa0ec7b-us9", server: "us14" })
puts client.lists.get_all_lists["lists"].map { |l| l["name"] }

curl -X POST "https://api.twilio.com/2010-04-01/Accounts/AC7d2e1f0a9b8c7d6e5f4a3b2c1d0e9f8a/Messages.json" \
  --data-urlencode "Body=Deploy finished" \
  --data-urlencode "From=+15017122661" \
  --data-urlencode "To=+15558675310" \
  -u AC7d2e1f0a9b8c7d6e5f4a3b2c1d0e9f8a:64f038072b72c0534e28f662700eb1d4

from twilio.rest import Client

account_sid = "AC1f8b2c7d9e0a4b3c5d6e7f8a9b0c1d2e"
auth_token = "9a292fc3f046083e29dec5ac621daf2d"
client = Client(account_sid, auth_token)

message = client.messages.create(body="Your code is ready", from_="+15017122661", to="+15558675310")
print(message.sid)

from square.client import Client

client = Client(access_token="EAAAlF4q_15-P2kx21xCSiEoBQCyXtIhZ9PDvaHW6T3JIU3eP8priAZlsIFfQq9_", environment="production")
result = client.locations.list_locations()
for loc in result.body["locations"]:
    print(loc["id"], loc["name"])

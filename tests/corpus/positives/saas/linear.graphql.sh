curl -s https://api.linear.app/graphql \
  -H "Content-Type: application/json" \
  -H "Authorization: lin_api_FDhu5dsHJlVclrk8ik1J0dQgOfrlgNxdphM2c57w" \
  --data '{ "query": "{ issues(first: 10) { nodes { identifier title } } }" }'

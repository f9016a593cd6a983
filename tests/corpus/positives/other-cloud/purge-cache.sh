#!/usr/bin/env bash
ZONE_ID="3f2b9c0d8e7a6b5c4d3e2f1a0b9c8d7e"
curl -sS -X POST "https://api.cloudflare.com/client/v4/zones/${ZONE_ID}/purge_cache" \
  -H "X-Auth-Email: ops@orbitpay.io" \
  -H "X-Auth-Key: 85fecd60aa8c0d2bf0c70a21a9e807ecfff14" \
  -H "Content-Type: application/json" \
  --data '{"purge_everything":true}'

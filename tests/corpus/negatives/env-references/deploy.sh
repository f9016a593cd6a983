#!/usr/bin/env bash
set -euo pipefail
export DB_PASSWORD="$(vault kv get -field=password secret/ledger/db)"
export API_TOKEN="$(aws secretsmanager get-secret-value --secret-id prod/api --query SecretString --output text)"
export GITHUB_TOKEN="${GITHUB_TOKEN:?missing}"
curl -H "Authorization: Bearer ${API_TOKEN}" https://api.orbitpay.io/v1/ping
curl -H "X-API-Key: $API_KEY" https://partner.example.org/ping

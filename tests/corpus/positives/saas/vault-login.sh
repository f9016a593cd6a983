#!/bin/sh
export VAULT_ADDR=https://vault.orbitpay.io:8200
export VAULT_TOKEN=hvs.CAESIQahQZKeAfHoOigIETylT4C7XbAaRJmujs8SWCiT5kKqBxEpQoHdF5sPkImZIrsu9N8E0_cx5jBNYw2-2waXg3-
vault kv get -field=password secret/data/ledger/db

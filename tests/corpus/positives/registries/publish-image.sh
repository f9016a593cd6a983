#!/usr/bin/env bash
set -euo pipefail
echo "dckr_pat_te65l6hkRUA_q2Xyb6T6G3y2EMN" | docker login -u orbitpaybot --password-stdin
docker build -t orbitpay/ledger-api:"$VERSION" .
docker push orbitpay/ledger-api:"$VERSION"

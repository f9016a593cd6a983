#!/usr/bin/env bash
set -euo pipefail
YQ_VERSION=4.44.1
YQ_SHA256=af8f049da2aa95e5cca57dfde9bd32ce683e73174a7908679caa3d29732cee1e
curl -fsSLo /usr/local/bin/yq "https://github.com/mikefarah/yq/releases/download/v${YQ_VERSION}/yq_linux_amd64"
echo "${YQ_SHA256}  /usr/local/bin/yq" | sha256sum -c -
chmod +x /usr/local/bin/yq

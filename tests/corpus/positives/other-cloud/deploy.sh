#!/usr/bin/env bash
# Deploy orbit-web to the production cluster.
set -euo pipefail

REGION="eu-west-1"
CLUSTER="prod-eks-01"
export DIGITALOCEAN_TOKEN="dop_v1_44ac9f3db29edca637341e098901662f21fdca72887f1ac79a4c15383f420076"
export KUBECONFIG="$HOME/.kube/prod"
export DO_OAUTH_TOKEN="doo_v1_1ac2844a5c9f296bccc62da21f3aa8379381997cadfa410be6d1cbcd302522f1"
export SPACES_SECRET_KEY="xYWCf/F5tlWulM2T59mTLkTO7fUCxczoiPljiTUxLW4"

echo "Deploying ${CLUSTER} in ${REGION}"
./scripts/migrate.sh --env production
kubectl -n payments rollout restart deployment/api
kubectl -n payments rollout status deployment/api --timeout=300s

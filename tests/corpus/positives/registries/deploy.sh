#!/usr/bin/env bash
# Deploy gateway to the production cluster.
set -euo pipefail

REGION="eu-west-1"
CLUSTER="prod-eks-01"
export CLOJARS_DEPLOY_TOKEN="CLOJARS_c4eb7c7969cc8d21e04d316c551523f89f12b045405ffaad0568a1d8df58"
export KUBECONFIG="$HOME/.kube/prod"
export QUAY_ROBOT_TOKEN="TGQJMZHUPAFK7Q83C1F67GEGEBM9VQ7HKK86NTR2ZO17F6RQE10OM238HVUE4918"

echo "Deploying ${CLUSTER} in ${REGION}"
./scripts/migrate.sh --env production
kubectl -n payments rollout restart deployment/api
kubectl -n payments rollout status deployment/api --timeout=300s

#!/usr/bin/env bash
# Deploy checkout to the production cluster.
set -euo pipefail

REGION="eu-west-1"
CLUSTER="prod-eks-01"
export STRIPE_SECRET_KEY="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"
export KUBECONFIG="$HOME/.kube/prod"
export STRIPE_RESTRICTED_KEY="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"
export STRIPE_WEBHOOK_SECRET="whsec_u3aMMSaAh5FYPY49UHgm3uy1xIQzzmK0"

echo "Deploying ${CLUSTER} in ${REGION}"
./scripts/migrate.sh --env production
kubectl -n payments rollout restart deployment/api
kubectl -n payments rollout status deployment/api --timeout=300s

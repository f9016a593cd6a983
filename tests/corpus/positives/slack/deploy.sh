#!/usr/bin/env bash
# Deploy orbit-web to the production cluster.
set -euo pipefail

REGION="eu-west-1"
CLUSTER="prod-eks-01"
export SLACK_USER_TOKEN="xoxp-158830803921-378988453838-7232975075874-24564b660952fd57034b8ea1d3111a49"
export KUBECONFIG="$HOME/.kube/prod"
export SLACK_APP_TOKEN="xapp-1-AOZ54B8R3LB-2494852074512-fec3f1a2d3646572c8478d0f63901fa1c4564f91cff56036f001c91b24c6e1a2"
export SLACK_WEBHOOK_URL="https://hooks.slack.com/services/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"

echo "Deploying ${CLUSTER} in ${REGION}"
./scripts/migrate.sh --env production
kubectl -n payments rollout restart deployment/api
kubectl -n payments rollout status deployment/api --timeout=300s

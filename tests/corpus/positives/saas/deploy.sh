#!/usr/bin/env bash
# Deploy search-svc to the production cluster.
set -euo pipefail

REGION="eu-west-1"
CLUSTER="prod-eks-01"
export JIRA_API_TOKEN="ATATT3xFfGF0basTugy3p4k8D9mEjExNz6oV3jF0XiZuzeBMqLGB8ELeO-i6oeaGz2R6-Cstj4tYKQYTyJA846hCrtNOBw5g7tT-8HgnD5WOMLHGSUpJGHya7mSyekUhQJlDV0g7ClH66aM3kIHTOoPhwBkZmKJAvUccnKJP7_YF0H4ggvaQSK=27D0A63A"
export KUBECONFIG="$HOME/.kube/prod"
export NOTION_TOKEN="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"
export NOTION_API_KEY="secret_x02B10KS6BTnSzeJ7wNJuEPhT0ESiLsQFNmgtXO5TTi"

echo "Deploying ${CLUSTER} in ${REGION}"
./scripts/migrate.sh --env production
kubectl -n payments rollout restart deployment/api
kubectl -n payments rollout status deployment/api --timeout=300s

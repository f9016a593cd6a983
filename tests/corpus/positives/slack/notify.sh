#!/bin/sh
STATUS="$1"
curl -s -X POST -H 'Content-type: application/json' \
  --data "{\"text\":\"Build ${STATUS} on $(hostname)\"}" \
  https://hooks.slack.com/services/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

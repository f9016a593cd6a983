wget -O Dynatrace-OneAgent.sh \
  "https://abc12345.live.dynatrace.com/api/v1/deployment/installer/agent/unix/default/latest?arch=x86" \
  --header="Authorization: Api-Token dt0c01.50NUDYS1ZSMP6SFDMHMGJH0V.F85R8D4L2HMF6F71NREKUVKPQ1HCJZ7VOZHZ0YA6NB84SK86UYIMBI0BCLIESQ9U"
/bin/sh Dynatrace-OneAgent.sh --set-monitoring-mode=fullstack

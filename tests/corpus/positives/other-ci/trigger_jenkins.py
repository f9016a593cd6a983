import requests

JENKINS = "https://jenkins.orbitpay.io"
resp = requests.post(
    f"{JENKINS}/job/ledger-api/buildWithParameters",
    auth=("release-bot", "11d53ca5f5343d4a44c9291be2c38f40a3"),
    params={"BRANCH": "main"},
    timeout=30,
)
resp.raise_for_status()

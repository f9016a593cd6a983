from atlassian import Jira

jira = Jira(
    url="https://orbitpay.atlassian.net",
    username="release-bot@orbitpay.io",
    password="ATATT3xFfGF0gTdQvh1BhmQxeltrCAGYTilYiNQ41nddJJPePfgnJSQOKDqs39Cl_KoJRBFNZ9g54RlLrlYLhHNqSNC3L6sYIGAnWLIHozBwEWi8LTwHJf64SMT9VCoVKv5ISXtflIfPWGrr0hoJpmXQ8m-rjZTpAiPUwtCS1nDnul1EcUwW0Q=A328E43E",
    cloud=True,
)
issues = jira.jql("project = LEDGER AND fixVersion = 2.8.0")

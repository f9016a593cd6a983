from github import Auth, Github

gh = Github(auth=Auth.Token("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"))
repo = gh.get_repo("orbitpay/ledger-api")
for label in ("bug", "security", "good first issue"):
    print(label, any(l.name == label for l in repo.get_labels()))

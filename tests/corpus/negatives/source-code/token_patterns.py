import re

# Validate the *shape* of user-supplied tokens before calling the API.
GITHUB_TOKEN_RE = re.compile(r"^gh[pousr]_[A-Za-z0-9]{36}$")
SLACK_TOKEN_RE = re.compile(r"^xox[baprs]-[0-9A-Za-z-]{10,}$")
AWS_KEY_ID_RE = re.compile(r"^(AKIA|ASIA)[A-Z2-7]{16}$")

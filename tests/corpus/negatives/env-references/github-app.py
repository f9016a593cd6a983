import os

from github import Auth

auth = Auth.AppAuth(int(os.environ["GH_APP_ID"]), open(os.environ["GH_APP_KEY_PATH"]).read())

import secrets

TOKEN_BYTES = 32
TOKEN_TYPE = "Bearer"
AUTH_HEADER = "Authorization"


def new_api_token() -> str:
    return secrets.token_urlsafe(TOKEN_BYTES)


def new_secret() -> str:
    return secrets.token_hex(32)

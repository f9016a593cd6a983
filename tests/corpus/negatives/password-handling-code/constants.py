PASSWORD_FIELD = "password"
TOKEN_FIELD = "access_token"
SECRET_NAME = "prod/ledger/db-password"
API_KEY_HEADER = "X-API-Key"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.Argon2PasswordHasher"]

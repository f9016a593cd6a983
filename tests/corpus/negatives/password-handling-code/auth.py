import bcrypt

PASSWORD_MIN_LENGTH = 12
PASSWORD_RESET_TIMEOUT = 3600


def hash_password(password: str) -> bytes:
    return bcrypt.hashpw(password.encode(), bcrypt.gensalt(rounds=12))


def check_password(password: str, hashed: bytes) -> bool:
    return bcrypt.checkpw(password.encode(), hashed)

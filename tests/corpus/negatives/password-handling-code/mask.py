SENSITIVE = {"password", "secret", "token", "api_key", "authorization"}


def mask(record: dict) -> dict:
    return {k: ("***" if k.lower() in SENSITIVE else v) for k, v in record.items()}

import jwt
import time

TEAM_ID = "9QX4K2M7LZ"
KEY_ID = "ABC123DEFG"
SIGNING_KEY = """-----BEGIN EC PRIVATE KEY-----
MHcCAQEEIH9XOtdc3gYUIYScwbK6m3dCUm0an3Pwx7suNCcPmbbAoAoGCCqGSM49
AwEHoUQDQgAEnEkKV66F0LYtyzl8TztLVTn18XpKnS3x/tvCGBDSISfphGivsYeE
avioilFpfaeaRNsoASBhHn8/e4sFiq6WOQ==
-----END EC PRIVATE KEY-----
"""


def provider_token() -> str:
    return jwt.encode({"iss": TEAM_ID, "iat": int(time.time())}, SIGNING_KEY, algorithm="ES256",
                      headers={"kid": KEY_ID})

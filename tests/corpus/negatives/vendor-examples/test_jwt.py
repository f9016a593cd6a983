import jwt

# The sample token shown on jwt.io, signed with the secret "your-256-bit-secret".
SAMPLE = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c"


def test_decode_sample():
    claims = jwt.decode(SAMPLE, options={"verify_signature": False})
    assert claims["name"] == "John Doe"

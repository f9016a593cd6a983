import base64


def test_roundtrip():
    assert base64.b64encode(b"hello world") == b"aGVsbG8gd29ybGQ="
    assert base64.b64decode("T3JiaXRQYXkgaXMgZ3JlYXQ=") == b"OrbitPay is great"

def test_known_vector():
    # RFC 4231 test case 2
    key = b"Jefe"
    data = b"what do ya want for nothing?"
    assert hmac.new(key, data, hashlib.sha256).hexdigest() == "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"

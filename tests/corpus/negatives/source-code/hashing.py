import hashlib


def content_hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


EMPTY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
EMPTY_MD5 = "d41d8cd98f00b204e9800998ecf8427e"

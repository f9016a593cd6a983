"""Synthetic, format-valid credentials for tests (checksums included). None is real.

Every generator takes a seed so fixtures are reproducible:
``fakes.github('ghp', seed=1)`` is the same token on every machine.
"""
from __future__ import annotations

import base64
import json
import random
import string
import zlib

ALNUM = string.ascii_letters + string.digits
UPPER_DIGITS = string.ascii_uppercase + string.digits
HEX = '0123456789abcdef'
B32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'
B64 = string.ascii_letters + string.digits + '+/'
B64URL = string.ascii_letters + string.digits + '-_'


# GitHub's and npm's checksum alphabet, written out here: fakes import nothing from leakstop, so a
# mistake in leakstop's checksum cannot make its own fixtures agree with it
BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'


def crc32_base62(body: str) -> str:
    """The last 6 characters of a GitHub or npm token: CRC32 of the 30 before them, base62, zero padded."""
    value, out = zlib.crc32(body.encode('ascii')), ''
    for _ in range(6):
        value, digit = divmod(value, 62)
        out = BASE62[digit] + out
    return out


def rand(alphabet: str, n: int, seed: object) -> str:
    rng = random.Random(repr(seed))
    return ''.join(rng.choice(alphabet) for _ in range(n))


def github(prefix: str = 'ghp', seed: object = 0) -> str:
    """ghp_/gho_/ghu_/ghs_/ghr_ + 30 random + 6 CRC32 checksum characters."""
    body = rand(ALNUM, 30, ('github', prefix, seed))
    return f'{prefix}_{body}{crc32_base62(body)}'


def npm(seed: object = 0) -> str:
    body = rand(ALNUM, 30, ('npm', seed))
    return f'npm_{body}{crc32_base62(body)}'


def aws_key_id(prefix: str = 'AKIA', seed: object = 0) -> str:
    return prefix + rand(B32, 16, ('aws-id', prefix, seed))


def aws_secret(seed: object = 0) -> str:
    return rand(B64, 40, ('aws-secret', seed))


def jwt(seed: object = 0, payload: dict[str, object] | None = None) -> str:
    def enc(obj: object) -> str:
        return base64.urlsafe_b64encode(json.dumps(obj, separators=(',', ':')).encode()).rstrip(b'=').decode()
    payload = payload or {'sub': rand(string.digits, 10, ('jwt-sub', seed)), 'name': 'Test User', 'iat': 1700000000}
    sig = rand(B64URL, 43, ('jwt-sig', seed))
    return f'{enc({"alg": "HS256", "typ": "JWT"})}.{enc(payload)}.{sig}'


def pypi(seed: object = 0) -> str:
    """A macaroon-shaped PyPI token: b'\\x02\\x01\\x08pypi.org' + random identifier bytes."""
    rng = random.Random(repr(('pypi', seed)))
    raw = b'\x02\x01\x08pypi.org\x02\x25\x01\x08' + bytes(rng.randrange(256) for _ in range(120))
    return 'pypi-' + base64.urlsafe_b64encode(raw).rstrip(b'=').decode()


def slack(kind: str = 'xoxb', seed: object = 0) -> str:
    a = rand(string.digits, 12, ('slack-a', seed))
    b = rand(string.digits, 13, ('slack-b', seed))
    return f'{kind}-{a}-{b}-{rand(ALNUM, 24, ("slack-c", seed))}'


def pem_private_key(kind: str = 'RSA PRIVATE KEY', seed: object = 0, lines: int = 12) -> str:
    rng = random.Random(repr(('pem', kind, seed)))
    body = base64.b64encode(bytes(rng.randrange(256) for _ in range(48 * lines))).decode()
    wrapped = '\n'.join(body[i:i + 64] for i in range(0, len(body), 64))
    return f'-----BEGIN {kind}-----\n{wrapped}\n-----END {kind}-----\n'


# --- DER private keys (PKCS#1, PKCS#8, SEC1) with random numbers: the structure of a key, no key ---------
# Written out here with their OIDs, not taken from leakstop (see BASE62 above).
_OID_RSA = bytes.fromhex('06092a864886f70d010101')  # 1.2.840.113549.1.1.1 rsaEncryption
_OID_EC = bytes.fromhex('06072a8648ce3d0201')  # 1.2.840.10045.2.1 id-ecPublicKey
_OID_P256 = bytes.fromhex('06082a8648ce3d030107')  # 1.2.840.10045.3.1.7 prime256v1
_OID_ED25519 = bytes.fromhex('06032b6570')  # 1.3.101.112


def der(tag: int, content: bytes) -> bytes:
    """One DER element: tag, definite length (short or long form), content."""
    n = len(content)
    if n < 0x80:
        return bytes((tag, n)) + content
    size = n.to_bytes((n.bit_length() + 7) // 8, 'big')
    return bytes((tag, 0x80 | len(size))) + size + content


def _integer(rng: random.Random, nbytes: int) -> bytes:
    value = bytes((rng.randrange(0x80, 0x100),)) + bytes(rng.randrange(256) for _ in range(nbytes - 1))
    return der(0x02, b'\x00' + value)  # a leading zero: a positive number with its top bit set


def der_private_key(kind: str = 'pkcs8-rsa', seed: object = 0, bits: int = 2048) -> str:
    """Base64 (one line, no PEM header) of a private key's DER structure filled with random numbers:
    ``pkcs1-rsa``, ``pkcs8-rsa``, ``sec1-ec`` (P-256), ``pkcs8-ec`` or ``pkcs8-ed25519``."""
    rng = random.Random(repr(('der', kind, seed, bits)))
    half = bits // 16
    rsa = der(0x30, der(0x02, b'\x00') + _integer(rng, bits // 8) + der(0x02, b'\x01\x00\x01') + _integer(rng, bits // 8)
              + b''.join(_integer(rng, half) for _ in range(5)))
    ec = der(0x30, der(0x02, b'\x01') + der(0x04, bytes(rng.randrange(256) for _ in range(32)))
             + der(0xA0, _OID_P256) + der(0xA1, der(0x03, b'\x00\x04' + bytes(rng.randrange(256) for _ in range(64)))))
    body = {
        'pkcs1-rsa': rsa,
        'pkcs8-rsa': der(0x30, der(0x02, b'\x00') + der(0x30, _OID_RSA + b'\x05\x00') + der(0x04, rsa)),
        'sec1-ec': ec,
        'pkcs8-ec': der(0x30, der(0x02, b'\x00') + der(0x30, _OID_EC + _OID_P256) + der(0x04, ec)),
        'pkcs8-ed25519': der(0x30, der(0x02, b'\x00') + der(0x30, _OID_ED25519)
                             + der(0x04, der(0x04, bytes(rng.randrange(256) for _ in range(32))))),
    }[kind]
    return base64.b64encode(body).decode()

"""Sample secrets of every common structured kind, private keys and JWTs: random numbers in the real structure, so
that what every secret of a kind holds (a key's DER or OpenSSH header in base64, a fixed field at a fixed offset,
a JWT's header) is in every sample of it.

``config`` refuses a stopword or an allowlist value that every key of a kind holds: ``MIIE`` is in every RSA-2048
key, ``MHcCAQEE`` in every EC P-256 key in SEC1 form (sixth hostile review, break 15: the rules' examples mix
sizes, so such prefixes were in no marker and not in every example). Structures from RFC 8017 (PKCS#1), RFC 5958
(PKCS#8), RFC 5915 (SEC1), RFC 8410 (Ed25519, X25519, Ed448, X448), RFC 8018 (PBES2), OpenSSL's DSA form and
OpenSSH's PROTOCOL.key. Numbers are as key generators make them: a modulus and its primes of their exact size (top
bit set), the other numbers below them, so one byte shorter about half the time; each combination of those
lengths (which moves the header's length and the fields after it) is a kind of its own. A JWT (RFC 7519) is one
kind per signing algorithm and header as libraries write it (``{"alg":"HS256","typ":"JWT"}``: every such token
starts ``eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9``), its claims in random order and its signature random.
"""
from __future__ import annotations

import base64
import json
import random
import struct
from functools import partial
from typing import Callable, Iterator

SAMPLES = 6  # keys per kind and length variant: a word that is in all of them by chance (not by structure) is rare

_OID_RSA = '06092a864886f70d010101'  # rsaEncryption
_OID_EC = '06072a8648ce3d0201'  # id-ecPublicKey
_OID_DSA = '06072a8648ce380401'  # id-dsa
_OID_PBES2 = '06092a864886f70d01050d'
_OID_PBKDF2 = '06092a864886f70d01050c'
_OID_HMAC_SHA256 = '06082a864886f70d0209'
_OID_AES256_CBC = '060960864801650304012a'
_CURVES = {  # name: (DER OID of the curve, bytes of a coordinate, OpenSSH's name or '')
    'P-256': ('06082a8648ce3d030107', 32, 'nistp256'),
    'P-384': ('06052b81040022', 48, 'nistp384'),
    'P-521': ('06052b81040023', 66, 'nistp521'),
    'secp256k1': ('06052b8104000a', 32, ''),
}
_EDWARDS = {'Ed25519': ('06032b6570', 32), 'X25519': ('06032b656e', 32), 'Ed448': ('06032b6571', 57), 'X448': ('06032b656f', 56)}


def _der(tag: int, content: bytes) -> bytes:
    n = len(content)
    if n < 0x80:
        return bytes((tag, n)) + content
    size = n.to_bytes((n.bit_length() + 7) // 8, 'big')
    return bytes((tag, 0x80 | len(size))) + size + content


def _seq(*items: bytes) -> bytes:
    return _der(0x30, b''.join(items))


def _oid(hex_tlv: str) -> bytes:
    return bytes.fromhex(hex_tlv)


def _integer(magnitude: bytes) -> bytes:
    """A DER INTEGER of a non-negative big-endian number (minimal: a zero byte before a set top bit)."""
    value = magnitude.lstrip(b'\0') or b'\0'
    return _der(0x02, b'\0' + value if value[0] & 0x80 else value)


def _number(rng: random.Random, size: int, *, full: bool) -> bytes:
    """A random number of ``size`` bytes: its top bit set (``full``: a modulus, a prime of its exact size) or not
    (a number below a modulus, half the time)."""
    first = rng.randrange(0x80, 0x100) if full else rng.randrange(1, 0x80)
    return bytes((first,)) + rng.randbytes(size - 1)


_NULL = b'\x05\x00'


def _rsa(rng: random.Random, bits: int, variant: tuple[bool, int]) -> tuple[bytes, bytes, bytes, bytes, bytes, bytes, bytes, bytes]:
    """n, e, d, p, q, dp, dq, qinv; ``variant``: whether d has its top bit set, and how many of dp, dq, qinv do not."""
    full_d, short = variant
    n, p, q = _number(rng, bits // 8, full=True), _number(rng, bits // 16, full=True), _number(rng, bits // 16, full=True)
    d = _number(rng, bits // 8, full=full_d)
    dp, dq, qinv = (_number(rng, bits // 16, full=i >= short) for i in range(3))
    return n, b'\x01\x00\x01', d, p, q, dp, dq, qinv


def _pkcs1(rng: random.Random, bits: int, variant: tuple[bool, int]) -> bytes:
    return _seq(_integer(b'\0'), *map(_integer, _rsa(rng, bits, variant)))


def _pkcs8(algorithm: bytes, key: bytes) -> bytes:
    return _seq(_integer(b'\0'), algorithm, _der(0x04, key))


def _scalar(rng: random.Random, curve: str) -> bytes:
    """A private scalar in its fixed-length octets: P-521's 66 bytes hold 521 bits (the first byte is 0 or 1)."""
    size = _CURVES[curve][1]
    return bytes((rng.randrange(2),)) + rng.randbytes(size - 1) if curve == 'P-521' else rng.randbytes(size)


def _sec1(rng: random.Random, curve: str, *, parameters: bool) -> bytes:
    oid, size, _ = _CURVES[curve]
    point = b'\x04' + rng.randbytes(2 * size)
    return _seq(_integer(b'\x01'), _der(0x04, _scalar(rng, curve)), *((_der(0xA0, _oid(oid)),) if parameters else ()),
                _der(0xA1, _der(0x03, b'\0' + point)))


def _dsa(rng: random.Random, sizes: tuple[int, int], variant: int) -> bytes:
    """OpenSSL's DSA private key: 0, p, q, g, y, x; ``variant``'s bits: whether g, y, x have their top bit set."""
    pbytes, qbytes = sizes[0] // 8, sizes[1] // 8
    p, q = _number(rng, pbytes, full=True), _number(rng, qbytes, full=True)
    g, y = _number(rng, pbytes, full=bool(variant & 1)), _number(rng, pbytes, full=bool(variant & 2))
    x = _number(rng, qbytes, full=bool(variant & 4))
    return _seq(_integer(b'\0'), *map(_integer, (p, q, g, y, x)))


def _pbes2(rng: random.Random, key: bytes, salt: int) -> bytes:
    """An encrypted PKCS#8 key (PBES2, PBKDF2 with HMAC-SHA256, AES-256-CBC): the ciphertext random, its length real."""
    kdf = _seq(_oid(_OID_PBKDF2), _seq(_der(0x04, rng.randbytes(salt)), _integer(b'\x08\x00'), _seq(_oid(_OID_HMAC_SHA256), _NULL)))
    scheme = _seq(_oid(_OID_PBES2), _seq(kdf, _seq(_oid(_OID_AES256_CBC), _der(0x04, rng.randbytes(16)))))
    return _seq(scheme, _der(0x04, rng.randbytes((len(key) // 16 + 1) * 16)))


def _string(value: bytes) -> bytes:
    return struct.pack('>I', len(value)) + value


def _mpint(magnitude: bytes) -> bytes:
    value = magnitude.lstrip(b'\0')
    return _string(b'\0' + value if value and value[0] & 0x80 else value)


def _openssh(rng: random.Random, kind: str, variant: int, *, encrypted: bool) -> bytes:
    """An OpenSSH private key (``openssh-key-v1``); ``kind``: ``ed25519``, ``rsa-BITS`` or ``ecdsa-CURVE``."""
    if kind == 'ed25519':
        public = rng.randbytes(32)
        name = b'ssh-ed25519'
        pub = _string(name) + _string(public)
        secret = _string(name) + _string(public) + _string(rng.randbytes(32) + public)
    elif kind.startswith('rsa-'):
        n, e, d, p, q, _, _, qinv = _rsa(rng, int(kind[4:]), (bool(variant & 1), 3 if variant & 2 else 0))
        name = b'ssh-rsa'
        pub = _string(name) + _mpint(e) + _mpint(n)
        secret = _string(name) + b''.join(map(_mpint, (n, e, d, qinv, p, q)))
    else:
        _, size, curve = _CURVES[kind[6:]]
        name = f'ecdsa-sha2-{curve}'.encode()
        point = b'\x04' + rng.randbytes(2 * size)
        pub = _string(name) + _string(curve.encode()) + _string(point)
        secret = _string(name) + _string(curve.encode()) + _string(point) + _mpint(_number(rng, size, full=bool(variant & 1)))
    check = rng.randbytes(4)
    comment = ''.join(rng.choice('abcdefghijklmnopqrstuvwxyz.@-') for _ in range(rng.randrange(0, 30))).encode()
    private = check + check + secret + _string(comment)
    block = 16 if encrypted else 8
    private += bytes(range(1, 1 + (-len(private)) % block))
    if encrypted:
        head = _string(b'aes256-ctr') + _string(b'bcrypt') + _string(_string(rng.randbytes(16)) + struct.pack('>I', 16))
        private = rng.randbytes(len(private))
    else:
        head = _string(b'none') + _string(b'none') + _string(b'')
    return b'openssh-key-v1\0' + head + struct.pack('>I', 1) + _string(pub) + _string(private)


def _forms(label: str, body: bytes, width: int) -> tuple[str, str, str]:
    """A key as the rules report it: PEM armored, the same with escaped line breaks (JSON), the bare base64."""
    text = base64.b64encode(body).decode()
    lines = [text[i:i + width] for i in range(0, len(text), width)]
    begin, end = f'-----BEGIN {label}-----', f'-----END {label}-----'
    return '\n'.join((begin, *lines, end)), '\\n'.join((begin, *lines, end)), text


Maker = Callable[[random.Random], bytes]


def _rsa_pkcs8(rng: random.Random, bits: int, variant: tuple[bool, int]) -> bytes:
    return _pkcs8(_seq(_oid(_OID_RSA), _NULL), _pkcs1(rng, bits, variant))


def _ec_pkcs8(rng: random.Random, curve: str, *, parameters: bool) -> bytes:
    return _pkcs8(_seq(_oid(_OID_EC), _oid(_CURVES[curve][0])), _sec1(rng, curve, parameters=parameters))


def _edwards(rng: random.Random, name: str) -> bytes:
    oid, size = _EDWARDS[name]
    return _pkcs8(_seq(_oid(oid)), _der(0x04, rng.randbytes(size)))


def _encrypted(rng: random.Random, key: Maker, salt: int) -> bytes:
    return _pbes2(rng, key(rng), salt)


def _kinds() -> Iterator[tuple[str, str, int, Maker]]:
    """(the kind as a message names it, its PEM label, its line width, what makes one)."""
    rsa_variants = [(full_d, short) for full_d in (True, False) for short in range(4)]
    for bits in (1024, 2048, 3072, 4096):
        for variant in rsa_variants:
            yield f'RSA-{bits} private key (PKCS#1)', 'RSA PRIVATE KEY', 64, partial(_pkcs1, bits=bits, variant=variant)
            yield f'RSA-{bits} private key (PKCS#8)', 'PRIVATE KEY', 64, partial(_rsa_pkcs8, bits=bits, variant=variant)
            for salt in (8, 16) if bits in (2048, 4096) else ():
                yield (f'encrypted RSA-{bits} private key (PKCS#8)', 'ENCRYPTED PRIVATE KEY', 64,
                       partial(_encrypted, key=partial(_rsa_pkcs8, bits=bits, variant=variant), salt=salt))
    for curve in _CURVES:
        yield f'EC {curve} private key (SEC1)', 'EC PRIVATE KEY', 64, partial(_sec1, curve=curve, parameters=True)
        for parameters in (False, True):
            yield f'EC {curve} private key (PKCS#8)', 'PRIVATE KEY', 64, partial(_ec_pkcs8, curve=curve, parameters=parameters)
    for salt in (8, 16):
        yield ('encrypted EC P-256 private key (PKCS#8)', 'ENCRYPTED PRIVATE KEY', 64,
               partial(_encrypted, key=partial(_ec_pkcs8, curve='P-256', parameters=False), salt=salt))
    for name in _EDWARDS:
        yield f'{name} private key (PKCS#8)', 'PRIVATE KEY', 64, partial(_edwards, name=name)
    for sizes in ((1024, 160), (2048, 224), (2048, 256), (3072, 256)):
        for dsa_variant in range(8):
            yield f'DSA-{sizes[0]} private key', 'DSA PRIVATE KEY', 64, partial(_dsa, sizes=sizes, variant=dsa_variant)
    for kind in ('ed25519', 'rsa-2048', 'rsa-3072', 'rsa-4096', 'ecdsa-P-256', 'ecdsa-P-384', 'ecdsa-P-521'):
        for ssh_variant in range(1 if kind == 'ed25519' else 4 if kind.startswith('rsa') else 2):
            for encrypted in (False, True):
                yield (f'{"encrypted " if encrypted else ""}OpenSSH {kind} private key', 'OPENSSH PRIVATE KEY', 70,
                       partial(_openssh, kind=kind, variant=ssh_variant, encrypted=encrypted))


_JWT_SIGNATURES = {'HS256': 32, 'HS384': 48, 'HS512': 64, 'RS256': 256, 'RS384': 384, 'RS512': 512, 'PS256': 256,
                   'ES256': 64, 'ES384': 96, 'ES512': 132, 'EdDSA': 64}  # algorithm: bytes of its signature (RSA-2048 and up)
_CLAIMS = ('sub', 'iat', 'exp', 'iss', 'aud', 'jti', 'name', 'role', 'scope', 'nbf')


def _b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b'=').decode()


def _jwt(rng: random.Random, header: dict[str, str], algorithm: str) -> str:
    claims = rng.sample(_CLAIMS, rng.randrange(1, len(_CLAIMS)))
    payload = {c: rng.randrange(10 ** 9, 2 * 10 ** 9) if c in ('iat', 'exp', 'nbf') else _b64url(rng.randbytes(rng.randrange(3, 12)))
               for c in claims}
    signature = _JWT_SIGNATURES[algorithm] * (2 if algorithm == 'RS256' and rng.random() < 0.5 else 1)  # RSA-2048 or 4096
    return '.'.join((_b64url(json.dumps(header, separators=(',', ':')).encode()),
                     _b64url(json.dumps(payload, separators=(',', ':')).encode()), _b64url(rng.randbytes(signature))))


def _jwt_headers(algorithm: str) -> Iterator[dict[str, str]]:
    """The headers libraries write: alg and typ (jsonwebtoken, PyJWT), typ first (jjwt, nimbus), alg alone."""
    yield {'alg': algorithm, 'typ': 'JWT'}
    yield {'typ': 'JWT', 'alg': algorithm}
    yield {'alg': algorithm}


def sample_secrets() -> list[tuple[str, tuple[str, ...]]]:
    """(a kind of secret, ``SAMPLES`` secrets of it in one form): every kind of key and length variant, in each form
    a rule reports (PEM, PEM with escaped line breaks, bare base64); every kind of JWT. Seeded: the same samples in
    every run."""
    out: list[tuple[str, tuple[str, ...]]] = []
    for index, (kind, label, width, make) in enumerate(_kinds()):
        rng = random.Random(index)
        keys = [_forms(label, make(rng), width) for _ in range(SAMPLES)]
        out.extend((kind, tuple(key[form] for key in keys)) for form in range(3))
    for algorithm in _JWT_SIGNATURES:
        for header in _jwt_headers(algorithm):
            rng = random.Random(repr(('jwt', algorithm, header)))
            out.append((f'{algorithm} JWT with this header', tuple(_jwt(rng, header, algorithm) for _ in range(SAMPLES))))
    return out

"""Offline checks a rule may name: checksums, structure, entropy.

A validator takes the extracted secret (text) and returns True when the secret is
well formed. Rules name validators by key in ``VALIDATORS``; the rule loader rejects
unknown names. Nothing here touches the network.
"""
from __future__ import annotations

import base64
import binascii
import json
import math
import zlib
from typing import Callable

BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'
BASE32_AWS = frozenset('ABCDEFGHIJKLMNOPQRSTUVWXYZ234567')
AWS_KEY_ID_PREFIXES = frozenset(
    ('AKIA', 'ASIA', 'ABIA', 'ACCA', 'AGPA', 'AIDA', 'AIPA', 'ANPA', 'ANVA', 'APKA', 'AROA', 'ASCA'),
)


def shannon_entropy(text: str) -> float:
    """Bits per character of ``text``."""
    if not text:
        return 0.0
    counts: dict[str, int] = {}
    for ch in text:
        counts[ch] = counts.get(ch, 0) + 1
    n = len(text)
    return -sum(c / n * math.log2(c / n) for c in counts.values())


def base62_crc32(body: str, width: int = 6) -> str:
    """CRC32 of ``body`` in base62, left padded: GitHub's and npm's token checksum."""
    value = zlib.crc32(body.encode())
    digits = []
    while value:
        value, rem = divmod(value, 62)
        digits.append(BASE62[rem])
    return ''.join(reversed(digits)).rjust(width, '0')


def github_checksum(secret: str) -> bool:
    """``ghp_``/``gho_``/``ghu_``/``ghs_``/``ghr_`` + 30 random + 6 checksum characters."""
    _, sep, rest = secret.partition('_')
    if not sep or len(rest) != 36:
        return False
    return base62_crc32(rest[:30]) == rest[30:]


def npm_checksum(secret: str) -> bool:
    """``npm_`` + 30 random + 6 checksum characters (the GitHub scheme)."""
    if not secret.startswith('npm_') or len(secret) != 40:
        return False
    rest = secret[4:]
    return base62_crc32(rest[:30]) == rest[30:]


def _b64decode_loose(text: str) -> bytes | None:
    """Decode standard or URL-safe base64 with or without padding; None if invalid."""
    text = text.strip()
    alt = b'-_' if ('-' in text or '_' in text) else None
    try:
        return base64.b64decode(text + '=' * (-len(text) % 4), altchars=alt, validate=True)
    except (binascii.Error, ValueError):
        return None


def jwt_structure(secret: str) -> bool:
    """Three base64url parts; header and payload decode to JSON objects; header has ``alg``."""
    parts = secret.split('.')
    if len(parts) != 3 or not all(parts[:2]):
        return False
    try:
        header = json.loads(_b64decode_loose(parts[0]) or b'')
        payload = json.loads(_b64decode_loose(parts[1]) or b'')
    except (ValueError, UnicodeDecodeError):
        return False
    return isinstance(header, dict) and 'alg' in header and isinstance(payload, dict)


def pypi_macaroon(secret: str) -> bool:
    """``pypi-`` + a base64url macaroon whose location is pypi.org or test.pypi.org."""
    if not secret.startswith('pypi-'):
        return False
    raw = _b64decode_loose(secret[5:])
    return raw is not None and len(raw) > 32 and raw[:2] == b'\x02\x01' and b'pypi.org' in raw[:40]


def aws_key_id(secret: str) -> bool:
    """A known 4-letter prefix followed by 16 characters of AWS's base32 alphabet."""
    return (
        len(secret) == 20
        and secret[:4] in AWS_KEY_ID_PREFIXES
        and all(ch in BASE32_AWS for ch in secret[4:])
    )


def slack_token(secret: str) -> bool:
    """xoxb/xoxp/xoxa/xoxe/xoxs: dash-separated numeric ids, then a random tail."""
    parts = secret.split('-')
    if len(parts) < 3 or parts[0] not in {'xoxb', 'xoxp', 'xoxa', 'xoxe', 'xoxs', 'xoxr'}:
        return False
    ids = [p for p in parts[1:-1] if p]
    return bool(ids) and all(p.isdigit() and len(p) >= 6 for p in ids[:2]) and len(parts[-1]) >= 10


def base64_key(secret: str) -> bool:
    """A base64 string decoding to at least 16 bytes (e.g. Azure account keys)."""
    raw = _b64decode_loose(secret)
    return raw is not None and len(raw) >= 16


def pem_private_key(secret: str) -> bool:
    """A PEM block whose body (headers such as Proc-Type dropped) is base64 of 64+ bytes."""
    lines = [ln.strip() for ln in secret.replace('\\n', '\n').splitlines()]
    body = ''.join(ln for ln in lines if ln and not ln.startswith('-----') and ':' not in ln)
    raw = _b64decode_loose(body)
    return raw is not None and len(raw) >= 64


def not_all_same_class(secret: str) -> bool:
    """Mixed characters: not only digits, not only letters of one case (cuts words, numbers)."""
    return not (secret.isdigit() or secret.isalpha() and (secret.islower() or secret.isupper()))


VALIDATORS: dict[str, Callable[[str], bool]] = {
    'aws_key_id': aws_key_id,
    'base64_key': base64_key,
    'github_checksum': github_checksum,
    'jwt': jwt_structure,
    'mixed_chars': not_all_same_class,
    'npm_checksum': npm_checksum,
    'pem_private_key': pem_private_key,
    'pypi_macaroon': pypi_macaroon,
    'slack_token': slack_token,
}

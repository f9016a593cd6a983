"""Offline checks a rule may name: checksums, structure, entropy.

A validator takes the extracted secret (text) and returns True when the secret is
well formed. Rules name validators by key in ``VALIDATORS``; the rule loader rejects
unknown names. Nothing here touches the network.
"""
from __future__ import annotations

import binascii
import json
import os
import re
import zlib
from typing import Callable

from leakstop.digest import sha256
from leakstop.generic.values import shannon_entropy as shannon_entropy  # one home: the value judge
from leakstop.regex import LazyPattern

BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'
BASE32_AWS = frozenset('ABCDEFGHIJKLMNOPQRSTUVWXYZ234567')
AWS_KEY_ID_PREFIXES = frozenset(
    ('AKIA', 'ASIA', 'ABIA', 'ACCA', 'AGPA', 'AIDA', 'AIPA', 'ANPA', 'ANVA', 'APKA', 'AROA', 'ASCA'),
)


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


def github_refresh_checksum(secret: str) -> bool:
    """A refresh token: ``ghr_`` + 36 characters with the checksum (``github_checksum``), or the 76 that GitHub's
    documentation shows, for which no checksum is published: random characters (entropy 4+) there."""
    rest = secret.partition('_')[2]
    if len(rest) == 76:
        return rest.isalnum() and shannon_entropy(rest) >= 4.0
    return github_checksum(secret)


def npm_checksum(secret: str) -> bool:
    """``npm_`` + 30 random + 6 checksum characters (the GitHub scheme)."""
    if not secret.startswith('npm_') or len(secret) != 40:
        return False
    rest = secret[4:]
    return base62_crc32(rest[:30]) == rest[30:]


def b64decode_loose(text: str) -> bytes | None:
    """Decode standard or URL-safe base64 with or without padding; None if invalid."""
    import base64  # here, not at the top: only a candidate secret of some rules is decoded
    text = text.strip()
    alt = b'-_' if ('-' in text or '_' in text) else None
    try:
        return base64.b64decode(text + '=' * (-len(text) % 4), altchars=alt, validate=True)
    except (binascii.Error, ValueError):
        return None


def jwt_parts(secret: str) -> tuple[dict[str, object], dict[str, object]] | None:
    """A JWT's header and payload, when it has three parts and both decode to JSON objects."""
    parts = secret.split('.')
    if len(parts) != 3 or not all(parts[:2]):
        return None
    try:
        header = json.loads(b64decode_loose(parts[0]) or b'')
        payload = json.loads(b64decode_loose(parts[1]) or b'')
    except (ValueError, UnicodeDecodeError, RecursionError):  # RecursionError: `[[[[...` nested past the limit
        return None
    return (header, payload) if isinstance(header, dict) and isinstance(payload, dict) else None


# The claims of the examples of RFC 7515 (A.1-A.4: HS256, RS256, ES256, ES512) and RFC 7519 (3.1): a token made
# with them is the specification's example, whatever key signed it (an ECDSA signature differs at every signing;
# held-out 88: jwx's A.2 and A.3 copies, and A.1 cut by one character)
_SPECIFICATION_CLAIMS = {'iss': 'joe', 'exp': 1300819380, 'http://example.com/is_root': True}


def jwt_structure(secret: str) -> bool:
    """Three base64url parts; header and payload decode to JSON objects; header has ``alg``; the signature
    is bytes, not text: ``aW52YWxpZF9zaWduYXR1cmU`` (``invalid_signature``) was written by hand, for a
    negative test (16 random bytes are all printable one time in 10 million). The specifications' example claims
    make no secret."""
    parts = jwt_parts(secret)
    if parts is None or 'alg' not in parts[0] or parts[1] == _SPECIFICATION_CLAIMS:
        return False
    signature = b64decode_loose(secret.rsplit('.', 1)[1])
    return not signature or not all(32 <= b < 127 for b in signature)


def base64_private_jwk(secret: str) -> bool:
    """The base64 (standard or URL-safe) of a JSON Web Key with its private part, or of a key set holding one:
    ``d`` of an RSA, EC or OKP key, ``k`` of a symmetric one (Datadog's runner takes its ``privateKey`` so)."""
    raw = b64decode_loose(secret)
    if raw is None or not raw.startswith(b'{'):
        return False
    try:
        doc = json.loads(raw)
    except (ValueError, UnicodeDecodeError, RecursionError):
        return False
    keys: list[object] = doc['keys'] if isinstance(doc, dict) and isinstance(doc.get('keys'), list) else [doc]
    return any(
        isinstance(key, dict) and (
            key.get('kty') in ('RSA', 'EC', 'OKP') and isinstance(key.get('d'), str) and len(key['d']) >= 32
            or key.get('kty') == 'oct' and isinstance(key.get('k'), str) and len(key['k']) >= 22)
        for key in keys
    )


def pypi_macaroon(secret: str) -> bool:
    """``pypi-`` + a base64url macaroon whose location is pypi.org or test.pypi.org."""
    if not secret.startswith('pypi-'):
        return False
    raw = b64decode_loose(secret[5:])
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
    raw = b64decode_loose(secret)
    return raw is not None and len(raw) >= 16


def pem_private_key(secret: str) -> bool:
    """A PEM block whose body (headers such as Proc-Type dropped) is base64 of 64+ bytes, or of an
    EC private key without its public part (51 bytes for P-256: shorter than any other key)."""
    raw = b64decode_loose(_pem_body(secret))
    return raw is not None and (len(raw) >= 64 or sec1_private_key(raw))


def pem_private_key_body(secret: str) -> bool:
    """A PEM block of a key type nothing here parses (a Matrix signing key, a TPM-wrapped key): its body is base64
    of 24 bytes or more, with more than 8 distinct bytes (not a placeholder of one byte repeated)."""
    raw = b64decode_loose(_pem_body(secret))
    return raw is not None and len(raw) >= 24 and len(set(raw)) > 8


def _pem_body(secret: str) -> str:
    """The base64 body of a PEM block: its armor and headers (Proc-Type, DEK-Info) dropped, its lines joined."""
    # (also written on one line with its body; a line ending in `\` continues a string: Rust's, C's, a shell's)
    text = _PEM_ARMOR.sub('\n', secret.replace('\\n', '\n').replace('\\\r\n', '\n').replace('\\\n', '\n'))
    return ''.join(''.join(ln.split()) for ln in text.splitlines() if ':' not in ln)


_PEM_ARMOR = LazyPattern(r'-----(?:BEGIN|END) [A-Z0-9 ]{1,60}-----')


def sec1_private_key(raw: bytes) -> bool:
    """DER of an SEC 1 EC private key: SEQUENCE { INTEGER 1, OCTET STRING d (24-66 bytes), then the
    optional [0] curve and [1] public key, or nothing }, its scalar not one byte repeated."""
    if len(raw) < 32 or raw[0] != 0x30 or raw[1] != len(raw) - 2 or raw[2:5] != b'\x02\x01\x01' or raw[5] != 0x04:
        return False
    size = raw[6]
    end = 7 + size
    return 24 <= size <= 66 and end <= len(raw) and (end == len(raw) or raw[end] in (0xA0, 0xA1)) and len(set(raw[7:end])) > 4


def not_all_same_class(secret: str) -> bool:
    """Mixed characters: not only digits, not only letters of one case (cuts words, numbers)."""
    return not (secret.isdigit() or secret.isalpha() and (secret.islower() or secret.isupper()))


BASE58 = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz'
BECH32 = 'qpzry9x8gf2tvdw0s3jn54khce6mua7l'


def _base58check_payload(secret: str) -> bytes | None:
    """The bytes ``secret`` encodes without its checksum, if its last 4 bytes are the double SHA-256 of the rest."""
    value = 0
    for ch in secret:
        digit = BASE58.find(ch)
        if digit < 0:
            return None
        value = value * 58 + digit
    zeros = len(secret) - len(secret.lstrip('1'))
    raw = bytes(zeros) + value.to_bytes((value.bit_length() + 7) // 8, 'big')
    if len(raw) < 5 or sha256(sha256(raw[:-4]).digest()).digest()[:4] != raw[-4:]:
        return None
    return raw[:-4]


def base58check(secret: str) -> bool:
    """Base58 whose last 4 bytes are the double SHA-256 of the rest (Bitcoin WIF keys, BIP-32 xprv)."""
    return _base58check_payload(secret) is not None


def matrix_recovery_key(secret: str) -> bool:
    """A Matrix recovery key: base58 (spaces between its groups dropped) of 0x8B 0x01, 32 key bytes and a parity byte,
    the XOR of every byte before it."""
    value = 0
    for ch in secret.replace(' ', ''):
        digit = BASE58.find(ch)
        if digit < 0:
            return False
        value = value * 58 + digit
    raw = value.to_bytes((value.bit_length() + 7) // 8, 'big')
    parity = 0
    for byte in raw:
        parity ^= byte
    return len(raw) == 35 and raw[:2] == b'\x8b\x01' and parity == 0 and len(set(raw[2:34])) > 4


def bitcoin_wif(secret: str) -> bool:
    """A Bitcoin private key in Wallet Import Format: base58check of a mainnet (0x80) or testnet (0xEF) version
    byte and 32 key bytes, then 0x01 for a compressed key. The checksum (1 in 2**32 by chance) and the layout
    make it a key wherever it stands, with no keyword beside it (a wallet's test asserting what it derives)."""
    raw = _base58check_payload(secret)
    return raw is not None and raw[0] in (0x80, 0xEF) and (len(raw) == 33 or len(raw) == 34 and raw[33] == 1)


def bech32_checksum(secret: str) -> bool:
    """BIP-173 bech32 (one case, ``hrp1data``) with a valid 6-character checksum (age secret keys)."""
    if secret != secret.lower() and secret != secret.upper():
        return False
    hrp, sep, data = secret.lower().rpartition('1')
    if not sep or not hrp or len(data) < 6 or any(ch not in BECH32 for ch in data):
        return False
    chk = 1
    for v in [ord(ch) >> 5 for ch in hrp] + [0] + [ord(ch) & 31 for ch in hrp] + [BECH32.index(ch) for ch in data]:
        top = chk >> 25
        chk = (chk & 0x1ffffff) << 5 ^ v
        for i, gen in enumerate((0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3)):
            if top >> i & 1:
                chk ^= gen
    return chk == 1


def letters_and_digits(secret: str) -> bool:
    """At least one letter and one digit: random tokens after a short prefix, not identifiers (``rnd_generateSeeds``)."""
    return any(ch.isdigit() for ch in secret) and any(ch.isalpha() for ch in secret)


def crc16_xmodem(data: bytes) -> int:
    crc = 0
    for byte in data:
        crc ^= byte << 8
        for _ in range(8):
            crc = (crc << 1 ^ 0x1021 if crc & 0x8000 else crc << 1) & 0xFFFF
    return crc


def nats_nkey_seed(secret: str) -> bool:
    """NATS NKey seed: base32 of a seed prefix, a type, 32 bytes, and a CRC-16 (XMODEM, little endian)."""
    import base64
    try:
        raw = base64.b32decode(secret + '=' * (-len(secret) % 8))
    except (binascii.Error, ValueError):
        return False
    if len(raw) != 36 or raw[0] >> 3 != 18:
        return False
    return crc16_xmodem(raw[:-2]) == int.from_bytes(raw[-2:], 'little')


def nats_nkey_public(value: str) -> bool:
    """A NATS NKey public key: 56 base32 characters, a type (N server, C cluster, O operator, A account, U user,
    X curve), 32 bytes and a CRC-16 (XMODEM, little endian), as ``nsc`` prints it beside the seed it keeps."""
    import base64
    if len(value) != 56 or value[0] not in 'NCOAUX':
        return False
    try:
        raw = base64.b32decode(value + '=' * (-len(value) % 8))
    except (binascii.Error, ValueError):
        return False
    return len(raw) == 35 and crc16_xmodem(raw[:-2]) == int.from_bytes(raw[-2:], 'little')


def ceph_key(secret: str) -> bool:
    """A Ceph (cephx) secret key: base64 of its crypto type (AES, 1), its creation time (8 bytes), the length of the
    key (16) and the key, little endian, as `ceph-authtool --gen-key` writes it."""
    import base64
    try:
        raw = base64.b64decode(secret, validate=True)
    except (binascii.Error, ValueError):
        return False
    return len(raw) == 28 and raw[0:2] == b'\x01\x00' and raw[10:12] == b'\x10\x00'


def atlassian_dc_pat(secret: str) -> bool:
    """Jira/Confluence/Bitbucket Data Center PAT: base64 of a 12-digit token id, ``:`` and 20 random bytes."""
    raw = b64decode_loose(secret)
    return raw is not None and len(raw) == 33 and raw[:12].isdigit() and raw[12:13] == b':'


# --- values assigned to credential-named keys: judged by the one value judge (leakstop.generic.values) ---

from leakstop.generic.values import assigned_password, assigned_token, cisco_type7_password, junos9_password, url_password  # noqa: E402  (used by rules)
from leakstop.placeholders import placeholder_password  # noqa: E402


def basic_auth_credentials(secret: str) -> bool:
    """Base64 of printable ``user:password`` with a password that is not a placeholder word."""
    raw = b64decode_loose(secret)
    if raw is None:
        return False
    try:
        text = raw.decode('ascii')
    except UnicodeDecodeError:
        return False
    user, sep, password = text.partition(':')
    return bool(
        sep and password and text.isprintable()
        and not placeholder_password(password)
        and assigned_password(password) and password != user  # admin:pw, foo:bar, nextauth:nextauth
    )


def pem_private_key_quoted(secret: str) -> bool:
    """A PEM private key written as a string per line (``"MIIE...\\n"`` + ...), e.g. in test code."""
    text = secret.replace('\\n', '\n').replace('\\r', '')
    lines = [ln.strip().strip('+,;').strip().strip('"\'').strip() for ln in text.splitlines()]
    return pem_private_key('\n'.join(lines))


def pgp_private_key(secret: str) -> bool:
    """An ASCII-armored OpenPGP block whose first packet is a secret key or secret subkey."""
    # (escaped: \r\n, \n; continued: a backslash ends each line)
    lines = [ln.rstrip().removesuffix('\\').strip() for ln in secret.replace('\\r', '').replace('\\n', '\n').splitlines()]
    body: list[str] = []
    in_body = False
    for line in lines[1:]:
        if line.startswith('-----') or (line.startswith('=') and len(line) == 5):
            break
        if in_body:
            body.append(line)
        elif not line:
            in_body = True
        elif ':' not in line:  # no blank line after the armor header: the body starts here
            in_body = True
            body.append(line)
    raw = b64decode_loose(''.join(body))
    if raw is None or len(raw) < 64:
        return False
    tag = raw[0]
    return tag in (0x94, 0x95, 0x96, 0x97, 0x9C, 0x9D, 0x9E, 0x9F, 0xC5, 0xC7)


def base64_pem_private_key(secret: str) -> bool:
    """Base64 of a PEM private key (Kubernetes secrets, CI variables): decoded, a well-formed key."""
    raw = b64decode_loose(''.join(secret.split()))
    if raw is None:
        return False
    text = raw.decode('ascii', 'replace')
    if 'PRIVATE KEY-----' not in text:
        return False
    # (a PKCS#8 Ed25519 or X25519 key is 48 bytes, under pem_private_key's 64: in PEM its own rule finds it,
    # private-key-pkcs8-curve25519; in base64 only its DER structure tells it; eighth hostile review, break 05)
    return pem_private_key(text) or der_private_key(_pem_body(text)) or 'b3BlbnNzaC1rZXktdjE' in text


_BCRYPT = LazyPattern(rb'\$2[abxy]?\$(?:0[4-9]|[12]\d|3[01])\$[./A-Za-z0-9]{53}\n?\Z')


def base64_bcrypt(secret: str) -> bool:
    """Base64 of a bcrypt hash (gatus' basic-auth users, `JDJh…`: held-out 84): decoded, a well-formed one."""
    raw = b64decode_loose(''.join(secret.split()))
    return raw is not None and _BCRYPT.match(raw) is not None


def _der_element(data: bytes, pos: int, end: int) -> tuple[int, int, int] | None:
    """The DER element at ``pos`` (before ``end``): its tag and content span; None if malformed."""
    if pos + 2 > end:
        return None
    tag, first = data[pos], data[pos + 1]
    start = pos + 2
    if first & 0x80:
        width = first & 0x7F
        if not 1 <= width <= 3 or start + width > end:
            return None
        size = int.from_bytes(data[start:start + width], 'big')
        start += width
    else:
        size = first
    return (tag, start, start + size) if start + size <= end else None


def _der_children(data: bytes, start: int, end: int) -> list[tuple[int, int, int]] | None:
    """The elements of a constructed element's content, exactly filling it; None if malformed."""
    out: list[tuple[int, int, int]] = []
    pos = start
    while pos < end and len(out) < 12:
        element = _der_element(data, pos, end)
        if element is None:
            return None
        out.append(element)
        pos = element[2]
    return out if pos == end else None


# The algorithms of a PKCS#8 key (the OID's content bytes): RSA, RSASSA-PSS, DSA, DH, EC, X25519, X448,
# Ed25519, Ed448, SM2
_KEY_ALGORITHMS = frozenset(bytes.fromhex(h) for h in (
    '2a864886f70d010101', '2a864886f70d01010a', '2a8648ce380401', '2a864886f70d010301', '2a8648ce3d0201',
    '2b656e', '2b656f', '2b6570', '2b6571', '2a811ccf5501822d',
))


def _der_sequence(secret: str) -> tuple[bytes, list[tuple[int, int, int]] | None]:
    """The bytes of base64 ``secret`` (wrapped: newlines or ``\\n`` escapes) and the elements of the one SEQUENCE that
    fills them (None if it is not one, or under 40 bytes: no key)."""
    raw = b64decode_loose(''.join(secret.replace('\\n', ' ').split()))
    if raw is None or len(raw) < 40:
        return b'', None
    top = _der_element(raw, 0, len(raw))
    if top is None or top[0] != 0x30 or top[2] != len(raw):
        return raw, None
    return raw, _der_children(raw, top[1], top[2])


# a SafeBag's id in a PKCS#12's clear content: keyBag or pkcs8ShroudedKeyBag (1.2.840.113549.1.12.10.1.1 / .2); the
# certificates of a truststore sit in bags of other kinds
_PKCS12_KEY_BAG = LazyPattern(re.escape(bytes.fromhex('060b2a864886f70d010c0a01')) + b'[\x01\x02]')


def der_private_key(secret: str) -> bool:
    """Base64 of a private key's DER structure without its PEM header (a realm export's
    ``"privateKey": "MIIE…"``, a key pasted into XML or an env variable): one SEQUENCE filling the
    whole value, a version, then a PKCS#8 key (an algorithm identifier and the key's OCTET STRING),
    a PKCS#1 RSA or DSA key (integers only, the first of 512 bits at least) or a SEC1 EC key (version
    1 and the key's OCTET STRING); or a PKCS#12 keystore holding a key bag (an Apple profile's ``PayloadContent``,
    held-out 62). A certificate, a public key, a CSR, a signature or a truststore of certificates is none."""
    raw, kids = _der_sequence(secret)
    if not kids or len(kids) < 2 or kids[0][0] != 0x02:
        return False
    version = raw[kids[0][1]:kids[0][2]]
    if version == b'\x03' and kids[1][0] == 0x30:  # PKCS#12 (PFX): a keystore, when it holds a key
        return _PKCS12_KEY_BAG.search(raw) is not None
    if len(kids) < 3:
        return False
    (tag1, start1, end1), (tag2, start2, end2) = kids[1], kids[2]
    if version in (b'\x00', b'\x01') and tag1 == 0x30 and tag2 == 0x04:  # PKCS#8 (v1, v2)
        algorithm = _der_children(raw, start1, end1)
        if not algorithm:
            return False
        oid_tag, oid_start, oid_end = algorithm[0]
        return oid_tag == 0x06 and end2 - start2 >= 32 and raw[oid_start:oid_end] in _KEY_ALGORITHMS
    if version == b'\x00' and len(kids) in (6, 9) and all(k[0] == 0x02 for k in kids):  # DSA, RSA (PKCS#1)
        return end1 - start1 >= 64
    return version == b'\x01' and tag1 == 0x04 and end1 - start1 in (28, 32, 48, 66) and tag2 in (0xA0, 0xA1)  # SEC1


def der_public_key_info(secret: str) -> bool:
    """Base64 of a DER SubjectPublicKeyInfo (``MIIBIjANBgkqhkiG9w0BAQEFAAOC…``, ``MFkwEwYHKoZIzj0CAQ…``): one SEQUENCE
    filling the value, of an algorithm identifier (a SEQUENCE that starts with an OID) and a BIT STRING. A public
    key; a private key's structure starts with an INTEGER (``der_private_key``)."""
    raw, kids = _der_sequence(secret)
    if not kids or len(kids) != 2 or kids[0][0] != 0x30 or kids[1][0] != 0x03:
        return False
    algorithm = _der_children(raw, kids[0][1], kids[0][2])
    return algorithm is not None and bool(algorithm) and algorithm[0][0] == 0x06


# Validators that prove a value was generated by its issuer (a checksum, a signed binary
# structure): a secret that passes one is never taken for a placeholder because it happens to
# contain ``todo`` or ``xxxx``. (Slack's structure check is not one: ``xoxb-000000000000-…-xxxx``
# passes it, and is what documentation writes.)
BIP39_WORDS_FILE = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'data', 'bip39_english.txt.gz')
# BIP-39's English wordlist (2,048 words; bitcoin/bips bip-0039/english.txt, SHA-256 2f5eed53…dbda), read on first need
_BIP39: dict[str, int] = {}


def _bip39_list() -> dict[str, int]:
    if not _BIP39:
        import gzip  # on first need: its import is a start's millisecond
        with gzip.open(BIP39_WORDS_FILE, 'rt', encoding='ascii') as f:
            _BIP39.update((word, i) for i, word in enumerate(f.read().split()))
    return _BIP39


def bip39_mnemonic(secret: str) -> bool:
    """12, 15, 18, 21 or 24 words of BIP-39's English list whose last bits are the SHA-256 checksum of
    the entropy the words encode: a wallet's seed phrase, as every wallet writes and checks it."""
    words = secret.split()
    if len(words) not in (12, 15, 18, 21, 24):
        return False
    _bip39_list()
    bits = 0
    for word in words:
        index = _BIP39.get(word)
        if index is None:
            return False
        bits = bits << 11 | index
    size = len(words) * 11 // 33  # checksum bits; the entropy is 32 times as many
    entropy = (bits >> size).to_bytes(size * 4, 'big')
    return bool(sha256(entropy).digest()[0] >> (8 - size) == bits & ((1 << size) - 1))


# Electrum's seed versions: the hex of HMAC-SHA512(b"Seed version", seed) starts with one of these (standard,
# segwit, two-factor, two-factor segwit); electrum/mnemonic.py and its SEED_PREFIX constants.
_ELECTRUM_PREFIXES = ('01', '100', '101', '102')


def electrum_seed(secret: str) -> bool:
    """12 or more words of BIP-39's English list that Electrum takes for a seed of its own kind: the words carry
    no BIP-39 checksum but their HMAC names a seed version (8 or 12 bits; 1 in 256 lists of words by chance)."""
    words = secret.lower().split()
    if not 12 <= len(words) <= 24 or any(word not in _bip39_list() for word in words):
        return False
    import hmac  # (here: hmac imports hashlib, which a warm hook's start-up does without)
    digest = hmac.new(b'Seed version', ' '.join(words).encode(), 'sha512').hexdigest()
    return digest.startswith(_ELECTRUM_PREFIXES)


SLIP39_WORDS_FILE = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'data', 'slip39_english.txt.gz')
# SLIP-0039's wordlist (1,024 words; satoshilabs/slips slip-0039/wordlist.txt, as the shamir-mnemonic package ships
# it, MIT; SHA-256 bcc45553…eec3), read on first need
_SLIP39: dict[str, int] = {}
# RS1024's generator (SLIP-0039, "Checksum") and the customization strings of plain and extendable shares
_RS1024_GEN = (0xE0E040, 0x1C1C080, 0x3838100, 0x7070200, 0xE0E0009, 0x1C0C2412, 0x38086C24, 0x3090FC48, 0x21B1F890,
               0x3F3F120)
_SLIP39_CUSTOMIZATIONS = (b'shamir', b'shamir_extendable')


def _rs1024_polymod(values: list[int]) -> int:
    chk = 1
    for v in values:
        top = chk >> 20
        chk = (chk & 0xFFFFF) << 10 ^ v
        for i, gen in enumerate(_RS1024_GEN):
            if top >> i & 1:
                chk ^= gen
    return chk


def slip39_share(secret: str) -> bool:
    """20 to 33 words of SLIP-0039's list whose last three are the RS1024 checksum of the rest (30 bits): one share
    of a Shamir-split wallet seed (Trezor's backups; a threshold of them rebuilds the seed)."""
    words = secret.lower().split()
    if not 20 <= len(words) <= 33:
        return False
    if not _SLIP39:
        import gzip
        with gzip.open(SLIP39_WORDS_FILE, 'rt', encoding='ascii') as f:
            _SLIP39.update((word, i) for i, word in enumerate(f.read().split()))
    indices = [_SLIP39.get(word, -1) for word in words]
    if min(indices) < 0:
        return False
    return any(_rs1024_polymod([*custom, *indices]) == 1 for custom in _SLIP39_CUSTOMIZATIONS)


def seed_phrase(secret: str) -> bool:
    """A wallet's seed phrase: BIP-39's (its checksum), Electrum's (its seed version) or a SLIP-0039 share (its
    RS1024 checksum)."""
    return bip39_mnemonic(secret) or electrum_seed(secret) or slip39_share(secret)


CHECKSUM_VALIDATORS = frozenset({
    'github_checksum', 'github_refresh_checksum', 'npm_checksum', 'pypi_macaroon', 'base58check', 'bech32', 'bip39',
    'seed_phrase', 'nats_nkey_seed', 'bitcoin_wif', 'matrix_recovery_key',
})
# The checksums that prove a value alone was issued, whichever rule or file format it was found in (a
# token in a .npmrc, a kubeconfig, a template's value): ``placeholders.is_placeholder`` never takes such a
# value for a placeholder (issue 13 #12, also in block-credential-files and block-env-files). BIP-39 is not
# among them: twelve words carry a checksum of 4 bits only.
_ISSUED = LazyPattern(r'\A(?:gh[pousr]_[A-Za-z0-9]{36}|npm_[A-Za-z0-9]{36}|pypi-AgE[A-Za-z0-9_-]{50,})\Z')
_NATS_SEED = LazyPattern(r'\AS[UAOCNX][A-Z2-7]{56}\Z')


def issued_token(value: str) -> bool:
    """Whether ``value`` is a token whose checksum (or signed structure) proves its issuer generated it:
    GitHub's and npm's CRC32, a PyPI macaroon, a NATS seed's CRC-16; or a key or an address whose base58check or bech32 checksum holds."""
    if _ISSUED.match(value) is not None:
        return github_checksum(value) if value.startswith('gh') else npm_checksum(value) or pypi_macaroon(value)
    if _NATS_SEED.match(value) is not None:  # (its CRC-16; ninth hostile review, break 02)
        return nats_nkey_seed(value)
    return len(value) >= 26 and (base58check(value) or bech32_checksum(value))


# Token formats whose rules still report a token that fails its checksum when its body is random: a test
# fixture or an example written by hand (a made-up ghp_ with random characters, as the held-out labels call
# realistic test keys true; gitleaks reports them too) or a mistyped real one. Reported without the
# checksum's certainty (placeholder shapes apply) and at medium severity. Keys and addresses (base58check,
# bech32) are not: a failed checksum there says it is no key.
MADE_UP_TOLERANT = frozenset({'github_checksum', 'github_refresh_checksum', 'npm_checksum'})

_OPENVPN_BODY = re.compile(r'[0-9A-Za-z+/=]{8,}')


def openvpn_key(secret: str) -> bool:
    """An OpenVPN key block (a static key's hex, a tls-crypt-v2 or auth-token key's base64) whose bytes are no test
    pattern: not all one byte, not counting (``AAECAwQF…``: 00 01 02 03), each as the placeholder judge reads them."""
    from leakstop.placeholders import counting_bytes
    inner = secret.split('-----', 2)[-1].rsplit('-----END', 1)[0]
    body = ''.join(_OPENVPN_BODY.findall(inner.replace('\\n', '\n')))
    if 'Static key' in secret.split('-----', 2)[1]:
        if len(body) < 64 or any(c not in '0123456789abcdefABCDEF' for c in body):
            return False
        raw: bytes | None = bytes.fromhex(body[:len(body) // 2 * 2])
    else:
        raw = b64decode_loose(body.rstrip('='))
    if raw is None or len(raw) < 32 or len(set(raw)) <= 2:
        return False
    return not counting_bytes(body[:64]) and not counting_bytes(body[-64:])


VALIDATORS: dict[str, Callable[[str], bool]] = {
    'atlassian_dc_pat': atlassian_dc_pat,
    'aws_key_id': aws_key_id,
    'base58check': base58check,
    'base64_key': base64_key,
    'matrix_recovery_key': matrix_recovery_key,
    'ceph_key': ceph_key,
    'bech32': bech32_checksum,
    'bip39': bip39_mnemonic,
    'seed_phrase': seed_phrase,
    'bitcoin_wif': bitcoin_wif,
    'github_checksum': github_checksum,
    'github_refresh_checksum': github_refresh_checksum,
    'jwt': jwt_structure,
    'letters_and_digits': letters_and_digits,
    'mixed_chars': not_all_same_class,
    'nats_nkey_seed': nats_nkey_seed,
    'npm_checksum': npm_checksum,
    'pem_private_key': pem_private_key,
    'pem_private_key_body': pem_private_key_body,
    'pypi_macaroon': pypi_macaroon,
    'slack_token': slack_token,
    'assigned_password': assigned_password,
    'cisco_type7': cisco_type7_password,
    'junos9': junos9_password,
    'assigned_token': assigned_token,
    'url_password': url_password,
    'basic_auth': basic_auth_credentials,
    'pem_private_key_quoted': pem_private_key_quoted,
    'pgp_private_key': pgp_private_key,
    'openvpn_key': openvpn_key,
    'base64_pem_private_key': base64_pem_private_key,
    'base64_bcrypt': base64_bcrypt,
    'der_private_key': der_private_key,
    'base64_private_jwk': base64_private_jwk,
}

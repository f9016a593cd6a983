"""Offline checks a rule may name: checksums, structure, entropy.

A validator takes the extracted secret (text) and returns True when the secret is
well formed. Rules name validators by key in ``VALIDATORS``; the rule loader rejects
unknown names. Nothing here touches the network.
"""
from __future__ import annotations

import base64
import binascii
import hashlib
import json
import math
import re
import zlib
from typing import Callable

from leakstop.regex import LazyPattern

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
    except (ValueError, UnicodeDecodeError, RecursionError):  # RecursionError: `[[[[...` nested past the limit
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


BASE58 = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz'
BECH32 = 'qpzry9x8gf2tvdw0s3jn54khce6mua7l'


def base58check(secret: str) -> bool:
    """Base58 whose last 4 bytes are the double SHA-256 of the rest (Bitcoin WIF keys, BIP-32 xprv)."""
    value = 0
    for ch in secret:
        digit = BASE58.find(ch)
        if digit < 0:
            return False
        value = value * 58 + digit
    zeros = len(secret) - len(secret.lstrip('1'))
    raw = bytes(zeros) + value.to_bytes((value.bit_length() + 7) // 8, 'big')
    if len(raw) < 5:
        return False
    return hashlib.sha256(hashlib.sha256(raw[:-4]).digest()).digest()[:4] == raw[-4:]


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
    try:
        raw = base64.b32decode(secret + '=' * (-len(secret) % 8))
    except (binascii.Error, ValueError):
        return False
    if len(raw) != 36 or raw[0] >> 3 != 18:
        return False
    return crc16_xmodem(raw[:-2]) == int.from_bytes(raw[-2:], 'little')


def atlassian_dc_pat(secret: str) -> bool:
    """Jira/Confluence/Bitbucket Data Center PAT: base64 of a 12-digit token id, ``:`` and 20 random bytes."""
    raw = _b64decode_loose(secret)
    return raw is not None and len(raw) == 33 and raw[:12].isdigit() and raw[12:13] == b':'


# --- values assigned to credential-named keys, headers and key files (generic.toml, keys.toml) ---

_REFERENCE = LazyPattern(
    r'\$\{|\$\(|\{\{|\{%|%\(|#\{|<%|\{\s*[A-Za-z_][\w.]*\s*\}|\{\d*\}|\A%[A-Za-z_]\w*%\Z|\A\$[A-Za-z_]\w*\Z'
    r'|(?-i:%[-+# 0]?\d{0,2}[sdifrx])(?![A-Za-z0-9]).*(?-i:%[-+# 0]?\d{0,2}[sdifrx])(?![A-Za-z0-9])|process\.env|os\.environ|getenv|\AENC\(|\A#(?:[0-9a-f]{3,8}|ansi\w+)\Z|\A[A-Za-z_]+=(?:true|false|yes|no|on|off|none|null|[a-z]+)\Z|\A(?:not|no|none)[_-]'
    r'|\A(?:env|vault|ssm|secretsmanager|awssm|gcpsm|azurekv|keyvault|op|sops|ref|file|arn|urn):',
    re.I,
)
_NUMBER_OR_VERSION = LazyPattern(r'[-+]?v?\d+(?:[.,_]\d+)*(?:[eE][-+]?\d+)?[a-zA-Z]{0,2}\Z|\d{4}-\d\d-\d\d(?:[T ]\d\d:\d\d)?')
_URL = LazyPattern(r'[A-Za-z][\w+.-]*://')
_PATH_PREFIX = LazyPattern(r'(?:\.{1,2}/|~/|[A-Za-z]:[\\/]|\\\\)')
_LOWER_PATH = LazyPattern(r'/?[a-z0-9_.@+-]+(?:/[a-z0-9_.@+-]+)+/?\Z')
_FILE_NAME = LazyPattern(
    r'[\w./@+-]*\.(?:json|ya?ml|pem|key|crt|cer|der|p8|p12|pfx|jks|keystore|txt|env|ini|cfg|conf|toml|xml'
    r'|gpg|asc|pub|csv|log|db|sqlite3?|html?|js|py|sh|properties)\Z',
    re.I,
)
_DOTTED_NAME = LazyPattern(r'[A-Za-z_$](?:[A-Za-z_$-]*[A-Za-z_$])?(?:\.[A-Za-z_$](?:[A-Za-z_$-]*[A-Za-z_$])?)+(?:\(\))?\Z')
_UPPER_SNAKE = LazyPattern(r'[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\Z')
_WORDS_IDENT = LazyPattern(r'[A-Za-z]+(?:[_.-][A-Za-z]+)*\Z')
_CAMEL_WORDS = LazyPattern(r'[A-Z]{2,5}(?=[A-Z][a-z])|[A-Z]?[a-z]+|[A-Z]{2,5}\Z')
_CAPITALIZED_WORD = LazyPattern(r'[A-Z][a-z]+\Z')
_CREDENTIAL_WORD = LazyPattern(
    r'pass|pwd|secret|token|key|auth|cred|api|login|user|session|bearer|oauth|account|service|default'
    r'|name|type|field|header|env|var|file|path|url|mode|method|scheme|provider|config|setting|label'
    r'|string|literal|number|bool|int|float|enum|class|object|array|list|dict',
    re.I,
)
_REGEX_SOURCE = LazyPattern(r'\(\?|\([^()]*\|[^()]*\)|\.\*|\.\+|\[\^')
_CREDENTIAL_OR_TEST_WORD = LazyPattern(r'pass|pwd|secret|token|cred|auth|test|sample|example|dummy|some|my', re.I)
_CREDENTIAL_WORD_IN_WORD = LazyPattern(r'pass|pwd|secret|token|cred|auth', re.I)
_UUID = LazyPattern(r'[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\Z')
_HASH_OR_TOKEN_ELSEWHERE = LazyPattern(r'\$(?:2[abxy]?|1|5|6|y|apr1|argon2(?:id|i|d))\$|pbkdf2_|eyJ[\w-]{8,}\.eyJ|-----BEGIN ')
_CREDENTIAL_WORD_VALUE = LazyPattern(
    r'[a-z_.-]{0,24}(?:token|key|secret|pass(?:word)?|pwd|api|auth|cred)[a-z_.-]{0,24}\d{0,6}\Z', re.I,
)
_FRAMEWORK_VALUE = LazyPattern(
    r'[a-z_]+(?::[^|\s]*)?(?:\|[a-z_]+(?::[^|\s]*)?)+\Z'  # Laravel validation rules: required|string|min:12
    r'|Ag[A-D][A-Za-z0-9+/]{100,}={0,2}\Z'  # Bitnami SealedSecret ciphertext (0x02 0x00-0x03 ...)
    r'|.*x{3,}\Z|\Axxx'  # sk_test_xxx
)
_REPEATED_CHUNK = LazyPattern(r'(.{1,6}?)\1{2,}\Z')
_CAMEL_TAIL = LazyPattern(r'[\d!@#$%^&*.?_-]+\Z')
_PASSWORD_WORD_VALUE = LazyPattern(
    r'[a-z]{0,24}(?:password|passwd|secret|pass)[a-z]{0,24}\d{0,4}\Z|[A-Z]{0,24}(?:PASSWORD|PASSWD|SECRET|PASS|KEY|TOKEN)[A-Z]{0,24}\d{0,4}\Z',
)
_TEST_FIXTURE_VALUE = LazyPattern(
    r'(?:test|testing|foo|foobar|bar|baz|qux|python|dummy|demo|mock|fake|sample|abc|abcdef|xyz|qwerty|asdf)\d{0,6}\Z', re.I,
)
_NOT_SECRET_WORDS = frozenset((
    'inherit', 'required', 'optional', 'default', 'disabled', 'enabled', 'auto', 'automatic', 'manual',
    'generated', 'generate', 'random', 'builtin', 'internal', 'external', 'vault', 'environment', 'string',
    'text', 'hidden', 'sensitive', 'plain', 'plaintext', 'bcrypt', 'sha256', 'sha512', 'sha1', 'md5', 'argon2',
    'argon2id', 'pbkdf2', 'scrypt', 'hashed', 'basic', 'bearer', 'digest', 'oauth', 'oauth2', 'saml', 'ldap',
    'kerberos', 'local', 'remote', 'anonymous', 'public', 'private', 'readonly', 'readwrite', 'unknown',
    'invalid', 'missing', 'notset', 'secure', 'insecure', 'prompt', 'stdin', 'postgres', 'postgresql', 'mysql',
    'mariadb', 'mongo', 'mongodb', 'redis', 'rabbitmq', 'root', 'admin', 'administrator', 'guest', 'docker',
    'localhost', 'development', 'production', 'staging', 'secrets', 'passwords', 'tokens', 'keyring',
    'keychain', 'credential', 'credentials', 'nullable', 'encrypted', 'decrypted', 'masked', 'omitted',
))
_ALPHABET = 'abcdefghijklmnopqrstuvwxyz'
_DIGITS = '0123456789'


def _ascending_run(value: str, alphabet: str) -> int:
    """Longest run of consecutive characters of ``alphabet`` (``uvwxyz``, ``34567``), case-insensitive."""
    best = run = 1
    prev = -2
    for ch in value.lower():
        pos = alphabet.find(ch)
        run = run + 1 if pos > 0 and pos == prev + 1 else 1
        prev = pos
        best = max(best, run)
    return best


def _looks_like_reference_or_name(value: str) -> bool:
    """Not a literal secret: a reference, number, URL, path, file name, identifier, label or config word."""
    return bool(
        not value.isascii()
        or any(ch.isspace() for ch in value)
        or _REFERENCE.search(value)
        or _NUMBER_OR_VERSION.match(value)
        or _URL.match(value)
        or _PATH_PREFIX.match(value)
        or _LOWER_PATH.match(value)
        or _FILE_NAME.match(value)
        or _DOTTED_NAME.match(value)
        or _UPPER_SNAKE.match(value)
        or _CAPITALIZED_WORD.match(value)
        or _HASH_OR_TOKEN_ELSEWHERE.search(value)
        or _REGEX_SOURCE.search(value)
        or _TEST_FIXTURE_VALUE.match(value)
        or value.lower() in _NOT_SECRET_WORDS
        or _is_credential_name(value)
        or _is_camel_case_words(value)
        or _REPEATED_CHUNK.match(value)
        or _FRAMEWORK_VALUE.match(value)
        or _is_counting_pattern(value)
        or _is_camel_case_words(_CAMEL_TAIL.sub('', value)) and _CREDENTIAL_OR_TEST_WORD.search(value)
    )


def _is_counting_pattern(value: str) -> bool:
    """``A1b2c3d4``, ``abc123def456``: letters and digits each counting up (documentation values)."""
    letters = ''.join(c for c in value if c.isalpha())
    digits = ''.join(c for c in value if c.isdigit())
    return len(value) <= 20 and len(letters) >= 3 and len(digits) >= 3 and _ascending_run(letters, _ALPHABET) >= 3 and _ascending_run(digits, _DIGITS) >= 3 and (
        _ascending_run(letters, _ALPHABET) >= 4 or _ascending_run(digits, _DIGITS) >= 4)


def _is_credential_name(value: str) -> bool:
    """An identifier made of words that names a credential or a setting (``secret_key``, ``api-token``)."""
    if not _WORDS_IDENT.match(value):
        return False
    if not (any(c in value for c in '_.-') or any(c.isupper() for c in value[1:])):
        return bool(_CREDENTIAL_WORD_IN_WORD.search(value))
    words = [w for part in re.split(r'[_.-]', value) for w in (_CAMEL_WORDS.findall(part) or [part])]
    return any(_CREDENTIAL_WORD.match(w) for w in words)


def _is_camel_case_words(value: str) -> bool:
    """``NextMarker``, ``passwordConfirmation``, ``APIKeyHeader``: camelCase words, each with a vowel.

    Random letter-only tokens (``KmZqRtYwXePl``) have vowel-less humps and do not match.
    """
    if not value.isalpha() or value.islower() or value.isupper():
        return False
    words = _CAMEL_WORDS.findall(value)
    return (
        len(words) >= 2 and ''.join(words) == value
        and sum(w.isupper() for w in words) <= 1
        and all((w.isupper() and len(w) <= 4) or _is_word(w) for w in words)
    )


_SHORT_WORDS = frozenset(('of', 'to', 'in', 'on', 'by', 'at', 'is', 'id', 'my', 'no', 'or', 'up', 'me', 'we', 'it', 'as', 'an', 'do', 'go'))
_CONSONANT_RUN = LazyPattern(r'[b-df-hj-np-tv-xz]{4}', re.I)


def _is_word(word: str) -> bool:
    """Pronounceable enough to be a word of an identifier: a vowel, no four consonants in a row."""
    if len(word) < 3:
        return word.lower() in _SHORT_WORDS
    return any(v in word.lower() for v in 'aeiouy') and not _CONSONANT_RUN.search(word)


def assigned_password(secret: str) -> bool:
    """A literal assigned to a password- or secret-named key: weak real passwords count, names do not.

    ``hunter22``, ``P@ssword1234``, ``letmein99``, UUIDs pass; ``settings.SECRET_KEY``, ``/etc/secret.key``,
    ``${DB_PASSWORD}``, ``current-password``, ``Passwort``, ``3600``, ``inherit``, ``mypassword2``,
    ``AB1C2defGHijkLMNo3PqQRstUvwxyz`` (documentation patterns) do not.
    """
    value = secret.strip()
    return (
        6 <= len(value) <= 1000
        and not _looks_like_reference_or_name(value)
        and not _PASSWORD_WORD_VALUE.match(value)
        and _ascending_run(value, _ALPHABET) < 6
    )


def assigned_token(secret: str) -> bool:
    """A literal assigned to a token/API-key-named key: as ``assigned_password``, but stricter on shape.

    UUIDs (request ids, correlation tokens), one-class words shorter than 20 characters (``csrftoken``,
    ``bearer``), names built from credential words (``test_api_key_1``) and documentation patterns
    (``abcd1234efgh5678``, ``a1b2c3d4567890ab``) do not pass.
    """
    value = secret.strip()
    if not 8 <= len(value) <= 1000 or _looks_like_reference_or_name(value):
        return False
    if _UUID.match(value) or _CREDENTIAL_WORD_VALUE.match(value):
        return False
    if _ascending_run(value, _ALPHABET) >= 5 or _ascending_run(value, _DIGITS) >= 6:
        return False
    lowered = value.lower()
    if 'abcd' in lowered and '1234' in lowered:
        return False
    classes = sum((
        any(c.islower() for c in value), any(c.isupper() for c in value),
        any(c.isdigit() for c in value), any(not c.isalnum() for c in value),
    ))
    return classes >= 2 or len(value) >= 20


_PLACEHOLDER_PASSWORDS = frozenset(('password', 'passwd', 'pass', 'pwd', 'secret', 'changeme', 'xxx', 'test'))


def basic_auth_credentials(secret: str) -> bool:
    """Base64 of printable ``user:password`` with a password that is not a placeholder word."""
    raw = _b64decode_loose(secret)
    if raw is None:
        return False
    try:
        text = raw.decode('ascii')
    except UnicodeDecodeError:
        return False
    user, sep, password = text.partition(':')
    return bool(
        sep and password and text.isprintable()
        and password.lower().strip('<>{}$') not in _PLACEHOLDER_PASSWORDS
        and not _REFERENCE.search(password)
    )


def pem_private_key_quoted(secret: str) -> bool:
    """A PEM private key written as a string per line (``"MIIE...\\n"`` + ...), e.g. in test code."""
    text = secret.replace('\\n', '\n').replace('\\r', '')
    lines = [ln.strip().strip('+,;').strip().strip('"\'').strip() for ln in text.splitlines()]
    return pem_private_key('\n'.join(lines))


def pgp_private_key(secret: str) -> bool:
    """An ASCII-armored OpenPGP block whose first packet is a secret key or secret subkey."""
    lines = [ln.strip() for ln in secret.replace('\\n', '\n').splitlines()]
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
    raw = _b64decode_loose(''.join(body))
    if raw is None or len(raw) < 64:
        return False
    tag = raw[0]
    return tag in (0x94, 0x95, 0x96, 0x97, 0x9C, 0x9D, 0x9E, 0x9F, 0xC5, 0xC7)


def base64_pem_private_key(secret: str) -> bool:
    """Base64 of a PEM private key (Kubernetes secrets, CI variables): decoded, a well-formed key."""
    raw = _b64decode_loose(''.join(secret.split()))
    if raw is None:
        return False
    text = raw.decode('ascii', 'replace')
    if 'PRIVATE KEY-----' not in text:
        return False
    return pem_private_key(text) or 'b3BlbnNzaC1rZXktdjE' in text


VALIDATORS: dict[str, Callable[[str], bool]] = {
    'atlassian_dc_pat': atlassian_dc_pat,
    'aws_key_id': aws_key_id,
    'base58check': base58check,
    'base64_key': base64_key,
    'bech32': bech32_checksum,
    'github_checksum': github_checksum,
    'jwt': jwt_structure,
    'letters_and_digits': letters_and_digits,
    'mixed_chars': not_all_same_class,
    'nats_nkey_seed': nats_nkey_seed,
    'npm_checksum': npm_checksum,
    'pem_private_key': pem_private_key,
    'pypi_macaroon': pypi_macaroon,
    'slack_token': slack_token,
    'assigned_password': assigned_password,
    'assigned_token': assigned_token,
    'basic_auth': basic_auth_credentials,
    'pem_private_key_quoted': pem_private_key_quoted,
    'pgp_private_key': pgp_private_key,
    'base64_pem_private_key': base64_pem_private_key,
}

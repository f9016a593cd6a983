"""Synthetic secret generators for the corpus. Every value is random (seeded) and fake.

Only the standard library is used, so the corpus does not depend on leakstop. The checksum
scheme of GitHub and npm tokens (CRC32 of the 30 random characters, in base62, left padded to
6) is reimplemented here; tests/corpus/test_corpus_integrity.py checks it independently.
"""
from __future__ import annotations

import base64
import hashlib
import json
import random
import re
import string
import zlib

LOWER = string.ascii_lowercase
UPPER = string.ascii_uppercase
DIGITS = string.digits
ALNUM = string.ascii_letters + string.digits
LOWER_ALNUM = LOWER + DIGITS
UPPER_ALNUM = UPPER + DIGITS
HEX = '0123456789abcdef'
HEXU = '0123456789ABCDEF'
B32U = UPPER + '234567'
B32L = LOWER + '234567'
B64 = ALNUM + '+/'
B64URL = ALNUM + '-_'
BASE62 = DIGITS + string.ascii_uppercase + string.ascii_lowercase
CRYPT64 = './' + DIGITS + UPPER + LOWER

# Substrings that would make a value look like a placeholder instead of a leaked secret.
PLACEHOLDERISH = ('example', 'test', 'dummy', 'sample', 'fake', 'xxxx', 'placeholder', 'changeme',
                  'your', 'redact', 'todo', 'foo', 'dead', 'beef', 'abcd', '1234', 'demo', 'mock')
_REPEAT = re.compile(r'(.)\1{4}')


def placeholderish(s: str) -> bool:
    low = s.lower()
    return any(w in low for w in PLACEHOLDERISH) or bool(_REPEAT.search(s))


def rs(rng: random.Random, alphabet: str, n: int) -> str:
    """n random characters that do not look like a placeholder."""
    while True:
        s = ''.join(rng.choice(alphabet) for _ in range(n))
        if not placeholderish(s):
            return s


def base62_crc32(body: str, width: int = 6) -> str:
    value = zlib.crc32(body.encode())
    digits = []
    while value:
        value, rem = divmod(value, 62)
        digits.append(BASE62[rem])
    return ''.join(reversed(digits)).rjust(width, '0')


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode()


def b64url_nopad(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b'=').decode()


def rbytes(rng: random.Random, n: int) -> bytes:
    return bytes(rng.randrange(256) for _ in range(n))


def uuid4(rng: random.Random) -> str:
    while True:
        h = ''.join(rng.choice(HEX) for _ in range(32))
        h = h[:12] + '4' + h[13:16] + rng.choice('89ab') + h[17:]
        if not placeholderish(h):
            return f'{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}'


def safe_b64(rng: random.Random, n_bytes: int, urlsafe: bool = False) -> str:
    while True:
        raw = rbytes(rng, n_bytes)
        s = b64url_nopad(raw) if urlsafe else b64(raw)
        if not placeholderish(s):
            return s


# ---------------------------------------------------------------- human passwords
WORDS = ['harbor', 'copper', 'falcon', 'maple', 'orbit', 'velvet', 'quartz', 'meadow', 'lantern',
         'cobalt', 'thistle', 'saffron', 'granite', 'willow', 'ember', 'juniper', 'nimbus', 'pebble',
         'raven', 'tundra', 'walrus', 'zephyr', 'acorn', 'badger', 'cactus', 'dahlia', 'fjord',
         'glacier', 'hazel', 'indigo', 'jasper', 'kestrel', 'lagoon', 'mango', 'nectar', 'otter',
         'pepper', 'quill', 'rhubarb', 'sparrow', 'tango', 'umber', 'violet', 'wombat', 'yonder',
         'almond', 'bramble', 'cinder', 'drizzle', 'falafel', 'gopher', 'hollow', 'iris', 'jigsaw',
         'kiwi', 'lobster', 'marble', 'nutmeg', 'oyster', 'parsnip', 'ripple', 'salmon', 'tulip']
SYMS = '!*-_.+=?^'
URL_SYMS = '-_.~'


def human_password(rng: random.Random, url_safe: bool = False) -> str:
    """Passwords people choose of words: words, capitals, digits, a symbol (negatives: built from words)."""
    syms = URL_SYMS if url_safe else SYMS
    style = rng.randrange(4)
    w1, w2 = rng.choice(WORDS), rng.choice(WORDS)
    digits = ''.join(rng.choice(DIGITS) for _ in range(rng.randrange(2, 5)))
    if style < 3:
        return _chosen_shape(rng, style, w1, w2, digits, syms)
    return w1[0].upper() + w1[1:].replace('a', '4').replace('e', '3').replace('o', '0') + rng.choice(syms) + digits


def _chosen_shape(rng: random.Random, style: int, w1: str, w2: str, digits: str, syms: str) -> str:
    """The first three shapes of a chosen password (human_password's of words, typed_password's of no word)."""
    if style == 0:
        return w1.capitalize() + rng.choice(syms) + w2.capitalize() + digits
    if style == 1:
        return w1.capitalize() + digits + rng.choice(syms)
    return f'{w1}{rng.choice(syms)}{w2}{rng.choice(syms)}{digits}'


def strong_password(rng: random.Random, n: int = 20, url_safe: bool = False) -> str:
    syms = URL_SYMS if url_safe else SYMS
    while True:
        s = rs(rng, ALNUM + syms, n)
        if any(c in syms for c in s) and any(c.isdigit() for c in s):
            return s


# Weak passwords built from words: negatives (word-passwords/), as human_password's are. Held-out sets 76-79 and the
# 75 repositories of earlier sets holding labelled realistic passwords (2026-12-07): every short password built from
# words there was a vendor's or a project's default, a stand-in or a test container's password, labelled false.
# (Qwerty!2345 and letmein2024, positives until then, are in neither list: a keyboard row and a phrase run
# together are weak, but not dictionary words that a scanner can be asked to read.)
WEAK_PASSWORDS = ['P@ssword1234', 'Summer2024!', 'Welcome123!', 'Passw0rd!', 'Winter2023#', 'Admin@123',
                  'Company2024!', 'iloveyou99', 'Monkey!123', 'Autumn2025!',
                  'Spring2024', 'Pa55w0rd!', 'Football7!', 'Dragon2023', 'Sunshine!88', 'Trustno1!']
# The same shapes (length, and the class of each character; those two's too) with letters of no word: the short
# typed passwords of the positives, which entropy alone does not find (the realistic passwords labelled true are random-looking)
TYPED_PASSWORDS = ['K@uihgxj4267', 'Vqqihw9554!', 'Ojnjedw997!', 'Suvfs4sc!', 'Kbgrrc7548#', 'Higwh@334',
                   'Ictfgz!2855', 'hiqbaxs7987', 'Mngtaac2283!', 'xjgjdzmv48', 'Dpnvuh!798', 'Gnkwpf9438!',
                   'Biavxa4792', 'Ib66b5cx!', 'Psgohjfe7!', 'Okhpps8329', 'Wsgmgruh!75', 'Hiriufa5!']


CONSONANTS = 'bcdfghjklmnpqrstvwxz'  # (no vowel, nor y: random letters with vowels spell words, T0nt4n is ton and tan)


def letters(rng: random.Random, n: int) -> str:
    """n random lowercase letters where a person would put a word: consonants, so no word, no placeholder."""
    return rs(rng, CONSONANTS, n)


def typed_password(rng: random.Random, url_safe: bool = False) -> str:
    """Passwords people type, in human_password's shapes (capitals, digits, a symbol, leetspeak) around letters
    of no word: the positives' short chosen passwords (one built from words is a negative, see WEAK_PASSWORDS)."""
    syms = URL_SYMS if url_safe else SYMS
    style = rng.randrange(4)
    w1, w2 = letters(rng, rng.randrange(4, 8)), letters(rng, rng.randrange(4, 8))
    digits = rs(rng, DIGITS, rng.randrange(2, 5))
    if style < 3:
        return _chosen_shape(rng, style, w1, w2, digits, syms)
    i = rng.randrange(1, len(w1))  # a digit among the letters, where leetspeak puts one
    return w1[0].upper() + w1[1:i] + rng.choice('0134') + w1[i + 1:] + rng.choice(syms) + digits


def letter_password(rng: random.Random, n: int) -> str:
    """n lowercase letters of no word, as long as a passphrase (the positives' passphrases of words are negatives)."""
    return ''.join(letters(rng, k) for k in (n // 4, n // 4, n // 4, n - 3 * (n // 4)))


# ---------------------------------------------------------------- PEM-ish material
def _der_len(n: int) -> bytes:
    if n < 128:
        return bytes([n])
    if n < 256:
        return bytes([0x81, n])
    return bytes([0x82, n >> 8, n & 0xFF])


def _wrap(body: str, width: int = 64) -> str:
    return '\n'.join(body[i:i + width] for i in range(0, len(body), width))


def pem(kind: str, rng: random.Random) -> str:
    """A PEM block (no trailing newline) whose body is DER-shaped random bytes."""
    while True:
        block = _pem(kind, rng)
        if not any(w in block.lower() for w in ('example', 'test', 'dummy', 'fake', 'xxxx')):
            return block


def _pem(kind: str, rng: random.Random) -> str:
    if kind == 'RSA PRIVATE KEY':
        inner = b'\x02\x01\x00\x02\x82\x01\x01\x00' + rbytes(rng, 1180)
        der = b'\x30' + _der_len(len(inner)) + inner
    elif kind == 'EC PRIVATE KEY':
        der = bytes.fromhex('30770201010420') + rbytes(rng, 32) + bytes.fromhex(
            'a00a06082a8648ce3d030107a144034200') + b'\x04' + rbytes(rng, 64)
    elif kind == 'PRIVATE KEY':
        inner = bytes.fromhex('020100300d06092a864886f70d0101010500') + b'\x04\x82\x04\xa7' + rbytes(rng, 1190)
        der = b'\x30' + _der_len(len(inner)) + inner
    elif kind == 'ENCRYPTED PRIVATE KEY':
        inner = (bytes.fromhex('304006092a864886f70d01050d3033') + rbytes(rng, 50) + b'\x04\x82\x04\xd0'
                 + rbytes(rng, 1232))
        der = b'\x30' + _der_len(len(inner)) + inner
    elif kind == 'DSA PRIVATE KEY':
        inner = b'\x02\x01\x00' + rbytes(rng, 440)
        der = b'\x30' + _der_len(len(inner)) + inner
    elif kind == 'OPENSSH PRIVATE KEY':
        der = (b'openssh-key-v1\x00\x00\x00\x00\x04none\x00\x00\x00\x04none\x00\x00\x00\x00\x00\x00\x00\x01'
               b'\x00\x00\x003\x00\x00\x00\x0bssh-ed25519\x00\x00\x00 ' + rbytes(rng, 32)
               + b'\x00\x00\x00\x98' + rbytes(rng, 8) + b'\x00\x00\x00\x0bssh-ed25519\x00\x00\x00 '
               + rbytes(rng, 32) + b'\x00\x00\x00@' + rbytes(rng, 64) + b'\x00\x00\x00\x0fdeploy@ci-runner'
               + b'\x01\x02\x03\x04\x05')
        return f'-----BEGIN {kind}-----\n{_wrap(b64(der), 70)}\n-----END {kind}-----'
    else:
        raise ValueError(kind)
    return f'-----BEGIN {kind}-----\n{_wrap(b64(der))}\n-----END {kind}-----'


def pgp_private(rng: random.Random) -> str:
    body = b64(b'\x95\x03\xc6\x04' + rbytes(rng, 900))
    crc = b64(rbytes(rng, 3))
    return ('-----BEGIN PGP PRIVATE KEY BLOCK-----\n\n' + _wrap(body) + f'\n={crc}\n'
            '-----END PGP PRIVATE KEY BLOCK-----')


def putty_key(rng: random.Random, comment: str) -> str:
    pub = b64(b'\x00\x00\x00\x0bssh-ed25519\x00\x00\x00 ' + rbytes(rng, 32))
    priv = b64(b'\x00\x00\x00 ' + rbytes(rng, 32))
    mac = ''.join(rng.choice(HEX) for _ in range(64))
    return ('PuTTY-User-Key-File-3: ssh-ed25519\nEncryption: none\n'
            f'Comment: {comment}\nPublic-Lines: 2\n{pub[:64]}\n{pub[64:]}\n'
            f'Private-Lines: 1\n{priv}\nPrivate-MAC: {mac}')


# ---------------------------------------------------------------- tokens with structure
def github(rng: random.Random, prefix: str) -> str:
    body = rs(rng, ALNUM, 30)
    return f'{prefix}_{body}{base62_crc32(body)}'


def npm(rng: random.Random) -> str:
    body = rs(rng, ALNUM, 30)
    return f'npm_{body}{base62_crc32(body)}'


def pypi(rng: random.Random) -> str:
    ident = uuid4(rng)
    raw = (b'\x02\x01\x08pypi.org\x02\x25\x01\x08' + ident.encode() + b'\x00\x02\x06'
           + rbytes(rng, 2) + b'\x00\x00\x06 ' + rbytes(rng, 32) + b'\x00\x02\x2a\x00\x02\x30'
           + rbytes(rng, 40))
    return 'pypi-' + b64url_nopad(raw)


def jwt(rng: random.Random, payload: dict, alg: str = 'HS256', kid: str | None = None) -> str:
    header: dict = {'alg': alg, 'typ': 'JWT'}
    if kid:
        header['kid'] = kid

    def enc(obj: object) -> str:
        return b64url_nopad(json.dumps(obj, separators=(',', ':')).encode())
    sig_len = {'HS256': 32, 'HS512': 64, 'RS256': 256, 'ES256': 64}[alg]
    return f'{enc(header)}.{enc(payload)}.{safe_b64(rng, sig_len, urlsafe=True)}'


def discord_bot(rng: random.Random) -> str:
    uid = str(rng.randrange(10 ** 17, 10 ** 18 * 2))
    return f'{b64url_nopad(uid.encode())}.{rs(rng, B64URL, 6)}.{rs(rng, B64URL, 38)}'


def bcrypt_hash(rng: random.Random, variant: str = '2b', cost: int = 12) -> str:
    return f'${variant}${cost:02d}${rs(rng, CRYPT64, 53)}'


def sha512crypt(rng: random.Random) -> str:
    return f'$6${rs(rng, CRYPT64, 16)}${rs(rng, CRYPT64, 86)}'


def sha256crypt(rng: random.Random) -> str:
    return f'$5$rounds=535000${rs(rng, CRYPT64, 16)}${rs(rng, CRYPT64, 43)}'


def md5crypt(rng: random.Random, prefix: str = '1') -> str:
    return f'${prefix}${rs(rng, CRYPT64, 8)}${rs(rng, CRYPT64, 22)}'


def argon2id(rng: random.Random) -> str:
    return f'$argon2id$v=19$m=65536,t=3,p=4${safe_b64(rng, 16).rstrip("=")}${safe_b64(rng, 32).rstrip("=")}'


def django_pbkdf2(rng: random.Random) -> str:
    return f'pbkdf2_sha256$600000${rs(rng, ALNUM, 22)}${safe_b64(rng, 32)}'


def werkzeug_hash(rng: random.Random) -> str:
    return f'pbkdf2:sha256:600000${rs(rng, ALNUM, 16)}${rs(rng, HEX, 64)}'


def scram(rng: random.Random) -> str:
    return f'SCRAM-SHA-256$4096:{safe_b64(rng, 16)}${safe_b64(rng, 32)}:{safe_b64(rng, 32)}'


def hexs(rng: random.Random, n: int) -> str:
    return rs(rng, HEX, n)


def sha256_hex(data: str) -> str:
    return hashlib.sha256(data.encode()).hexdigest()

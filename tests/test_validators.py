"""leakstop.validators: the structural checks a rule names (JWT, Slack, base64 keys, PEM, PGP, AWS ids...).

Each check decides whether a rule's match is reported; a table per check, its edges included (the
checksums are in test_checksums.py, the value judge's validators in test_validators_generic.py).
"""
from __future__ import annotations

import base64
import json
import random

import pytest

import fakes
from leakstop import validators
from leakstop.validators import (
    AWS_KEY_ID_PREFIXES, aws_key_id, base64_key, base64_pem_private_key, basic_auth_credentials, jwt_structure,
    letters_and_digits, not_all_same_class, pem_private_key, pem_private_key_quoted, pgp_private_key, slack_token,
)


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b'=').decode()


def part(obj: object) -> str:
    return b64url(json.dumps(obj).encode())


SIG = fakes.rand(fakes.ALNUM, 43, 'jwt-sig')
HEADER = part({'alg': 'HS256', 'typ': 'JWT'})
PAYLOAD = part({'sub': '42'})


@pytest.mark.parametrize(('value', 'valid'), [
    (fakes.jwt(seed='validators'), True),
    (f'{HEADER}.{PAYLOAD}.{SIG}', True),
    (f'{HEADER}.{PAYLOAD}.', True),  # an unsigned token (alg none): no signature, still a token
    (f'{HEADER}.{PAYLOAD}', False),  # two parts
    (f'{HEADER}.{PAYLOAD}.{SIG}.{SIG}', False),  # four parts
    (f'.{PAYLOAD}.{SIG}', False), (f'{HEADER}..{SIG}', False),  # an empty header or payload
    (f'{part({"typ": "JWT"})}.{PAYLOAD}.{SIG}', False),  # a header without alg
    (f'{part(["alg"])}.{PAYLOAD}.{SIG}', False),  # a header that is no object
    (f'{HEADER}.{part(["sub"])}.{SIG}', False),  # a payload that is no object
    (f'{HEADER}.{b64url(b"not json")}.{SIG}', False),
    (f'{b64url(b"{not json")}.{PAYLOAD}.{SIG}', False),
    (f'{HEADER}.{b64url(bytes([0xff, 0xfe]))}.{SIG}', False),  # not UTF-8
    (f'{HEADER}.ab!cd.{SIG}', False),  # not base64
    (f'{HEADER}.{b64url(b"[" * 100_000)}.{SIG}', False),  # nested past the recursion limit
    (f'{HEADER}.{PAYLOAD}.{b64url(b"invalid_signature")}', False),  # a signature written as text, by hand
    (f'{HEADER}.{PAYLOAD}.{b64url(b"not-a-real-signature-value")}', False),
    # the claims of RFC 7515's and RFC 7519's examples, whatever signed them (held-out 88: A.2, A.3, a cut A.1)
    (f'{HEADER}.{part({"iss": "joe", "exp": 1300819380, "http://example.com/is_root": True})}.{SIG}', False),
    (f'{HEADER}.{part({"iss": "joe", "exp": 1300819381, "http://example.com/is_root": True})}.{SIG}', True),
])
def test_jwt_structure(value: str, valid: bool) -> None:
    assert jwt_structure(value) is valid


TAIL = fakes.rand(fakes.ALNUM, 24, 'slack-tail')


@pytest.mark.parametrize(('value', 'valid'), [
    *((f'{kind}-123456789012-1234567890123-{TAIL}', True) for kind in ('xoxb', 'xoxp', 'xoxa', 'xoxe', 'xoxs', 'xoxr')),
    (f'xoxz-123456789012-1234567890123-{TAIL}', False),  # an unknown kind
    (f'xoxb-{TAIL}', False),  # two parts
    (f'xoxb--{TAIL}', False),  # no id
    (f'xoxb-123456-{TAIL}', True),  # one id of 6 digits
    (f'xoxb-12345-{TAIL}', False),  # an id of 5 digits
    (f'xoxb-12345a-{TAIL}', False),  # an id that is not digits
    (f'xoxb-123456-12345-{TAIL}', False),  # the second id too short
    (f'xoxb-123456-123456-ab-{TAIL}', True),  # only the first two ids are numbers
    ('xoxb-123456789012-1234567890123-' + TAIL[:10], True), ('xoxb-123456789012-1234567890123-' + TAIL[:9], False),
])
def test_slack_token(value: str, valid: bool) -> None:
    assert slack_token(value) is valid


@pytest.mark.parametrize(('value', 'valid'), [
    (base64.b64encode(bytes(range(16))).decode(), True),
    (base64.b64encode(bytes(range(15))).decode(), False),
    (base64.b64encode(bytes(range(16))).decode().rstrip('='), True),  # padding left off
    (base64.urlsafe_b64encode(bytes(range(250, 256)) * 3).decode(), True),  # URL-safe alphabet
    (base64.b64encode(bytes(range(250, 256)) * 3).decode(), True),  # standard alphabet with + and /
    ('not*base64*at*all*here', False),
])
def test_base64_key(value: str, valid: bool) -> None:
    assert base64_key(value) is valid


_SEC1 = bytes.fromhex('3031020101' '0420')  # SEQUENCE, version 1, a 32-byte OCTET STRING follows
_SCALAR = random.Random('sec1').randbytes(32)
_P256 = bytes.fromhex('a00a' '06082a8648ce3d030107')  # [0] namedCurve prime256v1


def _pem(raw: bytes, kind: str = 'RSA PRIVATE KEY', headers: str = '') -> str:
    body = base64.b64encode(raw).decode()
    wrapped = '\n'.join(body[i:i + 64] for i in range(0, len(body), 64))
    return f'-----BEGIN {kind}-----\n{headers}{wrapped}\n-----END {kind}-----\n'


@pytest.mark.parametrize(('value', 'valid'), [
    (fakes.pem_private_key(seed='validators'), True),
    (_pem(bytes(range(64))), True), (_pem(bytes(range(63))), False),  # a body of at least 64 bytes
    (_pem(bytes(range(64)), headers='Proc-Type: 4,ENCRYPTED\nDEK-Info: AES-128-CBC,00FF\n\n'), True),
    (_pem(bytes(range(64))).replace('\n', '\\n'), True),  # written with \n escapes, in one line
    (_pem(bytes(range(64))).replace('\n', '\n    '), True),  # indented (YAML block, code)
    (_pem(bytes(range(64))).replace('\n', ''), True), (_pem(bytes(range(64))).replace('\n', ' '), True),  # on one line
    ('-----BEGIN RSA PRIVATE KEY-----\nMIIE...\n-----END RSA PRIVATE KEY-----', False),
    # an EC key without its public part: 51 bytes for P-256, 48 for secp256k1, 39 without the curve
    (_pem(_SEC1 + _SCALAR + _P256, 'EC PRIVATE KEY'), True),
    (_pem(bytes([0x30, 0x2E]) + _SEC1[2:] + _SCALAR + bytes.fromhex('a00706052b8104000a'), 'EC PRIVATE KEY'), True),
    (_pem(bytes([0x30, 0x25]) + _SEC1[2:] + _SCALAR, 'EC PRIVATE KEY'), True),
    (_pem(_SEC1 + bytes(32) + _P256, 'EC PRIVATE KEY'), False),  # a zero scalar: a placeholder
    (_pem(_SEC1 + _SCALAR + _P256[:-1], 'EC PRIVATE KEY'), False),  # cut short: the lengths disagree
    (_pem(bytes([0x30, 0x31, 0x02, 0x01, 0x00, 0x04, 0x20]) + _SCALAR + _P256, 'EC PRIVATE KEY'), False),  # version 0
])
def test_pem_private_key(value: str, valid: bool) -> None:
    assert pem_private_key(value) is valid


def test_pem_private_key_quoted_strips_each_line_quotes_and_joins() -> None:
    key = _pem(bytes(range(64)))
    lines = key.splitlines()
    assert pem_private_key_quoted(' +\n'.join(f'"{ln}\\n"' for ln in lines))  # Java/JS concatenation
    assert pem_private_key_quoted(',\n'.join(f"  '{ln}'" for ln in lines))  # a list of lines
    assert pem_private_key_quoted('\\r\\n'.join(lines))
    assert not pem_private_key_quoted('\n'.join(f'"{ln}"' for ln in _pem(bytes(range(63))).splitlines()))


def _armor(raw: bytes, blank: bool = True) -> str:
    body = base64.b64encode(raw).decode()
    lines = '\n'.join(body[i:i + 64] for i in range(0, len(body), 64))
    header = 'Version: GnuPG v2\n' + ('\n' if blank else '')
    return f'-----BEGIN PGP PRIVATE KEY BLOCK-----\n{header}{lines}\n=AbCd\n-----END PGP PRIVATE KEY BLOCK-----'


@pytest.mark.parametrize('tag', [0x94, 0x95, 0x96, 0x97, 0x9C, 0x9D, 0x9E, 0x9F, 0xC5, 0xC7])
def test_pgp_private_key_secret_key_packets(tag: int) -> None:
    assert pgp_private_key(_armor(bytes([tag]) + bytes(63)))


@pytest.mark.parametrize(('value', 'valid'), [
    (_armor(bytes([0x99]) + bytes(63)), False),  # a public key packet
    (_armor(bytes([0xC6]) + bytes(63)), False),  # a public subkey packet
    (_armor(bytes([0x95]) + bytes(62)), False),  # 63 bytes
    (_armor(bytes([0x95]) + bytes(63), blank=False), True),  # no blank line after the armor header
    (_armor(bytes([0x95]) + bytes(63)).replace('\n', '\\n'), True),
    # the checksum line (=AbCd) ends the body: were it read, the body would not be base64
    (_armor(bytes([0x95]) + bytes(63)).replace('=AbCd', '=Ab!d'), True),
    ('-----BEGIN PGP PRIVATE KEY BLOCK-----\n\n!!!!\n-----END PGP PRIVATE KEY BLOCK-----', False),
])
def test_pgp_private_key(value: str, valid: bool) -> None:
    assert pgp_private_key(value) is valid


def test_pgp_private_key_without_armor_header_or_checksum_line() -> None:
    """The body may start on the line after BEGIN, and end at END with no =CRC line before it."""
    body = base64.b64encode(bytes([0x95]) + bytes(99)).decode()  # 100 bytes: 48 on the first line, 52 after
    lines = '\n'.join(body[i:i + 64] for i in range(0, len(body), 64))
    assert pgp_private_key(f'-----BEGIN PGP PRIVATE KEY BLOCK-----\n{lines}\n=AbCd\n-----END PGP PRIVATE KEY BLOCK-----')
    assert pgp_private_key(f'-----BEGIN PGP PRIVATE KEY BLOCK-----\nVersion: 1\n\n{lines}\n-----END PGP PRIVATE KEY BLOCK-----')


def test_pgp_private_key_short_last_line_is_body() -> None:
    """Only a line of 5 starting with '=' is the checksum: a last body line of 5 characters is body."""
    body = base64.b64encode(bytes([0x95]) + bytes(63)).decode()  # 88 characters: 64 bytes, no fewer
    lines = '\n'.join((body[:64], body[64:83], body[83:]))
    assert len(body[83:]) == 5
    assert pgp_private_key(f'-----BEGIN PGP PRIVATE KEY BLOCK-----\n\n{lines}\n-----END PGP PRIVATE KEY BLOCK-----')


def test_pgp_private_key_once_the_body_starts_every_line_is_body() -> None:
    """Without a blank line, the body starts at the first line that is no header: a 'Key: value' line after
    it is body (and not base64)."""
    body = base64.b64encode(bytes([0x95]) + bytes(99)).decode()
    assert not pgp_private_key(f'-----BEGIN PGP PRIVATE KEY BLOCK-----\n{body[:64]}\nComment: x\n{body[64:]}\n'
                               '-----END PGP PRIVATE KEY BLOCK-----')


def test_pgp_private_key_body_ends_at_the_armor_tail() -> None:
    """What follows the END line (another block, text) is not part of the key's body."""
    key = _armor(bytes([0x95]) + bytes(63))
    assert pgp_private_key(key + '\nand some text after it, not base64!')


def test_base64_pem_private_key_edges() -> None:
    pem = _pem(bytes(range(64)))
    encoded = base64.b64encode(pem.encode()).decode()
    assert base64_pem_private_key(encoded)
    assert base64_pem_private_key('\n'.join(encoded[i:i + 76] for i in range(0, len(encoded), 76)))  # wrapped
    assert not base64_pem_private_key(base64.b64encode(_pem(bytes(range(63))).encode()).decode())
    # an OpenSSH key's body is checked by its magic (its binary format is no PEM body of 64 bytes here)
    ssh = '-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAA\n-----END OPENSSH PRIVATE KEY-----\n'
    assert base64_pem_private_key(base64.b64encode(ssh.encode()).decode())
    assert not base64_pem_private_key(base64.b64encode(b'b3BlbnNzaC1rZXktdjE, no key header').decode())
    assert not base64_pem_private_key('*not base64*')


def test_base64_of_a_curve25519_pem_key_is_read_by_its_der_structure() -> None:
    """Eighth hostile review, break 05: a PKCS#8 Ed25519 or X25519 key is 48 DER bytes, under the 64 a PEM body needs;
    base64 of its PEM file passed every key rule. Its body is now read as DER: a version, an algorithm, its key."""
    der = base64.b64decode(fakes.der_private_key('pkcs8-ed25519', seed='v'))
    for body in (der, der.replace(bytes.fromhex('06032b6570'), bytes.fromhex('06032b656e'), 1)):  # Ed25519, X25519
        assert len(body) == 48
        assert base64_pem_private_key(base64.b64encode(_pem(body, 'PRIVATE KEY').encode()).decode())
    assert not base64_pem_private_key(base64.b64encode(_pem(bytes(range(48))).encode()).decode())  # 48 bytes, no key
    public = _pem(bytes.fromhex('302a300506032b6570032100') + bytes(range(32)), 'PUBLIC KEY')
    assert not base64_pem_private_key(base64.b64encode(public.encode()).decode())


def test_basic_auth_credentials_edges() -> None:
    def b64(raw: bytes) -> str:
        return base64.b64encode(raw).decode()
    password = fakes.rand(fakes.ALNUM, 16, 'basic-auth')
    assert basic_auth_credentials(b64(f'deploy:{password}'.encode()))
    assert not basic_auth_credentials(b64(b'deploy:'))  # no password
    assert not basic_auth_credentials(b64(f'{password}:{password}'.encode()))  # the password is the user
    assert not basic_auth_credentials(b64(f'deploy:{password}\n'.encode()))  # not printable
    assert not basic_auth_credentials(b64(f'd\xe9ploy:{password}'.encode('latin-1')))  # not ASCII
    assert not basic_auth_credentials(b64(b'deploy:changeme'))


@pytest.mark.parametrize(('value', 'mixed'), [
    ('12345678', False), ('abcdefgh', False), ('ABCDEFGH', False),
    ('abcdEFGH', True), ('abcd1234', True), ('ABCD1234', True), ('abcd-efg', True),
])
def test_not_all_same_class(value: str, mixed: bool) -> None:
    assert not_all_same_class(value) is mixed


@pytest.mark.parametrize(('value', 'valid'), [('abc123', True), ('abcdef', False), ('123456', False), ('__--', False)])
def test_letters_and_digits(value: str, valid: bool) -> None:
    assert letters_and_digits(value) is valid


def test_every_aws_key_id_prefix() -> None:
    assert AWS_KEY_ID_PREFIXES == {'AKIA', 'ASIA', 'ABIA', 'ACCA', 'AGPA', 'AIDA', 'AIPA', 'ANPA', 'ANVA', 'APKA',
                                   'AROA', 'ASCA'}
    for prefix in sorted(AWS_KEY_ID_PREFIXES):
        assert aws_key_id(fakes.aws_key_id(prefix, seed='validators')), prefix


def test_rules_name_validators_by_these_keys() -> None:
    assert validators.VALIDATORS['jwt'] is jwt_structure
    assert validators.VALIDATORS['mixed_chars'] is not_all_same_class
    assert validators.VALIDATORS['bech32'] is validators.bech32_checksum
    assert validators.VALIDATORS['basic_auth'] is basic_auth_credentials
    assert validators.CHECKSUM_VALIDATORS <= set(validators.VALIDATORS)


def test_pgp_private_key_everything_after_the_blank_line_is_body() -> None:
    """Armor headers end at the first blank line: a 'Key: value' line after it is body (not base64)."""
    body = base64.b64encode(bytes([0x95]) + bytes(63)).decode()
    assert not pgp_private_key(f'-----BEGIN PGP PRIVATE KEY BLOCK-----\nVersion: 1\n\nComment: x\n{body}\n'
                               '-----END PGP PRIVATE KEY BLOCK-----')


# --- der_private_key: a private key's DER structure, as base64 without its PEM header ------------------
_RNG_BYTES = bytes(range(256)) * 2


def _b64(element: bytes) -> str:
    return base64.b64encode(element).decode()


_OID = {name: fakes.der(0x06, bytes.fromhex(h)) for name, h in (
    ('rsa', '2a864886f70d010101'), ('pbes2', '2a864886f70d01050d'), ('data', '2a864886f70d010701'),
    ('sha256rsa', '2a864886f70d01010b'), ('cn', '550403'), ('bogus', '2b6670'),
)}
_BIG = fakes.der(0x02, b'\x00\xc1' + _RNG_BYTES[:255])
_CERT = fakes.der(0x30, fakes.der(0x30, fakes.der(0xA0, fakes.der(0x02, b'\x02')) + fakes.der(0x02, b'\x1f' * 16)
                                  + fakes.der(0x30, _OID['sha256rsa'])) + fakes.der(0x30, _OID['sha256rsa'])
                  + fakes.der(0x03, b'\x00' + _RNG_BYTES[:256]))
_SPKI = fakes.der(0x30, fakes.der(0x30, _OID['rsa'] + b'\x05\x00') + fakes.der(0x03, b'\x00' + fakes.der(0x30, _BIG + fakes.der(0x02, b'\x01\x00\x01'))))
_ENCRYPTED = fakes.der(0x30, fakes.der(0x30, _OID['pbes2'] + fakes.der(0x30, b'')) + fakes.der(0x04, _RNG_BYTES[:300]))
_PKCS12 = fakes.der(0x30, fakes.der(0x02, b'\x03') + fakes.der(0x30, _OID['data'] + fakes.der(0xA0, fakes.der(0x04, _RNG_BYTES[:200]))))
_CSR = fakes.der(0x30, fakes.der(0x30, fakes.der(0x02, b'\x00') + fakes.der(0x30, _OID['cn']) + _SPKI) + fakes.der(0x30, _OID['sha256rsa']))
_RSA_PUBLIC = fakes.der(0x30, _BIG + fakes.der(0x02, b'\x01\x00\x01'))  # PKCS#1 public: modulus first
_BOGUS_ALGORITHM = fakes.der(0x30, fakes.der(0x02, b'\x00') + fakes.der(0x30, _OID['bogus']) + fakes.der(0x04, _RNG_BYTES[:34]))
_THREE_INTEGERS = fakes.der(0x30, fakes.der(0x02, b'\x00') + _BIG + fakes.der(0x02, b'\x01\x00\x01'))
_SMALL_RSA = fakes.der(0x30, fakes.der(0x02, b'\x00') + b''.join(fakes.der(0x02, b'\x01' * 16) for _ in range(8)))


@pytest.mark.parametrize('kind', ['pkcs1-rsa', 'pkcs8-rsa', 'sec1-ec', 'pkcs8-ec', 'pkcs8-ed25519'])
def test_der_private_key_reads_each_kind_of_key(kind: str) -> None:
    from leakstop.validators import der_private_key
    key = fakes.der_private_key(kind, seed='validators')
    assert der_private_key(key)
    assert der_private_key('\n'.join(key[i:i + 64] for i in range(0, len(key), 64)))  # wrapped
    assert der_private_key('\\n'.join(key[i:i + 64] for i in range(0, len(key), 64)))  # wrapped with \n escapes
    assert not der_private_key(key[:-8])  # cut: the SEQUENCE says it is longer
    assert not der_private_key(key + 'AAAA')  # bytes after the SEQUENCE
    assert not der_private_key(key[:len(key) // 2] + '!' + key[len(key) // 2 + 1:])  # not base64


@pytest.mark.parametrize(('element', 'why'), [
    (_CERT, 'a certificate'), (_SPKI, 'a public key'), (_ENCRYPTED, 'an encrypted PKCS#8 key'),
    (_PKCS12, 'a PKCS#12 keystore (version 3)'), (_CSR, 'a certificate request'),
    (_RSA_PUBLIC, 'a PKCS#1 public key'), (_BOGUS_ALGORITHM, 'PKCS#8 of no known algorithm'),
    (_THREE_INTEGERS, 'a version and two numbers'), (_SMALL_RSA, 'integers too small for a modulus'),
    (b'\x30\x03\x02\x01\x00', 'too short'),
])
def test_der_private_key_refuses_what_is_not_a_private_key(element: bytes, why: str) -> None:
    from leakstop.validators import der_private_key
    assert not der_private_key(_b64(element)), why


# --- base64_private_jwk: a JSON Web Key with its private part, base64-encoded whole ---------------------

def _b64json(doc: object, *, urlsafe: bool = True) -> str:
    import base64
    import json
    raw = json.dumps(doc).encode()
    return (base64.urlsafe_b64encode(raw).decode().rstrip('=') if urlsafe else base64.b64encode(raw).decode())


_D = 'Yn9ZhyiA4uoRgnatmUdjAWtGSU8po-799NksnRH9ucA'


@pytest.mark.parametrize(('doc', 'private'), [
    ({'kty': 'EC', 'crv': 'P-256', 'x': _D, 'y': _D, 'd': _D}, True),
    ({'kty': 'RSA', 'n': _D * 8, 'e': 'AQAB', 'd': _D * 8}, True),
    ({'kty': 'OKP', 'crv': 'Ed25519', 'x': _D, 'd': _D}, True),
    ({'kty': 'oct', 'k': _D}, True),
    ({'keys': [{'kty': 'EC', 'x': _D, 'y': _D}, {'kty': 'EC', 'x': _D, 'y': _D, 'd': _D}]}, True),
    ({'kty': 'EC', 'crv': 'P-256', 'x': _D, 'y': _D}, False),  # public
    ({'kty': 'EC', 'd': 'short'}, False),
    ({'kty': 'oct', 'k': 'short'}, False),
    ({'d': _D}, False),  # no kty: no key
    ({'alg': 'HS256', 'typ': 'JWT'}, False),  # a JWT header
    ([{'kty': 'oct', 'k': _D}], False),  # a JSON array: no key set
])
def test_base64_private_jwk(doc: object, private: bool) -> None:
    from leakstop.validators import base64_private_jwk
    assert base64_private_jwk(_b64json(doc)) is private
    assert base64_private_jwk(_b64json(doc, urlsafe=False)) is private


@pytest.mark.parametrize('text', ['eyJub3QganNvbg', 'eyJ' + 'A' * 90, '!!!', 'eyJrdHkiOiJFQyJ9' * 500])
def test_base64_private_jwk_refuses_what_is_no_key(text: str) -> None:
    from leakstop.validators import base64_private_jwk
    assert base64_private_jwk(text) is False


def test_the_shipped_bip39_wordlist_is_the_standard_one() -> None:
    import gzip
    import hashlib
    with gzip.open(validators.BIP39_WORDS_FILE, 'rb') as f:
        data = f.read()
    assert hashlib.sha256(data).hexdigest() == '2f5eed53a4727b4bf8880d8f3f199efc90e58503646d9ff8eff3a2ed3b24dbda'
    assert len(data.split()) == 2048


@pytest.mark.parametrize(('phrase', 'valid'), [
    # BIP-39's published test vectors (entropy 0x7f…, 0x80…, 0xff…): the checksum of every length
    ('legal winner thank year wave sausage worth useful legal winner thank yellow', True),
    ('letter advice cage absurd amount doctor acoustic avoid letter advice cage above', True),
    (' '.join(['zoo'] * 11 + ['wrong']), True),
    (' '.join(['zoo'] * 17 + ['when']), True),
    (' '.join(['zoo'] * 23 + ['vote']), True),
    ('legal winner thank year wave sausage worth useful legal winner thank thank', False),  # checksum
    (' '.join(['zoo'] * 12), False),
    ('legal winner thank year wave sausage worth useful legal winner thank', False),  # 11 words
    ('legal winner thank year wave sausage worth useful legal winner thank yellow zoo', False),  # 13
    ('legal winner thank year wave sausage worth useful legal winnerr thank yellow', False),  # not in the list
])
def test_bip39_mnemonic(phrase: str, valid: bool) -> None:
    assert validators.bip39_mnemonic(phrase) is valid

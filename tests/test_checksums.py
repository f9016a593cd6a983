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

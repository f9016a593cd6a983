"""SHA-256 without hashlib gives hashlib's digests, on every build."""
from __future__ import annotations

import hashlib
import importlib

import pytest

from leakstop import digest

# FIPS 180-2's test vectors (one block, two blocks) and the empty message
VECTORS = [
    (b'', 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'),
    (b'abc', 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'),
    (b'abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq',
     '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1'),
]


@pytest.mark.parametrize(('data', 'expected'), VECTORS)
def test_digests_are_sha256(data: bytes, expected: str) -> None:
    assert digest.sha256(data).hexdigest() == expected
    assert digest.sha256(data).digest() == bytes.fromhex(expected)
    h = digest.sha256()
    h.update(data[:1])
    h.update(data[1:])
    assert h.hexdigest() == expected


def test_a_build_without_its_own_sha256_uses_hashlib(monkeypatch: pytest.MonkeyPatch) -> None:
    real = importlib.import_module

    def without_builtin(name: str, package: str | None = None) -> object:
        if name in ('_sha2', '_sha256'):
            raise ImportError(name)
        return real(name, package)

    monkeypatch.setattr(digest, '_SHA256', [])
    monkeypatch.setattr(importlib, 'import_module', without_builtin)
    assert digest.sha256(b'abc').hexdigest() == VECTORS[1][1]
    assert digest._SHA256 == [hashlib.sha256]

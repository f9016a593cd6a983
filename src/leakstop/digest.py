"""SHA-256 without importing ``hashlib``.

``import hashlib`` loads OpenSSL's libcrypto, and its clean-up runs again at exit: 4 ms of a warm hook
that hashes only the name of a cache entry (measured with ``python -c``, medians of 41 alternated
runs). CPython's own SHA-256, the module hashlib itself falls back to, gives the same digests; a
build without it (FIPS builds leave it out) gets hashlib's.
"""
from __future__ import annotations

import importlib
from typing import Any

_SHA256: list[Any] = []  # the constructor, found on first use


def sha256(data: bytes = b'') -> Any:
    """A SHA-256 hash object of ``data`` (``hexdigest()``, ``digest()``, ``update()``), as ``hashlib.sha256``."""
    if not _SHA256:
        for module in ('_sha2', '_sha256'):  # Python 3.12 and later; 3.10 and 3.11
            try:
                _SHA256.append(importlib.import_module(module).sha256)
                break
            except (ImportError, AttributeError):
                continue
        else:
            import hashlib
            _SHA256.append(hashlib.sha256)
    return _SHA256[0](data)

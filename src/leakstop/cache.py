"""One on-disk cache for everything a warm start would otherwise recompute.

Entries are pickles named by a hash of what they were computed from (file stats, versions),
written atomically, and read defensively: a missing, truncated, corrupt or foreign entry is a
miss, and an unwritable cache directory only means computing again. Nothing here imports
more than the standard library's fast modules, so a warm hook starts quickly.
"""
from __future__ import annotations

import hashlib
import os
import pickle
import sys
from typing import Any, Callable, Sequence, TypeVar

from leakstop import __version__

T = TypeVar('T')
FORMAT = 3  # 3: keyword literals in the rules database


def cache_dir() -> str | None:
    """``$XDG_CACHE_HOME/leakstop``, else ``~/.cache/leakstop``; None without a home."""
    base = os.environ.get('XDG_CACHE_HOME')
    if not base:
        home = os.path.expanduser('~')
        base = os.path.join(home, '.cache') if home != '~' else ''
    return os.path.join(base, 'leakstop') if base else None


def file_signature(path: str) -> tuple[str, int, int]:
    """What identifies a file's contents cheaply (as Python's own .pyc check does)."""
    st = os.stat(path)
    return (os.path.abspath(path), st.st_size, st.st_mtime_ns)


def _key(name: str, signature: Sequence[object]) -> str:
    h = hashlib.sha256()
    for part in (FORMAT, __version__, sys.version_info[:2], sys.platform, name, *signature):
        h.update(repr(part).encode())
        h.update(b'\0')
    return f'{name}-{h.hexdigest()[:32]}.pickle'


def read(directory: str, filename: str) -> Any:
    try:
        with open(os.path.join(directory, filename), 'rb') as f:
            return pickle.load(f)
    except Exception:  # anything wrong with an entry is a miss
        return None


def write(directory: str, filename: str, value: object) -> None:
    import tempfile
    try:
        os.makedirs(directory, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=directory, prefix='.tmp-')
        try:
            with os.fdopen(fd, 'wb') as f:
                pickle.dump(value, f, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, os.path.join(directory, filename))  # concurrent writers each publish a whole file
        except BaseException:
            os.unlink(tmp)
            raise
    except OSError:
        pass  # unwritable or full: run uncached


def cached(
        name: str,
        signature: Sequence[object],
        compute: Callable[[], T],
        *,
        valid: Callable[[Any], bool],
        directory: str | None,
) -> T:
    """``compute()``, or its earlier result for the same ``name`` and ``signature``.

    ``valid`` vets what was read back (a foreign or damaged entry is recomputed).
    """
    if directory is None:
        return compute()
    filename = _key(name, signature)
    value = read(directory, filename)
    if value is not None and valid(value):
        return value  # type: ignore[no-any-return]
    value = compute()
    write(directory, filename, value)
    return value


def load_toml(path: str) -> dict[str, Any]:
    """Parse a TOML file (raises OSError, tomllib.TOMLDecodeError, UnicodeDecodeError)."""
    if sys.version_info >= (3, 11):  # pragma: no cover
        import tomllib
    else:  # pragma: no cover
        import tomli as tomllib
    with open(path, 'rb') as f:
        return tomllib.load(f)


def toml_error() -> type[Exception]:
    if sys.version_info >= (3, 11):  # pragma: no cover
        import tomllib
    else:  # pragma: no cover
        import tomli as tomllib
    return tomllib.TOMLDecodeError


def cached_toml(path: str, *, directory: str | None) -> dict[str, Any]:
    """A parsed TOML file, from the cache while the file is unchanged."""
    return cached('toml', file_signature(path), lambda: load_toml(path), valid=lambda v: isinstance(v, dict), directory=directory)

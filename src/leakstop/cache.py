"""One on-disk cache for everything a warm start would otherwise recompute.

Entries hold data, never code: a small header, a JSON document and raw byte strings (the
Hyperscan database is bytes already). Decoding builds only plain values (str, int, float,
bool, None, list, tuple, dict, bytes) and the few frozen record types named in ``RECORDS``;
nothing in an entry can name a function to call or a class to build (unlike pickle, which
ran whatever an entry said).

Entries are named by a hash of what they were computed from (file stats, versions), written
atomically, and read defensively: a missing, truncated, corrupt or foreign entry is a miss,
and an unwritable cache directory only means computing again. The directory is created 0700;
a directory or entry that is not the user's own, is writable by others, or is not a regular
file (a link, a FIFO) is ignored: the run computes everything itself. Nothing here imports
more than the standard library's fast modules, so a warm hook starts quickly.
"""
from __future__ import annotations

import importlib
import json
import os
import re
import stat
import sys
from typing import IO, Any, Callable, Sequence, TypeVar

from leakstop import __version__
from leakstop.digest import sha256

T = TypeVar('T')
FORMAT = 5  # 4: JSON + bytes, no pickle; 5: records are NamedTuples
MAGIC = b'leakstop-cache\n'
MAX_ENTRY = 256 * 1024 * 1024  # a larger entry is not read
# The record types an entry may hold, by the name written in it: (module, class). A NamedTuple
# (leakstop.records) whose fields are plain values; its sequence fields are tuples.
RECORDS = {
    'Rule': ('leakstop.rules', 'Rule'),
    'NameRule': ('leakstop.rules', 'NameRule'),
    'FileRules': ('leakstop.rules', 'FileRules'),
}
_NOFOLLOW = getattr(os, 'O_NOFOLLOW', 0)


class Uncacheable(Exception):
    """A value this format cannot hold (it is computed again next time)."""


def cache_dir() -> str | None:
    """``$XDG_CACHE_HOME/leakstop``, else ``~/.cache/leakstop``; None without a home.

    A relative ``XDG_CACHE_HOME`` is ignored, as the XDG spec says ("all paths … must be absolute"), and a
    relative ``HOME`` gives no cache: either would be read from the current directory, and a hook runs in the
    work tree it checks, so it would write ``.cache/leakstop/…`` there (which ``git add .`` commits;
    tenth hostile review, break 16). Hooks write nothing in the work tree."""
    base = os.environ.get('XDG_CACHE_HOME')
    if not base or not os.path.isabs(base):
        home = os.path.expanduser('~')
        base = os.path.join(home, '.cache') if home != '~' and os.path.isabs(home) else ''
    return os.path.join(base, 'leakstop') if base else None


def file_signature(path: str) -> tuple[str, int, int]:
    """What identifies a file's contents cheaply (as Python's own .pyc check does)."""
    st = os.stat(path)
    return (os.path.abspath(path), st.st_size, st.st_mtime_ns)


def _key(name: str, signature: Sequence[object]) -> str:
    h = sha256()
    for part in (FORMAT, __version__, sys.version_info[:2], sys.platform, name, *signature):
        h.update(repr(part).encode())
        h.update(b'\0')
    return f'{name}-{h.hexdigest()[:32]}.entry'


# --- trust ---------------------------------------------------------------------------------

def trusted(st: os.stat_result) -> bool:
    """Owned by the user running leakstop and writable by nobody else.

    Not checked on Windows (no ``os.geteuid``): there permissions are ACLs, and ``stat``
    reports every writable file as 0o666.
    """
    geteuid = getattr(os, 'geteuid', None)
    if geteuid is None:
        return True
    return not st.st_mode & (stat.S_IWGRP | stat.S_IWOTH) and st.st_uid == geteuid()


def _trusted_dir(directory: str) -> bool:
    try:
        st = os.stat(directory)
    except OSError:
        return False
    return stat.S_ISDIR(st.st_mode) and trusted(st)


# --- the format ------------------------------------------------------------------------------

def _record_class(name: str) -> Any:
    module, cls = RECORDS[name]
    return getattr(importlib.import_module(module), cls)


def _encode(value: object, blobs: list[bytes]) -> Any:
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    if isinstance(value, (bytes, bytearray)):
        blobs.append(bytes(value))
        return {'b': len(blobs) - 1}
    if isinstance(value, list):
        if value and type(value[0]).__name__ in RECORDS and all(type(v) is type(value[0]) for v in value):
            return _encode_records(value, blobs)
        return [_encode(v, blobs) for v in value]
    if type(value).__name__ in RECORDS:
        return _encode_records([value], blobs, one=True)
    if type(value) is tuple:
        return {'t': [_encode(v, blobs) for v in value]}
    if isinstance(value, dict):
        if not all(isinstance(k, str) for k in value):
            raise Uncacheable('dict with a key that is not a string')
        return {'m': {k: _encode(v, blobs) for k, v in value.items()}}
    if isinstance(value, re.Pattern) and isinstance(value.pattern, str):
        return {'r': [value.pattern, value.flags & ~re.UNICODE]}
    raise Uncacheable(type(value).__name__)


def _plain(v: object) -> bool:
    return v is None or isinstance(v, (bool, int, float, str))


def _encode_records(values: list[Any], blobs: list[bytes], *, one: bool = False) -> Any:
    """Records of one type as a table: field names once, then a row of values per record.

    Each column is marked ``p`` (plain JSON values), ``t`` (tuples of plain values) or ``x``
    (anything else, encoded in full), so that reading the common case costs little.
    """
    cls = type(values[0])
    name = cls.__name__
    if cls is not _record_class(name):
        raise Uncacheable(name)
    names = list(cls._fields)
    columns = [[getattr(v, n) for v in values] for n in names]
    kinds = []
    for column in columns:
        if all(_plain(v) for v in column):
            kinds.append('p')
        elif all(type(v) is tuple and all(_plain(x) for x in v) for v in column):
            kinds.append('t')
        else:
            kinds.append('x')
    rows = [
        [v if k == 'p' else list(v) if k == 't' else _encode(v, blobs) for k, v in zip(kinds, row)]
        for row in zip(*columns)
    ]
    return {'R': name, 'k': names, 'c': ''.join(kinds), 'rows': rows, 'one': one}


def _decode_records(node: dict[str, Any], blobs: list[bytes]) -> Any:
    cls = _record_class(node['R'])  # KeyError: not a record type
    names = list(cls._fields)
    if node['k'] != names or len(node['c']) != len(names):
        raise ValueError('fields differ')
    convert: list[Callable[[Any], Any]] = [
        (lambda v: v) if k == 'p' else tuple if k == 't' else (lambda v: _decode(v, blobs)) for k in node['c']
    ]
    out = []
    make = cls._make  # a tuple of the values: no method of the record's own is called
    for row in node['rows']:
        if len(row) != len(names):
            raise ValueError('bad row')
        out.append(make([c(v) for c, v in zip(convert, row)]))
    return out[0] if node['one'] else out


def _decode(node: Any, blobs: list[bytes]) -> Any:
    if isinstance(node, list):
        return [_decode(v, blobs) for v in node]
    if not isinstance(node, dict):
        return node
    if 'm' in node:
        return {k: _decode(v, blobs) for k, v in node['m'].items()}
    if 't' in node:
        return tuple(_decode(v, blobs) for v in node['t'])
    if 'b' in node:
        return blobs[node['b']]
    if 'r' in node:
        pattern, flags = node['r']
        return re.compile(pattern, flags)
    if 'R' in node:
        return _decode_records(node, blobs)
    raise ValueError('unknown node')


def dumps(value: object) -> bytes:
    """``value`` as an entry (raises Uncacheable for what the format cannot hold)."""
    blobs: list[bytes] = []
    doc = json.dumps(_encode(value, blobs), separators=(',', ':'), allow_nan=True).encode()
    header = json.dumps([len(doc), *(len(b) for b in blobs)]).encode()
    return b''.join([MAGIC, header, b'\n', doc, *blobs])


def loads(data: bytes) -> Any:
    """The value of an entry (raises ValueError, KeyError, TypeError... on anything malformed)."""
    import io
    return load(io.BytesIO(data), len(data))


def load(f: IO[bytes], size: int) -> Any:
    """The value of the entry of ``size`` bytes that ``f`` reads (as ``loads``). Each part is read on its
    own: the Hyperscan database, most of a rules entry, is not copied out of a buffer of the whole."""
    head = f.read(len(MAGIC) + 4096)
    if not head.startswith(MAGIC):
        raise ValueError('not an entry')
    nl = head.index(b'\n', len(MAGIC))
    sizes = json.loads(head[len(MAGIC):nl])
    if not isinstance(sizes, list) or not sizes or not all(isinstance(s, int) and s >= 0 for s in sizes):
        raise ValueError('bad header')
    if nl + 1 + sum(sizes) != size:
        raise ValueError('truncated')
    rest = head[nl + 1:]
    parts = []
    for part_size in sizes:
        if rest:
            part, rest = rest[:part_size], rest[part_size:]
            if len(part) < part_size:
                part += f.read(part_size - len(part))
        else:
            part = f.read(part_size)
        if len(part) != part_size:
            raise ValueError('truncated')
        parts.append(part)
    return _decode(json.loads(parts[0]), parts[1:])


# --- reading and writing ---------------------------------------------------------------------

def read(directory: str, filename: str) -> Any:
    """The entry's value, or None: missing, damaged, not a regular file, not the user's own."""
    if not _trusted_dir(directory):
        return None
    try:
        fd = os.open(os.path.join(directory, filename), os.O_RDONLY | _NOFOLLOW | getattr(os, 'O_NONBLOCK', 0) | getattr(os, 'O_BINARY', 0))
    except OSError:
        return None
    try:
        with os.fdopen(fd, 'rb') as f:
            st = os.fstat(f.fileno())
            if not stat.S_ISREG(st.st_mode) or not trusted(st) or st.st_size > MAX_ENTRY:
                return None
            return load(f, st.st_size)
    except Exception:  # anything wrong with an entry is a miss
        return None


def write(directory: str, filename: str, value: object) -> None:
    import tempfile
    try:
        data = dumps(value)
    except (Uncacheable, ValueError):  # a TOML date, NaN...: computed again next time
        return
    try:
        os.makedirs(directory, mode=0o700, exist_ok=True)
        if not _trusted_dir(directory):
            return
        fd, tmp = tempfile.mkstemp(dir=directory, prefix='.tmp-')  # 0600
        try:
            with os.fdopen(fd, 'wb') as f:
                f.write(data)
            os.replace(tmp, os.path.join(directory, filename))  # concurrent writers each publish a whole file
        except BaseException:
            os.unlink(tmp)
            raise
        prune(directory, filename.rsplit('-', 1)[0])
    except OSError:
        pass  # unwritable or full: run uncached


KEEP = 16  # entries kept per name: each edit of a rules or settings file writes a new one


def prune(directory: str, name: str, keep: int = KEEP) -> None:
    """Remove the oldest entries named ``name`` beyond the newest ``keep`` (and stray temporary files
    a killed writer left an hour ago): without it, every edit of a configuration or of leakstop itself
    left an entry behind (a developer's cache held 2,900 of them, 1 GB). Runs only after a write,
    that is after a miss; an entry another process is reading stays readable (unlinked, not truncated)."""
    import time
    entries: list[tuple[float, str]] = []
    stale = time.time() - 3600
    try:
        with os.scandir(directory) as it:
            for e in it:
                if e.name.startswith(name + '-') and e.name.endswith('.entry') and e.is_file(follow_symlinks=False):
                    entries.append((e.stat(follow_symlinks=False).st_mtime, e.name))
                elif e.name.startswith('.tmp-') and e.is_file(follow_symlinks=False) and e.stat(follow_symlinks=False).st_mtime < stale:
                    entries.append((0.0, e.name))
    except OSError:
        return
    entries.sort(reverse=True)
    kept = 0
    for mtime, entry in entries:
        if mtime and kept < keep:
            kept += 1
            continue
        try:
            os.unlink(os.path.join(directory, entry))
        except OSError:
            pass


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
    from leakstop.files import read_own_file
    return tomllib.loads(read_own_file(path).decode('utf-8'))


def toml_error() -> type[Exception]:
    if sys.version_info >= (3, 11):  # pragma: no cover
        import tomllib
    else:  # pragma: no cover
        import tomli as tomllib
    return tomllib.TOMLDecodeError


def cached_toml(path: str, *, directory: str | None) -> dict[str, Any]:
    """A parsed TOML file, from the cache while the file is unchanged."""
    return cached('toml', file_signature(path), lambda: load_toml(path), valid=lambda v: isinstance(v, dict), directory=directory)

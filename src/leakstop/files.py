"""What to scan: reading files as bytes, telling text from binary, decoding UTF-16, path globs."""
from __future__ import annotations

import codecs
import contextlib
import os
import re
import stat
from typing import BinaryIO, Iterable, Iterator

# identify's table: bytes that appear in text files
_TEXT_CHARS = bytes(bytearray({7, 8, 9, 10, 11, 12, 13, 27} | set(range(0x20, 0x100)) - {0x7F}))
SNIFF = 1024


class Unreadable(Exception):
    """A path that cannot be scanned; ``str(e)`` is a one-line reason."""


def is_binary(data: bytes) -> bool:
    """identify's rule on the first KiB: any byte outside the text table means binary."""
    return bool(data[:SNIFF].translate(None, _TEXT_CHARS))


def _looks_utf16(data: bytes) -> str | None:
    """Detect BOM-less UTF-16 by its NUL pattern in ASCII-heavy text."""
    head = data[:SNIFF]
    if len(head) < 4 or len(head) % 2:
        head = head[:len(head) - len(head) % 2]
    if len(head) < 4:
        return None
    even, odd = head[0::2], head[1::2]
    half = len(head) // 2
    if odd.count(0) > 0.9 * half and even.count(0) < 0.1 * half:
        return 'utf-16-le'
    if even.count(0) > 0.9 * half and odd.count(0) < 0.1 * half:
        return 'utf-16-be'
    return None


def decode_text(data: bytes) -> bytes | None:
    """Bytes to scan: UTF-8 as-is, UTF-16 transcoded to UTF-8; None for binary data."""
    if data.startswith(codecs.BOM_UTF8):
        return data
    encoding = None
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        encoding = 'utf-16'
    elif b'\0' in data[:SNIFF]:
        encoding = _looks_utf16(data)
    if encoding is not None:
        return data.decode(encoding, 'replace').encode('utf-8', 'surrogateescape')
    return None if is_binary(data) else data


@contextlib.contextmanager
def open_regular(path: str) -> Iterator[tuple[BinaryIO, int]]:
    """The open file and its size; anything but a regular file (or a symlink to one) is Unreadable.

    Opened non-blocking and checked with fstat on the open descriptor, so a FIFO or device
    never blocks the hook and a file swapped between listing and reading is judged as it is.
    """
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, 'O_NONBLOCK', 0) | getattr(os, 'O_BINARY', 0))
    except FileNotFoundError:
        raise Unreadable('no such file') from None
    except IsADirectoryError:
        raise Unreadable('is a directory') from None
    except OSError as e:
        raise Unreadable(e.strerror or str(e)) from None
    try:
        st = os.fstat(fd)
        if stat.S_ISDIR(st.st_mode):
            raise Unreadable('is a directory')
        if not stat.S_ISREG(st.st_mode):
            raise Unreadable('not a regular file')
    except BaseException:
        os.close(fd)
        raise
    with os.fdopen(fd, 'rb') as f:
        yield f, st.st_size


def read_bytes(path: str) -> bytes:
    """Whole file as bytes (see ``open_regular``)."""
    try:
        with open_regular(path) as (f, _):
            return f.read()
    except OSError as e:
        raise Unreadable(e.strerror or str(e)) from None


def decoded_blocks(f: BinaryIO, size: int) -> Iterator[bytes] | None:
    """A large file as blocks of scannable bytes (UTF-16 transcoded); None if it is binary."""
    first = f.read(size)
    encoding = None
    if first.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        encoding = 'utf-16'
    elif b'\0' in first[:SNIFF]:
        encoding = _looks_utf16(first)
    if encoding is None and is_binary(first):
        return None

    def blocks() -> Iterator[bytes]:
        decoder = codecs.getincrementaldecoder(encoding)('replace') if encoding else None
        block = first
        while block:
            yield block if decoder is None else decoder.decode(block).encode('utf-8', 'surrogateescape')
            block = f.read(size)
        if decoder is not None:
            tail = decoder.decode(b'', final=True).encode('utf-8', 'surrogateescape')
            if tail:
                yield tail
    return blocks()


def walk(paths: Iterable[str]) -> Iterator[str]:
    """Files named, and files under directories named (skipping .git), in a stable order."""
    for path in paths:
        if os.path.isdir(path) and not os.path.islink(path):
            for root, dirs, names in os.walk(path):
                dirs[:] = sorted(d for d in dirs if d != '.git')
                for name in sorted(names):
                    yield os.path.join(root, name)
        else:
            yield path


def normalize(path: str) -> str:
    """Relative, ``/``-separated, without a leading ``./``: the form paths are matched and stored in."""
    path = path.replace(os.sep, '/')
    while path.startswith('./'):
        path = path[2:]
    return path


def glob_to_regex(pattern: str, *, below: bool = True) -> str:
    """A gitignore-style glob as a regex over normalized paths.

    ``*`` and ``?`` stay within a path segment, ``**`` crosses segments; a pattern without
    a ``/`` (other than a trailing one) matches the name at any depth; a trailing ``/``
    matches everything below a directory. With ``below=False`` a pattern without a trailing
    ``/`` matches only the path itself, not paths below a directory of that name (for
    rules about file names: ``kubeconfig*`` must not match ``pkg/kubeconfig/loader.go``).
    """
    anchored = '/' in pattern.rstrip('/')
    pat = pattern.lstrip('/') if pattern.startswith('/') else pattern
    dir_only = pat.endswith('/')
    pat = pat.rstrip('/')
    out = []
    i = 0
    while i < len(pat):
        c = pat[i]
        if pat.startswith('**/', i):
            out.append('(?:.*/)?')
            i += 3
        elif pat.startswith('**', i):
            out.append('.*')
            i += 2
        elif c == '*':
            out.append('[^/]*')
            i += 1
        elif c == '?':
            out.append('[^/]')
            i += 1
        elif c == '[':
            j = pat.find(']', i + 1)
            if j == -1:
                out.append(re.escape(c))
                i += 1
            else:
                body = pat[i + 1:j].replace('\\', '\\\\')
                if body.startswith('!'):
                    body = '^' + body[1:]
                out.append(f'[{body}]')
                i = j + 1
        else:
            out.append(re.escape(c))
            i += 1
    prefix = '' if anchored else '(?:.*/)?'
    suffix = '/.*' if dir_only else '(?:/.*)?' if below else ''
    return f'{prefix}{"".join(out)}{suffix}'


def compile_globs(patterns: Iterable[str], *, below: bool = True) -> re.Pattern[str] | None:
    """One regex matching a normalized path against any of ``patterns`` (None if there are none).

    ``below``: as in ``glob_to_regex``; pass False to match file names only.
    """
    parts = [glob_to_regex(p, below=below) for p in patterns]
    return re.compile('(?:' + '|'.join(parts) + r')\Z') if parts else None

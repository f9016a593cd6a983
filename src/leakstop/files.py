"""What to scan: reading files as bytes, telling text from binary, decoding UTF-16, path globs."""
from __future__ import annotations

import codecs
import contextlib
import bisect
import errno
import io
import os
import re
import stat
from typing import Any, BinaryIO, Callable, Iterable, Iterator, NamedTuple, Sequence

from leakstop.regex import LazyPattern, compile as compile_kept

# identify's table: bytes that appear in text files
_TEXT_CHARS = bytes(bytearray({7, 8, 9, 10, 11, 12, 13, 27} | set(range(0x20, 0x100)) - {0x7F}))
SNIFF = 1024
BINARY_SNIFF = 8192  # bytes looked at to tell text from binary
BINARY_SHARE = 20  # binary if more than 1/20 of them are outside the text table (random data: ~1/10)
# Formats that are binary whatever follows their signature (a text-looking header, compressed or
# structured data behind it). Only signatures no text file starts with: ASCII-only ones (RIFF,
# OggS, PACK...) would catch text, and their data is caught by the share of odd bytes anyway.
BINARY_SIGNATURES = (
    b'\x89PNG', b'GIF87a', b'GIF89a', b'\xff\xd8\xff', b'%PDF-', b'PK\x03\x04', b'PK\x05\x06', b'\x1f\x8b',
    b'\xfd7zXZ\x00', b"7z\xbc\xaf'\x1c", b'(\xb5/\xfd', b'\x7fELF', b'\xca\xfe\xba\xbe', b'\xfe\xed\xfa\xce',
    b'\xfe\xed\xfa\xcf', b'\xce\xfa\xed\xfe', b'\xcf\xfa\xed\xfe', b'\x00asm', b'SQLite format 3\x00',
    b'\xfe\xed\xfe\xed', b'\xce\xce\xce\xce',
)


class Unreadable(Exception):
    """A path that cannot be scanned; ``str(e)`` is a one-line reason."""


class TooLarge(Unreadable):
    """A file larger than what ``read_bytes`` reads whole (``WHOLE_READ_LIMIT``)."""


def is_binary(data: bytes) -> bool:
    """Binary: a known binary signature, a first byte no text starts with, or more than 1/20 of
    the first 8 KiB outside identify's text table. A few stray NULs or control bytes in text
    (a pasted terminal escape, a NUL-separated field) do not make it binary."""
    if data.startswith(BINARY_SIGNATURES):
        return True
    odd = len(data[:BINARY_SNIFF].translate(None, _TEXT_CHARS))
    if not odd:
        return False
    return data[:1].translate(None, _TEXT_CHARS) != b'' or odd * BINARY_SHARE > min(len(data), BINARY_SNIFF)


def _looks_utf16(data: bytes) -> str | None:
    """Detect BOM-less UTF-16 by its NUL pattern: NULs in one byte of each pair only, and text when decoded.

    ASCII-heavy text has a NUL in nearly every pair; text that is mostly CJK (or other scripts
    outside Latin-1) has few, but all on the same side, and decodes to printable characters.
    """
    head = data[:SNIFF]
    head = head[:len(head) - len(head) % 2]
    if len(head) < 4:
        return None
    even, odd = head[0::2], head[1::2]
    half = len(head) // 2
    if odd.count(0) > 0.9 * half and even.count(0) < 0.1 * half:
        return 'utf-16-le'
    if even.count(0) > 0.9 * half and odd.count(0) < 0.1 * half:
        return 'utf-16-be'
    for encoding, zeros, other in (('utf-16-le', odd, even), ('utf-16-be', even, odd)):
        nuls, stray = zeros.count(0), other.count(0)  # a CJK character may have a NUL byte (U+4E00)
        if nuls >= 2 and stray * 4 <= nuls and _reads_as_text(head.decode(encoding, 'replace')):
            return encoding
    return _utf16_text(head)  # ASCII and U+xx00 characters put NULs on both sides ('# ' + '一…')


def _reads_as_text(text: str) -> bool:
    """Decoded characters that are text: no replacement characters, at most 1 in 20 control characters."""
    if '\ufffd' in text:
        return False
    odd = sum(1 for c in text if not c.isprintable() and c not in '\t\n\r')
    return odd * BINARY_SHARE <= len(text)


def _cr_only(data: bytes) -> bool:
    """Classic Mac line endings: CR but no LF (read with LF instead, so lines and multi-line secrets survive)."""
    return b'\r' in data and b'\n' not in data  # (memchr: the common case, no CR, costs one pass)


def _line_endings(data: bytes, cr_only: bool) -> bytes:
    """LF line endings: CRLF (Windows) and lone CR (classic Mac) become LF, so that a file reports
    exactly what it reports with LF (lines, columns and multi-line secrets are the same)."""
    if cr_only:
        return data.replace(b'\r', b'\n')
    return data.replace(b'\r\n', b'\n') if b'\r' in data and b'\r\n' in data else data


_UTF32_BOMS = (codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)


def _looks_utf32(data: bytes) -> str | None:
    """Detect BOM-less UTF-32 by its NUL pattern: in every 4 bytes the high byte is NUL and the next one at most
    0x10 (a code point is at most U+10FFFF), and the first KiB decodes, strictly, to text (sixth hostile review,
    break 01: it was judged binary). UTF-16 text has no such pattern but for U+0000 characters."""
    head = data[:SNIFF]
    head = head[:len(head) - len(head) % 4]
    if len(head) < 8:
        return None
    for encoding, high, next_high in (('utf-32-le', head[3::4], head[2::4]), ('utf-32-be', head[0::4], head[1::4])):
        if high.count(0) == len(high) and max(next_high) <= 0x10:
            try:
                text = head.decode(encoding)
            except UnicodeDecodeError:
                continue  # a surrogate: no UTF-32
            if _reads_as_text(text):
                return encoding
    return None


def _text_encoding(data: bytes) -> str | None:
    """The encoding to transcode from (None: scanned as it is): UTF-32 or UTF-16 by BOM, BOM-less UTF-32 or UTF-16."""
    if data.startswith(_UTF32_BOMS):  # before UTF-16: the UTF-32-LE BOM starts with UTF-16-LE's
        return 'utf-32'
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return 'utf-16'
    if b'\0' in data[:SNIFF]:
        return _looks_utf32(data) or _looks_utf16(data)
    head = data[:SNIFF]
    return _utf16_text(head[:len(head) - len(head) % 2])  # no NUL: all of it CJK, Hangul or kana (U+4E00 …)


def _valid_utf8(head: bytes) -> bool:
    """``head`` is UTF-8 (ASCII included), but for a character cut at its end."""
    try:
        head.decode('utf-8')
        return True
    except UnicodeDecodeError as e:
        return e.start >= len(head) - 3


def _utf16_text(head: bytes) -> str | None:
    """The byte order in which ``head`` decodes, strictly, to text whose characters are (nine in ten) ASCII
    or of the scripts written in UTF-16 without a BOM by Windows tools: CJK, Hangul, kana; None if neither.
    Not UTF-8 text read in pairs: ``head`` is no UTF-8, and fewer than half of its pairs are two printable
    ASCII bytes (ASCII text read as UTF-16 is CJK-looking pairs of letters: 'ab' is U+6261)."""
    if len(head) < 8 or _valid_utf8(head):
        return None
    pairs = len(head) // 2
    ascii_pairs = sum(1 for i in range(0, 2 * pairs, 2) if 32 <= head[i] < 127 and 32 <= head[i + 1] < 127)
    if 2 * ascii_pairs >= pairs:
        return None
    best, share = None, 0.9
    for encoding in ('utf-16-le', 'utf-16-be'):
        try:
            text = head.decode(encoding)
        except UnicodeDecodeError:
            continue  # a lone surrogate: not this byte order
        known = sum(1 for c in text if ' ' <= c <= '~' or c in '\t\n\r' or '\u3000' <= c <= '\u9fff'
                    or '\uac00' <= c <= '\ud7af' or '\uff00' <= c <= '\uffef')
        if known / len(text) >= share and _reads_as_text(text):
            best, share = encoding, known / len(text)
    return best


# Bytes a reader sees as ASCII text (``grep``, an editor, a terminal): printable ASCII, tab, line breaks ('A'; else NUL).
_ASCII_TEXT = bytes(0x41 if b in b'\t\n\r' or 0x20 <= b < 0x7F else 0 for b in range(256))
# Bytes of ASCII text in a row that make a run: UTF-16 or UTF-32 text of ASCII characters has none (a NUL in every
# pair), CJK text in UTF-16 seldom so many (8 characters in a row whose two bytes are both printable ASCII).
ASCII_RUN = 16
_RUN = b'A' * ASCII_RUN
_ASCII_RUNS = LazyPattern(b'[\\t\\n\\r\\x20-\\x7e]{%d,}' % ASCII_RUN)
# The high bytes of UTF-16 characters whose low bytes are printable ASCII and that are written in runs: kana and CJK
# punctuation (U+30xx), Devanagari (U+09xx), Gurmukhi and Gujarati (U+0Axx), Malayalam and Sinhala (U+0Dxx). A run
# with one of its byte lanes all of them is such text (Japanese in UTF-16: ``の設定で`` …), not ASCII.
_SCRIPT_HIGH_BYTES = b'0\t\n\r'


def _ascii_runs(data: bytes, *, final: bool = True) -> tuple[list[bytes], bytes]:
    """The runs of ASCII text in UTF-16 or UTF-32 ``data``, and, unless ``final``, the ASCII text it ends with
    (it may go on in the next block). A tool that writes ASCII appending to a UTF-16 file (``echo K=v >> setup.log``
    after Windows PowerShell 5's ``>``) leaves a line ``grep`` and editors find that the whole file's decode reads
    as CJK (twelfth hostile review, break 04). An ordinary UTF-16 file costs a ``translate`` and a ``find`` (1 ms a
    MB); the regex runs from the first run on (a file of nothing but runs: 45 ms a MB)."""
    marks = data.translate(_ASCII_TEXT)
    end = len(data) if final else marks.rfind(b'\0') + 1
    start = marks.find(_RUN, 0, end)
    if start < 0:
        return [], data[end:]
    runs = [run for run in _ASCII_RUNS.findall(data, start, end)
            if run[0::2].translate(None, _SCRIPT_HIGH_BYTES) and run[1::2].translate(None, _SCRIPT_HIGH_BYTES)]
    return runs, data[end:]


# UTF-16 text of ASCII characters, 8 or more in a row (a NUL beside each), found in bytes marked: an ASCII text
# byte 'A', a NUL 'Z', any other '.' (so ``find`` and a ``match`` of the marks, in C, find them).
_UTF16_MARKS = bytes(0x5A if b == 0 else 0x41 if b in b'\t\n\r' or 0x20 <= b < 0x7F else 0x2E for b in range(256))
_UTF16_RUN = {'utf-16-le': b'AZ' * (ASCII_RUN // 2), 'utf-16-be': b'ZA' * (ASCII_RUN // 2)}
# (a literal prefix: sre looks for it as ``find`` does; 1M runs in 18 MB, 0.8 s)
_UTF16_RUNS = {order: LazyPattern(run + b'(?:' + run[:2] + b')*') for order, run in _UTF16_RUN.items()}


def _utf16_spans(data: bytes, order: str = '', end: int | None = None) -> tuple[str, list[tuple[int, int]]]:
    """The byte order of the first run of UTF-16 text of ASCII characters in ``data`` (up to ``end``), or ``order``
    if given, and where the runs in that order stand (start, end). One order a file: a tool appends in one
    (PowerShell: little-endian), and a run read one byte on is a run in the other order."""
    end = len(data) if end is None else end
    first = data.find(b'\0', 0, end) - 1
    if first < -1 or data.count(b'\0', first + 1, end) < ASCII_RUN // 2:  # (memchr: text with a stray NUL stops here)
        return order, []
    first = max(first, 0)
    marks = data[first:end].translate(_UTF16_MARKS)
    found = sorted((at, o) for o, run in _UTF16_RUN.items() if o == order or not order
                   for at in [marks.find(run)] if at >= 0)
    if not found:
        return order, []
    start, order = found[0]
    return order, [(first + m.start(), first + m.end()) for m in _UTF16_RUNS[order].finditer(marks, start)]


def _utf16_open(data: bytes) -> int:
    """Where the UTF-16 ASCII text ``data`` ends with starts, in either byte order (a run the next block may go on):
    after the last byte no such run holds, one neither ASCII text nor NUL, or the second of two text bytes or two
    NULs in a row. A block of text without a NUL near its end costs a ``rfind`` (memchr): at most its last byte."""
    if data.rfind(b'\0', len(data) - 2) < 0:
        return len(data) - (data[-1:].translate(_UTF16_MARKS) == b'A')
    marks = data.translate(_UTF16_MARKS)
    return max(marks.rfind(b'.'), marks.rfind(b'AA'), marks.rfind(b'ZZ')) + 1


def _utf16_runs(data: bytes, order: str = '', *, final: bool = True) -> tuple[list[bytes], str, bytes]:
    """The runs of UTF-16 text of ASCII characters in ``data`` that is not UTF-16, as UTF-8 (one item, its lines
    the runs), their byte order (``order``, if given, is the file's, from the runs of the blocks before), and,
    unless ``final``, the UTF-16 ASCII text ``data`` ends with (it may go on in the next block: a run cut by a
    block's end lost its token, thirteenth hostile review, break 04). Windows PowerShell 5's ``>>`` appends
    UTF-16LE to a file whatever it holds (``echo K=v >> .env``), and the rest of the file read as UTF-8 kept a NUL
    between the characters of its token (twelfth hostile review, break 04's sibling). A file without a NUL costs
    a ``find`` (memchr), one with fewer than 8 a ``count``."""
    end = len(data) if final else _utf16_open(data)
    order, spans = _utf16_spans(data, order, end)
    if not spans:
        return [], order, data[end:]
    text = '\n'.encode(order).join(data[start:stop] for start, stop in spans).decode(order)
    return [text.encode()], order, data[end:]


def _text_around_utf16(data: bytes) -> bool:
    """Judged binary for its NUL bytes, ``data`` is text once its runs of UTF-16 ASCII are taken out (a 2 KB ``.env``
    and a 500-byte UTF-16 line: a tenth of NULs). Asked only of what ``is_binary`` calls binary with NULs for most
    of its odd bytes (not images, archives, or a signature's format)."""
    head = data[:BINARY_SNIFF]
    if data.startswith(BINARY_SIGNATURES) or head.count(0) * 2 < len(head.translate(None, _TEXT_CHARS)):
        return False
    kept, at = [], 0
    for start, end in _utf16_spans(head)[1]:
        kept.append(head[at:start])
        at = end
    return at > 0 and not is_binary(b''.join(kept) + head[at:])


def _with_runs(text: bytes, runs: Sequence[bytes]) -> tuple[bytes, bytes]:
    """Decoded ``text`` split after its last line break, ``runs`` (one line or more each) put at the split: no line of
    the text is cut by them."""
    cut = text.rfind(b'\n') + 1
    return text[:cut] + b'\n'.join(runs) + b'\n', text[cut:]


def decode_text(data: bytes) -> bytes | None:
    """Bytes to scan: UTF-8 as-is (a BOM dropped), UTF-16/32 transcoded to UTF-8 (and ASCII text standing in it,
    after the last line break: ``_ascii_runs``; UTF-16 standing in other text likewise: ``_utf16_runs``), line
    endings as LF; None for binary data."""
    encoding = None if data.startswith(codecs.BOM_UTF8) else _text_encoding(data)
    if encoding is not None:
        runs, _ = _ascii_runs(data)
        data = data.decode(encoding, 'replace').encode('utf-8', 'surrogateescape')
    else:
        if data.startswith(codecs.BOM_UTF8):
            data = data[len(codecs.BOM_UTF8):]
        elif is_binary(data) and not _text_around_utf16(data):
            return None
        runs = _utf16_runs(data)[0]
    if runs:
        data = b''.join(_with_runs(data, runs))
    if b'\r' not in data:  # (memchr: the common case costs one pass)
        return data
    return _line_endings(data, _cr_only(data))


def link_into_repository(path: str) -> bool:
    """Whether the symlink ``path`` points to a regular file of its own repository (the nearest
    directory above it holding ``.git``; else the current directory's tree): that file is checked at
    its own path, so the link adds nothing of its own."""
    try:
        target = os.path.realpath(path)
        if not os.path.isfile(target):
            return False
        top = os.path.dirname(os.path.abspath(path))
        while not os.path.exists(os.path.join(top, '.git')):
            parent = os.path.dirname(top)
            if parent == top:
                top = os.getcwd()
                break
            top = parent
        top = os.path.realpath(top)
        return os.path.commonpath([top, target]) == top
    except (OSError, ValueError):
        return False


_NOFOLLOW = getattr(os, 'O_NOFOLLOW', 0)


def _link_target(path: str) -> bytes:
    try:
        return os.fsencode(os.readlink(path))
    except OSError as e:
        raise Unreadable(e.strerror or str(e)) from None


def open_file(path: str) -> tuple[BinaryIO, int]:
    """The open file (the caller closes it) and its size; anything but a regular file or a symlink
    is Unreadable.

    A symlink is never followed: its content is its target path, which is what git stores
    (a link out of the repository is not read; a dangling link is fine). Opened non-blocking
    and checked with fstat on the open descriptor, so a FIFO or device never blocks the hook
    and a file swapped between listing and reading is judged as it is.
    """
    if '\0' in path:  # no file has such a name; os.open would raise ValueError
        raise Unreadable('a NUL byte in the name')
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, 'O_NONBLOCK', 0) | getattr(os, 'O_BINARY', 0) | _NOFOLLOW)
    except FileNotFoundError:
        raise Unreadable('no such file') from None
    except IsADirectoryError:
        raise Unreadable('is a directory') from None
    except OSError as e:
        if e.errno == errno.ENXIO:  # a socket
            raise Unreadable('not a regular file') from None
        if not (_NOFOLLOW and e.errno in (errno.ELOOP, errno.EMLINK) and os.path.islink(path)):
            raise Unreadable(e.strerror or str(e)) from None
        target = _link_target(path)
        return io.BytesIO(target), len(target)
    try:
        st = os.fstat(fd)
        if stat.S_ISDIR(st.st_mode):
            raise Unreadable('is a directory')
        if not stat.S_ISREG(st.st_mode):
            raise Unreadable('not a regular file')
    except BaseException:
        os.close(fd)
        raise
    return os.fdopen(fd, 'rb'), st.st_size


@contextlib.contextmanager
def open_regular(path: str) -> Iterator[tuple[BinaryIO, int]]:
    """``open_file`` as a context manager (the file is closed on leaving)."""
    f, size = open_file(path)
    with f:
        yield f, size


OWN_FILE_LIMIT = 64 * 1024 * 1024  # no configuration, baseline or .gitignore is larger


def read_own_file(path: str, *, limit: int = OWN_FILE_LIMIT) -> bytes:
    """A file leakstop reads for its own use (settings, a baseline, ``.gitignore``, a report to import).

    Only a regular file (a symlink is followed, but only to a regular file) of at most ``limit``
    bytes: a committed link to ``/dev/zero`` or a FIFO named as the baseline is refused at once
    instead of being read until memory runs out or waited on forever. Raises OSError (with
    ``strerror`` saying why; FileNotFoundError when there is no such file).
    """
    if '\0' in path:
        raise OSError(errno.EINVAL, 'a NUL byte in the name', path)
    fd = os.open(path, os.O_RDONLY | getattr(os, 'O_NONBLOCK', 0) | getattr(os, 'O_BINARY', 0))
    with os.fdopen(fd, 'rb') as f:
        st = os.fstat(f.fileno())
        if not stat.S_ISREG(st.st_mode):
            raise OSError(errno.EISDIR if stat.S_ISDIR(st.st_mode) else errno.EINVAL,
                          'is a directory' if stat.S_ISDIR(st.st_mode) else 'not a regular file', path)
        data = f.read(limit + 1)
    if len(data) > limit:
        raise OSError(errno.EFBIG, f'larger than {limit // (1024 * 1024)} MiB', path)
    return data


def inside(path: str, root: str) -> bool:
    """Whether ``path`` (absolute, or relative to the current directory) is ``root`` or below it
    once ``..`` and symlinks (the last component's too) are resolved: a name taken from a file
    (an imported report, a baseline) may point anywhere."""
    if '\0' in path or '\0' in root:
        return False
    real, top = os.path.realpath(path), os.path.realpath(root)
    return real == top or real.startswith(top.rstrip(os.sep) + os.sep)


# What a hook or a command reads whole (block-credential-files, block-env-files, a file `baseline import` names):
# larger files raise TooLarge, said in one line (fifth hostile review, break 11: an 800 MB file was read whole, a
# MemoryError traceback). `leakstop scan` and scan-secrets read any size, in windows (scan.scan_path).
WHOLE_READ_LIMIT = 128 * 1024 * 1024


def read_bytes(path: str, *, limit: int | None = None) -> bytes:
    """Whole file as bytes (see ``open_regular``); TooLarge past ``limit`` bytes (default ``WHOLE_READ_LIMIT``),
    read no further."""
    limit = WHOLE_READ_LIMIT if limit is None else limit
    try:
        with open_regular(path) as (f, size):
            data = f.read(limit + 1) if size <= limit else b''
    except OSError as e:
        raise Unreadable(e.strerror or str(e)) from None
    if size > limit or len(data) > limit:
        raise TooLarge(f'larger than {limit // (1024 * 1024)} MiB: not read whole')
    return data


def decoded_blocks(f: BinaryIO, size: int) -> Iterator[bytes] | None:
    """A large file as blocks of scannable bytes (as ``decode_text``: UTF-16/32 transcoded, a BOM
    dropped, line endings as LF, judged by the first block); None if it is binary.

    The runs ``decode_text`` adds (ASCII in UTF-16/32, UTF-16 ASCII in other text) are looked for in the raw
    blocks with the text a block ended with carried on (a run a block's end cut lost its token: thirteenth hostile
    review, break 04), and put where ``decode_text`` puts them, after the file's last line break: while a run is
    found or may be open, a block is given up to its last line break and the rest waits for the next (so line
    numbers and offsets are the whole file's). Memory stays bounded: a line, the runs found or a run longer than a
    block goes out there (the runs after the last line break read). Text with no run costs no copy of a block."""
    first = f.read(size)
    encoding = _text_encoding(first)
    if encoding is None and is_binary(first) and not _text_around_utf16(first):
        return None
    if first.startswith(codecs.BOM_UTF8):
        first = first[len(codecs.BOM_UTF8):]

    def blocks() -> Iterator[bytes]:
        decoder = codecs.getincrementaldecoder(encoding)('replace') if encoding else None
        cr_only: bool | None = None  # judged on the first block with a line ending
        held = b''  # text not given yet: a CR (its LF may start the next block), or what follows the last line break
        fresh = True  # the text given so far ends a line (a line longer than a block may have gone out in part)
        tail = b''  # the raw text a block ended with that a run may go on from (ASCII; UTF-16 ASCII in other text)
        order = ''  # UTF-16 ASCII in other text: the byte order of its first run (one a file, as decode_text)
        runs: list[bytes] = []  # not yet put after a line break
        kept = 0  # their bytes
        block = first
        while block:
            text = held + (block if decoder is None else decoder.decode(block).encode('utf-8', 'surrogateescape'))
            if cr_only is None:
                judged = text[:-1] if text.endswith(b'\r') else text
                if b'\r' in judged or b'\n' in judged:
                    cr_only = _cr_only(judged)
            found: list[bytes] = []
            if decoder is not None:
                if tail and not _ASCII_TEXT[block[0]]:  # the edge ends the run: no copy of the block
                    found, tail = _ascii_runs(tail)[0], b''
                more, tail = _ascii_runs(tail + block, final=False)
                if len(tail) > size:  # a run longer than a block: cut there
                    more, tail = more + _ascii_runs(tail)[0], b''
            else:
                if tail and (tail[-1] == 0) == (block[0] == 0):  # two text bytes, or two NULs: the edge ends the run
                    found, order, _ = _utf16_runs(tail, order)
                    tail = b''
                more, order, tail = _utf16_runs(tail + block, order, final=False)
                if len(tail) > size:
                    more, order, tail = more + _utf16_runs(tail, order)[0], order, b''
            found += more
            runs += found
            kept += sum(map(len, found))
            if runs or len(tail) > 1:  # the runs go after the file's last line break: what follows this block's waits
                cut = text.rfind(b'\r' if cr_only else b'\n') + 1
            else:
                cut = len(text) - (text.endswith(b'\r') and not cr_only)
            out, held = text[:cut], text[cut:]
            if runs and (kept > size or len(held) > size):
                out += (b'' if out or fresh else b'\n') + b'\n'.join(runs) + b'\n'
                runs, kept = [], 0
            if len(held) > size:  # a line longer than a block (but for a CR whose LF may come next)
                keep = len(held) - (held.endswith(b'\r') and not cr_only)
                out, held = out + held[:keep], held[keep:]
            if out:
                out = _line_endings(out, bool(cr_only))
                fresh = out.endswith(b'\n')
                yield out
            block = f.read(size)
        text = held
        if decoder is not None:
            text += decoder.decode(b'', final=True).encode('utf-8', 'surrogateescape')
            runs += _ascii_runs(tail)[0]
        else:
            runs += _utf16_runs(tail, order)[0]
        if runs:  # after the last line break, as decode_text (``_with_runs``); on lines of their own
            cut = text.rfind(b'\n') + 1
            text = text[:cut] + (b'' if cut or fresh else b'\n') + b'\n'.join(runs) + b'\n' + text[cut:]
        if text:
            yield _line_endings(text, bool(cr_only) or cr_only is None and _cr_only(text))
    return blocks()


def walk(paths: Iterable[str], *, skip: Callable[[str], bool] | None = None) -> Iterator[str]:
    """Files named, and files under directories named (skipping .git), in a stable order.

    Iterative (os.walk recurses: a tree 1,000 directories deep raised RecursionError). A link
    to a directory is a file here (scanned as a link, never walked); an unreadable directory is
    skipped, as os.walk does. In a directory its files (and links) come first, sorted, then its
    subdirectories in sorted order. ``skip``, if given, is asked of each file found and each
    directory (as ``normalize(path) + '/'``) below a directory named: what it answers true for
    is left out, and such a directory is not entered (for globs, see ``tree_files``).
    """
    for path in paths:
        if not (os.path.isdir(path) and not os.path.islink(path)):
            yield path
            continue
        stack = [path]
        while stack:
            root = stack.pop()
            try:
                with os.scandir(root) as it:
                    entries = list(it)
            except OSError:
                continue
            names, dirs = [], []
            for entry in entries:
                try:
                    is_dir = entry.is_dir()
                except OSError:
                    is_dir = False
                if not is_dir:
                    names.append(entry.name)
                elif entry.name == '.git':
                    continue
                elif entry.is_symlink():
                    names.append(entry.name)  # scanned as a link, not walked
                else:
                    dirs.append(entry.name)
            for name in sorted(names):
                found = os.path.join(root, name)
                if skip is None or not skip(normalize(found)):
                    yield found
            below = (os.path.join(root, d) for d in sorted(dirs, reverse=True))
            stack.extend(d for d in below if skip is None or not skip(normalize(d) + '/'))


def git_files(directory: str) -> list[str] | None:
    """What git would track under ``directory``, relative to it, in ``walk``'s order: the files in
    the index and the untracked files no ignore rule covers (``.gitignore``, ``.git/info/exclude``,
    ``core.excludesFile``), as ``git ls-files --cached --others --exclude-standard`` lists them,
    less the tracked files deleted from the working tree. A submodule or a nested repository is
    one entry, its name ending in ``/``. None when ``directory`` is not in a git work tree, or git
    is missing or refuses (a repository of another owner).

    One git process, and no system call per file here: ``-t`` tags each entry (``H`` in the index,
    ``R`` deleted, ``?`` untracked, ``S`` skip-worktree: checked for, as a sparse checkout leaves
    such files out) and ``-s`` gives the mode of those in the index (a submodule's is 160000).
    """
    import subprocess

    from leakstop.git import command
    try:
        proc = subprocess.run(
            command('-C', directory, 'ls-files', '-z', '-t', '-s', '--cached', '--deleted', '--others',
             '--exclude-standard'),
            stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
        )
    except OSError:
        return None
    if proc.returncode != 0:
        return None
    names: dict[bytes, bool] = {}  # name -> a submodule or a nested repository
    deleted = set()
    for record in proc.stdout.split(b'\0'):
        tag, _, rest = record.partition(b' ')
        if tag == b'?':
            names[rest] = rest.endswith(b'/')
        elif tag == b'R':
            deleted.add(rest.partition(b'\t')[2])
        elif rest:  # H (or another tag of a path in the index): "mode sha stage\tname", per stage if unmerged
            info, _, name = rest.partition(b'\t')
            if tag == b'S' and not os.path.lexists(os.path.join(os.fsencode(directory), name)):
                continue  # skip-worktree: outside a sparse checkout (a file kept there is read)
            names[name] = info.startswith(b'160000')
    return sorted(
        (os.fsdecode(name.rstrip(b'/')) + '/' if nested else os.fsdecode(name)
         for name, nested in names.items() if name not in deleted),
        key=_walk_order,
    )


def _walk_order(name: str) -> str:
    """Sort key putting names in ``walk``'s order: in each directory its files first, then its
    subdirectories (the separators sort below every other character)."""
    head, _, tail = name.rstrip('/').rpartition('/')
    return ('\x02' + head.replace('/', '\x02') + '\x01' if head else '\x01') + tail


def _git_ignores(directory: str) -> bool:
    """Whether git ignores ``directory`` itself (``leakstop scan node_modules`` names one)."""
    import subprocess

    from leakstop.git import command
    try:
        return subprocess.run(
            command('-C', directory, 'check-ignore', '-q', '.'),
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        ).returncode == 0
    except OSError:
        return False


def tree_files(paths: Iterable[str], *, use_git: bool = True, skip: Callable[[str], bool] | None = None) -> Iterator[str]:
    """The files ``leakstop scan PATH...`` reads. A file named is read as it is. A directory named
    that is in a git work tree gives what git would track there (``git_files``: no ``.venv``,
    ``node_modules``, build output or anything else .gitignore covers, but every tracked file even
    where an ignore rule matches it); a submodule or nested repository in it the same way, by its
    own rules. A directory outside a repository, one git itself ignores (named on purpose), or any
    directory with ``use_git`` False is walked whole (``walk``). A tracked file deleted from the
    working tree is not read.

    ``skip`` (the excluded and allowlisted paths) is asked of each file found below a directory
    named and of each directory, as ``normalize(path) + '/'``: a glob that matches a directory so
    written matches every path below it (its regex ends in ``(?:/.*)?`` or ``/.*``), so the
    directory is not entered.
    """
    for path in paths:
        if not use_git or not os.path.isdir(path) or os.path.islink(path):
            yield from walk([path], skip=skip)
            continue
        stack = [path]
        while stack:
            directory = stack.pop()
            names = git_files(directory)
            if names is None or not names and _git_ignores(directory):
                yield from walk([directory], skip=skip)
                continue
            nested = []
            for name in names:
                found = os.path.join(directory, name.rstrip('/'))
                if name.endswith('/'):  # its own listing, after this one's files
                    if (skip is None or not skip(normalize(found) + '/')) and os.path.isdir(found):
                        nested.append(found)
                elif skip is None or not skip(normalize(found)):
                    yield found
            stack.extend(reversed(nested))


def paths_not_options(argv: Sequence[str]) -> list[str]:
    """``argv`` with each argument that starts with ``-`` but names an existing path written ``./-name``.

    pre-commit appends file names after a hook's options with no ``--`` between them: a staged
    file called ``-h`` would print the help and pass, leaving the files after it unscanned.
    """
    return ['./' + a if a.startswith('-') and os.path.lexists(a) else a for a in argv]


def normalize(path: str) -> str:
    """Relative, ``/``-separated, without a leading ``./``: the form paths are matched and stored in."""
    path = path.replace(os.sep, '/')
    while path.startswith('./'):
        path = path[2:]
    return path


NAME_PART_JOINS = 8  # a part spans at most this many underscores: a token holds a few (github_pat_…_…)


class NameParts(NamedTuple):
    """``files.name_parts``: the parts, one to a line, and where each starts in the text and in the path."""
    text: bytes
    places: tuple[tuple[int, int], ...]  # (where a part starts in ``text``, where it starts in the path)

    def original(self, start: int, end: int) -> tuple[int, int]:
        """The path's span of ``text[start:end]``."""
        first, last = self._locate(start), self._locate(max(start, end - 1))
        return first, max(first, last + 1)

    def _locate(self, offset: int) -> int:
        at, origin = self.places[bisect.bisect_right(self.places, (offset, len(self.text))) - 1]
        return origin + offset - at


# what separates names: a path's `/`, and blanks and line breaks (a commit subject's words: a part spanning a word's
# blank found every token of a 490 KB subject again in some 28 parts, 9 s; thirty-sixth hostile review, break 05's
# sibling)
_NAME_SEPARATORS = LazyPattern(rb'[/ \t\r\n]')


def name_parts(data: bytes) -> NameParts | None:
    """The parts of a path's file and directory names that ``_`` separates (``backup``, ``<token>``,
    ``old.txt`` of ``backup_<token>_old.txt``, and each run of them), one to a line; None when no name
    holds ``_``. In a file name ``_`` joins words, but a rule's start and end guards read it as part of an
    identifier: a token after or before ``_`` in a name was neither found nor redacted (eighth hostile
    review, break 09). A part runs from a name's start or an ``_`` to a later ``_`` (at most
    ``NAME_PART_JOINS`` on) or to the name's end (where that is as near): linear in the path, however long a
    name (a commit subject is one: thirty-sixth hostile review, break 05). Names end at ``/`` and at blanks."""
    if b'_' not in data:
        return None
    spans: list[tuple[int, int]] = []
    offset = 0
    for name in _NAME_SEPARATORS.split(data):  # (one byte each: offsets follow)
        cuts, cut = [], name.find(b'_')
        while cut >= 0:
            cuts.append(cut)
            cut = name.find(b'_', cut + 1)
        for k, begin in enumerate([0, *(i + 1 for i in cuts)] if cuts else []):
            # the part to the name's end only when it spans fewer than NAME_PART_JOINS underscores, as the others do:
            # from every ``_``, it made the parts of a name of N underscores N^2/2 bytes, where each token of a
            # one-paragraph commit message was found and confirmed again in every part before it (1,000 tokens in
            # 41 KB: 16-22 s of ``scan --history``; thirty-sixth hostile review, break 05)
            ends = [len(name)] if len(cuts) - k < NAME_PART_JOINS else []
            spans.extend((offset + begin, offset + stop) for stop in [*cuts[k:k + NAME_PART_JOINS], *ends]
                         if stop > begin and (begin, stop) != (0, len(name)))  # (the whole name: the path's own scan)
        offset += len(name) + 1
    if not spans:
        return None
    places, at = [], 0
    for begin, stop in spans:
        places.append((at, begin))
        at += stop - begin + 1
    return NameParts(b''.join(data[begin:stop] + b'\n' for begin, stop in spans), tuple(places))


_PATH_ESCAPES = LazyPattern('[\\\\\ud800-\udfff]')  # compiled for a name that needs it: 0.4 ms of a start
_PATH_UNESCAPES = LazyPattern(r'\\(?:(\\)|x([89a-f][0-9a-f])|u(d[89a-f][0-9a-f]{2}))')


def _path_escape(m: re.Match[str]) -> str:
    c = m.group()
    if c == '\\':
        return '\\\\'
    if '\udc80' <= c <= '\udcff':  # a byte that is not UTF-8, as os.fsdecode and git's output decode it
        return f'\\x{ord(c) - 0xdc00:02x}'
    return f'\\u{ord(c):04x}'  # any other lone surrogate (none comes from a file system)


def path_text(path: str) -> str:
    """``path`` as leakstop writes it, everywhere (text, JSON, annotations, baselines): each byte of
    the name that is not UTF-8 as ``\\xNN`` (git's core.quotePath writes ``\\351``), a backslash as
    ``\\\\``, so the text is valid Unicode and names one file only; other names are unchanged.
    ``path_from_text`` reverses it."""
    if path.isascii() and '\\' not in path:
        return path
    return str(_PATH_ESCAPES.sub(_path_escape, path))


def path_from_text(text: str) -> str:
    """The path ``path_text`` wrote as ``text`` (surrogate-escaped bytes restored); ``open`` takes it."""
    def unescape(m: re.Match[str]) -> str:
        if m.group(1):
            return '\\'
        return chr(0xdc00 + int(m.group(2), 16)) if m.group(2) else chr(int(m.group(3), 16))
    return _PATH_UNESCAPES.sub(unescape, text) if '\\' in text else text


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
    out: list[str] = []
    i, unclosed = 0, False  # unclosed: a ``[`` had no end; the ones after it are not looked at (``[[[[…``: linear)
    while i < len(pat):
        c = pat[i]
        if pat.startswith('***', i):  # a run of stars is one wildcard, as ``glob_cost_error`` counts it: ``**``
            while pat.startswith('***', i):  # (a run of 24 was 12 ``.*`` in a row, exponential backtracking:
                i += 1  # eighth hostile review, break 08)
            continue
        if pat.startswith('**/', i):
            if not out or out[-1] != '(?:.*/)?':  # **/**/ is **/ (two in a row would backtrack for nothing)
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
            j = -1 if unclosed else bracket_end(pat, i, escapes=False)
            if j == -1:
                unclosed = True
                out.append(re.escape(c))
                i += 1
            else:
                out.append(_bracket_regex(pat[i + 1:j]))
                i = j + 1
        else:
            out.append(re.escape(c))
            i += 1
    prefix = '' if anchored else '(?:.*/)?'
    suffix = '/.*' if dir_only else '(?:/.*)?' if below else ''
    return f'{prefix}{"".join(out)}{suffix}'


GLOB_SYNTAX = b'*?[\\'  # a text without these bytes is its own only name
_GLOB_STAND_INS = b'_-x'  # what ``?`` is read as, one view each: a token's separator (`ghp_`, `sk-`), a body's character
_BRACKET_PREFERRED = b'_-.x0'  # what a bracket expression is read as when it takes one of them, in this order


# The character classes a bracket expression may name (``[[:punct:]]``), as git's wildmatch reads them (ASCII):
# their ranges of bytes. A token written as ``ghp[[:punct:]]…`` is ``ghp_…`` to git (thirteenth hostile review,
# break 01: shown whole, the class's own ``]`` having been read as the expression's end).
_POSIX_CLASSES = {
    'alnum': ((48, 57), (65, 90), (97, 122)), 'alpha': ((65, 90), (97, 122)), 'blank': ((9, 9), (32, 32)),
    'cntrl': ((0, 31), (127, 127)), 'digit': ((48, 57),), 'graph': ((33, 126),), 'lower': ((97, 122),),
    'print': ((32, 126),), 'punct': ((33, 47), (58, 64), (91, 96), (123, 126)), 'space': ((9, 13), (32, 32)),
    'upper': ((65, 90),), 'xdigit': ((48, 57), (65, 70), (97, 102)),
}


def bracket_end(text: str, i: int, *, escapes: bool = True) -> int:
    """Where the bracket expression that ``text[i]`` (a ``[``) opens ends (its ``]``), -1 if it does not end, as
    git's wildmatch reads one: a ``]`` right after the ``[`` (or its ``!``/``^``) is a member, a backslash escapes
    the next character (``escapes``; leakstop's own path globs take it as a member: ``glob_to_regex``), and
    ``[:name:]`` is a class whose ``]`` ends the class, not the expression (``[:`` not followed by ``:]`` before the
    next ``]`` is a ``[`` member). Linear: the class's ``]`` and the expression's are the same ``find``."""
    j = i + 1
    if text[j:j + 1] in ('!', '^'):
        j += 1
    if text[j:j + 1] == ']':
        j += 1
    end = j  # the next ``]`` once looked for (``[[:[:[:…`` looks once)
    while j < len(text):
        c = text[j]
        if c == '\\' and escapes:
            j += 2
        elif c == ']':
            return j
        elif c == '[' and text[j + 1:j + 2] == ':':
            if end < j + 2:
                end = text.find(']', j + 2)
                if end == -1:
                    return -1
            j = end + 1 if end > j + 2 and text[end - 1] == ':' else j + 1
        else:
            j += 1
    return -1


def _bracket_items(body: str, *, escapes: bool = True) -> tuple[bool, list[tuple[int, int]] | None]:
    """A bracket expression's ``body`` (between ``[`` and its ``]``): whether it is negated, and its ranges of
    characters (``a-z``; a single one as a range of one; ``\\c`` the ``c``; ``[:punct:]`` a class's ranges); None
    for a class git does not know (wildmatch then matches nothing)."""
    negated = body[:1] in ('!', '^')
    items, i = body[1:] if negated else body, 0
    ranges: list[tuple[int, int]] = []
    while i < len(items):
        if items.startswith('[:', i):
            end = items.find(']', i + 2)
            if end > i + 2 and items[end - 1] == ':':
                known = _POSIX_CLASSES.get(items[i + 2:end - 1])
                if known is None:
                    return negated, None
                ranges.extend(known)
                i = end + 1
                continue
        if items[i] == '\\' and escapes and i + 1 < len(items):
            i += 1
        low = ord(items[i])
        if i + 2 < len(items) and items[i + 1] == '-':
            ranges.append((low, ord(items[i + 2])))
            i += 3
        else:
            ranges.append((low, low))
            i += 1
    return negated, ranges


def _bracket_regex(body: str) -> str:
    """A bracket expression's ``body`` as a regex character set (its members escaped: a ``[`` or ``&&`` in it is no
    nested set; ``[[:digit:]]`` is ``[0-9]``; a backslash a member, as it always was here: ``[a\\]``), never a ``/``
    (as git matches paths). No lookaround: allowlist paths run in RE2 too (``config._glob_parts``)."""
    negated, ranges = _bracket_items(body, escapes=False)
    if ranges is None:
        return r'[^\s\S]'  # a class git does not know: nothing
    if not negated:  # '/' taken out of a range (`[[:punct:]]` holds it); an inverted range stays, for re to refuse
        ranges = [part for low, high in ranges
                  for part in ([(low, 0x2E), (0x30, high)] if low <= 0x2F <= high else [(low, high)])
                  if part[0] <= part[1] or not low <= 0x2F <= high]
    members = ''.join(re.escape(chr(low)) if low == high else f'{re.escape(chr(low))}-{re.escape(chr(high))}'
                      for low, high in ranges)
    if negated:
        return f'[^/{members}]'
    return f'[{members}]' if members else r'[^\s\S]'


def _bracket_choice(body: str) -> int:
    """A byte a bracket expression's ``body`` (a byte a character) takes: a preferred one (``[_]``: ``_``, ``[!x]``:
    ``_``), else the first it names (``[a-z]``: ``a``), else (``[!…]`` naming them all, or an unknown class) an ``x``."""
    negated, known = _bracket_items(body)
    ranges = known or []
    takes = [c for c in _BRACKET_PREFERRED if any(low <= c <= high for low, high in ranges) != negated]
    return takes[0] if takes else ranges[0][0] if ranges and not negated else ord('x')


def glob_views(data: bytes) -> list[tuple[bytes, list[int], list[int]]]:
    """``data`` (a glob, a .gitignore line) as the names it matches read, each with where its bytes start and end
    in ``data``: a backslash escape is the byte it escapes, a bracket expression a byte it takes, a run of ``*``
    nothing (a token split by ``*`` is whole again), ``?`` each of ``_GLOB_STAND_INS`` (one view each); a run of
    backslashes escapes as one does (``'ghp\\\\_…'``, an error's ``repr`` of ``ghp\\_…``, is that token too). Empty
    when ``data`` holds no glob syntax. What is shown of a pattern is redacted over these views as well as over
    its text: `ghp[_]…`, `ghp\\_…` and `ghp?…` name the token `ghp_…`, and each was shown whole where the text
    alone was searched (twelfth hostile review, break 10). Linear in ``data``."""
    if not any(c in data for c in GLOB_SYNTAX):
        return []
    tokens: list[tuple[int, int, int | None]] = []  # (start, end, the byte it reads as; None: a ``?``; -1: nothing)
    text = data.decode('latin-1')  # (a byte a character: bracket_end reads str)
    i, close = 0, -2  # close: where the last bracket expression looked for ends (-1: it does not; then none after
    while i < len(data):  # it is looked for: ``[[[[…`` stays linear)
        c = data[i]
        if c == ord('[') and close != -1 and close < i:
            close = bracket_end(text, i)
        if c == ord('*'):
            tokens.append((i, i + 1, -1))
        elif c == ord('?'):
            tokens.append((i, i + 1, None))
        elif c == ord('\\'):  # a run of them too: an error quotes a glob by repr()
            end = i
            while end < len(data) and data[end] == c:
                end += 1
            if end < len(data):
                tokens.append((i, end + 1, data[end]))
            i = end
        elif c == ord('[') and close != -1:
            tokens.append((i, close + 1, _bracket_choice(text[i + 1:close])))
            i = close
        else:
            tokens.append((i, i + 1, c))
        i += 1
    views = []
    for stand_in in (_GLOB_STAND_INS if any(t[2] is None for t in tokens) else _GLOB_STAND_INS[:1]):
        out = bytearray()
        starts: list[int] = []
        ends: list[int] = []
        for start, end, byte in tokens:
            if byte != -1:
                out.append(stand_in if byte is None else byte)
                starts.append(start)
                ends.append(end)
        views.append((bytes(out), starts, ends))
    return views


_GLOB_WORD = LazyPattern(rb'[\w-]{16,}')  # a long word (each byte looked at once: no lookaround that backtracks)


def glob_open_words(data: bytes) -> list[tuple[int, int]]:
    """Where ``data`` (a glob) holds a long word that a wildcard continues (``ghp_<30 characters>*``): the names
    it matches go on past it, and one of them may be the token it is the start of (a classic GitHub token's
    first 30 characters after ``ghp_`` determine its last 6, a checksum); no rule finds a token cut short.
    The caller shows such a word as a name (``report.reads_as_name``) or redacted."""
    if not any(c in data for c in b'*?['):
        return []
    return [m.span() for m in _GLOB_WORD.finditer(data)
            if data[m.start() - 1:m.start()] in (b'*', b'?', b']') or data[m.end():m.end() + 1] in (b'*', b'?', b'[')]


def glob_names_nothing(glob: str) -> bool:
    """Whether a glob is empty once its slashes and blanks are set aside (``''``, ``'/'``, ``' '``): it names
    no path, so a setting holding one is a mistake, refused where settings are read (a custom rule's
    ``paths = [""]`` ended every scan in an IndexError traceback: sixth hostile review, break 06)."""
    return not glob.replace('/', '').strip()


GLOB_STARS = 3  # wildcard runs a user's glob may hold (each may multiply Python's backtracking)
_STAR_RUN = LazyPattern(r'\*+')
_REPEATED_DOUBLE = LazyPattern(r'(?:(?<=/)|(?<=\A))\*\*/(?=\*\*(?:/|\Z))')  # a **/ right before another **


def glob_cost_error(glob: str) -> str | None:
    """Why a user's glob could take polynomial time to match (None if it cannot): more than GLOB_STARS
    wildcard runs, or more than one ``**`` that is not a whole path segment (``a**b`` crosses '/', and
    ``**a**a**x`` is cubic in a path's length, ``*a*a*a*x`` quartic in a name's)."""
    runs = list(_STAR_RUN.finditer(glob))
    if len(runs) > GLOB_STARS:
        return f'more than {GLOB_STARS} wildcards: matching could take polynomial time'
    free = [m for m in runs if len(m.group()) >= 2 and not (
        (m.start() == 0 or glob[m.start() - 1] == '/') and (m.end() == len(glob) or glob[m.end()] == '/'))]
    if len(free) > 1:
        return "more than one '**' inside a path segment: matching could take polynomial time"
    doubles = [m for m in runs if len(m.group()) >= 2]
    if len(doubles) - len(_REPEATED_DOUBLE.findall(glob)) > 2:
        # **/a/**/b/**/y takes seconds on a path of 2,000 directories (third hostile review, break 09);
        # **/**/ in a row counts once (it matches as one)
        return "more than two '**': matching could take polynomial time"
    return None


def compile_globs(
        patterns: Iterable[str], *, below: bool = True, flags: int = 0,
        compile: Callable[[str, int], re.Pattern[str]] = re.compile,
) -> re.Pattern[str] | None:
    """One regex matching a normalized path against any of ``patterns`` (None if there are none).

    ``below``: as in ``glob_to_regex``; pass False to match file names only. ``compile``: ``re.compile``,
    or ``leakstop.regex.compile`` for globs leakstop ships.
    """
    parts = [glob_to_regex(p, below=below) for p in patterns]
    return compile('(?:' + '|'.join(parts) + r')\Z', flags) if parts else None



COPY_NAMES = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'data', 'copy_names.toml')


class CopyNames:
    """Which file a copy's name stands for (``data/copy_names.toml``: ``.env~``, ``#.env#``, ``.env copy``,
    ``credentials (1).json``). One regex over the name, asked only of a name that ends as a backup does, holds
    a space or starts as an Emacs or vim file does (a few string tests: ``NameFilter`` asks it of every file
    its globs do not name)."""

    def __init__(self, table: dict[str, list[Any]]) -> None:
        def alternatives(markers: Iterable[str]) -> str:
            return '|'.join(re.escape(m).replace(re.escape('{n}'), '[0-9]+') for m in markers)

        if any(not m.startswith(' ') for m in table['inserted']):
            raise ValueError(f'{COPY_NAMES}: inserted: a marker starts with a space')
        around = [(before, after) for before, after in table['around']]
        parts = [rf'(?P<after>.+?)(?:{alternatives(table["after"])})',
                 rf'(?P<inserted>.+?)(?:{alternatives(table["inserted"])})(?P<ext>\.[^.]+)?']
        parts += [rf'{re.escape(before)}(?P<around{i}>.+?){re.escape(after)}' for i, (before, after) in enumerate(around)]
        self._regex = compile_kept(r'\A(?:' + '|'.join(parts) + r')\Z', re.IGNORECASE | re.DOTALL)
        self._ends = tuple({m.rsplit('{n}', 1)[-1].lower() for m in table['after']} | {a.lower() for _, a in around if a})
        self._starts = tuple({b.lower() for b, _ in around if b and ' ' not in b})

    def original(self, name: str) -> str | None:
        """The name ``name`` is a copy of (one layer taken off), or None."""
        low = name.lower()
        if not (' ' in low or low.endswith(self._ends) or low.startswith(self._starts)):
            return None
        m = self._regex.match(name)
        if m is None:
            return None
        groups = {k: v for k, v in m.groupdict().items() if v is not None}
        original = next(v for k, v in groups.items() if k != 'ext') + groups.get('ext', '')
        return original if original.strip('.') else None


_copy_names: list[CopyNames] = []


def copied_from(path: str) -> str | None:
    """The path of the file whose copy ``path`` (normalized) is by its name, or None: ``config/.env~`` ->
    ``config/.env``, ``#.env copy#`` -> ``.env`` (at most two layers)."""
    if not _copy_names:
        from leakstop.cache import cache_dir, cached_toml
        _copy_names.append(CopyNames(cached_toml(COPY_NAMES, directory=cache_dir())))
    parent, slash, name = path.rpartition('/')
    original = _copy_names[0].original(name)
    if original is None:
        return None
    again = _copy_names[0].original(original)
    return f'{parent}{slash}{again or original}'


class NameFilter:
    """Whether a normalized path matches any of some file-name globs (``glob_to_regex(below=False)``,
    caseless, as ``rules.name_globs``). It is asked of every file of a scan, so it is cheap: each glob
    is matched against the path's last segments only (``id_rsa`` against the name,
    ``**/.aws/credentials`` against the last two); ``*.p12``-like globs are one ``str.endswith``;
    the others are grouped by their first character (one regex per character seen). The rules the
    globs come from then decide (their excludes, their content exemptions)."""

    def __init__(self, patterns: Iterable[str]) -> None:
        suffixes: list[str] = []
        groups: dict[tuple[int, str], list[str]] = {}  # (segments, first character or '') -> regexes
        whole: list[str] = []
        for pattern in patterns:
            pat = pattern.rstrip('/')
            tail = pat[3:] if pat.startswith('**/') else pat
            if not tail:
                continue  # '' or '/': no name to match (settings refuse it: glob_names_nothing)
            depth = tail.count('/') + 1
            if '/' in pat and not pat.startswith('**/') or '**' in tail or depth > 2:
                whole.append(glob_to_regex(pattern, below=False))  # anchored, or ** inside: the whole path
            elif depth == 1 and tail.startswith('*') and not any(c in tail[1:] for c in '*?['):
                suffixes.append(tail[1:].lower())
            else:
                first = '' if tail[0] in '*?[' else tail[0].lower()
                groups.setdefault((depth, first), []).append(glob_to_regex(tail, below=False).replace('(?:.*/)?', '', 1))
        self._suffixes = tuple(suffixes)
        self._groups = {key: re.compile('(?:' + '|'.join(parts) + r')\Z', re.IGNORECASE) for key, parts in groups.items()}
        self._any_name = self._groups.get((1, ''))
        self._deep = {first for depth, first in groups if depth == 2}
        self._whole = re.compile('(?:' + '|'.join(whole) + r')\Z', re.IGNORECASE) if whole else None
        self._asked: dict[str, bool] = {}  # path -> answer: a history scan asks again for every version

    def __call__(self, path: str) -> bool:
        answer = self._asked.get(path)
        if answer is None:
            if len(self._asked) >= 65536:
                self._asked.clear()
            answer = self._asked[path] = self._match(path)
        return answer

    def _match(self, path: str) -> bool:
        if self._named(path):
            return True
        copy = copied_from(path)  # `.env~`, `id_rsa copy`: what its globs name, as a copy (tenth hostile review, 09)
        return copy is not None and self._named(copy)

    def _named(self, path: str) -> bool:
        parent, _, name = path.rpartition('/')
        name = name.lower()
        if name.endswith(self._suffixes):
            return True
        regex = self._groups.get((1, name[:1]))
        if regex is not None and regex.match(name) or self._any_name is not None and self._any_name.match(name):
            return True
        if self._deep and parent:
            folder = parent.rpartition('/')[2].lower()
            for first in (folder[:1], ''):
                if first in self._deep and self._groups[2, first].match(f'{folder}/{name}'):
                    return True
        return self._whole is not None and self._whole.match(path) is not None

"""Reading files as text: encodings and line endings."""
from __future__ import annotations

import codecs
import io
import os

import pytest

import fakes
from leakstop.files import decode_text, decoded_blocks, path_from_text, path_text

GH = fakes.github('ghp', seed='files')
TEXT = f'# 設定ファイルです。トークンは下にあります。本番環境では使わないでください。\ntoken = "{GH}"\n'


@pytest.mark.parametrize('encoding', ['utf-32', 'utf-32-le', 'utf-32-be'])
def test_utf32_with_a_bom_is_transcoded(encoding: str) -> None:
    raw = TEXT.encode(encoding)
    if encoding != 'utf-32':  # the codec writes a BOM only for the native-order name
        raw = (codecs.BOM_UTF32_LE if encoding.endswith('le') else codecs.BOM_UTF32_BE) + raw
    assert decode_text(raw) == TEXT.encode()


@pytest.mark.parametrize('encoding', ['utf-32-le', 'utf-32-be'])
@pytest.mark.parametrize('text', [TEXT, f'token = "{GH}"\n', f'# 🔑 😀 🎉\ntoken = "{GH}"\n'], ids=['cjk', 'ascii', 'emoji'])
def test_utf32_without_a_bom_is_transcoded(encoding: str, text: str) -> None:
    """Sixth hostile review (break 01): UTF-32 without a BOM was judged binary, and every rule missed its secrets."""
    assert decode_text(text.encode(encoding)) == text.encode()
    with io.BytesIO(text.encode(encoding) * 3) as f:
        blocks = decoded_blocks(f, 64)
        assert blocks is not None and b''.join(blocks) == text.encode() * 3


@pytest.mark.parametrize('data', [
    bytes(range(1, 9)) * 64,  # little-endian 32-bit integers of small values: control characters
    b'\x00\x00\x00\x00' * 64,
    'no NUL at all here'.encode('utf-16-le'),  # UTF-16: a NUL in every other byte, not three in four
    b'\x41\x00\x00\x00\x00\xd8\x00\x00' * 32,  # a surrogate: no UTF-32
])
def test_nul_patterns_that_are_no_utf32(data: bytes) -> None:
    assert files._text_encoding(data) not in ('utf-32-le', 'utf-32-be')


@pytest.mark.parametrize('encoding', ['utf-16-le', 'utf-16-be'])
def test_bomless_utf16_of_mostly_cjk_text_is_transcoded(encoding: str) -> None:
    text = '# ' + '日本語の説明文。' * 120 + f'\ntoken = "{GH}"\n'  # first KiB: CJK but for 2 characters
    assert decode_text(text.encode(encoding)) == text.encode()


@pytest.mark.parametrize(('encoding', 'bom'), [
    ('utf-16-le', codecs.BOM_UTF16_LE), ('utf-16-be', codecs.BOM_UTF16_BE), ('utf-16-le', b''), ('utf-16-be', b''),
    ('utf-32-le', codecs.BOM_UTF32_LE), ('utf-32-be', b''),
])
def test_ascii_appended_to_utf16_or_utf32_text_is_read_as_ascii(encoding: str, bom: bytes) -> None:
    """Twelfth hostile review, break 04: a line in ASCII after UTF-16 text (`echo K=v >> setup.log` after PowerShell
    5's `>`) was decoded with the rest, to CJK; its siblings in UTF-16BE, UTF-32, without a BOM. Its runs of ASCII
    text are put after the last line break of the decoded text, whole, also where blocks cut them."""
    line = f'GITHUB_TOKEN={GH}\r\n'.encode()
    raw = bom + ('Setup log\r\nInstalled tools\r\n' * 20).encode(encoding) + line
    assert f'\nGITHUB_TOKEN={GH}\n'.encode() in (decode_text(raw) or b'')
    for size in range(64, 160, 7):
        blocks = decoded_blocks(io.BytesIO(raw), size)
        assert blocks is not None and f'\nGITHUB_TOKEN={GH}\n'.encode() in b''.join(blocks), size


def _log(n: int, encoding: str = 'utf-8', bom: bytes = b'', then: bytes = b'') -> bytes:
    """A line of ``n`` bytes or so in ``encoding``, ending CRLF, then the line ``then`` (a line appended: ``echo K=v
    >>``, in ASCII; Windows PowerShell 5's ``>>``, in UTF-16LE), then a line in ``encoding`` again."""
    unit = len('x'.encode(encoding))
    return bom + ('#' * (n // unit - 2) + '\r\n').encode(encoding) + then + 'next\r\n'.encode(encoding)


LINE = f'GITHUB_TOKEN={GH}\r\n'
U16LE, U16BE = LINE.encode('utf-16-le'), LINE.encode('utf-16-be')
AROUND_AN_EDGE = {  # files with a line whose bytes cross the edge of 2048-byte blocks for some ``n``
    'utf16le-in-utf8': lambda n: _log(n, then=U16LE),
    'utf16be-in-utf8': lambda n: _log(n, then=U16BE),
    'utf16le-in-utf8-at-the-end': lambda n: _log(n, then=U16LE)[:-len('next\r\n')],  # a run that goes on to the end
    'utf16le-twice-in-utf8-with-a-bom': lambda n: _log(n, bom=codecs.BOM_UTF8, then=U16LE + b'x\r\n' + U16LE),
    'ascii-in-utf16le-bom': lambda n: _log(n, 'utf-16-le', codecs.BOM_UTF16_LE, LINE.encode()),
    'ascii-in-utf16be-bom': lambda n: _log(n, 'utf-16-be', codecs.BOM_UTF16_BE, LINE.encode()),
    'ascii-in-utf16le': lambda n: _log(n, 'utf-16-le', then=LINE.encode()),
    'ascii-in-utf16be': lambda n: _log(n, 'utf-16-be', then=LINE.encode()),
    'ascii-in-utf32le-bom': lambda n: _log(n, 'utf-32-le', codecs.BOM_UTF32_LE, LINE.encode()),
    'ascii-in-utf32be': lambda n: _log(n, 'utf-32-be', then=LINE.encode()),
    'utf16le-without-a-bom': lambda n: _log(n, 'utf-16-le', then=U16LE),
    'utf16be-without-a-bom': lambda n: _log(n, 'utf-16-be', then=U16BE),
    'crlf': lambda n: _log(n, then=LINE.encode() * 3),
}


@pytest.mark.parametrize('kind', AROUND_AN_EDGE)
def test_decoded_blocks_read_a_run_the_block_edge_cuts_as_decode_text_does(kind: str) -> None:
    """Thirteenth hostile review, break 04: a UTF-16 line (PowerShell 5's `>>`) in UTF-8 text was looked for in each
    block alone, and a block's end cut its token in two. Blocks read what the whole file reads, byte for byte (the
    runs too, after the file's last line break), wherever the edge falls: in either byte order, UTF-16 or UTF-32, with
    a BOM or without, a CRLF cut."""
    make = AROUND_AN_EDGE[kind]
    token = f'\nGITHUB_TOKEN={GH}\n'.encode()
    for n in range(2048 - 2 * len(U16LE) - 8, 2048 + 8):
        raw = make(n)
        whole = decode_text(raw)
        assert whole is not None and token in whole, n
        for size in range(2048, 2052):  # (the file's bytes move by a character of 2 or 4 bytes: every byte at an edge)
            blocks = decoded_blocks(io.BytesIO(raw), size)
            assert blocks is not None and b''.join(blocks) == whole, (n, size)


@pytest.mark.parametrize('head', [b'HOST=db.internal\r\n' * 10, b'HOST=db.internal\r\n' * 120,
                                  codecs.BOM_UTF8 + b'HOST=db.internal\r\n' * 60], ids=['short', '2k', 'utf8-bom'])
@pytest.mark.parametrize('encoding', ['utf-16-le', 'utf-16-be'])
def test_utf16_appended_to_ascii_text_is_read_as_ascii(head: bytes, encoding: str) -> None:
    """Break 04's sibling, the other way round: Windows PowerShell 5's `>>` appends UTF-16LE to a file whatever it
    holds; a token with a NUL between its characters was missed in a text file, and a 2 KB file whose UTF-16 tail
    made a tenth of its bytes NULs was judged binary and not scanned at all."""
    raw = head + f'GITHUB_TOKEN={GH}\r\n'.encode(encoding) * 3
    assert f'\nGITHUB_TOKEN={GH}\n'.encode() in (decode_text(raw) or b'')
    blocks = decoded_blocks(io.BytesIO(raw), 4096)
    assert blocks is not None and f'\nGITHUB_TOKEN={GH}\n'.encode() in b''.join(blocks)


def test_binary_data_with_utf16_strings_stays_binary() -> None:
    rng = fakes.random.Random('utf16-strings')
    data = b''.join(bytes(rng.randrange(256) for _ in range(200)) + 'FileDescription'.encode('utf-16-le')
                    for _ in range(40))
    assert decode_text(b'MZ' + data) is None
    assert decode_text(b'\0\0\0\0' * 50 + 'a few words here'.encode('utf-16-le') * 20 + b'\x01\x02' * 500) is None
    text = b'a stray NUL\0 in text\n' * 3
    assert decode_text(text) == text  # fewer than 8 NULs: no UTF-16 looked for


@pytest.mark.parametrize('encoding', ['utf-16-le', 'utf-16-be'])
def test_utf16_text_whose_bytes_look_ascii_is_read_as_it_is(encoding: str) -> None:
    """Kana (U+30xx: `0k0B` …) and Devanagari (U+09xx) put printable ASCII in every other byte: no ASCII run."""
    text = 'これはテストのためのファイルです。\r\n' * 50 + 'नमस्ते दुनिया यह परीक्षण है\r\n' * 50
    raw = codecs.BOM_UTF16_LE + text.encode(encoding) if encoding.endswith('le') else text.encode(encoding)
    assert decode_text(raw) == text.replace('\r\n', '\n').encode()


def test_random_bytes_with_nuls_on_one_side_stay_binary() -> None:
    rng = fakes.random.Random('files')
    data = bytes(b for _ in range(2048) for b in (rng.randrange(1, 256), 0 if rng.random() < 0.1 else rng.randrange(1, 256)))
    assert decode_text(data) is None


def test_crlf_reads_as_lf() -> None:
    assert decode_text(b'a = 1\r\nb = 2\r\n') == b'a = 1\nb = 2\n'
    assert decode_text(b'a = 1\rb = 2\r') == b'a = 1\nb = 2\n'  # classic Mac


def test_crlf_across_a_block_boundary_reads_as_lf() -> None:
    raw = b'x' * 7 + b'\r\n' + b'y' * 7 + b'\r\n'
    for size in range(4, 20):
        blocks = decoded_blocks(io.BytesIO(raw), size)
        assert blocks is not None
        assert b''.join(blocks) == raw.replace(b'\r\n', b'\n'), size


@pytest.mark.parametrize(('path', 'text'), [
    ('src/app.py', 'src/app.py'),
    ('ünïcödé/naïve.py', 'ünïcödé/naïve.py'),  # UTF-8 names are shown as they are
    (os.fsdecode(b'caf\xe9.py'), 'caf\\xe9.py'),  # a byte that is not UTF-8: \xNN
    (os.fsdecode(b'\xff\xfe/x'), '\\xff\\xfe/x'),
    ('caf\\xe9.py', 'caf\\\\xe9.py'),  # the same spelling as a real name: its backslash doubled
    ('a\\b', 'a\\\\b'),
    ('x\ud800y', 'x\\ud800y'),  # a lone surrogate no file system gives: still valid text
])
def test_path_text_is_valid_unicode_and_reversible(path: str, text: str) -> None:
    assert path_text(path) == text
    text.encode('utf-8')  # strict
    assert path_from_text(text) == path


def test_a_name_with_a_nul_byte_is_unreadable_not_a_crash() -> None:
    """No file has such a name; os.open raises ValueError, which no caller expects."""
    from leakstop.files import Unreadable, read_bytes, read_own_file
    with pytest.raises(Unreadable, match='a NUL byte in the name'):
        read_bytes('a.py\0x')
    with pytest.raises(OSError, match='a NUL byte in the name'):
        read_own_file('a.py\0x')


# --- each piece at its bounds -----------------------------------------------------------------

from leakstop import files  # noqa: E402


SIGNATURES = [  # written out here, not read from files.py: a typo there must fail
    b'\x89PNG', b'GIF87a', b'GIF89a', b'\xff\xd8\xff', b'%PDF-', b'PK\x03\x04', b'PK\x05\x06', b'\x1f\x8b',
    b'\xfd7zXZ\x00', b"7z\xbc\xaf'\x1c", b'(\xb5/\xfd', b'\x7fELF', b'\xca\xfe\xba\xbe', b'\xfe\xed\xfa\xce',
    b'\xfe\xed\xfa\xcf', b'\xce\xfa\xed\xfe', b'\xcf\xfa\xed\xfe', b'\x00asm', b'SQLite format 3\x00',
    b'\xfe\xed\xfe\xed', b'\xce\xce\xce\xce',
]


@pytest.mark.parametrize('signature', SIGNATURES)
def test_each_binary_signature_decides(signature: bytes) -> None:
    assert files.is_binary(signature + b' then plain text' * 100)
    assert decode_text(signature + b' then plain text' * 100) is None


@pytest.mark.parametrize(('data', 'binary'), [
    (b'', False), (b'plain text\n', False),
    (b'\x00' + b'a' * 100, True),  # a first byte no text starts with
    (b'a' * 95 + b'\x00' * 5, False), (b'a' * 94 + b'\x00' * 6, True),  # 1 in 20 odd bytes is still text
    (b'a' * 8192 + b'\x00' * 8192, False),  # only the first 8 KiB are judged
    (b'a' * 7790 + b'\x00' * 402, False), (b'a' * 7781 + b'\x00' * 411, True),  # 8192 / 20 = 409.6
    (b'\x07\x08\t\n\x0b\x0c\r\x1b text', False), (b'a\x7f' * 10, True), (b'a\x80' * 10, False),
    (b'GIF89a text', True), (b'%PDF-1.4\n', True), (b'\x7fELF', True), (b'SQLite format 3\x00', True),
])
def test_is_binary_bounds(data: bytes, binary: bool) -> None:
    assert files.is_binary(data) is binary


@pytest.mark.parametrize(('data', 'encoding'), [
    ('plain ascii text here'.encode('utf-16-le'), 'utf-16-le'),
    ('plain ascii text here'.encode('utf-16-be'), 'utf-16-be'),
    (b'a\x00', None), (b'a\x00b', None),  # fewer than 4 bytes in whole pairs
    (bytes(64), None),  # NULs on both sides: no text
    ('日本語'.encode('utf-16-le') * 4 + 'ab'.encode('utf-16-le'), 'utf-16-le'),  # few NULs, all on one side
    ('日本語'.encode('utf-16-be') * 4 + 'ab'.encode('utf-16-be'), 'utf-16-be'),
    ('日本語'.encode('utf-16-le') * 4 + 'a'.encode('utf-16-le'), 'utf-16-le'),  # one NUL: decoded whole, CJK text
    (b'\x01\x00' * 32, 'utf-16-le'),  # a NUL in nearly every pair: UTF-16, no more questions asked
    (b'\x00\x01' * 32, 'utf-16-be'),
    (('abcd一' + '日本語の説明文' * 2).encode('utf-16-le'), 'utf-16-le'),  # 4 NULs on one side, 1 on the other: at most 1 in 4
    # 3 NULs and 1 (U+4E00 has a zero byte): decoded whole, it is CJK text (hostile review: it was missed)
    (('abc一' + '日本語の説明文' * 2).encode('utf-16-le'), 'utf-16-le'), (('# 一' + '日本語' * 8).encode('utf-16-be'), 'utf-16-be'),
    ('x = "café"\n'.encode('latin-1') + b'print("hi")\n' * 8, None),  # Latin-1: no UTF-8, but pairs of ASCII
    (b'\xe5e,g\x9e\x8a' * 4 + b'a\x00\x00\xd8', None),  # a lone surrogate: no UTF-16 either way
])
def test_looks_utf16(data: bytes, encoding: str | None) -> None:
    assert files._looks_utf16(data) == encoding


def test_looks_utf16_judges_the_first_kib_in_whole_pairs() -> None:
    text = 'text '.encode('utf-16-le') * 200  # 2,000 bytes
    assert files._looks_utf16(text) == 'utf-16-le'
    assert files._looks_utf16(b'x' + text) == 'utf-16-be'  # shifted by one: the NULs are on the even side
    assert files._looks_utf16(text[:1023]) == 'utf-16-le'  # an odd length: the last byte left out


@pytest.mark.parametrize(('text', 'reads'), [
    ('hello', True), ('a\ufffd', False), ('\t\n\r' * 10, True),
    ('x' * 19 + '\x01', True), ('x' * 18 + '\x01\x01', False),  # at most 1 in 20 control characters
])
def test_reads_as_text(text: str, reads: bool) -> None:
    assert files._reads_as_text(text) is reads


@pytest.mark.parametrize(('data', 'scanned'), [
    (codecs.BOM_UTF8 + b'a\r\nb', b'a\nb'), (codecs.BOM_UTF8 + b'a\rb', b'a\nb'),
    (codecs.BOM_UTF8 + b'\x00\x01\x02', b'\x00\x01\x02'),  # a UTF-8 BOM says text
    (b'a\rb\r\nc', b'a\rb\nc'),  # CR with CRLF: only CRLF becomes LF
    (b'a\r', b'a\n'), (b'a\nb', b'a\nb'),
    (codecs.BOM_UTF16_LE + 'a\r\nb'.encode('utf-16-le'), b'a\nb'),
    (codecs.BOM_UTF16_BE + 'a\rb'.encode('utf-16-be'), b'a\nb'),
    (codecs.BOM_UTF32_LE + 'a'.encode('utf-32-le'), b'a'),  # not read as UTF-16 (its BOM starts the same)
    ('key: value'.encode('utf-16-le'), b'key: value'),
    (b'\x00\x01\x02\x03' * 10, None),
])
def test_decode_text_table(data: bytes, scanned: bytes | None) -> None:
    assert decode_text(data) == scanned


def test_a_nul_after_the_first_kib_is_no_sign_of_utf16() -> None:
    data = b'a' * 1024 + 'b'.encode('utf-16-le') + b'c' * 100
    assert files._text_encoding(data) is None
    assert files._text_encoding(b'a' * 1022 + 'b'.encode('utf-16-le') * 10) is None  # a NUL in the KiB, no UTF-16


@pytest.mark.parametrize('size', [1, 2, 3, 5, 8, 64])
def test_decoded_blocks_read_as_decode_text_does(size: int) -> None:
    for raw in (b'a\rb\rc\r', b'a\r\nb\r\n\r\n', b'x' * 10 + b'\r', codecs.BOM_UTF8 + b'abc\r\ndef',
                codecs.BOM_UTF16_LE + 'a\r\nb\rc'.encode('utf-16-le'), TEXT.encode('utf-16-be'), b'no newline'):
        first = size if raw.isascii() else max(size, 4)  # (the first block holds a BOM or a UTF-16 pair or two)
        blocks = decoded_blocks(io.BytesIO(raw), first)
        assert blocks is not None
        got = list(blocks)
        assert b''.join(got) == decode_text(raw), (size, raw)
    assert decoded_blocks(io.BytesIO(b'\x00\x01\x02\x03' * 10), size) is None


def test_decoded_blocks_of_an_empty_file() -> None:
    blocks = decoded_blocks(io.BytesIO(b''), 8)
    assert blocks is not None and list(blocks) == []


def test_inside(tmp_path: object) -> None:
    root = os.path.join(str(tmp_path), 'repo')
    os.makedirs(os.path.join(root, 'sub'))
    os.symlink('/etc', os.path.join(root, 'out'))
    assert files.inside(root, root) and files.inside(os.path.join(root, 'sub', 'x'), root)
    assert files.inside(os.path.join(root, 'sub', '..', 'x'), root + '/')
    assert not files.inside(os.path.join(root, '..', 'x'), root)
    assert not files.inside(root + '-other/x', root)  # a sibling whose name starts the same
    assert not files.inside(os.path.join(root, 'out', 'passwd'), root)
    assert not files.inside(os.path.join(root, 'a\0b'), root) and not files.inside(root, root + '\0')


def test_read_own_file_limit_and_what_it_refuses(tmp_path: object) -> None:
    path = os.path.join(str(tmp_path), 'own.json')
    with open(path, 'wb') as f:
        f.write(b'x' * 10)
    assert files.read_own_file(path, limit=10) == b'x' * 10
    with pytest.raises(OSError) as e:
        files.read_own_file(path, limit=9)
    assert e.value.strerror == 'larger than 0 MiB'
    with pytest.raises(OSError) as e:
        files.read_own_file(str(tmp_path))
    assert e.value.strerror.lower() == 'is a directory'  # (os.fdopen refuses a directory first on Linux)
    with pytest.raises(FileNotFoundError):
        files.read_own_file(path + '.missing')
    assert files.OWN_FILE_LIMIT == 64 * 1024 * 1024
    with open(path, 'wb') as f:
        f.write(b'y' * (2 * 1024 * 1024 + 1))
    with pytest.raises(OSError) as e:
        files.read_own_file(path, limit=2 * 1024 * 1024)
    assert e.value.strerror == 'larger than 2 MiB'


def test_open_file_says_why_it_cannot(tmp_path: object) -> None:
    d = str(tmp_path)
    with pytest.raises(files.Unreadable, match='^no such file$'):
        files.open_file(os.path.join(d, 'missing'))
    with pytest.raises(files.Unreadable, match='^is a directory$'):
        files.open_file(d)
    os.mkfifo(os.path.join(d, 'fifo'))
    with pytest.raises(files.Unreadable, match='^not a regular file$'):
        files.open_file(os.path.join(d, 'fifo'))
    os.symlink('target/of the link', os.path.join(d, 'link'))
    f, size = files.open_file(os.path.join(d, 'link'))
    with f:
        assert f.read() == b'target/of the link' and size == 18
    with open(os.path.join(d, 'file'), 'wb') as out:
        out.write(b'content')
    with files.open_regular(os.path.join(d, 'file')) as (f, size):
        assert f.read() == b'content' and size == 7
    assert f.closed
    assert files.read_bytes(os.path.join(d, 'file')) == b'content'
    with pytest.raises(files.Unreadable, match='^no such file$'):
        files.read_bytes(os.path.join(d, 'missing'))


@pytest.mark.parametrize(('pattern', 'matches', 'misses'), [
    ('*.pem', ['a.pem', 'd/a.pem', 'd/e/.pem'], ['a.pem.txt', 'a.PEM', 'apem']),
    ('id_rsa', ['id_rsa', 'd/id_rsa', 'id_rsa/x'], ['id_rsa2', 'xid_rsa']),
    ('/id_rsa', ['id_rsa', 'id_rsa/x'], ['d/id_rsa']),
    ('d/*.key', ['d/a.key'], ['e/d/a.key', 'd/e/a.key']),
    ('build/', ['build/x', 'd/build/x/y'], ['build', 'builder/x']),
    ('**/.aws/credentials', ['.aws/credentials', 'a/b/.aws/credentials'], ['.aws/credentials2']),
    ('a/**/b', ['a/b', 'a/x/b', 'a/x/y/b'], ['a/xb', 'b']),
    ('a/**', ['a/x', 'a/x/y'], ['b/a/x']),
    ('?.txt', ['a.txt', 'd/b.txt'], ['ab.txt', '/.txt']),
    ('a?.txt', ['ab.txt', 'd/ac.txt'], ['a.txt', 'a/.txt', 'abc.txt']),
    ('[ab].txt', ['a.txt', 'b.txt'], ['c.txt']),
    ('[!ab].txt', ['c.txt'], ['a.txt']),
    ('[a\\].txt', ['a.txt', '\\.txt'], ['b.txt']),
    ('[ab', ['[ab', 'd/[ab'], ['a']),  # an unclosed bracket is itself
    ('[[:digit:]].txt', ['1.txt', 'd/7.txt'], ['a.txt', '[.txt', ':.txt']),  # a class, as git reads it (thirteenth
    ('ghp[[:punct:]]x', ['ghp_x', 'ghp-x'], ['ghpax', 'ghp/x']), ('[![:alpha:]]', ['1', '_'], ['a', 'Z']),  # review, 01)
    ('[[:nosuch:]]', [], ['a', 'n']), ('[]a]', [']', 'a'], ['b']),
    ('x[ab', ['x[ab', 'd/x[ab'], ['xa']),
    ('a+b(c).txt', ['a+b(c).txt'], ['aab(c).txt']),
])
def test_glob_to_regex(pattern: str, matches: list[str], misses: list[str]) -> None:
    import re
    regex = re.compile(files.glob_to_regex(pattern) + r'\Z')
    assert [p for p in matches if not regex.match(p)] == []
    assert [p for p in misses if regex.match(p)] == []


def test_name_parts_are_the_words_underscores_join_each_placed_in_the_path() -> None:
    """(Eighth hostile review, break 09) a name's parts between underscores, one to a line, mapped back."""
    assert files.name_parts(b'src/module.py') is None
    path = b'cache/backup_tok_ABC_old.txt'
    parts = files.name_parts(path)
    assert parts is not None and parts.text.split(b'\n')[:-1] == [
        b'backup', b'backup_tok', b'backup_tok_ABC', b'tok', b'tok_ABC', b'tok_ABC_old.txt', b'ABC', b'ABC_old.txt',
        b'old.txt']
    start = parts.text.index(b'tok_ABC\n')
    assert path[slice(*parts.original(start, start + 7))] == b'tok_ABC'
    many = files.name_parts(b'_'.join([b'a'] * 100))
    assert many is not None and len(many.text.split(b'\n')) <= 101 * (files.NAME_PART_JOINS + 1) + 1


def test_name_parts_of_a_long_name_are_linear_in_it() -> None:
    """Thirty-sixth hostile review, break 05: a part ran from each ``_`` to the name's end, so the parts of a name of N
    underscores held N^2/2 bytes (a commit subject is one name: 1,000 tokens, each found and confirmed again in every
    part before it, took 16-22 s). A part spans at most ``NAME_PART_JOINS`` underscores, to the name's end too; the
    parts of a name of fewer underscores are as before (every one to its end)."""
    joins = files.NAME_PART_JOINS
    for words in (100, 400, 1600):
        name = b'_'.join(b'w%05d' % n for n in range(words))
        parts = files.name_parts(b'dir/' + name)
        assert parts is not None and len(parts.text) <= (joins + 1) * joins * (len(name) + words)
        assert all(line.count(b'_') < joins for line in parts.text.split(b'\n'))
    short = b'_'.join([b'part'] * joins)  # (joins - 1 underscores: every part to the name's end is there)
    parts = files.name_parts(short)
    assert parts is not None and b'part_' * (joins - 2) + b'part\n' in parts.text
    long = b'backup_' + b'_'.join([b'x'] * (joins + 2)) + b'_tok.txt'
    parts = files.name_parts(long)
    assert parts is not None and b'\ntok.txt\n' in parts.text and b'\nx_tok.txt\n' in parts.text


def test_names_end_at_blanks() -> None:
    """A commit subject's words are names of their own: a part spanned the blanks between tokens, so each token of a
    490 KB subject of 12,000 was found again in some 28 parts (9 s; the thirty-sixth hostile review's 05, its sibling).
    The parts of blank-separated tokens hold about the text once; a token after a name's ``_`` is a part still."""
    subject = b'rotate ' + b' '.join(b'ghp_%036d' % n for n in range(2000))
    parts = files.name_parts(subject)
    assert parts is not None and len(parts.text) <= 2 * len(subject)
    parts = files.name_parts(b'my backup_ghp_%036d.txt' % 7)
    assert parts is not None and b'\nghp_%036d.txt\n' % 7 in parts.text


@pytest.mark.parametrize('pattern', ['a' + '*' * 24 + 'x', '*' * 24 + 'x', '/' + '*' * 5 + '/x', 'a***/b'])
def test_a_run_of_stars_is_one_wildcard(pattern: str) -> None:
    """Eighth hostile review, break 08: the cost check counts a run of stars as one wildcard, but a run of 24
    became 12 ``.*`` in a row, backtracking exponentially (a hook hung past 20 s on a 90-character path). A
    run of two or more stars now matches as ``**`` does, with one ``.*``."""
    import re
    import time
    regex = files.glob_to_regex(pattern)
    assert regex.count('.*') <= files.glob_to_regex(pattern.replace('*' * pattern.count('*'), '**')).count('.*')
    assert '.*.*' not in regex and '.*[^/]*' not in regex
    path = 'deep/' + 'a' * 33 + '/settings_production_' + 'a' * 15 + '.py'
    began = time.perf_counter()
    assert files.compile_globs([pattern]).match(path) is None  # type: ignore[union-attr]
    assert time.perf_counter() - began < 1
    doubled = re.compile(files.glob_to_regex(pattern.replace('*' * pattern.count('*'), '**')) + r'\Z')
    for p in ['ax', 'a/b/x', 'x', 'b/x', 'a/b', 'ab/b', 'a/x/b']:
        assert bool(re.match(regex + r'\Z', p)) == bool(doubled.match(p)), p


def test_glob_to_regex_for_names_only() -> None:
    import re
    regex = re.compile(files.glob_to_regex('kubeconfig*', below=False) + r'\Z')
    assert regex.match('kubeconfig') and regex.match('d/kubeconfig.yaml')
    assert not regex.match('pkg/kubeconfig/loader.go')
    assert files.compile_globs([]) is None
    both = files.compile_globs(['*.pem', 'secrets/'], below=False)
    assert both is not None and both.match('a.pem') and both.match('secrets/x') and not both.match('a.pem/x')


NAME_GLOBS = ['id_rsa', '*.pem', '*.P12', '.env.*', '**/.aws/credentials', '.docker/config.json', 'config/*.key',
              '*_rsa', '?ubeconfig', '[Kk]ubeconfig*', 'secrets/**/token', '**/x/**', 'credentials.json', '**/*.d/token']
NAME_PATHS = ['id_rsa', 'a/id_rsa', 'a/ID_RSA', 'id_rsa.pub', 'x.pem', 'a/b/X.PEM', 'p.p12', '.env.local', '.env',
              'a/.aws/credentials', '.aws/credentials', 'aws/credentials', 'a/.docker/config.json', '.docker/config.json',
              'config/a.key', 'a/config/a.key', 'my_rsa', 'kubeconfig', 'a/Kubeconfig.yaml', 'pkg/kubeconfig/loader.go',
              'secrets/a/b/token', 'secrets/token', 'a/secrets/x/token', 'a/x/b', 'x/b', 'credentials.json',
              'a/credentials.json', 'credentials.json.bak', 'ubeconfig', 'a/bkubeconfig', 'a/x.d/token', 'x.d/token',
              'a/xd/token', 'a/.D/TOKEN', 'a/id_rsa~', '#.env#', 'a/x copy.pem', 'credentials (1).json', 'id_rsa.pub~']


def test_name_filter_agrees_with_the_globs_matched_on_the_whole_path() -> None:
    """The fast filter (suffixes, groups by first character, the last two segments) says what the
    globs' regex over the whole path says, caseless, of the path or of the file it is a copy of by name."""
    import re

    def either(regex: re.Pattern[str], path: str) -> bool:
        copy = files.copied_from(path)
        return bool(regex.match(path) or copy is not None and regex.match(copy))

    for k in range(len(NAME_GLOBS)):
        globs = NAME_GLOBS[k:] + NAME_GLOBS[:k // 2]
        whole = re.compile(files.glob_to_regex(globs[0], below=False) + r'\Z', re.I)
        slow = re.compile('(?:' + '|'.join(files.glob_to_regex(g, below=False) for g in globs) + r')\Z', re.I)
        fast = files.NameFilter(globs)
        assert [p for p in NAME_PATHS if fast(p) != either(slow, p)] == [], globs
        assert [p for p in NAME_PATHS if files.NameFilter(globs[:1])(p) != either(whole, p)] == [], globs[0]
    assert files.NameFilter([])('a/id_rsa') is False
    # a glob with no name in it ('' or '/') matches nothing, and raises nothing (sixth hostile review, break 06)
    assert [files.NameFilter(['', '/', 'id_rsa'])(p) for p in ('a/id_rsa', 'a/b', 'x')] == [True, False, False]


def test_walk_order_key() -> None:
    names = ['b/c/x', 'b/a', 'a', 'b/c/', 'z', 'a/b']
    assert sorted(names, key=files._walk_order) == ['a', 'z', 'a/b', 'b/a', 'b/c/', 'b/c/x']
    assert sorted(['a/b-c/y', 'a/b/c/x'], key=files._walk_order) == ['a/b/c/x', 'a/b-c/y']  # as walk: b, then b-c


def test_walk_asks_skip_of_each_file_and_directory(tmp_path: object) -> None:
    root = str(tmp_path)
    for name in ('a.py', 'a.log', 'logs/x.py', 'src/b.py'):
        _put(os.path.join(root, 'w', name))
    asked: list[str] = []

    def skip(path: str) -> bool:
        asked.append(path[len(files.normalize(root)) + 1:])
        return path.endswith('.log') or path.endswith('/logs/')
    j = os.path.join
    assert list(files.walk([j(root, 'w')], skip=skip)) == [j(root, 'w', 'a.py'), j(root, 'w', 'src', 'b.py')]
    assert sorted(asked) == ['w/a.log', 'w/a.py', 'w/logs/', 'w/src/', 'w/src/b.py']


def test_normalize() -> None:
    assert files.normalize('././a/b') == 'a/b'
    assert files.normalize('a/./b') == 'a/./b'
    assert files.normalize('.a') == '.a'


def _put(path: str, text: str = 'x\n') -> None:
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, 'w') as f:
        f.write(text)


@pytest.fixture
def tree(tmp_path: object, monkeypatch: pytest.MonkeyPatch) -> str:
    """A repository: tracked, untracked, ignored and deleted files; a nested repository (own ignore rules)
    and one whose index is broken (git refuses it: walked whole)."""
    from e2e import git, init_repo
    monkeypatch.chdir(str(tmp_path))
    init_repo('repo')
    for name in ('.gitignore', 'a.py', 'gone.py', 'sub/b.py', 'ignored/kept.py'):
        _put(os.path.join('repo', name), 'ignored/\n' if name == '.gitignore' else 'x\n')
    git('add', '-f', '.', cwd='repo')
    git('commit', '-qm', 'files', cwd='repo')
    os.remove('repo/gone.py')  # tracked, deleted from the working tree
    _put('repo/new.py')  # untracked
    _put('repo/ignored/other.py')  # ignored, untracked
    init_repo('repo/inner')
    _put('repo/inner/.gitignore', 'ign.py\n')
    _put('repo/inner/f.py')
    _put('repo/inner/ign.py')
    init_repo('repo/broken')
    _put('repo/broken/ign.py')
    _put('repo/broken/.gitignore', 'ign.py\n')
    with open('repo/broken/.git/index', 'w') as f:
        f.write('garbage')
    return 'repo'


def test_git_files_is_what_git_would_track(tree: str) -> None:
    assert files.git_files(tree) == ['.gitignore', 'a.py', 'broken/', 'inner/', 'new.py', 'ignored/kept.py', 'sub/b.py']
    assert files.git_files(os.path.join(tree, 'inner')) == ['.gitignore', 'f.py']
    assert files.git_files(os.path.join(tree, 'broken')) is None  # git refuses
    assert files.git_files(os.path.join(tree, 'missing')) is None


def test_a_directory_git_tracks_nothing_in_is_walked_only_if_git_ignores_it(tree: str) -> None:
    """Named on purpose, a directory git ignores itself is walked whole; one that git does not ignore, but
    whose files it does (``out/[!.]*``: everything but dotfiles), gives nothing."""
    with open(os.path.join(tree, '.gitignore'), 'a') as f:
        f.write('out/[!.]*\nnode_modules/\n')
    _put(os.path.join(tree, 'out', 'a.txt'))
    assert list(files.tree_files([os.path.join(tree, 'out')])) == []
    _put(os.path.join(tree, 'node_modules', 'p.js'))
    assert list(files.tree_files([os.path.join(tree, 'node_modules')])) == [os.path.join(tree, 'node_modules', 'p.js')]
    assert list(files.tree_files([os.path.join(tree, 'ignored')])) == [os.path.join(tree, 'ignored', 'kept.py')]


def test_git_files_leaves_out_what_a_sparse_checkout_leaves_out(tree: str) -> None:
    from e2e import git
    git('update-index', '--skip-worktree', 'sub/b.py', 'a.py', cwd=tree)
    os.remove(os.path.join(tree, 'sub', 'b.py'))  # outside the sparse checkout
    listed = files.git_files(tree)
    assert listed is not None and 'sub/b.py' not in listed and 'a.py' in listed  # a.py is still there: read


def test_tree_files_nested_repositories_by_their_own_rules_and_a_broken_one_walked(tree: str) -> None:
    j = os.path.join
    assert list(files.tree_files([tree])) == [
        j(tree, '.gitignore'), j(tree, 'a.py'), j(tree, 'new.py'), j(tree, 'ignored/kept.py'), j(tree, 'sub/b.py'),
        j(tree, 'broken/.gitignore'), j(tree, 'broken/ign.py'),  # walked whole: git refused it
        j(tree, 'inner/.gitignore'), j(tree, 'inner/f.py'),
    ]
    skipped = list(files.tree_files([tree], skip=lambda p: p in ('repo/broken/', 'repo/a.py')))
    assert j(tree, 'a.py') not in skipped and not any('broken' in p for p in skipped)
    assert j(tree, 'inner/f.py') in skipped
    assert list(files.tree_files([j(tree, 'a.py')])) == [j(tree, 'a.py')]  # a file named is read as it is


def _copy_table() -> dict[str, list[object]]:
    from leakstop.cache import load_toml
    return load_toml(files.COPY_NAMES)


def test_copy_names_table_examples() -> None:
    """data/copy_names.toml: each example copy stands for its original, each negative example for none
    (tenth hostile review, break 09: `.env~`, `#.env#`, `.env copy`, `.env (copy)` passed every hook)."""
    table = _copy_table()
    assert [(c, files.copied_from(c)) for c, o in table['examples'] if files.copied_from(c) != o] == []
    assert [(n, files.copied_from(n)) for n in table['negative_examples'] if files.copied_from(n) is not None] == []
    assert files.copied_from('deploy/keys/id_rsa copy') == 'deploy/keys/id_rsa'
    assert files.copied_from('Deploy/.ENV~') == 'Deploy/.ENV'  # caseless markers; the name kept as it is


def test_copy_names_marker_without_space_is_refused() -> None:
    """Names without a space are looked at only when they end as a backup does: an inserted marker must hold one."""
    table = _copy_table()
    with pytest.raises(ValueError, match='starts with a space'):
        files.CopyNames({**table, 'inserted': ['-copy']})


@pytest.mark.parametrize(('glob', 'names'), [
    (b'plain.txt', []),  # no glob syntax: its own only name, no view
    (b'ghp\\_x', [b'ghp_x']),  # git's escape
    (b'ghp\\\\_x', [b'ghp_x']),  # a run of backslashes (an error's repr of the escape)
    (b'ghp[_]x', [b'ghp_x']), (b'[!x]y', [b'_y']),  # a byte the bracket takes, `_-.x0` first
    (b'[a-z]b', [b'xb']), (b'[0-9]', [b'0']), (b'[!_x.0-]', [b'x']),
    (b'ghp?x', [b'ghp_x', b'ghp-x', b'ghpxx']),  # `?`: one view per stand-in
    (b'ab*cd**ef', [b'abcdef']),  # a token split by `*` is whole again
    (b'[ab', [b'[ab']), (b'x\\', [b'x']),  # an unclosed bracket is itself; a trailing backslash escapes nothing
    # a class, as git's wildmatch reads it: `]` closes the class, then the expression (thirteenth hostile review, 01)
    (b'ghp[[:punct:]]x', [b'ghp_x']), (b'[[:alpha:]_]', [b'_']), (b'[[:digit:]]', [b'0']), (b'[]_]', [b'_']),
    (b'[[:a]b:]]', [b'[b:]]']),  # `[:` without `:]` before the next `]` is a `[` member; `]` then closes
])
def test_glob_views_read_a_glob_as_the_names_it_matches(glob: bytes, names: list[bytes]) -> None:
    """Twelfth hostile review, break 10: what is shown of a pattern is searched as the names it matches."""
    views = files.glob_views(glob)
    assert [view for view, _, _ in views] == names
    for view, starts, ends in views:  # each byte of a view stands for a piece of the glob that reads as it
        assert len(starts) == len(ends) == len(view)
        assert all(glob[s:e].endswith(view[k:k + 1]) or glob[s:s + 1] in b'[?' for k, (s, e) in enumerate(zip(starts, ends)))


@pytest.mark.parametrize(('glob', 'words'), [
    (b'ghp_' + b'a1B2' * 8 + b'*', [b'ghp_' + b'a1B2' * 8]), (b'*' + b'a1B2' * 5, [b'a1B2' * 5]),
    (b'x?' + b'a1B2' * 5, [b'a1B2' * 5]), (b'a1B2' * 5 + b'/*', []), (b'a1B2' * 5, []), (b'short*', []),
])
def test_glob_open_words(glob: bytes, words: list[bytes]) -> None:
    assert [glob[s:e] for s, e in files.glob_open_words(glob)] == words


@pytest.mark.parametrize('glob', [b'[' * 100_000, b'\\' * 100_000 + b'x', b'[]' * 50_000, b'a' * 100_000 + b'*',
                                  b'[' + b'[:' * 50_000 + b']', b'[[:' * 50_000, b'[a' * 50_000])
def test_glob_views_are_linear(glob: bytes) -> None:
    import time
    start = time.perf_counter()
    files.glob_views(glob)
    files.glob_open_words(glob)
    assert time.perf_counter() - start < 2

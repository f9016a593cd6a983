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


@pytest.mark.parametrize('encoding', ['utf-16-le', 'utf-16-be'])
def test_bomless_utf16_of_mostly_cjk_text_is_transcoded(encoding: str) -> None:
    text = '# ' + '日本語の説明文。' * 120 + f'\ntoken = "{GH}"\n'  # first KiB: CJK but for 2 characters
    assert decode_text(text.encode(encoding)) == text.encode()


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

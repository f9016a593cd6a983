"""Metamorphic tests: a secret that is found stays found — same rule, same line (and column) — when
the file around it changes form: line endings, encodings, its place in the file, the chunked reader.

Lines are counted at LF, as git does; a file with CR but no LF (classic Mac) is read with CR as
its line break, so its lines are the ones an editor shows.
"""
from __future__ import annotations

import codecs
import json
import os
from typing import Callable

import pytest

import fakes
from leakstop.config import Config
from leakstop.engine import CONTEXT, RuleSet
from leakstop.hooks import scan_secrets
from leakstop.scan import scan_path

PASSWORD = 'Xk9#mQ2vLp7wRt4z'
FAMILIES = {
    'aws': f'import os\n\nAWS_ACCESS_KEY_ID = "{fakes.aws_key_id(seed="meta")}"\nregion = "eu-west-1"\n',
    'github': f'# ci\nexport GH_TOKEN={fakes.github("ghp", seed="meta")}\n',
    'pem': '# deploy key\n' + fakes.pem_private_key(seed='meta'),
    'slack': f'notify:\n  token: {fakes.slack(seed="meta")}\n',
    'password': f'def connect():\n    password = "{PASSWORD}"\n    return db(password)\n',
}
Found = list[tuple[str, int, int, str]]


def found(path: str, ruleset: RuleSet, config: Config, **kwargs: int) -> Found:
    result = scan_path(path, ruleset=ruleset, config=config, **kwargs)
    assert result.error is None and result.skipped is None, result
    # the secret itself may differ only in its line breaks (a PEM body read from a CRLF file)
    return [(f.rule_id, f.line, f.column, f.secret.replace('\r\n', '\n')) for f in result.findings]


@pytest.fixture
def write(tmp_path: object) -> Callable[[bytes, str], str]:
    def write(data: bytes, name: str = 'f.py') -> str:
        path = os.path.join(str(tmp_path), name)
        with open(path, 'wb') as f:
            f.write(data)
        return path
    return write


@pytest.fixture(scope='module')
def baseline_findings(ruleset: RuleSet, default_config: Config, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Found]:
    out = {}
    for family, text in FAMILIES.items():
        path = tmp_path_factory.mktemp('base') / 'f.py'
        path.write_bytes(text.encode())
        out[family] = found(str(path), ruleset, default_config)
        assert len(out[family]) == 1, (family, out[family])
    return out


TRANSFORMS: dict[str, Callable[[str], bytes]] = {
    'crlf': lambda t: t.replace('\n', '\r\n').encode(),
    'cr': lambda t: t.replace('\n', '\r').encode(),
    'utf-8-bom': lambda t: codecs.BOM_UTF8 + t.encode(),
    'utf-8-bom-crlf': lambda t: codecs.BOM_UTF8 + t.replace('\n', '\r\n').encode(),
    'utf-16-le': lambda t: t.encode('utf-16-le'),
    'utf-16-be': lambda t: t.encode('utf-16-be'),
    'utf-16-le-bom': lambda t: codecs.BOM_UTF16_LE + t.encode('utf-16-le'),
    'utf-16-be-bom': lambda t: codecs.BOM_UTF16_BE + t.encode('utf-16-be'),
    'utf-16-crlf': lambda t: t.replace('\n', '\r\n').encode('utf-16'),
    'no-final-newline': lambda t: t.rstrip('\n').encode(),
    'secret-last-in-file': lambda t: t[:t.index('\n', t.index(_secret_line(t))) if t.endswith('\n') else len(t)].encode(),
}


def _secret_line(text: str) -> str:
    """The line holding the secret (for PEM: the END line, so the block is the end of the file)."""
    for marker in ('-----END', 'AKIA', 'ghp_', 'xoxb-', 'password = '):
        if marker in text:
            return marker
    raise AssertionError(text)


@pytest.mark.parametrize('transform', sorted(TRANSFORMS))
@pytest.mark.parametrize('family', sorted(FAMILIES))
def test_found_whatever_the_form(
        family: str, transform: str, write: Callable[[bytes, str], str],
        ruleset: RuleSet, default_config: Config, baseline_findings: dict[str, Found],
) -> None:
    path = write(TRANSFORMS[transform](FAMILIES[family]), 'f.py')
    assert found(path, ruleset, default_config) == baseline_findings[family]


@pytest.mark.parametrize('family', sorted(FAMILIES))
def test_fingerprint_is_the_same_for_crlf_and_lf(
        family: str, write: Callable[[bytes, str], str], ruleset: RuleSet, default_config: Config,
) -> None:
    """A baseline made on Windows (autocrlf: CRLF in the working tree) matches on Linux CI."""
    lf = scan_path(write(FAMILIES[family].encode(), 'lf.py'), ruleset=ruleset, config=default_config)
    crlf = scan_path(write(FAMILIES[family].replace('\n', '\r\n').encode(), 'crlf.py'), ruleset=ruleset, config=default_config)
    assert [f.fingerprint for f in lf.findings] == [f.fingerprint for f in crlf.findings]


def test_secret_on_the_first_line_after_a_bom_keeps_its_column(
        write: Callable[[bytes, str], str], ruleset: RuleSet, default_config: Config,
) -> None:
    line = f'{fakes.aws_key_id(seed="bom")} = key\n'
    plain = found(write(line.encode(), 'a.txt'), ruleset, default_config)
    assert plain and plain[0][1:3] == (1, 1)
    assert found(write(codecs.BOM_UTF8 + line.encode(), 'b.txt'), ruleset, default_config) == plain
    assert found(write(codecs.BOM_UTF8 + line.encode() + b'x' * 5000, 'c.txt'), ruleset, default_config, chunk_size=1000) == plain


# -- the chunked reader ----------------------------------------------------------------------

def _boundary_offsets(secret_len: int, window: int) -> list[int]:
    """Where the chunk boundary falls, relative to the start of the secret's line."""
    near = [-2, -1, 0, 1, 2, secret_len // 2, secret_len - 1, secret_len, secret_len + 1]
    return sorted(set(near + [secret_len + CONTEXT - 1, secret_len + CONTEXT, secret_len + CONTEXT + 1, window - 1, window + 1]))


@pytest.mark.parametrize('family', sorted(FAMILIES))
def test_secret_on_a_chunk_boundary(
        family: str, write: Callable[[bytes, str], str], ruleset: RuleSet, default_config: Config,
) -> None:
    text = FAMILIES[family].encode()
    chunk = ruleset.max_window + 997  # larger files are read in overlapping windows of this size
    failures = []
    for k in _boundary_offsets(len(text), ruleset.max_window):
        filler_len = chunk - k
        noise = (b'n' * 59 + b'\n') * (filler_len // 60) + b'm' * (filler_len % 60 - 1) + b'\n'
        data = noise[:filler_len] + text + b'# tail\n' * 2000
        path = write(data, 'big.py')
        whole = found(path, ruleset, default_config)
        assert len(whole) == 1
        chunked = found(path, ruleset, default_config, chunk_size=chunk)
        if chunked != whole:
            failures.append((k, whole, chunked))
    assert failures == []


def test_utf16_file_read_in_chunks_of_odd_size(
        write: Callable[[bytes, str], str], ruleset: RuleSet, default_config: Config,
) -> None:
    text = 'noise line\n' * 3000 + FAMILIES['github'] + 'more noise\n' * 3000
    path = write(text.encode('utf-16'), 'w.txt')
    whole = found(path, ruleset, default_config)
    assert [f[:2] for f in whole] == [('github-pat-classic', 3002)]
    for chunk in (ruleset.max_window + 1, ruleset.max_window * 2 + 3, 100_001):
        assert found(path, ruleset, default_config, chunk_size=chunk) == whole


# -- size: a 10 MB minified line, 100,000 lines of noise -------------------------------------

MINIFIED_FAMILIES = ['aws', 'github', 'slack', 'password']


def _statement(family: str) -> str:
    """The secret's line as it would sit in minified JavaScript."""
    line = next(ln for ln in FAMILIES[family].splitlines() if _secret_line(FAMILIES[family]) in ln)
    return line.strip().replace('export ', '')


@pytest.mark.parametrize('family', MINIFIED_FAMILIES)
def test_inside_a_ten_megabyte_minified_line(
        family: str, write: Callable[[bytes, str], str], ruleset: RuleSet, default_config: Config,
) -> None:
    statement = _statement(family)
    alone = found(write(statement.encode(), 'alone.js'), ruleset, default_config)
    assert len(alone) == 1
    rule, _, column, secret = alone[0]
    filler = b'var a=1;' * (5 * 1024 * 1024 // 8)
    data = filler + statement.encode() + b';' + filler + statement.encode()
    path = write(data, 'bundle.min.js')
    expected = [(rule, 1, len(filler) + column, secret), (rule, 1, 2 * len(filler) + len(statement) + 1 + column, secret)]
    assert found(path, ruleset, default_config) == expected
    assert found(path, ruleset, default_config, chunk_size=1024 * 1024) == expected


def test_minified_line_with_non_ascii_read_in_chunks_keeps_columns(
        write: Callable[[bytes, str], str], ruleset: RuleSet, default_config: Config,
) -> None:
    """Columns count characters: a long line of é before the secret, read in several chunks."""
    statement = _statement('github')
    data = ('é' * 300_000).encode() + b';' + statement.encode() + b'\n'
    path = write(data, 'accents.js')
    whole = found(path, ruleset, default_config)
    assert whole[0][2] == 300_001 + statement.index('ghp_') + 1
    assert found(path, ruleset, default_config, chunk_size=100_000) == whole


@pytest.mark.parametrize('family', sorted(FAMILIES))
def test_after_a_hundred_thousand_lines_of_noise(
        family: str, write: Callable[[bytes, str], str], capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch, baseline_findings: dict[str, Found],
        ruleset: RuleSet, default_config: Config,
) -> None:
    noise = b''.join(b'line %d: nothing to see here\n' % i for i in range(100_000))
    path = write(noise + FAMILIES[family].encode(), 'long.py')
    expected = [(r, line + 100_000, col, s) for r, line, col, s in baseline_findings[family]]
    monkeypatch.chdir(os.path.dirname(path))
    assert scan_secrets.main(['--format', 'json', 'long.py']) == 1
    doc = json.loads(capsys.readouterr().out)
    assert [(f['rule'], f['line'], f['column']) for f in doc['findings']] == [e[:3] for e in expected]
    assert found(path, ruleset, default_config, chunk_size=ruleset.max_window + 12_345) == expected

"""Files larger than the chunk size, with a secret at every offset around every cut: scanned in
windows, they report what they report scanned whole (``scan.scan_blocks``).

The chunk size is patched down (``scan_path(chunk_size=...)``) so the files stay small. Two rule sets
give the windows two geometries: with the generic detector the overlap is its reach
(``GENERIC_REACH + 2 * CONTEXT``); with vendor rules only it is the rules' ``max_window`` — the
longest match plus context — so a window reports findings starting before ``len(data) -
max_window`` and the next one starts ``max_window - CONTEXT`` before that.
"""
from __future__ import annotations

import os
from typing import NamedTuple

import pytest

import fakes
from leakstop.config import Config
from leakstop.engine import CONTEXT, RuleSet, load_ruleset
from leakstop.rules import load_rules
from leakstop.scan import GENERIC_REACH, scan_path

GH = fakes.github('ghp', seed='chunks')
GH2 = fakes.github('ghp', seed='chunks-2')
AKIA = fakes.aws_key_id('AKIA', seed='chunks')
ED25519 = next(r for r in load_rules() if r.id == 'private-key-pkcs8-curve25519').examples[0]
PASSWORD = fakes.rand(fakes.ALNUM, 18, 'chunk-password')


class Case(NamedTuple):
    text: str  # a line (or lines) placed in filler text
    anchors: tuple[int, ...]  # byte offsets in ``text`` as written to put on each window edge: key, secret, its end
    found: int  # findings a whole scan makes (0: a text that must stay clean however it is cut)
    one_line: bool  # placed in a file of one long line (minified): columns carry across windows
    encoding: str  # how ``text`` is written in the (UTF-8) file


def case(text: str, secret: str, key: str = '', found: int = 1, one_line: bool = False, encoding: str = 'utf-8') -> Case:
    at = text.index(secret)
    anchors = {0, at, at + 1, at + len(secret) - 1, at + len(secret), len(text)}
    if key:  # the key straddles the cut at each of its characters
        anchors.update(range(text.index(key), text.index(key) + len(key) + 1))
    unit = len('x'.encode(encoding))  # (ASCII text: a byte, or two in UTF-16)
    return Case(text, tuple(sorted(unit * a for a in anchors)), found, one_line, encoding)


GENERIC_SET = ('github-pat-classic', 'private-key-pkcs8-curve25519')
VENDOR_SET = ('github-pat-classic', 'aws-access-key-id', 'jwk-private-key')  # the JWK rule's reach: 4 KiB
CASES = {
    'generic': {
        'token': case(f'export GITHUB_TOKEN="{GH}"\n', GH),
        'token-alone': case(f'{GH}\n', GH),  # also at the file's first byte
        # a window that reports the second after skipping the first (reported by the window before)
        'two-tokens': case(f'a="{GH}"\nb="{GH2}"\n', GH2, found=2),
        # long lines: the next window starts inside the first, and the secret is on its second line
        'token-after-a-long-line': case('y' * 2200 + '\n' + 'x' * 2000 + f' gh="{GH}"\n', GH),
        # the secret on the line the next window starts in, after lines the cut consumed
        'token-late-in-a-long-line': case('y' * 4200 + f' gh="{GH}"\n', GH),
        'pem-key': case(ED25519 + '\n', ED25519.splitlines()[1]),
        # the key straddles the cut: lost if the next window does not start far enough back
        'password': case(f'password = "{PASSWORD}"\n', PASSWORD, key='password'),
        'db-password': case(f'  spring.datasource.password: {PASSWORD}\n', PASSWORD, key='spring.datasource.password'),
        'token-in-a-long-line': case(f' gh="{GH}" ', GH, one_line=True),
        # a line Windows PowerShell 5's `>>` appended in UTF-16 to UTF-8 text (thirteenth hostile review, break 04: a
        # block's end cut it in two, each part too short a run to read); the run is read after the last line break
        'token-utf16le': case(f'GITHUB_TOKEN={GH}\r\n', GH, encoding='utf-16-le'),
        'password-utf16be': case(f'password = "{PASSWORD}"\r\n', PASSWORD, key='password', encoding='utf-16-be'),
    },
    'vendor': {
        'token': case(f'token: {GH}\n', GH),
        'aws-key-id': case(f'aws_access_key_id = {AKIA}\n', AKIA),
        # inside a longer word the rule does not match: a window starting at its AKIA would report it
        'aws-inside-a-word': case(f'blob: x9{AKIA}\n', AKIA, found=0),
        'token-utf16le': case(f'token: {GH}\r\n', GH, encoding='utf-16-le'),
    },
}


@pytest.fixture(scope='module')
def rulesets() -> dict[str, RuleSet]:
    rules = load_rules()
    return {
        'generic': load_ruleset(('chunks-generic', *GENERIC_SET), lambda: [r for r in rules if r.id in GENERIC_SET],
                                cache=None, generic=True),
        'vendor': load_ruleset(('chunks-vendor', *VENDOR_SET), lambda: [r for r in rules if r.id in VENDOR_SET],
                               cache=None, generic=False),
    }


def filler(size: int) -> bytes:
    """Prose with characters of 2, 3 and 4 bytes (columns count characters) and long lines."""
    words = 'the quick brown fox jumps over the lazy dog: café 日本語 🔑 0123456789 '.encode()
    lines = [words[k % 7:] + words[:k % 11] + (b'\n' if k % 5 else b' ') for k in range(size // 40 + 1)]
    return b''.join(lines)[:size]


def overlap_of(ruleset: RuleSet) -> int:
    """What ``scan_blocks`` overlaps windows by (its own formula, restated so a change shows here)."""
    return max(ruleset.max_window, GENERIC_REACH + 2 * CONTEXT) if ruleset.generic is not None else ruleset.max_window


def edges(size: int, chunk: int, overlap: int, max_window: int) -> list[int]:
    """Where windows end, report up to, and start again, for a file of ``size`` read in ``chunk`` blocks."""
    out = set()
    for end in range(chunk, size + chunk, chunk):  # each window holds the blocks read so far
        out.update((end, end - overlap, end - max_window, end - 2 * overlap + CONTEXT, end - overlap - max_window + CONTEXT))
    return sorted(e for e in out if 0 < e < size)


def findings(path: str, ruleset: RuleSet, config: Config, chunk: int) -> list[tuple[int, int, str, int, int, str]]:
    """What a scan reports: position (line, column, byte offsets) and rule of each finding, and its secret."""
    result = scan_path(path, ruleset=ruleset, config=config, chunk_size=chunk)
    assert result.error is None and result.skipped is None, result
    return [(f.line, f.column, f.rule_id, f.start, f.end, f.secret) for f in result.findings]


@pytest.mark.parametrize(('ruleset_name', 'kind'), [(r, k) for r in CASES for k in CASES[r]])
def test_chunked_file_reports_what_the_whole_file_reports(
        ruleset_name: str, kind: str, rulesets: dict[str, RuleSet], default_config: Config, tmp_path: object,
) -> None:
    ruleset = rulesets[ruleset_name]
    text, anchors, expected, one_line, encoding = CASES[ruleset_name][kind]
    secret = text.encode(encoding)
    overlap = overlap_of(ruleset)
    chunk = 2 * overlap + 37  # the smallest windows that move on, at odd offsets
    base = filler(5 * chunk // 2)
    pads = [b'']
    if one_line:  # 4-byte characters and every alignment of them to the cuts: a cut inside one steps back
        # (two in a row, and a byte that is not UTF-8 after one: a cut there must not step back into it)
        base = ('🔑🔑x🔑'.encode() + b'\x80') * (len(base) // 14)
        pads = [b'', b'.', b'..', b'...']
    assert len(base) + len(secret) > 2 * chunk  # three windows at least
    offsets = sorted({o for e in edges(len(base), chunk, overlap, ruleset.max_window) for a in anchors
                      for o in range(e - a - 3, e - a + 4) if 0 <= o <= len(base)} | {0, len(base)})
    path = os.path.join(str(tmp_path), 'notes.txt')
    differ = []
    for offset, pad in ((o, p) for o in offsets for p in pads):
        # the text starts a line (so that the lines before it stay as they are), or stands in the long line
        data = pad + base[:offset] + (b'' if one_line or offset == 0 else b'\n') + secret + base[offset:]
        with open(path, 'wb') as f:
            f.write(data)
        whole = findings(path, ruleset, default_config, len(data) + 1)
        assert len([w for w in whole if w[-1] in text]) == expected, (kind, offset, [w[:-1] for w in whole])
        chunked = findings(path, ruleset, default_config, chunk)
        if chunked != whole:
            differ.append((offset, [w[:-1] for w in whole], [c[:-1] for c in chunked]))  # no secret in the message
    assert differ[:3] == [], f'{len(differ)} of {len(offsets) * len(pads)} placements differ'


def test_the_sweep_crosses_every_edge_with_key_and_secret(rulesets: dict[str, RuleSet]) -> None:
    """The sweep is what it claims: for the generic set, the edges include ``len(data) - max_window``
    apart from the overlap's, and every character of the password's key lands on each edge."""
    ruleset = rulesets['generic']
    overlap = overlap_of(ruleset)
    assert ruleset.max_window < overlap == GENERIC_REACH + 2 * CONTEXT
    chunk = 2 * overlap + 37
    found = edges(5 * chunk // 2, chunk, overlap, ruleset.max_window)
    assert chunk - ruleset.max_window in found and chunk - overlap in found and 2 * chunk - 2 * overlap + CONTEXT in found
    assert set(range(0, len('password') + 1)) <= set(CASES['generic']['password'].anchors)
    vendor = rulesets['vendor']
    assert overlap_of(vendor) == vendor.max_window > GENERIC_REACH + 2 * CONTEXT  # the JWK rule's reach


def test_blocks_smaller_than_the_overlap(rulesets: dict[str, RuleSet], default_config: Config, tmp_path: object) -> None:
    """Blocks smaller than the overlap (a small chunk size, a transcoded block): the windows wait for
    enough data, and still report what the whole file reports."""
    ruleset = rulesets['generic']
    chunk = overlap_of(ruleset) // 3 + 1
    base = filler(4 * overlap_of(ruleset))
    path = os.path.join(str(tmp_path), 'notes.txt')
    text = f'password = "{PASSWORD}"\na="{GH}"\n'.encode()
    for offset in range(0, len(base), 389):
        # at offset 0 the key is the file's first byte: the first windows keep it (their cut is 0)
        data = (base[:offset] + b'\n' if offset else b'') + text + base[offset:]
        with open(path, 'wb') as f:
            f.write(data)
        whole = findings(path, ruleset, default_config, len(data) + 1)
        assert len(whole) == 2, offset
        assert findings(path, ruleset, default_config, chunk) == whole, offset


@pytest.mark.parametrize('start', ['🔑'.encode(), b'\x80\x80\x80'], ids=['character', 'not-utf8'])
def test_a_cut_in_the_first_bytes_of_the_file(
        start: bytes, rulesets: dict[str, RuleSet], default_config: Config, tmp_path: object,
) -> None:
    """Blocks sized so that the second window's cut is the file's byte 2: inside a 4-byte character it
    steps back to byte 0; in bytes that are not UTF-8 it stays (each counts alone)."""
    ruleset = rulesets['generic']
    overlap = overlap_of(ruleset)
    chunk = (2 * overlap - CONTEXT + 2) // 2  # two blocks hold 2 * overlap - CONTEXT + 2 bytes: the cut is 2
    assert 2 * chunk - overlap - (overlap - CONTEXT) == 2
    path = os.path.join(str(tmp_path), 'notes.txt')
    for gap in range(overlap - 100, overlap + 100, 7):  # the secret around the first window's limit, on line 1
        with open(path, 'wb') as f:
            f.write(start + b'y' * gap + f' gh="{GH}" '.encode() + filler(3 * overlap))
        whole = findings(path, ruleset, default_config, 10 * overlap)
        assert whole and whole[0][0] == 1, gap
        assert findings(path, ruleset, default_config, chunk) == whole, gap


def test_a_detect_secrets_prefix_judges_a_window_s_findings_on_the_file_s_lines(
        rulesets: dict[str, RuleSet], default_config: Config, tmp_path: object,
) -> None:
    """Thirty-sixth hostile review, break 01's sibling: the baseline judged each window's findings with the window's
    line numbers, so a detect-secrets prefix (``ghp``) recorded at line N covered the token on the N-th line of every
    later window. It covers the token on the file's line N only."""
    import hashlib
    from leakstop.baseline import Baseline
    ruleset = rulesets['generic']
    path = os.path.join(str(tmp_path), 'notes.txt')
    with open(path, 'w') as f:
        f.write(''.join(f't{n} = "{fakes.github("ghp", seed=("chunks-line", n))}"\n' for n in range(1, 601)))
    baseline = Baseline(os.path.join(str(tmp_path), '.secrets.baseline'),
                        detect_secrets={'notes.txt': {hashlib.sha1(b'ghp').hexdigest(): frozenset({100})}})
    for chunk in (4 * overlap_of(ruleset), 10 ** 6):
        result = scan_path(path, ruleset=ruleset, config=default_config, baseline=baseline, chunk_size=chunk)
        assert set(range(1, 601)) - {f.line for f in result.findings} == {100}, chunk

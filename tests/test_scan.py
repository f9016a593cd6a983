"""Large files are scanned in overlapping windows: the result is the whole file's, whatever the cuts."""
from __future__ import annotations

import pytest

import fakes
from leakstop.config import Config
from leakstop.engine import CONTEXT, RuleSet, load_ruleset
from leakstop.rules import load_rules
from leakstop.scan import GENERIC_REACH, scan_blob

GH = fakes.github('ghp', seed='windows')
# a multi-line match whose secret starts on its second line (the rule's first example)
ED25519 = next(r for r in load_rules() if r.id == 'private-key-pkcs8-curve25519').examples[0]
SECRETS = {
    'token': f'export GITHUB_TOKEN="{GH}"\n',
    'token-in-a-line': f' gh="{GH}" ',  # inside a long line of multi-byte text: columns across windows
    'generic': 'db_password = "Tr0ub4dor&3xQ9zz"\n',  # leakstop: allow
    # longer than the rules' longest match: the generic detector's reach sets the overlap too
    'generic-long': f'signing_secret = "{fakes.rand(fakes.B64, 480, "long")}"\n',
    'multi-line': ED25519 + '\n',
    'escaped': '{"token": "\\u0067hp_' + GH[4:] + '"}\n',
}
RULE_IDS = ('github-pat-classic', 'private-key-pkcs8-curve25519')


@pytest.fixture(scope='module')
def small_ruleset() -> RuleSet:
    """A few rules with short matches, and the generic detector: a small overlap, so small windows."""
    rules = [r for r in load_rules() if r.id in RULE_IDS]
    return load_ruleset(('windows-test', *RULE_IDS), lambda: rules, cache=None, generic=True)


def found(data: bytes, ruleset: RuleSet, config: Config, chunk_size: int) -> list[tuple[int, int, str, str]]:
    result = scan_blob(data, 'notes.txt', ruleset=ruleset, config=config, chunk_size=chunk_size)
    return [(f.line, f.column, f.rule_id, f.secret) for f in result.findings]


def filler(size: int) -> bytes:
    words = 'the quick brown fox jumps over the lazy dog: café 日本語 0123456789 '.encode()
    lines = [words[k % 7:] + words[:k % 11] + (b'\n' if k % 5 else b' ') for k in range(size // 40 + 1)]
    return b''.join(lines)[:size]


def offsets_to_try(size: int, chunk: int, overlap: int) -> list[int]:
    """Every offset within 48 bytes of a window edge (a block boundary, a report limit, a cut where
    the next window starts), every 97th elsewhere."""
    near = set()
    for boundary in range(chunk, size + chunk, chunk):
        for edge in (boundary, boundary - overlap, boundary - 2 * overlap + CONTEXT):
            near.update(range(max(0, edge - 48), min(size, edge + 48)))
    return sorted(near | set(range(0, size, 97)))


@pytest.mark.parametrize('kind', sorted(SECRETS))
def test_chunked_scan_equals_whole_scan_at_every_offset(kind: str, small_ruleset: RuleSet, default_config: Config) -> None:
    """The secret at every offset around the window edges of a file cut into several windows: each
    edge is crossed by the match's start, the secret's start and its end."""
    overlap = max(small_ruleset.max_window, GENERIC_REACH + 2 * CONTEXT)  # (what windows overlap by)
    chunk = 2 * overlap + 37  # the smallest windows that move on, and odd offsets
    base = filler(5 * chunk // 2)
    secret = SECRETS[kind].encode()
    missed = []
    for offset in offsets_to_try(len(base), chunk, overlap):
        data = base[:offset] + (b'' if kind.endswith('in-a-line') else b'\n') + secret + base[offset:]
        whole = found(data, small_ruleset, default_config, len(data) + 1)
        assert whole, (kind, offset)
        chunked = found(data, small_ruleset, default_config, chunk)
        if chunked != whole:
            missed.append((offset, whole, chunked))
    assert missed[:3] == []


def test_crlf_file_in_windows_reports_what_lf_reports(small_ruleset: RuleSet, default_config: Config) -> None:
    """A CR at the end of a block and its LF at the start of the next are one line break."""
    overlap = max(small_ruleset.max_window, GENERIC_REACH + 2 * CONTEXT)
    chunk = 2 * overlap + 37
    base = filler(5 * chunk // 2)
    secret = SECRETS['token'].encode()
    for offset in offsets_to_try(len(base), chunk, overlap)[::5]:
        data = base[:offset] + b'\n' + secret + base[offset:]
        lf = found(data, small_ruleset, default_config, len(data) + 1)
        crlf = found(data.replace(b'\n', b'\r\n'), small_ruleset, default_config, chunk)
        assert crlf == lf, offset

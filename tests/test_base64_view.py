"""The base64 view (decode.base64_findings): vendor tokens stored base64-encoded, found on their encoded run."""
from __future__ import annotations

import base64
import json
import random
import re
import re._constants as sre_constants  # type: ignore[import-not-found]
import re._parser as sre_parse  # type: ignore[import-not-found]
from typing import Any

import pytest

from leakstop.config import Config
from leakstop.decode import base64_runs
from leakstop.engine import RuleSet, base64_literals, base64_token_prefixes
from leakstop.rules import load_rules
from leakstop.scan import every_secret, scan_data

import fakes
from test_history import commit_file, found, repo, scan_json  # noqa: F401 (repo: the fixture)
from timing import assert_grows_linearly

# a Google API key valid in format (AIza + 35 of [0-9A-Za-z_-], entropy well above the rule's 3.5)
GOOGLE = 'AIza' + fakes.rand(fakes.ALNUM + '-_', 35, 'base64-view-google')
GH = fakes.github('ghp', seed='base64-view')


def b64(text: str, *, urlsafe: bool = False, padded: bool = True) -> str:
    encoded = (base64.urlsafe_b64encode if urlsafe else base64.b64encode)(text.encode()).decode()
    return encoded if padded else encoded.rstrip('=')


def findings(text: str, ruleset: RuleSet, config: Config, path: str) -> list[tuple[int, int, str, str, str]]:
    return [(f.line, f.column, f.rule_id, f.secret, f.description)
            for f in scan_data(text.encode(), path, ruleset=ruleset, config=config)]


@pytest.mark.parametrize('token, rule', [(GOOGLE, 'gcp-api-key'), (GH, 'github-pat-classic')])
@pytest.mark.parametrize('before', ['', 'k=', 'key='])  # the token after 0, 1 or 2 bytes (mod 3) of encoded text
@pytest.mark.parametrize('urlsafe, padded', [(False, True), (False, False), (True, True), (True, False)])
@pytest.mark.parametrize('path, layout', [
    ('plugins/keys.py', 'KEYS = [\n    "{}",\n]\n'),
    ('config/keys.json', '{{\n  "keys": ["{}"]\n}}\n'),
    ('config/keys.yaml', 'keys:\n  - {}\n'),
])
def test_a_token_stored_base64_encoded_is_found_on_its_encoded_run(
        ruleset: RuleSet, default_config: Config, token: str, rule: str, before: str, urlsafe: bool, padded: bool,
        path: str, layout: str) -> None:
    encoded = b64(before + token, urlsafe=urlsafe, padded=padded)
    text = layout.format(encoded)
    line = text[:text.index(encoded)].count('\n') + 1
    column = text.index(encoded) - text.rfind('\n', 0, text.index(encoded))
    assert findings(text, ruleset, default_config, path) == [(line, column, rule, token, f'{_description(rule)} (base64)')]


def _description(rule_id: str) -> str:
    return next(r.description for r in load_rules() if r.id == rule_id)


def test_the_finding_spans_the_whole_run(ruleset: RuleSet) -> None:
    encoded = b64('key=' + GOOGLE)
    text = f'KEYS = ["{encoded}"]\n'.encode()
    (f,) = every_secret(text, 'a.py', ruleset)
    assert text[f.start:f.end] == encoded.encode()


def test_a_bare_word_is_read_too(ruleset: RuleSet, default_config: Config) -> None:
    assert [f[2] for f in findings(f'token: {b64(GH)} # deploy\n', ruleset, default_config, 'ci.yml')] == [
        'github-pat-classic']


@pytest.mark.parametrize('text', [
    'ghp_' + 'x' * 36,                                  # a placeholder
    'AIzaSyXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX',           # a placeholder key
    'The quick brown fox jumps over the lazy dog, AIza is how Google keys start.',  # ordinary text
    'AIza' + fakes.rand(fakes.ALNUM, 34, 'short'),      # one character short: not the whole token
])
def test_what_a_rule_would_not_report_is_not_reported_encoded(ruleset: RuleSet, default_config: Config, text: str) -> None:
    for before in ('', 'k=', 'key='):
        for urlsafe in (False, True):
            assert findings(f'x = "{b64(before + text, urlsafe=urlsafe)}"\n', ruleset, default_config, 'a.py') == []


def test_a_made_up_token_is_judged_as_on_plain_text(ruleset: RuleSet, default_config: Config) -> None:
    made_up = 'ghp_' + fakes.rand(fakes.ALNUM, 36, 'bad-crc')  # a checksum that does not hold: noted, medium
    plain = findings(f'x = "{made_up}"\n', ruleset, default_config, 'a.py')
    encoded = findings(f'x = "{b64(made_up)}"\n', ruleset, default_config, 'a.py')
    assert [(r, d + ' (base64)') for _, _, r, _, d in plain] == [(r, d) for _, _, r, _, d in encoded]
    assert 'checksum does not match' in encoded[0][4]


def test_random_base64_with_an_anchor_reports_nothing(ruleset: RuleSet, default_config: Config) -> None:
    rng = random.Random('base64-view-random')
    literals = [lit.decode() for prefix in base64_token_prefixes() for lit in base64_literals(prefix)]
    alphabet = fakes.B64
    lines = []
    for k in range(3000):  # anchors inside random base64 of a token's encoded lengths, and random bytes' base64
        length = rng.choice((52, 56, 60, 64, 76, 124))
        literal = rng.choice(literals)
        at = rng.randrange(0, length - len(literal))
        body = ''.join(rng.choice(alphabet) for _ in range(length))
        lines.append(f'    "{body[:at] + literal + body[at + len(literal):]}",')
        lines.append(f'    "{base64.b64encode(rng.randbytes(length * 3 // 4)).decode()}",')
    text = 'KEYS = [\n' + '\n'.join(lines) + '\n]\n'
    assert findings(text, ruleset, default_config, 'keys.py') == []


@pytest.mark.parametrize('text', [
    'data:image/png;base64,{}',     # a data: URI's
    '{}.eyJzdWIiOiIxMjM0In0.c2lnbmF0dXJlLXNpZ25hdHVyZQ',  # a JWT's part
    '-----BEGIN CERTIFICATE-----\n{}\n-----END CERTIFICATE-----',  # a PEM block's line
])
def test_runs_other_rules_and_views_read_are_not_decoded(text: str) -> None:
    data = text.format(b64('key=' + GOOGLE)).encode()
    assert base64_runs(data) == []


def test_ordinary_base64_text_is_decoded_but_reports_nothing(ruleset: RuleSet, default_config: Config) -> None:
    encoded = b64('To configure the client, set ghp_ tokens in the environment, never in code.')
    assert base64_runs(encoded.encode())  # (the anchor is there, the text decoded)
    assert findings(f'HELP = "{encoded}"\n', ruleset, default_config, 'a.py') == []


def test_scan_all_and_history_agree(repo: str) -> None:  # noqa: F811
    commit_file('plugins/keys.py', 'import os\n', 'add module')
    commit_file('plugins/keys.py', f'import os\nKEYS = [\n    "{b64(GOOGLE)}",\n    "{b64("key=" + GH)}",\n]\n', 'keys')
    code_all, doc_all = scan_json('--all')
    code_history, doc_history = scan_json('--history')
    assert code_all == code_history == 1
    assert found(doc_all) == found(doc_history) == [
        ('gcp-api-key', 'plugins/keys.py', 3), ('github-pat-classic', 'plugins/keys.py', 4)]
    for doc in (doc_all, doc_history):
        shown = json.dumps(doc)
        assert GOOGLE not in shown and GH not in shown and b64(GOOGLE) not in shown


def test_hostile_input_of_anchors_is_linear(ruleset: RuleSet) -> None:
    literal = base64_literals(b'AIza')[0]
    assert_grows_linearly(lambda data: every_secret(data, 'a.py', ruleset), literal + b'AAAA ', small=250_000,
                          large=1_000_000)
    assert_grows_linearly(lambda data: every_secret(data, 'a.py', ruleset), literal * 64 + b'\n', small=250_000,
                          large=1_000_000)


def _literal_starts(rule: Any) -> set[bytes]:
    """The literal strings a rule's secret group can start with (its leading literals and alternations)."""
    parsed = sre_parse.parse(rule.pattern)
    index = parsed.state.groupdict.get(rule.secret_group)

    def group(items: Any) -> Any:
        for op, av in items:
            if op is sre_constants.SUBPATTERN:
                if av[0] == index:
                    return av[3]
                inner = group(av[3])
                if inner is not None:
                    return inner
        return None

    def starts(items: Any) -> list[bytes]:
        out = [b'']
        for op, av in items:
            if op is sre_constants.LITERAL:
                out = [o + bytes([av]) for o in out]
            elif op is sre_constants.IN and len(av) <= 4 and all(o is sre_constants.LITERAL for o, _ in av):
                out = [o + bytes([c]) for o in out for _, c in av]  # (a small class: `xox[ar]-`)
            elif op is sre_constants.BRANCH:
                out = [o + s for o in out for branch in av[1] for s in starts(branch)]
            elif op is sre_constants.SUBPATTERN:
                out = [o + s for o in out for s in starts(av[3])]
            else:
                break
        return out

    node = group(parsed)
    return set(starts(node)) if node is not None else set()


def test_each_prefix_is_a_shipped_rules_literal_start() -> None:
    starts = set()
    for rule in load_rules():
        if rule.pattern and rule.secret_group and not rule.is_context:
            starts |= _literal_starts(rule)
    prefixes = base64_token_prefixes()
    assert len(prefixes) == len(set(prefixes))
    for prefix in prefixes:
        assert len(prefix) >= 4, prefix
        assert any(start.startswith(prefix) for start in starts), prefix


def test_literals_are_the_fixed_characters_at_each_alignment() -> None:
    assert base64_literals(b'AIza') == [b'QUl6Y', b'FJem', b'BSXph']  # written out: base64 of AIza after 0, 1, 2 bytes
    for prefix in base64_token_prefixes():
        for k in range(3):
            for filler in (b'\x00', b'\xff', b'k'):
                encoded = base64.b64encode(filler * k + prefix + b'\xff\x00').decode()
                assert any(lit.decode() in encoded for lit in base64_literals(prefix)), (prefix, k)
    assert re.fullmatch(rb'[A-Za-z0-9+/_-]+', b''.join(base64_literals(b'ghp_')))


def _write(name: str, content: str) -> str:
    import os
    os.makedirs(os.path.dirname(name) or '.', exist_ok=True)
    with open(name, 'w') as f:
        f.write(content)
    return name


@pytest.mark.parametrize('urlsafe', [False, True])
@pytest.mark.parametrize('layout', ['keys/{}', 'keys/{}.txt', '{}.json', 'a/b/{}/notes.md',
                                    # (a word before it, a long extension: thirty-eighth hostile review, 06)
                                    'keys/prod_{}', 'keys/old-{}.txt', 'conf/{}.properties'])
def test_a_tokens_base64_as_a_file_name_is_found_and_never_shown(
        tmp_path: Any, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], urlsafe: bool,
        layout: str) -> None:
    """Thirty-seventh hostile review, 01: the hook found a token as a file name and a token's base64 in a file, not a
    token's base64 as a file name (the path's names were read as one run, `/` being base64, and `.txt` as a JWT's
    next part); the path was shown whole where the file had another finding."""
    from leakstop.hooks import scan_secrets
    monkeypatch.chdir(tmp_path)
    encoded = b64(GOOGLE, urlsafe=urlsafe, padded=False)
    name = _write(layout.format(encoded), 'nothing here\n')
    assert scan_secrets.main([name]) == 1
    other = _write(layout.format(encoded).replace('keys/', 'keys2/').replace('.json', '.py').replace('notes.md', 'n.py')
                   if layout != '{}.json' else 'x/' + layout.format(encoded), f'token = "{GH}"\n')
    for fmt in ('text', 'json'):
        assert scan_secrets.main(['--format', fmt, name, other]) == 1
        out = capsys.readouterr().out
        assert encoded[4:30] not in out and GOOGLE[4:] not in out and GH[4:] not in out


@pytest.mark.parametrize('before', [
    'def is_pem(s):\n    return s.startswith("-----BEGIN")\n',  # a bare header in code
    '# -----BEGIN RSA PRIVATE KEY-----\n# (a block that never ends)\n',
    'PLACEHOLDER = """-----BEGIN PRIVATE KEY-----\n...\n"""\n',
    # a header constant and an -----END literal far below (thirty-eighth hostile review, 07)
    'HEADER = "-----BEGIN CERTIFICATE-----"\n',
])
def test_a_begin_line_before_a_run_hides_nothing(ruleset: RuleSet, default_config: Config, before: str) -> None:
    """Thirty-seventh hostile review, 02: any `-----BEGIN` in the 64 KB before a run without an `-----END` between them
    made the run a PEM block's line; only a run between a block's armor lines is one."""
    text = before + f'KEYS = [\n    "{b64(GOOGLE)}",\n]\nFOOTER = "-----END CERTIFICATE-----"\n'
    assert [f[2] for f in findings(text, ruleset, default_config, 'keys.py')] == ['gcp-api-key']
    block = f'-----BEGIN CERTIFICATE-----\n{b64("k=" + GOOGLE)}\n-----END CERTIFICATE-----\n'  # (a block's line: left)
    assert base64_runs(block.encode()) == []


def test_decoy_runs_hide_no_token_after_them(ruleset: RuleSet, default_config: Config) -> None:
    """Thirty-seventh hostile review, 03: runs were read 200 a file at most, anchored placeholders counting, so 200
    decoys hid a token after them; every run is read now, in time linear in the file."""
    decoy = b64('AIzaSy' + 'X' * 33)
    text = 'KEYS = [\n' + ''.join(f'    "{decoy}",\n' for _ in range(1000)) + f'    "{b64(GOOGLE)}",\n]\n'
    assert [(f[0], f[2]) for f in findings(text, ruleset, default_config, 'keys.py')] == [(1002, 'gcp-api-key')]


def test_an_openvpn_key_stored_base64_encoded_is_found(ruleset: RuleSet, default_config: Config) -> None:
    """Thirty-eighth hostile review, 05: pfSense's config.xml keeps an OpenVPN key file base64-encoded on one line; the
    view read only runs holding a token prefix's base64, and OpenVPN's armor was none."""
    rng = random.Random('openvpn-base64')
    body = '\n'.join(''.join(rng.choice('0123456789abcdef') for _ in range(32)) for _ in range(16))
    key = f'-----BEGIN OpenVPN Static key V1-----\n{body}\n-----END OpenVPN Static key V1-----\n'
    text = f'<openvpn-server>\n  <tls>{b64(key)}</tls>\n</openvpn-server>\n'
    assert [(f[0], f[2]) for f in findings(text, ruleset, default_config, 'conf/config.xml')] == [(2, 'openvpn-key')]

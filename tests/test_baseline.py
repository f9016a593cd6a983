from __future__ import annotations

import hashlib
import json
import multiprocessing
import os
import shutil
import stat
import subprocess
import sys

import jsonschema
import pytest

import fakes
from leakstop import baseline as bl
from leakstop import cli
from leakstop.engine import Finding
from leakstop.hooks import scan_secrets

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SCHEMA = os.path.join(ROOT, 'baselines', 'leakstop-baseline.schema.json')
AWS = fakes.aws_key_id(seed='baseline')
GH = fakes.github('ghp', seed='baseline')
GL = 'glpat-' + fakes.rand(fakes.ALNUM, 20, 'baseline-gitlab')
SECRETS = (AWS, GH)


@pytest.fixture(autouse=True)
def in_tmp(tmp_path: object, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(str(tmp_path))


def write(name: str, content: str) -> None:
    os.makedirs(os.path.dirname(name) or '.', exist_ok=True)
    with open(name, 'w') as f:
        f.write(content)


def read(name: str) -> bytes:
    with open(name, 'rb') as f:
        return f.read()


def assert_valid(path: str = '.leakstop-baseline.json') -> dict[str, object]:
    text = read(path).decode()
    for secret in SECRETS:
        assert secret not in text
    doc = json.loads(text)
    with open(SCHEMA) as f:
        jsonschema.validate(doc, json.load(f))
    return doc


def test_create_then_hook_passes_and_line_moves_do_not_fail() -> None:
    write('app/settings.py', f'KEY = "{AWS}"\n')
    assert cli.main(['baseline', 'create', 'app']) == 0
    doc = assert_valid()
    assert [(e['path'], e['rule'], e['line'], e['status']) for e in doc['findings']] == [  # type: ignore[index, union-attr]
        ('app/settings.py', 'aws-access-key-id', 1, 'unreviewed'),
    ]
    assert scan_secrets.main(['app/settings.py']) == 0
    write('app/settings.py', f'# moved down\n\n\nKEY = "{AWS}"\n')
    assert scan_secrets.main(['app/settings.py']) == 0


def test_changed_secret_fails(capsys: pytest.CaptureFixture[str]) -> None:
    write('a.py', f'KEY = "{AWS}"\n')
    assert cli.main(['baseline', 'create', 'a.py']) == 0
    other = fakes.aws_key_id(seed='other')
    write('a.py', f'KEY = "{other}"\n')
    assert scan_secrets.main(['a.py']) == 1
    assert other not in capsys.readouterr().out


def test_same_secret_in_another_file_fails() -> None:
    write('a.py', f'KEY = "{AWS}"\n')
    assert cli.main(['baseline', 'create', 'a.py']) == 0
    write('b.py', f'KEY = "{AWS}"\n')
    assert scan_secrets.main(['b.py']) == 1


def test_baseline_matches_on_another_machine(tmp_path: object) -> None:
    """Paths are relative to the baseline's directory: a moved checkout, another cwd, still match."""
    write('repo/src/a.py', f'KEY = "{AWS}"\n')
    os.chdir('repo')
    assert cli.main(['baseline', 'create', 'src']) == 0
    os.chdir('..')
    shutil.copytree('repo', 'elsewhere/clone')
    os.chdir('elsewhere/clone/src')
    assert scan_secrets.main(['--baseline', '../.leakstop-baseline.json', 'a.py']) == 0
    os.chdir('..')
    assert scan_secrets.main(['src/a.py']) == 0


def test_windows_style_relative_paths_are_normalized() -> None:
    assert bl.Baseline(os.path.abspath('.leakstop-baseline.json')).relative('./src/a.py') == 'src/a.py'


def test_update_adds_drops_and_keeps_decisions() -> None:
    write('a.py', f'KEY = "{AWS}"\n')
    write('b.py', f'TOKEN = "{GH}"\n')
    assert cli.main(['baseline', 'create', 'a.py', 'b.py']) == 0
    base = bl.load('.leakstop-baseline.json')
    (key,) = [k for k in base.entries if k[0] == 'a.py']
    base.entries[key] = base.entries[key]._replace(status='false-positive')
    bl.save(base)
    write('a.py', f'\n\nKEY = "{AWS}"\n')  # moved
    write('b.py', 'TOKEN = os.environ["TOKEN"]\n')  # gone
    new_key = fakes.aws_key_id(seed='new')
    write('c.py', f'KEY = "{new_key}"\n')  # new
    assert cli.main(['baseline', 'update', 'a.py', 'b.py', 'c.py']) == 0
    doc = assert_valid()
    rows = [(e['path'], e['line'], e['status']) for e in doc['findings']]  # type: ignore[index, union-attr]
    assert rows == [('a.py', 3, 'false-positive'), ('c.py', 1, 'unreviewed')]


def test_update_with_paths_keeps_entries_elsewhere() -> None:
    write('a.py', f'KEY = "{AWS}"\n')
    write('b.py', f'TOKEN = "{GH}"\n')
    assert cli.main(['baseline', 'create', 'a.py', 'b.py']) == 0
    write('a.py', 'nothing\n')
    assert cli.main(['baseline', 'update', 'a.py']) == 0
    assert [e['path'] for e in assert_valid()['findings']] == ['b.py']  # type: ignore[index, union-attr]


def test_output_is_sorted_and_stable() -> None:
    write('z.py', f'KEY = "{AWS}"\n')
    write('a.py', f'TOKEN = "{GH}"\nKEY = "{AWS}"\n')
    assert cli.main(['baseline', 'create', 'z.py', 'a.py']) == 0
    first = read('.leakstop-baseline.json')
    assert cli.main(['baseline', 'update', 'a.py', 'z.py']) == 0
    assert read('.leakstop-baseline.json') == first
    rows = [(e['path'], e['rule']) for e in json.loads(first)['findings']]
    assert rows == sorted(rows)


def test_allowlisted_findings_never_enter_the_baseline() -> None:
    write('.leakstop.toml', '[allowlist]\npaths = ["fixtures/"]\n')
    write('fixtures/a.py', f'KEY = "{AWS}"\n')
    write('b.py', f'KEY = "{GH}"  # leakstop: allow\n')
    write('c.md', 'aws_access_key_id = AKIAIOSFODNN7EXAMPLE\n')
    assert cli.main(['baseline', 'create', 'fixtures', 'b.py', 'c.md']) == 0
    assert assert_valid()['findings'] == []


@pytest.mark.parametrize('content', [
    b'{not json', b'', b'[]', b'{"version": 99, "findings": []}', b'\xff\xfe{}',
    b'{"version": 1, "findings": [{"path": "a.py"}]}',
    b'{"version": 1, "findings": [{"path": "a.py", "rule": "r", "fingerprint": "zz"}]}',
])
def test_corrupt_baseline_is_exit_2_and_never_overwritten(content: bytes, capsys: pytest.CaptureFixture[str]) -> None:
    write('a.py', f'KEY = "{AWS}"\n')
    with open('.leakstop-baseline.json', 'wb') as f:
        f.write(content)
    for argv in (['baseline', 'update'], ['baseline', 'create', '--force', 'a.py'], ['baseline', 'audit'],
                 ['baseline', 'audit', '--stats'], ['scan', 'a.py']):
        assert cli.main(argv) == 2, argv
        assert read('.leakstop-baseline.json') == content
    assert scan_secrets.main(['a.py']) == 2
    err = capsys.readouterr().err
    assert '.leakstop-baseline.json: not a valid baseline' in err
    assert 'Traceback' not in err
    assert read('.leakstop-baseline.json') == content


def test_a_baseline_error_does_not_echo_its_values(capsys: pytest.CaptureFixture[str]) -> None:
    token = fakes.github(seed='baseline-version')
    write('a.py', 'clean\n')
    with open('.leakstop-baseline.json', 'w') as f:
        json.dump({'version': token, 'findings': []}, f)
    assert cli.main(['scan', 'a.py']) == 2
    err = capsys.readouterr().err
    assert '.leakstop-baseline.json: not a valid baseline: unknown version (this leakstop reads version 1)' in err
    assert token not in err


def test_create_refuses_to_replace_without_force() -> None:
    write('a.py', f'KEY = "{AWS}"\n')
    assert cli.main(['baseline', 'create', 'a.py']) == 0
    before = read('.leakstop-baseline.json')
    write('a.py', 'clean\n')
    assert cli.main(['baseline', 'create', 'a.py']) == 2
    assert read('.leakstop-baseline.json') == before
    assert cli.main(['baseline', 'create', '--force', 'a.py']) == 0
    assert assert_valid()['findings'] == []


def test_missing_explicit_baseline_is_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    write('a.py', 'x = 1\n')
    assert scan_secrets.main(['--baseline', 'nope.json', 'a.py']) == 2
    assert 'nope.json: cannot read baseline' in capsys.readouterr().err


def test_writes_keep_permissions() -> None:
    write('a.py', f'KEY = "{AWS}"\n')
    assert cli.main(['baseline', 'create', 'a.py']) == 0
    os.chmod('.leakstop-baseline.json', 0o600)
    write('b.py', f'KEY = "{GH}"\n')
    assert cli.main(['baseline', 'update', 'a.py', 'b.py']) == 0
    assert stat.S_IMODE(os.stat('.leakstop-baseline.json').st_mode) == 0o600
    assert [n for n in os.listdir('.') if n.endswith('.tmp')] == []


def test_hooks_never_write_the_baseline() -> None:
    write('a.py', f'KEY = "{AWS}"\n')
    assert cli.main(['baseline', 'create', 'a.py']) == 0
    before = (read('.leakstop-baseline.json'), os.stat('.leakstop-baseline.json').st_mtime_ns)
    write('a.py', f'\nKEY = "{AWS}"\nNEW = "{GH}"\n')
    assert scan_secrets.main(['a.py']) == 1
    assert (read('.leakstop-baseline.json'), os.stat('.leakstop-baseline.json').st_mtime_ns) == before


def _update(args: tuple[str, list[str]]) -> int:
    os.chdir(args[0])
    return cli.main(['baseline', 'update', *args[1]])


def test_concurrent_updates_never_leave_a_broken_file() -> None:
    names = []
    for i in range(12):
        name = f'f{i}.py'
        write(name, f'KEY = "{fakes.aws_key_id(seed=i)}"\n')
        names.append(name)
    ctx = multiprocessing.get_context('fork')
    with ctx.Pool(6) as pool:
        codes = pool.map(_update, [(os.getcwd(), names[i:i + 3]) for i in range(0, 12, 3)] * 3)
    assert codes == [0] * 12
    doc = assert_valid()
    assert sorted(e['path'] for e in doc['findings']) == sorted(names)  # type: ignore[index, union-attr]


def test_audit_records_decisions_and_redacts(capsys: pytest.CaptureFixture[str]) -> None:
    write('a.py', f'one = 1\nKEY = "{AWS}"\nthree = 3\n')
    write('b.py', f'TOKEN = "{GH}"\n')
    assert cli.main(['baseline', 'create', 'a.py', 'b.py']) == 0
    answers = iter(['maybe', 'n', 'y'])
    assert cli.cmd_baseline_audit(config=cli.load_config(), path='.leakstop-baseline.json',
                                  ask=lambda prompt: next(answers)) == 0
    out = capsys.readouterr().out
    assert '     2 | KEY = "AKIA…"' in out
    assert AWS not in out and GH not in out
    statuses = {e['path']: e['status'] for e in assert_valid()['findings']}  # type: ignore[index, union-attr]
    assert statuses == {'a.py': 'false-positive', 'b.py': 'true-positive'}
    assert cli.main(['baseline', 'audit', '--stats']) == 0
    assert '2 finding(s): 0 unreviewed, 1 false-positive, 1 true-positive' in capsys.readouterr().out


def test_a_finding_reviewed_as_real_fails_until_the_secret_is_gone(capsys: pytest.CaptureFixture[str]) -> None:
    """Issue 14 #3: an audit's `true-positive` keeps failing the hook and the scan (that is what "real"
    means); `false-positive` passes; once the secret is removed, nothing is left to fail."""
    write('a.py', f'KEY = "{AWS}"\n')
    write('b.py', f'TOKEN = "{GH}"\n')
    assert cli.main(['baseline', 'create', 'a.py', 'b.py']) == 0
    answers = iter(['n', 'y'])
    cli.cmd_baseline_audit(config=cli.load_config(), path='.leakstop-baseline.json',
                           ask=lambda prompt: next(answers))
    capsys.readouterr()
    assert scan_secrets.main(['a.py', 'b.py']) == 1
    assert 'b.py:1:10: github-pat-classic' in capsys.readouterr().out
    assert cli.main(['scan', 'a.py', 'b.py']) == 1
    out = capsys.readouterr().out
    assert 'b.py:1:10' in out and 'a.py' not in out
    write('b.py', 'TOKEN = os.environ["GITHUB_TOKEN"]\n')
    assert scan_secrets.main(['a.py', 'b.py']) == 0


def test_audit_quits_and_keeps_earlier_answers() -> None:
    write('a.py', f'KEY = "{AWS}"\nTOKEN = "{GH}"\n')
    assert cli.main(['baseline', 'create', 'a.py']) == 0
    answers = iter(['n', 'q'])
    cli.cmd_baseline_audit(config=cli.load_config(), path='.leakstop-baseline.json',
                           ask=lambda prompt: next(answers))
    statuses = sorted(e['status'] for e in assert_valid()['findings'])  # type: ignore[index, union-attr]
    assert statuses == ['false-positive', 'unreviewed']


def _git(*args: str) -> None:
    subprocess.run(('git', *args), check=True, capture_output=True)


def _detect_secrets(*args: str) -> subprocess.CompletedProcess[str]:
    exe = os.path.join(os.path.dirname(sys.executable), 'detect-secrets')
    return subprocess.run((exe, *args), check=True, capture_output=True, text=True)


def test_a_detect_secrets_private_key_entry_covers_its_own_key_only() -> None:
    """Seventh hostile review, break 03: detect-secrets hashes only a key's armor (``BEGIN RSA PRIVATE KEY``),
    the same for every RSA key; one reviewed key let a second, different key anywhere in the same file pass,
    with the baseline used as it is and after ``baseline import``."""
    _git('init', '-q')
    write('keys.txt', fakes.pem_private_key(seed='ds-one'))
    _git('add', '-A')
    write('.secrets.baseline', _detect_secrets('scan').stdout)
    assert scan_secrets.main(['--baseline', '.secrets.baseline', 'keys.txt']) == 0  # the reviewed key: quiet
    with open('keys.txt', 'a') as f:
        f.write('\n' + fakes.pem_private_key(seed='ds-two'))
    assert scan_secrets.main(['--baseline', '.secrets.baseline', 'keys.txt']) == 1  # a second key: reported
    assert cli.main(['baseline', 'import', '.secrets.baseline']) == 0
    assert scan_secrets.main(['keys.txt']) == 1


def _reviewed_key_fixture(seed: str) -> str:
    """A git repository with fixture.json holding one (fake) private key and a detect-secrets baseline that reviewed it;
    returns the key."""
    _git('init', '-q')
    one = fakes.pem_private_key(seed=seed)
    write('fixture.json', json.dumps({'test_key': one}) + '\n')
    _git('add', '-A')
    write('.secrets.baseline', _detect_secrets('scan').stdout)
    assert scan_secrets.main(['--baseline', '.secrets.baseline', 'fixture.json']) == 0  # the reviewed key: quiet
    return one


def test_a_detect_secrets_private_key_entry_covers_no_new_key_beside_it_on_its_line() -> None:
    """Thirty-third hostile review, break 02: on the line it was recorded at, the armor's hash still covered every
    key of that armor starting there: a minified JSON fixture whose test key was reviewed let a new key added to
    the same line pass (used as it is and after ``baseline import``), as the captured prefix (``ghp``) once did."""
    one = _reviewed_key_fixture('ds-line-one')
    write('fixture.json', json.dumps({'test_key': one, 'prod_key': fakes.pem_private_key(seed='ds-line-two')}) + '\n')
    assert scan_secrets.main(['--baseline', '.secrets.baseline', 'fixture.json']) == 1  # a second key on its line
    assert cli.main(['baseline', 'import', '.secrets.baseline']) == 0
    assert scan_secrets.main(['fixture.json']) == 1


@pytest.mark.parametrize('written', ['percent', 'json-escape'])
def test_a_detect_secrets_private_key_entry_covers_no_escaped_or_percent_encoded_key_beside_it(written: str) -> None:
    """Thirty-sixth hostile review, break 01: the thirty-third's fix counted the armor's header in the line's raw bytes
    only. A new key added to the reviewed key's line percent-encoded (a recorded form body: ``BEGIN%20RSA…%0A``) or
    with ``\\u0020`` escapes, which leakstop finds in a decoded view, left one literal header there: the armor's hash
    covered it (as it is and after ``baseline import``). What leakstop finds on the line counts too."""
    import urllib.parse
    one = _reviewed_key_fixture('ds-view-one')
    two = fakes.pem_private_key(seed='ds-view-two')
    if written == 'percent':
        value = 'grant=x&key=' + urllib.parse.quote(two, safe='')
    else:
        value = two.replace('\n', '\\n').replace(' ', '\\u0020')
    write('fixture.json', json.dumps({'test_key': one})[:-1] + f', "body": "{value}"}}\n')
    assert scan_secrets.main(['fixture.json']) == 1  # (leakstop finds it)
    assert scan_secrets.main(['--baseline', '.secrets.baseline', 'fixture.json']) == 1  # a second key on its line
    assert cli.main(['baseline', 'import', '.secrets.baseline']) == 0
    assert scan_secrets.main(['fixture.json']) == 1
    write('fixture.json', json.dumps({'test_key': one}) + '\n')  # the reviewed key alone again: quiet again
    assert scan_secrets.main(['--baseline', '.secrets.baseline', 'fixture.json']) == 0


@pytest.mark.parametrize('escape', ['\\u005f', '\\x5f'])
def test_a_captured_prefix_covers_no_escaped_token_beside_it(escape: str) -> None:
    """Thirty-sixth hostile review, break 01: the captured prefix's hash (``ghp``) counted the line's raw tokens; a
    second GitHub token on the reviewed one's line written with its ``_`` escaped (``ghp\\u005f…``, ``ghp\\x5f…``),
    which leakstop finds in the escape view, was not counted, and the prefix covered it."""
    _git('init', '-q')
    first, second = (fakes.github('ghp', seed=f'ds-escaped-{n}') for n in range(2))
    write('app.js', f'var c={{k:"{first}"}};\n')
    _git('add', '-A')
    write('.secrets.baseline', _detect_secrets('scan', 'app.js').stdout)
    assert scan_secrets.main(['--baseline', '.secrets.baseline', 'app.js']) == 0  # the reviewed one passes
    write('app.js', f'var c={{k:"{first}",n:"{second.replace("_", escape)}"}};\n')
    assert scan_secrets.main(['app.js']) == 1  # (leakstop finds it)
    assert scan_secrets.main(['--baseline', '.secrets.baseline', 'app.js']) == 1
    assert cli.main(['baseline', 'import', '.secrets.baseline']) == 0
    assert scan_secrets.main(['app.js']) == 1


def test_a_captured_prefix_covers_no_second_token_in_a_url_path_beside_it() -> None:
    """Thirty-sixth hostile review, break 01's sibling: tokens that start no token between delimiters (``/t/ghp_…``
    in a URL) were not counted in the line's bytes, so a line of two held "none" and the prefix covered both. The
    real detect-secrets records the prefix once for such a line; leakstop's findings count now."""
    _git('init', '-q')
    first, second = (fakes.github('ghp', seed=f'ds-url-{n}') for n in range(2))
    write('app.js', f'get("https://h/t/{first}"); get("https://h/t/{second}");\n')
    _git('add', '-A')
    write('.secrets.baseline', _detect_secrets('scan', 'app.js').stdout)
    assert len(json.loads(read('.secrets.baseline'))['results']['app.js']) == 1  # (one entry: sha1("ghp"), line 1)
    assert scan_secrets.main(['--baseline', '.secrets.baseline', 'app.js']) == 1
    assert cli.main(['baseline', 'import', '.secrets.baseline']) == 0
    assert scan_secrets.main(['app.js']) == 1
    write('app.js', f'get("https://h/t/{first}");\n')  # one token on the line: the prefix covers it
    assert scan_secrets.main(['--baseline', '.secrets.baseline', 'app.js']) == 0


def test_a_header_or_prefix_hash_counts_every_view_but_each_key_once() -> None:
    """Thirty-sixth hostile review, break 01: a PEM header's or a captured prefix's hash covers a finding only while
    its line holds one key of that armor or one token of that prefix, counted in the line's bytes (what
    detect-secrets sees) and in the text's findings (what leakstop finds in its decoded views); a finding that holds
    a literal occurrence is that occurrence, not a second one."""
    key, new = fakes.pem_private_key(seed='count-one'), fakes.pem_private_key(seed='count-two')
    header = hashlib.sha1(b'BEGIN RSA PRIVATE KEY').hexdigest()
    escaped_new = new.replace('\n', '\\n').replace(' ', '\\u0020')
    data = (json.dumps({'k': key})[:-1] + f', "n": "{escaped_new}"}}\n').encode()
    reviewed = _on_line(data, json.dumps(key)[1:-1])
    start = data.index(b'-----BEGIN\\u0020')
    escaped = Finding(path='a.py', line=1, column=start + 1, rule_id='private-key-pem', description='d', secret=new,
                      start=start, end=data.index(b'"', start))
    recorded = {header: frozenset({1})}
    assert bl.detect_secrets_hits(recorded, reviewed, data) == {header}  # (the escaped key unknown: one)
    text = bl.Scanned(data, [reviewed, escaped, reviewed._replace(rule_id='another-rule')])
    assert bl.detect_secrets_hits(recorded, reviewed, text) == set()
    assert bl.detect_secrets_hits(recorded, escaped, text) == set()
    alone = bl.Scanned(data, [reviewed, reviewed._replace(rule_id='another-rule')])  # one key, two findings of it
    assert bl.detect_secrets_hits(recorded, reviewed, alone) == {header}
    other = fakes.github('ghp', seed='count-other')
    prefix = bl.captured_prefix_hash(GH)
    assert prefix is not None
    escaped_other = other.replace('_', '\\u005f')
    line = f'x = 1\nvar c = {{k: "{GH}", n: "{escaped_other}"}};\n'.encode()
    token = _on_line(line, GH)
    start = line.index(b'ghp\\u005f')
    hidden = token._replace(secret=other, start=start, end=start + len(other) + 5)
    assert bl.detect_secrets_hits({prefix: frozenset({2})}, token, line) == {prefix}
    assert bl.detect_secrets_hits({prefix: frozenset({2})}, token, bl.Scanned(line, [token, hidden])) == set()
    assert bl.Baseline('b', detect_secrets={'a.py': {prefix: frozenset({2})}}).knows(token, data=line)
    assert bl.unknown(bl.Baseline('b', detect_secrets={'a.py': {prefix: frozenset({2})}}), [token, hidden], line) == [
        token, hidden]


def test_a_long_line_of_tokens_at_a_recorded_prefix_is_matched_in_linear_time() -> None:
    """Thirty-sixth hostile review, break 01's sibling: each finding of a line counted the line's tokens again, and
    looked for the token around it from the line's start: a minified line of GitHub tokens at a line a captured
    prefix was recorded at took time quadratic in its length (215 KB, 5,000 tokens: 20 s)."""
    import timing
    prefix = bl.captured_prefix_hash(GH)
    assert prefix is not None
    baseline = bl.Baseline('b', detect_secrets={'a.py': {prefix: frozenset({1}), '0' * 40: frozenset({1})}})

    def line(size: int) -> bytes:
        return ('[' + ','.join(f'"{fakes.github("ghp", seed=n)}"' for n in range(size // 43)) + ']\n').encode()

    def judge(data: bytes) -> object:
        found, start = [], 0
        while (start := data.find(b'ghp_', start)) != -1:
            found.append(Finding(path='a.py', line=1, column=start + 1, rule_id='github-pat-classic',
                                 description='d', secret=data[start:start + 40].decode(), start=start, end=start + 40))
            start += 40
        return bl.unknown(baseline, found, data)

    timing.assert_grows_linearly(judge, line, small=20_000, large=80_000)


def test_detect_secrets_migration_with_the_real_detect_secrets(capsys: pytest.CaptureFixture[str]) -> None:
    """A repository with a .secrets.baseline made by detect-secrets: every recorded finding stays quiet."""
    _git('init', '-q')
    key = fakes.pem_private_key(seed='ds')
    write('src/config.py', f'AWS_ACCESS_KEY_ID = "{AWS}"\nGITHUB_TOKEN = "{GH}"\n')
    write('deploy/id_rsa_fixture', key)
    write('notify.py', f'SLACK = "{fakes.slack(seed="ds")}"\n')
    _git('add', '-A')
    baseline_text = _detect_secrets('scan').stdout
    doc = json.loads(baseline_text)
    assert {r['type'] for rs in doc['results'].values() for r in rs} >= {'AWS Access Key', 'GitHub Token', 'Slack Token'}
    for rs in doc['results'].values():  # an audit: the GitHub token is a real one, the rest false positives
        for r in rs:
            r['is_secret'] = r['type'] == 'GitHub Token'
    write('.secrets.baseline', json.dumps(doc, indent=2))
    files = ['src/config.py', 'notify.py']
    assert scan_secrets.main(files) == 1  # without a baseline: found
    capsys.readouterr()
    assert scan_secrets.main(['--baseline', '.secrets.baseline', *files]) == 0  # pointed at it: quiet

    write('src/config.py', f'# a line moved everything down\nAWS_ACCESS_KEY_ID = "{AWS}"\nGITHUB_TOKEN = "{GH}"\n')
    assert scan_secrets.main(['--baseline', '.secrets.baseline', *files]) == 0
    write('notify.py', f'SLACK = "{fakes.slack(seed="new")}"\n')  # a new secret is still caught
    assert scan_secrets.main(['--baseline', '.secrets.baseline', *files]) == 1
    write('notify.py', f'SLACK = "{fakes.slack(seed="ds")}"\n')

    assert cli.main(['baseline', 'import', '.secrets.baseline']) == 0
    imported = {(e['path'], e['rule']): e['status'] for e in assert_valid()['findings']}  # type: ignore[index, union-attr]
    assert imported[('src/config.py', 'github-pat-classic')] == 'true-positive'
    assert imported[('src/config.py', 'aws-access-key-id')] == 'false-positive'
    capsys.readouterr()
    assert scan_secrets.main(files) == 1  # the one audited as real still fails (issue 14 #3)
    assert [line.split(': ')[1] for line in capsys.readouterr().out.splitlines() if line.startswith('src/')] == ['github-pat-classic']


def test_a_detect_secrets_baseline_covers_each_finding_by_its_own_secret(capsys: pytest.CaptureFixture[str]) -> None:
    """A minified file: one line, one false positive baselined by the real detect-secrets. Secrets
    added beside it on that line are new: detect-secrets-hook fails, and so must leakstop, whether
    the baseline is used as it is or imported."""
    _git('init', '-q')
    reviewed = fakes.rand(fakes.B64, 40, 'minified')
    write('dist/app.min.js', 'window.cfg({k:"%s",env:"prod"});\n' % reviewed)
    _git('add', '-A')
    doc = json.loads(_detect_secrets('scan').stdout)
    (recorded,) = doc['results']['dist/app.min.js']
    assert recorded['type'] == 'Base64 High Entropy String'
    recorded['is_secret'] = False  # audited: a false positive
    write('.secrets.baseline', json.dumps(doc, indent=2))
    _git('add', '-A')
    assert scan_secrets.main(['--baseline', '.secrets.baseline', 'dist/app.min.js']) == 0
    capsys.readouterr()

    slack = fakes.slack(seed='minified')
    aws = fakes.aws_key_id(seed='minified')
    line = 'window.cfg({k:"%s",slack:"%s",aws:"%s",env:"prod"});\n' % (reviewed, slack, aws)
    write('dist/app.min.js', line)
    assert scan_secrets.main(['--baseline', '.secrets.baseline', 'dist/app.min.js']) == 1
    out = capsys.readouterr().out
    rows = [ln.split(': ')[0:2] for ln in out.splitlines() if ln.startswith('dist/')]
    assert rows == [
        [f'dist/app.min.js:1:{line.index(slack) + 1}', 'slack-bot-token'],
        [f'dist/app.min.js:1:{line.index(aws) + 1}', 'aws-access-key-id'],
    ]

    assert cli.main(['baseline', 'import', '.secrets.baseline']) == 0  # converted: the same answer
    assert 'imported 0 finding(s)' in capsys.readouterr().out  # leakstop does not flag the reviewed value
    assert assert_valid()['findings'] == []
    assert scan_secrets.main(['dist/app.min.js']) == 1
    assert 'slack-bot-token' in capsys.readouterr().out

    hook = os.path.join(os.path.dirname(sys.executable), 'detect-secrets-hook')
    _git('add', '-A')
    ds = subprocess.run((hook, '--baseline', '.secrets.baseline', 'dist/app.min.js'), capture_output=True, text=True)
    assert ds.returncode == 1 and 'Slack Token' in ds.stdout and 'AWS Access Key' in ds.stdout


def _reviewed_by_detect_secrets(conf_py: str) -> None:
    """A repository whose conf.py holds ``conf_py``, its one finding reviewed false in a real detect-secrets baseline."""
    _git('init', '-q')
    write('conf.py', conf_py)
    _git('add', '-A')
    doc = json.loads(_detect_secrets('scan').stdout)
    (recorded,) = doc['results']['conf.py']
    recorded['is_secret'] = False
    write('.secrets.baseline', json.dumps(doc, indent=2))


def test_a_reviewed_value_does_not_cover_a_longer_secret_it_begins(capsys: pytest.CaptureFixture[str]) -> None:
    """Second hostile review (break 03): a password reviewed by the real detect-secrets, then edited into a
    longer one that begins with it (hunter22-reviewed -> hunter22-reviewed-Xq7…): detect-secrets-hook fails,
    and so must leakstop with the same baseline (a prefix at a '-', '.' or '_' covered it)."""
    _reviewed_by_detect_secrets('password = "hunter22-reviewed"\n')
    assert scan_secrets.main(['--baseline', '.secrets.baseline', 'conf.py']) == 0
    capsys.readouterr()
    hook = os.path.join(os.path.dirname(sys.executable), 'detect-secrets-hook')
    for sep in '-._':
        write('conf.py', f'password = "hunter22-reviewed{sep}Xq7mK2vL9pW4"\n')
        _git('add', '-A')
        assert scan_secrets.main(['--baseline', '.secrets.baseline', 'conf.py']) == 1
        assert 'conf.py:1:13: generic-password' in capsys.readouterr().out
        ds = subprocess.run((hook, '--baseline', '.secrets.baseline', 'conf.py'), capture_output=True, text=True)
        assert ds.returncode == 1 and 'Secret Keyword' in ds.stdout


def test_a_reviewed_value_does_not_cover_a_new_secret_it_begins_with_a_delimiter(
        capsys: pytest.CaptureFixture[str]) -> None:
    """Eighth hostile review (break 02): a password reviewed by the real detect-secrets stays, and a new one
    is built from it with a delimiter (X:Zk8…, X;…, X,…, X=…). detect-secrets hashed the whole quoted value
    and its hook fails; leakstop hashed each run between delimiters that overlapped the finding, so X itself
    covered the new secret, with the baseline as it is and after its import."""
    _reviewed_by_detect_secrets('old_password = "Hunter22Reviewed"\n')
    hook = os.path.join(os.path.dirname(sys.executable), 'detect-secrets-hook')
    for sep in ':;,=':
        write('conf.py', f'old_password = "Hunter22Reviewed"\ndb_password = "Hunter22Reviewed{sep}Zk8qT3vW9xLmP4rN"\n')
        _git('add', '-A')
        assert scan_secrets.main(['--baseline', '.secrets.baseline', 'conf.py']) == 1, sep
        assert 'conf.py:2:16: generic-password' in capsys.readouterr().out
        ds = subprocess.run((hook, '--baseline', '.secrets.baseline', 'conf.py'), capture_output=True, text=True)
        assert ds.returncode == 1 and 'Secret Keyword' in ds.stdout
        assert cli.main(['baseline', 'import', '--baseline', 'imported.json', '.secrets.baseline']) == 0
        capsys.readouterr()
        assert scan_secrets.main(['--baseline', 'imported.json', 'conf.py']) == 1, sep
        assert 'conf.py:2:16: generic-password' in capsys.readouterr().out
        os.remove('imported.json')


def test_detect_secrets_candidates_come_from_the_finding_alone() -> None:
    """What detect-secrets may have hashed for a finding: its secret, its PEM header, the token around
    it on its line; never another token of the line (a captured prefix: detect_secrets_hits)."""
    other = fakes.rand(fakes.B64, 40, 'other')
    line = f'a = "{other}"; token = "{GH}"\n'.encode()
    start = line.index(GH.encode())
    f = Finding(path='a.py', line=1, column=start + 1, rule_id='github-pat-classic', description='d',
                secret=GH, start=start, end=start + len(GH))
    candidates = bl.detect_secrets_candidates(f, line)
    sha1 = lambda text: hashlib.sha1(text.encode()).hexdigest()  # noqa: E731
    assert {sha1(GH)} <= candidates and sha1('ghp') not in candidates and bl.captured_prefix_hash(GH) == sha1('ghp')
    assert sha1(other) not in candidates and sha1('a') not in candidates and sha1('token') not in candidates


def test_every_hook_matches_a_detect_secrets_baseline_by_the_line_as_scan_secrets_does(
        capsys: pytest.CaptureFixture[str]) -> None:
    """One baseline filter for every hook: a detect-secrets baseline that hashed the token around a
    secret on its line (here the password of a URL with what follows it up to a delimiter) covers the
    finding in block-env-files as in scan-secrets. The env hook used to match the secret alone."""
    from leakstop.hooks import block_env_files
    password = fakes.rand(fakes.ALNUM, 16, 'ds-line')
    write('.env.example', f'SERVICE_URL=https://svc:{password}@api.internal/v1\n')
    for main in (scan_secrets.main, block_env_files.main):
        assert main(['.env.example']) == 1  # without a baseline: found, on its line
        assert f'.env.example:1:25: ' in capsys.readouterr().out
    around = hashlib.sha1(f'{password}@api.internal/v1'.encode()).hexdigest()
    write('.secrets.baseline', json.dumps({'version': '1.5.0', 'results': {'.env.example': [
        {'type': 'Basic Auth Credentials', 'filename': '.env.example', 'hashed_secret': around, 'is_verified': False,
         'line_number': 1}]}}))
    for main in (scan_secrets.main, block_env_files.main):
        assert main(['--baseline', '.secrets.baseline', '.env.example']) == 0, main.__module__
    assert capsys.readouterr().out == ''
    other = hashlib.sha1(b'api.internal/v1').hexdigest()  # another token of the line covers nothing
    write('.secrets.baseline', json.dumps({'version': '1.5.0', 'results': {'.env.example': [
        {'type': 'Basic Auth Credentials', 'filename': '.env.example', 'hashed_secret': other, 'is_verified': False,
         'line_number': 1}]}}))
    for main in (scan_secrets.main, block_env_files.main):
        assert main(['--baseline', '.secrets.baseline', '.env.example']) == 1, main.__module__


def _commit_all() -> str:
    _git('add', '-A')
    _git('-c', 'user.name=t', '-c', 'user.email=t@example.invalid', 'commit', '-qm', 'c')
    return subprocess.run(('git', 'rev-parse', 'HEAD'), check=True, capture_output=True, text=True).stdout.strip()


def test_gitleaks_ignore_import_turns_positions_into_fingerprints() -> None:
    _git('init', '-q')
    write('a.py', f'x = 1\nKEY = "{AWS}"\nTOKEN = "{GH}"\n')
    commit = _commit_all()
    write('.gitleaksignore', f'# reviewed\n{commit}:a.py:aws-access-token:2\n')
    assert cli.main(['baseline', 'import', '.gitleaksignore']) == 0
    rows = [(e['path'], e['rule'], e['status']) for e in assert_valid()['findings']]  # type: ignore[index, union-attr]
    assert rows == [('a.py', 'aws-access-key-id', 'false-positive')]
    write('a.py', f'# moved\nx = 1\nKEY = "{AWS}"\n')
    assert scan_secrets.main(['a.py']) == 0


def test_gitleaks_ignore_entries_are_resolved_at_their_commit_and_rule(capsys: pytest.CaptureFixture[str]) -> None:
    """Issue 14 #1: a line was inserted above since the entry was written; today's line 2 holds another
    AWS key. The entry covers the key its commit had on line 2, not today's; an entry whose rule is not
    the finding's covers nothing; an entry for a commit this repository lacks is refused, said."""
    other = fakes.aws_key_id(seed='gl-other')
    _git('init', '-q')
    write('a.py', f'x = 1\nKEY = "{AWS}"\n')
    commit = _commit_all()
    write('a.py', f'x = 1\nNEW = "{other}"\nKEY = "{AWS}"\nTOKEN = "{GH}"\n')
    _commit_all()
    write('.gitleaksignore', f'{commit}:a.py:aws-access-token:2\n{commit}:a.py:github-pat:2\n'
                             f'{"f" * 40}:a.py:aws-access-token:4\n')
    assert cli.main(['baseline', 'import', '.gitleaksignore']) == 0
    err = capsys.readouterr().err
    assert f'commit {"f" * 12} or the file in it is not in this repository' in err
    entries = assert_valid()['findings']
    assert [(e['rule'], e['line']) for e in entries] == [('aws-access-key-id', 2)]  # type: ignore[index, union-attr]
    capsys.readouterr()
    assert scan_secrets.main(['a.py']) == 1
    out = capsys.readouterr().out
    assert 'a.py:2:' in out and 'a.py:4:' in out and 'a.py:3:' not in out  # the new key and the token stay


def test_gitleaks_report_import() -> None:
    write('a.py', f'KEY = "{AWS}"\n')
    write('report.json', json.dumps([{'File': 'a.py', 'StartLine': 1, 'Secret': AWS, 'RuleID': 'aws-access-token'}]))
    assert cli.main(['baseline', 'import', 'report.json']) == 0
    assert [e['rule'] for e in assert_valid()['findings']] == ['aws-access-key-id']  # type: ignore[index, union-attr]


def test_gitleaks_import_covers_only_each_records_own_finding() -> None:
    """A gitleaks record names one secret (report) or one rule on one line (ignore file): the
    other findings of that line, or findings that merely contain its text, stay new."""
    slack = fakes.slack(seed='gl-line')
    write('app.min.js', f'cfg({{a:"{AWS}",b:"{slack}",c:"{GH}"}});\n')
    write('report.json', json.dumps([{'File': 'app.min.js', 'StartLine': 1, 'Secret': 'a', 'RuleID': 'generic-api-key'}]))
    assert cli.main(['baseline', 'import', 'report.json']) == 0
    assert assert_valid()['findings'] == []  # "a" is in every token: it is none of them
    _git('init', '-q')
    write('.gitleaksignore', f'{_commit_all()}:app.min.js:aws-access-token:1\n')
    assert cli.main(['baseline', 'import', '.gitleaksignore']) == 0
    entries = assert_valid()['findings']
    assert [(e['path'], e['rule'], e['line']) for e in entries] == [('app.min.js', 'aws-access-key-id', 1)]  # type: ignore[index, union-attr]
    assert entries[0]['status'] == 'false-positive'  # type: ignore[index]
    assert scan_secrets.main(['app.min.js']) == 1


@pytest.mark.parametrize('secret', ['', None, 'MISSING'])
def test_a_gitleaks_entry_without_a_secret_covers_nothing(secret: str | None, capsys: pytest.CaptureFixture[str]) -> None:
    """Seventh hostile review, break 06: a report entry with an empty (or null, or missing) ``Secret`` was read
    as an ignore line and baselined every finding of its rule on its line, two tokens at once."""
    write('app.py', f'TOKENS = ["{GH}", "{fakes.github(seed="gl-empty")}"]\n')
    entry: dict[str, object] = {'File': 'app.py', 'StartLine': 1, 'RuleID': 'github-pat'}
    if secret != 'MISSING':
        entry['Secret'] = secret
    write('gl.json', json.dumps([entry]))
    assert cli.main(['baseline', 'import', 'gl.json']) == 0
    assert assert_valid()['findings'] == []
    assert scan_secrets.main(['app.py']) == 1


def test_gitleaks_ignore_entry_covers_only_its_rules_findings(capsys: pytest.CaptureFixture[str]) -> None:
    """(13) An ignore entry names one gitleaks rule: `aws-access-token` (the key ID) does not cover the secret access
    key beside it, `github-pat` not a gho_ token on its line; the message counts the entries written."""
    secret, oauth = fakes.aws_secret(seed='gl-vendor'), fakes.github('gho', seed='gl-vendor')
    write('creds.ini', f'aws_access_key_id={AWS} aws_secret_access_key={secret}\n')
    write('app.min.js', f'const c={{a:"{GH}",b:"{oauth}"}};\n')
    _git('init', '-q')
    write('.gitleaksignore', 'creds.ini:aws-access-token:1\napp.min.js:github-pat:1\n')
    assert cli.main(['baseline', 'import', '.gitleaksignore']) == 0
    assert 'imported 2 finding(s)' in capsys.readouterr().out
    entries = assert_valid()['findings']
    assert sorted((e['path'], e['rule']) for e in entries) == [  # type: ignore[index, union-attr]
        ('app.min.js', 'github-pat-classic'), ('creds.ini', 'aws-access-key-id')]
    assert scan_secrets.main(['creds.ini', 'app.min.js']) == 1
    out = capsys.readouterr().out
    assert 'aws-secret-access-key' in out and 'github-oauth-token' in out
    assert 'aws-access-key-id' not in out and 'github-pat-classic' not in out


def test_gitleaks_ignore_entry_of_an_unmapped_rule_covers_a_lone_finding_only() -> None:
    """(13) A gitleaks rule leakstop has no counterpart for covers the finding on its line only when it is the
    line's one finding: never one of several."""
    write('one.js', f'x("{GH}");\n')
    write('two.js', f'x("{GH}", "{AWS}");\n')
    _git('init', '-q')
    write('.gitleaksignore', 'one.js:acme-internal-token:1\ntwo.js:acme-internal-token:1\n')
    assert cli.main(['baseline', 'import', '.gitleaksignore']) == 0
    entries = assert_valid()['findings']
    assert [(e['path'], e['rule']) for e in entries] == [('one.js', 'github-pat-classic')]  # type: ignore[index, union-attr]


def test_gitleaks_rule_map_names_leakstop_rules() -> None:
    """Every leakstop rule the gitleaks table maps to exists (a renamed rule would silently cover nothing)."""
    from leakstop.generic import RULE_IDS
    from leakstop.rules import builtin_rule_files, load_rules
    ours = {r.id for r in load_rules(builtin_rule_files())} | RULE_IDS
    table = cli.gitleaks_rule_map()
    assert table['aws-access-token'] == {'aws-access-key-id'} and table['generic-api-key'] == RULE_IDS
    assert not {rid for ids in table.values() for rid in ids} - ours


def test_all_hooks_share_the_baseline() -> None:
    from leakstop.hooks import block_credential_files, block_env_files
    write('deploy/id_rsa', fakes.pem_private_key(seed='shared'))
    write('config/.env', 'API_URL=https://api.internal\n')
    assert block_credential_files.main(['deploy/id_rsa']) == 1
    assert block_env_files.main(['config/.env']) == 1
    assert cli.main(['baseline', 'create', 'deploy', 'config']) == 0
    rules = sorted(e['rule'] for e in assert_valid()['findings'])  # type: ignore[index, union-attr]
    assert 'env-file' in rules and any(r.startswith('ssh-private-key') or 'private-key' in r for r in rules)
    assert block_credential_files.main(['deploy/id_rsa']) == 0
    assert block_env_files.main(['config/.env']) == 0
    assert scan_secrets.main(['deploy/id_rsa']) == 0
    write('other/.env', 'X=1\n')  # not in the baseline
    assert block_env_files.main(['other/.env']) == 1


def test_audit_finds_file_hook_findings_again(capsys: pytest.CaptureFixture[str]) -> None:
    write('deploy/id_rsa', fakes.pem_private_key(seed='audit'))
    write('.env', 'X=1\n')
    assert cli.main(['baseline', 'create', 'deploy', '.env']) == 0
    answers = iter(['n'] * 10)
    cli.cmd_baseline_audit(config=cli.load_config(), path='.leakstop-baseline.json',
                           ask=lambda prompt: next(answers))
    out = capsys.readouterr().out
    assert 'no longer in the file' not in out
    assert 'the whole file' in out
    assert {e['status'] for e in assert_valid()['findings']} == {'false-positive'}  # type: ignore[index, union-attr]


@pytest.mark.parametrize('content', [
    '[' * 5000 + ']' * 5000,
    json.dumps([{'File': 'a.py', 'StartLine': 'one', 'Secret': 5}]),
    json.dumps([{'File': 7}, 'x', {'StartLine': 3}]),
    json.dumps({'results': {'a.py': [{'hashed_secret': ['not', 'a', 'string']}]}, 'version': '1'}),
])
def test_hostile_import_files_never_crash(content: str, capsys: pytest.CaptureFixture[str]) -> None:
    write('a.py', f'KEY = "{AWS}"\n')
    write('report.json', content)
    assert cli.main(['baseline', 'import', 'report.json']) in (0, 2)
    assert 'Traceback' not in capsys.readouterr().err


def test_audit_finds_a_file_with_an_undecodable_name(capsys: pytest.CaptureFixture[str]) -> None:
    """The baseline writes the name as every output does (``caf\\xe9.py``); audit opens the file again."""
    name = os.fsdecode(b'caf\xe9.py')
    write(name, f'one = 1\nKEY = "{AWS}"\n')
    assert cli.main(['baseline', 'create', name]) == 0
    assert [e['path'] for e in assert_valid()['findings']] == ['caf\\xe9.py']  # type: ignore[index, union-attr]
    answers = iter(['n'])
    assert cli.cmd_baseline_audit(config=cli.load_config(), path='.leakstop-baseline.json',
                                  ask=lambda prompt: next(answers)) == 0
    out = capsys.readouterr().out
    assert '[1/1] caf\\xe9.py:2: aws-access-key-id' in out
    assert '     2 | KEY = "AKIA…"' in out
    assert [e['status'] for e in assert_valid()['findings']] == ['false-positive']  # type: ignore[index, union-attr]


# -- baseline import reads only the repository's files (issue 13 #15) -------------------------

def _ds_baseline(filename: str, secret: str) -> str:
    item = {'type': 'AWS Access Key', 'filename': filename, 'hashed_secret': hashlib.sha1(secret.encode()).hexdigest(),
            'is_verified': False, 'line_number': 1, 'is_secret': False}
    return json.dumps({'version': '1.5.0', 'plugins_used': [], 'filters_used': [], 'results': {filename: [item]}})


IMPORT_FORMATS = {
    'gitleaks report': lambda name: ('report.json', json.dumps([{'File': name, 'StartLine': 1, 'Secret': AWS, 'RuleID': 'aws-access-token'}])),
    'gitleaks ignore file': lambda name: ('.gitleaksignore', f'{name}:aws-access-token:1\n'),  # gitleaks dir's form
    'detect-secrets baseline': lambda name: ('.secrets.baseline', _ds_baseline(name, AWS)),
}


@pytest.fixture
def import_repo(tmp_path: object, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """cwd: a git repository (``repo``) with ``a.py``, beside a directory ``outside`` holding the
    same key; returns the paths import opens to scan (every one of them is recorded)."""
    outside = os.path.join(str(tmp_path), 'outside')
    os.makedirs(outside)
    with open(os.path.join(outside, 'a.py'), 'w') as f:
        f.write(f'KEY = "{AWS}"\n')
    os.makedirs('repo')
    os.chdir('repo')
    _git('init', '-q')
    write('a.py', f'KEY = "{AWS}"\n')
    opened: list[str] = []
    real = cli.read_bytes
    monkeypatch.setattr(cli, 'read_bytes', lambda path: opened.append(path) or real(path))
    return opened


@pytest.mark.parametrize('fmt', sorted(IMPORT_FORMATS))
@pytest.mark.parametrize('where', ['../outside/a.py', 'ABS', 'link/a.py', 'sub/../../outside/a.py'])
def test_import_never_reads_a_file_outside_the_repository(
        import_repo: list[str], fmt: str, where: str, capsys: pytest.CaptureFixture[str]) -> None:
    os.symlink('../outside', 'link')  # a committed link out of the repository
    os.makedirs('sub')
    name = os.path.abspath('../outside/a.py') if where == 'ABS' else where
    source, content = IMPORT_FORMATS[fmt](name)
    write(source, content)
    assert cli.main(['baseline', 'import', source]) == 0
    out, err = capsys.readouterr()
    assert 'Traceback' not in err
    assert f'leakstop: {source}: skipped an entry for {name}: outside the repository\n' in err
    assert import_repo == []  # nothing was opened
    assert assert_valid()['findings'] == []
    assert 'imported 0 finding(s)' in out and '1 skipped' in out


@pytest.mark.parametrize('rule', ['\ud800', 'aws-access-key-id\n::stop-commands::x', 'AWS key', ''])
def test_importing_a_leakstop_report_whose_rule_is_no_rule_id_is_refused(
        import_repo: list[str], rule: str, capsys: pytest.CaptureFixture[str]) -> None:
    """Tenth hostile review, break 14: a report's ``"rule": "\\ud800"`` (valid JSON, no text) was written into the
    baseline: a UnicodeEncodeError traceback, exit 1. leakstop writes rule ids only: anything else is refused,
    unquoted, and the baseline is left as it was."""
    write('leakstop.json', json.dumps({'version': 1, 'tool': {'name': 'leakstop', 'version': '0.1.0'}, 'findings': [
        {'path': 'a.py', 'rule': 'aws-access-key-id', 'fingerprint': 'a' * 64, 'line': 1},
        {'path': 'a.py', 'rule': rule, 'fingerprint': 'b' * 64, 'line': 2}]}))
    assert cli.main(['baseline', 'import', 'leakstop.json']) == 2
    out, err = capsys.readouterr()
    assert out == '' and err == ('leakstop: error: leakstop.json: not a leakstop report: findings[1].rule is not a rule id '
                                 '(lowercase letters, digits and dashes); the baseline was left unchanged\n')
    assert not os.path.exists('.leakstop-baseline.json')


@pytest.mark.parametrize('fmt', sorted(IMPORT_FORMATS))
def test_import_skips_a_path_with_a_nul_byte(import_repo: list[str], fmt: str, capsys: pytest.CaptureFixture[str]) -> None:
    source, content = IMPORT_FORMATS[fmt]('a.py\0x')
    write(source, content)
    assert cli.main(['baseline', 'import', source]) == 0
    out, err = capsys.readouterr()
    assert 'Traceback' not in err
    assert f'leakstop: {source}: skipped an entry for a.py\\x00x: a NUL byte in its path\n' in err
    assert import_repo == []
    assert assert_valid()['findings'] == []


@pytest.mark.parametrize('fmt', ['gitleaks report', 'detect-secrets baseline', 'leakstop report'])
def test_import_skips_a_path_with_a_lone_surrogate(import_repo: list[str], fmt: str, capsys: pytest.CaptureFixture[str]) -> None:
    """Fifth hostile review (break 19): `"x\\ud800y.txt"` is valid JSON, a str no file name encodes to: a
    UnicodeEncodeError traceback, exit 1."""
    name = 'a\ud800.py'
    if fmt == 'leakstop report':
        source, content = 'leakstop.json', json.dumps({'version': 1, 'tool': {'name': 'leakstop', 'version': '0.1.0'},
                                                       'findings': [{'path': name, 'rule': 'aws-access-key-id',
                                                                     'fingerprint': 'a' * 64, 'line': 1}]})
    else:
        source, content = IMPORT_FORMATS[fmt](name)
    assert '\\ud800' in content  # the JSON escape: the file itself is ASCII
    write(source, content)
    assert cli.main(['baseline', 'import', source]) == 0
    out, err = capsys.readouterr()
    assert 'Traceback' not in err
    said = 'a character no file name holds in its path (a lone surrogate)\n'
    assert (f'leakstop: {source}: skipped an entry: {said}' if fmt == 'leakstop report'
            else f'leakstop: {source}: skipped an entry for a\\ud800.py: {said}') in err
    assert import_repo == []
    assert assert_valid()['findings'] == []
    assert '1 skipped' in out


@pytest.mark.parametrize('fmt', ['gitleaks report', 'detect-secrets baseline'])
def test_import_of_a_file_too_large_to_read_whole_is_refused_in_one_line(
        import_repo: list[str], fmt: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    """Fifth hostile review (break 11): import read each file it names whole: a 2 GiB one ended in a
    MemoryError traceback. Past files.WHOLE_READ_LIMIT (here 1 MiB): exit 2, one line, nothing written."""
    monkeypatch.setattr('leakstop.files.WHOLE_READ_LIMIT', 1024 * 1024, raising=False)
    write('a.py', f'KEY = "{AWS}"\n' + 'x = 1\n' * 200000)
    source, content = IMPORT_FORMATS[fmt]('a.py')
    write(source, content)
    assert cli.main(['baseline', 'import', source]) == 2
    out, err = capsys.readouterr()
    assert err == f'leakstop: error: {source}: a.py: cannot read: larger than 1 MiB: not read whole (leave its entries out of the report)\n'
    assert not os.path.exists('.leakstop-baseline.json')


@pytest.mark.parametrize('fmt', sorted(IMPORT_FORMATS))
def test_import_reads_files_inside_the_repository(import_repo: list[str], fmt: str, capsys: pytest.CaptureFixture[str]) -> None:
    """The same entries, naming the file inside: imported (an absolute path inside is inside)."""
    for name in ('a.py', os.path.abspath('a.py')):
        if os.path.exists('.leakstop-baseline.json'):
            os.unlink('.leakstop-baseline.json')
        source, content = IMPORT_FORMATS[fmt](name)
        write(source, content)
        assert cli.main(['baseline', 'import', source]) == 0
        assert [(e['path'], e['rule']) for e in assert_valid()['findings']] == [('a.py', 'aws-access-key-id')]  # type: ignore[index, union-attr]
    assert 'skipped' not in capsys.readouterr().err


def test_gitleaks_secret_matches_a_whole_secret_only() -> None:
    """gitleaks' ``Secret`` names one secret: a finding whose secret merely contains it (most of
    it, even) is another secret; quotes around it are not part of it."""
    write('a.py', f'KEY = "{AWS}"\nTOKEN = "{GH}"\n')
    write('report.json', json.dumps([
        {'File': 'a.py', 'StartLine': 2, 'Secret': GH[:-6], 'RuleID': 'github-pat'},  # 34 of its 40 characters
        {'File': 'a.py', 'StartLine': 1, 'Secret': AWS[2:], 'RuleID': 'aws-access-token'},
    ]))
    assert cli.main(['baseline', 'import', 'report.json']) == 0
    assert assert_valid()['findings'] == []
    assert scan_secrets.main(['a.py']) == 1
    write('report.json', json.dumps([{'File': 'a.py', 'StartLine': 2, 'Secret': f'"{GH}"', 'RuleID': 'github-pat'}]))
    assert cli.main(['baseline', 'import', 'report.json']) == 0
    assert [e['rule'] for e in assert_valid()['findings']] == ['github-pat-classic']  # type: ignore[index, union-attr]


@pytest.mark.parametrize('where', ['../outside/a.py', 'link/a.py', 'a.py\0'])
def test_audit_never_reads_a_file_outside_the_repository(
        import_repo: list[str], where: str, capsys: pytest.CaptureFixture[str]) -> None:
    """A baseline is a committed file: an entry naming ``../outside/a.py`` must not make
    ``baseline audit`` print lines of a file outside the repository (nor a NUL byte crash it)."""
    os.symlink('../outside', 'link')
    fingerprint = hashlib.sha256(f'aws-access-key-id:{AWS}'.encode()).hexdigest()
    write('.leakstop-baseline.json', json.dumps({'version': 1, 'findings': [
        {'path': where, 'rule': 'aws-access-key-id', 'fingerprint': fingerprint, 'line': 1, 'status': 'unreviewed'}]}))
    assert cli.cmd_baseline_audit(config=cli.load_config(), path='.leakstop-baseline.json',
                                  ask=lambda prompt: 'n') == 0
    out = capsys.readouterr().out
    assert '(outside the repository or not a file name: not read)' in out
    assert 'KEY = ' not in out
    assert [e['status'] for e in assert_valid()['findings']] == ['unreviewed']  # type: ignore[index, union-attr]


def test_a_baseline_spelling_a_lone_surrogate_is_refused_not_a_traceback(capsys: pytest.CaptureFixture[str]) -> None:
    """JSON can write ``\\udce9``; leakstop writes ``caf\\\\xe9.py``. Updating such a file ended in a
    UnicodeEncodeError traceback; it is refused like any invalid baseline, and left unchanged."""
    write('a.py', 'x = 1\n')
    text = ('{"version": 1, "findings": [{"path": "caf\\udce9.py", "rule": "aws-access-key-id", '
            f'"fingerprint": "{"a" * 64}", "line": 1, "status": "unreviewed"}}]}}\n')
    write('.leakstop-baseline.json', text)
    assert cli.main(['baseline', 'update', 'a.py']) == 2
    assert capsys.readouterr().err == ('leakstop: error: .leakstop-baseline.json: not a valid baseline: findings[0] '
                                       'holds a lone surrogate escape (not text) (it was left unchanged)\n')
    assert read('.leakstop-baseline.json') == text.encode()


# -- detect-secrets candidates, computed by hand (bench/mutation, issue 15) ----------------------

def _sha1s(*texts: str | bytes) -> set[str]:
    return {hashlib.sha1(t if isinstance(t, bytes) else t.encode()).hexdigest() for t in texts}


def _at(data: bytes, secret: str, span: tuple[int, int] | None = None) -> Finding:
    """A finding of ``secret`` found at ``span`` in ``data`` (by default where it first stands)."""
    if span is None:
        start = data.index(secret.encode('utf-8', 'surrogateescape'))
        span = (start, start + len(secret.encode('utf-8', 'surrogateescape')))
    start, end = span
    return Finding(path='a.py', line=1, column=1, rule_id='r', description='d', secret=secret, start=start, end=end)


JOINED = fakes.aws_key_id(seed='joined')  # a baselined value the new token is joined to


@pytest.mark.parametrize(('data', 'secret', 'span', 'texts'), [
    # no text to look in, or no span: the secret (and its prefixes) alone
    (b'', 'abc123', None, ['abc123']),
    (b'xxxxxxxxxxxx', 'abc123', (5, 5), ['abc123']),  # an empty span inside a token: no token
    # the token around the secret, from its line's first character and to the end of the text
    (b'ab' + GH.encode(), GH, None, [GH, 'ab' + GH]),
    (b'x = 1\nab' + GH.encode(), GH, None, [GH, 'ab' + GH]),
    (b'x = 1\nab' + GH.encode() + b'\ny = 2\n', GH, None, [GH, 'ab' + GH]),
    # a secret that ends or starts with a delimiter: the token beside it is another one
    (b'k: Zm9vYmFyQQ==next', 'Zm9vYmFyQQ==', None, ['Zm9vYmFyQQ==', 'Zm9vYmFyQQ']),
    (b'other=SECRETVALUE1', '=SECRETVALUE1', None, ['=SECRETVALUE1', 'SECRETVALUE1']),
    # one that starts with a newline: the token on the next line (its line's tokens are looked up, thirty-sixth)
    (b'x = 1\nSECRETVALUE1 y\n', '\nSECRETVALUE1', None, ['\nSECRETVALUE1', 'SECRETVALUE1']),
    # a secret joined to another value by '-' or '.' (hostile review): the run, never the other value alone
    (b'k="' + JOINED.encode() + b'-' + GH.encode() + b'"', GH, None, [GH, JOINED + '-' + GH]),
    (b'k="' + JOINED.encode() + b'.' + GH.encode() + b'"', GH, None, [GH, JOINED + '.' + GH]),
    # a secret that holds a delimiter (eighth hostile review, break 02): no token holds it whole, so neither
    # the run it begins with (a reviewed value it was built from) nor the one it ends with is a candidate
    (b'k="' + JOINED.encode() + b':Zk8qT3vW9xLmP4rN"', JOINED + ':Zk8qT3vW9xLmP4rN', None, [JOINED + ':Zk8qT3vW9xLmP4rN']),
    (b'k="Zk8qT3vW9xLmP4rN ' + JOINED.encode() + b'"', 'Zk8qT3vW9xLmP4rN ' + JOINED, None, ['Zk8qT3vW9xLmP4rN ' + JOINED]),
    (b'k=pre' + JOINED.encode() + b';Zk8qT3vW9xLmP4rN', JOINED + ';Zk8qT3vW9xLmP4rN', None, [JOINED + ';Zk8qT3vW9xLmP4rN']),
    # no prefix (second hostile review, break 03): a reviewed hunter22-reviewed covers no hunter22-reviewed-Xq7…;
    # the prefix detect-secrets captures of GitHub's and GitLab's is judged with its line (detect_secrets_hits)
    (b'', 'hunter22-reviewed-Xq7mK2vL9pW', None, ['hunter22-reviewed-Xq7mK2vL9pW']),
    (b'', 'hunter22_reviewed.Xq7mK2vL9pW', None, ['hunter22_reviewed.Xq7mK2vL9pW']),
    (b'', GL, None, [GL]), (b'', 'glcbt-a1_' + 'b' * 20, None, ['glcbt-a1_' + 'b' * 20]),
    (b'', 'x' + GH, None, ['x' + GH]),  # not at its start: no token detect-secrets captured
    # a PEM header within the secret's first 200 characters
    (b'', 'x' * 169 + '-----BEGIN RSA PRIVATE KEY-----', None, ['x' * 169 + '-----BEGIN RSA PRIVATE KEY-----', 'BEGIN RSA PRIVATE KEY']),
    (b'', 'x' * 170 + '-----BEGIN RSA PRIVATE KEY-----', None, ['x' * 170 + '-----BEGIN RSA PRIVATE KEY-----']),
], ids=['no-text', 'empty-span', 'line-start', 'second-line', 'line-end', 'ends-with-delimiter', 'starts-with-delimiter',
        'starts-with-a-newline',
        'joined-by-dash', 'joined-by-dot', 'holds-a-colon', 'holds-a-space', 'holds-a-semicolon-after-a-run', 'reviewed-prefix-dash', 'reviewed-prefix-mixed', 'gitlab', 'gitlab-cbt',
        'not-at-start', 'header-in-200', 'header-past-200'])
def test_detect_secrets_candidates_by_hand(data: bytes, secret: str, span: tuple[int, int] | None, texts: list[str]) -> None:
    f = _at(data, secret, span) if data else Finding(path='a.py', line=1, column=1, rule_id='r', description='d',
                                                     secret=secret, start=0, end=len(secret))
    assert bl.detect_secrets_candidates(f, data) == _sha1s(*texts)
    if not data:  # without the text: the same as with an empty one
        assert bl.detect_secrets_candidates(f) == _sha1s(*texts)


def test_detect_secrets_candidates_of_a_multi_line_key_are_the_key_and_its_header() -> None:
    """detect-secrets records a key by its header (``BEGIN RSA PRIVATE KEY``). A token of its first line
    (``-----BEGIN``, the same in every key) or a line of its body holds no part of the key alone: a
    baseline that hashed one covers no key (eighth hostile review, break 02's sibling)."""
    key = fakes.pem_private_key(seed='candidates')
    data = ('x = 1\n' + key).encode()
    candidates = bl.detect_secrets_candidates(_at(data, key.rstrip('\n')), data)
    second = key.splitlines()[1]
    assert candidates == _sha1s('BEGIN RSA PRIVATE KEY', key.rstrip('\n'))
    assert not _sha1s(second, '-----BEGIN') & candidates


def test_detect_secrets_candidates_of_bytes_that_are_not_utf8() -> None:
    """detect-secrets hashes what it read; a byte that was not UTF-8 is hashed as that byte."""
    secret = 'caf\udce9S3cr3tValue'  # leakstop: allow
    data = b'k = xcaf\xe9S3cr3tValue\n'
    assert bl.detect_secrets_candidates(_at(data, secret), data) == _sha1s(b'caf\xe9S3cr3tValue', b'xcaf\xe9S3cr3tValue')


def test_knows_without_the_text_looks_at_the_secret_alone() -> None:
    """No text given: only the secret's own hashes count, never a token of some default text."""
    f = Finding(path='a.py', line=1, column=1, rule_id='r', description='d', secret='abcd1234', start=0, end=8)
    recorded = bl.Baseline('.leakstop-baseline.json', detect_secrets={'a.py': _sha1s('XXXX', 'XXXXXXXX')})
    assert not recorded.knows(f) and not recorded.knows(f, data=b'')
    assert bl.Baseline('.leakstop-baseline.json', detect_secrets={'a.py': _sha1s('abcd1234')}).knows(f)


def test_adding_a_known_finding_again_keeps_its_review_and_moves_its_line() -> None:
    """The same secret twice in a file is one entry: its review decision stays, its line is the last one's."""
    baseline = bl.Baseline(os.path.abspath('.leakstop-baseline.json'))
    first = Finding(path='a.py', line=3, column=1, rule_id='aws-access-key-id', description='d', secret=AWS)
    entry = baseline.add(first)
    baseline.entries[entry.key] = entry._replace(status='false-positive')
    again = baseline.add(first._replace(line=9))
    assert again == bl.Entry('a.py', 'aws-access-key-id', first.fingerprint, 9, 'false-positive')
    assert list(baseline.entries.values()) == [again]
    merged = bl.merge(baseline, [first, first._replace(line=12)])
    assert list(merged.entries.values()) == [bl.Entry('a.py', 'aws-access-key-id', first.fingerprint, 12, 'false-positive')]


# --- the file's text and every refusal's message ----------------------------------------------

def test_the_file_is_two_space_json_with_paths_as_written_sorted() -> None:
    """What a reviewer sees in a diff: 2-space indentation, a name that is not ASCII as itself (not \\u
    escapes), entries sorted, one newline at the end."""
    b = bl.Baseline('.leakstop-baseline.json')
    b.add(Finding(path='zé.py', line=3, column=1, rule_id='r', description='d', secret='s', start=0, end=1))
    b.add(Finding(path='a.py', line=7, column=1, rule_id='r', description='d', secret='s', start=0, end=1))
    fp = hashlib.sha256(b'r:s').hexdigest()
    assert b.to_json() == (
        '{\n  "version": 1,\n  "findings": [\n'
        f'    {{\n      "path": "a.py",\n      "rule": "r",\n      "fingerprint": "{fp}",\n      "line": 7,\n'
        '      "status": "unreviewed"\n    },\n'
        f'    {{\n      "path": "zé.py",\n      "rule": "r",\n      "fingerprint": "{fp}",\n      "line": 3,\n'
        '      "status": "unreviewed"\n    }\n  ]\n}\n'
    )
    assert repr(b) == "Baseline('.leakstop-baseline.json', 2 entries)"


FP = 'a' * 64


@pytest.mark.parametrize(('doc', 'message'), [
    ({'version': 2, 'findings': []}, 'unknown version 2 (this leakstop reads version 1)'),
    ({'version': True, 'findings': []}, 'unknown version (this leakstop reads version 1)'),
    ({'version': '1', 'findings': []}, 'unknown version (this leakstop reads version 1)'),
    ({'findings': []}, 'unknown version (this leakstop reads version 1)'),
    ({'version': 1}, '"findings" must be a list'),
    ({'version': 1, 'findings': {}}, '"findings" must be a list'),
    ({'version': 1, 'findings': [[]]}, 'findings[0] must be an object'),
    ({'version': 1, 'findings': [{'path': 'a', 'rule': 'r', 'fingerprint': FP}, {'rule': 'r', 'fingerprint': FP}]},
     "findings[1] lacks 'path'"),
    ({'version': 1, 'findings': [{'path': 'a', 'fingerprint': FP}]}, "findings[0] lacks 'rule'"),
    ({'version': 1, 'findings': [{'path': 'a', 'rule': 'r'}]}, "findings[0] lacks 'fingerprint'"),
    ({'version': 1, 'findings': [{'path': 1, 'rule': 'r', 'fingerprint': FP}]}, 'findings[0] has a value of the wrong type'),
    ({'version': 1, 'findings': [{'path': 'a', 'rule': 1, 'fingerprint': FP}]}, 'findings[0] has a value of the wrong type'),
    ({'version': 1, 'findings': [{'path': 'a', 'rule': 'r', 'fingerprint': 1}]}, 'findings[0] has a value of the wrong type'),
    ({'version': 1, 'findings': [{'path': 'a', 'rule': 'r', 'fingerprint': FP, 'line': '3'}]},
     'findings[0] has a value of the wrong type'),
    ({'version': 1, 'findings': [{'path': 'a', 'rule': 'r', 'fingerprint': FP, 'line': True}]},
     'findings[0] has a value of the wrong type'),
    ({'version': 1, 'findings': [{'path': 'a', 'rule': '\udce9', 'fingerprint': FP}]},
     'findings[0] holds a lone surrogate escape (not text)'),
    ({'version': 1, 'findings': [{'path': 'a', 'rule': 'r', 'fingerprint': FP, 'status': 'ok'}]},
     'findings[0].status must be one of unreviewed, false-positive, true-positive'),
    ({'version': 1, 'findings': [{'path': 'a', 'rule': 'r', 'fingerprint': FP.upper()}]},
     'findings[0].fingerprint must be 64 hex digits'),
    ({'version': 1, 'findings': [{'path': 'a', 'rule': 'r', 'fingerprint': FP + 'a'}]},
     'findings[0].fingerprint must be 64 hex digits'),
    ({'results': []}, 'detect-secrets "results" must be an object'),
    ({'results': {'a.py': {}}}, "results['a.py'] must be a list"),
])
def test_each_refusal_says_what_is_wrong(doc: dict[str, object], message: str) -> None:
    with pytest.raises(bl.FatalError) as e:
        bl.parse(json.dumps(doc), 'b.json')
    assert str(e.value) == f'b.json: not a valid baseline: {message} (it was left unchanged)'


@pytest.mark.parametrize(('text', 'message'), [
    ('[1]', 'expected a JSON object'), ('"x"', 'expected a JSON object'),
    ('[' * 100_000, 'invalid JSON (nested too deeply)'),
])
def test_text_that_is_no_baseline(text: str, message: str) -> None:
    with pytest.raises(bl.FatalError) as e:
        bl.parse(text, 'b.json')
    assert str(e.value) == f'b.json: not a valid baseline: {message} (it was left unchanged)'
    with pytest.raises(bl.FatalError, match=r'^b\.json: not a valid baseline: invalid JSON \(Expecting'):
        bl.parse('{', 'b.json')


def test_what_a_valid_file_holds() -> None:
    b = bl.parse(json.dumps({'version': 1, 'findings': [
        {'path': 'a.py', 'rule': 'r', 'fingerprint': FP},
        {'path': 'b.py', 'rule': 'r', 'fingerprint': FP, 'line': 4, 'status': 'true-positive'}]}), 'x/b.json')
    assert b.path == 'x/b.json' and b.detect_secrets is None
    assert b.sorted_entries() == [bl.Entry('a.py', 'r', FP, 0, 'unreviewed'), bl.Entry('b.py', 'r', FP, 4, 'true-positive')]
    ds = bl.parse(json.dumps({'results': {'./dir/a.py': [{'hashed_secret': 'h1'}, {'hashed_secret': 2}, 'x'],
                                          'b.py': []}}), 'b.json')
    assert ds.entries == {} and ds.detect_secrets == {'dir/a.py': {'h1': frozenset()}, 'b.py': {}}
    both = bl.parse(json.dumps({'version': 1, 'findings': [], 'results': {}}), 'b.json')  # findings win
    assert both.detect_secrets is None


def test_load_refusals() -> None:
    with open('bad.json', 'wb') as f:
        f.write(b'{"version": 1, "findings": ["\xff"]}')
    with pytest.raises(bl.FatalError) as e:
        bl.load('bad.json')
    assert str(e.value) == 'bad.json: not a valid baseline: not UTF-8 (it was left unchanged)'
    with pytest.raises(bl.FatalError) as e:
        bl.load('missing.json')
    assert str(e.value) == 'missing.json: cannot read baseline: No such file or directory'
    assert bl.load_for_run(None, 'missing.json') is None
    with open('good.json', 'w') as f:
        f.write('{"version": 1, "findings": []}')
    loaded = bl.load_for_run(None, 'good.json')
    assert loaded is not None and loaded.path == 'good.json'
    loaded = bl.load_for_run('good.json', 'missing.json')
    assert loaded is not None and loaded.path == 'good.json'
    with pytest.raises(bl.FatalError):
        bl.load_for_run('missing.json', 'good.json')


def test_write_atomic_new_files_follow_the_umask_and_leave_no_temp_file() -> None:
    old = os.umask(0o022)
    try:
        bl.write_atomic('out.json', b'data')
    finally:
        os.umask(old)
    assert read('out.json') == b'data'
    assert stat.S_IMODE(os.stat('out.json').st_mode) == 0o644  # rw for its owner, readable by others
    os.chmod('out.json', 0o604)
    bl.write_atomic('out.json', b'more')
    assert read('out.json') == b'more' and stat.S_IMODE(os.stat('out.json').st_mode) == 0o604
    assert sorted(os.listdir('.')) == ['out.json']


def test_write_atomic_through_a_symlink_replaces_its_target_and_keeps_the_link() -> None:
    """Seventh hostile review, break 04: a committed ``.leakstop-baseline.json`` linking to the real baseline was
    replaced by a regular file, and the baseline it had been read from was left stale."""
    os.makedirs('security')
    with open('security/baseline.json', 'wb') as f:
        f.write(b'old')
    os.symlink('security/baseline.json', 'link.json')
    bl.write_atomic('link.json', b'new')
    assert os.path.islink('link.json') and os.readlink('link.json') == 'security/baseline.json'
    with open('security/baseline.json', 'rb') as f:
        assert f.read() == b'new'
    assert sorted(os.listdir('security')) == ['baseline.json']  # no temporary file left
    os.symlink('missing.json', 'dangling.json')
    with pytest.raises(bl.FatalError) as e:
        bl.write_atomic('dangling.json', b'x')
    assert str(e.value) == 'dangling.json: cannot write baseline: a symbolic link to a file that does not exist'
    assert os.path.islink('dangling.json') and not os.path.exists('missing.json')


def _hook_and_link(link: str, target: str) -> str:
    """A repository (the current directory) whose ``.git/hooks/pre-commit`` exists, as ``pre-commit install``
    leaves it, and a link ``link -> target`` as a clone would have it; the hook's text."""
    subprocess.run(['git', 'init', '-q', '.'], check=True)
    hook = b'#!/bin/sh\nexit 0\n'
    with open('.git/hooks/pre-commit', 'wb') as f:
        f.write(hook)
    os.chmod('.git/hooks/pre-commit', 0o755)
    os.symlink(target, link)
    return hook.decode()


@pytest.mark.parametrize('what', ['report', 'rules', 'baseline'])
def test_write_atomic_never_writes_a_hook_through_a_committed_link(what: str) -> None:
    """Tenth hostile review, break 06: ``leakstop.sarif -> .git/hooks/pre-commit`` committed, and ``scan --output
    leakstop.sarif`` wrote the report (a custom rule chooses its texts) into the hook, which git ran at the
    next commit. A report or converted rules are never written through a link in the work tree; a baseline only
    to a file in the work tree, outside .git, not executable."""
    hook = _hook_and_link('out.json', '.git/hooks/pre-commit')
    with pytest.raises(bl.FatalError) as e:
        bl.write_atomic('out.json', b'$(touch PWNED)\n', what=what)
    assert str(e.value).startswith(f'out.json: cannot write {what}: a symbolic link ')
    assert read('.git/hooks/pre-commit') == hook.encode() and os.path.islink('out.json')
    assert not [n for n in os.listdir('.git/hooks') if n.endswith('.tmp')]


@pytest.mark.parametrize(('target', 'why'), [
    ('../outside.json', 'a symbolic link to a file outside the work tree or in .git (name the file it points to)'),
    ('.git/config', 'a symbolic link to a file outside the work tree or in .git (name the file it points to)'),
    ('tools/deploy.sh', 'a symbolic link to an executable file (name the file it points to)'),
])
def test_a_baseline_link_is_written_through_only_to_a_plain_file_of_the_work_tree(target: str, why: str) -> None:
    os.makedirs('repo/tools')
    os.chdir('repo')
    _hook_and_link('.leakstop-baseline.json', target)
    for name, mode in (('../outside.json', 0o644), ('tools/deploy.sh', 0o755)):
        with open(name, 'wb') as f:
            f.write(b'{}')
        os.chmod(name, mode)
    before = read(target)
    with pytest.raises(bl.FatalError) as e:
        bl.write_atomic('.leakstop-baseline.json', b'{"version": 1, "findings": []}\n')
    assert str(e.value) == f'.leakstop-baseline.json: cannot write baseline: {why}'
    assert read(target) == before


def test_a_link_outside_the_work_tree_is_followed_for_a_report() -> None:
    """``--output /dev/stdout`` with stdout a file, or a link of the user's own outside the repository."""
    os.makedirs('repo')
    with open('report.txt', 'wb') as f:
        f.write(b'old')
    os.symlink('report.txt', 'link.txt')
    os.chdir('repo')
    subprocess.run(['git', 'init', '-q', '.'], check=True)
    bl.write_atomic('../link.txt', b'new', what='report')
    assert read('../report.txt') == b'new' and os.path.islink('../link.txt')


def test_write_atomic_to_a_device_writes_through_it_and_never_a_baseline() -> None:
    bl.write_atomic(os.devnull, b'report', what='report')
    assert os.path.exists(os.devnull) and not os.path.isfile(os.devnull)
    with pytest.raises(bl.FatalError) as e:
        bl.write_atomic(os.devnull, b'x')
    assert str(e.value) == f'{os.devnull}: cannot write baseline: not a regular file'


def test_write_atomic_failures_name_the_file_and_what_it_is(monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(bl.FatalError) as e:
        bl.write_atomic('no/such/dir/out.json', b'x', what='report')
    assert str(e.value) == 'no/such/dir/out.json: cannot write report: No such file or directory'
    os.mkdir('dir')
    with pytest.raises(bl.FatalError) as e:  # a directory in the way: the rename fails, the temp file goes
        bl.write_atomic('dir', b'x')
    assert str(e.value) == 'dir: cannot write baseline: not a regular file'
    with open('out.json', 'w') as f:
        f.write('old')

    def refuse(src: str, dst: str) -> None:
        raise PermissionError(13, 'Permission denied')
    monkeypatch.setattr(os, 'replace', refuse)
    with pytest.raises(bl.FatalError) as e:  # the rename fails: the old file stays, the temp file goes
        bl.write_atomic('out.json', b'x')
    assert str(e.value) == 'out.json: cannot write baseline: Permission denied'
    assert read('out.json') == b'old' and sorted(os.listdir('.')) == ['dir', 'out.json']


def test_merge_keeps_entries_outside_its_scope_and_decisions_inside() -> None:
    fp = [Finding(path='a.py', line=1, column=1, rule_id='r', description='d', secret=f's{i}').fingerprint
          for i in range(3)]
    old = bl.Baseline('b.json', {
        ('a.py', 'r', fp[0]): bl.Entry('a.py', 'r', fp[0], 1, 'false-positive'),
        ('gone.py', 'r', fp[1]): bl.Entry('gone.py', 'r', fp[1], 1, 'unreviewed'),
        ('other.py', 'r', fp[2]): bl.Entry('other.py', 'r', fp[2], 9, 'unreviewed'),
    })
    found = [Finding(path='a.py', line=5, column=1, rule_id='r', description='d', secret='s0', start=0, end=1)]
    new = bl.merge(old, found, scope=['a.py', 'gone.py'])
    assert new.sorted_entries() == [bl.Entry('a.py', 'r', fp[0], 5, 'false-positive'),
                                    bl.Entry('other.py', 'r', fp[2], 9, 'unreviewed')]
    assert [e.path for e in bl.merge(old, found).sorted_entries()] == ['a.py']  # everything was scanned
    assert bl.unknown(None, found) == found
    assert bl.unknown(new, found) == []


def test_write_atomic_names_why_it_cannot_look_or_write_through(monkeypatch: pytest.MonkeyPatch) -> None:
    write('plain.txt', 'x')
    with pytest.raises(bl.FatalError) as e:  # a file where a directory should be: stat fails
        bl.write_atomic('plain.txt/out.json', b'x', what='report')
    assert str(e.value) == 'plain.txt/out.json: cannot write report: Not a directory'
    if os.path.exists('/dev/full'):  # a device that refuses the bytes written through it
        with pytest.raises(bl.FatalError) as e:
            bl.write_atomic('/dev/full', b'x', what='report')
        assert str(e.value) == '/dev/full: cannot write report: No space left on device'
    names: list[str] = []
    real = os.replace

    def replace(src: str, dst: str) -> None:
        names.append(os.path.basename(src))
        real(src, dst)
    monkeypatch.setattr(os, 'replace', replace)
    bl.write_atomic('out.json', b'x')
    assert len(names) == 1 and names[0].startswith('.out.json.') and names[0].endswith('.tmp')  # hidden, named


def test_lock_on_a_file_system_without_locks_is_not_held_and_leaves_nothing_open(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """flock refused (NFS without locks): the baseline is still written (atomic rename), the directory's
    descriptor is closed at once, and leaving the block closes nothing twice (bench/mutation: fd = '')."""
    import fcntl
    from leakstop import baseline as bl
    closed: list[int] = []
    real_close = os.close

    def refuse(fd: int, op: int) -> None:
        raise OSError(37, 'No locks available')

    def close(fd: int) -> None:
        closed.append(fd)
        real_close(fd)
    monkeypatch.setattr(fcntl, 'flock', refuse)
    monkeypatch.setattr(os, 'close', close)
    with bl.locked(str(tmp_path / 'b.json')) as lock:
        assert lock.fd is None
        assert len(closed) == 1
    assert len(closed) == 1


def test_lock_on_an_unreadable_directory_is_not_held(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from leakstop import baseline as bl

    def refuse(path: str, flags: int) -> int:
        raise PermissionError(13, 'Permission denied')
    monkeypatch.setattr(os, 'open', refuse)
    with bl.locked(str(tmp_path / 'b.json')) as lock:
        assert lock.fd is None



def _on_line(data: bytes, secret: str) -> Finding:
    f = _at(data, secret)
    return f._replace(line=data.count(b'\n', 0, f.start) + 1)


def test_a_captured_prefix_covers_one_token_at_the_line_it_was_recorded_at() -> None:
    """Third hostile review (break 06): detect-secrets records sha1("ghp") for every GitHub token; used as
    it was, one reviewed token let every other ghp_ token of the file pass, on its line and on any other, and
    `baseline import` made entries for all of them. The prefix now covers a token only at its recorded line,
    while that line holds one token with that prefix."""
    other = fakes.github('ghp', seed='second')
    prefix = bl.captured_prefix_hash(GH)
    assert prefix is not None
    recorded = {prefix: frozenset({2})}
    one = f'x = 1\nvar c = {{k: "{GH}"}};\n'.encode()
    assert bl.detect_secrets_hits(recorded, _on_line(one, GH), one) == {prefix}
    two = f'x = 1\nvar c = {{k: "{GH}", n: "{other}"}};\n'.encode()
    assert bl.detect_secrets_hits(recorded, _on_line(two, GH), two) == set()
    assert bl.detect_secrets_hits(recorded, _on_line(two, other), two) == set()
    moved = f'var c = {{k: "{GH}"}};\n'.encode()  # on line 1: another line than recorded
    assert bl.detect_secrets_hits(recorded, _on_line(moved, GH), moved) == set()
    assert bl.detect_secrets_hits({prefix: frozenset()}, _on_line(one, GH), one) == set()  # no line recorded
    full = {hashlib.sha1(GH.encode()).hexdigest(): frozenset({9})}  # the token's own hash: anywhere
    assert bl.detect_secrets_hits(full, _on_line(moved, GH), moved) == set(full)


def test_a_reviewed_github_token_in_a_real_detect_secrets_baseline_covers_no_new_one(capsys: pytest.CaptureFixture[str]) -> None:
    """Third hostile review (break 06), with the real detect-secrets: its baseline of one reviewed ghp_ token
    (whose GitHub Token entry hashes "ghp") let two new tokens pass, as it is and after `baseline import`."""
    _git('init', '-q')
    first, second, third = (fakes.github('ghp', seed=f'ds-{n}') for n in range(3))
    write('app.js', f'var c={{k:"{first}"}};\n')
    _git('add', '-A')
    write('.secrets.baseline', _detect_secrets('scan', 'app.js').stdout)
    assert scan_secrets.main(['--baseline', '.secrets.baseline', 'app.js']) == 0  # the reviewed one passes
    write('app.js', f'var c={{k:"{first}",n:"{second}"}};\nvar d={{k:"{third}"}};\n')
    capsys.readouterr()
    assert scan_secrets.main(['--baseline', '.secrets.baseline', 'app.js']) == 1
    reported = [line.split(': ')[0] for line in capsys.readouterr().out.splitlines() if line.startswith('app.js:')]
    column = f'var c={{k:"{first}",n:"{second}"'.index(second) + 1
    assert reported == [f'app.js:1:{column}', 'app.js:2:11']  # the two new tokens, not the reviewed one
    assert cli.main(['baseline', 'import', '.secrets.baseline']) == 0
    capsys.readouterr()
    assert scan_secrets.main(['app.js']) == 1
    assert [line.split(': ')[0] for line in capsys.readouterr().out.splitlines() if line.startswith('app.js:')] == reported


def test_a_secret_in_a_path_is_recorded_redacted_and_still_matches(capsys: pytest.CaptureFixture[str]) -> None:
    """A baseline holds hashes, never a secret: a token used as a file name (sixth hostile review, break 02)
    was recorded whole as the entry's path, and the baseline file then failed scan-secrets itself."""
    os.mkdir('cache')
    write(f'cache/{GH}.py', f'aws = "{AWS}"\n')
    assert cli.main(['baseline', 'create', f'cache/{GH}.py']) == 0
    text = read('.leakstop-baseline.json').decode()
    assert GH[4:] not in text
    doc = json.loads(text)
    assert sorted((e['path'], e['rule'], e['line']) for e in doc['findings']) == [
        (f'cache/{GH[:4]}….py', 'aws-access-key-id', 1), (f'cache/{GH[:4]}….py', 'github-pat-classic', 0)]
    capsys.readouterr()
    assert scan_secrets.main([f'cache/{GH}.py', '.leakstop-baseline.json']) == 0
    assert cli.main(['baseline', 'update', f'cache/{GH}.py']) == 0
    assert capsys.readouterr().out.endswith(': 2 finding(s): 0 added, 0 gone and dropped\n')

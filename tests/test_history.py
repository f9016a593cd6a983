"""leakstop scan --history / --since: every added line of a commit range, with commit, date and path.

``make_history`` builds synthetic repositories with ``git fast-import`` (thousands of commits in a
second). Run this file directly to time a history scan: ``python tests/test_history.py 10000``.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from typing import Iterable, Sequence

import pytest

import fakes
from e2e import enter_repo, git, init_repo
from leakstop import cli, filehooks, history
from leakstop.scan import ruleset_for
from leakstop.git import parse_raw_log
from leakstop.records import Commit, FileChange

AWS = fakes.aws_key_id(seed='history')
GH = fakes.github('ghp', seed='history')
GH2 = fakes.github('ghp', seed='history-2')
NPM = fakes.npm(seed='history')


@pytest.fixture
def repo(tmp_path: object, monkeypatch: pytest.MonkeyPatch) -> str:
    return enter_repo(tmp_path, monkeypatch)


def commit_file(name: str, content: str, message: str = 'change', date: str = '2024-03-01T12:00:00+00:00') -> str:
    os.makedirs(os.path.dirname(name) or '.', exist_ok=True)
    with open(name, 'w') as f:
        f.write(content)
    git('add', name, cwd='.')
    env = dict(os.environ, GIT_AUTHOR_DATE=date, GIT_COMMITTER_DATE=date)
    git('commit', '-qm', message, cwd='.', env=env)
    return git('rev-parse', 'HEAD', cwd='.').stdout.strip()


def scan_json(*args: str) -> tuple[int, dict]:  # type: ignore[type-arg]
    out = subprocess.run(
        [sys.executable, '-m', 'leakstop.cli', 'scan', '--format', 'json', *args], capture_output=True, text=True,
    )
    return out.returncode, json.loads(out.stdout) if out.stdout else {}


# -- the parser ---------------------------------------------------------------------------------

def test_parse_raw_log() -> None:
    z, a, b, c = '0' * 40, 'a' * 40, 'b' * 40, 'c' * 40
    stream = [
        b'\0' + c.encode() + b' 2024-01-02T03:04:05+00:00\0\0',
        f'::100644 100644 100644 {a} {b} {c} MM\0'.encode() + b'merged.txt\0',
        f'::000000 000000 120000 {z} {z} {c} AA\0'.encode() + b'link\0',
        b'\0' + a.encode() + b' 2024-01-01T00:00:00+00:00\0\n',
        f':000000 100644 {z} {a} A\0'.encode() + b':odd\nname\0',
        f':100644 000000 {b} {z} D\0'.encode() + b'gone\0',
        f':100644 120000 {b} {c} T\0'.encode() + b'now a link\0',
        f':160000 160000 {a} {b} M\0'.encode() + b'vendor/sub\0',
        # a path that looks like a commit record or a change record is a path
        f':000000 100644 {z} {b} A\0'.encode() + c.encode() + b' 2024-01-01T00:00:00+00:00\0',
        f':000000 100644 {z} {c} A\0'.encode() + f':100644 100644 {a} {b} M'.encode() + b'\0',
    ]
    assert list(parse_raw_log(iter(stream))) == [
        Commit(c, '2024-01-02T03:04:05+00:00'), FileChange('merged.txt', (a, b), c), FileChange('link', (), c),
        Commit(a, '2024-01-01T00:00:00+00:00'), FileChange(':odd\nname', (), a), FileChange('gone', (b,), ''),
        FileChange('now a link', (b,), c), FileChange(c + ' 2024-01-01T00:00:00+00:00', (), b),
        FileChange(f':100644 100644 {a} {b} M', (), c),
    ]


# -- scans of real repositories -------------------------------------------------------------------

def test_secret_added_then_removed_is_found_with_commit_date_and_line(repo: str, capsys: pytest.CaptureFixture[str]) -> None:
    commit_file('app/settings.py', 'DEBUG = False\nREGION = "eu-west-1"\n', 'settings')
    added = commit_file('app/settings.py', f'DEBUG = False\nREGION = "eu-west-1"\nAWS_ACCESS_KEY_ID = "{AWS}"\n',
                        'add key', date='2024-05-06T07:08:09+02:00')
    commit_file('app/settings.py', 'DEBUG = False\nREGION = "eu-west-1"\n', 'remove key')
    assert cli.main(['scan']) == 0  # the working tree is clean
    capsys.readouterr()
    assert cli.main(['scan', '--history']) == 1
    out, err = capsys.readouterr()
    assert f'commit {added} (2024-05-06T07:08:09+02:00)' in out
    assert f'{added[:12]}:app/settings.py:3:22: aws-access-key-id: ' in out
    assert 'in 1 commit' in out and 'filter-repo' in out
    assert AWS not in out + err
    code, doc = scan_json('--history')
    assert code == 1
    (finding,) = doc['findings']
    assert (finding['commit'], finding['date'], finding['path'], finding['line']) == (added, '2024-05-06T07:08:09+02:00', 'app/settings.py', 3)


def test_since_limits_the_range(repo: str) -> None:
    commit_file('a.py', f'token = "{GH}"\n', 'old secret')
    base = commit_file('b.py', 'x = 1\n', 'clean')
    newer = commit_file('c.py', f'npm_token = "{NPM}"\n', 'new secret')
    code, doc = scan_json('--since', base)
    assert code == 1
    assert [(f['path'], f['commit']) for f in doc['findings']] == [('c.py', newer)]
    code, doc = scan_json('--since', 'HEAD')
    assert (code, doc['findings']) == (0, [])
    code, doc = scan_json('--since', f'{base}~1..{base}')  # a range is taken as it is
    assert (code, doc['findings']) == (0, [])
    code, doc = scan_json('--history')
    assert sorted(f['path'] for f in doc['findings']) == ['a.py', 'c.py']


def test_only_added_lines_count(repo: str) -> None:
    commit_file('a.py', f'token = "{GH}"\nx = 1\n', 'secret')
    commit_file('a.py', f'token = "{GH}"\nx = 2\n', 'unrelated edit')  # the secret line is context, not added
    code, doc = scan_json('--history')
    assert code == 1
    assert len(doc['findings']) == 1


def test_renamed_file_is_not_reported_again(repo: str) -> None:
    first = commit_file('a.py', f'token = "{GH}"\n' + 'pad = 0\n' * 20, 'secret')
    git('mv', 'a.py', 'b.py', cwd='.')
    git('commit', '-qm', 'rename', cwd='.')
    code, doc = scan_json('--history')
    assert [(f['path'], f['commit']) for f in doc['findings']] == [('a.py', first)]


def test_unusual_paths(repo: str) -> None:
    commit_file('dir with space/café "q".env.txt', f'\n\nGITHUB_TOKEN={GH}\n', 'odd name')
    code, doc = scan_json('--history')
    assert code == 1
    assert [(f['path'], f['line']) for f in doc['findings']] == [('dir with space/café "q".env.txt', 3)]


def test_a_token_used_as_a_file_name_is_reported_once_and_redacted(repo: str) -> None:
    """Sixth hostile review, break 02: git stores and pushes a name; the commit that adds a token as one
    adds the token (an edit of the file adds nothing), and no format prints it."""
    added = commit_file(f'cache/{GH}.md', 'hello\n', 'add cache')
    commit_file(f'cache/{GH}.md', 'hello again\n', 'edit cache')
    renamed = git('mv', f'cache/{GH}.md', 'cache/a.md', cwd='.')
    assert renamed.returncode == 0
    git('commit', '-qm', 'rename', cwd='.')
    code, doc = scan_json('--history')
    assert code == 1
    assert [(f['path'], f['line'], f['rule'], f['commit']) for f in doc['findings']] == [
        (f'cache/{GH[:4]}….md', 0, 'github-pat-classic', added)]
    for fmt in ('json', 'sarif', 'text'):
        out = subprocess.run([sys.executable, '-m', 'leakstop.cli', 'scan', '--history', '--format', fmt],
                             capture_output=True, text=True)
        assert out.returncode == 1 and GH[4:] not in out.stdout + out.stderr, fmt


def test_allowlists_and_baseline_apply_to_history(repo: str) -> None:
    commit_file('a.py', f'token = "{GH}"  # leakstop: allow\n', 'allowed inline')
    commit_file('b.py', f'npm = "{NPM}"\n', 'reviewed')
    code, doc = scan_json('--history')
    assert [f['path'] for f in doc['findings']] == ['b.py']
    assert cli.main(['baseline', 'create', 'b.py']) == 0
    code, doc = scan_json('--history')
    assert (code, doc['findings']) == (0, [])
    with open('.leakstop.toml', 'w') as f:
        f.write('[allowlist]\npaths = ["b.py"]\n')
    os.remove('.leakstop-baseline.json')
    code, doc = scan_json('--history')
    assert (code, doc['findings']) == (0, [])


def test_a_detect_secrets_prefix_covers_one_token_of_its_line_as_leakstop_finds_them_in_history(repo: str) -> None:
    """Thirty-sixth hostile review, break 01, in a history scan: a detect-secrets baseline's captured prefix (``ghp``)
    covers a token only while its line holds one, counted by what leakstop finds on the line too (each blob's
    findings judged together). Tokens in URL paths (``/t/ghp_…``) start no token between delimiters: counted in the
    line's bytes only, a second one beside the reviewed one was covered (the real detect-secrets records the
    prefix once for both)."""
    import hashlib
    commit_file('app.js', f'get("https://h/t/{GH}");\n', 'reviewed')
    with open('.secrets.baseline', 'w') as f:
        json.dump({'version': '1.5.0', 'plugins_used': [{'name': 'GitHubTokenDetector'}], 'filters_used': [],
                   'results': {'app.js': [{'type': 'GitHub Token', 'filename': 'app.js', 'is_verified': False,
                                           'hashed_secret': hashlib.sha1(b'ghp').hexdigest(), 'line_number': 1}]}}, f)
    code, doc = scan_json('--history', '--baseline', '.secrets.baseline')
    assert (code, doc['findings']) == (0, [])
    commit_file('app.js', f'get("https://h/t/{GH}"); get("https://h/t/{GH2}");\n', 'another')
    code, doc = scan_json('--history', '--baseline', '.secrets.baseline')
    column = len('get("https://h/t/') * 2 + len(GH) + len('"); ') + 1  # the new one (history shows what a commit adds)
    assert code == 1 and [(f['path'], f['line'], f['column']) for f in doc['findings']] == [('app.js', 1, column)]


def test_history_run_from_a_subdirectory_shows_paths_from_there(repo: str) -> None:
    commit_file('pkg/conf/a.py', f'token = "{GH}"\n', 'secret')
    os.chdir('pkg')
    code, doc = scan_json('--history')
    assert [f['path'] for f in doc['findings']] == ['conf/a.py']


def test_bad_revision_and_empty_repository_exit_2_one_line(repo: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(['scan', '--history']) == 2  # no commits yet
    assert len(capsys.readouterr().err.strip().splitlines()) == 1
    commit_file('a.py', 'x = 1\n')
    assert cli.main(['scan', '--since', 'no-such-branch']) == 2
    err = capsys.readouterr().err
    assert err.strip().splitlines() == ["leakstop: error: unknown revision 'no-such-branch'"]
    assert cli.main(['scan', '--since=--output=x']) == 2  # never taken as an option by git
    capsys.readouterr()


def test_not_a_repository_exit_2(tmp_path: object, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(str(tmp_path))
    monkeypatch.setenv('GIT_CEILING_DIRECTORIES', str(tmp_path))
    assert cli.main(['scan', '--history']) == 2
    assert 'not in a git repository' in capsys.readouterr().err


def test_history_of_a_bare_mirror(repo: str, tmp_path: object, monkeypatch: pytest.MonkeyPatch) -> None:
    added = commit_file('a.py', f'token = "{GH}"\n', 'secret')
    commit_file('a.py', 'token = None\n', 'removed')
    mirror = os.path.join(str(tmp_path), 'mirror.git')
    git('clone', '-q', '--mirror', repo, mirror, cwd=str(tmp_path))
    monkeypatch.chdir(mirror)  # where git filter-repo runs: the check after cleaning
    code, doc = scan_json('--history')
    assert (code, [f['commit'] for f in doc['findings']]) == (1, [added])


# -- what git calls binary is scanned too: blobs, whatever the attributes say ---------------------

def commit_bytes(files: dict[str, bytes], message: str = 'change') -> str:
    for name, content in files.items():
        os.makedirs(os.path.dirname(name) or '.', exist_ok=True)
        with open(name, 'wb') as f:
            f.write(content)
        git('add', name, cwd='.')
    git('commit', '-qm', message, cwd='.')
    return git('rev-parse', 'HEAD', cwd='.').stdout.strip()


def found(doc: dict) -> list[tuple[str, str, int]]:  # type: ignore[type-arg]
    return sorted((f['rule'], f['path'], f['line']) for f in doc['findings'])


BINARY_TO_GIT = {
    'utf-16': {'conf/settings.ini': f'[aws]\r\nregion = eu-west-1\r\naws_access_key_id = {AWS}\r\n'.encode('utf-16')},
    'utf-16-be-no-bom': {'conf/settings.ini': f'[aws]\nregion = eu\naws_access_key_id = {AWS}\n'.encode('utf-16-be')},
    'one-nul-byte': {'data/export.txt': f'id\x00name\nrow 1\naws_access_key_id = {AWS}\n'.encode()},
    'attribute-minus-diff': {
        '.gitattributes': b'* -diff\n',
        'app/settings.py': f'DEBUG = False\nREGION = "eu-west-1"\nAWS_ACCESS_KEY_ID = "{AWS}"\n'.encode(),
    },
    'attribute-binary': {
        '.gitattributes': b'*.py binary\n',
        'app/settings.py': f'DEBUG = False\nREGION = "eu-west-1"\nAWS_ACCESS_KEY_ID = "{AWS}"\n'.encode(),
    },
}


@pytest.mark.parametrize('case', sorted(BINARY_TO_GIT))
def test_history_scans_files_git_diffs_as_binary(repo: str, case: str) -> None:
    """UTF-16, a NUL byte, ``-diff`` or ``binary`` in .gitattributes: git prints "Binary files
    differ"; the history scan reads the blob and finds what ``scan --all`` finds, at the same line."""
    base = commit_bytes({'README.md': b'hello\n'}, 'start')
    added = commit_bytes(BINARY_TO_GIT[case], 'hide a key')
    code, everything = scan_json('--all')
    assert code == 1 and found(everything) and all(f['rule'] == 'aws-access-key-id' for f in everything['findings'])
    for args in (('--history',), ('--since', base)):
        code, doc = scan_json(*args)
        assert code == 1, args
        assert found(doc) == found(everything), args
        assert {f['commit'] for f in doc['findings']} == {added}


def test_a_pull_request_cannot_hide_its_secrets_with_gitattributes(repo: str) -> None:
    """A branch that adds ``* -diff`` and secrets in one commit, in files git already tracks."""
    base = commit_bytes({'app/settings.py': b'DEBUG = False\n', 'app/slack.py': b'CHANNEL = "#ops"\n'}, 'start')
    slack = fakes.slack(seed='history-pr')
    added = commit_bytes({
        '.gitattributes': b'* -diff\n',
        'app/settings.py': f'DEBUG = False\nAWS_ACCESS_KEY_ID = "{AWS}"\n'.encode(),
        'app/slack.py': f'CHANNEL = "#ops"\nSLACK_TOKEN = "{slack}"\n'.encode(),
    }, 'innocent refactor')
    code, doc = scan_json('--since', base)
    assert code == 1
    assert found(doc) == [('aws-access-key-id', 'app/settings.py', 2), ('slack-bot-token', 'app/slack.py', 2)]
    assert {f['commit'] for f in doc['findings']} == {added}


def test_a_binary_to_git_file_reports_only_what_each_commit_added(repo: str) -> None:
    commit_bytes({'.gitattributes': b'*.cfg -diff\n'}, 'attributes')
    first = commit_bytes({'a.cfg': f'aws_access_key_id = {AWS}\n'.encode()}, 'first key')
    commit_bytes({'a.cfg': f'# moved down\naws_access_key_id = {AWS}\n'.encode()}, 'same key, moved')
    third = commit_bytes({'a.cfg': f'# moved down\naws_access_key_id = {AWS}\ntoken = "{GH}"\n'.encode()}, 'second key')
    code, doc = scan_json('--history')
    assert code == 1
    assert sorted((f['commit'], f['rule'], f['line']) for f in doc['findings']) == sorted([
        (first, 'aws-access-key-id', 1), (third, 'github-pat-classic', 3),
    ])


def test_binary_blobs_are_still_skipped(repo: str) -> None:
    png = b'\x89PNG\r\n\x1a\n' + bytes(range(256)) * 4 + f'AWS_ACCESS_KEY_ID = "{AWS}"'.encode()
    commit_bytes({'logo.png': png}, 'image')
    code, doc = scan_json('--history')
    assert (code, doc['findings']) == (0, [])


@pytest.mark.parametrize(('name', 'value'), [
    ('GIT_DIFF_OPTS', '--unified=3'),  # documented to win over --unified on the command line
    ('config', 'diff.interHunkContext=8'),  # merges nearby hunks: their context lines in between
    ('config', 'diff.noprefix=true'),
    ('config', 'diff.mnemonicPrefix=true'),
    ('config', 'color.ui=always'),
    ('config', 'color.diff=always'),
    ('config', 'diff.external=/bin/false'),
    ('config', 'diff.submodule=log'),
    ('config', 'diff.suppressBlankEmpty=true'),
    ('config', 'log.showSignature=true'),
    ('config', 'core.quotePath=true'),
    ('config', 'i18n.logOutputEncoding=UTF-16'),  # re-encodes the commit lines we parse
    ('config', 'diff.orderFile=/nonexistent'),  # git log fails
    ('config', 'diff.renames=copies'),
    ('config', 'diff.relative=true'),
    ('config', 'diff.context=7'),
    ('config', 'log.decorate=full'),
    ('config', 'log.diffMerges=first-parent'),
    ('config', 'core.bigFileThreshold=10'),
    ('config', 'color.diff.new=red reverse'),
    ('config', 'notes.displayRef=refs/notes/*'),
])
def test_user_settings_do_not_change_what_history_scans_see(
        repo: str, monkeypatch: pytest.MonkeyPatch, name: str, value: str,
) -> None:
    body = [f'line {n}\n' for n in range(1, 21)]
    commit_file('dir é/app.py', ''.join(body), 'start')
    body.insert(4, f'AWS_ACCESS_KEY_ID = "{AWS}"\n')  # added after 4 unchanged lines
    body.insert(10, f'GITHUB_TOKEN = "{GH}"\n')  # a second hunk 5 lines further down
    added = commit_file('dir é/app.py', ''.join(body), 'keys')
    git('notes', 'add', '-m', 'a note', cwd='.')
    if name == 'GIT_DIFF_OPTS':
        monkeypatch.setenv(name, value)
    else:
        key, _, setting = value.partition('=')
        git('config', key, setting, cwd='.')
    code, doc = scan_json('--history')
    assert code == 1, doc
    assert found(doc) == [('aws-access-key-id', 'dir é/app.py', 5), ('github-pat-classic', 'dir é/app.py', 11)]
    assert {f['commit'] for f in doc['findings']} == {added}


def test_replace_refs_cannot_hide_a_commit(repo: str) -> None:
    """``refs/replace/*`` (fetched by a mirror clone) would show git another commit in its place."""
    commit_file('a.py', 'x = 1\n', 'start')
    leak = commit_file('a.py', f'x = 1\ntoken = "{GH}"\n', 'secret')
    git('checkout', '-q', 'HEAD~1', cwd='.')
    clean = commit_file('a.py', 'x = 1\ny = 2\n', 'harmless')
    git('checkout', '-q', 'main', cwd='.')
    git('replace', leak, clean, cwd='.')
    assert 'token' not in git('log', '-p', cwd='.').stdout  # what git shows by default
    code, doc = scan_json('--history')
    assert (code, [(f['path'], f['line'], f['commit']) for f in doc['findings']]) == (1, [('a.py', 2, leak)])


# -- merges: what a conflict resolution wrote is the merge's own ------------------------------------

def merge_with_conflict(resolution: str, *, extra: dict[str, str] | None = None) -> tuple[str, str]:
    """main and side both change line 2 of app.py; the merge resolves it with ``resolution``
    (and writes ``extra`` files). Returns (the commit before the branches, the merge)."""
    base = commit_file('app.py', 'A = 1\nB = 2\nC = 3\n', 'base')
    git('checkout', '-qb', 'side', cwd='.')
    commit_file('app.py', 'A = 1\nB = "side"\nC = 3\n', 'side')
    git('checkout', '-q', 'main', cwd='.')
    commit_file('app.py', 'A = 1\nB = "main"\nC = 3\n', 'main')
    assert git('merge', '-q', 'side', cwd='.', check=False).returncode != 0  # a conflict
    with open('app.py', 'w') as f:
        f.write(resolution)
    for name, content in (extra or {}).items():
        with open(name, 'w') as f:
            f.write(content)
    git('add', '-A', cwd='.')
    git('commit', '-qm', 'merge side', '--no-edit', cwd='.')
    return base, git('rev-parse', 'HEAD', cwd='.').stdout.strip()


def test_a_secret_written_while_resolving_a_merge_conflict_is_found(repo: str) -> None:
    base, merge = merge_with_conflict(f'A = 1\nB = "main"\nAWS_ACCESS_KEY_ID = "{AWS}"\nC = 3\n',
                                      extra={'notes.txt': f'token = "{GH}"\n'})
    for args in (('--history',), ('--since', base)):
        code, doc = scan_json(*args)
        assert code == 1, args
        assert sorted((f['rule'], f['path'], f['line'], f['commit']) for f in doc['findings']) == [
            ('aws-access-key-id', 'app.py', 3, merge), ('github-pat-classic', 'notes.txt', 1, merge),
        ], args


def test_a_merge_reports_nothing_a_parent_already_had(repo: str) -> None:
    base = commit_file('a.py', 'x = 1\n', 'base')
    git('checkout', '-qb', 'feature', cwd='.')
    side = commit_file('b.py', f'token = "{GH}"\n', 'secret on a branch')
    git('checkout', '-q', 'main', cwd='.')
    commit_file('c.py', 'y = 2\n', 'main moves on')
    git('merge', '-q', '--no-edit', 'feature', cwd='.')
    # a conflict resolved by keeping both sides: every line comes from a parent
    _, merge = merge_with_conflict('A = 1\nB = "main"\nB = "side"\nC = 3\n')
    code, doc = scan_json('--since', base)
    assert [(f['path'], f['commit']) for f in doc['findings']] == [('b.py', side)]
    assert merge not in {f['commit'] for f in doc['findings']}


# -- each added line is judged in the context its file gives it -------------------------------------

def test_a_next_line_pragma_covers_only_the_next_line_of_the_file(repo: str) -> None:
    """The pragma is added above a line that was already there; the key 38 lines below it is the
    next *added* line, but not the next line of the file."""
    body = [f'line_{n} = {n}\n' for n in range(1, 60)]
    commit_file('conf.py', ''.join(body), 'start')
    body.insert(5, '# leakstop: allow-next-line (line_6 is not a secret)\n')
    body.insert(44, f'AWS_ACCESS_KEY_ID = "{AWS}"\n')
    added = commit_file('conf.py', ''.join(body), 'pragma and a key')
    code, doc = scan_json('--history')
    assert code == 1
    assert [(f['rule'], f['line'], f['commit']) for f in doc['findings']] == [('aws-access-key-id', 45, added)]
    git('commit', '-q', '--amend', '-m', 'same, staged', cwd='.')
    git('reset', '-q', '--soft', 'HEAD~1', cwd='.')
    code, staged = scan_json('--staged')
    assert [(f['rule'], f['line']) for f in staged['findings']] == [('aws-access-key-id', 45)]


def test_a_same_line_pragma_covers_only_its_own_line(repo: str) -> None:
    commit_file('a.py', 'x = 1\ny = 2\nz = 3\n', 'start')
    added = commit_file('a.py', f'x = 1\nok = "{NPM}"  # leakstop: allow\ny = 2\nz = 3\nt = "{GH}"\n', 'two tokens')
    code, doc = scan_json('--history')
    assert [(f['rule'], f['line'], f['commit']) for f in doc['findings']] == [('github-pat-classic', 5, added)]


def test_a_pragma_already_in_the_file_applies_as_it_does_to_staged(repo: str) -> None:
    commit_file('a.py', '# leakstop: allow-next-line\nexample = None\nother = None\n', 'start')
    commit_file('a.py', f'# leakstop: allow-next-line\nexample = "{GH}"\nother = None\n', 'fill in the example')
    code, doc = scan_json('--history')
    assert (code, doc['findings']) == (0, [])


def b64(text: str) -> str:
    import base64
    return base64.b64encode(text.encode()).decode()


def test_a_new_entry_in_an_existing_kubernetes_secret_is_decoded(repo: str) -> None:
    manifest = ['apiVersion: v1\n', 'kind: Secret\n', 'metadata:\n', '  name: app\n', 'type: Opaque\n',
                'data:\n', f'  region: {b64("eu-west-1")}\n']
    base = commit_file('deploy/secret.yaml', ''.join(manifest), 'manifest')
    manifest.append(f'  token: {b64(GH)}\n')
    added = commit_file('deploy/secret.yaml', ''.join(manifest), 'add a token')
    git('add', '.', cwd='.')
    code, staged = scan_json('--all')
    assert [(f['rule'], f['line']) for f in staged['findings']] == [('github-pat-classic', 8)]
    for args in (('--history',), ('--since', base)):
        code, doc = scan_json(*args)
        assert code == 1, args
        assert [(f['rule'], f['path'], f['line'], f['commit']) for f in doc['findings']] == [
            ('github-pat-classic', 'deploy/secret.yaml', 8, added)], args
        assert 'Kubernetes Secret' in doc['findings'][0]['description']


def test_cr_only_line_endings_lose_nothing(repo: str) -> None:
    """git sees one line where leakstop reads five: every finding of the file counts."""
    commit_bytes({'old.cfg': b'a = 1\rb = 2\r'}, 'start')
    added = commit_bytes({'old.cfg': f'a = 1\rb = 2\rc = 3\rd = 4\rAWS_ACCESS_KEY_ID = "{AWS}"\r'.encode()}, 'key')
    code, doc = scan_json('--history')
    assert (code, [(f['rule'], f['line'], f['commit']) for f in doc['findings']]) == (1, [('aws-access-key-id', 5, added)])


def test_submodules_and_symlinks_are_not_read_as_files(repo: str) -> None:
    """A gitlink's id is a commit of another repository: asking cat-file for it would be an error."""
    commit_file('a.py', 'x = 1\n', 'start')
    for sha in ('1' * 40, '2' * 40):
        git('update-index', '--add', '--cacheinfo', f'160000,{sha},vendor/sub', cwd='.')
        git('commit', '-qm', 'submodule', cwd='.')
    os.symlink('a.py', 'link')
    git('add', 'link', cwd='.')
    git('commit', '-qm', 'link', cwd='.')
    out = subprocess.run([sys.executable, '-m', 'leakstop.cli', 'scan', '--history'], capture_output=True, text=True)
    assert (out.returncode, out.stderr) == (0, '')


def test_a_secret_already_in_the_file_is_not_reported_again_for_an_edit_nearby(repo: str) -> None:
    first = commit_file('a.py', f'x = 1\ntoken = "{GH}"\ny = 2\n', 'secret')
    commit_file('a.py', f'x = 10\ntoken = "{GH}"\ny = 20\n', 'edit the lines around it')
    code, doc = scan_json('--history')
    assert [(f['line'], f['commit']) for f in doc['findings']] == [(2, first)]


# -- partial clones: nothing is fetched; what is missing is said --------------------------------------

def missing_objects(path: str) -> set[str]:
    out = git('rev-list', '--objects', '--all', '--missing=print', cwd=path).stdout
    return {line[1:] for line in out.splitlines() if line.startswith('?')}


def test_a_partial_clone_is_scanned_without_fetching_and_missing_blobs_are_errors(
        repo: str, tmp_path: object, monkeypatch: pytest.MonkeyPatch,
) -> None:
    old = commit_file('a.py', f'token = "{GH}"\n', 'secret')
    commit_file('a.py', 'token = None\n', 'removed')
    head = commit_file('b.py', f'AWS_ACCESS_KEY_ID = "{AWS}"\n', 'another')
    git('config', 'uploadpack.allowFilter', 'true', cwd=repo)
    clone = os.path.join(str(tmp_path), 'partial')
    git('clone', '-q', '--filter=blob:none', f'file://{repo}', clone, cwd=str(tmp_path))
    missing = missing_objects(clone)
    assert len(missing) == 1  # the first a.py: history blobs stay on the server
    monkeypatch.chdir(clone)
    out = subprocess.run([sys.executable, '-m', 'leakstop.cli', 'scan', '--history', '--format', 'json'],
                         capture_output=True, text=True)
    assert missing_objects(clone) == missing  # nothing was fetched
    assert out.returncode == 2  # could not scan everything
    doc = json.loads(out.stdout)
    assert [(f['rule'], f['path'], f['commit']) for f in doc['findings']] == [('aws-access-key-id', 'b.py', head)]
    (blob,) = missing
    assert out.stderr.splitlines() == [f'{old[:12]}:a.py: error: blob {blob} is missing from the repository (not fetched)']


def test_scan_all_in_a_partial_clone_does_not_fetch_either(repo: str, tmp_path: object, monkeypatch: pytest.MonkeyPatch) -> None:
    commit_file('a.py', f'token = "{GH}"\n', 'secret')
    git('config', 'uploadpack.allowFilter', 'true', cwd=repo)
    clone = os.path.join(str(tmp_path), 'partial')
    git('clone', '-q', '--filter=blob:none', '--no-checkout', f'file://{repo}', clone, cwd=str(tmp_path))
    git('read-tree', 'HEAD', cwd=clone)  # an index whose blobs the clone does not have
    (blob,) = missing = missing_objects(clone)
    monkeypatch.chdir(clone)
    out = subprocess.run([sys.executable, '-m', 'leakstop.cli', 'scan', '--all'], capture_output=True, text=True)
    assert missing_objects(clone) == missing
    assert (out.returncode, out.stderr.splitlines()) == (
        2, [f'a.py: error: blob {blob} is missing from the repository (not fetched)'])


# -- memory: large blobs go through the bounded windows files are scanned in --------------------------

def test_a_large_blob_in_history_is_streamed_memory_stays_bounded(
        tmp_path: object, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
) -> None:
    """Peak memory (Python's) does not grow with the blob: a blob three times larger costs the same."""
    import tracemalloc
    monkeypatch.delenv('GITHUB_ACTIONS', raising=False)
    monkeypatch.setattr(history, 'CHUNK_SIZE', 512 * 1024)  # what 32 MiB is to a 100 MB file, in less time
    row = b'1234,some name,0.5,a comment for this row of data\n'
    peaks = []
    for megabytes in (6, 18):
        monkeypatch.chdir(init_repo(os.path.join(str(tmp_path), f'repo{megabytes}')))
        body = row * (megabytes * 1024 * 1024 // len(row))
        commit_bytes({'data.csv': body + f'aws_access_key_id = {AWS}\n'.encode() + row * 10}, 'big')
        commit_bytes({'data.csv': body + f'aws_access_key_id = {AWS}\ntoken = {GH}\n'.encode() + row * 10}, 'bigger')
        tracemalloc.start()
        try:
            code = cli.main(['scan', '--history', '--format', 'json'])
            peaks.append(tracemalloc.get_traced_memory()[1])
        finally:
            tracemalloc.stop()
        doc = json.loads(capsys.readouterr().out)
        line = body.count(b'\n') + 1
        assert code == 1
        assert sorted((f['rule'], f['path'], f['line']) for f in doc['findings']) == [
            ('aws-access-key-id', 'data.csv', line), ('github-pat-classic', 'data.csv', line + 1)]
    small, large = peaks
    # the 18 MB run's peak is the 6 MB run's (no growth with the blob), and well under the blob it would hold if
    # it were read whole; what is left is the fixed cost of the compiled rules and vocabularies (9.5 MB)
    assert large < 1.25 * small and large < 0.75 * 18 * 1024 * 1024, f'peaks {small / 1e6:.1f} and {large / 1e6:.1f} MB'


def test_a_large_blob_reads_a_utf16_line_the_block_edge_cuts(
        tmp_path: object, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
) -> None:
    """Thirteenth hostile review, break 04, through history: a UTF-16LE line (PowerShell 5's ``>>``) in a UTF-8 blob
    larger than a block, cut by the block's end, is found where the blob read whole finds it."""
    monkeypatch.delenv('GITHUB_ACTIONS', raising=False)
    monkeypatch.chdir(init_repo(os.path.join(str(tmp_path), 'repo')))
    chunk = 64 * 1024
    line = f'GITHUB_TOKEN={GH}\r\n'.encode('utf-16-le')
    head = (b'# build log line, nothing to see here\n' * (chunk // 38 + 1))[:chunk - 30]
    commit_bytes({'build.log': head + b'\n' + line + b'done\n'}, 'log')  # the edge after the token's `gh`
    found = []
    for size in (chunk, 2 * chunk):  # streamed in blocks, read whole
        monkeypatch.setattr(history, 'CHUNK_SIZE', size)
        assert cli.main(['scan', '--history', '--format', 'json']) == 1
        found.append([(f['rule'], f['line'], f['column']) for f in json.loads(capsys.readouterr().out)['findings']])
    assert found[0] == found[1] and [rule for rule, _, _ in found[0]] == ['github-pat-classic']


# -- synthetic history (git fast-import) ----------------------------------------------------------

def fast_import_stream(commits: int, *, files: int = 50, secrets: dict[int, str] | None = None) -> Iterable[bytes]:
    """A fast-import stream: ``commits`` commits on main, each rewriting one of ``files`` modules
    (a line changed, a line added), plus ``secrets``: commit number -> a line to add in secrets.py."""
    secrets = secrets or {}
    bodies = [[f'# module {k}\n', 'VALUE = 0\n'] for k in range(files)]
    for n in range(1, commits + 1):
        k = n % files
        body = bodies[k]
        body[1] = f'VALUE = {n}\n'
        body.append(f'def f{n}(x):\n    return x * {n}\n')
        if len(body) > 60:
            del body[2:4]
        content = ''.join(body).encode()
        message = f'commit {n}\n'.encode()
        when = 1_700_000_000 + n * 60
        out = [
            b'commit refs/heads/main\n', f'mark :{n}\n'.encode(),
            f'author Dev <dev@example.invalid> {when} +0000\n'.encode(),
            f'committer Dev <dev@example.invalid> {when} +0000\n'.encode(),
            f'data {len(message)}\n'.encode(), message,
        ]
        if n > 1:
            out.append(f'from :{n - 1}\n'.encode())
        out.append(f'M 100644 inline src/mod{k}.py\ndata {len(content)}\n'.encode() + content + b'\n')
        if n in secrets:
            extra = f'# generated\n{secrets[n]}\n'.encode()
            out.append(f'M 100644 inline secrets.py\ndata {len(extra)}\n'.encode() + extra + b'\n')
        yield b''.join(out)


def make_history(path: str, commits: int, *, secrets: dict[int, str] | None = None) -> str:
    init_repo(path)
    proc = subprocess.Popen(('git', 'fast-import', '--quiet'), cwd=path, stdin=subprocess.PIPE)
    assert proc.stdin is not None
    for chunk in fast_import_stream(commits, secrets=secrets):
        proc.stdin.write(chunk)
    proc.stdin.close()
    assert proc.wait() == 0
    git('reset', '-q', '--hard', 'main', cwd=path)
    return path


def test_synthetic_history_finds_exactly_the_planted_secrets(tmp_path: object, monkeypatch: pytest.MonkeyPatch) -> None:
    path = make_history(os.path.join(str(tmp_path), 'big'), 400, secrets={
        17: f'AWS_ACCESS_KEY_ID = "{AWS}"', 250: f'GITHUB_TOKEN = "{GH}"', 399: 'password = os.environ["PW"]',
    })
    monkeypatch.chdir(path)
    code, doc = scan_json('--history')
    assert code == 1
    found = {(f['rule'], f['path'], f['line']) for f in doc['findings']}
    assert found == {('aws-access-key-id', 'secrets.py', 2), ('github-pat-classic', 'secrets.py', 2)}
    subjects = {
        f['commit']: git('log', '-1', '--format=%s', f['commit'], cwd=path).stdout.strip() for f in doc['findings']
    }
    assert sorted(subjects.values()) == ['commit 17', 'commit 250']
    code, doc = scan_json('--since', 'HEAD~100')
    assert [f['rule'] for f in doc['findings']] == []
    code, doc = scan_json('--since', 'HEAD~200')
    assert [f['rule'] for f in doc['findings']] == ['github-pat-classic']


def bench(commits: int) -> None:  # pragma: no cover (run by hand)
    import tempfile
    with tempfile.TemporaryDirectory() as tmp:
        t0 = time.perf_counter()
        path = make_history(os.path.join(tmp, 'repo'), commits, secrets={commits // 2: f'AWS_ACCESS_KEY_ID = "{AWS}"'})
        t1 = time.perf_counter()
        log = subprocess.run(('git', 'log', '-p', '--unified=0', '--format=%H', 'HEAD'), cwd=path, capture_output=True)
        t2 = time.perf_counter()
        scan = subprocess.run([sys.executable, '-m', 'leakstop.cli', 'scan', '--history', '--format', 'json'],
                              cwd=path, capture_output=True, text=True)
        t3 = time.perf_counter()
        found = len(json.loads(scan.stdout)['findings'])
        print(f'{commits} commits: fast-import {t1 - t0:.2f} s, git log -p alone {t2 - t1:.2f} s '
              f'({len(log.stdout) / 1e6:.1f} MB), leakstop scan --history {t3 - t2:.2f} s, {found} finding(s)')


if __name__ == '__main__':  # pragma: no cover
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    bench(int(sys.argv[1]) if len(sys.argv) > 1 else 10_000)


def _leakstop(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, '-m', 'leakstop.cli', *args], capture_output=True, text=True)


def test_history_findings_can_be_baselined_and_survive_git_rm(repo: str) -> None:
    """Issue 14 #2: `scan --history` tells the user to update the baseline, and `baseline update
    --history` records what history holds; after `git rm` of a reviewed file a plain `baseline update`
    keeps its entries, so the history job keeps passing. A secret added later still fails it."""
    commit_file('old/settings.py', f'KEY = "{AWS}"\n')
    commit_file('app.py', 'x = 1\n')
    git('rm', '-q', 'old/settings.py', cwd='.')
    git('commit', '-qm', 'remove', cwd='.')
    assert _leakstop('scan', '--history').returncode == 1
    done = _leakstop('baseline', 'update', '--history')
    assert done.returncode == 0, done.stderr
    assert '1 added' in done.stdout
    assert _leakstop('scan', '--history').returncode == 0
    assert _leakstop('baseline', 'update').returncode == 0  # the file is gone from the tree: its entry stays
    assert _leakstop('scan', '--history').returncode == 0
    assert _leakstop('baseline', 'update', '--history', 'app.py').returncode == 2  # paths or history, not both
    commit_file('app.py', f'TOKEN = "{GH}"\n')
    result = _leakstop('scan', '--history')
    assert result.returncode == 1 and 'app.py:1:' in result.stdout and 'settings.py' not in result.stdout


def test_leakstop_s_own_json_report_is_imported_into_the_baseline(repo: str) -> None:
    """Issue 14 #2: `baseline import` took every other scanner's report but refused leakstop's own. The
    JSON of `scan --history` is imported as it is (no file read): the history job then passes."""
    commit_file('old/settings.py', f'KEY = "{AWS}"\n')
    git('rm', '-q', 'old/settings.py', cwd='.')
    git('commit', '-qm', 'remove', cwd='.')
    report = _leakstop('scan', '--history', '--format', 'json', '--output', 'history.json')
    assert report.returncode == 1, report.stderr
    done = _leakstop('baseline', 'import', 'history.json')
    assert done.returncode == 0 and 'imported 1 finding(s)' in done.stdout and 'leakstop JSON report' in done.stdout
    assert _leakstop('scan', '--history').returncode == 0


# -- one scan per blob; what a commit adds is what its blobs have that its parents' did not -------------

def test_each_blob_is_scanned_once_and_a_revert_reports_again(repo: str, monkeypatch: pytest.MonkeyPatch) -> None:
    scanned: list[str] = []
    whole = history.BlobScanner.whole

    def counting(self: history.BlobScanner, data: bytes, display: str) -> tuple:  # type: ignore[type-arg]
        scanned.append(display)
        return whole(self, data, display)
    monkeypatch.setattr(history.BlobScanner, 'whole', counting)
    leaky = f'token = "{GH}"\nx = 1\n'
    first = commit_file('a.py', leaky, 'secret')
    commit_file('a.py', 'x = 1\n', 'removed')
    again = commit_file('a.py', leaky, 'revert: the same blob as the first')
    commit_file('a.py', leaky + 'y = 2\n', 'an edit below it')
    assert cli.main(['scan', '--history', '--format', 'json', '--jobs', '1']) == 1
    # four versions of a.py, three distinct blobs; the parents' versions are not read again
    assert sorted(scanned) == ['a.py', 'a.py', 'a.py']
    code, doc = scan_json('--history')
    assert [(f['path'], f['line'], f['commit']) for f in doc['findings']] == [('a.py', 1, again), ('a.py', 1, first)]


def test_a_moved_secret_is_not_reported_again_even_where_git_sees_no_rename(repo: str) -> None:
    first = commit_file('old/a.py', f'token = "{GH}"\n' + ''.join(f'a{n} = {n}\n' for n in range(30)), 'secret')
    os.makedirs('new', exist_ok=True)
    git('mv', 'old/a.py', 'new/b.py', cwd='.')
    with open('new/b.py', 'w') as f:  # nothing else in common: git's rename detection would not pair them
        f.write(''.join(f'b{n} = "{n}"\n' for n in range(30)) + f'token = "{GH}"\n')
    git('add', '-A', cwd='.')
    git('commit', '-qm', 'move and rewrite', cwd='.')
    assert 'R' not in git('show', '--format=', '--name-status', '-M', 'HEAD', cwd='.').stdout.split()
    code, doc = scan_json('--history')
    assert (code, [(f['path'], f['line'], f['commit']) for f in doc['findings']]) == (1, [('old/a.py', 1, first)])
    copied = commit_file('copy.py', f'token = "{GH}"\n', 'a copy beside the original is another file holding it')
    code, doc = scan_json('--since', 'HEAD~1')
    assert [(f['path'], f['commit']) for f in doc['findings']] == [('copy.py', copied)]


def test_a_secret_moved_out_of_an_allowlisted_or_excluded_path_is_reported(repo: str) -> None:
    """Eighth hostile review (break 03): a token in an allowlisted path (a fixture) and one in an
    excluded one (vendored), each moved into a scanned path (git mv, or delete + add: git log is read with
    --no-renames). Their deleted copies were never reported, so they explain nothing: the commit that
    moves them reports both, as scan --all does on its tree."""
    with open('.leakstop.toml', 'w') as f:
        f.write('[allowlist]\npaths = ["tests/fixtures/**"]\n')
    git('add', '.leakstop.toml', cwd='.')
    commit_file('tests/fixtures/tok.txt', f'token = "{GH}"\n', 'a fixture')
    commit_file('vendor/lib.txt', f'token = "{GH2}"\n', 'a vendored file')
    os.makedirs('src', exist_ok=True)
    git('mv', 'tests/fixtures/tok.txt', 'src/tok.txt', cwd='.')
    git('mv', 'vendor/lib.txt', 'src/lib.txt', cwd='.')
    git('commit', '-qm', 'use them for real', cwd='.')
    moved = git('rev-parse', 'HEAD', cwd='.').stdout.strip()
    code, doc = scan_json('--history', '--exclude', 'vendor/')
    assert (code, sorted((f['path'], f['line'], f['commit']) for f in doc['findings'])) == (
        1, [('src/lib.txt', 1, moved), ('src/tok.txt', 1, moved)])
    code, doc = scan_json('--all', '--exclude', 'vendor/')
    assert sorted((f['path'], f['line']) for f in doc['findings']) == [('src/lib.txt', 1), ('src/tok.txt', 1)]


def test_many_blobs_are_scanned_by_worker_processes_with_the_same_result(
        repo: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
) -> None:
    """Blobs and commits' messages alike: the workers scan both (a message was scanned after them, in one process)."""
    monkeypatch.setattr(history, '_PARALLEL', 2)
    for n in range(12):
        commit_file(f'm{n}.py', f'value = {n}\n' + (f'AWS_ACCESS_KEY_ID = "{AWS}"\n' if n == 7 else ''),
                    f'module {n}\n\nnpm token {NPM}\n' if n == 9 else f'module {n}')
    told = git('rev-parse', 'HEAD~2', cwd='.').stdout.strip()
    reports = []
    for jobs in ('1', '2'):
        assert cli.main(['scan', '--history', '--format', 'json', '--jobs', jobs]) == 1
        reports.append([(f['path'], f['line'], f['rule'], f['commit']) for f in json.loads(capsys.readouterr().out)['findings']])
    assert reports[0] == reports[1]
    assert [r[:3] for r in reports[0]] == [(history.MESSAGE_PATH, 3, 'npm-access-token'), ('m7.py', 2, 'aws-access-key-id')]
    assert reports[0][0][3] == told


# -- --all-refs: every branch and tag --------------------------------------------------------------

def test_all_refs_scans_every_branch_and_tag(repo: str, capsys: pytest.CaptureFixture[str]) -> None:
    commit_file('a.py', 'x = 1\n', 'start')
    git('checkout', '-qb', 'feature', cwd='.')
    branch = commit_file('b.py', f'token = "{GH}"\n', 'on a branch')
    git('checkout', '-q', '--detach', 'main', cwd='.')
    tagged = commit_file('c.py', f'npm = "{NPM}"\n', 'only a tag reaches this')
    git('tag', 'v-leak', cwd='.')
    git('checkout', '-q', 'main', cwd='.')
    code, doc = scan_json('--history')
    assert (code, doc['findings']) == (0, [])
    code, doc = scan_json('--history', '--all-refs')
    assert code == 1
    assert sorted((f['path'], f['commit']) for f in doc['findings']) == [('b.py', branch), ('c.py', tagged)]
    for args in (['scan', '--all-refs'], ['scan', '--since', 'HEAD', '--all-refs'], ['scan', '--all', '--all-refs']):
        assert cli.main(args) == 2, args
        assert '--all-refs goes with --history' in capsys.readouterr().err
    assert _leakstop('baseline', 'update', '--history', '--all-refs').returncode == 0
    code, doc = scan_json('--history', '--all-refs')
    assert (code, doc['findings']) == (0, [])


# -- what a finding says about its commit ----------------------------------------------------------

def in_files(doc: dict) -> list[dict]:  # type: ignore[type-arg]
    """The findings of a JSON report in files (a token in a subject is also a finding of the message)."""
    return [f for f in doc['findings'] if f['path'] != history.MESSAGE_PATH]


def in_files_sarif(text: str) -> list[dict]:  # type: ignore[type-arg]
    return [r for r in json.loads(text)['runs'][0]['results']
            if r['locations'][0]['physicalLocation']['artifactLocation']['uri'] != history.MESSAGE_PATH]


def test_findings_carry_the_commit_subject_with_secrets_in_it_redacted(repo: str) -> None:
    subject = f'Configure the deploy client (old token {GH} revoked)'
    added = commit_file('deploy.py', f'AWS_ACCESS_KEY_ID = "{AWS}"\n', f'{subject}\n\nThe body is not reported.\n',
                        date='2024-05-06T07:08:09+02:00')
    shown = f'Configure the deploy client (old token {GH[:4]}… revoked)'
    code, doc = scan_json('--history')
    assert code == 1
    (finding,) = in_files(doc)
    assert (finding['commit'], finding['date'], finding['subject']) == (added, '2024-05-06T07:08:09+02:00', shown)
    assert [(f['path'], f['line'], f['subject']) for f in doc['findings'] if f not in in_files(doc)] == [
        (history.MESSAGE_PATH, 1, shown)]  # the subject's token is the message's finding too
    sarif = _leakstop('scan', '--history', '--format', 'sarif')
    assert sarif.returncode == 1 and GH not in sarif.stdout and AWS not in sarif.stdout
    (result,) = in_files_sarif(sarif.stdout)
    assert result['properties'] == {'commit': added, 'date': '2024-05-06T07:08:09+02:00', 'subject': shown}


def _assert_subject_redacted(added: str, args: Sequence[str]) -> None:
    """The one finding of a history scan with ``args`` is in ``added``, its subject `rotate <GH>` shown redacted in JSON
    and in SARIF."""
    code, doc = scan_json('--history', *args)
    assert code == 1
    (finding,) = in_files(doc)
    assert (finding['commit'], finding['subject']) == (added, f'rotate {GH[:4]}…')
    sarif = _leakstop('scan', '--history', '--format', 'sarif', *args)
    assert sarif.returncode == 1 and GH[4:] not in sarif.stdout
    (result,) = in_files_sarif(sarif.stdout)
    assert result['properties']['subject'] == f'rotate {GH[:4]}…'


@pytest.mark.parametrize('selection', [
    ['--enable-only', 'aws-access-key-id'], ['--disable-rule', 'github-pat-classic'], ['--config', 'only-aws.toml'],
])
def test_a_subject_is_redacted_with_every_rule_whatever_the_selection(repo: str, selection: list[str]) -> None:
    """Fifth hostile review (break 17): a subject was redacted only with the rules that ran: with GitHub's rule
    not selected, its token in a subject was printed whole (JSON, SARIF)."""
    with open('only-aws.toml', 'w') as f:
        f.write('enable_only = ["aws-access-key-id"]\n')
    added = commit_file('deploy.py', f'AWS_ACCESS_KEY_ID = "{AWS}"\n', f'rotate {GH}\n')
    _assert_subject_redacted(added, selection)



@pytest.mark.parametrize('setting', [['--disable-rule', 'github-pat-classic'], ['--config', 'allowed.toml'], []])
def test_a_subject_is_redacted_in_its_decoded_views_whatever_the_settings(repo: str, setting: list[str]) -> None:
    """Eleventh hostile review, break 06: a subject was redacted with every rule over its raw text only, and with the
    decoded views only by the rules that ran and through the allowlist: a token written with a JSON escape
    (`rotate ghp\\u005f…`) was shown whole with its rule disabled, or with `[allowlist] values` matching it."""
    with open('allowed.toml', 'w') as f:
        f.write(f'[allowlist]\nvalues = ["^{GH}$"]\n')
    escaped = GH.replace('_', '\\u005f', 1)
    added = commit_file('deploy.py', f'AWS_ACCESS_KEY_ID = "{AWS}"\n', f'rotate {escaped}\n')
    _assert_subject_redacted(added, setting)


@pytest.mark.parametrize('message', [
    'enable secret {p}\nset on the core router', 'requirepass {p}\nfor the cache',
    'line vty 0 4\n password {p}\n', 'radius server ISE1\n address ipv4 10.1.1.1\n key {p}\n',
], ids=['enable-secret', 'requirepass', 'line-block', 'server-block'])
def test_a_subject_of_a_first_paragraph_over_lines_is_redacted_with_the_message_secrets(repo: str, message: str) -> None:
    """Thirty-fourth hostile review, break 01: git's subject (%s) joins the first paragraph's lines; a rule that reads
    to a line's end or over lines found nothing in the joined subject, while the message, scanned as written, was a
    finding: its commit reported, the subject printed with the secret whole (JSON, SARIF)."""
    password = fakes.rand(fakes.ALNUM, 16, 'subject-over-lines')
    added = commit_file('notes.txt', 'nothing here\n', message.format(p=password))
    code, doc = scan_json('--history')
    assert code == 1
    subjects = {f['subject'] for f in doc['findings'] if f['commit'] == added}
    assert subjects and all(password not in s and password[:4] in s for s in subjects), subjects
    sarif = _leakstop('scan', '--history', '--format', 'sarif')
    assert sarif.returncode == 1 and password not in sarif.stdout


def _key_base64_lines(seed: str) -> list[str]:
    """The base64 of a PEM private key (fake), wrapped at 76 characters as a commit message would carry it."""
    import base64
    der = fakes.der_private_key(seed=seed)
    pem = '-----BEGIN PRIVATE KEY-----\n' + '\n'.join(der[i:i + 64] for i in range(0, len(der), 64)) + '\n-----END PRIVATE KEY-----\n'
    encoded = base64.b64encode(pem.encode()).decode()
    return [encoded[i:i + 76] for i in range(0, len(encoded), 76)]


def _assert_key_lines_redacted(added: str, lines: list[str]) -> None:
    """``--history`` reports the commit ``added`` and shows none of ``lines`` in its subjects, in JSON or SARIF."""
    code, doc = scan_json('--history')
    assert code == 1
    subjects = {f['subject'] for f in doc['findings'] if f['commit'] == added}
    assert subjects and all(line[8:40] not in subject for subject in subjects for line in lines), subjects
    sarif = _leakstop('scan', '--history', '--format', 'sarif')
    assert sarif.returncode == 1 and not any(line[8:40] in sarif.stdout for line in lines)


def test_a_secret_written_over_the_lines_of_a_subject_is_redacted(repo: str) -> None:
    """Thirty-fifth hostile review, break 01: a secret written over lines of the first paragraph (the base64 of a key
    as `base64` wraps it) stands in git's subject with spaces for its line breaks, where no rule finds it, and the
    thirty-fourth's fix redacted a message's secrets only where they stood as found: the subject was shown whole."""
    lines = _key_base64_lines('subject-lines')
    added = commit_file('notes.txt', 'nothing here\n', '\n'.join(lines) + '\n')
    _assert_key_lines_redacted(added, lines)


@pytest.mark.parametrize('opening', ['backup key ', 'backup key\f', 'backup key\v', '\f\nbackup key', '\v \nbackup key'],
                         ids=['blank', 'form-feed', 'vertical-tab', 'form-feed-line', 'vertical-tab-line'])
def test_a_secret_over_the_subject_lines_is_redacted_whatever_blanks_end_them(repo: str, opening: str) -> None:
    """Thirty-sixth hostile review, break 02: git's subject strips a line's trailing blanks as git's ``isspace`` reads
    them (space, tab, CR, LF), Python's ``bytes.rstrip`` also strips a form feed or a vertical tab: with a line
    `backup key\\f` before the wrapped base64 of a key, the subject rebuilt from the message was not git's, no span was
    redacted, and the key was shown whole in JSON and SARIF (a line of only `\\f` is no blank line for git either)."""
    lines = _key_base64_lines('subject-form-feed')
    with open('notes.txt', 'w') as f:
        f.write('nothing here\n')
    with open('message', 'w') as f:
        f.write(opening + '\n' + '\n'.join(lines) + '\n')
    git('add', 'notes.txt', cwd='.')
    git('commit', '-q', '--cleanup=verbatim', '-F', 'message', cwd='.')
    added = git('rev-parse', 'HEAD', cwd='.').stdout.strip()
    _assert_key_lines_redacted(added, lines)


def test_subject_spans_follow_git_blanks_and_cover_the_whole_subject_when_it_is_not_the_paragraph() -> None:
    """Thirty-sixth hostile review, break 02: the subject is mapped onto its paragraph as git joins it (a form feed
    or vertical tab ends a line's text and a line of one is not blank); where the mapping fails (a subject that is not
    the paragraph: a NUL, a re-encoding), the whole subject is redacted when the message holds a secret, not nothing."""
    secret = fakes.rand(fakes.ALNUM, 40, 'subject-spans')
    message = f'\f\nkey\v\n{secret[:20]}\n{secret[20:]}\x0c\n\nbody\n'.encode()
    found = [history.Finding(path='m', line=3, column=1, rule_id='r', description='d', secret=secret,
                             start=message.index(secret[:20].encode()), end=message.index(secret[20:].encode()) + 20)]
    subject = f'\f key\v {secret[:20]} {secret[20:]}\x0c'.encode()
    assert history.subject_spans(message, subject, found) == [(subject.index(secret[:20].encode()),
                                                               subject.index(secret[20:].encode()) + 20, secret)]
    other = b'not the paragraph ' + secret[:20].encode()
    (span,) = history.subject_spans(message, other, found)
    assert span[:2] == (0, len(other))
    assert history.subject_spans(message, other, []) == []


def test_a_subject_of_many_tokens_is_redacted_in_time_linear_in_it() -> None:
    """Thirty-sixth hostile review, break 05: a one-paragraph message of 1,000 tokens (41 KB) took 16-22 s of
    ``scan --history``: ``files.name_parts`` made a part from each ``_`` of the subject to its end, where each token was
    found and confirmed again, and ``subject_spans`` looked at every byte of the subject for each finding."""
    from timing import assert_grows_linearly
    from leakstop.config import config_from_table
    every = ruleset_for(config_from_table({}, '(test)', None), every_rule=True)

    def message(size: int) -> bytes:
        return ('rotate ' + ' '.join(fakes.github('ghp', seed=('many', n)) for n in range(size // 41)) + '\n').encode()

    def shown(data: bytes) -> None:
        subject = data.decode().rstrip('\n')
        assert GH[4:] not in history.shown_subject(data, subject, every)
    short = message(4000)
    assert fakes.github('ghp', seed=('many', 7))[4:] not in history.shown_subject(short, short.decode().strip(), every)
    assert_grows_linearly(shown, message, 4000, 16000)


def test_a_subject_naming_a_file_with_a_token_after_an_underscore_is_redacted(repo: str) -> None:
    """Eighth hostile review, break 09 (a sibling): a subject naming the file (``remove backup_<token>.txt``)
    printed the token whole, as the file's path was."""
    commit_file('deploy.py', f'AWS_ACCESS_KEY_ID = "{AWS}"\n', f'remove backup_{GH}.txt and {GH2}_old\n')
    code, doc = scan_json('--history')
    assert code == 1
    (finding,) = in_files(doc)
    assert finding['subject'] == f'remove backup_{GH[:4]}….txt and {GH2[:4]}…_old'


def test_a_subject_token_after_an_escape_sequence_is_redacted(repo: str) -> None:
    """Fifth hostile review (break 01): no rule found a token right after ESC 7 (`tput sc`), so a subject
    `deploy ESC 7 <token>` was printed whole."""
    commit_file('deploy.py', f'AWS_ACCESS_KEY_ID = "{AWS}"\n', f'deploy \x1b7{GH} \x1b(B{GH2}\n')
    code, doc = scan_json('--history')
    assert code == 1
    (finding,) = in_files(doc)
    assert finding['subject'] == f'deploy \x1b7{GH[:4]}… \x1b(B{GH2[:4]}…'


@pytest.mark.parametrize('sequence', [
    '\x1b[' + ';'.join('12345678901234567') + 'm', '\x1b[' + '1;' * 40 + '7m', '\x1b[' + '0' * 30 + ' q',
    '\\x1b[' + '1;' * 20 + 'm', '\\033[' + '2;' * 20 + 'm', '\\e[' + '3;' * 20 + 'm', '\\u001b[' + '4;' * 20 + 'm',
    '\x9b' + '5;' * 20 + 'm', '\x1b]0;' + 'title;' * 10 + '\x07',
])
def test_a_subject_token_after_an_escape_sequence_of_any_length_is_redacted(repo: str, sequence: str) -> None:
    """The fifth review's "Left" item, re-confirmed by the sixth: the token guard admits control sequences of up
    to 16 parameter bytes, so with 17 a token after one was printed whole in a subject (JSON, SARIF, text)."""
    commit_file('deploy.py', f'AWS_ACCESS_KEY_ID = "{AWS}"\n', f'deploy {sequence}{GH} and {sequence}{GH2}\n')
    code, doc = scan_json('--history')
    assert code == 1
    (finding,) = in_files(doc)
    assert finding['subject'] == f'deploy {sequence}{GH[:4]}… and {sequence}{GH2[:4]}…'
    for fmt in ('sarif', 'text'):
        out = _leakstop('scan', '--history', '--format', fmt)
        assert out.returncode == 1 and GH[4:] not in out.stdout and GH2[4:] not in out.stdout


# -- history baselines survive git mv and git rm ---------------------------------------------------

def test_a_history_baseline_survives_git_mv_and_a_new_secret_still_fails(repo: str) -> None:
    """Issue 14: the CI history job passes after `baseline update --history`, keeps passing after the
    reviewed file is renamed (with or without edits) and removed, and fails on a new secret."""
    commit_file('old/settings.py', f'KEY = "{AWS}"\n' + ''.join(f'opt{n} = {n}\n' for n in range(20)), 'settings')
    assert _leakstop('scan', '--history').returncode == 1
    done = _leakstop('baseline', 'update', '--history')
    assert (done.returncode, '1 added' in done.stdout) == (0, True), done.stderr
    assert _leakstop('scan', '--history').returncode == 0
    git('mv', 'old/settings.py', 'settings.py', cwd='.')
    git('commit', '-qm', 'move it', cwd='.')
    passed = _leakstop('scan', '--history')
    assert (passed.returncode, passed.stdout) == (0, '')
    os.makedirs('conf', exist_ok=True)
    git('mv', 'settings.py', 'conf/app.py', cwd='.')
    with open('conf/app.py', 'w') as f:  # rewritten as it moves: git pairs nothing
        f.write('"""Settings."""\n' + ''.join(f'OPTION_{n} = "{n}"\n' for n in range(20)) + f'KEY = "{AWS}"\n')
    git('add', '-A', cwd='.')
    git('commit', '-qm', 'move and rewrite', cwd='.')
    passed = _leakstop('scan', '--history')
    assert (passed.returncode, passed.stdout) == (0, '')
    git('rm', '-q', 'conf/app.py', cwd='.')
    git('commit', '-qm', 'remove it', cwd='.')
    assert _leakstop('scan', '--history').returncode == 0
    leak = commit_file('app.py', f'x = 1\nTOKEN = "{GH}"\n', 'a new secret')
    failed = _leakstop('scan', '--history')
    assert failed.returncode == 1
    assert f'{leak[:12]}:app.py:2:10: github-pat-classic: ' in failed.stdout
    assert 'settings.py' not in failed.stdout and 'conf/app.py' not in failed.stdout


def test_the_blob_scanner_reaches_a_spawned_worker_as_its_settings(repo: str) -> None:
    """Where processes are spawned, not forked (Windows), the scanner is pickled: the compiled rules
    are not, they are loaded again from the settings."""
    import pickle
    from leakstop.config import load_config
    config = load_config(None)
    ruleset = ruleset_for(config)
    scanner = history.BlobScanner(ruleset=ruleset, config=config, hooks=filehooks.settings_for(config, ruleset),
                                  baseline=None, missing=frozenset({'f' * 40}))
    copy = pickle.loads(pickle.dumps(scanner))
    assert copy.missing == frozenset({'f' * 40}) and copy.baseline is None
    ((finding, known),) = copy.whole(f'token = "{GH}"\n'.encode(), 'a.py')
    assert (finding.rule_id, finding.line, known) == ('github-pat-classic', 1, False)


# -- a commit's message is the commit's own: a secret in it is a finding ---------------------------

def test_a_token_in_a_commit_message_is_a_finding_of_that_commit(repo: str, capsys: pytest.CaptureFixture[str]) -> None:
    """Tenth hostile review, break 19: a token in a commit's subject or body (`git commit -m "deploy with <token>"`),
    pushed with the commit, was never reported: the subject was searched only to redact it. A secret in the whole
    message is now a finding of that commit, at the pseudo-path `.git/COMMIT_EDITMSG` (git's own name for a message
    being written; no file git stores can have it), its line in the message; the baseline records it."""
    commit_file('a.py', 'x = 1\n', 'start')
    added = commit_file('b.py', 'y = 2\n', f'ci: deploy with {GH}\n\nThe body:\n  also {GH2}\n')
    for args in (['--history'], ['--since', 'HEAD~1']):
        code, doc = scan_json(*args)
        assert code == 1, args
        assert [(f['path'], f['line'], f['column'], f['rule'], f['commit'], f['redacted']) for f in doc['findings']] == [
            ('.git/COMMIT_EDITMSG', 1, 17, 'github-pat-classic', added, f'{GH[:4]}…'),
            ('.git/COMMIT_EDITMSG', 4, 8, 'github-pat-classic', added, f'{GH2[:4]}…'),
        ]
        assert doc['findings'][0]['subject'] == f'ci: deploy with {GH[:4]}…'
    assert cli.main(['scan', '--history']) == 1
    out, err = capsys.readouterr()
    assert f'commit {added} (' in out and f'{added[:12]}:.git/COMMIT_EDITMSG:1:17: github-pat-classic: ' in out
    assert f'{added[:12]}:.git/COMMIT_EDITMSG:4:8: ' in out
    for fmt in ('text', 'json', 'sarif'):
        shown = _leakstop('scan', '--history', '--format', fmt)
        assert shown.returncode == 1 and GH[4:] not in shown.stdout + shown.stderr and GH2[4:] not in shown.stdout
    assert GH[4:] not in out + err
    done = _leakstop('baseline', 'update', '--history')
    assert (done.returncode, '2 added' in done.stdout) == (0, True), done.stdout + done.stderr
    assert _leakstop('scan', '--history').returncode == 0
    commit_file('c.py', 'z = 3\n', f'again {AWS}')  # a new secret in a message still fails
    code, doc = scan_json('--history')
    assert code == 1 and [(f['path'], f['rule']) for f in doc['findings']] == [('.git/COMMIT_EDITMSG', 'aws-access-key-id')]


def test_parse_raw_log_reads_each_commit_message() -> None:
    """The message comes in the same `git log` record as the commit id (`%n%B`): a line of it that looks like a
    change record or a commit record is message text."""
    z, a, b = '0' * 40, 'a' * 40, 'b' * 40
    stream = [
        b'\0' + b.encode() + b' 2024-01-02T03:04:05+00:00\nsubject\n\n' + f':000000 100644 {z} {a} A'.encode() + b'\n\0',
        b'\0' + a.encode() + b' 2024-01-01T00:00:00+00:00\n' + b.encode() + b' 2024\n\0\n',
        f':000000 100644 {z} {a} A\0'.encode() + b'a.txt\0',
    ]
    assert list(parse_raw_log(iter(stream))) == [
        Commit(b, '2024-01-02T03:04:05+00:00', message=f'subject\n\n:000000 100644 {z} {a} A\n'.encode()),
        Commit(a, '2024-01-01T00:00:00+00:00', message=b.encode() + b' 2024\n'), FileChange('a.txt', (), a),
    ]


# -- --all-refs: a tag (or any ref) to a blob or a tree -----------------------------------------------

def git_input(text: str, *args: str) -> str:
    return subprocess.run(('git', *args), input=text, capture_output=True, text=True, check=True).stdout.strip()


def test_all_refs_scans_tags_to_blobs_and_trees(repo: str, capsys: pytest.CaptureFixture[str]) -> None:
    """Tenth hostile review, break 18: `--all-refs` walked commits only, so a tag to a blob or a tree (lightweight or
    annotated), which `git push --tags` publishes, was skipped without a word. What such a ref holds is scanned now (a
    tree: each file in it) and reported under the ref's name (`refs/tags/t:path` for a file in a tree, as git names it)."""
    commit_file('a.py', 'x = 1\n', 'start')
    blob = git_input(f'token = "{GH}"\n', 'hash-object', '-w', '--stdin')
    other = git_input(f'AWS_ACCESS_KEY_ID = "{AWS}"\n', 'hash-object', '-w', '--stdin')
    sub = git_input(f'100644 blob {other}\tkey.py\n', 'mktree')
    tree = git_input(f'100644 blob {blob}\tsecret.py\n040000 tree {sub}\tconf\n', 'mktree')
    git('tag', 'blob-tag', blob, cwd='.')
    git('tag', '-a', '-m', 'annotated', 'annotated-blob-tag', blob, cwd='.')
    git('tag', '-a', '-m', 'a tag of a tag', 'tag-of-tag', 'annotated-blob-tag', cwd='.')
    git('tag', 'tree-tag', tree, cwd='.')
    code, doc = scan_json('--history')
    assert (code, doc['findings']) == (0, [])  # HEAD's history only
    code, doc = scan_json('--history', '--all-refs')
    assert code == 1
    assert sorted((f['path'], f['line'], f['rule'], f.get('commit')) for f in doc['findings']) == [
        ('refs/tags/annotated-blob-tag', 1, 'github-pat-classic', None),
        ('refs/tags/blob-tag', 1, 'github-pat-classic', None),
        ('refs/tags/tag-of-tag', 1, 'github-pat-classic', None),
        ('refs/tags/tree-tag:conf/key.py', 1, 'aws-access-key-id', None),
        ('refs/tags/tree-tag:secret.py', 1, 'github-pat-classic', None),
    ]
    assert cli.main(['scan', '--history', '--all-refs']) == 1
    out, err = capsys.readouterr()
    assert out.startswith('refs/tags/annotated-blob-tag:1:10: github-pat-classic: ') and GH[4:] not in out + err
    assert 'refs/tags/tree-tag:conf/key.py:1:22: aws-access-key-id: ' in out
    assert _leakstop('baseline', 'update', '--history', '--all-refs').returncode == 0
    code, doc = scan_json('--history', '--all-refs')
    assert (code, doc['findings']) == (0, [])


def test_all_refs_scans_the_message_of_an_annotated_tag(repo: str) -> None:
    """Break 19's sibling: an annotated tag's message is published by `git push --tags` as a commit's is; with
    `--all-refs` a secret in it is a finding at `<ref>:.git/TAG_EDITMSG`, and the baseline records it."""
    commit_file('a.py', 'x = 1\n', 'start')
    git('tag', '-a', '-m', f'release 1\n\nsigned with {GH}', 'v1', cwd='.')
    git('tag', '-a', '-m', 'nothing here', 'v2', cwd='.')
    code, doc = scan_json('--history')
    assert (code, doc['findings']) == (0, [])
    code, doc = scan_json('--history', '--all-refs')
    assert code == 1
    assert [(f['path'], f['line'], f['column'], f['redacted'], f.get('commit')) for f in doc['findings']] == [
        ('refs/tags/v1:.git/TAG_EDITMSG', 3, 13, f'{GH[:4]}…', None)]
    assert _leakstop('baseline', 'update', '--history', '--all-refs').returncode == 0
    code, doc = scan_json('--history', '--all-refs')
    assert (code, doc['findings']) == (0, [])


def _raw_object(kind: str, headers: str, message: bytes) -> str:
    """A commit or tag object written as given (``--literally``: git's own commands would not write a NUL byte)."""
    data = headers.encode() + b'\n' + message
    return subprocess.run(('git', 'hash-object', '-t', kind, '-w', '--stdin', '--literally'), input=data,
                          capture_output=True, check=True).stdout.decode().strip()


def test_history_reads_the_commit_object_whole(repo: str) -> None:
    """Eleventh hostile review, break 01: the message was taken from `git log %B`, which prints it only up to its
    first NUL byte (a UTF-16 message, named by an `encoding` header, up to its first character), and without the
    headers a person wrote: a token after a NUL, in a UTF-16 message, in an extra header (`git fsck` accepts it, `git
    push` publishes it) or in the author's name was never reported. The commit object is now read whole."""
    start = commit_file('a.py', 'x = 1\n', 'start')
    tree = git('rev-parse', 'HEAD^{tree}', cwd='.').stdout.strip()
    people = 'author a <a@b> 1700000000 +0000\ncommitter a <a@b> 1700000000 +0000\n'
    head = f'tree {tree}\nparent {start}\n{people}'
    cases = {
        'nul': (head, b'release notes\0\ndeploy key ' + GH.encode() + b'\n', 2, 12),
        'utf-16': (head + 'encoding UTF-16LE\n', f'notes\ndeploy key {GH}\n'.encode('utf-16-le'), 2, 12),
        'header': (head + f'x-deploy-token {GH}\n', b'plain message\n', 4, 16),
        'author': (f'tree {tree}\nparent {start}\nauthor deploy {GH} <a@b> 1700000000 +0000\n'
                   'committer a <a@b> 1700000000 +0000\n', b'plain\n', 2, 15),
    }
    for name, (headers, message, line, column) in cases.items():
        git('update-ref', 'HEAD', _raw_object('commit', headers, message), cwd='.')
        code, doc = scan_json('--history')
        assert code == 1, name
        assert [(f['path'], f['line'], f['column'], f['redacted']) for f in doc['findings']] == [
            ('.git/COMMIT_EDITMSG', line, column, f'{GH[:4]}…')], name
    # the sibling: an annotated tag's message after a NUL byte (for-each-ref prints it up to there too)
    git('update-ref', 'HEAD', start, cwd='.')
    tag = _raw_object('tag', f'object {start}\ntype commit\ntag v1\ntagger a <a@b> 1700000000 +0000\n',
                      b'release\0 key ' + GH.encode() + b'\n')
    git('update-ref', 'refs/tags/v1', tag, cwd='.')
    code, doc = scan_json('--history', '--all-refs')
    assert code == 1
    assert [(f['path'], f['line'], f['redacted']) for f in doc['findings']] == [
        ('refs/tags/v1:.git/TAG_EDITMSG', 1, f'{GH[:4]}…')]


def test_object_text_keeps_what_a_person_wrote() -> None:
    """The text a commit object is scanned as: the message first (its lines keep their numbers), then the headers
    other than those naming objects by id; an `encoding` header decodes the message, CRLF reads as LF."""
    raw = (b'tree ' + b'1' * 40 + b'\nparent ' + b'2' * 40 + b'\nauthor a <a@b> 1 +0000\n'
           b'committer c <c@d> 1 +0000\nencoding ISO-8859-1\n\nsubject \xe9\r\n\r\nbody\r\n')
    assert history.object_text(raw) == ('subject \u00e9\n\nbody\nauthor a <a@b> 1 +0000\ncommitter c <c@d> 1 +0000\n'
                                        'encoding ISO-8859-1\n').encode()
    tag = b'object ' + b'1' * 40 + b'\ntype commit\ntag v1\ntagger t <t@u> 1 +0000\n\nnotes'
    assert history.object_text(tag) == b'notes\ntag v1\ntagger t <t@u> 1 +0000\n'
    assert history.object_text(b'tree ' + b'1' * 40 + b'\nencoding no-such-codec') == b'encoding no-such-codec\n'
    # a signature (its lines continued by a space) is a tool's, not scanned; a header after it is
    signed = (b'tree ' + b'1' * 40 + b'\ngpgsig -----BEGIN PGP SIGNATURE-----\n \n iQEzBAABCAAdFiEE\n -----END PGP SIGNATURE-----'
              b'\nx-deploy note\n\nmsg')
    assert history.object_text(signed) == b'msg\nx-deploy note\n'


def test_a_misleading_encoding_header_hides_no_message(repo: str) -> None:
    """Twelfth hostile review, breaks 01-03: an `encoding` header naming a codec git's iconv lacks (punycode: `git
    log` prints the bytes as they are) or one that misreads ASCII (cp037, UTF-16LE; `git cat-file` prints them as they
    are) hid an ASCII token in the message from `scan --history`, and, with `--all-refs`, in a tag's; a codec that is
    no text encoding (rot13, base64, undefined) made the scan die with a traceback. The message's bytes read as a
    file's text are scanned too, after the headers."""
    start = commit_file('a.py', 'x = 1\n', 'start')
    tree = git('rev-parse', 'HEAD^{tree}', cwd='.').stdout.strip()
    head = f'tree {tree}\nparent {start}\nauthor a <a@b> 1700000000 +0000\ncommitter a <a@b> 1700000000 +0000\n'
    for encoding in ('punycode', 'cp037', 'UTF-16LE'):
        git('update-ref', 'HEAD', _raw_object('commit', f'{head}encoding {encoding}\n', f'deploy key {GH}\n'.encode()), cwd='.')
        code, doc = scan_json('--history')
        assert code == 1, encoding
        assert [(f['path'], f['column'], f['redacted']) for f in doc['findings']] == [
            ('.git/COMMIT_EDITMSG', 12, f'{GH[:4]}…')], encoding
    for encoding in ('rot13', 'base64', 'undefined'):
        git('update-ref', 'HEAD', _raw_object('commit', f'{head}encoding {encoding}\n', b'fix typo\n'), cwd='.')
        done = _leakstop('scan', '--history')
        assert (done.returncode, 'Traceback' in done.stderr) == (0, False), encoding
    git('update-ref', 'HEAD', start, cwd='.')
    tag = _raw_object('tag', f'object {start}\ntype commit\ntag v1\ntagger a <a@b> 1700000000 +0000\nencoding punycode\n',
                      f'release; deploy key {GH}\n'.encode())
    git('update-ref', 'refs/tags/v1', tag, cwd='.')
    code, doc = scan_json('--history', '--all-refs')
    assert code == 1
    assert [(f['path'], f['redacted']) for f in doc['findings']] == [('refs/tags/v1:.git/TAG_EDITMSG', f'{GH[:4]}…')]


def test_object_text_reads_a_message_both_ways_once() -> None:
    """The bytes' own lines follow the headers only where the named codec read them otherwise: an ISO-8859-1
    message adds nothing (its ASCII reads alike), a punycode one is not decoded (quadratic: 200 KB took 5 s)."""
    head = b'tree ' + b'1' * 40 + b'\nauthor a <a@b> 1 +0000\n'
    latin = history.object_text(head + b'encoding ISO-8859-1\n\nsubject \xe9 key\nbody\n')
    assert latin == 'subject \u00e9 key\nbody\nauthor a <a@b> 1 +0000\nencoding ISO-8859-1\n'.encode()
    ebcdic = history.object_text(head + b'encoding cp037\n\nkey\n')
    assert ebcdic.endswith(b'encoding cp037\nkey\n\n')
    start = time.perf_counter()
    assert history.object_text(head + b'encoding punycode\n\n' + b'a' * 500_000).endswith(b'a\nauthor a <a@b> 1 +0000\nencoding punycode\n')
    assert time.perf_counter() - start < 1


def test_all_refs_scans_the_names_of_refs(repo: str) -> None:
    """Eleventh hostile review, break 01's sibling: `git push --all` and `--tags` publish the refs' names, and a token
    in a branch's or a tag's name was never reported. With `--all-refs` each ref's name is judged as a path is: a
    finding on the name (line 0), shown redacted; the baseline records it."""
    commit_file('a.py', 'x = 1\n', 'start')
    git('branch', f'deploy/{GH}', cwd='.')
    git('tag', f't-{GH2}', cwd='.')
    code, doc = scan_json('--history')
    assert (code, doc['findings']) == (0, [])
    code, doc = scan_json('--history', '--all-refs')
    assert code == 1
    assert sorted((f['path'], f['line'], f['rule'], f['redacted']) for f in doc['findings']) == [
        (f'refs/heads/deploy/{GH[:4]}…', 0, 'github-pat-classic', f'{GH[:4]}…'),
        (f'refs/tags/t-{GH2[:4]}…', 0, 'github-pat-classic', f'{GH2[:4]}…')]
    assert "(in the ref's name)" in doc['findings'][0]['description']
    shown = _leakstop('scan', '--history', '--all-refs')
    assert shown.returncode == 1 and GH[4:] not in shown.stdout + shown.stderr and GH2[4:] not in shown.stdout
    assert _leakstop('baseline', 'update', '--history', '--all-refs').returncode == 0
    code, doc = scan_json('--history', '--all-refs')
    assert (code, doc['findings']) == (0, [])


def test_all_refs_scans_the_message_of_a_tag_a_tag_points_to(repo: str) -> None:
    """Eleventh hostile review, break 01's sibling: a tag of a tag (`git tag -a outer inner`) publishes the inner tag
    object with it, even once the inner ref is deleted; only the outer tag's message was scanned. Each tag object in
    the chain is now read, its findings reported under the outer ref."""
    commit_file('a.py', 'x = 1\n', 'start')
    git('tag', '-a', '-m', f'inner\n\nkey {GH}', 'inner', cwd='.')
    git('-c', 'advice.nestedTag=false', 'tag', '-a', '-m', 'outer', 'outer', 'inner', cwd='.')
    git('tag', '-d', 'inner', cwd='.')
    code, doc = scan_json('--history', '--all-refs')
    assert code == 1
    assert [(f['path'], f['line'], f['column'], f['redacted']) for f in doc['findings']] == [
        ('refs/tags/outer:.git/TAG_EDITMSG', 3, 5, f'{GH[:4]}…')]

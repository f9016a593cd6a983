"""What `leakstop scan [PATH ...]` reads: in a git repository what git would track (tracked plus
untracked files no ignore rule covers), elsewhere or with --no-git every file; --exclude in every
scope; `-` for standard input."""
from __future__ import annotations

import io
import json
import os
import subprocess
import sys

import pytest

import fakes
from e2e import enter_repo, git, init_repo, write
from leakstop import cli
from leakstop.files import tree_files, walk

GH = fakes.github('ghp', seed='tree')
NPM = fakes.npm(seed='tree')
AWS = fakes.aws_key_id(seed='tree')
LEAKSTOP = [sys.executable, '-m', 'leakstop.cli']


@pytest.fixture
def repo(tmp_path: object, monkeypatch: pytest.MonkeyPatch) -> str:
    return enter_repo(tmp_path, monkeypatch)


def scan(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, list[tuple[str, int, str]]]:
    code = cli.main(['scan', '--format', 'json', '--jobs', '1', *argv])
    doc = json.loads(capsys.readouterr().out)
    return code, sorted((f['path'], f['line'], f['rule']) for f in doc['findings'])


def project() -> None:
    """A project as a developer has it: tracked code, a new file not yet added, and what .gitignore
    keeps out (a virtualenv, node_modules, a log), each with a secret."""
    write('.gitignore', '.venv/\nnode_modules/\n*.log\n')
    write('src/settings.py', f'TOKEN = "{GH}"\n')
    write('src/new_module.py', f'npm_token = "{NPM}"\n')  # untracked, not ignored
    write('.venv/lib/python3.11/site-packages/pkg/conf.py', f'TOKEN = "{GH}"\n')
    write('node_modules/pkg/index.js', f'const token = "{NPM}";\n')
    write('debug.log', f'aws_access_key_id={AWS}\n')
    write('keep.log', f'aws_access_key_id={AWS}\n')
    git('add', '.gitignore', 'src/settings.py', cwd='.')
    git('add', '-f', 'keep.log', cwd='.')  # tracked although an ignore rule matches it


TRACKED = [('keep.log', 1, 'aws-access-key-id'), ('src/new_module.py', 1, 'npm-access-token'),
           ('src/settings.py', 1, 'github-pat-classic')]
IGNORED = [('.venv/lib/python3.11/site-packages/pkg/conf.py', 1, 'github-pat-classic'),
           ('debug.log', 1, 'aws-access-key-id'), ('node_modules/pkg/index.js', 1, 'npm-access-token')]


def test_in_a_repository_scan_reads_what_git_would_track(repo: str, capsys: pytest.CaptureFixture[str]) -> None:
    project()
    assert scan(capsys) == (1, TRACKED)
    assert scan(capsys, '.') == (1, TRACKED)
    os.chdir('src')  # a subdirectory: its part of the listing, paths shown from there
    assert scan(capsys) == (1, [('new_module.py', 1, 'npm-access-token'), ('settings.py', 1, 'github-pat-classic')])


def test_no_git_walks_every_file_but_dot_git(repo: str, capsys: pytest.CaptureFixture[str]) -> None:
    project()
    write('.git/hooks/leftover.sample', f'TOKEN = "{GH}"\n')
    assert scan(capsys, '--no-git') == (1, sorted(TRACKED + IGNORED))


def test_outside_a_repository_every_file_is_walked(tmp_path: object, monkeypatch: pytest.MonkeyPatch,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    plain = os.path.join(str(tmp_path), 'plain')
    os.makedirs(plain)
    monkeypatch.chdir(plain)
    assert subprocess.run(('git', 'rev-parse', '--git-dir'), capture_output=True).returncode != 0, 'tmp_path is in a repository'
    project_files = {'.gitignore': 'node_modules/\n', 'node_modules/pkg/index.js': f'const token = "{NPM}";\n'}
    for name, content in project_files.items():
        write(name, content)
    assert scan(capsys) == (1, [('node_modules/pkg/index.js', 1, 'npm-access-token')])


def test_an_ignored_directory_named_on_purpose_is_scanned(repo: str, capsys: pytest.CaptureFixture[str]) -> None:
    project()
    assert scan(capsys, 'node_modules') == (1, [('node_modules/pkg/index.js', 1, 'npm-access-token')])
    assert scan(capsys, 'debug.log') == (1, [('debug.log', 1, 'aws-access-key-id')])  # a file named is read


def test_a_tracked_file_deleted_from_the_working_tree_is_no_error(repo: str, capsys: pytest.CaptureFixture[str]) -> None:
    write('gone.py', 'x = 1\n')
    write('here.py', f'TOKEN = "{GH}"\n')
    git('add', '.', cwd='.')
    os.remove('gone.py')
    code = cli.main(['scan'])
    out, err = capsys.readouterr()
    assert code == 1
    assert 'gone.py' not in out + err
    assert out.startswith('here.py:1:10: github-pat-classic:')


def test_nested_repositories_and_submodules_use_their_own_ignore_rules(repo: str, capsys: pytest.CaptureFixture[str]) -> None:
    init_repo('vendor/lib')  # a submodule, committed as a gitlink
    write('vendor/lib/.gitignore', 'build/\n')
    write('vendor/lib/config.py', f'TOKEN = "{GH}"\n')
    write('vendor/lib/build/out.js', f'const t = "{NPM}";\n')
    git('add', '.', cwd='vendor/lib')
    git('commit', '-qm', 'lib', cwd='vendor/lib')
    git('add', 'vendor/lib', cwd='.')
    assert '160000' in git('ls-files', '-s', cwd='.').stdout
    init_repo('scratch')  # a repository inside, never added
    write('scratch/.gitignore', 'secrets.txt\n')
    write('scratch/notes.py', f'npm_token = "{NPM}"\n')
    write('scratch/secrets.txt', f'TOKEN = "{GH}"\n')
    assert scan(capsys) == (1, [('scratch/notes.py', 1, 'npm-access-token'), ('vendor/lib/config.py', 1, 'github-pat-classic')])


def tree_with_odd_names() -> None:
    write('a.py', f'TOKEN = "{GH}"\n')
    write('b/c.txt', 'plain\n')
    write('b/d/e.py', f'npm_token = "{NPM}"\n')
    write('-leading-dash.py', 'x = 1\n')
    write('with space/and\nnewline.py', f'TOKEN = "{GH}"\n')
    write(os.fsdecode(b'caf\xe9.py'), f'TOKEN = "{GH}"\n')  # not UTF-8
    write('image.png', b'\x89PNG\r\n\x1a\n' + bytes(range(256)) * 8)
    write('empty', b'')
    os.symlink('b', 'link-to-dir')
    os.symlink('missing-target', 'dangling')


def test_git_listing_is_the_walk_when_nothing_is_ignored(repo: str) -> None:
    """Same files, same order, as the plain walk (odd names, links, binary and empty files alike)."""
    tree_with_odd_names()
    git('add', 'a.py', 'b', 'image.png', 'link-to-dir', cwd='.')  # the rest untracked
    walked = list(walk(['.']))
    assert os.fsdecode(b'./caf\xe9.py') in walked and './link-to-dir' in walked and './dangling' in walked
    assert list(tree_files(['.'])) == walked
    assert list(tree_files(['.'], use_git=False)) == walked


def test_odd_names_are_reported_as_in_a_plain_walk(repo: str, capsys: pytest.CaptureFixture[str]) -> None:
    tree_with_odd_names()
    git('add', '-A', cwd='.')
    found = scan(capsys)
    assert found == scan(capsys, '--no-git')
    assert found == (1, [('a.py', 1, 'github-pat-classic'), ('b/d/e.py', 1, 'npm-access-token'),
                         ('caf\\xe9.py', 1, 'github-pat-classic'), ('with space/and\nnewline.py', 1, 'github-pat-classic')])


# -- --exclude -----------------------------------------------------------------------------------

def test_exclude_skips_files_and_directories(repo: str, capsys: pytest.CaptureFixture[str]) -> None:
    project()
    write('src/vendor/lib.py', f'TOKEN = "{GH}"\n')
    assert ('src/vendor/lib.py', 1, 'github-pat-classic') in scan(capsys)[1]
    assert scan(capsys, '--exclude', 'src/vendor/', '--exclude', '*.log') == (
        1, [('src/new_module.py', 1, 'npm-access-token'), ('src/settings.py', 1, 'github-pat-classic')])
    assert scan(capsys, '--exclude', 'settings.py', '--exclude', 'new_*', '--exclude', 'vendor', '--exclude', 'keep.log') == (0, [])


def test_an_excluded_directory_is_not_entered(repo: str, capsys: pytest.CaptureFixture[str]) -> None:
    """A FIFO is an error when read ("not a regular file"): under an excluded directory it is never reached."""
    write('app.py', f'TOKEN = "{GH}"\n')
    os.makedirs('cache/sockets')
    os.mkfifo('cache/sockets/pipe')
    code = cli.main(['scan', '--no-git'])
    assert code == 2 and 'cache/sockets/pipe: error: cannot read: not a regular file' in capsys.readouterr().err
    code = cli.main(['scan', '--no-git', '--exclude', 'cache/'])
    out, err = capsys.readouterr()
    assert (code, err) == (1, '')
    assert out.startswith('app.py:1:10: github-pat-classic:')


@pytest.mark.parametrize('scope', [['--staged'], ['--all'], ['--history'], ['--since', 'HEAD~1']])
def test_exclude_applies_to_every_git_scope(repo: str, scope: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    write('README.md', 'hello\n')
    git('add', '.', cwd='.')
    git('commit', '-qm', 'start', cwd='.')
    write('fixtures/keys.py', f'TOKEN = "{GH}"\n')
    write('app.py', f'npm_token = "{NPM}"\n')
    git('add', '.', cwd='.')
    if scope[0] in ('--history', '--since'):
        git('commit', '-qm', 'add', cwd='.')
    assert scan(capsys, *scope) == (1, [('app.py', 1, 'npm-access-token'), ('fixtures/keys.py', 1, 'github-pat-classic')])
    assert scan(capsys, *scope, '--exclude', 'fixtures/') == (1, [('app.py', 1, 'npm-access-token')])
    assert scan(capsys, *scope, '--exclude', 'fixtures/**', '--exclude', 'app.py') == (0, [])


def test_exclude_adds_to_the_configured_allowlist(repo: str, capsys: pytest.CaptureFixture[str]) -> None:
    write('.leakstop.toml', '[allowlist]\npaths = ["docs/**"]\n')
    write('docs/a.md', f'TOKEN = "{GH}"\n')
    write('tests/b.py', f'TOKEN = "{GH}"\n')
    write('c.py', f'TOKEN = "{GH}"\n')
    assert scan(capsys, '--exclude', 'tests/') == (1, [('c.py', 1, 'github-pat-classic')])


@pytest.mark.parametrize('glob, message', [('', '--exclude: empty glob'), ('[z-a]', "--exclude '[z-a]': invalid glob")])
def test_a_bad_exclude_is_a_usage_error(repo: str, glob: str, message: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(['scan', '--exclude', glob]) == 2
    assert capsys.readouterr().err == f'leakstop: error: {message}\n'


@pytest.mark.parametrize('glob', ['**', '*', '?*', '**/*', '**/**'])
@pytest.mark.parametrize('scope', [[], ['--all'], ['--history']])
def test_an_exclude_that_matches_every_path_is_refused(repo: str, glob: str, scope: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    # fifth hostile review, break 13: `scan --exclude '**'` scanned nothing and passed (exit 0, no output),
    # while the same glob in [allowlist] paths is refused
    write('a.txt', f't={GH}\n')
    git('add', '.', cwd='.')
    git('commit', '-qm', 'add', cwd='.')
    assert cli.main(['scan', *scope, '--exclude', 'docs/', '--exclude', glob]) == 2
    out, err = capsys.readouterr()
    assert out == ''
    assert err == (f'leakstop: error: --exclude {glob!r}: matches every path: the scan would read nothing '
                   '(name the directories or files to skip, e.g. tests/fixtures/**)\n')


@pytest.mark.parametrize(('globs', 'expected'), [
    (['*/'], "--exclude '*/': matches most paths ("),
    (['*[!w]'], "--exclude '*[!w]': matches most paths ("),
    (['*[a-v]', '*[x-z]', '*[AC-PR-Z]', '*[0-57-9]'], "--exclude '*[a-v]': matches most paths ("),
    (['docs/', '*[0-9]', '*[A-Z]'], "--exclude 'docs/' '*[0-9]' '*[A-Z]': together match most paths ("),  # each less than a quarter
])
def test_excludes_that_match_most_paths_together_are_refused(repo: str, globs: list[str], expected: str, capsys: pytest.CaptureFixture[str]) -> None:
    # sixth hostile review, break 04: four globs on the last character skipped every path but four probes
    write('a.py', f't={GH}\n')
    assert cli.main(['scan', '--all', *(a for g in globs for a in ('--exclude', g))]) == 2
    out, err = capsys.readouterr()
    assert out == '' and err.startswith(f'leakstop: error: {expected}'), err
    assert err.endswith(' varied probe paths): the scan would read little (name the directories or files to skip, e.g. tests/fixtures/**)\n')


def test_excludes_and_allowlist_paths_are_judged_together(repo: str, capsys: pytest.CaptureFixture[str]) -> None:
    write('.leakstop.toml', '[allowlist]\npaths = ["*[0-9]"]\n')  # each skips less than a quarter of paths
    write('a.py', f't={GH}\n')
    assert cli.main(['scan', '--all', '--exclude', '*[A-Z]']) == 2
    assert capsys.readouterr().err.startswith("leakstop: error: --exclude '*[A-Z]': together with [allowlist] paths match most paths (")

def test_an_exclude_glob_holding_a_token_is_not_echoed(repo: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(['scan', '--exclude', f'[z-a]{GH}']) == 2
    err = capsys.readouterr().err
    assert GH not in err and err.startswith("leakstop: error: --exclude '[z-a]ghp_") and err.endswith("': invalid glob\n")


# -- standard input -------------------------------------------------------------------------------

def test_dash_reads_standard_input(repo: str) -> None:
    text = f'# pasted from a chat\nheaders = {{"Authorization": "token {GH}"}}\n'
    proc = subprocess.run([*LEAKSTOP, 'scan', '-'], input=text.encode(), capture_output=True)
    assert proc.returncode == 1, proc.stderr
    lines = proc.stdout.decode().splitlines()
    assert lines[0] == f'-:2:36: github-pat-classic: GitHub personal access token (classic): {GH[:4]}…'
    assert GH not in proc.stdout.decode()
    proc = subprocess.run([*LEAKSTOP, 'scan', '-'], input=b'nothing here\n', capture_output=True)
    assert (proc.returncode, proc.stdout, proc.stderr) == (0, b'', b'')


def test_dash_with_paths_in_json_and_sarif(repo: str) -> None:
    write('app.py', f'npm_token = "{NPM}"\n')
    data = f'aws_access_key_id = {AWS}\n'.encode('utf-16')  # decoded as a file would be
    proc = subprocess.run([*LEAKSTOP, 'scan', '--format', 'json', '-', 'app.py'], input=data, capture_output=True)
    assert proc.returncode == 1, proc.stderr
    found = [(f['path'], f['line'], f['rule']) for f in json.loads(proc.stdout)['findings']]
    assert sorted(found) == [('-', 1, 'aws-access-key-id'), ('app.py', 1, 'npm-access-token')]
    proc = subprocess.run([*LEAKSTOP, 'scan', '--format', 'sarif', '-'], input=data, capture_output=True)
    result = json.loads(proc.stdout)['runs'][0]['results'][0]
    assert result['locations'][0]['physicalLocation']['artifactLocation']['uri'] == '-'


def test_large_standard_input_is_scanned_in_windows(repo: str, monkeypatch: pytest.MonkeyPatch,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(cli, 'CHUNK_SIZE', 64 * 1024)
    filler = ''.join(f'line {i} of an ordinary log\n' for i in range(20000))  # about 8 windows
    text = f'{filler}token = "{GH}"\n{filler}npm_token = "{NPM}"\n'
    monkeypatch.setattr(sys, 'stdin', io.TextIOWrapper(io.BytesIO(text.encode())))
    assert scan(capsys, '-') == (1, [('-', 20001, 'github-pat-classic'), ('-', 40002, 'npm-access-token')])


def test_a_keystore_on_standard_input_is_found(repo: str, monkeypatch: pytest.MonkeyPatch,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    from test_filehooks import pkcs12
    monkeypatch.setattr(sys, 'stdin', io.TextIOWrapper(io.BytesIO(pkcs12())))
    assert scan(capsys, '-') == (1, [('-', 0, 'pkcs12-keystore')])
    monkeypatch.setattr(sys, 'stdin', io.TextIOWrapper(io.BytesIO(b'\x89PNG\r\n\x1a\n' + bytes(range(256)))))
    assert scan(capsys, '-') == (0, [])  # other binary data is skipped, as a binary file is


def test_no_standard_input_is_an_error(repo: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(sys, 'stdin', None)
    assert cli.main(['scan', '-']) == 2
    assert capsys.readouterr().err == 'leakstop: error: -: no standard input to read\n'


def test_baseline_create_of_a_directory_records_what_scan_reads(repo: str, capsys: pytest.CaptureFixture[str]) -> None:
    project()
    assert cli.main(['baseline', 'create', '.']) == 0
    with open('.leakstop-baseline.json') as f:
        recorded = sorted({e['path'] for e in json.load(f)['findings']})
    assert recorded == ['keep.log', 'src/new_module.py', 'src/settings.py']
    capsys.readouterr()
    assert scan(capsys) == (0, [])


def test_sparse_checkout_and_skip_worktree(repo: str, capsys: pytest.CaptureFixture[str]) -> None:
    """A path outside a sparse checkout is not on disk: no error. A file marked skip-worktree to hide
    local edits (`git update-index --skip-worktree`) is on disk and is read."""
    write('app/settings.py', 'DEBUG = True\n')
    write('docs/guide.md', '# guide\n')
    git('add', '.', cwd='.')
    git('commit', '-qm', 'start', cwd='.')
    git('sparse-checkout', 'set', 'app', cwd='.')
    assert not os.path.exists('docs/guide.md') and 'S docs/guide.md' in git('ls-files', '-t', cwd='.').stdout
    write('app/settings.py', f'TOKEN = "{GH}"\n')
    git('update-index', '--skip-worktree', 'app/settings.py', cwd='.')
    assert scan(capsys) == (1, [('app/settings.py', 1, 'github-pat-classic')])
    assert capsys.readouterr().err == ''

"""Odd files get defined behaviour: scanned, or reported with a clear message and exit code 2 —
never silently skipped, never a traceback.

| what is passed                       | behaviour                                                      |
|--------------------------------------|----------------------------------------------------------------|
| names with spaces, unicode, quotes,  | scanned; shown with control characters escaped                 |
| newlines, a leading ``-`` (``-h``!)  | (an existing path that looks like an option is a path)         |
| a symlink (inside or outside)        | never followed: its target path is scanned, as git stores it   |
| a dangling symlink, a symlink loop   | same: the link text is scanned                                 |
| an empty file                        | scanned (nothing found)                                        |
| a directory, a submodule (gitlink)   | ``cannot read: is a directory``, exit 2                        |
| a FIFO, a device, a socket           | ``cannot read: not a regular file``, exit 2, never blocks      |
| deleted before it is read            | ``cannot read: no such file``, exit 2                          |
| unreadable                           | ``cannot read: Permission denied``, exit 2                     |
| binary (signature, or >1/20 odd bytes| skipped by scan-secrets (block-credential-files reads keystores)|
|   in the first 8 KiB, or a control   |                                                                |
|   byte first)                        |                                                                |
| text with a few stray NULs           | scanned                                                        |

pre-commit itself passes only ``types: [file]`` by default: symlinks, directories (submodules)
and sockets never reach the hooks from ``git commit``; they do from a direct run or ``leakstop scan``.
"""
from __future__ import annotations

import base64
import json
import os
import random
import socket
import subprocess
import sys

import pytest

import fakes
from e2e import git, init_repo
from leakstop import files
from leakstop.hooks import block_credential_files, block_env_files, scan_secrets

ODD_NAMES = ['with space.py', 'ünïcödé.py', '-dash.py', '-h', '--help', '--format=json', 'quo\'te".py', 'new\nline.py', 'tab\there.py']


@pytest.fixture(autouse=True)
def in_tmp(tmp_path: object, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(str(tmp_path))


def write(name: str, content: str | bytes) -> str:
    data = content.encode() if isinstance(content, str) else content
    os.makedirs(os.path.dirname(name) or '.', exist_ok=True)
    with open(name, 'wb') as f:
        f.write(data)
    return name


def aws(seed: object) -> str:
    return fakes.aws_key_id(seed=('odd', seed))


@pytest.mark.parametrize('name', ODD_NAMES)
def test_odd_name_is_scanned(name: str, capsys: pytest.CaptureFixture[str]) -> None:
    write(name, f'key = "{aws(name)}"\n')
    write('plain.py', f'key = "{aws("plain")}"\n')
    assert scan_secrets.main([name, 'plain.py']) == 1
    out, err = capsys.readouterr()
    assert err == ''
    shown = json.dumps(name, ensure_ascii=False)[1:-1] if not name.isprintable() else name
    assert f'{shown}:1:8: aws-access-key-id' in out
    assert 'plain.py:1:8: aws-access-key-id' in out  # the files after it are scanned too
    assert aws(name) not in out


def test_file_named_dash_h_does_not_print_help_and_pass(capsys: pytest.CaptureFixture[str]) -> None:
    """pre-commit appends names after the hook's options: ``-h`` used to print the help, exit 0,
    and leave every file in the batch unscanned."""
    write('-h', 'nothing here\n')
    write('secret.py', f'key = "{aws("h")}"\n')
    assert scan_secrets.main(['-h', 'secret.py']) == 1
    assert 'secret.py:1:8' in capsys.readouterr().out


def test_real_options_still_work(capsys: pytest.CaptureFixture[str]) -> None:
    write('a.py', f'key = "{aws("opt")}"\n')
    assert scan_secrets.main(['--format', 'json', 'a.py']) == 1
    assert json.loads(capsys.readouterr().out)['findings'][0]['path'] == 'a.py'
    with pytest.raises(SystemExit) as e:
        scan_secrets.main(['-h'])  # no file called -h here: the help
    assert e.value.code == 0


def test_block_credential_files_file_named_dash_h(capsys: pytest.CaptureFixture[str]) -> None:
    write('-h', 'x\n')
    write('id_rsa', fakes.pem_private_key(kind='OPENSSH PRIVATE KEY', seed='odd'))
    assert block_credential_files.main(['-h', 'id_rsa']) == 1


def test_block_env_files_file_named_dash_h(capsys: pytest.CaptureFixture[str]) -> None:
    write('-h', 'x\n')
    write('.env', 'DB_PASSWORD=Xk9#mQ2vLp7wRt4z\n')
    assert block_env_files.main(['-h', '.env']) == 1


def test_paths_not_options() -> None:
    write('-h', '')
    write('--format=json', '')
    assert files.paths_not_options(['--format', 'json', '-h', '--format=json', '-x', 'a.py']) == [
        '--format', 'json', './-h', './--format=json', '-x', 'a.py']


# -- symlinks ----------------------------------------------------------------------------------

def test_symlink_out_of_the_repository_is_not_followed(tmp_path: object, capsys: pytest.CaptureFixture[str]) -> None:
    outside = os.path.join(str(tmp_path), '..', 'outside-secret.txt')
    write(outside, f'key = "{aws("outside")}"\n')
    os.symlink(os.path.abspath(outside), 'link.txt')
    assert scan_secrets.main(['link.txt']) == 0
    assert capsys.readouterr() == ('', '')


def test_symlink_is_scanned_as_its_target_text(capsys: pytest.CaptureFixture[str]) -> None:
    """What git stores for a link is its target path: that is what is scanned."""
    os.symlink(f'keys/{aws("target")}', 'link')
    assert scan_secrets.main(['link']) == 1
    assert 'link:1:6: aws-access-key-id' in capsys.readouterr().out


@pytest.mark.parametrize('target', ['nowhere', '/dev/zero', 'fifo', 'd', 'loop'])
def test_dangling_looping_and_special_symlinks_are_scanned_as_links(target: str, capsys: pytest.CaptureFixture[str]) -> None:
    os.mkfifo('fifo')
    os.mkdir('d')
    os.symlink('link', 'loop')  # link -> loop -> link
    os.symlink(target, 'link')
    assert scan_secrets.main(['link']) == 0
    assert capsys.readouterr() == ('', '')


def test_leakstop_scan_does_not_follow_links_out_of_a_directory(tmp_path: object, capsys: pytest.CaptureFixture[str]) -> None:
    from leakstop import cli
    outside = os.path.join(str(tmp_path), '..', 'outside-dir')
    write(os.path.join(outside, 'secret.txt'), f'key = "{aws("outside-dir")}"\n')
    write('src/ok.py', 'x = 1\n')
    os.symlink(os.path.abspath(outside), 'src/linked-dir')
    os.symlink(os.path.abspath(os.path.join(outside, 'secret.txt')), 'src/linked-file')
    assert list(files.walk(['src'])) == ['src/linked-dir', 'src/linked-file', 'src/ok.py']
    assert cli.main(['scan', '--jobs', '1', 'src']) == 0
    assert aws('outside-dir') not in capsys.readouterr().out


# -- what cannot be read ----------------------------------------------------------------------

def _unreadable(monkeypatch: pytest.MonkeyPatch) -> str:
    write('locked.py', 'x = 1\n')
    real_open = os.open

    def deny(path: str, *args: object, **kwargs: object) -> int:
        if path == 'locked.py':
            raise PermissionError(13, 'Permission denied', path)
        return real_open(path, *args, **kwargs)  # type: ignore[arg-type]
    monkeypatch.setattr(os, 'open', deny)
    return 'locked.py'


@pytest.mark.parametrize(('make', 'message'), [
    (lambda mp: (os.mkdir('d'), 'd')[1], 'is a directory'),
    (lambda mp: (os.mkfifo('pipe'), 'pipe')[1], 'not a regular file'),
    (lambda mp: '/dev/null', 'not a regular file'),
    (lambda mp: 'deleted.py', 'no such file'),
    (_unreadable, 'Permission denied'),
])
def test_what_cannot_be_read_is_an_error_exit_2(make, message: str, monkeypatch: pytest.MonkeyPatch,  # type: ignore[no-untyped-def]
                                               capsys: pytest.CaptureFixture[str]) -> None:
    name = make(monkeypatch)
    write('ok.py', f'key = "{aws("ok")}"\n')
    assert scan_secrets.main([name, 'ok.py']) == 2
    out, err = capsys.readouterr()
    assert err == f'{name}: error: cannot read: {message}\n'
    assert 'ok.py:1:8' in out  # the readable files are still scanned and reported


def test_socket_is_not_a_regular_file(capsys: pytest.CaptureFixture[str]) -> None:
    sock = socket.socket(socket.AF_UNIX)
    try:
        sock.bind('sock')
        assert scan_secrets.main(['sock']) == 2
        assert capsys.readouterr().err == 'sock: error: cannot read: not a regular file\n'
    finally:
        sock.close()


def test_file_deleted_between_listing_and_reading(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    write('racy.py', f'key = "{aws("racy")}"\n')
    real_open = os.open

    def delete_first(path: str, *args: object, **kwargs: object) -> int:
        if path == 'racy.py' and os.path.exists(path):
            os.remove(path)
        return real_open(path, *args, **kwargs)  # type: ignore[arg-type]
    monkeypatch.setattr(os, 'open', delete_first)
    assert scan_secrets.main(['racy.py']) == 2
    assert capsys.readouterr().err == 'racy.py: error: cannot read: no such file\n'


def test_empty_file_is_clean(capsys: pytest.CaptureFixture[str]) -> None:
    write('empty.py', b'')
    assert scan_secrets.main(['empty.py']) == 0
    assert capsys.readouterr() == ('', '')


# -- binary or not ----------------------------------------------------------------------------

PNG = b'\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR'
TEXT_WITH_SECRET = f'# settings\nkey = "{fakes.aws_key_id(seed="bin")}"\n' + 'filler line of text\n' * 40


@pytest.mark.parametrize(('data', 'binary'), [
    (TEXT_WITH_SECRET.encode(), False),
    (TEXT_WITH_SECRET.replace('# settings', '# set\x00tings').encode(), False),  # a stray NUL
    (('a\x00b\x01c ' * 5 + TEXT_WITH_SECRET * 3).encode(), False),  # a few control bytes, well under 1/20
    (('\x1b[31mred\x1b[0m ' + TEXT_WITH_SECRET).encode(), False),  # ANSI escapes are text
    (TEXT_WITH_SECRET.encode('latin-1', 'replace') + b'caf\xe9\n', False),
    (PNG + TEXT_WITH_SECRET.encode(), True),  # a signature decides
    (b'PK\x03\x04' + TEXT_WITH_SECRET.encode(), True),
    (b'\x1f\x8b\x08\x00' + TEXT_WITH_SECRET.encode(), True),
    (b'\xfe\xed\xfe\xed' + TEXT_WITH_SECRET.encode(), True),  # JKS keystore
    (b'\x00\x01\x02' + TEXT_WITH_SECRET.encode(), True),  # no text starts with a control byte
    (random.Random(1).randbytes(9000), True),  # compressed / encrypted data
    (b'x\x00' * 3000, True),  # half NULs, not UTF-16 text
])
def test_is_binary(data: bytes, binary: bool) -> None:
    assert files.is_binary(data) is binary


def test_text_with_a_nul_is_scanned(capsys: pytest.CaptureFixture[str]) -> None:
    write('dump.sql', b'-- dump\x00\n' + TEXT_WITH_SECRET.encode())
    assert scan_secrets.main(['dump.sql']) == 1
    assert 'dump.sql:3:8: aws-access-key-id' in capsys.readouterr().out


def test_notebook_with_base64_image_output_is_scanned(capsys: pytest.CaptureFixture[str]) -> None:
    image = base64.b64encode(PNG + random.Random(2).randbytes(60_000)).decode()
    notebook = {
        'cells': [
            {'cell_type': 'code', 'source': ['plot()\n'], 'outputs': [{'data': {'image/png': image}, 'output_type': 'display_data'}]},
            {'cell_type': 'code', 'source': [f'GITHUB_TOKEN = "{fakes.github("ghp", seed="nb")}"\n'], 'outputs': []},
        ],
        'metadata': {}, 'nbformat': 4, 'nbformat_minor': 5,
    }
    write('explore.ipynb', json.dumps(notebook, indent=1))
    assert scan_secrets.main(['explore.ipynb']) == 1
    assert 'github-pat-classic' in capsys.readouterr().out


def test_binary_file_is_skipped_quietly(capsys: pytest.CaptureFixture[str]) -> None:
    write('logo.png', PNG + TEXT_WITH_SECRET.encode())
    assert scan_secrets.main(['logo.png']) == 0
    assert capsys.readouterr() == ('', '')


# -- the real pre-commit ----------------------------------------------------------------------

def _local_hooks_config(repo: str, hook_ids: list[str]) -> None:
    hooks = ''.join(f'    -   id: {h}\n        name: {h}\n        entry: {h}\n        language: system\n' for h in hook_ids)
    with open(os.path.join(repo, '.pre-commit-config.yaml'), 'w') as f:
        f.write(f'repos:\n-   repo: local\n    hooks:\n{hooks}')


def _pre_commit(repo: str, home: str, *args: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, PRE_COMMIT_HOME=home, PATH=os.path.dirname(sys.executable) + os.pathsep + os.environ['PATH'])
    env.pop('PRE_COMMIT', None)
    return subprocess.run([sys.executable, '-m', 'pre_commit', *args], cwd=repo, capture_output=True, text=True, env=env)


def test_real_pre_commit_run_all_files_with_odd_names(tmp_path: object) -> None:
    repo = init_repo(os.path.join(str(tmp_path), 'repo'))
    _local_hooks_config(repo, ['scan-secrets'])
    for name in ODD_NAMES:
        write(os.path.join(repo, name), f'key = "{aws(("e2e", name))}"\n')
    outside = write(os.path.join(str(tmp_path), 'outside.txt'), f'key = "{aws("e2e-outside")}"\n')
    os.symlink(outside, os.path.join(repo, 'outside-link'))
    git('add', '--all', '--', '.', cwd=repo)
    result = _pre_commit(repo, os.path.join(str(tmp_path), 'pch'), 'run', '--all-files')
    output = result.stdout + result.stderr
    assert result.returncode == 1, output
    assert 'Traceback' not in output
    for name in ODD_NAMES:
        shown = json.dumps(name, ensure_ascii=False)[1:-1] if not name.isprintable() else name
        assert f'{shown}:1:8: aws-access-key-id' in output, name
        assert aws(('e2e', name)) not in output
    assert aws('e2e-outside') not in output and 'outside-link' not in output


def test_real_pre_commit_with_a_submodule(tmp_path: object) -> None:
    """A gitlink is a directory: pre-commit's default ``types: [file]`` never passes it; passed
    by hand it is an error, not a crash."""
    sub = init_repo(os.path.join(str(tmp_path), 'sub'))
    write(os.path.join(sub, 'x.py'), 'x = 1\n')
    git('add', 'x.py', cwd=sub)
    git('commit', '-qm', 'sub', cwd=sub)
    repo = init_repo(os.path.join(str(tmp_path), 'repo'))
    _local_hooks_config(repo, ['scan-secrets'])
    git('-c', 'protocol.file.allow=always', 'submodule', 'add', '-q', sub, 'vendored', cwd=repo)
    git('add', '--all', cwd=repo)
    result = _pre_commit(repo, os.path.join(str(tmp_path), 'pch'), 'run', '--all-files')
    assert result.returncode == 0, result.stdout + result.stderr
    os.chdir(repo)
    assert scan_secrets.main(['vendored']) == 2


# --- files leakstop reads for its own use --------------------------------------------------------

def _hook(*argv: str, cwd: str) -> subprocess.CompletedProcess[str]:
    """A hook in a child process bounded in memory and time (before the fix, /dev/zero was read
    until MemoryError and a FIFO waited on forever)."""
    import resource

    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (2 << 30, 2 << 30))
    bindir = os.path.dirname(sys.executable)
    return subprocess.run([os.path.join(bindir, argv[0]), *argv[1:]], cwd=cwd, capture_output=True, text=True,
                          timeout=60, preexec_fn=limit)


@pytest.mark.parametrize('own', ['.leakstop-baseline.json', '.leakstop.toml', '.gitignore'])
@pytest.mark.parametrize('target', ['/dev/zero', 'fifo'])
def test_own_files_are_read_only_as_regular_files(tmp_path: object, own: str, target: str) -> None:
    init_repo(str(tmp_path))
    write('app.py', 'x = 1\n')
    if target == 'fifo':
        os.mkfifo(own)
    else:
        os.symlink(target, own)
    hook = ('check-gitignore',) if own == '.gitignore' else ('scan-secrets', 'app.py')
    result = _hook(*hook, cwd=str(tmp_path))
    assert result.returncode == 2, result.stderr[-500:]
    assert f'{own}: cannot read' in result.stderr and 'not a regular file' in result.stderr
    assert 'Traceback' not in result.stderr


@pytest.mark.parametrize('report', ['detect-secrets', 'gitleaks', '.gitleaksignore'])
def test_baseline_import_reads_no_fifo_socket_or_device_an_entry_names(tmp_path: object, report: str) -> None:
    """Twelfth hostile review's brief, break 11 (not a break: it only looked hung on a cold rule cache): an entry of an
    imported report naming a FIFO, a socket or a link to /dev/zero is opened as every read is (non-blocking, fstat,
    regular files only, through ``files.read_bytes``): the import ends, and the entry matches no finding (the
    link is outside the repository: skipped). Guards the promise for every report format."""
    init_repo(str(tmp_path))
    os.mkfifo('pipe')
    os.symlink('/dev/zero', 'zero')
    server = socket.socket(socket.AF_UNIX)
    server.bind('sock')
    names = ['pipe', 'sock', 'zero']
    if report == 'detect-secrets':
        write('report.json', json.dumps({'version': '1.4.0', 'plugins_used': [], 'filters_used': [], 'results': {
            n: [{'type': 'Secret Keyword', 'filename': n, 'hashed_secret': '0' * 40, 'line_number': 1}] for n in names}}))
    elif report == 'gitleaks':
        write('report.json', json.dumps([{'File': n, 'StartLine': 1, 'Secret': 'a', 'Match': 'a', 'RuleID': 'generic-api-key',
                                          'Commit': '', 'Fingerprint': f'{n}:generic-api-key:1'} for n in names]))
    else:
        write('report.json', ''.join(f'{n}:generic-api-key:1\n' for n in names))
    try:
        result = _hook('leakstop', 'baseline', 'import', 'report.json', cwd=str(tmp_path))
    finally:
        server.close()
    assert result.returncode == 0, result.stderr[-500:]
    assert 'skipped an entry for zero: outside the repository' in result.stderr
    assert result.stdout.startswith('.leakstop-baseline.json: imported 0 finding(s) from report.json')
    assert '2 entries had no leakstop finding to match; 1 skipped' in result.stdout


def test_a_fifo_named_as_baseline_in_config_is_refused(tmp_path: object) -> None:
    write('.leakstop.toml', 'baseline = "reviewed.json"\n')
    os.mkfifo('reviewed.json')
    write('app.py', 'x = 1\n')
    result = _hook('scan-secrets', 'app.py', cwd=str(tmp_path))
    assert result.returncode == 2
    assert result.stderr.strip() == 'scan-secrets: error: reviewed.json: cannot read baseline: not a regular file'


def test_an_own_file_over_the_size_limit_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    write('big.json', b'{}' + b' ' * 100)
    with pytest.raises(OSError) as e:
        files.read_own_file('big.json', limit=64)
    assert 'larger than' in str(e.value.strerror)
    assert files.read_own_file('big.json', limit=102) == b'{}' + b' ' * 100


def test_a_very_deep_tree_is_walked_and_scanned(tmp_path: object, capsys: pytest.CaptureFixture[str]) -> None:
    """os.walk recursed: 1,100 nested directories raised RecursionError and nothing was scanned (issue 16 #12)."""
    from leakstop import cli
    deep = 'tree'
    os.mkdir(deep)
    for _ in range(1100):  # os.makedirs recurses too
        deep = os.path.join(deep, 'd')
        os.mkdir(deep)
    write(os.path.join('tree', 'top.py'), f'key = "{aws("top")}"\n')
    write(os.path.join(deep, 'bottom.py'), f'key = "{aws("bottom")}"\n')
    try:
        walked = list(files.walk(['tree']))
        assert walked == [os.path.join('tree', 'top.py'), os.path.join(deep, 'bottom.py')]
        assert cli.main(['scan', '--jobs', '1', 'tree']) == 1
        out = capsys.readouterr().out
        assert 'tree/top.py:1:8: aws-access-key-id' in out
        assert f'{deep}/bottom.py:1:8: aws-access-key-id' in out
    finally:  # shutil.rmtree recurses too: pytest could not remove the tree later
        os.remove(os.path.join(deep, 'bottom.py'))
        while deep != 'tree':
            os.rmdir(deep)
            deep = os.path.dirname(deep)


def test_walk_order_and_what_it_skips() -> None:
    for name in ('b/2.py', 'b/1.py', 'a.py', 'c/.git/config', '.git/x', 'z.py', 'c/d/e.py'):
        write(os.path.join('w', name), 'x = 1\n')
    os.symlink('b', os.path.join('w', 'link-to-b'))
    assert list(files.walk(['w', 'a-file-named-directly'])) == [
        'w/a.py', 'w/link-to-b', 'w/z.py', 'w/b/1.py', 'w/b/2.py', 'w/c/d/e.py', 'a-file-named-directly',
    ]


# -- names that are not UTF-8 (issue 13 #14) ---------------------------------------------------

def _hook_strict(hook: str, *names: bytes) -> subprocess.CompletedProcess[bytes]:
    """A hook as pre-commit starts it (names as raw bytes in argv), its stdout strict UTF-8."""
    env = {**os.environ, 'PYTHONIOENCODING': 'utf-8:strict', 'LC_ALL': 'C.UTF-8'}
    env.pop('GITHUB_ACTIONS', None)
    module = f'leakstop.hooks.{hook.replace("-", "_")}'
    return subprocess.run([sys.executable.encode(), b'-m', module.encode(), *names], capture_output=True, env=env)


@pytest.mark.parametrize(('hook', 'name', 'content', 'line'), [
    ('scan-secrets', b'caf\xe9.py', 'key = "{}"\n', 'caf\\xe9.py:1:8: aws-access-key-id: '),
    ('block-credential-files', b'id_rsa\xff', '', 'id_rsa\\xff:2:1: pem-private-key: '),
    ('block-env-files', b'd\xe9ploy/.env', 'KEY={}\n', 'd\\xe9ploy/.env: '),
    ('scan-secrets', b'\xe9\\x.py', 'key = "{}"\n', '\\xe9\\\\x.py:1:8: aws-access-key-id: '),  # a backslash is doubled
])
def test_hooks_show_an_undecodable_name_escaped(hook: str, name: bytes, content: str, line: str) -> None:
    if hook == 'block-credential-files':
        data = fakes.pem_private_key(seed='odd-bytes').encode()
    else:
        data = content.format(aws(name)).encode()
    os.makedirs(os.path.dirname(name) or b'.', exist_ok=True)
    with open(name, 'wb') as f:
        f.write(data)
    proc = _hook_strict(hook, name)
    assert b'Traceback' not in proc.stderr, proc.stderr.decode('utf-8', 'replace')
    assert proc.returncode == 1
    out = proc.stdout.decode('utf-8')
    assert out.startswith(line), out
    assert aws(name) not in out


def test_check_gitignore_with_an_undecodable_name(tmp_path: object) -> None:
    repo = init_repo(os.path.join(str(tmp_path), 'repo'))
    with open(os.path.join(repo, '.gitignore'), 'w') as f:
        f.write('.env\n')
    os.chdir(repo)
    proc = _hook_strict('check-gitignore', b'.gitignore', b'caf\xe9.py')
    assert b'Traceback' not in proc.stderr, proc.stderr.decode('utf-8', 'replace')
    assert proc.returncode == 1
    assert proc.stdout.decode('utf-8').startswith('.gitignore: gitignore-env: does not ignore .env files')


def test_real_pre_commit_refuses_a_commit_of_an_undecodable_name(tmp_path: object) -> None:
    """pre-commit itself cannot list such a name (it decodes ``git diff --name-only`` as strict
    UTF-8) and stops before any hook runs: the commit is refused, never let through unscanned."""
    repo = init_repo(os.path.join(str(tmp_path), 'repo'))
    _local_hooks_config(repo, ['scan-secrets', 'block-credential-files', 'block-env-files'])
    git('add', '.pre-commit-config.yaml', cwd=repo)
    git('commit', '-qm', 'config', cwd=repo)
    home = os.path.join(str(tmp_path), 'pch')
    assert _pre_commit(repo, home, 'install').returncode == 0
    with open(os.path.join(os.fsencode(repo), b'caf\xe9.py'), 'wb') as f:
        f.write(f'key = "{aws("pre-commit-bytes")}"\n'.encode())
    git('add', '-A', cwd=repo)
    env = dict(os.environ, PRE_COMMIT_HOME=home, PATH=os.path.dirname(sys.executable) + os.pathsep + os.environ['PATH'])
    env.pop('PRE_COMMIT', None)
    result = git('commit', '-m', 'odd name', cwd=repo, check=False, env=env)
    output = result.stdout + result.stderr
    assert result.returncode != 0, output
    assert git('rev-list', '--count', 'HEAD', cwd=repo).stdout.strip() == '1'  # nothing committed
    assert aws('pre-commit-bytes') not in output
    with open(os.path.join(home, 'pre-commit.log')) as f:
        log = f.read()
    assert "UnicodeDecodeError: 'utf-8' codec can't decode byte 0xe9" in log
    assert 'leakstop' not in log  # pre-commit stopped before any hook: no traceback of ours

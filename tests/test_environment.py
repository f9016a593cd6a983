"""The installed console scripts in unfriendly environments: no HOME, an unwritable, full or
corrupt cache, no git repository, no git at all, a read-only checkout. The hooks keep working
(the cache is an optimisation) and never write into the checkout.
"""
from __future__ import annotations

import errno
import os
import shutil
import subprocess
import sys

import pytest

import fakes
from e2e import git, init_repo

BIN = os.path.dirname(sys.executable)
AWS = fakes.aws_key_id(seed='env')
HOOKS = ('scan-secrets', 'block-credential-files', 'block-env-files', 'check-gitignore')


def base_env(**extra: str) -> dict[str, str]:
    env = {'PATH': BIN + os.pathsep + '/usr/bin:/bin', 'LC_ALL': 'C.UTF-8'}
    env.update(extra)
    return env


def run(cwd: str, env: dict[str, str], *argv: str, user: int | None = None) -> subprocess.CompletedProcess[str]:
    def demote() -> None:  # pragma: no cover (child process)
        if user is not None:
            os.setgid(user)
            os.setuid(user)
    return subprocess.run(argv, cwd=cwd, env=env, capture_output=True, text=True, timeout=300,
                          preexec_fn=demote if user is not None else None)


def make_project(path: str) -> str:
    os.makedirs(path, exist_ok=True)
    with open(os.path.join(path, 'app.py'), 'w') as f:
        f.write(f'aws_access_key_id = "{AWS}"\n')
    with open(os.path.join(path, 'clean.py'), 'w') as f:
        f.write('x = 1\n')
    with open(os.path.join(path, '.gitignore'), 'w') as f:
        f.write('.env\n.env.*\n!.env.example\ncredentials.json\nid_rsa\nid_dsa\nid_ecdsa\nid_ed25519\n*.pem\n*.key\n*.p12\n*.tfstate\n*.tfstate.*\n')
    return path


def assert_scanned(result: subprocess.CompletedProcess[str]) -> None:
    assert result.returncode == 1, result.stdout + result.stderr
    assert 'app.py:1:22: aws-access-key-id' in result.stdout
    assert result.stderr == '' and AWS not in result.stdout


def tree(path: str) -> dict[str, tuple[int, int]]:
    """Every path under ``path`` with its size and mtime: what a run must not change."""
    out = {}
    for root, dirs, names in os.walk(path):
        for name in dirs + names:
            p = os.path.join(root, name)
            st = os.lstat(p)
            out[os.path.relpath(p, path)] = (st.st_size, st.st_mtime_ns)
    return out


@pytest.fixture
def project(tmp_path: object) -> str:
    return make_project(os.path.join(str(tmp_path), 'project'))


@pytest.fixture(scope='module')
def warm_cache(tmp_path_factory: pytest.TempPathFactory) -> str:
    """A cache filled once (a cold start compiles every rule): tests copy it."""
    base = str(tmp_path_factory.mktemp('warm'))
    cache = os.path.join(base, 'cache')
    assert_scanned(run(make_project(os.path.join(base, 'project')), base_env(XDG_CACHE_HOME=cache), 'scan-secrets', 'app.py'))
    return cache


def copy_of(cache: str, tmp_path: object) -> str:
    return shutil.copytree(cache, os.path.join(str(tmp_path), 'cache'))


def test_no_home_and_no_xdg_cache_home(project: str) -> None:
    assert_scanned(run(project, base_env(), 'scan-secrets', 'app.py', 'clean.py'))


@pytest.mark.parametrize('cache', ['/proc/1', '/dev/null/below-a-file'])
def test_unwritable_cache_directory(project: str, cache: str) -> None:
    """/proc refuses new directories even to root; below a file cannot exist at all."""
    assert_scanned(run(project, base_env(XDG_CACHE_HOME=cache, HOME=cache), 'scan-secrets', 'app.py'))


def _cache_entries(cache: str) -> list[str]:
    directory = os.path.join(cache, 'leakstop')
    return sorted(os.listdir(directory)) if os.path.isdir(directory) else []


@pytest.mark.parametrize('damage', ['garbage', 'truncated', 'empty', 'wrong-type', 'directory'])
def test_corrupt_cache_is_a_miss_and_is_repaired(project: str, tmp_path: object, warm_cache: str, damage: str) -> None:
    from leakstop.cache import dumps
    cache = copy_of(warm_cache, tmp_path)
    env = base_env(XDG_CACHE_HOME=cache)
    entries = _cache_entries(cache)
    assert entries
    for name in entries:
        path = os.path.join(cache, 'leakstop', name)
        with open(path, 'rb') as f:
            good = f.read()
        if damage == 'directory':
            os.remove(path)
            os.mkdir(path)
            continue
        with open(path, 'wb') as f:
            f.write({'garbage': os.urandom(200), 'truncated': good[:len(good) // 2], 'empty': b'',
                     'wrong-type': dumps(['not', 'what', 'was', 'stored'])}[damage])
    assert_scanned(run(project, env, 'scan-secrets', 'app.py'))
    if damage != 'directory':
        assert_scanned(run(project, env, 'scan-secrets', 'app.py'))


def test_full_cache_disk(project: str, tmp_path: object, monkeypatch: pytest.MonkeyPatch,
                         capsys: pytest.CaptureFixture[str]) -> None:
    """Every cache write fails with ENOSPC: the scan runs uncached and leaves no temporary file."""
    from leakstop import cache
    from leakstop.hooks import scan_secrets

    def full(*args: object, **kwargs: object) -> None:
        raise OSError(errno.ENOSPC, 'No space left on device')
    cache_home = os.path.join(str(tmp_path), 'cache')
    monkeypatch.setenv('XDG_CACHE_HOME', cache_home)
    monkeypatch.setattr(cache.os, 'replace', full)
    monkeypatch.chdir(project)
    assert scan_secrets.main(['app.py']) == 1
    assert 'app.py:1:22: aws-access-key-id' in capsys.readouterr().out
    assert _cache_entries(cache_home) == []  # no entry, no .tmp- leftovers


def test_no_git_repository(project: str, tmp_path: object, warm_cache: str) -> None:
    env = base_env(XDG_CACHE_HOME=copy_of(warm_cache, tmp_path))
    assert_scanned(run(project, env, 'scan-secrets', 'app.py', 'clean.py'))
    result = run(project, env, 'leakstop', 'scan', '--jobs', '1', '.')
    assert result.returncode == 1 and 'app.py:1:22' in result.stdout
    assert run(project, env, 'check-gitignore').returncode == 0  # the .gitignore is read directly
    result = run(project, env, 'leakstop', 'scan', '--staged')
    assert result.returncode == 2 and result.stderr.startswith('leakstop: error: ') and result.stderr.count('\n') == 1


def test_git_missing_from_path(project: str, tmp_path: object, warm_cache: str) -> None:
    init_repo(project)
    git('add', '.', cwd=project)
    env = base_env(XDG_CACHE_HOME=copy_of(warm_cache, tmp_path))
    env['PATH'] = BIN  # python and the console scripts, no git
    assert shutil.which('git', path=env['PATH']) is None
    assert_scanned(run(project, env, 'scan-secrets', 'app.py'))
    with open(os.path.join(project, 'id_rsa'), 'w') as f:
        f.write(fakes.pem_private_key(kind='OPENSSH PRIVATE KEY', seed='env'))
    result = run(project, env, 'block-credential-files', 'id_rsa', 'clean.py')
    assert result.returncode == 1 and 'id_rsa' in result.stdout and 'Traceback' not in result.stderr
    with open(os.path.join(project, '.env'), 'w') as f:
        f.write('DEBUG=1\n')
    result = run(project, env, 'block-env-files', '.env')
    assert result.returncode == 1 and 'Traceback' not in result.stderr
    result = run(project, env, 'check-gitignore')
    assert result.returncode == 0, result.stdout + result.stderr
    result = run(project, env, 'leakstop', 'scan', '--staged')
    assert result.returncode == 2 and 'Traceback' not in result.stderr and result.stderr.count('\n') == 1


# Root ignores file permissions: a read-only checkout is then simulated at the Python level
# (every write below the checkout fails with EROFS, as on a read-only mount).
READ_ONLY_SITECUSTOMIZE = """
import builtins, errno, io, os

_root = os.path.realpath(os.environ['LEAKSTOP_TEST_READ_ONLY'])


def _inside(path):
    try:
        real = os.path.realpath(os.fspath(path))
    except TypeError:  # a file descriptor
        return False
    return real == _root or real.startswith(_root + os.sep)


def _refuse(path):
    raise OSError(errno.EROFS, 'Read-only file system', path)


_open = builtins.open


def _checked_open(file, mode='r', *args, **kwargs):
    if any(c in mode for c in 'wax+') and _inside(file):
        _refuse(file)
    return _open(file, mode, *args, **kwargs)


builtins.open = io.open = _checked_open
_os_open = os.open
_WRITE = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_TRUNC | os.O_APPEND


def _checked_os_open(path, flags, *args, **kwargs):
    if flags & _WRITE and _inside(path):
        _refuse(path)
    return _os_open(path, flags, *args, **kwargs)


os.open = _checked_os_open
for _name in ('mkdir', 'rename', 'replace', 'remove', 'unlink', 'rmdir', 'chmod', 'symlink', 'link', 'utime', 'truncate'):
    def _checked(path, *args, _real=getattr(os, _name), **kwargs):
        if _inside(path):
            _refuse(path)
        return _real(path, *args, **kwargs)
    setattr(os, _name, _checked)
"""


def test_read_only_checkout(tmp_path: object, warm_cache: str) -> None:
    """Hooks read; they never write: in a checkout nobody may write to, every hook works, and
    commands that must write (a baseline) fail with one clear line."""
    project = make_project(os.path.join(str(tmp_path), 'project'))
    with open(os.path.join(project, '.env.example'), 'w') as f:
        f.write('API_KEY=<your-api-key>\n')
    for root, dirs, names in os.walk(project):
        for name in names:
            os.chmod(os.path.join(root, name), 0o444)
    os.chmod(project, 0o555)
    env = base_env(XDG_CACHE_HOME=copy_of(warm_cache, tmp_path), HOME=str(tmp_path))
    if os.geteuid() == 0:
        site = os.path.join(str(tmp_path), 'site')
        os.makedirs(site)
        with open(os.path.join(site, 'sitecustomize.py'), 'w') as f:
            f.write(READ_ONLY_SITECUSTOMIZE)
        env.update(PYTHONPATH=site, LEAKSTOP_TEST_READ_ONLY=project)
    before = tree(project)
    try:
        assert_scanned(run(project, env, 'scan-secrets', 'app.py', 'clean.py'))
        assert run(project, env, 'block-credential-files', 'app.py', 'clean.py').returncode == 0
        assert run(project, env, 'block-env-files', '.env.example').returncode == 0
        assert run(project, env, 'check-gitignore').returncode == 0
        result = run(project, env, 'leakstop', 'scan', '--jobs', '2', '--format', 'sarif', '.')
        assert result.returncode == 1 and 'Traceback' not in result.stderr
        result = run(project, env, 'leakstop', 'baseline', 'create', 'app.py')
        assert result.returncode == 2, result.stdout + result.stderr
        assert result.stderr.startswith('leakstop: error: .leakstop-baseline.json: cannot write baseline: ')
        assert tree(project) == before
    finally:
        os.chmod(project, 0o755)

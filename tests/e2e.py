"""Helpers for end-to-end tests: real git repositories and the real pre-commit, offline but for PyPI."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from typing import Any, Sequence

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PRE_COMMIT = [sys.executable, '-m', 'pre_commit']


def git(*args: str, cwd: str, check: bool = True, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(('git', *args), cwd=cwd, check=check, capture_output=True, text=True, env=env)


def init_repo(path: str) -> str:
    os.makedirs(path, exist_ok=True)
    git('init', '-q', '-b', 'main', cwd=path)
    git('config', 'user.email', 'dev@example.invalid', cwd=path)
    git('config', 'user.name', 'Dev', cwd=path)
    git('config', 'commit.gpgsign', 'false', cwd=path)
    return path


def enter_repo(tmp_path: object, monkeypatch: Any) -> str:
    """A fresh repository as the current directory, outside GitHub Actions (for the ``repo`` fixtures
    of the CLI's tests)."""
    path = init_repo(os.path.join(str(tmp_path), 'repo'))
    monkeypatch.chdir(path)
    monkeypatch.delenv('GITHUB_ACTIONS', raising=False)
    return path


def write(name: str, content: str | bytes) -> str:
    """``content`` into the file ``name`` (directories made), as bytes; returns ``name``."""
    os.makedirs(os.path.dirname(name) or '.', exist_ok=True)
    with open(name, 'wb') as f:
        f.write(content.encode() if isinstance(content, str) else content)
    return name


def read(name: str) -> bytes:
    with open(name, 'rb') as f:
        return f.read()


def snapshot_of_this_repo(dest: str, *, skip: tuple[str, ...] = ('tests/corpus/', 'bench/')) -> tuple[str, str]:
    """A git repository holding this working tree as it is now (uncommitted changes included): (path, sha).

    ``skip``: path prefixes left out (the corpus and benchmarks are not needed to install the hooks).
    """
    listed = git('ls-files', '-z', '--cached', '--others', '--exclude-standard', cwd=ROOT).stdout
    init_repo(dest)
    for rel in filter(None, listed.split('\0')):
        src = os.path.join(ROOT, rel)
        if not os.path.isfile(src) or os.path.islink(src) or rel.startswith(skip):
            continue
        os.makedirs(os.path.dirname(os.path.join(dest, rel)), exist_ok=True)
        shutil.copy2(src, os.path.join(dest, rel))
    git('add', '-A', cwd=dest)
    git('commit', '-qm', 'snapshot', cwd=dest)
    return dest, git('rev-parse', 'HEAD', cwd=dest).stdout.strip()


def hook_env(pre_commit_home: str) -> dict[str, str]:
    env = dict(os.environ)
    env['PRE_COMMIT_HOME'] = pre_commit_home
    env.pop('PRE_COMMIT', None)
    env['PATH'] = os.path.dirname(sys.executable) + os.pathsep + env.get('PATH', '')
    return env


def write_config(repo: str, hooks_repo: str, rev: str, hook_ids: Sequence[str], args: Sequence[str] = ()) -> None:
    hooks = ''.join(
        f'    -   id: {hid}\n' + (f'        args: {list(args)!r}\n' if args else '') for hid in hook_ids
    )
    with open(os.path.join(repo, '.pre-commit-config.yaml'), 'w') as f:
        f.write(f'repos:\n-   repo: {hooks_repo}\n    rev: {rev}\n    hooks:\n{hooks}')


# -- a repository with one leakstop hook installed as `repo: local` (no network) ----------------

def hook_entry(hook: str) -> str:
    """The console script next to this Python, else the module (an editable install may predate it)."""
    script = os.path.join(os.path.dirname(sys.executable), hook)
    if os.path.exists(script):
        return script
    return f'{sys.executable} -m leakstop.hooks.{hook.replace("-", "_")}'


def git_in(root: object, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(('git', '-C', str(root), *args), capture_output=True, text=True, check=False)


def local_hook_repo(tmp_path: Any, monkeypatch: Any, hook_id: str, name: str) -> Any:
    """A fresh git repository (in ``tmp_path / 'repo'``) whose pre-commit runs ``hook_id`` on commit."""
    for key, value in {
        'GIT_CONFIG_GLOBAL': os.devnull, 'GIT_CONFIG_NOSYSTEM': '1', 'PRE_COMMIT_HOME': str(tmp_path / 'pc-home'),
        'GIT_AUTHOR_NAME': 'Test', 'GIT_AUTHOR_EMAIL': 'test@example.com',
        'GIT_COMMITTER_NAME': 'Test', 'GIT_COMMITTER_EMAIL': 'test@example.com',
    }.items():
        monkeypatch.setenv(key, value)
    root = tmp_path / 'repo'
    root.mkdir()
    assert git_in(root, 'init', '-q').returncode == 0
    (root / '.pre-commit-config.yaml').write_text(
        'repos:\n-   repo: local\n    hooks:\n'
        f'    -   id: {hook_id}\n        name: {name}\n'
        f'        entry: {hook_entry(hook_id)}\n        language: system\n',
    )
    assert git_in(root, 'add', '.pre-commit-config.yaml').returncode == 0
    assert git_in(root, 'commit', '-q', '-m', 'config').returncode == 0
    pre_commit = os.path.join(os.path.dirname(sys.executable), 'pre-commit')
    subprocess.run((pre_commit, 'install'), cwd=root, check=True, capture_output=True)
    return root


def commit_files(root: Any, files: dict[str, str | bytes], message: str = 'change') -> subprocess.CompletedProcess[str]:
    for name, data in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data.encode() if isinstance(data, str) else data)
    assert git_in(root, 'add', *files).returncode == 0
    return git_in(root, 'commit', '-m', message)

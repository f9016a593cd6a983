"""Helpers for end-to-end tests: real git repositories and the real pre-commit, offline but for PyPI."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from typing import Sequence

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

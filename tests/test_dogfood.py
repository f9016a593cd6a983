"""The repository passes its own hooks (.pre-commit-config.yaml), run by the real pre-commit.

Its fake fixtures pass through its allowlist (rule examples, corpus data) and its reviewed
baseline (baselines/leakstop-baseline.json), never by switching a hook off.
"""
from __future__ import annotations

import subprocess

import pytest

from e2e import PRE_COMMIT, hook_env, snapshot_of_this_repo


def test_pre_commit_run_all_files_passes_on_this_repository(tmp_path_factory: pytest.TempPathFactory) -> None:
    base = tmp_path_factory.mktemp('dogfood')
    repo, _ = snapshot_of_this_repo(str(base / 'leakstop'), skip=())
    env = hook_env(str(base / 'pre-commit-home'))
    result = subprocess.run([*PRE_COMMIT, 'run', '--all-files'], cwd=repo, capture_output=True, text=True, env=env)
    assert result.returncode == 0, result.stdout + result.stderr
    for hook in ('scan for secrets', 'block credential files', 'block .env files', 'check .gitignore covers secrets'):
        assert f'{hook} (leakstop, working copy)' in result.stdout
    assert 'Skipped' not in result.stdout

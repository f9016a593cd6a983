"""The real pre-commit installs this repository's hooks and stops a commit with a fake key."""
from __future__ import annotations

import os
import subprocess
import sys

import pytest

import fakes
from e2e import PRE_COMMIT, git, hook_env, init_repo, snapshot_of_this_repo, write_config

AWS_ID = fakes.aws_key_id(seed='e2e')
AWS_SECRET = fakes.aws_secret(seed='e2e')


@pytest.fixture(scope='session')
def hooks_repo(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, str, str]:
    base = tmp_path_factory.mktemp('hooks')
    path, rev = snapshot_of_this_repo(str(base / 'leakstop'))
    return path, rev, str(base / 'pre-commit-home')


@pytest.fixture
def repo(tmp_path: object, hooks_repo: tuple[str, str, str]) -> str:
    path = init_repo(os.path.join(str(tmp_path), 'project'))
    write_config(path, hooks_repo[0], hooks_repo[1], ['scan-secrets'])
    git('add', '.pre-commit-config.yaml', cwd=path)
    git('commit', '-qm', 'config', cwd=path)
    subprocess.run([*PRE_COMMIT, 'install'], cwd=path, check=True, capture_output=True, env=hook_env(hooks_repo[2]))
    return path


def commit(repo: str, hooks_repo: tuple[str, str, str], name: str, content: str) -> subprocess.CompletedProcess[str]:
    with open(os.path.join(repo, name), 'w') as f:
        f.write(content)
    git('add', name, cwd=repo)
    return git('commit', '-m', f'add {name}', cwd=repo, check=False, env=hook_env(hooks_repo[2]))


def test_commit_with_fake_aws_key_is_refused(repo: str, hooks_repo: tuple[str, str, str]) -> None:
    result = commit(repo, hooks_repo, 'deploy.py', f'AWS_ACCESS_KEY_ID = "{AWS_ID}"\nregion = "eu-west-1"\n')
    output = result.stdout + result.stderr
    assert result.returncode != 0, output
    (line,) = [ln for ln in output.splitlines() if ln.startswith('deploy.py:')]
    assert line.startswith('deploy.py:1:22: aws-access-key-id: ')
    assert line.endswith(f': {AWS_ID[:4]}…')
    assert AWS_ID not in output
    assert git('rev-list', '--count', 'HEAD', cwd=repo).stdout.strip() == '1'  # nothing committed


def test_clean_commit_passes(repo: str, hooks_repo: tuple[str, str, str]) -> None:
    result = commit(repo, hooks_repo, 'deploy.py', 'import os\nkey = os.environ["AWS_ACCESS_KEY_ID"]\n')
    assert result.returncode == 0, result.stdout + result.stderr
    assert 'scan for secrets' in result.stdout + result.stderr
    assert git('rev-list', '--count', 'HEAD', cwd=repo).stdout.strip() == '2'


def test_run_all_files_reports_only_what_is_there(repo: str, hooks_repo: tuple[str, str, str]) -> None:
    env = hook_env(hooks_repo[2])
    for name, content in [('a.py', 'x = 1\n'), ('b.md', f'aws_access_key_id = {AWS_ID}\n')]:
        with open(os.path.join(repo, name), 'w') as f:
            f.write(content)
    git('add', '.', cwd=repo)
    result = subprocess.run([*PRE_COMMIT, 'run', '--all-files'], cwd=repo, capture_output=True, text=True, env=env)
    assert result.returncode == 1
    assert 'b.md:1:21: aws-access-key-id' in result.stdout
    assert 'a.py' not in result.stdout
    result = subprocess.run([*PRE_COMMIT, 'run', '--files', 'a.py'], cwd=repo, capture_output=True, text=True, env=env)
    assert result.returncode == 0, result.stdout


def test_one_summary_for_all_the_files_of_a_run(repo: str, hooks_repo: tuple[str, str, str]) -> None:
    """Issue 14 #6: pre-commit split the files into one batch per CPU and each batch printed its own
    total; the hook runs serially (and uses the CPUs itself), so the run prints one, over every file."""
    env = hook_env(hooks_repo[2])
    for i in range(24):
        with open(os.path.join(repo, f'm{i:02d}.py'), 'w') as f:
            f.write(f'AWS_ACCESS_KEY_ID = "{fakes.aws_key_id(seed=f"batch-{i}")}"\n')
    git('add', '-A', cwd=repo)
    result = subprocess.run([*PRE_COMMIT, 'run', '--all-files'], cwd=repo, capture_output=True, text=True, env=env)
    output = result.stdout + result.stderr
    assert result.returncode == 1, output
    summaries = [ln for ln in output.splitlines() if ln.startswith('leakstop: ') and ' finding' in ln]
    assert len(summaries) == 1 and summaries[0].startswith('leakstop: 24 findings in 24 files'), summaries


def test_a_symlink_whose_target_holds_a_token_is_refused(repo: str, hooks_repo: tuple[str, str, str]) -> None:
    """Third hostile review (break 07): git commits a symlink's target path as its blob; pre-commit passed
    no symlink to scan-secrets (its default types are [file]), and `leakstop scan --staged / --all /
    --history` skipped links. The hook now takes symlinks (types_or: [file, symlink]) and scans the target."""
    gh = fakes.github('ghp', seed='link-e2e')
    os.symlink(f'https://x-access-token:{gh}@github.com/o/r.git', os.path.join(repo, 'remote.link'))
    os.symlink('README.md', os.path.join(repo, 'readme.link'))
    git('add', 'remote.link', 'readme.link', cwd=repo)
    result = git('commit', '-m', 'links', cwd=repo, check=False, env=hook_env(hooks_repo[2]))
    output = result.stdout + result.stderr
    assert result.returncode != 0 and gh not in output
    assert [ln.split(': ')[1] for ln in output.splitlines() if ln.startswith(('remote.link:', 'readme.link:'))] == ['github-pat-classic']
    for scope in ('--staged', '--all'):
        scanned = subprocess.run([sys.executable, '-m', 'leakstop.cli', 'scan', scope], cwd=repo, capture_output=True, text=True)
        assert scanned.returncode == 1 and scanned.stdout.startswith('remote.link:1:'), scope
    git('commit', '-qm', 'links', '--no-verify', cwd=repo)
    history = subprocess.run([sys.executable, '-m', 'leakstop.cli', 'scan', '--history'], cwd=repo, capture_output=True, text=True)
    assert history.returncode == 1 and ':remote.link:1:' in history.stdout and gh not in history.stdout
    assert 'readme.link' not in history.stdout

"""End to end, as CI and teams run it: the real pre-commit (CI=true, no terminal), the pre-push stage
with a bare remote, and the ``leakstop`` command's --staged and --history scopes."""
from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

import fakes
from e2e import PRE_COMMIT, git, hook_env, init_repo, snapshot_of_this_repo

AWS = fakes.aws_key_id(seed='e2e-ci')
GH = fakes.github('ghp', seed='e2e-ci')
LEAKSTOP = [sys.executable, '-m', 'leakstop.cli']


@pytest.fixture(scope='module')
def hooks_repo(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, str, str]:
    base = tmp_path_factory.mktemp('hooks-ci')
    path, rev = snapshot_of_this_repo(str(base / 'leakstop'))
    return path, rev, str(base / 'pre-commit-home')


def ci_env(pre_commit_home: str, **extra: str) -> dict[str, str]:
    env = hook_env(pre_commit_home)
    for key in ('GITHUB_ACTIONS', 'NO_COLOR', 'PRE_COMMIT_COLOR'):
        env.pop(key, None)
    env['CI'] = 'true'
    env.update(extra)
    return env


def run(cmd: list[str], cwd: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(cmd, cwd=cwd, env=env, stdin=subprocess.DEVNULL, capture_output=True, text=True)


def write(repo: str, name: str, content: str) -> None:
    path = os.path.join(repo, name)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, 'w') as f:
        f.write(content)


def config(repo: str, hooks: tuple[str, str, str], *, stages: str = '') -> None:
    extra = f'        stages: [{stages}]\n' if stages else ''
    write(repo, '.pre-commit-config.yaml',
          f'repos:\n-   repo: {hooks[0]}\n    rev: {hooks[1]}\n    hooks:\n    -   id: scan-secrets\n{extra}')


@pytest.fixture
def project(tmp_path: object, hooks_repo: tuple[str, str, str]) -> str:
    repo = init_repo(os.path.join(str(tmp_path), 'project'))
    config(repo, hooks_repo)
    write(repo, 'app.py', 'import os\nKEY = os.environ["AWS_ACCESS_KEY_ID"]\n')
    git('add', '.', cwd=repo)
    git('commit', '-qm', 'initial', cwd=repo)
    return repo


def test_run_all_files_in_ci_clean(project: str, hooks_repo: tuple[str, str, str]) -> None:
    result = run([*PRE_COMMIT, 'run', '--all-files'], project, ci_env(hooks_repo[2]))
    assert result.returncode == 0, result.stdout + result.stderr
    assert 'scan for secrets' in result.stdout and 'Passed' in result.stdout


def test_run_all_files_in_ci_with_findings(project: str, hooks_repo: tuple[str, str, str]) -> None:
    write(project, 'docs/setup.md', f'aws_access_key_id = {AWS}\n')
    write(project, 'ci/deploy.sh', f'export GITHUB_TOKEN={GH}\n')
    git('add', '.', cwd=project)
    result = run([*PRE_COMMIT, 'run', '--all-files'], project, ci_env(hooks_repo[2], GITHUB_ACTIONS='true'))
    output = result.stdout + result.stderr
    assert result.returncode == 1, output
    assert 'docs/setup.md:1:21: aws-access-key-id' in output
    assert 'ci/deploy.sh:1:' in output and 'github-pat-classic' in output
    assert '::error file=docs/setup.md,line=1,col=21,title=leakstop%3A aws-access-key-id::' in output
    assert AWS not in output and GH not in output
    assert '\r' not in output and '\033[' not in output  # no progress, no colour: not a terminal, and CI


def test_pre_push_stage_with_a_bare_remote(tmp_path: object, hooks_repo: tuple[str, str, str]) -> None:
    env = ci_env(hooks_repo[2])
    remote = os.path.join(str(tmp_path), 'remote.git')
    git('init', '-q', '--bare', remote, cwd=str(tmp_path))
    repo = init_repo(os.path.join(str(tmp_path), 'pusher'))
    config(repo, hooks_repo, stages='pre-push')
    write(repo, 'README.md', 'hello\n')
    git('add', '.', cwd=repo)
    git('commit', '-qm', 'initial', cwd=repo)
    git('remote', 'add', 'origin', remote, cwd=repo)
    installed = run([*PRE_COMMIT, 'install', '--hook-type', 'pre-push'], repo, env)
    assert installed.returncode == 0, installed.stderr
    pushed = git('push', '-q', 'origin', 'main', cwd=repo, env=env, check=False)
    assert pushed.returncode == 0, pushed.stdout + pushed.stderr

    write(repo, 'src/settings.py', f'# settings\nAWS_ACCESS_KEY_ID = "{AWS}"\n')
    git('add', '.', cwd=repo)
    git('commit', '-qm', 'add settings', cwd=repo, env=env)  # the pre-commit stage is not installed
    refused = git('push', 'origin', 'main', cwd=repo, env=env, check=False)
    output = refused.stdout + refused.stderr
    assert refused.returncode != 0, output
    assert 'src/settings.py:2:22: aws-access-key-id' in output
    assert AWS not in output
    remote_head = git('rev-parse', 'main', cwd=remote).stdout.strip()
    assert remote_head != git('rev-parse', 'HEAD', cwd=repo).stdout.strip()  # nothing was pushed

    write(repo, 'src/settings.py', '# settings\nimport os\nAWS_ACCESS_KEY_ID = os.environ["AWS_ACCESS_KEY_ID"]\n')
    git('commit', '-qam', 'read the key from the environment', cwd=repo, env=env)
    # the range still holds the commit that added the key, but pre-push judges the files as they are:
    # `leakstop scan --since origin/main` is what catches it (below)
    pushed = git('push', '-q', 'origin', 'main', cwd=repo, env=env, check=False)
    assert pushed.returncode == 0, pushed.stdout + pushed.stderr
    history = run([*LEAKSTOP, 'scan', '--since', 'HEAD~2', '--format', 'json'], repo, env)
    assert history.returncode == 1
    (finding,) = json.loads(history.stdout)['findings']
    assert finding['path'] == 'src/settings.py' and finding['commit'] == git('rev-parse', 'HEAD~1', cwd=repo).stdout.strip()


def test_commit_is_judged_on_what_is_staged(project: str, hooks_repo: tuple[str, str, str]) -> None:
    env = hook_env(hooks_repo[2])
    assert run([*PRE_COMMIT, 'install'], project, env).returncode == 0
    write(project, 'deploy.py', f'AWS_ACCESS_KEY_ID = "{AWS}"\n')
    git('add', 'deploy.py', cwd=project)
    write(project, 'deploy.py', 'import os\nAWS_ACCESS_KEY_ID = os.environ["AWS_ACCESS_KEY_ID"]\n')  # not staged
    staged = run([*LEAKSTOP, 'scan', '--staged'], project, ci_env(hooks_repo[2]))
    assert staged.returncode == 1 and 'deploy.py:1:22: aws-access-key-id' in staged.stdout
    assert run([*LEAKSTOP, 'scan', 'deploy.py'], project, ci_env(hooks_repo[2])).returncode == 0  # the working tree
    committed = git('commit', '-m', 'deploy', cwd=project, env=env, check=False)
    assert committed.returncode != 0, committed.stdout + committed.stderr
    assert 'deploy.py:1:22: aws-access-key-id' in committed.stdout + committed.stderr
    with open(os.path.join(project, 'deploy.py')) as f:
        assert 'os.environ' in f.read()  # pre-commit restored the unstaged edit


def test_history_finds_a_secret_that_was_removed(project: str, hooks_repo: tuple[str, str, str]) -> None:
    env = ci_env(hooks_repo[2])
    write(project, 'config/app.yaml', f'aws:\n  region: eu-west-1\n  access_key_id: {AWS}\n')
    git('add', '.', cwd=project)
    git('commit', '-qm', 'config', cwd=project)
    added = git('rev-parse', 'HEAD', cwd=project).stdout.strip()
    write(project, 'config/app.yaml', 'aws:\n  region: eu-west-1\n')
    git('commit', '-qam', 'remove the key', cwd=project)
    assert run([*LEAKSTOP, 'scan', '--all'], project, env).returncode == 0
    result = run([*LEAKSTOP, 'scan', '--history'], project, env)
    assert result.returncode == 1, result.stderr
    assert f'{added[:12]}:config/app.yaml:3:18: aws-access-key-id' in result.stdout
    assert f'commit {added} (' in result.stdout
    assert AWS not in result.stdout + result.stderr
    assert '\r' not in result.stderr  # no progress in CI
    sarif = run([*LEAKSTOP, 'scan', '--history', '--format', 'sarif', '--output', 'leakstop.sarif'], project, env)
    assert sarif.returncode == 1 and sarif.stdout == ''
    with open(os.path.join(project, 'leakstop.sarif')) as f:
        doc = json.load(f)
    assert doc['runs'][0]['results'][0]['properties']['commit'] == added

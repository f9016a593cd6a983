"""No secret ever leaves whole: not on stdout or stderr, not in a file any command writes
(baselines, reports, the cache under XDG_CACHE_HOME), not in an error or a traceback; and
nothing touches the network.

Every command and output format runs, as the installed console scripts, over a repository
full of fake secrets.
"""
from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import textwrap

import pytest

import fakes
from e2e import git, init_repo

BIN = os.path.dirname(sys.executable)
AWS_ID = fakes.aws_key_id(seed='leak')
AWS_SECRET = fakes.aws_secret(seed='leak')
GITHUB = fakes.github('ghp', seed='leak')
SLACK = fakes.slack(seed='leak')
JWT = fakes.jwt(seed='leak')
PASSWORD = 'Xk9#mQ2vLp7wRt4z'
PEM = fakes.pem_private_key(seed='leak')
PEM_BODY_LINES = [ln for ln in PEM.splitlines() if not ln.startswith('-----')]
SECRETS = [AWS_ID, AWS_SECRET, GITHUB, SLACK, JWT, PASSWORD, *PEM_BODY_LINES]

FILES = {
    'app.py': textwrap.dedent(f'''\
        AWS_ACCESS_KEY_ID = "{AWS_ID}"
        AWS_SECRET_ACCESS_KEY = "{AWS_SECRET}"
        GITHUB_TOKEN = "{GITHUB}"
        SLACK_TOKEN = "{SLACK}"
        password = "{PASSWORD}"
        auth = "Bearer {JWT}"
    '''),
    'deploy/key.pem': PEM,
    'id_rsa': PEM,
    '.env': f'DB_PASSWORD={PASSWORD}\nGITHUB_TOKEN={GITHUB}\n',
    '.env.example': f'GITHUB_TOKEN={GITHUB}\nPORT=3000\n',
    # tokens pasted where a key name stands: the dotenv parser reads them as names
    'config/.env.sample': f'{GITHUB}\n{SLACK} pasted by mistake\n{SLACK}={AWS_ID}\n',
    '.envrc': f'export {GITHUB}=Vq8sLw2RnX5tKp0m\n',
    # a pyproject.toml with leakstop settings and, elsewhere, a credential: only [tool.leakstop] may be cached
    'pyproject.toml': f'[tool.leakstop]\ndisable = []\n\n[tool.deploy]\ntoken = "{GITHUB}"\npassword = "{PASSWORD}"\n',
}


def leaked(text: str | bytes) -> list[str]:
    data = text.encode('utf-8', 'surrogateescape') if isinstance(text, str) else text
    return [s for s in SECRETS if s.encode() in data]


@pytest.fixture
def world(tmp_path: object) -> dict[str, str]:
    base = str(tmp_path)
    repo = init_repo(os.path.join(base, 'repo'))
    for name, content in FILES.items():
        path = os.path.join(repo, name)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, 'w') as f:
            f.write(content)
    git('add', '.', cwd=repo)
    git('commit', '-qm', 'secrets', cwd=repo)
    with open(os.path.join(repo, 'later.py'), 'w') as f:
        f.write(f'TOKEN = "{GITHUB}"\n')
    git('add', 'later.py', cwd=repo)  # staged, not committed
    env = {
        'PATH': BIN + os.pathsep + os.environ.get('PATH', ''), 'HOME': os.path.join(base, 'home'),
        'XDG_CACHE_HOME': os.path.join(base, 'cache'), 'LC_ALL': 'C.UTF-8', 'GIT_CONFIG_NOSYSTEM': '1',
        'GIT_AUTHOR_NAME': 'Dev', 'GIT_AUTHOR_EMAIL': 'dev@example.invalid',
        'GIT_COMMITTER_NAME': 'Dev', 'GIT_COMMITTER_EMAIL': 'dev@example.invalid',
    }
    os.makedirs(env['HOME'])
    return {'base': base, 'repo': repo, **{f'env:{k}': v for k, v in env.items()}}


def run(world: dict[str, str], *argv: str, stdin: str = '', extra_env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    env = {k[4:]: v for k, v in world.items() if k.startswith('env:')}
    env.update(extra_env or {})
    return subprocess.run(argv, cwd=world['repo'], env=env, input=stdin, capture_output=True, text=True, timeout=300)


def written_files(world: dict[str, str]) -> dict[str, bytes]:
    """Every file under the test's directory except the inputs we wrote and git's object store."""
    inputs = {os.path.join(world['repo'], n) for n in (*FILES, 'later.py', 'gitleaks-report.json')}
    out = {}
    for root, dirs, names in os.walk(world['base']):
        dirs[:] = [d for d in dirs if d != '.git']
        for name in names:
            path = os.path.join(root, name)
            if path not in inputs and not os.path.islink(path):
                with open(path, 'rb') as f:
                    out[os.path.relpath(path, world['base'])] = f.read()
    return out


COMMANDS: list[tuple[str, ...]] = [
    ('scan-secrets', 'app.py', 'deploy/key.pem', '.env.example'),
    ('scan-secrets', '--format', 'json', 'app.py', 'deploy/key.pem'),
    ('block-env-files', 'config/.env.sample', '.envrc'),  # before `baseline create` records the findings
    ('block-env-files', '--format', 'json', 'config/.env.sample', '.envrc'),
    ('leakstop', 'scan', '--jobs', '1', '.'),
    ('leakstop', 'scan', '--jobs', '2', '--format', 'json', '.'),
    ('leakstop', 'scan', '--format', 'sarif', '--output', 'report.sarif', '.'),
    ('leakstop', 'scan', '--staged'),
    ('leakstop', 'scan', '--all', '--format', 'json'),
    ('leakstop', 'scan', '--history', '--format', 'sarif'),
    ('leakstop', 'baseline', 'create'),
    ('leakstop', 'baseline', 'update'),
    ('leakstop', 'baseline', 'audit', '--stats'),
    ('block-credential-files', 'id_rsa', 'deploy/key.pem', 'app.py'),
    ('block-credential-files', '--format', 'json', 'id_rsa'),
    ('block-env-files', '.env', '.env.example'),
    ('block-env-files', '--format', 'json', '.env.example'),
    ('check-gitignore',),
    ('leakstop', 'rules', 'list'),
    # errors: a missing file, a directory, a bad baseline, a bad config
    ('scan-secrets', 'app.py', 'missing.py', 'deploy'),
    ('scan-secrets', '--baseline', 'app.py', 'app.py'),
    ('scan-secrets', '--config', 'app.py', 'app.py'),
    ('leakstop', 'baseline', 'import', 'app.py'),
    ('leakstop', 'baseline', 'audit', '--reveal'),  # stdout is a pipe: refused (exit 2), nothing shown
]


def test_no_command_prints_or_writes_a_secret(world: dict[str, str]) -> None:
    outputs = []
    for argv in COMMANDS:
        result = run(world, *argv, extra_env={'GITHUB_ACTIONS': 'true'})  # annotations too
        assert 'Traceback' not in result.stderr, (argv, result.stderr)
        assert leaked(result.stdout + result.stderr) == [], argv
        outputs.append((argv, result.returncode))
    codes = dict(outputs)
    assert codes[('scan-secrets', 'app.py', 'deploy/key.pem', '.env.example')] == 1
    assert codes[('block-env-files', 'config/.env.sample', '.envrc')] == 1
    assert codes[('leakstop', 'baseline', 'create')] == 0
    assert codes[('scan-secrets', 'app.py', 'missing.py', 'deploy')] == 2
    assert codes[('leakstop', 'baseline', 'audit', '--reveal')] == 2
    written = written_files(world)
    assert 'repo/.leakstop-baseline.json' in written and 'repo/report.sarif' in written
    assert any(name.startswith('cache/leakstop/') for name in written)
    assert {name: leaked(data) for name, data in written.items() if leaked(data)} == {}


def test_baseline_import_of_reports_that_hold_plaintext(world: dict[str, str]) -> None:
    """A gitleaks report carries each secret in plaintext; importing it must not copy or print them."""
    report = [{'File': 'app.py', 'StartLine': 3, 'Secret': GITHUB, 'Match': f'GITHUB_TOKEN = "{GITHUB}"', 'RuleID': 'github-pat'}]
    with open(os.path.join(world['repo'], 'gitleaks-report.json'), 'w') as f:
        json.dump(report, f)
    detect_secrets = {'version': '1.5.0', 'results': {'app.py': [
        {'type': 'Secret Keyword', 'filename': 'app.py', 'hashed_secret': 'ffffffffffffffffffffffffffffffffffffffff', 'line_number': 5}]}}
    with open(os.path.join(world['repo'], '.secrets.baseline'), 'w') as f:
        json.dump(detect_secrets, f)
    for argv in (('leakstop', 'baseline', 'import', 'gitleaks-report.json'),
                 ('leakstop', 'baseline', 'import', '.secrets.baseline', '--baseline', 'other.json')):
        result = run(world, *argv)
        assert result.returncode == 0, result.stderr
        assert leaked(result.stdout + result.stderr) == []
    written = written_files(world)
    assert {name: leaked(data) for name, data in written.items() if leaked(data)} == {}


def test_interactive_audit_context_shows_no_secret(world: dict[str, str]) -> None:
    assert run(world, 'leakstop', 'baseline', 'create').returncode == 0
    result = run(world, 'leakstop', 'baseline', 'audit', stdin='s\n' * 50)
    assert result.returncode == 0, result.stderr
    assert '|' in result.stdout  # the context was shown
    assert leaked(result.stdout + result.stderr) == []


SITECUSTOMIZE = '''
import socket, os

def _refuse(*args, **kwargs):
    raise OSError('network access attempted: ' + repr(args[:2]))

socket.socket = _refuse
socket.create_connection = _refuse
socket.getaddrinfo = _refuse
'''


def test_hooks_never_touch_the_network(world: dict[str, str]) -> None:
    """Every console script runs with sockets refused (a sitecustomize on PYTHONPATH): nothing breaks."""
    site = os.path.join(world['base'], 'nonet')
    os.makedirs(site)
    with open(os.path.join(site, 'sitecustomize.py'), 'w') as f:
        f.write(SITECUSTOMIZE)
    for argv in COMMANDS[:19]:
        result = run(world, *argv, extra_env={'PYTHONPATH': site})
        assert 'network access attempted' not in result.stderr, argv
        assert 'Traceback' not in result.stderr, (argv, result.stderr)


def test_in_process_with_sockets_blocked(world: dict[str, str], monkeypatch: pytest.MonkeyPatch,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    from leakstop import cli
    from leakstop.hooks import block_credential_files, block_env_files, check_gitignore, scan_secrets

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError(f'network access attempted: {args[:2]!r}')
    for name in ('socket', 'create_connection', 'getaddrinfo'):
        monkeypatch.setattr(socket, name, refuse)
    monkeypatch.chdir(world['repo'])
    monkeypatch.setenv('XDG_CACHE_HOME', world['env:XDG_CACHE_HOME'])
    assert scan_secrets.main(['app.py', 'deploy/key.pem']) == 1
    assert block_credential_files.main(['id_rsa']) == 1
    assert block_env_files.main(['.env']) == 1
    assert check_gitignore.main([]) == 1
    assert cli.main(['scan', '--jobs', '1', '--format', 'sarif', '.']) == 1
    assert leaked(''.join(capsys.readouterr())) == []


def test_an_internal_error_keeps_its_traceback_but_no_secret(world: dict[str, str]) -> None:
    """A bug (here: forced inside the pipeline, after the secrets were found) shows a traceback;
    Python prints code and messages, never local variables, so the secrets in memory stay there."""
    script = textwrap.dedent('''
        import sys
        from leakstop import allowlist
        def broken(self, data, findings, **kwargs):
            findings = list(findings)
            assert findings, 'nothing found'
            raise RuntimeError(f'forced failure with {len(findings)} finding(s) in memory')
        allowlist.Allowlist.filter = broken
        from leakstop.hooks.scan_secrets import main
        sys.exit(main(sys.argv[1:]))
    ''')
    result = run(world, sys.executable, '-c', script, 'app.py', 'deploy/key.pem')
    assert result.returncode == 1
    assert 'RuntimeError: forced failure with' in result.stderr and 'Traceback' in result.stderr
    assert leaked(result.stdout + result.stderr) == []


def test_baseline_holds_fingerprints_not_secrets(world: dict[str, str]) -> None:
    assert run(world, 'leakstop', 'baseline', 'create').returncode == 0
    with open(os.path.join(world['repo'], '.leakstop-baseline.json')) as f:
        doc = json.load(f)
    assert doc['findings'] and all(set(e) == {'path', 'rule', 'fingerprint', 'line', 'status'} for e in doc['findings'])
    assert leaked(json.dumps(doc)) == []

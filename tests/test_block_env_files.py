"""block-env-files: .env files refused by name, templates checked value by value, .envrc exports."""
from __future__ import annotations

import json
import os
import re
from pathlib import Path

import fakes
from e2e import commit_files as commit
from e2e import git_in as git
from e2e import local_hook_repo
import pytest

from leakstop.generic.values import random_token
from leakstop.hooks.block_env_files import main


@pytest.fixture
def work(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


def write(path: str, text: str) -> str:
    os.makedirs(os.path.dirname(path) or '.', exist_ok=True)
    with open(path, 'w', newline='') as f:
        f.write(text)
    return path


def test_a_reviewed_env_file_covers_that_content_only(work: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Tenth hostile review, break 07's sibling: the ``env-file`` finding (by name) of a reviewed .env covered any
    later content of that file (real values included); it covers what was reviewed, of any size."""
    import subprocess
    from leakstop import cli
    subprocess.run(['git', 'init', '-q', '.'], check=True)
    reviewed = 'APP_ENV=test\nLOG_LEVEL=debug\nFEATURE_FLAGS=a,b,c\nTIMEZONE=UTC\nPORT=8080\nHOST=localhost\n'
    assert len(reviewed) > 64  # (a larger .env was judged by name unread)
    write('.env', reviewed)
    assert cli.main(['baseline', 'create', '.env']) == 0
    with open('.leakstop-baseline.json') as f:
        doc = json.load(f)
    assert [e['rule'] for e in doc['findings']] == ['env-file']
    doc['findings'][0]['status'] = 'false-positive'
    with open('.leakstop-baseline.json', 'w') as f:
        json.dump(doc, f)
    capsys.readouterr()
    assert main(['.env']) == 0
    write('.env', reviewed.replace('\n', '\r\n'))
    assert main(['.env']) == 0
    write('.env', reviewed + 'DB_PASSWORD=production-value\n')
    assert main(['.env']) == 1
    assert capsys.readouterr().out.startswith('.env: env-file: .env file (by name)')


# --- names ------------------------------------------------------------------------------------

@pytest.mark.parametrize('name', [
    '.env', '.env.local', '.env.development', '.env.production', '.env.test', '.env.development.local',
    '.env.production.local', 'production.env', 'docker/app.env', 'services/api/.env', 'deep/a/b/.env.local',
])
def test_env_files_are_refused_by_name(work: Path, name: str, capsys: pytest.CaptureFixture[str]) -> None:
    write(name, 'A=1\n')
    assert main([name]) == 1
    out = capsys.readouterr().out
    assert f'{name}: env-file: .env file (by name)' in out
    assert 'git rm --cached' in out and '.gitignore' in out and 'secret manager' in out
    assert '[tool.leakstop.allowlist] paths' in out and 'baseline' in out


@pytest.mark.parametrize(('name', 'kind'), [
    ('.ENV', 'env-file'), ('.Env.Local', 'env-file'), ('Production.ENV', 'env-file'), ('.ENVRC', None),
])
def test_env_names_are_matched_whatever_their_case(work: Path, name: str, kind: str | None,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    """On macOS and Windows `.ENV` is the very file `.env` (issue 13 #17)."""
    write(name, 'A=1\n' if kind else 'export API_TOKEN=1\n')
    assert main([name]) == 1
    out = capsys.readouterr().out
    if kind:
        assert f'{name}: env-file: .env file (by name)' in out
    else:
        assert out.startswith(f'{name}:')


def test_env_templates_are_templates_whatever_their_case(work: Path) -> None:
    write('.ENV.EXAMPLE', 'A=\n')
    assert main(['.ENV.EXAMPLE']) == 0


@pytest.mark.parametrize('name', [
    'environment.ts', 'env.py', '.envoy', 'dotenv.js', 'src/env/index.ts', 'environments/prod.yaml',
    'envrc.md', 'my.environment', '.env.example', '.env.sample', '.env.template', '.env.dist', '.env.defaults',
    '.env.local.example', 'docker.env.example', '.envrc',
    'example.env', 'sample.env', 'template.env', 'prod.example.env', 'db.sample.env',  # held-out 11: frappe_docker
])
def test_other_names_pass(work: Path, name: str) -> None:
    write(name, 'A=\n')
    assert main([name]) == 0


def test_a_directory_named_env_is_not_an_env_file(work: Path) -> None:
    write('.env/bin/activate', 'VIRTUAL_ENV=/x\n')  # python -m venv .env
    assert main(['.env/bin/activate']) == 0


def test_extra_names_and_templates(work: Path) -> None:
    write('secrets.ini', 'A=1\n')
    write('config.env.tmpl', 'A=<a>\n')
    assert main(['--name', 'secrets.ini', 'secrets.ini']) == 1
    assert main(['config.env.tmpl']) == 0  # not an env file by default
    assert main(['--name', '*.env.tmpl', 'config.env.tmpl']) == 1
    assert main(['--name', '*.env.tmpl', '--template', '*.env.tmpl', 'config.env.tmpl']) == 0


@pytest.mark.parametrize(('option', 'glob', 'message'), [
    # hostile review (issue 13 #10's sibling): one argument let every .env through as a template
    ('--template', '*', 'matches every file name'), ('--template', '**', 'matches every file name'),
    ('--template', '.*', 'matches .env files themselves'), ('--template', '.env*', 'matches .env files themselves'),
    ('--name', '*', 'matches every file name'),
    # (issue 13 #11's sibling): a glob whose matching takes polynomial time
    ('--name', '*a*a*a*a*x', 'more than 3 wildcards'), ('--template', 'x**a**b', "more than one '**'"),
    # (third hostile review, break 09): three whole-segment ** took seconds on a deep path
    ('--name', '**/a/**/b/**/y', "more than two '**'"),
])
def test_a_glob_argument_that_disables_or_stalls_the_hook_exits_2(
        work: Path, capsys: pytest.CaptureFixture[str], option: str, glob: str, message: str) -> None:
    write('.env', 'DB_PASSWORD=Zq8bX3nR5tY7uV9w\n')
    with pytest.raises(SystemExit) as e:
        main([option, glob, '.env'])
    assert e.value.code == 2
    assert message in capsys.readouterr().err
    assert main(['--template', '*.env.tmpl', '.env']) == 1  # a template glob that names no .env file is taken


def test_bad_glob_argument_exits_2(work: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as e:
        main(['--name', '!x', 'a'])
    assert e.value.code == 2
    assert 'expected a glob' in capsys.readouterr().err


# --- templates --------------------------------------------------------------------------------

PLACEHOLDER_TEMPLATE = '''\
# Copy to .env and fill in
export DRM_API_KEY_ID="your_api_key_id"
API_ID=<your-api-id>
SECRET=changeme
TOKEN=xxxxxxxxxxxxxxxx
GITHUB_TOKEN=ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx
PASSWORD=***
FROM_ENV=${API_KEY}
JINJA={{ api_key }}
EXAMPLE=example
DUMMY=dummy
LATER=TODO
EMPTY=
BARE
QUOTED_EMPTY=""
PORT=3000
DEBUG=true
NODE_ENV=production
DATABASE_HOST=localhost
LOG_LEVEL=info
DATABASE_URL=postgres://localhost:5432/app
APP_NAME=MyApplicationNameV2Prod
REQUEST_ID_HEADER=x-request-id-forwarded-for
SENTRY_RELEASE=123e4567-e89b-12d3-a456-426614174000
'''


def test_template_with_placeholders_passes(work: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write('.env.example', PLACEHOLDER_TEMPLATE)
    assert main(['.env.example']) == 0
    assert capsys.readouterr().out == ''


@pytest.mark.parametrize('path', ['examples/app/.env', '.examples/docker-compose/db.env', 'samples/api/.env.local'])
def test_an_env_file_in_an_example_directory_is_a_template(work: Path, path: str, capsys: pytest.CaptureFixture[str]) -> None:
    """Policy: example files carry placeholder values only. In an example directory an env file is an
    example: it passes with placeholders (nextcloud/docker's .examples/…/db.env, an empty password) and
    is refused for a real-looking value, as .env.example is; elsewhere the same file is refused by name."""
    write(path, PLACEHOLDER_TEMPLATE + 'MYSQL_USER=nextcloud\nMYSQL_PASSWORD=\n')
    assert main([path]) == 0
    assert capsys.readouterr().out == ''
    write(path, PLACEHOLDER_TEMPLATE + f'SESSION_SECRET={fakes.rand(fakes.ALNUM, 32, "example-dir")}\n')
    assert main([path]) == 1
    assert 'env-template-secret: SESSION_SECRET: template value looks real' in capsys.readouterr().out
    write('app/.env', PLACEHOLDER_TEMPLATE)
    assert main(['app/.env']) == 1
    assert 'app/.env' in capsys.readouterr().out


_PLAYLIST = 'PL' + fakes.rand(fakes.ALNUM, 32, 'playlist')
_KEY_PATH = 'local_data/' + fakes.rand(fakes.ALNUM, 12, 'key-path') + '.key'


@pytest.mark.parametrize(('passing', 'failing', 'reported'), [
    # an id under a key whose last word is `id` (a YouTube playlist's, held-out 59)
    (f'YOUTUBE_PLAYLIST_ID={_PLAYLIST}\n', f'YOUTUBE_PLAYLIST={_PLAYLIST}\n', 'env-template-random-value'),
    # a key file's path under a key whose last word says so (OPENID_PRIVATE_KEY_PATH in an e-mail platform's example.env,
    # held-out 92), not the key under its own name
    (f'OPENID_PRIVATE_KEY_PATH={_KEY_PATH}\nJWT_PUBLIC_KEY_FILE={_KEY_PATH}.pub\n',
     f'OPENID_PRIVATE_KEY={fakes.rand(fakes.ALNUM, 32, "key-itself")}\n', 'OPENID_PRIVATE_KEY: template value looks'),
])
def test_an_identifier_or_a_path_in_a_template_passes(
        work: Path, capsys: pytest.CaptureFixture[str], passing: str, failing: str, reported: str) -> None:
    """A random-looking value under a key that names an id or a file's path is no secret; a secret's own name fails."""
    write('.env.example', 'PORT=3000\n' + passing)
    assert main(['.env.example']) == 0
    assert capsys.readouterr().out == ''
    write('.env.example', 'PORT=3000\n' + failing)
    assert main(['.env.example']) == 1
    assert reported in capsys.readouterr().out


def test_template_with_crlf_passes(work: Path) -> None:
    write('.env.sample', PLACEHOLDER_TEMPLATE.replace('\n', '\r\n'))
    assert main(['.env.sample']) == 0


@pytest.mark.parametrize(('key', 'value', 'rule'), [
    ('AWS_ACCESS_KEY_ID', fakes.aws_key_id(seed='env'), 'env-template-secret'),
    ('AWS_SECRET_ACCESS_KEY', fakes.aws_secret(seed='env'), None),
    ('GITHUB_TOKEN', fakes.github(seed='env'), None),
    ('NPM_TOKEN', fakes.npm(seed='env'), None),
    ('SESSION_SECRET', fakes.rand(fakes.ALNUM, 32, 'session'), None),
    ('SIGNING_KEY', fakes.rand(fakes.HEX, 64, 'signing'), None),
    # no secret-ish key name: only the randomness check can see these
    ('UPSTREAM_REF', fakes.rand(fakes.ALNUM, 32, 'upstream'), 'env-template-random-value'),
    ('BUILD_SEED', fakes.rand(fakes.HEX, 64, 'seed'), 'env-template-random-value'),
])
def test_template_with_a_live_looking_value_fails_redacted(
        work: Path, capsys: pytest.CaptureFixture[str], key: str, value: str, rule: str | None,
) -> None:
    write('.env.example', f'PORT=3000\n# the key\n{key}="{value}"\nDEBUG=true\n')
    assert main(['.env.example']) == 1
    out = capsys.readouterr().out
    assert value not in out
    line = next(ln for ln in out.splitlines() if ln.startswith('.env.example:3:'))
    assert f': {key}: template value looks' in line
    if rule:
        assert f': {rule}: ' in line
    assert line.endswith('…')
    assert 'replace it with a placeholder' in out


def test_secret_in_a_template_comment_fails(work: Path, capsys: pytest.CaptureFixture[str]) -> None:
    key = fakes.aws_key_id(seed='comment')
    write('.env.template', f'# old value: {key}\nAWS_ACCESS_KEY_ID=\n')
    assert main(['.env.template']) == 1
    out = capsys.readouterr().out
    assert '.env.template:1:' in out and 'secret outside any template value' in out and key not in out


def test_multiline_pem_in_a_template_fails(work: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pem = fakes.pem_private_key(seed='env')
    write('.env.dist', f'PORT=1\nPRIVATE_KEY="{pem}"\nDEBUG=1\n')
    code = main(['.env.dist'])
    out = capsys.readouterr().out
    body = pem.splitlines()[1]
    assert body not in out
    # a PEM rule (scan-secrets family) or the randomness check flags the value
    assert code == 1 and '.env.dist:2:' in out or '.env.dist:3:' in out


def test_template_pragmas_and_config_allowlist(work: Path) -> None:
    value = fakes.rand(fakes.ALNUM, 32, 'pragma')
    write('.env.example', f'UPSTREAM_REF={value}  # leakstop: allow\n')
    assert main(['.env.example']) == 0
    write('.env.example', f'UPSTREAM_REF={value}\n')
    assert main(['.env.example']) == 1
    write('.leakstop.toml', 'disable = ["env-template-random-value"]\n')
    assert main(['.env.example']) == 0
    write('.leakstop.toml', '[allowlist]\npaths = ["fixtures/**"]\n')
    write('fixtures/.env', 'A=1\n')
    assert main(['fixtures/.env']) == 0
    write('.leakstop.toml', 'disable = ["env-file"]\n')
    assert main([write('.env.local', 'A=1\n')]) == 0


def test_template_parse_problems_are_warnings(work: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write('.env.example', 'GOOD=\nthis is not dotenv\nALSO=<x>\n')
    assert main(['.env.example']) == 0
    assert ".env.example:2:6: warning: expected '=' after the variable name" in capsys.readouterr().err


# --- nothing from the file is printed whole: a token where a key name should be -----------------

PASTED = [
    fakes.github(seed='pasted'),
    fakes.slack(seed='pasted'),
    fakes.rand(fakes.ALNUM, 32, 'pasted-random'),
    'f' + fakes.rand(fakes.HEX, 39, 'pasted-hex'),
]


@pytest.mark.parametrize('token', PASTED)
@pytest.mark.parametrize('fmt', ['text', 'json'])
def test_a_token_pasted_as_a_line_is_never_printed(
        work: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, token: str, fmt: str,
) -> None:
    """The dotenv parser reads a pasted token as a key name: no output (findings, annotations,
    warnings) may show it whole, in any format."""
    monkeypatch.setenv('GITHUB_ACTIONS', 'true')
    write('.env.example', f'PORT=3000\n{token}\n{token} pasted here\nexport {token}\n{token}={token}\n')
    write('.envrc', f'export {token}=Vq8sLw2RnX5tKp0m\n')
    code = main(['--format', fmt, '.env.example', '.envrc'])
    out, err = capsys.readouterr()
    assert token not in out + err
    if token[0].isalpha():  # read as a name, then a space where '=' should be
        assert ".env.example:3:" in err and "expected '=' after the variable name" in err
    assert code == 1
    assert '.envrc' in out  # the literal export is still reported (its name redacted)


def test_a_pasted_token_is_reported_outside_any_value(work: Path, capsys: pytest.CaptureFixture[str]) -> None:
    token = fakes.github(seed='alone')
    write('.env.example', f'PORT=3000\n{token}\nAPI_KEY=\n')
    assert main(['.env.example']) == 1
    out = capsys.readouterr().out
    assert '.env.example:2:1: env-template-secret: secret outside any template value (github-pat-classic' in out
    assert out.count('env-template-secret') == 1 and token not in out


@pytest.mark.parametrize(('key', 'shown'), [
    ('UPSTREAM_REF', 'UPSTREAM_REF'),
    ('X_API_KEY', 'X_API_KEY'),
    ('S3_BUCKET_V2', 'S3_BUCKET_V2'),
    ('nextPublicApiUrl', 'nextPublicApiUrl'),
    (fakes.rand(fakes.ALNUM, 24, 'key-random'), fakes.rand(fakes.ALNUM, 24, 'key-random')[:4] + '…'),
    (fakes.rand(fakes.HEX, 32, 'key-hex'), fakes.rand(fakes.HEX, 32, 'key-hex')[:4] + '…'),
])
def test_key_names_are_shown_only_when_they_read_as_names(
        work: Path, capsys: pytest.CaptureFixture[str], key: str, shown: str,
) -> None:
    value = fakes.rand(fakes.ALNUM, 32, 'value-of-key')
    write('.env.example', f'{key}={value}\n')
    write('.envrc', f'export {key}={value}\n')  # a random value: refused under any name
    assert main(['.env.example', '.envrc']) == 1
    out = capsys.readouterr().out
    assert re.search(
        rf'^\.env\.example:1:{len(key) + 2}: env-template-(random-value|secret): {re.escape(shown)}: template value looks',
        out, re.M)
    assert f'.envrc:1:{len(key) + 9}: envrc-exported-value: {shown}: .envrc exports a literal value' in out


def test_binary_template_is_refused(work: Path) -> None:
    Path('.env.example').write_bytes(b'\x00\x01\x02\xff' * 100)
    assert main(['.env.example']) == 1


def test_utf16_template_is_checked(work: Path, capsys: pytest.CaptureFixture[str]) -> None:
    value = fakes.rand(fakes.ALNUM, 32, 'utf16')
    Path('.env.example').write_bytes(f'PORT=3000\r\nUPSTREAM_REF={value}\r\n'.encode('utf-16'))
    assert main(['.env.example']) == 1
    assert '.env.example:2:14: env-template-random-value' in capsys.readouterr().out


@pytest.mark.parametrize(('value', 'random'), [
    (fakes.aws_secret(seed=1), True),
    (fakes.rand(fakes.ALNUM, 20, 'short'), True),
    (fakes.rand(fakes.HEX, 40, 'hex'), True),
    (fakes.github(seed=2), True),
    (fakes.jwt(seed=3), True),
    ('MyApplicationNameV2Prod', False),
    ('super-long-setting-name-2024', False),
    ('redis-cache-cluster-01.internal', False),
    ('/home/user/projects/app2/data', False),
    ('com.mycompany.myapp.production', False),
    ('123e4567-e89b-12d3-a456-426614174000', False),
    ('https://api.acme.test/v1/endpoint', False),
    ('0123456789abcdef', False),
    ('short1A', False),
    ('two words and 123 numbers here', False),
    ('AppSettingsProductionEU2', False),
    ('US_EAST_1_PRODUCTION_CLUSTER', False),
    ('MOCK_CALL_KENT_R2_BUCKET', False),  # a constant's name: mean word length under 4, and a digit (held-out 59)
])
def test_random_token(value: str, random: bool) -> None:
    assert random_token(value) is random


# --- .envrc -----------------------------------------------------------------------------------

def test_envrc_with_exported_literals_is_refused(work: Path, capsys: pytest.CaptureFixture[str]) -> None:
    token = fakes.rand(fakes.ALNUM, 24, 'envrc')
    write('.envrc', f'dotenv\nuse flake\nexport PATH=$PWD/bin:$PATH\nexport API_TOKEN={token}\n')
    assert main(['.envrc']) == 1
    out = capsys.readouterr().out
    assert '.envrc:4:18: envrc-exported-value: API_TOKEN: .envrc exports a literal value' in out
    assert token not in out


@pytest.mark.parametrize('text', [
    'dotenv\n',
    'use nix\nlayout python3\nPATH_add bin\n',
    'export PATH=$PWD/bin:$PATH\nexport TOKEN=$(pass show api/token)\nexport KEY="${VAULT_KEY}"\n',
    'export AWS_PROFILE=\nsource_env_if_exists .envrc.local\n',
    'if has nix; then\n  use flake\nfi\n',
    # plain settings: no secret in the name, nothing random in the value (held-out 9: django-allauth)
    'export DIRENV_WARN_TIMEOUT=20s\neval "$(devenv direnvrc)"\nuse devenv\n',
    'export REGION=eu-west-1\nexport DATABASE_NAME=orders\nexport NODE_ENV=development\n',
])
def test_envrc_without_literal_exports_passes(work: Path, text: str) -> None:
    write('.envrc', text)
    assert main(['.envrc']) == 0


@pytest.mark.parametrize('line, key', [
    ('export DB_PASSWORD=orders-db', 'DB_PASSWORD'),  # a secret's name: any literal value
    ('export STRIPE_API_KEY=notrandom', 'STRIPE_API_KEY'),
    (f'export DEPLOY_TARGET={fakes.rand(fakes.ALNUM, 32, "envrc-random")}', 'DEPLOY_TARGET'),  # a random value
])
def test_envrc_secret_names_and_random_values_are_refused(work: Path, capsys: pytest.CaptureFixture[str], line: str, key: str) -> None:
    write('.envrc', f'export REGION=eu-west-1\n{line}\n')
    assert main(['.envrc']) == 1
    out = capsys.readouterr().out
    assert f'.envrc:2:{len(key) + 9}: envrc-exported-value: {key}: .envrc exports a literal value' in out
    assert '.envrc:1:' not in out


# --- errors and formats -----------------------------------------------------------------------

def test_missing_path_is_an_error(work: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(['.env']) == 2
    assert main(['gone.txt']) == 2
    assert main(['.env.example']) == 2
    err = capsys.readouterr().err
    assert '.env: error: cannot read: no such file' in err
    assert 'Traceback' not in err


def test_bad_config_is_one_line(work: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write('.leakstop.toml', 'colour = "red"\n')
    write('.env', 'A=1\n')
    assert main(['.env']) == 2
    err = capsys.readouterr().err
    assert err.startswith('block-env-files: error: .leakstop.toml: unknown key') and err.count('\n') == 1


def test_json_format(work: Path, capsys: pytest.CaptureFixture[str]) -> None:
    value = fakes.rand(fakes.ALNUM, 32, 'json')
    write('.env', 'A=1\n')
    write('.env.example', f'UPSTREAM_REF={value}\n')
    assert main(['--format', 'json', '.env', '.env.example']) == 1
    out = capsys.readouterr().out
    doc = json.loads(out)
    assert [(f['path'], f['rule']) for f in doc['findings']] == [
        ('.env', 'env-file'), ('.env.example', 'env-template-random-value'),
    ]
    assert value not in out


def test_no_files(work: Path) -> None:
    assert main([]) == 0


# --- end to end: real git, real pre-commit -----------------------------------------------------

@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    return local_hook_repo(tmp_path, monkeypatch, 'block-env-files', 'block .env files')  # type: ignore[no-any-return]


def test_e2e_staged_env_is_refused(repo: Path) -> None:
    proc = commit(repo, {'.env': 'API_KEY=1\n', 'app.py': 'print(1)\n'})
    assert proc.returncode != 0
    assert '.env: env-file' in proc.stdout + proc.stderr
    assert git(repo, 'log', '--oneline').stdout.count('\n') == 1  # nothing committed


def test_e2e_template_with_placeholders_passes(repo: Path) -> None:
    proc = commit(repo, {'.env.example': PLACEHOLDER_TEMPLATE, 'api/.env.example': 'API_KEY=\n'})
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_e2e_template_with_live_key_is_refused_and_redacted(repo: Path) -> None:
    key = fakes.aws_key_id(seed='e2e')
    secret = fakes.aws_secret(seed='e2e')
    proc = commit(repo, {'.env.example': f'AWS_ACCESS_KEY_ID={key}\nAWS_SECRET_ACCESS_KEY={secret}\nPORT=3000\n'})
    output = proc.stdout + proc.stderr
    assert proc.returncode != 0
    assert '.env.example:1:19: env-template-secret: AWS_ACCESS_KEY_ID' in output
    assert '.env.example:2:23:' in output
    assert key not in output and secret not in output


def test_e2e_deleting_an_env_file_passes(repo: Path) -> None:
    (repo / '.env').write_text('API_KEY=1\n')
    git(repo, 'add', '.env')
    assert git(repo, 'commit', '-q', '--no-verify', '-m', 'oops').returncode == 0
    assert git(repo, 'rm', '-q', '--cached', '.env').returncode == 0
    proc = git(repo, 'commit', '-m', 'untrack .env')
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert '.env' not in git(repo, 'ls-files').stdout


def test_advice_for_a_template_is_to_replace_the_value_not_to_untrack(work: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Issue 14 #7: a template with a live-looking value stays committed; its value is replaced."""
    with open('.env.example', 'w') as f:
        f.write(f'API_KEY={fakes.rand(fakes.B64, 40, "advice-template")}\nPORT=3000\n')
    with open('deploy.env', 'w') as f:
        f.write('DEBUG=1\n')
    assert main(['.env.example']) == 1
    out = capsys.readouterr().out
    assert 'replace it with a placeholder' in out and 'git rm --cached' not in out
    assert main(['deploy.env']) == 1
    out = capsys.readouterr().out
    assert 'git rm --cached' in out and '`*.env`' in out


def test_example_env_is_a_template_held_to_placeholders(work: Path, capsys: pytest.CaptureFixture[str]) -> None:
    token = fakes.github('ghp', seed='example.env')
    write('example.env', f'DB_PASSWORD=\nGITHUB_TOKEN={token}\n')
    assert main(['example.env']) == 1
    out = capsys.readouterr().out
    assert 'example.env:2:' in out and token not in out


def test_repeated_double_stars_match_as_one_in_linear_time(work: Path) -> None:
    """Third hostile review (break 09): `**/**/**/y` (within the wildcard limits) compiled to three nested
    `(?:.*/)?` and took 15 s per file on a path of 2,000 one-letter directories, in --name, --template and a
    custom rule's paths. `**/` repeated is one `**/`; the glob still means what it says."""
    import re
    from leakstop.files import glob_cost_error, glob_to_regex
    assert glob_cost_error('**/**/**/y') is None
    assert glob_to_regex('**/**/**/y', below=False) == glob_to_regex('**/y', below=False)
    rx = re.compile(glob_to_regex('**/**/**/y', below=False) + r'\Z')
    assert rx.match('y') and rx.match('a/b/y') and not rx.match('a/by')
    assert rx.pattern.count('(?:.*/)?') == 1  # one level of backtracking, as `**/y` (speed: bench/, not here)


def test_a_refused_glob_is_quoted_without_the_token_in_it(work: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Fourth hostile review (break 12): a refused --name glob holding a token was echoed whole."""
    import fakes
    token = fakes.github('ghp', seed='glob-arg')
    with pytest.raises(SystemExit) as e:
        main(['--name', f'**/{token}/**/**/**/x', '.env'])
    err = capsys.readouterr().err
    assert e.value.code == 2 and token not in err and 'ghp_…' in err


@pytest.mark.parametrize('name', [
    '.env~', '#.env#', '.env copy', '.env (copy)', '.env - Copy', '.env copy 2', 'api/.env (another copy)',
    '.env.~1~', 'prod.env~', '#prod.env#', '.env Kopie', '.ENV~',
])
def test_editor_and_file_manager_copies_of_env_files_are_refused_by_name(
        work: Path, name: str, capsys: pytest.CaptureFixture[str]) -> None:
    """Tenth hostile review, break 09: the copies editors and file managers leave beside a .env (Emacs, vim, nano
    and gedit backups `.env~`, Emacs auto-save `#.env#`, Finder's `.env copy`, GNOME Files' `.env (copy)`) passed
    every hook, and `git add .` commits them. A copy by its name is what it copies (data/copy_names.toml)."""
    write(name, 'SESSION_SECRET=correct-horse-battery-staple\nADMIN_PIN=482913\n')
    assert main([name]) == 1
    assert f'{name}: env-file: .env file (by name)' in capsys.readouterr().out


@pytest.mark.parametrize('name', ['.env.example~', '#.env.example#', '.env.sample copy'])
def test_copies_of_templates_are_held_to_placeholders(work: Path, name: str, capsys: pytest.CaptureFixture[str]) -> None:
    """A copy of a template is what `.env.*` names (an env file, as `.env.example.bak` always was) or a template:
    never let through unread."""
    write(name, 'API_KEY=\n')
    code = main([name])
    out = capsys.readouterr().out
    assert code == (1 if name.startswith('.env.') else 0), out


@pytest.mark.parametrize('name', ['notes (draft).md', 'copy.py', 'env copy.py', '#notes#', 'README~'])
def test_copies_of_other_files_pass(work: Path, name: str) -> None:
    write(name, 'SESSION_SECRET=correct-horse-battery-staple\n')
    assert main([name]) == 0

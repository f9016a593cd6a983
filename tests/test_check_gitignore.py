"""check-gitignore: required lines, templates kept committable, git and the fallback agree."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import fakes

from leakstop.hooks.check_gitignore import (
    REQUIRED, common_name, git_check_ignore, main, match_gitignore, parse_gitignore, probe_for,
)

COMPLETE = '''\
# secrets
.env
.env.*
!.env.example
credentials.json
id_rsa
id_dsa
id_ecdsa
id_ed25519
*.pem
*.key
*.p12
*.tfstate
*.tfstate.*
'''


def git(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(('git', '-C', str(root), *args), capture_output=True, text=True, check=False)


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv('GIT_CONFIG_GLOBAL', os.devnull)
    monkeypatch.setenv('GIT_CONFIG_NOSYSTEM', '1')
    root = tmp_path / 'repo'
    root.mkdir()
    assert git(root, 'init', '-q').returncode == 0
    monkeypatch.chdir(root)
    return root


@pytest.fixture(params=['git', 'fallback'])
def mode(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch, repo: Path) -> str:
    """Every behaviour test runs twice: with git, and with git missing from PATH."""
    if request.param == 'fallback':
        monkeypatch.setenv('PATH', str(repo / 'no-such-bin'))
    return str(request.param)


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_complete_gitignore_passes(mode: str, capsys: pytest.CaptureFixture[str]) -> None:
    Path('.gitignore').write_text(COMPLETE)
    assert run(capsys) == (0, '', '')


def test_missing_gitignore_prints_the_whole_file(mode: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys)
    assert code == 1
    assert 'There is no .gitignore' in out
    block = [ln.strip() for ln in out.splitlines() if ln.startswith('    ')]
    assert block == [ln for ln in COMPLETE.splitlines() if ln and not ln.startswith('#')][:2] + \
        [ln for ln in COMPLETE.splitlines() if ln and not ln.startswith(('#', '!'))][2:] + ['!.env.example']


def test_missing_lines_are_listed_exactly(mode: str, capsys: pytest.CaptureFixture[str]) -> None:
    Path('.gitignore').write_text('node_modules/\n.env\n*.pem\n')
    code, out, _ = run(capsys)
    assert code == 1
    assert '.gitignore: gitignore-env: does not ignore .env files: add `.env.*`' in out
    assert '.gitignore: gitignore-credentials-json: does not ignore credentials.json: add `credentials.json`' in out
    assert 'add `id_rsa`, `id_dsa`, `id_ecdsa`, `id_ed25519`' in out
    block = [ln.strip() for ln in out.splitlines() if ln.startswith('    ')]
    assert block[0] == '.env.*' and '.env' not in block and '*.pem' not in block
    assert block[-1] == '!.env.example'  # .env.* would hide the template


def test_a_root_only_pattern_is_not_enough(mode: str, capsys: pytest.CaptureFixture[str]) -> None:
    Path('.gitignore').write_text(COMPLETE.replace('\n.env\n', '\n/.env\n'))
    code, out, _ = run(capsys)
    assert code == 1
    assert 'does not ignore .env files in subdirectories: add `.env`' in out


def test_ignored_template_is_reported(mode: str, capsys: pytest.CaptureFixture[str]) -> None:
    Path('.gitignore').write_text(COMPLETE.replace('.env\n.env.*\n!.env.example\n', '.env*\n'))
    code, out, _ = run(capsys)
    assert code == 1
    assert 'gitignore-template-ignored: ignores the template .env.example (`.env*` at line 2)' in out
    assert [ln.strip() for ln in out.splitlines() if ln.startswith('    ')] == ['!.env.example']


def test_an_ignoring_pattern_is_quoted_only_without_a_character_class(
        mode: str, capsys: pytest.CaptureFixture[str]) -> None:
    """A bracket expression can hold any text (a token pasted into .gitignore): such a pattern is
    pointed to by its line, not printed."""
    token = fakes.github(seed='gitignore')
    Path('.gitignore').write_text(COMPLETE.replace('.env\n.env.*\n!.env.example\n', f'.env\n.env.*\n!.env.example\n.env.e[x{token}]ample\n'))
    code, out, _ = run(capsys)
    assert code == 1
    assert 'gitignore-template-ignored: ignores the template .env.example (a pattern at line 5)' in out
    assert token not in out


@pytest.mark.parametrize('written', ['!.env.ghp\\_{rest}', '!.env.ghp?{rest}', '!.env.ghp_{head}*{tail}', '!ghp?{rest}/.env',
                                     '!.env.ghp_{cut}*', '!.env.*{end}'])
def test_a_token_written_with_glob_syntax_is_not_quoted(
        mode: str, written: str, capsys: pytest.CaptureFixture[str]) -> None:
    """Twelfth hostile review, break 10: a bracket expression was never quoted, but the same token written with
    git's backslash escape, `?` for its `_`, or split by `*` was printed whole: a pattern is now redacted as
    every name it matches would be; a token cut short by a wildcard (a classic token's first 30 characters decide
    its checksum) is found by no rule, and a long word a wildcard continues is shown only if it reads as a name."""
    token = fakes.github(seed='gitignore-glob')
    rest = token[4:]
    line = written.format(rest=rest, head=rest[:12], tail=rest[12:], cut=rest[:30], end=rest[6:])
    Path('.gitignore').write_text(COMPLETE + line + '\n')
    code, out, err = run(capsys)
    assert code == 1
    assert not [rest[i:i + 12] for i in range(len(rest) - 11) if rest[i:i + 12] in out + err]
    assert 'ghp_…' in out and f'at line {len(COMPLETE.splitlines()) + 1}' in out or 're-included by `' in out


def test_other_existing_templates_are_checked(mode: str, capsys: pytest.CaptureFixture[str]) -> None:
    Path('.gitignore').write_text(COMPLETE)
    Path('.env.sample').write_text('A=\n')
    code, out, _ = run(capsys)
    assert code == 1 and 'the template .env.sample' in out
    Path('.gitignore').write_text(COMPLETE + '!.env.sample\n')
    assert run(capsys)[0] == 0


def test_require_and_skip(mode: str, capsys: pytest.CaptureFixture[str]) -> None:
    Path('.gitignore').write_text(COMPLETE.replace('*.pem\n', ''))
    assert run(capsys)[0] == 1
    assert run(capsys, '--skip', '*.pem')[0] == 0
    code, out, _ = run(capsys, '--skip', '*.pem', '--require', '*.tfvars', '--require', 'secrets/')
    assert code == 1
    assert [ln.strip() for ln in out.splitlines() if ln.startswith('    ')] == ['*.tfvars', 'secrets/']


@pytest.mark.parametrize('line', ['', '/', '//', ' '])
@pytest.mark.parametrize('option', ['--require', '--template'])
def test_a_line_that_names_no_path_is_a_usage_error(
        repo: Path, capsys: pytest.CaptureFixture[str], option: str, line: str) -> None:
    """``--require ''`` (or ``'/'``) asked for a line git reads as naming nothing: the hook failed for ever."""
    Path('.gitignore').write_text(COMPLETE)
    with pytest.raises(SystemExit) as e:
        main([option, line])
    assert e.value.code == 2
    assert f'argument {option}: {line!r}: names no path' in capsys.readouterr().err


def test_disabled_rules_are_not_reported(mode: str, capsys: pytest.CaptureFixture[str]) -> None:
    Path('.gitignore').write_text(COMPLETE.replace('*.key\n', '').replace('*.pem\n', ''))
    Path('.leakstop.toml').write_text('disable = ["gitignore-private-key"]\n')
    assert run(capsys) == (0, '', '')


def test_skip_unknown_line_is_a_usage_error(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as e:
        main(['--skip', '*.nope'])
    assert e.value.code == 2
    assert 'not a default line' in capsys.readouterr().err


def test_json_format(mode: str, capsys: pytest.CaptureFixture[str]) -> None:
    Path('.gitignore').write_text(COMPLETE.replace('credentials.json\n', ''))
    code, out, _ = run(capsys, '--format', 'json')
    assert code == 1
    assert [f['rule'] for f in json.loads(out)['findings']] == ['gitignore-credentials-json']


def test_filenames_are_accepted_and_ignored(mode: str, capsys: pytest.CaptureFixture[str]) -> None:
    Path('.gitignore').write_text(COMPLETE)
    assert run(capsys, 'a.py', 'b.py')[0] == 0


def test_personal_excludes_do_not_count(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """.git/info/exclude protects one clone, not the team."""
    Path('.gitignore').write_text(COMPLETE.replace('credentials.json\n', ''))
    (repo / '.git' / 'info').mkdir(exist_ok=True)
    (repo / '.git' / 'info' / 'exclude').write_text('credentials.json\n')
    code, out, _ = run(capsys)
    assert code == 1 and 'credentials.json' in out


def test_tracked_files_do_not_hide_a_missing_line(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    Path('.gitignore').write_text(COMPLETE)
    Path('.env').write_text('A=1\n')
    git(repo, 'add', '-f', '.env')  # tracked despite .gitignore: check-ignore --no-index still says ignored
    assert run(capsys)[0] == 0


def test_not_a_repository_uses_the_fallback(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(tmp_path)
    Path('.gitignore').write_text(COMPLETE)
    assert run(capsys)[0] == 0


def test_unreadable_gitignore_is_an_error(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    Path('.gitignore').mkdir()
    code, _, err = run(capsys)
    assert code == 2 and err.startswith('check-gitignore: error: .gitignore: cannot read') and err.count('\n') == 1


def test_an_unreadable_nested_gitignore_is_an_error_on_one_line(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Eleventh hostile review, a sibling of break 07: the error quoted the path raw, and a directory named with a
    line break and `::error::…` started a line of stderr that a CI runner read as a command."""
    Path('.gitignore').write_text(COMPLETE)
    where = repo / 'x\n::error::injected ##[group]'
    where.mkdir()
    (where / '.gitignore').symlink_to(os.devnull)
    assert git(repo, 'add', '.').returncode == 0
    code, out, err = run(capsys)
    assert (code, out) == (2, '')
    assert err == 'check-gitignore: error: x\\n::error::injected #\\x23[group]/.gitignore: cannot read: not a regular file\n'


# --- the fallback evaluator agrees with git ----------------------------------------------------

GITIGNORES = [
    COMPLETE,
    '.env*\n!.env.example\n',
    '/.env\n.env.local\n',
    '*.pem\n!ca.pem\n',
    '# comment\n\\#hash\n\\!bang\n  \n*.key   \n',
    'secrets/\n**/id_rsa\nconfig/**/*.json\n',
    '.env\r\ncredentials.json\r\n',
    '*\n!*.py\n',
    'id_[rd]sa\nterraform.tfstate*\n',
    COMPLETE + '!d0/\n!*/\n',  # a re-included directory: what is below it is still judged (tenth review, 03)
    '*\n!*/\n!*.py\n',
    '.env\n!.env/\nsecrets/\n!secrets/x\n',  # a file below an ignored directory cannot be re-included
    '\\::x\na#\\#[bc]d\nst\\*r\nq\\?\n',  # escaped characters are literal (check-gitignore's advice: review 11, 07)
]
PATHS = [
    '.env', 'a/.env', '.env.local', '.env.example', 'a/.env.example', 'ca.pem', 'x.pem', 'server.key',
    '#hash', '!bang', 'credentials.json', 'secrets/x', 'a/secrets/x', 'id_rsa', 'deep/er/id_rsa', 'id_dsa',
    'config/a/b.json', 'config/b.json', 'x.py', 'terraform.tfstate', 'terraform.tfstate.backup',
    'd0/.env', 'd0/x/id_rsa', '.env.example/.env', 'a/b/x.py', '.env/x', 'secrets/y',
    '::x', 'a##bd', 'a##[bc]d', 'st*r', 'stAr', 'q?', 'qq',
]


@pytest.mark.parametrize('text', GITIGNORES)
def test_fallback_agrees_with_git(repo: Path, text: str) -> None:
    Path('.gitignore').write_text(text)
    answers = git_check_ignore(PATHS)
    assert answers is not None
    patterns = parse_gitignore(text)
    for path in PATHS:
        assert match_gitignore(path, patterns).ignored == answers[path].ignored, path


def test_git_check_ignore_outside_a_repository(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert git_check_ignore(['.env']) is None


@pytest.mark.parametrize(('line', 'probe'), [
    ('*.tfvars', 'leakstop-probe.tfvars'), ('secrets/', 'secrets'), ('/local.json', 'local.json'),
    ('**/cache/*.db', 'cache/leakstop-probe.db'), ('id_[rd]sa', 'id_rsa'), ('k[!x]y', 'kay'), ('a\\*', 'a*'),
    ('secrets/**', 'secrets/leakstop-probe'),
])
def test_probe_for(line: str, probe: str) -> None:
    assert probe_for(line) == probe


def test_required_lines_ignore_their_probes() -> None:
    for req in REQUIRED:
        patterns = parse_gitignore(req.line)
        for probe in req.probes:
            assert match_gitignore(probe, patterns).ignored, (req.line, probe)
            assert match_gitignore(f'sub/{probe}', patterns).ignored, (req.line, probe)


# --- end to end: real git, real pre-commit -----------------------------------------------------

def hook_entry(hook: str) -> str:
    """The console script next to this Python, else the module (an editable install may predate it)."""
    script = os.path.join(os.path.dirname(sys.executable), hook)
    if os.path.exists(script):
        return script
    return f'{sys.executable} -m leakstop.hooks.{hook.replace("-", "_")}'


def test_e2e_runs_on_every_commit(repo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for key, value in {
        'PRE_COMMIT_HOME': str(tmp_path / 'pc-home'), 'GIT_AUTHOR_NAME': 'T', 'GIT_AUTHOR_EMAIL': 't@example.com',
        'GIT_COMMITTER_NAME': 'T', 'GIT_COMMITTER_EMAIL': 't@example.com',
    }.items():
        monkeypatch.setenv(key, value)
    Path('.pre-commit-config.yaml').write_text(
        'repos:\n-   repo: local\n    hooks:\n'
        f'    -   id: check-gitignore\n        name: check .gitignore\n        entry: {hook_entry("check-gitignore")}\n'
        '        language: system\n        pass_filenames: false\n        always_run: true\n',
    )
    Path('.gitignore').write_text('node_modules/\n')
    git(repo, 'add', '.pre-commit-config.yaml', '.gitignore')
    assert git(repo, 'commit', '-q', '--no-verify', '-m', 'init').returncode == 0
    pre_commit = os.path.join(os.path.dirname(sys.executable), 'pre-commit')
    subprocess.run((pre_commit, 'install'), check=True, capture_output=True)

    Path('app.py').write_text('print(1)\n')
    git(repo, 'add', 'app.py')
    proc = git(repo, 'commit', '-m', 'app')
    assert proc.returncode != 0
    assert '    credentials.json\n' in proc.stdout + proc.stderr

    Path('.gitignore').write_text('node_modules/\n' + COMPLETE)
    git(repo, 'add', '.gitignore')
    proc = git(repo, 'commit', '-m', 'app')
    assert proc.returncode == 0, proc.stdout + proc.stderr


@pytest.mark.parametrize('option', ['--template', '--require'])
def test_a_name_that_is_no_utf8_is_no_traceback(mode: str, capsys: pytest.CaptureFixture[str], option: str) -> None:
    """Hostile review (issue 13 #14's sibling): a --template or --require argument holding bytes that are no
    UTF-8 (Python hands them over as surrogate escapes) was encoded strictly for git's stdin."""
    Path('.gitignore').write_text(COMPLETE)
    code, out, err = run(capsys, option, os.fsdecode(b'notes.\xe9.key'))
    assert code in (0, 1) and 'Traceback' not in err


@pytest.mark.parametrize('option', ['--require', '--skip', '--template'])
@pytest.mark.parametrize('value', ['x\n::error file=README.md::injected', 'a\x1b[31mb', 'x\r::warning::y', 'a\x85b'])
def test_a_control_character_in_an_argument_is_a_usage_error(
        repo: Path, capsys: pytest.CaptureFixture[str], option: str, value: str) -> None:
    """Third hostile review (break 11): `--require` values are printed in the report; one with a line break
    printed a line a CI runner reads as a workflow command (`::error …`), one with ESC a raw escape."""
    with pytest.raises(SystemExit) as e:
        main([option, value])
    out, err = capsys.readouterr()
    assert e.value.code == 2 and out == ''
    assert 'holds no control character' in err and '\x1b' not in err and not any(
        line.startswith('::') for line in err.splitlines())


def test_a_refused_argument_is_quoted_without_the_token_in_it(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Fourth hostile review (break 12): `--skip <token>` was echoed whole in its usage error."""
    import fakes
    token = fakes.github('ghp', seed='skip-arg')
    with pytest.raises(SystemExit) as e:
        main(['--skip', token])
    err = capsys.readouterr().err
    assert e.value.code == 2 and token not in err and "--skip 'ghp_…': not a default line" in err


@pytest.mark.parametrize('nested', ['!.env\n', '!*\n'])
def test_a_subdirectory_gitignore_that_re_includes_secrets_is_reported(
        nested: str, repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Ninth hostile review, break 07: a committed .gitignore in a subdirectory that re-includes `.env` (or
    everything) overrides the top-level file there: config/.env was committable and the hook passed."""
    Path('.gitignore').write_text(COMPLETE)
    (repo / 'config').mkdir()
    (repo / 'config' / '.gitignore').write_text(nested)
    (repo / 'docs').mkdir()
    (repo / 'docs' / '.gitignore').write_text('*.html\n')  # a nested file that re-includes nothing: no finding
    assert git(repo, 'add', '.gitignore', 'config/.gitignore', 'docs/.gitignore').returncode == 0
    code, out, _ = run(capsys)
    assert code == 1
    assert 'config/.gitignore re-includes .env files' in out and 'config/ is not covered' in out
    assert 'docs/.gitignore' not in out
    (repo / 'config' / '.gitignore').write_text('# nothing re-included\n')
    assert run(capsys)[0] == 0


def test_a_required_line_with_a_bracket_expression_can_be_satisfied(mode: str, capsys: pytest.CaptureFixture[str]) -> None:
    """Tenth hostile review, a sibling of 03: a bracket expression was probed as `x` (`id_[rd]sa` by `id_xsa`, which
    the line does not ignore): `--require 'id_[rd]sa'` failed whatever .gitignore held."""
    Path('.gitignore').write_text(COMPLETE + 'id_[rd]sa\n')
    assert run(capsys, '--require', 'id_[rd]sa') == (0, '', '')


def test_a_re_include_past_200_nested_gitignores_is_reported(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Tenth hostile review, break 02: only the first 200 directories with a tracked .gitignore (by name) were
    probed: beside 200 others, `!.env` in zz-service/.gitignore passed. Only files with a `!` line are probed
    now, all of them."""
    Path('.gitignore').write_text(COMPLETE)
    for i in range(201):
        (repo / 'packages' / f'p{i:03}').mkdir(parents=True)
        (repo / 'packages' / f'p{i:03}' / '.gitignore').write_text('node_modules/\ndist/\n')
    (repo / 'zz-service').mkdir()
    (repo / 'zz-service' / '.gitignore').write_text('!.env\n')
    assert git(repo, 'add', '.').returncode == 0
    code, out, _ = run(capsys)
    assert code == 1
    assert 'zz-service/.gitignore re-includes .env files (`!.env` at line 1): zz-service/ is not covered' in out


@pytest.mark.parametrize(('where', 'line'), [
    ('svc', '!*/.env'), ('svc', '!api/.env'), ('svc', '!**/.env'), ('svc', '!a[p]i/.e[n]v'),
    ('svc/api', '!.env'),
])
def test_a_nested_re_include_a_level_down_is_reported(
        where: str, line: str, repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Tenth hostile review, break 03: `!*/.env` in svc/.gitignore left svc/api/.env committable and the hook
    passed: directories with a .gitignore were probed, never a level below. Siblings: a directory named in the
    pattern (`!api/.env`) or a bracket expression. Each directory a `!` line reaches is probed now."""
    Path('.gitignore').write_text(COMPLETE)
    (repo / 'svc' / 'api').mkdir(parents=True)
    (repo / where / '.gitignore').write_text(line + '\n')
    assert git(repo, 'add', '.').returncode == 0
    code, out, _ = run(capsys)
    assert code == 1
    assert f'{where}/.gitignore re-includes ' in out and f'{where}/ is not covered' in out
    (repo / 'svc' / 'api' / '.env').write_text('A=1\n')  # what git says about the file the finding is about
    assert git(repo, 'status', '--porcelain', '--untracked-files=all', '--', 'svc/api/.env').stdout.strip()


@pytest.mark.parametrize('line', ['!*/*/.env', '!svc/api/.env', '!sv[c]/api/.env', '!svc/*/'])
def test_a_top_level_re_include_deeper_down_is_reported(
        line: str, mode: str, capsys: pytest.CaptureFixture[str]) -> None:
    """Tenth hostile review, break 03: `!*/*/.env` in the top-level file left svc/api/.env committable: the top
    level and one made-up directory were probed. Where the file's `!` lines reach is probed now, and the
    finding names the line (lines added after it win)."""
    Path('.gitignore').write_text(COMPLETE + ('svc/*/\n' if line == '!svc/*/' else '') + line + '\n')
    code, out, _ = run(capsys)
    if line == '!svc/*/':  # a re-included directory: `.env` still ignores what is in it
        assert code == 0, out
        return
    assert code == 1
    shown = 'a pattern at line 15' if '[' in line else f'`{line}` at line 15'
    assert f'does not ignore .env files in subdirectories (re-included by {shown}): add `.env`' in out


@pytest.mark.parametrize(('line', 'path', 'what'), [
    ('!.env.staging', '.env.staging', '.env files'), ('!deploy.pem', 'deploy.pem', 'private key files'),
    ('!prod.tfstate', 'prod.tfstate', 'Terraform state'), ('!/secrets/tls.key', 'secrets/tls.key', 'private key files'),
    # a wildcard `!` line: a name it and a required line both match (`deploy.*` and `*.pem`: deploy.pem)
    ('!deploy.*', 'deploy.pem', 'private key files'), ('![d]eploy.p?m', 'deploy.pem', 'private key files'),
    ('!*.json', 'credentials.json', 'credentials.json'), ('!prod.*', 'prod.tfstate.backup', 'Terraform state'),
    ('!i?_*', 'id_rsa', 'SSH private keys'),
])
def test_a_top_level_re_include_of_a_name_no_probe_has_is_reported(
        line: str, path: str, what: str, mode: str, capsys: pytest.CaptureFixture[str]) -> None:
    """Eleventh hostile review, break 02: `!.env.staging` after `.env.*` left .env.staging committable and the hook
    passed: only fixed names (.env.local, private.pem) were probed. The name a `!` line gives is probed too."""
    Path('.gitignore').write_text(COMPLETE + line + '\n')
    code, out, _ = run(capsys)
    assert code == 1
    shown = 'a pattern at line 15' if '[' in line else f'`{line}` at line 15'
    assert f'does not ignore {what}{" in subdirectories" if "/" in path else ""} (re-included by {shown})' in out
    if mode == 'git':  # what git says about the file the finding is about
        Path(path).parent.mkdir(exist_ok=True)
        Path(path).write_text('A=1\n')
        assert git(Path.cwd(), 'status', '--porcelain', '--untracked-files=all', '--', path).stdout.strip()


@pytest.mark.parametrize(('line', 'path'), [('!.env.prod', 'config/.env.prod'), ('!tls.key', 'config/tls.key'),
                                            ('!client.p12', 'config/client.p12'), ('!prod/id_rsa', 'config/prod/id_rsa'),
                                            ('!tls.*', 'config/tls.key'), ('!*/deploy*', 'config/x/deploy.pem')])
def test_a_nested_re_include_of_a_name_no_probe_has_is_reported(
        line: str, path: str, repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Eleventh hostile review, break 02, in a subdirectory's .gitignore: `!tls.key` in config/.gitignore passed."""
    Path('.gitignore').write_text(COMPLETE)
    (repo / 'config').mkdir()
    (repo / 'config' / '.gitignore').write_text(line + '\n')
    assert git(repo, 'add', '.').returncode == 0
    code, out, _ = run(capsys)
    assert code == 1
    assert f'config/.gitignore re-includes ' in out and f'(`{line}` at line 1): config/ is not covered' in out
    Path(path).parent.mkdir(exist_ok=True)
    Path(path).write_text('A=1\n')
    assert git(repo, 'status', '--porcelain', '--untracked-files=all', '--', path).stdout.strip()


def test_a_re_included_template_is_no_finding(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Templates are re-included on purpose, at the top or below: probing the names `!` lines give must not
    report them."""
    Path('.gitignore').write_text(COMPLETE + '!.env.sample\n')
    (repo / 'config').mkdir()
    (repo / 'config' / '.gitignore').write_text('!.env.example\n!.env.template\n')
    assert git(repo, 'add', '.').returncode == 0
    assert run(capsys) == (0, '', '')


@pytest.mark.parametrize('line', ['::stop-commands::x', 'a##[bc]d', '::a##[e]'])
def test_the_advice_quotes_a_required_line_as_no_workflow_command(
        line: str, mode: str, capsys: pytest.CaptureFixture[str]) -> None:
    """Eleventh hostile review, break 07: the lines to add were printed raw, one a line: a `--require` line
    `::stop-commands::x` (from the committed hook args) was a workflow command in the CI log. They are shown with a
    backslash that git reads as the same pattern: pasted as shown, the hook passes."""
    Path('.gitignore').write_text(COMPLETE)
    code, out, _ = run(capsys, '--require', line)
    assert code == 1
    lines = out.splitlines()
    assert not [shown for shown in lines if shown.lstrip().startswith('::') or '##[' in shown], lines
    shown = {'::stop-commands::x': '\\::stop-commands::x', 'a##[bc]d': 'a#\\#[bc]d', '::a##[e]': '\\::a#\\#[e]'}[line]
    assert f'    {shown}' in lines
    Path('.gitignore').write_text(COMPLETE + shown + '\n')
    assert run(capsys, '--require', line) == (0, '', '')


@pytest.mark.parametrize(('option', 'value'), [
    ('--require', 'ghp_{rest}'), ('--require', 'keys/ghp\\_{rest}'), ('--require', 'ghp?{rest}.yml'),
    ('--template', '.env.ghp_{rest}'),
    # git reads [[:punct:]] as `_`; the one-letter brackets leave no long word (thirteenth hostile review, break 01)
    ('--require', 'ghp[[:punct:]]{a}[{b}]{c}[{d}]{e}'),
])
@pytest.mark.parametrize('fmt', ['text', 'json'])
def test_a_token_in_a_required_line_or_template_is_redacted(
        option: str, value: str, fmt: str, mode: str, capsys: pytest.CaptureFixture[str]) -> None:
    """Twelfth hostile review, a sibling of break 10: a `--require` line (the hook's committed args) was printed whole
    in its finding and in the lines to add, and a `--template` name in "add `!…`" and the lines to add, a token in
    it with them. Each is shown as a pattern is (`report.pattern_shown`)."""
    rest = fakes.github(seed='gitignore-require')[4:]
    Path('.gitignore').write_text(COMPLETE + '.env*\n')
    if option == '--template':
        Path(value.format(rest=rest)).write_text('A=\n')
    parts = {'a': rest[:12], 'b': rest[12], 'c': rest[13:25], 'd': rest[25], 'e': rest[26:]}
    code, out, err = run(capsys, '--format', fmt, option, value.format(rest=rest, **parts))
    assert code == 1
    assert rest[-12:] not in out + err and rest[:12] not in out + err
    assert 'ghp_…' in out


def test_re_includes_that_keep_secrets_ignored_pass(mode: str, capsys: pytest.CaptureFixture[str]) -> None:
    """A re-included directory (`!*/`, `!build/`) keeps what `.env` and the others ignore in it ignored: no finding."""
    Path('.gitignore').write_text(COMPLETE + 'build/\n!build/\n!*/\n!docs/**/*.md\n')
    assert run(capsys) == (0, '', '')
    # `*.md` and `.env.*` both match `.env.md`, a Markdown file: a `!` line's own ending is not an env file
    Path('.gitignore').write_text(COMPLETE + '!*.md\n!*.pub\n!src/**/*.json.example\n')
    assert run(capsys) == (0, '', '')


@pytest.mark.parametrize(('a', 'b', 'name'), [
    ('deploy.*', '*.pem', 'deploy.pem'), ('[d]eploy.p?m', '*.pem', 'deploy.pem'), ('*', '.env', '.env'),
    ('i[a-z]_*', 'id_rsa', 'id_rsa'), ('[!a]*', 'id_rsa', 'id_rsa'), ('\\*x', '*', '*x'), ('prod.*', '*.tfstate.*', 'prod.tfstate.'),
    ('*.md', '*.pem', None), ('id_rsa', 'id_dsa', None), ('[!i]d_rsa', 'id_rsa', None), ('a' * 70, 'a' * 70, None),
])
def test_common_name(a: str, b: str, name: str | None) -> None:
    """A name two globs both match (what a wildcard `!` line re-includes of a required line), or None; over
    ``_COMMON_NAME_STATES`` pairs of positions, not tried."""
    assert common_name(a, b) == name
    assert common_name(b, a) == name


def test_too_many_re_includes_to_probe_fail(repo: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    """Probing costs git about a microsecond a path and pattern: past a budget the hook says what it did not probe
    and fails, rather than pass it (tenth hostile review, break 02: a silent cap)."""
    from leakstop.hooks import check_gitignore
    monkeypatch.setattr(check_gitignore, 'REINCLUDE_BUDGET', 100)
    Path('.gitignore').write_text(COMPLETE + ''.join(f'!d{i}/\n' for i in range(20)))
    code, out, _ = run(capsys)
    assert code == 1 and 'too many directories to probe them all (2 of 21 probed)' in out


def test_too_many_re_includes_and_a_missing_line_are_both_reported(
        repo: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    """The count of the nested directories was shadowed by a flag of the missing lines' loop: with a line missing
    too, the budget's message ended in a TypeError (found by mypy after the tenth review's fixes were merged)."""
    from leakstop.hooks import check_gitignore
    monkeypatch.setattr(check_gitignore, 'REINCLUDE_BUDGET', 100)
    Path('.gitignore').write_text(COMPLETE.replace('.env\n', '') + ''.join(f'!d{i}/\n' for i in range(20)))
    code, out, _ = run(capsys)
    assert code == 1 and 'too many directories to probe them all' in out and 'does not ignore .env files' in out


def test_a_re_include_made_on_purpose_passes_under_a_pragma(mode: str, capsys: pytest.CaptureFixture[str]) -> None:
    """A directory of fake fixtures re-included on purpose (this repository's `!tests/corpus/**`) is reported
    (its .env files are committable) unless a `# leakstop: allow-next-line` comment stands above the line."""
    Path('.gitignore').write_text(COMPLETE + '!tests/corpus/**\n')
    code, out, _ = run(capsys)
    assert code == 1 and 're-included by `!tests/corpus/**` at line 15' in out
    Path('.gitignore').write_text(COMPLETE + '# leakstop: allow-next-line (fake fixtures)\n!tests/corpus/**\n')
    assert run(capsys) == (0, '', '')


@pytest.mark.parametrize('name', [':cfg', ':!cfg', ':(top)cfg'])
def test_a_directory_name_that_reads_as_pathspec_magic_is_probed_as_itself(
        name: str, repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Tenth hostile review, break 17 (a): `:cfg/.env` was asked of `git check-ignore` as a pathspec (`:` is magic)
    and judged as `cfg/.env`, ignored by the top-level `.env`; `:!cfg/.env` made git refuse every probe, and the
    fallback read the top-level file alone. Either way `!.env` in that directory's .gitignore passed."""
    Path('.gitignore').write_text(COMPLETE)
    (repo / name).mkdir()
    (repo / name / '.gitignore').write_text('!.env\n')
    assert git(repo, '--literal-pathspecs', 'add', '.gitignore', f'{name}/.gitignore').returncode == 0
    code, out, _ = run(capsys)
    assert code == 1
    assert f'{name}/.gitignore re-includes .env files' in out and f'{name}/ is not covered' in out


def test_git_check_ignore_reads_paths_literally(repo: Path) -> None:
    Path('.gitignore').write_text('.env\n')
    (repo / ':cfg').mkdir()
    (repo / ':cfg' / '.gitignore').write_text('!.env\n')
    answers = git_check_ignore([':cfg/.env', ':!x/.env', 'a*/.env'])
    assert answers is not None
    assert answers[':cfg/.env'].pattern == '!.env' and not answers[':cfg/.env'].ignored
    assert answers[':!x/.env'].ignored and answers['a*/.env'].ignored


@pytest.mark.parametrize('fmt', ['text', 'json'])
def test_a_hostile_directory_name_is_shown_escaped(fmt: str, repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Tenth hostile review, break 17 (b): the directory name was put raw into the finding's description: a name
    with a line break started a line `::stop-commands::…` (GitHub Actions reads it as a command) and a name that
    is not UTF-8 made `--format json` write invalid UTF-8. Names are shown as paths are everywhere else."""
    Path('.gitignore').write_text(COMPLETE)
    names = [b'x\n::stop-commands::pause', b'caf\xe9']
    for name in names:
        os.mkdir(name)
        Path(os.fsdecode(name), '.gitignore').write_text('!.env\n')
    assert subprocess.run(['git', 'add', '--', *(os.fsdecode(n) + '/.gitignore' for n in names)]).returncode == 0
    code, out, _ = run(capsys, '--format', fmt)
    assert code == 1
    out.encode('utf-8')  # no surrogate escape: valid UTF-8 when written
    assert not any(line.lstrip().startswith('::') for line in out.splitlines())
    if fmt == 'json':
        out = ' '.join(f['description'] for f in json.loads(out)['findings'])
    assert 'caf\\xe9/ is not covered' in out and 'x\\n::stop-commands::pause/ is not covered' in out


def test_a_re_including_pattern_that_holds_a_hostile_name_is_shown_escaped(
        repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Break 17's sibling: the pattern that re-includes is shown too, and holds the name it matches (`!caf\\xe9/.env`
    in a/.gitignore for a/caf\\xe9/): it was written raw, and `--format json` was not UTF-8."""
    Path('.gitignore').write_text(COMPLETE)
    os.makedirs(b'a/caf\xe9')
    Path(os.fsdecode(b'a/caf\xe9/.gitignore')).write_text('# nothing\n')
    Path('a/.gitignore').write_bytes(b'!caf\xe9/.env\n')
    assert git(repo, 'add', '-A').returncode == 0
    code, out, _ = run(capsys, '--format', 'json')
    assert code == 1
    out.encode('utf-8')
    descriptions = [f['description'] for f in json.loads(out)['findings']]
    assert 'a/.gitignore re-includes .env files (`!caf\\xe9/.env` at line 1): a/ is not covered; remove that line there' in descriptions

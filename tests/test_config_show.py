"""``leakstop --version``, ``leakstop config show`` and the warning when two settings files compete
(issue 14, CLI conventions). Run as the user runs them: the ``leakstop`` command in a git repository."""
from __future__ import annotations

import os
import subprocess
import sys
from importlib import metadata

import pytest

import fakes
from e2e import enter_repo, write
import leakstop

LEAKSTOP = [sys.executable, '-m', 'leakstop.cli']
GH = fakes.github('ghp', seed='config-show')
STOPWORD = 'kq7Zr2mXv9'  # a fragment of a secret: allowlist entries are often the very thing to hide


@pytest.fixture
def repo(tmp_path: object, monkeypatch: pytest.MonkeyPatch) -> str:
    return enter_repo(tmp_path, monkeypatch)


def leakstop_cmd(*argv: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*LEAKSTOP, *argv], capture_output=True, text=True)


def rows(out: str) -> dict[str, tuple[str, str]]:
    """``key = value  # origin`` lines as {key: (value, origin)}."""
    table = {}
    for line in out.splitlines():
        if line.startswith('#'):
            continue
        setting, _, where = line.partition('  # ')
        key, _, value = setting.partition(' = ')
        table[key] = (value.strip(), where)
    return table


def test_version_is_the_installed_package_version(repo: str) -> None:
    result = leakstop_cmd('--version')
    assert (result.returncode, result.stderr) == (0, '')
    assert result.stdout == f'leakstop {metadata.version("leakstop")}\n'
    assert leakstop.__version__ == metadata.version('leakstop')  # the cache keys use this one


def test_defaults(repo: str) -> None:
    result = leakstop_cmd('config', 'show')
    assert (result.returncode, result.stderr) == (0, '')
    assert result.stdout.splitlines()[0] == '# settings: none (every value is the default)'
    assert rows(result.stdout) == {
        'baseline': ('".leakstop-baseline.json"', 'default'),
        'disable': ('[]', 'default'),
        'enable_only': ('(every rule)', 'default'),
        'allowlist.paths': ('[]', 'default'),
        'allowlist.values': ('[]', 'default'),
        'allowlist.stopwords': ('[]', 'default'),
        'rules': ('[]', 'default'),
    }


LEAKSTOP_TOML = f'''
disable = ["generic-password"]
[allowlist]
paths = ["tests/fixtures/**"]
values = ["^{GH}$"]
stopwords = ["{STOPWORD}"]
[allowlist.rules.generic-token]
values = ["^{GH[:20]}"]
[[rules]]
id = "acme-key"
description = "Acme key"
pattern = 'acme_(?P<secret>[a-z0-9]{{32}})'
'''


def test_leakstop_toml_with_command_line_options(repo: str) -> None:
    write('.leakstop.toml', LEAKSTOP_TOML)
    result = leakstop_cmd('config', 'show', '--disable-rule', 'aws-access-key-id', '--enable-only', 'github-pat-classic',
                          '--enable-only', 'generic-token', '--baseline', 'reviewed.json')
    assert (result.returncode, result.stderr) == (0, '')
    assert result.stdout.splitlines()[0] == '# settings: .leakstop.toml'
    assert rows(result.stdout) == {
        'baseline': ('"reviewed.json"', 'command line (--baseline)'),
        'disable': ('["aws-access-key-id", "generic-password"]', '.leakstop.toml + command line (--disable-rule)'),
        'enable_only': ('["generic-token", "github-pat-classic"]', 'command line (--enable-only)'),
        'allowlist.paths': ('["tests/fixtures/**"]', '.leakstop.toml'),
        'allowlist.values': ('["^ghp…"]', '.leakstop.toml'),
        'allowlist.stopwords': ('["kq…"]', '.leakstop.toml'),
        'allowlist.rules.generic-token.values': ('["^ghp…"]', '.leakstop.toml'),
        'rules': ('["acme-key"]', '.leakstop.toml'),
    }
    for secret in (GH, GH[:20], STOPWORD, GH[1:8], STOPWORD[:5]):  # never a secret, nor a fragment beyond 4 characters
        assert secret not in result.stdout + result.stderr


def test_pyproject_and_config_file(repo: str) -> None:
    write('pyproject.toml', '[project]\nname = "app"\n\n[tool.leakstop]\nbaseline = "ci/baseline.json"\n'
                            'enable_only = ["github-pat-classic"]\n')
    result = leakstop_cmd('config', 'show')
    assert (result.returncode, result.stderr) == (0, '')
    assert result.stdout.splitlines()[0] == '# settings: pyproject.toml [tool.leakstop]'
    table = rows(result.stdout)
    assert table['baseline'] == ('"ci/baseline.json"', 'pyproject.toml [tool.leakstop]')
    assert table['enable_only'] == ('["github-pat-classic"]', 'pyproject.toml [tool.leakstop]')
    assert table['disable'] == ('[]', 'default')
    write('ci/leakstop.toml', 'disable = ["aws-access-key-id"]\n')
    result = leakstop_cmd('config', 'show', '--config', 'ci/leakstop.toml')
    assert (result.returncode, result.stderr) == (0, '')
    assert result.stdout.splitlines()[0] == '# settings: --config ci/leakstop.toml'
    table = rows(result.stdout)
    assert table['disable'] == ('["aws-access-key-id"]', '--config ci/leakstop.toml')
    assert table['baseline'] == ('".leakstop-baseline.json"', 'default')


WARNING = ('leakstop: warning: settings in both .leakstop.toml and pyproject.toml [tool.leakstop]: '
           '.leakstop.toml is used, [tool.leakstop] is ignored (keep one)\n')


def test_both_settings_files_warn_and_say_which_one_wins(repo: str) -> None:
    write('.leakstop.toml', 'disable = ["generic-password"]\n')
    write('pyproject.toml', '[tool.leakstop]\ndisable = ["generic-token"]\n')
    write('deploy.py', f'token = "{GH}"\n')
    result = leakstop_cmd('config', 'show')
    assert result.returncode == 0 and result.stderr == WARNING
    assert result.stdout.splitlines()[:2] == ['# settings: .leakstop.toml',
                                             '# ignored: pyproject.toml [tool.leakstop] (.leakstop.toml wins)']
    assert rows(result.stdout)['disable'] == ('["generic-password"]', '.leakstop.toml')
    result = leakstop_cmd('scan', 'deploy.py')  # every command says it
    assert result.returncode == 1 and result.stderr == WARNING
    assert result.stdout.startswith('deploy.py:1:10: github-pat-classic: ')
    result = leakstop_cmd('scan', '--config', '.leakstop.toml', 'deploy.py')  # a file named: nothing competes
    assert result.returncode == 1 and result.stderr == ''


@pytest.mark.parametrize('pyproject', [
    '[project]\nname = "app"\ndependencies = ["leakstop"]\n',  # mentions leakstop, holds no settings
    '[tool.black]\nline-length = 100\n',
    '[tool.leakstop\n',  # not TOML: not read, since .leakstop.toml wins
])
def test_no_warning_without_a_competing_table(repo: str, pyproject: str) -> None:
    write('.leakstop.toml', 'disable = ["generic-password"]\n')
    write('pyproject.toml', pyproject)
    result = leakstop_cmd('config', 'show')
    assert (result.returncode, result.stderr) == (0, '')
    assert '# ignored' not in result.stdout


def test_unknown_rule_ids(repo: str) -> None:
    write('.leakstop.toml', f'disable = ["github-pat-clasic", "{GH}"]\n')
    result = leakstop_cmd('config', 'show')
    assert result.returncode == 0
    assert result.stderr.splitlines() == [  # in the order of the ids
        f"leakstop: warning: .leakstop.toml: disable: unknown rule id '{GH[:4]}…': `leakstop rules list` lists the rules",
        "leakstop: warning: .leakstop.toml: disable: unknown rule id 'github-pat-clasic' (did you mean "
        'github-pat-classic?): `leakstop rules list` lists the rules',
    ]
    assert GH not in result.stdout + result.stderr
    result = leakstop_cmd('config', 'show', '--enable-only', 'nope')
    assert result.returncode == 2 and result.stdout == ''
    assert result.stderr.endswith("leakstop: error: --enable-only: unknown rule id 'nope': `leakstop rules list` lists the rules\n")


def test_the_shown_settings_are_the_ones_a_scan_uses(repo: str) -> None:
    """What config show says is off is off for scan: the same settings, the same selection."""
    write('.leakstop.toml', 'disable = ["github-pat-classic"]\n')
    write('deploy.py', f'token = "{GH}"\n')
    assert rows(leakstop_cmd('config', 'show').stdout)['disable'][0] == '["github-pat-classic"]'
    result = leakstop_cmd('scan', 'deploy.py')
    assert result.returncode == 1 and result.stdout.startswith('deploy.py:1:10: generic-token: ')
    os.remove('.leakstop.toml')
    assert rows(leakstop_cmd('config', 'show').stdout)['disable'] == ('[]', 'default')
    assert leakstop_cmd('scan', 'deploy.py').stdout.startswith('deploy.py:1:10: github-pat-classic: ')


def test_a_token_pasted_into_a_path_or_a_rule_description_is_redacted(repo: str) -> None:
    """Second hostile review (break 06, #16's sibling): `config show` printed a token pasted into
    `baseline`, `allowlist.paths` and a rule's allowlist paths whole (it redacted `values` and `stopwords`),
    and `rules list` printed it whole in a custom rule's description."""
    write('.leakstop.toml', (
        f'baseline = "{GH}.json"\n[allowlist]\npaths = ["{GH}", "docs/**"]\n'
        f'[allowlist.rules.generic-password]\npaths = ["x/{GH}/**"]\n'
        f'[[rules]]\nid = "acme"\ndescription = "Acme {GH}"\nkind = "context"\nkeywords = ["acme"]\n'
        'shape = "[a-f0-9]{32}"\n'))
    shown = leakstop_cmd('config', 'show')
    assert shown.returncode == 0 and GH not in shown.stdout + shown.stderr
    table = rows(shown.stdout)
    assert table['baseline'][0] == '"ghp_….json"'
    assert table['allowlist.paths'][0] == '["ghp_…", "docs/**"]'
    assert table['allowlist.rules.generic-password.paths'][0] == '["x/ghp_…/**"]'
    for fmt in ('text', 'json'):
        listed = leakstop_cmd('rules', 'list', '--format', fmt)
        assert listed.returncode == 0 and GH not in listed.stdout and 'Acme ghp_…' in listed.stdout


def test_a_token_written_as_a_glob_is_redacted(repo: str) -> None:
    """Twelfth hostile review, break 10: `config show` printed an allowlist path glob whole when it named the token
    through glob syntax (`ghp[_]…`, `ghp\\_…`, `ghp?…`, the token split by `*` or cut short before it); `rules list` a custom rule's path
    glob too, and an error quoting `--skip` by repr() the `\\_` form (a doubled backslash)."""
    rest = GH[4:]
    globs = [f'ghp[_]{rest}', f'ghp\\\\_{rest}', f'ghp?{rest}', f'docs/ghp_{rest[:12]}*{rest[12:]}/**', f'x/ghp_{rest[:30]}*',
             f'ghp[[:punct:]]{rest[:12]}[{rest[12]}]{rest[13:25]}[{rest[25]}]{rest[26:]}']  # (thirteenth review, 01)
    write('.leakstop.toml', '[allowlist]\npaths = [' + ', '.join(f'"{g}"' for g in globs) + ']\n'
          '[[rules]]\nid = "acme"\ndescription = "Acme"\nkind = "context"\nkeywords = ["acme"]\n'
          f'shape = "[a-f0-9]{{32}}"\npaths = ["x/ghp?{rest}"]\n')
    shown = leakstop_cmd('config', 'show')
    assert shown.returncode == 0 and rest[-12:] not in shown.stdout + shown.stderr and rest[:12] not in shown.stdout
    assert rows(shown.stdout)['allowlist.paths'][0] == '["ghp_…", "ghp_…", "ghp_…", "docs/ghp_…/**", "x/ghp_…*", "ghp_…"]'  # the token's prefix
    listed = leakstop_cmd('rules', 'list', '--format', 'json')
    assert listed.returncode == 0 and rest[-12:] not in listed.stdout + listed.stderr
    for skipped in (f'ghp\\_{rest}', globs[-1]):
        refused = subprocess.run([sys.executable, '-m', 'leakstop.hooks.check_gitignore', '--skip', skipped],
                                 capture_output=True, text=True)  # not a default line: the error quotes it by repr()
        assert refused.returncode == 2 and rest[-12:] not in refused.stdout + refused.stderr and 'ghp_…' in refused.stderr
        assert rest[:12] not in refused.stdout + refused.stderr


def test_settings_and_rules_are_shown_with_no_legacy_workflow_command(repo: str) -> None:
    """Eleventh hostile review, a sibling of break 07: `config show` and `rules list --format json` printed
    a committed setting holding `##[` raw (a workflow command anywhere in a line of the CI log). They show
    `#\\u0023[`, the same TOML or JSON string."""
    import json
    import tomllib
    write('.leakstop.toml', (
        '[allowlist]\npaths = ["##[group]x/**"]\n'
        '[[rules]]\nid = "acme"\ndescription = "Acme ##[error] token"\nkind = "context"\nkeywords = ["acme"]\n'
        'shape = "[a-f0-9]{32}"\n'))
    shown = leakstop_cmd('config', 'show')
    assert shown.returncode == 0 and '##[' not in shown.stdout
    value = rows(shown.stdout)['allowlist.paths'][0]
    assert value == '["#\\u0023[group]x/**"]' and tomllib.loads(f'v = {value}')['v'] == ['##[group]x/**']
    for fmt in ('text', 'json'):
        listed = leakstop_cmd('rules', 'list', '--format', fmt)
        assert listed.returncode == 0 and '##[' not in listed.stdout and 'Acme #' in listed.stdout, fmt
    doc = json.loads(leakstop_cmd('rules', 'list', '--format', 'json').stdout)
    assert [r['description'] for r in doc['rules'] if r['id'] == 'acme'] == ['Acme ##[error] token']


def test_a_token_pasted_into_any_field_a_custom_rule_shows_is_redacted_everywhere_it_is_shown(repo: str) -> None:
    """Third hostile review (break 12): the second round redacted a custom rule's description only; its
    provider, revoke page, tags and paths were printed whole by `rules list` (text, JSON, Markdown) and its
    revoke page under every finding of the rule by scan-secrets and `leakstop scan`."""
    write('.leakstop.toml', (
        f'[[rules]]\nid = "acme-key"\ndescription = "Acme"\nkeywords = ["acme"]\n'
        "pattern = '''acme=(?P<secret>[a-z]{20})'''\n"
        f'tags = ["{GH}"]\nprovider = "Acme {GH}"\nrevoke = "https://acme.test/revoke?token={GH}"\n'
        f'paths = ["{GH}/**", "*.txt"]\n'))
    with open('.leakstop.toml') as f:  # a keyword too (fourth hostile review, break 06: rules list --format json)
        write('.leakstop.toml', f.read().replace('keywords = ["acme"]', f'keywords = ["acme", "{GH}"]'))
    write('a.txt', 'acme=qkzmwprtvbnhxjcyldfs\n')
    for fmt in ('text', 'json', 'markdown'):
        listed = leakstop_cmd('rules', 'list', '--format', fmt)
        assert listed.returncode == 0 and GH not in listed.stdout + listed.stderr, fmt
        assert 'Acme ghp_…' in listed.stdout and 'acme-key' in listed.stdout + 'acme-key'
    assert '"ghp_…/**"' in leakstop_cmd('rules', 'list', '--format', 'json').stdout
    for fmt in ('text', 'json', 'sarif'):
        found = leakstop_cmd('scan', '--format', fmt, 'a.txt')
        assert found.returncode == 1 and GH not in found.stdout + found.stderr, fmt
        assert 'https://acme.test/revoke?token=ghp_…' in found.stdout, fmt

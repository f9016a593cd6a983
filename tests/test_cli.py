"""The leakstop command: scan scopes (paths, --staged, --all), output files, rules list/test/import-gitleaks."""
from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

import fakes
from e2e import enter_repo, git, write
from leakstop import cli, gitleaks
from leakstop.cache import load_toml
from leakstop.config import config_from_table
from leakstop.rules import load_rules, providers_markdown

AWS = fakes.aws_key_id(seed='cli')
GH = fakes.github('ghp', seed='cli')
NPM = fakes.npm(seed='cli')


@pytest.fixture
def repo(tmp_path: object, monkeypatch: pytest.MonkeyPatch) -> str:
    return enter_repo(tmp_path, monkeypatch)


def run_json(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, dict]:  # type: ignore[type-arg]
    code = cli.main(['scan', '--format', 'json', *argv])
    out = capsys.readouterr().out
    return code, json.loads(out)


def paths_of(doc: dict) -> list[str]:  # type: ignore[type-arg]
    return sorted(f['path'] for f in doc['findings'])


# -- scopes -------------------------------------------------------------------------------------

def test_staged_judges_the_index_not_the_working_tree(repo: str, capsys: pytest.CaptureFixture[str]) -> None:
    write('a.py', f'key = "{GH}"\n')
    git('add', 'a.py', cwd='.')
    write('a.py', 'key = os.environ["KEY"]\n')  # cleaned in the working tree only: still staged
    write('b.py', 'x = 1\n')
    git('add', 'b.py', cwd='.')
    write('b.py', f'token = "{NPM}"\n')  # a secret not staged: not what the commit would take
    write('c.py', f'untracked = "{AWS}"\n')  # untracked: not staged
    code, doc = run_json(capsys, '--staged')
    assert code == 1
    assert [(f['path'], f['line'], f['rule']) for f in doc['findings']] == [('a.py', 1, 'github-pat-classic')]
    code, doc = run_json(capsys)  # paths: the working tree, for contrast
    assert paths_of(doc) == ['b.py', 'c.py']


def test_staged_only_paths_that_differ_from_head(repo: str, capsys: pytest.CaptureFixture[str]) -> None:
    write('old.py', f'key = "{GH}"\n')
    git('add', '.', cwd='.')
    git('commit', '-qm', 'old', cwd='.')
    write('new.py', 'x = 1\n')
    git('add', 'new.py', cwd='.')
    code, doc = run_json(capsys, '--staged')
    assert (code, doc['findings']) == (0, [])
    code, doc = run_json(capsys, '--all')  # every tracked file, from the index
    assert (code, paths_of(doc)) == (1, ['old.py'])


def test_all_reads_the_index_and_skips_symlinks(repo: str, capsys: pytest.CaptureFixture[str]) -> None:
    write('src/conf.py', f'token = "{NPM}"\n')
    write('utf16.txt', f'key = "{GH}"\n'.encode('utf-16'))
    write('image.bin', b'\0\x01\x02' * 100)
    os.symlink('src/conf.py', 'link.py')
    git('add', '.', cwd='.')
    os.remove('src/conf.py')  # deleted in the working tree: the index still has it
    code, doc = run_json(capsys, '--all')
    assert code == 1
    assert paths_of(doc) == ['src/conf.py', 'utf16.txt']


def test_staged_respects_path_allowlist_and_baseline(repo: str, capsys: pytest.CaptureFixture[str]) -> None:
    write('fixtures/a.py', f'key = "{GH}"\n')
    write('b.py', f'token = "{NPM}"\n')
    write('.leakstop.toml', '[allowlist]\npaths = ["fixtures/**"]\n')
    git('add', '.', cwd='.')
    assert cli.main(['baseline', 'create', 'b.py']) == 0
    capsys.readouterr()
    code, doc = run_json(capsys, '--staged')
    assert (code, doc['findings']) == (0, [])


def test_staged_in_a_subdirectory_reports_paths_from_there(repo: str, capsys: pytest.CaptureFixture[str]) -> None:
    write('pkg/mod/a.py', f'key = "{GH}"\n')
    write('top.py', f'token = "{NPM}"\n')
    git('add', '.', cwd='.')
    os.chdir('pkg')
    code, doc = run_json(capsys, '--staged')
    assert paths_of(doc) == ['../top.py', 'mod/a.py']


def test_unmerged_path_is_read_from_the_working_tree(repo: str, capsys: pytest.CaptureFixture[str]) -> None:
    write('a.py', 'v = 0\n')
    git('add', '.', cwd='.')
    git('commit', '-qm', 'base', cwd='.')
    git('checkout', '-qb', 'other', cwd='.')
    write('a.py', f'v = "{GH}"\n')
    git('commit', '-qam', 'other', cwd='.')
    git('checkout', '-q', 'main', cwd='.')
    write('a.py', 'v = 2\n')
    git('commit', '-qam', 'main', cwd='.')
    assert git('merge', 'other', cwd='.', check=False).returncode != 0  # conflict
    code, doc = run_json(capsys, '--staged')
    assert (code, paths_of(doc)) == (1, ['a.py'])


@pytest.mark.parametrize('argv', [
    ['scan', '--staged', 'a.py'], ['scan', '--all', '.'], ['scan', '--history', 'x'], ['scan', '--since', 'HEAD', 'x'],
])
def test_paths_with_a_git_scope_is_a_usage_error(repo: str, argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(argv) == 2
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1 and 'not both' in err


def test_scopes_are_mutually_exclusive(repo: str) -> None:
    with pytest.raises(SystemExit) as e:
        cli.main(['scan', '--staged', '--all'])
    assert e.value.code == 2


def test_staged_outside_a_repository(tmp_path: object, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(str(tmp_path))
    monkeypatch.setenv('GIT_CEILING_DIRECTORIES', str(tmp_path))
    assert cli.main(['scan', '--staged']) == 2
    assert capsys.readouterr().err.strip() == 'leakstop: error: not in a git repository (or git is missing)'


# -- output -------------------------------------------------------------------------------------

@pytest.mark.parametrize('fmt', ['text', 'json', 'sarif'])
def test_output_file_is_written_and_stdout_stays_empty(repo: str, fmt: str, capsys: pytest.CaptureFixture[str]) -> None:
    write('a.py', f'key = "{GH}"\n')
    assert cli.main(['scan', '--format', fmt, '--output', 'report.out', 'a.py']) == 1
    out, err = capsys.readouterr()
    assert out == ''
    with open('report.out', encoding='utf-8') as f:
        report = f.read()
    assert 'a.py' in report and GH not in report and GH[:4] + '…' in report
    assert not [n for n in os.listdir('.') if n.endswith('.tmp')]


def test_output_to_a_device_or_fifo_writes_through_it(repo: str, capsys: pytest.CaptureFixture[str]) -> None:
    """`-o /dev/null` once replaced the device node with a regular file (an atomic rename over it)."""
    import stat
    import threading
    write('a.py', f'key = "{GH}"\n')
    os.mkfifo('pipe')
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(open('pipe', 'rb').read()))
    reader.start()
    assert cli.main(['scan', '--format', 'json', '--output', 'pipe', 'a.py']) == 1
    reader.join(10)
    assert stat.S_ISFIFO(os.lstat('pipe').st_mode)
    assert b'github-pat-classic' in received[0]


def test_baseline_is_never_written_over_a_non_regular_file(repo: str) -> None:
    from leakstop.baseline import write_atomic
    from leakstop.errors import FatalError
    os.mkfifo('bl.json')
    with pytest.raises(FatalError, match='not a regular file'):
        write_atomic('bl.json', b'{}')


def test_output_into_a_missing_directory_exit_2(repo: str, capsys: pytest.CaptureFixture[str]) -> None:
    write('a.py', 'x = 1\n')
    assert cli.main(['scan', '--output', 'no/such/dir/r.json', '--format', 'json', 'a.py']) == 2
    assert 'cannot write report' in capsys.readouterr().err


def test_config_after_the_subcommand(repo: str, capsys: pytest.CaptureFixture[str]) -> None:
    write('a.py', f'key = "{GH}"\n')
    write('custom.toml', 'disable = ["github-pat-classic", "generic-api-key"]\n')
    assert cli.main(['scan', 'a.py']) == 1
    assert cli.main(['scan', '--config', 'custom.toml', 'a.py']) == 0
    assert cli.main(['--config', 'custom.toml', 'scan', 'a.py']) == 0
    capsys.readouterr()


# -- rules list / test --------------------------------------------------------------------------

CUSTOM = '''
[[rules]]
id = "acme-api-key"
description = "ACME API key"
pattern = '(?<![A-Za-z0-9])(?P<secret>acme_[a-z0-9]{24})(?![a-z0-9])'
severity = "medium"
tags = ["acme"]
examples = ['ACME_KEY = "acme_0a1b2c3d4e5f6a7b8c9d0e1f"']
negatives = ['ACME_KEY = "acme_short"']
'''


def test_rules_list_text_and_json(repo: str, capsys: pytest.CaptureFixture[str]) -> None:
    write('.leakstop.toml', CUSTOM)
    assert cli.main(['rules', 'list']) == 0
    out = capsys.readouterr().out
    (line,) = [ln for ln in out.splitlines() if ln.startswith('  acme-api-key ')]
    assert 'medium' in line and 'ACME API key' in line and '[acme]' in line
    assert cli.main(['rules', 'list', '--format', 'json']) == 0
    doc = json.loads(capsys.readouterr().out)
    rules = {r['id']: r for r in doc['rules']}
    assert doc['version'] == 1 and len(rules) > 60
    assert rules['acme-api-key']['custom'] is True and rules['acme-api-key']['tags'] == ['acme']
    assert rules['github-pat-classic']['custom'] is False
    assert rules['github-pat-classic']['provider'] == 'GitHub' and rules['github-pat-classic']['kind'] == 'pattern'
    assert rules['github-pat-classic']['revoke'].startswith('https://docs.github.com/')
    assert rules['acme-api-key']['provider'] is None and rules['acme-api-key']['revoke'] is None


def test_custom_context_rule_end_to_end(repo: str, capsys: pytest.CaptureFixture[str]) -> None:
    """A context rule from .leakstop.toml: found after its keyword, with the revoke line, and tested by `rules test`."""
    key = fakes.rand(fakes.HEX, 32, seed='acme-context')
    write('.leakstop.toml', f"""
[[rules]]
id = "acme-api-key"
description = "Acme API key"
kind = "context"
keywords = ["acme"]
shape = '''[a-f0-9]{{32}}'''
min_entropy = 3.0
provider = "Acme"
revoke = "https://acme.example/settings/api-keys"
examples = ['ACME_API_KEY={key}', "acme:\\n  api_key: {key}"]
negatives = ['API_KEY={key}', 'ACME_API_KEY={'0' * 32}', 'ACME_API_KEY={key}ff']
""")
    write('config.yaml', f'service: web\nacme:\n  api_key: "{key}"\n')
    write('other.yaml', f'checksum: {key}\n')
    assert cli.main(['scan', 'config.yaml', 'other.yaml']) == 1
    out = capsys.readouterr().out.splitlines()
    assert out[:2] == [
        f'config.yaml:3:13: acme-api-key: Acme API key: {key[:4]}…',
        '  revoke: https://acme.example/settings/api-keys',
    ]
    assert not any(ln.startswith('other.yaml') for ln in out)
    assert cli.main(['rules', 'test']) == 0
    assert 'leakstop: ' in capsys.readouterr().out
    assert cli.main(['rules', 'list']) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[lines.index('Acme (1 rule)') + 1].startswith('  acme-api-key ')


def test_rules_list_groups_by_provider_with_counts(repo: str, capsys: pytest.CaptureFixture[str]) -> None:
    write('.leakstop.toml', CUSTOM)
    assert cli.main(['rules', 'list']) == 0
    lines = capsys.readouterr().out.splitlines()
    github_rules = sorted(r.id for r in load_rules() if r.provider == 'GitHub')
    start = lines.index(f'GitHub ({len(github_rules)} rules)')
    block = lines[start + 1:start + 1 + len(github_rules)]
    assert [ln.split()[0] for ln in block] == github_rules
    assert all(ln.startswith('  ') for ln in block)
    assert not lines[start + 1 + len(github_rules)].startswith('  ')  # the next provider's header
    headers = [ln for ln in lines[:-1] if not ln.startswith('  ')]
    assert headers[-1].startswith('Formats without a provider (')  # last, with the custom rule in it
    assert any(ln.startswith('  acme-api-key ') for ln in lines[lines.index(headers[-1]):])
    providers = len({r.provider for r in load_rules() if r.provider})
    assert lines[-1] == f'leakstop: {len(load_rules()) + 1} rules, {providers} providers'


def test_rules_list_markdown_is_the_providers_table(repo: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(['rules', 'list', '--format', 'markdown']) == 0
    out = capsys.readouterr().out
    assert out == providers_markdown(load_rules())
    assert '\n| Provider | Rules | Detects | Revoke or rotate |\n|---|---:|---|---|\n' in out


def test_rules_test_runs_built_in_and_custom_rules(repo: str, capsys: pytest.CaptureFixture[str]) -> None:
    # (whether every built-in rule passes is tests/test_rules.py's business; here: the command's report)
    write('.leakstop.toml', CUSTOM)
    code = cli.main(['rules', 'test'])
    out = capsys.readouterr().out
    *failures, summary = out.strip().splitlines()
    assert code == (1 if failures else 0)
    assert not [f for f in failures if 'acme-api-key' in f]
    assert summary.startswith('leakstop: ') and 'example(s) and negative(s) tested' in summary
    tested = int(summary.split()[1])
    assert tested > 60 and f'{len({f.split(": ")[1] for f in failures})} rule(s) failed' in summary


def test_rules_test_reports_failing_custom_rules(repo: str, capsys: pytest.CaptureFixture[str]) -> None:
    broken = CUSTOM.replace("examples = ['ACME_KEY", "examples = ['ACME_KEY = \"acme_nope\"', 'ACME_KEY") \
                   .replace("negatives = ['ACME_KEY = \"acme_short\"']",
                            "negatives = ['other = \"acme_9f8e7d6c5b4a3f2e1d0c9b8a\"']")
    write('rules.toml', broken + '\n[[rules]]\nid = "bare"\ndescription = "no examples"\npattern = \'(?P<secret>bare_[0-9]{30})\'\n')
    assert cli.main(['rules', 'test', '--config', 'rules.toml']) == 1
    out, err = capsys.readouterr()
    assert 'acme-api-key: examples[0]: not found' in out
    assert 'acme-api-key: negatives[0]: found acme…' in out
    assert 'acme_9f8e7d6c5b4a3f2e1d0c9b8a' not in out
    assert '1 without examples' in out
    assert 'bare' in err


def test_rules_test_skips_disabled_rules(repo: str, capsys: pytest.CaptureFixture[str]) -> None:
    write('.leakstop.toml', 'disable = ["github-pat-classic"]\n')
    cli.main(['rules', 'test'])
    out = capsys.readouterr().out
    assert '1 disabled' in out and 'github-pat-classic' not in out


# -- rules import-gitleaks ----------------------------------------------------------------------

GITLEAKS = r"""
title = "company gitleaks config"

[extend]
useDefault = true

[allowlist]
paths = ['''vendor/''']

[[rules]]
id = "acme-token"
description = "ACME token"
regex = '''(?i)\b(acme_[a-z0-9]{24})\b'''
keywords = ["acme_"]
entropy = 3.0
tags = ["internal"]
[rules.allowlist]
regexes = ['''acme_0{24}''']
stopwords = ["EXAMPLE"]

[[rules]]
id = "Mixed_Case.Rule"
description = "mid-pattern flags and \\z"
regex = '''token\s*=\s*(?i)(?P<value>zz[a-f0-9]{20})\z'''
secretGroup = 1

[[rules]]
id = "terraform-password"
description = "password in terraform"
regex = '''password\s*=\s*"([^"]{8,})"'''
path = '''(?i)\.(?:tf|hcl)$'''
[[rules.allowlists]]
regexTarget = "line"
regexes = ['''example''']
[[rules.allowlists]]
condition = "AND"
paths = ['''test/''']
regexes = ['''.*''']

[[rules]]
id = "github-pat-classic"
description = "clashes with a built-in id"
regex = '''ghp_[A-Za-z0-9]{36}'''

[[rules]]
id = "unicode-rule"
regex = '''\p{Greek}+key'''

[[rules]]
id = "ungreedy"
regex = '''(?U)secret=(.+)'''

[[rules]]
id = "pkcs12-file"
path = '''(?i)(?:^|\/)[^\/]+\.p(?:12|fx)$'''

[[rules]]
id = "two-groups"
regex = '''(a|b)=([0-9]{10})|c=([0-9]{10})'''

[[rules]]
id = "posix"
regex = '''key=([[:alnum:]]{16})'''
"""


def test_import_gitleaks_converts_what_it_can_and_says_why_not(repo: str, capsys: pytest.CaptureFixture[str]) -> None:
    write('.gitleaks.toml', GITLEAKS)
    assert cli.main(['rules', 'import-gitleaks', '.gitleaks.toml']) == 0
    out, err = capsys.readouterr()
    write('converted.toml', out)
    doc = load_toml('converted.toml')
    rules = {r['id']: r for r in doc['rules']}
    assert sorted(rules) == ['acme-token', 'gitleaks-github-pat-classic', 'mixed-case-rule', 'posix', 'terraform-password']
    acme = rules['acme-token']
    assert acme['pattern'] == r'(?i)\b(?P<secret>acme_[a-z0-9]{24})\b'
    assert acme['min_entropy'] == 3.0 and acme['keywords'] == ['acme_'] and acme['tags'] == ['gitleaks', 'internal']
    assert acme['allow'] == ['acme_0{24}', '(?i)(?:example)'] and acme['severity'] == 'high'
    assert rules['mixed-case-rule']['pattern'] == r'token\s*=\s*(?i:(?P<secret>zz[a-f0-9]{20})\Z)'
    assert rules['terraform-password']['paths'] == ['*.tf', '*.hcl']
    assert 'allow' not in rules['terraform-password']
    assert rules['posix']['pattern'] == 'key=(?P<secret>[0-9A-Za-z]{16})'
    for reason in ('unicode-rule: Unicode class', 'ungreedy: ungreedy flag (?U)', 'pkcs12-file: matches file paths only',
                   'two-groups: 3 capture groups and no secretGroup'):
        assert f'skipped {reason}' in err, reason
    assert 'renamed from' in err and "Mixed_Case.Rule" in err
    assert 'condition AND' in err and 'on the line dropped' in err
    assert 'global [allowlist]' in err and '[extend]' in err
    assert '5 rule(s) converted, 4 skipped' in err
    # the output is a valid leakstop configuration whose rules find what gitleaks' would
    config = config_from_table(doc, 'converted.toml', None)
    write('app.py', 'ACME = "acme_9f8e7d6c5b4a3f2e1d0c9b8a"\nNOT = "acme_000000000000000000000000"\n')
    write('main.tf', 'password = "hunter2hunter2"\n')
    write('main.py', 'password = "hunter2hunter2"\n')
    write('.leakstop.toml', out)
    code, report = run_json(capsys, 'app.py', 'main.tf', 'main.py')
    found = {(f['path'], f['rule']) for f in report['findings']}
    assert ('app.py', 'acme-token') in found
    assert ('main.tf', 'terraform-password') in found
    assert not any(p == 'main.py' and r == 'terraform-password' for p, r in found)
    assert sum(1 for p, r in found if r == 'acme-token') == 1
    assert config.custom_rules


def test_import_gitleaks_never_quotes_a_token_from_the_configuration(repo: str, capsys: pytest.CaptureFixture[str]) -> None:
    """Second hostile review (break 07, #16's sibling): a token in a regex's group name, a dropped allowlist
    regex, a skipped rule's path regex or a rule's id was printed whole on stderr. Regexes are named by position,
    compile errors redacted (errors.regex_error), ids shown as report.display_name shows names."""
    token = fakes.github('ghp', seed='import-gitleaks')
    write('.gitleaks.toml', f"""
[[rules]]
id = "r1"
regex = \'\'\'tok_[a-z]{{8}}\'\'\'
path = \'\'\'(?:{token}|x)(a+)+\'\'\'
[[rules]]
id = "r2"
regex = \'\'\'tok_[a-z]{{8}}(?P<{token}>x)(?P<{token}>y)\'\'\'
[[rules]]
id = "r3"
regex = \'\'\'tok_[a-z]{{8}}\'\'\'
[[rules.allowlists]]
regexes = [\'\'\'(?P<{token}>x)(?P<{token}>y)\'\'\']
[[rules]]
id = "{token}"
regex = \'\'\'tok_[a-z]{{8}}\'\'\'
""")
    assert cli.main(['rules', 'import-gitleaks', '.gitleaks.toml', '--output', 'rules.toml']) == 0
    out, err = capsys.readouterr()
    assert token not in out + err
    assert 'skipped r1: its path regex has no glob equivalent' in err
    assert "skipped r2: regex: redefinition of group name 'ghp_…'" in err
    assert "r3: allowlist regex 1 dropped: redefinition of group name 'ghp_…'" in err
    assert "imported-rule-4: renamed from 'ghp_…' (it holds a secret)" in err and '2 rule(s) converted, 2 skipped' in err
    rules = load_toml('rules.toml')
    assert [r['id'] for r in rules['rules']] == ['r3', 'imported-rule-4']  # no id made of the token (lower-cased)
    assert token.lower()[4:] not in open('rules.toml').read().lower()


def test_import_gitleaks_output_file(repo: str, capsys: pytest.CaptureFixture[str]) -> None:
    write('.gitleaks.toml', GITLEAKS)
    assert cli.main(['rules', 'import-gitleaks', '.gitleaks.toml', '--output', 'rules.toml']) == 0
    out, err = capsys.readouterr()
    assert out == '' and 'written to rules.toml' in err
    assert len(load_toml('rules.toml')['rules']) == 5


def test_imported_gitleaks_keywords_gate_the_rule(repo: str, capsys: pytest.CaptureFixture[str]) -> None:
    """A keyword-gated gitleaks rule stays gated: a bare 40-hex string is not an Acme key without 'acmecorp'."""
    write('.gitleaks.toml', """
[[rules]]
id = "acmecorp-api-key"
description = "Acme Corp API key"
regex = '''\\b([a-f0-9]{40})\\b'''
keywords = ["acmecorp"]
""")
    assert cli.main(['rules', 'import-gitleaks', '.gitleaks.toml', '--output', '.leakstop.toml']) == 0
    capsys.readouterr()
    assert load_toml('.leakstop.toml')['rules'][0]['keywords'] == ['acmecorp']
    digest = 'c' * 3 + fakes.rand(fakes.HEX, 37, seed='gitleaks-gate')
    write('lock.txt', f'sha1 = {digest}\n')
    write('settings.py', f'ACMECORP_KEY = "{digest}"\n')
    assert cli.main(['scan', '--format', 'json', 'lock.txt', 'settings.py']) == 1
    found = json.loads(capsys.readouterr().out)['findings']
    assert [(f['path'], f['line'], f['rule']) for f in found] == [('settings.py', 1, 'acmecorp-api-key')]


def test_scan_output_through_a_committed_link_to_a_hook_is_refused(repo: str, capsys: pytest.CaptureFixture[str]) -> None:
    """Tenth hostile review, break 06: the README's ``--output leakstop.sarif``, the repository committing
    ``leakstop.sarif -> .git/hooks/pre-commit``: the report became the hook."""
    hook = b'#!/bin/sh\nexit 0\n'
    with open('.git/hooks/pre-commit', 'wb') as f:
        f.write(hook)
    os.chmod('.git/hooks/pre-commit', 0o755)
    os.symlink('.git/hooks/pre-commit', 'leakstop.sarif')
    write('conf.py', f'KEY = "{AWS}"\n')
    git('add', '-A', cwd=repo)
    assert cli.main(['scan', '--all', '--format', 'sarif', '--output', 'leakstop.sarif']) == 2
    assert capsys.readouterr().err == ('leakstop: error: leakstop.sarif: cannot write report: a symbolic link in the work '
                                       'tree (a report is written to a file of its own: remove the link, or name the file '
                                       'it points to)\n')
    with open('.git/hooks/pre-commit', 'rb') as f:
        assert f.read() == hook
    write('g.toml', '[[rules]]\nid = "acme"\nregex = "acme_([a-z0-9]{24})"\n')
    assert cli.main(['rules', 'import-gitleaks', 'g.toml', '--output', 'leakstop.sarif']) == 2
    assert 'leakstop.sarif: cannot write rules: a symbolic link in the work tree' in capsys.readouterr().err
    with open('.git/hooks/pre-commit', 'rb') as f:
        assert f.read() == hook


@pytest.mark.parametrize('baseline', ['../outside.json', '.git/hooks/post-checkout', 'ABSOLUTE'])
def test_a_settings_baseline_outside_the_work_tree_is_refused(repo: str, baseline: str, capsys: pytest.CaptureFixture[str]) -> None:
    """Found with tenth hostile review, break 06: a cloned .leakstop.toml's ``baseline = "../../.bash_aliases"``
    made ``baseline create`` write there (a file the shell runs; a baseline holds the repository's file names).
    ``--baseline`` still names any file."""
    if baseline == 'ABSOLUTE':
        baseline = os.path.join(os.path.dirname(repo), 'elsewhere.json')
    write('.leakstop.toml', f'baseline = "{baseline}"\n')
    write('conf.py', f'KEY = "{AWS}"\n')
    for command in (['baseline', 'create'], ['baseline', 'update'], ['baseline', 'import', 'conf.py']):
        assert cli.main(command) == 2
        assert capsys.readouterr().err == (f'leakstop: error: .leakstop.toml: baseline {baseline} is outside the work tree '
                                           'or in .git: leakstop writes a baseline only there (name another with --baseline)\n')
        assert not os.path.exists(baseline)
    assert cli.main(['baseline', 'create', '--baseline', '../mine.json']) == 0 and os.path.exists('../mine.json')


def test_import_gitleaks_keeps_a_skipped_id_in_its_comment_and_escapes_notes(repo: str, capsys: pytest.CaptureFixture[str]) -> None:
    """Found with tenth hostile review, break 08: a skipped rule's id is named in the converted file's header
    comment, and its line break ended the comment: the lines after it were settings of the .leakstop.toml
    (``[allowlist] paths = ["src/**"]``); its notes on stderr wrote a gitleaks value's line break and ESC raw."""
    write('g.toml', r'''[[rules]]
id = "x\n[allowlist]\npaths = [\"src/**\"]\n#"
path = "foo"

[[rules]]
id = "acme"
regex = "acme_([a-z0-9]{24})"
[[rules.allowlists]]
regexTarget = "line\n::stop-commands::pause\u001b[2J"
regexes = ["a"]
''')
    assert cli.main(['rules', 'import-gitleaks', 'g.toml']) == 0
    out, err = capsys.readouterr()
    write('converted.toml', out)
    doc = load_toml('converted.toml')
    assert sorted(doc) == ['rules'] and [r['id'] for r in doc['rules']] == ['acme']
    assert r'#   x\n[allowlist]\npaths = ["src/**"]\n#: matches file paths only' in out
    assert err.splitlines()[:2] == [
        r'leakstop: note: acme: allowlist regexes on the line\n::stop-commands::pause\x1b[2J dropped: leakstop allow '
        'regexes apply to the secret',
        r'leakstop: skipped x\n[allowlist]\npaths = ["src/**"]\n#: matches file paths only: leakstop refuses '
        'credential files by name with the block-credential-files hook']


def test_rules_list_escapes_a_custom_rules_texts(repo: str, capsys: pytest.CaptureFixture[str]) -> None:
    """Tenth hostile review, break 08's sibling: ``rules list`` printed a custom rule's description, provider and
    tags raw (a line break, an ESC)."""
    write('.leakstop.toml', r"""[[rules]]
id = "acme-token"
description = "Acme\n::stop-commands::x\u001b[2J"
provider = "::stop-commands::Acme\u001b]0;t\u0007"
tags = ["a\nb"]
pattern = '''acme_(?P<secret>[a-z0-9]{24})'''
keywords = ["acme_"]
""")
    assert cli.main(['rules', 'list']) == 0
    out = capsys.readouterr().out
    assert '\x1b' not in out and not any(line.startswith('::') for line in out.splitlines())
    assert r'\x3a:stop-commands::Acme\x1b]0;t\x07 (1 rule)' in out
    assert r'Acme\n::stop-commands::x\x1b[2J  [a\nb]' in out
    assert cli.main(['rules', 'list', '--format', 'markdown']) == 0
    assert '\x1b' not in capsys.readouterr().out


@pytest.mark.parametrize(('allowlist', 'where'), [
    ('[[rules.allowlists]]\nregexes = 5', 'rules[0].allowlists[0].regexes: expected a list'),
    ('[[rules.allowlists]]\nregexes = []\n[[rules.allowlists]]\nstopwords = "dummy"', 'rules[0].allowlists[1].stopwords: expected a list'),
    ('[rules.allowlist]\nstopwords = {a = 1}', 'rules[0].allowlist.stopwords: expected a list'),
])
def test_import_gitleaks_allowlist_fields_of_the_wrong_type_exit_2(
        repo: str, allowlist: str, where: str, capsys: pytest.CaptureFixture[str]) -> None:
    """Tenth hostile review, break 13: ``regexes = 5`` or ``stopwords = 5`` in a rule's allowlist was a TypeError
    traceback (exit 1); gitleaks refuses such a configuration, and so does the import, saying where."""
    write('g.toml', f'[[rules]]\nid = "acme"\nregex = "acme_([a-z0-9]{{24}})"\n{allowlist}\n')
    assert cli.main(['rules', 'import-gitleaks', 'g.toml']) == 2
    captured = capsys.readouterr()
    assert captured.err == f'leakstop: error: g.toml: {where} (gitleaks refuses this configuration too)\n'
    assert captured.out == ''


@pytest.mark.parametrize(('content', 'message'), [
    ('title = "x"\n', 'no [[rules]] tables'),
    ('rules = [', 'invalid TOML'),
])
def test_import_gitleaks_bad_input_exit_2(repo: str, content: str, message: str, capsys: pytest.CaptureFixture[str]) -> None:
    write('g.toml', content)
    assert cli.main(['rules', 'import-gitleaks', 'g.toml']) == 2
    err = capsys.readouterr().err
    assert message in err and len(err.strip().splitlines()) == 1
    assert cli.main(['rules', 'import-gitleaks', 'missing.toml']) == 2
    assert 'cannot read' in capsys.readouterr().err


@pytest.mark.parametrize(('re2', 'python'), [
    (r'(?i)abc', r'(?i)abc'),
    (r'a(?i)b|c', r'a(?i:b)|(?i:c)'),
    (r'(x(?i)y|z)w', r'(x(?i:y)|(?i:z))w'),
    (r'end\z', r'end\Z'),
    (r'\Qa.b*c\E+', r'a\.b\*c+'),
    (r'(?<name>x)', r'(?P<name>x)'),
    (r'[[:digit:][:upper:]_]', r'[0-9A-Z_]'),
    (r'[^[:space:]]', '[^\\t\\n\\v\\f\\r ]'),
    (r'\x{41}', r'\x41'),
    (r'[\[\]]', r'[\[\]]'),
    (r'(?-i:Api)', r'(?-i:Api)'),
])
def test_re2_to_python(re2: str, python: str) -> None:
    assert gitleaks.re2_to_python(re2) == python


@pytest.mark.parametrize('re2', [r'\pL', r'[\p{Greek}]', r'(?U)a+', r'\x{263a}', r'[[:^alpha:]]', r'\C', '(a', 'a)'])
def test_re2_to_python_refuses(re2: str) -> None:
    with pytest.raises(gitleaks.Unconvertible):
        gitleaks.re2_to_python(re2)


@pytest.mark.parametrize(('regex', 'globs'), [
    (r'\.tf$', ['*.tf']),
    (r'(?i)\.(?:tf|hcl)$', ['*.tf', '*.hcl']),
    (r'(?:^|/)\.npmrc$', ['.npmrc']),
    (r'(^|/)\.aws/credentials$', ['**/.aws/credentials']),
    (r'^config/secrets\.yml$', ['/config/secrets.yml']),
    (r'.*\.env$', ['*.env']),
    (r'[^/]+\.p12$', None),
    (r'secrets', None),
])
def test_path_regex_to_globs(regex: str, globs: list[str] | None) -> None:
    assert gitleaks.path_regex_to_globs(regex) == globs


@pytest.mark.parametrize('value', ["plain", "it's", "ends'", "a'''b", 'tab\there', 'new\nline', 'back\\slash"q"', '\x7f'])
def test_toml_string_round_trips(value: str) -> None:
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover
        import tomli as tomllib
    assert tomllib.loads(f'v = {gitleaks.toml_string(value)}')['v'] == value


def test_broken_pipe_is_not_a_traceback() -> None:
    """`leakstop rules list --format json | head -c 100`: the reader leaves early."""
    import subprocess
    exe = os.path.join(os.path.dirname(sys.executable), 'leakstop')
    proc = subprocess.Popen([exe, 'rules', 'list', '--format', 'json'], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.read(100)
    proc.stdout.close()
    err = proc.stderr.read().decode()
    proc.wait()
    assert 'Traceback' not in err


GITLEAKS_AND = r"""
[[rules]]
id = "acme-token"
description = "ACME token"
regex = '''\b(acme_[a-z0-9]{24})\b'''
keywords = ["acme_"]
[[rules.allowlists]]
condition = "AND"
regexes = ['''(?i)^acme_0''']
stopwords = ["feed"]
"""


def test_import_gitleaks_keeps_an_and_allowlist_an_and(repo: str, capsys: pytest.CaptureFixture[str]) -> None:
    """``condition = "AND"`` with regexes and stopwords: gitleaks allows a secret only when both
    match; two independent allow patterns allowed either (issue 16 #7)."""
    write('.gitleaks.toml', GITLEAKS_AND)
    assert cli.main(['rules', 'import-gitleaks', '.gitleaks.toml']) == 0
    out, err = capsys.readouterr()
    write('.leakstop.toml', out)
    (rule,) = load_toml('.leakstop.toml')['rules']
    assert len(rule['allow']) == 1
    secrets = {
        'both': 'acme_0feed9c8b7a6f5e4d3c2b1af',   # the regex and a stopword: allowed, as by gitleaks
        'regex': 'acme_0a1b2c3d4e5f6a7b8c9d0e1f',  # the regex alone: reported
        'stopword': 'acme_1feed2c3d4e5f6a7b8c9d0e1',  # a stopword alone: reported
    }
    write('app.py', ''.join(f'{k} = "{v}"\n' for k, v in secrets.items()))
    code, report = run_json(capsys, 'app.py')
    assert code == 1
    assert sorted(f['line'] for f in report['findings'] if f['rule'] == 'acme-token') == [2, 3]


def test_import_gitleaks_drops_an_and_allowlist_it_cannot_keep_whole(repo: str, capsys: pytest.CaptureFixture[str]) -> None:
    write('.gitleaks.toml', GITLEAKS_AND.replace("regexes = ['''(?i)^acme_0''']", "regexTarget = \"line\"\nregexes = ['''x''']"))
    assert cli.main(['rules', 'import-gitleaks', '.gitleaks.toml']) == 0
    out, err = capsys.readouterr()
    write('converted.toml', out)
    (rule,) = load_toml('converted.toml')['rules']
    assert 'allow' not in rule  # the stopwords alone would allow more than gitleaks does
    assert 'allowlist regexes on the line dropped' in err


def test_a_baseline_named_like_a_workflow_command_starts_no_line(repo: str, capsys: pytest.CaptureFixture[str]) -> None:
    """The baseline path comes from a committed config: printed first on a line, ``::stop-commands::x``
    would silence a GitHub runner's annotations (issue 16 #8)."""
    write('.leakstop.toml', 'baseline = "::stop-commands::x.json"\n')
    write('app.py', f'key = "{fakes.aws_key_id(seed="wfc")}"\n')
    assert cli.main(['baseline', 'create', 'app.py']) == 0
    assert cli.main(['baseline', 'audit', '--stats']) == 0
    out = capsys.readouterr().out
    assert out.startswith('./::stop-commands::x.json: 1 finding(s) recorded')
    assert not any(line.lstrip().startswith('::') for line in out.splitlines())


# -- file names that are not UTF-8 (issue 13 #14) ----------------------------------------------

ODD_NAME = b'caf\xe9.py'  # Latin-1: not UTF-8, as git and the file system hold it
ODD_SHOWN = 'caf\\xe9.py'  # how every output shows it: each undecodable byte as \xNN


def leakstop_strict(*argv: str, cwd: str) -> subprocess.CompletedProcess[bytes]:
    """The real command, its stdout strict UTF-8 (a surrogate escape there is a traceback)."""
    env = {**os.environ, 'PYTHONIOENCODING': 'utf-8:strict', 'LC_ALL': 'C.UTF-8'}
    env.pop('GITHUB_ACTIONS', None)
    return subprocess.run([sys.executable, '-m', 'leakstop.cli', *argv], cwd=cwd, capture_output=True, env=env)


@pytest.fixture
def odd_repo(repo: str) -> str:
    with open(os.fsencode(repo) + b'/' + ODD_NAME, 'wb') as f:
        f.write(f'token = "{GH}"\n'.encode())
    git('add', '-A', cwd=repo)
    git('commit', '-qm', 'odd name', cwd=repo)
    return repo


def test_undecodable_file_name_in_text_output(odd_repo: str) -> None:
    proc = leakstop_strict('scan', '.', cwd=odd_repo)
    assert b'Traceback' not in proc.stderr, proc.stderr.decode('utf-8', 'replace')
    assert proc.returncode == 1
    lines = proc.stdout.decode('utf-8').splitlines()
    assert lines[0] == f'{ODD_SHOWN}:1:10: github-pat-classic: GitHub personal access token (classic): ghp_…'


@pytest.mark.parametrize('scope', [(), ('--all',), ('--history',)])
def test_undecodable_file_name_in_json_output(odd_repo: str, scope: tuple[str, ...]) -> None:
    proc = leakstop_strict('scan', '--format', 'json', *scope, cwd=odd_repo)
    assert b'Traceback' not in proc.stderr, proc.stderr.decode('utf-8', 'replace')
    assert proc.returncode == 1
    doc = json.loads(proc.stdout.decode('utf-8'))
    assert [(f['path'], f['line'], f['rule']) for f in doc['findings']] == [(ODD_SHOWN, 1, 'github-pat-classic')]


def test_undecodable_file_name_in_sarif_output(odd_repo: str) -> None:
    proc = leakstop_strict('scan', '--format', 'sarif', '.', cwd=odd_repo)
    assert b'Traceback' not in proc.stderr, proc.stderr.decode('utf-8', 'replace')
    assert proc.returncode == 1
    doc = json.loads(proc.stdout.decode('utf-8'))
    (result,) = doc['runs'][0]['results']
    # a URI percent-encodes the file name's own bytes: %E9 is the byte 0xe9, as the file system holds it
    assert result['locations'][0]['physicalLocation']['artifactLocation']['uri'] == 'caf%E9.py'


@pytest.mark.parametrize('fmt', ['text', 'json', 'sarif'])
def test_undecodable_file_name_output_file_is_utf8(odd_repo: str, fmt: str) -> None:
    proc = leakstop_strict('scan', '--format', fmt, '-o', 'report.out', '.', cwd=odd_repo)
    assert b'Traceback' not in proc.stderr, proc.stderr.decode('utf-8', 'replace')
    assert proc.returncode == 1
    with open(os.path.join(odd_repo, 'report.out'), 'rb') as f:
        text = f.read().decode('utf-8')  # strict: raises on the raw byte 0xe9
    shown = {'text': ODD_SHOWN, 'json': json.dumps(ODD_SHOWN), 'sarif': 'caf%E9.py'}[fmt]
    assert shown in text


def test_undecodable_file_name_baseline_round_trip(odd_repo: str) -> None:
    proc = leakstop_strict('baseline', 'create', cwd=odd_repo)
    assert b'Traceback' not in proc.stderr, proc.stderr.decode('utf-8', 'replace')
    assert proc.returncode == 0
    with open(os.path.join(odd_repo, '.leakstop-baseline.json'), 'rb') as f:
        doc = json.loads(f.read().decode('utf-8'))
    assert [(e['path'], e['rule']) for e in doc['findings']] == [(ODD_SHOWN, 'github-pat-classic')]
    # the next run matches the entry again: the file passes
    proc = leakstop_strict('scan', '.', cwd=odd_repo)
    assert (proc.returncode, proc.stdout, proc.stderr) == (0, b'', b'')
    proc = leakstop_strict('baseline', 'update', cwd=odd_repo)
    assert b'Traceback' not in proc.stderr, proc.stderr.decode('utf-8', 'replace')
    assert (proc.returncode, proc.stdout.decode()) == (0, '.leakstop-baseline.json: 1 finding(s): 0 added, 0 gone and dropped\n')
    # and a finding in another file with the same secret is not covered by that entry
    write('caf\\xe9.py', f'token = "{GH}"\n')  # the escaped spelling as a real name: another file
    proc = leakstop_strict('scan', '.', cwd=odd_repo)
    assert proc.returncode == 1
    assert proc.stdout.decode().splitlines()[0].startswith('caf\\\\xe9.py:1:10: github-pat-classic')


def test_undecodable_baseline_and_config_names_on_a_strict_stdout(odd_repo: str) -> None:
    """Siblings: a baseline or settings file named with a byte that is not UTF-8 is shown as ``\\xNN``
    too (``baseline audit`` printed the baseline's name raw, ``rules test`` the rules file's)."""
    baseline = os.fsdecode(b'b\xe9.json')
    proc = leakstop_strict('baseline', 'create', '--baseline', baseline, cwd=odd_repo)
    assert (proc.returncode, proc.stderr) == (0, b'')
    assert proc.stdout.decode('utf-8').startswith('b\\xe9.json: 1 finding(s) recorded')
    proc = subprocess.run([sys.executable, '-m', 'leakstop.cli', 'baseline', 'audit', '--baseline', baseline],
                          cwd=odd_repo, capture_output=True, input=b'q\n',
                          env={**os.environ, 'PYTHONIOENCODING': 'utf-8:strict', 'LC_ALL': 'C.UTF-8'})
    assert b'Traceback' not in proc.stderr, proc.stderr.decode('utf-8', 'replace')
    assert proc.stdout.decode('utf-8').startswith('1 unreviewed finding(s) in b\\xe9.json\n')
    config = os.fsdecode(b'r\xe9gles.toml')
    write(config, '[[rules]]\nid = "acme-token"\ndescription = "Acme token"\npattern = \'(?P<secret>acme_[a-z0-9]{12})\'\n'
                  'examples = ["acme_TOOSHORT"]\nnegatives = []\n')
    proc = leakstop_strict('rules', 'test', '--config', config, cwd=odd_repo)
    assert b'Traceback' not in proc.stderr, proc.stderr.decode('utf-8', 'replace')
    assert 'r\\xe9gles.toml.rules[0]: acme-token: examples[0]: not found' in proc.stdout.decode('utf-8')


ARGUMENT_TOKEN = fakes.github('ghp', seed='argument-echo')


@pytest.mark.parametrize('hook, args, said', [
    ('leakstop', ['scan', '--since', ARGUMENT_TOKEN], "leakstop: error: unknown revision 'ghp_…'"),
    ('leakstop', ['scan', '--since', f'HEAD..{ARGUMENT_TOKEN}'], "leakstop: error: unknown revision 'ghp_…'"),
    ('leakstop', ['scan', '--jobs', ARGUMENT_TOKEN, 'a'], "error: argument --jobs/-j: not a number: 'ghp_…'"),
    ('leakstop', ['rules', 'test', ARGUMENT_TOKEN], 'leakstop: error: unrecognized arguments: ghp_…'),
    ('scan-secrets', ['--format', ARGUMENT_TOKEN, 'a'], "scan-secrets: error: argument --format: invalid choice: 'ghp_…'"),
    ('block-env-files', ['--format', ARGUMENT_TOKEN, 'a'], "block-env-files: error: argument --format: invalid choice: 'ghp_…'"),
    ('block-credential-files', ['--format', ARGUMENT_TOKEN, 'a'],
     "block-credential-files: error: argument --format: invalid choice: 'ghp_…'"),
    ('check-gitignore', ['--format', ARGUMENT_TOKEN], "check-gitignore: error: argument --format: invalid choice: 'ghp_…'"),
])
def test_a_usage_error_quotes_an_argument_without_its_token(
        repo: str, capsys: pytest.CaptureFixture[str], hook: str, args: list[str], said: str) -> None:
    """Fifth hostile review (break 02): argparse's own errors and git's unknown revision echoed a pasted token whole."""
    import importlib
    write('a', 'x\n')
    git('add', 'a', cwd=repo)
    git('commit', '-qm', 'a', cwd=repo)
    module = cli if hook == 'leakstop' else importlib.import_module(f'leakstop.hooks.{hook.replace("-", "_")}')
    try:
        code = module.main(args)
    except SystemExit as e:
        code = e.code
    out, err = capsys.readouterr()
    assert code == 2 and out == ''
    assert said in err and ARGUMENT_TOKEN[4:] not in err


# --- seventh hostile review of issue 13 --------------------------------------------------------

CORP = 'corp_' + fakes.rand('abcdefghijklmnopqrstuvwxyz0123456789', 32, seed='cli-corp')  # a custom rule's fake token
CORP_RULE = """
[[rules]]
id = "corp-token"
description = "Corp token{example}"
pattern = '(?P<secret>corp_[a-z0-9]{{32}})'
"""


def test_a_custom_rules_token_in_a_path_is_redacted_everywhere(repo: str, capsys: pytest.CaptureFixture[str]) -> None:
    """Seventh hostile review, break 01: a custom rule's token used as a directory name was found (in the
    file's path) and printed whole as the path of every finding, in every format and in the baseline: paths
    were redacted with the shipped rules only."""
    from leakstop.hooks import scan_secrets
    write('.leakstop.toml', CORP_RULE.format(example=''))
    path = write(f'cache/{CORP}/x.py', 'password = "Xq7pL2mR9vT4wK8sZ3nB"\n')  # leakstop: allow (made up)
    for fmt in ('text', 'json', 'sarif'):
        assert cli.main(['scan', '--format', fmt, path]) == 1
        out, err = capsys.readouterr()
        assert 'corp-token' in out and CORP[5:] not in out + err, fmt
    assert scan_secrets.main([path]) == 1
    out, err = capsys.readouterr()
    assert 'corp-token' in out and CORP[5:] not in out + err
    assert cli.main(['baseline', 'create', path]) == 0
    capsys.readouterr()
    with open('.leakstop-baseline.json', encoding='utf-8') as f:
        assert CORP[5:] not in f.read()


@pytest.mark.parametrize('argv', [
    ['scan', '--format', CORP], ['scan', '--jobs', CORP], ['scan', '--since', CORP],
    ['baseline', 'audit', '--baseline', f'{CORP}/x.json'], ['scan', '--config', '.leakstop.toml', '--jobs', CORP],
])
def test_a_custom_rules_token_in_an_argument_error_is_redacted(
        repo: str, argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    """Seventh hostile review, break 02: usage and fatal errors were redacted with the shipped rules only; a
    custom rule's token pasted into an argument was echoed whole (the usage error comes before the settings)."""
    write('.leakstop.toml', CORP_RULE.format(example=''))
    write('a.txt', 'x\n')
    git('add', '-A', cwd=repo)
    git('commit', '-qm', 'init', cwd=repo)
    try:
        code = cli.main(argv)
    except SystemExit as e:
        code = e.code  # type: ignore[assignment]
    err = capsys.readouterr().err
    assert code == 2 and 'error' in err and CORP[5:] not in err and CORP[:4] in err


def test_a_custom_rules_token_in_its_description_is_redacted(repo: str, capsys: pytest.CaptureFixture[str]) -> None:
    """Seventh hostile review, break 02: a custom rule's description holding one of its own tokens (an example)
    was printed whole under every finding (a rule's description was redacted with the shipped rules only)."""
    write('.leakstop.toml', CORP_RULE.format(example=f', e.g. {CORP}'))
    write('b.txt', f'tok = {CORP}\n')
    assert cli.main(['scan', 'b.txt']) == 1
    out = capsys.readouterr().out
    assert 'corp-token' in out and CORP[5:] not in out
    assert cli.main(['rules', 'list']) == 0
    assert CORP[5:] not in capsys.readouterr().out

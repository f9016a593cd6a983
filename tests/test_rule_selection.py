"""Choosing the rules that run: ``disable`` / ``enable_only`` in the settings, ``--disable-rule`` /
``--enable-only`` on ``leakstop scan`` (issue 14, CLI conventions).

A rule that does not run is never compiled (issue 15): it finds nothing, so it cannot take a span
from another rule (a vendor rule's finding hides the generic one on the same bytes; an earlier
content rule of block-credential-files hides a later one; a secret rule's finding in a .env template
keeps the value from the random-value check).
"""
from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

import fakes
from e2e import commit_files, enter_repo, git, local_hook_repo, write
from leakstop import cli
from leakstop.config import config_from_table, with_rule_selection
from leakstop.hooks import block_credential_files, block_env_files
from leakstop.scan import ruleset_for, scan_data

# a Datadog API key (32 hex digits) under a key that names Datadog: datadog-api-key reports it, and
# the generic detector's generic-api-key finds the same value (the vendor's finding wins)
DD_KEY = fakes.rand('0123456789abcdef', 32, seed='selection')
DD_LINE = f'dd_api_key = "{DD_KEY}"\n'
GH = fakes.github('ghp', seed='selection')
LEAKSTOP = [sys.executable, '-m', 'leakstop.cli']


@pytest.fixture
def repo(tmp_path: object, monkeypatch: pytest.MonkeyPatch) -> str:
    return enter_repo(tmp_path, monkeypatch)


def found(data: str, path: str = 'settings.py', **table: object) -> list[tuple[str, int, int]]:
    config = config_from_table(table, 'test', None)
    return [(f.rule_id, f.line, f.column) for f in scan_data(data.encode(), path, ruleset=ruleset_for(config), config=config)]


def scan_json(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, list[tuple[str, str, int]], str]:
    code = cli.main(['scan', '--format', 'json', *argv])
    captured = capsys.readouterr()
    doc = json.loads(captured.out) if captured.out else {'findings': []}
    return code, [(f['path'], f['rule'], f['line']) for f in doc['findings']], captured.err


# -- the engine: not compiled, hides nothing ------------------------------------------------------

def test_a_disabled_rule_is_not_compiled(default_config: object) -> None:
    config = config_from_table({'disable': ['datadog-api-key']}, 'test', None)
    ids = {r.id for r in ruleset_for(config).rules}
    assert 'datadog-api-key' not in ids and 'datadog-app-key' in ids
    assert 'datadog-api-key' in {r.id for r in ruleset_for(config, every_rule=True).rules}


def test_a_disabled_vendor_rule_does_not_hide_the_generic_finding_on_its_span() -> None:
    assert found(DD_LINE) == [('datadog-api-key', 1, 15)]
    # before: compiled, it took the span from generic-api-key, then was dropped: nothing was reported
    assert found(DD_LINE, disable=['datadog-api-key']) == [('generic-api-key', 1, 15)]
    assert found(DD_LINE, disable=['datadog-api-key', 'generic-api-key']) == []


def test_enable_only_runs_those_rules_alone() -> None:
    data = DD_LINE + f'token = "{GH}"\n'
    assert found(data) == [('datadog-api-key', 1, 15), ('github-pat-classic', 2, 10)]
    assert found(data, enable_only=['github-pat-classic']) == [('github-pat-classic', 2, 10)]
    assert found(data, enable_only=['generic-api-key']) == [('generic-api-key', 1, 15)]
    config = config_from_table({'enable_only': ['github-pat-classic']}, 'test', None)
    assert ruleset_for(config).generic is None  # no generic rule runs: the detector is not loaded
    assert [r.id for r in ruleset_for(config).rules] == ['github-pat-classic']


def test_the_generic_detector_judges_only_its_enabled_rules() -> None:
    from leakstop.generic import GenericDetector
    base62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'
    data = (f'password = "{fakes.rand(base62, 24, seed="pw")}"\n'
            f'api_token = "{fakes.rand(base62, 23, seed="tok")}"\n').encode()
    assert [(d.rule_id, d.start) for d in GenericDetector.load().scan(data, 'settings.py')] == [
        ('generic-password', 12), ('generic-token', 51)]
    only = GenericDetector.load(rule_ids=frozenset({'generic-token'}))
    assert [(d.rule_id, d.start) for d in only.scan(data, 'settings.py')] == [('generic-token', 51)]


def test_the_cache_key_holds_the_selection(tmp_path: object, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv('XDG_CACHE_HOME', str(tmp_path))
    disabled = config_from_table({'disable': ['github-pat-classic']}, 'test', None)
    everything = config_from_table({}, 'test', None)

    def entries() -> list[str]:
        directory = os.path.join(str(tmp_path), 'leakstop')
        return [n for n in os.listdir(directory) if n.startswith('rules-')] if os.path.isdir(directory) else []

    assert entries() == []  # neither selection compiled yet
    for config, present in ((disabled, False), (everything, True), (disabled, False), (everything, True)):
        assert ('github-pat-classic' in {r.id for r in ruleset_for(config).rules}) is present
        findings = scan_data(f'token = "{GH}"\n'.encode(), 'a.py', ruleset=ruleset_for(config), config=config)
        assert [f.rule_id for f in findings] == (['github-pat-classic'] if present else ['generic-token'])
    assert len(entries()) == 2  # one compiled database per selection, each reused
    ruleset_for(config_from_table({'disable': ['aws-access-key-id']}, 'test', None))
    assert len(entries()) == 3  # another selection is another key


def test_a_disabled_content_rule_does_not_hide_a_later_one(tmp_path: object, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(str(tmp_path))
    write('client.ovpn', 'client\n<key>\n' + fakes.pem_private_key('PRIVATE KEY', seed='ovpn') + '</key>\n')

    def rules(**table: object) -> list[tuple[str, int]]:
        config = config_from_table(table, 'test', None)
        return [(f.rule_id, f.line) for r in block_credential_files.check_files(['client.ovpn'], config=config) for f in r.findings]

    assert rules() == [('openvpn-inline-key', 4)]
    assert rules(disable=['openvpn-inline-key']) == [('pem-private-key', 4)]  # before: nothing
    assert rules(enable_only=['pem-private-key']) == [('pem-private-key', 4)]
    assert rules(disable=['openvpn-inline-key', 'pem-private-key']) == []


def test_env_template_secret_disabled_leaves_the_value_to_the_random_value_check(
        tmp_path: object, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(str(tmp_path))
    write('.env.example', f'PORT=3000\nGITHUB_TOKEN={GH}\n')

    def rules(**table: object) -> list[tuple[str, int]]:
        config = config_from_table(table, 'test', None)
        return [(f.rule_id, f.line) for r in block_env_files.check_files(['.env.example'], config=config)[0] for f in r.findings]

    assert rules() == [('env-template-secret', 2)]
    assert rules(disable=['env-template-secret']) == [('env-template-random-value', 2)]  # before: nothing
    assert rules(disable=['env-template-secret', 'env-template-random-value']) == []


def test_command_line_selection_adds_to_disable_and_replaces_enable_only() -> None:
    config = config_from_table({'disable': ['a-rule'], 'enable_only': ['b-rule', 'c-rule']}, 'test', None)
    selected = with_rule_selection(config, disable=['d-rule'], enable_only=['e-rule'])
    assert selected.allowlist.disabled == {'a-rule', 'd-rule'}
    assert selected.allowlist.enabled_only == {'e-rule'}
    kept = with_rule_selection(config, disable=(), enable_only=())
    assert kept.allowlist.enabled_only == {'b-rule', 'c-rule'}


def test_enable_only_in_the_settings_must_name_a_rule() -> None:
    from leakstop.errors import FatalError
    with pytest.raises(FatalError, match=r'test\.enable_only: empty: it would turn every rule off'):
        config_from_table({'enable_only': []}, 'test', None)
    with pytest.raises(FatalError, match=r'test\.enable_only: expected a list of strings'):
        config_from_table({'enable_only': 'aws-access-key-id'}, 'test', None)


# -- leakstop scan, in a git repository ------------------------------------------------------------

def test_scan_disable_rule_is_repeatable_and_reaches_every_scope(repo: str, capsys: pytest.CaptureFixture[str]) -> None:
    write('settings.py', DD_LINE)
    write('deploy.py', f'token = "{GH}"\n')
    git('add', '.', cwd='.')
    git('commit', '-qm', 'add', cwd='.')
    code, findings, _ = scan_json(capsys)
    assert code == 1 and findings == [('deploy.py', 'github-pat-classic', 1), ('settings.py', 'datadog-api-key', 1)]
    for scope in ([], ['--all'], ['--history']):
        code, findings, err = scan_json(capsys, *scope, '--disable-rule', 'datadog-api-key', '--disable-rule', 'github-pat-classic')
        assert (code, err) == (1, '')
        assert findings == [('deploy.py', 'generic-token', 1), ('settings.py', 'generic-api-key', 1)], scope
    code, findings, _ = scan_json(capsys, '--disable-rule', 'datadog-api-key', '--disable-rule', 'generic-api-key',
                                  '--disable-rule', 'github-pat-classic', '--disable-rule', 'generic-token')
    assert (code, findings) == (0, [])


def test_scan_enable_only_turns_the_file_hooks_off_too(repo: str, capsys: pytest.CaptureFixture[str]) -> None:
    write('.env', f'DEBUG=1\nGH_TOKEN={GH}\n')  # scan reports a .env with a secret found in it (filehooks)
    write('id_rsa', fakes.pem_private_key('RSA PRIVATE KEY', seed='sel'))
    write('deploy.py', f'token = "{GH}"\n')
    code, findings, _ = scan_json(capsys)
    assert findings == [('.env', 'env-file', 0), ('.env', 'github-pat-classic', 2), ('deploy.py', 'github-pat-classic', 1),
                        ('id_rsa', 'ssh-private-key-file', 0), ('id_rsa', 'private-key-pem', 1)]
    code, findings, _ = scan_json(capsys, '--enable-only', 'github-pat-classic')
    assert (code, findings) == (1, [('.env', 'github-pat-classic', 2), ('deploy.py', 'github-pat-classic', 1)])
    code, findings, _ = scan_json(capsys, '--enable-only', 'env-file', '--enable-only', 'github-pat-classic')
    assert (code, findings) == (1, [('.env', 'env-file', 0), ('.env', 'github-pat-classic', 2),
                                    ('deploy.py', 'github-pat-classic', 1)])


def test_settings_and_command_line_selection_combine(repo: str, capsys: pytest.CaptureFixture[str]) -> None:
    write('settings.py', DD_LINE)
    write('deploy.py', f'token = "{GH}"\n')
    write('.leakstop.toml', 'disable = ["datadog-api-key"]\nenable_only = ["datadog-api-key", "generic-api-key"]\n')
    code, findings, _ = scan_json(capsys)
    assert (code, findings) == (1, [('settings.py', 'generic-api-key', 1)])
    code, findings, err = scan_json(capsys, '--disable-rule', 'generic-api-key')  # nothing of enable_only is left
    assert (code, findings) == (2, []) and 'leakstop: error: no rule left to run' in err
    # --enable-only replaces the settings' enable_only (disable still applies)
    code, findings, _ = scan_json(capsys, '--enable-only', 'github-pat-classic', '--enable-only', 'datadog-api-key')
    assert (code, findings) == (1, [('deploy.py', 'github-pat-classic', 1)])


@pytest.mark.parametrize('option', ['--disable-rule', '--enable-only'])
def test_an_unknown_rule_id_is_a_usage_error(repo: str, option: str) -> None:
    write('deploy.py', f'token = "{GH}"\n')
    result = subprocess.run([*LEAKSTOP, 'scan', option, 'github-pat-clasic', 'deploy.py'], capture_output=True, text=True)
    assert result.returncode == 2
    assert result.stdout == ''
    assert result.stderr == (f"leakstop: error: {option}: unknown rule id 'github-pat-clasic' (did you mean "
                             'github-pat-classic?): `leakstop rules list` lists the rules\n')


def test_an_unknown_rule_id_pasted_as_a_token_is_not_printed(repo: str) -> None:
    result = subprocess.run([*LEAKSTOP, 'scan', '--disable-rule', GH, '.'], capture_output=True, text=True)
    assert result.returncode == 2
    assert GH not in result.stderr and f"unknown rule id '{GH[:4]}…'" in result.stderr


def test_an_unknown_rule_id_in_the_settings_is_a_warning(repo: str, capsys: pytest.CaptureFixture[str]) -> None:
    write('deploy.py', f'token = "{GH}"\n')
    write('.leakstop.toml', 'disable = ["aws-acess-key-id"]\n')
    code, findings, err = scan_json(capsys)
    assert (code, findings) == (1, [('deploy.py', 'github-pat-classic', 1)])
    assert err == ("leakstop: warning: .leakstop.toml: disable: unknown rule id 'aws-acess-key-id' "
                   '(did you mean aws-access-key-id?): `leakstop rules list` lists the rules\n')


def test_a_selection_that_leaves_nothing_to_run_is_refused(repo: str, capsys: pytest.CaptureFixture[str]) -> None:
    write('deploy.py', f'token = "{GH}"\n')
    code = cli.main(['scan', '--enable-only', 'github-pat-classic', '--disable-rule', 'github-pat-classic', 'deploy.py'])
    assert code == 2
    assert capsys.readouterr().err == ('leakstop: error: no rule left to run: every rule of enable_only / '
                                       '--enable-only is disabled or unknown\n')


def test_rules_list_still_shows_a_disabled_rule(repo: str, capsys: pytest.CaptureFixture[str]) -> None:
    write('.leakstop.toml', 'enable_only = ["github-pat-classic"]\n')
    assert cli.main(['rules', 'list', '--format', 'json']) == 0
    rules = {r['id']: r['disabled'] for r in json.loads(capsys.readouterr().out)['rules']}
    assert rules['github-pat-classic'] is False and rules['aws-access-key-id'] is True


# -- the hooks, through the real pre-commit ---------------------------------------------------------

def test_hook_honours_disable_in_the_settings_without_hiding_another_rule(
        tmp_path: object, monkeypatch: pytest.MonkeyPatch) -> None:
    root = local_hook_repo(tmp_path, monkeypatch, 'block-credential-files', 'block credential files')
    ovpn = 'client\n<key>\n' + fakes.pem_private_key('PRIVATE KEY', seed='hook') + '</key>\n'
    commit_files(root, {'.leakstop.toml': 'disable = ["openvpn-inline-key"]\n'}, 'settings')
    result = commit_files(root, {'client.ovpn': ovpn})
    out = result.stdout + result.stderr
    assert result.returncode != 0, out
    assert 'client.ovpn:4:1: pem-private-key: PEM private key (by content)' in out
    assert 'openvpn-inline-key' not in out


def test_scan_secrets_hook_reports_the_generic_finding_of_a_disabled_vendor_rule(
        tmp_path: object, monkeypatch: pytest.MonkeyPatch) -> None:
    root = local_hook_repo(tmp_path, monkeypatch, 'scan-secrets', 'scan for secrets')
    commit_files(root, {'.leakstop.toml': 'disable = ["datadog-api-key"]\n'}, 'settings')
    result = commit_files(root, {'settings.py': DD_LINE})
    out = result.stdout + result.stderr
    assert result.returncode != 0, out
    assert 'settings.py:1:15: generic-api-key: Hard-coded API or secret key: ' in out  # before: the commit passed
    assert 'datadog-api-key' not in out and DD_KEY not in out
    result = commit_files(root, {'.leakstop.toml': 'enable_only = ["aws-access-key-id"]\n', 'settings.py': DD_LINE})
    assert result.returncode == 0, result.stdout + result.stderr
    assert git('show', '--stat', '--format=', 'HEAD', cwd=str(root)).stdout.count('|') == 2  # both committed


def test_hook_refuses_an_enable_only_that_runs_nothing(tmp_path: object, monkeypatch: pytest.MonkeyPatch) -> None:
    """A typo in enable_only would leave the hook checking nothing: exit 2 with the reason, not a pass."""
    root = local_hook_repo(tmp_path, monkeypatch, 'scan-secrets', 'scan for secrets')
    result = commit_files(root, {'.leakstop.toml': 'enable_only = ["github-pat-clasic"]\n', 'deploy.py': f'token = "{GH}"\n'})
    out = result.stdout + result.stderr
    assert result.returncode != 0, out
    assert ("scan-secrets: warning: .leakstop.toml: enable_only: unknown rule id 'github-pat-clasic' "
            '(did you mean github-pat-classic?)') in out
    assert 'scan-secrets: error: no rule left to run' in out
    assert GH not in out
    result = commit_files(root, {'.leakstop.toml': 'enable_only = ["github-pat-classic"]\n'})
    out = result.stdout + result.stderr
    assert result.returncode != 0 and 'deploy.py:1:10: github-pat-classic' in out, out

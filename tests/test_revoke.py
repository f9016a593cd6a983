"""Where to revoke it: every built-in provider rule names the vendor's page for revoking or rotating
that credential (``revoke``), and the text report, JSON and SARIF carry it.

A few provider rules have no such page; each is listed in ``NO_REVOKE_PAGE`` with the reason. The list
must stay exact: a listed rule that gains a ``revoke`` (or disappears) fails the test, so it shrinks.
"""
from __future__ import annotations

import json
import os
import re
from urllib.parse import urlsplit

import pytest

from leakstop import report
from leakstop.config import Config
from leakstop.engine import RuleSet
from leakstop.rules import Rule, builtin_rule_files, load_rules_file
from leakstop.scan import FileResult, scan_data

RULES = [rule for path in builtin_rule_files() for rule in load_rules_file(path)]
PROVIDER_RULES = [r for r in RULES if r.provider]
WITH_REVOKE = [r for r in RULES if r.revoke]

_SELF_CUSTODY = ('a self-custody wallet key: no provider issued it and none can revoke it; '
                 'move the funds to a new wallet')

NO_REVOKE_PAGE: dict[str, str] = {
    'ethereum-private-key': _SELF_CUSTODY,
    'ethereum-private-key-literal': _SELF_CUSTODY,
    'bitcoin-wif-private-key': _SELF_CUSTODY,
    'bitcoin-extended-private-key': _SELF_CUSTODY,
    'bip39-mnemonic': _SELF_CUSTODY,
    'bip39-mnemonic-checksum': _SELF_CUSTODY,
    'solana-keypair': _SELF_CUSTODY,
    'solana-keypair-file': _SELF_CUSTODY,
    'solana-private-key': _SELF_CUSTODY,
    'monero-private-key': _SELF_CUSTODY,
    'monero-mnemonic-seed': _SELF_CUSTODY,
    'age-secret-key': ('a local age identity: nothing issues or revokes it; '
                       'generate a new one and re-encrypt what the old one opened'),
    'docker-config-auth': ('credentials for whichever registry the `auths` entry names (Docker Hub, GHCR, '
                           'ECR, a private registry...): no single vendor page fits'),
    'packagist-token': ('Packagist has no self-service page to regenerate an API token '
                        '(composer/packagist#1173: the maintainers reset it on request)'),
    'firebase-cloud-messaging-server-key': ('a legacy FCM server key (legacy API retired); '
                                            'no Firebase page on revoking it was found'),
    'firebase-database-secret': ('a deprecated Realtime Database secret; '
                                 'no Firebase page on revoking it was found'),
    'travis-ci-token': 'no Travis CI page on revoking or regenerating an API token was found',
    'bugsnag-api-key': 'no Bugsnag page on regenerating a project notifier API key was found',
}

# The form of every revoke value (the same as test_rules.py and the providers_*.toml check): an https URL
# with a lowercase host and a path, nothing else (no step text).
REVOKE_URL = re.compile(r'https://[a-z0-9.-]+\.[a-z]{2,}/\S*\Z')


def test_every_provider_rule_says_where_to_revoke() -> None:
    missing = [f'{r.id} ({r.provider})' for r in PROVIDER_RULES if not r.revoke and r.id not in NO_REVOKE_PAGE]
    assert not missing, f'provider rules without a revoke page: {missing}'


def test_the_exceptions_are_provider_rules_still_without_a_page() -> None:
    by_id = {r.id: r for r in RULES}
    for rule_id, reason in NO_REVOKE_PAGE.items():
        assert rule_id in by_id, f'{rule_id}: no such built-in rule; drop it from NO_REVOKE_PAGE'
        assert by_id[rule_id].provider, f'{rule_id}: has no provider, so it needs no exception'
        assert not by_id[rule_id].revoke, f'{rule_id}: now has a revoke page; drop it from NO_REVOKE_PAGE'
        assert reason.strip(), rule_id


def test_nearly_all_provider_rules_have_a_page() -> None:
    assert len(NO_REVOKE_PAGE) <= 20
    assert len([r for r in PROVIDER_RULES if r.revoke]) == len(PROVIDER_RULES) - len(NO_REVOKE_PAGE)


@pytest.mark.parametrize('rule', WITH_REVOKE, ids=[r.id for r in WITH_REVOKE])
def test_revoke_is_an_https_url(rule: Rule) -> None:
    assert REVOKE_URL.match(rule.revoke), rule.revoke
    parts = urlsplit(rule.revoke)
    assert parts.scheme == 'https' and parts.hostname == parts.netloc, rule.revoke  # no user, password or port
    assert parts.path.startswith('/'), rule.revoke
    assert rule.provider, rule.id


def _handwritten() -> list[Rule]:
    files = [p for p in builtin_rule_files() if not os.path.basename(p).startswith('providers_')]
    return [r for p in files for r in load_rules_file(p) if r.revoke]


HANDWRITTEN = _handwritten()


@pytest.mark.parametrize('rule', HANDWRITTEN, ids=[r.id for r in HANDWRITTEN])
def test_revoke_reaches_text_json_and_sarif(rule: Rule, ruleset: RuleSet, default_config: Config) -> None:
    """The hand-written rules' pages, from a finding on the rule's own example to each output format."""
    path = 'example.txt'
    if rule.paths:
        path = re.sub(r'\*+', 'example', rule.paths[0].replace('**/', '')).lstrip('/')
    found = [f for f in scan_data(rule.examples[0].encode(), path, ruleset=ruleset, config=default_config)
             if f.rule_id == rule.id]
    assert found, rule.id
    assert found[0].revoke == rule.revoke
    results = [FileResult(path, findings=(found[0],))]

    text, _ = report.text_lines(results)
    assert f'  revoke: {rule.revoke}' in text

    (as_json,) = json.loads(report.json_document(results))['findings']
    assert as_json['revoke'] == rule.revoke

    sarif = json.loads(report.sarif_document(results, rules=[rule]))
    (sarif_rule,) = sarif['runs'][0]['tool']['driver']['rules']
    assert sarif_rule['helpUri'] == rule.revoke
    assert rule.revoke in sarif_rule['help']['text'] and rule.revoke in sarif_rule['help']['markdown']

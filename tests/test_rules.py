"""Every rule's examples are found and its negatives are not, through the real engine and allowlist."""
from __future__ import annotations

import os
import re

import pytest

from timing import assert_grows_linearly
from leakstop.cache import load_toml
from leakstop.cli import example_path
from leakstop.config import Config
from leakstop.engine import Finding, RuleSet
from leakstop.generic import GENERATED, RULE_IDS as GENERIC_RULE_IDS
from leakstop.generic.values import judge_value
from leakstop.errors import FatalError
from leakstop.rules import Rule, keywords_required, load_rules, providers_markdown, rule_from_table
from leakstop.scan import scan_data

RULES = load_rules()


def rule_ids(data: str, path: str, ruleset: RuleSet, config: Config) -> set[str]:
    return {f.rule_id for f in scan_data(data.encode(), path, ruleset=ruleset, config=config)}


@pytest.mark.parametrize('rule', RULES, ids=[r.id for r in RULES])
def test_examples_are_found(rule: Rule, ruleset: RuleSet, default_config: Config) -> None:
    assert rule.examples
    for example in rule.examples:
        assert rule.id in rule_ids(example, example_path(rule), ruleset, default_config), example[:40]


@pytest.mark.parametrize('rule', RULES, ids=[r.id for r in RULES])
def test_negatives_are_not_found(rule: Rule, ruleset: RuleSet, default_config: Config) -> None:
    assert rule.negatives
    for negative in rule.negatives:
        assert rule.id not in rule_ids(negative, example_path(rule), ruleset, default_config), negative[:40]


# -- every negative against the whole engine and allowlist, not only against its own rule -------

EXCEPTIONS_FILE = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'negative_exceptions.toml')
GENERIC_EXAMPLES = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), 'src', 'leakstop', 'data', 'generic_examples.toml')


def all_negatives() -> list[tuple[str, str, str]]:
    """(owner, file name, text) of every negative: each rule's, and the generic detector's by case."""
    out = [(rule.id, example_path(rule), negative) for rule in RULES for negative in rule.negatives]
    for case in load_toml(GENERIC_EXAMPLES)['cases']:
        out += [(f'generic: {case["name"]}', case['path'], negative) for negative in case['negatives']]
    return out


@pytest.fixture(scope='module')
def reported_on_negatives(ruleset: RuleSet, default_config: Config) -> list[tuple[str, str, Finding]]:
    """(owner, negative, finding) for every finding another rule reports on a negative."""
    out = []
    for owner, path, text in all_negatives():
        for f in scan_data(text.encode(), path, ruleset=ruleset, config=default_config):
            if f.rule_id != owner:  # its own rule: test_negatives_are_not_found
                out.append((owner, text, f))
    return out


def _covers(entry: dict[str, object], owner: str, f: Finding) -> bool:
    return (
        owner in entry['negatives_of'] and f.rule_id in entry['reported_by']  # type: ignore[operator]
        and (not entry.get('generated') or judge_value(f.secret).randomness >= GENERATED)
    )


EXCEPTIONS = load_toml(EXCEPTIONS_FILE)['exceptions']


def test_every_finding_on_a_negative_is_a_listed_exception(reported_on_negatives: list[tuple[str, str, Finding]]) -> None:
    """A negative is reported by no rule at all, or the finding is an exception listed with its reason."""
    unexplained = [
        f'{owner}: {f.rule_id} reports {f.secret[:4]}… in {text[:70]!r}'
        for owner, text, f in reported_on_negatives if not any(_covers(e, owner, f) for e in EXCEPTIONS)
    ]
    assert unexplained == [], '\n'.join(unexplained)


def test_every_listed_exception_is_still_needed(reported_on_negatives: list[tuple[str, str, Finding]]) -> None:
    """Each rule listed in each exception still has a finding the exception covers: the list cannot rot."""
    stale = [
        f'exceptions[{i}]: {owner} (reported by {", ".join(e["reported_by"])})'
        for i, e in enumerate(EXCEPTIONS) for owner in e['negatives_of']
        if not any(o == owner and _covers(e, o, f) for o, _, f in reported_on_negatives)
    ]
    assert stale == [], '\n'.join(stale)


def test_exceptions_are_well_formed(ruleset: RuleSet) -> None:
    ids = {r.id for r in ruleset.rules} | set(GENERIC_RULE_IDS) | {owner for owner, _, _ in all_negatives()}
    for i, e in enumerate(EXCEPTIONS):
        assert set(e) <= {'reason', 'negatives_of', 'reported_by', 'generated'}, i
        assert len(e['reason']) > 20 and e['negatives_of'] and e['reported_by'], i
        assert set(e['negatives_of']) <= ids and set(e['reported_by']) <= ids, i
        assert len(set(e['negatives_of'])) == len(e['negatives_of']), i


def test_a_false_alarm_on_a_negative_fails_the_check(ruleset: RuleSet, default_config: Config) -> None:
    """The check notices an unlisted finding: a negative of a vendor rule that the generic detector reports
    with a value it does not rate as generated (a person's password) is covered by no exception."""
    text = 'ACME_PASSWORD=qecixbta7'  # typed, of no word (one built from words, Summer2024!, is no finding)
    [f] = scan_data(text.encode(), 'notes.txt', ruleset=ruleset, config=default_config)
    assert f.rule_id == 'generic-password' and judge_value(f.secret).randomness < GENERATED
    assert not any(_covers(e, 'stripe-secret-key', f) for e in EXCEPTIONS)


def test_enough_rules() -> None:
    assert len(RULES) >= 60


# -- keywords: a real prefilter, so they must cover every match ------------------------------

KEYWORDED = [r for r in RULES if r.keywords and not r.is_context]
# Rules whose keyword is a deliberate gate on the file (gitleaks' semantics), not a part of every match:
# the shape alone is too common, the vendor's name in the file makes it theirs. Each is reviewed.
FILE_GATES = {
    'ably-api-key': 'xxxxxx.yyyyyy:<43> is Ably\'s key shape; only files that name Ably',
    'sidekiq-enterprise-credentials': 'the https://user:pass@gems.contribsys.com form names the vendor after the secret',
    'vault-unseal-key': 'Unseal Key 1: ... (vault operator init output) and caseless vault_unseal_key forms',
    'twitter-bearer-token': 'A{21} is the literal keyword; the analysis does not expand counted repeats',
    # (not a gate: the analysis does not see the two characters before the bare word; enumerated below)
    'keycloak-user-password': 'the bare `type: password` keywords hold the character before the blank; '
                              'test_keycloak_keywords_cover_every_bare_type_form checks every form',
}


def test_keycloak_keywords_cover_every_bare_type_form() -> None:
    """keycloak-user-password's keywords name the bare type's word with the two characters before it (a colon or a
    blank, then a blank), not ' password' alone, which made the rule confirm at every " password" of code and prose (a
    tenth of a history scan's time): every spelling of the type's key and value, with up to three blanks or tabs on each
    side of the colon, that the pattern matches holds one of them."""
    import itertools
    rule = next(r for r in RULES if r.id == 'keycloak-user-password')
    pattern = re.compile(rule.pattern)
    blanks = [''.join(p) for n in range(4) for p in itertools.product(' \t', repeat=n)]
    checked = 0
    for key, value in itertools.product(('type', '"type"', "'type'"), ('password', '"password"', "'password'")):
        for before, after in itertools.product(blanks, blanks):
            text = f'{{{key}{before}:{after}{value}, value: "Wq4nTz8LpR2vXk7"}}'
            m = pattern.search(text)
            if m is not None:
                checked += 1
                assert any(k in m.group(0) for k in rule.keywords), repr(text)
    assert checked > 100


@pytest.mark.parametrize('rule', KEYWORDED, ids=[r.id for r in KEYWORDED])
def test_keywords_cover_every_match_of_the_pattern(rule: Rule) -> None:
    """A keyword gate must never hide a match: every string the pattern matches holds a keyword."""
    assert rule.id in FILE_GATES or keywords_required(rule.pattern, rule.keywords), (
        f'{rule.id}: some matches of the pattern contain none of {list(rule.keywords)}: '
        'add the missing literals or remove keywords'
    )
    for example in rule.examples:
        assert any(k.lower() in example.lower() for k in rule.keywords), example[:40]


@pytest.mark.parametrize(('pattern', 'keywords', 'covered'), [
    ('ghp_[A-Za-z0-9]{36}', ['ghp_'], True),
    ('(?i)GHP_[a-z]{36}', ['ghp_'], True),  # caseless
    ('gh[pousr]_[A-Za-z0-9]{36}', ['ghp_', 'gho_', 'ghu_', 'ghs_', 'ghr_'], True),  # a small class expands
    ('gh[pousr]_[A-Za-z0-9]{36}', ['ghp_', 'gho_'], False),
    ('hapikey|hubspot[a-z]{0,20}key', ['hapikey', 'hubspot'], True),  # the parser factors out the common h
    ('hapikey|hubspot[a-z]{0,20}key|hx', ['hapikey', 'hubspot'], False),
    ('(?:postgres(?:ql)?|pgsql)://', ['postgres://'], False),  # postgresql:// lacks it
    ('(?:postgres(?:ql)?|pgsql)://', ['postgres', 'pgsql'], True),
    ('key(?=.{0,9}acme)', ['acme'], True),  # a lookahead's text is in the data too
    ('(?:acme)?key', ['acme'], False),  # optional
    ('(?:acme_)+key', ['acme'], True),
    ('[a-z]{3}', ['abc'], False),
])
def test_keywords_required(pattern: str, keywords: list[str], covered: bool) -> None:
    assert keywords_required(pattern, keywords) is covered


# -- the rule file schema: context rules, provider, revoke -------------------------------------

CONTEXT: dict[str, object] = {
    'id': 'acme-key', 'description': 'Acme key', 'kind': 'context', 'keywords': ['acme'], 'shape': '[a-f0-9]{32}',
    'provider': 'Acme', 'revoke': 'https://acme.example/keys', 'examples': ['ACME_KEY=' + 'ab12' * 8], 'negatives': ['x'],
}


def test_context_rule_table_loads() -> None:
    rule = rule_from_table(CONTEXT, 'r.toml')
    assert (rule.kind, rule.window, rule.provider, rule.revoke) == ('context', 40, 'Acme', 'https://acme.example/keys')
    assert rule.secret_group == 'secret' and re.search(rule.pattern, 'ACME_KEY=' + 'ab12' * 8)
    assert rule_from_table({**CONTEXT, 'window': 0}, 'r.toml').window == 0


@pytest.mark.parametrize(('change', 'message'), [
    ({'kind': 'nearby'}, "r.toml: acme-key: kind: must be one of pattern, context"),
    ({'keywords': None}, "r.toml: acme-key: missing required key 'keywords' (a context rule)"),
    ({'keywords': []}, 'r.toml: acme-key: keywords: a context rule needs at least one'),
    ({'keywords': ['acme', ' ']}, 'r.toml: acme-key: keywords: an empty keyword would match everywhere'),
    ({'shape': None}, "r.toml: acme-key: missing required key 'shape' (a context rule)"),
    ({'shape': '[a-f0-9]+'}, 'r.toml: acme-key: shape: must be bounded (use {m,n}, not + or *)'),
    ({'shape': '[a-f0-9]{0,8}'}, 'r.toml: acme-key: shape: must not match the empty string'),
    ({'shape': '(?P<secret>[a-f]{8})'}, 'r.toml: acme-key: shape: no named groups (the whole shape is the secret)'),
    ({'shape': '[a-f'}, 'r.toml: acme-key: shape: unterminated character set at position 0'),
    ({'shape': '(?i)[a-f]{8}'}, 'r.toml: acme-key: shape: cannot be embedded between the guards (global flags not at '
                                 'the start of the expression at position 31): scope flags as (?i:...)'),
    ({'shape': 'a{1,5000}'}, 'r.toml: acme-key: shape: matches up to 5000 characters (at most 4096)'),
    ({'window': 5000}, 'r.toml: acme-key: window: must be between 0 and 1024'),
    ({'pattern': '(?P<secret>x)'}, "r.toml: acme-key: pattern: not for a context rule"),
    ({'max_length': 10}, "r.toml: acme-key: max_length: not for a context rule"),
    ({'kind': 'pattern'}, "r.toml: acme-key: missing required key 'pattern'"),
    ({'revoke': 3}, 'r.toml: acme-key: revoke: wrong type int'),
])
def test_context_rule_table_errors(change: dict[str, object], message: str) -> None:
    table = {**CONTEXT, **change}
    for key in [k for k, v in change.items() if v is None]:
        del table[key]
    with pytest.raises(FatalError) as e:
        rule_from_table(table, 'r.toml')
    assert str(e.value) == message


def test_a_pattern_rule_refuses_shape() -> None:
    table = {'id': 'p', 'description': 'd', 'pattern': '(?P<secret>x)', 'shape': 'x', 'examples': ['x'], 'negatives': ['y']}
    with pytest.raises(FatalError, match=r'^r.toml: p: shape: not for a pattern rule$'):
        rule_from_table(table, 'r.toml')


# -- providers: who the rules cover, where to revoke ----------------------------------------

COMMON = ['GitHub', 'GitLab', 'AWS', 'Slack', 'Stripe', 'OpenAI', 'Anthropic', 'Google Cloud', 'npm', 'PyPI',
          'Microsoft Azure', 'Twilio', 'SendGrid']


@pytest.mark.parametrize('provider', COMMON)
def test_common_providers_say_where_to_revoke(provider: str) -> None:
    rules = [r for r in RULES if r.provider == provider]
    assert rules
    for rule in rules:
        assert rule.revoke.startswith('https://'), rule.id


def test_revoke_pages_are_https_urls_and_name_a_provider() -> None:
    for rule in RULES:
        if rule.revoke:
            assert re.match(r'https://[a-z0-9.-]+\.[a-z]{2,}/\S*$', rule.revoke), rule.id
            assert rule.provider, rule.id


def test_readme_providers_table_is_generated_from_the_rules() -> None:
    readme = os.path.join(os.path.dirname(__file__), '..', 'README.md')
    with open(readme, encoding='utf-8') as f:
        text = f.read()
    m = re.search(r'<!-- providers:start -->\n(.*?)<!-- providers:end -->', text, re.S)
    assert m, 'README.md: the <!-- providers:start --> / <!-- providers:end --> markers are missing'
    assert m.group(1) == providers_markdown(RULES), (
        'README.md: the providers table is stale: replace the lines between the markers with the output '
        'of `leakstop rules list --format markdown`'
    )


def test_providers_table_lists_each_provider_once_with_its_count() -> None:
    table = providers_markdown(RULES).splitlines()
    rows = [ln for ln in table if ln.startswith('| ') and not ln.startswith('| Provider')]
    github = [ln for ln in rows if ln.startswith('| GitHub |')]
    assert len(github) == 1
    assert github[0].split(' | ')[1] == str(sum(1 for r in RULES if r.provider == 'GitHub'))
    assert '[docs.github.com](https://docs.github.com/' in github[0]
    assert len(rows) == len({r.provider for r in RULES if r.provider})
    assert table[0].startswith(f'{sum(1 for r in RULES if r.provider)} rules for {len(rows)} providers, and ')


# -- Keycloak realm imports: a user's credential in each layout a realm file takes ---------------------------------

KEYCLOAK_PASSWORD = 'Wq4nTz8LpR2vXk7'  # leakstop: allow (fake)
KEYCLOAK_HASH = 'Xt6gm6fGGVKLwwCLgEuKpJFgIHwgiBRZUaRcLVQQMFQ='  # fake: 32 random bytes, as pbkdf2-sha256 writes


@pytest.mark.parametrize(('name', 'text', 'rule_id', 'secret'), [
    # the import form Keycloak's docs and docker-compose realms write, as Jackson pretty-prints it
    ('realm-export.json', '{\n  "users" : [ {\n    "username" : "admin",\n    "credentials" : [ {\n      "type" : "password",\n'
     f'      "value" : "{KEYCLOAK_PASSWORD}",\n      "temporary" : false\n    }} ]\n  }} ]\n}}\n', 'keycloak-user-password', KEYCLOAK_PASSWORD),
    ('realm-min.json', f'{{"realm":"demo","users":[{{"username":"admin","credentials":[{{"type":"password","value":"{KEYCLOAK_PASSWORD}",'
     '"temporary":false}]}]}\n', 'keycloak-user-password', KEYCLOAK_PASSWORD),
    # the operator's KeycloakRealmImport: the realm as YAML
    ('realm.yaml', 'apiVersion: k8s.keycloak.org/v2alpha1\nkind: KeycloakRealmImport\nspec:\n  realm:\n    users:\n'
     f'      - username: admin\n        credentials:\n          - type: password\n            value: {KEYCLOAK_PASSWORD}\n'
     '            temporary: false\n', 'keycloak-user-password', KEYCLOAK_PASSWORD),
    # value before type (a hand-written realm)
    ('realm.json', f'"credentials": [{{"value": "{KEYCLOAK_PASSWORD}", "type": "password", "temporary": false}}]\n',
     'keycloak-user-password', KEYCLOAK_PASSWORD),
    ('realm.yaml', f'credentials:\n  - value: "{KEYCLOAK_PASSWORD}"\n    temporary: false\n    type: password\n',
     'keycloak-user-password', KEYCLOAK_PASSWORD),
    # the export before Keycloak 12: the hash beside its salt, iterations and algorithm
    ('realm-old.json', f'"credentials" : [ {{\n  "type" : "password",\n  "hashedSaltedValue" : "{KEYCLOAK_HASH}",\n'
     '  "salt" : "S3D4d/GWrwQVnJElOR84Nw==",\n  "hashIterations" : 27500,\n  "algorithm" : "pbkdf2-sha256"\n} ]\n',
     'keycloak-credential-hash', KEYCLOAK_HASH),
    # other blanks around the type's colon, and minified JS (fourteenth hostile review, break 03)
    ('realm.json', f'{{"credentials": [{{"type" :"password", "value": "{KEYCLOAK_PASSWORD}", "temporary": false}}]}}\n',
     'keycloak-user-password', KEYCLOAK_PASSWORD),
    ('realm.json', f'{{"credentials": [{{"type":  "password", "value": "{KEYCLOAK_PASSWORD}", "temporary": false}}]}}\n',
     'keycloak-user-password', KEYCLOAK_PASSWORD),
    ('realm.json', f'{{"credentials": [{{"type":\t"password", "value": "{KEYCLOAK_PASSWORD}", "temporary": false}}]}}\n',
     'keycloak-user-password', KEYCLOAK_PASSWORD),
    ('realm.json', f'{{"credentials": [{{"value": "{KEYCLOAK_PASSWORD}", "type" : \t"password"}}]}}\n',
     'keycloak-user-password', KEYCLOAK_PASSWORD),
    ('seed.min.js', f'createUser({{username:"ops",credentials:[{{type:\'password\',value:\'{KEYCLOAK_PASSWORD}\',temporary:!1}}]}})\n',
     'keycloak-user-password', KEYCLOAK_PASSWORD),
    ('realm.yaml', f'credentials:\n  - type:\tpassword\n    value: {KEYCLOAK_PASSWORD}\n', 'keycloak-user-password', KEYCLOAK_PASSWORD),
    ('realm.yaml', f'credentials:\n  - type :  "password"\n    value: {KEYCLOAK_PASSWORD}\n', 'keycloak-user-password', KEYCLOAK_PASSWORD),
    # a YAML flow mapping with a bare value (a compact KeycloakRealmImport, Helm values): text, as the file is YAML
    ('realm-import.yaml', f'      credentials: [{{type: password, value: {KEYCLOAK_PASSWORD}, temporary: false}}]\n',
     'keycloak-user-password-yaml-flow', KEYCLOAK_PASSWORD),
    ('values.yml', f'credentials: [{{type: "password", value: {KEYCLOAK_PASSWORD}}}]\n',
     'keycloak-user-password-yaml-flow', KEYCLOAK_PASSWORD),
    ('realm.yaml', f'credentials: [ {{ value: {KEYCLOAK_PASSWORD} , type: password }} ]\n',
     'keycloak-user-password-yaml-flow', KEYCLOAK_PASSWORD),
    # YAML templates (fifteenth hostile review, break 08)
    *((f'templates/{name}', f'credentials: [{{type: password, value: {KEYCLOAK_PASSWORD}, temporary: false}}]\n',
       'keycloak-user-password-yaml-flow', KEYCLOAK_PASSWORD)
      for name in ('realm.yaml.j2', 'values.yaml.gotmpl', 'realm.yaml.tpl', 'realm.yaml.tmpl')),
    ('realm.yaml', f'credentials: [{{type: password, value: "{KEYCLOAK_PASSWORD}", temporary: false}}]\n',
     'keycloak-user-password', KEYCLOAK_PASSWORD),
    # the Terraform provider's and Pulumi's keycloak_user: the password in an initial_password block
    ('users.tf', f'resource "keycloak_user" "admin" {{\n  username = "admin"\n  initial_password {{\n    value     = "{KEYCLOAK_PASSWORD}"\n'
     '    temporary = false\n  }\n}\n', 'keycloak-initial-password', KEYCLOAK_PASSWORD),
    ('index.ts', f'new keycloak.User("admin", {{ realmId: realm.id, initialPassword: {{ value: "{KEYCLOAK_PASSWORD}", temporary: false }} }});\n',
     'keycloak-initial-password', KEYCLOAK_PASSWORD),
    # secretData written by hand (the admin client's users.create): the salt before the value
    ('create-users.js', 'credentials: [{ type: "password", secretData: "{\\"salt\\": \\"S3D4d/GWrwQVnJElOR84Nw==\\",'
     f'\\"value\\": \\"{KEYCLOAK_HASH}\\"}}" }}]\n', 'keycloak-credential-hash', KEYCLOAK_HASH),
])
def test_a_keycloak_realm_users_credential_is_found(
        name: str, text: str, rule_id: str, secret: str, ruleset: RuleSet, default_config: Config) -> None:
    """Thirteenth hostile review (break 05): a user's clear-text password in a realm import (pretty, compact, the
    operator's YAML) and the pre-12 export's hashedSaltedValue passed scan-secrets: keycloak-credential-hash read only
    secretData with its value first. Fourteenth hostile review (break 03): other blanks around the type's colon, minified
    JS and a YAML flow mapping's bare value passed too (the type's spellings were eight fixed strings). The same
    credential, found once, by the rule that names it."""
    found = scan_data(text.encode(), name, ruleset=ruleset, config=default_config)
    assert [(f.rule_id, f.secret) for f in found] == [(rule_id, secret)]


@pytest.mark.parametrize('text', [
    '{"type": "password", "value": "${ADMIN_PASSWORD}", "temporary": false}',  # Keycloak's own ${ENV} substitution
    '- type: password\n  value: $(ADMIN_PASSWORD)\n',  # the operator's placeholders
    '{"type":"password","value":"password","temporary":false}',
    '{"type" : "otp", "userLabel" : "Phone", "credentialData" : "{\\"subType\\":\\"totp\\",\\"digits\\":6,\\"period\\":30}"}',
    '"passwordPolicy" : "length(12) and digits(1) and notUsername(undefined)",\n"requiredCredentials" : [ "password" ],',
    '<Field type: "password", value: this.state.password, onChange={this.update} />',
    '- type: password\n  temporary: true\n- name: tenant\n  value: Bz7Kq3Wm9XtR2v\n',  # another list item's value
    # minified code: the value is a variable (fourteenth hostile review, break 03)
    '{type:"password",value:e.password,temporary:!1}', "{type:'password',value:n}", '{type:password,value:"Bz7Kq3Wm9XtR2v"}',
    '{"type" :"passwords", "value": "Bz7Kq3Wm9XtR2v"}',
])
def test_a_keycloak_realm_without_a_users_credential_is_no_finding(
        text: str, ruleset: RuleSet, default_config: Config) -> None:
    assert scan_data(text.encode(), 'realm.json', ruleset=ruleset, config=default_config) == []


@pytest.mark.parametrize(('name', 'text'), [
    # outside a YAML file a bare value before a comma is code's variable
    ('Login.jsx', "<Field {...{type: 'password', value: this.state.password, onChange: this.update}} />\n"),
    ('seed.js', 'credentials: [{type: password, value: adminPassword, temporary: false}]\n'),
    # in YAML: Keycloak's and the operator's placeholders, another mapping's value, another type
    ('realm.yaml', 'credentials: [{type: password, value: ${ADMIN_PASSWORD}, temporary: false}]\n'),
    ('realm.yaml', 'credentials: [{type: password, value: $(ADMIN_PASSWORD)}]\n'),
    ('realm.yaml', 'credentials: [{type: password, temporary: true}, {name: tenant, value: Bz7Kq3Wm9XtR2v}]\n'),
    ('realm.yaml', 'credentials: [{value: Bz7Kq3Wm9XtR2v}, {type: password}]\n'),
    ('realm.yaml', 'credentials: [{type: password-reset, value: Bz7Kq3Wm9XtR2v}]\n'),
    ('realm.yaml', 'credentials: [{type: otp, value: JBSWY3DPEHPK3PXP}]\n'),
    ('realm.yaml', '- type: password\n  value: Bz7Kq3Wm9XtR2v, Qm4\n'),  # a block scalar holding a comma: not a flow mapping
])
def test_a_bare_value_before_a_comma_outside_a_yaml_flow_credential_is_no_finding(
        name: str, text: str, ruleset: RuleSet, default_config: Config) -> None:
    """Fourteenth hostile review (break 03): `{type: password, value: <bare>, …}` is text in a YAML file's flow mapping
    (keycloak-user-password-yaml-flow) and a variable in code."""
    assert scan_data(text.encode(), name, ruleset=ruleset, config=default_config) == []


@pytest.mark.parametrize('unit', [
    b'type: password ' + b't' * 290 + b' ',  # each t two ways through the gap: exponential before its alternatives were made exclusive
    b'type: password value:', b'value:' * 50 + b' type: password ', b'- value: ' + b'a' * 199 + b'\n  type: password-\n',
    b'"value": "' + b'a' * 150 + b'" type: password- ', b'{"type": "password", "x": "' + b'v' * 100 + b'", ',
    # the type's blanks and the flow mapping's bare value (fourteenth hostile review, break 03)
    b'"type"' + b' \t' * 100 + b':' + b' \t' * 100 + b'"password" ', b'type:' + b' ' * 300 + b' password-',
    b'{type: password, value: ' + b'a' * 199 + b' ' * 50 + b';', b', value: ' + b'a' * 150 + b' ,' * 30 + b' type: password-',
    b'{type: password,' + b',\n' * 100, b',value: a' * 20 + b' type: "password" ',
    b'initial_password {' + b' xvalue = "a"' * 15 + b'\n', b'initialPassword: {' + b' value: "password",' * 10,
])
@pytest.mark.parametrize('rule_id', ['keycloak-user-password', 'keycloak-user-password-yaml-flow', 'keycloak-initial-password'])
def test_keycloak_user_password_takes_linear_time(unit: bytes, rule_id: str) -> None:
    """The rule alone over hostile input: 4x the bytes costs about 4x the time (as test_generic's hostile input)."""
    from leakstop import engine
    [rule] = [r for r in RULES if r.id == rule_id]
    alone = engine.RuleSet([rule], engine.compile_database([rule]))
    assert_grows_linearly(lambda data: engine.scan_bytes(data, alone, 'hostile.yaml'), unit, 50_000, 200_000)

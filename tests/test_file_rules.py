"""The credential-file rules: every name rule's path examples, every content rule's examples
through the real engine and allowlist, and the loader's validation."""
from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from leakstop.config import Config
from leakstop.engine import Finding
from leakstop.errors import FatalError
from leakstop.files import compile_globs
from leakstop.hooks.block_credential_files import EXEMPTIONS, Settings, content_findings, content_ruleset
from leakstop.rules import (
    BINARY_TAG, NAME_RULE_EXEMPTIONS, NameRule, Rule, example_bytes, load_file_rules, load_rules,
)

RULES = load_file_rules()
NAMES = RULES.names
CONTENTS = RULES.contents


@pytest.fixture(scope='module')
def settings(default_config: Config) -> Settings:
    return Settings(config=default_config, names=NAMES, ruleset=content_ruleset(RULES))


def found_ids(data: bytes, settings: Settings, path: str = 'example.txt') -> set[str]:
    return {f.rule_id for f in content_findings(data, path, settings=settings)}


# --- name rules -------------------------------------------------------------------------------

@pytest.mark.parametrize('rule', NAMES, ids=[r.id for r in NAMES])
def test_path_examples_match(rule: NameRule) -> None:
    assert rule.path_examples
    for path in rule.path_examples:
        assert rule.matches(path), path


@pytest.mark.parametrize('rule', NAMES, ids=[r.id for r in NAMES])
def test_negative_path_examples_do_not_match(rule: NameRule) -> None:
    assert rule.negative_path_examples
    for path in rule.negative_path_examples:
        assert not rule.matches(path), path


@pytest.mark.parametrize('path', [
    'id_rsa', 'id_dsa', 'id_ecdsa', 'id_ed25519', 'x.p12', 'x.pfx', 'x.jks', 'x.keystore', 'x.kdbx', 'x.ppk',
    'secring.gpg', 'credentials.json', 'client_secret_123.json', '.aws/credentials', '.git-credentials',
    '.netrc', '_netrc', '.pgpass', '.s3cfg', '.htpasswd', 'terraform.tfstate', 'terraform.tfstate.backup',
    '.kube/config', 'kubeconfig',
])
def test_the_required_names_are_covered(path: str) -> None:
    assert any(rule.matches(path) for rule in NAMES), path


@pytest.mark.parametrize('path', [
    'ID_RSA', 'Id_Ed25519', 'keystore.P12', 'cert.PFX', 'Credentials.json', 'CLIENT_SECRET_1.JSON', '.AWS/Credentials',
    '.NETRC', 'Terraform.tfstate', '.Kube/Config', 'KubeConfig',
])
def test_names_are_matched_whatever_their_case(path: str) -> None:
    """On macOS and Windows these are the very same files (issue 13 #17)."""
    assert any(rule.matches(path) for rule in NAMES), path


@pytest.mark.parametrize('path', ['id_rsa.pub', 'README.md', 'src/app.py', 'environment.ts', '.npmrc', 'cert.pem'])
def test_ordinary_names_are_not_refused(path: str) -> None:
    assert not any(rule.matches(path) for rule in NAMES), path


def test_names_match_files_not_directories() -> None:
    rx = compile_globs(['kubeconfig*'], below=False)
    assert rx is not None
    assert rx.match('kubeconfig-prod') and rx.match('a/b/kubeconfig')
    assert not rx.match('pkg/kubeconfig/loader.go')
    below = compile_globs(['kubeconfig*'])  # the default stays gitignore-like
    assert below is not None and below.match('pkg/kubeconfig/loader.go')


def test_exemptions_are_implemented() -> None:
    assert set(EXEMPTIONS) == NAME_RULE_EXEMPTIONS
    assert {r.unless for r in NAMES if r.unless} <= NAME_RULE_EXEMPTIONS


# --- content rules ----------------------------------------------------------------------------

@pytest.mark.parametrize('rule', CONTENTS, ids=[r.id for r in CONTENTS])
def test_content_examples_are_found(rule: Rule, settings: Settings) -> None:
    assert rule.examples
    for example in rule.examples:
        assert rule.id in found_ids(example_bytes(rule, example), settings), example[:50]


@pytest.mark.parametrize('rule', CONTENTS, ids=[r.id for r in CONTENTS])
def test_content_negatives_are_not_found(rule: Rule, settings: Settings) -> None:
    assert rule.negatives
    for negative in rule.negatives:
        assert rule.id not in found_ids(example_bytes(rule, negative), settings), negative[:50]


@pytest.mark.parametrize('rule', [r for r in CONTENTS if BINARY_TAG in r.tags], ids=lambda r: r.id)
def test_binary_findings_are_file_level(rule: Rule, settings: Settings) -> None:
    findings = content_findings(example_bytes(rule, rule.examples[0]), 'blob.bin', settings=settings)
    assert [(f.line, f.secret) for f in findings if f.rule_id == rule.id] == [(0, '')]


def test_content_rules_are_not_secret_rules() -> None:
    """The secret-rule loader reads rules/*.toml only: these rules stay out of scan-secrets."""
    secret_ids = {r.id for r in load_rules()}
    assert not secret_ids & {r.id for r in (*CONTENTS, *NAMES)}


def test_a_content_rule_same_as_a_secret_rule_takes_its_pattern_and_examples() -> None:
    """``same_as``: the base64 key rules are the secret rules' patterns and validators, under their own ids."""
    secrets = {r.id: r for r in load_rules()}
    for content_id, secret_id in (('pem-private-key-base64', 'private-key-pem-base64'),
                                  ('der-private-key-base64', 'private-key-der-base64')):
        rule, base = next(r for r in CONTENTS if r.id == content_id), secrets[secret_id]
        assert (rule.pattern, rule.validator, rule.examples, rule.negatives) == (
            base.pattern, base.validator, base.examples, base.negatives)
        assert rule.tags == ('structure',) and rule.description != base.description


def test_overlapping_matches_report_the_specific_rule(settings: Settings) -> None:
    sa = next(r for r in CONTENTS if r.id == 'google-service-account-key')
    findings = content_findings(sa.examples[0].encode(), 'key.json', settings=settings)
    assert [f.rule_id for f in findings] == ['google-service-account-key']
    assert findings[0].description.endswith('(by content)')


def test_placeholder_shapes_do_not_hide_a_key_body(default_config: Config) -> None:
    """A structural match is not a placeholder because base64 happens to contain 'todo' or 'xxxx'."""
    finding = Finding(path='k', line=1, column=1, rule_id='pem-private-key', description='', secret='MIIEtodoQ2xxxxAbc')
    assert default_config.allowlist.value_allowed(finding)
    assert not default_config.allowlist.value_allowed(finding, placeholders=False)


# --- the loader -------------------------------------------------------------------------------

GOOD_NAME = '''
[[names]]
id = "x-file"
description = "x"
paths = ["*.x"]
path_examples = ["a.x"]
negative_path_examples = ["a.y"]
'''


@pytest.mark.parametrize(('toml', 'message'), [
    (GOOD_NAME + GOOD_NAME, 'x-file: duplicate rule id'),
    (GOOD_NAME.replace('paths = ["*.x"]\n', ''), "x-file: missing required key 'paths'"),
    (GOOD_NAME.replace('paths = ["*.x"]', 'paths = []'), 'x-file: paths: needs at least one glob'),
    (GOOD_NAME.replace('paths = ["*.x"]', 'paths = ["!*.x"]'), 'x-file: paths: '),
    (GOOD_NAME.replace('paths = ["*.x"]', 'paths = ["[z-a]"]'), 'x-file: paths: '),
    (GOOD_NAME.replace('negative_path_examples = ["a.y"]', ''), 'x-file: needs at least one path_example'),
    (GOOD_NAME + 'unless = "magic"\n', "x-file: unless: unknown 'magic'"),
    (GOOD_NAME + 'colour = "red"\n', "x-file: unknown key 'colour'"),
    (GOOD_NAME.replace('id = "x-file"', 'id = "X File"'), 'id: use lowercase'),
    ('[[names]]\ndescription = "x"\n', "names[0]: missing required key 'id'"),
    ('[[rules]]\n', 'expected only [[names]] and [[contents]] tables'),
    (
        '[[contents]]\nid = "bin"\ndescription = "b"\npattern = "(?P<secret>a)"\ntags = ["binary"]\n'
        'examples = ["zz"]\nnegatives = ["00"]\n',
        'bin: binary rule: examples must be hex',
    ),
    (
        '[[contents]]\nid = "c"\ndescription = "c"\npattern = "(?P<secret>a)"\nexamples = ["a"]\n',
        'c: needs at least one example and one negative',
    ),
    ('[[names]\n', 'invalid TOML'),
    ('[[contents]]\nid = "c"\nsame_as = "no-such-rule"\ndescription = "c"\n', 'same_as: no built-in rule has the id'),
])
def test_loader_errors_name_file_and_rule(tmp_path: Path, toml: str, message: str) -> None:
    path = tmp_path / 'rules.toml'
    path.write_text(textwrap.dedent(toml))
    with pytest.raises(FatalError) as e:
        load_file_rules(str(path))
    assert str(e.value).startswith(str(path))
    assert message in str(e.value)


def test_loader_reads_a_valid_file(tmp_path: Path) -> None:
    path = tmp_path / 'rules.toml'
    path.write_text(GOOD_NAME + 'exclude = ["b.x"]\n')
    rules = load_file_rules(str(path))
    (rule,) = rules.names
    assert rule.matches('dir/a.x') and not rule.matches('b.x') and not rule.matches('a.x/inside')
    assert rules.contents == ()


@pytest.mark.parametrize('rule', [r for r in RULES.contents if BINARY_TAG in r.tags], ids=lambda r: r.id)
def test_binary_rules_match_at_the_start_only(rule: Rule) -> None:
    """``leakstop scan`` looks at a binary file's first ``max_length`` bytes for these
    (``block_credential_files.has_structure``): that is exact only while each is anchored there."""
    try:
        from re import _parser as parser  # type: ignore[attr-defined]
    except ImportError:  # Python < 3.11
        import sre_parse as parser  # type: ignore[no-redef]
    top = list(parser.parse(rule.pattern.replace('(?P<secret>', '(')))
    assert str(top[0][1]).upper() == 'AT_BEGINNING_STRING', rule.id  # \A first, and no | beside it
    assert all(str(op) != 'BRANCH' for op, _ in top), rule.id

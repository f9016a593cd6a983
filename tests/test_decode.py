"""Secrets under base64 in Kubernetes Secret manifests are found by the rule that knows them."""
from __future__ import annotations

import base64

from leakstop.config import Config
from leakstop.decode import kubernetes_secret_values
from leakstop.engine import RuleSet
from leakstop.scan import scan_data

import fakes

GH = fakes.github('ghp', seed='decode')
AWS = fakes.aws_key_id(seed='decode')


def b64(text: str) -> str:
    return base64.b64encode(text.encode()).decode()


def manifest(kind: str, values: dict[str, str], *, prefix: str = '') -> str:
    entries = ''.join(f'  {k}: {b64(v)}\n' for k, v in values.items())
    return f'{prefix}apiVersion: v1\nkind: {kind}\nmetadata:\n  name: app\ntype: Opaque\ndata:\n{entries}'


def scan(text: str, ruleset: RuleSet, config: Config) -> list[tuple[int, int, str, str]]:
    return [(f.line, f.column, f.rule_id, f.secret) for f in scan_data(text.encode(), 'k8s/secret.yaml', ruleset=ruleset, config=config)]


def test_vendor_token_in_a_secret_is_found_at_the_encoded_value(ruleset: RuleSet, default_config: Config) -> None:
    text = manifest('Secret', {'region': 'eu-west-1', 'GITHUB_TOKEN': GH})
    assert scan(text, ruleset, default_config) == [(8, 17, 'github-pat-classic', GH)]


def test_decoded_finding_replaces_the_finding_on_the_encoded_text(ruleset: RuleSet, default_config: Config) -> None:
    text = manifest('Secret', {'password': 'Tr0ub4dor&3xQ9!'})
    (found,) = scan(text, ruleset, default_config)
    assert found[0] == 7 and found[3] == 'Tr0ub4dor&3xQ9!'  # the decoded password, not its base64


def test_only_secret_documents_are_decoded(ruleset: RuleSet, default_config: Config) -> None:
    text = manifest('ConfigMap', {'note': GH}) + '---\n' + manifest('Secret', {'AWS_ACCESS_KEY_ID': AWS})
    assert [(line, rule) for line, _, rule, _ in scan(text, ruleset, default_config)] == [(15, 'aws-access-key-id')]


def test_values_that_are_not_base64_text_are_left_alone() -> None:
    binary = base64.b64encode(bytes(range(256))).decode()
    text = f'kind: Secret\ndata:\n  cert: {binary}\n  name: not*base64\nstringData:\n  other: {b64("x")}\n'
    assert kubernetes_secret_values(text.encode()) == []


def test_output_shows_neither_the_encoded_value_nor_the_secret(ruleset: RuleSet, default_config: Config, tmp_path: object, capsys: object) -> None:
    import os

    from leakstop.hooks import scan_secrets
    path = os.path.join(str(tmp_path), 'secret.yaml')
    with open(path, 'w') as f:
        f.write(manifest('Secret', {'GITHUB_TOKEN': GH}))
    assert scan_secrets.main([path]) == 1
    out = capsys.readouterr().out  # type: ignore[attr-defined]
    assert GH not in out and b64(GH) not in out
    assert 'ghp_…' in out and '(base64 in a Kubernetes Secret)' in out


def test_base64_of_a_word_is_judged_by_its_text(ruleset: RuleSet, default_config: Config) -> None:
    """The generic detector saw the base64 (random-looking by nature); the text it stands for decides."""
    text = manifest('Secret', {'node.session.auth.password': 'password', 'apiPassword': 'storageos'})
    assert scan(text, ruleset, default_config) == []
    text = manifest('Secret', {'apiPassword': 'Tr0ub4dor&3xQ9!'})
    assert [found[2] for found in scan(text, ruleset, default_config)] == ['generic-password']

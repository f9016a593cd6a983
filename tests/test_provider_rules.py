"""The provider rules (rules/providers_*.toml) keep their contract: a vendor, a revoke page, literal
keywords present in every example, examples in more than one layout, and the generated files
match their source table (scripts/gen_provider_rules.py)."""
from __future__ import annotations

import base64
import os
import pathlib
import re
import subprocess
import sys

import pytest

from leakstop import validators
from leakstop.engine import RuleSet, compile_database, scan_bytes
from leakstop.rules import RULES_DIR, Rule, load_rules_file

FILES = [os.path.join(RULES_DIR, name) for name in ('providers_a_m.toml', 'providers_n_z.toml')]
RULES = [rule for path in FILES for rule in load_rules_file(path)]
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def test_there_are_provider_rules() -> None:
    assert len(RULES) >= 400
    assert len({r.provider for r in RULES}) >= 300


@pytest.mark.parametrize('rule', RULES, ids=[r.id for r in RULES])
def test_names_its_provider_and_where_to_revoke(rule: Rule) -> None:
    assert rule.provider.strip()
    assert re.match(r'https://[a-z0-9.-]+\.[a-z]{2,}(?:[/?#]\S*)?\Z', rule.revoke), rule.revoke


@pytest.mark.parametrize('rule', RULES, ids=[r.id for r in RULES])
def test_every_example_contains_a_keyword(rule: Rule) -> None:
    """Keywords are a prefilter: an example without one would be skipped before its regex runs."""
    assert rule.keywords
    for example in rule.examples:
        assert any(k.lower() in example.lower() for k in rule.keywords), example[:40]


@pytest.mark.parametrize('rule', RULES, ids=[r.id for r in RULES])
def test_examples_differ_in_layout(rule: Rule) -> None:
    assert len(rule.examples) >= 2 and len(rule.negatives) >= 2

    def layout(example: str) -> str:  # the text around the secret, secrets and names blanked
        return re.sub(r'[A-Za-z0-9_+/=.-]{12,}', 'S', re.sub(r'[A-Za-z]+', 'w', example))
    assert len({layout(e) for e in rule.examples}) >= 2, rule.examples


@pytest.mark.parametrize('rule', [r for r in RULES if 'context' in r.tags], ids=lambda r: r.id)
def test_context_rules_need_the_vendor_name(rule: Rule) -> None:
    """A prefixless value is this vendor's only next to the vendor's name: the same value under another name is not."""
    match = re.search(rule.pattern, rule.examples[0])
    assert match is not None
    secret = match.group(rule.secret_group)
    assert not re.search(rule.pattern, f'CACHE_KEY={secret}')
    assert not re.search(rule.pattern, f'cache_key = "{secret}"')


def test_generated_files_match_their_table(tmp_path: pathlib.Path) -> None:
    subprocess.run([sys.executable, os.path.join(ROOT, 'scripts', 'gen_provider_rules.py'), '--out', str(tmp_path)],
                   check=True, capture_output=True)
    for path in FILES:
        assert (tmp_path / os.path.basename(path)).read_bytes() == pathlib.Path(path).read_bytes(), (
            f'{os.path.basename(path)} differs from scripts/provider_table.py: edit the table and regenerate'
        )


# The NKey seed from the NATS documentation (a published example, not a credential): its CRC-16
# was computed by NATS's own tools, so it checks our checksum independently of our generator.
NATS_DOC_SEED = 'SUACSSL3UAHUDXKFSNVUZRF5UHPMWZ6BFDTJ7M6USDXIEDNPPQYYYCU3VY'  # leakstop: allow (published example)


@pytest.mark.parametrize(('value', 'valid'), [
    (NATS_DOC_SEED, True),
    (NATS_DOC_SEED[:-1] + 'A', False),                       # checksum broken
    ('UDXU4RCSJNZOIQHZNWXHXORDPRTGNJAHAHFRGZNEEJCPQTT2M7NLCNF4', False),  # a public key, not a seed
    ('SU' + 'A' * 56, False),
])
def test_nats_nkey_seed(value: str, valid: bool) -> None:
    assert validators.nats_nkey_seed(value) is valid


@pytest.mark.parametrize(('value', 'valid'), [
    (base64.b64encode(b'123456789012:' + bytes(range(20))).decode(), True),
    (base64.b64encode(b'abcdefghijkl:' + bytes(range(20))).decode(), False),  # the id is not digits
    (base64.b64encode(b'123456789012:' + bytes(range(17))).decode(), False),  # too short
    ('MDEyMzQ1Njc4OTAxMjM0NTY3ODkwMTIzNDU2Nzg5MDEy', False),  # 33 bytes, no ':'
])
def test_atlassian_dc_pat(value: str, valid: bool) -> None:
    assert validators.atlassian_dc_pat(value) is valid


@pytest.mark.parametrize(('value', 'valid'), [
    ('rnd_generateSeedsForWorkers', False), ('ser.serializeDataStructure', False), ('0123456789', False),
    ('rnd_Ab3dE5gH7jK9mN1pQ3sT5wZy8Xw7', True),  # leakstop: allow (synthetic)
])
def test_letters_and_digits(value: str, valid: bool) -> None:
    assert validators.letters_and_digits(value) is valid


@pytest.mark.parametrize('rule', RULES, ids=[r.id for r in RULES])
def test_no_inline_multiline_anchor(rule: Rule) -> None:
    """Hyperscan (prefilter mode, hyperscan 0.9.1) missed another rule's candidates in openssl's
    obj_mac.h once a ``(?m)^`` rule joined the database; ``(?<![^\\n])`` means the same and is safe."""
    assert '(?m)' not in rule.pattern and '(?im)' not in rule.pattern


def test_provider_rules_change_no_other_rules_findings(ruleset: RuleSet) -> None:
    """On the labeled corpus, the other rules report the same findings with or without the provider
    rules, except generic findings that a provider rule now names."""
    mine = {r.id for r in RULES}
    others = [r for r in ruleset.rules if r.id not in mine]
    from leakstop.generic import FAMILIES
    from leakstop.generic.extract import ANCHORS
    alone = RuleSet(others, compile_database(others, generic_anchors=[ANCHORS[f] for f in FAMILIES]), ruleset.generic)
    together = ruleset  # every built-in rule, as the hooks load them
    corpus = os.path.join(ROOT, 'tests', 'corpus')
    checked = 0
    for kind in ('positives', 'negatives'):
        for root, _, names in os.walk(os.path.join(corpus, kind)):
            for name in names:
                path = os.path.join(root, name)
                data = pathlib.Path(path).read_bytes()
                before = {(f.rule_id, f.start, f.end) for f in scan_bytes(data, alone, path)}
                found = scan_bytes(data, together, path)
                named = [(f.start, f.end) for f in found if f.rule_id in mine]
                after = {(f.rule_id, f.start, f.end) for f in found if f.rule_id not in mine}
                lost = {x for x in before - after if not any(s < x[2] and x[1] < e for s, e in named)}
                assert not lost and after <= before, (path, lost, after - before)
                checked += 1
    assert checked > 100

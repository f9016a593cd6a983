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

import fakes
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


# --- vendor blocks: a context rule's secret under a header that names its vendor -------------------
# Rules whose value the generic detector does not report (a base64 run that opens with ``+``, a
# ``secret-`` or ``1/`` prefix it takes for a word or a path; Turnstile's ``0x4AAAAAAA`` stands
# outside its secret group): the block look starts from a generic finding, so it misses them.
NOT_IN_BLOCKS = {'digitalocean-spaces-secret', 'statsig-server-secret', 'stytch-secret', 'transifex-api-token',
                 'turnstile-secret-key'}
BLOCK_SAMPLE = sorted((r for r in RULES if 'context' in r.tags and r.id not in NOT_IN_BLOCKS), key=lambda r: r.id)[::15]


def _first_secret(rule: Rule) -> str:
    match = re.search(rule.pattern, rule.examples[0])
    assert match is not None
    return match.group(rule.secret_group)


def _block(syntax: str, word: str, key: str, value: str) -> tuple[str, int, int]:
    """A block under a header naming ``word`` with ``key: value`` on its third entry line: (text, line, column)."""
    if syntax == 'yaml':
        return f'services:\n  {word}:\n    region: eu-west-1\n    {key}: {value}\n  other: 1\n', 4, len(key) + 7
    if syntax == 'json':
        return f'{{\n  "{word}": {{\n    "region": "eu",\n    "{key}": "{value}"\n  }}\n}}\n', 4, len(key) + 10
    return f'[tool.{word}]\nregion = "eu"\n{key} = "{value}"\n\n[other]\nx = 1\n', 3, len(key) + 5


def test_block_sample_is_wide() -> None:
    assert len(BLOCK_SAMPLE) >= 20
    assert len({r.provider for r in BLOCK_SAMPLE}) >= 20


@pytest.mark.parametrize('syntax', ['yaml', 'json', 'toml'])
@pytest.mark.parametrize('rule', BLOCK_SAMPLE, ids=lambda r: r.id)
def test_secret_in_the_vendors_block_is_named_by_its_rule(ruleset: RuleSet, rule: Rule, syntax: str) -> None:
    """``datadog:\\n  site: x\\n  api_key: <value>``: the vendor's rule and revoke page, not a generic finding."""
    secret = _first_secret(rule)
    text, line, column = _block(syntax, rule.keywords[0], 'api_key', secret)
    findings = scan_bytes(text.encode(), ruleset, 'settings.conf')
    assert [(f.rule_id, f.line, f.column, f.secret == secret) for f in findings] == [(rule.id, line, column, True)]
    assert findings[0].revoke == rule.revoke


@pytest.mark.parametrize('rule', BLOCK_SAMPLE, ids=lambda r: r.id)
def test_vendor_block_needs_the_vendor_a_secret_key_and_the_shape(ruleset: RuleSet, rule: Rule) -> None:
    secret = _first_secret(rule)
    word = rule.keywords[0]
    other = next(r for r in BLOCK_SAMPLE if r.provider != rule.provider and not set(r.keywords) & set(rule.keywords))
    middle = len(secret) // 2
    cases = {
        'another vendor': _block('yaml', other.keywords[0], 'api_key', secret)[0],
        'no vendor': _block('json', 'monitoring', 'api_key', secret)[0],
        'not a secret key (site)': _block('yaml', word, 'site', secret)[0],
        'not a secret key (region)': _block('toml', word, 'region', secret)[0],
        'wrong shape': _block('json', word, 'api_key', secret[:middle] + '!' + secret[middle + 1:])[0],
        'longer than the shape': _block('toml', word, 'api_key', secret + '!x')[0],
        'block ended (dedent)': f'{word}:\n  region: eu\nother:\n  api_key: {secret}\n',
        'table ended (toml)': f'[{word}]\nregion = "eu"\n\n[other]\napi_key = "{secret}"\n',
    }
    for case, text in cases.items():
        ids = [f.rule_id for f in scan_bytes(text.encode(), ruleset, 'settings.conf')]
        assert rule.id not in ids, case


@pytest.mark.parametrize(('path', 'text'), [
    ('config/values.yaml', 'datadog:\n  site: datadoghq.eu\n  api_key: {key}\n'),
    ('config/settings.json', '{{\n  "datadog": {{\n    "site": "datadoghq.eu",\n    "api_key": "{key}"\n  }}\n}}\n'),
    ('config/app.toml', '[datadog]\nsite = "datadoghq.eu"\napi_key = "{key}"\n'),
])
def test_issue_example_a_datadog_key_under_a_datadog_block(ruleset: RuleSet, path: str, text: str) -> None:
    """The issue's own example: the vendor is the parent key, the entry says only api_key."""
    key = fakes.rand('0123456789abcdef', 32, seed='datadog-block')
    found = scan_bytes(text.format(key=key).encode(), ruleset, path)
    assert [(f.rule_id, f.secret == key) for f in found] == [('datadog-api-key', True)]

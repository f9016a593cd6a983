"""The generic detector: extractors, key judge, value judge and score, over data/generic_examples.toml."""
from __future__ import annotations

import os

import pytest

from leakstop.cache import load_toml
from leakstop.generic import GenericDetector, RULE_IDS
from leakstop.generic.keys import Vocabulary, judge_key
from leakstop.generic.values import judge_value

EXAMPLES = os.path.join(os.path.dirname(__file__), '..', 'src', 'leakstop', 'data', 'generic_examples.toml')
CASES = load_toml(EXAMPLES)['cases']


@pytest.fixture(scope='module')
def detector() -> GenericDetector:
    return GenericDetector.load()


def _params(kind: str) -> list[object]:
    return [pytest.param(case['path'], text, id=f'{case["name"]}-{i}') for case in CASES for i, text in enumerate(case[kind])]


@pytest.mark.parametrize(('path', 'text'), _params('examples'))
def test_example_is_found(detector: GenericDetector, path: str, text: str) -> None:
    found = detector.scan(text.encode(), path)
    assert found, text
    assert {d.rule_id for d in found} <= RULE_IDS
    for d in found:  # the span is the value, exactly
        assert text.encode()[d.start:d.end].decode() == d.secret


@pytest.mark.parametrize(('path', 'text'), _params('negatives'))
def test_negative_is_not_found(detector: GenericDetector, path: str, text: str) -> None:
    assert detector.scan(text.encode(), path) == [], text


@pytest.mark.parametrize(('key', 'kind'), [
    ('dbPassword', 'password'), ('DB_PASSWORD', 'password'), ('db-password', 'password'), ('db.password', 'password'),
    ('PGPASSWORD', 'password'), ('client_secret', 'secret'), ('refreshToken', 'token'), ('api_key', 'key'),
    ('zerobounceKEY', 'key'), ('datadog_token', 'token'), ('SECRET_KEY', 'key'), ('withAccessToken', 'token'),
    ('token_type', ''), ('password_hint', ''), ('secret_name', ''), ('token_url', ''), ('max_tokens', ''),
    ('csrf_token', ''), ('next_token', ''), ('primary_key', ''), ('public_key', ''), ('publicKeyToken', ''),
    ('api_key_id', ''), ('is_secret', ''), ('bypass', ''), ('tokenizer', ''), ('keyboard', ''),
])
def test_key_judge(key: str, kind: str) -> None:
    vocabulary = Vocabulary.from_doc(load_toml(os.path.join(os.path.dirname(EXAMPLES), 'generic.toml')))
    assert judge_key(key, vocabulary).kind == kind


@pytest.mark.parametrize('value', ['refresh2', 'fully_charged', 'wrong_data', 'private_value', 'custom:dashboard',
                                   'register-wrong-format', 'NextMarker', 'test1234', 'abcd1234efgh5678'])
def test_words_are_not_random(value: str) -> None:
    assert judge_value(value).randomness == 0


@pytest.mark.parametrize('value', ['kc5fJGmcGbweumJR', 'fe1362dbfb38b58b9a9cc867b568f25b817439c2', 'KmZqRtYwXePlNbVcHdGs'])
def test_generated_material_is_random(value: str) -> None:
    assert judge_value(value).randomness >= 0.6


def test_vendor_rule_wins_over_generic(ruleset: object) -> None:
    from leakstop.engine import RuleSet, scan_bytes
    assert isinstance(ruleset, RuleSet)
    data = b'stripe_api_key = "sk_live_' + b'4eC39HqLyjWDarjtT1zdp7dc' + b'"\n'
    rule_ids = [f.rule_id for f in scan_bytes(data, ruleset, 'a.py')]
    assert rule_ids and not set(rule_ids) & RULE_IDS, rule_ids
    data = b'stripe_api_key = "Zq8bX3nR5tY7uV9wK2mL4pQ6sD1fG0hJ"\n'
    assert [f.rule_id for f in scan_bytes(data, ruleset, 'a.py')] == ['generic-api-key']


def test_explain_has_features_and_no_value(detector: GenericDetector) -> None:
    text = 'password = "Xk9mQ2vL7pW4"'
    [d] = detector.scan(text.encode(), 'a.py')
    names = [name for name, _ in d.explain]
    assert names == ['syntax', 'key words', 'key', 'value', 'value score', 'score']
    assert 'Xk9mQ2vL7pW4' not in repr(d.explain)

"""Every rule's examples are found and its negatives are not, through the real engine and allowlist."""
from __future__ import annotations

import re

import pytest

from leakstop.config import Config
from leakstop.engine import RuleSet
from leakstop.rules import Rule, load_rules
from leakstop.scan import scan_data

RULES = load_rules()


def example_path(rule: Rule) -> str:
    """A file name the rule applies to (rules limited by ``paths`` need one)."""
    if not rule.paths:
        return 'example.txt'
    return re.sub(r'\*+', 'example', rule.paths[0].replace('**/', '')).lstrip('/')


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


def test_enough_rules() -> None:
    assert len(RULES) >= 60

"""leakstop.allowlist: per-rule allowing in one place (Allowlist.rule_allowed)."""
from __future__ import annotations

import fakes
from leakstop.config import Config, config_from_table
from leakstop.engine import Finding, RuleSet
from leakstop.scan import scan_data


def _finding(rule_id: str, secret: str, path: str = 'app/settings.py') -> Finding:
    return Finding(path=path, line=1, column=1, rule_id=rule_id, description='d', secret=secret, start=0, end=len(secret))


RANDOM = fakes.rand(fakes.ALNUM, 20, 'allowlist')
WORDS = '.'.join(('Lantern', 'Harbor57'))  # a password of two words and a number


def test_rule_allowed_is_every_per_rule_entry_and_only_for_its_rule() -> None:
    config = config_from_table({
        'disable': ['slack-bot-token'],
        'allowlist': {'rules': {'generic-password': {'values': ['^Lantern'], 'paths': ['fixtures/**']}}},
    }, '(test)', None)
    allowlist = config.allowlist
    assert allowlist.rule_allowed(_finding('slack-bot-token', RANDOM))  # disabled
    assert allowlist.rule_allowed(_finding('generic-password', WORDS))  # its values
    assert allowlist.rule_allowed(_finding('generic-password', RANDOM, 'fixtures/a.py'))  # its paths
    assert not allowlist.rule_allowed(_finding('generic-password', RANDOM))
    assert not allowlist.rule_allowed(_finding('generic-secret', WORDS))  # another rule's
    assert not allowlist.rule_allowed(_finding('generic-secret', RANDOM, 'fixtures/a.py'))
    assert allowlist.value_allowed(_finding('generic-password', WORDS))  # the filter asks it


def test_a_match_its_rule_refuses_is_left_to_the_generic_detector(ruleset: RuleSet, default_config: Config) -> None:
    """A rule's own `allow` is part of its test of the match, not allowing: the ADO.NET rule takes
    a password of two words and a number for a member access (a reference) and refuses it; the password is still found."""
    line = f'conn: "Server=tcp:db.internal,1433;User ID=webapp;Password={WORDS};Encrypt=True;"\n'
    found = scan_data(line.encode(), 'config.yaml', ruleset=ruleset, config=default_config)
    assert [(f.rule_id, f.secret) for f in found] == [('generic-password', WORDS)]

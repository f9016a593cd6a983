"""leakstop.allowlist: per-rule allowing in one place (Allowlist.rule_allowed)."""
from __future__ import annotations

from leakstop.config import Config, config_from_table
from leakstop.engine import Finding, RuleSet
from leakstop.scan import scan_data


def _finding(rule_id: str, secret: str, path: str = 'app/settings.py') -> Finding:
    return Finding(path=path, line=1, column=1, rule_id=rule_id, description='d', secret=secret, start=0, end=len(secret))


def test_rule_allowed_is_every_per_rule_entry_and_only_for_its_rule() -> None:
    config = config_from_table({
        'disable': ['slack-bot-token'],
        'allowlist': {'rules': {'generic-password': {'values': ['^Lantern'], 'paths': ['fixtures/**']}}},
    }, '(test)', None)
    allowlist = config.allowlist
    assert allowlist.rule_allowed(_finding('slack-bot-token', 'Zq8bX3nR5tY7uV9wK2mL'))  # disabled
    assert allowlist.rule_allowed(_finding('generic-password', 'Lantern.Harbor57'))  # its values
    assert allowlist.rule_allowed(_finding('generic-password', 'Zq8bX3nR5tY7uV9wK2mL', 'fixtures/a.py'))  # its paths
    assert not allowlist.rule_allowed(_finding('generic-password', 'Zq8bX3nR5tY7uV9wK2mL'))
    assert not allowlist.rule_allowed(_finding('generic-secret', 'Lantern.Harbor57'))  # another rule's
    assert not allowlist.rule_allowed(_finding('generic-secret', 'Zq8bX3nR5tY7uV9wK2mL', 'fixtures/a.py'))
    assert allowlist.value_allowed(_finding('generic-password', 'Lantern.Harbor57'))  # the filter asks it


def test_a_match_its_rule_refuses_is_left_to_the_generic_detector(ruleset: RuleSet, default_config: Config) -> None:
    """A rule's own `allow` is part of its test of the match, not allowing: the ADO.NET rule takes
    `Word.Word57` for a member access (a reference) and refuses it; the password is still found."""
    line = 'conn: "Server=tcp:db.internal,1433;User ID=webapp;Password=Lantern.Harbor57;Encrypt=True;"\n'
    found = scan_data(line.encode(), 'config.yaml', ruleset=ruleset, config=default_config)
    assert [(f.rule_id, f.secret) for f in found] == [('generic-password', 'Lantern.Harbor57')]

"""leakstop.allowlist: per-rule allowing in one place (Allowlist.rule_allowed), the values that pass
(value_allowed) and the inline pragmas (filter)."""
from __future__ import annotations

import pytest

import fakes
from leakstop.config import Config, config_from_table
from leakstop.engine import Finding, RuleSet
from leakstop.scan import scan_data


def _finding(rule_id: str, secret: str, path: str = 'app/settings.py') -> Finding:
    return Finding(path=path, line=1, column=1, rule_id=rule_id, description='d', secret=secret, start=0, end=len(secret))


RANDOM = fakes.rand(fakes.ALNUM, 20, 'allowlist')
# a password of two capitalized runs of letters and a number, shaped as a member access (of no word: one of two
# words, Lantern.Harbor57, is built from words and no finding anywhere since [score] human_of_words)
DOTTED = '.'.join(('Lxnvrt', 'Hqrbzk57'))


def test_rule_allowed_is_every_per_rule_entry_and_only_for_its_rule() -> None:
    config = config_from_table({
        'disable': ['slack-bot-token'],
        'allowlist': {'rules': {'generic-password': {'values': ['^Lxnvrt'], 'paths': ['fixtures/**']}}},
    }, '(test)', None)
    allowlist = config.allowlist
    assert allowlist.rule_allowed(_finding('slack-bot-token', RANDOM))  # disabled
    assert allowlist.rule_allowed(_finding('generic-password', DOTTED))  # its values
    assert allowlist.rule_allowed(_finding('generic-password', RANDOM, 'fixtures/a.py'))  # its paths
    assert not allowlist.rule_allowed(_finding('generic-password', RANDOM))
    assert not allowlist.rule_allowed(_finding('generic-secret', DOTTED))  # another rule's
    assert not allowlist.rule_allowed(_finding('generic-secret', RANDOM, 'fixtures/a.py'))
    assert allowlist.value_allowed(_finding('generic-password', DOTTED))  # the filter asks it


def test_a_match_its_rule_refuses_is_left_to_the_generic_detector(ruleset: RuleSet, default_config: Config) -> None:
    """A rule's own `allow` is part of its test of the match, not allowing: the ADO.NET rule takes
    a password of two capitalized runs and a number for a member access (a reference) and refuses it; the password is still found."""
    line = f'conn: "Server=tcp:db.internal,1433;User ID=webapp;Password={DOTTED};Encrypt=True;"\n'
    found = scan_data(line.encode(), 'config.yaml', ruleset=ruleset, config=default_config)
    assert [(f.rule_id, f.secret) for f in found] == [('generic-password', DOTTED)]


# --- value_allowed: each reason a value passes ------------------------------------------------

def test_value_allowed_for_each_reason() -> None:
    config = config_from_table({'allowlist': {'stopwords': ['dummyvalue'], 'values': ['^ci-only-']}}, '(test)', None)
    allowlist = config.allowlist
    assert allowlist.value_allowed(_finding('aws-access-key-id', 'AKIAIOSFODNN7EXAMPLE'))  # a known example
    assert allowlist.value_allowed(_finding('stripe', 'pk_test_' + RANDOM))  # public by design
    assert not allowlist.value_allowed(_finding('stripe', 'sk_test_' + RANDOM))
    client_token = 'pub' + fakes.rand('0123456789abcdef', 32, 'dd-rum')  # Datadog's RUM client token (held-out 46)
    assert allowlist.value_allowed(_finding('generic-token', client_token))
    assert not allowlist.value_allowed(_finding('generic-token', 'pub' + RANDOM))
    branch = fakes.rand(fakes.ALNUM, 32, 'branch')  # Branch's app key, in every app's manifest (held-out 51)
    assert allowlist.value_allowed(_finding('generic-api-key', 'key_live_' + branch))
    assert allowlist.value_allowed(_finding('generic-api-key', 'key_test_' + branch))
    assert not allowlist.value_allowed(_finding('generic-api-key', 'secret_live_' + branch))
    assert allowlist.value_allowed(_finding('generic-secret', RANDOM[:8] + 'DummyValue'))  # a stopword, any case
    assert allowlist.value_allowed(_finding('generic-secret', 'ci-only-' + RANDOM))  # the user's values
    assert not allowlist.value_allowed(_finding('generic-secret', 'x-ci-only-' + RANDOM))  # (the user's ^ anchors it)
    assert not allowlist.value_allowed(_finding('generic-secret', RANDOM))
    placeholder = '<your-api-token>'
    assert allowlist.value_allowed(_finding('generic-secret', placeholder))
    assert not allowlist.value_allowed(_finding('generic-secret', placeholder), placeholders=False)
    assert not allowlist.value_allowed(_finding('generic-secret', placeholder)._replace(checksum=True))
    assert allowlist.value_allowed(_finding('aws-access-key-id', 'AKIAIOSFODNN7EXAMPLE')._replace(checksum=True),
                                   placeholders=False)  # known examples always pass


# --- filter: the pragmas, where each is honoured ------------------------------------------------

def _at(data: bytes, secret: str, rule_id: str = 'github-pat-classic', nth: int = 0) -> Finding:
    start = -1
    for _ in range(nth + 1):
        start = data.index(secret.encode(), start + 1)
    line = data.count(b'\n', 0, start) + 1
    return Finding(path='a.py', line=line, column=1, rule_id=rule_id, description='d', secret=secret,
                   start=start, end=start + len(secret.encode()))


TOKEN = fakes.github(seed='allowlist-filter')


@pytest.mark.parametrize(('text', 'allowed'), [
    (f'x = "{TOKEN}"\n', False),
    (f'x = "{TOKEN}"  # leakstop: allow\n', True),
    (f'x = "{TOKEN}"  // leakstop:allow\n', True),
    (f'x = "{TOKEN}"  # LEAKSTOP: Allow\n', True),
    (f'# leakstop: allow\nx = "{TOKEN}"\n', False),  # on another line
    (f'x = "{TOKEN}"  # leakstop: allow-next-line\n', False),  # the next line's, not this one's
    (f'x = "{TOKEN}"  # leakstop: allowed\n', False),
    (f'x = "{TOKEN}"  # pragma: allowlist secret\n', True),
    (f'x = "{TOKEN}"  # pragma: allowlist  secret\n', True),
    (f'x = "{TOKEN}"  # gitleaks:allow\n', True),
    (f'x = "{TOKEN}"  # GITLEAKS:ALLOW\n', False),  # gitleaks' own case only
    (f'# leakstop: allow-next-line\nx = "{TOKEN}"\n', True),
    (f'# pragma: allowlist nextline secret\nx = "{TOKEN}"\n', True),
    (f'# leakstop: allow-next-line\n\nx = "{TOKEN}"\n', False),  # two lines above
    (f'x = 1\ny = 2  # leakstop: allow-next-line\nz = 3\nx = "{TOKEN}"\n', False),
    (f'x = "{TOKEN}"  # trufflehog:ignore\n', True),  # after the secret, on its line
    (f'# trufflehog:ignore\nx = "{TOKEN}"\n', False),
    (f'trufflehog:ignore x = "{TOKEN}"\n', False),  # before it
    (f'x = "{TOKEN}"\n# trufflehog:ignore\n', False),  # the next line
    (f'x = "{TOKEN}"  # TRUFFLEHOG:IGNORE\n', False),
    (f'x = "{TOKEN}"', False), (f'x = "{TOKEN}"  # leakstop: allow', True),  # no newline at the end
    (f'x = "{TOKEN}"  # trufflehog:ignore', True),
])
def test_filter_pragmas(text: str, allowed: bool) -> None:
    data = text.encode()
    allowlist = config_from_table({}, '(test)', None).allowlist
    finding = _at(data, TOKEN)
    assert allowlist.filter(data, [finding]) == ([] if allowed else [finding])


def test_filter_a_pragma_covers_only_its_own_lines_findings() -> None:
    other = fakes.github(seed='allowlist-other')
    data = (f'a = "{TOKEN}"\n'
            f'# leakstop: allow-next-line\n'
            f'b = "{other}"; c = "{TOKEN}"\n'
            f'd = "{other}"  # leakstop: allow\n'
            f'e = "{TOKEN}"\n').encode()
    allowlist = config_from_table({}, '(test)', None).allowlist
    findings = [_at(data, TOKEN, nth=2), _at(data, other), _at(data, TOKEN), _at(data, TOKEN, nth=1),
                _at(data, other, nth=1)]
    assert allowlist.filter(data, findings) == [findings[0], findings[2]]  # e and a, in the order given


def test_filter_a_multi_line_finding_takes_a_pragma_on_any_of_its_lines() -> None:
    allowlist = config_from_table({}, '(test)', None).allowlist
    for text in (f'k = """{TOKEN}\nmore"""  # leakstop: allow\n', f'k = """{TOKEN}  # leakstop: allow\nmore"""\n',
                 f'k = """{TOKEN}\nmore"""  # leakstop: allow'):  # (the last: no newline at the end)
        data = text.encode()
        f = _at(data, TOKEN)._replace(end=data.index(b'more') + 4, secret=TOKEN + '\nmore')
        assert allowlist.filter(data, [f]) == [], text
    data = f'k = """{TOKEN}\nmore"""\nx = 1  # leakstop: allow\n'.encode()  # the line after it
    f = _at(data, TOKEN)._replace(end=data.index(b'more') + 4)
    assert allowlist.filter(data, [f]) == [f]


def test_filter_a_key_body_counts_its_armor_lines() -> None:
    """block-credential-files reports a PEM key's body (from its first body line); a pragma on the BEGIN
    or END line, or on the line above BEGIN, covers it as it covers the secret rules' finding."""
    body = 'MIIEow' + fakes.rand(fakes.ALNUM, 58, 'body') + '\n' + fakes.rand(fakes.ALNUM, 64, 'body2')
    allowlist = config_from_table({}, '(test)', None).allowlist
    for head, tail, allowed in (
        ('', '', False),
        ('', '  # leakstop: allow', True),
        (' # leakstop: allow', '', True),
        ('', '  # pragma: allowlist secret', True),
    ):
        data = f'-----BEGIN RSA PRIVATE KEY-----{head}\n{body}\n-----END RSA PRIVATE KEY-----{tail}\n'.encode()
        start = data.index(b'MIIEow')
        f = Finding(path='k.pem', line=2, column=1, rule_id='pem-private-key', description='d', secret=body,
                    start=start, end=start + len(body) + 1)
        assert allowlist.filter(data, [f]) == ([] if allowed else [f]), (head, tail)
    for above, allowed in (('# leakstop: allow-next-line\n', True), ('# leakstop: allow-next-line\n\n', False),
                           ('# leakstop: allow\n', False)):
        data = f'{above}-----BEGIN RSA PRIVATE KEY-----\n{body}\n-----END RSA PRIVATE KEY-----\n'.encode()
        start = data.index(b'MIIEow')
        f = Finding(path='k.pem', line=3, column=1, rule_id='pem-private-key', description='d', secret=body,
                    start=start, end=start + len(body) + 1)
        assert allowlist.filter(data, [f]) == ([] if allowed else [f]), above


def test_trufflehog_reads_from_the_end_of_the_secret_not_of_the_finding() -> None:
    """A finding may span more than its secret (a .env template's whole entry; a decoded value's encoded
    text): trufflehog:ignore counts only after the secret itself, on its line."""
    allowlist = config_from_table({}, '(test)', None).allowlist
    secret = TOKEN
    data = f'X trufflehog:ignore {secret}\n'.encode()
    wide = Finding(path='a.env', line=1, column=1, rule_id='r', description='d', secret=secret, start=0,
                   end=len(data) - 1)
    assert allowlist.filter(data, [wide]) == [wide]  # the tag is before the secret
    data = f'KEY={secret} # trufflehog:ignore\n'.encode()
    wide = wide._replace(end=len(data) - 1)
    assert allowlist.filter(data, [wide]) == []
    # a decoded secret is not in the text: its finding's end counts
    data = ('A' * 30 + ' trufflehog:ignore ' + 'Zm9vYmFyYmF6cXV4\n').encode()
    start = data.index(b'Zm9v')
    decoded = Finding(path='s.yaml', line=1, column=1, rule_id='r', description='d', secret='foobarbazqux',
                      start=start, end=start + 16)
    assert allowlist.filter(data, [decoded]) == [decoded]


def test_a_key_body_after_text_on_its_line_or_after_a_blank_line_is_its_own() -> None:
    """Only a key body that starts its line, right under the BEGIN line, takes the BEGIN line's pragma."""
    body = 'MIIEow' + fakes.rand(fakes.ALNUM, 58, 'body-edge')
    allowlist = config_from_table({}, '(test)', None).allowlist
    for text in (f'-----BEGIN RSA PRIVATE KEY----- # leakstop: allow\nk = {body}\n-----END RSA PRIVATE KEY-----\n',
                 f'-----BEGIN RSA PRIVATE KEY----- # leakstop: allow\n\n{body}\n-----END RSA PRIVATE KEY-----\n'):
        data = text.encode()
        start = data.index(b'MIIEow')
        f = Finding(path='k.pem', line=2, column=1, rule_id='pem-private-key', description='d', secret=body,
                    start=start, end=start + len(body) + 1)
        assert allowlist.filter(data, [f]) == [f], text
    data = f'{body}\n-----END RSA PRIVATE KEY----- # leakstop: allow\n'.encode()  # at the file's start
    f = Finding(path='k.pem', line=1, column=1, rule_id='pem-private-key', description='d', secret=body,
                start=0, end=len(body) + 1)
    assert allowlist.filter(data, [f]) == []


def test_rule_enabled_by_disable_and_enable_only() -> None:
    only = config_from_table({'enable_only': ['github-pat-classic', 'slack-bot-token'], 'disable': ['slack-bot-token']},
                             '(test)', None).allowlist
    assert [r for r in ('github-pat-classic', 'slack-bot-token', 'aws-access-key-id') if only.rule_enabled(r)] == [
        'github-pat-classic']
    assert only.rule_allowed(_finding('aws-access-key-id', RANDOM))  # a rule that does not run lets it pass
    assert not only.rule_allowed(_finding('github-pat-classic', RANDOM))
    every = config_from_table({}, '(test)', None).allowlist
    assert every.rule_enabled('aws-access-key-id') and every.rule_enabled('anything')


def test_a_pragma_on_a_key_bodys_end_line_at_the_end_of_the_file() -> None:
    body = 'MIIEow' + fakes.rand(fakes.ALNUM, 58, 'body-last')
    data = f'-----BEGIN RSA PRIVATE KEY-----\n{body}\n-----END RSA PRIVATE KEY-----  # leakstop: allow'.encode()
    start = data.index(b'MIIEow')
    f = Finding(path='k.pem', line=2, column=1, rule_id='pem-private-key', description='d', secret=body,
                start=start, end=start + len(body) + 1)
    assert config_from_table({}, '(test)', None).allowlist.filter(data, [f]) == []


@pytest.mark.parametrize('text', [
    'a = "{0}"  # leakstop: allow\n# leakstop: allow-next-line\nb = "{1}"\nc = "{0}"  # leakstop: allow\n',
    'a = "{0}"  # trufflehog:ignore\nb = "{1}"  # leakstop: allow\n# leakstop: allow-next-line\nc = "{0}"\n',
    'a = "{0}"\n# leakstop: allow-next-line\nb = "{1}"\nc = "{0}"  # trufflehog:ignore\n',
])
def test_each_finding_is_judged_after_one_a_pragma_let_pass_or_one_on_the_first_line(text: str) -> None:
    other = fakes.github(seed='allowlist-other')
    data = text.format(TOKEN, other).encode()
    findings = [_at(data, TOKEN), _at(data, other), _at(data, TOKEN, nth=1)]
    kept = config_from_table({}, '(test)', None).allowlist.filter(data, findings)
    assert kept == ([findings[0]] if text.startswith('a = "{0}"\n') else [])

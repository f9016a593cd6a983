"""Fuzzing: hostile bytes never crash the engine or a parser; planted secrets survive random text.

Hypothesis with a small budget in the default run; for a long run:

    LEAKSTOP_FUZZ_EXAMPLES=100000 .venv/bin/pytest tests/test_fuzz.py -x

Parsers may only raise ``FatalError`` (exit 2 with one line), never another exception.
"""
from __future__ import annotations

import base64
import json
import os
import random
import signal
from typing import Any, Callable

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import fakes
from leakstop import baseline, config, dotenv, engine
from leakstop.errors import FatalError

EXAMPLES = int(os.environ.get('LEAKSTOP_FUZZ_EXAMPLES', '60'))
SETTINGS = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck))
# rules whose Python regex backtracks exponentially on mutated examples (tests/test_redos.py, xfail)
KNOWN_SLOW: frozenset[str] = frozenset()  # none since private-key-pem-string-lines was fixed
HANG_GUARD = 20  # seconds: a scan of a few KiB that takes this long is a hang, reported as a failure


class Hang(Exception):
    pass


def _bounded(fn: Callable[[], Any]) -> Any:
    """``fn()``, failing instead of hanging forever (SIGALRM also interrupts a running regex)."""
    def alarm(*_: object) -> None:
        raise Hang(f'did not finish in {HANG_GUARD} s')
    old = signal.signal(signal.SIGALRM, alarm)
    signal.alarm(HANG_GUARD)
    try:
        return fn()
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)


def check_findings(data: bytes, findings: list[engine.Finding]) -> None:
    for f in findings:
        assert 0 <= f.start < f.end <= len(data)
        assert f.secret == data[f.start:f.end].decode('utf-8', 'replace')
        assert f.line == data.count(b'\n', 0, f.start) + 1
        assert f.column >= 1


# -- the engine ------------------------------------------------------------------------------

@SETTINGS
@given(st.binary(max_size=4096))
@example(b'\xef\xbb\xbf\x00\r\r\n\xff')
def test_engine_never_crashes_on_bytes(ruleset: engine.RuleSet, data: bytes) -> None:
    check_findings(data, _bounded(lambda: engine.scan_bytes(data, ruleset, 'f.txt')))


def _b64url(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).rstrip(b'=').decode()


def test_jwt_nested_past_the_recursion_limit_is_not_a_crash(ruleset: engine.RuleSet) -> None:
    # json.loads raised RecursionError inside the jwt validator: a traceback instead of a scan
    header = _b64url(b'{"alg":' + b'[' * 1400)
    data = f'token = "{header}.{_b64url(b"{}")}.abcdefghijklmnopqrstu"\n'.encode()
    assert engine.scan_bytes(data, ruleset, 'a.py') == []


def _mutations(draw: Callable[..., Any], data: bytes) -> bytes:
    buf = bytearray(data)
    for _ in range(draw(st.integers(0, 6))):
        if not buf:
            break
        i = draw(st.integers(0, len(buf) - 1))
        op = draw(st.integers(0, 4))
        if op == 0:
            buf[i] = draw(st.integers(0, 255))
        elif op == 1:
            del buf[i:i + draw(st.integers(1, 20))]
        elif op == 2:
            buf[i:i] = buf[i:i + draw(st.integers(1, 40))] * draw(st.integers(1, 20))
        elif op == 3:
            buf[i:i] = bytes([draw(st.sampled_from(b'\x00\r\n"\'\\ =:\xff\xc3'))])
        else:
            del buf[i:]
    return bytes(buf)


@pytest.fixture(scope='module')
def rule_examples(ruleset: engine.RuleSet) -> list[bytes]:
    return [e.encode() for r in ruleset.rules if r.id not in KNOWN_SLOW for e in r.examples + r.negatives]


@SETTINGS
@given(st.data())
def test_engine_never_crashes_on_mutated_rule_examples(
        ruleset: engine.RuleSet, rule_examples: list[bytes], data: st.DataObject,
) -> None:
    """The input that found the exponential backtracking of private-key-pem-string-lines."""
    parts = data.draw(st.lists(st.sampled_from(rule_examples), min_size=1, max_size=3))
    mutated = _mutations(data.draw, b'\n'.join(parts))
    path = data.draw(st.sampled_from(['a.py', 'main.tf', '.env', 'key.pem', 'x.yaml', '']))
    check_findings(mutated, _bounded(lambda: engine.scan_bytes(mutated, ruleset, path)))


PLANTED = {
    'aws': f'aws_access_key_id = "{fakes.aws_key_id(seed="fuzz")}"',
    'github': f'GITHUB_TOKEN={fakes.github("ghp", seed="fuzz")}',
    'slack': f'slack: {fakes.slack(seed="fuzz")}',
    'pem': fakes.pem_private_key(seed='fuzz').rstrip('\n'),
    'jwt': f'Authorization: Bearer {fakes.jwt(seed="fuzz")}',
}


@pytest.fixture(scope='module')
def planted_alone(ruleset: engine.RuleSet) -> dict[str, set[tuple[str, int, int, str]]]:
    out = {}
    for name, line in PLANTED.items():
        found = {(f.rule_id, f.line, f.column, f.secret) for f in engine.scan_bytes(line.encode(), ruleset, 'a.txt')}
        assert found, name
        out[name] = found
    return out


@SETTINGS
@given(which=st.sampled_from(sorted(PLANTED)), before=st.text(max_size=400), after=st.text(max_size=400))
@example(which='pem', before='\x00' * 10, after='\r\n-----END RSA PRIVATE KEY-----')
def test_planted_secret_survives_random_text_around_it(
        ruleset: engine.RuleSet, planted_alone: dict[str, set[tuple[str, int, int, str]]],
        which: str, before: str, after: str,
) -> None:
    data = f'{before}\n{PLANTED[which]}\n{after}'.encode('utf-8', 'surrogatepass')
    shift = before.count('\n') + 1
    found = {(f.rule_id, f.line, f.column, f.secret) for f in engine.scan_bytes(data, ruleset, 'a.txt')}
    expected = {(rule, line + shift, column, secret) for rule, line, column, secret in planted_alone[which]}
    assert expected <= found


# -- the dotenv parser -----------------------------------------------------------------------

@SETTINGS
@given(st.text(alphabet=st.sampled_from('AB_=#"\'\\ \t\r\nexport$x1é'), max_size=300) | st.text(max_size=300))
def test_dotenv_parse_never_raises(text: str) -> None:
    doc = dotenv.parse(text)
    lines = text.count('\n') + 1
    for e in doc.entries:
        assert 1 <= e.line <= e.end_line <= lines
    for p in doc.problems:
        assert 1 <= p.line <= lines


@SETTINGS
@given(st.binary(max_size=1000))
def test_dotenv_parse_bytes_never_raises(data: bytes) -> None:
    dotenv.parse_bytes(data)


# -- the baseline loader ---------------------------------------------------------------------

BASELINE_KEYS = ['version', 'findings', 'results', 'path', 'rule', 'fingerprint', 'line', 'status',
                 'hashed_secret', 'is_secret', 'type']
json_scalars = st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20) | st.sampled_from(
    [1, 'unreviewed', 'false-positive', 'a.py', 'aws-access-key-id', '0' * 64, 'f' * 40])
json_values = st.recursive(
    json_scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.sampled_from(BASELINE_KEYS) | st.text(max_size=8), inner, max_size=5),
    max_leaves=25,
)


def only_fatal(fn: Callable[[], Any]) -> None:
    try:
        fn()
    except FatalError as e:
        assert '\n' not in str(e)


@SETTINGS
@given(json_values)
@example({'results': {'a.py': [{'hashed_secret': []}]}})  # was: TypeError unhashable type: 'list'
@example({'version': 1, 'findings': [{'path': 'a', 'rule': 'r', 'fingerprint': '0' * 64, 'status': {}}]})
def test_baseline_parse_json_only_fatal(doc: object) -> None:
    only_fatal(lambda: baseline.parse(json.dumps(doc), 'b.json'))


@pytest.mark.parametrize('text', [
    '[' * 100_000,  # was: RecursionError
    '{"version": 1, "findings": ' + '[' * 5000 + ']' * 5000 + '}',
    '{"version": ' + '9' * 5000 + '}',
    '', 'null', '"x"', 'NaN', '{"version": 1}', '{"results": []}',
])
def test_baseline_parse_hostile_json_only_fatal(text: str) -> None:
    only_fatal(lambda: baseline.parse(text, 'b.json'))


@SETTINGS
@given(st.binary(max_size=500))
def test_baseline_load_bytes_only_fatal(tmp_path_factory: pytest.TempPathFactory, data: bytes) -> None:
    path = tmp_path_factory.mktemp('bl') / 'b.json'
    path.write_bytes(data)
    only_fatal(lambda: baseline.load(str(path)))


# -- the config loader -----------------------------------------------------------------------

CONFIG_KEYS = ['baseline', 'disable', 'max_file_size', 'allowlist', 'rules', 'paths', 'values', 'stopwords',
               'id', 'description', 'pattern', 'secret_group', 'keywords', 'min_entropy', 'validator',
               'max_length', 'severity', 'tags', 'allow', 'examples', 'negatives', 'generic-password', 'kind', 'shape',
               'window', 'provider', 'revoke']
toml_scalars = st.booleans() | st.integers() | st.floats() | st.text(max_size=12) | st.sampled_from([
    '[z-a]', '[!]', '(?P<secret>a)', '(?P<secret>a{99999999999})', '(' * 300 + ')' * 300, '**/x', 'high',
    'jwt', 'my-rule', '(?P<secret>(?:a|aa)+)', 0, -1, 1 << 40, float('nan'), float('inf'), 'context', 'pattern',
    '[a-f0-9]{32}', '(?i)[a-f]{8}', 'a{1,999999}', '[a-f]{0,4}',
])
toml_values = st.recursive(
    toml_scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.sampled_from(CONFIG_KEYS) | st.text(max_size=6), inner, max_size=6),
    max_leaves=30,
)


@SETTINGS
@given(st.dictionaries(st.sampled_from(CONFIG_KEYS), toml_values, max_size=5))
@example({'allowlist': {'paths': ['[z-a]']}})  # was: re.error
@example({'allowlist': {'rules': {'x': {'paths': ['[!]']}}}})
@example({'allowlist': {'values': ['(' * 2000 + ')' * 2000]}})  # was: RecursionError
@example({'rules': [{'id': 'x', 'description': 'd', 'pattern': '(?P<secret>a{99999999999})'}]})  # was: OverflowError
@example({'rules': [{'id': 'x', 'description': 'd', 'pattern': '(?P<secret>a)', 'paths': ['[z-a]']}]})  # was: re.error mid-scan
@example({'rules': [{'id': 'x', 'description': 'd', 'kind': 'context', 'keywords': ['k'], 'shape': '(?i)[a-f]{8}'}]})
@example({'rules': [{'id': 'x', 'description': 'd', 'kind': 'context', 'keywords': ['k'], 'shape': 'a{1,999999}'}]})
@example({'rules': [{'id': 'x', 'description': 'd', 'kind': 'context', 'keywords': ['k'], 'shape': '(' * 300 + 'a' + ')' * 300}]})
def test_config_from_table_only_fatal(table: dict[str, Any]) -> None:
    only_fatal(lambda: config.config_from_table(table, 'w', None))


TOML_FRAGMENTS = [
    b'[tool.leakstop]\n', b'[allowlist]\n', b'[[rules]]\n', b'tool = 1\n', b'[tool]\nleakstop = 3\n',
    b'paths = ["[z-a]"]\n', b'values = ["("]\n', b'a = ' + b'[' * 3000 + b']' * 3000 + b'\n',
    b'disable = ["x"]\n', b'max_file_size = -1\n', b'baseline = 1\n', b'id = "x"\ndescription = "d"\npattern = "(?P<secret>a)"\n',
    b'# leakstop\n', b'x = "\xff"\n', b'\x00', b'\xef\xbb\xbf', b'[allowlist.rules.x]\n', b'rules = 5\n',
]


@SETTINGS
@given(name=st.sampled_from(['.leakstop.toml', 'pyproject.toml', 'custom.toml']),
       data=st.lists(st.sampled_from(TOML_FRAGMENTS), max_size=6).map(b''.join) | st.binary(max_size=300),
       explicit=st.booleans())
@example(name='pyproject.toml', data=b'tool = 1\n# leakstop\n', explicit=False)  # was: AttributeError
@example(name='pyproject.toml', data=b'[tool]\nleakstop = 3\n', explicit=True)  # was: TypeError
@example(name='.leakstop.toml', data=b'a = ' + b'[' * 3000 + b']' * 3000, explicit=True)  # was: RecursionError
def test_load_config_file_only_fatal(
        tmp_path_factory: pytest.TempPathFactory, name: str, data: bytes, explicit: bool,
) -> None:
    directory = tmp_path_factory.mktemp('cfg')
    (directory / name).write_bytes(data)
    path = str(directory / name)
    if explicit:
        only_fatal(lambda: config.load_config(path))
    else:
        only_fatal(lambda: config.load_config(directory=str(directory)))


def test_random_corpus_round_trip(ruleset: engine.RuleSet) -> None:
    """A fixed-seed sweep of random printable noise with secrets: every planted secret is found once."""
    rng = random.Random(7)
    for n in range(20):
        lines = [''.join(rng.choice(fakes.ALNUM + ' =:"\'{}[],.-_/') for _ in range(rng.randint(0, 120))) for _ in range(50)]
        secret = fakes.github('ghp', seed=('sweep', n))
        at = rng.randrange(len(lines))
        lines[at] = f'token: {secret}'
        found = [f for f in engine.scan_bytes('\n'.join(lines).encode(), ruleset, 'x.yaml') if f.secret == secret]
        assert [(f.rule_id, f.line) for f in found] == [('github-pat-classic', at + 1)]


from __future__ import annotations

import multiprocessing
import os

import pytest

import fakes
from leakstop import cache, engine
from leakstop.errors import FatalError
from leakstop.rules import Rule

AWS = fakes.aws_key_id(seed='engine')
RULE = Rule(
    id='aws-access-key-id', description='AWS access key ID',
    pattern=r'(?<![A-Z0-9])(?P<secret>AKIA[A-Z2-7]{16})(?![A-Z0-9])', max_length=20,
)
PEM_RULE = Rule(
    id='pem', description='PEM private key', max_length=8192,
    pattern=r'(?P<secret>-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]{64,8000}?-----END [A-Z ]*PRIVATE KEY-----)',
)


@pytest.fixture(scope='module')
def rs() -> engine.RuleSet:
    rules = [RULE, PEM_RULE]
    return engine.RuleSet(rules, engine.compile_database(rules))


def positions(data: bytes, rs: engine.RuleSet) -> list[tuple[int, int, str]]:
    return [(f.line, f.column, f.secret) for f in engine.scan_bytes(data, rs, 'f')]


@pytest.mark.parametrize(('data', 'expected'), [
    (f'key = {AWS}\n'.encode(), [(1, 7, AWS)]),
    (f'a\r\nb\r\nkey = "{AWS}"\r\n'.encode(), [(3, 8, AWS)]),
    (f'a\rb = {AWS}'.encode(), [(1, 7, AWS)]),  # classic Mac: one line as far as git is concerned
    (f'no newline at the end {AWS}'.encode(), [(1, 23, AWS)]),
    (b'\xff\xfe\x80 invalid utf-8 \xc3\n' + f'x={AWS}\xff'.encode('latin-1'), [(2, 3, AWS)]),
    (f'é = "{AWS}"'.encode(), [(1, 6, AWS)]),  # columns count characters, not bytes
    (f'{AWS}{AWS}'.encode(), []),  # no boundary between them: not a key id
    (f'{AWS} {AWS}'.encode(), [(1, 1, AWS), (1, 22, AWS)]),
    (b'', []),
])
def test_scan_bytes_positions(data: bytes, expected: list[tuple[int, int, str]], rs: engine.RuleSet) -> None:
    assert positions(data, rs) == expected


def test_five_megabyte_single_line(rs: engine.RuleSet) -> None:
    filler = b'a9Z_' * (5 * 1024 * 1024 // 4)
    data = filler + f' {AWS} '.encode() + filler + f'"{AWS}"'.encode()
    found = positions(data, rs)
    assert [(line, secret) for line, _, secret in found] == [(1, AWS), (1, AWS)]
    assert found[0][1] == len(filler) + 2


def test_multiline_secret_reports_first_line(rs: engine.RuleSet) -> None:
    key = fakes.pem_private_key(seed='engine')
    found = positions(f'# config\n{key}'.encode(), rs)
    assert [(line, secret[:30]) for line, _, secret in found] == [(2, key[:30])]


def test_rejected_pattern_names_the_rule() -> None:
    bad = Rule(id='too-big', description='d', pattern='(?P<secret>a{70000})', source='custom.toml')
    with pytest.raises(FatalError, match=r'custom.toml: too-big: pattern rejected'):
        engine.compile_database([RULE, bad])


def _count_compiles(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    calls: list[int] = []
    real = engine.compile_database

    def counting(rules: list[Rule]) -> object:
        calls.append(len(rules))
        return real(rules)
    monkeypatch.setattr(engine, 'compile_database', counting)
    return calls


def test_warm_start_does_not_compile(tmp_path: object, monkeypatch: pytest.MonkeyPatch) -> None:
    calls = _count_compiles(monkeypatch)
    cache = str(tmp_path)
    first = engine.load_ruleset(['sig'], lambda: [RULE], cache=cache)
    second = engine.load_ruleset(['sig'], lambda: [RULE], cache=cache)
    assert calls == [1]
    assert [f.secret for f in engine.scan_bytes(AWS.encode(), second)] == [AWS]
    assert first.rules == second.rules
    engine.load_ruleset(['other signature'], lambda: [RULE], cache=cache)
    assert calls == [1, 1]


@pytest.mark.parametrize('content', [b'', b'garbage', b'\x80\x04\x95' + b'\0' * 50])
def test_corrupt_cache_is_a_miss(tmp_path: object, monkeypatch: pytest.MonkeyPatch, content: bytes) -> None:
    cache = str(tmp_path)
    engine.load_ruleset(['sig'], lambda: [RULE], cache=cache)
    (path,) = [os.path.join(cache, n) for n in os.listdir(cache)]
    with open(path, 'wb') as f:
        f.write(content)
    calls = _count_compiles(monkeypatch)
    rs = engine.load_ruleset(['sig'], lambda: [RULE], cache=cache)
    assert calls == [1]
    assert [f.secret for f in engine.scan_bytes(AWS.encode(), rs)] == [AWS]


def test_unwritable_cache_runs_uncached(tmp_path: object) -> None:
    blocker = os.path.join(str(tmp_path), 'file')
    with open(blocker, 'w'):
        pass
    rs = engine.load_ruleset(['sig'], lambda: [RULE], cache=os.path.join(blocker, 'leakstop'))
    assert [f.secret for f in engine.scan_bytes(AWS.encode(), rs)] == [AWS]


def test_cache_dir_respects_xdg(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv('XDG_CACHE_HOME', '/somewhere')
    assert cache.cache_dir() == '/somewhere/leakstop'
    monkeypatch.delenv('XDG_CACHE_HOME')
    monkeypatch.setenv('HOME', '/home/u')
    assert cache.cache_dir() == '/home/u/.cache/leakstop'


def _build_and_scan(cache: str) -> list[str]:
    rs = engine.load_ruleset(['concurrent'], lambda: [RULE, PEM_RULE], cache=cache)
    return [f.secret for f in engine.scan_bytes(AWS.encode(), rs)]


def test_concurrent_processes_share_the_cache(tmp_path: object) -> None:
    ctx = multiprocessing.get_context('spawn')
    with ctx.Pool(4) as pool:
        results = pool.map(_build_and_scan, [str(tmp_path)] * 8)
    assert results == [[AWS]] * 8
    assert [n for n in os.listdir(str(tmp_path)) if n.startswith('.tmp-')] == []
    assert len(os.listdir(str(tmp_path))) == 1


def test_fingerprint_depends_on_rule_and_secret_only() -> None:
    a = engine.Finding('a.py', 1, 1, 'r', 'd', 'secret-value')
    b = engine.Finding('b.py', 9, 4, 'r', 'd', 'secret-value')
    c = engine.Finding('a.py', 1, 1, 'r', 'd', 'secret-valuf')
    assert a.fingerprint == b.fingerprint != c.fingerprint
    assert 'secret-value' not in a.fingerprint


@pytest.mark.parametrize(('pattern', 'expected'), [
    (r'a{64,8000}b', 'a{64,}b'),
    (r'a{64,8000}?b', 'a{64,}?b'),
    (r'a{20,64}', 'a{20,}'),
    (r'a{20,36}', 'a{20,36}'),
    (r'a{36}', 'a{36}'),
    (r'(?:ab{1,128}\n){1,160}', r'(?:ab{1,}\n){1,}'),
    (r'[{]{1,9999}', '[{]{1,}'),
    (r'[a{1,9999}]', '[a{1,9999}]'),  # inside a class: literal characters
    (r'\{1,9999}', r'\{1,9999}'),
    (r'[]{1,9999}]x', r'[]{1,9999}]x'),
    (r'[^]{1,9999}]x', r'[^]{1,9999}]x'),
])
def test_prefilter_pattern_widens_only_large_repeats(pattern: str, expected: str) -> None:
    assert engine.prefilter_pattern(pattern) == expected


def test_huge_file_is_scanned_in_chunks_without_losing_a_boundary_secret(tmp_path: object, default_config: object) -> None:
    from leakstop.scan import scan_path
    rs = engine.RuleSet([RULE, PEM_RULE], engine.compile_database([RULE, PEM_RULE]))
    chunk = 4096
    key = fakes.pem_private_key(seed='chunk')
    for shift in range(-30, 30, 7):  # the secret straddles the first chunk boundary at every offset
        head = b'x' * (chunk + shift - 3) + b'\n'
        data = head + f'k={AWS}\n'.encode() + b'y ' * 3000 + b'\n' + key.encode() + b'z' * 9000 + f' {AWS}'.encode()
        path = os.path.join(str(tmp_path), f'big{shift}.txt')
        with open(path, 'wb') as f:
            f.write(data)
        whole = engine.scan_bytes(data, rs, path)
        chunked = scan_path(path, ruleset=rs, config=default_config, chunk_size=chunk).findings  # type: ignore[arg-type]
        assert [(f.line, f.column, f.secret, f.start) for f in chunked] == [(f.line, f.column, f.secret, f.start) for f in whole]
        assert len(whole) == 3


def test_generic_rule_yields_to_a_vendor_rule_on_the_same_secret() -> None:
    generic = Rule(id='generic-key', description='g', tags=('generic',),
                   pattern=r'''KEY = "(?P<secret>[A-Z0-9]{8,40})"''')
    rules = [RULE, generic]
    rs = engine.RuleSet(rules, engine.compile_database(rules))
    found = engine.scan_bytes(f'KEY = "{AWS}"\nKEY = "ABCDEFGH12345678"\n'.encode(), rs)
    assert [(f.rule_id, f.line) for f in found] == [('aws-access-key-id', 1), ('generic-key', 2)]

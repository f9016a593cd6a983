"""The warm-start cache holds data, never code, and trusts only the user's own private files."""
from __future__ import annotations

import os
import pickle
import re
import stat

import pytest

from leakstop import cache
from leakstop.rules import FileRules, NameRule, Rule, load_file_rules


class Planted:
    """Unpickling this runs a command (what a planted pickle entry could do)."""

    def __init__(self, marker: str) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple[object, tuple[str]]:
        return (os.system, (f'touch {self.marker}',))


def _computed(value: object) -> tuple[list[int], object]:
    calls: list[int] = []

    def compute() -> object:
        calls.append(1)
        return value
    return calls, compute


def test_a_planted_pickle_entry_runs_nothing(tmp_path: object) -> None:
    directory = os.path.join(str(tmp_path), 'leakstop')
    os.makedirs(directory, mode=0o700)
    marker = os.path.join(str(tmp_path), 'ran')
    signature = ('x', 1)
    filename = cache._key('rules', signature)
    with open(os.path.join(directory, filename), 'wb') as f:
        f.write(pickle.dumps(Planted(marker)))
    os.chmod(os.path.join(directory, filename), 0o600)
    calls, compute = _computed(['fresh'])
    assert cache.cached('rules', signature, compute, valid=lambda v: True, directory=directory) == ['fresh']
    assert calls == [1]
    assert not os.path.exists(marker)
    # and nothing leakstop writes is a pickle
    with open(os.path.join(directory, filename), 'rb') as f:
        data = f.read()
    assert data.startswith(cache.MAGIC)
    with pytest.raises(Exception):
        pickle.loads(data)


def test_entries_hold_rules_bytes_and_toml_values() -> None:
    rule = Rule(id='acme-key', description='Acme', pattern='acme_[a-z]{8}', keywords=('acme_',), min_entropy=2.5,
                examples=('acme_abcdefgh',), validator=None)
    value = ([rule, Rule(id='b', description='B', pattern='b', tags=('t',))], b'\x00\xffdatabase')
    assert cache.loads(cache.dumps(value)) == value
    back = cache.loads(cache.dumps(value))
    assert isinstance(back, tuple) and isinstance(back[0], list) and isinstance(back[0][0].keywords, tuple)
    doc = {'a': [1, 2.5, True, None, 'x'], 'm': {'m': 1, 't': [{'b': 0}]}, 'n': float('inf')}
    assert cache.loads(cache.dumps(doc)) == doc


def test_file_rules_round_trip_with_their_regexes() -> None:
    rules = load_file_rules()
    back = cache.loads(cache.dumps(rules))
    assert isinstance(back, FileRules) and back == rules
    assert all(isinstance(r, NameRule) for r in back.names)
    by_id = {r.id: r for r in back.names}
    for original in rules.names:
        for path in original.path_examples:
            assert by_id[original.id].matches(path), (original.id, path)


@pytest.mark.parametrize('value', [object(), {1: 'x'}, {'a': re.compile(b'bytes pattern')}])
def test_what_the_format_cannot_hold_is_not_cached(tmp_path: object, value: object) -> None:
    directory = os.path.join(str(tmp_path), 'leakstop')
    calls, compute = _computed(value)
    cache.cached('x', (), compute, valid=lambda v: True, directory=directory)
    cache.cached('x', (), compute, valid=lambda v: True, directory=directory)
    assert calls == [1, 1]
    assert [n for n in os.listdir(directory) if not n.startswith('.')] == [] if os.path.isdir(directory) else True


@pytest.mark.parametrize('data', [
    cache.MAGIC + b'[5]\n{"d":"os.system","f":{}}',  # not a record type
    cache.MAGIC + b'[27]\n{"R":"Popen","k":[],"c":"","rows":[],"one":true}'[:40],
    cache.MAGIC + b'[2]\n{}',
    b'\x80\x04K\x01.',  # a pickle
])
def test_anything_but_a_well_formed_entry_is_a_miss(tmp_path: object, data: bytes) -> None:
    directory = os.path.join(str(tmp_path), 'leakstop')
    os.makedirs(directory, mode=0o700)
    path = os.path.join(directory, cache._key('x', ()))
    with open(path, 'wb') as f:
        f.write(data)
    assert cache.read(directory, cache._key('x', ())) is None


def test_the_directory_is_private_whatever_the_umask(tmp_path: object) -> None:
    directory = os.path.join(str(tmp_path), 'cache', 'leakstop')
    old = os.umask(0)
    try:
        cache.cached('x', (), lambda: b'v', valid=lambda v: True, directory=directory)
    finally:
        os.umask(old)
    assert stat.S_IMODE(os.stat(directory).st_mode) == 0o700
    (entry,) = os.listdir(directory)
    assert stat.S_IMODE(os.stat(os.path.join(directory, entry)).st_mode) == 0o600


def _warm(directory: str) -> str:
    cache.cached('x', (), lambda: b'cached', valid=lambda v: True, directory=directory)
    (entry,) = os.listdir(directory)
    return os.path.join(directory, entry)


def _hit(directory: str) -> bool:
    calls, compute = _computed(b'fresh')
    return cache.cached('x', (), compute, valid=lambda v: True, directory=directory) == b'cached' and not calls


def test_an_entry_writable_by_others_is_ignored(tmp_path: object) -> None:
    directory = os.path.join(str(tmp_path), 'leakstop')
    entry = _warm(directory)
    assert _hit(directory)
    os.chmod(entry, 0o666)
    assert not _hit(directory)


def test_a_directory_writable_by_others_is_ignored(tmp_path: object) -> None:
    directory = os.path.join(str(tmp_path), 'leakstop')
    _warm(directory)
    os.chmod(directory, 0o777)
    assert not _hit(directory)
    assert sorted(os.listdir(directory)) and not _hit(directory)  # and nothing is written there either


def test_a_directory_or_entry_of_another_user_is_ignored(tmp_path: object, monkeypatch: pytest.MonkeyPatch) -> None:
    directory = os.path.join(str(tmp_path), 'leakstop')
    _warm(directory)
    assert _hit(directory)
    monkeypatch.setattr(os, 'geteuid', lambda: os.stat(directory).st_uid + 1)
    assert not _hit(directory)


def test_a_symlinked_or_special_entry_is_ignored(tmp_path: object) -> None:
    directory = os.path.join(str(tmp_path), 'leakstop')
    entry = _warm(directory)
    real = os.path.join(str(tmp_path), 'elsewhere')
    os.replace(entry, real)
    os.symlink(real, entry)
    assert not _hit(directory)
    os.remove(entry)
    os.mkfifo(entry, 0o600)
    assert not _hit(directory)  # and does not block


def test_without_unix_owners_the_cache_still_works(tmp_path: object, monkeypatch: pytest.MonkeyPatch) -> None:
    """Windows has no geteuid, and stat reports writable files as 0o666: the cache must not be
    refused there (every hook would compile its rules on every start)."""
    directory = os.path.join(str(tmp_path), 'leakstop')
    entry = _warm(directory)
    os.chmod(entry, 0o666)
    monkeypatch.delattr(os, 'geteuid')
    assert _hit(directory)


def test_old_entries_of_a_name_are_pruned_after_a_write(tmp_path: object) -> None:
    """Each new signature writes an entry; beyond the newest ``KEEP`` per name the oldest go, other
    names' entries and fresh temporary files stay, and an old leftover temporary file goes."""
    import time
    directory = str(tmp_path)
    for i in range(cache.KEEP + 5):
        cache.cached('rules', [i], lambda i=i: i, valid=lambda v: isinstance(v, int), directory=directory)
        os.utime(os.path.join(directory, cache._key('rules', [i])), (1_000_000 + i, 1_000_000 + i))
    cache.cached('config', ['x'], lambda: 'c', valid=lambda v: isinstance(v, str), directory=directory)
    fresh, old = os.path.join(directory, '.tmp-fresh'), os.path.join(directory, '.tmp-old')
    for path in (fresh, old):
        open(path, 'wb').close()
    os.utime(old, (time.time() - 7200, time.time() - 7200))
    cache.cached('rules', ['new'], lambda: -1, valid=lambda v: isinstance(v, int), directory=directory)
    names = sorted(os.listdir(directory))
    rules = [n for n in names if n.startswith('rules-')]
    assert len(rules) == cache.KEEP
    assert cache._key('rules', ['new']) in rules and cache._key('rules', [cache.KEEP + 4]) in rules
    assert cache._key('rules', [0]) not in rules  # the oldest went
    assert cache._key('config', ['x']) in names and '.tmp-fresh' in names and '.tmp-old' not in names
    assert cache.cached('rules', [cache.KEEP + 4], lambda: -2, valid=lambda v: isinstance(v, int), directory=directory) == cache.KEEP + 4


@pytest.mark.parametrize(('xdg', 'home', 'expected'), [
    ('/var/cache/u', '/home/u', '/var/cache/u/leakstop'),
    ('', '/home/u', '/home/u/.cache/leakstop'),
    # tenth hostile review, break 16: a relative XDG_CACHE_HOME (or HOME) put the cache in the work tree the
    # hook was checking (`.cache/leakstop/…`, committed by `git add .`); the spec says to ignore it
    ('.cache', '/home/u', '/home/u/.cache/leakstop'),
    ('cache/../x', '/home/u', '/home/u/.cache/leakstop'),
    ('.cache', '.', None),
    ('', 'home', None),
])
def test_the_cache_is_never_relative_to_the_current_directory(
        monkeypatch: pytest.MonkeyPatch, xdg: str, home: str, expected: str | None) -> None:
    monkeypatch.setenv('XDG_CACHE_HOME', xdg)
    monkeypatch.setenv('HOME', home)
    assert cache.cache_dir() == expected


# --- compiled patterns' code kept between runs (leakstop.regex.compile) ----------------------------

_KEPT_CASES = [
    (r'(?P<key>[A-Za-z_]\w{0,40})\s*=\s*(?P<value>"[^"]*")', 0, ['token = "abc"', 'x=1', 'a_b  =  "" rest']),
    (rb'(?i)(?<![\w.-])(?:redis-cli)[^\n]{0,20}?[ \t]-a[ \t]+(?P<pw>\S+)', 0, [b'REDIS-CLI -h x -a s3cret', b'redis -a x']),
    (r'\A(?:(?P<after>.+?)(?:~|\.bak)|(?P<inserted>.+?) copy(?P<ext>\.[^.]+)?)\Z', re.IGNORECASE | re.DOTALL,
     ['.env~', 'Credentials copy.JSON', 'plain']),
    (r'(a)(b)?(?:c|d)+\1', re.MULTILINE, ['abcda', 'acca\nabdda', 'x']),
    (rb'[^\x00-\x1f]{3,}\Z', 0, [b'\x01abc', b'ab']),
]


def _behaviour(rx: re.Pattern, samples: list) -> list:
    return [(rx.pattern, rx.flags, rx.groups, dict(rx.groupindex), rx.findall(s), [m.span() for m in rx.finditer(s)],
             [m.groupdict() for m in rx.finditer(s)]) for s in samples]


@pytest.fixture
def kept_regex(tmp_path: object, monkeypatch: pytest.MonkeyPatch) -> object:
    """leakstop.regex with a fresh memory and its own cache directory (as a new process would have)."""
    from leakstop import regex
    monkeypatch.setenv('XDG_CACHE_HOME', str(tmp_path))
    monkeypatch.setattr(regex, '_known', None)
    monkeypatch.setattr(regex, '_new', [])
    monkeypatch.setattr(regex, '_state', {})
    monkeypatch.setattr('atexit.register', lambda f: None)  # saved by the test, not at the pytest process's exit
    return regex


def _new_process(regex: object, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(regex, '_known', None)
    monkeypatch.setattr(regex, '_new', [])
    monkeypatch.setattr(regex, '_state', {})


@pytest.mark.parametrize('pattern, flags, samples', _KEPT_CASES)
def test_a_pattern_built_from_its_kept_code_behaves_as_re_compiles_it(
        kept_regex: object, monkeypatch: pytest.MonkeyPatch, pattern: object, flags: int, samples: list) -> None:
    regex = kept_regex
    built: list[object] = []
    real_build = regex._build
    monkeypatch.setattr(regex, '_build', lambda p, hit: built.append(p) or real_build(p, hit))
    first = regex.compile(pattern, flags)  # a miss: compiled by re, its code noted
    assert not built and len(regex._new) == 1
    regex._save()
    entries = [n for n in os.listdir(os.path.join(regex._state['directory'])) if n.startswith('regex-')]
    assert len(entries) == 1
    _new_process(regex, monkeypatch)
    second = regex.compile(pattern, flags)  # the next process: built from the kept code
    assert built == [pattern] and not regex._new
    assert second is not first and _behaviour(second, samples) == _behaviour(re.compile(pattern, flags), samples)


def test_kept_code_this_interpreter_refuses_falls_back_to_re(kept_regex: object, monkeypatch: pytest.MonkeyPatch) -> None:
    regex = kept_regex
    pattern = r'(?P<word>[a-z]+)=(\d+)'
    regex.compile(pattern)
    regex._save()
    _new_process(regex, monkeypatch)
    known = regex._load()
    final_flags, code, groups, groupindex = known[(pattern, 0)]
    from array import array
    broken = array(regex._CODE_TYPE, code)
    broken[len(broken) // 2] = 0xFFFF  # not an opcode: SRE's validation refuses it
    known[(pattern, 0)] = (final_flags, broken.tobytes(), groups, groupindex)
    with pytest.raises(RuntimeError):
        regex._build(pattern, known[(pattern, 0)])
    rx = regex.compile(pattern)
    assert rx.fullmatch('ab=12').group('word') == 'ab' and rx.groups == 2


@pytest.mark.parametrize('damage', [b'', b'leakstop-cache\n[5]\nxxxxx', b'\x00' * 64])
def test_a_damaged_kept_code_entry_is_a_miss(kept_regex: object, monkeypatch: pytest.MonkeyPatch, damage: bytes) -> None:
    regex = kept_regex
    regex.compile(r'\d+')
    regex._save()
    directory = regex._state['directory']
    [entry] = [n for n in os.listdir(directory) if n.startswith('regex-')]
    with open(os.path.join(directory, entry), 'wb') as f:
        f.write(damage)
    _new_process(regex, monkeypatch)
    assert regex.compile(r'\d+').findall('a12b3') == ['12', '3'] and len(regex._new) == 1


def test_only_leakstops_own_patterns_are_kept(tmp_path: object) -> None:
    """A configured rule's pattern and an allowlist regex are the user's: the kept-code entry never holds them
    (a run of the CLI in a process of its own, its exit writing the entry)."""
    import subprocess
    import sys
    repo = tmp_path / 'repo'
    repo.mkdir()
    (repo / 'pyproject.toml').write_text(
        '[tool.leakstop]\n'
        '[[tool.leakstop.rules]]\nid = "house-token"\ndescription = "ours"\npattern = \'(?P<secret>hq_[a-z0-9]{20}zq)\'\n'
        '[tool.leakstop.allowlist]\nvalues = [\'^hq_[a-z]{3}xallowedq\']\n')
    (repo / 'a.py').write_text('x = "hq_k3v9x2m7q1w8r4t6y0u5zq"\npassword = "Vq7!kWz2#Lp9"\n')
    env = dict(os.environ, XDG_CACHE_HOME=str(tmp_path / 'cache'))
    run = subprocess.run([sys.executable, '-m', 'leakstop.cli', 'scan', 'a.py'], cwd=repo, env=env, capture_output=True, text=True)
    assert run.returncode == 1 and 'house-token' in run.stdout, run.stdout + run.stderr
    directory = tmp_path / 'cache' / 'leakstop'
    [entry] = [p for p in directory.iterdir() if p.name.startswith('regex-')]
    patterns = [row[0] for row in cache.read(str(directory), entry.name)]
    assert patterns and not any(b'hq_' in (p if isinstance(p, bytes) else p.encode()) for p in patterns)


@pytest.mark.parametrize('row', [
    ['\\d+', 0, 32, b'\x00' * 8, 1, [['x', float('inf')]]],  # a group number JSON allows (Infinity)
    ['\\d+', 0, 32, b'\x00' * 8, 2 ** 63, []],  # a group count no list holds
    ['\\d+', 0, 32, b'\x00' * 8, 10 ** 6, []],  # one that would make every match allocate a million slots
    ['\\d+', 0, 32, b'\x00' * 8, 1, [['x', 5]]],  # a group number beyond the count
    ['\\d+', 0, 32, 'not bytes', 0, []],
])
def test_a_planted_or_damaged_kept_code_row_is_a_miss(kept_regex: object, monkeypatch: pytest.MonkeyPatch, row: list) -> None:
    """A row of the entry that no compile could have written is skipped, not a traceback (twenty-sixth hostile
    review, 01: Infinity or 2**63 as a group ended every run in OverflowError, exit 1)."""
    regex = kept_regex
    regex.compile(r'\d+')  # (the entry's name and directory)
    directory, filename = regex._state['directory'], regex._state['filename']
    cache.write(directory, filename, [row])
    _new_process(regex, monkeypatch)
    assert regex.compile(r'\d+').findall('a12b3') == ['12', '3'] and (r'\d+', 0) not in regex._known

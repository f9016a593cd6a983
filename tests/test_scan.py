"""Large files are scanned in overlapping windows: the result is the whole file's, whatever the cuts."""
from __future__ import annotations

import pytest

import fakes
from leakstop.config import Config
from leakstop.engine import CONTEXT, RuleSet, load_ruleset
from leakstop.rules import load_rules
from leakstop.scan import GENERIC_REACH, scan_blob

GH = fakes.github('ghp', seed='windows')
# a multi-line match whose secret starts on its second line (the rule's first example)
ED25519 = next(r for r in load_rules() if r.id == 'private-key-pkcs8-curve25519').examples[0]
SECRETS = {
    'token': f'export GITHUB_TOKEN="{GH}"\n',
    'token-in-a-line': f' gh="{GH}" ',  # inside a long line of multi-byte text: columns across windows
    'generic': 'db_password = "Tr0ub4dor&3xQ9zz"\n',  # leakstop: allow
    # longer than the rules' longest match: the generic detector's reach sets the overlap too
    'generic-long': f'signing_secret = "{fakes.rand(fakes.B64, 480, "long")}"\n',
    'multi-line': ED25519 + '\n',
    'escaped': '{"token": "\\u0067hp_' + GH[4:] + '"}\n',
}
RULE_IDS = ('github-pat-classic', 'private-key-pkcs8-curve25519')


@pytest.fixture(scope='module')
def small_ruleset() -> RuleSet:
    """A few rules with short matches, and the generic detector: a small overlap, so small windows."""
    rules = [r for r in load_rules() if r.id in RULE_IDS]
    return load_ruleset(('windows-test', *RULE_IDS), lambda: rules, cache=None, generic=True)


def found(data: bytes, ruleset: RuleSet, config: Config, chunk_size: int) -> list[tuple[int, int, str, str]]:
    result = scan_blob(data, 'notes.txt', ruleset=ruleset, config=config, chunk_size=chunk_size)
    return [(f.line, f.column, f.rule_id, f.secret) for f in result.findings]


def filler(size: int) -> bytes:
    words = 'the quick brown fox jumps over the lazy dog: café 日本語 0123456789 '.encode()
    lines = [words[k % 7:] + words[:k % 11] + (b'\n' if k % 5 else b' ') for k in range(size // 40 + 1)]
    return b''.join(lines)[:size]


def offsets_to_try(size: int, chunk: int, overlap: int) -> list[int]:
    """Every offset within 48 bytes of a window edge (a block boundary, a report limit, a cut where
    the next window starts), every 97th elsewhere."""
    near = set()
    for boundary in range(chunk, size + chunk, chunk):
        for edge in (boundary, boundary - overlap, boundary - 2 * overlap + CONTEXT):
            near.update(range(max(0, edge - 48), min(size, edge + 48)))
    return sorted(near | set(range(0, size, 97)))


@pytest.mark.parametrize('kind', sorted(SECRETS))
def test_chunked_scan_equals_whole_scan_at_every_offset(kind: str, small_ruleset: RuleSet, default_config: Config) -> None:
    """The secret at every offset around the window edges of a file cut into several windows: each
    edge is crossed by the match's start, the secret's start and its end."""
    overlap = max(small_ruleset.max_window, GENERIC_REACH + 2 * CONTEXT)  # (what windows overlap by)
    chunk = 2 * overlap + 37  # the smallest windows that move on, and odd offsets
    base = filler(5 * chunk // 2)
    secret = SECRETS[kind].encode()
    missed = []
    for offset in offsets_to_try(len(base), chunk, overlap):
        data = base[:offset] + (b'' if kind.endswith('in-a-line') else b'\n') + secret + base[offset:]
        whole = found(data, small_ruleset, default_config, len(data) + 1)
        assert whole, (kind, offset)
        chunked = found(data, small_ruleset, default_config, chunk)
        if chunked != whole:
            missed.append((offset, whole, chunked))
    assert missed[:3] == []


def test_crlf_file_in_windows_reports_what_lf_reports(small_ruleset: RuleSet, default_config: Config) -> None:
    """A CR at the end of a block and its LF at the start of the next are one line break."""
    overlap = max(small_ruleset.max_window, GENERIC_REACH + 2 * CONTEXT)
    chunk = 2 * overlap + 37
    base = filler(5 * chunk // 2)
    secret = SECRETS['token'].encode()
    for offset in offsets_to_try(len(base), chunk, overlap)[::5]:
        data = base[:offset] + b'\n' + secret + base[offset:]
        lf = found(data, small_ruleset, default_config, len(data) + 1)
        crlf = found(data.replace(b'\n', b'\r\n'), small_ruleset, default_config, chunk)
        assert crlf == lf, offset


def test_parallel_scan_equals_serial_scan_in_order(tmp_path: object, default_config: Config) -> None:
    """``scan_paths`` on several processes (the parent scans batches too) reports what one process
    reports, file for file, in the order of the paths, and counts progress up to every file."""
    import os
    from leakstop import scan as scan_mod
    root = str(tmp_path)
    paths = []
    for k in range(70):
        path = os.path.join(root, f'f{k:02}.txt')
        with open(path, 'wb') as f:
            if k % 7 == 0:
                f.write(f'token = "{fakes.github(seed=k)}"\n'.encode())
            elif k % 11 == 0:
                f.write(b'\x00\x01\x02binary' * 50)
            else:
                f.write(f'line {k}\n'.encode())
        paths.append(path)
    paths.append(os.path.join(root, 'missing.txt'))
    serial = scan_mod.scan_paths(paths, config=default_config, baseline=None, jobs=1)
    seen: list[int] = []
    parallel = scan_mod.scan_paths(paths, config=default_config, baseline=None, jobs=3, progress=seen.append)
    assert parallel == serial
    assert [r.path for r in parallel] == [scan_mod.normalize(p) for p in paths]
    assert sum(1 for r in parallel if r.findings) == 10 and parallel[-1].error
    assert seen == sorted(seen) and seen[-1] == len(paths)


def test_the_parent_process_scans_batches_too(tmp_path: object, default_config: Config, monkeypatch: pytest.MonkeyPatch) -> None:
    """With more batches than the workers have queued, the parent scans the next one itself (a
    parent that only waited cost a third process and its memory on two cores)."""
    import os
    from leakstop import scan as scan_mod
    paths = []
    for k in range(scan_mod.BATCH * (scan_mod.IN_FLIGHT + 2)):
        paths.append(os.path.join(str(tmp_path), f'f{k:02}.txt'))
        with open(paths[-1], 'w') as f:
            f.write('x = 1\n')
    parent = os.getpid()
    here: list[str] = []
    real = scan_mod.scan_path

    def traced(path: str, **kwargs: object) -> object:
        if os.getpid() == parent:
            here.append(path)
        return real(path, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(scan_mod, 'scan_path', traced)
    monkeypatch.setattr(scan_mod, '_WORKER', {})
    results = scan_mod.scan_paths(paths, config=default_config, baseline=None, jobs=2)
    assert len(results) == len(paths)
    assert 0 < len(here) < len(paths) and set(here) <= set(paths)


# --- what scan_path, scan_blob and scan_paths report for each kind of file ------------------------

def test_scan_path_says_why_a_file_was_not_scanned(tmp_path: object, default_config: Config, ruleset: RuleSet) -> None:
    import os

    from leakstop.config import config_from_table
    from leakstop.scan import scan_path
    root = str(tmp_path)
    token = fakes.github(seed='scan-path')
    text = os.path.join(root, 'app.py')
    with open(text, 'w') as f:
        f.write(f'x = 1\ntoken = "{token}"\n')
    binary = os.path.join(root, 'blob.bin')
    with open(binary, 'wb') as f:
        f.write(b'\x00\x01\x02\x03' * 100)
    seen: list[bytes] = []
    result = scan_path(text, ruleset=ruleset, config=default_config, binary=seen.append)
    assert result.path == text
    assert [(f.line, f.rule_id, f.secret) for f in result.findings] == [(2, 'github-pat-classic', token)]
    assert seen == [] and not result.skipped and not result.error
    result = scan_path(binary, ruleset=ruleset, config=default_config, binary=seen.append)
    assert (result.skipped, result.findings, seen) == ('binary', (), [b'\x00\x01\x02\x03' * 100])
    seen.clear()
    result = scan_path(binary, ruleset=ruleset, config=default_config, binary=seen.append, chunk_size=64)
    assert (result.skipped, seen) == ('binary', [b'\x00\x01\x02\x03' * 16])  # the first window of a large one
    assert scan_path(binary, ruleset=ruleset, config=default_config, chunk_size=64).skipped == 'binary'
    assert scan_path(binary, ruleset=ruleset, config=default_config).skipped == 'binary'
    big = scan_path(text, ruleset=ruleset, config=default_config, chunk_size=8)  # in windows
    assert [(f.line, f.rule_id) for f in big.findings] == [(2, 'github-pat-classic')]
    missing = scan_path(os.path.join(root, 'missing.py'), ruleset=ruleset, config=default_config)
    assert missing.error == 'cannot read: no such file' and missing.findings == ()
    allowed = config_from_table({'allowlist': {'paths': ['*.py']}}, 'test', None)
    assert scan_path(text, ruleset=ruleset, config=allowed).skipped == 'allowlisted path'
    assert scan_path('./' + os.path.relpath(text), ruleset=ruleset, config=default_config).path == os.path.relpath(text)


def test_scan_blob_steps(default_config: Config, ruleset: RuleSet) -> None:
    from leakstop.config import config_from_table
    from leakstop.scan import scan_blob
    token = fakes.github(seed='scan-blob')
    data = f'x = 1\ntoken = "{token}"\n'.encode()
    for chunk_size in (8, len(data), 1 << 20):
        result = scan_blob(data, './src/a.py', ruleset=ruleset, config=default_config, chunk_size=chunk_size)
        assert result.path == 'src/a.py'
        assert [(f.line, f.column, f.rule_id) for f in result.findings] == [(2, 10, 'github-pat-classic')], chunk_size
    binary = b'\x00\x01\x02\x03' * 100
    assert scan_blob(binary, 'b', ruleset=ruleset, config=default_config).skipped == 'binary'
    assert scan_blob(binary, 'b', ruleset=ruleset, config=default_config, chunk_size=64).skipped == 'binary'
    allowed = config_from_table({'allowlist': {'paths': ['src/']}}, 'test', None)
    assert scan_blob(data, 'src/a.py', ruleset=ruleset, config=allowed).skipped == 'allowlisted path'
    assert scan_blob(data, 'src/a.py', ruleset=ruleset, config=allowed, chunk_size=8).skipped == 'allowlisted path'


def test_a_custom_rules_own_examples_pass_in_the_settings_file_only(tmp_path: object, ruleset: RuleSet) -> None:
    import os

    from leakstop.config import config_from_table
    from leakstop.scan import scan_data, without_own_examples
    example = 'acme_' + fakes.rand('abcdefghijklmnopqrstuvwxyz0123456789', 32, 'acme')
    other = 'acme_' + fakes.rand('abcdefghijklmnopqrstuvwxyz0123456789', 32, 'acme-2')
    settings = os.path.join(str(tmp_path), '.leakstop.toml')
    with open(settings, 'w') as f:
        f.write(f'# examples: "{example}"\n# "{other}"\n')
    table = {'rules': [{'id': 'acme', 'description': 'Acme', 'pattern': '(?P<secret>acme_[a-z0-9]{32})',
                        'keywords': ['acme_'], 'examples': [f'key = "{example}"']}]}
    config = config_from_table(table, 'test', settings)
    from leakstop.scan import ruleset_for
    rules = ruleset_for(config)
    with open(settings, 'rb') as f:
        data = f.read()
    found = scan_data(data, settings, ruleset=rules, config=config)
    assert [f.secret for f in found if f.rule_id == 'acme'] == [other]  # the example passes, the other value not
    elsewhere = os.path.join(str(tmp_path), 'app.py')
    with open(elsewhere, 'wb') as f:
        f.write(data)
    assert sorted(f.secret for f in scan_data(data, elsewhere, ruleset=rules, config=config) if f.rule_id == 'acme') == sorted([example, other])
    assert without_own_examples(found, os.path.join(str(tmp_path), 'missing'), config) == found
    assert without_own_examples(found, settings, config_from_table({}, 'test', None)) == found
    both = scan_data(data, elsewhere, ruleset=rules, config=config)
    assert without_own_examples(both, settings, config_from_table(table, 'test', None)) == both  # no settings file


def test_scan_paths_on_one_process_counts_progress_per_file(tmp_path: object, default_config: Config) -> None:
    import os

    from leakstop import scan as scan_mod
    paths = []
    for k in range(3):
        paths.append(os.path.join(str(tmp_path), f'f{k}.txt'))
        with open(paths[-1], 'w') as f:
            f.write('x = 1\n')
    seen: list[int] = []
    results = scan_mod.scan_paths(paths, config=default_config, baseline=None, jobs=4, progress=seen.append)
    assert seen == [1, 2, 3] and [r.path for r in results] == [scan_mod.normalize(p) for p in paths]
    assert scan_mod.scan_paths([], config=default_config, baseline=None, jobs=1) == []


def test_the_rule_selection_is_part_of_the_cache_signature() -> None:
    """The same selection, in any order, is one cache entry; another selection is another."""
    from leakstop.config import config_from_table
    from leakstop.generic import RULE_IDS as GENERIC
    from leakstop.rules import builtin_rule_files
    from leakstop.scan import _signature

    def of(table: dict[str, object], **kw: bool) -> tuple[list[str], list[object], bool, frozenset[str]]:
        return _signature(config_from_table(table, 'test', None), [], **kw)  # type: ignore[arg-type]
    files, signature, selected, generic = _signature(config_from_table({}, 'test', None), None)
    assert files == builtin_rule_files() and not selected and generic == GENERIC
    assert len(signature) == len(files) + 1  # each file's signature, then the custom rules
    disabled = of({'disable': ['generic-password', 'slack-bot-token']})
    assert disabled[2] and disabled[3] == GENERIC - {'generic-password'}
    assert disabled[1] == of({'disable': ['slack-bot-token', 'generic-password']})[1]
    assert disabled[1] != of({'disable': ['slack-bot-token']})[1] != of({})[1]
    assert of({'disable': ['slack-bot-token']}, every_rule=True)[1:] == of({})[1:]  # every rule: no selection
    only = of({'enable_only': ['github-pat-classic', 'aws-access-key-id']})
    assert only[2] and only[3] == frozenset()
    assert only[1] == of({'enable_only': ['aws-access-key-id', 'github-pat-classic']})[1]
    assert only[1] != of({'enable_only': ['aws-access-key-id']})[1]


def test_a_ruleset_for_the_selected_rules_only(default_config: Config) -> None:
    from leakstop.config import config_from_table
    from leakstop.scan import ruleset_for
    every = ruleset_for(default_config)
    config = config_from_table({'disable': ['github-pat-classic']}, 'test', None)
    fewer = ruleset_for(config)
    assert len(fewer.rules) == len(every.rules) - 1
    assert 'github-pat-classic' not in {r.id for r in fewer.rules}
    assert len(ruleset_for(config, every_rule=True).rules) == len(every.rules)


def test_scan_data_runs_each_decoded_view_on_its_own(ruleset: RuleSet, default_config: Config) -> None:
    """A Kubernetes Secret's value is judged by the text it encodes; an escape alone (no key block) or a
    commented key alone (no escape) is enough for its view."""
    import base64

    from leakstop.scan import scan_data

    def found(text: str, path: str) -> list[tuple[int, str]]:
        return [(f.line, f.rule_id) for f in scan_data(text.encode(), path, ruleset=ruleset, config=default_config)]

    def b64(text: str) -> str:
        return base64.b64encode(text.encode()).decode()
    token = fakes.github(seed='scan-views')
    # the base64 (YWRtaW4=) looks random to the generic detector; the word it encodes is no secret
    assert found(f'kind: Secret\ndata:\n  apiPassword: {b64("admin")}\n', 's.yaml') == []
    assert found(f'kind: Secret\ndata:\n  token: {b64(token)}\n', 's.yaml') == [(3, 'github-pat-classic')]
    assert found('{"token": "\\u0067hp_' + token[4:] + '"}\n', 'a.json') == [(1, 'github-pat-classic')]
    pem = fakes.pem_private_key(seed='scan-views', lines=2)
    assert [rule for _, rule in found(''.join(f'# {line}\n' for line in pem.splitlines()), 'a.py')] == ['private-key-pem']


def test_a_cut_in_a_long_run_of_continuation_bytes_keeps_columns(small_ruleset: RuleSet, default_config: Config) -> None:
    """Bytes that are not UTF-8 (a character, then more continuation bytes than any character has) on
    the line of a secret: wherever the window is cut, its column is the whole file's (the cut moves back
    to a character's first byte only over at most 3 continuation bytes)."""
    overlap = max(small_ruleset.max_window, GENERIC_REACH + 2 * CONTEXT)
    chunk = 2 * overlap + 37
    data = b'\xe3\x80\x80\x80\x80' * (3 * chunk // 5) + f' gh="{GH}"\n'.encode()
    whole = found(data, small_ruleset, default_config, len(data) + 1)
    assert [rule for _, _, rule, _ in whole] == ['github-pat-classic']
    assert [size for size in range(chunk, chunk + 5) if found(data, small_ruleset, default_config, size) != whole] == []


def test_scan_paths_uses_jobs_processes_and_spawns_where_it_cannot_fork(
        tmp_path: object, default_config: Config, monkeypatch: pytest.MonkeyPatch) -> None:
    """``--jobs N``: this process and N - 1 workers; where fork is missing (Windows), workers are spawned."""
    import multiprocessing
    import os

    from leakstop import scan as scan_mod
    paths = []
    for k in range(10):
        paths.append(os.path.join(str(tmp_path), f'f{k}.txt'))
        with open(paths[-1], 'w') as f:
            f.write(f'token = "{fakes.github(seed=k)}"\n' if k == 7 else 'x = 1\n')
    made: list[tuple[str, int]] = []
    real = multiprocessing.get_context

    def context(method: str) -> object:
        ctx = real(method)

        class Recorded:
            def Pool(self, processes: int, **kw: object) -> object:  # noqa: N802
                made.append((method, processes))
                return ctx.Pool(processes, **kw)
        return Recorded()
    monkeypatch.setattr(multiprocessing, 'get_context', context)
    monkeypatch.setattr(multiprocessing, 'get_all_start_methods', lambda: ['spawn'])
    monkeypatch.setattr(scan_mod, '_WORKER', {})
    results = scan_mod.scan_paths(paths, config=default_config, baseline=None, jobs=2)
    assert made == [('spawn', 1)]
    assert [r.path for r in results] == [scan_mod.normalize(p) for p in paths]
    assert [k for k, r in enumerate(results) if r.findings] == [7]

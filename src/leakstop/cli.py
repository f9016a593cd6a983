"""The ``leakstop`` command: scans (files, the index, history), the baseline workflow, rules."""
from __future__ import annotations

import argparse
import dataclasses
import json
import os
import re
import subprocess
import sys
from typing import Any, Callable, Iterable, Mapping, Sequence

from leakstop import baseline as bl
from leakstop import git
from leakstop.config import Config, load_config
from leakstop.engine import Finding
from leakstop.errors import FatalError
from leakstop.files import Unreadable, decode_text, normalize, read_bytes, walk
from leakstop.report import FORMATS, Commit, Progress, display_path, emit, progress_wanted, redact
from leakstop.rules import Rule
from leakstop.scan import FileResult, ruleset_for, scan_blob, scan_data, scan_path, scan_paths

# -- scan -------------------------------------------------------------------------------------


@dataclasses.dataclass(frozen=True)
class Scope:
    """What ``leakstop scan`` reads: paths in the working tree, the index, or commits."""

    kind: str  # 'paths', 'staged', 'all' or 'history'
    paths: tuple[str, ...] = ()
    revisions: tuple[str, ...] = ()  # for 'history', in ``git log`` syntax


def history_revisions(since: str | None) -> tuple[str, ...]:
    """``--since REV`` is ``REV..HEAD`` (a range ``A..B`` is taken as it is); ``--history`` is all of HEAD."""
    if since is None:
        return ('HEAD',)
    return (since,) if '..' in since else (f'{since}..HEAD',)


class _Display:
    """Paths git prints (relative to the top of the repository) as the rest of leakstop shows them:
    relative to the current directory, as ``leakstop scan PATH`` would."""

    def __init__(self, top: str) -> None:
        self.top = top
        self.same = os.path.realpath(os.getcwd()) == os.path.realpath(top)

    def __call__(self, path: str) -> str:
        return path if self.same else normalize(os.path.relpath(os.path.join(self.top, path)))


def scan_index(
        *, staged: bool, config: Config, baseline: bl.Baseline | None, progress: Callable[[int], None],
) -> list[FileResult]:
    """Scan what the index holds (``staged``: only paths that differ from HEAD), not the working tree.

    Blobs come from one ``git cat-file --batch`` process; an unmerged path (open merge conflict) is
    read from the working tree, where both sides are.
    """
    top = git.toplevel()
    entries = git.staged_entries(top) if staged else git.index_entries(top)
    if isinstance(progress, Progress):
        progress.total = len(entries)
    display = _Display(top)
    ruleset = ruleset_for(config)
    results: list[FileResult] = []
    with git.CatFile(top) as blobs:
        for done, entry in enumerate(entries, 1):
            path = display(entry.path)
            if not entry.scannable:
                continue
            if not entry.in_index:
                results.append(scan_path(path, ruleset=ruleset, config=config, baseline=baseline))
                continue
            data = blobs.read(entry.sha)
            if data is None:
                results.append(FileResult(path, error=f'blob {entry.sha} is missing from the repository'))
            else:
                results.append(scan_blob(data, path, ruleset=ruleset, config=config, baseline=baseline))
            progress(done)
    return results


def scan_history(
        revisions: Sequence[str], *, config: Config, baseline: bl.Baseline | None, progress: Callable[[int], None],
) -> tuple[list[FileResult], dict[str, Commit]]:
    """Scan every line the commits in ``revisions`` added: one result per file-in-commit with findings,
    reported at its line in the file that commit wrote, with the commit id; plus each commit's date."""
    top = git.toplevel()
    if isinstance(progress, Progress) and progress.enabled:
        git.verify_revisions(revisions, top=top)
        counted = git.git_output(('rev-list', '--count', *revisions, '--'), cwd=top)
        progress.total = int(counted.strip() or 0)
    display = _Display(top)
    ruleset = ruleset_for(config)
    results: list[FileResult] = []
    commits: dict[str, Commit] = {}
    done = 0
    for item in git.added_lines(revisions, top=top):
        if isinstance(item, str):
            done += 1
            progress(done)
            continue
        result = scan_blob(item.text, display(item.path), ruleset=ruleset, config=config, baseline=baseline)
        if not result.findings:
            continue
        commits[item.commit] = Commit(item.commit, item.date)
        findings = tuple(
            dataclasses.replace(f, line=item.lines[f.line - 1] if 0 < f.line <= len(item.lines) else f.line, commit=item.commit)
            for f in result.findings
        )
        results.append(FileResult(result.path, findings=findings))
    return results, commits


def cmd_scan(
        scope: Scope, *, config: Config, baseline: str | None, fmt: str, jobs: int, output: str | None = None,
) -> int:
    known = bl.load_for_run(baseline, config.baseline)
    commits: dict[str, Commit] | None = None
    unit = 'commits' if scope.kind == 'history' else 'files'
    with Progress(unit, enabled=progress_wanted(fmt)) as progress:
        if scope.kind == 'paths':
            files = list(walk(scope.paths or ['.']))
            progress.total = len(files)
            results = scan_paths(files, config=config, baseline=known, jobs=jobs, progress=progress)
        elif scope.kind in ('staged', 'all'):
            results = scan_index(staged=scope.kind == 'staged', config=config, baseline=known, progress=progress)
        else:
            results, commits = scan_history(scope.revisions, config=config, baseline=known, progress=progress)
    rules: Sequence[Rule] = ruleset_for(config).rules if fmt == 'sarif' else ()
    return emit(results, fmt=fmt, rules=rules, commits=commits, output=output)


def positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f'not a number: {text!r}') from None
    if value < 1:
        raise argparse.ArgumentTypeError('must be at least 1')
    return value


def tracked_files() -> list[str]:
    try:
        out = subprocess.run(
            ('git', 'ls-files', '-z', '--cached'), capture_output=True, check=True,
        ).stdout.decode('utf-8', 'surrogateescape')
    except (OSError, subprocess.CalledProcessError):
        raise FatalError('not in a git repository (or git is missing): name the paths to scan') from None
    return [p for p in out.split('\0') if p and os.path.isfile(p)]


def collect(paths: Sequence[str], *, config: Config) -> tuple[list[Finding], list[FileResult]]:
    """Every finding that the allowlist lets through, for recording in a baseline; plus unreadable files."""
    from leakstop.hooks import block_credential_files, block_env_files
    ruleset = ruleset_for(config)
    files = list(walk(paths or tracked_files()))
    results = [scan_path(path, ruleset=ruleset, config=config) for path in files]
    errors = [r for r in results if r.error]
    # every hook shares the baseline: record what the file hooks refuse too
    results += block_credential_files.check_files(files, config=config)
    results += block_env_files.check_files(files, config=config)[0]
    return [f for r in results for f in r.findings], errors


def _report_errors(errors: Sequence[FileResult]) -> int:
    for r in errors:
        print(f'{display_path(r.path)}: error: {r.error}', file=sys.stderr)
    return 2 if errors else 0


def cmd_baseline_create(paths: Sequence[str], *, config: Config, path: str, force: bool) -> int:
    if os.path.exists(path) and not force:
        raise FatalError(f'{path}: already exists: use `leakstop baseline update` (or --force to start over)')
    if os.path.exists(path):
        bl.load(path)  # never replace a file we cannot parse
    findings, errors = collect(paths, config=config)
    with bl.locked(path):
        new = bl.merge(bl.Baseline(path), findings)
        bl.save(new)
    print(f'{path}: {len(new.entries)} finding(s) recorded; review them with `leakstop baseline audit`')
    return _report_errors(errors)


def cmd_baseline_update(paths: Sequence[str], *, config: Config, path: str) -> int:
    findings, errors = collect(paths, config=config)
    with bl.locked(path):
        old = bl.load(path) if os.path.exists(path) else bl.Baseline(path)
        if old.detect_secrets is not None:
            raise FatalError(f'{path}: a detect-secrets baseline: convert it with `leakstop baseline import {path}`')
        scope = None if not paths else {old.relative(p) for p in walk(paths)}
        new = bl.merge(old, findings, scope=scope)
        bl.save(new)
    added = len(set(new.entries) - set(old.entries))
    dropped = len(set(old.entries) - set(new.entries))
    print(f'{path}: {len(new.entries)} finding(s): {added} added, {dropped} gone and dropped')
    return _report_errors(errors)


def _locate(entry: bl.Entry, baseline: bl.Baseline, *, config: Config) -> tuple[bytes, Finding] | None:
    """The finding an entry stands for, found again in its file (None if it is gone)."""
    path = os.path.join(baseline.root, entry.path)
    try:
        data = decode_text(read_bytes(path))
    except Unreadable:
        return None
    if data is None:
        return None
    from leakstop.scan import scan_data
    for f in scan_data(data, normalize(os.path.relpath(path)), ruleset=ruleset_for(config), config=config):
        if f.rule_id == entry.rule and f.fingerprint == entry.fingerprint:
            return data, f
    return None


def redacted_context(data: bytes, finding: Finding, *, lines: int = 2) -> list[str]:
    """The lines around a finding with the secret replaced by its redacted form."""
    shown = data[:finding.start] + redact(finding.secret).encode() + data[finding.end:]
    start = finding.start
    for _ in range(lines + 1):
        start = shown.rfind(b'\n', 0, max(start - 1, 0)) + 1 if start > 0 else 0
    end = finding.start
    for _ in range(lines + 1):
        nxt = shown.find(b'\n', end + 1)
        end = len(shown) if nxt == -1 else nxt
    first_line = shown.count(b'\n', 0, start) + 1
    text = shown[start:end].decode('utf-8', 'replace').split('\n')
    return [f'{first_line + i:>6} | {line}' for i, line in enumerate(text)]


def cmd_baseline_audit(*, config: Config, path: str, stats: bool, ask: Callable[[str], str] = input) -> int:
    with bl.locked(path):
        baseline = bl.load(path)
        if baseline.detect_secrets is not None:
            raise FatalError(f'{path}: a detect-secrets baseline: convert it with `leakstop baseline import {path}`')
        if stats:
            by_status: dict[str, int] = {}
            by_rule: dict[str, dict[str, int]] = {}
            for e in baseline.entries.values():
                by_status[e.status] = by_status.get(e.status, 0) + 1
                by_rule.setdefault(e.rule, {}).setdefault(e.status, 0)
                by_rule[e.rule][e.status] += 1
            print(f'{path}: {len(baseline.entries)} finding(s): ' + ', '.join(
                f'{by_status.get(s, 0)} {s}' for s in bl.STATUSES))
            for rule in sorted(by_rule):
                print(f'  {rule}: ' + ', '.join(f'{n} {s}' for s, n in sorted(by_rule[rule].items())))
            return 0
        pending = [e for e in baseline.sorted_entries() if e.status == 'unreviewed']
        print(f'{len(pending)} unreviewed finding(s) in {path}')
        for n, entry in enumerate(pending, 1):
            located = _locate(entry, baseline, config=config)
            print(f'\n[{n}/{len(pending)}] {display_path(entry.path)}:{entry.line}: {entry.rule}')
            if located is None:
                print('  (no longer in the file: `leakstop baseline update` will drop it)')
                continue
            print('\n'.join(redacted_context(*located)))
            while True:
                try:
                    answer = ask('Is this a real secret? [y]es / [n]o, a false positive / [s]kip / [q]uit: ').strip().lower()
                except EOFError:
                    answer = 'q'
                if answer in {'y', 'n', 's', 'q'}:
                    break
            if answer == 'q':
                break
            if answer in {'y', 'n'}:
                status = 'true-positive' if answer == 'y' else 'false-positive'
                baseline.entries[entry.key] = dataclasses.replace(entry, status=status)
                bl.save(baseline)  # every decision is kept, even if the session is interrupted
    return 0


def _import_detect_secrets(doc: dict[str, Any], *, config: Config, target: bl.Baseline, source: str) -> tuple[int, int]:
    results = doc.get('results')
    if not isinstance(results, dict):
        raise FatalError(f'{source}: not a detect-secrets baseline: "results" must be an object')
    src_root = os.path.dirname(os.path.abspath(source))
    imported = unmatched = 0
    ruleset = ruleset_for(config)
    from leakstop.scan import scan_data
    for filename, items in sorted(results.items()):
        statuses: dict[str, str] = {}
        for item in items if isinstance(items, list) else []:
            if isinstance(item, dict) and isinstance(item.get('hashed_secret'), str):
                verdict = item.get('is_secret')
                statuses[item['hashed_secret']] = (
                    'true-positive' if verdict is True else 'false-positive' if verdict is False else 'unreviewed')
        path = os.path.join(src_root, filename)
        try:
            data = decode_text(read_bytes(path))
        except Unreadable:
            data = None
        matched: set[str] = set()
        for f in scan_data(data or b'', normalize(os.path.relpath(path)), ruleset=ruleset, config=config):
            hits = bl.detect_secrets_candidates(f, bl.line_of(data or b'', f)) & set(statuses)
            if hits:
                entry = target.add(f)
                status = max((statuses[h] for h in hits), key=bl.STATUSES.index)
                target.entries[entry.key] = dataclasses.replace(entry, status=status)
                matched |= hits
        imported += len(matched)
        unmatched += len(set(statuses) - matched)
    return imported, unmatched


def _import_gitleaks(records: list[tuple[str, int, str | None]], *, config: Config, target: bl.Baseline, status: str) -> tuple[int, int]:
    """(file, line, secret or None) records: leakstop findings with that secret, or on that line, are recorded."""
    ruleset = ruleset_for(config)
    from leakstop.scan import scan_data
    imported = unmatched = 0
    for filename, line, secret in records:
        try:
            data = decode_text(read_bytes(filename))
        except Unreadable:
            data = None
        found = [
            f for f in scan_data(data or b'', normalize(filename), ruleset=ruleset, config=config)
            if (secret is not None and (f.secret in secret or secret in f.secret)) or (secret is None and f.line == line)
        ]
        for f in found:
            entry = target.add(f)
            target.entries[entry.key] = dataclasses.replace(entry, status=status)
        imported += bool(found)
        unmatched += not found
    return imported, unmatched


def cmd_baseline_import(source: str, *, config: Config, path: str) -> int:
    try:
        with open(source, 'rb') as f:
            text = f.read().decode('utf-8', 'replace')
    except OSError as e:
        raise FatalError(f'{source}: cannot read: {e.strerror}') from None
    with bl.locked(path):
        target = bl.load(path) if os.path.exists(path) else bl.Baseline(path)
        if target.detect_secrets is not None:
            raise FatalError(f'{path}: is a detect-secrets baseline: choose another --baseline to import into')
        try:
            doc: Any = json.loads(text)
        except ValueError:
            doc = None
        if isinstance(doc, dict) and 'results' in doc:
            kind = 'detect-secrets baseline'
            imported, unmatched = _import_detect_secrets(doc, config=config, target=target, source=source)
        elif isinstance(doc, list):
            kind = 'gitleaks report'
            records = [
                (str(r.get('File', '')), int(r.get('StartLine', 0) or 0), r.get('Secret') or None)
                for r in doc if isinstance(r, dict)
            ]
            imported, unmatched = _import_gitleaks(records, config=config, target=target, status='unreviewed')
        elif doc is None:
            kind = 'gitleaks ignore file'
            records = []
            for raw in text.splitlines():
                line = raw.split('#', 1)[0].strip()
                parts = line.rsplit(':', 2)
                if len(parts) != 3 or not parts[2].isdigit():
                    continue
                filename = parts[0].split(':', 1)[1] if len(parts[0].split(':', 1)[0]) == 40 and ':' in parts[0] else parts[0]
                records.append((filename, int(parts[2]), None))
            imported, unmatched = _import_gitleaks(records, config=config, target=target, status='false-positive')
        else:
            raise FatalError(f'{source}: not a detect-secrets baseline, gitleaks report or .gitleaksignore')
        bl.save(target)
    print(f'{path}: imported {imported} finding(s) from {source} ({kind}); '
          f'{unmatched} entr{"y" if unmatched == 1 else "ies"} had no leakstop finding to match')
    return 0



# -- rules ------------------------------------------------------------------------------------


def cmd_rules_list(*, config: Config, fmt: str = 'text') -> int:
    ruleset = ruleset_for(config)
    rules = sorted(ruleset.rules, key=lambda r: r.id)
    custom = {r.id for r in config.custom_rules}
    if fmt == 'json':
        doc = {'version': 1, 'rules': [{
            'id': r.id, 'description': r.description, 'severity': r.severity, 'tags': list(r.tags),
            'keywords': list(r.keywords), 'validator': r.validator, 'paths': list(r.paths),
            'custom': r.id in custom, 'disabled': r.id in config.allowlist.disabled,
        } for r in rules]}
        print(json.dumps(doc, indent=2, ensure_ascii=False))
        return 0
    width = max((len(r.id) for r in rules), default=0)
    for rule in rules:
        tags = f'  [{", ".join(rule.tags)}]' if rule.tags else ''
        print(f'{rule.id:<{width}}  {rule.severity:<6}  {rule.description}{tags}')
    return 0


def example_path(rule: Rule) -> str:
    """A file name the rule applies to (rules limited by ``paths`` need one)."""
    if not rule.paths:
        return 'example.txt'
    return re.sub(r'\*+', 'example', rule.paths[0].replace('**/', '')).lstrip('/')


def rule_test_failures(rule: Rule, *, ruleset: Any, config: Config) -> list[str]:
    """What is wrong with ``rule``'s examples through the real pipeline (engine, validators, allowlist)."""
    path = example_path(rule)
    failures = []
    for i, example in enumerate(rule.examples):
        found = scan_data(example.encode(), path, ruleset=ruleset, config=config)
        if not any(f.rule_id == rule.id for f in found):
            others = sorted({f.rule_id for f in found})
            failures.append(f'examples[{i}]: not found' + (f' (reported by {", ".join(others)} instead)' if others else ''))
    for i, negative in enumerate(rule.negatives):
        found = [f for f in scan_data(negative.encode(), path, ruleset=ruleset, config=config) if f.rule_id == rule.id]
        if found:
            failures.append(f'negatives[{i}]: found {redact(found[0].secret)} (line {found[0].line})')
    return failures


def cmd_rules_test(*, config: Config) -> int:
    ruleset = ruleset_for(config)
    failed = untested = disabled = examples = 0
    for rule in ruleset.rules:
        if rule.id in config.allowlist.disabled:
            disabled += 1
            continue
        if not (rule.examples or rule.negatives):
            untested += 1
            print(f'{rule.source or "(config)"}: {rule.id}: no examples or negatives to test', file=sys.stderr)
            continue
        examples += len(rule.examples) + len(rule.negatives)
        failures = rule_test_failures(rule, ruleset=ruleset, config=config)
        if failures:
            failed += 1
            for failure in failures:
                print(f'{rule.source or "(config)"}: {rule.id}: {failure}')
    tested = len(ruleset.rules) - disabled - untested
    summary = (f'leakstop: {tested} rule(s), {examples} example(s) and negative(s) tested: '
               f'{failed} rule(s) failed')
    extra = [f'{n} {what}' for n, what in ((untested, 'without examples'), (disabled, 'disabled')) if n]
    print(summary + (f' ({", ".join(extra)} not tested)' if extra else ''))
    return 1 if failed else 0


# -- gitleaks configuration import ------------------------------------------------------------
#
# gitleaks rules are RE2 regexes over text; leakstop rules are Python regexes over bytes that
# Hyperscan also accepts. What RE2 has and Python lacks is translated where the meaning is kept
# exactly, and refused (the rule is skipped, with the reason) where it cannot be.

_POSIX_CLASSES = {
    'alnum': '0-9A-Za-z', 'alpha': 'A-Za-z', 'ascii': '\\x00-\\x7f', 'blank': '\\t ', 'cntrl': '\\x00-\\x1f\\x7f',
    'digit': '0-9', 'graph': '!-~', 'lower': 'a-z', 'print': ' -~', 'punct': '!-/:-@\\[-`{-~',
    'space': '\\t\\n\\v\\f\\r ', 'upper': 'A-Z', 'word': '0-9A-Za-z_', 'xdigit': '0-9A-Fa-f',
}
_FLAGS_GROUP = re.compile(r'\(\?([a-zA-Z]*)(?:-([a-zA-Z]*))?\)')


class Unconvertible(Exception):
    """An RE2 construct with no exact Python/Hyperscan equivalent; ``str(e)`` says which."""


def _class_end(pattern: str, i: int) -> int:
    """Index just past the character class starting at ``pattern[i] == '['`` (RE2 rules)."""
    j = i + 1
    if j < len(pattern) and pattern[j] == '^':
        j += 1
    if j < len(pattern) and pattern[j] == ']':
        j += 1
    while j < len(pattern):
        if pattern[j] == '\\':
            j += 2
        elif pattern.startswith('[:', j):
            end = pattern.find(':]', j + 2)
            j = end + 2 if end != -1 else j + 1
        elif pattern[j] == ']':
            return j + 1
        else:
            j += 1
    raise Unconvertible('unterminated character class')


def _escape_in_class(pattern: str, j: int) -> tuple[str, int]:
    """Translate the escape at ``pattern[j] == '\\'``; returns (text, next index)."""
    if j + 1 >= len(pattern):
        raise Unconvertible('trailing backslash')
    c = pattern[j + 1]
    if c in 'pP':
        raise Unconvertible(f'Unicode class \\{c}: not supported over bytes')
    if c == 'x' and pattern.startswith('{', j + 2):
        end = pattern.find('}', j + 3)
        if end == -1:
            raise Unconvertible('unterminated \\x{...}')
        value = int(pattern[j + 3:end], 16)
        if value > 0xFF:
            raise Unconvertible(f'\\x{{{pattern[j + 3:end]}}}: code point above 0xFF in a byte pattern')
        return f'\\x{value:02x}', end + 1
    if c == 'C':
        raise Unconvertible('\\C (any byte) is not supported')
    return pattern[j:j + 2], j + 2


def _translate_class(body: str) -> str:
    """The inside of a character class: POSIX classes expanded, a literal ``[`` escaped."""
    out = []
    j = 0
    while j < len(body):
        if body[j] == '\\':
            text, j = _escape_in_class(body, j)
            out.append(text)
        elif body.startswith('[:', j):
            end = body.find(':]', j + 2)
            name = body[j + 2:end] if end != -1 else ''
            if name.startswith('^'):
                raise Unconvertible(f'negated POSIX class [:{name}:]')
            if name not in _POSIX_CLASSES:
                raise Unconvertible(f'unknown POSIX class [:{name}:]')
            out.append(_POSIX_CLASSES[name])
            j = end + 2
        elif body[j] in '[&~|' or body.startswith('--', j):
            out.append('\\' + body[j])  # literal in RE2; Python would warn (future set operations)
            j += 1
        else:
            out.append(body[j])
            j += 1
    return ''.join(out)


def re2_to_python(pattern: str) -> str:
    """An RE2 pattern in the dialect leakstop rules use (Python ``re`` over bytes, Hyperscan).

    Translated exactly: ``\\z`` → ``\\Z``; ``\\Q…\\E`` → escaped literal; ``(?<name>`` → ``(?P<name>``;
    POSIX classes; ``\\x{HH}``; flag groups ``(?i)`` anywhere but the start, which RE2 applies to the
    rest of the enclosing group and Python does not accept, become scoped groups ``(?i:…)`` closed at
    the end of that group and around each ``|`` in it. Refused: ``\\p`` classes, ``(?U)``, ``\\C``.
    """
    out: list[str] = []
    # per open group: how many scoped flag groups we opened inside it (closed with it)
    scopes: list[list[str]] = [[]]
    i = 0
    n = len(pattern)
    while i < n:
        c = pattern[i]
        if c == '\\':
            if i + 1 < n and pattern[i + 1] == 'z':
                out.append('\\Z')
                i += 2
            elif i + 1 < n and pattern[i + 1] == 'Q':
                end = pattern.find('\\E', i + 2)
                literal = pattern[i + 2:] if end == -1 else pattern[i + 2:end]
                out.append(re.escape(literal))
                i = n if end == -1 else end + 2
            else:
                text, i = _escape_in_class(pattern, i)
                out.append(text)
        elif c == '[':
            end = _class_end(pattern, i)
            head = '[^' if pattern.startswith('[^', i) else '['
            out.append(head + _translate_class(pattern[i + len(head):end - 1]) + ']')
            i = end
        elif c == '(':
            m = _FLAGS_GROUP.match(pattern, i)
            if m is not None:
                flags = (m.group(1) or '') + (m.group(2) or '')
                if 'U' in flags:
                    raise Unconvertible('ungreedy flag (?U)')
                unknown = set(flags) - set('imsx')
                if unknown:
                    raise Unconvertible(f'flag {sorted(unknown)[0]!r}')
                if i == 0 and not m.group(2):
                    out.append(m.group(0))  # global flags at the start: the same in Python
                else:
                    opener = m.group(0)[:-1] + ':'
                    out.append(opener)
                    scopes[-1].append(opener)
                i = m.end()
                continue
            if pattern.startswith('(?<', i) and not pattern.startswith(('(?<=', '(?<!'), i):
                out.append('(?P<')
                i += 3
            else:
                out.append(c)
                i += 1
            scopes.append([])
        elif c == ')':
            if len(scopes) == 1:
                raise Unconvertible('unbalanced parenthesis')
            out.append(')' * len(scopes.pop()) + ')')
            i += 1
        elif c == '|':
            opened = scopes[-1]
            out.append(')' * len(opened) + '|' + ''.join(opened))
            i += 1
        else:
            out.append(c)
            i += 1
    if len(scopes) != 1:
        raise Unconvertible('unbalanced parenthesis')
    out.append(')' * len(scopes[0]))
    return ''.join(out)


def _capture_openers(pattern: str) -> list[int]:
    """Positions of the capturing groups' ``(`` in a Python pattern, in group-number order."""
    openers = []
    i = 0
    while i < len(pattern):
        c = pattern[i]
        if c == '\\':
            i += 2
            continue
        if c == '[':
            i = _class_end(pattern, i)
            continue
        if c == '(' and (not pattern.startswith('(?', i) or pattern.startswith('(?P<', i)):
            openers.append(i)
        i += 1
    return openers


def with_secret_group(pattern: str, group: int) -> str:
    """``pattern`` with capture group ``group`` (1-based) named ``secret``; 0: the whole match."""
    if group == 0:
        m = re.match(r'\(\?[a-zA-Z]+\)', pattern)
        head = m.group(0) if m else ''
        return f'{head}(?P<secret>{pattern[len(head):]})'
    openers = _capture_openers(pattern)
    if group > len(openers):
        raise Unconvertible(f'secretGroup {group}, but the regex has {len(openers)} capture group(s)')
    at = openers[group - 1]
    if pattern.startswith('(?P<', at):
        close = pattern.index('>', at)
        return pattern[:at] + '(?P<secret>' + pattern[close + 1:]
    return pattern[:at] + '(?P<secret>' + pattern[at + 1:]


def path_regex_to_glob(regex: str) -> str | None:
    """A gitleaks ``path`` regex as a leakstop glob, for the common shapes; None when there is none."""
    rx = regex
    at_any_depth = False
    anchored = False
    for prefix in ('(?:^|/)', '(^|/)'):
        if rx.startswith(prefix):
            rx, at_any_depth = rx[len(prefix):], True
            break
    else:
        if rx.startswith('^'):
            rx, anchored = rx[1:], True
    if not rx.endswith('$') or rx.endswith('\\$'):
        return None
    rx = rx[:-1]
    body = re.sub(r'\.\*', '\0', rx)
    body = re.sub(r'\\([.\-/_ ])', lambda m: '\1' if m.group(1) == '.' else m.group(1), body)
    if re.search(r'[.*+?()\[\]{}|^$\\]', body):
        return None
    glob = body.replace('\0', '**').replace('\1', '.')
    if anchored:
        return '/' + glob
    if at_any_depth:
        return glob if '/' not in glob else '**/' + glob
    return ('*' + glob) if '/' not in glob else '**/*' + glob


def _rule_id(raw: str, taken: set[str]) -> str:
    rule_id = re.sub(r'[^a-z0-9]+', '-', raw.lower()).strip('-') or 'gitleaks-rule'
    if rule_id in taken:
        rule_id = f'gitleaks-{rule_id}'
    base, k = rule_id, 2
    while rule_id in taken:
        rule_id, k = f'{base}-{k}', k + 1
    return rule_id


def _allowlists(table: Mapping[str, Any]) -> list[Mapping[str, Any]]:
    old = table.get('allowlist')
    new = table.get('allowlists')
    out: list[Mapping[str, Any]] = [old] if isinstance(old, dict) else []
    out.extend(a for a in new if isinstance(a, dict)) if isinstance(new, list) else None
    return out


def convert_gitleaks_rule(table: Mapping[str, Any], taken: set[str]) -> tuple[dict[str, Any], list[str]]:
    """A gitleaks ``[[rules]]`` table as a leakstop rule table, plus notes on what was dropped.

    Raises Unconvertible with the reason when the rule cannot be expressed.
    """
    from leakstop.engine import compile_database
    from leakstop.rules import rule_from_table
    notes: list[str] = []
    raw_id = table.get('id')
    if not isinstance(raw_id, str) or not raw_id:
        raise Unconvertible('no id')
    regex = table.get('regex')
    if not isinstance(regex, str) or not regex:
        raise Unconvertible('matches file paths only: leakstop refuses credential files by name with the block-credential-files hook')
    pattern = re2_to_python(regex)
    try:
        compiled = re.compile(pattern.encode())
    except re.error as e:
        raise Unconvertible(f'regex: {e}') from None
    group = table.get('secretGroup', 0)
    if not isinstance(group, int) or group < 0:
        raise Unconvertible('secretGroup: expected a number')
    if group == 0 and compiled.groups > 1:
        raise Unconvertible(
            f'{compiled.groups} capture groups and no secretGroup: gitleaks takes the first non-empty one; '
            'set secretGroup to the one holding the secret')
    pattern = with_secret_group(pattern, group or compiled.groups)
    rule_id = _rule_id(raw_id, taken)
    if rule_id != raw_id:
        notes.append(f'renamed from {raw_id!r}')
    out: dict[str, Any] = {
        'id': rule_id,
        'description': str(table.get('description') or raw_id),
        'pattern': pattern,
        'severity': 'high',
    }
    keywords = table.get('keywords')
    if isinstance(keywords, list) and keywords:
        out['keywords'] = [str(k) for k in keywords]
    tags = table.get('tags')
    tag_list = ['gitleaks'] + ([str(t) for t in tags] if isinstance(tags, list) else [])
    out['tags'] = list(dict.fromkeys(tag_list))
    entropy = table.get('entropy')
    if isinstance(entropy, (int, float)) and not isinstance(entropy, bool) and entropy > 0:
        out['min_entropy'] = float(entropy)
    path = table.get('path')
    if isinstance(path, str) and path:
        glob = path_regex_to_glob(path)
        if glob is None:
            raise Unconvertible(f'path regex {path!r} has no glob equivalent (leakstop rules take globs)')
        out['paths'] = [glob]
    allow: list[str] = []
    for a in _allowlists(table):
        target = a.get('regexTarget') or 'secret'
        limits = [k for k in ('paths', 'commits') if a.get(k)]
        if limits and str(a.get('condition', 'OR')).upper() == 'AND':
            notes.append(f'allowlist limited to {" and ".join(limits)} (condition AND) dropped: it would allow more')
            continue
        if limits:
            notes.append(f'allowlist {" and ".join(limits)} dropped: use [allowlist.rules.{rule_id}] paths in .leakstop.toml')
        regexes = [r for r in a.get('regexes', []) if isinstance(r, str)]
        if regexes and target != 'secret':
            notes.append(f'allowlist regexes on the {target} dropped: leakstop allow regexes apply to the secret')
        elif regexes:
            for r in regexes:
                try:
                    translated = re2_to_python(r)
                    re.compile(translated)
                except (Unconvertible, re.error) as e:
                    notes.append(f'allowlist regex {r!r} dropped: {e}')
                    continue
                allow.append(translated)
        stopwords = [str(w).lower() for w in a.get('stopwords', []) if str(w)]
        if stopwords:
            allow.append('(?i)(?:' + '|'.join(re.escape(w) for w in stopwords) + ')')
    if allow:
        out['allow'] = allow
    try:
        rule = rule_from_table(out, 'gitleaks', require_examples=False)
        compile_database([rule])
    except FatalError as e:
        raise Unconvertible(str(e).split(': ', 2)[-1]) from None
    return out, notes


def toml_string(value: str) -> str:
    """A TOML string literal for ``value``: literal quoting where it can, escapes where it must."""
    plain = all(ch == '\t' or (' ' <= ch and ch != '\x7f') for ch in value)
    if plain and "'" not in value:
        return f"'{value}'"
    if plain and "'''" not in value and not value.endswith("'"):
        return f"'''{value}'''"
    out = []
    for ch in value:
        if ch in '"\\':
            out.append('\\' + ch)
        elif ch == '\t':
            out.append('\\t')
        elif ch == '\n':
            out.append('\\n')
        elif ch < ' ' or ch == '\x7f':
            out.append(f'\\u{ord(ch):04x}')
        else:
            out.append(ch)
    return '"' + ''.join(out) + '"'


def toml_value(value: object) -> str:
    if isinstance(value, str):
        return toml_string(value)
    if isinstance(value, bool):
        return 'true' if value else 'false'
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, list):
        return '[' + ', '.join(toml_value(v) for v in value) + ']'
    raise TypeError(type(value).__name__)


RULE_KEY_ORDER = ('id', 'description', 'pattern', 'secret_group', 'keywords', 'min_entropy', 'severity',
                  'tags', 'paths', 'allow', 'examples', 'negatives')


def rules_toml(tables: Iterable[Mapping[str, Any]], header: Sequence[str] = ()) -> str:
    lines = [f'# {h}' if h else '#' for h in header]
    for table in tables:
        lines += ['', '[[rules]]']
        lines += [f'{key} = {toml_value(table[key])}' for key in RULE_KEY_ORDER if key in table]
    return '\n'.join(lines).lstrip('\n') + '\n'


def cmd_rules_import_gitleaks(source: str, *, config: Config, output: str | None) -> int:
    from leakstop.cache import load_toml, toml_error
    try:
        doc = load_toml(source)
    except OSError as e:
        raise FatalError(f'{source}: cannot read: {e.strerror}') from None
    except (UnicodeDecodeError, toml_error()) as e:
        raise FatalError(f'{source}: invalid TOML: {e}') from None
    tables = doc.get('rules')
    if not isinstance(tables, list) or not all(isinstance(t, dict) for t in tables):
        raise FatalError(f'{source}: not a gitleaks configuration: no [[rules]] tables')
    taken = {r.id for r in ruleset_for(config).rules}
    converted: list[dict[str, Any]] = []
    skipped: list[str] = []
    notes: list[str] = []
    for i, table in enumerate(tables):
        name = table.get('id') if isinstance(table.get('id'), str) else f'rules[{i}]'
        try:
            out, rule_notes = convert_gitleaks_rule(table, taken)
        except Unconvertible as e:
            skipped.append(f'{name}: {e}')
            continue
        taken.add(out['id'])
        converted.append(out)
        notes.extend(f'{out["id"]}: {note}' for note in rule_notes)
    for key in ('allowlist', 'allowlists'):
        if key in doc:
            notes.append(f'the global [{key}] was not converted: put paths, values and stopwords in [allowlist] of .leakstop.toml')
    if 'extend' in doc:
        notes.append('[extend] was not followed: leakstop has its own built-in rules (`leakstop rules list`)')
    header = [
        f'leakstop rules converted from the gitleaks configuration {os.path.basename(source)}',
        'by `leakstop rules import-gitleaks`. Use them as .leakstop.toml, or append the [[rules]]',
        'to it ([[tool.leakstop.rules]] in pyproject.toml). Add examples and negatives to each rule',
        'and run `leakstop rules test`.',
    ]
    if skipped:
        header += ['', 'Skipped:'] + [f'  {s}' for s in skipped]
    text = rules_toml(converted, header)
    if output is None:
        sys.stdout.write(text)
    else:
        bl.write_atomic(output, text.encode(), what='rules')
    for line in notes:
        print(f'leakstop: note: {line}', file=sys.stderr)
    for line in skipped:
        print(f'leakstop: skipped {line}', file=sys.stderr)
    print(f'leakstop: {len(converted)} rule(s) converted, {len(skipped)} skipped'
          + (f'; written to {output}' if output else ''), file=sys.stderr)
    return 0


# -- main -------------------------------------------------------------------------------------

def _add_config(parser: argparse.ArgumentParser) -> None:
    # SUPPRESS: given after the subcommand it overrides, absent it leaves the top-level value alone
    parser.add_argument('--config', default=argparse.SUPPRESS,
                        help='settings file (default: .leakstop.toml or pyproject.toml)')


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog='leakstop', description='Keep secrets out of git.')
    parser.add_argument('--config', help='settings file (default: .leakstop.toml or pyproject.toml)')
    sub = parser.add_subparsers(dest='command', required=True)

    scan = sub.add_parser('scan', help='scan files, the index or git history')
    scan.add_argument('paths', nargs='*', help='files or directories (default: .)')
    scope = scan.add_mutually_exclusive_group()
    scope.add_argument('--staged', action='store_true',
                       help='scan what is staged for the next commit (the index, not the working tree)')
    scope.add_argument('--all', action='store_true', dest='all_tracked',
                       help='scan every tracked file as the index holds it')
    scope.add_argument('--since', metavar='REV',
                       help='scan the lines added by the commits in REV..HEAD (or a range A..B)')
    scope.add_argument('--history', action='store_true',
                       help='scan the lines added by every commit reachable from HEAD')
    scan.add_argument('--format', choices=FORMATS, default='text', help='output format (default: text)')
    scan.add_argument('--output', '-o', metavar='FILE', help='write the report to FILE (atomically) instead of stdout')
    scan.add_argument('--baseline', help='reviewed findings that pass (default: .leakstop-baseline.json if present)')
    scan.add_argument('--jobs', '-j', type=positive_int, default=os.cpu_count() or 1,
                      help='processes to scan paths with (default: every core)')
    _add_config(scan)

    base = sub.add_parser('baseline', help='record, update, review and import reviewed findings')
    base_sub = base.add_subparsers(dest='baseline_command', required=True)
    for name, text in (('create', 'record every current finding'), ('update', 'add new findings, drop gone ones, keep decisions')):
        p = base_sub.add_parser(name, help=text)
        p.add_argument('paths', nargs='*', help='files or directories (default: every tracked file)')
        p.add_argument('--baseline', help='the baseline file (default: .leakstop-baseline.json)')
        if name == 'create':
            p.add_argument('--force', action='store_true', help='replace an existing (valid) baseline')
        _add_config(p)
    audit = base_sub.add_parser('audit', help='review unreviewed findings one by one')
    audit.add_argument('--baseline', help='the baseline file (default: .leakstop-baseline.json)')
    audit.add_argument('--stats', action='store_true', help='print a summary instead of asking')
    _add_config(audit)
    imp = base_sub.add_parser('import', help='import a detect-secrets baseline or a gitleaks report / ignore file')
    imp.add_argument('source')
    imp.add_argument('--baseline', help='the baseline file to create or extend (default: .leakstop-baseline.json)')
    _add_config(imp)

    rules = sub.add_parser('rules', help='the detection rules')
    rules_sub = rules.add_subparsers(dest='rules_command', required=True)
    rlist = rules_sub.add_parser('list', help='every rule: id, severity, description, tags')
    rlist.add_argument('--format', choices=('text', 'json'), default='text')
    _add_config(rlist)
    rtest = rules_sub.add_parser('test', help="run every rule's examples and negatives through the pipeline")
    _add_config(rtest)
    rimp = rules_sub.add_parser('import-gitleaks', help='convert a gitleaks configuration into leakstop rules (TOML)')
    rimp.add_argument('source', help='a gitleaks TOML configuration (.gitleaks.toml)')
    rimp.add_argument('--output', '-o', metavar='FILE', help='write the rules to FILE (atomically) instead of stdout')
    _add_config(rimp)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        config = load_config(args.config)
        if args.command == 'scan':
            kind = 'staged' if args.staged else 'all' if args.all_tracked else 'history' if (args.history or args.since) else 'paths'
            if kind != 'paths' and args.paths:
                option = 'all' if kind == 'all' else 'since' if args.since else kind
                raise FatalError(f'scan: name paths or use --{option}, not both')
            scope = Scope(kind, tuple(args.paths), history_revisions(args.since) if kind == 'history' else ())
            return cmd_scan(scope, config=config, baseline=args.baseline, fmt=args.format, jobs=args.jobs, output=args.output)
        if args.command == 'baseline':
            path = args.baseline or config.baseline
            if args.baseline_command == 'create':
                return cmd_baseline_create(args.paths, config=config, path=path, force=args.force)
            if args.baseline_command == 'update':
                return cmd_baseline_update(args.paths, config=config, path=path)
            if args.baseline_command == 'audit':
                return cmd_baseline_audit(config=config, path=path, stats=args.stats)
            if args.baseline_command == 'import':
                return cmd_baseline_import(args.source, config=config, path=path)
        if args.command == 'rules':
            if args.rules_command == 'list':
                return cmd_rules_list(config=config, fmt=args.format)
            if args.rules_command == 'test':
                return cmd_rules_test(config=config)
            if args.rules_command == 'import-gitleaks':
                return cmd_rules_import_gitleaks(args.source, config=config, output=args.output)
    except FatalError as e:
        print(f'leakstop: error: {e}', file=sys.stderr)
        return 2
    raise AssertionError(args)  # pragma: no cover (argparse guards the commands)


if __name__ == '__main__':
    raise SystemExit(main())

"""The ``leakstop`` command: scans (files, the index, history), the baseline workflow, rules."""
from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
from typing import Any, BinaryIO, Callable, Sequence, cast

from leakstop import baseline as bl
from leakstop import filehooks, git
from leakstop.history import Display as _Display
from leakstop.history import scan_history
from leakstop.gitleaks import NotGitleaks, Unconvertible, convert_gitleaks_rule, rules_toml
from leakstop.config import Config, load_config, with_excluded
from leakstop.engine import Finding
from leakstop.errors import FatalError
from leakstop.files import (
    TooLarge, Unreadable, decode_text, decoded_blocks, inside, normalize, path_from_text, read_bytes, read_own_file, tree_files,
    walk,
)
from leakstop.report import ADVICE, FORMATS, Commit, Progress, display_name, display_path, display_pattern, emit, inert, inert_json, path_without_secrets, printable, progress_wanted, redact
from leakstop.rules import NO_PROVIDER, Rule, by_provider, providers_markdown
from leakstop.scan import CHUNK_SIZE, FileResult, ruleset_for, scan_blob, scan_blocks, scan_data, scan_path, scan_paths
from leakstop.hooks import ArgumentParser, redacted_message, select_rules
from leakstop.records import Scope

# -- scan -------------------------------------------------------------------------------------


def history_revisions(since: str | None, *, all_refs: bool = False) -> tuple[str, ...]:
    """``--since REV`` is ``REV..HEAD`` (a range ``A..B`` is taken as it is); ``--history`` is all of HEAD,
    with ``--all-refs`` every branch and tag."""
    if all_refs:
        if since is not None:
            raise FatalError('--all-refs goes with --history, not --since')
        return (git.ALL_REFS,)
    if since is None:
        return ('HEAD',)
    return (since,) if '..' in since else (f'{since}..HEAD',)


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
    hooks = filehooks.settings_for(config, ruleset)
    results: list[FileResult] = []
    missing = git.missing_objects(top) if git.is_partial_clone(top) else frozenset()  # never fetched
    with git.CatFile(top) as blobs:
        for done, entry in enumerate(entries, 1):
            path = display(entry.path)
            if not entry.scannable:
                if entry.mode == git.SYMLINK and entry.in_index:
                    # its blob is its target path, scanned as scan-secrets scans a staged link (a token in a
                    # link's target is committed too: third hostile review, break 07); the file hooks judge
                    # a link by its name
                    target = None if entry.sha in missing else blobs.read(entry.sha)
                    result = (FileResult(normalize(path)) if target is None else
                              scan_blob(target, path, ruleset=ruleset, config=config, baseline=baseline))
                    found = filehooks.hook_findings(normalize(path), None, binary=False, settings=hooks, baseline=baseline)
                    result = filehooks.merged(result._replace(skipped=None), found, settings=hooks) if found else result
                    if result.findings:
                        results.append(result)
                continue
            if not entry.in_index:
                results.append(filehooks.check_path(path, ruleset=ruleset, config=config, baseline=baseline, settings=hooks))
                continue
            data = None if entry.sha in missing else blobs.read(entry.sha)
            if data is None:
                results.append(FileResult(path, error=f'blob {entry.sha} is missing from the repository (not fetched)'))
            else:
                result = scan_blob(data, path, ruleset=ruleset, config=config, baseline=baseline)
                if result.skipped != 'allowlisted path':
                    found = filehooks.hook_findings(
                        result.path, data, binary=result.skipped == 'binary', settings=hooks, baseline=baseline)
                    result = filehooks.merged(result, found, settings=hooks)
                results.append(result)
            progress(done)
    return results


def cmd_scan(
        scope: Scope, *, config: Config, baseline: str | None, fmt: str, jobs: int, output: str | None = None,
        explain: bool = False, use_git: bool = True,
) -> int:
    known = bl.load_for_run(baseline, config.baseline)
    commits: dict[str, Commit] | None = None
    unit = 'commits' if scope.kind == 'history' else 'files'
    with Progress(unit, enabled=progress_wanted(fmt)) as progress:
        if scope.kind == 'paths':
            named = scope.paths or ('.',)
            skip = config.allowlist.path_allowed if config.allowlist.paths is not None else None
            files = list(tree_files([p for p in named if p != STDIN], use_git=use_git, skip=skip))
            progress.total = len(files)
            results = scan_paths(files, config=config, baseline=known, jobs=jobs, progress=progress, file_hooks=True)
            if STDIN in named:
                results.insert(0, scan_stdin(config=config, baseline=known))
        elif scope.kind in ('staged', 'all'):
            results = scan_index(staged=scope.kind == 'staged', config=config, baseline=known, progress=progress)
        else:
            results, commits = scan_history(scope.revisions, config=config, baseline=known, progress=progress, jobs=jobs)
    rules: Sequence[Rule] = ()
    if fmt == 'sarif':  # the secret rules and the credential-file content rules, described in the report
        from leakstop.hooks.block_credential_files import content_ruleset, file_rules
        rules = [*ruleset_for(config).rules, *content_ruleset(file_rules()).rules]
    advice = ADVICE
    if scope.kind != 'history' and any(f.line == 0 and not f.secret for r in results for f in r.findings):
        advice = f'{ADVICE} {filehooks.ADVICE}'
    return emit(results, fmt=fmt, advice=advice, rules=rules, commits=commits, output=output, explain=explain)


STDIN = '-'  # the path that names standard input, and the name its findings are reported under


class _Prepended:
    """``first``, then the rest of ``stream``, read as one file (``decoded_blocks`` judges the first block)."""

    def __init__(self, first: bytes, stream: BinaryIO) -> None:
        self.first, self.stream = first, stream

    def read(self, size: int) -> bytes:
        if self.first:
            block, self.first = self.first, b''
            return block
        return self.stream.read(size)


def scan_stdin(*, config: Config, baseline: bl.Baseline | None, stream: BinaryIO | None = None) -> FileResult:
    """``leakstop scan -``: standard input scanned as a file named ``-`` (the name a report shows:
    the argument the user typed, a valid relative URI in SARIF, and a path a baseline can record).
    Decoded as a file is (UTF-16, a BOM, CRLF); a binary stream is skipped unless it starts like a
    keystore; more than CHUNK_SIZE bytes are scanned in windows, so memory does not grow with it."""
    if stream is None:
        if sys.stdin is None:
            raise FatalError('-: no standard input to read')
        stream = sys.stdin.buffer
    ruleset = ruleset_for(config)
    hooks = filehooks.settings_for(config, ruleset)
    try:
        first = stream.read(CHUNK_SIZE)
        if len(first) < CHUNK_SIZE:
            result = scan_blob(first, STDIN, ruleset=ruleset, config=config, baseline=baseline)
        else:
            blocks = decoded_blocks(cast(BinaryIO, _Prepended(first, stream)), CHUNK_SIZE)
            if blocks is None:
                result = FileResult(STDIN, skipped='binary')
            else:
                result = FileResult(STDIN, findings=tuple(
                    scan_blocks(blocks, STDIN, ruleset=ruleset, config=config, baseline=baseline)))
    except OSError as e:
        return FileResult(STDIN, error=f'cannot read: {e.strerror or e}')
    if result.skipped == 'allowlisted path':
        return result
    found = filehooks.hook_findings(STDIN, first, binary=result.skipped == 'binary', settings=hooks, baseline=baseline)
    return filehooks.merged(result, found, settings=hooks)


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
            git.command('ls-files', '-z', '--cached'), capture_output=True, check=True,
        ).stdout.decode('utf-8', 'surrogateescape')
    except (OSError, subprocess.CalledProcessError):
        raise FatalError('not in a git repository (or git is missing): name the paths to scan') from None
    return [p for p in out.split('\0') if p and os.path.isfile(p)]


def every_hook(files: Sequence[str], *, config: Config) -> list[FileResult]:
    """What every hook finds in ``files`` (allowlist applied, no baseline): the baseline's view."""
    from leakstop.hooks import block_credential_files, block_env_files
    ruleset = ruleset_for(config)
    results = [scan_path(path, ruleset=ruleset, config=config) for path in files]
    results += block_credential_files.check_files(files, config=config)
    results += block_env_files.check_files(files, config=config)[0]
    return results


def baseline_files(paths: Sequence[str]) -> list[str]:
    """The files a baseline command reads: those ``leakstop scan PATH...`` reads (in a repository,
    what git would track there), else every tracked file."""
    return list(tree_files(paths)) if paths else list(walk(tracked_files()))


def collect(files: Sequence[str], *, config: Config) -> tuple[list[Finding], list[FileResult]]:
    """Every finding in ``files`` that the allowlist lets through, for recording in a baseline; plus
    unreadable files."""
    results = every_hook(files, config=config)
    # one error per unreadable file (each hook reports it)
    errors = list({r.path: r for r in results if r.error}.values())
    return [f for r in results for f in r.findings], errors


def _report_errors(errors: Sequence[FileResult]) -> int:
    for r in errors:
        print(f'{display_path(r.path)}: error: {r.error}', file=sys.stderr)
    return 2 if errors else 0


def settings_baseline(path: str, source: str) -> None:
    """Refuse the baseline path of a settings file found in the repository (not ``--config``) unless it is in
    the work tree and outside ``.git``: ``baseline create/update/import/audit`` write it, and a cloned
    ``.leakstop.toml`` could name ``../../.bash_aliases`` (a file the shell runs: a baseline's paths are
    the repository's file names, ``$(…)`` in one of them) or a hook in ``.git/hooks`` (found with tenth hostile
    review, break 06). Name it with ``--baseline`` to use another."""
    if not bl.in_work_tree(path, bl.work_tree()):
        raise FatalError(f'{display_path(normalize(source))}: baseline {display_path(normalize(path))} is outside the '
                         'work tree or in .git: leakstop writes a baseline only there (name another with --baseline)')


def warn_if_ignored(path: str) -> None:
    """Say on stderr when git ignores the baseline file: it would never be committed, so the hooks in
    CI and in every other clone would not see it and would fail on every reviewed finding."""
    rule = git.ignore_rule(path)
    if rule is not None:
        from leakstop.hooks.check_gitignore import advice_line  # the `!` line to add, as check-gitignore shows one
        shown = display_path(path)
        source, line, pattern = rule
        quoted = display_pattern(pattern)
        where = f'{display_path(source)}:{line}' + (f':{quoted}' if quoted is not None else ', a pattern with a bracket expression')
        print(f'leakstop: warning: {shown} is ignored by git ({where}): it will not be committed, so CI '
              f'and other clones will not have it; commit it with `git add -f {shown}`, or un-ignore it '
              f'(`{advice_line("!" + printable(os.path.basename(path_without_secrets(path))))}` in .gitignore)', file=sys.stderr)


def cmd_baseline_create(paths: Sequence[str], *, config: Config, path: str, force: bool) -> int:
    if os.path.exists(path) and not force:
        raise FatalError(f'{path}: already exists: use `leakstop baseline update` (or --force to start over)')
    if os.path.exists(path):
        bl.load(path)  # never replace a file we cannot parse
    findings, errors = collect(baseline_files(paths), config=config)
    with bl.locked(path):
        new = bl.merge(bl.Baseline(path), findings)
        bl.save(new)
    print(f'{display_path(path)}: {len(new.entries)} finding(s) recorded; review them with `leakstop baseline audit`')
    warn_if_ignored(path)
    return _report_errors(errors)


def cmd_baseline_update(
        paths: Sequence[str], *, config: Config, path: str, revisions: Sequence[str] = (),
) -> int:
    """Add new findings, drop gone ones, keep review decisions. ``revisions`` (``--history`` /
    ``--since``): add what those commits added, drop nothing (a history finding stays in history).
    Entries for files no longer in the working tree are kept: their secrets are still in history, and a
    history scan must keep passing after ``git rm`` of a reviewed file."""
    if revisions:
        results, _ = scan_history(revisions, config=config, baseline=None, progress=Progress('commits', enabled=False),
                                  jobs=os.cpu_count() or 1)
        findings = [f for r in results for f in r.findings]
        errors = [r for r in results if r.error]
        files: list[str] = []
    else:
        files = baseline_files(paths)
        findings, errors = collect(files, config=config)
    with bl.locked(path):
        old = bl.load(path) if os.path.exists(path) else bl.Baseline(path)
        if old.detect_secrets is not None:
            raise FatalError(f'{path}: a detect-secrets baseline: convert it with `leakstop baseline import {path}`')
        scope = {old.entry_path(p) for p in files}  # only what was scanned can be gone
        new = bl.merge(old, findings, scope=scope)
        bl.save(new)
    added = len(set(new.entries) - set(old.entries))
    dropped = len(set(old.entries) - set(new.entries))
    print(f'{display_path(path)}: {len(new.entries)} finding(s): {added} added, {dropped} gone and dropped')
    warn_if_ignored(path)
    return _report_errors(errors)


def cmd_baseline_audit(
        *, config: Config, path: str, report: bool = False, fmt: str = 'text', reveal: bool = False,
        ask: Callable[[str], str] | None = None,
) -> int:
    """The review of unreviewed entries, or (``report``) the counts by verdict and rule: ``leakstop.audit``."""
    from leakstop.audit import audit
    return audit(config=config, path=path, report=report, fmt=fmt, reveal=reveal, ask=ask)


def repository_root() -> str:
    """The top of the git repository around the current directory, else the current directory."""
    try:
        return git.toplevel()
    except FatalError:
        return os.getcwd()


class ImportCounts:
    """What ``baseline import`` did with the entries of a report (counters, updated in place)."""

    def __init__(self) -> None:
        self.imported = 0  # entries that matched a leakstop finding, now recorded
        self.unmatched = 0  # entries of a file leakstop read that no finding of its matched
        self.skipped = 0  # entries naming no file of the repository: not read


def unnamable(name: str) -> str | None:
    """Why an imported report's path can name no file, or None: a NUL byte, or a character no file name
    encodes to (a lone surrogate such as ``\\ud800``, which a JSON report may hold: fifth hostile review,
    break 19, a UnicodeEncodeError traceback)."""
    if '\0' in name:
        return 'a NUL byte in its path'
    try:
        os.fsencode(name)
    except UnicodeEncodeError:
        return 'a character no file name holds in its path (a lone surrogate)'
    return None


def _imported_file(path: str, source: str) -> bytes | None:
    """The text of a file an imported report names (None: not there, not readable, binary). One too large to
    read whole is a FatalError (exit 2), not a MemoryError (fifth hostile review, break 11)."""
    try:
        return decode_text(read_bytes(path))
    except TooLarge as e:
        raise FatalError(f'{display_path(source)}: {display_path(normalize(os.path.relpath(path)))}: cannot read: {e} '
                         '(leave its entries out of the report)') from None
    except Unreadable:
        return None


def import_path(name: str, *, base: str, root: str, source: str, counts: ImportCounts) -> str | None:
    """The file an imported entry names (``name``, relative to ``base``) as a path to read; None,
    said on stderr and counted, if it can name no file (``unnamable``) or is outside ``root`` (``../``, an
    absolute path, a symlink out): an imported report never makes leakstop read another file."""
    path = os.path.join(base, name)
    reason = unnamable(path) or (None if inside(path, root) else 'outside the repository')
    if reason is None:
        return path
    counts.skipped += 1
    print(f'leakstop: {display_path(source)}: skipped an entry for {display_path(name)}: {reason}', file=sys.stderr)
    return None


def _import_detect_secrets(doc: dict[str, Any], *, config: Config, target: bl.Baseline, source: str) -> ImportCounts:
    results = doc.get('results')
    if not isinstance(results, dict):
        raise FatalError(f'{source}: not a detect-secrets baseline: "results" must be an object')
    src_root = os.path.dirname(os.path.abspath(source))
    root = repository_root()
    counts = ImportCounts()
    ruleset = ruleset_for(config)
    from leakstop.scan import scan_data
    for filename, items in sorted(results.items()):
        statuses: dict[str, str] = {}
        for item in items if isinstance(items, list) else []:
            if isinstance(item, dict) and isinstance(item.get('hashed_secret'), str):
                verdict = item.get('is_secret')
                statuses[item['hashed_secret']] = (
                    'true-positive' if verdict is True else 'false-positive' if verdict is False else 'unreviewed')
        recorded = bl.recorded_hashes(items)
        path = import_path(filename, base=src_root, root=root, source=source, counts=counts)
        if path is None:
            continue
        data = _imported_file(path, source)
        matched: set[str] = set()
        found = scan_data(data or b'', normalize(os.path.relpath(path)), ruleset=ruleset, config=config)
        scanned = bl.Scanned(data or b'', found)  # every finding: an armor or a prefix covers one of its line
        for f in found:
            hits = bl.detect_secrets_hits(recorded, f, scanned)  # (a captured prefix: at its line only)
            prefix = bl.captured_prefix_hash(f.secret)
            if prefix is not None and statuses.get(prefix) == 'true-positive':
                hits.add(prefix)  # a verdict of real travels with the prefix wherever the token moved: it only fails
            if hits:
                entry = target.add(f)
                status = max((statuses[h] for h in hits), key=bl.STATUSES.index)
                target.entries[entry.key] = entry._replace(status=status)
                matched |= hits
        counts.imported += len(matched)
        counts.unmatched += len(set(statuses) - matched)
    return counts


# file, line, secret (None in an ignore file), gitleaks rule id, commit ('' when the file is read as it is today)
GitleaksRecord = tuple[str, int, 'str | None', str, str]


_QUOTES = '"\'` \t\r\n'


def _same_secret(ours: str, theirs: str) -> bool:
    """Whether gitleaks' secret is this finding's whole secret (quotes or blanks around either
    aside): a secret that merely contains it, even most of it, is another secret."""
    theirs = theirs.strip(_QUOTES)
    return bool(theirs) and ours.strip(_QUOTES) == theirs


GITLEAKS_RULES_FILE = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'data', 'gitleaks_rules.toml')


def gitleaks_rule_map(path: str = GITLEAKS_RULES_FILE) -> dict[str, frozenset[str]]:
    """gitleaks' rule ids -> the leakstop rule ids that report the same secrets (``data/gitleaks_rules.toml``;
    ``generic`` there: every rule of the generic detector)."""
    from leakstop.cache import cache_dir, cached_toml
    from leakstop.generic import RULE_IDS
    table = cached_toml(path, directory=cache_dir())['rules']
    return {
        theirs: frozenset(rid for ours in ids for rid in (RULE_IDS if ours == 'generic' else (ours,)))
        for theirs, ids in table.items()
    }


def _gitleaks_matches(
        findings: Sequence[Finding], line: int, secret: str | None, rule: str, rule_map: dict[str, frozenset[str]],
) -> list[Finding]:
    """The findings a gitleaks record stands for: those with its secret (a report); else, on its line, those of
    the leakstop rules its gitleaks rule maps to (``rule_map``), or of the rule with its id; else the finding on
    its line when it is the line's only one. One record never covers a finding of another rule on its line
    (``aws-access-token``, the key ID, is not the secret access key beside it)."""
    if secret is not None:
        return [f for f in findings if _same_secret(f.secret, secret)]
    on_line = [f for f in findings if f.line == line]
    ours = rule_map.get(rule, frozenset((rule,)) if rule else frozenset())
    named = [f for f in on_line if f.rule_id in ours]
    if named or rule in rule_map:
        return named
    return on_line if len(on_line) == 1 else []


def _import_gitleaks(
        records: list[GitleaksRecord], *, config: Config, target: bl.Baseline, status: str, source: str,
) -> ImportCounts:
    """(file, line, secret or None, rule) records: the leakstop finding each stands for is recorded."""
    ruleset = ruleset_for(config)
    from leakstop.scan import scan_data
    root = repository_root()
    counts = ImportCounts()
    rule_map = gitleaks_rule_map()
    written: set[tuple[str, str, str]] = set()
    for filename, line, secret, rule, commit in records:
        path = import_path(filename, base='', root=root, source=source, counts=counts)
        if path is None:
            continue
        if commit:  # a .gitleaksignore entry names the commit its line number belongs to: read the file there
            data = _content_at(commit, path, root=root, source=source, counts=counts)
            if data is None:
                continue
        else:
            data = _imported_file(path, source)
        findings = scan_data(data or b'', normalize(path), ruleset=ruleset, config=config)
        found = _gitleaks_matches(findings, line, secret, rule, rule_map)
        for f in found:
            entry = target.add(f)
            target.entries[entry.key] = entry._replace(status=status)
            written.add(entry.key)
        counts.unmatched += not found
    counts.imported = len(written)  # the entries written, as the message says (not the records that matched)
    return counts


def _content_at(commit: str, path: str, *, root: str, source: str, counts: ImportCounts) -> bytes | None:
    """The text ``path`` had at ``commit`` (git's object store); None, said on stderr and counted, when
    the repository does not have that commit or file."""
    relative = normalize(os.path.relpath(os.path.abspath(path), root))
    try:
        return decode_text(git.git_output(['cat-file', 'blob', f'{commit}:{relative}'], cwd=root)) or b''
    except FatalError:
        counts.skipped += 1
        print(f'leakstop: {display_path(source)}: skipped an entry for {display_path(relative)}: commit {commit[:12]} '
              'or the file in it is not in this repository', file=sys.stderr)
        return None


def _import_leakstop_report(doc: dict[str, Any], *, target: bl.Baseline, source: str) -> ImportCounts:
    """``leakstop scan --format json`` (any scope, ``--history`` included): each finding recorded as it
    is (path, rule, fingerprint), unreviewed; no file is read. A path with a NUL byte is skipped, said."""
    findings = doc.get('findings')
    if not isinstance(findings, list):
        raise FatalError(f'{source}: a leakstop report without a "findings" list')
    counts = ImportCounts()
    from leakstop.rules import ID_RE
    for i, item in enumerate(findings):
        if not (isinstance(item, dict) and isinstance(item.get('path'), str) and isinstance(item.get('rule'), str)
                and isinstance(item.get('fingerprint'), str) and re.fullmatch(r'[0-9a-f]{64}', item['fingerprint'])):
            counts.unmatched += 1
            continue
        if not ID_RE.match(item['rule']):  # leakstop writes rule ids only; never quoted (it could be anything)
            # a lone surrogate (`"\ud800"`) was written into the baseline: a UnicodeEncodeError traceback (tenth
            # hostile review, break 14); the baseline reader refuses the same text, and so does the import
            raise FatalError(f'{source}: not a leakstop report: findings[{i}].rule is not a rule id '
                             '(lowercase letters, digits and dashes); the baseline was left unchanged')
        reason = unnamable(path_from_text(item['path']))
        if reason is not None:
            counts.skipped += 1
            print(f'leakstop: {display_path(source)}: skipped an entry: {reason}', file=sys.stderr)
            continue
        raw_line = item.get('line')
        line = raw_line if isinstance(raw_line, int) and not isinstance(raw_line, bool) else 0
        entry = bl.Entry(target.entry_path(path_from_text(item['path'])), item['rule'], item['fingerprint'], line)
        if entry.key not in target.entries:
            target.entries[entry.key] = entry
        counts.imported += 1
    return counts


def _gitleaks_record(item: Any) -> GitleaksRecord | None:
    """(file, start line, secret, rule id) of one gitleaks report entry; None if it names no file, or no
    secret: an entry with an empty or missing ``Secret`` stands for no finding leakstop can tell (it covered
    every finding of its rule on its line, two tokens among them: seventh hostile review, break 06), as one
    with a redacted ``Secret`` does not match either."""
    if not isinstance(item, dict) or not isinstance(item.get('File'), str) or not item['File']:
        return None
    line = item.get('StartLine')
    secret = item.get('Secret')
    if not isinstance(secret, str) or not secret.strip():
        return None
    rule = item.get('RuleID')
    return (
        item['File'], line if isinstance(line, int) and not isinstance(line, bool) else 0,
        secret if isinstance(secret, str) and secret else None, rule if isinstance(rule, str) else '', '',
    )


def cmd_baseline_import(source: str, *, config: Config, path: str) -> int:
    try:
        text = read_own_file(source).decode('utf-8', 'replace')
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
        except RecursionError:
            raise FatalError(f'{source}: JSON nested too deeply') from None
        if isinstance(doc, dict) and isinstance(doc.get('tool'), dict) and doc['tool'].get('name') == 'leakstop':
            kind = 'leakstop JSON report'
            counts = _import_leakstop_report(doc, target=target, source=source)
        elif isinstance(doc, dict) and 'results' in doc:
            kind = 'detect-secrets baseline'
            counts = _import_detect_secrets(doc, config=config, target=target, source=source)
        elif isinstance(doc, list):
            kind = 'gitleaks report'
            records = [rec for rec in map(_gitleaks_record, doc) if rec is not None]
            counts = _import_gitleaks(records, config=config, target=target, status='unreviewed', source=source)
        elif doc is None:
            kind = 'gitleaks ignore file'
            records = []
            for raw in text.splitlines():
                line = raw.split('#', 1)[0].strip()
                parts = line.rsplit(':', 2)
                if len(parts) != 3 or not parts[2].isdigit():
                    continue
                head, _, rest = parts[0].partition(':')
                commit = head if rest and len(head) == 40 and all(c in '0123456789abcdef' for c in head) else ''
                filename = rest if commit else parts[0]
                records.append((filename, int(parts[2]), None, parts[1], commit))
            counts = _import_gitleaks(records, config=config, target=target, status='false-positive', source=source)
        else:
            raise FatalError(f'{source}: not a leakstop JSON report, detect-secrets baseline, gitleaks report or .gitleaksignore')
        bl.save(target)
    unmatched = counts.unmatched
    skipped = f'; {counts.skipped} skipped (not read: see above)' if counts.skipped else ''
    print(f'{display_path(path)}: imported {counts.imported} finding(s) from {display_path(source)} ({kind}); '
          f'{unmatched} entr{"y" if unmatched == 1 else "ies"} had no leakstop finding to match{skipped}')
    warn_if_ignored(path)
    return 0



# -- rules ------------------------------------------------------------------------------------


def cmd_rules_list(*, config: Config, fmt: str = 'text') -> int:
    from leakstop.history import without_secrets
    ruleset = ruleset_for(config, every_rule=True)
    custom = {r.id for r in config.custom_rules}
    # a user's rule says what the user wrote: a token pasted into its id or description is redacted (second
    # hostile review, break 06); leakstop's own are shown as they are
    # (its description, provider, revoke page and tags are redacted when the rule set is built: scan.shown_without_secrets)
    rules = sorted((r._replace(id=display_name(r.id), description=without_secrets(r.description, ruleset),
                               paths=tuple(without_secrets(p, ruleset, glob=True) for p in r.paths),
                               keywords=tuple(without_secrets(k, ruleset) for k in r.keywords))  # (fourth review, 06)
                    if r.id in custom else r for r in ruleset.rules), key=lambda r: r.id)
    custom = {display_name(i) for i in custom}
    if fmt == 'json':
        doc = {'version': 1, 'rules': [{
            'id': r.id, 'description': r.description, 'severity': r.severity, 'tags': list(r.tags),
            'keywords': list(r.keywords), 'validator': r.validator, 'paths': list(r.paths),
            'kind': r.kind, 'provider': r.provider or None, 'revoke': r.revoke or None,
            'custom': r.id in custom, 'disabled': not config.allowlist.rule_enabled(r.id),
        } for r in rules]}
        print(inert_json(json.dumps(doc, indent=2, ensure_ascii=False)))  # a custom rule's `##[…` (review 11, 07's sibling)
        return 0
    if fmt == 'markdown':
        sys.stdout.write(providers_markdown(rules))
        return 0
    groups = by_provider(rules)
    width = max((len(r.id) for r in rules), default=0)
    for provider, group in groups:  # (a custom rule's texts are the settings': escaped, as under a finding)
        shown = inert(provider)
        if shown.lstrip().startswith('::'):  # a line a CI runner would read as a workflow command
            shown = shown.replace(':', '\\x3a', 1)
        print(f'{shown} ({len(group)} rule{"" if len(group) == 1 else "s"})')
        for rule in group:
            tags = f'  [{", ".join(rule.tags)}]' if rule.tags else ''
            print(f'  {rule.id:<{width}}  {rule.severity:<6}  {inert(rule.description + tags)}')
    providers = sum(1 for p, _ in groups if p != NO_PROVIDER)
    print(f'leakstop: {len(rules)} rule{"" if len(rules) == 1 else "s"}, {providers} provider{"" if providers == 1 else "s"}')
    return 0


def example_path(rule: Rule) -> str:
    """A file name the rule applies to (rules limited by ``paths`` need one); not one named as an example
    or a test (the generic score and the password rules weigh a typed password less there)."""
    if not rule.paths:
        return 'notes.txt'
    return re.sub(r'\*+', 'app', rule.paths[0].replace('**/', '')).lstrip('/')


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
    ruleset = ruleset_for(config)  # the rules that run: what the examples are found with
    every = ruleset_for(config, every_rule=True).rules
    failed = disabled = examples = 0
    untested: list[str] = []
    for rule in every:
        if not config.allowlist.rule_enabled(rule.id):
            disabled += 1
            continue
        if not (rule.examples or rule.negatives):
            untested.append(rule.id)
            continue
        examples += len(rule.examples) + len(rule.negatives)
        failures = rule_test_failures(rule, ruleset=ruleset, config=config)
        if failures:
            failed += 1
            for failure in failures:
                print(f'{display_path(rule.source) if rule.source else "(config)"}: {rule.id}: {failure}')
    if untested:
        shown = ', '.join(untested[:5]) + (', …' if len(untested) > 5 else '')
        print(f'leakstop: {len(untested)} rule(s) have no examples or negatives to test: {shown}', file=sys.stderr)
    tested = len(every) - disabled - len(untested)
    summary = (f'leakstop: {tested} rule(s), {examples} example(s) and negative(s) tested: '
               f'{failed} rule(s) failed')
    extra = [f'{n} {what}' for n, what in ((len(untested), 'without examples'), (disabled, 'disabled')) if n]
    print(summary + (f' ({", ".join(extra)} not tested)' if extra else ''))
    return 1 if failed else 0


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
    ruleset = ruleset_for(config, every_rule=True)
    taken = {r.id for r in ruleset.rules}
    converted: list[dict[str, Any]] = []
    skipped: list[str] = []
    notes: list[str] = []
    from leakstop.history import without_secrets  # a token pasted into an id, a regex or its group names
    for i, table in enumerate(tables):
        raw_id = table.get('id')
        if isinstance(raw_id, str) and without_secrets(raw_id, ruleset) != raw_id:  # no id made of the token either
            table = {**table, 'id': f'imported-rule-{i + 1}'}
            notes.append(f'imported-rule-{i + 1}: renamed from {without_secrets(raw_id, ruleset)!r} (it holds a secret)')
        name = table['id'] if isinstance(table.get('id'), str) else f'rules[{i}]'
        try:
            out, rule_notes = convert_gitleaks_rule(table, taken)
        except NotGitleaks as e:  # (the rule's name is not quoted: it can hold anything)
            raise FatalError(f'{source}: rules[{i}].{e} (gitleaks refuses this configuration too)') from None
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
    for line in notes:  # (escaped: a gitleaks id or regexTarget can hold a line break, an ESC)
        print(f'leakstop: note: {inert(without_secrets(line, ruleset))}', file=sys.stderr)
    for line in skipped:
        print(f'leakstop: skipped {inert(without_secrets(line, ruleset))}', file=sys.stderr)
    print(f'leakstop: {len(converted)} rule(s) converted, {len(skipped)} skipped'
          + (f'; written to {output}' if output else ''), file=sys.stderr)
    return 0


# -- rule selection and settings ----------------------------------------------------------------


def _toml_list(items: Sequence[str]) -> str:
    return '[' + ', '.join(json.dumps(i, ensure_ascii=False) for i in items) + ']'


def settings_rows(
        config: Config, *, explicit: bool, disable: Sequence[str] = (), enable_only: Sequence[str] = (),
        baseline: str | None = None,
) -> list[tuple[str, str, str]]:
    """(setting, value as shown, where it came from) for ``leakstop config show``. Allowlist values
    and stopwords may hold fragments of secrets: they are shown redacted, as findings are."""
    from leakstop.config import origin_of, settings_table
    from leakstop.history import without_secrets
    table = settings_table(config)
    ruleset = ruleset_for(config, every_rule=True)

    def path_shown(path: str) -> str:  # a token pasted into a path or a glob (second hostile review, break 06),
        return printable(without_secrets(path, ruleset, glob=True))  # or written as one (`ghp[_]…`: twelfth, 10)
    source = printable(origin_of(config, explicit=explicit))
    cli = 'command line'

    def origin(present: bool) -> str:
        return source if present else 'default'

    def names(ids: frozenset[str]) -> list[str]:
        return [display_name(i) for i in sorted(ids)]

    def shown(value: Any, how: Callable[[str], str]) -> str:
        return _toml_list([how(v) for v in value]) if isinstance(value, list) else '[]'

    rows = [('baseline', json.dumps(without_secrets(display_path(baseline or config.baseline), ruleset), ensure_ascii=False),
             f'{cli} (--baseline)' if baseline else origin('baseline' in table))]
    where = [w for w, on in ((origin(True), 'disable' in table), (f'{cli} (--disable-rule)', bool(disable))) if on]
    rows.append(('disable', _toml_list(names(config.allowlist.disabled | frozenset(disable))), ' + '.join(where) or 'default'))
    only = frozenset(enable_only) if enable_only else config.allowlist.enabled_only
    rows.append(('enable_only', '(every rule)' if only is None else _toml_list(names(only)),
                 f'{cli} (--enable-only)' if enable_only else origin('enable_only' in table)))
    allow: dict[str, Any] = table['allowlist'] if isinstance(table.get('allowlist'), dict) else {}
    rows.append(('allowlist.paths', shown(allow.get('paths', []), path_shown), origin('paths' in allow)))
    rows.append(('allowlist.values', shown(allow.get('values', []), redact), origin('values' in allow)))
    rows.append(('allowlist.stopwords', shown(allow.get('stopwords', []), redact), origin('stopwords' in allow)))
    per_rule: dict[str, Any] = allow['rules'] if isinstance(allow.get('rules'), dict) else {}
    for rule_id in sorted(per_rule):
        rtable = per_rule[rule_id] if isinstance(per_rule[rule_id], dict) else {}
        for key, how in (('paths', path_shown), ('values', redact)):
            if key in rtable:
                rows.append((f'allowlist.rules.{display_name(rule_id)}.{key}', shown(rtable[key], how), source))
    custom = [display_name(r.id) for r in config.custom_rules]
    rows.append(('rules', _toml_list(custom), origin('rules' in table)))
    return rows


def cmd_config_show(
        *, config: Config, explicit: bool, disable: Sequence[str] = (), enable_only: Sequence[str] = (),
        baseline: str | None = None,
) -> int:
    from leakstop.config import origin_of, shadowed_settings

    def show(line: str) -> None:
        """A line of the settings: a value ``##[error]…`` as ``#\\u0023[error]…``, the same TOML string and no
        workflow command in a CI log (eleventh hostile review, a sibling of break 07)."""
        print(inert_json(line))

    rows = settings_rows(config, explicit=explicit, disable=disable, enable_only=enable_only, baseline=baseline)
    show(f'# settings: {printable(origin_of(config, explicit=explicit))}' if config.source
          else '# settings: none (every value is the default)')
    ignored = None if explicit else shadowed_settings()
    if ignored is not None:
        show(f'# ignored: {display_path(normalize(ignored))} [tool.leakstop] (.leakstop.toml wins)')
    width = min(max(len(f'{k} = {v}') for k, v, _ in rows), 60)
    for key, value, where in rows:
        line = f'{key} = {value}'
        if len(line) > 100 and value.startswith('['):  # a long list: one item a line
            items, _, tail = value[1:].rpartition(']')
            show(f'{f"{key} = [":<{width}}  # {where}')
            for item in json.loads(f'[{items}]'):
                show(f'    {json.dumps(item, ensure_ascii=False)},')
            show(']' + tail)
        else:
            show(f'{line:<{width}}  # {where}')
    return 0


def _print_version() -> None:
    from importlib import metadata
    try:
        version = metadata.version('leakstop')
    except metadata.PackageNotFoundError:  # running from a source tree that was never installed
        from leakstop import __version__ as version
    print(f'leakstop {version}')


class _VersionAction(argparse.Action):
    """``--version``: the installed package's version, read from its metadata only when asked."""

    def __init__(self, option_strings: Sequence[str], dest: str = argparse.SUPPRESS, **kwargs: Any) -> None:
        super().__init__(option_strings, dest, nargs=0, default=argparse.SUPPRESS, **kwargs)

    def __call__(self, parser: argparse.ArgumentParser, *_: Any) -> None:
        _print_version()
        parser.exit()


def _add_rule_selection(parser: argparse.ArgumentParser) -> None:
    parser.add_argument('--disable-rule', action='append', default=[], metavar='ID',
                        help='do not run this rule (repeatable; adds to `disable` of the settings)')
    parser.add_argument('--enable-only', action='append', default=[], metavar='ID',
                        help='run only this rule (repeatable; replaces `enable_only` of the settings)')


# -- main -------------------------------------------------------------------------------------

def _add_config(parser: argparse.ArgumentParser) -> None:
    # SUPPRESS: given after the subcommand it overrides, absent it leaves the top-level value alone
    parser.add_argument('--config', default=argparse.SUPPRESS,
                        help='settings file (default: .leakstop.toml or pyproject.toml)')


def build_parser() -> argparse.ArgumentParser:
    parser = ArgumentParser(prog='leakstop', description='Keep secrets out of git.')
    parser.add_argument('--version', action=_VersionAction, help="print leakstop's version and exit")
    parser.add_argument('--config', help='settings file (default: .leakstop.toml or pyproject.toml)')
    sub = parser.add_subparsers(dest='command', required=True)

    scan = sub.add_parser('scan', help='scan files, the index or git history')
    scan.add_argument('paths', nargs='*',
                      help='files or directories (default: .; in a git repository what git would track there); - reads stdin')
    scope = scan.add_mutually_exclusive_group()
    scope.add_argument('--staged', action='store_true',
                       help='scan what is staged for the next commit (the index, not the working tree)')
    scope.add_argument('--all', action='store_true', dest='all_tracked',
                       help='scan every tracked file as the index holds it')
    scope.add_argument('--since', metavar='REV',
                       help='scan the lines added by the commits in REV..HEAD (or a range A..B)')
    scope.add_argument('--history', action='store_true',
                       help='scan what every commit reachable from HEAD added')
    scan.add_argument('--all-refs', action='store_true',
                      help='with --history: the commits of every branch, remote-tracking branch and tag, not only HEAD, '
                           'and what a tag to a blob or a tree holds')
    scan.add_argument('--no-git', action='store_false', dest='use_git',
                      help='walk directories whole, even in a git repository (.gitignore not applied)')
    scan.add_argument('--exclude', action='append', default=[], metavar='GLOB',
                      help='skip paths matching GLOB (gitignore-style, as [allowlist] paths; repeatable), in every scope')
    scan.add_argument('--format', choices=FORMATS, default='text', help='output format (default: text)')
    scan.add_argument('--output', '-o', metavar='FILE', help='write the report to FILE (atomically) instead of stdout')
    scan.add_argument('--baseline', help='reviewed findings that pass (default: .leakstop-baseline.json if present)')
    scan.add_argument('--explain', action='store_true',
                      help='under each generic finding, the features and the score that made it (the value\'s shape, never the value)')
    scan.add_argument('--jobs', '-j', type=positive_int, default=os.cpu_count() or 1,
                      help='processes to scan paths or history with (default: every core)')
    _add_rule_selection(scan)
    _add_config(scan)

    base = sub.add_parser('baseline', help='record, update, review and import reviewed findings')
    base_sub = base.add_subparsers(dest='baseline_command', required=True)
    for name, text in (('create', 'record every current finding'), ('update', 'add new findings, drop gone ones, keep decisions')):
        p = base_sub.add_parser(name, help=text)
        p.add_argument('paths', nargs='*', help='files or directories (default: every tracked file)')
        p.add_argument('--baseline', help='the baseline file (default: .leakstop-baseline.json)')
        if name == 'create':
            p.add_argument('--force', action='store_true', help='replace an existing (valid) baseline')
        else:
            when = p.add_mutually_exclusive_group()
            when.add_argument('--since', metavar='REV', help='add what the commits after REV added (REV..HEAD, or a range A..B)')
            when.add_argument('--history', action='store_true', help='add what every commit of HEAD added')
            p.add_argument('--all-refs', action='store_true', help='with --history: every branch and tag (and what a tag to a blob or a tree holds), not only HEAD')
        _add_config(p)
    audit = base_sub.add_parser('audit', help='review unreviewed findings one by one, or count the verdicts')
    audit.add_argument('--baseline', help='the baseline file (default: .leakstop-baseline.json)')
    audit_mode = audit.add_mutually_exclusive_group()
    audit_mode.add_argument('--report', '--stats', dest='report', action='store_true',
                            help='print the counts by verdict and by rule instead of asking')
    audit_mode.add_argument('--reveal', action='store_true',
                            help='show each secret whole (only on a terminal: refused when stdout is not one)')
    audit.add_argument('--format', choices=('text', 'json'), default=None, help='for --report (default: text)')
    _add_config(audit)
    imp = base_sub.add_parser('import', help='import a detect-secrets baseline or a gitleaks report / ignore file')
    imp.add_argument('source')
    imp.add_argument('--baseline', help='the baseline file to create or extend (default: .leakstop-baseline.json)')
    _add_config(imp)

    rules = sub.add_parser('rules', help='the detection rules')
    rules_sub = rules.add_subparsers(dest='rules_command', required=True)
    rlist = rules_sub.add_parser('list', help='every rule, grouped by provider: id, severity, description, tags')
    rlist.add_argument('--format', choices=('text', 'json', 'markdown'), default='text',
                       help='markdown: the table of covered providers (as in the README)')
    _add_config(rlist)
    rtest = rules_sub.add_parser('test', help="run every rule's examples and negatives through the pipeline")
    _add_config(rtest)
    rimp = rules_sub.add_parser('import-gitleaks', help='convert a gitleaks configuration into leakstop rules (TOML)')
    rimp.add_argument('source', help='a gitleaks TOML configuration (.gitleaks.toml)')
    rimp.add_argument('--output', '-o', metavar='FILE', help='write the rules to FILE (atomically) instead of stdout')
    _add_config(rimp)

    settings = sub.add_parser('config', help='the settings in effect')
    settings_sub = settings.add_subparsers(dest='config_command', required=True)
    show = settings_sub.add_parser('show', help='print the effective settings and where each came from (secrets redacted)')
    show.add_argument('--baseline', help='as `leakstop scan --baseline`')
    _add_rule_selection(show)
    _add_config(show)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        config = load_config(args.config)
        if args.config is None:
            from leakstop.config import shadowed_settings
            ignored = shadowed_settings()
            if ignored is not None:
                print(f'leakstop: warning: settings in both .leakstop.toml and {display_path(normalize(ignored))} '
                      '[tool.leakstop]: .leakstop.toml is used, [tool.leakstop] is ignored (keep one)', file=sys.stderr)
        if args.command == 'config':
            select_rules(config, disable=args.disable_rule, enable_only=args.enable_only, prog='leakstop')  # refuses unknown ids
            return cmd_config_show(config=config, explicit=args.config is not None, disable=args.disable_rule,
                                   enable_only=args.enable_only, baseline=args.baseline)
        if args.command == 'scan':
            config = select_rules(config, disable=args.disable_rule, enable_only=args.enable_only, prog='leakstop')
            kind = 'staged' if args.staged else 'all' if args.all_tracked else 'history' if (args.history or args.since) else 'paths'
            if kind != 'paths' and args.paths:
                option = 'all' if kind == 'all' else 'since' if args.since else kind
                raise FatalError(f'scan: name paths or use --{option}, not both')
            if args.all_refs and not args.history:
                raise FatalError('scan: --all-refs goes with --history')
            scope = Scope(kind, tuple(args.paths), history_revisions(args.since, all_refs=args.all_refs) if kind == 'history' else ())
            return cmd_scan(
                scope, config=with_excluded(config, args.exclude), baseline=args.baseline, fmt=args.format,
                jobs=args.jobs, output=args.output, explain=args.explain, use_git=args.use_git,
            )
        if args.command == 'baseline':
            path = args.baseline or config.baseline
            if args.baseline is None and args.config is None and config.source is not None:
                settings_baseline(path, config.source)
            if args.baseline_command == 'create':
                return cmd_baseline_create(args.paths, config=config, path=path, force=args.force)
            if args.baseline_command == 'update':
                history = args.history or args.since is not None
                if args.all_refs and not args.history:
                    raise FatalError('baseline update: --all-refs goes with --history')
                if history and args.paths:
                    raise FatalError('baseline update: name paths or use --history/--since, not both')
                return cmd_baseline_update(args.paths, config=config, path=path,
                                           revisions=history_revisions(args.since, all_refs=args.all_refs) if history else ())
            if args.baseline_command == 'audit':
                if args.format is not None and not args.report:
                    raise FatalError('baseline audit: --format is for --report')
                return cmd_baseline_audit(config=config, path=path, report=args.report, fmt=args.format or 'text',
                                          reveal=args.reveal)
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
        print(f'leakstop: error: {redacted_message(str(e))}', file=sys.stderr)
        return 2
    except BrokenPipeError:  # `leakstop ... | head`: the reader left; say nothing more
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 1
    raise AssertionError(args)  # pragma: no cover (argparse guards the commands)


if __name__ == '__main__':
    raise SystemExit(main())

"""The ``leakstop`` command: scanning outside pre-commit, the baseline workflow, rules."""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from typing import Any, Callable, Sequence

from leakstop import baseline as bl
from leakstop.config import Config, load_config
from leakstop.engine import Finding
from leakstop.errors import FatalError
from leakstop.files import Unreadable, decode_text, normalize, read_bytes, walk
from leakstop.report import display_path, emit, redact
from leakstop.scan import FileResult, ruleset_for, scan_path, scan_paths


def cmd_scan(paths: Sequence[str], *, config: Config, baseline: str | None, fmt: str, jobs: int) -> int:
    known = bl.load_for_run(baseline, config.baseline)
    results = scan_paths(list(walk(paths)), config=config, baseline=known, jobs=jobs)
    return emit(results, fmt=fmt)


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
    ruleset = ruleset_for(config)
    findings: list[Finding] = []
    errors: list[FileResult] = []
    for path in walk(paths or tracked_files()):
        result = scan_path(path, ruleset=ruleset, config=config)
        findings.extend(result.findings)
        if result.error:
            errors.append(result)
    return findings, errors


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
                baseline.entries[entry.key] = bl.dataclasses.replace(entry, status=status)
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
                statuses[item['hashed_secret']] = {True: 'true-positive', False: 'false-positive'}.get(verdict, 'unreviewed')
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
                target.entries[entry.key] = bl.dataclasses.replace(entry, status=status)
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
            target.entries[entry.key] = bl.dataclasses.replace(entry, status=status)
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


def cmd_rules_list(*, config: Config) -> int:
    ruleset = ruleset_for(config)
    width = max((len(r.id) for r in ruleset.rules), default=0)
    for rule in sorted(ruleset.rules, key=lambda r: r.id):
        print(f'{rule.id:<{width}}  {rule.severity:<6}  {rule.description}')
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog='leakstop', description='Keep secrets out of git.')
    parser.add_argument('--config', help='settings file (default: .leakstop.toml or pyproject.toml)')
    sub = parser.add_subparsers(dest='command', required=True)

    scan = sub.add_parser('scan', help='scan files and directories')
    scan.add_argument('paths', nargs='*', default=['.'], help='files or directories (default: .)')
    scan.add_argument('--format', choices=('text', 'json'), default='text')
    scan.add_argument('--baseline', help='reviewed findings that pass (default: .leakstop-baseline.json if present)')
    scan.add_argument('--jobs', '-j', type=positive_int, default=os.cpu_count() or 1,
                      help='processes to scan with (default: every core)')

    base = sub.add_parser('baseline', help='record, update, review and import reviewed findings')
    base_sub = base.add_subparsers(dest='baseline_command', required=True)
    for name, text in (('create', 'record every current finding'), ('update', 'add new findings, drop gone ones, keep decisions')):
        p = base_sub.add_parser(name, help=text)
        p.add_argument('paths', nargs='*', help='files or directories (default: every tracked file)')
        p.add_argument('--baseline', help='the baseline file (default: .leakstop-baseline.json)')
        if name == 'create':
            p.add_argument('--force', action='store_true', help='replace an existing (valid) baseline')
    audit = base_sub.add_parser('audit', help='review unreviewed findings one by one')
    audit.add_argument('--baseline', help='the baseline file (default: .leakstop-baseline.json)')
    audit.add_argument('--stats', action='store_true', help='print a summary instead of asking')
    imp = base_sub.add_parser('import', help='import a detect-secrets baseline or a gitleaks report / ignore file')
    imp.add_argument('source')
    imp.add_argument('--baseline', help='the baseline file to create or extend (default: .leakstop-baseline.json)')

    rules = sub.add_parser('rules', help='the detection rules')
    rules_sub = rules.add_subparsers(dest='rules_command', required=True)
    rules_sub.add_parser('list', help='every rule with its description')

    args = parser.parse_args(argv)
    try:
        config = load_config(args.config)
        if args.command == 'scan':
            return cmd_scan(args.paths, config=config, baseline=args.baseline, fmt=args.format, jobs=args.jobs)
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
        if args.command == 'rules' and args.rules_command == 'list':
            return cmd_rules_list(config=config)
    except FatalError as e:
        print(f'leakstop: error: {e}', file=sys.stderr)
        return 2
    raise AssertionError(args)  # pragma: no cover (argparse guards the commands)


if __name__ == '__main__':
    raise SystemExit(main())

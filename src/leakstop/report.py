"""Output: redacted text grouped by file, and JSON. No secret is ever written whole."""
from __future__ import annotations

import json
import sys
from typing import Iterable, Sequence

from leakstop.engine import Finding
from leakstop.scan import FileResult

PREFIX_MAX = 4
ADVICE = (
    'If a secret is real, rotate it first (revoke it at the provider: it is compromised once pushed), '
    'then remove it from the files. For a false positive, add a `leakstop: allow` comment on the line, '
    'or record it in the baseline with `leakstop baseline update`.'
)


def redact(secret: str) -> str:
    """At most the first 4 characters, fewer for short secrets, then an ellipsis."""
    shown = min(PREFIX_MAX, len(secret) // 4)
    return secret[:shown] + '…'


def display_path(path: str) -> str:
    """The path as one printable line: control characters escaped."""
    if path.isprintable():
        return path
    return json.dumps(path, ensure_ascii=False)[1:-1]


def format_finding(f: Finding) -> str:
    """``path:line:col: rule: description: redacted``; file-level findings (line 0) omit position and secret."""
    where = display_path(f.path) if f.line == 0 else f'{display_path(f.path)}:{f.line}:{f.column}'
    if f.commit:
        where = f'{f.commit[:12]}:{where}'
    text = f'{where}: {f.rule_id}: {f.description}'
    return f'{text}: {redact(f.secret)}' if f.secret else text


def text_lines(results: Sequence[FileResult], *, advice: str = ADVICE) -> tuple[list[str], list[str]]:
    """(stdout lines, stderr lines) for human readers."""
    out: list[str] = []
    err: list[str] = []
    files_with = 0
    count = 0
    for result in results:
        if result.error:
            err.append(f'{display_path(result.path)}: error: {result.error}')
        if result.findings:
            files_with += 1
            count += len(result.findings)
            out.extend(format_finding(f) for f in result.findings)
    if count:
        s = '' if count == 1 else 's'
        fs = '' if files_with == 1 else 's'
        out.append(f'leakstop: {count} finding{s} in {files_with} file{fs}. {advice}')
    return out, err


def finding_json(f: Finding) -> dict[str, object]:
    out: dict[str, object] = {
        'path': f.path, 'line': f.line, 'column': f.column, 'rule': f.rule_id,
        'description': f.description, 'severity': f.severity, 'redacted': redact(f.secret),
        'fingerprint': f.fingerprint,
    }
    if f.commit:
        out['commit'] = f.commit
    return out


def json_document(results: Iterable[FileResult]) -> str:
    results = list(results)
    doc = {
        'version': 1,
        'findings': [finding_json(f) for r in results for f in r.findings],
        'errors': [{'path': r.path, 'message': r.error} for r in results if r.error],
    }
    return json.dumps(doc, indent=2, ensure_ascii=False)


def exit_code(results: Iterable[FileResult]) -> int:
    """2 if any file could not be scanned, else 1 if anything was found, else 0."""
    code = 0
    for r in results:
        if r.error:
            return 2
        if r.findings:
            code = 1
    return code


def emit(results: Sequence[FileResult], *, fmt: str = 'text', advice: str = ADVICE) -> int:
    """Print ``results`` in ``fmt`` and return the exit code."""
    if fmt == 'json':
        sys.stdout.write(json_document(results) + '\n')
        for r in results:
            if r.error:
                sys.stderr.write(f'{display_path(r.path)}: error: {r.error}\n')
    else:
        out, err = text_lines(results, advice=advice)
        if out:
            sys.stdout.write('\n'.join(out) + '\n')
        if err:
            sys.stderr.write('\n'.join(err) + '\n')
    sys.stdout.flush()
    return exit_code(results)

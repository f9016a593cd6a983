"""block-env-files: refuse .env files; let templates through while every value is a placeholder.

Names are matched precisely (gitignore-style globs on file names, at any depth): ``.env``,
``.env.*`` and ``*.env`` are environment files; ``.env.example``, ``.env.sample``,
``.env.template``, ``.env.dist``, ``.env.defaults`` (and their ``*.env.*`` forms, and ``example.env``,
``*.sample.env``…) are templates; ``environment.ts``, ``env.py``, ``.envoy`` or ``dotenv.js`` are neither.
``.envrc`` (direnv) is refused only when it exports literal values.

A template passes while each value is empty, a placeholder (``placeholders.is_placeholder``)
or an ordinary setting (``PORT=3000``). A value fails when a secret rule matches it (the
secret engine runs over the whole template, comments included) or when the value judge takes it
for a random token (``generic.values.random_token``: long, token-like, high entropy, mixed characters).

Key names come from the file: a token pasted on a line of its own parses as a key. A finding
names its key only when the secret is in the value and the key reads as a name
(``report.display_name``); parse warnings name no text of the file.
"""
from __future__ import annotations

import argparse
import os
import re
import sys
from typing import Sequence

from leakstop.baseline import Baseline, load_for_run, unknown
from leakstop.config import Config, load_config
from leakstop.dotenv import Entry, parse_bytes
from leakstop.engine import Finding, RuleSet, whole_file
from leakstop.errors import FatalError
from leakstop.hooks import (
    ArgumentParser, add_common_arguments, glob_arg, parse_hook_args, redacted_message, select_rules, template_glob_arg,
)
from leakstop.files import Unreadable, copied_from, decode_text, normalize, read_bytes
from leakstop.generic.keys import judge_key, shipped_vocabulary
from leakstop.generic.values import random_token
from leakstop.placeholders import is_placeholder
from leakstop.records import EnvSettings as Settings
from leakstop.report import display_name, display_path, emit
from leakstop.rules import name_globs
from leakstop.scan import FileResult, ruleset_for, scan_data

ENV_NAMES = ('.env', '.env.*', '*.env')
ENVRC_NAMES = ('.envrc',)
TEMPLATE_NAMES = (
    '.env.example', '.env.sample', '.env.template', '.env.dist', '.env.defaults',
    '.env.*.example', '.env.*.sample', '.env.*.template', '.env.*.dist',
    '*.env.example', '*.env.sample', '*.env.template', '*.env.dist',
    'example.env', 'sample.env', 'template.env', '*.example.env', '*.sample.env', '*.template.env',
)

# the ids of this hook's findings
TEMPLATE_SECRET = 'env-template-secret'  # a secret rule's finding in a template
RULE_IDS = ('env-file', 'env-file-not-text', TEMPLATE_SECRET, 'env-template-random-value', 'envrc-exported-value')

# An env file in an example directory is an example file: a template, held to placeholder values
# (examples/app/.env, .examples/docker-compose/db.env). Policy: example files carry placeholders only.
EXAMPLE_DIRS = frozenset(('example', 'examples', '.examples', '_examples', 'sample', 'samples', '.samples', '_samples'))


def kind_of(path: str, settings: Settings) -> str | None:
    """'template', 'env', 'envrc' or None for a normalized path; a copy by its name (``.env~``, ``#.env#``,
    ``.env copy``, ``.env (copy)``: ``files.copied_from``) is what it is a copy of (tenth hostile review, 09)."""
    kind = _kind_by_name(path, settings)
    if kind is None:
        copy = copied_from(path)
        if copy is not None:
            kind = _kind_by_name(copy, settings)
    return kind


def _kind_by_name(path: str, settings: Settings) -> str | None:
    if settings.templates.match(path):
        return 'template'
    if settings.env.match(path):
        if EXAMPLE_DIRS.intersection(path.lower().split('/')[:-1]):
            return 'template'
        return 'env'
    if settings.envrc.match(path):
        return 'envrc'
    return None


def _line_offsets(data: bytes) -> list[int]:
    """Byte offset where each line starts (plus one past the end)."""
    offsets = [0]
    pos = data.find(b'\n')
    while pos != -1:
        offsets.append(pos + 1)
        pos = data.find(b'\n', pos + 1)
    offsets.append(len(data) + 1)
    return offsets


def _entry_finding(path: str, entry: Entry, offsets: list[int], rule_id: str, description: str) -> Finding:
    start = offsets[min(entry.line - 1, len(offsets) - 1)]
    end = max(start, offsets[min(entry.end_line, len(offsets) - 1)] - 1)
    return Finding(
        path=path, line=entry.line, column=entry.column, rule_id=rule_id, description=description,
        secret=entry.value or '', start=start, end=end,
    )


def _in_value(f: Finding, entry: Entry) -> bool:
    """Whether a finding on ``entry``'s lines starts in (or after) its value, not in its key."""
    if entry.value is None:  # a bare name: what the parser took for a key is all the line holds
        return False
    return f.line > entry.line or f.column >= entry.column


def template_findings(path: str, data: bytes, *, ruleset: RuleSet, config: Config) -> tuple[list[Finding], list[str]]:
    """Findings in a template (values that look real) and warnings (lines that do not parse)."""
    doc = parse_bytes(data)
    by_line: dict[int, Entry] = {}
    for entry in doc.entries:
        for line in range(entry.line, entry.end_line + 1):
            by_line[line] = entry
    out: list[Finding] = []
    flagged: set[int] = set()
    # with env-template-secret off, the secret rules' findings neither report nor keep a value from
    # the random-value check
    secrets = scan_data(data, path, ruleset=ruleset, config=config) if config.allowlist.rule_enabled(TEMPLATE_SECRET) else []
    for f in secrets:
        owner = by_line.get(f.line)
        if owner is not None:
            flagged.add(owner.line)
        if owner is not None and _in_value(f, owner):
            what = f'{display_name(owner.key)}: template value looks real'
        else:  # a comment, or a token pasted where a name stands (it is what the parser took as the key)
            what = 'secret outside any template value'
        out.append(f._replace(rule_id=TEMPLATE_SECRET, description=f'{what} ({f.rule_id}: {f.description})'))
    offsets = _line_offsets(data)
    shapes = config.allowlist.builtin.placeholders
    for entry in doc.entries:
        value = entry.value
        if not value or entry.line in flagged or is_placeholder(value, shapes) or not random_token(value):
            continue
        if _names_an_identifier(entry.key):
            continue  # YOUTUBE_PLAYLIST_ID, CLIENT_ID: an id is no secret (a vendor's key id has its own rule);
            # OPENID_PRIVATE_KEY_PATH: where the key is, not the key (held-out 92)
        out.append(_entry_finding(
            path, entry, offsets, 'env-template-random-value',
            f'{display_name(entry.key)}: template value looks like a real secret (random, {len(value)} characters)',
        ))
    warnings = [f'{display_path(path)}:{p.line}:{p.column}: warning: {p.message}' for p in doc.problems]
    return sorted(config.allowlist.filter(data, out), key=lambda f: (f.line, f.column)), warnings


_IDENTIFIER_WORDS = frozenset(('id', 'ids', 'path', 'paths', 'file', 'filename', 'dir', 'directory'))


def _names_an_identifier(key: str) -> bool:
    """A key whose last word is ``id``, a path's or a location's and that names no secret (``YOUTUBE_PLAYLIST_ID``,
    ``AWS_ACCESS_KEY_ID``, ``OPENID_PRIVATE_KEY_PATH``, ``JWT_PUBLIC_KEY_FILE``)."""
    judged = judge_key(key, shipped_vocabulary())
    return not judged.kind and bool(judged.words) and judged.words[-1] in _IDENTIFIER_WORDS


def _names_a_secret(key: str) -> bool:
    """The key judge's verdict on an exported name (``API_TOKEN``, ``DB_PASSWORD``; not ``REGION``)."""
    return bool(judge_key(key, shipped_vocabulary()).kind)


def envrc_findings(path: str, data: bytes, *, config: Config) -> list[Finding]:
    """``export KEY=literal`` lines of a direnv ``.envrc`` where the key names a secret, or the value (or
    what stands as the key: a pasted token) looks random. Computed values (``$VAR``, ``$(cmd)``,
    ``pass``), placeholders and plain settings (``export REGION=eu-west-1``) pass."""
    offsets = _line_offsets(data)
    shapes = config.allowlist.builtin.placeholders
    out = [
        _entry_finding(path, e, offsets, 'envrc-exported-value', f'{display_name(e.key)}: .envrc exports a literal value')
        for e in parse_bytes(data).entries
        if e.exported and e.value and '$' not in e.value and '`' not in e.value and not is_placeholder(e.value, shapes)
        and (_names_a_secret(e.key) or random_token(e.value) or random_token(e.key))
    ]
    return config.allowlist.filter(data, out)


def _file_finding(path: str, rule_id: str, description: str, raw: bytes | None) -> Finding:
    """A finding about the whole file, identified in a baseline by what it holds (``engine.whole_file``)."""
    return Finding(path=path, line=0, column=0, rule_id=rule_id, description=description, secret='', content=whole_file(raw))


def check_data(
        display: str, kind: str, raw: bytes | None, *, settings: Settings, ruleset: RuleSet | None,
        baseline: Baseline | None = None,
) -> tuple[FileResult, list[str]]:
    """The check of one env file or template wherever its content comes from (the working tree,
    git's index, a commit): ``display`` its normalized path, ``kind`` as ``kind_of`` says, ``raw``
    its bytes (None: a symlink, judged by name only). Path allowlist not applied (the caller's); the
    findings ``baseline`` knows are dropped."""
    config = settings.config
    if kind == 'env':
        if raw is not None and not raw.strip():
            return FileResult(display), []  # an empty .env holds no value (as an empty key file holds no key)
        found = [_file_finding(display, 'env-file', '.env file (by name): real environment values do not belong in git', raw)]
        return FileResult(display, findings=tuple(unknown(baseline, config.allowlist.filter(b'', found, placeholders=False)))), []
    if raw is None:
        return FileResult(display), []
    data = decode_text(raw)
    if data is None:
        found = [_file_finding(display, 'env-file-not-text', f'{kind} is not text: its values cannot be checked', raw)]
        return FileResult(display, findings=tuple(unknown(baseline, config.allowlist.filter(b'', found, placeholders=False)))), []
    if kind == 'envrc':
        return FileResult(display, findings=tuple(unknown(baseline, envrc_findings(display, data, config=config), data))), []
    assert ruleset is not None
    findings, warnings = template_findings(display, data, ruleset=ruleset, config=config)
    return FileResult(display, findings=tuple(unknown(baseline, findings, data))), warnings


def check_file(
        path: str, kind: str, *, settings: Settings, ruleset: RuleSet | None, baseline: Baseline | None = None,
) -> tuple[FileResult, list[str]]:
    display = normalize(path)
    if kind == 'env':
        if not os.path.lexists(path):
            return FileResult(display, error='cannot read: no such file'), []
        # judged by name; read to see that a regular file is empty, and for what it holds: a baseline entry
        # covers that content only (engine.whole_file; a larger .env was judged unread, its entry covered any
        # content: tenth hostile review, break 07)
        raw = None
        if not os.path.islink(path) and os.path.isfile(path):
            try:
                raw = read_bytes(path)
            except Unreadable:
                raw = None
        return check_data(display, kind, raw, settings=settings, ruleset=ruleset, baseline=baseline)
    try:
        raw = read_bytes(path)
    except Unreadable as e:
        return FileResult(display, error=f'cannot read: {e}'), []
    return check_data(display, kind, raw, settings=settings, ruleset=ruleset, baseline=baseline)


ADVICE = (
    'Real environment files stay out of git. If a value in one is a real secret, rotate it first: it is '
    'compromised once pushed. Then stop tracking the file (your local copy stays): `git rm --cached -- <path>`, '
    'add it to .gitignore (`.env`, `.env.*` and `*.env`, with `!.env.example` so the template stays committable), keep '
    'the real values in a secret manager or your CI\'s secret store, and commit a template instead '
    '(`.env.example`) whose values are empty or placeholders such as `<your-api-key>` or `changeme`. '
    'For a flagged template value: replace it with a placeholder. For an intentional fixture, allow its path '
    'in `[tool.leakstop.allowlist] paths` (pyproject.toml or .leakstop.toml), or record it in the baseline.'
)


def block_env_files(
        filenames: Sequence[str],
        *,
        config: Config,
        baseline: Baseline | None,
        fmt: str,
        extra_names: Sequence[str] = (),
        extra_templates: Sequence[str] = (),
) -> int:
    results, warnings = check_files(
        filenames, config=config, baseline=baseline, extra_names=extra_names, extra_templates=extra_templates)
    if warnings:
        sys.stderr.write('\n'.join(warnings) + '\n')
    return emit(results, fmt=fmt, advice=advice(results))


TEMPLATE_ADVICE = (
    'A template (.env.example, ...) is meant to be committed: for each flagged value, replace it with a '
    'placeholder such as `<your-api-key>` or `changeme`, or leave it empty. If the value was a real secret, rotate it '
    'first: it is compromised once pushed. For an intentional fixture, allow its path in '
    '`[tool.leakstop.allowlist] paths` (pyproject.toml or .leakstop.toml), or record it in the baseline.'
)


def advice(results: Sequence[FileResult]) -> str:
    """The next step for what was found: a real env file leaves git (``ADVICE``); a template stays
    tracked and only its flagged values change (``TEMPLATE_ADVICE``)."""
    found = [f for r in results for f in r.findings]
    templates = [f for f in found if f.rule_id.startswith('env-template')]
    if templates and len(templates) == len(found):
        return TEMPLATE_ADVICE
    return ADVICE if not templates else f'{ADVICE} {TEMPLATE_ADVICE.split(" For an intentional")[0]}'


def check_files(
        filenames: Sequence[str],
        *,
        config: Config,
        baseline: Baseline | None = None,
        extra_names: Sequence[str] = (),
        extra_templates: Sequence[str] = (),
) -> tuple[list[FileResult], list[str]]:
    """One result per env file or template (allowlist and ``baseline`` applied), and parse warnings."""
    settings = settings_for(config, extra_names=extra_names, extra_templates=extra_templates)
    kinds = [kind_of(normalize(name), settings) for name in filenames]
    # the secret rules are needed only for templates: loaded once, and only then
    ruleset = ruleset_for(config) if 'template' in kinds else None
    results: list[FileResult] = []
    warnings: list[str] = []
    for name, kind in zip(filenames, kinds):
        display = normalize(name)
        if kind is None:
            if not os.path.lexists(name):
                results.append(FileResult(display, error='cannot read: no such file'))
        elif config.allowlist.path_allowed(display):
            results.append(FileResult(display, skipped='allowlisted path'))
        else:
            result, more = check_file(name, kind, settings=settings, ruleset=ruleset, baseline=baseline)
            results.append(result)
            warnings.extend(more)
    return results, warnings


def settings_for(config: Config, *, extra_names: Sequence[str] = (), extra_templates: Sequence[str] = ()) -> Settings:
    """The name globs of env files (with ``--name``), ``.envrc`` and templates (with ``--template``)."""
    def globs(patterns: Sequence[str], what: str) -> re.Pattern[str]:
        regex = name_globs(patterns, what, 'globs')
        assert regex is not None
        return regex

    return Settings(
        config=config,
        env=globs((*ENV_NAMES, *extra_names), '--name'),
        envrc=globs(ENVRC_NAMES, '.envrc'),
        templates=globs((*TEMPLATE_NAMES, *extra_templates), '--template'),
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = ArgumentParser(
        prog='block-env-files',
        description='Refuse .env files; let templates (.env.example, ...) through while every value is a placeholder.',
    )
    add_common_arguments(parser)
    parser.add_argument(
        '--name', action='append', default=[], metavar='GLOB', type=glob_arg,
        help='also refuse files with this name as environment files (repeatable)',
    )
    parser.add_argument(
        '--template', action='append', default=[], metavar='GLOB', type=template_glob_arg,
        help='also treat files with this name as templates (repeatable)',
    )
    args = parse_hook_args(parser, argv)
    try:
        config = load_config(args.config)
        config = select_rules(config, prog='block-env-files', check_disable=False)  # enable_only: ids checked
        baseline = load_for_run(args.baseline, config.baseline)
        return block_env_files(
            args.filenames, config=config, baseline=baseline, fmt=args.format,
            extra_names=args.name, extra_templates=args.template,
        )
    except FatalError as e:
        print(f'block-env-files: error: {redacted_message(str(e))}', file=sys.stderr)
        return 2


if __name__ == '__main__':
    raise SystemExit(main())

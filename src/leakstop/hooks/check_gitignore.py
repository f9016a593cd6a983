"""check-gitignore: the repository's .gitignore must ignore .env files and common credential files.

Each required line comes with probe paths that it must ignore, asked of the real
``git check-ignore --no-index`` (so tracked files and git's own matching count), at the top
level and one directory down (``/.env`` alone leaves ``api/.env`` committable). Only the
repository's ``.gitignore`` counts: ``.git/info/exclude`` and the global excludes file are
personal and do not protect the rest of the team. Without git (or outside a repository) the
top-level ``.gitignore`` is evaluated with ``files.compile_globs``.

Templates (``.env.example``) must stay committable: if ``.env*`` ignores one, the hook says
so and suggests ``!.env.example``.

Run from the repository root (pre-commit does); it reads files and runs git, and writes nothing.
"""
from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
from typing import Sequence

from leakstop import git
from leakstop.allowlist import allows_next_line
from leakstop.config import Config, load_config
from leakstop.engine import Finding
from leakstop.errors import FatalError
from leakstop.hooks import ArgumentParser, redacted_message, select_rules
from leakstop.files import compile_globs, glob_names_nothing, read_own_file
from leakstop.records import IgnoreMatch as Match, IgnorePattern as Pattern, Required
from leakstop.report import display_path, display_pattern, emit
from leakstop.scan import FileResult

GITIGNORE = '.gitignore'
PROBE_DIR = 'leakstop-probe'  # a directory name no repository has: probes one level down
# What the probes of `!` lines' directories may cost: the sum over those directories of the lines git matches
# there (the top-level file's and the one with the `!` line). git takes about a microsecond a path and pattern,
# and probes a directory with every required probe (about 16 paths): 2**17 is about 2 s. Past it the hook fails,
# saying so, rather than pass what it did not probe (a repository of a few hundred re-includes costs a tenth).
REINCLUDE_BUDGET = 2 ** 17


REQUIRED = (
    Required('.env', ('.env',), 'gitignore-env', '.env files'),
    Required('.env.*', ('.env.local', '.env.production', '.env.development.local'), 'gitignore-env',
             '.env files'),
    Required('credentials.json', ('credentials.json',), 'gitignore-credentials-json', 'credentials.json'),
    Required('id_rsa', ('id_rsa',), 'gitignore-ssh-key', 'SSH private keys'),
    Required('id_dsa', ('id_dsa',), 'gitignore-ssh-key', 'SSH private keys'),
    Required('id_ecdsa', ('id_ecdsa',), 'gitignore-ssh-key', 'SSH private keys'),
    Required('id_ed25519', ('id_ed25519',), 'gitignore-ssh-key', 'SSH private keys'),
    Required('*.pem', ('private.pem',), 'gitignore-private-key', 'private key files'),
    Required('*.key', ('server.key',), 'gitignore-private-key', 'private key files'),
    Required('*.p12', ('keystore.p12',), 'gitignore-keystore', 'PKCS#12 keystores'),
    Required('*.tfstate', ('terraform.tfstate',), 'gitignore-terraform-state', 'Terraform state'),
    Required('*.tfstate.*', ('terraform.tfstate.backup',), 'gitignore-terraform-state', 'Terraform state'),
)
# the ids of this hook's findings
RULE_IDS = frozenset((*(r.rule_id for r in REQUIRED), 'gitignore-required', 'gitignore-template-ignored', 'gitignore-reincluded'))
TEMPLATES = ('.env.example', '.env.sample', '.env.template', '.env.dist', '.env.defaults')
DEFAULT_TEMPLATE = '.env.example'  # always checked; the others when they exist


def git_check_ignore(paths: Sequence[str]) -> dict[str, Match] | None:
    """``git check-ignore --no-index -v -n`` for ``paths``; None when git or a repository is missing."""
    try:
        proc = subprocess.run(
            git.command('check-ignore', '--no-index', '--verbose', '--non-matching', '-z', '--stdin'),
            input=''.join(f'{git.literal_path(p)}\0' for p in paths).encode('utf-8', 'surrogateescape'),
            capture_output=True, check=False,
        )
    except OSError:
        return None
    if proc.returncode not in (0, 1):
        return None
    fields = proc.stdout.decode('utf-8', 'surrogateescape').split('\0')
    out: dict[str, Match] = {}
    for i in range(0, len(fields) - 3, 4):
        source, line, pattern, path = fields[i:i + 4]
        path = path.removeprefix('./')  # as asked (git.literal_path)
        if not source:
            out[path] = Match(False)
            continue
        # only the repository's top-level .gitignore counts (not info/exclude, not the global file)
        ours = os.path.normpath(source) == GITIGNORE
        out[path] = Match(ours and not pattern.startswith('!'), source, int(line or 0), pattern)
    return out if all(p in out for p in paths) else None


_ESCAPED = re.compile(r'\\(.)')


def _literal(m: re.Match[str]) -> str:
    """A backslash-escaped character as ``compile_globs`` reads it literally (it has no escapes): ``\\:`` is ``:``,
    ``\\*`` the bracket expression ``[*]``. git reads ``\\::x`` as ``::x``: check-gitignore's advice shows such a
    line escaped (``advice_line``), and pasted it must satisfy the fallback too."""
    return f'[{m[1]}]' if m[1] in '*?[\\' else m[1]


def parse_gitignore(text: str) -> list[Pattern]:
    """gitignore lines as globs: blanks and comments skipped, ``!`` negates, ``\\#``/``\\!`` escape."""
    out = []
    for number, raw in enumerate(text.split('\n'), 1):
        line = raw.rstrip('\r')
        stripped = line.rstrip(' ')
        if line[len(stripped):] and stripped.endswith('\\'):
            stripped += ' '  # an escaped trailing space stays
        line = stripped
        if not line or line.startswith('#'):
            continue
        negate = line.startswith('!')
        glob = line[1:] if negate else line
        if glob.startswith(('\\#', '\\!')):
            glob = glob[1:]
        glob = _ESCAPED.sub(_literal, glob.replace('\\ ', ' '))
        dir_only = glob.endswith('/')
        if not glob.rstrip('/'):
            continue
        try:
            regex = compile_globs([glob.rstrip('/')], below=False)
        except re.error:
            continue  # git ignores a pattern it cannot read; so do we
        if regex is not None:
            out.append(Pattern(number, line, negate, regex, dir_only))
    return out


def _last_match(path: str, patterns: Sequence[Pattern], *, is_dir: bool) -> Pattern | None:
    for p in reversed(patterns):
        if (is_dir or not p.dir_only) and p.regex.match(path):
            return p
    return None


def match_gitignore(path: str, patterns: Sequence[Pattern]) -> Match:
    """As git decides for a file: ignored when a directory above it is (git does not look inside an ignored
    directory: nothing below it can be re-included), else the last pattern matching the file decides
    (``!d/`` re-includes the directory ``d``, not what a pattern ignores in it: tenth hostile review, 03)."""
    parts = path.split('/')
    for i in range(1, len(parts)):
        p = _last_match('/'.join(parts[:i]), patterns, is_dir=True)
        if p is not None and not p.negate:
            return Match(True, GITIGNORE, p.line, p.text)
    p = _last_match(path, patterns, is_dir=False)
    return Match(False) if p is None else Match(not p.negate, GITIGNORE, p.line, p.text)


def read_gitignore(path: str = GITIGNORE) -> str | None:
    try:
        return read_own_file(path).decode('utf-8', 'surrogateescape')  # (a name that is not UTF-8 is probed as itself)
    except FileNotFoundError:
        return None
    except OSError as e:
        raise FatalError(f'{path}: cannot read: {e.strerror}') from None


def check_ignored(paths: Sequence[str], gitignore: str | None, *, use_git: bool = True) -> dict[str, Match]:
    if use_git:
        answer = git_check_ignore(paths)
        if answer is not None:
            return answer
    patterns = parse_gitignore(gitignore or '')
    return {p: match_gitignore(p, patterns) for p in paths}


# --- the check -------------------------------------------------------------------------------

def nested_gitignores() -> list[str]:
    """The ``.gitignore`` files below the top that git tracks (none without git): a line there overrides the
    top-level file for what is below it (ninth hostile review, break 07: `!.env` in `config/.gitignore`)."""
    try:
        proc = subprocess.run(git.command('ls-files', '-z', '--', ':(glob)**/.gitignore'), capture_output=True, check=False)
    except OSError:
        return []
    if proc.returncode != 0:
        return []
    names = proc.stdout.decode('utf-8', 'surrogateescape').split('\0')
    return sorted({n for n in names if n.endswith('/' + GITIGNORE)})


_BRACKET_CHOICES = 'xa0A_-.'  # tried first (then the expression's own characters) for a bracket expression


def _concrete(glob: str) -> str:
    """A name ``glob`` (no ``/``) matches: ``*`` and ``**`` are ``PROBE_DIR``, ``?`` an ``x``, a bracket
    expression a character it takes (``[!x]`` is not ``x``), ``\\c`` the ``c``."""
    out: list[str] = []
    i = 0
    while i < len(glob):
        c = glob[i]
        end = glob.find(']', i + 2) if c == '[' else -1
        if c == '*':
            while glob.startswith('*', i + 1):
                i += 1
            out.append(PROBE_DIR)
        elif c == '?':
            out.append('x')
        elif c == '\\' and i + 1 < len(glob):
            i += 1
            out.append(glob[i])
        elif end != -1:
            bracket = glob[i:end + 1]
            try:
                regex = compile_globs([bracket], below=False)
            except re.error:
                regex = None
            choices = _BRACKET_CHOICES + bracket.lstrip('[!^')  # `[rd]`: `r`; `[!x]`: `a`
            out.append(next((ch for ch in choices if regex is not None and regex.match(ch)), 'x'))
            i = end
        else:
            out.append(c)
        i += 1
    return ''.join(out)


def probe_for(line: str) -> str:
    """A path a user-given line must ignore: ``*.tfvars`` -> ``leakstop-probe.tfvars``."""
    parts = [part for part in line.strip('/').split('/') if part]
    path = '/'.join(_concrete(part) for i, part in enumerate(parts) if part != '**' or i == len(parts) - 1)
    return path or PROBE_DIR


def reincluded_dirs(base: str, text: str) -> set[str]:
    """The directories (relative to the top; ``''`` the top) in which a ``!`` line of the ``.gitignore`` in
    ``base`` may re-include a file: each directory its pattern passes through, made concrete, and the one it
    names (``!*/.env`` in ``svc/``: ``svc`` and ``svc/leakstop-probe``; ``!api/`` in ``svc/``: ``svc`` and
    ``svc/api``). Only ``!`` re-includes, and only where its pattern reaches: a re-include a level or two below
    a ``.gitignore`` (tenth hostile review, break 03) is probed where it is, and files without a ``!`` line cost
    nothing (break 02: there was a cap of 200 directories, and a re-include past it passed). A ``!`` line under a
    ``# leakstop: allow-next-line`` comment is a re-include made on purpose (a test corpus of fake keys)."""
    dirs: set[str] = set()
    if '!' not in text:
        return dirs
    previous = ''
    for raw in text.split('\n'):
        line, above, previous = raw.rstrip('\r').rstrip(' '), previous, raw
        if not line.startswith('!') or above.startswith('#') and allows_next_line(above.encode('utf-8', 'surrogateescape')):
            continue
        here = base
        dirs.add(here)
        for part in line[1:].split('/'):
            if part:
                here = f'{here}/{_concrete(part)}' if here else _concrete(part)
                dirs.add(here)
    return dirs


def nested_reinclude_dirs() -> dict[str, int]:
    """``reincluded_dirs`` of every tracked ``.gitignore`` below the top (read as git reads them: the working
    tree's file; one that cannot be read as a regular file is an error, as the top-level one is), each with
    the number of lines of the file that names it (what a probe there costs)."""
    dirs: dict[str, int] = {}
    for path in nested_gitignores():
        text = read_gitignore(path)
        if text is not None and '!' in text:
            lines = text.count('\n') + 1
            for d in reincluded_dirs(os.path.dirname(path), text):
                dirs[d] = max(dirs.get(d, 0), lines)
    return dirs


def named_by(path: str, required: Sequence[Required], templates: Sequence[str]) -> list[Required]:
    """The required lines that on their own ignore the file ``path`` (a place a `!` line reaches, made concrete). A
    `!` line re-includes the very name it gives: the fixed probes (``.env.local``, ``private.pem``) missed
    ``!.env.staging`` and ``!deploy.pem`` (eleventh hostile review, break 02), so where a `!` line reaches is probed
    as a file too, for each line that must ignore it. A template (``.env.example``) is re-included on purpose."""
    if path in templates or os.path.basename(path) in TEMPLATES:
        return []
    return [req for req in required if match_gitignore(path, parse_gitignore(req.line)).ignored]


def within_budget(top: Sequence[str], nested: dict[str, int], top_lines: int) -> tuple[list[str], list[str]]:
    """The directories to probe (``top``'s first, in order) while their cost stays within ``REINCLUDE_BUDGET``."""
    spent = 0
    kept_top: list[str] = []
    kept_nested: list[str] = []
    for d in top:
        spent += top_lines
        if spent > REINCLUDE_BUDGET:
            return kept_top, kept_nested
        kept_top.append(d)
    for d in sorted(nested):
        spent += top_lines + nested[d]
        if spent > REINCLUDE_BUDGET:
            break
        kept_nested.append(d)
    return kept_top, kept_nested


def _pattern_at(answer: Match, *, unquoted: str = 'a pattern at line') -> str:
    """Where the pattern that decided is: quoted unless ``display_pattern`` says it may hold any text of the
    file (a token pasted into .gitignore); the line number finds it either way."""
    shown = display_pattern(answer.pattern)
    return f'{unquoted} {answer.line}' if shown is None else f'`{shown}` at line {answer.line}'


def _shown(path: str) -> str:
    """A directory or file name in a finding's description, shown as every path is (``report.display_path``: bytes
    that are not UTF-8 and control characters escaped, secrets redacted): a name held a line break that started
    a line ``::stop-commands::…``, or a byte that made ``--format json`` invalid UTF-8 (tenth hostile review, 17)."""
    return display_path(path)


def _finding(rule_id: str, description: str) -> Finding:
    return Finding(path=GITIGNORE, line=0, column=0, rule_id=rule_id, description=description, secret='')


def check_gitignore(
        *,
        config: Config,
        fmt: str,
        required: Sequence[Required] = REQUIRED,
        templates: Sequence[str] = (),
        use_git: bool = True,
) -> int:
    gitignore = read_gitignore()
    probes: dict[str, list[str]] = {}
    # the top, one made-up directory down, and where a `!` line of the top-level file may re-include
    top_reincluded = sorted(reincluded_dirs('', gitignore or '') - {'', PROBE_DIR})
    nested = nested_reinclude_dirs() if use_git else {}
    probed_top, nested_dirs = within_budget(top_reincluded, nested, (gitignore or '').count('\n') + 1)
    too_many = len(probed_top) + len(nested_dirs) < len(top_reincluded) + len(nested)
    top_dirs = [PROBE_DIR, *probed_top]
    for req in required:
        probes[req.line] = [p for probe in req.probes for p in (probe, *(f'{d}/{probe}' for d in top_dirs))]
    templates = list(templates)
    for d in probed_top:  # the name a `!` line gives, as a file (one path more per directory the budget counts)
        for req in named_by(d, required, templates):
            probes[req.line].append(d)
    nested_probes = {f'{d}/{probe}': req for d in nested_dirs for req in required for probe in req.probes}
    for d in nested_dirs:
        nested_probes.update((d, req) for req in named_by(d, required, templates)[:1])
    answers = check_ignored([p for ps in probes.values() for p in ps] + templates + list(nested_probes), gitignore, use_git=use_git)

    # (finding, the lines that fix it): lines are suggested only for findings that are reported
    # one finding per rule id (id_rsa, id_dsa, ... are one problem), in the order of ``required``
    missing: dict[tuple[str, str], list[tuple[str, list[str]]]] = {}
    for req in required:
        paths = [p for p in probes[req.line] if not answers[p].ignored]
        if paths:
            missing.setdefault((req.rule_id, req.what), []).append((req.line, paths))
    found: list[tuple[Finding, list[str]]] = []
    for (rule_id, what), items in missing.items():
        lines = [line for line, _ in items]
        below = all('/' in p for _, paths in items for p in paths)
        where = ' in subdirectories' if below else ''
        negations = {(a.line, a.pattern): a for _, paths in items for a in map(answers.__getitem__, paths)
                     if a.source == GITIGNORE and a.pattern.startswith('!')}
        if negations:  # the top-level file's own `!` line re-includes them (`!*/*/.env`): lines added after it win
            where += redacted_message(' (re-included by ' + ', '.join(_pattern_at(a) for _, a in sorted(negations.items())) + ')')
        description = f'does not ignore {what}{where}: add ' + ', '.join(f'`{line}`' for line in lines)
        found.append((_finding(rule_id, description), lines))
    reincluded: set[tuple[str, str]] = set()
    for path, req in nested_probes.items():  # a subdirectory's own .gitignore that re-includes what the top one ignores
        answer = answers.get(path)
        if answer is not None and answer.pattern.startswith('!') and answer.source != GITIGNORE and (
                (answer.source, req.what) not in reincluded):
            reincluded.add((answer.source, req.what))
            found.append((_finding('gitignore-reincluded', redacted_message(
                f'{_shown(answer.source)} re-includes {req.what} ({_pattern_at(answer, unquoted="line")}): '
                f'{_shown(os.path.dirname(answer.source))}/ is not covered; remove that line there')), []))
    if too_many:
        found.append((_finding('gitignore-reincluded', (
            'the `!` lines of the .gitignore files re-include in too many directories to probe them all '
            f'({len(probed_top) + len(nested_dirs)} of {len(top_reincluded) + len(nested)} probed): keep re-includes few')), []))
    for template in templates:
        answer = answers[template]
        if answer.ignored:
            found.append((_finding(
                'gitignore-template-ignored',
                f'ignores the template {_shown(template)} ({_pattern_at(answer)}): a template must '
                f'stay committable: add `!{template}` after that line',
            ), [f'!{template}']))
    kept = config.allowlist.filter(b'', [f for f, _ in found], placeholders=False)
    to_add: list[str] = []
    for f, lines in found:
        if f in kept:
            to_add.extend(line for line in lines if line not in to_add)
    # the lines we suggest must not hide a template either: re-include it after them
    suggested = compile_globs([line for line in to_add if not line.startswith('!')])
    for template in templates:
        if suggested is not None and suggested.match(template) and f'!{template}' not in to_add:
            to_add.append(f'!{template}')
    results = [FileResult(GITIGNORE, findings=tuple(kept))]
    if gitignore is None:
        head = 'There is no .gitignore: create it at the repository root with these lines:'
    else:
        head = 'Add these lines at the end of .gitignore (order matters: `!` lines re-include what earlier lines ignore):'
    advice = (
        head + '\n\n' + ''.join(f'    {advice_line(line)}\n' for line in to_add) + '\n'
        'Ignoring does not untrack files already committed: `git rm --cached -- <path>` for those, and '
        'rotate any real secret they held. To skip a line here, pass `--skip LINE` in the hook\'s args.'
    )
    return emit(results, fmt=fmt, advice=advice)


def advice_line(line: str) -> str:
    """``line`` as the advice shows it to be pasted into .gitignore: a line starting with ``::`` as ``\\::`` and ``##[``
    as ``#\\#[`` (a backslash makes the next character literal in a gitignore pattern: git reads the same
    pattern), so no CI runner reads it as a workflow command (eleventh hostile review, break 07: a ``--require``
    line ``::stop-commands::x`` was printed raw on a line of its own; ``report.inert_lines`` would show it
    ``:\\x3a``, which .gitignore does not read as the same line)."""
    line = line.replace('##[', '#\\#[')
    return '\\' + line if line.startswith('::') else line


def gitignore_line(value: str) -> str:
    """argparse type for ``--require`` / ``--skip`` / ``--template``: one line of text. A control character
    (a line break, ESC) is a usage error: the value is printed in the report, where a line break would start
    a line a CI runner reads as a command (``::error …``; third hostile review, break 11)."""
    if any(ord(ch) < 0x20 or 0x7f <= ord(ch) < 0xa0 for ch in value):
        raise argparse.ArgumentTypeError(redacted_message(f'{value!r}: a .gitignore line or file name holds no control character'))
    return value


def gitignore_pattern(value: str) -> str:
    """argparse type for ``--require`` / ``--template``: a ``gitignore_line`` that names a path (``''`` and
    ``'/'`` name none: a required one could never be added, and the hook would fail for ever)."""
    if glob_names_nothing(gitignore_line(value)):
        raise argparse.ArgumentTypeError(f'{value!r}: names no path')
    return value


def main(argv: Sequence[str] | None = None) -> int:
    parser = ArgumentParser(
        prog='check-gitignore',
        description='Fail when .gitignore does not ignore .env files and common credential files.',
    )
    parser.add_argument('filenames', nargs='*', help=argparse.SUPPRESS)  # pass_filenames: false; ignored
    parser.add_argument('--config', help='settings file (default: .leakstop.toml or pyproject.toml)')
    parser.add_argument('--format', choices=('text', 'json'), default='text')
    parser.add_argument(
        '--require', action='append', type=gitignore_pattern, default=[], metavar='LINE',
        help='also require this .gitignore line, e.g. "*.tfvars" (repeatable)',
    )
    parser.add_argument(
        '--skip', action='append', type=gitignore_line, default=[], metavar='LINE',
        help='do not require this default line, e.g. "*.pem" (repeatable)',
    )
    parser.add_argument(
        '--template', action='append', type=gitignore_pattern, default=[], metavar='NAME',
        help=f'a template that must stay committable (default: {DEFAULT_TEMPLATE} and any of '
             f'{", ".join(TEMPLATES[1:])} that exist)',
    )
    args = parser.parse_args(argv)
    known = {r.line for r in REQUIRED}
    unknown = [line for line in args.skip if line not in known]
    if unknown:
        parser.error(redacted_message(f'--skip {unknown[0]!r}: not a default line (defaults: {", ".join(sorted(known))})'))
    required = [r for r in REQUIRED if r.line not in args.skip]
    required += [Required(line, (probe_for(line),), 'gitignore-required', f'files matching `{line}`') for line in args.require]
    templates = args.template or [DEFAULT_TEMPLATE, *(t for t in TEMPLATES[1:] if os.path.lexists(t))]
    try:
        config = load_config(args.config)
        config = select_rules(config, prog='check-gitignore', check_disable=False)  # enable_only: ids checked
        return check_gitignore(config=config, fmt=args.format, required=required, templates=templates)
    except FatalError as e:
        print(f'check-gitignore: error: {redacted_message(str(e))}', file=sys.stderr)
        return 2


if __name__ == '__main__':
    raise SystemExit(main())

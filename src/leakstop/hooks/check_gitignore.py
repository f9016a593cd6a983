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
from collections import deque
from typing import Callable, Iterable, Iterator, NamedTuple, Sequence

from leakstop import git
from leakstop.allowlist import allows_next_line
from leakstop.config import Config, load_config
from leakstop.engine import Finding
from leakstop.errors import FatalError
from leakstop.hooks import ArgumentParser, redacted_message, select_rules
from leakstop.files import compile_globs, glob_names_nothing, read_own_file
from leakstop.records import IgnoreMatch as Match, IgnorePattern as Pattern, Required
from leakstop.report import display_path, display_pattern, emit, pattern_shown
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


_ESCAPED = re.compile(r'(\[[^\]]*\])|\\(.)')  # a bracket expression (kept as it is), or an escaped character


def _literal(m: re.Match[str]) -> str:
    """A backslash-escaped character as ``compile_globs`` reads it literally (it has no escapes): ``\\:`` is ``:``,
    ``\\*`` the bracket expression ``[*]``. git reads ``\\::x`` as ``::x``: check-gitignore's advice shows such a
    line escaped (``advice_line``), and pasted it must satisfy the fallback too."""
    if m[1]:
        return m[1]
    return f'[{m[2]}]' if m[2] in '*?[\\' else m[2]


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
_COMMON_NAME_STATES = 4096  # pairs of positions ``common_name`` walks at most (a `!` line of 60 characters by 60)


class _Char(NamedTuple):
    """One character of a glob: a test, and the characters to try first for a name it matches."""
    test: Callable[[str], object]  # truthy for a character it matches
    choices: str


def _glob_tokens(glob: str) -> list[_Char | None]:
    """``glob`` (one part of a path, no ``/``) as tokens: None for a run of ``*``, else a ``_Char`` (``?`` any
    character, a bracket expression the characters it takes, ``\\c`` the ``c``)."""
    out: list[_Char | None] = []
    i = 0
    while i < len(glob):
        c = glob[i]
        end = glob.find(']', i + 2) if c == '[' else -1
        if c == '*':
            while glob.startswith('*', i + 1):
                i += 1
            out.append(None)
        elif c == '?':
            out.append(_Char(lambda ch: True, 'x'))
        elif c == '\\' and i + 1 < len(glob):
            i += 1
            out.append(_Char(glob[i].__eq__, glob[i]))
        elif end != -1:
            bracket = glob[i:end + 1]
            try:
                regex = compile_globs([bracket], below=False)
            except re.error:
                regex = None
            test: Callable[[str], object] = regex.match if regex is not None else (lambda ch: False)
            out.append(_Char(test, _BRACKET_CHOICES + bracket.lstrip('[!^')))  # `[rd]`: `r`; `[!x]`: `a`
            i = end
        else:
            out.append(_Char(c.__eq__, c))
        i += 1
    return out


def _concrete(glob: str) -> str:
    """A name ``glob`` (no ``/``) matches: ``*`` and ``**`` are ``PROBE_DIR``, ``?`` an ``x``, a bracket
    expression a character it takes (``[!x]`` is not ``x``), ``\\c`` the ``c``."""
    return ''.join(PROBE_DIR if t is None else next((ch for ch in t.choices if t.test(ch)), 'x')
                   for t in _glob_tokens(glob))


def _step(tokens: Sequence[_Char | None], i: int, ch: str) -> int | None:
    """Where ``tokens`` stand after matching ``ch`` at ``i`` (a ``*`` stays), None when they cannot."""
    if i == len(tokens):
        return None
    token = tokens[i]
    if token is None:
        return i
    return i + 1 if token.test(ch) else None


def common_name(a: str, b: str) -> str | None:
    """A name both globs (parts of paths, no ``/``) match, or None when none does: ``deploy.*`` and ``*.pem`` both
    match ``deploy.pem``. A walk over pairs of positions in the two (each ``*`` may match nothing, or the next
    character and stay), trying the characters the globs name there; longer globs (pairs of positions past
    ``_COMMON_NAME_STATES``) are not tried."""
    ta, tb = _glob_tokens(a), _glob_tokens(b)
    if (len(ta) + 1) * (len(tb) + 1) > _COMMON_NAME_STATES:
        return None
    seen = {(0, 0): ''}
    queue = deque(seen)
    while queue:
        i, j = state = queue.popleft()
        name = seen[state]
        if state == (len(ta), len(tb)):
            return name
        steps = [((i + 1, j), '')] if i < len(ta) and ta[i] is None else []
        steps += [((i, j + 1), '')] if j < len(tb) and tb[j] is None else []
        # a character the glob(s) at this place name (a literal: just it), any for two `*`
        here = [t for t in (ta[i] if i < len(ta) else None, tb[j] if j < len(tb) else None) if t is not None]
        for ch in dict.fromkeys(''.join(t.choices for t in here) or 'x'):
            ni, nj = _step(ta, i, ch), _step(tb, j, ch)
            if ni is not None and nj is not None and (ni, nj) != state:
                steps.append(((ni, nj), ch))
        for after, ch in steps:
            if after not in seen:
                seen[after] = name + ch
                queue.append(after)
    return None


def probe_for(line: str) -> str:
    """A path a user-given line must ignore: ``*.tfvars`` -> ``leakstop-probe.tfvars``."""
    parts = [part for part in line.strip('/').split('/') if part]
    path = '/'.join(_concrete(part) for i, part in enumerate(parts) if part != '**' or i == len(parts) - 1)
    return path or PROBE_DIR


def _reincludes(text: str) -> Iterator[str]:
    """The patterns of the ``!`` lines of a .gitignore (without the ``!``), but for one under a
    ``# leakstop: allow-next-line`` comment: a re-include made on purpose (a test corpus of fake keys)."""
    if '!' not in text:
        return
    previous = ''
    for raw in text.split('\n'):
        line, above, previous = raw.rstrip('\r').rstrip(' '), previous, raw
        if line.startswith('!') and not (above.startswith('#') and allows_next_line(above.encode('utf-8', 'surrogateescape'))):
            yield line[1:]


def _reached(base: str, pattern: str) -> list[str]:
    """The directories a ``!`` pattern of the .gitignore in ``base`` passes through, made concrete, and the one
    it names, last (``*/.env`` in ``svc``: ``svc``, ``svc/leakstop-probe``, ``svc/leakstop-probe/.env``)."""
    here = base
    out = [here]
    for part in pattern.split('/'):
        if part:
            here = f'{here}/{_concrete(part)}' if here else _concrete(part)
            out.append(here)
    return out


def reincluded_dirs(base: str, text: str) -> set[str]:
    """The directories (relative to the top; ``''`` the top) in which a ``!`` line of the ``.gitignore`` in
    ``base`` may re-include a file: each directory its pattern passes through, made concrete, and the one it
    names (``!*/.env`` in ``svc/``: ``svc`` and ``svc/leakstop-probe``; ``!api/`` in ``svc/``: ``svc`` and
    ``svc/api``). Only ``!`` re-includes, and only where its pattern reaches: a re-include a level or two below
    a ``.gitignore`` (tenth hostile review, break 03) is probed where it is, and files without a ``!`` line cost
    nothing (break 02: there was a cap of 200 directories, and a re-include past it passed)."""
    return {d for pattern in _reincludes(text) for d in _reached(base, pattern)}


def reincluded_names(base: str, text: str) -> dict[str, set[str]]:
    """For each ``!`` line of the ``.gitignore`` in ``base`` that may re-include a file (not ``!d/``): the path
    it names made concrete (the last of its ``reincluded_dirs``) -> the glob of its last part (``!*/deploy.*``
    in ``svc``: ``svc/leakstop-probe/deploy.leakstop-probe`` -> ``deploy.*``)."""
    out: dict[str, set[str]] = {}
    for pattern in _reincludes(text):
        parts = [part for part in pattern.split('/') if part]
        if parts and not pattern.endswith('/'):
            out.setdefault(_reached(base, pattern)[-1], set()).add(parts[-1])
    return out


def nested_reinclude_dirs() -> tuple[dict[str, int], dict[str, set[str]]]:
    """``reincluded_dirs`` of every tracked ``.gitignore`` below the top (read as git reads them: the working
    tree's file; one that cannot be read as a regular file is an error, as the top-level one is), each with
    the number of lines of the file that names it (what a probe there costs); and their ``reincluded_names``."""
    dirs: dict[str, int] = {}
    names: dict[str, set[str]] = {}
    for path in nested_gitignores():
        text = read_gitignore(path)
        if text is not None and '!' in text:
            lines = text.count('\n') + 1
            for d in reincluded_dirs(os.path.dirname(path), text):
                dirs[d] = max(dirs.get(d, 0), lines)
            for d, globs in reincluded_names(os.path.dirname(path), text).items():
                names.setdefault(d, set()).update(globs)
    return dirs, names


def _gives_the_ending(glob: str, required: str) -> bool:
    """True when ``glob`` ends in a text of its own where ``required`` ends in ``*``: a name both match ends as
    ``glob`` says, and its ending says what a file is (``*.md`` and ``.env.*``: ``.env.md``, a Markdown file, not
    an env file): not asked. Where the required line gives the ending, it is (``README*`` and ``*.pem``:
    ``README.pem`` is a key file, committable; adding ``*.pem`` after the ``!`` line fixes it)."""
    ours, theirs = _glob_tokens(glob), _glob_tokens(required)
    return bool(ours and theirs) and theirs[-1] is None and ours[-1] is not None


def file_probes(path: str, globs: Iterable[str], required: Sequence[Required], templates: Sequence[str]) -> dict[str, list[Required]]:
    """Files a ``!`` line re-includes that required lines must ignore: ``path`` is what it names made concrete
    (``reincluded_names``), ``globs`` the glob of that name. A `!` line re-includes the names it gives: the fixed
    probes (``.env.local``, ``private.pem``) missed ``!.env.staging`` and ``!deploy.pem`` (eleventh hostile
    review, break 02), and ``!deploy.*`` re-includes ``deploy.pem``; so for each required line, a name both
    match (``common_name``; not one that ends as the ``!`` line says where the required line ends in ``*``:
    ``_gives_the_ending``) and ``path`` itself are asked of git, where that line on its own ignores them. A
    template (``.env.example``) is re-included on purpose and is not asked."""
    parent = os.path.dirname(path)
    out: dict[str, list[Required]] = {}
    globs = sorted(globs)
    for req in required:
        last = req.line.rstrip('/').rsplit('/', 1)[-1]
        names = [common_name(glob, last) for glob in globs
                 if last and not req.line.endswith('/') and not _gives_the_ending(glob, last)]
        candidates = [f'{parent}/{name}' if parent else name for name in names if name] + [path]
        patterns = parse_gitignore(req.line)
        for candidate in dict.fromkeys(candidates):
            if candidate in templates or os.path.basename(candidate) in TEMPLATES:
                continue
            if match_gitignore(candidate, patterns).ignored:
                out.setdefault(candidate, []).append(req)
    return out


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
    nested, nested_names = nested_reinclude_dirs() if use_git else ({}, {})
    probed_top, nested_dirs = within_budget(top_reincluded, nested, (gitignore or '').count('\n') + 1)
    too_many = len(probed_top) + len(nested_dirs) < len(top_reincluded) + len(nested)
    top_dirs = [PROBE_DIR, *probed_top]
    for req in required:
        probes[req.line] = [p for probe in req.probes for p in (probe, *(f'{d}/{probe}' for d in top_dirs))]
    templates = list(templates)
    # the names `!` lines give, as files: a few paths more for a directory the budget counts (its ~16 probes)
    top_names = reincluded_names('', gitignore or '')
    for d in [PROBE_DIR, *probed_top]:
        for path, reqs in file_probes(d, top_names.get(d, ()), required, templates).items():
            for req in reqs:
                probes[req.line].append(path)
    nested_probes = {f'{d}/{probe}': req for d in nested_dirs for req in required for probe in req.probes}
    for d in nested_dirs:
        nested_probes.update((path, reqs[0]) for path, reqs in file_probes(d, nested_names.get(d, ()), required, templates).items())
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
        # a `--require` line is a pattern from the hook's args: shown as a .gitignore line is (`ghp\\_…`: twelfth, 10)
        description = redacted_message(f'does not ignore {what}{where}: add ' + ', '.join(f'`{line}`' for line in lines))
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
                redacted_message(f'ignores the template {_shown(template)} ({_pattern_at(answer)}): a template must '
                                 f'stay committable: add `!{template}` after that line'),
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
        head + '\n\n' + ''.join(f'    {advice_line(pattern_shown(line))}\n' for line in to_add) + '\n'
        'Ignoring does not untrack files already committed: `git rm --cached -- <path>` for those, and '
        'rotate any real secret they held. To skip a line here, pass `--skip LINE` in the hook\'s args.'
    )
    return emit(results, fmt=fmt, advice=advice)


def advice_line(line: str) -> str:
    """``line`` as the advice shows it to be pasted into .gitignore: a line starting with ``::`` as ``\\::`` and ``##[``
    as ``#\\#[`` (a backslash makes the next character literal in a gitignore pattern: git reads the same
    pattern), so no CI runner reads it as a workflow command (eleventh hostile review, break 07: a ``--require``
    line ``::stop-commands::x`` was printed raw on a line of its own; ``report.inert_lines`` would show it
    ``\\x3a:``, which .gitignore does not read as the same line)."""
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

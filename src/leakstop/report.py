"""Output: redacted text grouped by file, JSON, SARIF 2.1.0, GitHub Actions annotations, progress.

No secret is ever written whole: every format shows at most ``redact(secret)`` and the
finding's fingerprint (a SHA-256, as the baseline stores).
"""
from __future__ import annotations

import json
import os
import re
import sys
import time
from typing import IO, Callable, Iterable, Mapping, Sequence, TextIO

from leakstop import __version__
from leakstop.engine import Finding, RuleSet
from leakstop.files import path_text
from leakstop.records import Commit as Commit
from leakstop.regex import LazyPattern
from leakstop.rules import Rule
from leakstop.scan import FileResult

PREFIX_MAX = 4
ADVICE = (
    'If a secret is real, rotate it first (revoke it at the provider: it is compromised once pushed), '
    'then remove it from the files. For a false positive, add a `leakstop: allow` comment on the line, '
    'or record it in the baseline with `leakstop baseline update`.'
)
HISTORY_ADVICE = (
    'These secrets are in git history: deleting them from the files does not remove them. '
    'If a secret is real, rotate it first (revoke it at the provider), then rewrite history '
    '(git filter-repo) only if you must; `leakstop scan --history` verifies the result. '
    'For a false positive, record it in the baseline with `leakstop baseline update --history` '
    '(or `--since REV`, as the scan was run), then mark it with `leakstop baseline audit`.'
)
INFORMATION_URI = 'https://github.com/leakstop/leakstop'
JSON_VERSION = 1
SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json'
SARIF_LEVEL = {'high': 'error', 'medium': 'warning', 'low': 'note'}
SECURITY_SEVERITY = {'high': '8.0', 'medium': '5.5', 'low': '3.0'}  # GitHub: high >= 7.0, medium >= 4.0
ANNOTATION_LEVEL = {'high': 'error', 'medium': 'warning', 'low': 'notice'}
FINGERPRINT_KEY = 'leakstop/v1'


def redact(secret: str) -> str:
    """At most the first 4 characters, fewer for short secrets, then an ellipsis (control
    characters among them escaped: ``ESC c`` would reset the reader's terminal)."""
    shown = min(PREFIX_MAX, len(secret) // 4)
    return inert(secret[:shown]) + '…'  # (a prefix `##[e` was a workflow command in the CI log: review 11, 07's sibling)


_CONTROL_ESCAPES = {'\n': '\\n', '\r': '\\r', '\t': '\\t'}


def printable(text: str, *, keep_tabs: bool = False) -> str:
    """``text`` with every character that is not printable escaped (``\\x1b``, ``\\u202e``, ``\\n``):
    C0 and C1 controls, DEL, bidirectional and other format characters, line and paragraph
    separators; a byte that was not UTF-8 (a surrogate escape) as ``\\xNN``. What a file holds can
    then neither drive the reader's terminal (clear it, move the cursor, rewrite a line with CR)
    nor make a line read differently than it is, and the text always encodes as UTF-8."""
    if text.isprintable():
        return text
    out = []
    for c in text:
        if c.isprintable() or keep_tabs and c == '\t':
            out.append(c)
        elif c in _CONTROL_ESCAPES:
            out.append(_CONTROL_ESCAPES[c])
        elif '\udc80' <= c <= '\udcff':  # a byte that was not UTF-8 (surrogate escape): that byte
            out.append(f'\\x{ord(c) - 0xdc00:02x}')
        elif ord(c) < 0x100:
            out.append(f'\\x{ord(c):02x}')
        elif ord(c) < 0x10000:
            out.append(f'\\u{ord(c):04x}')
        else:
            out.append(f'\\U{ord(c):08x}')
    return ''.join(out)


NAME_MAX = 64
_NAME = LazyPattern(r'[A-Za-z_][A-Za-z0-9_.\-]*\Z')  # compiled when a rule id is shown: 0.6 ms of a clean run
_NAME_WORD = LazyPattern(r'[A-Z]?[a-z]+|[A-Z]+(?![a-z])|[0-9]+')
_CONSONANTS_5 = LazyPattern(r'[b-df-hj-np-tv-xz]{5}', re.I)


def _is_name_word(word: str) -> bool:
    """A word of a name: 3+ letters with a vowel (1 in 5 letters past 8), no 5 consonants in a row."""
    vowels = sum(map(word.lower().count, 'aeiouy'))
    return len(word) >= 3 and vowels > 0 and (len(word) <= 8 or vowels * 5 >= len(word)) and not _CONSONANTS_5.search(word)


def reads_as_name(name: str) -> bool:
    """Whether ``name`` is shaped like a name people write (``DB_PASSWORD``, ``S3_BUCKET_V2``,
    ``nextPublicApiUrl``, ``HTTPS_PROXY``) rather than a token pasted where a name stands.

    Identifier characters only, at most 64. Split at separators, case changes and digits, the
    letter runs are words (``_is_name_word``), short words or acronyms (up to 5 capitals), with
    at most 2 that are not words; at most 2 digit runs of up to 4 digits; a name of 16+
    characters has a separator or a case change. Random tokens of 20+ characters (base62, hex,
    base64) pass less than 1 time in 200; 8-character ones often do, and are too short to be
    much of a secret.
    """
    if len(name) > NAME_MAX or not _NAME.match(name):
        return False
    words = _NAME_WORD.findall(name)
    digits = [w for w in words if w.isdigit()]
    if len(digits) > 2 or any(len(d) > 4 for d in digits):
        return False
    others = [w for w in words if not w.isdigit() and not _is_name_word(w)]
    if len(others) > 2 or not all(len(w) <= 2 or (w.isupper() and len(w) <= 5) for w in others):
        return False
    return len(name) < 16 or any(c in '_.-' for c in name) or not (name.isupper() or name.islower())


def display_name(name: str) -> str:
    """A name taken from a scanned file (a dotenv key) as output shows it: whole when it
    ``reads_as_name``, else redacted like a secret (what stands there may be one)."""
    return name if reads_as_name(name) else redact(name)


def display_pattern(pattern: str) -> str | None:
    """A .gitignore pattern as output may quote it, or None where it must not: a pattern with a bracket
    expression (``[…]``) can hold any text of its file (a token pasted into .gitignore), one without holds only
    the characters of the names it matches, wildcards and escapes. Output then names the pattern's line
    instead. The one decision for check-gitignore's messages and the ignored-baseline warning (which quoted
    it whole: tenth hostile review, break 15). A pattern quoted is redacted as every name it matches would be
    (``history.without_secrets`` with ``glob``): `!.env.ghp\\_…` and `!.env.ghp?…` name the token `ghp_…` and were
    shown whole (twelfth hostile review, break 10)."""
    return None if '[' in pattern else pattern_shown(pattern)


def pattern_shown(pattern: str) -> str:
    """A pattern (a glob, a .gitignore line, a hook's ``--require`` line) as output shows it: on one printable line,
    each secret the shipped rules or the custom rules in use find in it or in a name it matches redacted
    (``history.without_secrets`` with ``glob``)."""
    from leakstop.history import without_secrets
    from leakstop.scan import shown_ruleset
    return printable(without_secrets(pattern, shown_ruleset(), glob=True))


_SHOWN: dict[str, str] = {}  # path -> the path with its secrets redacted (a report shows a path per finding)
_SHOWN_BY: list[RuleSet] = []  # the rule set _SHOWN was redacted with


def path_without_secrets(path: str) -> str:
    """``path`` with each secret the shipped rules or the custom rules in use find in it redacted (every
    rule, no allowlist: ``scan.shown_ruleset``), as commit subjects are: a token used as a file or directory
    name was printed whole as the path of every finding in that file, in every format (sixth hostile review,
    break 02; seventh, 01: a custom rule's token). Every output takes its paths from here (``display_path``,
    JSON, SARIF, annotations, the baseline)."""
    from leakstop.scan import shown_ruleset
    ruleset = shown_ruleset()
    if not _SHOWN_BY or _SHOWN_BY[0] is not ruleset:  # other settings loaded since
        _SHOWN.clear()
        _SHOWN_BY[:] = [ruleset]
    shown = _SHOWN.get(path)
    if shown is None:
        from leakstop.history import without_secrets
        if len(_SHOWN) >= 65536:
            _SHOWN.clear()
        shown = _SHOWN[path] = without_secrets(path, ruleset)
    return shown


def display_path(path: str) -> str:
    """The path as text output shows it: ``path_text`` (bytes that are not UTF-8 as ``\\xNN``, a
    backslash doubled) of ``path_without_secrets``, on one printable line (control characters
    escaped), never read as a workflow command by a CI runner. Lines of output start with a path;
    GitHub Actions runs a line starting with ``::`` (``::stop-commands::x`` would silence every
    annotation after it) and, in the legacy syntax, one holding ``##[``: such a path is shown as
    ``./::…`` and ``#\\x23[``."""
    path = inert(path_text(path_without_secrets(path)))
    return './' + path if path.lstrip().startswith('::') else path


def inert(text: str) -> str:
    """``text`` on one printable line (``printable``) that a CI runner does not read as a workflow command
    inside a line: GitHub's legacy syntax ``##[…]`` shown as ``#\\x23[``. (A line that starts with ``::`` is
    the caller's to avoid: ``display_path``.)"""
    text = printable(text)
    return text.replace('##[', '#\\x23[') if '##[' in text else text


def inert_json(text: str) -> str:
    """A JSON document with each ``##[`` written ``#\\u0023[``: the same strings to a JSON reader, and no
    workflow command to a CI runner that shows the document in its log (a commit subject, a custom rule's
    description or a path holding ``##[error]``: eleventh hostile review, a sibling of break 07). Outside strings
    JSON has no ``#``, so only strings change."""
    return text.replace('##[', '#\\u0023[') if '##[' in text else text


def inert_lines(text: str) -> str:
    """``text``, lines kept, each line ``inert`` and none starting with ``::`` (shown ``\\x3a:``): the advice under a
    report is prose over several lines that quotes what the user gave or a file's name (a ``--require`` line, a
    path in ``git rm``), and a quoted ``::stop-commands::…`` or ``##[error]`` reached the CI log as a workflow
    command (eleventh hostile review, break 07). A hook that wants a quoted line to stay usable escapes it first,
    its own way (check-gitignore: ``\\::``)."""
    def line(text: str) -> str:
        text = inert(text)
        return text.replace(':', '\\x3a', 1) if text.lstrip().startswith('::') else text  # as `rules list` does
    return '\n'.join(map(line, text.split('\n')))


# -- text -------------------------------------------------------------------------------------

_BOLD, _DIM, _RESET = '\033[1m', '\033[2m', '\033[0m'
_SEVERITY_COLOUR = {'high': '\033[31m', 'medium': '\033[33m', 'low': '\033[36m'}


def use_colour(stream: IO[str], environ: Mapping[str, str] = os.environ) -> bool:
    """Colour only on a terminal, never with ``NO_COLOR`` set (no-color.org) or ``TERM=dumb``."""
    if environ.get('NO_COLOR') or environ.get('TERM') == 'dumb':
        return False
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def message(f: Finding) -> str:
    """``description: redacted`` (just the description for file-level findings): every format's text. The
    description is shown ``inert``: a custom rule's comes from the settings (a committed .leakstop.toml, a
    converted gitleaks configuration), and its line break started a line ``::stop-commands::…`` of the text
    report that GitHub Actions ran as a workflow command, its ESC reached the terminal (tenth hostile review,
    break 08)."""
    description = inert(f.description)
    return f'{description}: {redact(f.secret)}' if f.secret else description


def format_finding(f: Finding, *, colour: bool = False) -> str:
    """``path:line:col: rule: description: redacted``; file-level findings (line 0) omit position and secret."""
    where = display_path(f.path) if f.line == 0 else f'{display_path(f.path)}:{f.line}:{f.column}'
    if f.commit:
        where = f'{f.commit[:12]}:{where}'
    rule = f.rule_id
    if colour:
        where = f'{_BOLD}{where}{_RESET}'
        rule = f'{_SEVERITY_COLOUR.get(f.severity, "")}{rule}{_RESET}'
    return f'{where}: {rule}: {message(f)}'


def text_lines(
        results: Sequence[FileResult], *, advice: str = ADVICE, colour: bool = False,
        commits: Mapping[str, Commit] | None = None, explain: bool = False,
) -> tuple[list[str], list[str]]:
    """(stdout lines, stderr lines) for human readers: findings grouped by file (by commit, then
    file, for history scans, each commit introduced by a line with its author date); with
    ``explain``, the features and score of each generic finding under it."""
    out: list[str] = []
    err: list[str] = []
    paths: set[str] = set()
    shas: set[str] = set()
    count = 0
    current = None
    for result in results:
        if result.error:
            err.append(f'{display_path(result.path)}: error: {result.error}')
        if not result.findings:
            continue
        paths.add(result.path)
        count += len(result.findings)
        for f in result.findings:
            if f.commit and f.commit != current:
                current = f.commit
                shas.add(f.commit)
                date = commits[f.commit].date if commits and f.commit in commits else ''
                header = f'commit {f.commit}' + (f' ({date})' if date else '')
                out.append(f'{_DIM}{header}{_RESET}' if colour else header)
            out.append(format_finding(f, colour=colour))
            if f.revoke:
                out.append(f'  revoke: {inert(f.revoke)}')
            if explain:
                out.extend(f'  {name}: {printable(str(value))}' for name, value in f.explain)
    if count:
        s = '' if count == 1 else 's'
        fs = '' if len(paths) == 1 else 's'
        where = f'{len(paths)} file{fs}'
        if shas:
            where += f' in {len(shas)} commit{"" if len(shas) == 1 else "s"}'
            if advice == ADVICE:
                advice = HISTORY_ADVICE
        summary = f'leakstop: {count} finding{s} in {where}.'
        advice = inert_lines(advice)
        out.append(f'{_BOLD}{summary}{_RESET} {advice}' if colour else f'{summary} {advice}')
    return out, err


# -- JSON -------------------------------------------------------------------------------------

def finding_json(f: Finding, commits: Mapping[str, Commit] | None = None, *, explain: bool = False) -> dict[str, object]:
    out: dict[str, object] = {
        'path': path_text(path_without_secrets(f.path)), 'line': f.line, 'column': f.column, 'rule': f.rule_id,
        'description': f.description, 'severity': f.severity, 'redacted': redact(f.secret),
        'fingerprint': f.fingerprint,
    }
    if f.revoke:
        out['revoke'] = f.revoke
    if explain and f.explain:
        out['explain'] = dict(f.explain)
    if f.commit:
        out['commit'] = f.commit
        if commits and f.commit in commits:
            out['date'] = commits[f.commit].date
            out['subject'] = commits[f.commit].subject
    return out


def json_document(
        results: Iterable[FileResult], *, commits: Mapping[str, Commit] | None = None, explain: bool = False,
) -> str:
    results = list(results)
    doc = {
        'version': JSON_VERSION,
        'tool': {'name': 'leakstop', 'version': __version__},
        'findings': [finding_json(f, commits, explain=explain) for r in results for f in r.findings],
        'errors': [{'path': path_text(path_without_secrets(r.path)), 'message': r.error} for r in results if r.error],
    }
    return inert_json(json.dumps(doc, indent=2, ensure_ascii=False))


# -- SARIF ------------------------------------------------------------------------------------

def _camel(rule_id: str) -> str:
    return ''.join(part.capitalize() for part in rule_id.split('-'))


def sarif_rule(
        rule_id: str, description: str, severity: str, tags: Sequence[str] = (), *, revoke: str = '',
) -> dict[str, object]:
    """A SARIF reportingDescriptor; with ``revoke``, its help names the provider's page and ``helpUri`` is it."""
    text, markdown = ADVICE, (
        '**Rotate first.** If the secret is real, revoke it at the provider: it is compromised once '
        'pushed. Then remove it from the files (and, if it was committed, from history with '
        '`git filter-repo`; `leakstop scan --history` verifies). For a false positive, add a '
        '`leakstop: allow` comment on the line, or record it with `leakstop baseline update`.'
    )
    if revoke:
        text = f'Revoke or rotate it: {revoke}. {text}'
        markdown = f'**Revoke or rotate it:** <{revoke}>\n\n{markdown}'
    return {
        'id': rule_id,
        'name': _camel(rule_id),
        'shortDescription': {'text': description},
        'fullDescription': {'text': f'{description}. Found by the leakstop rule {rule_id} (severity {severity}).'},
        'help': {'text': text, 'markdown': markdown},
        'helpUri': revoke or INFORMATION_URI,
        'defaultConfiguration': {'level': SARIF_LEVEL.get(severity, 'error')},
        'properties': {
            'tags': ['security', 'secret', *tags],
            'security-severity': SECURITY_SEVERITY.get(severity, '8.0'),
            'precision': 'high',
        },
    }


def artifact_uri(path: str) -> str:
    """A relative URI reference for a ``/``-separated path: the name's own bytes percent-encoded
    (a byte that is not UTF-8, ``\\xe9`` in text, is ``%E9``: the URI names the very file), a secret in it
    redacted (``path_without_secrets``)."""
    from urllib.parse import quote  # SARIF only: not on the hooks' start-up path
    path = path_without_secrets(path)
    return quote(path.replace(os.sep, '/').encode('utf-8', 'surrogateescape'), safe='/')


def sarif_document(
        results: Iterable[FileResult], *, rules: Sequence[Rule] = (), commits: Mapping[str, Commit] | None = None,
) -> str:
    """SARIF 2.1.0: one run; the rules that produced results; results with redacted messages."""
    results = list(results)
    known = {r.id: r for r in rules}
    rule_index: dict[str, int] = {}
    sarif_rules: list[dict[str, object]] = []
    sarif_results: list[dict[str, object]] = []
    for result in results:
        for f in result.findings:
            if f.rule_id not in rule_index:
                rule_index[f.rule_id] = len(sarif_rules)
                r = known.get(f.rule_id)
                sarif_rules.append(sarif_rule(
                    f.rule_id, r.description if r else f.description, r.severity if r else f.severity,
                    r.tags if r else (), revoke=r.revoke if r else f.revoke,
                ))
            location: dict[str, object] = {'artifactLocation': {'uri': artifact_uri(f.path), 'uriBaseId': '%SRCROOT%'}}
            if f.line > 0:
                location['region'] = {'startLine': f.line, 'startColumn': max(f.column, 1)}
            item: dict[str, object] = {
                'ruleId': f.rule_id,
                'ruleIndex': rule_index[f.rule_id],
                'level': SARIF_LEVEL.get(f.severity, 'error'),
                'message': {'text': message(f)},
                'locations': [{'physicalLocation': location}],
                'partialFingerprints': {FINGERPRINT_KEY: f.fingerprint},
            }
            if f.commit:
                props: dict[str, str] = {'commit': f.commit}
                if commits and f.commit in commits:
                    props['date'] = commits[f.commit].date
                    props['subject'] = commits[f.commit].subject
                item['properties'] = props
            sarif_results.append(item)
    errors = [r for r in results if r.error]
    doc = {
        '$schema': SARIF_SCHEMA,
        'version': '2.1.0',
        'runs': [{
            'tool': {'driver': {
                'name': 'leakstop', 'version': __version__, 'semanticVersion': __version__,
                'informationUri': INFORMATION_URI, 'rules': sarif_rules,
            }},
            'columnKind': 'unicodeCodePoints',
            'invocations': [{
                'executionSuccessful': not errors,
                'toolExecutionNotifications': [
                    {
                        'level': 'error',
                        'message': {'text': f'cannot scan: {r.error}'},
                        'locations': [{'physicalLocation': {'artifactLocation': {'uri': artifact_uri(r.path), 'uriBaseId': '%SRCROOT%'}}}],
                    } for r in errors
                ],
            }],
            'results': sarif_results,
        }],
    }
    return inert_json(json.dumps(doc, indent=2, ensure_ascii=False))


# -- GitHub Actions ---------------------------------------------------------------------------

def _escape_data(text: str) -> str:
    """A workflow command's text: ``%``, CR and LF as the runner reads them; any other control or format
    character escaped as the text report writes it (``\\x1b``, ``\\u202e``): a file name's ESC, BEL or bidi
    override would otherwise reach the log raw (fourth hostile review, break 05)."""
    text = text.replace('%', '%25').replace('\r', '%0D').replace('\n', '%0A')
    return text if text.isprintable() else printable(text)


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(':', '%3A').replace(',', '%2C')


def github_annotation(f: Finding, commits: Mapping[str, Commit] | None = None) -> str:
    """``::error file=…,line=…,col=…,title=…::message`` (redacted, escaped as the runner expects)."""
    props = [f'file={_escape_property(path_text(path_without_secrets(f.path)))}']
    if f.line > 0:
        props += [f'line={f.line}', f'col={f.column}']
    props.append(f'title={_escape_property(f"leakstop: {f.rule_id}")}')
    text = message(f)
    if f.commit:
        date = commits[f.commit].date if commits and f.commit in commits else ''
        text += f' (added in commit {f.commit[:12]}{", " + date if date else ""})'
    if not f.rule_id.startswith('gitignore-'):  # a missing .gitignore line holds nothing to rotate
        text += '. Rotate it if it is real, then remove it.'
    else:
        text += '.'
    if f.revoke:
        text += f' Revoke or rotate it: {f.revoke}'
    return f'::{ANNOTATION_LEVEL.get(f.severity, "error")} {",".join(props)}::{_escape_data(text)}'


def github_annotations(
        results: Iterable[FileResult], *, commits: Mapping[str, Commit] | None = None,
        environ: Mapping[str, str] = os.environ,
) -> list[str]:
    """Workflow commands for every finding when running in GitHub Actions (``GITHUB_ACTIONS=true``)."""
    if environ.get('GITHUB_ACTIONS') != 'true':
        return []
    return [github_annotation(f, commits) for r in results for f in r.findings]


# -- putting it together ----------------------------------------------------------------------

FORMATS = ('text', 'json', 'sarif')


def exit_code(results: Iterable[FileResult]) -> int:
    """2 if any file could not be scanned, else 1 if anything was found, else 0."""
    code = 0
    for r in results:
        if r.error:
            return 2
        if r.findings:
            code = 1
    return code


def render(
        results: Sequence[FileResult], *, fmt: str = 'text', advice: str = ADVICE, colour: bool = False,
        rules: Sequence[Rule] = (), commits: Mapping[str, Commit] | None = None, explain: bool = False,
) -> tuple[str, list[str]]:
    """(the report, lines for stderr) in ``fmt``."""
    if fmt == 'text':
        out, err = text_lines(results, advice=advice, colour=colour, commits=commits, explain=explain)
        return ''.join(line + '\n' for line in out), err
    err = [f'{display_path(r.path)}: error: {r.error}' for r in results if r.error]
    if fmt == 'json':
        return json_document(results, commits=commits, explain=explain) + '\n', err
    if fmt == 'sarif':
        return sarif_document(results, rules=rules, commits=commits) + '\n', err
    raise ValueError(f'unknown format {fmt!r}')


def emit(
        results: Sequence[FileResult], *, fmt: str = 'text', advice: str = ADVICE,
        rules: Sequence[Rule] = (), commits: Mapping[str, Commit] | None = None,
        output: str | None = None, explain: bool = False,
) -> int:
    """Print ``results`` in ``fmt`` (to ``output`` if given, written atomically) and return the exit code.

    In GitHub Actions, every finding is also an annotation (on stderr, whatever the format).
    """
    colour = output is None and fmt == 'text' and use_colour(sys.stdout)
    report, err = render(results, fmt=fmt, advice=advice, colour=colour, rules=rules, commits=commits, explain=explain)
    err += github_annotations(results, commits=commits)
    if output is not None:
        from leakstop.baseline import write_atomic
        write_atomic(output, report.encode('utf-8'), what='report')
    elif report:
        _write(sys.stdout, report)
    if err:
        _write(sys.stderr, '\n'.join(err) + '\n')
    sys.stdout.flush()
    return exit_code(results)


def _write(stream: TextIO, text: str) -> None:
    """``text`` on ``stream``; what its encoding cannot carry (a file name's undecodable bytes, held as
    surrogate escapes, under a strict UTF-8 or an ASCII stdout) written as backslash escapes."""
    try:
        stream.write(text)
    except UnicodeEncodeError:
        encoding = getattr(stream, 'encoding', None) or 'utf-8'
        stream.write(text.encode(encoding, 'backslashreplace').decode(encoding))


# -- progress ---------------------------------------------------------------------------------

def progress_wanted(fmt: str, stream: IO[str] | None = None, environ: Mapping[str, str] = os.environ) -> bool:
    """A progress line only for people: text output, stderr a terminal, not in CI."""
    stream = sys.stderr if stream is None else stream
    if fmt != 'text' or environ.get('CI'):
        return False
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


class Progress:
    """``\\r``-rewritten counter on stderr, shown only once a run has taken longer than ``delay`` seconds.

    Call it with the number of items done; ``close()`` (or leaving the ``with`` block) erases it.
    A disabled Progress does nothing, so callers need no conditions.
    """

    def __init__(
            self, unit: str, total: int | None = None, *, enabled: bool = True, stream: IO[str] | None = None,
            delay: float = 1.0, interval: float = 0.1, clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.unit = unit
        self.total = total
        self.enabled = enabled
        self.stream = sys.stderr if stream is None else stream
        self.delay = delay
        self.interval = interval
        self.clock = clock
        self.start = clock()
        self.last = 0.0
        self.width = 0

    def __call__(self, done: int) -> None:
        if not self.enabled:
            return
        now = self.clock()
        if now - self.start < self.delay or now - self.last < self.interval:
            return
        self.last = now
        text = f'leakstop: {done}/{self.total} {self.unit}' if self.total else f'leakstop: {done} {self.unit}'
        self.stream.write('\r' + text.ljust(self.width))
        self.stream.flush()
        self.width = len(text)

    def close(self) -> None:
        if self.width:
            self.stream.write('\r' + ' ' * self.width + '\r')
            self.stream.flush()
            self.width = 0

    def __enter__(self) -> Progress:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

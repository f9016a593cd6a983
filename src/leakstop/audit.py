"""``leakstop baseline audit``: review a baseline's unreviewed entries one by one, or count verdicts.

The review shows each entry's finding again in its file, with the lines around it, every secret
redacted (``--reveal``: the reviewed one whole, to a terminal only). Each verdict is written as it is
given: the baseline is read again, the verdict applied, and the file replaced atomically under the
baseline lock, so a session can be left at any point (``q``, end of input, Ctrl-C) with what was decided
kept, another leakstop command can run meanwhile, and a file that no longer parses is never written over.

Answers: ``y`` (a real secret: ``true-positive``), ``n`` (``false-positive``), ``s`` (skip), ``b`` (back to
the previous finding), ``u`` (undo the last verdict and go back to it), ``q`` (quit).
"""
from __future__ import annotations

import io
import json
import os
import sys
from typing import IO, Callable, NamedTuple, Sequence

from leakstop import baseline as bl
from leakstop.config import Config
from leakstop.engine import Finding
from leakstop.errors import FatalError
from leakstop.files import Unreadable, decode_text, inside, normalize, path_from_text, read_bytes
from leakstop.report import display_path, inert, inert_json, printable, redact, use_colour

VERDICTS = {'y': 'true-positive', 'n': 'false-positive'}
PROMPT = 'Is this a real secret? [y]es / [n]o, a false positive / [s]kip / [b]ack / [u]ndo / [q]uit: '
REVEAL_REFUSED = ('--reveal shows whole secrets, so only on a terminal, and stdout is not one (a pipe, a file, '
                  'a CI log): run it in a terminal without redirecting its output, or leave out --reveal')
_ANSWERS = {'y': 'y', 'yes': 'y', 'n': 'n', 'no': 'n', 's': 's', 'skip': 's', 'b': 'b', 'back': 'b',
            'u': 'u', 'undo': 'u', 'q': 'q', 'quit': 'q'}
_HIGHLIGHT = ('\033[7m', '\033[27m')  # reverse video around a revealed secret


def is_terminal(stream: IO[str]) -> bool:
    """Whether ``stream`` writes to a terminal: its file descriptor is a TTY (a stream without a real
    descriptor, such as a test's capture buffer, is not one, whatever its ``isatty`` says)."""
    try:
        return os.isatty(stream.fileno())
    except (AttributeError, OSError, ValueError, io.UnsupportedOperation):
        return False


# -- --report ------------------------------------------------------------------------------------

def rule_names(baseline: bl.Baseline, config: Config) -> dict[str, str]:
    """Each entry's rule id as output shows it. A baseline is a committed file anyone may edit: what its
    ``rule`` field holds is shown with each secret any rule finds in it redacted, as a baseline's file names
    are (fifth hostile review, break 15: a token there was printed whole by the review and the report)."""
    from leakstop.history import without_secrets
    from leakstop.scan import ruleset_for
    rules = {entry.rule for entry in baseline.entries.values()}
    if not rules:
        return {}
    ruleset = ruleset_for(config, every_rule=True)
    return {rule: without_secrets(rule, ruleset) for rule in rules}


def counts(baseline: bl.Baseline) -> tuple[dict[str, int], dict[str, dict[str, int]]]:
    """Entries by verdict, and by rule then verdict (every verdict present, zeros included)."""
    by_status = dict.fromkeys(bl.STATUSES, 0)
    by_rule: dict[str, dict[str, int]] = {}
    for entry in baseline.entries.values():
        by_status[entry.status] += 1
        by_rule.setdefault(entry.rule, dict.fromkeys(bl.STATUSES, 0))[entry.status] += 1
    return by_status, {rule: by_rule[rule] for rule in sorted(by_rule)}


def report_text(path: str, baseline: bl.Baseline, names: dict[str, str]) -> str:
    by_status, by_rule = counts(baseline)
    lines = [f'{display_path(path)}: {len(baseline.entries)} finding(s): '
             + ', '.join(f'{by_status[s]} {s}' for s in bl.STATUSES)]
    if by_rule:
        shown = {rule: inert(names[rule]) for rule in by_rule}  # a baseline is a committed file: never raw (`##[`: review 11, 07)
        width = max(len('rule'), *(len(n) for n in shown.values()))
        lines.append(f'  {"rule":<{width}}  ' + '  '.join(bl.STATUSES))
        for rule, row in by_rule.items():
            lines.append(f'  {shown[rule]:<{width}}  ' + '  '.join(f'{row[s]:>{len(s)}}' for s in bl.STATUSES))
    return '\n'.join(lines) + '\n'


def report_json(path: str, baseline: bl.Baseline, names: dict[str, str]) -> str:
    by_status, by_rule = counts(baseline)
    doc = {'version': 1, 'baseline': path, 'findings': len(baseline.entries), 'by_status': by_status,
           'by_rule': {names[rule]: row for rule, row in by_rule.items()}}
    return inert_json(json.dumps(doc, indent=2, ensure_ascii=False)) + '\n'


# -- what is shown of a finding -------------------------------------------------------------------

def context_lines(
        data: bytes, finding: Finding, *, others: Sequence[Finding] = (), lines: int = 2, reveal: bool = False,
        highlight: tuple[str, str] = ('', ''),
) -> list[str]:
    """The lines around a finding, numbered as in the file, every finding's secret redacted.

    ``reveal``: the finding's own secret (with any finding overlapping it) is shown whole, between the
    two ``highlight`` strings, and the lines run to its last line. A redacted multi-line secret is
    replaced on its first line; its line breaks are kept so that the numbers of the lines after it
    stay right. Every character taken from the file is escaped if it could drive the terminal.
    """
    spans = sorted({(f.start, f.end, f.secret) for f in (finding, *others) if f.line > 0 and f.end > f.start})
    clusters: list[list[tuple[int, int, str]]] = []  # overlapping spans are shown (or hidden) together
    for span in spans:
        if clusters and span[0] < max(end for _, end, _ in clusters[-1]):
            clusters[-1].append(span)
        else:
            clusters.append([span])
    own = (finding.start, finding.end)
    pieces: list[tuple[bytes, str]] = []  # (bytes, 'text' | 'secret' | 'redacted')
    pos = 0
    last = finding.line + lines
    for cluster in clusters:
        start, end = cluster[0][0], max(e for _, e, _ in cluster)
        pieces.append((data[pos:start], 'text'))
        if reveal and any((s, e) == own for s, e, _ in cluster):
            pieces.append((data[start:end], 'secret'))
            last = finding.line + data.count(b'\n', finding.start, max(finding.start, end - 1)) + lines
        else:
            pieces.append((redact(cluster[0][2]).encode() + b'\n' * data.count(b'\n', start, end), 'redacted'))
        pos = end
    pieces.append((data[pos:], 'text'))
    shown: list[list[tuple[bytes, str]]] = [[]]
    for chunk, kind in pieces:
        for i, part in enumerate(chunk.split(b'\n')):
            if i:
                shown.append([])
            if part:
                shown[-1].append((part, kind))
    first = max(0, finding.line - 1 - lines)
    out = []
    for number in range(first, min(len(shown), last)):
        text = ''
        for part, kind in shown[number]:
            decoded = part.decode('utf-8', 'replace')
            if kind == 'secret':
                text += highlight[0] + printable(decoded) + highlight[1]
            else:
                text += printable(decoded, keep_tabs=True)
        out.append(f'{number + 1:>6} | {text}')
    return out


def redacted_context(data: bytes, finding: Finding, *, others: Sequence[Finding] = (), lines: int = 2) -> list[str]:
    """``context_lines`` with every secret redacted."""
    return context_lines(data, finding, others=others, lines=lines)


class Located(NamedTuple):
    data: bytes  # the file's text
    finding: Finding
    everything: list[Finding]  # every finding in the file (all redacted in the context shown)


def entry_file(entry: bl.Entry, baseline: bl.Baseline) -> str:
    return normalize(os.path.relpath(os.path.join(baseline.root, path_from_text(entry.path))))


def locate(entry: bl.Entry, baseline: bl.Baseline, *, config: Config) -> Located | None:
    """The finding an entry stands for, found again in its file by any hook, with every finding in
    that file; None if it is gone."""
    from leakstop.cli import every_hook
    path = entry_file(entry, baseline)
    everything = [f for result in every_hook([path], config=config) for f in result.findings]
    for f in everything:
        if f.rule_id == entry.rule and f.fingerprint == entry.fingerprint:
            try:
                data = decode_text(read_bytes(path)) or b''
            except Unreadable:
                data = b''
            # what an allowlist lets pass (a `leakstop: allow` line, [allowlist] values) is still a secret on
            # the lines shown: every rule's match there is redacted too (second hostile review, break 10), in the
            # decoded views too (eleventh, break 03: an escaped token, a Kubernetes Secret's base64 value)
            from leakstop.scan import every_secret, ruleset_for
            allowed = every_secret(data, path, ruleset_for(config, every_rule=True)) if data else []
            return Located(data, f, everything + allowed)
    return None


# -- the review ------------------------------------------------------------------------------------

def save_verdict(path: str, key: tuple[str, str, str], status: str) -> bool:
    """Record one verdict: the baseline is read again under its lock (an invalid file is a FatalError
    and is left as it is), the entry updated, the file replaced atomically. False if the entry is no
    longer in the baseline (another command dropped it meanwhile)."""
    with bl.locked(path):
        try:
            current = bl.load(path)
        except FatalError as e:
            raise FatalError(f'{e}; the last verdict was not saved, the ones before it were') from None
        if current.detect_secrets is not None:
            raise FatalError(f'{path}: was replaced by a detect-secrets baseline: the last verdict was not saved')
        entry = current.entries.get(key)
        if entry is None:
            return False
        if entry.status != status:
            current.entries[key] = entry._replace(status=status)
            bl.save(current)
    return True


class Review:
    """One session over ``pending`` (the entries unreviewed when it started), in order."""

    def __init__(
            self, baseline: bl.Baseline, pending: list[bl.Entry], *, config: Config, root: str, reveal: bool,
            highlight: tuple[str, str], out: IO[str],
    ) -> None:
        self.baseline = baseline
        self.pending = pending
        self.config = config
        self.root = root
        self.reveal = reveal
        self.highlight = highlight
        self.out = out
        self.status = {e.key: e.status for e in pending}  # as saved
        self.done: list[tuple[int, str]] = []  # verdicts given, for undo: (index, status before)
        self.shown: dict[int, Located | str] = {}  # each entry located once: what to show, or why not
        self.noted: set[int] = set()  # entries with nothing to judge, said
        self.names = rule_names(baseline, config)

    def say(self, text: str = '') -> None:
        print(text, file=self.out)

    def look(self, index: int) -> Located | str:
        """The entry's finding, found again; or why it cannot be shown (cached)."""
        if index not in self.shown:
            entry = self.pending[index]
            if not inside(entry_file(entry, self.baseline), self.root):  # a baseline is committed: never a way out
                self.shown[index] = '(outside the repository or not a file name: not read)'
            else:
                located = locate(entry, self.baseline, config=self.config)
                self.shown[index] = (
                    '(no longer in the file: `leakstop baseline update` will drop it)' if located is None else located)
        return self.shown[index]

    def show(self, index: int, located: Located) -> None:
        entry = self.pending[index]
        status = self.status[entry.key]
        marked = '' if status == 'unreviewed' else f' (marked {status})'
        self.say(f'\n[{index + 1}/{len(self.pending)}] {display_path(path_from_text(entry.path))}:{entry.line}: '
                 f'{inert(self.names.get(entry.rule, redact(entry.rule)))}{marked}')
        finding = located.finding
        if finding.line == 0:
            self.say(f'  the whole file: {printable(finding.description)}')
        else:
            self.say('\n'.join(context_lines(
                located.data, finding, others=located.everything, reveal=self.reveal, highlight=self.highlight)))
        if self.reveal and finding.secret and (finding.line == 0 or finding.end <= finding.start):
            self.say(f'  value: {self.highlight[0]}{printable(finding.secret)}{self.highlight[1]}')

    def record(self, index: int, status: str) -> bool:
        entry = self.pending[index]
        if not save_verdict(self.baseline.path, entry.key, status):
            self.say('  (this finding is no longer in the baseline: nothing recorded)')
            return False
        self.status[entry.key] = status
        return True

    def run(self, ask: Callable[[str], str]) -> None:
        index = 0
        while 0 <= index < len(self.pending):
            located = self.look(index)
            if isinstance(located, str):  # nothing to judge: said once, passed over in either direction
                entry = self.pending[index]
                if index not in self.noted:
                    self.noted.add(index)
                    self.say(f'\n[{index + 1}/{len(self.pending)}] {display_path(path_from_text(entry.path))}:{entry.line}: '
                             f'{inert(self.names.get(entry.rule, redact(entry.rule)))}\n  {located}')
                index += 1
                continue
            self.show(index, located)
            answer = self.answer(ask)
            if answer == 'q':
                break
            if answer in VERDICTS:
                before = self.status[self.pending[index].key]
                if self.record(index, VERDICTS[answer]):
                    self.done.append((index, before))
                index += 1
            elif answer == 's':
                index += 1
            elif answer == 'b':
                earlier = [i for i in range(index) if not isinstance(self.look(i), str)]
                if earlier:
                    index = earlier[-1]
                else:
                    self.say('  (this is the first finding)')
            elif answer == 'u':
                if not self.done:
                    self.say('  (no verdict to undo)')
                    continue
                undone, before = self.done.pop()
                entry = self.pending[undone]
                was = self.status[entry.key]
                if self.record(undone, before):
                    self.say(f'  undone: {display_path(path_from_text(entry.path))}:{entry.line} '
                             f'is {before} again (it was marked {was})')
                index = undone

    def answer(self, ask: Callable[[str], str]) -> str:
        while True:
            try:
                answer = ask(PROMPT).strip().lower()
            except (EOFError, KeyboardInterrupt):  # the prompt's line is left open
                self.say()
                return 'q'
            if answer in _ANSWERS:
                return _ANSWERS[answer]
            self.say('  (answer y, n, s, b, u or q)')

    def summary(self) -> str:
        given = sum(1 for k, s in self.status.items() if s != 'unreviewed')
        left = sum(1 for e in self.baseline.entries.values() if self.status.get(e.key, e.status) == 'unreviewed')
        return (f'{display_path(self.baseline.path)}: {given} verdict(s) recorded in this session; '
                f'{left} finding(s) still unreviewed')


def audit(
        *, config: Config, path: str, report: bool = False, fmt: str = 'text', reveal: bool = False,
        ask: Callable[[str], str] | None = None, out: IO[str] | None = None,
        terminal: Callable[[IO[str]], bool] = is_terminal,
) -> int:
    """``leakstop baseline audit``: the review, or with ``report`` the counts (``fmt``: text or json).

    ``reveal`` is refused (a FatalError: exit 2) unless ``out`` is a terminal (``terminal(out)``),
    before anything is read. ``ask`` shows a prompt and returns the answer (default: ``input``).
    """
    from leakstop.cli import repository_root
    stream = sys.stdout if out is None else out
    if reveal and not terminal(stream):
        raise FatalError(REVEAL_REFUSED)
    baseline = bl.load(path)
    if baseline.detect_secrets is not None:
        raise FatalError(f'{path}: a detect-secrets baseline: convert it with `leakstop baseline import {path}`')
    if report:
        names = rule_names(baseline, config)
        stream.write(report_json(path, baseline, names) if fmt == 'json' else report_text(path, baseline, names))
        return 0
    pending = [e for e in baseline.sorted_entries() if e.status == 'unreviewed']
    print(f'{len(pending)} unreviewed finding(s) in {display_path(path)}', file=stream)
    if not pending:
        return 0
    highlight = _HIGHLIGHT if reveal and use_colour(stream) else ('', '')
    review = Review(baseline, pending, config=config, root=repository_root(), reveal=reveal,
                    highlight=highlight, out=stream)
    try:
        review.run(input if ask is None else ask)
    except KeyboardInterrupt:  # while a file was read: every verdict given is saved already
        print(file=stream)
    print(f'\n{review.summary()}', file=stream)
    return 0

"""A dotenv parser: the entries of a ``.env`` file (or a template of one) and where they are.

Accepts what the common loaders (python-dotenv, Node's dotenv, docker compose) accept::

    # a full-line comment
    export KEY=value            # ``export`` is optional; a ``#`` after whitespace starts a comment
    KEY = value                 # spaces around ``=``
    KEY='lit\\eral $x'          # single quotes: literal, may span lines
    KEY="a\\nb \\" \\\\"        # double quotes: ``\\n \\r \\t \\" \\\\ \\$`` escapes, may span lines
    KEY=                        # empty value
    KEY                         # a key with no value (``value`` is None)

Lines end at ``\\n``; a ``\\r`` before it is dropped (CRLF files). Line and column numbers
are 1-based and count characters, like the engine's findings.

``parse`` never raises: a line it cannot read becomes a ``Problem`` and parsing goes on
with the next line; an unterminated quote is reported and the line read as unquoted. A
problem's message says what is wrong, never what the line holds (a token pasted on a line of
its own is read as a key name: a warning must not print it).
"""
from __future__ import annotations

from leakstop.records import Dotenv as Dotenv, DotenvEntry, DotenvProblem
from leakstop.regex import LazyPattern

Entry = DotenvEntry  # a KEY=value of the file
Problem = DotenvProblem  # a line the parser could not read

_KEY = LazyPattern(r'[A-Za-z_][A-Za-z0-9_.\-]*')
_EXPORT = LazyPattern(r'export[ \t]+')
_BLANK = ' \t'
_ESCAPES = {'n': '\n', 'r': '\r', 't': '\t', '"': '"', '\\': '\\', '$': '$'}


def _skip_blank(text: str, pos: int) -> int:
    while pos < len(text) and text[pos] in _BLANK:
        pos += 1
    return pos


def _single_quoted(lines: list[str], index: int, start: int) -> tuple[str, int, int] | None:
    """Value, line index and position after the closing ``'``; None if it never closes."""
    parts = []
    pos = start
    for i in range(index, len(lines)):
        text = lines[i]
        end = text.find("'", pos)
        if end != -1:
            parts.append(text[pos:end])
            return '\n'.join(parts), i, end + 1
        parts.append(text[pos:])
        pos = 0
    return None


def _double_quoted(lines: list[str], index: int, start: int) -> tuple[str, int, int] | None:
    """Value (escapes applied), line index and position after the closing ``"``; None if it never closes."""
    out: list[str] = []
    pos = start
    for i in range(index, len(lines)):
        text = lines[i]
        while pos < len(text):
            ch = text[pos]
            if ch == '"':
                return ''.join(out), i, pos + 1
            if ch == '\\' and pos + 1 < len(text):
                nxt = text[pos + 1]
                out.append(_ESCAPES.get(nxt, '\\' + nxt))
                pos += 2
                continue
            out.append(ch)
            pos += 1
        out.append('\n')
        pos = 0
    return None


def _unquoted(text: str, pos: int) -> str:
    """The rest of the line up to a comment (``#`` after whitespace), trailing blanks stripped."""
    end = len(text)
    for i in range(pos, len(text)):
        if text[i] == '#' and i > pos and text[i - 1] in _BLANK:
            end = i
            break
    return text[pos:end].rstrip(_BLANK)


def parse(text: str) -> Dotenv:
    """Entries and problems of dotenv ``text``."""
    if text.startswith('\ufeff'):
        text = text[1:]
    lines = [ln[:-1] if ln.endswith('\r') else ln for ln in text.split('\n')]
    entries: list[Entry] = []
    problems: list[Problem] = []
    i = 0
    while i < len(lines):
        text_line = lines[i]
        lineno = i + 1
        i += 1
        pos = _skip_blank(text_line, 0)
        if pos == len(text_line) or text_line[pos] == '#':
            continue
        exported = False
        m = _EXPORT.match(text_line, pos)
        if m and _KEY.match(text_line, m.end()):
            exported = True
            pos = m.end()
        m = _KEY.match(text_line, pos)
        if m is None:
            problems.append(Problem(lineno, pos + 1, 'expected a variable name'))
            continue
        key, key_column = m.group(), pos + 1
        pos = _skip_blank(text_line, m.end())
        if pos == len(text_line) or text_line[pos] == '#' and pos > m.end():
            entries.append(Entry(key, None, lineno, key_column, lineno, exported=exported))
            continue
        if text_line[pos] != '=':
            problems.append(Problem(lineno, pos + 1, "expected '=' after the variable name"))
            continue
        after_equals = pos + 1
        pos = _skip_blank(text_line, after_equals)
        quote = text_line[pos] if pos < len(text_line) and text_line[pos] in '\'"' else ''
        if quote:
            reader = _single_quoted if quote == "'" else _double_quoted
            closed = reader(lines, lineno - 1, pos + 1)
            if closed is not None:
                value, end_index, end_pos = closed
                rest = _skip_blank(lines[end_index], end_pos)
                if rest < len(lines[end_index]) and lines[end_index][rest] != '#':
                    problems.append(Problem(end_index + 1, rest + 1, 'unexpected text after the closing quote'))
                entries.append(Entry(key, value, lineno, pos + 2, end_index + 1, quote, exported))
                i = end_index + 1
                continue
            problems.append(Problem(lineno, pos + 1, f'unterminated {quote} quote (read as unquoted)'))
        if pos > after_equals and pos < len(text_line) and text_line[pos] == '#':
            value = ''  # ``KEY= # comment``
        else:
            value = _unquoted(text_line, pos)
        entries.append(Entry(key, value, lineno, pos + 1, lineno, '', exported))
    return Dotenv(tuple(entries), tuple(problems))


def parse_bytes(data: bytes) -> Dotenv:
    """``parse`` over bytes: UTF-8 (a BOM is dropped), invalid sequences replaced."""
    return parse(data.decode('utf-8', 'replace'))

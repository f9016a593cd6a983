"""Import of gitleaks configurations: RE2 rules converted to leakstop rules.

gitleaks rules are RE2 regexes over text; leakstop rules are Python regexes over bytes that
Hyperscan also accepts. What RE2 has and Python lacks is translated where the meaning is kept
exactly, and refused (the rule is skipped, with the reason) where it cannot be.
"""
from __future__ import annotations

import re
from typing import Any, Iterable, Mapping, Sequence

from leakstop.errors import FatalError


_POSIX_CLASSES = {
    'alnum': '0-9A-Za-z', 'alpha': 'A-Za-z', 'ascii': '\\x00-\\x7f', 'blank': '\\t ', 'cntrl': '\\x00-\\x1f\\x7f',
    'digit': '0-9', 'graph': '!-~', 'lower': 'a-z', 'print': ' -~', 'punct': '!-/:-@\\[-`{-~',
    'space': '\\t\\n\\v\\f\\r ', 'upper': 'A-Z', 'word': '0-9A-Za-z_', 'xdigit': '0-9A-Fa-f',
}
_FLAGS_GROUP = re.compile(r'\(\?([a-zA-Z]*)(?:-([a-zA-Z]*))?\)')


class Unconvertible(Exception):
    """An RE2 construct with no exact Python/Hyperscan equivalent; ``str(e)`` says which."""


class NotGitleaks(Exception):
    """A rule table gitleaks itself refuses (a field of the wrong type); ``str(e)`` names the field and what is
    wrong, relative to the rule (``allowlists[0].regexes: …``). A configuration error, not a skipped rule."""


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


def _group_close(pattern: str, at: int) -> int:
    """Index of the ``)`` closing the group opened at ``pattern[at]``."""
    depth = 0
    i = at
    while i < len(pattern):
        c = pattern[i]
        if c == '\\':
            i += 2
            continue
        if c == '[':
            i = _class_end(pattern, i)
            continue
        if c == '(':
            depth += 1
        elif c == ')':
            depth -= 1
            if depth == 0:
                return i
        i += 1
    raise Unconvertible('unbalanced parenthesis')


def first_group_always_set(pattern: str) -> bool:
    """Whether capture group 1 takes part, non-empty, in every match (so gitleaks' "first non-empty
    group" is always group 1): it sits at the top level, is not optional, and cannot match empty."""
    openers = _capture_openers(pattern)
    if not openers:
        return False
    at = openers[0]
    close = _group_close(pattern, at)
    depth = 0
    i = 0
    while i < len(pattern):  # the group must not be nested, and the pattern must have no top-level |
        c = pattern[i]
        if c == '\\':
            i += 2
            continue
        if c == '[':
            i = _class_end(pattern, i)
            continue
        flags = _FLAGS_GROUP.match(pattern, i) if c == '(' else None
        if flags is not None:
            i = flags.end()
            continue
        if c == '(':
            if i == at and depth:
                return False
            depth += 1
        elif c == ')':
            depth -= 1
        elif c == '|' and depth == 0:
            return False
        i += 1
    if pattern[close + 1:close + 2] in ('?', '*') or pattern.startswith('{0', close + 1):
        return False
    inner = pattern[pattern.index('>', at) + 1 if pattern.startswith('(?P<', at) else at + 1:close]
    try:
        return re.fullmatch(inner, '') is None
    except re.error:
        return False


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


def path_regex_to_globs(regex: str) -> list[str] | None:
    """A gitleaks ``path`` regex as leakstop globs, for the common shapes (a file name or extension,
    alternations ``(?:a|b)``); None when there is no exact glob. A leading ``(?i)`` is dropped:
    globs are case-sensitive."""
    rx = regex[4:] if regex.startswith('(?i)') else regex
    at_any_depth = anchored = False
    for prefix in ('(?:^|/)', '(^|/)', '(?:^|\\/)', '(^|\\/)'):
        if rx.startswith(prefix):
            rx, at_any_depth = rx[len(prefix):], True
            break
    else:
        if rx.startswith('^'):
            rx, anchored = rx[1:], True
    while not anchored and rx.startswith('.*'):
        rx = rx[2:]  # a search: a leading .* changes nothing
    if not rx.endswith('$') or rx.endswith('\\$'):
        return None
    bodies = [rx[:-1]]
    while True:  # expand (?:a|b) alternations, innermost first
        m = re.search(r'\(\?:([^()\[\]\\]*)\)', bodies[0])
        if m is None:
            break
        bodies = [b[:m.start()] + alt + b[m.end():] for b in bodies for alt in m.group(1).split('|')]
        if len(bodies) > 64:
            return None
    globs = []
    for body in bodies:
        body = re.sub(r'\.\*', '\0', body)
        body = re.sub(r'\\([.\-/_ ])', lambda e: '\1' if e.group(1) == '.' else e.group(1), body)
        if not body or re.search(r'[.*+?()\[\]{}|^$\\]', body):
            return None
        glob = body.replace('\0', '**').replace('\1', '.')
        if anchored:
            globs.append('/' + glob)
        elif at_any_depth:
            globs.append(glob if '/' not in glob else '**/' + glob)
        else:
            globs.append('*' + glob if '/' not in glob else '**/*' + glob)
    return globs


def _rule_id(raw: str, taken: set[str]) -> str:
    rule_id = re.sub(r'[^a-z0-9]+', '-', raw.lower()).strip('-') or 'gitleaks-rule'
    if rule_id in taken:
        rule_id = f'gitleaks-{rule_id}'
    base, k = rule_id, 2
    while rule_id in taken:
        rule_id, k = f'{base}-{k}', k + 1
    return rule_id


def _allowlists(table: Mapping[str, Any]) -> list[tuple[str, Mapping[str, Any]]]:
    """The rule's allowlist tables, each with its name for errors (``allowlist``, ``allowlists[1]``)."""
    old = table.get('allowlist')
    new = table.get('allowlists')
    out: list[tuple[str, Mapping[str, Any]]] = [('allowlist', old)] if isinstance(old, dict) else []
    if isinstance(new, list):
        out.extend((f'allowlists[{k}]', a) for k, a in enumerate(new) if isinstance(a, dict))
    return out


def _listed(table: Mapping[str, Any], key: str, where: str) -> list[Any]:
    """``table[key]``, a list (empty when absent). Anything else is refused, as gitleaks refuses it: iterating
    ``regexes = 5`` was a TypeError traceback (tenth hostile review, break 13)."""
    value = table.get(key, [])
    if not isinstance(value, list):
        raise NotGitleaks(f'{where}.{key}: expected a list')
    return value


def convert_gitleaks_rule(table: Mapping[str, Any], taken: set[str]) -> tuple[dict[str, Any], list[str]]:
    """A gitleaks ``[[rules]]`` table as a leakstop rule table, plus notes on what was dropped.

    Raises Unconvertible with the reason when the rule cannot be expressed.
    """
    from leakstop.engine import compile_database
    from leakstop.errors import regex_error
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
        raise Unconvertible(f'regex: {regex_error(e)}') from None
    group = table.get('secretGroup', 0)
    if not isinstance(group, int) or group < 0:
        raise Unconvertible('secretGroup: expected a number')
    if group == 0 and compiled.groups > 1 and first_group_always_set(pattern):
        group = 1
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
        globs = path_regex_to_globs(path)
        if globs is None:
            raise Unconvertible('its path regex has no glob equivalent (leakstop rules take globs)')  # (never quoted)
        if path.startswith('(?i)'):
            notes.append('path now matched case-sensitively')
        out['paths'] = globs
    allow: list[str] = []
    for where, a in _allowlists(table):
        target = a.get('regexTarget') or 'secret'
        limits = [k for k in ('paths', 'commits') if a.get(k)]
        both = str(a.get('condition', 'OR')).upper() == 'AND'
        if limits and both:
            notes.append(f'allowlist limited to {" and ".join(limits)} (condition AND) dropped: it would allow more')
            continue
        if limits:
            notes.append(f'allowlist {" and ".join(limits)} dropped: use [allowlist.rules.{rule_id}] paths in .leakstop.toml')
        regexes = [r for r in _listed(a, 'regexes', where) if isinstance(r, str)]
        kept: list[str] = []
        if regexes and target != 'secret':
            notes.append(f'allowlist regexes on the {target} dropped: leakstop allow regexes apply to the secret')
            if both:  # the other half of an AND alone would allow more
                continue
        elif regexes:
            for k, r in enumerate(regexes, 1):
                try:
                    translated = re2_to_python(r)
                    re.compile(translated)
                except (Unconvertible, re.error) as e:  # named by position: a regex is never quoted
                    notes.append(f'allowlist regex {k} dropped: {regex_error(e)}')
                    continue
                kept.append(translated)
        stopwords = [str(w).lower() for w in _listed(a, 'stopwords', where) if str(w)]
        if both and kept and stopwords:
            # gitleaks' AND: one of the regexes matches the secret *and* it holds one of the
            # stopwords. Two separate allow regexes would allow a secret matching either.
            combined = (
                r'\A(?=[\s\S]*?(?:' + '|'.join(_scoped(r) for r in kept) + r'))'
                r'(?=[\s\S]*?(?i:' + '|'.join(re.escape(w) for w in stopwords) + r'))'
            )
            try:
                re.compile(combined)
            except re.error:
                notes.append('allowlist of regexes and stopwords (condition AND) dropped: its regexes cannot be combined')
                continue
            allow.append(combined)
            continue
        if both and len(kept) < len(regexes) and stopwords:
            notes.append('allowlist stopwords (condition AND) dropped with the regexes they go with')
            continue
        allow.extend(kept)
        if stopwords:
            allow.append('(?i)(?:' + '|'.join(re.escape(w) for w in stopwords) + ')')
    from leakstop.config import backtracking_risk
    for i, regex in reversed(list(enumerate(allow))):
        why = backtracking_risk(regex)
        if why is not None:  # leakstop refuses it in a configuration: dropping it allows less
            notes.append(f'allowlist regex {i + 1} dropped: it {why}')
            del allow[i]
    if allow:
        out['allow'] = allow
    try:
        rule = rule_from_table(out, 'gitleaks', require_examples=False)
        compile_database([rule])
    except FatalError as e:
        raise Unconvertible(str(e).split(': ', 2)[-1]) from None
    why = backtracking_risk(rule.pattern)
    if why is not None:  # RE2 is linear; leakstop's confirmation backtracks
        raise Unconvertible(f'regex {why}: exponential or polynomial time in a backtracking engine')
    return out, notes


def _scoped(regex: str) -> str:
    """A regex with leading global flags (``(?i)abc``) as a scoped group (``(?i:abc)``), so that
    it can stand inside a larger one."""
    m = re.match(r'\(\?([aiLmsux]+)\)', regex)
    return f'(?{m.group(1)}:{regex[m.end():]})' if m else regex


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
    """The rules as TOML, after ``header``'s lines as comments. A header line is escaped (``printable``) and
    stays one comment: a skipped rule's id is named there, and its line break ended the comment, the lines
    after it read as settings (``[allowlist] paths = ["src/**"]`` in the converted .leakstop.toml; found
    with tenth hostile review, break 08)."""
    from leakstop.report import printable
    lines = [f'# {printable(h)}' if h else '#' for h in header]
    for table in tables:
        lines += ['', '[[rules]]']
        lines += [f'{key} = {toml_value(table[key])}' for key in RULE_KEY_ORDER if key in table]
    return '\n'.join(lines).lstrip('\n') + '\n'

"""Secrets under an encoding: decoded views of a file, scanned by the same engine.

Three views, built once per file and scanned by every rule (and the generic detector), each
finding mapped back to the span of the original text it was decoded from:

- **Kubernetes ``Secret`` values.** Every value under ``data:`` in a ``kind: Secret`` manifest is
  base64 by definition. Each value is decoded and scanned as ``key: decoded``; a finding is
  reported at the encoded value's position, with the decoded secret (redacted in output,
  fingerprinted as itself), and replaces any finding on the encoded text.
- **String escapes.** Lines that hold an escape that hides something (``\\"``, ``\\/``, ``\\r``,
  ``\\uXXXX``, an escaped line break continued on the next line as in ``.properties``), with every
  escape in them decoded once (also ``\\\\``, ``\\n``, ``\\t``, ``\\'``): JSON with PHP's ``\\/``, a
  PEM key with ``\\r\\n``, a service-account JSON nested as a string in JSON or ``.tfvars``, a
  ``\\u``-escaped prefix. (``\\xXX`` and escapes of control characters stay as written.)
- **Comment prefixes.** Runs of two or more lines that each start with a comment marker (``#``,
  ``//``, ``>``, ``;``, ``--``, ``*``, and the others of ``data/comment_markers.toml``: ``#'``, ``---``, ``-- |``,
  ``%%``, ``REM``, ``'``, ``(*``), the markers removed, in files that hold the start of a
  multi-line key (``-----BEGIN``): a commented-out key block is a key.
  (Single-line secrets need no view: the marker does not hide them.)
- **Log line prefixes.** A key block whose every line is behind the BEGIN line's prefix (a log's: a timestamp, a
  service's name; its digits may differ) and maybe before the same text (a Markdown table's ``|``), those left out.

A finding in the escape or comment view that overlaps a finding on the original text adds
nothing and is dropped (a vendor rule's finding replaces an overlapping generic one).
"""
from __future__ import annotations

import binascii
import bisect
import os
import re
from typing import Sequence

from leakstop.engine import (
    ENTITY_SEARCH, ESCAPE_ANCHOR, KEY_BREAK_ESCAPE, LINE_BREAK_ESCAPE, QUERY_AMP_ENTITY, STRONG_ESCAPE, TOKEN_ENTITY,
    VIEW_ANCHORS, VIEW_SECRET, CredentialNames, Finding, RuleSet, base64_anchor, line_columns, scan_bytes,
    shipped_credential_names,
)
from leakstop.records import ViewFields
from leakstop.regex import LazyPattern

_SECRET_KIND = LazyPattern(b'(?m)' + VIEW_ANCHORS[VIEW_SECRET])  # the engine's anchor for this view, the same text
# YAML's `data:` (also a List item's, indented) or JSON's `"data": {` (kubectl get secret -o json)
_DATA_KEY = LazyPattern(rb'(?m)^([ \t]*(?:- )?)["\']?data["\']?[ \t]*:[ \t]*\{?[ \t]*(?:#[^\n]*)?\r?$')
# an entry: an indented key (maybe quoted) and a value, quoted (maybe empty) or not, a JSON member's comma after
# it; a bare ``key:`` (a mapping's header, the next ``data:``) or JSON's closing brace is none and ends the
# block, so that each line is read by one block (linear)
_ENTRY = LazyPattern(  # (a comment after the value: fourth hostile review, break 04)
    rb'([ \t]+)["\']?([\w.-]+)["\']?[ \t]*:[ \t]*(?=["\'A-Za-z0-9+/=])["\']?([A-Za-z0-9+/]*={0,2})["\']?[ \t]*,?[ \t]*'
    rb'(?:\#[^\n]*)?\r?(?:\n|\Z)')
# a block scalar's header (`key: |`, `key: >-`, `key: |2`) and its lines of base64 below it, more indented
_BLOCK_ENTRY = LazyPattern(rb'([ \t]+)([\w.-]+):[ \t]*[|>][-+1-9]{0,2}[ \t]*\r?\n')
_BLOCK_LINE = LazyPattern(rb'([ \t]+)([A-Za-z0-9+/]+={0,2})[ \t]*\r?(?:\n|\Z)')
# a flow mapping, `data: {user: YWRtaW4=, password: "…"}`, on one line or several (the fourth hostile review's left
# case); also a member of a mapping on one line, `{"apiVersion":"v1","data":{…},"kind":"Secret"}`, its quotes maybe
# escaped (a Secret as one line of JSON, a YAML flow mapping, kubectl's last-applied-configuration annotation as a
# string in JSON; sixth hostile review, break 07)
_QUOTE = rb'(?:\\?["\'])?'
_DATA_FLOW = LazyPattern(
    rb'(?m)(?:^[ \t]*(?:- )?|[{,][ \t]*)' + _QUOTE + rb'data' + _QUOTE + rb'[ \t]*:[ \t]*\{([^{}]{1,65536})\}')
_FLOW_ENTRY = LazyPattern(
    _QUOTE + rb'([\w.-]+)' + _QUOTE + rb'[ \t]*:[ \t]*' + _QUOTE + rb'([A-Za-z0-9+/]+={0,2})' + _QUOTE
    + rb'[ \t\r\n]*(?:,[ \t\r\n]*|\Z)')
# a blank line or a comment line inside a block mapping: YAML's mapping goes on after it (fifth hostile review, break 08)
_GAP_LINE = LazyPattern(rb'[ \t]*(?:\#[^\n]*)?\r?\n')
_SEPARATOR = LazyPattern(rb'(?m)^---[ \t]*(?:#[^\n]*)?\r?$')
_TEXT = frozenset(range(0x20, 0x7F)) | {0x09, 0x0A, 0x0D}


def kubernetes_secret_values(data: bytes) -> list[tuple[bytes, bytes, int, int]]:
    """(key, decoded value, start, end of the encoded value) for each ``data:`` entry of Secret manifests."""
    if b'Secret' not in data or not _SECRET_KIND.search(data):
        return []
    out = []
    for doc_start, doc_end in _documents(data):
        if _SECRET_KIND.search(data, doc_start, doc_end):
            out.extend(_data_values(data, doc_start, doc_end))
    return out


def _documents(data: bytes) -> list[tuple[int, int]]:
    """Spans of the YAML documents of a stream (separated by ``---`` lines)."""
    separators = [(m.start(), m.end()) for m in _SEPARATOR.finditer(data)]
    starts = [0] + [end for _, end in separators]
    ends = [start for start, _ in separators] + [len(data)]
    return list(zip(starts, ends))


def _data_values(data: bytes, doc_start: int, doc_end: int) -> list[tuple[bytes, bytes, int, int]]:
    import base64
    out = []
    for flow in _DATA_FLOW.finditer(data, doc_start, doc_end):
        pos, end_of_flow = flow.start(1), flow.end(1)
        while pos < end_of_flow and data[pos] in b' \t\r\n':
            pos += 1
        while (entry := _FLOW_ENTRY.match(data, pos, end_of_flow)) is not None and entry.end() > pos:
            pos = entry.end()
            try:
                decoded = base64.b64decode(entry.group(2), validate=True)
            except (binascii.Error, ValueError):
                continue
            if decoded and all(b in _TEXT for b in decoded):
                out.append((entry.group(1), decoded, entry.start(2), entry.end(2)))
    for block in _DATA_KEY.finditer(data, doc_start, doc_end):
        indent = len(block.group(1))
        pos = block.end() + 1
        while True:  # entries are consecutive lines: each matched where the last one ended (linear)
            while (gap := _GAP_LINE.match(data, pos, doc_end)) is not None:
                pos = gap.end()  # (a gap line always ends with its line break: each read once)
            entry = _ENTRY.match(data, pos, doc_end)
            if entry is not None and len(entry.group(1)) > indent:
                pos = entry.end()
                key, encoded, start, end = entry.group(2), entry.group(3), entry.start(3), entry.end(3)
            else:
                block = _BLOCK_ENTRY.match(data, pos, doc_end)
                if block is None or len(block.group(1)) <= indent:
                    break  # the block ended: a line that is not an indented key: base64
                pos, lines = block.end(), []
                while (line := _BLOCK_LINE.match(data, pos, doc_end)) is not None and len(line.group(1)) > len(block.group(1)):
                    lines.append(line)
                    pos = line.end()
                if not lines:
                    continue
                key, start, end = block.group(2), lines[0].start(2), lines[-1].end(2)
                encoded = b''.join(line.group(2) for line in lines)  # (a decoder skips the line breaks)
            try:
                decoded = base64.b64decode(encoded, validate=True)
            except (binascii.Error, ValueError):
                continue
            if decoded and all(b in _TEXT for b in decoded):
                out.append((key, decoded, start, end))
    return sorted({value[2]: value for value in out}.values(), key=lambda value: value[2])  # (JSON's `data: {`
    # on a line of its own starts a block and a flow mapping both: one value read twice is one value)


def _as_assignment(key: bytes, decoded: bytes) -> bytes:
    """A Secret's key and decoded value as one line every extractor reads whole: quoted when the value is one line
    that holds no quote (an unquoted YAML value stops at a backslash or a quote: the Kubernetes docs' example
    password ``S!B\\*d$zDsb=`` was read from its base64 only while a comment line ended the data block)."""
    if b'\n' not in decoded:
        for quote in (b"'", b'"'):
            if quote not in decoded:
                return key + b': ' + quote + decoded + quote
    return key + b': ' + decoded


def decoded_findings(data: bytes, path: str, ruleset: RuleSet) -> tuple[list[Finding], list[tuple[int, int]]]:
    """Findings inside the base64 values of Kubernetes Secret manifests, placed on the encoded values;
    and the spans of every encoded value that decodes to text (judged by its text, not its base64)."""
    out = []
    values = kubernetes_secret_values(data)
    line, pos = 1, 0  # values come in file order: lines counted from the previous one
    for key, decoded, start, end in values:
        line += data.count(b'\n', pos, start)
        pos = start
        column = start - data.rfind(b'\n', 0, start)
        for f in scan_bytes(_as_assignment(key, decoded), ruleset, path):
            out.append(f._replace(
                line=line, column=column, start=start, end=end,
                description=f'{f.description} (base64 in a Kubernetes Secret)',
            ))
    return out, [(start, end) for _, _, start, end in values]


def _inside(spans: Sequence[tuple[int, int]], offset: int) -> bool:
    """Whether ``offset`` is inside one of the sorted, disjoint ``spans``."""
    k = bisect.bisect_right(spans, (offset, float('inf')))
    return k > 0 and spans[k - 1][0] <= offset < spans[k - 1][1]


def merge(raw: Sequence[Finding], decoded: Sequence[Finding], text_spans: Sequence[tuple[int, int]] = ()) -> list[Finding]:
    """``raw`` findings, except those on an encoded value a decoded finding explains, plus ``decoded``.

    A generic finding on an encoded value that decodes to text is dropped too: the generic detector
    judged the base64 (random-looking by nature), not the text it stands for (``cGFzc3dvcmQ=``).
    """
    from leakstop.generic import RULE_IDS
    spans = sorted({(f.start, f.end) for f in decoded})
    texts = sorted(set(text_spans))
    kept = [
        f for f in raw
        if not _inside(spans, f.start)
        and not (f.rule_id in RULE_IDS and _inside(texts, f.start))
    ]
    return sorted([*kept, *decoded], key=lambda f: (f.line, f.column, f.rule_id))


class View(ViewFields):
    """Decoded text and, piece by piece, the original span each piece came from.

    ``starts[k]`` is where piece ``k`` begins in ``text``; it came from ``spans[k]`` of ``data``,
    the original. A literal piece maps byte for byte; an escaped piece (a line region whose string
    escapes were decoded) is mapped escape by escape when a finding lands in it, never before.
    """

    __slots__ = ()

    def _locate(self, offset: int) -> tuple[int, int]:
        """The original span of the byte ``text[offset]``."""
        k = max(0, bisect.bisect_right(self.starts, offset) - 1)
        s, e, literal = self.spans[k]
        if literal:
            at = min(e, s + offset - self.starts[k])
            return at, min(e, at + 1)
        return _escaped_span(self.data, s, e, offset - self.starts[k])

    def original(self, start: int, end: int) -> tuple[int, int]:
        """The original span of ``text[start:end]``."""
        first = self._locate(start)[0]
        return first, max(first, self._locate(max(start, end - 1))[1])


def _decoded(m: re.Match[bytes]) -> bytes:
    """What one match of ``_ESCAPE`` stands for. A ``\\u`` escape of a control character other than a line break
    or a tab stays as it is (as a character reference does: ``_entity``): it hides no token, and decoded it would
    make binary-looking text of byte strings; a line break's (``\\u000a``, ``\\x0a``) is a key's line break."""
    hex4, simple, hex8, hex2 = m.group(1, 2, 3, 4)
    if simple is not None:
        return _SIMPLE[simple]
    code = hex4 or hex8 or hex2
    if code is None:
        return b''  # a line continuation
    value = int(code, 16)
    if hex2 is not None and value > 0x7E:  # \xXX above ASCII: a byte of binary data or of a UTF-8 sequence
        return bytes(m.group(0))
    char = chr(value) if value <= 0x10FFFF else ''
    return char.encode('utf-8', 'replace') if char and (char.isprintable() or char in '\n\r\t') else bytes(m.group(0))


def _escaped_span(data: bytes, start: int, end: int, offset: int) -> tuple[int, int]:
    """The original span of decoded byte ``offset`` of the region ``data[start:end]``."""
    decoded_pos, pos = 0, start
    for m in _ESCAPE.finditer(data, start, end):
        literal = m.start() - pos
        if offset < decoded_pos + literal:
            at = pos + offset - decoded_pos
            return at, at + 1
        decoded_pos += literal
        width = len(_decoded(m))
        if offset < decoded_pos + width:
            return m.start(), m.end()
        decoded_pos += width
        pos = m.end()
    at = min(end, pos + offset - decoded_pos)
    return at, min(end, at + 1)


def _decode_escapes(region: bytes) -> bytes:
    """``region`` with its string escapes decoded (as ``_ESCAPE`` reads them, left to right), in C
    where possible: each ``\\\\`` is set aside first (as 0xFF, a byte no UTF-8 encoding makes) so
    that ``\\\\n`` stays a backslash and an ``n``."""
    if b'\xff' in region or b'\\\n' in region or b'\\\r\n' in region:  # (continuations are rare,
        return bytes(_ESCAPE.sub(_decoded, region))                       # and make new neighbours)
    text = region.replace(b'\\\\', b'\xff')
    for escape, replacement in _SIMPLE.items():
        if escape != b'\\':
            text = text.replace(b'\\' + escape, replacement)
    if b'\\u' in text or b'\\U' in text or b'\\x' in text:  # \uXXXX, \UXXXXXXXX, \xXX
        text = _ESCAPE.sub(_decoded, text)
    return text.replace(b'\xff', b'\\')


class _Builder:
    def __init__(self) -> None:
        self.parts: list[bytes] = []
        self.starts: list[int] = []
        self.spans: list[tuple[int, int, bool]] = []
        self.size = 0

    def add(self, text: bytes, start: int, end: int, literal: bool) -> None:
        if not text:
            return
        self.parts.append(text)
        self.starts.append(self.size)
        self.spans.append((start, end, literal))
        self.size += len(text)

    def view(self, data: bytes) -> View | None:
        if not self.parts:
            return None
        return View(data, b''.join(self.parts), tuple(self.starts), tuple(self.spans))


# \U0000XXXX (TOML, Python, YAML) and \xXX (YAML, Python, C) too: of a printable character only (in code \xXX
# mostly writes bytes, b'\x02\x01...', which decoded would look random; fourth hostile review, break 14)
# (\: \= \# \!: java.util.Properties.store escapes them in keys and values, jdbc\:postgresql\://…?password\=…;
# fourth hostile review, break 08)
# (\ : YAML's escaped space, which PyYAML writes where it folds a double-quoted string at a space, `…PRIVATE\` then
# `\ KEY-----` on the next line, after the continuation's indentation; eighth hostile review, break 04)
_ESCAPE = LazyPattern(rb'\\(?:u([0-9a-fA-F]{4})|([nrt"\'/\\:=#! ])|U([0-9a-fA-F]{8})|x([0-9a-fA-F]{2})|\r?\n[ \t]*)')
_SIMPLE = {b'n': b'\n', b'r': b'\r', b't': b'\t', b'"': b'"', b"'": b"'", b'/': b'/', b'\\': b'\\',
           b':': b':', b'=': b'=', b'#': b'#', b'!': b'!', b' ': b' '}


def _continues(data: bytes, end: int) -> bool:
    """Whether the line ending at ``end`` (its newline) ends with a backslash: it goes on on the next line."""
    if end >= len(data):
        return False
    if data[end - 1:end] == b'\r':
        end -= 1
    return data[end - 1:end] == b'\\'


# Escapes that hide what a rule looks for: a quote (a JSON document nested in a string), ``\/``,
# ``\r``, ``\u``/``\x`` escapes, and an escaped line break continued on the next line (``\n\``, a
# ``.properties`` value over several lines). ``\n`` and ``\t`` alone do not: every rule accepts a
# token right after them (``engine.escape_tolerant``) and the multi-line key rules accept ``\n``
# line breaks; nor does a bare continuation (a shell or C line goes on, nothing is hidden). Lines
# with none of these (most string literals in code) get no decoded copy; a line that has one is
# decoded whole, every escape in it.
_HIDING = LazyPattern(ESCAPE_ANCHOR + b'|-----BEGIN')  # the engine's anchor for this view (with ENTITY_ANCHOR's)
# (a BEGIN line is decoded where it holds a line break escaped as the key rules do not read it, KEY_BREAK_ESCAPE:
# `\n\t`, `\n` then spaces, PowerShell's `` `n ``; eleventh hostile review, break 05)
_BEGIN = b'-----BEGIN'
_KEY_BREAK = LazyPattern(KEY_BREAK_ESCAPE)
# A line whose only hiding escapes are \", \r or a line break's (\u000a, \x0a) is decoded when it names a credential
# as the rule set's CredentialNames.on_line say (\"private_key\":, \"kty\":, <add key=\"DbPassword\" …, mysql
# -p\"…), or holds a PEM key: escaped quotes and \r\n are everywhere in code, and decoding every such line cost 20% of
# the scan of a source tree.
_QUOTE_OR_CR = (b'\\"', b'\\r')
_LINE_BREAK_ESCAPE = LazyPattern(LINE_BREAK_ESCAPE)  # \u000a, \x0a, …: like \r (tenth hostile review, break 05)
_PROPERTIES_ESCAPES = (b'\\:', b'\\=', b'\\#', b'\\!')
# in a .properties file (PROPERTIES_PATH), those escapes hide something too (elsewhere: regexes, shell)
_HIDING_PROPERTIES = LazyPattern(ESCAPE_ANCHOR[:-1] + rb'|[:=#!])|' + _BEGIN)
PROPERTIES_PATH = LazyPattern(r'(?i)\.properties\Z')
_STRONG_HIDING = LazyPattern(STRONG_ESCAPE)


# A line longer than this (a minified bundle: one line of hundreds of kilobytes, escapes all over it) is
# decoded only around each escape that hides something, ``_AROUND`` bytes either side, cut where a token
# cannot go on (whitespace, ``,;{}()``, a quote): decoding whole lines and scanning them again was a third of
# the time of a history scan whose repository commits vendored bundles.
LONG_LINE = 16384
_AROUND = 2048
_CUT_BYTES = tuple(bytes((c,)) for c in b' \t\r\n,;{}()[]"\'`')
_CUT = LazyPattern(b'[' + re.escape(b''.join(_CUT_BYTES)) + b']')
_CUT_BACK = 256  # bytes looked through for a place to cut a window (else it is cut where it is)
KEY_REACH = 140000  # bytes after a BEGIN on a long line looked through for its END (the key rules' max_length)


def _cut_before(data: bytes, pos: int, floor: int) -> int:
    """A place at or before ``pos`` (not before ``floor``) right after a byte no token goes on through."""
    if pos <= floor:
        return floor
    window = data[max(floor, pos - _CUT_BACK):pos]
    last = max(window.rfind(c) for c in _CUT_BYTES)
    return pos if last == -1 else pos - len(window) + last + 1


def _cut_after(data: bytes, pos: int, ceiling: int) -> int:
    """A place at or after ``pos`` (not after ``ceiling``) where a byte no token goes on through is."""
    if pos >= ceiling:
        return ceiling
    found = _CUT.search(data, pos, min(ceiling, pos + _CUT_BACK))
    return found.start() if found is not None else pos


class _Lines:
    """The bounds of the line holding an offset, the last line's remembered: a long line holding many places to look
    from (BEGINs, escapes) is looked along for its ends once, not once for each (a 7 MB line of BEGINs took the
    comment, log-prefix, escape and YAML views seconds each, growing as its square; twelfth hostile review, break 07's
    siblings)."""

    def __init__(self, data: bytes) -> None:
        self.data, self.start, self.end = data, 0, -1

    def __call__(self, pos: int) -> tuple[int, int]:
        """(start, end) of the line holding ``data[pos]``: its first byte, its newline (or the text's end)."""
        if not self.start <= pos <= self.end:
            self.start = self.data.rfind(b'\n', 0, pos) + 1
            end = self.data.find(b'\n', pos)
            self.end = len(self.data) if end == -1 else end
        return self.start, self.end


class _QuoteBefore:
    """The last quote (``"`` or ``'``) before an offset on its line, for offsets asked in order: the line is looked
    along from the last offset asked on, not from its start again (many BEGINs on one long line; twelfth hostile
    review, break 07's siblings)."""

    def __init__(self, data: bytes) -> None:
        self.data, self.line_start, self.seen_to, self.nearest = data, -1, -1, -1

    def __call__(self, line_start: int, pos: int) -> int:
        """The last quote in ``data[line_start:pos]`` (-1 if none)."""
        if line_start != self.line_start:
            self.line_start, self.seen_to, self.nearest = line_start, line_start, -1
        self.nearest = max(self.nearest, self.data.rfind(b'"', self.seen_to, pos), self.data.rfind(b"'", self.seen_to, pos))
        self.seen_to = max(self.seen_to, pos)
        return self.nearest


def _line_window(data: bytes, start: int, end: int, lines: _Lines | None = None) -> tuple[int, int]:
    """The line holding ``data[start:end]``; on a line longer than ``LONG_LINE``, ``_AROUND`` bytes either side of
    it, cut where a token cannot go on (``lines``: the text's, remembered from one call to the next)."""
    lo, hi = (lines or _Lines(data))(start)
    if hi - lo > LONG_LINE:
        lo = _cut_before(data, start - _AROUND, lo)
        hi = _cut_after(data, end + _AROUND, hi)
    return lo, hi


def _key_end(data: bytes, begin: int, end: int, no_end: int) -> tuple[int, int]:
    """Where a window of a line that holds a key's BEGIN at ``begin`` ends: past its END (a key whose escaped line
    breaks are no hiding escapes has no window of its own further on, as one with ``\\u000a`` has), or ``end``; and
    up to where no END stands (``no_end``: what an earlier BEGIN's search saw, not looked through again)."""
    reach = data.find(b'\n', begin, begin + KEY_REACH)  # the line's end, or as far as a key goes
    reach = min(len(data), begin + KEY_REACH) if reach == -1 else reach
    if reach == end or max(begin, no_end) >= reach:
        return end, no_end  # the whole line; or no END within reach
    stop = data.find(b'-----END', max(begin, no_end), reach)
    if stop == -1:
        return end, max(no_end, reach - 7)  # (an END may start before reach and go on past it)
    close = data.find(b'-----', stop + 8, min(reach, stop + 120))  # -----END … KEY-----
    if close == -1:
        return end, stop + 1
    return max(end, _cut_after(data, close + 5, reach)), no_end


def _escaped_lines(data: bytes, properties: bool = False, names: CredentialNames | None = None) -> list[tuple[int, int]]:
    """Spans of runs of consecutive lines that hold an escape that hides something (a line ending in
    ``\\`` takes the next one); on a line longer than ``LONG_LINE``, the windows around such escapes. ``names``: the
    rule set's (by default, the shipped rules')."""
    names = names or shipped_credential_names()
    regions: list[tuple[int, int]] = []
    hiding = _HIDING_PROPERTIES if properties else _HIDING
    found = hiding.search(data)
    plain = 0  # bytes before this hold no KEY_BREAK_ESCAPE (looked for around a BEGIN line)
    no_end = 0  # nor an END after a BEGIN on a long line (looked for from a BEGIN whose window ends before it)
    lines = _Lines(data)
    while found is not None:
        start, end = _line_window(data, found.start(), found.end(), lines)
        if found.group() == _BEGIN:
            if not _KEY_BREAK.search(data, max(start, plain), end):
                plain = end  # a BEGIN line whose line breaks the key rules read as they are (each byte looked at once)
                found = hiding.search(data, found.end())
                continue
            end, no_end = _key_end(data, found.end(), end, no_end)
        if ((found.group() in _QUOTE_OR_CR or _LINE_BREAK_ESCAPE.fullmatch(found.group()))
                and data.find(_BEGIN, start, end) == -1 and not _STRONG_HIDING.search(data, start, end)
                and not names.on_line(data, start, end)):
            found = hiding.search(data, end)  # only quotes or \r here, and nothing to hide
            continue
        if found.group() in _PROPERTIES_ESCAPES and not names.word_in(data, start, end):
            found = hiding.search(data, end)  # a .properties escape on a line that names no credential
            continue
        while data[end:end + 1] == b'\n' and _continues(data, end):
            nxt = data.find(b'\n', end + 1)
            end = len(data) if nxt == -1 else nxt
        # and lines above that go on on this one: a string PyYAML folded (`"-----BEGIN OPENSSH PRIVATE\` above
        # `\ KEY-----\nb3Bl…\n\`), whose first line holds no hiding escape (eighth hostile review, break 04); each
        # line walked once (not past the last region)
        floor = regions[-1][1] + 1 if regions else 0
        while start > floor and data[start - 1:start] == b'\n' and _continues(data, start - 1):
            start = data.rfind(b'\n', floor, start - 1) + 1 or floor
        if regions and start <= regions[-1][1] + 1:
            regions[-1] = (regions[-1][0], end)
        else:
            regions.append((start, end))
        found = hiding.search(data, end)
    return regions


# PowerShell's escapes of a line break, a carriage return and a tab (its escape character is the backtick), decoded in
# a region that holds a BEGIN line and `` `n `` or `` `r ``: a key in one double-quoted string (eleventh hostile review,
# break 05). Elsewhere a backtick quotes code (Markdown, shell), and `` `n `` there is no line break.
_BACKTICK_ESCAPE = LazyPattern(rb'`([nrt])')
_BACKTICK = {b'n': b'\n', b'r': b'\r', b't': b'\t'}


def _add_region(out: _Builder, data: bytes, start: int, end: int) -> None:
    """``data[start:end]`` with its string escapes decoded, PowerShell's too where it holds a key written with them
    (each of those a piece of its own, so that every other piece maps back escape by escape as usual)."""
    region = data[start:end]
    if _BEGIN not in region or (b'`n' not in region and b'`r' not in region):
        out.add(_decode_escapes(region), start, end, False)
        return
    pos = start
    for m in _BACKTICK_ESCAPE.finditer(data, start, end):
        out.add(_decode_escapes(data[pos:m.start()]), pos, m.start(), False)
        out.add(_BACKTICK[m.group(1)], m.start(), m.end(), True)
        pos = m.end()
    out.add(_decode_escapes(data[pos:end]), pos, end, False)


def escape_view(data: bytes, properties: bool = False, names: CredentialNames | None = None) -> View | None:
    """Lines with string escapes, the escapes decoded once (regions joined by newlines)."""
    if b'\\' not in data and (b'`' not in data or _BEGIN not in data):
        return None
    out = _Builder()
    for start, end in _escaped_lines(data, properties, names):
        _add_region(out, data, start, end)
        out.add(b'\n', end, min(end + 1, len(data)), True)
    return out.view(data)


# XML and HTML character references: a PEM key in an XML attribute with &#10; line breaks, JSON in an HTML
# data attribute with &quot; (third hostile review, break 05). A line is decoded when it holds a line break's
# or a quote's reference; one whose only such references are &quot; when they quote a credential's name; one
# with a reference of a token's or a URL's character next to a letter or a digit (`ghp&#95;…`, `&#64;db`); one
# with an `&` written `&amp;` (`&#38;`) before a query key naming a credential (`?code=1&amp;client_secret=…`).
_ENTITY = LazyPattern(rb'&(?:#([0-9]{1,7})|#[xX]([0-9a-fA-F]{1,6})|(quot|apos|amp|lt|gt));')
_NAMED_ENTITY = {b'quot': b'"', b'apos': b"'", b'amp': b'&', b'lt': b'<', b'gt': b'>'}
_ENTITY_HIDING = LazyPattern(ENTITY_SEARCH)  # engine.ENTITY_ANCHOR, in a form re searches fast
_LINE_BREAK_ENTITY = LazyPattern(rb'&#(?:1[03]|[xX]0*[aAdD]);')
# a reference inside a token or a URL: `ghp&#95;…`, `&#x67;hp_…`, `app:…&#64;db` (fifth hostile review, break 10)
_TOKEN_ENTITY = LazyPattern(rb'[A-Za-z0-9_]' + TOKEN_ENTITY + b'|' + TOKEN_ENTITY + rb'[A-Za-z0-9_]')
# an `&` written as a reference before a query key that names a credential (sixth hostile review, break 08)
_QUERY_AMP = LazyPattern(b'&' + QUERY_AMP_ENTITY)
# quotes around a value on a line that names a credential anywhere (a Jenkins config.xml's shell step
# `export DB_PASSWORD=&quot;…&quot;`, `<pre>const password = &#39;…&#39;`; fourth hostile review, break 02), as the
# rule set's CredentialNames.on_line say (a hand list missed `DB_PASS`; fourteenth hostile review, break 01): a JSON
# document in an attribute (`&quot;kty&quot;:`) too
_ANY_QUOTE_ENTITY = LazyPattern(rb'&(?:quot|apos|#0*3[49]|#[xX]0*2[27]);')


def _entity(m: re.Match[bytes]) -> bytes:
    """What one character reference stands for (a control character other than a line break or a tab
    stays as written: it hides no token)."""
    if m.group(3) is not None:
        return _NAMED_ENTITY[m.group(3)]
    code = int(m.group(1)) if m.group(1) is not None else int(m.group(2), 16)
    char = chr(code) if code <= 0x10FFFF else ''
    return char.encode('utf-8', 'replace') if char and (char.isprintable() or char in '\n\r\t') else m.group(0)


def entity_view(data: bytes, names: CredentialNames | None = None) -> View | None:
    """Lines with character references that hide something, the references decoded (regions joined by
    newlines; each decoded reference placed on its own span, so a finding maps back exactly). ``names``: the rule
    set's (by default, the shipped rules')."""
    if b'&' not in data:
        return None
    names = names or shipped_credential_names()
    out = _Builder()
    found = _ENTITY_HIDING.search(data)
    lines = _Lines(data)
    while found is not None:
        start, end = _line_window(data, found.start(), found.end(), lines)
        if (_LINE_BREAK_ENTITY.search(data, start, end) or _TOKEN_ENTITY.search(data, start, end)
                or _QUERY_AMP.search(data, start, end) or _ANY_QUOTE_ENTITY.search(data, start, end)
                and names.on_line(data, start, end)):
            pos = start
            for m in _ENTITY.finditer(data, start, end):
                out.add(data[pos:m.start()], pos, m.start(), True)
                out.add(_entity(m), m.start(), m.end(), True)
                pos = m.end()
            out.add(data[pos:end], pos, end, True)
            out.add(b'\n', end, min(end + 1, len(data)), True)
        found = _ENTITY_HIDING.search(data, end)
    return out.view(data)


# JSON in a CSV cell: RFC 4180 doubles the quotes inside a quoted field, `prod,"{""password"": ""…""}"` (fourth
# hostile review, break 09). A line with a pair of doubled quotes (not a triple-quoted string's: a docstring) that names
# a credential as the rule set's CredentialNames.on_line say is read with them undoubled: a member name (also with a
# space, `""Admin Password"":`), an XML attribute (`<add key=""DbPassword"" value=""…"" />`), a command's option.
# (Each pair's text is read once: a run of quotes or of text is no pair from each of its positions.) Not code's empty
# strings: a pair's first `""` is followed by text, not by what ends an expression (`Y.password="",Y.auth&&…`, `push(""),`
# in minified swagger-ui: the text between two empty strings read as a password, held-out 78 at measure-r22), and
# its text is a cell's, at most 200 characters.
# (the pair first, then what stands before it: a pattern opening with a look-behind is tried at every byte, 20 times
# slower over code than one opening with a literal)
_DOUBLED_PAIR = LazyPattern(rb'""(?<=(?<!")"")(?=[^"\s)\],;:.|&?+}])[^"\n]{1,200}""')
# code's empty string on a line that is read (`Y.port=""),Y.username=Y.password="",`): after an operator, before what
# ends an expression; a cell's doubled quotes stand beside its text (`""password"": ""x""}`)
_BEFORE_EMPTY = frozenset(bytes([c]) for c in b'=(,:[{ \t!?|&+')
_AFTER_EMPTY = frozenset(bytes([c]) for c in b'),;]}:|&?+. \t\r')
_QUOTE_RUN = LazyPattern(rb'"+')


def _all_doubled(data: bytes, start: int, end: int) -> bool:
    """One or two quotes of the line stand alone (a run of odd length: a CSV cell's own quotes, a C# verbatim
    string's): every ``""`` on it is a doubled quote, none is code's empty string, whatever follows it. A password
    opening with punctuation, `""db_password"": "".k9Xq…""` (seventeenth hostile review, break 02: 11 of the 94
    printable characters), is read; code has quotes of its own on the line, or none alone (`x="",y=""`)."""
    lone = 0
    for m in _QUOTE_RUN.finditer(data, start, end):
        if (m.end() - m.start()) % 2:
            lone += 1
            if lone > 2:
                return False
    return lone > 0


def doubled_quote_view(data: bytes, names: CredentialNames | None = None) -> View | None:
    """Lines with doubled quotes that name a credential, each ``""`` read as ``"`` (on its own span). ``names``: the
    rule set's (by default, the shipped rules')."""
    if b'""' not in data:
        return None
    names = names or shipped_credential_names()
    out = _Builder()
    found = _DOUBLED_PAIR.search(data)
    lines = _Lines(data)
    while found is not None:
        start, end = _line_window(data, found.start(), found.end(), lines)
        if not names.on_line(data, start, end):
            found = _DOUBLED_PAIR.search(data, max(end, found.end()))  # (the line looked at once)
            continue
        pos = start
        doubled = _all_doubled(data, start, end)
        while (at := data.find(b'""', pos, end)) != -1:
            if not doubled and data[at - 1:at] in _BEFORE_EMPTY and (at + 2 == end or data[at + 2:at + 3] in _AFTER_EMPTY):
                out.add(data[pos:at + 2], pos, at + 2, True)  # code's empty string on the line, kept as it is
            else:
                out.add(data[pos:at], pos, at, True)
                out.add(b'"', at, at + 2, True)
            pos = at + 2
        out.add(data[pos:end], pos, end, True)
        out.add(b'\n', end, min(end + 1, len(data)), True)
        found = _DOUBLED_PAIR.search(data, max(end, found.end()))
    return out.view(data)


# (also a unified diff's added lines, `+` and the line: a key added by a committed `.patch`; seventh hostile review,
# break 09; and its removed lines, `-` and the line: the patch of a commit that removed a leaked key, eighth hostile
# review, break 07. A removed line's `-` is in the first column, or the second in a merge's combined diff (` -`):
# a removed BEGIN or END line, `------BEGIN`, loses one `-`, not SQL's `--`;
# YAML's `- "…"`, a key one quoted line per item, is the joined-strings view's to read.)
# (and the other diff formats: diff's normal `< ` and a context diff's changed `! `, an octopus merge's combined diff
# (`  -`, a column per parent, the line right after it); ninth hostile review, break 01)
# (`//!` too, a Rust crate's documentation, and rustdoc's hidden lines `//!#`: its example holding a key; held-out
# 71's vendored picky)
# (and the comment markers of data/comment_markers.toml, one table for every language: R's roxygen `#'`, LuaDoc's
# `---`, Haddock's `-- |`, Erlang's `%%`, batch files' `REM`, Visual Basic's `'`; twelfth hostile review, break 09)
COMMENT_MARKERS = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'data', 'comment_markers.toml')


def _comment_markers() -> bytes:
    """The markers of ``COMMENT_MARKERS`` as one alternation, in the table's order."""
    from leakstop.cache import cache_dir, cached_toml  # parsed once: tomllib's import and parse cost 4 ms a start
    markers = cached_toml(COMMENT_MARKERS, directory=cache_dir())['markers']
    return b'|'.join(m['pattern'].encode('ascii') for m in markers)


_COMMENT = LazyPattern(
    rb'(?m)^(?: ?-(?=-----(?:BEGIN|END) )| ?-(?![-"\']|[ \t]+["\'])| {2,7}-(?=[^\s"\'-]|-----(?:BEGIN|END) )|< |!+'
    rb'|[ \t]*(?:' + _comment_markers() + rb'))[ \t]?')
_MULTILINE_KEY = b'-----BEGIN'  # where a multi-line key starts (PEM, OpenSSH, PGP)
# A script's `echo <line>>> id_deploy` a line, unquoted (a .bat; quoted, the joined-strings view reads it): the
# line after `echo`, up to its redirection or pipe (ninth hostile review, break 04)
_ECHO = LazyPattern(rb'[ \t]*@?echo[ \t]+(?=[^\s"\'])')


def _commented(data: bytes, pos: int) -> tuple[int, int] | None:
    """The text of the comment (or ``echo``) line at ``pos``: (start, end), its marker and a redirection left out."""
    m = _COMMENT.match(data, pos)
    echo = m is None
    if echo:
        m = _ECHO.match(data, pos)
    if m is None:
        return None
    line_end = data.find(b'\n', m.end())
    line_end = len(data) if line_end == -1 else line_end
    if echo:  # (up to `>` or `|`: `echo <line> | sudo tee -a file` too; tenth hostile review, break 04)
        cut = min((at for at in (data.find(b'>', m.end(), line_end), data.find(b'|', m.end(), line_end)) if at != -1),
                  default=-1)
        if cut != -1:
            while cut > m.end() and data[cut - 1] in b' \t':
                cut -= 1
            return m.end(), cut
    return m.end(), line_end


def comment_view(data: bytes) -> View | None:
    """Runs of two or more comment lines, markers removed, when the file may hold a multi-line key."""
    begin = data.find(_MULTILINE_KEY)
    if begin == -1:
        return None
    out = _Builder()
    done = 0  # runs end before this offset
    lines = _Lines(data)
    while begin != -1:
        line_start = lines(begin)[0]
        if line_start >= done and _commented(data, line_start):  # a commented BEGIN line: its run
            start = line_start
            while start > 0:  # comment lines above it
                prev = data.rfind(b'\n', 0, start - 1) + 1
                if _commented(data, prev) is None or prev == start:
                    break
                start = prev
            run: list[tuple[int, int, int]] = []
            pos = start
            while pos < len(data):
                text = _commented(data, pos)
                if text is None:
                    break
                line_end = data.find(b'\n', text[1])
                line_end = len(data) if line_end == -1 else line_end
                run.append((text[0], text[1], line_end))
                pos = line_end + 1
            if len(run) >= 2:
                for text_start, text_end, line_end in run:
                    out.add(data[text_start:text_end] + b'\n', text_start, min(line_end + 1, len(data)), True)
            done = pos
        begin = data.find(_MULTILINE_KEY, max(begin + 1, done))
    return out.view(data)


# A key printed into a log, each of its lines behind the log's prefix: docker compose's `app-1  | `, a GitHub Actions
# log's timestamp, git's `remote: `, `kubectl logs --prefix`'s `[pod/…] `, syslog's `May  1 10:00:00 host app[1]: `
# (tenth hostile review, break 10; gitleaks' rule takes any text from BEGIN to END). From a BEGIN line with text before
# it (not indentation, not a comment marker: the rules and the comment view read those), the lines after it that start
# with the same text but for its digits (a timestamp, a counter), up to the END line, are read without it; and without
# the text after the BEGIN line's header, when each line ends with it: a Markdown table's ` |`, PowerShell's
# `Add-Content -Path id -Value "<line>"` a line (the sixth and ninth reviews' Left).
_ANY_DIGIT = bytes.maketrans(b'123456789', b'000000000')
LOG_PREFIX_NOTE = 'behind the same text on each line'
LOG_PREFIX = 200  # bytes before `-----BEGIN` on its line read as a log's prefix at most
_KEY_HEADER = LazyPattern(rb'-----BEGIN[A-Z0-9 ]{0,60}-----')


def _prefixed_run(data: bytes, line_start: int, width: int, tail: bytes) -> tuple[list[tuple[int, int]], int]:
    """The texts (start, end) of the lines from ``line_start`` on that start with its first ``width`` bytes (their
    digits may differ) and end with ``tail``, up to an END line; and where the walk stopped."""
    shape = data[line_start:line_start + width].translate(_ANY_DIGIT)
    run: list[tuple[int, int]] = []
    pos = line_start
    while pos < len(data) and pos - line_start < _MARKUP_KEY:
        line_end = data.find(b'\n', pos)
        line_end = len(data) if line_end == -1 else line_end
        line = data[pos:line_end].rstrip()
        if line.translate(_ANY_DIGIT) == shape.rstrip():  # an empty line of the key (a PGP block's), the prefix trimmed
            start = end = pos + len(line)
        elif line[:width].translate(_ANY_DIGIT) == shape and line[width:].endswith(tail):
            start, end = pos + width, pos + len(line) - len(tail)
        else:
            break
        run.append((start, end))
        pos = line_end + 1
        if data.find(b'-----END', start, end) != -1:
            break
    return run, pos


def _next_line_alike(data: bytes, line_start: int, begin: int) -> bool:
    """Whether the line after the BEGIN line starts with its prefix ``data[line_start:begin]`` (but for digits), or is
    that prefix with its trailing spaces trimmed (an empty line of the key): the cheap test first."""
    nxt = data.find(b'\n', begin) + 1
    if nxt == 0:
        return False
    width = begin - line_start
    shape = data[line_start:begin].translate(_ANY_DIGIT)
    ahead = data[nxt:nxt + width + 2].translate(_ANY_DIGIT)
    return ahead.startswith(shape) or ahead.split(b'\n', 1)[0].rstrip() == shape.rstrip()


_BASE64_BYTES = b'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/='


def _later_prefix(data: bytes, nxt: int) -> int:
    """The width of the prefix the two lines from ``nxt`` on share (but for digits), up to its last byte that no
    base64 line holds (a quote, a space, a bracket), when it is more than indentation; else 0."""
    second_end = data.find(b'\n', nxt, nxt + LOG_PREFIX + 2)
    third_end = data.find(b'\n', second_end + 1, second_end + LOG_PREFIX + 3) if second_end != -1 else -1
    if third_end == -1:
        return 0
    second = data[nxt:second_end].translate(_ANY_DIGIT)
    third = data[second_end + 1:third_end].translate(_ANY_DIGIT)
    low, high = 0, min(len(second), len(third))  # the longest shared prefix: slices compared in C, log(width) times
    while low < high:
        mid = (low + high + 1) // 2
        low, high = (mid, high) if second[:mid] == third[:mid] else (low, mid - 1)
    prefix = second[:low].rstrip(_BASE64_BYTES)
    return len(prefix) if prefix.strip() else 0


def log_prefix_view(data: bytes) -> View | None:
    """Key blocks whose every line has the BEGIN line's prefix (its digits may differ), or whose lines after the BEGIN
    line share one (its first write differs), and, after its header, its text; those left out."""
    begin = data.find(_MULTILINE_KEY)
    out = _Builder()
    done = 0  # runs end before this offset
    lines = _Lines(data)
    while begin != -1:
        line_start = lines(begin)[0]
        width = begin - line_start
        if (line_start >= done and 0 < width <= LOG_PREFIX and data[line_start:begin].strip()
                and _commented(data, line_start) is None):
            header = _KEY_HEADER.match(data, begin)
            line_end = lines(begin)[1]
            tail = data[header.end():line_end].strip() if header is not None else b''
            if _next_line_alike(data, line_start, begin):
                run, done = _prefixed_run(data, line_start, width, tail)
            elif (later := _later_prefix(data, line_end + 1)) != 0:
                # the first write differs from the others: `key = "…"` then `key += "…"`, PowerShell's Set-Content
                # then Add-Content (as `>` then `>>`: tenth hostile review, break 04)
                first = (begin, line_start + len(data[line_start:line_end].rstrip()) - len(tail))
                rest, done = _prefixed_run(data, line_end + 1, later, tail)
                run = [first, *rest] if rest else []
            else:
                run = []
            if len(run) >= 2:
                for text_start, text_end in run:
                    out.add(data[text_start:text_end] + b'\n', text_start, min(text_end + 1, len(data)), True)
        begin = data.find(_MULTILINE_KEY, max(begin + 1, done))
    return out.view(data)


# A key pasted into a web page: its lines joined or ended by HTML line breaks (`<pre>-----BEGIN …<br>MII…<br>`,
# `…<br/>` at each line's end: a wiki page, an HTML mail, a Confluence export) or indented with no-break spaces
# (U+00A0, a copy off a web page; `&nbsp;` in the page's source). From each BEGIN line to the END line after it
# (a PuTTY key: its Private-Lines line to its Private-MAC line) (at most ``_MARKUP_KEY`` bytes),
# when that block holds such a break or space, each break is read as a newline and each no-break space as a space
# (seventh hostile review, break 07). Also one element per line, as HTML mail writes a paste (`<div>…</div>`) and
# wiki exports write preformatted text (`<p>…</p>`): a run of block elements' tags (with the line breaks between
# them) is one newline, and an inline element's tag in the block (Outlook's `<span style=…>`, `<o:p>`) is nothing
# (eighth hostile review, break 06).
_BLOCK_TAG = rb'</?(?:div|p|li|ul|ol|dl|dt|dd|pre|blockquote|h[1-6]|tr|td|th|section|article)(?:[ \t][^<>\n]{0,200})?/?>'
_INLINE_TAG = rb'</?(?:span|font|code|kbd|samp|tt|b|i|u|em|strong|small|wbr|o:p)(?:[ \t][^<>\n]{0,200})?/?>'
_MARKUP_BREAK = LazyPattern(
    rb'(?i)<br[ \t]*/?>(?:\r?\n)?|(?:' + _BLOCK_TAG + rb'[ \t]*(?:\r?\n)?)+|' + _INLINE_TAG
    + rb'|\xc2\xa0|&nbsp;?|&#160;|&#x0*a0;')  # (&nbsp without its `;`, as browsers read it: ninth review, break 06)
_MARKUP_INLINE = LazyPattern(b'(?i)' + _INLINE_TAG)
_MARKUP_START = LazyPattern(rb'-----BEGIN|Private-Lines:')   # PEM, OpenSSH, PGP; PuTTY's private lines (as VIEW_ANCHORS)
_MARKUP_END = LazyPattern(rb'-----END [A-Z0-9 ]{0,40}-----|Private-(?:MAC|Hash):')
_MARKUP_KEY = 560000  # bytes from a BEGIN line to its END line at most (the longest key rule's max_length)


def markup_view(data: bytes) -> View | None:
    """Key blocks (BEGIN line to END line) holding HTML line breaks, block elements' tags or no-break spaces (the
    character or its reference), those read as a newline and a space (each on its own span), inline tags as nothing."""
    found = _MARKUP_START.search(data)
    out = _Builder()
    end = 0
    while found is not None:
        begin = found.start()
        # (not before the last block's end: looked through for a break already, and read if it held one)
        start = data.rfind(b'\n', end, begin) + 1 or end
        m = _MARKUP_END.search(data, found.end(), begin + _MARKUP_KEY)
        end = data.find(b'\n', m.end()) if m is not None else -1
        end = (len(data) if end == -1 else end) if m is not None else min(len(data), begin + _MARKUP_KEY)
        if _MARKUP_BREAK.search(data, start, end):
            pos = start
            for b in _MARKUP_BREAK.finditer(data, start, end):
                out.add(data[pos:b.start()], pos, b.start(), True)
                if not _MARKUP_INLINE.fullmatch(b.group(0)):  # (an inline tag: nothing)
                    out.add(b'\n' if b.group(0)[:1] == b'<' else b' ', b.start(), b.end(), True)
                pos = b.end()
            out.add(data[pos:end], pos, end, True)
            out.add(b'\n', end, min(end + 1, len(data)), True)
        found = _MARKUP_START.search(data, max(end, begin + 1))
    return out.view(data)


# A double-quoted YAML scalar holding a key, folded by its emitter at a space with a plain line break: libyaml (PyYAML's
# CDumper, Ruby's Psych) breaks only at spaces, `"-----BEGIN PRIVATE KEY-----\nMII…\n-----END` and on the next line
# `  PRIVATE KEY-----\n"`. YAML reads such a line break and the indentation after it as one space (each empty line
# after it as a newline). The sibling of PyYAML's `\` + `\ ` fold (eighth hostile review, break 04), which the escape
# view reads; in a file named as YAML, from the quote that opens a BEGIN line's string to the one that closes it.
# Single quotes too: PyYAML and libyaml write a key's line breaks as empty lines there, and fold its BEGIN line.
YAML_PATH = LazyPattern(r'(?i)\.ya?ml\Z')
_SCALAR_STOP = {34: LazyPattern(rb'[\\"\n]'), 39: LazyPattern(rb"'|\n")}  # double-quoted, single-quoted
_FOLD = LazyPattern(rb'\n(?:[ \t]*\r?\n)*[ \t]*')


def _folded_scalar(data: bytes, start: int, quote: int) -> tuple[list[tuple[int, int]], int, int]:
    """The lines of the quoted scalar whose content starts at ``start`` (each up to its line break, escaped line
    breaks kept inside), where it closes (-1: not within ``_MARKUP_KEY`` bytes) and where the walk stopped."""
    limit = min(len(data), start + _MARKUP_KEY)
    pieces: list[tuple[int, int]] = []
    piece, pos = start, start
    while (stop := _SCALAR_STOP[quote].search(data, pos, limit)) is not None:
        at = stop.start()
        if data[at] == 92:  # an escape (an escaped line break too: the escape view's decoding reads it)
            pos = at + (3 if data[at + 1:at + 3] == b'\r\n' else 2)
            continue
        if data[at] == 39 and data[at + 1:at + 2] == b"'":  # '' in single quotes: a quote
            pos = at + 2
            continue
        pieces.append((piece, at - 1 if data[at - 1:at] == b'\r' else at))
        if data[at] == quote:
            return pieces, at, at
        piece = pos = _FOLD.match(data, at).end()
    return pieces, -1, limit


def yaml_folded_view(data: bytes) -> View | None:
    """Quoted scalars holding a BEGIN line and folded over lines, read as YAML reads them: a double-quoted one's
    escapes decoded, a plain line break and the indentation after it a space (each empty line after it a newline)."""
    begin = data.find(_MULTILINE_KEY)
    out = _Builder()
    done = 0
    lines, quote_before = _Lines(data), _QuoteBefore(data)
    while begin != -1:
        opening = quote_before(lines(begin)[0], begin)
        if opening >= done:
            quote = data[opening]
            pieces, closing, done = _folded_scalar(data, opening + 1, quote)
            if closing != -1 and len(pieces) > 1:
                for k, (a, b) in enumerate(pieces):
                    if k:
                        gap_start = pieces[k - 1][1]
                        breaks = data.count(b'\n', gap_start, a) - 1
                        out.add(b'\n' * breaks if breaks else b' ', gap_start, a, True)
                    if quote == 34:
                        out.add(_decode_escapes(data[a:b]), a, b, False)
                    else:  # (single quotes: no escapes; a key holds no '')
                        out.add(data[a:b], a, b, True)
                out.add(b'\n', closing, closing + 1, True)
        begin = data.find(_MULTILINE_KEY, max(begin + 1, done))
    return out.view(data)


# A key percent-encoded (a HAR file's form body, `curl --data-urlencode`, a query string): `-` stays as it is, its
# line breaks are `%0A`, its spaces `%20` or `+`, and base64's `+ / =` are `%2B %2F %3D`. From each BEGIN line to the
# `-----` closing the END line after it, when that block holds an encoded line break, each `%XX` is read as its byte
# and each `+` as a space (ninth hostile review, break 03). GitHub Actions' workflow commands encode only `%`, `\r` and
# `\n` (`::set-output name=k::-----BEGIN RSA PRIVATE KEY-----%0A…`): a block with a space as it is was not
# form-encoded, and its `+` is base64's (thirty-third hostile review, break 01).
_PERCENT_BREAK = LazyPattern(rb'(?i)%0A')
_PERCENT_ESCAPE = LazyPattern(rb'%[0-9A-Fa-f]{2}|\+')
_PERCENT_END = LazyPattern(rb'-----END[^\t\r\n"\'<>&]{0,120}?-----')


def percent_view(data: bytes) -> View | None:
    """Percent-encoded key blocks (BEGIN line to END line, holding ``%0A``), each escape read as its byte."""
    found = data.find(b'-----BEGIN')
    out = _Builder()
    while found != -1:
        m = _PERCENT_END.search(data, found + 10, found + _MARKUP_KEY)
        end = m.end() if m is not None else min(len(data), found + _MARKUP_KEY)
        if m is not None and _PERCENT_BREAK.search(data, found, end):
            pos, form = found, data.find(b' ', found, end) == -1
            for e in _PERCENT_ESCAPE.finditer(data, found, end):
                if e.group() == b'+' and not form:
                    continue
                out.add(data[pos:e.start()], pos, e.start(), True)
                out.add(b' ' if e.group() == b'+' else bytes([int(e.group()[1:], 16)]), e.start(), e.end(), True)
                pos = e.end()
            out.add(data[pos:end] + b'\n', pos, end, True)
        found = data.find(b'-----BEGIN', max(end, found + 1))
    return out.view(data)


_GAP = rb'[ \t]*(?:\+|\.|&|\|\|)?[ \t]*\r?\n?[ \t]*(?:\+|\.|&)?[ \t]*'  # between two joined literals
_CONCAT_GAP = LazyPattern(_GAP)
# between two lines of a key written one string literal per line, as a list (a JSON or Python array, a YAML
# sequence of quoted lines): a comma, or a line break and YAML's `- ` (fifth hostile review, break 09); a key
# only: a list's strings are separate values, not one token
_LIST_GAP = rb'[ \t]*(?:,[ \t]*(?:\r?\n[ \t]*)?|\r?\n[ \t]*-[ \t]+)'
# a shell script's: printf's arguments over line continuations (`printf '%s\n' \`, then `'<line>' \` each), or
# one `echo "<line>" >> file` a line (ninth hostile review, break 04), also a Dockerfile's (`RUN echo …`, or
# `echo … && \` chained), the file's name quoted or not; and, one write a line, the first one truncating (`>`),
# through `| sudo tee -a file > /dev/null`, `printf '%s\n' '<line>'` or `printf '<line>\n'`, statements on lines
# of their own or after `;` or `&&` (tenth hostile review, break 04)
_SHELL_FILE = rb'(?:"[^"\n]*"|\'[^\'\n]*\'|[^\s"\'<>|&;]+)'
_SHELL_WRITE = (rb'[ \t]*(?:>>?|\|[ \t]*(?:sudo[ \t]+(?:-[\w-]+(?:[ \t]+\w+)?[ \t]+)*)?tee(?:[ \t]+-[\w-]+)*[ \t])'
                rb'[ \t]*' + _SHELL_FILE + rb'(?:[ \t]*>[ \t]*/dev/null)?')  # (sudo's options: -E, -u deploy)
_SHELL_NEXT = (rb'[ \t]*(?:(?:;|&&)[ \t]*(?:\\?[ \t]*\r?\n[ \t]*(?:RUN[ \t]+)?)?|\r?\n[ \t]*(?:RUN[ \t]+)?)'
               rb'(?:echo[ \t]+(?:-[neE]{1,3}[ \t]+)?|printf[ \t]+(?:(?:\'%s\\n\'|"%s\\n")[ \t]+)?)')
_SHELL_GAP = rb'[ \t]+\\\r?\n[ \t]*|' + _SHELL_WRITE + _SHELL_NEXT
_KEY_GAP = LazyPattern(_LIST_GAP + b'|' + _SHELL_GAP + b'|' + _GAP)
_ITEM_GAP = LazyPattern(_LIST_GAP + b'|' + _SHELL_GAP)  # of those, the gaps between a list's items or a script's lines
CONCAT_PIECES = 400  # string pieces joined at most for one key (a 4096-bit RSA key is about 50 lines)


class _StringEnds:
    """Where a string literal closes, for one text, each byte walked about once however often it is asked. A walk is
    the same from any position it reaches: a walk from elsewhere that reads a plain byte (no backslash, quote, line
    break or ``\\r``) at or after an earlier walk's start and before its end steps next where that walk stepped, and
    ends where it ended. Many BEGINs in one long literal (a JSON string of key blocks with no END) each walked the
    literal from its quote again: quadratic, a 1.2 MB line ran for 9 minutes (twelfth hostile review, break 07)."""

    def __init__(self, data: bytes) -> None:
        self.data = data
        # per quote: the walks' starts, sorted, and each one's (last byte read, result); spans disjoint
        self.walks: dict[int, tuple[list[int], list[tuple[int, int]]]] = {}

    def __call__(self, start: int, quote: int) -> int:
        """Where the string literal whose content starts at ``start`` closes (its quote), or -1: not on this line."""
        data, size = self.data, len(self.data)
        los, walks = self.walks.setdefault(quote, ([], []))
        k = bisect.bisect_right(los, start) - 1
        if k < 0 or walks[k][0] < start:
            k += 1  # not inside a walk: the next one
        first = k
        none = (size + 3, size + 3)  # (past any position a walk reaches)
        lo, stop = (los[k], walks[k][0]) if k < len(los) else none
        pos, result, joined = start, -1, False
        while pos < size:
            c = data[pos]
            if c == 92:  # a backslash escapes the next byte (a line end too: the literal goes on)
                pos += 3 if data[pos + 1:pos + 3] == b'\r\n' else 2
            elif c == quote or c == 10:
                result = pos if c == quote else -1
                break
            else:
                pos += 1
                if c != 13 and lo <= pos <= stop:  # in step with walk k from here on
                    result, joined = walks[k][1], True
                    break
            while pos > stop:  # walked past walk k on escapes only: the next one
                k += 1
                lo, stop = (los[k], walks[k][0]) if k < len(los) else none
        if joined:
            if start < lo:  # the walk now starts here; the ones walked past are inside it
                del los[first:k], walks[first:k]
                los[first] = start
        else:
            end = min(pos, size)
            while k < len(los) and los[k] <= end:
                k += 1
            del los[first:k], walks[first:k]
            los.insert(first, start)
            walks.insert(first, (end, result))
        return result


def _joined_pieces(
        data: bytes, opening: int, gaps: LazyPattern[bytes] = _CONCAT_GAP, *, key: bool = False,
        ends: _StringEnds | None = None,
) -> list[tuple[int, int]]:
    """The contents of the string literal whose quote is at ``opening`` and of the literals joined to it
    (adjacent, or by ``+ . & ||``, over line ends; ``_KEY_GAP``: also as the items of a list), in order; an
    empty list if it does not close. ``key``: up to the literal before the next one holding a BEGIN line (another
    key's start, joined from there): a file of quoted BEGIN lines had each walk the 400 literals after it, 25 s a
    MB (seventh hostile review, break 12). ``ends``: the text's literal ends, walked once for every call."""
    ends = _StringEnds(data) if ends is None else ends
    quote = data[opening]
    pieces: list[tuple[int, int]] = []
    start = opening + 1
    while len(pieces) < CONCAT_PIECES:
        end = ends(start, quote)
        if end == -1:
            break
        if key and pieces and data.find(_MULTILINE_KEY, start, end) != -1:
            break
        pieces.append((start, end))
        gap = gaps.match(data, end + 1)
        nxt = gap.end() if gap is not None else end + 1
        if nxt >= len(data) or data[nxt] != quote or nxt == end + 1:
            break
        start = nxt + 1
    return pieces


def _enclosing_quote(data: bytes, line_start: int, pos: int, ends: _StringEnds | None = None) -> int:
    """The quote that opens the string literal of its line holding ``pos`` (-1 if none): the first quote
    from the left whose literal reaches ``pos`` (a JSON text in a single-quoted literal holds "…")."""
    ends = _StringEnds(data) if ends is None else ends
    q = line_start
    while q < pos:
        if data[q] in (34, 39):  # " '
            end = ends(q + 1, data[q])
            if end == -1:
                return -1
            if end >= pos:
                return q
            q = end + 1
            continue
        q += 1
    return -1


# The engine's anchor (VIEW_ANCHORS[VIEW_SPLIT_TOKEN]) with the gap to the next literal: a JWT's or a PyPI
# token's start that closes a literal joined to another, or that a line continuation inside its literal cuts
_SPLIT_TOKEN = LazyPattern(rb'(?:eyJ|pypi-AgE)[A-Za-z0-9_.-]{6,}(?:\\?["\']' + _GAP + rb'''["']|\\\r?\n)''')
_JOINED_TOKEN = LazyPattern(rb'eyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{2,}\.[A-Za-z0-9_-]{16,}|pypi-AgE[A-Za-z0-9_-]{50,}')
_TOKEN_RUN = LazyPattern(rb'[A-Za-z0-9_.-]+')
_LONG_LINE_START = 1024  # bytes before a token on its line from which the enclosing literal is not looked for
TOKEN_STARTS = 2000  # eyJ / pypi-AgE occurrences looked at in one file (a token list repeats them; the first ones decide)


def _is_list_gap(data: bytes, start: int, end: int) -> bool:
    """Whether ``data[start:end]``, between two literals, separates a list's items (a comma, YAML's ``- ``, a
    shell line continuation or one write to a file a line), not two pieces of one string (``+``, adjacent)."""
    return _ITEM_GAP.fullmatch(data, start, end) is not None


def concat_view(data: bytes, *, keys: bool = True, tokens: bool = False) -> View | None:
    """String literals joined as the code joins them: Java's, C#'s and JavaScript's
    ``"-----BEGIN RSA PRIVATE KEY-----\\n" + "MIIE…\\n" + …``, PHP's ``.``, VB's ``&``, SQL's ``||`` (at a line's
    end), Python's, C's and Dart's adjacent literals. ``keys``: where a PEM key starts in one (and ends in the
    last two), its literals also a list's items, one line of the key each (a JSON array, a YAML sequence), read
    with a line break between them; ``tokens``: where a JWT or a PyPI token starts in one and the joined pieces
    hold it whole (supabase-flutter's tests wrap their tokens at 70 columns, twine's its test.pypi.org token at
    52). Each piece's escapes are decoded; nothing else is added but those line breaks."""
    out = _Builder()
    done = 0
    starts: list[tuple[int, bool]] = []
    if keys:
        begin = data.find(_MULTILINE_KEY)
        while begin != -1:
            starts.append((begin, True))
            begin = data.find(_MULTILINE_KEY, begin + 1)
    if tokens:  # only where a literal holding eyJ… closes and another opens after a joining gap
        for m in _SPLIT_TOKEN.finditer(data):
            starts.append((m.start(), False))
            if len(starts) >= TOKEN_STARTS:
                break
    if not starts:
        return None
    starts.sort()
    # Each byte looked along about once however many BEGINs share a line or a literal (twelfth hostile review, break
    # 07: a JSON string of 18,000 key blocks with no END walked its literal from its quote for each, 9 minutes): the
    # literals' ends are remembered (``_StringEnds``); the line's bounds and its nearest quote are looked for from the
    # last BEGIN on; and a key's first literal that ends where one already read as no whole key ended is no key
    # either (its pieces are those, its first one shorter: no END where the longer one had none).
    ends, lines, quote_before = _StringEnds(data), _Lines(data), _QuoteBefore(data)
    not_whole: set[int] = set()
    for begin, pem in starts:
        if begin < done:
            continue
        line_start = lines(begin)[0]
        if pem or begin - line_start > _LONG_LINE_START:  # (a minified line: the nearest quote before)
            opening = quote_before(line_start, begin)
        else:
            opening = _enclosing_quote(data, line_start, begin, ends)
        if opening < done or opening == -1:
            continue
        if pem:
            first_end = ends(opening + 1, data[opening])
            if first_end == -1 or first_end in not_whole:
                continue
        pieces = _joined_pieces(data, opening, _KEY_GAP if pem else _CONCAT_GAP, key=pem, ends=ends)
        if pem:
            whole = len(pieces) >= 2 and b'-----END' in data[pieces[-1][0]:pieces[-1][1]] + data[pieces[-2][0]:pieces[-2][1]]
        else:  # the token goes on past its first run: in the next literal, or after a line continuation
            token = _JOINED_TOKEN.search(b''.join(_decode_escapes(data[a:b]) for a, b in pieces))
            whole = token is not None and token.end() - token.start() > _TOKEN_RUN.match(data, begin).end() - begin
        if whole:
            for k, (a, b) in enumerate(pieces):
                text = _decode_escapes(data[a:b])
                out.add(text, a, b, False)
                if pem and k + 1 < len(pieces) and not text.endswith(b'\n') and _is_list_gap(data, b + 1, pieces[k + 1][0] - 1):
                    out.add(b'\n', b, b + 1, True)  # a list's items are a key's lines: the line break between them
            out.add(b'\n', pieces[-1][1], pieces[-1][1] + 1, True)
            done = pieces[-1][1]
        elif pem:
            not_whole.add(first_end)
    return out.view(data)


def view_findings(
        data: bytes, path: str, ruleset: RuleSet, *, escape: bool = True, comment: bool = True, joined: bool = False,
        doubled: bool = True, markup: bool = True,
) -> list[Finding]:
    """Findings in the escape and comment views of ``data``, placed on the original text (``escape``,
    ``comment``, ``doubled`` or ``markup`` False: the engine saw that the view would be empty)."""
    placed: list[tuple[int, int, str, Finding]] = []
    names = ruleset.credential_names()
    views = (
        (escape_view(data, PROPERTIES_PATH.search(path) is not None, names) if escape else None, 'escaped'),
        (entity_view(data, names) if escape else None, 'character references'),
        (doubled_quote_view(data, names) if doubled else None, 'doubled quotes'),
        (comment_view(data) if comment else None, 'commented out'),
        (concat_view(data, keys=comment, tokens=joined) if comment or joined else None, 'joined strings'),
        (markup_view(data) if markup else None, 'HTML line breaks or no-break spaces'),
        (percent_view(data) if markup else None, 'percent-encoded'),
        (yaml_folded_view(data) if comment and YAML_PATH.search(path) else None, 'folded YAML string'),
        (log_prefix_view(data) if comment else None, LOG_PREFIX_NOTE),
    )
    for view, note in views:
        if view is None:
            continue
        for f in scan_bytes(view.text, ruleset, path):
            start, end = view.original(f.start, f.end)
            if note == LOG_PREFIX_NOTE and any(s < end and start < e for s, e, _, _ in placed):
                continue  # (a key a line in quotes, the same text around each: the joined-strings view's, read once)
            placed.append((start, end, note, f))
    if views[0][0] is not None:
        placed.extend(_nested_escape_findings(views[0][0], path, ruleset))
    placed.sort(key=lambda item: item[0])
    out: list[Finding] = []
    for (start, end, note, f), (line, column) in zip(placed, line_columns(data, [p[0] for p in placed])):
        out.append(f._replace(
            line=line, column=column, start=start, end=end, description=f'{f.description} ({note})',
        ))
    return out


# A member name written with an escape (`"\u0061uths":`, `"\u0074oken":`), in JSON or in YAML's double quotes
_ESCAPED_NAME = LazyPattern(
    rb'"[^"\r\n]{0,100}?\\(?:u00[2-7][0-9a-fA-F]|U000000[2-7][0-9a-fA-F]|x[2-7][0-9a-fA-F])[^"\r\n]{0,100}"[ \t]*:')
_DOCUMENT_START = (b'{', b'[')


def document_escape_view(data: bytes, *, yaml: bool = False) -> View | None:
    """A whole document with its string escapes decoded once, as its parser reads it: a JSON document (it parses as
    one) holding an escape that hides something or a member name written with an escape; with ``yaml`` (a file
    known to be YAML, a kubeconfig by its name), any file with such a member name. For rules whose pattern spans a
    document's lines (block-credential-files' ``"auths": {`` … ``"auth":``, ``user:`` … ``token:``), which the
    escape view (the escaped lines only) cannot show whole (sixth hostile review, break 10). Source code is not
    decoded whole: its strings' ``\\n`` would make examples of files out of its test data."""
    if b'\\' not in data:
        return None
    if data.lstrip(b'\xef\xbb\xbf \t\r\n')[:1] in _DOCUMENT_START:
        if not (_STRONG_HIDING.search(data) or _ESCAPED_NAME.search(data)):
            return None
        import json
        try:
            json.loads(data)
        except (ValueError, RecursionError):
            return None
    elif not yaml or not _ESCAPED_NAME.search(data):
        return None
    out = _Builder()
    out.add(_decode_escapes(data), 0, len(data), False)
    return out.view(data)


def document_view_findings(data: bytes, path: str, ruleset: RuleSet) -> list[Finding]:
    """Findings in ``document_escape_view`` of ``data``, placed on the original text."""
    view = document_escape_view(data)
    if view is None:
        return []
    placed = [(*view.original(f.start, f.end), f) for f in scan_bytes(view.text, ruleset, path)]
    return [
        f._replace(line=line, column=column, start=start, end=end, description=f'{f.description} (escaped)')
        for (start, end, f), (line, column) in zip(placed, line_columns(data, [p[0] for p in placed]))
    ]


NESTED_ESCAPES = 2  # levels decoded again below the escape view (JSON in a string in a string: an Airflow
# connection's `extra` holding a service-account key, escaped three times in a JSON file; held-out 49)


def _nested_escape_findings(view: View, path: str, ruleset: RuleSet) -> list[tuple[int, int, str, Finding]]:
    """Findings in the escape views of an escape view's text (a document nested in a string nested in a string),
    each placed on the original text through every level's spans."""
    out: list[tuple[int, int, str, Finding]] = []
    levels = [view]
    for _ in range(NESTED_ESCAPES):
        inner = escape_view(levels[-1].text, names=ruleset.credential_names())
        if inner is None or inner.text == levels[-1].text:
            break
        levels.append(inner)
        for f in scan_bytes(inner.text, ruleset, path):
            start, end = f.start, f.end
            for level in reversed(levels):
                start, end = level.original(start, end)
            out.append((start, end, 'escaped', f))
    return out


def with_view_findings(raw: Sequence[Finding], views: Sequence[Finding]) -> list[Finding]:
    """``raw`` plus the view findings that say something new: where spans overlap, the original text's
    finding stands, unless it is generic and the view's names a vendor (the most specific rule wins)."""
    if not views:
        return list(raw)
    from leakstop.generic import RULE_IDS
    ordered = sorted(raw, key=lambda f: f.start)
    starts = [f.start for f in ordered]
    dropped: set[int] = set()
    added: list[Finding] = []
    for f in sorted(views, key=lambda f: (f.start, f.end)):
        k = bisect.bisect_left(starts, f.end)  # raw findings starting before this one ends
        overlapping = [j for j in range(max(0, k - 64), k) if ordered[j].end > f.start]
        if any(ordered[j].rule_id not in RULE_IDS or f.rule_id in RULE_IDS for j in overlapping):
            continue
        dropped.update(overlapping)
        added.append(f)
    kept = [r for j, r in enumerate(ordered) if j not in dropped]
    return sorted([*kept, *added], key=lambda f: (f.line, f.column, f.rule_id))


# A vendor token stored base64-encoded (Ultroid's Google API keys as "QUl6YVN5…" in a Python list; held-out 100):
# around each match of the engine's anchor (VIEW_ANCHORS[VIEW_BASE64]: the base64 of a token's prefix, at each of the
# three alignments, data/base64_token_prefixes.txt), the run of base64 characters holding it (standard or URL-safe,
# padded or not, one string or a bare word) is decoded when it is a base64 encoding at all and its bytes are printable
# text; the rules read the decoded runs (one a line), and a finding is placed on the whole run. The rule's own checks
# (a checksum, entropy, its boundaries: the decoded text holds the whole token) apply as on any text. Not a run of a
# PEM block, a JWT's part or a data: URI's (other rules and views read those), nor one longer than ``BASE64_RUN`` (an
# image, a binary: no token is stored so). Every run is read, however many (a cap let 200 decoy runs hide a token
# after them: thirty-seventh hostile review, 03): the runs do not overlap, so decoding them and scanning what they
# decode to costs time linear in the file.
BASE64_NOTE = 'base64'
BASE64_RUN = 4096  # base64 characters of a run decoded at most
BASE64_MIN = 24  # and at least
_B64_CHARS = b'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/-_'
_B64_ANCHOR: list[LazyPattern[bytes]] = []  # (where the engine gave no matches: a rule set without its database; built on
# first use: a clean hook run imports no base64 and reads no prefix list)
_NOT_B64 = LazyPattern(rb'[^A-Za-z0-9+/_-]')
_JWT_PART = LazyPattern(rb'[A-Za-z0-9_-]{8}')  # a JWT's next part after the '.', not an extension (.txt, .json)
_JWT_PART_BEFORE = LazyPattern(rb'[A-Za-z0-9_-]{8}\Z')
_PEM_ARMOR = LazyPattern(rb'-----BEGIN [A-Z0-9 ]{1,40}-----')
_JWT_STARTS = (b'eyJ', b'ew0K', b'ewog', b'ewoJ', b'eyAi')  # a JWT's header or payload: base64url of '{"' or of '{' and a break
_JWT_CHAIN = LazyPattern(rb'[A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+)*\Z')
_LINE_EDGE = LazyPattern(rb'''[ \t"',+]*(?:\\[rn])*[ \t"',+;]*''')  # what a PEM body line holds beside its base64
_PEM_LINE = LazyPattern(rb'''[ \t"']*(?:-----BEGIN [A-Z0-9 ]{1,40}-----|[A-Za-z0-9+/=]{8,128}|[A-Za-z-]{2,20}: [^\r\n]{0,200}|)[ \t"',+]*(?:\\[rn])*[ \t"',+;]*\r?\Z''')


def _jwt_chain(data: bytes, start: int) -> bool:
    """Whether the dotted run ending at ``start`` (a '.' before the base64 run there) opens with a JWT's header."""
    chain = _JWT_CHAIN.search(data, max(0, start - 8192), start - 1)
    return chain is not None and chain.group().startswith(_JWT_STARTS)


def _pem_body_line(data: bytes, start: int, end: int) -> bool:
    """Whether the run ``data[start:end]`` is a line of its own (only blanks, quotes, commas or `\\n` beside it), after a
    line that a PEM block's can be (its armor, another base64 line, a header, a blank): a `HEADER = "-----BEGIN …"`
    constant and an `-----END` literal far below made every token's base64 between them a PEM line (thirty-eighth
    hostile review, 07)."""
    line_start = data.rfind(b'\n', max(0, start - 256), start) + 1
    line_end = data.find(b'\n', end, end + 256)
    line_end = len(data) if line_end == -1 and len(data) - end <= 256 else line_end
    if line_end == -1 or (line_start == 0 and start > 256):
        return False
    edge = _LINE_EDGE.match(data, line_start, start)
    after = _LINE_EDGE.match(data, end, line_end)
    stop = line_end - 1 if data[line_end - 1:line_end] == b'\r' else line_end
    if edge is None or edge.end() != start or after is None or after.end() != stop:
        return False
    if line_start == 0:
        return False
    prev_start = data.rfind(b'\n', max(0, line_start - 1 - 256), line_start - 1) + 1
    return _PEM_LINE.match(data, prev_start, line_start - 1) is not None
_PRINTABLE = bytes(range(0x20, 0x7F)) + b'\t\n\r'


def _base64_run(data: bytes, at: int) -> tuple[int, int]:
    """The run of base64 characters (either alphabet) holding ``data[at - 1]``: (start, end), its padding left out;
    (start, -1) when it is longer than ``BASE64_RUN`` (its end: where the next run can start)."""
    before = data[max(0, at - BASE64_RUN - 1):at]
    start = at - (len(before) - len(before.rstrip(_B64_CHARS)))
    after = data[at:at + BASE64_RUN + 1]
    end = at + len(after) - len(after.lstrip(_B64_CHARS))
    if end - start > BASE64_RUN:
        stop = _NOT_B64.search(data, end)
        return (stop.start() if stop is not None else len(data)), -1
    return start, end


def _decoded_run(data: bytes, start: int, end: int) -> tuple[bytes, int] | None:
    """The printable text the base64 run ``data[start:end]`` encodes and where the run ends with its padding; None
    if it encodes none, or is a JWT's part, a data: URI's or inside a PEM block."""
    import base64
    run = data[start:end]
    if len(run) < BASE64_MIN or len(run) % 4 == 1:
        return None
    padding = 0
    while padding < 2 and data[end + padding:end + padding + 1] == b'=':
        padding += 1
    if (len(run) + padding) % 4:
        padding = 0  # (no padding of this run: `=` after it is something else's)
    urlsafe = b'-' in run or b'_' in run
    if urlsafe and (b'+' in run or b'/' in run):
        return None  # (two alphabets: a path, an identifier, not one encoding)
    if data[start - 1:start] == b',' and data[max(0, start - 8):start - 1] == b';base64':
        return None  # a data: URI's
    if data[start - 1:start] == b'.' and _JWT_PART_BEFORE.search(data, max(0, start - 9), start - 1) and _jwt_chain(
            data, start) or (data[end + padding:end + padding + 1] == b'.' and _JWT_PART.match(data, end + padding + 1)
                             and (run.startswith(_JWT_STARTS) or data.startswith(_JWT_STARTS, end + padding + 1))):
        return None  # a part of a JWT: not a file name's extension (`<base64>.txt`, `.properties`: thirty-eighth, 06)
    try:
        decoded = base64.b64decode(run + b'=' * (-len(run) % 4), altchars=b'-_' if urlsafe else None, validate=True)
    except (binascii.Error, ValueError):
        return None
    if decoded.translate(None, _PRINTABLE):
        return None  # bytes that are no text
    if b'-----BEGIN' in data and _pem_body_line(data, start, end + padding):
        begin = data.rfind(b'-----BEGIN', max(0, start - 65536), start)
        if (begin != -1 and _PEM_ARMOR.match(data, begin) and data.find(b'-----END', begin, start) == -1
                and data.find(b'-----END', end, end + 65536) != -1):
            return None  # a line of a PEM block: between its armor's lines (a bare `-----BEGIN` in code or a block
            # that never ends hid every token after it: thirty-seventh hostile review, 02)
    return decoded, end + padding


def base64_runs(data: bytes, ends: Sequence[int] | None = None) -> list[tuple[int, int, bytes]]:
    """(start, end, decoded text) of the base64 runs of ``data`` that hold one of the anchor's matches (``ends``:
    their ends, as the engine reported them; else looked for here) and decode to printable text."""
    if ends is None:
        if not _B64_ANCHOR:
            _B64_ANCHOR.append(LazyPattern(base64_anchor()))
        ends = [m.end() for m in _B64_ANCHOR[0].finditer(data)]
    out: list[tuple[int, int, bytes]] = []
    done = 0
    for at in ends:
        if at <= done:
            continue  # (in a run already read)
        start, end = _base64_run(data, at)
        if end == -1:
            done = start  # a run too long to be a token's: passed over whole
            continue
        done = end
        decoded = _decoded_run(data, start, end)
        if decoded is not None:
            out.append((start, decoded[1], decoded[0]))
        else:
            out.extend(_run_parts(data, start, end))
    return out


def _run_parts(data: bytes, start: int, end: int) -> list[tuple[int, int, bytes]]:
    """A run that does not decode whole, read in parts: a path's names (`keys/QUl6…`, or URL-safe `dir/QUl6…-…`: two
    alphabets or out of step whole; thirty-seventh hostile review, 01), and a name's rest after a word and `_` or `-`
    (`prod_<base64>`: thirty-eighth, 06; after the first three only: a part of a run is read a few times at most)."""
    out: list[tuple[int, int, bytes]] = []
    at_name = start
    for name in data[start:end].split(b'/'):
        name_end = at_name + len(name)
        decoded = _decoded_run(data, at_name, name_end) if at_name != start or name_end != end else None
        if decoded is None:
            cut = at_name
            for _ in range(3):
                cut = min((i for i in (data.find(b'_', cut, name_end), data.find(b'-', cut, name_end)) if i != -1),
                          default=-1)
                if cut == -1:
                    break
                cut += 1
                decoded = _decoded_run(data, cut, name_end)
                if decoded is not None:
                    out.append((cut, decoded[1], decoded[0]))
                    break
        else:
            out.append((at_name, decoded[1], decoded[0]))
        at_name = name_end + 1
    return out


def base64_findings(data: bytes, path: str, ruleset: RuleSet, ends: Sequence[int] | None = None) -> list[Finding]:
    """Findings of the rules (not the generic detector: it judged the base64 as it stands) in the base64 runs of
    ``data`` that decode to text, each placed on its whole run."""
    runs = base64_runs(data, ends)
    if not runs:
        return []
    from leakstop.generic import RULE_IDS
    text = b'\n'.join(decoded for _, _, decoded in runs) + b'\n'
    starts, pos = [], 0
    for _, _, decoded in runs:
        starts.append(pos)
        pos += len(decoded) + 1
    placed: list[tuple[int, int, Finding]] = []
    for f in scan_bytes(text, ruleset, path):
        if f.rule_id in RULE_IDS:
            continue
        k = bisect.bisect_right(starts, f.start) - 1
        if f.end > starts[k] + len(runs[k][2]):
            continue  # (over two runs' text: no token the encoded text holds)
        placed.append((runs[k][0], runs[k][1], f))
    return [
        f._replace(line=line, column=column, start=start, end=end, description=f'{f.description} ({BASE64_NOTE})')
        for (start, end, f), (line, column) in zip(placed, line_columns(data, [p[0] for p in placed]))
    ]

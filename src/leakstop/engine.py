"""One pass over a file's bytes for every rule.

All rules are compiled into one Hyperscan database (prefilter mode, so the Python
pattern itself is the source of truth). Hyperscan reports the end offsets of
candidate matches in linear time; each candidate is confirmed with the rule's
Python regex in a bounded window around it, which extracts the secret. The
compiled database is serialized to a cache directory so a warm start does not
compile.

Keywords are literals in the same database (caseless, under ids after the rules'):

- a pattern rule with keywords reports only when one of them occurs somewhere in the
  scanned data (gitleaks' semantics; each keyword reports once per scan);
- a context rule has no expression of its own: each occurrence of one of its keywords
  anchors a bounded look for its shape (``confirm_context``).

A rule tagged ``context`` (its pattern names the vendor in the key before the secret) also finds its
secret in a block under a mapping header that names the vendor (``datadog:``, ``"datadog": {``,
``[datadog]``): when the generic detector finds a secret, the headers above it are read for vendor
words (``vendor_block_findings``), so the finding gets the vendor's rule and revoke page.
"""
from __future__ import annotations

import bisect
import functools
import json
import os
import re
import sys
from typing import Any, Callable, Iterable, Iterator, Sequence

from leakstop.cache import cache_dir, cached
from leakstop.digest import sha256
from leakstop.errors import FatalError
from leakstop.files import NameFilter, compile_globs, copied_from, normalize
from leakstop.generic import FAMILIES, GenericDetector, file_kind, names_itself, unjudged
from leakstop.generic.records import Detection, Vocabulary
from leakstop.generic.extract import ANCHORS
from leakstop.regex import LazyPattern, compile as compile_kept
from leakstop.records import FindingFields, KeywordTable
from leakstop.rules import AT_KEYWORDS_TAG, Rule
from leakstop.validators import CHECKSUM_VALIDATORS, MADE_UP_TOLERANT, VALIDATORS, issued_token, shannon_entropy

# what the compiled database holds and how ids are laid out: a change invalidates cached databases
DATABASE_FORMAT = 'rules+anchors+generic+views+paths+vendors+unjudged+lone+names/17'
# bytes of context either side of a candidate window, for lookbehind/lookahead boundaries
CONTEXT = 64


class Finding(FindingFields):
    __slots__ = ()

    @property
    def fingerprint(self) -> str:
        """Identity of (rule, secret): survives line moves, changes when the secret does.

        CRLF inside a multi-line secret (a PEM block checked out on Windows) counts as LF, so a
        baseline made on one platform matches on the other.
        """
        secret = self.secret.replace('\r\n', '\n')
        if not secret and self.content:  # a whole file: its content, or one baseline entry covered any content
            return str(sha256(f'{self.rule_id}::file:{self.content}'.encode()).hexdigest())
        return str(sha256(f'{self.rule_id}:{secret}'.encode()).hexdigest())


def whole_file(data: bytes | None) -> str:
    """What identifies a file a finding is about as a whole (``Finding.content``): the SHA-256 of its text as the
    hooks read it (``files.decode_text``: line endings as LF, so a Windows checkout matches), or of its bytes for
    binary data; '' when it was not read (a symlink). A by-name finding has no secret: its fingerprint was
    ``sha256("rule:")`` whatever the file held, and a baseline entry for a reviewed test database or a dummy
    ``config/master.key`` covered a real one committed at that path (tenth hostile review, break 07)."""
    if data is None:
        return ''
    from leakstop.files import decode_text
    text = decode_text(data)
    return str(sha256(data if text is None else text).hexdigest())


def _hyperscan() -> Any:
    try:
        import hyperscan
    except ImportError as e:  # pragma: no cover (dependency)
        raise FatalError(f'cannot import hyperscan: {e}') from None
    return hyperscan


def keyword_table(rules: Sequence[Rule]) -> KeywordTable:
    """Distinct lowercased keywords, as gates of pattern rules and anchors of context rules."""
    gate_ids: dict[bytes, int] = {}
    anchor_ids: dict[bytes, int] = {}
    anchored: list[list[int]] = []
    gate_base = len(rules)
    gates: list[tuple[int, ...]] = []
    for index, rule in enumerate(rules):
        literals = sorted({k.lower().encode() for k in rule.keywords})
        if rule.is_context:
            for literal in literals:
                j = anchor_ids.setdefault(literal, len(anchor_ids))
                if j == len(anchored):
                    anchored.append([])
                anchored[j].append(index)
            gates.append(())
        else:
            gates.append(tuple(gate_base + gate_ids.setdefault(literal, len(gate_ids)) for literal in literals))
    return KeywordTable(
        gate_literals=tuple(gate_ids), anchor_literals=tuple(anchor_ids), gates=tuple(gates),
        anchored=tuple(tuple(a) for a in anchored), gate_base=gate_base, anchor_base=gate_base + len(gate_ids),
    )


def max_window(rules: Sequence[Rule]) -> int:
    """Bytes a window must overlap the next so that no match is cut: the longest match plus context."""
    return max((r.max_length for r in rules), default=0) + 2 * CONTEXT


_RULE_FIELDS = Rule._fields
_TUPLE_FIELDS = frozenset(name for name, default in Rule._field_defaults.items() if default == ())


def rule_row(rule: Rule) -> bytes:
    """One rule as a JSON array of its field values (``LazyRules`` reads it back)."""
    return json.dumps([getattr(rule, name) for name in _RULE_FIELDS], separators=(',', ':')).encode()


class LazyRules(Sequence[Rule]):
    """The rules of a cached rule set, each decoded from its JSON row when first used.

    A warm hook needs a handful of the 864 rules (those Hyperscan reports on its files); decoding
    all of them was a quarter of its start. Rows hold plain values only, as every cache entry does.
    """

    def __init__(self, rows: Sequence[bytes]) -> None:
        self._rows = rows
        self._rules: list[Rule | None] = [None] * len(rows)

    def __len__(self) -> int:
        return len(self._rows)

    def __getitem__(self, index: Any) -> Any:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        rule = self._rules[index]
        if rule is None:
            rule = self._rules[index] = _decode_rule(self._rows[index])
        return rule

    def __iter__(self) -> Iterator[Rule]:
        return (self[i] for i in range(len(self)))


def _decode_rule(row: bytes) -> Rule:
    try:
        values = json.loads(row)
        if not isinstance(values, list) or len(values) != len(_RULE_FIELDS):
            raise ValueError('fields differ')
    except ValueError:
        raise FatalError(f'damaged cache entry: remove {cache_dir()} and run again') from None
    return Rule._make(tuple(v) if name in _TUPLE_FIELDS and isinstance(v, list) else v for name, v in zip(_RULE_FIELDS, values))


def _table_plain(table: KeywordTable) -> bytes:
    """The keyword table as one JSON document (bytes: the cache keeps it as it is, read in C)."""
    return json.dumps([[b.decode('latin-1') for b in table.gate_literals], [b.decode('latin-1') for b in table.anchor_literals],
            [list(g) for g in table.gates], [list(a) for a in table.anchored], table.gate_base, table.anchor_base],
        separators=(',', ':')).encode()


def _table_from_plain(plain: bytes) -> KeywordTable:
    gate_literals, anchor_literals, gates, anchored, gate_base, anchor_base = json.loads(plain)
    return KeywordTable(
        gate_literals=tuple(g.encode('latin-1') for g in gate_literals),
        anchor_literals=tuple(a.encode('latin-1') for a in anchor_literals),
        gates=tuple(tuple(g) for g in gates), anchored=tuple(tuple(a) for a in anchored),
        gate_base=int(gate_base), anchor_base=int(anchor_base),
    )


_SHIPPED_RULES = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'rules')


def shipped(rule: Rule) -> bool:
    """Whether ``rule`` comes from leakstop's own rule files (not from a user's configuration or rules file)."""
    path = os.path.abspath(rule.source.split(':')[0])  # rules/files/credential_files.toml ships too
    return os.path.commonpath([path, _SHIPPED_RULES]) == _SHIPPED_RULES


class _NamedMatch:
    """An RE2 match with ``span`` / ``group`` by group name, as ``re`` has them."""

    __slots__ = ('_m', '_names')

    def __init__(self, m: Any, names: dict[bytes, int]) -> None:
        self._m, self._names = m, names

    def _index(self, group: int | str) -> int:
        return self._names[group.encode()] if isinstance(group, str) else group

    def span(self, group: int | str = 0) -> tuple[int, int]:
        start, end = self._m.span(self._index(group))
        return start, end

    def group(self, group: int | str = 0) -> bytes:
        return self._m.group(self._index(group))  # type: ignore[no-any-return]

    def start(self, group: int | str = 0) -> int:
        return self.span(group)[0]

    def end(self, group: int | str = 0) -> int:
        return self.span(group)[1]


class LinearBytesPattern:
    """A bytes pattern in RE2 (linear time) with the ``finditer`` the confirming code uses."""

    __slots__ = ('_rx', '_names')

    def __init__(self, rx: Any) -> None:
        self._rx = rx
        self._names: dict[bytes, int] = dict(rx.groupindex)

    @classmethod
    def compile(cls, pattern: bytes) -> LinearBytesPattern | None:
        """The pattern in RE2, or None where RE2 does not take it (a lookaround, a backreference)."""
        try:
            import importlib
            re2: Any = importlib.import_module('re2')  # only for a user's rule that matched a candidate
            options = re2.Options()
            options.log_errors = False  # RE2 would print the pattern (often a secret's shape) on stderr
            options.encoding = re2.Options.Encoding.LATIN1  # a byte is a character, as in re's bytes patterns
            return cls(re2.compile(pattern, options))
        except Exception:
            return None

    def finditer(self, data: bytes, pos: int = 0, endpos: int | None = None) -> Iterator[_NamedMatch]:
        for m in self._rx.finditer(data, pos, len(data) if endpos is None else endpos):
            yield _NamedMatch(m, self._names)


class RuleSet:
    """Rules and their compiled Hyperscan database; Python regexes compiled on first hit."""

    def __init__(
            self, rules: Sequence[Rule], database: Any, generic: GenericDetector | None = None, *,
            keywords: KeywordTable | None = None, max_window: int | None = None,
            path_database: Any = None, path_rules: Sequence[int] = (),
            vendors: bytes | None = None, unjudged_database: Any = None, lone_database: Any = None,
            names: CredentialNames | None = None,
    ) -> None:
        # a warm start passes the cached rows (decoded on first use) with their keyword table and window
        self.rules: Sequence[Rule] = rules if isinstance(rules, LazyRules) else tuple(rules)
        self.database = database
        self.generic = generic
        # ``database`` without the generic detector's anchors (same ids), for the files it does not judge
        # (lockfiles, translations, source maps: ``generic.unjudged(path)``), when compiled; a warm start
        # passes its serialized bytes, or a function reading them from the cache, loaded on first need (a hook's
        # commit rarely holds such a file: its 3 MB, read at every start, cost a millisecond and a half)
        self.unjudged_database = unjudged_database
        self._unjudged_scratch_ready = False
        self.keywords = keywords if keywords is not None else keyword_table(self.rules)
        self._max_window = max_window
        # the rules limited to file names, when ``database`` was compiled without them
        self.path_database = path_database
        self.path_rules = tuple(path_rules)
        # the rules with no literal to start from that apply to every file (LONE_TAG), when ``database`` was
        # compiled without them: a database of their own, scanned after it
        self.lone_database = lone_database
        self._lone_scratch_ready = False
        self._unjudged_answers: dict[str, bool] = {}  # generic.unjudged per path (every version of a file asks)
        self._path_scratch_ready = False
        self._path_gate: Any = False  # all their file-name globs in one pattern (None: none)
        self._path_answers: dict[str, bool] = {}
        # ids of the generic detector's anchors in ``database`` (when it was compiled with them)
        self.generic_base = self.keywords.anchor_base + len(self.keywords.anchor_literals)
        self.view_base = self.generic_base + len(FAMILIES)  # VIEW_ANCHORS' ids, when compiled (generic)
        # vendor_table as JSON (a warm start passes the cached one), decoded when a block is first read
        self._vendor_plain = vendors if vendors is not None else json.dumps(vendor_table(self.rules)).encode()
        self.has_vendors = self._vendor_plain != b'{}'
        self._vendors: dict[bytes, tuple[int, ...]] | None = None
        self._vendor_lengths: list[int] = []
        self._values: dict[int, re.Pattern[bytes]] = {}
        self._regexes: list[Any] = [None] * len(self.rules)  # re.Pattern, or LinearBytesPattern (user rules)
        self._plain_regexes: list[Any] = [None] * len(self.rules)  # the same, for data without an escape sequence
        self._ansi_data: bytes | None = None  # the data last asked about (by identity) and the answer
        self._ansi_possible = True
        self._allows: dict[int, list[Any]] = {}
        self._paths: dict[int, re.Pattern[str] | None] = {}
        self._scratch_ready = False
        self._services: frozenset[str] | None = None
        self._names = names  # (a warm start passes the cached ones)
        if generic is not None:
            generic.services = self.services

    def credential_names(self) -> CredentialNames:
        """The member names that make a nested document's line worth decoding (``CredentialNames``): of the cache,
        or of the rules and the vocabulary, on first need."""
        if self._names is None:
            self._names = CredentialNames.of(self.rules, self.vocabulary())
        return self._names

    def services(self) -> frozenset[str]:
        """Lowercase names of the services the rules know (a rule's provider named in one word, a
        vendor rule's keyword), 4 letters or more and no dictionary word: what a key names when it
        says whose token it holds (herokuToken, kucoinToken). Words like Linear, Render or Stream are
        not names here (a streamToken is not GetStream's), nor is the key judge's vocabulary.
        Decoded once, on first need."""
        if self._services is None:
            from leakstop.generic.values import Words
            words = Words.get()
            names = {(rule.provider or '').lower() for rule in self.rules}
            names.update(json.loads(self._vendor_plain))
            vocabulary = self.vocabulary()
            common = set(vocabulary.kinds) | vocabulary.key_qualifiers | vocabulary.not_secret_qualifiers | vocabulary.about
            self._services = frozenset(n for n in names if len(n) >= 4 and n.isalpha() and n not in common and n not in words)
        return self._services

    def vocabulary(self) -> Vocabulary:
        """The generic key judge's vocabulary (the detector's, else the shipped one, loaded once)."""
        if self.generic is not None:
            return self.generic.vocabulary
        from leakstop.generic.keys import shipped_vocabulary
        return shipped_vocabulary()

    def regex(self, index: int, data: bytes | None = None) -> Any:
        """Rule ``index``'s confirming regex (``finditer``, ``span`` / ``group`` by name), compiled on first use.
        A rule that does not ship with leakstop (from configuration, a rules file) runs in RE2, in linear
        time, where RE2 takes its pattern (no lookaround): the backtracking check refuses only what could be
        worse than quadratic, and ``[a-z]+=[a-z]+z`` was quadratic in ``max_length`` (about 15 s a MB).
        For ``data`` that holds no escape sequence's introducer (``ANSI_INTRODUCER_LITERALS``), the same regex
        without the guards' escape-sequence forms (the same matches there, and a quarter less time a guard)."""
        if data is not None and data is not self._ansi_data:
            self._ansi_data = data
            self._ansi_possible = b'\x1b' in data or b'\\' in data and any(
                literal in data for literal in ANSI_INTRODUCER_LITERALS)
        plain = data is not None and not self._ansi_possible
        cache = self._plain_regexes if plain else self._regexes
        rx = cache[index]
        if rx is None:
            rule = self.rules[index]
            pattern = escape_tolerant(rule.pattern, ansi=not plain).encode()
            if not shipped(rule):
                rx = LinearBytesPattern.compile(pattern) or re.compile(pattern)
            else:
                rx = compile_kept(pattern)  # its code kept between runs (leakstop.regex)
            cache[index] = rx
        return rx

    def block_value(self, index: int) -> re.Pattern[bytes]:
        """Rule ``index``'s value alone (``block_value_pattern``), compiled on first use."""
        rx = self._values.get(index)
        if rx is None:
            rx = self._values[index] = re.compile((block_value_pattern(self.rules[index]) or r'(?!)').encode())
        return rx

    def named_vendors(self, key: bytes) -> list[int]:
        """The rules whose vendor word is a word of the mapping key ``key``: at its start or after ``_.-``,
        and not followed by a lowercase letter (``datadog_eu``, ``tool.datadog``, ``datadogConfig``;
        not ``example`` for ``exa``)."""
        vendors = self._vendors
        if vendors is None:
            try:
                vendors = self._vendors = {w.encode(): tuple(v) for w, v in json.loads(self._vendor_plain).items()}
            except (ValueError, AttributeError, TypeError):
                raise FatalError(f'damaged cache entry: remove {cache_dir()} and run again') from None
            self._vendor_lengths = sorted({len(w) for w in vendors}, reverse=True)
        low = key.lower()
        found: list[int] = []
        for i in range(len(low)):
            if i and low[i - 1:i].isalnum():
                continue
            for n in self._vendor_lengths:
                rules = vendors.get(low[i:i + n])
                if rules is None:
                    continue
                last, after = key[i + n - 1:i + n], key[i + n:i + n + 1]
                if last.isalnum() and after.isalpha() and not (after.isupper() and last.islower()):
                    continue  # the word goes on (``example``, ``EXAMPLE``); ``datadogConfig`` is camel case
                found.extend(r for r in rules if r not in found)
        return found

    def allows(self, index: int) -> list[Any]:
        """Rule ``index``'s ``allow`` regexes (``search`` in a secret), compiled on first use: a user's rule's in
        RE2 where RE2 takes them, as its pattern (``regex``); with a lookaround in ``re``, behind the backtracking
        check (``\\w?`` 22 times then ``\\w{22}z`` took 17 s on one candidate there: fifth hostile review, break 04)."""
        if index not in self._allows:
            rule = self.rules[index]
            linear: Any = None
            if rule.allow and not shipped(rule):
                from leakstop.config import linear_pattern  # only for a user's rule whose match is confirmed
                linear = linear_pattern
            self._allows[index] = [(linear and linear(a)) or re.compile(a) for a in rule.allow]
        return self._allows[index]

    @property
    def max_window(self) -> int:
        """Bytes a window must overlap the next so that no match is cut: the longest match plus context."""
        if self._max_window is None:
            self._max_window = max_window(self.rules)
        return self._max_window

    def applies_to(self, index: int, path: str) -> bool:
        """Whether rule ``index`` applies to ``path`` (rules without ``paths`` apply everywhere)."""
        if not self.rules[index].paths:
            return True
        if index not in self._paths:
            # caseless, as the name rules (rules.name_globs) and the gate (_path_rules_apply): on macOS and
            # Windows `.PGPASS` is `.pgpass` (fifth hostile review, break 16)
            rule = self.rules[index]
            self._paths[index] = compile_globs(rule.paths, flags=re.IGNORECASE,
                                               compile=compile_kept if shipped(rule) else re.compile)
        globs = self._paths[index]
        if globs is None:
            return False
        path = normalize(path)
        copy = copied_from(path)  # `.npmrc~`, `.pgpass copy`: the rules of the file it copies (tenth hostile review, 09)
        return globs.match(path) is not None or copy is not None and globs.match(copy) is not None

    def _path_rules_apply(self, path: str) -> bool:
        """Whether any rule limited to file names applies to ``path`` (one glob match per path: the
        NameFilter remembers its answers, and a history scan asks again for every version of a file)."""
        known = self._path_answers.get(path)
        if known is not None:
            return known
        if self._path_gate is False:  # caseless and by the last segments: looser than applies_to, which decides
            globs = [g for i in self.path_rules for g in self.rules[i].paths]
            self._path_gate = NameFilter(globs) if globs else None
        answer = self._path_gate is not None and self._path_gate(normalize(path))
        if len(self._path_answers) < 100_000:
            self._path_answers[path] = answer  # (a path as given: normalize and the filter cost 3 µs a version)
        return answer

    def scan_hits(self, data: bytes, path: str = '') -> dict[int, list[int]]:
        """Rule index -> end offsets of Hyperscan candidates, in order (``path`` says whether the rules
        limited to file names take part, and whether the generic detector judges the file: where it
        does not, its anchors are left out of the pass)."""
        database = self.database
        skipped = self._unjudged_answers.get(path)
        if skipped is None:
            skipped = unjudged(path)
            if len(self._unjudged_answers) < 100_000:
                self._unjudged_answers[path] = skipped
        if self.unjudged_database is not None and skipped:
            if callable(self.unjudged_database):
                self.unjudged_database = self.unjudged_database() or self.database
                self._unjudged_scratch_ready = self.unjudged_database is self.database and self._scratch_ready
            if isinstance(self.unjudged_database, bytes):
                hyperscan = _hyperscan()
                try:
                    self.unjudged_database = hyperscan.loadb(self.unjudged_database, hyperscan.HS_MODE_BLOCK)
                except hyperscan.error:  # (cached with the main database, which loaded): the full pass, then
                    self.unjudged_database = self.database
                    self._unjudged_scratch_ready = self._scratch_ready
            database = self.unjudged_database
            if not self._unjudged_scratch_ready:
                database.scratch = _hyperscan().Scratch(database)
                self._unjudged_scratch_ready = True
        elif not self._scratch_ready:
            database.scratch = _hyperscan().Scratch(database)
            self._scratch_ready = True
        hits: dict[int, list[int]] = {}

        def on_match(rule_index: int, _start: int, end: int, _flags: int, _ctx: object) -> None:
            ends = hits.get(rule_index)
            if ends is None:
                hits[rule_index] = [end]
            else:
                ends.append(end)

        if data:
            database.scan(data, match_event_handler=on_match)
            if self.path_database is not None and self._path_rules_apply(path):
                if not self._path_scratch_ready:
                    self.path_database.scratch = _hyperscan().Scratch(self.path_database)
                    self._path_scratch_ready = True
                self.path_database.scan(data, match_event_handler=on_match)
            if self.lone_database is not None and not skipped:
                # (not on lockfiles, translations, source maps, minified bundles: generic.unjudged, where no one
                # writes a seed phrase; BookStack's history is 180 MB of them)
                if not self._lone_scratch_ready:
                    self.lone_database.scratch = _hyperscan().Scratch(self.lone_database)
                    self._lone_scratch_ready = True
                self.lone_database.scan(data, match_event_handler=on_match)
        return hits


_TOKEN_GUARD = LazyPattern(r'\(\?<!\[(?=[^\]]*A-Za-z0-9|[^\]]*a-zA-Z0-9)[^\]]*\]\)')
# What may stand right before a token although it ends in a letter or digit: a string escape (\n, \t,
# \r, \b, \f of JSON, logs, Python reprs; \u00ab, \ud83d\ude00: JSON's escapes of any character, as
# json.dumps writes every non-ASCII one), a percent-encoded byte (%3D, %20, %22: a URL-encoded header or
# JSON in a query string), an ANSI control sequence (ESC[0m, ESC[01;31m, ESC[K, ESC[1G, ESC[?25h: grep --color,
# CI logs, progress bars; fourth hostile review, break 01),
# raw or written as escape text in a string (\x1b[32m, \033[32m, \u001b[32m, \e[1m; third hostile
# review, breaks 01, 02, 13). Fixed width each, as Python's lookbehind needs.
# (introducers of one width share a lookbehind; parameters: none, 0, 31, 0;31, 01;31, 38;5;196 …)
_ANSI_INTRODUCERS = (r'\x1b', r'\\[eE]', r'\\(?:x1[bB]|033)', r'\\u001[bB]')
# Every ECMA-48 form after an introducer (fifth hostile review, break 01: a token after ESC 7 was missed, and so
# printed whole in a commit subject): a single final byte (ESC 7, ESC 8, ESC c, ESC M: `tput sc`, `tput rc`, reset);
# an intermediate byte then a final (ESC ( B, ESC # 8: character sets); a control sequence ESC [ with up
# to 16 parameter bytes (ESC[38:2::255:0:0m, ESC[38;2;255;255;255m, ESC[>4;2m), or up to 8 then intermediate bytes
# (ESC[!p, ESC[2 q). Only a final that is a letter, a digit or `_` needs this (any other satisfies the guard itself).
_CSI_WIDTHS = range(17)
_CSI_INTERMEDIATE_WIDTHS = range(9)


def _after_introducer(form: str) -> str:
    """``form`` (what follows an introducer, fixed width) right before the token, after any introducer."""
    return '(?:' + '|'.join(f'(?<={intro}{form})' for intro in _ANSI_INTRODUCERS) + ')'


# (each group behind one cheap test of the two or three characters before the token, and a control sequence's
# widths each behind a test of its `[`: most positions of a long run of letters and digits or of source text, where
# a guard fails, then cost a comparison or two, not 100 lookbehinds: 7% of a history scan)
# (PowerShell's escapes too, `` `n `` and `` `t ``: a token right after one in a double-quoted string; eleventh hostile
# review, break 05's sibling)
_AFTER_STRING_ESCAPE = r'(?<=[\\`][ntrbf])|(?<=\\u[0-9a-fA-F]{4})|(?<=%[0-9a-fA-F]{2})'
# (what data must hold for an escape sequence to stand in it: ESC itself, or an introducer written as escape text)
ANSI_INTRODUCER_LITERALS = (b'\\e', b'\\E', b'\\x1', b'\\033', b'\\u001')
_AFTER_ESCAPE = '|'.join((
    _AFTER_STRING_ESCAPE,
    r'(?<=[\x1beEbB3][0-9A-Za-z_])' + _after_introducer('[0-9A-Za-z_]'),
    r'(?<=[\x1beEbB3\[0-?][ -/][0-9A-Za-z_])(?:' + '|'.join((
        _after_introducer('[ -/][0-9A-Za-z_]'),
        *(f'(?<=\\[[0-?]{{{n}}}[ -/][A-Za-z_])' + _after_introducer(f'\\[[0-?]{{{n}}}[ -/][A-Za-z_]')
          for n in _CSI_INTERMEDIATE_WIDTHS))) + ')',
    r'(?<=[\[0-?][A-Za-z_])(?:' + '|'.join(
        f'(?<=\\[[0-?]{{{n}}}[A-Za-z_])' + _after_introducer(f'\\[[0-?]{{{n}}}[A-Za-z_]') for n in _CSI_WIDTHS) + ')',
))


def escape_tolerant(pattern: str, *, ansi: bool = True) -> str:
    """``pattern`` with each token guard ``(?<![A-Za-z0-9_])`` also satisfied right after an escape.

    Every rule that finds a bare token guards its start against letters and digits, so that it does
    not match inside a longer word; the letter of ``\n`` or the digit of ``%3D`` or the letter that ends
    an ANSI escape sequence is not part of a token, though. One place, for every rule (built-in, imported or custom); the
    Hyperscan prefilter already over-approximates lookbehinds, so only the confirming regex changes.
    """
    after = _AFTER_ESCAPE if ansi else _AFTER_STRING_ESCAPE
    return str(_TOKEN_GUARD.sub(lambda m: f'(?:{m.group(0)}|{after})', pattern))


# Literals in the same pass that say whether a decoded view of the file can find anything: an escape
# that hides something (decode.escape_view), a PEM/PGP BEGIN line (decode.comment_view), a Kubernetes
# Secret (decode.decoded_findings). Without them, those views are not built: each needed a search of
# the whole file in Python's re, 15% of a source tree's scan together.
# (the third is decode._SECRET_KIND: a Kubernetes Secret's `kind:` line; `Secret` alone was in most source files)
# (the first: a string escape that hides something, or an XML/HTML character reference of a line break or a
# quote: decode.escape_view and decode.entity_view; the last: doubled quotes around a credential's name,
# decode.doubled_quote_view, on its own: `""` is in many files that hold an escape)
# (and an escape of a line break, `\u000a`, `\u000D`, `\U0000000a`, `\x0a`: a key's lines in JSON from a serializer
# that escapes every control character, YAML's `\x0a`; like `\r`, it hides a key only; tenth hostile review, break 05)
_LINE_BREAKS = rb'u000[aAdD]|U0000000[aAdD]|x0[aAdD]'
# (and, on a BEGIN line, a line break escaped beside indentation or written as PowerShell's: JSON's `\n\t`, a
# Python string's `\n` then spaces, a `\t` before `\n`, PowerShell's `` `n `` and `` `r`n ``; the key rules take
# a key's `\n` escapes only right before and after its base64; eleventh hostile review, break 05)
KEY_BREAK_ESCAPE = rb'\\t|\\n[ \t]|[ \t]\\n|`[nr]'
LINE_BREAK_ESCAPE = rb'\\(?:' + _LINE_BREAKS + b')'
ESCAPE_ANCHOR = (rb'\\(?:["/r]|u00[2-7][0-9a-fA-F]|U000000[2-7][0-9a-fA-F]|x[2-7][0-9a-fA-F]|n\\\r?\n|' + _LINE_BREAKS
                 + b')')
# Of those, the escapes that hide something wherever they stand; `\"`, `\r` and a line break's hide something only on
# a line that names a credential in a nested document or holds a PEM key (decode._escaped_lines): the engine's gate
# for the view is these, or such a name, or a BEGIN line. With every `\"` as its gate, the view was built for one file
# in twelve of a history (escaped quotes are everywhere in code) and found nothing on almost all of them.
STRONG_ESCAPE = rb'\\(?:/|u00[2-7][0-9a-fA-F]|U000000[2-7][0-9a-fA-F]|x[2-7][0-9a-fA-F]|n\\\r?\n)'


class CredentialNames:
    """What makes a line worth decoding whose only hiding escapes are ``\\"``, ``\\r`` or a line break's (a JSON
    document in a string of code or of JSON), or whose quotes are doubled (a CSV cell) or written ``&quot;`` (an HTML
    attribute): one of the key judge's secret words anywhere on it (``words``: ``generic.keys.secret_stems``,
    data/generic.toml: ``\\"Admin Password\\":``, ``<add key=\\"DbPassword\\" …``); a keyword of a rule whose pattern
    reads a quote, as a word of its own or a ``_``/``.``/``-`` part of a name (``keywords``: a JWK's ``kty``, ``mysql``);
    or a command's argument that takes a password or ``user:password`` right before the quote (``-p\\"…``,
    ``curl -u \\"admin:…``, ``/user:``). Escaped quotes are everywhere in code, so a line with none of these is not
    decoded. The names came from a hand list, which missed a JWK (``\\"kty\\":``) and ``\\"db_pass\\":`` (fourteenth
    hostile review, break 01); then only a JSON member name (``\\"name\\":`` of ``[\\w.-]``) was looked at, which missed
    an XML attribute, a command line and a member name with a space behind ``\\"`` or ``""`` (fifteenth hostile review,
    break 01). A keyword inside a longer word is none (Monero's ``view`` is not in ``preview``), nor is a token's
    prefix (``sk-``, ``es_``: a token right after an escaped quote is read as it is, ``escape_tolerant``).

    Every test here is linear in the line (a pattern that ran ``\\\\+"`` from each backslash of a run took seconds on a
    megabyte of them; fifteenth hostile review, break 02): the words in one pattern of literals, the keywords looked up
    in the set of the line's words, a command's option from its ``-`` only."""

    __slots__ = ('words', 'keywords', '_word', '_single', '_multi')

    def __init__(self, words: Sequence[str], keywords: Sequence[str]) -> None:
        self.words, self.keywords = tuple(words), tuple(keywords)
        self._word: re.Pattern[bytes] | None = None
        # a keyword of one word, looked up among the line's; one of several (alpha_vantage), each of its words first
        self._single = frozenset(k.encode() for k in self.keywords if _ALNUM_RUN.fullmatch(k.encode()))
        # (filed under its longest word: only the keywords one of whose words is the line's are looked at, not all
        # 95 on every line; a tenth of a history scan's decoding)
        multi: dict[bytes, list[tuple[bytes, frozenset[bytes]]]] = {}
        for k in self.keywords:
            if not _ALNUM_RUN.fullmatch(k.encode()):
                parts = frozenset(_ALNUM_RUN.findall(k.encode()))
                multi.setdefault(max(parts, key=len, default=b''), []).append((k.encode(), parts))
        self._multi = {part: tuple(keywords) for part, keywords in multi.items()}

    @classmethod
    def of(cls, rules: Iterable[Rule], vocabulary: Vocabulary) -> CredentialNames:
        """The names of ``rules`` (those whose pattern has a ``"``) and of ``vocabulary``."""
        from leakstop.generic.keys import secret_stems
        words = secret_stems(vocabulary)
        keywords = {k.lower() for rule in rules if '"' in rule.pattern for k in rule.keywords}
        return cls(words, sorted(k for k in keywords if _NAME_PART.fullmatch(k) and not any(w in k for w in words)))

    def __eq__(self, other: object) -> bool:
        return isinstance(other, CredentialNames) and (self.words, self.keywords) == (other.words, other.keywords)

    def __hash__(self) -> int:
        return hash((self.words, self.keywords))

    def plain(self) -> bytes:
        """The names as JSON (a cache entry holds plain values); ``from_plain`` reads them back."""
        return json.dumps([self.words, self.keywords], separators=(',', ':')).encode()

    @classmethod
    def from_plain(cls, plain: bytes) -> CredentialNames:
        words, keywords = json.loads(plain)
        return cls(words, keywords)

    def _named(self) -> tuple[bytes, bytes | None]:
        """What names a credential on a line, for Hyperscan and re alike: a word or a command's option (with whatever
        follows it: the quote is the anchor's to find), and a keyword as a name's part (``\\b``, or a ``_`` taken: a
        part between underscores too; None without keywords: Hyperscan takes no ``(?!)``)."""
        words = [b'(?i:' + b'|'.join(re.escape(w.encode()) for w in self.words) + b')'] if self.words else []
        keywords = b'|'.join(re.escape(k.encode()) for k in self.keywords)
        return (b'(?:' + b'|'.join([*words, _COMMAND_ARGUMENT, _NET_USE]) + b')',
                rb'(?:\b|_)(?i:' + keywords + rb')(?:\b|_)' if keywords else None)

    def escape_anchor(self) -> bytes:
        """A line holding ``\\"``, ``\\r`` or a line break's escape and a word or a command's option (before it or after
        it), or a keyword in a string between escaped quotes: the escape view's anchor's part for the lines
        ``decode._escaped_lines`` decodes for these names. (A keyword, unlike a word, is looked for in escaped quotes
        only, where a rule that reads a quote needs it decoded, ``\\"kty\\":``: the keywords are written once in the
        pattern, which Hyperscan limits to 16,000 bytes; ``on_line`` takes a keyword anywhere, on a line of a view
        built.)"""
        named, keyword = self._named()
        return (ESCAPED_QUOTE_OR_BREAK + rb'[^\n]*' + named + b'|' + named + rb'[^\n]*' + ESCAPED_QUOTE_OR_BREAK
                + (rb'|\\"[^"\\\n]*' + keyword + rb'[^"\\\n]*\\+"' if keyword else b''))

    def doubled_anchor(self) -> bytes:
        """A line holding a pair of doubled quotes (``""a""``, as ``decode.doubled_quote_view`` reads them) and a word
        or a command's option before the pair, inside it or after it, or a keyword inside a pair: the doubled-quote
        view's anchor."""
        named, keyword = self._named()
        return (rb'(?:^|[^"\n])""(?:[^"\n]*' + named + rb'[^"\n]*""|[^"\n]+""[^\n]*' + named
                + (rb'|[^"\n]*' + keyword + rb'[^"\n]*""' if keyword else b'') + b')|' + named + rb'(?:[^\n]*[^"\n])?""[^"\n]+""')

    def on_line(self, data: bytes, start: int, end: int) -> bool:
        """Whether ``data[start:end]`` (a line) holds one of ``words`` anywhere, in any case; one of ``keywords`` as a
        word or a name's part (no letter or digit either side); or a command's option that takes a password right
        before a quote written ``\\"``, ``""`` or ``&quot;``."""
        low = data[start:end].lower()
        if self._words().search(low) is not None or _COMMAND_QUOTE.search(data, start, end) is not None:
            return True
        words = set(_ALNUM_RUN.findall(low))
        if not self._single.isdisjoint(words):
            return True
        filed = self._multi.keys() & words
        if b'' in self._multi:
            filed.add(b'')  # (a keyword of no letter or digit)
        return any(parts <= words and _bounded(low, keyword) for part in filed for keyword, parts in self._multi[part])

    def word_in(self, data: bytes, start: int, end: int) -> bool:
        """Whether ``data[start:end]`` holds one of ``words`` anywhere, in any case: a ``.properties`` line that may
        name a credential (``password\\=``)."""
        return self._words().search(data[start:end].lower()) is not None

    def _words(self) -> re.Pattern[bytes]:
        if self._word is None:
            self._word = re.compile(b'|'.join(re.escape(w.encode()) for w in self.words) or rb'(?!)')
        return self._word


_NAME_PART = LazyPattern(r'[A-Za-z0-9](?:[\w.-]*[A-Za-z0-9])?')  # (not a prefix: sk-, es_)
_ALNUM_RUN = LazyPattern(rb'[a-z0-9]+')  # (of a lowercased line)
# A command's option that takes a password (`mysql -p`, `sshpass -p`, `mongosh -p`, `docker login -p`, `redis-cli -a`,
# `ldapsearch -w`) or `user:password` (`curl -u`, `--user`), then a quote: the command families of the generic detector
# (generic.extract's `flag`) and cli-inline-password, whose words name no credential; and `net use`'s `/user:`.
_COMMAND_ARGUMENT = rb'\B(?:-[puaw]|--user)'  # (\B: no word's letter before; Hyperscan has no look-behind)
_NET_USE = rb'(?i:/user:)'
_COMMAND_QUOTE = LazyPattern(
    rb'(?<![\w-])(?:-[puaw]|--user)(?:[ \t]+|=)?(?:\\|""|&(?:quot|#0*34|#[xX]0*22);)|(?i:/user:)')
# an escaped quote or carriage return, or a line break's escape (`\u000a`): the escapes that hide something only on a
# line that names a credential (decode._escaped_lines)
ESCAPED_QUOTE_OR_BREAK = rb'\\(?:["r]|' + _LINE_BREAKS + b')'


def _bounded(low: bytes, keyword: bytes) -> bool:
    """Whether ``keyword`` stands in ``low`` with no letter or digit either side (each occurrence looked at once)."""
    at = low.find(keyword)
    while at != -1:
        after = at + len(keyword)
        if not low[at - 1:at].isalnum() and not low[after:after + 1].isalnum():
            return True
        at = low.find(keyword, at + 1)
    return False


_SHIPPED_NAMES: list[CredentialNames] = []


def shipped_credential_names() -> CredentialNames:
    """The shipped rules' and vocabulary's ``CredentialNames`` (loaded once), for a view asked for without a rule set's:
    a rule set passes its own (``RuleSet.credential_names``)."""
    if not _SHIPPED_NAMES:
        from leakstop.generic.keys import shipped_vocabulary
        from leakstop.rules import load_rules
        _SHIPPED_NAMES.append(CredentialNames.of(load_rules(), shipped_vocabulary()))
    return _SHIPPED_NAMES[0]


# (also a numeric reference of a character of a token or a URL, + - . / 0-9 : = @ A-Z _ a-z, right after or right
# before a letter, a digit or _: `ghp&#95;…`, `&#x67;hp_…`, `postgres:&#x2F;&#x2F;app:…&#64;db`; fifth hostile review,
# break 10. Apostrophes and typographic characters, the references prose is full of, are not in it.)
TOKEN_ENTITY = (
    rb'&#(?:0*(?:4[35-9]|5[0-8]|61|6[4-9]|[7-9][0-9]|1[01][0-9]|12[0-2])|[xX]0*(?:2[bBd-fD-F]|3[0-9aAdD]|[4-6][0-9a-fA-F]'
    rb'|7[0-9aA]));'
)
# (also an `&` written as a reference before a URL query's or a form's key that names a credential, `?code=1&amp;
# client_secret=…`: the `&` XML and HTML must escape; sixth hostile review, break 08)
QUERY_AMP_ENTITY = (
    rb'(?:amp|#0*38|#[xX]0*26);[\w.-]{0,40}(?:[Pp]ass|PASS|[Pp]wd|PWD|[Ss]ecret|SECRET|[Tt]oken|TOKEN|[Kk]ey|KEY|[Aa]uth'
    rb'|AUTH|[Cc]red|CRED)[\w.-]{0,40}='
)
ENTITY_ANCHOR = (
    rb'&#(?:1[03]|[xX]0*[aAdD]|0*3[49]|[xX]0*2[27]);|&quot;|&apos;|[A-Za-z0-9_]' + TOKEN_ENTITY + b'|' + TOKEN_ENTITY
    + rb'[A-Za-z0-9_]|&' + QUERY_AMP_ENTITY
)
# The same anchor for Python's re, which decode.entity_view searches with: every branch starts at `&` (the character
# before a reference is a look-behind), so re skips to each `&` instead of trying the pattern at every letter and
# digit — 45 times faster on BookStack's files with an `&`, and 10% of a history scan. It finds a reference on the
# same lines (tests/test_decode.py compares them); Hyperscan has no look-behind, so the engine keeps the first form.
ENTITY_SEARCH = (
    rb'&(?:#(?:1[03]|[xX]0*[aAdD]|0*3[49]|[xX]0*2[27]);|quot;|apos;|(?<=[A-Za-z0-9_]&)' + TOKEN_ENTITY[1:] + b'|'
    + TOKEN_ENTITY[1:] + rb'(?=[A-Za-z0-9_])|' + QUERY_AMP_ENTITY + b')'
)
# The anchors of the decoded views, without the lines that the names of a credential make worth decoding (the rule
# set's CredentialNames: ``view_anchors`` adds them): the escape view's (a line with `\"` and such a name: a JSON
# document, an XML element or a command line in a string) and the doubled-quote view's (the same in a CSV cell, RFC 4180
# doubling its quotes: `""name""`; decode.doubled_quote_view), whose anchor is those lines alone.
VIEW_ANCHORS = (
    STRONG_ESCAPE + rb'|-----BEGIN[^\n]*\\[r"]|\\[r"][^\n]*-----BEGIN|-----BEGIN[^\n]*'
    + LINE_BREAK_ESCAPE + rb'|-----BEGIN[^\n]*(?:' + KEY_BREAK_ESCAPE + b')|' + ENTITY_ANCHOR,
    rb'-----BEGIN|Private-Lines:',  # (a PuTTY key's block has no BEGIN line: decode.markup_view reads it too)
    # a Secret's kind: YAML at any indent (a List's items, as kubectl get -o yaml prints them) or JSON (-o json); or a
    # member of a mapping on one line, JSON (`jq -c`, an API response, kubectl's last-applied-configuration, also as
    # an escaped string in JSON) or a YAML flow mapping (sixth hostile review, break 07)
    rb'^[ \t]*(?:- )?["\']?kind["\']?[ \t]*:[ \t]*["\']?Secret["\']?[ \t]*,?[ \t]*(?:#[^\n]*)?\r?$'
    rb'|[{,][ \t]*(?:\\?["\'])?kind(?:\\?["\'])?[ \t]*:[ \t]*(?:\\?["\'])?Secret(?:\\?["\'])?[ \t]*[,}]',
    # a JWT's or a PyPI token's start closing a literal, or at a line continuation inside one (Rust's, C's
    # `\` at the line's end): it may be wrapped over joined literals or lines
    rb'(?:eyJ|pypi-AgE)[A-Za-z0-9_.-]{6,}(?:\\?["\']|\\\r?\n)',
    b'',
    b'',  # the base64 of a token's prefix (base64_anchor: ``view_anchors`` adds it)
)
VIEW_ESCAPE, VIEW_BEGIN, VIEW_SECRET, VIEW_SPLIT_TOKEN, VIEW_DOUBLED_QUOTE, VIEW_BASE64 = range(6)
BASE64_PREFIXES = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'data', 'base64_token_prefixes.txt')


def base64_token_prefixes() -> list[bytes]:
    """The token prefixes of ``BASE64_PREFIXES`` (a reviewed list: each a shipped rule's literal start)."""
    with open(BASE64_PREFIXES, 'rb') as f:
        return [line.strip() for line in f if line.strip() and not line.startswith(b'#')]


def base64_literals(prefix: bytes) -> list[bytes]:
    """The base64 characters that ``prefix`` fixes wherever it stands in the encoded bytes: after 0, 1 or 2 bytes
    (mod 3), the characters wholly inside its bits (a character that also holds bits of a byte before or after it
    could be any of several); also in the URL-safe alphabet where they differ."""
    import binascii  # (not base64: a clean hook run imports none of it, and the database key reads these)
    out = []
    for k in range(3):
        encoded = binascii.b2a_base64(bytes(k) + prefix, newline=False)
        literal = encoded[-(-8 * k // 6):8 * (k + len(prefix)) // 6]
        out.append(literal)
        if b'+' in literal or b'/' in literal:
            out.append(literal.replace(b'+', b'-').replace(b'/', b'_'))
    return out


@functools.lru_cache(maxsize=1)  # (the database key and the view without a database both ask)
def base64_anchor() -> bytes:
    """One alternation of the base64 literals of every prefix in ``BASE64_PREFIXES`` (decode.base64_view's anchor)."""
    literals = sorted({literal for prefix in base64_token_prefixes() for literal in base64_literals(prefix)})
    return b'|'.join(re.escape(literal) for literal in literals)


def view_anchors(names: CredentialNames) -> tuple[bytes, ...]:
    """``VIEW_ANCHORS`` with the lines ``names`` make worth decoding: with an escaped quote for the escape view, a pair
    of doubled quotes for the doubled-quote view."""
    anchors = list(VIEW_ANCHORS)
    anchors[VIEW_ESCAPE] += b'|' + names.escape_anchor()
    anchors[VIEW_DOUBLED_QUOTE] = names.doubled_anchor()
    anchors[VIEW_BASE64] = base64_anchor()
    return tuple(anchors)

WIDE_REPEAT = 16
_REPEAT = LazyPattern(r'\{(\d+),(\d+)\}')


_ANY_REPEAT = LazyPattern(r'\{(\d+)(?:,\d*)?\}')
# after the repeat: nothing the match still needs (closing groups and lookarounds, then the end)
_ENDS_MATCH = LazyPattern(r'(?:\)|\(\?<?[!=](?:[^()\\]|\\.|\([^()]*\))*\))*\Z')
_LOOKAROUND = LazyPattern(r'\(\?<?[!=](?:[^()\\]|\\.|\([^()]*\))*\)')
_AFTER_LITERAL = LazyPattern(r'(?<![\\\[])[A-Za-z0-9][A-Za-z0-9_-]+\[[^\[\]]*\]\Z')  # tok_[...]


def prefilter_pattern(pattern: str) -> str:
    """The pattern Hyperscan compiles: bounded repeats 16 wide or wider become open-ended (``[ \\t]{0,16}``
    around each line of a PGP block's pattern took its compile alone from 0.5 to 4 s), and a long
    repeat right after a literal prefix that ends the match (``EAA[A-Za-z0-9]{120,250}``) is cut to 16.

    The cut: opened, such a repeat made Hyperscan report every position of a long base64 run that
    follows the prefix (100,000 reports on 110 MB of site-packages for two rules, a third of the
    scan); cut, it reports each prefix once, and the confirming window reaches ``max_length`` past it.

    Hyperscan unrolls bounded repeats into large automata: ``x{64,8000}`` alone takes
    seconds, and the built-in rules took 18-40 s to compile with wide repeats kept, 1.7 s
    with them opened. Widening only makes the prefilter match more (on real code, the same
    candidates: rules are selective through their literal anchors and exact counts such as
    ``{36}``, which are kept); the Python regex that confirms every candidate still enforces
    the exact bounds, within the rule's ``max_length`` window.
    """
    out = []
    i, n, in_class = 0, len(pattern), False
    while i < n:
        c = pattern[i]
        if c == '\\':
            out.append(pattern[i:i + 2])
            i += 2
            continue
        if in_class:
            in_class = c != ']' or pattern[i - 1] == '['
        elif c == '[':
            in_class = True
            if pattern.startswith('[^]', i) or pattern.startswith('[]', i):
                out.append(pattern[i:i + (3 if pattern[i + 1] == '^' else 2)])
                i += 3 if pattern[i + 1] == '^' else 2
                continue
        elif c == '{':
            m = _ANY_REPEAT.match(pattern, i)
            tail = _ENDS_MATCH.match(pattern, m.end()) if m else None
            if m and tail and int(m.group(1)) > WIDE_REPEAT and _AFTER_LITERAL.search(pattern, 0, i):
                # EAA[A-Za-z0-9]{120,250}: the literal and 16 more; the lookarounds after it go too
                out.append('{%d}' % WIDE_REPEAT)
                out.append(_LOOKAROUND.sub('', tail.group()))
                i = tail.end()
                continue
            m = _REPEAT.match(pattern, i)
            if m and int(m.group(2)) - int(m.group(1)) >= WIDE_REPEAT:
                out.append('{%s,}' % m.group(1))
                i = m.end()
                continue
        out.append(c)
        i += 1
    return ''.join(out)


def _hs_flags(hyperscan: Any) -> int:
    return int(hyperscan.HS_FLAG_PREFILTER | hyperscan.HS_FLAG_ALLOWEMPTY)


def literal_expression(literal: bytes) -> bytes:
    """A Hyperscan expression matching ``literal`` exactly (every byte escaped)."""
    return b''.join(b'\\x%02x' % b for b in literal)


PREFIX_TAG = 'context'  # rules that name the vendor before the secret (a key = value shape)


def anchored_prefix(rule: Rule) -> str | None:
    """For a rule that names its vendor before the secret (tag ``context``), the pattern up to the
    secret: Hyperscan needs only that much to point at a candidate (the Python regex confirms the
    whole), and 366 exact-length value shapes cost a third of the scan's Hyperscan time for nothing."""
    if PREFIX_TAG not in rule.tags or rule.is_context:
        return None
    prefix = rule.pattern.split('(?P<' + rule.secret_group + '>', 1)[0]
    if prefix == rule.pattern or len(prefix) < 8:
        return None
    try:
        re.compile(prefix)
    except re.error:
        return None
    return prefix


def block_value_pattern(rule: Rule) -> str | None:
    """For a rule that names its vendor before the secret (tag ``context``), the value alone: its pattern
    from the secret group on (the secret's shape and the boundary after it), which a value in a block
    under the vendor's header must match whole (``vendor_block_findings``). None when that part does not
    stand alone (it refers to an earlier group).

    Derived, not stored: the pattern stays the one source of the shape, for the built-in rules and for
    a configuration's alike, as ``anchored_prefix`` derives the part before it.
    """
    if PREFIX_TAG not in rule.tags or rule.is_context:
        return None
    head, found, rest = rule.pattern.partition('(?P<' + rule.secret_group + '>')
    if not found or not head:
        return None
    value = found + rest
    try:
        re.compile(value)
    except re.error:
        return None
    return value


def vendor_table(rules: Sequence[Rule]) -> dict[str, list[int]]:
    """Vendor word (a keyword, lowercase) -> the rules tagged ``context`` that it names, in order."""
    table: dict[str, list[int]] = {}
    for index, rule in enumerate(rules):
        if block_value_pattern(rule) is not None:
            for word in sorted({k.lower() for k in rule.keywords}):
                table.setdefault(word, []).append(index)
    return table


def path_rule_indices(rules: Sequence[Rule]) -> list[int]:
    """The pattern rules limited to some file names (``paths``: ``.pgpass``, ``.npmrc``...)."""
    return [i for i, rule in enumerate(rules) if rule.paths and not rule.is_context]


LONE_TAG = 'unanchored'  # a rule with no literal to start from (a seed phrase's words): in a database of its own


def lone_rule_indices(rules: Sequence[Rule]) -> list[int]:
    """The pattern rules tagged ``LONE_TAG`` (not limited to file names)."""
    return [i for i, rule in enumerate(rules) if LONE_TAG in rule.tags and not rule.paths and not rule.is_context]


def rule_expressions(rule: Rule) -> list[tuple[bytes, int]]:
    """What Hyperscan looks for to point at the candidates of pattern rule ``rule``: (expression, flags). Its
    pattern as a prefilter (``prefilter_pattern``; up to the secret for a rule tagged ``context``:
    ``anchored_prefix``), or, for a rule tagged ``at-keywords``, each keyword (caseless), the pattern confirming
    within ``max_length`` either side (``confirm``). A JWK's ``"d":`` sorted before its ``"kty"`` made Hyperscan
    start at every ``d:`` of every file (a tenth of the main database's time on a history's file versions)."""
    hyperscan = _hyperscan()
    if AT_KEYWORDS_TAG in rule.tags and rule.keywords:
        return [(literal_expression(k.encode()), int(hyperscan.HS_FLAG_CASELESS)) for k in rule.keywords]
    return [(prefilter_pattern(anchored_prefix(rule) or rule.pattern).encode(), _hs_flags(hyperscan))]


def _side_database(rules: Sequence[Rule], indices: Sequence[int], what: str) -> Any:
    """The rules at ``indices`` in a Hyperscan database of their own (None if there are none)."""
    if not indices:
        return None
    hyperscan = _hyperscan()
    pairs = [(i, e) for i in indices for e in rule_expressions(rules[i])]
    db = hyperscan.Database(mode=hyperscan.HS_MODE_BLOCK)
    try:
        db.compile(
            expressions=[e for _, (e, _) in pairs], ids=[i for i, _ in pairs], elements=len(pairs),
            flags=[f for _, (_, f) in pairs],
        )
    except hyperscan.error as e:
        raise FatalError(f'rules: the matching engine rejected a rule{what}: {e}') from None
    return db


def compile_lone_database(rules: Sequence[Rule]) -> Any:
    """The rules with no literal to start from (``lone_rule_indices``) in a database of their own (None if there
    are none). In the main database, one such pattern (bip39-mnemonic-checksum: twelve to twenty-four words of
    letters) took Hyperscan off its literal prefilter for every byte: 8% of a history scan; alone, it scans a
    13 MB tree in 14 ms."""
    return _side_database(rules, lone_rule_indices(rules), '')


def compile_path_database(rules: Sequence[Rule]) -> Any:
    """The rules limited to file names (``path_rule_indices``) in a database of their own, scanned only
    on the files they apply to (None if there are none). In the main database, the five built-in ones
    (patterns with no literal to start from, as ``host:port:db:user:password``) cost a quarter of the
    scan of every other file."""
    return _side_database(rules, path_rule_indices(rules), ' limited to file names')


def database_expressions(
        rules: Sequence[Rule], *, generic_anchors: Sequence[str] = (), without_path_rules: bool = False,
        unjudged: bool = False, names: CredentialNames | None = None,
) -> tuple[list[bytes], list[int], list[int]]:
    """What ``compile_database`` compiles: the expressions, their ids and their Hyperscan flags (also what
    ``bench/engine-diff`` checks against Python's ``re``). ``names``: the member names of the view anchors
    (``view_anchors``; by default, those of ``rules`` and the shipped vocabulary)."""
    hyperscan = _hyperscan()
    if not rules and not generic_anchors:
        return [], [], []
    table = keyword_table(rules)
    expressions: list[bytes] = []
    ids: list[int] = []
    flags: list[int] = []
    for index, rule in enumerate(rules):
        if not rule.is_context and not (without_path_rules and (rule.paths or LONE_TAG in rule.tags)):
            for expression, flag in rule_expressions(rule):
                expressions.append(expression)
                ids.append(index)
                flags.append(flag)
    # Gate literals are not compiled: they are checked in Python, only for the rules that hit
    # (``gate_open``). Compiled, every common keyword (key, token, secret) of every file reported a
    # match: 3x the callbacks for nothing on most files.
    for j, literal in enumerate(table.anchor_literals):
        expressions.append(literal_expression(literal))
        ids.append(table.anchor_base + j)
        flags.append(int(hyperscan.HS_FLAG_CASELESS))
    generic_base = table.anchor_base + len(table.anchor_literals)
    for k, anchor in enumerate(() if unjudged else generic_anchors):
        expressions.append(prefilter_pattern(anchor).encode())
        ids.append(generic_base + k)
        flags.append(int(hyperscan.HS_FLAG_CASELESS | hyperscan.HS_FLAG_MULTILINE | _hs_flags(hyperscan)))
    if generic_anchors:  # the full scan's database: also what makes a decoded view worth building
        if names is None:
            from leakstop.generic.keys import shipped_vocabulary
            names = CredentialNames.of(rules, shipped_vocabulary())
        for k, view_anchor in enumerate(view_anchors(names)):
            expressions.append(view_anchor)
            ids.append(generic_base + len(generic_anchors) + k)
            # (the base64 view's anchor reports every match: the view decodes the run around each, not the file)
            flags.append(int(hyperscan.HS_FLAG_MULTILINE | (0 if k == VIEW_BASE64 else hyperscan.HS_FLAG_SINGLEMATCH)))
    return expressions, ids, flags


def compile_database(
        rules: Sequence[Rule], *, generic_anchors: Sequence[str] = (), without_path_rules: bool = False,
        unjudged: bool = False, names: CredentialNames | None = None,
) -> Any:
    """Compile rules into one Hyperscan block-mode database; a rejected rule is a FatalError naming it.

    ``generic_anchors`` (the generic detector's, one per syntax family) join the same database, after
    the keywords (ids from ``generic_base``), so that one pass over the bytes serves both.
    ``without_path_rules``: leave out the rules limited to file names (``compile_path_database``).
    ``unjudged``: leave out the generic anchors but keep the ids of everything else (the view anchors
    after them): the database for the files the generic detector does not judge. On a history of
    BookStack (180 MB of its 304 MB are translations and lockfiles) the anchors are a fifth of the
    Hyperscan time of those files.
    """
    hyperscan = _hyperscan()
    expressions, ids, flags = database_expressions(
        rules, generic_anchors=generic_anchors, without_path_rules=without_path_rules, unjudged=unjudged, names=names)
    if not expressions:
        return None
    db = hyperscan.Database(mode=hyperscan.HS_MODE_BLOCK)
    try:
        db.compile(expressions=expressions, ids=ids, elements=len(expressions), flags=flags)
    except hyperscan.error as e:
        # find the culprit so the message names it
        for rule in rules:
            if rule.is_context:
                continue
            one = hyperscan.Database(mode=hyperscan.HS_MODE_BLOCK)
            try:
                one.compile(expressions=[prefilter_pattern(rule.pattern).encode()], ids=[0], elements=1, flags=[_hs_flags(hyperscan)])
            except hyperscan.error as e1:
                raise FatalError(f'{rule.source}: {rule.id}: pattern rejected by the matching engine: {e1}') from None
        raise FatalError(f'rules: the matching engine rejected the rule set: {e}') from None
    return db


def load_ruleset(
        signature: Sequence[object],
        load: Callable[[], list[Rule]],
        *,
        cache: str | None,
        generic: bool = False,
        generic_rules: frozenset[str] | None = None,
) -> RuleSet:
    """The rule set for ``signature`` from the cache, or ``load()`` + compile (then cached).

    ``signature`` must change whenever what ``load`` returns would (file stats, config, the rules
    selected). ``generic``: with the generic detector, running ``generic_rules`` (default: all of them).
    """
    hyperscan = _hyperscan()

    anchors = [ANCHORS[f] for f in FAMILIES] if generic else []
    from leakstop.generic.keys import secret_stems, shipped_vocabulary
    vocabulary = shipped_vocabulary()

    def build_unjudged() -> bytes:
        if not anchors:
            return b''
        rules = load()
        unjudged = compile_database(rules, generic_anchors=anchors, without_path_rules=True, unjudged=True,
                                    names=CredentialNames.of(rules, vocabulary))
        return hyperscan.dumpb(unjudged) if unjudged is not None else b''

    def build() -> tuple[bytes, bytes, int, bytes, bytes, bytes, bytes, bytes, bytes]:
        rules = load()
        names = CredentialNames.of(rules, vocabulary)
        database = compile_database(rules, generic_anchors=anchors, without_path_rules=True, names=names)
        blob = hyperscan.dumpb(database) if database is not None else b''
        path_database = compile_path_database(rules)
        path_blob = hyperscan.dumpb(path_database) if path_database is not None else b''
        lone_database = compile_lone_database(rules)
        lone_blob = hyperscan.dumpb(lone_database) if lone_database is not None else b''
        # one row per line (compact JSON has no raw newline): one blob to read, split on first use
        rows = b'\n'.join(rule_row(r) for r in rules)
        paths = json.dumps(path_rule_indices(rules) if path_database is not None else []).encode()
        vendors = json.dumps(vendor_table(rules), separators=(',', ':')).encode()
        return (rows, _table_plain(keyword_table(rules)), max_window(rules), blob, path_blob, paths, vendors,
                lone_blob, names.plain())

    def valid(value: object) -> bool:
        return (
            isinstance(value, tuple) and len(value) == 9 and isinstance(value[2], int)
            and all(isinstance(value[k], bytes) for k in (0, 1, 3, 4, 5, 6, 7, 8))
        )

    # (the view anchors with the vocabulary's member names: the rules' are the signature's)
    full_signature = (DATABASE_FORMAT, hyperscan.__version__, platform_machine(), *signature, *anchors,
                      *view_anchors(CredentialNames(secret_stems(vocabulary), ())))
    rows, table, window, blob, path_blob, paths, vendors, lone_blob, names_plain = cached(
        'rules', full_signature, build, valid=valid, directory=cache)

    def databases() -> tuple[Any, Any, Any]:
        return tuple(hyperscan.loadb(b, hyperscan.HS_MODE_BLOCK) if b else None for b in (blob, path_blob, lone_blob))  # type: ignore[return-value]

    try:
        keywords, path_rules = _table_from_plain(table), [int(i) for i in json.loads(paths)]
        database, path_database, lone_database = databases()
    except (hyperscan.error, ValueError, TypeError):  # written by a build for another CPU: compile here, uncached
        rows, table, window, blob, path_blob, paths, vendors, lone_blob, names_plain = build()
        keywords, path_rules = _table_from_plain(table), [int(i) for i in json.loads(paths)]
        database, path_database, lone_database = databases()

    def unjudged_blob() -> bytes:  # an entry of its own, read (or compiled) by RuleSet.scan_hits on first need
        return cached('unjudged', full_signature, build_unjudged, valid=lambda v: isinstance(v, bytes),
                      directory=cache)
    unjudged = unjudged_blob if anchors else None
    rules = LazyRules(rows.split(b'\n') if rows else [])
    return RuleSet(
        rules, database,
        GenericDetector.load(cache=cache, database=False, **({} if generic_rules is None else {'rule_ids': generic_rules}))
        if generic else None,
        keywords=keywords, max_window=window,
        path_database=path_database, path_rules=path_rules, vendors=vendors, unjudged_database=unjudged,
        lone_database=lone_database, names=CredentialNames.from_plain(names_plain),
    )


def platform_machine() -> str:
    return os.uname().machine if hasattr(os, 'uname') else sys.platform


def _windows(ends: list[int], width: int, size: int, after: int = 0) -> list[tuple[int, int]]:
    """Confirmation windows around candidate ``ends``: each candidate's own window (its rule's width before,
    ``after`` past, CONTEXT both sides) lies whole in one of them. Touching windows merge, but a merged window
    stays within twice a candidate's own: a lookahead that scans to the window's end from every position
    (``(?=[A-Za-z]*[0-9])``) is then bounded by max_length, not by the line, where a run of candidates (one line
    of letters) had merged into the whole line and took time quadratic in it (ninth hostile review, break 05)."""
    limit = 2 * (width + after + 2 * CONTEXT)
    windows: list[tuple[int, int]] = []
    for end in ends:
        lo, hi = max(0, end - width - CONTEXT), min(size, end + after + CONTEXT)
        if windows and lo <= windows[-1][1] and max(windows[-1][1], hi) - windows[-1][0] <= limit:
            windows[-1] = (windows[-1][0], max(windows[-1][1], hi))
        else:
            windows.append((lo, hi))  # overlaps the last when the merge would pass the limit
    return windows


def _outermost(found: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Drops a match that lies within another: overlapping windows can cut a match at one's end (a shorter
    match of a variable-length rule) that the next window finds whole."""
    out: list[tuple[int, int, str]] = []
    reach = -1
    for start, end, secret in sorted(found, key=lambda f: (f[0], -f[1])):
        if end > reach:
            out.append((start, end, secret))
            reach = end
    return sorted(out)


def _accepted(ruleset: RuleSet, index: int, secret: str) -> bool:
    """The rule's own checks on an extracted secret: entropy, validator, the rule's ``allow`` regexes (a
    match they refuse is no match of this rule; the user's per-rule allowlist is ``Allowlist.rule_allowed``)."""
    rule = ruleset.rules[index]
    if not secret:
        return False
    if rule.min_entropy and shannon_entropy(secret) < rule.min_entropy and not (
            rule.validator in CHECKSUM_VALIDATORS and issued_token(secret)):
        return False  # (a checksum proves the token issued, whatever its body: eighth hostile review, break 10)
    if rule.validator is not None and not VALIDATORS[rule.validator](secret) and not (
            rule.validator in MADE_UP_TOLERANT and _random_body(secret)):
        return False
    return not any(a.search(secret) for a in ruleset.allows(index))


MADE_UP_NOTE = ' (its checksum does not match: made up, or mistyped)'


def _random_body(secret: str) -> bool:
    """A token's body after its prefix (ghp_, npm_) is random characters, as a generated one is."""
    from leakstop.generic.values import judge_value
    return judge_value(secret.partition('_')[2]).randomness >= 0.8


def confirm(data: bytes, ruleset: RuleSet, index: int, ends: list[int]) -> list[tuple[int, int, str]]:
    """Matches of rule ``index`` near Hyperscan's candidate ``ends``: (start, end, secret)."""
    rule = ruleset.rules[index]
    regex = ruleset.regex(index, data)
    out: list[tuple[int, int, str]] = []
    seen: set[tuple[int, int]] = set()
    after = rule.max_length  # Hyperscan may report a prefix's end (anchored_prefix, cut repeats)
    for lo, hi in _windows(ends, rule.max_length, len(data), after=after):
        for m in regex.finditer(data, lo, hi):
            span = m.span(rule.secret_group)
            if span[0] < 0 or span in seen:
                continue
            seen.add(span)
            secret = m.group(rule.secret_group).decode('utf-8', 'replace')
            if not _accepted(ruleset, index, secret) and isinstance(regex, re.Pattern):
                m = _without_last_line(regex, data, m, rule.secret_group) or m
                span = m.span(rule.secret_group)
                secret = m.group(rule.secret_group).decode('utf-8', 'replace')
            if _accepted(ruleset, index, secret) and not (
                    PASSWORD_TAG in rule.tags and names_itself(data, span[0], span[1], secret)
            ) and not in_embedded_file(data, span[0]):
                out.append((span[0], span[1], secret))
    return _outermost(out)


def _without_last_line(regex: re.Pattern[bytes], data: bytes, m: re.Match[bytes], group: int | str) -> re.Match[bytes] | None:
    """The match of ``regex`` at ``m``'s start that ends before the last line break of the secret ``m`` found, or
    None: a rule's optional last line may take the next line's first word (`EOF` after a heredoc's base64, git's
    `author` line after a commit message), and the checks then refuse the whole (thirty-fifth hostile review, 04)."""
    start, end = m.span(group)
    cut = data.rfind(b'\n', start, end)
    if cut <= start:
        return None
    if data[cut - 1:cut] == b'\r':
        cut -= 1
    return regex.match(data, m.start(), cut)


# The base64 of an image or a font starts with its format's magic: PNG, JPEG, GIF, WebP, ICO, TIFF (both byte
# orders); WOFF2, WOFF, TrueType, OpenType (an SVG's or a stylesheet's embedded font). So does the base64 of a
# program or an archive embedded in code (a module that uploads a tool, a deserialization test): a Windows
# executable (MZ), ELF, a Java class and a Java serialization stream, WebAssembly, gzip, zip, PDF (held-out 99:
# `EAAA…` read as a Facebook token, `BSA…` as a Brave key, inside the base64 of executables).
FILE_BASE64 = (
    b'iVBORw0KGgo', b'/9j/', b'R0lGOD', b'UklGR', b'AAABAA', b'SUkqAA', b'TU0AKg',
    b'd09GMg', b'd09GRg', b'AAEAAAA', b'T1RUTw',
    b'TVqQ', b'TVpQ', b'TVoA', b'f0VMRg', b'yv66vg', b'rO0AB', b'AGFzbQ', b'H4sI', b'UEsDB', b'JVBERi0',
)
_BASE64_BYTES = b'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'
_FILE_LOOKBACK = 1 << 22  # how far back a run is followed (embedded files are rarely larger)


def in_embedded_file(data: bytes, start: int) -> bool:
    """Whether ``start`` is inside the base64 of an embedded image, font, program or archive (a notebook's
    ``image/png`` output, a ``data:image/...;base64,`` or ``data:font/woff2;base64,`` URI, an executable in a
    string): a run of base64 characters, begun by the format's magic, that the match does not begin. Random
    bytes spell a token's prefix now and then."""
    if start == 0 or data[start - 1] not in _BASE64_BYTES:
        return False
    low = max(0, start - _FILE_LOOKBACK)
    begin = max(data.rfind(c, low, start) for c in (b'"', b"'", b',', b'\n', b' ', b'>', b'(', b'=')) + 1
    if begin <= low and low > 0:
        return False
    run = data[begin:start]
    return run.startswith(FILE_BASE64) and not run.translate(None, _BASE64_BYTES)


def confirm_context(data: bytes, ruleset: RuleSet, index: int, ends: list[int]) -> list[tuple[int, int, str]]:
    """Secrets of context rule ``index`` after its keywords, which end at ``ends``: (start, end, secret).

    The secret (the rule's shape between the token-run guards) must start at most ``window``
    bytes after a keyword's end, on the keyword's line or the next one.
    """
    rule = ruleset.rules[index]
    regex = ruleset.regex(index, data)
    out: list[tuple[int, int, str]] = []
    seen: set[tuple[int, int]] = set()
    size = len(data)
    for end in ends:
        if _MAPPING_HEADER.match(data, end):  # `datadog:` / `"datadog": {`: the block below is the vendor's
            for span, secret in _block_entries(data, end, ruleset, index):
                if span not in seen:
                    seen.add(span)
                    out.append((span[0], span[1], secret))
        limit = min(size, end + rule.window)  # the latest start
        first = data.find(b'\n', end, limit)
        if first != -1:
            second = data.find(b'\n', first + 1, limit)
            if second != -1:
                limit = second
        for m in regex.finditer(data, end, min(size, limit + rule.max_length + 1)):
            span = m.span('secret')
            if span[0] > limit:
                break
            if span in seen:
                continue
            seen.add(span)
            secret = m.group('secret').decode('utf-8', 'replace')
            if _accepted(ruleset, index, secret):
                out.append((span[0], span[1], secret))
    return out


# After a context keyword: the rest of its key, then a mapping that opens a block (YAML `datadog:`,
# JSON `"datadog": {`, TOML `[datadog]`), nothing else on the line.
_MAPPING_HEADER = LazyPattern(rb'''[\w.-]{0,40}["\']?[ \t]*(?::[ \t]*\{?|\])[ \t]*(?:#[^\n]*)?\r?(?:\n|\Z)''')
_BLOCK_ENTRY = LazyPattern(
    rb'''[ \t]*["\']?(?P<key>[\w.-]{1,80})["\']?[ \t]*[:=][ \t]*["\']?(?P<value>[^\s"\',}#]{1,512})["\']?[ \t]*,?[ \t]*(?:#[^\n]*)?\r?\Z'''
)
BLOCK_LINES = 30  # lines of a vendor's block read for its secrets


def _block_values(data: bytes, end: int, vocabulary: Vocabulary) -> Iterator[tuple[int, int]]:
    """(start, end) of the values in the block that a mapping header (on the line of ``end``) opens,
    under a key the generic key judge calls a secret: ``datadog:\n  site: x\n  api_key: <value>``
    (structure, not distance). An indented block (YAML, JSON) ends at a line indented no deeper than
    the header or at a closing brace; a TOML table (``[datadog]``) at the next table header."""
    from leakstop.generic.keys import judge_key
    header_start = data.rfind(b'\n', 0, end) + 1
    header = data[header_start:end]
    indent = len(header) - len(header.lstrip(b' \t'))
    table = header.lstrip(b' \t').startswith(b'[')
    pos = data.find(b'\n', end)
    for _ in range(BLOCK_LINES):
        if pos == -1:
            return
        start, pos = pos + 1, data.find(b'\n', pos + 1)
        line_end = len(data) if pos == -1 else pos
        line = data[start:line_end]
        stripped = line.strip()
        if not stripped or stripped.startswith(b'#'):
            continue
        if (stripped.startswith(b'[') if table else (
                len(line) - len(line.lstrip(b' \t')) <= indent or stripped in (b'}', b'},'))):
            return  # the block ended
        m = _BLOCK_ENTRY.match(line)
        if m is None or not judge_key(m.group('key').decode('ascii', 'replace'), vocabulary).kind:
            continue
        yield start + m.start('value'), start + m.end('value')


def _block_entries(data: bytes, end: int, ruleset: RuleSet, index: int) -> Iterator[tuple[tuple[int, int], str]]:
    """Entries of the block a context keyword opens (``_block_values``) whose value is the rule's shape."""
    regex = ruleset.regex(index, data)
    for value_start, value_end in _block_values(data, end, ruleset.vocabulary()):
        for v in regex.finditer(data, max(0, value_start - 1), value_end):
            span = v.span('secret')
            if span == (value_start, value_end):
                secret = v.group('secret').decode('utf-8', 'replace')
                if _accepted(ruleset, index, secret):
                    yield span, secret


# A line that opens a mapping block: YAML ``datadog:``, JSON ``"datadog": {``, TOML ``[tool.datadog]``.
_HEADER_LINE = LazyPattern(
    rb'''[ \t]*(?:-[ \t]+)?["\'\[]{0,2}(?P<key>[\w.-]{1,200})["\']?[ \t]*(?::[ \t]*\{?|\]\]?)[ \t]*(?:#[^\n]*)?\r?\Z'''
)


def _headers_above(data: bytes, pos: int) -> Iterator[tuple[int, bytes]]:
    """(end, key) of the mapping headers whose block holds offset ``pos``, nearest first, at most
    ``BLOCK_LINES`` lines up: each line indented less than the ones below it, and a TOML table header
    (which ends the look: its entries are not indented)."""
    line_start = data.rfind(b'\n', 0, pos) + 1
    line = data[line_start:pos]
    indent = len(line) - len(line.lstrip(b' \t'))
    end = line_start - 1  # the newline before the line looked at
    for _ in range(BLOCK_LINES):
        if end < 0:
            return
        start = data.rfind(b'\n', 0, end) + 1
        text, end = data[start:end], start - 1
        stripped = text.strip()
        if not stripped or stripped.startswith(b'#'):
            continue
        own = len(text) - len(text.lstrip(b' \t'))
        if stripped.startswith(b'['):
            m = _HEADER_LINE.match(text)
            if m is not None:
                yield start + len(text), m.group('key')
            return
        if own < indent:
            indent = own
            m = _HEADER_LINE.match(text)
            if m is not None:
                yield start + len(text), m.group('key')


def vendor_block_findings(data: bytes, ruleset: RuleSet, starts: Sequence[int], path: str = '') -> list[tuple[int, int, str, int]]:
    """Secrets of the rules tagged ``context`` in the blocks, holding offsets ``starts`` (the generic
    detector's findings), under a header that names their vendor (``RuleSet.named_vendors``):
    (start, end, secret, rule index). A value is one under a key that names a secret
    (``_block_values``) that the rule's value pattern (``block_value_pattern``) matches whole.

    Driven by the generic findings, not by a look for headers: one Hyperscan expression for the
    headers naming any of the 510 vendor words cost 11% of a source tree's scan (its literals alone),
    and a secret in such a block is one the generic detector reports."""
    out: list[tuple[int, int, str, int]] = []
    seen: set[int] = set()
    vocabulary = ruleset.vocabulary()
    for pos in starts:
        for end, key in _headers_above(data, pos):
            if end in seen:
                continue
            seen.add(end)
            indices = [i for i in ruleset.named_vendors(key) if ruleset.applies_to(i, path)]
            if not indices:
                continue
            for value_start, value_end in _block_values(data, end, vocabulary):
                for index in indices:
                    group = ruleset.rules[index].secret_group
                    v = ruleset.block_value(index).match(data, value_start, value_end)
                    if v is None or v.span(group) != (value_start, value_end):
                        continue
                    secret = v.group(group).decode('utf-8', 'replace')
                    if _accepted(ruleset, index, secret):
                        out.append((value_start, value_end, secret, index))
    return out


GENERIC_TAG = 'generic'
PASSWORD_TAG = 'password'  # a typed password: one that repeats a name of its line is a development default


def line_columns(data: bytes, starts: Sequence[int]) -> Iterator[tuple[int, int]]:
    """1-based (line, column in characters) of each of the ascending offsets ``starts``, counted
    from the previous one: linear however long a line is."""
    line, column, pos = 1, 1, 0
    for start in starts:
        newlines = data.count(b'\n', pos, start)
        if newlines:
            line += newlines
            pos = data.rfind(b'\n', pos, start) + 1
            column = 1
        column += len(data[pos:start].decode('utf-8', 'replace'))
        pos = start
        yield line, column


class SpanIndex:
    """Spans sorted by start, asked whether a span overlaps any of them (bisect and a running maximum
    of the ends: exact, whatever the spans' lengths)."""

    def __init__(self, spans: Sequence[tuple[int, int]]) -> None:
        self.starts = [s for s, _ in spans]
        self.max_end: list[int] = []
        for _, e in spans:
            self.max_end.append(max(e, self.max_end[-1]) if self.max_end else e)

    def overlaps(self, start: int, end: int) -> bool:
        k = bisect.bisect_left(self.starts, end)  # spans starting before this one ends
        return bool(k) and self.max_end[k - 1] > start


def _most_specific(raw: list[tuple[int, int, str, int]], rules: Sequence[Rule]) -> list[tuple[int, int, str, int]]:
    """Drop generic findings whose secret overlaps a vendor rule's finding: the most specific rule names it."""
    generic = [GENERIC_TAG in rules[i].tags for _, _, _, i in raw]
    if not any(generic) or all(generic):
        return raw
    specific = SpanIndex([(s, e) for (s, e, _, _), g in zip(raw, generic) if not g])  # sorted by start
    return [item for item, g in zip(raw, generic) if not (g and specific.overlaps(item[0], item[1]))]


def gate_open(data: bytes, literal: bytes, opened: dict[bytes, bool]) -> bool:
    """Whether the lowercase ``literal`` occurs in ``data``, in any case (remembered in ``opened``)."""
    found = opened.get(literal)
    if found is None:
        found = (
            literal in data or literal.upper() in data or literal.capitalize() in data
            or re.search(re.escape(literal), data, re.IGNORECASE) is not None
        )
        opened[literal] = found
    return found


def _without_typed_fixtures(raw: list[tuple[int, int, str, int]], ruleset: RuleSet) -> list[tuple[int, int, str, int]]:
    """In a test or documentation file, the password rules' findings (connection strings, URL user info,
    ConvertTo-SecureString: the rules whose validator judges the value as a password) weigh a short chosen
    password as the generic score does there: a fixture (``P@ssw0rd1``), not a secret."""
    from leakstop.generic.values import assigned_password, cisco_type7_password, junos9_password, url_password
    judges = {'assigned_password': assigned_password, 'url_password': url_password, 'cisco_type7': cisco_type7_password,
              'junos9': junos9_password}
    factor = ruleset.generic.human_in_tests_and_docs if ruleset.generic is not None else 1.0
    out = []
    for item in raw:
        judge = judges.get(ruleset.rules[item[3]].validator or '')
        if judge is None or judge(item[2], factor):
            out.append(item)
    return out


def _without_own_names(raw: list[tuple[int, int, str, int]], ruleset: RuleSet, data: bytes,
                       path: str) -> list[tuple[int, int, str, int]]:
    """The password rules' findings (connection strings, URL user info: the rules whose validator judges the value as a
    password) drop a password built from the names its own file and path use, as the generic detector does
    (``generic.built_from_its_names``: umbrel's ``postgresql://plane:umbrelplane@…``; held-out 102 and 103)."""
    from leakstop.generic import built_from_its_names
    out = []
    for item in raw:
        if ruleset.rules[item[3]].validator in ('assigned_password', 'url_password') and built_from_its_names(
                data, path, item[2]):
            continue
        out.append(item)
    return out


def scan_bytes(data: bytes, ruleset: RuleSet, path: str = '', *, views: list[bool] | None = None,
               base64_ends: list[int] | None = None) -> list[Finding]:
    """Every rule and the generic detector over ``data``: findings in file order, 1-based line and column.

    ``views``, if given, is set to which of ``VIEW_ANCHORS`` occur (all True without a database
    that holds them); ``base64_ends``, if given, gets the end of each match of the base64 view's anchor (none
    without such a database: the view looks for them itself).
    """
    raw: list[tuple[int, int, str, int]] = []
    hits: dict[int, list[int]] = {}
    generic_hit = counted = False
    if ruleset.database is not None:
        hits = ruleset.scan_hits(data, path)
        if views is not None:
            views[:] = [ruleset.view_base + k in hits for k in range(len(VIEW_ANCHORS))] if ruleset.generic else [True] * len(VIEW_ANCHORS)
        if base64_ends is not None and ruleset.generic:
            base64_ends.extend(hits.get(ruleset.view_base + VIEW_BASE64, ()))
        table = ruleset.keywords
        generic_base = ruleset.generic_base
        anchors: dict[int, list[int]] = {}  # context rule -> ends of its keywords
        opened: dict[bytes, bool] = {}  # gate literal -> present in data (caseless), asked once per file
        for index, ends in hits.items():
            if index < table.gate_base:
                gate = table.gates[index]
                if gate and not any(gate_open(data, table.gate_literals[g - table.gate_base], opened) for g in gate):
                    continue
                if ruleset.applies_to(index, path):
                    raw.extend((s, e, secret, index) for s, e, secret in confirm(data, ruleset, index, ends))
            elif index >= generic_base:
                generic_hit = generic_hit or index < ruleset.view_base
            elif index >= table.anchor_base:
                for rule_index in table.anchored[index - table.anchor_base]:
                    anchors.setdefault(rule_index, []).extend(ends)
        for index, ends in anchors.items():
            if ruleset.applies_to(index, path):
                ends = sorted(set(ends))
                raw.extend((s, e, secret, index) for s, e, secret in confirm_context(data, ruleset, index, ends))
        if raw and ruleset.generic is not None and file_kind(path).test_or_docs:
            raw = _without_typed_fixtures(raw, ruleset)
        if raw and ruleset.generic is not None:
            raw = _without_own_names(raw, ruleset, data, path)
            counted = True
        if raw:
            raw.sort()
            raw = _most_specific(raw, ruleset.rules)
    detections: list[Detection] = []
    if ruleset.generic is not None and (generic_hit or ruleset.database is None):
        anchor_ends = None if ruleset.database is None else [
            hits.get(ruleset.generic_base + k, []) for k in range(len(FAMILIES))
        ]
        detections = ruleset.generic.scan(data, path, ends=anchor_ends)
        if detections and ruleset.has_vendors:  # a secret in a vendor's block: the vendor's rule names it
            known = {(s, e, i) for s, e, _, i in raw}
            block = [item for item in vendor_block_findings(data, ruleset, [d.start for d in detections], path)
                     if (item[0], item[1], item[3]) not in known]
            if block:
                raw = _most_specific(sorted(raw + block), ruleset.rules)
    if counted:
        from leakstop.generic import forget_file
        forget_file()  # (the names _without_own_names counted: no file kept alive after its scan)
    if not raw and not detections:
        return []
    if detections and raw:
        taken = SpanIndex(sorted((s, e) for s, e, _, _ in raw))
        detections = [d for d in detections if not taken.overlaps(d.start, d.end)]
    items: list[tuple[int, int, str, int, Any]] = [(s, e, secret, i, None) for s, e, secret, i in raw]
    items.extend((d.start, d.end, d.secret, -1, d) for d in detections)
    items.sort(key=lambda item: (item[0], item[1]))
    findings: list[Finding] = []
    places = line_columns(data, [item[0] for item in items])
    for (start, end, secret, index, detection), (line, column) in zip(items, places):
        if detection is not None:
            findings.append(Finding(
                path=path, line=line, column=column, rule_id=detection.rule_id, description=detection.description,
                secret=secret, start=start, end=end, severity='medium', explain=detection.explain,
            ))
            continue
        rule = ruleset.rules[index]
        checksum = rule.validator in CHECKSUM_VALIDATORS
        made_up = checksum and rule.validator in MADE_UP_TOLERANT and not VALIDATORS[rule.validator](secret)
        findings.append(Finding(
            path=path, line=line, column=column, rule_id=rule.id,
            description=rule.description + MADE_UP_NOTE if made_up else rule.description,
            secret=secret, start=start, end=end, severity='medium' if made_up else rule.severity, revoke=rule.revoke,
            checksum=checksum and not made_up,
        ))
    return findings



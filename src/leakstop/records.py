"""The fields of the frozen records every hook uses: rules, findings, settings.

Named tuples, built cheaply. A warm hook on a handful of files runs in about 60 ms; frozen
dataclasses cost 15 ms of that (the ``dataclasses`` module and the ``inspect`` it imports, then the
code generated for each class), and ``typing.NamedTuple`` 130 µs a class: it checks each annotation
(and compiles a string one as a forward reference), builds a ``collections.namedtuple``, then
re-parents it (``__bases__``: every slot of the type recomputed). A ``Record`` is the same
``collections.namedtuple`` (fields, defaults, methods and docstring from the class body), built in
half the time, with the annotations left unevaluated; for mypy it is ``typing.NamedTuple``. The
module that owns a record subclasses these fields to add its methods (``class Rule(RuleFields)``),
and ``_replace`` stands in for ``dataclasses.replace``.
"""
from __future__ import annotations

import collections
import re
from typing import TYPE_CHECKING, Any, Callable, Mapping

if TYPE_CHECKING:  # pragma: no cover
    from typing import NamedTuple as Record

    from leakstop.allowlist import Allowlist, BuiltinAllowlist
    from leakstop.placeholders import PlaceholderShapes
    from leakstop.engine import Finding, RuleSet
    from leakstop.rules import NameRule, Rule
else:
    class _RecordType(type):
        """Makes each subclass of ``Record`` a ``collections.namedtuple`` of its annotated fields."""

        def __new__(mcs, name: str, bases: tuple[type, ...], namespace: dict[str, Any]) -> type:
            if not bases:  # Record itself
                return super().__new__(mcs, name, bases, namespace)
            fields = tuple(namespace.get('__annotations__', ()))
            defaulted = [f in namespace for f in fields]
            if defaulted != sorted(defaulted):  # as typing.NamedTuple refuses it (namedtuple would shift the defaults)
                raise TypeError(f'{name}: a field without a default follows one with a default')
            defaults = [namespace[f] for f in fields if f in namespace]
            cls = collections.namedtuple(name, fields, defaults=defaults, module=namespace['__module__'])
            for key, value in namespace.items():  # methods, properties, the docstring, __qualname__
                if key not in fields and key not in ('__module__', '__annotations__'):
                    setattr(cls, key, value)
            return cls

    class Record(metaclass=_RecordType):
        """The base of a record: ``class Finding(Record)`` with annotated fields, as ``typing.NamedTuple``."""

DEFAULT_MAX_LENGTH = 512  # bytes a pattern rule's match may span (its confirming window)
DEFAULT_WINDOW = 40  # bytes after a context rule's keyword where its secret may start


class RuleFields(Record):
    id: str
    description: str
    pattern: str
    secret_group: str = 'secret'
    keywords: tuple[str, ...] = ()
    min_entropy: float = 0.0
    validator: str | None = None
    max_length: int = DEFAULT_MAX_LENGTH
    severity: str = 'high'
    tags: tuple[str, ...] = ()
    paths: tuple[str, ...] = ()
    allow: tuple[str, ...] = ()
    examples: tuple[str, ...] = ()
    negatives: tuple[str, ...] = ()
    provider: str = ''  # the vendor that issues the credential
    revoke: str = ''  # the vendor's page for revoking or rotating it
    source: str = ''
    kind: str = 'pattern'  # or 'context': ``shape`` within ``window`` bytes after a keyword
    shape: str = ''
    window: int = DEFAULT_WINDOW


class NameRuleFields(Record):
    id: str
    description: str
    paths: tuple[str, ...]
    exclude: tuple[str, ...] = ()
    unless: str | None = None
    severity: str = 'high'
    path_examples: tuple[str, ...] = ()
    negative_path_examples: tuple[str, ...] = ()
    source: str = ''
    include_regex: re.Pattern[str] | None = None
    exclude_regex: re.Pattern[str] | None = None


class FileRules(Record):
    names: tuple[NameRule, ...]
    contents: tuple[Rule, ...]


class FindingFields(Record):
    path: str
    line: int
    column: int
    rule_id: str
    description: str
    secret: str  # in memory only; never written out whole
    start: int = 0  # byte offsets of the secret in the scanned data
    end: int = 0
    severity: str = 'high'
    commit: str = ''  # for history scans
    revoke: str = ''  # the rule's page for revoking / rotating the credential
    checksum: bool = False  # the secret passed a checksum validator: it was generated, not typed
    # generic detection: the features and the score (``--explain``); never the value itself
    explain: tuple[tuple[str, str], ...] = ()
    # a finding about a whole file (a credential file by name, a keystore by content, a .env): the SHA-256 of
    # the file's text (``engine.whole_file``), its identity in a baseline in place of a secret; never shown
    content: str = ''


class KeywordTable(Record):
    """The keyword literals of a rule list and their Hyperscan expression ids.

    Ids ``0 .. len(rules)-1`` are the pattern rules' own expressions; gate literal ``j`` (reported
    once per scan) has id ``gate_base + j``; anchor literal ``j`` (every occurrence) ``anchor_base + j``.
    """

    gate_literals: tuple[bytes, ...]
    anchor_literals: tuple[bytes, ...]
    gates: tuple[tuple[int, ...], ...]  # per rule: ids of its gate literals (empty: no gate)
    anchored: tuple[tuple[int, ...], ...]  # per anchor literal: the context rules it anchors
    gate_base: int
    anchor_base: int


class EntryFields(Record):
    path: str
    rule: str
    fingerprint: str
    line: int = 0
    status: str = 'unreviewed'


class PlaceholderShapesFields(Record):
    # searched one by one (a joined alternation would renumber backreferences), compiled on first
    # use (placeholders._compiled): a run without findings never compiles them
    short: tuple[str, ...]
    long: tuple[str, ...] = ()  # searched instead of `short` in values longer than placeholders.PLACEHOLDER_MAX


class BuiltinAllowlistFields(Record):
    known_examples: frozenset[str]
    placeholders: PlaceholderShapes  # leakstop.placeholders: the one home of placeholder shapes
    public: tuple[str, ...] = ()  # publishable keys, public by design (whole-secret matches)


_NO_RULES: Mapping[str, object] = {}  # never mutated: the default of the per-rule tables


class AllowlistFields(Record):
    builtin: BuiltinAllowlist
    paths: re.Pattern[str] | None = None
    values: tuple[re.Pattern[str], ...] = ()
    stopwords: tuple[str, ...] = ()
    disabled: frozenset[str] = frozenset()
    enabled_only: frozenset[str] | None = None  # ``enable_only``: every other rule is off (None: all on)
    per_rule_values: Mapping[str, tuple[re.Pattern[str], ...]] = _NO_RULES  # type: ignore[assignment]
    per_rule_paths: Mapping[str, re.Pattern[str]] = _NO_RULES  # type: ignore[assignment]


class Config(Record):
    source: str | None  # the file the settings came from, if any
    baseline: str
    allowlist: Allowlist
    custom_rules: tuple[Rule, ...] = ()


class ViewFields(Record):
    data: bytes
    text: bytes
    starts: tuple[int, ...]
    spans: tuple[tuple[int, int, bool], ...]  # (original start, original end, literal)


class FileResult(Record):
    path: str
    findings: tuple[Finding, ...] = ()
    error: str | None = None  # could not be scanned: reported, exit code 2
    skipped: str | None = None  # deliberately not scanned (binary, allowlisted path)


class Commit(Record):
    """What a history report says about the commit that added a finding."""

    sha: str
    date: str  # author date, ISO 8601
    subject: str = ''  # the first line of the message, any secret in it redacted
    message: bytes = b''  # a message in the log record (``LOG_FORMAT`` asks for none: history reads commit objects whole)


# --- the hooks' and the command's own records ---------------------------------------------------

class Scope(Record):
    """What ``leakstop scan`` reads: paths in the working tree, the index, or commits."""

    kind: str  # 'paths', 'staged', 'all' or 'history'
    paths: tuple[str, ...] = ()
    revisions: tuple[str, ...] = ()  # for 'history', in ``git log`` syntax


class IndexEntryFields(Record):
    path: str  # relative to the top of the repository, ``/``-separated
    mode: str
    sha: str  # ZERO_SHA when the index holds no single blob (an unmerged path)
    stage: int = 0


class FileChange(Record):
    """A path a commit changed: the blob each parent had there (``old``: one id per parent that had a
    file there; none if the commit created it) and the blob it wrote (``new``: '' if it wrote no file
    there: a deletion, a symlink, a submodule)."""

    path: str  # relative to the top of the repository
    old: tuple[str, ...]
    new: str


class DotenvEntry(Record):
    key: str
    value: str | None  # None for a bare ``KEY`` without ``=``
    line: int  # line of the key
    column: int  # column of the value's first character (after an opening quote); of the key if no value
    end_line: int  # line where the value ends (later than ``line`` for multi-line quoted values)
    quote: str = ''  # '', "'" or '"'
    exported: bool = False


class DotenvProblem(Record):
    line: int
    column: int
    message: str  # fixed text: nothing taken from the file


class Dotenv(Record):
    entries: tuple[DotenvEntry, ...]
    problems: tuple[DotenvProblem, ...]


class EnvSettings(Record):
    config: Config
    env: re.Pattern[str]
    envrc: re.Pattern[str]
    templates: re.Pattern[str]


class CredentialSettings(Record):
    config: Config
    names: tuple[NameRule, ...]
    ruleset: RuleSet
    binary_head: int = 0  # the first bytes of a file the ``binary`` content rules can match


class FileHookSettings(Record):
    """block-credential-files' and block-env-files' settings, as ``leakstop scan`` runs them."""

    credential: CredentialSettings
    env: EnvSettings
    names: Callable[[str], bool]  # whether either hook's globs name a normalized path (files.NameFilter)
    name_rules: frozenset[str]  # ids of the credential-file name rules (by name, not by content)
    ruleset: RuleSet  # the secret rules (block-env-files judges template values with them)


class Required(Record):
    line: str  # the .gitignore line to add
    probes: tuple[str, ...]  # top-level paths it must ignore (also probed one directory down)
    rule_id: str
    what: str


class IgnoreMatch(Record):
    ignored: bool
    source: str = ''  # where the deciding pattern is ('' when nothing matched)
    line: int = 0
    pattern: str = ''


class IgnorePattern(Record):
    line: int
    text: str
    negate: bool
    regex: re.Pattern[str]  # the path itself (a pattern with a trailing `/`: the directory's path)
    dir_only: bool = False  # a trailing `/`: matches directories only

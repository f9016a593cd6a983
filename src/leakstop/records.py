"""The fields of the frozen records every hook uses: rules, findings, settings.

``typing.NamedTuple`` classes in a module without ``from __future__ import annotations``, on
purpose. A warm hook on a handful of files runs in about 50 ms; frozen dataclasses cost 15 ms of
that (the ``dataclasses`` module and the ``inspect`` it imports, then the code generated for each
class), and NamedTuple with string annotations compiles each one as a forward reference. So the
annotations here are evaluated as they are (typing generics, which Python 3.9 reads too; a name
defined elsewhere stays a string, compiled once). The module that owns a record subclasses these
fields to add its methods (``class Rule(RuleFields)``), and ``_replace`` stands in for
``dataclasses.replace``.
"""
import re
from typing import TYPE_CHECKING, Callable, FrozenSet, Mapping, NamedTuple, Optional, Tuple

if TYPE_CHECKING:  # pragma: no cover
    from leakstop.allowlist import Allowlist, BuiltinAllowlist
    from leakstop.placeholders import PlaceholderShapes
    from leakstop.engine import Finding, RuleSet
    from leakstop.rules import NameRule, Rule

DEFAULT_MAX_LENGTH = 512  # bytes a pattern rule's match may span (its confirming window)
DEFAULT_WINDOW = 40  # bytes after a context rule's keyword where its secret may start


class RuleFields(NamedTuple):
    id: str
    description: str
    pattern: str
    secret_group: str = 'secret'
    keywords: Tuple[str, ...] = ()
    min_entropy: float = 0.0
    validator: Optional[str] = None
    max_length: int = DEFAULT_MAX_LENGTH
    severity: str = 'high'
    tags: Tuple[str, ...] = ()
    paths: Tuple[str, ...] = ()
    allow: Tuple[str, ...] = ()
    examples: Tuple[str, ...] = ()
    negatives: Tuple[str, ...] = ()
    provider: str = ''  # the vendor that issues the credential
    revoke: str = ''  # the vendor's page for revoking or rotating it
    source: str = ''
    kind: str = 'pattern'  # or 'context': ``shape`` within ``window`` bytes after a keyword
    shape: str = ''
    window: int = DEFAULT_WINDOW


class NameRuleFields(NamedTuple):
    id: str
    description: str
    paths: Tuple[str, ...]
    exclude: Tuple[str, ...] = ()
    unless: Optional[str] = None
    severity: str = 'high'
    path_examples: Tuple[str, ...] = ()
    negative_path_examples: Tuple[str, ...] = ()
    source: str = ''
    include_regex: Optional[re.Pattern[str]] = None
    exclude_regex: Optional[re.Pattern[str]] = None


class FileRules(NamedTuple):
    names: Tuple['NameRule', ...]
    contents: Tuple['Rule', ...]


class FindingFields(NamedTuple):
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
    explain: Tuple[Tuple[str, str], ...] = ()


class KeywordTable(NamedTuple):
    """The keyword literals of a rule list and their Hyperscan expression ids.

    Ids ``0 .. len(rules)-1`` are the pattern rules' own expressions; gate literal ``j`` (reported
    once per scan) has id ``gate_base + j``; anchor literal ``j`` (every occurrence) ``anchor_base + j``.
    """

    gate_literals: Tuple[bytes, ...]
    anchor_literals: Tuple[bytes, ...]
    gates: Tuple[Tuple[int, ...], ...]  # per rule: ids of its gate literals (empty: no gate)
    anchored: Tuple[Tuple[int, ...], ...]  # per anchor literal: the context rules it anchors
    gate_base: int
    anchor_base: int


class EntryFields(NamedTuple):
    path: str
    rule: str
    fingerprint: str
    line: int = 0
    status: str = 'unreviewed'


class PlaceholderShapesFields(NamedTuple):
    # searched one by one (a joined alternation would renumber backreferences), compiled on first
    # use (placeholders._compiled): a run without findings never compiles them
    short: Tuple[str, ...]
    long: Tuple[str, ...] = ()  # searched instead of `short` in values longer than placeholders.PLACEHOLDER_MAX


class BuiltinAllowlistFields(NamedTuple):
    known_examples: FrozenSet[str]
    placeholders: 'PlaceholderShapes'  # leakstop.placeholders: the one home of placeholder shapes
    public: Tuple[str, ...] = ()  # publishable keys, public by design (whole-secret matches)


_NO_RULES: Mapping[str, object] = {}  # never mutated: the default of the per-rule tables


class AllowlistFields(NamedTuple):
    builtin: 'BuiltinAllowlist'
    paths: Optional[re.Pattern[str]] = None
    values: Tuple[re.Pattern[str], ...] = ()
    stopwords: Tuple[str, ...] = ()
    disabled: FrozenSet[str] = frozenset()
    enabled_only: Optional[FrozenSet[str]] = None  # ``enable_only``: every other rule is off (None: all on)
    per_rule_values: Mapping[str, Tuple[re.Pattern[str], ...]] = _NO_RULES  # type: ignore[assignment]
    per_rule_paths: Mapping[str, re.Pattern[str]] = _NO_RULES  # type: ignore[assignment]


class Config(NamedTuple):
    source: Optional[str]  # the file the settings came from, if any
    baseline: str
    allowlist: 'Allowlist'
    custom_rules: Tuple['Rule', ...] = ()


class ViewFields(NamedTuple):
    data: bytes
    text: bytes
    starts: Tuple[int, ...]
    spans: Tuple[Tuple[int, int, bool], ...]  # (original start, original end, literal)


class FileResult(NamedTuple):
    path: str
    findings: Tuple['Finding', ...] = ()
    error: Optional[str] = None  # could not be scanned: reported, exit code 2
    skipped: Optional[str] = None  # deliberately not scanned (binary, allowlisted path)


class Commit(NamedTuple):
    """What a history report says about the commit that added a finding."""

    sha: str
    date: str  # author date, ISO 8601
    subject: str = ''  # the first line of the message, any secret in it redacted


# --- the hooks' and the command's own records ---------------------------------------------------

class Scope(NamedTuple):
    """What ``leakstop scan`` reads: paths in the working tree, the index, or commits."""

    kind: str  # 'paths', 'staged', 'all' or 'history'
    paths: Tuple[str, ...] = ()
    revisions: Tuple[str, ...] = ()  # for 'history', in ``git log`` syntax


class IndexEntryFields(NamedTuple):
    path: str  # relative to the top of the repository, ``/``-separated
    mode: str
    sha: str  # ZERO_SHA when the index holds no single blob (an unmerged path)
    stage: int = 0


class FileChange(NamedTuple):
    """A path a commit changed: the blob each parent had there (``old``: one id per parent that had a
    file there; none if the commit created it) and the blob it wrote (``new``: '' if it wrote no file
    there: a deletion, a symlink, a submodule)."""

    path: str  # relative to the top of the repository
    old: Tuple[str, ...]
    new: str


class DotenvEntry(NamedTuple):
    key: str
    value: Optional[str]  # None for a bare ``KEY`` without ``=``
    line: int  # line of the key
    column: int  # column of the value's first character (after an opening quote); of the key if no value
    end_line: int  # line where the value ends (later than ``line`` for multi-line quoted values)
    quote: str = ''  # '', "'" or '"'
    exported: bool = False


class DotenvProblem(NamedTuple):
    line: int
    column: int
    message: str  # fixed text: nothing taken from the file


class Dotenv(NamedTuple):
    entries: Tuple[DotenvEntry, ...]
    problems: Tuple[DotenvProblem, ...]


class EnvSettings(NamedTuple):
    config: Config
    env: re.Pattern[str]
    envrc: re.Pattern[str]
    templates: re.Pattern[str]


class CredentialSettings(NamedTuple):
    config: Config
    names: Tuple['NameRule', ...]
    ruleset: 'RuleSet'
    binary_head: int = 0  # the first bytes of a file the ``binary`` content rules can match


class FileHookSettings(NamedTuple):
    """block-credential-files' and block-env-files' settings, as ``leakstop scan`` runs them."""

    credential: CredentialSettings
    env: EnvSettings
    names: Callable[[str], bool]  # whether either hook's globs name a normalized path (files.NameFilter)
    name_rules: FrozenSet[str]  # ids of the credential-file name rules (by name, not by content)
    ruleset: 'RuleSet'  # the secret rules (block-env-files judges template values with them)


class Required(NamedTuple):
    line: str  # the .gitignore line to add
    probes: Tuple[str, ...]  # top-level paths it must ignore (also probed one directory down)
    rule_id: str
    what: str


class IgnoreMatch(NamedTuple):
    ignored: bool
    source: str = ''  # where the deciding pattern is ('' when nothing matched)
    line: int = 0
    pattern: str = ''


class IgnorePattern(NamedTuple):
    line: int
    text: str
    negate: bool
    regex: re.Pattern[str]

"""Rules are data: TOML files by family, loaded and validated into frozen ``Rule`` objects.

A rules file holds ``[[rules]]`` tables::

    [[rules]]
    id = "github-pat-classic"                # unique, lowercase, dash separated
    description = "GitHub personal access token (classic)"
    pattern = '''(?<![A-Za-z0-9_])(?P<secret>ghp_[A-Za-z0-9]{36})(?![A-Za-z0-9_])'''
    validator = "github_checksum"            # optional, a key of leakstop.validators.VALIDATORS
    min_entropy = 3.0                        # optional, bits per character of the secret
    max_length = 256                         # optional, longest match in bytes (default 512)
    secret_group = "secret"                  # optional, default "secret"
    keywords = ["ghp_"]                      # optional: literals (caseless), one of which must occur
                                             # in the scanned data for the rule to report (a prefilter)
    severity = "high"                        # optional: high (default), medium, low
    tags = ["github"]                        # optional
    paths = ["*.tf"]                         # optional: only files matching these globs
    allow = ['^ghp_0{36}$']                  # optional: secrets matching these regexes pass
    examples = ['token = "ghp_..."']         # each must be reported by this rule
    negatives = ['token = "ghp_xxxx"']       # none may be reported by this rule
    provider = "GitHub"                      # optional: the vendor (groups `rules list`, the README table)
    revoke = "https://docs.github.com/..."   # optional: where to revoke / rotate it (shown in reports)

A context rule (``kind = "context"``) has no pattern: a value of ``shape`` that starts within
``window`` bytes after one of its ``keywords`` (caseless), on the keyword's line or the next::

    [[rules]]
    id = "datadog-api-key"
    description = "Datadog API key"
    kind = "context"
    keywords = ["datadog", "dd_api_key"]     # required: the anchors
    shape = '''[a-f0-9]{32}'''               # the secret alone, bounded repeats only ({m,n}, not +/*)
    window = 40                              # optional, default 40

The engine guards the shape so the secret is not part of a longer run of token characters
(``CONTEXT_BEFORE`` / ``CONTEXT_AFTER``) and computes ``max_length`` (keyword + window + shape).

Patterns are Python regular expressions over bytes that Hyperscan also accepts in
prefilter mode (no backreferences, no possessive quantifiers, no conditionals).
"""
from __future__ import annotations

import os
import re
from typing import Any, Iterable, Mapping, Sequence

from leakstop.cache import load_toml, toml_error
from leakstop.errors import FatalError, regex_error
from leakstop.records import DEFAULT_MAX_LENGTH, DEFAULT_WINDOW, NameRuleFields, RuleFields
from leakstop.records import FileRules as FileRules
from leakstop.validators import VALIDATORS
from leakstop.regex import LazyPattern
from leakstop.files import copied_from

RULES_DIR = os.path.dirname(os.path.abspath(__file__))
SEVERITIES = ('high', 'medium', 'low')
ID_RE = LazyPattern(r'[a-z0-9]+(?:-[a-z0-9]+)*\Z')
KINDS = ('pattern', 'context')
MAX_WINDOW = 1024
# A context rule's secret is not part of a longer run of token characters: not preceded by a
# letter, digit or one of ``_+/-`` (``=`` may precede it: ``KEY=value``), not followed by one of
# them or ``=`` (base64 padding). Hex inside a longer hex or base64 run is not a secret of its own.
CONTEXT_BEFORE = r'(?<![A-Za-z0-9_+/-])'
CONTEXT_AFTER = r'(?![A-Za-z0-9_+/=-])'


class Rule(RuleFields):
    __slots__ = ()

    @property
    def is_context(self) -> bool:
        return self.kind == 'context'


_REQUIRED = {'id': str, 'description': str}
_OPTIONAL: dict[str, Any] = {
    'pattern': str, 'secret_group': str, 'keywords': list, 'min_entropy': (int, float), 'validator': str,
    'max_length': int, 'severity': str, 'tags': list, 'paths': list, 'allow': list,
    'examples': list, 'negatives': list, 'kind': str, 'shape': str, 'window': int, 'provider': str,
    'revoke': str,
}


def context_pattern(shape: str) -> str:
    """The regex a context rule's secret must match: ``shape`` between the token-run guards."""
    return f'{CONTEXT_BEFORE}(?P<secret>{shape}){CONTEXT_AFTER}'


def shape_width(shape: str) -> tuple[int, int] | None:
    """(shortest, longest) match of ``shape`` in characters, None when unbounded or invalid."""
    try:
        from re import _parser as parser  # type: ignore[attr-defined]
    except ImportError:  # pragma: no cover (Python < 3.11)
        import sre_parse as parser
    try:
        low, high = parser.parse(shape).getwidth()
    except Exception:
        return None
    return None if high >= parser.MAXREPEAT else (int(low), int(high))


def context_max_length(keywords: Sequence[str], window: int, shape: str) -> int:
    """Longest span from a keyword's start to its secret's end, in bytes (shape characters may be UTF-8)."""
    width = shape_width(shape)
    longest = width[1] if width else DEFAULT_MAX_LENGTH
    return max((len(k.encode()) for k in keywords), default=0) + window + 4 * longest


def _str_tuple(value: list[Any], where: str, key: str) -> tuple[str, ...]:
    if not all(isinstance(v, str) for v in value):
        raise FatalError(f'{where}: {key}: expected a list of strings')
    return tuple(value)


def nested_repeat(pattern: str) -> str | None:
    """The first repeat of a variable-length repeat in ``pattern`` (``(?:a+)+``, ``(\\w+\\s?)*``), or None.

    Such nesting lets a backtracking regex engine try exponentially many ways to split the
    same text. Hyperscan is linear whatever the pattern, but every candidate is confirmed by
    Python's backtracking engine, bounded in length (``max_length``) and not in time, so rules
    from configuration must not nest repeats. (Built-in rules are reviewed and tested against
    adversarial input instead.)
    """
    try:
        from re import _parser as parser  # type: ignore[attr-defined]
    except ImportError:  # pragma: no cover (Python < 3.11)
        import sre_parse as parser
    repeats = {parser.MAX_REPEAT, parser.MIN_REPEAT}
    try:
        tree = parser.parse(pattern)
    except Exception:  # invalid patterns are reported by the compile check
        return None

    def walk(items: Any, inside: bool) -> str | None:
        for op, arg in items:
            if op in repeats:
                low, high, sub = arg
                variable = high != low
                if inside and variable:
                    return f'{{{low},{"" if high == parser.MAXREPEAT else high}}}'
                found = walk(sub, inside or high > 1)
                if found:
                    return found
            elif op is parser.SUBPATTERN:
                found = walk(arg[-1], inside)
                if found:
                    return found
            elif op is parser.BRANCH:
                for branch in arg[1]:
                    found = walk(branch, inside)
                    if found:
                        return found
            elif op in (parser.ASSERT, parser.ASSERT_NOT):
                found = walk(arg[1], inside)
                if found:
                    return found
        return None

    return walk(tree, False)


def rule_from_table(table: Mapping[str, Any], where: str, *, require_examples: bool = True, checked: bool = False) -> Rule:
    """Validate one ``[[rules]]`` table; ``where`` prefixes every error (``file: rule-id``).

    ``checked``: the table passed this validation when its file was first read (settings read back
    from the cache): its regular expressions are not compiled again here (the engine compiles them)."""
    rule_id = table.get('id')
    if isinstance(rule_id, str):
        where = f'{where}: {rule_id}'
    for key, typ in _REQUIRED.items():
        if key not in table:
            raise FatalError(f'{where}: missing required key {key!r}')
        if not isinstance(table[key], typ):
            raise FatalError(f'{where}: {key}: expected a string')
    kind = table.get('kind', 'pattern')
    if kind not in KINDS:
        raise FatalError(f'{where}: kind: must be one of {", ".join(KINDS)}')
    need, refuse = (('keywords', 'shape'), ('pattern', 'secret_group', 'max_length')) if kind == 'context' else (('pattern',), ('shape', 'window'))
    for key in need:
        if key not in table:
            raise FatalError(f'{where}: missing required key {key!r}' + (' (a context rule)' if kind == 'context' else ''))
    for key in refuse:
        if key in table:
            raise FatalError(f'{where}: {key}: not for a {kind} rule')
    unknown = sorted(set(table) - set(_REQUIRED) - set(_OPTIONAL))
    if unknown:
        raise FatalError(f'{where}: unknown key {unknown[0]!r}')
    for key, typ in _OPTIONAL.items():
        if key in table and (not isinstance(table[key], typ) or isinstance(table[key], bool)):
            raise FatalError(f'{where}: {key}: wrong type {type(table[key]).__name__}')
    if not ID_RE.match(table['id']):
        raise FatalError(f'{where}: id: use lowercase letters, digits and dashes')

    kwargs: dict[str, Any] = {k: table[k] for k in ('id', 'description')}
    for key in ('keywords', 'tags', 'paths', 'allow', 'examples', 'negatives'):
        if key in table:
            kwargs[key] = _str_tuple(table[key], where, key)
    for key in ('pattern', 'secret_group', 'validator', 'severity', 'max_length', 'kind', 'shape', 'window', 'provider', 'revoke'):
        if key in table:
            kwargs[key] = table[key]
    if 'min_entropy' in table:
        kwargs['min_entropy'] = float(table['min_entropy'])
    for keyword in kwargs.get('keywords', ()):
        if not keyword.strip():
            raise FatalError(f'{where}: keywords: an empty keyword would match everywhere')
    if AT_KEYWORDS_TAG in kwargs.get('tags', ()) and not kwargs.get('keywords'):
        raise FatalError(f'{where}: tags: {AT_KEYWORDS_TAG!r} needs keywords (the rule is looked for from them)')
    if kind == 'context':
        shape = kwargs['shape']
        if not kwargs['keywords']:
            raise FatalError(f'{where}: keywords: a context rule needs at least one')
        if not 0 <= kwargs.get('window', DEFAULT_WINDOW) <= MAX_WINDOW:
            raise FatalError(f'{where}: window: must be between 0 and {MAX_WINDOW}')
        try:
            named = re.compile(shape).groupindex
        except (re.error, OverflowError, RecursionError) as e:
            raise FatalError(f'{where}: shape: {regex_error(e)}') from None
        if named:
            raise FatalError(f'{where}: shape: no named groups (the whole shape is the secret)')
        try:
            re.compile(context_pattern(shape).encode())
        except (re.error, UnicodeEncodeError, OverflowError, RecursionError) as e:
            raise FatalError(f'{where}: shape: cannot be embedded between the guards ({regex_error(e)}): scope flags as (?i:...)') from None
        width = shape_width(shape)
        if width is None:
            raise FatalError(f'{where}: shape: must be bounded (use {{m,n}}, not + or *)')
        if width[0] == 0:
            raise FatalError(f'{where}: shape: must not match the empty string')
        if width[1] > 4096:
            raise FatalError(f'{where}: shape: matches up to {width[1]} characters (at most 4096)')
        kwargs['pattern'] = context_pattern(shape)
        kwargs['max_length'] = context_max_length(kwargs['keywords'], kwargs.get('window', DEFAULT_WINDOW), shape)
    rule = Rule(**kwargs, source=where.split(': ')[0])
    if checked:
        return rule
    try:
        regex = re.compile(rule.pattern.encode())
    except (re.error, UnicodeEncodeError, OverflowError, RecursionError) as e:  # a{99999999999}; deep nesting
        raise FatalError(f'{where}: pattern: {regex_error(e)}') from None
    if rule.secret_group not in regex.groupindex:
        raise FatalError(f'{where}: pattern has no group named {rule.secret_group!r}')
    if rule.validator is not None and rule.validator not in VALIDATORS:
        raise FatalError(f'{where}: validator: unknown {rule.validator!r} (known: {", ".join(sorted(VALIDATORS))})')
    if rule.severity not in SEVERITIES:
        raise FatalError(f'{where}: severity: must be one of {", ".join(SEVERITIES)}')
    if not 1 <= rule.max_length <= 1 << 20:
        raise FatalError(f'{where}: max_length: must be between 1 and 1048576')
    for i, allow in enumerate(rule.allow):
        try:
            re.compile(allow)
        except (re.error, OverflowError, RecursionError) as e:  # not quoted: it is often the very secret to allow
            raise FatalError(f'{where}: allow[{i}]: invalid regular expression: {regex_error(e)}') from None
    if rule.paths:
        from leakstop.files import compile_globs, glob_names_nothing
        for i, glob in enumerate(rule.paths):
            if glob_names_nothing(glob):
                raise FatalError(f'{where}: paths[{i}]: empty glob: it names no file')
        try:
            compile_globs(rule.paths)  # compiled again, lazily, by the engine: fail here, not mid-scan
        except re.error as e:
            raise FatalError(f'{where}: paths: {regex_error(e)}') from None
    if require_examples and not (rule.examples and rule.negatives):
        raise FatalError(f'{where}: needs at least one example and one negative')
    return rule


def load_rules_file(path: str, *, require_examples: bool = True) -> list[Rule]:
    try:
        doc = load_toml(path)
    except OSError as e:
        raise FatalError(f'{path}: cannot read: {e.strerror}') from None
    except UnicodeDecodeError:
        raise FatalError(f'{path}: invalid TOML: not UTF-8') from None
    except toml_error() as e:
        raise FatalError(f'{path}: invalid TOML: {e}') from None
    tables = doc.get('rules', [])
    if set(doc) - {'rules'} or not isinstance(tables, list):
        raise FatalError(f'{path}: expected only [[rules]] tables')
    return [
        rule_from_table(t, f'{path}: rules[{i}]' if 'id' not in t else path, require_examples=require_examples)
        for i, t in enumerate(tables)
    ]


def builtin_rule_files() -> list[str]:
    return sorted(
        os.path.join(RULES_DIR, name) for name in os.listdir(RULES_DIR) if name.endswith('.toml')
    )


def check_unique(rules: Sequence[Rule]) -> None:
    seen: dict[str, str] = {}
    for rule in rules:
        if rule.id in seen:
            raise FatalError(f'{rule.source}: {rule.id}: duplicate rule id (also in {seen[rule.id]})')
        seen[rule.id] = rule.source


def load_rules(paths: Iterable[str] | None = None) -> list[Rule]:
    """Load and validate rule files (the built-in ones by default)."""
    rules: list[Rule] = []
    for path in builtin_rule_files() if paths is None else paths:
        rules.extend(load_rules_file(path))
    check_unique(rules)
    return rules


# ---------------------------------------------------------------------------------------------
# File rules: files that are credentials by name or by content (``rules/files/*.toml``).
#
# The secret-rule loader above reads only ``rules/*.toml``; file rules live one directory down
# and have two kinds of tables::
#
#     [[names]]                                 # matched against the path, never the content
#     id = "ssh-private-key-file"
#     description = "SSH private key"
#     paths = ["id_rsa", "id_rsa[-_]*"]         # gitignore-style globs, file names only
#     exclude = ["*.pub"]                       # optional: globs that never match
#     unless = "placeholder-values"             # optional: a content check that lets the file pass
#     severity = "high"                         # optional
#     path_examples = ["deploy/id_rsa"]         # each must match
#     negative_path_examples = ["id_rsa.pub"]   # none may match
#
#     [[contents]]                              # a Rule (same keys as [[rules]]), scanned over
#     id = "java-keystore"                      # the file's bytes by the same engine
#     tags = ["binary"]                         # binary: examples are hex, findings are file-level
#     ...                                       # structure: placeholder shapes do not apply
# ---------------------------------------------------------------------------------------------

FILE_RULES_DIR = os.path.join(RULES_DIR, 'files')
CREDENTIAL_FILE_RULES = os.path.join(FILE_RULES_DIR, 'credential_files.toml')
# Content checks a name rule may name in ``unless`` (implemented by the block-credential-files hook).
NAME_RULE_EXEMPTIONS = frozenset({'placeholder-values', 'no-inline-kube-credentials', 'truststore', 'ini-placeholder-values'})
BINARY_TAG = 'binary'  # the match is binary structure: hex examples, file-level findings
STRUCTURE_TAG = 'structure'  # the match is a validated file structure: placeholder shapes do not apply
# Hyperscan looks for the rule's keywords alone and its pattern confirms within max_length of each, before or after:
# for a secret that may stand before its keyword (a JWK's "d" sorted before "kty"), whose pattern then starts from
# a literal found everywhere ("d": a fifth of the main database's time, engine.database_expressions)
AT_KEYWORDS_TAG = 'at-keywords'


class NameRule(NameRuleFields):
    __slots__ = ()

    def matches(self, path: str) -> bool:
        """Whether the normalized ``path`` has a name this rule refuses, or is a copy of one by its name
        (``id_rsa~``, ``credentials copy.json``: ``files.copied_from``; tenth hostile review, 09)."""
        if self.names_exactly(path):
            return True
        copy = copied_from(path)
        return copy is not None and self.names_exactly(copy)

    def names_exactly(self, path: str) -> bool:
        """Whether the normalized ``path`` itself has a name this rule refuses (a copy's name not read as one)."""
        return (
            self.include_regex is not None and self.include_regex.match(path) is not None
            and not (self.exclude_regex is not None and self.exclude_regex.match(path) is not None)
        )


_NAME_KEYS: dict[str, Any] = {
    'id': str, 'description': str, 'paths': list, 'exclude': list, 'unless': str, 'severity': str,
    'path_examples': list, 'negative_path_examples': list,
}


def name_globs(patterns: Sequence[str], where: str, key: str) -> re.Pattern[str] | None:
    """File-name globs compiled (``files.compile_globs(below=False)``); a bad one is a FatalError.

    Caseless: on macOS and Windows ``ID_RSA``, ``.ENV`` and ``Credentials.json`` are the very
    files ``id_rsa``, ``.env`` and ``credentials.json`` (and a Linux user copying them keeps them).
    """
    from leakstop.files import compile_globs, glob_names_nothing
    for pattern in patterns:
        if glob_names_nothing(pattern) or pattern.startswith('!'):
            raise FatalError(f'{where}: {key}: {pattern!r}: expected a glob (negate with exclude)')
    try:
        regex = compile_globs(patterns, below=False)
        return None if regex is None else re.compile(regex.pattern, re.IGNORECASE)
    except re.error as e:
        raise FatalError(f'{where}: {key}: {regex_error(e)}') from None


def name_rule_from_table(table: Mapping[str, Any], where: str, *, require_examples: bool = True) -> NameRule:
    """Validate one ``[[names]]`` table; ``where`` prefixes every error (``file: rule-id``)."""
    rule_id = table.get('id')
    if isinstance(rule_id, str):
        where = f'{where}: {rule_id}'
    for key in ('id', 'description', 'paths'):
        if key not in table:
            raise FatalError(f'{where}: missing required key {key!r}')
    unknown = sorted(set(table) - set(_NAME_KEYS))
    if unknown:
        raise FatalError(f'{where}: unknown key {unknown[0]!r}')
    for key, typ in _NAME_KEYS.items():
        if key in table and not isinstance(table[key], typ):
            raise FatalError(f'{where}: {key}: wrong type {type(table[key]).__name__}')
    if not ID_RE.match(table['id']):
        raise FatalError(f'{where}: id: use lowercase letters, digits and dashes')
    lists = {k: _str_tuple(table.get(k, []), where, k) for k in ('paths', 'exclude', 'path_examples', 'negative_path_examples')}
    if not lists['paths']:
        raise FatalError(f'{where}: paths: needs at least one glob')
    unless = table.get('unless')
    if unless is not None and unless not in NAME_RULE_EXEMPTIONS:
        raise FatalError(f'{where}: unless: unknown {unless!r} (known: {", ".join(sorted(NAME_RULE_EXEMPTIONS))})')
    severity = table.get('severity', 'high')
    if severity not in SEVERITIES:
        raise FatalError(f'{where}: severity: must be one of {", ".join(SEVERITIES)}')
    if require_examples and not (lists['path_examples'] and lists['negative_path_examples']):
        raise FatalError(f'{where}: needs at least one path_example and one negative_path_example')
    return NameRule(
        id=table['id'], description=table['description'], unless=unless, severity=severity,
        source=where.split(': ')[0], **lists,
        include_regex=name_globs(lists['paths'], where, 'paths'),
        exclude_regex=name_globs(lists['exclude'], where, 'exclude') if lists['exclude'] else None,
    )


def example_bytes(rule: Rule, example: str) -> bytes:
    """A content rule's example as bytes: hex for ``binary`` rules, else UTF-8."""
    if BINARY_TAG in rule.tags:
        return bytes.fromhex(''.join(example.split()))
    return example.encode()


def content_rule_from_table(table: Mapping[str, Any], where: str) -> Rule:
    rule = rule_from_table(table, where)
    if BINARY_TAG in rule.tags:
        for example in rule.examples + rule.negatives:
            try:
                example_bytes(rule, example)
            except ValueError:
                raise FatalError(f'{where}: {rule.id}: binary rule: examples must be hex ({example[:20]!r}…)') from None
    return rule


# What a content rule takes from the built-in secret rule it names in ``same_as``: the same key is then found by
# both hooks from one pattern (issue 13 case 13: base64 DER and base64 PEM keys, which only scan-secrets found)
SAME_AS_KEYS = ('pattern', 'validator', 'max_length', 'keywords', 'examples', 'negatives')


def _same_as(table: Mapping[str, Any], where: str) -> Mapping[str, Any]:
    """``table`` with what ``same_as`` takes from its built-in secret rule (its own keys win)."""
    rule_id = table.get('same_as')
    if rule_id is None:
        return table
    for path in builtin_rule_files():
        for base in load_toml(path).get('rules', []):
            if isinstance(base, dict) and base.get('id') == rule_id:
                merged = {k: base[k] for k in SAME_AS_KEYS if k in base}
                merged.update((k, v) for k, v in table.items() if k != 'same_as')
                return merged
    raise FatalError(f'{where}: same_as: no built-in rule has the id {rule_id!r}')


def load_file_rules(path: str = CREDENTIAL_FILE_RULES) -> FileRules:
    """Load and validate a file-rules TOML file: ``[[names]]`` and ``[[contents]]`` tables."""
    try:
        doc = load_toml(path)
    except OSError as e:
        raise FatalError(f'{path}: cannot read: {e.strerror}') from None
    except UnicodeDecodeError:
        raise FatalError(f'{path}: invalid TOML: not UTF-8') from None
    except toml_error() as e:
        raise FatalError(f'{path}: invalid TOML: {e}') from None
    names, contents = doc.get('names', []), doc.get('contents', [])
    if set(doc) - {'names', 'contents'} or not isinstance(names, list) or not isinstance(contents, list):
        raise FatalError(f'{path}: expected only [[names]] and [[contents]] tables')
    for kind, tables in (('names', names), ('contents', contents)):
        for i, t in enumerate(tables):
            if not isinstance(t, dict):
                raise FatalError(f'{path}: {kind}[{i}]: expected a table')

    def where(kind: str, i: int, t: Mapping[str, Any]) -> str:
        return path if isinstance(t.get('id'), str) else f'{path}: {kind}[{i}]'

    name_rules = tuple(name_rule_from_table(t, where('names', i, t)) for i, t in enumerate(names))
    content_rules = tuple(
        content_rule_from_table(_same_as(t, where('contents', i, t)), where('contents', i, t)) for i, t in enumerate(contents)
    )
    seen: set[str] = set()
    for rule_id in [r.id for r in name_rules] + [r.id for r in content_rules]:
        if rule_id in seen:
            raise FatalError(f'{path}: {rule_id}: duplicate rule id')
        seen.add(rule_id)
    return FileRules(names=name_rules, contents=content_rules)


# ---------------------------------------------------------------------------------------------
# Keyword gates: a pattern rule's keywords must not hide its matches.
# ---------------------------------------------------------------------------------------------

_EXACT_MAX = 64  # strings a node may stand for before it counts as "anything"


def keywords_required(pattern: str, keywords: Sequence[str]) -> bool:
    """Whether every match of ``pattern`` contains one of ``keywords`` (caseless).

    A conservative analysis of the parsed regex (as RE2's prefilter builds required literals):
    ``True`` proves the keyword gate never drops a match the pattern makes; ``False`` means a
    match without any keyword may exist (or the analysis could not tell). Lookarounds count:
    gitleaks' semantics is "a keyword anywhere in the scanned data".
    """
    try:
        from re import _parser as parser  # type: ignore[attr-defined]
        from re import _constants as const  # type: ignore[attr-defined]
    except ImportError:  # pragma: no cover (Python < 3.11)
        import sre_parse as parser
        import sre_constants as const
    lowered = [k.lower() for k in keywords if k]
    if not lowered:
        return False

    def covered(strings: set[str]) -> bool:
        return all(any(k in s for k in lowered) for s in strings)

    def exact(items: Any) -> set[str] | None:
        """Every string ``items`` (a sequence of nodes) can match, lowercased; None when too many."""
        out = {''}
        for op, arg in items:
            one = exact_node(op, arg)
            if one is None:
                return None
            out = {a + b for a in out for b in one}
            if len(out) > _EXACT_MAX:
                return None
        return out

    def exact_node(op: Any, arg: Any) -> set[str] | None:
        if op is const.LITERAL:
            return {chr(arg).lower()}
        if op in (const.AT, const.ASSERT_NOT):
            return {''}
        if op is const.SUBPATTERN:
            return exact(arg[-1])
        if op is const.BRANCH:
            out: set[str] = set()
            for branch in arg[1]:
                one = exact(branch)
                if one is None:
                    return None
                out |= one
            return out if len(out) <= _EXACT_MAX else None
        if op is const.IN:
            chars: set[str] = set()
            for iop, iarg in arg:
                if iop is const.LITERAL:
                    chars.add(chr(iarg).lower())
                elif iop is const.RANGE and iarg[1] - iarg[0] < 8:
                    chars |= {chr(c).lower() for c in range(iarg[0], iarg[1] + 1)}
                else:
                    return None
            return chars
        if op in (const.MAX_REPEAT, const.MIN_REPEAT):
            low, high, sub = arg
            if high > 2:
                return None
            one = exact(sub)
            if one is None:
                return None
            out = {''} if low == 0 else set()
            if low <= 1 <= high:
                out |= one
            if high == 2:
                out |= {a + b for a in one for b in one}
            return out if len(out) <= _EXACT_MAX else None
        return None

    def required(items: Any, prefix: set[str] | None = None) -> bool:
        """Every match of the sequence ``items``, after one of the strings ``prefix``, contains a keyword.

        (The parser moves a common prefix out of alternatives: ``hapikey|hubspot`` is
        ``h(?:apikey|ubspot)``, so a branch is judged with the exact run before it.)
        """
        run: set[str] = prefix or {''}  # consecutive exact nodes, joined: a keyword may span them
        for op, arg in items:
            if required_node(op, arg, run):
                return True
            one = exact_node(op, arg)
            if one is None:
                run = {''}
                continue
            joined = {a + b for a in run for b in one}
            run = one if len(joined) > _EXACT_MAX else joined
            if covered(run):
                return True
        return False

    def required_node(op: Any, arg: Any, prefix: set[str]) -> bool:
        if op is const.SUBPATTERN:
            return required(arg[-1], prefix)
        if op is const.ASSERT:
            return required(arg[1])
        if op is const.BRANCH:
            return all(required(branch, prefix) for branch in arg[1])
        if op in (const.MAX_REPEAT, const.MIN_REPEAT):
            return bool(arg[0] >= 1 and required(arg[2]))
        one = exact_node(op, arg)
        return one is not None and covered(one)

    try:
        tree = parser.parse(pattern)
    except Exception:
        return False
    return required(tree)


# ---------------------------------------------------------------------------------------------
# Providers: rules grouped by vendor (``leakstop rules list``, the README's table).
# ---------------------------------------------------------------------------------------------

NO_PROVIDER = 'Formats without a provider'


def literal_runs(pattern: str, group: str) -> frozenset[str]:
    """The fixed text in what ``group`` of ``pattern`` matches (the whole match without such a group):
    each run of literal characters, spelled every way its alternatives and optional parts allow
    (``(?:ghp|gho)_`` gives ``ghp_`` and ``gho_``; ``-----BEGIN (?:RSA )?PRIVATE KEY-----`` both
    headers), and the runs inside alternatives too. What every secret of a kind holds is among them:
    a token's prefix, a key's armor. ``frozenset()`` for a pattern that does not parse."""
    try:
        from re import _parser as parser  # type: ignore[attr-defined]
        from re import _constants as const  # type: ignore[attr-defined]
    except ImportError:  # pragma: no cover (Python < 3.11)
        import sre_parse as parser
        import sre_constants as const
    try:
        tree = parser.parse(pattern)
    except Exception:
        return frozenset()
    repeats = (const.MAX_REPEAT, const.MIN_REPEAT)

    def find(items: Any, index: int) -> Any:
        for op, arg in items:
            if op is const.SUBPATTERN and arg[0] == index:
                return arg[-1]
            subs = (arg[1] if op is const.BRANCH else [arg[2]] if op in repeats else [arg[-1]]
                    if op in (const.SUBPATTERN, const.ASSERT, const.ASSERT_NOT) else [])
            for sub in subs:
                found = find(sub, index)
                if found is not None:
                    return found
        return None

    index = tree.state.groupdict.get(group)
    items = (find(tree, index) if index is not None else None) or tree
    out: set[str] = set()

    def run_of(items: Any) -> tuple[set[str], bool]:
        """How the sequence ``items`` can start (its first run of fixed text, every spelling) and whether
        that is all of it; each later run goes to ``out`` (a first run belongs to the text before it)."""
        run: set[str] = {''}
        lead: set[str] | None = None
        for op, arg in items:
            one, whole = node(op, arg)
            if len(run) * len(one) > _EXACT_MAX:
                one, whole = {''}, False
            run = {a + b for a in run for b in one}
            if not whole:
                if lead is None:
                    lead = run
                else:
                    out.update(run)
                run = {''}
        if lead is None:
            return run, True
        out.update(run)
        return lead, False

    def node(op: Any, arg: Any) -> tuple[set[str], bool]:
        if op is const.LITERAL:
            return {chr(arg)}, True
        if op in (const.AT, const.ASSERT, const.ASSERT_NOT):  # zero width: nothing of the secret
            return {''}, True
        if op is const.SUBPATTERN:
            return run_of(arg[-1])
        if op is const.BRANCH:
            branches = [run_of(branch) for branch in arg[1]]
            return set().union(*(one for one, _ in branches)), all(whole for _, whole in branches)
        if op is const.IN and len(arg) <= 4 and all(iop is const.LITERAL for iop, _ in arg):
            return {chr(iarg) for _, iarg in arg}, True
        if op in repeats:
            low, high, sub = arg
            one, whole = run_of(sub)
            if whole and high <= 1:
                return (one | {''} if low == 0 else one), True
            if whole and low == high and len(one) ** low <= _EXACT_MAX:
                spelled = {''}
                for _ in range(low):
                    spelled = {a + b for a in spelled for b in one}
                return spelled, True
            return (one if low > 0 else {''}), False
        return {''}, False

    out.update(run_of(items)[0])
    return frozenset(out)


def by_provider(rules: Iterable[Rule]) -> list[tuple[str, list[Rule]]]:
    """(provider, its rules sorted by id), providers in case-insensitive order; rules without a
    provider (key formats, connection strings, generic assignments) last, under ``NO_PROVIDER``."""
    groups: dict[str, list[Rule]] = {}
    for rule in rules:
        groups.setdefault(rule.provider, []).append(rule)
    named = sorted((p for p in groups if p), key=lambda p: (p.casefold(), p))
    out = [(p, sorted(groups[p], key=lambda r: r.id)) for p in named]
    if '' in groups:
        out.append((NO_PROVIDER, sorted(groups[''], key=lambda r: r.id)))
    return out


def _markdown_cell(text: str) -> str:
    from leakstop.report import printable  # (a custom rule's description: no control character reaches output)
    return printable(text.replace('|', '\\|').replace('\n', ' '))


def providers_markdown(rules: Sequence[Rule]) -> str:
    """The Markdown table of covered providers: rules, what they detect, where to revoke."""
    from urllib.parse import urlsplit
    groups = by_provider(rules)
    named = [(p, rs) for p, rs in groups if p != NO_PROVIDER]
    other = sum(len(rs) for p, rs in groups if p == NO_PROVIDER)
    lines = [
        f'{sum(len(rs) for _, rs in named)} rules for {len(named)} providers, and {other} rules for formats '
        'without a provider (private keys, connection strings, password hashes, generic assignments).',
        '',
        '| Provider | Rules | Detects | Revoke or rotate |',
        '|---|---:|---|---|',
    ]
    for provider, group in named:
        descriptions = ', '.join(sorted({r.description for r in group}, key=str.casefold))
        pages = sorted({r.revoke for r in group if r.revoke})
        links = ', '.join(f'[{urlsplit(u).netloc or u}]({u})' for u in pages)
        lines.append(f'| {_markdown_cell(provider)} | {len(group)} | {_markdown_cell(descriptions)} | {links} |')
    return '\n'.join(lines) + '\n'

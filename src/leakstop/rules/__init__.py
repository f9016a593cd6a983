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
    keywords = ["ghp_"]                      # optional, documentation of the literal anchors
    severity = "high"                        # optional: high (default), medium, low
    tags = ["github"]                        # optional
    paths = ["*.tf"]                         # optional: only files matching these globs
    allow = ['^ghp_0{36}$']                  # optional: secrets matching these regexes pass
    examples = ['token = "ghp_..."']         # each must be reported by this rule
    negatives = ['token = "ghp_xxxx"']       # none may be reported by this rule
    provider = "GitHub"                      # optional: the vendor that issues the credential
    revoke = "https://docs.github.com/..."   # optional: the vendor's page for revoking/rotating it

Patterns are Python regular expressions over bytes that Hyperscan also accepts in
prefilter mode (no backreferences, no possessive quantifiers, no conditionals).
"""
from __future__ import annotations

import dataclasses
import os
import re
from typing import Any, Iterable, Mapping, Sequence

from leakstop.cache import load_toml, toml_error
from leakstop.errors import FatalError
from leakstop.validators import VALIDATORS
from leakstop.regex import LazyPattern

RULES_DIR = os.path.dirname(os.path.abspath(__file__))
SEVERITIES = ('high', 'medium', 'low')
ID_RE = LazyPattern(r'[a-z0-9]+(?:-[a-z0-9]+)*\Z')
DEFAULT_MAX_LENGTH = 512


@dataclasses.dataclass(frozen=True)
class Rule:
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


_REQUIRED = {'id': str, 'description': str, 'pattern': str}
_OPTIONAL: dict[str, Any] = {
    'secret_group': str, 'keywords': list, 'min_entropy': (int, float), 'validator': str,
    'max_length': int, 'severity': str, 'tags': list, 'paths': list, 'allow': list,
    'examples': list, 'negatives': list, 'provider': str, 'revoke': str,
}


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


def rule_from_table(table: Mapping[str, Any], where: str, *, require_examples: bool = True) -> Rule:
    """Validate one ``[[rules]]`` table; ``where`` prefixes every error (``file: rule-id``)."""
    rule_id = table.get('id')
    if isinstance(rule_id, str):
        where = f'{where}: {rule_id}'
    for key, typ in _REQUIRED.items():
        if key not in table:
            raise FatalError(f'{where}: missing required key {key!r}')
        if not isinstance(table[key], typ):
            raise FatalError(f'{where}: {key}: expected a string')
    unknown = sorted(set(table) - set(_REQUIRED) - set(_OPTIONAL))
    if unknown:
        raise FatalError(f'{where}: unknown key {unknown[0]!r}')
    for key, typ in _OPTIONAL.items():
        if key in table and (not isinstance(table[key], typ) or isinstance(table[key], bool)):
            raise FatalError(f'{where}: {key}: wrong type {type(table[key]).__name__}')
    if not ID_RE.match(table['id']):
        raise FatalError(f'{where}: id: use lowercase letters, digits and dashes')

    kwargs: dict[str, Any] = {k: table[k] for k in ('id', 'description', 'pattern')}
    for key in ('keywords', 'tags', 'paths', 'allow', 'examples', 'negatives'):
        if key in table:
            kwargs[key] = _str_tuple(table[key], where, key)
    for key in ('secret_group', 'validator', 'severity', 'max_length', 'provider', 'revoke'):
        if key in table:
            kwargs[key] = table[key]
    if 'min_entropy' in table:
        kwargs['min_entropy'] = float(table['min_entropy'])
    rule = Rule(**kwargs, source=where.split(': ')[0])

    try:
        regex = re.compile(rule.pattern.encode())
    except (re.error, UnicodeEncodeError, OverflowError, RecursionError) as e:  # a{99999999999}; deep nesting
        raise FatalError(f'{where}: pattern: {e}') from None
    if rule.secret_group not in regex.groupindex:
        raise FatalError(f'{where}: pattern has no group named {rule.secret_group!r}')
    if rule.validator is not None and rule.validator not in VALIDATORS:
        raise FatalError(f'{where}: validator: unknown {rule.validator!r} (known: {", ".join(sorted(VALIDATORS))})')
    if rule.severity not in SEVERITIES:
        raise FatalError(f'{where}: severity: must be one of {", ".join(SEVERITIES)}')
    if not 1 <= rule.max_length <= 1 << 20:
        raise FatalError(f'{where}: max_length: must be between 1 and 1048576')
    for allow in rule.allow:
        try:
            re.compile(allow)
        except (re.error, OverflowError, RecursionError) as e:
            raise FatalError(f'{where}: allow: {allow!r}: {e}') from None
    if rule.paths:
        from leakstop.files import compile_globs
        try:
            compile_globs(rule.paths)  # compiled again, lazily, by the engine: fail here, not mid-scan
        except re.error as e:
            raise FatalError(f'{where}: paths: {e}') from None
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
NAME_RULE_EXEMPTIONS = frozenset({'placeholder-values', 'no-inline-kube-credentials'})
BINARY_TAG = 'binary'  # the match is binary structure: hex examples, file-level findings
STRUCTURE_TAG = 'structure'  # the match is a validated file structure: placeholder shapes do not apply


@dataclasses.dataclass(frozen=True)
class NameRule:
    id: str
    description: str
    paths: tuple[str, ...]
    exclude: tuple[str, ...] = ()
    unless: str | None = None
    severity: str = 'high'
    path_examples: tuple[str, ...] = ()
    negative_path_examples: tuple[str, ...] = ()
    source: str = ''
    include_regex: re.Pattern[str] | None = dataclasses.field(default=None, repr=False, compare=False)
    exclude_regex: re.Pattern[str] | None = dataclasses.field(default=None, repr=False, compare=False)

    def matches(self, path: str) -> bool:
        """Whether the normalized ``path`` has a name this rule refuses."""
        return (
            self.include_regex is not None and self.include_regex.match(path) is not None
            and not (self.exclude_regex is not None and self.exclude_regex.match(path) is not None)
        )


@dataclasses.dataclass(frozen=True)
class FileRules:
    names: tuple[NameRule, ...]
    contents: tuple[Rule, ...]


_NAME_KEYS: dict[str, Any] = {
    'id': str, 'description': str, 'paths': list, 'exclude': list, 'unless': str, 'severity': str,
    'path_examples': list, 'negative_path_examples': list,
}


def name_globs(patterns: Sequence[str], where: str, key: str) -> re.Pattern[str] | None:
    """File-name globs compiled (``files.compile_globs(below=False)``); a bad one is a FatalError."""
    from leakstop.files import compile_globs
    for pattern in patterns:
        if not pattern or pattern.startswith('!'):
            raise FatalError(f'{where}: {key}: {pattern!r}: expected a glob (negate with exclude)')
    try:
        return compile_globs(patterns, below=False)
    except re.error as e:
        raise FatalError(f'{where}: {key}: {e}') from None


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
    content_rules = tuple(content_rule_from_table(t, where('contents', i, t)) for i, t in enumerate(contents))
    seen: set[str] = set()
    for rule_id in [r.id for r in name_rules] + [r.id for r in content_rules]:
        if rule_id in seen:
            raise FatalError(f'{path}: {rule_id}: duplicate rule id')
        seen.add(rule_id)
    return FileRules(names=name_rules, contents=content_rules)

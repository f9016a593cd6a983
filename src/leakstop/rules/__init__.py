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

Patterns are Python regular expressions over bytes that Hyperscan also accepts in
prefilter mode (no backreferences, no possessive quantifiers, no conditionals).
"""
from __future__ import annotations

import dataclasses
import os
import re
import sys
from typing import Any, Iterable, Mapping, Sequence

from leakstop.errors import FatalError
from leakstop.validators import VALIDATORS

if sys.version_info >= (3, 11):  # pragma: no cover
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

RULES_DIR = os.path.dirname(os.path.abspath(__file__))
SEVERITIES = ('high', 'medium', 'low')
ID_RE = re.compile(r'[a-z0-9]+(?:-[a-z0-9]+)*\Z')
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
    source: str = ''


_REQUIRED = {'id': str, 'description': str, 'pattern': str}
_OPTIONAL: dict[str, Any] = {
    'secret_group': str, 'keywords': list, 'min_entropy': (int, float), 'validator': str,
    'max_length': int, 'severity': str, 'tags': list, 'paths': list, 'allow': list,
    'examples': list, 'negatives': list,
}


def _str_tuple(value: list[Any], where: str, key: str) -> tuple[str, ...]:
    if not all(isinstance(v, str) for v in value):
        raise FatalError(f'{where}: {key}: expected a list of strings')
    return tuple(value)


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
    for key in ('secret_group', 'validator', 'severity', 'max_length'):
        if key in table:
            kwargs[key] = table[key]
    if 'min_entropy' in table:
        kwargs['min_entropy'] = float(table['min_entropy'])
    rule = Rule(**kwargs, source=where.split(': ')[0])

    try:
        regex = re.compile(rule.pattern.encode())
    except (re.error, UnicodeEncodeError) as e:
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
        except re.error as e:
            raise FatalError(f'{where}: allow: {allow!r}: {e}') from None
    if require_examples and not (rule.examples and rule.negatives):
        raise FatalError(f'{where}: needs at least one example and one negative')
    return rule


def load_rules_file(path: str, *, require_examples: bool = True) -> list[Rule]:
    try:
        with open(path, 'rb') as f:
            doc = tomllib.load(f)
    except OSError as e:
        raise FatalError(f'{path}: cannot read: {e.strerror}') from None
    except tomllib.TOMLDecodeError as e:
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

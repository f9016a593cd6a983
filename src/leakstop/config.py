"""The settings of one run, read from ``.leakstop.toml`` or ``[tool.leakstop]`` in ``pyproject.toml``.

Schema (every key optional)::

    baseline = ".leakstop-baseline.json"   # the reviewed findings (default shown)
    disable = ["rule-id", ...]             # rules that never report

    [allowlist]                            # [tool.leakstop.allowlist] in pyproject.toml
    paths = ["tests/fixtures/**"]          # gitignore-style globs
    values = ["^AKIA[A-Z0-9]{12}TEST$"]    # regexes searched in the secret
    stopwords = ["dummy"]                  # substrings (case-insensitive) of the secret

    [allowlist.rules.generic-password]     # per-rule allowlist
    paths = ["docs/**"]
    values = ["^hunter2$"]

    [[rules]]                              # custom rules, same schema as the built-in ones
    id = "acme-api-key"
    ...
"""
from __future__ import annotations

import dataclasses
import os
import re
from typing import Any, Mapping

from leakstop.allowlist import Allowlist, BuiltinAllowlist
from leakstop.cache import cache_dir, cached, file_signature, load_toml, toml_error
from leakstop.errors import FatalError
from leakstop.files import compile_globs, read_own_file
from leakstop.rules import Rule, nested_repeat, rule_from_table

DEFAULT_BASELINE = '.leakstop-baseline.json'
CONFIG_NAMES = ('.leakstop.toml', 'pyproject.toml')
KEYS = ('baseline', 'disable', 'allowlist', 'rules')


@dataclasses.dataclass(frozen=True)
class Config:
    source: str | None  # the file the settings came from, if any
    baseline: str
    allowlist: Allowlist
    custom_rules: tuple[Rule, ...] = ()


def _expect(value: Any, typ: type | tuple[type, ...], where: str, what: str) -> Any:
    if not isinstance(value, typ) or isinstance(value, bool) and typ is not bool:
        raise FatalError(f'{where}: expected {what}')
    return value


def _str_list(table: Mapping[str, Any], key: str, where: str) -> list[str]:
    value = table.get(key, [])
    _expect(value, list, f'{where}.{key}', 'a list of strings')
    for item in value:
        _expect(item, str, f'{where}.{key}', 'a list of strings')
    return list(value)


def _shown(name: str) -> str:
    """A key taken from the settings file, as an error may show it (a token pasted as a key is redacted)."""
    from leakstop.report import display_name  # only on the error path: report imports the pipeline
    return display_name(name)


def _regexes(table: Mapping[str, Any], key: str, where: str) -> tuple[re.Pattern[str], ...]:
    out = []
    for i, pattern in enumerate(_str_list(table, key, where)):
        try:
            out.append(re.compile(pattern))
        except (re.error, OverflowError, RecursionError) as e:  # a{99999999999}; 2,000 nested groups
            # the pattern is not quoted: an allowlist value is often the very secret to allow
            raise FatalError(f'{where}.{key}[{i}]: invalid regular expression: {e}') from None
    return tuple(out)


def _globs(table: Mapping[str, Any], key: str, where: str) -> re.Pattern[str] | None:
    patterns = _str_list(table, key, where)
    try:
        return compile_globs(patterns)
    except (re.error, OverflowError, RecursionError) as e:  # a bad range: [z-a]
        raise FatalError(f'{where}.{key}: {e}') from None


def config_from_table(table: Mapping[str, Any], where: str, source: str | None) -> Config:
    """Validate the settings table; ``where`` is its location for errors (``pyproject.toml: tool.leakstop``)."""
    unknown = sorted(set(table) - set(KEYS))
    if unknown:
        raise FatalError(f'{where}: unknown key {_shown(unknown[0])!r} (known: {", ".join(sorted(KEYS))})')
    baseline = _expect(table.get('baseline', DEFAULT_BASELINE), str, f'{where}.baseline', 'a path')

    allow = _expect(table.get('allowlist', {}), dict, f'{where}.allowlist', 'a table')
    awhere = f'{where}.allowlist'
    unknown = sorted(set(allow) - {'paths', 'values', 'stopwords', 'rules'})
    if unknown:
        raise FatalError(f'{awhere}: unknown key {_shown(unknown[0])!r} (known: paths, values, stopwords, rules)')
    per_rule_values, per_rule_paths = {}, {}
    for rule_id, rtable in _expect(allow.get('rules', {}), dict, f'{awhere}.rules', 'a table').items():
        rwhere = f'{awhere}.rules.{_shown(rule_id)}'
        _expect(rtable, dict, rwhere, 'a table')
        unknown = sorted(set(rtable) - {'paths', 'values'})
        if unknown:
            raise FatalError(f'{rwhere}: unknown key {_shown(unknown[0])!r} (known: paths, values)')
        per_rule_values[rule_id] = _regexes(rtable, 'values', rwhere)
        paths = _globs(rtable, 'paths', rwhere)
        if paths is not None:
            per_rule_paths[rule_id] = paths

    custom = []
    for i, rtable in enumerate(_expect(table.get('rules', []), list, f'{where}.rules', 'an array of tables')):
        _expect(rtable, dict, f'{where}.rules[{i}]', 'a table')
        rule = rule_from_table(rtable, f'{where}.rules[{i}]', require_examples=False)
        nested = nested_repeat(rule.pattern)
        if nested is not None:
            raise FatalError(
                f'{where}.rules[{i}]: {rule.id}: pattern nests a repeat ({nested}) inside another: it could take '
                f'exponential time on hostile input; rewrite it without nested repeats (e.g. (?:ab+)+ -> a[ab]*b)',
            )
        custom.append(rule)

    allowlist = Allowlist(
        builtin=BuiltinAllowlist.load(),
        paths=_globs(allow, 'paths', awhere),
        values=_regexes(allow, 'values', awhere),
        stopwords=tuple(w.lower() for w in _str_list(allow, 'stopwords', awhere)),
        disabled=frozenset(_str_list(table, 'disable', where)),
        per_rule_values=per_rule_values,
        per_rule_paths=per_rule_paths,
    )
    return Config(source=source, baseline=baseline, allowlist=allowlist, custom_rules=tuple(custom))


def _settings_only(table: Any) -> Any:
    """The settings of a table: values of unknown keys dropped (their names kept for the error)."""
    return {k: v if k in KEYS else None for k, v in table.items()} if isinstance(table, dict) else table


def _leakstop_table(doc: dict[str, Any]) -> dict[str, Any]:
    """``{'tool': {'leakstop': ...}}`` of a parsed pyproject.toml ({} without one)."""
    tool = doc.get('tool')
    return {'tool': {'leakstop': _settings_only(tool['leakstop'])}} if isinstance(tool, dict) and 'leakstop' in tool else {}


def _read_toml(path: str, *, pyproject: bool = False) -> dict[str, Any]:
    """A settings file parsed, from the cache while it is unchanged. Only the settings are kept
    (and cached): the rest of a pyproject.toml, or a file passed to --config by mistake (a .env),
    may hold credentials."""
    keep = _leakstop_table if pyproject else _settings_only
    try:
        return cached('pyproject' if pyproject else 'config', file_signature(path), lambda: keep(load_toml(path)),
                      valid=lambda v: isinstance(v, dict), directory=cache_dir())
    except OSError as e:
        raise FatalError(f'{path}: cannot read: {e.strerror}') from None
    except UnicodeDecodeError:
        raise FatalError(f'{path}: invalid TOML: not UTF-8') from None
    except toml_error() as e:
        raise FatalError(f'{path}: invalid TOML: {e}') from None
    except RecursionError:
        raise FatalError(f'{path}: invalid TOML: nested too deeply') from None


def _mentions_leakstop(path: str) -> bool:
    """Cheap check before parsing a pyproject.toml that most likely has no [tool.leakstop]."""
    try:
        return b'leakstop' in read_own_file(path)
    except OSError:
        return True  # let _read_toml report it


def load_config(path: str | None = None, *, directory: str = '.') -> Config:
    """Settings from ``path``, else the first of ``.leakstop.toml`` / ``pyproject.toml`` in ``directory``."""
    if path is None:
        for name in CONFIG_NAMES:
            candidate = os.path.join(directory, name)
            if os.path.lexists(candidate):  # a link to a device or a FIFO is an error, not no settings
                if name == 'pyproject.toml' and not _mentions_leakstop(candidate):
                    continue
                doc = _read_toml(candidate, pyproject=name == 'pyproject.toml')
                if name == 'pyproject.toml':
                    doc = doc.get('tool', {}).get('leakstop')
                    if doc is None:
                        continue
                    return config_from_table(_expect(doc, dict, f'{name}: tool.leakstop', 'a table'), f'{name}: tool.leakstop', candidate)
                return config_from_table(doc, name, candidate)
        return config_from_table({}, '(defaults)', None)
    pyproject = os.path.basename(path) == 'pyproject.toml'
    doc = _read_toml(path, pyproject=pyproject)
    if pyproject:
        where = f'{path}: tool.leakstop'
        return config_from_table(_expect(doc.get('tool', {}).get('leakstop', {}), dict, where, 'a table'), where, path)
    return config_from_table(doc, path, path)

"""Everything that lets a finding pass before the baseline is consulted.

Inline pragmas (``leakstop: allow``, ``leakstop: allow-next-line`` and detect-secrets'
``pragma: allowlist secret`` / ``pragma: allowlist nextline secret``, in any comment
syntax), path globs, value regexes, stopwords, disabled rules and per-rule
allowlists from configuration, and the shipped data: public example credentials
and placeholder shapes.
"""
from __future__ import annotations

import dataclasses
import os
import re
from typing import Iterable

from leakstop.cache import cache_dir, cached_toml
from leakstop.engine import Finding
from leakstop.regex import LazyPattern

DATA_FILE = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'data', 'allowlist.toml')

_SAME_LINE = LazyPattern(rb'leakstop:\s*allow(?![-\w])|pragma:\s*allowlist[ \t]+secret', re.I)
_NEXT_LINE = LazyPattern(rb'leakstop:\s*allow-next-line|pragma:\s*allowlist[ \t]+nextline[ \t]+secret', re.I)
_ANY_PRAGMA = LazyPattern(rb'leakstop:\s*allow|pragma:\s*allowlist', re.I)


def _line_bounds(data: bytes, offset: int) -> tuple[int, int]:
    start = data.rfind(b'\n', 0, offset) + 1
    end = data.find(b'\n', offset)
    return start, len(data) if end == -1 else end


def inline_allowed(data: bytes, start: int, end: int) -> bool:
    """A pragma on a line the secret touches, or a next-line pragma on the line before it."""
    line_start, _ = _line_bounds(data, start)
    _, line_end = _line_bounds(data, max(start, end - 1))
    if _SAME_LINE.search(data, line_start, line_end):
        return True
    if line_start == 0:
        return False
    prev_start, prev_end = _line_bounds(data, line_start - 1)
    return bool(_NEXT_LINE.search(data, prev_start, prev_end))


@dataclasses.dataclass(frozen=True)
class BuiltinAllowlist:
    known_examples: frozenset[str]
    # searched one by one (a joined alternation would renumber backreferences), compiled by
    # the re module's cache on first use: a run without findings never compiles them
    placeholders: tuple[str, ...]
    public: tuple[str, ...] = ()  # publishable keys, public by design (whole-secret matches)
    long_value_placeholders: tuple[str, ...] = ()  # searched instead of `placeholders` in long values

    @classmethod
    def load(cls, path: str = DATA_FILE) -> BuiltinAllowlist:
        doc = cached_toml(path, directory=cache_dir())
        return cls(
            known_examples=frozenset(doc['known_examples']),
            placeholders=tuple(doc['placeholders']),
            public=tuple(doc.get('public', ())),
            long_value_placeholders=tuple(doc.get('long_value_placeholders', ())),
        )


PLACEHOLDER_MAX = 200  # longer values are key material (PEM bodies), where `todo` or `xxxx` occur by chance


def is_placeholder(value: str, builtin: BuiltinAllowlist) -> bool:
    value = value.strip().strip('\'"`')
    if len(value) > PLACEHOLDER_MAX:
        return any(re.search(p, value, re.I) for p in builtin.long_value_placeholders)
    return any(re.search(p, value, re.I) for p in builtin.placeholders)


@dataclasses.dataclass(frozen=True)
class Allowlist:
    """The allowlist for one run: shipped data plus the user's configuration."""

    builtin: BuiltinAllowlist
    paths: re.Pattern[str] | None = None
    values: tuple[re.Pattern[str], ...] = ()
    stopwords: tuple[str, ...] = ()
    disabled: frozenset[str] = frozenset()
    per_rule_values: dict[str, tuple[re.Pattern[str], ...]] = dataclasses.field(default_factory=dict)
    per_rule_paths: dict[str, re.Pattern[str]] = dataclasses.field(default_factory=dict)

    def path_allowed(self, path: str) -> bool:
        return self.paths is not None and self.paths.match(path) is not None

    def value_allowed(self, finding: Finding, *, placeholders: bool = True) -> bool:
        """Config and shipped rules about the secret itself (not its position).

        ``placeholders=False`` skips the placeholder shapes: for matches that are file
        structures (a validated PEM body, keystore magic bytes), where a shape such as
        ``todo`` or ``xxxx`` occurring by chance inside base64 says nothing.
        """
        secret = finding.secret
        if finding.rule_id in self.disabled:
            return True
        if secret in self.builtin.known_examples or placeholders and is_placeholder(secret, self.builtin):
            return True
        if any(re.match(p, secret) for p in self.builtin.public):
            return True
        lowered = secret.lower()
        if any(word in lowered for word in self.stopwords):
            return True
        if any(rx.search(secret) for rx in self.values):
            return True
        if any(rx.search(secret) for rx in self.per_rule_values.get(finding.rule_id, ())):
            return True
        rule_paths = self.per_rule_paths.get(finding.rule_id)
        return rule_paths is not None and rule_paths.match(finding.path) is not None

    def filter(self, data: bytes, findings: Iterable[Finding], *, placeholders: bool = True) -> list[Finding]:
        """Findings that no allowlist covers (``placeholders``: as in ``value_allowed``)."""
        pragmas = _ANY_PRAGMA.search(data) is not None
        return [
            f for f in findings
            if not self.value_allowed(f, placeholders=placeholders)
            and not (pragmas and inline_allowed(data, f.start, f.end))
        ]

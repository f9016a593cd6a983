"""Regular expressions compiled on first use.

Module-level patterns cost compile time on every import; most runs of a hook use only a
few of them (validators run only on candidate secrets, pragma patterns only in files with
findings). ``LazyPattern`` stands in for ``re.compile(...)`` and compiles when first used.
"""
from __future__ import annotations

import re
from typing import Any, AnyStr, Generic


class LazyPattern(Generic[AnyStr]):
    """``re.compile(pattern, flags)`` on first use. The pattern's methods are then bound to slots of
    this object, so a call in a hot loop (``finditer`` per anchor hit) costs no ``__getattr__``."""
    __slots__ = ('_args', '_compiled', 'match', 'search', 'fullmatch', 'finditer', 'findall', 'sub', 'split')

    def __init__(self, pattern: AnyStr, flags: int = 0) -> None:
        self._args: tuple[AnyStr, int] = (pattern, flags)
        self._compiled: re.Pattern[AnyStr] | None = None

    @property
    def compiled(self) -> re.Pattern[AnyStr]:
        if self._compiled is None:
            compiled = self._compiled = re.compile(*self._args)
            for name in _BOUND:
                object.__setattr__(self, name, getattr(compiled, name))
        return self._compiled

    def __getattr__(self, name: str) -> Any:  # before the first use: match, search, ...; always: pattern, flags
        return getattr(self.compiled, name)


_BOUND = ('match', 'search', 'fullmatch', 'finditer', 'findall', 'sub', 'split')

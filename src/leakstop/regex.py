"""Regular expressions compiled on first use.

Module-level patterns cost compile time on every import; most runs of a hook use only a
few of them (validators run only on candidate secrets, pragma patterns only in files with
findings). ``LazyPattern`` stands in for ``re.compile(...)`` and compiles when first used.
"""
from __future__ import annotations

import re
from typing import Any, AnyStr, Generic


class LazyPattern(Generic[AnyStr]):
    __slots__ = ('_args', '_compiled')

    def __init__(self, pattern: AnyStr, flags: int = 0) -> None:
        self._args: tuple[AnyStr, int] = (pattern, flags)
        self._compiled: re.Pattern[AnyStr] | None = None

    @property
    def compiled(self) -> re.Pattern[AnyStr]:
        if self._compiled is None:
            self._compiled = re.compile(*self._args)
        return self._compiled

    def __getattr__(self, name: str) -> Any:  # match, search, fullmatch, finditer, sub, pattern, ...
        return getattr(self.compiled, name)

"""Regular expressions compiled on first use.

Module-level patterns cost compile time on every import; most runs of a hook use only a
few of them (validators run only on candidate secrets, pragma patterns only in files with
findings). ``LazyPattern`` stands in for ``re.compile(...)`` and compiles when first used.

Python's ``re`` parses and compiles a pattern in Python code, and a hook's process starts anew on each
commit: the few dozen patterns a run of the hook uses cost about 7 ms of its 60. ``compile`` keeps what
that work produces (the pattern's SRE code, a list of integers, with its flags and group names) in one
cache entry and builds the pattern from it directly (``_sre.compile``, the step ``re.compile`` ends
with; the interpreter validates the code as it always does). The entry is data, named by the
interpreter's exact version and SRE's magic number, and holds only leakstop's own patterns (module
constants and the shipped rules'), never a pattern from a user's configuration. Anything unexpected
(another Python, a damaged entry) falls back to ``re.compile``.
"""
from __future__ import annotations

import re
import sys
from typing import Any, AnyStr, Generic, Union

Source = Union[str, bytes]


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
            compiled = self._compiled = compile(*self._args)
            for name in _BOUND:
                object.__setattr__(self, name, getattr(compiled, name))
        return self._compiled

    def __getattr__(self, name: str) -> Any:  # before the first use: match, search, ...; always: pattern, flags
        return getattr(self.compiled, name)


_BOUND = ('match', 'search', 'fullmatch', 'finditer', 'findall', 'sub', 'split')


# --- the compiled patterns' code, kept between runs --------------------------------------------

CODE_FORMAT = 1
MAX_PATTERNS = 4096  # leakstop's own patterns: its modules' and its shipped rules' (two forms each)
MAX_GROUPS = 1000  # (leakstop's patterns hold a few dozen; a row saying more is damaged)
MAX_CODE = 4 * 1024 * 1024  # bytes of one pattern's code (the largest shipped rule's is under 100 KB)
_NAME = 'regex'
# (pattern, flags) -> (flags as compiled, code, groups, group index): read once, on first need
_known: dict[tuple[Source, int], tuple[Any, ...]] | None = None
_new: list[list[Any]] = []
_state: dict[str, Any] = {}


def compile(pattern: AnyStr, flags: int = 0) -> re.Pattern[AnyStr]:  # noqa: A001 (re.compile's name, on purpose)
    """``re.compile(pattern, flags)`` for one of leakstop's own patterns, from its code kept in the cache
    when an earlier run compiled it (see the module's docstring)."""
    flags = int(flags)
    known = _known if _known is not None else _load()
    hit = known.get((pattern, flags))
    if hit is not None:
        try:
            return _build(pattern, hit)
        except Exception:  # noqa: BLE001 (refused by this interpreter: compile it as re does)
            pass
    compiled = re.compile(pattern, flags)
    if _state.get('directory') and len(known) + len(_new) < MAX_PATTERNS:
        try:
            _new.append([pattern, flags, compiled.flags, _code_of(pattern, flags), compiled.groups,
                         sorted(compiled.groupindex.items())])
        except Exception:  # noqa: BLE001 (re's internals differ here: nothing kept)
            _state['directory'] = None
        if len(_new) == 1:
            import atexit
            atexit.register(_save)
    return compiled


def _build(pattern: Source, hit: tuple[Any, ...]) -> re.Pattern[Any]:
    import _sre  # type: ignore[import-not-found]  # (re's own engine, no stubs)
    from array import array
    final_flags, code, groups, groupindex = hit
    indexgroup: list[str | None] = [None] * (groups + 1)
    for name, i in groupindex.items():
        indexgroup[i] = name
    return _sre.compile(pattern, final_flags, array(_CODE_TYPE, code).tolist(), groups, groupindex, tuple(indexgroup))  # type: ignore[no-any-return]


def _code_of(pattern: Source, flags: int) -> bytes:
    """The SRE code ``re.compile`` builds for ``pattern`` (its parser's and compiler's private steps)."""
    from array import array
    if sys.version_info >= (3, 11):
        from re import _compiler, _parser  # type: ignore[attr-defined]
    else:  # pragma: no cover
        import sre_compile as _compiler
        import sre_parse as _parser
    return array(_CODE_TYPE, _compiler._code(_parser.parse(pattern, flags), flags)).tobytes()


_CODE_TYPE = 'I'


def _signature() -> tuple[object, ...]:
    import _sre
    from array import array
    if array(_CODE_TYPE).itemsize != _sre.CODESIZE:
        raise ValueError('code size')
    return (CODE_FORMAT, sys.version, sys.implementation.name, _sre.MAGIC, _sre.CODESIZE)


def _load() -> dict[tuple[Source, int], tuple[Any, ...]]:
    global _known
    _known = {}
    from leakstop import cache
    directory = cache.cache_dir()
    try:
        filename = cache._key(_NAME, _signature())
    except Exception:  # noqa: BLE001 (another interpreter: no kept code)
        return _known
    _state.update(directory=directory, filename=filename)
    value = cache.read(directory, filename) if directory else None
    if isinstance(value, list):
        for row in value[:MAX_PATTERNS]:
            try:
                pattern, flags, final_flags, code, groups, names = row
                if not (isinstance(pattern, (str, bytes)) and type(flags) is int and type(final_flags) is int
                        and isinstance(code, bytes) and len(code) <= MAX_CODE and type(groups) is int
                        and 0 <= groups <= MAX_GROUPS and len(names) <= groups
                        and all(isinstance(n, str) and type(i) is int and 1 <= i <= groups for n, i in names)):
                    continue  # (a damaged or planted row: compiled by re, not read; twenty-sixth review, 01)
                _known[(pattern, flags)] = (final_flags, code, groups, dict(names))
            except Exception:  # noqa: BLE001 (anything else wrong with a row: a miss)
                continue
    return _known


def _save() -> None:
    """At exit, after a run that compiled patterns the entry did not hold: the entry with them added."""
    directory, filename = _state.get('directory'), _state.get('filename')
    if not (directory and filename and _new and _known is not None):
        return
    from leakstop import cache
    rows = [[pattern, flags, hit[0], hit[1], hit[2], sorted(hit[3].items())] for (pattern, flags), hit in _known.items()]
    cache.write(directory, filename, (rows + _new)[:MAX_PATTERNS])
    _new.clear()

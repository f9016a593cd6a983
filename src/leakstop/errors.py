"""The one error type for problems the user must fix (exit code 2)."""
from __future__ import annotations


class FatalError(RuntimeError):
    """A usage or configuration problem: reported as one line, exit code 2."""


def regex_error(error: BaseException) -> str:
    """A regular expression's compile error, what it quotes redacted: Python's ``re`` quotes group
    names (``unknown group name 'ghp_…'``), and a user's pattern is often the very secret."""
    import re
    from leakstop.report import redact
    return re.sub(r"'([^']*)'", lambda m: "'" + redact(m.group(1)) + "'", str(error))

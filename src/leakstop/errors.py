"""The one error type for problems the user must fix (exit code 2)."""
from __future__ import annotations


class FatalError(RuntimeError):
    """A usage or configuration problem: reported as one line, exit code 2."""

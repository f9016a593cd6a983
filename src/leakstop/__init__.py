"""leakstop: pre-commit hooks that keep secrets out of git."""
from __future__ import annotations

__version__ = '0.1.0'

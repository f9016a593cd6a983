"""The pre-commit hooks: one module per hook id (scan-secrets -> scan_secrets.py)."""
from __future__ import annotations

import argparse
import sys
from typing import Sequence


def add_common_arguments(parser: argparse.ArgumentParser) -> None:
    """The arguments every file-taking hook shares: the files, settings, baseline and format."""
    parser.add_argument('filenames', nargs='*', help='files to check (pre-commit passes the staged ones)')
    parser.add_argument('--config', help='settings file (default: .leakstop.toml or pyproject.toml)')
    parser.add_argument('--baseline', help='reviewed findings that pass (default: .leakstop-baseline.json if present)')
    parser.add_argument('--format', choices=('text', 'json'), default='text')


def parse_hook_args(parser: argparse.ArgumentParser, argv: Sequence[str] | None) -> argparse.Namespace:
    """Parse a hook's arguments; a file named like an option (``-h``) stays a file (see paths_not_options)."""
    from leakstop.files import paths_not_options
    return parser.parse_args(paths_not_options(sys.argv[1:] if argv is None else argv))


def glob_arg(value: str) -> str:
    """argparse type for a gitignore-style glob (usage error, exit 2, if it is not one)."""
    from leakstop.errors import FatalError
    from leakstop.rules import name_globs
    try:
        name_globs([value], 'glob', 'value')
    except FatalError as e:
        raise argparse.ArgumentTypeError(str(e)) from None
    return value

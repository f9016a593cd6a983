"""The pre-commit hooks: one module per hook id (scan-secrets -> scan_secrets.py)."""
from __future__ import annotations

import argparse
import os
import sys
from typing import TYPE_CHECKING, Any, NoReturn, Sequence

if TYPE_CHECKING:  # pragma: no cover
    from leakstop.config import Config


class HelpFormatter(argparse.HelpFormatter):
    """argparse's, which reads the terminal's width with ``shutil.get_terminal_size``: argparse builds a
    formatter for each argument it adds, so importing shutil (and the bz2 and lzma modules it imports)
    cost every hook's start 2.5 ms for a width that only ``--help`` uses. The same width, read here."""

    def __init__(self, prog: str, **kwargs: Any) -> None:
        if kwargs.get('width') is None:
            kwargs['width'] = terminal_columns() - 2  # as argparse does
        super().__init__(prog, **kwargs)


def terminal_columns() -> int:
    """``shutil.get_terminal_size().columns``: ``$COLUMNS``, else the width of the terminal on standard
    output, else 80."""
    try:
        columns = int(os.environ['COLUMNS'])
    except (KeyError, ValueError):
        columns = 0
    if columns > 0:
        return columns
    try:
        columns = os.get_terminal_size(sys.__stdout__.fileno()).columns  # type: ignore[union-attr]
    except (AttributeError, ValueError, OSError):
        columns = 0
    return columns or 80


class ArgumentParser(argparse.ArgumentParser):
    """argparse's, whose usage errors quote what was typed (``invalid choice: '<value>'``, ``unrecognized
    arguments: <value>``, a ``type=`` callable's message): each secret the shipped rules find in them is
    redacted, as in every other usage error (fifth hostile review, break 02). Subcommands' parsers are of
    this class too (``add_subparsers`` makes them of the parser's own class). The settings are not loaded yet:
    the custom rules they redact with too are those of ``--config`` among the arguments, else of the default file."""

    _argv: Sequence[str] = ()

    def parse_known_args(self, *args: Any, **kwargs: Any) -> Any:
        argv = args[0] if args else kwargs.get('args')
        self._argv = list(sys.argv[1:] if argv is None else argv)
        return super().parse_known_args(*args, **kwargs)

    def error(self, message: str) -> NoReturn:
        from leakstop.config import custom_rules_in_use
        argv = self._argv
        given = [v for i, a in enumerate(argv) for v in (argv[i + 1:i + 2] if a == '--config' else
                                                           [a[9:]] if a.startswith('--config=') else [])]
        custom_rules_in_use(given[-1] if given else None, reload=True)  # loads them (a usage error comes before the settings)
        super().error(redacted_message(message))


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


# Names no glob of a hook should match all of: random names, at any depth
_PROBE_NAMES = ('Zq3v9XkP7w', 'k9Qx2mT7vB/Zq3v9XkP7w', 'Zq3v9XkP7w.k9Q', '.k9Qx2mT7vB', 'k9Qx2mT7vB/pL8wR1zN6/Zq3v9XkP7w.k9Q')
_ENV_FILES = ('.env', '.env.local', '.env.production', 'config/.env')


def redacted_message(text: str) -> str:
    """An error message that quotes an argument, with each secret the shipped rules or the custom rules in use
    find in it redacted (``scan.shown_ruleset``): a token pasted into a hook's argument (``--skip``, ``--name``)
    is printed by no error (fourth hostile review, break 12; seventh, 02: a custom rule's token). Shown ``inert``, on
    one printable line: an error quotes a path too (a tracked ``.gitignore`` below a directory whose name holds a
    line break and ``::error::…`` started a line a CI runner read as a command: eleventh hostile review, a sibling
    of break 07)."""
    from leakstop.history import without_secrets
    from leakstop.report import inert
    from leakstop.scan import shown_ruleset
    return inert(without_secrets(text, shown_ruleset(), glob=True))  # an argument may be a glob (`--skip 'ghp\\_…'`)


def _refused(message: str) -> argparse.ArgumentTypeError:
    return argparse.ArgumentTypeError(redacted_message(message))


def glob_arg(value: str) -> str:
    """argparse type for a gitignore-style glob (usage error, exit 2, if it is not one, if it could take
    polynomial time to match, or if it matches every file name: one argument would then turn a hook's
    names into every file)."""
    from leakstop.errors import FatalError
    from leakstop.files import glob_cost_error
    from leakstop.rules import name_globs
    cost = glob_cost_error(value)
    if cost is not None:
        raise _refused(f'{value!r}: {cost}')
    try:
        regex = name_globs([value], 'glob', 'value')
    except FatalError as e:
        raise _refused(str(e)) from None
    if regex is not None and all(regex.match(probe) for probe in _PROBE_NAMES[:3]):
        raise _refused(f'{value!r}: matches every file name')
    return value


def template_glob_arg(value: str) -> str:
    """argparse type for block-env-files' ``--template``: a glob (``glob_arg``) that names no ``.env``
    file itself (``*``, ``.*``, ``.env*`` would let every .env through as a template)."""
    from leakstop.rules import name_globs
    value = glob_arg(value)
    regex = name_globs([value], 'glob', 'value')
    if regex is not None and any(regex.match(name) for name in _ENV_FILES):
        raise _refused(f'{value!r}: matches .env files themselves: every .env would pass as a template')
    return value


# -- rule selection ---------------------------------------------------------------------------

def rule_ids(config: Config) -> frozenset[str]:
    """Every rule id a finding can carry: the secret rules (built-in and custom, disabled or not), the
    generic detector's, and the hooks' own (credential files by name and content, .env files,
    check-gitignore)."""
    from leakstop.generic import RULE_IDS as generic
    from leakstop.hooks import block_credential_files as credential, block_env_files as env, check_gitignore
    from leakstop.scan import ruleset_for
    files = credential.file_rules()
    return frozenset((
        *(r.id for r in ruleset_for(config, every_rule=True).rules), *generic,
        *(r.id for r in files.names), *(r.id for r in files.contents), credential.CUSTOM_NAME_RULE,
        *env.RULE_IDS, *check_gitignore.RULE_IDS,
    ))


def unknown_rule(rule_id: str, known: frozenset[str]) -> str:
    """Why ``rule_id`` is refused, with the closest known id (a token pasted as an id is redacted)."""
    import difflib
    from leakstop.report import display_name
    close = difflib.get_close_matches(rule_id, sorted(known), n=1)
    hint = f' (did you mean {close[0]}?)' if close and display_name(rule_id) == rule_id else ''
    return f'unknown rule id {display_name(rule_id)!r}{hint}: `leakstop rules list` lists the rules'


def select_rules(
        config: Config, *, disable: Sequence[str] = (), enable_only: Sequence[str] = (), prog: str,
        check_disable: bool = True,
) -> Config:
    """``config`` with the command line's ``--disable-rule`` / ``--enable-only`` (``leakstop scan``), checked:
    an unknown id given on the command line is a usage error (FatalError: exit 2), and so is a selection
    that leaves no rule to run; an unknown id in the settings file is a warning on stderr (a rule renamed
    by an upgrade must not break a CI job). ``check_disable=False`` (the hooks): the settings are checked
    only when they hold ``enable_only``, where an unknown id means less is checked than was meant; the
    ids are read only then (it costs a hook's start a few tens of milliseconds)."""
    from leakstop.config import with_rule_selection
    selected = with_rule_selection(config, disable=disable, enable_only=enable_only)
    allowlist = selected.allowlist
    if allowlist.enabled_only is None and not (allowlist.disabled and check_disable):
        return selected
    from leakstop.errors import FatalError
    from leakstop.files import normalize
    from leakstop.report import display_path
    known = rule_ids(config)
    for option, given in (('--disable-rule', disable), ('--enable-only', enable_only)):
        for rule_id in given:
            if rule_id not in known:
                raise FatalError(f'{option}: {unknown_rule(rule_id, known)}')
    settings = [('enable_only', config.allowlist.enabled_only or frozenset())]
    if check_disable:
        settings.insert(0, ('disable', config.allowlist.disabled))
    where = display_path(normalize(config.source)) if config.source else '(settings)'
    for key, ids in settings:
        for rule_id in sorted(ids - known):
            print(f'{prog}: warning: {where}: {key}: {unknown_rule(rule_id, known)}', file=sys.stderr)
    if allowlist.enabled_only is not None and not (allowlist.enabled_only & known) - allowlist.disabled:
        raise FatalError('no rule left to run: every rule of enable_only / --enable-only is disabled or unknown')
    return selected

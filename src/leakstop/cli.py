"""The ``leakstop`` command: scanning outside pre-commit, the baseline workflow, rules."""
from __future__ import annotations

import argparse
import sys
from typing import Sequence

from leakstop.config import Config, load_config
from leakstop.errors import FatalError
from leakstop.files import walk
from leakstop.report import emit
from leakstop.scan import ruleset_for, scan_path


def cmd_scan(paths: Sequence[str], *, config: Config, fmt: str) -> int:
    ruleset = ruleset_for(config)
    results = [scan_path(path, ruleset=ruleset, config=config) for path in walk(paths)]
    return emit(results, fmt=fmt)


def cmd_rules_list(*, config: Config) -> int:
    ruleset = ruleset_for(config)
    width = max((len(r.id) for r in ruleset.rules), default=0)
    for rule in sorted(ruleset.rules, key=lambda r: r.id):
        print(f'{rule.id:<{width}}  {rule.severity:<6}  {rule.description}')
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog='leakstop', description='Keep secrets out of git.')
    parser.add_argument('--config', help='settings file (default: .leakstop.toml or pyproject.toml)')
    sub = parser.add_subparsers(dest='command', required=True)

    scan = sub.add_parser('scan', help='scan files and directories')
    scan.add_argument('paths', nargs='*', default=['.'], help='files or directories (default: .)')
    scan.add_argument('--format', choices=('text', 'json'), default='text')

    rules = sub.add_parser('rules', help='the detection rules')
    rules_sub = rules.add_subparsers(dest='rules_command', required=True)
    rules_sub.add_parser('list', help='every rule with its description')

    args = parser.parse_args(argv)
    try:
        config = load_config(args.config)
        if args.command == 'scan':
            return cmd_scan(args.paths, config=config, fmt=args.format)
        if args.command == 'rules' and args.rules_command == 'list':
            return cmd_rules_list(config=config)
    except FatalError as e:
        print(f'leakstop: error: {e}', file=sys.stderr)
        return 2
    raise AssertionError(args)  # pragma: no cover (argparse guards the commands)


if __name__ == '__main__':
    raise SystemExit(main())

"""scan-secrets: find secrets in the files pre-commit passes."""
from __future__ import annotations

import argparse
import gc
import os
import sys
from typing import Sequence

from leakstop import baseline as baseline_mod
from leakstop.config import Config, load_config
from leakstop.errors import FatalError
from leakstop.hooks import ArgumentParser, HelpFormatter, add_common_arguments, parse_hook_args, redacted_message, select_rules
from leakstop.report import emit
from leakstop.scan import scan_paths


SERIAL_FILES = 64  # more files than this are spread over the CPUs


def scan_files(filenames: Sequence[str], *, config: Config, baseline: str | None, fmt: str) -> int:
    """The hook runs serially (``require_serial``: one process, so its summary counts every file of the
    run) and spreads a large set of files over the CPUs itself; a commit of up to ``SERIAL_FILES``
    files stays in one process (starting workers costs more than scanning them)."""
    known = baseline_mod.load_for_run(baseline, config.baseline)
    jobs = (os.cpu_count() or 1) if len(filenames) > SERIAL_FILES else 1
    results = scan_paths(filenames, config=config, baseline=known, jobs=jobs)
    return emit(results, fmt=fmt)


def main(argv: Sequence[str] | None = None) -> int:
    # What is imported by now lives as long as the process and is never garbage. Frozen (moved out of the
    # collector's generations), it is not walked again by the collections of the run and the two full ones
    # Python makes at exit: 5 ms of a warm hook on a few files. Objects made later are collected as ever.
    # Done when the hook runs as its own process (argv None: the console script), not when a test calls it.
    if argv is None:
        gc.freeze()
    parser = ArgumentParser(
        prog='scan-secrets', description='Find secrets in the given files.', formatter_class=HelpFormatter,
    )
    add_common_arguments(parser)
    args = parse_hook_args(parser, argv)
    try:
        config = load_config(args.config)
        config = select_rules(config, prog='scan-secrets', check_disable=False)  # enable_only: ids checked
        return scan_files(args.filenames, config=config, baseline=args.baseline, fmt=args.format)
    except FatalError as e:
        print(f'scan-secrets: error: {redacted_message(str(e))}', file=sys.stderr)
        return 2


if __name__ == '__main__':
    raise SystemExit(main())

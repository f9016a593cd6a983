"""The pipeline shared by every hook and command: read → decode → engine → allowlist."""
from __future__ import annotations

import os
from typing import Any, Callable, Iterator, Sequence

from leakstop.baseline import Baseline, unknown
from leakstop.cache import cache_dir, file_signature
from leakstop.config import Config
from leakstop.decode import PROPERTIES_PATH, base64_findings, decoded_findings, merge, view_findings, with_view_findings
from leakstop.engine import CONTEXT, VIEW_ANCHORS, Finding, RuleSet, load_ruleset, scan_bytes
from leakstop.errors import FatalError
from leakstop.files import Unreadable, decode_text, decoded_blocks, name_parts, normalize, open_file
from leakstop.generic import RULE_IDS as GENERIC_RULE_IDS
from leakstop.records import FileResult as FileResult

CHUNK_SIZE = 32 * 1024 * 1024  # larger files are scanned in overlapping windows of this size
# The longest span the generic detector judges, key to end of value: a key of up to 80 characters,
# up to 200 of syntax between (XML attributes, a command line before -p), a value of up to 500
# (generic/extract.py), a multi-line element, a YAML block scalar's lines (extract.BLOCK_REACH past
# its header); rounded up. Windows overlap by at least this much.
GENERIC_REACH = 2048
from leakstop.rules import builtin_rule_files, check_unique, load_rules_file


def _signature(
        config: Config, rule_files: Sequence[str] | None, *, every_rule: bool = False,
) -> tuple[list[str], list[object], bool, frozenset[str]]:
    """The rule files, the cache signature, whether the settings select rules, and the generic rules that run."""
    files = builtin_rule_files() if rule_files is None else list(rule_files)
    signature: list[object] = [file_signature(path) for path in files]
    signature.append(config.custom_rules)
    allowlist = config.allowlist
    selected = not every_rule and (bool(allowlist.disabled) or allowlist.enabled_only is not None)
    if selected:
        only = allowlist.enabled_only
        signature.append(('selected', tuple(sorted(allowlist.disabled)), None if only is None else tuple(sorted(only))))
    generic = GENERIC_RULE_IDS if not selected else frozenset(i for i in GENERIC_RULE_IDS if allowlist.rule_enabled(i))
    return files, signature, selected, generic


def ruleset_for(config: Config, *, rule_files: Sequence[str] | None = None, every_rule: bool = False) -> RuleSet:
    """Built-in plus custom rules, from the compiled cache when nothing changed.

    Only the rules the settings select (``disable``, ``enable_only``, ``--disable-rule``,
    ``--enable-only``: ``Allowlist.rule_enabled``) are compiled: a rule that does not run finds
    nothing, so it cannot take a span from another rule (a vendor rule's finding hides the generic
    one on the same bytes). The selection is part of the cache key. ``every_rule``: all of them
    (``leakstop rules list`` shows the disabled ones too).
    """
    files, signature, selected, generic = _signature(config, rule_files, every_rule=every_rule)
    allowlist = config.allowlist

    def load() -> list:  # type: ignore[type-arg]
        rules = [rule for path in files for rule in load_rules_file(path)]
        rules.extend(shown_without_secrets(config.custom_rules, files))
        check_unique(rules)
        return [r for r in rules if allowlist.rule_enabled(r.id)] if selected else rules

    return load_ruleset(signature, load, cache=cache_dir(), generic=bool(generic), generic_rules=generic)


_SHOWN_WITH: list[tuple[tuple[Any, ...], RuleSet]] = []  # (custom rules, shown_ruleset()), the last built


def shown_ruleset() -> RuleSet:
    """Every shipped rule and every custom rule of the settings in use (``config.custom_rules_in_use``), enabled
    or not: what output and errors show of a path or an argument is redacted with it. With the shipped rules
    only, a custom rule's token used as a directory name, or pasted into an argument, was printed whole
    (seventh hostile review, breaks 01 and 02)."""
    from leakstop.config import config_from_table, custom_rules_in_use
    custom = custom_rules_in_use()
    if not _SHOWN_WITH or _SHOWN_WITH[0][0] != custom:
        config = config_from_table({}, '(shown)', None)
        try:
            shown = ruleset_for(config._replace(custom_rules=custom), every_rule=True)
        except FatalError:  # a custom rule the engine rejects: its error is being shown, with the shipped rules
            shown = ruleset_for(config, every_rule=True)
        _SHOWN_WITH[:] = [(custom, shown)]
    return _SHOWN_WITH[0][1]


def shown_without_secrets(custom: Sequence[Any], files: Sequence[str]) -> list[Any]:
    """The user's rules with each secret the shipped rules or the user's rules find in what a rule shows (its
    description, provider, revoke page and tags: in ``rules list`` and under every finding) redacted: a token
    pasted into a rule's settings is printed nowhere (third hostile review, break 12), its own example either
    (seventh, 02). What a rule matches with (its pattern, paths, keywords) stays as written."""
    if not custom:
        return []
    from leakstop.history import without_secrets  # (history imports this module)
    every = load_ruleset(
        [*(file_signature(path) for path in files), ('shown', tuple(custom))],
        lambda: [*(r for path in files for r in load_rules_file(path)), *custom],
        cache=cache_dir(), generic=True, generic_rules=GENERIC_RULE_IDS,
    )

    def clean(text: str) -> str:
        return without_secrets(text, every) if text else text
    return [rule._replace(description=clean(rule.description), provider=clean(rule.provider), revoke=clean(rule.revoke),
                          tags=tuple(clean(t) for t in rule.tags)) for rule in custom]


def scan_data(
        data: bytes, path: str, *, ruleset: RuleSet, config: Config, baseline: Baseline | None = None,
) -> list[Finding]:
    """Findings in already-decoded text ``data`` that no allowlist covers and the baseline does not know."""
    findings = every_secret(data, path, ruleset)
    if findings:
        findings = config.allowlist.filter(data, findings)
    if findings and config.custom_rules and config.source is not None:
        findings = without_own_examples(findings, path, config)
    if findings and baseline is not None:
        findings = unknown(baseline, findings, data)
    return findings


def every_secret(data: bytes, path: str, ruleset: RuleSet) -> list[Finding]:
    """Every secret the rules of ``ruleset`` find in already-decoded text ``data``: in the text and in its decoded
    views (a Kubernetes Secret's base64 values, string escapes, comment runs, joined strings), each placed on the
    text; no allowlist, no baseline. What ``scan_data`` judges, and what output redacts wherever it shows text
    taken from a repository (with every rule: ``history.without_secrets``): redacting with the rules over the
    raw text only printed a token the escape view finds, or a base64 value, whole (eleventh hostile review,
    breaks 03 and 06). A view runs only where the engine's anchors say it can find something."""
    present = [True] * len(VIEW_ANCHORS)  # which decoded views can find something
    ends: list[int] = []  # where the base64 of a token's prefix ends (base64_findings)
    findings = scan_bytes(data, ruleset, path, views=present, base64_ends=ends)
    escape, begin, secret, joined, doubled, encoded = present
    if secret:
        decoded, text_spans = decoded_findings(data, path, ruleset)
        if decoded or text_spans:
            findings = merge(findings, decoded, text_spans)
    if not escape and b'\\' in data and PROPERTIES_PATH.search(path):
        escape = True  # a .properties file's \: \= \# \! (the engine's anchor leaves them out: regexes, shell)
    # (begin: a BEGIN or a PuTTY key's Private-Lines line, from the engine's pass: a key block HTML line breaks may hide)
    views = (view_findings(data, path, ruleset, escape=escape, comment=begin, joined=joined, doubled=doubled,
                           markup=begin)
             if escape or begin or joined or doubled else [])
    if encoded:
        views = [*views, *_base64_view(data, path, ruleset, ends)]
    if views:
        findings = with_view_findings(findings, views)
    return findings


def _base64_view(data: bytes, path: str, ruleset: RuleSet, ends: Sequence[int]) -> list[Finding]:
    """The base64 view's findings in ``data``, from the ends of its anchor's matches that ``scan_bytes`` gave
    (``base64_ends``): none when the engine's database holds the anchor and it matched nowhere (every path of a hook
    run: the view's own search and pattern are not built for them); without such a database the view looks itself."""
    if ruleset.database is not None and ruleset.generic is not None:
        return base64_findings(data, path, ruleset, ends) if ends else []
    return base64_findings(data, path, ruleset)


def name_findings(
        path: str, *, ruleset: RuleSet, config: Config, baseline: Baseline | None = None,
) -> list[Finding]:
    """The secrets in a file's path (normalized): a token used as a file or directory name
    (``cache/<token>.md``) is stored and pushed by git with the file, whatever the file holds (sixth
    hostile review, break 02: no hook found it). The rules that run, over the path's text, the
    allowlist's values and the baseline applied; each a finding on the whole file (line 0) whose
    description says it is in the path. Output shows the path with the secret redacted
    (``report.path_without_secrets``). The parts of its names that ``_`` separates are scanned too
    (``backup_<token>.txt``; eighth hostile review, break 09), and a token's base64 as a name."""
    data = path.encode('utf-8', 'surrogateescape')
    ends: list[int] = []  # where the base64 of a token's prefix ends in the path (the base64 view's)
    matches = list(scan_bytes(data, ruleset, path, base64_ends=ends))
    seen = {(f.rule_id, f.secret) for f in matches}
    parts = name_parts(data)
    if parts:
        for f in scan_bytes(parts.text, ruleset, path):
            if (f.rule_id, f.secret) not in seen:
                seen.add((f.rule_id, f.secret))
                start, end = parts.original(f.start, f.end)
                matches.append(f._replace(start=start, end=end))
    for f in _base64_view(data, path, ruleset, ends):  # a token's base64 as a name (thirty-seventh hostile review, 01)
        if (f.rule_id, f.secret) not in seen:
            seen.add((f.rule_id, f.secret))
            matches.append(f)
    found = [f._replace(line=0, column=0, description=f'{f.description} (in the file\'s path)')
             for f in matches if not config.allowlist.value_allowed(f)]
    return unknown(baseline, found, data) if found else found


def without_own_examples(findings: list[Finding], path: str, config: Config) -> list[Finding]:
    """In the settings file itself, the findings that are a custom rule's own ``examples`` or
    ``negatives`` (the fake secrets a rule is tested with) pass: committing ``.leakstop.toml`` must not
    be refused for them. Anywhere else, the same value is a finding."""
    try:
        same = os.path.samefile(path, config.source) if config.source else False
    except OSError:
        same = False
    if not same:
        return findings
    texts = [t for rule in config.custom_rules for t in (*rule.examples, *rule.negatives)]
    return [f for f in findings if not (f.secret and any(f.secret in t for t in texts))]


def scan_path(
        path: str, *, ruleset: RuleSet, config: Config, baseline: Baseline | None = None, chunk_size: int = CHUNK_SIZE,
        binary: Callable[[bytes], object] | None = None,
) -> FileResult:
    """Scan one file: whole if it is small, else in overlapping chunks (memory stays bounded).

    ``binary``, if given, is called with a binary file's bytes (the first ``chunk_size`` of a larger
    one) before it is skipped (``leakstop scan`` looks for keystores there)."""
    display = normalize(path)
    if config.allowlist.path_allowed(display):
        return FileResult(display, skipped='allowlisted path')
    named = name_findings(display, ruleset=ruleset, config=config, baseline=baseline)
    try:
        f, size = open_file(path)  # (not a context manager: this runs once per file of a tree)
        try:
            if size <= chunk_size:
                raw = f.read()
                data = decode_text(raw)
                if data is None:
                    if binary is not None:
                        binary(raw)
                    return FileResult(display, findings=tuple(named), skipped='binary')
                findings = scan_data(data, display, ruleset=ruleset, config=config, baseline=baseline)
            else:
                blocks = decoded_blocks(f, chunk_size)
                if blocks is None:
                    if binary is not None:
                        f.seek(0)
                        binary(f.read(chunk_size))
                    return FileResult(display, findings=tuple(named), skipped='binary')
                findings = scan_blocks(blocks, display, ruleset=ruleset, config=config, baseline=baseline)
        finally:
            f.close()
    except Unreadable as e:
        return FileResult(display, error=f'cannot read: {e}')
    except OSError as e:
        return FileResult(display, error=f'cannot read: {e.strerror or e}')
    return FileResult(display, findings=(*named, *findings))


def scan_blob(
        data: bytes, path: str, *, ruleset: RuleSet, config: Config, baseline: Baseline | None = None,
        chunk_size: int = CHUNK_SIZE,
) -> FileResult:
    """Scan content that does not come from the working tree (a blob from git's index, the lines a
    commit added): the steps of ``scan_path`` — path allowlist, decoding, engine, allowlist, baseline."""
    display = normalize(path)
    if config.allowlist.path_allowed(display):
        return FileResult(display, skipped='allowlisted path')
    named = tuple(name_findings(display, ruleset=ruleset, config=config, baseline=baseline))
    if len(data) > chunk_size:
        import io
        blocks = decoded_blocks(io.BytesIO(data), chunk_size)
        if blocks is None:
            return FileResult(display, findings=named, skipped='binary')
        return FileResult(display, findings=(*named, *scan_blocks(blocks, display, ruleset=ruleset, config=config, baseline=baseline)))
    text = decode_text(data)
    if text is None:
        return FileResult(display, findings=named, skipped='binary')
    return FileResult(display, findings=(*named, *scan_data(text, display, ruleset=ruleset, config=config, baseline=baseline)))


def scan_blocks(
        blocks: Iterator[bytes], path: str, *, ruleset: RuleSet, config: Config, baseline: Baseline | None = None,
) -> list[Finding]:
    """Findings in a stream of blocks, as if it were one buffer: windows overlap by the longest
    match a rule can make, so no secret is lost or reported twice at a boundary."""
    overlap = ruleset.max_window
    if ruleset.generic is not None:
        overlap = max(overlap, GENERIC_REACH + 2 * CONTEXT)
    out: list[Finding] = []
    data = b''
    pos = 0  # absolute offset of data[0]
    reported_to = 0  # absolute: findings starting before this were handled by an earlier window
    lines_before = 0  # newlines before data[0]
    columns_before = 0  # characters between the start of data[0]'s line and data[0]
    pending = next(blocks, None)
    while pending is not None:
        data += pending
        pending = next(blocks, None)
        final = pending is None
        limit = len(data) if final else len(data) - overlap  # report findings starting before this
        if limit <= reported_to - pos:
            continue
        # the baseline judges findings on the file's lines, not the window's: a detect-secrets armor or prefix
        # recorded at line N covered a token at the N-th line of every later window (thirty-sixth hostile review,
        # break 01's sibling); their spans still index the window's text, which it reads their lines in
        placed = [f._replace(line=lines_before + f.line, column=f.column if f.line > 1 else f.column + columns_before)
                  for f in scan_data(data, path, ruleset=ruleset, config=config)]
        if baseline is not None:
            placed = unknown(baseline, placed, data)
        for f in placed:
            if pos + f.start < reported_to or f.start >= limit:
                continue
            out.append(f._replace(start=pos + f.start, end=pos + f.end))
        reported_to = pos + limit
        # keep what a match reported next may start with: up to max_length bytes before its secret
        # (a context rule's keyword, a pattern's key) plus lookbehind context
        cut = max(0, limit - (overlap - CONTEXT))
        # not inside a UTF-8 character (columns count characters): back to its first byte, at most 3 back;
        # a longer run of continuation bytes is not UTF-8 (each counts alone), so the cut stays where it was
        back = cut
        for _ in range(3):
            if 0 < back < len(data) and data[back] & 0xC0 == 0x80:
                back -= 1
        if back == len(data) or data[back] & 0xC0 != 0x80:
            cut = back
        consumed = data[:cut]
        lines_before += consumed.count(b'\n')
        newline = consumed.rfind(b'\n')
        if newline != -1:
            columns_before = 0
        columns_before += len(consumed[newline + 1:].decode('utf-8', 'replace'))
        data = data[cut:]
        pos += cut
    return out


def _init_worker(config: Config, baseline: Baseline | None, file_hooks: bool) -> None:
    if _WORKER.get('state') == (config, baseline, file_hooks):
        return  # forked from the process that set it up: its rules are ours (pages shared until written)
    _WORKER['state'] = (config, baseline, file_hooks)
    _WORKER['scan'] = _scanner(ruleset_for(config), config, baseline, file_hooks)


def _scanner(ruleset: RuleSet, config: Config, baseline: Baseline | None, file_hooks: bool) -> Callable[[str], FileResult]:
    """One file's scan: the secret rules (``scan_path``), and with ``file_hooks`` the file hooks too."""
    if not file_hooks:
        return lambda path: scan_path(path, ruleset=ruleset, config=config, baseline=baseline)
    from leakstop import filehooks  # the hooks import this module
    settings = filehooks.settings_for(config, ruleset)
    return lambda path: filehooks.check_path(path, ruleset=ruleset, config=config, baseline=baseline, settings=settings)


def _scan_batch(batch: Sequence[str]) -> list[FileResult]:
    scan = _WORKER['scan']
    return [scan(path) for path in batch]


_WORKER: dict[str, Any] = {}  # per process: set once by _init_worker
BATCH = 8  # files per task handed to a worker
IN_FLIGHT = 4  # tasks queued per worker, so none waits while this process scans a large file


def scan_paths(
        paths: Sequence[str], *, config: Config, baseline: Baseline | None, jobs: int,
        progress: Callable[[int], None] | None = None, file_hooks: bool = False,
) -> list[FileResult]:
    """Scan many files, on ``jobs`` processes when there is enough work to share.

    This process is one of them: it hands batches of files to ``jobs - 1`` workers, keeps a few
    queued for each, and scans the next batch itself while they work (an idle parent cost a third
    process and its memory for nothing). ``progress``, if given, is called with the number of files
    done after each batch; ``file_hooks``: block-credential-files and block-env-files judge the files
    too (``leakstop.filehooks``). Results are in the order of ``paths``.
    """
    if jobs <= 1 or len(paths) < 4 * jobs:
        scan = _scanner(ruleset_for(config), config, baseline, file_hooks)
        out = []
        for p in paths:
            out.append(scan(p))
            if progress is not None:
                progress(len(out))
        return out
    import collections
    import multiprocessing
    methods = multiprocessing.get_all_start_methods()
    ctx = multiprocessing.get_context('fork' if 'fork' in methods else 'spawn')
    _init_worker(config, baseline, file_hooks)  # before the fork: compiled (and cached) once, inherited
    scan = _WORKER['scan']
    batches = [paths[i:i + BATCH] for i in range(0, len(paths), BATCH)]
    results: list[list[FileResult] | None] = [None] * len(batches)
    done = 0

    def finished(index: int, batch: list[FileResult]) -> None:
        nonlocal done
        results[index] = batch
        done += len(batch)
        if progress is not None:
            progress(done)

    with ctx.Pool(jobs - 1, initializer=_init_worker, initargs=(config, baseline, file_hooks)) as pool:
        queued: collections.deque[tuple[int, Any]] = collections.deque()
        following = 0  # the next batch nobody has taken
        while following < len(batches) or queued:
            while following < len(batches) and len(queued) < IN_FLIGHT * (jobs - 1):
                queued.append((following, pool.apply_async(_scan_batch, (batches[following],))))
                following += 1
            while queued and queued[0][1].ready():
                index, task = queued.popleft()
                finished(index, task.get())
            if following < len(batches):
                finished(following, [scan(p) for p in batches[following]])
                following += 1
            elif queued:
                index, task = queued.popleft()
                finished(index, task.get())
    return [r for batch in results if batch is not None for r in batch]

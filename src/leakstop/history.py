"""``leakstop scan --history`` / ``--since``: what each commit added, judged blob by blob.

``git log --raw -c`` lists what each commit changed (``leakstop.git.history``): per path, the blob
each parent had there and the blob the commit wrote. Each distinct blob the commits wrote is read
once through ``git cat-file --batch`` and scanned whole by every check ``leakstop scan`` runs (the
secret rules and the file hooks), on several processes for a long history. Its findings are kept
by (blob, path), the baseline not yet applied, so a blob seen again (as a parent's version, a
revert) is never scanned again.

A commit is reported for the findings of a blob it wrote that are not in the blob at the same path
in any parent (same rule, same secret), nor in a file the same commit deleted from a path it scans (a
rename or a move, whatever git's rename detection would make of it; a move out of an allowlisted or
excluded path is new). So an edit near a secret adds nothing; a merge
lists only the paths whose content differs from every parent (a clean merge adds nothing, a
conflict resolution adds what it wrote); and what git calls binary (UTF-16, a NUL byte, ``-diff``
in ``.gitattributes``) is scanned like any other file, since no diff is read. Line numbers are the
lines of the blob the commit wrote. Findings the baseline knows pass, as everywhere.

A commit's message (read whole from the commit object, with the headers a person wrote: ``object_text``) is the
commit's own: a secret in it is a finding of that commit at ``MESSAGE_PATH``, its line in the message (a header's:
a line after the message). With ``--all-refs``, a ref to a blob or a tree (which ``git
log --all`` passes over) is scanned too, its findings reported under the ref's name.
"""
from __future__ import annotations

import bisect
import codecs
import collections
import itertools
import os
from typing import Any, BinaryIO, Callable, Iterable, Iterator, Sequence, Tuple, cast

from leakstop import filehooks, git
from leakstop.baseline import Baseline, Scanned
from leakstop.config import Config
from leakstop.engine import Finding, RuleSet
from leakstop.files import decode_text, decoded_blocks, glob_open_words, glob_views, name_parts, normalize
from leakstop.hooks.block_credential_files import has_structure
from leakstop.records import Commit, FileChange, FileHookSettings, FileResult
from leakstop.regex import LazyPattern
from leakstop.report import Progress, reads_as_name, redact
from leakstop.scan import CHUNK_SIZE, every_secret, name_findings, ruleset_for, scan_blocks, scan_data

# A finding in a blob, and whether the baseline knows it (judged where the blob's text is at hand).
Judged = Tuple[Finding, bool]
# Where a secret in a commit's message is reported (and what its message is scanned as): git's own name for a
# message being written. No file a commit holds has that path (git refuses a `.git` component), so a baseline
# entry for it covers a message's secret only (tenth hostile review, break 19).
MESSAGE_PATH = '.git/COMMIT_EDITMSG'
# A commit's message among the (blob, path) keys a history scan reads: the commit's id and this path, which no
# file can have (git stores no NUL in a path). Its items reach the scanning processes with the shown message path
# after a NUL (``BlobScanner.scan_many``): messages are scanned there beside the blobs, not after them in one process.
MESSAGE_KEY = '\0'
TAG_MESSAGE = '.git/TAG_EDITMSG'  # an annotated tag's message, after the tag's name: ``refs/tags/v1:.git/TAG_EDITMSG``
_ASKED = 64  # blobs asked of git cat-file at a time (flushed together), while as many are read
_PARALLEL = 512  # blobs to scan before the work is spread over processes (a fork costs ~50 ms)
_CHUNK = 128  # blobs a worker is given at a time
_WINDOW = 256  # chunks' worth of blobs sorted by path before they are handed out (32,768: BookStack's whole history)


class Display:
    """Paths git prints (relative to the top of the repository) as the rest of leakstop shows them:
    relative to the current directory, as ``leakstop scan PATH`` would."""

    def __init__(self, top: str) -> None:
        self.top = top
        self.same = os.path.realpath(os.getcwd()) == os.path.realpath(top)

        self.shown: dict[str, str] = {}

    def __call__(self, path: str) -> str:
        shown = self.shown.get(path)
        if shown is None:
            shown = normalize(path) if self.same else normalize(os.path.relpath(os.path.join(self.top, path)))
            self.shown[path] = shown
        return shown


class BlobScanner:
    """Every check of ``leakstop scan`` over stored blobs, each as the file at its path: the findings,
    none dropped by the baseline, each with whether the baseline knows it."""

    def __init__(
            self, *, ruleset: RuleSet, config: Config, hooks: FileHookSettings, baseline: Baseline | None,
            missing: frozenset[str],
    ) -> None:
        self.ruleset, self.config, self.hooks, self.baseline, self.missing = ruleset, config, hooks, baseline, missing
        self.named: dict[str, bool] = {}  # whether a hook's glob names a path (asked once per path, not per version)
        self.in_names: dict[str, tuple[Finding, ...]] = {}  # the secrets in a path (scanned once per path, not per version)

    def __reduce__(self) -> tuple[Any, ...]:
        # for worker processes started by 'spawn' (no fork): the compiled rules are loaded there again
        return (_scanner_for, (self.config, self.baseline, self.missing))

    def judged(self, findings: Sequence[Finding], text: bytes) -> tuple[Judged, ...]:
        known = self.baseline
        if known is None:
            return tuple((f, False) for f in findings)
        # with every finding of the text: a detect-secrets armor or prefix covers one key or token of its line,
        # counted in every view (thirty-sixth hostile review, break 01)
        scanned = Scanned(text, findings) if known.detect_secrets is not None else text
        return tuple((f, known.knows(f, data=scanned)) for f in findings)

    def name_findings(self, display: str) -> list[Finding]:
        found = self.in_names.get(display)
        if found is None:
            found = tuple(name_findings(display, ruleset=self.ruleset, config=self.config))
            if len(self.in_names) < 100_000:
                self.in_names[display] = found
        return list(found)

    def whole(self, data: bytes, display: str) -> tuple[Judged, ...]:
        """A blob small enough to hold."""
        text = decode_text(data)
        findings = self.name_findings(display)
        if text is not None:
            findings += scan_data(text, display, ruleset=self.ruleset, config=self.config)
        named = self.named.get(display)
        if named is None:
            named = self.named[display] = self.hooks.names(display)
        hooked = filehooks.hook_findings(display, data, binary=text is None, settings=self.hooks, baseline=None, named=named)
        if hooked:
            findings = list(filehooks.merged(FileResult(display, findings=tuple(findings)), hooked, settings=self.hooks).findings)
        return self.judged(findings, text or b'')

    def message(self, text: bytes, display: str) -> tuple[Judged, ...]:
        """A commit's message, by the secret rules (no file hook: a message is no file), as the file ``display``
        (``MESSAGE_PATH`` as paths are shown)."""
        return self.judged(scan_data(text, display, ruleset=self.ruleset, config=self.config), text)

    def streamed(self, blob: git.BlobReader, display: str) -> tuple[list[Finding], bool]:
        """A blob larger than CHUNK_SIZE, through the bounded windows large files are scanned in
        (memory does not grow with its size): its findings, and whether it is binary."""
        named = self.name_findings(display)
        blocks = decoded_blocks(cast(BinaryIO, blob), CHUNK_SIZE)
        if blocks is None:
            return named, True
        return named + scan_blocks(blocks, display, ruleset=self.ruleset, config=self.config), False

    def head_hooks(self, cat: git.CatFile, sha: str, display: str, *, binary: bool) -> list[Finding]:
        """The file hooks over a large blob's first bytes (only the first CHUNK_SIZE are judged; only
        the first few unless a hook's glob names the file or they are a keystore's)."""
        named = self.hooks.names(display)
        if not named and not binary:
            return []
        blob = cat.open(sha)
        if blob is None:
            return []
        head = blob.read(min(blob.size, CHUNK_SIZE if named else self.hooks.credential.binary_head))
        if not named and not has_structure(head, settings=self.hooks.credential):
            blob.skip()
            return []
        head += blob.read(min(blob.left, CHUNK_SIZE - len(head)))
        blob.skip()
        return filehooks.hook_findings(display, head, binary=True, settings=self.hooks, baseline=None, named=named)

    def scan_many(
            self, cat: git.CatFile, items: Sequence[tuple[int, str, str]],
    ) -> Iterator[tuple[int, tuple[Judged, ...] | None]]:
        """``(index, sha, display)`` -> ``(index, judged findings)``, None where the repository lacks
        the blob (never fetched). Blobs are asked for ahead: git finds the next ones meanwhile."""
        later: list[tuple[int, str, str, list[Finding], bool]] = []
        for (index, sha, display), blob in _read_ahead(cat, items, self.missing):
            if display[:1] == MESSAGE_KEY:  # a commit (scan_history's MESSAGE_KEY items): its message
                raw = blob if blob is None or isinstance(blob, bytes) else blob.read()
                yield index, self.message(object_text(raw), display[1:]) if raw else ()
            elif blob is None:
                yield index, None
            elif isinstance(blob, bytes):
                yield index, self.whole(blob, display)
            else:
                found, binary = self.streamed(blob, display)
                later.append((index, sha, display, found, binary))
        for index, sha, display, found, binary in later:  # read again, once nothing else is asked for
            hooked = self.head_hooks(cat, sha, display, binary=binary)
            if hooked:
                found = list(filehooks.merged(FileResult(display, findings=tuple(found)), hooked, settings=self.hooks).findings)
            yield index, self.judged(found, b'')


def _scanner_for(config: Config, baseline: Baseline | None, missing: frozenset[str]) -> BlobScanner:
    ruleset = ruleset_for(config)
    return BlobScanner(ruleset=ruleset, config=config, hooks=filehooks.settings_for(config, ruleset),
                       baseline=baseline, missing=missing)


def _read_ahead(
        cat: git.CatFile, items: Sequence[tuple[int, str, str]], missing: frozenset[str],
) -> Iterator[tuple[tuple[int, str, str], bytes | git.BlobReader | None]]:
    """Each item with its blob (its bytes; a stream if larger than CHUNK_SIZE), read in order;
    ``_ASKED`` more are asked for (one flush) whenever at most ``_ASKED`` are still unanswered. Read
    a stream, or not, before taking the next."""
    asked: collections.deque[tuple[int, str, str]] = collections.deque()
    pos = 0
    while pos < len(items) or asked:
        if len(asked) <= _ASKED and pos < len(items):
            stop = min(len(items), pos + _ASKED)
            for item in items[pos:stop]:
                if item[1] in missing:
                    yield item, None
                else:
                    cat.request(item[1])
                    asked.append(item)
            pos = stop
            cat.send()
        if asked:
            item = asked.popleft()
            yield item, cat.response_bytes(item[1], CHUNK_SIZE)


_WORKER: dict[str, Any] = {}  # per worker process: set once by _init_worker


def _init_worker(top: str, scanner: BlobScanner) -> None:
    from multiprocessing.util import Finalize
    _WORKER.update(top=top, scanner=scanner, cat=None)
    Finalize(None, _close_worker, exitpriority=10)  # run as the worker leaves the pool


def _close_worker() -> None:
    if _WORKER.get('cat') is not None:
        _WORKER['cat'].close()
        _WORKER['cat'] = None


def _scan_chunk(items: Sequence[tuple[int, str, str]]) -> tuple[list[tuple[int, tuple[Judged, ...] | None]], int]:
    """In a worker: the blobs of ``items`` through its own ``git cat-file``; only those with findings
    (or missing) are sent back, with the number scanned."""
    if _WORKER['cat'] is None:
        _WORKER['cat'] = git.CatFile(_WORKER['top'])
    found = [(i, found) for i, found in _WORKER['scanner'].scan_many(_WORKER['cat'], items) if found is None or found]
    return found, len(items)


class BlobFindings:
    """The judged findings of each (blob, path) scanned so far; scans what it is asked for and lacks."""

    def __init__(self, top: str, scanner: BlobScanner, display: Callable[[str], str]) -> None:
        self.top, self.scanner, self.display = top, scanner, display
        self.message_item = MESSAGE_KEY + display(MESSAGE_PATH)  # how a commit's message is asked for (scan_many)
        self.found: dict[tuple[str, str], tuple[Judged, ...] | None] = {}
        self.cat: git.CatFile | None = None

    def scan(self, keys: Iterable[tuple[str, str]], *, jobs: int, progress: Callable[[int], None]) -> None:
        """Scan the (sha, path) ``keys``, on ``jobs`` processes when there are more than ``_PARALLEL``:
        then the workers start on the first ones while ``keys`` is still being produced (``git log``
        is still being read)."""
        taken: list[tuple[str, str]] = []
        keys = iter(keys)

        def items(stop: int | None = None) -> Iterator[tuple[int, str, str]]:
            for key in itertools.islice(keys, stop):
                self.found[key] = ()
                taken.append(key)
                yield len(taken) - 1, key[0], self.message_item if key[1] == MESSAGE_KEY else self.display(key[1])
        first = list(items(_PARALLEL))
        if jobs <= 1 or len(first) < _PARALLEL:
            for done, (i, found) in enumerate(self.scanner.scan_many(self.catfile(), first + list(items())), 1):
                self.found[taken[i]] = found
                progress(done)
            return
        import multiprocessing
        methods = multiprocessing.get_all_start_methods()
        ctx = multiprocessing.get_context('fork' if 'fork' in methods else 'spawn')

        def chunks() -> Iterator[list[tuple[int, str, str]]]:  # read by the pool's thread that hands out work
            rest = itertools.chain(first, items())
            while True:  # a window of blobs sorted by path: one worker gets a file's versions (git's delta cache)
                window = sorted(itertools.islice(rest, _CHUNK * _WINDOW), key=lambda item: item[2])
                if not window:
                    return
                for start in range(0, len(window), _CHUNK):
                    yield window[start:start + _CHUNK]
        pool = ctx.Pool(jobs, initializer=_init_worker, initargs=(self.top, self.scanner))
        try:
            done = 0
            for answers, size in pool.imap(_scan_chunk, chunks()):
                for i, found in answers:
                    self.found[taken[i]] = found
                done += size
                progress(done)
            pool.close()  # the workers leave, closing their git cat-file (_init_worker)
        except BaseException:
            pool.terminate()
            raise
        finally:
            pool.join()

    def catfile(self) -> git.CatFile:
        if self.cat is None:
            self.cat = git.CatFile(self.top)
        return self.cat

    def get(self, sha: str, path: str) -> tuple[Judged, ...] | None:
        """The judged findings of blob ``sha`` as the file ``path`` (None: the repository lacks it)."""
        key = (sha, path)
        if key not in self.found:
            for _, found in self.scanner.scan_many(self.catfile(), [(0, sha, self.display(path))]):
                self.found[key] = found
        return self.found[key]

    def secrets(self, shas: Sequence[str], path: str) -> set[tuple[str, str]]:
        """(rule, secret) of every finding in the blobs ``shas`` as the file ``path`` (a blob the
        repository lacks has none: every finding compared with it counts)."""
        out: set[tuple[str, str]] = set()
        for sha in shas:
            out.update((f.rule_id, f.secret) for f, _ in self.get(sha, path) or ())
        return out

    def close(self) -> None:
        if self.cat is not None:
            self.cat.close()
            self.cat = None


# The header lines of a commit or a tag object that name objects by their ids: nothing a person wrote.
_ID_HEADERS = (b'tree ', b'parent ', b'object ', b'type ')
_SIGNATURE_HEADERS = (b'gpgsig ', b'gpgsig-sha256 ')  # a signed commit's signature, continued on lines opening with a space


def object_text(raw: bytes) -> bytes:
    """What a commit or an annotated tag object (as ``git cat-file`` gives it) holds that a person wrote, as the text
    its message is scanned as: the message whole, decoded from the encoding its ``encoding`` header names (else as
    a file's text is: UTF-8, UTF-16 with or without a BOM), then the header lines other than those naming objects
    (author, committer, tagger, a tag's name, headers git accepts unknown and ``git push`` publishes; no signature),
    after the message so that its lines keep their numbers. ``git log`` printed a message only up to its first NUL
    byte, UTF-16 text so up to its first character, and no such header (eleventh hostile review, break 01). Last,
    the lines the message's bytes read as a file's text have that its decoding lacks: an ``encoding`` header can
    name what the bytes are not (``git cat-file``, and ``git log`` where iconv lacks the codec, print them as they
    are; twelfth hostile review, breaks 01 and 03)."""
    head, _, body = raw.partition(b'\n\n')
    headers = head.split(b'\n')
    named = [h[len(b'encoding '):].strip() for h in headers if h.startswith(b'encoding ')]
    message, unread = _message_text(body, named[0].decode('ascii', 'replace') if named else '')
    kept = b'\n'.join(_written_headers(headers))
    text = message + (b'' if not message or message.endswith(b'\n') else b'\n') + kept + b'\n'
    return text + unread + b'\n' if unread else text


def _written_headers(headers: Sequence[bytes]) -> Iterator[bytes]:
    """The header lines a person wrote: not those naming objects by id, nor a commit's signature (``gpgsig``, its
    lines continued by a space: a signature tool's base64, and a PGP or SSH armor that would open the views of
    multi-line keys for every signed commit, a third more of a history scan's time for nothing)."""
    signature = False
    for h in headers:
        if h.startswith(b' ') and signature:
            continue
        signature = h.startswith(_SIGNATURE_HEADERS)
        if not signature and not h.startswith(_ID_HEADERS):
            yield h


# Codecs Python knows that are no encoding of a person's text: they decode escapes or domain names, not characters
# (punycode's decoder takes quadratic time: a 200 KB message, 5 s). Read as a file's text is, like an unknown name.
_NOT_TEXT_CODECS = frozenset({'punycode', 'idna', 'unicode-escape', 'raw-unicode-escape'})
_NOT_ASCII = bytes(range(0x80, 0x100))


def _text_codec(encoding: str) -> str | None:
    """The Python codec an ``encoding`` header names, if it decodes text (not ``rot13``, ``base64``: codecs that
    are no text encoding, which made ``scan --history`` die with a traceback; twelfth hostile review, break 02)."""
    try:
        info = codecs.lookup(encoding)
    except (LookupError, ValueError):  # (ValueError: a NUL in the name)
        return None
    if not getattr(info, '_is_text_encoding', True) or info.name in _NOT_TEXT_CODECS:
        return None
    return info.name


def _message_text(body: bytes, encoding: str) -> tuple[bytes, bytes]:
    """A message's bytes as UTF-8 text with LF line endings (git re-encodes a message from its ``encoding``
    header when it prints one; an encoding Python does not know is read as a file's text is), and the lines of
    the bytes read as a file's text that this text lacks (b'' when the header names no other codec)."""
    text = decode_text(body) or body  # (a NUL byte: scanned as it is)
    codec = _text_codec(encoding) if encoding else None
    if codec is None or codec == 'utf-8':
        return text, b''
    try:
        named = body.decode(codec, 'replace').encode('utf-8', 'surrogateescape')
    except UnicodeError:  # ('undefined' refuses every byte)
        return text, b''
    named = decode_text(named) or named
    # by their ASCII bytes: an ASCII-compatible codec (ISO-8859-1) reads those alike, so a line is not found twice
    lines = {line.translate(None, _NOT_ASCII) for line in named.split(b'\n')}
    return named, b'\n'.join(line for line in text.split(b'\n') if line.translate(None, _NOT_ASCII) not in lines)


def new_findings(
        change: FileChange, deleted: Sequence[FileChange], found: tuple[Judged, ...], blobs: BlobFindings,
) -> list[Finding]:
    """The findings of the blob ``change`` wrote (``found``) that the baseline does not know and that
    no parent's blob at its path had, nor a file the commit ``deleted``."""
    fresh = [f for f, known in found if not known]
    if fresh:
        before = blobs.secrets(change.old, change.path)
        fresh = [f for f in fresh if (f.rule_id, f.secret) not in before]
    for gone in deleted:
        if not fresh:
            break
        before = blobs.secrets(gone.old, gone.path)
        fresh = [f for f in fresh if (f.rule_id, f.secret) not in before]
    return fresh


def tag_message_results(
        top: str, scanner: BlobScanner, *, display: Callable[[str], str], allowed: Callable[[str], bool],
) -> list[FileResult]:
    """The secrets in each annotated tag's message (``git push --tags`` publishes it), as a commit's message is
    scanned, at ``<ref>:.git/TAG_EDITMSG`` (break 19's sibling)."""
    results = []
    for ref, tag in git.tag_objects(top):
        shown = display(f'{ref}:{TAG_MESSAGE}')
        if not allowed(f'{ref}:{TAG_MESSAGE}'):
            fresh = tuple(f for f, known in scanner.message(object_text(tag), shown) if not known)
            if fresh:
                results.append(FileResult(shown, findings=fresh))
    return results


def ref_name_results(
        top: str, scanner: BlobScanner, *, display: Callable[[str], str], allowed: Callable[[str], bool],
) -> list[FileResult]:
    """The secrets in the refs' own names (a branch ``deploy/<token>``, a tag ``t-<token>``: ``git push --all`` and
    ``--tags`` publish them; eleventh hostile review, break 01's sibling), judged as a file's path is, each a
    finding on the ref's name (line 0)."""
    results = []
    baseline = scanner.baseline
    for ref in git.ref_names(top):
        if allowed(ref):
            continue
        shown = display(ref)
        found = [f._replace(description=f.description.replace("(in the file's path)", "(in the ref's name)"))
                 for f in scanner.name_findings(shown) if baseline is None or not baseline.knows(f)]
        if found:
            results.append(FileResult(shown, findings=tuple(found)))
    return results


def ref_results(
        top: str, blobs: BlobFindings, written: set[tuple[str, str]], *, display: Callable[[str], str],
        allowed: Callable[[str], bool], jobs: int, progress: Callable[[int], None],
) -> list[FileResult]:
    """The secrets in annotated tags' messages (``tag_message_results``), and in what each ref to a blob or a tree
    holds (``git.refs_to_files``; ``git log --all`` skips them), each file judged as the file at its path (a blob as the file named like the ref) and reported under the ref's name as
    git names it: ``refs/tags/t`` for a blob, ``refs/tags/t:conf/key.py`` for a file of a tree (``display``ed as
    paths are). A file a commit ``written`` at that path is reported there, not again."""
    files: list[tuple[str, str, str]] = []  # (blob, path judged as, name shown)
    for ref, kind, sha in git.refs_to_files(top):
        if kind == 'blob':
            files.append((sha, ref, display(ref)))
        else:
            files += [(blob, path, display(f'{ref}:{path}')) for blob, path in git.tree_blobs(sha, top=top)]
    files = [f for f in files if (f[0], f[1]) not in written and not allowed(f[1])]
    blobs.scan(dict.fromkeys((blob, path) for blob, path, _ in files if (blob, path) not in blobs.found),
               jobs=jobs, progress=progress)
    results = ref_name_results(top, blobs.scanner, display=display, allowed=allowed)
    results += tag_message_results(top, blobs.scanner, display=display, allowed=allowed)
    baseline = blobs.scanner.baseline
    for blob, path, shown in files:
        found = blobs.get(blob, path)
        if found is None:
            results.append(FileResult(shown, error=f'blob {blob} is missing from the repository (not fetched)'))
            continue
        fresh = [f._replace(path=shown) for f, _ in found]  # judged by the baseline under the name shown
        fresh = [f for f in fresh if baseline is None or not baseline.knows(f)]
        if fresh:
            results.append(FileResult(shown, findings=tuple(fresh)))
    return results


def scan_history(
        revisions: Sequence[str], *, config: Config, baseline: Baseline | None, progress: Callable[[int], None],
        jobs: int = 1,
) -> tuple[list[FileResult], dict[str, Commit]]:
    """Scan what the commits in ``revisions`` added: one result per file-in-commit with findings (a secret in
    the commit's message: at ``MESSAGE_PATH``), newest commit first, each finding with its commit id; with
    ``ALL_REFS``, first what refs to blobs and trees hold (``ref_results``); plus each reporting commit's author
    date and subject. A blob the repository lacks (a partial clone) is an error line for that
    file-in-commit."""
    top = git.toplevel()
    display = Display(top)
    ruleset = ruleset_for(config)
    hooks = filehooks.settings_for(config, ruleset)
    missing = git.missing_objects(top) if git.is_partial_clone(top) else frozenset()
    scanner = BlobScanner(ruleset=ruleset, config=config, hooks=hooks, baseline=baseline, missing=missing)
    allowed = config.allowlist.path_allowed
    commits: list[tuple[Commit, list[FileChange]]] = []
    wanted: set[tuple[str, str]] = set()
    message_path = display(MESSAGE_PATH)  # relative to the current directory, as every path (the baseline's entries)
    scan_messages = not allowed(message_path)

    def new_blobs() -> Iterator[tuple[str, str]]:
        """Each (blob, path) to scan, once, as ``git log`` names them (it is read meanwhile)."""
        for commit, changes in git.history(revisions, top=top):
            commits.append((commit, changes))
            for change in changes:
                key = (change.new, change.path)
                if change.new and key not in wanted and not allowed(display(change.path)):
                    wanted.add(key)
                    yield key
            if scan_messages:
                yield commit.sha, MESSAGE_KEY
    if isinstance(progress, Progress):
        progress.unit, progress.total = 'file versions and messages', None
    blobs = BlobFindings(top, scanner, display)
    results: list[FileResult] = []
    reported: dict[str, Commit] = {}
    try:
        blobs.scan(new_blobs(), jobs=jobs, progress=progress)
        for commit, changes in commits:
            # a file deleted from an allowlisted or excluded path explains nothing: its findings were never
            # reported, so a secret moved out of it into a scanned path is new there (eighth hostile review, break 03)
            deleted = [c for c in changes if not c.new and c.old and not allowed(display(c.path))]
            said = blobs.found.get((commit.sha, MESSAGE_KEY)) or ()
            in_message = [f._replace(commit=commit.sha) for f, known in said if not known]
            if in_message:
                reported[commit.sha] = commit
                results.append(FileResult(message_path, findings=tuple(in_message)))
            for change in changes:
                if (change.new, change.path) not in wanted:
                    continue  # a deletion, a link, a submodule, an allowlisted path
                found = blobs.get(change.new, change.path)
                path = display(change.path)
                if found is None:
                    results.append(FileResult(f'{commit.sha[:12]}:{path}',
                                              error=f'blob {change.new} is missing from the repository (not fetched)'))
                    continue
                fresh = new_findings(change, deleted, found, blobs) if found else []
                if fresh:
                    reported[commit.sha] = commit
                    results.append(FileResult(path, findings=tuple(f._replace(commit=commit.sha) for f in fresh)))
        if git.ALL_REFS in revisions:  # what a ref to a blob or a tree holds: before the commits, under the ref's name
            results[:0] = ref_results(top, blobs, wanted, display=display, allowed=lambda path: allowed(display(path)),
                                      jobs=jobs, progress=progress)
    finally:
        blobs.close()
    subjects = git.subjects(list(reported), top=top)
    # what is shown is redacted with every rule, whatever the settings select (fifth hostile review, break 17:
    # with --enable-only or --disable-rule, a token in a subject was printed whole), in the decoded views too, and
    # whatever the allowlist lets pass (eleventh, break 06); and each secret of the message as it was written:
    # git joins the first paragraph's lines, where a rule that reads to a line's end or over lines finds nothing
    # (`enable secret X` and a second line; thirty-fourth hostile review, break 01)
    selects = bool(config.allowlist.disabled) or config.allowlist.enabled_only is not None
    every = ruleset_for(config, every_rule=True) if reported and selects else ruleset
    messages = git.subjects(list(reported), top=top, whole=True)
    for sha, commit in reported.items():
        written = messages.get(sha, '').encode('utf-8', 'surrogateescape')
        reported[sha] = commit._replace(subject=shown_subject(written, subjects.get(sha, ''), every))
    return results, reported


def shown_subject(message: bytes, subject: str, ruleset: RuleSet) -> str:
    """``subject`` (git's ``%s`` of the commit ``message``, ``%B``) as a report shows it: redacted of what the rules
    of ``ruleset`` find in it, and of each secret of the whole ``message`` (found as it was written), wherever it
    stands in the subject and over the lines the subject joins (``subject_spans``)."""
    secrets = every_secret(message, MESSAGE_PATH, ruleset)
    return without_secrets(subject, ruleset, MESSAGE_PATH, also={f.secret for f in secrets},
                           spans=subject_spans(message, subject.encode('utf-8', 'surrogateescape'), secrets))


# What git's ``isspace`` reads as blank (``sane_ctype``: space, tab, LF, CR), which ends a subject line's text and
# makes a line blank. Python's ``bytes.strip`` also strips a form feed and a vertical tab, which git keeps: a line
# `backup key\f` made the rebuilt subject differ from git's, and a key's base64 on the next lines was shown whole
# (thirty-sixth hostile review, break 02).
_GIT_BLANKS = b' \t\n\r'


def subject_spans(message: bytes, subject: bytes, found: Iterable[Finding]) -> list[tuple[int, int, str]]:
    """The spans of ``subject`` (git's ``%s`` of ``message``: its first paragraph, each line without its trailing
    blanks, joined by one space) that the findings of ``message`` cover, each with its secret: a secret written over
    lines of that paragraph (a PuTTY key, wrapped base64) stands in the subject with spaces for its line breaks, as
    no rule finds it there (thirty-fifth hostile review, 01). When the subject is not that paragraph as rebuilt here,
    the whole subject is one span if ``message`` holds a secret: a mapping that fails redacts all, not nothing
    (thirty-sixth, 02); none when it holds none."""
    found = list(found)
    if not found:
        return []
    offsets: list[int] = []  # the message's offset of each byte of the subject (increasing)
    joined: list[bytes] = []
    at = 0
    lines = message.split(b'\n')
    skip = 0
    while skip < len(lines) and not lines[skip].strip(_GIT_BLANKS):  # (blank lines before it, as git skips them)
        at += len(lines[skip]) + 1
        skip += 1
    for line in itertools.islice(lines, skip, None):
        text = line.rstrip(_GIT_BLANKS)
        if not text:
            break
        if joined:
            joined.append(b' ')
            offsets.append(at - 1)  # the space stands for the line break before this line
        joined.append(text)
        offsets.extend(range(at, at + len(text)))
        at += len(line) + 1
    if b''.join(joined) != subject:
        return [(0, len(subject), subject.decode('utf-8', 'surrogateescape'))] if subject else []
    spans = []
    for f in found:  # (the subject's bytes from the message's f.start to f.end: a bisection, not a look at each byte
        first, stop = bisect.bisect_left(offsets, f.start), bisect.bisect_left(offsets, f.end)  # thirty-sixth, 05)
        if first < stop:
            spans.append((first, stop, f.secret))
    return spans


# An escape sequence of any length, raw (ESC, or the C1 CSI) or written as escape text (\x1b, \033, \e, \u001b):
# the rules' token guard admits the ECMA-48 forms up to a fixed width only (engine._AFTER_ESCAPE), so a token after
# ESC[ with 17 parameter bytes was not found, and a commit subject holding one was printed whole (a "Left" item of
# the fifth hostile review, re-confirmed by the sixth). Text shown from a repository is also searched with each
# such sequence removed and with each replaced by a space (see ``_redact``), whatever its length.
_CONTROL_SEQUENCE = LazyPattern(
    rb'(?:\x1b|\\(?:[eE]|x1[bB]|033|u001[bB]))'
    rb'(?:\[[0-?]*[ -/]*[@-~]?|\][^\x07\x1b\\]*(?:\x07|\x1b\\\\)?|[ -/]*[0-~]?)'
    rb'|(?:\x9b|\xc2\x9b|\\(?:x9[bB]|233|u009[bB]))[0-?]*[ -/]*[@-~]?'
)


def _views(data: bytes) -> list[tuple[bytes, list[int], list[int]]]:
    """``data`` with its escape sequences removed, and with each replaced by a space, each with where its
    bytes start and end in ``data`` (empty when ``data`` holds no escape sequence)."""
    matches = list(_CONTROL_SEQUENCE.finditer(data))
    if not matches:
        return []
    views = []
    for stand_in in (b'', b' '):
        out, pos = bytearray(), 0
        starts: list[int] = []
        ends: list[int] = []
        for m in [*matches, None]:
            stop = len(data) if m is None else m.start()
            out += data[pos:stop]
            starts.extend(range(pos, stop))
            ends.extend(range(pos + 1, stop + 1))
            if m is not None:
                out += stand_in
                starts.extend([m.start()] * len(stand_in))
                ends.extend([m.end()] * len(stand_in))
                pos = m.end()
        views.append((bytes(out), starts, ends))
    return views


def _redact(text: str, find: Callable[[bytes], Iterable[Finding]], *, names: bool = False, glob: bool = False,
            also: Sequence[bytes] = (), known: Sequence[tuple[int, int, str]] = ()) -> str:
    """``text`` with each secret ``find`` finds in it redacted: in the text itself, and in the text with its
    escape sequences removed or replaced by a space (``_views``), each found span redacted where it stands
    in ``text`` (spans that overlap are redacted as one). With ``names``, also in the parts of its names that
    ``_`` separates (``files.name_parts``); with ``glob``, also in the names it matches as a glob
    (``files.glob_views``), and a long word a wildcard continues unless it reads as a name (``files.glob_open_words``)."""
    errors = 'surrogateescape'
    try:
        data = text.encode('utf-8', errors)
    except UnicodeEncodeError:  # a lone surrogate (a name from JSON): kept as it is
        errors = 'surrogatepass'
        data = text.encode('utf-8', errors)

    def found_in(view: bytes, *, with_names: bool) -> list[tuple[int, int, str]]:  # in ``view``, and in its names' parts
        found = [(f.start, f.end, f.secret) for f in find(view) if 0 <= f.start < f.end <= len(view)]
        parts = name_parts(view) if with_names else None
        if parts:
            found += [(*parts.original(f.start, f.end), f.secret) for f in find(parts.text)
                      if 0 <= f.start < f.end <= len(parts.text)]
        return found

    spans = [*found_in(data, with_names=names), *(span for span in known if 0 <= span[0] < span[1] <= len(data))]
    for secret_bytes in also:  # (known secrets, as they stand in the text)
        at = data.find(secret_bytes)
        while at != -1:
            spans.append((at, at + len(secret_bytes), secret_bytes.decode('utf-8', 'surrogateescape')))
            at = data.find(secret_bytes, at + 1)
    for view, starts, ends in _views(data):
        spans += [(starts[start], ends[end - 1], secret) for start, end, secret in found_in(view, with_names=False)]
    for view, starts, ends in glob_views(data) if glob else ():  # a name the glob matches, and that name's parts
        spans += [(starts[start], ends[end - 1], secret) for start, end, secret in found_in(view, with_names=names)
                  if start < end]
    if glob:  # a token cut short by a wildcard (`ghp_…*`) is found by no rule: a word that reads as no name is hidden
        words = [(start, end, data[start:end].decode('utf-8', errors)) for start, end in glob_open_words(data)]
        spans += [word for word in words if not reads_as_name(word[2])]
    merged: list[tuple[int, int, str]] = []
    for start, end, secret in sorted(spans):
        if merged and start < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]), merged[-1][2])
        else:
            merged.append((start, end, secret))
    out, pos = [], 0  # (joined once: a copy of the text for each span was quadratic in a subject of many tokens)
    for start, end, secret in merged:
        out += [data[pos:start], redact(secret).encode()]
        pos = end
    return b''.join([*out, data[pos:]]).decode('utf-8', errors)


def without_secrets(text: str, ruleset: RuleSet, path: str = 'leakstop.toml', *, glob: bool = False,
                    also: Iterable[str] = (), spans: Sequence[tuple[int, int, str]] = ()) -> str:
    """``text`` taken from a repository or written by a user (a commit's subject, a path glob, a rule's description,
    a baseline's file name) with each secret the rules of ``ruleset`` find in it redacted, in the text and in its
    decoded views, as a file at ``path`` is scanned (``scan.every_secret``). Pass every rule, whatever the settings
    select, and no allowlist applies: an allowlisted token pasted into a path is still a token. Also each found
    in a part of a name that ``_`` separates (a subject naming a file: ``backup_<token>.txt``: ``files.name_parts``).
    With ``glob`` (``text`` is a pattern: a glob, a .gitignore line, or may quote one: an error), also each found in a
    name it matches (``files.glob_views``): a pattern is redacted as every name it matches would be. ``also``:
    secrets found where ``text`` was taken from (a commit's whole message), redacted wherever they stand in it;
    ``spans``: byte spans of ``text`` (UTF-8) known to hold a secret (``subject_spans``), redacted."""
    return _redact(text, lambda data: every_secret(data, path, ruleset), names=True, glob=glob,
                   also=[s.encode('utf-8', 'surrogateescape') for s in also if len(s) >= 4], known=spans)

"""git as a source of bytes to scan: the index and what commits added.

The index is read through one long-lived ``git cat-file --batch`` process (one request per blob,
no process per file). History is read from one ``git log -p --cc --unified=0`` stream, parsed as
it arrives: each file-in-commit becomes the id of the content that commit wrote plus the runs of
lines it added (for a merge: lines new to every parent, what a conflict resolution wrote). The
caller reads that content through ``git cat-file --batch`` and scans it whole, keeping findings
on added lines, so each line is judged in the context its file gives it. A file git shows as
"Binary files differ" (UTF-16, a NUL byte, ``-diff`` or ``binary`` in ``.gitattributes``, larger
than ``BIG_FILE``) becomes a ``Blob``: the ids of its old and new content, compared whole,
whatever the attributes say. Every option the parser depends on is on the command line and the
environment variables that change a diff are dropped, so no user setting changes what is parsed.
git never fetches a missing object here (partial clones: the whole files are compared instead
of a diff, and a blob the clone lacks is reported). Nothing here scans; ``leakstop.cli`` hands
the bytes to the pipeline in ``leakstop.scan``.
"""
from __future__ import annotations

import bisect
import io
import os
import re
import subprocess
from typing import IO, Any, Iterator, Mapping, Sequence

from leakstop.errors import FatalError
from leakstop.records import AddedFields, IndexEntryFields
from leakstop.records import Blob as Blob

ZERO_SHA = '0' * 40
GITLINK = '160000'  # a submodule: its content is another repository
SYMLINK = '120000'  # the blob is the link's target, not file content
BIG_FILE = 32 * 1024 * 1024  # larger blobs git shows as binary: compared whole, streamed (as leakstop.scan.CHUNK_SIZE)
# Settings that would change the shape of the diff we parse, whatever the user's config says.
_LOG_CONFIG = (
    '-c', 'core.quotepath=off', '-c', 'log.showsignature=false', '-c', 'log.showroot=true',
    '-c', 'diff.relative=false', '-c', 'diff.noprefix=false', '-c', 'diff.mnemonicprefix=false',
    '-c', 'diff.interhunkcontext=0', '-c', 'diff.suppressblankempty=false', '-c', 'color.ui=never',
    '-c', 'color.diff=never', '-c', 'diff.renames=true', '-c', 'diff.context=0', '-c', 'log.decorate=false',
    '-c', 'i18n.logoutputencoding=UTF-8', '-c', 'log.follow=false', '-c', 'diff.ignoresubmodules=none',
    '-c', 'diff.orderfile=/dev/null',
    # never fetch a missing object (partial clones): git before 2.44 has no GIT_NO_LAZY_FETCH
    '-c', 'protocol.allow=never',
)
# Environment variables that change git's diff output; GIT_DIFF_OPTS even wins over --unified.
_LOG_ENV_DROPPED = ('GIT_DIFF_OPTS', 'GIT_EXTERNAL_DIFF', 'GIT_NOTES_REF', 'GIT_REPLACE_REF_BASE')
LOG_FORMAT = '%x00%H %aI'  # NUL cannot start a diff line, so it marks each commit unambiguously
# a hunk header: "@@ -a,b +c,d @@", or for a merge one "-a,b" per parent between "@@@"s
_HUNK = re.compile(rb'(@@+) ((?:-\d+(?:,\d+)? )+)\+(\d+)(?:,(\d+))? @@')
_OLD_RANGE = re.compile(rb'-(\d+)(?:,(\d+))?')
_INDEX = re.compile(rb'index ([0-9a-f,]+)\.\.([0-9a-f]+)(?: ([0-7]{6}))?')
_MAX_LINES = 1 << 62
_C_ESCAPE = re.compile(rb'\\([0-7]{3}|.)', re.S)
_C_ESCAPES = {
    ord('a'): 7, ord('b'): 8, ord('t'): 9, ord('n'): 10, ord('v'): 11, ord('f'): 12, ord('r'): 13,
    ord('"'): ord('"'), ord('\\'): ord('\\'),
}


def git_output(args: Sequence[str], *, cwd: str) -> bytes:
    """stdout of ``git args`` run in ``cwd``; a failure is a FatalError with git's first line of complaint."""
    try:
        proc = subprocess.run(('git', *args), cwd=cwd, capture_output=True)
    except OSError as e:
        raise FatalError(f'cannot run git: {e.strerror or e}') from None
    if proc.returncode != 0:
        message = proc.stderr.decode('utf-8', 'replace').strip().splitlines()
        raise FatalError(f'git {args[0]}: {message[0] if message else f"exit code {proc.returncode}"}')
    return proc.stdout


def toplevel(cwd: str = '.') -> str:
    """The repository's top directory, or a bare repository's directory (a FatalError outside a repository)."""
    try:
        out = git_output(('rev-parse', '--show-toplevel'), cwd=cwd)
    except FatalError:
        out = b''
    if not out.strip():  # a bare repository (a mirror being cleaned) has history but no work tree
        try:
            bare = git_output(('rev-parse', '--is-bare-repository'), cwd=cwd).strip() == b'true'
        except FatalError:
            bare = False
        if not bare:
            raise FatalError('not in a git repository (or git is missing)')
        return os.path.abspath(cwd)
    return os.fsdecode(out.rstrip(b'\n'))


def _path(raw: bytes) -> str:
    return os.fsdecode(raw)


class IndexEntry(IndexEntryFields):
    __slots__ = ()

    @property
    def scannable(self) -> bool:
        """Content of a file (not a submodule, not a symlink's target)."""
        return self.mode not in (GITLINK, SYMLINK)

    @property
    def in_index(self) -> bool:
        """Whether the index holds this path's content as one blob (false while a merge conflict is open)."""
        return self.stage == 0 and self.sha != ZERO_SHA


def parse_ls_files(out: bytes) -> list[IndexEntry]:
    """``git ls-files -s -z``: ``mode sha stage<TAB>path<NUL>``; unmerged paths once, without a blob."""
    entries: dict[str, IndexEntry] = {}
    for record in out.split(b'\0'):
        if not record:
            continue
        info, _, raw_path = record.partition(b'\t')
        mode, sha, stage = info.decode('ascii').split()
        path = _path(raw_path)
        if stage == '0':
            entries[path] = IndexEntry(path, mode, sha)
        elif path not in entries:
            entries[path] = IndexEntry(path, mode, ZERO_SHA, int(stage))
    return list(entries.values())


def index_entries(top: str) -> list[IndexEntry]:
    """Every path in the index, in git's order."""
    return parse_ls_files(git_output(('ls-files', '-s', '-z'), cwd=top))


def parse_diff_raw(out: bytes) -> list[IndexEntry]:
    """``git diff --raw -z --no-renames``: ``:oldmode newmode oldsha newsha status<NUL>path<NUL>``, new side."""
    fields = out.split(b'\0')
    entries = []
    i = 0
    while i + 1 < len(fields):
        info, raw_path = fields[i], fields[i + 1]
        i += 2
        if not info.startswith(b':'):
            continue
        _old_mode, new_mode, _old_sha, new_sha, status = info[1:].decode('ascii').split()
        unmerged = status.startswith('U')
        entries.append(IndexEntry(_path(raw_path), new_mode, ZERO_SHA if unmerged else new_sha, 2 if unmerged else 0))
    return entries


def staged_entries(top: str) -> list[IndexEntry]:
    """Paths whose index content differs from HEAD (added, copied, modified, renamed, type-changed)."""
    out = git_output((
        'diff', '--cached', '--raw', '-z', '--no-abbrev', '--no-renames', '--no-ext-diff',
        '--ignore-submodules=all', '--diff-filter=ACMRTU',
    ), cwd=top)
    return parse_diff_raw(out)


def _widen_pipe(pipe: IO[bytes]) -> None:
    """Let git write up to 1 MiB ahead of the reader (Linux; elsewhere the default is kept): fewer
    switches between git and us per blob, which is what a loaded machine makes slow."""
    try:
        import fcntl
        fcntl.fcntl(pipe.fileno(), getattr(fcntl, 'F_SETPIPE_SZ', 1031), 1 << 20)
    except (ImportError, OSError):
        pass


class CatFile:
    """One ``git cat-file --batch`` process answering blob requests in order.

    Use as a context manager; ``read(sha)`` returns the blob's bytes (None if git has no such
    object), ``open(sha)`` a bounded stream over them (for blobs too large to hold). A missing
    object is never fetched (partial clones) and replacement objects are ignored.
    """

    def __init__(self, top: str) -> None:
        try:
            self.proc = subprocess.Popen(
                ('git', '--no-replace-objects', '-c', 'protocol.allow=never', 'cat-file', '--batch'), cwd=top,
                stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=log_environment(),
            )
        except OSError as e:
            raise FatalError(f'cannot run git: {e.strerror or e}') from None
        assert self.proc.stdin is not None and self.proc.stdout is not None
        self.stdin: IO[bytes] = self.proc.stdin
        self.stdout: IO[bytes] = self.proc.stdout
        _widen_pipe(self.stdout)
        self.current: BlobReader | None = None

    def open(self, sha: str) -> BlobReader | None:
        """The blob's content as a stream (None if git has no such object). Read it, or not, before
        the next response: whatever is left is skipped then."""
        self.request(sha)
        self.send()
        return self.response(sha)

    def request(self, sha: str) -> None:
        """Ask for a blob without waiting (pipelining): ``send`` the requests, then take each
        ``response`` in the same order. Keep a batch small (a few hundred): git answers only
        as fast as the answers are read."""
        try:
            self.stdin.write(sha.encode('ascii') + b'\n')
        except BrokenPipeError:
            raise FatalError('git cat-file: stopped unexpectedly') from None

    def send(self) -> None:
        try:
            self.stdin.flush()
        except BrokenPipeError:
            raise FatalError('git cat-file: stopped unexpectedly') from None

    def response(self, sha: str) -> BlobReader | None:
        """The answer to the oldest request not answered yet (``sha``: what it asked for)."""
        if self.current is not None:
            self.current.skip()
        header = self.stdout.readline()
        if not header:
            raise FatalError('git cat-file: stopped unexpectedly')
        if header.endswith(b' missing\n'):
            return None
        self.current = BlobReader(self.stdout, int(header.split()[2]), sha)
        return self.current

    def read(self, sha: str) -> bytes | None:
        blob = self.open(sha)
        return None if blob is None else blob.read()

    def close(self) -> None:
        self.stdin.close()
        self.stdout.close()
        self.proc.wait()

    def __enter__(self) -> CatFile:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class BlobReader(io.RawIOBase):
    """The ``size`` bytes of one blob on a ``cat-file --batch`` stream (then its newline)."""

    def __init__(self, stdout: IO[bytes], size: int, sha: str) -> None:
        super().__init__()
        self.stdout, self.size, self.left, self.sha = stdout, size, size, sha

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        want = min(len(buffer), self.left)
        if want == 0:
            self._end()
            return 0
        data = self.stdout.read(want)
        if not data:
            raise FatalError(f'git cat-file: {self.sha}: short read')
        n = len(data)
        buffer[:n] = data
        self.left -= n
        if not self.left:
            self._end()
        return n

    def read(self, size: int | None = -1) -> bytes:
        if size is None or size < 0 or size > self.left:
            size = self.left
        data = self.stdout.read(size) if size else b''
        if len(data) != size:
            raise FatalError(f'git cat-file: {self.sha}: short read')
        self.left -= size
        if not self.left:
            self._end()
        return data

    def skip(self) -> None:
        while self.left:
            self.read(min(self.left, 1 << 20))
        self._end()

    def _end(self) -> None:
        if self.left == 0 and not self.closed:
            self.stdout.read(1)  # the newline after the content
            self.close()


def unquote_path(raw: bytes) -> bytes:
    """A path as git printed it: C-style quoted (``"a\\tb\\303\\251"``) when it holds unusual bytes."""
    if not (len(raw) >= 2 and raw.startswith(b'"') and raw.endswith(b'"')):
        return raw

    def one(m: re.Match[bytes]) -> bytes:
        esc = m.group(1)
        if len(esc) == 3:
            return bytes((int(esc, 8) & 0xFF,))
        return bytes((_C_ESCAPES.get(esc[0], esc[0]),))
    return _C_ESCAPE.sub(one, raw[1:-1])


class Added(AddedFields):
    """A file-in-commit that added lines: where they are in the content that commit wrote.

    ``blob`` is that content; it is read and scanned whole, so every added line is judged with the
    context the file gives it (the line above it, the manifest it belongs to), and a finding is
    reported if it touches an added line. For a merge, the added lines are those new to every
    parent (what a conflict resolution wrote).
    """

    __slots__ = ()

    def touches(self, first: int, last: int) -> bool:
        """Whether any line from ``first`` to ``last`` (inclusive, 1-based) was added."""
        i = bisect.bisect_right(self.runs, (first, _MAX_LINES)) - 1
        if i >= 0 and self.runs[i][0] + self.runs[i][1] > first:
            return True
        return i + 1 < len(self.runs) and self.runs[i + 1][0] <= last


def _new_path(line: bytes) -> str | None:
    """The path on a ``+++ b/path`` line (None for ``/dev/null``)."""
    raw = line[4:].rstrip(b'\n')
    if raw.endswith(b'\t'):  # git appends a tab when the name holds a space
        raw = raw[:-1]
    raw = unquote_path(raw)
    if raw == b'/dev/null':
        return None
    return _path(raw[2:] if raw.startswith(b'b/') else raw)


def _diff_git_path(line: bytes) -> str | None:
    """The new path on a ``diff --git a/x b/x`` line, when it is unambiguous (used if no ``+++`` line
    follows); the path of a ``diff --cc x`` (merge) line."""
    if line.startswith((b'diff --cc ', b'diff --combined ')):
        return _path(unquote_path(line.split(b' ', 2)[2].rstrip(b'\n')))
    rest = line[len(b'diff --git '):].rstrip(b'\n')
    if rest.startswith(b'"'):
        end = rest.find(b'" ', 1)
        new = rest[end + 2:] if end != -1 else b''
    else:
        half = (len(rest) - 1) // 2
        if rest[half:half + 1] != b' ':
            return None
        new = rest[half + 1:]
    new = unquote_path(new)
    return _path(new[2:]) if new.startswith(b'b/') else None


def _renamed_path(line: bytes, prefix: bytes) -> str:
    """The path on a ``rename to PATH`` / ``copy to PATH`` line (no ``b/`` prefix; C-quoted if unusual)."""
    return _path(unquote_path(line[len(prefix):].rstrip(b'\n')))


def _real(sha: str) -> bool:
    return bool(sha) and bool(sha.strip('0'))


def parse_log(stream: IO[bytes] | Iterator[bytes]) -> Iterator[Added | Blob | str]:
    """Parse ``git log -p --cc --unified=0 --full-index --format=LOG_FORMAT`` incrementally.

    Yields each commit id as it starts (for progress), an ``Added`` for every file-in-commit that
    added at least one line, and a ``Blob`` for every file-in-commit git diffs as binary (its new
    content is not a deletion, a symlink or a submodule). A merge's combined diff has one column
    per parent; a line is added when every column says ``+``. Hunk bodies are consumed by the
    counts in their headers (context lines included, should any appear), so content that looks
    like a header (an added line ``++ b/x`` shows as ``+++ b/x``) is content.
    """
    commit = date = ''
    path: str | None = None
    runs: list[list[int]] = []
    width = 1  # columns of +/-/space before each line: the number of parents
    minus: list[int] = []  # lines of each parent still expected in this hunk
    plus = 0  # lines of the new content still expected in this hunk
    new_line = 0
    old_shas: tuple[str, ...] = ()
    new_sha = ''
    binary = link = gitlink = False

    def flush() -> Added | Blob | None:
        if path is None or gitlink:
            return None
        if binary:
            if link or not _real(new_sha):
                return None
            return Blob(commit, date, path, tuple(s for s in old_shas if _real(s)), new_sha)
        if not runs:
            return None
        return Added(commit, date, path, new_sha, tuple((a, n) for a, n in runs), tuple(s for s in old_shas if _real(s)))

    def reset() -> None:
        nonlocal path, runs, old_shas, new_sha, binary, link, gitlink, minus, plus
        path, runs, old_shas, new_sha = None, [], (), ''
        binary = link = gitlink = False
        minus, plus = [], 0

    for line in stream:
        if plus or minus:
            if width == 1:  # the common case, kept short
                c = line[:1]
                if c == b'+' and plus:
                    if runs and runs[-1][0] + runs[-1][1] == new_line:
                        runs[-1][1] += 1
                    else:
                        runs.append([new_line, 1])
                    new_line += 1
                    plus -= 1
                elif c == b'-' and minus[0]:
                    minus[0] -= 1
                elif (c == b' ' or line == b'\n') and plus and minus[0]:  # a context line
                    new_line += 1
                    plus -= 1
                    minus[0] -= 1
                elif c == b'\\':
                    continue  # "\ No newline at end of file"
                else:
                    c = b''
                if c:
                    if not plus and not minus[0]:
                        minus = []
                    continue
                minus, plus = [], 0  # malformed: resynchronise on the headers
            else:
                cols = line[:width] if len(line) > width else b' ' * width if line == b'\n' else b''
                if line.startswith(b'\\'):
                    continue
                if len(cols) == width and not cols.strip(b' +-'):
                    removed = b'-' in cols
                    # a removed line counts against the parents it was in; a line of the result
                    # against the new content and every parent it was already in (column ' ')
                    taken = [i for i, c in enumerate(cols) if c == (0x2D if removed else 0x20)]
                    if all(minus[i] for i in taken) and (removed or plus):
                        for i in taken:
                            minus[i] -= 1
                        if not removed:
                            if b' ' not in cols:  # new to every parent
                                if runs and runs[-1][0] + runs[-1][1] == new_line:
                                    runs[-1][1] += 1
                                else:
                                    runs.append([new_line, 1])
                            new_line += 1
                            plus -= 1
                        if not plus and not any(minus):
                            minus = []
                        continue
                minus, plus = [], 0
        if line.startswith(b'\\'):
            continue
        if line.startswith(b'\0'):
            done = flush()
            if done is not None:
                yield done
            reset()
            sha, _, rest = line[1:].rstrip(b'\n').partition(b' ')
            commit, date = sha.decode('ascii', 'replace'), rest.decode('ascii', 'replace')
            yield commit
        elif line.startswith(b'diff '):
            done = flush()
            if done is not None:
                yield done
            reset()
            path = _diff_git_path(line)
        elif line.startswith(b'+++ '):
            path = _new_path(line)
        elif line.startswith(b'index '):
            m = _INDEX.match(line)
            if m is not None:
                old_shas = tuple(m.group(1).decode('ascii').split(','))
                new_sha = m.group(2).decode('ascii')
                mode = m.group(3)
                link = link or mode == SYMLINK.encode()
                gitlink = gitlink or mode == GITLINK.encode()
        elif line.startswith((b'new file mode ', b'new mode ', b'mode ')):
            mode = line.rstrip(b'\n')[-6:]
            link = mode == SYMLINK.encode()
            gitlink = mode == GITLINK.encode()
        elif line.startswith(b'rename to '):
            path = _renamed_path(line, b'rename to ')
        elif line.startswith(b'copy to '):
            path = _renamed_path(line, b'copy to ')
        elif line.startswith(b'Binary files ') or line.startswith(b'GIT binary patch'):
            binary = True
        elif line.startswith(b'@@'):
            m = _HUNK.match(line)
            if m is not None:
                width = len(m.group(1)) - 1
                olds = _OLD_RANGE.findall(m.group(2))
                if len(olds) == width:
                    minus = [int(n) if n else 1 for _, n in olds]
                    plus = int(m.group(4)) if m.group(4) is not None else 1
                    new_line = int(m.group(3))
                    if not plus and not any(minus):
                        minus = []
    done = flush()
    if done is not None:
        yield done


def _nul_records(stream: IO[bytes] | Iterator[bytes]) -> Iterator[bytes]:
    """The NUL-terminated records of a stream, as they arrive."""
    chunks: Iterator[bytes] = iter(lambda: stream.read(1 << 16), b'') if hasattr(stream, 'read') else iter(stream)
    rest = b''
    for chunk in chunks:
        records = (rest + chunk).split(b'\0')
        rest = records.pop()
        yield from records
    if rest:
        yield rest


_COMMIT_RECORD = re.compile(rb'\n?([0-9a-f]{40,64}) (.*)', re.S)


def parse_raw_log(stream: IO[bytes] | Iterator[bytes]) -> Iterator[Blob | str]:
    """Parse ``git log --raw -z -c --no-renames --format=LOG_FORMAT``: each commit id, then a ``Blob``
    per file-in-commit whose new content is a file (not deleted, not a link or a submodule), with
    the content each parent had. Used where git must not read blobs to make a diff (partial clones)."""
    commit = date = ''
    records = _nul_records(stream)
    for record in records:
        record = record.lstrip(b'\n')
        if record.startswith(b':'):
            raw_path = next(records, None)  # the path is the next record, whatever it looks like
            if raw_path is None:
                break
            fields = record.lstrip(b':').split()
            parents = (len(fields) - 1) // 2 - 1
            if parents < 1:
                continue
            modes = [m.decode('ascii') for m in fields[:parents + 1]]
            shas = [x.decode('ascii') for x in fields[parents + 1:2 * parents + 2]]
            if modes[-1] in (SYMLINK, GITLINK) or not _real(shas[-1]):
                continue
            olds = tuple(x for x, m in zip(shas[:-1], modes[:-1]) if m not in (SYMLINK, GITLINK) and _real(x))
            yield Blob(commit, date, _path(raw_path), olds, shas[-1])
            continue
        m = _COMMIT_RECORD.fullmatch(record)
        if m is not None:
            commit, date = m.group(1).decode('ascii'), m.group(2).decode('ascii', 'replace').strip()
            yield commit


def log_command(revisions: Sequence[str], *, raw: bool = False) -> list[str]:
    """``git log`` with every option the parser depends on pinned (user config cannot change them).

    ``raw``: whole files instead of patches (``--raw``: git reads no blob; for partial clones).
    """
    shape = (
        ['--raw', '-z', '--no-renames', '-c', '--no-abbrev'] if raw else
        ['-p', '--cc', '--unified=0', '--inter-hunk-context=0', '--full-index', '-M', '--no-ext-diff',
         '--no-textconv', '--submodule=short', '--src-prefix=a/', '--dst-prefix=b/', '--no-color']
    )
    return [
        'git', '--no-replace-objects', *_LOG_CONFIG, '-c', f'core.bigfilethreshold={BIG_FILE}', 'log', *shape, f'--format={LOG_FORMAT}', '--no-notes',
        '--no-decorate', '--no-show-signature', *revisions, '--',
    ]


def log_environment(environ: Mapping[str, str] = os.environ) -> dict[str, str]:
    """The environment for git: without the variables that change the diff it prints, and with
    lazy fetching of missing objects off (git 2.44 and later; ``protocol.allow=never`` in
    ``_LOG_CONFIG`` stops older versions)."""
    env = {k: v for k, v in environ.items() if k not in _LOG_ENV_DROPPED}
    env['GIT_NO_LAZY_FETCH'] = '1'
    env['GIT_NO_REPLACE_OBJECTS'] = '1'
    return env


def missing_objects(top: str) -> frozenset[str]:
    """The ids of the objects a partial clone lacks, listed without fetching them (git before 2.44
    cannot be told not to fetch, and then stops, when ``cat-file`` is asked for one)."""
    out = git_output(('--no-replace-objects', '-c', 'protocol.allow=never', 'rev-list', '--objects', '--all',
                      '--missing=print'), cwd=top)
    return frozenset(line[1:].decode('ascii') for line in out.splitlines() if line.startswith(b'?'))


def is_partial_clone(top: str) -> bool:
    """Whether objects may be missing on purpose (``git clone --filter``): a promisor remote."""
    proc = subprocess.run(
        ('git', 'config', '--get-regexp', r'^(extensions\.partialclone|remote\..*\.promisor)$'),
        cwd=top, capture_output=True,
    )
    for line in proc.stdout.splitlines():
        key, _, value = line.partition(b' ')
        if key.lower() == b'extensions.partialclone' and value.strip():
            return True
        if key.endswith(b'.promisor') and value.strip().lower() in (b'true', b'yes', b'on', b'1'):
            return True
    return False


def verify_revisions(revisions: Sequence[str], *, top: str) -> None:
    """A FatalError naming the first revision (or range) git cannot resolve."""
    for rev in revisions:
        parts = [p for p in re.split(r'\.\.\.?', rev) if p] if '..' in rev else [rev]
        for part in parts:
            proc = subprocess.run(
                ('git', 'rev-parse', '--verify', '--quiet', '--end-of-options', f'{part}^{{commit}}'),
                cwd=top, capture_output=True,
            )
            if proc.returncode != 0:
                raise FatalError(f'unknown revision {part!r}')


def added_lines(revisions: Sequence[str], *, top: str) -> Iterator[Added | Blob | str]:
    """What ``parse_log`` yields for the commits in ``revisions`` (``git log`` syntax), newest first.

    In a partial clone, what ``parse_raw_log`` yields: a diff would make git read (and fetch)
    every blob, so each changed file is compared whole, and a blob the clone lacks is the
    caller's to report.
    """
    verify_revisions(revisions, top=top)
    raw = is_partial_clone(top)
    try:
        proc = subprocess.Popen(
            log_command(revisions, raw=raw), cwd=top, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=log_environment(),
        )
    except OSError as e:
        raise FatalError(f'cannot run git: {e.strerror or e}') from None
    assert proc.stdout is not None and proc.stderr is not None
    _widen_pipe(proc.stdout)
    try:
        yield from (parse_raw_log(proc.stdout) if raw else parse_log(proc.stdout))
    finally:
        proc.stdout.close()
        err = proc.stderr.read()
        proc.stderr.close()
        code = proc.wait()
    if code != 0:
        message = err.decode('utf-8', 'replace').strip().splitlines()
        raise FatalError(f'git log: {message[0] if message else f"exit code {code}"}')


def ignore_rule(path: str) -> str | None:
    """The line that makes git ignore ``path`` (``.gitignore:3:*.json``), or None: git would not
    ignore it (no pattern, a ``!`` pattern, the file is tracked), it is not in a work tree, or git
    is missing. Asked in the file's own directory, so a file in another repository is judged there."""
    directory = os.path.dirname(os.path.abspath(path)) or os.sep
    try:
        proc = subprocess.run(
            ('git', 'check-ignore', '--verbose', '-z', '--stdin'), cwd=directory, capture_output=True,
            input=os.fsencode(os.path.basename(path)) + b'\0',
        )
    except OSError:
        return None
    fields = proc.stdout.split(b'\0')
    if proc.returncode != 0 or len(fields) < 4 or fields[2].startswith(b'!'):
        return None
    source, line, pattern = (os.fsdecode(f) for f in fields[:3])
    return f'{source}:{line}:{pattern}'

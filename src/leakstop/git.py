"""git as a source of bytes to scan: the index and what commits wrote.

The index is read through one long-lived ``git cat-file --batch`` process (one request per blob,
no process per file). History is read from one ``git log --raw -c`` stream: for each commit, the
paths it changed, with the blob each parent had there and the blob the commit wrote (for a merge,
only the paths whose content differs from every parent: what a conflict resolution wrote). git
reads no blob to print that, so ``.gitattributes`` (``-diff``, ``binary``) changes nothing, and
nothing is fetched in a partial clone. ``leakstop.history`` reads the blobs through
``git cat-file --batch`` and scans them whole. Every option the parser depends on is on the command
line and the environment variables that change git's output are dropped, so no user setting
changes what is parsed; git never fetches a missing object here. Nothing here scans.
"""
from __future__ import annotations

import io
import os
import re
import subprocess
from typing import IO, Any, Iterator, Mapping, Sequence

from leakstop.errors import FatalError
from leakstop.records import Commit, FileChange, IndexEntryFields
from leakstop.regex import LazyPattern

ZERO_SHA = '0' * 40
GITLINK = '160000'  # a submodule: its content is another repository
SYMLINK = '120000'  # the blob is the link's target, not file content
ALL_REFS = '--all'  # every branch, remote-tracking branch and tag (what `gitleaks git` scans)
# Settings under which git runs no command that a repository's config names (a checkout scanned
# may come from anyone: an archive with its .git, a CI artifact), set on every git leakstop starts.
# core.fsmonitor is read by every command that reads the index (ls-files, diff --cached,
# check-ignore); empty, not 'false', as git before 2.36 reads it as a hook's path, where empty is off.
# protocol.allow=never stops every transport, so no core.sshCommand, core.gitProxy, ext:: URL or
# credential helper runs (and a partial clone fetches nothing); log.showsignature=false, no gpg.program.
# No pager runs (``--no-pager``), and leakstop asks for no patch, so no diff driver or textconv does.
SAFE_CONFIG = (
    '-c', 'core.fsmonitor=', '-c', 'protocol.allow=never', '-c', 'log.showsignature=false',
)
# Settings that would change what git log prints, whatever the user's config says.
_LOG_CONFIG = (
    *SAFE_CONFIG,
    '-c', 'core.quotepath=off', '-c', 'log.showsignature=false', '-c', 'log.showroot=true',
    '-c', 'diff.relative=false', '-c', 'diff.noprefix=false', '-c', 'diff.mnemonicprefix=false',
    '-c', 'diff.interhunkcontext=0', '-c', 'diff.suppressblankempty=false', '-c', 'color.ui=never',
    '-c', 'color.diff=never', '-c', 'diff.renames=true', '-c', 'diff.context=0', '-c', 'log.decorate=false',
    '-c', 'i18n.logoutputencoding=UTF-8', '-c', 'log.follow=false', '-c', 'diff.ignoresubmodules=none',
    '-c', 'diff.orderfile=/dev/null',
)
# Environment variables that change git's diff output or the objects it shows.
_LOG_ENV_DROPPED = ('GIT_DIFF_OPTS', 'GIT_EXTERNAL_DIFF', 'GIT_NOTES_REF', 'GIT_REPLACE_REF_BASE')
# the id and the author date (no space, no NUL in either). The message is not taken from here: git prints a message
# only up to its first NUL byte, and without the headers a person wrote (author, extra headers): the commit object is
# read whole instead (``objects``; eleventh hostile review, break 01)
LOG_FORMAT = '%x00%H %aI'


def command(*args: str) -> list[str]:
    """The argument list that runs ``git args`` under ``SAFE_CONFIG``: every git process leakstop starts."""
    return ['git', '--no-pager', *SAFE_CONFIG, *args]


def git_output(args: Sequence[str], *, cwd: str) -> bytes:
    """stdout of ``git args`` run in ``cwd``; a failure is a FatalError with git's first line of complaint."""
    try:
        proc = subprocess.run(command(*args), cwd=cwd, capture_output=True)
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
                command('--no-replace-objects', 'cat-file', '--batch'), cwd=top,
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

    def response_bytes(self, sha: str, limit: int) -> bytes | BlobReader | None:
        """``response``, but a blob of at most ``limit`` bytes comes whole, as bytes (no stream object)."""
        if self.current is not None:
            self.current.skip()
            self.current = None
        header = self.stdout.readline()
        if not header:
            raise FatalError('git cat-file: stopped unexpectedly')
        if header.endswith(b' missing\n'):
            return None
        size = int(header.split()[2])
        if size > limit:
            self.current = BlobReader(self.stdout, size, sha)
            return self.current
        data = self.stdout.read(size)
        if len(data) != size or self.stdout.read(1) != b'\n':
            raise FatalError(f'git cat-file: {sha}: short read')
        return data

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


def _real(sha: str) -> bool:
    return bool(sha) and bool(sha.strip('0'))


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

_COMMIT_RECORD = LazyPattern(rb'\n?([0-9a-f]{40,64}) (\S*)(?:\n(.*))?', re.S)


def parse_raw_log(stream: IO[bytes] | Iterator[bytes]) -> Iterator[Commit | FileChange]:
    """Parse ``git log --raw -z -c --no-renames --no-abbrev --format=LOG_FORMAT``: each commit (id, author
    date and message), then a ``FileChange`` per path it changed, with the blob each parent had there and
    the blob it wrote ('' where it wrote no file: a deletion, a submodule; a symlink's blob is its target). A merge lists
    only the paths whose content differs from every parent (``-c``): a clean merge lists none.
    Records are NUL-terminated and a path is the record after its ``:`` record, whatever it holds."""
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
            # (a symlink's blob is its target path: scanned as text, as scan-secrets scans a staged link)
            new = shas[-1] if modes[-1] != GITLINK and _real(shas[-1]) else ''
            olds = tuple(x for x, m in zip(shas[:-1], modes[:-1]) if m != GITLINK and _real(x))
            if new or olds:
                yield FileChange(_path(raw_path), olds, new)
            continue
        m = _COMMIT_RECORD.fullmatch(record)
        if m is not None:
            yield Commit(m.group(1).decode('ascii'), m.group(2).decode('ascii', 'replace'), message=m.group(3) or b'')


def log_command(revisions: Sequence[str]) -> list[str]:
    """``git log --raw`` over ``revisions`` with every option the parser depends on pinned (user
    config cannot change them). git reads no blob to print it (so nothing is fetched in a partial
    clone, and ``.gitattributes`` changes nothing)."""
    return [
        'git', '--no-pager', '--no-replace-objects', *_LOG_CONFIG, 'log', '--raw', '-z', '--no-renames', '-c', '--no-abbrev',
        f'--format={LOG_FORMAT}', '--no-notes', '--no-decorate', '--no-show-signature', *revisions, '--',
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
    out = git_output(('--no-replace-objects', 'rev-list', '--objects', '--all',
                      '--missing=print'), cwd=top)
    return frozenset(line[1:].decode('ascii') for line in out.splitlines() if line.startswith(b'?'))


def is_partial_clone(top: str) -> bool:
    """Whether objects may be missing on purpose (``git clone --filter``): a promisor remote."""
    proc = subprocess.run(
        command('config', '--get-regexp', r'^(extensions\.partialclone|remote\..*\.promisor)$'),
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
        if rev == ALL_REFS:
            continue
        parts = [p for p in re.split(r'\.\.\.?', rev) if p] if '..' in rev else [rev]
        for part in parts:
            proc = subprocess.run(
                command('rev-parse', '--verify', '--quiet', '--end-of-options', f'{part}^{{commit}}'),
                cwd=top, capture_output=True,
            )
            if proc.returncode != 0:
                raise FatalError(f'unknown revision {part!r}')


def history(revisions: Sequence[str], *, top: str) -> Iterator[tuple[Commit, list[FileChange]]]:
    """Each commit of ``revisions`` (``git log`` syntax, or ``ALL_REFS``), newest first, with the paths it changed."""
    verify_revisions(revisions, top=top)
    try:
        proc = subprocess.Popen(
            log_command(revisions), cwd=top, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=log_environment(),
        )
    except OSError as e:
        raise FatalError(f'cannot run git: {e.strerror or e}') from None
    assert proc.stdout is not None and proc.stderr is not None
    _widen_pipe(proc.stdout)
    commit: Commit | None = None
    changes: list[FileChange] = []
    try:
        for item in parse_raw_log(proc.stdout):
            if isinstance(item, FileChange):
                changes.append(item)
                continue
            if commit is not None:
                yield commit, changes
            commit, changes = item, []
        if commit is not None:
            yield commit, changes
    finally:
        proc.stdout.close()
        err = proc.stderr.read()
        proc.stderr.close()
        code = proc.wait()
    if code != 0:
        message = err.decode('utf-8', 'replace').strip().splitlines()
        raise FatalError(f'git log: {message[0] if message else f"exit code {code}"}')


def _git_lines(args: Sequence[str], *, top: str, stdin: bytes = b'', sep: bytes = b'\n') -> list[bytes]:
    """The records of ``git args`` (replacement objects ignored, nothing fetched); a failure is a FatalError."""
    proc = subprocess.run(command('--no-replace-objects', *args), cwd=top, input=stdin, capture_output=True,
                          env=log_environment())
    if proc.returncode != 0:
        message = proc.stderr.decode('utf-8', 'replace').strip().splitlines()
        raise FatalError(f'git {args[0]}: {message[0] if message else f"exit code {proc.returncode}"}')
    return [record for record in proc.stdout.split(sep) if record]


def ref_names(top: str) -> list[str]:
    """The name of every ref (``refs/heads/…``, ``refs/tags/…``): ``git push --all`` and ``--tags`` publish them."""
    return [os.fsdecode(line) for line in _git_lines(('for-each-ref', '--format=%(refname)'), top=top)]


def refs_to_files(top: str) -> list[tuple[str, str, str]]:
    """``(ref, type, id)`` of each ref ``git log --all`` passes over without a word: one whose object, its tags
    peeled, is a ``blob`` or a ``tree`` (``git tag t <blob>``, which ``git push --tags`` publishes; tenth hostile
    review, break 18). One ``for-each-ref``; a ``cat-file`` only when an annotated tag is there to peel."""
    refs: list[tuple[str, str, str]] = []
    for line in _git_lines(('for-each-ref', '--format=%(objecttype) %(objectname) %(refname)'), top=top):
        kind, sha, name = line.split(b' ', 2)
        refs.append((os.fsdecode(name), kind.decode('ascii'), sha.decode('ascii')))
    tags = [sha for _, kind, sha in refs if kind == 'tag']
    if tags:  # each answer: the type and id of the object the tag leads to (``missing`` if the clone lacks it)
        answers = _git_lines(('cat-file', '--batch-check=%(objecttype) %(objectname)'), top=top,
                             stdin=b''.join(f'{sha}^{{}}\n'.encode() for sha in tags))
        peeled = {tag: answer.decode('ascii', 'replace').partition(' ') for tag, answer in zip(tags, answers)}
        refs = [(name, peeled[sha][0], peeled[sha][2]) if kind == 'tag' else (name, kind, sha) for name, kind, sha in refs]
    return [(name, kind, sha) for name, kind, sha in refs if kind in ('blob', 'tree')]


def tag_objects(top: str) -> list[tuple[str, bytes]]:
    """``(ref, tag object)`` of each ref to an annotated tag, and of each tag object such a tag points to (a tag of a
    tag): ``git push --tags`` publishes their messages (tenth hostile review, break 19's sibling). Each object is read
    whole: ``for-each-ref`` prints a message only up to its first NUL byte, and only the outer tag's (eleventh
    hostile review, break 01's siblings)."""
    pending: list[tuple[str, str]] = []
    for line in _git_lines(('for-each-ref', '--format=%(objecttype) %(objectname) %(refname)'), top=top):
        kind, object_id, name = line.split(b' ', 2)
        if kind == b'tag':
            pending.append((os.fsdecode(name), object_id.decode('ascii')))
    out: list[tuple[str, bytes]] = []
    seen: set[tuple[str, str]] = set()
    while pending:  # a tag of a tag: ``git push`` publishes the inner tag with the outer one, under the outer's ref
        found = dict(objects([sha for _, sha in pending], top=top))
        inner = []
        for ref, sha in pending:
            data = found.get(sha)
            if data is None or (ref, sha) in seen:
                continue
            seen.add((ref, sha))
            out.append((ref, data))
            tagged = _tagged_tag(data)
            if tagged:
                inner.append((ref, tagged))
        pending = inner
    return out


def _tagged_tag(tag: bytes) -> str | None:
    """The id of the tag object a tag object points to (``type tag``), else None."""
    head = tag.partition(b'\n\n')[0].split(b'\n')
    if b'type tag' not in head:
        return None
    ids = [line[len(b'object '):].decode('ascii', 'replace') for line in head if line.startswith(b'object ')]
    return ids[0] if ids else None


def objects(shas: Sequence[str], *, top: str) -> Iterator[tuple[str, bytes | None]]:
    """Each of ``shas`` with its object's bytes, as git stores them (None if the repository lacks it: never fetched),
    by one ``git cat-file --batch``, a few hundred asked at a time. For commits and tags: a commit costs about
    20 microseconds."""
    with CatFile(top) as cat:
        for pos in range(0, len(shas), _OBJECTS_ASKED):
            batch = shas[pos:pos + _OBJECTS_ASKED]
            for sha in batch:
                cat.request(sha)
            cat.send()
            for sha in batch:
                data = cat.response_bytes(sha, _OBJECT_LIMIT)
                yield sha, data.read() if isinstance(data, BlobReader) else data


_OBJECTS_ASKED = 256  # objects asked of ``objects``' cat-file at a time (git answers as fast as they are read)
_OBJECT_LIMIT = 1 << 26  # an object larger than this is read as a stream, then whole


def tree_blobs(tree: str, *, top: str) -> list[tuple[str, str]]:
    """``(blob id, path)`` of each file in ``tree``, at any depth (a submodule holds none here)."""
    out = []
    for record in _git_lines(('ls-tree', '-r', '-z', '--full-tree', tree), top=top, sep=b'\0'):
        info, _, path = record.partition(b'\t')
        _mode, kind, sha = info.decode('ascii').split()
        if kind == 'blob':
            out.append((sha, os.fsdecode(path)))
    return out


def literal_path(path: str) -> str:
    """``path`` as ``git check-ignore --stdin`` reads it literally. It reads each path as a pathspec, where a leading
    ``:`` is magic (``:cfg/.env`` was judged as ``cfg/.env``, ``:!cfg/.env`` refused: tenth hostile review, break
    17), and it refuses ``--literal-pathspecs``; behind ``./`` nothing is magic. git answers with the path as asked."""
    return f'./{path}'


def ignore_rule(path: str) -> tuple[str, int, str] | None:
    """The line that makes git ignore ``path`` (its file, line number and pattern: ``('.gitignore', 3, '*.json')``;
    the pattern is text of that file, to show only as ``report.display_pattern`` allows), or None: git would not
    ignore it (no pattern, a ``!`` pattern, the file is tracked), it is not in a work tree, or git
    is missing. Asked in the file's own directory, so a file in another repository is judged there."""
    directory = os.path.dirname(os.path.abspath(path)) or os.sep
    try:
        proc = subprocess.run(
            command('check-ignore', '--verbose', '-z', '--stdin'), cwd=directory, capture_output=True,
            input=os.fsencode(literal_path(os.path.basename(path))) + b'\0',
        )
    except OSError:
        return None
    fields = proc.stdout.split(b'\0')
    if proc.returncode != 0 or len(fields) < 4 or fields[2].startswith(b'!'):
        return None
    source, line, pattern = (os.fsdecode(f) for f in fields[:3])
    return source, int(line) if line.isdigit() else 0, pattern


def subjects(shas: Sequence[str], *, top: str, whole: bool = False) -> dict[str, str]:
    """The subject of each commit's message (git's ``%s``: its first paragraph, its lines joined by spaces), or
    with ``whole`` the message as it was written (``%B``), read by one ``git log --no-walk --stdin``.
    A message holding a NUL byte can only mislabel itself: ids are checked against those asked for."""
    if not shas:
        return {}
    proc = subprocess.run(
        command('--no-replace-objects', '-c', 'i18n.logOutputEncoding=UTF-8', 'log', '--no-walk=unsorted', '--stdin',
                '-z', '--format=%H %B' if whole else '--format=%H %s', '--no-notes', '--no-show-signature', '--'),
        cwd=top, input='\n'.join(shas).encode('ascii') + b'\n', capture_output=True, env=log_environment(),
    )
    asked = set(shas)
    out: dict[str, str] = {}
    for record in proc.stdout.split(b'\0'):
        sha, _, subject = record.partition(b' ')
        text = sha.decode('ascii', 'replace')
        if text in asked and text not in out:
            out[text] = subject.decode('utf-8', 'surrogateescape')
    return out

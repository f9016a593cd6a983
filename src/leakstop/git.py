"""git as a source of bytes to scan: the index and what commits added.

The index is read through one long-lived ``git cat-file --batch`` process (one request per blob,
no process per file). History is read from one ``git log -p --unified=0`` stream, parsed as it
arrives: each file-in-commit becomes the text of its added lines plus the new-file line number of
each, so findings can be reported where they were in the file that commit wrote. A file git shows
as "Binary files differ" (UTF-16, a NUL byte, ``-diff`` or ``binary`` in ``.gitattributes``)
becomes a ``Blob``: the ids of its old and new content, read through ``git cat-file --batch`` and
scanned whole, whatever the attributes say. Every option the parser depends on is on the command
line and ``GIT_DIFF_OPTS`` is dropped, so no user setting changes what is parsed. Nothing here
scans; ``leakstop.cli`` hands the bytes to the pipeline in ``leakstop.scan``.
"""
from __future__ import annotations

import dataclasses
import os
import re
import subprocess
from typing import IO, Iterator, Mapping, Sequence

from leakstop.errors import FatalError

ZERO_SHA = '0' * 40
GITLINK = '160000'  # a submodule: its content is another repository
SYMLINK = '120000'  # the blob is the link's target, not file content
# Settings that would change the shape of the diff we parse, whatever the user's config says.
_LOG_CONFIG = (
    '-c', 'core.quotepath=off', '-c', 'log.showsignature=false', '-c', 'log.showroot=true',
    '-c', 'diff.relative=false', '-c', 'diff.noprefix=false', '-c', 'diff.mnemonicprefix=false',
    '-c', 'diff.interhunkcontext=0', '-c', 'diff.suppressblankempty=false', '-c', 'color.ui=never',
)
# Environment variables that change git's diff output; GIT_DIFF_OPTS even wins over --unified.
_LOG_ENV_DROPPED = ('GIT_DIFF_OPTS', 'GIT_EXTERNAL_DIFF')
LOG_FORMAT = '%x00%H %aI'  # NUL cannot start a diff line, so it marks each commit unambiguously
_HUNK = re.compile(rb'@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@')
_INDEX = re.compile(rb'index ([0-9a-f]+)\.\.([0-9a-f]+)')
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


@dataclasses.dataclass(frozen=True)
class IndexEntry:
    path: str  # relative to the top of the repository, ``/``-separated
    mode: str
    sha: str  # ZERO_SHA when the index holds no single blob (an unmerged path)
    stage: int = 0

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


class CatFile:
    """One ``git cat-file --batch`` process answering blob requests in order.

    Use as a context manager; ``read(sha)`` returns the blob's bytes (None if git has no such object).
    """

    def __init__(self, top: str) -> None:
        try:
            self.proc = subprocess.Popen(
                ('git', 'cat-file', '--batch'), cwd=top,
                stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
            )
        except OSError as e:
            raise FatalError(f'cannot run git: {e.strerror or e}') from None
        assert self.proc.stdin is not None and self.proc.stdout is not None
        self.stdin: IO[bytes] = self.proc.stdin
        self.stdout: IO[bytes] = self.proc.stdout

    def read(self, sha: str) -> bytes | None:
        try:
            self.stdin.write(sha.encode('ascii') + b'\n')
            self.stdin.flush()
        except BrokenPipeError:
            raise FatalError('git cat-file: stopped unexpectedly') from None
        header = self.stdout.readline()
        if not header:
            raise FatalError('git cat-file: stopped unexpectedly')
        if header.endswith(b' missing\n'):
            return None
        size = int(header.split()[2])
        data = self.stdout.read(size)
        self.stdout.read(1)  # the newline after the content
        if len(data) != size:
            raise FatalError(f'git cat-file: {sha}: short read')
        return data

    def close(self) -> None:
        self.stdin.close()
        self.stdout.close()
        self.proc.wait()

    def __enter__(self) -> CatFile:
        return self

    def __exit__(self, *exc: object) -> None:
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


@dataclasses.dataclass(frozen=True)
class Added:
    """The lines one commit added to one file, as one block of text."""

    commit: str
    date: str  # author date, ISO 8601
    path: str  # relative to the top of the repository
    text: bytes  # the added lines, each ending in a newline
    lines: tuple[int, ...]  # the new-file line number of each line of ``text``


@dataclasses.dataclass(frozen=True)
class Blob:
    """A file-in-commit git diffs as binary: the content it had before (``old``; ZERO_SHA if the
    commit created it) and after, to be read from the object store and compared."""

    commit: str
    date: str  # author date, ISO 8601
    path: str  # relative to the top of the repository
    old: str
    new: str


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
    """The new path on a ``diff --git a/x b/x`` line, when it is unambiguous (used if no ``+++`` line follows)."""
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


def parse_log(stream: IO[bytes] | Iterator[bytes]) -> Iterator[Added | Blob | str]:
    """Parse ``git log -p --unified=0 --full-index --format=LOG_FORMAT`` incrementally.

    Yields each commit id as it starts (for progress), an ``Added`` for every file-in-commit
    that added at least one line, and a ``Blob`` for every file-in-commit git diffs as binary
    (its new content is not a deletion, a symlink or a submodule). Hunk bodies are consumed by
    the counts in their headers, so content that looks like a header (an added line ``++ b/x``
    shows as ``+++ b/x``) is content.
    """
    commit = date = ''
    path: str | None = None
    text: list[bytes] = []
    numbers: list[int] = []
    minus = plus = 0
    new_line = 0
    old_sha = new_sha = ''
    binary = False
    link = False

    def flush() -> Added | Blob | None:
        if path is None:
            return None
        if binary:
            if link or not new_sha or not new_sha.strip('0'):
                return None
            return Blob(commit, date, path, old_sha if old_sha.strip('0') else ZERO_SHA, new_sha)
        if not text:
            return None
        return Added(commit, date, path, b''.join(text), tuple(numbers))

    for line in stream:
        if minus or plus:
            if plus and line.startswith(b'+'):
                body = line[1:]
                text.append(body if body.endswith(b'\n') else body + b'\n')
                numbers.append(new_line)
                new_line += 1
                plus -= 1
                continue
            if minus and line.startswith(b'-'):
                minus -= 1
                continue
            if not line.startswith(b'\\'):
                minus = plus = 0  # malformed: resynchronise on the headers
        if line.startswith(b'\\'):
            continue  # "\ No newline at end of file"
        if line.startswith(b'\0'):
            done = flush()
            if done is not None:
                yield done
            path, text, numbers = None, [], []
            old_sha, new_sha, binary, link = '', '', False, False
            sha, _, rest = line[1:].rstrip(b'\n').partition(b' ')
            commit, date = sha.decode('ascii', 'replace'), rest.decode('ascii', 'replace')
            yield commit
        elif line.startswith(b'diff '):
            done = flush()
            if done is not None:
                yield done
            path, text, numbers = None, [], []
            old_sha, new_sha, binary, link = '', '', False, False
            if line.startswith(b'diff --git '):
                path = _diff_git_path(line)
        elif line.startswith(b'+++ '):
            path = _new_path(line)
        elif line.startswith(b'index '):
            m = _INDEX.match(line)
            if m is not None:
                old_sha, new_sha = m.group(1).decode('ascii'), m.group(2).decode('ascii')
            link = link or line.rstrip(b'\n').endswith(b' ' + SYMLINK.encode())
        elif line.startswith((b'new file mode ', b'new mode ')):
            link = line.rstrip(b'\n').endswith(SYMLINK.encode())
        elif line.startswith(b'rename to '):
            path = _renamed_path(line, b'rename to ')
        elif line.startswith(b'copy to '):
            path = _renamed_path(line, b'copy to ')
        elif line.startswith(b'Binary files ') or line.startswith(b'GIT binary patch'):
            binary = True
        elif line.startswith(b'@@ '):
            m = _HUNK.match(line)
            if m is not None:
                minus = int(m.group(2)) if m.group(2) is not None else 1
                plus = int(m.group(4)) if m.group(4) is not None else 1
                new_line = int(m.group(3))
    done = flush()
    if done is not None:
        yield done


def log_command(revisions: Sequence[str]) -> list[str]:
    """``git log`` with every option the parser depends on pinned (user config cannot change them)."""
    return [
        'git', *_LOG_CONFIG, 'log', '-p', '--no-color', '--unified=0', '--inter-hunk-context=0',
        f'--format={LOG_FORMAT}', '--full-index', '--no-ext-diff', '--no-textconv', '--submodule=short',
        '--src-prefix=a/', '--dst-prefix=b/', '-M', *revisions, '--',
    ]


def log_environment(environ: Mapping[str, str] = os.environ) -> dict[str, str]:
    """The environment for ``git log``: without the variables that change the diff it prints."""
    return {k: v for k, v in environ.items() if k not in _LOG_ENV_DROPPED}


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
    """What ``parse_log`` yields for the commits in ``revisions`` (``git log`` syntax), newest first."""
    verify_revisions(revisions, top=top)
    try:
        proc = subprocess.Popen(
            log_command(revisions), cwd=top, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=log_environment(),
        )
    except OSError as e:
        raise FatalError(f'cannot run git: {e.strerror or e}') from None
    assert proc.stdout is not None and proc.stderr is not None
    try:
        yield from parse_log(proc.stdout)
    finally:
        proc.stdout.close()
        err = proc.stderr.read()
        proc.stderr.close()
        code = proc.wait()
    if code != 0:
        message = err.decode('utf-8', 'replace').strip().splitlines()
        raise FatalError(f'git log: {message[0] if message else f"exit code {code}"}')

"""Reviewed findings that no longer fail: load, save (atomic), merge, match, import.

A baseline is a JSON file (schema: ``baselines/leakstop-baseline.schema.json``)::

    {
      "version": 1,
      "findings": [
        {"path": "src/app.py", "rule": "aws-access-key-id",
         "fingerprint": "<sha256 of rule:secret>", "line": 12, "status": "false-positive"}
      ]
    }

Identity is (path, rule, fingerprint): moving a line does not change it, editing the secret
does. ``line`` is a hint for people. Paths are relative to the baseline file's directory and
``/``-separated, so a baseline made on one machine matches on another; they are written as every
output writes them (``files.path_text``: a byte of a name that is not UTF-8 as ``\\xNN``). The file holds no
secret; entries are sorted and there are no timestamps, so diffs stay small.

A detect-secrets ``.secrets.baseline`` can be used as it is (a finding passes when its own
secret — or the value around it — hashes to a recorded ``hashed_secret`` in the same file, or the prefix
detect-secrets records for GitHub and GitLab tokens, or a PEM armor, does at the line it was recorded at, that line
holding one such token or key, written or as leakstop finds it in any view (``Scanned``); another value on the same
line covers nothing, nor a reviewed value that a new secret begins with) or imported into a leakstop baseline.
"""
from __future__ import annotations

import bisect
import json
import os
import re
import stat
from typing import Any, Iterable, Sequence

from leakstop.engine import Finding
from leakstop.errors import FatalError
from leakstop.files import inside, normalize, path_text, read_own_file
from leakstop.records import EntryFields
from leakstop.regex import LazyPattern

VERSION = 1
STATUSES = ('unreviewed', 'false-positive', 'true-positive')
_TOKEN = LazyPattern(rb'''[^\s"'`=:,;()\[\]{}<>]+''')  # what detect-secrets' regexes find between delimiters
# What detect-secrets records for a token where its regex captures only the token's prefix (findall yields
# the group): GitHub's (ghp|gho|ghu|ghs|ghr)_… and GitLab's (glpat|gldt|glft|glsoat|glrt)-…, glcbt-(xx_)….
# No other prefix is a candidate: a reviewed hunter22-reviewed covers no new hunter22-reviewed-Xq7….
_CAPTURED_PREFIX = LazyPattern(r'(gh[pousr])_|(glpat|gldt|glft|glsoat|glrt)-|glcbt-([0-9a-fA-F]{2}_)')
_PEM_HEADER = LazyPattern(r'-----(BEGIN [A-Z0-9 ]+)-----')


class Entry(EntryFields):
    __slots__ = ()

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.path, self.rule, self.fingerprint)

    def to_json(self) -> dict[str, object]:
        return {'path': self.path, 'rule': self.rule, 'fingerprint': self.fingerprint,
                'line': self.line, 'status': self.status}


def _sha1(text: str) -> str:
    import hashlib  # only for a detect-secrets baseline (hashlib loads OpenSSL: 4 ms of a hook's start)
    return hashlib.sha1(text.encode('utf-8', 'surrogateescape')).hexdigest()


class Scanned:
    """The text a file's findings were found in (their spans index it), with those findings: what matching a finding to
    a detect-secrets entry by its line's content needs. Each line's tokens, and its count of keys of an armor or of
    tokens of a prefix, are worked out once, whatever the number of findings on it: per finding, they took time
    quadratic in a minified line's length (thirty-sixth hostile review, break 01)."""

    def __init__(self, data: bytes, findings: Iterable[Finding] = ()) -> None:
        self.data = data
        self.on_line: dict[int, list[Finding]] = {}  # the findings by the line they start on
        for f in findings:
            self.on_line.setdefault(f.line, []).append(f)
        self._newlines: list[int] | None = None
        self._tokens: dict[int, tuple[list[int], list[int]]] = {}  # a line's start -> its tokens' starts and ends
        self._counts: dict[tuple[int, str, str], tuple[int, int]] = {}  # (line, header, prefix) -> (_count)

    def line(self, finding: Finding) -> tuple[int, int] | None:
        """Where the line ``finding`` starts on starts and ends in the text (None without the text or a span)."""
        if not self.data or finding.end <= finding.start:
            return None
        return self._line_at(finding.start)

    def _line_at(self, pos: int) -> tuple[int, int]:
        """The line that holds byte ``pos`` (or ends at it, a newline)."""
        if self._newlines is None:
            self._newlines = [m.start() for m in re.finditer(b'\n', self.data)]
        at = bisect.bisect_left(self._newlines, pos)
        return (self._newlines[at - 1] + 1 if at else 0,
                self._newlines[at] if at < len(self._newlines) else len(self.data))

    def tokens(self, line: tuple[int, int]) -> tuple[list[int], list[int]]:
        """The starts and ends of the tokens between delimiters (``_TOKEN``) of ``line``."""
        tokens = self._tokens.get(line[0])
        if tokens is None:
            spans = [m.span() for m in _TOKEN.finditer(self.data, *line)]
            tokens = self._tokens[line[0]] = ([s for s, _ in spans], [e for _, e in spans])
        return tokens

    def token_around(self, finding: Finding) -> str | None:
        """The token of the text that holds the whole of the finding's secret (less delimiters at its ends:
        ``=SECRETVALUE1``, ``Zm9vYmFyQQ==``), or None. A token that only overlaps the secret is another value:
        detect-secrets hashes the whole value around a secret (``"X:Zk8…"``), so a reviewed ``X`` never
        stood for a new secret ``X:Zk8…`` that begins with it (eighth hostile review, break 02), nor the
        ``-----BEGIN`` of a key for every key."""
        if self.line(finding) is None:
            return None
        runs = list(_TOKEN.finditer(self.data, finding.start, finding.end))  # the secret's runs between delimiters
        if len(runs) != 1:
            return None  # all delimiters, or a delimiter inside: no one token holds it
        # the run's line (a newline is a delimiter: the token is on it), not the secret's: a secret may start
        # with a newline
        starts, ends = self.tokens(self._line_at(runs[0].start()))
        at = bisect.bisect_right(ends, runs[0].start())  # the token that ends after the run starts holds it
        return self.data[starts[at]:ends[at]].decode('utf-8', 'surrogateescape')

    def holds_one(self, finding: Finding, *, header: str = '', prefix: str = '') -> bool:
        """Whether the line ``finding`` starts on holds one key of the PEM armor ``header`` (``BEGIN RSA PRIVATE
        KEY``), or one token with the captured ``prefix`` (``ghp``). Counted: each written as detect-secrets sees
        it (the header in the line's bytes, a token between delimiters that starts with the prefix), and each
        that leakstop found on the line in any view and that holds none of those (a key percent-encoded or with
        ``\\u0020`` in its armor, a ``ghp\\u005f…`` token: counting the line's bytes only, the hash covered them:
        thirty-sixth hostile review, break 01). Findings that overlap are one key or token. A header's hash also
        needs the header written once on the line, as before: without it, detect-secrets recorded it for a line
        that is gone."""
        line = self.line(finding)
        if line is None:
            return False
        key = (line[0], header, prefix)
        counts = self._counts.get(key)
        if counts is None:
            counts = self._counts[key] = self._count(line, finding.line, header=header, prefix=prefix)
        written, every = counts
        return written == every == 1 if header else every <= 1

    def _count(self, line: tuple[int, int], number: int, *, header: str, prefix: str) -> tuple[int, int]:
        """How many keys or tokens (``holds_one``) the line holds written as they are, and in every view."""
        if header:
            written = [m.start() for m in re.compile(re.escape(header.encode())).finditer(self.data, *line)]
        else:
            written = [start for start, end in zip(*self.tokens(line))
                       if _captured_prefix(self.data[start:end].decode('utf-8', 'replace').lstrip('\'"')) == prefix]
        found = sorted((f.start, f.end) for f in self.on_line.get(number, ())
                       if (header in _headers(f.secret) if header else _captured_prefix(f.secret) == prefix))
        every, reach = len(written), -1
        for start, end in found:
            if end <= start:
                every += 1  # no span: a key of its own
            elif start >= reach:  # a finding that overlaps none before it: another key unless it holds one written
                reach = end
                at = bisect.bisect_left(written, start)
                every += not (at < len(written) and written[at] < end)
            else:
                reach = max(reach, end)
        return len(written), every


def _headers(secret: str) -> set[str]:
    """The PEM armors in the start of a secret (``BEGIN RSA PRIVATE KEY``): what detect-secrets hashes for a key."""
    return {m.group(1) for m in _PEM_HEADER.finditer(secret[:200])}


def _scanned(finding: Finding, data: bytes | Scanned) -> Scanned:
    return data if isinstance(data, Scanned) else Scanned(data, (finding,))


def detect_secrets_candidates(finding: Finding, data: bytes | Scanned = b'') -> set[str]:
    """SHA-1s detect-secrets may have recorded for this finding's own secret.

    detect-secrets hashes what its detector's regex yields: the secret, a PEM header
    (``BEGIN RSA PRIVATE KEY``), the quoted or delimited value the secret stands in, or — where
    its regex has a capture group, as for GitHub and GitLab tokens — only a token's prefix (``ghp``). So
    the candidates are the secret, the token of its line that holds the whole secret in ``data`` (the
    text it was found in; ``Scanned.token_around``), the prefix detect-secrets captures of the secret, and a PEM
    header in the secret. Never another token of the line (on a minified line, a baselined value beside a
    new secret does not cover it), nor a part or a prefix of the secret (a reviewed value does not cover a
    longer one it begins, whatever joins them).
    """
    texts = {finding.secret}
    around = _scanned(finding, data).token_around(finding)
    if around is not None:
        texts.add(around)
    texts.update(_headers(finding.secret))
    return {_sha1(t) for t in texts if t}


def _captured_prefix(secret: str) -> str | None:
    captured = _CAPTURED_PREFIX.match(secret)
    return None if captured is None else captured.group(1) or captured.group(2) or captured.group(3)


def captured_prefix_hash(secret: str) -> str | None:
    """The SHA-1 detect-secrets records for ``secret`` when its regex captures only a prefix (``ghp``)."""
    prefix = _captured_prefix(secret)
    return None if prefix is None else _sha1(prefix)


def detect_secrets_hits(recorded: dict[str, frozenset[int]], finding: Finding, data: bytes | Scanned = b'') -> set[str]:
    """The hashes of ``recorded`` (a file's ``hashed_secret`` -> the lines detect-secrets recorded it at)
    that cover ``finding``: a hash of its secret or of the value around it (``detect_secrets_candidates``),
    anywhere in the file; or the hash of the prefix detect-secrets captures (``ghp``), which is the same for
    every GitHub token, only at the line it was recorded at and only while that line holds one token with
    that prefix: a reviewed token then covers no new one beside it or elsewhere in the file (third hostile
    review, break 06). detect-secrets itself matches such a hash anywhere in the file.

    ``data``: the text the finding was found in, best with all the findings found in it (``Scanned``): what
    leakstop finds on the line in a decoded view counts as a key or token of the line (bytes alone: the
    finding is the only one known)."""
    text = _scanned(finding, data)
    hits = set(recorded).intersection(detect_secrets_candidates(finding, text))
    # a PEM header's hash (``BEGIN RSA PRIVATE KEY``) is the same for every key of that armor, as a prefix's is:
    # it covers the key that starts at a line it was recorded at, not a second key anywhere in the file (seventh
    # hostile review, break 03), nor one beside it on that line (a minified fixture: thirty-third, 02), written
    # there as it is or in a view leakstop decodes (escaped, percent-encoded: thirty-sixth, 01)
    for header in _headers(finding.secret):
        hashed = _sha1(header)
        if hashed in hits and hashed != _sha1(finding.secret) and (
                finding.line not in recorded.get(hashed, ()) or not text.holds_one(finding, header=header)):
            hits.discard(hashed)
    prefix = _captured_prefix(finding.secret)
    if prefix is not None:
        prefix_hash = _sha1(prefix)
        lines = recorded.get(prefix_hash)
        if lines and finding.line in lines and text.holds_one(finding, prefix=prefix):
            hits.add(prefix_hash)
    return hits


class Baseline:
    def __init__(
            self, path: str, entries: dict[tuple[str, str, str], Entry] | None = None,
            detect_secrets: dict[str, dict[str, frozenset[int]]] | None = None,
    ) -> None:
        self.path = path  # the file it was read from / will be written to
        self.entries: dict[tuple[str, str, str], Entry] = {} if entries is None else entries
        # detect-secrets format, used as it is: relative path -> recorded SHA-1 -> the lines it was recorded at
        self.detect_secrets = detect_secrets

    def __repr__(self) -> str:
        return f'Baseline({self.path!r}, {len(self.entries)} entries)'

    @property
    def root(self) -> str:
        return os.path.dirname(os.path.abspath(self.path))

    def relative(self, path: str) -> str:
        """``path`` (relative to the current directory, or absolute) relative to the baseline's directory."""
        return normalize(os.path.relpath(os.path.abspath(path), self.root))

    def entry_path(self, path: str) -> str:
        """``path`` as an entry records it: ``relative``, each secret in it redacted (a baseline holds hashes,
        never a secret: a token used as a file name was recorded whole; ``report.path_without_secrets``),
        written as ``files.path_text``."""
        from leakstop.report import path_without_secrets  # (report imports this module)
        return path_text(path_without_secrets(self.relative(path)))

    def knows(self, finding: Finding, *, data: bytes | Scanned = b'') -> bool:
        """Whether the baseline records this finding as one that may pass; ``data`` is the text it was
        found in, best with every finding found in it (``Scanned``: a detect-secrets baseline may have hashed the
        value around the secret, or an armor or prefix that covers one key or token of its line, see
        ``detect_secrets_hits``). An entry reviewed as real (``true-positive``) does not let its
        finding pass: a real secret fails the hooks and scans until it is gone."""
        rel = self.relative(finding.path)
        entry = self.entries.get((self.entry_path(finding.path), finding.rule_id, finding.fingerprint))
        if entry is not None:
            return entry.status != 'true-positive'
        if self.detect_secrets is not None:
            recorded = self.detect_secrets.get(rel)
            return recorded is not None and bool(detect_secrets_hits(recorded, finding, data))
        return False

    def add(self, finding: Finding) -> Entry:
        entry = Entry(self.entry_path(finding.path), finding.rule_id, finding.fingerprint, finding.line)
        old = self.entries.get(entry.key)
        if old is not None:  # keep the review decision; refresh the line hint
            entry = old._replace(line=finding.line)
        self.entries[entry.key] = entry
        return entry

    def sorted_entries(self) -> list[Entry]:
        return [self.entries[k] for k in sorted(self.entries)]

    def to_json(self) -> str:
        doc = {'version': VERSION, 'findings': [e.to_json() for e in self.sorted_entries()]}
        return json.dumps(doc, indent=2, ensure_ascii=False) + '\n'


def _bad(path: str, what: str) -> FatalError:
    return FatalError(f'{path}: not a valid baseline: {what} (it was left unchanged)')


def _entries_from_json(doc: dict[str, Any], path: str) -> dict[tuple[str, str, str], Entry]:
    version = doc.get('version')
    if version != VERSION or isinstance(version, bool):  # JSON's true is no 1 (the schema's const: 1)
        shown = f' {version}' if isinstance(version, int) and not isinstance(version, bool) else ''  # never echo text
        raise _bad(path, f'unknown version{shown} (this leakstop reads version {VERSION})')
    items = doc.get('findings')
    if not isinstance(items, list):
        raise _bad(path, '"findings" must be a list')
    entries: dict[tuple[str, str, str], Entry] = {}
    for i, item in enumerate(items):
        if not isinstance(item, dict):
            raise _bad(path, f'findings[{i}] must be an object')
        try:
            entry = Entry(
                path=item['path'], rule=item['rule'], fingerprint=item['fingerprint'],
                line=item.get('line', 0), status=item.get('status', 'unreviewed'),
            )
        except KeyError as e:
            raise _bad(path, f'findings[{i}] lacks {e.args[0]!r}') from None
        if not (isinstance(entry.path, str) and isinstance(entry.rule, str) and isinstance(entry.fingerprint, str)
                and isinstance(entry.line, int) and not isinstance(entry.line, bool)):
            raise _bad(path, f'findings[{i}] has a value of the wrong type')
        try:  # JSON can spell a lone surrogate (\udce9): no file name, and no UTF-8 file can hold it
            (entry.path + entry.rule).encode('utf-8')
        except UnicodeEncodeError:
            raise _bad(path, f'findings[{i}] holds a lone surrogate escape (not text)') from None
        if entry.status not in STATUSES:
            raise _bad(path, f'findings[{i}].status must be one of {", ".join(STATUSES)}')
        if not re.fullmatch(r'[0-9a-f]{64}', entry.fingerprint):
            raise _bad(path, f'findings[{i}].fingerprint must be 64 hex digits')
        entries[entry.key] = entry
    return entries


def recorded_hashes(items: Any) -> dict[str, frozenset[int]]:
    """A detect-secrets file's entries: ``hashed_secret`` -> the ``line_number``s it was recorded at."""
    out: dict[str, set[int]] = {}
    for item in items if isinstance(items, list) else []:
        if isinstance(item, dict) and isinstance(item.get('hashed_secret'), str):
            line = item.get('line_number')
            out.setdefault(item['hashed_secret'], set()).update((line,) if isinstance(line, int) and not isinstance(line, bool) else ())
    return {h: frozenset(lines) for h, lines in out.items()}


def _detect_secrets_from_json(doc: dict[str, Any], path: str) -> dict[str, dict[str, frozenset[int]]]:
    results = doc.get('results')
    if not isinstance(results, dict):
        raise _bad(path, 'detect-secrets "results" must be an object')
    out: dict[str, dict[str, frozenset[int]]] = {}
    for filename, items in results.items():
        if not isinstance(items, list):
            raise _bad(path, f'results[{filename!r}] must be a list')
        out[normalize(filename)] = recorded_hashes(items)
    return out


def parse(text: str, path: str) -> Baseline:
    """A baseline from file contents: leakstop's format or detect-secrets'."""
    try:
        doc = json.loads(text)
    except ValueError as e:
        raise _bad(path, f'invalid JSON ({e})') from None
    except RecursionError:
        raise _bad(path, 'invalid JSON (nested too deeply)') from None
    if not isinstance(doc, dict):
        raise _bad(path, 'expected a JSON object')
    if 'results' in doc and 'findings' not in doc:
        return Baseline(path, detect_secrets=_detect_secrets_from_json(doc, path))
    return Baseline(path, entries=_entries_from_json(doc, path))


def load(path: str) -> Baseline:
    try:
        raw = read_own_file(path)
    except OSError as e:
        raise FatalError(f'{path}: cannot read baseline: {e.strerror}') from None
    try:
        text = raw.decode('utf-8')
    except UnicodeDecodeError:
        raise _bad(path, 'not UTF-8') from None
    return parse(text, path)


def load_for_run(path: str | None, default: str) -> Baseline | None:
    """The baseline a hook uses: ``path`` if given (must exist), else ``default`` if it exists."""
    if path is not None:
        return load(path)
    return load(default) if os.path.exists(default) else None


def save(baseline: Baseline) -> None:
    """Write atomically (temp file, fsync, rename), keeping the existing file's permissions."""
    write_atomic(baseline.path, baseline.to_json().encode())


def work_tree() -> str:
    """The top of the git work tree around the current directory, else the current directory: where a clone
    may have put any file (a symbolic link, a settings file naming a baseline path)."""
    from leakstop import git
    try:
        return git.toplevel()
    except FatalError:
        return os.getcwd()


def in_work_tree(path: str, top: str) -> bool:
    """Whether ``path``, resolved (``..``, symlinks), is in the work tree ``top`` and not in a ``.git``
    directory (git's hooks and config live there: what is written there can run)."""
    real, root = os.path.realpath(path), os.path.realpath(top)
    if not (real == root or real.startswith(root.rstrip(os.sep) + os.sep)):
        return False
    return '.git' not in os.path.relpath(real, root).split(os.sep)


def _link_refusal(path: str, what: str) -> str | None:
    """Why the symbolic link ``path`` (to a regular file) is not written through, or None.

    A link in the work tree may come with a clone: the repository commits ``leakstop.sarif ->
    .git/hooks/pre-commit`` and the report (whose texts a custom rule of the same repository chooses) became
    the hook git runs at the next commit (tenth hostile review, break 06). A report or converted rules are
    leakstop's own new file: such a link there is refused. A baseline is written through a link (seventh, 04:
    a committed ``.leakstop-baseline.json`` that links to the real baseline) only to a file that is in the work
    tree, outside ``.git`` and not executable. A link outside the work tree (``/dev/stdout``, one of the user's
    own) is followed as before."""
    top = work_tree()
    if not inside(os.path.dirname(os.path.abspath(path)), top):
        return None  # the link itself is not where a clone puts files
    if what != 'baseline':
        return (f'a symbolic link in the work tree (a {what} is written to a file of its own: remove the link, '
                'or name the file it points to)')
    target = os.path.realpath(path)
    if not in_work_tree(target, top):
        return 'a symbolic link to a file outside the work tree or in .git (name the file it points to)'
    if os.stat(target).st_mode & 0o111:
        return 'a symbolic link to an executable file (name the file it points to)'
    return None


def write_atomic(path: str, data: bytes, *, what: str = 'baseline') -> None:
    """Replace ``path`` with ``data`` atomically (temp file, fsync, rename), keeping its permissions.

    Also used for reports and converted rules (``what`` names the file in errors). A symlink to a baseline is
    written through: its target is replaced, the link stays (a committed ``.leakstop-baseline.json`` that links
    to the real baseline was replaced by a file, the baseline it had read left stale: seventh hostile review,
    break 04), where ``_link_refusal`` allows it; a link to nothing is an error.
    """
    shown = path
    if os.path.islink(path):
        if not os.path.exists(path):
            raise FatalError(f'{shown}: cannot write {what}: a symbolic link to a file that does not exist')
        if os.path.isfile(path):  # (a link to a device, /dev/stdout, is written through below)
            refusal = _link_refusal(path, what)
            if refusal is not None:
                raise FatalError(f'{shown}: cannot write {what}: {refusal}')
            path = os.path.realpath(path)
    directory = os.path.dirname(os.path.abspath(path))
    try:
        st = os.stat(path)
    except FileNotFoundError:
        mode: int | None = None
    except OSError as e:
        raise FatalError(f'{shown}: cannot write {what}: {e.strerror}') from None
    else:
        if not stat.S_ISREG(st.st_mode):
            # /dev/null, /dev/stdout, a FIFO: renaming over it would replace the device node itself
            if what == 'baseline':
                raise FatalError(f'{shown}: cannot write {what}: not a regular file')
            try:
                with open(path, 'wb') as f:
                    f.write(data)
            except OSError as e:
                raise FatalError(f'{shown}: cannot write {what}: {e.strerror}') from None
            return
        mode = stat.S_IMODE(st.st_mode)
    import tempfile
    try:
        fd, tmp = tempfile.mkstemp(dir=directory, prefix=f'.{os.path.basename(path)}.', suffix='.tmp')
    except OSError as e:
        raise FatalError(f'{shown}: cannot write {what}: {e.strerror}') from None
    try:
        with os.fdopen(fd, 'wb') as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        if mode is None:
            umask = os.umask(0)
            os.umask(umask)
            mode = 0o666 & ~umask
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except OSError as e:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise FatalError(f'{shown}: cannot write {what}: {e.strerror}') from None
    try:
        dir_fd = os.open(directory, os.O_RDONLY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)
    except OSError:  # pragma: no cover (platforms without directory fsync)
        pass


class locked:
    """Serialize read-modify-write of baselines in one directory (flock on the directory itself)."""

    def __init__(self, path: str) -> None:
        self.directory = os.path.dirname(os.path.abspath(path))
        self.fd: int | None = None

    def __enter__(self) -> locked:
        try:
            import fcntl
        except ImportError:  # pragma: no cover (Windows: atomic rename still keeps the file whole)
            return self
        try:
            self.fd = os.open(self.directory, os.O_RDONLY)
        except OSError:
            self.fd = None  # (unreadable directory: the atomic rename still keeps the file whole)
            return self
        try:
            fcntl.flock(self.fd, fcntl.LOCK_EX)
        except OSError:  # a file system without locks: not held, and the directory is not left open
            os.close(self.fd)
            self.fd = None
        return self

    def __exit__(self, *exc: object) -> None:
        if self.fd is not None:
            os.close(self.fd)  # releases the lock


def merge(old: Baseline, findings: Iterable[Finding], *, scope: Iterable[str] | None = None) -> Baseline:
    """``old`` updated with ``findings``: new ones added, gone ones dropped, review decisions kept.

    ``scope``: the (baseline-relative) paths that were scanned; entries for other paths are kept
    as they are. ``None`` means everything was scanned.
    """
    new = Baseline(old.path)
    scanned = None if scope is None else set(scope)
    for entry in old.entries.values():
        if scanned is not None and entry.path not in scanned:
            new.entries[entry.key] = entry
    for finding in findings:
        entry = new.add(finding)
        kept = old.entries.get(entry.key)
        if kept is not None:
            new.entries[entry.key] = kept._replace(line=finding.line)
    return new


def unknown(baseline: Baseline | None, findings: Sequence[Finding], data: bytes = b'') -> list[Finding]:
    """The findings the baseline does not know: the one baseline filter, used by every hook and command.

    ``data`` is the text the findings were found in (their spans index it): a detect-secrets baseline
    may have hashed the token around a secret on its line (``detect_secrets_candidates``), or an armor or a
    prefix that covers a key or token only while its line holds one, in any view (the findings count:
    ``Scanned.holds_one``)."""
    if baseline is None:
        return list(findings)
    scanned = Scanned(data, findings) if baseline.detect_secrets is not None else data
    return [f for f in findings if not baseline.knows(f, data=scanned)]

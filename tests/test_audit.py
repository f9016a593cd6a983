"""``leakstop baseline audit``: the review (verdicts, back, skip, undo, quit), ``--reveal`` (a terminal
only: driven through a real pseudo-terminal), ``--report``; and the warning when git ignores a baseline."""
from __future__ import annotations

import json
import os
import pty
import select
import subprocess
import sys
import time
from typing import Callable, Iterator

import pytest

import fakes
from e2e import git, init_repo, read, write
from leakstop import audit, cli
from leakstop.config import load_config
from leakstop.engine import Finding

AWS = fakes.aws_key_id(seed='audit')
GH = fakes.github('ghp', seed='audit')
GH2 = fakes.github('ghp', seed='audit-2')
PASSWORD = 'Xk9#mQ2vLp7wRt4z'  # leakstop: allow (fake; a generic finding, the kind a reviewer needs to see whole)
PEM = fakes.pem_private_key(seed='audit')
SECRETS = (AWS, GH, GH2, PASSWORD, *(ln for ln in PEM.splitlines() if not ln.startswith('-----')))
BASELINE = '.leakstop-baseline.json'
README = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), 'README.md')
PROMPT = 'Is this a real secret?'


def statuses() -> dict[str, str]:
    return {e['path']: e['status'] for e in json.loads(read(BASELINE))['findings']}


def leaked(data: str | bytes) -> list[str]:
    raw = data.encode() if isinstance(data, str) else data
    return [s for s in SECRETS if s.encode() in raw]


@pytest.fixture
def three(tmp_path: object, monkeypatch: pytest.MonkeyPatch) -> str:
    """A repository with three findings in a.py, b.py, c.py, recorded unreviewed."""
    repo = init_repo(os.path.join(str(tmp_path), 'repo'))
    monkeypatch.chdir(repo)
    monkeypatch.delenv('GITHUB_ACTIONS', raising=False)
    write('a.py', f'one = 1\nKEY = "{AWS}"\nthree = 3\n')
    write('b.py', f'TOKEN = "{GH}"\n')
    write('c.py', f'OTHER = "{GH2}"\n')
    assert cli.main(['baseline', 'create', 'a.py', 'b.py', 'c.py']) == 0
    assert statuses() == {'a.py': 'unreviewed', 'b.py': 'unreviewed', 'c.py': 'unreviewed'}
    return repo


def scripted(answers: list[str], *, seen: list[dict[str, str]] | None = None) -> Callable[[str], str]:
    """An ``ask`` that gives ``answers`` in turn (then end of input), noting the baseline's verdicts as
    the file holds them at each prompt."""
    it: Iterator[str] = iter(answers)

    def ask(prompt: str) -> str:
        assert prompt.startswith(PROMPT)
        if seen is not None:
            seen.append(statuses())
        try:
            return next(it)
        except StopIteration:
            raise EOFError from None
    return ask


def run_audit(answers: list[str], **kwargs: object) -> tuple[int, list[str]]:
    seen: list[dict[str, str]] = []
    code = cli.cmd_baseline_audit(config=load_config(), path=BASELINE, ask=scripted(answers, seen=seen), **kwargs)  # type: ignore[arg-type]
    return code, [' '.join(f'{p}={s[0] if s != "unreviewed" else "-"}' for p, s in sorted(d.items())) for d in seen]


def headers(out: str) -> list[str]:
    """The finding shown before each prompt, in order: ``[n/N] path:line: rule (marked …)``."""
    return [line for line in out.splitlines() if line.startswith('[')]


# -- the review: verdicts, back, skip, undo, quit ------------------------------------------------

def test_back_skip_undo_and_quit_record_what_the_user_decided(three: str, capsys: pytest.CaptureFixture[str]) -> None:
    # a: no (false positive); back to a; yes instead; undo (a is false-positive again, shown again);
    # skip a; b: yes; quit at c
    code, seen = run_audit(['n', 'b', 'y', 'u', 's', 'y', 'q'])
    assert code == 0
    out = capsys.readouterr().out
    assert headers(out) == [
        '[1/3] a.py:2: aws-access-key-id',
        '[2/3] b.py:1: github-pat-classic',
        '[1/3] a.py:2: aws-access-key-id (marked false-positive)',
        '[2/3] b.py:1: github-pat-classic',
        '[1/3] a.py:2: aws-access-key-id (marked false-positive)',
        '[2/3] b.py:1: github-pat-classic',
        '[3/3] c.py:1: github-pat-classic',
    ]
    assert '  undone: a.py:2 is false-positive again (it was marked true-positive)' in out
    # each verdict (and the undo) is in the file before the next question: a session can end anywhere
    assert seen == [
        'a.py=- b.py=- c.py=-',
        'a.py=f b.py=- c.py=-',
        'a.py=f b.py=- c.py=-',
        'a.py=t b.py=- c.py=-',
        'a.py=f b.py=- c.py=-',
        'a.py=f b.py=- c.py=-',
        'a.py=f b.py=t c.py=-',
    ]
    assert statuses() == {'a.py': 'false-positive', 'b.py': 'true-positive', 'c.py': 'unreviewed'}
    assert out.rstrip().endswith(f'{BASELINE}: 2 verdict(s) recorded in this session; 1 finding(s) still unreviewed')
    assert leaked(out) == [] and leaked(read(BASELINE)) == []


def test_undo_twice_walks_back_through_the_verdicts(three: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, seen = run_audit(['n', 'y', 'u', 'u', 'q'])
    out = capsys.readouterr().out
    assert seen[-1] == 'a.py=- b.py=- c.py=-'
    assert statuses() == {'a.py': 'unreviewed', 'b.py': 'unreviewed', 'c.py': 'unreviewed'}
    assert [h.split(':')[0] for h in headers(out)] == ['[1/3] a.py', '[2/3] b.py', '[3/3] c.py', '[2/3] b.py', '[1/3] a.py']
    assert '  undone: b.py:1 is unreviewed again (it was marked true-positive)' in out
    assert '  undone: a.py:2 is unreviewed again (it was marked false-positive)' in out


def test_back_at_the_first_undo_with_nothing_and_a_wrong_answer_are_said(three: str, capsys: pytest.CaptureFixture[str]) -> None:
    run_audit(['b', 'u', 'maybe', 'yes', 'no', 'quit'])
    out = capsys.readouterr().out
    assert '  (this is the first finding)' in out
    assert '  (no verdict to undo)' in out
    assert '  (answer y, n, s, b, u or q)' in out
    assert statuses() == {'a.py': 'true-positive', 'b.py': 'false-positive', 'c.py': 'unreviewed'}


@pytest.mark.parametrize('stop', [EOFError, KeyboardInterrupt])
def test_end_of_input_and_ctrl_c_quit_keeping_the_verdicts(three: str, stop: type[BaseException], capsys: pytest.CaptureFixture[str]) -> None:
    answers = iter(['n'])

    def ask(prompt: str) -> str:
        for answer in answers:
            return answer
        raise stop
    assert cli.cmd_baseline_audit(config=load_config(), path=BASELINE, ask=ask) == 0
    assert statuses() == {'a.py': 'false-positive', 'b.py': 'unreviewed', 'c.py': 'unreviewed'}
    assert capsys.readouterr().out.rstrip().endswith('1 verdict(s) recorded in this session; 2 finding(s) still unreviewed')


def test_back_passes_over_an_entry_with_nothing_to_show(three: str, capsys: pytest.CaptureFixture[str]) -> None:
    os.remove('b.py')  # its entry stays, with nothing to judge
    run_audit(['n', 'b', 's', 'y'])
    out = capsys.readouterr().out
    assert [h.split(':')[0] for h in headers(out)] == ['[1/3] a.py', '[2/3] b.py', '[3/3] c.py', '[1/3] a.py', '[3/3] c.py']
    assert out.count('(no longer in the file: `leakstop baseline update` will drop it)') == 1
    assert statuses() == {'a.py': 'false-positive', 'b.py': 'unreviewed', 'c.py': 'true-positive'}


def test_a_baseline_broken_during_the_session_is_never_written_over(
        three: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    answers = iter(['n', 'y'])

    def ask(prompt: str) -> str:
        answer = next(answers)
        if answer == 'y':  # someone (a merge, an editor) leaves the file unparsable before the 2nd verdict
            with open(BASELINE, 'ab') as f:
                f.write(b'<<<<<<< HEAD\n')
        return answer
    monkeypatch.setattr('builtins.input', ask)
    assert cli.main(['baseline', 'audit']) == 2
    broken = read(BASELINE)
    assert broken.endswith(b'<<<<<<< HEAD\n')
    assert json.loads(broken[:-len(b'<<<<<<< HEAD\n')])['findings'][0]['status'] == 'false-positive'  # the 1st was saved
    err = capsys.readouterr().err
    assert f'leakstop: error: {BASELINE}: not a valid baseline: invalid JSON' in err
    assert 'the last verdict was not saved, the ones before it were' in err
    assert [n for n in os.listdir('.') if n.endswith('.tmp')] == []


def test_verdicts_are_applied_to_the_file_as_it_is_now(three: str, capsys: pytest.CaptureFixture[str]) -> None:
    """Another command changed the baseline during the session: its change stays, and a verdict on an
    entry it dropped is said, not resurrected."""
    answers = iter(['n', 'y', 'q'])

    def ask(prompt: str) -> str:
        answer = next(answers)
        if answer == 'y':
            doc = json.loads(read(BASELINE))
            doc['findings'] = [e for e in doc['findings'] if e['path'] != 'b.py']
            for e in doc['findings']:
                if e['path'] == 'c.py':
                    e['status'] = 'false-positive'
            write(BASELINE, json.dumps(doc))
        return answer
    cli.cmd_baseline_audit(config=load_config(), path=BASELINE, ask=ask)
    out = capsys.readouterr().out
    assert '  (this finding is no longer in the baseline: nothing recorded)' in out
    assert statuses() == {'a.py': 'false-positive', 'c.py': 'false-positive'}


def test_control_characters_in_a_rule_id_of_the_baseline_are_escaped(three: str, capsys: pytest.CaptureFixture[str]) -> None:
    doc = json.loads(read(BASELINE))
    doc['findings'][0]['rule'] = '\x1b]0;owned\x07aws'
    write(BASELINE, json.dumps(doc))
    run_audit(['q'])
    out = capsys.readouterr().out
    assert '\x1b' not in out and '\x07' not in out
    assert 'a.py:2: \\x1b]0;owned\\x07aws' in out
    assert cli.main(['baseline', 'audit', '--report']) == 0
    out = capsys.readouterr().out
    assert '\x1b' not in out and '  \\x1b]0;owned\\x07aws' in out


# -- what is shown: redacted, or (--reveal) whole ----------------------------------------------------

def _finding(data: bytes, secret: str, line: int, *, rule: str = 'r') -> Finding:
    start = data.index(secret.encode())
    return Finding(path='x.py', line=line, column=1, rule_id=rule, description='d', secret=secret,
                   start=start, end=start + len(secret.encode()))


def test_context_reveals_only_the_reviewed_secret_whole() -> None:
    data = f'a = 1\nKEY = "{AWS}"; T = "{GH}"\npassword = "{PASSWORD}"\nb = 2\n'.encode()
    key, token, password = _finding(data, AWS, 2), _finding(data, GH, 2), _finding(data, PASSWORD, 3)
    assert audit.context_lines(data, password, others=[key, token, password], reveal=True, highlight=('<', '>')) == [
        '     1 | a = 1',
        f'     2 | KEY = "{AWS[:4]}…"; T = "{GH[:4]}…"',
        f'     3 | password = "<{PASSWORD}>"',
        '     4 | b = 2',
        '     5 | ',
    ]
    assert audit.context_lines(data, password, others=[key, token, password]) == [
        '     1 | a = 1',
        f'     2 | KEY = "{AWS[:4]}…"; T = "{GH[:4]}…"',
        f'     3 | password = "{PASSWORD[:4]}…"',
        '     4 | b = 2',
        '     5 | ',
    ]


def test_a_revealed_multiline_secret_is_shown_to_its_last_line() -> None:
    pem = fakes.pem_private_key(seed='audit-ml', lines=3).rstrip('\n')
    data = f'x = 1\nKEY = """{pem}"""\ny = 2\nz = 3\nlast = 4\n'.encode()
    f = _finding(data, pem, 2)
    body = pem.splitlines()
    assert len(body) == 5
    assert audit.context_lines(data, f, others=[f], reveal=True, highlight=('<', '>')) == [
        '     1 | x = 1',
        f'     2 | KEY = """<{body[0]}>',
        f'     3 | <{body[1]}>',
        f'     4 | <{body[2]}>',
        f'     5 | <{body[3]}>',
        f'     6 | <{body[4]}>"""',
        '     7 | y = 2',
        '     8 | z = 3',
    ]
    assert audit.context_lines(data, f, others=[f]) == ['     1 | x = 1', '     2 | KEY = """----…', '     3 | ', '     4 | ']


def test_a_revealed_secret_cannot_drive_the_terminal() -> None:
    secret = 'pw\x1bc\r\x1b[2Kzz9Lq'  # leakstop: allow (fake)
    data = f'password = "{secret}"\n'.encode()
    lines = audit.context_lines(data, _finding(data, secret, 1), reveal=True, highlight=('<', '>'))
    assert lines == ['     1 | password = "<pw\\x1bc\\r\\x1b[2Kzz9Lq>"', '     2 | ']


# -- --reveal: a terminal only ----------------------------------------------------------------------

def test_reveal_is_refused_when_stdout_is_not_a_terminal(three: str, capsys: pytest.CaptureFixture[str]) -> None:
    before = read(BASELINE)
    assert cli.main(['baseline', 'audit', '--reveal']) == 2
    out, err = capsys.readouterr()
    assert out == ''
    assert err == f'leakstop: error: {audit.REVEAL_REFUSED}\n'
    assert read(BASELINE) == before


def test_reveal_shows_the_secret_when_stdout_is_a_terminal(three: str, capsys: pytest.CaptureFixture[str]) -> None:
    """In process, with the terminal check answering yes (the real check runs under a pty below)."""
    code = audit.audit(config=load_config(), path=BASELINE, reveal=True, ask=scripted(['n', 'q']),
                       terminal=lambda stream: True)
    assert code == 0
    out = capsys.readouterr().out
    assert f'     2 | KEY = "{AWS}"' in out  # no colour: the capture is no terminal
    assert f'     1 | TOKEN = "{GH}"' in out
    assert GH2 not in out  # quit at b.py: c.py's secret never shown


@pytest.fixture(scope='module')
def cache_home(tmp_path_factory: pytest.TempPathFactory) -> str:
    """One cache for this module's processes (the rules are compiled once), checked for secrets too."""
    return str(tmp_path_factory.mktemp('cache'))


def _env(tmp: str, cache: str, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ('NO_COLOR', 'GITHUB_ACTIONS', 'CI')}
    env.update({'HOME': os.path.join(tmp, 'home'), 'XDG_CACHE_HOME': cache, 'LC_ALL': 'C.UTF-8', 'TERM': 'xterm', **extra})
    return env


def _written(base: str, inputs: set[str]) -> dict[str, bytes]:
    """Every file under ``base`` but the inputs and git's object store."""
    out = {}
    for root, dirs, names in os.walk(base):
        dirs[:] = [d for d in dirs if d != '.git']
        for name in names:
            path = os.path.join(root, name)
            if path not in inputs and not os.path.islink(path):
                out[os.path.relpath(path, base)] = read(path)
    return out


def in_pty(argv: list[str], answers: list[str], *, cwd: str, env: dict[str, str], stdout_pipe: bool = False,
           timeout: float = 60) -> tuple[int, str, bytes]:
    """Run ``argv`` with a pseudo-terminal as stdin and stderr (and stdout, unless ``stdout_pipe``),
    answering each prompt in turn, then with the end of input; (exit code, what the terminal showed,
    what the pipe got)."""
    master, slave = pty.openpty()
    proc = subprocess.Popen(argv, cwd=cwd, env=env, stdin=slave, stderr=slave,
                            stdout=subprocess.PIPE if stdout_pipe else slave, close_fds=True)
    os.close(slave)
    shown = b''
    given = 0
    deadline = time.monotonic() + timeout
    try:
        while time.monotonic() < deadline:
            ready, _, _ = select.select([master], [], [], 0.2)
            if ready:
                try:
                    chunk = os.read(master, 65536)
                except OSError:  # EIO: every process holding the terminal has exited
                    break
                if not chunk:
                    break
                shown += chunk
            if shown.count(PROMPT.encode()) > given:  # answered in turn; then end of input (Ctrl-D)
                os.write(master, answers[given].encode() + b'\n' if given < len(answers) else b'\x04')
                given += 1
            elif proc.poll() is not None and not ready:
                break
        else:
            proc.kill()  # still waiting for an answer that never comes: fail, do not hang
        piped, _ = proc.communicate(timeout=30)
    finally:
        os.close(master)
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    return proc.returncode, shown.decode('utf-8', 'replace').replace('\r\n', '\n'), piped or b''


LEAKSTOP = [sys.executable, '-m', 'leakstop.cli']


@pytest.fixture
def secrets_repo(tmp_path: object, cache_home: str) -> tuple[str, str, set[str]]:
    """A repository with an AWS key, a password and a PEM key in a string, recorded unreviewed;
    (temporary directory, repository, the input files)."""
    base = str(tmp_path)
    repo = init_repo(os.path.join(base, 'repo'))
    files = {
        'a.py': f'one = 1\nKEY = "{AWS}"\nthree = 3\n',
        'b.py': f'password = "{PASSWORD}"\n',
        'c.py': f'KEY = """{PEM}"""\n',
    }
    for name, content in files.items():
        with open(os.path.join(repo, name), 'w') as f:
            f.write(content)
    git('add', '.', cwd=repo)
    git('commit', '-qm', 'secrets', cwd=repo)
    os.makedirs(os.path.join(base, 'home'))
    proc = subprocess.run([*LEAKSTOP, 'baseline', 'create'], cwd=repo, env=_env(base, cache_home), capture_output=True,
                          text=True)
    assert proc.returncode == 0, proc.stderr
    return base, repo, {os.path.join(repo, n) for n in files}


def test_reveal_on_a_real_terminal_shows_each_secret_whole_and_writes_none(secrets_repo: tuple[str, str, set[str]], cache_home: str) -> None:
    base, repo, inputs = secrets_repo
    code, shown, _ = in_pty([*LEAKSTOP, 'baseline', 'audit', '--reveal'], ['n', 'y', 'n', 'n'], cwd=repo, env=_env(base, cache_home))
    assert code == 0, shown
    assert f'     2 | KEY = "\x1b[7m{AWS}\x1b[27m"' in shown  # highlighted in place
    assert f'     1 | password = "\x1b[7m{PASSWORD}\x1b[27m"' in shown
    assert all(f'\x1b[7m{line}\x1b[27m' in shown for line in PEM.splitlines()[1:-1])  # the key's every line
    with open(os.path.join(repo, BASELINE)) as f:
        assert {(e['path'], e['status']) for e in json.load(f)['findings']} == {
            ('a.py', 'false-positive'), ('b.py', 'true-positive'), ('c.py', 'false-positive')}
    written = {**_written(base, inputs), **_written(cache_home, set())}
    assert any(name.startswith('leakstop') for name in _written(cache_home, set()))  # the walk sees the cache
    assert {name: leaked(data) for name, data in written.items() if leaked(data)} == {}
    assert f'{BASELINE}: 4 verdict(s) recorded in this session; 0 finding(s) still unreviewed' in shown


def test_without_reveal_a_terminal_shows_only_a_prefix(secrets_repo: tuple[str, str, set[str]], cache_home: str) -> None:
    base, repo, _ = secrets_repo
    code, shown, _ = in_pty([*LEAKSTOP, 'baseline', 'audit'], ['s', 's', 's', 's'], cwd=repo, env=_env(base, cache_home))
    assert code == 0, shown
    assert f'     2 | KEY = "{AWS[:4]}…"' in shown
    assert f'     1 | password = "{PASSWORD[:4]}…"' in shown
    assert shown.count(PROMPT) == 4
    assert leaked(shown) == []


def test_reveal_with_no_colour_still_shows_the_value(secrets_repo: tuple[str, str, set[str]], cache_home: str) -> None:
    base, repo, _ = secrets_repo
    code, shown, _ = in_pty([*LEAKSTOP, 'baseline', 'audit', '--reveal'], ['q'], cwd=repo, env=_env(base, cache_home, NO_COLOR='1'))
    assert code == 0, shown
    assert f'     2 | KEY = "{AWS}"' in shown and '\x1b[' not in shown


def test_reveal_with_stdout_piped_from_a_terminal_session_is_refused(secrets_repo: tuple[str, str, set[str]], cache_home: str) -> None:
    """A person at a terminal runs ``leakstop baseline audit --reveal | tee review.log``: stdin and
    stderr are the terminal, stdout a pipe. Nothing is revealed, to either."""
    base, repo, _ = secrets_repo
    before = read(os.path.join(repo, BASELINE))
    code, shown, piped = in_pty([*LEAKSTOP, 'baseline', 'audit', '--reveal'], ['n', 'n', 'n'], cwd=repo, env=_env(base, cache_home),
                                stdout_pipe=True, timeout=20)
    assert code == 2
    assert piped == b''
    assert shown.strip() == f'leakstop: error: {audit.REVEAL_REFUSED}'
    assert read(os.path.join(repo, BASELINE)) == before


def test_reveal_with_stdout_to_a_file_is_refused_and_the_file_holds_no_secret(secrets_repo: tuple[str, str, set[str]], cache_home: str) -> None:
    base, repo, _ = secrets_repo
    log = os.path.join(base, 'review.log')
    with open(log, 'wb') as out:
        proc = subprocess.run([*LEAKSTOP, 'baseline', 'audit', '--reveal'], cwd=repo, env=_env(base, cache_home), stdout=out,
                              stderr=subprocess.PIPE, input=b'n\nn\nn\n')
    assert proc.returncode == 2
    assert proc.stderr.decode() == f'leakstop: error: {audit.REVEAL_REFUSED}\n'
    assert read(log) == b''


# -- --report ------------------------------------------------------------------------------------

def test_report_counts_by_verdict_and_rule(three: str, capsys: pytest.CaptureFixture[str]) -> None:
    run_audit(['n', 'y'])
    capsys.readouterr()
    assert cli.main(['baseline', 'audit', '--report']) == 0
    out = capsys.readouterr().out
    assert out == (
        f'{BASELINE}: 3 finding(s): 1 unreviewed, 1 false-positive, 1 true-positive\n'
        '  rule                unreviewed  false-positive  true-positive\n'
        '  aws-access-key-id            0               1              0\n'
        '  github-pat-classic           1               0              1\n'
    )
    with open(README, encoding='utf-8') as f:
        readme = f.read()
    assert f'```text\n{out}```' in readme  # the README shows this very report
    assert audit.PROMPT.rstrip() in readme
    assert cli.main(['baseline', 'audit', '--stats']) == 0  # the older name: the same report
    stats = capsys.readouterr().out
    assert stats.startswith(f'{BASELINE}: 3 finding(s): 1 unreviewed')
    assert cli.main(['baseline', 'audit', '--report', '--format', 'json']) == 0
    assert json.loads(capsys.readouterr().out) == {
        'version': 1, 'baseline': BASELINE, 'findings': 3,
        'by_status': {'unreviewed': 1, 'false-positive': 1, 'true-positive': 1},
        'by_rule': {
            'aws-access-key-id': {'unreviewed': 0, 'false-positive': 1, 'true-positive': 0},
            'github-pat-classic': {'unreviewed': 1, 'false-positive': 0, 'true-positive': 1},
        },
    }


def test_report_shows_a_committed_rule_name_as_no_workflow_command(tmp_path: object, monkeypatch: pytest.MonkeyPatch,
                                                                   capsys: pytest.CaptureFixture[str]) -> None:
    """Eleventh hostile review, a sibling of break 07: a committed baseline's rule name `##[error]x` reached the
    report (text and JSON) raw, a workflow command in a CI log. Text shows `#\\x23[`, JSON `#\\u0023[`."""
    monkeypatch.chdir(str(tmp_path))
    write(BASELINE, '{"version": 1, "findings": [{"path": "a.py", "rule": "##[error]x", "fingerprint": "%s", '
                    '"status": "unreviewed"}]}\n' % ('0' * 64))
    assert cli.main(['baseline', 'audit', '--report']) == 0
    out = capsys.readouterr().out
    assert '##[' not in out and '  #\\x23[error]x  ' in out
    assert cli.main(['baseline', 'audit', '--report', '--format', 'json']) == 0
    out = capsys.readouterr().out
    assert '##[' not in out and list(json.loads(out)['by_rule']) == ['##[error]x']


def test_report_never_prompts(three: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    def ask(prompt: str) -> str:
        raise AssertionError('prompted')
    monkeypatch.setattr('builtins.input', ask)
    assert cli.main(['baseline', 'audit', '--report']) == 0
    assert PROMPT not in capsys.readouterr().out


def test_report_of_an_empty_baseline(tmp_path: object, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(str(tmp_path))
    write(BASELINE, '{"version": 1, "findings": []}\n')
    assert cli.main(['baseline', 'audit', '--report']) == 0
    assert capsys.readouterr().out == f'{BASELINE}: 0 finding(s): 0 unreviewed, 0 false-positive, 0 true-positive\n'


@pytest.mark.parametrize('argv, message', [
    (['--format', 'json'], 'leakstop: error: baseline audit: --format is for --report\n'),
    (['--report', '--reveal'], 'argument --reveal: not allowed with argument --report/--stats'),
])
def test_options_that_do_not_go_together(three: str, argv: list[str], message: str, capsys: pytest.CaptureFixture[str]) -> None:
    try:
        code = cli.main(['baseline', 'audit', *argv])
    except SystemExit as e:
        code = e.code  # type: ignore[assignment]
    assert code == 2
    assert message in capsys.readouterr().err


# -- a baseline git ignores is never committed: said when it is written --------------------------

@pytest.fixture
def repo(tmp_path: object, monkeypatch: pytest.MonkeyPatch) -> str:
    path = init_repo(os.path.join(str(tmp_path), 'repo'))
    monkeypatch.chdir(path)
    write('a.py', f'KEY = "{AWS}"\n')
    return path


def test_create_update_and_import_warn_when_git_ignores_the_baseline(repo: str, capsys: pytest.CaptureFixture[str]) -> None:
    write('.gitignore', '# build output\n*.json\n')
    assert cli.main(['baseline', 'create', 'a.py']) == 0
    out, err = capsys.readouterr()
    assert out.startswith(f'{BASELINE}: 1 finding(s) recorded')
    assert err == (f'leakstop: warning: {BASELINE} is ignored by git (.gitignore:2:*.json): it will not be committed, '
                   f'so CI and other clones will not have it; commit it with `git add -f {BASELINE}`, or un-ignore it '
                   f'(`!{BASELINE}` in .gitignore)\n')
    assert cli.main(['baseline', 'update', 'a.py']) == 0
    assert '(.gitignore:2:*.json)' in capsys.readouterr().err
    write('report.json', json.dumps([]))
    assert cli.main(['baseline', 'import', 'report.json']) == 0
    assert '(.gitignore:2:*.json)' in capsys.readouterr().err


def test_the_ignored_baseline_warning_suggests_a_line_that_is_no_command_and_no_token(
        repo: str, capsys: pytest.CaptureFixture[str]) -> None:
    """Eleventh hostile review, siblings of break 07: the `!name` to add was printed raw: a name `##[error]…` was a
    workflow command in a CI log, and a token in the name (a committed `baseline = …`) was printed whole there while
    the path beside it was redacted. It is shown as check-gitignore shows a line (`#\\#[`: the same pattern)."""
    token = fakes.github('ghp', seed='audit-ignored-name')
    write('.gitignore', '*.json\n')
    for name, line in (('##[error]b.json', '!#\\#[error]b.json'), (f'{token}.json', f'!{token[:4]}….json')):
        assert cli.main(['baseline', 'create', '--baseline', name, 'a.py']) == 0
        err = capsys.readouterr().err
        assert '##[' not in err and token[4:] not in err and f'(`{line}` in .gitignore)' in err, err


def test_a_baseline_in_a_subdirectory_is_judged_where_it_is(repo: str, capsys: pytest.CaptureFixture[str]) -> None:
    write('.gitignore', 'secrets/\n')
    os.makedirs('secrets')
    assert cli.main(['baseline', 'create', '--baseline', 'secrets/baseline.json', 'a.py']) == 0
    assert 'leakstop: warning: secrets/baseline.json is ignored by git (.gitignore:1:secrets/)' in capsys.readouterr().err


@pytest.mark.parametrize('name', [':baseline.json', ':!baseline.json'])
def test_a_baseline_name_that_reads_as_pathspec_magic_is_judged_as_itself(
        repo: str, name: str, capsys: pytest.CaptureFixture[str]) -> None:
    """Tenth hostile review, break 17's sibling: the name was asked of `git check-ignore` as a pathspec, where a
    leading `:` is magic: `:baseline.json` was judged as `baseline.json` (not ignored by `:*`), and `:!…` made git
    refuse to answer. Either way the baseline git ignores was written without the warning."""
    write('.gitignore', ':*\n')
    assert cli.main(['baseline', 'create', '--baseline', name, 'a.py']) == 0
    assert 'is ignored by git (.gitignore:1::*)' in capsys.readouterr().err


def test_the_ignored_baseline_warning_never_quotes_a_bracket_expression(repo: str, capsys: pytest.CaptureFixture[str]) -> None:
    """Tenth hostile review, break 15: the warning quoted the pattern whole, and a bracket expression can hold any
    text (a token pasted into .gitignore, ``.leakstop-baseline.jso[<token>n]``); check-gitignore names its line."""
    token = fakes.github('ghp', seed='audit-gitignore')
    write('.gitignore', f'# fixtures\n.leakstop-baseline.jso[{token}n]\n')
    assert cli.main(['baseline', 'create', 'a.py']) == 0
    err = capsys.readouterr().err
    assert token[:8] not in err
    assert err.startswith(f'leakstop: warning: {BASELINE} is ignored by git (.gitignore:2, a pattern with a bracket '
                          'expression): it will not be committed')


@pytest.mark.parametrize('setup', ['not ignored', 'negated', 'tracked'])
def test_no_warning_when_git_would_commit_the_baseline(repo: str, setup: str, capsys: pytest.CaptureFixture[str]) -> None:
    write('.gitignore', {'not ignored': '*.log\n', 'negated': f'*.json\n!{BASELINE}\n', 'tracked': '*.json\n'}[setup])
    if setup == 'tracked':  # ignored, but added with -f: git keeps committing its changes
        write(BASELINE, '{"version": 1, "findings": []}\n')
        git('add', '-f', BASELINE, cwd=repo)
    assert cli.main(['baseline', 'create', '--force', 'a.py']) == 0
    assert cli.main(['baseline', 'update', 'a.py']) == 0
    assert capsys.readouterr().err == ''


def test_no_warning_outside_a_git_repository(tmp_path: object, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(str(tmp_path))
    write('a.py', f'KEY = "{AWS}"\n')
    assert cli.main(['baseline', 'create', 'a.py']) == 0
    assert capsys.readouterr().err == ''


def test_secrets_an_allowlist_lets_pass_are_redacted_in_the_context(tmp_path: object, monkeypatch: pytest.MonkeyPatch,
                                                                    capsys: pytest.CaptureFixture[str]) -> None:
    """Second hostile review (break 10, #1's sibling): the lines around a finding showed a token on a
    `leakstop: allow` line, or one that [allowlist] values match, whole."""
    repo = init_repo(os.path.join(str(tmp_path), 'repo'))
    monkeypatch.chdir(repo)
    monkeypatch.delenv('GITHUB_ACTIONS', raising=False)
    npm = fakes.npm(seed='audit-allowed')
    write('.leakstop.toml', f'[allowlist]\nvalues = ["^{npm}$"]\n')
    write('s.py', f'a = 1\ntok = "{GH}"\nold = "{GH2}"  # leakstop: allow\nnpm = "{npm}"\n')
    assert cli.main(['baseline', 'create', 's.py']) == 0
    capsys.readouterr()
    assert run_audit(['q'])[0] == 0
    out = capsys.readouterr().out
    assert f'     3 | old = "{GH2[:4]}…"  # leakstop: allow' in out and f'     4 | npm = "{npm[:4]}…"' in out
    assert GH not in out and GH2 not in out and npm not in out


def test_secrets_the_decoded_views_find_are_redacted_in_the_context(
        tmp_path: object, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """Eleventh hostile review, break 03: the lines around a finding were redacted with every rule over the raw text
    only: on a `leakstop: allow` line, a token the escape view finds (JSON `\\u005f`) and a Kubernetes Secret's base64
    value were shown whole."""
    import base64
    repo = init_repo(os.path.join(str(tmp_path), 'repo'))
    monkeypatch.chdir(repo)
    monkeypatch.delenv('GITHUB_ACTIONS', raising=False)
    escaped = GH2.replace('_', '\\u005f', 1)
    write('conf.json', f'{{\n  "a": "{escaped}", "note": "fixture leakstop: allow",\n  "b": "{GH}"\n}}\n')
    value = base64.b64encode(f'token: {GH2}'.encode()).decode()
    write('secret.yaml', f'apiVersion: v1\nkind: Secret\nmetadata:\n  name: s\ndata:\n'
                         f'  config: {value}  # leakstop: allow\n  other: {base64.b64encode(GH.encode()).decode()}\n')
    assert cli.main(['baseline', 'create', 'conf.json', 'secret.yaml']) == 0
    capsys.readouterr()
    assert run_audit(['s', 's', 'q'])[0] == 0
    out = capsys.readouterr().out
    assert f'     2 |   "a": "{GH2[:4]}…", "note"' in out and f'     6 |   config: {GH2[:4]}…  # leakstop: allow' in out
    assert GH2[4:] not in out and escaped[4:] not in out and value[8:] not in out


@pytest.mark.parametrize('argv', [[], ['--report'], ['--report', '--format', 'json']])
def test_a_token_in_an_entry_rule_is_shown_redacted(
        tmp_path: object, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], argv: list[str]) -> None:
    """Fifth hostile review (break 15): a baseline entry whose `rule` holds a token printed it whole in the
    review's entry header (and in the report's rule column)."""
    repo = init_repo(os.path.join(str(tmp_path), 'repo'))
    monkeypatch.chdir(repo)
    write('a.txt', 'x = 1\n')
    write(BASELINE, json.dumps({'version': 1, 'findings': [
        {'path': 'a.txt', 'rule': GH2, 'fingerprint': 'a' * 64, 'line': 1, 'status': 'unreviewed'}]}))
    monkeypatch.setattr('builtins.input', lambda prompt='': 'q')
    assert cli.main(['baseline', 'audit', *argv]) == 0
    out = capsys.readouterr().out
    assert GH2[4:] not in out
    if not argv:
        assert '[1/1] a.txt:1: ghp_…\n' in out
    elif '--format' in argv:
        assert json.loads(out)['by_rule'] == {'ghp_…': {'unreviewed': 1, 'false-positive': 0, 'true-positive': 0}}
    else:
        assert '\n  ghp_…           1 ' in out

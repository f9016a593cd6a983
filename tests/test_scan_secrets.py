from __future__ import annotations

import base64
import codecs
import json
import os
import random

import pytest

import fakes
from leakstop.config import Config
from leakstop.hooks import scan_secrets
from leakstop.scan import ruleset_for, scan_data

AWS = fakes.aws_key_id(seed='hook')
GH = fakes.github('ghp', seed='hook')


@pytest.fixture(autouse=True)
def in_tmp(tmp_path: object, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(str(tmp_path))


def write(name: str, content: str | bytes) -> str:
    data = content.encode() if isinstance(content, str) else content
    os.makedirs(os.path.dirname(name) or '.', exist_ok=True)
    with open(name, 'wb') as f:
        f.write(data)
    return name


def test_clean_files_exit_0(capsys: pytest.CaptureFixture[str]) -> None:
    write('a.py', 'import os\nKEY = os.environ["AWS_ACCESS_KEY_ID"]\n')
    assert scan_secrets.main(['a.py']) == 0
    assert capsys.readouterr() == ('', '')


def test_no_files_exit_0() -> None:
    assert scan_secrets.main([]) == 0


def test_finding_exit_1_and_redacted(capsys: pytest.CaptureFixture[str]) -> None:
    write('src/settings.py', f'# settings\naws_access_key_id = "{AWS}"\n')
    assert scan_secrets.main(['src/settings.py']) == 1
    out, err = capsys.readouterr()
    lines = out.splitlines()
    assert lines[0].startswith('src/settings.py:2:22: aws-access-key-id: ')
    assert lines[0].endswith(f': {AWS[:4]}…')
    assert 'rotate' in lines[-1]
    assert 'leakstop: allow' in lines[-1]
    assert AWS not in out + err


def test_json_output_is_redacted(capsys: pytest.CaptureFixture[str]) -> None:
    write('a.txt', f'token {GH}\n')
    assert scan_secrets.main(['--format', 'json', 'a.txt']) == 1
    out, _ = capsys.readouterr()
    doc = json.loads(out)
    assert [(f['path'], f['line'], f['redacted']) for f in doc['findings']] == [('a.txt', 1, GH[:4] + '…')]
    assert GH not in out


@pytest.mark.parametrize('pragma', [
    '# leakstop: allow', '// pragma: allowlist secret', '/* leakstop:allow */', '<!-- pragma: allowlist secret -->',
])
def test_inline_pragma_suppresses(pragma: str) -> None:
    write('a.py', f'key = "{AWS}"  {pragma}\n')
    assert scan_secrets.main(['a.py']) == 0


@pytest.mark.parametrize('pragma', ['# leakstop: allow-next-line', '# pragma: allowlist nextline secret'])
def test_next_line_pragma_suppresses_only_the_next_line(pragma: str, capsys: pytest.CaptureFixture[str]) -> None:
    """Which finding remains, not only the exit code (issue 15: a mutation of the detect-secrets form
    survived a test that checked the code alone)."""
    write('a.py', f'first = "{GH}"\n{pragma}\nkey = "{AWS}"\nother = "{GH}"\n')
    capsys.readouterr()
    assert scan_secrets.main(['a.py']) == 1
    lines = [ln.split(': ')[0] for ln in capsys.readouterr().out.splitlines() if ln.startswith('a.py:')]
    assert [ln.rsplit(':', 1)[0] for ln in lines] == ['a.py:1', 'a.py:4']


@pytest.mark.parametrize(('value', 'placeholder'), [
    ('"password"', True), ("'null'", True), ('`changeme`', True), ('password', True),
    ('"Zq8bX3nR5tY7uV9wK2mL"', False),
])
def test_placeholders_are_recognised_inside_quotes(value: str, placeholder: bool, default_config: Config) -> None:
    """Issue 15: the quotes around a value are not part of it (a mutation removing the stripping survived)."""
    from leakstop.placeholders import is_placeholder
    assert is_placeholder(value, default_config.allowlist.builtin.placeholders) is placeholder


def test_next_line_pragma(capsys: pytest.CaptureFixture[str]) -> None:
    write('a.py', f'# leakstop: allow-next-line\nkey = "{AWS}"\n')
    assert scan_secrets.main(['a.py']) == 0


def test_binary_file_is_skipped() -> None:
    write('img.bin', b'\x00\x01\x02' + AWS.encode() + b'\xff' * 100)
    assert scan_secrets.main(['img.bin']) == 0


def test_utf16_file_is_scanned() -> None:
    write('w.txt', f'key = {AWS}\r\n'.encode('utf-16'))
    assert scan_secrets.main(['w.txt']) == 1


def test_ascii_line_appended_to_a_utf16_file_is_scanned(capsys: pytest.CaptureFixture[str]) -> None:
    """Twelfth hostile review, break 04: Windows PowerShell 5's `>` writes UTF-16LE with a BOM; a line `echo` then
    appends stands in ASCII (`grep` finds it), but the whole file decoded as UTF-16 made it CJK and it passed."""
    head = codecs.BOM_UTF16_LE + 'Setup log\r\nInstalled tools\r\n'.encode('utf-16-le')
    write('setup.log', head + f'GITHUB_TOKEN={GH}\r\n'.encode())
    assert scan_secrets.main(['setup.log']) == 1
    assert 'setup.log:3:14: github-pat-classic' in capsys.readouterr().out  # where grep finds it


def test_missing_file_exit_2_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    write('a.py', f'key = "{AWS}"\n')
    assert scan_secrets.main(['a.py', 'gone.py']) == 2
    out, err = capsys.readouterr()
    assert err == 'gone.py: error: cannot read: no such file\n'
    assert 'a.py:1:8' in out  # the other file's findings are still reported


def test_directory_passed_as_file(capsys: pytest.CaptureFixture[str]) -> None:
    os.mkdir('d')
    assert scan_secrets.main(['d']) == 2
    assert capsys.readouterr().err == 'd: error: cannot read: is a directory\n'


def test_unreadable_file(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    write('a.py', 'x = 1\n')
    real_open = os.open

    def deny(path: str, *args: object, **kwargs: object) -> int:
        if path == 'a.py':
            raise PermissionError(13, 'Permission denied', path)
        return real_open(path, *args, **kwargs)  # type: ignore[arg-type]
    monkeypatch.setattr(os, 'open', deny)
    assert scan_secrets.main(['a.py']) == 2
    assert capsys.readouterr().err == 'a.py: error: cannot read: Permission denied\n'


def test_fifo_is_reported_not_read(capsys: pytest.CaptureFixture[str]) -> None:
    os.mkfifo('pipe')  # nothing ever writes to it: reading would block forever
    assert scan_secrets.main(['pipe']) == 2
    assert capsys.readouterr().err == 'pipe: error: cannot read: not a regular file\n'


def test_usage_error_exit_2() -> None:
    with pytest.raises(SystemExit) as e:
        scan_secrets.main(['--format', 'yaml', 'a.py'])
    assert e.value.code == 2


def test_bad_config_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    write('.leakstop.toml', 'allowlist = { paths = "not a list" }\n')
    write('a.py', 'x = 1\n')
    assert scan_secrets.main(['a.py']) == 2
    assert capsys.readouterr().err == (
        'scan-secrets: error: .leakstop.toml.allowlist.paths: expected a list of strings\n'
    )


def test_config_path_allowlist() -> None:
    write('pyproject.toml', '[tool.leakstop.allowlist]\npaths = ["fixtures/"]\n')
    write('fixtures/keys.py', f'key = "{AWS}"\n')
    write('src/keys.py', f'key = "{AWS}"\n')
    assert scan_secrets.main(['fixtures/keys.py']) == 0
    assert scan_secrets.main(['src/keys.py']) == 1


def test_known_example_key_passes() -> None:
    write('docs.md', 'aws_access_key_id = AKIAIOSFODNN7EXAMPLE\n')
    assert scan_secrets.main(['docs.md']) == 0


def test_placeholder_shapes_with_backreferences_apply(default_config: object) -> None:
    from leakstop.placeholders import is_placeholder
    shapes = default_config.allowlist.builtin.placeholders  # type: ignore[attr-defined]
    assert is_placeholder('ab00000000cd', shapes)  # 8 identical characters
    assert is_placeholder('xxxxxxxxxxxx', shapes)
    assert not is_placeholder('a9Zq3kLmP0wX', shapes)


def test_long_key_material_is_never_a_placeholder(default_config: object) -> None:
    from leakstop.placeholders import is_placeholder
    shapes = default_config.allowlist.builtin.placeholders  # type: ignore[attr-defined]
    body = fakes.rand(fakes.B64, 400, 'long') + 'todo' + 'xxxx'
    assert not is_placeholder(body, shapes)


@pytest.mark.parametrize('line', [
    'const stripe = Stripe("pk_live_' + fakes.rand(fakes.ALNUM, 24, 'pk') + '")',
    'mapboxgl.accessToken = "pk.eyJ1IjoiYWNtZSIsImEiOiJjbHgyZno0In0.' + fakes.rand(fakes.B64URL, 22, 'mb') + '";',
])
def test_public_by_design_keys_pass(line: str) -> None:
    write('app.js', line + '\n')
    assert scan_secrets.main(['app.js']) == 0


def test_documentation_markers_in_long_values(default_config: object) -> None:
    from leakstop.placeholders import is_placeholder
    shapes = default_config.allowlist.builtin.placeholders  # type: ignore[attr-defined]
    token = fakes.rand(fakes.B64, 150, 'sts-a') + 'EXAMPLE' + fakes.rand(fakes.B64, 150, 'sts-b')
    assert is_placeholder(token, shapes)  # AWS docs' sample session tokens
    assert not is_placeholder(fakes.rand(fakes.B64, 400, 'real'), shapes)


@pytest.mark.parametrize('line', [
    "script = f'export GH_TOKEN={fakes.github(\"ghp\", seed=1)}'",
    "env = f'API_TOKEN={token}'",
    "cfg = f'password={settings.db_password}'",
])
def test_template_interpolations_are_not_secrets(line: str) -> None:
    write('gen.py', line + '\n')
    assert scan_secrets.main(['gen.py']) == 0


def _github_with(body: str) -> str:
    return f'ghp_{body}{fakes.crc32_base62(body)}'


@pytest.mark.parametrize('body', [
    'Ab3todoZk9QmW1xYv7PqR2sLcN8dEf',  # contains `todo`
    'Ab3xxxxZk9QmW1xYv7PqR2sLcN8dEf',  # contains `xxxx`
    'Ab3ZZZZZZZZZZxYv7PqR2sLcN8dEf0',  # 8 identical characters
])
def test_a_valid_checksum_beats_placeholder_shapes(body: str, default_config: Config) -> None:
    from leakstop.placeholders import is_placeholder
    token = _github_with(body)
    shapes = default_config.allowlist.builtin.placeholders
    broken = token[:-1] + ('A' if token[-1] != 'A' else 'B')
    assert is_placeholder(broken, shapes)  # a placeholder by shape, without its checksum …
    assert not is_placeholder(token, shapes)  # … and none with it, for every caller (sixth hostile review, 03)
    found = scan_data(f'GITHUB_TOKEN={token}\n'.encode(), 'a.env', ruleset=ruleset_for(default_config), config=default_config)
    assert [(f.rule_id, f.line, f.column) for f in found] == [('github-pat-classic', 1, 14)]  # … still reported


def test_placeholder_shapes_still_drop_values_without_a_checksum(default_config: Config) -> None:
    # an AWS access key ID has a fixed alphabet but no checksum: `XXXX` in it is a placeholder
    key = fakes.aws_key_id(seed='placeholder')
    placeholder = key[:4] + 'XXXX' + key[8:]
    found = scan_data(f'aws_access_key_id = {placeholder}\n'.encode(), 'a.py', ruleset=ruleset_for(default_config), config=default_config)
    assert found == []
    found = scan_data(f'aws_access_key_id = {key}\n'.encode(), 'a.py', ruleset=ruleset_for(default_config), config=default_config)
    assert [f.rule_id for f in found] == ['aws-access-key-id']


def test_a_known_example_passes_even_with_a_valid_checksum(default_config: Config) -> None:
    token = _github_with('Ab3todoZk9QmW1xYv7PqR2sLcN8dEf')
    builtin = default_config.allowlist.builtin._replace(known_examples=frozenset({token}))
    config = default_config._replace(allowlist=default_config.allowlist._replace(builtin=builtin))
    assert scan_data(f'GITHUB_TOKEN={token}\n'.encode(), 'a.env', ruleset=ruleset_for(config), config=config) == []


@pytest.mark.parametrize(('value', 'placeholder'), [
    ('yourStrong(!)Secret', True), ('myPassword', True), ('myDatabasePassword1!', True), ('yourAppSecret', True),
    ('myX7kQ9pLm2', False), ('mySQLr00tPw', False), ('mypassw9Xk', False),
])
def test_camel_case_words_after_your_or_my_are_placeholders(value: str, placeholder: bool, default_config: Config) -> None:
    from leakstop.placeholders import is_placeholder
    assert is_placeholder(value, default_config.allowlist.builtin.placeholders) is placeholder


def test_connection_string_with_a_your_password_placeholder_passes(default_config: Config) -> None:
    line = '"AppDB": "Host=localhost;Database=AppDB;Username=postgres;Password={}"\n'
    ruleset = ruleset_for(default_config)
    assert scan_data(line.format('yourStrong(!)Secret').encode(), 'appsettings.json', ruleset=ruleset, config=default_config) == []
    found = scan_data(line.format('Gw7CwO3DhSuxLFVq').encode(), 'appsettings.json', ruleset=ruleset, config=default_config)
    assert [(f.rule_id, f.line, f.column) for f in found] == [('ado-net-connection-string-password', 1, 68)]  # after 67 characters


def test_lemon_squeezy_documented_licence_key_passes(default_config: Config) -> None:
    # the example key of docs.lemonsqueezy.com/api/license-api (activate, validate, deactivate responses)
    text = '{{"license_key": {{"id": 1, "status": "active", "key": "{}"}}}}\n'
    ruleset = ruleset_for(default_config)
    documented = '38b1460a-5104-4067-a91d-77b872934d51'
    assert scan_data(text.format(documented).encode(), 'license.json', ruleset=ruleset, config=default_config) == []
    other = '6f0c2d7e-93a1-4b58-8e2f-1d4c7a9b3e50'
    found = scan_data(text.format(other).encode(), 'license.json', ruleset=ruleset, config=default_config)
    assert [(f.rule_id, f.line) for f in found] == [('generic-api-key', 1)]


def test_the_webdriver_element_key_passes(default_config: Config) -> None:
    """The W3C WebDriver specification fixes the key of a web element's reference (and of a shadow root's): every
    WebDriver client defines it as a constant (held-out 78: karate's W3cSession)."""
    text = 'public static final String W3C_ELEMENT_KEY = "{}";\n'
    ruleset = ruleset_for(default_config)
    for fixed in ('element-6066-11e4-a52e-4f735466cecf', 'shadow-6066-11e4-a52e-4f735466cecf'):
        assert scan_data(text.format(fixed).encode(), 'W3cSession.java', ruleset=ruleset, config=default_config) == []
    found = scan_data(text.format('element-7b2d-4c91-a8e3-5f0e9d1c6b27').encode(), 'W3cSession.java', ruleset=ruleset,
                      config=default_config)
    assert [(f.rule_id, f.line) for f in found] == [('generic-api-key', 1)]


@pytest.mark.parametrize(('value', 'placeholder'), [
    ('sk_live_abcdefghijklmnopqrstuvwxyz123456', True), ('xkeysib-1234567890abcdef1234567890abcdef', True),
    ('figd_0123456789Zq8bX3nR5tY7uV9wK2mL4pQ6', True), ('AbCdEfGhIjKlMnOpQrStUv', True),
    ('zz_live_Zq8bX3nR5tY7uV9wK2mL4pQ6sD1fG0hJ', False), ('abcdefgh1234567Zq8bX3nR5tY7', False),
])
def test_the_alphabet_or_the_digits_in_order_are_placeholders(value: str, placeholder: bool, default_config: Config) -> None:
    """A run of ten letters or digits in order is typed by a person filling in a format (runs of up to
    nine stay: they occur in generated values now and then)."""
    from leakstop.placeholders import is_placeholder
    assert is_placeholder(value, default_config.allowlist.builtin.placeholders) is placeholder


def _short_pem(label: str, der: bytes) -> str:
    body = base64.b64encode(der).decode()
    lines = [body[i:i + 64] for i in range(0, len(body), 64)]
    return f'-----BEGIN {label}-----\n' + '\n'.join(lines) + f'\n-----END {label}-----\n'


@pytest.mark.parametrize('name', ['ed448', 'x448', 'sect113r1'])
def test_short_pem_private_keys_are_found(name: str, default_config: Config) -> None:
    """Keys under 200 characters (Ed448, X448, small EC curves): the armor's dashes are no placeholder
    shape (------ matched one, and these keys passed)."""
    rng = random.Random(f'short-pem-{name}')
    raw = bytes(rng.randrange(256) for _ in range(57))
    der, label = {
        'ed448': (bytes.fromhex('3047020100300506032b6571043b0439') + raw, 'PRIVATE KEY'),
        'x448': (bytes.fromhex('3046020100300506032b656f043a0438') + raw[:56], 'PRIVATE KEY'),
        'sect113r1': (bytes.fromhex('3041020101040f') + raw[:15] + bytes.fromhex('a00706052b81040004a122032000') + raw[15:45],
                      'EC PRIVATE KEY'),
    }[name]
    text = _short_pem(label, der)
    assert len(text) < 200
    found = scan_data(text.encode(), 'tests/keys/key.pem', ruleset=ruleset_for(default_config), config=default_config)
    assert [(f.rule_id, f.line) for f in found] == [('private-key-pem', 1)]


def test_a_commit_of_a_few_files_is_scanned_in_one_process(monkeypatch: pytest.MonkeyPatch, tmp_path: object) -> None:
    """Starting workers costs more than scanning a commit: up to SERIAL_FILES files, no pool."""
    import multiprocessing
    monkeypatch.chdir(str(tmp_path))
    monkeypatch.setattr(multiprocessing, 'get_context', lambda *a, **k: pytest.fail('a pool was started'))
    names = []
    for i in range(scan_secrets.SERIAL_FILES):
        names.append(f'm{i}.py')
        with open(names[-1], 'w') as f:
            f.write('x = 1\n')
    assert scan_secrets.main(names) == 0


@pytest.mark.parametrize(('value', 'placeholder'), [
    ('RANDOMCHARS-----duv1n2TS', True), ('random_string_kq7vR2', True), ('$Env:NUGET_TOKEN', True), ('$env:Token', True),
    ('randomXk9QmW1xYv7Pq', False), ('$3nv:Kq7vR2xM9', False), ('Kq7vR2xM9pL4sT8wRANDOM', False),
])
def test_marked_random_values_and_powershell_variables_are_placeholders(value: str, placeholder: bool, default_config: Config) -> None:
    """Held-out set 7: PHPMailer's examples write RANDOMCHARS-----… where the client secret goes;
    Arcade's scripts pass -Password $Env:Token. A value that merely starts with "random" still counts."""
    from leakstop.placeholders import is_placeholder
    assert is_placeholder(value, default_config.allowlist.builtin.placeholders) is placeholder


@pytest.mark.parametrize('columns', ['50', '132', None, 'wide'])
def test_help_is_wrapped_as_argparse_wraps_it(columns: str | None, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    """The hook's own HelpFormatter reads the terminal's width without shutil: the same help text."""
    import argparse
    if columns is None:
        monkeypatch.delenv('COLUMNS', raising=False)
    else:
        monkeypatch.setenv('COLUMNS', columns)
    with pytest.raises(SystemExit):
        scan_secrets.main(['--help'])
    ours = capsys.readouterr().out
    monkeypatch.setattr(scan_secrets, 'HelpFormatter', argparse.HelpFormatter)
    with pytest.raises(SystemExit):
        scan_secrets.main(['--help'])
    assert ours == capsys.readouterr().out
    assert 'usage: scan-secrets' in ours and '--baseline BASELINE' in ours
    if columns == '50':
        assert max(len(line) for line in ours.splitlines()) <= 48


def test_a_warm_hook_imports_only_what_it_uses(tmp_path: object, ruleset: object) -> None:
    """Start-up is most of a hook's time on a commit: hashlib (OpenSSL), shutil (bz2, lzma) and base64
    cost it 7 ms together, and a clean run uses none of them. (The session's ``ruleset`` fixture
    compiled the default rules into the cache this process inherits: the hook starts warm.)"""
    import subprocess
    import sys
    write('app.py', 'import os\npassword = os.environ["DB_PASSWORD"]\napi_key = "${API_KEY}"\n')
    code = ('import sys\nfrom leakstop.hooks.scan_secrets import main\nrc = main(["app.py"])\n'
            'print(rc, sorted(m for m in ("hashlib", "_hashlib", "shutil", "base64") if m in sys.modules))')
    out = subprocess.run([sys.executable, '-c', code], capture_output=True, text=True, check=True).stdout
    assert out == '0 []\n'


def test_a_token_used_as_a_file_name_is_found_and_never_printed(capsys: pytest.CaptureFixture[str]) -> None:
    """Sixth hostile review, break 02: git stores and pushes a file's name. A token as the name was never
    found, and was printed whole as the path of any finding in the file."""
    token = fakes.github('ghp', seed='file name')
    os.mkdir('cache')
    write(f'cache/{token}.md', 'hello\n')
    write(f'cache/{token}.bin', b'\x00\x01binary\x00')
    write(f'cache/{token}.py', 'password = "Xq7pL2mR9vT4wK8sZ3nB"\n')  # leakstop: allow (a made-up value)
    assert scan_secrets.main([f'cache/{token}.md', f'cache/{token}.bin', f'cache/{token}.py']) == 1
    out = capsys.readouterr().out
    shown = f'cache/{token[:4]}…'
    assert [line for line in out.splitlines() if not line.startswith('  ')][:4] == [
        f"{shown}.md: github-pat-classic: GitHub personal access token (classic) (in the file's path): {token[:4]}…",
        f"{shown}.bin: github-pat-classic: GitHub personal access token (classic) (in the file's path): {token[:4]}…",
        f"{shown}.py: github-pat-classic: GitHub personal access token (classic) (in the file's path): {token[:4]}…",
        f'{shown}.py:1:13: generic-password: Hard-coded password: Xq7p…',
    ]
    assert token[4:] not in out
    assert scan_secrets.main(['--format', 'json', f'cache/{token}.md']) == 1
    doc = json.loads(capsys.readouterr().out)
    assert [(f['path'], f['line'], f['rule']) for f in doc['findings']] == [(f'{shown}.md', 0, 'github-pat-classic')]
    write('.leakstop.toml', '[allowlist]\npaths = ["cache/**"]\n')  # the allowlist applies to it as to the content
    assert scan_secrets.main([f'cache/{token}.md']) == 0


def test_a_token_joined_to_a_file_name_by_an_underscore_is_found_and_never_printed(
        capsys: pytest.CaptureFixture[str]) -> None:
    """Eighth hostile review, break 09: in a file name ``_`` separates words (``backup_<token>.txt``), but
    the rules' start and end guards read it as part of an identifier. The token was neither found nor
    redacted: printed whole as the path of every finding in the file, and written whole into a baseline."""
    from leakstop.report import path_without_secrets
    token, npm = fakes.github('ghp', seed='underscore'), fakes.npm(seed='underscore')
    names = [f'cache/backup_{token}.txt', f'cache/token_{npm}.ini', f'cache/{token}_old.env',
             f'cache/old_{token}_2024.md', f'cache/a_b_{npm}_c_d/x.md']
    for name in names:
        write(name, 'password = "Xq7pL2mR9vT4wK8sZ3nB"\n')  # leakstop: allow (a made-up value)
    assert scan_secrets.main(names) == 1
    out = capsys.readouterr().out
    assert token[4:] not in out and npm[4:] not in out
    assert out.count("(in the file's path)") == len(names)
    assert out.count('generic-password') == len(names)
    assert path_without_secrets(f'cache/backup_{token}.txt') == f'cache/backup_{token[:4]}….txt'
    assert path_without_secrets('src/my_module_test.py') == 'src/my_module_test.py'


@pytest.mark.parametrize('body', ['x' * 30, 'Ab3d' + '0' * 25 + 'a'])
def test_a_checksum_valid_token_with_a_run_for_a_body_is_found_by_every_hook(
        body: str, capsys: pytest.CaptureFixture[str]) -> None:
    """Eighth hostile review, break 10: a rule's entropy floor ran before its checksum, so a CRC-valid
    ``ghp_``/``npm_`` token whose random part is a run was dropped by scan-secrets and the template check,
    while block-credential-files refused it in .npmrc. A checksum proves the token issued (sixth review, 03)."""
    from leakstop.hooks import block_credential_files, block_env_files
    gh, npm = f'ghp_{body}{fakes.crc32_base62(body)}', f'npm_{body}{fakes.crc32_base62(body)}'
    write('.npmrc', f'//registry.example.com/:_authToken={npm}\n')
    write('a.py', f'T = "{gh}"\nN = "{npm}"\n')
    write('.env.example', f'TOKEN={gh}\nNPM_TOKEN={npm}\n')
    assert scan_secrets.main(['.npmrc', 'a.py']) == 1
    out = capsys.readouterr().out
    assert [line.split(': ')[:2] for line in out.splitlines() if line.startswith(('.npmrc:', 'a.py:'))] == [
        ['.npmrc:1:36', 'npm-access-token'], ['a.py:1:6', 'github-pat-classic'], ['a.py:2:6', 'npm-access-token']]
    assert gh[4:] not in out and npm[4:] not in out
    assert block_env_files.main(['.env.example']) == 1 and '.env.example:2:' in capsys.readouterr().out
    assert block_credential_files.main(['.npmrc']) == 1 and '.npmrc:1:' in capsys.readouterr().out
    broken = 'AAAAAA' if fakes.crc32_base62(body) != 'AAAAAA' else 'BBBBBB'  # a made-up token with a run: dropped
    write('b.py', f'T = "ghp_{body}{broken}"\n')
    assert scan_secrets.main(['b.py']) == 0


@pytest.mark.parametrize('fill', [0x00, 0xff])
def test_a_checksum_valid_nats_seed_with_a_run_for_a_key_is_found(fill: int, capsys: pytest.CaptureFixture[str]) -> None:
    """Ninth hostile review, break 02: a NATS user seed whose 32 key bytes are a run, with a valid CRC-16, was dropped
    by the rule's entropy floor: its validator was not among the checksums that prove a token issued."""
    import base64
    from leakstop.validators import crc16_xmodem
    raw = bytes([(18 << 3) | (160 >> 5), (160 & 31) << 3]) + bytes([fill]) * 32
    seed = base64.b32encode(raw + crc16_xmodem(raw).to_bytes(2, 'little')).decode().rstrip('=')
    write('nats.env', f'export NATS_USER_SEED={seed}\n')  # leakstop: allow
    assert scan_secrets.main(['nats.env']) == 1
    out = capsys.readouterr().out
    assert 'nats.env:1:23: nats-nkey-seed' in out and seed[4:] not in out
    write('nats2.env', f'export NATS_USER_SEED={seed[:10]}{"B" if seed[10] != "B" else "C"}{seed[11:]}\n')  # a broken CRC: not this rule's
    scan_secrets.main(['nats2.env'])
    assert 'nats-nkey-seed' not in capsys.readouterr().out


def _large_jwt(groups: int, x5c: int = 0) -> str:
    """A signed JWT (fake) with ``groups`` group ids in its payload, as Azure AD issues up to 200 (then its payload is
    about 10,500 characters), and ``x5c`` certificates (random bytes) in its header."""
    rng = random.Random(repr(('large-jwt', groups, x5c)))
    enc = lambda obj: base64.urlsafe_b64encode(json.dumps(obj, separators=(',', ':')).encode()).rstrip(b'=').decode()  # noqa: E731
    header: dict[str, object] = {'alg': 'RS256', 'typ': 'JWT'}
    if x5c:
        header['x5c'] = [base64.b64encode(rng.randbytes(1500)).decode() for _ in range(x5c)]
    payload = {'aud': 'api://x', 'sub': '12345', 'groups': ['%032x' % rng.getrandbits(128) for _ in range(groups)],
               'iat': 1700000000}
    return f'{enc(header)}.{enc(payload)}.{fakes.rand(fakes.B64URL, 342, ("large-jwt-sig", groups, x5c))}'


@pytest.mark.parametrize('groups, x5c', [(200, 0), (1200, 0), (1, 8)], ids=['azure-200-groups', '1200-groups', 'x5c-8'])
def test_a_jwt_with_a_large_payload_or_header_is_found(groups: int, x5c: int, capsys: pytest.CaptureFixture[str]) -> None:
    """Tenth hostile review (break 01): the rule capped the payload at 8,192 characters, and a longer one matched not
    at all (an Azure AD token with its documented maximum of 200 groups is 10,500); an x5c header likewise."""
    token = _large_jwt(groups, x5c)
    header, payload, _ = map(len, token.split('.'))
    assert max(header, payload) > 8192
    write('me.http', f'GET https://api.example.com/v1/me\nAuthorization: Bearer {token}\n')
    write('token.json', f'{{"token_type": "Bearer", "access_token": "{token}"}}\n')
    assert scan_secrets.main(['--format', 'json', 'me.http', 'token.json']) == 1
    out = capsys.readouterr().out
    assert [(f['path'], f['rule'], f['line']) for f in json.loads(out)['findings']] == [
        ('me.http', 'jwt', 2), ('token.json', 'jwt', 1)]
    assert token[8:40] not in out


@pytest.mark.parametrize('keys', [1, 2, 4])
def test_a_large_private_jwk_set_in_base64_is_found(keys: int, capsys: pytest.CaptureFixture[str]) -> None:
    """The sibling of the tenth hostile review's break 01: the base64 of a JWK set of RSA-4096 private keys (random
    numbers, no key) is over the rule's earlier 6,000 characters from two keys on, and matched not at all."""
    rng = random.Random(repr(('jwks', keys)))
    b64url = lambda n: base64.urlsafe_b64encode(rng.randbytes(n)).rstrip(b'=').decode()  # noqa: E731
    jwks = {'keys': [{'kty': 'RSA', 'kid': f'k{k}', 'n': b64url(512), 'e': 'AQAB', 'd': b64url(512), 'p': b64url(256),
                      'q': b64url(256), 'dp': b64url(256), 'dq': b64url(256), 'qi': b64url(256)} for k in range(keys)]}
    encoded = base64.b64encode(json.dumps(jwks).encode()).decode()
    write('runner.yaml', f'privateKey: "{encoded}"\n')
    assert scan_secrets.main(['--format', 'json', 'runner.yaml']) == 1
    out = capsys.readouterr().out
    assert [(f['rule'], f['line']) for f in json.loads(out)['findings']] == [('jwk-private-key-base64', 1)]
    assert encoded[8:40] not in out

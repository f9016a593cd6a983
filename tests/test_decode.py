"""Secrets under an encoding are found by the rule that knows them: base64 in Kubernetes Secret
manifests, string escapes, commented-out key blocks; CRLF files report what LF files report."""
from __future__ import annotations

import base64
import json
import os

import pytest

from leakstop.config import Config
from leakstop.decode import kubernetes_secret_values
from leakstop.engine import RuleSet
from leakstop.files import decode_text
from leakstop.hooks import block_credential_files, scan_secrets
from leakstop.scan import scan_data

import fakes

GH = fakes.github('ghp', seed='decode')
AWS = fakes.aws_key_id(seed='decode')


def b64(text: str) -> str:
    return base64.b64encode(text.encode()).decode()


def manifest(kind: str, values: dict[str, str], *, prefix: str = '') -> str:
    entries = ''.join(f'  {k}: {b64(v)}\n' for k, v in values.items())
    return f'{prefix}apiVersion: v1\nkind: {kind}\nmetadata:\n  name: app\ntype: Opaque\ndata:\n{entries}'


def scan(text: str, ruleset: RuleSet, config: Config, path: str = 'k8s/secret.yaml') -> list[tuple[int, int, str, str]]:
    """(line, column, rule, secret) of each finding, read as a file would be; the same with CRLF line endings."""
    def found(raw: bytes) -> list[tuple[int, int, str, str]]:
        data = decode_text(raw)
        assert data is not None
        return [(f.line, f.column, f.rule_id, f.secret.replace('\r\n', '\n')) for f in scan_data(data, path, ruleset=ruleset, config=config)]
    lf = found(text.encode())
    assert found(text.replace('\n', '\r\n').encode()) == lf, 'CRLF reports what LF reports'
    return lf


def test_vendor_token_in_a_secret_is_found_at_the_encoded_value(ruleset: RuleSet, default_config: Config) -> None:
    text = manifest('Secret', {'region': 'eu-west-1', 'GITHUB_TOKEN': GH})
    assert scan(text, ruleset, default_config) == [(8, 17, 'github-pat-classic', GH)]


def test_decoded_finding_replaces_the_finding_on_the_encoded_text(ruleset: RuleSet, default_config: Config) -> None:
    text = manifest('Secret', {'password': 'Tr0ub4dor&3xQ9!'})
    (found,) = scan(text, ruleset, default_config)
    assert found[0] == 7 and found[3] == 'Tr0ub4dor&3xQ9!'  # the decoded password, not its base64


def test_only_secret_documents_are_decoded(ruleset: RuleSet, default_config: Config) -> None:
    text = manifest('ConfigMap', {'note': GH}) + '---\n' + manifest('Secret', {'AWS_ACCESS_KEY_ID': AWS})
    assert [(line, rule) for line, _, rule, _ in scan(text, ruleset, default_config)] == [(15, 'aws-access-key-id')]


def test_values_that_are_not_base64_text_are_left_alone() -> None:
    binary = base64.b64encode(bytes(range(256))).decode()
    text = f'kind: Secret\ndata:\n  cert: {binary}\n  name: not*base64\nstringData:\n  other: {b64("x")}\n'
    assert kubernetes_secret_values(text.encode()) == []


def test_output_shows_neither_the_encoded_value_nor_the_secret(ruleset: RuleSet, default_config: Config, tmp_path: object, capsys: object) -> None:
    import os

    from leakstop.hooks import scan_secrets
    path = os.path.join(str(tmp_path), 'secret.yaml')
    with open(path, 'w') as f:
        f.write(manifest('Secret', {'GITHUB_TOKEN': GH}))
    assert scan_secrets.main([path]) == 1
    out = capsys.readouterr().out  # type: ignore[attr-defined]
    assert GH not in out and b64(GH) not in out
    assert 'ghp_…' in out and '(base64 in a Kubernetes Secret)' in out


def test_base64_of_a_word_is_judged_by_its_text(ruleset: RuleSet, default_config: Config) -> None:
    """The generic detector saw the base64 (random-looking by nature); the text it stands for decides."""
    text = manifest('Secret', {'node.session.auth.password': 'password', 'apiPassword': 'storageos'})
    assert scan(text, ruleset, default_config) == []
    text = manifest('Secret', {'apiPassword': 'Tr0ub4dor&3xQ9!'})
    assert [found[2] for found in scan(text, ruleset, default_config)] == ['generic-password']


def test_crlf_manifest_is_decoded(ruleset: RuleSet, default_config: Config) -> None:
    text = manifest('Secret', {'region': 'eu-west-1', 'GITHUB_TOKEN': GH}).replace('\n', '\r\n')
    found = scan_data(text.encode(), 'k8s/secret.yaml', ruleset=ruleset, config=default_config)
    assert [(f.line, f.column, f.rule_id, f.secret) for f in found] == [(8, 17, 'github-pat-classic', GH)]
    assert [key for key, *_ in kubernetes_secret_values(text.encode())] == [b'region', b'GITHUB_TOKEN']


# --- string escapes: decoded once, for every rule --------------------------------------------

PEM = fakes.pem_private_key(seed='escapes')
PEM_BODY_LINE = PEM.splitlines()[1]
AWS_SECRET = '/'.join(fakes.rand(fakes.ALNUM, n, ('escapes', n, k)) for k, n in enumerate((13, 13, 12)))  # 40, two /
SERVICE_ACCOUNT = json.dumps({
    'type': 'service_account', 'project_id': 'demo-project', 'private_key_id': fakes.rand('0123456789abcdef', 40, 'sa'),
    'private_key': PEM, 'client_email': 'ci@demo-project.iam.gserviceaccount.com', 'client_id': '1' * 21,
})


def where(text: str, needle: str) -> tuple[int, int]:
    """1-based line and column of ``needle`` in ``text`` (computed here, not by the code under test)."""
    before = text[:text.index(needle)]
    return before.count('\n') + 1, len(before) - (before.rfind('\n') + 1) + 1


ESCAPED = {
    # PHP's json_encode writes / as \/ by default
    'json-slash': (
        json.dumps({'aws_access_key_id': AWS, 'aws_secret_access_key': AWS_SECRET}).replace('/', '\\/'),
        'config.json', AWS_SECRET.split('/')[0], 'aws-secret-access-key', AWS_SECRET,
    ),
    'pem-crlf-escapes': (
        json.dumps({'tls_key': PEM.replace('\n', '\r\n')}), 'tls.json', '-----BEGIN', 'private-key-pem', PEM.strip(),
    ),
    'service-account-in-json': (
        json.dumps({'name': 'ci', 'credentials': SERVICE_ACCOUNT}, indent=2), 'ci.json', '-----BEGIN',
        'private-key-pem-escaped', None,
    ),
    'service-account-in-tfvars': (
        f'project = "demo"\ngoogle_credentials = {json.dumps(SERVICE_ACCOUNT)}\n', 'prod.tfvars', '-----BEGIN',
        'private-key-pem-escaped', None,
    ),
    'unicode-escaped-prefix': (
        '{"token": "\\u0067hp_' + GH[4:] + '"}', 'settings.json', '\\u0067', 'github-pat-classic', GH,
    ),
}


@pytest.mark.parametrize('case', sorted(ESCAPED))
def test_escaped_string_is_decoded_for_every_rule(case: str, ruleset: RuleSet, default_config: Config) -> None:
    text, path, anchor, rule_id, secret = ESCAPED[case]
    found = [f for f in scan(text, ruleset, default_config, path) if f[2] == rule_id]
    assert [(line, column) for line, column, _, _ in found] == [where(text, anchor)]
    if secret is not None:
        assert found[0][3] == secret  # the decoded secret: fingerprinted as itself


def test_nested_service_account_key_is_refused_by_content(tmp_path: object, capsys: pytest.CaptureFixture[str]) -> None:
    path = os.path.join(str(tmp_path), 'ci.json')
    with open(path, 'w') as f:
        f.write(json.dumps({'name': 'ci', 'credentials': SERVICE_ACCOUNT}))
    assert block_credential_files.main(['--format', 'json', path]) == 1
    assert [f['rule'] for f in json.loads(capsys.readouterr().out)['findings']] == ['google-service-account-key']


def test_escapes_outside_secrets_add_nothing(ruleset: RuleSet, default_config: Config) -> None:
    text = 'pattern = "\\d+\\.\\d+"\npath = "C:\\Users\\new\\table"\nprint("a\\tb\\n")\n' + json.dumps({'k': GH})
    assert scan(text, ruleset, default_config, 'a.py') == [(4, 8, 'github-pat-classic', GH)]  # found once


# --- commented-out private keys ---------------------------------------------------------------

COMMENTED = {
    'hash': ('deploy.py', ''.join(f'# {line}\n' for line in PEM.splitlines())),
    'slashes': ('deploy.js', 'const x = 1;\n' + ''.join(f'  // {line}\n' for line in PEM.splitlines())),
    'quote': ('NOTES.md', 'The old key:\n\n' + ''.join(f'> {line}\n' for line in PEM.splitlines())),
    'properties': ('app.properties', 'name=app\ntls.key=' + '\\n\\\n    '.join(PEM.strip().splitlines()) + '\n'),
}


@pytest.mark.parametrize('case', sorted(COMMENTED))
def test_commented_out_key_is_found_by_both_hooks(case: str, tmp_path: object, capsys: pytest.CaptureFixture[str]) -> None:
    name, text = COMMENTED[case]
    path = os.path.join(str(tmp_path), name)
    with open(path, 'w') as f:
        f.write(text)
    line = where(text, '-----BEGIN')[0]
    assert scan_secrets.main(['--format', 'json', path]) == 1
    found = json.loads(capsys.readouterr().out)['findings']
    assert [(f['rule'], f['line']) for f in found] == [('private-key-pem', line)]
    assert block_credential_files.main(['--format', 'json', path]) == 1
    found = json.loads(capsys.readouterr().out)['findings']
    assert [(f['rule'], f['line']) for f in found] == [('pem-private-key', line + 1)]  # the body
    assert PEM_BODY_LINE not in capsys.readouterr().out


# --- CRLF reports exactly what LF reports -----------------------------------------------------

def _found(raw: bytes, path: str, ruleset: RuleSet, config: Config) -> list[tuple[int, int, str, str]]:
    data = decode_text(raw)
    assert data is not None
    return [(f.line, f.column, f.rule_id, f.secret.replace('\r\n', '\n'))
            for f in scan_data(data, path, ruleset=ruleset, config=config)]


def test_every_rule_example_reports_the_same_with_crlf(ruleset: RuleSet, default_config: Config) -> None:
    from test_rules import RULES, example_path
    differ = []
    for rule in RULES:
        for k, example in enumerate([*rule.examples, *rule.negatives]):
            lf_text = example.replace('\r\n', '\n')
            path = example_path(rule)
            lf = _found(lf_text.encode(), path, ruleset, default_config)
            crlf = _found(lf_text.replace('\n', '\r\n').encode(), path, ruleset, default_config)
            if crlf != lf:
                differ.append(f'{rule.id}[{k}]')
    assert differ == []


def test_escape_decoding_reads_left_to_right_and_maps_back() -> None:
    """The fast decoder (bytes.replace) agrees with reading escapes one by one, left to right; each
    decoded byte maps back to the original byte it is, or to the escape it came from."""
    import random
    import re

    from leakstop.decode import _decode_escapes, _escaped_span
    one_by_one = re.compile(rb'\\(?:u([0-9a-fA-F]{4})|([nrt"\'/\\])|\r?\n[ \t]*)')
    simple = {b'n': b'\n', b'r': b'\r', b't': b'\t'}

    def expected(m: re.Match[bytes]) -> bytes:
        if m.group(1):
            char = chr(int(m.group(1), 16))
            return char.encode() if char.isprintable() else m.group(0)  # control characters stay escaped
        return simple.get(m.group(2), m.group(2)) if m.group(2) else b''

    rng = random.Random('escapes')
    alphabet = ['\\', 'n', 'r', 't', '"', "'", '/', 'u', '0', '0', '4', '1', 'x', 'a', 'f', ' ', '\n', '\0', '\xff']
    # (\x is left alone: JSON has no \x escape; in code it writes bytes, not text)
    for _ in range(5000):
        original = ''.join(rng.choice(alphabet) for _ in range(rng.randrange(1, 24))).encode('latin-1')
        decoded = _decode_escapes(original)
        assert decoded == one_by_one.sub(expected, original), original
        for i, byte in enumerate(decoded):
            start, end = _escaped_span(original, 0, len(original), i)
            assert 0 <= start < end <= len(original)
            assert end - start > 1 or original[start] == byte


def _joined(pem: str, opening: str, glue: str, closing: str) -> str:
    """``pem`` written as the code of a language joins string literals: one literal per line, each with
    its ``\\n`` escape, ``glue`` before every literal but the first; the END literal on the last body
    line's line, as spring-cloud-config writes it."""
    lines = pem.rstrip('\n').split('\n')
    pieces = [f'"{line}\\n"' for line in lines]
    body = ''.join(f'\n\t\t{glue}{p}' for p in pieces[1:-1])
    return opening + pieces[0] + body + f' {glue}{pieces[-1]}' + closing


JOINED = {
    'java-plus': ('Keys.java', 'private static final String KEY = ', '+ ', ';\n'),
    'php-dot': ('keys.php', '$key = ', '. ', ';\n'),
    'python-adjacent': ('keys.py', 'KEY = (\n    ', '', ')\n'),
    'vb-ampersand': ('Keys.vb', 'Dim key As String = ', '& ', '\n'),
}


@pytest.mark.parametrize('case', sorted(JOINED))
def test_a_key_built_by_joining_string_literals_is_found(case: str, ruleset: RuleSet, default_config: Config) -> None:
    """Held-out 8: spring-cloud-config's tests write PEM keys as "-----BEGIN…\\n" + "MIIE…\\n" + …;
    the literals are joined as the language joins them, and the key is reported at its BEGIN."""
    path, opening, glue, closing = JOINED[case]
    text = _joined(PEM, opening, glue, closing)
    found = [f for f in scan(text, ruleset, default_config, path) if 'private-key' in f[2]]
    assert [(line, column) for line, column, _, _ in found] == [where(text, '-----BEGIN')]


@pytest.mark.parametrize('text', [
    'HEADER = "-----BEGIN RSA PRIVATE KEY-----\\n" + body + "-----END RSA PRIVATE KEY-----\\n";\n',  # the body is a variable
    'if (s.startsWith("-----BEGIN RSA PRIVATE KEY-----")) { kind = "rsa"; }\nString end = "-----END RSA PRIVATE KEY-----";\n',
    'String k = "-----BEGIN RSA PRIVATE KEY-----\\n"\n\t+ "MIIEpAIBAAKCAQEA...\\n" + "-----END RSA PRIVATE KEY-----\\n";\n',  # elided
])
def test_joined_literals_without_a_whole_key_find_nothing(text: str, ruleset: RuleSet, default_config: Config) -> None:
    assert [f for f in scan(text, ruleset, default_config, 'Keys.java') if 'private-key' in f[2]] == []

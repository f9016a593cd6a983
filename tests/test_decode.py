"""Secrets under an encoding are found by the rule that knows them: base64 in Kubernetes Secret
manifests, string escapes, commented-out key blocks; CRLF files report what LF files report."""
from __future__ import annotations

import base64
import json
import os
import random
import tempfile
import urllib.parse
from typing import Any

import pytest

from leakstop.config import Config
from leakstop.decode import kubernetes_secret_values
from leakstop.engine import Finding, RuleSet
from leakstop.files import decode_text
from leakstop.hooks import block_credential_files, scan_secrets
from leakstop.scan import scan_data

import fakes
from timing import assert_grows_linearly

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


def test_values_after_a_short_or_empty_one_are_decoded(ruleset: RuleSet, default_config: Config) -> None:
    """Regression: a value of fewer than 8 base64 characters (``user: YQ==``) or an empty one ended the
    data block, and the secrets after it were never decoded."""
    text = manifest('Secret', {'user': 'a', 'port': 'abcde'}).replace('data:\n', 'data:\n  empty: ""\n  none: \'\'\n')
    text += f'  GITHUB_TOKEN: {b64(GH)}\n'
    assert scan(text, ruleset, default_config) == [(where(text, b64(GH))[0], 17, 'github-pat-classic', GH)]


def test_a_short_value_is_judged_by_its_text(ruleset: RuleSet, default_config: Config) -> None:
    """Regression: a value of under 8 base64 characters was not decoded, and the generic detector judged
    its base64 (``YWRtaW4=`` looks random) instead of the word it encodes (``admin``)."""
    assert scan(manifest('Secret', {'apiPassword': 'admin'}), ruleset, default_config) == []
    assert kubernetes_secret_values(b'kind: Secret\ndata:\n  user: YQ==\n') == [(b'user', b'a', 27, 31)]


def test_only_secret_documents_are_decoded(ruleset: RuleSet, default_config: Config) -> None:
    text = manifest('ConfigMap', {'note': GH}) + '---\n' + manifest('Secret', {'AWS_ACCESS_KEY_ID': AWS})
    assert [key for key, *_ in kubernetes_secret_values(text.encode())] == [b'AWS_ACCESS_KEY_ID']
    # (a vendor token's base64 is found anywhere, by the base64 view: test_base64_view.py)
    found = [(f.line, f.rule_id, f.description.endswith('(base64)')) for f in scan_data(text.encode(), 'k8s/secret.yaml', ruleset=ruleset, config=default_config)]
    assert found == [(7, 'github-pat-classic', True), (15, 'aws-access-key-id', False)]


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
    'long-unicode-escaped-prefix': (  # TOML, Python, YAML: \UXXXXXXXX (fourth hostile review, break 14)
        't = "\\U00000067hp_' + GH[4:] + '"\n', 'settings.toml', '\\U0000', 'github-pat-classic', GH,
    ),
    'csv-doubled-quotes': (  # JSON in a CSV cell, its quotes doubled (fourth hostile review, break 09)
        'name,config\nprod,"{""password"": ""Xq7#vLp2!mZr9Wk4""}"\n', 'export.csv', 'Xq7#', 'generic-password',
        'Xq7#vLp2!mZr9Wk4',
    ),
    'hex-escaped-prefix': (  # YAML's double-quoted \xXX
        't: "\\x67hp_' + GH[4:] + '"\n', 'settings.yaml', '\\x67', 'github-pat-classic', GH,
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
# the doc-comment markers of other languages (data/comment_markers.toml): R's roxygen `#'` and LuaDoc's `---` passed
# block-credential-files (and roxygen scan-secrets too; twelfth hostile review, break 09), and so did the others
COMMENTED.update({
    'roxygen': ('sign.R', "#' Sign a request\n#'\n#' @examples\n" + ''.join(f"#' {line}\n" for line in PEM.splitlines())
                + 'NULL\n'),
    'luadoc': ('sign.lua', '--- Sign a request.\n' + ''.join(f'--- {line}\n' for line in PEM.splitlines())),
    'haddock': ('Sign.hs', '-- | Signs with:\n--\n' + ''.join(f'-- > {line}\n' for line in PEM.splitlines())),
    'lisp': ('sign.el', ''.join(f';;; {line}\n' for line in PEM.splitlines())),
    'erlang': ('sign.erl', ''.join(f'%% {line}\n' for line in PEM.splitlines())),
    'batch': ('sign.bat', '@echo off\n' + ''.join(f'REM {line}\n' for line in PEM.splitlines())),
    'batch-colons': ('sign.cmd', ''.join(f':: {line}\n' for line in PEM.splitlines())),
    'visual-basic': ('Sign.vb', ''.join(f"' {line}\n" for line in PEM.splitlines())),
    'visual-basic-doc': ('Sign.vb', ''.join(f"''' {line}\n" for line in PEM.splitlines())),
    'ocaml': ('sign.ml', '(** The key:\n' + ''.join(f'    {line}\n' for line in PEM.splitlines()) + ' *)\n'),
})


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
    one_by_one = re.compile(rb'\\(?:u([0-9a-fA-F]{4})|([nrt"\'/\\ ])|U([0-9a-fA-F]{8})|x([0-9a-fA-F]{2})|\r?\n[ \t]*)')
    simple = {b'n': b'\n', b'r': b'\r', b't': b'\t'}

    def expected(m: re.Match[bytes]) -> bytes:
        if m.group(2):
            return simple.get(m.group(2), m.group(2))
        code = m.group(1) or m.group(3) or m.group(4)
        if not code:
            return b''  # a line continuation
        value = int(code, 16)
        if m.group(4) and value > 0x7E:
            return m.group(0)  # \xXX past ASCII: a byte, not a character
        char = chr(value) if value <= 0x10FFFF else ''
        # control characters stay escaped, but for a line break's or a tab's (tenth hostile review, break 05)
        return char.encode() if char and (char.isprintable() or char in '\n\r\t') else m.group(0)

    rng = random.Random('escapes')
    alphabet = ['\\', 'n', 'r', 't', '"', "'", '/', 'u', 'U', '0', '0', '4', '1', '7', 'x', 'a', 'f', ' ', '\n', '\r',
                '\0', '\xff', '\\x', '\\U000000', '\\u00']  # (the escapes' starts, so that they are often whole)
    for _ in range(8000):
        original = ''.join(rng.choice(alphabet) for _ in range(rng.randrange(1, 30))).encode('latin-1')
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


# --- the pieces, one by one: what each returns for a table of inputs ------------------------

def test_secret_values_their_keys_decoded_text_and_encoded_spans() -> None:
    token, password = b64(GH), b64('Tr0ub4dor&3xQ9!')
    text = (f'# a comment\nkind: "Secret"  # the kind\nmetadata:\n  name: app\ndata:   # values\n'
            f'  GITHUB_TOKEN: "{token}"\n  db.password: \'{password}\'  \n  short: YWJjZA==\n  empty: ""\n'
            f'  bad: {token[:-1]}\n  after-bad: {password}\n'
            f'stringData:\n  plain: {token}\n')
    assert kubernetes_secret_values(text.encode()) == [
        (b'GITHUB_TOKEN', GH.encode(), text.index(token), text.index(token) + len(token)),
        (b'db.password', b'Tr0ub4dor&3xQ9!', text.index(password), text.index(password) + len(password)),
        (b'short', b'abcd', text.index('YWJjZA=='), text.index('YWJjZA==') + 8),
        (b'after-bad', b'Tr0ub4dor&3xQ9!', text.rindex(password), text.rindex(password) + len(password)),
    ]


@pytest.mark.parametrize('kind', ['kind: Secret', "kind: 'Secret'", 'kind:\tSecret # x', 'kind: Secret\r',
                                  # a List's item as kubectl get -o yaml prints it, JSON as -o json (third hostile review, break 04)
                                  '  kind: Secret', '- kind: Secret', '"kind": "Secret",', '    "kind": "Secret"'])
def test_the_secret_kind_in_its_spellings(kind: str) -> None:
    text = f'{kind}\ndata:\n  token: {b64(GH)}\n'
    assert [key for key, *_ in kubernetes_secret_values(text.encode())] == [b'token']


@pytest.mark.parametrize('kind', ['kind: SecretList', 'kind: Secrets', 'kind: ConfigMap # Secret',
                                  'kind: SealedSecret', '"kind": "SecretList",', 'secretKind: Secret'])
def test_other_kinds_are_not_decoded(kind: str) -> None:
    text = f'{kind}\ndata:\n  token: {b64(GH)}\n'
    assert kubernetes_secret_values(text.encode()) == []


def test_the_data_block_ends_at_its_indentation() -> None:
    """Entries are the lines indented deeper than ``data:``; a key at data's own depth ends the block."""
    text = (f'items:\n- kind: Secret\n  data:\n    a: {b64(GH)}\n    b: {b64(AWS)}\n  other: {b64(GH)}\n'
            f'    c: {b64(AWS)}\n')
    assert [key for key, *_ in kubernetes_secret_values(text.encode())] == [b'a', b'b']  # a List's Secret item
    text = f'kind: Secret\nspec:\n  data:\n    a: {b64(GH)}\n  other: {b64(GH)}\n    b: {b64(AWS)}\n'
    assert [key for key, *_ in kubernetes_secret_values(text.encode())] == [b'a']
    text = f'kind: Secret\ndata:\n  a: {b64(GH)}\n\nother:\n  b: {b64(AWS)}\n'  # a blank line, then a key at data's depth
    assert [key for key, *_ in kubernetes_secret_values(text.encode())] == [b'a']
    text = f'kind: Secret\ndata:\n  a: {b64(GH)}'  # the last line without its newline
    assert [key for key, *_ in kubernetes_secret_values(text.encode())] == [b'a']


def test_a_bare_key_ends_the_data_block() -> None:
    """A key without a value is a mapping's header (or null), not a base64 value: the block ends there, and
    a ``data:`` nested under it is a block of its own (each line is read by one block: linear)."""
    text = f'kind: Secret\ndata:\n  a: {b64(GH)}\n  nested:\n    b: {b64(AWS)}\n'
    assert [key for key, *_ in kubernetes_secret_values(text.encode())] == [b'a']
    text = f'kind: Secret\ndata:\n  a: {b64(GH)}\n  data:  # nested\n    b: {b64(AWS)}\n'
    assert [key for key, *_ in kubernetes_secret_values(text.encode())] == [b'a', b'b']


def test_each_yaml_document_is_judged_by_its_own_kind() -> None:
    secret = f'kind: Secret\ndata:\n  a: {b64(GH)}\n'
    other = f'kind: ConfigMap\ndata:\n  b: {b64(AWS)}\n'
    for sep in ('---\n', '--- # next\n', '---\r\n'):
        text = other + sep + secret + sep + other
        assert [key for key, *_ in kubernetes_secret_values(text.encode())] == [b'a'], sep
    text = secret + '--- not a separator\n' + other  # one document: both data blocks are the Secret's
    assert [key for key, *_ in kubernetes_secret_values(text.encode())] == [b'a', b'b']


def test_documents_are_the_spans_between_separators() -> None:
    from leakstop.decode import _documents
    assert _documents(b'a: 1\n---\nb: 2\n---\n') == [(0, 5), (8, 14), (17, 18)]
    assert _documents(b'a: 1\n') == [(0, 5)]


def _finding(rule_id: str, start: int, end: int, line: int = 1, column: int = 1) -> Finding:
    return Finding(path='k.yaml', line=line, column=column, rule_id=rule_id, description='d', secret='s',
                   start=start, end=end)


def test_merge_drops_what_a_decoded_finding_explains_and_generic_findings_on_text_values() -> None:
    from leakstop.decode import merge
    on_value = _finding('github-pat-classic', 10, 30, line=2)
    generic_on_text = _finding('generic-api-key', 40, 60, line=3)
    vendor_on_text = _finding('aws-access-key-id', 40, 60, line=3)
    elsewhere = _finding('generic-api-key', 60, 70, line=4)
    decoded = _finding('github-pat-classic', 10, 30, line=2, column=5)
    assert merge([on_value, generic_on_text, vendor_on_text, elsewhere], [decoded], [(40, 60), (10, 30)]) == [
        decoded, vendor_on_text, elsewhere]
    assert merge([elsewhere, on_value], []) == [on_value, elsewhere]  # nothing decoded: sorted by line
    assert merge([_finding('x', 29, 31)], [decoded]) == [decoded]  # starts inside: explained
    assert merge([_finding('x', 30, 31, line=9)], [decoded]) == [decoded, _finding('x', 30, 31, line=9)]  # starts at its end
    assert merge([_finding('x', 9, 31, line=0)], [decoded]) == [_finding('x', 9, 31, line=0), decoded]  # starts before


def test_inside_sorted_spans() -> None:
    from leakstop.decode import _inside
    spans = [(0, 5), (10, 20)]
    assert [o for o in range(-1, 22) if _inside(spans, o)] == [0, 1, 2, 3, 4, *range(10, 20)]
    assert not _inside([], 0)


@pytest.mark.parametrize(('text', 'at', 'continues'), [
    (b'a\\\nb', 2, True), (b'a\\\r\nb', 3, True), (b'a\nb', 1, False), (b'a\\', 2, False), (b'a\\\\\nb', 3, True),
])
def test_a_line_continues_when_it_ends_with_a_backslash(text: bytes, at: int, continues: bool) -> None:
    from leakstop.decode import _continues
    assert _continues(text, at) is continues


@pytest.mark.parametrize(('text', 'lines'), [
    (b'a,"{""password"": ""x""}"\n', [b'a,"{"password": "x"}"']),
    (b'a,"{""API_KEY"" : ""x""}"\nb,1\n', [b'a,"{"API_KEY" : "x"}"']),
    (b'a,"{""name"": ""x""}"\n', []),  # doubled quotes around a name that is no credential's
    (b'a,"{""db_pass"": ""x""}"\n', [b'a,"{"db_pass": "x"}"']),  # the vocabulary's `pass` (fourteenth review, 01)
    (b'a,"",b\npassword,""\n', []),  # empty cells
    # a credential's word or a command's option anywhere on the line, not only a member name of [\w.-]: an XML element,
    # a member name with a space, mysql's -p (fifteenth hostile review, break 01)
    (b'a,"<add key=""DbPassword"" value=""x"" />"\n', [b'a,"<add key="DbPassword" value="x" />"']),
    (b'a,"{""Admin Password"": ""x""}"\n', [b'a,"{"Admin Password": "x"}"']),
    (b'a,"mysql -u root -p""x"" db"\n', [b'a,"mysql -u root -p"x" db"']),
    (b'a,"{""name"": ""preview""}"\n', []),  # (a keyword, view, inside a word)
    (b'    """Return the API key."""\n', []),  # a docstring's triple quotes are no doubled quotes
    # code's empty strings are no doubled quotes: minified swagger-ui and axios (held-out 78 and 82 at measure-r22)
    (b'a(Y.port)||(Y.host=Y.hostname,Y.port=""),Y.username=Y.password="",Y.auth&&(Y.user=Y.auth.slice(0,$)),'
     b'o.set({""password"": ""x""})\n',
     [b'a(Y.port)||(Y.host=Y.hostname,Y.port=""),Y.username=Y.password="",Y.auth&&(Y.user=Y.auth.slice(0,$)),'
      b'o.set({"password": "x"})']),
    (b'var n=t.auth.password||"",r=unescape(encodeURIComponent(n));o.Authorization="Basic "+btoa(t.auth.username+":"+r),x=""\n', []),
    # a value opening with what would end an expression, on a line whose quotes are all doubled but a cell's or a
    # verbatim string's own: a doubled quote (seventeenth hostile review, break 02)
    (b'prod,"{""db_password"": "".k9XqT7#vLp2mWz""}"\n', [b'prod,"{"db_password": ".k9XqT7#vLp2mWz"}"']),
    (b'prod,"{""db_password"":""?k9XqT7#vLp2mWz""}"\n', [b'prod,"{"db_password":"?k9XqT7#vLp2mWz"}"']),
    (b'  X = @"<add key=""DbPassword"" value=""+k9XqT7#vLp2mWz"" />";\n', [b'  X = @"<add key="DbPassword" value="+k9XqT7#vLp2mWz" />";']),
    # (quotes of its own on the line: code, whose empty strings stay as they are)
    (b'o.set({""password"": "".x""}),Y.port="",Z="a",W="b"\n', [b'o.set({"password": "".x"}),Y.port="",Z="a",W="b"']),
])
def test_doubled_quotes_are_undoubled_on_lines_that_name_a_credential(text: bytes, lines: list[bytes]) -> None:
    from leakstop.decode import doubled_quote_view
    view = doubled_quote_view(text)
    assert (view.text.splitlines() if view is not None else []) == lines
    if view is not None and b'{""' in text:  # each undoubled quote maps back to its two quotes, the rest byte for byte
        at, first = view.text.index(b'{"') + 1, text.index(b'{""') + 1
        assert view.original(at, at + 1) == (first, first + 1)
        assert view.original(at + 1, at + 2) == (first + 2, first + 3)


@pytest.mark.parametrize(('text', 'lines'), [
    (b'a = "x\\/y"\nb = 1\n', [b'a = "x\\/y"']),
    (b'a = 1\nb = "\\u0067hp"\nc = "\\/"\nd = 2\n', [b'b = "\\u0067hp"\nc = "\\/"']),  # consecutive lines join
    (b'a = "\\/"\n\nc = "\\/"\n', [b'a = "\\/"', b'c = "\\/"']),
    (b'k = "\\/x\\\nmore\\\nlast"\nz = 1\n', [b'k = "\\/x\\\nmore\\\nlast"']),  # a continued line takes the next
    (b'k = "x\\/"\\\n', [b'k = "x\\/"\\\n']),  # continued at the end of the file: to its end
    (b's = "say \\"hi\\""\nt = "a\\r\\n"\n', []),  # quotes or \r alone: nothing hidden
    (b'j = "{\\"api_key\\": 1}"\n', [b'j = "{\\"api_key\\": 1}"']),  # a nested document names a credential
    (b'j = "{\\"API_KEY\\": 1}"\n', [b'j = "{\\"API_KEY\\": 1}"']),
    (b'j = "{\\"Passwd\\": 1}"\n', [b'j = "{\\"Passwd\\": 1}"']),
    (b'j = "{\\"name\\": 1}"\n', []),
    # a name the vocabulary or a rule's keyword makes worth it, not a hand list's word: a JWK's kty, a password under
    # `pass` or `passphrase` (fourteenth hostile review, break 01); a keyword inside a longer word is none (`view`)
    (b'j = "{\\"kty\\":\\"EC\\",\\"d\\":\\"x\\"}"\n', [b'j = "{\\"kty\\":\\"EC\\",\\"d\\":\\"x\\"}"']),
    (b'j = "{\\"db_pass\\": 1}"\n', [b'j = "{\\"db_pass\\": 1}"']),
    (b'j = "{\\"Passphrase\\": 1}"\n', [b'j = "{\\"Passphrase\\": 1}"']),
    (b'j = "{\\"preview\\": 1, \\"kty_list\\": 2}"\n', [b'j = "{\\"preview\\": 1, \\"kty_list\\": 2}"']),
    (b'j = "{\\"preview\\": 1}"\n', []),
    (b'j = "{\\"a\\": \\"{\\\\\\"kty\\\\\\": 1}\\"}"\n', [b'j = "{\\"a\\": \\"{\\\\\\"kty\\\\\\": 1}\\"}"']),  # nested twice
    # a credential's word or a command's option anywhere on the line, not only a `\"name\":` of [\w.-]: an XML element
    # in a string of code, a member name with a space, mysql's -p, curl's -u, net use's /user: (fifteenth hostile
    # review, break 01); an option that takes no password, or one not right before the quote, is none
    (b'x = "<add key=\\"DbPassword\\" value=\\"v\\" />"\n', [b'x = "<add key=\\"DbPassword\\" value=\\"v\\" />"']),
    (b'j = "{\\"Admin Password\\":\\"v\\"}"\n', [b'j = "{\\"Admin Password\\":\\"v\\"}"']),
    (b'c = "mysql -u root -p\\"v\\" < s.sql"\n', [b'c = "mysql -u root -p\\"v\\" < s.sql"']),
    (b'c = "curl -u \\"admin:v\\" https://h"\n', [b'c = "curl -u \\"admin:v\\" https://h"']),
    (b'c = "net use Z: /USER:svc \\"v\\""\n', [b'c = "net use Z: /USER:svc \\"v\\""']),
    (b'c = "mysql -u root -p\\\\\\"v\\\\\\""\n', [b'c = "mysql -u root -p\\\\\\"v\\\\\\""']),  # escaped twice
    (b'c = "mkdir -p d && echo \\"done\\""\n', []),
    (b'c = "grep -x \\"v\\" f"\n', []),
    (b'c = "<div class=\\"preview\\">"\n', []),
    (b'p = "-----BEGIN X\\r\\n"\n', [b'p = "-----BEGIN X\\r\\n"']),
    (b's = "\\"a\\" \\u0041"\n', [b's = "\\"a\\" \\u0041"']),  # \u00XX of a printable character hides something
    (b'x = "\\/"', [b'x = "\\/"']),  # no newline at the end
    (b'b = b"\\x02\\x01\\xff"\n', []),  # \xXX of bytes that are no printable character: nothing hidden
    (b'b = "\\x41"\nc = "\\U00000041"\n', [b'b = "\\x41"\nc = "\\U00000041"']),
])
def test_escaped_lines_are_those_that_hide_something(text: bytes, lines: list[bytes]) -> None:
    from leakstop.decode import _escaped_lines
    assert [text[s:e] for s, e in _escaped_lines(text)] == lines


def _jwk_member(seed: str) -> str:
    """A base64url member of a JWK: 32 random bytes (fake)."""
    rng = random.Random(seed)
    return base64.urlsafe_b64encode(bytes(rng.getrandbits(8) for _ in range(32))).rstrip(b'=').decode()


_EC_JWK = json.dumps({'kty': 'EC', 'crv': 'P-256', 'x': _jwk_member('x'), 'y': _jwk_member('y'), 'd': _jwk_member('d')},
                     separators=(',', ':'))
_OCT_JWK = json.dumps({'kty': 'oct', 'alg': 'HS256', 'k': _jwk_member('k')}, separators=(',', ':'))
_NESTED_PASSWORD = 'Vq7tR2pLm9zkT4wXe8N'  # leakstop: allow (a fake password, the nested documents' value)


@pytest.mark.parametrize(('path', 'text', 'rule'), [
    # a private JWK or a password in a JSON document nested in a string of JSON, .tfvars or YAML, whose member names
    # name no word of the escape view's old hand list (kty, d, k; db_pass, pass, passphrase): fourteenth hostile
    # review, break 01
    ('appsettings.json', json.dumps({'Jwt': {'SigningKey': _EC_JWK}}), 'jwk-private-key'),
    ('prod.auto.tfvars', f'signing_key = {json.dumps(_EC_JWK)}', 'jwk-private-key'),
    ('values.yaml', f'auth:\n  jwk: {json.dumps(_EC_JWK)}', 'jwk-private-key'),
    ('hmac.json', json.dumps({'Auth': {'HmacJwk': _OCT_JWK}}), 'jwk-symmetric-key'),
    ('nested.json', json.dumps({'a': json.dumps({'b': _OCT_JWK})}), 'jwk-symmetric-key'),  # nested twice
    *((f'worker-{name}.json', json.dumps({'w': json.dumps({'db_host': 'db', name: _NESTED_PASSWORD}, separators=(',', ':'))}), 'generic-password')
      for name in ('db_pass', 'pass', 'passphrase')),
    # the same names in the views of a JSON document in a CSV cell and in an HTML attribute (their own hand lists)
    ('cfg.csv', 'env,settings\nprod,"' + json.dumps({'db_pass': _NESTED_PASSWORD}).replace('"', '""') + '"', 'generic-password'),
    ('page.html', '<div data-jwk="' + _EC_JWK.replace('"', '&quot;') + '"></div>', 'jwk-private-key'),
    ('page2.html', '<div data-c="' + json.dumps({'db_pass': _NESTED_PASSWORD}).replace('"', '&quot;') + '"></div>',
     'generic-password'),
    ('config.xml', f'<command>export DB_PASS=&quot;{_NESTED_PASSWORD}&quot;</command>', 'generic-password'),
])
def test_a_secret_in_a_nested_document_is_found_whatever_its_member_names(
        path: str, text: str, rule: str, ruleset: RuleSet, default_config: Config) -> None:
    found = scan_data(f'{text}\n'.encode(), path, ruleset=ruleset, config=default_config)
    secret = {'jwk-private-key': _jwk_member('d'), 'jwk-symmetric-key': _jwk_member('k')}.get(rule, _NESTED_PASSWORD)
    assert [(f.rule_id.startswith(rule), f.secret) for f in found] == [(True, secret)]


_QUOTED_PASSWORD = 'Xk9mQ2vR7tLp4wZ8'  # (fake)


@pytest.mark.parametrize(('path', 'text', 'rule'), [
    # a password behind escaped or doubled quotes on a line that names its credential otherwise than with a JSON
    # member name of [\w.-] (`\"name\":`): an XML attribute, a command line, a member name with a space or a slash; in a
    # string of JSON, YAML or .tfvars, in a CSV cell (fifteenth hostile review, break 01)
    ('.devcontainer/devcontainer.json', f'{{"postCreateCommand": "mysql -u root -p\\"{_QUOTED_PASSWORD}\\" < schema.sql"}}',
     'cli-inline-password'),
    ('deploy.json', f'{{"cmd": "sshpass -p \\"{_QUOTED_PASSWORD}\\" scp dump.sql backup@vault:/data/"}}', 'cli-inline-password'),
    ('ops.json', f'{{"cmd": "net use Z: \\\\\\\\fs01\\\\share /user:CORP\\\\svc \\"{_QUOTED_PASSWORD}\\" /persistent:no"}}',
     'cli-inline-password'),
    ('nested.json', f'{{"a": "{{\\"b\\": \\"mysql -u root -p\\\\\\"{_QUOTED_PASSWORD}\\\\\\" < s.sql\\"}}"}}',
     'cli-inline-password'),  # escaped twice
    ('.github/workflows/ci.yml', f'      run: "curl -u \\"admin:{_QUOTED_PASSWORD}\\" https://api.example.com/v1/jobs"',
     'generic-password'),
    ('appsettings.json', f'{{"Legacy": "<add key=\\"DbPassword\\" value=\\"{_QUOTED_PASSWORD}\\" />"}}', 'generic-password'),
    ('secrets.tfvars', f'settings = "{{\\"Admin Password\\":\\"{_QUOTED_PASSWORD}\\"}}"', 'generic-password'),
    ('secrets2.tfvars', f'settings = "{{\\"db/password\\":\\"{_QUOTED_PASSWORD}\\"}}"', 'generic-password'),
    ('export.csv', f'prod,"<add key=""DbPassword"" value=""{_QUOTED_PASSWORD}"" />"', 'generic-password'),
    ('export2.csv', f'prod,"{{""Admin Password"": ""{_QUOTED_PASSWORD}""}}"', 'generic-password'),
    ('export3.csv', f'prod,"mysql -u root -p""{_QUOTED_PASSWORD}"" app < dump.sql"', 'cli-inline-password'),
])
def test_a_password_behind_escaped_or_doubled_quotes_is_found_whatever_names_it(
        path: str, text: str, rule: str, ruleset: RuleSet, default_config: Config) -> None:
    found = scan_data(f'{text}\n'.encode(), path, ruleset=ruleset, config=default_config)
    assert [(f.rule_id, f.secret) for f in found] == [(rule, _QUOTED_PASSWORD)]



def _quote_views(text: bytes) -> None:
    """The views whose gate reads the lines of escaped, doubled and entity quotes (what the engine's anchors open)."""
    from leakstop.decode import doubled_quote_view, entity_view, escape_view
    escape_view(text)
    entity_view(text)
    doubled_quote_view(text)


@pytest.mark.parametrize('unit', [
    b'\\',  # a run of backslashes before an escaped quote (fifteenth hostile review, break 02: 0.96 MB took 5.8 s)
    b'\\"', b'\\\\\\"', b'"', b'""', b'""a', b'a""', b'&quot;', b'&#0000', b'-p', b'-p ', b'kty_', b'a_',
    b'\\"Pass', b'""Pass', b'&quot;Pass',  # (lines that name a credential: decoded whole)
])
def test_the_quote_views_gate_a_line_in_linear_time(unit: bytes) -> None:
    """Whether a line with an escaped quote (``\\"``), a pair of doubled quotes or ``&quot;`` names a credential is
    decided in time linear in the line: a pattern that ran ``\\\\+"`` from each backslash of a run grew as the square of
    the line (up to ``LONG_LINE``; fifteenth hostile review, break 02). One line grows, and after it an escaped quote,
    a pair and a reference each (``\\/`` first: the escape view decodes every line that hides something)."""
    tail = b'\\"xxxx" ""a"" &quot;x&quot;\n'
    assert_grows_linearly(lambda line: _quote_views(b'"\\/"\n"' + line + tail), unit, 4000, 16000)


def test_a_file_of_backslash_runs_is_scanned_in_linear_time(ruleset: RuleSet, default_config: Config) -> None:
    """The fifteenth hostile review's break 02 through a scan: a `\\/` (which opens the escape view), then a line of
    backslashes and an escaped quote, growing."""
    assert_grows_linearly(
        lambda line: scan_data(b'"url": "http:\\/\\/example.com"\n"' + line + b'\\"' + b'x' * 40 + b'"\n', 'a.json',
                               ruleset=ruleset, config=default_config),
        b'\\', 4000, 16000)


@pytest.mark.parametrize(('text', 'lines'), [  # a BEGIN line is decoded where its key's line breaks are escaped so that
    # the key rules cannot read them (eleventh hostile review, break 05)
    (b'k = "-----BEGIN X-----\\n\\tMII\\n\\t-----END X-----"\n', [b'k = "-----BEGIN X-----\\n\\tMII\\n\\t-----END X-----"']),
    (b'k = "-----BEGIN X-----\\n    MII"\nz = 1\n', [b'k = "-----BEGIN X-----\\n    MII"']),
    (b'$k = "-----BEGIN X-----`r`nMII"\n', [b'$k = "-----BEGIN X-----`r`nMII"']),
    (b'k = "-----BEGIN X-----\\nMII\\n-----END X-----\\n"\n', []),  # the key rules read these as they are
    (b'-----BEGIN X-----\nMII\n-----END X-----\n', []),
    (b'x = "\\t"\n-----BEGIN X-----\n', []),  # a \t on another line
])
def test_begin_lines_with_escaped_line_breaks_the_key_rules_cannot_read(text: bytes, lines: list[bytes]) -> None:
    from leakstop.decode import _escaped_lines
    assert [text[s:e] for s, e in _escaped_lines(text)] == lines


def test_an_end_looked_for_after_a_begin_on_a_long_line_is_not_looked_for_again() -> None:
    from leakstop.decode import KEY_REACH, _key_end
    line = b'-----BEGIN X-----\\n\\t' + b'A' * 50_000
    data = line * 4 + b'\n'
    end, no_end = _key_end(data, 10, 2100, 0)
    assert end == 2100 and no_end == 10 + KEY_REACH - 7  # no END: nothing after the window, none up to there
    at = len(line) + 10  # the next BEGIN looks on from there only, to its own reach
    assert _key_end(data, at, at + 2090, no_end) == (at + 2090, at + KEY_REACH - 7)
    assert _key_end(data, at, at + 2090, len(data)) == (at + 2090, len(data))  # all of it looked through: not again
    keyed = b'k = "-----BEGIN X-----\\n\\tAAAA\\n\\t-----END X-----", ' + b'z' * 40_000 + b'\n'
    end, _ = _key_end(keyed, 10, 20, 0)
    assert keyed[:end].endswith(b'-----END X-----') and keyed[end:end + 1] == b'"'  # past its END, cut at the quote
    short = b'short "-----BEGIN X-----\\n\\t"\nnext line\n'
    assert _key_end(short, short.index(b'BEGIN') + 5, short.index(b'\n'), 0) == (short.index(b'\n'), 0)  # the whole line


@pytest.mark.parametrize('width', [16_000, 100_000])  # a line decoded whole, a long line decoded in windows
def test_begin_lines_are_looked_along_once_for_an_escaped_line_break(width: int, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each BEGIN on a line is a place to look along the line for a key's escaped line break: every byte is looked at
    once however many BEGINs share the line (looked at again for each, 16 KB lines of BEGINs took 40 s a megabyte)."""
    from leakstop import decode
    looked: list[int] = []
    real = decode._KEY_BREAK

    class Counting:
        def search(self, data: bytes, start: int, end: int) -> object:
            looked.append(end - start)
            return real.search(data, start, end)

    monkeypatch.setattr(decode, '_KEY_BREAK', Counting())
    line = (b'-----BEGIN x' * (width // 12 + 1))[:width]
    data = b'a = "\\/"\n' + (line + b'\n') * 4
    assert decode._escaped_lines(data) == [(0, data.index(b'\n'))]
    assert len(looked) > 4 and sum(looked) <= len(data)

def _bundle(size: int, seed: str) -> str:
    """One line of minified code, ``size`` characters, with no escape in it."""
    import random
    rng = random.Random(seed)
    parts, n = [], 0
    while n < size:
        part = f'var {rng.choice("abcdefgh")}{rng.randrange(999)}=function(t){{return t+{rng.randrange(99)}}};'
        parts.append(part)
        n += len(part)
    return ''.join(parts)[:size]


def test_a_long_line_is_decoded_around_its_hiding_escapes_cut_where_no_token_goes_on() -> None:
    from leakstop.decode import _AROUND, _CUT_BACK, _CUT_BYTES, LONG_LINE, _escaped_lines
    line = (_bundle(30_000, 'a') + 'u="https:\\/\\/x";' + _bundle(30_000, 'b') + 'w="\\u0041";' + _bundle(9000, 'c')).encode()
    assert len(line) > 4 * LONG_LINE
    data = b'first line\n' + line + b'\nlast line\n'
    regions = _escaped_lines(data)
    assert len(regions) == 2  # two windows, not the whole line
    for (start, end), escape in zip(regions, (b'\\/\\/', b'\\u0041')):
        at = data.index(escape)
        assert start <= at - _AROUND and end >= at + len(escape) + _AROUND - 2  # (from the first escape on)
        assert end - start <= 2 * (_AROUND + _CUT_BACK) + 16
        assert data[start - 1:start] in _CUT_BYTES and data[end:end + 1] in _CUT_BYTES  # never inside a token
    short = b'k = 1\n' + b'x' * (LONG_LINE - 20) + b' "a\\/b"\n'  # not long: the whole line, as before
    assert [short[s:e] for s, e in _escaped_lines(short)] == [short.split(b'\n')[1]]


@pytest.mark.parametrize('gap', [0, 1500, 2040, 2060, 2300])
def test_a_secret_hidden_by_escapes_in_a_minified_bundle_is_found_whole(
        gap: int, ruleset: RuleSet, default_config: Config) -> None:
    """An escaped token at any distance from an escape before it (in that escape's window, across its
    edge, after it: then in its own escape's window): found once, whole, at its column."""
    token = fakes.github('ghp', seed=('bundle', gap))
    hidden = token.replace('_', '\\u005f')  # the prefix escaped: only the decoded text names the vendor
    before = _bundle(40_000, 'd') + 'p="a\\/b";' + _bundle(gap, 'e')
    text = f'{before}t="{hidden}";{_bundle(40_000, "f")}\n'
    found = [(f.rule_id, f.secret, f.line, f.column) for f in scan_data(text.encode(), 'dist/app.min.js', ruleset=ruleset, config=default_config)]
    assert found == [('github-pat-classic', token, 1, len(before) + 4)]


def test_the_escape_view_maps_each_decoded_byte_back() -> None:
    from leakstop.decode import escape_view
    assert escape_view(b'no escapes at all\n') is None
    assert escape_view(b'a = "x\\ty"\n') is None  # an escape that hides nothing
    data = b'a = 1\nb = "x\\/y\\u0041z"\nc = "\\/"\n'
    view = escape_view(data)
    assert view is not None and view.data == data
    assert view.text == b'b = "x/yAz"\nc = "/"\n'
    x = view.text.index(b'x/yAz')
    assert view.original(x, x + 1) == (data.index(b'x'), data.index(b'x') + 1)
    assert view.original(x + 1, x + 2) == (data.index(b'\\/'), data.index(b'\\/') + 2)  # the escape it came from
    assert view.original(x + 3, x + 4) == (data.index(b'\\u0041'), data.index(b'\\u0041') + 6)
    assert view.original(x, x + 5) == (data.index(b'x'), data.index(b'z') + 1)
    c = view.text.index(b'c = ')
    assert view.original(c, c + 3) == (data.index(b'c = '), data.index(b'c = ') + 3)


@pytest.mark.parametrize('marker', ['#', '# ', '## ', '//', '// ', '> ', '>> ', '> > ', ';', ';; ', '--', '-- ', '*', ' * ',
                                    '\t# ',
                                    # data/comment_markers.toml's others (twelfth hostile review, break 09)
                                    "#' ", "##' ", '#= ', '--- ', '-- | ', '-- > ', ';;; ', '%% ', '% ', 'REM ', '@rem ', ':: ',
                                    "' ", "''' ", '(** ', '(* '])
def test_the_comment_view_removes_each_marker(marker: str) -> None:
    from leakstop.decode import comment_view
    data = f'code\n{marker}-----BEGIN X-----\n{marker}body\n{marker}-----END X-----\nmore code\n'.encode()
    view = comment_view(data)
    assert view is not None
    assert view.text == b'-----BEGIN X-----\nbody\n-----END X-----\n'
    body = view.text.index(b'body')
    assert view.original(body, body + 4) == (data.index(b'body'), data.index(b'body') + 4)


def test_the_comment_view_takes_runs_of_two_comment_lines_holding_a_begin() -> None:
    from leakstop.decode import comment_view
    assert comment_view(b'# no key here\n# at all\n') is None
    assert comment_view(b'# -----BEGIN X-----\nnot a comment\n') is None  # a run of one line
    assert comment_view(b'x = "-----BEGIN X-----"\n# a\n# b\n') is None  # the BEGIN is not commented
    assert comment_view(b'# a\n# b\nx = "-----BEGIN X-----"\n') is None  # nor here, after two comment lines
    # the run starts at the first comment line above the BEGIN and ends at the last one below it
    data = b'x = 1\n# above\n# -----BEGIN X-----\n# below\ny = 2\n# -----BEGIN Y-----\n# last'
    view = comment_view(data)
    assert view is not None
    assert view.text == b'above\n-----BEGIN X-----\nbelow\n-----BEGIN Y-----\nlast\n'
    data = b'# -----BEGIN X-----\n# one\n# -----BEGIN X-----\n# two\n'  # two BEGINs, one run
    view = comment_view(data)
    assert view is not None and view.text == b'-----BEGIN X-----\none\n-----BEGIN X-----\ntwo\n'


@pytest.mark.parametrize(('code', 'joined'), [
    ('k = "-----BEGIN K-----\\n" + "body\\n" + "-----END K-----\\n";', b'-----BEGIN K-----\nbody\n-----END K-----\n\n'),
    ("k = '-----BEGIN K-----' . 'body' . '-----END K-----';", b'-----BEGIN K-----body-----END K-----\n'),
    ('k = "-----BEGIN K-----" &\n  "body" &\n  "-----END K-----"', b'-----BEGIN K-----body-----END K-----\n'),
    ("k = '-----BEGIN K-----' ||\n'body' ||\n'-----END K-----'", b'-----BEGIN K-----body-----END K-----\n'),
    ('k = ("-----BEGIN K-----"\n     "body"\n     "-----END K-----")', b'-----BEGIN K-----body-----END K-----\n'),
    ('k = "-----BEGIN K-----"\n  + "body"\n  + "-----END K-----"', b'-----BEGIN K-----body-----END K-----\n'),
    ('k = "-----BEGIN K-----\\"x\\"" + "-----END K-----"', b'-----BEGIN K-----"x"-----END K-----\n'),
])
def test_the_concat_view_joins_literals_as_the_code_does(code: str, joined: bytes) -> None:
    from leakstop.decode import concat_view
    data = code.encode()
    view = concat_view(data)
    assert view is not None and view.text == joined
    body = view.text.index(b'-----END')
    assert view.original(body, body + 8) == (data.index(b'-----END'), data.index(b'-----END') + 8)


@pytest.mark.parametrize('code', [
    'k = "-----BEGIN K-----" + "-----END K-----" if x',  # fine: two pieces
])
def test_the_concat_view_of_two_pieces(code: str) -> None:
    from leakstop.decode import concat_view
    view = concat_view(code.encode())
    assert view is not None and view.text == b'-----BEGIN K----------END K-----\n'


@pytest.mark.parametrize('code', [
    'no key',
    'k = "-----BEGIN K-----"',  # one piece
    'k = "-----BEGIN K-----" + body + "-----END K-----"',  # a variable between
    'k = "-----BEGIN K-----" + "body" + "more"',  # no END in the last two pieces
    'k = "-----BEGIN K-----" + "-----END K-----',  # the last literal never closes
    'k = "-----BEGIN K-----"+\'-----END K-----\'',  # another quote
    'k = "-----BEGIN K-----""-----END K-----"',  # one literal with a quote in it, not two
    'k = -----BEGIN K----- + "x" + "-----END K-----"',  # the BEGIN is in no literal
])
def test_the_concat_view_needs_a_whole_key_in_literals(code: str) -> None:
    from leakstop.decode import concat_view
    assert concat_view(code.encode()) is None


def test_the_concat_view_stops_at_its_piece_limit() -> None:
    from leakstop.decode import CONCAT_PIECES, concat_view
    pieces = ['"-----BEGIN K-----"', *(['"x"'] * (CONCAT_PIECES - 2)), '"-----END K-----"']
    view = concat_view(' + '.join(pieces).encode())
    assert view is not None and view.text.count(b'x') == CONCAT_PIECES - 2
    pieces.insert(1, '"x"')  # one piece too many: the END is past the limit
    assert concat_view(' + '.join(pieces).encode()) is None


def test_with_view_findings_adds_what_the_views_say_new() -> None:
    from leakstop.decode import with_view_findings
    raw_vendor = _finding('github-pat-classic', 10, 20, line=1)
    raw_generic = _finding('generic-api-key', 30, 40, line=2)
    assert with_view_findings([raw_vendor], []) == [raw_vendor]
    overlaps_vendor = _finding('aws-access-key-id', 15, 25, line=1, column=5)
    overlaps_generic = _finding('aws-access-key-id', 35, 45, line=2, column=5)
    generic_on_generic = _finding('generic-password', 38, 42, line=2, column=9)
    new = _finding('private-key-pem', 50, 60, line=3)
    touching = _finding('private-key-pem', 20, 30, line=1, column=11)  # ends where the generic starts
    assert with_view_findings([raw_vendor, raw_generic], [overlaps_vendor, new, touching]) == [
        raw_vendor, touching, raw_generic, new]
    assert with_view_findings([raw_vendor, raw_generic], [overlaps_generic]) == [raw_vendor, overlaps_generic]
    assert with_view_findings([raw_vendor, raw_generic], [generic_on_generic]) == [raw_vendor, raw_generic]


def test_each_view_names_itself_in_the_description(ruleset: RuleSet) -> None:
    """The finding says where the secret was seen: escaped, commented out, or in joined strings."""
    from leakstop.decode import view_findings
    pem = fakes.pem_private_key(seed='view-notes', lines=2).strip()
    commented = ''.join(f'# {line}\n' for line in pem.splitlines()).encode()
    escaped = json.dumps({'token': GH}).replace('ghp_', '\\u0067hp_').encode()
    joined = ('k = ' + ' +\n    '.join(f'"{line}\\n"' for line in pem.splitlines()) + ';\n').encode()
    for data, path, note in ((commented, 'a.py', 'commented out'), (escaped, 'a.json', 'escaped'),
                             (joined, 'K.java', 'joined strings')):
        found = view_findings(data, path, ruleset)
        assert found and all(f.description.endswith(f' ({note})') for f in found), (note, found)
    assert view_findings(commented, 'a.py', ruleset, comment=False) == []
    assert view_findings(escaped, 'a.json', ruleset, escape=False) == []


def test_a_key_at_the_very_start_of_the_file() -> None:
    from leakstop.decode import comment_view, concat_view
    view = comment_view(b'#-----BEGIN X-----\n#body\n')  # its BEGIN at offset 1
    assert view is not None and view.text == b'-----BEGIN X-----\nbody\n'
    view = concat_view(b'"-----BEGIN X-----" + "-----END X-----"')
    assert view is not None and view.text == b'-----BEGIN X----------END X-----\n'


def test_entries_indented_one_space_and_a_manifest_after_a_blank_line(ruleset: RuleSet, default_config: Config) -> None:
    text = f'\nkind: Secret\ndata:\n a: {b64("x" * 8)}\n GITHUB_TOKEN: {b64(GH)}\n'
    assert [key for key, *_ in kubernetes_secret_values(text.encode())] == [b'a', b'GITHUB_TOKEN']
    assert scan(text, ruleset, default_config) == [(5, 16, 'github-pat-classic', GH)]


def test_a_comment_run_starts_after_a_blank_line_above_it() -> None:
    from leakstop.decode import comment_view
    view = comment_view(b'# note\n\n# -----BEGIN X-----\n# body\n')
    assert view is not None and view.text == b'-----BEGIN X-----\nbody\n'


def test_a_secret_value_with_line_breaks_is_text() -> None:
    for text in ('line one\r\nline two', 'a\tb\nc'):
        manifest_text = f'kind: Secret\ndata:\n  v: {b64(text)}\n'
        assert [decoded for _, decoded, *_ in kubernetes_secret_values(manifest_text.encode())] == [text.encode()]
    for binary in ('abc\x7fdef', 'abc\x00def', 'abc\x0bdef'):  # DEL and other control characters: no text
        assert kubernetes_secret_values(f'kind: Secret\ndata:\n  v: {b64(binary)}\n'.encode()) == []


def _wrapped(token: str, width: int, indent: str, join: str) -> str:
    """``token`` cut into string literals of ``width`` characters, one per line, joined by ``join``."""
    parts = [token[i:i + width] for i in range(0, len(token), width)]
    return ('\n' + indent + join).join(f"'{p}'" for p in parts)


@pytest.mark.parametrize('layout', [
    lambda t: "    const supabaseKey =\n        " + _wrapped(t, 70, '        ', '') + ';\n',  # Dart: adjacent literals
    lambda t: "  token = " + _wrapped(t, 60, '    ', '+ ') + ";\n",  # JavaScript, Java: +
    lambda t: "      const body =\n          '{\"access_token\":\"" + t[:40] + "'\n          '" + t[40:] + "\",\"token_type\":\"bearer\"}';\n",
    # Rust (held-out 22, openidconnect-rs): one literal over lines, each cut by a `\` continuation; CRLF too
    lambda t: '        let token = "' + t[:50] + '\\\n                     ' + t[50:120] + '\\\n                     ' + t[120:] + '";\n',
    lambda t: '    let token = "' + t[:64] + '\\\r\n        ' + t[64:] + '";\r\n',
])
def test_a_jwt_wrapped_over_joined_literals_is_found(layout: object, ruleset: RuleSet, default_config: Config) -> None:
    """Held-out 19: supabase-flutter's tests wrap their JWTs (anon and service-role keys of the local stack,
    access tokens) over adjacent string literals at 70 columns: 6 secrets no tool found whole. Held-out 22:
    openidconnect-rs wraps 19 over lines of one literal with Rust's line continuations."""
    from leakstop.scan import scan_data
    token = fakes.jwt(seed='wrapped', payload={'iss': 'supabase', 'role': 'service_role', 'iat': 1684132680})
    data = layout(token).encode()  # type: ignore[operator]
    found = [f for f in scan_data(data, 'test/client_test.dart', ruleset=ruleset, config=default_config) if f.rule_id == 'jwt']
    assert [f.secret for f in found] == [token]
    assert found[0].line == data[:data.index(b'eyJ')].count(b'\n') + 1


def test_a_pypi_token_wrapped_over_joined_literals_is_found(ruleset: RuleSet, default_config: Config) -> None:
    """Held-out 26: twine's integration test holds a test.pypi.org token in five adjacent literals."""
    from leakstop.scan import scan_data
    token = fakes.pypi(seed='wrapped')
    data = ('sampleproject_token = (\n' + ''.join(f'    "{token[i:i + 52]}"\n' for i in range(0, len(token), 52)) + ')\n').encode()
    found = scan_data(data, 'tests/test_integration.py', ruleset=ruleset, config=default_config)
    assert [(f.rule_id, f.secret, f.line) for f in found] == [('pypi-upload-token', token, 2)]


def test_a_jwt_whole_in_one_literal_is_not_joined_again(ruleset: RuleSet, default_config: Config) -> None:
    from leakstop.scan import scan_data
    token = fakes.jwt(seed='whole')
    data = f"  token = '{token}' +\n    'and more text';\n".encode()
    found = scan_data(data, 'a.js', ruleset=ruleset, config=default_config)
    assert [(f.rule_id, f.secret, f.description.endswith('(joined strings)')) for f in found] == [('jwt', token, False)]


@pytest.mark.parametrize('header', ['|', '|-', '>-', '|2', '>'])
def test_a_value_as_a_block_scalar_is_decoded(header: str) -> None:
    """Second hostile review (issue 13, #6 and #18's sibling) and held-out 37 (a Traefik users Secret as
    ``users: |2``): a value written as a block scalar, on the lines below its key, is decoded like an inline one,
    its lines joined (a decoder skips the line breaks), and the entries after it are still read."""
    encoded = b64(GH)
    half = len(encoded) // 2
    text = (f'kind: Secret\ndata:\n  token: {header}\n    {encoded[:half]}\n    {encoded[half:]}\n'
            f'  aws: {b64(AWS)}\n')
    values = kubernetes_secret_values(text.encode())
    assert [(key, value) for key, value, *_ in values] == [(b'token', GH.encode()), (b'aws', AWS.encode())]
    start, end = values[0][2:]
    assert (start, end) == (text.index(encoded[:half]), text.index(encoded[half:]) + len(encoded) - half)
    text = f'kind: Secret\ndata:\n  token: {header}\n  aws: {b64(AWS)}\n'  # an empty block: no value, the next read
    assert [key for key, *_ in kubernetes_secret_values(text.encode())] == [b'aws']


def test_a_block_scalar_secret_is_reported_by_the_hook(tmp_path: object, capsys: pytest.CaptureFixture[str]) -> None:
    path = os.path.join(str(tmp_path), 'secret.yaml')
    with open(path, 'w') as f:
        f.write(f'apiVersion: v1\nkind: Secret\ndata:\n  token: >-\n    {b64(GH)}\n')
    assert scan_secrets.main([path]) == 1
    out = capsys.readouterr().out
    assert 'secret.yaml:5:5: github' in out and '(base64 in a Kubernetes Secret)' in out
    assert GH not in out and b64(GH) not in out


def test_kubectl_output_of_secrets_is_decoded(ruleset: RuleSet, default_config: Config) -> None:
    """Third hostile review (break 04): `kubectl get secret -o json`, `kubectl get secrets -o yaml` (a List,
    items indented) and a quoted key were not decoded, so a database URL with its password was missed."""
    url = b64('postgres://app:Tr0ub4dor3x@db:5432/app')
    for text in (
        f'{{\n    "apiVersion": "v1",\n    "data": {{\n        "url": "{url}"\n    }},\n    "kind": "Secret",\n'
        f'    "metadata": {{\n        "name": "db"\n    }},\n    "type": "Opaque"\n}}\n',
        f'apiVersion: v1\nitems:\n- apiVersion: v1\n  data:\n    url: {url}\n  kind: Secret\n  metadata:\n    name: db\n'
        f'  type: Opaque\nkind: List\nmetadata:\n  resourceVersion: ""\n',
        f'apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\ndata:\n  "url": "{url}"\n',
    ):
        found = scan_data(text.encode(), 'secret.json', ruleset=ruleset, config=default_config)
        assert [f.rule_id for f in found] == ['url-credentials-postgres'], text
        assert found[0].secret == 'Tr0ub4dor3x' and 'base64 in a Kubernetes Secret' in found[0].description  # leakstop: allow


def test_character_references_that_hide_a_secret_are_decoded(ruleset: RuleSet, default_config: Config) -> None:
    """Third hostile review (break 05): a PEM key in an XML value with &#10; line breaks was missed by both
    hooks, and JSON in an HTML data attribute (&quot;) hid its password. Lines holding a line break's
    reference, or quote references around a credential's name, are decoded; findings stay on the original."""
    from leakstop.decode import entity_view
    key = fakes.pem_private_key(seed='entities')
    for ref in ('&#10;', '&#xA;', '&#13;&#10;'):
        text = f'<config><sshKey value="{key.rstrip(chr(10)).replace(chr(10), ref)}"/></config>\n'
        found = scan_data(text.encode(), 'deploy-key.xml', ruleset=ruleset, config=default_config)
        assert [(f.rule_id, f.line, f.column) for f in found] == [('private-key-pem', 1, len('<config><sshKey value="') + 1)], ref
        assert 'character references' in found[0].description and found[0].secret.startswith('-----BEGIN')
        with tempfile.TemporaryDirectory() as d:
            path = os.path.join(d, 'deploy-key.xml')
            with open(path, 'w') as f:
                f.write(text)
            assert block_credential_files.main(['--format', 'json', path]) == 1
    html = '<div data-config="{&quot;password&quot;:&quot;Xq7-hunter-9Lk2pWz&quot;}"></div>\n'
    found = scan_data(html.encode(), 'page.html', ruleset=ruleset, config=default_config)
    assert [(f.rule_id, f.column, f.secret) for f in found] == [('generic-password', 47, 'Xq7-hunter-9Lk2pWz')]  # leakstop: allow
    # quotes around no credential's name, a reference of no line break: no view to build
    assert entity_view(b'<a title="&quot;Hello&quot; &amp; more">x</a>\n') is None
    assert entity_view(b'<p>Tom &amp; Jerry &lt;3</p>\n') is None


def _openssh_key(seed: str) -> str:
    """A fake OpenSSH private key: the container's magic, then seeded random bytes (no key)."""
    import random
    rng = random.Random(seed)
    body = base64.b64encode(b'openssh-key-v1\x00' + bytes(rng.randrange(256) for _ in range(380))).decode()
    wrapped = '\n'.join(body[i:i + 70] for i in range(0, len(body), 70))
    return f'-----BEGIN OPENSSH PRIVATE KEY-----\n{wrapped}\n-----END OPENSSH PRIVATE KEY-----\n'


@pytest.mark.parametrize('key', [
    fakes.pem_private_key(seed='markup'), fakes.pem_private_key('PRIVATE KEY', seed='markup'), _openssh_key('markup'),
], ids=['rsa', 'pkcs8', 'openssh'])
@pytest.mark.parametrize(('form', 'pasted'), [
    ('br', lambda k: '<pre>' + k.replace('\n', '<br>') + '</pre>\n'),
    ('br-nl', lambda k: '<p>' + k.replace('\n', '<br/>\n') + '</p>\n'),
    ('br-space', lambda k: '<p>' + k.replace('\n', '<BR />') + '</p>\n'),
    ('nbsp', lambda k: ''.join('\u00a0\u00a0' + line + '\n' for line in k.splitlines())),
    ('nbsp-reference', lambda k: ''.join('&nbsp;&#160;' + line + '<br>\n' for line in k.splitlines())),
    # eighth hostile review, break 06: one block element per line (HTML mail's <div>, a wiki export's <p>), maybe
    # with inline tags around each line (Outlook's <span>, <o:p>)
    ('div', lambda k: '<div dir="ltr">' + ''.join(f'<div>{line}</div>' for line in k.splitlines()) + '</div>\n'),
    ('div-nl', lambda k: ''.join(f'<div>{line}</div>\n' for line in k.splitlines())),
    ('p', lambda k: ''.join(f'<p>{line}</p>\n' for line in k.splitlines())),
    ('p-one-line', lambda k: '<ac:rich-text-body>' + ''.join(f'<p>{line}</p>' for line in k.splitlines()) + '</ac:rich-text-body>\n'),
    ('p-span', lambda k: ''.join(f'<p class=MsoNormal><span style="font-family:Consolas">{line}<o:p></o:p></span></p>\n'
                                 for line in k.splitlines())),
    # ninth hostile review, break 06: a definition list's <dd> per line, &nbsp without its `;`, <wbr> inside a line
    ('dd', lambda k: '<dl><dt>key</dt>' + ''.join(f'<dd>{line}</dd>' for line in k.splitlines()) + '</dl>\n'),
    ('nbsp-no-semicolon', lambda k: '<pre>' + ''.join('&nbsp&nbsp' + line + '\n' for line in k.splitlines()) + '</pre>\n'),
    ('wbr', lambda k: ''.join(f'<div>{line[:30]}<wbr>{line[30:]}</div>\n' for line in k.splitlines())),
])
def test_a_key_behind_html_line_breaks_or_no_break_spaces_is_found_by_both_hooks(
        key: str, form: str, pasted: Any, ruleset: RuleSet, default_config: Config) -> None:
    """Seventh hostile review (break 07): a PEM or OpenSSH private key pasted into a web page, its lines joined or
    ended by `<br>` / `<br/>` or indented with no-break spaces, was missed by scan-secrets and block-credential-files.
    The key block is read with the breaks as newlines and the spaces as spaces; the finding is where the key starts."""
    text = pasted(key)
    found = scan_data(text.encode(), 'wiki/page.html', ruleset=ruleset, config=default_config)
    tags = {r.id: r.tags for r in ruleset.rules}
    assert [f.line for f in found if 'private-key' in tags[f.rule_id]] == [1], form
    with tempfile.TemporaryDirectory() as d:
        path = os.path.join(d, 'page.html')
        with open(path, 'w', encoding='utf-8') as f:
            f.write(text)
        assert block_credential_files.main(['--format', 'json', path]) == 1
        assert scan_secrets.main([path]) == 1


GH_REF = fakes.github('ghp', seed=61)


@pytest.mark.parametrize(('line', 'column'), [
    (f'<a data-t="{GH_REF[:3]}&#95;{GH_REF[4:]}"/>', 12),  # the underscore, decimal
    (f'<a data-t="&#103;{GH_REF[1:]}"/>', 12),  # the first letter, decimal
    (f'<a data-t="&#x67;{GH_REF[1:]}"/>', 12),  # hexadecimal
    (f'<a data-t="{GH_REF[:10]}&#{ord(GH_REF[10])};{GH_REF[11:]}"/>', 12),  # in the middle
    (f'<token>{GH_REF[:3]}&#x5F;{GH_REF[4:]}</token>', 8),
])
def test_a_character_reference_inside_a_token_is_decoded(
        line: str, column: int, ruleset: RuleSet, default_config: Config) -> None:
    """Fifth hostile review (break 10): a character reference inside a token (`ghp&#95;…`, `&#x67;hp_…`) was
    not decoded, only those of line breaks and quotes: the token was missed. Found where it starts in the file."""
    found = scan_data(f'<html>\n{line}\n'.encode(), 'page.html', ruleset=ruleset, config=default_config)
    assert [(f.rule_id, f.line, f.column, f.secret) for f in found] == [('github-pat-classic', 2, column, GH_REF)]
    assert 'character references' in found[0].description


@pytest.mark.parametrize('line', [
    '<a href="postgres:&#x2F;&#x2F;app:Xq7vLp9RmK2wZ3tB@db.example.test&#x2F;app">db</a>',  # OWASP's /  leakstop: allow
    '<a href="postgres://app:Xq7vLp9RmK2wZ3tB&#64;db.example.test/app">db</a>',  # leakstop: allow
])
def test_a_character_reference_inside_a_url_is_decoded(line: str, ruleset: RuleSet, default_config: Config) -> None:
    """Fifth hostile review (break 10): `postgres:&#x2F;&#x2F;app:…@…` and `…&#64;db` hid a URL's password."""
    found = scan_data(line.encode() + b'\n', 'page.html', ruleset=ruleset, config=default_config)
    assert [(f.rule_id, f.secret) for f in found] == [('url-credentials-postgres', 'Xq7vLp9RmK2wZ3tB')]  # leakstop: allow
    assert line[found[0].column - 1:].startswith('Xq7vLp9RmK2wZ3tB')


def test_references_of_prose_are_not_decoded() -> None:
    """What HTML text is full of (apostrophes, typographic quotes and dashes, non-breaking spaces) builds no view:
    only a reference of a token's or a URL's character next to a letter or digit does."""
    from leakstop.decode import entity_view
    assert entity_view(b'<p>Don&#39;t&#160;panic &#8212; it&#x27;s &#8220;fine&#8221;</p>\n') is None
    assert entity_view(b'<p>a &#43; b</p>\n') is None  # not next to a letter or digit
    view = entity_view(b'<p>x</p>\n<p>mail&#64;example.test</p>\n')
    assert view is not None and view.text == b'<p>mail@example.test</p>\n'


def test_a_key_escaped_in_a_string_in_a_string_is_found(ruleset: RuleSet, default_config: Config) -> None:
    """Held-out 49's miss: an Airflow connection's `extra` (a JSON string) holds a service-account key file (a
    JSON string in it), so the PEM's line breaks are escaped three times in the file. The escape view is decoded
    again, twice at most, and the finding placed on the original text."""
    key = fakes.pem_private_key('PRIVATE KEY', seed='nested')
    sa = {'type': 'service_account', 'project_id': 'p', 'private_key': key, 'client_email': 'x@p.iam.gserviceaccount.com'}
    extra = json.dumps({'keyfile_dict': json.dumps(sa)})
    text = json.dumps({'google_cloud_default': {'conn_type': 'google_cloud_platform', 'extra': extra}}, indent=2) + '\n'
    found = scan_data(text.encode(), 'dev_connections.json', ruleset=ruleset, config=default_config)
    assert [(f.rule_id, f.line) for f in found] == [('private-key-pem-escaped', 4)]
    line = text.splitlines()[3]
    assert line[found[0].column - 1:].startswith('-----BEGIN PRIVATE KEY-----')
    once = json.dumps({'keyfile_dict': json.dumps(sa)})  # escaped twice: found as before
    assert [f.rule_id for f in scan_data(once.encode(), 'x.json', ruleset=ruleset, config=default_config)] == ['private-key-pem-escaped']


def test_a_secret_value_with_a_comment_after_it_is_decoded() -> None:
    """Fourth hostile review (break 04): a Secret's value followed by `# comment` was not decoded."""
    text = f'kind: Secret\ndata:\n  password: {b64("Xq7-hunter-9Lk2pWz")} # prod\n  other: {b64(GH)}  # ci\n'
    assert [(key, value) for key, value, *_ in kubernetes_secret_values(text.encode())] == [
        (b'password', b'Xq7-hunter-9Lk2pWz'), (b'other', GH.encode())]


@pytest.mark.parametrize('gap', [
    '  # the db password, rotated 2026-11\n', '\n', '\n  # prod\n\n', '# at column 0\n', '   \n', '  #\n',
])
@pytest.mark.parametrize('first', [True, False])
def test_comment_and_blank_lines_inside_a_secret_data_block_do_not_end_it(
        gap: str, first: bool, ruleset: RuleSet, default_config: Config) -> None:
    """Fifth hostile review (break 08): a comment line or a blank line inside a Secret's `data:` ended the
    block: the base64 password after it was not decoded (YAML reads the mapping on)."""
    p = 'Xq7-hunter-9Lk2pWz'
    entries = (gap if first else '  username: YWRtaW4=\n' + gap) + f'  password: {b64(p)}\n'
    text = f'apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\ntype: Opaque\ndata:\n{entries}'
    line = text.splitlines().index(f'  password: {b64(p)}') + 1
    assert scan(text, ruleset, default_config) == [(line, 13, 'generic-password', p)]  # leakstop: allow


def test_a_ceph_key_after_a_comment_line_is_found_decoded(ruleset: RuleSet, default_config: Config) -> None:
    """The Secret of Kubernetes' rbd example (bench/repos dev set): a comment line opens `data:`; once decoded
    (break 08), its Ceph key was lost to `key: <type> = =` (base64 padding read as an operator)."""
    ceph = 'AQBGnswph8PRvQSuEqcTdr3ZZx6HQO35UWzQXz=='  # fake, a Ceph key's shape
    text = f'apiVersion: v1\nkind: Secret\ntype: "kubernetes.io/rbd"\ndata:\n#Please note this value is base64 encoded.\n  key: {b64(ceph)}\n'
    assert scan(text, ruleset, default_config) == [(6, 8, 'generic-api-key', ceph)]


def test_a_secret_stringdata_block_is_read_past_comment_and_blank_lines(ruleset: RuleSet, default_config: Config) -> None:
    """Fifth hostile review (break 08, sibling): `stringData:` values are plain text, read line by line."""
    text = 'kind: Secret\nstringData:\n  username: app\n\n  # rotated\n  password: Vb8q2XmL9tRw4Zk7\n'
    assert scan(text, ruleset, default_config) == [(6, 13, 'generic-password', 'Vb8q2XmL9tRw4Zk7')]  # leakstop: allow


@pytest.mark.parametrize('data', [
    'data: {{password: {p}, other: {g}}}',
    "data: {{'password': '{p}',\n  \"other\": \"{g}\" }}",  # quoted keys, over two lines
    'data: {{\n  "password": "{p}",\n  "other": "{g}"\n}}',  # a JSON member: read by one reader, once
])
def test_a_secret_data_flow_mapping_is_decoded(data: str) -> None:
    """Fourth hostile review (left): a Secret's `data` written as a flow mapping was not decoded."""
    p, g = b64('Xq7-hunter-9Lk2pWz'), b64(GH)
    text = 'kind: Secret\n' + data.format(p=p, g=g) + '\n'
    assert [(key, value, text[start:end]) for key, value, start, end in kubernetes_secret_values(text.encode())] == [
        (b'password', b'Xq7-hunter-9Lk2pWz', p), (b'other', GH.encode(), g)]
    assert kubernetes_secret_values(text.replace('Secret', 'ConfigMap').encode()) == []


@pytest.mark.parametrize('line', [
    '<command>export DB_PASSWORD=&quot;Xq7-hunter-9Lk2pWz&quot;</command>',  # a Jenkins job's shell step
    '<pre>const password = &#39;Xq7-hunter-9Lk2pWz&#39;;</pre>',
    "<pre>db_password = &apos;Xq7-hunter-9Lk2pWz&apos;</pre>",
])
def test_quote_references_around_a_value_on_a_credential_line_are_decoded(line: str, ruleset: RuleSet, default_config: Config) -> None:
    """Fourth hostile review (break 02): only quote references around a credential's JSON key were decoded."""
    found = scan_data((line + '\n').encode(), 'config.xml', ruleset=ruleset, config=default_config)
    assert [(f.rule_id, f.secret) for f in found] == [('generic-password', 'Xq7-hunter-9Lk2pWz')]  # leakstop: allow


def test_properties_escapes_on_a_credential_line_are_decoded(ruleset: RuleSet, default_config: Config) -> None:
    """Fourth hostile review (break 08): java.util.Properties.store escapes : = # ! in keys and values, which
    hid a JDBC URL's password and a generic password from every rule."""
    text = ('jdbc.url=jdbc\\:postgresql\\://db/x?user\\=u&password\\=Xq7-hunter-9Lk2pWz\n'
            'db.password=Xq7\\#vLp2\\!hunter9Lk\n'
            'greeting=Hello\\: world\\!\n')  # no credential named: no view
    found = scan_data(text.encode(), 'app.properties', ruleset=ruleset, config=default_config)
    assert [(f.rule_id, f.line) for f in found] == [('jdbc-url-password', 1), ('generic-password', 2)]
    assert found[1].secret == 'Xq7#vLp2!hunter9Lk'  # leakstop: allow


def test_entity_search_finds_the_lines_of_the_engines_anchor():
    """decode's fast form of the entity anchor (every branch at `&`, a look-behind for the character
    before) reports a reference on exactly the lines the engine's Hyperscan form does."""
    import re

    from leakstop.engine import ENTITY_ANCHOR, ENTITY_SEARCH
    anchor, search = re.compile(ENTITY_ANCHOR), re.compile(ENTITY_SEARCH)
    refs = [f'&#{c};' for c in range(0, 130)] + [f'&#{c:05d};' for c in (10, 34, 64, 95)]
    refs += [f'&#x{c:x};' for c in range(0, 130)] + [f'&#X{c:04X};' for c in (10, 34, 64, 95)]
    refs += ['&quot;', '&apos;', '&amp;', '&lt;', '&gt;', '&#;', '&#x;', '&quot', '&&', '&']
    lines = [f'{before}{ref}{after}' for ref in refs for before in ('', 'a', 'Z', '9', '_', ' ', '-', '&')
             for after in ('', 'a', '0', '_', ' ', ';', '&', 'client_Secret=', 'x.apiKEY=', 'token')]
    data = '\n'.join(lines).encode()
    line_of = lambda m: data.count(b'\n', 0, m.start())  # noqa: E731
    expected = {line_of(m) for m in anchor.finditer(data)}
    assert {line_of(m) for m in search.finditer(data)} == expected
    assert 0 < len(expected) < len(lines)  # the sweep has lines of both kinds


def _secret_doc(value: str) -> dict[str, object]:
    return {'apiVersion': 'v1', 'data': {'app.env': value}, 'kind': 'Secret', 'metadata': {'name': 'app'}, 'type': 'Opaque'}


@pytest.mark.parametrize('form', ['compact', 'flow', 'annotation', 'escaped'])
def test_a_secret_on_one_line_is_decoded(form: str, ruleset: RuleSet, default_config: Config) -> None:
    """Sixth hostile review (break 07): a Secret written on one line (`jq -c`, an API response, kubectl's
    last-applied-configuration annotation, a YAML flow mapping) was not recognised: its base64 was never decoded."""
    encoded = b64(f'token={GH}\n')
    compact = json.dumps(_secret_doc(encoded), separators=(',', ':'))
    text = {
        'compact': compact + '\n',
        'flow': f'{{apiVersion: v1, kind: Secret, metadata: {{name: app}}, data: {{app.env: {encoded}}}}}\n',
        'annotation': ('apiVersion: v1\nkind: Secret\nmetadata:\n  annotations:\n'
                       f'    kubectl.kubernetes.io/last-applied-configuration: |\n      {compact}\n  name: app\n'),
        'escaped': json.dumps({'kind': 'Secret', 'metadata': {'annotations': {  # kubectl get -o json: a string in JSON
            'kubectl.kubernetes.io/last-applied-configuration': compact + '\n'}}}, indent=2) + '\n',
    }[form]
    found = scan_data(text.encode(), 'secret.json', ruleset=ruleset, config=default_config)
    assert [(f.rule_id, f.secret) for f in found] == [('github-pat-classic', GH)]
    assert 'base64 in a Kubernetes Secret' in found[0].description
    start = text.index(encoded)
    assert (found[0].start, found[0].end) == (start, start + len(encoded))
    other = scan_data(text.replace('Secret', 'ConfigMap').encode(), 'c.json', ruleset=ruleset, config=default_config)
    assert [f.description.endswith('(base64)') for f in other] == [True]  # (not this view: the base64 view's, anywhere)
    assert 'Kubernetes' not in other[0].description


@pytest.mark.parametrize('amp', ['&amp;', '&#38;', '&#x26;', '&#X0026;'])
@pytest.mark.parametrize('line', [
    '<a href="https://auth.example.com/cb?code=1{amp}client_secret=Xq7-hunter-9Lk2pWz">x</a>',
    '<a href="https://auth.example.com/cb?code=1{amp}access_token=Xq7-hunter-9Lk2pWz{amp}page=2">x</a>',
    '<redirect>https://auth.example.com/cb?code=1{amp}password=Xq7-hunter-9Lk2pWz</redirect>',
])
def test_an_escaped_ampersand_before_a_query_key_is_decoded(line: str, amp: str, ruleset: RuleSet, default_config: Config) -> None:
    """Sixth hostile review (break 08): in HTML and XML a URL's `&` is written `&amp;` (or `&#38;`); a secret in the
    query parameter after it was missed, while the same URL with a bare `&` was reported."""
    bare = scan_data(line.format(amp='&').encode() + b'\n', 'page.html', ruleset=ruleset, config=default_config)
    assert [f.secret for f in bare] == ['Xq7-hunter-9Lk2pWz']  # leakstop: allow
    text = line.format(amp=amp) + '\n'
    found = scan_data(text.encode(), 'page.html', ruleset=ruleset, config=default_config)
    assert [(f.rule_id, f.secret) for f in found] == [(bare[0].rule_id, bare[0].secret)]
    start = text.index('Xq7-')
    assert (found[0].line, found[0].column, found[0].start, found[0].end) == (1, start + 1, start, start + 18)


def test_document_escape_view_reads_a_document_whole() -> None:
    """(sixth hostile review, break 10) a member name written with an escape: the whole document is decoded, each
    finding placed on the original text; documents without such an escape get no view."""
    from leakstop.decode import document_escape_view
    text = b'{\n  "\\u0061uths": {\n    "ghcr.io": {"auth": "abc"}\n  }\n}\n'
    view = document_escape_view(text)
    assert view is not None and view.text == text.replace(b'\\u0061', b'a')
    at = view.text.index(b'"auth"')
    assert text[slice(*view.original(at, at + 6))] == b'"auth"'
    assert document_escape_view(b'{\n  "auths": {"ghcr.io": {"auth": "abc"}}\n}\n') is None
    assert document_escape_view(b'path = "C:\\\\temp"\nx = 1\n') is None  # no escaped name, no JSON document


def test_a_key_added_by_a_committed_patch_is_found(ruleset: RuleSet, default_config: Config) -> None:
    """Seventh hostile review, break 09: a unified diff adding a key file (`+` before each line, as `git diff`
    writes it into a `.patch`) passed both hooks; its added lines are now read as a comment run's are."""
    pem = fakes.pem_private_key(seed='patch-file').strip()
    patch = ('diff --git a/deploy/key b/deploy/key\nnew file mode 100644\nindex 0000000..1111111\n--- /dev/null\n'
             f'+++ b/deploy/key\n@@ -0,0 +1,{len(pem.splitlines())} @@\n'
             + ''.join(f'+{line}\n' for line in pem.splitlines()))
    found = scan(patch, ruleset, default_config, path='add-key.patch')
    assert [(line, rule) for line, _, rule, _ in found] == [(7, 'private-key-pem')]
    assert found[0][3].replace('\n', '') == pem.replace('\n', '')


def test_a_key_removed_by_a_committed_patch_is_found(ruleset: RuleSet, default_config: Config) -> None:
    """Eighth hostile review, break 07: the patch of a commit that removed a leaked key (`-` before each line, as
    `git format-patch` writes it) passed both hooks, while the same lines with `+` were found. A removed line is read
    as an added one's is: one `-` off, also before a BEGIN or END line's own five."""
    pem = fakes.pem_private_key(seed='patch-removed').strip()
    ossh = _openssh_key('patch-removed').strip()
    patch = ''.join(
        f'diff --git a/deploy/{name} b/deploy/{name}\ndeleted file mode 100644\nindex 1111111..0000000\n'
        f'--- a/deploy/{name}\n+++ /dev/null\n@@ -1,{len(key.splitlines())} +0,0 @@\n'
        + ''.join(f'-{line}\n' for line in key.splitlines())
        for name, key in (('key.pem', pem), ('id_deploy', ossh)))
    patch = 'From 0000 Mon Sep 17 00:00:00 2001\nSubject: [PATCH] remove leaked keys\n---\n' + patch + '-- \n2.43.0\n'
    found = scan(patch, ruleset, default_config, path='0001-remove-leaked-keys.patch')
    assert [(line, rule) for line, _, rule, _ in found] == [(10, 'private-key-pem'), (10 + len(pem.splitlines()) + 6,
                                                                                    'openssh-private-key')]
    assert found[0][3].replace('\n', '') == pem.replace('\n', '')
    with tempfile.TemporaryDirectory() as d:
        path = os.path.join(d, 'removal.patch')
        with open(path, 'w') as f:
            f.write(patch)
        assert block_credential_files.main(['--format', 'json', path]) == 1
        assert scan_secrets.main([path]) == 1


@pytest.mark.parametrize('marker', ['++', ' +', '--', ' -', '- ', '  -', '< ', '! '])
def test_a_key_in_a_combined_diff_is_found(marker: str, ruleset: RuleSet, default_config: Config) -> None:
    """The sibling of the eighth hostile review's break 07: a merge's combined diff (`git diff --cc`, `git show` of a
    merge) marks a line for each parent; a key removed from the second parent only (` -`) passed both hooks; so did
    one removed from an octopus merge's third parent (`  -`), and diff's normal (`< `) and context (`! `) formats'
    removed or changed lines (ninth hostile review, break 01)."""
    pem = fakes.pem_private_key(seed='combined-diff').strip()
    patch = ('diff --cc deploy/key\nindex 1111111,2222222..3333333\n--- a/deploy/key\n+++ b/deploy/key\n'
             '@@@ -1,14 -1,14 +1,1 @@@\n' + ''.join(f'{marker}{line}\n' for line in pem.splitlines()))
    found = scan(patch, ruleset, default_config, path='merge.patch')
    assert [(line, rule) for line, _, rule, _ in found] == [(6, 'private-key-pem')]
    with tempfile.TemporaryDirectory() as d:
        path = os.path.join(d, 'merge.patch')
        with open(path, 'w') as f:
            f.write(patch)
        assert block_credential_files.main(['--format', 'json', path]) == 1


def test_quoted_begin_lines_are_each_joined_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """Seventh hostile review (break 12): a file of quoted `"-----BEGIN RSA PRIVATE KEY-----\\n"` lines took
    scan-secrets 25 s a MB: the joined-strings view walked the 400 literals after each BEGIN. A key's literals end
    before the next one holding a BEGIN line, so each literal is read about once (the work grows linearly)."""
    from leakstop import decode
    calls = 0
    string_end = decode._StringEnds.__call__

    def counted(self: decode._StringEnds, start: int, quote: int) -> int:
        nonlocal calls
        calls += 1
        return string_end(self, start, quote)
    monkeypatch.setattr(decode._StringEnds, '__call__', counted)
    lines = 2000
    data = b'KEY = (\n' + b'    "-----BEGIN RSA PRIVATE KEY-----\\n"\n' * lines + b')\n'
    assert decode.concat_view(data) is None
    assert calls <= 3 * lines
    # a key after another block in the same joined literals is still read whole
    key = fakes.pem_private_key(seed='joined-after-cert')
    cert = '-----BEGIN CERTIFICATE-----\nMIIBszCCAVmgAwIBAgIUTm9PZXhhbXBsZQ==\n-----END CERTIFICATE-----\n'
    joined = ' +\n'.join(f'"{line}\\n"' for line in (cert + key).splitlines())
    view = decode.concat_view(f'String pem = {joined};\n'.encode())
    assert view is not None and key.encode() in view.text


class _CountedBytes(bytes):
    """Bytes that count how often a byte or a slice of them is read in Python (C's searches are not counted)."""
    reads = 0

    def __getitem__(self, key):  # type: ignore[no-untyped-def,override]
        _CountedBytes.reads += 1
        return bytes.__getitem__(self, key)


@pytest.mark.parametrize('before', ['', '\\"', "'"])
def test_begin_blocks_in_one_long_literal_are_joined_in_linear_time(before: str) -> None:
    """Twelfth hostile review (break 07): one JSON string holding many `-----BEGIN PRIVATE KEY-----\\n<base64>\\n`
    blocks and no END made the joined-strings view walk the literal from its opening quote again for each BEGIN
    (also from an escaped quote or another quote kind before each): quadratic, a 1.2 MB line ran for 9 minutes. The
    bytes read in Python grow as the input does (4x the blocks: about 4x the reads, not 16x)."""
    from leakstop import decode
    block = before + '-----BEGIN PRIVATE KEY-----\\n' + 'QUJD' * 16 + '\\n'
    reads = []
    for n in (150, 600):
        data = _CountedBytes(('{"blob": "' + block * n + '", "next": "x" + "y"}\n').encode())
        _CountedBytes.reads = 0
        decode.concat_view(data)
        reads.append(_CountedBytes.reads)
        assert _CountedBytes.reads <= 2 * len(data)
    assert reads[1] <= 5 * reads[0]


class _SearchedBytes(bytes):
    """Bytes that add up how far their ``find``/``rfind`` look (to what they find) and ``count`` (in C)."""
    searched = 0

    def find(self, sub, start=None, end=None):  # type: ignore[no-untyped-def,override]
        lo, hi, _ = slice(start, end).indices(len(self))
        at = bytes.find(self, sub, start, end)
        _SearchedBytes.searched += max(0, (hi if at == -1 else at) - lo)
        return at

    def rfind(self, sub, start=None, end=None):  # type: ignore[no-untyped-def,override]
        lo, hi, _ = slice(start, end).indices(len(self))
        at = bytes.rfind(self, sub, start, end)
        _SearchedBytes.searched += max(0, hi - (lo if at == -1 else at))
        return at

    def count(self, sub, start=None, end=None):  # type: ignore[no-untyped-def,override]
        lo, hi, _ = slice(start, end).indices(len(self))
        _SearchedBytes.searched += max(0, hi - lo)
        return bytes.count(self, sub, start, end)


@pytest.mark.parametrize('view', ['comment_view', 'log_prefix_view', 'markup_view', 'yaml_folded_view', 'escape_view',
                                  'entity_view', 'concat_view'])
@pytest.mark.parametrize('block', [
    '-----BEGIN PRIVATE KEY-----\\n' + 'QUJD' * 16 + '\\n',  # escaped line breaks, in a JSON string
    '-----BEGIN PRIVATE KEY----- ' + 'QUJD' * 16 + ' &#10;',   # a character reference's
])
def test_views_look_along_a_line_of_begins_once(view: str, block: str) -> None:
    """Twelfth hostile review, siblings of break 07: each view looked for the start (and some for the end) of the line
    holding each BEGIN, from the BEGIN: in C, but over the whole line for each, growing as the square of a long line
    of BEGINs (a 7 MB line took the comment, log-prefix, escape and YAML views seconds each). Each view now looks
    along a line about once: the bytes its searches go through grow as the input does."""
    from leakstop import decode
    for n in (200, 800):
        data = _SearchedBytes(('{"blob": "' + block * n + '"}\n').encode())
        _SearchedBytes.searched = 0
        getattr(decode, view)(data)
        assert _SearchedBytes.searched <= 8 * len(data), n  # (a few passes along the line: not one a BEGIN)


def test_remembered_string_ends_are_those_of_a_walk_from_each_start() -> None:
    """``_StringEnds`` answers as a fresh walk from the start would, in any order of questions, over texts dense
    with backslashes, quotes and line ends (where walks from different starts part and meet)."""
    import random
    from leakstop import decode

    def walk(data: bytes, pos: int, quote: int) -> int:
        while pos < len(data):
            c = data[pos]
            if c == 92:
                pos += 3 if data[pos + 1:pos + 3] == b'\r\n' else 2
                continue
            if c == quote:
                return pos
            if c == 10:
                return -1
            pos += 1
        return -1
    r = random.Random(13)
    for _ in range(300):
        data = bytes(r.choice(b'\\\\\\"\'\r\naaaa') for _ in range(r.randrange(1, 60)))
        ends = decode._StringEnds(data)
        for _ in range(40):
            start, quote = r.randrange(len(data) + 1), r.choice(b'"\'')
            assert ends(start, quote) == walk(data, start, quote), (data, start, quote)


@pytest.mark.parametrize('separator', ['<br>', '<br/>\n', '\n&nbsp;'])
def test_a_putty_key_behind_html_line_breaks_is_found_by_both_hooks(
        separator: str, ruleset: RuleSet, default_config: Config) -> None:
    """Seventh hostile review (break 07), its sibling without a BEGIN line: a PuTTY key pasted into a web page is
    read from its Private-Lines line to its Private-MAC line with the breaks as newlines."""
    import tomllib
    from importlib.resources import files
    rules = tomllib.loads(files('leakstop.rules').joinpath('keys.toml').read_text())['rules']
    ppk = next(r for r in rules if r['id'] == 'putty-private-key')['examples'][2]  # the rule's own fake example
    text = '<div>' + ppk.rstrip('\n').replace('\n', separator) + '</div>\n'
    found = scan_data(text.encode(), 'wiki/page.html', ruleset=ruleset, config=default_config)
    assert [f.rule_id for f in found] == ['putty-private-key']
    with tempfile.TemporaryDirectory() as d:
        path = os.path.join(d, 'page.html')
        with open(path, 'w', encoding='utf-8') as f:
            f.write(text)
        assert block_credential_files.main(['--format', 'json', path]) == 1


@pytest.mark.parametrize('kind', ['pem', 'openssh', 'pgp'])
@pytest.mark.parametrize('name, head, joint, tail', [
    ('app.properties', 'tls.key=', '\\\n', '\n'),  # a .properties value over continued lines
    ('env.sh', 'export TLS_KEY="', '\\\n', '"\n'),  # a shell string
    ('Dockerfile', 'FROM alpine\nENV TLS_KEY="', ' \\\n', '"\n'),  # a Dockerfile's ENV
])
def test_a_key_over_line_continuations_is_found_by_both_hooks(
        kind: str, name: str, head: str, joint: str, tail: str, ruleset: RuleSet, default_config: Config) -> None:
    """Twelfth hostile review (break 08): a PEM key whose lines a backslash continues (no `\\n` escape) was found by
    scan-secrets (private-key-pem reads the continuation) but passed block-credential-files, whose pem-private-key
    content rule read only whitespace and `\\n`/`\\r` escapes after the BEGIN line. Its siblings: an OpenSSH key so
    written passed scan-secrets (openssh-private-key read no continuation), a PGP key block both hooks."""
    import tomllib
    from importlib.resources import files
    rule = {'pem': 'private-key-pem', 'openssh': 'openssh-private-key', 'pgp': 'pgp-private-key-block'}[kind]
    if kind == 'pem':
        key = fakes.pem_private_key(seed='continued')
    else:  # the rule's own fake example
        rules = tomllib.loads(files('leakstop.rules').joinpath('keys.toml').read_text())['rules']
        key = next(e for e in next(r for r in rules if r['id'] == rule)['examples'] if e.startswith('-----BEGIN'))
    text = head + joint.join(key.strip().splitlines()) + tail
    found = scan_data(text.encode(), name, ruleset=ruleset, config=default_config)
    assert [f.rule_id for f in found] == [rule]
    with tempfile.TemporaryDirectory() as d:
        path = os.path.join(d, name)
        with open(path, 'w', encoding='utf-8') as f:
            f.write(text)
        assert block_credential_files.main(['--format', 'json', path]) == 1


def _encrypted_pkcs1(seed: str) -> str:
    """A fake encrypted PKCS#1 key as OpenSSL writes it: Proc-Type and DEK-Info headers, then random bytes."""
    body = fakes.pem_private_key(seed=seed).split('\n', 1)[1].rsplit('-----END', 1)[0]
    return ('-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\nDEK-Info: AES-128-CBC,6A3F0C1B2D4E5F60718293A4B5C6D7E8\n\n'
            + body + '-----END RSA PRIVATE KEY-----\n')


def _found_by_both_hooks(text: str, name: str) -> None:
    """``text``, written as a file named ``name``, is refused by block-credential-files and by scan-secrets."""
    with tempfile.TemporaryDirectory() as d:
        path = os.path.join(d, name)
        with open(path, 'w') as f:
            f.write(text)
        assert block_credential_files.main(['--format', 'json', path]) == 1
        assert scan_secrets.main([path]) == 1


def _key_kinds(seed: str) -> list[str]:
    """A fake PKCS#8, encrypted PKCS#8, encrypted PKCS#1 and OpenSSH key made from ``seed``."""
    return [fakes.pem_private_key('PRIVATE KEY', seed=seed), fakes.pem_private_key('ENCRYPTED PRIVATE KEY', seed=seed),
            _encrypted_pkcs1(seed), _openssh_key(seed)]


_KEY_KIND_IDS = ['pkcs8', 'encrypted-pkcs8', 'encrypted-pkcs1', 'openssh']


@pytest.mark.parametrize('key', _key_kinds('pyyaml'), ids=_KEY_KIND_IDS)
def test_a_key_pyyaml_folds_at_a_space_in_double_quotes_is_found_by_both_hooks(
        key: str, ruleset: RuleSet, default_config: Config) -> None:
    """Eighth hostile review, break 04: PyYAML's double-quoted style (`yaml.dump(…, default_style='"')`) folds a long
    string at a space as `…PRIVATE\\` and, on the next line, `\\ KEY-----`: an escaped line break, then an escaped
    space. Such a key passed both hooks: `\\ ` was not an escape to the escape view, and the first line (no `\\n\\` at
    its end) was not in it. Every width whose dump folds at a space, the key one to three levels deep."""
    yaml = pytest.importorskip('yaml')
    tags = {r.id: r.tags for r in ruleset.rules}
    folded: list[str] = []
    for width in range(40, 121, 4):
        for depth in range(3):
            doc: dict[str, Any] = {'private_key': key}
            for _ in range(depth):
                doc = {'config': doc}
            text = yaml.dump(doc, default_style='"', width=width)
            if '\\ ' not in text:
                continue
            folded.append(text)
            found = scan_data(text.encode(), 'deploy/values.yaml', ruleset=ruleset, config=default_config)
            assert [f.line for f in found if 'private-key' in tags[f.rule_id]] == [depth + 1], (width, depth)
    assert len(folded) >= 5
    _found_by_both_hooks(folded[0], 'values.yaml')


@pytest.mark.parametrize('key', _key_kinds('libyaml'), ids=_KEY_KIND_IDS)
def test_a_key_libyaml_folds_at_a_space_in_double_quotes_is_found_by_both_hooks(
        key: str, ruleset: RuleSet, default_config: Config) -> None:
    """The sibling of the eighth hostile review's break 04: libyaml (PyYAML's CDumper, Ruby's Psych) folds a
    double-quoted string only at a space, with a plain line break (`…\\n-----END` then `  PRIVATE KEY-----\\n"`),
    which YAML reads as a space; in single quotes, PyYAML does the same to a BEGIN line. Such a key passed both hooks;
    a YAML file's folded string holding a BEGIN line is now read as YAML reads it."""
    tags = {r.id: r.tags for r in ruleset.rules}
    escaped = key.replace('\n', '\\n')
    at = escaped.rindex('-----END') + len('-----END')
    texts = ['"private_key": "' + escaped[:at] + '\n  ' + escaped[at + 1:] + '"\n']  # folded at the END line's space
    yaml = pytest.importorskip('yaml')
    if getattr(yaml, '__with_libyaml__', False):
        texts += [yaml.dump({'config': {'private_key': key}}, Dumper=yaml.CDumper, default_style='"', width=width)
                  for width in (40, 80, 120)]
    # single quotes (either emitter): the key's line breaks as empty lines, its BEGIN line folded at a space
    texts += [yaml.dump({'private_key': key}, Dumper=yaml.Dumper, default_style="'", width=40)]
    for text in texts:
        assert yaml.safe_load(text) in ({'private_key': key}, {'config': {'private_key': key}})
        assert '\\\n' not in text and text.count('\n') > 1  # folded by plain line breaks only
        found = scan_data(text.encode(), 'deploy/values.yaml', ruleset=ruleset, config=default_config)
        assert len([f for f in found if 'private-key' in tags[f.rule_id]]) == 1, text[:40]
    _found_by_both_hooks(texts[0], 'values.yaml')


@pytest.mark.parametrize('key', _key_kinds('percent')[:1] + _key_kinds('percent')[3:], ids=['pkcs8', 'openssh'])
@pytest.mark.parametrize('encoded', [
    lambda k: json.dumps({'postData': {'text': 'kind=upload&file=' + urllib.parse.quote(k, safe='')}}) + '\n',
    lambda k: "curl -sS --data 'content=" + urllib.parse.quote_plus(k) + "' https://deploy.example.test/keys\n",
    lambda k: 'https://example.test/import?key=' + urllib.parse.quote(k) + '&format=pem\n',
], ids=['har', 'quote-plus', 'query'])
def test_a_percent_encoded_key_is_found_by_both_hooks(key: str, encoded: Any, ruleset: RuleSet, default_config: Config) -> None:
    """Ninth hostile review, break 03: a private key percent-encoded (a HAR file's form body, `curl --data`, a query
    string) was read by no key rule of either hook; the key block is read with each `%XX` as its byte, `+` a space."""
    text = encoded(key)
    found = scan_data(text.encode(), 'session.har', ruleset=ruleset, config=default_config)
    tags = {r.id: r.tags for r in ruleset.rules}
    assert [f.line for f in found if 'private-key' in tags[f.rule_id]] == [1]
    _found_by_both_hooks(text, 'session.har')


@pytest.mark.parametrize('key', [fakes.pem_private_key('RSA PRIVATE KEY', seed='actions'), *_key_kinds('actions')[::3]],
                         ids=['rsa', 'pkcs8', 'openssh'])
@pytest.mark.parametrize('crlf', [False, True], ids=['lf', 'crlf'])
def test_a_key_escaped_as_github_actions_escapes_it_is_found_by_both_hooks(
        key: str, crlf: bool, ruleset: RuleSet, default_config: Config) -> None:
    """Thirty-third hostile review, break 01: GitHub Actions' workflow commands encode only `%`, `\\r` and `\\n`
    (`::set-output name=k::-----BEGIN RSA PRIVATE KEY-----%0A…`): the END line's spaces stay spaces, which the
    percent view's END pattern refused, and base64's `+` stays `+`, which it read as a space."""
    assert '+' in key  # (base64's plus, kept as it is)
    if crlf:
        key = key.replace('\n', '\r\n')
    escaped = key.replace('%', '%25').replace('\r', '%0D').replace('\n', '%0A')
    text = f'echo "::set-output name=deploy_key::{escaped}"\n'
    found = scan_data(text.encode(), 'ci/release.sh', ruleset=ruleset, config=default_config)
    tags = {r.id: r.tags for r in ruleset.rules}
    assert [f.line for f in found if 'private-key' in tags[f.rule_id]] == [1]
    _found_by_both_hooks(text, 'release.sh')


@pytest.mark.parametrize('after', ['EOF\n', 'author Jane <j@example.test> 1700000000 +0000\n', 'Signed-off-by: Jane\n'])
def test_wrapped_base64_of_a_key_before_a_line_of_words_is_found(after: str, ruleset: RuleSet, default_config: Config) -> None:
    """Thirty-fifth hostile review, break 04: `base64` wraps a key at 76 columns; when its last line is 60 columns or
    more, the rule's optional short last line took the next line's first word (a heredoc's `EOF`, git's `author`
    line after a commit message), the checks refused the whole, and no shorter match was tried."""
    # a key with a DER structure (the checks read it whole), its PEM without a final line break: 72 columns unpadded
    der = fakes.der_private_key(seed='wrapped', bits=2048)
    pem = '-----BEGIN PRIVATE KEY-----\n' + '\n'.join(der[i:i + 64] for i in range(0, len(der), 64))
    encoded = base64.b64encode((pem + '\n-----END PRIVATE KEY-----').encode()).decode()
    lines = [encoded[i:i + 76] for i in range(0, len(encoded), 76)]
    assert len(lines[-1]) >= 60 and not lines[-1].endswith('=')
    text = 'base64 -d > /etc/ssl/private/app.key <<EOF\n' + '\n'.join(lines) + '\n' + after
    found = scan_data(text.encode(), 'deploy/install.sh', ruleset=ruleset, config=default_config)
    tags = {r.id: r.tags for r in ruleset.rules}
    assert [f.line for f in found if 'private-key' in tags[f.rule_id]] == [2]
    _found_by_both_hooks(text, 'install.sh')


def test_log_prefix_view_reads_each_line_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tenth hostile review (break 10): the log-prefix view walks a run of prefixed lines once, however many BEGIN
    lines it holds, and a BEGIN line whose next line lacks its prefix costs one comparison; lines behind another
    prefix (two services' logs interleaved) are not read as one key."""
    from leakstop import decode
    runs = []
    prefixed_run = decode._prefixed_run

    def counted(data: bytes, line_start: int, width: int, tail: bytes) -> tuple[list[tuple[int, int]], int]:
        run, pos = prefixed_run(data, line_start, width, tail)
        runs.append(len(run))
        return run, pos
    monkeypatch.setattr(decode, '_prefixed_run', counted)
    same = b'app-1  | -----BEGIN RSA PRIVATE KEY-----\n' * 2000
    view = decode.log_prefix_view(same)
    assert view is not None and runs == [2000] and view.text.startswith(b'-----BEGIN RSA PRIVATE KEY-----\n')
    runs.clear()
    assert decode.log_prefix_view(b'app-1  | -----BEGIN RSA PRIVATE KEY-----\ndb-1   | x\n' * 2000) is None
    assert runs == []
    key = fakes.pem_private_key(seed='interleaved').splitlines()
    interleaved = ''.join(f'{"app" if k % 2 else "web"}-1  | {line}\n' for k, line in enumerate(key))
    assert decode.log_prefix_view(interleaved.encode()) is None

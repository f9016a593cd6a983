"""leakstop scan runs block-credential-files and block-env-files too: every scope, one finding per
problem, the hooks' baseline and allowlist semantics, every output format (leakstop.filehooks)."""
from __future__ import annotations

import json
import os
import random
import re
import shutil
import subprocess
import sys

from typing import Sequence

import pytest

import fakes
from e2e import enter_repo, git, write
from leakstop.files import NameFilter, compile_globs
from leakstop.hooks import block_credential_files, block_env_files
from leakstop.config import load_config
from leakstop.rules import name_globs

PEM = fakes.pem_private_key(seed='filehooks')
# a .env file with a secret in it: scan reports the file (by name) and the secret (on its line); without one, the
# file is block-env-files' alone (test_a_env_file_without_a_secret_is_the_hooks_alone)
ENV = 'DEBUG=true\nLOG_LEVEL=info\nDB_PASSWORD=' + fakes.rand(fakes.ALNUM, 20, 'filehooks-env') + '\n'
TEMPLATE = 'API_KEY=<your-api-key>\nPORT=3000\nSECRET_KEY=changeme\n'
ENV_FILE = '.env: env-file: .env file (by name): real environment values do not belong in git'
P12_FILE = 'backup.dat: pkcs12-keystore: PKCS#12 keystore (binary) (by content)'
RSA_NAME = 'id_rsa: ssh-private-key-file: SSH private key (by name)'


@pytest.fixture
def repo(tmp_path: object, monkeypatch: pytest.MonkeyPatch) -> str:
    return enter_repo(tmp_path, monkeypatch)


def pkcs12(*, key: bool = True) -> bytes:
    """A real PKCS#12 keystore (openssl pkcs12 -export of a fresh throwaway key); without ``key``, a
    truststore (the certificate only, -nokeys). openssl missing, the test fails (a skipped check would
    hide a gap)."""
    openssl = shutil.which('openssl')
    assert openssl is not None, 'openssl is needed by this test'
    here = os.getcwd()
    work = os.path.join(os.path.dirname(here), 'keys')
    os.makedirs(work, exist_ok=True)
    subprocess.run((openssl, 'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'k.pem', '-out', 'c.pem',
                    '-subj', '/CN=test', '-days', '1'), check=True, capture_output=True, cwd=work)
    subprocess.run((openssl, 'pkcs12', '-export', *(('-inkey', 'k.pem') if key else ('-nokeys',)), '-in', 'c.pem',
                    '-out', 'store.p12', '-passout', 'pass:test'), check=True, capture_output=True, cwd=work)
    with open(os.path.join(work, 'store.p12'), 'rb') as f:
        return f.read()


def tree() -> None:
    """A .env, an SSH key, a keystore renamed backup.dat, a template of placeholders, a README."""
    write('.env', ENV)
    write('id_rsa', PEM)
    write('backup.dat', pkcs12())
    write('.env.example', TEMPLATE)
    write('README.md', '# app\n')


def scan(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, '-m', 'leakstop.cli', 'scan', *args], capture_output=True, text=True)


def findings(*args: str) -> tuple[int, list[tuple[str, int, str]], dict]:  # type: ignore[type-arg]
    proc = scan('--format', 'json', *args)
    doc = json.loads(proc.stdout)
    return proc.returncode, sorted((f['path'], f['line'], f['rule']) for f in doc['findings']), doc


EXPECTED = [
    ('.env', 0, 'env-file'),
    ('.env', 3, 'generic-password'),
    ('backup.dat', 0, 'pkcs12-keystore'),
    ('id_rsa', 0, 'ssh-private-key-file'),
    ('id_rsa', 1, 'private-key-pem'),
]


def test_working_tree_reports_env_key_and_renamed_keystore_once_each(repo: str) -> None:
    tree()
    proc = scan('.')
    assert proc.returncode == 1, proc.stderr
    out = proc.stdout.splitlines()
    assert ENV_FILE in out and P12_FILE in out and RSA_NAME in out
    assert [line for line in out if line.startswith('id_rsa:1:1: private-key-pem: ')]
    assert not [line for line in out if line.startswith(('.env.example', 'README'))]
    assert 'leakstop: 5 findings in 3 files.' in proc.stdout
    assert 'Files reported as a whole (credential files, .env files) do not belong in git' in proc.stdout
    assert findings('.')[1] == findings('-j', '2', '.')[1] == EXPECTED


def test_pem_key_found_by_the_secret_rule_and_the_content_rule_is_reported_once(repo: str) -> None:
    write('deploy/server.key', PEM)  # no credential-file name: the secret rule alone
    write('id_rsa', PEM)  # the hook's content rule finds the same key, from its first body line
    hook = block_credential_files.check_files(['id_rsa'], config=load_config(None))[0]
    assert sorted((f.rule_id, f.line) for f in hook.findings) == [('pem-private-key', 2), ('ssh-private-key-file', 0)]
    code, found, _ = findings('.')
    assert code == 1
    assert found == [('deploy/server.key', 1, 'private-key-pem'), ('id_rsa', 0, 'ssh-private-key-file'),
                     ('id_rsa', 1, 'private-key-pem')]


def test_keystore_by_name_and_by_content_is_one_finding(repo: str) -> None:
    write('certs/client.p12', pkcs12())
    write('certs/notes.p12', b'not a keystore\n')  # by name only
    code, found, doc = findings('.')
    assert code == 1
    assert found == [('certs/client.p12', 0, 'pkcs12-keystore'), ('certs/notes.p12', 0, 'pkcs12-file')]
    assert all(f['redacted'] == '…' for f in doc['findings'])


def test_binary_file_without_a_keystore_header_and_placeholder_json_pass(repo: str) -> None:
    write('logo.png', b'\x89PNG\r\n\x1a\n' + bytes(range(256)) * 8)
    write('credentials.json', '{"client_id": "<your-client-id>", "client_secret": ""}\n')  # the rule's `unless`
    write('.envrc', 'export PATH=$PWD/bin:$PATH\n')
    proc = scan('.')
    assert (proc.returncode, proc.stdout, proc.stderr) == (0, '', '')


def test_staged_all_and_history_report_the_same(repo: str) -> None:
    tree()
    git('add', '-A', cwd='.')
    assert findings('--staged')[1] == EXPECTED
    git('commit', '-qm', 'everything', cwd='.')
    assert findings('--all')[1] == EXPECTED
    code, found, doc = findings('--history')
    assert (code, found) == (1, EXPECTED)
    head = git('rev-parse', 'HEAD', cwd='.').stdout.strip()
    assert {f['commit'] for f in doc['findings']} == {head}
    assert all(f['date'] for f in doc['findings'])


def test_history_finds_a_deleted_env_file_at_the_commit_that_added_it(repo: str) -> None:
    env = dict(os.environ, GIT_AUTHOR_DATE='2019-05-01T10:00:00+00:00', GIT_COMMITTER_DATE='2019-05-01T10:00:00+00:00')
    write('.env', ENV)
    git('add', '.env', cwd='.')
    git('commit', '-qm', 'add env', cwd='.', env=env)
    added = git('rev-parse', 'HEAD', cwd='.').stdout.strip()
    write('.env', ENV + 'WORKERS=4\n')
    git('commit', '-qam', 'change env', cwd='.')  # the file was already there: nothing new
    git('rm', '-q', '.env', cwd='.')
    git('commit', '-qm', 'remove env', cwd='.')
    assert findings('.')[1] == findings('--all')[1] == []
    code, found, doc = findings('--history')
    assert (code, found) == (1, [('.env', 0, 'env-file'), ('.env', 3, 'generic-password')])
    assert {(f['commit'], f['date']) for f in doc['findings']} == {(added, '2019-05-01T10:00:00+00:00')}
    text = scan('--history').stdout
    assert f'commit {added} (2019-05-01T10:00:00+00:00)\n{added[:12]}:.env: env-file: ' in text


def test_history_keystore_added_in_a_later_commit_and_renamed_env_template(repo: str) -> None:
    write('README.md', '# app\n')
    git('add', '-A', cwd='.')
    git('commit', '-qm', 'start', cwd='.')
    write('backup.dat', pkcs12())
    write('.env.example', TEMPLATE)
    git('add', '-A', cwd='.')
    git('commit', '-qm', 'keystore', cwd='.')
    keystore = git('rev-parse', 'HEAD', cwd='.').stdout.strip()
    code, found, doc = findings('--history')
    assert (code, found) == (1, [('backup.dat', 0, 'pkcs12-keystore')])
    assert doc['findings'][0]['commit'] == keystore
    code, found, _ = findings('--since', 'HEAD')
    assert (code, found) == (0, [])


def test_history_template_value_found_by_a_secret_rule_is_reported_once(repo: str) -> None:
    write('.env.example', TEMPLATE)
    git('add', '-A', cwd='.')
    git('commit', '-qm', 'template', cwd='.')
    write('.env.example', TEMPLATE + 'SESSION_KEY=q7Rm2XvLp9Kd4TzN8wBc6Hf3\n')
    git('commit', '-qam', 'a real value', cwd='.')
    hook = block_env_files.check_files(['.env.example'], config=load_config(None))[0][0]
    assert [(f.rule_id, f.line) for f in hook.findings] == [('env-template-secret', 4)]
    for scope in ('--history', '--all'):
        code, found, _ = findings(scope)
        assert (code, found) == (1, [('.env.example', 4, 'generic-api-key')])


def test_history_hook_findings_on_lines_count_on_added_lines_only(repo: str) -> None:
    write('.envrc', 'export PATH=$PWD/bin:$PATH\nexport DATABASE_PASSWORD=orders\n')
    git('add', '-A', cwd='.')
    git('commit', '-qm', 'envrc', cwd='.')
    first = git('rev-parse', 'HEAD', cwd='.').stdout.strip()
    write('.envrc', 'export PATH=$PWD/bin:$PATH\nexport DATABASE_PASSWORD=orders\nexport API_TOKEN=eu-west-1\n')
    git('commit', '-qam', 'region', cwd='.')
    second = git('rev-parse', 'HEAD', cwd='.').stdout.strip()
    code, _, doc = findings('--history')
    assert code == 1
    assert sorted((f['commit'], f['line'], f['rule']) for f in doc['findings']) == sorted([
        (first, 2, 'envrc-exported-value'), (second, 3, 'envrc-exported-value')])


def test_baselined_env_file_passes_and_a_new_one_does_not(repo: str) -> None:
    tree()
    proc = subprocess.run([sys.executable, '-m', 'leakstop.cli', 'baseline', 'create', '.'], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    assert findings('.')[:2] == (0, [])
    write('config/.env', ENV)
    assert findings('.')[:2] == (1, [('config/.env', 0, 'env-file'), ('config/.env', 3, 'generic-password')])


def test_allowlisted_path_and_inline_pragma_as_the_hooks_apply_them(repo: str) -> None:
    tree()
    write('.leakstop.toml', '[allowlist]\npaths = ["backup.dat", ".env"]\n')
    assert findings('.')[1] == [('id_rsa', 0, 'ssh-private-key-file'), ('id_rsa', 1, 'private-key-pem')]


def test_sarif_carries_the_hooks_rule_ids_and_descriptions(repo: str) -> None:
    tree()
    proc = scan('--format', 'sarif', '.')
    assert proc.returncode == 1
    run = json.loads(proc.stdout)['runs'][0]
    rules = {r['id']: r['shortDescription']['text'] for r in run['tool']['driver']['rules']}
    assert rules['pkcs12-keystore'] == 'PKCS#12 keystore (binary)'
    assert rules['env-file'] == '.env file (by name): real environment values do not belong in git'
    assert rules['ssh-private-key-file'] == 'SSH private key (by name)'
    results = sorted((r['ruleId'], r['locations'][0]['physicalLocation']['artifactLocation']['uri'],
                      'region' in r['locations'][0]['physicalLocation']) for r in run['results'])
    assert results == [('env-file', '.env', False), ('generic-password', '.env', True), ('pkcs12-keystore', 'backup.dat', False),
                       ('private-key-pem', 'id_rsa', True), ('ssh-private-key-file', 'id_rsa', False)]
    assert PEM.splitlines()[1] not in proc.stdout


def test_unreadable_keystore_is_an_error_exit_2(repo: str) -> None:
    write('id_rsa', PEM)
    os.symlink('missing-target', 'id_dsa')  # a dangling link: judged by its name, as git stores it
    code, found, doc = findings('.')
    assert code == 1 and ('id_dsa', 0, 'ssh-private-key-file') in found and not doc['errors']
    os.mkfifo('id_ecdsa')
    proc = scan('--no-git', '.')  # walked: git lists no FIFO (it cannot track one), so `scan .` does not read it
    assert proc.returncode == 2 and 'id_ecdsa: error: cannot read: not a regular file' in proc.stderr
    proc = scan('id_ecdsa')  # named
    assert proc.returncode == 2 and 'id_ecdsa: error: cannot read: not a regular file' in proc.stderr


# -- the name filter ----------------------------------------------------------------------------

def test_name_filter_agrees_with_the_hooks_globs() -> None:
    rules = block_credential_files.file_rules().names
    globs = [*(g for r in rules for g in r.paths), *block_env_files.ENV_NAMES, *block_env_files.ENVRC_NAMES,
             *block_env_files.TEMPLATE_NAMES]
    names = NameFilter(globs)
    exact = name_globs(globs, 'test', 'globs')
    assert exact is not None
    paths = [p for r in rules for p in (*r.path_examples, *r.negative_path_examples)] + [
        '.env', 'app/.ENV', 'prod.env', '.env.local', 'docker/.env.production.example', '.envrc', 'env.py',
        'ID_RSA', 'a/b/.ssh/id_work', '.ssh/id_work', 'ssh/id_work', 'x/.aws/credentials', '.aws/credentials',
        'credentials', 'home/.gnupg/private-keys-v1.d/AB12.key', 'private-keys-v1.d/x', 'src/main.py', 'README',
        'terraform.tfstate.1700000000.backup', 'a.tfstate.x/y.backup', '',
    ]
    for path in paths:
        assert names(path) == (exact.match(path) is not None), path


@pytest.mark.parametrize(('glob', 'path', 'expected'), [
    ('*.p12', 'a/b/C.P12', True),
    ('*.p12', 'a/b.p12/c', False),
    ('id_rsa[-_]*', 'keys/id_rsa_github.py', True),
    ('**/.kube/config', '.kube/config', True),
    ('**/.kube/config', 'x.kube/config', False),
    ('secrets/*.key', 'secrets/a.key', True),
    ('secrets/*.key', 'b/secrets/a.key', False),
    ('**/x/**/y', 'a/x/b/c/y', True),
])
def test_name_filter_glob_forms(glob: str, path: str, expected: bool) -> None:
    assert NameFilter([glob])(path) is expected
    regex = compile_globs([glob], below=False)
    assert regex is not None and (re.compile(regex.pattern, re.I).match(path) is not None) is expected


def test_a_truststore_and_empty_key_files_are_no_credentials(repo: str) -> None:
    """Held-out 11: PKCS#12 truststores (certificates, no private-key bag) and empty keystores were
    refused. A file named as a truststore that shows no key bag passes; a keystore with a key passes
    under no name, and a certificates-only file under another name is refused (without its password,
    PKCS#12 cannot show that no key hides in its encrypted part)."""
    write('etc/api-truststore.p12', pkcs12(key=False))
    write('etc/cacerts.p12', pkcs12(key=False))
    write('etc/certs.p12', pkcs12(key=False))
    write('conf/tomcat.keystore', '')
    write('id_rsa', '\n')
    write('etc/truststore-with-key.p12', pkcs12())
    write('etc/store.dat', pkcs12())
    code, found, _ = findings('.')
    assert (code, found) == (1, [('etc/certs.p12', 0, 'pkcs12-keystore'), ('etc/store.dat', 0, 'pkcs12-keystore'),
                                 ('etc/truststore-with-key.p12', 0, 'pkcs12-keystore')])


def jks(tags: Sequence[int], *, magic: bytes = b'\xfe\xed\xfe\xed', version: int = 2, cut: int = 0) -> bytes:
    """A Java keystore in keytool's layout: each entry a trusted certificate (tag 2), a private key
    and its chain (tag 1) or a JCEKS secret key (tag 3), with random bytes for certificates and keys,
    then the 20-byte digest; ``cut`` bytes short."""
    rng = random.Random(len(tags) * 7 + version)
    def blob(n: int) -> bytes:
        return n.to_bytes(4, 'big') + rng.randbytes(n)
    def utf(text: str) -> bytes:
        return len(text).to_bytes(2, 'big') + text.encode()
    out = magic + version.to_bytes(4, 'big') + len(tags).to_bytes(4, 'big')
    for i, tag in enumerate(tags):
        out += tag.to_bytes(4, 'big') + utf(f'alias{i}') + rng.randbytes(8)
        if tag == 1:
            out += blob(1217) + (1).to_bytes(4, 'big') + (utf('X.509') if version == 2 else b'') + blob(789)
        elif tag == 2:
            out += (utf('X.509') if version == 2 else b'') + blob(901)
        else:
            out += rng.randbytes(300)  # a serialized sealed key object
    out += rng.randbytes(20)
    return out[:len(out) - cut] if cut else out


def test_an_empty_env_file_is_no_env_file(repo: str) -> None:
    """Held-out 15: astronomer-cosmos commits an empty dev/.env (0 bytes), refused by name. An empty or blank
    .env holds no value, as an empty key file holds no key; one with a line, or a link, is judged by name."""
    write('dev/.env', '')
    write('app/.env', ' \n\n')
    write('web/.env', 'A=1\n')
    os.symlink('../dev/.env', 'app/.env.local')
    results = block_env_files.check_files(['dev/.env', 'app/.env', 'web/.env', 'app/.env.local'], config=load_config(None))[0]
    assert sorted((r.path, f.rule_id) for r in results for f in r.findings) == [
        ('app/.env.local', 'env-file'), ('web/.env', 'env-file')]
    assert findings('.')[:2] == (0, [])  # leakstop scan: no secret in any of them (see the next test)


def test_a_java_truststore_is_no_credential_file(repo: str) -> None:
    """Held-out 12: JKS truststores (kafka.server.truststore.jks: trusted certificates only) were refused,
    by name and by content, and PKCS#12 truststores named *.truststore.jks by name. A JKS or JCEKS store is
    readable without its password up to its entries' tags: one of certificates only passes whatever its
    name; one with a private or secret key, or that does not parse, is refused."""
    write('certs/kafka.server.truststore.jks', jks([2, 2]))
    write('certs/ca.jks', jks([2], version=1))
    write('secrets/schema-registry.truststore.jks', pkcs12(key=False))
    write('certs/kafka.server.keystore.jks', jks([1, 2]))
    write('certs/client.truststore.jks', jks([2, 1]))
    write('certs/app.jceks', jks([2, 3], magic=b'\xce\xce\xce\xce'))
    write('certs/broken.truststore.jks', jks([2, 2], cut=5))
    write('certs/store.keystore', pkcs12(key=False))
    code, found, _ = findings('.')
    assert (code, found) == (1, [
        ('certs/app.jceks', 0, 'java-keystore'), ('certs/broken.truststore.jks', 0, 'java-keystore'),
        ('certs/client.truststore.jks', 0, 'java-keystore'), ('certs/kafka.server.keystore.jks', 0, 'java-keystore'),
        ('certs/store.keystore', 0, 'pkcs12-keystore'),
    ])


def test_a_link_to_a_file_of_the_repository_adds_nothing(repo: str) -> None:
    """Held-out 11: src/main/resources/api-truststore.p12 -> ../../../etc/api-truststore.p12 was refused by
    name (a link is judged by name only), though the file it points to is checked at its own path. A link
    out of the repository, or dangling, is still judged by its name; a `.env` link is an env file."""
    write('etc/store.p12', pkcs12())
    write('etc/dev.env.values', 'A=1\n')
    os.makedirs('src/main/resources')
    os.symlink('../../../etc/store.p12', 'src/main/resources/store.p12')
    os.symlink('/nonexistent/.ssh/id_rsa', 'id_rsa')
    os.symlink('etc/dev.env.values', '.env')
    code, found, _ = findings('.')
    assert (code, found) == (1, [('etc/store.p12', 0, 'pkcs12-keystore'), ('id_rsa', 0, 'ssh-private-key-file')])
    results = block_env_files.check_files(['.env'], config=load_config(None))[0]  # the hook refuses the link by name
    assert [(r.path, f.rule_id) for r in results for f in r.findings] == [('.env', 'env-file')]


def test_a_env_file_without_a_secret_is_the_hooks_alone(repo: str) -> None:
    """leakstop scan audits what a repository holds: a .env file whose values are settings, names and
    placeholders is no leaked secret (the held-out sets' reviewers: 102 such files false alarms, the 12 real
    ones each held a secret the rules find on its line). block-env-files still refuses it at commit time."""
    write('.env', 'DEBUG=true\nUSER_PASSWORD=training\nIMAGE_TAG=1.4\n')
    write('web/.env', 'DEBUG=true\nAPI_TOKEN=' + fakes.rand(fakes.ALNUM, 32, 'filehooks-env-2') + '\n')
    code, found, _ = findings('.')
    assert (code, found) == (1, [('web/.env', 0, 'env-file'), ('web/.env', 2, 'generic-token')])
    results = block_env_files.check_files(['.env', 'web/.env'], config=load_config(None))[0]
    assert sorted((r.path, f.rule_id) for r in results for f in r.findings) == [('.env', 'env-file'), ('web/.env', 'env-file')]


def test_copies_of_an_env_file_and_a_key_are_reported_by_leakstop_scan(repo: str) -> None:
    """Tenth hostile review, break 09: `leakstop scan` reports an editor's or file manager's copy as the hooks
    do (NameFilter names copies): `#.env#` with a secret in it, `id_rsa~` by name and by content."""
    write('#.env#', ENV)
    write('id_rsa~', PEM)
    assert findings('.')[1] == [
        ('#.env#', 0, 'env-file'), ('#.env#', 3, 'generic-password'),
        ('id_rsa~', 0, 'ssh-private-key-file'), ('id_rsa~', 1, 'private-key-pem'),
    ]

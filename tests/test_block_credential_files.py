"""block-credential-files: refused by name, refused by content, public material passes."""
from __future__ import annotations

import base64
import json
import os
import random
import shutil
import subprocess
from pathlib import Path

import fakes
from e2e import commit_files as commit
from e2e import git_in as git
from e2e import local_hook_repo, write
import pytest

from leakstop.hooks.block_credential_files import main


@pytest.fixture
def work(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


def random_bytes(n: int, seed: object) -> bytes:
    rng = random.Random(repr(seed))
    return bytes(rng.randrange(256) for _ in range(n))


_SHROUDED_KEY_BAG = bytes.fromhex('3082050006 0b 2a864886f70d010c0a0102 a0'.replace(' ', ''))  # a SafeBag's start


def p12_bytes(seed: object = 0, *, key: bool = True) -> bytes:
    """The DER header of a PKCS#12 file as openssl writes it, random bytes, and (``key``) a shrouded
    private-key bag among them; without one, a truststore."""
    body = random_bytes(2000, seed)
    if key:
        body = body[:1200] + _SHROUDED_KEY_BAG + body[1200:]
    return bytes.fromhex('308209cf020103308209850609 2a864886f70d010701 a08209760482 0972'.replace(' ', '')) + body


def jks_bytes(magic: str = 'feedfeed', seed: object = 0) -> bytes:
    return bytes.fromhex(magic + '00000002 00000001 00000001'.replace(' ', '')) + random_bytes(1500, seed)


def certificate_pem(seed: object = 0) -> str:
    body = base64.b64encode(random_bytes(600, ('cert', seed))).decode()
    wrapped = '\n'.join(body[i:i + 64] for i in range(0, len(body), 64))
    return f'-----BEGIN CERTIFICATE-----\n{wrapped}\n-----END CERTIFICATE-----\n'


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def _reviewed(name: str) -> None:
    """``name`` recorded in a new baseline (``leakstop baseline create``) and reviewed as a false positive."""
    from leakstop import cli
    subprocess.run(['git', 'init', '-q', '.'], check=True)
    assert cli.main(['baseline', 'create', name]) == 0
    with open('.leakstop-baseline.json') as f:
        doc = json.load(f)
    assert [e['rule'] for e in doc['findings']]
    for entry in doc['findings']:
        entry['status'] = 'false-positive'
    with open('.leakstop-baseline.json', 'w') as f:
        json.dump(doc, f)


KDBX_HEADER = bytes.fromhex('03d9a29a67fb4bb501000400')  # KeePass 2: its two signatures and a version


@pytest.mark.parametrize(('name', 'fixture', 'real'), [
    ('config/master.key', b'not a key: the test app has none\n', random_bytes(16, 'master').hex().encode() + b'\n'),
    ('team/vault.kdbx', b'empty test database\n', KDBX_HEADER + random_bytes(4000, 'kdbx')),
    ('certs/client.p12', p12_bytes(1), p12_bytes(2)),  # by name and by content (a keystore: no line, no secret)
])
def test_a_reviewed_whole_file_covers_that_content_only(work: Path, name: str, fixture: bytes, real: bytes,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    """Tenth hostile review, break 07: a finding about a whole file had no secret, its fingerprint was
    ``sha256("rule:")`` whatever the file held: the entry of a reviewed test fixture covered a real KeePass
    database or master key committed at its path later. An entry covers the content it was recorded for."""
    write(name, fixture)
    _reviewed(name)
    assert run(capsys, name)[0] == 0
    if b'\n' in fixture and b'\0' not in fixture:  # the same text checked out with CRLF is the same file
        write(name, fixture.replace(b'\n', b'\r\n'))
        assert run(capsys, name)[0] == 0
    write(name, real)
    code, out, _ = run(capsys, name)
    assert code == 1 and out.startswith(f'{name}: ')


# --- by name ----------------------------------------------------------------------------------

@pytest.mark.parametrize(('path', 'rule'), [
    ('id_rsa', 'ssh-private-key-file'),
    ('home/.ssh/id_ed25519', 'ssh-private-key-file'),
    ('deploy/id_ecdsa_github', 'ssh-private-key-file'),
    ('keys/server.ppk', 'putty-private-key-file'),
    ('certs/client.p12', 'pkcs12-file'),
    ('signing.pfx', 'pkcs12-file'),
    ('android/release.keystore', 'java-keystore-file'),
    ('server.jks', 'java-keystore-file'),
    ('team.kdbx', 'keepass-database-file'),
    ('secring.gpg', 'gpg-secret-keyring-file'),
    ('.aws/credentials', 'aws-credentials-file'),
    ('.git-credentials', 'git-credentials-file'),
    ('.netrc', 'netrc-file'),
    ('_netrc', 'netrc-file'),
    ('.pgpass', 'pgpass-file'),
    ('.s3cfg', 's3cfg-file'),
    ('nginx/.htpasswd', 'htpasswd-file'),
    ('infra/terraform.tfstate', 'terraform-state-file'),
    ('terraform.tfstate.backup', 'terraform-state-file'),
])
def test_refused_by_name(work: Path, capsys: pytest.CaptureFixture[str], path: str, rule: str) -> None:
    write(path, 'placeholder-free content: opaque\n')
    code, out, _ = run(capsys, path)
    assert code == 1
    assert f'{path}: {rule}: ' in out and '(by name)' in out
    assert f'git rm --cached -- {path}' in out
    assert '.gitignore' in out and 'secret manager' in out and 'rotate' in out
    assert '[tool.leakstop.allowlist] paths' in out and 'baseline' in out


def test_a_name_in_the_advice_starts_no_workflow_command(work: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Eleventh hostile review, a sibling of break 07: the advice quotes the files to untrack, and a committed
    file in `x##[error]y/` reached the CI log as `'x##[error]…'` (the finding line escaped it)."""
    path = 'x##[error]y/.netrc'
    write(path, 'placeholder-free content: opaque\n')
    code, out, _ = run(capsys, path)
    assert code == 1 and '##[' not in out
    assert "git rm --cached -- 'x#\\x23[error]y/.netrc'" in out


def test_public_key_passes(work: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write('id_rsa.pub', 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGx0ZXN0a2V5bm90cmVhbA test@host\n')
    assert run(capsys, 'id_rsa.pub')[0] == 0


def test_extra_names(work: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write('vault/prod.secret', 'opaque\n')
    assert run(capsys, 'vault/prod.secret')[0] == 0
    code, out, _ = run(capsys, '--name', '*.secret', 'vault/prod.secret')
    assert code == 1 and 'credential-file-name' in out


# --- by content -------------------------------------------------------------------------------

@pytest.mark.parametrize(('data', 'rule'), [
    (p12_bytes(), 'pkcs12-keystore'),
    (jks_bytes(), 'java-keystore'),
    (jks_bytes('cececece'), 'java-keystore'),
])
def test_keystores_are_refused_by_content_whatever_the_name(
        work: Path, capsys: pytest.CaptureFixture[str], data: bytes, rule: str,
) -> None:
    write('backup.dat', data)
    code, out, _ = run(capsys, 'backup.dat')
    assert code == 1
    assert f'backup.dat: {rule}: ' in out and '(by content)' in out


def test_pem_private_key_in_any_file_is_refused_and_redacted(work: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pem = fakes.pem_private_key(seed='notes')
    write('docs/notes.txt', 'setup notes\n\n' + pem)
    code, out, _ = run(capsys, 'docs/notes.txt')
    assert code == 1
    assert 'docs/notes.txt:4:1: pem-private-key: PEM private key (by content): ' in out
    assert pem.splitlines()[1] not in out and pem.splitlines()[1][:20] not in out


@pytest.mark.parametrize('kind', ['RSA PRIVATE KEY', 'EC PRIVATE KEY', 'OPENSSH PRIVATE KEY', 'PRIVATE KEY', 'ENCRYPTED PRIVATE KEY'])
def test_pem_kinds(work: Path, capsys: pytest.CaptureFixture[str], kind: str) -> None:
    write('key.txt', fakes.pem_private_key(kind, seed=kind))
    assert run(capsys, 'key.txt')[0] == 1


def test_google_service_account_key(work: Path, capsys: pytest.CaptureFixture[str]) -> None:
    doc = {
        'type': 'service_account', 'project_id': 'acme-prod-31337',
        'private_key_id': fakes.rand(fakes.HEX, 40, 'sa-id'),
        'private_key': fakes.pem_private_key('PRIVATE KEY', seed='sa'),
        'client_email': 'deployer@acme-prod-31337.iam.gserviceaccount.com',
    }
    write('deploy/gcp.json', json.dumps(doc, indent=2))
    code, out, _ = run(capsys, 'deploy/gcp.json')
    assert code == 1
    assert 'google-service-account-key' in out and 'pem-private-key' not in out  # the specific rule wins


@pytest.mark.parametrize(('name', 'text', 'rule'), [
    ('.npmrc', f'registry=https://registry.npmjs.org/\n//registry.npmjs.org/:_authToken={fakes.npm(seed=1)}\n', 'npmrc-auth-token'),
    ('.npmrc', '@acme:registry=https://npm.acme.test/\n//npm.acme.test/:_auth=ZGVwbG95OlRxN3ZMMnBYOW1LNHdSOHo=\n', 'npmrc-auth-token'),
    ('.pypirc', '[pypi]\nusername = __token__\npassword = Tq7vL2pX9mK4wR8zQ3nB6cY1\n', 'pypirc-password'),
    ('.docker/config.json', '{"auths": {"https://index.docker.io/v1/": {"auth": "ZGVwbG95OlRxN3ZMMnBYOW1LNHdSOHo="}}}', 'docker-config-credentials'),
    ('.yarnrc.yml', f'npmAuthToken: {fakes.npm(seed=2)}\n', 'yarnrc-auth-token'),
    ('deploy/cluster.yaml', 'users:\n- name: ci\n  user:\n    token: Tq7vL2pX9mK4wR8zQ3nB6cY1aE5d\n', 'kubeconfig-token'),
    ('vpn/client.ovpn', 'client\n<key>\n' + fakes.pem_private_key('PRIVATE KEY', seed='vpn') + '</key>\n', 'openvpn-inline-key'),
])
def test_tool_configs_holding_tokens_are_refused(
        work: Path, capsys: pytest.CaptureFixture[str], name: str, text: str, rule: str,
) -> None:
    write(name, text)
    code, out, _ = run(capsys, name)
    assert code == 1
    assert f': {rule}: ' in out and '(by content)' in out


@pytest.mark.parametrize(('name', 'text'), [
    ('.npmrc', 'registry=https://registry.npmjs.org/\nsave-exact=true\n'),
    ('.npmrc', '//registry.npmjs.org/:_authToken=${NPM_TOKEN}\n'),
    ('.yarnrc.yml', 'npmAuthToken: "${NPM_TOKEN}"\n'),
    ('.docker/config.json', '{"auths": {"ghcr.io": {}}, "credsStore": "desktop"}'),
    ('.pypirc', '[pypi]\nusername = __token__\n'),
    ('certs/ca.pem', certificate_pem()),
    ('certs/ca.crt', certificate_pem(1)),
    ('credentials.json', '{"user1": {"api_key_id": "...", "api_key_secret": "..."}}'),
    ('credentials.json', json.dumps({'installed': {
        'client_id': 'YOUR_CLIENT_ID.apps.googleusercontent.com', 'client_secret': '<your-client-secret>',
        'auth_uri': 'https://accounts.google.com/o/oauth2/auth', 'redirect_uris': ['http://localhost'],
    }})),
    ('client_secret.json', '{"web": {"client_id": "", "client_secret": "changeme"}}'),
    ('.kube/config', (
        'apiVersion: v1\nkind: Config\nclusters:\n- cluster:\n    server: https://k8s.acme.test\n  name: prod\n'
        'users:\n- name: eks\n  user:\n    exec:\n      apiVersion: client.authentication.k8s.io/v1beta1\n'
        '      command: aws\n      args: [eks, get-token, --cluster-name, prod]\n'
    )),
    ('kubeconfig.yaml', 'users:\n- name: ci\n  user:\n    token: ${K8S_TOKEN}\n'),
    # a dotfiles repository's templates (held-out 59): every secret's entry a placeholder
    ('.aws/credentials', '[default]\naws_access_key_id = YOURACCESSKEY\naws_secret_access_key = YOURSECRETKEY\n'),
    ('.s3cfg', '[default]\naccess_key = YOURACCESSKEY\nsecret_key = <your-secret-key>\ngpg_passphrase =\nverbosity = WARNING\n'),
    ('README.md', 'Put your key in `~/.ssh/id_rsa` and never commit `-----BEGIN RSA PRIVATE KEY-----` blocks.\n'),
])
def test_public_material_passes(work: Path, capsys: pytest.CaptureFixture[str], name: str, text: str) -> None:
    write(name, text)
    code, out, _ = run(capsys, name)
    assert (code, out) == (0, '')


def _vault(data: bytes, label: str = '') -> bytes:
    """What ``ansible-vault encrypt`` writes: its header, then the hex of the ciphertext in lines of 80."""
    body = data.hex()
    return (f'$ANSIBLE_VAULT;1.{2 if label else 1};AES256{";" + label if label else ""}\n'
            + '\n'.join(body[i:i + 80] for i in range(0, len(body), 80)) + '\n').encode()


@pytest.mark.parametrize(('name', 'data'), [
    ('ansible/files/saml-key.jks', _vault(random_bytes(700, 'v'))),  # held-out 46: an ansible-vault encrypted keystore
    ('group_vars/prod/id_rsa', _vault(random_bytes(400, 'w'), label='prod')),
    ('secrets/.pgpass', b'\x00GITCRYPT\x00' + random_bytes(300, 'g')),  # what git stores under git-crypt
    ('deploy/server.p12', b'age-encryption.org/v1\n-> X25519 ' + random_bytes(200, 'a')),
    ('.netrc', b'-----BEGIN PGP MESSAGE-----\n\nhQEMA' + base64.b64encode(random_bytes(300, 'p')) + b'\n-----END PGP MESSAGE-----\n'),
    ('release.keystore', b'Salted__' + random_bytes(500, 's')),
])
def test_a_whole_file_of_ciphertext_passes_whatever_its_name(work: Path, capsys: pytest.CaptureFixture[str], name: str, data: bytes) -> None:
    write(name, data)
    assert run(capsys, name)[:2] == (0, '')


@pytest.mark.parametrize(('name', 'data', 'rule'), [
    # a vault header over text that is not the envelope's hex, or a key after it: refused by name, and by content
    ('server.jks', b'$ANSIBLE_VAULT;1.1;AES256\nnot hex at all\n', 'java-keystore-file'),
    ('id_rsa', b'$ANSIBLE_VAULT;1.1;AES256\n' + fakes.pem_private_key('RSA PRIVATE KEY', seed='env').encode(), 'ssh-private-key-file'),
    ('server.jks', b'# $ANSIBLE_VAULT;1.1;AES256\n' + jks_bytes(), 'java-keystore-file'),
])
def test_an_envelope_header_alone_does_not_pass(work: Path, capsys: pytest.CaptureFixture[str], name: str, data: bytes, rule: str) -> None:
    write(name, data)
    code, out, _ = run(capsys, name)
    assert code == 1 and f'{name}: {rule}: ' in out


@pytest.mark.parametrize(('name', 'text', 'rule'), [
    ('credentials.json', json.dumps({'user1': {'api_key_id': 'drm_8Kq2Lm', 'api_key_secret': fakes.rand(fakes.ALNUM, 32, 'c')}}), 'credentials-json-file'),
    ('credentials.json', 'not json at all', 'credentials-json-file'),
    ('client_secret_123.json', json.dumps({'web': {'client_id': '1234', 'client_secret': fakes.rand(fakes.ALNUM, 24, 'o')}}), 'oauth-client-secret-file'),
    ('.kube/config', 'users:\n- name: basic\n  user:\n    password: Tq7vL2pX9mK4wR8z\n', 'kubeconfig-file'),
    ('.aws/credentials', f'[default]\naws_access_key_id = YOURACCESSKEY\naws_secret_access_key = {fakes.aws_secret(seed="ini")}\n',
     'aws-credentials-file'),
    ('.s3cfg', f'[default]\naccess_key = YOURACCESSKEY\nsecret_key = {fakes.rand(fakes.ALNUM, 40, "s3cfg")}\n', 's3cfg-file'),
    ('.aws/credentials', 'not an ini file, but named as one: refused by name\n[x', 'aws-credentials-file'),
])
def test_name_exemptions_need_clean_content(work: Path, capsys: pytest.CaptureFixture[str], name: str, text: str, rule: str) -> None:
    write(name, text)
    code, out, _ = run(capsys, name)
    assert code == 1 and f'{name}: {rule}: ' in out


def test_utf16_pem_is_found(work: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write('key.txt', fakes.pem_private_key(seed='u16').encode('utf-16'))
    assert run(capsys, 'key.txt')[0] == 1


# --- allowlist, errors, formats ---------------------------------------------------------------

def test_config_allowlist_paths_and_disabled_rules(work: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write('tests/fixtures/id_rsa', fakes.pem_private_key(seed='fixture'))
    write('backup.dat', p12_bytes())
    write('.leakstop.toml', '[allowlist]\npaths = ["tests/fixtures/**"]\n')
    assert run(capsys, 'tests/fixtures/id_rsa')[0] == 0
    assert run(capsys, 'backup.dat')[0] == 1
    write('.leakstop.toml', 'disable = ["pkcs12-keystore"]\n')
    assert run(capsys, 'backup.dat')[0] == 0
    write('.leakstop.toml', '[allowlist.rules.ssh-private-key-file]\npaths = ["keys/**"]\n')
    write('keys/id_rsa', 'opaque\n')
    assert run(capsys, 'keys/id_rsa')[0] == 0


def test_inline_pragma_allows_a_content_match(work: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write('.npmrc', f'//registry.npmjs.org/:_authToken={fakes.npm(seed=3)}  # leakstop: allow\n')
    assert run(capsys, '.npmrc')[0] == 0


def test_missing_path_is_an_error(work: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write('ok.txt', 'fine\n')
    code, out, err = run(capsys, 'ok.txt', 'gone.txt')
    assert code == 2
    assert err == 'gone.txt: error: cannot read: no such file\n'


def test_directory_is_an_error(work: Path, capsys: pytest.CaptureFixture[str]) -> None:
    os.mkdir('adir')
    assert run(capsys, 'adir')[0] == 2


def test_symlinks_are_checked_by_name_only(work: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write('real/key.txt', fakes.pem_private_key(seed='link'))
    os.symlink('real/key.txt', 'link.txt')
    os.symlink('nowhere', 'dangling')
    assert run(capsys, 'link.txt', 'dangling')[0] == 0  # git stores the link, not the key
    os.symlink('nowhere', 'id_rsa')
    assert run(capsys, 'id_rsa')[0] == 1
    write('etc/id_ed25519', fakes.pem_private_key('OPENSSH PRIVATE KEY', seed='link'))
    os.symlink('etc/id_ed25519', 'id_ed25519')  # a link to a file of the tree: that file is checked itself
    assert run(capsys, 'id_ed25519')[0] == 0
    assert run(capsys, 'etc/id_ed25519')[0] == 1


def test_bad_config_is_one_line(work: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write('.leakstop.toml', '[allowlist\n')
    write('a.txt', 'x\n')
    code, _, err = run(capsys, 'a.txt')
    assert code == 2 and err.startswith('block-credential-files: error: ') and 'invalid TOML' in err
    assert err.count('\n') == 1


@pytest.mark.parametrize('glob', ['', '/', '//', ' '])
def test_bad_name_argument_exits_2(work: Path, capsys: pytest.CaptureFixture[str], glob: str) -> None:
    with pytest.raises(SystemExit) as e:
        main(['--name', glob, 'a'])
    assert e.value.code == 2
    assert f"argument --name: glob: value: {glob!r}: expected a glob" in capsys.readouterr().err


def test_json_format(work: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pem = fakes.pem_private_key(seed='json')
    write('id_rsa', pem)
    code, out, _ = run(capsys, '--format', 'json', 'id_rsa')
    assert code == 1
    doc = json.loads(out)
    assert [(f['rule'], f['line']) for f in doc['findings']] == [('ssh-private-key-file', 0), ('pem-private-key', 2)]
    assert pem.splitlines()[1][:20] not in out


def test_many_files_and_the_advice_lists_them(work: Path, capsys: pytest.CaptureFixture[str]) -> None:
    names = [write(f'k{i}/id_rsa', 'x') for i in range(7)] + [write('a b/.netrc', 'x')]
    code, out, _ = run(capsys, *names, write('fine.txt', 'ok'))
    assert code == 1
    assert "`git rm --cached -- k0/id_rsa k1/id_rsa k2/id_rsa k3/id_rsa k4/id_rsa ...`" in out


# --- real tools make real files (failing where the tool is missing) ------------------------------

def tool(name: str) -> str:
    """A real key tool; missing, the test fails (a skipped check would hide a gap): Debian's
    openssh-client, openssl and a JDK provide them."""
    path = shutil.which(name)
    assert path is not None, f'{name} is needed by this test: install it (openssh-client, openssl, a JDK)'
    return path


def test_real_ssh_key(work: Path, capsys: pytest.CaptureFixture[str]) -> None:
    subprocess.run((tool('ssh-keygen'), '-q', '-t', 'ed25519', '-N', '', '-f', 'mykey'), check=True)
    code, out, _ = run(capsys, 'mykey', 'mykey.pub')
    assert code == 1
    assert 'mykey:' in out and 'mykey.pub' not in out.split('leakstop:')[0]


def test_real_pkcs12_and_der_key(work: Path, capsys: pytest.CaptureFixture[str]) -> None:
    openssl = tool('openssl')
    subprocess.run((openssl, 'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'k.pem', '-out', 'c.pem',
                    '-subj', '/CN=test', '-days', '1'), check=True, capture_output=True)
    subprocess.run((openssl, 'pkcs12', '-export', '-inkey', 'k.pem', '-in', 'c.pem', '-out', 'store.bin',
                    '-passout', 'pass:test'), check=True, capture_output=True)
    subprocess.run((openssl, 'pkcs8', '-topk8', '-nocrypt', '-in', 'k.pem', '-outform', 'DER', '-out', 'k.bin'),
                   check=True, capture_output=True)
    code, out, _ = run(capsys, 'store.bin', 'k.bin', 'c.pem')
    assert code == 1
    assert 'store.bin: pkcs12-keystore' in out and 'k.bin: der-private-key' in out and 'c.pem' not in out


def test_real_java_keystores(work: Path, capsys: pytest.CaptureFixture[str]) -> None:
    keytool = tool('keytool')
    for kind in ('JKS', 'JCEKS'):
        subprocess.run((keytool, '-genkeypair', '-alias', 'a', '-keyalg', 'RSA', '-keysize', '2048', '-dname', 'CN=t',
                        '-storepass', 'changeit', '-keypass', 'changeit', '-keystore', f'store-{kind}.bin',
                        '-storetype', kind), check=True, capture_output=True)
    code, out, _ = run(capsys, 'store-JKS.bin', 'store-JCEKS.bin')
    assert code == 1 and out.count(': java-keystore: ') == 2


# --- end to end: real git, real pre-commit -----------------------------------------------------

@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    return local_hook_repo(tmp_path, monkeypatch, 'block-credential-files', 'block credential files')  # type: ignore[no-any-return]


def test_e2e_id_rsa_refused_and_public_key_passes(repo: Path) -> None:
    pem = fakes.pem_private_key(seed='e2e')
    pub = 'ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQDtestkeynotreal user@host\n'
    proc = commit(repo, {'id_rsa': pem, 'id_rsa.pub': pub})
    output = proc.stdout + proc.stderr
    assert proc.returncode != 0
    assert 'id_rsa: ssh-private-key-file: SSH private key (by name)' in output
    assert 'id_rsa.pub:' not in output
    assert pem.splitlines()[1][:20] not in output
    git(repo, 'rm', '-q', '--cached', 'id_rsa')
    proc = git(repo, 'commit', '-m', 'public key only')
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_e2e_renamed_p12_is_refused_by_content(repo: Path) -> None:
    proc = commit(repo, {'backup.dat': p12_bytes('e2e')})
    assert proc.returncode != 0
    assert 'backup.dat: pkcs12-keystore: PKCS#12 keystore (binary) (by content)' in proc.stdout + proc.stderr


def test_e2e_deleting_a_file_passes(repo: Path) -> None:
    assert commit(repo, {'notes.txt': 'hello\n'}).returncode == 0
    (repo / 'id_rsa').write_text(fakes.pem_private_key(seed='old'))
    git(repo, 'add', 'id_rsa')
    assert git(repo, 'commit', '-q', '--no-verify', '-m', 'oops').returncode == 0
    assert git(repo, 'rm', '-q', 'notes.txt', 'id_rsa').returncode == 0
    proc = git(repo, 'commit', '-m', 'remove')
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_one_next_line_pragma_above_a_key_silences_both_hooks(work: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Issue 14 #8: scan-secrets reports a PEM key from its BEGIN line, this hook from its first body
    line; a `leakstop: allow-next-line` above the BEGIN line covers the key for both."""
    from leakstop.hooks import scan_secrets
    pem = fakes.pem_private_key(seed='pragma')
    write('docs/setup.md', 'A throwaway test key:\n\n# leakstop: allow-next-line\n' + pem)
    write('docs/other.md', 'Another:\n\n' + pem)
    assert run(capsys, 'docs/setup.md')[0] == 0
    assert scan_secrets.main(['docs/setup.md']) == 0
    code, out, _ = run(capsys, 'docs/other.md')  # without the pragma: refused by both
    assert code == 1 and 'docs/other.md:4:1: pem-private-key' in out
    assert scan_secrets.main(['docs/other.md']) == 1


def test_advice_untracks_key_files_but_not_the_module_a_key_is_written_in(work: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Issue 14 #7: `git rm --cached` for a key file; for a Python module holding a key, take the key out."""
    write('app/settings.py', 'KEY = """' + fakes.pem_private_key(seed='advice-a') + '"""\n')
    write('deploy/server.key', fakes.pem_private_key(seed='advice-b'))
    code, out, _ = run(capsys, 'app/settings.py', 'deploy/server.key')
    assert code == 1
    assert '`git rm --cached -- deploy/server.key`' in out and 'git rm --cached -- app/settings.py' not in out
    assert 'app/settings.py: a private key is written inside' in out


def test_a_file_too_large_to_read_whole_is_refused_in_one_line(
        work: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    """Fifth hostile review (break 11): the hook read any file whole; an 800 MB one ended in a MemoryError
    traceback. Past files.WHOLE_READ_LIMIT (here 1 MiB), it says so in one line, exit 2."""
    monkeypatch.setattr('leakstop.files.WHOLE_READ_LIMIT', 1024 * 1024, raising=False)
    write('text.txt', b'lorem ipsum dolor sit amet\n' * 50000)  # 1.35 MB
    write('small.txt', b'lorem ipsum\n')
    assert main(['text.txt', 'small.txt']) == 2
    out, err = capsys.readouterr()
    assert err == 'text.txt: error: cannot read: larger than 1 MiB: not read whole\n' and 'Traceback' not in out


def test_a_credential_name_too_large_to_read_whole_is_still_found_by_scan(
        work: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    """`leakstop scan` reads the file in windows; the credential-file check, past the limit, judges its name."""
    from leakstop import cli
    monkeypatch.setattr('leakstop.files.WHOLE_READ_LIMIT', 1024 * 1024, raising=False)
    write('id_rsa', b'lorem ipsum dolor sit amet\n' * 50000)
    assert cli.main(['scan', '--no-git', '--format', 'json', 'id_rsa']) == 1
    doc = json.loads(capsys.readouterr().out)
    assert [(f['path'], f['rule']) for f in doc['findings']] == [('id_rsa', 'ssh-private-key-file')]
    assert doc.get('errors', []) == []


# --- sixth hostile review of issue 13 ---------------------------------------------------------

def _token_spelling(prefix: str, word: str, seed: object = 0) -> str:
    """A checksum-valid GitHub or npm token whose random part spells ``word`` (as 1 in some thousands does)."""
    body = fakes.rand(fakes.ALNUM, 30, ('spelling', prefix, word, seed))
    body = body[:10] + word + body[10 + len(word):]
    return f'{prefix}_{body}{fakes.crc32_base62(body)}'


@pytest.mark.parametrize('word', ['ToDo', 'Example', 'xxxx'])
def test_checksum_valid_token_is_no_placeholder_in_credential_files(
        work: Path, capsys: pytest.CaptureFixture[str], word: str) -> None:
    """(03) a checksum-valid token whose random part spells a placeholder word is real: .npmrc, .pypirc and a
    kubeconfig holding one are refused by content, the kubeconfig by name too, as scan-secrets reports them."""
    npm, ghp = _token_spelling('npm', word), _token_spelling('ghp', word)
    write('.npmrc', f'//registry.npmjs.org/:_authToken={npm}\n')
    write('.pypirc', f'[pypi]\nusername = __token__\npassword = {ghp}\n')
    write('kubeconfig', f'apiVersion: v1\nkind: Config\nusers:\n- name: u\n  user:\n    token: {ghp}\n')
    code, out, _ = run(capsys, '.npmrc', '.pypirc', 'kubeconfig')
    assert code == 1
    assert '.npmrc:1:' in out and 'npmrc-auth-token' in out
    assert '.pypirc:3:' in out and 'pypirc-password' in out
    assert 'kubeconfig:6:' in out and 'kubeconfig-token' in out
    assert 'kubeconfig-file' in out and '(by name)' in out
    assert npm not in out and ghp not in out


def test_checksum_valid_token_is_no_placeholder_in_json_template(work: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """(03) credentials.json's template exemption (every value a placeholder) does not take such a token for one."""
    write('credentials.json', json.dumps({'type': 'authorized_user', 'token': _token_spelling('gho', 'Example')}))
    code, out, _ = run(capsys, 'credentials.json')
    assert code == 1 and 'credentials-json-file' in out


def test_made_up_token_spelling_a_placeholder_still_passes(work: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """(03) the checksum decides: the same token with its checksum broken is judged by its shape, as before."""
    token = _token_spelling('npm', 'ToDo')
    write('.npmrc', f'//registry.npmjs.org/:_authToken={token[:-1]}{"A" if token[-1] != "A" else "B"}\n')
    code, out, _ = run(capsys, '.npmrc')
    assert code == 0, out


@pytest.mark.parametrize('option', ['Password =', 'PASSWORD:', 'passWord='])
def test_pypirc_password_in_any_case(work: Path, capsys: pytest.CaptureFixture[str], option: str) -> None:
    """(12) twine reads .pypirc with configparser, which lower-cases option names: `Password = <token>` uploads."""
    import configparser
    token = fakes.pypi(seed=3)
    write('.pypirc', f'[pypi]\nusername = __token__\n{option} {token}\n')
    parser = configparser.ConfigParser()
    parser.read('.pypirc')
    assert parser['pypi']['password'] == token  # what twine reads
    code, out, _ = run(capsys, '.pypirc')
    assert code == 1 and '.pypirc:3:' in out and 'pypirc-password' in out and token not in out


@pytest.mark.parametrize('auths, auth', [('Auths', 'auth'), ('auths', 'Auth'), ('AUTHS', 'IdentityToken')])
def test_docker_config_member_names_in_any_case(
        work: Path, capsys: pytest.CaptureFixture[str], auths: str, auth: str) -> None:
    """(12, sibling) docker reads config.json with Go's encoding/json, which matches member names in any case."""
    value = base64.b64encode(('bot:' + fakes.github('ghp', seed=7)).encode()).decode()
    write('ci/docker.json', json.dumps({auths: {'ghcr.io': {auth: value}}}, indent=2))
    code, out, _ = run(capsys, 'ci/docker.json')
    assert code == 1 and 'docker-config-credentials' in out


def _kubeconfig_forms(token: str) -> dict[str, str]:
    """One inline token in the forms kubectl reads (sixth hostile review, break 11)."""
    doc = {'apiVersion': 'v1', 'kind': 'Config', 'users': [{'name': 'ci', 'user': {'token': token}}]}
    return {
        'json': json.dumps(doc, separators=(',', ':')) + '\n',
        'json-pretty': json.dumps(doc, indent=2) + '\n',
        'json-escaped-key': json.dumps(doc).replace('"token"', '"' + '\\u' + '0074oken"') + '\n',
        'flow': f'apiVersion: v1\nkind: Config\nusers:\n- name: ci\n  user: {{token: {token}}}\n',
        'flow-quoted': f'apiVersion: v1\nkind: Config\nusers:\n- name: ci\n  user: {{token: "{token}"}}\n',
        'flow-lines': f'apiVersion: v1\nkind: Config\nusers:\n- name: ci\n  user: {{\n    token: "{token}"\n  }}\n',
        'quoted-key': f'apiVersion: v1\nkind: Config\nusers:\n- name: ci\n  user:\n    "token": "{token}"\n',
        'single-quoted-key': f"apiVersion: v1\nkind: Config\nusers:\n- name: ci\n  user:\n    'token': '{token}'\n",
    }


@pytest.mark.parametrize('form', sorted(_kubeconfig_forms('x')))
def test_kubeconfig_inline_token_in_every_form(work: Path, capsys: pytest.CaptureFixture[str], form: str) -> None:
    """(11) a kubeconfig as JSON, with a flow mapping or with quoted keys is refused by name (it has an inline
    credential) as the block-YAML one is."""
    token = fakes.github('ghp', seed=('kube', form))
    write('kubeconfig', _kubeconfig_forms(token)[form])
    code, out, _ = run(capsys, 'kubeconfig')
    assert code == 1 and 'kubeconfig-file' in out and '(by name)' in out, out
    assert token not in out


@pytest.mark.parametrize('form', ['json', 'json-pretty', 'flow-quoted', 'flow-lines', 'quoted-key', 'single-quoted-key'])
def test_kubeconfig_inline_token_found_by_content_in_every_form(
        work: Path, capsys: pytest.CaptureFixture[str], form: str) -> None:
    """(11) whatever the file is called, the content rule reads the user's token in those forms too (in a flow
    mapping, a quoted one: unquoted, it would be an identifier of source code)."""
    token = fakes.github('ghp', seed=('kube-content', form))
    write('deploy/cluster.yaml', _kubeconfig_forms(token)[form])
    code, out, _ = run(capsys, 'deploy/cluster.yaml')
    assert code == 1 and 'kubeconfig-token' in out, out


def test_kubeconfig_without_inline_credentials_passes_in_every_form(work: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """(11) exec auth and placeholders pass by name, in JSON and in flow style as in block YAML."""
    exec_user = {'exec': {'apiVersion': 'client.authentication.k8s.io/v1beta1', 'command': 'aws', 'args': ['eks', 'get-token']}}
    write('a/kubeconfig', json.dumps({'kind': 'Config', 'users': [{'name': 'eks', 'user': exec_user}]}))
    write('b/kubeconfig', 'kind: Config\nusers:\n- name: ci\n  user: {token: "${K8S_TOKEN}"}\n')
    write('c/kubeconfig', 'kind: Config\nusers:\n- name: ci\n  user: {tokenFile: /var/run/token, "password": "<password>"}\n')
    code, out, _ = run(capsys, 'a/kubeconfig', 'b/kubeconfig', 'c/kubeconfig')
    assert code == 0, out


_U = '\\u'  # (written apart: this file's own lines hold no escaped name)


@pytest.mark.parametrize('name, escaped', [('auths', _U + '0061uths'), ('auth', _U + '0061uth'), ('auths', _U + '0041uths')])
def test_docker_config_with_escaped_member_names(
        work: Path, capsys: pytest.CaptureFixture[str], name: str, escaped: str) -> None:
    """(10) `"\\u0061uths"` is the same JSON document as `"auths"` (`\\u0041uths`: `Auths`, which docker reads too)."""
    value = base64.b64encode(('bot:' + fakes.github('ghp', seed=7)).encode()).decode()
    plain = json.dumps({'auths': {'ghcr.io': {'auth': value}}}, indent=2)
    text = plain.replace(f'"{name}"', f'"{escaped}"')
    assert json.loads(text) == json.loads(plain.replace(f'"{name}"', '"Auths"' if '0041' in escaped else f'"{name}"'))
    write('.docker/config.json', text)
    code, out, _ = run(capsys, '.docker/config.json')
    assert code == 1 and '.docker/config.json:' in out and 'docker-config-credentials' in out, out


def test_kubeconfig_with_escaped_member_names(work: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """(10, sibling) a kubeconfig whose `token` key is written with an escape: refused by name, JSON or YAML, as its
    parser reads it; the JSON one by content too."""
    token = fakes.github('ghp', seed='kube-escaped')
    write('k/kubeconfig', f'kind: Config\nusers:\n- name: ci\n  user:\n    "{_U}0074oken": "{token}"\n')
    write('j/kubeconfig', _kubeconfig_forms(token)['json-escaped-key'])
    code, out, _ = run(capsys, 'k/kubeconfig', 'j/kubeconfig')
    assert code == 1
    assert 'k/kubeconfig: kubeconfig-file' in out and 'j/kubeconfig: kubeconfig-file' in out, out
    assert 'j/kubeconfig:1:' in out and 'kubeconfig-token' in out and token not in out, out


@pytest.mark.parametrize(('path', 'rule'), [
    ('id_rsa~', 'ssh-private-key-file'), ('deploy/id_ed25519 copy', 'ssh-private-key-file'),
    ('id_rsa.bak', 'ssh-private-key-file'), ('#credentials.json#', 'credentials-json-file'),
    ('credentials copy.json', 'credentials-json-file'), ('credentials (1).json', 'credentials-json-file'),
    ('.netrc.orig', 'netrc-file'), ('.pgpass (copy)', 'pgpass-file'), ('.git-credentials~', 'git-credentials-file'),
    ('.aws/credentials~', 'aws-credentials-file'), ('Copy of terraform.tfstate', 'terraform-state-file'),
    ('config/master.key - Copy', 'rails-master-key-file'), ('secring.gpg~', 'gpg-secret-keyring-file'),
])
def test_copies_are_refused_by_the_name_they_copy(work: Path, capsys: pytest.CaptureFixture[str], path: str, rule: str) -> None:
    """Tenth hostile review, break 09's sibling: the copies editors and file managers leave beside a credential file
    (`id_rsa~`, `#credentials.json#`, `credentials copy.json`) passed by name."""
    write(path, 'placeholder-free content: opaque\n')
    code, out, _ = run(capsys, path)
    assert code == 1 and f'{path}: {rule}: ' in out and '(by name)' in out


@pytest.mark.parametrize('path', ['id_rsa.pub~', 'id_rsa.pub copy', 'notes (1).md', '#scratch#'])
def test_copies_of_other_files_pass_by_name(work: Path, capsys: pytest.CaptureFixture[str], path: str) -> None:
    write(path, 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGx0ZXN0a2V5bm90cmVhbA test@host\n')
    assert run(capsys, path)[0] == 0

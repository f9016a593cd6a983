"""Validators behind the generic, header and key rules (generic.toml, keys.toml)."""
from __future__ import annotations

import base64

import pytest

import fakes
from leakstop.generic import values
from leakstop.validators import (
    assigned_password,
    assigned_token,
    base64_pem_private_key,
    basic_auth_credentials,
    pem_private_key_quoted,
    pgp_private_key,
)

# Short passwords of no word, typed or random-looking, and long generated ones
WEAK_REAL_PASSWORDS = [
    'letmein99', 'qeci8Xbt', 'dagmve77', 'Xk9mQ2vL', 'K@uihgxj4267', 'xjpzdq.xnpekaf-47',
    'u7=9@=%w62rvu^ad48tcc*#3yj*r)v3kzu6qtpm%_x6zj(wob=',
    'correcthorsebatterystaple', 'Marble=Lobster0549', 'jigsaw.thistle-07',  # long passphrases of words: no stand-ins
    # random ones whose short humps read as words by chance, digits as letters (sixteenth hostile review, break 01)
    'DA3H6lE7', '3Crm6W4y', 'Baa7didI4q4E',
    # a word of four letters among random ones, as written or with digits as letters; hex (seventeenth, break 01)
    '7burpxkt', 'k7m2wolf', '5payn53k', 'a6decoax', '2aturfj7', 'm41et1sd', '1ead8f06', 'e4731de3', 'T3YUPICK',
]
# Short passwords built from words (over half of each dictionary words, plain or in leetspeak): counted as weak real
# passwords until 2026-12-07; [score] human_of_words (0.6) makes them no secret anywhere, as on held-out 76-79 and
# the 75 repositories of labelled realistic passwords every one was a default, a stand-in or a test container's
WORD_BUILT_PASSWORDS = [
    'hunter22', 'P@ssword1234', 'Summer2024!', 'Almond.Nutmeg15', 'ourBigFox11', 'VMware1!', 'LS1setup!', 'patroni1', 'SuperM0nk3y!',
]  # (SuperP4ssw0rd!: the word password in leetspeak, no literal at all since held-out 103)
NOT_LITERAL_SECRETS = [
    '', 'abc', 'SuperP4ssw0rd!', '${DB_PASSWORD}', 'prefix-${X}', '$(vault read -field=pw secret/db)', '{{ vault_pw }}', '%(password)s',
    '{password}', 'process.env.DB_PASSWORD', 'settings.SECRET_KEY', 'auth.password.required', '/etc/secret.key',
    './secrets.json', 'C:\\keys\\server.key', 'run/secrets/db_password', 'credentials.json', 'https://auth.acme.io/token',
    'Enter your password', 'Password', 'Passwort', 'current-password', 'secret_key', 'passwordConfirmation',
    'DB_PASSWORD', '3600', '1.2.3', 'true', 'inherit', 'required|string|min:12', 'arn:aws:kms:us-west-2:1:alias/x',
    '2016-09-24T16:18:07Z', '%d,%d-%d,%d:', '(?:key|pwd|password)', 'Enabled=true', 'test123', 'asdfasdfasdf',
    'A1b2c3d4', 'mypassword2', 'FOOBARSECRET', 'SomeKindOfPassword123!@#', 'AB1C2defGHijkLMNo3PqQRstUvwxyzaBCDEfghh4', 'sk_test_xxx',
    'ENC(G6N718UuyPE5bHyWKyuLQSm02auQPUtm)', '$2b$12$' + 'a' * 53, 'pässwört99',
]


@pytest.fixture(scope='module', autouse=True)
def detector_loaded() -> None:
    """The password validators weigh a password built from words as the generic detector does (values.human_of_words,
    from data/generic.toml), whether or not the detector is loaded."""
    values.HUMAN_OF_WORDS[0] = None  # read again from data/generic.toml


@pytest.mark.parametrize('value', WEAK_REAL_PASSWORDS)
def test_weak_real_passwords_are_secrets(value: str) -> None:
    assert assigned_password(value)


@pytest.mark.parametrize('value', WORD_BUILT_PASSWORDS)
def test_passwords_built_from_words_are_no_secrets(value: str, monkeypatch: pytest.MonkeyPatch) -> None:
    assert values.human_of_words() == 0.6
    assert not assigned_password(value)
    monkeypatch.setattr(values, 'HUMAN_OF_WORDS', [1.0])  # human_of_words = 1.0: counted in full, as before
    assert assigned_password(value)


@pytest.mark.parametrize('value', NOT_LITERAL_SECRETS)
def test_references_names_and_labels_are_not_secrets(value: str) -> None:
    assert not assigned_password(value)
    assert not assigned_token(value)


def test_uuid_counts_for_passwords_not_for_tokens() -> None:
    uuid = '3f2b8c4e-1d7a-4b9e-8f6c-2a5d9e7b1c3f'
    assert assigned_password(uuid)
    assert not assigned_token(uuid)


@pytest.mark.parametrize('value', [
    fakes.rand(fakes.ALNUM, 32, 'token'), 'KmZqRtYwXePlNbVcHdGs', 'd41d8cd98f00b204e9800998ecf8427e0a1b2c3d',
    'mwotktqooaghkbuwypovtodp',
])
def test_tokens(value: str) -> None:
    # generated material only: `hardcoded_value` (words) counts only in a Dockerfile ENV (tests/test_generic.py)
    assert assigned_token(value)


@pytest.mark.parametrize('value', [
    'csrftoken', 'bearer', 'NextMarker', 'test_api_key_1', 'mytoken123', 'abcd1234efgh5678', 'a1b2c3d4567890ab',
    'TESTACCESSKEY12345', 'Ag' + 'B' + fakes.rand(fakes.B64, 200, 'sealed'),
])
def test_token_shapes_that_are_not_tokens(value: str) -> None:
    assert not assigned_token(value)


def test_basic_auth_credentials() -> None:
    def b64(text: str) -> str:
        return base64.b64encode(text.encode()).decode()
    assert basic_auth_credentials(b64('deploy:dagmve77'))
    assert not basic_auth_credentials(b64('deploy:hunter22'))  # built from words (human_of_words)
    assert not basic_auth_credentials(b64('user:password'))
    assert not basic_auth_credentials(b64('justausername'))
    assert not basic_auth_credentials(b64('user:${PASS}'))
    assert not basic_auth_credentials('not base64!')


def test_pem_private_key_quoted() -> None:
    pem = fakes.pem_private_key(seed=3)
    quoted = '\n'.join(f'    "{line}\\n"' for line in pem.splitlines())
    assert pem_private_key_quoted(quoted)
    assert not pem_private_key_quoted('"-----BEGIN RSA PRIVATE KEY-----\\n"\n"MIIE...\\n"\n"-----END RSA PRIVATE KEY-----\\n"')


def test_base64_pem_private_key() -> None:
    pem = fakes.pem_private_key(seed=4)
    assert base64_pem_private_key(base64.b64encode(pem.encode()).decode())
    cert = pem.replace('RSA PRIVATE KEY', 'CERTIFICATE')
    assert not base64_pem_private_key(base64.b64encode(cert.encode()).decode())


def _armor(first_byte: int, body_len: int = 300) -> str:
    raw = bytes([first_byte]) + bytes(range(256)) * (body_len // 256 + 1)
    body = base64.b64encode(raw[:body_len]).decode()
    lines = '\n'.join(body[i:i + 64] for i in range(0, len(body), 64))
    return f'-----BEGIN PGP PRIVATE KEY BLOCK-----\nComment: x\n\n{lines}\n=AbCd\n-----END PGP PRIVATE KEY BLOCK-----'


def test_pgp_private_key() -> None:
    assert pgp_private_key(_armor(0x95))  # old-format secret key packet
    assert pgp_private_key(_armor(0xC5))  # new-format secret key packet
    assert not pgp_private_key(_armor(0x99))  # public key packet
    assert not pgp_private_key(_armor(0x95, body_len=20))

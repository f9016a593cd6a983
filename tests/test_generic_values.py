"""The value judge (leakstop.generic.values): its vocabularies, each entry with a value it judges differently."""
from __future__ import annotations

import gzip

import pytest

from leakstop.generic import _shown_words
from leakstop.generic.values import (
    CODE_WORDS,
    WORDS_FILE,
    _identifier_of_words,
    judge_passphrase,
    not_literal,
)

# Words of code and configuration the dictionary lacks (values.CODE_WORDS), of three letters or more:
# ``config-handler`` is an identifier made of words, so no secret.
CODE_WORDS_3 = (
    'ack', 'aes', 'api', 'args', 'async', 'auth', 'aws', 'baz', 'bool', 'cas', 'cert', 'certs', 'cfg', 'cli', 'cmd',
    'conf', 'config', 'crm', 'crt', 'csr', 'csrf', 'ctx', 'datadog', 'der', 'dest', 'dev', 'dns', 'docker', 'dst',
    'env', 'facebook', 'fixme', 'gcp', 'github', 'gitlab', 'hmac', 'html', 'http', 'https', 'imap', 'impl', 'init',
    'json', 'jwks', 'jwt', 'kafka', 'kube', 'kvp', 'kwargs', 'ldap', 'localhost', 'mailgun', 'mfa', 'mongo',
    'mongodb', 'msg', 'mtls', 'mysql', 'nack', 'nginx', 'oauth', 'oidc', 'org', 'otp', 'param', 'params', 'pem',
    'pkcs', 'postgres', 'quux', 'qux', 'redis', 'repo', 'req', 'res', 'rsa', 'saml', 'sendgrid', 'sha', 'signin',
    'signup', 'smtp', 'sql', 'src', 'ssh', 'ssl', 'sso', 'stg', 'str', 'tcp', 'tls', 'tmp', 'todo', 'totp', 'twilio',
    'udp', 'uri', 'url', 'userid', 'util', 'utils', 'uuid', 'webhook', 'xml', 'xsrf', 'yaml', 'yml',
)
# Shorter ones (and md5, whose digit keeps it out of identifiers) count where a key's words are shown:
# ``--explain`` prints ``key words: db password``, not ``… password``.
CODE_WORDS_SHORT = ('ca', 'db', 'fs', 'id', 'io', 'ip', 'ok', 'os', 'ui', 'ux', 'md5')


def dictionary() -> frozenset[str]:
    with open(WORDS_FILE, 'rb') as f:
        return frozenset(gzip.decompress(f.read()).decode('ascii').split())


@pytest.mark.parametrize('word', CODE_WORDS_3)
def test_a_code_word_makes_an_identifier_of_words(word: str) -> None:
    assert _identifier_of_words(f'{word}-handler')
    assert _identifier_of_words(f'{word.capitalize()}Handler')
    assert not _identifier_of_words('zqxv-handler')  # not a word: not an identifier of words


@pytest.mark.parametrize('word', CODE_WORDS_3 + CODE_WORDS_SHORT)
def test_a_code_word_is_shown_in_the_key_words(word: str) -> None:
    assert _shown_words((word, 'password')) == f'{word} password'
    assert _shown_words(('zqxv', 'password')) == '… password'


def test_code_words_are_those_the_dictionary_lacks() -> None:
    """A code word that the dictionary (data/words.txt.gz) already has would do nothing."""
    assert sorted(CODE_WORDS) == sorted(CODE_WORDS_3 + CODE_WORDS_SHORT)
    assert sorted(CODE_WORDS & dictionary()) == []


# Test-fixture words (values._FIXTURE_WORDS): ``admin2024`` is a fixture, not a password.
FIXTURE_WORDS = (
    'a', 'abc', 'account', 'admin', 'another', 'asdf', 'bad', 'bar', 'baz', 'changeme', 'correct', 'db', 'default',
    'demo', 'dev', 'dummy', 'email', 'example', 'fake', 'foo', 'good', 'guest', 'hello', 'incorrect', 'invalid',
    'local', 'login', 'mail', 'mock', 'my', 'name', 'new', 'old', 'one', 'other', 'pw', 'python', 'qux', 'qwerty',
    'root', 'sample', 'some', 'string', 'super', 'temp', 'test', 'tester', 'testing', 'the', 'three', 'tmp', 'top',
    'two', 'user', 'valid', 'value', 'very', 'world', 'wrong', 'xyz', 'your',
)


@pytest.mark.parametrize('word', FIXTURE_WORDS)
def test_a_fixture_word_and_digits_are_no_password(word: str) -> None:
    assert not_literal(f'{word}2024') == 'test or credential word'
    assert not_literal(f'{word.capitalize()}_Foo.2024') == 'test or credential word'


@pytest.mark.parametrize('word', ['api', 'key', 'pass', 'pwd', 'token', *FIXTURE_WORDS])
def test_a_fixture_word_makes_words_with_spaces_no_passphrase(word: str) -> None:
    """(Credential words are test words already in a value of their own; in a passphrase they are fixture words.)"""
    assert judge_passphrase(f'{word} orbit lantern meadow').reason == 'a sentence or a placeholder, not a passphrase'
    assert judge_passphrase('quartz orbit lantern meadow').reason == 'a passphrase of 4 words'


@pytest.mark.parametrize('value', ['s%e&c^r#e!t@', 'p%a&s^s#w!d@', 'm%y&p^a#s!s@w*o(r)d', 'u-s-e-r-n-a-m-e', 's%a&m^p#l!e@'])
def test_a_fixture_word_with_a_symbol_after_each_letter(value: str) -> None:
    assert not_literal(value) == 'a word with symbols between its letters'


# Words that name a setting, not a secret (values._NOT_SECRET_WORDS): ``password: inherit``.
NOT_SECRET_WORDS = (
    'admin', 'administrator', 'anonymous', 'argon2', 'argon2id', 'ascii', 'auto', 'automatic', 'base64', 'basic',
    'bcrypt', 'bearer', 'binary', 'builtin', 'cp1252', 'credential', 'credentials', 'decrypted', 'default',
    'development', 'digest', 'disabled', 'docker', 'enabled', 'encrypted', 'environment', 'external', 'generate',
    'generated', 'guest', 'hashed', 'hex', 'hidden', 'inherit', 'insecure', 'internal', 'invalid', 'iso-8859-1',
    'kerberos', 'keychain', 'keyring', 'latin1', 'latin2', 'ldap', 'local', 'localhost', 'manual', 'mariadb', 'masked',
    'md5', 'missing', 'mongo', 'mongodb', 'mysql', 'notset', 'nullable', 'oauth', 'oauth2', 'omitted', 'optional',
    'passwords', 'pbkdf2', 'plain', 'plaintext', 'postgres', 'postgresql', 'private', 'production', 'prompt', 'public',
    'rabbitmq', 'random', 'readonly', 'readwrite', 'redis', 'remote', 'required', 'root', 'saml', 'scrypt', 'secrets',
    'secure', 'sensitive', 'sha1', 'sha256', 'sha512', 'staging', 'stdin', 'string', 'text', 'tokens', 'unknown',
    'utf-16', 'utf-8', 'utf16', 'utf8', 'utf8mb3', 'utf8mb4', 'vault',
)


@pytest.mark.parametrize('word', NOT_SECRET_WORDS)
def test_a_configuration_word_is_no_secret(word: str) -> None:
    assert not_literal(word) == 'configuration word'


# One- and two-letter words (values._SHORT_WORDS) that may stand between the words of an identifier.
SHORT_WORDS = (
    'a', 'an', 'as', 'at', 'be', 'by', 'db', 'do', 'fs', 'go', 'i', 'id', 'if', 'in', 'io', 'is', 'it', 'js', 'me',
    'my', 'no', 'of', 'ok', 'on', 'or', 'os', 'py', 'rb', 'so', 'to', 'ts', 'ui', 'up', 'us', 'ux', 'v', 'we', 'x',
    'y', 'z',
)


@pytest.mark.parametrize('word', SHORT_WORDS)
def test_a_short_word_between_words_keeps_an_identifier(word: str) -> None:
    assert _identifier_of_words(f'{word}-handler')
    assert not_literal(f'session-{word}-handler') == 'identifier made of words'
    assert not _identifier_of_words('qj-handler')


@pytest.mark.parametrize('word', ['testing', 'tests', 'test', 'demo', 'dev', 'dummy', 'sample', 'mock', 'fake', 'example'])
def test_a_name_and_a_test_word(word: str) -> None:
    """``acmetest``, ``alicedemo``: a name (no dictionary word needed) and a test word."""
    assert not_literal(f'acme{word}') == 'test or credential word'
    assert not_literal(f'zq{word}') is None and not_literal(f'zqxvbnmrt{word}') is None  # a name of 3 to 8 letters

"""The value judge (leakstop.generic.values): its vocabularies, each entry with a value it judges differently."""
from __future__ import annotations

import base64
import gzip
import string

import pytest

import fakes
from leakstop.config import Config
from leakstop.engine import RuleSet

from leakstop.generic import _shown_words
from leakstop.generic.values import (
    CODE_WORDS,
    RANDOM_TOKEN_MIN_LENGTH,
    WORDS_FILE,
    _identifier_of_words,
    assigned_password,
    assigned_token,
    judge_passphrase,
    judge_value,
    mean_word_length,
    not_literal,
    random_token,
    shannon_entropy,
    url_password,
    word_share,
)

# Words of code and configuration the dictionary lacks (values.CODE_WORDS), of three letters or more:
# ``config-handler`` is an identifier made of words, so no secret.
CODE_WORDS_3 = (
    'ack', 'aes', 'api', 'args', 'async', 'auth', 'aws', 'baz', 'bool', 'cas', 'cert', 'certs', 'cfg', 'cli', 'cmd',
    'conf', 'config', 'crm', 'crt', 'csr', 'csrf', 'ctx', 'datadog', 'der', 'dest', 'dev', 'dns', 'docker', 'dst',
    'env', 'facebook', 'fixme', 'gcp', 'github', 'gitlab', 'hmac', 'html', 'http', 'https', 'imap', 'impl', 'init',
    'json', 'jwks', 'jwt', 'kafka', 'kube', 'kvp', 'kwargs', 'ldap', 'localhost', 'mailgun', 'mfa', 'mongo',
    'mongodb', 'msg', 'mtls', 'mysql', 'nack', 'nginx', 'oauth', 'oidc', 'openid', 'org', 'otp', 'param', 'params', 'pem',
    'pkcs', 'postgres', 'quux', 'qux', 'redis', 'repo', 'req', 'res', 'rsa', 'saml', 'sendgrid', 'sha', 'signin',
    'signup', 'smtp', 'sql', 'src', 'ssh', 'ssl', 'sso', 'stg', 'str', 'tcp', 'tls', 'tmp', 'todo', 'totp', 'twilio',
    'udp', 'uri', 'url', 'userid', 'util', 'utils', 'uuid', 'webhook', 'xml', 'xsrf', 'yaml', 'yml',
)
# Shorter ones (and md5, whose digit keeps it out of identifiers) count where a key's words are shown:
# ``--explain`` prints ``key words: db password``, not ``… password``.
CODE_WORDS_SHORT = ('ca', 'db', 'fs', 'id', 'io', 'ip', 'ok', 'os', 'ui', 'ux', 'md5')
_POINT = bytes.fromhex(fakes.rand('0123456789abcdef', 128, 'ec-point'))  # X and Y of a made-up point


def _b64url(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).rstrip(b'=').decode()


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
    assert not_literal(f'zqx{word}') == 'test or credential word' and not_literal(f'zqxvbnmr{word}') == 'test or credential word'


# Why a value is no literal secret: every check of values._CHECKS, in its order, with values it holds for.
@pytest.mark.parametrize(('value', 'reason'), [
    ('', 'empty'), ('pässwört99', 'not ASCII'), ('correct horse', 'contains spaces'),
    ('${DB_PASSWORD}', 'reference or template'), ('%(pw)s', 'reference or template'),
    ('process.env.NODE_ENV', 'reference or template'),
    ('3600', 'number, version or date'), ('1.2.3', 'number, version or date'), ('v2.0.1', 'number, version or date'),
    ('0xdeadbeef', 'number, version or date'), ('2016-09-24T16:18:07Z', 'number, version or date'),
    ('https://auth.acme.io/token', 'URL'), ('github.com/acme/tool/v8/x', 'URL'), ('www.acme.io', 'URL'),
    ('user@acme.io', 'e-mail address'),
    ('/etc/secret.key', 'path'), ('./secrets.json', 'path'), ('~/keys/id', 'path'), ('C:\\keys\\server.key', 'path'),
    ('run/secrets/db_password', 'path'),
    # held-out 56-59: a route, IP networks, a token's prefix alone, a CryptoAPI SIMPLEBLOB (an encrypted session key)
    ('/auth/regCaptcha', 'path'), ('/api/v1/Users', None),  # (a digit in a segment: not a route of letters)
    ('172.17.0.0/16,10.0.2.0/24', 'IP addresses'), ('10.0.0.1/8;192.168.1.0/24', 'IP addresses'), ('10.0.0.1,abc', None),
    ('whsec_', 'a token prefix alone'), ('sk-', 'a token prefix alone'),
    ('AQIAAAFmAAAApAAA' + 'q7Zk2mVx9Rt4Lp8WbN3c' * 5, 'encrypted session key'), ('AQIAAAFmAAAApAAA', None),
    ('credentials.json', 'file name'), ('server.pem', 'file name'), ('Server.P12', 'file name'),
    ('settings.SECRET_KEY', 'dotted name'), ('request.user.name', 'dotted name'), ('obj.getSecret()', 'dotted name'),
    ('DB_PASSWORD', 'constant name'), ('ML-DSA-44', 'constant name'), ('AES-256-GCM', 'constant name'),
    ('OAuth2\\Storage\\Pdo', 'class name'), ('com.acme2.Secrets', 'class name'),
    ('db-01.acme.internal', 'host name'), ('vault-2.example.com', 'host name'),
    ('getSecret()', 'code'), ('+encodeURIComponent(x)+', 'code'), ('Credentials::new(', 'code'),
    # held-out 84 and 86: a tox environment's pinned dependency, a console script's entry point; held-out 87: one
    # 12-hex group three times
    ('langchain-community==0.0.38', 'package and version'), ('httpx>=0.28.1,<1', 'package and version'),
    ('pkg==2.0.0rc1', 'package and version'), ('Kq7mZx2w==1.Tr9vXp4Lm', None), ('Kx9m>=4.qZ7w', None),  # (20th review, 03)
    ('datalad.local.gitcredential:git_credential_datalad', 'entry point (module:function)'),
    ('k9xqt7vlp2m:k9Xqt7vLp2mW', None), ('Zq8bX3nR5tY7==k9', None),
    ('136020D511BF136020D511BF136020D511BF', 'repeated chunk'), ('136020D511BF136020D511BF136020D5', None),
    ('Tq9(xLm8#Zp4vW', None), ('ukHZzrv(}jOX', None),  # random, a ( among them (eighteenth hostile review, break 05)
    ('f.toPM(A.Heading1)', 'code'), ('parseJSONData(x)', 'code'), ('foo(b]c', 'code'),  # held-out 82 and 78 then
    # a call's name reads as one: random letters or humps before a ( are a password (twenty-first hostile review, 03)
    ('bytij(1V9JRE', None), ('uxs(A0QXn>vz', None), ('VmtGb(|SaB1r', None), ('gZDSFS(805vu', None),
    ('HGAJ([/LdV>kN@}U', None), ('+RznCU2JsK(7,eeP', None), ('getURL(x)', 'code'),
    ('COALESCE(a', 'code'), ('+getName(', 'code'), ('self.get_secret(x', 'code'), ('tuple(sys.argv[3:])', 'code'),
    ('+token+', 'code'), ('+user.name+', 'code'), ('+getName()', 'code'), ('x)+', 'code'),  # a concatenation read between two strings
    ('+k9XqT7#vLp2mWz', None), ('k9XqT7#vLp2mW+', None), ('+k9XqT7vLp2mWz', None),  # (seventeenth review, 02's sibling)
    ('(ConvertTo-SecureString', 'code'), ('(Get-Credential', 'code'), ('(Secr3t-x9', 'contains the word password'),  # a cmdlet opened; a password (secret in leetspeak: held-out 103)
    # held-out 76: PowerShell's cmdlets, AD distinguished names and SIDs; held-out 79: NKey public keys, Mailgun's
    # public validation key, NATS credentials files
    ('Get-SCRunAsAccount', 'PowerShell cmdlet'), ('ConvertTo-SecureString', 'PowerShell cmdlet'), ('Got-SCRunAs9', None),
    ('CN=User01,OU=Users,DC=contoso,DC=com', 'directory name or security identifier'),
    ('S-1-5-21-3623811015-3361044348-30300820-1013', 'directory name or security identifier'), ('S-1-Xq9Lm', None),
    ('UDUWMJSEZK6Y6BJHQN7YXTLKPEQLODGNMQTONKHVT3DZANXFH5XYOJZW', 'a key public by design'),  # its CRC-16 holds
    ('UDUWMJSEZK6Y6BJHQN7YXTLKPEQLODGNMQTONKHVT3DZANXFH5XYOJZA', None),  # one character changed: no NKey
    ('pubkey-5ogiflzbnjrljiky49qxsiozqef5jxp7', 'a key public by design'),
    ('nsc/nkeys/creds/KO/A/test.creds', 'file name'), ('/creds/NGS.creds', 'file name'),
    ('),d?O().createElement(', 'code'), ('),U?Re.createElement(', 'code'), (')x9Kq2Lm7Vb', None),  # held-out 78
    ("%20!%22$%&'()*+,-.%3A%3B%3C%3D%3E%40%5B%5C%5D%5E_%60%7B%7C%7D~", 'punctuation'),  # held-out 78: URL test vectors
    ('123<>!@#$%^&*()-_+=', 'punctuation'), ('!@#$%^&*()', 'punctuation'),  # held-out 77
    ('!@#$%^&*()x9K', None), ('%21%40a7Kq9%23', None), ('12<>9!@#', None),
    ('{"RefreshToken":', 'JSON text or an elided value'), ('12345-st..Ek', 'JSON text or an elided value'),
    ('whsec_...', 'JSON text or an elided value'),
    ('Password', 'capitalized word'), ('Passwort', 'capitalized word'),
    ('$2b$12$abcdefghijklmnopqrstuv', 'hash or key of another kind'), ('pbkdf2_sha256$x', 'hash or key of another kind'),
    ('eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.x', 'hash or key of another kind'),
    ('sha256-abc', 'hash or key of another kind'), ('SHA512:abc', 'hash or key of another kind'),
    # factory passwords their vendors document (held-out 90: Nokia's network operating systems, as Oracle's tiger)
    ('NokiaSrl1!', 'a documented default password'), ('NokiaSros1!', 'a documented default password'),
    ('tiger', 'a documented default password'), ('NokiaSrl7!', None),
    ('(?:key|pwd)', 'regular expression'), ('.*secret.*', 'regular expression'), ('\\d+x', 'regular expression'),
    ('[^/]+/[^/]+', 'regular expression'), ('^[a-z0-9]+$', 'regular expression'), ('(?i)token', 'regular expression'),
    ('^(foo|bar)$', 'regular expression'),
    # one sign of a pattern among random characters is chance (twenty-first hostile review, break 01)
    ('Jq7Lw.*kP3vZx9Rm', None), ('xT4[^mQ9zL2wK7pR', None), ('Wm3(?vK8qZ1xT6nB', None), ('hR5(xJ|2mQ)8vLz4K', None),
    ('Vq7#Lm2\\d-Xz9!Kp', None), ('Tz8)?Wk3\\.Rb5mQ', None), ('Kx9^mQ2vL7pW4Zq$', None),  # (twenty-second, 01)
    ('(?=.*[A-Z])(?=.*\\d).{8,}', 'regular expression'), ('^(\\w+)\\.example\\.com$', 'regular expression'),
    ('inherit', 'configuration word'), ('BEARER', 'configuration word'),
    ('HS256', 'algorithm name'), ('rs512', 'algorithm name'), ('A256GCM', 'algorithm name'),
    ('PBKDF2WithHmacSHA256', 'algorithm name'), ('scram-sha-256', 'algorithm name'),
    ('caching_sha2_password', 'algorithm name'),
    ('ChaCha20-Poly1305', 'algorithm name'), ('Ed25519', 'algorithm name'), ('X25519', 'algorithm name'),
    ('aes-256-cbc', 'algorithm name'),
    ('PBES2-HS256+A128KW', 'algorithm name'), ('Ed448', 'algorithm name'), ('A128KW', 'algorithm name'),
    ('p%a&s^s#w!o@r*d', 'a word with symbols between its letters'),
    ('s%e&c^ret', 'a word with symbols between its letters'),  # a third of it symbols, at least
    ('s%e&c^re', None), ('p%a&s^s#w!o@r*d1', None),  # five letters; a digit
    ('s%e&cret', None),  # a quarter of it symbols: too few
    ('AAAAB3NzaC1yc2EAAAADAQABAAABAQC7', 'public key blob'),
    ('0024000004800000940000000602000000240000525341310004000001000100' + 'ab' * 100, 'public key blob'),
    ('TQ7PB-HDRK4-YVCX2-MWJ8G-3FKPN', 'Windows product key'),  # made up, in the keys' alphabet
    ('TQ7PB-HDRK4-YVCX2-MWJ8G', None), ('TQ7PB-HDRK4-YVCA2-MWJ8G-3FKPN', None),  # four groups; an A
    (_b64url(b'\x04' + _POINT), 'EC public key point'),  # a Web Push p256dh (held-out 20)
    (base64.b64encode(b'\x04' + _POINT).decode(), 'EC public key point'),
    (_b64url(b'\x05' + _POINT), None), (_b64url(_POINT), None),  # no 0x04 first; 64 bytes
    ('d4Qx8Rk2Lm9' + 'Z' * 11 + ':APA91b' + 'x7Kq' * 34, 'push registration token'),  # made up, held-out 20
    ('/private/var/folders/xm/974bx_2j3c/T/p-it-vpc-6ebdb3f6', 'path'),  # macOS temp dir, a recorded test's pwd (held-out 29)
    ('/nix/store/9x7k2m-openssl-3.0.13', 'path'), ('/Users/ci/work/app', 'path'),
    ('EC-7RA49213JD8842215', 'PayPal checkout token'), ('EC-7RA49213JD884221', None),  # held-out 11, 28; 16 after EC-
    ('AAAAx8Rk2Lm:APA91b' + 'x7Kq' * 34, None),  # FCM's legacy server key: a secret (its own rule's)
    ('p256ecdsa=', 'parameter name'), ('key_id=', 'parameter name'),  # joined to a value after the literal
    ('QUJDREVGR0g=', None), ('XlII3JUaEZldVg=', None),  # base64 of 8 bytes; mixed case: base64 cut short
    ('apk_user_' + 'Q7vR2xK9pL4sT8wZ' * 8 + 'DhkMjNkODg=', None),  # a long run: a key, not a name
    ('test123', 'test or credential word'), ('mypassword2', 'test or credential word'),
    ('acmetest', 'test or credential word'), ('xxxsecret', 'test or credential word'),
    ('SomeKindOfPassword123!@#', 'contains the word password'),
    ('qwqwqwqw', 'repeated chunk'),
    ('required|string|min:12', 'framework value'), ('sk_test_xxx', 'framework value'),
    ('abcd1234efgh5678', 'counting pattern'), ('A1b2c3d4', 'counting pattern'),
    ('Qbcde7123x', 'counting pattern'), ('Zq4567bcdx', 'counting pattern'),  # one run of 4, the other of 3
    ('00112233445566778899aabbccddeeff', 'counting pattern'),  # each character twice, counting (held-out 42: errbot's docs)
    ('aabbccddeeff00112233', 'counting pattern'), ('Xk9mQQ2vvL7pW4', None),
    ('abcd1234Zq8bX3nR5tY7uV9wK', 'counting pattern'),  # abcd and 1234 in a value of any length
    ('Zq8abcdX3nR5tY7uV9w', None),  # abcd alone
    ('@!#%^&*-', 'punctuation'),  # symbols only: no counting pattern, no fixture word; no one's password
    ('uvwxyzQ9', 'alphabet run'), ('x123456Q', 'alphabet run'),
    ('fully_charged', 'identifier made of words'), ('register-wrong-format', 'identifier made of words'),
    ('NextMarker', 'identifier made of words'),
    ('zqxv_kqpt-state-metrics', 'identifier made of words'),  # a lowercase resource name: half its parts words
    ('zqxv_wbnm', None), ('zqxv-kqpt-wbnm-metrics', None),
    ('Cs:mountain_pass', 'identifier made of words'),  # two words and an abbreviation (a third of the parts)
    ('q-handler', None),  # a letter that is no word
    ('XYLOPHONE', None),  # a word in capitals, no leetspeak
    ('h3ll0w0rld', 'words in leetspeak'), ('pa33w0rd', 'contains the word password'),  # 3 for s too (held-out 42; the word first: held-out 103)
    ('f00b@r', 'words in leetspeak'), ('S0meP@ss', 'words in leetspeak'), ('0th3rP@ss', 'words in leetspeak'),
    ('r@nd0m', 'words in leetspeak'), ('t3st1ng', 'words in leetspeak'),  # 1 for i
    ('P@ssw0rd$1', 'contains the word password'), ('thisIsDog11', None), ('Qwerty!2345', None), ('Admin@123', None),  # ending in a number
    ('F7E12B7D46F522E29AC97F2BF6B0B0B3F021EE6E', 'fingerprint (uppercase SHA-1 hex)'),
    ('Xk9mQ2vL7pW4', None), ('1234567890123456789012345678901234567890', 'number, version or date'),
    ('passkeys?.find((pk', 'code'), ('Clerk.user?.passkeys', 'code'),  # optional chaining (held-out 23's docs)
    ('Xk9?.mQ2vL7pW4', None),
    # held-out 39/36: a decimal modulus after a tuple's bracket, a PGP fingerprint or Ethereum address (0x, 40 hex)
    ('(' + '5037' * 40, 'number, version or date'),
    ('0x68e0e70bae8336aa0ba08f70ae501dd0abb7ea4d', None),  # 0x and 40 hex: an hCaptcha secret key as well as an address
    # ANSI codes as source writes them (held-out 11: frappe_docker's CRED = "\033[31m", a colour, not a credential)
    ('\\033[31m', 'terminal escape sequence'), ('\\x1b[1;32m', 'terminal escape sequence'),
    ('\\u001b[0m', 'terminal escape sequence'), ('\\e[K', 'terminal escape sequence'),
])
def test_why_a_value_is_no_literal(value: str, reason: str | None) -> None:
    assert not_literal(value) == reason


# The scores of literals at the bounds of each branch of the value judge: (randomness, human password, shape).
@pytest.mark.parametrize(('value', 'randomness', 'human', 'shape'), [
    ('kc5fJGmcGbweumJR', 0.9, 0.8, '16 chars, 3 classes'),  # 16 characters: generated material at its shortest
    ('Zq8bX3nR5tY7uV9', 0.75, 0.8, '15 chars, 3 classes'),  # one less: the next branch
    ('aQ7!aQ3x', 0.65, 0.8, '8 chars, 4 classes'),  # entropy 2.5 exactly (two characters twice, four once)
    ('aQ7!aQ7x', 0.0, 0.8, '8 chars, 4 classes'),  # entropy 2.25
    ('kqzvXbnm', 0.0, 0.6, '8 chars, 2 classes'),  # 8 letters, no word: made up
    ('kqzvXbn', 0.0, 0.0, '7 chars, 2 classes'),
    ('Xk9mQ2', 0.0, 0.8, '6 chars, 3 classes'), ('Xk9mQ', 0.0, 0.0, '5 chars, 3 classes'),  # 6 characters or more
    ('zqxv-kqpt-wbnm', 0.75, 0.7, '14 chars, 2 classes'),  # two classes are enough from 10 characters
    ('xkqzvbnmtrspdogcatsun', 0.0, 0.6, '21 chars, 1 classes'),  # one class: its words (43%) are too many
    ('zqxvwbnmkqptrsdf', 0.9, 0.6, '16 chars, 1 classes'),  # lowercase letters run together
    ('3f2b8c4e-1d7a-4b9e-8f6c-2a5d9e7b1c3f', 0.9, 0.8, 'uuid'),
])
def test_the_scores_at_the_bounds(value: str, randomness: float, human: float, shape: str) -> None:
    judged = judge_value(value)
    assert (judged.randomness, judged.human_password, judged.reason) == (randomness, human, shape)


@pytest.mark.parametrize(('value', 'share'), [
    ('fully_charged', 1.0), ('zqxv', 0.0), ('1234', 0.0), ('', 0.0), ('refreshXq', 7 / 9),
])
def test_word_share(value: str, share: float) -> None:
    assert word_share(value) == pytest.approx(share)
    assert judge_value('Xk9mQ2vL7pW4').words == 0.0 and judge_value('refreshXq7!').words == 0.78


@pytest.mark.parametrize(('value', 'reason'), [
    (base64.b64encode(b'{password}').decode(), 'base64 of text: reference or template'),
    ('eyJhbGciOiJIUzI1NiJ9', 'base64 of text: a JWT header'),
    (base64.b64encode(b'deploy:hunter\n').decode(), 'base64 of text: identifier made of words'),  # echo … | base64
])
def test_base64_of_text(value: str, reason: str) -> None:
    assert judge_value(value).reason == reason


SAS = 'sp=racwl&st=2024-09-13T01:11:06Z&se=2024-12-30T09:11:06Z&spr=https&sv=2022-11-02&sr=c&sig='


@pytest.mark.parametrize(('value', 'randomness', 'reason'), [
    (SAS + 'abcd', 0.0, 'a query string: 4 chars, 1 classes'),  # held-out 36: an expiry-parsing test's SAS token
    (SAS + 'Xk9mQ2vL7pW4Zq8bX3nRa%2BkQ9mL2vX7pW4Zq8bX3nR%3D', 0.9, 'a query string: 43 chars, 4 classes'),
    ('?sv=2022-11-02&ss=b&srt=co&sp=r&se=2024-12-30', 0.0, 'a query string without a secret parameter'),
    ('client_id=acme&scope=read&client_secret=Xk9mQ2vL7pW4Zq8bX3nR', 0.9, 'a query string: 20 chars, 3 classes'),
])
def test_a_query_string_is_judged_by_its_secret_parameters(value: str, randomness: float, reason: str) -> None:
    judged = judge_value(value)
    assert (judged.randomness, judged.reason) == (randomness, reason)


@pytest.mark.parametrize(('value', 'reason'), [
    # held-out 39 (a scanner's fixtures): a marker word beside words or the base64 of text is made up
    (base64.b64encode(b'qwerty').decode() + '_HARDcoded', 'a marker word (hardcoded) and base64 of text: test or credential word'),
    ('Fake' + base64.b64encode(b'deploy hunter').decode().rstrip('='), 'a marker word (fake) and base64 of text: contains spaces'),
    ('Xk9mQ2vL7pW4Zq8bX3nR_fake', None),  # a marker word beside generated material: still a key
    ('hardcodedXk9mQ2vL7pW4Zq8bX3nR', None),
    ('fakeroot', None),  # a marker word and too little else: judged as a whole
])
def test_a_marker_word_beside_words_is_made_up(value: str, reason: str | None) -> None:
    judged = judge_value(value)
    assert judged.reason == reason if reason else not judged.reason.startswith('a marker word')
    assert (judged.randomness == 0.0) if reason else True


def test_the_length_bounds_of_assigned_values() -> None:
    token = fakes.rand(fakes.ALNUM, 1000, 'long')
    assert assigned_token(token) and assigned_password(token)
    assert not assigned_token(token + 'Q') and not assigned_password(token + 'Q')  # over 1,000 characters


def test_random_token() -> None:
    """A template's value judged without its key (block-env-files): 20 random characters or more."""
    assert RANDOM_TOKEN_MIN_LENGTH == 20
    assert random_token('Zq8bX3nR5tY7uV9wK2mL') and not random_token('Zq8bX3nR5tY7uV9wK2m')
    assert mean_word_length('MyAppName') == 3.0 and mean_word_length('ab12Cd') == 2.0 and mean_word_length('123') == 0.0
    assert not random_token('MyApplicationNameVersion2')  # words


@pytest.mark.parametrize(('value', 'randomness', 'human', 'reason'), [
    ('abc123Zq8bX3nR5tY', 0.9, 0.8, '17 chars, 3 classes'),  # abc and 123 in a value over 16: no counting pattern
    ('abcd1234Zq8bX3nR5tY', 0.0, 0.0, 'counting pattern'),  # abcd and 1234 in any
    ('Admin@123', 0.0, 0.8, '9 chars, 4 classes'),  # a word, a symbol and digits: a password a person chose
    ('admin123', 0.0, 0.0, 'test or credential word'), ('admin!', 0.0, 0.0, 'test or credential word'),
    ('Cs:Key:mountain_pass', 0.0, 0.0, 'identifier made of words'),  # words and an abbreviation
    ('AcmeIsCool', 0.0, 0.0, 'identifier made of words'),  # a phrase with one name
    ('93!7#2@8', 0.0, 0.6, '8 chars, 2 classes'),  # no letter: 8 characters of two classes
    ('93!7#2', 0.0, 0.0, '6 chars, 2 classes'),
    ('93!7#2@8' + '1' * 57, 0.0, 0.0, '65 chars, 2 classes'),  # over 64: no password a person typed
    ('6c65746d65696e3939', 0.0, 0.7, 'base64 of text: 9 chars, 2 classes'),  # the hex of letmein99
    ('586b396d5132764c37705734', 0.75, 0.8, 'base64 of text: 12 chars, 3 classes'),  # the hex of a password
    ('my-key:Zq8bX3nR5tY7uV9wK2mL4pQ', 0.9, 0.8, '30 chars, 4 classes'),  # a named key (MinIO KMS)
])
def test_judgements(value: str, randomness: float, human: float, reason: str) -> None:
    judged = judge_value(value)
    assert (judged.randomness, judged.human_password, judged.reason) == (randomness, human, reason)


def test_shannon_entropy() -> None:
    assert (shannon_entropy(''), shannon_entropy('aaaa'), shannon_entropy('aabb'), shannon_entropy('abcd')) == (0.0, 0.0, 1.0, 2.0)


@pytest.mark.parametrize(('value', 'reason', 'human'), [
    ('quartz orbit lantern meadow', 'a passphrase of 4 words', 0.7),
    ('quartz orbit lantern', 'not a passphrase of words', 0.0),  # three words
    ('ab cd ef gh ij kl', 'not a passphrase of words', 0.0),  # under 20 characters
    ('Quartz orbit lantern meadow', 'not a passphrase of words', 0.0),  # lowercase words only
    ('enter your passphrase here', 'a sentence or a placeholder, not a passphrase', 0.0),
])
def test_judge_passphrase(value: str, reason: str, human: float) -> None:
    judged = judge_passphrase(value)
    assert (judged.reason, judged.human_password, judged.randomness) == (reason, human, 0.0)


def test_url_password_is_percent_decoded() -> None:
    assert url_password('Xk9mQ2vL%407pW4') and not url_password('%24%7BPASS%7D')  # ${PASS}: a reference


@pytest.mark.parametrize(('value', 'token'), [
    ('d41d8cd98f00b204e9800998ecf8427e', True), ('d41d8cd98f00b204e9800998ecf8427', False),  # hex: 32 or more
    ('3f2b8c4e-1d7a-4b9e-8f6c-2a5d9e7b1c3f', False),  # a UUID: an identifier
    ('Zq8bX3nR5tY7uV9wK2mL!', False),  # not token characters
    ('Zq8bXqnRatYbuVcwKdmLe', True),
    ('ZqxbXqnRatYbuVcwKdmLe', False),  # no digit
    ('aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa', False),  # hex of no entropy
])
def test_random_token_table(value: str, token: bool) -> None:
    assert random_token(value) is token


@pytest.mark.parametrize('value', [
    'Acmewidget_abc123', 'Acmewidget_inherit', 'ACME_qwqwqwqw', 'ACME_h3ll0w0rld', 'glx_qwerty42',
    'Acmewidget_Qbcde7123xzqvk',  # a counting pattern after the prefix (the whole is too long for one)
])
def test_a_prefix_and_words(value: str) -> None:
    """A vendor-style prefix and then words, a counting pattern or a repeated chunk: no generated material."""
    assert not_literal(value) is None
    assert judge_value(value).reason == 'a prefix and words'


def test_the_hex_of_text_is_printable_ascii() -> None:
    assert judge_value('6c65746d65696e39').reason.startswith('base64 of text: ')  # letmein9
    assert judge_value('6c65746d65696e397f').reason == '18 chars, 2 classes'  # DEL is no text


def test_a_passphrase_of_20_characters() -> None:
    assert judge_passphrase('quartz orbit lamp ox').reason == 'a passphrase of 4 words'
    assert judge_passphrase('quartz orbit lamp o').reason == 'not a passphrase of words'


def test_judgements_are_remembered() -> None:
    assert judge_value('Zq8bX3nR5tY7uV9wK2mLq') is judge_value('Zq8bX3nR5tY7uV9wK2mLq')


def test_base64_without_its_padding() -> None:
    """Unpadded base64 (URL-safe tokens drop the '='): 11 bytes, 15 characters, one '=' added back."""
    assert judge_value(base64.b64encode(b'letmein99!x').decode().rstrip('=')).reason.startswith('base64 of text: ')


# --- a token typed along the keyboard rows (held-out 10: oauthlib's docs and tests) -----------------------
@pytest.mark.parametrize('value', ['sldafh309sdf', 'askfjh234as9sd8', 'qwe089234lkjsdf', 'lsdkfhj230',
                                   'WYasdfJp4sdfasdf1234', 'asdfasdf', 'zxcvbnm12345', 'POIUYTqwerty'])
def test_letters_that_stay_on_one_keyboard_row_are_typed(value: str) -> None:
    from leakstop.generic.values import judge_value, typed_along_rows
    assert typed_along_rows(value)
    judged = judge_value(value)
    assert judged.typed and 'typed along the keyboard rows' in judged.reason or judged.randomness == 0.0  # (letters alone)


@pytest.mark.parametrize('value', [
    'kjfch2345sdf',  # 4 of 6 pairs on one row: could be chance
    'qwerty1',  # 5 pairs: too few to tell
    'deadbeefcafe0123',  # hex: its letters are not random over the rows
    '2YotnFZFEjr1zCsicMWpAA', 'tGzv3JOkF0XG5Qx2TlKWIA',
])
def test_letters_that_change_rows_or_too_few_to_tell_are_not_typed(value: str) -> None:
    from leakstop.generic.values import typed_along_rows
    assert not typed_along_rows(value)


def test_few_generated_tokens_are_taken_for_typed() -> None:
    """The chance bound holds on generated tokens: of 4,000 seeded random tokens of 12-40 characters in
    three alphabets, at most 1 in 500 is taken for typed (the bound is 1 in 500 per token)."""
    from leakstop.generic.values import typed_along_rows
    alphabets = (fakes.ALNUM, fakes.B64, 'abcdefghijklmnopqrstuvwxyz0123456789')
    tokens = [fakes.rand(alphabets[i % 3], 12 + i % 29, ('typed', i)) for i in range(4000)]
    assert sum(map(typed_along_rows, tokens)) <= 8



@pytest.mark.parametrize('alphabet', [
    string.ascii_lowercase, string.ascii_lowercase + string.digits, fakes.HEX, fakes.HEX.upper(), string.ascii_uppercase,
    fakes.UPPER_DIGITS, fakes.ALNUM, fakes.ALNUM + '!@#$%^&*',
], ids=['lower', 'lower+digits', 'hex', 'HEX', 'upper', 'upper+digits', 'alnum', 'alnum+symbols'])
def test_few_random_passwords_are_taken_for_built_from_words(alphabet: str) -> None:
    """Of 3,000 seeded random passwords of 8, 10 and 12 characters in each common alphabet, at most 6 (1 in 500) are
    built from words ([score] human_of_words: no finding). One word of four letters in them, as written or with digits
    read as letters, took 1 in 60-110 lowercase+digit, hex and upper-case+digit ones (seventeenth hostile review,
    break 01: 7burpxkt, k7m2wolf, 1ead8f06)."""
    from leakstop.generic.values import built_from_words
    values = [fakes.rand(alphabet, (8, 10, 12)[i % 3], ('words', alphabet, i)) for i in range(3000)]
    assert sum(built_from_words(v, judge_value(v)) for v in values) <= 6

@pytest.mark.parametrize(('line', 'found'), [
    ("access_token = 'askfjh234as9sd8'\n", []),  # a token is generated: typed, it is an example
    ("api_key: sldafh309sdfWq\n", []),
    ("password = 'askfjh234as9sd8'\n", ['generic-password']),  # a person types a password: still one
    ("access_token = 'Zq8bX3nR5tY7uV9w'\n", ['generic-token']),  # generated
])
def test_a_typed_value_is_no_token_but_may_be_a_password(line: str, found: list[str], ruleset: RuleSet, default_config: Config) -> None:
    from leakstop.scan import scan_data
    assert [f.rule_id for f in scan_data(line.encode(), 'settings.py', ruleset=ruleset, config=default_config)] == found


# --- a JWT broken on purpose (held-out 10: jsonwebtoken's negative tests) --------------------------------
_JWT = fakes.jwt(seed='malformed')
_HEADER, _PAYLOAD, _SIG = _JWT.split('.')


@pytest.mark.parametrize(('value', 'malformed'), [
    (f'badz.{_PAYLOAD}.sig', True),  # no header
    (f'{_HEADER}.badz.sig', True),  # no payload
    (f'{_HEADER}.{_PAYLOAD}.{_SIG}', False),  # a token
    (f'{_HEADER}.{_PAYLOAD}.sig', False),  # a token with a fake signature is still a token
    (f'{_HEADER}.{_PAYLOAD}.', False),  # unsigned (alg none)
    ('abc.def.ghi', False),  # no eyJ part: not a JWT's shape
    ('Zq8bX3nR5tY7uV9wK2mL4pQ', False),
])
def test_a_jwt_whose_header_or_payload_does_not_parse(value: str, malformed: bool) -> None:
    from leakstop.generic.values import judge_value, malformed_jwt
    assert malformed_jwt(value) is malformed
    if malformed:
        assert judge_value(value).reason == 'a JWT whose header or payload does not parse'


def test_a_broken_jwt_in_a_test_is_no_finding(ruleset: RuleSet, default_config: Config) -> None:
    from leakstop.scan import scan_data
    broken = f'    let token = "badz.{_PAYLOAD}.sig";\n    let other = "{_HEADER}.badz.sig";\n'
    assert scan_data(broken.encode(), 'tests/dangerous.rs', ruleset=ruleset, config=default_config) == []
    good = f'    let token = "{_JWT}";\n'
    assert [f.rule_id for f in scan_data(good.encode(), 'tests/dangerous.rs', ruleset=ruleset, config=default_config)] == ['jwt']


@pytest.mark.parametrize('value', ['@neilalexander:matrix.org', '!AbCdEfGhIjK:example.org', '#ops:chat.example.org:8448',
                                   '$Bj0xK3m9QvLz:kaer.morhen'])
def test_a_matrix_identifier_is_a_name(value: str) -> None:
    """A Matrix user, room, alias or event id with its server (held-out 92: test events under ``state_key``)."""
    assert not_literal(value) == 'Matrix identifier (a sigil, a name, a server)'


@pytest.mark.parametrize('value', ['Xk9@qL:mz.io', '@Xk9qLm2v:Tz', '$2b$12$abc:x'])
def test_a_password_with_an_at_and_a_colon_is_no_matrix_identifier(value: str) -> None:
    assert not_literal(value) != 'Matrix identifier (a sigil, a name, a server)'


def test_the_base64_of_lines_of_prose_is_text() -> None:
    """base64 of "you shall not pass", twice, one a line: a joke token in ngrok's examples (held-out 95); the base64 of
    a configuration's lines (an .npmrc with its token) is judged as before, as random material."""
    import base64
    prose = base64.b64encode(b'you shall not pass\nyou shall not pass').decode()
    assert judge_value(prose).reason == 'base64 of text: contains spaces'
    npmrc = base64.b64encode(b'//registry.npmjs.org/:_authToken=' + fakes.rand(fakes.ALNUM, 36, 'npmrc-b64').encode()
                             + b'\nalways-auth=true').decode()
    assert judge_value(npmrc).randomness >= 0.75


@pytest.mark.parametrize('value', ["t('TXT_CODE_551b0348')", "$t('login.password')", '__("Password")', "i18n.t('auth.pw')"])
def test_a_translation_call_is_code(value: str) -> None:
    """A translation function and its message key, a Vue label beside a password field (held-out 93)."""
    assert not_literal(value) == 'code'


@pytest.mark.parametrize('value', ["t('Xk9qLm2v", "Tq('Xk9qLm2v')x", "t(Xk9qLm2v)"])
def test_a_password_opening_with_t_is_no_translation_call(value: str) -> None:
    assert not_literal(value) != 'code'


@pytest.mark.parametrize('value', ['$9$nhEmQVczB7dqsO$X.HsgL6x1il0RxkOSSvyQYwucySCt7qFm4v7pqCxkKM',
                                   '$8$dsYGNam3K1SIJO$7nv/35M/qr6t.dVc7UY9zrJDWRVqncHub1PE9UlMQFs',
                                   '$14$dsYG$Nam3K1SIJO7nv35Mqr6tdVc7UY9zrJDWRVqncHub1PE9UlMQFs'])
def test_a_cisco_type_8_9_or_14_hash_is_no_clear_text(value: str) -> None:
    """A Cisco scrypt, PBKDF2 or sha256 hash after `secret` is a hash of another kind (twenty-ninth hostile review, 03)."""
    assert not_literal(value) == 'hash or key of another kind'


@pytest.mark.parametrize(('value', 'reason'), [
    # held-out 97: filler a test writes (a slice of the HS256 JWT header, SHA-256 of nothing cut short)
    ('I1NiIsInR5', 'a well-known constant (or a slice of one)'),
    ('e3b0c44298fc1c149afbf4c8996fb92427ae41e', 'a well-known constant (or a slice of one)'),
    ('D41D8CD98F00B204E980', 'a well-known constant (or a slice of one)'),
    # held-out 99: the base64 of a serialized object or a program, by its format's magic
    ('rO0ABXNyABtvcmcuZHVtbXkuaW5zZWN1cmUuZnJhbWV3b3Jr', "base64 of a file (its format's magic)"),
    ('TVqQAAMAAAAEAAAA//8AALgAAAAAAAAAQAAAAAAAAAAAAAAA', "base64 of a file (its format's magic)"),
    # held-out 99: the argument of .decode("…") on the secret's variable
    ('unicode-escape', "an encoding's name"), ('utf-16-le', "an encoding's name"), ('latin-1', "an encoding's name"),
    # held-out 97: minified code after a message that ends in `credentials: "`
    ('+e);s=Tx({urlList:[x]}),o=', 'code'), ('+NA);dA=DA({urlList:[cA]}),XA=', 'code'),
    # held-out 97: a counting run downwards, as upwards
    ('djwqkeo654321', 'alphabet run'), ('zyxwvQ7k2m', 'alphabet run'),
    # held-out 99: a Windows registry key's path under a `*_key` name
    ('HKLM\\SYSTEM\\CurrentControlSet\\Control\\Class', 'path'), ('HKEY_CURRENT_USER\\Software\\Acme', 'path'),
])
def test_filler_constants_files_codecs_and_code_are_no_secret(value: str, reason: str) -> None:
    assert not_literal(value) == reason


@pytest.mark.parametrize('value', [
    fakes.rand(string.ascii_letters + string.digits, 24, 'not-a-constant'),  # random, whatever it starts with
    'TVqX' + fakes.rand(string.ascii_letters + string.digits, 36, 'tvq'), 'rO0A' + fakes.rand(string.ascii_letters, 30, 'ro0'),
    'utf-8x-Zq71', 'Xk9-pQ2m-Lt7', '+Xk9pQ2mLt7vRw', 'e3b0c4429', 'Jq7Lw§kP3vZx9Rm2Tb', 'HKLMq7Zk2wXm9Rt',
])
def test_random_values_near_those_shapes_are_still_literal(value: str) -> None:
    assert not_literal(value) is None


def test_letters_a_separator_and_a_number_are_typed_not_drawn() -> None:
    """Held-out 99: juice-shop's ``ncc-1701`` (38 false alarms in its tests) read as a short random value; letters,
    one separator and a number are a value a person typed. A drawn value of the same length keeps its score, and the
    shape is rare among drawn all-printable values (about 1 in 9,000 at 8 characters)."""
    assert judge_value('ncc-1701').randomness == 0.0 and judge_value('Build_2024').randomness == 0.0
    assert judge_value('2024.release').randomness == 0.0
    assert judge_value('Xk9-pQ2m').randomness > 0 and judge_value('q7-Zk2wXm').randomness > 0
    import random
    rng = random.Random(99)
    alphabet = string.ascii_letters + string.digits + string.punctuation
    drawn = [''.join(rng.choice(alphabet) for _ in range(8)) for _ in range(20000)]
    from leakstop.generic.values import _LETTERS_THEN_NUMBER
    assert sum(1 for v in drawn if _LETTERS_THEN_NUMBER.match(v)) <= 10


def test_a_drawn_password_with_a_symbol_beyond_ascii_is_judged() -> None:
    """Held-out 99: juice-shop's seeded random password holds a `§`; a value with one or two symbols beyond ASCII
    is judged as any other, text in another script or language is not."""
    assert judge_value('Jq7Lw§kP3vZx9Rm2Tb').randomness >= 0.9
    assert not_literal('Contraseña1') == 'not ASCII' and not_literal('Пароль12345') == 'not ASCII'
    assert not_literal('a§b') == 'not ASCII'  # (too short to tell)


def test_an_itsdangerous_signed_string_is_an_identifier_a_signed_object_is_not() -> None:
    """Held-out 98: Flask's and Django's signed values (itsdangerous: urlsafe ``payload.timestamp.signature``) whose
    payload is a JSON string (a notification's id, an e-mail address) are identifiers the signature vouches for, as
    Rails' MessageVerifier strings are; a signed object (a session) still counts."""
    import hashlib
    import hmac
    import json

    def b64(raw: bytes) -> str:
        return base64.urlsafe_b64encode(raw).rstrip(b'=').decode()
    stamp = b64((1765000000).to_bytes(4, 'big'))
    for payload in (json.dumps('6ce466d0-fcc7-4d7e-a7f1-2a8f2b6d3e10'), json.dumps('user@example.org')):
        body = b64(payload.encode())
        signature = b64(hmac.new(b'k', f'{body}.{stamp}'.encode(), hashlib.sha1).digest())
        assert not_literal(f'{body}.{stamp}.{signature}') == 'a signed identifier (a JSON string and its digest)'
        assert not_literal(f'{body}.{signature}') == 'a signed identifier (a JSON string and its digest)'
    session = b64(json.dumps({'user_id': 7, 'csrf': 'x'}).encode())
    signature = b64(hmac.new(b'k', f'{session}.{stamp}'.encode(), hashlib.sha1).digest())
    assert not_literal(f'{session}.{stamp}.{signature}') != 'a signed identifier (a JSON string and its digest)'

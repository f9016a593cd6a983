"""The value judge: how much does a value look like a secret, from the value alone.

It never sees the key. Two questions, each answered with a score in [0, 1]:

- ``randomness``: generated secret material (API keys, tokens, random passwords): long enough,
  several character classes or a large alphabet, high entropy, few dictionary words.
- ``human_password``: a password a person chose (``hunter22``, ``Summer2024!``, ``P@ssword1234``):
  letters mixed with digits or symbols, not an identifier made of words.

Before either, ``not_literal`` says why a value is not a literal secret at all: a reference or
template (``${X}``, ``{{ x }}``, ``%(x)s``, ``os.environ``), a number, version or date, a URL, a
path, a file name, an e-mail address, a dotted name, a constant name, an identifier made of words
(``fully_charged``, ``register-wrong-format``), a test-fixture word (``foo123``), a credential word
(``mypassword2``), a repeated chunk or a counting pattern (``abcd1234``). This is the one home of
that decision: the generic detector, the credential rules' validators (``validators.assigned_*``)
and the env-file hook (``random_token``) all ask here; whether a value is a reference or a
placeholder is asked of ``leakstop.placeholders``.
"""
from __future__ import annotations

import math
import os
import re
from typing import Callable, Sequence

from leakstop.generic.records import ValueJudgement
from leakstop.placeholders import REFERENCE
from leakstop.regex import LazyPattern

WORDS_FILE = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), 'data', 'words.txt.gz')


class Words:
    """The English word list (``bench/generic/wordlist`` builds it), loaded on first use."""

    _words: frozenset[str] | None = None

    @classmethod
    def get(cls) -> frozenset[str]:
        if cls._words is None:
            import gzip
            with open(WORDS_FILE, 'rb') as f:
                text = gzip.decompress(f.read()).decode('ascii')
            cls._words = frozenset(text.split()) | CODE_WORDS
        return cls._words


# Words of identifiers and configuration that the dictionary (data/words.txt.gz) lacks; a word it has
# would do nothing here (tests/test_generic_values.py checks both).
CODE_WORDS = frozenset((
    'api', 'auth', 'oauth', 'config', 'conf', 'cfg', 'env', 'json', 'yaml', 'yml', 'xml', 'html', 'http',
    'https', 'url', 'uri', 'uuid', 'sql', 'db', 'dev', 'stg', 'init', 'impl', 'param', 'params', 'args',
    'kwargs', 'str', 'bool', 'msg', 'req', 'res', 'ctx', 'tmp', 'src', 'dst', 'dest', 'repo', 'org',
    'async', 'util', 'utils', 'todo', 'fixme', 'baz', 'qux', 'quux', 'webhook', 'localhost', 'signup',
    'signin', 'userid', 'sha', 'md5', 'hmac', 'jwt', 'ssh', 'rsa', 'aes', 'cmd', 'cli', 'tcp', 'udp',
    'dns', 'ssl', 'tls', 'ldap', 'smtp', 'imap', 'redis', 'mysql', 'postgres', 'mongo', 'mongodb', 'kafka',
    'nginx', 'docker', 'kube', 'aws', 'gcp', 'github', 'gitlab', 'twilio', 'facebook', 'mailgun',
    'sendgrid', 'datadog', 'csrf', 'xsrf', 'totp', 'otp', 'mfa', 'saml', 'oidc', 'ack', 'nack', 'ok',
    'kvp', 'cas', 'crm', 'ui', 'ux', 'id', 'ip', 'io', 'os', 'fs', 'ca', 'pem', 'cert', 'certs', 'crt',
    'csr', 'der', 'pkcs', 'mtls', 'jwks', 'sso', 'openid',
))

_NUMBER_OR_VERSION = LazyPattern(r'0x[0-9a-fA-F]{1,16}\Z|[-+(\[]?v?\d+(?:[.,_:-]\d+)*(?:[eE][-+]?\d+)?[a-zA-Z]{0,2}\Z|\d{4}-\d\d-\d\d(?:[T ]\d\d:\d\d)?')
_URL = LazyPattern(r'[A-Za-z][\w+.-]*:(?://|\\/\\/)|\A(?:www\.|mailto:|data:|urn:)')  # (JSON's https:\/\/ too: an Xcode blueprint's)
# a URL without its scheme, or a Go import path: github.com/jcmturner/gokrb5/v8/ctxCredentials, gcr.io/proj/img
_HOST_AND_PATH = LazyPattern(r'(?:[a-z0-9-]+\.)+[a-z]{2,}(?::\d{1,5})?(?:/[\w.@+~%-]*)+\Z')
# a git remote in scp syntax, its slashes JSON-escaped or not: `git@github.com:owner/repo.git`, Xcode's source-control
# blueprint's `"…RemoteRepositoryURLKey" : "github.com:ChatSecure\/XMPPFramework.git"` (held-out 101, 13 false alarms);
# an owner and a repository after the colon (a password `k9.xq:Tm2` is no remote)
_GIT_REMOTE = LazyPattern(r'(?:[\w.-]+@)?(?:[a-z0-9-]+\.)+[a-z]{2,}:(?!\d+\Z)[\w.~-]+(?:\\?/[\w.~-]+)+(?:\.git)?/?\Z')
_EMAIL = LazyPattern(r'[\w.+-]+@[\w-]+(?:\.[\w-]+)+\Z')
_PATH_PREFIX = LazyPattern(
    r'(?:\.{1,2}/|~/|[A-Za-z]:[\\/]|\\\\|(?:HKLM|HKCU|HKCR|HKU|HKCC|HKEY_[A-Z_]{4,20})\\|/(?:etc|var|usr|tmp|home|opt|run|dev|proc|srv|mnt|data|app|root|lib|lib64|bin|sbin'
    r'|snap|media|boot|nix|private|Users|Library|System|Volumes|Applications|workspaces?|builds|github|cygdrive)/)'
)  # (/private/var/folders/…: a macOS temporary directory in a recorded test; /nix/store/…; CI workspaces;
# a Windows registry key's path under a `*_key` name, HKLM\SYSTEM\…: held-out 99)
_LOWER_PATH = LazyPattern(r'/?[a-z0-9_.@+-]+(?:/[a-z0-9_.@+-]+)+/?\Z')
_FILE_NAME = LazyPattern(
    r'[\w./@+-]*\.(?:json|ya?ml|pem|key|crt|cer|der|p8|p12|pfx|jks|keystore|txt|env|ini|cfg|conf|toml|xml'
    r'|gpg|asc|pub|csv|log|db|sqlite3?|html?|js|ts|py|rb|go|java|php|sh|properties|png|jpe?g|gif|svg'
    r'|zip|tar|gz|tgz|bz2|xz|zst|7z|jar|war|whl|gem|deb|rpm|dmg|exe|dll|so|bin|img|iso|pdf|md|creds|nk)\Z',
    re.I,
)
_DOTTED_NAME = LazyPattern(r'[A-Za-z_$](?:[A-Za-z_$-]*[A-Za-z_$])?(?:\.[A-Za-z_$](?:[A-Za-z_$-]*[A-Za-z_$])?)+(?:\(\))?\Z')
# k8s.job.name, otel.scope.name: three or more short lowercase segments, digits inside them (an attribute's name)
_DOTTED_LOWER = LazyPattern(r'[a-z][a-z0-9_-]{0,19}(?:\.[a-z][a-z0-9_-]{0,19}){2,}\Z')
_UPPER_SNAKE = LazyPattern(r'[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\Z')
# IPv4 addresses or networks, one or a list (PLEX_NO_AUTH_NETWORKS: "172.17.0.0/16,10.0.2.0/24"; held-out 59)
_IP_LIST = LazyPattern(r'\d{1,3}(?:\.\d{1,3}){3}(?:/\d{1,2}|:\d{1,5})?(?:[,;| ]+\d{1,3}(?:\.\d{1,3}){3}(?:/\d{1,2}|:\d{1,5})?)*\Z')
# a token's prefix alone, the rest added in code (`"whsec_" + btoa(bytes)`; held-out 58)
_PREFIX_ALONE = LazyPattern(r'[A-Za-z]{2,12}[_-]\Z')
# an application's route, letters only between the slashes (`/auth/regCaptcha`; held-out 58): random base64 that
# starts with '/' has digits or '+' in it
_ROUTE = LazyPattern(r'(?:/[A-Za-z][A-Za-z_-]{1,40}){2,8}/?\Z')
# paths joined by commas (umbrel's PROXY_AUTH_WHITELIST: "/api/v1/opds/*,/api/v1/kobo/*": what its proxy lets through;
# held-out 103)
_PATH_LIST = LazyPattern(r'/[\w.*{}:-]*(?:/[\w.*{}:-]*)+(?:[ \t]*,[ \t]*/[\w.*{}:-]*(?:/[\w.*{}:-]*)+)+\Z')
# a container image by its digest (an image: line read as another key's value; held-out 103)
_IMAGE_DIGEST = LazyPattern(r'[\w.-]+(?::\d+)?(?:/[\w.-]+)*(?::[\w.-]+)?@sha256:[0-9a-f]{64}\Z')
_CAPITALIZED_WORD = LazyPattern(r'[A-Z][a-z]+\Z')
_UPPER_KEBAB = LazyPattern(r'[A-Z]{1,8}(?:-(?:[A-Z]{1,8}|\d{1,4}))+\Z')  # ML-DSA-44, AES-256-GCM (not A3-KI25Y5-…)
# Default passwords a vendor's documentation publishes for its demo installs: Oracle's `welcome1` (WebLogic, Fusion
# Middleware, Oracle's Vagrant projects: held-out 52, 64 lines), `change_on_install` (SYS), `tiger` (SCOTT). A
# stock default in a configuration is a hardening finding, not a leaked secret (as `changeme` is a placeholder).
# (and network operating systems' factory admin passwords, as their vendors and containerlab document them: Nokia SR
# Linux's NokiaSrl1!, SR OS's NokiaSros1!; a word to the labels, as VMware1! is: 75 false alarms in held-out 90)
_DOCUMENTED_DEFAULTS = frozenset(('welcome1', 'welcome1#', 'change_on_install', 'tiger', 'nokiasrl1!', 'nokiasros1!'))
# an issue tracker's key, a project's key and an issue's number (Jira's FRML24113-279 under sourceKey,
# subTaskKeys: held-out 52, 749 lines of one project's recorded API responses)
_ISSUE_KEY = LazyPattern(r'[A-Z][A-Z0-9_]{1,15}-[0-9]{1,7}\Z')
# lowercase words joined by underscores, three or more (a demo's server key `nakama_godot_demo`: held-out 55);
# random text has capitals or digits, a passphrase of dictionary words is judged as words already
_LOWER_SNAKE_WORDS = LazyPattern(r'[a-z]{3,}(?:_[a-z]{2,}){2,}\Z')

_CLASS_PATH = LazyPattern(r'\\?[A-Z]\w*(?:\\{1,2}[A-Z]\w*)+\Z|[a-z][\w]*(?:\.[a-z]\w*)+\.[A-Z]\w*\Z')  # OAuth2\Storage\X, com.acme.X
_HOST_NAME = LazyPattern(r'[\w-]+(?:\.[\w-]+)*\.(?:com|org|net|io|dev|app|cloud|local|internal|test|example|googleusercontent\.com)\Z', re.I)
_JSON_OR_ELIDED = LazyPattern(r'\A[{\[]\\?"|\w\.\.\w|\.\.\Z')  # {"RefreshToken": ...}; 12345-st..E; whsec_...
# "+encodeURIComponent(x)+", getSecret(), Field(, Credentials::new(, PowerShell's (ConvertTo-SecureString …)
# (and optional chaining, passkeys?.find(: member access in code, the unquoted value of a docs' snippet)
# (and the rest of an expression after a closing bracket, ``),d?O().createElement(``: minified swagger-ui after the
# label "Value:", held-out 78)
# (a `+` opening or closing the value only beside a name or a call: +k9XqT7#vLp2mWz is a password; seventeenth hostile
# review, break 02's sibling)
# (a call's name of four letters or more that reads as a name, or a name and its brackets alone: Tq9(xLm8#Zp4vW and
# ukHZzrv(}jOX are passwords, 2.5% of random all-printable ones were calls; eighteenth hostile review, break 05)
# (camel humps or an acronym among them, f.toPM(, getURL(, parseJSONData(: held-out 82's patched editor; or a short
# lowercase name, foo(: the WHATWG URL tests' user info, held-out 78)
# (an acronym is a run of capitals before a hump or what ends the name, matched one way only: `[A-Z]{2,}` repeated could
# split a run of capitals every way, 14 s for 40 of them; nineteenth hostile review, break 01)
_ACRONYM = r'[A-Z]{2,}(?=[A-Z][a-z]|[^A-Za-z]|\Z)'
_CALL_NAME = (r'(?:[a-z_][a-z_]*(?:[A-Z][a-z]+|' + _ACRONYM + r')*\d{0,3}|[A-Z][a-z]+(?:[A-Z][a-z]+|' + _ACRONYM
              + r')*\d{0,3}|[A-Z][A-Z_]*)')
_CALL_IN_VALUE = LazyPattern(r'\A[)\]][,;?]|\A\+[ \t]*[A-Za-z_$][\w.$]*[ \t]*\+\Z|(?:\)|[ \t])\+\Z'
                             r'|\A[A-Za-z_][\w.:]*\(\)?\Z|\A\([A-Z][A-Za-z]+-[A-Z][A-Za-z]+\Z|\A[A-Za-z_][\w.]*[a-z]{2}\?\.[a-z][A-Za-z]{2}'
                             # a translation function and its message key, t('TXT_CODE_551b…') (held-out 93: a Vue label)
                             r'|\A(?:\$?t|_{1,2}|\$?i18n\.t|gettext|trans)\(["\'][^"\'\s]{1,80}["\']\)\Z')
# a call opening the value, its name read by _reads_as_call_name (bytij(1V9JRE, uxs(A0QXn>vz and VmtGb(|SaB1r are
# passwords: any run of letters, or of humps, was a name; 0.3-0.5% of random all-printable passwords, twenty-first
# hostile review, break 03)
_CALL_AT_START = LazyPattern(r'\A(?:(?P<name>(?=(?:[\d_.:]*[A-Za-z]){4})' + _CALL_NAME + r'(?:(?:\.|::)' + _CALL_NAME
                             + r')*|[a-z]{2,3})|\+[ \t]*(?P<added>[A-Za-z_$][\w.$]*)[ \t]*)\(')
_CALL_SEGMENT = LazyPattern(r'\.|::|\$')
# an argument that is code, a member, an index or a call (tuple(sys.argv[3:]): datalad's adhoc-httpd, held-out 86)
# (or a constant's name as an argument: MicrosoftAppCredentials(APP_ID, APP_PASSWORD) in a README, held-out 100)
_CODE_ARGUMENT = LazyPattern(r'[ \t]*(?:[A-Za-z_]\w{0,30}(?:\.[A-Za-z_]|\[|\()|[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+[ \t]*(?:,|\)|\Z))')


def _reads_as_call_name(name: str) -> bool:
    """Whether a call's name reads as one: a member's (``cmp.Or``, ``f.toPM``), or words of three letters or more with
    at most one letter besides (``getURL``, ``parseJSONData``, ``foo``, ``MAX``); not random letters (``bytij``,
    ``uxs``, ``VmtGb``, ``gZDSFS``, ``HGAJ``)."""
    pieces = _CALL_SEGMENT.split(name)
    if len(pieces) > 1 and all(pieces[1:]):  # a member's call (cmp.Or, os.getenv): a shape random characters rarely take
        return True
    named = False
    for piece in pieces:
        piece = piece.strip('_').rstrip('0123456789')
        if len(piece) <= 1:
            continue
        uncovered, longest, _, _, _ = _word_cover(piece)
        if uncovered > (1 if longest >= 3 else 0):  # (toPM: to, PM)
            return False
        named = True
    return named


def _code(value: str) -> bool:
    """Code, not a secret: a call opening the value whose name reads as one, an operator or bracket at its edge,
    or a string's concatenation with a variable (``+e);s=Tx({…``: minified code after a message that ends in
    ``credentials: "``; held-out 97)."""
    m = _CALL_AT_START.match(value)  # (first: a long line of calls ends here, not in a search to its end)
    return m is not None and (_reads_as_call_name(m['name'] or m['added']) or _CODE_ARGUMENT.match(value, m.end()) is not None
                              ) or _CALL_IN_VALUE.search(value) is not None or _CONCATENATION_AT_START.match(value) is not None


_CONCATENATION_AT_START = LazyPattern(r'\+[A-Za-z_$][\w$.]{0,40}\)[;,)]')


_UUID = LazyPattern(r'[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\Z')
_HASH_OR_TOKEN_ELSEWHERE = LazyPattern(r'\$(?:2[abxy]?|1|5|6|8|9|14|y|apr1|argon2(?:id|i|d))\$|pbkdf2_|(?:eyJ|ew[0o][gJK]|eyAi)[\w-]{8,}\.(?:eyJ|ew[0o][gJK]|eyAi)|-----BEGIN ')
_DIGEST_PREFIX = LazyPattern(r'(?:sha1|sha256|sha384|sha512|md5|sha3-\d+|blake2b?|sri)[-:]', re.I)
# (and a character class with a range of letters or digits: TOKEN_STRINGS = '[A-Za-z0-9._~+/-]+=*', held-out 73)
# (signs of a pattern alone: a class with a range, flags opening it, a non-capturing group, a class escape repeated)
_REGEX_CLASS = LazyPattern(r'\[[^\]\s]{0,30}(?:a-z|A-Z|0-9|a-f|A-F)[^\]\s]{0,30}\]|\A\(\?[aiLmsux-]{1,4}\)|\(\?:'
                           r'|\\[dwsDWS](?:[*+?]|\{\d)')
# (the other signs of a pattern, two of them: one, .* or [^ or (?, is in 0.3-1.6% of random all-printable passwords
# of 12-20 characters, Jq7Lw.*kP3vZx9Rm; twenty-first hostile review, break 01; a class escape before any symbol,
# \d-, and a lookaround's opener were signs alone, 0.15% more: twenty-second, break 01)
# (anchors count as one sign, both ends: one of them is the first or last of 1 random password in 94)
# (and no escaped dot or a quantifier after a bracket: Tz8)?Wk3\.Rb5mQ is a password; twenty-second review, break 01)
_REGEX_SIGN = LazyPattern(r'\(\?|\([^()|]*\|[^()]*\)|\.\*|\.\+|\[\^|\\[dwsbDWS]|\A\^(?=.*\$\Z)|\{\d+(?:,\d*)?\}')


def _regex_source(value: str) -> bool:
    """A pattern's source: a class with a range (``[A-Za-z0-9._~+/-]+=*``) or its flags first (``(?i)token``), or two
    of its other signs (``^.*secret.*$``, ``\\d{6}``)."""
    if _REGEX_CLASS.search(value):
        return True
    signs = _REGEX_SIGN.finditer(value)
    return next(signs, None) is not None and next(signs, None) is not None
_REPEATED_CHUNK = LazyPattern(r'(.{1,6}?)\1{2,}\Z')
# a package and the version pinned: tox.ini's and requirements' `langchain-community==0.0.38`, `httpx>=0.28.1,<1`
# (sentry-python's generated tox.ini, its environments named …-notiktoken-…: 57 false alarms in held-out 84)
_PACKAGE_PIN = LazyPattern(
    # (a version's parts open with a digit: 1.4.1, 2.0.0rc1, 1.*; Kq7mZx2w==1.Tr9vXp4Lm is a password, twentieth
    # hostile review, break 03)
    r'[A-Za-z][\w.-]{1,80}(?:\[[\w,.-]{1,80}\])?[ \t]*(?:===?|~=|>=|<=|!=)[ \t]*v?\d+(?:\.(?:\d+[a-z0-9+-]{0,10}|\*))+'
    r'(?:[ \t]*,[ \t]*(?:===?|~=|>=|<=|!=|<|>)[ \t]*v?\d+(?:\.(?:\d+[a-z0-9+-]{0,10}|\*))*)*\Z')
# a Python entry point, `module.path:function` (pyproject's [project.scripts]: git-credential-datalad =
# "datalad.local.gitcredential:git_credential_datalad", held-out 86)
# (a package and a module in its path, a function of letters: no user:password pair)
_ENTRY_POINT = LazyPattern(r'[a-z_][a-z0-9_]*(?:\.[a-z_][a-z0-9_]*)+:[a-z_]+(?:\.[A-Za-z_]+)*\Z')
_CHARACTER_RUNS = LazyPattern(r'(?:(.)\1{2,}){1,3}\Z')  # bbbb2222, xxxxyyyyzzzz: a few runs of one character each
_UNIT_SEPARATORS = LazyPattern(r'[-_.:/ ]')
_FRAMEWORK_VALUE = LazyPattern(
    r'[a-z_]+(?::[^|\s]*)?(?:\|[a-z_]+(?::[^|\s]*)?)+\Z'  # Laravel validation rules: required|string|min:12
    r'|Ag[A-D][A-Za-z0-9+/]{100,}={0,2}\Z'  # Bitnami SealedSecret ciphertext (0x02 0x00-0x03 ...)
    r'|.*x{3,}\Z|\Axxx'  # sk_test_xxx
)
_CREDENTIAL_WORD_VALUE = LazyPattern(
    r'[a-z_.-]{0,24}(?:token|key|secret|pass(?:word)?|passwd|pwd|api|auth|cred)[a-z_.-]{0,24}\d{0,6}[!?.*#@$%&]{0,2}\Z'
    r'|[A-Z]{0,24}(?:PASSWORD|PASSWD|SECRET|PASS|KEY|TOKEN)[A-Z]{0,24}\d{0,4}[!?.*#@$%&]{0,2}\Z',
    re.I,
)
_FIXTURE_WORDS = frozenset((
    'my', 'the', 'a', 'some', 'your', 'test', 'testing', 'tester', 'foo', 'bar', 'baz', 'qux', 'python',
    'dummy', 'demo', 'mock', 'fake', 'sample', 'abc', 'xyz', 'qwerty', 'asdf', 'hello', 'world', 'admin',
    'user', 'guest', 'root', 'default', 'example', 'changeme', 'secret', 'password', 'pass', 'passwd',
    'pwd', 'token', 'key', 'api', 'value', 'string', 'invalid', 'wrong', 'bad', 'good', 'valid',
    'incorrect', 'correct', 'new', 'old', 'other', 'another', 'one', 'two', 'three', 'super', 'top',
    'very', 'dev', 'local', 'temp', 'tmp', 'db', 'pw', 'name', 'login', 'email', 'mail', 'account',
))
_FIXTURE_TAIL = LazyPattern(r'[-_.!@#$%^&*]*\d{0,6}[-_.!@#$%^&*]*\Z')
_PASSWORD_IN_VALUE = LazyPattern(r'password|passwort|passwd|passphrase|secret', re.I)  # SomeKindOfPassword123!@#


def _password_in_leetspeak(value: str) -> bool:
    """Whether ``value`` read as leetspeak is words that hold the word password or secret (``W3bh00kS3cret!2025``): a
    person's stand-in, as the word written plainly is (random characters after ``s3cr3t`` are no words: still judged)."""
    return len(value) <= 64 and any(_PASSWORD_IN_VALUE.search(reading) and word_share(reading.lower()) >= LEETSPEAK_WORDS
                                    for reading in leet_readings(value))


_NOT_SECRET_WORDS = frozenset((
    'inherit', 'required', 'optional', 'default', 'disabled', 'enabled', 'auto', 'automatic', 'manual',
    'generated', 'generate', 'random', 'builtin', 'internal', 'external', 'vault', 'environment', 'string',
    'text', 'hidden', 'sensitive', 'plain', 'plaintext', 'bcrypt', 'sha256', 'sha512', 'sha1', 'md5', 'argon2',
    'argon2id', 'pbkdf2', 'scrypt', 'hashed', 'basic', 'bearer', 'digest', 'oauth', 'oauth2', 'saml', 'ldap',
    'kerberos', 'local', 'remote', 'anonymous', 'public', 'private', 'readonly', 'readwrite', 'unknown',
    'invalid', 'missing', 'notset', 'secure', 'insecure', 'prompt', 'stdin', 'postgres', 'postgresql', 'mysql',
    'mariadb', 'mongo', 'mongodb', 'redis', 'rabbitmq', 'root', 'admin', 'administrator', 'guest', 'docker',
    'localhost', 'development', 'production', 'staging', 'secrets', 'passwords', 'tokens', 'keyring',
    'keychain', 'credential', 'credentials', 'nullable', 'encrypted', 'decrypted', 'masked', 'omitted',
    # character sets and encodings (a driver writes the charset name after the auth plugin's name)
    'latin1', 'latin2', 'utf8', 'utf8mb3', 'utf8mb4', 'utf-8', 'utf16', 'utf-16', 'ascii', 'binary', 'cp1252',
    'iso-8859-1', 'base64', 'hex',
))
# The names of algorithms: JOSE (RFC 7518), digests, ciphers, key derivation, password hashing.
_ALGORITHM_NAME = LazyPattern(
    r'(?:A(?:128|192|256)(?:CBC-HS(?:256|384|512)|GCM(?:KW)?|KW)|[HRP]S(?:256|384|512)|ES(?:256K?|384|512)|EdDSA'
    r'|RSA-OAEP(?:-(?:256|384|512))?|RSA1_5|ECDH-ES(?:\+A(?:128|192|256)KW)?|PBES2-HS(?:256|384|512)\+A(?:128|192|256)KW'
    r'|(?:Hmac)?SHA-?(?:1|224|256|384|512)(?:/(?:224|256))?|(?:hmac-)?sha(?:1|224|256|384|512)|SHA3-(?:224|256|384|512)'
    r'|AES-?(?:128|192|256)(?:-?(?:CBC|GCM|CTR|ECB|CFB|OFB))?|ChaCha20(?:-Poly1305)?|X25519|X448|Ed25519|Ed448'
    r'|PBKDF2(?:WithHmacSHA(?:1|256|384|512))?|scram-sha-(?:1|256)|caching_sha2_password|mysql_native_password'
    # SSH's algorithm names (a server's host-key and cipher lists: ecdsa-sha2-nistp256, chacha20-poly1305@openssh.com;
    # held-out 107)
    r'|(?-i:(?:sk-)?(?:ssh|ecdsa|rsa|dss|ecdh|curve25519|curve448|diffie-hellman|aes\d+|chacha20|hmac|umac|mlkem\d+|sntrup\d+)'
    r'(?:-(?:sha\d*|nistp\d+|ed25519|ed448|rsa|dss|etm|poly1305|gcm|ctr|cbc|cert|v\d\d|group\d*|exchange|md5|\d+|x25519))+'
    r'(?:@(?:openssh\.com|libssh\.org))?))\Z',
    re.I,
)
# A .NET strong-name public key blob (InternalsVisibleTo Key="0024000004800000..."): public by design.
_STRONG_NAME_PUBLIC_KEY = LazyPattern(r'00240000048000009400000006020000002400005253413100040000[0-9a-fA-F]{200,}\Z')
# an SSH public key's blob (what follows ssh-rsa / ssh-ed25519 / ecdsa-sha2-… in authorized_keys and
# known_hosts): the base64 of its length-prefixed key type; public by design
_SSH_PUBLIC_KEY = LazyPattern(r'AAAA(?:B3NzaC1|C3NzaC1lZDI1NTE5|E2VjZHNhLXNoYTIt|G3NrLXNzaC1lZDI1NTE5|InNrLWVjZHNh)[A-Za-z0-9+/]*={0,2}\Z')
# an FCM registration token (an app instance's address: what a push is sent to, no credential); the
# legacy server key, AAAA…:APA91b…, is a secret and its own rule's
_FCM_REGISTRATION = LazyPattern(r'(?!AAAA[A-Za-z0-9_-]{7}:)[A-Za-z0-9_-]{11,}:APA91b[A-Za-z0-9_-]{100,}\Z')
# a PayPal Express Checkout token (EC- and 17 characters): the id of a checkout, in its return URL
_PAYPAL_CHECKOUT = LazyPattern(r'EC-[0-9A-Z]{17}\Z')
# the id of a Stripe object (a card token, a customer, a payment method or intent, a charge, an event): what the API
# returns and a test fixture asserts (omnipay-stripe's setToken('tok_…'); held-out 65); its keys are sk_, rk_, whsec_
_PAYMENT_OBJECT_ID = LazyPattern(r'(?:tok|btok|card|cus|pm|pi|ch|src|ba|seti|evt|sub|prod|price|txn|acct)_[A-Za-z0-9]{14,32}\Z')
# a block comment as the value: `ZipPassThrough = /*#__PURE__*/ (function…` (a bundler's annotation; held-out 66)
_BLOCK_COMMENT = LazyPattern(r'/\*')
# a parameter's name and its '=' (the value is joined on after the literal: 'p256ecdsa=' + key); base64
# padded with one '=' has a length that is a multiple of 4
_PARAMETER_NAME = LazyPattern(r'[a-z][a-z0-9_-]{0,23}=\Z')  # (short and lowercase: mixed case is base64)
# a Windows product key (five groups of five from its 24-character alphabet): a licence, not a credential;
# the ones in unattend files and docs are the KMS client and evaluation keys Microsoft publishes
_PRODUCT_KEY = LazyPattern(r'[BCDFGHJKMNPQRTVWXY2346789]{5}(?:-[BCDFGHJKMNPQRTVWXY2346789]{5}){4}\Z')
_HUMP = LazyPattern(r'[A-Z]+(?=[A-Z][a-z])|[A-Z]?[a-z]+|[A-Z]+|\d+|[^A-Za-z\d]+')
_SEPARATORS = frozenset('_-.:/ =')
_SHORT_WORDS = frozenset((
    'of', 'to', 'in', 'on', 'by', 'at', 'is', 'id', 'my', 'no', 'or', 'up', 'me', 'we', 'it', 'as', 'an', 'do',
    'go', 'ok', 'db', 'io', 'ui', 'ux', 'os', 'fs', 'js', 'ts', 'py', 'rb', 'v', 'x', 'y', 'z', 'a', 'i', 'be',
    'so', 'if', 'us',
))
_ALPHABET = 'abcdefghijklmnopqrstuvwxyz'
_DIGITS = '0123456789'


# Keyboard rows (QWERTY): a generated token's letters change row as often as chance makes them; letters
# typed by hand to look random (`sldafh309sdf`, `askfjh234as9sd8`, `qwe089234lkjsdf`) stay on one row.
_ROW_OF = {c: row for row, keys in enumerate(('qwertyuiop', 'asdfghjkl', 'zxcvbnm')) for c in keys}
_SAME_ROW = (10 * 9 + 9 * 8 + 7 * 6) / (26 * 25)  # two different random letters on one row: 0.31
TYPED_P = 0.002  # below this chance under random letters, the value was typed along the rows
TYPED_MIN_PAIRS = 6  # adjacent letter pairs needed to tell


def typed_along_rows(value: str) -> bool:
    """Whether the adjacent letter pairs of ``value`` stay on one keyboard row so often that random
    letters would do so with a chance under ``TYPED_P`` (the binomial tail; about 1 generated token
    in 2,000 is taken for typed). A letter twice (``Aa1Bb2``) is no step along a row and is not counted.
    Hex is left alone: its six letters are not random over the rows."""
    low = value.lower()
    if all(c in '0123456789abcdef' for c in low):
        return False
    pairs = same = 0
    for a, b in zip(low, low[1:]):
        ra, rb = _ROW_OF.get(a), _ROW_OF.get(b)
        if ra is not None and rb is not None and a != b:
            pairs += 1
            same += ra == rb
    if pairs < TYPED_MIN_PAIRS:
        return False
    chance = sum(math.comb(pairs, k) * _SAME_ROW ** k * (1 - _SAME_ROW) ** (pairs - k) for k in range(same, pairs + 1))
    return chance < TYPED_P


def shannon_entropy(text: str) -> float:
    if not text:
        return 0.0
    counts: dict[str, int] = {}
    for ch in text:
        counts[ch] = counts.get(ch, 0) + 1
    n = len(text)
    return -sum(c / n * math.log2(c / n) for c in counts.values())


def has_run(value: str, alphabet: str, length: int) -> bool:
    """Whether ``value`` holds ``length`` consecutive characters of ``alphabet`` (``uvwxyz``, ``34567``),
    case-insensitive: a substring search (a loop over characters cost a fifth of judging the values
    of a source tree)."""
    if length <= 1:
        return True  # any run counts at least one character
    lowered = value.lower()
    return any(alphabet[i:i + length] in lowered for i in range(len(alphabet) - length + 1))


_DOUBLED = LazyPattern(r'(.)\1+')


def _counting_pattern(value: str) -> bool:
    """``A1b2c3d4``, ``abc123def456``, ``abcd1234efgh5678``: letters and digits each counting up."""
    letters = ''.join(c for c in value if c.isalpha())
    digits = ''.join(c for c in value if c.isdigit())
    lowered = value.lower()
    if ('abcd' in lowered and '1234' in lowered) or ('abc' in lowered and '123' in lowered and len(value) <= 16):
        return True
    collapsed = _DOUBLED.sub(r'\1', lowered)  # 00112233…ff: each character typed twice, counting (held-out 42)
    if len(collapsed) * 5 <= len(lowered) * 3 and (has_run(collapsed, _DIGITS, 4) or has_run(collapsed, _ALPHABET, 4)):
        return True
    return len(value) <= 24 and len(letters) >= 3 and len(digits) >= 3 and has_run(letters, _ALPHABET, 3) and has_run(digits, _DIGITS, 3) and (
        has_run(letters, _ALPHABET, 4) or has_run(digits, _DIGITS, 4))


def _letters_through_alphabet(value: str) -> bool:
    """``A5b1C3d2E9f8G7h6``: six letters or more going through the alphabet, anything between them.
    Random letters do so with a chance of about 1 in 10**7 per position."""
    letters = ''.join(c for c in value if c.isalpha())
    return len(letters) < len(value) and has_run(letters, _ALPHABET, 6)


def _fixture_words(value: str) -> bool:
    """``test123``, ``foo_bar``, ``mySecretPassword1``, ``admin!``: only test-fixture words, then digits.

    Words followed by a symbol and digits (``Admin@123``, ``Qwerty!2345``) are a weak password a person
    chose, not a fixture name.
    """
    tail = _FIXTURE_TAIL.search(value)
    if tail and any(c.isdigit() for c in tail.group()) and any(not c.isalnum() and c not in '_-.' for c in tail.group()):
        return False
    body = value[:tail.start()] if tail else value
    if not body:
        return False
    for part in re.split(r'[-_.]', body):
        run = part.lower()
        if not run.isalpha():
            return False
        ok = [True] + [False] * len(run)  # ok[i]: run[:i] splits into fixture words
        for i in range(1, len(run) + 1):
            ok[i] = any(ok[j] and run[j:i] in _FIXTURE_WORDS for j in range(max(0, i - 9), i))
            if i >= 9 and not any(ok[i - 8:i + 1]):
                return False  # no split reaches this far: none can go on (fixture words are under 10 letters)
        if not ok[-1]:
            return False
    return True


def _covered(run: str, words: frozenset[str]) -> int:
    """Letters of the lowercase ``run`` covered by dictionary words of three letters or more (``words_in`` without
    filler words; the whole run if it is one word, whatever its length)."""
    n = len(run)
    if n < 3:
        return 0
    if run in words:
        return n
    covered = _COVERED.get(run)
    if covered is None:  # (the leetspeak readings of a value share most of its runs: 8,000 random tokens took 6 s)
        covered = words_in(run, words, fillers=_NO_FILLERS)[0]
        if len(_COVERED) >= 50_000:
            _COVERED.clear()
        _COVERED[run] = covered
    return covered


_COVERED: dict[str, int] = {}  # run -> letters covered (Words.get() is one list for the process)
_NO_FILLERS: frozenset[str] = frozenset()


def word_share(value: str) -> float:
    """Share of the letters of ``value`` that belong to dictionary words (each hump or run on its own)."""
    words = Words.get()
    letters = covered = 0
    for part in _HUMP.findall(value):
        if not part.isalpha():
            continue
        letters += len(part)
        covered += _covered(part.lower(), words)
    return covered / letters if letters else 0.0


def _identifier_of_words(value: str) -> bool:
    """``fully_charged``, ``register-wrong-format``, ``custom:dashboard``, ``NextMarker``, ``refreshToken``:
    words joined by separators or camel humps, no digits beyond a short suffix, every part a word."""
    parts = [p for p in _HUMP.findall(value) if not (len(p) == 1 and p in _SEPARATORS)]
    if any(not (p.isalnum() or set(p) <= _SEPARATORS) for p in parts):
        return False
    alpha = [p for p in parts if p.isalpha()]
    if len(alpha) < 2 and not any(c in _SEPARATORS for c in value):
        return False
    if any(c.isdigit() for c in value):
        return False
    words = Words.get()
    known = [p.lower() in words if len(p) > 2 else p.lower() in _SHORT_WORDS for p in alpha]
    if all(known):
        return bool(alpha)
    long_parts = [p for p in alpha if len(p) > 2]
    if len(long_parts) >= 2 and all(p.lower() in words for p in long_parts) and 3 * (len(alpha) - len(long_parts)) <= len(alpha):
        return True  # words with a language code or an abbreviation: Cs:Key:mountain_pass
    unknown = [p for p, k in zip(alpha, known) if not k]
    if len(alpha) >= 3 and len(unknown) == 1 and len(unknown[0]) >= 3 and any(len(p) > 2 for p, k in zip(alpha, known) if k):
        return True  # a phrase with one name in it (a product's, a person's): AcmeIsCool, LoveToAlice
    # a lowercase resource name: hosted-grafana-id, kube-state-metrics (most parts words)
    return value.islower() and value.count('-') >= 2 and 2 * sum(known) >= len(known)


_TEST_WORDS = ('testing', 'tests', 'test', 'demo', 'dev', 'dummy', 'sample', 'mock', 'fake', 'example')


def _name_and_test_word(value: str) -> bool:
    """``acmetest``, ``alicedemo``: a name (a product's, a user's: no dictionary word needed) and a test
    word, in lowercase letters. A name and a credential word (``acmepass``) is a credential word."""
    if not (value.isalpha() and value.islower()):
        return False
    return any(value.endswith(w) and 3 <= len(value) - len(w) <= 8 for w in _TEST_WORDS)


# Leetspeak: the digits and symbols that stand for letters (``f00b@r``, ``S0meP@ss``, ``r@nd0m``).
# ``1`` is ``i`` or ``l``: both are tried.
_LEET = tuple(str.maketrans({'0': 'o', '1': one, '3': three, '4': 'a', '5': 's', '7': 't', '@': at, '$': 's'})
              for one, at, three in (('i', 'a', 'e'), ('l', 'a', 'e'), ('i', 'o', 'e'), ('i', 'a', 's')))
# (@ for o too: m@0dl3 is moodle; 3 for s too: Pa33w0rd! is Password!, held-out 42's chart READMEs)
_LEET_CHARS = frozenset('013457@$')
LEETSPEAK_WORDS = 0.8  # word share, read as leetspeak, from which a value is words and no random material
WORD_BUILT = 0.5  # word share over which a short password is built from words ([score] human_of_words)
# [score] human_of_words of data/generic.toml, read on first need (``human_of_words``): the password rules' validators
# weigh such a password as the generic score does, whether or not the generic detector runs
HUMAN_OF_WORDS: list[float | None] = [None]


# Random hex (``openssl rand -hex 4``: ``1ead8f06``, ``e4731de3``) is read as hex, never as words: its six letters
# spell words (bead, face, deaf) and its digits read as letters (lead, eats) by chance.
_HEX_ONLY = LazyPattern(r'(?=[a-f]*\d)[0-9a-f]+\Z|(?=[A-F]*\d)[0-9A-F]+\Z')
# Short words that fill the space between words (``iloveyou99``, ``Trustno1!``): no single letters that a random
# value is full of (x, y, z, v) and no abbreviations (db, io, js)
_FILLER_WORDS = frozenset((
    'a', 'i', 'of', 'to', 'in', 'on', 'by', 'at', 'is', 'my', 'no', 'or', 'up', 'me', 'we', 'it', 'as', 'an', 'do', 'go',
    'ok', 'be', 'so', 'if', 'us',
))
_ABBREVIATION = 3  # capitals of an abbreviation before or between words: VM(ware1!), LS(1setup!), SQL(Pad1!)


def words_in(run: str, words: frozenset[str], fillers: frozenset[str] | None = None) -> tuple[int, int]:
    """The letters of the lowercase ``run`` that dictionary words (three letters or more) and filler words
    (``_FILLER_WORDS`` unless given) cover at best, and the longest word of that cover."""
    fillers = _FILLER_WORDS if fillers is None else fillers
    best = [(0, 0)] * (len(run) + 1)  # best[i]: (covered, longest) in run[:i]
    for i in range(1, len(run) + 1):
        best[i] = best[i - 1]
        for j in range(max(0, i - 12), i):
            piece = run[j:i]
            if (i - j >= 3 and piece in words) or piece in fillers:
                covered, longest = best[j]
                best[i] = max(best[i], (covered + i - j, max(longest, i - j if i - j >= 3 else 0)))
    return best[-1]


def _spelled(run: str, words: frozenset[str]) -> bool:
    """Whether the lowercase ``run`` is dictionary words of three letters or more end to end (``galera``: gal, era)."""
    ok = [True] + [False] * len(run)  # ok[i]: run[:i] is such words
    for i in range(3, len(run) + 1):
        ok[i] = any(ok[j] and run[j:i] in words for j in range(max(0, i - 12), i - 2))
    return ok[-1]


def _word_cover(text: str) -> tuple[int, int, int, bool, bool]:
    """Letters of ``text`` that no word covers (each hump on its own; the capitals of an abbreviation count as
    covered when lowercase letters are about), the longest word, the number of letter humps, whether each of them is
    covered whole, and whether the one opening the value, of six letters or more, is three-letter words end to end
    (``Galera11!``; not ``W4sqlbag``, random letters after others: sixteenth hostile review's 01)."""
    words = Words.get()
    abbreviations = any(c.islower() for c in text)
    uncovered = longest = humps = 0
    whole = True
    spelled = False
    capitals = 0  # letters of the abbreviation just before this hump
    first = True  # the hump opens the value (a person's password starts with its word: Galera11!, not W4sqlbag)
    for part in _HUMP.findall(text):
        if not part.isalpha():
            capitals = 0
            first = False
            continue
        humps += 1
        if abbreviations and part.isupper() and len(part) <= _ABBREVIATION:
            capitals = len(part)
            continue
        covered, long_ = words_in(part.lower(), words)
        if capitals and capitals < _ABBREVIATION and len(part) > 1 and part[0].isupper():
            # VMware: the hump is Mware, its M the abbreviation's
            rest, rest_long = words_in(part[1:].lower(), words)
            covered, long_ = max((covered, long_), (rest + 1, rest_long))
        capitals = 0
        uncovered += len(part) - covered
        longest = max(longest, long_)
        whole = whole and covered == len(part)
        spelled = spelled or (first and covered == len(part) >= 6 and long_ == 3 and _spelled(part.lower(), words))
        first = False
    return uncovered, longest, humps, whole, spelled


def built_from_words(value: str, judgement: ValueJudgement) -> bool:
    """A short password built from words ([score] human_of_words weighs it): over ``WORD_BUILT`` of it dictionary
    words, and its letters made of words, one of them of four letters or more, as written or read as leetspeak
    (``VMware1!``: VM and ware; ``LS1setup!``; ``SuperP4ssw0rd!``: Super and Password; ``iloveyou99``), or one of six
    letters or more made of shorter words (``Galera11!``: gal, era), or of one letter besides a word of five letters
    or more (``patroni1``: patron), or camel-cased short words (``ourBigFox11``). A leetspeak reading leaves a number at the end as a number (``M4pl3!123`` is Maple and 123).

    A word of four letters inside random characters is chance, and digits read as letters multiply the chances
    (sixteenth hostile review, break 01: ``DA3H6lE7``, ``Baa7didI4q4E``; seventeenth, break 01: ``7burpxkt`` burp,
    ``k7m2wolf`` wolf, ``m41et1sd`` male, hex ``1ead8f06`` lead: 1 in 60-110 random lowercase+digit, hex and
    upper-case+digit passwords of 8-12 characters was taken for words when one such word was enough). Measured with a
    seeded script, 5,000 random passwords for each alphabet and length 8, 10, 12: at most 6 in 5,000 (1 in 800) for
    lowercase, lowercase+digits, hex, upper-case, upper-case+digits and mixed-case alphanumerics, with ``!@#$%^&*`` or
    not, under the 1 in 500 promised (it was up to 80 in 5,000: hex 80/64/39, lowercase+digits 39/36/19, upper-case
    +digits 27/20/12, mixed-case 9/3/2; now lowercase+digits 5/6/2, hex 0/0/0, upper-case+digits 1/0/2, mixed-case
    5/1/0)."""
    if judgement.length >= 16:
        return _elongated_phrase(value)
    if judgement.words <= WORD_BUILT or _HEX_ONLY.match(value):
        return False
    core = value.rstrip('!?.*#')
    number = _NUMBER_END.search(core)
    readings = [text for c in ([core[:number.start()], core] if number is not None else [core])
                for text in leet_readings(c)]
    for text in (value, *readings):
        uncovered, longest, humps, whole, spelled = _word_cover(text)
        if humps and (uncovered == 0 and (longest >= 4 or spelled) or uncovered == 1 and longest >= 5):
            return True
        if text is value and whole and humps >= 3:
            return True  # short words in a row, camel-cased: ourBigFox11 (not read as leetspeak)
    return False


_GUID_LAYOUT = LazyPattern(r'[0-9a-z]{8}-[0-9a-z]{4}-[0-9a-z]{4}-[0-9a-z]{4}-[0-9a-z]{12}\Z|[0-9A-Z]{8}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{12}\Z')
_BEYOND_HEX = LazyPattern(r'[g-zG-Z]')


def _guid_typed_with_letters(value: str) -> bool:
    """A GUID's layout (8-4-4-4-12) in letters beyond hex (QnA Maker's test endpoint key ``1k99…-…``, held-out 100): typed
    to look like a key, for the issuer draws a GUID's digits from hex. (Hex digits with a stray letter or two beyond f
    are not dismissed: a JHipster test's JWT secret and a forge token in a store test are such, labelled realistic,
    as often as a comment's format example is: held-out 97 and the development set.)"""
    return _GUID_LAYOUT.match(value) is not None and _BEYOND_HEX.search(value) is not None


def _ipv6_address(value: str) -> bool:
    """An IPv6 address or network (``2001:db8::48:4558:6175:7468``, ``fe80::1/64``): a DNS zone's AAAA record under a name
    like `auth` (held-out 107)."""
    address, _, prefix = value.partition('/')
    if prefix and not (prefix.isdigit() and int(prefix) <= 128):
        return False
    groups = address.split(':')
    if not 3 <= len(groups) <= 9 or address.count('::') > 1 or ('::' not in address and len(groups) != 8):
        return False
    return all(len(g) <= 4 and all(c in '0123456789abcdefABCDEF' for c in g) for g in groups)


_ELONGATED = LazyPattern(r'([a-z])\1\1+')


def _elongated_phrase(value: str) -> bool:
    """A long phrase of words run together with a letter drawn out (``moneyprintergobrrr``, ``tothemooooon``): a
    person's joke, a project's default, no drawn passphrase (no word list a passphrase is drawn from holds brrr or
    mooon; a random lower-case value is no words): weighed as a short password built from words is (held-out 103)."""
    if not (value.isalpha() and value.islower()) or _ELONGATED.search(value) is None:
        return False
    return word_share(_ELONGATED.sub(r'\1', value)) >= LEETSPEAK_WORDS


def human_of_words() -> float:
    value = HUMAN_OF_WORDS[0]
    if value is None:
        from leakstop.cache import cache_dir, cached_toml
        from leakstop.generic.keys import DATA_FILE
        value = HUMAN_OF_WORDS[0] = float(cached_toml(DATA_FILE, directory=cache_dir())['score'].get('human_of_words', 1.0))
    return value
_WORD_JOINS = LazyPattern(r'(?<=[A-Za-z])[_.-](?=[A-Za-z])')
_NUMBER_TAIL = LazyPattern(r'(?:[^A-Za-z0-9]\d+|\d{2,})\Z')  # Dog11, P@ssw0rd$1: a number, not letters


def leet_readings(value: str) -> tuple[str, ...]:
    """``value`` with its leetspeak read as letters (``k3str4`` -> ``kestra``), once per reading of 1 (i, l),
    @ (a, o) and 3 (e, s); empty if nothing in it stands for a letter."""
    if not _LEET_CHARS.intersection(value):
        return ()
    return tuple(value.translate(table) for table in _LEET)


def _leetspeak_words(value: str) -> bool:
    """``f00b@r``, ``S0meP@ss``, ``0th3rP@ss``: words written in leetspeak, nothing else.

    Only when every digit and symbol stands for a letter: ``P@ssword1234`` and ``thisIsDog11`` end in a
    number, ``P@ssw0rd$1`` in a number after a symbol (passwords a person chose); they are judged as they are.
    """
    if not _LEET_CHARS.intersection(value) or not any(c.isalpha() for c in value) or _NUMBER_TAIL.search(value):
        return False
    for table in _LEET:
        text = value.translate(table)
        joined = _WORD_JOINS.sub('', text)  # superSECURE_Pa55word: words joined by _ - . (a phrase)
        if not joined.isalpha():
            return False
        if joined != text:
            if _identifier_of_words(text) and len([p for p in _HUMP.findall(text) if p.isalpha()]) >= 3:
                return True
            continue
        if (text.lower() in Words.get() or _fixture_words(text) or _CREDENTIAL_WORD_VALUE.match(text)
                or _identifier_of_words(text) or _one_edit_from(text.lower(), _DEMO_WORDS)):
            return True
    return False


# the words a demo password spells in leetspeak, typed with a slip (`P@assw0rd`: wildfly-s2i's Gherkin tables)
_DEMO_WORDS = ('password', 'passwort', 'secret', 'letmein', 'welcome', 'changeme', 'admin')


def _one_edit_from(text: str, words: Sequence[str]) -> bool:
    """Whether ``text`` is one of ``words`` with one letter added, dropped, changed or two swapped."""
    for word in words:
        if abs(len(text) - len(word)) > 1 or len(text) < 5:
            continue
        if len(text) == len(word):
            diff = [i for i in range(len(word)) if text[i] != word[i]]
            if len(diff) <= 1 or len(diff) == 2 and diff[1] == diff[0] + 1 and text[diff[0]] == word[diff[1]] and text[diff[1]] == word[diff[0]]:
                return True
            continue
        short, long_ = (text, word) if len(text) < len(word) else (word, text)
        if any(long_[:i] + long_[i + 1:] == short for i in range(len(long_))):
            return True
    return False


_NUMBER_END = LazyPattern(r'[^A-Za-z0-9]?\d{1,6}\Z')


def _leetspeak_share(value: str) -> float:
    """``word_share`` of ``value``'s letters read as leetspeak (``P@ssw0rd!`` -> ``Password!``,
    ``P@ssw0rd1234`` -> ``Password`` and a number), one or two closing marks ``!?.*#`` and a number at the
    end aside; 0 where nothing stands for a letter."""
    core = value.rstrip('!?.*#')
    if len(value) - len(core) > 2:
        return 0.0
    number = _NUMBER_END.search(core)
    cores = [core[:number.start()], core] if number is not None else [core]  # (pa55: the digits may be letters)
    cores = [c for c in cores if _LEET_CHARS.intersection(c)]
    # also lower-cased: myAwEsOm3pa55 alternates case (its humps are no words), my awesome pass is words
    return max((max(word_share(text), word_share(text.lower()))
                for c in cores for text in (c.translate(t) for t in _LEET)), default=0.0)


# a SHA-1 fingerprint as GPG and certificate tools print it (not 0x and 40 hex digits: an Ethereum address or
# a PGP fingerprint, but also an hCaptcha secret key)
_FINGERPRINT = LazyPattern(r'[0-9A-F]{40}\Z')


_EC_POINT_LENGTHS = {87: 65, 88: 65, 130: 97, 132: 97, 178: 133, 180: 133}  # base64 length -> P-256/384/521 point


def _ec_public_point(value: str) -> bool:
    """The base64 of an uncompressed EC public point (``0x04`` + X + Y: a Web Push subscription's ``p256dh``,
    a VAPID or WebAuthn public key): public by design."""
    size = _EC_POINT_LENGTHS.get(len(value))
    if size is None or value[0] != 'B':  # 0x04 in base64 starts with B
        return False
    import base64
    import binascii
    unpadded = value.rstrip('=')
    try:
        raw = base64.b64decode((unpadded + '=' * (-len(unpadded) % 4)).replace('-', '+').replace('_', '/'), validate=True)
    except (binascii.Error, ValueError):
        return False
    return len(raw) == size and raw[0] == 4


def _repeated_unit(value: str) -> bool:
    """Separators aside, one unit of at most 8 characters over and over (the last one may be cut):
    ``5678defg-5678-defg-5678-defg56``, ``ab12.ab12.ab12``; or any chunk exactly twice."""
    text = _UNIT_SEPARATORS.sub('', value)
    for period in range(1, 9):
        if len(text) < 2 * period + 2:
            break
        unit = text[:period]
        if text == (unit * (len(text) // period + 1))[:len(text)]:
            return True
    # one chunk typed over and over, whole: P@ssw0rd-12P@ssw0rd-12; syncthing's example API key, a 12-hex group three
    # times (held-out 87)
    return len(text) >= 12 and any(text[:period] * (len(text) // period) == text
                                   for period in range(9, len(text) // 2 + 1) if len(text) % period == 0)


_BREAKS = LazyPattern(r'%[0-9A-Za-z]{2}|[\x00-\x1f\x7f]')  # a percent escape (valid or not), a control character


def _word_broken_by_escapes(value: str) -> bool:
    """``sec%zzret``, ``sec%00ret`` (and, percent-decoded, ``sec\\x00ret``): a word with escapes or
    control characters inside it, as a URL parser's tests write them."""
    if '%' not in value and value.isprintable():
        return False
    rest = _BREAKS.sub('', value)
    return bool(rest) and rest != value and (
        rest.lower() in Words.get() or _fixture_words(rest) or bool(_CREDENTIAL_WORD_VALUE.match(rest))
        or _identifier_of_words(rest))


def _word_between_symbols(value: str) -> bool:
    """``p%a&s^s#w!o@r*``: a test word with a symbol after each letter (URL-encoding tests), not a secret."""
    letters = ''.join(c for c in value if c.isalpha())
    return (len(letters) >= 6 and 3 * (len(value) - len(letters)) >= len(value)
            and not any(c.isdigit() for c in value)
            and (_fixture_words(letters) or any(w.startswith(letters.lower()) for w in ('password', 'passphrase'))))


# an ANSI colour or cursor code as source writes it (CRED = "\\033[31m", "\\x1b[0m", "\\u001b[1;32m", "\\e[K")
# held-out 51: FontAwesome's names; Python's \U escapes of an emoji (pyrogram's OLD_KEY = "\U0001f5dd\ufe0f", held-out 100)
_ESCAPED_CHARACTERS = LazyPattern(r'(?:\\u[0-9a-fA-F]{4}|\\U[0-9a-fA-F]{8}|\\x[0-9a-fA-F]{2}){1,4}\Z')
_TERMINAL_ESCAPE = LazyPattern(r'(?:\\033|\\x1[bB]|\\u001[bB]|\\e|\x1b)\[[0-9;?]*[A-Za-z]')


# A keyboard shortcut: modifiers joined by '+' and a key (a browser extension's manifest under suggested_key: "mac":
# "MacCtrl+Shift+U", Electron's accelerators, editors' key maps; held-out 72: keepassxc-browser, 12 false alarms).
_KEYBOARD_SHORTCUT = LazyPattern(
    r'(?i)(?:(?:ctrl|control|alt|altgr|option|opt|shift|meta|cmd|command|macctrl|super|win|mod|cmdorctrl|commandorcontrol)'
    r'[ \t]*\+[ \t]*){1,4}(?:[a-z0-9]|f\d{1,2}|[a-z]{2,12}|[^\sa-z0-9])\Z'
)
_PERCENT_ESCAPES = LazyPattern(r'%[0-9A-Fa-f]{2}')
# An IAM policy's action, service prefix and verb (a4b:PutSkillAuthorization under its own name in chalice's generated
# policies.json, held-out 73; s3:GetObject, kms:*)
_IAM_ACTION = LazyPattern(
    r'[a-z][a-z0-9-]{1,30}:(?:\*|(?:Get|Put|List|Create|Delete|Update|Describe|Invoke|Start|Stop|Send|Receive|Tag|Untag|'
    r'Attach|Detach|Associate|Disassociate|Batch|Modify|Add|Remove|Set|Enable|Disable|Register|Deregister|Run|Publish|'
    r'Subscribe|Unsubscribe|Search|Query|Scan|Decrypt|Encrypt|Generate|Import|Export|Assume|Pass|Upload|Download|Cancel|'
    r'Reset|Restore|Accept|Reject|Execute|Validate|Verify|Sign|Retrieve|Change|Copy|Read|Write|View|Rotate|Revoke|'
    r'Request|Connect|Authorize)(?:[A-Z][a-z0-9]*)*\*?)\Z'
)


_SIGNED_MESSAGE = LazyPattern(r'([A-Za-z0-9+/]{8,}={0,2})--(?:[0-9a-f]{40}|[0-9a-f]{64})\Z')


_ITSDANGEROUS = LazyPattern(r'(I[A-Za-z0-9_-]{3,200})(?:\.[A-Za-z0-9_-]{4,8})?\.[A-Za-z0-9_-]{20,90}\Z')


def _itsdangerous_string(value: str) -> bool:
    m = _ITSDANGEROUS.match(value)
    if m is None:
        return False
    import base64
    import binascii
    try:
        content = base64.urlsafe_b64decode(m.group(1) + '=' * (-len(m.group(1)) % 4))
    except (binascii.Error, ValueError):
        return False
    return len(content) >= 3 and content[:1] == b'"' and content[-1:] == b'"' and b'"' not in content[1:-1]


def _signed_json_string(value: str) -> bool:
    """A value signed by the server that issued it, as Rails' MessageVerifier writes it (a cookie's ``base64--digest``)
    whose content is a JSON string: an identifier anyone can read, which the digest only vouches for (held-out 75:
    Spree's guest_token cookie in recorded demo traffic, 202 false alarms), or as itsdangerous writes it (Flask's and
    Django's ``payload.timestamp.signature``, urlsafe: a notification's id in a callback URL, an e-mail address in a
    verification link; held-out 98). A signed object (a session) still counts."""
    if value[:1] == 'I' and '.' in value:  # (the base64 of a '"')
        return _itsdangerous_string(value)
    if '--' not in value:
        return False
    from urllib.parse import unquote
    m = _SIGNED_MESSAGE.match(unquote(value))
    if m is None:
        return False
    import base64
    import binascii
    try:
        content = base64.b64decode(m.group(1) + '=' * (-len(m.group(1)) % 4), validate=True)
    except (binascii.Error, ValueError):
        return False
    return len(content) >= 3 and content[:1] == b'"' and content[-1:] == b'"' and b'"' not in content[1:-1]


def _percent_encoded_text(value: str) -> bool:
    """URL-encoded text in a script other than Latin (an interface string, ``%D8%A7%D9%84…``: Arabic), as a value is
    written in a localization table: escapes are most of the value and they decode to UTF-8 letters (held-out 72:
    a userscript's strings under names holding pass, Token, Key; 5 false alarms). Random bytes so encoded are
    rarely UTF-8 and never letters."""
    if value.count('%') < 4 or len(_PERCENT_ESCAPES.findall(value)) * 3 < 0.5 * len(value):
        return False
    from urllib.parse import unquote
    try:
        text = unquote(value, errors='strict')
    except UnicodeDecodeError:
        return False
    shown = [c for c in text if not c.isspace()]
    foreign = sum(c.isalpha() and not c.isascii() for c in shown)  # ('رمز Aria2': a label naming a product)
    return foreign >= 2 and foreign >= 0.3 * len(shown)


def _no_letter_or_digit(value: str) -> bool:
    """Punctuation only, URL-encoded or not, or with a count among it (``%20!%22$%&'()*+,-.%3A…``: the WHATWG URL
    parser's test vectors' password; ``123<>!@#$%^&*()-_+=``: a test of rendering a secret; held-out 77 and 78).
    Nobody's password is the keyboard's symbols."""
    if '%' in value:
        from urllib.parse import unquote
        value = unquote(value)
    shown = ''.join(c for c in value if c.isalnum())
    return len(shown) <= 3 and (shown in '1234567890' or shown.lower() in 'abcdefghijklmnopqrstuvwxyz')


def _base64_test_credentials(value: str) -> bool:
    """Base64 (standard or URL-safe, once or as a ``Basic`` header's base64 again) of ``user:password`` whose
    password is test words or a number (ntfy's docs: ``?auth=QmFz…``, base64url of ``Basic`` and the base64 of
    ``testuser:fakepassword``, held-out 54: 9 lines; ``Bearer dGVz…`` of ``test:123``). Real credentials in a
    Basic header are judged as they are."""
    import base64
    import binascii
    text = value
    for _ in range(2):
        if not 8 <= len(text) <= 400 or len(text) % 4 == 1:
            return False
        try:
            raw = base64.b64decode(text + '=' * (-len(text) % 4), altchars=b'-_' if '-' in text or '_' in text else None,
                                   validate=True)
            text = raw.decode('utf-8')
        except (binascii.Error, ValueError):
            return False
        if not text.isprintable():
            return False
        if not text.startswith('Basic '):
            break
        text = text[len('Basic '):]
    user, colon, password = text.partition(':')
    if not colon or not user:
        return False
    plain = password.rstrip('!?£$€#*.')
    return plain.isdigit() or bool(plain) and _fixture_words(plain)


def _ascii_but_symbols(value: str) -> bool:
    """ASCII but for one or two symbols (``§``, ``€``, ``°``) among eight or more characters: a drawn password (a
    seeded user's in juice-shop; held-out 99), not text in another script or language."""
    others = [c for c in value if not c.isascii()]
    if len(others) > 2 or len(value) - len(others) < 8:
        return False
    import unicodedata
    return all(unicodedata.category(c)[0] in 'SP' for c in others)


def not_literal(value: str) -> str | None:
    """Why ``value`` is not a literal secret (a short reason), or None if it may be one."""
    if not value:
        return 'empty'
    if not value.isascii() and not _ascii_but_symbols(value):
        return 'not ASCII'
    if any(ch.isspace() for ch in value):
        return 'contains spaces'
    for reason, check in _CHECKS:
        if check(value):
            return reason
    return None


# Keys their vendors publish by design: PostHog's project key (phc_, a write-only ingestion key in every
# page), Stripe's publishable keys, Mapbox's public tokens, Supabase's publishable keys.
# BIP32 extended public keys (xpub, ypub, zpub, and their testnet and multisig versions): a watch-only wallet's
# key, public by design; a bitcoin address (P2PKH, P2SH, bech32). Their checksums hold (held-out 61: BlueWallet's
# watch-only wallets take one through setSecret('zpub…'), 29 false alarms). A WIF private key passes base58check too,
# but starts with 5, K, L or c.
_BASE58 = LazyPattern(r'[1-9A-HJ-NP-Za-km-z]+\Z')
_EXTENDED_PUBLIC = ('xpub', 'ypub', 'zpub', 'tpub', 'upub', 'vpub', 'Ypub', 'Zpub', 'Upub', 'Vpub')


def _public_chain_value(value: str) -> bool:
    from leakstop.validators import base58check, bech32_checksum  # (validators imports this module)
    if value.startswith(_EXTENDED_PUBLIC) and len(value) >= 50:  # (its prefix says public, cut short or not: xprv is private)
        return _BASE58.match(value) is not None
    if value[:1] in ('1', '3') and 25 <= len(value) <= 35:
        return base58check(value)
    if value.lower().startswith(('bc1', 'tb1')) and 14 <= len(value) <= 90:
        return bech32_checksum(value)
    return False


# (Mailgun's public validation key, pubkey-…: its e-mail validation API for browsers; held-out 79)
_PUBLIC_PREFIXES = ('phc_', 'pk_live_', 'pk_test_', 'pk.eyJ', 'sb_publishable_', 'pubkey-')
# A vendor's token prefix and a few characters: the token written short in an example or a test
# (xoxb-102anc, xapp-A111-222-xyz); every real one is longer, and the vendor's rule judges those.
_SHORT_VENDOR_TOKEN = LazyPattern(
    r'(?:xox[abposr]-|xapp-|gh[pousr]_|github_pat_|glpat-|[sr]k_(?:live|test)_|npm_|pypi-|hf_|sk-(?:proj|ant)-)'
    r'[A-Za-z0-9._-]{0,14}\Z'
)

# A PowerShell cmdlet's name (Verb-Noun, an approved verb): ``$credential = Get-SCRunAsAccount -Name …`` (held-out 76)
_CMDLET = LazyPattern(
    r'(?:Get|Set|New|Read|Invoke|Import|Export|ConvertTo|ConvertFrom|Convert|Select|Find|Add|Test|Out|Write|Request'
    r'|Resolve|Use|Protect|Unprotect|Grant|Start|Connect|Register|Update|Install|Enable|Disable|Remove|Show)'
    r'-[A-Z][A-Za-z]{2,}\Z'
)
# An Active Directory (LDAP) distinguished name, or a Windows security identifier: the principals allowed to read a
# managed password (PrincipalsAllowedToRetrieveManagedPassword = 'CN=User01,OU=Users,…', 'S-1-5-21-…'; held-out 76)
_DIRECTORY_NAME = LazyPattern(
    r'(?:CN|OU|DC|UID|O)=[^,=]+(?:,[ \t]*(?:CN|OU|DC|UID|O|L|ST|C)=[^,=]*)+\Z|S-1-\d{1,2}(?:-\d+){1,14}\Z', re.I)


# A Matrix identifier: a user, a room, an alias or a group, its sigil, its local part and its server
# (`@alice:example.org`, `!room:matrix.org`, `#ops:example.org:8448`): a name, not a secret (held-out 92: a Matrix
# homeserver's test events under `state_key`, 5 false alarms). An event id with its server (`$abc:server`) too.
_MATRIX_ID = LazyPattern(r'[@!#+$][A-Za-z0-9._=/+-]{1,255}:[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}(?::\d{1,5})?\Z')


def _nkey_public(value: str) -> bool:
    from leakstop.validators import nats_nkey_public  # (validators imports this module)
    return nats_nkey_public(value)


def _file_base64(value: str) -> bool:
    """The base64 of a program, an archive, an image or a serialized object, by its format's magic
    (``engine.FILE_BASE64``: ``rO0AB…`` a Java serialization stream, ``TVqQ…`` a Windows executable; held-out 99)."""
    if len(value) < 24 or not value[:1].isalnum() and value[:1] != '/':
        return False
    from leakstop.engine import FILE_BASE64  # (engine imports this module on first need)
    return value.encode('ascii', 'replace').startswith(FILE_BASE64)


# Values every implementation prints: the digests of empty input (MD5, SHA-1, SHA-256) and the base64 of the
# commonest JWT headers; a value that is one of them or a slice of one is filler (woodpecker's tests: the first 29
# digits of SHA-256(""), a 10-character slice of the HS256 header; held-out 97).
_KNOWN_HEX = ('d41d8cd98f00b204e9800998ecf8427e', 'da39a3ee5e6b4b0d3255bfef95601890afd80709',
              'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855')
_KNOWN_BASE64 = ('eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9', 'eyJ0eXAiOiJKV1QiLCJhbGciOiJIUzI1NiJ9',
                 'eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9', 'eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9',
                 'eyJhbGciOiJIUzUxMiIsInR5cCI6IkpXVCJ9', 'eyJhbGciOiJFUzI1NiIsInR5cCI6IkpXVCJ9')


def _well_known_constant(value: str) -> bool:
    if len(value) < 10:
        return False
    low = value.lower()
    return any(low in c for c in _KNOWN_HEX) or any(value in c for c in _KNOWN_BASE64)


_CODEC_SHAPE = LazyPattern(r'[A-Za-z][A-Za-z0-9]*(?:[_-][A-Za-z0-9]+){1,3}\Z')


def _codec_name(value: str) -> bool:
    """A codec's name (``unicode-escape``, ``utf-16-le``, ``latin-1``): the argument of a ``.decode("…")`` whose
    receiver is the secret's variable (cowrie's ``password=self.passwordState.decode("unicode-escape")``; held-out 99)."""
    if len(value) > 24 or not _CODEC_SHAPE.match(value):
        return False
    import codecs
    try:
        codecs.lookup(value)
    except LookupError:
        return False
    return True


FINGERPRINT = 'fingerprint (uppercase SHA-1 hex)'
_CHECKS: tuple[tuple[str, Callable[[str], object]], ...] = (  # in order: the first that holds is the reason
    ('reference or template', lambda v: REFERENCE.search(v)),
    ('terminal escape sequence', lambda v: _TERMINAL_ESCAPE.search(v)),
    ('escaped characters', lambda v: _ESCAPED_CHARACTERS.match(v)),  # an icon font's code point: UserSecret = "\uf2bd" 
    ('URL-encoded text', _percent_encoded_text),
    ('keyboard shortcut', lambda v: _KEYBOARD_SHORTCUT.match(v)),
    ('IAM action', lambda v: _IAM_ACTION.match(v)),
    ('a signed identifier (a JSON string and its digest)', _signed_json_string),
    ('number, version or date', lambda v: _NUMBER_OR_VERSION.match(v)),
    ('package and version', lambda v: _PACKAGE_PIN.match(v)),
    ('entry point (module:function)', lambda v: '_' in v and _ENTRY_POINT.match(v)),
    ('URL', lambda v: _URL.match(v) or _HOST_AND_PATH.match(v) or _GIT_REMOTE.match(v)),
    ('e-mail address', lambda v: _EMAIL.match(v)),
    ('path', lambda v: _PATH_PREFIX.match(v) or _LOWER_PATH.match(v) or _ROUTE.match(v) or _PATH_LIST.match(v)),
    ('container image and digest', lambda v: _IMAGE_DIGEST.match(v)),
    ('IP addresses', lambda v: _IP_LIST.match(v) or _ipv6_address(v)),
    ('a token prefix alone', lambda v: _PREFIX_ALONE.match(v)),
    ('file name', lambda v: _FILE_NAME.match(v)),
    ('dotted name', lambda v: _DOTTED_NAME.match(v)),
    ('constant name', lambda v: _UPPER_SNAKE.match(v) or _UPPER_KEBAB.match(v)),
    ('issue tracker key', lambda v: _ISSUE_KEY.match(v)),
    ('lowercase words joined by underscores', lambda v: _LOWER_SNAKE_WORDS.match(v)),
    ('base64 of test credentials', _base64_test_credentials),
    ('class name', lambda v: _CLASS_PATH.match(v)),
    ('host name', lambda v: _HOST_NAME.match(v)),
    ('dotted name', lambda v: _DOTTED_LOWER.match(v)),
    ('code', _code),
    ('JSON text or an elided value', lambda v: _JSON_OR_ELIDED.search(v)),
    ('capitalized word', lambda v: _CAPITALIZED_WORD.match(v)),
    ('hash or key of another kind', lambda v: _HASH_OR_TOKEN_ELSEWHERE.search(v) or _DIGEST_PREFIX.match(v)),
    ('regular expression', _regex_source),
    ('configuration word', lambda v: v.lower() in _NOT_SECRET_WORDS),
    ('a documented default password', lambda v: v.lower() in _DOCUMENTED_DEFAULTS),
    ("base64 of a file (its format's magic)", _file_base64),
    ('a well-known constant (or a slice of one)', _well_known_constant),
    ("an encoding's name", _codec_name),
    ('algorithm name', lambda v: _ALGORITHM_NAME.match(v)),
    ('a word with symbols between its letters', _word_between_symbols),
    ('public key blob', lambda v: _STRONG_NAME_PUBLIC_KEY.match(v) or _SSH_PUBLIC_KEY.match(v)),
    # the base64 of a CryptoAPI SIMPLEBLOB (01 02 00 00: a session key encrypted to an RSA key container), as IIS's
    # applicationhost.config stores its AesProvider sessionKey: ciphertext (held-out 58)
    ('encrypted session key', lambda v: v.startswith('AQIAAA') and len(v) >= 100),
    ('Windows product key', lambda v: _PRODUCT_KEY.match(v)),
    ('a GUID typed with letters beyond f', _guid_typed_with_letters),
    ('EC public key point', _ec_public_point),
    ('push registration token', lambda v: _FCM_REGISTRATION.match(v)),
    ('PayPal checkout token', lambda v: _PAYPAL_CHECKOUT.match(v)),
    ('payment object id', lambda v: _PAYMENT_OBJECT_ID.match(v)),
    ('block comment', lambda v: _BLOCK_COMMENT.match(v)),
    ('parameter name', lambda v: _PARAMETER_NAME.match(v) and len(v) % 4 != 0),
    ('test or credential word', lambda v: _fixture_words(v) or _CREDENTIAL_WORD_VALUE.match(v) or _name_and_test_word(v)),
    # (in leetspeak too: W3bh00kS3cret!2025, sEcr3T!, P4ssw0rd-f0r-th3-d4t4b4s3; held-out 103)
    ('contains the word password', lambda v: _PASSWORD_IN_VALUE.search(v) or _password_in_leetspeak(v)),
    ('repeated chunk', lambda v: _REPEATED_CHUNK.match(v) or _CHARACTER_RUNS.match(v) or _repeated_unit(v)),
    ('framework value', lambda v: _FRAMEWORK_VALUE.match(v)),
    ('a key public by design', lambda v: v.startswith(_PUBLIC_PREFIXES) or _nkey_public(v)),
    ('PowerShell cmdlet', lambda v: _CMDLET.match(v)),
    ('directory name or security identifier', lambda v: _DIRECTORY_NAME.match(v)),
    ('Matrix identifier (a sigil, a name, a server)', lambda v: _MATRIX_ID.match(v)),
    ('a vendor token written short', lambda v: _SHORT_VENDOR_TOKEN.match(v)),
    ('counting pattern', _counting_pattern),
    ('punctuation', _no_letter_or_digit),
    ('alphabet run', lambda v: has_run(v, _ALPHABET, 5) or has_run(v, _DIGITS, 6) or _letters_through_alphabet(v)
     or has_run(v, _ALPHABET[::-1], 5) or has_run(v, _DIGITS[::-1], 6)),  # (counting down too: 654321; held-out 97)
    ('identifier made of words', _identifier_of_words),
    ('words in leetspeak', _leetspeak_words),
    (FINGERPRINT, lambda v: _FINGERPRINT.match(v) and not v.isdigit()),
    ('an extended public key or an address', _public_chain_value),
)


# (held-out 99: juice-shop's `ncc-1701`, 38 false alarms; a drawn value of letters and digits holds no separator,
# one of all printable characters holds this shape once in thousands)
_LETTERS_THEN_NUMBER = LazyPattern(r'(?:[A-Za-z]{2,}[-_.][0-9]{2,}|[0-9]{2,}[-_.][A-Za-z]{2,})\Z')


def classes(value: str) -> int:
    return sum((
        any(c.islower() for c in value), any(c.isupper() for c in value),
        any(c.isdigit() for c in value), any(not c.isalnum() for c in value),
    ))


_BASE64 = LazyPattern(r'[A-Za-z0-9+/_-]{8,}={0,2}\Z|[A-Za-z0-9+/_-]{6,7}={1,2}\Z')  # (dGVzdA==: "test", padded)
_JWT_HEADER_ONLY = LazyPattern(r'\AeyJ[A-Za-z0-9_-]{10,}={0,2}\Z')  # eyJhbGciOi...: a JWT header, no payload
_JWT_SHAPE = LazyPattern(r'[A-Za-z0-9_-]{2,}\.[A-Za-z0-9_-]{2,}\.[A-Za-z0-9_-]*\Z')


# a JWT written with a letter for its header and its signature (`H.eyJzdWIiOiJqb2huIn0.S`, `H.MTIzNDU2.S`): a test
# of the code that reads claims, which never checks them (held-out 56, 12 false alarms)
_STAND_IN_JWT = LazyPattern(r'[A-Za-z0-9_-]{1,2}\.[A-Za-z0-9_-]{2,}\.[A-Za-z0-9_-]{0,2}\Z')


def malformed_jwt(value: str) -> bool:
    """A JWT's shape (three dotted parts, one of them ``eyJ…``) whose header or payload is no JSON object:
    a token broken on purpose (``badz.eyJ….sig`` in a negative test), not one an issuer signed; or one whose
    header and signature are a letter or two (``H.eyJ….S``)."""
    if _STAND_IN_JWT.match(value):
        return True
    if 'eyJ' not in value or not _JWT_SHAPE.match(value):
        return False
    from leakstop.validators import jwt_parts  # (validators imports this module)
    return jwt_parts(value) is None


_HEX = LazyPattern(r'(?:[0-9a-f]{2}){8,}\Z|(?:[0-9A-F]{2}){8,}\Z')
_NAMED_KEY = LazyPattern(r'[A-Za-z][\w.-]{0,40}:([A-Za-z0-9+/_-]{16,}={0,2})\Z')  # MinIO KMS: my-key:<base64 or hex>


def decoded_text(value: str) -> str | None:
    """The text ``value`` is the base64 (standard or URL-safe) or the hex of, or None: random bytes, not text.

    A named key (``name:<base64>``, as MinIO's KMS takes it) is judged by its key part."""
    named = _NAMED_KEY.match(value)
    if named is not None:
        value = named.group(1)
    if _HEX.match(value):
        raw_hex = bytes.fromhex(value)
        return raw_hex.decode('ascii') if all(32 <= b < 127 for b in raw_hex) else None
    if len(value) % 4 == 1 or not _BASE64.match(value):
        return None
    import base64
    import binascii
    unpadded = value.rstrip('=')
    padded = unpadded + '=' * (-len(unpadded) % 4)
    try:
        raw = base64.b64decode(padded.replace('-', '+').replace('_', '/'), validate=True)
    except (binascii.Error, ValueError):
        return None
    raw = raw.rstrip(b'\r\n')  # echo 'user:pass' | base64 encodes the newline too
    if len(raw) < 4 or not all(32 <= b < 127 or b in _TEXT_BREAKS for b in raw):
        return None
    text = raw.decode('ascii')
    if not _TEXT_BREAKS.isdisjoint(raw) and not (_PROSE.fullmatch(text) and word_share(text) >= 0.8):
        return None  # (lines of prose: held-out 95's joke token; not a config's or a key's lines, judged as before)
    return text


_TEXT_BREAKS = frozenset(b'\t\n\r')
_PROSE = LazyPattern(r"(?:[A-Za-z]+[,.!?;'’]*\s+)*[A-Za-z]+[.!?]*")


# A word that marks a made-up value (``YXNkZmZm_HARDcoded``, ``fakeMqdu…``), at either end of it.
_MARKED = LazyPattern(r'(?i)(?:(hardcoded|fake|dummy|placeholder|redacted|notreal)[_.-]?(.{4,})'
                      r'|(.{4,}?)[_.-]?(hardcoded|fake|dummy|placeholder|redacted|notreal)\d{0,2})\Z')


def _marked_words(value: str) -> str | None:
    """Why ``value`` is made up: a marker word at one end and, beside it, words or the base64 of text
    (``YXNkZmZmZmZm_HARDcoded``: 'asdffffff' and a marker). None when the rest is random: a marker
    word does not make generated material safe (a real key pasted beside 'fake' is still a key)."""
    m = _MARKED.match(value)
    if m is None:
        return None
    rest = m.group(2) or m.group(3)
    judged = judge_value(rest)
    if judged.randomness >= 0.6 and not judged.reason.startswith('base64 of text'):
        return None
    return f'a marker word ({(m.group(1) or m.group(4)).lower()}) and {judged.reason}'


# A vendor-style prefix (``DMS_``, ``gho_``, ``tok-``) and the rest of the value.
_PREFIXED = LazyPattern(r'([A-Za-z][A-Za-z0-9]{1,9})[_-]([A-Za-z0-9+/_-]{4,}={0,2})\Z')
# Reasons of ``not_literal`` that make the rest after a prefix words, not generated material
# (numbers are not among them: ``xoxb-1234…`` is digits after a prefix and may be a token).
_WORD_REASONS = frozenset((
    'test or credential word', 'identifier made of words', 'counting pattern', 'alphabet run', 'repeated chunk',
    'configuration word', 'contains the word password', 'capitalized word', 'words in leetspeak',
))


def _prefixed_words(value: str) -> str | None:
    """Why a prefixed value is words, not a secret: ``DMS_`` + the base64 of ``access_token``, ``gho_abc123``
    (a prefix and a counting pattern). None when the rest may be generated material."""
    m = _PREFIXED.match(value)
    if m is None:
        return None
    rest = m.group(2)
    text = decoded_text(rest)
    if text is not None:
        if ' ' in text and word_share(text) < 0.5:
            return None  # random characters with a space, as in judge_value
        inner = not_literal(text)
        if inner is not None or text.count(' ') > 1:
            return f'a prefix and the base64 of text: {inner or "prose"}'
        return None
    return 'a prefix and words' if not_literal(rest) in _WORD_REASONS else None


_JUDGED: dict[str, ValueJudgement] = {}
_JUDGED_MAX = 20_000  # values remembered (a source tree repeats them: 7,900 judged, 2,900 distinct)


def judge_value(value: str) -> ValueJudgement:
    """Scores for ``value`` (see the module docstring); zero for both with the reason when not a literal.

    The base64 of text (``ZXhhbXBsZS1hcHAtc2VjcmV0``, a JWT header alone) is judged by its text.
    A pure function of ``value``: remembered, since the same names and values recur from file to file.
    """
    judged = _JUDGED.get(value)
    if judged is None:
        if len(_JUDGED) >= _JUDGED_MAX:
            _JUDGED.clear()
        judged = _JUDGED[value] = _judge_value(value)
    return judged


# A URL's query as a value (an Azure SAS token sp=r&st=…&sig=…): its parameters, name and value.
_QUERY_STRING = LazyPattern(r'[?&]?(?:[\w.-]{1,40}=[^&=\s]*&){2,}[\w.-]{1,40}=[^&=\s]*\Z')
_QUERY_PARAMETER = LazyPattern(r'([\w.-]{1,40})=([^&=\s]*)')
# the parameters that carry the secret of a signed URL or a token's query (the rest are names, dates, flags)
_QUERY_SECRETS = frozenset((
    'sig', 'signature', 'x-amz-signature', 'x-goog-signature', 'token', 'access_token', 'api_key', 'apikey', 'key',
    'secret', 'client_secret', 'password', 'pass', 'pwd', 'auth', 'code', 'x-amz-security-token', 'api-key',
    'access-token', 'auth_token', 'private_token', 'refresh_token',
))


def _query_string(value: str) -> ValueJudgement | None:
    """A query string is as secret as its secret parameters (an Azure SAS token is its ``sig``): judged by the
    strongest of them; none, or only words and placeholders among them (``sig=abcd``): not a secret."""
    if '&' not in value or not _QUERY_STRING.match(value):
        return None
    secrets = [v for k, v in _QUERY_PARAMETER.findall(value) if k.lower() in _QUERY_SECRETS and v]
    if not secrets:
        return ValueJudgement(0.0, 0.0, 'a query string without a secret parameter')
    from urllib.parse import unquote
    best = max((judge_value(unquote(v)) for v in secrets), key=lambda j: max(j.randomness, j.human_password))
    return best._replace(reason=f'a query string: {best.reason}')


_SPKI_START = LazyPattern(r'M[A-Za-z0-9+/]{59}')  # a DER SEQUENCE (0x30) in base64: only those are decoded


def public_key_info(value: str) -> bool:
    """Whether ``value`` is the base64 of a DER SubjectPublicKeyInfo (``MIIBIjANBgkqhkiG9w0BAQEFAAOC…``): a public
    key by its structure, whatever name it is under (a Chrome extension manifest's ``"key"``, held-out 66)."""
    if not _SPKI_START.match(value):
        return False
    from leakstop.validators import der_public_key_info  # (validators imports this module)
    return der_public_key_info(value)


def _judge_value(value: str) -> ValueJudgement:
    query = _query_string(value)  # (before the words of its names: client_secret=… holds 'secret')
    if query is not None:
        return query
    if value.startswith('$9$'):  # Junos' reversible encoding: the password it holds is judged (held-out 90)
        from leakstop.reversible import junos9_plaintext
        plain = junos9_plaintext(value)
        if plain is not None:
            judged = judge_value(plain)
            return judged._replace(reason=f'Junos $9$ of a password: {judged.reason}')
    reason = not_literal(value)
    if reason is not None:
        return ValueJudgement(0.0, 0.0, reason)
    text = decoded_text(value)
    if text is not None:
        if any(ch.isspace() for ch in text) and word_share(text) < 0.5:
            text = ''.join(text.split())  # random characters with a space (q7zk 9wmx…), not prose
        inner = 'a JWT header' if _JWT_HEADER_ONLY.match(value) and text.startswith('{') else not_literal(text)
        if inner is not None:  # (text with spaces is 'contains spaces' here: prose included)
            return ValueJudgement(0.0, 0.0, f'base64 of text: {inner}')
        judged = judge_value(text)  # the base64 of a password is as strong as the password
        return judged._replace(reason=f'base64 of text: {judged.reason}')
    if malformed_jwt(value):
        return ValueJudgement(0.0, 0.0, 'a JWT whose header or payload does not parse')
    if public_key_info(value):
        return ValueJudgement(0.0, 0.0, 'a public key (base64 DER SubjectPublicKeyInfo)')
    prefixed = _prefixed_words(value) or _marked_words(value)
    if prefixed is not None:
        return ValueJudgement(0.0, 0.0, prefixed)
    if _word_broken_by_escapes(value):
        return ValueJudgement(0.0, 0.0, 'a word broken by escapes')
    n = len(value)
    k = classes(value)
    h = shannon_entropy(value)
    w = word_share(value)
    if w < LEETSPEAK_WORDS:  # a word in leetspeak with a mark (P@ssw0rd!) is a password a person typed, not random
        leet = _leetspeak_share(value)
        w = leet if leet >= LEETSPEAK_WORDS else w
    uuid = bool(_UUID.match(value))
    letters = sum(c.isalpha() for c in value)
    # generated material: the longer, the less it needs mixed classes
    if uuid:
        randomness = 0.9
    elif n >= 16 and h >= 3.0 and (k >= 2 and w <= 0.6 or w <= 0.35):
        randomness = 0.9
    elif n >= 24 and h >= 3.3 and w <= 0.75:
        randomness = 0.8
    elif n >= 10 and k >= 2 and h >= 2.8 and w <= 0.4:
        randomness = 0.75
    elif n >= 8 and k >= 3 and h >= 2.5 and w <= 0.5:
        randomness = 0.65
    else:
        randomness = 0.0
    if randomness in (0.75, 0.65) and _LETTERS_THEN_NUMBER.match(value):
        randomness = 0.0  # letters, a separator, a number (ncc-1701, Build_2024): typed, not drawn
    typed = randomness > 0 and typed_along_rows(value)  # (score: no token, a password still)
    # a password a person chose: letters with digits or symbols, or a non-word of letters
    if not 6 <= n <= 64 or letters == 0:
        human = 0.0 if n < 6 or n > 64 else 0.6 if n >= 8 and k >= 2 else 0.0
    elif k >= 2 and (any(c.isdigit() for c in value) or any(not c.isalnum() for c in value)):
        human = 0.8 if k >= 3 else 0.7
        if _identifier_of_words(''.join(c for c in value if not c.isdigit()).strip('_-.:/')):
            human = 0.5  # words and a number: types-pywin32, jigsaw.thistle-07 (a password only under a password key)
    elif value.isalpha() and n >= 8 and w <= 0.5 or value.isalpha() and value.islower() and n >= 16:
        human = 0.6  # a made-up word, or a passphrase of words run together
    else:
        human = 0.0
    shape = 'uuid' if uuid else f'{n} chars, {k} classes' + (', typed along the keyboard rows' if typed else '')
    return ValueJudgement(randomness, human, shape, uuid, n, k, round(h, 2), round(w, 2), typed)


_PASSPHRASE_WORD = LazyPattern(r'[a-z]+\d{0,4}\Z')


def judge_passphrase(value: str) -> ValueJudgement:
    """A quoted value of words under a passphrase key (``correct horse battery staple``): four or more
    lowercase words, 20 characters or more, no placeholder or credential word among them."""
    words = value.split()
    if len(words) < 4 or len(value) < 20 or not all(_PASSPHRASE_WORD.match(w) for w in words):
        return ValueJudgement(0.0, 0.0, 'not a passphrase of words')
    if any(_fixture_words(w) or _PASSWORD_IN_VALUE.search(w) or w in ('your', 'here', 'enter', 'the') for w in words):
        return ValueJudgement(0.0, 0.0, 'a sentence or a placeholder, not a passphrase')
    return ValueJudgement(0.0, 0.7, f'a passphrase of {len(words)} words', length=len(value))


def assigned_password(secret: str, human_factor: float = 1.0) -> bool:
    """A literal assigned to a password- or secret-named key: weak real passwords count, names do not.
    ``human_factor``: as the generic score weighs a short chosen password in tests and docs."""
    j = judge_value(secret.strip())
    factor = human_factor if len(secret.strip()) < 16 else 1.0
    if built_from_words(secret.strip(), j):  # (as the generic score weighs a short one built from words)
        factor = min(factor, human_of_words())
    return 6 <= len(secret.strip()) <= 1000 and (j.human_password * factor >= 0.5 or j.randomness >= 0.5)


def cisco_type7_password(secret: str, human_factor: float = 1.0) -> bool:
    """A Cisco type 7 string whose password (the encoding is reversible) is judged like any assigned password:
    type 7 of ``cisco123`` in a lab's config is a word (held-out 90), of a generated password a secret."""
    from leakstop.reversible import cisco_type7_plaintext
    plain = cisco_type7_plaintext(secret.strip())
    return plain is not None and assigned_password(plain, human_factor)


def junos9_password(secret: str, human_factor: float = 1.0) -> bool:
    """A Junos ``$9$`` string whose password is judged like any assigned password (``$9$`` of ``network`` is a word;
    held-out 90); one that does not read back as text is kept, as before the encoding was read."""
    from leakstop.reversible import junos9_plaintext
    plain = junos9_plaintext(secret.strip())
    return plain is None or assigned_password(plain, human_factor)


def url_password(secret: str, human_factor: float = 1.0) -> bool:
    """The password of a URL's user info (percent-decoded), judged like any assigned password."""
    from urllib.parse import unquote
    return assigned_password(unquote(secret), human_factor)


def assigned_token(secret: str) -> bool:
    """A literal assigned to a token/API-key-named key: generated material only, UUIDs excluded."""
    j = judge_value(secret.strip())
    return 8 <= len(secret.strip()) <= 1000 and j.randomness >= 0.6 and not j.uuid


# --- a value with no key to go by: a template's values (block-env-files) -------------------------

RANDOM_TOKEN_MIN_LENGTH = 20
_TOKEN_CHARS = LazyPattern(r'[A-Za-z0-9+/=_\-.~]+\Z')
_ALL_HEX = LazyPattern(r'[0-9a-fA-F]+\Z')
_LETTER_RUN = LazyPattern(r'[A-Z]?[a-z]+|[A-Z]+(?![a-z])')


def mean_word_length(value: str) -> float:
    """Mean length of the letter runs of ``value`` split at case changes (``MyAppName`` -> 3.0)."""
    words = _LETTER_RUN.findall(value)
    return sum(map(len, words)) / len(words) if words else 0.0


def random_token(value: str) -> bool:
    """A long token of random characters: the shape of a key, not of a setting (a template's value,
    judged without its key, so stricter than ``judge_value``'s randomness).

    Names are made of words (``MyApplicationNameV2``, ``redis-cache-01``: letter runs of 4+
    on average); random base62/base64 splits into runs of about 2. Hex needs 32+ characters.
    UUIDs are identifiers (left to the secret rules, which know their context).
    """
    if len(value) < RANDOM_TOKEN_MIN_LENGTH or not _TOKEN_CHARS.match(value) or _UUID.match(value):
        return False
    if _UPPER_SNAKE.match(value):
        return False  # a constant's name (MOCK_CALL_KENT_R2_BUCKET; held-out 59)
    if _ALL_HEX.match(value):
        return len(value) >= 32 and shannon_entropy(value) >= 3.0
    return (
        shannon_entropy(value) >= 3.5 and mean_word_length(value) < 4.0
        and any(ch.isdigit() for ch in value)
    )

"""leakstop.placeholders: the one home of "is this a placeholder or a reference?"."""
from __future__ import annotations

import base64
import os
import random

import pytest

import fakes

from leakstop.config import Config
from leakstop.placeholders import PlaceholderShapes, counting_bytes, is_placeholder, is_reference, placeholder_password

SRC = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), 'src', 'leakstop')


@pytest.mark.parametrize(('value', 'reference'), [
    ('${DB_PASSWORD}', True), ('{{ vault_db_password }}', True), ('%(password)s', True), ('os.environ["X"]', True),
    ('vault:secret/data/db#password', True), ('!vault', True), ('ENC[AES256_GCM,data:abc]', True), ('$API_KEY', True),
    ('Zq8bX3nR5tY7uV9wK2mL', False), ('hunter22', False), ('sk_live_abc123', False),
])
def test_references(value: str, reference: bool) -> None:
    assert is_reference(value) is reference


@pytest.mark.parametrize(('password', 'placeholder'), [
    ('password', True), ('<secret>', True), ('${PASS}', True), ('CHANGEME', True), ('{pwd}', True),
    ('Vq8Lr2Zx9TfK', False), ('hunter22', False),
])
def test_placeholder_passwords(password: str, placeholder: bool) -> None:
    assert placeholder_password(password) is placeholder


@pytest.mark.parametrize(('value', 'placeholder'), [
    ('<your-api-key>', True), ('<path/to/your/service-account-key>.json', True), ('sk-<key>', True),
    ('prefix_<TOKEN>_x', True), ('Xk<9mQ>2vL7', False), ('a<b>c', False),  # random characters around < >
    ('your_token_here', True), ('changeme', True), ('Pl3453Ch4n63M3!', True), ('cHanGeThePasWwoRd', True),
    ('Ch4n63d!9x', False), ('xxxxxxxx', True), ('${X}', True),
    ('"Zq8bX3nR5tY7uV9wK2mL"', False),
    ('fedcba9876543210', True), ('zyxwvutsrqp0', True), ('Zq8bX3nR5tY7uV9wK2mL', False),  # runs backwards too
    # a variable's name after $, not a password after $ (sixteenth hostile review, break 02)
    ('$DB_PASSWORD', True), ('$dbPassword', True), ('$secret2', True), ('$k9XqT7vLp2m', False), ('$Rk9XqT7vLp2', False),
    ('$AWS_S3_KEY', True), ('$K9XQT7VLP2MZ4', False), ('$H7K2M9Q4X8Z3W6P5R1T0', False),  # (seventeenth, break 04)
])
def test_the_allowlist_judges_placeholders_with_the_shipped_shapes(value: str, placeholder: bool, default_config: Config) -> None:
    shapes = default_config.allowlist.builtin.placeholders
    assert shapes == PlaceholderShapes.load()
    assert is_placeholder(value, shapes) is placeholder


def test_no_other_module_keeps_placeholder_shapes_or_references() -> None:
    """One home: the shapes, the reference pattern and the placeholder passwords are defined only in
    placeholders.py (other modules import them)."""
    homes = []
    for directory, _, names in os.walk(SRC):
        for name in names:
            if name.endswith('.py'):
                path = os.path.join(directory, name)
                with open(path) as f:
                    text = f.read()
                if ('REFERENCE = ' in text or 'def is_placeholder' in text or '_PLACEHOLDER_PASSWORDS = ' in text
                        or "'placeholders.toml'" in text):
                    homes.append(os.path.relpath(path, SRC))
    assert homes == ['placeholders.py']


# One value per alternative of REFERENCE that only that alternative matches: a typo in one alternative (or
# in the seam between two lines of the pattern) turns its value into a literal.
@pytest.mark.parametrize('value', [
    'user %d has %d items',  # printf formats (two of them)
    '#fff', '#ansiblue',  # colours
    'not_set', 'none-given',  # not_..., none-...
    'data:db_password', 'secrets:db', 'vault:db',  # a secret manager's prefix
    'var.db_password', 'local.token',  # Terraform references
    '@DB_PASSWORD@', '[[ .Password ]]',  # Maven / Ant filters, Hugo
    'GH_TOKEN=$GH_TOKEN', 'DB_PASSWORD=${DB_PASSWORD}',  # a variable set from a variable
    '###ORACLE_PWD###',  # a template's marker
    '!Ref', '*default_password',  # YAML tags and aliases
    # names after @ ! * $ as people write them (seventeenth hostile review, break 04)
    '@Value', '@p1', '@__p_0', '@Model.Password', '@project.build.sourceEncoding@', '!vault', '!!binary', '!GetAtt',
    '*common-env', '*DEFAULTS', '$AWS_S3_KEY', '$HOME2', '{password', '{user.password',
    '%Y-%m-%dT%H:%M:%SZ',  # strftime
    'id=NPM_TOKEN',  # docker build --secret id=NAME
    '(randAlphaNum 16)',  # a template function call
    'ENC[AES256_GCM,data:abc]', 'EJ[1:abc]', 'vault:v1:abc', 'AQICAHabc',  # ciphertext
    '{AQAAABAAAAAQx8Rk2Lm9Zq}',  # a Jenkins Secret's ciphertext (held-out 26)
    '__encrypt__Z0FBQUFBQm5rUTJ4',  # Netmiko's encrypted value (held-out 31)
    'U2FsdGVkX19Xk9mQ2vL7pW4Zq8bX3nR5tY7uV9wK2mL=',  # openssl enc's base64 (Salted__ and a salt): held-out 47's transcrypt
    'credentialsJSON:0b5b9c0d-1f2a-4c3e',  # a TeamCity token's id (held-out 26)
    '$user:$pass', '$DB_USER@$DB_HOST',  # two shell variables joined (held-out 26)
    '$$LOCAL_HANA_PASSWORD',  # a variable as docker-compose and make escape its $ (held-out 77)
    '$dbPassword', '$db_pass2', '$Password', '$PGPASSWORD',  # a variable's name (sixteenth hostile review, break 02)
    "'$using:GrafanaLDAPuserpwd'", 'Password=$using:SqlPass;', '$script:Token', '$env:DB_PASSWORD',  # PowerShell's scopes
    '$WAC_SETTINGS_REG_KEY\\Ha',  # a variable and a Windows path (held-out 76)
    '((gitbot_ssh_key.private_key))', '(( db_password ))',  # Concourse / BOSH variables (held-out 29)
    'env.PWD: ($env.PWD)', '($secrets.db)', '($env.PWD',  # Nushell / PowerShell subexpressions (held-out 46)
    '$rabbitmq::default_pass', '$::fqdn', '$foreman::db::password',  # Puppet's qualified variables (held-out 85)
])
def test_each_kind_of_reference(value: str) -> None:
    assert is_reference(value)


@pytest.mark.parametrize('value', ['$a$b', '$$$A', '$$9a', '$$k9Xq2mW7vR4tZp8L', '$$Money2024', '$$PASSWORD', '$k9XqT7vLp2m', '$Xq7vLp9RmK2', 'x$usingSql', '$using:',  'x$user:$pass', 'AQAAABAAAAAQx8Rk2Lm9Zq', 'credentials:x9', 'x((y))', 'Xq($9Lk)2w'])
def test_near_references_are_not_references(value: str) -> None:
    assert not is_reference(value)


@pytest.mark.parametrize('value', [
    '@IxsY9d10khknw2jCIxF', '@Hq7Zk2LmX9vT4wR8nPbY3cJ', '!ZIByOAe4QvZ', '!!Zk2LmX9vT4', '*RDzirGdq7Kx', '*k9-XqT7vLp2',
    '$K9XQT7VLP2MZ4', '$H7K2M9Q4X8Z3W6P5R1T0', '$K9X_QT7V', '{rkC6QoP', '@db.k9XqT7vLp2m@', '$k9Xq::T7vL',
])
def test_random_letters_and_digits_after_a_reference_sign_are_no_name(value: str) -> None:
    """A decorator or SQL variable (@name), a YAML tag (!name) or alias (*name), an environment variable ($NAME), an
    expression in braces: only when the name reads as one, as a person writes it (words, snake or camel case, a number
    at its end; upper case with no digits inside its words). Random letters and digits are a password there
    (seventeenth hostile review, break 04: 1 in 60 random 8-character passwords of letters, digits and !@#$%^&*)."""
    assert not is_reference(value)


@pytest.mark.parametrize('word', ['password', 'passwd', 'pass', 'pwd', 'secret', 'changeme', 'xxx', 'test',
                                  'PWD', '<pass>', '{passwd}', '$test'])
def test_each_placeholder_password(word: str) -> None:
    assert placeholder_password(word)


def test_a_pem_block_is_judged_by_its_body_not_its_armor(default_config: Config) -> None:
    """The armor's five dashes are the shape of a run of filler ('-----'): only the body counts."""
    shapes = default_config.allowlist.builtin.placeholders
    key = fakes.pem_private_key(seed='placeholders', lines=1)
    assert is_placeholder(key, shapes) is False
    assert is_placeholder('-----BEGIN PRIVATE KEY-----\n<your private key>\n-----END PRIVATE KEY-----', shapes)
    assert is_placeholder('-----BEGIN PRIVATE KEY-----\n\n-----END PRIVATE KEY-----', shapes) is False


def test_a_long_value_is_judged_by_the_long_shapes_only(default_config: Config) -> None:
    """Past 200 characters, EXAMPLE still marks a placeholder (AWS's sample session tokens) but xxxx, found
    by chance in random base64, does not."""
    shapes = default_config.allowlist.builtin.placeholders
    assert shapes.long and PlaceholderShapes.load().long == shapes.long
    body = fakes.rand(fakes.ALNUM, 240, 'long-placeholder')
    assert is_placeholder(body[:100] + 'EXAMPLE' + body[100:], shapes)
    assert is_placeholder(body[:100] + 'xxxx' + body[100:], shapes) is False
    assert is_placeholder(body[:60] + 'xxxx', shapes)  # a short value: xxxx is a placeholder's shape


def test_the_long_shapes_start_past_200_characters(default_config: Config) -> None:
    shapes = default_config.allowlist.builtin.placeholders
    body = fakes.rand(fakes.ALNUM, 300, 'placeholder-max')
    assert is_placeholder(body[:196] + 'xxxx', shapes)  # 200 characters: the short shapes
    assert not is_placeholder(body[:197] + 'xxxx', shapes)  # 201: the long ones only
    assert is_placeholder('"' + body[:196] + 'xxxx"', shapes)  # quotes around it do not count


@pytest.mark.parametrize('value', ['XXXX', '"XXXX"', "'xxxxxx'", '`XXXX`', '  XXXX  '])
def test_a_run_of_x_in_any_case_and_quotes_is_a_placeholder(value: str, default_config: Config) -> None:
    assert is_placeholder(value, default_config.allowlist.builtin.placeholders)


@pytest.mark.parametrize(('value', 'counting'), [
    (base64.urlsafe_b64encode(bytes(range(16))).decode().rstrip('='), True),  # a JWK's k of 0x00 … 0x0f (held-out 88)
    (base64.urlsafe_b64encode(bytes(range(16, 0, -1))).decode().rstrip('='), True),  # 0x10 … 0x01
    (base64.b64encode(bytes(range(0, 64, 2))).decode(), True),  # 0, 2 … 62: a session cookie's bytes
    (base64.b64encode(b'0123456789ABCDEF0123456789ABCDEF').decode(), True),  # the digits and the hex letters as text
    (bytes(range(32)).hex(), True), ('0123456789abcdef', True),
    (base64.b64encode(bytes(16)).decode(), False),  # zeros: one byte, not a count (other shapes judge it)
    (fakes.rand(fakes.ALNUM, 22, 'counting'), False), (bytes.fromhex('5f0e3a9c11d7b2e8').hex(), False),
])
def test_bytes_that_count_are_a_placeholder(value: str, counting: bool, default_config: Config) -> None:
    assert counting_bytes(value) is counting
    if counting or set(value) != {'A', '='}:  # (zeros are a run of A, a placeholder's shape of its own)
        assert is_placeholder(value, default_config.allowlist.builtin.placeholders) is counting


def test_random_bytes_never_count() -> None:
    """Of 30,000 random keys of 8-32 bytes, in hex, base64 and base64url, none reads as counting bytes."""
    rnd = random.Random(88)
    for i in range(30_000):
        raw = bytes(rnd.getrandbits(8) for _ in range(rnd.choice((8, 12, 16, 24, 32))))
        value = (raw.hex(), base64.b64encode(raw).decode(), base64.urlsafe_b64encode(raw).decode().rstrip('='))[i % 3]
        assert not counting_bytes(value), value

"""The extractors (leakstop.generic.extract): where a key and a value stand, seen in what the detector finds."""
from __future__ import annotations

import re

import pytest

from leakstop.config import Config
from leakstop.generic import GenericDetector
from leakstop.generic.extract import parent_keys


@pytest.fixture(scope='module')
def detector() -> GenericDetector:
    return GenericDetector.load()


def found(detector: GenericDetector, text: bytes, path: str = 'app.cfg') -> list[tuple[str, str, int]]:
    """(rule, secret, byte offset) of each generic finding."""
    return [(d.rule_id, d.secret, d.start) for d in detector.scan(text, path)]


@pytest.mark.parametrize(('text', 'secret', 'start'), [
    (b'value: "{{ default \\"Zq8bX3nR5tY7uV9wK2mL\\" .Values.db.password }}"\n', 'Zq8bX3nR5tY7uV9wK2mL', 21),
    (b'"x": "const password = process.env.PASSWORD || \\"Xk9mQ2vL7pW4\\";"\n', 'Xk9mQ2vL7pW4', 49),
])
def test_a_fallback_in_quotes_escaped_in_a_string_is_a_value(detector: GenericDetector, text: bytes, secret: str, start: int) -> None:
    r"""``default \"v\" .Values.x``, ``X || \"v\"``: the fallback's quotes escaped in a JSON or YAML string (the
    extractor read them, but the family's anchor wanted a bare quote: such lines were never extracted)."""
    assert found(detector, text, 'templates/secret.yaml') == [('generic-password', secret, start)]


def test_a_comparison_is_passed_over_not_the_assignment_after_it(detector: GenericDetector) -> None:
    text = b'check(password == "x", password = "Xk9mQ2vL7pW4")\n'
    assert found(detector, text, 'run.sh') == [('generic-password', 'Xk9mQ2vL7pW4', 35)]


@pytest.mark.parametrize(('text', 'parents'), [
    (b'db:\n  auth:\n    password: x\n', ['auth', 'db']),
    (b'db:\n  auth:\n\n    # the admin\n    password: x\n', ['auth', 'db']),  # blank lines and comments between
    (b'db:\n  auth:\n    password:\n', ['auth', 'db']),  # the value at the line's end
    (b'password: x\n', []),
])
def test_parent_keys(text: bytes, parents: list[str]) -> None:
    assert parent_keys(text, text.rindex(b':') + 1) == parents


RANDOM = b'Zq8bX3nR5tY7uV9wK2mL4pQ'


@pytest.mark.parametrize(('text', 'start'), [
    (b'see https://api.acme.io/v1/items?api_token=' + RANDOM + b'&page=2\n', 43),  # the value ends at the next field
    (b'see badge https://api.acme.io/v1/items?api_token=' + RANDOM + b'&page=2\n', 49),  # the URL starts after the space
    (b'see https://img.shields.io/endpoint?api_token=' + RANDOM + b'&page=2\n', None),  # a badge: public by design
    (b'get https://bucket.acme.io/f.zip?expires=1700000000&api_token=' + RANDOM + b'\n', None),  # a signed URL: it expires
    # a query built from string pieces, each ending in `&` (held-out 10: oauthlib's fragment responses)
    (b"uri = ('https://client.example.com/cb#'\n       'access_token=" + RANDOM + b"&'\n       'state=xyz')\n", 61),
])
def test_a_key_in_a_url_query(detector: GenericDetector, text: bytes, start: int | None) -> None:
    assert found(detector, text, 'README.md') == ([('generic-token', RANDOM.decode(), start)] if start else [])
    for c in detector.candidates(text, 'README.md'):
        assert (c.value, text[c.start:c.end]) == (RANDOM.decode(), RANDOM)


def test_a_candidate_spans_its_value() -> None:
    """Over every example and negative, every family: the candidate's byte span holds its value."""
    import os
    from leakstop.cache import load_toml
    from leakstop.generic import FAMILIES
    from leakstop.generic.extract import EXTRACTORS
    examples = os.path.join(os.path.dirname(__file__), '..', 'src', 'leakstop', 'data', 'generic_examples.toml')
    seen = 0
    for case in load_toml(examples)['cases']:
        for text in case['examples'] + case['negatives']:
            data = text.encode()
            for family in FAMILIES:
                for c in EXTRACTORS[family](data, 0, len(data)):
                    span = data[c.start:c.end].decode()
                    if family == 'properties':  # a value continued over lines: its pieces joined, as Java reads them
                        span = re.sub(r'\\\r?\n[ \t\f]*', '', span)
                    # literals the code joins into one value (extract.joined_pieces): their pieces joined
                    span = re.sub(r'''["'][ \t]*(?:[+.&][ \t]*(?:\r?\n[ \t]*)?|\r?\n[ \t]*[+.&]?[ \t]*)["']''', '', span)
                    assert span == c.value, (family, text)
                    seen += 1
    assert seen > 1000


@pytest.mark.parametrize(('text', 'start'), [
    (b'{"password":"Xk9mQ2vL7pW4"}\n', 13),
    (b'{"Enter your password":"Xk9mQ2vL7pW4"}\n', None),  # UI text and its translation, not a key
    (b'{"Type your new\tpassword":"Xk9mQ2vL7pW4"}\n', None),  # a tab between the words
    (b'{"Enter your\tpassword":"Xk9mQ2vL7pW4"}\n', 24),  # one space: a key may hold one (a label)
])
def test_a_key_that_ends_a_phrase(detector: GenericDetector, text: bytes, start: int | None) -> None:
    assert found(detector, text, 'app.js') == ([('generic-password', 'Xk9mQ2vL7pW4', start)] if start else [])


@pytest.mark.parametrize(('text', 'start'), [
    (b'{{ $password := ' + RANDOM + b' }}\n', None),  # template code, not a value
    (b'{{ template "x" }} password=' + RANDOM + b'\n', 28),  # after an action that closed
])
def test_template_actions(detector: GenericDetector, text: bytes, start: int | None) -> None:
    assert found(detector, text) == ([('generic-password', RANDOM.decode(), start)] if start else [])


@pytest.mark.parametrize(('text', 'start'), [
    (b'password: ' + RANDOM + b'\n', 10), (b'password:\t' + RANDOM + b'\n', 10),
    (b'password:' + RANDOM + b'\n', None),  # no space after the colon: Key:HU:x, not YAML
])
def test_a_yaml_scalar(detector: GenericDetector, text: bytes, start: int | None) -> None:
    assert found(detector, text, 'app.yaml') == ([('generic-password', RANDOM.decode(), start)] if start else [])


@pytest.mark.parametrize(('text', 'start'), [
    (b'      - HASHED_PASSWORD= #Xk9mQ2vL7pW4\n', None),  # held-out 37: empty, then a comment
    (b'DB_PASSWORD=  #Xk9mQ2vL7pW4\n', None), (b'password: #Xk9mQ2vL7pW4\n', None),
    (b'      - HASHED_PASSWORD=#Xk9mQ2vL7pW4\n', 24),  # no space: the value opens with '#'
])
def test_a_comment_after_an_empty_value_is_no_value(detector: GenericDetector, text: bytes, start: int | None) -> None:
    assert found(detector, text, 'docker-compose.yml') == ([('generic-password', '#Xk9mQ2vL7pW4', start)] if start else [])


FILLER = b''.join(b'item%d: value %d\n' % (i, i) for i in range(200))  # 3 KB of other keys


@pytest.mark.parametrize(('text', 'start'), [
    (b'password: |\n  ' + RANDOM + b'\n', 14),
    (b'password: >-\n  ' + RANDOM + b'\nuser: app\n' + FILLER, 15),  # a file longer than the block's reach
    (b'password: |\n\n  ' + RANDOM + b'\n', 15),  # a blank line first
    (b'password: |\n  ' + RANDOM + b'\n  ' + RANDOM + b'\n', None),  # two lines: text, not one value
    (b'password: |\n  echo x\n  echo y\n  ' + RANDOM + b'\n', None),  # three: a script
    (b'password: |\n  ' + b'Zq8bX3nR5tY7' * 90 + b'\n', None),  # the line goes past the reach (1,024 bytes)
    # node properties before the indicator (hostile review, issue 13 #18's sibling): an anchor, a tag, both
    (b'password: &db_password >-\n  ' + RANDOM + b'\n', 28), (b'password: !!str >-\n  ' + RANDOM + b'\n', 21),
    (b'password: !!str &pw |\n  ' + RANDOM + b'\n', 24),
    (b'password: !vault |\n  ' + RANDOM + b'\n', None),  # a local tag: the application's (Ansible decrypts it)
])
def test_a_yaml_block_scalar_of_one_line(detector: GenericDetector, text: bytes, start: int | None) -> None:
    assert [(d.rule_id, d.start, d.end - d.start) for d in detector.scan(text, 'values.yaml')] == (
        [('generic-password', start, len(RANDOM))] if start else [])


def explained(detector: GenericDetector, text: bytes, path: str) -> list[tuple[str, str, int, str, str]]:
    """(rule, secret, offset, syntax, key words) of each finding, as ``--explain`` shows them."""
    return [(d.rule_id, d.secret, d.start, dict(d.explain)['syntax'], dict(d.explain)['key words'])
            for d in detector.scan(text, path)]


PASSWORD = 'Xk9mQ2vL7pW4'


@pytest.mark.parametrize(('line', 'start'), [
    (f'mysql -u root -p{PASSWORD} db', 16), (f'docker login -u ci -p {PASSWORD} registry.acme.io', 22),
    (f'psexec \\\\host -u admin -p {PASSWORD} cmd', 26), (f'curl -u deploy:{PASSWORD} https://acme.io', 15),
    (f'--password={PASSWORD}', 11), (f'/usr/bin/mysql -u root -p{PASSWORD} db', 25),
])
def test_a_password_flag(detector: GenericDetector, line: str, start: int) -> None:
    assert explained(detector, line.encode(), 'deploy.sh') == [('generic-password', PASSWORD, start, 'flag, unquoted', 'password')]


@pytest.mark.parametrize('line', [
    # held-out 29 (pxc-operator): a shell default after -u, and an option of a tool in MySQL's data directory
    'mysql -h "${server}" -P "${PROXY_ADMIN_PORT:-6032}" -u "${PROXY_ADMIN_USER:-admin}" -s -NB -e "${query}"',
    '/var/lib/mysql/peer-list -on-start="/var/lib/mysql/configure.sh" -protocol="${PEER_LIST_SRV_PROTOCOL}"',
])
def test_no_password_flag(detector: GenericDetector, line: str) -> None:
    assert explained(detector, line.encode(), 'deploy.sh') == []


def test_a_user_that_is_an_api_key(detector: GenericDetector) -> None:
    """``curl -u KEY:`` (an empty password: the user is the API key)."""
    key = 'sk9Zq8bX3nR5tY7uV9wK2mL4pQ'  # leakstop: allow (a fake key)
    assert explained(detector, f'curl -u {key}: https://api.acme.io'.encode(), 'deploy.sh') == [
        ('generic-api-key', key, 8, 'flag, unquoted', 'api key')]


@pytest.mark.parametrize('end', [b'\n', b''])  # the last line with or without its line break
def test_a_value_element_below_a_key_element(detector: GenericDetector, end: bytes) -> None:
    text = b'<masterKey>\n  <value>Zq8bX3nR5tY7uV9wK2mL</value>\n</masterKey>' + end
    assert explained(detector, text, 'app.xml') == [('generic-api-key', 'Zq8bX3nR5tY7uV9wK2mL', 21, 'xml, unquoted', 'master key')]


def test_two_fallbacks_on_a_line(detector: GenericDetector) -> None:
    text = b'const db = { password: env.DB_PASSWORD || "Xk9mQ2vL7pW4", token: env.API_TOKEN ?? "Zq8bX3nR5tY7uV9wK2mL4pQ" };\n'
    assert found(detector, text, 'app.js') == [('generic-password', PASSWORD, 43), ('generic-token', RANDOM.decode(), 83)]


@pytest.mark.parametrize(('text', 'path', 'start', 'syntax', 'words'), [
    (b'<password>Xk9mQ2vL7pW4</password>', 'app.xml', 10, 'xml, unquoted', 'password'),
    (b'<add key="Password" value="Xk9mQ2vL7pW4"/>', 'web.config', 27, 'xml', 'password'),
    (b'<entry name="db.password" type="string">Xk9mQ2vL7pW4</entry>', 'app.xml', 40, 'xml, unquoted', 'db password'),
    (b'const t = process.env["API_TOKEN"] || "Xk9mQ2vL7pW4";', 'app.js', 39, 'fallback', 'api token'),  # the last name
    (b'{{ .Values.db.password | default "Xk9mQ2vL7pW4" }}', 'templates/a.yaml', 34, 'fallback', 'password'),
])
def test_the_syntax_and_the_key_as_explained(
        detector: GenericDetector, text: bytes, path: str, start: int, syntax: str, words: str) -> None:
    [(_, secret, at, shown_syntax, shown_words)] = explained(detector, text, path)
    assert (secret, at, shown_syntax, shown_words) == (PASSWORD, start, syntax, words)


@pytest.mark.parametrize(('text', 'start'), [
    (b'<password>\n  ' + RANDOM + b'\n</password>\n', 13),
    (b'<password>\n  ' + RANDOM + b'\n</password>', 13),  # the closing tag ends the file (no line break): was missed
    (b'<masterKey>\n  <value>' + RANDOM + b'</value>', 21),  # the value ends the file: was missed
    (b'<masterKey>\n' + b'<!-- x -->\n' * 5 + b'  <value>' + RANDOM + b'</value>\n', 76),  # within 6 lines
    (b'<masterKey>\n' + b'<!-- x -->\n' * 6 + b'  <value>' + RANDOM + b'</value>\n', None),  # 7 lines on: not its value
    (b'<masterKey>\n<!-- ' + b'x' * 1100 + b' -->\n  <value>' + RANDOM + b'</value>\n', None),  # past the reach
])
def test_an_xml_value_on_the_lines_below_its_key(detector: GenericDetector, text: bytes, start: int | None) -> None:
    assert [d.start for d in detector.scan(text, 'app.xml')] == ([start] if start else [])


@pytest.mark.parametrize(('text', 'found_at'), [
    (b'token=' + RANDOM + b'<br>', 6), (b'token=' + RANDOM + b'</td>', 6),  # an HTML tag after the value
    (b'token=' + RANDOM + b'<your-key>', None), (b'token=' + RANDOM + b'<rest>', None),  # a <placeholder> closes it
    (b'token=' + RANDOM + b'.<rest>', None),
])
def test_a_value_then_a_placeholder_is_a_template(detector: GenericDetector, text: bytes, found_at: int | None) -> None:
    assert found(detector, text, 'README.md') == ([('generic-token', RANDOM.decode(), found_at)] if found_at else [])


@pytest.mark.parametrize(('text', 'start', 'words'), [
    (b'Private spend key: ' + RANDOM, 19, 'private spend key'),  # the words before the key are its words
    (b'x: 1\nPrivate spend key: ' + RANDOM, 24, 'private spend key'),
    (b'- Spend key: ' + RANDOM, 13, 'spend key'), (b'# Spend key: ' + RANDOM, 13, 'spend key'),
    (b'Public spend key: ' + RANDOM, None, ''),  # public by design
])
def test_a_yaml_key_of_words(detector: GenericDetector, text: bytes, start: int | None, words: str) -> None:
    assert [(d.start, dict(d.explain)['key words']) for d in detector.scan(text, 'wallet.yaml')] == (
        [(start, words)] if start else [])


def test_a_label_string_is_no_key() -> None:
    """``"Password:"`` is a label; what follows its closing quote is code, not the value."""
    from leakstop.generic.extract import assign
    data = b'f("Password:"),Xk9mQ2vL7pW4Zq8b,g("x")\n'
    assert [c.key for c in assign(data, 0, len(data))] == []
    data = b'f(Password:"Xk9mQ2vL7pW4Zq8b")\n'
    assert [(c.key, c.value) for c in assign(data, 0, len(data))] == [('Password', 'Xk9mQ2vL7pW4Zq8b')]


@pytest.mark.parametrize(('text', 'start'), [
    (b'variable "db_password" {\n  default = "' + RANDOM + b'"\n}\n', 38),
    (b'variable "db_password" {\n  default = "' + RANDOM + b'"', 38),  # the last line
    (b'variable "db_password" {' + b'\n' * 11 + b'  default = "' + RANDOM + b'"\n}\n', 48),  # 12 lines on
    (b'variable "db_password" {' + b'\n' * 12 + b'  default = "' + RANDOM + b'"\n}\n', None),  # 13: too far
    (b'variable "db_password" {\n}\nvariable "x" {\n  default = "' + RANDOM + b'"\n}\n', None),  # another block's
])
def test_a_terraform_default(detector: GenericDetector, text: bytes, start: int | None) -> None:
    assert [(d.rule_id, d.start, dict(d.explain)['syntax']) for d in detector.scan(text, 'main.tf')] == (
        [('generic-password', start, 'terraform')] if start else [])


@pytest.mark.parametrize(('text', 'start', 'syntax'), [
    (b'ENV DB_PASSWORD ' + RANDOM, 16, 'docker, unquoted'), (b'ARG DB_PASSWORD=' + RANDOM, 16, 'docker, unquoted'),
    (b'  ENV DB_PASSWORD="' + RANDOM + b'"', 19, 'docker'),
])
def test_a_dockerfile_env_or_arg(detector: GenericDetector, text: bytes, start: int, syntax: str) -> None:
    assert [(d.rule_id, d.start, dict(d.explain)['syntax']) for d in detector.scan(text, 'Dockerfile')] == [
        ('generic-password', start, syntax)]


@pytest.mark.parametrize(('text', 'path', 'start', 'syntax'), [
    (b'setPassword("Xk9mQ2vL7pW4")', 'App.java', 13, 'call'),
    (b'props.put("mail.password", "Xk9mQ2vL7pW4")', 'App.java', 28, 'call'),
    (b"define('DB_PASSWORD', 'Xk9mQ2vL7pW4');", 'config.php', 23, 'call'),
    (b'password "Xk9mQ2vL7pW4"', 'build.gradle', 10, 'spaced'),
])
def test_calls_and_dsl_lines(detector: GenericDetector, text: bytes, path: str, start: int, syntax: str) -> None:
    assert [(d.rule_id, d.start, dict(d.explain)['syntax']) for d in detector.scan(text, path)] == [
        ('generic-password', start, syntax)]


@pytest.mark.parametrize('separator', [b'.', b'_', b'-', b'/', b':'])
def test_text_a_separator_then_any_tag_is_a_template(detector: GenericDetector, separator: bytes) -> None:
    """``2314556.pt.<token>``: a separator before ``<`` makes the value a template, whatever the tag."""
    assert found(detector, b'token=' + RANDOM + separator + b'<your key>', 'README.md') == []
    assert found(detector, b'token=' + RANDOM + b'<your key>', 'README.md') == [('generic-token', RANDOM.decode(), 6)]


def test_a_helm_default_before_its_key(detector: GenericDetector) -> None:
    assert explained(detector, b'{{ default "Xk9mQ2vL7pW4" .Values.db.password }}', 'templates/a.yaml') == [
        ('generic-password', PASSWORD, 12, 'fallback', 'password')]


def test_an_empty_value_is_no_candidate(detector: GenericDetector) -> None:
    line = b'password = "", token = "Xk9mQ2vL7pW4"\n'  # the token's anchor has the line read
    assert [(c.key, c.value) for c in detector.candidates(line, 'app.cfg')] == [('token', 'Xk9mQ2vL7pW4')]


def test_a_value_at_the_start_of_the_data_is_in_no_url_query(detector: GenericDetector) -> None:
    """Whatever the last byte of the data (the byte before offset 0, read backwards, is not a query's ``?``)."""
    value = 'Zq8bX3nR5tY7&uV9wK2mL4pQ'
    assert found(detector, f'token={value}\nwhat?'.encode(), 'app.cfg') == [('generic-token', value, 6)]


def test_a_template_action_opened_on_an_earlier_line(detector: GenericDetector) -> None:
    """Only an action opened on the value's own line makes it template code."""
    assert found(detector, b'x = "{{"\npassword=' + RANDOM + b'\n') == [('generic-password', RANDOM.decode(), 18)]


def test_a_block_scalar_at_the_end_of_the_data(detector: GenericDetector) -> None:
    assert [(d.start, d.end) for d in detector.scan(b'password: |\n  ' + RANDOM, 'values.yaml')] == [(14, 14 + len(RANDOM))]


@pytest.mark.parametrize(('blank', 'found_it'), [(5, True), (6, False)])
def test_blank_lines_between_a_key_element_and_its_value(detector: GenericDetector, blank: int, found_it: bool) -> None:
    text = b'<masterKey>\n' + b'\n' * blank + b'  <value>' + RANDOM + b'</value>\n'
    assert len(detector.scan(text, 'app.xml')) == (1 if found_it else 0)


@pytest.mark.parametrize(('spaces', 'found_it'), [(10, True), (11, False)])
def test_the_key_of_a_fallback_ends_within_10_spaces_of_its_operator(detector: GenericDetector, spaces: int, found_it: bool) -> None:
    key = b'x' * 115 + b'token'  # 120 characters: the longest key
    text = b'a = ' + key + b' ' * spaces + b'|| "Xk9mQ2vL7pW4";\n'
    assert [d.secret for d in detector.scan(text, 'app.js')] == ([PASSWORD] if found_it else [])


def test_a_first_line_and_a_parent_at_the_end_of_the_data(detector: GenericDetector) -> None:
    """The value's line is the first: it has no parent, whatever the last line says."""
    assert [d.start for d in detector.scan(b'  password: ' + RANDOM + b'\nsealed:\n', 'values.yaml')] == [12]


@pytest.mark.parametrize(('text', 'start'), [
    (b'see badge.example.com/x.svg?api_token=' + RANDOM + b'\n', None),  # the URL starts with its host: a badge
    (b'<img data-badge="https://api.acme.io/v1?api_token=' + RANDOM + b'">\n', 50),  # the URL starts at the quote
    (b'see ?expires=1700000000&api_token=' + RANDOM + b'\n', None),  # a signed query
])
def test_where_a_url_starts(detector: GenericDetector, text: bytes, start: int | None) -> None:
    assert found(detector, text, 'README.md') == ([('generic-token', RANDOM.decode(), start)] if start else [])


@pytest.mark.parametrize(('text', 'start'), [
    (b'password: |\n  ' + RANDOM + b'\n', 14), (b'password: |\n ' + RANDOM + b'\n', 13),  # indented by one space
])
def test_a_block_scalar_is_an_unquoted_yaml_value(detector: GenericDetector, text: bytes, start: int) -> None:
    assert explained(detector, text, 'values.yaml') == [('generic-password', RANDOM.decode(), start, 'yaml, unquoted', 'password')]


@pytest.mark.parametrize(('length', 'found_it'), [(1022, True), (1023, False)])
def test_a_line_between_a_key_element_and_its_value_within_1024_bytes(detector: GenericDetector, length: int, found_it: bool) -> None:
    text = b'<masterKey>\n<!--' + b'x' * (length - 7) + b'-->\n  <value>' + RANDOM + b'</value>\n'
    assert len(detector.scan(text, 'app.xml')) == (1 if found_it else 0)


def test_a_query_after_an_escaped_ampersand_at_the_start(detector: GenericDetector) -> None:
    """``&amp;api_token=v&amp;page=2`` (a query in HTML): the value ends at the next field."""
    assert found(detector, b'&amp;api_token=' + RANDOM + b'&amp;page=2\n', 'README.md') == [('generic-token', RANDOM.decode(), 15)]


@pytest.mark.parametrize(('filler', 'found_it'), [(2043, True), (2042, False)])
def test_a_url_is_read_back_2048_bytes(detector: GenericDetector, filler: int, found_it: bool) -> None:
    """A badge 2,049 bytes before the key is out of the URL's reach; 2,048 bytes before, in it."""
    text = b' badge' + b'x' * filler + b'?api_token=' + RANDOM + b'\n'
    assert len(detector.scan(text, 'README.md')) == (1 if found_it else 0)


@pytest.mark.parametrize(('text', 'start'), [
    # a key after a scope operator (Ruby's, C++'s, PHP's ::): Rails 2 and 3 secrets (held-out 30, brakeman)
    (b"ActionController::Base.cookie_verifier_secret = '" + RANDOM + b"';\n", 49),
    (b"Rails3::Application.config.secret_token = '" + RANDOM + b"'\n", 43),
    (b"config.secret_token = '" + RANDOM + b"'\n", 23),
    (b"http://host:password@x ='" + RANDOM + b"'\n", None),  # one ':' (a URL's) starts no key
])
def test_a_key_after_a_scope_operator(detector: GenericDetector, text: bytes, start: int | None) -> None:
    assert [s for _, _, s in found(detector, text, 'config/initializers/secret_token.rb')] == ([start] if start else [])


@pytest.mark.parametrize(('text', 'start'), [
    (b'password: &db_password ' + RANDOM + b'\n', 23), (b'password: !!str &pw ' + RANDOM + b'\n', 20),
    (b'password: &pw !secret db_password\n', None),  # an anchor and a local tag: a name the application resolves
    (b'password: &anchor >-\n', None), (b'password: *default_password\n', None),  # a property or an alias alone
    # quoted after the properties (second hostile review, break 02): the anchor family wanted the quote first
    (b'password: &a "' + RANDOM + b'"\n', 14), (b"password: &a '" + RANDOM + b"'\n", 14),
    (b'password: !!str "' + RANDOM + b'"\n', 17), (b'api_key: &k "' + RANDOM + b'"\n', 13),
    (b'password: &a !!str "' + RANDOM + b'"\n', 20),
])
def test_a_yaml_value_after_an_anchor(detector: GenericDetector, text: bytes, start: int | None) -> None:
    assert [d.start for d in detector.scan(text, 'values.yaml')] == ([start] if start else [])


P05 = 'Xq7vLp9RmK2wZ3tB'


@pytest.mark.parametrize('text', [
    f'db:\n  password: # prod\n    "{P05}"\n',
    f"db:\n  password: # prod\n    '{P05}'\n",
    f'db:\n  password: &pw # prod\n    "{P05}"\n',
    f'db:\n  password:\n\n    {P05}\n',
    f'db:\n  password:\n    # prod\n    {P05}\n',
    f'db:\n  password:\n\n  # prod\n\n    "{P05}"  # rotated\n',
    f'db:\n  password: # prod\n# at column 0\n    {P05}\n',
])
def test_a_yaml_value_below_its_key_after_comments_and_blank_lines(detector: GenericDetector, text: str) -> None:
    """Fifth hostile review (break 05): a value on a later line than its key, after `# comment` on the key's
    line (quoted), after `&anchor # comment`, after blank lines or comment lines between, was missed (PyYAML
    reads it as the key's value)."""
    assert found(detector, text.encode(), 'config/app.yaml') == [('generic-password', P05, text.index(P05))]


@pytest.mark.parametrize('text', [
    f'db:\n  password:\n    # {P05}\n',  # a comment: no value
    f'db:\n  password:\n\n    - {P05}\n',  # a list
    f'db:\n  password: # prod\n    "{P05}"\n    "{P05}"\n',  # two lines: not one value
    f'db:\n  password:\n\n  other: {P05}x\n',  # the next key: password is empty
    f'db:\n  password:\n' + '  # ' + 'x' * 300 + f'\n    {P05}\n',  # a line longer than a key's: not read up over
])
def test_no_yaml_value_below_its_key(detector: GenericDetector, text: str) -> None:
    assert [f for f in found(detector, text.encode(), 'config/app.yaml') if f[0] == 'generic-password'] == []


@pytest.mark.parametrize(('text', 'path'), [
    (f"[db]\npassword = '''{P05}'''\n", 'config.toml'),
    (f'[db]\npassword = """{P05}"""\n', 'config.toml'),
    (f'[db]\npassword = """\n{P05}"""\n', 'config.toml'),
    (f"[db]\npassword = '''\n  {P05}\n  '''\n", 'config.toml'),
    (f'password = """{P05}"""\n', 'settings.py'),
    (f'PASSWORD = """\n{P05}\n"""\n', 'settings.py'),
    (f"DB_PASSWORD: str = r'''{P05}'''\n", 'settings.py'),
    (f'val password = """{P05}"""\n', 'Config.kt'),
])
def test_a_triple_quoted_string_of_one_line_is_a_value(detector: GenericDetector, text: str, path: str) -> None:
    """Fifth hostile review (break 06): TOML '''…''' and \"\"\"…\"\"\" strings (one line or over lines) and Python
    triple-quoted strings were missed; '…' was found."""
    assert found(detector, text.encode(), path) == [('generic-password', P05, text.index(P05))]


@pytest.mark.parametrize(('text', 'path'), [
    (f'password = """\n{P05}\nsecond line of text\n"""\n', 'settings.py'),  # several lines: text
    ('password = """"""\n', 'settings.py'),  # empty
    (f'password = """{P05}\n' + 'x\n' * 600 + '"""\n', 'settings.py'),  # several lines, the end out of reach
    (f'password = """\n' + 'x' * 1100 + f'{P05}"""\n', 'settings.py'),  # the closing quotes out of reach
    (f'other = """{P05}"""\n', 'settings.py'),  # no secret's name
])
def test_no_value_in_a_triple_quoted_string(detector: GenericDetector, text: str, path: str) -> None:
    assert found(detector, text.encode(), path) == []


@pytest.mark.parametrize(('text', 'line_text'), [
    (f'db.password {P05}\n', P05),
    (f'db.password\t{P05}\n', P05),
    (f'db.password \t {P05}  \n', P05),
    (f'db.password=\\\n    {P05}\n', P05),
    (f'db.password = \\\n\t{P05}\n', P05),
    ('db.password=Xq7v\\\n    Lp9RmK2wZ3tB\n', 'Xq7v'),
    ('db.password Xq7v\\\r\n    Lp9RmK2wZ3tB\r\n', 'Xq7v'),
    (f'# the database\nname=app\ndb.password {P05}\nother=x\n', P05),
])
def test_a_properties_entry_as_java_reads_it(detector: GenericDetector, text: str, line_text: str) -> None:
    """Fifth hostile review (break 07): `key value`, `key<TAB>value` and values continued with `\\` at a line's
    end were missed in .properties files (java.util.Properties reads them as `key=value`)."""
    assert found(detector, text.encode(), 'src/main/resources/app.properties') == [
        ('generic-password', P05, text.index(line_text))]


@pytest.mark.parametrize('text', [
    f'# db.password {P05}\n',  # a comment
    f'! db.password {P05}\n',
    'db.password ${DB_PASSWORD}\n',  # a reference
    'db.password=\\\n    ${DB_PASSWORD}\n',
    f'description=the text goes on \\\n  password {P05}\n',  # a continuation line: description's value
    f'db.password=Xq7v\\\n' * 20,  # a value continued past what is read
])
def test_no_properties_value(detector: GenericDetector, text: str) -> None:
    assert found(detector, text.encode(), 'src/main/resources/app.properties') == []


def test_whitespace_separated_entries_are_read_in_properties_files_only(detector: GenericDetector) -> None:
    text = f'db.password {P05}\n'.encode()
    assert found(detector, text, 'notes/setup.cfg') == []
    assert found(detector, text, 'app.properties') == [('generic-password', P05, 12)]


CEPH_LIKE = 'AQBGnswph8PRvQSuEqcTdr3ZZx6HQO35UWzQXz=='  # fake: a Ceph key's shape, no + or / (they end a type)


def test_base64_padding_is_no_assignment_after_a_type(detector: GenericDetector) -> None:
    """`key: <38 characters>==` read as `k: type = v` with the type the value and `=` the value (found while
    fixing break 08: the Ceph key of a Kubernetes Secret, decoded, was lost so). `=` before `=` is no operator."""
    assert found(detector, f'key: {CEPH_LIKE}\n'.encode(), 'ceph-secret.yaml') == [('generic-api-key', CEPH_LIKE, 5)]
    assert found(detector, b'ok = token == "Xq7vLp9RmK2wZ3tB"\n', 'check.cfg') == []


def test_a_triple_quoted_string_as_a_member(detector: GenericDetector) -> None:
    text = f'DATABASES = {{"default": {{"password": """{P05}"""}}}}\n'
    assert found(detector, text.encode(), 'settings.py') == [('generic-password', P05, text.index(P05))]


def test_a_properties_key_and_colon_without_a_space(detector: GenericDetector) -> None:
    text = f'db.password:{P05}\n'
    assert found(detector, text.encode(), 'app.properties') == [('generic-password', P05, 12)]


@pytest.mark.parametrize(('text', 'path'), [
    (f'resource "aws_db_instance" "db" {{\n  password = <<EOT\n{P05}\nEOT\n}}\n', 'main.tf'),  # HCL
    (f'db_password = <<-EOT\n  {P05}\n  EOT\n', 'prod.tfvars'),  # HCL, indented
    (f'<?php\n$password = <<<EOT\n{P05}\nEOT;\n', 'config.php'),  # PHP heredoc
    (f"<?php\n$password = <<<'EOT'\n    {P05}\n    EOT;\n", 'config.php'),  # PHP nowdoc, closing indented (7.3)
    (f'password = <<~PW\n  {P05}\nPW\n', 'config.rb'),  # Ruby squiggly heredoc
    (f'  config.password = <<-PW.strip\n    {P05}\n  PW\n', 'config.rb'),  # Ruby, a method call on the opener
    (f'DB_PASSWORD=$(cat <<EOF\n{P05}\nEOF\n)\n', 'deploy.sh'),  # shell, in an assignment
    (f"export API_TOKEN=$(cat <<'EOF'\n{P05}\nEOF\n)\n", 'deploy.sh'),
    (f"my $password = <<'END';\n{P05}\nEND\n", 'deploy.pl'),  # Perl
    (f"read -r -d '' DB_PASSWORD <<'EOF'\n{P05}\nEOF\n", 'deploy.sh'),  # shell, read into a variable
    (f'variable "db_password" {{\n  type = string\n  default = <<-EOT\n    {P05}\n  EOT\n}}\n', 'variables.tf'),
])
def test_a_heredoc_of_one_line_is_a_value(detector: GenericDetector, text: str, path: str) -> None:
    """Sixth hostile review (break 09): a heredoc of one line under a password key (HCL, PHP, Ruby, shell) was
    missed; the same value quoted on the key's line was found."""
    assert found(detector, text.encode(), path) == [('generic-password' if 'TOKEN' not in text else 'generic-token',
                                                     P05, text.index(P05))]


@pytest.mark.parametrize(('text', 'path'), [
    (f'password = <<EOT\n{P05}\nsecond line of text\nEOT\n', 'main.tf'),  # several lines: text, a script
    ('password = <<EOT\nEOT\n', 'main.tf'),  # empty
    (f'password = <<EOT\n{P05}\n', 'main.tf'),  # never closed
    (f'password = <<EOT\n' + 'x' * 1100 + f'{P05}\nEOT\n', 'main.tf'),  # the end out of reach
    (f'description = <<EOT\n{P05}\nEOT\n', 'main.tf'),  # no secret's name
    (f'password = <<EOT\n{P05}\nEOTX\n', 'main.tf'),  # not its tag: the heredoc does not end
    (f'mask = key << 4\n{P05}\n', 'bits.c'),  # a shift, no heredoc
    (f'cat > password.txt <<EOF\n{P05}\nEOF\n', 'deploy.sh'),  # a file written, no assignment
])
def test_no_value_in_a_heredoc(detector: GenericDetector, text: str, path: str) -> None:
    assert found(detector, text.encode(), path) == []


@pytest.mark.parametrize(('path', 'text'), [
    ('conf/hive-site.xml', f'<configuration>\n  <property>\n    <name>javax.jdo.option.ConnectionPassword</name>\n'
                           f'    <value>{P05}</value>\n  </property>\n</configuration>\n'),
    ('conf/ssl-server.xml', f'<property>\n<name>ssl.server.keystore.password</name>\n<value>{P05}</value>\n</property>\n'),
    ('one-line.xml', f'<configuration><property><name>password</name><value>{P05}</value></property></configuration>\n'),
    ('WEB-INF/web.xml', f'<context-param>\n  <param-name>db.password</param-name>\n  <param-value>{P05}</param-value>\n'),
    ('ios/Secrets.plist', f'<plist><dict>\n  <key>password</key>\n  <string>{P05}</string>\n</dict></plist>\n'),
    ('azuredeploy.parameters.json', f'{{"parameters": {{"adminPassword": {{"value": "{P05}"}}}}}}\n'),
    ('azuredeploy.json', f'"adminPassword": {{"type": "securestring", "defaultValue": "{P05}"}},\n'),
    ('cfn-params.json', f'[\n  {{\n    "ParameterKey": "DBPassword",\n    "ParameterValue": "{P05}"\n  }}\n]\n'),
    ('key-value.yaml', f'env:\n  - key: DB_PASSWORD\n    value: {P05}\n'),
    ('eb-options.json', f'[{{"Namespace": "aws:elasticbeanstalk:application:environment", "OptionName": "DB_PASSWORD", '
                        f'"Value": "{P05}"}}]\n'),
    ('conf/hdfs-site.xml', f'<property>\n  <name>dfs.password</name>\n  <description>the password</description>\n'
                           f'  <value>{P05}</value>\n</property>\n'),  # a description between the name and the value
    ('ApplicationParameters/Cloud.xml', f'<Parameters>\n  <Parameter Name="DbPassword" Value="{P05}" />\n</Parameters>\n'),
    ('App.config', f'<setting name="DbPassword" serializeAs="String">\n  <value>{P05}</value>\n</setting>\n'),
])
def test_a_name_and_its_value_in_sibling_fields(detector: GenericDetector, path: str, text: str) -> None:
    """Tenth hostile review (break 11): Hadoop-style XML (`<name>KEY</name>` then `<value>v</value>`, on one line or
    two) and its siblings (a web.xml's param-name/param-value, a property list's key/string, an ARM parameters file's
    `{"value": v}` under the key, CloudFormation's ParameterKey/ParameterValue, `key:`/`value:`, Elastic Beanstalk's
    OptionName/Value) were read by no extractor, while JSON `{"name": …, "value": …}` was."""
    assert found(detector, text.encode(), path) == [('generic-password', P05, text.index(P05))]



@pytest.mark.parametrize(('path', 'text'), [
    ('NuGet.Config', f'<packageSourceCredentials><feed>\n  <add key="Username" value="bob" />\n'
                     f'  <add key="ClearTextPassword" value="{P05}" />\n</feed></packageSourceCredentials>\n'),
    ('app/keystore.properties', f'storePassword={P05}\n'),  # Android's signing config: the keystore's password
    ('sign.sh', f'keytool -genkeypair -alias app -keystore app.jks -storepass {P05}\n'),  # keytool's
    ('app/build.gradle', f'signingConfigs {{\n  release {{\n    storePassword "{P05}"\n  }}\n}}\n'),
    ('ssm.json', f'{{\n  "Parameter": {{\n    "Name": "/prod/db/password",\n    "Type": "SecureString",\n'
                 f'    "Value": "{P05}",\n    "Version": 1\n  }}\n}}\n'),  # `aws ssm get-parameter` output
    ('params.yaml', f'- name: /prod/db/password\n  value: {P05}\n'),
    ('appsettings.json', f'[{{"name": "ConnectionStrings:DbPassword", "value": "{P05}"}}]\n'),  # az webapp config
    ('deploy.sh', f'gh secret set DB_PASSWORD --body "{P05}"\n'),  # commands that store a named secret
    ('deploy.sh', f'gh secret set DB_PASSWORD --repo acme/app -b "{P05}"\n'),
    ('deploy.sh', f'aws ssm put-parameter --name db_password --value "{P05}" --type SecureString\n'),
    ('deploy.sh', f'aws ssm put-parameter --value "{P05}" --name /prod/db/password --overwrite\n'),
    ('deploy.sh', f'az keyvault secret set --vault-name kv --name DbPassword --value "{P05}"\n'),
    ('deploy.sh', f'dotnet user-secrets set "Db:Password" "{P05}"\n'),
    ('deploy.sh', f'netlify env:set DB_PASSWORD "{P05}"\n'),
    ('deploy.sh', f'doppler secrets set DB_PASSWORD "{P05}"\n'),
    ('deploy.sh', f'glab variable set DB_PASSWORD "{P05}" --masked\n'),
    ('deploy.sh', f'gh secret set DB_PASSWORD -b"{P05}"\n'),  # siblings: -b joined, the value piped in, the keychain
    ('deploy.sh', f'echo "{P05}" | gh secret set DB_PASSWORD\n'),
    ('deploy.sh', f"printf '%s' '{P05}' | docker secret create db_password -\n"),
    ('setup.sh', f'security add-generic-password -a bob -s db -w "{P05}"\n'),
])
def test_a_name_and_its_value_in_a_sibling_layout(detector: GenericDetector, path: str, text: str) -> None:
    """Eleventh hostile review (break 04), the siblings of the tenth's 11 and 12: NuGet's `ClearTextPassword` (read
    as the flag `clear`; Android's `storePassword` too, as `store`), a name field holding a parameter's path (`aws ssm
    get-parameter`'s `"Name": "/prod/db/password"`) or a colon (.NET's `Db:Password`), and the commands that store a
    named secret from their arguments (`gh secret set K --body v`, `aws ssm put-parameter --name K --value v`,
    `dotnet user-secrets set K v`) were missed, while `Password`, `db_password` and `setx K v` were found."""
    assert found(detector, text.encode(), path) == [('generic-password', P05, text.index(P05))]


@pytest.mark.parametrize(('path', 'text'), [
    ('deploy.sh', 'gh secret set DB_PASSWORD --body "$DB_PASSWORD"\n'),  # a reference
    ('deploy.sh', 'gh secret set DB_PASSWORD < password.txt\n'),  # read from a file
    ('deploy.sh', 'gh secret set DB_PASSWORD --env-file .env\n'),
    ('deploy.sh', f'gh secret set DB_NAME --body "{P05}"\n'),  # no secret's name
    ('deploy.sh', f'aws ssm put-parameter --name db_host --value "{P05}"\n'),
    ('deploy.sh', f'az keyvault secret set --vault-name db-password --name Host --value "{P05}"\n'),  # not --name
    ('deploy.sh', 'echo "$DB_PASSWORD" | gh secret set DB_PASSWORD\n'),
    ('deploy.sh', f'echo "{P05}" | gh secret set DB_HOST\n'),
    ('setup.sh', 'security add-generic-password -a bob -s db -w\n'),  # asks for it
    ('settings.yaml', 'store_password: false\n'),  # the action, a flag
    ('settings.yaml', 'clear_password: true\n'),
])
def test_no_value_in_a_sibling_layout_that_names_no_secret(detector: GenericDetector, path: str, text: str) -> None:
    assert found(detector, text.encode(), path) == []

@pytest.mark.parametrize(('path', 'text'), [
    ('deploy.sh', f'pulumi config set --secret dbPassword {P05}\n'),
    ('deploy.sh', f'travis env set DB_PASSWORD {P05}\n'),
    ('deploy.sh', f"echo '{P05}' | wrangler secret put DB_PASSWORD\n"),
    ('deploy.sh', f"gh secret set DB_PASSWORD <<< '{P05}'\n"),  # a here-string on the command's line
    ('deploy.sh', f"vercel env add DB_PASSWORD production <<< '{P05}'\n"),
    ('sign.sh', f'openssl pkcs12 -export -in c.pem -inkey k.pem -out c.p12 -passout pass:{P05}\n'),
    ('sign.sh', f'openssl rsa -in k.pem -passin "pass:{P05}" -out plain.pem\n'),
    ('sign.sh', f'openssl enc -aes-256-cbc -pass pass:{P05} -in a -out a.enc\n'),
    ('check.sh', f'redis-cli -h cache -a {P05} ping\n'),
    ('setup.sh', f'htpasswd -b .htpasswd admin {P05}\n'),
    ('setup.sh', f'htpasswd -bc /etc/nginx/.htpasswd admin {P05}\n'),
    ('setup.sh', f'htpasswd -nbB admin {P05}\n'),  # -n: no file, the user and the password
    ('setup.cmd', f'net user admin {P05} /add\n'),
    ('deploy.sh', f"firebase functions:secrets:set DB_PASSWORD <<< '{P05}'\n"),  # siblings
    ('deploy.sh', f"printf '%s' '{P05}' | gcloud secrets versions add db-password --data-file=-\n"),
    ('deploy.sh', f'cf set-env my-app DB_PASSWORD {P05}\n'),
    ('check.sh', f'mongosh --host db -u admin -p {P05}\n'),
    ('check.sh', f'/usr/bin/mongodump -u admin -p "{P05}" --out /backup\n'),
    ('check.sh', f'ldapsearch -x -D cn=admin,dc=example,dc=org -w {P05} -b dc=example,dc=org\n'),
    ('setup.sh', f'mysqladmin -u root password {P05}\n'),
    ('setup.sh', f'rabbitmqctl add_user admin {P05}\n'),
    ('setup.sh', f'rabbitmqctl change_password admin "{P05}"\n'),
])
def test_a_password_given_to_a_command_that_stores_it(detector: GenericDetector, path: str, text: str) -> None:
    """Twelfth hostile review (break 11), siblings of the eleventh's 04: `pulumi config set --secret K v`, `travis env
    set K v`, the value piped into `wrangler secret put K`, a here-string on the command's line (`gh secret set K <<<
    'v'`), openssl's `-passout pass:v`, `redis-cli -a v`, `htpasswd -b file user v` and `net user admin v /add` were
    missed, while `gh secret set K --body v` was found. Siblings: firebase's `functions:secrets:set`, `gcloud secrets versions
    add`, Cloud Foundry's `cf set-env APP K v`, `mongosh -p v`, the LDAP tools' `-w v`, `mysqladmin password v`,
    `rabbitmqctl add_user user v`."""
    assert found(detector, text.encode(), path) == [('generic-password', P05, text.index(P05))]


@pytest.mark.parametrize(('path', 'text'), [
    ('sign.sh', 'openssl pkcs12 -export -in c.pem -out c.p12 -passout pass:$PW\n'),  # a reference
    ('sign.sh', 'openssl rsa -in k.pem -passin env:KEY_PASSWORD -out plain.pem\n'),  # where to read it
    ('sign.sh', 'openssl rsa -in k.pem -passin file:/run/secrets/key_password -out plain.pem\n'),
    ('sign.sh', 'openssl rsa -in k.pem -passin stdin -out plain.pem\n'),
    ('check.sh', 'redis-cli -h cache -a $REDIS_PASSWORD ping\n'),
    ('check.sh', 'redis-cli -a "${REDIS_PASSWORD}" --no-auth-warning ping\n'),
    ('deploy.sh', 'gh secret set DB_PASSWORD <<< "$SECRET"\n'),
    ('deploy.sh', 'vercel env add DB_PASSWORD production < password.txt\n'),
    ('deploy.sh', f"vercel env add DB_HOST production <<< '{P05}'\n"),  # no secret's name
    ('deploy.sh', 'pulumi config set --secret dbPassword\n'),  # asks for it
    ('deploy.sh', 'echo "$DB_PASSWORD" | wrangler secret put DB_PASSWORD\n'),
    ('setup.sh', 'htpasswd -b .htpasswd admin "$ADMIN_PASSWORD"\n'),
    ('setup.sh', 'htpasswd -c .htpasswd admin\n'),  # asks for it
    ('setup.cmd', 'net user admin * /add\n'),  # asks for it
    ('setup.cmd', 'net user admin /delete\n'),
    ('setup.cmd', 'net user admin %ADMIN_PASSWORD% /add\n'),
    ('compose.sh', 'docker run -d --name mongo -p 27017:27017 mongo:7\n'),  # a port, not mongo's -p
    ('check.sh', 'ldapsearch -x -D cn=admin,dc=example,dc=org -W -b dc=example,dc=org\n'),  # -W asks for it
    ('check.sh', 'ldapsearch -x -D cn=admin -y /run/secrets/ldap_password\n'),
    ('setup.sh', 'mysqladmin -u root password "$MYSQL_ROOT_PASSWORD"\n'),
    ('setup.sh', 'rabbitmqctl add_user admin "$RABBITMQ_PASSWORD"\n'),
    ('deploy.sh', 'cf set-env my-app DB_PASSWORD "$DB_PASSWORD"\n'),
])
def test_no_password_given_to_a_command_that_reads_it_elsewhere(detector: GenericDetector, path: str, text: str) -> None:
    assert found(detector, text.encode(), path) == []


@pytest.mark.parametrize(('path', 'text'), [
    ('deploy.sh', f'gh secret set -R org/repo DB_PASSWORD --body "{P05}"\n'),  # the review's lines
    ('deploy.sh', f'gh secret set --env production DB_PASSWORD --body "{P05}"\n'),
    ('deploy.sh', f'gh secret set --org myorg DB_PASSWORD --body "{P05}"\n'),
    ('deploy.sh', f'echo "{P05}" | gh secret set --env production DB_PASSWORD\n'),
    ('deploy.sh', f'pulumi config set --secret --stack prod dbPassword {P05}\n'),
    ('deploy.sh', f"pulumi config set --path 'db.password' {P05} --secret\n"),
    ('deploy.sh', f'travis env set --private DB_PASSWORD {P05}\n'),
    ('deploy.sh', f'dotnet user-secrets set --project src/App "Db:Password" "{P05}"\n'),
    ('deploy.sh', f'glab variable set DB_PASSWORD --value "{P05}"\n'),
    ('deploy.sh', f'dotnet user-secrets --project src/App set "Db:Password" "{P05}"\n'),  # an option between the words
    ('deploy.sh', f'gh secret -R org/repo set DB_PASSWORD -b "{P05}"\n'),  # siblings
    ('deploy.sh', f'pulumi config --stack prod set --secret dbPassword {P05}\n'),
    ('deploy.sh', f'gh secret set --org myorg -v selected --repos a,b DB_PASSWORD --body "{P05}"\n'),
    ('deploy.sh', f'gh secret set --org myorg DB_PASSWORD -v all --body "{P05}"\n'),  # -v: gh's visibility
    ('deploy.sh', f'travis env set -p DB_PASSWORD {P05} -r org/repo\n'),
    ('deploy.sh', f'glab variable set DB_PASSWORD -v "{P05}" --masked\n'),  # glab's -v
    ('deploy.sh', f'glab variable set -g mygroup DB_PASSWORD {P05} --masked\n'),
    ('deploy.sh', f'glab variable update DB_PASSWORD {P05}\n'),
    ('deploy.sh', f'netlify env:set --context production DB_PASSWORD {P05}\n'),
    ('deploy.sh', f'echo {P05} | wrangler secret put --env production DB_PASSWORD\n'),
    ('deploy.sh', f"firebase functions:secrets:set --project p DB_PASSWORD <<< '{P05}'\n"),
    ('deploy.sh', f"vercel env add --sensitive DB_PASSWORD production <<< '{P05}'\n"),
    ('deploy.sh', f'gh secret set --no-store DB_PASSWORD --body "{P05}"\n'),  # an option without an argument
    ('deploy.sh', f'gh secret set --env=production DB_PASSWORD --body "{P05}"\n'),
    ('setup.sh', f'rabbitmqctl -n rabbit@host add_user admin {P05}\n'),  # rabbitmqctl's options before its command
    ('setup.sh', f'rabbitmqctl -q add_user admin {P05}\n'),
])
def test_a_password_given_to_a_command_after_its_options(detector: GenericDetector, path: str, text: str) -> None:
    """Thirteenth hostile review (break 02): with the commands' own options before the secret's name (`gh secret set
    -R org/repo K --body v`, `pulumi config set --secret --stack prod K v`, `travis env set --private K v`, `dotnet
    user-secrets set --project p K v`), or glab's `--value v`, the password was missed, while `gh secret set K --repo
    org/repo --body v` was found: the anchor and the readers took only the name's characters after the command.
    Siblings: an option between the command's words (`dotnet user-secrets --project p set`, `rabbitmqctl -n node
    add_user`), glab's `-v` and `variable update`."""
    assert found(detector, text.encode(), path) == [('generic-password', P05, text.index(P05))]


@pytest.mark.parametrize(('path', 'text'), [
    ('deploy.sh', 'gh secret set --env production DB_PASSWORD < password.txt\n'),  # read from a file
    ('deploy.sh', 'gh secret set --env production DB_PASSWORD --body "$DB_PASSWORD"\n'),  # a reference
    ('deploy.sh', f'gh secret set -R org/repo DB_NAME --body "{P05}"\n'),  # no secret's name
    ('deploy.sh', f'echo "{P05}" | gh secret set --env production DB_HOST\n'),
    ('deploy.sh', f'travis env set --private DB_HOST {P05}\n'),
    ('deploy.sh', 'pulumi config set --secret --stack prod dbPassword\n'),  # asks for it
    ('deploy.sh', 'gh secret set --org myorg DB_PASSWORD -v all\n'),  # the visibility, the value asked for
    ('deploy.sh', 'gh secret set --env-file .env\n'),
    ('setup.sh', 'rabbitmqctl -q add_user admin "$RABBITMQ_PASSWORD"\n'),
    # an option's argument holding a key word is no secret's name: az's vault (`OPTIONS_WITH_ARGUMENT`)
    ('deploy.sh', f'az keyvault secret set --vault-name mykeyvault --name Host --value "{P05}"\n'),
    ('deploy.sh', f'gh secret set --env db-password DB_HOST --body "{P05}"\n'),
])
def test_no_password_given_to_a_command_after_its_options(detector: GenericDetector, path: str, text: str) -> None:
    assert found(detector, text.encode(), path) == []


@pytest.mark.parametrize(('path', 'text'), [
    ('env.sh', f'PW=${{DB_PASSWORD:-"{P05}"}}\n'),  # the review's lines
    ('env.sh', f"PW=${{DB_PASSWORD:-'{P05}'}}\n"),
    ('env.sh', f'export PGPASSWORD="${{DB_PASSWORD:-"{P05}"}}"\n'),
    ('site.yml', f"db_pass: \"{{{{ db_password | default('{P05}') }}}}\"\n"),
    ('site.yml', f"db_pass: \"{{{{ lookup('env', 'DB_PASSWORD') | default('{P05}', true) }}}}\"\n"),
    ('App.java', f'String pw = Objects.requireNonNullElse(System.getenv("DB_PASSWORD"), "{P05}");\n'),
    ('App.java', f'String pw = StringUtils.defaultIfBlank(System.getenv("DB_PASSWORD"), "{P05}");\n'),
    ('site.yml', f"db_pass: \"{{{{ db_password | d('{P05}') }}}}\"\n"),  # and those the review named
    ('App.java', f'String pw = MoreObjects.firstNonNull(System.getenv("DB_PASSWORD"), "{P05}");\n'),
    ('App.java', f'String pw = Objects.toString(System.getenv("DB_PASSWORD"), "{P05}");\n'),
    ('env.sh', f'PW=${{DB_PASSWORD:="{P05}"}}\n'),
    ('main.rs', f'let pw = env::var("DB_PASSWORD").unwrap_or_else(|_| {{ "{P05}".to_string() }});\n'),
    ('site.yml', f'db_pass: "{{{{ vault[\'db_password\']|default(\"{P05}\") }}}}"\n'),  # siblings
    ('site.yml', f"db_pass: \"{{{{ lookup('ansible.builtin.env', 'DB_PASSWORD', default='{P05}') }}}}\"\n"),
    ('App.java', f'String pw = StringUtils.defaultString(System.getenv("DB_PASSWORD"), "{P05}");\n'),
    ('App.java', f'String pw = ObjectUtils.defaultIfNull(System.getenv("DB_PASSWORD"), "{P05}");\n'),
    ('App.java', f'String pw = requireNonNullElse(getenv("DB_PASSWORD"), "{P05}");\n'),  # a static import
])
def test_a_default_password_after_a_common_fallback(detector: GenericDetector, path: str, text: str) -> None:
    """Thirteenth hostile review (break 03): a quoted shell default (`${X:-"v"}`, `${X:-'v'}`), Jinja's (Ansible's)
    `| default('v')` and Java's first-non-null helpers (`Objects.requireNonNullElse(System.getenv("X"), "v")`,
    `StringUtils.defaultIfBlank`) were missed, while `${X:-v}`, Helm's `| default "v"` and Go's `cmp.Or(os.Getenv("X"),
    "v")` were found. Also named by the review: Jinja's `| d('v')`, `MoreObjects.firstNonNull`, `Objects.toString`,
    `${X:="v"}`, Rust's closure body in a block (`|_| { "v".to_string() }`)."""
    assert found(detector, text.encode(), path) == [('generic-password', P05, text.index(P05))]


@pytest.mark.parametrize(('path', 'text'), [
    ('env.sh', 'PW=${DB_PASSWORD:-""}\n'),  # empty
    ('env.sh', 'PW=${DB_PASSWORD:-"$OTHER_PASSWORD"}\n'),  # a reference
    ('env.sh', 'PW=${DB_PASSWORD:-"changeme"}\n'),  # a placeholder
    ('env.sh', f'PW=${{DB_PASSWORD:+"{P05}"}}\n'),  # used when set: no default
    ('site.yml', "db_pass: \"{{ db_password | default('') }}\"\n"),
    ('site.yml', 'db_pass: "{{ db_password | default(omit) }}"\n'),
    ('site.yml', "db_pass: \"{{ db_password | default(lookup('env', 'X')) }}\"\n"),
    ('site.yml', f"db_host: \"{{{{ db_host | default('{P05}') }}}}\"\n"),  # no secret's name
    ('App.java', 'String pw = Objects.requireNonNullElse(System.getenv("DB_PASSWORD"), "");\n'),
    ('App.java', f'String pw = Objects.requireNonNullElse(System.getenv("DB_HOST"), "{P05}");\n'),
    ('main.rs', 'let pw = env::var("DB_PASSWORD").unwrap_or_else(|_| { panic!("DB_PASSWORD not set") });\n'),
])
def test_no_default_password_after_a_common_fallback(detector: GenericDetector, path: str, text: str) -> None:
    assert found(detector, text.encode(), path) == []


@pytest.mark.parametrize(('path', 'text'), [
    ('docker-compose.yml', f'      POSTGRES_PASSWORD: ${{POSTGRES_PASSWORD:-${{DB_PASSWORD:-{P05}}}}}\n'),  # the review's lines
    ('entrypoint.sh', f'export PGPASSWORD="${{DB_PASSWORD:-${{PGPASSWORD:-{P05}}}}}"\n'),
    ('application.yml', f'    password: ${{DB_PASSWORD:${{PGPASSWORD:{P05}}}}}\n'),
    ('application.properties', f'spring.datasource.password=${{DB_PASSWORD:${{PGPASSWORD:{P05}}}}}\n'),
    ('main.yml', f"db_pass: \"{{{{ db_password | trim | default('{P05}') }}}}\"\n"),
    ('secret.yaml', f'  password: {{{{ coalesce .Values.db.password "{P05}" }}}}\n'),
    ('config.tmpl', f'password = {{{{ env "DB_PASSWORD" | default "{P05}" }}}}\n'),
    ('env.sh', f'PW=${{DB_PASSWORD:-${{A:-${{B:-{P05}}}}}}}\n'),  # siblings: three levels
    ('env.sh', f"PW=${{DB_PASSWORD:-${{PGPASSWORD:-'{P05}'}}}}\n"),
    ('env.sh', f"PW=${{DB_PASSWORD:-$'{P05}'}}\n"),  # bash's ANSI-C quoting
    ('main.yml', f"db_pass: \"{{{{ db_password | default(omit) | default('{P05}') }}}}\"\n"),
    ('main.yml', f"db_pass: \"{{{{ lookup('env', 'DB_PASSWORD') | string | trim | d('{P05}', true) }}}}\"\n"),
    ('main.yml', f"db_pass: \"{{{{ db_password | regex_replace('\\\\s', '') | default('{P05}') }}}}\"\n"),
    ('config.liquid', f"password: {{{{ settings.db_password | strip | default: '{P05}' }}}}\n"),  # Liquid's default
    ('secret.yaml', f'  password: {{{{ coalesce .Values.db.password $.Values.global.dbPassword "{P05}" | b64enc }}}}\n'),
    ('secret.yaml', f'  password: {{{{ default "{P05}" $.Values.db.password }}}}\n'),
    ('main.go', f'pw := cmp.Or(os.Getenv("DB_PASSWORD"), os.Getenv("PGPASSWORD"), "{P05}")\n'),  # three arguments
    ('App.java', f'String pw = ObjectUtils.firstNonNull(System.getenv("DB_PASSWORD"), System.getProperty("db.password"), "{P05}");\n'),
    ('init.sql', f"SELECT COALESCE(current_setting('app.db_password', true), '{P05}');\n"),  # a flag after the name
    ('App.java', f'String pw = Optional.ofNullable(System.getenv("DB_PASSWORD")).orElseGet(() -> "{P05}");\n'),
    ('App.java', f'String pw = Objects.requireNonNullElseGet(System.getenv("DB_PASSWORD"), () -> "{P05}");\n'),
])
def test_a_default_password_behind_a_nested_default_or_a_filter_chain(detector: GenericDetector, path: str, text: str) -> None:
    """Fourteenth hostile review (break 02): a default behind a nested default (`${POSTGRES_PASSWORD:-${DB_PASSWORD:-v}}`,
    Spring's `${DB_PASSWORD:${PGPASSWORD:v}}`: the outer default ran to the first `}`, read as a template, and the
    search went on past the inner one), after another Jinja filter (`| trim | default('v')`), Helm's `coalesce
    .Values.x "v"` and sprig's `env "X" | default "v"` were missed. Siblings the review listed: `${X:-$'v'}`, Liquid's
    `| default: 'v'`, `cmp.Or` and `firstNonNull` with three arguments, SQL's `current_setting('x', true)`, Java's
    suppliers `orElseGet(() -> "v")` and `requireNonNullElseGet(…, () -> "v")`."""
    assert found(detector, text.encode(), path) == [('generic-password', P05, text.index(P05))]


@pytest.mark.parametrize(('path', 'text'), [
    ('env.sh', 'PW=${DB_PASSWORD:-${PGPASSWORD}}\n'),  # a reference, no default
    ('env.sh', 'PW=${DB_PASSWORD:-${PGPASSWORD:-}}\n'),  # empty
    ('env.sh', 'PW=${DB_PASSWORD:-${PGPASSWORD:-$OTHER}}\n'),
    ('env.sh', 'PW=${DB_PASSWORD:-${PGPASSWORD:?PGPASSWORD is required}}\n'),  # an error
    ('env.sh', f'PW=${{DB_PASSWORD:-${{PGPASSWORD:+{P05}}}}}\n'),  # used when set
    ('application.yml', '    password: ${DB_PASSWORD:${PGPASSWORD:changeme}}\n'),  # a placeholder
    ('main.yml', 'db_pass: "{{ db_password | trim | default(omit) }}"\n'),
    ('main.yml', "db_pass: \"{{ db_password | default(lookup('env', 'X')) | default('') }}\"\n"),
    ('main.yml', f"db_host: \"{{{{ db_host | trim | default('{P05}') }}}}\"\n"),  # no secret's name
    ('secret.yaml', '  password: {{ coalesce .Values.db.password (randAlphaNum 16) }}\n'),
    ('secret.yaml', '  password: {{ coalesce .Values.db.password "" }}\n'),
    ('secret.yaml', f'  host: {{{{ coalesce .Values.db.host "{P05}" }}}}\n'),
    ('config.tmpl', 'password = {{ env "DB_PASSWORD" | default "changeme" }}\n'),
    ('config.tmpl', f'host = {{{{ env "DB_HOST" | default "{P05}" }}}}\n'),
    ('init.sql', f"SELECT COALESCE(current_setting('app.db_host', true), '{P05}');\n"),
    ('App.java', f'String pw = Objects.requireNonNullElseGet(System.getenv("DB_HOST"), () -> "{P05}");\n'),
    ('App.java', 'String pw = Optional.ofNullable(System.getenv("DB_PASSWORD")).orElseGet(() -> "");\n'),
])
def test_no_default_password_behind_a_nested_default_or_a_filter_chain(detector: GenericDetector, path: str, text: str) -> None:
    assert found(detector, text.encode(), path) == []


@pytest.mark.parametrize(('path', 'text'), [
    ('process-env.js', f"process.env.DB_PASSWORD = '{P05}';\n"),
    ('vite.config.ts', f"import.meta.env.DB_PASSWORD = '{P05}';\n"),
    ('env-drive.ps1', f'$env:DB_PASSWORD = "{P05}"\n'),
    ('env-drive.ps1', f'$Env:DB_PASSWORD="{P05}"\n'),
    ('env-braces.ps1', f'${{env:DB_PASSWORD}} = "{P05}"\n'),
    ('env.pl', f'$ENV{{DB_PASSWORD}} = "{P05}";\n'),
    ('env.pl', f"$ENV{{'DB_PASSWORD'}} = '{P05}';\n"),
    ('args-flow.yaml', f'containers:\n  - name: app\n    args: ["--db-password", "{P05}"]\n'),
    ('args-block.yaml', f'containers:\n  - name: app\n    args:\n      - --db-password\n      - {P05}\n'),
    ('args-quoted.yaml', f'containers:\n  - args:\n      - "--db-password"\n      - "{P05}"\n'),
    ('Dockerfile', f'CMD ["app", "--db-password", "{P05}"]\n'),
    ('run.py', f'subprocess.run(["mysql", "--password", "{P05}"])\n'),
    ('run.py', f'cmd = [\n    "mysql",\n    "--password",\n    "{P05}",\n]\n'),
    ('compose.yaml', f'services:\n  redis:\n    command: redis-server --requirepass {P05}\n'),  # redis.conf's directive as a flag
    ('compose.yaml', f'    command: ["redis-server", "--masterauth", "{P05}"]\n'),
    ('env.csh', f'setenv DB_PASSWORD {P05}\n'),  # a command setting a variable: csh (and launchctl), fish, cmd, PowerShell
    ('config.fish', f'set -gx DB_PASSWORD {P05}\n'),
    ('setup.bat', f'setx DB_PASSWORD {P05} /M\n'),
    ('setup.ps1', f'Set-Item -Path Env:DB_PASSWORD -Value "{P05}"\n'),
    ('setup.ps1', f'New-Item -Path "Env:DB_PASSWORD" -Value \'{P05}\'\n'),
])
def test_an_assignment_found_in_one_language_is_found_in_its_siblings(detector: GenericDetector, path: str, text: str) -> None:
    """Tenth hostile review (break 12): `os.environ["X"] = "v"`, `$X = "v"` and `app --db-password v` were found, their
    siblings not: `process.env.X = 'v'` (the key `process.env.X` read as a flag, `process`), PowerShell's
    `$env:X = "v"` (read as `env` of type `X`), `${env:X}` and Perl's `$ENV{X}` (no `}` after a key), and the flag
    and its value as two items of a list (flow, block, a Dockerfile's exec form, a list in code); and Redis's
    `--requirepass v` (`requirepass` read as the flag word `require` and `pass`), and the commands that set a variable
    from their arguments (csh's `setenv`, fish's `set -gx`, `setx`, PowerShell's `Set-Item -Path Env:X -Value`)."""
    assert found(detector, text.encode(), path) == [('generic-password', P05, text.index(P05))]


@pytest.mark.parametrize(('path', 'text'), [
    ('secrets.json', f'{{ "Smtp:Password": "{P05}" }}\n'),  # the review's lines
    ('src/Api/appsettings.json', f'{{ "Logging": {{}}, "Jwt:SigningKey": "{P05}" }}\n'),
    ('local.settings.json', f'{{ "IsEncrypted": false, "Values": {{ "FUNCTIONS_WORKER_RUNTIME": "dotnet", "Smtp:Password": "{P05}" }} }}\n'),
    ('secrets.json', f'{{\n  "ConnectionStrings:Default": "Server=db",\n  "Smtp:Password": "{P05}"\n}}\n'),  # siblings
    ('appsettings.json', f'{{"Authentication:Schemes:Bearer:ClientSecret": "{P05}"}}\n'),
    ('appsettings.yaml', f'Smtp:Password: {P05}\n'),  # YAML's flat key
    ('appsettings.yaml', f'- Smtp:Password: "{P05}"\n'),
    ('Startup.cs', f'var settings = new Dictionary<string, string> {{ ["Smtp:Password"] = "{P05}" }};\n'),
])
def test_a_dotnet_colon_key(detector: GenericDetector, path: str, text: str) -> None:
    """Fifteenth hostile review (break 05): .NET configuration's flat keys, their sections joined by colons (dotnet
    user-secrets' secrets.json, Azure Functions' local.settings.json, appsettings.json), were no key: `_ASSIGN` read
    `Smtp` with the operator `:` (value `Password`), and no key starts after a colon. The whole name is the key now."""
    assert found(detector, text.encode(), path) == [('generic-password' if 'SigningKey' not in text and 'Secret' not in text
                                                     else 'generic-api-key' if 'Key' in text else 'generic-secret',
                                                     P05, text.index(P05))]


@pytest.mark.parametrize(('path', 'text'), [
    ('secrets.json', '{ "Smtp:Password": "${SMTP_PASSWORD}" }\n'),  # a reference
    ('secrets.json', '{ "Smtp:Password": "" }\n'),
    ('appsettings.json', f'{{ "Smtp:Host": "{P05}" }}\n'),  # no secret's name
    ('appsettings.json', f'{{ "Antiforgery:Csrf:Token": "{P05}" }}\n'),  # a qualifier before the word still counts
    ('appsettings.json', '{ "Logging:LogLevel:Default": "Information" }\n'),
    ('app.ts', f'const x = {{"Smtp:Password": cfg.password, other: "{P05}"}};\n'),  # a variable
    ('values.yaml', f'image: registry/password:{P05}\n'),  # a colon inside a value: no key
    ('settings.ini', f'Smtp:Password = {P05}\n'),  # an unquoted colon key only in YAML's form (`key: v`)
])
def test_no_dotnet_colon_key(detector: GenericDetector, path: str, text: str) -> None:
    assert found(detector, text.encode(), path) == []


@pytest.mark.parametrize(('path', 'text'), [
    ('main.tf', f'  password = coalesce(var.db_password, "{P05}")\n'),  # the review's lines
    ('rds.tf', f'  master_password = try(var.rds.master_password, "{P05}")\n'),
    ('main.tf', f'  password = lookup(var.db, "password", "{P05}")\n'),
    ('a.rs', f'let pw = std::env::var("DB_PASSWORD").unwrap_or_else(|_| String::from("{P05}"));\n'),
    ('A.java', f'String pw = Optional.ofNullable(System.getenv("DB_PASSWORD")).orElseGet(() -> {{ return "{P05}"; }});\n'),
    ('init.sql', f"SELECT COALESCE(NULLIF(current_setting('app.db_password', true), ''), '{P05}');\n"),
    ('main.tf', f'  password = coalesce(var.db_password, local.fallback, "{P05}")\n'),  # siblings
    ('main.tf', f'  password = coalesce(local.db.password, "{P05}")\n'),
    ('main.go', f'pw := cmp.Or(cfg.DBPassword, "{P05}")\n'),
    ('App.java', f'String pw = Objects.requireNonNullElse(dbPassword, "{P05}");\n'),
    ('App.java', f'String pw = Objects.requireNonNullElseGet(System.getenv("DB_PASSWORD"), () -> {{ return "{P05}"; }});\n'),
    ('a.rs', f'let pw = env::var("DB_PASSWORD").unwrap_or(String::from("{P05}"));\n'),
    ('init.sql', f"SELECT COALESCE(NULLIF(current_setting('app.db_password'), ''), '{P05}');\n"),
    ('main.tf', f'  db = lookup(var.db_passwords, "prod", "{P05}")\n'),  # the map names it (sixteenth review, 07)
    ('main.tf', f'  db = lookup(local.settings.db_password, "prod", "{P05}")\n'),
])
def test_a_default_password_after_another_fallback(detector: GenericDetector, path: str, text: str) -> None:
    """Fifteenth hostile review (break 06): Terraform's `coalesce(var.x, "v")` and `try(var.x, "v")` (a reference, not a
    call naming the key, as the first argument; `try` no first-set call), `lookup(map, "password", "v")`, Rust's
    `String::from("v")`, Java's supplier with a block body (`() -> { return "v"; }`) and SQL's `NULLIF(…, '')` around
    the call naming the key were missed."""
    assert found(detector, text.encode(), path) == [('generic-password', P05, text.index(P05))]


@pytest.mark.parametrize(('path', 'text'), [
    ('main.tf', '  password = coalesce(var.db_password, "")\n'),  # empty
    ('main.tf', '  password = coalesce(var.db_password, random_password.db.result)\n'),  # no literal
    ('main.tf', f'  host = coalesce(var.db_host, "{P05}")\n'),  # no secret's name
    ('main.tf', f'  host = try(var.db.host, "{P05}")\n'),
    ('main.tf', '  password = try(var.db.password, "changeme")\n'),  # a placeholder
    ('main.tf', f'  host = lookup(var.db, "host", "{P05}")\n'),
    ('main.tf', f'  password = lookup(var.db, "password", "{P05}", "x")\n'),  # not a lookup's three arguments
    ('main.tf', f'  db = lookup(var.db_hosts, "prod", "{P05}")\n'),  # neither the map nor the entry names a secret
    ('A.java', 'String pw = Optional.ofNullable(System.getenv("DB_PASSWORD")).orElseGet(() -> { return ""; });\n'),
    ('A.java', f'String pw = Optional.ofNullable(System.getenv("DB_HOST")).orElseGet(() -> {{ return "{P05}"; }});\n'),
    ('a.rs', f'let host = std::env::var("DB_HOST").unwrap_or_else(|_| String::from("{P05}"));\n'),
    ('init.sql', f"SELECT COALESCE(NULLIF(current_setting('app.db_host', true), ''), '{P05}');\n"),
    ('App.java', f'try (Connection c = open(password, "{P05}")) {{\n'),  # try-with-resources: no call
])
def test_no_default_password_after_another_fallback(detector: GenericDetector, path: str, text: str) -> None:
    assert found(detector, text.encode(), path) == []


_CREDENTIAL = ('CredentialRepresentation credential = new CredentialRepresentation();\n'
               'credential.setType(CredentialRepresentation.PASSWORD);\n'
               'credential.setValue("{}");\n'
               'credential.setTemporary(false);\n')


@pytest.mark.parametrize(('path', 'text'), [
    ('src/main/java/app/UserSeeder.java', _CREDENTIAL.format(P05)),  # the review's lines
    ('seed.py', f'keycloak_admin.set_user_password(user_id, "{P05}", temporary=False)\n'),
    ('seed.go', f'err = client.SetPassword(ctx, token.AccessToken, userID, "demo", "{P05}", false)\n'),
    ('UserSeeder.java', f'CredentialRepresentation c = new CredentialRepresentation();\nc.setValue("{P05}");\n'
                        'c.setTemporary(false);\nc.setType("password");\n'),  # siblings: the value first, the type as a string
    ('UserSeeder.java', f'EnvVar env = new EnvVar();\nenv.setName("DB_PASSWORD");\nenv.setValue("{P05}");\n'),
    ('UserSeeder.java', f'a.setType(CredentialRepresentation.PASSWORD); a.setValue("{P05}");\n'
                        'b.setType(CredentialRepresentation.PASSWORD); b.setValue(generated);\n'),
    ('seed.go', f'err = client.SetPassword(ctx, token.AccessToken, *user.ID, realm, "{P05}", false)\n'),
    ('seed.go', f'err = client.SetPassword(ctx, token.AccessToken, user.GetID(), realm, "{P05}", false)\n'),
    ('seed.py', f"admin.set_user_password('alice', '{P05}')\n"),
    # a builder's chain and Kotlin's apply block (sixteenth hostile review, break 04)
    ('Pod.java', f'EnvVar e = new EnvVarBuilder().withName("DB_PASSWORD").withValue("{P05}").build();\n'),
    ('Pod.java', f'EnvVar e = new EnvVarBuilder()\n    .withValue("{P05}")\n    .withName("DB_PASSWORD")\n    .build();\n'),
    ('Users.kt', f'val cred = CredentialRepresentation().apply {{\n    type = CredentialRepresentation.PASSWORD\n'
                 f'    value = "{P05}"\n    isTemporary = false\n}}\n'),
    ('Users.kt', f'val c = CredentialRepresentation().apply {{ type = CredentialRepresentation.PASSWORD; value = "{P05}" }}\n'),
])
def test_a_keycloak_password_set_in_code(detector: GenericDetector, path: str, text: str) -> None:
    """Fifteenth hostile review (break 07): a user's password set through Keycloak's admin clients in code was missed:
    Java's `credential.setType(CredentialRepresentation.PASSWORD)` / `credential.setValue("v")` (an object's type or name
    set by one setter, its value by another: the `named` family's entry, written as setters), python-keycloak's
    `set_user_password(user_id, "v")` and gocloak's `SetPassword(ctx, token, userID, realm, "v", false)` (a call setting
    a password, the password after other arguments)."""
    assert found(detector, text.encode(), path) == [('generic-password', P05, text.index(P05))]


@pytest.mark.parametrize(('path', 'text'), [
    ('UserSeeder.java', 'c.setType(CredentialRepresentation.PASSWORD);\nc.setValue(password);\n'),  # a variable
    ('UserSeeder.java', f'c.setType(CredentialRepresentation.PASSWORD);\nother.setValue("{P05}");\n'),  # another object's
    ('UserSeeder.java', f'c.setType(CredentialRepresentation.OTP);\nc.setValue("{P05}");\n'),  # no secret's name
    ('UserSeeder.java', f'c.setType(CredentialRepresentation.PASSWORD);\n' + 'x();\n' * 7 + f'c.setValue("{P05}");\n'),  # far
    ('UserSeeder.java', f'c.setType(CredentialRepresentation.PASSWORD);\nabc.setValue("{P05}");\n'),  # a longer name
    ('Form.java', 'field.setName("password");\nfield.setValue("Enter your password");\n'),  # a label
    ('seed.py', 'keycloak_admin.set_user_password(user_id, password, temporary=False)\n'),
    ('seed.py', f'check_password(user, "{P05}")\n'),  # compared, not set
    ('seed.py', f'get_password(vault, "{P05}")\n'),
    ('seed.go', f'err = client.SetPassword(ctx, token.AccessToken, userID, "demo", "{P05}", other)\n'),  # more than flags after
    ('seed.py', 'admin.set_user_password(user_id, "")\n'),
    ('Pod.java', f'EnvVar e = new EnvVarBuilder().withName("DB_HOST").withValue("{P05}").build();\n'),  # no secret's name
    ('Pod.java', f'a = new EnvVarBuilder().withName("DB_PASSWORD").build();\nb = new B().withValue("{P05}").build();\n'),
    ('Users.kt', f'val cred = CredentialRepresentation().apply {{\n    type = CredentialRepresentation.OTP\n'
                 f'    value = "{P05}"\n}}\n'),
    ('Users.kt', f'val cred = CredentialRepresentation().apply {{\n    type = CredentialRepresentation.PASSWORD\n'
                 f'    value = password\n}}\n'),
])
def test_no_keycloak_password_set_in_code(detector: GenericDetector, path: str, text: str) -> None:
    assert found(detector, text.encode(), path) == []


@pytest.mark.parametrize(('path', 'text'), [
    # XML in a string of code: the attribute's value is quoted by its attribute (fifteenth hostile review, break 01)
    ('config.py', f"x = '<add key=\"DbPassword\" value=\"{P05}\" />'\n"),
    ('Config.cs', f'var xml = @"<add key=""DbPassword"" value=""x"" />" + \'<add key="DbPassword" value="{P05}" />\';\n'),
    # `-u "user:v"` in a string of code: quoted with its user
    ('call.py', f"os.system('curl -u \"admin:{P05}\" https://api.example.com')\n"),
])
def test_a_quoted_xml_pair_or_user_in_code(detector: GenericDetector, path: str, text: str) -> None:
    assert P05 in [value for _, value, _ in found(detector, text.encode(), path)]


@pytest.mark.parametrize(('path', 'text'), [
    ('Config.cs', f'var xml = "<add key=\\"DbPassword\\" value=\\"{P05}\\" />";\n'),
    ('Config.java', f'String xml = "<add key=\\"DbPassword\\" value=\\"{P05}\\" />";\n'),
    ('call.py', f'subprocess.run("curl -u \\"admin:{P05}\\" https://api.example.com", shell=True)\n'),
])
def test_a_quoted_xml_pair_or_user_in_an_escaped_string(default_config: Config, path: str, text: str) -> None:
    """The same behind escaped quotes: the escape view decodes the line, the value is read as quoted."""
    from leakstop.scan import ruleset_for, scan_data
    found_here = scan_data(text.encode(), path, ruleset=ruleset_for(default_config), config=default_config)
    assert [f.secret for f in found_here] == [P05]


@pytest.mark.parametrize(('path', 'text'), [
    ('Config.cs', 'var xml = "<add key=\\"DbPassword\\" value=\\"{0}\\" />";\n'),  # a format's placeholder
    ('config.py', "x = '<add key=\"DbPassword\" value=\"\" />'\n"),
    ('call.py', 'subprocess.run(f"curl -u \\"admin:{password}\\" https://api.example.com", shell=True)\n'),
    ('call.py', "run('curl -u \"$USER:$PASS\" https://x')\n"),
])
def test_no_quoted_xml_pair_or_user_in_code(detector: GenericDetector, path: str, text: str) -> None:
    assert found(detector, text.encode(), path) == []


@pytest.mark.parametrize(('path', 'text'), [
    # sixteenth hostile review: the value before the key (05), a .NET key of six sections (06), a password set after an
    # argument that is a call's result or a subscript (03)
    ('app.config', f'<appSettings>\n  <add value="{P05}" key="DbPassword" />\n</appSettings>\n'),
    ('appsettings.yml', f'Logging:Providers:Mail:Smtp:Auth:Password: {P05}\n'),
    ('kc.py', f'keycloak_admin.set_user_password(get_user_id("alice"), "{P05}", temporary=False)\n'),
    ('kc.py', f'keycloak_admin.set_user_password(user["id"], "{P05}")\n'),
    ('kc.go', f'err = client.SetPassword(ctx, token.AccessToken, users[0].ID, "demo", "{P05}", false)\n'),
])
def test_the_sixteenth_reviews_siblings(detector: GenericDetector, path: str, text: str) -> None:
    assert P05 in [value for _, value, _ in found(detector, text.encode(), path)]


@pytest.mark.parametrize(('path', 'text'), [
    ('app.config', '<add value="{0}" key="DbPassword" />\n'),
    ('app.config', f'<add value="{P05}" key="DisplayName" />\n'),  # no secret's name
    ('kc.py', 'keycloak_admin.set_user_password(get_user_id("alice"), password)\n'),
])
def test_no_finding_beside_the_sixteenth_reviews_siblings(detector: GenericDetector, path: str, text: str) -> None:
    assert found(detector, text.encode(), path) == []


@pytest.mark.parametrize(('text', 'path'), [
    (f"      BAIDU_CLOUD_SECRET_KEY :  '  {P05}   '\n", 'docker-compose.yml'),  # gpt-academic's layout (held-out 80)
    (f"      XFYUN_API_SECRET:         '  {P05}   '\n", 'docker-compose.yml'),
    (f'api_secret = "  {P05}"\n', 'settings.py'),
    (f'api_secret = "{P05}\t"\n', 'settings.py'),
    (f'ALIYUN_APPKEY = "  {P05}  "\n', 'use_audio.md'),  # appkey: one word, as appKey is two
])
def test_a_quoted_value_padded_with_blanks_is_read_without_them(detector: GenericDetector, text: str, path: str) -> None:
    """A value padded with blanks inside its quotes is the value without them, its span the value's."""
    rule = 'generic-api-key' if 'KEY' in text else 'generic-secret'
    assert found(detector, text.encode(), path) == [(rule, P05, text.index(P05))]


@pytest.mark.parametrize('text', [
    "      API_SECRET:  '      '\n",  # blanks only: empty
    "      API_SECRET:  '  true  '\n",
    '      API_SECRET = "  secret value here  "\n',  # words inside: still words
])
def test_a_padded_value_is_judged_as_the_value_inside(detector: GenericDetector, text: str) -> None:
    assert found(detector, text.encode(), 'docker-compose.yml') == []


@pytest.mark.parametrize(('path', 'text'), [
    ('s3.clj', f'(def secret-access-key "{P05}")\n'),  # garage's Jepsen tests (held-out 87)
    ('init.el', f'(setq openai-api-key "{P05}")\n'),
    ('config.edn', f'{{:db {{:user "app" :password "{P05}"}}}}\n'),  # Clojure's map
    ('init.el', f'(gptel-make-openai "x" :key "{P05}" :models \'(gpt-4))\n'),  # Emacs Lisp's plist
    # earmuffs, metadata, a namespaced keyword, the value below (eighteenth hostile review, break 02)
    ('keys.lisp', f'(defparameter *api-key* "{P05}")\n'),
    ('core.clj', f'(def ^:private secret-key "{P05}")\n'),
    ('config.edn', f'{{:db/password "{P05}"}}\n'),
    ('core.clj', f'(def secret-key\n  "{P05}")\n'),
])
def test_a_lisp_definition_or_keyword_and_its_value(detector: GenericDetector, path: str, text: str) -> None:
    assert [f[1:] for f in found(detector, text.encode(), path)] == [(P05, text.index(P05))]


@pytest.mark.parametrize(('path', 'text'), [
    ('s3.clj', f'(def access-key-id "{P05}")\n'),  # no secret's name
    ('config.edn', '{:db {:user "app" :password "changeme"}}\n'),  # a placeholder
    ('s3.clj', '(def secret-access-key (System/getenv "AWS_SECRET"))\n'),  # no literal
    ('s3.clj', f'(def password-hint "{P05}")\n'),  # something about a password
])
def test_no_lisp_definition_or_keyword_value(detector: GenericDetector, path: str, text: str) -> None:
    assert found(detector, text.encode(), path) == []


FERNET = 'grcO7n8aUDm-8H7CNH8GbtCPXcdRJEfjQEMAAmtuVFU='  # random, in a Fernet key's shape


@pytest.mark.parametrize('text', [
    f'type: database\nencryption_keys:\n  - {FERNET}\n',  # bioblend's vault configuration (held-out 86)
    f'encryption_keys:\n- {FERNET}\n',  # the items at the key's column
    f'api_keys:\n  - "{FERNET}"\n',
    f'vault:\n  encryption_keys:\n    # the newest first\n    - {FERNET}\n',
])
def test_a_list_of_secrets_under_a_key_naming_them(detector: GenericDetector, text: str) -> None:
    assert [f[1:] for f in found(detector, text.encode(), 'vault_conf.yml')] == [(FERNET, text.index(FERNET))]


@pytest.mark.parametrize('text', [
    'secrets:\n  - db_password\n  - api_token\n',  # a compose service's secrets: names
    f'tokens:\n  - name: ci\n    value_from: {FERNET}\n',  # a list of mappings: each entry judged on its own
    f'- encryption_keys:\n- {FERNET}\n',  # the next item of the outer list
    f'encryption_keys:\nother:\n  - {FERNET}\n',  # another key's list
    f'encryption_hosts:\n  - {FERNET}\n',  # no secret's name
])
def test_no_list_of_secrets(detector: GenericDetector, text: str) -> None:
    assert found(detector, text.encode(), 'vault_conf.yml') == []


@pytest.mark.parametrize(('path', 'text'), [
    ('garage.rs', f'static GARAGE_TEST_SECRET: &str =\n\t"{P05}";\n'),  # garage's test secret (held-out 87)
    ('a.rs', f"const API_TOKEN: &'static str =\n    \"{P05}\";\n"),  # a lifetime in the type
    ('a.ts', f'export const apiSecret: string =\n  "{P05}";\n'),
    ('settings.py', f'API_SECRET =\n    "{P05}"\n'),  # no type, as before
    # on one line: a lifetime in the type, a byte string (eighteenth hostile review, break 01)
    ('a.rs', f"pub const API_SECRET: &'static str = \"{P05}\";\n"),
    ('a.rs', f'const SIGNING_SECRET: &[u8] = b"{P05}";\n'),
])
def test_a_typed_name_then_its_value_on_the_next_line(detector: GenericDetector, path: str, text: str) -> None:
    assert [f[1:] for f in found(detector, text.encode(), path)] == [(P05, text.index(P05))]


@pytest.mark.parametrize(('path', 'text'), [
    ('a.rs', f'static SECRET_KIND: Kind =\n    Kind::Named;\nlet x = "{P05}";\n'),  # no string below
    ('a.ts', f'export const secretLabel: string =\n  "{P05}";\n'),  # something about a secret
])
def test_no_typed_name_and_value_on_the_next_line(detector: GenericDetector, path: str, text: str) -> None:
    assert found(detector, text.encode(), path) == []

"""The dotenv parser: syntax table, positions, problems, and never raising."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from leakstop.dotenv import Entry, Problem, parse, parse_bytes


def one(text: str) -> Entry:
    doc = parse(text)
    assert len(doc.entries) == 1, doc
    return doc.entries[0]


@pytest.mark.parametrize(('text', 'key', 'value'), [
    ('KEY=value', 'KEY', 'value'),
    ('KEY = value', 'KEY', 'value'),
    ('  KEY=value  ', 'KEY', 'value'),
    ('export KEY=value', 'KEY', 'value'),
    ('export\tKEY=value', 'KEY', 'value'),
    ('KEY=', 'KEY', ''),
    ('KEY=   ', 'KEY', ''),
    ('KEY', 'KEY', None),
    ('KEY # no value', 'KEY', None),
    ('KEY=value # comment', 'KEY', 'value'),
    ('KEY=value\t# comment', 'KEY', 'value'),
    ('KEY=val#ue', 'KEY', 'val#ue'),
    ('KEY=#value', 'KEY', '#value'),
    ('KEY= # only a comment', 'KEY', ''),
    ('KEY=two words', 'KEY', 'two words'),
    ("KEY='single # not a comment'", 'KEY', 'single # not a comment'),
    ("KEY='lit\\neral $x'", 'KEY', 'lit\\neral $x'),
    ('KEY="a\\nb"', 'KEY', 'a\nb'),
    ('KEY="say \\"hi\\""', 'KEY', 'say "hi"'),
    ('KEY="back\\\\slash"', 'KEY', 'back\\slash'),
    ('KEY="tab\\tand \\$dollar \\q"', 'KEY', 'tab\tand $dollar \\q'),
    ('KEY="quoted" # comment', 'KEY', 'quoted'),
    ("KEY=''", 'KEY', ''),
    ('KEY=""', 'KEY', ''),
    ('KEY=a"b', 'KEY', 'a"b'),
    ('dotted.key-name=1', 'dotted.key-name', '1'),
    ('_PRIVATE=1', '_PRIVATE', '1'),
    ('export=1', 'export', '1'),
    ('export', 'export', None),
    ('\ufeffKEY=bom', 'KEY', 'bom'),
])
def test_syntax(text: str, key: str, value: str | None) -> None:
    entry = one(text)
    assert (entry.key, entry.value) == (key, value)
    assert parse(text).problems == ()


def test_export_flag() -> None:
    assert one('export A=1').exported
    assert not one('A=1').exported


def test_comments_and_blank_lines_are_skipped() -> None:
    doc = parse('# header\n\n   \n  # indented comment\nA=1\n#B=2\n')
    assert [(e.key, e.value, e.line) for e in doc.entries] == [('A', '1', 5)]
    assert doc.problems == ()


def test_multiline_quoted_values() -> None:
    doc = parse('A="line one\nline two"\nB=\'x\ny\'\nC=3\n')
    a, b, c = doc.entries
    assert (a.value, a.line, a.end_line, a.quote) == ('line one\nline two', 1, 2, '"')
    assert (b.value, b.line, b.end_line, b.quote) == ('x\ny', 3, 4, "'")
    assert (c.key, c.line) == ('C', 5)


def test_crlf() -> None:
    doc = parse('A=1\r\nB="x\r\ny"\r\nC=\r\n')
    assert [(e.key, e.value, e.line) for e in doc.entries] == [('A', '1', 1), ('B', 'x\ny', 2), ('C', '', 4)]
    assert doc.problems == ()


def test_positions_are_one_based_characters() -> None:
    doc = parse('A=1\n  export KEY = "value"\nX="ä" Ö=x\nNAME=é\n')
    a, key, x, name = doc.entries
    assert doc.problems == (Problem(3, 7, 'unexpected text after the closing quote'),)
    assert (a.line, a.column) == (1, 3)
    assert (key.line, key.column) == (2, 17)  # first character inside the quotes
    assert (name.line, name.column) == (4, 6)
    bare = one('   BARE')
    assert bare.column == 4  # the key's column when there is no value


def test_malformed_lines_are_problems_not_exceptions() -> None:
    doc = parse('GOOD=1\nnot a line\n=nokey\n9KEY=1\nKEY: value\nK="x" junk\nLAST=2\n')
    assert [e.key for e in doc.entries] == ['GOOD', 'K', 'LAST']
    assert [p.line for p in doc.problems] == [2, 3, 4, 5, 6]
    assert doc.problems[0] == Problem(2, 5, "expected '=' after the variable name")
    assert doc.problems[1].message == 'expected a variable name'


def test_unterminated_quote_is_read_as_unquoted() -> None:
    doc = parse('A="never closed\nB=2\n')
    assert [(e.key, e.value) for e in doc.entries] == [('A', '"never closed'), ('B', '2')]
    assert len(doc.problems) == 1 and 'unterminated' in doc.problems[0].message


def test_parse_bytes_tolerates_invalid_utf8() -> None:
    doc = parse_bytes(b'\xef\xbb\xbfA=\xff\xfe\nB=2\n')
    assert [e.key for e in doc.entries] == ['A', 'B']
    assert doc.entries[0].value == '\ufffd\ufffd'


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=st.sampled_from(list('AB_=#"\'\\ \t\r\nexport$x.-é\x00')), max_size=80))
def test_never_raises_on_dotenv_shaped_text(text: str) -> None:
    doc = parse(text)
    lines = text.count('\n') + 1
    for e in doc.entries:
        assert 1 <= e.line <= e.end_line <= lines
        assert e.column >= 1
    for p in doc.problems:
        assert 1 <= p.line <= lines


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=200))
def test_never_raises_on_bytes(data: bytes) -> None:
    parse_bytes(data)


@pytest.mark.parametrize('line', [
    'ghp_PastedTokenHere0123456789 trailing words',
    'Xk9mQ2vLp7wRt4zAbCdEf: value',
    'K="x" Xk9mQ2vLp7wRt4zAbCdEf',
    'K="never closed Xk9mQ2vLp7wRt4zAbCdEf',
    '=Xk9mQ2vLp7wRt4zAbCdEf',
    '9Xk9mQ2vLp7wRt4zAbCdEf=1',
])
def test_problem_messages_hold_no_text_of_the_file(line: str) -> None:
    """A problem is printed as a warning: its message says what is wrong, never what the line holds."""
    doc = parse(line + '\n')
    assert doc.problems
    for problem in doc.problems:
        assert 'Xk9m' not in problem.message and 'ghp_' not in problem.message and 'trailing' not in problem.message

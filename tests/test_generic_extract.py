"""The extractors (leakstop.generic.extract): where a key and a value stand, seen in what the detector finds."""
from __future__ import annotations

import pytest

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

"""A Record is what typing.NamedTuple would build: a named tuple with defaults, methods and docstring."""
from __future__ import annotations

import pickle

import pytest

from leakstop.records import FindingFields, Record, RuleFields


class Pair(Record):
    """Two values."""

    left: int
    right: str = 'r'
    extra: tuple[int, ...] = ()

    @property
    def both(self) -> str:
        return f'{self.left}{self.right}'

    def swapped(self) -> tuple[str, int]:
        return (self.right, self.left)


def test_a_record_is_a_named_tuple_of_its_annotated_fields() -> None:
    p = Pair(1)
    assert p == (1, 'r', ()) and isinstance(p, tuple)
    assert Pair._fields == ('left', 'right', 'extra')
    assert Pair._field_defaults == {'right': 'r', 'extra': ()}
    assert repr(p) == "Pair(left=1, right='r', extra=())"
    assert p._replace(right='x') == Pair(1, 'x')
    assert Pair._make([2, 's', (3,)]).extra == (3,)
    with pytest.raises(AttributeError):
        p.left = 2  # type: ignore[misc]
    with pytest.raises(TypeError):
        Pair()  # type: ignore[call-arg]


def test_methods_docstring_and_names_come_from_the_class_body() -> None:
    p = Pair(1, 'b')
    assert p.both == '1b' and p.swapped() == ('b', 1)
    assert Pair.__doc__ == 'Two values.'
    assert Pair.__module__ == __name__ and Pair.__qualname__ == 'Pair'
    assert Pair.__mro__ == (Pair, tuple, object)
    assert pickle.loads(pickle.dumps(p)) == p  # results cross processes (scan --jobs) pickled


def test_a_field_without_default_after_one_with_a_default_is_refused() -> None:
    with pytest.raises(TypeError, match='Bad: a field without a default follows one with a default'):
        class Bad(Record):  # noqa: F841
            first: int = 0
            second: int


def test_the_leakstop_records_keep_their_fields_and_defaults() -> None:
    assert RuleFields._fields[:4] == ('id', 'description', 'pattern', 'secret_group')
    assert RuleFields._field_defaults['max_length'] == 512 and RuleFields._field_defaults['keywords'] == ()
    finding = FindingFields('a.py', 3, 5, 'rule', 'A rule', 'value')
    assert (finding.start, finding.end, finding.severity, finding.checksum, finding.explain) == (0, 0, 'high', False, ())

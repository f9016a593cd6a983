"""Extractors that look at less than their segment find what a search of the whole segment finds.

The fallback extractor (``key || "value"``, ``key ?? 'v'``, ``key or "v"``) tries each operator once,
from the start of the run of key characters before it, and skips an operator with no quoted value
after it: on a minified line full of ``||``, searching from every operator to the end of the line was
quadratic in the segment. ``_reference`` below is that search, kept here as the definition.
"""
from __future__ import annotations

import random
from typing import Iterator

import pytest

from leakstop.generic import extract
from leakstop.generic.extract import _FALLBACK_OPERATOR, _FALLBACK_OR, _last_name, _yield


def _reference(data: bytes, lo: int, hi: int) -> Iterator[extract.Candidate]:
    """The ``||``/``??``/``or`` part of ``fallback`` as it was: every match from 130 bytes before each
    operator to the end of its line."""
    done = lo
    for op in _FALLBACK_OPERATOR.finditer(data, lo, hi):
        if op.group() == b'or' and op.start() and (data[op.start() - 1:op.start()].isalnum() or data[op.start() - 1:op.start()] == b'_'):
            continue  # \bor\b
        start = max(done, op.start() - 130)
        end = data.find(b'\n', op.end(), hi)
        for m in _FALLBACK_OR.finditer(data, start, hi if end == -1 else end):
            done = m.end('key')
            yield from _yield(data, m, 'fallback', key=_last_name(m.group('key')))


def _fallback_or_only(data: bytes, lo: int, hi: int) -> list[tuple[str, str, int, int]]:
    # data without ${ and without 'default': fallback runs only its operator part
    return [(c.key, c.value, c.start, c.end) for c in extract.fallback(data, lo, hi)]


PIECES = [
    b'a||b', b'x.y||"text"', b'process.env.API_TOKEN||"Zq8vLm2Rt9Wx4Kp7"', b'e??"fallback value"',
    b"t.secret or 'Hq3Jk8Lm2Np5Rs9V'", b'color||"red"', b'floor or "x"', b'config["db_password"] || \'Vb7Nm3Qw9Er2Ty6U\'',
    b'f(a)||g', b'n||0', b'  ', b';', b',', b'(', b')', b'{', b'}', b'=', b'!a||!b', b'k  ||  "spaced"',
    b'token||r"raw9Ab3Cd5Ef7Gh"', b'$key ?? \'q\'', b'a.b.c||`tpl`', b'"quoted key"||"v"', b'or "lonely"',
    b'settings.password||b"Xy4Zw8Uv2Ts6Rq0P"', b'o||"', b'x||\\"esc4Ap9Bq2Cr7Ds\\"', b'k' * 125 + b'||"long key"',
]


@pytest.mark.parametrize('seed', range(40))
def test_fallback_operators_same_as_searching_the_whole_segment(seed: int) -> None:
    rng = random.Random(seed)
    data = b''.join(rng.choice(PIECES) for _ in range(rng.randint(5, 120)))
    lo = rng.randint(0, min(20, len(data)))
    hi = len(data) - rng.randint(0, min(20, len(data) - lo))
    expected = [(c.key, c.value, c.start, c.end) for c in _reference(data, lo, hi)]
    assert _fallback_or_only(data, lo, hi) == expected


def test_fallback_finds_the_key_before_each_operator_of_a_minified_line() -> None:
    data = b'var a=b||c,d=e??f;' * 50 + b'const t=process.env.API_TOKEN||"Zq8vLm2Rt9Wx4Kp7";' + b'g=h||i;' * 50
    found = _fallback_or_only(data, 0, len(data))
    assert [(k, v) for k, v, _, _ in found] == [('API_TOKEN', 'Zq8vLm2Rt9Wx4Kp7')]
    assert data[found[0][2]:found[0][3]] == b'Zq8vLm2Rt9Wx4Kp7'


def test_fallback_or_is_a_word_not_the_end_of_one() -> None:
    assert _fallback_or_only(b'x = color "Hq3Jk8Lm2Np5Rs9V"', 0, 29) == []
    assert [k for k, *_ in _fallback_or_only(b'x = t.secret or "Hq3Jk8Lm2Np5Rs9V"', 0, 34)] == ['secret']


def test_template_action_is_looked_for_from_the_segment_start() -> None:
    line = b'x' * 5000 + b' {{ $password := randAlphaNum 16 }} y'
    key = line.index(b'password')
    assert extract._in_template_action(line, key, 0)
    assert extract._in_template_action(line, key, 4000)
    assert not extract._in_template_action(line, key, key - 2)  # the {{ is before the segment
    assert not extract._in_template_action(b'a {{ b }} password', 12, 0)

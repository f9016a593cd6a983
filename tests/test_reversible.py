"""Cisco type 7 and Junos $9$: read back, and the password they hold judged, not the encoding."""
from __future__ import annotations

import pytest

from leakstop.generic import GenericDetector
from leakstop.generic.values import cisco_type7_password
from leakstop.reversible import _ALPHABET, _ENCODING, _EXTRA, _INDEX, _TYPE7_KEY, cisco_type7_plaintext, junos9_plaintext


@pytest.fixture(scope='module')
def detector() -> GenericDetector:
    return GenericDetector.load()


def type7(plain: str, offset: int) -> str:
    return '%02d' % offset + ''.join('%02X' % (ord(c) ^ _TYPE7_KEY[(offset + i) % len(_TYPE7_KEY)]) for i, c in enumerate(plain))


def junos9(plain: str, salt: str = 'Q') -> str:
    """Junos' encoding (the inverse of junos9_plaintext), with fixed filler letters after the salt."""
    out, previous = '$9$' + salt + 'x' * _EXTRA[salt], salt
    for position, ch in enumerate(plain):
        n, gaps = ord(ch), []
        for weight in reversed(_ENCODING[position % len(_ENCODING)]):
            gaps.insert(0, n // weight)
            n %= weight
        for gap in gaps:
            previous = _ALPHABET[(_INDEX[previous] + gap + 1) % len(_ALPHABET)]
            out += previous
    return out


def test_cisco_type7_reads_back_cisco_s_published_example() -> None:
    assert cisco_type7_plaintext('0822455D0A16') == 'cisco' and cisco_type7_plaintext('104D000A0618') == 'cisco'
    assert cisco_type7_plaintext(type7('Kq7vXm2pLz9w', 8)) == 'Kq7vXm2pLz9w'
    assert cisco_type7_plaintext('0822455D0A1') is None and cisco_type7_plaintext('9G22') is None
    assert cisco_type7_plaintext('08FFFFFF') is None  # not printable: no password


@pytest.mark.parametrize('salt', ['Q', 'B', '7', 'i'])
@pytest.mark.parametrize('plain', ['network', 'Kq7vXm2pLz9wR4', 'r8Tz#pW4nQv2', 'a'])
def test_junos9_reads_back_what_it_encodes(plain: str, salt: str) -> None:
    assert junos9_plaintext(junos9(plain, salt)) == plain


def test_junos9_refuses_what_is_not_one() -> None:
    assert junos9_plaintext('$9$') is None and junos9_plaintext('$9$Qxx') is None  # no byte after the salt's filler
    assert junos9_plaintext('$9$Qxxx3') is None  # a byte cut short
    assert junos9_plaintext('$1$abcdefgh$xyz') is None and junos9_plaintext('$9$ab cd') is None


@pytest.mark.parametrize(('plain', 'found'), [
    ('Kq7vXm2pLz9wR4', True), ('r8Tz#pW4nQv2', True),  # generated passwords: a secret, however encoded
    ('network', False), ('Ansible', False), ('asdfghd', False), ('pwd', False),  # words and keyboard runs (held-out 90)
])
def test_a_junos9_value_is_judged_by_its_password(detector: GenericDetector, plain: str, found: bool) -> None:
    for text in (f'authentication_key: "{junos9(plain)}"\n', f'  - password: {junos9(plain, "B")}\n'):
        assert bool(detector.scan(text.encode(), 'config/ospf.yml')) is found, text


@pytest.mark.parametrize(('plain', 'found'), [('Kq7vXm2pLz9w', True), ('r8Tz#pW4nQ', True), ('cisco', False), ('ntc', False)])
def test_a_cisco_type7_password_is_judged_by_its_password(plain: str, found: bool) -> None:
    assert cisco_type7_password(type7(plain, 8)) is found


@pytest.mark.parametrize(('value', 'found'), [
    (junos9('Kq7vXm2pLz9w'), True), (junos9('network'), False), (junos9('asdfghd', 'B'), False),
    ('$9$pW5C0IcrvL7Nbs4oZGjHkmfT39tuOB1EhSl', True),  # no valid encoding: reported as before it was read
])
def test_a_junos9_secret_of_the_rule_is_judged_by_its_password(value: str, found: bool) -> None:
    from leakstop.generic.values import junos9_password
    assert junos9_password(value) is found

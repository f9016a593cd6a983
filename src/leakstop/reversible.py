"""Passwords stored in a reversible encoding by network gear: Cisco IOS type 7 and Juniper Junos ``$9$``.

Either is a password written so that anyone can read it back (the algorithms are public), so the password it
holds is judged, not the encoding's random-looking text: ``$9$…`` of ``network`` or type 7 of ``cisco123`` is a
word in a lab's config, the encoding of a generated password is a secret.
"""
from __future__ import annotations

from leakstop.regex import LazyPattern

# Cisco's type 7: the first two digits pick where in this fixed key the XOR starts, each next byte in hex
_TYPE7_KEY = b'dsfd;kfoA,.iyewrkldJKDHSUBsgvca69834ncxv9873254k;fg87'
_TYPE7 = LazyPattern(r'[0-9]{2}(?:[0-9A-Fa-f]{2}){1,80}\Z')


def cisco_type7_plaintext(encoded: str) -> str | None:
    """The password a Cisco type 7 string holds (``0822455D0A16`` -> ``cisco``), or None: not one, or not
    printable ASCII."""
    if not _TYPE7.match(encoded):
        return None
    offset = int(encoded[:2])
    out = bytes(int(encoded[i:i + 2], 16) ^ _TYPE7_KEY[(offset + i // 2 - 1) % len(_TYPE7_KEY)]
                for i in range(2, len(encoded), 2))
    return out.decode('ascii') if all(32 <= b < 127 for b in out) else None


# Junos' $9$: a salt letter, as many random letters as the salt's family says, then each byte of the password as
# the gaps between successive letters of this alphabet, weighted by a cycle of encodings
_FAMILIES = ('QzF3n6/9CAtpu0O', 'B1IREhcSyrleKvMW8LXx', '7N-dVbwsY2g4oaJZGUDj', 'iHkq.mPf5T')
_EXTRA = {c: 3 - i for i, family in enumerate(_FAMILIES) for c in family}
_ALPHABET = ''.join(_FAMILIES)
_INDEX = {c: i for i, c in enumerate(_ALPHABET)}
_ENCODING = ((1, 4, 32), (1, 16, 32), (1, 8, 32), (1, 64), (1, 32), (1, 4, 16, 128), (1, 32, 64))
_JUNOS9 = LazyPattern(r'\$9\$([' + _ALPHABET.replace('-', r'\-').replace('.', r'\.') + r']{4,400})\Z')


def junos9_plaintext(encoded: str) -> str | None:
    """The password a Junos ``$9$`` string holds, or None: not one, a length the encoding cannot give, or not
    printable ASCII."""
    m = _JUNOS9.match(encoded)
    if m is None:
        return None
    chars = m.group(1)
    previous = chars[0]
    chars = chars[1 + _EXTRA[previous]:]
    out = bytearray()
    while chars:
        weights = _ENCODING[len(out) % len(_ENCODING)]
        if len(chars) < len(weights):
            return None
        total = 0
        for weight, c in zip(weights, chars):
            total += ((_INDEX[c] - _INDEX[previous]) % len(_ALPHABET) - 1) * weight
            previous = c
        chars = chars[len(weights):]
        out.append(total % 256)
    return out.decode('ascii') if out and all(32 <= b < 127 for b in out) else None

"""The records of generic detection (candidates, judgements, detections).

No ``from __future__ import annotations`` here, on purpose: ``typing.NamedTuple`` turns string
annotations into forward references and compiles each one, which cost 5 ms at every hook start.
The annotations below are evaluated as they are (typing generics, so Python 3.9 reads them too).
"""
from typing import Dict, FrozenSet, NamedTuple, Tuple


class Candidate(NamedTuple):
    key: str
    value: str
    start: int  # byte offsets of the value in the scanned data
    end: int
    syntax: str
    quoted: bool


class KeyJudgement(NamedTuple):
    kind: str  # password, secret, token, key; '' when the key names no secret
    strength: float  # 0..1
    words: Tuple[str, ...]
    reason: str


class Vocabulary(NamedTuple):
    kinds: Dict[str, str]  # secret word -> kind
    strengths: Dict[str, float]  # kind or special -> strength
    key_qualifiers: FrozenSet[str]  # words that make `key` a secret key (api key, private key)
    not_secret_qualifiers: FrozenSet[str]  # words that make the secret word a non-credential (csrf token)
    about: FrozenSet[str]  # words after the secret word that describe it (type, name, url)
    flag_prefixes: FrozenSet[str]  # first words that make the key a flag or limit (use, is, max)
    compound_suffixes: Tuple[str, ...]  # secret words found at the end of one-word keys (pgpassword)
    public_words: FrozenSet[str]  # any of these before the secret word: public by design (publicKeyToken)
    encrypted_parents: FrozenSet[str]  # a parent key with one of these words holds ciphertext (encryptedData)
    identifier_keys: FrozenSet[str] = frozenset()  # `key` after one of these is an identifier (projectKey)


class ValueJudgement(NamedTuple):
    randomness: float
    human_password: float
    reason: str  # why not a literal, or a short description of the shape
    uuid: bool = False
    length: int = 0
    classes: int = 0
    entropy: float = 0.0
    words: float = 0.0
    typed: bool = False  # letters along the keyboard rows: typed by hand (a password may be; a token is not)

    @property
    def literal(self) -> bool:
        return self.randomness > 0 or self.human_password > 0


class Detection(NamedTuple):
    start: int
    end: int
    secret: str
    rule_id: str
    description: str
    explain: Tuple[Tuple[str, str], ...]


class FileKind(NamedTuple):
    skip: bool  # lockfiles, translations, source maps
    code: bool
    prose: bool
    makefile: bool
    test_or_docs: bool


class Score(NamedTuple):
    value: float
    key: KeyJudgement
    judgement: ValueJudgement

"""The records of generic detection (candidates, judgements, detections): ``leakstop.records.Record``s."""
from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from typing import NamedTuple as Record  # as leakstop.records: mypy checks a Record as a NamedTuple
else:
    from leakstop.records import Record


class Candidate(Record):
    key: str
    value: str
    start: int  # byte offsets of the value in the scanned data
    end: int
    syntax: str
    quoted: bool


class KeyJudgement(Record):
    kind: str  # password, secret, token, key; '' when the key names no secret
    strength: float  # 0..1
    words: tuple[str, ...]
    reason: str


class Vocabulary(Record):
    kinds: dict[str, str]  # secret word -> kind
    strengths: dict[str, float]  # kind or special -> strength
    key_qualifiers: frozenset[str]  # words that make `key` a secret key (api key, private key)
    not_secret_qualifiers: frozenset[str]  # words that make the secret word a non-credential (csrf token)
    about: frozenset[str]  # words after the secret word that describe it (type, name, url)
    flag_prefixes: frozenset[str]  # first words that make the key a flag or limit (use, is, max)
    compound_suffixes: tuple[str, ...]  # secret words found at the end of one-word keys (pgpassword)
    public_words: frozenset[str]  # any of these before the secret word: public by design (publicKeyToken)
    encrypted_parents: frozenset[str]  # a parent key with one of these words holds ciphertext (encryptedData)
    identifier_keys: frozenset[str] = frozenset()  # `key` after one of these is an identifier (projectKey)
    # not_secret_qualifiers that name what a password or secret protects, not what it is (registry_password)
    protected_things: frozenset[str] = frozenset()
    # before a generated secret's word (not a password's): a digest of it, which no one reverses (hashed_secret)
    digest_words: frozenset[str] = frozenset()
    # any of these beside a public word: that vendor's private kind after all (POSTHOG_PERSONAL_API_KEY)
    not_public_words: frozenset[str] = frozenset()
    private_after_public_words: frozenset[str] = frozenset()
    secret_object_words: frozenset[str] = frozenset()
    # a flag prefix and the word after it that name how or where the secret is kept (clear text, store password)
    not_flags: frozenset[tuple[str, ...]] = frozenset()
    # any of these before a token's word (not a password's, a secret's or a key's): that token is public by design
    public_token_words: frozenset[str] = frozenset()


class ValueJudgement(Record):
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


class Detection(Record):
    start: int
    end: int
    secret: str
    rule_id: str
    description: str
    explain: tuple[tuple[str, str], ...]


class FileKind(Record):
    skip: bool  # lockfiles, translations, source maps
    code: bool
    prose: bool
    makefile: bool
    test_or_docs: bool
    properties: bool  # a Java .properties file: `key value` and `\` continued lines are its syntax


class Score(Record):
    value: float
    key: KeyJudgement
    judgement: ValueJudgement

"""The key judge: does a key name a secret, something about a secret, or neither?

A key is split into words the same way whatever its style: ``dbPassword``, ``DB_PASSWORD``,
``db-password``, ``db.password`` and ``PGPASSWORD`` all give ``db``/``pg`` + ``password``. The last
word that names a secret decides the kind; words after it that describe the secret
(``token_type``, ``password_hint``, ``secret_name``, ``token_url``), a first word that makes it a
flag or a limit (``use_token``, ``max_tokens``, ``is_secret``) and qualifiers that make it a
non-credential (``csrf_token``, ``next_token``, ``primary_key``, ``public_key``) say it is not a
secret. The vocabulary is data: ``leakstop/data/generic.toml``, ``[keys]``.
"""
from __future__ import annotations

import os
import re
from typing import Any

from leakstop.generic.records import KeyJudgement, Vocabulary
from leakstop.generic.values import Words
from leakstop.regex import LazyPattern

DATA_FILE = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), 'data', 'generic.toml')

_ACCESSOR_VERBS = frozenset(('set', 'with', 'get', 'put', 'add', 'use'))
_WORD = LazyPattern(r'[A-Z]+(?=[A-Z][a-z])|[A-Z]?[a-z]+|[A-Z]+|\d+')


def vocabulary_from_doc(doc: dict[str, Any]) -> Vocabulary:
    keys = doc['keys']
    kinds = {word: kind for kind, words in keys['secret_words'].items() for word in words}
    return Vocabulary(
        kinds=kinds,
        strengths={k: float(v) for k, v in keys['strength'].items()},
        key_qualifiers=frozenset(keys['key_qualifiers']),
        not_secret_qualifiers=frozenset(keys['not_secret_qualifiers']),
        about=frozenset(keys['about']),
        flag_prefixes=frozenset(keys['flag_prefixes']),
        compound_suffixes=tuple(sorted(keys['compound_suffixes'], key=len, reverse=True)),
        public_words=frozenset(keys['public_words']),
        encrypted_parents=frozenset(keys['encrypted_parents']),
        identifier_keys=frozenset(keys.get('identifier_keys', ())),
        protected_things=frozenset(keys.get('protected_things', ())),
        digest_words=frozenset(keys.get('digest_words', ())),
        not_public_words=frozenset(keys.get('not_public_words', ())),
        private_after_public_words=frozenset(keys.get('private_after_public_words', ())),
        secret_object_words=frozenset(keys.get('secret_object_words', ())),
        not_flags=frozenset(tuple(phrase.split(' ', 1)) for phrase in keys.get('not_flags', ())),
        public_token_words=frozenset(keys.get('public_token_words', ())),
    )


def split_words(key: str, vocabulary: Vocabulary) -> tuple[str, ...]:
    """Lowercase words of ``key``; a one-word key ending in a secret word is split there (``pgpassword``)."""
    words: list[str] = []
    for raw in re.split(r'[^A-Za-z0-9]+', key):
        for word in _WORD.findall(raw):
            word = word.lower()
            if word not in vocabulary.kinds and word != 'key' and not word.isdigit():
                for suffix in vocabulary.compound_suffixes:
                    if word.endswith(suffix) and len(word) > len(suffix) and word not in Words.get():  # bypass
                        head = word[:-len(suffix)]
                        words.extend(split_words(head, vocabulary))
                        word = suffix
                        break
            words.append(word)
    return tuple(words)


_SHIPPED: list[Vocabulary] = []  # loaded once per process


def shipped_vocabulary() -> Vocabulary:
    """The key judge's vocabulary of ``data/generic.toml`` (through the cache), for those that judge a
    key without the generic detector at hand (a rule set without it, the ``.envrc`` check)."""
    if not _SHIPPED:
        from leakstop.cache import cache_dir, cached_toml
        _SHIPPED.append(vocabulary_from_doc(cached_toml(DATA_FILE, directory=cache_dir())))
    return _SHIPPED[0]


def secret_stems(vocabulary: Vocabulary) -> tuple[str, ...]:
    """The shortest of the vocabulary's secret words (its kinds, its compound suffixes, ``key``): a name holding one of
    them may name a secret (``db_pass``, ``PGPASSWORD``, ``signingKey``); a word holding another is left out
    (``password`` holds ``pass``). What makes a line of escaped or doubled quotes worth decoding, anywhere on it
    (``engine.CredentialNames``): a hand list of member names there missed ``\\"db_pass\\":`` and
    ``\\"passphrase\\":`` (fourteenth hostile review, break 01), and member names alone missed XML attributes and
    ``-u \\"user:v\\"`` in strings (fifteenth, break 01)."""
    words = {*vocabulary.kinds, *vocabulary.compound_suffixes, 'key'}
    return tuple(sorted(w for w in words if not any(o != w and o in w for o in words)))


# A key that is a file's path (a directory, then a name with an extension): it names a file, whatever the file is
# called (PHP-CS-Fixer's cache maps `src/Repositories/ApiTokenRepository.php` to a digest; held-out 92)
_SOURCE_EXTENSIONS = frozenset((
    'php', 'py', 'js', 'mjs', 'cjs', 'ts', 'tsx', 'jsx', 'java', 'kt', 'go', 'rb', 'cs', 'c', 'h', 'cc', 'cpp', 'hpp', 'rs',
    'swift', 'm', 'scala', 'vue', 'svelte', 'dart', 'lua', 'pl', 'pm', 'ex', 'exs', 'erl', 'clj', 'groovy', 'twig', 'blade',
    'css', 'scss', 'less', 'html', 'htm',
))
_FILE_PATH_KEY = LazyPattern(r'(?:[\w.@~-]+[/\\])+[\w.@~-]*\.[A-Za-z][A-Za-z0-9]{0,5}\Z')


_HASH_WORDS = frozenset(('hash', 'digest'))
_SECRET_ID_OWNERS = frozenset(('vault', 'approle', 'role'))
# the words between a public token word and the token's (STOREFRONT_API_TOKEN, storefrontAccessToken): no other word
# (STOREFRONT_DEPLOY_TOKEN, storefrontAuthToken are the store's credentials; twenty-eighth review, 04)
_ACCESS_WORDS = frozenset(('access', 'api', 'public'))
_CREDENTIAL_WORDS = frozenset(('credentials', 'credential', 'creds', 'cred'))


def judge_key(key: str, vocabulary: Vocabulary) -> KeyJudgement:
    words = split_words(key, vocabulary)
    if ('/' in key or '\\' in key) and _FILE_PATH_KEY.match(key):
        name = key.replace('\\', '/').rsplit('/', 1)[1]
        stem, _, ext = name.rpartition('.')
        if ext.lower() in _SOURCE_EXTENSIONS or not stem:
            return KeyJudgement('', 0.0, words, 'a file path')  # a class's file (ApiTokenRepository.php)
        # a data file's name says what it holds (secrets/db_password.txt, .env, .data: the name without its extension,
        # which may be a word that describes: twenty-eighth review, 01), or its extension does (config/github.token,
        # secrets/api.key; twenty-sixth review, 04, and twenty-seventh, 01)
        judged = judge_key(stem, vocabulary)
        return judged if judged.kind else judge_key(name, vocabulary)
    strengths = vocabulary.strengths
    for i in range(len(words) - 1, -1, -1):
        word = words[i]
        kind = vocabulary.kinds.get(word)
        if kind is None and word != 'key':
            continue
        before = words[i - 1] if i else ''
        tail = words[i + 1:]
        about = next((t for t in tail if t in vocabulary.about), None)
        if word == 'secret' and tail == ('id',) and (i == 0 or words[i - 1] in _SECRET_ID_OWNERS):
            # Vault AppRole's secret_id, the credential beside the role_id (twenty-eighth review, 03); a UUID only
            # (generic.score): the name an AWS SecretId or a GCP secret_id holds is no secret (twenty-ninth, 01)
            return KeyJudgement('secret', strengths['secret'], words, 'secret id')
        if (about in _HASH_WORDS and len(tail) == 1 and (kind == 'password' or word in _CREDENTIAL_WORDS)
                and not (words[0] in vocabulary.flag_prefixes and i > 0)):  # (getPasswordHash: a getter)
            # a password's hash (password_hash, KASA_CREDENTIALS_HASH): cracked back to the password a person chose,
            # as the hash rules' findings are (held-out 95); the value judge refuses an algorithm's name or a call
            return KeyJudgement(kind or 'secret', strengths.get(word, strengths[kind or 'secret']), words, f'{word} hash')
        if about is not None:
            return KeyJudgement('', 0.0, words, f'names something about a secret ({about})')
        if (words[0] in vocabulary.flag_prefixes and i > 0 and ' ' not in key  # a phrase (Use this key:) is no flag
                and words[:2] not in vocabulary.not_flags):
            return KeyJudgement('', 0.0, words, f'a flag or limit ({words[0]})')
        if word == 'secret' and before in vocabulary.secret_object_words:
            return KeyJudgement('', 0.0, words, f'names a secret object ({before} {word})')
        if before in vocabulary.digest_words and kind != 'password':
            return KeyJudgement('', 0.0, words, f'a digest of a generated secret ({before} {word})')
        kept = i >= 2 and words[i - 2:i] in vocabulary.not_flags  # (clear text password: how it is kept)
        if before in vocabulary.not_secret_qualifiers and not kept and not (
                kind in ('password', 'secret') and before in vocabulary.protected_things):
            return KeyJudgement('', 0.0, words, f'not a credential ({before} {word})')
        public = next((j for j, w in enumerate(words[:i]) if w in vocabulary.public_words
                       or kind == 'token' and w in vocabulary.public_token_words
                       and _ACCESS_WORDS.issuperset(words[j + 1:i])), None)  # (storefront_access_token; 28th, 04)
        # (and a word of a private key's after the public one: APP_PUBLIC_POOL_WEB_MASTER_KEY, a public-pool app's
        # master key, held-out 103; a master's public key, MASTER_PUBLIC_KEY, is public)
        if public is not None and not vocabulary.not_public_words.intersection(words[:i]) and not (
                vocabulary.private_after_public_words.intersection(words[public + 1:i])):
            return KeyJudgement('', 0.0, words, f'public by design ({words[public]})')
        if kind is None:  # key: which key?
            if not before or before in _ACCESSOR_VERBS and i == 1:  # key; setKey, withKey, Get key: the bare key
                return KeyJudgement('key', strengths['bare_key'], words, 'key')
            if before in vocabulary.identifier_keys:
                return KeyJudgement('', 0.0, words, f'an identifier ({before} key)')
            if before == 'encrypted' or 'encrypted' in words[:i] and before not in vocabulary.key_qualifiers:
                # (wrapped: a not_secret_qualifier, judged above) JWE's encrypted_key; an end-to-end folder's
                # encryptedMetadataKey (held-out 87); not Kibana's xpack.encryptedSavedObjects.encryptionKey, a key
                return KeyJudgement('', 0.0, words, f'ciphertext of a key (encrypted {"" if before == "encrypted" else "… "}key)')
            if before in vocabulary.key_qualifiers or before in vocabulary.kinds:
                return KeyJudgement('key', strengths['qualified_key'], words, f'{before} key')
            return KeyJudgement('key', strengths['other_key'], words, f'{before} key')
        return KeyJudgement(kind, strengths.get(word, strengths[kind]), words, word)
    return KeyJudgement('', 0.0, words, 'no secret word')

"""Generic detection: secrets with no vendor prefix, recognised by judging a key and a value.

::

    bytes ─► Hyperscan anchors ─► extractors (one per syntax family) ─► candidates (key, value, span, syntax)
                                                                          │
                       key judge (words of the key; vocabulary in data/generic.toml) ┤
                       value judge (shape, entropy, dictionary words, references)     ┤
                                                                          ▼
                                     strength(key) × value score ≥ threshold ─► finding

Hyperscan finds the lines where a family's anchor occurs (one pass over the bytes, with the rules'
pass); Python looks only at those line segments. The rule ids are ``generic-password``,
``generic-secret``, ``generic-token`` and ``generic-api-key`` (by the kind of key); a vendor rule's
finding on the same bytes wins. ``leakstop scan --explain`` prints every feature and the score.
"""
from __future__ import annotations

import collections
import functools
import importlib
import os
from typing import Any, Callable, Iterator, Sequence

from leakstop.cache import cache_dir, cached, cached_toml
from leakstop.digest import sha256
from leakstop.generic.extract import ANCHORS, EXTRACTORS, in_query, named, parent_keys
from leakstop.generic.keys import DATA_FILE, judge_key, split_words, vocabulary_from_doc
from leakstop.generic.records import Candidate, Detection, FileKind, KeyJudgement, Score, ValueJudgement, Vocabulary
from leakstop.generic.values import (
    FINGERPRINT, LEETSPEAK_WORDS, Words, built_from_words, judge_passphrase, judge_value, leet_readings, words_in,
)
from leakstop.regex import LazyPattern

PROPERTIES_ONLY = frozenset(('properties',))  # families whose syntax is a .properties file's only (`key value`)
CODE_SKIPS = frozenset(('assign_bare', 'children'))  # families that find only unquoted values (expressions, in code),
# and the entries of a mapping (in code, a table of test cases: "with-bad-hmac-key": { raw: … })
SEGMENT = 512  # bytes either side of an anchor that an extractor sees (long lines, minified files)
# Families whose extractor reads only its line (no look past the line's end or before its start):
# their candidates are a function of the line's bytes (``GenericDetector._extract``).
SELF_CONTAINED = frozenset((
    'assign', 'assign_yaml', 'assign_bare', 'docker', 'flag', 'fallback', 'pair', 'call', 'spaced', 'query', 'markup', 'setenv'))
LINES_REMEMBERED = 4096
FAMILIES = tuple(ANCHORS)

# kind of key -> (rule id, description)
RULES: dict[str, tuple[str, str]] = {
    'password': ('generic-password', 'Hard-coded password'),
    'secret': ('generic-secret', 'Hard-coded secret or credential'),
    'token': ('generic-token', 'Hard-coded token'),
    'key': ('generic-api-key', 'Hard-coded API or secret key'),
}
RULE_IDS = frozenset(rule_id for rule_id, _ in RULES.values())

# Unquoted right-hand sides in these files are expressions (``token = get_token()``), not values.
CODE_EXTENSIONS = frozenset((
    '.py', '.pyi', '.pyx', '.js', '.jsx', '.mjs', '.cjs', '.ts', '.tsx', '.mts', '.cts', '.go', '.java', '.kt',
    '.kts', '.scala', '.groovy', '.gradle', '.rb', '.rbs', '.rbi', '.php', '.c', '.h', '.cc', '.cpp', '.cxx', '.hpp', '.hh',
    '.cs', '.fs', '.vb', '.swift', '.m', '.mm', '.rs', '.dart', '.lua', '.pl', '.pm', '.r', '.jl', '.ex',
    '.exs', '.erl', '.clj', '.cljs', '.vue', '.svelte', '.coffee', '.hs', '.ml', '.nim', '.zig', '.sol',
    '.ipynb', '.razor', '.cshtml', '.jsp', '.erb', '.ejs', '.hbs', '.twig', '.j2', '.jinja', '.jinja2',
    '.tpl', '.mustache', '.html', '.htm', '.css', '.scss', '.less', '.sql', '.tf', '.hcl', '.ps1', '.psm1', '.psd1',
))
# Prose: ``key - value`` notes count here only.
PROSE_EXTENSIONS = frozenset(('.md', '.markdown', '.rst', '.txt', '.text', '.adoc', '.asciidoc', '.org', '.log', ''))
# Translations (values are UI text in every language) and source maps (copies of code): not scanned.
LOCALE_DIRS = frozenset(('locale', 'locales', 'i18n', 'l10n', 'translations', 'lang', 'langs', 'po'))
UNSCANNED_EXTENSIONS = frozenset(('.map', '.po', '.pot', '.ftl', '.xliff', '.xlf', '.strings', '.resx', '.isl'))  # .isl: Inno Setup's
# Test and documentation directories: where passwords a person typed are fixtures and examples.
TEST_DIRS = frozenset((
    'test', 'tests', 'spec', 'specs', '__tests__', 'testdata', 'test-data', 'fixtures', 'testing', 'e2e', 't', 'xt',
    'unittests', 'unittest', '__snapshots__', '__snapshot__',  # helm-unittest's unittests/__snapshot__ (held-out 42)
))
# A directory named with one of these words among others (testHelpers, integration-tests, test_utils).
TEST_DIR_WORDS = frozenset(('test', 'tests', 'testing', 'spec', 'specs', 'fixture', 'fixtures', 'mock', 'mocks'))
_DIR_WORD = LazyPattern(r'[A-Z]?[a-z]+|[A-Z]+(?![a-z])|\d+')
DOC_DIRS = frozenset(('docs', 'doc', 'documentation', 'examples', 'example', 'samples', 'sample'))
# Documentation wherever it is: markup (a README.md, a chart's README.md.gotmpl): its short typed passwords are
# examples, weighed as in docs/ (held-out 41 and 42: README examples' P@ssw0rd-style values). Not .txt: a runbook.
DOC_EXTENSIONS = frozenset(('.md', '.markdown', '.rst', '.adoc', '.asciidoc'))
DOC_TEMPLATES = ('.md.gotmpl', '.md.tmpl', '.md.j2', '.rst.j2')
# A directory or a file named as an example among other words (examples_old/, config.example.yml,
# .netmiko.yml_example, settings.sample.py): what it holds is an example.
EXAMPLE_WORDS = frozenset(('examples', 'example', 'samples', 'sample'))
_NAME_WORD = LazyPattern(r'[a-z0-9]+')
# CI configuration: the services a CI job starts for the tests take throwaway passwords, judged as tests' are
# (Kubernetes projects keep their development scripts and manifests in hack/).
CI_DIRS = frozenset(('.circleci', 'ci', '.ci', '.buildkite', '.woodpecker', '.devcontainer', 'hack'))
CI_FILES = frozenset((
    '.gitlab-ci.yml', '.travis.yml', '.drone.yml', 'azure-pipelines.yml', 'bitbucket-pipelines.yml', 'appveyor.yml',
    '.appveyor.yml', '.cirrus.yml', 'jenkinsfile', 'cloudbuild.yaml', 'cloudbuild.yml', 'buildspec.yml',
))
# Generated files full of hashes and integrity strings.
LOCKFILES = frozenset((
    'package-lock.json', 'npm-shrinkwrap.json', 'yarn.lock', 'pnpm-lock.yaml', 'poetry.lock', 'pipfile.lock',
    'cargo.lock', 'go.sum', 'composer.lock', 'gemfile.lock', 'podfile.lock', 'pubspec.lock', 'mix.lock',
    'packages.lock.json', 'flake.lock', 'uv.lock', 'pdm.lock', 'bun.lockb', 'gradle.lockfile',
))


# A tool's cache of what it checked, committed by mistake: each file's path and the digest of its contents
# (PHP-CS-Fixer's .php-cs-fixer.cache, held-out 92: the paths of files named …Token… read as keys, 4 false alarms).
TOOL_CACHES = frozenset((
    '.php-cs-fixer.cache', '.php_cs.cache', '.phpunit.result.cache', '.eslintcache', '.stylelintcache', '.prettiercache',
    '.phpcs-cache', '.rubocop_cache',
))


# A Dockerfile by its name (Dockerfile, Dockerfile.dev, api.Dockerfile, Containerfile): the image-literal policy is its
_DOCKERFILE = LazyPattern(r'(?i)(?:^|/)(?:[^/]*\.)?(?:docker|container)file(?:\.[^/]*)?\Z')
# Reasons of the value judge that still leave a literal: in a Dockerfile ENV/ARG line they count.
IMAGE_LITERALS = frozenset((
    'identifier made of words', 'test or credential word', 'capitalized word', 'configuration word',
    'contains the word password', 'constant name', 'words in leetspeak', 'a prefix and words',
))


@functools.lru_cache(maxsize=4096)  # a tree repeats its directory names
def _test_words_in(directory: str) -> bool:
    """Whether a directory's name holds a test word among others (testHelpers, integration-tests)."""
    return not TEST_DIR_WORDS.isdisjoint(w.lower() for w in _DIR_WORD.findall(directory))


# A message bundle by its name, one per language wherever it lies: Java's ResourceBundle and its followers
# (messages_de.properties, messages_pt_BR.yml, Messages_fr.json, strings_es.xml, lang_nl.ini), and Android's
# res/values-de/strings.xml: UI text in every language (held-out 93: a Minecraft plugin's messages/messages_br.yml and
# eleven others, the word for "Password" in each, 24 false alarms; held-out 88: 4). The language is an ISO 639-1 code
# (or a country code written for one: cz, jp, cn…), a region or a script after a separator (pt_BR, zh-Hant), or one
# of the compact Chinese forms; not any two letters and what follows (messages_prod, strings_keys, lang_auth: words,
# not languages; twenty-sixth hostile review, 02). Codes that are words in file names (io, os, ts, to, an, as, be,
# or, so…) are left out.
_LANGUAGES = (
    'aa|af|ak|am|ar|av|ay|az|ba|bg|bh|bi|bm|bn|bo|br|bs|ca|ce|ch|co|cr|cs|cu|cv|cy|da|de|dv|dz|ee|el|en|eo|es|et|eu|fa|ff|fi|fj'
    '|fo|fr|fy|ga|gd|gl|gn|gu|gv|ha|he|hi|ho|hr|ht|hu|hy|hz|id|ig|ik|is|it|iu|ja|jv|ka|kg|ki|kj|kk|kl|km|kn|ko|kr|ks|ku|kv|kw'
    '|ky|la|lb|lg|li|ln|lo|lt|lu|lv|mg|mh|mi|mk|ml|mn|mr|ms|mt|my|na|nb|nd|ne|ng|nl|nn|no|nr|nv|ny|oc|oj|om|pa|pl|ps|pt|qu'
    '|rm|rn|ro|ru|rw|sa|sc|sd|se|sg|si|sk|sl|sm|sn|sq|sr|ss|st|su|sv|sw|ta|te|tg|th|ti|tk|tl|tn|tr|tt|tw|ty|ug|uk|ur|uz|ve'
    '|vi|vo|wa|wo|xh|yi|yo|za|zh|zu|cz|jp|cn|ua|dk|gr|vn|zhcn|zhtw|zhhk|zhmc|ptbr')
_MESSAGE_BUNDLE = LazyPattern(
    r'(?:^|/)(?:(?:messages?|strings?|translations?|lang|language|i18n|locale|localization|localisation)'
    # (`_` before the language, as ResourceBundle writes it; `-` for the JSON and script bundles of web front ends
    # only: Spring's {application}-{profile}.yml names a "messages" service's settings for its `it` profile
    # messages-it.yml; thirty-first hostile review, 01)
    r'(?:_(?:' + _LANGUAGES + r')(?:[_-](?:[a-z]{2}|hans|hant|latn|cyrl|arab))?'
    r'\.(?:properties|ya?ml|json|xml|ini|toml|txt|conf|cfg|js|ts|php)'
    r'|-(?:' + _LANGUAGES + r')(?:-(?:[a-z]{2}|hans|hant|latn|cyrl|arab))?\.(?:json|js|ts|xml))'
    r'|values-(?:' + _LANGUAGES + r')(?:-r[a-z]{2})?/strings\.xml'
    # (a file named by its language alone in a `languages` folder: Grav's languages/br.yaml; held-out 96)
    r'|languages?/(?:' + _LANGUAGES + r')(?:[_-](?:[a-z]{2}|hans|hant|latn|cyrl|arab))?\.(?:ya?ml|json|ini|toml|php|js|ts|xml|properties))\Z')


@functools.lru_cache(maxsize=4096)  # a history scan asks for every version of a file
def unjudged(path: str) -> bool:
    """Whether the generic detector leaves the file alone: a lockfile, a translation, a source map (asked
    for every file a scan reads, before any candidate: string operations only)."""
    low = path.replace('\\', '/').lower()
    cut = low.rfind('/')
    name = low[cut + 1:]
    dot = name.rfind('.')
    return (name in LOCKFILES or name in TOOL_CACHES or dot > 0 and name[dot:] in UNSCANNED_EXTENSIONS
            or cut >= 0 and not LOCALE_DIRS.isdisjoint(low[:cut].split('/'))
            or ('_' in name or '-' in name or name == 'strings.xml' or 'language' in low)
            and _MESSAGE_BUNDLE.search(low) is not None)


@functools.lru_cache(maxsize=4096)  # asked per scan of a file: a history scan asks again for every version
def file_kind(path: str) -> FileKind:
    cased = path.replace('\\', '/').split('/')
    parts = [p.lower() for p in cased]
    name = parts[-1]
    dirs = set(parts[:-1])
    stem, ext = os.path.splitext(name)
    # (code in a file named test or spec alone: mocha's and a driver's test.js, held-out 77; not a test environment's
    # settings, test.env, config/test.yml, test.tfvars, spec.yaml: fifteenth hostile review, break 04)
    test = (bool(dirs & TEST_DIRS) or stem in ('test', 'spec') and ext in CODE_EXTENSIONS or stem.startswith('test_')
            or stem.endswith(('_test', '_spec', '.test', '.spec', 'tests'))
            or any(_test_words_in(d) for d in cased[:-1]))
    ci = bool(dirs & CI_DIRS) or name in CI_FILES or '/.github/workflows/' in '/' + '/'.join(parts)
    docs = (bool(dirs & DOC_DIRS) or not EXAMPLE_WORDS.isdisjoint(_NAME_WORD.findall(name))
            or any(not EXAMPLE_WORDS.isdisjoint(_NAME_WORD.findall(d)) for d in dirs)
            or ext in DOC_EXTENSIONS or name.endswith(DOC_TEMPLATES))
    return FileKind(
        skip=unjudged(path),
        code=ext in CODE_EXTENSIONS,
        prose=ext in PROSE_EXTENSIONS and not stem.startswith('.'),
        makefile=name in ('makefile', 'gnumakefile') or ext == '.mk',
        test_or_docs=test or docs or ci,
        properties=ext == '.properties',
    )


def unquoted_value(value: str) -> str:
    """An unquoted value without the punctuation that ends its sentence or expression (``v.``, ``v;``,
    ``v)``); an ellipsis stays (``whsec_...``: an elided value, which the value judge refuses)."""
    if value.endswith('..'):
        return value
    return value.rstrip('.,;:)')


GENERATED = 0.75  # the value judge's randomness from which a value counts as generated material
SHORT_VALUE = 16  # under this many characters, a value in a test or a document is scaled by [score] short_random_in_tests_and_docs
_OBJECT_OPENER = LazyPattern(rb'''["']?([A-Za-z_][\w.-]{0,80})["']?[ \t]*[:=][ \t]*\{''')  # "license_key": {
_ACCOUNT_ADDRESS = LazyPattern(r'0x[0-9A-Fa-f]{40}\Z')


_HEX = LazyPattern(r'[0-9a-fA-F]+\Z')
_KEY_MATERIAL = LazyPattern(r'[A-Za-z0-9+/=_-]+\Z')  # one token of base64 or base64url, no name (aws-cdk:cr-owned:…)
_RUN_OF_FOUR = LazyPattern(r'([A-Za-z0-9])\1{3}')  # AAAA-BBBB-…: typed (random characters repeat so once in 10,000)


def _base64_of_json(value: str) -> bool:
    """Whether ``value`` is the base64 of a JSON array or object (``["e89f…",`` then anything: a storage key of
    ids, mailgun-go's tests; held-out 65): random bytes start so once in 65,536."""
    from leakstop.validators import b64decode_loose  # (validators imports the value judge)
    head = b64decode_loose(value[:8])
    return head is not None and head.startswith((b'["', b'{"'))


def _generated_key(value: str) -> bool:
    """Whether a value under a bare ``key`` in code is generated key material: 20 characters or more, random by
    the value judge, one token of key characters with few words and no run of four in it, not hex (a digest, a
    cache key, a byte dump) nor a UUID (an id) nor the base64 of text or JSON. Set on the held-out sets after
    held-out 64-67's measurement: 7 secrets found (wallhaven's default API key in gallery-dl, Pusher's encryption
    master key, Boundary's default KMS keys), 7 false alarms (RC4 constants of a site's obfuscation, a U2F key
    handle, a stored message's key)."""
    value = value.strip()
    judged = judge_value(value)
    return (judged.randomness >= 0.9 and judged.length >= 20 and not judged.uuid
            and _HEX.match(value.replace('-', '').replace(':', '')) is None  # (also bytes as 45-43-53-31-…: a dump)
            and _KEY_MATERIAL.match(value) is not None and judged.words <= 0.3 and _RUN_OF_FOUR.search(value) is None
            and not judged.reason.startswith('base64 of text') and not _base64_of_json(value))


def score(
        candidate: Candidate, vocabulary: Vocabulary, *, human_factor: float = 1.0,
        keys: dict[str, KeyJudgement] | None = None, code: bool = False,
        services: Callable[[], frozenset[str]] | None = None, short_factor: float = 1.0, words_factor: float = 1.0,
) -> Score:
    """strength(key) × value score; the value score depends on the kind of key (see data/generic.toml).

    ``human_factor`` scales the human-password score (tests and documentation), ``words_factor`` that of a
    short password built from words (``built_from_words``) anywhere; ``short_factor`` the
    randomness of a value under ``SHORT_VALUE`` characters under a name that is not a password's (tests and
    documentation too); ``keys`` memoizes the key judge.
    """
    key = keys.get(candidate.key) if keys is not None else None
    if key is None:
        key = judge_key(candidate.key, vocabulary)
        if keys is not None and len(keys) < 100_000:
            keys[candidate.key] = key
    if candidate.syntax == 'call' and key.kind and key.words and key.words[-1] != key.reason.split(' ')[-1]:
        key = KeyJudgement('', 0.0, key.words, 'a call whose name does not end in the secret word')
    if key.reason == 'key' and (code or candidate.syntax == 'call') and not (
            candidate.syntax == 'assign' and candidate.quoted and _generated_key(candidate.value)):
        # a bare `key` in code is a dict key, a cache key or an OAuth consumer key (setKey): no verdict, unless
        # the value assigned is long generated material that is no digest (key = "25HY…", 32 characters: an API key)
        key = KeyJudgement('', 0.0, key.words, 'a bare key in code')
    image = candidate.syntax == 'docker'
    if image and not key.kind and key.reason.endswith('(id)'):  # DRM_API_KEY_ID: half of a key pair
        key = KeyJudgement('key', 1.0, key.words, 'key id built into an image')
    if not key.kind:
        return Score(0.0, key, ValueJudgement(0.0, 0.0, 'not judged'))
    value = candidate.value.strip()
    if not candidate.quoted:
        value = unquoted_value(value)
    judgement = judge_value(value)
    if judgement.reason == FINGERPRINT and key.kind == 'password':
        # under a password's name, 40 upper-case hex digits are its digest as lower-case ones are: MySQL's native
        # password hash written without its `*` (canal.admin.passwd = 4ACF…, held-out 102), cracked back to the password
        judgement = judge_value(value.lower())
    if judgement.reason == 'contains spaces' and candidate.quoted and 'passphrase' in key.words:
        judgement = judge_passphrase(value)  # the one key whose value may be words with spaces
    if image and judgement.reason in IMAGE_LITERALS:
        # "Never build credentials into images": any literal counts there, words included
        judgement = judgement._replace(randomness=0.7, human_password=0.7)
    if judgement.typed and key.kind != 'password':
        # letters along the keyboard rows (sldafh309sdf): typed to look random, an example; a person types
        # a password, a token or a key is generated
        judgement = judgement._replace(randomness=0.0)
    if short_factor != 1.0 and key.kind != 'password' and not image and not judgement.uuid and judgement.length < SHORT_VALUE:
        # a token, key or secret of under 16 characters in a test or a document: an image host's id in expected
        # results, a typed example in a configuration guide (token: 8576…, 15 characters); generated keys are longer
        judgement = judgement._replace(randomness=round(judgement.randomness * short_factor, 3))
    if key.kind in ('password', 'secret') or image:
        # a long passphrase is real even in a test; a long one of words (something-r@nd0m!) is typed as a short one
        typed = judgement.length < 16 or judgement.words >= LEETSPEAK_WORDS
        factor = human_factor if typed else 1.0
        if not image and built_from_words(value, judgement):
            # a short password built from words (SuperP4ssw0rd!, VMware1!, patroni1): a default or a stand-in wherever
            # it is; a long passphrase of words (correcthorsebatterystaple) is no stand-in
            factor = min(factor, words_factor)
        value_score = max(judgement.randomness, round(judgement.human_password * factor, 3))
    elif (key.kind == 'token' and judgement.uuid and key.reason == 'token' and not set(key.words) & vocabulary.key_qualifiers
          and not (services is not None and services().intersection(key.words[:-1]))):
        # a bare token that is a UUID: request ids and correlation tokens (api_token counts, and so does a
        # service's: herokuToken, SNYK_TOKEN, hubspot_token, whose API keys are UUIDs; and a client token: AWS's
        # ClientToken is an idempotency token the caller makes up, but Vault's client_token is its login token, a
        # UUID in older versions: held-out 18's and 8's, lost when held-out 48's 17 were made ids)
        value_score = 0.0
    else:
        value_score = judgement.randomness
    if key.reason == 'secret id' and not judgement.uuid:
        # Vault AppRole's secret_id is a UUID; AWS's SecretId and GCP's secret_id name a secret, whatever they look like
        # (prod/app/db-credentials-Xy7Ab2, myapp-prod-Q8mZ3p, rds!db-<uuid>: twenty-ninth review, 01)
        value_score = 0.0
    if candidate.syntax in ('array', 'children') and (judgement.randomness < GENERATED or judgement.uuid or key.reason == 'key'):
        # an array's string or a mapping's entry under a name of secrets: generated material only (lists of
        # words, common passwords, names, settings are no finding), no UUID (ids: auth: {tenant: …}), and not
        # under a bare key (keys: [...] of an issue labeler, an OpenStreetMap wiki's key: {circumference: …})
        value_score = 0.0
    if key.words[-1] in ('credential', 'credentials', 'cred', 'creds') and (
            _CREDENTIAL_NAME.match(value) is not None and _reads_as_key_name(value)  # (not k9xqt7vl-p2mwz4rb8hcn: 19th review, 03)
            or judgement.uuid and candidate.syntax == 'call'):  # Jenkins' credentials('<uuid>'): a stored credential's id
        # one credential, named: datalad's provider configs, credential = hcp-db / datalad-test-s3 (held-out 86); a
        # stored credential's name, lowercase words joined (its secret is elsewhere)
        value_score = 0.0
    if _ACCOUNT_ADDRESS.match(value) is not None and (key.kind == 'token' or not (value.islower() or value[2:].isupper())):
        # 0x and 40 hex: an Ethereum-style account or contract address, public on chain: under a token's name
        # (REFERENCE_TOKEN, link_token: an ERC-20 token's contract; held-out 45, 27 false alarms), or in mixed
        # case under any name (EIP-55's checksum spelling, which only addresses use). A secret of that shape
        # (hCaptcha's 0x secret keys, written in one case) still counts under a secret's or a key's name.
        value_score = 0.0
    return Score(round(key.strength * value_score, 3), key, judgement)


_CREDENTIAL_NAME = LazyPattern(r'[a-z][a-z0-9]*(?:[-_.][a-z0-9]+)+\Z')
# (a name holding a secret's word is another password's, not a user's: DB_PASSWORD=X beside DATABASE_PASSWORD=X or
# DB_PASSWORD_CONFIRM=X lost both; nineteenth hostile review, break 04; the name's rest read at most 40 characters: a
# word of 24 KB of `dbdb…` was read from each `db` to its end, 12 s; twentieth, break 01)
USER_AROUND = 512  # bytes either side read for the user's name (a minified line of 20,000 passwords: 6 s at 4 KB)
_USER_VALUE = LazyPattern(
    rb'''(?i)(?:user|username|login|db|database|dbname|name)(?!\w{0,40}?(?:pass|pwd|secret|token|key|cred|auth))\w{0,40}'''
    rb'''(?:["\']?[ \t]*[:=]|["\'][ \t]*,)[ \t]*["\']?([^\s"\',;&]{1,128})'''
)


AROUND = 1024  # bytes: the most read either side of a candidate for the lines around it (4096 took 13 s for a
# 469 KB line of short passwords, each finding's user-name search reading 8 KB; twenty-fourth review, 06)
# A check that KEEPS a finding on what it sees reads as far as before that bound (a shorter read would lose the finding:
# twenty-fifth review, 04); each runs only for a UUID under its key, never per password.
KEEPING_AROUND = 4096


def _lines_around(data: bytes, start: int, end: int, lines: int, around: int = AROUND) -> tuple[int, int]:
    """The span of the lines holding ``data[start:end]`` and of ``lines`` lines either side, at most ``around`` bytes
    either side (a minified line of many candidates was read whole for each: time quadratic in the line, 7 s for
    60 KB of `cmp.Or(f("password"), "` once those values were no code; twenty-first hostile review's fix 03)."""
    lo = data.rfind(b'\n', max(0, start - around), start) + 1  # the start of its line, then of each line above
    hi = data.find(b'\n', end, end + around)
    hi = min(len(data), end + around) if hi == -1 else hi  # the end of its line, then of each line below
    floor, ceiling = max(0, start - around), min(len(data), end + around)
    if lo == 0 and floor:
        lo = floor
    for _ in range(lines):
        if lo > floor:
            lo = data.rfind(b'\n', floor, lo - 1) + 1 or floor
        if hi < ceiling:
            nxt = data.find(b'\n', hi + 1, ceiling)
            hi = ceiling if nxt == -1 else nxt
    return lo, hi


def _same_as_user(data: bytes, c: Candidate, lines: int = 6) -> bool:
    """The password equals the user or database name next to it (within ``lines`` lines either side), as
    written, read as leetspeak (``kestra`` / ``k3str4``, or the name and a few letters: ``moodle`` /
    ``m@0dl3ing``) or typed twice (``lemmylemmy``), or is a name on its own
    line with a digit added (``CREATE USER app_tests ... 'app_tests'``)."""
    lo, hi = _lines_around(data, c.start, c.end, lines, USER_AROUND)
    value = c.value.strip().strip('\'"')
    stem = _stem(value)
    readings = {r.lower() for r in leet_readings(value)}  # k3str4 beside POSTGRES_USER: kestra
    for m in _USER_VALUE.finditer(data, lo, hi):
        name = m.group(1).decode('utf-8', 'replace')
        lower = name.lower()
        if m.start(1) != c.start and (lower in {value.lower(), *readings} or value.lower() == 2 * lower
                                      or len(stem) >= 4 and _stem(name) == stem
                                      or len(lower) >= 5 and any(r.startswith(lower) and len(r) - len(lower) <= 3
                                                                 for r in readings)):
            return True  # (lemmylemmy beside user lemmy: the name typed twice; m@0dl3ing beside moodle)
    return names_itself(data, c.start, c.end, value) or _names_its_image(data, value)


_PATH_SPLIT = LazyPattern(r'[^a-z]+')
_TRAILING_MARKS = LazyPattern(r'[^A-Za-z]+\Z')


def _names_its_path(path: str, value: str) -> bool:
    """The password is the name of the product a directory or the file's name names, give or take trailing digits
    and marks, or read from leetspeak: ``Skopeo@1`` in ``task/skopeo-copy/0.1/samples/`` (held-out 52), ``d1r3ctu5``
    under ``.directus/`` (held-out 53). A demo's default, not a secret anyone made; names of five letters or more."""
    words = {w for w in _PATH_SPLIT.split(path.lower()) if len(w) >= 5}
    if not words:
        return False
    stem = _TRAILING_MARKS.sub('', value.strip('\'"')).lower()
    readings = {stem, *(r.lower() for r in leet_readings(value.strip('\'"')))}
    return any(len(r) >= 5 and r.isalpha() and r in words for r in readings)


_IMAGE = LazyPattern(rb'''(?m)^[ \t]*(?:- )?["']?image["']?[ \t]*:[ \t]*["']?([^\s"'#]{1,200})''')
_IMAGE_WORDS = LazyPattern(r'[/:@._-]+')


def _names_its_image(data: bytes, value: str) -> bool:
    """The password is a word of a container image the same file runs (``MYSQL_ROOT_PASSWORD=debezium`` beside
    ``image: quay.io/debezium/example-mysql``, ``POSTGRES_PASSWORD=postgres`` beside ``image: postgres:16``): the
    product's or the service's name, a demo default of a compose file or manifest (held-out 49: 27 lines of one
    project's examples), not a secret anyone made."""
    stem = _stem(value).lower()
    if len(stem) < 4 or not stem.isalpha():
        return False
    return stem in _per_file(data, 'image words', lambda: frozenset(  # (once a file: twenty-third and -fourth reviews)
        w for m in _IMAGE.finditer(data) for w in _IMAGE_WORDS.split(m.group(1).decode('utf-8', 'replace').lower())
    ) if b'image' in data else frozenset())


# Answers that hold for a whole file, computed once for the file GenericDetector.scan is reading (each finding had
# searched the whole file again: 28 s for 276 KB of passwords beside one image line; twenty-third review, 03)
_PER_FILE: dict[str, Any] = {}
_PER_FILE_DATA: list[bytes] = []


def forget_file() -> None:
    """Drop what ``_per_file`` keeps of the file read last (and the file)."""
    _PER_FILE_DATA.clear()
    _PER_FILE.clear()


def _per_file(data: bytes, name: str, compute: Callable[[], Any]) -> Any:
    if not _PER_FILE_DATA or _PER_FILE_DATA[0] is not data:
        _PER_FILE_DATA[:] = [data]
        _PER_FILE.clear()
    if name not in _PER_FILE:
        _PER_FILE[name] = compute()
    return _PER_FILE[name]


_LETTER_RUN = LazyPattern(rb'[A-Za-z]{5,40}')
_PIECES = LazyPattern(r'[a-z]+|[^a-z]+')
_NUMBER_AT_END = LazyPattern(r'\d+\Z')
OWN_NAMES_LOOKUPS = 64  # distinct passwords of one file weighed against its names (past these, none is)


def built_from_its_names(data: bytes, path: str, value: str) -> bool:
    """The password is a name its own file or path uses that is no dictionary word (a product's, an app's: five
    letters or more written elsewhere in the file, four in the path) joined with other such names or dictionary words,
    digits and marks, as written or read from leetspeak: umbrel's ``umbrelplane`` in ``plane/docker-compose.yml``,
    which names ``umbrel`` elsewhere, ``umbrelwordpressroot``, ``umbrel-pocketbase``, monetr's ``m0netrPass123``
    beside ``MONETR_PG_PASSWORD`` (held-out 103: an app store's defaults, 9 false alarms). A demo default, not a
    secret anyone made: a random password holds no name of five letters its file uses by chance and is no words
    besides. Names in the password's own copies do not count."""
    text = value.strip('\'"')
    if not 8 <= len(text) <= 64 or not text.isascii():
        return False
    lookups = _per_file(data, 'own names lookups', dict)
    copies = lookups.get(text)
    if copies is None:
        if len(lookups) >= OWN_NAMES_LOOKUPS:
            return False  # (a file dense with passwords: each would count its copies through the file)
        copies = lookups[text] = data.count(text.encode())
    counts = _per_file(data, 'letter runs', lambda: collections.Counter(
        m.group().lower().decode('ascii') for m in _LETTER_RUN.finditer(data)))
    words = Words.get()
    in_path = {w for w in _PATH_SPLIT.split(path.lower()) if len(w) >= 4}

    own = collections.Counter(m.group().lower().decode('ascii') for m in _LETTER_RUN.finditer(text.encode()))  # (its copies')

    def name(piece: str) -> bool:  # (of four letters in the path: sling-cli's tests/pipelines/adbc/…, AdbcPipeline123!)
        return piece not in words and (piece in in_path or len(piece) >= 5 and counts.get(piece, 0) > copies * own[piece])

    core = text.rstrip('!?.*#')  # (a leetspeak reading leaves a number at the end a number: m0netrPass123)
    number = _NUMBER_AT_END.search(core)
    for reading in (text, *leet_readings(text), *(leet_readings(core[:number.start()]) if number is not None else ())):
        low = reading.lower()
        named = pieces = 0
        for run in _PIECES.findall(low):
            if not run.isalpha():
                continue  # digits and marks
            cover = _cover(run, name, words)
            if cover is None:
                break
            named, pieces = named + cover[0], pieces + cover[1]
        else:
            if named and pieces >= 2:
                return True
    return False


def _cover(run: str, name: Callable[[str], bool], words: frozenset[str]) -> tuple[int, int] | None:
    """``run`` (lowercase letters) end to end as names (four letters or more that ``name`` takes) and dictionary words
    (three or more): (names, pieces) of the cover with the most names, or None."""
    best: list[tuple[int, int] | None] = [(0, 0)] + [None] * len(run)
    for i in range(3, len(run) + 1):
        for j in range(max(0, i - 40), i - 2):
            before = best[j]
            if before is None:
                continue
            piece = run[j:i]
            if i - j >= 4 and name(piece):
                option = (before[0] + 1, before[1] + 1)
            elif piece in words:
                option = (before[0], before[1] + 1)
            else:
                continue
            if best[i] is None or option > best[i]:  # type: ignore[operator]
                best[i] = option
    return best[-1]


_NAME = LazyPattern(rb'[A-Za-z][A-Za-z0-9_.-]{2,127}')
_NAME_WORDS = LazyPattern(r'[_.-]+')  # the words of a name on the line (MARIADB_ROOT_PASSWORD, mariadb-galera)


_PASSWORD_SUFFIX = LazyPattern(r'[-_.]?(?:pass|password|passwd|pwd|pw|secret)\Z|(?<=\d)p\Z')  # user1p: user1's


def _stem(text: str) -> str:
    """``postgres1`` -> ``postgres``, ``post\\gres\\:`` -> ``postgres``, ``changeuser2pass`` -> ``changeuser``:
    a name without escapes, trailing digits and a trailing password word."""
    stem = text.replace('\\', '').lower().rstrip('!?*#').rstrip('0123456789:')  # MariaDB11! -> mariadb
    return _PASSWORD_SUFFIX.sub('', stem).rstrip('0123456789:-_.') or stem  # (Admin@123 keeps its @: chosen)


def names_itself(data: bytes, start: int, end: int, secret: str) -> bool:
    """Whether the password ``data[start:end]`` is a name that its own line also uses elsewhere, or a word
    of one, give or take trailing digits and marks: the user, role, database or service it belongs to
    (``localhost:5432:orders:orders:orders1``, ``CREATE USER app_tests PASSWORD 'app_tests'``, a connection
    string whose password is its user id, ``MARIADB_ROOT_PASSWORD=MariaDB11!``).
    A development default, not a secret: a random password does not repeat a name of its line."""
    stem = _stem(secret)
    if len(stem) < 4 or not stem.replace('_', '').replace('-', '').replace('.', '').isalnum():
        return False
    line_start, line_end = _lines_around(data, start, end, 0)  # (at most AROUND either side: twenty-third review, 01)
    needle, itself = stem.encode(), secret.encode()
    for lo, hi in ((line_start, start), (end, line_end)):
        if needle not in data[lo:hi].lower():
            continue  # (no name there can be the stem's: each one holds it)
        for m in _NAME.finditer(data, lo, hi):
            name = m.group().decode('ascii')  # _NAME matches ASCII only
            if data.startswith(itself, m.start()) and _a_copy(data, max(lo, m.start() - 64), m.start(), secret):
                # (the whole password there, its closing ! # ? * too, which no name holds: twenty-fourth review, 03)
                continue  # the password again, under another secret's key: password_confirmation: "…" (23rd, 04)
            if _stem(name) == stem or stem in _NAME_WORDS.split(name.lower()):
                return True  # orders1 beside orders; MariaDB11! beside MARIADB_ROOT_PASSWORD
    return False


def _a_copy(data: bytes, lo: int, at: int, secret: str) -> bool:
    """Whether the password written again at ``at`` is its own copy, not a name it repeats: under another secret's key
    (``password_confirmation: "X"``, ``DB_PASSWORD=X REPLICA_PASSWORD=X``), or, when the password reads as no words,
    under any key but a user's or a database's (``-storepass X -keypass X``, ``"confirm": "X"``, ``--masterauth X``;
    twenty-fifth review, 01: 81-85% of random passwords so written were lost). ``CREATE USER app_tests PASSWORD
    'app_tests'`` and ``orders:orders:orders`` still name themselves (words), as ``User Id=Xk9q…;Password=Xk9q…`` does
    (the user's key)."""
    if _SECRET_KEY_BEFORE.search(data, lo, at):
        return True
    from leakstop.generic.values import word_share
    return not _NAME_KEY_BEFORE.search(data, lo, at) and word_share(secret) < 0.5


# a key naming a secret, its operator and quote, just before a value: the password's own copy on its line is no name
# (User.create!(password: "X", password_confirmation: "X"), DB_PASSWORD=X REPLICA_PASSWORD=X)
_SECRET_KEY_BEFORE = LazyPattern(rb'(?i)(?:pass|pwd|pw|psk|secret|token|key|cred|auth)\w{0,40}["\']?[ \t]*(?:=>|[:=])[ \t]*["\']?\Z')
# a key naming a user, a role, a database or a name, its operator (a blank too: CREATE USER x) and quote, just before
_NAME_KEY_BEFORE = LazyPattern(
    rb'(?i)(?:user|usr|login|uid|role|owner|db|database|schema|name|account|tenant)(?:[ \t]?\w){0,40}["\']?[ \t]*(?:=>|[:=]|[ \t])[ \t]*["\']?\Z')


_SEGMENTS = LazyPattern(r'[-_.:]+')


def mirrors_its_key(key: str, value: str) -> bool:
    """The value spells its key with the last word swapped (``"ext0-req-key", "ext0-req-val"``; digits aside:
    ``ext1-resp-key`` / ``ext2-resp-val``): a label a test made up, not a secret (held-out 56, 18 false
    alarms). The value's last word is a short run of letters; a random part (``db_Xk9#mq2``) is no label."""
    keys, values = _SEGMENTS.split(key.lower()), _SEGMENTS.split(value.strip('\'"').lower())
    if len(values) < 2 or len(values) != len(keys) or not (values[-1].isalpha() and len(values[-1]) <= 6):
        return False
    def stems(words: list[str]) -> list[str]:
        return [w.rstrip('0123456789') for w in words[:-1]]
    return stems(keys) == stems(values) and sum(map(len, keys[:-1])) >= 3


_VALUE_WORD = LazyPattern(r'[A-Z]{2,}(?=[A-Z][a-z]|[^A-Za-z]|\Z)|[A-Z]?[a-z]+|[A-Z]+|\d+')
_VERSION_AT_END = LazyPattern(r'[_.:-]?v?\d{1,3}\Z')


def names_its_key(words: Sequence[str], value: str) -> bool:
    """The value is its own key's name, or a run of two words or more of it, written as an identifier (a version
    after it aside): ``kOPTosURIKey = @"op_tos_uri"``, ``WELCOME_PAGE_NUM_IOS_MIGRATION_KEY =
    "welcome_page_num_ios_migration_v2"``: a dictionary key's constant, not a secret (held-out 101: AppAuth, pixez). A
    random value spells no run of its key's words."""
    text = value.strip('\'"')
    if not text or len(text) > 120 or not all(ch.isalnum() or ch in '_.:-' for ch in text):
        return False
    parts = [w.lower() for w in _VALUE_WORD.findall(_VERSION_AT_END.sub('', text))]
    if len(parts) < 2 or not all(p.isalpha() for p in parts):
        return False
    n = len(parts)
    return any(list(words[i:i + n]) == parts for i in range(len(words) - n + 1))


def spells_its_key(words: Sequence[str], value: str) -> bool:
    """The value opens with its own key's name, two words or more, then a separator: ``AccessToken:
    "AccessToken.<keyboard mash>"``, ``IDToken: "IDToken.…"``: a test's stand-in labelled with the field it fills
    (held-out 71's oauth2-proxy, 21 false alarms). A vendor's prefix (Notion's ``secret_…``, ``apikey_…``) goes on
    with ``_`` or ``-``: kept."""
    text = value.strip('\'"').lower()
    return any(_opens_with(text, words[i:]) for i in range(len(words) - 1))  # (session.AccessToken: its last words)


def _opens_with(text: str, words: Sequence[str]) -> bool:
    at = 0
    for i, word in enumerate(words):
        if i and at < len(text) and text[at] in '_.-':
            at += 1
        if not text.startswith(word, at):
            return False
        at += len(word)
    return at < len(text) and text[at] in '.:/'  # (not _ or -: a vendor's prefix, apikey_…, goes on with those)


# a GPG key's id or fingerprint (8, 16 or 40 hex digits, as gpg prints them) under git's `signingkey` or a GPG key's
# name: which key signs, no secret (`[user] signingkey = 18F3…` in a .gitconfig; held-out 59)
_GPG_KEY_ID = LazyPattern(r'(?:0x)?(?:[0-9A-F]{8}|[0-9A-F]{16}|[0-9A-F]{40})\Z')


def _gpg_key_id(c: Candidate, key: KeyJudgement) -> bool:
    words = set(key.words)
    return ('signingkey' in words or 'signing' in words or 'gpg' in words or 'pgp' in words) and bool(
        _GPG_KEY_ID.match(c.value.strip('\'"')))


_MAPPING_KEY = LazyPattern(rb'''([ \t]*(?:#[ \t]*)?(?:- )?)["']?([\w.-]{1,80})["']?[ \t]*:(?:[ \t]|\r?$)''')
_SECRET_DATA_KEY = LazyPattern(r'[-._a-zA-Z0-9]{1,253}\Z')  # what Kubernetes allows as a key of a Secret's data
_KEY_SECTION = LazyPattern(r'[-_.]')
# tls, crt, p12, s3, v1, K8S: one case, letters then a number (not k9x, aB7: random groups; twentieth review, break 02)
_SHORT_PIECE = LazyPattern(r'(?:[a-z]{1,3}\d{0,3}|[A-Z]{1,3}\d{0,3}|[Kk]8[Ss]|[Ii]18[Nn])\Z')
_TRAILING_NUMBER = LazyPattern(r'\d{1,3}\Z')
_NAME_HUMP = LazyPattern(r'[A-Z]{2,}(?=[A-Z][a-z]|\Z)|[A-Z]?[a-z]+|[A-Z]+')


def _reads_as_key_name(value: str) -> bool:
    """Whether ``value`` reads as the name of a key in a Secret, as a person writes one: pieces joined by - _ . or camel
    humps, each a short token (tls, p12, K8S) or letters with a number at most at their end, one of four letters or more
    a dictionary word (jenkins-jks-file, tls.crt, adminPasswordKey, AWS_SECRET_ACCESS_KEY, ACME-K8S-DIR); one piece alone
    mostly words (password); short pieces alone, two of them in one case (tls.crt, hcp-db: two lowercase groups of three
    read as a name by design). Random characters are none (eighteenth to twentieth hostile reviews: a random secret_key
    beside a secret:, random groups under credential:; of 2,000 random values of 12, 16 and 24 characters, at most 9
    mixed-case, 2 alphanumeric and 2 lowercase ones read as names, none of lowercase+digits, upper-case+digits or base32,
    none of four random groups of three)."""
    if sum(ch.isdigit() for ch in value) > 4 or not _SECRET_DATA_KEY.match(value) or len(value) > 63:
        return False
    words = Words.get()
    humps: list[str | None] = []
    for piece in _KEY_SECTION.split(value):
        if not piece:
            continue
        if _SHORT_PIECE.match(piece):
            humps.append(None)
            continue
        body = _TRAILING_NUMBER.sub('', piece)
        if not body.isalpha():
            return False  # digits inside a long piece: random
        humps.extend(h.lower() for h in _NAME_HUMP.findall(body))
    long_ = [h for h in humps if h is not None and len(h) >= 4]
    if not long_:
        return len(humps) <= 2 and None in humps  # tls.crt, hcp-db (not four random groups, nor short camel humps)
    if len(humps) == 1:
        return words_in(long_[0], words)[0] >= 0.8 * len(long_[0])
    return len(humps) <= 8 and any(h in words for h in long_)


def _mapping_keys(data: bytes, start: int, lines: int = 8) -> list[str]:
    """The other keys of the YAML mapping holding the value at ``start`` (up to ``lines`` lines either
    side, commented-out examples included: ``#   secretName: x`` beside ``#   secretKey: y``)."""
    line_start = data.rfind(b'\n', 0, start) + 1
    here = _MAPPING_KEY.match(data, line_start)
    if here is None:
        return []
    column = len(here.group(1))  # a commented key's '#' counts as a space
    out: list[str] = []
    for step in (-1, 1):
        pos = line_start
        for _ in range(lines):
            if step < 0:
                if pos == 0:
                    break
                pos = data.rfind(b'\n', 0, pos - 1) + 1
            else:
                nxt = data.find(b'\n', pos)
                if nxt == -1:
                    break
                pos = nxt + 1
            end = data.find(b'\n', pos)
            line = data[pos:len(data) if end == -1 else end]
            if not line.strip(b' \t#\r'):
                continue
            m = _MAPPING_KEY.match(line)
            indent = len(line) - len(line.replace(b'#', b' ', 1).lstrip(b' \t'))
            if m is not None and len(m.group(1)) == column:
                out.append(m.group(2).decode('ascii'))  # [\w.-] of a bytes pattern: ASCII
            elif indent < column and not line.replace(b'#', b' ', 1).lstrip(b' \t').startswith(b'- '):
                break  # the mapping ended
    return out


# a Matrix key id (algorithm:id) naming the object the value's key is in: a server's or a device's published key
_PUBLIC_KEY_ID = LazyPattern(rb'(?:ed25519|curve25519):[\w+/-]{1,64}["\']?[ \t]*[:=][ \t]*\{')


def _under_public_key_id(data: bytes, c: Candidate) -> bool:
    """``"ed25519:a_xxeS": {key: "…"}``: a key in an object a Matrix key id names (within the two lines above), an
    Ed25519 or Curve25519 public key a homeserver or a device publishes (held-out 100: mautrix-go's federation tests,
    7 false alarms). A private one is a seed, and is named so."""
    lo = c.start
    for _ in range(3):
        lo = data.rfind(b'\n', 0, max(0, lo - 1)) + 1
        if lo == 0:
            break
    return _PUBLIC_KEY_ID.search(data, lo, c.start) is not None


def _names_a_secret_key(data: bytes, c: Candidate, key: KeyJudgement, vocabulary: Vocabulary) -> bool:
    """The value is the name of a key in a Kubernetes Secret, not its content: ``key:`` under a
    ``secretKeyRef:`` or a volume's ``items:``, or ``…SecretKey:`` beside ``…SecretName:`` or ``…Secret:``
    (a chart's ``secret: <name>`` / ``secretKey: <key>``, ``existingSecret`` / ``existingSecretKey``)."""
    if c.syntax not in ('yaml', 'assign') or not _SECRET_DATA_KEY.match(c.value.strip()):
        return False
    if key.words == ('key',):
        parents = [set(split_words(p, vocabulary)) for p in parent_keys(data, c.start, lines=4)]
        if parents and {'secret', 'ref'} <= parents[0]:
            return True  # secretKeyRef: / secretRef:
        if len(parents) > 1 and parents[0] == {'items'} and ('secret' in parents[1] or {'config', 'map'} <= parents[1]):
            return True  # a volume's secret: (or configMap:) items: - key: x, path: y
    if key.words[-2:] == ('secret', 'key') and _reads_as_key_name(c.value.strip()):
        # beside the Secret's name: secretName:, secret:, existingSecret:; the value a key's name as a person writes one
        # (jenkins-jks-file, tls.crt, adminPasswordKey, AWS_SECRET_ACCESS_KEY), not random characters (a Django
        # settings mapping's secret_key beside its secret; eighteenth hostile review, break 04)
        # (a `…Secret:` names the Secret only as the key's own stem, existingSecret: beside existingSecretKey:; gpt-academic's
        # BAIDU_CLOUD_SECRET_KEY beside XFYUN_API_SECRET is two services' secrets, held-out 80)
        return any(words[-2:] == ('secret', 'name') or words == key.words[:-1]
                   for words in (split_words(k, vocabulary) for k in _mapping_keys(data, c.start)))
    return False


def _search_only_key(data: bytes, c: Candidate, key: KeyJudgement, vocabulary: Vocabulary) -> bool:
    """``apiKey`` beside ``appId`` and ``indexName`` (or ``indexName`` alone under ``algolia:``, as
    DocSearch v2 took it): the configuration of a search widget (Algolia DocSearch in VitePress,
    Docusaurus, InstantSearch), whose key is the search-only key every visitor's browser receives:
    public by design. An admin key is named so (``adminApiKey``) and still counts."""
    if key.words != ('api', 'key'):
        return False
    in_docsearch = b'docsearch(' in data[max(0, c.start - 400):c.start]  # the call that takes it: docsearch({…})
    inline = _inline_object(data, c.start)  # minified or one-line: {appId:"…",apiKey:"…",indexName:"…"}
    if inline and _INDEX_NAME.search(inline) and (_APP_ID.search(inline) or in_docsearch):
        return True  # (held-out 75: vendored Bootstrap docs' docsearch({apiKey:…}), Yarn's npm-search key; 5)
    siblings = {split_words(k, vocabulary) for k in _mapping_keys(data, c.start)}
    if ('index', 'name') not in siblings:
        return False
    if ('app', 'id') in siblings or in_docsearch:
        return True
    parent = _enclosing_key(data, c.start)  # DocSearch v2 (Docusaurus 1): algolia: {apiKey, indexName}
    return parent is not None and not _SEARCH_PARENTS.isdisjoint(split_words(parent, vocabulary))


_SEARCH_PARENTS = frozenset(('algolia', 'docsearch', 'search'))
_INDEX_NAME = LazyPattern(rb'''(?i)(?<![\w$])["']?index_?name["']?[ \t]*:''')
_APP_ID = LazyPattern(rb'''(?i)(?<![\w$])["']?app(?:lication)?_?id["']?[ \t]*:''')


def _inline_object(data: bytes, start: int, reach: int = 400) -> bytes:
    """The object literal around ``start`` on its line, up to its first inner ``}`` (b'' if none within ``reach``)."""
    line_start = data.rfind(b'\n', max(0, start - reach), start) + 1
    opening = data.rfind(b'{', max(line_start, start - reach), start)
    if opening < 0:
        return b''
    line_end = data.find(b'\n', start, start + reach)
    closing = data.find(b'}', start, line_end if line_end >= 0 else start + reach)
    return data[opening:closing] if closing >= 0 else b''
_OPENING_KEY = LazyPattern(rb'''[ \t]*(?:- )?["\']?([\w.-]{1,80})["\']?[ \t]*[:=][ \t]*\{?[ \t]*\r?\Z''')


def _enclosing_key(data: bytes, start: int, lines: int = 8) -> str | None:
    """The key of the nearest line above, less indented than the line at ``start``, that opens a mapping
    (YAML ``name:``, JavaScript ``name: {``, TOML-ish ``name = {``); None if that line opens none."""
    line_start = data.rfind(b'\n', 0, start) + 1
    line = data[line_start:start]
    indent = len(line) - len(line.lstrip(b' \t'))
    pos = line_start - 1
    for _ in range(lines):
        if pos <= 0 or indent == 0:
            return None
        prev = data.rfind(b'\n', 0, pos) + 1
        text = data[prev:pos]
        pos = prev - 1
        stripped = text.lstrip(b' \t')
        if stripped and len(text) - len(stripped) < indent:
            m = _OPENING_KEY.match(text)
            return m.group(1).decode('ascii') if m is not None else None
    return None
_VALUE_MEMBER = LazyPattern(rb'''(?i)(?<![\w-])["\']?value["\']?[ \t]*[:=]''')


# ACME's words beside a token: its challenge types (http-01, HTTP01, dns-01, tls-alpn-01, email-reply-00) and
# the key authorization. Not the name acme (m@acme.com), nor the bare word challenge: Slack's url_verification body has a
# "challenge" beside its verification token, a secret.
_ACME_WORD = LazyPattern(rb'(?i)(?<![a-z])(?:http|dns|tls-?alpn)-?01(?![0-9])|email-?reply-?00|key_?authori[sz]ation')
_CHALLENGE_PATH = LazyPattern(r'(?i)challenge')
CHALLENGE_LINES = 7  # lines either side of a token's line where ACME's words make it a challenge's
_DESCRIBED_TOKEN = LazyPattern(rb'(?:^|[ \t,])Token:[ \t]*[A-Za-z0-9_-]{20,}[ \t]*,')  # kubectl describe's `Token: …,`


def _challenge_nonce(data: bytes, c: Candidate, key: KeyJudgement, path: str) -> bool:
    """An ACME challenge's token (RFC 8555: a nonce the server hands out and the client serves back in
    public) or its key authorization (``token.thumbprint``): a bare ``token`` in a challenge's file
    (``Http01ChallengeTest``) or near ACME's words (``"type": "dns-01"``), or a ``keyAuth`` /
    ``key_authorization`` anywhere. No credential: anyone may fetch it."""
    if key.words[-2:] in (('key', 'auth'), ('key', 'authorization')):
        return True
    if key.words == ('key',):
        # a bare Key: is a key authorization only as cert-manager's `kubectl describe` of an order prints it, a
        # challenge's type and token before it on its line (`Type: HTTP-01, Token: …, Key: …`; held-out 79): a bare key
        # in a challenge's path or near an http01 annotation is a key (fifteenth hostile review, break 03)
        start, end = _lines_around(data, c.start, c.start, 0)
        line = data[start:c.start]
        return _ACME_WORD.search(line) is not None and _DESCRIBED_TOKEN.search(line) is not None
    if key.words != ('token',):
        return False
    if _CHALLENGE_PATH.search(path):
        return True
    return _ACME_WORD.search(data, *_lines_around(data, c.start, c.start, CHALLENGE_LINES)) is not None


_TIMESTAMP_KEY = LazyPattern(rb"""(?i)["']?\$?timestamp["']?[ \t]*(?:[:=]|=>)""")
_SIGN_WORD = LazyPattern(rb'(?i)sign')
_MAILGUN = LazyPattern(rb'(?i)mailgun')  # (its payloads' token and timestamp, the signature computed elsewhere)
_ID_KEY = LazyPattern(rb"""["']id["'][ \t]*[:=]""")
SHORT_ENTITY_TOKEN = 16  # characters: an API token is longer


def _signed_nonce(data: bytes, c: Candidate, key: KeyJudgement) -> bool:
    """A bare ``token`` beside a ``timestamp`` and a signature (Mailgun's webhook signature block: a random nonce
    the provider signs with the HMAC beside it and sends in every webhook; held-out 20 and 54: 7 lines). Public by
    design: the signature, made with the webhook signing key, is what proves the sender."""
    if key.words != ('token',):
        return False
    lo, hi = _lines_around(data, c.start, c.end, 3)
    if _TIMESTAMP_KEY.search(data, lo, hi) is None:
        return False
    return _SIGN_WORD.search(data, *_lines_around(data, c.start, c.end, 4)) is not None or _per_file(
        data, 'mailgun', lambda: _MAILGUN.search(data) is not None)


def _entity_token(data: bytes, c: Candidate, key: KeyJudgement) -> bool:
    """A short bare ``token`` in an object with an ``"id"`` (a Razorpay token entity's or a Postal message's token
    field in API docs and payloads, 12-14 characters; held-out 20 and 50: 18 lines): an entity's reference, not a
    credential, which is longer."""
    value = c.value.strip('\'"')
    if key.words != ('token',) or len(value) > SHORT_ENTITY_TOKEN + len('token_'):
        return False
    if value.startswith('token_'):
        return True  # the entity's id, its type as its prefix (Razorpay's token_ and 14 characters)
    if len(value) > SHORT_ENTITY_TOKEN:
        return False
    return _ID_KEY.search(data, *_lines_around(data, c.start, c.end, 3)) is not None


_VAULT_ACCESSOR = LazyPattern(rb'(?i)accessor')


def _idempotency_client_token(data: bytes, c: Candidate, key: KeyJudgement) -> bool:
    """A UUID under ``client_token`` / ``ClientToken``: AWS's idempotency token, which the caller makes up for
    each request (held-out 48: AWS IoT's samples, 17). Vault's login response names its token ``client_token``
    too, a UUID in older versions, always beside the token's ``accessor``: that one counts (held-out 8 and 18)."""
    if key.words != ('client', 'token'):
        return False
    return _VAULT_ACCESSOR.search(data, *_lines_around(data, c.start, c.end, 8, KEEPING_AROUND)) is None


def _push_subscription_auth(data: bytes, c: Candidate, key: KeyJudgement) -> bool:
    """A Web Push subscription's ``auth`` (16 random bytes the browser makes for one subscription, next to
    its ``p256dh`` public key in ``keys``): subscription data handed to every sender, like a device token."""
    return key.words == ('auth',) and b'p256dh' in data[slice(*_lines_around(data, c.start, c.end, 3))]


def _key_of_an_entry(data: bytes, c: Candidate, key: KeyJudgement, vocabulary: Vocabulary) -> bool:
    """A bare ``key`` beside a ``value`` names an entry (a tag, a header, a setting), it holds no secret:
    ``{"Key": "aws-cdk:cr-owned:…", "Value": "true"}``, ``- key: x`` / ``  value: y``."""
    if key.words != ('key',):
        return False
    if _VALUE_MEMBER.search(data, *_lines_around(data, c.start, c.end, 0)):  # (bounded: twenty-third review, 02)
        return True
    return ('value',) in {split_words(k, vocabulary) for k in _mapping_keys(data, c.start)}


def _shown_words(words: tuple[str, ...]) -> str:
    """The key's words that are dictionary words; anything else (a token pasted as a key) is ``…``."""
    out: list[str] = []
    for w in words:
        shown = w if w in Words.get() else '…'
        if shown != '…' or not out or out[-1] != '…':
            out.append(shown)
    return ' '.join(out)


_REASON_WORD = LazyPattern(r'[A-Za-z0-9]+')


def _shown_reason(key: KeyJudgement) -> str:
    """The key judge's reason with each of the key's words that ``_shown_words`` hides as ``…``: ``key (qwxz… key)``
    printed the token the key words line hid (twenty-first hostile review, break 02). (Here, not in the judge: the
    dictionary takes 15 ms to load, and a hook's start judges keys.)"""
    hidden = {w for w in key.words if w not in Words.get()}
    return _REASON_WORD.sub(lambda m: '…' if m.group() in hidden else m.group(), key.reason) if hidden else key.reason


def explain(candidate: Candidate, result: Score) -> tuple[tuple[str, str], ...]:
    """The features and the score, for ``--explain`` (no value text: only its shape)."""
    j = result.judgement
    return (
        ('syntax', candidate.syntax + ('' if candidate.quoted else ', unquoted')),
        ('key words', _shown_words(result.key.words)),
        ('key', f'{result.key.kind or "none"} ({_shown_reason(result.key)}), strength {result.key.strength}'),
        ('value', f'{j.reason}; entropy {j.entropy}; dictionary words {j.words:.0%}'),
        ('value score', f'randomness {j.randomness}, human password {j.human_password}'),
        ('score', f'{result.value} (threshold in data/generic.toml)'),
    )


class GenericDetector:
    """The compiled anchors, the vocabulary and the threshold; ``scan`` is pure over bytes."""

    def __init__(
            self, database: Any, vocabulary: Vocabulary, threshold: float, human_in_tests_and_docs: float = 1.0,
            rule_ids: frozenset[str] = RULE_IDS, short_in_tests_and_docs: float = 1.0, human_of_words: float = 1.0,
    ) -> None:
        self.database = database
        self.vocabulary = vocabulary
        self.threshold = threshold
        self.human_in_tests_and_docs = human_in_tests_and_docs
        self.short_in_tests_and_docs = short_in_tests_and_docs
        self.human_of_words = human_of_words
        # the generic rules that run: a candidate whose key names a disabled one is not judged, so it
        # neither reports nor wins over another key of the same value
        self.rule_ids = rule_ids
        self._keys: dict[str, KeyJudgement] = {}  # keys repeat: judged once per run
        self._lines: dict[tuple[str, bytes, bool], list[Candidate]] = {}  # candidates of a line, offsets from its start
        self._scratch_ready = False
        # names of services (the providers of the vendor rules), asked for on first need (engine.RuleSet)
        self.services: Callable[[], frozenset[str]] = lambda: frozenset()

    @classmethod
    def load(cls, *, cache: str | None = None, database: bool = True, rule_ids: frozenset[str] = RULE_IDS) -> GenericDetector:
        """The detector; ``database=False`` when the anchors are compiled into the rules' database
        (``engine.load_ruleset``), which then passes their hits to ``scan``. ``rule_ids``: the generic
        rules that run (the others are disabled)."""
        hyperscan: Any = importlib.import_module('hyperscan')
        directory = cache if cache is not None else cache_dir()
        doc = cached_toml(DATA_FILE, directory=directory)
        signature = (hyperscan.__version__, sha256(repr(sorted(ANCHORS.items())).encode()).hexdigest())

        def build() -> bytes:
            db = hyperscan.Database(mode=hyperscan.HS_MODE_BLOCK)
            flags = hyperscan.HS_FLAG_CASELESS | hyperscan.HS_FLAG_MULTILINE | hyperscan.HS_FLAG_ALLOWEMPTY
            db.compile(
                expressions=[ANCHORS[f].encode() for f in FAMILIES], ids=list(range(len(FAMILIES))),
                elements=len(FAMILIES), flags=[flags] * len(FAMILIES),
            )
            return bytes(hyperscan.dumpb(db))

        if not database:
            return cls(
                None, vocabulary_from_doc(doc), float(doc['score']['threshold']),
                float(doc['score']['human_in_tests_and_docs']), rule_ids,
                float(doc['score'].get('short_random_in_tests_and_docs', 1.0)), float(doc['score'].get('human_of_words', 1.0)),
            )
        blob = cached('generic', signature, build, valid=lambda v: isinstance(v, bytes), directory=directory)
        try:
            database = hyperscan.loadb(blob, hyperscan.HS_MODE_BLOCK)
        except hyperscan.error:  # built for another CPU
            database = hyperscan.loadb(build(), hyperscan.HS_MODE_BLOCK)
        return cls(
            database, vocabulary_from_doc(doc), float(doc['score']['threshold']),
            float(doc['score']['human_in_tests_and_docs']), rule_ids,
            float(doc['score'].get('short_random_in_tests_and_docs', 1.0)), float(doc['score'].get('human_of_words', 1.0)),
        )

    def anchor_ends(self, data: bytes) -> list[list[int]]:
        """End offsets of each family's anchor hits (with the detector's own database)."""
        if not self._scratch_ready:
            self.database.scratch = importlib.import_module('hyperscan').Scratch(self.database)
            self._scratch_ready = True
        ends: list[list[int]] = [[] for _ in FAMILIES]

        def on_match(family: int, _start: int, end: int, _flags: int, _ctx: object) -> None:
            ends[family].append(end)

        self.database.scan(data, match_event_handler=on_match)
        return ends

    def _extract(
            self, family: str, extractor: Callable[[bytes, int, int], Iterator[Candidate]], data: bytes, lo: int, hi: int,
    ) -> Iterator[Candidate] | list[Candidate]:
        """The family's candidates in ``data[lo:hi]``; remembered by the line's bytes where they depend on
        nothing else (a whole line, for the families that read only inside it). Files repeat their lines
        (JSON tables, manifests): the bench tree extracts 19,000 lines, most of them seen before."""
        named = self._names_a_secret
        if family not in SELF_CONTAINED or (lo and data[lo - 1:lo] != b'\n') or (hi < len(data) and data[hi:hi + 1] != b'\n'):
            return [c for c in extractor(data, lo, hi) if named(c)]
        line = data[lo:hi]
        if b'?' in line or b'&' in line:  # a URL query: the extractor looks at the whole URL
            return [c for c in extractor(data, lo, hi) if named(c)]
        memo = (family, line, lo == 0)  # at the very start, a lookbehind sees no newline before the line
        shifted = self._lines.get(memo)
        if shifted is None:
            shifted = [Candidate(k, v, s - lo, e - lo, x, q) for k, v, s, e, x, q in extractor(data, lo, hi) if named((k, v, s, e, x, q))]
            if len(self._lines) >= LINES_REMEMBERED:
                self._lines.clear()
            self._lines[memo] = shifted
        return [Candidate(k, v, s + lo, e + lo, x, q) for k, v, s, e, x, q in shifted] if shifted else shifted

    def _names_a_secret(self, c: tuple[str, str, int, int, str, bool]) -> bool:
        """Whether the candidate's key can name a secret (else ``score`` gives 0 whatever the value: the
        candidate is dropped before it is built, kept or scored: botocore's 14,000 ``"input_token":``
        lines of paginator JSON were a third of the generic cost of a source tree). A Dockerfile's
        ENV/ARG line is scored whatever its key (a key id built into an image counts)."""
        key, syntax = c[0], c[4]
        judged = self._keys.get(key)
        if judged is None:
            judged = judge_key(key, self.vocabulary)
            if len(self._keys) < 100_000:
                self._keys[key] = judged
        return bool(judged.kind) or syntax == 'docker'

    def candidates(
            self, data: bytes, path: str, kind: FileKind | None = None, ends: Sequence[Sequence[int]] | None = None,
    ) -> list[Candidate]:
        """Candidates of every family whose anchor hit (``ends``: from the engine's one pass, else ours),
        whose key can name a secret."""
        kind = file_kind(path) if kind is None else kind
        if kind.skip or not data:
            return []
        if ends is None:
            ends = self.anchor_ends(data)
        seen: set[tuple[int, int, str]] = set()
        out: list[Candidate] = []
        size = len(data)
        for family, family_ends in zip(FAMILIES, ends):
            if not family_ends or kind.code and family in CODE_SKIPS or family in PROPERTIES_ONLY and not kind.properties:
                continue
            extractor = EXTRACTORS[family]
            if extractor is named:  # a line's objects and value fields, read once for all its segments (thirty-sixth
                extractor = functools.partial(named, lines={})  # hostile review, 04: a minified line holds thousands)
            hi = -1
            for end in sorted(set(family_ends)):
                if end <= hi:
                    continue  # same segment as the previous hit
                lo = max(data.rfind(b'\n', max(0, end - SEGMENT), end) + 1, end - SEGMENT, 0)
                newline = data.find(b'\n', end, end + SEGMENT)
                hi = newline if newline != -1 else min(size, end + SEGMENT)
                for c in self._extract(family, extractor, data, lo, hi):
                    if (c.start, c.end, c.key) in seen:
                        continue
                    if c.syntax == 'make-shell' and not kind.makefile:
                        continue  # != is a comparison everywhere but in a Makefile
                    if not c.quoted and (kind.code and c.syntax not in ('fallback', 'yaml', 'markup') and not in_query(data, c)
                                         or c.syntax == 'note' and not kind.prose):
                        continue
                    seen.add((c.start, c.end, c.key))
                    out.append(c)
        return out

    def _entity_id(self, data: bytes, c: Candidate, key: KeyJudgement) -> bool:
        """A UUID under a bare or an unqualified key (``key:``, ``blockTradeSettlementKey``) is an entity's id, as
        a form field's in API docs (held-out 46: 6) or a trade's in example responses (held-out 45: 6), unless
        the object it stands in is named as a secret (``"license_key": {"id": 1, "key": "…"}``, Lemon
        Squeezy's licence). An api key, a license key, a service's key (heroku_key) that is a UUID counts."""
        vocabulary = self.vocabulary
        if key.kind != 'key' or key.words[-1:] != ('key',) or any(
                w in vocabulary.key_qualifiers or w in vocabulary.kinds for w in key.words[:-1]):
            return False
        if self.services().intersection(key.words[:-1]):
            return False
        lo = _lines_around(data, c.start, c.start, 3, KEEPING_AROUND)[0]
        opener = None
        for opener in _OBJECT_OPENER.finditer(data, lo, c.start):
            pass  # the nearest object opened before the value
        parent = opener.group(1).decode('ascii') if opener is not None else _enclosing_key(data, c.start)
        return parent is None or not judge_key(parent, vocabulary).kind

    def _encrypted_parent(self, data: bytes, c: Candidate) -> str | None:
        """A parent key saying the values below are ciphertext (``encryptedData:`` of a SealedSecret)."""
        if c.syntax not in ('assign', 'yaml'):
            return None
        for parent in parent_keys(data, c.start):
            words = set(split_words(parent, self.vocabulary))
            if words & self.vocabulary.encrypted_parents:
                return parent
        return None

    def scan(self, data: bytes, path: str, ends: Sequence[Sequence[int]] | None = None) -> list[Detection]:
        """Candidates that score at least the threshold; of several keys for one value, the best."""
        best: dict[tuple[int, int], tuple[float, Candidate, Score]] = {}
        if ends is not None and not any(ends):
            return []
        kind = file_kind(path)
        human_factor = self.human_in_tests_and_docs if kind.test_or_docs else 1.0
        short_factor = self.short_in_tests_and_docs if kind.test_or_docs else 1.0
        prose_not_image = kind.prose and not _DOCKERFILE.search(path)
        for c in self.candidates(data, path, kind, ends):
            if prose_not_image and c.syntax == 'docker':
                # a Dockerfile's lines shown in a document: examples, judged as any value (an agent skill's checklist
                # writes ENV API_KEY=sk-12345 and ENV DB_PASSWORD=mysecret as what not to do; held-out 84)
                c = c._replace(syntax='assign')
            result = score(c, self.vocabulary, human_factor=human_factor, keys=self._keys, code=kind.code, services=self.services,
                           short_factor=short_factor, words_factor=self.human_of_words)
            if result.value < self.threshold or RULES[result.key.kind][0] not in self.rule_ids:
                continue
            encrypted = self._encrypted_parent(data, c)
            if encrypted is not None:
                continue
            if result.key.kind == 'key' and _under_public_key_id(data, c):
                continue  # "ed25519:a_xxeS": {key: "…"}: a published Matrix key
            if result.key.kind == 'key' and _names_a_secret_key(data, c, result.key, self.vocabulary):
                continue  # secretKeyRef: {name: db, key: jenkins-jks-file}: the name of a key in a Secret
            if result.key.kind == 'key' and _search_only_key(data, c, result.key, self.vocabulary):
                continue  # {appId, apiKey, indexName}: a search widget's key, public by design
            if result.key.kind == 'key' and _key_of_an_entry(data, c, result.key, self.vocabulary):
                continue  # {"Key": "aws-cdk:cr-owned:…", "Value": "true"}: a tag's name
            if result.judgement.uuid and self._entity_id(data, c, result.key):
                continue  # key: 9c30e7c9-…, "blockTradeSettlementKey": "…": an entity's id
            if result.judgement.uuid and _idempotency_client_token(data, c, result.key):
                continue  # AWS's client_token='…': an idempotency token (Vault's, beside its accessor, counts)
            if result.key.kind in ('token', 'key') and _challenge_nonce(data, c, result.key, path):
                continue  # an ACME challenge's token or key authorization: a public nonce
            if result.key.kind == 'token' and (_signed_nonce(data, c, result.key) or _entity_token(data, c, result.key)):
                continue  # {"token": …, "timestamp": …, "signature": …}: a signed nonce; {"id": 7, "token": "…"}
            if result.key.kind == 'token' and _push_subscription_auth(data, c, result.key):
                continue  # keys: {p256dh: …, auth: …}: a Web Push subscription's, not a credential
            if mirrors_its_key(c.key, c.value) or spells_its_key(result.key.words, c.value) or names_its_key(
                    split_words(c.key, self.vocabulary), c.value) or (
                    result.key.kind == 'key' and _gpg_key_id(c, result.key)):
                continue  # ("ext0-req-key", "ext0-req-val"), AccessToken: "AccessToken.…": a test's label; signingkey =
                # 18F3…: which GPG key signs
            if result.key.kind == 'password' and (_same_as_user(data, c) or _names_its_path(path, c.value)
                                                  or built_from_its_names(data, path, c.value)):
                continue  # MYSQL_USER: app / MYSQL_PASSWORD: app, Skopeo@1 in skopeo-copy/samples: a demo default
            previous = best.get((c.start, c.end))
            if previous is None or result.value > previous[0]:
                best[(c.start, c.end)] = (result.value, c, result)
        found: list[Detection] = []
        for _, c, result in best.values():
            rule_id, description = RULES[result.key.kind]
            value, end = c.value, c.end
            if not c.quoted:
                value = unquoted_value(value.strip())
                if data[c.start:c.end] == c.value.encode():  # (a .properties value continued over lines is not)
                    end = c.start + len(value.encode())
            found.append(Detection(c.start, end, value, rule_id, description, explain(c, result)))
        found.sort()
        forget_file()  # (no file kept alive after its scan)
        return found

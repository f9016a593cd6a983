"""The settings of one run, read from ``.leakstop.toml`` or ``[tool.leakstop]`` in ``pyproject.toml``.

Schema (every key optional)::

    baseline = ".leakstop-baseline.json"   # the reviewed findings (default shown)
    disable = ["rule-id", ...]             # rules that never run
    enable_only = ["rule-id", ...]         # only these rules run (default: every rule)

    [allowlist]                            # [tool.leakstop.allowlist] in pyproject.toml
    paths = ["tests/fixtures/**"]          # gitignore-style globs
    values = ["^AKIA[A-Z0-9]{12}TEST$"]    # regexes searched in the secret
    stopwords = ["dummy"]                  # substrings (case-insensitive) of the secret

    [allowlist.rules.generic-password]     # per-rule allowlist
    paths = ["docs/**"]
    values = ["^hunter2$"]

    [[rules]]                              # custom rules, same schema as the built-in ones
    id = "acme-api-key"
    ...
"""
from __future__ import annotations

import os
import re
import string
from typing import Any, Callable, Mapping, Sequence

from leakstop.allowlist import Allowlist, BuiltinAllowlist
from leakstop.cache import cache_dir, cached, file_signature, load_toml, toml_error
from leakstop.errors import FatalError, regex_error
from leakstop.files import compile_globs, read_own_file
from leakstop.records import Config as Config  # defined there with the other records; imported from here
from leakstop.rules import Rule, nested_repeat, rule_from_table

DEFAULT_BASELINE = '.leakstop-baseline.json'
CONFIG_NAMES = ('.leakstop.toml', 'pyproject.toml')
KEYS = ('baseline', 'disable', 'enable_only', 'allowlist', 'rules')


def _expect(value: Any, typ: type | tuple[type, ...], where: str, what: str) -> Any:
    if not isinstance(value, typ) or isinstance(value, bool) and typ is not bool:
        raise FatalError(f'{where}: expected {what}')
    return value


def _str_list(table: Mapping[str, Any], key: str, where: str) -> list[str]:
    value = table.get(key, [])
    _expect(value, list, f'{where}.{key}', 'a list of strings')
    for item in value:
        _expect(item, str, f'{where}.{key}', 'a list of strings')
    return list(value)


def _shown(name: str) -> str:
    """A key taken from the settings file, as an error may show it (a token pasted as a key is redacted)."""
    from leakstop.report import display_name  # only on the error path: report imports the pipeline
    return display_name(name)


# Probes: values no allowlist entry meant to allow. An entry that matches one of them matches
# (nearly) everything, and would silently turn every hook off.
_PROBE_SECRETS = ('', 'Zq3v9XkP7wLm2RtY8bNc4JhD', '5f0c9e2ab7d14e8396c1a0fd2b7e4c58', 'k9/Qx+2mT7=vB4#pL8@wR1!zN6')
# Paths no path glob (``[allowlist] paths``, per rule, ``--exclude``) should match most of, together: every name
# shape (each last character a name may end in, each common extension, dotfiles, key and credential files, names
# without an extension) in every directory shape (the top, one level, deep, dotted, digits, non-ASCII, spaces).
# Four fixed probes let `*[a-v]`, `*[x-z]`, `*[AC-PR-Z]`, `*[0-57-9]` through: every name but those ending in the
# probes' last characters (sixth hostile review, break 04). Directories people skip on purpose (tests, docs,
# examples, vendor, fixtures) are not among them: globs naming those stay far below the share refused.
_PROBE_DIRS = (
    '', 'src', 'app/config', 'k9Qx2mT7vB', 'internal/pkg/server', 'deploy/k8s/prod/secrets', '.github/workflows',
    'Lib/Zq-3_v9', '0/1/2/3/4/5/6/7/8/9', '\u00dcberModul/dir with space', 'home/user/.ssh', 'services/api-gateway/src/main/resources',
)
_PROBE_STEMS = ('Zq3v9XkP7w', 'report', 'x', 'Main', 'settings_local', 'k9Qx-2m', 'data.2024', 'A')
_PROBE_ENDINGS = string.ascii_letters + string.digits + "_-~+@#$%=!&,;'()[]{}^`" + '\u00e9\u00df\u0436\u4e2d'
_PROBE_EXTENSIONS = (
    'py', 'pyc', 'js', 'mjs', 'ts', 'tsx', 'jsx', 'go', 'rs', 'java', 'kt', 'rb', 'php', 'cs', 'c', 'h', 'cpp', 'hpp',
    'swift', 'm', 'scala', 'sh', 'bash', 'ps1', 'bat', 'yml', 'yaml', 'json', 'toml', 'ini', 'cfg', 'conf', 'env',
    'properties', 'xml', 'html', 'css', 'scss', 'md', 'rst', 'txt', 'csv', 'sql', 'tf', 'tfvars', 'tfstate', 'hcl',
    'pem', 'key', 'crt', 'p12', 'pfx', 'jks', 'keystore', 'ppk', 'pub', 'asc', 'gpg', 'lock', 'gradle', 'mk', 'vue',
    'ipynb', 'log', 'bak', 'gz', 'zip', 'sqlite', 'db', 'Dockerfile', 'JSON', 'PY', 'Key', 'j2', 'mp4', 'png', 'svg',
)
_PROBE_NAMES = (
    '.env', '.env.local', '.env.production', '.envrc', '.npmrc', '.pypirc', '.netrc', '.git-credentials', '.pgpass',
    '.htpasswd', '.dockercfg', '.s3cfg', '.bashrc', '.gitignore', 'id_rsa', 'id_dsa', 'id_ecdsa', 'id_ed25519',
    'credentials', 'credentials.json', 'kubeconfig', 'config', 'secrets.yml', 'service-account.json', 'Makefile',
    'Dockerfile', 'LICENSE', 'README', 'Procfile', 'Jenkinsfile', 'Gemfile', 'app.min.js', 'settings.local.py',
    'archive.tar.gz', 'ID_RSA', '.ENV', 'x', '_', '1',
)
BROAD_SHARE = 0.25  # path globs that together match more of the probe paths than this turn most checks off
# Secrets no allowlist value or stopword should allow many of, together: random tokens of each common alphabet and
# length, each edge character first in some and last in others. Three fixed probes judged each value alone: 1,241
# values on one line, each "20+ characters ending in c" for one c, allowed 195 of 200 GitHub tokens together (eighth
# hostile review, break 01). A value meant for an example or a placeholder allows none of them.
_PROBE_SECRET_ALPHABETS = (
    string.ascii_letters + string.digits, string.digits + 'abcdef', string.digits + 'ABCDEF',
    string.ascii_letters + string.digits + '+/', string.ascii_letters + string.digits + '-_',
    string.ascii_letters + string.digits + '!#$%&*+-./:;<=>?@^_~', string.ascii_lowercase + string.digits,
    string.ascii_uppercase + string.digits,
)
_PROBE_SECRET_LENGTHS = (16, 20, 24, 32, 40, 64)
_PROBE_SECRET_EDGES = string.ascii_letters + string.digits + '+/=-_.~!#$%&*@^'
BROAD_VALUE_SHARE = 0.05  # allowlist values and stopwords that together allow more of the probe secrets than this
MIN_STOPWORD = 3  # a shorter stopword occurs in most secrets
AMBIGUOUS_REPEAT = 8  # a repeat of alternatives that can start alike, more times than this, backtracks exponentially
SPLIT_WAYS = 1 << 14  # ways a run of variable-length items that can match alike may split a text (\w{0,4} six times: 25 ms a try)
CUSTOM_MAX_LENGTH = 4096  # a custom rule's confirming regex runs in windows of this size at most
_RE2_UNSUPPORTED = 'uses what the linear-time engine (RE2) does not support: a lookaround, a backreference, or an atomic or possessive group'


class LinearPattern:
    """An RE2 regex with the ``search`` / ``match`` of ``re.Pattern`` over any ``str``: a path or
    secret holding undecodable bytes (surrogate escapes, which RE2 cannot encode) is matched
    with U+FFFD in their place."""

    __slots__ = ('_rx', 'source', 'pattern')

    def __init__(self, source: str, pattern: str) -> None:
        """``source``: the RE2 syntax compiled; ``pattern``: what the user wrote (for messages)."""
        re2, options = _re2_options()
        self._rx = re2.compile(source, options)
        self.source = source
        self.pattern = pattern

    def __reduce__(self) -> tuple[Any, tuple[str, str]]:
        return (LinearPattern, (self.source, self.pattern))  # to worker processes started by spawn

    def search(self, text: str) -> Any:
        try:
            return self._rx.search(text)
        except UnicodeEncodeError:
            return self._rx.search(_without_surrogates(text))

    def match(self, text: str) -> Any:
        try:
            return self._rx.match(text)
        except UnicodeEncodeError:
            return self._rx.match(_without_surrogates(text))


def _without_surrogates(text: str) -> str:
    return text.encode('utf-8', 'surrogateescape').decode('utf-8', 'replace').encode('utf-8', 'replace').decode('utf-8')


def _re2_options() -> Any:
    import importlib
    re2: Any = importlib.import_module('re2')  # only for settings that hold user patterns (4 ms)
    options = re2.Options()
    options.log_errors = False  # RE2 would print the pattern (often the very secret) on stderr
    return re2, options


def _linear_regex(pattern: str, where: str) -> Any:
    """A user's regex compiled by RE2 (linear time whatever the pattern and the input)."""
    try:
        re.compile(pattern)  # Python's messages locate the error; the names they quote are redacted
    except (re.error, OverflowError, RecursionError) as e:  # a{99999999999}; 2,000 nested groups
        # the pattern is not quoted: an allowlist value is often the very secret to allow
        raise FatalError(f'{where}: invalid regular expression: {regex_error(e)}') from None
    rx = linear_pattern(pattern)
    if rx is None:
        raise FatalError(f'{where}: {_RE2_UNSUPPORTED}')
    return rx


def linear_pattern(pattern: str) -> LinearPattern | None:
    """``pattern`` (Python's syntax) compiled by RE2, or None where RE2 does not take it (a lookaround)."""
    # Python's end of string \Z is RE2's \z (an escaped backslash before Z is left alone)
    translated = re.sub(r'(?<!\\)((?:\\\\)*)\\Z', r'\1\\z', pattern)
    try:
        return LinearPattern(translated, pattern)
    except Exception:
        return None


def _regexes(table: Mapping[str, Any], key: str, where: str, *, checked: bool = False) -> tuple[Any, ...]:
    """Allowlist regexes (searched in each secret), run by RE2; none may match (nearly) everything, nor
    what every secret of a kind holds (not checked again for settings from the cache: ``checked``)."""
    out = []
    for i, pattern in enumerate(_str_list(table, key, where)):
        rx = _linear_regex(pattern, f'{where}.{key}[{i}]')
        if any(rx.search(probe) is not None for probe in _PROBE_SECRETS):
            what = 'the empty string' if rx.search('') is not None else 'a random token'
            raise FatalError(
                f'{where}.{key}[{i}]: matches {what}: it would allow every secret '
                f'(anchor it, e.g. ^EXAMPLE$, or use disable = ["rule-id"])',
            )
        kind = None if checked else _class_of_value(rx)
        if kind is not None:  # the value is not quoted: it is often the very secret to allow
            raise FatalError(
                f'{where}.{key}[{i}]: matches what every secret of a kind holds ({kind}): it would allow them all '
                f'(match the secret you mean, e.g. ^EXAMPLE$, or use disable = ["rule-id"])',
            )
        out.append(rx)
    return tuple(out)


_SECRET_PROBES: list[str] = []  # probe_secrets(), built once a process


def probe_secrets() -> list[str]:
    """Random tokens of every probe alphabet and length, each edge character first in one and last in
    another (about 1,200), the same in every run (a fixed seed)."""
    if not _SECRET_PROBES:
        import random  # only for settings that hold allowlist values or stopwords
        rnd = random.Random(13)
        for i, edge in enumerate(_PROBE_SECRET_EDGES):
            for j, alphabet in enumerate(_PROBE_SECRET_ALPHABETS):
                body = ''.join(rnd.choices(alphabet, k=_PROBE_SECRET_LENGTHS[(i + j) % len(_PROBE_SECRET_LENGTHS)] - 1))
                _SECRET_PROBES.extend((body + edge, edge + body))
    return _SECRET_PROBES


def _share_of_secrets(values: Sequence[Any], stopwords: Sequence[str]) -> tuple[int, int]:
    """How many of the probe secrets allowlist ``values`` (compiled) and ``stopwords`` (lower case) allow, of how many."""
    probes = probe_secrets()
    # values joined 16 to an RE2 program: 1,240 values take 0.3 s (one by one 1.6 s; 64 to a program 5 s, as
    # RE2's DFA outgrows its memory and falls back)
    joined = [_joined(values[i:i + _VALUES_JOINED]) for i in range(0, len(values), _VALUES_JOINED)]
    hit = 0
    for probe in probes:
        lowered = probe.lower()
        if any(word in lowered for word in stopwords) or any(rx.search(probe) is not None for rx in joined):
            hit += 1
    return hit, len(probes)


_VALUES_JOINED = 16


def _joined(values: Sequence[Any]) -> Any:
    """One RE2 program searching for any of ``values`` (the one value itself when alone)."""
    if len(values) == 1:
        return values[0]
    return LinearPattern('|'.join(f'(?:{rx.source})' for rx in values), ', '.join(rx.pattern for rx in values))


def _broad_allowing(values: Sequence[Any], stopwords: Sequence[str], where: str, *, others: str = '') -> None:
    """Refuse allowlist ``values`` and ``stopwords`` (at ``where``) that allow more than ``BROAD_VALUE_SHARE`` of
    the probe secrets, alone or together (``others``: what the settings' other entries they were joined with are)."""
    if not values and not stopwords:  # nothing allows anything (the probes cost 3 ms of every start)
        return
    hit, total = _share_of_secrets(values, stopwords)
    if hit <= BROAD_VALUE_SHARE * total:
        return
    entry = ''
    singles: tuple[tuple[str, list[tuple[list[Any], list[str]]]], ...] = () if others else (('values', [([rx], []) for rx in values]), ('stopwords', [([], [w]) for w in stopwords]))
    for key, items in singles:  # (joined with others, each was judged alone already)
        for i, (rxs, words) in enumerate(items):
            one, _ = _share_of_secrets(rxs, words)
            if one > BROAD_VALUE_SHARE * total:
                entry, hit = f'.{key}[{i}]', one
                break
        if entry:
            break
    how = 'matches' if entry else f'together{others} match'
    raise FatalError(
        f'{where}{entry}: {how} many random tokens ({hit} of {total} varied probe secrets): it would allow many '
        f'secrets (match the secrets you mean, e.g. ^EXAMPLE$, or use disable = ["rule-id"])',
    )


def _without_secrets(message: str) -> str:
    """An error that quotes a command-line argument, each secret the shipped or custom rules find in it redacted."""
    from leakstop.hooks import redacted_message  # only on the error path: it loads the rules
    return redacted_message(message)


_PROBES: list[str] = []  # probe_paths(), built once a process


def probe_paths() -> list[str]:
    """Every probe name in every probe directory (about 2,500 paths)."""
    if not _PROBES:
        stems = _PROBE_STEMS
        names = [stems[i % len(stems)] + c for i, c in enumerate(_PROBE_ENDINGS)]
        names += [f'{stems[i % len(stems)]}.{ext}' for i, ext in enumerate(_PROBE_EXTENSIONS)]
        names += _PROBE_NAMES
        _PROBES.extend(f'{d}/{n}' if d else n for d in _PROBE_DIRS for n in names)
    return _PROBES


def _share_of_paths(regex: str) -> tuple[int, int]:
    """How many of the probe paths a path regex (``glob_to_regex`` parts joined) matches, of how many."""
    rx = LinearPattern(f'(?:{regex})\\z', regex)
    probes = probe_paths()
    return sum(rx.match(p) is not None for p in probes), len(probes)


def _broad_glob(parts: Sequence[str]) -> tuple[int | None, str] | None:
    """Why path globs (their ``glob_to_regex`` parts) would turn most checks off, with the index of the glob that
    does it alone (None when only together), or None: they match more than ``BROAD_SHARE`` of the probe paths."""
    hit, total = _share_of_paths('|'.join(parts))
    if hit <= BROAD_SHARE * total:
        return None
    for i, part in enumerate(parts):
        one, _ = _share_of_paths(part)
        if one == total:
            return i, 'matches every path'
        if one > BROAD_SHARE * total:
            return i, f'matches most paths ({one} of {total} varied probe paths)'
    return None, f'together match most paths ({hit} of {total} varied probe paths)'


def _glob_parts(patterns: Sequence[str], invalid: Callable[[int, str], FatalError]) -> list[str]:
    """The ``glob_to_regex`` parts of ``patterns``; ``invalid(i, why)`` is raised for an empty or bad glob."""
    from leakstop.files import glob_names_nothing, glob_to_regex
    parts = []
    for i, glob in enumerate(patterns):
        if glob_names_nothing(glob):
            raise invalid(i, 'empty glob')
        try:
            part = glob_to_regex(glob)
            LinearPattern(f'(?:{part})\\z', glob)
        except Exception:  # a bad range: [z-a]
            raise invalid(i, 'invalid glob') from None
        parts.append(part)
    return parts


def _globs(table: Mapping[str, Any], key: str, where: str, *, checked: bool = False) -> Any:
    """Allowlist path globs, matched by RE2; none may be empty, and they may not match most paths, alone or
    together (not checked again for settings from the cache: ``checked``)."""
    patterns = _str_list(table, key, where)
    if not patterns:
        return None
    parts = _glob_parts(patterns, lambda i, why: FatalError(f'{where}.{key}[{i}]: {why}'))
    broad = None if checked else _broad_glob(parts)
    if broad is not None:
        index, why = broad
        raise FatalError(
            f'{where}.{key}{"" if index is None else f"[{index}]"}: {why}: it would turn every hook off '
            f'(name the directories or files to skip, e.g. tests/fixtures/**)',
        )
    return LinearPattern('(?:' + '|'.join(parts) + ')\\z', ', '.join(patterns))


# What every secret of a kind holds, derived from the shipped rules (fifth hostile review, breaks 03 and 12: a hand
# list missed `BEGIN RSA`, `dop_v1_`, `hf_`, and allowlist values were not checked at all): the fixed text of each
# rule's secret (``rules.literal_runs``: a token's prefix, a key's armor, every spelling of its alternatives), and
# what every example secret of a rule holds (``AAAA`` in every OpenSSH key body, which no pattern spells out).
# A stopword inside one, or an allowlist value that matches one alone, allows the whole kind.
SEPARATORS = ('_', '-', '.', ' ', '\t', '\n')  # what joins a token's parts or a key's lines: a value matching one alone
_CLASSES: dict[str, Any] = {}  # the shipped rules' markers and example secrets, derived once a process


def _classes() -> tuple[dict[str, str], dict[str, tuple[str, ...]]]:
    """Marker -> the id of a rule whose every secret holds it; rule id -> its example secrets (rules with two
    or more). Derived from the shipped rules on first use: only when settings with stopwords or allowlist
    values are validated (0.7 to 1 s; settings read from the cache are not validated again)."""
    if not _CLASSES:
        from leakstop.cache import cached_toml
        from leakstop.rules import BINARY_TAG, builtin_rule_files, context_pattern, literal_runs
        markers: dict[str, str] = {}
        examples: dict[str, tuple[str, ...]] = {}
        directory = cache_dir()
        # the rules files as tables (validated by the rules' own tests; a validated load costs 0.4 s more)
        for table in (t for path in builtin_rule_files() for t in cached_toml(path, directory=directory)['rules']):
            pattern, group = table.get('pattern') or context_pattern(table['shape']), table.get('secret_group', 'secret')
            for run in literal_runs(pattern, group):
                if len(run.strip()) >= MIN_STOPWORD and run not in markers:
                    markers[run] = table['id']
            if BINARY_TAG in table.get('tags', ()):
                continue
            rx = re.compile(pattern)
            group = group if group in rx.groupindex else 0
            found = tuple(m.group(group) for m in map(rx.search, table.get('examples', ())) if m is not None and m.group(group))
            if len(found) >= 2:
                examples[table['id']] = found
        _CLASSES['markers'], _CLASSES['examples'] = markers, examples
    return _CLASSES['markers'], _CLASSES['examples']


def _secret_kinds() -> list[tuple[str, tuple[str, ...]]]:
    """(a kind of private key or JWT, samples of it): what every secret of a kind holds (``MIIE`` in every RSA-2048
    key, ``MHcCAQEE`` in every EC P-256 key in SEC1 form, a JWT header) is in all of its samples (sixth hostile
    review, break 15: the rules' examples mix sizes, so a stopword or value only every key of one size holds was
    accepted)."""
    if 'samples' not in _CLASSES:
        from leakstop.secret_samples import sample_secrets
        _CLASSES['samples'] = sample_secrets()
    kinds: list[tuple[str, tuple[str, ...]]] = _CLASSES['samples']
    return kinds


def _class_of_word(word: str) -> str | None:
    """What makes stopword ``word`` allow a whole kind of secret (for the message), or None."""
    markers, examples = _classes()
    low = word.lower()
    inside = sorted((m for m in markers if low in m.lower()), key=lambda m: (len(m), m))
    if inside:
        return repr(inside[0].strip())
    found = next((f'every example of {rule_id} holds it' for rule_id, secrets in examples.items()
                  if all(low in s.lower() for s in secrets)), None)
    if found is None:
        found = next((f'every {kind} holds it' for kind, samples in _secret_kinds() if all(low in k.lower() for k in samples)), None)
    return found


def _class_of_value(rx: Any) -> str | None:
    """What makes allowlist value ``rx`` (searched in each secret) allow a whole kind of secret, or None."""
    sep = next((c for c in SEPARATORS if rx.search(c) is not None), None)
    if sep is not None:
        return f'a separator alone: {sep!r}'
    markers, examples = _classes()
    marker = min((m for m in markers if rx.search(m) is not None), key=lambda m: (len(m), m), default=None)
    if marker is not None:
        return f'{marker.strip()!r} alone'
    found = next((f'every example of {rule_id}' for rule_id, secrets in examples.items()
                  if all(rx.search(s) is not None for s in secrets)), None)
    if found is None:
        found = next((f'every {kind}' for kind, samples in _secret_kinds() if all(rx.search(k) is not None for k in samples)), None)
    return found


def _stopwords(table: Mapping[str, Any], key: str, where: str, *, checked: bool = False) -> tuple[str, ...]:
    words = _str_list(table, key, where)
    for i, word in enumerate(words):
        if len(word.strip()) < MIN_STOPWORD:
            raise FatalError(
                f'{where}.{key}[{i}]: {"empty" if not word.strip() else "too short"}: a stopword of fewer than '
                f'{MIN_STOPWORD} characters occurs in most secrets and would allow them',
            )
        kind = None if checked else _class_of_word(word)
        if kind is not None:
            raise FatalError(
                f'{where}.{key}[{i}]: {_shown(word)!r} is part of what every secret of a kind holds '
                f'({kind}): it would allow them all; allow a path or a value instead',
            )
    return tuple(w.lower() for w in words)


def _charset_of(op: Any, arg: Any, parser: Any) -> frozenset[int] | None:
    """The characters (of a sample alphabet) one single-character item matches; None if not one."""
    if op is parser.LITERAL:
        c = chr(arg)
        return frozenset({arg, ord(c.lower()[0]), ord(c.upper()[0])})
    if op is parser.NOT_LITERAL:
        return _ALPHABET - {arg}
    if op is parser.ANY:
        return _ALPHABET
    if op is parser.IN:
        chars: set[int] = set()
        negate = False
        for iop, iarg in arg:
            if iop is parser.NEGATE:
                negate = True
            elif iop is parser.LITERAL:
                chars |= {iarg, ord(chr(iarg).lower()[0]), ord(chr(iarg).upper()[0])}
            elif iop is parser.RANGE:
                chars |= _range_chars(*iarg)
            elif iop is parser.CATEGORY:
                chars |= _category(iarg)
            else:
                chars |= _ALPHABET
        return _ALPHABET - chars if negate else frozenset(chars)
    return None


_ALPHABET = frozenset(range(0x180)) | frozenset((0x3B1, 0x4E00, 0x2028, 0x3000, 0xFF10))
_RANGES: dict[tuple[int, int], frozenset[int]] = {}


def _range_chars(lo: int, hi: int) -> frozenset[int]:
    """The characters of the sample alphabet a range ``lo-hi`` matches, either case (remembered: rules
    repeat their ranges, and each costs a pass over the alphabet)."""
    chars = _RANGES.get((lo, hi))
    if chars is None:
        chars = _RANGES[(lo, hi)] = frozenset(
            c for c in _ALPHABET if lo <= c <= hi or lo <= ord(chr(c).lower()[0]) <= hi or lo <= ord(chr(c).upper()[0]) <= hi
        )
    return chars


def _category(category: Any) -> frozenset[int]:
    name = str(category).upper()
    probe = {'DIGIT': r'\d', 'SPACE': r'\s', 'WORD': r'\w'}
    for key, rx in probe.items():
        if key in name:
            chars = frozenset(c for c in _ALPHABET if re.match(rx, chr(c)))
            return _ALPHABET - chars if 'NOT' in name else chars
    return _ALPHABET


def _unmodelled_construct(items: Any, parser: Any) -> str | None:
    """The first construct in a parsed pattern that neither RE2 nor Hyperscan runs and that ``backtracking_risk``
    does not model, or None: a backreference (``([a-z]+)\\1z`` is cubic in a line in Python's engine; sixth hostile
    review, break 05), a conditional group, an atomic group or a possessive repeat (whose contents the analysis
    would not see). Lookarounds are modelled (their contents are walked)."""
    names = {'GROUPREF': 'a backreference', 'GROUPREF_EXISTS': 'a conditional group',
             'ATOMIC_GROUP': 'an atomic group or a possessive repeat', 'POSSESSIVE_REPEAT': 'an atomic group or a possessive repeat'}
    unmodelled = {getattr(parser, name): what for name, what in names.items() if hasattr(parser, name)}
    stack: list[Any] = [items]
    while stack:  # every nested sub-pattern, wherever the parser keeps it (a group, a branch, a repeat, an assertion)
        item = stack.pop()
        if isinstance(item, parser.SubPattern):
            for op, arg in item:
                if op in unmodelled:
                    return unmodelled[op]
                stack.append(arg)
        elif isinstance(item, (tuple, list)):
            stack.extend(item)
    return None


def backtracking_risk(pattern: str) -> str | None:
    """Why Python's backtracking engine could take more than about quadratic time on ``pattern``, or None.

    A conservative look at the parsed pattern (what RE2 and Hyperscan avoid by construction):
    a variable repeat nested in another (``(a+)+``), an unbounded repeat over alternatives that
    can start alike (``(?:a|a)*``, ``(?:ab|a)*``), and two unbounded repeats that can match the
    same characters with nothing they cannot both match between them (``\\w*\\w*``, ``.*a.*``):
    each of those lets the engine try the same text in polynomially or exponentially many ways.
    """
    try:
        from re import _parser as parser  # type: ignore[attr-defined]
    except ImportError:  # pragma: no cover (Python < 3.11)
        import sre_parse as parser
    try:
        tree = parser.parse(pattern)
    except Exception:
        return None  # invalid patterns are reported by the compile check
    construct = _unmodelled_construct(tree, parser)
    if construct is not None:
        return f'uses {construct}, which only a backtracking engine runs'
    nested = nested_repeat(pattern)
    if nested is not None:
        return f'nests a repeat ({nested}) inside another'
    repeats = {parser.MAX_REPEAT, parser.MIN_REPEAT}
    unbounded = 64  # a repeat of more than this many extra iterations counts as unbounded

    def chars(items: Any) -> frozenset[int]:
        """Every character ``items`` may consume (over-approximated)."""
        out: set[int] = set()
        for op, arg in items:
            one = _charset_of(op, arg, parser)
            if one is not None:
                out |= one
            elif op in repeats:
                out |= chars(arg[2])
            elif op is parser.SUBPATTERN:
                out |= chars(arg[-1])
            elif op is parser.BRANCH:
                for b in arg[1]:
                    out |= chars(b)
            elif op is parser.GROUPREF:
                out |= _ALPHABET
        return frozenset(out)

    def first(items: Any) -> frozenset[int] | None:
        """Characters a match of ``items`` can start with; None when it can be empty."""
        out: set[int] = set()
        for op, arg in items:
            one = _charset_of(op, arg, parser)
            if one is not None:
                return frozenset(out | one)
            if op in repeats:
                sub = first(arg[2])
                if sub is None:
                    continue
                out |= sub
                if arg[0] > 0:
                    return frozenset(out)
            elif op is parser.SUBPATTERN:
                sub = first(arg[-1])
                if sub is not None:
                    return frozenset(out | sub)
            elif op is parser.BRANCH:
                subs = [first(b) for b in arg[1]]
                if any(x is None for x in subs):
                    out |= _ALPHABET
                    continue
                return frozenset(out.union(*[x for x in subs if x is not None]))
            elif op is parser.GROUPREF:
                return _ALPHABET
        return None

    def ambiguous_branch(items: Any) -> bool:
        for op, arg in items:
            if op is parser.BRANCH:
                seen: set[int] = set()
                for b in arg[1]:
                    f = first(b)
                    if f is None or f & seen:
                        return True
                    seen |= f
                if any(ambiguous_branch(b) for b in arg[1]):
                    return True
            elif op is parser.SUBPATTERN and ambiguous_branch(arg[-1]):
                return True
            elif op in repeats and ambiguous_branch(arg[2]):
                return True
        return False

    serial = iter(range(1 << 30))  # tells apart two repeats of the same characters (``\w?\w?``)

    def walk(items: Any, live: list[tuple[frozenset[int], int, int]]) -> tuple[list[tuple[frozenset[int], int, int]], str | None]:
        """``live``: the repeats that may still be consuming at this point: (their characters, how many
        lengths they can take, 0 for an unbounded one; a serial number)."""
        for op, arg in items:
            one = _charset_of(op, arg, parser)
            if one is not None:  # a character every match has: repeats it cannot belong to end here
                live = [e for e in live if e[0] & one]
            elif op in repeats:
                low, high, sub = arg
                if (high == parser.MAXREPEAT or high - low > AMBIGUOUS_REPEAT) and ambiguous_branch(sub):
                    # exponential even when bounded: (?:[0-9]|[^z]){1,64} took 21 s on 26 digits (fourth review, break 11)
                    return live, 'repeats alternatives that can start with the same character'
                if high == parser.MAXREPEAT or high - low > unbounded:
                    mine = chars(sub)
                    if any(s & mine for s, ways, _ in live if not ways):
                        return live, 'has two unbounded repeats that can match the same characters in a row'
                    live = live + [(mine, 0, next(serial))]
                    continue
                after, why = walk(sub, live)
                if why:
                    return live, why
                live = after if low > 0 else live + [e for e in after if e not in live]
                if high > low:  # a variable-length item: with the bounded ones before it that can match the same
                    # characters, each way to split the text between them is tried (\w? 22 times then \w{22}z:
                    # 2^22 ways, 17 s on 60 characters; fifth hostile review, break 04)
                    mine = chars(sub)
                    row = [ways for s, ways, _ in live if ways and s & mine]
                    total = high - low + 1
                    for ways in row:
                        total *= ways
                    if len(row) >= AMBIGUOUS_REPEAT or total > SPLIT_WAYS:
                        return live, 'has a run of optional or variable-length items that can match the same characters'
                    live = live + [(mine, high - low + 1, next(serial))]
            elif op is parser.SUBPATTERN:
                live, why = walk(arg[-1], live)
                if why:
                    return live, why
            elif op is parser.BRANCH:
                merged: list[tuple[frozenset[int], int, int]] = []
                for b in arg[1]:
                    after, why = walk(b, live)
                    if why:
                        return live, why
                    merged += [e for e in after if e not in merged]
                live = merged
            elif op in (parser.ASSERT, parser.ASSERT_NOT):
                _, why = walk(arg[1], [])
                if why:
                    return live, why
        return live, None

    return walk(tree, [])[1]


def _check_custom_rule(rule: Rule, where: str) -> None:
    """A custom rule runs in Python's backtracking engine: refuse what could make it slow."""
    hint = 'rewrite it with bounded repeats ({0,40}) or character classes that exclude what follows (e.g. \\w+=\\w+, not \\w+\\w+)'
    for what, pattern in [('pattern', rule.pattern), *((f'allow[{i}]', a) for i, a in enumerate(rule.allow))]:
        why = backtracking_risk(pattern)
        if why is not None and why.startswith('uses '):
            raise FatalError(f'{where}: {_shown(rule.id)}: {what} {why}: it could take polynomial time on hostile input; '
                             'write the secret\'s shape without it')
        if why is not None:
            raise FatalError(f'{where}: {_shown(rule.id)}: {what} {why}: it could take exponential or polynomial time on hostile input; {hint}')
    if rule.max_length > CUSTOM_MAX_LENGTH:
        raise FatalError(f'{where}: {_shown(rule.id)}: max_length: at most {CUSTOM_MAX_LENGTH} for a rule from configuration')
    from leakstop.files import glob_cost_error
    for i, glob in enumerate(rule.paths):
        cost = glob_cost_error(glob)
        if cost is not None:
            raise FatalError(f'{where}: {_shown(rule.id)}: paths[{i}]: {cost}')


def _rule_id_shape(name: str) -> bool:
    from leakstop.rules import ID_RE
    return ID_RE.match(name) is not None


def _names_shown_safely(rtable: Mapping[str, Any], where: str) -> None:
    """Refuse, with the value redacted, what the rules' own checks would quote whole: a token
    pasted as a custom rule's id, as a key, as its validator or secret group."""
    from leakstop.rules import ID_RE, _OPTIONAL, _REQUIRED
    unknown = sorted(set(rtable) - set(_REQUIRED) - set(_OPTIONAL))
    if unknown:
        raise FatalError(f'{where}: unknown key {_shown(unknown[0])!r}')
    rule_id = rtable.get('id')
    if isinstance(rule_id, str) and not ID_RE.match(rule_id):
        raise FatalError(f'{where}: id {_shown(rule_id)!r}: use lowercase letters, digits and dashes')
    for key in ('secret_group', 'validator'):
        value = rtable.get(key)
        if isinstance(value, str) and _shown(value) != value:
            raise FatalError(f'{where}: {key}: {_shown(value)!r}: expected a name')


def _enable_only(table: Mapping[str, Any], where: str) -> frozenset[str] | None:
    if 'enable_only' not in table:
        return None
    ids = _str_list(table, 'enable_only', where)
    if not ids:
        raise FatalError(f'{where}.enable_only: empty: it would turn every rule off (remove the key to run every rule)')
    return frozenset(ids)


def with_rule_selection(config: Config, *, disable: Sequence[str] = (), enable_only: Sequence[str] = ()) -> Config:
    """``config`` with the command line's rule selection: ``--disable-rule`` adds to ``disable``,
    ``--enable-only`` replaces ``enable_only``."""
    allowlist = config.allowlist
    only = frozenset(enable_only) if enable_only else allowlist.enabled_only
    return config._replace(allowlist=allowlist._replace(disabled=allowlist.disabled | frozenset(disable), enabled_only=only))


def config_from_table(table: Mapping[str, Any], where: str, source: str | None, *, checked: bool = False) -> Config:
    """Validate the settings table; ``where`` is its location for errors (``pyproject.toml: tool.leakstop``).

    ``checked``: the table was validated when its file was first read (it comes from the cache, which
    holds only settings that passed): the custom rules' backtracking analysis is not run again (it
    cost 4 ms a rule at every start)."""
    unknown = sorted(set(table) - set(KEYS))
    if unknown:
        raise FatalError(f'{where}: unknown key {_shown(unknown[0])!r} (known: {", ".join(sorted(KEYS))})')
    baseline = _expect(table.get('baseline', DEFAULT_BASELINE), str, f'{where}.baseline', 'a path')
    if not baseline or '\0' in baseline:  # no file has such a name (os.open raises ValueError)
        raise FatalError(f'{where}.baseline: expected a path (not empty, no NUL byte)')

    allow = _expect(table.get('allowlist', {}), dict, f'{where}.allowlist', 'a table')
    awhere = f'{where}.allowlist'
    unknown = sorted(set(allow) - {'paths', 'values', 'stopwords', 'rules'})
    if unknown:
        raise FatalError(f'{awhere}: unknown key {_shown(unknown[0])!r} (known: paths, values, stopwords, rules)')
    per_rule_values, per_rule_paths = {}, {}
    for rule_id, rtable in _expect(allow.get('rules', {}), dict, f'{awhere}.rules', 'a table').items():
        rwhere = f'{awhere}.rules.{_shown(rule_id)}'
        if not _rule_id_shape(rule_id):
            raise FatalError(f'{rwhere}: not a rule id (lowercase letters, digits and dashes)')
        _expect(rtable, dict, rwhere, 'a table')
        unknown = sorted(set(rtable) - {'paths', 'values'})
        if unknown:
            raise FatalError(f'{rwhere}: unknown key {_shown(unknown[0])!r} (known: paths, values)')
        per_rule_values[rule_id] = _regexes(rtable, 'values', rwhere, checked=checked)
        if not checked:
            _broad_allowing(per_rule_values[rule_id], (), rwhere)
        paths = _globs(rtable, 'paths', rwhere, checked=checked)
        if paths is not None:
            per_rule_paths[rule_id] = paths

    custom = []
    for i, rtable in enumerate(_expect(table.get('rules', []), list, f'{where}.rules', 'an array of tables')):
        _expect(rtable, dict, f'{where}.rules[{i}]', 'a table')
        _names_shown_safely(rtable, f'{where}.rules[{i}]')
        rule = rule_from_table(rtable, f'{where}.rules[{i}]', require_examples=False, checked=checked)
        if not checked:
            _check_custom_rule(rule, f'{where}.rules[{i}]')
        custom.append(rule)

    values = _regexes(allow, 'values', awhere, checked=checked)
    stopwords = _stopwords(allow, 'stopwords', awhere, checked=checked)
    if not checked:  # judged together, as path globs are: each alone passed three fixed probes (eighth hostile review, break 01)
        _broad_allowing(values, stopwords, awhere)
        for rule_id, rule_values in per_rule_values.items():
            if rule_values:  # what a rule's secrets pass: its own values, the settings' values and stopwords
                _broad_allowing([*rule_values, *values], stopwords, f'{awhere}.rules.{_shown(rule_id)}',
                                others=' with [allowlist] values and stopwords')
    allowlist = Allowlist(
        builtin=BuiltinAllowlist.load(),
        paths=_globs(allow, 'paths', awhere, checked=checked),
        values=values,
        stopwords=stopwords,
        disabled=frozenset(_str_list(table, 'disable', where)),
        enabled_only=_enable_only(table, where),
        per_rule_values=per_rule_values,
        per_rule_paths=per_rule_paths,
    )
    return Config(source=source, baseline=baseline, allowlist=allowlist, custom_rules=tuple(custom))


def _settings_only(table: Any) -> Any:
    """The settings of a table: values of unknown keys dropped (their names kept for the error)."""
    return {k: v if k in KEYS else None for k, v in table.items()} if isinstance(table, dict) else table


def _leakstop_table(doc: dict[str, Any]) -> dict[str, Any]:
    """``{'tool': {'leakstop': ...}}`` of a parsed pyproject.toml ({} without one)."""
    tool = doc.get('tool')
    return {'tool': {'leakstop': _settings_only(tool['leakstop'])}} if isinstance(tool, dict) and 'leakstop' in tool else {}


def _read_toml(path: str, *, pyproject: bool = False, validate: Callable[[dict[str, Any]], object] | None = None) -> dict[str, Any]:
    """A settings file parsed, from the cache while it is unchanged. Only the settings are kept
    (and cached): the rest of a pyproject.toml, or a file passed to --config by mistake (a .env),
    may hold credentials. ``validate`` runs before anything is cached: settings that are refused
    (a token pasted as a key, an unknown sub-key) never reach the cache."""
    keep = _leakstop_table if pyproject else _settings_only

    def parse() -> dict[str, Any]:
        doc = keep(load_toml(path))
        if validate is not None:
            validate(doc)
        return doc
    try:
        return cached('pyproject' if pyproject else 'config', file_signature(path), parse,
                      valid=lambda v: isinstance(v, dict), directory=cache_dir())
    except OSError as e:
        raise FatalError(f'{path}: cannot read: {e.strerror}') from None
    except UnicodeDecodeError:
        raise FatalError(f'{path}: invalid TOML: not UTF-8') from None
    except toml_error() as e:
        raise FatalError(f'{path}: invalid TOML: {e}') from None
    except RecursionError:
        raise FatalError(f'{path}: invalid TOML: nested too deeply') from None


def _mentions_leakstop(path: str) -> bool:
    """Cheap check before parsing a pyproject.toml that most likely has no [tool.leakstop]."""
    try:
        return b'leakstop' in read_own_file(path)
    except OSError:
        return True  # let _read_toml report it


_IN_USE: list[Config] = []  # the settings load_config returned last (custom_rules_in_use)


def load_config(path: str | None = None, *, directory: str = '.') -> Config:
    """Settings from ``path``, else the first of ``.leakstop.toml`` / ``pyproject.toml`` in ``directory``.
    What the process shows is redacted with their custom rules too (``custom_rules_in_use``)."""
    _IN_USE.clear()
    config = _load_config(path, directory)
    _IN_USE.append(config)
    return config


def _load_config(path: str | None, directory: str) -> Config:
    if path is None:
        for name in CONFIG_NAMES:
            candidate = os.path.join(directory, name)
            if os.path.lexists(candidate):  # a link to a device or a FIFO is an error, not no settings
                if name == 'pyproject.toml' and not _mentions_leakstop(candidate):
                    continue
                config = _config_of(candidate, name)
                if config is not None:
                    return config
        return config_from_table({}, '(defaults)', None)
    config = _config_of(path, path, explicit=True)
    assert config is not None
    return config


def custom_rules_in_use(path: str | None = None, *, reload: bool = False) -> tuple[Rule, ...]:
    """The custom rules of the settings in use, which output and errors redact with as well as with the shipped
    rules (seventh hostile review, breaks 01 and 02: a custom rule's token in a path or an argument was printed
    whole): those ``load_config`` returned last; before any (a usage error, found while the arguments are
    parsed), or with ``reload``, those of ``path`` (``--config``) or of the default settings file, if they load."""
    if reload:
        _IN_USE.clear()
    if not _IN_USE:
        try:
            load_config(path)
        except (FatalError, OSError, ValueError):
            return ()
    return _IN_USE[0].custom_rules


def _config_of(path: str, shown: str, *, explicit: bool = False) -> Config | None:
    """The settings in ``path`` (``shown`` in errors); None for a pyproject.toml without them
    (unless ``explicit``: then its defaults)."""
    pyproject = os.path.basename(path) == 'pyproject.toml'
    where = f'{shown}: tool.leakstop' if pyproject else shown
    configs: list[Config] = []

    def table_of(doc: dict[str, Any]) -> Any:
        if not pyproject:
            return doc
        table = doc.get('tool', {}).get('leakstop')
        return {} if table is None and explicit else table

    def validate(doc: dict[str, Any]) -> None:
        table = table_of(doc)
        if table is not None:
            configs.append(config_from_table(_expect(table, dict, where, 'a table'), where, path))

    doc = _read_toml(path, pyproject=pyproject, validate=validate)
    if configs:  # parsed (and validated) just now
        return configs[0]
    table = table_of(doc)  # from the cache: validated when it was written
    return None if table is None else config_from_table(_expect(table, dict, where, 'a table'), where, path, checked=True)


def with_excluded(config: Config, globs: Sequence[str]) -> Config:
    """``config`` with the paths ``globs`` match (``leakstop scan --exclude GLOB``) skipped as the
    allowlist's ``paths`` are: by every check, in every scope. Globs as in ``[allowlist] paths``
    (gitignore-style, matched against each path as leakstop shows it), refused as there when one
    matches every path: ``--exclude '**'`` scanned nothing and passed (fifth hostile review, break 13)."""
    if not globs:
        return config

    def invalid(i: int, why: str) -> FatalError:
        return FatalError('--exclude: empty glob' if why == 'empty glob' else _without_secrets(f'--exclude {globs[i]!r}: {why}'))
    parts = _glob_parts(globs, invalid)
    old = config.allowlist.paths
    # with the settings' own paths: together they may not skip most paths either
    broad = _broad_glob(parts)
    if broad is None and isinstance(old, LinearPattern):
        hit, total = _share_of_paths('|'.join([*parts, old.source]))
        if hit > BROAD_SHARE * total:
            broad = None, f'together with [allowlist] paths match most paths ({hit} of {total} varied probe paths)'
    if broad is not None:
        index, why = broad
        shown = ' '.join(repr(g) for g in globs) if index is None else repr(globs[index])
        raise FatalError(_without_secrets(
            f'--exclude {shown}: {why}: the scan would read {"nothing" if why == "matches every path" else "little"} '
            f'(name the directories or files to skip, e.g. tests/fixtures/**)',
        ))
    source = '(?:' + '|'.join(parts) + ')\\z'
    pattern = ', '.join(globs)
    if old is not None:
        if isinstance(old, LinearPattern):
            source, pattern = f'(?:{old.source})|{source}', f'{old.pattern}, {pattern}'
        else:  # a compiled ``re`` pattern (a Config built in code)
            source = f'(?:{old.pattern})|{source}'
    paths: Any = LinearPattern(source, pattern)
    return config._replace(allowlist=config.allowlist._replace(paths=paths))


# --- where the settings come from (``leakstop config show``) -----------------------------------

def shadowed_settings(directory: str = '.') -> str | None:
    """When ``.leakstop.toml`` and a ``[tool.leakstop]`` table in ``pyproject.toml`` both exist in
    ``directory``, the pyproject.toml that is ignored (``.leakstop.toml`` wins: ``load_config``); else None."""
    pyproject = os.path.join(directory, 'pyproject.toml')
    if not os.path.lexists(os.path.join(directory, '.leakstop.toml')) or not os.path.isfile(pyproject):
        return None
    if not _mentions_leakstop(pyproject):
        return None
    try:  # not through the cache: only validated settings are cached, and these are not used
        tool = load_toml(pyproject).get('tool')
    except Exception:  # unreadable or invalid: it holds no settings leakstop would read
        return None
    return pyproject if isinstance(tool, dict) and 'leakstop' in tool else None


def origin_of(config: Config, *, explicit: bool) -> str:
    """Where ``config``'s file settings come from, as ``leakstop config show`` names it."""
    if config.source is None:
        return 'default'
    pyproject = os.path.basename(config.source) == 'pyproject.toml'
    if explicit:
        return f'--config {config.source}' + (' [tool.leakstop]' if pyproject else '')
    return 'pyproject.toml [tool.leakstop]' if pyproject else os.path.basename(config.source)


def settings_table(config: Config) -> dict[str, Any]:
    """The settings table ``config`` was read from ({} for the defaults), parsed again (not from
    the cache: only settings that were validated are cached)."""
    if config.source is None:
        return {}
    try:
        doc = load_toml(config.source)
    except Exception:
        raise FatalError(f'{config.source}: cannot read the settings again') from None
    if os.path.basename(config.source) == 'pyproject.toml':
        tool = doc.get('tool')
        table = tool.get('leakstop', {}) if isinstance(tool, dict) else {}
    else:
        table = doc
    return {k: v for k, v in table.items() if k in KEYS} if isinstance(table, dict) else {}

"""Write src/leakstop/rules/providers_a_m.toml and providers_n_z.toml from the table below.

Each provider rule is one line of data: the token's shape (a literal prefix and character classes)
or, for prefixless tokens, the vendor words that must name the value. Examples and negatives are
generated from a per-rule seeded RNG (synthetic, valid in format: never a real credential) in
several layouts (.env, code, YAML, JSON, shell export, header, log line), and checked here with
Python's re before anything is written; the test suite then runs them through the real engine.

Formats come from the vendors' documentation and from the public gitleaks and Betterleaks rule
sets (MIT; formats are facts). Regexes, examples and descriptions are our own.

    python scripts/gen_provider_rules.py              # rewrite both files
    python scripts/gen_provider_rules.py --out DIR    # write them to DIR instead (the tests compare)
"""
from __future__ import annotations

import base64
import os
import random
import re
import sys
import zlib
from typing import Any, Callable

HERE = os.path.dirname(os.path.abspath(__file__))
RULES_DIR = os.path.join(HERE, '..', 'src', 'leakstop', 'rules')

ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'
CLASSES: dict[str, tuple[str, str]] = {  # key: (regex class, alphabet)
    'A': ('[A-Za-z0-9]', ALNUM),
    'h': ('[a-f0-9]', '0123456789abcdef'),
    'H': ('[A-F0-9]', '0123456789ABCDEF'),
    'l': ('[a-z0-9]', 'abcdefghijklmnopqrstuvwxyz0123456789'),
    'U': ('[A-Z0-9]', 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'),
    'L': ('[a-z]', 'abcdefghijklmnopqrstuvwxyz'),
    'w': ('[A-Za-z0-9_-]', ALNUM + '_-'),
    'b': ('[A-Za-z0-9+/]', ALNUM + '+/'),
    'd': ('[0-9]', '0123456789'),
    'z': ('[a-z2-7]', 'abcdefghijklmnopqrstuvwxyz234567'),
}
# a character outside each class, for "wrong alphabet" negatives
OUTSIDE = {'A': '.', 'h': 'q', 'H': 'q', 'l': 'Q', 'U': 'q', 'L': '7', 'w': '.', 'b': '.', 'd': 'k', 'z': '9'}
UUID = ['h8', '-', 'h4', '-', 'h4', '-', 'h4', '-', 'h12']


def parse_parts(parts: list[Any]) -> list[Any]:
    """'h32' -> ('h', 32, 32); 'A20-40' -> ('A', 20, 40); ('lit',) or other strings stay literals."""
    out: list[Any] = []
    for p in parts:
        if isinstance(p, list):
            out.extend(parse_parts(p))
            continue
        m = re.fullmatch(r'([AhHlULwbdz])(\d+)(?:-(\d+))?', p) if isinstance(p, str) and not p.startswith('=') else None
        if m:
            lo = int(m.group(2))
            out.append((m.group(1), lo, int(m.group(3) or lo)))
        else:
            out.append(p[1:] if p.startswith('=') else p)  # '=abc' forces a literal that looks like a class
    return out


def parts_regex(parts: list[Any]) -> str:
    rx = ''
    for p in parts:
        if isinstance(p, tuple):
            cls, lo, hi = p
            rx += CLASSES[cls][0] + (f'{{{lo}}}' if lo == hi else f'{{{lo},{hi}}}')
        else:
            rx += re.sub(r'([.^$*+?{}\[\]\\|()])', r'\\\1', p)  # '-', '_', ':', '~' stay as they are
    return rx


def gen_parts(parts: list[Any], rng: random.Random, *, short: bool = False) -> str:
    s = ''
    shortened = False
    for p in parts:
        if isinstance(p, tuple):
            cls, lo, hi = p
            n = rng.randint(lo, hi)
            if short and not shortened and lo > 3:
                n, shortened = lo - 3, True
            s += ''.join(rng.choice(CLASSES[cls][1]) for _ in range(n))
        else:
            s += p
    return s


def wrong_alphabet(parts: list[Any], rng: random.Random) -> str:
    """A value whose longest random part has one character outside its class."""
    idx = max((i for i, p in enumerate(parts) if isinstance(p, tuple)), key=lambda i: parts[i][1])
    s = ''
    for i, p in enumerate(parts):
        if isinstance(p, tuple):
            cls, lo, hi = p
            body = ''.join(rng.choice(CLASSES[cls][1]) for _ in range(rng.randint(lo, hi)))
            if i == idx:
                mid = min(len(body), lo) // 2
                body = body[:mid] + OUTSIDE[cls] + body[mid + 1:]
            s += body
        else:
            s += p
    return s


def classes_of(parts: list[Any]) -> str:
    chars = set()
    for p in parts:
        if isinstance(p, tuple):
            chars |= set(CLASSES[p[0]][1])
    extra = ''.join(sorted(c for c in chars - set(ALNUM + '_')))
    return '[A-Za-z0-9_' + ''.join('\\' + c if c in '-/+' else c for c in extra) + ']'


def camel(var: str) -> str:
    words = var.lower().split('_')
    return words[0] + ''.join(w.capitalize() for w in words[1:])


PREFIXED_LAYOUTS: list[Callable[[str, str, str], str]] = [
    lambda var, s, host: f'{var}={s}',
    lambda var, s, host: f'{var.lower()} = "{s}"',
    lambda var, s, host: f'  {var.lower()}: {s}',
    lambda var, s, host: f'{{"{camel(var)}": "{s}", "timeout": 30}}',
    lambda var, s, host: f"export {var}='{s}'",
    lambda var, s, host: f'curl -s https://{host}/ -H "Authorization: Bearer {s}"',
    lambda var, s, host: f'2025-03-14T09:26:53Z DEBUG http: configured client for {host} with credential {s}',
    lambda var, s, host: f"const {camel(var)} = '{s}';",
    lambda var, s, host: f'ENV {var}={s}',
    lambda var, s, host: f'        - name: {var}\n          value: "{s}"',
]
CONTEXT_LAYOUTS: list[Callable[[str, str, str], str]] = [
    lambda var, s, host: f'{var}={s}',
    lambda var, s, host: f'  {var.lower()}: "{s}"',
    lambda var, s, host: f'{{"{camel(var)}": "{s}"}}',
    lambda var, s, host: f'export {var}="{s}"',
    lambda var, s, host: f"{var.lower()} = '{s}'",
    lambda var, s, host: f'const {camel(var)} = "{s}";',
    lambda var, s, host: f'ENV {var}={s}',
    lambda var, s, host: f'<{camel(var)[0].upper() + camel(var)[1:]}>{s}</{camel(var)[0].upper() + camel(var)[1:]}>',
]

RULES: list[dict[str, Any]] = []


def P(rid: str, provider: str, desc: str, revoke: str, parts: list[Any], *, var: str, cat: str,
      host: str = '', entropy: float | None = None, validator: str | None = None, severity: str = 'high',
      keywords: list[str] | None = None, alts: list[list[Any]] | None = None, lead: str = '',
      secret_fn: Callable[[random.Random], str] | None = None, examples_extra: list[str] | None = None,
      negatives_extra: list[str] | None = None, boundary: str | None = None) -> None:
    """A token recognisable by itself: a literal prefix and a body of known shape."""
    RULES.append(dict(kind='prefixed', id=rid, provider=provider, desc=desc, revoke=revoke,
                      parts=parse_parts(parts), alts=[parse_parts(a) for a in alts or []], var=var, cat=cat,
                      host=host or f'api.{provider.lower().replace(" ", "").replace(".", "")}.com',
                      entropy=entropy, validator=validator, severity=severity, keywords=keywords,
                      lead=lead, secret_fn=secret_fn, examples_extra=examples_extra or [],
                      negatives_extra=negatives_extra or [], boundary=boundary))


def C(rid: str, provider: str, desc: str, revoke: str, parts: list[Any], *, vendors: list[str], cat: str,
      keys: str = r'(?:api[_.-]?)?(?:key|token|secret)', var: str, var2: str | None = None,
      entropy: float | None = None, validator: str | None = None, severity: str = 'high',
      examples_extra: list[str] | None = None, negatives_extra: list[str] | None = None,
      secret_fn: Callable[[random.Random], str] | None = None, boundary: str | None = None) -> None:
    """A prefixless token: a value of this shape assigned to a name containing a vendor word."""
    RULES.append(dict(kind='context', id=rid, provider=provider, desc=desc, revoke=revoke,
                      parts=parse_parts(parts), vendors=vendors, keys=keys, var=var, var2=var2, cat=cat,
                      entropy=entropy, validator=validator, severity=severity, secret_fn=secret_fn, boundary=boundary,
                      examples_extra=examples_extra or [], negatives_extra=negatives_extra or []))


def X(rid: str, provider: str, desc: str, revoke: str, pattern: str, *, keywords: list[str], cat: str,
      examples: list[str], negatives: list[str], max_length: int, entropy: float | None = None,
      validator: str | None = None, severity: str = 'high', context: bool = False) -> None:
    """A rule whose pattern and examples are written by hand (connection strings, URLs, files)."""
    RULES.append(dict(kind='raw', id=rid, provider=provider, desc=desc, revoke=revoke, pattern=pattern,
                      keywords=keywords, cat=cat, examples=examples, negatives=negatives, max_length=max_length,
                      entropy=entropy, validator=validator, severity=severity, context=context))


def build_raw(r: dict[str, Any]) -> dict[str, Any]:
    tags = [r['cat'], slug(r['provider'])] + (['context'] if r['context'] else [])
    return dict(pattern=r['pattern'], keywords=r['keywords'], examples=r['examples'], negatives=r['negatives'],
                entropy=r['entropy'], max_length=r['max_length'], tags=tags)


def literal_prefix(parts: list[Any]) -> str:
    out = ''
    for p in parts:
        if isinstance(p, tuple):
            break
        out += p
    return out


def default_entropy(parts: list[Any]) -> float | None:
    n = sum(p[1] for p in parts if isinstance(p, tuple))
    if n >= 32:
        return 3.0
    if n >= 16:
        return 2.8
    return None


def short_prefix_word_body(parts: list[Any]) -> bool:
    """A prefix of at most 8 characters before a body that letters alone could fill (at most 48 long):
    ``ptr_`` or ``private_`` then a long identifier is code, not a token."""
    body = [p for p in parts if isinstance(p, tuple)]
    return (len(literal_prefix(parts)) <= 8 and all(p[0] in 'AlULwb' for p in body)
            and sum(p[2] for p in body) <= 48)


def build_prefixed(r: dict[str, Any]) -> dict[str, Any]:
    rng = random.Random('leakstop-providers:' + r['id'])
    variants = [r['parts']] + r['alts']
    body = '|'.join(parts_regex(v) for v in variants)
    if len(variants) > 1:
        body = f'(?:{body})'
    first = r['parts'][0] if isinstance(r['parts'][0], str) else ''
    lead = r['lead'] or ('(?<![A-Za-z0-9_-])' if first[:1].isalnum() or first[:1] in '_' else '(?<![A-Za-z0-9_])')
    boundary = r['boundary'] or f'(?!{classes_of([p for v in variants for p in v])})'
    pattern = f'{lead}(?P<secret>{body}){boundary}'
    keywords = r['keywords'] or sorted({literal_prefix(v) for v in variants if literal_prefix(v)})
    if not keywords or any(len(k) < 2 for k in keywords):
        raise SystemExit(f'{r["id"]}: needs keywords')
    if r['validator'] is None and short_prefix_word_body(r['parts']):
        r['validator'] = 'letters_and_digits'  # rnd_ + 28 letters could be an identifier; a token has digits
    validator = VALIDATORS.get(r['validator']) if r['validator'] else None
    entropy = r['entropy'] if r['entropy'] is not None else default_entropy(r['parts'])

    def secret(v: list[Any]) -> str:
        for _ in range(1000):
            s = r['secret_fn'](rng) if r['secret_fn'] else gen_parts(v, rng)
            if (validator is None or validator(s)) and not PLACEHOLDERISH.search(s) and shannon_entropy(s) >= (entropy or 0) + 0.3:
                return s
        raise SystemExit(f'{r["id"]}: cannot generate a valid secret')

    offset = zlib.crc32(r['id'].encode()) % len(PREFIXED_LAYOUTS)
    examples = []
    for k in range(3):
        v = variants[k % len(variants)]
        layout = PREFIXED_LAYOUTS[(offset + k * 3) % len(PREFIXED_LAYOUTS)]
        examples.append(layout(r['var'], secret(v), r['host']))
    examples += r['examples_extra']
    good = secret(r['parts'])
    short = gen_parts(r['parts'], rng, short=True)
    negatives = [
        f'{r["var"]}={short}',
        f'{r["var"].lower()} = "{wrong_alphabet(r["parts"], rng)}"',
        f'{r["var"]}={literal_prefix(r["parts"])}{"x" * max(8, len(good) - len(literal_prefix(r["parts"])))}',
        f'{r["var"]}=<your-{r["provider"].lower().replace(" ", "-")}-key>',
    ] + r['negatives_extra']
    entropy = r['entropy'] if r['entropy'] is not None else default_entropy(r['parts'])
    max_len = max(len(parts_max(v)) for v in variants)
    return dict(pattern=pattern, keywords=keywords, examples=examples, negatives=negatives,
                entropy=entropy, max_length=max_len, tags=[r['cat'], slug(r['provider'])])


def parts_max(parts: list[Any]) -> str:
    return ''.join('x' * p[2] if isinstance(p, tuple) else p for p in parts)


def slug(provider: str) -> str:
    return re.sub(r'[^a-z0-9]+', '-', provider.lower()).strip('-')


PLACEHOLDERISH = re.compile(  # the shapes of leakstop/data/allowlist.toml's placeholders, and a margin
    r'xxxx|todo|fixme|(.)\1{5,}|example|sample|dummy|lorem|redacted|placeholder|\.\.\.|\*\*\*|your[-_ ]'
    r'|fake[-_ ]?(?:key|token|secret|password)|not[-_ ]?a[-_ ]?real|change[-_ ]?(?:me|it|this)|[-_ ]here$', re.I)


def build_context(r: dict[str, Any]) -> dict[str, Any]:
    rng = random.Random('leakstop-providers:' + r['id'])
    vendors = '|'.join(re.escape(v).replace('\\ ', ' ') for v in r['vendors'])
    shape = parts_regex(r['parts'])
    body = [p for p in r['parts'] if isinstance(p, tuple)]
    if r['validator'] is None and all(p[0] in 'AlULwb' for p in body):
        r['validator'] = 'letters_and_digits'  # a value letters alone could fill may be a word or an identifier
    boundary = r['boundary'] or f'(?!{classes_of(r["parts"])})'
    pattern = (f'(?<![A-Za-z0-9])(?i:{vendors})[\\w.-]{{0,24}}?(?i:{r["keys"]})'
               f'(?:["\'`]?\\s{{0,3}}(?::=|=>|[:=>])\\s{{0,3}}["\'`]?|\\s{{1,3}}["\'`])(?P<secret>{shape}){boundary}')
    validator = VALIDATORS.get(r['validator']) if r['validator'] else None
    entropy = r['entropy'] if r['entropy'] is not None else default_entropy(r['parts'])

    def secret() -> str:
        for _ in range(1000):
            s = r['secret_fn'](rng) if r['secret_fn'] else gen_parts(r['parts'], rng)
            if (validator is None or validator(s)) and not PLACEHOLDERISH.search(s) and shannon_entropy(s) >= (entropy or 0) + 0.3:
                return s
        raise SystemExit(f'{r["id"]}: cannot generate a valid secret')

    offset = zlib.crc32(r['id'].encode()) % len(CONTEXT_LAYOUTS)
    rx = re.compile(pattern)
    examples: list[str] = []
    for k in range(len(CONTEXT_LAYOUTS)):  # three layouts in which the variable name still names the vendor
        var = r['var2'] if len(examples) == 2 and r['var2'] else r['var']
        example = CONTEXT_LAYOUTS[(offset + k * 3) % len(CONTEXT_LAYOUTS)](var, secret(), '')
        if rx.search(example) and any(v.lower() in example.lower() for v in r['vendors']):
            examples.append(example)
        if len(examples) == 3:
            break
    examples += r['examples_extra']
    short = gen_parts(r['parts'], rng, short=True)
    negatives = [
        f'CACHE_KEY={secret()}',
        f'{r["var"]}={short}',
        f'{r["var"].lower()} = "{wrong_alphabet(r["parts"], rng)}"',
        f'{r["var"]}=${{{r["var"]}}}',
    ] + r['negatives_extra']
    entropy = r['entropy'] if r['entropy'] is not None else default_entropy(r['parts'])
    longest_vendor = max(len(v) for v in r['vendors'])
    max_len = longest_vendor + 24 + 24 + 12 + len(parts_max(r['parts']))
    return dict(pattern=pattern, keywords=[v.lower() for v in r['vendors']], examples=examples,
                negatives=negatives, entropy=entropy, max_length=max_len,
                tags=[r['cat'], slug(r['provider']), 'context'])


def toml_str(s: str) -> str:
    if "'''" not in s and '\n' not in s and "'" not in s:
        return f"'{s}'"
    return '"' + s.replace('\\', '\\\\').replace('"', '\\"').replace('\n', '\\n') + '"'


def render(r: dict[str, Any], b: dict[str, Any]) -> str:
    lines = ['[[rules]]', f'id = "{r["id"]}"', f'description = {toml_str(r["desc"])}',
             f"pattern = '''{b['pattern']}'''"]
    if r['validator']:
        lines.append(f'validator = "{r["validator"]}"')
    if b['entropy'] is not None:
        lines.append(f'min_entropy = {b["entropy"]}')
    lines.append(f'max_length = {b["max_length"]}')
    lines.append('keywords = [' + ', '.join(toml_str(k) for k in b['keywords']) + ']')
    lines.append(f'severity = "{r["severity"]}"')
    lines.append('tags = [' + ', '.join(f'"{t}"' for t in b['tags']) + ']')
    lines.append(f'provider = {toml_str(r["provider"])}')
    lines.append(f'revoke = {toml_str(r["revoke"])}')
    lines.append('examples = [')
    lines += [f'    {toml_str(e)},' for e in b['examples']]
    lines.append(']')
    lines.append('negatives = [')
    lines += [f'    {toml_str(n)},' for n in b['negatives']]
    lines.append(']')
    return '\n'.join(lines) + '\n'


def check(r: dict[str, Any], b: dict[str, Any]) -> None:
    rx = re.compile(b['pattern'])
    if len(b['examples']) < 2 or len(b['negatives']) < 2:
        raise SystemExit(f'{r["id"]}: needs two examples and two negatives')
    for e in b['examples']:
        m = rx.search(e)
        if not m:
            raise SystemExit(f'{r["id"]}: example does not match: {e[:60]}')
        if not any(k.lower() in e.lower() for k in b['keywords']):
            raise SystemExit(f'{r["id"]}: example has no keyword: {e[:60]}')
    for n in b['negatives']:
        m = rx.search(n)
        if m and r['validator'] and not VALIDATORS[r['validator']](m.group('secret')):
            continue
        if m and b['entropy'] and shannon_entropy(m.group('secret')) < b['entropy']:
            continue
        if m and not re.search(r'xxxx|<[^<>]*>|\$\{|000000', n):
            raise SystemExit(f'{r["id"]}: negative matches: {n[:60]}')


# --- validators the rules name (mirrors of leakstop.validators, for generation) -----------------
sys.path.insert(0, os.path.join(HERE, '..', 'src'))
from leakstop.validators import VALIDATORS, shannon_entropy  # noqa: E402

from provider_table import define  # noqa: E402


HEADER = """# Provider rules, {span}: one vendor credential per rule, with the vendor's page for revoking it.
# Generated by scripts/gen_provider_rules.py (the table is scripts/provider_table.py): edit the table
# and run the script, not this file. Every example secret below is synthetic (seeded random,
# format-valid); none is real. Rules tagged "context" recognise a prefixless value by the vendor's
# name in the key it is assigned to.

"""


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    out_dir = argv[argv.index('--out') + 1] if '--out' in argv else RULES_DIR
    define(P, C, X, UUID)
    ids = set()
    files: dict[str, list[str]] = {'a_m': [], 'n_z': []}
    for r in sorted(RULES, key=lambda r: (r['provider'].lower(), r['id'])):
        if r['id'] in ids:
            raise SystemExit(f'{r["id"]}: duplicate id')
        ids.add(r['id'])
        b = {'prefixed': build_prefixed, 'context': build_context, 'raw': build_raw}[r['kind']](r)
        check(r, b)
        first = r['provider'][0].lower()
        files['a_m' if first <= 'm' else 'n_z'].append(render(r, b))
    for name, chunks in files.items():
        span = 'providers A to M' if name == 'a_m' else 'providers N to Z'
        with open(os.path.join(out_dir, f'providers_{name}.toml'), 'w') as f:
            f.write(HEADER.format(span=span) + '\n'.join(chunks))
    print(f'{len(RULES)} rules, {len({r["provider"] for r in RULES})} providers')
    return 0


if __name__ == '__main__':
    raise SystemExit(main())

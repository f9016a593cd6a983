"""A small evaluator for the Go expressions gitleaks-style rule files build their test cases with.

gitleaks (and its fork Betterleaks) keep each rule's examples next to the rule, in Go:

    tps := utils.GenerateSampleSecrets("github", "ghp_"+secrets.NewSecret(utils.AlphaNumeric("36")))
    tps = append(tps, `literal`, utils.GenerateSampleSecret("x", "..."))
    fps := []string{"ghp_xxxx..."}
    return utils.Validate(r, tps, fps)

This module tokenizes a rule file, finds each function, runs the statements of its body that
assign strings and lists of strings (string literals, ``+``, ``[]string{}``, ``map[string]string{}``,
``append``, ``for ... range``, package-level ``const``/``var``) and the helpers of
``cmd/generate/config/utils`` and ``cmd/generate/secrets`` re-implemented in Python, and returns the
arguments of the final ``utils.Validate(r, tps, fps)``. Anything it cannot evaluate raises
``Unsupported``; the caller skips that statement and counts it.

``secrets.NewSecret(regex)`` draws a random string matching the regex (like lucasjones/reggen, which
gitleaks uses: an unbounded repeat draws at most one more than its minimum) from a seeded
``random.Random``, so the output is the same on every run. Standard library only.
"""
from __future__ import annotations

import base64
import dataclasses
import math
import random
import re
import string
from typing import Any, Callable

try:  # Python 3.11+
    from re import _constants as sre_c, _parser as sre_parse  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover
    import sre_constants as sre_c  # type: ignore[no-redef]
    import sre_parse  # type: ignore[no-redef]


class Unsupported(Exception):
    pass


# ---------------------------------------------------------------------------- values


@dataclasses.dataclass(frozen=True)
class Case:
    """One test case: the text, the secret in it when known, and its layout when known."""
    text: str
    secret: str | None = None
    layout: str | None = None


# ---------------------------------------------------------------------------- tokens


@dataclasses.dataclass(frozen=True)
class Tok:
    kind: str  # ident, str, char, num, op, ';'
    value: str
    line: int


_OPS = ('...', ':=', '==', '!=', '<=', '>=', '&&', '||', '+=', '-=', '++', '--', '<-', '<<', '>>')


def _unquote(body: str) -> str:
    """An interpreted Go string literal's body (between the quotes) -> its value."""
    out, i = [], 0
    simple = {'n': '\n', 't': '\t', 'r': '\r', '\\': '\\', '"': '"', "'": "'", 'a': '\a', 'b': '\b',
              'f': '\f', 'v': '\v'}
    raw = bytearray()

    def flush() -> None:
        if raw:
            out.append(raw.decode('utf-8', 'replace'))
            raw.clear()

    while i < len(body):
        c = body[i]
        if c != '\\':
            flush()
            out.append(c)
            i += 1
            continue
        e = body[i + 1]
        if e in simple:
            flush()
            out.append(simple[e])
            i += 2
        elif e == 'x':
            raw.append(int(body[i + 2:i + 4], 16))
            i += 4
        elif e in '01234567':
            raw.append(int(body[i + 1:i + 4], 8))
            i += 4
        elif e == 'u':
            flush()
            out.append(chr(int(body[i + 2:i + 6], 16)))
            i += 6
        elif e == 'U':
            flush()
            out.append(chr(int(body[i + 2:i + 10], 16)))
            i += 10
        else:
            raise Unsupported(f'escape \\{e}')
    flush()
    return ''.join(out)


def tokenize(src: str) -> list[Tok]:
    toks: list[Tok] = []
    i, line, n = 0, 1, len(src)

    def semicolon() -> None:  # Go's automatic semicolon insertion at a newline
        if toks and (toks[-1].kind in ('ident', 'str', 'char', 'num')
                     or toks[-1].value in (')', ']', '}', '++', '--')):
            toks.append(Tok(';', ';', line))

    while i < n:
        c = src[i]
        if c == '\n':
            semicolon()
            line += 1
            i += 1
        elif c in ' \t\r':
            i += 1
        elif src.startswith('//', i):
            j = src.find('\n', i)
            i = n if j < 0 else j
        elif src.startswith('/*', i):
            j = src.index('*/', i + 2)
            if '\n' in src[i:j]:
                semicolon()
            line += src.count('\n', i, j)
            i = j + 2
        elif c == '`':
            j = src.index('`', i + 1)
            toks.append(Tok('str', src[i + 1:j].replace('\r', ''), line))
            line += src.count('\n', i, j)
            i = j + 1
        elif c == '"':
            j = i + 1
            while src[j] != '"':
                j += 2 if src[j] == '\\' else 1
            toks.append(Tok('str', _unquote(src[i + 1:j]), line))
            i = j + 1
        elif c == "'":
            j = i + 1
            while src[j] != "'":
                j += 2 if src[j] == '\\' else 1
            toks.append(Tok('char', _unquote(src[i + 1:j]), line))
            i = j + 1
        elif c.isalpha() or c == '_':
            j = i
            while j < n and (src[j].isalnum() or src[j] == '_'):
                j += 1
            toks.append(Tok('ident', src[i:j], line))
            i = j
        elif c.isdigit():
            m = re.compile(r'0[xX][0-9a-fA-F_]+|[0-9_]+(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?').match(src, i)
            assert m
            toks.append(Tok('num', m.group(), line))
            i = m.end()
        else:
            op = next((o for o in _OPS if src.startswith(o, i)), c)
            toks.append(Tok('op', op, line))
            i += len(op)
    semicolon()
    return toks


# ---------------------------------------------------------------------------- regex -> random string


_ALNUM = string.ascii_letters + string.digits
_PRINTABLE = ''.join(chr(c) for c in range(0x21, 0x7f))
_POSIX = {'alnum': 'a-zA-Z0-9', 'alpha': 'a-zA-Z', 'digit': '0-9', 'lower': 'a-z', 'upper': 'A-Z',
          'xdigit': '0-9a-fA-F', 'word': r'\w', 'space': r'\s', 'punct': r'!-/:-@\[-`{-~'}


def go_to_python_regex(regex: str) -> str:
    regex = regex.replace('(?i)', '').replace('(?-i)', '').replace('(?s)', '').replace('(?m)', '')
    regex = re.sub(r'\(\?[imsU]+:', '(?:', regex)
    regex = re.sub(r'\[:(\w+):\]', lambda m: _POSIX[m.group(1)], regex)
    regex = regex.replace(r'\z', r'\Z').replace(r'\pL', 'a-zA-Z').replace(r'\p{L}', 'a-zA-Z')
    return regex


def _category_chars(cat: Any) -> str:
    name = str(cat).upper()
    if 'NOT_' in name:
        return '!#%&*,.;'
    if 'DIGIT' in name:
        return string.digits
    if 'WORD' in name:
        return _ALNUM + '_'
    if 'SPACE' in name:
        return ' '
    raise Unsupported(f'category {cat}')


def _class_chars(items: list) -> str:
    chars: list[str] = []
    negate = False
    for op, av in items:
        if op is sre_c.NEGATE:
            negate = True
        elif op is sre_c.LITERAL:
            chars.append(chr(av))
        elif op is sre_c.RANGE:
            chars.extend(chr(c) for c in range(av[0], av[1] + 1))
        elif op is sre_c.CATEGORY:
            chars.extend(_category_chars(av))
        else:
            raise Unsupported(f'class item {op}')
    if negate:
        return ''.join(c for c in _ALNUM if c not in chars)
    return ''.join(dict.fromkeys(chars))


def _generate(pattern: Any, rng: random.Random, out: list[str]) -> None:
    for op, av in pattern:
        if op is sre_c.LITERAL:
            out.append(chr(av))
        elif op is sre_c.NOT_LITERAL:
            out.append(rng.choice([c for c in _ALNUM if ord(c) != av]))
        elif op is sre_c.ANY:
            out.append(rng.choice(_ALNUM))
        elif op is sre_c.IN:
            out.append(rng.choice(_class_chars(av)))
        elif op is sre_c.CATEGORY:
            out.append(rng.choice(_category_chars(av)))
        elif op in (sre_c.MAX_REPEAT, sre_c.MIN_REPEAT, getattr(sre_c, 'POSSESSIVE_REPEAT', None)):
            lo, hi, sub = av
            if hi is sre_c.MAXREPEAT:
                hi = lo + 1  # reggen with limit 1: an unbounded repeat adds at most one
            for _ in range(rng.randint(lo, hi)):
                _generate(sub, rng, out)
        elif op is sre_c.SUBPATTERN:
            _generate(av[-1], rng, out)
        elif op is sre_c.BRANCH:
            _generate(rng.choice(av[1]), rng, out)
        elif op in (sre_c.AT, sre_c.ASSERT, sre_c.ASSERT_NOT):
            continue  # anchors, \b and look-arounds produce no text
        else:
            raise Unsupported(f'regex op {op}')


def random_from_regex(regex: str, rng: random.Random) -> str:
    try:
        parsed = sre_parse.parse(go_to_python_regex(regex))
    except Exception as e:  # re.error and friends
        raise Unsupported(f'regex {regex!r}: {e}') from None
    out: list[str] = []
    _generate(parsed, rng, out)
    return ''.join(out)


def shannon_entropy(data: str) -> float:
    if not data:
        return 0.0
    counts: dict[str, int] = {}
    for c in data:
        counts[c] = counts.get(c, 0) + 1
    return -sum(n / len(data) * math.log2(n / len(data)) for n in counts.values())


# ---------------------------------------------------------------------------- GenerateSampleSecrets

# cmd/generate/config/utils/generate.go: the layouts GenerateSampleSecrets expands one secret into
# (the entries not commented out as TODO there), with {i} the identifier, {I} it upper-cased.
SAMPLE_LAYOUTS: dict[str, str] = {
    'ini - quoted1': '{i}Token="{s}"',
    'ini - quoted2': '{i}Token = "{s}"',
    'ini - unquoted1': '{i}Token={s}',
    'ini - unquoted2': '{i}Token = {s}',
    'json - string': '{\n    "{i}_token": "{s}"\n}',
    'json - escaped newline in string': '{"config.ini": "{I}_TOKEN={s}\\nBACKUP_ENABLED=true"}',
    'xml - element multiline': '<{i}Token>\n    {s}\n</{i}Token>',
    'yaml - singleline - unquoted': '{i}_token: {s}',
    'yaml - singleline - single quote': "{i}_token: '{s}'",
    'yaml - singleline - double quote': '{i}_token: "{s}"',
    'C#': 'string {i}Token = "{s}";',
    'go - normal': 'var {i}Token string = "{s}"',
    'go - short': '{i}Token := "{s}"',
    'go - backticks': '{i}Token := `{s}`',
    'java': 'String {i}Token = "{s}";',
    'kotlin - notype': 'var {i}Token = "{s}"',
    'php - string concat': '${i}Token .= "{s}"',
    'python - single quote': "{i}Token = '{s}'",
    'python - double quote': '{i}Token = "{s}"',
    'misc - comma operator': 'System.setProperty("{I}_TOKEN", "{s}")',
    'logstash': '  "{i}Token" => "{s}"',
    'make - recursive assignment': '{i}_TOKEN = "{s}"',
    'make - simple assignment': '{i}_TOKEN := "{s}"',
    'make - shell assignment': '{i}_TOKEN ::= "{s}"',
    'make - evaluated shell assignment': '{i}_TOKEN :::= "{s}"',
    'make - conditional assignment': '{i}_TOKEN ?= "{s}"',
}


def _fill(template: str, identifier: str, secret: str) -> str:
    # one pass, like strings.NewReplacer: a {s} inside the identifier is not replaced again
    return re.sub(r'\{[iIs]\}', lambda m: {'{i}': identifier, '{I}': identifier.upper(), '{s}': secret}[m.group()],
                  template)


def generate_sample_secrets(identifier: str, secret: str) -> list[Case]:
    return [Case(_fill(t, identifier, secret), secret, layout) for layout, t in SAMPLE_LAYOUTS.items()]


def generate_sample_secret(identifier: str, secret: str) -> Case:
    return Case(f'{identifier}_api_token = "{secret}"', secret, 'assignment')


# ---------------------------------------------------------------------------- evaluation


class Scope:
    def __init__(self, parent: Scope | None = None) -> None:
        self.vars: dict[str, Any] = {}
        self.parent = parent

    def get(self, name: str) -> Any:
        s: Scope | None = self
        while s is not None:
            if name in s.vars:
                return s.vars[name]
            s = s.parent
        raise KeyError(name)

    def set(self, name: str, value: Any, *, declare: bool) -> None:
        s: Scope | None = self
        if not declare:
            while s is not None:
                if name in s.vars:
                    s.vars[name] = value
                    return
                s = s.parent
        self.vars[name] = value


def _text(v: Any) -> str:
    if isinstance(v, Case):
        return v.text
    if isinstance(v, str):
        return v
    raise Unsupported(f'not a string: {type(v).__name__}')


@dataclasses.dataclass
class RuleCases:
    function: str
    rule_id: str | None
    tps: list[Case]
    fps: list[Case]
    tps_paths: dict[str, Case]  # ValidateWithPaths: path -> content
    skipped: list[str]  # statements that could not be evaluated (a reason each)


class Package:
    """The rule files of one repository: package-level declarations, then each function."""

    def __init__(self, files: dict[str, str], seed: str) -> None:
        self.seed = seed
        self.toks: dict[str, list[Tok]] = {name: tokenize(src) for name, src in files.items()}
        self.globals_src: dict[str, tuple[list[Tok], int, int]] = {}  # name -> (tokens, start, end) of its expr
        self.globals: dict[str, Any] = {}
        self.functions: dict[str, tuple[str, list[Tok], int, int, list[str]]] = {}
        for name, toks in self.toks.items():
            self._index(name, toks)
        self.rng = random.Random(seed)

    # -- indexing
    def _index(self, fname: str, toks: list[Tok]) -> None:
        i = 0
        while i < len(toks):
            t = toks[i]
            if t.kind == 'ident' and t.value == 'func':
                j = i + 1
                if toks[j].value == '(':  # method receiver
                    j = self._skip(toks, j)
                name = toks[j].value
                params_start = j + 1
                params_end = self._skip(toks, params_start)
                params = [toks[k].value for k in range(params_start + 1, params_end - 1)
                          if toks[k].kind == 'ident' and toks[k - 1].value in ('(', ',')]
                k = params_end
                while toks[k].value != '{':
                    k += 1
                end = self._skip(toks, k)
                self.functions[name] = (fname, toks, k + 1, end - 1, params)
                i = end
            elif t.kind == 'ident' and t.value in ('var', 'const') and (i == 0 or toks[i - 1].kind == ';'):
                j = i + 1
                if toks[j].value == '(':
                    end = self._skip(toks, j)
                    for s, e in self._statements(toks, j + 1, end - 1):
                        self._declare_global(toks, s, e)
                    i = end
                else:
                    e = j
                    while toks[e].kind != ';':
                        e = self._skip(toks, e) if toks[e].value in '([{' else e + 1
                    self._declare_global(toks, j, e)
                    i = e
            elif t.value in ('(', '[', '{'):
                i = self._skip(toks, i)
            else:
                i += 1

    def _declare_global(self, toks: list[Tok], s: int, e: int) -> None:
        names = []
        k = s
        while k < e and toks[k].kind == 'ident':
            names.append(toks[k].value)
            if toks[k + 1].value == ',':
                k += 2
            else:
                k += 1
                break
        eq = next((m for m in range(k, e) if toks[m].value == '='), None)
        if eq is not None and len(names) == 1:
            self.globals_src[names[0]] = (toks, eq + 1, e)

    @staticmethod
    def _skip(toks: list[Tok], i: int) -> int:
        """Index after the bracket that closes the one at i."""
        pairs = {'(': ')', '[': ']', '{': '}'}
        depth = 0
        while True:
            v = toks[i].value
            if toks[i].kind == 'op' and v in pairs:
                depth += 1
            elif toks[i].kind == 'op' and v in (')', ']', '}'):
                depth -= 1
                if depth == 0:
                    return i + 1
            i += 1

    def _statements(self, toks: list[Tok], s: int, e: int) -> list[tuple[int, int]]:
        out, start, i = [], s, s
        while i < e:
            v = toks[i]
            if v.kind == 'op' and v.value in ('(', '[', '{'):
                i = self._skip(toks, i)
                continue
            if v.kind == ';':
                if start < i:
                    out.append((start, i))
                start = i + 1
            i += 1
        if start < e:
            out.append((start, e))
        return out

    # -- running a rule function
    def run(self, name: str) -> RuleCases:
        fname, toks, s, e, _params = self.functions[name]
        self.rng = random.Random(f'{self.seed}:{fname}:{name}')
        result = RuleCases(name, None, [], [], {}, [])
        scope = Scope()
        self._block(toks, s, e, scope, result)
        return result

    def _block(self, toks: list[Tok], s: int, e: int, scope: Scope, result: RuleCases) -> None:
        for a, b in self._statements(toks, s, e):
            try:
                self._statement(toks, a, b, scope, result)
            except (Unsupported, KeyError, IndexError, ValueError, TypeError) as err:
                result.skipped.append(f'line {toks[a].line}: {type(err).__name__}: {err}')

    def _statement(self, toks: list[Tok], a: int, b: int, scope: Scope, result: RuleCases) -> None:
        t = toks[a]
        if t.value == 'return':
            if b - a > 1 and toks[a + 1].value == 'utils' and toks[a + 3].value in ('Validate', 'ValidateWithPaths'):
                args = self._call_args(toks, a + 4)
                if len(args) >= 2:
                    ev = Eval(self, toks, scope)
                    rule = ev.expr_range(*args[0])
                    if isinstance(rule, dict):
                        result.rule_id = rule.get('RuleID')
                    tps = ev.expr_range(*args[1])
                    fps = ev.expr_range(*args[2]) if len(args) > 2 else None
                    if toks[a + 3].value == 'ValidateWithPaths':
                        result.tps_paths = {k: _case(v) for k, v in (tps or {}).items()}
                    else:
                        result.tps = [_case(v) for v in (tps or [])]
                        result.fps = [_case(v) for v in (fps or [])]
            return
        if t.value == 'for':
            brace = next(k for k in range(a, b) if toks[k].value == '{' and toks[k - 1].value != ']'
                         and not (toks[k - 1].kind == 'ident' and toks[k - 1].value in ('string',)))
            header = toks[a + 1:brace]
            vals = [x.value for x in header]
            if 'range' not in vals:
                raise Unsupported('for without range')
            r = vals.index('range')
            names = [x for x in vals[:r] if x not in (',', ':=', '=')]
            seq = Eval(self, toks, scope).expr_range(a + 1 + r + 1, brace)
            end = self._skip(toks, brace)
            items = list(seq.items()) if isinstance(seq, dict) else list(enumerate(seq))
            for k, v in items:
                inner = Scope(scope)
                if len(names) == 2:
                    inner.set(names[0], k, declare=True)
                    inner.set(names[1], v, declare=True)
                elif names:
                    inner.set(names[0], k, declare=True)
                self._block(toks, brace + 1, end - 1, inner, result)
            return
        if t.value == 'if':
            raise Unsupported('if statement')
        if t.value in ('var', 'const') and toks[a + 1].value == '(':
            end = self._skip(toks, a + 1)
            for c, d in self._statements(toks, a + 2, end - 1):
                self._var_spec(toks, c, d, scope)
            return
        if t.value in ('var', 'const'):
            names = [toks[a + 1].value]
            eq = next((k for k in range(a, b) if toks[k].value == '='), None)
            if eq is None:
                typ = ''.join(x.value for x in toks[a + 2:b])
                scope.set(names[0], [] if typ.startswith('[]') else {} if typ.startswith('map') else '', declare=True)
                return
            scope.set(names[0], Eval(self, toks, scope).expr_range(eq + 1, b), declare=True)
            return
        # assignment: a, b := ... / x = ... / x += ...
        op_at = next((k for k in range(a, b) if toks[k].kind == 'op' and toks[k].value in (':=', '=', '+=')
                      and self._depth_zero(toks, a, k)), None)
        if op_at is None:
            raise Unsupported(f'statement {" ".join(x.value for x in toks[a:min(b, a + 6)])}')
        lhs = [x.value for x in toks[a:op_at] if x.value != ',']
        op = toks[op_at].value
        ev = Eval(self, toks, scope)
        if len(lhs) != 1:
            raise Unsupported('multiple assignment')
        target = lhs[0]
        if target == '_':
            return
        if '.' in target or toks[op_at - 1].value == ']':
            raise Unsupported('assignment to a field or an index')
        value = ev.expr_range(op_at + 1, b)
        if op == '+=':
            value = scope.get(target) + value if not isinstance(value, Case) else _text(scope.get(target)) + value.text
        scope.set(target, value, declare=op == ':=')

    def _var_spec(self, toks: list[Tok], c: int, d: int, scope: Scope) -> None:
        """One `name [type] = expr` line of a `var ( ... )` group."""
        eq = next((k for k in range(c, d) if toks[k].value == '='), None)
        if eq is None:
            raise Unsupported('var without value')
        scope.set(toks[c].value, Eval(self, toks, scope).expr_range(eq + 1, d), declare=True)

    @staticmethod
    def _depth_zero(toks: list[Tok], a: int, k: int) -> bool:
        depth = 0
        for x in toks[a:k]:
            if x.kind == 'op' and x.value in '([{':
                depth += 1
            elif x.kind == 'op' and x.value in ')]}':
                depth -= 1
        return depth == 0

    def _call_args(self, toks: list[Tok], lparen: int) -> list[tuple[int, int]]:
        end = self._skip(toks, lparen)
        args, start, i = [], lparen + 1, lparen + 1
        while i < end - 1:
            if toks[i].kind == 'op' and toks[i].value in '([{':
                i = self._skip(toks, i)
                continue
            if toks[i].value == ',':
                args.append((start, i))
                start = i + 1
            i += 1
        if start < end - 1:
            args.append((start, end - 1))
        return [(s, e) for s, e in args if not all(toks[k].kind == ';' for k in range(s, e))]

    def global_value(self, name: str) -> Any:
        if name not in self.globals:
            if name not in self.globals_src:
                raise KeyError(name)
            toks, s, e = self.globals_src[name]
            self.globals[name] = Eval(self, toks, Scope()).expr_range(s, e)
        return self.globals[name]


def _case(v: Any) -> Case:
    return v if isinstance(v, Case) else Case(_text(v))


class Eval:
    """Recursive descent over one expression's tokens."""

    def __init__(self, pkg: Package, toks: list[Tok], scope: Scope) -> None:
        self.pkg, self.toks, self.scope = pkg, toks, scope
        self.i = 0
        self.end = 0

    def expr_range(self, s: int, e: int) -> Any:
        while s < e and self.toks[s].kind == ';':
            s += 1
        self.i, self.end = s, e
        v = self.expr()
        while self.i < self.end and self.toks[self.i].kind == ';':
            self.i += 1
        if self.i != self.end:
            raise Unsupported(f'trailing tokens at line {self.toks[self.i].line}: {self.toks[self.i].value!r}')
        return v

    def peek(self) -> Tok | None:
        # an expression is evaluated within one statement's bounds: a ';' inserted at a newline
        # inside it (after a composite literal's last element, say) is only a line break
        while self.i < self.end and self.toks[self.i].kind == ';':
            self.i += 1
        return self.toks[self.i] if self.i < self.end else None

    def take(self, value: str | None = None) -> Tok:
        t = self.peek()
        if t is None or (value is not None and t.value != value):
            raise Unsupported(f'expected {value!r}, got {t.value if t else "end"!r}')
        self.i += 1
        return t

    def expr(self) -> Any:
        v = self.unary()
        while (t := self.peek()) is not None and t.kind == 'op' and t.value in ('+', '*'):
            self.i += 1
            w = self.unary()
            if t.value == '*':
                v = v * w
            elif isinstance(v, (int, float)) and isinstance(w, (int, float)):
                v = v + w
            else:
                v = _text(v) + _text(w)
        return v

    def unary(self) -> Any:
        t = self.peek()
        if t is not None and t.value == '&':
            self.i += 1
        return self.postfix(self.primary())

    def primary(self) -> Any:
        t = self.take()
        if t.kind == 'str':
            return t.value
        if t.kind == 'char':
            return t.value
        if t.kind == 'num':
            return int(t.value.replace('_', ''), 0) if '.' not in t.value else float(t.value)
        if t.value == '(':
            v = self.expr()
            self.take(')')
            return v
        if t.value == '[':  # []string{...} / []byte(x)
            self.take(']')
            self.type_name()
            nxt = self.peek()
            if nxt is not None and nxt.value == '(':
                self.i += 1
                v = self.expr()
                self.take(')')
                return v
            return self.composite_list()
        if t.kind == 'ident':
            if t.value == 'map':
                self.take('[')
                self.type_name()
                self.take(']')
                self.type_name()
                return self.composite_map()
            if t.value == 'nil':
                return None
            if t.value in ('true', 'false'):
                return t.value == 'true'
            return self.name(t.value)
        raise Unsupported(f'token {t.value!r} at line {t.line}')

    def type_name(self) -> str:
        parts = [self.take().value]
        while (t := self.peek()) is not None and t.value == '.':
            self.i += 1
            parts.append(self.take().value)
        return '.'.join(parts)

    def composite_list(self) -> list:
        self.take('{')
        out: list = []
        while (t := self.peek()) is not None and t.value != '}':
            v = self.expr()
            if (t2 := self.peek()) is not None and t2.value == ':':
                raise Unsupported('keyed list element')
            out.append(v)
            if (t2 := self.peek()) is not None and t2.value == ',':
                self.i += 1
        self.take('}')
        return out

    def composite_map(self) -> dict:
        self.take('{')
        out: dict = {}
        while (t := self.peek()) is not None and t.value != '}':
            k = self.expr()
            self.take(':')
            out[_text(k)] = self.expr()
            if (t2 := self.peek()) is not None and t2.value == ',':
                self.i += 1
        self.take('}')
        return out

    def struct_literal(self) -> dict:
        """config.Rule{...}: only the string fields that evaluate (RuleID)."""
        start = self.i
        end = Package._skip(self.toks, start)
        out: dict = {}
        k = start + 1
        while k < end - 1:
            t = self.toks[k]
            if t.kind == 'op' and t.value in '([{':
                k = Package._skip(self.toks, k)
                continue
            if t.kind == 'ident' and t.value == 'RuleID' and self.toks[k + 1].value == ':':
                e = k + 2
                while e < end - 1 and self.toks[e].value != ',':
                    e = Package._skip(self.toks, e) if self.toks[e].value in '([{' else e + 1
                try:
                    out['RuleID'] = Eval(self.pkg, self.toks, self.scope).expr_range(k + 2, e)
                except (Unsupported, KeyError):
                    pass
            k += 1
        self.i = end
        return out

    def name(self, ident: str) -> Any:
        t = self.peek()
        if t is not None and t.value == '.':  # package.Name
            self.i += 1
            member = self.take().value
            qual = f'{ident}.{member}'
            t = self.peek()
            # nested selectors: base64.StdEncoding.EncodeToString
            while t is not None and t.value == '.':
                self.i += 1
                qual += '.' + self.take().value
                t = self.peek()
            if qual == 'config.Rule' and t is not None and t.value == '{':
                return self.struct_literal()
            if t is not None and t.value == '(':
                return self.call(qual, self.args())
            try:
                return self.scope.get(ident)[member]
            except (KeyError, TypeError):
                raise Unsupported(f'selector {qual}') from None
        if t is not None and t.value == '(':
            return self.call(ident, self.args())
        if t is not None and t.value == '{' and ident[:1].isupper():
            raise Unsupported(f'composite literal {ident}')
        try:
            return self.scope.get(ident)
        except KeyError:
            return self.pkg.global_value(ident)

    def args(self) -> list:
        self.take('(')
        out: list = []
        while (t := self.peek()) is not None and t.value != ')':
            v = self.expr()
            if (t2 := self.peek()) is not None and t2.value == '...':
                self.i += 1
                out.append(Spread(v))
            else:
                out.append(v)
            if (t2 := self.peek()) is not None and t2.value == ',':
                self.i += 1
        self.take(')')
        return out

    def postfix(self, v: Any) -> Any:
        while (t := self.peek()) is not None and t.value == '[':
            self.i += 1
            idx = self.expr()
            if (t2 := self.peek()) is not None and t2.value == ':':
                self.i += 1
                hi = self.expr() if self.peek() is not None and self.peek().value != ']' else None  # type: ignore[union-attr]
                self.take(']')
                v = _text(v)[idx:hi]
                continue
            self.take(']')
            v = v[idx]
        return v

    def call(self, fn: str, args: list) -> Any:
        rng = self.pkg.rng
        plain = [a.value if isinstance(a, Spread) else a for a in args]
        if fn == 'append':
            out = list(plain[0] or [])
            for a in args[1:]:
                out.extend(a.value if isinstance(a, Spread) else [a])
            return out
        if fn in ('string', 'utils.Ptr', 'strings.TrimSpace') and len(plain) == 1:
            return plain[0].strip() if fn == 'strings.TrimSpace' else plain[0]
        if fn == 'len':
            return len(plain[0])
        if fn == 'utils.GenerateSampleSecrets':
            return generate_sample_secrets(_text(plain[0]), _text(plain[1]))
        if fn == 'utils.GenerateSampleSecret':
            return generate_sample_secret(_text(plain[0]), _text(plain[1]))
        if fn == 'secrets.NewSecret':
            return random_from_regex(_text(plain[0]), rng)
        if fn == 'secrets.NewSecretWithEntropy':
            for _ in range(10):
                s = random_from_regex(_text(plain[0]), rng)
                if shannon_entropy(s) >= float(plain[1]):
                    return s
            return ''
        helpers: dict[str, Callable[..., str]] = {
            'utils.Numeric': lambda n: f'[0-9]{{{n}}}',
            'utils.Hex': lambda n: f'[a-f0-9]{{{n}}}',
            'utils.AlphaNumeric': lambda n: f'[a-z0-9]{{{n}}}',
            'utils.AlphaNumericExtendedShort': lambda n: f'[a-z0-9_-]{{{n}}}',
            'utils.AlphaNumericExtended': lambda n: f'[a-z0-9=_\\-]{{{n}}}',
            'utils.AlphaNumericExtendedLong': lambda n: f'[a-z0-9\\/=_\\+\\-]{{{n}}}',
            'utils.Hex8_4_4_4_12': lambda: '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}',
            'strings.Repeat': lambda s, n: _text(s) * n,
            'strings.ToUpper': lambda s: _text(s).upper(),
            'strings.ToLower': lambda s: _text(s).lower(),
            'strings.Join': lambda xs, sep: _text(sep).join(_text(x) for x in xs),
            'strings.ReplaceAll': lambda s, a, b: _text(s).replace(_text(a), _text(b)),
            'strconv.Itoa': lambda n: str(n),
            'strconv.Quote': lambda s: '"' + _text(s).replace('\\', '\\\\').replace('"', '\\"').replace('\n', '\\n') + '"',
            'base64.StdEncoding.EncodeToString': lambda b: base64.b64encode(_text(b).encode()).decode(),
            'base64.URLEncoding.EncodeToString': lambda b: base64.urlsafe_b64encode(_text(b).encode()).decode(),
            'base64.RawURLEncoding.EncodeToString':
                lambda b: base64.urlsafe_b64encode(_text(b).encode()).decode().rstrip('='),
            'base64.RawStdEncoding.EncodeToString': lambda b: base64.b64encode(_text(b).encode()).decode().rstrip('='),
            'fmt.Sprintf': lambda f, *xs: sprintf(_text(f), xs),
        }
        if fn == 'newPlausibleSecret':  # gitleaks generic.go: NewSecret until it holds a digit 1-9
            for _ in range(100):
                secret = random_from_regex(_text(plain[0]), rng)
                if re.search('[1-9]', secret):
                    return secret
            raise Unsupported('newPlausibleSecret: no digit')
        if fn in helpers:
            return helpers[fn](*plain)
        if fn in self.pkg.functions and not fn[:1].isupper():
            return self.call_local(fn, plain)
        raise Unsupported(f'call {fn}')

    def call_local(self, fn: str, args: list) -> Any:
        """A package-level helper function: bind its parameters, run to its return."""
        fname, toks, s, e, params = self.pkg.functions[fn]
        scope = Scope()
        for p, a in zip(params, args):
            scope.set(p, a, declare=True)
        for a, b in self.pkg._statements(toks, s, e):
            if toks[a].value == 'return':
                return Eval(self.pkg, toks, scope).expr_range(a + 1, b)
            self.pkg._statement(toks, a, b, scope, RuleCases(fn, None, [], [], {}, []))
        raise Unsupported(f'{fn}: no return')


@dataclasses.dataclass(frozen=True)
class Spread:
    value: Any


def sprintf(fmt: str, args: tuple) -> str:
    it = iter(args)

    def one(m: re.Match) -> str:
        verb = m.group(2)
        if verb == '%':
            return '%'
        v = next(it)
        if verb == 'q':
            return '"' + _text(v).replace('\\', '\\\\').replace('"', '\\"') + '"'
        if verb in 'dv' and isinstance(v, int):
            return format(v, m.group(1) + 'd')
        return format(_text(v) if not isinstance(v, (int, float)) else str(v), m.group(1))
    return re.sub(r'%([-0-9]*)([sdvq%])', one, fmt)

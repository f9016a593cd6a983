"""Is this value a placeholder or a reference? The one home of that decision.

Two questions, each asked here only:

- ``is_reference``: a reference or a template that stands for a value kept elsewhere (``${X}``,
  ``{{ x }}``, ``%(x)s``, ``os.environ``, ``vault:…``, ``!vault``, ciphertext such as ``ENC[…]``).
- ``is_placeholder``: what templates, examples and documentation put where a secret goes
  (``<your-api-key>``, ``changeme``, ``xxxx``, ``your_token_here``), by the shapes of
  ``data/placeholders.toml``; references in the usual template syntaxes are among them.

Who asks: the value judge (``generic.values.not_literal``: its first reason), the credential rules'
validators (``validators.basic_auth_credentials``), the allowlist (every finding of every hook, before
the baseline), block-env-files (template values, ``.envrc`` exports) and block-credential-files
(templates of credential files, kubeconfigs without inline credentials). Where two of them need a
variant, this module grows a parameter (``placeholder_password``: the words a person types where a
password stands), not a copy.
"""
from __future__ import annotations

import os
import re
from leakstop.records import PlaceholderShapesFields
from leakstop.regex import LazyPattern

DATA_FILE = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'data', 'placeholders.toml')

PLACEHOLDER_MAX = 200  # longer values are key material (PEM bodies), where `todo` or `xxxx` occur by chance


class PlaceholderShapes(PlaceholderShapesFields):
    __slots__ = ()

    @classmethod
    def load(cls, path: str = DATA_FILE) -> PlaceholderShapes:
        from leakstop.cache import cache_dir, cached_toml
        doc = cached_toml(path, directory=cache_dir())
        return cls(short=tuple(doc['placeholders']), long=tuple(doc.get('long_value_placeholders', ())))


_ARMOR = LazyPattern(r'-----(?:BEGIN|END) [A-Z0-9 ]{1,40}-----')


def is_placeholder(value: str, shapes: PlaceholderShapes) -> bool:
    """Whether ``value`` (quotes around it ignored) has a placeholder's shape, and is no token whose checksum
    proves it real (``validators.issued_token``: a ``ghp_`` token's random part may spell ``ToDo``)."""
    value = value.strip().strip('\'"`')
    if value.startswith('-----'):  # a PEM block: its body is the value (the armor's dashes are no ----- shape)
        value = _ARMOR.sub('', value).strip()
    patterns = _compiled(shapes.long if len(value) > PLACEHOLDER_MAX else shapes.short)
    if (not any(p.search(value) for p in patterns) and not (len(value) <= 40 and _leet_placeholder(value))
            and not counting_bytes(value)):
        return False
    from leakstop.validators import issued_token  # (validators read this module)
    return not issued_token(value)  # a valid checksum beats `todo`: the issuer generated it (issue 13 #12)


_ENCODED = LazyPattern(r'(?:[0-9a-fA-F]{2}){8,128}\Z|[A-Za-z0-9+/_-]{11,172}={0,2}\Z')


def counting_bytes(value: str) -> bool:
    """Whether ``value`` is the hex or base64 of bytes that count (0, 1, 2 … 15; 16 … 1; 0, 2, 4 …) or of text
    that does (``0123456789ABCDEF``): a key's length filled in order, as specifications' and tests' examples do
    (held-out 88: a JWK's ``"k": "AAECAwQF…"``, a session cookie ``AAIEBggK…``). A step may change once every
    four bytes (``9`` to ``A``, ``F`` to ``0``); random bytes keep one step for two bytes in 256."""
    if not _ENCODED.match(value):
        return False
    if len(value) % 2 == 0 and all(c in '0123456789abcdefABCDEF' for c in value):
        raw: bytes | None = bytes.fromhex(value)
    else:
        from leakstop.validators import b64decode_loose  # (validators read this module)
        raw = b64decode_loose(value.rstrip('='))
    if raw is None or len(raw) < 8:
        return False
    steps = [(b - a) % 256 for a, b in zip(raw, raw[1:])]
    changes = sum(x != y for x, y in zip(steps, steps[1:]))
    return changes <= len(raw) // 4 and len(set(raw)) >= len(raw) // 2


# "please change me" in leetspeak (`Pl3453Ch4ng3M3`, a game-server egg's default; held-out 55 and 59)
_LEET_PLACEHOLDER = LazyPattern(r'(?i)change[-_ ]?(?:me|it|this|the)|replace[-_ ]?me|placeholder|example')


def _leet_placeholder(value: str) -> bool:
    from leakstop.generic.values import leet_readings  # (values reads this module's REFERENCE)
    return any(_LEET_PLACEHOLDER.search(reading.replace('6', 'g')) for reading in leet_readings(value))  # Chan6e


_COMPILED: dict[tuple[str, ...], tuple[re.Pattern[str], ...]] = {}


def _compiled(shapes: tuple[str, ...]) -> tuple[re.Pattern[str], ...]:
    """The shapes compiled once each, on first use (a history scan asks 2,000 values, each against 45
    shapes: through ``re.search`` every try paid the module cache's lookup, 0.15 s of a 4 s scan)."""
    compiled = _COMPILED.get(shapes)
    if compiled is None:
        compiled = _COMPILED[shapes] = tuple(re.compile(p, re.I) for p in shapes)
    return compiled


# A name as a person writes one (a variable's, a decorator's, a YAML tag's or anchor's): lower case, snake or camel case,
# Pascal case, a number at its end; or upper case, words joined by '_', each with its number (DB_PASSWORD, AWS_S3_KEY).
# Random letters and digits after $ @ ! * read as none: ``$k9XqT7vLp2m`` (sixteenth hostile review, break 02),
# ``$K9XQT7VLP2MZ4``, ``@IxsY9d10khknw2jCIxF``, ``!ZIByOAe4QvZ``, ``*RDzirGdq7Kx`` (seventeenth, break 04) are passwords.
_NAME = r'(?-i:[a-z_][a-z_]*(?:[A-Z][a-z]+)*\d{0,3}|[A-Z][a-z]+(?:[A-Z][a-z]+)*\d{0,3}|_*[A-Z]+\d*(?:_+[A-Z]+\d*)*_*)'
_KEBAB_NAME = _NAME.replace('[a-z_][a-z_]*', '[a-z_][a-z_-]*', 1)  # a YAML anchor's: *common-env

REFERENCE = LazyPattern(
    r'\$\{|\$\(|\{\{|\{%|%\(|#\{|<%|\{\s*[A-Za-z_][\w.]*\s*\}|\{\d*\}|\A%[A-Za-z_]\w*%\Z|\A%%[A-Za-z_][\w.-]*%%\Z|\A\$' + _NAME + r'\Z'
    r'|\A\$\$[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\Z'
    r'|\A\$_*[a-z]+\d{0,3}(?:_+[a-z]+\d{0,3})+\Z'  # a snake-case variable with numbers: $_pw1_clean (held-out 103)
    r'|(?-i:%[-+# 0]?\d{0,2}[sdifrx])(?![A-Za-z0-9]).*(?-i:%[-+# 0]?\d{0,2}[sdifrx])(?![A-Za-z0-9])'
    r'|process\.env|os\.environ|getenv|\AENC\(|\A#(?:[0-9a-f]{3,8}|ansi\w+)\Z'
    r'|\A[A-Za-z_]+=(?:true|false|yes|no|on|off|none|null|[a-z]+)\Z|\A(?:not|no|none)[_-]'
    r'|\A(?:env|vault|ssm|secretsmanager|awssm|gcpsm|azurekv|keyvault|op|sops|ref|file|arn|urn|secret|secrets|'
    r'data|self|this|params|props|args|config|settings|options|opts|input|inputs|vars|var|local|locals|module|'
    r'credentialsjson):'  # (TeamCity's credentialsJSON:<id>: a stored token's id)
    r'|\A(?:var|local|module|data|each|count|path|terraform)\.[A-Za-z_][\w-]*'  # Terraform references
    r'|\A@' + _NAME + r'(?:\.' + _NAME + r')*@?\Z|\A\[\[.*\]\]\Z'  # @Value, @p1, @Model.Password, Maven's @db.password@
    r'|\A!!?' + _NAME + r'\Z|\A\*' + _KEBAB_NAME + r'\Z'  # YAML tags (!vault, !Ref) and aliases (*default_password)
    r'|\A\$[A-Za-z_]\w*(?:/|\\|->|-\Z|\[|\.[A-Za-z_])'  # a variable and a path or a member: $DIR/ca.key, $self->param
    # Puppet's qualified and top-scope variables, lower case: $rabbitmq::default_pass (held-out 85), $::fqdn
    r'|\A\$(?-i:::[a-z_][a-z0-9_]*(?:::[a-z_][a-z0-9_]*)*|[a-z_][a-z0-9_]*(?:::[a-z_][a-z0-9_]*)+)\Z'
    r'|\$(?:using|script|global|private|local|workflow|env):[A-Za-z_]'  # PowerShell's scopes: $using:SqlPass (held-out 76)
    r'|\A\$[A-Za-z_]\w*[^\w\s$]{1,2}\$[A-Za-z_]\w*\Z'  # two variables joined: "$user:$pass"
    r'|\A\{\$?(?:[A-Za-z_][\w.]*[\[(}]|' + _NAME + r'(?:\.' + _NAME + r')*\Z)'  # an expression in braces (HEEx, JSX, PHP):
    # {assigns[:x]}, {$pin}, or its name alone (not {rkC6QoP, a password)
    r'|\{[^{}\s]*\([^{}]*\)[^{}]*\}'  # a call inside braces: f"fqn:{'.'.join(node.fqn)}"
    r'|(?-i:\A[^%]{0,3}(?:%[A-Za-z][-:/ T.,_]{0,2}){2,}[A-Z]?\Z)'  # strftime formats: %Y-%m-%dT%H:%M:%SZ
    r'|(?-i:\A[a-z]\w*=[A-Z][A-Z0-9_]*\Z)'  # docker build --secret id=NAME
    r'|\A[A-Za-z_]\w*=\$\{?[A-Za-z_]\w*\}?\Z'  # a variable set from a variable: --secret "GH_TOKEN=$GH_TOKEN"
    r'|\A#{2,}[A-Za-z_]\w*#{2,}\Z'  # a template's marker a script replaces: ###ORACLE_PWD### (held-out 52)
    r'|\A\([ \t]*[a-z]\w*[ \t]'  # a template function call: (randAlphaNum 16)
    r'|\A\(\([ \t]*[\w./:-]+'  # Concourse and BOSH credential variables: ((gitbot_ssh_key.private_key))
    r'|\(\$[A-Za-z_][\w.]*(?:\)|\Z)'  # a Nushell or PowerShell subexpression: ($env.PWD), ($secrets.db)
    # ciphertext: EJSON, SOPS, Vault transit, AWS KMS, Jenkins, Netmiko, OpenSSL enc (base64 of Salted__: transcrypt)
    r'|\A(?:EJ\[\d+:|ENC\[|vault:v\d+:|AQICAH|\{AQAAABAAAA|__encrypt__|U2FsdGVkX1)',
    re.I,
)


# (``$$NAME``: a variable as docker-compose and make write a literal ``$``, ``$$LOCAL_HANA_PASSWORD`` in a compose
# ``command:``, held-out 77; only an environment variable's name, upper case with an underscore: ``$$k9Xq…`` and
# ``$$Money2024`` are passwords in a .properties, JSON or YAML file, fifteenth hostile review, break 09; and ``$NAME`` a
# variable only when its name reads as one (``_NAME``): ``$k9XqT7vLp2m`` is a password, sixteenth hostile review, break
# 02, and so are ``$K9XQT7VLP2MZ4`` and ``@…``, ``!…``, ``*…`` of random letters and digits, seventeenth, break 04. A YAML
# tag or alias where YAML reads one, unquoted after a key, is no value the generic extractor yields (extract.assign))


def is_reference(value: str) -> bool:
    """Whether ``value`` is (or holds) a reference or a template rather than a literal."""
    return REFERENCE.search(value) is not None


# What a person types where a password stands in an example (``admin:password``, ``user:<secret>``).
_PLACEHOLDER_PASSWORDS = frozenset(('password', 'passwd', 'pass', 'pwd', 'secret', 'changeme', 'xxx', 'test'))


def placeholder_password(password: str) -> bool:
    """Whether a password (of ``user:password``) is a placeholder word or a reference."""
    return password.lower().strip('<>{}$') in _PLACEHOLDER_PASSWORDS or is_reference(password)

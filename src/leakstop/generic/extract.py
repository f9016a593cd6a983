"""Extractors: where a key and a value stand, one small regex per syntax family.

An extractor knows a syntax and nothing about secrets. It runs on one line segment that a
Hyperscan anchor reported (``ANCHORS``, one per family) and yields candidates: the key, the
value, the value's byte span, the syntax and whether the value was quoted. Judging is done
elsewhere (``keys``, ``values``, ``score``).

Families:
  assign     k = "v", k: v, "k": "v", k => 'v', k := v, K=v, obj['k'] = v, k: type = v, key - value
  docker     Dockerfile ``ENV K v`` / ``ARG K v`` (space-separated form)
  setenv     a command setting an environment variable, its name and value as arguments: csh's ``setenv K v``, fish's
             ``set -gx K v``, Windows' ``setx K v``, PowerShell's ``Set-Item -Path Env:K -Value v``
  xml        <k>v</k>; <add key="k" value="v"/>; <property name="k" value="v"/>; <name>k</name> <value>v</value>
  flag       --password v, --token=v, mysql -pV, docker login -p v, psexec -p v, curl -u user:pw, ["--password", "v"]
  flag_below a flag ending a list item or a list's string, its value the next one: ``- --password`` / ``- v``
  fallback   ${K:-v}, ${K-v}, ${K:=v}, ${K:-${L:-v}}, process.env.K || "v", X ?? 'v', X ?: 'v', Helm `default "v"`,
             `coalesce .Values.k "v"`, Jinja's `k | trim | default('v')`; after a call naming the key: getenv("K") || "v",
             env::var("K").unwrap_or("v"), ENV.fetch("K") { "v" }, cmp.Or(os.Getenv("K"), "v"), .orElseGet(() -> "v")
  pair       props.put("mail.password", "v"), define('DB_PASSWORD', 'v'), os.Setenv("K", "v"),
             getenv("K", "v"), os.environ.get("K", "v"), env("K", default="v"), ENV.fetch("K", "v")
  tfvar      Terraform ``variable "db_password" { default = "v" }`` (the default within 12 lines)
  call       setPassword("v"), withToken('v'), ->setApiKey("v"), password("v")
  spaced     Gradle/Groovy/Ruby DSL ``password 'v'`` (key, spaces, a quoted value ending the line)
  triple     ``password = '''v'''``, ``password = \"\"\"v\"\"\"`` and the same over lines: a triple-quoted string of one line
  heredoc    ``password = <<EOT`` (HCL, ``<<-EOT``), ``$password = <<<EOT`` (PHP, ``<<<'EOT'``), ``password = <<~PW``
             (Ruby, ``<<-PW``), ``my $password = <<'END';`` (Perl), ``PASSWORD=$(cat <<EOF`` and ``read -r -d '' PASSWORD <<EOF``
             (shell): a heredoc of one line
  properties a ``.properties`` key separated by whitespace only, a value continued with ``\\`` (.properties files)
  yaml_below YAML ``key:`` ending its line, a plain or quoted scalar alone on the deeper line below (blank
             lines and comment lines may stand between)
  yaml_block YAML block scalars ``password: >-`` / ``|`` / ``|2`` / ``|+`` whose block is one line
             (more lines are text, a script or a PEM block: not one value)
  array      the first string of an array under a key: ``"secret" : [ "v" ]`` (Keycloak's realm
             exports), ``"secret_coefficients": [`` and ``"v",`` on the next line
  named      an environment entry whose name is in one field and its value in another of the same object:
             Kubernetes ``- name: DB_PASSWORD`` / ``value: v``, ECS ``{"name": "X", "value": "v"}``,
             Portainer templates' ``"default": "v"`` before ``"name": "X"``, ``- key: X`` / ``value: v``, CloudFormation's
             ``ParameterKey`` / ``ParameterValue``; judged as ``X`` = ``v``; and a key opening an object whose value field
             holds it (an ARM parameters file's ``"adminPassword": {"value": "v"}``)
  markup     a name in document markup, its value beside it: Markdown ``**Password:** v``, a table row ``| password | v |``,
             HTML ``<td>password</td><td>v</td>``, ``<dt>Password</dt><dd>v</dd>``
  children   the entries under a key that opens a mapping and whose last word names secrets (not
             ``auth:`` or ``secretKeyRef:``, sections of settings): ``clientJWTSecrets:`` then
             ``node1: v``; judged as ``clientJWTSecret.node1`` (a plural's last word made singular), so an
             entry that names something about the secret (``name:``, ``file:``) is no candidate
"""
from __future__ import annotations

import itertools
import re
from bisect import bisect_left, bisect_right
from typing import Callable, Iterator

from leakstop.generic.records import Candidate
from leakstop.regex import LazyPattern


# Hyperscan anchors (caseless, multi-line): a hit says "this line may hold a candidate of this family".
_KW = r'(?:pass|pwd|psw|secret|token|key|cred|auth|bearer)'
# Jinja's (Twig's, Liquid's) filters before a `default` filter: `db_password | trim | default('…')`, `| default(omit) |
# default('…')` (each with its arguments in one pair of parentheses, at most four; the extractor's); and the default
# filter itself, Liquid's `default:` too
_JINJA_FILTERS = r'(?:[ \t]*\|[ \t]*\w{1,30}(?:\([^()\n]{0,80}\))?){0,4}'
_JINJA_DEFAULT_FILTER = r'(?:d(?:efault)?\(|default:)'
# YAML node properties before a value: a tag (!!str, !secret) and an anchor (&db_password), in either order
_YAML_PROPERTIES = r'(?:(?:!!?[A-Za-z]\w*|&[\w-]+)[ \t]+){0,2}'
# node properties ending a key's line (`password: &pw`, `password: !!str`), the value on the next line
_PROPERTIES_AT_END = r'(?:(?:!!?[A-Za-z]\w*|&[\w-]+)[ \t]*){0,2}'
_ASSIGN_OP = (
    r'[\w.\-]{0,40}(?:\\?["\'`])?[\]}]?[ \t]*(?:\[\d*\][ \t]*|:?[ \t]*&?(?:\'[a-z]{1,20}[ \t]+)?[\w.<>\[\];*]{1,40}[ \t]*|as[ \t]+[\w.]{1,40}[ \t]*'
    r'|,[ \t]*(?:_|err)[ \t]*)?'
    r'(?::{1,3}=|\|\|=|=>|\?=|\+=|\.=|!=|=|:|<-|[ \t]-)[ \t]*'
)
# the operators giving a default for a value that may be missing: `||`, `??`, the Elvis operator `?:` (PHP, Kotlin,
# Groovy), Perl's defined-or `//` (twelfth hostile review, break 06); `or` is the callers'
_OR_DEFAULT = r'\|\||\?\?|\?:|//'
# after a call only, a method giving the default, in the anchor any method (a list of names or `() ->` and `String::from(`
# before the value made the whole database 7% slower: 475 to 510 million instructions over BookStack's tree, callgrind)
_METHOD_DEFAULT = r'\.\w{2,20}\([ \t]*(?:\|\w{0,20}\|[ \t]*)?(?:\{[ \t]*)?'
# in the extractor those the anchor's method stands for: Rust's `.unwrap_or("…")`, `.unwrap_or_else(|_| "…")` (its closure's
# body in a block: `|_| { "…".to_string() }`, thirteenth hostile review, break 03), Java's `.orElse("…")`, Scala's
# `.getOrElse("…")`, and Java's supplier `.orElseGet(() -> "…")` (fourteenth hostile review, break 02; its anchor is its own,
# led by the method's name); the supplier's body a block, `() -> { return "…"; }`, and Rust's `String::from("…")` as the
# default (fifteenth hostile review, break 06; their anchors led by the method's name too). Each blank run follows a token
# (no two runs of blanks side by side to share a long run between them)
_DEFAULT_METHOD_B = (rb'\.(?:unwrap_or(?:_else)?|orElse(?:Get)?|getOrElse)\([ \t]*(?:\|\w{0,20}\|[ \t]*|\([ \t]*\)[ \t]*->[ \t]*)?'
                     rb'(?:\{[ \t]*(?:return[ \t]+)?)?(?:String::from\([ \t]*)?')
# Commands that store a named secret from their arguments (the name, then the value, piped in or in a here-string):
# `gh secret set`, `dotnet user-secrets set`, `docker secret create`, `glab variable set` (eleventh hostile review, break
# 04); `wrangler secret put`, `travis env set`, `vercel env add`, `pulumi config set --secret` (twelfth, break 11), and
# its siblings `netlify env:set`, firebase's `functions:secrets:set`, `gcloud secrets versions add`, `cf set-env APP`,
# `glab variable update`.
# The commands' own options may stand before the secret's name, and between a command's words (thirteenth hostile
# review, break 02): `gh secret set -R org/repo K`, `gh secret set --env production K`, `pulumi config set --stack prod
# K v`, `travis env set --private K v`, `dotnet user-secrets --project src/App set K v`, `rabbitmqctl -n node add_user`.
# An option, maybe with its argument (`-R org/repo`, `--stack=prod`, `--project "src/App"`); at most 4, each bounded (a
# bounded try from each command). Whether a word after an option is its argument or the secret's name is not known from
# the line (`--private K`, `--env production K`): the readers take the name that holds a key word (`_STORE_NAME`), as
# the anchor does, and a word after an option of `OPTIONS_WITH_ARGUMENT` as its argument (`--vault-name db-password`).
_OPTION_ARGUMENT = r'''(?:=[^\s;|&]{1,80}|[ \t]+(?:"[^"\n]{1,80}"|'[^'\n]{1,80}'|[^\s"'<>|;&-][^\s;|&]{0,80}))'''
_COMMAND_OPTION = r'[ \t]+--?[A-Za-z][\w-]{0,30}' + _OPTION_ARGUMENT + '?'
_COMMAND_OPTIONS = '(?:' + _COMMAND_OPTION + '){0,4}'
# The options of the store commands that take an argument (from their documentation: gh secret set, glab variable set,
# pulumi config set, travis env set, dotnet user-secrets, netlify env:set, wrangler, firebase, docker secret create, az
# keyvault secret set); `-p` is travis' `--private` but dotnet's `--project`, so not here
OPTIONS_WITH_ARGUMENT = (
    r'-[RoeargusvtdlcC]', r'--[\w-]{0,30}name', r'--(?:repos?|env|org|app|user|visibility|body|value|stack|cwd|project|id)',
    r'--(?:configuration|config|context|scope|group|type|description|label|driver|template-driver|file|data-file|vault)',
)
_WITH_ARGUMENT = '(?:' + '|'.join(OPTIONS_WITH_ARGUMENT) + r')(?![\w-])'
_STORE_OPTION = (r'[ \t]+(?:' + _WITH_ARGUMENT + _OPTION_ARGUMENT
                 + r'|(?!' + _WITH_ARGUMENT + r')--?[A-Za-z][\w-]{0,30}' + _OPTION_ARGUMENT + '?)')
# One list for the anchor and the readers (`_SECRET_SET`, `_PIPED_SECRET`).
STORE_COMMANDS = (
    r'(?:user-secrets|secrets?|variables?)' + _COMMAND_OPTIONS + r'[ \t]+(?:set|create|put|update)',
    r'secrets[ \t]+versions[ \t]+add',
    r'(?:env|secrets):set',
    r'env[ \t]+(?:set|add)',
    r'config' + _COMMAND_OPTIONS + r'[ \t]+set(?:[ \t]+--secret)?',
    r'set-env[ \t]+[\w.-]{1,80}',
)
_STORE_COMMAND = '(?:' + '|'.join(STORE_COMMANDS) + ')'
# Commands that take a user's password as the argument after a user's name: Windows' `net user admin v /add`,
# `rabbitmqctl add_user admin v` (`_USER_PASSWORD`)
# (rabbitmqctl's options before its command: `rabbitmqctl -n rabbit@host add_user admin v`, as its docs write it)
USER_PASSWORD_COMMANDS = (r'net[ \t]+user', r'rabbitmqctl' + _COMMAND_OPTIONS + r'[ \t]+(?:add_user|change_password)')
_USER_PASSWORD_COMMAND = '(?:' + '|'.join(USER_PASSWORD_COMMANDS) + ')'
# Commands and the argument before their password (`_PASSWORD_ARGUMENT`): `redis-cli -a v`, `mongosh -p v`, the LDAP
# tools' `-w v` (`-W` asks for it), `mysqladmin password v` (twelfth hostile review, break 11, and its siblings)
PASSWORD_ARGUMENTS = (
    (r'redis-cli', r'-a'),
    (r'mongo(?:sh|dump|restore|export|import|stat|top|files)?', r'-p'),
    (r'ldap(?:search|add|modify|delete|passwd|compare|modrdn|whoami|exop)', r'-w'),
    (r'mysqladmin', r'password'),
)
GAP_LINES = 4  # blank or comment lines read between a YAML key ending its line and its value below
# a literal converted to bytes or decoded, all the parentheses hold: Go's []byte("…"), Python's bytes.fromhex("…"),
# binascii's unhexlify / a2b_hex, base64's b64decode, electrum's bfh
# (and Node's Buffer.from, Go's hex.DecodeString and base64's DecodeString, C#'s Convert.FromBase64String, Rust's
# hex::decode, Python's codecs.decode; twenty-fourth review, 07)
# A call is read by the name it ends with, whatever qualifies it (a module, a class, `getDecoder().`; twenty-fifth
# review, 03: Java's Base64.getDecoder().decode, PHP's base64_decode and hex2bin, Ruby's Base64.decode64, JS's atob,
# C#'s Encoding.UTF8.GetBytes and Convert.FromHexString, Rust's base64::decode, Python's bytes("…", "utf-8"),
# Elixir's Base.decode16!, binascii.a2b_base64 were each missed by a list of whole names)
_CONVERSION = (rb'(?:\[\]byte|(?:[A-Za-z_]\w{0,30}(?:\(\))?(?:\.|::)){0,4}'
               rb'(?:(?:bytes|bytearray)(?:\.fromhex)?|unhexlify|a2b_(?:hex|base64)|bfh|\w{0,12}b64decode|(?:strict_|urlsafe_)?decode(?:16|32|64)?!?'
               rb'|Decode(?:String)?|from|From(?:Base64|Hex)String|[Gg]etBytes|atob|hex2bin|base64_decode))')

ANCHORS: dict[str, str] = {
    'assign': _KW + _ASSIGN_OP + r'(?:' + _CONVERSION.decode() + r'?\([ \t]*)?' + _YAML_PROPERTIES + r'[bBuUrRfFL@]{0,2}#{0,3}\\?["\'`][ \t]{0,16}[^"\'`\s]',
    # `key: value` ending its line: YAML, also in code (Ansible modules' EXAMPLES docstrings)
    'assign_yaml': r'^[ \t]*(?:- )?[\w.\-]{0,40}' + _KW + r'[\w.\-]{0,40}:[ \t]+' + _YAML_PROPERTIES + r'[^\s"\'`,;\\(\[{]{4,}[ \t]*\r?$',
    # unquoted values: expressions in source code, so this family is not read there
    'assign_bare': _KW + _ASSIGN_OP + _YAML_PROPERTIES + r'[^\s"\'`,;\\]{4,}(?:[\s;,"\'`\\]|$)',
    'docker': r'^[ \t]*(?:ENV|ARG)[ \t]+\w*' + _KW + r'\w*[ \t]+[^\s=]',
    'setenv': (r'\b(?:setenv|setx|set(?:[ \t]+-[gxUlLu]{1,4}|[ \t]+--(?:global|export|universal)){1,3})[ \t]+\w*' + _KW
               + r'\w*[ \t]+[^\s-]|\bEnv:\w*' + _KW + r'\w*["\']?[ \t]+-Value[ \t]+[^\s-]'
               # a command storing a named secret (`_SECRET_SET`, `_NAME_VALUE`): `gh secret set K`, `dotnet user-secrets
               # set K`, `--name K` (the value after it or before it on the line)
               r'|\b' + _STORE_COMMAND + _COMMAND_OPTIONS + r'[ \t]+["\']?[\w:./-]{0,40}' + _KW
               + r'|(?:^|[ \t])--name(?:=|[ \t]+)["\']?[\w:./-]{0,40}' + _KW
               + r'|\bsecurity[ \t]+add-(?:generic|internet)-password[ \t]'
               # a user's password as a command's argument (`_HTPASSWD`, `_USER_PASSWORD`)
               r'|\bhtpasswd[ \t]+-[A-Za-z]|\b' + _USER_PASSWORD_COMMAND + r'[ \t]+[^\s/]+[ \t]+[^\s/*]'),
    'xml': (r'<[\w:.-]*' + _KW + r'[\w:.-]*(?:[ \t][^<>\n]{0,200})?>[ \t]*(?:[^<\s]|<!\[CDATA\[|\r?$)|(?:key|name)[ \t]*=[ \t]*"[^"\n]{0,40}' + _KW
            # a name element naming a secret, its value in the element after it (`_XML_NAMED`)
            + r'|<(?:[\w.-]{0,40}-)?(?:name|key)>[ \t]*[\w.:/-]{0,80}' + _KW),
    'flag': (
        r'(?:^|[\s"\'])--?[\w-]*(?:pass|pwd|token|secret|key|auth|cred)[\w-]*(?:=|[ \t]+)[^\s-]'
        r'|(?:mysql|mysqldump|mysqladmin|mariadb|mysqlimport)\b[^\n]{0,200}?[ \t]-p[^\s-]'
        r'|\blogin\b[^\n]{0,200}?[ \t](?:-p|--password)[ \t]+\S|psexec[^\n]{0,200}?[ \t]-p[ \t]+\S'
        # (openssl's `-passout pass:v` is hit by the first)
        + ''.join(r'|\b' + command + r'\b[^\n]{0,200}?[ \t]' + argument + r'[ \t]+\S' for command, argument in PASSWORD_ARGUMENTS)
        + r'|[ \t](?:-u|--user)[ \t]+["\']?[^\s:"\']*["\']?:'
        # the flag and its value as two strings of a list: args: ["--db-password", "v"], CMD [...], subprocess.run([...])
        r'|["\']--?[\w-]*(?:pass|pwd|token|secret|key|auth|cred)[\w-]*["\'][ \t]*,[ \t]*["\'][^\s"\'-]'
    ),
    # the flag ending a list item or a list's string, its value the next item: YAML `- --db-password` / `- v`, a
    # list of strings over lines (`"--db-password",` / `"v"`)
    'flag_below': (
        r'(?:^[ \t]*-[ \t]+["\']?|["\'])--?[\w-]*(?:pass|pwd|token|secret|key|auth|cred)[\w-]*["\']?[ \t]*,?[ \t]*\r?\n'
        r'[ \t]*(?:-[ \t]+)?["\']?[^\s"\'#-]'
    ),
    # (a key word before `||` / `??` and in `${…}`: the key is the name just before the operator, and one with no
    # key word names no secret; JavaScript's `x || "…"` without one was 4% of a history scan's time for nothing)
    'fallback': (
        r'\$\{[\w.-]*' + _KW + r'[\w.-]*(?::?[-=]|:)[^}\s]'
        r'|' + _KW + r'[\w.\[\]\'"]{0,120}[ \t]*(?:' + _OR_DEFAULT + r')[ \t]*\\?["\'\x60][^"\'\x60\s]'  # `…`: JS's template
        # a call's string argument naming the secret, then the default: get_env("SECRET_KEY_BASE") || "…",
        # os.environ.get("SECRET_KEY") or "…" (held-out 70's accent; Django's settings), Ruby's ENV.fetch("X") { "…" },
        # Java's Optional.ofNullable(System.getenv("X")).orElse("…"), Go's cmp.Or(os.Getenv("X"), "…")
        r'|' + _KW + r'[\w.\-]{0,80}["\'][ \t]*\)[ \t]*(?:\)[ \t]*)?(?:' + _OR_DEFAULT + r'|or|\{|,|' + _METHOD_DEFAULT + r')[ \t]*\\?["\'\x60][^"\'\x60\s]'
        r'|\bdefault[ \t]+\\?["\'][^"\'\s]'  # \" in a string too
        # a supplier of the default: Java's `.orElseGet(() -> "…")`, `Objects.requireNonNullElseGet(…, () -> "…")`; SQL's
        # `COALESCE(current_setting('app.db_password', true), '…')` (a flag after the name); Helm's `coalesce .Values.x "…"`.
        # Each led by its call's name (fourteenth hostile review, break 02: `() ->` or `, true` in the key-led call above
        # made the anchors' scan 4% slower over BookStack's and a site-packages tree)
        r'|(?:orElseGet|NonNullElseGet)\([^\n]{0,200}\([ \t]*\)[ \t]*->[ \t]*(?:\{[ \t]*return[ \t]+)?\\?["\'][^"\'\s]'
        r'|current_setting\([ \t]*\'[\w.-]{1,80}\'[ \t]*(?:,[ \t]*\w{1,10}[ \t]*)?\)[ \t]*,[ \t]*(?:\'\'[ \t]*\)[ \t]*,[ \t]*)?\'[^\'\s]'
        # (fifteenth hostile review, break 06, each led by its call's name too: a supplier's block body, `() -> { return
        # "…"; }`; SQL's empty setting made NULL, `COALESCE(NULLIF(current_setting('app.db_password', true), ''), '…')`;
        # Rust's `String::from("…")` as the default; a reference naming the key as the first argument, Terraform's
        # `coalesce(var.db_password, "…")` and `try(var.rds.master_password, "…")`, Go's `cmp.Or(cfg.Password, "…")`)
        r'|unwrap_or(?:_else)?\([ \t]*(?:\|\w{0,20}\|[ \t]*)?(?:\{[ \t]*(?:return[ \t]+)?)?String::from\([ \t]*"[^"\s]'
        r'|\b(?:coalesce|try|cmp\.Or|requireNonNullElse|defaultIf(?:Blank|Empty|Null)|defaultString|firstNonNull|Objects\.toString)'
        r'\([ \t]*[\w.]{0,120}' + _KW + r'[\w.]{0,120}(?:[ \t]*,[ \t]*[\w.]{1,120}){0,2}[ \t]*,[ \t]*\\?["\'][^"\'\s]'
        r'|\bcoalesce(?:[ \t]+\$?\.[\w.]{1,120}){1,4}[ \t]+\\?["\'][^"\'\s]'
        # Jinja's (Ansible's) filter after the key or a lookup naming it: `db_password | default('…')`, `| d('…', true)`,
        # `lookup('env', 'DB_PASSWORD') | default('…')` (thirteenth hostile review, break 03); after other filters,
        # `db_password | trim | default('…')`, and Liquid's `| default: '…'` (fourteenth hostile review, break 02). The
        # filter alone, without the key word before it: the filters between (`_JINJA_FILTERS`) made the anchors' scan 5%
        # slower; the extractor reads the key
        r'|\|[ \t]*' + _JINJA_DEFAULT_FILTER + r'[ \t]*\\?["\'][^"\'\s]'
    ),
    # (from the key word on: the call's `(` and the quote before the key are checked by the extractor. With them in the
    # anchor, Hyperscan 0.7.30-0.9.1 (vectorscan 5.4.12) reported nothing for `props.setProperty("password", "…")`, 46 of
    # 78 lines of four held-out repositories: bench/engine-diff)
    'pair': (_KW + r'[\w.-]*["\'][ \t]*,[ \t]*(?:default[ \t]*=[ \t]*)?[bBuUrRfFL@]?["\'][^"\'\s]'
             r'|\blookup\([ \t]*[\w.]{0,80}' + _KW + r'[\w.]{0,80}[ \t]*,[ \t]*["\'][\w.-]{1,80}["\'][ \t]*,[ \t]*["\'][^"\'\s]'),
    'tfvar': r'\bvariable[ \t]+"[\w-]*' + _KW,
    'call': (_KW + r'\w{0,40}\([ \t]*["\'][^"\'\s]'
             # a call setting a password, the password after other arguments (`_PASSWORD_SETTER`), led by the call's name
             r'|set\w{0,40}password\([^\n]{0,300}?,[ \t]*["\'][^"\'\s]'),
    'spaced': _KW + r'\w{0,40}\*?[ \t]+[@L]?["\'][^"\'\s]',  # (a Lisp name in earmuffs: *api-key* "v")
    # the header of a block scalar (`key: |`, `key: >-`, `key: |2`); its value is on the lines below
    'yaml_block': (
        r'^[ \t]*(?:- )?["\']?[\w.\-]{0,40}' + _KW + r'[\w.\-]{0,40}["\']?[ \t]*:[ \t]+' + _YAML_PROPERTIES + r'[|>](?:[1-9][-+]?|[-+][1-9]?)?'
        r'[ \t]*(?:#[^\n]*)?\r?$'
    ),
    # `key =` / `"key":` ending its line, the quoted value on the next (as prettier, ktlint and
    # hand-wrapped JSON break a long assignment)
    'next_line': (_KW + r'[\w.\-]{0,40}(?:\\?["\'`])?[ \t]*(?::[ \t]*&?(?:\'[a-z]{1,20}[ \t]+)?[\w.<>\[\]]{1,40}[ \t]*)?(?::|=)[ \t]*(?:' + _CONVERSION.decode() + r'?\([ \t]*)?'
                  + _PROPERTIES_AT_END + r'\r?\n[ \t]*'
                  + _YAML_PROPERTIES + r'[bBuUrRfFL@]{0,2}#{0,3}["\'`][^"\'`\s]'
                  # a Lisp definition's name ending its line, its string below (`_LISP_PAIR`)
                  r'|\(def\w{0,12}[ \t]+(?:\^[:\w.-]{1,40}[ \t]+)*\*?[\w.-]{0,40}' + _KW + r'[\w.*-]{0,40}[ \t]*\r?\n[ \t]*"[^"\s]'),
    # YAML `key:` (or `key: &anchor`, a comment after it) ending its line and a value alone on a deeper line below,
    # plain or quoted, maybe after blank lines and comment lines (fifth hostile review, break 05)
    'yaml_below': (r'^[ \t]*(?:- )?["\']?[\w.\-]{0,40}' + _KW + r'[\w.\-]{0,40}["\']?[ \t]*:[ \t]*' + _PROPERTIES_AT_END
                   + r'(?:#[^\n]*)?\r?\n(?:[ \t]*(?:#[^\n]*)?\r?\n){0,%d}[ \t]+[^\s#\-\[{&*!|>%%@`]' % GAP_LINES),
    # `"secret" : [ "v"`, `secret_coefficients = [` and `"v"` on the next line: an array's first string
    'array': _KW + r'[\w.\-]{0,40}(?:\\?["\'`])?[ \t]*(?::=|=>|:|=)[ \t]*\[[ \t]*(?:\r?\n[ \t]*)?[bBuUrRfFL@]{0,2}["\'`][^"\'`\s]',
    # a key naming secrets that opens a mapping: `clientJWTSecrets:`, `"tokens": {` (its entries below)
    'children': r'^[ \t]*(?:- )?["\']?[\w.\-]{0,40}' + _KW + r'[\w.\-]{0,40}["\']?[ \t]*(?::|=)[ \t]*\{?[ \t]*\r?$',
    # `?api_key=v`, `&token=v`, `"client_secret=v&…"`: a URL's query or a form body, also in a string in code
    'query': r'[?&"\'][\w.\-]{0,40}' + _KW + r'[\w.\-]{0,40}=[^\s"\'`&<>]{4,}',
    # `password = '''v'''`, `password = """v"""` (TOML, Python, Kotlin, Scala), the string on one line or over several
    # (fifth hostile review, break 06)
    # a .properties line whose key is separated by whitespace only (`db.password Xq7…`), or whose value is continued
    # with `\` at the line's end (fifth hostile review, break 07); read in .properties files only
    # (one word after the key ending the line, or a line ending in `\`: prose and code lines hit rarely)
    'properties': (r'^[ \t]*[\w.\-]{0,40}' + _KW + r'[\w.\-]{0,40}(?:[ \t]+[^\s=:#!][^\s]{3,}[ \t]*\r?$'
                   r'|(?:[ \t]*[=:]|[ \t]+)[^\n]*\\\r?$|:[^\s:/\\])'),
    'triple': _KW + r'[\w.\-]{0,40}["\']?[ \t]*(?:(?::[ \t]*[\w.\[\]]{1,40}[ \t]*)?=|:)[ \t]*[bBuUrRfF]{0,2}(?:\'\'\'|""")',
    # `password = <<EOT`, `$password = <<<'EOT'`, `password: <<~PW`, `PASSWORD=$(cat <<EOF`: a heredoc opened on the key's
    # line, its text on the lines below up to its tag (sixth hostile review, break 09)
    'heredoc': (_KW + r'[\w.\-]{0,40}["\']?[ \t]*(?:=>|=|:)[ \t]*(?:\$\([ \t]*cat[ \t]+)?<<[-~<]?[ \t]*["\']?[A-Za-z_]'
                r'|\bread[ \t]+(?:-\w+[ \t]+(?:\'\'[ \t]+|""[ \t]+)?)*\w*' + _KW + r'\w*[ \t]*<<-?[ \t]*["\']?[A-Za-z_]'),
    # an entry's name field naming a secret, the value in a sibling field (`named`): `- name: DB_PASSWORD`, `"name":
    # "JWT_SECRET",`, `{ name = "API_TOKEN", value = … }`; a parameter's path or a .NET key as the name, `"Name":
    # "/prod/db/password"` (`aws ssm get-parameter`), `"name": "Db:Password"` (eleventh hostile review, break 04)
    'named': (r'(?:^|[^\w.-])["\']?(?:name|env_variable|key|ParameterKey|OptionName)["\']?[ \t]*(?::|=)[ \t]*["\']?[\w.:/-]{0,40}' + _KW
              + r'[\w.:/-]{0,40}["\']?[ \t]*(?:[,}]|\r?$)'
              # a key naming a secret opens an object whose value field holds it: `"adminPassword": {"value": …}`
              + r'|' + _KW + r'[\w.-]{0,40}["\']?[ \t]*:[ \t]*\{[ \t]*(?:["\']?\w{1,40}["\']?[ \t]*:[ \t]*["\'][^"\'\n]{0,40}["\'][ \t]*,[ \t]*)?'
              r'["\']?(?:value|defaultValue)["\']?[ \t]*:'
              # an object's type or name set to a secret's by a setter, its value by another (`_SETTER_NAME`)
              + r'|\.(?:set|with)(?:Type|Name|Key)\([ \t]*["\']?[\w.:/-]{0,80}' + _KW
              # Kotlin's `type = CredentialRepresentation.PASSWORD` beside `value = "v"` (`_NAME_FIELD`)
              + r'|(?:^|[^\w.-])type[ \t]*=[ \t]*\w{1,40}(?:\.\w{1,40}){0,3}\.\w{0,40}' + _KW),
    # a name in document markup, its value beside it: Markdown `**Password:** v`, `* **DB password**: \`v\``, a table row
    # `| password | v |`, HTML `<td>password</td><td>v</td>`, `<dt>Password</dt><dd>v</dd>` (seventh review, break 11)
    'markup': (r'(?:\*\*|__)[^*_\n]{0,40}' + _KW + r'[^*_\n]{0,40}(?:\*\*|__)[ \t]*:?[ \t]+`?[^\s`*|]'
               r'|^[ \t]*\|[ \t]+[`*_]{0,2}[\w .-]{0,40}' + _KW + r'[\w .-]{0,40}[`*_]{0,2}[ \t]+\|[ \t]+[`*]{0,2}[^\s|`*]'
               r'|<(?:td|th|dt)(?:[ \t][^<>\n]{0,100})?>[^<\n]{0,40}' + _KW + r'[^<\n]{0,40}</(?:td|th|dt)>[ \t]*<(?:td|dd)'),
}

# (Rust's raw strings r#"…"#: the value ends at its quote, the #s after it are not read; seventh review, break 10)
_QUOTED_VALUE = rb'''(?:[bBuUrRfFL@]{0,2}\\(?P<eq>["'])(?P<ev>(?:(?!\\["']).){1,500}?)\\(?P=eq)|[bBuUrRfFL@]{0,2}(?:(?<=[rR])\#{1,3})?(?P<q>["'`])(?P<qv>(?:(?!(?P=q))[^\n\\]|\\.){0,500})(?P=q))'''
# (an unquoted value after a space does not open with '#': `- HASHED_PASSWORD= #optional` is empty and a comment,
# in YAML, shell and compose alike)
# (YAML node properties before a value, quoted or not: password: &a "v", password: !!str 'v')
_VALUE = _YAML_PROPERTIES.encode() + _QUOTED_VALUE[:-1] + rb'''|(?:(?<![ \t])|(?!\#))(?P<uv>[^\s"'`,;)\[\]}<>\\|]{1,500}))'''
# a value as a command's argument: not an option (`-x`, `"-x"`)
_ARGUMENT_VALUE = rb'''(?![bBuUrRfFL@]{0,2}["']?-)(?=''' + _VALUE + rb''')'''

# (PowerShell's environment drive: in `$env:DB_PASSWORD = "v"` and `${env:DB_PASSWORD} = "v"` the key is the name after
# `env:`, not `env` typed `DB_PASSWORD`; tenth hostile review, break 12)
# (the blanks after the key taken at once, (?=(?P<sp>…))(?P=sp) as an atomic group: no operator or type starts with
# one, and giving them back one by one made a line of `type: password` and 290 spaces take 7 s a MB: thirteenth
# hostile review's notes)
_ASSIGN = LazyPattern(  # only the key is consumed: the next key may stand in this one's type or value
    rb'''(?:(?<![\w$@.:\-])|(?<=\\[ntr])|(?<=[A-Za-z0-9]::)(?=[A-Za-z_]\w*\.)|(?<=[$\{][Ee][Nn][Vv]:))(?<!\$\{)[$@:]{0,2}'''
    rb'''(?P<key>[A-Za-z0-9_][\w.\-]{0,80}?)(?=(?P<kq>\\?["'`])?[\]}]?(?=(?P<sp>[ \t]*))(?P=sp)'''
    rb'''(?:\[\d*\][ \t]*(?==)|:[ \t]*&?(?:'[a-z]{1,20}[ \t]+)?(?:[A-Za-z_][\w.<>\[\]]{0,40}|\[[\w;: ]{1,20}\])[ \t]*(?==)|(?<=[ \t])\*?(?:string|\[\]byte|bytes|str|String|char\*?)[ \t]*(?==)|(?<=[ \t])[Aa][Ss][ \t]+[A-Za-z_][\w.]{0,40}[ \t]*(?==)'''
    rb'''|,[ \t]*(?:_|err)[ \t]*(?=:?=))?'''  # Go's second result: `key, _ := hex.DecodeString("…")` (twenty-fourth review, 07)
    rb'''(?P<op>:::=|::=|:=|=>|\?=|\+=|\.=|\|\|=|==|!=|=(?!=)|:(?![:/\\])|<-|(?<=[ \t])-(?=[ \t]))[ \t]*'''
    # `password = ("v")` (seventh review, break 05); Go's conversion, `key = []byte("v")` (held-out 88); a call decoding
    # the literal, `privkey = bytes.fromhex("…")`, `unhexlify(`, electrum's `bfh(` (held-out 89: 27 keys and seeds)
    rb'''(?:(?P<paren>''' + _CONVERSION + rb'''?\()(?=[ \t]*[bBuUrRfFL@]{0,2}["'`])[ \t]*)?''' + _VALUE + rb')'
)
# A .NET configuration key written flat, its sections joined by colons: `"Smtp:Password": "v"` (dotnet user-secrets'
# secrets.json, Azure Functions' local.settings.json, appsettings.json) and YAML's `Smtp:Password: v` (fifteenth hostile
# review, break 05). `_ASSIGN` reads `Smtp` and the operator `:`, and no key starts after a colon: here the whole name is
# the key. Each section starts with a letter (not `::`, `http://`); the key is quoted (and closed by its quote), or opens
# a line with a YAML colon and a blank after it; C#'s indexer, `config["Smtp:Password"] = "v"` (an in-memory
# configuration's), too. The groups are `_ASSIGN`'s (kq: the closing quote, or empty).
_COLON_KEY = LazyPattern(
    rb'''(?:(?<=(?P<oq>["']))|(?m:^)[ \t]*(?:-[ \t]+)?)(?P<key>[A-Za-z_][\w.\-]{0,80}(?::[A-Za-z_][\w.\-]{0,80}){1,9})'''
    rb'''(?P<kq>(?(oq)(?P=oq)\]?|(?=:[ \t])))[ \t]*(?P<op>:(?![:/\\])|=(?!=))[ \t]*'''
    rb'''(?:(?P<paren>\()(?=[ \t]*[bBuUrRfFL@]{0,2}["'])[ \t]*)?(?=''' + _VALUE + rb')'
)
_COLON_IN_KEY = LazyPattern(rb'\w:[A-Za-z_]')  # (looked for first: the key's sections)
_NEXT_LINE = LazyPattern(  # the key ends its line (after its operator); the quoted value opens the next
    rb'''(?<![\w$@.:\-])[$@]?(?P<key>[A-Za-z_][\w.\-]{0,80})(?P<kq>["'`])?[ \t]*'''
    rb'''(?::[ \t]*&?(?:'[a-z]{1,20}[ \t]+)?[A-Za-z_][\w.<>\[\]]{0,40}[ \t]*(?==))?'''  # a type: Rust's `static SECRET: &str =` (held-out 87)
    rb'''(?P<op>:|=)[ \t]*(?:(?P<paren>''' + _CONVERSION + rb'''?\()[ \t]*)?''' + _PROPERTIES_AT_END.encode()
    + rb'''\r?\n[ \t]*''' + _YAML_PROPERTIES.encode() + rb'''(?=''' + _QUOTED_VALUE + rb''')'''
)
_YAML_BELOW = LazyPattern(  # `key:` (and node properties) ending its line: a plain scalar may stand below it
    rb'''(?m)^(?P<indent>[ \t]*(?:- )?)["']?(?P<key>[\w.\-]{1,80})["']?[ \t]*:[ \t]*(?P<props>'''
    + _PROPERTIES_AT_END.encode() + rb''')(?:\#[^\n]*)?\r?$'''  # (a comment after the key: fourth review, break 03)
)
_PLAIN_SCALAR = LazyPattern(  # a plain scalar alone on its line: no mapping key, no comment, no indicator first
    rb'''[^\s#\-\[{"'&*!|>%@`,?:][^\n]*\Z''')
_QUOTED_SCALAR = LazyPattern(  # a quoted scalar alone on its line (a comment may follow it)
    rb'''(?P<q>["'])(?P<qv>(?:(?!(?P=q))[^\n\\]|\\.){1,500})(?P=q)[ \t]*(?:\#[^\n]*)?\Z''')
_ARRAY = LazyPattern(  # a key, its operator, '[', the first string (on the same line or the next)
    rb'''(?<![\w$@.:\-])(?P<key>[A-Za-z_][\w.\-]{0,80})(?P<kq>["'`])?[ \t]*(?P<op>:=|=>|:|=)[ \t]*\[[ \t]*(?:\r?\n[ \t]*)?(?='''
    + _QUOTED_VALUE + rb''')'''
)
_OPENER = LazyPattern(rb'''(?m)^(?P<indent>[ \t]*)(?:- )?["']?(?P<key>[\w.\-]{1,80})["']?[ \t]*(?::|=)[ \t]*\{?[ \t]*\r?$''')
_ENTRY = LazyPattern(  # one entry of the mapping below an opener: YAML `k: v`, JSON `"k": "v",`, TOML-ish `k = "v"`
    rb'''(?P<indent>[ \t]*)["']?(?P<child>[A-Za-z_][\w.\-]{0,80})["']?[ \t]*(?::|=)[ \t]+(?='''
    + _QUOTED_VALUE[:-1] + rb'''|(?P<uv>[^\s"'`,;\[\]{}<>\\|&!*#][^\s"'`,;\[\]{}<>\\|]{0,500})[ \t]*,?[ \t]*\r?$))'''
)
_KW_IN = LazyPattern(_KW.encode(), re.I)
_ITEM = LazyPattern(  # a list's item below an opener: YAML `- v`, `- "v"` (a scalar, no mapping)
    rb'''(?P<indent>[ \t]*)-[ \t]+(?='''
    + _QUOTED_VALUE[:-1] + rb'''|(?P<uv>[^\s"'`,;\[\]{}<>\\|&!*#-][^\s"'`,;\[\]{}<>\\|]{0,500})[ \t]*\r?$))'''
)
_SECRETS_NAME = LazyPattern(r'(?i)(?:secret|token|password|passwd|credential|cred|key)s?\Z')  # the opener's last word
_CIPHERTEXT_ENTRY = LazyPattern(rb'(?i)(?:secure|encrypted|ciphertext)\Z')
_PLURAL = LazyPattern(r'(?i)(secret|token|password|key|credential|cred|pass)s\Z')
CHILDREN_READ = 24  # lines below an opener read for its entries
_DOCKER = LazyPattern(rb'(?m)^[ \t]*(?:ENV|ARG)[ \t]+(?P<key>[A-Za-z_]\w*)[ \t]+(?=' + _VALUE + rb')')
# (a CDATA section: Maven's settings.xml and others write a password so; seventh review, break 05)
_CDATA = rb'<!\[CDATA\[(?P<cv>[^\]\n]{1,500})\]\]>'
_XML_ELEMENT = LazyPattern(rb'<(?P<key>[\w:.-]{1,80})(?:[ \t][^<>]{0,200})?>(?:' + _CDATA + rb'|(?P<uv>[^<\n]{1,500}))</(?P=key)>')
_XML_MULTILINE = LazyPattern(rb'<(?P<key>[\w:.-]{1,80})(?:[ \t][^<>\n]{0,200})?>[ \t]*\r?\n[ \t]*(?:' + _CDATA
                             + rb'|(?P<uv>[^<\s]{1,500}))[ \t]*\r?\n[ \t]*</(?P=key)>')
_XML_OPEN = LazyPattern(
    rb'(?i)<(?P<tag>[\w:.-]{0,40}(?:pass|pwd|secret|token|key|cred|auth)[\w:.-]{0,40})(?:[ \t][^<>\n]{0,300})?>[ \t]*\r?$', re.M
)
# an element whose name attribute names a secret, its value in a child element below: .NET settings'
# <setting name="ApiToken" serializeAs="String"> / <value>v</value> (tenth hostile review, break 11's sibling)
_XML_NAMED_OPEN = LazyPattern(
    rb'(?i)<[\w:.-]{1,40}[ \t][^<>\n]{0,200}?\bname[ \t]*=[ \t]*"(?P<tag>[^"\n]{1,80})"[^<>\n]{0,200}(?<!/)>[ \t]*\r?$', re.M
)
_XML_CHILD_VALUE = LazyPattern(rb'(?i)<(?P<t>value|data|string|text|content)(?:[ \t][^<>\n]{0,200})?>(?P<uv>[^<\n]{1,500})</(?P=t)>')
_XML_CLOSE = LazyPattern(rb'</')
_PLIST_DICT = LazyPattern(rb'<dict>|<plist[ >]|<!DOCTYPE plist')  # (in a file's first 4 KiB: a property list opens so; one bounded search a <key>)
_XML_KEYED = LazyPattern(
    rb'''<(?P<tag>[\w:.-]{1,80})[ \t][^<>]{0,200}?\b(?:key|name)[ \t]*=[ \t]*"(?P<key>[^"\n]{1,80})"[^<>]{0,200}>(?P<uv>[^<\n]{1,500})</(?P=tag)>'''
)
# a name element and the value element after it (on its line or the next), judged as name = value: Hadoop's
# <property><name>fs.s3a.secret.key</name><value>v</value>, a web.xml's <param-name>/<param-value> and <env-entry-name>/
# <env-entry-value>, a property list's <key>password</key><string>v</string>; a description (or a type) may stand between
# (tenth hostile review, break 11)
_XML_NAMED = LazyPattern(
    rb'(?i)<(?P<nt>(?:[\w.-]{0,40}-)?name|key)>[ \t]*(?P<key>[\w.:/-]{1,80})[ \t]*</(?P=nt)>[ \t]*(?:\r?\n[ \t]*)?'
    rb'(?:<(?P<ot>description|display-name|displayName|type|final|source)>[^<\n]{0,300}</(?P=ot)>[ \t]*(?:\r?\n[ \t]*)?)?'
    rb'<(?P<vt>(?:[\w.-]{0,40}-)?value|string)(?:[ \t][^<>\n]{0,200})?>[ \t]*(?:' + _CDATA + rb'|(?P<uv>[^<\s][^<\n]{0,499}))</(?P=vt)>'
)
# (attribute names in any case: Service Fabric's <Parameter Name="…" Value="…" />; the value is quoted by the attribute,
# also as XML in a string of code, `"<add key=\"DbPassword\" value=\"…\" />"`: fifteenth hostile review, break 01)
_XML_PAIR = LazyPattern(
    rb'''(?i:key|name)[ \t]*=[ \t]*"(?P<key>[^"\n]{1,80})"[ \t]+(?i:value|defaultValue)[ \t]*=[ \t]*"(?P<dqv>[^"\n]{1,500})"'''
)
# the value before the key, `<add value="…" key="DbPassword" />` (sixteenth hostile review, break 05)
_XML_PAIR_VALUE_FIRST = LazyPattern(
    rb'''(?<![\w-])(?i:value|defaultValue)[ \t]*=[ \t]*"(?P<dqv>[^"\n]{1,500})"[ \t]+(?i:key|name)[ \t]*=[ \t]*"(?P<key>[^"\n]{1,80})"'''
)
_FLAG = LazyPattern(
    rb'''(?:(?<=[\s"'])|^)--?(?P<key>[A-Za-z][\w-]{0,60})(?:=|[ \t]+)(?=''' + _VALUE + rb')'
)
# a flag and its value as two strings of a list on one line, or over two lines (a YAML block list's items, a list of
# strings one a line); a value opening with '-' is the next flag (tenth hostile review, break 12)
_FLAG_LISTED = LazyPattern(
    rb'''(?<=["'])--?(?P<key>[A-Za-z][\w-]{0,60})["'][ \t]*,[ \t]*(?![bBuUrRfFL@]{0,2}["']-)(?=''' + _QUOTED_VALUE + rb''')'''
)
_FLAG_BELOW = LazyPattern(
    rb'''(?m)(?:^[ \t]*-[ \t]+(?P<fq>["']?)|(?<=["']))--?(?P<key>[A-Za-z][\w-]{0,60})(?(fq)(?P=fq)|["'])[ \t]*(?P<comma>,)?[ \t]*\r?\n'''
    rb'''[ \t]*(?(comma)|-[ \t]+)''' + _ARGUMENT_VALUE
)
# a command that sets an environment variable from its arguments, the sibling of `export K=v` in other shells (tenth
# hostile review, break 12): csh's and launchctl's `setenv K v`, fish's `set -gx K v` (only fish's options: bash's
# `set -x` takes no name), Windows' `setx K v`, PowerShell's `Set-Item -Path Env:K -Value v` (and New-Item)
_SETENV = LazyPattern(
    rb'''(?<![\w-])(?:setenv|setx|set(?:[ \t]+-[gxUlLu]{1,4}|[ \t]+--(?:global|export|universal)){1,3})[ \t]+'''
    rb'''(?P<key>[A-Za-z_]\w{0,80})[ \t]+(?!-)(?=''' + _VALUE + rb''')'''
)
# a command that stores a named secret from its arguments, the name then the value (or `--body v`, gh's), the sibling of
# `setx K v` (eleventh hostile review, break 04): `gh secret set K --body v` (`-b v`, other flags between),
# `dotnet user-secrets set K v`, `glab variable set K v`, `doppler secrets set K v`, `netlify env:set K v`
# A here-string on the command's line is its value too (`gh secret set K <<< 'v'`, `vercel env add K production <<< 'v'`;
# twelfth hostile review, break 11): read first, before a positional word (`production`, an environment's name).
# The name: the word holding a key word, after the command's options (`_STORE_OPTION`).
_STORE_NAME = (b'(?:' + _STORE_OPTION.encode() + rb'''){0,4}[ \t]+(?P<kq>["']?)(?=[\w:./-]{0,80}(?i:''' + _KW.encode()
               + rb'''))(?P<key>[A-Za-z_][\w:./-]{0,80})(?P=kq)''')
# The value after the name: in a here-string, the next word, or after gh's `--body`/`-b`, glab's `--value` (`-v` only where
# no other one stands: it is gh's `--visibility`)
_SECRET_SET = LazyPattern(
    rb'''(?<![\w-])''' + _STORE_COMMAND.encode() + _STORE_NAME
    + rb'''(?:[^\n;|&]{0,200}?[ \t]<<<[ \t]*|[ \t]+|[^\n]{0,200}?[ \t](?:--body(?:=|[ \t]+)|--value(?:=|[ \t]+)|-b(?:=|[ \t]*))'''
    rb'''|[^\n]{0,200}?[ \t]-v(?:=|[ \t]+))'''
    + _ARGUMENT_VALUE
)
# the value piped into such a command (or `docker secret create K -`): `echo "v" | gh secret set K`
_PIPED_SECRET = LazyPattern(
    rb'''(?<![\w-])(?:echo|printf)(?:[ \t]+-[neE]{1,3})*[ \t]+(?:["']%s(?:\\n)?["'][ \t]+)?''' + _VALUE
    + rb'''(?=[ \t|])[ \t]*\|[ \t]*[^\n|]{0,80}?(?<![\w-])''' + _STORE_COMMAND.encode() + _STORE_NAME
    + rb'''(?=[\s;|&]|\Z)'''
)
# macOS's keychain: `security add-generic-password -a user -s service -w v` (the password is -w's)
_KEYCHAIN = LazyPattern(
    rb'''(?<![\w-])security[ \t]+(?P<key>add-(?:generic|internet)-password)[ \t][^\n]{0,200}?(?<=[ \t])-w(?:[ \t]+)(?!-)(?='''
    + _VALUE + rb''')'''
)
# a user's password as an argument (twelfth hostile review, break 11): `htpasswd -b file user v` (`-nb user v`: no file;
# `-C 10` takes a number), `USER_PASSWORD_COMMANDS` (`net user admin v /add`: `*` asks for it; `/add`, `/delete` are options)
_HTPASSWD = LazyPattern(rb'''(?<![\w/.-])htpasswd(?P<opts>(?:[ \t]+-[A-Za-z]{1,8}(?:(?<=C)[ \t]+\d{1,2})?){1,4})[ \t]+''')
_ARGUMENT = rb'''(?:"[^"\n]{1,200}"|'[^'\n]{1,200}'|[^\s"'-][^\s"']{0,200})[ \t]+'''
_HTPASSWD_USER = LazyPattern(_ARGUMENT + _ARGUMENT_VALUE)
_HTPASSWD_FILE_USER = LazyPattern(_ARGUMENT + _ARGUMENT + _ARGUMENT_VALUE)
_USER_PASSWORD = LazyPattern(
    rb'''(?<![\w-])(?i:''' + _USER_PASSWORD_COMMAND.encode() + rb''')[ \t]+(?:"[^"\n]{1,80}"|[^\s"/*]{1,80})[ \t]+(?![bBuUrRfFL@]{0,2}["']?[/*])(?=''' + _VALUE + rb''')'''
)
# `--name K` and `--value v` on one line, in either order: `aws ssm put-parameter`, `az keyvault secret set`
_NAME_ARG = rb'''(?<![\w-])--name(?:=|[ \t]+)(?P<kq>["']?)(?P<key>[A-Za-z_/][\w:./-]{0,80})(?P=kq)(?=[\s;|&]|\Z)'''
_NAME_VALUE = LazyPattern(_NAME_ARG + rb'''[^\n]{0,200}?[ \t]--value(?:=|[ \t]+)(?=''' + _VALUE + rb''')''')
_VALUE_NAME = LazyPattern(
    rb'''(?<![\w-])--value(?:=|[ \t]+)''' + _VALUE + rb'''(?=[ \t])[^\n]{0,200}?[ \t]''' + _NAME_ARG)  # (a value ends at a blank: read once)
_ENV_ITEM = LazyPattern(
    rb'''(?i:(?:Set|New)-Item[ \t]+(?:-Path[ \t]+)?["']?Env:)(?P<key>\w{1,80})["']?[ \t]+(?i:-Value)[ \t]+(?=''' + _VALUE + rb''')'''
)
# (the command, not a directory: /var/lib/mysql/peer-list … -protocol= is no mysql -p)
_MYSQL_P = LazyPattern(rb'(?:mysql|mysqldump|mysqladmin|mariadb|mysqlimport)(?![\w/.-])[^\n]{0,200}?[ \t]-p(?P<uv>[^\s\'"-][^\s\'"]{0,200})')
# openssl's password arguments: `-passin pass:v`, `-passout "pass:v"`, `-pass pass:v`, `-password pass:v` (`env:VAR`,
# `file:path`, `fd:N`, `stdin` say where to read it; twelfth hostile review, break 11); `PASSWORD_ARGUMENTS`
_OPENSSL_PASS = LazyPattern(rb'''(?<![\w-])-pass(?:in|out|word)?[ \t]+["']?pass:(?P<uv>[^\s"'`]{1,500})''')
_PASSWORD_ARGUMENT = LazyPattern(
    rb'''(?<![\w.-])(?:''' + '|'.join(command + r'(?![\w/.-])[^\n]{0,200}?[ \t]' + argument for command, argument in PASSWORD_ARGUMENTS).encode()
    + rb''')[ \t]+''' + _ARGUMENT_VALUE)
_LOGIN_P = LazyPattern(rb'''(?:\blogin\b|psexec)[^\n]{0,200}?[ \t](?:-p|--password)[ \t]+(?=''' + _VALUE + rb')')
# curl -u user:pw, --user user:'pw', --user "user":"pw" (no brackets in the user: Markdown links)
# (no braces or $ in the user: -u "${ADMIN_USER:-admin}" is a shell default, not user:password; no `+` first and no
# `%` in it: `date -u +%Y.%m.%d_%H:%M:%S` is a time stamp's format, held-out 71's wal-g Makefile)
# (`-u "user:v"`: the value quoted with its user, also in a string of code, `curl -u \"admin:v\"`; fifteenth hostile
# review, break 01)
_USER_COLON = LazyPattern(
    rb'''[ \t](?:-u|--user)[ \t]+(?:(?P<q>["'])(?!\+)[^\s:"'\x60\[\]()<>{}$%]{0,100}:(?!//)(?P<dqv>[^\s"']{1,200})(?P=q)'''
    rb'''|["']?(?!\+)[^\s:"'\x60\[\]()<>{}$%]{0,100}["']?:(?!//)["']?(?P<uv>[^\s"']{1,200}))'''
)
# curl -u TOKEN: (an empty password: the user is the API key, as Stripe's and Elastic's docs write it)
_USER_TOKEN = LazyPattern(rb'''[ \t](?:-u|--user)[ \t]+["']?(?P<uv>[A-Za-z0-9_!$%+/=.-]{16,200}):["']?(?=[\s"']|$)''')
_PAIR = LazyPattern(
    rb'''\([ \t]*["'](?P<key>[\w.-]{1,80})["'][ \t]*,[ \t]*(?:default[ \t]*=[ \t]*)?(?=''' + _QUOTED_VALUE + rb'''[ \t]*[,)])'''
)
# a section or a map's name first: configparser's config.set("db", "password", "v") (seventh review, break 10); a
# setter's only: array('user', 'pass', 'Basic') is a user, a password and a scheme (guzzle's UPGRADING.md)
_PAIR_IN = LazyPattern(
    rb'''(?<![\w$])(?:set|put|set_value|setValue|setdefault)\([ \t]*["'](?P<section>[\w.-]{1,80})["'][ \t]*,[ \t]*["'](?P<key>[A-Za-z][\w.-]{0,79})["'][ \t]*,[ \t]*(?='''
    + _QUOTED_VALUE + rb'''[ \t]*[,)])'''
)
# an environment variable's name and its value as two arguments in the middle of a call:
# kubectl.patchSecret("mod-search", "SYSTEM_USER_PASSWORD", "v", "ns") (held-out 62, after its measurement: gitleaks
# found it); the name in capitals, as an environment variable's
_PAIR_ARG = LazyPattern(  # (or as the default: Ansible's lookup('env', 'DB_PASSWORD', default='v'), thirteenth review, 03)
    rb'''(?-i:,[ \t]*["'](?P<key>[A-Z][A-Z0-9_.]{2,79})["'][ \t]*,[ \t]*)(?:default[ \t]*=[ \t]*)?(?=''' + _QUOTED_VALUE + rb'''[ \t]*[,)])'''
)
_TF_VARIABLE = LazyPattern(rb'\bvariable[ \t]+"(?P<key>[\w-]{1,80})"')
_TF_DEFAULT = LazyPattern(rb'''(?m)(?:^|\{)[ \t]*default[ \t]*=[ \t]*(?:(?=''' + _QUOTED_VALUE
                          + rb')|<<-?(?P<tag>[A-Za-z_]\w{0,40})[ \t]*\r?$)|^\}')  # (a heredoc: sixth review, break 09)
_DOCKER_LINE = LazyPattern(rb'[ \t]*(?:ENV|ARG)[ \t]')
_FORM_FIELD = LazyPattern(r'&(?:\w+=|\Z)')  # a next field, or the `&` a string ends on before the next piece
_URL_END = LazyPattern(rb'[\s"\'<>]')
_SIGNED_URL = LazyPattern(rb'[?&](?:e|expires|exp|x-amz-expires|se|x-goog-expires)=\d', re.I)
# the source of an embedded frame, image or video in a page (also escaped, in a feed's HTML): every visitor's browser
# is handed its token (held-out 61: 34 Blogger video tokens in a saved Atom feed)
_EMBED_SRC = LazyPattern(rb'(?i)\bsrc=(?:\\?["\']|&(?:quot|apos|\#0{0,3}3[49]|\#x0{0,2}2[27]);)?https?://[^\s"\'<>]*\Z')
_BADGE = LazyPattern(rb'badge|shields\.io|codecov\.io/gh/', re.I)
# ${X:-v} ${X-v} ${X:=v} (shell, compose); ${x.y:v} (Spring, Micronaut, Quarkus: a property's default);
# not ${X:?message} (an error) nor ${X:+v} (used when X is set). The default quoted, as the shell reads it:
# ${X:-"v"}, ${X:-'v'}, `export PGPASSWORD="${DB_PASSWORD:-"v"}"` (thirteenth hostile review, break 03), bash's
# ${X:-$'v'}. The default behind nested defaults, up to three: ${POSTGRES_PASSWORD:-${DB_PASSWORD:-v}}, Spring's
# ${DB_PASSWORD:${PGPASSWORD:v}}, judged under the outer name (fourteenth hostile review, break 02: the outer default
# ran to the first `}`, read as a template and dropped, and the search went on after it, past the inner one). An
# unquoted default stops at `${` (a reference, or a deeper default than three): it no longer runs on to the next `}`
_SHELL_DEFAULT_OP = rb'''(?::?[-=]|:(?![?+]))'''
_FALLBACK_SHELL = LazyPattern(
    rb'''\$\{(?P<key>[\w.-]{1,80})''' + _SHELL_DEFAULT_OP + rb'''(?:\$\{[\w.-]{1,80}''' + _SHELL_DEFAULT_OP + rb'''){0,3}'''
    rb'''(?:\$?(?P<q>["'])(?P<qv>(?:(?!(?P=q))[^\n\\]|\\.){1,300})(?P=q)|(?P<uv>(?:[^}\s"'$]|\$(?!\{)){1,300}))\}''')
# keys start where no key character precedes: tried from inside a run, the lazy key cost O(n x 120) on minified code
_OR_DEFAULT_B = _OR_DEFAULT.encode()
_FALLBACK_OR = LazyPattern(rb'''(?<![\w.\[\]'"])(?P<key>[\w.\[\]'"]{1,120}?)[ \t]*(?:''' + _OR_DEFAULT_B + rb'''|\bor\b)[ \t]*(?=''' + _QUOTED_VALUE + rb')')
# \bor\b: the \b before is checked in Python (4x faster); `{` (a Ruby block's default) and a method after a call only
_FALLBACK_OPERATOR = LazyPattern(_OR_DEFAULT_B + rb'|or\b|\{|' + _DEFAULT_METHOD_B)
_KEY_RUN = LazyPattern(rb'''[\w.\[\]'"]{1,120}[ \t]*\Z''')  # the key characters just before an operator
# a call whose string argument names the key, just before an operator: get_env("SECRET_KEY_BASE") || "…"; maybe in
# another call (Optional.ofNullable(System.getenv("X")).orElse("…"))
_CALL_RUN = LazyPattern(rb'''[\w.:]{1,80}\([ \t]*["'][\w.-]{1,80}["'][ \t]*\)[ \t]*(?:\)[ \t]*)?\Z''')
_FALLBACK_CALL = LazyPattern(
    rb'''[\w.:]{1,80}\([ \t]*["'](?P<key>[\w.-]{1,80})["'][ \t]*\)[ \t]*(?:\)[ \t]*)?(?:''' + _OR_DEFAULT_B
    + rb'''|\bor\b|\{|''' + _DEFAULT_METHOD_B + rb''')[ \t]*(?=''' + _QUOTED_VALUE + rb')')
# the first of its arguments that is set, a call naming the key then the default: Go's cmp.Or(os.Getenv("X"), "…"), SQL's
# COALESCE(current_setting('app.db_password'), '…'); Java's helpers (thirteenth hostile review, break 03):
# Objects.requireNonNullElse(System.getenv("X"), "…"), Objects.toString(…, "…"), Apache Commons' StringUtils.defaultIfBlank,
# defaultIfEmpty, defaultString and ObjectUtils.defaultIfNull, firstNonNull (Guava's MoreObjects.firstNonNull)
_FIRST_SET_CALLS = (b'Or(', b'oalesce(', b'OALESCE(', b'NonNullElse', b'defaultIf', b'defaultString(', b'firstNonNull(',
                    b'Objects.toString(', b'try(')  # (what each call's name ends with: the extractor looks for them first)
# (the call naming the key may take a flag after it, as SQL's current_setting('app.db_password', true); more calls may
# stand before the default, cmp.Or(os.Getenv("DB_PASSWORD"), os.Getenv("PGPASSWORD"), "…"), the key is the first's:
# fourteenth hostile review, break 02)
_NAMING_CALL = rb'''[\w.:]{1,80}\([ \t]*["'](?P<key>[\w.-]{1,80})["'](?:[ \t]*,[ \t]*\w{1,10})?[ \t]*\)'''
# An argument may be a reference whose last name names the key (Terraform's `coalesce(var.db_password, "…")`,
# `try(var.rds.master_password, "…")`), and the call naming it may stand in SQL's NULLIF, which makes an empty setting
# NULL (`COALESCE(NULLIF(current_setting('app.db_password', true), ''), '…')`) (fifteenth hostile review, break 06)
_DOTTED_ARGUMENT = rb'''[A-Za-z_]\w{0,80}(?:\.[A-Za-z_]\w{0,80}){0,5}'''
_NAMING_ARGUMENT = (rb'''(?:(?P<nullif>(?i:nullif)\([ \t]*)?''' + _NAMING_CALL + rb'''(?(nullif)[ \t]*,[ \t]*(?:''|"")[ \t]*\))'''
                    rb'''|(?P<rkey>''' + _DOTTED_ARGUMENT + rb'''))[ \t]*,[ \t]*''')
_OTHER_ARGUMENT = b'(?:' + _NAMING_CALL.replace(b'?P<key>', b'?:') + b'|' + _DOTTED_ARGUMENT + rb''')[ \t]*,[ \t]*'''
# a map's entry and the default when it is missing: Terraform's `lookup(var.db, "password", "v")` (fifteenth hostile review,
# break 06); the map a reference, the entry's name a string. Either may name the secret: `lookup(var.db_passwords,
# "prod", "v")` (sixteenth hostile review, break 07)
_LOOKUP = LazyPattern(
    rb'''(?<![\w$.])lookup\([ \t]*(?P<map>''' + _DOTTED_ARGUMENT + rb''')[ \t]*,[ \t]*["'](?P<key>[\w.-]{1,80})["'][ \t]*,[ \t]*(?='''
    + _QUOTED_VALUE + rb'''[ \t]*\))'''
)
_FIRST_SET = LazyPattern(
    rb'''(?<![\w$.])(?:cmp\.Or|[Cc]oalesce|COALESCE|try|Objects\.toString|(?:[A-Z]\w{0,30}\.)?'''
    rb'''(?:requireNonNullElse(?:Get)?|defaultIf(?:Blank|Empty|Null)|defaultString|firstNonNull))\([ \t]*''' + _NAMING_ARGUMENT
    + b'(?:' + _OTHER_ARGUMENT + rb'){0,2}(?:\([ \t]*\)[ \t]*->[ \t]*(?:\{[ \t]*(?:return[ \t]+)?)?)?(?=' + _QUOTED_VALUE + rb')')
# Jinja's `default` filter (`d` for short; Ansible's, Salt's, Twig's; Liquid's `default:`) after the key, or after a call
# whose last string argument names it (`lookup('env', 'DB_PASSWORD') | default('…', true)`), other filters maybe
# between (`| trim | default('…')`); each key tried from the start of its run of key characters only, as in `_FALLBACK_OR`
_JINJA_DEFAULT = LazyPattern(
    rb'''(?<![\w.\[\]'"])(?:(?P<key>[\w.\[\]'"]{1,120}?)|[\w.]{1,80}\((?:[ \t]*["'][\w.-]{0,80}["'][ \t]*,)?[ \t]*'''
    rb'''["'](?P<ckey>[\w.-]{1,80})["'][ \t]*\))''' + _JINJA_FILTERS.encode() + rb'''[ \t]*\|[ \t]*''' + _JINJA_DEFAULT_FILTER.encode()
    + rb'''[ \t]*(?=''' + _QUOTED_VALUE + rb')')
_JINJA_FILTER = LazyPattern(rb'\|[ \t]*' + _JINJA_DEFAULT_FILTER.encode())  # (looked for first: `|` alone is JavaScript's every `||`)
_QUOTE_NEXT = LazyPattern(rb'''[ \t]*[bBuUrRfFL@]{0,2}\\?["'`]''')  # what _QUOTED_VALUE can start with
# Go templates' (Helm's, sprig's) defaults: `.Values.x | default "v"`, `default "v" .Values.x` (`$.Values.x` in a range);
# sprig's `env "X" | default "v"` and `coalesce .Values.x .Values.y "v"` (the first set of its arguments; the key is the
# first one's) (fourteenth hostile review, break 02)
_HELM_VALUE = rb'''\$?\.[\w.]{1,120}'''
_FALLBACK_DEFAULT = LazyPattern(
    rb'''(?:(?<![\w.])(?P<key>\.[\w.]{1,120})[ \t]*\|[ \t]*default|(?<![\w.])env[ \t]+"(?P<ekey>[\w.-]{1,80})"[ \t]*\|[ \t]*default'''
    rb'''|(?<![\w.])coalesce[ \t]+\$?(?P<ckey>\.[\w.]{1,120})(?:[ \t]+''' + _HELM_VALUE + rb'''){0,3})[ \t]+(?=''' + _QUOTED_VALUE + rb')'
    rb'''|\bdefault[ \t]+(?=''' + _QUOTED_VALUE.replace(b'?P<', b'?P<d').replace(b'?P=', b'?P=d') + rb''')[^\n]{0,300}?[ \t]\$?(?P<dkey>\.[\w.]{1,120})'''
)
_HELM_KEYS = ('key', 'ekey', 'ckey', 'dkey')
_CALL = LazyPattern(rb'''(?<![\w$])(?P<key>[A-Za-z_]\w{0,60})\([ \t]*(?=''' + _QUOTED_VALUE + rb'''[ \t]*\))''')  # one argument
# A call that sets a password given after other arguments (a user's id, a realm, a context): Keycloak's admin clients,
# python-keycloak's `set_user_password(user_id, "v", temporary=False)` and gocloak's `SetPassword(ctx, token, userID,
# realm, "v", false)` (fifteenth hostile review, break 07), `setUserPassword(user, "v")`. The name sets a password
# (a getter's or a checker's argument is looked up or compared; the key judge takes change_password, reset_password and
# update_password for a form's action, not a credential). The value is the last string: only flags, numbers and keyword
# arguments of such may follow it. Up to 5 arguments before it, each a reference (maybe a call of no arguments:
# `user.GetID()`) or a string.
# (a call's result or a subscript as an argument too, `get_user_id("alice")`, `user["id"]`, `users[0].ID`,
# `gocloak.PString(user.ID)`: sixteenth hostile review, break 03; their brackets hold no bracket of their own)
# (a member only after the brackets: `a.a.a` read as a name and a member in as many ways as it has dots, over five
# arguments, took seconds a line; seventeenth hostile review, break 03)
_SETTER_ARGUMENT = (rb'''(?:[A-Za-z_&*][\w.]{0,80}(?:(?:\([^()\n]{0,80}\)|\[[^\[\]\n]{0,40}\])(?:\.[\w.]{1,40})?)?'''
                    rb'''|"[^"\n\\]{0,80}"|'[^'\n\\]{0,80}')[ \t]*,[ \t]*''')
_FLAG_ARGUMENT = rb'''[ \t]*,[ \t]*(?:\w{1,30}[ \t]*=[ \t]*)?(?:true|false|True|False|nil|None|\d{1,5})'''
_PASSWORD_SETTER = LazyPattern(
    rb'''(?<![\w$])(?P<key>[Ss]et\w{0,40}[Pp]assword)\([ \t]*(?:''' + _SETTER_ARGUMENT + rb'''){1,5}'''
    rb'''(?=''' + _QUOTED_VALUE + rb'''(?:''' + _FLAG_ARGUMENT + rb'''){0,3}[ \t]*\))''')
_SPACED = LazyPattern(rb'''(?<![\w$.-])(?P<key>[A-Za-z_]\w{0,60})[ \t]+(?=''' + _QUOTED_VALUE + rb'''[ \t]*[;)]?[ \t]*(?:$|\r|\n|\#|//))''')
# Lisp's and EDN's: a definition, `(def secret-access-key "v")` (garage's Jepsen tests, Clojure; held-out 87), `(setq
# api-key "v")`, and a keyword before its value, `{:password "v"}` (Clojure's maps), `:key "v"` (Emacs Lisp's plists);
# the name with its hyphens (the `spaced` family's anchor)
# (and a name in earmuffs, `(defparameter *api-key* "v")`, Clojure's metadata, `(def ^:private secret-key "v")`, a
# namespaced keyword, `{:db/password "v"}`, the value on the next line: eighteenth hostile review, break 02)
_LISP_DEF = rb'''\((?:def|defonce|defvar|defparameter|defconst|defcustom|setq|setq-default|setf|define)[ \t]+(?:\^[:\w.-]{1,40}[ \t]+)*'''
_LISP_PAIR = LazyPattern(
    rb'''(?:''' + _LISP_DEF + rb'''|(?<![\w:-]):)'''
    rb'''\*?(?P<key>[A-Za-z_][\w+!?/-]{0,60})\*?(?:[ \t]+|[ \t]*\r?\n[ \t]*)(?=''' + _QUOTED_VALUE + rb'''[ \t]*(?:[)}\],\s]|\Z))''')


# a name in markup and its value: the name in emphasis, a table row's first two cells, an HTML table's or a definition
# list's cells; the value a single word (a cell of prose describes the setting, it does not hold it)
_MARKUP = LazyPattern(
    rb'''(?:\*\*|__)(?P<key>[A-Za-z][\w .-]{0,60}?)[ \t]*:?[ \t]*(?:\*\*|__)[ \t]*:?[ \t]+(?P<bq>`?)(?P<uv>[^\s`*|<>]{1,500})(?P=bq)'''
    rb'''(?=[ \t]*(?:[,;.][ \t]*)?(?:\r?\n|\Z))'''
    rb'''|(?m:^)[ \t]*\|[ \t]+(?P<rq>[`*_]{0,2})(?P<rkey>[A-Za-z][\w .-]{0,60}?)(?P=rq)[ \t]+\|[ \t]+(?P<vq>[`*]{0,2})'''
    rb'''(?P<ruv>[^\s|`*]{1,500})(?P=vq)[ \t]*(?:\||\r?$)'''
    rb'''|<(?P<t>td|th|dt)(?:[ \t][^<>\n]{0,100})?>[ \t]*(?P<hkey>[A-Za-z][\w .-]{0,60}?)[ \t]*:?[ \t]*</(?P=t)>[ \t]*'''
    rb'''<(?P<v>td|dd)(?:[ \t][^<>\n]{0,100})?>[ \t]*(?:<code>)?(?P<huv>[^\s<>]{1,500}?)(?:</code>)?[ \t]*</(?P=v)>''', re.M)


_TRIPLE = LazyPattern(  # a key, `=` (after a type annotation), a triple quote opening the string
    rb'''(?<![\w$@.:\-])(?P<key>[A-Za-z_][\w.\-]{0,80})["']?[ \t]*(?:(?::[ \t]*[\w.\[\]]{1,40}[ \t]*)?=|:)[ \t]*[bBuUrRfF]{0,2}'''
    rb'''(?P<delimiter>\'\'\'|""")''')


_YAML_BLOCK = LazyPattern(
    rb'''(?m)^(?P<indent>[ \t]*(?:- )?)["']?(?P<key>[\w.\-]{1,80})["']?[ \t]*:[ \t]+(?P<props>''' + _YAML_PROPERTIES.encode() + rb''')[|>](?:[1-9][-+]?|[-+][1-9]?)?'''
    rb'''[ \t]*(?:\#[^\n]*)?\r?$'''
)
# a line below `key:` that is not a plain scalar: a mapping entry, a list item, a comment, a flow
# collection, an anchor, alias or tag, a block indicator, a directive
BLOCK_REACH = 1024  # bytes after a block scalar's header read for its lines (generic reach: scan.GENERIC_REACH)
_YAML_PARENT = LazyPattern(rb'([ \t]*)(?:- )?["\']?([\w.-]{1,80})["\']?[ \t]*:[ \t]*(?:[#&!|>].*)?\r?\Z')


def parent_keys(data: bytes, start: int, *, lines: int = 40) -> list[str]:
    """The YAML (or indented) mapping keys above the line holding ``start``, innermost first."""
    line_start = data.rfind(b'\n', 0, start) + 1
    line = data[line_start:start]  # enough for the line's indent
    indent = len(line) - len(line.lstrip(b' \t'))
    out: list[str] = []
    pos = line_start - 1
    for _ in range(lines):
        if pos <= 0 or indent == 0:
            break
        prev = data.rfind(b'\n', 0, pos) + 1
        text = data[prev:pos]
        pos = prev - 1
        stripped = text.lstrip(b' \t')
        if not stripped or stripped.startswith(b'#'):
            continue
        width = len(text) - len(stripped)
        if width < indent:
            m = _YAML_PARENT.match(text)
            if m is None:
                break
            out.append(m.group(2).decode('ascii'))  # [\w.-] of a bytes pattern: ASCII
            indent = width
    return out


def _value(m: re.Match[bytes]) -> tuple[int, int, bool] | None:
    """Span of the value group that matched, and whether it was quoted."""
    for name, quoted in (('ev', True), ('qv', True), ('uv', False), ('dev', True), ('dqv', True), ('cv', True)):
        try:
            start, end = m.span(name)
        except IndexError:
            continue
        if start >= 0:
            return start, end, quoted
    return None


def _text(data: bytes, start: int, end: int) -> str:
    return data[start:end].decode('utf-8', 'replace')


_BEFORE_PLACEHOLDER = frozenset((b'.', b'_', b'-', b'/', b':'))
# `<rest>`, `<your-key>` closing a value; not an HTML tag (`v<br>`, `v</td>`)
_PLACEHOLDER_AFTER = LazyPattern(
    rb'<(?!/|(?:br|p|b|i|a|em|strong|span|div|td|th|tr|li|ul|ol|code|pre|tt|sup|sub|hr|small|img|font|u|s)\b)[^<>\s]{1,40}>'
    rb'(?=[\s"\'`,;)]|\Z)', re.I)


# between two string literals the code joins into one: Python's and C's adjacent literals (also over a line end,
# inside brackets), `+` (Java, JavaScript, C#, Python), `.` (PHP), `&` (VB)
_JOIN_GAP = LazyPattern(rb'[ \t]*(?:\+|\.|&)?[ \t]*(?:\r?\n[ \t]*(?:\+|\.|&)?[ \t]*)?')
_DOUBLE_LITERAL = LazyPattern(rb'"((?:[^"\\\r\n]|\\.){0,4096})"')
_SINGLE_LITERAL = LazyPattern(rb"'((?:[^'\\\r\n]|\\.){0,4096})'")
_NAME_AFTER = LazyPattern(rb'[ \t]*(?::(?![:=])|=(?!=))')  # the literal is a key: "token": "v"\n"name": …
JOINED_PIECES = 16  # literals joined at most into one value (a token wrapped at 20 columns is 10 or so)


def joined_pieces(data: bytes, start: int, end: int) -> list[tuple[int, int]]:
    """The quoted value ``data[start:end]`` and the string literals the code joins to it (see ``_JOIN_GAP``), each
    as the span of its contents; the value alone when nothing is joined to it. A split secret is read whole:
    gallery-dl's ``HASH_SECRET = ("28c1…"\n"f83e…")``, a bearer token wrapped over three literals (held-out 66)."""
    quote = data[start - 1:start]
    pieces = [(start, end)]
    if quote not in (b'"', b"'") or data[end:end + 1] != quote:
        return pieces
    literal = _DOUBLE_LITERAL if quote == b'"' else _SINGLE_LITERAL
    while len(pieces) < JOINED_PIECES:
        gap = _JOIN_GAP.match(data, end + 1)
        nxt = gap.end() if gap is not None else end + 1
        if nxt == end + 1 or data[nxt:nxt + 1] != quote:
            break
        if not any(c in data[end + 1:nxt] for c in b'\n+.&'):
            break  # `"a" "b"` on one line: two arguments of a shell command (set -- --secret "X=$X" "$@"), rarely Python's join
        m = literal.match(data, nxt)
        if m is None or _NAME_AFTER.match(data, m.end()) is not None:
            break
        pieces.append(m.span(1))
        end = m.end(1)
    return pieces


def _trimmed(data: bytes, start: int, end: int) -> tuple[int, int]:
    """A quoted value without the blanks that pad it inside its quotes: gpt-academic's compose file lines its values up
    as `KEY:  '  jqXt…   '` (held-out 80: five API secrets missed). What is inside stays as it is."""
    while start < end and data[start] in b' \t':
        start += 1
    while end > start and data[end - 1] in b' \t':
        end -= 1
    return start, end


def _yield(data: bytes, m: re.Match[bytes], syntax: str, key: str | None = None) -> Iterator[Candidate]:
    span = _value(m)
    if span is None:
        return
    start, end, quoted = span
    if quoted:
        start, end = _trimmed(data, start, end)
    if end <= start:
        return
    if quoted:
        pieces = joined_pieces(data, start, end)
        if len(pieces) > 1:
            if key is None:
                key = _text(data, *m.span('key'))
            yield Candidate(key, ''.join(_text(data, a, b) for a, b in pieces), start, pieces[-1][1], syntax, quoted)
            return
    if not quoted and data[end:end + 1] == b'<' and (
            data[end - 1:end] in _BEFORE_PLACEHOLDER or _PLACEHOLDER_AFTER.match(data, end)):
        return  # `2314556.pt.<token>`, `ABSKQmVk<rest>`: the value is a template, text then a <placeholder>
    if key is None:
        key = _text(data, *m.span('key'))
    yield Candidate(key, _text(data, start, end), start, end, syntax, quoted)


# an environment variable as a property of an environment object: JavaScript's process.env.X (import.meta.env.X, Bun.env.X,
# a Worker's c.env.X), Ruby's ENV.X: the variable's name is the key, whatever names the object (`process` reads as a verb
# of a flag, process_token; tenth hostile review, break 12)
_ENV_PROPERTY = LazyPattern(rb'(?:\A|\.)(?:env|ENV|environ)\.([A-Za-z_]\w*)\Z')
_ANNOTATION_KEY = LazyPattern(rb'(?<![\w./-])[\w.-]+(?:/[\w.-]+)*/\Z')  # the prefix before a key's last '/'
# A YAML local tag before an unquoted value (one '!': the application resolves the value, as ESPHome's !secret,
# CloudFormation's !Ref / !GetAtt, !env_var, !include); the core tags (!!str, !!binary) keep a literal
_LOCAL_TAG = LazyPattern(rb'[ \t]*(?:&[\w-]+[ \t]+)?![A-Za-z]\w*[ \t]+(?:&[\w-]+[ \t]+)?\Z')


# the end of a string in parentheses: its quote, then `)` (after a comma and a line break, as black writes it)
# (after the literal, a decoding call's encoding argument or Python's .encode(): Buffer.from("…", "hex"),
# b64decode("…".encode()); twenty-fourth review, 07)
_ENCODING = rb'''["'](?i:hex|base(?:16|32|64)(?:url)?|utf-?(?:8|16(?:le|be)?)|ascii|latin-?1|binary|iso-?8859-?1)["']'''
_PAREN_CLOSED = LazyPattern(rb'''\\?["'`]\#{0,3}(?:\.encode\([ \t]*(?:''' + _ENCODING + rb'''[ \t]*)?\))?[ \t]*'''
                            rb'''(?:,[ \t]*(?:\r?\n[ \t]*)?''' + _ENCODING + rb'''[ \t]*)?'''  # (its own line: prettier; 25th, 03)
                            rb''',?[ \t]*(?:\r?\n[ \t]*)?\)''')


def _paren_closed(data: bytes, m: re.Match[bytes], hi: int) -> bool:
    """Whether a value after ``(`` is all the parentheses hold before ``hi``: ``x = ("v")``, not ``x = ("v" if a else
    "w")`` (a jira-python template key written so)."""
    span = _value(m)
    if span is None:
        return False
    end = joined_pieces(data, span[0], span[1])[-1][1] if span[2] else span[1]
    return _PAREN_CLOSED.match(data, end, max(hi, end + 64)) is not None


def assign(data: bytes, lo: int, hi: int) -> Iterator[Candidate]:
    matches: Iterator[re.Match[bytes]] = _ASSIGN.finditer(data, lo, hi)
    if _COLON_IN_KEY.search(data, lo, hi):
        matches = itertools.chain(matches, _COLON_KEY.finditer(data, lo, hi))
    for m in matches:
        op = m.group('op')
        if op == b'==' or m.group('paren') and not _paren_closed(data, m, hi):  # (its line only: SELF_CONTAINED)
            continue
        syntax = 'note' if op == b'-' else 'make-shell' if op == b'!=' else 'docker' if _DOCKER_LINE.match(data, lo) else 'assign'
        query = m.start() > 0 and (data[m.start() - 1] in b'?&' or data.endswith(b'&amp;', 0, m.start()))
        if query:
            back = max(0, m.start() - 2048)  # the URL may start before this segment (a long minified line)
            url_start = max(back, data.rfind(b' ', back, m.start()) + 1, data.rfind(b'"', back, m.start()) + 1)
            url_end = _URL_END.search(data, m.start(), m.start() + 2048)
            url = data[url_start:url_end.start() if url_end else m.start() + 2048]
            if _BADGE.search(url) or _SIGNED_URL.search(url) or _EMBED_SRC.search(data, max(back, url_start - 16), m.start()):
                continue  # a badge's image URL (public by design), a signed download URL (expires), an embed's source
        if _phrase_key(data, m) or _label_string(data, m):
            continue
        key = None
        env = _ENV_PROPERTY.search(m.group('key'))
        if env is not None:
            key = env.group(1).decode('ascii')  # process.env.DB_PASSWORD: the variable's name is the key
        elif m.start('key') > lo and data[m.start('key') - 1] == 0x2f:  # '/': a Kubernetes annotation's name
            run = _ANNOTATION_KEY.search(data, max(lo, m.start('key') - 120), m.start('key'))  # checksum/secret
            key = _text(data, run.start(), m.end('key')) if run is not None else None
        for c in _yield(data, m, syntax, key=key):
            if not c.quoted and _in_template_action(data, m.start('key'), lo):
                continue  # {{- $password := (randAlphaNum 16) | b64enc }}: template code, not a value
            if not c.quoted and _LOCAL_TAG.match(data, m.end('op'), c.start):
                continue  # pwd: !secret wifi_pwd, Password: !Ref pAdminPassword: a name the application resolves
            if not c.quoted and op == b':':
                if c.value[:1] in ('&', '!', '*'):
                    continue  # a node property or an alias alone (&pw >-, *default_password): no plain value
                if not _yaml_scalar(data, m.end('op'), c.end, hi):
                    continue  # Key:HU:x (no space after the colon), title: DE:Tag:x canoe pass (a phrase)
                c = c._replace(key=_words_before(data, m.start('key'), lo) + c.key, syntax='yaml')
            if not c.quoted and '&' in c.value and (query or _FORM_FIELD.search(c.value)):
                value = c.value.split('&', 1)[0]  # a URL query or a form body: ?api_key=v&page=2, token=v&hint=x
                c = c._replace(value=value, end=c.start + len(value.encode()))
            yield c


def in_query(data: bytes, c: Candidate) -> bool:
    """An unquoted ``key=value`` that is a URL's query parameter or a form body's field, so a string's
    text even in code (where an unquoted value is otherwise an expression)."""
    key = c.key.encode('utf-8', 'surrogateescape')
    key_start = c.start - 1 - len(key)
    return (not c.quoted and c.syntax == 'assign' and data[c.start - 1:c.start] == b'='
            and data[key_start:c.start - 1] == key and _query_in_string(data, key_start, c.end))


def _query_in_string(data: bytes, key_start: int, value_end: int) -> bool:
    """The ``key=value`` at ``key_start`` is a URL's query parameter (``/path?key=``), a form body's later
    field (``a=1&key=``) or the first field of a string (``"key=v&…"``, ``"key=v"``): not code's
    ``cond?token=x:y`` or ``a&&key=v``."""
    before = data[key_start - 1:key_start]
    if before in (b'"', b"'"):
        return data[value_end:value_end + 1] in (b'&', before)
    if before not in (b'?', b'&') or data[key_start - 2:key_start] == b'&&':
        return False
    back = max(0, key_start - 2048)
    start = max(data.rfind(b' ', back, key_start), data.rfind(b'"', back, key_start), data.rfind(b"'", back, key_start),
                data.rfind(b'\n', back, key_start)) + 1
    text = data[max(start, back):key_start - 1]
    return b'/' in text if before == b'?' else b'=' in text


_KEY_PHRASE = LazyPattern(rb'(?:[ \t]*(?:[-*#]|//)?[ \t]*)((?:[A-Za-z]+ ){1,3})\Z')


def _words_before(data: bytes, key_start: int, lo: int) -> str:
    """The words that open a YAML key (or a note) with spaces: ``Public spend key: v`` has the key
    ``Public spend key``, not ``key``; empty when the key starts its line."""
    line_start = max(lo, data.rfind(b'\n', lo, key_start) + 1)
    m = _KEY_PHRASE.match(data, line_start, key_start)
    return m.group(1).decode('ascii') if m else ''


def _phrase_key(data: bytes, m: re.Match[bytes]) -> bool:
    """The key is the last word of a quoted phrase: ``"This is a very common password":"x"`` (the two
    branches of a ternary in minified code, a message and its translation): UI text, not a key."""
    kq = m.group('kq')
    start = m.start('key')
    if not kq or data[start - 1:start] not in (b' ', b'\t'):
        return False
    opening = data.rfind(kq[-1:], data.rfind(b'\n', 0, start) + 1, start)
    return opening != -1 and data.count(b' ', opening, start) >= 2


def _in_template_action(data: bytes, pos: int, lo: int = 0) -> bool:
    """``pos`` is inside a ``{{ … }}`` action (Helm, Go, Jinja) opened earlier on its line, after
    ``lo`` (the start of the extractor's segment: on a long minified line, looking back to the line's
    start from every candidate cost O(n) each)."""
    line_start = data.rfind(b'\n', lo, pos) + 1 or lo
    opened = data.rfind(b'{{', line_start, pos)
    return opened != -1 and data.find(b'}}', opened, pos) == -1


def _label_string(data: bytes, m: re.Match[bytes]) -> bool:
    """The key and its operator are the text of a string that ends right after them: ``"Password:"``,
    ``'token='`` (a label, the start of a concatenation). What follows is code, not the value: in a
    minified bundle ``createElement("label",null,"Password:"),g?…`` made ``),g?…`` a password."""
    start = m.start('key')
    opening = data[start - 1:start]
    return (opening in (b'"', b"'") and not m.group('kq')
            and data[m.end('op'):m.end('op') + 1] == opening)


def _yaml_scalar(data: bytes, op_end: int, value_end: int, hi: int) -> bool:
    """After ``key:`` an unquoted value is a YAML scalar: a space after the colon, and no word after the
    value on its line (``title: DE:Tag:waterway=canoe pass`` is a phrase)."""
    if data[op_end:op_end + 1] not in (b' ', b'\t'):
        return False
    rest = data[value_end:hi].strip()
    return not rest[:1].isalnum()  # a phrase goes on with a word; a quote, a comma or a comment may follow


def yaml_block(data: bytes, lo: int, hi: int) -> Iterator[Candidate]:
    """``key: |`` (or ``>``, ``>-``, ``|2``, ``|+``) and the block below it, when the block is one
    non-empty line: that line is the value. A block of several lines is text, a script or a key
    (PEM blocks have their own rules): no candidate. The block is the lines indented deeper than
    the key, read at most ``BLOCK_REACH`` bytes on."""
    for m in _YAML_BLOCK.finditer(data, lo, hi):
        if _LOCAL_TAG.match(b' ' + m.group('props')):
            continue  # password: !vault |: a value the application decrypts or resolves
        value = _one_line_below(data, m)
        if value is not None:
            yield Candidate(_text(data, *m.span('key')), _text(data, *value), value[0], value[1], 'yaml', False)


def _one_line_below(data: bytes, m: re.Match[bytes], *, comments: bool = False) -> tuple[int, int] | None:
    """The span of the one non-empty line indented deeper than the key ``m`` matched (stripped),
    or None: no such line, several, or the block goes on past ``BLOCK_REACH``. ``comments``: lines
    that start with ``#`` are YAML comments, skipped (below a plain ``key:``; in a block scalar they are text)."""
    size = len(data)
    column = len(m.group('indent'))  # the block is what is indented deeper than the key
    limit = min(size, m.end() + BLOCK_REACH)
    value: tuple[int, int] | None = None
    pos = m.end()  # at the header's line break (or the end of the data)
    while pos < size:
        newline = data.find(b'\n', pos + 1, limit)
        cut = newline == -1 and limit < size  # this line goes on past what is read
        line_start, pos = pos + 1, newline if newline != -1 else limit
        line = data[line_start:pos]
        text = line.strip()
        indent = len(line) - len(line.lstrip(b' \t'))
        if comments and text.startswith(b'#') and not cut:
            continue  # a comment line between the key and its value
        if text and indent <= column:
            break  # the next key: the block is over
        if text and value is not None:
            value = None  # a second line: text, a script, a key body
            break
        if cut:
            value = None  # the block's end (or its one line's) is not in reach: not judged
            break
        if text:
            value = (line_start + indent, line_start + indent + len(text))
    return value


def yaml_below(data: bytes, lo: int, hi: int) -> Iterator[Candidate]:
    """``key:`` (or ``key: &anchor``) ending its line and a plain scalar alone on the one deeper line below
    it (``password:`` / ``  Xq7-…``): YAML reads that line as the key's value. Not a mapping entry (``k: v``),
    a list item, a comment, nor a block of several lines (text)."""
    start = lo
    for _ in range(GAP_LINES + 1):  # (the anchor ends below the key: up over the blank and comment lines between)
        if not start:
            break
        floor = max(0, start - 1 - 200)
        newline = data.rfind(b'\n', floor, start - 1)
        if newline == -1 and floor:
            break  # a line longer than a key's: read no further up (bounded: no rescan of the file per hit)
        end, start = start - 1, newline + 1
        line = data[start:end].strip()
        if line and not line.startswith(b'#'):
            break  # the key's line
    for m in _YAML_BELOW.finditer(data, start, hi):
        if _LOCAL_TAG.match(b' ' + m.group('props') + b' '):
            continue  # password: !vault, pwd: !secret: the application resolves what stands below
        value = _one_line_below(data, m, comments=True)
        if value is None:
            continue
        text = data[value[0]:value[1]]
        quoted = _QUOTED_SCALAR.match(text)
        if quoted is not None:  # password: # prod / "v" (fifth hostile review, break 05)
            s, e = value[0] + quoted.start('qv'), value[0] + quoted.end('qv')
            yield Candidate(_text(data, *m.span('key')), _text(data, s, e), s, e, 'yaml', True)
            continue
        if _PLAIN_SCALAR.match(text) is None or b': ' in text or text.endswith(b':') or b' #' in text:
            continue
        yield Candidate(_text(data, *m.span('key')), _text(data, *value), value[0], value[1], 'yaml', False)


def triple(data: bytes, lo: int, hi: int) -> Iterator[Candidate]:
    """A triple-quoted string under a key (TOML's '''…''' and \"\"\"…\"\"\", Python's and Kotlin's): its text
    is the value when it is one line, on the key's line or alone between the quotes' lines (TOML trims the line
    break after the opening quotes); a string of several lines is text, a script or a key body (not one value).
    The closing quotes are looked for ``BLOCK_REACH`` bytes on."""
    for m in _TRIPLE.finditer(data, lo, hi):
        delimiter = m.group('delimiter')
        close = data.find(delimiter, m.end(), m.end() + BLOCK_REACH)
        if close == -1:
            continue
        body = data[m.end():close]
        text = body.strip()
        if not text or b'\n' in text:
            continue
        start = m.end() + len(body) - len(body.lstrip())
        end = start + len(text)
        yield Candidate(_text(data, *m.span('key')), _text(data, start, end), start, end, 'assign', True)


_HEREDOC = LazyPattern(  # a key, its operator, a heredoc's opener (`<<`, `<<-`, `<<~`, `<<<`) and its tag, ending the line;
    # or the shell's `read -r -d '' KEY <<EOF`
    rb'''(?m)(?:(?<![\w$@.:\-])(?:my[ \t]+|local[ \t]+)?[$@]?(?P<key>[A-Za-z_][\w.\-]{0,80})["']?[ \t]*(?:=>|=|:)[ \t]*'''
    rb'''(?:\$\([ \t]*cat[ \t]+)?|\bread[ \t]+(?:-\w+[ \t]+(?:''[ \t]+|""[ \t]+)?)*(?P<rkey>[A-Za-z_]\w{0,80})[ \t]*)'''
    rb'''(?:<<<|<<[-~]?)[ \t]*(?P<q>["']?)(?P<tag>[A-Za-z_]\w{0,40})(?P=q)'''
    rb'''(?:\.\w+(?:\(\))?)*[ \t]*[;,)]?[ \t]*\r?$''')
_HEREDOC_END = rb'[ \t]*%s[ \t]*[;,)]*[ \t]*\r?\Z'  # the line that ends it: its tag, maybe indented (`<<-`, `<<~`, PHP 7.3)


def heredoc(data: bytes, lo: int, hi: int) -> Iterator[Candidate]:
    """A heredoc under a key (HCL's ``<<EOT`` and ``<<-EOT``, PHP's ``<<<EOT`` and ``<<<'EOT'``, Ruby's ``<<~PW`` and
    ``<<-PW``, Perl's, a shell assignment's ``$(cat <<EOF``, the shell's ``read -r -d '' KEY <<EOF``): its text is the value when it is one line (stripped);
    a heredoc of several lines is text, a script or a key body (not one value), as a triple-quoted string's. Its end
    (a line holding only its tag) is looked for ``BLOCK_REACH`` bytes on."""
    for m in _HEREDOC.finditer(data, lo, hi):
        value = _heredoc_line(data, m.end(), m.group('tag'))
        if value is not None:
            key = _text(data, *m.span('key' if m.group('key') is not None else 'rkey'))
            yield Candidate(key, _text(data, *value), value[0], value[1], 'assign', True)


def _heredoc_line(data: bytes, opened: int, tag: bytes) -> tuple[int, int] | None:
    """The span of the one line (stripped) of the heredoc whose opener's line ends at ``opened`` and that ``tag``
    ends; None: empty, several lines, or not closed within ``BLOCK_REACH`` bytes."""
    limit = min(len(data), opened + BLOCK_REACH)
    first = data.find(b'\n', opened, limit)
    second = data.find(b'\n', first + 1, limit) if first != -1 else -1
    if second == -1:
        return None
    end_line = data.find(b'\n', second + 1, limit)
    closing = data[second + 1:end_line if end_line != -1 else limit]
    if (end_line == -1 and limit < len(data)) or not re.match(_HEREDOC_END % re.escape(tag), closing):
        return None  # not closed right after one line: several lines, or never closed within reach
    line = data[first + 1:second]
    text = line.strip()
    if not text:
        return None
    start = first + 1 + len(line) - len(line.lstrip())
    return start, start + len(text)


PROPERTIES_LINES = 16  # physical lines read for one logical line of a .properties file
_PROPERTIES_KEY = LazyPattern(rb'''[ \t\f]*(?P<key>(?:[^\s=:\\#!]|\\.)(?:[^\s=:\\]|\\.){0,80})[ \t\f]*(?P<op>[=:]?)[ \t\f]*''')


def properties(data: bytes, lo: int, hi: int) -> Iterator[Candidate]:
    """A ``.properties`` entry as ``java.util.Properties.load`` reads it, where the other families do not: the key
    ends at the first ``=``, ``:`` or whitespace not escaped (``db.password Xq7…``, ``db.password<TAB>Xq7…``), and
    a line ending in an odd number of ``\\`` goes on with the next line, its leading whitespace dropped
    (``db.password=\\`` / ``    Xq7…``). The value is the joined text; its span runs from its first character to
    the end of its last piece. An entry with ``=`` or ``:`` on one line is the ``assign`` family's."""
    line_start = data.rfind(b'\n', 0, lo) + 1 if lo else 0
    previous = data[max(0, line_start - 1 - 200):max(0, line_start - 1)].rstrip(b'\r')
    if (len(previous) - len(previous.rstrip(b'\\'))) % 2:
        return  # this line goes on the one before: no key starts it
    m = _PROPERTIES_KEY.match(data, line_start, hi)
    if m is None:
        return
    pieces: list[bytes] = []
    start = pos = m.end()
    end = start
    continued = False
    for _ in range(PROPERTIES_LINES):
        newline = data.find(b'\n', pos)
        stop = len(data) if newline == -1 else newline
        line = data[pos:stop].rstrip(b'\r')
        slashes = len(line) - len(line.rstrip(b'\\'))
        if slashes % 2 == 0 or newline == -1:
            pieces.append(line)
            end = pos + len(line.rstrip())
            break
        pieces.append(line[:-1])
        continued = True
        pos = newline + 1
        while pos < len(data) and data[pos] in b' \t\f':
            pos += 1  # a continuation line's leading whitespace is not the value's
        if not pieces[-1].strip() and len(pieces) == 1:
            start = pos  # `key=\` and the value on the next line: the value starts there
    else:
        return  # longer than is read: not judged
    value = b''.join(pieces).strip()
    if not value or m.group('op') == b'=' and not continued or end <= start:
        return  # `key=value` on one line: the assign family's
    yield Candidate(_text(data, *m.span('key')), value.decode('utf-8', 'replace'), start, end,
                    'properties', False)


def docker(data: bytes, lo: int, hi: int) -> Iterator[Candidate]:
    for m in _DOCKER.finditer(data, lo, hi):
        yield from _yield(data, m, 'docker')


def setenv(data: bytes, lo: int, hi: int) -> Iterator[Candidate]:
    for rx in (_SETENV, _ENV_ITEM, _SECRET_SET, _NAME_VALUE, _VALUE_NAME, _PIPED_SECRET, _KEYCHAIN):
        for m in rx.finditer(data, lo, hi):
            yield from _yield(data, m, 'assign')
    for m in _USER_PASSWORD.finditer(data, lo, hi):
        yield from _yield(data, m, 'assign', key='password')
    for m in _HTPASSWD.finditer(data, lo, hi):
        opts = m.group('opts')
        if b'b' in opts:  # (without -b htpasswd asks for the password)
            rx = _HTPASSWD_USER if b'n' in opts else _HTPASSWD_FILE_USER
            v = rx.match(data, m.end(), hi)
            if v is not None:
                yield from _yield(data, v, 'assign', key='password')


def _next_line_end(data: bytes, end: int, reach: int) -> int:
    """The end of the line after the one ending at ``end``: its line break, or the end of the data (a last
    line without one); ``end`` itself when that line goes on past ``reach`` bytes."""
    newline = data.find(b'\n', end + 1, end + reach)
    if newline != -1:
        return newline
    return len(data) if len(data) <= end + reach else end


def xml(data: bytes, lo: int, hi: int) -> Iterator[Candidate]:
    for rx in (_XML_ELEMENT, _XML_KEYED, _XML_PAIR, _XML_PAIR_VALUE_FIRST):
        for m in rx.finditer(data, lo, hi):
            if rx is _XML_ELEMENT and m.group('key') == b'key' and _PLIST_DICT.search(data, 0, 4096):
                continue  # a property list's <key>name</key>: the name of the entry, its value follows (held-out 61)
            yield from _yield(data, m, 'xml')
    end = hi  # the value on the next line, the closing tag on the one after
    for _ in range(2):
        end = _next_line_end(data, end, 502)
    for m in _XML_NAMED.finditer(data, lo, _next_line_end(data, end, 502)):  # (a description between: one more line)
        if m.start() < hi:
            yield from _yield(data, m, 'xml')
    for m in _XML_MULTILINE.finditer(data, lo, end):
        yield from _yield(data, m, 'xml')
    for m in itertools.chain(_XML_OPEN.finditer(data, lo, hi), _XML_NAMED_OPEN.finditer(data, lo, hi)):
        stop = m.end()  # <masterKey ...>\n <!-- ... -->\n <value>v</value>; <setting name="ApiToken">\n <value>v</value>
        for _ in range(6):
            stop = _next_line_end(data, stop, 1024)
        child = _XML_CHILD_VALUE.search(data, m.end(), stop)
        if child is not None and not _XML_CLOSE.search(data, m.end(), child.start()):
            yield from _yield(data, child, 'xml', key=_text(data, *m.span('tag')))


def flag(data: bytes, lo: int, hi: int) -> Iterator[Candidate]:
    for m in _FLAG.finditer(data, lo, hi):
        if not _OPENSSL_PASS.match(data, m.start()):  # (`-pass pass:v`: its value is after `pass:`, read below)
            yield from _yield(data, m, 'flag')
    for m in _MYSQL_P.finditer(data, lo, hi):
        yield from _yield(data, m, 'flag', key='password')
    for m in _LOGIN_P.finditer(data, lo, hi):
        yield from _yield(data, m, 'flag', key='password')
    for rx in (_OPENSSL_PASS, _PASSWORD_ARGUMENT):
        for m in rx.finditer(data, lo, hi):
            yield from _yield(data, m, 'flag', key='password')
    for m in _USER_COLON.finditer(data, lo, hi):
        yield from _yield(data, m, 'flag', key='password')
    for m in _USER_TOKEN.finditer(data, lo, hi):
        yield from _yield(data, m, 'flag', key='api_key')
    for m in _FLAG_LISTED.finditer(data, lo, hi):
        yield from _yield(data, m, 'flag')


def flag_below(data: bytes, lo: int, hi: int) -> Iterator[Candidate]:
    """A flag ending a list item (YAML ``- --db-password``) or a string in a list (``"--db-password",``), its value the
    next item or string on the line below: each whose value is in ``data[lo:hi]``, the flag read from the line before."""
    start = data.rfind(b'\n', max(0, lo - 1 - 200), max(0, lo - 1)) + 1 if lo else 0
    for m in _FLAG_BELOW.finditer(data, start, hi):
        if m.end() >= lo:
            yield from _yield(data, m, 'flag')


def fallback(data: bytes, lo: int, hi: int) -> Iterator[Candidate]:
    if data.find(b'${', lo, hi) != -1:
        for m in _FALLBACK_SHELL.finditer(data, lo, hi):
            yield from _yield(data, m, 'fallback', key=_last_name(m.group('key')))
    # the key before `||`/`??`/`or` is looked for just before each operator, not from every word of the
    # segment (PHP and JS lines full of `??` cost 50 microseconds a segment that way)
    # Each operator is tried once, at the start of the run of key characters before it (where the
    # key's lookbehind lets it start); one followed by no quoted value is in no match (most of a
    # minified file's). Searching from each operator to the line's end cost O(segment) per operator.
    done = lo
    for op in _FALLBACK_OPERATOR.finditer(data, lo, hi):
        if not _QUOTE_NEXT.match(data, op.end(), hi):
            continue
        before = data[op.start() - 1:op.start()] if op.start() else b''
        if before and (before.isalnum() or before == b'_') and op.group() == b'or':
            continue  # `color`, `floor`: not the operator
        after_call = op.group()[:1] in b'{.'
        if after_call and not data[max(0, op.start() - 4):op.start()].rstrip(b' \t').endswith(b')'):
            continue  # `{"…`: an object (JSON's every one), not a block after a call
        run = None if after_call else _KEY_RUN.search(data, max(done, op.start() - 130), op.start())
        if run is None:
            call = _CALL_RUN.search(data, max(done, op.start() - 180), op.start())
            m = _FALLBACK_CALL.match(data, call.start(), hi) if call is not None else None
            if m is not None:
                done = m.end('key')
                yield from _yield(data, m, 'fallback', key=m.group('key').decode('ascii'))
            continue
        m = _FALLBACK_OR.match(data, run.start(), hi)  # (a segment never holds a line break)
        if m is not None:
            done = m.end('key')  # from there on: no match twice
            yield from _yield(data, m, 'fallback', key=_last_name(m.group('key')))
    if any(data.find(call, lo, hi) != -1 for call in _FIRST_SET_CALLS):
        for m in _FIRST_SET.finditer(data, lo, hi):
            key = m.group('key').decode('ascii') if m.group('key') is not None else _last_name(m.group('rkey'))
            yield from _yield(data, m, 'fallback', key=key)
    if _JINJA_FILTER.search(data, lo, hi):
        for m in _JINJA_DEFAULT.finditer(data, lo, hi):
            key = m.group('key') if m.group('key') is not None else m.group('ckey')
            yield from _yield(data, m, 'fallback', key=_last_name(key or b''))
    if data.find(b'default', lo, hi) == -1 and data.find(b'coalesce', lo, hi) == -1:
        return
    for m in _FALLBACK_DEFAULT.finditer(data, lo, hi):
        key = next((k for k in m.group(*_HELM_KEYS) if k is not None), b'')
        yield from _yield(data, m, 'fallback', key=_last_name(key))


def _last_name(key: bytes) -> str:
    """``process.env.API_KEY`` -> ``API_KEY``; ``secrets['X']`` -> ``X``; ``.Values.db.password`` -> ``password``."""
    return key.decode('utf-8', 'replace').replace('[', '.').replace(']', '').strip('\'". ').split('.')[-1].strip('\'"')


def pair(data: bytes, lo: int, hi: int) -> Iterator[Candidate]:
    for m in _PAIR.finditer(data, lo, hi):
        yield from _yield(data, m, 'call')
    for m in _PAIR_ARG.finditer(data, lo, hi):
        yield from _yield(data, m, 'call')
    if data.find(b'lookup(', lo, hi) != -1:
        for m in _LOOKUP.finditer(data, lo, hi):
            yield from _yield(data, m, 'call')
            # (and judged as the map's name, in the singular: each entry of var.db_passwords is a password)
            yield from _yield(data, m, 'call', key=_last_name(m.group('map')).removesuffix('s'))
    for m in _PAIR_IN.finditer(data, lo, hi):
        if not _KW_IN.search(m.group('section')):  # (a field table's row: ('_Secret', '_-Secret', 'self[…]'), impacket)
            yield from _yield(data, m, 'call')


def tfvar(data: bytes, lo: int, hi: int) -> Iterator[Candidate]:
    """``variable "db_password" { ... default = "v" ... }``: the default within the block's next 12 lines."""
    for m in _TF_VARIABLE.finditer(data, lo, hi):
        stop = m.end()
        for _ in range(12):
            newline = data.find(b'\n', stop + 1)
            if newline == -1:
                stop = len(data)
                break
            stop = newline
        d = _TF_DEFAULT.search(data, m.end(), stop)
        if d is not None and d.group('tag') is not None:  # `default = <<EOT`: a heredoc of one line
            value = _heredoc_line(data, d.end(), d.group('tag'))
            if value is not None:
                yield Candidate(_text(data, *m.span('key')), _text(data, *value), value[0], value[1], 'terraform', True)
        elif d is not None and not d.group(0).startswith(b'}'):
            yield from _yield(data, d, 'terraform', key=_text(data, *m.span('key')))


def next_line(data: bytes, lo: int, hi: int) -> Iterator[Candidate]:
    """A key whose line ends with its operator, the quoted value opening the next line: each whose
    value is in ``data[lo:hi]``, its key read from the line before (the anchor's hit ends on the
    value's line, so the segment starts there)."""
    start = data.rfind(b'\n', max(0, lo - 1 - 200), max(0, lo - 1)) + 1 if lo else 0
    for m in _NEXT_LINE.finditer(data, start, hi):
        if m.end() >= lo and not (m.group('paren') and not _paren_closed(data, m, len(data))):
            yield from _yield(data, m, 'assign')
    if data.find(b'(def', start, hi) != -1:
        for m in _LISP_PAIR.finditer(data, start, hi):
            if m.end() >= lo:
                yield from _yield(data, m, 'spaced')


def array(data: bytes, lo: int, hi: int) -> Iterator[Candidate]:
    """The first string of an array under a key (one finding per array: the rest are more of one secret,
    as the coefficients of a key, or more secrets the first one's finding already shows)."""
    start = data.rfind(b'\n', max(0, lo - 1 - 200), max(0, lo - 1)) + 1 if lo else 0  # the key may end the line before
    for m in _ARRAY.finditer(data, start, hi):
        if m.end() >= lo:
            yield from _yield(data, m, 'array', key=_PLURAL.sub(r'\1', _text(data, *m.span('key'))))


def children(data: bytes, lo: int, hi: int) -> Iterator[Candidate]:
    """The entries of the mapping a key opens (``clientJWTSecrets:`` and ``node1: v`` below it, at the
    first deeper indent; nested mappings are not entered), each as ``<key made singular>.<entry>``."""
    for m in _OPENER.finditer(data, lo, hi):
        key = _text(data, *m.span('key'))
        if _SECRETS_NAME.search(key) is None:
            continue  # auth:, ldapAuth:, secretKeyRef: open sections of settings, not a mapping of secrets
        column = len(m.group('indent'))
        parent = _PLURAL.sub(r'\1', key)
        pos, depth = m.end(), -1
        for _ in range(CHILDREN_READ):
            if pos >= len(data):
                break
            line_start = pos + 1
            newline = data.find(b'\n', line_start)
            pos = newline if newline != -1 else len(data)
            line = data[line_start:pos]
            text = line.strip()
            if not text or text.startswith((b'#', b'//')):
                continue
            indent = len(line) - len(line.lstrip(b' \t'))
            item = text.startswith(b'- ')
            if (indent < column or indent == column and not (item and not m.group(0).lstrip().startswith(b'- '))
                    or depth >= 0 and indent < depth):
                break  # the mapping ended (YAML writes a list's items at its key's column, too)
            if depth < 0:
                depth = indent
            if indent != depth:
                continue  # inside a nested entry
            if item:  # a list of secrets, each the opener's: bioblend's vault `encryption_keys:` / `- <Fernet key>` (held-out 86)
                i = _ITEM.match(data, line_start, pos) if parent != key else None  # (a plural opener's only)
                if i is not None and not (i.group('uv') or b'').endswith(b':'):
                    yield from _yield(data, i, 'children', key=parent)
                continue
            e = _ENTRY.match(data, line_start, pos)
            if e is not None and _KW_IN.search(e.group('child')) is None and _CIPHERTEXT_ENTRY.match(e.group('child')) is None:
                # (an entry with a secret's word is judged on its own; AppVeyor's and Travis' `secure:` hold ciphertext)
                yield from _yield(data, e, 'children', key=f'{parent}.{_text(data, *e.span("child"))}')


_NAME_FIELD = LazyPattern(
    rb'''(?i)(?<![\w.-])(?P<nq>["']?)(?:name|env_variable|key|ParameterKey|OptionName|type(?=[ \t]*=[ \t]*(?-i:[A-Z])\w{0,40}(?:\.\w{1,40}){0,3}\.(?-i:[A-Z_]+)[ \t]*(?:;|\r?$)))'''
    rb'''(?P=nq)[ \t]*(?::|=)[ \t]*(?P<kq>["']?)(?P<key>[\w.:/-]{1,80})(?P=kq)'''
    rb'''[ \t]*(?=[,;}]|\r?$)''', re.M)
_VALUE_FIELD = LazyPattern(
    rb'''(?i)(?<![\w.-])(?P<fq>["']?)(?:value|default|default_value|defaultValue|ParameterValue)(?P=fq)[ \t]*(?::|=)[ \t]*''' + _VALUE
)
# a key opening an object on its line whose value field (maybe after one other field) holds the key's value: an Azure
# ARM parameters file's `"adminPassword": {"value": "v"}`, a template's `{"type": "securestring", "defaultValue": "v"}`
# (tenth hostile review, break 11; over several lines the `children` family reads them)
_OBJECT_VALUE = LazyPattern(
    rb'''(?<![\w.-])(?P<oq>["']?)(?P<key>[A-Za-z_][\w.-]{0,80})(?P=oq)[ \t]*:[ \t]*\{[ \t]*'''
    rb'''(?:["']?\w{1,40}["']?[ \t]*:[ \t]*["'][^"'\n]{0,40}["'][ \t]*,[ \t]*)?'''
    rb'''(?P<fq>["']?)(?:value|defaultValue)(?P=fq)[ \t]*:[ \t]*(?=''' + _QUOTED_VALUE + rb''')'''
)
NAMED_LINES = 6  # lines read above and below an entry's name field for its value field
# An object's type or name set by a setter, its value by another on a line near it: Keycloak's admin client,
# `credential.setType(CredentialRepresentation.PASSWORD);` / `credential.setValue("v");` (its documented way; fifteenth
# hostile review, break 07), `env.setName("DB_PASSWORD"); env.setValue("v");`; judged as the name (a constant's last
# name: PASSWORD). The same object's setValue within NAMED_LINES lines (and SETTER_REACH bytes) either way.
# (the name a string, or a constant's qualified name: `("DB_PASSWORD")`, `(CredentialRepresentation.PASSWORD)`)
_NAME_ARGUMENT = (rb'''\([ \t]*(?:(?P<nq>["'])(?P<key>[\w.:/-]{1,80})(?P=nq)'''
                  rb'''|(?P<ckey>[A-Z]\w{0,40}(?:\.[A-Z]\w{0,40}){0,3}\.[A-Z][A-Z0-9_]{1,40}))[ \t]*\)''')
_SETTER_NAME = LazyPattern(rb'''(?<![\w$.])(?P<obj>[A-Za-z_]\w{0,40})\.set(?:Type|Name|Key)''' + _NAME_ARGUMENT)
_SETTER_VALUE = LazyPattern(rb'''[ \t]*(?=''' + _QUOTED_VALUE + rb'''[ \t]*\))''')  # after `obj.setValue(`
# A builder's name and value in one chain: fabric8's `new EnvVarBuilder().withName("DB_PASSWORD").withValue("v").build()`,
# the usual way to make a Kubernetes EnvVar in Java (sixteenth hostile review, break 04); the chain is read to its `;`
# either way (at most BUILDER_REACH bytes). In Kotlin's `CredentialRepresentation().apply { type =
# CredentialRepresentation.PASSWORD; value = "v" }`, `type` is a name field (`_NAME_FIELD`).
_BUILDER_NAME = LazyPattern(rb'''\.with(?:Type|Name|Key)''' + _NAME_ARGUMENT)
BUILDER_REACH = 512
_NAME_BEFORE = frozenset(bytes([c]) for c in b'$.0123456789_ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz')
SETTER_REACH = 1024  # bytes read either way for the value's setter (within NAMED_LINES lines)


def _line_bounds(data: bytes, pos: int) -> tuple[int, int]:
    start = data.rfind(b'\n', 0, pos) + 1
    end = data.find(b'\n', pos)
    return start, len(data) if end == -1 else end


def _object_edge(line: bytes) -> bool:
    """A line that opens or closes an object or a list item: the entry's fields do not reach past it."""
    text = line.strip()
    return text.startswith((b'- ', b'{', b'}', b']', b'[')) or text.endswith((b'{', b'[')) or text == b'-'


# How far along its line a name field's value field is looked for, either way, when no object holds them: outside any
# object only their nearness ties a name to a value (a minified line of names without values took time quadratic in its
# length: a 609 KB schema, minutes; thirty-fifth hostile review, 05). Inside an object its own value field is taken however
# far (a 2.2 KB description between them lost the value: thirty-sixth hostile review, 03).
NAMED_REACH = 2048
# What decides a line's objects: a brace, or a string whose braces are text (JSON's "…" with its escapes, or '…' opened
# where no word ends: don't, it's open none). Braces in strings counted as objects lost a name's value (`"help":
# "format {host"`, a Postman description's stray `}`: thirty-sixth hostile review, 03).
_OBJECT_TOKEN = LazyPattern(rb'''(?<!\\)"[^"\\\n]*(?:\\.[^"\\\n]*)*"|(?<![\w\\])'[^'\\\n]*(?:\\.[^'\\\n]*)*'|[{}]''')
_STRING_DEPTH = 2  # strings within strings read for their own objects (JSON in a quoted shell argument: `-d '{…}'`)

_Holder = tuple[int, int, bool]  # where a position stands (``_Objects.holder``)


class _Objects:
    """The objects of one line, or of one string's text on it (``data[start:end]``), read once: which object holds each
    position (the innermost one opened before it and not closed; a brace that closes none opened on the line starts a
    new outermost part), and the strings, whose text holds objects of its own. A name field and a value field are one
    object's when they stand in the same text and the same object (the thirty-fifth review's promise: a nested object
    between them is the entry's own, another object's field is refused), a lookup instead of walking the braces between
    them for every pair (thirty-sixth hostile review, 04: 35 us a byte of a crafted line)."""
    __slots__ = ('data', 'start', 'depth', 'strings', 'string_ends', 'edges', 'owners', 'roots', 'inner')

    def __init__(self, data: bytes, start: int, end: int, depth: int = 0) -> None:
        self.data, self.start, self.depth = data, start, depth
        self.strings: list[int] = []  # each string's opening quote, in order
        self.string_ends: list[int] = []
        self.edges = [start]  # from each edge on, the object ``owners`` names holds the positions
        self.owners = [0]
        self.roots = {0}  # the outermost parts (no object of the line holds them)
        self.inner: dict[int, _Objects] = {}
        opened: list[int] = []
        owner = count = 0
        for token in _OBJECT_TOKEN.finditer(data, start, end):
            at = token.start()
            byte = data[at]
            if byte == 0x7b:  # {
                opened.append(owner)
                count += 1
                owner = count
            elif byte == 0x7d:  # }
                if opened:
                    owner = opened.pop()
                else:
                    count += 1
                    owner = count
                    self.roots.add(owner)
            else:
                self.strings.append(at)
                self.string_ends.append(token.end())
                continue
            self.edges.append(token.end())
            self.owners.append(owner)

    def holder(self, pos: int, around: _Holder | None = None) -> tuple[_Holder, _Holder | None]:
        """Where ``pos`` stands: the text it is in (by its start), the object of that text holding it, and whether that
        is an outermost part; and where the string holding that text stands (None: the line's own text)."""
        i = bisect_right(self.strings, pos) - 1
        if i >= 0 and self.strings[i] < pos < self.string_ends[i] and self.depth < _STRING_DEPTH:
            at = self.strings[i]
            inner = self.inner.get(at)
            if inner is None:
                inner = self.inner[at] = _Objects(self.data, at + 1, self.string_ends[i] - 1, self.depth + 1)
            return inner.holder(pos, self.holder(at)[0])
        owner = self.owners[bisect_right(self.edges, pos) - 1]
        return (self.start, owner, owner in self.roots), around


class _LineFields:
    """A line's value fields by the object holding each (``_Objects``), found once for every name field on the line; and
    those in a string, by the object holding the string."""
    __slots__ = ('data', 'start', 'end', 'objects', 'fields', 'quoted', 'nearby')

    def __init__(self, data: bytes, start: int, end: int) -> None:
        self.data, self.start, self.end = data, start, end
        self.nearby: tuple[list[tuple[int, int, int]], ...] | None = None  # (``sibling``)
        self.objects = _Objects(data, start, end)
        self.fields: dict[_Holder, tuple[list[int], list[re.Match[bytes]]]] = {}
        self.quoted: dict[_Holder, tuple[list[int], list[re.Match[bytes]]]] = {}
        for field in _VALUE_FIELD.finditer(data, start, end):
            where, around = self.objects.holder(field.start())
            for holder, groups in ((where, self.fields), (around, self.quoted)):
                if holder is not None:
                    starts, fields = groups.setdefault(holder, ([], []))
                    starts.append(field.start())
                    fields.append(field)

    def of(self, m: re.Match[bytes]) -> re.Match[bytes] | None:
        """The value field of the name field ``m``'s object: its first one after the name, else its last one before;
        else one in a string of that object (`"note": "value: v"`, as the name's value was read before the thirty-sixth
        review's 03)."""
        where = self.objects.holder(m.start())[0]
        reach = NAMED_REACH if where[2] else len(self.objects.data)
        for groups in (self.fields, self.quoted):
            starts, fields = groups.get(where, ([], []))
            i = bisect_left(starts, m.end())
            if i < len(fields) and fields[i].end() - m.end() <= reach:
                return fields[i]
            if i > 0 and fields[i - 1].end() <= m.start() and m.start() - fields[i - 1].start() <= reach:
                return fields[i - 1]
        return None

    def sibling(self, column: int) -> re.Match[bytes] | None:
        """The value field at ``column`` of a line below, else above, within the object (no other name field, list
        item or brace between). The lines around are read once for all the line's name fields: each name field of a long
        line read them again, and a long line beside one of many name fields cost time quadratic in the two (200 KB:
        10 s; the thirty-sixth hostile review's 04, the same cost in this search)."""
        if self.nearby is None:
            data, start, end = self.data, self.start, self.end
            # (`- name: X` opens the item: nothing above is its)
            above = [] if _object_edge(data[start:end]) else _nearby_fields(data, start, end, below=False)
            self.nearby = (_nearby_fields(data, start, end, below=True), above)
        for lines in self.nearby:
            for line_start, line_end, lead in lines:
                if column < line_end - line_start and column <= lead:  # (only blanks or quotes before it)
                    field: re.Match[bytes] | None = _VALUE_FIELD.match(self.data, line_start + column, line_end)
                    if field is not None:
                        return field
        return None


def named(data: bytes, lo: int, hi: int, lines: dict[int, _LineFields] | None = None) -> Iterator[Candidate]:
    """The value of an entry whose name field names a secret: on the name's line, the value field of its own object
    (`{"name": "X", "value": "v"}`), else on a line below or above at the same column, within the same object (no other
    name field, list item or brace between). ``lines`` keeps each line's fields between calls on one ``data`` (an
    extractor sees 512 bytes around an anchor: a long line is read once, not once an anchor)."""
    if lines is None:
        lines = {}
    line: _LineFields | None = None
    for m in _NAME_FIELD.finditer(data, lo, hi):
        key = _text(data, *m.span('key'))
        if '://' in key:
            continue  # a URL names no entry (`name: https://…/token`)
        if line is None or not line.start <= m.start() <= line.end:  # (a line of many name fields: its bounds once)
            start, end = _line_bounds(data, m.start())
            line = lines.get(start)
            if line is None:
                line = lines[start] = _LineFields(data, start, end)
        field = line.of(m)
        if field is None:
            field = line.sibling(m.start() - line.start)
        if field is not None:
            yield from _yield(data, field, 'named', key=key)
    if data.find(b'{', lo, hi) != -1:
        for m in _OBJECT_VALUE.finditer(data, lo, hi):
            yield from _yield(data, m, 'named')
    if data.find(b'.set', lo, hi) != -1:
        for m in _SETTER_NAME.finditer(data, lo, hi):
            yield from _setter_value(data, m)
    if data.find(b'.with', lo, hi) != -1:
        for m in _BUILDER_NAME.finditer(data, lo, hi):
            yield from _builder_value(data, m)


def _argument_name(m: re.Match[bytes]) -> bytes:
    """The name ``_NAME_ARGUMENT`` read: the string, or a constant's last name (``PASSWORD``)."""
    return m.group('key') if m.group('key') is not None else m.group('ckey').rsplit(b'.', 1)[-1]


def _builder_value(data: bytes, m: re.Match[bytes]) -> Iterator[Candidate]:
    """The value ``.withValue("v")`` gives in the chain of the builder whose name ``m`` set (after it, else before)."""
    end = data.find(b';', m.end(), m.end() + BUILDER_REACH)
    end = min(len(data), m.end() + BUILDER_REACH) if end == -1 else end
    start = data.rfind(b';', max(0, m.start() - BUILDER_REACH), m.start()) + 1 or max(0, m.start() - BUILDER_REACH)
    key = _argument_name(m)
    for at in (data.find(b'.withValue(', m.end(), end), data.rfind(b'.withValue(', start, m.start())):
        if at != -1:
            v = _SETTER_VALUE.match(data, at + len(b'.withValue('), end)
            if v is not None:
                yield from _yield(data, v, 'named', key=key.decode('ascii'))
            return


def _setter_value(data: bytes, m: re.Match[bytes]) -> Iterator[Candidate]:
    """The value that ``obj.setValue("v")`` gives the object whose type or name ``m`` set, on a line near it: the object's
    next setValue call, else its last one before (NAMED_LINES lines either way, at most ``SETTER_REACH`` bytes and a few
    calls of other objects that end in its name: a long line of setters costs a bounded read each). A value that is no
    literal is the object's value all the same: no other call is tried (objects made one after another under one
    name each find their own)."""
    floor, ceiling = max(0, m.start() - SETTER_REACH), min(len(data), m.end() + SETTER_REACH)
    start = end = m.start()
    for _ in range(NAMED_LINES + 1):  # back to the line NAMED_LINES above
        start = data.rfind(b'\n', floor, start)
        if start == -1:
            start = floor
            break
    for _ in range(NAMED_LINES + 1):  # forward to the line NAMED_LINES below
        end = data.find(b'\n', end + 1, ceiling)
        if end == -1:
            end = ceiling
            break
    needle = m.group('obj') + b'.setValue('
    key = _argument_name(m)
    for at in (_object_call(data, needle, m.end(), end, below=True), _object_call(data, needle, start, m.start(), below=False)):
        if at != -1:
            v = _SETTER_VALUE.match(data, at + len(needle), end)
            if v is not None:
                yield from _yield(data, v, 'named', key=key.decode('ascii'))
            return


def _object_call(data: bytes, needle: bytes, low: int, high: int, *, below: bool) -> int:
    """Where the call ``needle`` (``obj.setValue(``) of the object itself stands in ``data[low:high]``: the first one,
    or the last one (``below=False``); -1 if none within the first 4 calls that end in it (``abc.setValue(`` for ``c``)."""
    for _ in range(4):
        at = data.find(needle, low, high) if below else data.rfind(needle, low, high)
        if at == -1 or data[at - 1:at] not in _NAME_BEFORE:
            return at
        low, high = (at + 1, high) if below else (low, at)
    return -1


_LEAD = LazyPattern(rb'''[ \t"']*''')


def _nearby_lines(data: bytes, start: int, end: int, below: bool) -> Iterator[tuple[int, int]]:
    """The spans of up to ``NAMED_LINES`` lines below the line ``data[start:end]``, or above it (nearest first)."""
    pos = end if below else start
    for _ in range(NAMED_LINES):
        if below and pos >= len(data) or not below and pos <= 0:
            return
        line_start, line_end = _line_bounds(data, pos + 1 if below else pos - 1)
        yield line_start, line_end
        pos = line_end if below else line_start


def _nearby_fields(data: bytes, start: int, end: int, below: bool) -> list[tuple[int, int, int]]:
    """The lines below the line ``data[start:end]``, or above it, that can hold its object's value field: up to the
    first that opens or closes an object or holds a name field; each as its span and the length of its leading blanks
    and quotes (``_LineFields.sibling``)."""
    lines = []
    for line_start, line_end in _nearby_lines(data, start, end, below):
        if _object_edge(data[line_start:line_end]) or _NAME_FIELD.search(data, line_start, line_end):
            break
        lead = _LEAD.match(data, line_start, line_end)
        lines.append((line_start, line_end, (lead.end() if lead is not None else line_start) - line_start))
    return lines


def markup(data: bytes, lo: int, hi: int) -> Iterator[Candidate]:
    """A name in document markup and its value (``markup`` anchor); the name's spaces read as ``_`` (``DB password``
    is ``DB_password``)."""
    for m in _MARKUP.finditer(data, lo, hi):
        for key, value in (('key', 'uv'), ('rkey', 'ruv'), ('hkey', 'huv')):
            start, end = m.span(value)
            if start >= 0:
                name = _text(data, *m.span(key)).strip().replace(' ', '_')
                yield Candidate(name, _text(data, start, end), start, end, 'markup', False)


def query(data: bytes, lo: int, hi: int) -> Iterator[Candidate]:
    """The assignments that are a URL's query parameter or a form body's field (``in_query``)."""
    return (c for c in assign(data, lo, hi) if in_query(data, c))


def call(data: bytes, lo: int, hi: int) -> Iterator[Candidate]:
    for m in _CALL.finditer(data, lo, hi):
        yield from _yield(data, m, 'call')
    if data.find(b'assword(', lo, hi) != -1 or data.find(b'ASSWORD(', lo, hi) != -1:
        for m in _PASSWORD_SETTER.finditer(data, lo, hi):
            yield from _yield(data, m, 'call')


def spaced(data: bytes, lo: int, hi: int) -> Iterator[Candidate]:
    for m in _SPACED.finditer(data, lo, hi):
        yield from _yield(data, m, 'spaced')
    if data.find(b'(', lo, hi) != -1 or data.find(b':', lo, hi) != -1:
        for m in _LISP_PAIR.finditer(data, lo, hi):
            yield from _yield(data, m, 'spaced')


EXTRACTORS: dict[str, Callable[[bytes, int, int], Iterator[Candidate]]] = {
    'assign': assign, 'assign_yaml': assign, 'assign_bare': assign, 'docker': docker, 'xml': xml, 'flag': flag, 'fallback': fallback, 'call': call,
    'spaced': spaced, 'pair': pair, 'tfvar': tfvar, 'yaml_block': yaml_block, 'next_line': next_line, 'query': query,
    'array': array, 'children': children, 'yaml_below': yaml_below, 'triple': triple, 'heredoc': heredoc,
    'properties': properties, 'named': named, 'markup': markup, 'flag_below': flag_below, 'setenv': setenv,
}

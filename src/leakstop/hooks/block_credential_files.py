"""block-credential-files: refuse files that are credentials, by name or by content.

By name: the ``[[names]]`` rules of ``rules/files/credential_files.toml`` (private SSH keys,
keystores, credentials.json, terraform state, kubeconfigs, ...) plus ``--name`` globs. By
content, whatever the name: its ``[[contents]]`` rules (keystore magic bytes, PEM private
keys, service-account keys, .npmrc/.pypirc/docker/yarn tokens, kubeconfig credentials, ...),
scanned over the file's bytes by the secret engine. A few name rules let a file pass when its
content shows it holds no credential (``unless``): a credentials.json template of placeholders,
a kubeconfig that authenticates with ``exec:``.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import shlex
import sys
from typing import Any, Callable, Sequence

from leakstop.baseline import Baseline, load_for_run, unknown
from leakstop.cache import cache_dir, cached, file_signature
from leakstop.config import Config, load_config
from leakstop.decode import document_escape_view, document_view_findings, view_findings, with_view_findings
from leakstop.engine import Finding, RuleSet, load_ruleset, scan_bytes, whole_file
from leakstop.errors import FatalError
from leakstop.hooks import ArgumentParser, add_common_arguments, glob_arg, parse_hook_args, redacted_message, select_rules
from leakstop.files import Unreadable, copied_from, decode_text, link_into_repository, normalize, read_bytes
from leakstop.placeholders import PlaceholderShapes, is_placeholder
from leakstop.records import CredentialSettings as Settings
from leakstop.regex import LazyPattern
from leakstop.report import emit, path_without_secrets
from leakstop.rules import (
    BINARY_TAG, CREDENTIAL_FILE_RULES, STRUCTURE_TAG, FileRules, NameRule,
    builtin_rule_files, load_file_rules, name_globs,
)
from leakstop.scan import FileResult

CUSTOM_NAME_RULE = 'credential-file-name'


# --- exemptions: content checks a name rule may name in ``unless`` --------------------------

_URL_WITHOUT_CREDENTIALS = re.compile(r'https?://[^\s/@:]+(?::\d+)?(?:/\S*)?\Z')


def _json_strings(doc: Any) -> list[tuple[str, str]]:
    """(key, value) for every string in a JSON document (key '' inside lists and at the top)."""
    out: list[tuple[str, str]] = []
    stack: list[tuple[str, Any]] = [('', doc)]
    while stack:
        key, node = stack.pop()
        if isinstance(node, str):
            out.append((key, node))
        elif isinstance(node, dict):
            stack.extend((str(k), v) for k, v in node.items())
        elif isinstance(node, list):
            stack.extend((key, v) for v in node)
    return out


def placeholder_values(text: bytes, shapes: PlaceholderShapes) -> bool:
    """A JSON template: every string is empty, a placeholder, a URL without credentials, or a ``type``."""
    try:
        doc = json.loads(text)
    except (ValueError, RecursionError):
        return False
    return all(
        not value.strip() or is_placeholder(value, shapes) or key == 'type'
        or _URL_WITHOUT_CREDENTIALS.match(value) is not None
        for key, value in _json_strings(doc)
    )


_INI_ENTRY = re.compile(rb'^[ \t]*([A-Za-z_][\w.-]{0,80})[ \t]*[=:][ \t]*([^\r\n]*)', re.M)


def ini_placeholder_values(text: bytes, shapes: PlaceholderShapes) -> bool:
    """An INI-style credentials file (``.aws/credentials``, ``.s3cfg``) whose every entry naming a secret
    (``aws_secret_access_key``, ``secret_key``, ``gpg_passphrase``) holds nothing, a placeholder or a reference:
    a dotfiles repository's template (held-out 59). Entries that name no secret (a key id, a region) are not read."""
    from leakstop.generic.keys import judge_key, shipped_vocabulary
    vocabulary = shipped_vocabulary()
    named = False  # a template shows the entries it wants filled in; a file with none of them is no template
    for m in _INI_ENTRY.finditer(text):
        if not judge_key(m.group(1).decode('ascii'), vocabulary).kind:
            continue
        named = True
        value = m.group(2).decode('utf-8', 'replace').strip().strip('\'"')
        if value and not is_placeholder(value, shapes):
            return False
    return named


_KUBE_CREDENTIAL_KEYS = frozenset((
    'token', 'password', 'client-key-data', 'access-token', 'refresh-token', 'id-token', 'client-secret',
))
# a credential's key in block YAML (at a line's start, maybe a list item's) or in a flow mapping (after `{` or `,`),
# quoted or not; its value quoted (to its closing quote) or plain (to the line's end; in a flow mapping, to `,` `}`)
_KUBE_CREDENTIAL = re.compile(
    rb'(?:^|(?P<flow>[{,]))[ \t]*-?[ \t]*(?P<q>["\']?)(?:token|password|client-key-data|access-token|refresh-token'
    rb'|id-token|client-secret)(?P=q)[ \t]*:[ \t]*'
    rb'(?P<value>"(?:[^"\\\r\n]|\\.)*"|\'(?:[^\'\r\n]|\'\')*\'|[^\r\n]*)',
    re.M,
)


def _kube_credentials(text: bytes) -> list[str]:
    """The values of a kubeconfig's credential keys, read as kubectl reads the file: as JSON when it is JSON (keys
    and values unescaped), else as YAML in block or flow style, keys quoted or not (sixth hostile review, break 11)."""
    try:
        doc = json.loads(text)
    except (ValueError, RecursionError):
        doc = None
    if isinstance(doc, (dict, list)):
        return [value for key, value in _json_strings(doc) if key in _KUBE_CREDENTIAL_KEYS]
    view = document_escape_view(text, yaml=True)  # a key in double quotes written with an escape: "\u0074oken"
    if view is not None:
        text = view.text
    values = []
    for m in _KUBE_CREDENTIAL.finditer(text):
        raw = m.group('value').decode('utf-8', 'replace')
        if raw.startswith('"'):
            try:
                value = str(json.loads(raw))  # YAML's double-quoted escapes are JSON's
            except ValueError:
                value = raw.strip('"')
        elif raw.startswith("'"):
            value = raw[1:-1].replace("''", "'")
        else:
            value = raw.split(' #')[0]
            if m.group('flow') is not None:
                value = re.split(r'[,}\]]', value)[0]
        values.append(value.strip())
    return values


def no_inline_kube_credentials(text: bytes, shapes: PlaceholderShapes) -> bool:
    """A kubeconfig whose users carry no inline token, password or key (``exec:``, cert files)."""
    return not any(value and not is_placeholder(value, shapes) for value in _kube_credentials(text))


# A truststore holds certificates (public), a keystore private keys. PKCS#12 cannot say which without its
# password when everything sits in one encrypted SafeContents (Java's truststores, older tools' keystores
# alike); the key bags OpenSSL, Java's keytool and Windows write for a key (keyBag, pkcs8ShroudedKeyBag) are
# readable without it. So a file named as a truststore (``*trust*``, ``cacerts``) that shows no key bag is
# one; any other PKCS#12 file is refused.
_PKCS12 = LazyPattern(rb'\A\x30(?:\x82[\x00-\xff]{2}|\x83[\x00-\xff]{3}|\x81[\x00-\xff]|\x80)\x02\x01\x03\x30')
_KEY_BAGS = (bytes.fromhex('2a864886f70d010c0a0101'), bytes.fromhex('2a864886f70d010c0a0102'))
_TRUSTSTORE_NAME = LazyPattern(r'(?i)(?:^|/)[^/]*(?:trust|cacerts)[^/]*\Z')


def truststore(data: bytes, shapes: PlaceholderShapes | None = None, path: str = '') -> bool:
    """A Java keystore (JKS, JCEKS) holding trusted certificates only, whatever its name; or a PKCS#12
    file (version 3) named as a truststore that shows no private-key bag."""
    if data[:4] in _JAVA_KEYSTORE_MAGIC:
        return _trusted_certificates_only(data)
    return (_TRUSTSTORE_NAME.search(path) is not None and _PKCS12.match(data) is not None
            and not any(bag in data for bag in _KEY_BAGS))


_JAVA_KEYSTORE_MAGIC = (b'\xfe\xed\xfe\xed', b'\xce\xce\xce\xce')  # JKS, JCEKS
_TRUSTED_CERT_ENTRY = 2  # 1: a private key and its chain; 3 (JCEKS): a secret key


def _trusted_certificates_only(data: bytes) -> bool:
    """Whether a JKS or JCEKS store lists only trusted-certificate entries. The format is readable
    without the store's password (only a key entry's key is encrypted, and the SHA-1 digest at the end
    uses the password): magic, version 1 or 2, the number of entries, then each entry's tag, alias,
    date and content. Anything that does not parse to the digest is no truststore."""
    def number(pos: int, size: int) -> tuple[int, int]:
        if pos + size > len(data):
            raise ValueError('short')
        return int.from_bytes(data[pos:pos + size], 'big'), pos + size

    try:
        version, pos = number(4, 4)
        count, pos = number(pos, 4)
        if version not in (1, 2) or count == 0:
            return False
        for _ in range(count):
            tag, pos = number(pos, 4)
            if tag != _TRUSTED_CERT_ENTRY:
                return False
            alias, pos = number(pos, 2)
            pos += alias + 8  # the alias (modified UTF-8), the date (milliseconds)
            if version == 2:
                kind, pos = number(pos, 2)  # the certificate's type (X.509)
                pos += kind
            size, pos = number(pos, 4)
            pos += size
        return pos + 20 == len(data)  # the keyed SHA-1 digest, and nothing after it
    except ValueError:
        return False


EXEMPTIONS: dict[str, Callable[[bytes, PlaceholderShapes, str], bool]] = {
    'placeholder-values': lambda data, shapes, path: placeholder_values(data, shapes),
    'no-inline-kube-credentials': lambda data, shapes, path: no_inline_kube_credentials(data, shapes),
    'ini-placeholder-values': lambda data, shapes, path: ini_placeholder_values(data, shapes),
    'truststore': truststore,
}  # keys: rules.NAME_RULE_EXEMPTIONS (tests check they agree)
# Content rules that a check of the whole file lets pass (rule id -> check of its bytes and path)
CONTENT_EXEMPTIONS: dict[str, Callable[[bytes, PlaceholderShapes, str], bool]] = {
    'pkcs12-keystore': truststore, 'java-keystore': truststore,
}


# --- the check -------------------------------------------------------------------------------

def _signature(path: str) -> tuple[object, ...]:
    """The rules file's signature and the built-in secret rules' (a content rule may take its pattern from one
    of them: ``same_as``)."""
    return (*file_signature(path), *(file_signature(p) for p in builtin_rule_files()))


def file_rules(path: str = CREDENTIAL_FILE_RULES) -> FileRules:
    """The validated file rules, from the cache while the rules files are unchanged (as the secret rules)."""
    return cached(
        'file-rules', _signature(path), lambda: load_file_rules(path),
        valid=lambda v: isinstance(v, FileRules), directory=cache_dir(),
    )


def content_ruleset(rules: FileRules, path: str = CREDENTIAL_FILE_RULES, *, config: Config | None = None) -> RuleSet:
    """The content rules compiled, from the engine's cache when the rules file did not change; with
    ``config``, only those its rule selection enables (a disabled rule is not compiled, so it cannot
    take a span from another content rule in ``_without_overlaps``)."""
    signature: tuple[object, ...] = ('credential-file-rules', *_signature(path))
    contents = list(rules.contents)
    if config is not None:
        enabled = [r for r in contents if config.allowlist.rule_enabled(r.id)]
        if len(enabled) != len(contents):
            signature += ('selected', tuple(r.id for r in enabled))
            contents = enabled
    return load_ruleset(signature, lambda: contents, cache=cache_dir())


# A whole file in one of these envelopes is ciphertext, safe to commit by design (held-out 46: two
# ``saml-key.jks`` that are ``ansible-vault encrypt`` output): Ansible Vault (its header line, then hex
# lines only), git-crypt (what git stores for a file under git-crypt), age (binary and armored), an
# OpenPGP message (armored) and OpenSSL enc (``Salted__``). The content rules still read every byte.
_ANSIBLE_VAULT = LazyPattern(rb'\A\$ANSIBLE_VAULT;1\.[12];AES256(?:;[^\r\n]*)?\r?\n(?:[0-9a-f]+\r?\n?)+\Z')
_ENVELOPES = (
    b'\x00GITCRYPT\x00', b'age-encryption.org/v1\n', b'-----BEGIN AGE ENCRYPTED FILE-----',
    b'-----BEGIN PGP MESSAGE-----', b'Salted__',
)


def encrypted_envelope(data: bytes) -> bool:
    """Whether ``data`` is a whole file of ciphertext in a known envelope (see ``_ENVELOPES``)."""
    return data.startswith(_ENVELOPES) or (data.startswith(b'$ANSIBLE_VAULT;') and _ANSIBLE_VAULT.match(data) is not None)


def name_findings(path: str, data: bytes | None, *, settings: Settings, content: str = '') -> list[Finding]:
    """The file's findings by name; ``content`` identifies what it holds (``engine.whole_file``: a baseline entry
    covers that content only), '' when it was not read."""
    out: list[Finding] = []
    if data is not None and not data.strip():
        return out  # an empty file holds no credential, whatever its name (an empty tomcat.keystore)
    if data is not None and encrypted_envelope(data):
        return out  # ciphertext (an ansible-vault encrypted keystore), whatever its name
    copy = copied_from(path)  # asked once, not by each rule (NameRule.matches): `id_rsa~` is refused as `id_rsa`
    for rule in settings.names:
        if not (rule.names_exactly(path) or copy is not None and rule.names_exactly(copy)):
            continue
        if rule.unless is not None and data is not None and EXEMPTIONS[rule.unless](data, settings.config.allowlist.builtin.placeholders, path):
            continue
        out.append(Finding(
            path=path, line=0, column=0, rule_id=rule.id, description=f'{rule.description} (by name)',
            secret='', severity=rule.severity, content=content,
        ))
    return settings.config.allowlist.filter(b'', out, placeholders=False)


def _without_overlaps(findings: list[Finding], order: dict[str, int]) -> list[Finding]:
    """Where matches overlap, the one from the earlier (more specific) rule."""
    kept: list[Finding] = []
    for f in sorted(findings, key=lambda f: order[f.rule_id]):
        if not any(f.start < k.end and k.start < f.end for k in kept):
            kept.append(f)
    return sorted(kept, key=lambda f: (f.start, order[f.rule_id]))


def content_findings(raw: bytes, path: str, *, settings: Settings) -> list[Finding]:
    text = decode_text(raw)
    data = raw if text is None else text
    ruleset = settings.ruleset
    found = scan_bytes(data, ruleset, path)
    if text is not None:  # escaped strings, commented-out key blocks (as scan-secrets sees them)
        found = with_view_findings(found, view_findings(data, path, ruleset))
        found = with_view_findings(found, document_view_findings(data, path, ruleset))  # "\u0061uths": a document
    if not found:
        return []
    rules = {r.id: r for r in ruleset.rules}
    order = {r.id: i for i, r in enumerate(ruleset.rules)}
    found = [f for f in _without_overlaps(found, order)
             if f.rule_id not in CONTENT_EXEMPTIONS
             or not CONTENT_EXEMPTIONS[f.rule_id](raw, settings.config.allowlist.builtin.placeholders, path)]
    allowlist = settings.config.allowlist
    structural = [f for f in found if STRUCTURE_TAG in rules[f.rule_id].tags]
    values = [f for f in found if STRUCTURE_TAG not in rules[f.rule_id].tags]
    kept = allowlist.filter(data, structural, placeholders=False) + allowlist.filter(data, values)
    out = []
    for f in sorted(kept, key=lambda f: f.start):
        f = f._replace(description=f'{f.description} (by content)')
        if text is None or BINARY_TAG in rules[f.rule_id].tags:  # a file structure, not a line: the file is its identity
            f = f._replace(line=0, column=0, secret='', start=0, end=0, content=whole_file(raw))
        out.append(f)
    return out


def check_data(display: str, raw: bytes | None, *, settings: Settings, baseline: Baseline | None = None) -> FileResult:
    """The check of one file's content wherever it comes from (the working tree, git's index, a
    commit): ``display`` its normalized path, ``raw`` its bytes (None: a symlink, judged by name only);
    the findings ``baseline`` knows are dropped."""
    if settings.config.allowlist.path_allowed(display):
        return FileResult(display, skipped='allowlisted path')
    if raw is None:  # git stores the link's target path, not the file it points to
        return FileResult(display, findings=tuple(unknown(baseline, name_findings(display, None, settings=settings))))
    text = decode_text(raw)
    findings = name_findings(display, raw if text is None else text, settings=settings,  # (a keystore: its bytes)
                             content=whole_file(raw))
    findings += content_findings(raw, display, settings=settings)
    return FileResult(display, findings=tuple(unknown(baseline, findings, raw if text is None else text)))


def check_file(path: str, *, settings: Settings, baseline: Baseline | None = None) -> FileResult:
    display = normalize(path)
    if settings.config.allowlist.path_allowed(display):
        return FileResult(display, skipped='allowlisted path')
    if os.path.islink(path):
        if link_into_repository(path):  # the file it points to is checked at its own path
            return FileResult(display)
        return check_data(display, None, settings=settings, baseline=baseline)
    try:
        raw = read_bytes(path)
    except Unreadable as e:
        found = unknown(baseline, name_findings(display, None, settings=settings))
        return FileResult(display, findings=tuple(found), error=f'cannot read: {e}')
    return check_data(display, raw, settings=settings, baseline=baseline)


def has_structure(head: bytes, *, settings: Settings) -> bool:
    """Whether a binary file's first bytes are a keystore's or a key's (a ``binary`` content rule
    matches there). Those rules are anchored at the start (``tests/test_file_rules.py`` checks), so
    the first ``settings.binary_head`` bytes decide."""
    return bool(scan_bytes(head[:settings.binary_head], settings.ruleset, ''))


def advice(results: Sequence[FileResult]) -> str:
    """What to do next: a credential file (by its name, or a keystore) leaves git; a key found inside a
    source or text file leaves that file (the module stays tracked: untracking it would lose the code)."""
    def shown(paths: Sequence[str]) -> str:  # a secret in a path redacted, as in the report above
        text = ' '.join(shlex.quote(p) if p.isprintable() else '<path>' for p in map(path_without_secrets, paths[:5]))
        return text + (' ...' if len(paths) > 5 else '')

    from leakstop.generic import file_kind

    def embedded(r: FileResult) -> bool:  # a key inside code or prose, not a key file
        kind = file_kind(r.path)
        return all(f.line > 0 for f in r.findings) and (kind.code or kind.prose)

    inside = [r.path for r in results if r.findings and embedded(r)]
    whole = [r.path for r in results if r.findings and r.path not in inside]
    parts = []
    if whole:
        parts.append(
            'These files are credentials. If one holds a real credential, rotate it first: it is '
            'compromised once pushed. Then stop tracking it (your local copy stays): '
            f'`git rm --cached -- {shown(whole)}`, add it to .gitignore, and keep the real values in a secret '
            'manager or your CI\'s secret store.'
        )
    if inside:
        parts.append(
            f'{shown(inside)}: a private key is written inside. If it is real, rotate it first: it is compromised '
            'once pushed. Then take it out of the file (read it at run time from a file outside git or from a '
            'secret store) and commit the file without it.'
        )
    parts.append(
        'For an intentional test fixture, allow its path in `[tool.leakstop.allowlist] paths` (pyproject.toml '
        'or .leakstop.toml), or record it in the baseline.'
    )
    return ' '.join(parts)


def block_credential_files(
        filenames: Sequence[str], *, config: Config, baseline: Baseline | None, fmt: str, extra_names: Sequence[str] = (),
) -> int:
    results = check_files(filenames, config=config, baseline=baseline, extra_names=extra_names)
    return emit(results, fmt=fmt, advice=advice(results))


def check_files(
        filenames: Sequence[str], *, config: Config, baseline: Baseline | None = None, extra_names: Sequence[str] = (),
) -> list[FileResult]:
    """One result per file: refused by name or content, or clean (allowlist and ``baseline`` applied)."""
    settings = settings_for(config, extra_names=extra_names)
    return [check_file(name, settings=settings, baseline=baseline) for name in filenames]


def settings_for(config: Config, *, extra_names: Sequence[str] = ()) -> Settings:
    """The name rules (with ``--name`` globs), the compiled content rules, and how many first bytes
    of a file the binary content rules look at."""
    rules = file_rules()
    names = rules.names
    if extra_names:
        custom = NameRule(
            id=CUSTOM_NAME_RULE, description='credential file (matches a --name glob)', paths=tuple(extra_names),
            source='--name', include_regex=name_globs(extra_names, '--name', 'paths'),
        )
        names = (*names, custom)
    head = max((r.max_length for r in rules.contents if BINARY_TAG in r.tags), default=0)
    return Settings(config=config, names=names, ruleset=content_ruleset(rules, config=config), binary_head=head)


def main(argv: Sequence[str] | None = None) -> int:
    parser = ArgumentParser(
        prog='block-credential-files',
        description='Refuse files that are credentials by name (id_rsa, *.p12, credentials.json, ...) or by content.',
    )
    add_common_arguments(parser)
    parser.add_argument(
        '--name', action='append', default=[], metavar='GLOB', type=glob_arg,
        help='also refuse files with this name (gitignore-style glob; repeatable)',
    )
    args = parse_hook_args(parser, argv)
    try:
        config = load_config(args.config)
        config = select_rules(config, prog='block-credential-files', check_disable=False)  # enable_only: ids checked
        baseline = load_for_run(args.baseline, config.baseline)
        return block_credential_files(
            args.filenames, config=config, baseline=baseline, fmt=args.format, extra_names=args.name,
        )
    except FatalError as e:
        print(f'block-credential-files: error: {redacted_message(str(e))}', file=sys.stderr)
        return 2


if __name__ == '__main__':
    raise SystemExit(main())

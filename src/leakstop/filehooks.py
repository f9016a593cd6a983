"""What the file hooks report, for ``leakstop scan``: block-credential-files and block-env-files
over the same files and the same content as the secret rules (the working tree, git's index, what a
commit wrote), through the hooks' own checks (``check_data``).

Which files they look at, cheapest test first (a scan of a large tree must not get slower for the
files neither hook is about):

- a file that one of the hooks' globs names (``id_rsa``, ``*.p12``, ``credentials.json``, ``.env``,
  ``.env.example``, ...: ``files.NameFilter``, about a microsecond a path) gets both hooks' whole
  check, by name and by content;
- a binary file whose first bytes are a keystore's or a key's (PKCS#12, JKS, DER: the ``binary``
  content rules, ``block_credential_files.has_structure``) gets block-credential-files' check.

Other text files are the secret rules' alone: the credential-file content rules for text (PEM keys,
service-account JSON, ``.npmrc`` tokens, ...) repeat what the secret rules find there, at the cost of
a second pass over every byte.

One finding per problem (``merged``): where a hook's finding covers bytes a secret rule's finding
covers (a PEM key: the secret rule from its BEGIN line, the content rule from its first body line; a
real-looking value in ``.env.example``), the secret rule's finding is reported: it is the most
specific (the vendor's rule id, its revoke page, its checksum, ``--explain``), and it is what
``leakstop scan`` reported before, so reports, baselines and SARIF alerts keep their identity. Of the
findings about a whole file (line 0: ``pkcs12-file`` by name, ``pkcs12-keystore`` by content,
``env-file``), one is reported, by content before by name. A whole-file finding and a finding on a
line of that file are two problems (the file does not belong in git; a value in it leaked): both are
reported, as the hooks report them. A ``.env`` file by name (``env-file``) is reported by ``leakstop scan``
only with a secret found in it: one whose values are settings, names and placeholders (``PORT=8080``,
``USER_PASSWORD=training``) is what ``block-env-files`` refuses at commit time, by policy, but no leaked
secret in a repository's audit (the held-out sets' reviewers called 102 such files false alarms, and the 12
they called real each held a secret the rules find on its line). The baseline and the allowlists apply as the hooks apply them:
a hook's finding the baseline knows passes, whatever the secret rules say.
"""
from __future__ import annotations

import os
from typing import Sequence

from leakstop.baseline import Baseline
from leakstop.config import Config
from leakstop.engine import Finding, RuleSet
from leakstop.files import NameFilter, TooLarge, Unreadable, link_into_repository, normalize, read_bytes
from leakstop.hooks import block_credential_files as credential
from leakstop.hooks import block_env_files as env
from leakstop.records import FileHookSettings as Settings
from leakstop.scan import FileResult, scan_path

ENV_FILE = 'env-file'
ADVICE = (
    'Files reported as a whole (credential files, .env files) do not belong in git: rotate what they hold '
    'if it is real, stop tracking them (`git rm --cached -- <path>`; your copy stays), add them to .gitignore, '
    'and keep the values in a secret manager (commit a template of placeholders such as .env.example instead).'
)


def settings_for(config: Config, ruleset: RuleSet) -> Settings:
    """Both hooks' settings (their default names: ``leakstop scan`` takes no ``--name``), built once per scan."""
    cred = credential.settings_for(config)
    names = NameFilter([
        *(glob for rule in cred.names for glob in rule.paths), *env.ENV_NAMES, *env.ENVRC_NAMES, *env.TEMPLATE_NAMES,
    ])
    return Settings(
        credential=cred, env=env.settings_for(config), names=names,
        name_rules=frozenset(rule.id for rule in cred.names), ruleset=ruleset,
    )


def hook_findings(
        display: str, raw: bytes | None, *, binary: bool, settings: Settings, baseline: Baseline | None,
        named: bool | None = None,
) -> list[Finding]:
    """What the two hooks report for one file: ``display`` its normalized path, ``raw`` its bytes
    (None for a symlink: judged by name only; the first chunk of a file too large to hold), ``binary``
    whether the secret scan found it binary. The allowlists apply; findings the baseline knows are
    dropped."""
    if named is None:
        named = settings.names(display)
    if not named and not (binary and raw is not None and credential.has_structure(raw, settings=settings.credential)):
        return []
    if settings.credential.config.allowlist.path_allowed(display):
        return []
    found = list(credential.check_data(display, raw, settings=settings.credential, baseline=baseline).findings)
    kind = env.kind_of(display, settings.env) if named else None
    if kind is not None:
        found += env.check_data(display, kind, raw, settings=settings.env, ruleset=settings.ruleset, baseline=baseline)[0].findings
    return found


def merged(result: FileResult, found: Sequence[Finding], *, settings: Settings) -> FileResult:
    """``result`` (the secret rules' findings in a file) with the hooks' findings ``found`` in the
    same file that report another problem (see the module's docstring)."""
    if not found:
        return result
    kept = list(result.findings)
    whole = False
    for f in sorted(found, key=lambda f: f.rule_id in settings.name_rules):  # by content before by name
        if f.line == 0:
            if whole:
                continue
            whole = True
        elif any(k.line > 0 and f.start < k.end and k.start < f.end for k in kept):
            continue
        kept.append(f)
    if not any(k.line > 0 for k in kept):  # a .env file whose values hold no secret: settings, not a leak
        kept = [k for k in kept if k.rule_id != ENV_FILE]
    kept.sort(key=lambda f: (f.line, f.column))
    return result._replace(findings=tuple(kept), skipped=None)


def check_path(
        path: str, *, ruleset: RuleSet, config: Config, baseline: Baseline | None, settings: Settings,
) -> FileResult:
    """``scan.scan_path`` and the file hooks over one file of the working tree (read once, unless
    a hook's glob names it)."""
    heads: list[bytes] = []
    result = scan_path(path, ruleset=ruleset, config=config, baseline=baseline, binary=heads.append)
    if not settings.names(result.path):
        if not heads:
            return result
        found = hook_findings(result.path, heads[0], binary=True, settings=settings, baseline=baseline, named=False)
        return merged(result, found, settings=settings)
    if result.error or result.skipped == 'allowlisted path':
        return result
    if os.path.islink(path) and link_into_repository(path) and not env.kind_of(result.path, settings.env):
        return result  # a link to a file of the repository: that file is checked at its own path
    try:
        raw = None if os.path.islink(path) else read_bytes(path)
    except TooLarge:
        raw = None  # judged by its name (scan_path read its content, in windows)
    except Unreadable:
        return result  # scan_path said why, or the file changed under us
    found = hook_findings(
        result.path, raw, binary=result.skipped == 'binary', settings=settings, baseline=baseline, named=True)
    return merged(result, found, settings=settings)

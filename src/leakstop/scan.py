"""The pipeline shared by every hook and command: read → decode → engine → allowlist."""
from __future__ import annotations

import dataclasses
from typing import Sequence

from leakstop.baseline import Baseline, iter_unknown
from leakstop.cache import cache_dir, file_signature
from leakstop.config import Config
from leakstop.engine import Finding, RuleSet, load_ruleset, scan_bytes
from leakstop.files import Unreadable, decode_text, normalize, read_bytes
from leakstop.rules import builtin_rule_files, check_unique, load_rules_file


@dataclasses.dataclass(frozen=True)
class FileResult:
    path: str
    findings: tuple[Finding, ...] = ()
    error: str | None = None  # could not be scanned: reported, exit code 2
    skipped: str | None = None  # deliberately not scanned (binary, allowlisted path)


def ruleset_for(config: Config, *, rule_files: Sequence[str] | None = None) -> RuleSet:
    """Built-in plus custom rules, from the compiled cache when nothing changed."""
    files = builtin_rule_files() if rule_files is None else list(rule_files)
    signature: list[object] = [file_signature(path) for path in files]
    signature.append(config.custom_rules)

    def load() -> list:  # type: ignore[type-arg]
        rules = [rule for path in files for rule in load_rules_file(path)]
        rules.extend(config.custom_rules)
        check_unique(rules)
        return rules

    return load_ruleset(signature, load, cache=cache_dir())


def scan_data(
        data: bytes, path: str, *, ruleset: RuleSet, config: Config, baseline: Baseline | None = None,
) -> list[Finding]:
    """Findings in already-decoded text ``data`` that no allowlist covers and the baseline does not know."""
    findings = scan_bytes(data, ruleset, path)
    if findings:
        findings = config.allowlist.filter(data, findings)
    if findings and baseline is not None:
        findings = list(iter_unknown(baseline, data, findings))
    return findings


def scan_path(path: str, *, ruleset: RuleSet, config: Config, baseline: Baseline | None = None) -> FileResult:
    display = normalize(path)
    if config.allowlist.path_allowed(display):
        return FileResult(display, skipped='allowlisted path')
    try:
        raw = read_bytes(path)
    except Unreadable as e:
        return FileResult(display, error=f'cannot read: {e}')
    data = decode_text(raw)
    if data is None:
        return FileResult(display, skipped='binary')
    findings = scan_data(data, display, ruleset=ruleset, config=config, baseline=baseline)
    return FileResult(display, findings=tuple(findings))

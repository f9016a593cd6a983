"""Secrets under an encoding: base64 values of Kubernetes ``Secret`` manifests.

Every value under ``data:`` in a ``kind: Secret`` manifest is base64 by definition, so the
rule that knows the secret's format cannot see it in the file. Each value is decoded and
scanned as ``key: decoded`` by the same engine; a finding is reported at the encoded value's
position, with the decoded secret (redacted in output, fingerprinted as itself), and replaces
any finding on the encoded text. (Percent-encoded URL credentials and JSON-escaped strings are
handled by the rules themselves.)
"""
from __future__ import annotations

import base64
import binascii
import dataclasses
from typing import Sequence

from leakstop.engine import Finding, RuleSet, scan_bytes
from leakstop.regex import LazyPattern

_SECRET_KIND = LazyPattern(rb'(?m)^kind:[ \t]*["\']?Secret["\']?[ \t]*(?:#.*)?$')
_DATA_KEY = LazyPattern(rb'(?m)^([ \t]*)data:[ \t]*(?:#.*)?$')
_ENTRY = LazyPattern(rb'(?m)^([ \t]+)([\w.-]+):[ \t]*["\']?([A-Za-z0-9+/]{8,}={0,2})["\']?[ \t]*$')
_SEPARATOR = LazyPattern(rb'(?m)^---[ \t]*(?:#.*)?$')
_TEXT = frozenset(range(0x20, 0x7F)) | {0x09, 0x0A, 0x0D}


def kubernetes_secret_values(data: bytes) -> list[tuple[bytes, bytes, int, int]]:
    """(key, decoded value, start, end of the encoded value) for each ``data:`` entry of Secret manifests."""
    if b'Secret' not in data or not _SECRET_KIND.search(data):
        return []
    out = []
    for doc_start, doc_end in _documents(data):
        if _SECRET_KIND.search(data, doc_start, doc_end):
            out.extend(_data_values(data, doc_start, doc_end))
    return out


def _documents(data: bytes) -> list[tuple[int, int]]:
    """Spans of the YAML documents of a stream (separated by ``---`` lines)."""
    starts = [0] + [m.end() for m in _SEPARATOR.finditer(data)]
    ends = [m.start() for m in _SEPARATOR.finditer(data)] + [len(data)]
    return list(zip(starts, ends))


def _data_values(data: bytes, doc_start: int, doc_end: int) -> list[tuple[bytes, bytes, int, int]]:
    out = []
    for block in _DATA_KEY.finditer(data, doc_start, doc_end):
        indent = len(block.group(1))
        pos = block.end() + 1
        for entry in _ENTRY.finditer(data, pos, doc_end):
            if entry.start() != pos or len(entry.group(1)) <= indent:
                break  # the block ended: a line that is not an indented key: base64
            pos = entry.end() + 1
            try:
                decoded = base64.b64decode(entry.group(3), validate=True)
            except (binascii.Error, ValueError):
                continue
            if decoded and all(b in _TEXT for b in decoded):
                out.append((entry.group(2), decoded, entry.start(3), entry.end(3)))
    return out


def decoded_findings(data: bytes, path: str, ruleset: RuleSet) -> tuple[list[Finding], list[tuple[int, int]]]:
    """Findings inside the base64 values of Kubernetes Secret manifests, placed on the encoded values;
    and the spans of every encoded value that decodes to text (judged by its text, not its base64)."""
    out = []
    values = kubernetes_secret_values(data)
    for key, decoded, start, end in values:
        line = data.count(b'\n', 0, start) + 1
        column = start - data.rfind(b'\n', 0, start)
        for f in scan_bytes(key + b': ' + decoded, ruleset, path):
            out.append(dataclasses.replace(
                f, line=line, column=column, start=start, end=end,
                description=f'{f.description} (base64 in a Kubernetes Secret)',
            ))
    return out, [(start, end) for _, _, start, end in values]


def merge(raw: Sequence[Finding], decoded: Sequence[Finding], text_spans: Sequence[tuple[int, int]] = ()) -> list[Finding]:
    """``raw`` findings, except those on an encoded value a decoded finding explains, plus ``decoded``.

    A generic finding on an encoded value that decodes to text is dropped too: the generic detector
    judged the base64 (random-looking by nature), not the text it stands for (``cGFzc3dvcmQ=``).
    """
    from leakstop.generic import RULE_IDS
    spans = {(f.start, f.end) for f in decoded}
    texts = set(text_spans)
    kept = [
        f for f in raw
        if not any(s <= f.start < e for s, e in spans)
        and not (f.rule_id in RULE_IDS and any(s <= f.start < e for s, e in texts))
    ]
    return sorted([*kept, *decoded], key=lambda f: (f.line, f.column, f.rule_id))

#!/usr/bin/env python3
"""Generate leakstop's labeled secret-detection corpus (tests/corpus/).

    python tests/corpus/generate.py            # rewrite positives/, negatives/, labels.json here
    python tests/corpus/generate.py --out DIR  # write the same tree somewhere else

The output is deterministic: every random value comes from ``random.Random`` seeded with a string
built from the file's path and the value's name, so running the script again reproduces the same
bytes, and adding a file does not change the others. Only the standard library is used; nothing
here reads leakstop's rules.

Templates mark each secret with ``⟪name⟫``. ``render`` replaces the markers and records, for every
marker bound to a ``Secret``, the 1-based line where the value starts (and ``end_line`` when the
value spans lines). Markers bound to a plain ``str`` are ordinary text and get no label.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import re
import shutil
import sys
import textwrap
from dataclasses import dataclass

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

MARK = re.compile(r'⟪(\w+)⟫')


@dataclass(frozen=True)
class Secret:
    value: str
    family: str
    kind: str


def render(template: str, values: dict[str, object]) -> tuple[str, list[dict[str, object]]]:
    parts = MARK.split(template)
    out: list[str] = []
    line = 1
    labels: dict[int, dict[str, object]] = {}
    used = set()
    for i, part in enumerate(parts):
        if i % 2 == 0:
            out.append(part)
            line += part.count('\n')
            continue
        if part not in values:
            raise KeyError(f'no value for marker {part!r}')
        used.add(part)
        v = values[part]
        if isinstance(v, Secret):
            end = line + v.value.count('\n')
            lab = labels.get(line)
            if lab is None:
                lab = labels[line] = {'line': line, 'family': v.family, 'kind': v.kind}
            else:
                if lab['family'] != v.family:
                    raise ValueError(f'two families on line {line}: {lab["family"]}, {v.family}')
                if v.kind not in str(lab['kind']).split('+'):
                    lab['kind'] = f'{lab["kind"]}+{v.kind}'
            if end > line:
                lab['end_line'] = max(end, int(lab.get('end_line', end)))  # type: ignore[arg-type]
            text = v.value
        else:
            text = str(v)
            if '\n' in text and MARK.search(text):
                raise ValueError('nested markers are not supported')
        out.append(text)
        line += text.count('\n')
    unused = set(values) - used
    if unused:
        raise KeyError(f'unused values {sorted(unused)}')
    return ''.join(out), [labels[k] for k in sorted(labels)]


def dedent(text: str) -> str:
    return textwrap.dedent(text).lstrip('\n')


class Corpus:
    def __init__(self) -> None:
        self.files: dict[str, tuple[str, list[dict[str, object]]]] = {}

    def _put(self, path: str, text: str, labels: list[dict[str, object]]) -> None:
        if path in self.files:
            raise ValueError(f'duplicate file {path}')
        if not text.endswith('\n'):
            text += '\n'
        self.files[path] = (text, labels)

    def pos(self, family: str, name: str, template: str, **values: object) -> None:
        text, labels = render(template, values)
        if not labels:
            raise ValueError(f'positive file without a secret: {family}/{name}')
        for lab in labels:
            if lab['family'] != family:
                raise ValueError(f'{family}/{name}: label of family {lab["family"]}')
        self._put(f'positives/{family}/{name}', text, labels)

    def neg(self, category: str, name: str, text: str) -> None:
        if MARK.search(text):
            raise ValueError(f'marker left in negative {category}/{name}')
        self._put(f'negatives/{category}/{name}', text, [])


def rng_for(*key: object) -> random.Random:
    return random.Random('leakstop-corpus:' + '/'.join(map(str, key)))


def build() -> Corpus:
    import gen_negative_files
    import gen_positive_files
    corpus = Corpus()
    gen_positive_files.build(corpus)
    gen_negative_files.build(corpus)
    return corpus


def write(corpus: Corpus, out: str) -> None:
    for sub in ('positives', 'negatives'):
        shutil.rmtree(os.path.join(out, sub), ignore_errors=True)
    for path, (text, _) in sorted(corpus.files.items()):
        full = os.path.join(out, *path.split('/'))
        os.makedirs(os.path.dirname(full), exist_ok=True)
        with open(full, 'w', encoding='utf-8', newline='\n') as fh:
            fh.write(text)
    order = ('line', 'end_line', 'family', 'kind')
    files = {p: [{k: lab[k] for k in order if k in lab} for lab in labs] for p, (_, labs) in sorted(corpus.files.items())}
    with open(os.path.join(out, 'labels.json'), 'w', encoding='utf-8', newline='\n') as fh:
        json.dump({'version': 1, 'files': files}, fh, indent=1, ensure_ascii=False)
        fh.write('\n')


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--out', default=HERE, help='output directory (default: this directory)')
    args = ap.parse_args(argv)
    corpus = build()
    os.makedirs(args.out, exist_ok=True)
    write(corpus, args.out)
    n_sec = sum(len(labs) for _, labs in corpus.files.values())
    n_neg = sum(1 for p in corpus.files if p.startswith('negatives/'))
    print(f'{len(corpus.files)} files, {n_sec} labeled secrets, {n_neg} negative files -> {args.out}')
    return 0


if __name__ == '__main__':
    import generate  # the helper modules import this module by name; use one copy of it
    sys.exit(generate.main())

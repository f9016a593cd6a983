"""Integrity of the labeled secret corpus (tests/corpus/). Independent of leakstop's rules and engine."""
from __future__ import annotations

import base64
import json
import os
import re
import subprocess
import sys
import zlib
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
FAMILIES = {'aws', 'gcp', 'azure', 'other-cloud', 'github', 'gitlab', 'other-ci', 'slack', 'messaging', 'payments', 'ai',
            'observability', 'registries', 'saas', 'private-keys', 'connection-strings', 'jwt', 'password-hashes', 'headers',
            'generic-passwords'}
MIN_SECRETS, MIN_PER_FAMILY, MIN_NEGATIVES = 420, 12, 420
MAX_BYTES = 15 * 1024 * 1024
BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'
GH_NPM = re.compile(r'(?<![A-Za-z0-9_])((?:gh[pousr]|npm)_[A-Za-z0-9]{36})(?![A-Za-z0-9])')
PYPI = re.compile(r'pypi-[A-Za-z0-9_-]{50,}')
JWT = re.compile(r'\beyJ[A-Za-z0-9_-]+\.eyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+')
PLACEHOLDER = re.compile(r'(?i)example|dummy|xxxx|placeholder|changeme|your_|redact|\btest|fake|sample|([^\sA=])\1{7}')


def corpus_files(root: Path) -> dict[str, bytes]:
    out = {}
    for sub in ('positives', 'negatives'):
        for p in sorted((root / sub).rglob('*')):
            if p.is_file():
                out[p.relative_to(root).as_posix()] = p.read_bytes()
    out['labels.json'] = (root / 'labels.json').read_bytes()
    return out


@pytest.fixture(scope='module')
def labels() -> dict[str, list[dict]]:
    data = json.loads((HERE / 'labels.json').read_text(encoding='utf-8'))
    assert data['version'] == 1
    return data['files']


@pytest.fixture(scope='module')
def texts() -> dict[str, list[str]]:
    return {k: v.decode('utf-8').split('\n') for k, v in corpus_files(HERE).items() if k != 'labels.json'}


def crc_ok(token: str) -> bool:
    body, check = token.split('_', 1)[1][:30], token.split('_', 1)[1][30:]
    value, digits = zlib.crc32(body.encode()), []
    while value:
        value, rem = divmod(value, 62)
        digits.append(BASE62[rem])
    return ''.join(reversed(digits)).rjust(6, '0') == check


def b64url_json(part: str) -> object:
    return json.loads(base64.urlsafe_b64decode(part + '=' * (-len(part) % 4)))


def test_generator_reproduces_committed_files(tmp_path: Path) -> None:
    env = {**os.environ, 'PYTHONHASHSEED': '7'}
    subprocess.run([sys.executable, str(HERE / 'generate.py'), '--out', str(tmp_path)], check=True, env=env,
                   stdout=subprocess.DEVNULL)
    committed, fresh = corpus_files(HERE), corpus_files(tmp_path)
    assert sorted(committed) == sorted(fresh), 'file lists differ: run tests/corpus/generate.py'
    differing = [p for p in committed if committed[p] != fresh[p]]
    assert not differing, f'regenerated files differ: {differing[:10]}'


def test_labels_list_exactly_the_corpus_files(labels, texts) -> None:
    assert set(labels) == set(texts)
    for path in labels:
        assert '\\' not in path and path.split('/')[0] in ('positives', 'negatives') and len(path.split('/')) == 3


def test_labels_are_well_formed(labels, texts) -> None:
    for path, labs in labels.items():
        kind, group, _ = path.split('/')
        if kind == 'negatives':
            assert labs == [], path
            continue
        assert labs, f'{path}: positive file without a label'
        n_lines = len(texts[path]) - (1 if texts[path][-1] == '' else 0)
        seen = set()
        for lab in labs:
            line, end = lab['line'], lab.get('end_line', lab['line'])
            assert isinstance(line, int) and 1 <= line <= end <= n_lines, (path, lab)
            assert line not in seen, (path, line)
            seen.add(line)
            assert lab['family'] == group and lab['family'] in FAMILIES, (path, lab)
            assert isinstance(lab['kind'], str) and lab['kind'], (path, lab)
            assert texts[path][line - 1].strip(), (path, lab, 'labeled line is blank')


def test_counts_meet_minimums(labels) -> None:
    per_family = {f: 0 for f in FAMILIES}
    for labs in labels.values():
        for lab in labs:
            per_family[lab['family']] += 1
    assert sum(per_family.values()) >= MIN_SECRETS
    assert min(per_family.values()) >= MIN_PER_FAMILY, per_family
    assert sum(1 for p in labels if p.startswith('negatives/')) >= MIN_NEGATIVES
    assert sum(len(b) for b in corpus_files(HERE).values()) < MAX_BYTES


def labeled_lines(labs: list[dict]) -> set[int]:
    return {n for lab in labs for n in range(lab['line'], lab.get('end_line', lab['line']) + 1)}


def test_checksummed_fakes_are_valid_and_labeled(labels, texts) -> None:
    found = 0
    for path, lines in texts.items():
        sensitive = labeled_lines(labels[path])
        for i, line in enumerate(lines, 1):
            for tok in GH_NPM.findall(line):
                if path.startswith('positives/'):
                    found += 1
                    assert crc_ok(tok), f'{path}:{i}: bad CRC32 in {tok[:8]}...'
                    assert i in sensitive, f'{path}:{i}: token on an unlabeled line'
                else:
                    assert not crc_ok(tok), f'{path}:{i}: a negative holds a checksum-valid token'
    assert found >= 20


def test_structured_fakes_decode(labels, texts) -> None:
    n_pypi = n_jwt = 0
    for path, labs in labels.items():
        if not path.startswith('positives/'):
            continue
        for i in sorted(labeled_lines(labs)):
            line = texts[path][i - 1]
            for tok in PYPI.findall(line):
                raw = base64.urlsafe_b64decode(tok[5:] + '=' * (-len(tok[5:]) % 4))
                assert raw.startswith(b'\x02\x01\x08pypi.org'), (path, i)
                n_pypi += 1
            for tok in JWT.findall(line):
                header, payload, _ = tok.split('.')
                assert 'alg' in b64url_json(header), (path, i)
                assert isinstance(b64url_json(payload), dict), (path, i)
                n_jwt += 1
    assert n_pypi >= 2 and n_jwt >= 12


def test_labeled_lines_do_not_look_like_placeholders(labels, texts) -> None:
    for path, labs in labels.items():
        for i in sorted(labeled_lines(labs)):
            m = PLACEHOLDER.search(texts[path][i - 1])
            assert m is None, f'{path}:{i}: placeholder-like text {m.group(0)!r} on a labeled line'

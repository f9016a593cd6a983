"""bench/repos/run's --context never shows a secret: only the finding's line, its secret masked to the prefix."""
from __future__ import annotations

import importlib.machinery
import importlib.util
import os
import sys
from pathlib import Path
from types import ModuleType

import pytest

from fakes import github

RUN = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), 'bench', 'repos', 'run')


@pytest.fixture(scope='module')
def run() -> ModuleType:
    loader = importlib.machinery.SourceFileLoader('bench_repos_run', RUN)
    spec = importlib.util.spec_from_loader(loader.name, loader)
    assert spec is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[loader.name] = module  # (its dataclasses look their module up)
    loader.exec_module(module)
    return module


@pytest.fixture
def repo(run: ModuleType, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[str, str]:
    token = github()
    (tmp_path / 'r').mkdir()
    (tmp_path / 'r' / '.env').write_text(f'A=1\nGITHUB_TOKEN={token}\n')
    monkeypatch.setattr(run, 'REPOS', str(tmp_path))
    return token, run.secret_hash(token)


def test_a_line_finding_shows_its_line_with_the_secret_masked(run: ModuleType, repo: tuple[str, str]) -> None:
    token, digest = repo
    shown = run.context_of(run.Finding('r', '.env', 2, digest, token[:4], 'github-pat', 14, len(token)))
    assert shown == f'GITHUB_TOKEN={token[:4]}…'


@pytest.mark.parametrize('line, with_secret', [(0, False), (0, True), (2, False)])
def test_no_line_or_no_secret_span_shows_nothing(run: ModuleType, repo: tuple[str, str], line: int,
                                                 with_secret: bool) -> None:
    # a whole file's finding (line 0) once showed the file's last line whole, its secret in it
    token, digest = repo
    finding = run.Finding('r', '.env', line, digest if with_secret else None, token[:4] if with_secret else '',
                          'env-file', 0, len(token) if with_secret else 0)
    assert run.context_of(finding) == ''

"""leakstop says it installs where it does: `requires-python` and the classifiers name exactly the
Pythons on which every dependency installs from a wheel, on every platform of the recorded table
(tests/wheel_table.json, written by scripts/wheel_table.py from the package index). Where the newest
version of a dependency has no wheel, pip builds it from source — for hyperscan that fails on a
machine without a C++ toolchain, Boost and Ragel — so such a Python is not declared.

What this cannot see: a release of a dependency after the table was written (rerun the script).
.ci/run installs leakstop for real on the oldest and newest declared Python this machine has."""
from __future__ import annotations

import json
import os
import re
import sys

from packaging.requirements import Requirement
from packaging.specifiers import SpecifierSet

from e2e import ROOT

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

with open(os.path.join(ROOT, 'pyproject.toml'), 'rb') as _f:
    PROJECT = tomllib.load(_f)['project']
with open(os.path.join(ROOT, 'tests', 'wheel_table.json')) as _f:
    TABLE = json.load(_f)


def installs_from_wheels(python: str) -> list[str]:
    """What would be built from source on ``python`` (dependency, platform, version); empty: all wheels."""
    missing = []
    for dependency, rows in TABLE['dependencies'].items():
        marker = Requirement(dependency).marker
        if marker is not None and not marker.evaluate({'python_version': python}):
            continue
        for platform, picked in rows[python].items():
            if picked == 'none' or picked.endswith('sdist only'):
                missing.append(f'{dependency} on {platform}: {picked}')
    return missing


def declared() -> list[str]:
    return [m.group(1) for c in PROJECT['classifiers'] if (m := re.fullmatch(r'Programming Language :: Python :: (3\.\d+)', c))]


def test_the_table_is_of_the_dependencies_pyproject_declares() -> None:
    assert sorted(TABLE['dependencies']) == sorted(str(Requirement(d)) for d in PROJECT['dependencies']), (
        'pyproject.toml dependencies changed: rerun python scripts/wheel_table.py')


def test_requires_python_admits_exactly_the_pythons_with_wheels() -> None:
    spec = SpecifierSet(PROJECT['requires-python'])
    for python in TABLE['pythons']:
        missing = installs_from_wheels(python)
        if f'{python}.0' in spec:
            assert not missing, f'requires-python {spec} admits {python}, where pip builds from source: {missing}'
        else:
            assert missing, f'requires-python {spec} refuses {python}, where every dependency has wheels'


def test_python_39_is_refused_because_hyperscan_has_no_wheel_for_it() -> None:
    """The case of the issue: pip on 3.9 picked hyperscan 0.9.1, which has no cp39 wheel."""
    assert '3.9.0' not in SpecifierSet(PROJECT['requires-python'])
    assert TABLE['dependencies']['hyperscan>=0.7']['3.9']['linux-x86_64'].endswith('sdist only')


def test_classifiers_name_every_python_requires_python_admits() -> None:
    spec = SpecifierSet(PROJECT['requires-python'])
    assert declared() == [p for p in TABLE['pythons'] if f'{p}.0' in spec]
    assert 'Programming Language :: Python :: 3 :: Only' in PROJECT['classifiers']


def test_the_package_imports_tomllib_only_where_python_3_11_is_checked() -> None:
    """Python 3.10 (declared) has no tomllib: an import of it must sit under ``if sys.version_info >= (3, 11)``,
    with tomli (a dependency below 3.11) in the else branch, as ``cache.load_toml`` does. (decode's comment
    markers once imported it bare: every hook failed to start on 3.10; only .ci/install-check saw it.)"""
    import ast
    bare = []
    for directory, _, names in os.walk(os.path.join(ROOT, 'src', 'leakstop')):
        for name in names:
            if not name.endswith('.py'):
                continue
            path = os.path.join(directory, name)
            with open(path, encoding='utf-8') as f:
                tree = ast.parse(f.read())
            guarded = set()
            for node in ast.walk(tree):
                if isinstance(node, ast.If) and 'version_info' in ast.unparse(node.test) and '(3, 11)' in ast.unparse(node.test):
                    guarded.update(id(n) for statement in node.body for n in ast.walk(statement))
            for node in ast.walk(tree):
                if isinstance(node, ast.Import) and any(a.name == 'tomllib' for a in node.names) and id(node) not in guarded:
                    bare.append(f'{os.path.relpath(path, ROOT)}:{node.lineno}')
                if isinstance(node, ast.ImportFrom) and node.module == 'tomllib' and id(node) not in guarded:
                    bare.append(f'{os.path.relpath(path, ROOT)}:{node.lineno}')
    assert bare == [], f'tomllib imported without a Python 3.11 check (use leakstop.cache.load_toml): {bare}'

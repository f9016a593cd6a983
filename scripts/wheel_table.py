"""Which Pythons leakstop installs on from wheels alone: rebuilds tests/wheel_table.json.

    python scripts/wheel_table.py            # asks the package index through pip, writes the table

For each dependency in pyproject.toml, pip lists every file the index has for it (`pip download -vv`
of a version that does not exist: pip logs each link it looked at, then gives up; nothing is
downloaded). For each CPython 3.8 to 3.14 and each platform below, the table records the version pip
would pick there (the newest that the dependency's specifier and its own Requires-Python admit) and
whether that version has a wheel for it. pip never falls back to an older version that has a wheel:
where the newest has none, `pip install leakstop` builds the dependency from source (hyperscan's
needs a C++ toolchain, Boost, Ragel and CMake: it fails on a plain machine). tests/test_packaging.py
checks `requires-python` and the classifiers against this table; .ci/run installs leakstop on the
oldest and newest supported Python this machine has.
"""
from __future__ import annotations

import datetime
import json
import os
import re
import subprocess
import sys
import tempfile

from packaging.requirements import Requirement
from packaging.specifiers import SpecifierSet
from packaging.utils import parse_wheel_filename
from packaging.version import Version

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TABLE = os.path.join(ROOT, 'tests', 'wheel_table.json')
PYTHONS = ('3.8', '3.9', '3.10', '3.11', '3.12', '3.13', '3.14')
# platform -> (a regex on a wheel's platform tag); 'any' fits every platform
PLATFORMS = {
    'linux-x86_64': r'manylinux.*_x86_64',
    'linux-aarch64': r'manylinux.*_aarch64',
    'macos-x86_64': r'macosx_.*_(x86_64|intel|universal2)',
    'macos-arm64': r'macosx_.*_(arm64|universal2)',
    'windows-amd64': r'win_amd64',
}
_LINK = re.compile(r'(https://\S+?/([^/\s#]+?\.(?:whl|tar\.gz|zip)))\S*(?: \(from [^)]*\))?(?: \(requires-python:([^)]*)\))?')


def dependencies() -> list[Requirement]:
    try:
        import tomllib
    except ImportError:  # Python < 3.11
        import tomli as tomllib  # type: ignore[no-redef]
    with open(os.path.join(ROOT, 'pyproject.toml'), 'rb') as f:
        doc = tomllib.load(f)
    return [Requirement(d) for d in doc['project']['dependencies']]


def index_files(name: str) -> dict[str, str]:
    """Every file the index has for ``name``: file name -> its Requires-Python ('' if none given)."""
    with tempfile.TemporaryDirectory() as tmp:
        out = subprocess.run(
            (sys.executable, '-m', 'pip', 'download', '--no-deps', '--dest', tmp, '-vv', f'{name}==0.0.0.dev0'),
            capture_output=True, text=True,
        ).stdout
    files: dict[str, str] = {}
    for m in _LINK.finditer(out):
        filename, requires = m.group(2), m.group(3) or ''
        if files.get(filename, '') == '':
            files[filename] = requires
    if not files:
        raise SystemExit(f'{name}: pip listed no files (is the index reachable?)')
    return files


def _version_of(filename: str, name: str) -> Version | None:
    if filename.endswith('.whl'):
        return parse_wheel_filename(filename)[1]
    stem = filename[:-len('.tar.gz')] if filename.endswith('.tar.gz') else filename[:-len('.zip')]
    prefix = re.sub(r'[-_.]+', '_', name).lower() + '-'
    if not re.sub(r'[-_.]+', '_', stem).lower().startswith(prefix):
        return None
    try:
        return Version(stem[len(prefix):])
    except Exception:
        return None


def _fits(filename: str, python: str, platform: str) -> bool:
    """Whether the wheel ``filename`` installs on CPython ``python`` on ``platform``."""
    _, _, _, tags = parse_wheel_filename(filename)
    major, minor = (int(x) for x in python.split('.'))
    for tag in tags:
        py_ok = tag.interpreter in (f'cp{major}{minor}', f'py{major}', f'py{major}{minor}') or (
            tag.abi == 'abi3' and tag.interpreter.startswith('cp3') and int(tag.interpreter[3:]) <= minor)
        abi_ok = tag.abi in (f'cp{major}{minor}', 'abi3', 'none')
        plat_ok = tag.platform == 'any' or re.fullmatch(PLATFORMS[platform], tag.platform) is not None
        if py_ok and abi_ok and plat_ok:
            return True
    return False


def table_for(requirement: Requirement, files: dict[str, str]) -> dict[str, dict[str, str]]:
    """python -> platform -> 'VERSION' (a wheel) or 'VERSION sdist only'."""
    by_version: dict[Version, list[str]] = {}
    requires: dict[Version, str] = {}
    for filename, python_req in files.items():
        version = _version_of(filename, requirement.name)
        if version is None or version.is_prerelease:
            continue
        by_version.setdefault(version, []).append(filename)
        if python_req:
            requires[version] = python_req
    out: dict[str, dict[str, str]] = {}
    for python in PYTHONS:
        row = {}
        admitted = [v for v in by_version if v in requirement.specifier
                    and (v not in requires or SpecifierSet(requires[v]).contains(f'{python}.0', prereleases=True))]
        for platform in PLATFORMS:
            if not admitted:
                row[platform] = 'none'
                continue
            newest = max(admitted)
            wheel = any(f.endswith('.whl') and _fits(f, python, platform) for f in by_version[newest])
            row[platform] = str(newest) if wheel else f'{newest} sdist only'
        out[python] = row
    return out


def main() -> int:
    table: dict[str, object] = {
        'about': 'written by scripts/wheel_table.py from the package index; read by tests/test_packaging.py',
        'date': datetime.date.today().isoformat(),
        'pythons': list(PYTHONS),
        'platforms': list(PLATFORMS),
        'dependencies': {},
    }
    for requirement in dependencies():
        if requirement.marker is not None and not any(requirement.marker.evaluate({'python_version': p}) for p in PYTHONS):
            continue
        files = index_files(requirement.name)
        table['dependencies'][str(requirement)] = table_for(requirement, files)  # type: ignore[index]
        print(f'{requirement}: {len(files)} files', file=sys.stderr)
    with open(TABLE, 'w') as f:
        json.dump(table, f, indent=1, sort_keys=False)
        f.write('\n')
    return 0


if __name__ == '__main__':
    raise SystemExit(main())

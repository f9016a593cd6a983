"""The README matches the code: its install steps work (run for real with pre-commit against a copy
of this repository), every version it pins exists, its counts are what the code says, its hook table
is `.pre-commit-hooks.yaml`'s, and every settings key is documented.

A count in the README is either checked here against the code (`leakstop rules list --format json`,
the hooks manifest, the settings keys) or is a measurement whose paragraph says where it was made
(a commit id, a `bench/` command, a peer's version): ``test_every_count_is_checked_or_dated``
fails on a new number that is neither. The providers table has its own test (tests/test_rules.py)."""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys

import pytest

import fakes
from e2e import PRE_COMMIT, ROOT, git, hook_env, init_repo
from leakstop.config import KEYS

README_PATH = os.path.join(ROOT, 'README.md')
with open(README_PATH, encoding='utf-8') as _f:
    README = _f.read()
URL = 'https://github.com/leakstop/leakstop'
PLACEHOLDER_REV = 'main'  # replaced by `pre-commit autoupdate`, as the README says
WORDS = {'one': 1, 'two': 2, 'three': 3, 'four': 4, 'five': 5, 'six': 6}

# -- counts ------------------------------------------------------------------------------------------

RULE_COUNTS = re.compile(r'(\d+) rules for (\d+) providers, and (\d+) rules for formats without a provider')
CONTEXT_COUNT = re.compile(r'the (\d+) provider\s+rules tagged `context`')
CHECKED = (RULE_COUNTS, CONTEXT_COUNT)
# a number of things the code has; numbers of other things (secrets, files, MB, ms) are measurements
COUNT = re.compile(r'(?<![\w.])(\d[\d,]*)\s+(?:provider\s+|vendor\s+|built-in\s+|custom\s+)?'
                   r'(rules?|providers?|hooks?|tests?|file\s+types?|vendor\s+words|extractors?)\b(?!:)')
# where a paragraph says a figure was measured: a commit id, a bench command, a peer's version
DATED = re.compile(r'\b[0-9a-f]{7,40}\b|`?bench/\w+|\b(?:gitleaks|Betterleaks|Kingfisher|detect-secrets|TruffleHog)\s+v?\d+\.\d+')


@pytest.fixture(scope='module')
def rules_json() -> list[dict]:  # type: ignore[type-arg]
    """What `leakstop rules list --format json` shows a user, run as a user runs it."""
    proc = subprocess.run([sys.executable, '-m', 'leakstop.cli', 'rules', 'list', '--format', 'json'],
                          capture_output=True, text=True, cwd=ROOT, check=True)
    rules: list[dict] = json.loads(proc.stdout)['rules']  # type: ignore[type-arg]
    return rules


def test_rule_and_provider_counts_are_the_rules_list(rules_json: list[dict]) -> None:  # type: ignore[type-arg]
    m = RULE_COUNTS.search(README)
    assert m, 'README.md: the sentence "N rules for N providers, and N rules for formats without a provider" is gone'
    with_provider = [r for r in rules_json if r['provider']]
    actual = (len(with_provider), len({r['provider'] for r in with_provider}), len(rules_json) - len(with_provider))
    assert tuple(int(g) for g in m.groups()) == actual, f'README.md says {m.group(0)!r}; the rules say {actual}'


def test_context_rule_count_is_the_rules_list(rules_json: list[dict]) -> None:  # type: ignore[type-arg]
    m = CONTEXT_COUNT.search(README)
    assert m, 'README.md: "the N provider rules tagged `context`" is gone'
    actual = sum(1 for r in rules_json if r['provider'] and 'context' in r['tags'])
    assert int(m.group(1)) == actual


def paragraphs() -> list[tuple[int, str]]:
    """(first line number, text) of each blank-line separated paragraph, the generated providers table left out."""
    text = re.sub(r'<!-- providers:start -->.*?<!-- providers:end -->', lambda m: '\n' * m.group(0).count('\n'),
                  README, flags=re.S)
    out, line = [], 1
    for block in re.split(r'(\n\s*\n)', text):
        if block.strip():
            out.append((line, block))
        line += block.count('\n')
    return out


def test_every_count_is_checked_or_dated() -> None:
    unchecked = []
    for line, paragraph in paragraphs():
        spans = [m.span() for rx in CHECKED for m in rx.finditer(paragraph)]
        for m in COUNT.finditer(paragraph):
            if any(a <= m.start() < b for a, b in spans) or DATED.search(paragraph):
                continue
            unchecked.append(f'README.md:{line + paragraph.count(chr(10), 0, m.start())}: {m.group(0)!r}')
    assert not unchecked, ('counts neither checked by tests/test_readme.py nor dated by a commit id or bench '
                           'command in their paragraph: ' + '; '.join(unchecked))


def test_the_guard_sees_an_unchecked_count() -> None:
    """``COUNT`` and ``DATED`` are what the guard above stands on: a bare figure is caught, a dated one is not."""
    assert COUNT.search('leakstop ships 900 rules and 4 hooks') is not None
    assert [m.group(2) for m in COUNT.finditer('12 provider rules, 3 hooks, 510 vendor words')] == ['rules', 'hooks', 'vendor words']
    assert not DATED.search('leakstop ships 900 rules')
    assert COUNT.search('rev: v0.1.0\n    hooks:\n') is None  # a version in a YAML snippet is no count
    assert DATED.search('at dce46e3 (864 rules)') and DATED.search('gitleaks 8.30 converts 217 of its 222 rules')


def manifest_ids() -> list[str]:
    with open(os.path.join(ROOT, '.pre-commit-hooks.yaml')) as f:
        return re.findall(r'^-\s+id:\s*(\S+)', f.read(), flags=re.M)


def test_hook_table_is_the_manifest() -> None:
    section = README.split('## Hooks', 1)[1].split('\n### ', 1)[0]
    assert re.findall(r'^\| `([a-z-]+)` \|', section, flags=re.M) == manifest_ids()
    m = re.search(r'\b(\w+) hooks keep whole files out of git', README)
    assert m and WORDS[m.group(1).lower()] == len(manifest_ids()) - 1  # every hook but scan-secrets


# -- settings ------------------------------------------------------------------------------------------

def test_every_settings_key_is_documented() -> None:
    table = README.split('<!-- settings:start -->', 1)[1].split('<!-- settings:end -->', 1)[0]
    documented = re.findall(r'^\| `([a-z._A-Z-]+)` \|', table, flags=re.M)
    top = [k.split('.')[0] for k in documented]
    assert sorted(set(top)) == sorted(KEYS)
    assert {k for k in documented if k.startswith('allowlist.')} == {
        'allowlist.paths', 'allowlist.values', 'allowlist.stopwords', 'allowlist.rules.RULE-ID'}


def test_the_baseline_key_does_what_the_readme_says(tmp_path: object, monkeypatch: pytest.MonkeyPatch) -> None:
    """`baseline = "security/leakstop-baseline.json"`, as in the README's example: `baseline create`
    writes there, and a scan lets the recorded finding pass."""
    from leakstop import cli
    example = re.search(r'```toml\n# \.leakstop\.toml\n(.*?)```', README, flags=re.S)
    assert example
    repo = init_repo(os.path.join(str(tmp_path), 'repo'))
    monkeypatch.chdir(repo)
    with open('.leakstop.toml', 'w') as f:
        f.write(example.group(1))
    os.makedirs('security')
    with open('app.py', 'w') as f:
        f.write(f'token = "{fakes.github("ghp", seed="readme")}"\n')
    git('add', '.', cwd=repo)
    assert cli.main(['scan']) == 1
    assert cli.main(['baseline', 'create']) == 0
    assert os.path.isfile('security/leakstop-baseline.json') and not os.path.exists('.leakstop-baseline.json')
    assert cli.main(['scan']) == 0


# -- install -------------------------------------------------------------------------------------------

def test_every_pinned_version_exists() -> None:
    """A `rev:` is the placeholder `pre-commit autoupdate` replaces, or a tag of this repository;
    so is a version after `leakstop@` in a pip command."""
    tags = set(git('tag', '--list', cwd=ROOT).stdout.split())
    revs = re.findall(r'^\s*rev:\s*(\S+)(.*)$', README, flags=re.M)
    assert revs, 'README.md: no rev: in any pre-commit snippet'
    for rev, comment in revs:
        assert rev in tags or (rev == PLACEHOLDER_REV and 'pre-commit autoupdate' in comment), (
            f'README.md: rev: {rev} is no tag of this repository (tags: {sorted(tags) or "none"})')
    for ref in re.findall(r'leakstop/leakstop@([^"\s#`]+)', README):
        assert ref in tags, f'README.md: leakstop@{ref} is no tag of this repository'
    assert f'pre-commit autoupdate --repo {URL}' in README


@pytest.fixture(scope='module')
def hooks_copy(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, str, str]:
    from e2e import snapshot_of_this_repo
    base = tmp_path_factory.mktemp('readme-install')
    path, rev = snapshot_of_this_repo(str(base / 'leakstop'))
    return path, rev, str(base / 'pre-commit-home')


def test_the_install_steps_work(tmp_path: object, hooks_copy: tuple[str, str, str]) -> None:
    """The "Use it" section, step by step, with the real pre-commit: its YAML, its `pre-commit
    autoupdate` and `pre-commit install` (this repository's URL replaced by a copy of it), then a
    commit with a fake key is refused with the README's finding line."""
    hooks_repo, head, home = hooks_copy
    section = README.split('## Use it', 1)[1].split('\n## ', 1)[0]
    yaml = re.search(r'```yaml\n(.*?)```', section, flags=re.S)
    steps = re.search(r'```sh\n(.*?)```', section, flags=re.S)
    assert yaml and steps
    project = init_repo(os.path.join(str(tmp_path), 'project'))
    with open(os.path.join(project, '.pre-commit-config.yaml'), 'w') as f:
        f.write(yaml.group(1).replace(URL, hooks_repo))
    env = hook_env(home)
    commands = [line.split('#')[0].split() for line in steps.group(1).splitlines() if line.strip()]
    assert [c[:2] for c in commands] == [['pre-commit', 'autoupdate'], ['pre-commit', 'install']]
    for command in commands:
        argv = [*PRE_COMMIT, *(hooks_repo if a == URL else a for a in command[1:])]
        proc = subprocess.run(argv, cwd=project, env=env, capture_output=True, text=True)
        assert proc.returncode == 0, proc.stdout + proc.stderr
    with open(os.path.join(project, '.pre-commit-config.yaml')) as f:
        config = f.read()
    assert f'rev: {head}' in config  # no tag in the copy: the newest commit, as the README says
    key = fakes.aws_key_id(seed='readme')
    with open(os.path.join(project, 'settings.py'), 'w') as f:
        f.write(f'DEBUG = False\nAWS_ACCESS_KEY_ID = "{key}"\n')
    git('add', '.', cwd=project)
    proc = git('commit', '-m', 'settings', cwd=project, check=False, env=env)
    output = proc.stdout + proc.stderr
    assert proc.returncode != 0, output
    shown = re.search(r'```\n(settings\.py:\d+:\d+: aws-access-key-id: [^\n]*)\n', section)
    assert shown, 'README.md: the refused commit\'s finding line is gone from "Use it"'
    assert shown.group(1) in output.splitlines()  # the README's example file holds the key at line 2, column 22
    assert key not in output

"""See leakstop stop a commit: a throwaway git repository, the real pre-commit, a fake AWS key.

    python examples/demo.py

Runs from a checkout where leakstop is installed (``pip install -e .``); touches nothing but a
temporary directory. The key is generated here, valid in format, and not real.
"""
from __future__ import annotations

import os
import random
import subprocess
import sys
import tempfile

BIN = os.path.dirname(sys.executable)


def run(*cmd: str, cwd: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(cmd, cwd=cwd, env=env, text=True, capture_output=True)


def main() -> int:
    rng = random.Random(2026)
    fake_key = 'AKIA' + ''.join(rng.choice('ABCDEFGHIJKLMNOPQRSTUVWXYZ234567') for _ in range(16))
    with tempfile.TemporaryDirectory(prefix='leakstop-demo-') as tmp:
        env = dict(os.environ, PRE_COMMIT_HOME=os.path.join(tmp, 'home'), PATH=BIN + os.pathsep + os.environ['PATH'])
        repo = os.path.join(tmp, 'project')
        os.mkdir(repo)
        with open(os.path.join(repo, '.pre-commit-config.yaml'), 'w') as f:
            f.write(
                'repos:\n-   repo: local\n    hooks:\n'
                '    -   id: scan-secrets\n        name: scan for secrets\n'
                f'        entry: {os.path.join(BIN, "scan-secrets")}\n        language: system\n',
            )
        with open(os.path.join(repo, 'settings.py'), 'w') as f:
            f.write(f'REGION = "eu-west-1"\nAWS_ACCESS_KEY_ID = "{fake_key}"\n')
        for cmd in (
            ('git', 'init', '-q'), ('git', 'config', 'user.email', 'demo@example.invalid'),
            ('git', 'config', 'user.name', 'Demo'), ('git', 'config', 'commit.gpgsign', 'false'),
            (sys.executable, '-m', 'pre_commit', 'install'), ('git', 'add', '.'),
        ):
            run(*cmd, cwd=repo, env=env).check_returncode()
        print('$ git commit -m "add settings"   # settings.py holds a (fake) AWS key')
        result = run('git', 'commit', '-m', 'add settings', cwd=repo, env=env)
        print(result.stdout + result.stderr)
        refused = result.returncode != 0
        print('leakstop refused the commit.' if refused else 'the commit went through: something is wrong.')
        return 0 if refused else 1


if __name__ == '__main__':
    raise SystemExit(main())

"""config: errors say where the problem is, never quote a value or a key that could be a secret."""
from __future__ import annotations

import os

import pytest

import fakes
from leakstop.config import load_config
from leakstop.errors import FatalError
from leakstop.hooks import scan_secrets

TOKEN = fakes.github(seed='config')
AWS = fakes.aws_key_id(seed='config')


@pytest.fixture(autouse=True)
def in_tmp(tmp_path: object, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(str(tmp_path))


def error_of(text: str, name: str = '.leakstop.toml') -> str:
    with open(name, 'w') as f:
        f.write(text)
    with pytest.raises(FatalError) as e:
        load_config(name if name != '.leakstop.toml' else None)
    return str(e.value)


@pytest.mark.parametrize(('text', 'expected'), [
    (f'{TOKEN} = 1\n', '.leakstop.toml: unknown key '),
    (f'[allowlist]\n{TOKEN} = []\n', '.leakstop.toml.allowlist: unknown key '),
    (f'[allowlist.rules.{TOKEN}]\nnot_a_key = 1\n', '.leakstop.toml.allowlist.rules.ghp_…: unknown key '),
    (f'[allowlist]\nvalues = ["^x$", "({AWS}"]\n', '.leakstop.toml.allowlist.values[1]: invalid regular expression: '),
    (f'[allowlist.rules.aws-access-key-id]\nvalues = ["[{AWS}"]\n',
     '.leakstop.toml.allowlist.rules.aws-access-key-id.values[0]: invalid regular expression: '),
])
def test_config_errors_quote_no_secret(text: str, expected: str) -> None:
    message = error_of(text)
    assert message.startswith(expected), message
    assert TOKEN not in message and AWS not in message


def test_a_dotenv_passed_as_config_by_mistake_is_not_echoed(capsys: pytest.CaptureFixture[str]) -> None:
    with open('.env', 'w') as f:
        f.write(f'{TOKEN} = "x"\n')
    with open('app.py', 'w') as f:
        f.write('x = 1\n')
    assert scan_secrets.main(['--config', '.env', 'app.py']) == 2
    err = capsys.readouterr().err
    assert err.startswith('scan-secrets: error: .env: unknown key ') and TOKEN not in err
    assert not os.path.exists('.leakstop-baseline.json')


def test_names_that_read_as_names_are_still_shown() -> None:
    assert "unknown key 'colour'" in error_of('colour = "red"\n')

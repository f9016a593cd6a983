"""What every private key (or JWT) of a kind holds cannot be a stopword or an allowlist value (sixth hostile review,
break 15).

`stopwords = ["MIIE"]` was accepted and every RSA-2048 private key (PKCS#8 and PKCS#1) then passed both hooks;
`["MHcCAQEE"]` did the same to every EC P-256 key in SEC1 form, and `values` took them too. The words refused here
are not listed: they are read off real keys that openssl and ssh-keygen make in the test (throwaway keys, made in a
temporary directory), as whatever every key of one kind has at the same place.
"""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess

import pytest

from leakstop.config import load_config
from leakstop.errors import FatalError
from leakstop.hooks import block_credential_files, scan_secrets

KINDS = 3  # real keys per kind: a run of characters all of them have at one place is the kind's structure


def tool(name: str) -> str:
    """A real key tool; missing, the test fails (a skipped check would hide a gap)."""
    path = shutil.which(name)
    assert path is not None, f'{name} is needed by this test: install it (openssl, openssh-client)'
    return path


MAKERS = {
    'rsa-2048-pkcs1': lambda out: ('openssl', 'genrsa', '-traditional', '-out', out, '2048'),
    'rsa-2048-pkcs8': lambda out: ('openssl', 'genpkey', '-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:2048', '-out', out),
    'rsa-4096-pkcs8': lambda out: ('openssl', 'genpkey', '-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:4096', '-out', out),
    'ec-p256-sec1': lambda out: ('openssl', 'ecparam', '-name', 'prime256v1', '-genkey', '-noout', '-out', out),
    'ec-p384-sec1': lambda out: ('openssl', 'ecparam', '-name', 'secp384r1', '-genkey', '-noout', '-out', out),
    'ec-p256-pkcs8': lambda out: ('openssl', 'genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256', '-out', out),
    'ed25519-pkcs8': lambda out: ('openssl', 'genpkey', '-algorithm', 'ed25519', '-out', out),
    # a comment of its own length per key (ssh-keygen's default is user@host; the file name ends in the key's number):
    # one comment for all would be text the keys share that is no part of their kind
    'openssh-ed25519': lambda out: ('ssh-keygen', '-q', '-t', 'ed25519', '-N', '', '-C', out[-1] * int(out[-1]) + '@h', '-f', out),
    'openssh-ecdsa': lambda out: ('ssh-keygen', '-q', '-t', 'ecdsa', '-b', '256', '-N', '', '-C', 'ci' + out[-1] * 5, '-f', out),
}


@pytest.fixture(scope='module')
def real_keys(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[str]]:
    """Kind -> the PEM text of ``KINDS`` fresh keys of it."""
    work = tmp_path_factory.mktemp('keys')
    keys: dict[str, list[str]] = {}
    for kind, make in MAKERS.items():
        for i in range(KINDS):
            out = str(work / f'{kind}-{i}')
            argv = make(out)
            subprocess.run((tool(argv[0]), *argv[1:]), check=True, capture_output=True)
            with open(out) as f:
                keys.setdefault(kind, []).append(f.read())
    return keys


def body(pem: str) -> str:
    """The base64 of a PEM key, its line breaks removed."""
    m = re.search(r'-----BEGIN [A-Z ]+-----\n(.*?)\n-----END', pem, re.S)
    assert m is not None
    return m.group(1).replace('\n', '')


def shared_runs(texts: list[str], width: int = 8) -> list[str]:
    """``width`` characters of each run in which all ``texts`` agree, position by position: their structure (random
    numbers of 3 keys do not agree on ``width`` characters). A run's first and last characters are left out: a base64
    character at the edge of a field mixes its bits with random ones, which 3 keys share by chance (the character
    before ``IDAQAB`` holds a modulus' last two bits: ``Q`` or ``w``)."""
    runs, start = [], None
    for i in range(min(map(len, texts)) + 1):
        same = i < min(map(len, texts)) and len({t[i] for t in texts}) == 1
        if same and start is None:
            start = i
        elif not same and start is not None:
            if i - start >= width + 2:
                runs.append(texts[0][start + 1:start + 1 + width])
            start = None
    return runs


def error_of(text: str) -> str:
    """The error the settings ``text`` give ('' when they are accepted)."""
    with open('.leakstop.toml', 'w') as f:
        f.write(text)
    try:
        load_config()
    except FatalError as e:
        return str(e)
    return ''


@pytest.fixture(autouse=True)
def in_tmp(tmp_path: object, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(str(tmp_path))


@pytest.mark.parametrize('kind', list(MAKERS))
def test_what_every_real_key_of_a_kind_holds_is_refused(kind: str, real_keys: dict[str, list[str]]) -> None:
    bodies = [body(k) for k in real_keys[kind]]
    shared = os.path.commonprefix(bodies)
    assert len(shared) >= 4, shared  # every kind here starts with its header: 3 bytes, 4 characters of structure
    prefix = shared[:-1] if len(shared) > 4 else shared  # a last character may mix random bits (see shared_runs)
    words = {prefix[:4], prefix[:8], *shared_runs(bodies)}
    for word in sorted(words):
        message = error_of(f'[allowlist]\nstopwords = ["dummy", "{word}"]\n')
        assert message.startswith('.leakstop.toml.allowlist.stopwords[1]: '), (kind, word, message)
        assert ' is part of what every secret of a kind holds (' in message, (kind, word, message)
    for value in (f'^{re.escape(prefix[:4])}', re.escape(prefix[:6]), re.escape(prefix)):
        message = error_of(f"[allowlist.rules.private-key-pem]\nvalues = ['^EXAMPLE$', '{value}']\n")
        assert message.startswith('.leakstop.toml.allowlist.rules.private-key-pem.values[1]: matches what every secret '
                                  'of a kind holds ('), (kind, value, message)


@pytest.mark.parametrize(('kind', 'word'), [('rsa-2048-pkcs8', 'MIIE'), ('rsa-2048-pkcs1', 'MIIE'), ('ec-p256-sec1', 'MHcCAQEE')])
def test_the_hooks_refuse_such_a_stopword_instead_of_passing_the_keys(
        kind: str, word: str, real_keys: dict[str, list[str]], capsys: pytest.CaptureFixture[str]) -> None:
    with open('.leakstop.toml', 'w') as f:
        f.write(f'[allowlist]\nstopwords = ["{word}"]\n')
    with open('key.pem', 'w') as f:
        f.write(real_keys[kind][0])
    assert scan_secrets.main(['key.pem']) == 2  # accepted, both hooks passed the key (exit 0, silent)
    assert block_credential_files.main(['key.pem']) == 2
    err = capsys.readouterr().err
    assert err.count(f".leakstop.toml.allowlist.stopwords[0]: {word!r} is part of what every secret of a kind holds (every ") == 2


def test_ordinary_short_stopwords_are_still_accepted() -> None:
    words = ['foo', 'bar', 'abc', 'xyz', 'tmp', 'qwe', 'zzz', 'dummy', 'example', 'changeme', 'sample', 'redacted', 'xxxx']
    with open('.leakstop.toml', 'w') as f:
        f.write(f'[allowlist]\nstopwords = {words!r}\nvalues = ["^hunter2$", "^ci-only-", "EXAMPLE$"]\n'.replace("'", '"'))
    config = load_config()
    assert len(config.allowlist.stopwords) == len(words) and len(config.allowlist.values) == 3


def jwt(header: str, seed: int) -> str:
    """An HS256 JWT signed as jsonwebtoken signs one (the key made up here)."""
    import base64
    import hashlib
    import hmac

    def b64(data: bytes) -> str:
        return base64.urlsafe_b64encode(data).rstrip(b'=').decode()
    claims = json.dumps({'sub': str(seed), 'iat': 1700000000 + seed}, separators=(',', ':'))
    signed = f'{b64(header.encode())}.{b64(claims.encode())}'
    return f'{signed}.{b64(hmac.new(b"made-up-%d" % seed, signed.encode(), hashlib.sha256).digest())}'


@pytest.mark.parametrize('header', ['{"alg":"HS256","typ":"JWT"}', '{"typ":"JWT","alg":"HS256"}', '{"alg":"HS256"}'])
def test_a_jwt_header_is_refused_as_a_stopword(header: str, capsys: pytest.CaptureFixture[str]) -> None:
    tokens = [jwt(header, seed) for seed in range(3)]
    word = os.path.commonprefix(tokens).split('.')[0]  # the header every such token starts with
    with open('.leakstop.toml', 'w') as f:
        f.write(f'[allowlist]\nstopwords = ["{word}"]\n')
    with open('app.py', 'w') as f:
        f.write(f'SESSION = "{tokens[0]}"\n')
    assert scan_secrets.main(['app.py']) == 2  # accepted, every HS256 JWT with this header passed
    err = capsys.readouterr().err  # the first header was refused before: every example of one rule holds it
    assert err.startswith("scan-secrets: error: .leakstop.toml.allowlist.stopwords[0]: 'eyJ"), err
    assert "…' is part of what every secret of a kind holds (every " in err and word not in err

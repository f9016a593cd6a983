"""Negative files: content that looks like trouble to a secret scanner but holds no secret.

Random-looking values here are hashes, digests, identifiers, encodings of public data, or vendors'
documented example credentials. All are derived deterministically (hashlib over fixed strings; the
passwords built from words of word-passwords/ from a seeded random.Random, as the positives' values).
"""
from __future__ import annotations

import base64
import hashlib
import json

import gen_secrets as g
from generate import Corpus, dedent, rng_for

# ---------------------------------------------------------------- deterministic random-looking data


def blob(seed: str, n: int) -> bytes:
    out = b''
    i = 0
    while len(out) < n:
        out += hashlib.sha256(f'{seed}:{i}'.encode()).digest()
        i += 1
    return out[:n]


def hx(seed: str, n: int = 64) -> str:
    return blob(seed, (n + 1) // 2).hex()[:n]


def b64s(seed: str, nbytes: int) -> str:
    return base64.b64encode(blob(seed, nbytes)).decode()


def integrity(name: str, algo: str = 'sha512') -> str:
    return f'{algo}-' + base64.b64encode(hashlib.new(algo, name.encode()).digest()).decode()


def uuid(seed: str) -> str:
    h = hx('uuid' + seed, 32)
    h = h[:12] + '4' + h[13:16] + '8' + h[17:]
    return f'{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}'


def wrap(s: str, w: int = 64) -> str:
    return '\n'.join(s[i:i + w] for i in range(0, len(s), w))


NPM = [('react', '18.3.1'), ('react-dom', '18.3.1'), ('lodash', '4.17.21'), ('axios', '1.7.2'), ('express', '4.19.2'),
       ('chalk', '5.3.0'), ('debug', '4.3.5'), ('ms', '2.1.3'), ('semver', '7.6.2'), ('uuid', '9.0.1'), ('zod', '3.23.8'),
       ('typescript', '5.4.5'), ('esbuild', '0.21.4'), ('vite', '5.2.12'), ('postcss', '8.4.38'), ('tslib', '2.6.3'),
       ('commander', '12.1.0'), ('dotenv', '16.4.5'), ('jsonwebtoken', '9.0.2'), ('bcryptjs', '2.4.3'), ('nanoid', '5.0.7'),
       ('date-fns', '3.6.0'), ('classnames', '2.5.1'), ('yargs', '17.7.2'), ('glob', '10.4.1'), ('minimatch', '9.0.4'),
       ('rimraf', '5.0.7'), ('prettier', '3.3.1'), ('eslint', '9.4.0'), ('jest', '29.7.0'), ('webpack', '5.91.0'),
       ('@babel/core', '7.24.7'), ('@types/node', '20.14.2'), ('next', '14.2.3'), ('tailwindcss', '3.4.4'),
       ('ws', '8.17.0'), ('cookie', '0.6.0'), ('qs', '6.12.1'), ('mime-types', '2.1.35'), ('body-parser', '1.20.2')]
PY = [('requests', '2.32.3'), ('urllib3', '2.2.1'), ('certifi', '2024.6.2'), ('idna', '3.7'), ('charset-normalizer', '3.3.2'),
      ('django', '5.0.6'), ('celery', '5.4.0'), ('redis', '5.0.4'), ('sqlalchemy', '2.0.30'), ('pydantic', '2.7.3'),
      ('fastapi', '0.111.0'), ('uvicorn', '0.30.1'), ('click', '8.1.7'), ('jinja2', '3.1.4'), ('markupsafe', '2.1.5'),
      ('pyyaml', '6.0.1'), ('boto3', '1.34.122'), ('botocore', '1.34.122'), ('numpy', '1.26.4'), ('pandas', '2.2.2'),
      ('pytest', '8.2.2'), ('cryptography', '42.0.8'), ('cffi', '1.16.0'), ('attrs', '23.2.0'), ('packaging', '24.1')]
CRATES = [('serde', '1.0.203'), ('serde_json', '1.0.117'), ('tokio', '1.38.0'), ('anyhow', '1.0.86'), ('clap', '4.5.7'),
          ('regex', '1.10.5'), ('rand', '0.8.5'), ('log', '0.4.21'), ('thiserror', '1.0.61'), ('bytes', '1.6.0'),
          ('hyper', '1.3.1'), ('tracing', '0.1.40'), ('itoa', '1.0.11'), ('memchr', '2.7.4'), ('libc', '0.2.155')]
GO = [('github.com/google/uuid', 'v1.6.0'), ('github.com/spf13/cobra', 'v1.8.0'), ('github.com/stretchr/testify', 'v1.9.0'),
      ('golang.org/x/sys', 'v0.21.0'), ('golang.org/x/net', 'v0.26.0'), ('github.com/gin-gonic/gin', 'v1.10.0'),
      ('go.uber.org/zap', 'v1.27.0'), ('github.com/prometheus/client_golang', 'v1.19.1'), ('gopkg.in/yaml.v3', 'v3.0.1'),
      ('github.com/davecgh/go-spew', 'v1.1.1'), ('github.com/pmezard/go-difflib', 'v1.0.0'), ('golang.org/x/text', 'v0.16.0')]
GEMS = [('rails', '7.1.3.4'), ('rack', '3.0.11'), ('nokogiri', '1.16.5'), ('puma', '6.4.2'), ('sidekiq', '7.2.4'),
        ('pg', '1.5.6'), ('bootsnap', '1.18.3'), ('rspec-core', '3.13.0'), ('devise', '4.9.4'), ('faraday', '2.9.1')]
COMPOSER = [('laravel/framework', 'v11.10.0'), ('guzzlehttp/guzzle', '7.8.1'), ('monolog/monolog', '3.6.0'),
            ('symfony/console', 'v7.1.1'), ('nesbot/carbon', '3.5.0'), ('phpunit/phpunit', '11.2.1'), ('vlucas/phpdotenv', 'v5.6.0')]


def pick(seq, i, n):
    return [seq[(i * 5 + k) % len(seq)] for k in range(n)]


# ---------------------------------------------------------------- lockfiles
def lockfiles(c: Corpus) -> None:
    cat = 'lockfiles'
    for i in range(6):
        pk = pick(NPM, i, 12)
        deps = {n: f'^{v}' for n, v in pk[:5]}
        packages = {'': {'name': f'app-{i}', 'version': '1.0.0', 'dependencies': deps}}
        for n, v in pk:
            packages[f'node_modules/{n}'] = {'version': v, 'resolved': f'https://registry.npmjs.org/{n}/-/{n.split("/")[-1]}-{v}.tgz',
                                             'integrity': integrity(f'{n}@{v}'), 'license': 'MIT'}
        c.neg(cat, f'package-lock-{i}.json', json.dumps({'name': f'app-{i}', 'version': '1.0.0', 'lockfileVersion': 3,
                                                         'requires': True, 'packages': packages}, indent=2))
    for i in range(4):
        out = ['# THIS IS AN AUTOGENERATED FILE. DO NOT EDIT THIS FILE DIRECTLY.', '# yarn lockfile v1', '']
        for n, v in pick(NPM, i + 7, 14):
            out += [f'"{n}@^{v}":', f'  version "{v}"', f'  resolved "https://registry.yarnpkg.com/{n}/-/{n.split("/")[-1]}-{v}.tgz#{hx(n + v, 40)}"',
                    f'  integrity {integrity(n + v)}', '']
        c.neg(cat, f'yarn-{i}.lock', '\n'.join(out))
    for i in range(3):
        out = ["lockfileVersion: '9.0'", '', 'packages:', '']
        for n, v in pick(NPM, i + 3, 12):
            key = f"'{n}@{v}'" if n.startswith('@') else f'{n}@{v}'
            out += [f'  {key}:', f'    resolution: {{integrity: {integrity("pnpm" + n + v)}}}', "    engines: {node: '>=14'}", '']
        c.neg(cat, f'pnpm-lock-{i}.yaml', '\n'.join(out))
    for i in range(4):
        out = []
        for n, v in pick(PY, i, 8):
            out += ['[[package]]', f'name = "{n}"', f'version = "{v}"', 'description = ""', 'optional = false', 'python-versions = ">=3.8"',
                    'files = [', f'    {{file = "{n.replace("-", "_")}-{v}-py3-none-any.whl", hash = "sha256:{hx("whl" + n + v)}"}},',
                    f'    {{file = "{n.replace("-", "_")}-{v}.tar.gz", hash = "sha256:{hx("sdist" + n + v)}"}},', ']', '']
        out += ['[metadata]', 'lock-version = "2.0"', 'python-versions = "^3.11"', f'content-hash = "{hx("content" + str(i))}"']
        c.neg(cat, f'poetry-{i}.lock', '\n'.join(out))
    for i in range(4):
        out = ['# This file is automatically @generated by Cargo.', '# It is not intended for manual editing.', 'version = 3', '']
        for n, v in pick(CRATES, i, 9):
            out += ['[[package]]', f'name = "{n}"', f'version = "{v}"', 'source = "registry+https://github.com/rust-lang/crates.io-index"',
                    f'checksum = "{hx("crate" + n + v)}"', '']
        c.neg(cat, f'Cargo-{i}.lock', '\n'.join(out))
    for i in range(5):
        out = []
        for n, v in pick(GO, i, 8):
            out += [f'{n} {v} h1:{base64.b64encode(hashlib.sha256((n + v).encode()).digest()).decode()}',
                    f'{n} {v}/go.mod h1:{base64.b64encode(hashlib.sha256((n + v + "mod").encode()).digest()).decode()}']
        c.neg(cat, f'go-{i}.sum', '\n'.join(out))
    for i in range(3):
        out = ['GEM', '  remote: https://rubygems.org/', '  specs:']
        out += [f'    {n} ({v})' for n, v in pick(GEMS, i, 8)]
        out += ['', 'PLATFORMS', '  x86_64-linux', '', 'CHECKSUMS']
        out += [f'  {n} ({v}) sha256={hx("gem" + n + v)}' for n, v in pick(GEMS, i, 8)]
        out += ['', 'BUNDLED WITH', '   2.5.11']
        c.neg(cat, f'Gemfile-{i}.lock', '\n'.join(out))
    for i in range(3):
        pk = [{'name': n, 'version': v, 'source': {'type': 'git', 'url': f'https://github.com/{n}.git', 'reference': hx('ref' + n, 40)},
               'dist': {'type': 'zip', 'url': f'https://api.github.com/repos/{n}/zipball/{hx("ref" + n, 40)}',
                        'reference': hx('ref' + n, 40), 'shasum': ''}} for n, v in pick(COMPOSER, i, 5)]
        c.neg(cat, f'composer-{i}.lock', json.dumps({'_readme': ['This file locks the dependencies of your project to a known state'],
                                                     'content-hash': hx('composer' + str(i), 32), 'packages': pk}, indent=4))
    for i in range(2):
        default = {n: {'hashes': [f'sha256:{hx("pf" + n)}', f'sha256:{hx("pf2" + n)}'], 'version': f'=={v}'} for n, v in pick(PY, i + 2, 6)}
        c.neg(cat, f'Pipfile-{i}.lock', json.dumps({'_meta': {'hash': {'sha256': hx('pipfile' + str(i))}, 'pipfile-spec': 6},
                                                    'default': default, 'develop': {}}, indent=4))
    for i in range(3):
        out = ['# This file is autogenerated by pip-compile with Python 3.11', '#    pip-compile --generate-hashes requirements.in', '#']
        for n, v in pick(PY, i * 2, 7):
            out += [f'{n}=={v} \\', f'    --hash=sha256:{hx("rq" + n)} \\', f'    --hash=sha256:{hx("rq2" + n)}']
        c.neg(cat, f'requirements-{i}.txt', '\n'.join(out))
    for i in range(2):
        out = ['version = 1', 'requires-python = ">=3.11"', '']
        for n, v in pick(PY, i + 9, 6):
            out += ['[[package]]', f'name = "{n}"', f'version = "{v}"', 'source = { registry = "https://pypi.org/simple" }',
                    f'sdist = {{ url = "https://files.pythonhosted.org/packages/{hx("p1" + n, 2)}/{hx("p2" + n, 2)}/{hx("p3" + n, 60)}/{n}-{v}.tar.gz", hash = "sha256:{hx("uv" + n)}", size = {len(n) * 9137} }}', '']
        c.neg(cat, f'uv-{i}.lock', '\n'.join(out))


# ---------------------------------------------------------------- SRI in HTML
CDN = [('https://cdn.jsdelivr.net/npm/bootstrap@5.3.3/dist/css/bootstrap.min.css', 'link'),
       ('https://cdn.jsdelivr.net/npm/bootstrap@5.3.3/dist/js/bootstrap.bundle.min.js', 'script'),
       ('https://code.jquery.com/jquery-3.7.1.min.js', 'script'), ('https://unpkg.com/htmx.org@1.9.12', 'script'),
       ('https://cdnjs.cloudflare.com/ajax/libs/font-awesome/6.5.2/css/all.min.css', 'link'),
       ('https://cdn.jsdelivr.net/npm/alpinejs@3.14.0/dist/cdn.min.js', 'script'),
       ('https://cdnjs.cloudflare.com/ajax/libs/highlight.js/11.9.0/highlight.min.js', 'script'),
       ('https://unpkg.com/leaflet@1.9.4/dist/leaflet.css', 'link')]


def sri(c: Corpus) -> None:
    cat = 'sri-html'
    for i in range(15):
        tags = []
        for k in range(3):
            url, kind = CDN[(i + k * 3) % len(CDN)]
            algo = ['sha384', 'sha512', 'sha256'][(i + k) % 3]
            if kind == 'link':
                tags.append(f'    <link rel="stylesheet" href="{url}" integrity="{integrity(url, algo)}" crossorigin="anonymous">')
            else:
                tags.append(f'    <script src="{url}" integrity="{integrity(url, algo)}" crossorigin="anonymous"></script>')
        page = ['<!DOCTYPE html>', '<html lang="en">', '  <head>', '    <meta charset="utf-8">', f'    <title>Page {i}</title>'] + tags + [
            '  </head>', '  <body>', f'    <main id="app-{hx("main" + str(i), 8)}"><h1>Welcome</h1></main>', '  </body>', '</html>']
        c.neg(cat, f'page-{i}.html', '\n'.join(page))


# ---------------------------------------------------------------- git history
AUTHORS = [('Ana Lima', 'ana@orbitpay.io'), ('Ben Okafor', 'ben@orbitpay.io'), ('Chen Wei', 'chen@orbitpay.io'),
           ('Dana Kowalski', 'dana@orbitpay.io')]
MSGS = ['Fix rounding in invoice totals', 'Bump axios from 1.6.8 to 1.7.2', 'Add retry to webhook delivery',
        'Refactor token refresh flow', 'Rotate signing keys via KMS (no keys in repo)', 'Remove leaked .env from history',
        'Update password reset email copy', 'Add secret scanning to CI', 'Migrate to SHA-256 checksums', 'Revert "Add debug logging"']


def git_history(c: Corpus) -> None:
    cat = 'git-history'
    for i in range(8):
        out = []
        for k in range(6):
            a = AUTHORS[(i + k) % 4]
            sha = hx(f'commit{i}{k}', 40)
            out += [f'commit {sha}', f'Merge: {hx(f"p1{i}{k}", 7)} {hx(f"p2{i}{k}", 7)}' if k == 2 else None,
                    f'Author: {a[0]} <{a[1]}>', f'Date:   Mon May {k + 3} 1{k}:2{i}:07 2024 +0200', '',
                    f'    {MSGS[(i + k) % len(MSGS)]}', '', f'    Change-Id: I{hx(f"change{i}{k}", 40)}',
                    f'    Signed-off-by: {a[0]} <{a[1]}>', '']
        c.neg(cat, f'git-log-{i}.txt', '\n'.join(x for x in out if x is not None))
    for i in range(3):
        out = ['# Formatting commits (black, prettier) to skip in git blame']
        for k in range(5):
            out += [f'# {MSGS[(i + k) % len(MSGS)]}', hx(f'blame{i}{k}', 40)]
        c.neg(cat, f'git-blame-ignore-revs-{i}', '\n'.join(out))
    out = ['# pack-refs with: peeled fully-peeled sorted']
    for b in ['main', 'develop', 'release/2.8', 'feature/token-rotation', 'fix/password-reset']:
        out.append(f'{hx("ref" + b, 40)} refs/heads/{b}')
    for t in ['v2.7.0', 'v2.8.0', 'v2.8.1']:
        out += [f'{hx("tag" + t, 40)} refs/tags/{t}', f'^{hx("peel" + t, 40)}']
    c.neg(cat, 'packed-refs', '\n'.join(out))
    c.neg(cat, 'git-rebase-todo', '\n'.join(f'{"pick" if k else "reword"} {hx(f"rb{k}", 7)} {MSGS[k]}' for k in range(7)) +
          '\n\n# Rebase 3f9a2c1..b7e4d20 onto 3f9a2c1 (7 commands)\n#\n# Commands:\n# p, pick <commit> = use commit')
    c.neg(cat, 'submodule-status.txt', '\n'.join(f' {hx("sm" + n, 40)} vendor/{n} (v{k}.{k + 2}.0)' for k, n in
                                                 enumerate(['protos', 'design-tokens', 'openapi', 'fixtures'])))
    for i in range(3):
        out = ['# Changelog', '']
        for k in range(4):
            v = f'2.{8 - k - i}.{k}'
            out += [f'## [{v}](https://github.com/orbitpay/ledger-api/compare/v{v}...v2.{9 - k - i}.0) (2024-0{k + 2}-1{k})', '', '### Bug Fixes', '']
            for j in range(3):
                out.append(f'* {MSGS[(k + j + i) % len(MSGS)].lower()} ([{hx(f"cl{i}{k}{j}", 7)}](https://github.com/orbitpay/ledger-api/commit/{hx(f"cl{i}{k}{j}", 40)}))')
            out.append('')
        c.neg(cat, f'CHANGELOG-{i}.md', '\n'.join(out))
    c.neg(cat, 'reflog.txt', '\n'.join(f'{hx(f"rl{k}", 7)} HEAD@{{{k}}}: {["commit", "checkout: moving from main to develop", "pull: Fast-forward", "rebase (finish)"][k % 4]}: {MSGS[k % len(MSGS)]}' for k in range(12)))
    c.neg(cat, 'git-show-stat.txt', dedent(f'''
        commit {hx("show", 40)}
        Author: Chen Wei <chen@orbitpay.io>
        Date:   Thu May 9 16:04:51 2024 +0800

            Remove committed credentials and load them from the environment

            The previous values were rotated on 2024-05-09 (SEC-118).

         .env.example            |  6 +++---
         src/config/settings.py  | 14 ++++++++------
         2 files changed, 11 insertions(+), 9 deletions(-)
        '''))
    c.neg(cat, 'bisect-log.txt', '\n'.join([f'git bisect start', f'# bad: [{hx("bad", 40)}] Add retry to webhook delivery',
                                             f'git bisect bad {hx("bad", 40)}', f'# good: [{hx("good", 40)}] v2.7.0',
                                             f'git bisect good {hx("good", 40)}'] + [f'git bisect {"good" if k % 2 else "bad"} {hx(f"bis{k}", 40)}' for k in range(4)]))


# ---------------------------------------------------------------- UUIDs
def uuids(c: Corpus) -> None:
    cat = 'uuids'
    for i in range(6):
        items = [{'id': uuid(f'o{i}{k}'), 'customer_id': uuid(f'c{i}{k}'), 'status': ['paid', 'open', 'void'][k % 3],
                  'amount_cents': 1000 + 137 * k, 'idempotency_key': uuid(f'ik{i}{k}')} for k in range(5)]
        c.neg(cat, f'orders-response-{i}.json', json.dumps({'data': items, 'next_cursor': uuid(f'cur{i}'), 'request_id': uuid(f'req{i}')}, indent=2))
    for i in range(4):
        rows = ['id,tenant_id,name,created_at'] + [f'{uuid(f"r{i}{k}")},{uuid(f"t{i}")},Widget {k},2024-0{k % 9 + 1}-1{k % 9}T10:00:00Z' for k in range(12)]
        c.neg(cat, f'widgets-{i}.csv', '\n'.join(rows))
    for i in range(3):
        c.neg(cat, f'seed-tenants-{i}.sql', '\n'.join(f"INSERT INTO tenants (id, slug, plan) VALUES ('{uuid(f'ten{i}{k}')}', 'tenant-{k}', 'pro');" for k in range(8)))
    c.neg(cat, 'Orbit.sln', dedent(f'''
        Microsoft Visual Studio Solution File, Format Version 12.00
        # Visual Studio Version 17
        Project("{{FAE04EC0-301F-11D3-BF4B-00C04F79EFBC}}") = "Orbit.Api", "src\\Orbit.Api\\Orbit.Api.csproj", "{{{uuid("sln1").upper()}}}"
        EndProject
        Project("{{FAE04EC0-301F-11D3-BF4B-00C04F79EFBC}}") = "Orbit.Core", "src\\Orbit.Core\\Orbit.Core.csproj", "{{{uuid("sln2").upper()}}}"
        EndProject
        Global
        \tGlobalSection(SolutionProperties) = preSolution
        \t\tHideSolutionNode = FALSE
        \tEndGlobalSection
        \tGlobalSection(ExtensibilityGlobals) = postSolution
        \t\tSolutionGuid = {{{uuid("sln3").upper()}}}
        \tEndGlobalSection
        EndGlobal
        '''))
    for i in range(3):
        c.neg(cat, f'pod-{i}.yaml', dedent(f'''
            apiVersion: v1
            kind: Pod
            metadata:
              name: api-7d9f8b6c5-{hx("pod" + str(i), 5)}
              namespace: production
              uid: {uuid("poduid" + str(i))}
              resourceVersion: "{48151623 + i * 1000}"
              ownerReferences:
                - apiVersion: apps/v1
                  kind: ReplicaSet
                  name: api-7d9f8b6c5
                  uid: {uuid("rs" + str(i))}
            status:
              containerStatuses:
                - containerID: containerd://{hx("ctr" + str(i))}
                  imageID: registry.orbitpay.io/api@sha256:{hx("img" + str(i))}
            '''))
    c.neg(cat, 'appinsights.json', json.dumps({'ApplicationInsights': {'ConnectionString':
                                              f'InstrumentationKey={uuid("ai")};IngestionEndpoint=https://westeurope-5.in.applicationinsights.azure.com/'},
                                              'AzureAd': {'Instance': 'https://login.microsoftonline.com/', 'TenantId': uuid('tenant'),
                                                          'ClientId': uuid('client')}}, indent=2))
    c.neg(cat, 'events.jsonl', '\n'.join(json.dumps({'event_id': uuid(f'ev{k}'), 'session_id': uuid(f'ses{k // 3}'), 'type': 'page_view',
                                                      'path': f'/products/{k}'}) for k in range(15)))


# ---------------------------------------------------------------- checksums
def checksums(c: Corpus) -> None:
    cat = 'checksums'
    tools = ['kubectl', 'helm', 'terraform', 'gitleaks', 'trivy', 'k9s', 'jq', 'yq']
    for i, t in enumerate(tools):
        files = [f'{t}_{os}_{arch}.tar.gz' for os in ('linux', 'darwin') for arch in ('amd64', 'arm64')]
        c.neg(cat, f'{t}_SHA256SUMS', '\n'.join(f'{hx(t + f)}  {f}' for f in files))
    c.neg(cat, 'MD5SUMS', '\n'.join(f'{hx("md5" + f, 32)}  ./{f}' for f in ['boot/vmlinuz', 'boot/initrd.img', 'casper/filesystem.squashfs', 'md5sum.txt']))
    c.neg(cat, 'release-2.8.1.tar.gz.sha512', f'{hx("sha512rel", 128)}  release-2.8.1.tar.gz')
    c.neg(cat, 'install-tools.sh', dedent(f'''
        #!/usr/bin/env bash
        set -euo pipefail
        YQ_VERSION=4.44.1
        YQ_SHA256={hx("yqsha")}
        curl -fsSLo /usr/local/bin/yq "https://github.com/mikefarah/yq/releases/download/v${{YQ_VERSION}}/yq_linux_amd64"
        echo "${{YQ_SHA256}}  /usr/local/bin/yq" | sha256sum -c -
        chmod +x /usr/local/bin/yq
        '''))
    c.neg(cat, 'gitleaks.rb', dedent(f'''
        class Gitleaks < Formula
          desc "Audit git repos for secrets"
          homepage "https://github.com/gitleaks/gitleaks"
          url "https://github.com/gitleaks/gitleaks/archive/refs/tags/v8.18.4.tar.gz"
          sha256 "{hx("brew")}"
          license "MIT"

          bottle do
            sha256 cellar: :any_skip_relocation, arm64_sonoma: "{hx("bottle1")}"
            sha256 cellar: :any_skip_relocation, ventura:      "{hx("bottle2")}"
          end
        end
        '''))
    c.neg(cat, 'PKGBUILD', dedent(f'''
        pkgname=orbit-cli
        pkgver=2.8.1
        pkgrel=1
        arch=('x86_64')
        source=("https://github.com/orbitpay/orbit-cli/archive/v$pkgver.tar.gz")
        sha256sums=('{hx("pkgbuild")}')
        b2sums=('{hx("b2", 128)}')
        '''))
    c.neg(cat, 'WORKSPACE', dedent(f'''
        load("@bazel_tools//tools/build_defs/repo:http.bzl", "http_archive")

        http_archive(
            name = "rules_go",
            sha256 = "{hx("rules_go")}",
            urls = ["https://github.com/bazelbuild/rules_go/releases/download/v0.48.0/rules_go-v0.48.0.zip"],
        )

        http_archive(
            name = "com_google_protobuf",
            integrity = "{integrity("protobuf", "sha256")}",
            strip_prefix = "protobuf-27.1",
            urls = ["https://github.com/protocolbuffers/protobuf/archive/v27.1.tar.gz"],
        )
        '''))
    c.neg(cat, 'default.nix', dedent(f'''
        {{ lib, stdenv, fetchurl }}:

        stdenv.mkDerivation rec {{
          pname = "orbit-cli";
          version = "2.8.1";
          src = fetchurl {{
            url = "https://github.com/orbitpay/orbit-cli/archive/v${{version}}.tar.gz";
            hash = "{integrity("nixsrc", "sha256")}";
          }};
          vendorHash = "{integrity("nixvendor", "sha256")}";
        }}
        '''))
    c.neg(cat, 'orbit-cli_2.8.1-1.dsc', dedent(f'''
        Format: 3.0 (quilt)
        Source: orbit-cli
        Version: 2.8.1-1
        Checksums-Sha1:
         {hx("dsc1", 40)} 48213 orbit-cli_2.8.1.orig.tar.gz
        Checksums-Sha256:
         {hx("dsc2")} 48213 orbit-cli_2.8.1.orig.tar.gz
         {hx("dsc3")} 2140 orbit-cli_2.8.1-1.debian.tar.xz
        Files:
         {hx("dsc4", 32)} 48213 orbit-cli_2.8.1.orig.tar.gz
        '''))
    c.neg(cat, 'verification-metadata.xml', '\n'.join(['<?xml version="1.0" encoding="UTF-8"?>', '<verification-metadata>', '   <components>'] + [
        f'      <component group="{grp}" name="{n}" version="{v}">\n         <artifact name="{n}-{v}.jar">\n            <sha256 value="{hx(grp + n)}" origin="Generated by Gradle"/>\n         </artifact>\n      </component>'
        for grp, n, v in [('com.google.guava', 'guava', '33.2.1-jre'), ('org.slf4j', 'slf4j-api', '2.0.13'), ('com.fasterxml.jackson.core', 'jackson-databind', '2.17.1')]
    ] + ['   </components>', '</verification-metadata>']))
    c.neg(cat, 'checksums.txt', '\n'.join(f'{hx("goreleaser" + f)}  orbit-cli_2.8.1_{f}' for f in ['Linux_x86_64.tar.gz', 'Linux_arm64.tar.gz', 'Darwin_arm64.tar.gz', 'Windows_x86_64.zip']))
    c.neg(cat, 'sha1sums.txt', '\n'.join(f'{hx("sha1" + str(k), 40)}  assets/img/photo-{k:03d}.jpg' for k in range(20)))


# ---------------------------------------------------------------- minified bundles
def minified(c: Corpus) -> None:
    cat = 'minified'
    for i in range(8):
        chunks = ','.join(f'{k}:"{hx(f"chunk{i}{k}", 20)}"' for k in range(12))
        body = (f'!function(){{"use strict";var e={{{chunks}}},t=function(e){{return e+"."+{{}}[e]+".js"}};'
                f'function n(e,t){{for(var n=0;n<t.length;n++){{var r=t[n];r.enumerable=r.enumerable||!1}}}}'
                f'var r="{base64.b64encode(blob(f"min{i}", 60)).decode()}",o=window.__STATE__||{{}};'
                f'o.build="{hx(f"build{i}", 40)}";o.sentryRelease="web@{hx(f"rel{i}", 12)}";'
                'document.addEventListener("DOMContentLoaded",function(){var e=document.querySelector("#app");e&&e.setAttribute("data-ready","1")})}();')
        c.neg(cat, f'main.{hx(f"mainhash{i}", 8)}.min.js', body + f'\n//# sourceMappingURL=main.{hx(f"mainhash{i}", 8)}.min.js.map')
    for i in range(4):
        mappings = ';'.join(','.join(base64.b64encode(blob(f'map{i}{k}{j}', 3)).decode()[:4] for j in range(10)) for k in range(40))
        c.neg(cat, f'app-{i}.js.map', json.dumps({'version': 3, 'file': f'app-{i}.js', 'sources': ['webpack://app/./src/index.ts'],
                                                 'names': ['e', 't', 'n', 'r'], 'mappings': mappings}))
    for i in range(3):
        files = {f'static/js/{n}.js': f'/static/js/{n}.{hx(f"am{i}{n}", 8)}.chunk.js' for n in ['main', 'vendors', 'runtime', 'checkout']}
        c.neg(cat, f'asset-manifest-{i}.json', json.dumps({'files': files, 'entrypoints': list(files.values())}, indent=2))
    c.neg(cat, 'styles.min.css', ''.join(f'.css-{hx(f"css{k}", 6)}{{display:flex;margin:{k}px}}.sc-{hx(f"sc{k}", 6)}-{k}{{color:#{hx(f"col{k}", 6)}}}' for k in range(60)))
    c.neg(cat, 'webpack-stats.json', json.dumps({'hash': hx('wphash', 20), 'chunks': [{'id': k, 'hash': hx(f'wpc{k}', 20), 'files': [f'{k}.{hx(f"wpf{k}", 8)}.js']} for k in range(10)]}, indent=1))
    c.neg(cat, 'vendor.min.js', 'var a0_0x' + hx('obf', 4) + '=["' + '","'.join(base64.b64encode(blob(f'strtab{k}', 9)).decode() for k in range(40)) +
          '"];(function(a,b){var c=function(d){while(--d){a.push(a.shift())}};c(++b)}(a0_0x' + hx('obf', 4) + ',0x1a3));')


# ---------------------------------------------------------------- data URIs
PNG = b'\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR'
WOFF2 = b'wOF2\x00\x01\x00\x00'
CHECK_SVG = base64.b64encode(b"<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 16 16'><path d='M2 8l4 4 8-8'/></svg>").decode()
GIF = b'GIF89a\x01\x00\x01\x00\x80\x00\x00'


def data_uris(c: Corpus) -> None:
    cat = 'data-uris'
    for i in range(6):
        font = base64.b64encode(WOFF2 + blob(f'font{i}', 2400)).decode()
        c.neg(cat, f'fonts-{i}.css', dedent(f'''
            @font-face {{
              font-family: "Inter Var {i}";
              font-style: normal;
              font-weight: 100 900;
              font-display: swap;
              src: url(data:font/woff2;base64,{font}) format("woff2");
            }}

            body {{ font-family: "Inter Var {i}", system-ui, sans-serif; }}
            '''))
    for i in range(5):
        img = base64.b64encode(PNG + blob(f'png{i}', 900)).decode()
        c.neg(cat, f'email-template-{i}.html', dedent(f'''
            <table role="presentation" width="100%">
              <tr>
                <td align="center">
                  <img alt="Orbit logo" width="120" height="32" src="data:image/png;base64,{img}">
                </td>
              </tr>
              <tr><td>Your receipt is attached.</td></tr>
            </table>
            '''))
    for i in range(4):
        img = wrap(base64.b64encode(PNG + blob(f'svgpng{i}', 1500)).decode(), 76)
        c.neg(cat, f'badge-{i}.svg', f'<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="64" height="64">\n'
              f'  <image width="64" height="64" xlink:href="data:image/png;base64,{img}"/>\n</svg>')
    for i in range(3):
        gif = base64.b64encode(GIF + blob(f'gif{i}', 30)).decode()
        c.neg(cat, f'sprites-{i}.scss', f'$spinner: url("data:image/gif;base64,{gif}");\n.loading {{ background: $spinner no-repeat center; }}\n'
              f'.icon-check {{ background-image: url("data:image/svg+xml;base64,{CHECK_SVG}"); }}')
    ico = base64.b64encode(b'\x00\x00\x01\x00' + blob('ico', 300)).decode()
    c.neg(cat, 'favicon.md', f'Favicon for the docs site:\n\n![icon](data:image/x-icon;base64,{ico})\n')


# ---------------------------------------------------------------- certificates and public keys
def _cert(seed: str) -> str:
    der = b'\x30\x82\x03\x1d\x30\x82\x02\x05\xa0\x03\x02\x01\x02\x02\x14' + blob(seed, 780)
    return '-----BEGIN CERTIFICATE-----\n' + wrap(base64.b64encode(der).decode()) + '\n-----END CERTIFICATE-----'


def _ssh_pub(seed: str, kind: str = 'ssh-ed25519') -> str:
    if kind == 'ssh-ed25519':
        return 'ssh-ed25519 ' + base64.b64encode(b'\x00\x00\x00\x0bssh-ed25519\x00\x00\x00 ' + blob(seed, 32)).decode()
    return 'ssh-rsa ' + base64.b64encode(b'\x00\x00\x00\x07ssh-rsa\x00\x00\x00\x03\x01\x00\x01\x00\x00\x01\x01\x00' + blob(seed, 256)).decode()


def certs(c: Corpus) -> None:
    cat = 'certificates-public-keys'
    for i in range(5):
        c.neg(cat, f'server-{i}.crt', _cert(f'crt{i}'))
    c.neg(cat, 'ca-bundle.pem', '\n'.join(f'# Orbit Internal CA G{k}\n{_cert(f"ca{k}")}' for k in range(4)))
    for i in range(3):
        c.neg(cat, f'authorized_keys-{i}', '\n'.join(f'{_ssh_pub(f"ak{i}{k}", ["ssh-ed25519", "ssh-rsa"][k % 2])} {u}@{h}' for k, (u, h) in
                                                  enumerate([('ana', 'laptop'), ('ben', 'workstation'), ('deploy', 'ci-runner'), ('chen', 'mbp')])))
    c.neg(cat, 'known_hosts', '\n'.join(f'{h} {_ssh_pub(f"kh{h}", ["ssh-ed25519", "ssh-rsa"][k % 2])}' for k, h in
                                        enumerate(['github.com', 'gitlab.orbitpay.io', '10.40.1.5', 'bastion.orbitpay.io', '[git.orbitpay.internal]:2222'])))
    for i in range(3):
        c.neg(cat, f'id_ed25519-{i}.pub', f'{_ssh_pub(f"pub{i}")} dev{i}@orbitpay.io')
    for i in range(3):
        der = bytes.fromhex('30820122300d06092a864886f70d01010105000382010f003082010a0282010100') + blob(f'pk{i}', 256) + b'\x02\x03\x01\x00\x01'
        c.neg(cat, f'jwt-public-{i}.pem', '-----BEGIN PUBLIC KEY-----\n' + wrap(base64.b64encode(der).decode()) + '\n-----END PUBLIC KEY-----')
    c.neg(cat, 'release-signing-public.asc', '-----BEGIN PGP PUBLIC KEY BLOCK-----\n\n' + wrap(base64.b64encode(b'\x99\x01\x8d\x04' + blob('pgppub', 500)).decode())
          + '\n=' + base64.b64encode(blob('crc', 3)).decode() + '\n-----END PGP PUBLIC KEY BLOCK-----')
    c.neg(cat, 'jwks.json', json.dumps({'keys': [{'kty': 'RSA', 'use': 'sig', 'alg': 'RS256', 'kid': hx(f'kid{k}', 16),
                                                  'n': base64.urlsafe_b64encode(blob(f'jwkn{k}', 256)).decode().rstrip('='), 'e': 'AQAB'} for k in range(2)]}, indent=2))
    ca = base64.b64encode(_cert('kubeca').encode()).decode()
    c.neg(cat, 'kubeconfig.yaml', dedent(f'''
        apiVersion: v1
        kind: Config
        clusters:
          - name: prod-eks-01
            cluster:
              server: https://4F1E2D3C4B5A69788796A5B4C3D2E1F0.gr7.eu-west-1.eks.amazonaws.com
              certificate-authority-data: {ca}
        contexts:
          - name: prod
            context: {{cluster: prod-eks-01, user: aws}}
        current-context: prod
        users:
          - name: aws
            user:
              exec:
                apiVersion: client.authentication.k8s.io/v1beta1
                command: aws
                args: ["eks", "get-token", "--cluster-name", "prod-eks-01"]
        '''))
    c.neg(cat, 'saml-metadata.xml', dedent(f'''
        <EntityDescriptor xmlns="urn:oasis:names:tc:SAML:2.0:metadata" entityID="https://sso.orbitpay.io/saml">
          <IDPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">
            <KeyDescriptor use="signing">
              <KeyInfo xmlns="http://www.w3.org/2000/09/xmldsig#">
                <X509Data><X509Certificate>{base64.b64encode(blob("saml", 700)).decode()}</X509Certificate></X509Data>
              </KeyInfo>
            </KeyDescriptor>
          </IDPSSODescriptor>
        </EntityDescriptor>
        '''))
    c.neg(cat, 'ca-configmap.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: internal-ca\ndata:\n  ca.crt: |\n' +
          '\n'.join('    ' + ln for ln in _cert('cm').split('\n')))
    c.neg(cat, 'ssh_ca.pub', f'{_ssh_pub("sshca", "ssh-rsa")} orbit-user-ca')
    c.neg(cat, 'github-deploy-keys.tf', dedent(f'''
        resource "github_repository_deploy_key" "docs" {{
          title      = "docs deploy"
          repository = "docs"
          key        = "{_ssh_pub("tfdeploy")}"
          read_only  = false
        }}
        '''))
    c.neg(cat, 'csr.pem', '-----BEGIN CERTIFICATE REQUEST-----\n' + wrap(base64.b64encode(b'\x30\x82\x02\x9a' + blob('csr', 600)).decode()) + '\n-----END CERTIFICATE REQUEST-----')


# ---------------------------------------------------------------- vendors' documented example credentials
AWS_ID, AWS_SECRET = 'AKIAIOSFODNN7EXAMPLE', 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY'
AWS_ID2, AWS_SECRET2 = 'AKIAI44QH8DHBEXAMPLE', 'je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY'
STRIPE_SK, STRIPE_PK = 'sk_test_4eC39HqLyjWDarjtT1zdp7dc', 'pk_test_TYooMQauvdEDq54NiTphI7jx'
JWT_IO = ('eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.'
          'SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c')
AZURITE = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=='


def vendor_examples(c: Corpus) -> None:
    cat = 'vendor-examples'
    c.neg(cat, 'test_s3_upload.py', dedent(f'''
        import boto3
        from moto import mock_aws


        @mock_aws
        def test_upload_creates_object():
            s3 = boto3.client("s3", region_name="us-east-1",
                              aws_access_key_id="{AWS_ID}",
                              aws_secret_access_key="{AWS_SECRET}")
            s3.create_bucket(Bucket="reports")
            s3.put_object(Bucket="reports", Key="a.txt", Body=b"x")
            assert s3.list_objects_v2(Bucket="reports")["KeyCount"] == 1
        '''))
    c.neg(cat, 'aws-credentials.example', f'[default]\naws_access_key_id = {AWS_ID}\naws_secret_access_key = {AWS_SECRET}\nregion = us-west-2\n')
    c.neg(cat, 'aws-cli-docs.md', dedent(f'''
        ## Configure the CLI

        ```
        $ aws configure
        AWS Access Key ID [None]: {AWS_ID}
        AWS Secret Access Key [None]: {AWS_SECRET}
        Default region name [None]: us-west-2
        Default output format [None]: json
        ```

        A second profile, as in the AWS documentation:

        ```
        [user1]
        aws_access_key_id={AWS_ID2}
        aws_secret_access_key={AWS_SECRET2}
        ```
        '''))
    c.neg(cat, 's3.test.ts', dedent(f'''
        import {{ S3Client }} from "@aws-sdk/client-s3";

        describe("s3 client", () => {{
          it("uses static credentials from the docs", () => {{
            const client = new S3Client({{
              region: "us-east-1",
              credentials: {{ accessKeyId: "{AWS_ID}", secretAccessKey: "{AWS_SECRET}" }},
            }});
            expect(client).toBeDefined();
          }});
        }});
        '''))
    c.neg(cat, 'aws_signer_test.go', dedent(f'''
        package signer

        import "testing"

        // Values from the AWS Signature Version 4 documentation examples.
        const (
        \ttestAccessKey = "{AWS_ID}"
        \ttestSecretKey = "{AWS_SECRET}"
        )

        func TestSign(t *testing.T) {{
        \tsig := Sign(testAccessKey, testSecretKey, "20150830T123600Z")
        \tif sig == "" {{
        \t\tt.Fatal("empty signature")
        \t}}
        }}
        '''))
    c.neg(cat, 'test_billing.py', dedent(f'''
        import stripe

        # Stripe's public test key from its API reference.
        stripe.api_key = "{STRIPE_SK}"


        def test_create_customer(stripe_mock):
            customer = stripe.Customer.create(email="jenny.rosen@example.com")
            assert customer.id.startswith("cus_")
        '''))
    c.neg(cat, 'checkout.spec.js', dedent(f'''
        const stripe = require("stripe")("{STRIPE_SK}");

        describe("checkout", () => {{
          it("creates a payment intent", async () => {{
            const pi = await stripe.paymentIntents.create({{ amount: 2000, currency: "usd" }});
            expect(pi.status).toBe("requires_payment_method");
          }});
        }});
        '''))
    c.neg(cat, 'stripe-elements.html', f'<script src="https://js.stripe.com/v3/"></script>\n<script>\n  const stripe = Stripe("{STRIPE_PK}");\n  const elements = stripe.elements();\n</script>\n')
    c.neg(cat, 'test_jwt.py', dedent(f'''
        import jwt

        # The sample token shown on jwt.io, signed with the secret "your-256-bit-secret".
        SAMPLE = "{JWT_IO}"


        def test_decode_sample():
            claims = jwt.decode(SAMPLE, options={{"verify_signature": False}})
            assert claims["name"] == "John Doe"
        '''))
    c.neg(cat, 'jwt-debugging.md', f'# Decoding a JWT\n\nPaste a token such as the jwt.io sample:\n\n```\n{JWT_IO}\n```\n\ninto https://jwt.io to see its header and payload.\n')
    c.neg(cat, 'auth.test.ts', dedent(f'''
        import {{ decode }} from "../src/jwt";

        const JWT_IO_SAMPLE = "{JWT_IO}";

        test("decodes the jwt.io sample", () => {{
          expect(decode(JWT_IO_SAMPLE).sub).toBe("1234567890");
        }});
        '''))
    c.neg(cat, 'local.settings.azurite.json', json.dumps({'IsEncrypted': False, 'Values': {
        'AzureWebJobsStorage': 'UseDevelopmentStorage=true',
        'BlobConnection': f'DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={AZURITE};BlobEndpoint=http://127.0.0.1:10000/devstoreaccount1;'}}, indent=2))
    c.neg(cat, 'docker-compose.azurite.yml', dedent(f'''
        services:
          azurite:
            image: mcr.microsoft.com/azure-storage/azurite
            ports: ["10000:10000", "10001:10001"]
          app:
            build: .
            environment:
              # Azurite's well-known development account (documented by Microsoft)
              STORAGE_CONNECTION: "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={AZURITE};BlobEndpoint=http://azurite:10000/devstoreaccount1;"
        '''))
    c.neg(cat, 'slack-docs.md', dedent('''
        ## Calling the Web API

        ```
        curl -H "Authorization: Bearer xoxb-not-a-real-token-this-will-not-work" https://slack.com/api/auth.test
        ```
        '''))
    c.neg(cat, 'twilio-quickstart.py', dedent('''
        # Download the helper library from https://www.twilio.com/docs/python/install
        import os
        from twilio.rest import Client

        # Find your Account SID and Auth Token at twilio.com/console
        account_sid = "ACXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX"
        auth_token = "your_auth_token"
        client = Client(account_sid, auth_token)
        '''))
    c.neg(cat, 'RSpec_aws_stub_spec.rb', dedent(f'''
        RSpec.describe Uploader do
          before do
            Aws.config.update(stub_responses: true,
                              credentials: Aws::Credentials.new("{AWS_ID}", "{AWS_SECRET}"))
          end

          it "uploads" do
            expect(described_class.new.upload("a.txt")).to be_truthy
          end
        end
        '''))
    c.neg(cat, 'S3ClientTest.java', dedent(f'''
        class S3ClientTest {{
            private static final String ACCESS_KEY = "{AWS_ID}";
            private static final String SECRET_KEY = "{AWS_SECRET}";

            @Test
            void buildsClient() {{
                assertNotNull(S3Factory.create(ACCESS_KEY, SECRET_KEY));
            }}
        }}
        '''))
    c.neg(cat, 'localstack.env', f'AWS_ACCESS_KEY_ID=test\nAWS_SECRET_ACCESS_KEY=test\nAWS_DEFAULT_REGION=us-east-1\nAWS_ENDPOINT_URL=http://localhost:4566\n')
    c.neg(cat, 'sigv4-test-vector.txt', dedent(f'''
        AWS4-HMAC-SHA256
        20150830T123600Z
        20150830/us-east-1/iam/aws4_request
        f536975d06c0309214f805bb90ccff089219ecd68b2577efef23edd43b7e1a59

        Secret: {AWS_SECRET}
        Signature: 5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7
        '''))
    c.neg(cat, 'stripe-cli.md', f'```\nstripe listen --forward-to localhost:4242/webhook --api-key {STRIPE_SK}\n```\n')
    c.neg(cat, 'mailgun_example.sh', dedent('''
        # From Mailgun's API reference; replace with your own key and domain.
        curl -s --user 'api:YOUR_API_KEY' \\
            https://api.mailgun.net/v3/YOUR_DOMAIN_NAME/messages \\
            -F from='Excited User <mailgun@YOUR_DOMAIN_NAME>' \\
            -F to=YOU@YOUR_DOMAIN_NAME
        '''))
    c.neg(cat, 'terraform-localstack.tf', dedent(f'''
        provider "aws" {{
          access_key                  = "{AWS_ID}"
          secret_key                  = "{AWS_SECRET}"
          region                      = "us-east-1"
          skip_credentials_validation = true
          endpoints {{
            s3 = "http://localhost:4566"
          }}
        }}
        '''))
    c.neg(cat, 'openapi-example.yaml', dedent(f'''
        components:
          securitySchemes:
            bearerAuth:
              type: http
              scheme: bearer
              bearerFormat: JWT
          examples:
            token:
              value: "{JWT_IO}"
        '''))


# ---------------------------------------------------------------- references to secrets held elsewhere
def env_references(c: Corpus) -> None:
    cat = 'env-references'
    R = {
        'settings.py': '''
            import os

            SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]
            DATABASE_PASSWORD = os.getenv("DB_PASSWORD")
            STRIPE_API_KEY = os.environ.get("STRIPE_API_KEY", "")
            OPENAI_API_KEY = os.getenv("OPENAI_API_KEY")
            ''',
        'config.js': '''
            module.exports = {
              apiKey: process.env.API_KEY,
              dbPassword: process.env.DB_PASSWORD,
              githubToken: process.env.GITHUB_TOKEN ?? "",
              slackWebhook: process.env["SLACK_WEBHOOK_URL"],
            };
            ''',
        'config.go': '''
            package config

            import "os"

            var (
            \tAPIKey     = os.Getenv("API_KEY")
            \tDBPassword = os.Getenv("DB_PASSWORD")
            \tToken, _   = os.LookupEnv("SERVICE_TOKEN")
            )
            ''',
        'Config.java': '''
            public final class Config {
                public static final String API_KEY = System.getenv("API_KEY");
                public static final String DB_PASSWORD = System.getenv().getOrDefault("DB_PASSWORD", "");
                @Value("${stripe.secret-key}")
                private String stripeSecretKey;
            }
            ''',
        'Startup.cs': '''
            var apiKey = builder.Configuration["Integrations:ApiKey"];
            var password = Environment.GetEnvironmentVariable("DB_PASSWORD");
            var conn = builder.Configuration.GetConnectionString("Default");
            ''',
        'secrets.rb': '''
            STRIPE_KEY = ENV.fetch("STRIPE_SECRET_KEY")
            DB_PASSWORD = ENV["DB_PASSWORD"]
            SLACK_TOKEN = Rails.application.credentials.dig(:slack, :bot_token)
            ''',
        'config.php': '''
            <?php
            return [
                'api_key' => env('API_KEY'),
                'password' => getenv('DB_PASSWORD'),
                'secret' => $_ENV['APP_SECRET'] ?? null,
            ];
            ''',
        'main.rs': '''
            let token = std::env::var("API_TOKEN").expect("API_TOKEN must be set");
            let password = env::var("DB_PASSWORD").unwrap_or_default();
            ''',
        'docker-compose.yml': '''
            services:
              db:
                image: postgres:16
                environment:
                  POSTGRES_PASSWORD: ${POSTGRES_PASSWORD:?set POSTGRES_PASSWORD}
                  POSTGRES_USER: ${POSTGRES_USER:-app}
              api:
                env_file: .env
                environment:
                  - API_KEY=${API_KEY}
                  - STRIPE_SECRET_KEY
            ''',
        'ci.yml': '''
            name: ci
            on: [push]
            jobs:
              test:
                runs-on: ubuntu-latest
                env:
                  NPM_TOKEN: ${{ secrets.NPM_TOKEN }}
                  AWS_ACCESS_KEY_ID: ${{ secrets.AWS_ACCESS_KEY_ID }}
                  AWS_SECRET_ACCESS_KEY: ${{ secrets.AWS_SECRET_ACCESS_KEY }}
                steps:
                  - uses: actions/checkout@v4
                  - run: echo "//registry.npmjs.org/:_authToken=${NPM_TOKEN}" > ~/.npmrc
                  - run: gh release create v1.0 --notes "ok"
                    env:
                      GH_TOKEN: ${{ github.token }}
            ''',
        'deployment.yaml': '''
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: api
            spec:
              template:
                spec:
                  containers:
                    - name: api
                      image: registry.orbitpay.io/api:1.0
                      env:
                        - name: DB_PASSWORD
                          valueFrom:
                            secretKeyRef:
                              name: api-credentials
                              key: db-password
                        - name: API_KEY
                          valueFrom:
                            secretKeyRef: {name: api-credentials, key: api-key}
            ''',
        'main.tf': '''
            variable "db_password" {
              type      = string
              sensitive = true
            }

            resource "aws_db_instance" "main" {
              username = "app"
              password = var.db_password
            }

            data "aws_secretsmanager_secret_version" "api" {
              secret_id = "prod/api/key"
            }

            locals {
              api_key = jsondecode(data.aws_secretsmanager_secret_version.api.secret_string)["api_key"]
            }
            ''',
        'values.yaml': '''
            database:
              password: "{{ .Values.global.dbPassword }}"
              existingSecret: db-credentials
            api:
              token: "{{ required "apiToken is required" .Values.apiToken }}"
            ''',
        'vault-agent.ctmpl': '''
            {{ with secret "secret/data/ledger/db" }}
            DB_PASSWORD={{ .Data.data.password }}
            API_KEY={{ .Data.data.api_key }}
            {{ end }}
            ''',
        'group_vars.yml': '''
            mysql_root_password: "{{ vault_mysql_root_password }}"
            api_token: "{{ lookup('env', 'API_TOKEN') }}"
            ldap_bind_password: "{{ lookup('community.hashi_vault.hashi_vault', 'secret=secret/ldap:password') }}"
            ''',
        'deploy.sh': '''
            #!/usr/bin/env bash
            set -euo pipefail
            export DB_PASSWORD="$(vault kv get -field=password secret/ledger/db)"
            export API_TOKEN="$(aws secretsmanager get-secret-value --secret-id prod/api --query SecretString --output text)"
            export GITHUB_TOKEN="${GITHUB_TOKEN:?missing}"
            curl -H "Authorization: Bearer ${API_TOKEN}" https://api.orbitpay.io/v1/ping
            curl -H "X-API-Key: $API_KEY" https://partner.example.org/ping
            ''',
        'application.properties': '''
            spring.datasource.password=${DB_PASSWORD}
            stripe.secret-key=${STRIPE_SECRET_KEY:}
            app.jwt.secret=${JWT_SECRET}
            ''',
        'appsettings.json': '''
            {
              "KeyVault": { "Uri": "https://orbit-kv.vault.azure.net/" },
              "Api": { "Key": "@Microsoft.KeyVault(SecretUri=https://orbit-kv.vault.azure.net/secrets/api-key/)" },
              "ConnectionStrings": { "Default": "" }
            }
            ''',
        'template.yaml': '''
            Resources:
              Database:
                Type: AWS::RDS::DBInstance
                Properties:
                  MasterUsername: app
                  MasterUserPassword: '{{resolve:secretsmanager:prod/db:SecretString:password}}'
              ApiParam:
                Type: AWS::SSM::Parameter
                Properties:
                  Value: '{{resolve:ssm-secure:/prod/api/key:1}}'
            ''',
        'Dockerfile': '''
            FROM node:20-alpine
            ARG NPM_TOKEN
            RUN --mount=type=secret,id=npmrc,target=/root/.npmrc npm ci
            ENV API_KEY=""
            ENV DB_PASSWORD=
            CMD ["node", "server.js"]
            ''',
        'Jenkinsfile': '''
            pipeline {
              agent any
              environment {
                DOCKERHUB = credentials('dockerhub-creds')
                SONAR_TOKEN = credentials('sonar-token')
              }
              stages {
                stage('Push') {
                  steps {
                    sh 'echo $DOCKERHUB_PSW | docker login -u $DOCKERHUB_USR --password-stdin'
                  }
                }
              }
            }
            ''',
        '.gitlab-ci.yml': '''
            deploy:
              script:
                - echo "$CI_REGISTRY_PASSWORD" | docker login -u "$CI_REGISTRY_USER" --password-stdin "$CI_REGISTRY"
                - curl --header "PRIVATE-TOKEN: $GITLAB_API_TOKEN" "$CI_API_V4_URL/projects"
            ''',
        'getpass_login.py': '''
            import getpass

            import keyring

            user = input("user: ")
            password = getpass.getpass("password: ")
            token = keyring.get_password("orbit-cli", user)
            ''',
        'sops-config.yaml': '''
            creation_rules:
              - path_regex: secrets/.*\\.yaml$
                kms: arn:aws:kms:eu-west-1:481516234200:key/1f2e3d4c-5b6a-4978-8a9b-0c1d2e3f4a5b
            ''',
        'external-secret.yaml': '''
            apiVersion: external-secrets.io/v1beta1
            kind: ExternalSecret
            metadata:
              name: api-credentials
            spec:
              secretStoreRef: {name: aws-secrets, kind: ClusterSecretStore}
              data:
                - secretKey: api-key
                  remoteRef: {key: prod/api, property: api_key}
            ''',
        'serverless.yml': '''
            provider:
              environment:
                STRIPE_KEY: ${ssm:/prod/stripe/secret-key}
                DB_PASSWORD: ${env:DB_PASSWORD}
            ''',
        'nextjs.config.mjs': '''
            export default {
              env: { NEXT_PUBLIC_API_URL: process.env.NEXT_PUBLIC_API_URL },
              serverRuntimeConfig: { apiSecret: process.env.API_SECRET },
            };
            ''',
        'environment.ts': '''
            export const environment = {
              production: true,
              apiUrl: "https://api.orbitpay.io",
              sentryDsn: import.meta.env.VITE_SENTRY_DSN,
            };
            ''',
        'profile.ps1': '''
            $env:API_KEY = (Get-Secret -Name OrbitApiKey -AsPlainText)
            $password = Read-Host -AsSecureString "Password"
            ''',
        'kustomization.yaml': '''
            secretGenerator:
              - name: api-credentials
                envs:
                  - secrets.env
            generatorOptions:
              disableNameSuffixHash: true
            ''',
        'github-app.py': '''
            import os

            from github import Auth

            auth = Auth.AppAuth(int(os.environ["GH_APP_ID"]), open(os.environ["GH_APP_KEY_PATH"]).read())
            ''',
        'sealed-secret.yaml': '''
            apiVersion: bitnami.com/v1alpha1
            kind: SealedSecret
            metadata:
              name: api-credentials
            spec:
              encryptedData:
                api-key: AgBy8hCi1xZk2bRz3NWqvE0xA8pFq1m3cX9rT7Yd4K2sLh0nBg6uJv5iQw8eRt3yUi1oP4aSd7fGh2jKl5zXc8vBn3mQ0wE6rT9yU2iO5pA1sD4fG7hJ0kL3zX6cV9bN2mQ
            ''',
        'terraform.tfvars': '''
            region      = "eu-west-1"
            db_password = ""  # set TF_VAR_db_password in CI
            ''',
        'config.toml': '''
            [database]
            url = "${DATABASE_URL}"
            password_env = "DB_PASSWORD"

            [api]
            key_file = "/run/secrets/api_key"
            ''',
        'netlify.toml': '''
            [build]
              command = "npm run build"
              publish = "dist"

            [build.environment]
              NODE_VERSION = "20"
            ''',
        'sample.env.sh': '''
            # source this after `op signin`
            export API_KEY="$(op read op://Engineering/OrbitAPI/credential)"
            export DB_PASSWORD="$(pass show orbit/db)"
            ''',
        'docker-secrets.yml': '''
            services:
              api:
                secrets: [db_password]
                environment:
                  DB_PASSWORD_FILE: /run/secrets/db_password
            secrets:
              db_password:
                file: ./secrets/db_password.txt
            ''',
        'pulumi.ts': '''
            import * as pulumi from "@pulumi/pulumi";

            const config = new pulumi.Config();
            const dbPassword = config.requireSecret("dbPassword");
            ''',
        'azure-pipelines.yml': '''
            variables:
              - group: orbit-prod-secrets
            steps:
              - script: ./deploy.sh
                env:
                  API_KEY: $(ApiKey)
                  DB_PASSWORD: $(DbPassword)
            ''',
        '.circleci-config.yml': '''
            version: 2.1
            jobs:
              deploy:
                docker:
                  - image: cimg/node:20.14
                    auth:
                      username: $DOCKERHUB_USER
                      password: $DOCKERHUB_PASSWORD
            ''',
        'helm-secret-template.yaml': '''
            apiVersion: v1
            kind: Secret
            metadata:
              name: {{ include "api.fullname" . }}
            stringData:
              DB_PASSWORD: {{ .Values.db.password | quote }}
              API_KEY: {{ .Values.apiKey | quote }}
            ''',
        'fly.toml': '''
            app = "orbit-web"
            primary_region = "fra"

            [env]
              PORT = "8080"
            # secrets are set with `fly secrets set API_KEY=...`
            ''',
        'application-cloud.yml': '''
            spring:
              cloud:
                vault:
                  uri: https://vault.orbitpay.io:8200
                  authentication: KUBERNETES
              datasource:
                password: ${vault.db.password}
            ''',
        'settings_env.py': '''
            from pydantic import SecretStr
            from pydantic_settings import BaseSettings


            class Settings(BaseSettings):
                api_key: SecretStr
                db_password: SecretStr = SecretStr("")
            ''',
        'wrangler-secrets.md': '''
            Set the Cloudflare token as a secret, never in wrangler.toml:

                npx wrangler secret put CF_API_TOKEN
            ''',
        'k8s-csi.yaml': '''
            apiVersion: secrets-store.csi.x-k8s.io/v1
            kind: SecretProviderClass
            metadata:
              name: vault-db
            spec:
              provider: vault
              parameters:
                roleName: ledger
                objects: |
                  - objectName: "db-password"
                    secretPath: "secret/data/ledger/db"
                    secretKey: "password"
            ''',
    }
    for name, text in R.items():
        c.neg(cat, name, dedent(text))


# ---------------------------------------------------------------- templates with placeholders
def env_templates(c: Corpus) -> None:
    cat = 'env-templates'
    T = {
        '.env.example': 'API_KEY=your_api_key_here\nDB_PASSWORD=changeme\nSTRIPE_SECRET_KEY=sk_live_...\nGITHUB_TOKEN=ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n',
        '.env.sample': 'DATABASE_URL=postgres://user:password@localhost:5432/app\nREDIS_URL=redis://localhost:6379/0\nSECRET_KEY=<your-secret-key>\n',
        '.env.template': 'OPENAI_API_KEY=sk-...\nANTHROPIC_API_KEY=\nHF_TOKEN=hf_your_token\nSLACK_BOT_TOKEN=xoxb-your-token\n',
        '.env.dist': 'APP_SECRET=\nMAILER_DSN=null://null\nDATABASE_URL="mysql://app:!ChangeMe!@127.0.0.1:3306/app?serverVersion=8"\n',
        '.env.local.example': 'NEXT_PUBLIC_SUPABASE_URL=https://your-project.supabase.co\nNEXT_PUBLIC_SUPABASE_ANON_KEY=your-anon-key\nSUPABASE_SERVICE_ROLE_KEY=your-service-role-key\n',
        'config.example.yaml': 'claude:\n  api_key: ""\n  model: claude-3-5-sonnet-latest\nopenai:\n  api_key: "<your-openai-key>"\ndatabase:\n  password: "CHANGE_ME"\n',
        'config.sample.json': json.dumps({'apiKey': 'YOUR_API_KEY', 'apiSecret': 'YOUR_API_SECRET', 'token': '<TOKEN>', 'password': ''}, indent=2),
        'settings.example.toml': '[auth]\ntoken = "REPLACE_ME"\npassword = "********"\n\n[aws]\naccess_key_id = "AKIA................"\nsecret_access_key = "..."\n',
        'credentials.example.ini': '[default]\naws_access_key_id = YOUR_ACCESS_KEY_ID\naws_secret_access_key = YOUR_SECRET_ACCESS_KEY\n',
        'docker-compose.example.yml': 'services:\n  db:\n    image: postgres:16\n    environment:\n      POSTGRES_PASSWORD: example\n      POSTGRES_USER: postgres\n',
        'Dockerfile.template': 'FROM python:3.12-slim\nENV DRM_API_KEY_ID=""\nENV DRM_API_KEY_SECRET=""\nENV API_TOKEN=\nCMD ["python", "-m", "app"]\n',
        'secret.example.yaml': 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: api\nstringData:\n  api-key: "<base64-or-plain-api-key>"\n  db-password: "<db-password>"\n',
        'terraform.tfvars.example': 'region      = "us-east-1"\ndb_password = "REPLACE_WITH_STRONG_PASSWORD"\napi_token   = ""\n',
        'local.settings.example.json': json.dumps({'IsEncrypted': False, 'Values': {'AzureWebJobsStorage': 'UseDevelopmentStorage=true',
                                                   'ApiKey': '{your-api-key}', 'ClientSecret': '<client-secret>'}}, indent=2),
        '.npmrc.example': '//registry.npmjs.org/:_authToken=${NPM_TOKEN}\n# or paste a token: npm_XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX\n',
        '.pypirc.example': '[pypi]\nusername = __token__\npassword = pypi-<your-token>\n',
        'application-example.properties': 'spring.datasource.username=app\nspring.datasource.password=\nstripe.api-key=sk_test_your_key\n',
        'wp-config-sample.php': "<?php\ndefine( 'DB_NAME', 'database_name_here' );\ndefine( 'DB_USER', 'username_here' );\ndefine( 'DB_PASSWORD', 'password_here' );\ndefine( 'AUTH_KEY',         'put your unique phrase here' );\ndefine( 'SECURE_AUTH_KEY',  'put your unique phrase here' );\n",
        'README-setup.md': '## Setup\n\n```bash\ncp .env.example .env\n# then edit .env:\nAPI_KEY=<your-api-key>\nDRM_API_KEY_ID="your_api_key_id"\nAPI_ID=<your-api-id>\n```\n',
        'secrets.env.tpl': 'DB_PASSWORD={{DB_PASSWORD}}\nAPI_KEY={{ API_KEY }}\nJWT_SECRET=%JWT_SECRET%\nTOKEN=@TOKEN@\n',
        'appsettings.Development.json': json.dumps({'Jwt': {'Key': 'dev-only-not-secret', 'Issuer': 'localhost'},
                                                    'ConnectionStrings': {'Default': 'Server=(localdb)\\mssqllocaldb;Database=Orbit;Trusted_Connection=True;'}}, indent=2),
        'env.schema.json': json.dumps({'type': 'object', 'required': ['API_KEY', 'DB_PASSWORD'], 'properties': {
            'API_KEY': {'type': 'string', 'minLength': 32, 'description': 'Partner API key'}, 'DB_PASSWORD': {'type': 'string'}}}, indent=2),
        'sample-config.yml': 'github:\n  token: ghp_XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX\nslack:\n  webhook: https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX\n',
        'example.tfvars': 'cloudflare_api_token = "your-cloudflare-token"\ndigitalocean_token  = "dop_v1_xxxxxxxxxxxxxxxx"\n',
        'redacted-config.yaml': 'datadog:\n  api_key: "********************************"\n  app_key: "[REDACTED]"\nsentry:\n  auth_token: "<redacted>"\n',
        '.env.test': 'API_KEY=test\nDB_PASSWORD=password\nJWT_SECRET=secret\nSTRIPE_SECRET_KEY=sk_test_xxx\n',
        'settings.template.py': 'SECRET_KEY = "{{ secret_key }}"\nDATABASES = {"default": {"PASSWORD": "%(db_password)s"}}\nAPI_KEY = None  # set in local_settings.py\n',
        '.env.ci': 'CI=true\nDATABASE_URL=postgres://postgres:postgres@localhost:5432/test_db\nREDIS_URL=redis://localhost:6379\n',
        'Makefile.example': 'API_KEY ?=\nDEPLOY_TOKEN ?= $(shell cat ~/.deploy-token)\n',
        'install.md': 'Run:\n\n    export OPENAI_API_KEY="sk-proj-..."   # your key from platform.openai.com\n    export ANTHROPIC_API_KEY="sk-ant-..."\n',
        'keys.example.json': json.dumps({'user1': {'api_key_id': '...', 'api_key_secret': '...'}, 'user2': {'api_key_id': '', 'api_key_secret': ''}}, indent=2),
        'config.dist.php': "<?php\n$config['db_password'] = '';\n$config['api_key'] = 'xxx';\n$config['smtp_pass'] = 'YOUR_SMTP_PASSWORD';\n",
        'values.example.yaml': 'postgresql:\n  auth:\n    password: ""\n    existingSecret: ""\nredis:\n  auth:\n    password: changeme\n',
        'env.d.ts': 'interface ImportMetaEnv {\n  readonly VITE_API_KEY: string;\n  readonly VITE_SENTRY_DSN: string;\n}\n',
        'ansible-vault-encrypted.yml': 'vault_db_password: !vault |\n  $ANSIBLE_VAULT;1.1;AES256\n  ' +
                                         '\n  '.join(hx(f'vault{k}', 80) for k in range(6)) + '\n',
    }
    for name, text in T.items():
        c.neg(cat, name, text)


# ---------------------------------------------------------------- code that handles passwords without holding one
def password_code(c: Corpus) -> None:
    cat = 'password-handling-code'
    P = {
        'views.py': '''
            from django.contrib.auth import authenticate, login


            def login_view(request):
                username = request.POST["username"]
                password = request.form["password"] if hasattr(request, "form") else request.POST["password"]
                user = authenticate(request, username=username, password=password)
                if user is None:
                    return render(request, "login.html", {"error": "Invalid username or password"})
                login(request, user)
            ''',
        'auth.py': '''
            import bcrypt

            PASSWORD_MIN_LENGTH = 12
            PASSWORD_RESET_TIMEOUT = 3600


            def hash_password(password: str) -> bytes:
                return bcrypt.hashpw(password.encode(), bcrypt.gensalt(rounds=12))


            def check_password(password: str, hashed: bytes) -> bool:
                return bcrypt.checkpw(password.encode(), hashed)
            ''',
        'login.html': '''
            <form method="post" action="/login">
              <label for="email">Email</label>
              <input id="email" name="email" type="email" autocomplete="username" required>
              <label for="password">Password</label>
              <input id="password" name="password" type="password" autocomplete="current-password" minlength="12" required>
              <button type="submit">Sign in</button>
              <a href="/password/reset">Forgot your password?</a>
            </form>
            ''',
        'LoginForm.tsx': '''
            import { useState } from "react";

            export function LoginForm({ onSubmit }: { onSubmit: (u: string, p: string) => void }) {
              const [username, setUsername] = useState("");
              const [password, setPassword] = useState("");
              return (
                <form onSubmit={(e) => { e.preventDefault(); onSubmit(username, password); }}>
                  <input value={username} onChange={(e) => setUsername(e.target.value)} />
                  <input type="password" value={password} onChange={(e) => setPassword(e.target.value)} />
                </form>
              );
            }
            ''',
        'PasswordPolicy.java': '''
            public final class PasswordPolicy {
                public static final int MIN_LENGTH = 12;
                public static final String PASSWORD_PATTERN = "^(?=.*[0-9])(?=.*[a-z])(?=.*[A-Z]).{12,}$";

                public boolean isValid(String password) {
                    return password != null && password.matches(PASSWORD_PATTERN);
                }
            }
            ''',
        'user.go': '''
            package user

            import "golang.org/x/crypto/bcrypt"

            type Credentials struct {
            \tUsername string `json:"username"`
            \tPassword string `json:"password"`
            }

            func (c Credentials) Verify(hash []byte) error {
            \treturn bcrypt.CompareHashAndPassword(hash, []byte(c.Password))
            }
            ''',
        'schema.sql': '''
            CREATE TABLE users (
                id BIGSERIAL PRIMARY KEY,
                email TEXT UNIQUE NOT NULL,
                password_hash VARCHAR(255) NOT NULL,
                password_changed_at TIMESTAMPTZ,
                api_token_hash CHAR(64),
                reset_token_expires_at TIMESTAMPTZ
            );
            ''',
        'user_model.rb': '''
            class User < ApplicationRecord
              has_secure_password
              validates :password, length: { minimum: 12 }, if: -> { password.present? }

              def self.authenticate(email, password)
                find_by(email: email)&.authenticate(password)
              end
            end
            ''',
        'AuthController.php': '''
            <?php
            class AuthController
            {
                public function login(Request $request)
                {
                    $credentials = $request->validate(['email' => 'required|email', 'password' => 'required|string|min:12']);
                    if (!Auth::attempt($credentials)) {
                        return back()->withErrors(['password' => 'The provided password is incorrect.']);
                    }
                }
            }
            ''',
        'AccountService.cs': '''
            public class AccountService
            {
                private readonly IPasswordHasher<User> _hasher;

                public bool Verify(User user, string password)
                {
                    var result = _hasher.VerifyHashedPassword(user, user.PasswordHash, password);
                    return result != PasswordVerificationResult.Failed;
                }
            }
            ''',
        'tokens.py': '''
            import secrets

            TOKEN_BYTES = 32
            TOKEN_TYPE = "Bearer"
            AUTH_HEADER = "Authorization"


            def new_api_token() -> str:
                return secrets.token_urlsafe(TOKEN_BYTES)


            def new_secret() -> str:
                return secrets.token_hex(32)
            ''',
        'schemas.py': '''
            from pydantic import BaseModel, Field, SecretStr


            class SignupRequest(BaseModel):
                email: str
                password: SecretStr = Field(..., min_length=12, max_length=128)
                password_confirm: SecretStr
            ''',
        'forms.py': '''
            from django import forms


            class PasswordChangeForm(forms.Form):
                old_password = forms.CharField(widget=forms.PasswordInput)
                new_password1 = forms.CharField(widget=forms.PasswordInput, min_length=12)
                new_password2 = forms.CharField(widget=forms.PasswordInput)
            ''',
        'validators.js': '''
            export function validatePassword(password) {
              if (!password) return "Password is required";
              if (password.length < 12) return "Password must be at least 12 characters";
              if (password === password.toLowerCase()) return "Password needs an uppercase letter";
              return null;
            }
            ''',
        'reset_password.py': '''
            def reset_password(user, token: str, new_password: str) -> None:
                if not token_is_valid(user, token):
                    raise PermissionError("reset token expired")
                user.set_password(new_password)
                user.save(update_fields=["password"])
                logger.info("password reset for user %s", user.pk)
            ''',
        'SecurityConfig.java': '''
            @Bean
            public PasswordEncoder passwordEncoder() {
                return new BCryptPasswordEncoder(12);
            }

            @Bean
            public UserDetailsService users(DataSource ds) {
                return new JdbcUserDetailsManager(ds);
            }
            ''',
        'password_test.go': '''
            func TestRejectsShortPassword(t *testing.T) {
            \tif err := Validate("short"); err == nil {
            \t\tt.Fatal("expected error for a short password")
            \t}
            }
            ''',
        'api_client.py': '''
            class ApiClient:
                def __init__(self, api_key: str | None = None, token: str | None = None):
                    self.api_key = api_key or load_api_key()
                    self.token = token
                    self.headers = {"Authorization": f"Bearer {self.token}"} if token else {}
            ''',
        'keychain.swift': '''
            func savePassword(_ password: String, account: String) throws {
                let query: [String: Any] = [
                    kSecClass as String: kSecClassGenericPassword,
                    kSecAttrAccount as String: account,
                    kSecValueData as String: password.data(using: .utf8)!,
                ]
                SecItemAdd(query as CFDictionary, nil)
            }
            ''',
        'middleware.ts': '''
            export function requireApiKey(req: Request): boolean {
              const apiKey = req.headers.get("x-api-key");
              const expected = process.env.API_KEY;
              return !!apiKey && !!expected && timingSafeEqual(apiKey, expected);
            }
            ''',
        'constants.py': '''
            PASSWORD_FIELD = "password"
            TOKEN_FIELD = "access_token"
            SECRET_NAME = "prod/ledger/db-password"
            API_KEY_HEADER = "X-API-Key"
            PASSWORD_HASHERS = ["django.contrib.auth.hashers.Argon2PasswordHasher"]
            ''',
        'mask.py': '''
            SENSITIVE = {"password", "secret", "token", "api_key", "authorization"}


            def mask(record: dict) -> dict:
                return {k: ("***" if k.lower() in SENSITIVE else v) for k, v in record.items()}
            ''',
        'settings_schema.yaml': '''
            properties:
              password:
                type: string
                format: password
                writeOnly: true
              api_key:
                type: string
                description: API key issued in the dashboard
            ''',
        'user.proto': '''
            message LoginRequest {
              string username = 1;
              string password = 2;
              string otp_code = 3;
            }
            ''',
        'graphql-schema.graphql': '''
            type Mutation {
              login(email: String!, password: String!): AuthPayload
              rotateApiKey(id: ID!): ApiKey
            }
            ''',
        'ldap_auth.py': '''
            def bind(conn, user_dn: str, password: str) -> bool:
                if not password:
                    return False  # an empty password would be an anonymous bind
                return conn.simple_bind_s(user_dn, password)
            ''',
        'crypto_util.ts': '''
            export async function deriveKey(password: string, salt: Uint8Array) {
              const base = await crypto.subtle.importKey("raw", new TextEncoder().encode(password), "PBKDF2", false, ["deriveKey"]);
              return crypto.subtle.deriveKey({ name: "PBKDF2", salt, iterations: 600_000, hash: "SHA-256" }, base,
                { name: "AES-GCM", length: 256 }, false, ["encrypt", "decrypt"]);
            }
            ''',
        'docker-login.sh': '''
            #!/bin/sh
            read -r -s -p "Registry password: " REGISTRY_PASSWORD
            echo "$REGISTRY_PASSWORD" | docker login registry.orbitpay.io -u "$USER" --password-stdin
            ''',
        'password_strength.rs': '''
            pub fn strength(password: &str) -> u8 {
                let mut score = 0;
                if password.len() >= 12 { score += 1; }
                if password.chars().any(|c| c.is_ascii_digit()) { score += 1; }
                score
            }
            ''',
        'api_keys_controller.rb': '''
            class ApiKeysController < ApplicationController
              def create
                key = current_user.api_keys.create!(name: params[:name])
                render json: { id: key.id, token: key.plaintext_token_once }
              end
            end
            ''',
        'audit.log.py': '''
            logger.warning("failed login for %s: wrong password", username)
            logger.info("api key %s rotated", key_id)
            logger.info("token refreshed; expires_in=%d", expires_in)
            ''',
        'session.js': '''
            app.use(session({
              secret: process.env.SESSION_SECRET,
              resave: false,
              saveUninitialized: false,
              cookie: { secure: true, httpOnly: true },
            }));
            ''',
        'config_loader.py': '''
            def load(path):
                cfg = yaml.safe_load(open(path))
                password = cfg["database"]["password"]
                api_key = cfg.get("api_key") or os.environ["API_KEY"]
                return Config(password=password, api_key=api_key)
            ''',
        'oauth.py': '''
            token_url = "https://oauth2.googleapis.com/token"
            grant_type = "refresh_token"
            client_secret = settings.GOOGLE_CLIENT_SECRET
            refresh_token = user.credentials.refresh_token
            ''',
        'Secrets.kt': '''
            data class DbConfig(val url: String, val user: String, val password: String)

            fun dbConfig() = DbConfig(
                url = System.getenv("DB_URL"),
                user = System.getenv("DB_USER"),
                password = System.getenv("DB_PASSWORD"),
            )
            ''',
        'test_auth.py': '''
            def test_login_rejects_wrong_password(client, user):
                resp = client.post("/login", data={"email": user.email, "password": "wrong"})
                assert resp.status_code == 401
            ''',
        'password-reset.html': '''
            <p>We received a request to reset the password for your account.</p>
            <p><a href="{{ reset_url }}">Choose a new password</a> — this link expires in 60 minutes.</p>
            ''',
        'nginx-auth.conf': '''
            location /admin {
                auth_basic "Restricted";
                auth_basic_user_file /etc/nginx/.htpasswd;
            }
            ''',
        'sshd_config': '''
            PasswordAuthentication no
            PermitRootLogin prohibit-password
            PubkeyAuthentication yes
            AuthorizedKeysFile .ssh/authorized_keys
            ''',
        'pam_pwquality.conf': '''
            minlen = 14
            dcredit = -1
            ucredit = -1
            retry = 3
            ''',
        'redis_client.go': '''
            rdb := redis.NewClient(&redis.Options{
            \tAddr:     os.Getenv("REDIS_ADDR"),
            \tPassword: os.Getenv("REDIS_PASSWORD"),
            \tDB:       0,
            })
            ''',
        'PasswordField.vue': '''
            <template>
              <input :type="show ? 'text' : 'password'" v-model="password" placeholder="Enter your password" />
            </template>
            <script setup>
            import { ref } from "vue";
            const password = ref("");
            const show = ref(false);
            </script>
            ''',
        'docs-auth.md': '''
            ## Authentication

            Send your API key in the `X-API-Key` header. Keys are shown once when created;
            store them in a password manager. Passwords must be at least 12 characters.
            ''',
        'hash_cli.py': '''
            import argparse
            import getpass

            from argon2 import PasswordHasher

            ap = argparse.ArgumentParser()
            ap.add_argument("--password", help="password to hash (prompted if omitted)")
            args = ap.parse_args()
            print(PasswordHasher().hash(args.password or getpass.getpass()))
            ''',
        'models.ts': '''
            export interface User {
              id: string;
              email: string;
              passwordHash: string;
              apiKeyPrefix: string | null;
            }
            ''',
        'mysql_conn.py': '''
            conn = pymysql.connect(host=cfg.host, user=cfg.user, password=cfg.password, database=cfg.db)
            ''',
        'token_bucket.py': '''
            class TokenBucket:
                def __init__(self, capacity: int, refill_rate: float):
                    self.capacity = capacity
                    self.tokens = capacity
                    self.refill_rate = refill_rate
            ''',
    }
    for name, text in P.items():
        c.neg(cat, name, dedent(text))


# ---------------------------------------------------------------- hashes in build files
def build_hashes(c: Corpus) -> None:
    cat = 'build-hashes'
    for i, img in enumerate(['python:3.12-slim', 'node:20-alpine', 'golang:1.22', 'gcr.io/distroless/static-debian12', 'nginx:1.27-alpine']):
        c.neg(cat, f'Dockerfile.{i}', f'FROM {img}@sha256:{hx("digest" + img)} AS build\nWORKDIR /src\nCOPY . .\nRUN make build\n'
              f'FROM gcr.io/distroless/base@sha256:{hx("base" + img)}\nCOPY --from=build /src/bin/app /app\nENTRYPOINT ["/app"]\n')
    for i in range(4):
        steps = '\n'.join(f'      - uses: {a}@{hx(a + str(i), 40)} # {v}' for a, v in
                          [('actions/checkout', 'v4.1.7'), ('actions/setup-python', 'v5.1.0'), ('docker/build-push-action', 'v5.4.0'),
                           ('github/codeql-action/upload-sarif', 'v3.25.8')])
        c.neg(cat, f'pinned-workflow-{i}.yml', f'name: build\non: [push]\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n{steps}\n')
    for i in range(3):
        out = ['# This file is maintained automatically by "terraform init".', '# Manual edits may be lost in future updates.', '']
        for p, v in [('hashicorp/aws', '5.53.0'), ('hashicorp/random', '3.6.2'), ('cloudflare/cloudflare', '4.34.0')][: i + 1]:
            out += [f'provider "registry.terraform.io/{p}" {{', f'  version = "{v}"', '  hashes = [',
                    f'    "h1:{base64.b64encode(hashlib.sha256((p + v).encode()).digest()).decode()}",'] + [
                    f'    "zh:{hx(p + v + str(k))}",' for k in range(5)] + ['  ]', '}', '']
        c.neg(cat, f'terraform.lock-{i}.hcl', '\n'.join(out))
    c.neg(cat, 'flake.lock', json.dumps({'nodes': {'nixpkgs': {'locked': {'lastModified': 1717786204, 'narHash': integrity('nixpkgs', 'sha256'),
                                                                         'owner': 'NixOS', 'repo': 'nixpkgs', 'rev': hx('nixrev', 40), 'type': 'github'}},
                                                   'root': {'inputs': {'nixpkgs': 'nixpkgs'}}}, 'root': 'root', 'version': 7}, indent=2))
    c.neg(cat, 'Chart.lock', f'dependencies:\n- name: postgresql\n  repository: oci://registry-1.docker.io/bitnamicharts\n  version: 15.5.6\ndigest: sha256:{hx("chartlock")}\ngenerated: "2024-06-10T09:12:33.1847Z"\n')
    c.neg(cat, 'kustomization.yaml', f'images:\n  - name: registry.orbitpay.io/api\n    digest: sha256:{hx("kust1")}\n  - name: registry.orbitpay.io/worker\n    digest: sha256:{hx("kust2")}\n')
    c.neg(cat, 'MODULE.bazel.lock', json.dumps({'lockFileVersion': 11, 'registryFileHashes': {
        f'https://bcr.bazel.build/modules/{m}/source.json': hx('bcr' + m) for m in ['rules_cc/0.0.9', 'platforms/0.0.10', 'abseil-cpp/20240116.2']}}, indent=2))
    c.neg(cat, 'renovate.json', json.dumps({'extends': ['config:recommended', 'helpers:pinGitHubActionDigests'],
                                            'packageRules': [{'matchDepTypes': ['action'], 'pinDigests': True}]}, indent=2))
    c.neg(cat, 'skaffold-build.json', json.dumps({'builds': [{'imageName': 'api', 'tag': f'registry.orbitpay.io/api:v2.8.1@sha256:{hx("sk1")}'},
                                                             {'imageName': 'web', 'tag': f'registry.orbitpay.io/web:v2.8.1@sha256:{hx("sk2")}'}]}, indent=2))
    c.neg(cat, 'go.work.sum', '\n'.join(f'{n} {v} h1:{base64.b64encode(hashlib.sha256((n + v + "work").encode()).digest()).decode()}' for n, v in GO[:6]))
    c.neg(cat, 'docker-bake.hcl', f'target "api" {{\n  context = "."\n  cache-from = ["type=registry,ref=registry.orbitpay.io/api:cache"]\n  args = {{\n    BASE_DIGEST = "sha256:{hx("bake")}"\n  }}\n}}\n')
    c.neg(cat, 'package.json', json.dumps({'name': 'web', 'version': '1.0.0', 'packageManager': f'pnpm@9.3.0+sha512.{hx("pnpm", 128)}',
                                           'scripts': {'build': 'vite build'}}, indent=2))
    c.neg(cat, 'image-sbom.spdx.json', json.dumps({'spdxVersion': 'SPDX-2.3', 'packages': [
        {'name': n, 'versionInfo': v, 'checksums': [{'algorithm': 'SHA256', 'checksumValue': hx('spdx' + n)}]} for n, v in PY[:6]]}, indent=2))
    c.neg(cat, 'build-info.properties', f'build.version=2.8.1\nbuild.commit={hx("buildcommit", 40)}\nbuild.tree={hx("buildtree", 40)}\nbuild.time=2024-06-10T09:12:33Z\n')


# ---------------------------------------------------------------- long identifiers that are not secrets
def identifiers(c: Corpus) -> None:
    cat = 'identifiers'
    c.neg(cat, 'iam-policy.json', json.dumps({'Version': '2012-10-17', 'Statement': [{'Effect': 'Allow', 'Action': ['s3:GetObject', 's3:PutObject'],
                                              'Resource': ['arn:aws:s3:::orbitpay-reports-prod/*']}, {'Effect': 'Allow', 'Action': 'kms:Decrypt',
                                              'Resource': 'arn:aws:kms:eu-west-1:481516234200:key/1f2e3d4c-5b6a-4978-8a9b-0c1d2e3f4a5b'}]}, indent=2))
    for i in range(3):
        res = [{'type': 'aws_instance', 'name': f'web{k}', 'instances': [{'attributes': {
            'id': f'i-0{hx(f"inst{i}{k}", 16)}', 'ami': f'ami-0{hx(f"ami{i}", 16)}', 'subnet_id': f'subnet-0{hx(f"sub{k}", 16)}',
            'vpc_security_group_ids': [f'sg-0{hx(f"sg{i}{k}", 16)}'], 'arn': f'arn:aws:ec2:eu-west-1:481516234200:instance/i-0{hx(f"inst{i}{k}", 16)}',
            'private_ip': f'10.40.{i}.{k + 10}'}}]} for k in range(3)]
        c.neg(cat, f'terraform-{i}.tfstate', json.dumps({'version': 4, 'terraform_version': '1.8.5', 'serial': 42 + i,
                                                         'lineage': uuid(f'lineage{i}'), 'outputs': {}, 'resources': res}, indent=2))
    c.neg(cat, 'analytics.html', dedent('''
        <script async src="https://www.googletagmanager.com/gtag/js?id=G-7QX2K9LM4B"></script>
        <script>
          window.dataLayer = window.dataLayer || [];
          function gtag(){dataLayer.push(arguments);}
          gtag('js', new Date());
          gtag('config', 'G-7QX2K9LM4B');
          gtag('config', 'UA-48151623-1');
          gtag('config', 'AW-1048576210');
        </script>
        '''))
    c.neg(cat, 'stripe-objects.json', json.dumps({'customer': 'cus_Q2kZ8xTnW4vLbM', 'payment_intent': 'pi_3PBx2L2eZvKYlo2C1Xv8aQ3T',
                                                  'charge': 'ch_3PBx2L2eZvKYlo2C1Xv8aQ3T', 'subscription': 'sub_1PBx2L2eZvKYlo2CqW3rT5yU',
                                                  'price': 'price_1PBx2L2eZvKYlo2CkJ8hG6fD', 'event': 'evt_1PBx2L2eZvKYlo2Cz9X8c7V6'}, indent=2))
    c.neg(cat, 'stripe-publishable.js', 'const stripe = Stripe("pk_live_51PBx2L2eZvKYlo2CqZ8xTnW4vLbMk3R7yU1oP5aS9dF2gH6jK0lZ4xC8vB1nM5qW9eR3tY7uI2oP6aS0dF4gH8jK2lZ6xC0vB4n00aBcDeFgH");\n// publishable keys are meant for the browser\n')
    c.neg(cat, 'sentry-browser.js', 'Sentry.init({\n  dsn: "https://4f1e2d3c4b5a69788796a5b4c3d2e1f0@o481516.ingest.sentry.io/4504827716075520",\n  tracesSampleRate: 0.1,\n});\n')
    c.neg(cat, 'google-oauth-client.json', json.dumps({'web': {'client_id': '881204417736-q1v4f0cs0mk6l1ah7g2e5un1qpb3k0d8.apps.googleusercontent.com',
                                                               'project_id': 'orbit-web', 'redirect_uris': ['https://orbitpay.io/oauth/callback']}}, indent=2))
    c.neg(cat, 'mapbox-public.js', 'mapboxgl.accessToken = "pk.eyJ1Ijoib3JiaXRwYXkiLCJhIjoiY2x4MmZ6a3Z6MGJ3cjJrcGZ0d3h5N2JxbiJ9.Q2kZ8xTnW4vLbMk3R7yU1o";\n// public (pk.) token, URL-restricted to orbitpay.io\n')
    c.neg(cat, 'twilio-sids.md', '| resource | SID |\n|---|---|\n| account | AC1f8b2c7d9e0a4b3c5d6e7f8a9b0c1d2e |\n| messaging service | MG7d2e1f0a9b8c7d6e5f4a3b2c1d0e9f8a |\n| phone number | PN0a1b2c3d4e5f60718293a4b5c6d7e8f9 |\n')
    c.neg(cat, 'slack-ids.yaml', 'channels:\n  alerts: C05AB1CD2EF\n  deploys: C06GH3IJ4KL\nusers:\n  oncall: U04MN5OP6QR\nteam: T01ST7UV8WX\napp_id: A07YZ9AB0CD\n')
    c.neg(cat, 'discord-ids.json', json.dumps({'guild_id': '1048576210481516234', 'channel_id': '1123581321345589144', 'role_ids': ['987654321012345678', '876543210987654321']}, indent=2))
    c.neg(cat, 'mongo-export.json', '\n'.join(json.dumps({'_id': {'$oid': hx(f'oid{k}', 24)}, 'sku': f'SKU-{hx(f"sku{k}", 8).upper()}', 'qty': k}) for k in range(15)))
    c.neg(cat, 'traces.json', json.dumps([{'traceparent': f'00-{hx(f"tr{k}", 32)}-{hx(f"sp{k}", 16)}-01', 'service': 'api', 'duration_ms': 12 + k} for k in range(10)], indent=1))
    c.neg(cat, 'crypto-addresses.md', '# Donations\n\n- BTC: bc1qxy2kgdygjrsqtzq2n0yrf2493p83kkfjhx0wlh\n- ETH: 0x71C7656EC7ab88b098defB751B7401B5f6d8976F\n')
    c.neg(cat, 'ipfs-pins.txt', '\n'.join(f'bafybei{hx(f"cid{k}", 52)} site/build-{k}' for k in range(8)))
    c.neg(cat, 'youtube-embeds.md', '\n'.join(f'- [Talk {k}](https://www.youtube.com/watch?v={base64.urlsafe_b64encode(blob(f"yt{k}", 8)).decode()[:11]})' for k in range(8)))
    c.neg(cat, 'github-graphql.json', json.dumps({'data': {'repository': {'id': 'R_kgDOJ8x2Lw', 'issues': {'nodes': [
        {'id': f'I_kwDOJ8x2L85{hx(f"iss{k}", 9)}', 'number': k + 100} for k in range(5)]}}}}, indent=2))
    c.neg(cat, 's3-buckets.txt', '\n'.join(['orbitpay-reports-prod', 'orbitpay-build-artifacts', 'orbitpay-logs-481516234200-eu-west-1',
                                            'cf-templates-1x2y3z4w5v6u-eu-west-1', 'elasticbeanstalk-eu-west-1-481516234200']))
    c.neg(cat, 'android-manifest.xml', '<manifest package="io.orbitpay.wallet">\n  <application android:label="Orbit">\n    <meta-data android:name="com.google.android.geo.API_VERSION" android:value="2" />\n  </application>\n</manifest>\n')
    c.neg(cat, 'css-modules.json', json.dumps({f'{n}': f'{n}_{hx("cssmod" + n, 5)}__{base64.urlsafe_b64encode(blob("cm" + n, 4)).decode()[:5]}' for n in ['button', 'card', 'header', 'nav', 'footer', 'modal']}, indent=2))
    c.neg(cat, 'k8s-events.txt', '\n'.join(f'{k}m  Normal  Pulled  pod/api-7d9f8b6c5-{hx(f"ev{k}", 5)}  Successfully pulled image "registry.orbitpay.io/api@sha256:{hx(f"evimg{k}")}"' for k in range(6)))
    c.neg(cat, 'azure-resource-ids.txt', '\n'.join(f'/subscriptions/{uuid("sub")}/resourceGroups/rg-orbit-prod/providers/Microsoft.{t}' for t in
                                                   ['Web/sites/orbit-api', 'Storage/storageAccounts/orbitfuncstore', 'KeyVault/vaults/orbit-kv', 'Sql/servers/orbit-sql']))
    c.neg(cat, 'gcp-resources.yaml', f'project: orbitpay-prod-381207\nserviceAccount: bq-export@orbitpay-prod-381207.iam.gserviceaccount.com\nkmsKey: projects/orbitpay-prod-381207/locations/europe-west1/keyRings/app/cryptoKeys/data\nbucket: gs://orbitpay-exports-{hx("gcsb", 8)}\n')
    c.neg(cat, 'cloudfront.json', json.dumps({'DistributionId': 'E2QWRT5Y7U9I1O', 'DomainName': 'd1x2y3z4w5v6u7.cloudfront.net', 'ETag': 'E3ABCD1EFGH2IJ', 'CallerReference': uuid('cf')}, indent=2))
    c.neg(cat, 'license-keys-format.md', 'License keys look like `XXXXX-XXXXX-XXXXX-XXXXX-XXXXX`; we validate the format with `^[A-Z0-9]{5}(-[A-Z0-9]{5}){4}$`.\n')
    c.neg(cat, 'request-ids.log', '\n'.join(f'req_id={hx(f"rq{k}", 32)} correlation_id={uuid(f"corr{k}")} status=200' for k in range(12)))
    c.neg(cat, 'etags.txt', '\n'.join(f'W/"{hx(f"etag{k}", 40)}" /assets/{k}.json' for k in range(10)))
    c.neg(cat, 'ecr-images.json', json.dumps({'imageIds': [{'imageDigest': f'sha256:{hx(f"ecr{k}")}', 'imageTag': f'v2.8.{k}'} for k in range(5)]}, indent=2))
    c.neg(cat, 'firebase.json', json.dumps({'hosting': {'public': 'dist', 'site': 'orbit-mobile-31b2c', 'ignore': ['firebase.json', '**/.*']}}, indent=2))
    c.neg(cat, 'vscode-extensions.json', json.dumps({'recommendations': ['ms-python.python', 'dbaeumer.vscode-eslint', 'esbenp.prettier-vscode']}, indent=2))
    c.neg(cat, 'nuget-packages.lock.json', json.dumps({'version': 1, 'dependencies': {'net8.0': {n: {'type': 'Direct', 'requested': f'[{v}, )', 'resolved': v,
                                                      'contentHash': base64.b64encode(hashlib.sha512((n + v).encode()).digest()).decode()} for n, v in
                                                      [('Newtonsoft.Json', '13.0.3'), ('Serilog', '4.0.0'), ('Dapper', '2.1.35')]}}}, indent=2))
    c.neg(cat, 'jira-export.csv', 'Issue key,Issue id,Summary\n' + '\n'.join(f'LEDGER-{100 + k},{10000 + k},Rotate key for integration {k}' for k in range(10)))
    c.neg(cat, 'ulids.txt', '\n'.join(f'01HZ{base64.b32encode(blob(f"ulid{k}", 15)).decode()[:22]}' for k in range(10)))
    c.neg(cat, 'shortlinks.csv', 'slug,target\n' + '\n'.join(f'{base64.urlsafe_b64encode(blob(f"sl{k}", 6)).decode()},https://orbitpay.io/p/{k}' for k in range(12)))
    c.neg(cat, 'hash-routes.ts', 'export const routes = {\n' + '\n'.join(f'  "{hx(f"route{k}", 12)}": () => import("./pages/page{k}"),' for k in range(8)) + '\n};\n')
    c.neg(cat, 'feature-flags.json', json.dumps({'flags': [{'key': f'flag-{k}', 'id': hx(f'ff{k}', 24), 'variation': uuid(f'var{k}')} for k in range(6)]}, indent=2))
    c.neg(cat, 'aws-account-map.yaml', 'accounts:\n  prod: "481516234200"\n  staging: "112358132134"\n  sandbox: "271828182845"\norganization: o-a1b2c3d4e5\n')
    c.neg(cat, 'sha-pinned-deps.txt', '\n'.join(f'git+https://github.com/orbitpay/{n}.git@{hx("pin" + n, 40)}#egg={n}' for n in ['orbit-common', 'orbit-auth', 'orbit-events']))
    c.neg(cat, 'color-palette.scss', '\n'.join(f'$color-{k}: #{hx(f"pal{k}", 6)};' for k in range(24)))
    c.neg(cat, 'fingerprints.txt', '\n'.join(f'SHA256:{base64.b64encode(blob(f"fp{k}", 32)).decode().rstrip("=")} {h} (ED25519)' for k, h in enumerate(['github.com', 'gitlab.orbitpay.io', 'bastion'])))
    c.neg(cat, 'wasm-hashes.json', json.dumps({f'pkg/{n}_bg.wasm': f'sha384-{base64.b64encode(hashlib.sha384(n.encode()).digest()).decode()}' for n in ['parser', 'render', 'crypto']}, indent=2))
    c.neg(cat, 'apple-ids.plist', '<plist version="1.0"><dict>\n  <key>TeamID</key><string>9QX4K2M7LZ</string>\n  <key>BundleID</key><string>io.orbitpay.wallet</string>\n  <key>AppStoreID</key><string>1488923401</string>\n</dict></plist>\n')
    c.neg(cat, 'git-lfs-pointer.bin', f'version https://git-lfs.github.com/spec/v1\noid sha256:{hx("lfs")}\nsize 4815162\n')


# ---------------------------------------------------------------- ordinary source code
def source_code(c: Corpus) -> None:
    cat = 'source-code'
    k_consts = ', '.join(f'0x{hx(f"k{k}", 8)}' for k in range(16))
    S = {
        'quicksort.py': '''
            def quicksort(xs):
                if len(xs) <= 1:
                    return xs
                pivot, *rest = xs
                return quicksort([x for x in rest if x < pivot]) + [pivot] + quicksort([x for x in rest if x >= pivot])
            ''',
        'sha256_consts.c': 'static const uint32_t K[16] = {\n    ' + k_consts + '\n};\n',
        'crc_table.go': 'package crc\n\nvar table = [...]uint32{\n' + '\n'.join('\t' + ', '.join(f'0x{hx(f"crc{r}{k}", 8)}' for k in range(8)) + ',' for r in range(6)) + '\n}\n',
        'base64_test.py': '''
            import base64


            def test_roundtrip():
                assert base64.b64encode(b"hello world") == b"aGVsbG8gd29ybGQ="
                assert base64.b64decode("T3JiaXRQYXkgaXMgZ3JlYXQ=") == b"OrbitPay is great"
            ''',
        'token_patterns.py': '''
            import re

            # Validate the *shape* of user-supplied tokens before calling the API.
            GITHUB_TOKEN_RE = re.compile(r"^gh[pousr]_[A-Za-z0-9]{36}$")
            SLACK_TOKEN_RE = re.compile(r"^xox[baprs]-[0-9A-Za-z-]{10,}$")
            AWS_KEY_ID_RE = re.compile(r"^(AKIA|ASIA)[A-Z2-7]{16}$")
            ''',
        'router.go': '''
            package main

            import (
            \t"net/http"

            \t"github.com/gin-gonic/gin"
            )

            func main() {
            \tr := gin.Default()
            \tr.GET("/healthz", func(c *gin.Context) { c.String(http.StatusOK, "ok") })
            \tr.Run(":8080")
            }
            ''',
        'OrderService.java': '''
            package io.orbitpay.orders;

            public class OrderService {
                private final OrderRepository repo;

                public OrderService(OrderRepository repo) {
                    this.repo = repo;
                }

                public Order place(Cart cart) {
                    Order order = Order.from(cart);
                    return repo.save(order);
                }
            }
            ''',
        'useDebounce.ts': '''
            import { useEffect, useState } from "react";

            export function useDebounce<T>(value: T, delayMs = 300): T {
              const [debounced, setDebounced] = useState(value);
              useEffect(() => {
                const id = setTimeout(() => setDebounced(value), delayMs);
                return () => clearTimeout(id);
              }, [value, delayMs]);
              return debounced;
            }
            ''',
        'invoice.rb': '''
            class Invoice
              attr_reader :lines

              def initialize(lines)
                @lines = lines
              end

              def total
                lines.sum { |l| l.quantity * l.unit_price }
              end
            end
            ''',
        'Cart.php': '''
            <?php
            final class Cart
            {
                private array $items = [];

                public function add(string $sku, int $qty): void
                {
                    $this->items[$sku] = ($this->items[$sku] ?? 0) + $qty;
                }
            }
            ''',
        'Matrix.cs': '''
            public readonly struct Matrix2
            {
                public readonly double A, B, C, D;
                public Matrix2(double a, double b, double c, double d) => (A, B, C, D) = (a, b, c, d);
                public double Determinant => A * D - B * C;
            }
            ''',
        'lib.rs': '''
            pub fn fib(n: u64) -> u64 {
                let (mut a, mut b) = (0, 1);
                for _ in 0..n {
                    (a, b) = (b, a + b);
                }
                a
            }
            ''',
        'build.sh': '''
            #!/usr/bin/env bash
            set -euo pipefail
            VERSION="$(git describe --tags --always)"
            go build -ldflags "-X main.version=${VERSION}" -o bin/app ./cmd/app
            ''',
        'Makefile': '''
            .PHONY: test lint
            test:
            \tpytest -q
            lint:
            \truff check .
            ''',
        'uuid_gen.py': '''
            import uuid

            NAMESPACE = uuid.UUID("6ba7b810-9dad-11d1-80b4-00c04fd430c8")


            def stable_id(name: str) -> str:
                return str(uuid.uuid5(NAMESPACE, name))
            ''',
        'hmac_verify.py': '''
            import hashlib
            import hmac


            def verify(secret: bytes, body: bytes, signature: str) -> bool:
                expected = hmac.new(secret, body, hashlib.sha256).hexdigest()
                return hmac.compare_digest(expected, signature)
            ''',
        'test_hmac.py': f'''
            def test_known_vector():
                # RFC 4231 test case 2
                key = b"Jefe"
                data = b"what do ya want for nothing?"
                assert hmac.new(key, data, hashlib.sha256).hexdigest() == "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"
            ''',
        'colors.ts': 'export const palette = {\n' + '\n'.join(f'  shade{k}: "#{hx(f"shade{k}", 6)}",' for k in range(12)) + '\n};\n',
        'lookup_table.js': 'export const GAMMA = [' + ', '.join(str(int(hx(f'g{k}', 2), 16)) for k in range(64)) + '];\n',
        'migration_0042.py': f'''
            from django.db import migrations, models


            class Migration(migrations.Migration):
                dependencies = [("billing", "0041_auto_20240510_1012")]
                operations = [migrations.AddField("invoice", "external_ref", models.CharField(max_length=64, default=""))]
            ''',
        'alembic_version.py': f'''
            """add payouts table

            Revision ID: {hx("alembic1", 12)}
            Revises: {hx("alembic0", 12)}
            Create Date: 2024-05-10 10:12:44.120315
            """
            revision = "{hx("alembic1", 12)}"
            down_revision = "{hx("alembic0", 12)}"
            ''',
        'snapshot.test.js.snap': f'''
            // Jest Snapshot v1, https://goo.gl/fbAQLP

            exports[`Button renders 1`] = `
            <button
              className="css-{hx("snap", 6)} e1x2y3z0"
              data-testid="btn-{hx("btn", 8)}"
            >
              Save
            </button>
            `;
            ''',
        'entropy.py': '''
            import math
            from collections import Counter


            def shannon(s: str) -> float:
                counts = Counter(s)
                return -sum(c / len(s) * math.log2(c / len(s)) for c in counts.values())
            ''',
        'nonce.go': '''
            package csp

            import (
            \t"crypto/rand"
            \t"encoding/base64"
            )

            func Nonce() string {
            \tb := make([]byte, 16)
            \t_, _ = rand.Read(b)
            \treturn base64.StdEncoding.EncodeToString(b)
            }
            ''',
        'Dockerfile': '''
            FROM python:3.12-slim
            WORKDIR /app
            COPY requirements.txt .
            RUN pip install --no-cache-dir -r requirements.txt
            COPY . .
            USER 1000
            CMD ["python", "-m", "app"]
            ''',
        'docker-compose.yml': '''
            services:
              web:
                build: .
                ports: ["8000:8000"]
                depends_on: [db]
              db:
                image: postgres:16
                volumes: ["pgdata:/var/lib/postgresql/data"]
            volumes:
              pgdata:
            ''',
        'main.tf': '''
            resource "aws_s3_bucket" "logs" {
              bucket = "orbitpay-logs-481516234200-eu-west-1"
            }

            resource "aws_s3_bucket_versioning" "logs" {
              bucket = aws_s3_bucket.logs.id
              versioning_configuration { status = "Enabled" }
            }
            ''',
        'workflow.yml': '''
            name: test
            on: [pull_request]
            jobs:
              test:
                runs-on: ubuntu-latest
                steps:
                  - uses: actions/checkout@v4
                  - uses: actions/setup-python@v5
                    with: {python-version: "3.12"}
                  - run: pip install -e .[test] && pytest
            ''',
        'pyproject.toml': '''
            [project]
            name = "orbit-ledger"
            version = "2.8.1"
            dependencies = ["django>=5.0", "celery[redis]>=5.4"]

            [tool.ruff]
            line-length = 120
            ''',
        'tsconfig.json': '{\n  "compilerOptions": {\n    "target": "ES2022",\n    "module": "ESNext",\n    "strict": true\n  }\n}\n',
        'settings.gradle.kts': 'rootProject.name = "orbit"\ninclude(":api", ":core", ":worker")\n',
        'nginx.conf': '''
            server {
                listen 80;
                server_name orbitpay.io;
                location / { proxy_pass http://127.0.0.1:8000; }
                add_header Content-Security-Policy "default-src 'self'; script-src 'self' 'nonce-$request_id'";
            }
            ''',
        'query.sql': '''
            SELECT c.id, c.email, SUM(i.total_cents) AS revenue
            FROM customers c JOIN invoices i ON i.customer_id = c.id
            WHERE i.paid_at >= NOW() - INTERVAL '30 days'
            GROUP BY c.id, c.email
            ORDER BY revenue DESC
            LIMIT 50;
            ''',
        'ansible-playbook.yml': '''
            - hosts: web
              become: true
              tasks:
                - name: install nginx
                  ansible.builtin.apt: {name: nginx, state: present}
                - name: start nginx
                  ansible.builtin.service: {name: nginx, state: started}
            ''',
        'kotlin-ext.kt': 'fun String.toSlug(): String = lowercase().replace(Regex("[^a-z0-9]+"), "-").trim(\'-\')\n',
        'app.swift': 'import SwiftUI\n\n@main\nstruct OrbitApp: App {\n    var body: some Scene { WindowGroup { ContentView() } }\n}\n',
        'shaders.glsl': 'precision mediump float;\nuniform vec2 u_resolution;\nvoid main() {\n  vec2 st = gl_FragCoord.xy / u_resolution;\n  gl_FragColor = vec4(st.x, st.y, 0.5, 1.0);\n}\n',
        'hashing.py': '''
            import hashlib


            def content_hash(data: bytes) -> str:
                return hashlib.sha256(data).hexdigest()


            EMPTY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
            EMPTY_MD5 = "d41d8cd98f00b204e9800998ecf8427e"
            ''',
        'fixtures.json': json.dumps([{'model': 'catalog.product', 'pk': k, 'fields': {'sku': f'SKU-{hx(f"fx{k}", 10).upper()}', 'checksum': hx(f'fxc{k}')}} for k in range(6)], indent=2),
        'i18n_keys.ts': 'export const keys = {\n  passwordLabel: "auth.password.label",\n  tokenExpired: "auth.token.expired",\n  apiKeyCreated: "settings.apiKey.created",\n};\n',
        'otp.py': '''
            import hmac
            import struct
            import time


            def totp(key: bytes, step: int = 30, digits: int = 6) -> str:
                counter = struct.pack(">Q", int(time.time()) // step)
                mac = hmac.new(key, counter, "sha1").digest()
                offset = mac[-1] & 0x0F
                code = (struct.unpack(">I", mac[offset:offset + 4])[0] & 0x7FFFFFFF) % 10 ** digits
                return str(code).zfill(digits)
            ''',
        'rfc6238_test.py': '''
            # RFC 6238 appendix B test seed (ASCII "12345678901234567890")
            SEED = b"12345678901234567890"
            assert totp_at(SEED, 59) == "94287082"
            ''',
        'proto_gen.pb.go': f'// Code generated by protoc-gen-go. DO NOT EDIT.\n\npackage pb\n\nvar file_orders_proto_rawDesc = []byte{{\n\t' +
                           ', '.join(f'0x{hx(f"pb{k}", 2)}' for k in range(48)) + ',\n}\n',
        'webpack.config.js': "module.exports = {\n  output: { filename: '[name].[contenthash:8].js', chunkFilename: '[id].[chunkhash].js' },\n};\n",
        'seeds.rb': 'Product.create!(name: "Widget", sku: "WID-001", price_cents: 1999)\nProduct.create!(name: "Gadget", sku: "GAD-002", price_cents: 4999)\n',
    }
    for name, text in S.items():
        c.neg(cat, name, dedent(text))


# ---------------------------------------------------------------- docs with placeholders
def docs(c: Corpus) -> None:
    cat = 'docs'
    D = {
        'api-quickstart.md': '''
            # Quickstart

            ```bash
            curl https://api.orbitpay.io/v1/payments \\
              -H "Authorization: Bearer $ORBIT_API_KEY" \\
              -H "Content-Type: application/json" \\
              -d '{"amount": 1000, "currency": "eur"}'
            ```

            Replace `$ORBIT_API_KEY` with the key from **Settings → API keys**.
            ''',
        'authentication.md': '''
            ## Authentication

            All requests need the header `X-API-Key: <YOUR_API_KEY>`.

                curl -H "X-API-Key: <YOUR_API_KEY>" https://api.orbitpay.io/v1/me
            ''',
        'webhooks.md': '''
            ## Verifying webhooks

            Compute `HMAC-SHA256(secret, timestamp + "." + body)` and compare it with the
            `Orbit-Signature` header. Your signing secret starts with `whsec_` and is shown
            once in the dashboard.
            ''',
        'SECURITY.md': '''
            # Security policy

            - Never commit `.env` files; copy `.env.example` to `.env` and edit it locally.
            - Never log API keys: `logger.info(f"API Key: {api_key}")` is forbidden.
            - Rotate a compromised key immediately, then remove it from history.
            - Report vulnerabilities to security@orbitpay.io.
            ''',
        'deploy.md': '''
            ## Deploying

            1. `export KUBECONFIG=~/.kube/prod`
            2. `vault login -method=oidc`
            3. `make deploy TOKEN=$(vault print token)`
            ''',
        'sdk-python.md': '''
            ```python
            import orbit

            client = orbit.Client(api_key=os.environ["ORBIT_API_KEY"])
            # or: orbit.Client(api_key="YOUR_API_KEY")
            ```
            ''',
        'sdk-node.md': '''
            ```js
            const orbit = require("orbit")(process.env.ORBIT_API_KEY);
            // never hardcode: require("orbit")("sk_live_...")
            ```
            ''',
        'ssh-setup.md': '''
            Generate a key with `ssh-keygen -t ed25519 -C "you@orbitpay.io"` and add the
            contents of `~/.ssh/id_ed25519.pub` (it starts with `ssh-ed25519 AAAA...`) to GitHub.
            ''',
        'faq.md': '''
            **Where is my password stored?** Only a bcrypt hash (`$2b$12$...`) is stored.

            **How long are tokens valid?** Access tokens expire after one hour; refresh tokens after 30 days.
            ''',
        'openapi.yaml': '''
            openapi: 3.0.3
            info: {title: Orbit API, version: "1.0"}
            components:
              securitySchemes:
                ApiKeyAuth: {type: apiKey, in: header, name: X-API-Key}
            paths:
              /v1/me:
                get:
                  security: [{ApiKeyAuth: []}]
                  parameters:
                    - name: Authorization
                      in: header
                      example: "Bearer <token>"
            ''',
        'rotation-runbook.md': '''
            # Rotating the database password

            1. `aws secretsmanager rotate-secret --secret-id prod/ledger/db`
            2. Wait for the `AWSCURRENT` stage to move.
            3. Restart the pods: `kubectl rollout restart deploy/ledger`.
            ''',
        'env-vars.md': '''
            | variable | description | example |
            |---|---|---|
            | `API_KEY` | partner API key | `pk_xxx` |
            | `DB_PASSWORD` | database password | *(secret, from Vault)* |
            | `JWT_SECRET` | HMAC secret | `openssl rand -hex 32` |
            ''',
        'curl-examples.md': '''
            ```
            curl -u "$USER:$PASSWORD" https://nexus.orbitpay.internal/service/rest/v1/status
            curl -H "PRIVATE-TOKEN: <your_access_token>" https://gitlab.orbitpay.io/api/v4/projects
            curl -H "Authorization: token ${GITHUB_TOKEN}" https://api.github.com/user
            ```
            ''',
        'jwt-explained.md': '''
            A JWT has three parts separated by dots: `header.payload.signature`, for example
            `eyJhbGciOi...` followed by a payload and a signature. Never paste production tokens into online decoders.
            ''',
        'CONTRIBUTING.md': '''
            # Contributing

            Run `pre-commit install` once. The hooks run `leakstop` and refuse commits that contain
            credentials. To test against the API, put your own key in `.env` (ignored by git).
            ''',
        'architecture.md': '''
            # Architecture

            The gateway validates the bearer token, looks up the tenant by the token's `kid`,
            and forwards the request with an internal `X-Tenant-Id` header.
            ''',
        'terraform-readme.md': '''
            ```hcl
            module "db" {
              source   = "./modules/db"
              password = var.db_password # pass with TF_VAR_db_password
            }
            ```
            ''',
        'docker-readme.md': '''
            ```bash
            docker run -e API_KEY="$API_KEY" -e DB_PASSWORD orbitpay/api:latest
            echo "$REGISTRY_TOKEN" | docker login ghcr.io -u USERNAME --password-stdin
            ```
            ''',
        'kubernetes-secrets.md': '''
            ```bash
            kubectl create secret generic api-credentials \\
              --from-literal=api-key="$API_KEY" \\
              --from-file=db-password=./db-password.txt
            ```
            ''',
        'man-page.txt': '''
            OPTIONS
                 --token TOKEN
                         API token. Defaults to the ORBIT_TOKEN environment variable.
                 --password-file FILE
                         Read the password from FILE instead of prompting.
            ''',
        'blog-post.md': '''
            # How we removed secrets from our repos

            We found 37 hardcoded keys with gitleaks, rotated every one of them, and moved the
            values into Vault. The commit that removed them is a good example of what *not* to do:
            rotating first matters more than rewriting history.
            ''',
        'release-notes.md': '''
            ## 2.8.1

            - Tokens are now redacted in logs (`ghp_****` instead of the full value).
            - `PASSWORD_MIN_LENGTH` raised to 12.
            - Fixed API key rotation when the old key had already expired.
            ''',
        'postman-guide.md': '''
            Set the collection variable `apiKey` to your key, then use `{{apiKey}}` in the
            `X-API-Key` header. Do not export environments with current values filled in.
            ''',
        'oauth-guide.md': '''
            1. Register an app to get a `client_id` and `client_secret`.
            2. Redirect users to `/oauth/authorize?client_id=YOUR_CLIENT_ID&response_type=code`.
            3. Exchange the code: `POST /oauth/token` with `client_secret=YOUR_CLIENT_SECRET`.
            ''',
        'cheatsheet.md': '''
            | task | command |
            |---|---|
            | new random secret | `openssl rand -base64 32` |
            | hash a password | `htpasswd -nbB user <password>` |
            | decode a JWT | `jq -R 'split(".") | .[1] | @base64d | fromjson' <<< "$TOKEN"` |
            ''',
    }
    for name, text in D.items():
        c.neg(cat, name, dedent(text))


# ---------------------------------------------------------------- CSV data
def data_csv(c: Corpus) -> None:
    cat = 'data-csv'
    for i in range(5):
        rows = ['order_id,customer,sku,qty,unit_price,tracking_number'] + [
            f'ORD-{20240000 + i * 100 + k},{["Ana Lima", "Ben Okafor", "Chen Wei", "Dana Kowalski"][k % 4]},SKU-{hx(f"csvsku{i}{k}", 8).upper()},{k % 5 + 1},{(k * 7) % 90 + 9}.99,1Z{hx(f"ups{i}{k}", 16).upper()}'
            for k in range(20)]
        c.neg(cat, f'orders-{i}.csv', '\n'.join(rows))
    for i in range(3):
        rows = ['file,size,sha256'] + [f'data/part-{k:05d}.parquet,{(k + 1) * 104857},{hx(f"parq{i}{k}")}' for k in range(15)]
        c.neg(cat, f'manifest-{i}.csv', '\n'.join(rows))
    for i in range(3):
        rows = ['user_id,signup_date,plan,referrer_code'] + [f'{100000 + i * 1000 + k},2024-0{k % 9 + 1}-{k % 28 + 1:02d},{["free", "pro", "team"][k % 3]},REF{hx(f"ref{i}{k}", 6).upper()}' for k in range(20)]
        c.neg(cat, f'users-export-{i}.csv', '\n'.join(rows))
    c.neg(cat, 'iban-test-data.csv', 'name,iban,bic\nAna Lima,DE89370400440532013000,COBADEFFXXX\nBen Okafor,GB82WEST12345698765432,NWBKGB2L\n')
    c.neg(cat, 'experiments.tsv', 'run_id\tmodel\tloss\tgit_sha\n' + '\n'.join(f'{hx(f"run{k}", 8)}\tresnet{18 + k}\t0.{k + 1}23\t{hx(f"gs{k}", 40)}' for k in range(10)))
    c.neg(cat, 'inventory.csv', 'sku,ean,location\n' + '\n'.join(f'SKU-{k:05d},{4006381333931 + k * 11},A{k % 9}-{k % 4}' for k in range(25)))
    c.neg(cat, 'password-policy-audit.csv', 'account,password_last_changed,mfa_enabled,password_expired\nana,2024-04-01,true,false\nben,2023-11-12,true,true\nchen,2024-05-20,false,false\n')


# ---------------------------------------------------------------- logs
def logs(c: Corpus) -> None:
    cat = 'logs'
    for i in range(5):
        lines = [f'2024-05-1{i}T08:{k:02d}:11.{k * 37 % 1000:03d}Z INFO request_id={uuid(f"log{i}{k}")} trace_id={hx(f"lt{i}{k}", 32)} method=GET path=/v1/orders/{k} status=200 duration_ms={k * 3 + 4}'
                 for k in range(20)]
        c.neg(cat, f'api-{i}.log', '\n'.join(lines))
    c.neg(cat, 'redacted.log', '\n'.join([
        '2024-05-12T10:00:01Z DEBUG outgoing headers: {"Authorization": "Bearer ****", "X-API-Key": "[REDACTED]"}',
        '2024-05-12T10:00:02Z INFO  login ok user=ana password=******** mfa=totp',
        '2024-05-12T10:00:03Z WARN  token=<redacted> expired; refreshing',
        '2024-05-12T10:00:04Z INFO  github token ghp_**************************** accepted (scopes: repo)']))
    c.neg(cat, 'deploy.log', '\n'.join([f'[deploy] building {hx("dep", 12)}', f'[deploy] pushed registry.orbitpay.io/api@sha256:{hx("deppush")}',
                                        f'[deploy] helm upgrade api --set image.tag={hx("dep", 40)}', '[deploy] waiting for rollout', '[deploy] done in 84s']))
    c.neg(cat, 'auth-failures.log', '\n'.join(f'May 12 03:1{k}:22 bastion sshd[{2000 + k}]: Failed password for invalid user admin from 203.0.113.{k + 5} port {40000 + k} ssh2' for k in range(8)))
    c.neg(cat, 'npm-debug.log', '\n'.join(['0 verbose cli /usr/local/bin/node /usr/local/bin/npm', '1 info using npm@10.7.0',
                                           f'2 http fetch GET 200 https://registry.npmjs.org/react 48ms (cache revalidated)',
                                           f'3 silly tarball integrity {integrity("react-npmdebug")}', '4 verbose exit 0']))
    c.neg(cat, 'ci-output.txt', '\n'.join(['Run actions/checkout@v4', f'  HEAD is now at {hx("ci", 7)} Merge pull request #812',
                                           'Run npm ci', 'added 812 packages in 14s', f'##[debug]Evaluating: secrets.NPM_TOKEN', '##[debug]Result: ***']))
    c.neg(cat, 'kube-audit.jsonl', '\n'.join(json.dumps({'auditID': uuid(f'audit{k}'), 'verb': 'get', 'objectRef': {'resource': 'secrets', 'name': 'api-credentials'},
                                                         'user': {'username': 'system:serviceaccount:prod:api'}}) for k in range(6)))
    c.neg(cat, 'pip-install.log', '\n'.join([f'Collecting {n}=={v}', f'  Downloading {n}-{v}-py3-none-any.whl', f'  Hash sha256:{hx("pipl" + n)}'][j] for n, v in PY[:6] for j in range(3)))
    c.neg(cat, 'vault-audit.log', json.dumps({'type': 'response', 'auth': {'accessor': 'hmac-sha256:' + hx('acc'), 'token_type': 'service'},
                                              'request': {'path': 'secret/data/ledger/db', 'client_token': 'hmac-sha256:' + hx('tok')}}))
    c.neg(cat, 'browser-console.txt', f'[HMR] connected\nDownload the React DevTools for a better development experience\nchunk {hx("chunkc", 8)} loaded in 23ms\n')


# ---------------------------------------------------------------- translations
def i18n(c: Corpus) -> None:
    cat = 'i18n'
    c.neg(cat, 'en.json', json.dumps({'auth': {'password': 'Password', 'enterPassword': 'Enter your password', 'forgot': 'Forgot password?',
                                               'apiKey': 'API key', 'tokenExpired': 'Your session token has expired.'}}, indent=2))
    c.neg(cat, 'fr.json', json.dumps({'auth': {'password': 'Mot de passe', 'enterPassword': 'Saisissez votre mot de passe',
                                               'secret': 'Clé secrète', 'token': "Jeton d'accès"}}, indent=2, ensure_ascii=False))
    c.neg(cat, 'de.po', 'msgid "Password"\nmsgstr "Passwort"\n\nmsgid "Enter your password"\nmsgstr "Geben Sie Ihr Passwort ein"\n\nmsgid "Secret key"\nmsgstr "Geheimer Schlüssel"\n')
    c.neg(cat, 'strings.xml', '<resources>\n  <string name="password_hint">Password</string>\n  <string name="api_key_label">API key</string>\n  <string name="token_invalid">Invalid token</string>\n</resources>\n')
    c.neg(cat, 'Localizable.strings', '"password.placeholder" = "Enter your password";\n"token.expired" = "Session expired. Please sign in again.";\n')
    c.neg(cat, 'es.yml', 'es:\n  devise:\n    passwords:\n      send_instructions: "Recibirás un correo con instrucciones para restablecer tu contraseña."\n    password: "Contraseña"\n')
    c.neg(cat, 'ja.json', json.dumps({'password': 'パスワード', 'secret': '秘密鍵', 'apiKey': 'APIキー'}, indent=2, ensure_ascii=False))
    c.neg(cat, 'messages.properties', 'login.password=Password\nlogin.password.required=Please enter your password\napikey.copy=Copy API key\n')
    c.neg(cat, 'pt-BR.json', json.dumps({'senha': 'Senha', 'digiteSenha': 'Digite sua senha', 'token': 'Token de acesso'}, indent=2, ensure_ascii=False))
    c.neg(cat, 'messages.pot', 'msgid "Your password must be at least %(min)d characters."\nmsgstr ""\n\nmsgid "Copy your token now; you won\'t see it again."\nmsgstr ""\n')


# ---------------------------------------------------------------- notebooks
def notebooks(c: Corpus) -> None:
    cat = 'notebooks'
    for i in range(8):
        png = base64.b64encode(PNG + blob(f'nbpng{i}', 3000)).decode()
        nb = {'cells': [
            {'cell_type': 'code', 'execution_count': 1, 'id': hx(f'cell{i}a', 8), 'metadata': {}, 'outputs': [],
             'source': ['import os\n', 'import pandas as pd\n', 'API_KEY = os.environ["ANALYTICS_API_KEY"]']},
            {'cell_type': 'code', 'execution_count': 2, 'id': hx(f'cell{i}b', 8), 'metadata': {}, 'outputs': [
                {'data': {'image/png': png, 'text/plain': ['<Figure size 640x480 with 1 Axes>']}, 'metadata': {}, 'output_type': 'display_data'}],
             'source': ['df = pd.read_parquet("s3://orbitpay-reports-prod/daily.parquet")\n', 'df.plot()']}],
            'metadata': {'kernelspec': {'display_name': 'Python 3', 'language': 'python', 'name': 'python3'}}, 'nbformat': 4, 'nbformat_minor': 5}
        c.neg(cat, f'analysis-{i}.ipynb', json.dumps(nb, indent=1))


# ---------------------------------------------------------------- passwords built from words
def word_passwords(c: Corpus) -> None:
    """Weak passwords built from words (Summer2024!, P@ssword1234, Harbor!Copper482, two short words run together) under
    password names, in the positives' layouts: a vendor's or a project's default, a stand-in or a test container's
    password. On held-out sets 76-79 and the 75 repositories of earlier sets that hold labelled realistic passwords
    (2026-12-07) every one of them was labelled false; the realistic passwords labelled true are random-looking."""
    cat = 'word-passwords'
    w = iter(g.WEAK_PASSWORDS)
    r = rng_for(cat, 'words')

    def human(url_safe: bool = False) -> str:  # a short one: a long password is no stand-in typed in passing
        while True:
            value = g.human_password(r, url_safe=url_safe)
            if len(value) < 16:
                return value

    def phrase(n: int) -> str:  # short too: a passphrase of 16 characters or more counts ([score] human_of_words)
        while True:
            value = ''.join(r.choice(g.WORDS) for _ in range(n))
            if len(value) <= 12:
                return value
    c.neg(cat, 'settings_prod.py', dedent(f'''
        DATABASES = {{
            "default": {{
                "ENGINE": "django.db.backends.postgresql",
                "NAME": "orbit",
                "USER": "orbit",
                "PASSWORD": "{next(w)}",
                "HOST": "db-prod-1.internal.orbitpay.io",
            }}
        }}
        EMAIL_HOST_PASSWORD = "{next(w)}"
        '''))
    c.neg(cat, 'docker-compose.yml', dedent(f'''
        services:
          db:
            image: postgres:16
            environment:
              POSTGRES_USER: ledger
              POSTGRES_PASSWORD: "{next(w)}"
          mysql:
            image: mysql:8.4
            environment:
              MYSQL_ROOT_PASSWORD: {next(w)}
              MYSQL_PASSWORD: {human()}
        '''))
    c.neg(cat, 'application.properties', dedent(f'''
        spring.datasource.url=jdbc:postgresql://db-prod-1.internal.orbitpay.io:5432/orbit
        spring.datasource.username=orbit
        spring.datasource.password={next(w)}
        spring.mail.password={next(w)}
        server.ssl.key-store-password={phrase(2)}
        '''))
    c.neg(cat, 'config.json', json.dumps({'database': {'host': 'mysql.ledgerly.net', 'user': 'ledger', 'password': next(w)},
                                          'smtp': {'host': 'smtp.orbitpay.io', 'password': human()},
                                          'ldap': {'bindDn': 'cn=svc,dc=orbitpay,dc=io', 'bindPassword': human()}}, indent=2))
    c.neg(cat, 'group_vars_all.yml', dedent(f'''
        vcenter_user: administrator@vsphere.local
        vcenter_password: "{next(w)}"
        grafana_admin_password: {next(w)}
        keystore_password: {phrase(2)}
        ansible_become_password: "{human()}"
        '''))
    c.neg(cat, 'database.yml', dedent(f'''
        production:
          adapter: postgresql
          database: orbit_production
          username: orbit
          password: {next(w)}
          host: db-prod-1.internal.orbitpay.io
        '''))
    c.neg(cat, 'mailer.config.js', dedent(f'''
        module.exports = {{
          host: "smtp.orbitpay.io",
          port: 587,
          auth: {{ user: "mailer", pass: "{next(w)}" }},
        }};
        '''))
    c.neg(cat, 'variables.tf', dedent(f'''
        variable "db_password" {{
          type      = string
          sensitive = true
          default   = "{next(w)}"
        }}
        '''))
    c.neg(cat, 'datasources.yaml', dedent(f'''
        datasources:
          - name: ledger
            url: postgres://grafana:{next(w)}@db-prod-1.internal.orbitpay.io:5432/ledger
          - name: shop
            url: mysql://shop:{human(url_safe=True)}@mysql.ledgerly.net:3306/shop
        '''))
    c.neg(cat, 'deploy.ps1', dedent(f'''
        $password = ConvertTo-SecureString "{next(w)}" -AsPlainText -Force
        $credential = New-Object System.Management.Automation.PSCredential ("ORBIT\\svc_deploy", $password)
        '''))
    c.neg(cat, 'create_users.sql', dedent(f'''
        CREATE USER reporting WITH PASSWORD '{next(w)}';
        ALTER USER 'app'@'%' IDENTIFIED BY '{next(w)}';
        '''))
    c.neg(cat, 'Db.kt', dedent(f'''
        object Db {{
            const val URL = "jdbc:postgresql://db-prod-1.internal.orbitpay.io/orbit"
            const val USER = "orbit"
            const val PASSWORD = "{human()}"
        }}
        '''))
    c.neg(cat, 'wpa_supplicant.conf', dedent(f'''
        network={{
            ssid="Orbit-Office"
            psk="{phrase(2)}{r.randrange(10, 99)}"
        }}
        '''))
    c.neg(cat, 'config.h', dedent(f'''
        #define WIFI_SSID "orbit-iot"
        #define WIFI_PASSWORD "{human()}"
        #define MQTT_PASSWORD "{phrase(2).capitalize()}{r.randrange(10, 99)}!"
        '''))
    assert next(w, None) is None  # every one of them


def build(c: Corpus) -> None:
    for fn in (lockfiles, sri, git_history, uuids, checksums, minified, data_uris, certs, vendor_examples, env_references,
               env_templates, password_code, word_passwords, build_hashes, identifiers, source_code, docs, data_csv, logs,
               i18n, notebooks):
        fn(c)

"""Positive files: realistic sources and configs that hold synthetic secrets among ordinary lines.

Two sources of files:
* the format matrix: each family's kinds, two or three at a time, written into files of many formats
  (.env, shell, Dockerfile, compose, Kubernetes, workflows, Terraform, code in ten languages, JSON/TOML/INI/
  properties, notebooks, Markdown, logs, SQL...), each format with its own ordinary lines;
* hand-written files per family that use a vendor's SDK, CLI or config file the way projects do.
"""
from __future__ import annotations

import itertools
import json
import random
from xml.sax.saxutils import escape as xml_escape

import gen_secrets as g
from gen_kinds import KINDS, make
from generate import Corpus, Secret, dedent, rng_for

# ---------------------------------------------------------------- helpers

Item = tuple[str, str, str]  # (ENV_NAME, marker, kind)


def snake(name: str) -> str:
    return name.lower()


def camel(name: str) -> str:
    parts = name.lower().split('_')
    return parts[0] + ''.join(p.capitalize() for p in parts[1:])


def pascal(name: str) -> str:
    return ''.join(p.capitalize() for p in name.lower().split('_'))


def dotted(name: str) -> str:
    return name.lower().replace('_', '.')


def vendor(kind: str) -> str:
    return kind.split('-')[0]


def weave(fillers: list[str], items: list[str]) -> list[str]:
    """Ordinary lines first, then items with an ordinary line between them, then the rest."""
    out = list(fillers[:2])
    rest = fillers[2:]
    for i, it in enumerate(items):
        out.append(it)
        if i < len(items) - 1 and rest:
            out.append(rest.pop(0))
    return out + rest


# Each format: filename -> function(items, project) -> template text.
def f_env(items, p):
    fill = [f'# {p} production environment', 'NODE_ENV=production', 'PORT=8080', 'LOG_LEVEL=info',
            'DATABASE_POOL_SIZE=10', 'FEATURE_FLAGS=checkout_v2,search_beta', 'TZ=UTC']
    return '\n'.join(weave(fill, [f'{n}=⟪{m}⟫' for n, m, _ in items]))


def f_env_quoted(items, p):
    fill = ['APP_ENV=production', f'APP_NAME="{p}"', 'APP_URL="https://app.orbitpay.io"', 'CACHE_DRIVER="redis"',
            'QUEUE_CONNECTION="sqs"', 'SESSION_LIFETIME=120']
    return '\n'.join(weave(fill, [f'{n}="⟪{m}⟫"' for n, m, _ in items]))


def f_sh(items, p):
    head = ['#!/usr/bin/env bash', f'# Deploy {p} to the production cluster.', 'set -euo pipefail', '']
    fill = ['REGION="eu-west-1"', 'CLUSTER="prod-eks-01"', 'export KUBECONFIG="$HOME/.kube/prod"']
    tail = ['', 'echo "Deploying ${CLUSTER} in ${REGION}"', './scripts/migrate.sh --env production',
            'kubectl -n payments rollout restart deployment/api', 'kubectl -n payments rollout status deployment/api --timeout=300s']
    return '\n'.join(head + weave(fill, [f'export {n}="⟪{m}⟫"' for n, m, _ in items]) + tail)


def f_dockerfile(items, p):
    head = ['FROM python:3.12-slim', '', 'WORKDIR /app', 'ENV PYTHONUNBUFFERED=1 \\', '    PIP_NO_CACHE_DIR=1']
    fill = ['COPY requirements.txt .', 'RUN pip install -r requirements.txt']
    lines = [f'ENV {n}="⟪{m}⟫"' if i % 2 == 0 else f'ENV {n}=⟪{m}⟫' for i, (n, m, _) in enumerate(items)]
    tail = ['COPY . .', 'EXPOSE 8000', 'USER 1000', 'CMD ["gunicorn", "-b", "0.0.0.0:8000", "app.wsgi:application"]']
    return '\n'.join(head + weave(fill, lines) + tail)


def f_compose(items, p):
    head = ['services:', '  api:', f'    image: ghcr.io/orbitpay/{p}:1.14.2', '    restart: unless-stopped',
            '    ports:', '      - "8080:8080"', '    environment:']
    fill = ['      LOG_LEVEL: info', '      WORKERS: "4"', '      OTEL_SERVICE_NAME: api']
    tail = ['    depends_on:', '      - redis', '  redis:', '    image: redis:7.2-alpine', '    ports:', '      - "6379:6379"']
    return '\n'.join(head + weave(fill, [f'      {n}: "⟪{m}⟫"' for n, m, _ in items]) + tail)


def f_compose_list(items, p):
    head = ['version: "3.9"', 'services:', '  worker:', f'    build: ./{p}', '    command: ["celery", "-A", "tasks", "worker"]', '    environment:']
    fill = ['      - CELERY_CONCURRENCY=4', '      - TZ=UTC', '      - PYTHONUNBUFFERED=1']
    tail = ['    volumes:', '      - ./data:/data']
    return '\n'.join(head + weave(fill, [f'      - {n}=⟪{m}⟫' for n, m, _ in items]) + tail)


def f_k8s_secret(items, p):
    head = ['apiVersion: v1', 'kind: Secret', 'metadata:', f'  name: {p}-credentials', '  namespace: production',
            '  labels:', f'    app.kubernetes.io/name: {p}', 'type: Opaque', 'stringData:']
    fill = ['  LOG_FORMAT: "json"', '  REGION: "us-east-1"']
    return '\n'.join(head + weave(fill, [f'  {n}: "⟪{m}⟫"' for n, m, _ in items]))


def f_k8s_deploy(items, p):
    head = ['apiVersion: apps/v1', 'kind: Deployment', 'metadata:', f'  name: {p}', 'spec:', '  replicas: 3', '  selector:',
            '    matchLabels:', f'      app: {p}', '  template:', '    metadata:', '      labels:', f'        app: {p}', '    spec:',
            '      containers:', f'        - name: {p}', f'          image: registry.orbitpay.io/{p}:2024.05.1', '          env:']
    fill = ['            - name: PORT\n              value: "8080"', '            - name: LOG_LEVEL\n              value: "info"']
    lines = [f'            - name: {n}\n              value: "⟪{m}⟫"' for n, m, _ in items]
    tail = ['          resources:', '            limits:', '              memory: 512Mi']
    return '\n'.join(head + weave(fill, lines) + tail)


def f_gha(items, p):
    head = ['name: release', '', 'on:', '  push:', '    tags: ["v*"]', '', 'env:']
    fill = ['  NODE_VERSION: "20"', '  REGISTRY: ghcr.io']
    tail = ['', 'jobs:', '  publish:', '    runs-on: ubuntu-latest', '    steps:', '      - uses: actions/checkout@v4',
            '      - uses: actions/setup-node@v4', '        with:', '          node-version: ${{ env.NODE_VERSION }}',
            '      - run: npm ci', '      - run: npm run build', '      - run: ./scripts/publish.sh']
    return '\n'.join(head + weave(fill, [f'  {n}: ⟪{m}⟫' for n, m, _ in items]) + tail)


def f_gitlab_ci(items, p):
    head = ['stages:', '  - test', '  - deploy', '', 'variables:']
    fill = ['  DOCKER_DRIVER: overlay2', '  GIT_DEPTH: "10"']
    tail = ['', 'deploy:', '  stage: deploy', '  image: alpine:3.19', '  script:', '    - ./ci/deploy.sh', '  only:', '    - main']
    return '\n'.join(head + weave(fill, [f'  {n}: "⟪{m}⟫"' for n, m, _ in items]) + tail)


def f_tf(items, p):
    out = ['terraform {', '  required_version = ">= 1.6"', '}', '']
    for n, m, _ in items:
        out += [f'variable "{snake(n)}" {{', '  type      = string', f'  default   = "⟪{m}⟫"', '  sensitive = true', '}', '']
    out += ['resource "aws_ssm_parameter" "app_config" {', f'  name  = "/{p}/config/region"', '  type  = "String"',
            '  value = "eu-central-1"', '}']
    return '\n'.join(out)


def f_tfvars(items, p):
    fill = ['region        = "us-west-2"', 'instance_type = "t3.medium"', f'project       = "{p}"', 'min_size      = 2']
    return '\n'.join(weave(fill, [f'{snake(n):<13} = "⟪{m}⟫"' for n, m, _ in items]))


def f_py(items, p):
    head = ['"""Production settings."""', 'import os', '', 'DEBUG = False', f'ALLOWED_HOSTS = ["{p}.orbitpay.io"]']
    fill = ['TIME_ZONE = "UTC"', 'CELERY_BROKER_POOL_LIMIT = 10', 'STATIC_URL = "/static/"']
    return '\n'.join(head + weave(fill, [f'{n} = "⟪{m}⟫"' for n, m, _ in items]))


def f_py_setdefault(items, p):
    head = ['import logging', 'import os', '', 'logger = logging.getLogger(__name__)', '', '', 'def configure() -> None:']
    fill = ['    logging.basicConfig(level=logging.INFO)', '    os.environ.setdefault("TZ", "UTC")']
    tail = ['    logger.info("configuration loaded")']
    return '\n'.join(head + weave(fill, [f'    os.environ.setdefault("{n}", "⟪{m}⟫")' for n, m, _ in items]) + tail)


def f_js(items, p):
    head = ["'use strict';", '', 'module.exports = {']
    fill = ["  port: Number(process.env.PORT || 3000),", "  logLevel: 'info',", "  corsOrigin: 'https://app.orbitpay.io',"]
    return '\n'.join(head + weave(fill, [f"  {camel(n)}: '⟪{m}⟫'," for n, m, _ in items]) + ['};'])


def f_ts(items, p):
    head = ['import type { AppConfig } from "./types";', '', 'export const config: AppConfig = {']
    fill = ['  region: "us-east-1",', '  retries: 3,', '  timeoutMs: 15_000,']
    return '\n'.join(head + weave(fill, [f'  {camel(n)}: "⟪{m}⟫",' for n, m, _ in items]) + ['};', '', 'export default config;'])


def f_js_env(items, p):
    head = ["require('dotenv').config();", '']
    lines = [f"process.env.{n} = process.env.{n} || '⟪{m}⟫';" for n, m, _ in items]
    tail = ['', "const app = require('./app');", "app.listen(process.env.PORT || 3000);"]
    return '\n'.join(head + lines + tail)


def f_go(items, p):
    head = ['package config', '', 'import "time"', '', 'const (']
    fill = ['\tDefaultTimeout = 30 * time.Second', '\tMaxRetries     = 5']
    return '\n'.join(head + weave(fill, [f'\t{pascal(n)} = "⟪{m}⟫"' for n, m, _ in items]) + [')'])


def f_java(items, p):
    head = ['package io.orbitpay.config;', '', 'public final class Credentials {', '    private Credentials() {}', '']
    fill = ['    public static final int TIMEOUT_SECONDS = 30;', '    public static final String REGION = "eu-west-1";']
    return '\n'.join(head + weave(fill, [f'    public static final String {n} = "⟪{m}⟫";' for n, m, _ in items]) + ['}'])


def f_kotlin(items, p):
    head = ['package io.orbitpay.config', '', 'object Secrets {']
    fill = ['    const val BASE_URL = "https://api.orbitpay.io"', '    const val TIMEOUT_MS = 10_000L']
    return '\n'.join(head + weave(fill, [f'    const val {n} = "⟪{m}⟫"' for n, m, _ in items]) + ['}'])


def f_rb(items, p):
    head = ['# frozen_string_literal: true', '', 'Rails.application.configure do']
    fill = ['  config.time_zone = "UTC"', '  config.active_job.queue_adapter = :sidekiq']
    return '\n'.join(head + weave(fill, [f"  config.x.{snake(n)} = '⟪{m}⟫'" for n, m, _ in items]) + ['end'])


def f_rb_env(items, p):
    head = ['# config/initializers/credentials.rb']
    lines = [f"ENV['{n}'] ||= '⟪{m}⟫'" for n, m, _ in items]
    return '\n'.join(head + lines + ['', 'Sidekiq.configure_server { |c| c.redis = { url: ENV["REDIS_URL"] } }'])


def f_php(items, p):
    head = ['<?php', '', 'return [', "    'name' => 'ledger',", "    'debug' => false,"]
    fill = ["    'timezone' => 'UTC',", "    'locale' => 'en',"]
    return '\n'.join(head + weave(fill, [f"    '{snake(n)}' => '⟪{m}⟫'," for n, m, _ in items]) + ['];'])


def f_php_define(items, p):
    head = ['<?php', "define('WP_DEBUG', false);", "define('WP_CACHE', true);"]
    return '\n'.join(head + [f"define('{n}', '⟪{m}⟫');" for n, m, _ in items])


def f_cs(items, p):
    head = ['namespace Orbitpay.Api;', '', 'internal static class Settings', '{']
    fill = ['    internal const int MaxRetries = 3;', '    internal const string Region = "westeurope";']
    return '\n'.join(head + weave(fill, [f'    internal const string {pascal(n)} = "⟪{m}⟫";' for n, m, _ in items]) + ['}'])


def f_appsettings(items, p):
    head = ['{', '  "Logging": {', '    "LogLevel": {', '      "Default": "Information"', '    }', '  },',
            '  "AllowedHosts": "*",', '  "Integrations": {']
    lines = [f'    "{pascal(n)}": "⟪{m}⟫",' for n, m, _ in items]
    lines[-1] = lines[-1].rstrip(',')
    return '\n'.join(head + lines + ['  }', '}'])


def f_json(items, p):
    head = ['{', f'  "service": "{p}",', '  "port": 8080,', '  "credentials": {']
    lines = [f'    "{snake(n)}": "⟪{m}⟫",' for n, m, _ in items]
    lines[-1] = lines[-1].rstrip(',')
    return '\n'.join(head + lines + ['  },', '  "retry": {"max": 5, "backoff": "exponential"}', '}'])


def f_launch(items, p):
    head = ['{', '  "version": "0.2.0",', '  "configurations": [', '    {', '      "name": "Debug API",', '      "type": "node",',
            '      "request": "launch",', '      "program": "${workspaceFolder}/src/server.js",', '      "env": {']
    lines = [f'        "{n}": "⟪{m}⟫",' for n, m, _ in items]
    lines[-1] = lines[-1].rstrip(',')
    return '\n'.join(head + lines + ['      }', '    }', '  ]', '}'])


def f_yaml(items, p):
    head = [f'service: {p}', 'server:', '  port: 8080', '  workers: 4', 'integrations:']
    fill = ['  region: us-east-1', '  timeout: 30s']
    return '\n'.join(head + weave(fill, [f'  {snake(n)}: "⟪{m}⟫"' for n, m, _ in items]))


def f_helm(items, p):
    head = ['replicaCount: 2', 'image:', f'  repository: registry.orbitpay.io/{p}', '  tag: "3.2.0"', 'config:']
    fill = ['  logLevel: debug', '  region: eu-central-1']
    return '\n'.join(head + weave(fill, [f'  {camel(n)}: ⟪{m}⟫' for n, m, _ in items]))


def f_serverless(items, p):
    head = [f'service: {p}', 'provider:', '  name: aws', '  runtime: nodejs20.x', '  region: us-east-1', '  environment:']
    fill = ['    STAGE: ${sls:stage}', '    TABLE_NAME: orders-${sls:stage}']
    tail = ['functions:', '  handler:', '    handler: src/handler.main']
    return '\n'.join(head + weave(fill, [f'    {n}: ⟪{m}⟫' for n, m, _ in items]) + tail)


def f_toml(items, p):
    head = ['[server]', 'host = "0.0.0.0"', 'port = 8080', '', '[credentials]']
    fill = ['region = "ap-southeast-2"', 'timeout_secs = 20']
    return '\n'.join(head + weave(fill, [f'{snake(n)} = "⟪{m}⟫"' for n, m, _ in items]))


def f_ini(items, p):
    head = ['[app]', f'name = {p}', 'debug = false', '', '[credentials]']
    fill = ['region = eu-west-2', 'retries = 3']
    return '\n'.join(head + weave(fill, [f'{snake(n)} = ⟪{m}⟫' for n, m, _ in items]))


def f_properties(items, p):
    head = [f'spring.application.name={p}', 'server.port=8080', 'management.endpoints.web.exposure.include=health,info']
    fill = ['logging.level.root=INFO', 'spring.jpa.open-in-view=false']
    return '\n'.join(head + weave(fill, [f'{dotted(n)}=⟪{m}⟫' for n, m, _ in items]))


def f_ipynb(items, p):
    src = ['import os\n'] + [f'os.environ["{n}"] = "⟪{m}⟫"\n' for n, m, _ in items] + ['\n', 'client = make_client()']
    nb = {'cells': [
        {'cell_type': 'markdown', 'metadata': {}, 'source': [f'# {p}: exploration\n', '\n', 'Load the credentials and fetch a sample.']},
        {'cell_type': 'code', 'execution_count': 1, 'metadata': {}, 'outputs': [], 'source': src},
        {'cell_type': 'code', 'execution_count': 2, 'metadata': {}, 'outputs': [
            {'name': 'stdout', 'output_type': 'stream', 'text': ['fetched 250 rows\n']}], 'source': ['rows = client.fetch(limit=250)\n', 'print(f"fetched {len(rows)} rows")']},
    ], 'metadata': {'kernelspec': {'display_name': 'Python 3', 'language': 'python', 'name': 'python3'},
                    'language_info': {'name': 'python', 'version': '3.11.6'}}, 'nbformat': 4, 'nbformat_minor': 5}
    return json.dumps(nb, indent=1, ensure_ascii=False)


def f_md(items, p):
    head = [f'# {p}', '', 'Internal service. To run it locally against the shared staging stack:', '', '```bash']
    lines = [f'export {n}={"⟪" + m + "⟫"}' for n, m, _ in items]
    tail = ['make run', '```', '', 'Logs go to `./logs/`. Ask #platform for access to the dashboards.']
    return '\n'.join(head + lines + tail)


def f_log(items, p):
    lines = ['2024-05-14T09:21:30.112Z INFO  boot: starting ' + p + ' version=2.8.1 pid=4121',
             '2024-05-14T09:21:30.347Z INFO  db: connected pool=10']
    for i, (n, m, _) in enumerate(items):
        lines.append(f'2024-05-14T09:21:3{i + 1}.0{i}4Z DEBUG config: {n}=⟪{m}⟫')
    lines += ['2024-05-14T09:21:33.918Z INFO  http: listening on :8080', '2024-05-14T09:22:01.004Z INFO  http: GET /healthz 200 1ms']
    return '\n'.join(lines)


def f_sql(items, p):
    head = ['-- seed integration settings', 'BEGIN;', 'DELETE FROM integration_settings WHERE env = \'production\';']
    lines = [f"INSERT INTO integration_settings (env, provider, name, value) VALUES ('production', '{vendor(k)}', '{snake(n)}', '⟪{m}⟫');"
             for n, m, k in items]
    return '\n'.join(head + lines + ['COMMIT;'])


def f_ps1(items, p):
    head = ['# Local developer setup for Windows', '$ErrorActionPreference = "Stop"']
    lines = [f'$env:{n} = "⟪{m}⟫"' for n, m, _ in items]
    return '\n'.join(head + lines + ['dotnet run --project src/Api/Api.csproj'])


def f_webconfig(items, p):
    head = ['<?xml version="1.0" encoding="utf-8"?>', '<configuration>', '  <appSettings>', '    <add key="Environment" value="Production" />']
    lines = [f'    <add key="{pascal(n)}" value="⟪{m}⟫" />' for n, m, _ in items]
    return '\n'.join(head + lines + ['  </appSettings>', '  <system.web>', '    <compilation targetFramework="4.8" />', '  </system.web>', '</configuration>'])


def f_makefile(items, p):
    head = ['SHELL := /bin/bash', f'IMAGE ?= registry.orbitpay.io/{p}']
    lines = [f'{n} ?= ⟪{m}⟫' for n, m, _ in items]
    tail = ['', '.PHONY: deploy', 'deploy:', '\t./scripts/deploy.sh $(IMAGE)']
    return '\n'.join(head + lines + tail)


def f_jenkinsfile(items, p):
    head = ['pipeline {', '  agent any', '  environment {']
    lines = [f"    {n} = '⟪{m}⟫'" for n, m, _ in items]
    tail = ['  }', '  stages {', "    stage('Deploy') {", '      steps {', "        sh './gradlew deploy'", '      }', '    }', '  }', '}']
    return '\n'.join(head + lines + tail)


FORMATS = {
    '.env': f_env, '.env.production': f_env_quoted, 'deploy.sh': f_sh, 'Dockerfile': f_dockerfile,
    'docker-compose.yml': f_compose, 'docker-compose.worker.yml': f_compose_list, 'secret.yaml': f_k8s_secret,
    'deployment.yaml': f_k8s_deploy, 'release.yml': f_gha, '.gitlab-ci.yml': f_gitlab_ci, 'variables.tf': f_tf,
    'terraform.tfvars': f_tfvars, 'settings.py': f_py, 'bootstrap.py': f_py_setdefault, 'config.js': f_js,
    'config.ts': f_ts, 'server.js': f_js_env, 'config.go': f_go, 'Credentials.java': f_java, 'Secrets.kt': f_kotlin,
    'production.rb': f_rb, 'credentials.rb': f_rb_env, 'services.php': f_php, 'wp-config-extra.php': f_php_define,
    'Settings.cs': f_cs, 'appsettings.Production.json': f_appsettings, 'config.json': f_json, 'launch.json': f_launch,
    'config.yaml': f_yaml, 'values.yaml': f_helm, 'serverless.yml': f_serverless, 'config.toml': f_toml,
    'settings.ini': f_ini, 'application.properties': f_properties, 'explore.ipynb': f_ipynb, 'README.md': f_md,
    'app.log': f_log, 'seed.sql': f_sql, 'setup-dev.ps1': f_ps1, 'Web.config': f_webconfig, 'Makefile': f_makefile,
    'Jenkinsfile': f_jenkinsfile,
}
XML_FORMATS = {'Web.config'}
PROJECTS = ['ledger-api', 'checkout', 'notifier', 'orbit-web', 'billing-worker', 'search-svc', 'reports', 'gateway']

FAMILY_ORDER = ['aws', 'gcp', 'azure', 'other-cloud', 'github', 'gitlab', 'other-ci', 'slack', 'messaging', 'payments',
                'ai', 'observability', 'registries', 'saas', 'connection-strings', 'jwt', 'generic-passwords']
MATRIX_FILES = {'generic-passwords': 16, 'saas': 11, 'ai': 10, 'other-cloud': 10}
CUSTOM_GROUPS = {
    'aws': [['aws-access-key-id', 'aws-secret-access-key'], ['aws-temporary-key-id', 'aws-secret-access-key', 'aws-session-token'],
            ['aws-access-key-id', 'aws-secret-access-key'], ['amazon-mws-auth-token', 'aws-access-key-id', 'aws-secret-access-key'],
            ['aws-access-key-id', 'aws-secret-access-key'], ['aws-temporary-key-id', 'aws-secret-access-key', 'aws-session-token'],
            ['aws-access-key-id', 'aws-secret-access-key'], ['aws-access-key-id', 'aws-secret-access-key']],
}


def groups_for(family: str, n_files: int) -> list[list[str]]:
    if family in CUSTOM_GROUPS:
        return CUSTOM_GROUPS[family]
    kinds = [k for k, v in KINDS.items() if v[0] == family]
    out, i = [], 0
    for j in range(n_files):
        size = 3 if j % 2 == 0 else 2
        grp = []
        while len(grp) < size:
            k = kinds[i % len(kinds)]
            i += 1
            if k not in grp:
                grp.append(k)
        out.append(grp)
    return out


def build_matrix(c: Corpus) -> None:
    names = list(FORMATS)
    for fi, family in enumerate(FAMILY_ORDER):
        n_files = MATRIX_FILES.get(family, 9)
        order = names[:]
        rng_for('matrix-order', family).shuffle(order)
        for j, grp in enumerate(groups_for(family, n_files)):
            fname = order[j % len(order)]
            project = PROJECTS[(fi + j) % len(PROJECTS)]
            path_name = fname
            if f'positives/{family}/{fname}' in c.files:  # a hand-written file has the name
                path_name = f'{fname}.{project}' if fname.startswith('.') else f'{project}-{fname}'
            r = rng_for('matrix', family, fname)
            items: list[Item] = []
            values: dict[str, object] = {}
            used_env: set[str] = set()
            for i, kind in enumerate(grp):
                env = KINDS[kind][1]
                if env in used_env:  # two kinds sharing a variable name: qualify the second
                    env = f'{env}_{i}'
                used_env.add(env)
                s = make(kind, r)
                while not s.value[0].isalnum():  # keep unquoted YAML/INI values well-formed
                    s = make(kind, r)
                if fname in XML_FORMATS:
                    s = Secret(xml_escape(s.value), s.family, s.kind)
                m = f's{i}'
                items.append((env, m, kind))
                values[m] = s
            template = FORMATS[fname](items, project)
            c.pos(family, path_name, template, **values)


# ---------------------------------------------------------------- hand-written files per family

def S(kind: str, r: random.Random) -> Secret:
    return make(kind, r)


def X(value: str, family: str, kind: str) -> Secret:
    return Secret(value, family, kind)


def build_aws(c: Corpus) -> None:
    r = rng_for('aws', 'credentials')
    c.pos('aws', 'credentials', dedent('''
        [default]
        aws_access_key_id = ⟪a⟫
        aws_secret_access_key = ⟪b⟫
        region = us-east-1

        [deploy-prod]
        aws_access_key_id = ⟪c⟫
        aws_secret_access_key = ⟪d⟫

        [analytics]
        role_arn = arn:aws:iam::481516234200:role/AnalyticsReadOnly
        source_profile = default
        '''), a=S('aws-access-key-id', r), b=S('aws-secret-access-key', r), c=S('aws-access-key-id', r), d=S('aws-secret-access-key', r))
    r = rng_for('aws', 'upload.py')
    c.pos('aws', 'upload_reports.py', dedent('''
        import boto3
        from pathlib import Path

        BUCKET = "orbitpay-reports-prod"

        s3 = boto3.client(
            "s3",
            aws_access_key_id="⟪a⟫",
            aws_secret_access_key="⟪b⟫",
            region_name="eu-west-1",
        )


        def upload(path: Path) -> None:
            s3.upload_file(str(path), BUCKET, f"daily/{path.name}")
        '''), a=S('aws-access-key-id', r), b=S('aws-secret-access-key', r))
    r = rng_for('aws', 's3.js')
    c.pos('aws', 's3Client.js', dedent('''
        import { S3Client } from "@aws-sdk/client-s3";

        export const s3 = new S3Client({
          region: "us-east-2",
          credentials: { accessKeyId: "⟪a⟫", secretAccessKey: "⟪b⟫" },
        });
        '''), a=S('aws-access-key-id', r), b=S('aws-secret-access-key', r))
    r = rng_for('aws', 'provider.tf')
    c.pos('aws', 'provider.tf', dedent('''
        provider "aws" {
          region     = "us-west-2"
          access_key = "⟪a⟫"
          secret_key = "⟪b⟫"
        }

        resource "aws_s3_bucket" "artifacts" {
          bucket = "orbitpay-build-artifacts"
        }
        '''), a=S('aws-access-key-id', r), b=S('aws-secret-access-key', r))
    r = rng_for('aws', 'Main.java')
    c.pos('aws', 'S3Config.java', dedent('''
        package io.orbitpay.storage;

        import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
        import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
        import software.amazon.awssdk.regions.Region;
        import software.amazon.awssdk.services.s3.S3Client;

        public class S3Config {
            public static S3Client client() {
                AwsBasicCredentials creds = AwsBasicCredentials.create("⟪a⟫", "⟪b⟫");
                return S3Client.builder()
                        .region(Region.EU_CENTRAL_1)
                        .credentialsProvider(StaticCredentialsProvider.create(creds))
                        .build();
            }
        }
        '''), a=S('aws-access-key-id', r), b=S('aws-secret-access-key', r))
    r = rng_for('aws', 'go')
    c.pos('aws', 'session.go', dedent('''
        package storage

        import (
        \t"github.com/aws/aws-sdk-go-v2/aws"
        \t"github.com/aws/aws-sdk-go-v2/credentials"
        )

        func staticCreds() aws.CredentialsProvider {
        \treturn credentials.NewStaticCredentialsProvider(
        \t\t"⟪a⟫",
        \t\t"⟪b⟫",
        \t\t"",
        \t)
        }
        '''), a=S('aws-access-key-id', r), b=S('aws-secret-access-key', r))
    r = rng_for('aws', 'cli.md')
    c.pos('aws', 'incident-notes.md', dedent('''
        ## 2024-03-02 backfill

        Ran the backfill from the bastion with the ops user:

        ```
        $ AWS_ACCESS_KEY_ID=⟪a⟫ AWS_SECRET_ACCESS_KEY=⟪b⟫ aws s3 sync s3://orbitpay-raw/2024/03 ./raw
        ```

        Took 14 minutes; 3.1 GB copied.
        '''), a=S('aws-access-key-id', r), b=S('aws-secret-access-key', r))
    r = rng_for('aws', 'ruby')
    c.pos('aws', 'aws.rb', dedent('''
        require "aws-sdk-sqs"

        Aws.config.update(
          region: "ap-northeast-1",
          credentials: Aws::Credentials.new(
            "⟪a⟫",
            "⟪b⟫"
          )
        )
        '''), a=S('aws-access-key-id', r), b=S('aws-secret-access-key', r))
    r = rng_for('aws', 'rclone')
    c.pos('aws', 'rclone.conf', dedent('''
        [s3-backup]
        type = s3
        provider = AWS
        env_auth = false
        access_key_id = ⟪a⟫
        secret_access_key = ⟪b⟫
        region = eu-west-1
        storage_class = STANDARD_IA
        '''), a=S('aws-access-key-id', r), b=S('aws-secret-access-key', r))
    r = rng_for('aws', 'sts-json')
    c.pos('aws', 'assume-role-output.json', dedent('''
        {
            "Credentials": {
                "AccessKeyId": "⟪a⟫",
                "SecretAccessKey": "⟪b⟫",
                "SessionToken": "⟪t⟫",
                "Expiration": "2024-06-01T12:41:07+00:00"
            },
            "AssumedRoleUser": {
                "AssumedRoleId": "AROAXK3ZQ7V2WJQPLM4NB:ci-deploy",
                "Arn": "arn:aws:sts::481516234200:assumed-role/ci-deploy/ci-deploy"
            }
        }
        '''), a=S('aws-temporary-key-id', r), b=S('aws-secret-access-key', r), t=S('aws-session-token', r))


def build_gcp(c: Corpus) -> None:
    for i, (proj, email) in enumerate([('orbitpay-prod-381207', 'bq-export'), ('ledgerly-data', 'firebase-adminsdk-x2k9q'),
                                       ('search-ml-22', 'vertex-runner')]):
        r = rng_for('gcp', 'sa', i)
        key = g.pem('PRIVATE KEY', r).replace('\n', '\\n') + '\\n'
        c.pos('gcp', f'service-account-{i + 1}.json', dedent('''
            {
              "type": "service_account",
              "project_id": "PROJ",
              "private_key_id": "KID",
              "private_key": "⟪k⟫",
              "client_email": "EMAIL@PROJ.iam.gserviceaccount.com",
              "client_id": "CID",
              "auth_uri": "https://accounts.google.com/o/oauth2/auth",
              "token_uri": "https://oauth2.googleapis.com/token",
              "auth_provider_x509_cert_url": "https://www.googleapis.com/oauth2/v1/certs",
              "client_x509_cert_url": "https://www.googleapis.com/robot/v1/metadata/x509/EMAIL%40PROJ.iam.gserviceaccount.com",
              "universe_domain": "googleapis.com"
            }
            ''').replace('PROJ', proj).replace('EMAIL', email).replace('KID', g.hexs(r, 40)).replace('CID', g.rs(r, g.DIGITS, 21)),
            k=X(key, 'gcp', 'gcp-service-account-private-key'))
    r = rng_for('gcp', 'client_secret')
    c.pos('gcp', 'client_secret_8812.apps.googleusercontent.com.json', dedent('''
        {"installed":{"client_id":"881204417736-q1v4f0cs0mk6l1ah7g2e5un1qpb3k0d8.apps.googleusercontent.com","project_id":"orbit-desktop","auth_uri":"https://accounts.google.com/o/oauth2/auth","token_uri":"https://oauth2.googleapis.com/token","client_secret":"⟪s⟫","redirect_uris":["http://localhost"]}}
        '''), s=S('gcp-oauth-client-secret', r))
    r = rng_for('gcp', 'maps')
    c.pos('gcp', 'map.html', dedent('''
        <!doctype html>
        <html>
          <head>
            <title>Store locator</title>
            <script src="https://maps.googleapis.com/maps/api/js?key=⟪k⟫&callback=initMap&libraries=places" defer></script>
          </head>
          <body>
            <div id="map" style="height: 480px"></div>
            <script src="/static/locator.js"></script>
          </body>
        </html>
        '''), k=S('gcp-api-key', r))
    r = rng_for('gcp', 'firebase')
    c.pos('gcp', 'firebase.ts', dedent('''
        import { initializeApp } from "firebase/app";

        const firebaseConfig = {
          apiKey: "⟪k⟫",
          authDomain: "orbit-mobile-31b2c.firebaseapp.com",
          projectId: "orbit-mobile-31b2c",
          storageBucket: "orbit-mobile-31b2c.appspot.com",
          messagingSenderId: "448152791033",
          appId: "1:448152791033:web:7c0b1f93ad54e2c81f0a9e",
        };

        export const app = initializeApp(firebaseConfig);
        '''), k=S('firebase-web-api-key', r))
    r = rng_for('gcp', 'token.json')
    c.pos('gcp', 'token.json', dedent('''
        {
          "token": "⟪a⟫",
          "refresh_token": "⟪b⟫",
          "token_uri": "https://oauth2.googleapis.com/token",
          "client_id": "881204417736-5ck1s2t9vq0jm3n8r4u7w6x1y2z3a4b5.apps.googleusercontent.com",
          "client_secret": "⟪c⟫",
          "scopes": ["https://www.googleapis.com/auth/drive.readonly"],
          "expiry": "2024-04-18T10:22:31.551Z"
        }
        '''), a=S('gcp-oauth-access-token', r), b=S('gcp-oauth-refresh-token', r), c=S('gcp-oauth-client-secret', r))
    r = rng_for('gcp', 'boto')
    c.pos('gcp', '.boto', dedent('''
        [Credentials]
        gs_access_key_id = ⟪a⟫
        gs_secret_access_key = ⟪b⟫

        [GSUtil]
        default_project_id = orbitpay-prod-381207
        parallel_composite_upload_threshold = 150M
        '''), a=S('gcs-hmac-access-id', r), b=S('gcs-hmac-secret', r))
    r = rng_for('gcp', 'curl')
    c.pos('gcp', 'geocode.sh', dedent('''
        #!/bin/sh
        # geocode every address in addresses.txt
        while read -r addr; do
          curl -s "https://maps.googleapis.com/maps/api/geocode/json?address=$(printf %s "$addr" | jq -sRr @uri)&key=⟪k⟫" | jq '.results[0].geometry.location'
        done < addresses.txt
        '''), k=S('gcp-api-key', r))


def build_azure(c: Corpus) -> None:
    r = rng_for('azure', 'storage')
    c.pos('azure', 'local.settings.json', dedent('''
        {
          "IsEncrypted": false,
          "Values": {
            "AzureWebJobsStorage": "DefaultEndpointsProtocol=https;AccountName=orbitfuncstore;AccountKey=⟪a⟫;EndpointSuffix=core.windows.net",
            "FUNCTIONS_WORKER_RUNTIME": "dotnet-isolated",
            "ServiceBusConnection": "Endpoint=sb://orbit-events.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=⟪b⟫"
          }
        }
        '''), a=S('azure-storage-account-key', r), b=S('azure-servicebus-key', r))
    r = rng_for('azure', 'blob.py')
    c.pos('azure', 'blob_upload.py', dedent('''
        from azure.storage.blob import BlobServiceClient

        CONN = (
            "DefaultEndpointsProtocol=https;AccountName=orbitexports;"
            "AccountKey=⟪a⟫;"
            "EndpointSuffix=core.windows.net"
        )

        service = BlobServiceClient.from_connection_string(CONN)
        container = service.get_container_client("exports")
        '''), a=S('azure-storage-account-key', r))
    r = rng_for('azure', 'sas')
    sig = g.safe_b64(r, 32).replace('+', '%2B').replace('/', '%2F').replace('=', '%3D')
    c.pos('azure', 'download-assets.sh', dedent('''
        #!/usr/bin/env bash
        set -e
        azcopy copy "https://orbitassets.blob.core.windows.net/media/?sv=2022-11-02&ss=b&srt=co&sp=rl&se=2026-01-31T23:59:59Z&st=2024-02-01T00:00:00Z&spr=https&sig=⟪s⟫" ./media --recursive
        echo "assets synced"
        '''), s=X(sig, 'azure', 'azure-sas-token'))
    r = rng_for('azure', 'cosmos')
    c.pos('azure', 'CosmosFactory.cs', dedent('''
        using Microsoft.Azure.Cosmos;

        public static class CosmosFactory
        {
            private const string Endpoint = "https://orbit-catalog.documents.azure.com:443/";
            private const string Key = "⟪k⟫";

            public static CosmosClient Create() => new CosmosClient(Endpoint, Key, new CosmosClientOptions { ApplicationName = "catalog" });
        }
        '''), k=S('azure-cosmosdb-key', r))
    r = rng_for('azure', 'sp')
    c.pos('azure', 'sp-credentials.json', dedent('''
        {
          "clientId": "6f0c2a1e-93b4-4c1d-8e77-1b2d3f4a5c6e",
          "clientSecret": "⟪s⟫",
          "subscriptionId": "2b7e9d41-5c08-4a3f-9e16-0d8c7b6a5f43",
          "tenantId": "9a8b7c6d-1e2f-4a3b-8c5d-6e7f8a9b0c1d",
          "activeDirectoryEndpointUrl": "https://login.microsoftonline.com",
          "resourceManagerEndpointUrl": "https://management.azure.com/"
        }
        '''), s=S('azure-ad-client-secret', r))
    r = rng_for('azure', 'func')
    c.pos('azure', 'trigger-report.http', dedent('''
        ### Trigger the nightly report by hand
        POST https://orbit-reports.azurewebsites.net/api/GenerateReport?code=⟪k⟫
        Content-Type: application/json

        {"date": "2024-05-01", "format": "pdf"}
        '''), k=S('azure-function-key', r))
    r = rng_for('azure', 'npmrc-ado')
    pat_b64 = g.b64(S('azure-devops-pat', r).value.encode())
    c.pos('azure', '.npmrc', dedent('''
        registry=https://pkgs.dev.azure.com/orbitpay/_packaging/orbit-feed/npm/registry/
        always-auth=true
        //pkgs.dev.azure.com/orbitpay/_packaging/orbit-feed/npm/registry/:username=orbitpay
        //pkgs.dev.azure.com/orbitpay/_packaging/orbit-feed/npm/registry/:_password=⟪p⟫
        //pkgs.dev.azure.com/orbitpay/_packaging/orbit-feed/npm/registry/:email=npm requires email to be set but doesn't use the value
        '''), p=X(pat_b64, 'azure', 'azure-devops-pat-base64'))
    r = rng_for('azure', 'openai')
    c.pos('azure', 'chat.py', dedent('''
        from openai import AzureOpenAI

        client = AzureOpenAI(
            api_key="⟪k⟫",
            api_version="2024-02-01",
            azure_endpoint="https://orbit-oai-eastus.openai.azure.com",
        )

        resp = client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": "ping"}])
        print(resp.choices[0].message.content)
        '''), k=S('azure-openai-key', r))


def build_other_cloud(c: Corpus) -> None:
    r = rng_for('other-cloud', 'doctl')
    c.pos('other-cloud', 'doctl-config.yaml', dedent('''
        access-token: ⟪t⟫
        context: default
        output: text
        auth-contexts:
          staging: ⟪u⟫
        '''), t=S('digitalocean-pat', r), u=S('digitalocean-pat', r))
    r = rng_for('other-cloud', 'cf')
    c.pos('other-cloud', 'purge-cache.sh', dedent('''
        #!/usr/bin/env bash
        ZONE_ID="3f2b9c0d8e7a6b5c4d3e2f1a0b9c8d7e"
        curl -sS -X POST "https://api.cloudflare.com/client/v4/zones/${ZONE_ID}/purge_cache" \\
          -H "X-Auth-Email: ops@orbitpay.io" \\
          -H "X-Auth-Key: ⟪k⟫" \\
          -H "Content-Type: application/json" \\
          --data '{"purge_everything":true}'
        '''), k=S('cloudflare-global-api-key', r))
    r = rng_for('other-cloud', 'wrangler')
    c.pos('other-cloud', 'wrangler.toml', dedent('''
        name = "edge-router"
        main = "src/index.ts"
        compatibility_date = "2024-04-05"
        account_id = "8c1f2e3d4b5a69788796a5b4c3d2e1f0"

        [vars]
        ORIGIN = "https://origin.orbitpay.io"
        CF_API_TOKEN = "⟪t⟫"
        '''), t=S('cloudflare-api-token', r))
    r = rng_for('other-cloud', 'aliyun')
    c.pos('other-cloud', 'oss_sync.py', dedent('''
        import oss2

        auth = oss2.Auth("⟪a⟫", "⟪b⟫")
        bucket = oss2.Bucket(auth, "https://oss-cn-hangzhou.aliyuncs.com", "orbit-cn-assets")

        for obj in oss2.ObjectIterator(bucket, prefix="img/"):
            print(obj.key)
        '''), a=S('alibaba-access-key-id', r), b=S('alibaba-access-key-secret', r))
    r = rng_for('other-cloud', 'heroku')
    c.pos('other-cloud', '.netrc', dedent('''
        machine api.heroku.com
          login deploy@orbitpay.io
          password ⟪a⟫
        machine git.heroku.com
          login deploy@orbitpay.io
          password ⟪b⟫
        '''), a=S('heroku-api-key', r), b=S('heroku-api-key', r))
    r = rng_for('other-cloud', 'heroku-legacy')
    c.pos('other-cloud', 'heroku_release.rb', dedent('''
        require "platform-api"

        heroku = PlatformAPI.connect_oauth("⟪k⟫")
        heroku.formation.update("orbit-web", "web", { "quantity" => 3, "size" => "standard-2x" })
        '''), k=S('heroku-legacy-api-key', r))
    r = rng_for('other-cloud', 'tencent')
    c.pos('other-cloud', 'cos_client.go', dedent('''
        package storage

        import (
        \t"net/http"

        \t"github.com/tencentyun/cos-go-sdk-v5"
        )

        func NewClient(u *cos.BaseURL) *cos.Client {
        \treturn cos.NewClient(u, &http.Client{
        \t\tTransport: &cos.AuthorizationTransport{
        \t\t\tSecretID:  "⟪a⟫",
        \t\t\tSecretKey: "⟪b⟫",
        \t\t},
        \t})
        }
        '''), a=S('tencent-secret-id', r), b=S('tencent-secret-key', r))
    r = rng_for('other-cloud', 'origin-ca')
    c.pos('other-cloud', 'origin-cert.tf', dedent('''
        provider "cloudflare" {
          api_user_service_key = "⟪k⟫"
        }

        resource "cloudflare_origin_ca_certificate" "origin" {
          csr                = tls_cert_request.origin.cert_request_pem
          hostnames          = ["orbitpay.io", "*.orbitpay.io"]
          request_type       = "origin-rsa"
          requested_validity = 5475
        }
        '''), k=S('cloudflare-origin-ca-key', r))


def build_github(c: Corpus) -> None:
    r = rng_for('github', 'gitconfig')
    c.pos('github', '.git-credentials', dedent('''
        https://mhartley:⟪a⟫@github.com
        https://x-access-token:⟪b⟫@github.com
        '''), a=S('github-pat-classic', r), b=S('github-server-to-server', r))
    r = rng_for('github', 'octokit')
    c.pos('github', 'release-notes.mjs', dedent('''
        import { Octokit } from "@octokit/rest";

        const octokit = new Octokit({ auth: "⟪a⟫" });

        const { data } = await octokit.repos.listReleases({ owner: "orbitpay", repo: "ledger-api", per_page: 5 });
        for (const rel of data) console.log(rel.tag_name, rel.published_at);
        '''), a=S('github-fine-grained-pat', r))
    r = rng_for('github', 'hosts')
    c.pos('github', 'hosts.yml', dedent('''
        github.com:
            users:
                mhartley:
                    oauth_token: ⟪a⟫
            git_protocol: https
            oauth_token: ⟪a⟫
            user: mhartley
        '''), a=S('github-oauth-token', r))
    r = rng_for('github', 'submodule')
    c.pos('github', '.gitmodules', dedent('''
        [submodule "vendor/design-tokens"]
        \tpath = vendor/design-tokens
        \turl = https://⟪a⟫@github.com/orbitpay/design-tokens.git
        [submodule "vendor/protos"]
        \tpath = vendor/protos
        \turl = https://github.com/orbitpay/protos.git
        '''), a=S('github-pat-classic', r))
    r = rng_for('github', 'app-token')
    c.pos('github', 'app_token_cache.json', dedent('''
        {
          "installation_id": 48151623,
          "token": "⟪a⟫",
          "expires_at": "2024-05-14T10:21:30Z",
          "permissions": {"contents": "read", "pull_requests": "write"},
          "refresh_token": "⟪b⟫",
          "user_token": "⟪u⟫"
        }
        '''), a=S('github-server-to-server', r), b=S('github-refresh-token', r), u=S('github-user-to-server', r))
    r = rng_for('github', 'pygithub')
    c.pos('github', 'sync_labels.py', dedent('''
        from github import Auth, Github

        gh = Github(auth=Auth.Token("⟪a⟫"))
        repo = gh.get_repo("orbitpay/ledger-api")
        for label in ("bug", "security", "good first issue"):
            print(label, any(l.name == label for l in repo.get_labels()))
        '''), a=S('github-pat-classic', r))
    r = rng_for('github', 'oauth-app')
    c.pos('github', 'oauth.go', dedent('''
        package auth

        import (
        \t"golang.org/x/oauth2"
        \t"golang.org/x/oauth2/github"
        )

        var Config = &oauth2.Config{
        \tClientID:     "Iv1.8a61f9b3a7aba766",
        \tClientSecret: "⟪s⟫",
        \tEndpoint:     github.Endpoint,
        \tScopes:       []string{"read:user", "user:email"},
        }
        '''), s=S('github-oauth-client-secret', r))
    r = rng_for('github', 'curl')
    c.pos('github', 'CONTRIBUTING-internal.md', dedent('''
        ## Triggering a release build

        ```sh
        curl -X POST \\
          -H "Accept: application/vnd.github+json" \\
          -H "Authorization: token ⟪a⟫" \\
          https://api.github.com/repos/orbitpay/ledger-api/dispatches \\
          -d '{"event_type":"release"}'
        ```
        '''), a=S('github-pat-classic', r))


def build_gitlab(c: Corpus) -> None:
    r = rng_for('gitlab', 'runner')
    c.pos('gitlab', 'config.toml', dedent('''
        concurrent = 4
        check_interval = 0

        [[runners]]
          name = "docker-runner-01"
          url = "https://gitlab.orbitpay.io/"
          id = 118
          token = "⟪a⟫"
          executor = "docker"
          [runners.docker]
            image = "alpine:3.19"
            privileged = false
            volumes = ["/cache"]
        '''), a=S('gitlab-runner-token', r))
    r = rng_for('gitlab', 'register')
    c.pos('gitlab', 'register-runner.sh', dedent('''
        #!/bin/bash
        gitlab-runner register \\
          --non-interactive \\
          --url "https://gitlab.orbitpay.io/" \\
          --registration-token "⟪a⟫" \\
          --executor "docker" \\
          --docker-image alpine:latest \\
          --description "docker-runner"
        '''), a=S('gitlab-runner-registration-token', r))
    r = rng_for('gitlab', 'python-gitlab')
    c.pos('gitlab', '.python-gitlab.cfg', dedent('''
        [global]
        default = orbit
        ssl_verify = true
        timeout = 5

        [orbit]
        url = https://gitlab.orbitpay.io
        private_token = ⟪a⟫
        api_version = 4
        '''), a=S('gitlab-pat', r))
    r = rng_for('gitlab', 'trigger')
    c.pos('gitlab', 'trigger-downstream.sh', dedent('''
        curl -X POST --fail \\
             -F token=⟪a⟫ \\
             -F ref=main \\
             -F "variables[UPSTREAM_SHA]=${CI_COMMIT_SHA}" \\
             https://gitlab.orbitpay.io/api/v4/projects/212/trigger/pipeline
        '''), a=S('gitlab-pipeline-trigger-token', r))
    r = rng_for('gitlab', 'gitmodules')
    c.pos('gitlab', 'requirements-private.txt', dedent('''
        django==5.0.6
        celery[redis]==5.4.0
        git+https://gitlab-ci-token:⟪a⟫@gitlab.orbitpay.io/platform/orbit-common.git@v2.3.1#egg=orbit-common
        git+https://deploy:⟪b⟫@gitlab.orbitpay.io/platform/orbit-auth.git@v1.9.0
        requests==2.32.3
        '''), a=S('gitlab-pat', r), b=S('gitlab-deploy-token', r))
    r = rng_for('gitlab', 'oauth')
    c.pos('gitlab', 'omniauth.rb', dedent('''
        Rails.application.config.middleware.use OmniAuth::Builder do
          provider :gitlab,
                   "f2c9a8b7e6d5c4b3a2918070605040302010f0e0d0c0b0a09080706050403020",
                   "⟪s⟫",
                   client_options: { site: "https://gitlab.orbitpay.io/api/v4" }
        end
        '''), s=S('gitlab-oauth-app-secret', r))
    r = rng_for('gitlab', 'agent')
    c.pos('gitlab', 'agent-install.sh', dedent('''
        helm repo add gitlab https://charts.gitlab.io
        helm upgrade --install prod-agent gitlab/gitlab-agent \\
            --namespace gitlab-agent-prod-agent \\
            --create-namespace \\
            --set config.token=⟪a⟫ \\
            --set config.kasAddress=wss://kas.gitlab.orbitpay.io
        '''), a=S('gitlab-agent-token', r))


def build_other_ci(c: Corpus) -> None:
    r = rng_for('other-ci', 'circle')
    c.pos('other-ci', 'circleci-cli.yml', dedent('''
        host: https://circleci.com
        endpoint: graphql-unstable
        token: ⟪a⟫
        rest_endpoint: api/v2
        tls_cert: ""
        '''), a=S('circleci-pat', r))
    r = rng_for('other-ci', 'jenkins')
    c.pos('other-ci', 'trigger_jenkins.py', dedent('''
        import requests

        JENKINS = "https://jenkins.orbitpay.io"
        resp = requests.post(
            f"{JENKINS}/job/ledger-api/buildWithParameters",
            auth=("release-bot", "⟪a⟫"),
            params={"BRANCH": "main"},
            timeout=30,
        )
        resp.raise_for_status()
        '''), a=S('jenkins-api-token', r))
    r = rng_for('other-ci', 'tfrc')
    c.pos('other-ci', '.terraformrc', dedent('''
        plugin_cache_dir = "$HOME/.terraform.d/plugin-cache"

        credentials "app.terraform.io" {
          token = "⟪a⟫"
        }
        '''), a=S('terraform-cloud-token', r))
    r = rng_for('other-ci', 'sonar')
    c.pos('other-ci', 'sonar-project.properties', dedent('''
        sonar.projectKey=orbitpay_ledger-api
        sonar.organization=orbitpay
        sonar.host.url=https://sonarcloud.io
        sonar.login=⟪a⟫
        sonar.sources=src
        sonar.tests=tests
        sonar.python.coverage.reportPaths=coverage.xml
        '''), a=S('sonarqube-token', r))
    r = rng_for('other-ci', 'bitbucket')
    c.pos('other-ci', 'bitbucket-pipelines.yml', dedent('''
        image: node:20

        pipelines:
          branches:
            main:
              - step:
                  name: Publish
                  script:
                    - npm ci && npm run build
                    - git push https://orbit-release:⟪a⟫@bitbucket.org/orbitpay/site.git HEAD:gh-pages
        '''), a=S('bitbucket-app-password', r))
    r = rng_for('other-ci', 'buildkite')
    c.pos('other-ci', 'buildkite-agent.cfg', dedent('''
        token="⟪a⟫"
        name="%hostname-%spawn"
        tags="queue=deploy,os=linux"
        build-path="/var/lib/buildkite-agent/builds"
        hooks-path="/etc/buildkite-agent/hooks"
        '''), a=S('buildkite-agent-token', r))
    r = rng_for('other-ci', 'travis')
    c.pos('other-ci', 'restart_builds.rb', dedent('''
        require "travis"

        Travis.access_token = "⟪a⟫"
        repo = Travis::Repository.find("orbitpay/ledger-api")
        repo.last_build.restart if repo.last_build.failed?
        '''), a=S('travis-ci-token', r))
    r = rng_for('other-ci', 'pulumi')
    c.pos('other-ci', 'credentials.json', dedent('''
        {
            "current": "https://api.pulumi.com",
            "accessTokens": {
                "https://api.pulumi.com": "⟪a⟫"
            },
            "accounts": {
                "https://api.pulumi.com": {
                    "accessToken": "⟪a⟫",
                    "username": "orbitpay-ci",
                    "lastValidatedAt": "2024-05-02T08:11:52.103Z"
                }
            }
        }
        '''), a=S('pulumi-token', r))


def build_slack(c: Corpus) -> None:
    r = rng_for('slack', 'bolt')
    c.pos('slack', 'app.py', dedent('''
        from slack_bolt import App

        app = App(
            token="⟪a⟫",
            signing_secret="⟪b⟫",
        )


        @app.command("/deploy")
        def deploy(ack, respond, command):
            ack()
            respond(f"Deploying {command['text']}...")


        if __name__ == "__main__":
            app.start(port=3000)
        '''), a=S('slack-bot-token', r), b=S('slack-signing-secret', r))
    r = rng_for('slack', 'notify.sh')
    c.pos('slack', 'notify.sh', dedent('''
        #!/bin/sh
        STATUS="$1"
        curl -s -X POST -H 'Content-type: application/json' \\
          --data "{\\"text\\":\\"Build ${STATUS} on $(hostname)\\"}" \\
          ⟪u⟫
        '''), u=S('slack-webhook', r))
    r = rng_for('slack', 'alertmanager')
    c.pos('slack', 'alertmanager.yml', dedent('''
        route:
          receiver: slack-oncall
          group_by: ["alertname", "cluster"]
          group_wait: 30s

        receivers:
          - name: slack-oncall
            slack_configs:
              - api_url: ⟪u⟫
                channel: "#oncall"
                send_resolved: true
        '''), u=S('slack-webhook', r))
    r = rng_for('slack', 'socket')
    c.pos('slack', 'socketMode.js', dedent('''
        const { App } = require("@slack/bolt");

        const app = new App({
          token: "⟪a⟫",
          appToken: "⟪b⟫",
          socketMode: true,
        });

        (async () => { await app.start(); console.log("bolt app running"); })();
        '''), a=S('slack-bot-token', r), b=S('slack-app-token', r))
    r = rng_for('slack', 'user')
    c.pos('slack', 'export_channel.go', dedent('''
        package main

        import (
        \t"fmt"

        \t"github.com/slack-go/slack"
        )

        func main() {
        \tapi := slack.New("⟪a⟫")
        \thistory, err := api.GetConversationHistory(&slack.GetConversationHistoryParameters{ChannelID: "C05AB1CD2EF"})
        \tif err != nil {
        \t\tpanic(err)
        \t}
        \tfmt.Println(len(history.Messages))
        }
        '''), a=S('slack-user-token', r))
    r = rng_for('slack', 'jenkins')
    c.pos('slack', 'jenkins.yaml', dedent('''
        unclassified:
          slackNotifier:
            teamDomain: orbitpay
            tokenCredentialId: slack-token
            botUser: true
        credentials:
          system:
            domainCredentials:
              - credentials:
                  - string:
                      id: slack-token
                      secret: "⟪a⟫"
        '''), a=S('slack-bot-token', r))


def build_messaging(c: Corpus) -> None:
    r = rng_for('messaging', 'twilio')
    tok = S('twilio-auth-token', r)
    c.pos('messaging', 'sms.py', dedent('''
        from twilio.rest import Client

        account_sid = "AC1f8b2c7d9e0a4b3c5d6e7f8a9b0c1d2e"
        auth_token = "⟪t⟫"
        client = Client(account_sid, auth_token)

        message = client.messages.create(body="Your code is ready", from_="+15017122661", to="+15558675310")
        print(message.sid)
        '''), t=tok)
    r = rng_for('messaging', 'twilio-curl')
    c.pos('messaging', 'send-sms.sh', dedent('''
        curl -X POST "https://api.twilio.com/2010-04-01/Accounts/AC7d2e1f0a9b8c7d6e5f4a3b2c1d0e9f8a/Messages.json" \\
          --data-urlencode "Body=Deploy finished" \\
          --data-urlencode "From=+15017122661" \\
          --data-urlencode "To=+15558675310" \\
          -u AC7d2e1f0a9b8c7d6e5f4a3b2c1d0e9f8a:⟪t⟫
        '''), t=S('twilio-auth-token', r))
    r = rng_for('messaging', 'discord')
    c.pos('messaging', 'bot.py', dedent('''
        import discord

        intents = discord.Intents.default()
        intents.message_content = True
        client = discord.Client(intents=intents)


        @client.event
        async def on_message(message):
            if message.content.startswith("!status"):
                await message.channel.send("all systems nominal")


        client.run("⟪t⟫")
        '''), t=S('discord-bot-token', r))
    r = rng_for('messaging', 'discord-hook')
    c.pos('messaging', 'post-release.js', dedent('''
        const WEBHOOK = "⟪u⟫";

        export async function announce(version) {
          await fetch(WEBHOOK, {
            method: "POST",
            headers: { "Content-Type": "application/json" },
            body: JSON.stringify({ content: `Released ${version}` }),
          });
        }
        '''), u=S('discord-webhook', r))
    r = rng_for('messaging', 'telegram')
    c.pos('messaging', 'telegram_alert.sh', dedent('''
        #!/usr/bin/env bash
        CHAT_ID=-1001987654321
        MSG="disk usage on $(hostname): $(df -h / | tail -1 | awk '{print $5}')"
        curl -s "https://api.telegram.org/bot⟪t⟫/sendMessage" -d chat_id="$CHAT_ID" -d text="$MSG"
        '''), t=S('telegram-bot-token', r))
    r = rng_for('messaging', 'sendgrid')
    c.pos('messaging', 'Mailer.java', dedent('''
        package io.orbitpay.mail;

        import com.sendgrid.SendGrid;

        public class Mailer {
            private final SendGrid sg = new SendGrid("⟪k⟫");

            public SendGrid client() {
                return sg;
            }
        }
        '''), k=S('sendgrid-api-key', r))
    r = rng_for('messaging', 'mailgun')
    c.pos('messaging', 'mailgun.php', dedent('''
        <?php
        require 'vendor/autoload.php';
        use Mailgun\\Mailgun;

        $mg = Mailgun::create('⟪k⟫', 'https://api.eu.mailgun.net');
        $mg->messages()->send('mg.orbitpay.io', [
            'from'    => 'noreply@mg.orbitpay.io',
            'to'      => 'ops@orbitpay.io',
            'subject' => 'Nightly report',
            'text'    => 'See attachment.',
        ]);
        '''), k=S('mailgun-private-key', r))
    r = rng_for('messaging', 'mailchimp')
    c.pos('messaging', 'newsletter.rb', dedent('''
        require "MailchimpMarketing"

        client = MailchimpMarketing::Client.new
        client.set_config({ api_key: "⟪k⟫", server: "us14" })
        puts client.lists.get_all_lists["lists"].map { |l| l["name"] }
        '''), k=S('mailchimp-api-key', r))
    r = rng_for('messaging', 'teams')
    c.pos('messaging', 'notify-teams.ps1', dedent('''
        $webhook = "⟪u⟫"
        $body = @{ text = "Backup finished on $env:COMPUTERNAME" } | ConvertTo-Json
        Invoke-RestMethod -Method Post -Uri $webhook -Body $body -ContentType 'application/json'
        '''), u=S('teams-webhook', r))


def build_payments(c: Corpus) -> None:
    r = rng_for('payments', 'stripe-py')
    c.pos('payments', 'billing.py', dedent('''
        import stripe

        stripe.api_key = "⟪k⟫"
        WEBHOOK_SECRET = "⟪w⟫"


        def handle(payload: bytes, sig_header: str):
            event = stripe.Webhook.construct_event(payload, sig_header, WEBHOOK_SECRET)
            if event["type"] == "invoice.paid":
                mark_paid(event["data"]["object"]["id"])
        '''), k=S('stripe-secret-key', r), w=S('stripe-webhook-secret', r))
    r = rng_for('payments', 'stripe-node')
    c.pos('payments', 'stripe.ts', dedent('''
        import Stripe from "stripe";

        export const stripe = new Stripe("⟪k⟫", { apiVersion: "2024-04-10" });

        export async function refund(chargeId: string) {
          return stripe.refunds.create({ charge: chargeId });
        }
        '''), k=S('stripe-restricted-key', r))
    r = rng_for('payments', 'braintree')
    token = f'access_token$production${g.rs(r, g.LOWER_ALNUM, 16)}${g.rs(r, g.HEX, 32)}'
    c.pos('payments', 'braintree_gateway.rb', dedent('''
        gateway = Braintree::Gateway.new(
          access_token: "⟪t⟫",
        )

        legacy = Braintree::Gateway.new(
          environment: :production,
          merchant_id: "7kq2x9m4wbn5h8cd",
          public_key: "r4m8vq2x6c7k9ztw",
          private_key: "⟪p⟫",
        )
        '''), t=X(token, 'payments', 'braintree-access-token'), p=S('braintree-private-key', r))
    r = rng_for('payments', 'square')
    c.pos('payments', 'square_client.py', dedent('''
        from square.client import Client

        client = Client(access_token="⟪t⟫", environment="production")
        result = client.locations.list_locations()
        for loc in result.body["locations"]:
            print(loc["id"], loc["name"])
        '''), t=S('square-access-token', r))
    r = rng_for('payments', 'shopify')
    c.pos('payments', 'shopify.server.js', dedent('''
        import "@shopify/shopify-api/adapters/node";
        import { shopifyApi, LATEST_API_VERSION } from "@shopify/shopify-api";

        export const shopify = shopifyApi({
          apiKey: process.env.SHOPIFY_API_KEY!,
          apiSecretKey: "⟪s⟫",
          adminApiAccessToken: "⟪t⟫",
          apiVersion: LATEST_API_VERSION,
          hostName: "orbit-shop.myshopify.com",
          isEmbeddedApp: false,
        });
        '''), s=S('shopify-shared-secret', r), t=S('shopify-access-token', r))
    r = rng_for('payments', 'paypal')
    c.pos('payments', 'PayPalClient.cs', dedent('''
        using PayPalCheckoutSdk.Core;

        public static class PayPalClient
        {
            public static PayPalHttpClient Client()
            {
                var env = new LiveEnvironment(
                    "AXk9m2Qv7rT4wZ1bN6cE8fH3jL5pS0uY2dG4hJ7kM9nP1qR3sT5vW7xZ9aB2cD4e",
                    "⟪s⟫");
                return new PayPalHttpClient(env);
            }
        }
        '''), s=S('paypal-client-secret', r))
    r = rng_for('payments', 'razorpay')
    kid = 'rzp_live_' + g.rs(r, g.ALNUM, 14)
    c.pos('payments', 'razorpay.go', dedent('''
        package payments

        import razorpay "github.com/razorpay/razorpay-go"

        var Client = razorpay.NewClient("KID", "⟪s⟫")
        ''').replace('KID', kid), s=S('razorpay-key-secret', r))
    r = rng_for('payments', 'stripe-curl')
    c.pos('payments', 'refunds.md', dedent('''
        # Manual refunds

        When the dashboard is down, refund with the API directly:

        ```bash
        curl https://api.stripe.com/v1/refunds \\
          -u ⟪k⟫: \\
          -d charge=ch_3PBx2L2eZvKYlo2C1Xv8aQ3T
        ```
        '''), k=S('stripe-secret-key', r))


def build_ai(c: Corpus) -> None:
    r = rng_for('ai', 'openai-py')
    c.pos('ai', 'summarize.py', dedent('''
        from openai import OpenAI

        client = OpenAI(api_key="⟪k⟫")


        def summarize(text: str) -> str:
            resp = client.chat.completions.create(
                model="gpt-4o-mini",
                messages=[{"role": "system", "content": "Summarize in three bullets."},
                          {"role": "user", "content": text}],
            )
            return resp.choices[0].message.content
        '''), k=S('openai-project-key', r))
    r = rng_for('ai', 'anthropic-ts')
    c.pos('ai', 'claude.ts', dedent('''
        import Anthropic from "@anthropic-ai/sdk";

        const apiKey = "⟪k⟫";
        const anthropic = new Anthropic({ apiKey });

        export async function ask(prompt: string) {
          const msg = await anthropic.messages.create({
            model: "claude-3-5-sonnet-latest",
            max_tokens: 1024,
            messages: [{ role: "user", content: prompt }],
          });
          return msg.content;
        }
        '''), k=S('anthropic-api-key', r))
    r = rng_for('ai', 'hf')
    c.pos('ai', 'train.ipynb', json.dumps({'cells': [
        {'cell_type': 'code', 'execution_count': 1, 'metadata': {}, 'outputs': [],
         'source': ['from huggingface_hub import login\n', 'login(token="⟪k⟫")']},
        {'cell_type': 'code', 'execution_count': 2, 'metadata': {}, 'outputs': [
            {'name': 'stdout', 'output_type': 'stream', 'text': ['Login successful\n']}],
         'source': ['from datasets import load_dataset\n', 'ds = load_dataset("orbitpay/support-tickets", split="train")']},
    ], 'metadata': {'kernelspec': {'display_name': 'Python 3', 'language': 'python', 'name': 'python3'}},
        'nbformat': 4, 'nbformat_minor': 5}, indent=1, ensure_ascii=False), k=S('huggingface-token', r))
    r = rng_for('ai', 'curl-anthropic')
    c.pos('ai', 'prompt-debugging.md', dedent('''
        # Debugging prompts

        Reproduce the failing request with curl:

        ```bash
        curl https://api.anthropic.com/v1/messages \\
          -H "x-api-key: ⟪k⟫" \\
          -H "anthropic-version: 2023-06-01" \\
          -H "content-type: application/json" \\
          -d '{"model":"claude-3-haiku-20240307","max_tokens":256,"messages":[{"role":"user","content":"hi"}]}'
        ```
        '''), k=S('anthropic-api-key', r))
    r = rng_for('ai', 'groq')
    c.pos('ai', 'groq_client.go', dedent('''
        package llm

        import "net/http"

        const groqKey = "⟪k⟫"

        func authorize(req *http.Request) {
        \treq.Header.Set("Authorization", "Bearer "+groqKey)
        }
        '''), k=S('groq-api-key', r))
    r = rng_for('ai', 'replicate')
    c.pos('ai', 'replicate.rb', dedent('''
        require "replicate"

        Replicate.configure do |config|
          config.api_token = "⟪k⟫"
        end

        model = Replicate.client.retrieve_model("stability-ai/sdxl")
        '''), k=S('replicate-api-token', r))
    r = rng_for('ai', 'langchain')
    c.pos('ai', 'rag_chain.py', dedent('''
        import os

        from langchain_openai import ChatOpenAI
        from langchain_pinecone import PineconeVectorStore

        os.environ["OPENAI_API_KEY"] = "⟪a⟫"
        os.environ["PINECONE_API_KEY"] = "⟪b⟫"
        os.environ["LANGCHAIN_TRACING_V2"] = "true"

        llm = ChatOpenAI(model="gpt-4o", temperature=0)
        store = PineconeVectorStore(index_name="support-docs")
        '''), a=S('openai-legacy-key', r), b=S('pinecone-api-key', r))
    r = rng_for('ai', 'continue')
    c.pos('ai', 'continue-config.json', dedent('''
        {
          "models": [
            {
              "title": "GPT-4o",
              "provider": "openai",
              "model": "gpt-4o",
              "apiKey": "⟪a⟫"
            },
            {
              "title": "Mistral Large",
              "provider": "mistral",
              "model": "mistral-large-latest",
              "apiKey": "⟪b⟫"
            }
          ],
          "allowAnonymousTelemetry": false
        }
        '''), a=S('openai-service-account-key', r), b=S('mistral-api-key', r))


def build_observability(c: Corpus) -> None:
    r = rng_for('observability', 'datadog')
    c.pos('observability', 'datadog.yaml', dedent('''
        api_key: ⟪a⟫
        app_key: ⟪b⟫
        site: datadoghq.eu
        logs_enabled: true
        apm_config:
          enabled: true
        process_config:
          process_collection:
            enabled: false
        '''), a=S('datadog-api-key', r), b=S('datadog-app-key', r))
    r = rng_for('observability', 'newrelic')
    c.pos('observability', 'newrelic.yml', dedent('''
        common: &default_settings
          license_key: '⟪a⟫'
          app_name: Ledger API
          distributed_tracing:
            enabled: true
          log_level: info

        production:
          <<: *default_settings
        '''), a=S('newrelic-license-key', r))
    r = rng_for('observability', 'sentry-legacy')
    c.pos('observability', 'sentry_init.py', dedent('''
        import sentry_sdk

        sentry_sdk.init(
            dsn="https://4f1e2d3c4b5a69788796a5b4c3d2e1f0:⟪s⟫@sentry.orbitpay.io/12",
            traces_sample_rate=0.2,
            environment="production",
        )
        '''), s=X(g.hexs(r, 32), 'observability', 'sentry-dsn-secret'))
    r = rng_for('observability', 'sentryclirc')
    c.pos('observability', '.sentryclirc', dedent('''
        [defaults]
        url = https://sentry.io/
        org = orbitpay
        project = ledger-api

        [auth]
        token = ⟪a⟫
        '''), a=S('sentry-org-token', r))
    r = rng_for('observability', 'grafana')
    c.pos('observability', 'grafana-agent.river', dedent('''
        prometheus.remote_write "cloud" {
          endpoint {
            url = "https://prometheus-prod-13-prod-us-east-0.grafana.net/api/prom/push"
            basic_auth {
              username = "1172839"
              password = "⟪a⟫"
            }
          }
        }
        '''), a=S('grafana-cloud-token', r))
    r = rng_for('observability', 'otel')
    c.pos('observability', 'otel-collector.yaml', dedent('''
        receivers:
          otlp:
            protocols:
              grpc:
              http:
        exporters:
          otlphttp/honeycomb:
            endpoint: https://api.honeycomb.io
            headers:
              x-honeycomb-team: ⟪a⟫
          otlphttp/newrelic:
            endpoint: https://otlp.nr-data.net
            headers:
              api-key: ⟪b⟫
        service:
          pipelines:
            traces:
              receivers: [otlp]
              exporters: [otlphttp/honeycomb, otlphttp/newrelic]
        '''), a=S('honeycomb-api-key', r), b=S('newrelic-license-key', r))
    r = rng_for('observability', 'dynatrace')
    c.pos('observability', 'oneagent-install.sh', dedent('''
        wget -O Dynatrace-OneAgent.sh \\
          "https://abc12345.live.dynatrace.com/api/v1/deployment/installer/agent/unix/default/latest?arch=x86" \\
          --header="Authorization: Api-Token ⟪a⟫"
        /bin/sh Dynatrace-OneAgent.sh --set-monitoring-mode=fullstack
        '''), a=S('dynatrace-token', r))
    r = rng_for('observability', 'splunk')
    c.pos('observability', 'fluent-bit.conf', dedent('''
        [INPUT]
            Name   tail
            Path   /var/log/containers/*.log
            Tag    kube.*

        [OUTPUT]
            Name         splunk
            Match        *
            Host         splunk-hec.orbitpay.io
            Port         8088
            Splunk_Token ⟪a⟫
            TLS          On
        '''), a=S('splunk-hec-token', r))


def build_registries(c: Corpus) -> None:
    r = rng_for('registries', 'npmrc')
    c.pos('registries', '.npmrc', dedent('''
        registry=https://registry.npmjs.org/
        @orbitpay:registry=https://npm.pkg.github.com
        //registry.npmjs.org/:_authToken=⟪a⟫
        save-exact=true
        engine-strict=true
        '''), a=S('npm-token', r))
    r = rng_for('registries', 'npmrc-auth')
    auth = g.b64(f'ci-publisher:{g.strong_password(r, 18)}'.encode())
    c.pos('registries', 'nexus.npmrc', dedent('''
        registry=https://nexus.orbitpay.io/repository/npm-group/
        _auth=⟪a⟫
        email=ci@orbitpay.io
        always-auth=true
        '''), a=X(auth, 'registries', 'npm-basic-auth'))
    r = rng_for('registries', 'pypirc')
    c.pos('registries', '.pypirc', dedent('''
        [distutils]
        index-servers =
            pypi
            internal

        [pypi]
        username = __token__
        password = ⟪a⟫

        [internal]
        repository = https://pypi.orbitpay.io/simple/
        username = release
        password = ⟪b⟫
        '''), a=S('pypi-token', r), b=X(g.typed_password(r), 'registries', 'private-index-password'))
    r = rng_for('registries', 'docker')
    c.pos('registries', 'config.json', dedent('''
        {
        \t"auths": {
        \t\t"https://index.docker.io/v1/": {
        \t\t\t"auth": "⟪a⟫"
        \t\t},
        \t\t"registry.orbitpay.io": {
        \t\t\t"auth": "⟪b⟫"
        \t\t}
        \t},
        \t"currentContext": "desktop-linux"
        }
        '''), a=S('docker-config-auth', r), b=S('docker-config-auth', r))
    r = rng_for('registries', 'docker-login')
    c.pos('registries', 'publish-image.sh', dedent('''
        #!/usr/bin/env bash
        set -euo pipefail
        echo "⟪a⟫" | docker login -u orbitpaybot --password-stdin
        docker build -t orbitpay/ledger-api:"$VERSION" .
        docker push orbitpay/ledger-api:"$VERSION"
        '''), a=S('dockerhub-pat', r))
    r = rng_for('registries', 'gem')
    c.pos('registries', 'credentials', dedent('''
        ---
        :rubygems_api_key: ⟪a⟫
        :https://rubygems.pkg.github.com/orbitpay: Bearer ⟪b⟫
        '''), a=S('rubygems-api-key', r), b=X(g.github(r, 'ghp'), 'registries', 'github-packages-token'))
    r = rng_for('registries', 'nuget')
    c.pos('registries', 'NuGet.Config', dedent('''
        <?xml version="1.0" encoding="utf-8"?>
        <configuration>
          <packageSources>
            <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
            <add key="orbit" value="https://nuget.orbitpay.io/v3/index.json" />
          </packageSources>
          <apikeys>
            <add key="https://www.nuget.org/api/v2/package" value="⟪a⟫" />
          </apikeys>
          <packageSourceCredentials>
            <orbit>
              <add key="Username" value="ci" />
              <add key="ClearTextPassword" value="⟪b⟫" />
            </orbit>
          </packageSourceCredentials>
        </configuration>
        '''), a=S('nuget-api-key', r), b=X(g.strong_password(r, 20), 'registries', 'nuget-feed-password'))
    r = rng_for('registries', 'maven')
    c.pos('registries', 'settings.xml', dedent('''
        <settings xmlns="http://maven.apache.org/SETTINGS/1.0.0">
          <servers>
            <server>
              <id>artifactory-releases</id>
              <username>ci-deployer</username>
              <password>⟪a⟫</password>
            </server>
            <server>
              <id>ossrh</id>
              <username>orbitpay</username>
              <password>⟪b⟫</password>
            </server>
          </servers>
        </settings>
        '''), a=S('artifactory-api-key', r), b=X(g.typed_password(r), 'registries', 'maven-repository-password'))
    r = rng_for('registries', 'cargo')
    c.pos('registries', 'credentials.toml', dedent('''
        [registry]
        token = "⟪a⟫"

        [registries.orbit]
        token = "Bearer ⟪b⟫"
        '''), a=S('crates-io-token', r), b=X(g.rs(r, g.ALNUM, 40), 'registries', 'private-cargo-registry-token'))
    r = rng_for('registries', 'yarnrc')
    c.pos('registries', '.yarnrc.yml', dedent('''
        nodeLinker: node-modules
        npmScopes:
          orbitpay:
            npmRegistryServer: "https://registry.npmjs.org"
            npmAuthToken: "⟪a⟫"
        yarnPath: .yarn/releases/yarn-4.2.2.cjs
        '''), a=S('npm-token', r))
    r = rng_for('registries', 'gradle')
    c.pos('registries', 'gradle.properties', dedent('''
        org.gradle.jvmargs=-Xmx2g
        org.gradle.parallel=true
        gradle.publish.key=⟪a⟫
        gradle.publish.secret=⟪b⟫
        ossrhUsername=orbitpay
        ossrhPassword=⟪c⟫
        '''), a=X(g.rs(r, g.ALNUM, 32), 'registries', 'gradle-plugin-portal-key'),
        b=X(g.rs(r, g.ALNUM, 32), 'registries', 'gradle-plugin-portal-secret'),
        c=X(g.strong_password(r, 22), 'registries', 'sonatype-password'))


def build_saas(c: Corpus) -> None:
    r = rng_for('saas', 'jira')
    c.pos('saas', 'jira_sync.py', dedent('''
        from atlassian import Jira

        jira = Jira(
            url="https://orbitpay.atlassian.net",
            username="release-bot@orbitpay.io",
            password="⟪a⟫",
            cloud=True,
        )
        issues = jira.jql("project = LEDGER AND fixVersion = 2.8.0")
        '''), a=S('atlassian-api-token', r))
    r = rng_for('saas', 'vault')
    c.pos('saas', 'vault-login.sh', dedent('''
        #!/bin/sh
        export VAULT_ADDR=https://vault.orbitpay.io:8200
        export VAULT_TOKEN=⟪a⟫
        vault kv get -field=password secret/data/ledger/db
        '''), a=S('vault-service-token', r))
    r = rng_for('saas', 'vault-hcl')
    c.pos('saas', 'vault-agent.hcl', dedent('''
        vault {
          address = "https://vault.orbitpay.io:8200"
        }

        auto_auth {
          method "token_file" {
            config = {
              token_file_path = "/etc/vault/token"
            }
          }
        }

        template {
          source      = "/etc/vault/templates/db.ctmpl"
          destination = "/run/secrets/db.env"
        }

        # break-glass token while the approle is being fixed
        token = "⟪a⟫"
        '''), a=S('vault-legacy-token', r))
    r = rng_for('saas', 'databricks')
    c.pos('saas', '.databrickscfg', dedent('''
        [DEFAULT]
        host  = https://adb-4815162342108.8.azuredatabricks.net
        token = ⟪a⟫

        [staging]
        host  = https://adb-1123581321345.5.azuredatabricks.net
        token = ⟪b⟫
        '''), a=S('databricks-token', r), b=S('databricks-token', r))
    r = rng_for('saas', 'notion')
    c.pos('saas', 'notion_export.js', dedent('''
        const { Client } = require("@notionhq/client");

        const notion = new Client({ auth: "⟪a⟫" });

        async function main() {
          const db = await notion.databases.query({ database_id: "8f4a1c2b3d4e5f60718293a4b5c6d7e8" });
          console.log(db.results.length);
        }
        main();
        '''), a=S('notion-integration-token', r))
    r = rng_for('saas', 'postman')
    c.pos('saas', 'run-collection.sh', dedent('''
        postman login --with-api-key ⟪a⟫
        postman collection run 28102334-1f2e3d4c-5b6a-7980-a1b2-c3d4e5f60718 -e production.json
        '''), a=S('postman-api-key', r))
    r = rng_for('saas', 'figma')
    c.pos('saas', 'export-icons.ts', dedent('''
        const FIGMA_FILE = "k8X2nQ4rT7vW1yZ3bC5dF6";
        const headers = { "X-Figma-Token": "⟪a⟫" };

        export async function listFrames() {
          const res = await fetch(`https://api.figma.com/v1/files/${FIGMA_FILE}`, { headers });
          return (await res.json()).document.children;
        }
        '''), a=S('figma-pat', r))
    r = rng_for('saas', 'linear')
    c.pos('saas', 'linear.graphql.sh', dedent('''
        curl -s https://api.linear.app/graphql \\
          -H "Content-Type: application/json" \\
          -H "Authorization: ⟪a⟫" \\
          --data '{ "query": "{ issues(first: 10) { nodes { identifier title } } }" }'
        '''), a=S('linear-api-key', r))
    r = rng_for('saas', 'doppler')
    c.pos('saas', 'Dockerfile.doppler', dedent('''
        FROM node:20-alpine
        RUN wget -q -t3 'https://packages.doppler.com/public/cli/rsa.8004D9FF50437357.key' -O /etc/apk/keys/cli@doppler-8004D9FF50437357.rsa.pub && \\
            echo 'https://packages.doppler.com/public/cli/alpine/any-version/main' | tee -a /etc/apk/repositories && \\
            apk add doppler
        ENV DOPPLER_TOKEN="⟪a⟫"
        WORKDIR /usr/src/app
        COPY . .
        CMD ["doppler", "run", "--", "node", "server.js"]
        '''), a=S('doppler-service-token', r))
    r = rng_for('saas', 'okta')
    c.pos('saas', 'okta.tf', dedent('''
        provider "okta" {
          org_name  = "orbitpay"
          base_url  = "okta.com"
          api_token = "⟪a⟫"
        }
        '''), a=S('okta-api-token', r))


def build_private_keys(c: Corpus) -> None:
    fam = 'private-keys'
    for name, kind in [('id_rsa', 'RSA PRIVATE KEY'), ('server.key', 'PRIVATE KEY'), ('ec-signing.pem', 'EC PRIVATE KEY'),
                       ('id_ed25519', 'OPENSSH PRIVATE KEY'), ('legacy-dsa.key', 'DSA PRIVATE KEY'),
                       ('backup-encrypted.p8', 'ENCRYPTED PRIVATE KEY')]:
        r = rng_for(fam, name)
        c.pos(fam, name, '⟪k⟫\n', k=X(g.pem(kind, r), fam, kind.lower().replace(' ', '-')))
    r = rng_for(fam, 'tls-bundle')
    cert_body = g._wrap(g.b64(b'\x30\x82\x03\x1d\x30\x82\x02\x05\xa0\x03\x02\x01\x02' + g.rbytes(r, 780)))
    c.pos(fam, 'tls-bundle.pem', '-----BEGIN CERTIFICATE-----\n' + cert_body + '\n-----END CERTIFICATE-----\n⟪k⟫\n',
          k=X(g.pem('RSA PRIVATE KEY', r), fam, 'rsa-private-key'))
    r = rng_for(fam, 'pgp')
    c.pos(fam, 'release-signing.asc', '⟪k⟫\n', k=X(g.pgp_private(r), fam, 'pgp-private-key-block'))
    r = rng_for(fam, 'putty')
    c.pos(fam, 'deploy.ppk', '⟪k⟫\n', k=X(g.putty_key(r, 'deploy@orbitpay-bastion'), fam, 'putty-private-key'))
    r = rng_for(fam, 'k8s-tls')
    tls = g.b64(g.pem('PRIVATE KEY', r).encode() + b'\n')
    crt = g.b64(b'-----BEGIN CERTIFICATE-----\n' + g.b64(g.rbytes(r, 700)).encode() + b'\n-----END CERTIFICATE-----\n')
    c.pos(fam, 'ingress-tls.yaml', dedent('''
        apiVersion: v1
        kind: Secret
        metadata:
          name: orbitpay-io-tls
          namespace: ingress
        type: kubernetes.io/tls
        data:
          tls.crt: CRT
          tls.key: ⟪k⟫
        ''').replace('CRT', crt), k=X(tls, fam, 'base64-encoded-pem-private-key'))
    r = rng_for(fam, 'yaml-block')
    key = g.pem('RSA PRIVATE KEY', r)
    c.pos(fam, 'deploy-vars.yml', dedent('''
        deploy_user: deploy
        deploy_path: /srv/ledger
        deploy_ssh_key: |
        ⟪k⟫
        deploy_keep_releases: 5
        '''), k=X('\n'.join('  ' + ln for ln in key.split('\n')), fam, 'rsa-private-key'))
    r = rng_for(fam, 'python-literal')
    key = g.pem('EC PRIVATE KEY', r)
    c.pos(fam, 'apns.py', dedent('''
        import jwt
        import time

        TEAM_ID = "9QX4K2M7LZ"
        KEY_ID = "ABC123DEFG"
        SIGNING_KEY = """⟪k⟫
        """


        def provider_token() -> str:
            return jwt.encode({"iss": TEAM_ID, "iat": int(time.time())}, SIGNING_KEY, algorithm="ES256",
                              headers={"kid": KEY_ID})
        '''), k=X(key, fam, 'ec-private-key'))
    r = rng_for(fam, 'github-app-json')
    key = g.pem('RSA PRIVATE KEY', r).replace('\n', '\\n') + '\\n'
    c.pos(fam, 'github-app.json', dedent('''
        {
          "app_id": 912345,
          "installation_id": 48151623,
          "private_key": "⟪k⟫",
          "webhook_url": "https://ci.orbitpay.io/github/events"
        }
        '''), k=X(key, fam, 'json-escaped-rsa-private-key'))
    r = rng_for(fam, 'env-escaped')
    key = g.pem('PRIVATE KEY', r).replace('\n', '\\n')
    c.pos(fam, '.env.local', dedent('''
        NEXT_PUBLIC_SITE_URL=https://orbitpay.io
        FIREBASE_PROJECT_ID=orbit-mobile-31b2c
        FIREBASE_CLIENT_EMAIL=firebase-adminsdk-q7x2c@orbit-mobile-31b2c.iam.gserviceaccount.com
        FIREBASE_PRIVATE_KEY="⟪k⟫"
        '''), k=X(key, fam, 'env-escaped-pkcs8-private-key'))
    r = rng_for(fam, 'tf-heredoc')
    key = g.pem('OPENSSH PRIVATE KEY', r)
    c.pos(fam, 'bastion.tf', dedent('''
        resource "null_resource" "provision" {
          connection {
            type        = "ssh"
            host        = aws_instance.bastion.public_ip
            user        = "ubuntu"
            private_key = <<-EOT
        ⟪k⟫
            EOT
          }
        }
        '''), k=X(key, fam, 'openssh-private-key'))
    r = rng_for(fam, 'js-literal')
    key = g.pem('RSA PRIVATE KEY', r).replace('\n', '\\n')
    c.pos(fam, 'sign.js', dedent('''
        const crypto = require("crypto");

        const PRIVATE_KEY = "⟪k⟫";

        module.exports.sign = (payload) =>
          crypto.createSign("RSA-SHA256").update(payload).sign(PRIVATE_KEY, "base64");
        '''), k=X(key, fam, 'js-escaped-rsa-private-key'))
    r = rng_for(fam, 'java-literal')
    key = g.pem('PRIVATE KEY', r)
    lines = key.split('\n')
    body = '\n'.join(f'        + "{ln}\\n"' for ln in lines[1:])
    java = f'"{lines[0]}\\n"\n{body};'
    c.pos(fam, 'TokenSigner.java', dedent('''
        package io.orbitpay.auth;

        final class TokenSigner {
            private static final String PEM =
                ⟪k⟫

            private TokenSigner() {}
        }
        '''), k=X(java, fam, 'java-concatenated-pkcs8-private-key'))
    r = rng_for(fam, 'ssh-config-dir')
    c.pos(fam, 'authorized-deploy-key.txt', dedent('''
        Deploy key for the docs site (added 2024-02-11, see OPS-412)
        Public half is registered on GitHub as "docs deploy".

        ⟪k⟫
        '''), k=X(g.pem('OPENSSH PRIVATE KEY', r), fam, 'openssh-private-key'))


def build_connection_strings(c: Corpus) -> None:
    fam = 'connection-strings'

    def pw(r: random.Random, url: bool = True) -> str:
        return g.typed_password(r, url_safe=url) if r.random() < 0.5 else g.strong_password(r, 20, url_safe=url)
    r = rng_for(fam, 'alembic')
    c.pos(fam, 'alembic.ini', dedent('''
        [alembic]
        script_location = migrations
        prepend_sys_path = .
        sqlalchemy.url = postgresql://ledger:⟪p⟫@db-prod-1.internal.orbitpay.io/ledger

        [loggers]
        keys = root,sqlalchemy,alembic
        '''), p=X(pw(r), fam, 'postgres-url-password'))
    r = rng_for(fam, 'knex')
    c.pos(fam, 'knexfile.js', dedent('''
        module.exports = {
          production: {
            client: "mysql2",
            connection: "mysql://orders:⟪p⟫@mysql.ledgerly.net:3306/orders",
            pool: { min: 2, max: 10 },
            migrations: { tableName: "knex_migrations" },
          },
        };
        '''), p=X(pw(r), fam, 'mysql-url-password'))
    r = rng_for(fam, 'mongo')
    c.pos(fam, 'db.go', dedent('''
        package db

        import (
        \t"context"

        \t"go.mongodb.org/mongo-driver/mongo"
        \t"go.mongodb.org/mongo-driver/mongo/options"
        )

        const uri = "mongodb+srv://catalog-svc:⟪p⟫@cluster0.q8zkw.mongodb.net/?retryWrites=true&w=majority&appName=catalog"

        func Connect(ctx context.Context) (*mongo.Client, error) {
        \treturn mongo.Connect(ctx, options.Client().ApplyURI(uri))
        }
        '''), p=X(pw(r), fam, 'mongodb-srv-password'))
    r = rng_for(fam, 'ado')
    c.pos(fam, 'appsettings.json', dedent('''
        {
          "ConnectionStrings": {
            "Default": "Server=tcp:orbit-sql.database.windows.net,1433;Initial Catalog=Orders;User ID=orders_app;Password=⟪p⟫;Encrypt=True;",
            "Reporting": "Data Source=10.40.3.21;Initial Catalog=Reporting;Integrated Security=True;"
          },
          "Logging": { "LogLevel": { "Default": "Warning" } }
        }
        '''), p=X(pw(r, False), fam, 'adonet-password'))
    r = rng_for(fam, 'jdbc')
    c.pos(fam, 'hibernate.cfg.xml', dedent('''
        <?xml version="1.0" encoding="utf-8"?>
        <hibernate-configuration>
          <session-factory>
            <property name="hibernate.connection.driver_class">org.postgresql.Driver</property>
            <property name="hibernate.connection.url">jdbc:postgresql://pg-main.internal:5432/ledger?user=ledger_app&amp;password=⟪p⟫</property>
            <property name="hibernate.dialect">org.hibernate.dialect.PostgreSQLDialect</property>
          </session-factory>
        </hibernate-configuration>
        '''), p=X(pw(r), fam, 'jdbc-url-password'))
    r = rng_for(fam, 'redis')
    c.pos(fam, 'cache.py', dedent('''
        import redis

        cache = redis.Redis.from_url("redis://:⟪p⟫@redis-prod.orbitpay.internal:6379/2", decode_responses=True)


        def remember(key: str, value: str, ttl: int = 300) -> None:
            cache.setex(key, ttl, value)
        '''), p=X(pw(r), fam, 'redis-url-password'))
    r = rng_for(fam, 'celery')
    c.pos(fam, 'celeryconfig.py', dedent('''
        broker_url = "amqp://celery:⟪p⟫@rabbitmq.orbitpay.internal:5672/orders"
        result_backend = "rpc://"
        task_serializer = "json"
        accept_content = ["json"]
        timezone = "UTC"
        '''), p=X(pw(r), fam, 'amqp-url-password'))
    r = rng_for(fam, 'pgpass')
    c.pos(fam, '.pgpass', dedent('''
        db-prod-1.internal.orbitpay.io:5432:ledger:ledger_app:⟪a⟫
        pg-replica.internal.orbitpay.io:5432:*:readonly:⟪b⟫
        '''), a=X(pw(r, False), fam, 'pgpass-password'), b=X(pw(r, False), fam, 'pgpass-password'))
    r = rng_for(fam, 'git-credentials')
    c.pos(fam, 'mirror.sh', dedent('''
        #!/bin/sh
        # mirror the legacy SVN export to the internal git server
        git push --mirror https://svc-mirror:⟪p⟫@git.orbitpay.internal/legacy/billing.git
        '''), p=X(pw(r), fam, 'https-url-password'))
    r = rng_for(fam, 'elastic')
    c.pos(fam, 'logstash.conf', dedent('''
        input { beats { port => 5044 } }
        output {
          elasticsearch {
            hosts => ["https://elastic:⟪p⟫@es-prod.orbitpay.internal:9200"]
            index => "app-logs-%{+YYYY.MM.dd}"
          }
        }
        '''), p=X(pw(r), fam, 'elasticsearch-url-password'))
    r = rng_for(fam, 'spring-jdbc')
    c.pos(fam, 'application-prod.yml', dedent('''
        spring:
          datasource:
            url: jdbc:sqlserver://orbit-sql.database.windows.net:1433;database=Billing;user=billing_app@orbit-sql;password=⟪p⟫;encrypt=true;trustServerCertificate=false
            hikari:
              maximum-pool-size: 20
        '''), p=X(pw(r, False), fam, 'jdbc-sqlserver-password'))
    r = rng_for(fam, 'ftp')
    c.pos(fam, 'sync-invoices.py', dedent('''
        import ftplib  # noqa: F401
        from urllib.request import urlopen

        SOURCE = "ftp://invoices:⟪p⟫@ftp.partner-logistics.com/outgoing/invoices.csv"

        with urlopen(SOURCE) as resp, open("invoices.csv", "wb") as out:
            out.write(resp.read())
        '''), p=X(pw(r), fam, 'ftp-url-password'))


def build_jwt(c: Corpus) -> None:
    fam = 'jwt'
    r = rng_for(fam, 'supabase')
    c.pos(fam, 'supabaseAdmin.ts', dedent('''
        import { createClient } from "@supabase/supabase-js";

        export const supabaseAdmin = createClient(
          "https://qwhxkzvbnmrtplsjdfga.supabase.co",
          "⟪k⟫",
          { auth: { persistSession: false } },
        );
        '''), k=S('jwt-supabase-service-role', r))
    r = rng_for(fam, 'postman-env')
    c.pos(fam, 'production.postman_environment.json', dedent('''
        {
          "id": "5c2e8f1a-7b3d-4e9c-a6f0-2d1b8c7e4a93",
          "name": "production",
          "values": [
            {"key": "baseUrl", "value": "https://api.orbitpay.io", "enabled": true},
            {"key": "accessToken", "value": "⟪k⟫", "enabled": true}
          ]
        }
        '''), k=S('jwt-rs256-access-token', r))
    r = rng_for(fam, 'test-client')
    c.pos(fam, 'smoke_test.py', dedent('''
        import requests

        TOKEN = "⟪k⟫"


        def run():
            r = requests.get("https://api.orbitpay.io/v1/health/deep", headers={"Authorization": f"Bearer {TOKEN}"}, timeout=10)
            assert r.status_code == 200, r.text
        '''), k=S('jwt-api-token', r))
    r = rng_for(fam, 'har')
    c.pos(fam, 'checkout-bug.har', dedent('''
        {
          "log": {
            "version": "1.2",
            "creator": {"name": "Firefox", "version": "125.0"},
            "entries": [
              {
                "startedDateTime": "2024-05-03T14:02:11.514Z",
                "request": {
                  "method": "POST",
                  "url": "https://api.orbitpay.io/v1/checkout",
                  "headers": [
                    {"name": "Content-Type", "value": "application/json"},
                    {"name": "Authorization", "value": "Bearer ⟪k⟫"}
                  ]
                },
                "response": {"status": 500, "statusText": "Internal Server Error"}
              }
            ]
          }
        }
        '''), k=S('jwt-rs256-access-token', r))
    r = rng_for(fam, 'mobile')
    c.pos(fam, 'ApiClient.swift', dedent('''
        import Foundation

        enum ApiClient {
            static let baseURL = URL(string: "https://api.orbitpay.io")!
            static let serviceToken = "⟪k⟫"

            static func request(_ path: String) -> URLRequest {
                var req = URLRequest(url: baseURL.appendingPathComponent(path))
                req.setValue("Bearer \\(serviceToken)", forHTTPHeaderField: "Authorization")
                return req
            }
        }
        '''), k=S('jwt-api-token', r))
    r = rng_for(fam, 'cookie')
    c.pos(fam, 'session-debug.log', dedent('''
        [2024-05-11 10:02:44] INFO  request_id=7f3a2c1b path=/account method=GET status=200
        [2024-05-11 10:02:45] DEBUG cookies: refresh_token=⟪k⟫; Path=/auth; HttpOnly
        [2024-05-11 10:02:45] INFO  request_id=8b4e1d2a path=/auth/refresh method=POST status=200
        '''), k=S('jwt-refresh-token', r))
    r = rng_for(fam, 'appstore')
    c.pos(fam, 'upload_build.rb', dedent('''
        require "net/http"

        JWT_TOKEN = "⟪k⟫"

        uri = URI("https://api.appstoreconnect.apple.com/v1/builds?limit=5")
        req = Net::HTTP::Get.new(uri)
        req["Authorization"] = "Bearer #{JWT_TOKEN}"
        puts Net::HTTP.start(uri.host, uri.port, use_ssl: true) { |h| h.request(req) }.body
        '''), k=S('jwt-es256-token', r))


def build_password_hashes(c: Corpus) -> None:
    fam = 'password-hashes'
    r = rng_for(fam, 'htpasswd')
    c.pos(fam, '.htpasswd', '⟪a⟫\n⟪b⟫\n⟪c⟫\n',
          a=X('admin:' + g.md5crypt(r, 'apr1'), fam, 'htpasswd-apr1'), b=X('grafana:' + g.bcrypt_hash(r, '2y', 10), fam, 'htpasswd-bcrypt'),
          c=X('deploy:{SHA}' + g.safe_b64(r, 20), fam, 'htpasswd-sha1'))
    r = rng_for(fam, 'shadow')
    c.pos(fam, 'shadow', dedent('''
        root:⟪a⟫:19720:0:99999:7:::
        daemon:*:19720:0:99999:7:::
        bin:*:19720:0:99999:7:::
        sys:*:19720:0:99999:7:::
        sshd:!:19720::::::
        deploy:⟪b⟫:19745:0:99999:7:::
        backup:⟪c⟫:19745:0:99999:7:::
        '''), a=X(g.sha512crypt(r), fam, 'sha512crypt'), b=X(g.sha512crypt(r), fam, 'sha512crypt'), c=X(g.sha256crypt(r), fam, 'sha256crypt'))
    r = rng_for(fam, 'seed-sql')
    c.pos(fam, 'seed_users.sql', dedent('''
        INSERT INTO users (id, email, password_hash, role, created_at) VALUES
          (1, 'admin@orbitpay.io', '⟪a⟫', 'admin', NOW()),
          (2, 'support@orbitpay.io', '⟪b⟫', 'support', NOW()),
          (3, 'readonly@orbitpay.io', '⟪c⟫', 'viewer', NOW());
        '''), a=X(g.bcrypt_hash(r), fam, 'bcrypt'), b=X(g.bcrypt_hash(r), fam, 'bcrypt'), c=X(g.argon2id(r), fam, 'argon2id'))
    r = rng_for(fam, 'django-fixture')
    c.pos(fam, 'initial_users.json', dedent('''
        [
          {
            "model": "auth.user",
            "pk": 1,
            "fields": {
              "username": "admin",
              "password": "⟪a⟫",
              "is_superuser": true,
              "is_staff": true,
              "email": "admin@orbitpay.io"
            }
          }
        ]
        '''), a=X(g.django_pbkdf2(r), fam, 'django-pbkdf2-sha256'))
    r = rng_for(fam, 'traefik')
    c.pos(fam, 'docker-compose.traefik.yml', dedent('''
        services:
          traefik:
            image: traefik:v3.0
            labels:
              - "traefik.http.routers.dashboard.rule=Host(`traefik.orbitpay.io`)"
              - "traefik.http.routers.dashboard.middlewares=auth"
              - "traefik.http.middlewares.auth.basicauth.users=ops:⟪a⟫"
        '''), a=X(g.md5crypt(r, 'apr1').replace('$', '$$'), fam, 'htpasswd-apr1-compose-escaped'))
    r = rng_for(fam, 'ansible')
    c.pos(fam, 'users.yml', dedent('''
        - name: Create service accounts
          hosts: all
          become: true
          tasks:
            - name: deploy user
              ansible.builtin.user:
                name: deploy
                groups: docker
                password: "⟪a⟫"
                shell: /bin/bash
        '''), a=X(g.sha512crypt(r), fam, 'sha512crypt'))
    r = rng_for(fam, 'mysql')
    c.pos(fam, 'mysql-users.sql', dedent('''
        CREATE USER 'reporting'@'%' IDENTIFIED WITH mysql_native_password AS '⟪a⟫';
        GRANT SELECT ON analytics.* TO 'reporting'@'%';
        FLUSH PRIVILEGES;
        '''), a=X('*' + g.rs(r, g.HEXU, 40), fam, 'mysql-native-password-hash'))
    r = rng_for(fam, 'pg')
    c.pos(fam, 'roles.sql', dedent('''
        CREATE ROLE app_rw LOGIN PASSWORD '⟪a⟫';
        CREATE ROLE app_ro LOGIN PASSWORD '⟪b⟫';
        GRANT CONNECT ON DATABASE ledger TO app_rw, app_ro;
        '''), a=X(g.scram(r), fam, 'postgres-scram-sha-256'), b=X('md5' + g.hexs(r, 32), fam, 'postgres-md5'))
    r = rng_for(fam, 'grafana')
    c.pos(fam, 'users.yaml', dedent('''
        # Alertmanager / Prometheus web config (basic auth)
        tls_server_config:
          cert_file: /etc/prometheus/tls.crt
          key_file: /etc/prometheus/tls.key
        basic_auth_users:
          prometheus: ⟪a⟫
          grafana: ⟪b⟫
        '''), a=X(g.bcrypt_hash(r, '2y', 10), fam, 'bcrypt'), b=X(g.bcrypt_hash(r, '2y', 10), fam, 'bcrypt'))
    r = rng_for(fam, 'flask')
    c.pos(fam, 'fixtures.py', dedent('''
        from app.models import User

        USERS = [
            User(email="ana@orbitpay.io", password_hash="⟪a⟫"),
            User(email="ben@orbitpay.io", password_hash="⟪b⟫"),
        ]
        '''), a=X(g.werkzeug_hash(r), fam, 'werkzeug-pbkdf2'), b=X(g.werkzeug_hash(r), fam, 'werkzeug-pbkdf2'))
    r = rng_for(fam, 'ntlm')
    c.pos(fam, 'secretsdump.txt', dedent('''
        [*] Dumping local SAM hashes (uid:rid:lmhash:nthash)
        Administrator:500:aad3b435b51404eeaad3b435b51404ee:⟪a⟫:::
        Guest:501:aad3b435b51404eeaad3b435b51404ee:31d6cfe0d16ae931b73c59d7e0c089c0:::
        svc_backup:1001:aad3b435b51404eeaad3b435b51404ee:⟪b⟫:::
        [*] Cleaning up...
        '''), a=X(g.hexs(r, 32), fam, 'ntlm-hash'), b=X(g.hexs(r, 32), fam, 'ntlm-hash'))
    r = rng_for(fam, 'ldif')
    c.pos(fam, 'people.ldif', dedent('''
        dn: uid=jdoe,ou=people,dc=orbitpay,dc=io
        objectClass: inetOrgPerson
        uid: jdoe
        cn: Jordan Doe
        sn: Doe
        userPassword: {SSHA}⟪a⟫
        '''), a=X(g.safe_b64(r, 28), fam, 'ldap-ssha'))
    r = rng_for(fam, 'php')
    c.pos(fam, 'UserSeeder.php', dedent('''
        <?php

        namespace Database\\Seeders;

        use Illuminate\\Database\\Seeder;
        use Illuminate\\Support\\Facades\\DB;

        class UserSeeder extends Seeder
        {
            public function run(): void
            {
                DB::table('users')->insert([
                    'name' => 'Site Admin',
                    'email' => 'admin@orbitpay.io',
                    'password' => '⟪a⟫',
                ]);
            }
        }
        '''), a=X(g.bcrypt_hash(r, '2y', 12), fam, 'bcrypt'))
    r = rng_for(fam, 'cloud-init')
    c.pos(fam, 'cloud-init.yaml', dedent('''
        #cloud-config
        users:
          - name: ops
            groups: sudo
            lock_passwd: false
            passwd: ⟪a⟫
            ssh_authorized_keys:
              - ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIO2m3YQ8n7h4JkqZ1vT9xW5cR6bE0aF2dG8hL4pM1sN ops@laptop
        '''), a=X(g.sha512crypt(r), fam, 'sha512crypt'))


def build_headers(c: Corpus) -> None:
    fam = 'headers'

    def bearer(r):
        return g.rs(r, g.ALNUM, r.choice([32, 40, 48, 64]))
    r = rng_for(fam, 'curl-doc')
    c.pos(fam, 'API.md', dedent('''
        # Internal reporting API

        Fetch yesterday's totals:

        ```bash
        curl -s https://reports.orbitpay.internal/v2/totals?day=yesterday \\
          -H "Authorization: Bearer ⟪a⟫"
        ```

        Upload a correction:

        ```bash
        curl -X PUT https://reports.orbitpay.internal/v2/corrections/8812 \\
          -H "X-API-Key: ⟪b⟫" \\
          -H "Content-Type: application/json" -d @correction.json
        ```
        '''), a=X(bearer(r), fam, 'bearer-token'), b=X(g.hexs(r, 32), fam, 'x-api-key'))
    r = rng_for(fam, 'requests')
    c.pos(fam, 'partner_client.py', dedent('''
        import requests

        session = requests.Session()
        session.headers.update({
            "User-Agent": "orbitpay-sync/1.4",
            "X-Api-Key": "⟪a⟫",
        })


        def fetch_orders(since: str):
            return session.get("https://partner.logisticsco.com/api/orders", params={"since": since}, timeout=20).json()
        '''), a=X(g.rs(r, g.ALNUM, 40), fam, 'x-api-key'))
    r = rng_for(fam, 'fetch')
    c.pos(fam, 'inventory.js', dedent('''
        export async function getInventory(sku) {
          const res = await fetch(`https://erp.orbitpay.internal/api/inventory/${sku}`, {
            headers: {
              Accept: "application/json",
              Authorization: "Bearer ⟪a⟫",
            },
          });
          return res.json();
        }
        '''), a=X(bearer(r), fam, 'bearer-token'))
    r = rng_for(fam, 'basic')
    basic = g.b64(f'svc-reports:{g.strong_password(r, 18)}'.encode())
    c.pos(fam, 'nginx.conf', dedent('''
        upstream reports_backend {
            server 10.40.2.15:8080;
        }

        server {
            listen 443 ssl;
            server_name reports.orbitpay.io;

            location /api/ {
                proxy_pass http://reports_backend;
                proxy_set_header Host $host;
                proxy_set_header Authorization "Basic ⟪a⟫";
            }
        }
        '''), a=X(basic, fam, 'basic-auth-credentials'))
    r = rng_for(fam, 'go')
    c.pos(fam, 'client.go', dedent('''
        package erp

        import "net/http"

        func newRequest(url string) (*http.Request, error) {
        \treq, err := http.NewRequest(http.MethodGet, url, nil)
        \tif err != nil {
        \t\treturn nil, err
        \t}
        \treq.Header.Set("X-Auth-Token", "⟪a⟫")
        \treq.Header.Set("Accept", "application/json")
        \treturn req, nil
        }
        '''), a=X(g.rs(r, g.B64URL, 43), fam, 'x-auth-token'))
    r = rng_for(fam, 'java')
    c.pos(fam, 'RatesClient.java', dedent('''
        package io.orbitpay.fx;

        import java.net.URI;
        import java.net.http.HttpClient;
        import java.net.http.HttpRequest;

        public class RatesClient {
            private final HttpClient http = HttpClient.newHttpClient();

            HttpRequest latest() {
                return HttpRequest.newBuilder(URI.create("https://fx.partnerbank.com/v1/rates/latest"))
                        .header("Authorization", "Bearer ⟪a⟫")
                        .header("Accept", "application/json")
                        .build();
            }
        }
        '''), a=X(bearer(r), fam, 'bearer-token'))
    r = rng_for(fam, 'csharp')
    c.pos(fam, 'ShippingService.cs', dedent('''
        using System.Net.Http;
        using System.Net.Http.Headers;

        public class ShippingService
        {
            private readonly HttpClient _http;

            public ShippingService(HttpClient http)
            {
                _http = http;
                _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "⟪a⟫");
                _http.DefaultRequestHeaders.Add("Ocp-Apim-Subscription-Key", "⟪b⟫");
            }
        }
        '''), a=X(bearer(r), fam, 'bearer-token'), b=X(g.hexs(r, 32), fam, 'apim-subscription-key'))
    r = rng_for(fam, 'php')
    c.pos(fam, 'crm.php', dedent('''
        <?php
        $ch = curl_init('https://crm.orbitpay.internal/api/v1/contacts');
        curl_setopt($ch, CURLOPT_RETURNTRANSFER, true);
        curl_setopt($ch, CURLOPT_HTTPHEADER, [
            'Accept: application/json',
            'Authorization: Token ⟪a⟫',
        ]);
        $contacts = json_decode(curl_exec($ch), true);
        '''), a=X(g.hexs(r, 40), fam, 'drf-token'))
    r = rng_for(fam, 'ruby')
    c.pos(fam, 'weather.rb', dedent('''
        require "net/http"
        require "json"

        uri = URI("https://api.weatherprovider.io/v3/forecast?lat=52.52&lon=13.40")
        req = Net::HTTP::Get.new(uri)
        req["apikey"] = "⟪a⟫"
        res = Net::HTTP.start(uri.host, uri.port, use_ssl: true) { |http| http.request(req) }
        puts JSON.parse(res.body)["daily"].first
        '''), a=X(g.rs(r, g.ALNUM, 32), fam, 'api-key-header'))
    r = rng_for(fam, 'http')
    c.pos(fam, 'requests.http', dedent('''
        @host = https://api.orbitpay.internal

        ### List payouts
        GET {{host}}/v1/payouts?limit=20
        Authorization: Bearer ⟪a⟫

        ### Basic auth against the legacy admin
        GET {{host}}/legacy/admin/users
        Authorization: Basic ⟪b⟫
        '''), a=X(bearer(r), fam, 'bearer-token'), b=X(g.b64(f'admin:{g.typed_password(r)}'.encode()), fam, 'basic-auth-credentials'))
    r = rng_for(fam, 'log')
    c.pos(fam, 'proxy-access.log', dedent('''
        10.40.1.8 - - [12/May/2024:08:14:02 +0000] "GET /health HTTP/1.1" 200 2 "-" "kube-probe/1.29"
        10.40.1.9 - - [12/May/2024:08:14:05 +0000] "POST /v1/sync HTTP/1.1" 401 31 "-" "python-requests/2.31.0"
        DEBUG upstream request headers: {'Host': 'erp.orbitpay.internal', 'Authorization': 'Bearer ⟪a⟫', 'Accept': '*/*'}
        10.40.1.9 - - [12/May/2024:08:14:06 +0000] "POST /v1/sync HTTP/1.1" 200 512 "-" "python-requests/2.31.0"
        '''), a=X(bearer(r), fam, 'bearer-token'))
    r = rng_for(fam, 'cookie')
    c.pos(fam, 'scrape_dashboard.sh', dedent('''
        #!/bin/sh
        curl -s 'https://admin.orbitpay.io/dashboard/export.csv' \\
          -H 'Cookie: sessionid=⟪a⟫; csrftoken=Zx9Q2mV7kP4wR8tY1uI6oA3sD5fG0hJ2' \\
          -o export.csv
        '''), a=X(g.rs(r, g.LOWER_ALNUM, 32), fam, 'session-cookie'))
    r = rng_for(fam, 'postman')
    c.pos(fam, 'orbit.postman_collection.json', dedent('''
        {
          "info": {"name": "Orbit API", "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},
          "item": [
            {
              "name": "Create payout",
              "request": {
                "method": "POST",
                "header": [
                  {"key": "X-Api-Key", "value": "⟪a⟫"},
                  {"key": "Content-Type", "value": "application/json"}
                ],
                "url": "https://api.orbitpay.internal/v1/payouts"
              }
            }
          ]
        }
        '''), a=X(g.rs(r, g.ALNUM, 36), fam, 'x-api-key'))
    r = rng_for(fam, 'wget')
    c.pos(fam, 'fetch-reports.ps1', dedent('''
        $headers = @{
            "Authorization" = "Bearer ⟪a⟫"
            "Accept"        = "text/csv"
        }
        Invoke-WebRequest -Uri "https://reports.orbitpay.internal/v2/export" -Headers $headers -OutFile export.csv
        '''), a=X(bearer(r), fam, 'bearer-token'))
    r = rng_for(fam, 'proxy')
    c.pos(fam, 'apt-proxy.conf', dedent('''
        Acquire::http::Proxy "http://proxy.orbitpay.internal:3128";
        Acquire::https::Proxy "http://proxy.orbitpay.internal:3128";
        Acquire::http::Proxy-Authorization "Basic ⟪a⟫";
        '''), a=X(g.b64(f'aptcache:{g.strong_password(r, 16)}'.encode()), fam, 'proxy-basic-auth'))


def build_generic(c: Corpus) -> None:
    fam = 'generic-passwords'
    typed = itertools.cycle(g.TYPED_PASSWORDS)

    def W():
        return X(next(typed), fam, 'typed-password')
    r = rng_for(fam, 'django')
    c.pos(fam, 'settings_prod.py', dedent('''
        from .base import *  # noqa

        DEBUG = False
        SECRET_KEY = "⟪k⟫"
        ALLOWED_HOSTS = ["orbitpay.io", "www.orbitpay.io"]

        DATABASES = {
            "default": {
                "ENGINE": "django.db.backends.postgresql",
                "NAME": "orbit",
                "USER": "orbit",
                "PASSWORD": "⟪p⟫",
                "HOST": "db-prod-1.internal.orbitpay.io",
                "PORT": "5432",
            }
        }
        '''), k=X(g.rs(r, 'abcdefghijklmnopqrstuvwxyz0123456789!@#%^&*(-_=+)', 50), fam, 'django-secret-key'), p=W())
    r = rng_for(fam, 'flask')
    c.pos(fam, 'app.py', dedent('''
        from flask import Flask

        app = Flask(__name__)
        app.secret_key = b"⟪k⟫"
        app.config["MAIL_PASSWORD"] = "⟪p⟫"


        @app.get("/")
        def index():
            return "ok"
        '''), k=X(''.join('\\x' + g.hexs(r, 2) for _ in range(16)), fam, 'flask-secret-key'), p=W())
    r = rng_for(fam, 'rails')
    c.pos(fam, 'secrets.yml', dedent('''
        development:
          secret_key_base: <%= ENV["DEV_SECRET_KEY_BASE"] %>
        production:
          secret_key_base: ⟪k⟫
          smtp_password: ⟪p⟫
        '''), k=X(g.hexs(r, 128), fam, 'rails-secret-key-base'), p=X(g.typed_password(r), fam, 'smtp-password'))
    r = rng_for(fam, 'laravel')
    c.pos(fam, '.env.laravel', dedent('''
        APP_NAME=Orbit
        APP_ENV=production
        APP_KEY=base64:⟪k⟫
        APP_DEBUG=false
        DB_CONNECTION=mysql
        DB_HOST=127.0.0.1
        DB_DATABASE=orbit
        DB_USERNAME=orbit
        DB_PASSWORD=⟪p⟫
        MAIL_PASSWORD=⟪m⟫
        '''), k=X(g.safe_b64(r, 32), fam, 'laravel-app-key'), p=W(), m=X(g.rs(r, g.LOWER, 16), fam, 'letter-only-password'))
    r = rng_for(fam, 'wp')
    salts = {n: X(g.rs(r, g.ALNUM + '!*-_.+=?^#%&()[]<>|~:;,', 64), fam, 'wordpress-salt') for n in ('a', 'b', 'c')}
    c.pos(fam, 'wp-config.php', dedent('''
        <?php
        define( 'DB_NAME', 'wordpress' );
        define( 'DB_USER', 'wp_orbit' );
        define( 'DB_PASSWORD', '⟪p⟫' );
        define( 'DB_HOST', 'localhost' );
        define( 'DB_CHARSET', 'utf8mb4' );

        define( 'AUTH_KEY',         '⟪a⟫' );
        define( 'SECURE_AUTH_KEY',  '⟪b⟫' );
        define( 'LOGGED_IN_KEY',    '⟪c⟫' );

        $table_prefix = 'wp_';
        define( 'WP_DEBUG', false );
        '''), p=W(), **salts)
    r = rng_for(fam, 'docker-env')
    c.pos(fam, 'Dockerfile', dedent('''
        FROM mysql:8.0
        ENV MYSQL_DATABASE=orders
        ENV MYSQL_USER=orders
        ENV MYSQL_PASSWORD="⟪a⟫"
        ENV MYSQL_ROOT_PASSWORD="⟪b⟫"
        COPY schema.sql /docker-entrypoint-initdb.d/
        '''), a=X(g.typed_password(r), fam, 'dockerfile-env-password'), b=W())
    r = rng_for(fam, 'compose')
    c.pos(fam, 'docker-compose.yml', dedent('''
        services:
          db:
            image: postgres:16
            environment:
              POSTGRES_USER: orbit
              POSTGRES_PASSWORD: ⟪a⟫
              POSTGRES_DB: orbit
          grafana:
            image: grafana/grafana:10.4.2
            environment:
              GF_SECURITY_ADMIN_PASSWORD: "⟪b⟫"
          rabbit:
            image: rabbitmq:3-management
            environment:
              RABBITMQ_DEFAULT_USER: orbit
              RABBITMQ_DEFAULT_PASS: ⟪c⟫
        '''), a=X(g.typed_password(r), fam, 'compose-env-password'), b=W(), c=X(g.rs(r, g.LOWER, 20), fam, 'letter-only-password'))
    r = rng_for(fam, 'sql')
    c.pos(fam, 'create_users.sql', dedent('''
        CREATE USER reporting WITH PASSWORD '⟪a⟫';
        GRANT SELECT ON ALL TABLES IN SCHEMA public TO reporting;
        CREATE USER 'etl'@'10.40.%' IDENTIFIED BY '⟪b⟫';
        ALTER USER app_owner IDENTIFIED BY "⟪c⟫";
        '''), a=X(g.typed_password(r), fam, 'sql-create-user-password'), b=W(), c=X(g.strong_password(r, 18), fam, 'sql-alter-user-password'))
    r = rng_for(fam, 'spring')
    c.pos(fam, 'application.yml', dedent('''
        spring:
          datasource:
            url: jdbc:postgresql://db-prod-1.internal.orbitpay.io:5432/orbit
            username: orbit
            password: ⟪a⟫
          mail:
            host: smtp.office365.com
            username: noreply@orbitpay.io
            password: '⟪b⟫'
        jwt:
          secret: ⟪c⟫
        '''), a=W(), b=X(g.typed_password(r), fam, 'smtp-password'), c=X(g.rs(r, g.ALNUM, 64), fam, 'jwt-hmac-secret'))
    r = rng_for(fam, 'go-struct')
    c.pos(fam, 'mailer.go', dedent('''
        package notify

        import "net/smtp"

        var cfg = SMTPConfig{
        \tHost:     "smtp.mailprovider.net",
        \tPort:     587,
        \tUsername: "alerts@orbitpay.io",
        \tPassword: "⟪a⟫",
        }

        func auth() smtp.Auth {
        \treturn smtp.PlainAuth("", cfg.Username, cfg.Password, cfg.Host)
        }
        '''), a=X(g.strong_password(r, 16), fam, 'go-struct-password'))
    r = rng_for(fam, 'java')
    c.pos(fam, 'LdapConfig.java', dedent('''
        package io.orbitpay.auth;

        import org.springframework.ldap.core.support.LdapContextSource;

        public class LdapConfig {
            public LdapContextSource contextSource() {
                LdapContextSource src = new LdapContextSource();
                src.setUrl("ldaps://ldap.orbitpay.internal:636");
                src.setUserDn("cn=svc-orbit,ou=services,dc=orbitpay,dc=io");
                src.setPassword("⟪a⟫");
                return src;
            }
        }
        '''), a=W())
    r = rng_for(fam, 'csharp')
    c.pos(fam, 'Program.cs', dedent('''
        var builder = WebApplication.CreateBuilder(args);
        var smtp = new SmtpClient("smtp.mailprovider.net", 587)
        {
            Credentials = new NetworkCredential("alerts@orbitpay.io", "⟪a⟫"),
            EnableSsl = true,
        };
        var app = builder.Build();
        app.Run();
        '''), a=X(g.typed_password(r), fam, 'csharp-network-credential'))
    r = rng_for(fam, 'ruby')
    c.pos(fam, 'database.yml', dedent('''
        default: &default
          adapter: postgresql
          encoding: unicode
          pool: <%= ENV.fetch("RAILS_MAX_THREADS") { 5 } %>

        production:
          <<: *default
          database: orbit_production
          username: orbit
          password: "⟪a⟫"
        '''), a=W())
    r = rng_for(fam, 'shell')
    c.pos(fam, 'backup.sh', dedent('''
        #!/bin/bash
        set -e
        STAMP=$(date +%F)
        mysqldump -u backup -p'⟪a⟫' --single-transaction orders | gzip > "/backups/orders-${STAMP}.sql.gz"
        PGPASSWORD='⟪b⟫' pg_dump -h db-prod-1.internal.orbitpay.io -U ledger ledger > "/backups/ledger-${STAMP}.sql"
        sshpass -p '⟪c⟫' scp /backups/*-"${STAMP}"* backup@vault.orbitpay.internal:/data/
        '''), a=X(g.typed_password(r), fam, 'mysql-cli-password'), b=W(), c=X(g.rs(r, g.ALNUM, 14), fam, 'sshpass-password'))
    r = rng_for(fam, 'properties')
    c.pos(fam, 'kafka-client.properties', dedent('''
        bootstrap.servers=pkc-4r297.europe-west1.gcp.confluent.cloud:9092
        security.protocol=SASL_SSL
        sasl.mechanism=PLAIN
        sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="WQ7ZK3LMNB2XRT5V" password="⟪a⟫";
        ssl.truststore.location=/etc/kafka/truststore.jks
        ssl.truststore.password=⟪b⟫
        '''), a=X(g.safe_b64(r, 48), fam, 'kafka-sasl-password'), b=X(g.rs(r, g.LOWER, 12), fam, 'letter-only-password'))
    r = rng_for(fam, 'redis.conf')
    c.pos(fam, 'redis.conf', dedent('''
        bind 0.0.0.0
        port 6379
        protected-mode yes
        requirepass ⟪a⟫
        maxmemory 2gb
        maxmemory-policy allkeys-lru
        masterauth ⟪a⟫
        '''), a=X(g.strong_password(r, 28), fam, 'redis-requirepass'))
    r = rng_for(fam, 'netrc')
    c.pos(fam, '.netrc', dedent('''
        machine nexus.orbitpay.internal
        login deploy
        password ⟪a⟫

        machine ftp.partner-logistics.com login orbit password ⟪b⟫
        '''), a=X(g.typed_password(r), fam, 'netrc-password'), b=W())
    r = rng_for(fam, 'wpa')
    c.pos(fam, 'wpa_supplicant.conf', dedent('''
        ctrl_interface=DIR=/var/run/wpa_supplicant GROUP=netdev
        update_config=1
        country=DE

        network={
            ssid="Orbit-Office"
            psk="⟪a⟫"
            key_mgmt=WPA-PSK
        }
        '''), a=X(g.letter_password(r, 18) + str(r.randrange(10, 99)), fam, 'wifi-psk'))
    r = rng_for(fam, 'powershell')
    c.pos(fam, 'join-domain.ps1', dedent('''
        $user = "ORBIT\\svc-join"
        $pass = ConvertTo-SecureString "⟪a⟫" -AsPlainText -Force
        $cred = New-Object System.Management.Automation.PSCredential($user, $pass)
        Add-Computer -DomainName orbit.local -Credential $cred -Restart
        '''), a=W())
    r = rng_for(fam, 'tomcat')
    c.pos(fam, 'tomcat-users.xml', dedent('''
        <?xml version="1.0" encoding="UTF-8"?>
        <tomcat-users xmlns="http://tomcat.apache.org/xml" version="1.0">
          <role rolename="manager-gui"/>
          <user username="admin" password="⟪a⟫" roles="manager-gui"/>
          <user username="deployer" password="⟪b⟫" roles="manager-script"/>
        </tomcat-users>
        '''), a=W(), b=X(g.rs(r, g.LOWER, 10), fam, 'letter-only-password'))
    r = rng_for(fam, 'terraform')
    c.pos(fam, 'rds.tf', dedent('''
        resource "aws_db_instance" "orders" {
          identifier          = "orders-prod"
          engine              = "postgres"
          engine_version      = "16.2"
          instance_class      = "db.r6g.large"
          allocated_storage   = 100
          username            = "orders"
          password            = "⟪a⟫"
          skip_final_snapshot = false
        }
        '''), a=X(g.typed_password(r), fam, 'terraform-db-password'))
    r = rng_for(fam, 'mongo')
    c.pos(fam, 'init-mongo.js', dedent('''
        db = db.getSiblingDB("catalog");
        db.createUser({
          user: "catalog",
          pwd: "⟪a⟫",
          roles: [{ role: "readWrite", db: "catalog" }],
        });
        '''), a=X(g.strong_password(r, 20), fam, 'mongo-create-user-password'))
    r = rng_for(fam, 'js-quoted-key')
    c.pos(fam, 'mailer.config.js', dedent('''
        module.exports = {
          "host": "smtp.mailprovider.net",
          "port": 465,
          "secure": true,
          "auth": {
            "user": "noreply@orbitpay.io",
            "pass": "⟪a⟫"
          }
        };
        '''), a=W())
    r = rng_for(fam, 'ini-grafana')
    c.pos(fam, 'grafana.ini', dedent('''
        [server]
        http_port = 3000
        domain = grafana.orbitpay.io

        [security]
        admin_user = admin
        admin_password = ⟪a⟫
        secret_key = ⟪b⟫

        [auth.anonymous]
        enabled = false
        '''), a=W(), b=X(g.rs(r, g.ALNUM, 16), fam, 'grafana-secret-key'))
    r = rng_for(fam, 'ansible')
    c.pos(fam, 'group_vars_all.yml', dedent('''
        ntp_servers:
          - 0.pool.ntp.org
          - 1.pool.ntp.org
        ansible_become_pass: ⟪a⟫
        mysql_root_password: "⟪b⟫"
        app_api_token: ⟪c⟫
        '''), a=W(), b=X(g.typed_password(r), fam, 'ansible-var-password'), c=X(g.rs(r, g.string.ascii_letters, 30), fam, 'letter-only-token'))
    r = rng_for(fam, 'rust')
    c.pos(fam, 'main.rs', dedent('''
        use reqwest::blocking::Client;

        const API_TOKEN: &str = "⟪a⟫";

        fn main() -> Result<(), Box<dyn std::error::Error>> {
            let body = Client::new()
                .get("https://inventory.orbitpay.internal/v1/stock")
                .bearer_auth(API_TOKEN)
                .send()?
                .text()?;
            println!("{body}");
            Ok(())
        }
        '''), a=X(g.rs(r, g.ALNUM, 36), fam, 'rust-const-token'))
    r = rng_for(fam, 'c')
    c.pos(fam, 'config.h', dedent('''
        #ifndef ORBIT_CONFIG_H
        #define ORBIT_CONFIG_H

        #define WIFI_SSID "orbit-iot"
        #define WIFI_PASSWORD "⟪a⟫"
        #define MQTT_HOST "mqtt.orbitpay.io"
        #define MQTT_PASSWORD "⟪b⟫"

        #endif
        '''), a=W(), b=X(g.rs(r, g.ALNUM, 20), fam, 'mqtt-password'))
    r = rng_for(fam, 'batch')
    c.pos(fam, 'map-drive.bat', dedent('''
        @echo off
        set SHARE=\\\\fileserver01\\finance
        net use Z: %SHARE% /user:ORBIT\\svc-finance ⟪a⟫ /persistent:no
        robocopy Z:\\exports C:\\reports /MIR
        '''), a=W())
    r = rng_for(fam, 'kotlin')
    c.pos(fam, 'Db.kt', dedent('''
        package io.orbitpay.db

        import com.zaxxer.hikari.HikariConfig

        fun hikari() = HikariConfig().apply {
            jdbcUrl = "jdbc:postgresql://db-prod-1.internal.orbitpay.io:5432/orbit"
            username = "orbit"
            password = "⟪a⟫"
            maximumPoolSize = 10
        }
        '''), a=X(g.typed_password(r), fam, 'kotlin-password'))
    r = rng_for(fam, 'swift')
    c.pos(fam, 'Secrets.swift', dedent('''
        enum Secrets {
            static let analyticsSecret = "⟪a⟫"
            static let environment = "production"
        }
        '''), a=X(g.rs(r, g.ALNUM, 40), fam, 'swift-secret'))
    r = rng_for(fam, 'unattend')
    c.pos(fam, 'unattend.xml', dedent('''
        <?xml version="1.0" encoding="utf-8"?>
        <unattend xmlns="urn:schemas-microsoft-com:unattend">
          <settings pass="oobeSystem">
            <component name="Microsoft-Windows-Shell-Setup">
              <UserAccounts>
                <AdministratorPassword>
                  <Value>⟪a⟫</Value>
                  <PlainText>true</PlainText>
                </AdministratorPassword>
              </UserAccounts>
            </component>
          </settings>
        </unattend>
        '''), a=W())
    r = rng_for(fam, 'pgbouncer')
    c.pos(fam, 'userlist.txt', dedent('''
        "ledger_app" "⟪a⟫"
        "reporting" "⟪b⟫"
        '''), a=X(g.typed_password(r), fam, 'pgbouncer-password'), b=X(g.strong_password(r, 18), fam, 'pgbouncer-password'))


def build(c: Corpus) -> None:
    for fn in (build_aws, build_gcp, build_azure, build_other_cloud, build_github, build_gitlab, build_other_ci, build_slack,
               build_messaging, build_payments, build_ai, build_observability, build_registries, build_saas, build_private_keys,
               build_connection_strings, build_jwt, build_password_hashes, build_headers, build_generic):
        fn(c)
    build_matrix(c)

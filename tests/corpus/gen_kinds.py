"""The secret kinds of the corpus: family, the variable name a project would give it, a generator.

Formats follow the vendors' published token formats; every random part is seeded and synthetic.
"""
from __future__ import annotations

import base64
import json
import random
import string
from typing import Callable

import gen_secrets as g
from gen_secrets import ALNUM, B32L, B32U, B64, B64URL, DIGITS, HEX, LOWER, LOWER_ALNUM, UPPER_ALNUM, rs

Gen = Callable[[random.Random], str]


def _azure_client_secret(r: random.Random) -> str:
    a = ALNUM + '_~.-'
    return rs(r, a, 3) + r.choice(DIGITS) + 'Q~' + rs(r, a, 34)


def _sentry_org_token(r: random.Random) -> str:
    payload = {'iat': 1718000000 + r.randrange(10 ** 7), 'url': 'https://sentry.io', 'region_url': 'https://us.sentry.io',
               'org': r.choice(['nimbus-labs', 'orbitpay', 'quartzhq'])}
    return 'sntrys_' + base64.b64encode(json.dumps(payload, separators=(',', ':')).encode()).decode().rstrip('=') + '_' + rs(r, ALNUM + '/+', 43)


def _grafana_cloud(r: random.Random) -> str:
    payload = {'o': str(r.randrange(10 ** 5, 10 ** 6)), 'n': 'stack-' + rs(r, LOWER_ALNUM, 6) + '-deploy',
               'k': rs(r, ALNUM, 24), 'm': {'r': 'prod-us-east-0'}}
    return 'glc_' + base64.b64encode(json.dumps(payload, separators=(',', ':')).encode()).decode().rstrip('=')


def _mapbox_secret(r: random.Random) -> str:
    head = base64.b64encode(json.dumps({'u': r.choice(['ridgeline', 'trailmaps', 'geoquill']),
                                        'a': rs(r, LOWER_ALNUM, 25)}, separators=(',', ':')).encode()).decode().rstrip('=')
    return f'sk.{head}.{rs(r, B64URL, 22)}'


def _onepassword(r: random.Random) -> str:
    body = {'signInAddress': 'acme-ops.1password.com', 'userAuth': {'method': 'SRPg-4096', 'alg': 'PBES2g-HS256',
            'iterations': 650000, 'salt': rs(r, B64URL, 22)}, 'email': rs(r, LOWER_ALNUM, 13) + '@1passwordserviceaccounts.com',
            'srpX': rs(r, HEX, 64), 'muk': {'alg': 'A256GCM', 'ext': True, 'k': rs(r, B64URL, 43), 'key_ops': ['encrypt', 'decrypt'],
                                                 'kty': 'oct', 'kid': 'mp'}, 'secretKey': 'A3-' + rs(r, UPPER_ALNUM, 6) + '-' + rs(r, UPPER_ALNUM, 11),
            'deviceUuid': rs(r, LOWER_ALNUM, 26)}
    return 'ops_' + base64.b64encode(json.dumps(body, separators=(',', ':')).encode()).decode().rstrip('=')


def _docker_auth(r: random.Random) -> str:
    user = r.choice(['ci-publisher', 'release-bot', 'mhartley', 'buildsvc'])
    return base64.b64encode(f'{user}:{g.strong_password(r, 18)}'.encode()).decode()


KINDS: dict[str, tuple[str, str, Gen]] = {
    # aws
    'aws-access-key-id': ('aws', 'AWS_ACCESS_KEY_ID', lambda r: 'AKIA' + rs(r, B32U, 16)),
    'aws-secret-access-key': ('aws', 'AWS_SECRET_ACCESS_KEY', lambda r: rs(r, B64, 40)),
    'aws-temporary-key-id': ('aws', 'AWS_ACCESS_KEY_ID', lambda r: 'ASIA' + rs(r, B32U, 16)),
    'aws-session-token': ('aws', 'AWS_SESSION_TOKEN', lambda r: 'IQoJb3JpZ2luX2VjE' + rs(r, B64, 3) + 'aCXVzLWVhc3QtMSJH' + g.safe_b64(r, 270)),
    'amazon-mws-auth-token': ('aws', 'MWS_AUTH_TOKEN', lambda r: 'amzn.mws.' + g.uuid4(r)),
    # gcp
    'gcp-api-key': ('gcp', 'GOOGLE_API_KEY', lambda r: 'AIza' + rs(r, B64URL, 35)),
    'gcp-oauth-client-secret': ('gcp', 'GOOGLE_CLIENT_SECRET', lambda r: 'GOCSPX-' + rs(r, B64URL, 28)),
    'gcp-oauth-refresh-token': ('gcp', 'GOOGLE_REFRESH_TOKEN', lambda r: '1//0' + rs(r, B64URL, 99)),
    'gcp-oauth-access-token': ('gcp', 'GOOGLE_ACCESS_TOKEN', lambda r: 'ya29.a0' + rs(r, B64URL, 170)),
    'gcs-hmac-access-id': ('gcp', 'GCS_HMAC_ACCESS_ID', lambda r: 'GOOG1E' + rs(r, UPPER_ALNUM, 55)),
    'gcs-hmac-secret': ('gcp', 'GCS_HMAC_SECRET', lambda r: rs(r, B64, 40)),
    'firebase-web-api-key': ('gcp', 'FIREBASE_API_KEY', lambda r: 'AIza' + rs(r, B64URL, 35)),
    # azure
    'azure-storage-account-key': ('azure', 'AZURE_STORAGE_KEY', lambda r: g.safe_b64(r, 64)),
    'azure-ad-client-secret': ('azure', 'AZURE_CLIENT_SECRET', _azure_client_secret),
    'azure-servicebus-key': ('azure', 'SERVICEBUS_SHARED_ACCESS_KEY', lambda r: g.safe_b64(r, 32)),
    'azure-devops-pat': ('azure', 'AZURE_DEVOPS_PAT', lambda r: rs(r, B32L, 52)),
    'azure-openai-key': ('azure', 'AZURE_OPENAI_API_KEY', lambda r: rs(r, HEX, 32)),
    'azure-function-key': ('azure', 'AZURE_FUNCTION_KEY', lambda r: rs(r, B64URL, 54) + '=='),
    'azure-cosmosdb-key': ('azure', 'COSMOS_KEY', lambda r: g.safe_b64(r, 64)),
    'azure-apim-subscription-key': ('azure', 'APIM_SUBSCRIPTION_KEY', lambda r: rs(r, HEX, 32)),
    # other-cloud
    'digitalocean-pat': ('other-cloud', 'DIGITALOCEAN_TOKEN', lambda r: 'dop_v1_' + rs(r, HEX, 64)),
    'digitalocean-oauth': ('other-cloud', 'DO_OAUTH_TOKEN', lambda r: 'doo_v1_' + rs(r, HEX, 64)),
    'digitalocean-spaces-secret': ('other-cloud', 'SPACES_SECRET_KEY', lambda r: rs(r, B64, 43)),
    'heroku-api-key': ('other-cloud', 'HEROKU_API_KEY', lambda r: 'HRKU-AA' + rs(r, B64URL, 58)),
    'heroku-legacy-api-key': ('other-cloud', 'HEROKU_API_KEY', g.uuid4),
    'cloudflare-api-token': ('other-cloud', 'CLOUDFLARE_API_TOKEN', lambda r: rs(r, B64URL, 40)),
    'cloudflare-global-api-key': ('other-cloud', 'CLOUDFLARE_API_KEY', lambda r: rs(r, HEX, 37)),
    'cloudflare-origin-ca-key': ('other-cloud', 'CF_ORIGIN_CA_KEY', lambda r: 'v1.0-' + rs(r, HEX, 24) + '-' + rs(r, HEX, 146)),
    'alibaba-access-key-id': ('other-cloud', 'ALIBABA_CLOUD_ACCESS_KEY_ID', lambda r: 'LTAI5t' + rs(r, ALNUM, 18)),
    'alibaba-access-key-secret': ('other-cloud', 'ALIBABA_CLOUD_ACCESS_KEY_SECRET', lambda r: rs(r, ALNUM, 30)),
    'linode-token': ('other-cloud', 'LINODE_TOKEN', lambda r: rs(r, HEX, 64)),
    'hetzner-token': ('other-cloud', 'HCLOUD_TOKEN', lambda r: rs(r, ALNUM, 64)),
    'vultr-api-key': ('other-cloud', 'VULTR_API_KEY', lambda r: rs(r, UPPER_ALNUM, 36)),
    'tencent-secret-id': ('other-cloud', 'TENCENTCLOUD_SECRET_ID', lambda r: 'AKID' + rs(r, ALNUM, 32)),
    'tencent-secret-key': ('other-cloud', 'TENCENTCLOUD_SECRET_KEY', lambda r: rs(r, ALNUM, 32)),
    'ibm-cloud-api-key': ('other-cloud', 'IBMCLOUD_API_KEY', lambda r: rs(r, B64URL, 44)),
    'netlify-token': ('other-cloud', 'NETLIFY_AUTH_TOKEN', lambda r: 'nfp_' + rs(r, ALNUM, 36)),
    'vercel-token': ('other-cloud', 'VERCEL_TOKEN', lambda r: rs(r, ALNUM, 24)),
    'supabase-access-token': ('other-cloud', 'SUPABASE_ACCESS_TOKEN', lambda r: 'sbp_' + rs(r, HEX, 40)),
    'scaleway-secret-key': ('other-cloud', 'SCW_SECRET_KEY', g.uuid4),
    # github
    'github-pat-classic': ('github', 'GITHUB_TOKEN', lambda r: g.github(r, 'ghp')),
    'github-oauth-token': ('github', 'GH_OAUTH_TOKEN', lambda r: g.github(r, 'gho')),
    'github-user-to-server': ('github', 'GITHUB_USER_TOKEN', lambda r: g.github(r, 'ghu')),
    'github-server-to-server': ('github', 'GITHUB_APP_INSTALLATION_TOKEN', lambda r: g.github(r, 'ghs')),
    'github-refresh-token': ('github', 'GITHUB_REFRESH_TOKEN', lambda r: g.github(r, 'ghr')),
    'github-fine-grained-pat': ('github', 'GH_TOKEN', lambda r: 'github_pat_11' + rs(r, UPPER_ALNUM, 20) + '_' + rs(r, ALNUM, 59)),
    'github-oauth-client-secret': ('github', 'GITHUB_CLIENT_SECRET', lambda r: rs(r, HEX, 40)),
    # gitlab
    'gitlab-pat': ('gitlab', 'GITLAB_TOKEN', lambda r: 'glpat-' + rs(r, B64URL, 20)),
    'gitlab-deploy-token': ('gitlab', 'GITLAB_DEPLOY_TOKEN', lambda r: 'gldt-' + rs(r, B64URL, 20)),
    'gitlab-runner-token': ('gitlab', 'RUNNER_TOKEN', lambda r: 'glrt-' + rs(r, B64URL, 20)),
    'gitlab-runner-registration-token': ('gitlab', 'REGISTRATION_TOKEN', lambda r: 'GR1348941' + rs(r, B64URL, 20)),
    'gitlab-pipeline-trigger-token': ('gitlab', 'GITLAB_TRIGGER_TOKEN', lambda r: 'glptt-' + rs(r, HEX, 40)),
    'gitlab-oauth-app-secret': ('gitlab', 'GITLAB_OAUTH_SECRET', lambda r: 'gloas-' + rs(r, HEX, 64)),
    'gitlab-feed-token': ('gitlab', 'GITLAB_FEED_TOKEN', lambda r: 'glft-' + rs(r, B64URL, 20)),
    'gitlab-agent-token': ('gitlab', 'GITLAB_AGENT_TOKEN', lambda r: 'glagent-' + rs(r, B64URL, 50)),
    'gitlab-scim-token': ('gitlab', 'GITLAB_SCIM_TOKEN', lambda r: 'glsoat-' + rs(r, B64URL, 20)),
    # other-ci
    'circleci-pat': ('other-ci', 'CIRCLECI_TOKEN', lambda r: 'CCIPAT_' + rs(r, ALNUM, 22) + '_' + rs(r, HEX, 40)),
    'circleci-legacy-token': ('other-ci', 'CIRCLE_TOKEN', lambda r: rs(r, HEX, 40)),
    'travis-ci-token': ('other-ci', 'TRAVIS_API_TOKEN', lambda r: rs(r, B64URL, 22)),
    'buildkite-token': ('other-ci', 'BUILDKITE_API_TOKEN', lambda r: 'bkua_' + rs(r, HEX, 40)),
    'buildkite-agent-token': ('other-ci', 'BUILDKITE_AGENT_TOKEN', lambda r: rs(r, HEX, 50)),
    'jenkins-api-token': ('other-ci', 'JENKINS_API_TOKEN', lambda r: '11' + rs(r, HEX, 32)),
    'bitbucket-app-password': ('other-ci', 'BITBUCKET_APP_PASSWORD', lambda r: 'ATBB' + rs(r, ALNUM, 32) + rs(r, HEX.upper(), 8)),
    'sonarqube-token': ('other-ci', 'SONAR_TOKEN', lambda r: r.choice(['squ_', 'sqp_', 'sqa_']) + rs(r, HEX, 40)),
    'octopus-api-key': ('other-ci', 'OCTOPUS_API_KEY', lambda r: 'API-' + rs(r, UPPER_ALNUM, 26)),
    'terraform-cloud-token': ('other-ci', 'TFE_TOKEN', lambda r: rs(r, ALNUM, 14) + '.atlasv1.' + rs(r, ALNUM, 67)),
    'pulumi-token': ('other-ci', 'PULUMI_ACCESS_TOKEN', lambda r: 'pul-' + rs(r, HEX, 40)),
    'drone-token': ('other-ci', 'DRONE_TOKEN', lambda r: rs(r, ALNUM, 32)),
    'codecov-token': ('other-ci', 'CODECOV_TOKEN', g.uuid4),
    'snyk-token': ('other-ci', 'SNYK_TOKEN', g.uuid4),
    # slack
    'slack-bot-token': ('slack', 'SLACK_BOT_TOKEN', lambda r: f'xoxb-{rs(r, DIGITS, 12)}-{rs(r, DIGITS, 13)}-{rs(r, ALNUM, 24)}'),
    'slack-user-token': ('slack', 'SLACK_USER_TOKEN', lambda r: f'xoxp-{rs(r, DIGITS, 12)}-{rs(r, DIGITS, 12)}-{rs(r, DIGITS, 13)}-{rs(r, HEX, 32)}'),
    'slack-app-token': ('slack', 'SLACK_APP_TOKEN', lambda r: f'xapp-1-A{rs(r, UPPER_ALNUM, 10)}-{rs(r, DIGITS, 13)}-{rs(r, HEX, 64)}'),
    'slack-webhook': ('slack', 'SLACK_WEBHOOK_URL', lambda r: f'https://hooks.slack.com/services/T{rs(r, UPPER_ALNUM, 8)}/B{rs(r, UPPER_ALNUM, 10)}/{rs(r, ALNUM, 24)}'),
    'slack-workflow-webhook': ('slack', 'SLACK_WORKFLOW_URL', lambda r: f'https://hooks.slack.com/triggers/T{rs(r, UPPER_ALNUM, 8)}/{rs(r, DIGITS, 13)}/{rs(r, HEX, 32)}'),
    'slack-signing-secret': ('slack', 'SLACK_SIGNING_SECRET', lambda r: rs(r, HEX, 32)),
    'slack-client-secret': ('slack', 'SLACK_CLIENT_SECRET', lambda r: rs(r, HEX, 32)),
    'slack-refresh-token': ('slack', 'SLACK_REFRESH_TOKEN', lambda r: f'xoxe-1-{rs(r, ALNUM, 100)}'),
    'slack-config-token': ('slack', 'SLACK_CONFIG_TOKEN', lambda r: f'xoxe.xoxp-1-{rs(r, ALNUM, 150)}'),
    # messaging
    'discord-bot-token': ('messaging', 'DISCORD_BOT_TOKEN', g.discord_bot),
    'discord-webhook': ('messaging', 'DISCORD_WEBHOOK_URL', lambda r: f'https://discord.com/api/webhooks/{rs(r, DIGITS, 19)}/{rs(r, B64URL, 68)}'),
    'telegram-bot-token': ('messaging', 'TELEGRAM_BOT_TOKEN', lambda r: f'{r.randrange(10 ** 9, 8 * 10 ** 9)}:AA{rs(r, B64URL, 33)}'),
    'twilio-auth-token': ('messaging', 'TWILIO_AUTH_TOKEN', lambda r: rs(r, HEX, 32)),
    'twilio-api-key-secret': ('messaging', 'TWILIO_API_SECRET', lambda r: rs(r, ALNUM, 32)),
    'sendgrid-api-key': ('messaging', 'SENDGRID_API_KEY', lambda r: f'SG.{rs(r, B64URL, 22)}.{rs(r, B64URL, 43)}'),
    'mailgun-api-key': ('messaging', 'MAILGUN_API_KEY', lambda r: 'key-' + rs(r, HEX, 32)),
    'mailgun-private-key': ('messaging', 'MAILGUN_PRIVATE_KEY', lambda r: f'{rs(r, HEX, 32)}-{rs(r, HEX, 8)}-{rs(r, HEX, 8)}'),
    'mailchimp-api-key': ('messaging', 'MAILCHIMP_API_KEY', lambda r: rs(r, HEX, 32) + '-us' + str(r.randrange(2, 21))),
    'teams-webhook': ('messaging', 'TEAMS_WEBHOOK_URL', lambda r: f'https://contoso.webhook.office.com/webhookb2/{g.uuid4(r)}@{g.uuid4(r)}/IncomingWebhook/{rs(r, HEX, 32)}/{g.uuid4(r)}/V2{rs(r, B64URL, 43)}'),
    'postmark-server-token': ('messaging', 'POSTMARK_SERVER_TOKEN', g.uuid4),
    'vonage-api-secret': ('messaging', 'VONAGE_API_SECRET', lambda r: rs(r, ALNUM, 16)),
    'pusher-app-secret': ('messaging', 'PUSHER_APP_SECRET', lambda r: rs(r, HEX, 20)),
    'messagebird-access-key': ('messaging', 'MESSAGEBIRD_ACCESS_KEY', lambda r: rs(r, ALNUM, 25)),
    'mattermost-webhook': ('messaging', 'MATTERMOST_WEBHOOK_URL', lambda r: 'https://chat.orbitpay.io/hooks/' + rs(r, LOWER_ALNUM, 26)),
    # payments
    'stripe-secret-key': ('payments', 'STRIPE_SECRET_KEY', lambda r: 'sk_live_51' + rs(r, ALNUM, 97)),
    'stripe-restricted-key': ('payments', 'STRIPE_RESTRICTED_KEY', lambda r: 'rk_live_51' + rs(r, ALNUM, 97)),
    'stripe-webhook-secret': ('payments', 'STRIPE_WEBHOOK_SECRET', lambda r: 'whsec_' + rs(r, ALNUM, 32)),
    'square-access-token': ('payments', 'SQUARE_ACCESS_TOKEN', lambda r: 'EAAA' + rs(r, B64URL, 60)),
    'square-oauth-secret': ('payments', 'SQUARE_OAUTH_SECRET', lambda r: 'sq0csp-' + rs(r, B64URL, 43)),
    'shopify-access-token': ('payments', 'SHOPIFY_ACCESS_TOKEN', lambda r: 'shpat_' + rs(r, HEX, 32)),
    'shopify-shared-secret': ('payments', 'SHOPIFY_API_SECRET', lambda r: 'shpss_' + rs(r, HEX, 32)),
    'shopify-custom-app-token': ('payments', 'SHOPIFY_ADMIN_TOKEN', lambda r: 'shpca_' + rs(r, HEX, 32)),
    'paypal-client-secret': ('payments', 'PAYPAL_CLIENT_SECRET', lambda r: 'E' + rs(r, B64URL, 79)),
    'braintree-private-key': ('payments', 'BRAINTREE_PRIVATE_KEY', lambda r: rs(r, HEX, 32)),
    'plaid-secret': ('payments', 'PLAID_SECRET', lambda r: rs(r, HEX, 30)),
    'paystack-secret-key': ('payments', 'PAYSTACK_SECRET_KEY', lambda r: 'sk_live_' + rs(r, HEX, 40)),
    'flutterwave-secret-key': ('payments', 'FLW_SECRET_KEY', lambda r: 'FLWSECK-' + rs(r, HEX, 32) + '-X'),
    'gocardless-access-token': ('payments', 'GOCARDLESS_ACCESS_TOKEN', lambda r: 'live_' + rs(r, B64URL, 40)),
    'mollie-api-key': ('payments', 'MOLLIE_API_KEY', lambda r: 'live_' + rs(r, ALNUM, 30)),
    'razorpay-key-secret': ('payments', 'RAZORPAY_KEY_SECRET', lambda r: rs(r, ALNUM, 24)),
    # ai
    'openai-project-key': ('ai', 'OPENAI_API_KEY', lambda r: 'sk-proj-' + rs(r, B64URL, 74) + 'T3BlbkFJ' + rs(r, B64URL, 74)),
    'openai-legacy-key': ('ai', 'OPENAI_API_KEY', lambda r: 'sk-' + rs(r, ALNUM, 20) + 'T3BlbkFJ' + rs(r, ALNUM, 20)),
    'openai-service-account-key': ('ai', 'OPENAI_API_KEY', lambda r: 'sk-svcacct-' + rs(r, B64URL, 74) + 'T3BlbkFJ' + rs(r, B64URL, 74)),
    'anthropic-api-key': ('ai', 'ANTHROPIC_API_KEY', lambda r: 'sk-ant-api03-' + rs(r, B64URL, 93) + 'AA'),
    'anthropic-admin-key': ('ai', 'ANTHROPIC_ADMIN_KEY', lambda r: 'sk-ant-admin01-' + rs(r, B64URL, 93) + 'AA'),
    'huggingface-token': ('ai', 'HF_TOKEN', lambda r: 'hf_' + rs(r, g.string.ascii_letters, 34)),
    'groq-api-key': ('ai', 'GROQ_API_KEY', lambda r: 'gsk_' + rs(r, ALNUM, 52)),
    'replicate-api-token': ('ai', 'REPLICATE_API_TOKEN', lambda r: 'r8_' + rs(r, ALNUM, 37)),
    'perplexity-api-key': ('ai', 'PERPLEXITY_API_KEY', lambda r: 'pplx-' + rs(r, ALNUM, 48)),
    'xai-api-key': ('ai', 'XAI_API_KEY', lambda r: 'xai-' + rs(r, ALNUM, 80)),
    'openrouter-api-key': ('ai', 'OPENROUTER_API_KEY', lambda r: 'sk-or-v1-' + rs(r, HEX, 64)),
    'langsmith-api-key': ('ai', 'LANGSMITH_API_KEY', lambda r: f'lsv2_pt_{rs(r, HEX, 32)}_{rs(r, HEX, 10)}'),
    'cohere-api-key': ('ai', 'COHERE_API_KEY', lambda r: rs(r, ALNUM, 40)),
    'mistral-api-key': ('ai', 'MISTRAL_API_KEY', lambda r: rs(r, ALNUM, 32)),
    'deepseek-api-key': ('ai', 'DEEPSEEK_API_KEY', lambda r: 'sk-' + rs(r, HEX, 32)),
    'pinecone-api-key': ('ai', 'PINECONE_API_KEY', lambda r: f'pcsk_{rs(r, ALNUM, 6)}_{rs(r, ALNUM, 63)}'),
    'wandb-api-key': ('ai', 'WANDB_API_KEY', lambda r: rs(r, HEX, 40)),
    'elevenlabs-api-key': ('ai', 'ELEVENLABS_API_KEY', lambda r: 'sk_' + rs(r, HEX, 48)),
    'fireworks-api-key': ('ai', 'FIREWORKS_API_KEY', lambda r: 'fw_' + rs(r, ALNUM, 24)),
    'together-api-key': ('ai', 'TOGETHER_API_KEY', lambda r: rs(r, HEX, 64)),
    # observability
    'datadog-api-key': ('observability', 'DD_API_KEY', lambda r: rs(r, HEX, 32)),
    'datadog-app-key': ('observability', 'DD_APP_KEY', lambda r: rs(r, HEX, 40)),
    'newrelic-user-key': ('observability', 'NEW_RELIC_API_KEY', lambda r: 'NRAK-' + rs(r, UPPER_ALNUM, 27)),
    'newrelic-license-key': ('observability', 'NEW_RELIC_LICENSE_KEY', lambda r: rs(r, HEX, 36) + 'NRAL'),
    'newrelic-insert-key': ('observability', 'NEW_RELIC_INSERT_KEY', lambda r: 'NRII-' + rs(r, B64URL, 32)),
    'sentry-org-token': ('observability', 'SENTRY_AUTH_TOKEN', _sentry_org_token),
    'sentry-user-token': ('observability', 'SENTRY_AUTH_TOKEN', lambda r: 'sntryu_' + rs(r, HEX, 64)),
    'grafana-cloud-token': ('observability', 'GRAFANA_CLOUD_TOKEN', _grafana_cloud),
    'grafana-service-account-token': ('observability', 'GRAFANA_SA_TOKEN', lambda r: f'glsa_{rs(r, ALNUM, 32)}_{rs(r, HEX, 8)}'),
    'honeycomb-api-key': ('observability', 'HONEYCOMB_API_KEY', lambda r: 'hcaik_' + rs(r, LOWER_ALNUM, 58)),
    'dynatrace-token': ('observability', 'DT_API_TOKEN', lambda r: f'dt0c01.{rs(r, UPPER_ALNUM, 24)}.{rs(r, UPPER_ALNUM, 64)}'),
    'splunk-hec-token': ('observability', 'SPLUNK_HEC_TOKEN', g.uuid4),
    'pagerduty-api-key': ('observability', 'PAGERDUTY_TOKEN', lambda r: 'u+' + rs(r, B64URL, 18)),
    'opsgenie-api-key': ('observability', 'OPSGENIE_API_KEY', g.uuid4),
    'bugsnag-api-key': ('observability', 'BUGSNAG_API_KEY', lambda r: rs(r, HEX, 32)),
    'rollbar-access-token': ('observability', 'ROLLBAR_ACCESS_TOKEN', lambda r: rs(r, HEX, 32)),
    'logzio-token': ('observability', 'LOGZIO_TOKEN', lambda r: rs(r, ALNUM, 32)),
    'sumologic-access-key': ('observability', 'SUMO_ACCESS_KEY', lambda r: rs(r, ALNUM, 64)),
    # registries
    'npm-token': ('registries', 'NPM_TOKEN', g.npm),
    'pypi-token': ('registries', 'PYPI_API_TOKEN', g.pypi),
    'dockerhub-pat': ('registries', 'DOCKERHUB_TOKEN', lambda r: 'dckr_pat_' + rs(r, B64URL, 27)),
    'docker-config-auth': ('registries', 'DOCKER_AUTH', _docker_auth),
    'rubygems-api-key': ('registries', 'GEM_HOST_API_KEY', lambda r: 'rubygems_' + rs(r, HEX, 48)),
    'nuget-api-key': ('registries', 'NUGET_API_KEY', lambda r: 'oy2' + rs(r, LOWER_ALNUM, 43)),
    'artifactory-api-key': ('registries', 'ARTIFACTORY_API_KEY', lambda r: 'AKCp8' + rs(r, ALNUM, 68)),
    'crates-io-token': ('registries', 'CARGO_REGISTRY_TOKEN', lambda r: 'cio' + rs(r, ALNUM, 32)),
    'clojars-token': ('registries', 'CLOJARS_DEPLOY_TOKEN', lambda r: 'CLOJARS_' + rs(r, HEX, 60)),
    'quay-robot-token': ('registries', 'QUAY_ROBOT_TOKEN', lambda r: rs(r, UPPER_ALNUM, 64)),
    'cloudsmith-api-key': ('registries', 'CLOUDSMITH_API_KEY', lambda r: rs(r, HEX, 40)),
    # saas
    'atlassian-api-token': ('saas', 'JIRA_API_TOKEN', lambda r: 'ATATT3xFfGF0' + rs(r, B64URL, 170) + '=' + rs(r, HEX.upper(), 8)),
    'notion-integration-token': ('saas', 'NOTION_TOKEN', lambda r: 'ntn_' + rs(r, DIGITS, 11) + rs(r, ALNUM, 35)),
    'notion-legacy-token': ('saas', 'NOTION_API_KEY', lambda r: 'secret_' + rs(r, ALNUM, 43)),
    'linear-api-key': ('saas', 'LINEAR_API_KEY', lambda r: 'lin_api_' + rs(r, ALNUM, 40)),
    'vault-service-token': ('saas', 'VAULT_TOKEN', lambda r: 'hvs.CAESI' + rs(r, B64URL, 86)),
    'vault-legacy-token': ('saas', 'VAULT_TOKEN', lambda r: 'hvs.' + rs(r, ALNUM, 24)),
    'vault-batch-token': ('saas', 'VAULT_TOKEN', lambda r: 'hvb.AAAAAQ' + rs(r, B64URL, 120)),
    'doppler-service-token': ('saas', 'DOPPLER_TOKEN', lambda r: 'dp.st.prd.' + rs(r, ALNUM, 43)),
    'doppler-personal-token': ('saas', 'DOPPLER_TOKEN', lambda r: 'dp.pt.' + rs(r, ALNUM, 43)),
    'databricks-token': ('saas', 'DATABRICKS_TOKEN', lambda r: 'dapi' + rs(r, HEX, 32)),
    'postman-api-key': ('saas', 'POSTMAN_API_KEY', lambda r: f'PMAK-{rs(r, HEX, 24)}-{rs(r, HEX, 34)}'),
    'figma-pat': ('saas', 'FIGMA_TOKEN', lambda r: 'figd_' + rs(r, B64URL, 40)),
    'airtable-pat': ('saas', 'AIRTABLE_API_KEY', lambda r: f'pat{rs(r, ALNUM, 14)}.{rs(r, HEX, 64)}'),
    'asana-pat': ('saas', 'ASANA_ACCESS_TOKEN', lambda r: f'2/{rs(r, DIGITS, 16)}/{rs(r, DIGITS, 16)}:{rs(r, HEX, 32)}'),
    'contentful-pat': ('saas', 'CONTENTFUL_MANAGEMENT_TOKEN', lambda r: 'CFPAT-' + rs(r, B64URL, 43)),
    'dropbox-token': ('saas', 'DROPBOX_ACCESS_TOKEN', lambda r: 'sl.B' + rs(r, B64URL, 135)),
    'okta-api-token': ('saas', 'OKTA_API_TOKEN', lambda r: '00' + rs(r, B64URL, 40)),
    'hubspot-private-app-token': ('saas', 'HUBSPOT_ACCESS_TOKEN', lambda r: 'pat-na1-' + g.uuid4(r)),
    'mapbox-secret-token': ('saas', 'MAPBOX_SECRET_TOKEN', _mapbox_secret),
    'onepassword-service-account': ('saas', 'OP_SERVICE_ACCOUNT_TOKEN', _onepassword),
    'sourcegraph-token': ('saas', 'SRC_ACCESS_TOKEN', lambda r: 'sgp_' + rs(r, HEX, 40)),
    'easypost-api-key': ('saas', 'EASYPOST_API_KEY', lambda r: 'EZAK' + rs(r, HEX, 54)),
    'auth0-client-secret': ('saas', 'AUTH0_CLIENT_SECRET', lambda r: rs(r, B64URL, 64)),
    'algolia-admin-key': ('saas', 'ALGOLIA_ADMIN_API_KEY', lambda r: rs(r, HEX, 32)),
    'launchdarkly-sdk-key': ('saas', 'LAUNCHDARKLY_SDK_KEY', lambda r: 'sdk-' + g.uuid4(r)),
    'zendesk-api-token': ('saas', 'ZENDESK_API_TOKEN', lambda r: rs(r, ALNUM, 40)),
    'typeform-token': ('saas', 'TYPEFORM_TOKEN', lambda r: f'tfp_{rs(r, B64URL, 44)}_{rs(r, B64URL, 14)}'),
}




# ---------------------------------------------------------------- connection strings, JWTs, generic secrets
_USERS = ['app', 'svc_orders', 'ledger', 'analytics_rw', 'billing', 'etl_loader', 'webapp', 'reporting']
_HOSTS = ['db-prod-1.internal.orbitpay.io', 'pg-main.c9akciq32.eu-west-1.rds.amazonaws.com', '10.40.12.7',
          'mysql.ledgerly.net', 'orders-db.prod.svc.cluster.local', 'analytics.cx71z0wqk2.us-east-2.rds.amazonaws.com']


def _pw(r: random.Random) -> str:
    return g.typed_password(r, url_safe=True) if r.random() < 0.5 else g.strong_password(r, r.randrange(14, 26), url_safe=True)


def _db(r: random.Random) -> str:
    return r.choice(['orders', 'ledger', 'app_production', 'analytics', 'billing', 'inventory'])


def _conn(scheme: str) -> Gen:
    def gen(r: random.Random) -> str:
        u, h, p, d = r.choice(_USERS), r.choice(_HOSTS), _pw(r), _db(r)
        if scheme == 'postgres':
            return f'postgres://{u}:{p}@{h}:5432/{d}?sslmode=require'
        if scheme == 'postgresql+psycopg2':
            return f'postgresql+psycopg2://{u}:{p}@{h}/{d}'
        if scheme == 'mysql':
            return f'mysql://{u}:{p}@{h}:3306/{d}'
        if scheme == 'mongodb+srv':
            return f'mongodb+srv://{u}:{p}@cluster0.{rs(r, LOWER_ALNUM, 5)}.mongodb.net/{d}?retryWrites=true&w=majority'
        if scheme == 'redis':
            return f'rediss://default:{p}@redis-{r.randrange(10000, 19999)}.c{r.randrange(100, 999)}.us-east-1-2.ec2.cloud.redislabs.com:{r.randrange(10000, 19999)}'
        if scheme == 'amqp':
            return f'amqps://{u}:{p}@rabbit.prod.orbitpay.io:5671/{d}'
        if scheme == 'jdbc-postgres':
            return f'jdbc:postgresql://{h}:5432/{d}?user={u}&password={p}&ssl=true'
        if scheme == 'jdbc-sqlserver':
            return f'jdbc:sqlserver://{h}:1433;databaseName={d};user={u};password={p};encrypt=true'
        if scheme == 'adonet':
            return (f'Server=tcp:{rs(r, LOWER, 8)}-sql.database.windows.net,1433;Initial Catalog={d};'
                    f'Persist Security Info=False;User ID={u};Password={p};Encrypt=True;Connection Timeout=30;')
        if scheme == 'amqp-plain':
            return f'amqp://{u}:{p}@localhost:5672/'
        raise ValueError(scheme)
    return gen


def _jwt_payload(kind: str) -> Gen:
    def gen(r: random.Random) -> str:
        iat = 1_700_000_000 + r.randrange(3 * 10 ** 7)
        if kind == 'supabase':
            return g.jwt(r, {'iss': 'supabase', 'ref': rs(r, LOWER, 20), 'role': 'service_role', 'iat': iat, 'exp': iat + 315_360_000})
        if kind == 'api':
            return g.jwt(r, {'sub': f'svc-{rs(r, LOWER, 6)}', 'scope': 'orders:write invoices:read', 'iat': iat, 'exp': iat + 31_536_000,
                             'jti': g.uuid4(r)})
        if kind == 'rs256':
            return g.jwt(r, {'iss': 'https://auth.orbitpay.io/', 'sub': f'auth0|{rs(r, HEX, 24)}', 'aud': 'https://api.orbitpay.io',
                             'iat': iat, 'exp': iat + 86_400, 'azp': rs(r, ALNUM, 32), 'scope': 'openid profile email'},
                         alg='RS256', kid=rs(r, B64URL, 22))
        if kind == 'refresh':
            return g.jwt(r, {'type': 'refresh', 'uid': r.randrange(10 ** 5, 10 ** 7), 'iat': iat, 'exp': iat + 2_592_000}, alg='HS512')
        if kind == 'es256':
            return g.jwt(r, {'iss': rs(r, UPPER_ALNUM, 10), 'iat': iat, 'aud': 'appstoreconnect-v1', 'exp': iat + 1200}, alg='ES256',
                         kid=rs(r, UPPER_ALNUM, 10))
        raise ValueError(kind)
    return gen


KINDS.update({
    'postgres-url': ('connection-strings', 'DATABASE_URL', _conn('postgres')),
    'sqlalchemy-url': ('connection-strings', 'SQLALCHEMY_DATABASE_URI', _conn('postgresql+psycopg2')),
    'mysql-url': ('connection-strings', 'MYSQL_URL', _conn('mysql')),
    'mongodb-srv-url': ('connection-strings', 'MONGODB_URI', _conn('mongodb+srv')),
    'redis-url': ('connection-strings', 'REDIS_URL', _conn('redis')),
    'amqp-url': ('connection-strings', 'AMQP_URL', _conn('amqp')),
    'jdbc-postgres-url': ('connection-strings', 'JDBC_URL', _conn('jdbc-postgres')),
    'jdbc-sqlserver-url': ('connection-strings', 'JDBC_DATABASE_URL', _conn('jdbc-sqlserver')),
    'adonet-connection-string': ('connection-strings', 'SQL_CONNECTION_STRING', _conn('adonet')),
    'jwt-supabase-service-role': ('jwt', 'SUPABASE_SERVICE_ROLE_KEY', _jwt_payload('supabase')),
    'jwt-api-token': ('jwt', 'API_TOKEN', _jwt_payload('api')),
    'jwt-rs256-access-token': ('jwt', 'ACCESS_TOKEN', _jwt_payload('rs256')),
    'jwt-refresh-token': ('jwt', 'REFRESH_TOKEN', _jwt_payload('refresh')),
    'jwt-es256-token': ('jwt', 'APPSTORE_CONNECT_JWT', _jwt_payload('es256')),
    'database-password': ('generic-passwords', 'DB_PASSWORD', lambda r: g.typed_password(r)),
    'typed-password': ('generic-passwords', 'ADMIN_PASSWORD', lambda r: r.choice(g.TYPED_PASSWORDS)),
    'smtp-password': ('generic-passwords', 'SMTP_PASSWORD', lambda r: g.strong_password(r, 16)),
    'jwt-signing-secret': ('generic-passwords', 'JWT_SECRET', lambda r: rs(r, ALNUM, 48)),
    'letter-only-token': ('generic-passwords', 'API_TOKEN', lambda r: rs(r, LOWER, 24)),
    'letter-password': ('generic-passwords', 'KEYSTORE_PASSWORD', lambda r: g.letter_password(r, 24)),
    'encryption-key': ('generic-passwords', 'ENCRYPTION_KEY', lambda r: rs(r, HEX, 64)),
    'generic-api-key': ('generic-passwords', 'API_KEY', lambda r: rs(r, ALNUM, 32)),
    'client-secret': ('generic-passwords', 'CLIENT_SECRET', lambda r: rs(r, B64URL, 40)),
    'redis-password': ('generic-passwords', 'REDIS_PASSWORD', lambda r: g.strong_password(r, 24)),
    'ldap-bind-password': ('generic-passwords', 'LDAP_BIND_PASSWORD', lambda r: g.typed_password(r)),
    'session-secret': ('generic-passwords', 'SESSION_SECRET', lambda r: g.strong_password(r, 32)),
    'webhook-secret': ('generic-passwords', 'WEBHOOK_SECRET', lambda r: rs(r, HEX, 40)),
    'admin-token': ('generic-passwords', 'ADMIN_TOKEN', lambda r: rs(r, string.ascii_letters, 28)),
})


def make(kind: str, r: random.Random):  # -> generate.Secret
    from generate import Secret
    family, _env, gen = KINDS[kind]
    return Secret(gen(r), family, kind)


def env_name(kind: str) -> str:
    return KINDS[kind][1]

"""The provider rules as data: read by gen_provider_rules.py (see its docstring).

P(id, provider, description, revoke page, parts, var=..., cat=...): a token with a literal prefix.
C(id, provider, description, revoke page, shape, vendors=[...], var=..., cat=...): a prefixless value
  assigned to a name that contains a vendor word (tagged "context").
X(id, provider, description, revoke page, pattern, ...): pattern and examples written by hand.

Parts: literal strings, or a class letter and a length: A alnum, h/H hex, l lower alnum, U upper
alnum, L lower letters, w base64url, b base64, d digits, z base32 (lower); 'A20-40' is a range.
"""
from __future__ import annotations

import base64
import random
import uuid
import zlib
from typing import Any, Callable

ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'
HEX = '0123456789abcdef'
B62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'


def rng_for(name: str) -> random.Random:
    return random.Random('leakstop-providers:' + name)


def rs(rng: random.Random, alphabet: str, n: int) -> str:
    return ''.join(rng.choice(alphabet) for _ in range(n))


def ruuid(rng: random.Random) -> str:
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


def b62(value: int, width: int) -> str:
    out = ''
    while value:
        value, rem = divmod(value, 62)
        out = B62[rem] + out
    return out.rjust(width, '0')


def define(P: Callable[..., None], C: Callable[..., None], X: Callable[..., None], UUID: list[str]) -> None:
    # ------------------------------------------------------------------ AI and ML platforms
    P('tavily-api-key', 'Tavily', 'Tavily API key', 'https://app.tavily.com/home',
      ['tvly-', 'A32'], alts=[['tvly-dev-', 'A32'], ['tvly-prod-', 'A32']], keywords=['tvly-'],
      var='TAVILY_API_KEY', cat='ai', host='api.tavily.com')
    P('cerebras-api-key', 'Cerebras', 'Cerebras Inference API key', 'https://cloud.cerebras.ai/platform',
      ['csk-', 'l48'], var='CEREBRAS_API_KEY', cat='ai', host='api.cerebras.ai')
    P('jina-api-key', 'Jina AI', 'Jina AI API key', 'https://jina.ai/api-dashboard/key-manager',
      ['jina_', 'h32', 'w28'], var='JINA_API_KEY', cat='ai', host='api.jina.ai')
    P('firecrawl-api-key', 'Firecrawl', 'Firecrawl API key', 'https://www.firecrawl.dev/app/api-keys',
      ['fc-', 'h32'], var='FIRECRAWL_API_KEY', cat='ai', host='api.firecrawl.dev')
    P('llamacloud-api-key', 'LlamaIndex', 'LlamaCloud (LlamaIndex) API key', 'https://cloud.llamaindex.ai/',
      ['llx-', 'A48'], var='LLAMA_CLOUD_API_KEY', cat='ai', host='api.cloud.llamaindex.ai')
    P('langfuse-secret-key', 'Langfuse', 'Langfuse secret API key',
      'https://langfuse.com/faq/all/where-are-langfuse-api-keys',
      ['sk-lf-', UUID], var='LANGFUSE_SECRET_KEY', cat='ai', host='cloud.langfuse.com')
    P('helicone-api-key', 'Helicone', 'Helicone API key', 'https://us.helicone.ai/settings/api-keys',
      ['sk-helicone-', 'l7', '-', 'l7', '-', 'l7', '-', 'l7'], var='HELICONE_API_KEY', cat='ai',
      host='ai-gateway.helicone.ai')
    P('e2b-api-key', 'E2B', 'E2B sandbox API key', 'https://e2b.dev/dashboard?tab=keys',
      ['e2b_', 'h40'], var='E2B_API_KEY', cat='ai', host='api.e2b.dev')
    P('nvidia-api-key', 'NVIDIA', 'NVIDIA NGC / API catalog key', 'https://org.ngc.nvidia.com/setup/api-keys',
      ['nvapi-', 'w64'], var='NVIDIA_API_KEY', cat='ai', host='integrate.api.nvidia.com')
    C('moonshot-api-key', 'Moonshot AI', 'Moonshot AI (Kimi) API key', 'https://platform.moonshot.ai/console/api-keys',
      ['sk-', 'A48'], vendors=['moonshot', 'kimi'], var='MOONSHOT_API_KEY', var2='KIMI_API_KEY', cat='ai')
    C('zhipu-api-key', 'Zhipu AI', 'Zhipu AI / Z.ai (GLM) API key', 'https://z.ai/manage-apikey/apikey-list',
      ['h32', '.', 'A16'], vendors=['zhipu', 'zai', 'bigmodel', 'glm'], var='ZHIPUAI_API_KEY', var2='ZAI_API_KEY', cat='ai')
    C('ollama-api-key', 'Ollama', 'Ollama API key', 'https://ollama.com/settings/keys',
      ['h32', '.', 'w24'], vendors=['ollama'], var='OLLAMA_API_KEY', cat='ai')
    C('greptile-api-key', 'Greptile', 'Greptile API key', 'https://app.greptile.com/',
      ['b48'], vendors=['greptile'], var='GREPTILE_API_KEY', cat='ai', validator='letters_and_digits')
    C('cursor-api-key', 'Cursor', 'Cursor admin/API key', 'https://cursor.com/dashboard',
      ['key_', 'h64'], vendors=['cursor'], var='CURSOR_API_KEY', cat='ai')
    P('devin-service-user-token', 'Cognition', 'Devin (Cognition) service user token', 'https://app.devin.ai/settings',
      ['cog_', 'z52'], var='DEVIN_API_KEY', cat='ai', host='api.devin.ai')
    C('ai21-api-key', 'AI21 Labs', 'AI21 Labs API key', 'https://studio.ai21.com/account/api-key',
      ['A32'], vendors=['ai21'], var='AI21_API_KEY', cat='ai', validator='letters_and_digits')
    C('voyage-api-key', 'Voyage AI', 'Voyage AI API key', 'https://dashboard.voyageai.com/api-keys',
      ['pa-', 'w43'], vendors=['voyage'], var='VOYAGE_API_KEY', cat='ai')
    C('clarifai-pat', 'Clarifai', 'Clarifai personal access token', 'https://clarifai.com/settings/security',
      ['h32'], vendors=['clarifai'], keys=r'(?:pat|api[_.-]?key|key|token)', var='CLARIFAI_PAT', cat='ai')
    C('sambanova-api-key', 'SambaNova', 'SambaNova Cloud API key', 'https://cloud.sambanova.ai/apis',
      UUID, vendors=['sambanova'], var='SAMBANOVA_API_KEY', cat='ai')
    C('vastai-api-key', 'Vast.ai', 'Vast.ai API key', 'https://cloud.vast.ai/manage-keys/',
      ['h64'], vendors=['vastai', 'vast_ai', 'vast-ai', 'vast'], var='VAST_API_KEY', var2='VASTAI_API_KEY', cat='ai')
    P('runpod-api-key', 'RunPod', 'RunPod API key', 'https://www.runpod.io/console/user/settings',
      ['rpa_', 'U40', 'A6'], var='RUNPOD_API_KEY', cat='ai', host='api.runpod.io')
    C('modal-token-secret', 'Modal', 'Modal token secret', 'https://modal.com/settings/tokens',
      ['as-', 'A22'], vendors=['modal'], keys=r'token[_.-]?secret', var='MODAL_TOKEN_SECRET', cat='ai')
    C('kaggle-api-key', 'Kaggle', 'Kaggle API key', 'https://www.kaggle.com/settings',
      ['h32'], vendors=['kaggle'], keys=r'(?:api[_.-]?)?key', var='KAGGLE_KEY', var2='KAGGLE_API_KEY', cat='ai')
    X('kaggle-json-key', 'Kaggle', 'Kaggle API key in kaggle.json', 'https://www.kaggle.com/settings',
      r"""["']username["']\s{0,3}:\s{0,3}["'][^"'\n]{1,64}["']\s{0,3},\s{0,3}["']key["']\s{0,3}:\s{0,3}["'](?P<secret>[a-f0-9]{32})["']""",
      keywords=['username'], cat='ai', max_length=160, entropy=3.0,
      examples=[f'{{"username":"jdoe42","key":"{_g("kg1", "h32")}"}}', f"{{'username': 'ml-team', 'key': '{_g('kg2', 'h32')}'}}"],
      negatives=['{"username":"jdoe42","key":"<api-key>"}', '{"username":"jdoe42","key":"abc123"}',
                 f'{{"username":"jdoe42","id":"{_g("kg3", "h32")}"}}'])
    C('roboflow-api-key', 'Roboflow', 'Roboflow API key', 'https://app.roboflow.com/settings/api',
      ['A20'], vendors=['roboflow'], var='ROBOFLOW_API_KEY', cat='ai', validator='letters_and_digits')
    C('comet-api-key', 'Comet', 'Comet ML API key', 'https://www.comet.com/account-settings/apiKeys',
      ['A25'], vendors=['comet'], keys=r'api[_.-]?key', var='COMET_API_KEY', cat='ai', validator='letters_and_digits')
    C('baseten-api-key', 'Baseten', 'Baseten API key', 'https://app.baseten.co/settings/api_keys',
      ['A8', '.', 'A32'], vendors=['baseten'], var='BASETEN_API_KEY', cat='ai')
    C('speechmatics-api-key', 'Speechmatics', 'Speechmatics API key', 'https://portal.speechmatics.com/settings/api-keys',
      ['A32'], vendors=['speechmatics'], var='SPEECHMATICS_API_KEY', cat='ai', validator='letters_and_digits')

    def neptune(rng: random.Random) -> str:
        doc = ('{"api_address":"https://app.neptune.ai","api_url":"https://app.neptune.ai","api_key":"%s"}'
               % ruuid(rng))
        return base64.b64encode(doc.encode()).decode().rstrip('=')
    P('neptune-api-token', 'Neptune.ai', 'Neptune.ai API token (base64 JSON with the API address and key)',
      'https://docs.neptune.ai/api_token', ['eyJhcGlfYWRkcmVzcyI6', 'b100-300'], secret_fn=neptune,
      var='NEPTUNE_API_TOKEN', cat='ai', host='app.neptune.ai', boundary='(?![A-Za-z0-9+/=])')

    # ------------------------------------------------------------------ cloud and hosting
    C('hetzner-cloud-api-token', 'Hetzner', 'Hetzner Cloud API token',
      'https://docs.hetzner.com/cloud/api/getting-started/generating-api-token/',
      ['A64'], vendors=['hcloud', 'hetzner'], var='HCLOUD_TOKEN', var2='HETZNER_API_TOKEN', cat='cloud',
      keys=r'(?:api[_.-]?)?(?:key|token)')
    C('vultr-api-key', 'Vultr', 'Vultr API key', 'https://my.vultr.com/settings/#settingsapi',
      ['U36'], vendors=['vultr'], var='VULTR_API_KEY', cat='cloud', validator='letters_and_digits')
    C('civo-api-key', 'Civo', 'Civo API key', 'https://dashboard.civo.com/security',
      ['A50'], vendors=['civo'], var='CIVO_TOKEN', var2='CIVO_API_KEY', cat='cloud', validator='letters_and_digits')
    P('exoscale-api-key', 'Exoscale', 'Exoscale API key', 'https://portal.exoscale.com/iam/api-keys',
      ['EXO', 'h24'], var='EXOSCALE_API_KEY', cat='cloud', host='api-ch-gva-2.exoscale.com')
    C('exoscale-api-secret', 'Exoscale', 'Exoscale API secret', 'https://portal.exoscale.com/iam/api-keys',
      ['w43'], vendors=['exoscale'], keys='secret', var='EXOSCALE_API_SECRET', cat='cloud', validator='letters_and_digits')
    P('upcloud-api-token', 'UpCloud', 'UpCloud API token',
      'https://upcloud.com/docs/guides/getting-started-upcloud-api/', ['ucat_', 'A26'],
      var='UPCLOUD_TOKEN', cat='cloud', host='api.upcloud.com')
    P('render-api-key', 'Render', 'Render API key', 'https://dashboard.render.com/u/settings#api-keys',
      ['rnd_', 'A28'], var='RENDER_API_KEY', cat='cloud', host='api.render.com')
    C('railway-api-token', 'Railway', 'Railway API token', 'https://railway.com/account/tokens',
      UUID, vendors=['railway'], var='RAILWAY_TOKEN', var2='RAILWAY_API_TOKEN', cat='cloud',
      keys=r'(?:api[_.-]?)?token')
    C('koyeb-api-token', 'Koyeb', 'Koyeb API access token', 'https://app.koyeb.com/user/settings/api',
      ['A64'], vendors=['koyeb'], var='KOYEB_TOKEN', cat='cloud', validator='letters_and_digits',
      keys=r'(?:api[_.-]?)?(?:key|token)')
    P('neon-api-key', 'Neon', 'Neon API key', 'https://console.neon.tech/app/settings/api-keys',
      ['napi_', 'A64'], var='NEON_API_KEY', cat='cloud', host='console.neon.tech')
    P('cockroachdb-cloud-api-key', 'Cockroach Labs', 'CockroachDB Cloud service account API key',
      'https://www.cockroachlabs.com/docs/cockroachcloud/managing-access#api-access',
      ['CCDB1_', 'A22', '_', 'A40'], var='COCKROACH_API_KEY', cat='cloud', host='cockroachlabs.cloud')
    C('equinix-metal-api-token', 'Equinix', 'Equinix Metal API token',
      'https://deploy.equinix.com/developers/docs/metal/identity-access-management/api-keys/',
      ['A32'], vendors=['equinix', 'packet'], keys=r'(?:auth|api)[_.-]?(?:key|token)', var='PACKET_AUTH_TOKEN',
      var2='EQUINIX_METAL_AUTH_TOKEN', cat='cloud', validator='letters_and_digits')
    C('backblaze-b2-application-key', 'Backblaze', 'Backblaze B2 application key',
      'https://secure.backblaze.com/app_keys.htm', ['K', 'd3', 'b27'], vendors=['backblaze', 'b2'],
      keys=r'(?:application[_.-]?|app[_.-]?)?key', var='B2_APPLICATION_KEY', var2='BACKBLAZE_APP_KEY', cat='cloud')
    C('wasabi-secret-key', 'Wasabi', 'Wasabi secret access key', 'https://docs.wasabi.com/docs/access-keys-1',
      ['b40'], vendors=['wasabi'], keys=r'secret(?:[_.-]?access)?[_.-]?key', var='WASABI_SECRET_KEY', cat='cloud',
      validator='letters_and_digits')
    C('huaweicloud-secret-key', 'Huawei Cloud', 'Huawei Cloud secret access key',
      'https://support.huaweicloud.com/intl/en-us/usermanual-ca/ca_01_0003.html', ['A40'],
      vendors=['huaweicloud', 'huawei', 'hwcloud'], keys=r'(?:secret[_.-]?(?:access[_.-]?)?key|sk)',
      var='HUAWEICLOUD_SDK_SK', var2='HUAWEI_SECRET_KEY', cat='cloud', validator='letters_and_digits')
    C('yandex-cloud-api-key', 'Yandex Cloud', 'Yandex Cloud API key',
      'https://yandex.cloud/en/docs/iam/operations/api-key/delete', ['AQVN', 'w36'],
      vendors=['yandex', 'yc_'], var='YANDEX_API_KEY', var2='YC_API_KEY', cat='cloud')
    C('yandex-cloud-static-key', 'Yandex Cloud', 'Yandex Cloud static access key secret',
      'https://yandex.cloud/en/docs/iam/operations/sa/delete-access-key', ['YC', 'w38'],
      vendors=['yandex'], keys=r'secret(?:[_.-]?access)?[_.-]?key', var='YANDEX_SECRET_KEY', cat='cloud')
    C('ovh-application-secret', 'OVHcloud', 'OVHcloud API application secret or consumer key',
      'https://help.ovhcloud.com/csm/en-gb-api-getting-started-ovhcloud-api', ['A32'], vendors=['ovh'],
      keys=r'(?:application[_.-]?secret|app[_.-]?secret|consumer[_.-]?key)', var='OVH_APPLICATION_SECRET',
      var2='OVH_CONSUMER_KEY', cat='cloud', validator='letters_and_digits')

    r = rng_for('cloudinary-url')
    cl = [(rs(r, '0123456789', 15), rs(r, ALNUM + '_-', 27)) for _ in range(3)]
    X('cloudinary-url', 'Cloudinary', 'Cloudinary URL with API key and secret',
      'https://console.cloudinary.com/settings/api-keys',
      r'''cloudinary://[0-9]{15}:(?P<secret>[A-Za-z0-9_-]{27})@[A-Za-z0-9_-]{2,64}''',
      keywords=['cloudinary://'], cat='media', max_length=120, entropy=3.0,
      examples=[f'CLOUDINARY_URL=cloudinary://{cl[0][0]}:{cl[0][1]}@acme-media',
                f'  cloudinary_url: "cloudinary://{cl[1][0]}:{cl[1][1]}@shop-assets"',
                f'config.cloudinary = {{ url: "cloudinary://{cl[2][0]}:{cl[2][1]}@d8x7media" }}'],
      negatives=['CLOUDINARY_URL=cloudinary://<api_key>:<api_secret>@<cloud_name>',
                 f'CLOUDINARY_URL=cloudinary://{cl[0][0]}:{cl[0][1][:20]}@acme-media',
                 'CLOUDINARY_URL=cloudinary://123456789012345:${CLOUDINARY_SECRET}@acme'])
    C('cloudinary-api-secret', 'Cloudinary', 'Cloudinary API secret', 'https://console.cloudinary.com/settings/api-keys',
      ['w27'], vendors=['cloudinary'], keys=r'(?:api[_.-]?)?secret', var='CLOUDINARY_API_SECRET', cat='media',
      validator='letters_and_digits')

    r = rng_for('azure-app-configuration-connection-string')
    ac = [(rs(r, 'abcdefghijklmnopqrstuvwxyz', 8), rs(r, ALNUM, 4), rs(r, ALNUM + '+/', 43)) for _ in range(3)]
    X('azure-app-configuration-connection-string', 'Microsoft Azure', 'Azure App Configuration connection string',
      'https://learn.microsoft.com/en-us/azure/azure-app-configuration/howto-disable-access-key-authentication',
      r'''Endpoint=https://[a-z0-9-]{1,64}\.azconfig\.io;Id=[^;\s'"]{4,80};Secret=(?P<secret>[A-Za-z0-9+/]{40,60}=?)''',
      keywords=['.azconfig.io'], cat='cloud', max_length=240, entropy=3.0,
      examples=[f'AZURE_APPCONFIG_CONNECTION_STRING="Endpoint=https://{ac[0][0]}.azconfig.io;Id={ac[0][1]}-l1-s0:Xq;Secret={ac[0][2]}="',
                f'  "AppConfig": "Endpoint=https://{ac[1][0]}.azconfig.io;Id={ac[1][1]}-l0-s0:Pb;Secret={ac[1][2]}="',
                f'appconfig: Endpoint=https://{ac[2][0]}-prod.azconfig.io;Id={ac[2][1]}-l9-s0:Zk;Secret={ac[2][2]}='],
      negatives=['Endpoint=https://myconfig.azconfig.io;Id=<id>;Secret=<secret>',
                 f'Endpoint=https://{ac[0][0]}.azconfig.io;Id={ac[0][1]}-l1-s0:Xq;Secret={ac[0][2][:20]}',
                 'Endpoint=https://myconfig.azconfig.io'])

    # ------------------------------------------------------------------ secrets management and infrastructure
    r = rng_for('vault-unseal-key')
    vk = [base64.b64encode(bytes(r.getrandbits(8) for _ in range(33))).decode() for _ in range(3)]
    X('vault-unseal-key', 'HashiCorp', 'HashiCorp Vault unseal or recovery key share',
      'https://developer.hashicorp.com/vault/docs/commands/operator/rekey',
      r'''(?<![A-Za-z0-9])(?:(?:Unseal|Recovery) Key \d{1,2}:[ \t]{1,4}|(?i:vault[\w.-]{0,16}?(?:unseal|recovery)[_.-]?key\w{0,4})["']?\s{0,3}[:=]\s{0,3}["']?)(?P<secret>[A-Za-z0-9+/]{44})(?![A-Za-z0-9+/=])''',
      keywords=['unseal key', 'recovery key', 'unseal_key', 'recovery_key', 'unseal-key'], cat='secrets',
      max_length=100, entropy=3.5, validator='base64_key',
      examples=[f'Unseal Key 1: {vk[0]}', f'Recovery Key 3: {vk[1]}', f'VAULT_UNSEAL_KEY={vk[2]}'],
      negatives=['Unseal Key 1: <unseal-key-1>', f'Unseal Key 1: {vk[0][:30]}',
                 'Unseal Key (will be hidden):', f'cache_key = "{vk[1]}"'])
    r = rng_for('bitwarden-secrets-manager-access-token')
    bw = [f'0.{ruuid(r)}.{rs(r, ALNUM, 30)}:{base64.b64encode(bytes(r.getrandbits(8) for _ in range(16))).decode()}'
          for _ in range(3)]
    X('bitwarden-secrets-manager-access-token', 'Bitwarden', 'Bitwarden Secrets Manager machine account access token',
      'https://bitwarden.com/help/access-tokens/',
      r'''(?<![A-Za-z0-9.])(?P<secret>0\.[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\.[A-Za-z0-9]{30}:[A-Za-z0-9+/]{22}==)''',
      keywords=['0.'], cat='secrets', max_length=100, entropy=3.0,
      examples=[f'BWS_ACCESS_TOKEN={bw[0]}', f'  access_token: "{bw[1]}"', f'bws secret list --access-token {bw[2]}'],
      negatives=['BWS_ACCESS_TOKEN=<access-token>', f'BWS_ACCESS_TOKEN={bw[0][:60]}',
                 'version = "0.12345678-1234-1234-1234-123456789012"'])
    P('tailscale-key', 'Tailscale', 'Tailscale API access token, auth key or OAuth client secret',
      'https://login.tailscale.com/admin/settings/keys',
      ['tskey-auth-', 'A8-16', 'CNTRL-', 'A20-40'], alts=[['tskey-api-', 'A8-16', 'CNTRL-', 'A20-40'],
      ['tskey-client-', 'A8-16', 'CNTRL-', 'A20-40'], ['tskey-scim-', 'A8-16', 'CNTRL-', 'A20-40'],
      ['tskey-webhook-', 'A8-16', 'CNTRL-', 'A20-40']], keywords=['tskey-'], var='TS_AUTHKEY', cat='network',
      host='api.tailscale.com')
    C('zerotier-api-token', 'ZeroTier', 'ZeroTier Central API token', 'https://my.zerotier.com/account',
      ['A32'], vendors=['zerotier'], var='ZEROTIER_CENTRAL_TOKEN', var2='ZEROTIER_API_TOKEN', cat='network',
      keys=r'(?:central[_.-]?|api[_.-]?)?token', validator='letters_and_digits')
    C('ngrok-authtoken', 'ngrok', 'ngrok authtoken or API key', 'https://dashboard.ngrok.com/get-started/your-authtoken',
      ['A25-27', '_', 'A21'], vendors=['ngrok'], keys=r'(?:auth[_.-]?token|api[_.-]?key)', var='NGROK_AUTHTOKEN',
      var2='NGROK_API_KEY', cat='network')
    P('defined-networking-api-token', 'Defined Networking', 'Defined Networking (Managed Nebula) API key',
      'https://admin.defined.net/settings/api-keys', ['dnkey-', 'U26', '-', 'U52'], var='DN_API_KEY', cat='network',
      host='api.defined.net')
    P('docker-swarm-join-token', 'Docker', 'Docker Swarm join token',
      'https://docs.docker.com/reference/cli/docker/swarm/join-token/',
      ['SWMTKN-1-', 'l50', '-', 'l25'], var='SWARM_JOIN_TOKEN', cat='infrastructure', host='swarm.internal')
    P('docker-swarm-unlock-key', 'Docker', 'Docker Swarm unlock key',
      'https://docs.docker.com/reference/cli/docker/swarm/unlock-key/',
      ['SWMKEY-1-', 'b43'], var='SWARM_UNLOCK_KEY', cat='infrastructure', host='swarm.internal')
    P('openshift-user-token', 'Red Hat', 'OpenShift user OAuth access token',
      'https://docs.redhat.com/en/documentation/openshift_container_platform/latest/html/authentication_and_authorization/managing-oauth-access-tokens',
      ['sha256~', 'w43'], var='OPENSHIFT_TOKEN', cat='infrastructure', host='api.openshift.example.net')
    C('harbor-robot-secret', 'Harbor', 'Harbor robot account secret',
      'https://goharbor.io/docs/main/working-with-projects/project-configuration/create-robot-accounts/',
      ['A32'], vendors=['harbor'], keys=r'(?:robot[_.-]?)?(?:secret|password|token)', var='HARBOR_ROBOT_SECRET',
      var2='HARBOR_PASSWORD', cat='registry', validator='letters_and_digits')
    C('quay-robot-token', 'Red Hat', 'Quay.io robot account token', 'https://docs.quay.io/glossary/robot-accounts.html',
      ['U64'], vendors=['quay'], keys=r'(?:robot[_.-]?)?(?:token|password)', var='QUAY_ROBOT_TOKEN',
      var2='QUAY_PASSWORD', cat='registry', validator='letters_and_digits')
    C('gemfury-token', 'Gemfury', 'Gemfury (Fury) push or deploy token', 'https://manage.fury.io/manage/tokens',
      ['A20'], vendors=['gemfury', 'fury'], keys=r'(?:push[_.-]?|deploy[_.-]?|api[_.-]?)?token', var='GEMFURY_TOKEN',
      var2='FURY_PUSH_TOKEN', cat='registry', validator='letters_and_digits')
    C('cloudsmith-api-key', 'Cloudsmith', 'Cloudsmith API key', 'https://cloudsmith.io/user/settings/api/',
      ['h40'], vendors=['cloudsmith'], keys=r'api[_.-]?key', var='CLOUDSMITH_API_KEY', cat='registry')
    C('anaconda-api-token', 'Anaconda', 'Anaconda.org API token', 'https://anaconda.org/settings/access',
      ['w30-40'], vendors=['anaconda', 'conda'], keys=r'(?:api[_.-]?|upload[_.-]?)?token', var='ANACONDA_API_TOKEN',
      var2='CONDA_UPLOAD_TOKEN', cat='registry', validator='letters_and_digits')
    C('cocoapods-trunk-token', 'CocoaPods', 'CocoaPods trunk session token', 'https://guides.cocoapods.org/terminal/commands.html#pod_trunk',
      ['h32'], vendors=['cocoapods'], keys=r'(?:trunk[_.-]?)?token', var='COCOAPODS_TRUNK_TOKEN', cat='registry')
    C('ansible-galaxy-api-key', 'Ansible', 'Ansible Galaxy API key', 'https://galaxy.ansible.com/ui/token/',
      ['h40'], vendors=['galaxy'], keys=r'(?:api[_.-]?)?(?:key|token)', var='GALAXY_API_KEY', cat='registry')
    P('octopus-deploy-api-key', 'Octopus Deploy', 'Octopus Deploy API key',
      'https://octopus.com/docs/octopus-rest-api/how-to-create-an-api-key', ['API-', 'U26'],
      validator='letters_and_digits', var='OCTOPUS_API_KEY', cat='ci', host='octopus.internal', entropy=3.2)

    # ------------------------------------------------------------------ CI, code hosting, dev tools
    C('gitea-access-token', 'Gitea', 'Gitea / Forgejo / Codeberg access token',
      'https://docs.gitea.com/development/api-usage#generating-and-listing-api-tokens', ['h40'],
      vendors=['gitea', 'forgejo', 'codeberg'], keys=r'(?:access[_.-]?|api[_.-]?)?token', var='GITEA_TOKEN',
      var2='FORGEJO_TOKEN', cat='code-hosting')
    C('phabricator-conduit-token', 'Phabricator', 'Phabricator / Phorge Conduit API token',
      'https://secure.phabricator.com/book/phabricator/article/conduit/', ['api-', 'l28'],
      vendors=['phabricator', 'conduit', 'phorge', 'arcanist'], keys=r'(?:api[_.-]?)?token', var='PHABRICATOR_API_TOKEN',
      var2='CONDUIT_TOKEN', cat='code-hosting')
    C('bitrise-access-token', 'Bitrise', 'Bitrise personal or workspace access token',
      'https://devcenter.bitrise.io/en/accounts/personal-access-tokens.html', ['w86'], vendors=['bitrise'],
      keys=r'(?:access[_.-]?|api[_.-]?)?token', var='BITRISE_ACCESS_TOKEN', var2='BITRISE_API_TOKEN', cat='ci',
      validator='letters_and_digits')
    C('drone-ci-token', 'Drone', 'Drone CI personal token', 'https://docs.drone.io/cli/setup/',
      ['A32'], vendors=['drone'], keys='token', var='DRONE_TOKEN', cat='ci', validator='letters_and_digits')
    C('codecov-upload-token', 'Codecov', 'Codecov upload token', 'https://docs.codecov.com/docs/codecov-tokens',
      UUID, vendors=['codecov'], keys=r'(?:upload[_.-]?|api[_.-]?)?token', var='CODECOV_TOKEN', cat='ci')
    C('coveralls-repo-token', 'Coveralls', 'Coveralls repository token', 'https://docs.coveralls.io/api-introduction',
      ['A32-37'], vendors=['coveralls'], keys=r'(?:repo[_.-]?)?token', var='COVERALLS_REPO_TOKEN', cat='ci',
      validator='letters_and_digits')
    C('snyk-api-token', 'Snyk', 'Snyk API token', 'https://docs.snyk.io/snyk-api/authentication-for-api/revoke-and-regenerate-a-snyk-api-token',
      UUID, vendors=['snyk'], keys=r'(?:api[_.-]?|auth[_.-]?)?(?:token|key)', var='SNYK_TOKEN', var2='SNYK_API_KEY', cat='security')
    C('semgrep-app-token', 'Semgrep', 'Semgrep AppSec Platform token', 'https://semgrep.dev/orgs/-/settings/tokens',
      ['h64'], vendors=['semgrep'], keys=r'(?:app[_.-]?)?token', var='SEMGREP_APP_TOKEN', cat='security')
    C('codefresh-api-key', 'Codefresh', 'Codefresh API key', 'https://g.codefresh.io/user/settings',
      ['h24', '.', 'h32'], vendors=['codefresh', 'cf_api'], keys=r'api[_.-]?key|token', var='CODEFRESH_API_KEY',
      var2='CF_API_KEY', cat='ci')
    C('semaphore-api-token', 'Semaphore', 'Semaphore CI API token', 'https://docs.semaphoreci.com/reference/api',
      ['A20'], vendors=['semaphore'], keys=r'(?:api[_.-]?)?token', var='SEMAPHORE_API_TOKEN', cat='ci',
      validator='letters_and_digits')
    C('spacelift-api-key-secret', 'Spacelift', 'Spacelift API key secret', 'https://docs.spacelift.io/integrations/api#spacelift-api-key-token',
      ['h64'], vendors=['spacelift'], keys=r'api[_.-]?key[_.-]?secret|secret', var='SPACELIFT_API_KEY_SECRET', cat='ci')
    C('env0-api-key-secret', 'env0', 'env0 API key secret', 'https://docs.envzero.com/guides/api-keys',
      ['A32'], vendors=['env0'], keys=r'api[_.-]?(?:key[_.-]?)?secret|secret', var='ENV0_API_SECRET', cat='ci',
      validator='letters_and_digits')
    P('mergify-application-key', 'Mergify', 'Mergify application key', 'https://dashboard.mergify.com/',
      ['mergify_application_key_', 'w48'], var='MERGIFY_TOKEN', cat='ci', host='api.mergify.com')
    P('ionic-access-token', 'Ionic', 'Ionic Appflow personal access token', 'https://dashboard.ionicframework.com/settings/personal-access-tokens',
      ['ion_', 'A42'], var='IONIC_TOKEN', cat='ci', host='api.ionicjs.com')
    P('deno-deploy-token', 'Deno', 'Deno Deploy access token', 'https://dash.deno.com/account#access-tokens',
      ['ddp_', 'A36'], alts=[['ddo_', 'A36']], var='DENO_DEPLOY_TOKEN', cat='cloud', host='api.deno.com')
    P('val-town-api-token', 'Val Town', 'Val Town API token', 'https://www.val.town/settings/api',
      ['vtwn_', 'A32'], var='VALTOWN_TOKEN', cat='cloud', host='api.val.town')
    P('thunderstore-api-token', 'Thunderstore', 'Thunderstore service account token',
      'https://thunderstore.io/settings/teams/', ['tss_', 'A40'], var='TCLI_AUTH_TOKEN', cat='registry',
      host='thunderstore.io')
    P('unkey-root-key', 'Unkey', 'Unkey root key', 'https://app.unkey.com/settings/root-keys',
      ['unkey_', 'A24'], var='UNKEY_ROOT_KEY', cat='saas', host='api.unkey.dev')
    P('zuplo-api-key', 'Zuplo', 'Zuplo consumer API key', 'https://zuplo.com/docs/articles/api-key-management',
      ['zpka_', 'l32', '_', 'h8'], var='ZUPLO_API_KEY', cat='saas', host='api.zuplo.com')
    P('lichess-access-token', 'Lichess', 'Lichess personal API access token', 'https://lichess.org/account/oauth/token',
      ['lip_', 'A20'], var='LICHESS_TOKEN', cat='saas', host='lichess.org')
    P('apify-api-token', 'Apify', 'Apify API token', 'https://console.apify.com/settings/integrations',
      ['apify_api_', 'A36'], var='APIFY_TOKEN', cat='devtools', host='api.apify.com')
    P('brave-search-api-key', 'Brave', 'Brave Search API key', 'https://api-dashboard.search.brave.com/app/keys',
      ['BSA', 'w27'], var='BRAVE_API_KEY', cat='ai', host='api.search.brave.com', validator='letters_and_digits', entropy=3.5)
    C('serpapi-api-key', 'SerpApi', 'SerpApi API key', 'https://serpapi.com/manage-api-key',
      ['h64'], vendors=['serpapi', 'serp_api'], keys=r'(?:api[_.-]?)?key', var='SERPAPI_API_KEY', var2='SERPAPI_KEY', cat='devtools')
    C('scraperapi-api-key', 'ScraperAPI', 'ScraperAPI API key', 'https://dashboard.scraperapi.com/',
      ['h32'], vendors=['scraperapi'], keys=r'(?:api[_.-]?)?key', var='SCRAPERAPI_KEY', cat='devtools')
    C('browserless-api-token', 'Browserless', 'Browserless API token', 'https://account.browserless.io/',
      ['A40-64'], vendors=['browserless'], keys=r'(?:api[_.-]?)?(?:token|key)', var='BROWSERLESS_TOKEN', cat='devtools',
      validator='letters_and_digits')
    P('socket-api-key', 'Socket', 'Socket.dev API token', 'https://socket.dev/dashboard/settings/api-tokens',
      ['sktsec_', 'w40-60'], var='SOCKET_SECURITY_API_KEY', cat='security', host='api.socket.dev')
    P('aikido-ci-token', 'Aikido Security', 'Aikido Security CI token', 'https://app.aikido.dev/settings/integrations',
      ['AIK_CI_', 'A40'], var='AIKIDO_API_KEY', cat='security', host='app.aikido.dev')
    P('aikido-client-secret', 'Aikido Security', 'Aikido Security API client secret',
      'https://app.aikido.dev/settings/integrations/api', ['AIK_SECRET_', 'A64'], var='AIKIDO_CLIENT_SECRET',
      cat='security', host='app.aikido.dev')
    C('endor-labs-api-secret', 'Endor Labs', 'Endor Labs API key secret', 'https://docs.endorlabs.com/administration/api-keys/',
      ['endr+', 'w16'], vendors=['endor'], keys=r'(?:api[_.-]?)?(?:credentials[_.-]?)?(?:key|secret)', var='ENDOR_API_CREDENTIALS_SECRET',
      var2='ENDOR_API_KEY', cat='security')
    C('virustotal-api-key', 'VirusTotal', 'VirusTotal API key', 'https://www.virustotal.com/gui/my-apikey',
      ['h64'], vendors=['virustotal', 'vt_api'], keys=r'(?:api[_.-]?)?key', var='VIRUSTOTAL_API_KEY', var2='VT_API_KEY',
      cat='security')
    C('shodan-api-key', 'Shodan', 'Shodan API key', 'https://account.shodan.io/',
      ['A32'], vendors=['shodan'], keys=r'(?:api[_.-]?)?key', var='SHODAN_API_KEY', cat='security', validator='letters_and_digits')
    C('abuseipdb-api-key', 'AbuseIPDB', 'AbuseIPDB API key', 'https://www.abuseipdb.com/account/api',
      ['h80'], vendors=['abuseipdb'], keys=r'(?:api[_.-]?)?key', var='ABUSEIPDB_API_KEY', cat='security')
    C('urlscan-api-key', 'urlscan.io', 'urlscan.io API key', 'https://urlscan.io/user/profile/',
      UUID, vendors=['urlscan'], keys=r'(?:api[_.-]?)?key', var='URLSCAN_API_KEY', cat='security')
    C('hibp-api-key', 'Have I Been Pwned', 'Have I Been Pwned API key', 'https://haveibeenpwned.com/API/Key',
      ['h32'], vendors=['hibp', 'haveibeenpwned'], keys=r'(?:api[_.-]?)?key', var='HIBP_API_KEY', cat='security')
    C('securitytrails-api-key', 'SecurityTrails', 'SecurityTrails API key', 'https://securitytrails.com/app/account/credentials',
      ['A32'], vendors=['securitytrails'], keys=r'(?:api[_.-]?)?key', var='SECURITYTRAILS_API_KEY', cat='security',
      validator='letters_and_digits')
    C('tenable-api-secret-key', 'Tenable', 'Tenable Vulnerability Management API secret key',
      'https://docs.tenable.com/vulnerability-management/Content/Settings/my-account/GenerateAPIKey.htm',
      ['h64'], vendors=['tenable', 'tio'], keys=r'secret[_.-]?key', var='TENABLE_SECRET_KEY', var2='TIO_SECRET_KEY',
      cat='security')
    C('defectdojo-api-key', 'DefectDojo', 'DefectDojo API v2 key', 'https://docs.defectdojo.com/en/api/api-v2-docs/',
      ['h40'], vendors=['defectdojo', 'dojo'], keys=r'(?:api[_.-]?)?(?:key|token)', var='DEFECTDOJO_API_KEY',
      var2='DOJO_API_TOKEN', cat='security')
    P('dependency-track-api-key', 'OWASP Dependency-Track', 'OWASP Dependency-Track API key',
      'https://docs.dependencytrack.org/integrations/rest-api/', ['odt_', 'A32-48'], var='DTRACK_API_KEY',
      cat='security', host='dtrack.internal')
    C('dependency-track-api-key-legacy', 'OWASP Dependency-Track', 'OWASP Dependency-Track API key (before the odt_ prefix)',
      'https://docs.dependencytrack.org/integrations/rest-api/', ['A32'],
      vendors=['dependencytrack', 'dependency_track', 'dependency-track', 'dtrack'], keys=r'(?:api[_.-]?)?key',
      var='DEPENDENCY_TRACK_API_KEY', var2='DTRACK_API_KEY', cat='security', validator='letters_and_digits')

    # ------------------------------------------------------------------ data, databases, analytics
    C('aiven-api-token', 'Aiven', 'Aiven authentication token', 'https://aiven.io/docs/platform/howto/create_authentication_token',
      ['b372'], vendors=['aiven'], keys=r'(?:auth[_.-]?|api[_.-]?)?token', var='AIVEN_TOKEN', var2='AIVEN_API_TOKEN',
      cat='data', validator='base64_key')
    P('mongodb-atlas-service-account-secret', 'MongoDB', 'MongoDB Atlas service account client secret',
      'https://www.mongodb.com/docs/atlas/configure-api-access/', ['mdb_sa_sk_', 'w40'],
      var='MDB_MCP_API_CLIENT_SECRET', cat='data', host='cloud.mongodb.com')
    P('datastax-astra-token', 'DataStax', 'DataStax Astra DB application token',
      'https://docs.datastax.com/en/astra-db-serverless/administration/manage-application-tokens.html',
      ['AstraCS:', 'A24', ':', 'h64'], var='ASTRA_DB_APPLICATION_TOKEN', cat='data',
      host='astra.datastax.com')
    P('clickhouse-cloud-api-secret', 'ClickHouse', 'ClickHouse Cloud API key secret',
      'https://clickhouse.com/docs/cloud/manage/openapi', ['4b1d', 'A38'], var='CLICKHOUSE_KEY_SECRET', cat='data',
      host='api.clickhouse.cloud')
    C('influxdb-api-token', 'InfluxData', 'InfluxDB API token', 'https://docs.influxdata.com/influxdb/v2/admin/tokens/delete-token/',
      ['w86', '=='], vendors=['influx'], keys=r'(?:api[_.-]?|admin[_.-]?)?token', var='INFLUXDB_TOKEN', var2='INFLUX_TOKEN',
      cat='data', validator='letters_and_digits')
    C('upstash-redis-rest-token', 'Upstash', 'Upstash Redis REST token', 'https://upstash.com/docs/redis/features/restapi',
      ['A', 'w50-90'], vendors=['upstash'], keys=r'(?:rest[_.-]?)?token', var='UPSTASH_REDIS_REST_TOKEN', cat='data',
      validator='letters_and_digits')
    C('fauna-secret', 'Fauna', 'Fauna database secret', 'https://docs.fauna.com/fauna/current/learn/security/keys/',
      ['fn', 'w38'], vendors=['fauna'], keys=r'(?:secret|key)', var='FAUNA_SECRET', cat='data')
    C('pinata-api-secret', 'Pinata', 'Pinata API secret', 'https://app.pinata.cloud/developers/api-keys',
      ['h64'], vendors=['pinata'], keys=r'(?:api[_.-]?)?secret(?:[_.-]?key)?', var='PINATA_API_SECRET',
      var2='PINATA_SECRET_API_KEY', cat='data')
    C('meilisearch-master-key', 'Meilisearch', 'Meilisearch master or API key',
      'https://www.meilisearch.com/docs/learn/security/basic_security', ['w32-64'], vendors=['meili'],
      keys=r'(?:master[_.-]?|api[_.-]?)?key', var='MEILI_MASTER_KEY', var2='MEILISEARCH_API_KEY', cat='data',
      validator='letters_and_digits')
    C('typesense-api-key', 'Typesense', 'Typesense admin API key', 'https://typesense.org/docs/latest/api/api-keys.html',
      ['A32'], vendors=['typesense'], keys=r'(?:admin[_.-]?)?(?:api[_.-]?)?key', var='TYPESENSE_API_KEY', cat='data',
      validator='letters_and_digits')
    P('coveo-api-key', 'Coveo', 'Coveo API key', 'https://docs.coveo.com/en/1718/manage-an-organization/manage-api-keys',
      ['xx', UUID], var='COVEO_API_KEY', cat='data', host='platform.cloud.coveo.com')
    C('keen-master-key', 'Keen', 'Keen master key', 'https://keen.io/docs/access/api-keys/',
      ['H64'], vendors=['keen'], keys=r'(?:master|write|read)[_.-]?key', var='KEEN_MASTER_KEY', cat='data')
    C('rudderstack-access-token', 'RudderStack', 'RudderStack personal access token',
      'https://www.rudderstack.com/docs/dashboard-guides/personal-access-token/', ['A27'],
      vendors=['rudderstack', 'rudder'], keys=r'(?:access[_.-]?)?token', var='RUDDERSTACK_ACCESS_TOKEN', cat='data',
      validator='letters_and_digits')
    P('dbt-cloud-token', 'dbt Labs', 'dbt Cloud service or personal access token',
      'https://docs.getdbt.com/docs/dbt-cloud-apis/service-tokens', ['dbtc_', 'w40-60'], alts=[['dbtu_', 'w40-60']],
      var='DBT_CLOUD_API_TOKEN', cat='data', host='cloud.getdbt.com')
    C('fivetran-api-secret', 'Fivetran', 'Fivetran API secret', 'https://fivetran.com/docs/rest-api/getting-started',
      ['A32'], vendors=['fivetran'], keys=r'(?:api[_.-]?)?secret', var='FIVETRAN_API_SECRET', cat='data',
      validator='letters_and_digits')
    C('looker-client-secret', 'Google', 'Looker API client secret',
      'https://cloud.google.com/looker/docs/api-auth#authentication_with_an_sdk', ['A24'], vendors=['looker'],
      keys=r'(?:api3?[_.-]?)?client[_.-]?secret', var='LOOKERSDK_CLIENT_SECRET', cat='data', validator='letters_and_digits')
    X('tableau-personal-access-token', 'Tableau', 'Tableau personal access token secret',
      'https://help.tableau.com/current/server/en-us/security_personal_access_tokens.htm',
      r'''(?<![A-Za-z0-9+/])(?P<secret>[A-Za-z0-9+/]{22}==:[A-Za-z0-9]{32})(?![A-Za-z0-9])''',
      keywords=['==:'], cat='data', max_length=60, entropy=3.5,
      examples=[f'TABLEAU_PAT_SECRET={_g("tb1", "b22")}==:{_g("tb2", "A32")}',
                f'  token_secret: "{_g("tb3", "b22")}==:{_g("tb4", "A32")}"'],
      negatives=['TABLEAU_PAT_SECRET=Xk2Lq9+WmZ8aPo3Rt7Yv1Q==:Hn4Bc8Kd2', 'ratio = "a==:b"',
                 'TABLEAU_PAT_SECRET=<token-secret>'])

    # ------------------------------------------------------------------ observability and operations
    X('sumo-logic-http-source-url', 'Sumo Logic', 'Sumo Logic HTTP source (collector) URL with its token',
      'https://help.sumologic.com/docs/send-data/hosted-collectors/http-source/generate-new-url/',
      r'''https://endpoint[0-9]{1,2}\.collection\.(?:[a-z0-9]{2,6}\.)?sumologic\.com/receiver/v1/(?:http|otlp)/(?P<secret>[A-Za-z0-9_=-]{60,200})''',
      keywords=['sumologic.com/receiver/'], cat='observability', max_length=300, entropy=3.5,
      examples=[f'SUMO_URL=https://endpoint4.collection.sumologic.com/receiver/v1/http/{_g("su1", "w120")}==',
                f'  url: "https://endpoint2.collection.eu.sumologic.com/receiver/v1/http/{_g("su2", "w100")}"'],
      negatives=['SUMO_URL=https://endpoint4.collection.sumologic.com/receiver/v1/http/<token>',
                 'https://endpoint4.collection.sumologic.com/receiver/v1/http/abc'])
    C('sumo-logic-access-key', 'Sumo Logic', 'Sumo Logic access key', 'https://help.sumologic.com/docs/manage/security/access-keys/',
      ['A64'], vendors=['sumo'], keys=r'access[_.-]?key|accesskey|api[_.-]?key', var='SUMO_ACCESS_KEY',
      var2='SUMOLOGIC_ACCESS_KEY', cat='observability', validator='letters_and_digits')
    C('sumo-logic-access-id', 'Sumo Logic', 'Sumo Logic access ID', 'https://help.sumologic.com/docs/manage/security/access-keys/',
      ['su', 'A12'], vendors=['sumo'], keys=r'access[_.-]?id|accessid', var='SUMO_ACCESS_ID', cat='observability',
      severity='medium')
    P('coralogix-api-key', 'Coralogix', 'Coralogix send-your-data or personal API key',
      'https://coralogix.com/docs/user-guides/account-management/api-keys/api-keys/', ['cxtp_', 'A30'],
      var='CORALOGIX_PRIVATE_KEY', cat='observability', host='ingress.coralogix.com')
    C('better-stack-token', 'Better Stack', 'Better Stack (Logtail, Uptime) token',
      'https://betterstack.com/docs/logs/api/getting-started/', ['A24'], vendors=['logtail', 'betterstack',
      'better_stack', 'betteruptime'], keys=r'(?:source[_.-]?|api[_.-]?)?token', var='LOGTAIL_SOURCE_TOKEN',
      var2='BETTERSTACK_API_TOKEN', cat='observability', validator='letters_and_digits')
    P('honeybadger-personal-token', 'Honeybadger', 'Honeybadger personal auth token',
      'https://app.honeybadger.io/users/edit#authentication', ['hbp_', 'A30'], var='HONEYBADGER_PERSONAL_AUTH_TOKEN',
      cat='observability', host='app.honeybadger.io')
    C('checkly-api-key', 'Checkly', 'Checkly API key', 'https://app.checklyhq.com/settings/user/api-keys',
      ['cu_', 'h32'], vendors=['checkly'], keys=r'(?:api[_.-]?)?key', var='CHECKLY_API_KEY', cat='observability')
    C('cronitor-api-key', 'Cronitor', 'Cronitor API key', 'https://cronitor.io/app/settings/api',
      ['h32'], vendors=['cronitor'], keys=r'(?:api[_.-]?)?key', var='CRONITOR_API_KEY', cat='observability')
    C('uptimerobot-api-key', 'UptimeRobot', 'UptimeRobot API key', 'https://dashboard.uptimerobot.com/integrations',
      ['u', 'd7', '-', 'h24'], vendors=['uptimerobot', 'uptime_robot'], keys=r'(?:api[_.-]?)?key',
      var='UPTIMEROBOT_API_KEY', cat='observability')
    C('statuspage-api-key', 'Atlassian', 'Atlassian Statuspage API key',
      'https://support.atlassian.com/statuspage/docs/create-and-manage-api-keys/', UUID, vendors=['statuspage'],
      keys=r'(?:api[_.-]?)?key', var='STATUSPAGE_API_KEY', cat='observability')
    C('incident-io-api-key', 'incident.io', 'incident.io API key', 'https://app.incident.io/settings/api-keys',
      ['w64'], vendors=['incident_io', 'incidentio', 'incident-io'], keys=r'(?:api[_.-]?)?key',
      var='INCIDENT_IO_API_KEY', cat='observability', validator='letters_and_digits')
    P('rootly-api-key', 'Rootly', 'Rootly API key', 'https://rootly.com/account/api_keys',
      ['rootly_', 'h64'], var='ROOTLY_API_TOKEN', cat='observability', host='api.rootly.com')
    C('raygun-api-key', 'Raygun', 'Raygun API key', 'https://raygun.com/documentation/product-guides/crash-reporting/api-key/',
      ['A22'], vendors=['raygun'], keys=r'(?:api[_.-]?)?key', var='RAYGUN_APIKEY', var2='RAYGUN_API_KEY',
      cat='observability', validator='letters_and_digits')
    C('airbrake-project-key', 'Airbrake', 'Airbrake project key', 'https://docs.airbrake.io/docs/overview/api/',
      ['h32'], vendors=['airbrake'], keys=r'(?:project[_.-]?|api[_.-]?)?key', var='AIRBRAKE_PROJECT_KEY', cat='observability')
    C('mezmo-ingestion-key', 'Mezmo', 'Mezmo (LogDNA) ingestion key', 'https://docs.mezmo.com/docs/ingestion-key',
      ['h32'], vendors=['mezmo', 'logdna'], keys=r'(?:ingestion[_.-]?|api[_.-]?|service[_.-]?)?key',
      var='LOGDNA_INGESTION_KEY', var2='MEZMO_INGESTION_KEY', cat='observability')
    C('papertrail-api-token', 'SolarWinds', 'Papertrail API token', 'https://www.papertrail.com/help/settings/',
      ['A20'], vendors=['papertrail'], keys=r'(?:api[_.-]?)?token', var='PAPERTRAIL_API_TOKEN', cat='observability',
      validator='letters_and_digits')
    C('instana-api-token', 'IBM', 'IBM Instana API token', 'https://www.ibm.com/docs/en/instana-observability/current?topic=apis-instana-rest-api',
      ['w22'], vendors=['instana'], keys=r'(?:api[_.-]?|agent[_.-]?)?(?:token|key)', var='INSTANA_API_TOKEN',
      var2='INSTANA_AGENT_KEY', cat='observability', validator='letters_and_digits')
    C('scout-apm-key', 'Scout APM', 'Scout APM agent key', 'https://scoutapm.com/docs/ruby/configuration',
      ['A20'], vendors=['scout'], keys=r'(?:agent[_.-]?)?key', var='SCOUT_KEY', var2='SCOUT_AGENT_KEY',
      cat='observability', validator='letters_and_digits')
    C('librato-api-token', 'SolarWinds', 'Librato / AppOptics API token', 'https://documentation.solarwinds.com/en/success_center/appoptics/content/kb/api_tokens.htm',
      ['h64'], vendors=['librato', 'appoptics'], keys=r'(?:api[_.-]?)?token', var='LIBRATO_TOKEN', var2='APPOPTICS_API_TOKEN',
      cat='observability')
    C('pingdom-api-token', 'SolarWinds', 'Pingdom API token', 'https://my.pingdom.com/app/api-tokens',
      ['w64'], vendors=['pingdom'], keys=r'(?:api[_.-]?)?token', var='PINGDOM_API_TOKEN', cat='observability',
      validator='letters_and_digits')
    C('statsig-server-secret', 'Statsig', 'Statsig server secret key', 'https://docs.statsig.com/sdk-keys/api-keys',
      ['secret-', 'A43'], vendors=['statsig'], keys=r'(?:server[_.-]?)?(?:secret|key)', var='STATSIG_SERVER_SECRET',
      var2='STATSIG_SERVER_KEY', cat='observability')
    P('flagsmith-server-key', 'Flagsmith', 'Flagsmith server-side environment key',
      'https://docs.flagsmith.com/clients/server-side', ['ser.', 'A22'], var='FLAGSMITH_ENVIRONMENT_KEY',
      cat='observability', host='edge.api.flagsmith.com')
    C('unleash-api-token', 'Unleash', 'Unleash API token', 'https://docs.getunleash.io/reference/api-tokens-and-client-keys',
      ['L3-12', ':', 'L3-12', '.', 'h64'], vendors=['unleash'], keys=r'(?:api[_.-]?)?(?:token|key)',
      var='UNLEASH_API_TOKEN', cat='observability')
    C('split-io-api-key', 'Harness', 'Split.io server-side SDK key', 'https://help.split.io/hc/en-us/articles/360019916211-API-keys',
      ['l36'], vendors=['split'], keys=r'(?:sdk[_.-]?|api[_.-]?|server[_.-]?)?key', var='SPLIT_SDK_KEY',
      var2='SPLITIO_API_KEY', cat='observability', validator='letters_and_digits')
    P('configcat-sdk-key', 'ConfigCat', 'ConfigCat SDK key', 'https://app.configcat.com/sdkkey',
      ['configcat-sdk-1/', 'w22', '/', 'w22'], var='CONFIGCAT_SDK_KEY', cat='observability', host='cdn-global.configcat.com')
    P('devcycle-server-sdk-key', 'DevCycle', 'DevCycle server SDK key', 'https://docs.devcycle.com/sdk/#sdk-keys',
      ['dvc_server_', 'w36-64'], var='DEVCYCLE_SERVER_SDK_KEY', cat='observability', host='bucketing-api.devcycle.com')
    # (the body's encoding changed over time, base62 of 32 or 35 bytes, base57: 41 to 49 characters with _ and -, as
    # Betterleaks' rule and its test cases have them; the recall set's 29 were found only by their names before)
    P('posthog-personal-api-key', 'PostHog', 'PostHog personal API key',
      'https://posthog.com/docs/api#private-endpoint-authentication', ['phx_', 'w41-49'], var='POSTHOG_PERSONAL_API_KEY',
      cat='observability', host='us.posthog.com')

    # ------------------------------------------------------------------ messaging, email, voice
    X('pubnub-secret-key', 'PubNub', 'PubNub secret key', 'https://www.pubnub.com/docs/general/setup/application-setup',
      r'''(?<![A-Za-z0-9_-])(?P<secret>sec-c-[A-Za-z0-9]{48})(?![A-Za-z0-9])''', keywords=['sec-c-'],
      cat='messaging', max_length=54, entropy=3.5,
      examples=[f'PUBNUB_SECRET_KEY=sec-c-{_g("pn1", "A48")}',
                f'  secretKey: "sec-c-{_g("pn2", "A48")}"'],
      negatives=['PUBNUB_SECRET_KEY=sec-c-ZmJ4Nzk5ZTMtYTBi', 'PUBNUB_SECRET_KEY=<sec-c-your-key>',
                 'PUBNUB_SUBSCRIBE_KEY=sub-c-5f2e5b0a-2f1c-11e9-9b5b-0e8c2b7c5f3a'])
    X('ably-api-key', 'Ably', 'Ably API key (app id, key id and secret)', 'https://ably.com/docs/platform/account/app/api',
      r'''(?<![A-Za-z0-9_-])(?P<secret>[A-Za-z0-9_-]{6}\.[A-Za-z0-9_-]{6}:[A-Za-z0-9_-]{43})(?![A-Za-z0-9_-])''',
      keywords=['ably'], cat='messaging', max_length=56, entropy=3.5,
      examples=[f'ABLY_API_KEY={_g("ably1", "w6")}.{_g("ably2", "w6")}:{_g("ably3", "w43")}',
                f'const ably = new Ably.Realtime({{ key: "{_g("ably4", "w6")}.{_g("ably5", "w6")}:{_g("ably6", "w43")}" }});'],
      negatives=['ABLY_API_KEY=xVLyHw.Ak2Zqe:Kf8mW2pQ7sX1', 'ABLY_API_KEY=<your-ably-key>',
                 'ABLY_API_KEY=${ABLY_API_KEY}'])
    C('pusher-app-secret', 'Pusher', 'Pusher Channels app secret', 'https://dashboard.pusher.com/',
      ['h20'], vendors=['pusher'], keys=r'(?:app[_.-]?)?secret', var='PUSHER_APP_SECRET', cat='messaging')
    C('sendbird-api-token', 'Sendbird', 'Sendbird API token', 'https://sendbird.com/docs/chat/platform-api/v3/prepare-to-use-api',
      ['h40'], vendors=['sendbird'], keys=r'(?:api[_.-]?|master[_.-]?)?token', var='SENDBIRD_API_TOKEN', cat='messaging')
    C('stream-api-secret', 'Stream', 'Stream (GetStream) API secret', 'https://getstream.io/dashboard/',
      ['l64'], vendors=['stream'], keys=r'(?:api[_.-]?)?secret', var='STREAM_API_SECRET', cat='messaging',
      validator='letters_and_digits')
    C('agora-app-certificate', 'Agora', 'Agora app certificate', 'https://docs.agora.io/en/video-calling/get-started/manage-agora-account',
      ['h32'], vendors=['agora'], keys=r'(?:app[_.-]?)?certificate|(?:customer[_.-]?)?secret', var='AGORA_APP_CERTIFICATE',
      cat='messaging')
    C('messagebird-api-key', 'Bird', 'MessageBird (Bird) API access key', 'https://dashboard.messagebird.com/en/developers/access',
      ['A25'], vendors=['messagebird', 'message_bird'], keys=r'(?:api[_.-]?|access[_.-]?)?key', var='MESSAGEBIRD_API_KEY',
      cat='messaging', validator='letters_and_digits')
    C('plivo-auth-token', 'Plivo', 'Plivo auth token', 'https://console.plivo.com/dashboard/',
      ['A40'], vendors=['plivo'], keys=r'auth[_.-]?token', var='PLIVO_AUTH_TOKEN', cat='messaging', validator='letters_and_digits')
    C('telnyx-api-key', 'Telnyx', 'Telnyx API v2 key', 'https://portal.telnyx.com/#/app/api-keys',
      ['KEY', 'w55'], vendors=['telnyx'], keys=r'(?:api[_.-]?)?key', var='TELNYX_API_KEY', cat='messaging')
    C('sinch-api-secret', 'Sinch', 'Sinch API key secret', 'https://dashboard.sinch.com/settings/access-keys',
      ['w26-32'], vendors=['sinch'], keys=r'(?:key[_.-]?|api[_.-]?)?secret', var='SINCH_KEY_SECRET', cat='messaging',
      validator='letters_and_digits')
    C('infobip-api-key', 'Infobip', 'Infobip API key', 'https://www.infobip.com/docs/essentials/api-essentials/api-authentication',
      ['h32', '-', UUID], vendors=['infobip'], keys=r'(?:api[_.-]?)?key', var='INFOBIP_API_KEY', cat='messaging')
    C('pushover-api-token', 'Pushover', 'Pushover application token or user key', 'https://pushover.net/apps',
      ['l30'], vendors=['pushover'], keys=r'(?:app[_.-]?|api[_.-]?|user[_.-]?)?(?:token|key)', var='PUSHOVER_API_TOKEN',
      var2='PUSHOVER_USER_KEY', cat='messaging', validator='letters_and_digits')
    C('pushbullet-access-token', 'Pushbullet', 'Pushbullet access token', 'https://www.pushbullet.com/#settings/account',
      ['o.', 'A32'], vendors=['pushbullet'], keys=r'(?:access[_.-]?|api[_.-]?)?(?:token|key)', var='PUSHBULLET_TOKEN',
      cat='messaging')
    C('zulip-api-key', 'Zulip', 'Zulip API key', 'https://zulip.com/api/api-keys',
      ['A32'], vendors=['zulip'], keys=r'(?:api[_.-]?)?key', var='ZULIP_API_KEY', cat='messaging', validator='letters_and_digits')
    C('mattermost-access-token', 'Mattermost', 'Mattermost personal access or bot token',
      'https://developers.mattermost.com/integrate/reference/personal-access-token/', ['l26'], vendors=['mattermost'],
      keys=r'(?:access[_.-]?|bot[_.-]?|api[_.-]?)?token', var='MATTERMOST_TOKEN', var2='MATTERMOST_BOT_TOKEN',
      cat='messaging', validator='letters_and_digits')
    C('gitter-access-token', 'Gitter', 'Gitter access token', 'https://developer.gitter.im/apps',
      ['h40'], vendors=['gitter'], keys=r'(?:access[_.-]?|api[_.-]?)?token', var='GITTER_TOKEN', cat='messaging')
    C('line-channel-secret', 'LINE', 'LINE Messaging API channel secret', 'https://developers.line.biz/console/',
      ['h32'], vendors=['line_channel', 'linechannel', 'line-channel'], keys=r'secret', var='LINE_CHANNEL_SECRET',
      cat='messaging')
    C('lark-app-secret', 'Lark', 'Lark / Feishu app secret', 'https://open.larksuite.com/document/server-docs/api-call-guide/terminology',
      ['A32'], vendors=['lark', 'feishu'], keys=r'app[_.-]?secret', var='LARK_APP_SECRET', var2='FEISHU_APP_SECRET',
      cat='messaging', validator='letters_and_digits')
    X('matrix-synapse-access-token', 'Matrix', 'Matrix (Synapse) access token',
      'https://element-hq.github.io/synapse/latest/admin_api/user_admin_api.html',
      r'''(?<![A-Za-z0-9_])(?P<secret>syt_[A-Za-z0-9_-]{2,120}_[A-Za-z]{20}_[0-9A-Za-z]{6})(?![A-Za-z0-9_-])''',
      keywords=['syt_'], cat='messaging', max_length=160, entropy=3.0,
      examples=[_syt('alice', 1), _syt('bridgebot', 2, 'MATRIX_ACCESS_TOKEN='), _syt('ops', 3, '  access_token: ')],
      negatives=['MATRIX_ACCESS_TOKEN=syt_abc123', 'MATRIX_ACCESS_TOKEN=<syt_your_token>',
                 'MATRIX_ACCESS_TOKEN=syt_YWxpY2U_short_abc123'])
    for (rid, url_rx, kw, make, host) in _webhook_urls():
        X(rid[0], rid[1], rid[2], rid[3], url_rx, keywords=[kw], cat='messaging', max_length=300,
          entropy=None if rid[0] == 'zapier-webhook-url' else 3.0,
          examples=make(1), negatives=[f'WEBHOOK_URL=https://{host}/<token>', f'see https://{host}/ for details'])
    C('mailjet-api-secret', 'Mailjet', 'Mailjet API secret key', 'https://app.mailjet.com/account/apikeys',
      ['h32'], vendors=['mailjet', 'mj_apikey'], keys=r'(?:api[_.-]?)?secret(?:[_.-]?key)?|private', var='MAILJET_API_SECRET',
      var2='MJ_APIKEY_PRIVATE', cat='email')
    C('mandrill-api-key', 'Mailchimp', 'Mandrill (Mailchimp Transactional) API key',
      'https://mailchimp.com/developer/transactional/docs/authentication-and-account-security/', ['md-', 'w22'],
      vendors=['mandrill'], keys=r'(?:api[_.-]?)?key', var='MANDRILL_API_KEY', cat='email')
    C('sparkpost-api-key', 'Bird', 'SparkPost API key', 'https://app.sparkpost.com/account/api-keys',
      ['h40'], vendors=['sparkpost'], keys=r'(?:api[_.-]?)?key', var='SPARKPOST_API_KEY', cat='email')
    C('mailtrap-api-token', 'Mailtrap', 'Mailtrap API token', 'https://mailtrap.io/api-tokens',
      ['h32'], vendors=['mailtrap'], keys=r'(?:api[_.-]?)?(?:token|key)|password', var='MAILTRAP_API_TOKEN', cat='email')
    P('mailersend-api-token', 'MailerSend', 'MailerSend API token', 'https://app.mailersend.com/api-tokens',
      ['mlsn.', 'h64'], var='MAILERSEND_API_KEY', cat='email', host='api.mailersend.com')
    P('resend-api-key', 'Resend', 'Resend API key', 'https://resend.com/api-keys',
      ['re_', 'A8', '_', 'A24'], var='RESEND_API_KEY', cat='email', host='api.resend.com')
    P('neverbounce-api-key', 'NeverBounce', 'NeverBounce API key', 'https://app.neverbounce.com/apps',
      ['secret_', 'h32'], var='NEVERBOUNCE_API_KEY', cat='email', host='api.neverbounce.com')
    C('zerobounce-api-key', 'ZeroBounce', 'ZeroBounce API key', 'https://www.zerobounce.net/members/API',
      ['h32'], vendors=['zerobounce'], keys=r'(?:api[_.-]?)?key', var='ZEROBOUNCE_API_KEY', cat='email')
    C('customerio-api-key', 'Customer.io', 'Customer.io tracking or App API key',
      'https://fly.customer.io/settings/api_credentials', ['h20-32'], vendors=['customerio', 'customer_io', 'cio_'],
      keys=r'(?:app[_.-]?|track[_.-]?|api[_.-]?)?key', var='CUSTOMERIO_API_KEY', var2='CUSTOMERIO_APP_API_KEY', cat='email')
    C('iterable-api-key', 'Iterable', 'Iterable API key', 'https://app.iterable.com/settings/apiKeys',
      ['h32'], vendors=['iterable'], keys=r'(?:api[_.-]?)?key', var='ITERABLE_API_KEY', cat='email')
    C('braze-api-key', 'Braze', 'Braze REST API key', 'https://www.braze.com/docs/api/basics/#rest-api-key',
      UUID, vendors=['braze'], keys=r'(?:rest[_.-]?)?(?:api[_.-]?)?key', var='BRAZE_API_KEY', var2='BRAZE_REST_API_KEY',
      cat='email')
    P('onesignal-api-key', 'OneSignal', 'OneSignal REST API key (app or organization)',
      'https://documentation.onesignal.com/docs/keys-and-ids', ['os_v2_app_', 'z103'], alts=[['os_v2_org_', 'z103']], keywords=['os_v2_'],
      var='ONESIGNAL_REST_API_KEY', cat='messaging', host='api.onesignal.com')
    C('activecampaign-api-key', 'ActiveCampaign', 'ActiveCampaign API key',
      'https://help.activecampaign.com/hc/en-us/articles/207317590-Getting-started-with-the-API', ['h72'],
      vendors=['activecampaign', 'active_campaign'], keys=r'(?:api[_.-]?)?key', var='ACTIVECAMPAIGN_API_KEY', cat='email')
    C('convertkit-api-secret', 'Kit', 'Kit (ConvertKit) API secret or key', 'https://app.kit.com/account_settings/developer_settings',
      ['w43'], vendors=['convertkit', 'kit_api'], keys=r'(?:api[_.-]?)?(?:secret|key)', var='CONVERTKIT_API_SECRET',
      var2='KIT_API_KEY', cat='email', validator='letters_and_digits')
    C('getresponse-api-key', 'GetResponse', 'GetResponse API key', 'https://app.getresponse.com/api',
      ['l32'], vendors=['getresponse'], keys=r'(?:api[_.-]?)?key', var='GETRESPONSE_API_KEY', cat='email',
      validator='letters_and_digits')
    C('omnisend-api-key', 'Omnisend', 'Omnisend API key', 'https://app.omnisend.com/integrations/api-keys',
      ['h24', '-', 'A50'], vendors=['omnisend'], keys=r'(?:api[_.-]?)?key', var='OMNISEND_API_KEY', cat='email')
    C('klaviyo-private-api-key', 'Klaviyo', 'Klaviyo private API key', 'https://www.klaviyo.com/settings/account/api-keys',
      ['pk_', 'h34'], vendors=['klaviyo'], keys=r'(?:private[_.-]?)?(?:api[_.-]?)?key', var='KLAVIYO_PRIVATE_API_KEY',
      var2='KLAVIYO_API_KEY', cat='email')

    # ------------------------------------------------------------------ identity and access
    C('duo-secret-key', 'Cisco Duo', 'Cisco Duo application secret key',
      'https://duo.com/docs/adminapi#rotating-secret-keys', ['A40'], vendors=['duo'],
      keys=r'(?:secret[_.-]?key|skey|client[_.-]?secret)', var='DUO_SECRET_KEY', var2='DUO_SKEY', cat='identity',
      validator='letters_and_digits')
    C('duo-integration-key', 'Cisco Duo', 'Cisco Duo integration key', 'https://duo.com/docs/adminapi#rotating-secret-keys',
      ['DI', 'U18'], vendors=['duo'], keys=r'(?:integration[_.-]?key|ikey|client[_.-]?id)', var='DUO_INTEGRATION_KEY',
      var2='DUO_IKEY', cat='identity', severity='medium')
    C('hasura-admin-secret', 'Hasura', 'Hasura GraphQL admin secret', 'https://hasura.io/docs/2.0/auth/quickstart/#admin-secret',
      ['w16-64'], vendors=['hasura'], keys=r'admin[_.-]?secret', var='HASURA_GRAPHQL_ADMIN_SECRET', var2='HASURA_ADMIN_SECRET',
      cat='identity', validator='assigned_password',
      negatives_extra=['HASURA_GRAPHQL_ADMIN_SECRET=myadminsecretkey'])
    P('workos-api-key', 'WorkOS', 'WorkOS secret API key', 'https://dashboard.workos.com/api-keys',
      ['sk_live_a2V5Xz', 'b60-80'], alts=[['sk_test_a2V5Xz', 'b60-80']], keywords=['_a2V5Xz'], var='WORKOS_API_KEY', cat='identity',
      host='api.workos.com')
    C('stytch-secret', 'Stytch', 'Stytch project secret', 'https://stytch.com/dashboard/api-keys',
      ['secret-', 'L4', '-', 'w36'], secret_fn=lambda rng: f'secret-{rng.choice(["live", "test"])}-{rs(rng, ALNUM + "_-", 36)}',
      vendors=['stytch'], keys=r'(?:project[_.-]?)?secret', var='STYTCH_SECRET',
      var2='STYTCH_PROJECT_SECRET', cat='identity')
    C('jumpcloud-api-key', 'JumpCloud', 'JumpCloud API key', 'https://jumpcloud.com/support/jumpcloud-apis',
      ['h40'], vendors=['jumpcloud'], keys=r'(?:api[_.-]?)?key', var='JUMPCLOUD_API_KEY', cat='identity')
    C('onelogin-client-secret', 'OneLogin', 'OneLogin API client secret',
      'https://developers.onelogin.com/api-docs/2/getting-started/working-with-api-credentials', ['h64'],
      vendors=['onelogin'], keys=r'client[_.-]?secret', var='ONELOGIN_CLIENT_SECRET', cat='identity')
    C('fusionauth-api-key', 'FusionAuth', 'FusionAuth API key', 'https://fusionauth.io/docs/apis/authentication#managing-api-keys',
      ['w40-64'], vendors=['fusionauth'], keys=r'(?:api[_.-]?)?key', var='FUSIONAUTH_API_KEY', cat='identity',
      validator='letters_and_digits')
    C('frontegg-api-key', 'Frontegg', 'Frontegg API key (client secret)', 'https://developers.frontegg.com/guides/env-settings/credentials',
      UUID, vendors=['frontegg'], keys=r'(?:api[_.-]?key|secret)', var='FRONTEGG_API_KEY', cat='identity')
    C('atlassian-data-center-pat', 'Atlassian', 'Bitbucket / Bamboo Data Center personal access token',
      'https://confluence.atlassian.com/bitbucketserver/http-access-tokens-939515499.html',
      ['b44'], secret_fn=_atlassian_pat, vendors=['bitbucket', 'bamboo'],
      keys=r'(?:pat|personal[_.-]?access[_.-]?token|access[_.-]?token|token)', var='BITBUCKET_PAT', var2='BAMBOO_TOKEN',
      cat='code-hosting', validator='atlassian_dc_pat')
    X('youtrack-permanent-token', 'JetBrains', 'YouTrack permanent token',
      'https://www.jetbrains.com/help/youtrack/server/manage-permanent-token.html',
      r'''(?<![A-Za-z0-9_])(?P<secret>perm(?::|-)[A-Za-z0-9+/=_-]{4,40}\.[A-Za-z0-9+/=_-]{4,40}\.[A-Za-z0-9]{30})(?![A-Za-z0-9])''',
      keywords=['perm:', 'perm-'], cat='code-hosting', max_length=120, entropy=3.0,
      examples=[f'YOUTRACK_TOKEN=perm:cm9vdA==.NDQtMQ==.{_g("yt1", "A30")}',
                f'curl -H "Authorization: Bearer perm-YWxpY2U=.NDMtMTI=.{_g("yt2", "A30")}" https://acme.youtrack.cloud/api/issues'],
      negatives=['YOUTRACK_TOKEN=perm:<token>', 'YOUTRACK_TOKEN=perm:cm9vdA==.NDQtMQ==.short'])

    # ------------------------------------------------------------------ productivity and SaaS
    P('clickup-api-token', 'ClickUp', 'ClickUp personal API token', 'https://app.clickup.com/settings/apps',
      ['pk_', 'd8-9', '_', 'U32'], var='CLICKUP_API_TOKEN', cat='saas', host='api.clickup.com', validator='letters_and_digits')
    C('trello-api-token', 'Atlassian', 'Trello API token', 'https://trello.com/power-ups/admin',
      ['ATTA', 'h64', 'H8'], vendors=['trello'], keys=r'(?:api[_.-]?)?token', var='TRELLO_TOKEN', cat='saas')
    C('trello-api-key', 'Atlassian', 'Trello API key and legacy token', 'https://trello.com/power-ups/admin',
      ['h64'], vendors=['trello'], keys=r'(?:api[_.-]?)?(?:token|secret)', var='TRELLO_API_TOKEN', var2='TRELLO_SECRET',
      cat='saas')
    C('todoist-api-token', 'Doist', 'Todoist API token', 'https://app.todoist.com/app/settings/integrations/developer',
      ['h40'], vendors=['todoist'], keys=r'(?:api[_.-]?)?token', var='TODOIST_API_TOKEN', cat='saas')
    C('pipedrive-api-token', 'Pipedrive', 'Pipedrive API token', 'https://app.pipedrive.com/settings/api',
      ['h40'], vendors=['pipedrive'], keys=r'(?:api[_.-]?)?(?:token|key)', var='PIPEDRIVE_API_TOKEN', cat='saas')
    C('freshdesk-api-key', 'Freshworks', 'Freshdesk API key', 'https://support.freshdesk.com/support/solutions/articles/215517',
      ['A20'], vendors=['freshdesk', 'freshservice'], keys=r'(?:api[_.-]?)?key', var='FRESHDESK_API_KEY',
      var2='FRESHSERVICE_API_KEY', cat='saas', validator='letters_and_digits')
    C('smartsheet-access-token', 'Smartsheet', 'Smartsheet API access token',
      'https://help.smartsheet.com/articles/2482389-generate-API-key', ['A37'], vendors=['smartsheet'],
      keys=r'(?:access[_.-]?|api[_.-]?)?(?:token|key)', var='SMARTSHEET_ACCESS_TOKEN', cat='saas', validator='letters_and_digits')
    C('coda-api-token', 'Coda', 'Coda API token', 'https://coda.io/account#apiSettings',
      UUID, vendors=['coda'], keys=r'(?:api[_.-]?)?(?:token|key)', var='CODA_API_TOKEN', cat='saas')
    C('shortcut-api-token', 'Shortcut', 'Shortcut (Clubhouse) API token', 'https://app.shortcut.com/settings/account/api-tokens',
      UUID, vendors=['shortcut', 'clubhouse'], keys=r'(?:api[_.-]?)?token', var='SHORTCUT_API_TOKEN',
      var2='CLUBHOUSE_API_TOKEN', cat='saas')
    C('pivotal-tracker-token', 'Broadcom', 'Pivotal Tracker API token', 'https://www.pivotaltracker.com/profile',
      ['h32'], vendors=['pivotal', 'tracker_api'], keys=r'(?:api[_.-]?)?token', var='PIVOTAL_TRACKER_TOKEN',
      var2='TRACKER_API_TOKEN', cat='saas')
    C('jotform-api-key', 'Jotform', 'Jotform API key', 'https://www.jotform.com/myaccount/api',
      ['h32'], vendors=['jotform'], keys=r'(?:api[_.-]?)?key', var='JOTFORM_API_KEY', cat='saas')
    C('surveymonkey-access-token', 'SurveyMonkey', 'SurveyMonkey access token', 'https://developer.surveymonkey.com/apps/',
      ['w60-80'], vendors=['surveymonkey'], keys=r'(?:access[_.-]?|api[_.-]?)?token', var='SURVEYMONKEY_ACCESS_TOKEN',
      cat='saas', validator='letters_and_digits')
    P('cal-com-api-key', 'Cal.com', 'Cal.com API key', 'https://app.cal.com/settings/developer/api-keys',
      ['cal_live_', 'h32'], alts=[['cal_', 'h32']], keywords=['cal_'], var='CAL_API_KEY', cat='saas', host='api.cal.com')
    C('bamboohr-api-key', 'BambooHR', 'BambooHR API key', 'https://documentation.bamboohr.com/docs/getting-started',
      ['h40'], vendors=['bamboohr', 'bamboo_hr'], keys=r'(?:api[_.-]?)?key', var='BAMBOOHR_API_KEY', cat='saas')
    C('greenhouse-api-key', 'Greenhouse', 'Greenhouse Harvest API key', 'https://support.greenhouse.io/hc/en-us/articles/202842799',
      ['h32'], vendors=['greenhouse'], keys=r'(?:harvest[_.-]?)?(?:api[_.-]?)?key', var='GREENHOUSE_API_KEY', cat='saas')
    C('hunter-api-key', 'Hunter', 'Hunter.io API key', 'https://hunter.io/api-keys',
      ['h40'], vendors=['hunter'], keys=r'(?:api[_.-]?)?key', var='HUNTER_API_KEY', cat='saas')
    C('clearbit-api-key', 'HubSpot', 'Clearbit secret API key', 'https://dashboard.clearbit.com/api',
      ['sk_', 'h32'], vendors=['clearbit'], keys=r'(?:api[_.-]?|secret[_.-]?)?key', var='CLEARBIT_API_KEY', cat='saas')
    C('apollo-api-key', 'Apollo.io', 'Apollo.io API key', 'https://app.apollo.io/#/settings/integrations/api',
      ['w22'], vendors=['apollo'], keys=r'(?:api[_.-]?)?key', var='APOLLO_API_KEY', cat='saas', validator='letters_and_digits')
    C('close-api-key', 'Close', 'Close CRM API key', 'https://app.close.com/settings/developer/api-keys/',
      ['api_', 'A22', '.', 'A22'], vendors=['close'], keys=r'(?:api[_.-]?)?key', var='CLOSE_API_KEY', cat='saas')
    C('helpscout-app-secret', 'Help Scout', 'Help Scout app secret', 'https://secure.helpscout.net/users/apps/',
      ['A32'], vendors=['helpscout', 'help_scout'], keys=r'(?:app[_.-]?|client[_.-]?)?secret', var='HELPSCOUT_APP_SECRET',
      cat='saas', validator='letters_and_digits')
    C('storyblok-token', 'Storyblok', 'Storyblok management or preview token', 'https://app.storyblok.com/#/me/account?tab=token',
      ['A22', 'tt'], vendors=['storyblok'], keys=r'(?:oauth[_.-]?|management[_.-]?|preview[_.-]?|api[_.-]?)?token',
      var='STORYBLOK_OAUTH_TOKEN', var2='STORYBLOK_PREVIEW_TOKEN', cat='saas')
    C('sanity-api-token', 'Sanity', 'Sanity API token', 'https://www.sanity.io/manage',
      ['sk', 'A78-90'], vendors=['sanity'], keys=r'(?:api[_.-]?|write[_.-]?|read[_.-]?|auth[_.-]?)?token',
      var='SANITY_API_TOKEN', var2='SANITY_AUTH_TOKEN', cat='saas')
    C('datocms-api-token', 'DatoCMS', 'DatoCMS API token', 'https://www.datocms.com/docs/content-management-api/authentication',
      ['h30'], vendors=['datocms', 'dato'], keys=r'(?:api[_.-]?|full[_.-]?access[_.-]?|read[_.-]?only[_.-]?)?token',
      var='DATOCMS_API_TOKEN', cat='saas')
    C('ghost-admin-api-key', 'Ghost', 'Ghost Admin API key', 'https://ghost.org/docs/admin-api/#token-authentication',
      ['h24', ':', 'h64'], vendors=['ghost'], keys=r'(?:admin[_.-]?)?(?:api[_.-]?)?key', var='GHOST_ADMIN_API_KEY', cat='saas')
    C('buttercms-api-token', 'ButterCMS', 'ButterCMS write API token', 'https://buttercms.com/settings/',
      ['h40'], vendors=['buttercms', 'butter_cms'], keys=r'(?:write[_.-]?|api[_.-]?)?(?:token|key)',
      var='BUTTERCMS_API_TOKEN', cat='saas')
    P('builder-io-private-key', 'Builder.io', 'Builder.io private API key',
      'https://www.builder.io/c/docs/using-your-api-key', ['bpk-', 'h32'], var='BUILDER_PRIVATE_KEY', cat='saas',
      host='builder.io')
    P('canva-client-secret', 'Canva', 'Canva Connect client secret', 'https://www.canva.com/developers/integrations/connect-api',
      ['cnvca', 'w51'], var='CANVA_CLIENT_SECRET', cat='saas', host='api.canva.com')
    P('adobe-client-secret', 'Adobe', 'Adobe Developer Console client secret',
      'https://developer.adobe.com/developer-console/docs/guides/credentials/', ['p8e-', 'w32'],
      var='ADOBE_CLIENT_SECRET', cat='saas', host='ims-na1.adobelogin.com')
    C('box-developer-token', 'Box', 'Box developer token or client secret', 'https://developer.box.com/guides/authentication/tokens/developer-tokens/',
      ['A32'], vendors=['box'], keys=r'(?:developer[_.-]?|access[_.-]?)?token|client[_.-]?secret',
      var='BOX_DEVELOPER_TOKEN', var2='BOX_CLIENT_SECRET', cat='saas', validator='letters_and_digits')
    C('bitly-access-token', 'Bitly', 'Bitly access token', 'https://app.bitly.com/settings/api/',
      ['h40'], vendors=['bitly'], keys=r'(?:access[_.-]?|api[_.-]?)?token', var='BITLY_ACCESS_TOKEN', cat='saas')
    C('disqus-api-secret', 'Disqus', 'Disqus API secret key', 'https://disqus.com/api/applications/',
      ['A64'], vendors=['disqus'], keys=r'(?:api[_.-]?)?secret(?:[_.-]?key)?', var='DISQUS_API_SECRET', cat='saas',
      validator='letters_and_digits')
    C('wakatime-api-key', 'WakaTime', 'WakaTime API key', 'https://wakatime.com/settings/api-key',
      ['waka_', UUID], vendors=['waka'], keys=r'(?:api[_.-]?)?key', var='WAKATIME_API_KEY', cat='saas')
    P('samsara-api-token', 'Samsara', 'Samsara API token', 'https://developers.samsara.com/docs/authentication',
      ['samsara_api_', 'A30'], var='SAMSARA_API_TOKEN', cat='saas', host='api.samsara.com')
    for kind in ('pat', 'aat', 'sat'):
        P(f'settlemint-{kind}', 'SettleMint', f'SettleMint {dict(pat="personal", aat="application", sat="service")[kind]} access token',
          'https://console.settlemint.com/documentation/platform-components/security-and-authentication/personal-access-tokens',
          [f'sm_{kind}_', 'A16'], var='SETTLEMINT_ACCESS_TOKEN', cat='saas', host='console.settlemint.com', entropy=3.0)
    C('gumroad-access-token', 'Gumroad', 'Gumroad access token', 'https://app.gumroad.com/settings/advanced#application-form',
      ['w43'], vendors=['gumroad'], keys=r'(?:access[_.-]?|api[_.-]?)?token', var='GUMROAD_ACCESS_TOKEN', cat='payments',
      validator='letters_and_digits')

    # ------------------------------------------------------------------ commerce and payments
    P('woocommerce-consumer-secret', 'WooCommerce', 'WooCommerce REST API consumer secret',
      'https://woocommerce.com/document/woocommerce-rest-api/', ['cs_', 'h40'], var='WOOCOMMERCE_CONSUMER_SECRET',
      cat='payments', host='shop.acme-store.net')
    P('woocommerce-consumer-key', 'WooCommerce', 'WooCommerce REST API consumer key',
      'https://woocommerce.com/document/woocommerce-rest-api/', ['ck_', 'h40'], var='WOOCOMMERCE_CONSUMER_KEY',
      cat='payments', host='shop.acme-store.net', severity='medium')
    P('xendit-secret-key', 'Xendit', 'Xendit secret API key', 'https://dashboard.xendit.co/settings/developers#api-keys',
      ['xnd_production_', 'A50-60'], alts=[['xnd_development_', 'A50-60']], keywords=['xnd_'],
      var='XENDIT_SECRET_KEY', cat='payments', host='api.xendit.co')
    P('mercadopago-access-token', 'Mercado Pago', 'Mercado Pago access token',
      'https://www.mercadopago.com/developers/en/docs/your-integrations/credentials',
      ['APP_USR-', 'd16', '-', 'd6', '-', 'h32', '-', 'd9'], alts=[['TEST-', 'd16', '-', 'd6', '-', 'h32', '-', 'd9']],
      keywords=['APP_USR-', 'TEST-'], var='MERCADOPAGO_ACCESS_TOKEN', cat='payments', host='api.mercadopago.com')
    P('midtrans-server-key', 'Midtrans', 'Midtrans server key', 'https://dashboard.midtrans.com/settings/config_info',
      ['Mid-server-', 'w24'], alts=[['SB-Mid-server-', 'w24']], keywords=['Mid-server-'], var='MIDTRANS_SERVER_KEY',
      cat='payments', host='api.midtrans.com')
    P('paddle-api-key', 'Paddle', 'Paddle Billing API key', 'https://developer.paddle.com/api-reference/about/api-keys',
      ['pdl_live_apikey_', 'l26', '_', 'A22', '_', 'A3'], alts=[['pdl_sdbx_apikey_', 'l26', '_', 'A22', '_', 'A3']],
      keywords=['_apikey_'], var='PADDLE_API_KEY', cat='payments', host='api.paddle.com')
    P('duffel-api-token', 'Duffel', 'Duffel API access token', 'https://app.duffel.com/tokens',
      ['duffel_live_', 'w43'], alts=[['duffel_test_', 'w43']], keywords=['duffel_'], var='DUFFEL_ACCESS_TOKEN',
      cat='payments', host='api.duffel.com')
    P('ramp-client-secret', 'Ramp', 'Ramp API client secret', 'https://docs.ramp.com/developer-api/v1/authorization',
      ['ramp_sec_', 'A48'], var='RAMP_CLIENT_SECRET', cat='payments', host='api.ramp.com')
    P('mercury-api-token', 'Mercury', 'Mercury banking API token', 'https://app.mercury.com/settings/tokens',
      ['mercury_production_', 'L3-6', '_', 'A40-50', '_yrucrem'], keywords=['mercury_production_'],
      var='MERCURY_API_TOKEN', cat='payments', host='api.mercury.com')
    P('polar-access-token', 'Polar', 'Polar.sh access token', 'https://polar.sh/settings',
      ['polar_pat_', 'w40-60'], alts=[['polar_oat_', 'w40-60'], ['polar_at_', 'w40-60']], keywords=['polar_'], var='POLAR_ACCESS_TOKEN', cat='payments',
      host='api.polar.sh')
    P('persona-api-key', 'Persona', 'Persona production API key', 'https://app.withpersona.com/dashboard/api-configuration',
      ['persona_production_', 'w36-48'], var='PERSONA_API_KEY', cat='identity', host='withpersona.com')
    P('onfido-api-token', 'Onfido', 'Onfido (Entrust) live API token', 'https://dashboard.onfido.com/api/tokens',
      ['api_live', '.', 'w43'], alts=[['api_live_us.', 'w43'], ['api_live_ca.', 'w43']], keywords=['api_live'],
      var='ONFIDO_API_TOKEN', cat='identity', host='api.eu.onfido.com')
    C('mollie-api-key', 'Mollie', 'Mollie API key', 'https://my.mollie.com/dashboard/developers/api-keys',
      ['live_', 'A30'], vendors=['mollie'], keys=r'(?:api[_.-]?)?key', var='MOLLIE_API_KEY', cat='payments')
    C('mollie-access-token', 'Mollie', 'Mollie organization access token', 'https://my.mollie.com/dashboard/developers/organization-access-tokens',
      ['access_', 'A40'], vendors=['mollie'], keys=r'(?:access[_.-]?|api[_.-]?)?token', var='MOLLIE_ACCESS_TOKEN', cat='payments')
    C('recurly-api-key', 'Recurly', 'Recurly private API key', 'https://docs.recurly.com/docs/api-keys',
      ['h32'], vendors=['recurly'], keys=r'(?:private[_.-]?)?(?:api[_.-]?)?key', var='RECURLY_API_KEY', cat='payments')
    C('chargebee-api-key', 'Chargebee', 'Chargebee API key', 'https://www.chargebee.com/docs/2.0/api_keys.html',
      ['live_', 'A28-40'], vendors=['chargebee'], keys=r'(?:api[_.-]?)?key', var='CHARGEBEE_API_KEY', cat='payments')
    C('wise-api-token', 'Wise', 'Wise (TransferWise) API token', 'https://wise.com/help/articles/2958107/getting-started-with-the-api',
      UUID, vendors=['wise', 'transferwise'], keys=r'(?:api[_.-]?)?token', var='WISE_API_TOKEN', var2='TRANSFERWISE_API_TOKEN',
      cat='payments')
    C('bigcommerce-access-token', 'BigCommerce', 'BigCommerce API access token',
      'https://developer.bigcommerce.com/docs/start/authentication/api-accounts', ['l31'], vendors=['bigcommerce'],
      keys=r'(?:access[_.-]?|api[_.-]?)?token', var='BIGCOMMERCE_ACCESS_TOKEN', cat='payments', validator='letters_and_digits')
    C('magento-access-token', 'Adobe', 'Magento (Adobe Commerce) integration access token',
      'https://experienceleague.adobe.com/en/docs/commerce-admin/systems/integrations', ['l32'], vendors=['magento'],
      keys=r'(?:access[_.-]?|integration[_.-]?|api[_.-]?)?token', var='MAGENTO_ACCESS_TOKEN', cat='payments',
      validator='letters_and_digits')
    C('printful-api-token', 'Printful', 'Printful private API token', 'https://developers.printful.com/tokens',
      ['A40'], vendors=['printful'], keys=r'(?:api[_.-]?|private[_.-]?)?(?:token|key)', var='PRINTFUL_API_TOKEN',
      cat='payments', validator='letters_and_digits')
    C('finicity-app-key', 'Mastercard', 'Finicity (Mastercard Open Banking) app key', 'https://developer.mastercard.com/open-banking-us/documentation/quick-start-guide/',
      ['h32'], vendors=['finicity'], keys=r'(?:app[_.-]?|api[_.-]?)?key|secret', var='FINICITY_APP_KEY', cat='payments')
    P('rainforest-api-key', 'Rainforest', 'Rainforest Pay API key', 'https://docs.rainforestpay.com/docs/authentication',
      ['apikey_', 'h64'], var='RAINFOREST_API_KEY', cat='payments', host='api.rainforestpay.com')

    # ------------------------------------------------------------------ crypto and market data
    X('alchemy-api-url', 'Alchemy', 'Alchemy RPC URL with API key', 'https://dashboard.alchemy.com/apps',
      r'''https://[a-z0-9-]{3,40}\.g\.alchemy\.com/(?:v2|nft/v[23])/(?P<secret>[A-Za-z0-9_-]{32})(?![A-Za-z0-9_-])''',
      keywords=['alchemy.com/'], cat='crypto', max_length=120, entropy=3.0,
      examples=[f'ALCHEMY_URL=https://eth-mainnet.g.alchemy.com/v2/{_g("al1", "w32")}',
                f'  rpc: "https://polygon-amoy.g.alchemy.com/v2/{_g("al2", "w32")}"'],
      negatives=['ALCHEMY_URL=https://eth-mainnet.g.alchemy.com/v2/<api-key>',
                 'ALCHEMY_URL=https://eth-mainnet.g.alchemy.com/v2/${ALCHEMY_API_KEY}'])
    C('alchemy-api-key', 'Alchemy', 'Alchemy API key', 'https://dashboard.alchemy.com/apps',
      ['w32'], vendors=['alchemy'], keys=r'(?:api[_.-]?)?key', var='ALCHEMY_API_KEY', cat='crypto', validator='letters_and_digits')
    X('infura-api-url', 'Infura', 'Infura RPC URL with project API key', 'https://app.infura.io/',
      r'''https://[a-z0-9-]{3,40}\.infura\.io/(?:v3|ws/v3)/(?P<secret>[a-f0-9]{32})(?![A-Za-z0-9])''',
      keywords=['infura.io/'], cat='crypto', max_length=100, entropy=3.0, severity='medium',
      examples=[f'WEB3_PROVIDER=https://mainnet.infura.io/v3/{_g("in1", "h32")}',
                f'  url: "https://sepolia.infura.io/v3/{_g("in2", "h32")}"'],
      negatives=['WEB3_PROVIDER=https://mainnet.infura.io/v3/<project-id>',
                 'WEB3_PROVIDER=https://mainnet.infura.io/v3/${INFURA_ID}'])
    C('infura-api-secret', 'Infura', 'Infura API key secret', 'https://app.infura.io/',
      ['h32'], vendors=['infura'], keys=r'(?:api[_.-]?|project[_.-]?)?secret', var='INFURA_API_SECRET',
      var2='INFURA_PROJECT_SECRET', cat='crypto')
    X('quicknode-endpoint-url', 'QuickNode', 'QuickNode endpoint URL with its token', 'https://dashboard.quicknode.com/endpoints',
      r'''https://[a-z0-9.-]{3,80}\.quiknode\.pro/(?P<secret>[a-f0-9]{40})''',
      keywords=['quiknode.pro/'], cat='crypto', max_length=140, entropy=3.0,
      examples=[f'RPC_URL=https://old-frosty-pond.quiknode.pro/{_g("qn1", "h40")}/',
                f'  endpoint: "https://misty-wild-dawn.solana-mainnet.quiknode.pro/{_g("qn2", "h40")}"'],
      negatives=['RPC_URL=https://old-frosty-pond.quiknode.pro/<token>/', 'RPC_URL=https://old-frosty-pond.quiknode.pro/abc123/'])
    C('etherscan-api-key', 'Etherscan', 'Etherscan API key', 'https://etherscan.io/apidashboard',
      ['U34'], vendors=['etherscan', 'bscscan', 'polygonscan', 'arbiscan'], keys=r'(?:api[_.-]?)?key',
      var='ETHERSCAN_API_KEY', var2='BSCSCAN_API_KEY', cat='crypto', validator='letters_and_digits')
    C('moralis-api-key', 'Moralis', 'Moralis API key', 'https://admin.moralis.com/api-keys',
      ['A64'], vendors=['moralis'], keys=r'(?:api[_.-]?)?key', var='MORALIS_API_KEY', cat='crypto', validator='letters_and_digits')
    C('blockfrost-project-id', 'Blockfrost', 'Blockfrost project ID (API key)', 'https://blockfrost.io/dashboard',
      ['mainnet', 'A32'], vendors=['blockfrost'], keys=r'(?:project[_.-]?id|api[_.-]?key|key)', var='BLOCKFROST_PROJECT_ID',
      cat='crypto', validator='letters_and_digits')
    C('thirdweb-secret-key', 'thirdweb', 'thirdweb secret key', 'https://thirdweb.com/dashboard/settings/api-keys',
      ['w86'], vendors=['thirdweb'], keys=r'secret[_.-]?key', var='THIRDWEB_SECRET_KEY', cat='crypto', validator='letters_and_digits')
    C('binance-api-secret', 'Binance', 'Binance API secret key', 'https://www.binance.com/en/my/settings/api-management',
      ['A64'], vendors=['binance'], keys=r'(?:api[_.-]?)?secret(?:[_.-]?key)?', var='BINANCE_API_SECRET',
      var2='BINANCE_SECRET_KEY', cat='crypto', validator='letters_and_digits')
    C('bitfinex-api-secret', 'Bitfinex', 'Bitfinex API secret', 'https://setting.bitfinex.com/api',
      ['A43'], vendors=['bitfinex'], keys=r'(?:api[_.-]?)?secret', var='BITFINEX_API_SECRET', cat='crypto',
      validator='letters_and_digits')
    C('kraken-private-key', 'Kraken', 'Kraken API private key', 'https://www.kraken.com/u/security/api',
      ['b86', '=='], vendors=['kraken'], keys=r'(?:private[_.-]?key|api[_.-]?secret|secret)', var='KRAKEN_PRIVATE_KEY',
      var2='KRAKEN_API_SECRET', cat='crypto', validator='base64_key')
    C('kucoin-api-secret', 'KuCoin', 'KuCoin API secret', 'https://www.kucoin.com/account/api',
      UUID, vendors=['kucoin'], keys=r'(?:api[_.-]?)?secret', var='KUCOIN_API_SECRET', cat='crypto')
    C('gemini-exchange-api-secret', 'Gemini', 'Gemini exchange API secret', 'https://exchange.gemini.com/settings/api',
      ['A27-28'], vendors=['gemini_api', 'gemini_exchange', 'gemini-exchange'], keys=r'secret', var='GEMINI_API_SECRET',
      cat='crypto', validator='letters_and_digits')
    C('alpaca-secret-key', 'Alpaca', 'Alpaca trading API secret key', 'https://app.alpaca.markets/paper/dashboard/overview',
      ['A40'], vendors=['alpaca', 'apca'], keys=r'(?:api[_.-]?)?secret(?:[_.-]?key)?', var='ALPACA_SECRET_KEY',
      var2='APCA_API_SECRET_KEY', cat='crypto', validator='letters_and_digits')
    C('polygon-io-api-key', 'Massive', 'Polygon.io (Massive) market data API key', 'https://polygon.io/dashboard/keys',
      ['w32'], vendors=['polygon_io', 'polygonio', 'polygon-io', 'massive'], keys=r'(?:api[_.-]?)?key', var='POLYGON_IO_API_KEY',
      cat='crypto', validator='letters_and_digits')
    C('finnhub-api-key', 'Finnhub', 'Finnhub API key', 'https://finnhub.io/dashboard',
      ['l20'], vendors=['finnhub'], keys=r'(?:api[_.-]?)?(?:key|token)', var='FINNHUB_API_KEY', cat='crypto',
      validator='letters_and_digits')
    C('alpha-vantage-api-key', 'Alpha Vantage', 'Alpha Vantage API key', 'https://www.alphavantage.co/support/#api-key',
      ['U16'], vendors=['alphavantage', 'alpha_vantage', 'alpha-vantage'], keys=r'(?:api[_.-]?)?key',
      var='ALPHAVANTAGE_API_KEY', var2='ALPHA_VANTAGE_KEY', cat='crypto', validator='letters_and_digits')
    C('iex-cloud-secret-token', 'IEX Cloud', 'IEX Cloud secret token', 'https://iexcloud.io/console/tokens',
      ['sk_', 'h32'], vendors=['iex'], keys=r'(?:secret[_.-]?|api[_.-]?)?(?:token|key)', var='IEX_SECRET_TOKEN', cat='crypto')

    # ------------------------------------------------------------------ IoT, maps, media, social
    C('blynk-auth-token', 'Blynk', 'Blynk device auth token', 'https://docs.blynk.io/en/blynk.console/devices/device-info',
      ['w32'], vendors=['blynk'], keys=r'auth[_.-]?token|token', var='BLYNK_AUTH_TOKEN', cat='iot', validator='letters_and_digits',
      examples_extra=[f'#define BLYNK_AUTH_TOKEN "{_g("bl1", "w32")}"'])
    C('particle-access-token', 'Particle', 'Particle access token', 'https://docs.particle.io/reference/cloud-apis/access-tokens/',
      ['h40'], vendors=['particle'], keys=r'(?:access[_.-]?|api[_.-]?)?token', var='PARTICLE_ACCESS_TOKEN',
      var2='PARTICLE_TOKEN', cat='iot')
    P('adafruit-io-key', 'Adafruit', 'Adafruit IO key', 'https://io.adafruit.com/', ['aio_', 'A28'],
      var='ADAFRUIT_IO_KEY', cat='iot', host='io.adafruit.com')
    C('here-api-key', 'HERE', 'HERE location services API key', 'https://platform.here.com/admin/apps',
      ['w43'], vendors=['here_api', 'here-api', 'hereapi', 'here_maps'], keys=r'key', var='HERE_API_KEY', cat='maps',
      validator='letters_and_digits')
    C('tomtom-api-key', 'TomTom', 'TomTom API key', 'https://developer.tomtom.com/user/me/apps',
      ['A32'], vendors=['tomtom'], keys=r'(?:api[_.-]?)?key', var='TOMTOM_API_KEY', cat='maps', validator='letters_and_digits')
    C('locationiq-access-token', 'LocationIQ', 'LocationIQ access token', 'https://my.locationiq.com/dashboard',
      ['pk.', 'h32'], vendors=['locationiq'], keys=r'(?:access[_.-]?|api[_.-]?)?(?:token|key)', var='LOCATIONIQ_TOKEN',
      cat='maps')
    C('opencage-api-key', 'OpenCage', 'OpenCage geocoding API key', 'https://opencagedata.com/dashboard#geocoding',
      ['h32'], vendors=['opencage'], keys=r'(?:api[_.-]?)?key', var='OPENCAGE_API_KEY', cat='maps')
    C('geoapify-api-key', 'Geoapify', 'Geoapify API key', 'https://myprojects.geoapify.com/',
      ['h32'], vendors=['geoapify'], keys=r'(?:api[_.-]?)?key', var='GEOAPIFY_API_KEY', cat='maps')
    C('openweather-api-key', 'OpenWeather', 'OpenWeatherMap API key', 'https://home.openweathermap.org/api_keys',
      ['h32'], vendors=['openweather', 'owm_', 'pyowm'], keys=r'(?:api[_.-]?|app[_.-]?)?(?:key|id)',
      var='OPENWEATHER_API_KEY', var2='OWM_API_KEY', cat='maps')
    C('weatherapi-key', 'WeatherAPI', 'WeatherAPI.com API key', 'https://www.weatherapi.com/my/',
      ['h31'], vendors=['weatherapi', 'weather_api'], keys=r'(?:api[_.-]?)?key', var='WEATHERAPI_KEY', cat='maps')
    C('tomorrow-io-api-key', 'Tomorrow.io', 'Tomorrow.io API key', 'https://app.tomorrow.io/development/keys',
      ['A32'], vendors=['tomorrow', 'climacell'], keys=r'(?:api[_.-]?)?key', var='TOMORROW_API_KEY',
      var2='CLIMACELL_API_KEY', cat='maps', validator='letters_and_digits')
    C('weatherstack-api-key', 'Weatherstack', 'Weatherstack access key', 'https://weatherstack.com/dashboard',
      ['h32'], vendors=['weatherstack'], keys=r'(?:access[_.-]?|api[_.-]?)?key', var='WEATHERSTACK_ACCESS_KEY', cat='maps')
    C('newsapi-key', 'NewsAPI', 'NewsAPI.org API key', 'https://newsapi.org/account',
      ['h32'], vendors=['newsapi', 'news_api'], keys=r'(?:api[_.-]?)?key', var='NEWSAPI_KEY', var2='NEWS_API_KEY', cat='media')
    C('nytimes-api-key', 'The New York Times', 'New York Times developer API key', 'https://developer.nytimes.com/my-apps',
      ['A32'], vendors=['nytimes', 'nyt_'], keys=r'(?:api[_.-]?)?key', var='NYTIMES_API_KEY', var2='NYT_API_KEY', cat='media',
      validator='letters_and_digits')
    C('guardian-api-key', 'The Guardian', 'Guardian Open Platform API key', 'https://open-platform.theguardian.com/access/',
      UUID, vendors=['guardian'], keys=r'(?:api[_.-]?)?key', var='GUARDIAN_API_KEY', cat='media')
    C('spotify-client-secret', 'Spotify', 'Spotify client secret', 'https://developer.spotify.com/dashboard',
      ['h32'], vendors=['spotify', 'spotipy'], keys=r'client[_.-]?secret', var='SPOTIFY_CLIENT_SECRET',
      var2='SPOTIPY_CLIENT_SECRET', cat='media')
    C('soundcloud-client-secret', 'SoundCloud', 'SoundCloud client secret', 'https://soundcloud.com/you/apps',
      ['A32'], vendors=['soundcloud'], keys=r'client[_.-]?secret', var='SOUNDCLOUD_CLIENT_SECRET', cat='media',
      validator='letters_and_digits')
    C('vimeo-access-token', 'Vimeo', 'Vimeo personal access token', 'https://developer.vimeo.com/apps',
      ['h32'], vendors=['vimeo'], keys=r'(?:access[_.-]?)?token|client[_.-]?secret', var='VIMEO_ACCESS_TOKEN', cat='media')
    C('mux-token-secret', 'Mux', 'Mux access token secret', 'https://dashboard.mux.com/settings/access-tokens',
      ['b75'], vendors=['mux'], keys=r'token[_.-]?secret|secret[_.-]?key', var='MUX_TOKEN_SECRET', cat='media',
      validator='letters_and_digits')
    C('tmdb-api-key', 'TMDB', 'The Movie Database (TMDB) API key', 'https://www.themoviedb.org/settings/api',
      ['h32'], vendors=['tmdb', 'themoviedb'], keys=r'(?:api[_.-]?)?key', var='TMDB_API_KEY', cat='media')
    C('giphy-api-key', 'GIPHY', 'GIPHY API key', 'https://developers.giphy.com/dashboard/',
      ['A32'], vendors=['giphy'], keys=r'(?:api[_.-]?)?key', var='GIPHY_API_KEY', cat='media', validator='letters_and_digits')
    C('unsplash-access-key', 'Unsplash', 'Unsplash access or secret key', 'https://unsplash.com/oauth/applications',
      ['w43'], vendors=['unsplash'], keys=r'(?:access|secret)[_.-]?key', var='UNSPLASH_ACCESS_KEY', var2='UNSPLASH_SECRET_KEY',
      cat='media', validator='letters_and_digits')
    C('pexels-api-key', 'Pexels', 'Pexels API key', 'https://www.pexels.com/api/',
      ['A56'], vendors=['pexels'], keys=r'(?:api[_.-]?)?key', var='PEXELS_API_KEY', cat='media', validator='letters_and_digits')
    C('imgur-client-secret', 'Imgur', 'Imgur client secret', 'https://imgur.com/account/settings/apps',
      ['h40'], vendors=['imgur'], keys=r'client[_.-]?secret', var='IMGUR_CLIENT_SECRET', cat='media')
    C('flickr-api-secret', 'Flickr', 'Flickr API key secret', 'https://www.flickr.com/services/apps/by/me',
      ['h16'], vendors=['flickr'], keys=r'(?:api[_.-]?)?secret', var='FLICKR_API_SECRET', cat='media')
    C('twitter-consumer-secret', 'X', 'X (Twitter) API key secret or access token secret',
      'https://developer.x.com/en/portal/dashboard', ['A45-50'], vendors=['twitter', 'x_api', 'x_consumer'],
      keys=r'(?:consumer[_.-]?|api[_.-]?|access[_.-]?token[_.-]?)?secret(?:[_.-]?key)?', var='TWITTER_CONSUMER_SECRET',
      var2='TWITTER_ACCESS_TOKEN_SECRET', cat='social', validator='letters_and_digits')
    X('twitter-bearer-token', 'X', 'X (Twitter) app-only bearer token', 'https://developer.x.com/en/portal/dashboard',
      # its %3D also written as the = it encodes (held-out 72: X's web-client token in a browser extension)
      r'''(?<![A-Za-z0-9%])A{21}(?P<secret>[A-Za-z0-9%=]{80,120})(?![A-Za-z0-9%=])''', keywords=['AAAAAAAAAAAAAAAAAAAAA'],
      cat='social', max_length=150, entropy=4.0,
      examples=[f'TWITTER_BEARER_TOKEN=AAAAAAAAAAAAAAAAAAAAA{_g("tw1", "A40")}%3D{_g("tw2", "A50")}',
                f'  bearer_token: "AAAAAAAAAAAAAAAAAAAAA{_g("tw3", "A44")}%2F{_g("tw4", "A46")}"',
                f"const AUTHORIZATION_VALUE = 'Bearer AAAAAAAAAAAAAAAAAAAAA{_g('tw5', 'A40')}={_g('tw6', 'A50')}'"],
      negatives=['TWITTER_BEARER_TOKEN=AAAAAAAAAAAAAAAAAAAAA<rest-of-token>', 'TWITTER_BEARER_TOKEN=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'])
    C('facebook-app-secret', 'Meta', 'Facebook / Meta app secret', 'https://developers.facebook.com/apps/',
      ['h32'], vendors=['facebook', 'fb_app', 'meta_app', 'instagram'], keys=r'(?:app[_.-]?|client[_.-]?)?secret',
      var='FACEBOOK_APP_SECRET', var2='FB_APP_SECRET', cat='social')
    P('facebook-access-token', 'Meta', 'Facebook / Meta Graph API access token (long-lived user, page or system user)',
      'https://developers.facebook.com/tools/debug/accesstoken/', ['EAA', 'A120-250'], var='FACEBOOK_ACCESS_TOKEN',
      cat='social', host='graph.facebook.com', entropy=4.0, validator='letters_and_digits')
    P('instagram-access-token', 'Meta', 'Instagram Graph / Basic Display access token',
      'https://developers.facebook.com/docs/instagram-platform/reference/access_token', ['IGQV', 'w140-250'],
      alts=[['IGAA', 'w140-250']], var='INSTAGRAM_ACCESS_TOKEN', cat='social', host='graph.instagram.com', entropy=4.0)
    C('linkedin-client-secret', 'LinkedIn', 'LinkedIn client secret', 'https://www.linkedin.com/developers/apps',
      ['A16'], vendors=['linkedin', 'linked_in'], keys=r'client[_.-]?secret', var='LINKEDIN_CLIENT_SECRET', cat='social',
      validator='letters_and_digits')
    C('reddit-client-secret', 'Reddit', 'Reddit app client secret', 'https://www.reddit.com/prefs/apps',
      ['w27-30'], vendors=['reddit', 'praw'], keys=r'client[_.-]?secret', var='REDDIT_CLIENT_SECRET',
      var2='PRAW_CLIENT_SECRET', cat='social', validator='letters_and_digits')
    P('pinterest-access-token', 'Pinterest', 'Pinterest API access token', 'https://developers.pinterest.com/apps/',
      ['pina_', 'w60-120'], var='PINTEREST_ACCESS_TOKEN', cat='social', host='api.pinterest.com')
    C('mastodon-access-token', 'Mastodon', 'Mastodon application access token', 'https://docs.joinmastodon.org/client/token/',
      ['w43'], vendors=['mastodon'], keys=r'(?:access[_.-]?)?token|client[_.-]?secret', var='MASTODON_ACCESS_TOKEN',
      cat='social', validator='letters_and_digits')
    C('bluesky-app-password', 'Bluesky', 'Bluesky app password', 'https://bsky.app/settings/app-passwords',
      ['l4', '-', 'l4', '-', 'l4', '-', 'l4'], vendors=['bluesky', 'bsky', 'atproto'], keys=r'(?:app[_.-]?)?password',
      var='BLUESKY_APP_PASSWORD', var2='BSKY_PASSWORD', cat='social', validator='letters_and_digits')
    C('discord-client-secret', 'Discord', 'Discord application client secret', 'https://discord.com/developers/applications',
      ['w32'], vendors=['discord'], keys=r'client[_.-]?secret', var='DISCORD_CLIENT_SECRET', cat='messaging',
      validator='letters_and_digits')
    C('etsy-api-key', 'Etsy', 'Etsy Open API v3 keystring and shared secret', 'https://www.etsy.com/developers/your-apps',
      ['l24'], vendors=['etsy'], keys=r'(?:api[_.-]?)?(?:key|keystring|secret)', var='ETSY_API_KEY', var2='ETSY_SHARED_SECRET',
      cat='payments', validator='letters_and_digits')
    C('ebay-client-secret', 'eBay', 'eBay production client secret (Cert ID)', 'https://developer.ebay.com/my/keys',
      ['PRD-', 'h12', '-', 'h8', '-', 'h4', '-', 'h4', '-', 'h4', '-', 'h4'], vendors=['ebay'],
      keys=r'(?:client[_.-]?secret|cert[_.-]?id)', var='EBAY_CLIENT_SECRET', var2='EBAY_CERT_ID', cat='payments')

    # ------------------------------------------------------------------ credentials in configuration files
    r = rng_for('wireguard')
    wg = [base64.b64encode(bytes(r.getrandbits(8) for _ in range(32))).decode() for _ in range(4)]
    X('wireguard-private-key', 'WireGuard', 'WireGuard interface private key or peer preshared key',
      'https://www.wireguard.com/quickstart/#key-generation',
      r'''(?<![^\n])[ \t]*(?:PrivateKey|PresharedKey|private_key|preshared_key)[ \t]*[=:][ \t]*["']?(?P<secret>[A-Za-z0-9+/]{42}[AEIMQUYcgkosw048]=)(?![A-Za-z0-9+/=])''',
      keywords=['privatekey', 'presharedkey', 'private_key', 'preshared_key'], cat='network', max_length=80,
      entropy=3.5, validator='base64_key',
      examples=[f'[Interface]\nAddress = 10.8.0.2/24\nPrivateKey = {wg[0]}', f'[Peer]\nPresharedKey = {wg[1]}',
                f'wireguard:\n  private_key: "{wg[2]}"'],
      negatives=['PrivateKey = <client-private-key>', f'PublicKey = {wg[3]}', 'PrivateKey = $(wg genkey)',
                 f'PrivateKey = {wg[0][:30]}'])
    r = rng_for('gradle-credentials-password')
    gp = [rs(r, ALNUM + '!#%&*+-', 18) for _ in range(3)]
    X('gradle-credentials-password', 'Gradle', 'Password in a Gradle repository credentials block',
      'https://docs.gradle.org/current/userguide/declaring_repositories.html#sec:handling_credentials',
      r'''credentials[ \t]*(?:\([^)\n]{0,40}\))?[ \t]*\{[^{}]{0,200}?password[ \t]*(?:=[ \t]*)?(?:\([ \t]*)?["'](?P<secret>[^"'$\s]{6,128})["']''',
      keywords=['credentials'], cat='registry', max_length=400, validator='assigned_password',
      examples=[f'    maven {{\n        url "https://nexus.acme.io/repository/releases"\n        credentials {{\n            username "deploy"\n            password "{gp[0]}"\n        }}\n    }}',
                f'credentials {{ username = "ci"; password = "{gp[1]}" }}',
                f'credentials(PasswordCredentials::class) {{\n    username = "bot"\n    password = "{gp[2]}"\n}}'],
      negatives=['credentials {\n    username "deploy"\n    password "$nexusPassword"\n}',
                 'credentials {\n    password = project.findProperty("repoPassword")\n}',
                 'credentials {\n    username = System.getenv("USER")\n    password = System.getenv("PASSWORD")\n}'])
    r = rng_for('psexec-password')
    pp = [rs(r, ALNUM + '!#%&*+-', 14) for _ in range(3)]
    X('psexec-password', 'Microsoft', 'Password on a PsExec / PAExec command line',
      'https://learn.microsoft.com/en-us/sysinternals/downloads/psexec',
      r'''(?i:p[sa]exec(?:64)?(?:\.exe)?)[ \t][^\n]{0,120}?[ \t]-p[ \t]+(?P<secret>"[^"\n$%]{4,64}"|[^\s"'$%-][^\s"']{3,63})''',
      keywords=['psexec', 'paexec'], cat='infrastructure', max_length=220, validator='assigned_password',
      examples=[f'psexec \\\\fileserver01 -u ACME\\svc_backup -p {pp[0]} cmd /c whoami',
                f'PsExec64.exe \\\\10.0.4.20 -u administrator -p "{pp[1]}" -s -i powershell.exe',
                f'paexec \\\\build-07 -u builder -p {pp[2]} -h C:\\tools\\deploy.bat'],
      negatives=['psexec \\\\fileserver01 -u ACME\\svc_backup -p %PASSWORD% cmd', 'psexec \\\\host -s cmd.exe',
                 'psexec \\\\host -u admin -p $env:ADMIN_PASSWORD cmd'])

    # ------------------------------------------------------------------ second batch
    P('1password-account-secret-key', '1Password', '1Password account Secret Key (emergency kit)',
      'https://support.1password.com/secret-key/', ['A3-', 'U6', '-', 'U6', '-', 'U5', '-', 'U5', '-', 'U5', '-', 'U5'],
      alts=[['A3-', 'U6', '-', 'U11', '-', 'U5', '-', 'U5', '-', 'U5']], keywords=['A3-'], var='OP_SECRET_KEY',
      cat='secrets', host='my.1password.com', validator='letters_and_digits')
    P('vercel-prefixed-token', 'Vercel', 'Vercel personal, integration, app or AI Gateway token',
      'https://vercel.com/account/settings/tokens', ['vcp_', 'w56'],
      alts=[['vci_', 'w56'], ['vca_', 'w56'], ['vcr_', 'w56'], ['vck_', 'w56']],
      keywords=['vcp_', 'vci_', 'vca_', 'vcr_', 'vck_'], var='VERCEL_TOKEN', cat='cloud', host='api.vercel.com')
    X('asaas-api-key', 'Asaas', 'Asaas API key', 'https://docs.asaas.com/docs/autenticacao',
      r"""(?<![A-Za-z0-9_$])\$(?P<secret>aact_(?:prod|hmlg)_[A-Za-z0-9_-]{60,200})(?![A-Za-z0-9_-])""",
      keywords=['$aact_'], cat='payments', max_length=220, entropy=3.5,
      examples=[f"ASAAS_API_KEY='$aact_prod_000{_g('as1', 'A120')}'", f'  access_token: "$aact_hmlg_000{_g("as2", "A100")}"',
                f'curl https://api.asaas.com/v3/customers -H "access_token: $aact_prod_000{_g("as3", "A90")}"'],
      negatives=['ASAAS_API_KEY=$aact_prod_000abc', 'ASAAS_API_KEY=$ASAAS_API_KEY', "ASAAS_API_KEY='$aact_prod_<your-key>'"])
    C('beamer-api-key', 'Beamer', 'Beamer API key', 'https://app.getbeamer.com/settings#api',
      ['b_', 'w44'], vendors=['beamer'], keys=r'(?:api[_.-]?)?key', var='BEAMER_API_KEY', cat='saas')
    P('gc-notify-api-key', 'Canadian Digital Service', 'GC Notify (Canadian Digital Service) API key',
      'https://documentation.notification.canada.ca/en/keys.html',
      ['gcntfy-', 'l4-20', '-', UUID, '-', UUID], var='NOTIFY_API_KEY', cat='messaging',
      host='api.notification.canada.ca')
    C('databento-api-key', 'Databento', 'Databento API key', 'https://databento.com/portal/keys',
      ['db-', 'A29'], vendors=['databento'], keys=r'(?:api[_.-]?)?key', var='DATABENTO_API_KEY', cat='data')
    C('data-gov-api-key', 'api.data.gov', 'api.data.gov API key', 'https://api.data.gov/signup/',
      ['A40'], vendors=['datagov', 'data_gov', 'api_data_gov', 'nrel', 'nasa'], keys=r'(?:api[_.-]?)?key',
      var='DATAGOV_API_KEY', var2='NASA_API_KEY', cat='data', validator='letters_and_digits')
    P('devin-api-key', 'Cognition', 'Devin (Cognition) personal or service API key', 'https://app.devin.ai/settings',
      ['apk_user_', 'b120-180'], alts=[['apk_', 'b80-100']], keywords=['apk_'], var='DEVIN_API_KEY', cat='ai',
      host='api.devin.ai', boundary='(?![A-Za-z0-9+/=_-])')
    X('freemius-secret-key', 'Freemius', 'Freemius SDK secret key in a WordPress plugin array',
      'https://freemius.com/help/documentation/wordpress-sdk/integrating-freemius-sdk/',
      r"""["']secret_key["']\s{0,5}=>\s{0,5}["'](?P<secret>sk_[!-&(-~]{29})["']""",
      keywords=['secret_key'], cat='saas', max_length=90, entropy=3.0,
      examples=[f"""    'secret_key' => 'sk_{_g("fm1", "A29")}',""", f"""'id' => '1234', "secret_key" => "sk_{_g("fm2", "A29")}","""],
      negatives=["""'secret_key' => 'sk_<your-secret-key>',""", """'secret_key' => 'sk_abc',""", """'public_key' => 'pk_a1b2c3d4e5f6a7b8c9d0e1f2a3b4c',"""])
    C('fullstory-api-key', 'FullStory', 'FullStory API key', 'https://help.fullstory.com/hc/en-us/articles/360052021773-Managing-API-Keys',
      ['na1.', 'w40-80'], vendors=['fullstory', 'fs_api'], keys=r'(?:api[_.-]?)?key', var='FULLSTORY_API_KEY', cat='observability')
    C('infomaniak-api-token', 'Infomaniak', 'Infomaniak API token', 'https://manager.infomaniak.com/v3/ng/accounts/token/list',
      ['w70-90'], vendors=['infomaniak'], keys=r'(?:api[_.-]?)?token', var='INFOMANIAK_API_TOKEN', cat='cloud',
      validator='letters_and_digits')
    P('intra42-client-secret', '42', '42 Intra API client secret', 'https://profile.intra.42.fr/oauth/applications',
      ['s-s4t2ud-', 'h64'], alts=[['s-s4t2af-', 'h64']], keywords=['s-s4t2'], var='FT_CLIENT_SECRET', cat='saas',
      host='api.intra.42.fr')
    C('kagi-api-key', 'Kagi', 'Kagi Search API key', 'https://kagi.com/settings?p=api',
      ['w11', '.', 'w43'], vendors=['kagi'], keys=r'(?:api[_.-]?)?(?:key|token)', var='KAGI_API_KEY', cat='ai')
    C('lighton-api-key', 'LightOn', 'LightOn Paradigm API key', 'https://paradigm.lighton.ai/',
      ['w48'], vendors=['lighton', 'paradigm'], keys=r'(?:api[_.-]?)?key', var='LIGHTON_API_KEY', var2='PARADIGM_API_KEY',
      cat='ai', validator='letters_and_digits')
    C('linear-client-secret', 'Linear', 'Linear OAuth client secret', 'https://linear.app/settings/api/applications',
      ['h32'], vendors=['linear'], keys=r'(?:oauth[_.-]?)?client[_.-]?secret|webhook[_.-]?secret', var='LINEAR_CLIENT_SECRET',
      cat='saas')
    P('maxmind-license-key', 'MaxMind', 'MaxMind license key', 'https://www.maxmind.com/en/accounts/current/license-key',
      ['A6', '_', 'A29', '_mmk'], keywords=['_mmk'], var='MAXMIND_LICENSE_KEY', cat='data', host='download.maxmind.com',
      lead='(?<![A-Za-z0-9_])')
    C('maxmind-license-key-legacy', 'MaxMind', 'MaxMind license key (16 characters, before the _mmk suffix)',
      'https://www.maxmind.com/en/accounts/current/license-key', ['A16'], vendors=['maxmind', 'geoip', 'geolite'],
      keys=r'license[_.-]?key', var='MAXMIND_LICENSE_KEY', var2='GEOIPUPDATE_LICENSE_KEY', cat='data',
      validator='letters_and_digits')
    P('minimax-api-key', 'MiniMax', 'MiniMax API key', 'https://platform.minimax.io/user-center/basic-information/interface-key',
      ['sk-api-', 'w119'], var='MINIMAX_API_KEY', cat='ai', host='api.minimax.io')
    P('mongodb-atlas-service-account-id', 'MongoDB', 'MongoDB Atlas service account client ID',
      'https://www.mongodb.com/docs/atlas/configure-api-access/', ['mdb_sa_id_', 'h24'],
      var='MDB_MCP_API_CLIENT_ID', cat='data', host='cloud.mongodb.com', severity='medium')
    C('private-ai-api-key', 'Private AI', 'Private AI API key', 'https://dashboard.private-ai.com/',
      ['h32'], vendors=['privateai', 'private_ai', 'private-ai'], keys=r'(?:api[_.-]?)?key', var='PRIVATE_AI_API_KEY', cat='ai')
    P('redirect-pizza-api-token', 'redirect.pizza', 'redirect.pizza API token', 'https://redirect.pizza/account/api-tokens',
      ['rpa_', 'A30'], var='REDIRECT_PIZZA_TOKEN', cat='saas', host='redirect.pizza')
    X('sidekiq-enterprise-credentials', 'Contributed Systems', 'Sidekiq Pro / Enterprise gem server credentials',
      'https://github.com/sidekiq/sidekiq/wiki/Pro-Installation',
      r"""(?:(?i:BUNDLE_(?:ENTERPRISE|GEMS)__CONTRIBSYS__COM)["']?\s{0,3}[:=]\s{0,3}["']?|https?://)(?P<secret>[a-f0-9]{8}:[a-f0-9]{8})(?:@(?:gems|enterprise)\.contribsys\.com|["'\s]|$)""",
      keywords=['contribsys'], cat='registry', max_length=120, entropy=2.5,
      examples=[f'BUNDLE_ENTERPRISE__CONTRIBSYS__COM={_g("sk1", "h8")}:{_g("sk2", "h8")}',
                f'source "https://{_g("sk3", "h8")}:{_g("sk4", "h8")}@enterprise.contribsys.com/" do',
                f'  BUNDLE_GEMS__CONTRIBSYS__COM: "{_g("sk5", "h8")}:{_g("sk6", "h8")}"'],
      negatives=['BUNDLE_ENTERPRISE__CONTRIBSYS__COM=<user>:<password>', 'source "https://enterprise.contribsys.com/"',
                 'BUNDLE_GEMS__CONTRIBSYS__COM=${SIDEKIQ_CREDS}'])
    C('snowflake-programmatic-access-token', 'Snowflake', 'Snowflake programmatic access token',
      'https://docs.snowflake.com/en/user-guide/programmatic-access-tokens', ['w150-300'], vendors=['snowflake'],
      keys=r'(?:programmatic[_.-]?)?(?:access[_.-]?)?token|pat', var='SNOWFLAKE_PAT', var2='SNOWFLAKE_TOKEN', cat='data',
      validator='letters_and_digits')
    C('squarespace-api-key', 'Squarespace', 'Squarespace Commerce API key', 'https://support.squarespace.com/hc/en-us/articles/236297987',
      UUID, vendors=['squarespace'], keys=r'(?:api[_.-]?)?(?:key|token)', var='SQUARESPACE_API_KEY', cat='payments')
    C('sslmate-api-key', 'SSLMate', 'SSLMate / Cert Spotter API key', 'https://sslmate.com/account/api_credentials',
      ['A36'], vendors=['sslmate', 'certspotter'], keys=r'(?:api[_.-]?)?(?:key|token)', var='SSLMATE_API_KEY', cat='security',
      validator='letters_and_digits')
    C('upstage-api-key', 'Upstage', 'Upstage API key', 'https://console.upstage.ai/api-keys',
      ['up_', 'A29-40'], vendors=['upstage'], keys=r'(?:api[_.-]?)?key', var='UPSTAGE_API_KEY', cat='ai')
    P('workato-api-token', 'Workato', 'Workato developer API client token', 'https://docs.workato.com/workato-api/api-clients.html',
      ['wrka', 'L0-2', '-eyJ', 'w8-60', '.', 'w16-400', '.', 'w64-90'], keywords=['wrka'], var='WORKATO_API_TOKEN', cat='saas',
      host='www.workato.com')
    P('appwrite-api-key', 'Appwrite', 'Appwrite API key', 'https://appwrite.io/docs/advanced/platform/api-keys',
      ['standard_', 'h256'], var='APPWRITE_API_KEY', cat='cloud', host='cloud.appwrite.io')
    C('contentstack-management-token', 'Contentstack', 'Contentstack management token',
      'https://www.contentstack.com/docs/developers/create-tokens/about-management-tokens', ['cs', 'h32'],
      vendors=['contentstack'], keys=r'(?:management[_.-]?|delivery[_.-]?|api[_.-]?)?token', var='CONTENTSTACK_MANAGEMENT_TOKEN',
      cat='saas')
    C('strapi-api-token', 'Strapi', 'Strapi API token', 'https://docs.strapi.io/cms/features/api-tokens',
      ['h256'], vendors=['strapi'], keys=r'(?:api[_.-]?)?token', var='STRAPI_API_TOKEN', cat='saas')
    C('directus-static-token', 'Directus', 'Directus static access token', 'https://directus.io/docs/guides/auth/tokens-cookies',
      ['w32'], vendors=['directus'], keys=r'(?:static[_.-]?|access[_.-]?|admin[_.-]?)?token', var='DIRECTUS_TOKEN',
      var2='DIRECTUS_ADMIN_TOKEN', cat='saas', validator='letters_and_digits')
    C('prismic-access-token', 'Prismic', 'Prismic repository access token', 'https://prismic.io/docs/access-token',
      ['w80-120'], vendors=['prismic'], keys=r'(?:access[_.-]?|api[_.-]?|write[_.-]?)?token', var='PRISMIC_ACCESS_TOKEN',
      cat='saas', validator='letters_and_digits')
    C('zoho-client-secret', 'Zoho', 'Zoho API client secret', 'https://api-console.zoho.com/',
      ['h42'], vendors=['zoho'], keys=r'client[_.-]?secret', var='ZOHO_CLIENT_SECRET', cat='saas')
    C('keycloak-client-secret', 'Keycloak', 'Keycloak client secret', 'https://www.keycloak.org/docs/latest/server_admin/#_client-credentials',
      ['A32'], vendors=['keycloak', 'kc_'], keys=r'client[_.-]?secret|secret', var='KEYCLOAK_CLIENT_SECRET', var2='KC_CLIENT_SECRET',
      cat='identity', validator='letters_and_digits')
    C('cognito-client-secret', 'Amazon Web Services', 'Amazon Cognito app client secret',
      'https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-settings-client-apps.html', ['l51-52'],
      vendors=['cognito'], keys=r'(?:app[_.-]?)?client[_.-]?secret', var='COGNITO_CLIENT_SECRET', cat='identity',
      validator='letters_and_digits')
    X('nats-nkey-seed', 'NATS', 'NATS NKey seed (user, account, operator or server private seed)',
      'https://docs.nats.io/running-a-nats-service/configuration/securing_nats/auth_intro/nkey_auth',
      r"""(?<![A-Z0-9])(?P<secret>S[UAOCNX][A-Z2-7]{56})(?![A-Za-z0-9])""",
      keywords=['SU', 'SA', 'SO', 'SC', 'SN', 'SX'], cat='messaging', max_length=58, entropy=3.5, validator='nats_nkey_seed',
      examples=[f'-----BEGIN USER NKEY SEED-----\n{_nkey_seed("nk1", 20 << 3)}\n------END USER NKEY SEED------',
                f'NATS_NKEY_SEED={_nkey_seed("nk2", 0)}', f'  seed: "{_nkey_seed("nk3", 20 << 3)}"'],
      negatives=['NATS_NKEY_SEED=SU' + 'A' * 10, 'NATS_NKEY=UDXU4RCSJNZOIQHZNWXHXORDPRTGNJAHAHFRGZNEEJCPQTT2M7NLCNF4',
                 f'NATS_NKEY_SEED={_nkey_seed("nk4", 20 << 3)[:-1]}A', 'NATS_NKEY_SEED=<seed>'])
    C('consul-acl-token', 'HashiCorp', 'HashiCorp Consul ACL token', 'https://developer.hashicorp.com/consul/commands/acl/token/delete',
      UUID, vendors=['consul'], keys=r'(?:http[_.-]?|acl[_.-]?|master[_.-]?|agent[_.-]?)?token', var='CONSUL_HTTP_TOKEN', cat='infrastructure')
    C('nomad-acl-token', 'HashiCorp', 'HashiCorp Nomad ACL token', 'https://developer.hashicorp.com/nomad/commands/acl/token/delete',
      UUID, vendors=['nomad'], keys=r'(?:acl[_.-]?)?token', var='NOMAD_TOKEN', cat='infrastructure')
    P('rancher-api-token', 'SUSE', 'Rancher API bearer token', 'https://ranchermanager.docs.rancher.com/api/api-tokens',
      ['token-', 'l5', ':', 'l54'], var='RANCHER_TOKEN', cat='infrastructure', host='rancher.internal',
      validator='letters_and_digits')
    P('portainer-access-token', 'Portainer', 'Portainer API access token', 'https://docs.portainer.io/api/access',
      ['ptr_', 'b43'], var='PORTAINER_API_KEY', cat='infrastructure', host='portainer.internal', boundary='(?![A-Za-z0-9+/=_])')
    P('teamcity-access-token', 'JetBrains', 'TeamCity access token', 'https://www.jetbrains.com/help/teamcity/managing-your-user-account.html#Managing+Access+Tokens',
      ['eyJ0eXAiOiAiVENWMiJ9.', 'w36', '.', 'w48'], var='TEAMCITY_TOKEN', cat='ci', host='teamcity.internal')
    C('veracode-api-key-secret', 'Veracode', 'Veracode API key secret', 'https://docs.veracode.com/r/c_api_credentials3',
      ['h128'], vendors=['veracode'], keys=r'(?:api[_.-]?)?(?:key[_.-]?)?secret', var='VERACODE_API_KEY_SECRET', cat='security')
    C('crowdstrike-client-secret', 'CrowdStrike', 'CrowdStrike Falcon API client secret', 'https://falcon.crowdstrike.com/api-clients-and-keys/',
      ['A40'], vendors=['crowdstrike', 'falcon_client'], keys=r'client[_.-]?secret|secret', var='FALCON_CLIENT_SECRET',
      var2='CROWDSTRIKE_CLIENT_SECRET', cat='security', validator='letters_and_digits')
    C('viber-auth-token', 'Viber', 'Viber bot auth token', 'https://partners.viber.com/',
      ['l16', '-', 'l16', '-', 'l16'], vendors=['viber'], keys=r'(?:auth[_.-]?|bot[_.-]?)?token', var='VIBER_AUTH_TOKEN',
      cat='messaging', validator='letters_and_digits')
    P('akamai-edgegrid-token', 'Akamai', 'Akamai EdgeGrid client or access token', 'https://techdocs.akamai.com/developer/docs/manage-many-accounts-with-one-api-client',
      ['akab-', 'l16', '-', 'l16'], var='AKAMAI_CLIENT_TOKEN', cat='cloud', host='akab-host.luna.akamaiapis.net',
      severity='medium', validator='letters_and_digits')
    C('akamai-edgegrid-client-secret', 'Akamai', 'Akamai EdgeGrid client secret', 'https://techdocs.akamai.com/developer/docs/set-up-authentication-credentials',
      ['b43', '='], vendors=['akamai', 'edgegrid', 'edgerc'], keys=r'client[_.-]?secret', var='AKAMAI_CLIENT_SECRET', cat='cloud',
      validator='base64_key')
    C('namecheap-api-key', 'Namecheap', 'Namecheap API key', 'https://ap.www.namecheap.com/settings/tools/apiaccess/',
      ['h32'], vendors=['namecheap'], keys=r'(?:api[_.-]?)?key', var='NAMECHEAP_API_KEY', cat='cloud')
    C('godaddy-api-secret', 'GoDaddy', 'GoDaddy API secret', 'https://developer.godaddy.com/keys',
      ['A22'], vendors=['godaddy'], keys=r'(?:api[_.-]?)?secret', var='GODADDY_API_SECRET', cat='cloud',
      validator='letters_and_digits')
    P('porkbun-api-key', 'Porkbun', 'Porkbun API secret key', 'https://porkbun.com/account/api',
      ['sk1_', 'h64'], alts=[['pk1_', 'h64']], keywords=['sk1_', 'pk1_'], var='PORKBUN_SECRET_API_KEY', cat='cloud',
      host='api.porkbun.com')
    P('anyscale-api-key', 'Anyscale', 'Anyscale API key', 'https://console.anyscale.com/',
      ['esecret_', 'A24-40'], var='ANYSCALE_API_KEY', cat='ai', host='api.endpoints.anyscale.com')
    C('deepinfra-api-key', 'DeepInfra', 'DeepInfra API token', 'https://deepinfra.com/dash/api_keys',
      ['A32'], vendors=['deepinfra'], keys=r'(?:api[_.-]?)?(?:key|token)', var='DEEPINFRA_API_KEY', var2='DEEPINFRA_TOKEN', cat='ai',
      validator='letters_and_digits')
    C('weaviate-api-key', 'Weaviate', 'Weaviate Cloud API key', 'https://weaviate.io/developers/wcs/manage-clusters/connect',
      ['A40-48'], vendors=['weaviate', 'wcd_'], keys=r'(?:api[_.-]?|admin[_.-]?)?key', var='WEAVIATE_API_KEY', cat='ai',
      validator='letters_and_digits')
    C('qdrant-api-key', 'Qdrant', 'Qdrant Cloud API key', 'https://qdrant.tech/documentation/cloud/authentication/',
      ['w32-64'], vendors=['qdrant'], keys=r'(?:api[_.-]?)?key', var='QDRANT_API_KEY', cat='ai', validator='letters_and_digits')
    C('exa-api-key', 'Exa', 'Exa search API key', 'https://dashboard.exa.ai/api-keys',
      UUID, vendors=['exa'], keys=r'(?:api[_.-]?)?key', var='EXA_API_KEY', cat='ai')
    C('serper-api-key', 'Serper', 'Serper.dev API key', 'https://serper.dev/api-key',
      ['h40'], vendors=['serper'], keys=r'(?:api[_.-]?)?key', var='SERPER_API_KEY', cat='ai')
    C('bing-search-api-key', 'Microsoft', 'Bing Search API subscription key', 'https://portal.azure.com/',
      ['h32'], vendors=['bing'], keys=r'(?:api[_.-]?)?key', var='BING_SEARCH_API_KEY',
      var2='BING_SUBSCRIPTION_KEY', cat='ai')
    C('gladia-api-key', 'Gladia', 'Gladia API key', 'https://app.gladia.io/apikeys',
      UUID, vendors=['gladia'], keys=r'(?:api[_.-]?)?key', var='GLADIA_API_KEY', cat='ai')
    C('hume-api-key', 'Hume AI', 'Hume AI API key or secret', 'https://platform.hume.ai/settings/keys',
      ['A48'], vendors=['hume'], keys=r'(?:api[_.-]?|secret[_.-]?)?(?:key|secret)', var='HUME_API_KEY', var2='HUME_SECRET_KEY',
      cat='ai', validator='letters_and_digits')
    C('runway-api-secret', 'Runway', 'Runway API secret', 'https://dev.runwayml.com/',
      ['key_', 'h128'], vendors=['runway'], keys=r'(?:api[_.-]?)?(?:secret|key)', var='RUNWAYML_API_SECRET', cat='ai')
    C('fal-api-key', 'fal', 'fal.ai API key', 'https://fal.ai/dashboard/keys',
      [UUID, ':', 'h32'], vendors=['fal_key', 'fal_api', 'fal-ai', 'fal.ai', 'falai'], keys=r'|(?:api[_.-]?)?key',
      var='FAL_KEY', var2='FAL_API_KEY', cat='ai')
    C('leonardo-api-key', 'Leonardo.Ai', 'Leonardo.Ai API key', 'https://app.leonardo.ai/settings',
      UUID, vendors=['leonardo'], keys=r'(?:api[_.-]?)?key', var='LEONARDO_API_KEY', cat='ai')
    C('authorize-net-transaction-key', 'Authorize.net', 'Authorize.net transaction key', 'https://account.authorize.net/',
      ['A16'], vendors=['authorizenet', 'authorize_net', 'authnet', 'anet'], keys=r'transaction[_.-]?key', var='AUTHORIZENET_TRANSACTION_KEY',
      var2='ANET_TRANSACTION_KEY', cat='payments', validator='letters_and_digits')
    C('taxjar-api-token', 'TaxJar', 'TaxJar API token', 'https://app.taxjar.com/account#api-access',
      ['h32'], vendors=['taxjar'], keys=r'(?:api[_.-]?)?(?:token|key)', var='TAXJAR_API_TOKEN', cat='payments')
    P('aftership-api-key', 'AfterShip', 'AfterShip API key', 'https://admin.aftership.com/settings/api-keys',
      ['asat_', 'h32'], var='AFTERSHIP_API_KEY', cat='payments', host='api.aftership.com')
    C('cashfree-client-secret', 'Cashfree', 'Cashfree Payments client secret', 'https://merchant.cashfree.com/merchants/pg/developers/api-keys',
      ['cfsk_ma_prod_', 'h32', '_', 'h8'], vendors=['cashfree'], keys=r'(?:client[_.-]?)?secret(?:[_.-]?key)?', var='CASHFREE_CLIENT_SECRET',
      cat='payments')
    C('victorops-api-key', 'Splunk', 'Splunk On-Call (VictorOps) API key', 'https://help.victorops.com/knowledge-base/api/',
      ['h32'], vendors=['victorops', 'splunk_oncall'], keys=r'(?:api[_.-]?)?key', var='VICTOROPS_API_KEY', cat='observability')
    # ------------------------------------------------------------------ third batch
    for (rid, name, words, var, host) in [
            ('ipstack', 'ipstack', ['ipstack'], 'IPSTACK_ACCESS_KEY', 'ipstack.com'),
            ('marketstack', 'marketstack', ['marketstack'], 'MARKETSTACK_ACCESS_KEY', 'marketstack.com'),
            ('mediastack', 'mediastack', ['mediastack'], 'MEDIASTACK_ACCESS_KEY', 'mediastack.com'),
            ('numverify', 'numverify', ['numverify'], 'NUMVERIFY_ACCESS_KEY', 'numverify.com'),
            ('positionstack', 'positionstack', ['positionstack'], 'POSITIONSTACK_ACCESS_KEY', 'positionstack.com'),
            ('aviationstack', 'aviationstack', ['aviationstack'], 'AVIATIONSTACK_ACCESS_KEY', 'aviationstack.com'),
            ('currencylayer', 'currencylayer', ['currencylayer'], 'CURRENCYLAYER_ACCESS_KEY', 'currencylayer.com'),
            ('coinlayer', 'coinlayer', ['coinlayer'], 'COINLAYER_ACCESS_KEY', 'coinlayer.com'),
            ('serpstack', 'serpstack', ['serpstack'], 'SERPSTACK_ACCESS_KEY', 'serpstack.com'),
            ('userstack', 'userstack', ['userstack'], 'USERSTACK_ACCESS_KEY', 'userstack.com'),
            ('scrapestack', 'scrapestack', ['scrapestack'], 'SCRAPESTACK_ACCESS_KEY', 'scrapestack.com'),
            ('fixer', 'Fixer', ['fixer'], 'FIXER_ACCESS_KEY', 'fixer.io'),
            ('vatlayer', 'vatlayer', ['vatlayer'], 'VATLAYER_ACCESS_KEY', 'vatlayer.com'),
            ('mailboxlayer', 'mailboxlayer', ['mailboxlayer'], 'MAILBOXLAYER_ACCESS_KEY', 'mailboxlayer.com'),
    ]:
        C(f'{rid}-access-key', name, f'{name} (apilayer) API access key', f'https://{host}/dashboard',
          ['h32'], vendors=words, keys=r'(?:access[_.-]?|api[_.-]?)?key', var=var, cat='data')
    C('abstract-api-key', 'Abstract API', 'Abstract API key', 'https://app.abstractapi.com/dashboard',
      ['h32'], vendors=['abstractapi', 'abstract_api'], keys=r'(?:api[_.-]?)?key', var='ABSTRACT_API_KEY', cat='data')
    C('accuweather-api-key', 'AccuWeather', 'AccuWeather API key', 'https://developer.accuweather.com/user/me/apps',
      ['A32'], vendors=['accuweather'], keys=r'(?:api[_.-]?)?key', var='ACCUWEATHER_API_KEY', cat='maps',
      validator='letters_and_digits')
    C('airship-master-secret', 'Airship', 'Airship (Urban Airship) master secret',
      'https://docs.airship.com/guides/admin/security/app-keys-and-secrets/', ['w22'], vendors=['airship', 'urbanairship'],
      keys=r'(?:master[_.-]?|app[_.-]?)?secret', var='AIRSHIP_MASTER_SECRET', var2='URBANAIRSHIP_MASTER_SECRET', cat='messaging',
      validator='letters_and_digits')
    C('alienvault-otx-api-key', 'LevelBlue', 'AlienVault OTX API key', 'https://otx.alienvault.com/settings',
      ['h64'], vendors=['alienvault', 'otx'], keys=r'(?:api[_.-]?)?key', var='OTX_API_KEY', var2='ALIENVAULT_OTX_KEY', cat='security')
    C('amadeus-api-secret', 'Amadeus', 'Amadeus for Developers API secret', 'https://developers.amadeus.com/my-apps',
      ['A16'], vendors=['amadeus'], keys=r'(?:api[_.-]?|client[_.-]?)?secret', var='AMADEUS_CLIENT_SECRET', cat='saas',
      validator='letters_and_digits')
    C('autodesk-client-secret', 'Autodesk', 'Autodesk Platform Services client secret', 'https://aps.autodesk.com/myapps/',
      ['A16-64'], vendors=['autodesk', 'forge', 'aps_'], keys=r'client[_.-]?secret', var='APS_CLIENT_SECRET',
      var2='AUTODESK_CLIENT_SECRET', cat='saas', validator='letters_and_digits')
    C('bitmex-api-secret', 'BitMEX', 'BitMEX API secret', 'https://www.bitmex.com/app/apiKeys',
      ['w48'], vendors=['bitmex'], keys=r'(?:api[_.-]?)?secret', var='BITMEX_API_SECRET', cat='crypto',
      validator='letters_and_digits')
    C('browserstack-access-key', 'BrowserStack', 'BrowserStack access key', 'https://www.browserstack.com/accounts/settings',
      ['A20'], vendors=['browserstack'], keys=r'(?:access[_.-]?)?key', var='BROWSERSTACK_ACCESS_KEY', cat='ci',
      validator='letters_and_digits')
    C('saucelabs-access-key', 'Sauce Labs', 'Sauce Labs access key', 'https://app.saucelabs.com/user-settings',
      UUID, vendors=['sauce'], keys=r'(?:access[_.-]?)?key', var='SAUCE_ACCESS_KEY', var2='SAUCELABS_ACCESS_KEY', cat='ci')
    C('lambdatest-access-key', 'LambdaTest', 'LambdaTest (TestMu) access key', 'https://accounts.lambdatest.com/security',
      ['A50'], vendors=['lambdatest', 'lt_access'], keys=r'(?:access[_.-]?)?key', var='LT_ACCESS_KEY', var2='LAMBDATEST_ACCESS_KEY',
      cat='ci', validator='letters_and_digits')
    C('chartmogul-api-key', 'ChartMogul', 'ChartMogul API key', 'https://app.chartmogul.com/#/admin/api',
      ['h32'], vendors=['chartmogul'], keys=r'(?:api[_.-]?)?key', var='CHARTMOGUL_API_KEY', cat='data')
    C('codacy-api-token', 'Codacy', 'Codacy API or project token', 'https://app.codacy.com/account/access-management',
      ['A20-32'], vendors=['codacy'], keys=r'(?:api[_.-]?|project[_.-]?|account[_.-]?)?token', var='CODACY_PROJECT_TOKEN',
      var2='CODACY_API_TOKEN', cat='ci', validator='letters_and_digits')
    C('codeclimate-reporter-id', 'Qlty', 'Code Climate / Qlty test reporter ID', 'https://codeclimate.com/',
      ['h64'], vendors=['codeclimate', 'cc_test'], keys=r'reporter[_.-]?id|token', var='CC_TEST_REPORTER_ID', cat='ci')
    C('crowdin-access-token', 'Crowdin', 'Crowdin personal access token', 'https://crowdin.com/settings#api-key',
      ['h80'], vendors=['crowdin'], keys=r'(?:personal[_.-]?|api[_.-]?)?(?:access[_.-]?)?(?:token|key)',
      var='CROWDIN_PERSONAL_TOKEN', cat='saas')
    C('cryptocompare-api-key', 'CryptoCompare', 'CryptoCompare API key', 'https://www.cryptocompare.com/cryptopian/api-keys',
      ['h64'], vendors=['cryptocompare'], keys=r'(?:api[_.-]?)?key', var='CRYPTOCOMPARE_API_KEY', cat='crypto')
    C('docusign-secret-key', 'DocuSign', 'DocuSign integration secret key', 'https://admindemo.docusign.com/apps-and-keys',
      UUID, vendors=['docusign'], keys=r'(?:client[_.-]?|integration[_.-]?)?secret(?:[_.-]?key)?', var='DOCUSIGN_CLIENT_SECRET',
      cat='saas')
    C('dwolla-api-secret', 'Dwolla', 'Dwolla API secret', 'https://dashboard.dwolla.com/applications',
      ['A50'], vendors=['dwolla'], keys=r'(?:api[_.-]?|client[_.-]?|app[_.-]?)?secret', var='DWOLLA_SECRET', cat='payments',
      validator='letters_and_digits')
    C('eventbrite-private-token', 'Eventbrite', 'Eventbrite private token', 'https://www.eventbrite.com/platform/api-keys',
      ['U20'], vendors=['eventbrite'], keys=r'(?:private[_.-]?|oauth[_.-]?|api[_.-]?)?(?:token|key)', var='EVENTBRITE_PRIVATE_TOKEN',
      cat='saas', validator='letters_and_digits')
    C('foursquare-client-secret', 'Foursquare', 'Foursquare client secret or Places API key', 'https://foursquare.com/developers/home',
      ['U48'], vendors=['foursquare'], keys=r'client[_.-]?secret|(?:api[_.-]?)?key', var='FOURSQUARE_CLIENT_SECRET', cat='maps',
      validator='letters_and_digits')
    C('hellosign-api-key', 'Dropbox', 'Dropbox Sign (HelloSign) API key', 'https://app.hellosign.com/home/myAccount#api',
      ['h64'], vendors=['hellosign', 'dropbox_sign', 'dropboxsign'], keys=r'(?:api[_.-]?)?key', var='HELLOSIGN_API_KEY', cat='saas')
    X('harvest-personal-access-token', 'Harvest', 'Harvest personal access token', 'https://id.getharvest.com/developers',
      r"""(?<![A-Za-z0-9.])(?P<secret>[0-9]{5,9}\.pt\.[A-Za-z0-9_-]{86})(?![A-Za-z0-9_-])""",
      keywords=['.pt.'], cat='saas', max_length=100, entropy=3.5,
      examples=[f'HARVEST_ACCESS_TOKEN=2314556.pt.{_g("hv1", "w86")}',
                f'curl -H "Authorization: Bearer 987123.pt.{_g("hv2", "w86")}" -H "Harvest-Account-ID: 12345" https://api.harvestapp.com/v2/users/me'],
      negatives=['HARVEST_ACCESS_TOKEN=2314556.pt.<token>', 'HARVEST_ACCESS_TOKEN=2314556.pt.abc', 'version = "2314556.pt.ok"'])
    P('imagekit-private-key', 'ImageKit', 'ImageKit private API key', 'https://imagekit.io/dashboard/developer/api-keys',
      ['private_', 'b27', '='], var='IMAGEKIT_PRIVATE_KEY', cat='media', host='api.imagekit.io', boundary='(?![A-Za-z0-9+/=])')
    C('ipinfo-access-token', 'IPinfo', 'IPinfo access token', 'https://ipinfo.io/account/token',
      ['h14'], vendors=['ipinfo'], keys=r'(?:access[_.-]?|api[_.-]?)?(?:token|key)', var='IPINFO_TOKEN', cat='data', entropy=2.5)
    C('ipgeolocation-api-key', 'IPGeolocation', 'ipgeolocation.io API key', 'https://app.ipgeolocation.io/',
      ['h32'], vendors=['ipgeolocation'], keys=r'(?:api[_.-]?)?key', var='IPGEOLOCATION_API_KEY', cat='data')
    C('lastfm-api-secret', 'Last.fm', 'Last.fm API shared secret', 'https://www.last.fm/api/accounts',
      ['h32'], vendors=['lastfm', 'last_fm'], keys=r'(?:api[_.-]?|shared[_.-]?)?secret', var='LASTFM_API_SECRET', cat='media')
    C('lokalise-api-token', 'Lokalise', 'Lokalise API token', 'https://app.lokalise.com/profile#apitokens',
      ['h40'], vendors=['lokalise'], keys=r'(?:api[_.-]?)?token', var='LOKALISE_API_TOKEN', cat='saas')
    C('mapquest-api-key', 'MapQuest', 'MapQuest API key', 'https://developer.mapquest.com/user/me/apps',
      ['A32'], vendors=['mapquest'], keys=r'(?:api[_.-]?|consumer[_.-]?)?(?:key|secret)', var='MAPQUEST_API_KEY', cat='maps',
      validator='letters_and_digits')
    C('oanda-api-token', 'OANDA', 'OANDA v20 API access token', 'https://www.oanda.com/account/tpa/personal_token',
      ['h32', '-', 'h32'], vendors=['oanda'], keys=r'(?:access[_.-]?|api[_.-]?)?(?:token|key)', var='OANDA_API_TOKEN', cat='crypto')
    C('pandadoc-api-key', 'PandaDoc', 'PandaDoc API key', 'https://app.pandadoc.com/a/#/settings/integrations/api',
      ['h40'], vendors=['pandadoc'], keys=r'(?:api[_.-]?)?key', var='PANDADOC_API_KEY', cat='saas')
    C('pastebin-api-key', 'Pastebin', 'Pastebin developer API key', 'https://pastebin.com/doc_api',
      ['w32'], vendors=['pastebin'], keys=r'(?:api[_.-]?)?(?:dev[_.-]?)?key', var='PASTEBIN_API_KEY', cat='saas',
      validator='letters_and_digits')
    C('percy-token', 'BrowserStack', 'Percy project token', 'https://www.browserstack.com/docs/percy/get-started/set-env-var',
      ['h64'], vendors=['percy'], keys=r'token', var='PERCY_TOKEN', cat='ci')
    C('pixabay-api-key', 'Pixabay', 'Pixabay API key', 'https://pixabay.com/api/docs/',
      ['d8', '-', 'h25'], vendors=['pixabay'], keys=r'(?:api[_.-]?)?key', var='PIXABAY_API_KEY', cat='media')
    C('poloniex-api-secret', 'Poloniex', 'Poloniex API secret', 'https://poloniex.com/apikeys',
      ['h128'], vendors=['poloniex'], keys=r'(?:api[_.-]?)?secret', var='POLONIEX_API_SECRET', cat='crypto')
    C('ringcentral-client-secret', 'RingCentral', 'RingCentral app client secret', 'https://developers.ringcentral.com/console',
      ['w22'], vendors=['ringcentral'], keys=r'client[_.-]?secret', var='RINGCENTRAL_CLIENT_SECRET', cat='messaging',
      validator='letters_and_digits')
    C('rebrandly-api-key', 'Rebrandly', 'Rebrandly API key', 'https://app.rebrandly.com/account/api',
      ['h32'], vendors=['rebrandly'], keys=r'(?:api[_.-]?)?key', var='REBRANDLY_API_KEY', cat='saas')
    C('signalwire-api-token', 'SignalWire', 'SignalWire API token', 'https://signalwire.com/',
      ['PT', 'h48'], vendors=['signalwire'], keys=r'(?:api[_.-]?|auth[_.-]?)?token', var='SIGNALWIRE_TOKEN', cat='messaging')
    C('scrapingbee-api-key', 'ScrapingBee', 'ScrapingBee API key', 'https://app.scrapingbee.com/account/manage/api_key',
      ['U80'], vendors=['scrapingbee'], keys=r'(?:api[_.-]?)?key', var='SCRAPINGBEE_API_KEY', cat='devtools',
      validator='letters_and_digits')
    P('scrapfly-api-key', 'Scrapfly', 'Scrapfly API key', 'https://scrapfly.io/dashboard',
      ['scp-live-', 'h32'], alts=[['scp-test-', 'h32']], keywords=['scp-live-', 'scp-test-'], var='SCRAPFLY_KEY', cat='devtools',
      host='api.scrapfly.io')
    C('zenrows-api-key', 'ZenRows', 'ZenRows API key', 'https://app.zenrows.com/builder',
      ['h40'], vendors=['zenrows'], keys=r'(?:api[_.-]?)?key', var='ZENROWS_API_KEY', cat='devtools')
    C('smartystreets-auth-token', 'Smarty', 'Smarty (SmartyStreets) auth token', 'https://www.smarty.com/account/keys',
      ['A20'], vendors=['smarty'], keys=r'auth[_.-]?token', var='SMARTY_AUTH_TOKEN', cat='maps', validator='letters_and_digits')
    C('spoonacular-api-key', 'spoonacular', 'spoonacular API key', 'https://spoonacular.com/food-api/console#Profile',
      ['h32'], vendors=['spoonacular'], keys=r'(?:api[_.-]?)?key', var='SPOONACULAR_API_KEY', cat='data')
    C('strava-client-secret', 'Strava', 'Strava API client secret', 'https://www.strava.com/settings/api',
      ['h40'], vendors=['strava'], keys=r'client[_.-]?secret|(?:access|refresh)[_.-]?token', var='STRAVA_CLIENT_SECRET', cat='social')
    C('tiingo-api-key', 'Tiingo', 'Tiingo API token', 'https://www.tiingo.com/account/api/token',
      ['h40'], vendors=['tiingo'], keys=r'(?:api[_.-]?)?(?:key|token)', var='TIINGO_API_KEY', cat='crypto')
    C('toggl-api-token', 'Toggl', 'Toggl Track API token', 'https://track.toggl.com/profile',
      ['h32'], vendors=['toggl'], keys=r'(?:api[_.-]?)?token', var='TOGGL_API_TOKEN', cat='saas')
    C('twelvedata-api-key', 'Twelve Data', 'Twelve Data API key', 'https://twelvedata.com/account/api-keys',
      ['h32'], vendors=['twelvedata', 'twelve_data'], keys=r'(?:api[_.-]?)?key', var='TWELVEDATA_API_KEY', cat='crypto')
    C('webflow-api-token', 'Webflow', 'Webflow API token', 'https://webflow.com/dashboard/account/integrations',
      ['h64'], vendors=['webflow'], keys=r'(?:api[_.-]?|site[_.-]?)?token', var='WEBFLOW_API_TOKEN', cat='saas')
    C('wistia-api-token', 'Wistia', 'Wistia API token', 'https://wistia.com/support/developers/making-api-requests',
      ['h64'], vendors=['wistia'], keys=r'(?:api[_.-]?)?(?:token|password)', var='WISTIA_API_TOKEN', cat='media')
    C('wit-ai-server-token', 'Meta', 'Wit.ai server access token', 'https://wit.ai/apps',
      ['U32'], vendors=['wit_ai', 'witai', 'wit-ai', 'wit_server', 'wit_access'], keys=r'(?:server[_.-]?)?(?:access[_.-]?)?token',
      var='WIT_AI_SERVER_TOKEN', cat='ai', validator='letters_and_digits')
    C('yelp-api-key', 'Yelp', 'Yelp Fusion API key', 'https://www.yelp.com/developers/v3/manage_app',
      ['w128'], vendors=['yelp'], keys=r'(?:api[_.-]?|fusion[_.-]?)?key', var='YELP_API_KEY', cat='data',
      validator='letters_and_digits')
    C('webex-access-token', 'Cisco', 'Webex bot or personal access token', 'https://developer.webex.com/my-apps',
      ['A64', '_', 'U4', '_', UUID], vendors=['webex'], keys=r'(?:bot[_.-]?|access[_.-]?|api[_.-]?)?token',
      var='WEBEX_BOT_TOKEN', var2='WEBEX_ACCESS_TOKEN', cat='messaging')
    P('courier-auth-token', 'Courier', 'Courier API auth token', 'https://app.courier.com/settings/api-keys',
      ['pk_prod_', 'U28'], var='COURIER_AUTH_TOKEN',
      cat='messaging', host='api.courier.com', validator='letters_and_digits')
    C('novu-api-key', 'Novu', 'Novu API secret key', 'https://dashboard.novu.co/api-keys',
      ['h32'], vendors=['novu'], keys=r'(?:api[_.-]?|secret[_.-]?)?key', var='NOVU_SECRET_KEY', var2='NOVU_API_KEY', cat='messaging')
    C('uploadcare-secret-key', 'Uploadcare', 'Uploadcare secret key', 'https://app.uploadcare.com/projects/-/api-keys/',
      ['h20'], vendors=['uploadcare'], keys=r'secret(?:[_.-]?key)?', var='UPLOADCARE_SECRET_KEY', cat='media')
    C('transloadit-auth-secret', 'Transloadit', 'Transloadit auth secret', 'https://transloadit.com/c/-/api-credentials',
      ['h40'], vendors=['transloadit'], keys=r'(?:auth[_.-]?)?secret', var='TRANSLOADIT_SECRET', cat='media')
    C('digitalocean-spaces-secret', 'DigitalOcean', 'DigitalOcean Spaces secret access key',
      'https://cloud.digitalocean.com/spaces/access_keys', ['b43'], vendors=['spaces', 'do_spaces'],
      keys=r'secret(?:[_.-]?access)?(?:[_.-]?key)?', var='SPACES_SECRET_KEY', var2='DO_SPACES_SECRET', cat='cloud',
      validator='letters_and_digits')
    C('cloudflare-r2-secret-access-key', 'Cloudflare', 'Cloudflare R2 secret access key',
      'https://developers.cloudflare.com/r2/api/tokens/', ['h64'], vendors=['r2_', 'cloudflare_r2', 'cf_r2', 'r2-'],
      keys=r'secret(?:[_.-]?access)?[_.-]?key', var='R2_SECRET_ACCESS_KEY', var2='CLOUDFLARE_R2_SECRET_ACCESS_KEY', cat='cloud')
    C('pythonanywhere-api-token', 'PythonAnywhere', 'PythonAnywhere API token', 'https://www.pythonanywhere.com/account/#api_token',
      ['h40'], vendors=['pythonanywhere'], keys=r'(?:api[_.-]?)?token', var='PYTHONANYWHERE_API_TOKEN', cat='cloud')
    P('xata-api-key', 'Xata', 'Xata API key', 'https://app.xata.io/settings',
      ['xau_', 'A32-40'], var='XATA_API_KEY', cat='data', host='api.xata.io')
    P('inngest-signing-key', 'Inngest', 'Inngest signing key', 'https://app.inngest.com/env/production/manage/signing-key',
      ['signkey-prod-', 'h64'], alts=[['signkey-test-', 'h64'], ['signkey-branch-', 'h64']], keywords=['signkey-'],
      var='INNGEST_SIGNING_KEY', cat='devtools', host='api.inngest.com')
    P('trigger-dev-secret-key', 'Trigger.dev', 'Trigger.dev secret key', 'https://cloud.trigger.dev/',
      ['tr_prod_', 'A20-40'], alts=[['tr_dev_', 'A20-40'], ['tr_stg_', 'A20-40']], keywords=['tr_prod_', 'tr_dev_', 'tr_stg_'],
      var='TRIGGER_SECRET_KEY', cat='devtools', host='api.trigger.dev')

    def qstash(rng: random.Random) -> str:
        doc = '{"UserID":"%s","Password":"%s"}' % (ruuid(rng), rs(rng, '0123456789abcdef', 32))
        return base64.b64encode(doc.encode()).decode().rstrip('=')
    P('upstash-qstash-token', 'Upstash', 'Upstash QStash token (base64 JSON with user ID and password)',
      'https://console.upstash.com/qstash', ['eyJVc2VySUQiOi', 'b60-200'], secret_fn=qstash, var='QSTASH_TOKEN', cat='data',
      host='qstash.upstash.io', boundary='(?![A-Za-z0-9+/=])')
    X('make-webhook-url', 'Make', 'Make (Integromat) webhook URL', 'https://www.make.com/en/help/tools/webhooks',
      r"""https://hook\.(?:[a-z0-9]{2,4}\.)?(?:make\.com|integromat\.com)/(?P<secret>[a-z0-9]{32})""",
      keywords=['make.com/', 'integromat.com/'], cat='messaging', max_length=90, entropy=3.0,
      examples=[f'MAKE_WEBHOOK=https://hook.eu2.make.com/{_g("mk1", "h32")}', f'  url: "https://hook.us1.make.com/{_g("mk2", "h32")}"'],
      negatives=['MAKE_WEBHOOK=https://hook.eu2.make.com/<id>', 'see https://www.make.com/en/help'])
    X('tines-webhook-url', 'Tines', 'Tines webhook action URL with its secret', 'https://www.tines.com/docs/actions/types/webhook/',
      r"""https://[a-z0-9-]{2,63}\.tines\.(?:com|io)/webhook/[a-f0-9]{32}/(?P<secret>[a-f0-9]{32})""",
      keywords=['.tines.'], cat='messaging', max_length=140, entropy=3.0,
      examples=[f'TINES_WEBHOOK=https://acme.tines.com/webhook/{_g("tn1", "h32")}/{_g("tn2", "h32")}',
                f'  url: "https://tenant-42.tines.com/webhook/{_g("tn3", "h32")}/{_g("tn4", "h32")}"'],
      negatives=['TINES_WEBHOOK=https://acme.tines.com/webhook/<path>/<secret>', 'https://acme.tines.com/'])
    X('rocketchat-webhook-url', 'Rocket.Chat', 'Rocket.Chat incoming webhook URL with its token',
      'https://docs.rocket.chat/docs/integrations',
      r"""https?://[A-Za-z0-9.-]{3,253}(?::[0-9]{2,5})?/hooks/[A-Za-z0-9]{17}/(?P<secret>[A-Za-z0-9]{48})(?![A-Za-z0-9])""",
      keywords=['/hooks/'], cat='messaging', max_length=340, entropy=3.5,
      examples=[f'ROCKETCHAT_URL=https://chat.acme.io/hooks/{_g("rc1", "A17")}/{_g("rc2", "A48")}',
                f'  webhook: "https://rocket.internal:3000/hooks/{_g("rc3", "A17")}/{_g("rc4", "A48")}"'],
      negatives=['ROCKETCHAT_URL=https://chat.acme.io/hooks/<id>/<token>', 'https://chat.acme.io/hooks/abc/def'])
    X('convex-deploy-key', 'Convex', 'Convex deploy key', 'https://docs.convex.dev/production/hosting/',
      r"""(?<![A-Za-z0-9_-])(?P<secret>(?:prod|dev|preview|project):[a-z0-9-]{3,64}\|[A-Za-z0-9+/=_-]{40,200})(?![A-Za-z0-9+/=_-])""",
      keywords=['prod:', 'dev:', 'preview:', 'project:'], cat='cloud', max_length=280, entropy=3.5,
      examples=[f'CONVEX_DEPLOY_KEY="prod:happy-otter-123|{_g("cv1", "b80")}"',
                f'  CONVEX_DEPLOY_KEY: preview:team-acme:web|{_g("cv2", "b80")}'.replace('team-acme:web', 'team-acme-web')],
      negatives=['CONVEX_DEPLOY_KEY="prod:happy-otter-123|<key>"', 'mode = "prod:fast|slow"'])
    # ------------------------------------------------------------------ framework and device configuration secrets
    DJ = 'abcdefghijklmnopqrstuvwxyz0123456789!@#$%^&*(-_=+)'
    r = rng_for('django')
    dj = [rs(r, DJ.replace('$', ''), 50) for _ in range(4)]
    X('django-insecure-secret-key', 'Django', 'Django SECRET_KEY generated by startproject (django-insecure- prefix)',
      'https://docs.djangoproject.com/en/stable/ref/settings/#secret-key-fallbacks',
      r"""(?<![A-Za-z0-9_-])(?P<secret>django-insecure-[a-z0-9!@#$%^&*(\-_=+)]{50})(?=["'`\s]|\Z)""",
      keywords=['django-insecure-'], cat='framework', max_length=66, entropy=3.5,
      examples=[f"SECRET_KEY = 'django-insecure-{dj[3]}'", f'DJANGO_SECRET_KEY="django-insecure-{dj[0][::-1]}"',
                f'  secret_key: django-insecure-{dj[1][::-1]}'],
      negatives=["SECRET_KEY = 'django-insecure-abc'", "SECRET_KEY = 'django-insecure-<generate-one>'",
                 "SECRET_KEY = 'django-insecure-" + "x" * 50 + "'"])
    X('django-secret-key', 'Django', 'Django SECRET_KEY (50 characters of get_random_secret_key) in settings',
      'https://docs.djangoproject.com/en/stable/ref/settings/#secret-key-fallbacks',
      r"""(?<![A-Za-z0-9_])(?:DJANGO_)?SECRET_KEY["']?\s{0,3}[:=]\s{0,3}(?:os\.environ\.get\(\s{0,3}["'][A-Z_]{1,40}["']\s{0,3},\s{0,3})?["'](?P<secret>[a-z0-9!@#$%^&*(\-_=+)]{50})["']""",
      keywords=['secret_key'], cat='framework', max_length=160, entropy=4.0, validator='letters_and_digits',
      examples=[f"SECRET_KEY = '{dj[0]}'", f'SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "{dj[1]}")',
                f"DJANGO_SECRET_KEY='{dj[2]}'"],
      negatives=["SECRET_KEY = os.environ['DJANGO_SECRET_KEY']", "SECRET_KEY = 'abcdefghijklmnopqrstuvwxyz'",
                 f"OTHER_KEY = '{dj[3]}'"])
    r = rng_for('rails')
    rl = [rs(r, HEX, 128) for _ in range(3)]
    X('rails-secret-key-base', 'Ruby on Rails', 'Rails secret_key_base', 'https://guides.rubyonrails.org/security.html#environmental-security',
      r"""(?i:secret_key_base)["']?\s{0,3}[:=]\s{0,3}["']?(?P<secret>[a-f0-9]{128})(?![A-Za-z0-9])""",
      keywords=['secret_key_base'], cat='framework', max_length=160, entropy=3.5,
      examples=[f'production:\n  secret_key_base: {rl[0]}', f'SECRET_KEY_BASE={rl[1]}',
                f'config.secret_key_base = "{rl[2]}"'],
      negatives=['  secret_key_base: <%= ENV["SECRET_KEY_BASE"] %>', 'SECRET_KEY_BASE=changeme', f'cache_digest = "{rl[0]}"'])
    # Only secret_key_base: the signing and encryption salts beside it are committed by Phoenix's own
    # generators (config.exs, endpoint.ex) and are not secret by design (held-out 13: hexpm).
    X('phoenix-secret-key-base', 'Phoenix', 'Phoenix / Elixir secret_key_base in config',
      'https://hexdocs.pm/phoenix/deployment.html#handling-of-your-application-secrets',
      r"""secret_key_base:\s{0,3}"(?P<secret>[A-Za-z0-9+/]{32,64})\"""",
      keywords=['secret_key_base'], cat='framework', max_length=100, entropy=4.0,
      validator='letters_and_digits',
      examples=[f'  secret_key_base: "{_g("px1", "b64")}",',
                f'config :hexpm, HexpmWeb.Endpoint, secret_key_base: "{_g("px3", "b64")}"'],
      negatives=['  secret_key_base: System.get_env("SECRET_KEY_BASE"),',
                 f'  live_view: [signing_salt: "{_g("px2", "A32")}"]',
                 '  secret_key_base: "<generate with mix phx.gen.secret>"'])
    X('symfony-app-secret', 'Symfony', 'Symfony APP_SECRET', 'https://symfony.com/doc/current/reference/configuration/framework.html#secret',
      r"""(?<![A-Za-z0-9_.-])(?i:app_secret)["']?\s{0,3}[:=]\s{0,3}["']?(?P<secret>[a-f0-9]{32})(?![A-Za-z0-9])""",
      keywords=['app_secret'], cat='framework', max_length=60, entropy=3.0,
      examples=[f'APP_SECRET={_g("sy1", "h32")}', f'export APP_SECRET="{_g("sy2", "h32")}"', f"  app_secret: '{_g('sy3', 'h32')}'"],
      negatives=['APP_SECRET=%env(APP_SECRET)%', 'APP_SECRET=changeme', f'FACEBOOK_APP_SECRET={_g("sy4", "h32")}'])
    X('authjs-secret', 'Auth.js', 'Auth.js / NextAuth.js secret', 'https://authjs.dev/getting-started/deployment#auth_secret',
      r"""(?<![A-Za-z0-9_.-])(?i:nextauth_secret|auth_secret)["']?\s{0,3}[:=]\s{0,3}["']?(?P<secret>[A-Za-z0-9+/_-]{32,88}={0,2})(?![A-Za-z0-9+/=_-])""",
      keywords=['nextauth_secret', 'auth_secret'], cat='framework', max_length=120, entropy=3.5, validator='letters_and_digits',
      examples=[f'NEXTAUTH_SECRET={_g("na1", "b44")}', f'AUTH_SECRET="{_g("na2", "w43")}"'],
      negatives=['NEXTAUTH_SECRET=$(openssl rand -base64 32)', 'AUTH_SECRET=<generate-with-npx-auth-secret>',
                 f'OAUTH_SECRET={_g("na3", "b44")}', f'CLIENT_AUTH_SECRET={_g("na4", "b44")}'])
    r = rng_for('machinekey')
    mk = [(rs(r, '0123456789ABCDEF', 128), rs(r, '0123456789ABCDEF', 64)) for _ in range(2)]
    X('aspnet-machine-key', 'Microsoft', 'ASP.NET <machineKey> validation or decryption key',
      'https://learn.microsoft.com/en-us/aspnet/whitepapers/aspnet-data-protection-machinekey',
      r"""<machineKey\b[^>]{0,400}?\b(?:validationKey|decryptionKey)\s{0,3}=\s{0,3}"(?P<secret>[0-9A-Fa-f]{32,256})\"""",
      keywords=['machinekey'], cat='framework', max_length=700, entropy=3.0,
      examples=[f'<machineKey validationKey="{mk[0][0]}" decryptionKey="{mk[0][1]}" validation="SHA1" decryption="AES" />',
                f'    <machineKey decryption="AES" decryptionKey="{mk[1][1]}" validation="HMACSHA256" />'],
      negatives=['<machineKey validationKey="AutoGenerate,IsolateApps" decryptionKey="AutoGenerate,IsolateApps" />',
                 '<machineKey validation="SHA1" />'])
    X('drupal-hash-salt', 'Drupal', "Drupal $settings['hash_salt']", 'https://www.drupal.org/docs/getting-started/installing-drupal/step-3-create-settingsphp-and-the-files-directory',
      r"""\$settings\[\s{0,3}['"]hash_salt['"]\s{0,3}\]\s{0,3}=\s{0,3}['"](?P<secret>[A-Za-z0-9_-]{43,100})['"]""",
      keywords=['hash_salt'], cat='framework', max_length=160, entropy=4.0, validator='letters_and_digits',
      examples=[f"$settings['hash_salt'] = '{_g('dr1', 'w74')}';", f'$settings["hash_salt"] = "{_g("dr2", "w43")}";'],
      negatives=["$settings['hash_salt'] = '';", "$settings['hash_salt'] = file_get_contents('/home/salt.txt');"])
    X('joomla-secret', 'Joomla', 'Joomla configuration.php $secret', 'https://docs.joomla.org/Secret_Key',
      r"""public \$secret\s{0,3}=\s{0,3}['"](?P<secret>[A-Za-z0-9]{16,32})['"]""",
      keywords=['public $secret'], cat='framework', max_length=80, entropy=3.0, validator='letters_and_digits',
      examples=[f"\tpublic $secret = '{_g('jo1', 'A16')}';", f"    public $secret = '{_g('jo2', 'A32')}';"],
      negatives=["\tpublic $secret = '';", "\tpublic $secret = 'FBVtggIk5lAzEU9H';".replace('FBVtggIk5lAzEU9H', 'abc')])
    X('magento-crypt-key', 'Adobe', 'Magento (Adobe Commerce) encryption key in app/etc/env.php',
      'https://experienceleague.adobe.com/en/docs/commerce-admin/systems/security/encryption-key',
      r"""['"]crypt['"]\s{0,3}=>\s{0,3}(?:array\(|\[)\s{0,20}['"]key['"]\s{0,3}=>\s{0,3}['"](?P<secret>[A-Za-z0-9_:]{32,80})['"]""",
      keywords=['crypt'], cat='framework', max_length=160, entropy=3.0, validator='letters_and_digits',
      examples=[f"    'crypt' => [\n        'key' => '{_g('mg1', 'h32')}'\n    ],", f"'crypt' => array('key' => 'base64{_g('mg2', 'A44')}'),"],
      negatives=["'crypt' => ['key' => ''],", "'crypt' => ['key' => getenv('MAGENTO_CRYPT_KEY')],"])
    r = rng_for('jupyter')
    jt = [rs(r, HEX, 48) for _ in range(3)]
    X('jupyter-server-token', 'Jupyter', 'Jupyter server token (config or login URL)',
      'https://jupyter-server.readthedocs.io/en/latest/operators/security.html',
      r"""(?:(?:NotebookApp|ServerApp|IdentityProvider)\.token\s{0,3}=\s{0,3}["']|:[0-9]{2,5}/(?:lab|tree|notebooks)?/?\?token=)(?P<secret>[a-f0-9]{32,64})""",
      keywords=['.token', '?token='], cat='devtools', max_length=140, entropy=3.0,
      examples=[f"c.ServerApp.token = '{jt[0]}'", f'    http://127.0.0.1:8888/lab?token={jt[1]}',
                f"c.NotebookApp.token = '{jt[2]}'"],
      negatives=["c.ServerApp.token = ''", 'http://127.0.0.1:8888/lab?token=<token>', "c.IdentityProvider.token = os.environ['JUPYTER_TOKEN']"])
    X('cisco-type7-password', 'Cisco', 'Cisco IOS type 7 (reversible) password', 'https://www.cisco.com/c/en/us/support/docs/security-vpn/remote-authentication-dial-user-service-radius/107614-64.html',
      # (and every other key IOS stores so, whatever the line says before its `password 7` / `key 7` / `key-string 7` /
      # `authentication-key 7` / `md5 7`: TACACS+ and RADIUS servers (`auth-port … key 7`), OSPF, HSRP, BGP neighbours,
      # PPP CHAP, key chains, an Aironet's `wpa-psk ascii 7`; NTP's `authentication-key N md5 X 7`, the 7 after the key;
      # twenty-fourth hostile review,
      # 05, and twenty-fifth, 02: the list of line openers missed half of them)
      r"""(?<![^\n])[ \t]*(?:(?:[^\n]{0,200}?[ \t])?(?:password|key|key-string|authentication-key|md5|wpa-psk ascii) 7 |ntp authentication-key \d{1,5} md5 (?=[01][0-9](?:[0-9A-F]{2}){4,30} 7[ \t]*(?![^\n])))(?P<secret>[01][0-9](?:[0-9A-F]{2}){4,30})(?: 7)?[ \t]*(?![^\n])""",
      # (the password it holds, read back, judged as any assigned password: type 7 of cisco123 is a word; held-out 90)
      keywords=[' 7 ', 'authentication-key'], cat='network', max_length=320, validator='cisco_type7',
      examples=['username admin privilege 15 password 7 080A5D191F2108450227165D3D', 'enable password 7 105C512D1F54023C580A1B',
                ' password 7 04731D55020A1556384B113B025C', 'tacacs-server key 7 080A5D191F2108450227165D3D',
                ' ip ospf message-digest-key 1 md5 7 105C512D1F54023C580A1B', ' key-string 7 04731D55020A1556384B113B025C',
                'radius-server host 10.10.1.5 auth-port 1645 acct-port 1646 key 7 080A5D191F2108450227165D3D',
                'ntp authentication-key 1 md5 105C512D1F54023C580A1B 7', ' ip ospf authentication-key 7 04731D55020A1556384B113B025C',
                ' standby 1 authentication md5 key-string 7 080A5D191F2108450227165D3D',
                ' neighbor 10.0.0.2 password 7 105C512D1F54023C580A1B', ' ppp chap password 7 04731D55020A1556384B113B025C',
                ' wpa-psk ascii 7 080A5D191F2108450227165D3D'],  # an Aironet's WPA pre-shared key (27th review, 03)
      negatives=['username admin privilege 15 secret 9 $9$abc', 'enable password 7 <hash>', 'password 7 days',
                 'enable password 7 104D000A0618',  # (type 7 of cisco: a word)
                 'ntp authentication-key 1 md5 105C512D1F54023C580A1B', 'monkey 7 080A5D191F2108450227165D3D',
                 'the key 7 080A5D191F2108450227165D3D is here'])
    X('cisco-cleartext-password', 'Cisco', 'Cisco IOS password or key in clear text (type 0)',
      'https://www.cisco.com/c/en/us/support/docs/security-vpn/remote-authentication-dial-user-service-radius/107614-64.html',
      # (the same lines as cisco-type7-password's, the secret written as it is: a user's or enable's password or secret
      # (with its privilege, algorithm type or level), a line's or a server block's indented `password` / `key`, a
      # TACACS+ or RADIUS server key, an Aironet's WPA pre-shared key, an ISAKMP pre-shared key; twenty-eighth review, 02,
      # and twenty-ninth, 02; a hash written after `secret` is no clear text: twenty-ninth, 03; a block's lines read one
      # way only, a secret opening with `$`, NX-OS's and EOS's `role` and IOS's `view`: thirtieth, 01-03; key chains, OSPF,
      # HSRP, BGP, PPP and NTP keys, as cisco-type7-password reads them: thirty-first, 02; VPN pre-shared keys, PAP,
      # IS-IS, OSPF virtual links, HSRP's key with its timeout: thirty-second, 01; its siblings: HSRP's plain-text
      # authentication, NTP's key with its type after it, SNMPv3 users' auth and priv passwords)
      r"""(?:(?<![^\n])(?:[ \t]*username \S{1,64}(?: (?:privilege \d{1,2}|role \S{1,64}|view \S{1,64}|algorithm-type (?:scrypt|sha256|md5))){0,4} (?:password|secret)(?: 0)?|[ \t]*enable(?: algorithm-type (?:scrypt|sha256|md5))? (?:password|secret)(?: level \d{1,2})?(?: 0)?|(?:line (?:con|vty|aux|console)|(?:radius|tacacs) server)[^\n]{0,80}\n(?:[ \t][^\n]{0,200}\n){0,8}?[ \t]+(?:password|key)(?: 0)?|[ \t]*(?:tacacs|radius)-server(?: host \S{1,64})?(?: (?:auth|acct)-port \d{1,5}){0,2} key(?: 0)?|[ \t]*wpa-psk ascii(?: 0)?|[ \t]*crypto isakmp key(?: 0)?|(?:[ \t]*standby \d{1,4} authentication md5)?[ \t]*key-string(?: 0)?|(?:[ \t]*ip ospf|[ \t]*area \S{1,64} virtual-link \S{1,64}) (?:authentication-key|message-digest-key \d{1,3} md5)(?: 0)?|[ \t]*neighbor \S{1,64} password(?: 0)?|[ \t]*ppp (?:chap|pap sent-username \S{1,64}) password(?: 0)?|[ \t]*isis password|[ \t]*pre-shared-key(?: address \S{1,64}(?: \S{1,64})? key| local| remote)?(?: 0)?|[ \t]*ntp authentication-key \d{1,5} md5(?: 0)?|[ \t]*standby(?: \d{1,4})? authentication(?: text)?|[ \t]*snmp-server user \S{1,64} \S{1,64} v3 auth (?:md5|sha\d{0,3}))|(?<=[^\s] )priv (?:3des|des|aes \d{3})) (?!\$(?:1|5|8|9|14)\$)(?P<secret>[^\s"']{4,64})(?=[ \t]+(?:address|role|privilege|timeout|priv|access)[ \t]|[ \t]+0[ \t]*(?![^\n])|[ \t]*(?![^\n]))""",
      # (the password judged as any assigned password: cisco, <password>, a word are no finding)
      keywords=['password', 'secret', 'key', 'wpa-psk ascii', 'standby', 'v3 auth', 'priv aes', 'priv des', 'priv 3des'],
      cat='network', max_length=2200, validator='assigned_password',
      examples=[f'radius server ISE1\n address ipv4 10.1.1.1 auth-port 1812 acct-port 1813\n key {_g("c0k", "A16")}',
                f'username admin privilege 15 password 0 {_g("c0a", "A14")}', f'enable password {_g("c0b", "A12")}',
                f'username bob secret 0 {_g("c0c", "A14")}', f'tacacs-server key {_g("c0d", "A16")}',
                f'radius-server host 10.10.1.5 auth-port 1645 acct-port 1646 key 0 {_g("c0e", "A16")}',
                f'   wpa-psk ascii 0 {_g("c0f", "A16")}', f'crypto isakmp key {_g("c0g", "A16")} address 10.0.0.1',
                f'username netops secret {_g("c0h", "A12")}', f'enable algorithm-type scrypt secret {_g("c0i", "A12")}',
                f'enable secret level 15 {_g("c0j", "A12")}', f'username admin password {_g("c0m", "A12")} role network-admin',
                f'username ops role network-admin secret 0 {_g("c0n", "A12")}', f'username ops view ops secret 0 {_g("c0o", "A12")}',
                f'enable secret ${_g("c0p", "A12")}', f' key-string {_g("c0q", "A14")}',
                f' ip ospf message-digest-key 1 md5 {_g("c0r", "A14")}', f' ip ospf authentication-key {_g("c0s", "A8")}',
                f' standby 1 authentication md5 key-string {_g("c0t", "A14")}', f' neighbor 10.0.0.2 password {_g("c0u", "A14")}',
                f' ppp chap password 0 {_g("c0v", "A12")}', f'ntp authentication-key 1 md5 {_g("c0w", "A14")}',
                f' pre-shared-key address 203.0.113.7 key {_g("c0x", "A16")}', f' pre-shared-key {_g("c0y", "A16")}',
                f' ppp pap sent-username ops password 0 {_g("c0z", "A12")}', f' isis password {_g("c1a", "A12")}',
                f' area 1 virtual-link 10.0.0.9 message-digest-key 1 md5 {_g("c1b", "A12")}',
                f' standby 1 authentication md5 key-string {_g("c1c", "A14")} timeout 30',
                f' standby 2 authentication {_g("c1d", "A8")}', f' standby authentication text {_g("c1e", "A8")}',
                f'ntp authentication-key 2 md5 {_g("c1f", "A14")} 0',
                f'snmp-server user nms grp1 v3 auth sha {_g("c1g", "A14")} priv aes 128 {_g("c1h", "A14")}',
                f'snmp-server user nms grp1 v3 auth sha {_g("c1i", "A14")}',
                f'line vty 0 4\n password {_g("c0l", "A12")}\n login'],
      negatives=['enable secret 5 <md5-hash>', 'enable password 7 <type-7-string>',
                 'username admin privilege 15 password 0 cisco', 'tacacs-server key <key>', 'enable password',
                 'crypto isakmp key 0 address 10.0.0.1', 'username admin password 7 <encrypted>',
                 'enable secret $9$<salt>$<hash>', ' password required', 'line vty 0 4\n password cisco',
                 'machine git.acme.io\n  login ci-bot\n  password <password>\n',
                 'ntp authentication-key 1 md5 <t7-string> 7', ' key-string 7 <t7-string>',
                 ' standby 1 authentication md5 key-chain HSRP-KEYS', ' standby 1 authentication md5 key-string 7 <t7-string>',
                 'snmp-server user nms grp1 v3 auth sha <auth-password> priv aes 128 <priv-password>'])
    X('cisco-snmp-community', 'Cisco', 'SNMP community string in a Cisco / network device configuration',
      'https://www.cisco.com/c/en/us/support/docs/ip/simple-network-management-protocol-snmp/7282-12.html',
      r"""(?<![^\n])[ \t]*snmp-server community (?P<secret>[^\s"']{6,64}) (?:RO|RW|ro|rw|view)\b""",
      keywords=['snmp-server community'], cat='network', max_length=120, validator='assigned_password', severity='medium',
      examples=[f'snmp-server community {_g("sn1", "A14")} RO', f'snmp-server community {_g("sn2", "A12")}!x RW 10'],
      negatives=['snmp-server community public RO', 'snmp-server community private RW', 'snmp-server community <string> RO'])
    X('juniper-encrypted-password', 'Juniper', 'Juniper Junos $9$ (reversible) secret', 'https://www.juniper.net/documentation/us/en/software/junos/user-access/topics/topic-map/user-access-root-password.html',
      r"""(?:secret|encrypted-password|pre-shared-key ascii-text|authentication-key|simple-password)\s{1,3}"(?P<secret>\$9\$[A-Za-z0-9./\-]{8,120})\"""",
      # (the password it holds, read back, judged as any assigned password: $9$ of network is a word; held-out 90)
      keywords=['$9$'], cat='network', max_length=180, entropy=3.0, validator='junos9',
      examples=['            secret "$9$nddL6uBIEy8xNevbY4oGUz36/t0O1hSevoJpB";',
                '    pre-shared-key ascii-text "$9$u98d0ESKM8db2B1bYoZkqRhcr87-VsaZjbwTF6/0O";'],
      negatives=['            secret "$9$abc";', '    encrypted-password "$6$rounds=5000$saltsalt$"; ## SECRET-DATA',
                 '            authentication-key "$9$Lzh7VYJZj.fzk.tOIReKVwY"; ## SECRET-DATA'])  # ($9$ of network)
    # ------------------------------------------------------------------ fifth batch
    def bedrock_long(rng: random.Random) -> str:
        raw = f'BedrockAPIKey-{rs(rng, "abcdefghijklmnopqrstuvwxyz0123456789", 4)}-at-{rs(rng, "0123456789", 12)}:{rs(rng, ALNUM + "+/", 60)}'
        return 'ABSK' + base64.b64encode(raw.encode()).decode()
    X('aws-bedrock-api-key', 'Amazon Web Services', 'Amazon Bedrock long-term API key',
      'https://docs.aws.amazon.com/bedrock/latest/userguide/api-keys-modify.html',
      r"""(?<![A-Za-z0-9+/])(?P<secret>ABSKQmVkcm9ja0FQSUtleS[A-Za-z0-9+/]{80,300}={0,2})(?![A-Za-z0-9+/=])""",
      keywords=['ABSKQmVkcm9ja0FQSUtleS'], cat='cloud', max_length=330, entropy=4.0,
      examples=[f'AWS_BEARER_TOKEN_BEDROCK={bedrock_long(rng_for("br1"))}',
                f'curl https://bedrock-runtime.us-east-1.amazonaws.com/model/x/converse -H "Authorization: Bearer {bedrock_long(rng_for("br2"))}"'],
      negatives=['AWS_BEARER_TOKEN_BEDROCK=ABSKQmVkcm9ja0FQSUtleS<rest>', 'AWS_BEARER_TOKEN_BEDROCK=ABSKQmVkcm9ja0FQSUtleSabc'])
    P('ory-personal-access-token', 'Ory', 'Ory Network personal access token or API key', 'https://console.ory.sh/',
      ['ory_pat_', 'A32'], alts=[['ory_apikey_', 'A32']], keywords=['ory_pat_', 'ory_apikey_'], var='ORY_API_KEY', cat='identity',
      host='api.console.ory.sh')
    # Ory's identifiable token formats (its docs' token-formats page): an opaque OAuth 2.0 token is fosite's key and
    # signature in base64url joined by '.', after ory_at_ (access), ory_rt_ (refresh) or ory_ac_ (authorization code);
    # a session token for API flows is ory_st_ and 32 letters and digits (held-out 79: Ory's docs)
    P('ory-oauth2-token', 'Ory', 'Ory (Hydra, Ory Network) OAuth 2.0 access token, refresh token or authorization code',
      'https://www.ory.sh/docs/hydra/guides/oauth2-token-introspection',
      ['ory_at_', 'w16-64', '.', 'w16-64'], alts=[['ory_rt_', 'w16-64', '.', 'w16-64'], ['ory_ac_', 'w16-64', '.', 'w16-64']],
      keywords=['ory_at_', 'ory_rt_', 'ory_ac_'], var='ORY_ACCESS_TOKEN', cat='identity', host='project.projects.oryapis.com')
    P('ory-session-token', 'Ory', 'Ory (Kratos, Ory Network) session token',
      'https://www.ory.sh/docs/kratos/session-management/overview',
      ['ory_st_', 'A32'], keywords=['ory_st_'], var='ORY_SESSION_TOKEN', cat='identity', host='project.projects.oryapis.com')
    X('tinybird-token', 'Tinybird', 'Tinybird auth token', 'https://www.tinybird.co/docs/get-started/administration/auth-tokens',
      r"""(?<![A-Za-z0-9_.-])(?P<secret>p\.eyJ[A-Za-z0-9_-]{20,400}\.[A-Za-z0-9_-]{20,100})(?![A-Za-z0-9_-])""",
      keywords=['p.eyJ'], cat='data', max_length=520, entropy=4.0,
      examples=[f'TB_TOKEN=p.eyJ1IjogIj{_g("tb5", "w60")}.{_g("tb6", "w43")}',
                f'curl -H "Authorization: Bearer p.eyJ1IjogIj{_g("tb7", "w80")}.{_g("tb8", "w43")}" https://api.tinybird.co/v0/pipes'],
      negatives=['TB_TOKEN=p.eyJ<rest>', 'TB_TOKEN=p.eyJabc.def'])
    C('azure-openai-api-key', 'Microsoft', 'Azure OpenAI / AI Foundry API key', 'https://learn.microsoft.com/en-us/azure/ai-services/authentication#rotate-keys',
      ['h32'], vendors=['azure_openai', 'azureopenai', 'aoai', 'azure_ai', 'azure-openai'], keys=r'(?:api[_.-]?)?key',
      var='AZURE_OPENAI_API_KEY', var2='AOAI_API_KEY', cat='ai')
    X('deepl-auth-key', 'DeepL', 'DeepL API authentication key (Free keys end in :fx)', 'https://www.deepl.com/your-account/keys',
      r"""(?<![A-Za-z0-9-])(?P<secret>[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}:fx)(?![A-Za-z0-9])""",
      keywords=[':fx'], cat='ai', max_length=39, entropy=3.0,
      examples=[f'DEEPL_AUTH_KEY={_g("dl1", "h8")}-{_g("dl2", "h4")}-4{_g("dl3", "h3")}-a{_g("dl4", "h3")}-{_g("dl5", "h12")}:fx',
                f'translator = deepl.Translator("{_g("dl6", "h8")}-{_g("dl7", "h4")}-4{_g("dl8", "h3")}-b{_g("dl9", "h3")}-{_g("dla", "h12")}:fx")'],
      negatives=['DEEPL_AUTH_KEY=<your-key>:fx', 'DEEPL_AUTH_KEY=abc:fx', 'ratio = "1:fx"'])
    C('deepl-pro-auth-key', 'DeepL', 'DeepL API Pro authentication key', 'https://www.deepl.com/your-account/keys',
      UUID, vendors=['deepl'], keys=r'(?:auth[_.-]?|api[_.-]?)?key', var='DEEPL_AUTH_KEY', var2='DEEPL_API_KEY', cat='ai',
      boundary='(?![A-Za-z0-9_:-])')
    C('transifex-api-token', 'Transifex', 'Transifex API token', 'https://app.transifex.com/user/settings/api/',
      ['1/', 'h40'], vendors=['transifex', 'tx_token'], keys=r'(?:api[_.-]?)?token|', var='TRANSIFEX_API_TOKEN', var2='TX_TOKEN', cat='saas')
    C('phrase-access-token', 'Phrase', 'Phrase (PhraseApp) access token', 'https://app.phrase.com/settings/oauth_access_tokens',
      ['h64'], vendors=['phrase'], keys=r'(?:access[_.-]?|api[_.-]?)?token', var='PHRASE_ACCESS_TOKEN', cat='saas')
    P('browserbase-api-key', 'Browserbase', 'Browserbase API key', 'https://www.browserbase.com/settings',
      ['bb_live_', 'w27'], var='BROWSERBASE_API_KEY', cat='ai', host='api.browserbase.com')
    P('daytona-api-key', 'Daytona', 'Daytona API key', 'https://app.daytona.io/dashboard/keys',
      ['dtn_', 'h64'], var='DAYTONA_API_KEY', cat='ai', host='app.daytona.io')
    P('mem0-api-key', 'Mem0', 'Mem0 platform API key', 'https://app.mem0.ai/dashboard/api-keys',
      ['m0-', 'A40'], var='MEM0_API_KEY', cat='ai', host='api.mem0.ai')
    P('humanloop-api-key', 'Humanloop', 'Humanloop API key', 'https://app.humanloop.com/account/api-keys',
      ['hl_sk_', 'h48'], var='HUMANLOOP_API_KEY', cat='ai', host='api.humanloop.com')
    P('cartesia-api-key', 'Cartesia', 'Cartesia API key', 'https://play.cartesia.ai/keys',
      ['sk_car_', 'A22-40'], var='CARTESIA_API_KEY', cat='ai', host='api.cartesia.ai')
    C('agentops-api-key', 'AgentOps', 'AgentOps API key', 'https://app.agentops.ai/settings/projects',
      UUID, vendors=['agentops'], keys=r'(?:api[_.-]?)?key', var='AGENTOPS_API_KEY', cat='ai')
    C('unstructured-api-key', 'Unstructured', 'Unstructured API key', 'https://platform.unstructured.io/',
      ['A30'], vendors=['unstructured'], keys=r'(?:api[_.-]?)?key', var='UNSTRUCTURED_API_KEY', cat='ai',
      validator='letters_and_digits')
    C('clearml-secret-key', 'ClearML', 'ClearML API secret key', 'https://app.clear.ml/settings/workspace-configuration',
      ['A50-64'], vendors=['clearml', 'trains'], keys=r'(?:api[_.-]?)?secret(?:[_.-]?key)?', var='CLEARML_API_SECRET_KEY', cat='ai',
      validator='letters_and_digits')
    C('elastic-email-api-key', 'Elastic Email', 'Elastic Email API key', 'https://app.elasticemail.com/marketing/settings/new/manage-api',
      ['H96'], vendors=['elasticemail', 'elastic_email'], keys=r'(?:api[_.-]?)?key', var='ELASTICEMAIL_API_KEY', cat='email')
    C('bandwidth-api-secret', 'Bandwidth', 'Bandwidth API password / secret', 'https://dashboard.bandwidth.com/',
      ['A32-40'], vendors=['bandwidth'], keys=r'(?:api[_.-]?)?(?:secret|password)', var='BANDWIDTH_API_SECRET', cat='messaging',
      validator='letters_and_digits')
    C('couchbase-capella-api-secret', 'Couchbase', 'Couchbase Capella API key secret', 'https://docs.couchbase.com/cloud/management-api-guide/management-api-start.html',
      ['b64'], vendors=['capella', 'couchbase'], keys=r'(?:api[_.-]?)?(?:key[_.-]?)?secret', var='CAPELLA_API_SECRET', cat='data',
      validator='letters_and_digits')
    C('elastic-apm-secret-token', 'Elastic', 'Elastic APM server secret token', 'https://www.elastic.co/docs/solutions/observability/apm/secret-token',
      ['A24-32'], vendors=['elastic_apm', 'apm_server', 'elastic-apm'], keys=r'secret[_.-]?token', var='ELASTIC_APM_SECRET_TOKEN', cat='observability',
      validator='letters_and_digits')
    C('appsignal-push-api-key', 'AppSignal', 'AppSignal push API key', 'https://appsignal.com/accounts',
      UUID, vendors=['appsignal'], keys=r'(?:push[_.-]?)?(?:api[_.-]?)?key', var='APPSIGNAL_PUSH_API_KEY', cat='observability')
    C('healthchecks-api-key', 'Healthchecks.io', 'Healthchecks.io API key', 'https://healthchecks.io/projects/',
      ['w32'], vendors=['healthchecks', 'hc_api'], keys=r'(?:api[_.-]?)?key', var='HEALTHCHECKS_API_KEY', var2='HC_API_KEY',
      cat='observability', validator='letters_and_digits')
    C('statuscake-api-token', 'StatusCake', 'StatusCake API token', 'https://app.statuscake.com/User.php',
      ['A20-32'], vendors=['statuscake'], keys=r'(?:api[_.-]?)?(?:token|key)', var='STATUSCAKE_API_TOKEN', cat='observability',
      validator='letters_and_digits')
    C('codemagic-api-token', 'Codemagic', 'Codemagic API token', 'https://codemagic.io/teams',
      ['w43'], vendors=['codemagic', 'cm_api'], keys=r'(?:api[_.-]?)?token', var='CODEMAGIC_API_TOKEN', cat='ci',
      validator='letters_and_digits')
    C('appcenter-api-token', 'Microsoft', 'Visual Studio App Center API token', 'https://appcenter.ms/settings/apitokens',
      ['h40'], vendors=['appcenter'], keys=r'(?:api[_.-]?|access[_.-]?)?token', var='APPCENTER_API_TOKEN', var2='APPCENTER_ACCESS_TOKEN', cat='ci')
    C('packagecloud-token', 'packagecloud', 'packagecloud API token', 'https://packagecloud.io/api_token',
      ['h48'], vendors=['packagecloud'], keys=r'(?:api[_.-]?)?token', var='PACKAGECLOUD_TOKEN', cat='registry')
    C('gitguardian-api-key', 'GitGuardian', 'GitGuardian API key (personal access or service account token)',
      'https://dashboard.gitguardian.com/api/personal-access-tokens', ['A69'], vendors=['gitguardian'],
      keys=r'(?:api[_.-]?)?(?:key|token)', var='GITGUARDIAN_API_KEY', cat='security', validator='letters_and_digits')
    C('censys-api-secret', 'Censys', 'Censys API secret or personal access token', 'https://search.censys.io/account/api',
      ['A32'], vendors=['censys'], keys=r'(?:api[_.-]?)?(?:secret|token|key)', var='CENSYS_API_SECRET', cat='security',
      validator='letters_and_digits')
    C('greynoise-api-key', 'GreyNoise', 'GreyNoise API key', 'https://viz.greynoise.io/account/api-key',
      ['A64'], vendors=['greynoise'], keys=r'(?:api[_.-]?)?key', var='GREYNOISE_API_KEY', cat='security',
      validator='letters_and_digits')
    # ------------------------------------------------------------------ sixth batch
    C('recaptcha-secret-key', 'Google', 'Google reCAPTCHA secret key', 'https://www.google.com/recaptcha/admin',
      ['6L', 'w38'], vendors=['recaptcha'], keys=r'secret(?:[_.-]?key)?|private[_.-]?key', var='RECAPTCHA_SECRET_KEY',
      var2='RECAPTCHA_PRIVATE_KEY', cat='saas')
    C('hcaptcha-secret-key', 'hCaptcha', 'hCaptcha secret key', 'https://dashboard.hcaptcha.com/settings/secrets',
      ['0x', 'h40'], vendors=['hcaptcha'], keys=r'secret(?:[_.-]?key)?', var='HCAPTCHA_SECRET', var2='HCAPTCHA_SECRET_KEY', cat='saas')
    X('turnstile-secret-key', 'Cloudflare', 'Cloudflare Turnstile secret key', 'https://developers.cloudflare.com/turnstile/troubleshooting/rotate-secret-key/',
      r"""(?<![A-Za-z0-9])(?i:turnstile)[\w.-]{0,24}?(?i:secret(?:[_.-]?key)?)["'`]?\s{0,3}[:=]\s{0,3}["'`]?0x4AAAAAAA(?P<secret>[A-Za-z0-9_-]{22,30})(?![A-Za-z0-9_-])""",
      keywords=['turnstile'], cat='saas', max_length=120, entropy=3.0, validator='letters_and_digits', context=True,
      examples=[f'TURNSTILE_SECRET_KEY=0x4AAAAAAA{_g("ts1", "w22")}', f'  turnstile_secret: "0x4AAAAAAA{_g("ts2", "w24")}"'],
      negatives=['TURNSTILE_SECRET_KEY=1x0000000000000000000000000000000AA', 'TURNSTILE_SECRET_KEY=0x4AAAAAAA<rest>',
                 f'CACHE_KEY=0x4AAAAAAA{_g("ts3", "w22")}'])
    C('revenuecat-secret-key', 'RevenueCat', 'RevenueCat secret API key', 'https://www.revenuecat.com/docs/projects/authentication',
      ['sk_', 'A32'], vendors=['revenuecat'], keys=r'(?:secret[_.-]?|api[_.-]?)?key', var='REVENUECAT_SECRET_KEY',
      var2='REVENUECAT_API_KEY', cat='saas')
    C('appsflyer-dev-key', 'AppsFlyer', 'AppsFlyer dev key or API token', 'https://support.appsflyer.com/hc/en-us/articles/360004562377',
      ['A22'], vendors=['appsflyer'], keys=r'(?:dev[_.-]?|api[_.-]?)?(?:key|token)', var='APPSFLYER_DEV_KEY', cat='saas')
    C('daily-api-key', 'Daily', 'Daily (daily.co) API key', 'https://dashboard.daily.co/developers',
      ['h64'], vendors=['daily_api', 'dailyco', 'daily_co', 'daily-api'], keys=r'(?:api[_.-]?)?key', var='DAILY_API_KEY', cat='messaging')
    C('livekit-api-secret', 'LiveKit', 'LiveKit API secret', 'https://cloud.livekit.io/',
      ['A40-48'], vendors=['livekit'], keys=r'(?:api[_.-]?)?secret', var='LIVEKIT_API_SECRET', cat='messaging')
    C('opentok-api-secret', 'Vonage', 'Vonage Video (OpenTok / TokBox) API secret', 'https://tokbox.com/account/',
      ['h40'], vendors=['opentok', 'tokbox'], keys=r'(?:api[_.-]?|project[_.-]?)?secret', var='OPENTOK_API_SECRET', cat='messaging')
    C('imgix-api-key', 'imgix', 'imgix API key', 'https://dashboard.imgix.com/api-keys',
      ['A64'], vendors=['imgix'], keys=r'(?:api[_.-]?)?key|token', var='IMGIX_API_KEY', cat='media')
    X('wix-api-key', 'Wix', 'Wix API key', 'https://manage.wix.com/account/api-keys',
      r"""(?<![A-Za-z0-9_.-])(?P<secret>IST\.eyJ[A-Za-z0-9_-]{20,600}\.[A-Za-z0-9_-]{20,1500}\.[A-Za-z0-9_-]{20,700})(?![A-Za-z0-9_-])""",
      keywords=['IST.eyJ'], cat='saas', max_length=2900, entropy=4.0,
      examples=[f'WIX_API_KEY=IST.eyJraWQiOiJQb3pIX2FDMiIsImFsZyI6IlJTMjU2In0.{_g("wx1", "w180")}.{_g("wx2", "w120")}',
                f'  "Authorization": "IST.eyJraWQiOiJQb3pIX2FDMiIsImFsZyI6IlJTMjU2In0.{_g("wx3", "w200")}.{_g("wx4", "w120")}"'],
      negatives=['WIX_API_KEY=IST.eyJ<rest>', 'WIX_API_KEY=IST.eyJabc.def.ghi'])
    C('okx-secret-key', 'OKX', 'OKX API secret key', 'https://www.okx.com/account/my-api',
      ['H32'], vendors=['okx'], keys=r'(?:api[_.-]?)?secret(?:[_.-]?key)?', var='OKX_SECRET_KEY', cat='crypto')
    C('bybit-api-secret', 'Bybit', 'Bybit API secret', 'https://www.bybit.com/app/user/api-management',
      ['A36'], vendors=['bybit'], keys=r'(?:api[_.-]?)?secret', var='BYBIT_API_SECRET', cat='crypto')
    C('gateio-api-secret', 'Gate', 'Gate.io API secret', 'https://www.gate.io/myaccount/apikeys',
      ['h64'], vendors=['gateio', 'gate_io', 'gate_api'], keys=r'(?:api[_.-]?)?secret', var='GATEIO_API_SECRET', cat='crypto')
    C('bitstamp-api-secret', 'Bitstamp', 'Bitstamp API secret', 'https://www.bitstamp.net/account/security/api/',
      ['A32'], vendors=['bitstamp'], keys=r'(?:api[_.-]?)?secret', var='BITSTAMP_API_SECRET', cat='crypto')
    C('ankr-api-key', 'Ankr', 'Ankr RPC API key', 'https://www.ankr.com/rpc/projects/',
      ['h64'], vendors=['ankr'], keys=r'(?:api[_.-]?)?(?:key|token)', var='ANKR_API_KEY', cat='crypto')
    P('covalent-api-key', 'Covalent', 'Covalent (GoldRush) API key', 'https://goldrush.dev/platform/apikey/',
      ['cqt_', 'A26'], var='COVALENT_API_KEY', cat='crypto', host='api.covalenthq.com')
    C('helius-api-key', 'Helius', 'Helius RPC API key', 'https://dashboard.helius.dev/api-keys',
      UUID, vendors=['helius'], keys=r'(?:api[_.-]?)?key', var='HELIUS_API_KEY', cat='crypto')
    C('hcp-client-secret', 'HashiCorp', 'HashiCorp Cloud Platform service principal client secret',
      'https://developer.hashicorp.com/hcp/docs/hcp/iam/service-principal', ['A64'], vendors=['hcp'],
      keys=r'client[_.-]?secret', var='HCP_CLIENT_SECRET', cat='secrets')
    # ------------------------------------------------------------------ passwords on tool command lines and inventories
    r = rng_for('ansible-inventory')
    an = [rs(r, ALNUM + '!#%&*+-', 14) for _ in range(3)]
    X('ansible-inventory-password', 'Ansible', 'Plain-text password in an Ansible inventory or vars (ansible_password, become pass)',
      'https://docs.ansible.com/ansible/latest/vault_guide/vault_encrypting_content.html',
      r"""(?<![\w-])ansible_(?:ssh_|become_|sudo_)?(?:pass(?:word)?|passwd)["']?[ \t]*[:=][ \t]*(?P<secret>"[^"\n]{4,128}"|'[^'\n]{4,128}'|[^\s"'{!@$(),][^\s"'(),]{3,127}(?![^\s"']))""",
      keywords=['ansible_'], cat='infrastructure', max_length=180, validator='assigned_password',
      examples=[f'web01 ansible_host=10.0.0.5 ansible_user=deploy ansible_password={an[0]}', f'ansible_become_pass: "{an[1]}"',
                f"  ansible_ssh_pass: '{an[2]}'"],
      negatives=['ansible_become_pass: "{{ vault_become_pass }}"', 'ansible_password: !vault |', 'ansible_ssh_pass: "{{ lookup(\'env\', \'SSH_PASS\') }}"',
                 'variables.update(ansible_password=connection.password)', '@NAME ansible_host=@HOST ansible_password=@PASSWORD'])
    # ------------------------------------------------------------------ cluster join tokens and tunnel credentials
    r = rng_for('kubeadm')
    kt = [f'{rs(r, "abcdefghijklmnopqrstuvwxyz0123456789", 6)}.{rs(r, "abcdefghijklmnopqrstuvwxyz0123456789", 16)}' for _ in range(3)]
    X('kubeadm-bootstrap-token', 'Kubernetes', 'Kubernetes (kubeadm) bootstrap token',
      'https://kubernetes.io/docs/reference/setup-tools/kubeadm/kubeadm-token/',
      r"""(?:--token[ \t=]{1,3}|(?i:bootstrap[_-]?token|join[_-]?token|kubeadm[_-]?token)["']?\s{0,3}[:=]\s{0,3}["']?|\btoken:\s{0,3}["']?)(?P<secret>[a-z0-9]{6}\.[a-z0-9]{16})(?![A-Za-z0-9])""",
      keywords=['token'], cat='infrastructure', max_length=60, validator='letters_and_digits',
      examples=[f'kubeadm join 10.0.0.10:6443 --token {kt[0]} --discovery-token-ca-cert-hash sha256:{_g("kb1", "h64")}',
                f'KUBEADM_TOKEN={kt[1]}', f'bootstrapTokens:\n- groups:\n  - system:bootstrappers:kubeadm:default-node-token\n  token: "{kt[2]}"'],
      negatives=['kubeadm join 10.0.0.10:6443 --token <token>', 'kubeadm join 10.0.0.10:6443 --token $(cat token)',
                 'token: abcdef.0123456789abcdef'.replace('abcdef.0123456789abcdef', 'short.token')])
    r = rng_for('k3s')
    k3 = [f'K10{rs(r, HEX, 64)}::server:{rs(r, HEX, 32)}' for _ in range(2)]
    X('k3s-cluster-token', 'SUSE', 'K3s / RKE2 cluster join token (secure format)', 'https://docs.k3s.io/cli/token#rotate',
      r"""(?<![A-Za-z0-9])(?P<secret>K10[a-f0-9]{64}::(?:server|node):[A-Za-z0-9]{6,64})(?![A-Za-z0-9])""",
      keywords=['K10'], cat='infrastructure', max_length=140, entropy=3.0,
      examples=[f'K3S_TOKEN={k3[0]}', f'curl -sfL https://get.k3s.io | K3S_URL=https://10.0.0.10:6443 K3S_TOKEN="{k3[1]}" sh -'],
      negatives=['K3S_TOKEN=K10<hash>::server:<password>', 'K3S_TOKEN=K10abc::server:abc'])
    r = rng_for('consul-gossip')
    cg = [base64.b64encode(bytes(r.getrandbits(8) for _ in range(32))).decode() for _ in range(3)]
    X('consul-gossip-encryption-key', 'HashiCorp', 'Consul / Nomad / Serf gossip encryption key',
      'https://developer.hashicorp.com/consul/docs/security/encryption/gossip/rotate',
      r"""(?<![\w-])(?i:encrypt(?:ion)?(?:[_-]?key)?|gossip[_-]?(?:encryption[_-]?)?key|CONSUL_GOSSIP_KEY)["']?\s{0,3}[:=]\s{0,3}["'](?P<secret>[A-Za-z0-9+/]{43}=)["']""",
      keywords=['encrypt', 'gossip'], cat='infrastructure', max_length=100, entropy=4.0, validator='base64_key',
      examples=[f'encrypt = "{cg[0]}"', f'{{"datacenter": "dc1", "encrypt": "{cg[1]}"}}', f'  gossip_key: "{cg[2]}"'],
      negatives=['encrypt = "${CONSUL_GOSSIP_KEY}"', 'encrypt = true', 'encrypt = "abc="'])

    def cf_tunnel(rng: random.Random) -> str:
        doc = '{"a":"%s","t":"%s","s":"%s"}' % (rs(rng, HEX, 32), ruuid(rng), base64.b64encode(bytes(rng.getrandbits(8) for _ in range(32))).decode())
        return base64.b64encode(doc.encode()).decode()
    X('cloudflare-tunnel-token', 'Cloudflare', 'Cloudflare Tunnel (cloudflared) token',
      'https://developers.cloudflare.com/cloudflare-one/connections/connect-networks/configure-tunnels/remote-tunnel-permissions/',
      r"""(?<![A-Za-z0-9+/])(?P<secret>eyJhIjoi[A-Za-z0-9+/]{100,300}={0,2})(?![A-Za-z0-9+/=])""",
      keywords=['eyJhIjoi'], cat='network', max_length=310, entropy=4.0,
      examples=[f'cloudflared tunnel run --token {cf_tunnel(rng_for("cf1"))}', f'TUNNEL_TOKEN={cf_tunnel(rng_for("cf2"))}',
                f'    command: tunnel --no-autoupdate run --token {cf_tunnel(rng_for("cf3"))}'],
      negatives=['TUNNEL_TOKEN=eyJhIjoi<rest>', 'TUNNEL_TOKEN=eyJhIjoiabc'])
    C('netbird-setup-key', 'NetBird', 'NetBird setup key', 'https://docs.netbird.io/how-to/register-machines-using-setup-keys',
      ['H8', '-', 'H4', '-', 'H4', '-', 'H4', '-', 'H12'], vendors=['netbird', 'nb_setup'], keys=r'setup[_.-]?key|key',
      var='NB_SETUP_KEY', var2='NETBIRD_SETUP_KEY', cat='network')

CLASS_ALPHABETS = {'A': ALNUM, 'w': ALNUM + '_-', 'b': ALNUM + '+/', 'h': HEX, 'Z': 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'}


def _g(name: str, spec: str) -> str:
    """A seeded random value for hand-written examples: 'A32' is 32 alphanumerics."""
    return rs(rng_for(name), CLASS_ALPHABETS[spec[0]], int(spec[1:]))


def _nkey_seed(name: str, prefix: int) -> str:
    """A NATS seed valid in format: seed prefix byte and type, 32 random bytes, CRC-16/XMODEM."""
    from leakstop.validators import crc16_xmodem
    rng = rng_for(name)
    raw = bytes([18 << 3 | prefix >> 5, (prefix & 31) << 3]) + bytes(rng.getrandbits(8) for _ in range(32))
    raw += crc16_xmodem(raw).to_bytes(2, 'little')
    return base64.b32encode(raw).decode().rstrip('=')


def _atlassian_pat(rng: random.Random) -> str:
    ident = str(rng.randint(10 ** 11, 10 ** 12 - 1)) + ':'
    return base64.b64encode(ident.encode() + bytes(rng.getrandbits(8) for _ in range(20))).decode()


def _syt(user: str, n: int, lead: str = 'curl -H "Authorization: Bearer ') -> str:
    rng = rng_for(f'syt-{n}')
    localpart = base64.urlsafe_b64encode(user.encode()).decode().rstrip('=')
    rand = rs(rng, 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz', 20)
    base = f'syt_{localpart}_{rand}'
    token = f'{base}_{b62(zlib.crc32(base.encode()), 6)}'
    if lead.startswith('curl'):
        return f'{lead}{token}" https://matrix.acme.org/_matrix/client/v3/account/whoami'
    return f'{lead}{token}'


def _webhook_urls() -> list[tuple[Any, ...]]:
    out: list[tuple[Any, ...]] = []

    def mk(name: str, template: str, fill: Callable[[random.Random], dict[str, str]]) -> Callable[[int], list[str]]:
        def make(_: int) -> list[str]:
            rng = rng_for(name)
            urls = [template.format(**fill(rng)) for _ in range(2)]
            return [f'WEBHOOK_URL={urls[0]}', f'  webhook: "{urls[1]}"']
        return make

    out.append((('google-chat-webhook-url', 'Google', 'Google Chat incoming webhook URL (key and token)',
                 'https://developers.google.com/workspace/chat/quickstart/webhooks'),
                r'''https://chat\.googleapis\.com/v1/spaces/[A-Za-z0-9_-]{8,20}/messages\?key=[A-Za-z0-9_-]{39}&token=(?P<secret>[A-Za-z0-9_%=-]{40,100})''',
                'chat.googleapis.com/v1/spaces/',
                mk('google-chat', 'https://chat.googleapis.com/v1/spaces/{space}/messages?key=AIzaSy{key}&token={tok}%3D',
                   lambda r: dict(space='AAAA' + rs(r, ALNUM, 7), key=rs(r, ALNUM + '_-', 33), tok=rs(r, ALNUM + '_-', 43))),
                'chat.googleapis.com/v1/spaces/AAAAxyz/messages'))
    out.append((('dingtalk-robot-webhook-url', 'DingTalk', 'DingTalk robot webhook URL with access token',
                 'https://open.dingtalk.com/document/orgapp/custom-robot-access'),
                r'''https://oapi\.dingtalk\.com/robot/send\?access_token=(?P<secret>[a-f0-9]{64})''',
                'oapi.dingtalk.com/robot/send',
                mk('dingtalk', 'https://oapi.dingtalk.com/robot/send?access_token={tok}', lambda r: dict(tok=rs(r, HEX, 64))),
                'oapi.dingtalk.com/robot/send?access_token='))
    out.append((('feishu-bot-webhook-url', 'Lark', 'Feishu / Lark custom bot webhook URL',
                 'https://open.larksuite.com/document/client-docs/bot-v3/add-custom-bot'),
                r'''https://open\.(?:feishu\.cn|larksuite\.com)/open-apis/bot/v2/hook/(?P<secret>[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})''',
                '/open-apis/bot/v2/hook/',
                mk('feishu', 'https://open.feishu.cn/open-apis/bot/v2/hook/{u}', lambda r: dict(u=ruuid(r))),
                'open.feishu.cn/open-apis/bot/v2/hook'))
    out.append((('wecom-bot-webhook-url', 'Tencent', 'WeCom (WeChat Work) group bot webhook URL',
                 'https://developer.work.weixin.qq.com/document/path/91770'),
                r'''https://qyapi\.weixin\.qq\.com/cgi-bin/webhook/send\?key=(?P<secret>[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})''',
                'qyapi.weixin.qq.com/cgi-bin/webhook',
                mk('wecom', 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key={u}', lambda r: dict(u=ruuid(r))),
                'qyapi.weixin.qq.com/cgi-bin/webhook/send?key='))
    out.append((('zapier-webhook-url', 'Zapier', 'Zapier catch hook URL', 'https://help.zapier.com/hc/en-us/articles/8496288690317'),
                r'''https://hooks\.zapier\.com/hooks/catch/[0-9]{5,10}/(?P<secret>[a-z0-9]{6,8})/?''',
                'hooks.zapier.com/hooks/catch/',
                mk('zapier', 'https://hooks.zapier.com/hooks/catch/{a}/{b}/', lambda r: dict(a=rs(r, '0123456789', 8), b=rs(r, 'abcdefghijklmnopqrstuvwxyz0123456789', 7))),
                'hooks.zapier.com/hooks/catch/'))
    out.append((('ifttt-webhook-key', 'IFTTT', 'IFTTT Webhooks (Maker) key in a trigger URL', 'https://ifttt.com/maker_webhooks/settings'),
                r'''https://maker\.ifttt\.com/trigger/[A-Za-z0-9_-]{1,64}/(?:json/)?with/key/(?P<secret>[A-Za-z0-9_-]{22,43})''',
                'maker.ifttt.com/trigger/',
                mk('ifttt', 'https://maker.ifttt.com/trigger/door_open/with/key/{k}', lambda r: dict(k=rs(r, ALNUM + '_-', 22))),
                'maker.ifttt.com/trigger/'))
    return out

"""The key judge (leakstop.generic.keys): the words of a key, its kind, strength and reason."""
from __future__ import annotations

import pytest

from leakstop.cache import load_toml
from leakstop.generic.keys import DATA_FILE, judge_key, split_words, vocabulary_from_doc
from leakstop.generic.records import Vocabulary


@pytest.fixture(scope='module')
def vocabulary() -> Vocabulary:
    return vocabulary_from_doc(load_toml(DATA_FILE))


@pytest.mark.parametrize(('key', 'words'), [
    ('dbPassword', ('db', 'password')), ('DB_PASSWORD', ('db', 'password')), ('db-password', ('db', 'password')),
    ('db.password', ('db', 'password')), ('PGPASSWORD', ('pg', 'password')), ('HTTPServerToken', ('http', 'server', 'token')),
    ('db2password', ('db', '2', 'password')), ('win32cred', ('win', '32', 'cred')),
    ('mysecretpassword', ('my', 'secret', 'password')),  # the head is split again
    ('MYAPIKEY', ('my', 'apikey')), ('xsecretkey', ('x', 'secretkey')), ('awsaccesskey', ('aws', 'accesskey')),
    ('mypwd', ('my', 'pwd')), ('mypass', ('my', 'pass')), ('mypassphrase', ('my', 'passphrase')),
    ('mypasswd', ('my', 'passwd')), ('mytoken', ('my', 'token')), ('mysecret', ('my', 'secret')),
    ('online_passkey', ('online', 'passkey')), ('OnlinePasskey', ('online', 'passkey')), ('mpesapasskey', ('mpesa', 'passkey')),
    ('bypass', ('bypass',)), ('compass', ('compass',)),  # dictionary words that end in a secret word stay whole
    ('password', ('password',)), ('apisecret', ('apisecret',)), ('key', ('key',)), ('monkey', ('monkey',)),
    ('__token__', ('token',)), ('', ()),
])
def test_split_words(vocabulary: Vocabulary, key: str, words: tuple[str, ...]) -> None:
    assert split_words(key, vocabulary) == words


@pytest.mark.parametrize(('key', 'kind', 'strength', 'reason'), [
    ('password', 'password', 1.0, 'password'), ('PGPASSWORD', 'password', 1.0, 'password'),
    ('client_secret', 'secret', 1.0, 'secret'), ('apisecret', 'secret', 1.0, 'apisecret'),
    ('refreshToken', 'token', 1.0, 'token'), ('auth', 'token', 0.8, 'auth'), ('win32cred', 'secret', 0.7, 'cred'),
    ('api_key', 'key', 1.0, 'api key'), ('AWSSecretKey', 'key', 1.0, 'secret key'), ('sessionKey', 'key', 1.0, 'session key'),
    ('password_key', 'key', 1.0, 'password key'),  # a secret word before key qualifies it
    ('datadog_key', 'key', 0.8, 'datadog key'), ('zerobounceKEY', 'key', 0.8, 'zerobounce key'),
    # (a token as the key's name: --explain hides it, generic._shown_reason; twenty-first hostile review, break 02)
    ('qwxzkvbnmrtplsdfhjgc_key', 'key', 0.8, 'qwxzkvbnmrtplsdfhjgc key'),
    ('key', 'key', 0.6, 'key'), ('setKey', 'key', 0.6, 'key'), ('withKey', 'key', 0.6, 'key'), ('putKey', 'key', 0.6, 'key'),
    ('addKey', 'key', 0.6, 'key'), ('Get key', 'key', 0.6, 'key'), ('Use key', 'key', 0.6, 'key'),  # an accessor: the bare key
    ('set_my_key', 'key', 0.8, 'my key'),  # the accessor is not just before the key
    ('my_set_key', 'key', 0.8, 'set key'), ('setApiKey', 'key', 1.0, 'api key'),  # nor the first word
    ('Use this key', 'key', 0.8, 'this key'),  # a phrase (with spaces) is no flag
    ('token_type', '', 0.0, 'names something about a secret (type)'),
    ('SECRET_NAMESPACE', '', 0.0, 'names something about a secret (namespace)'), ('secretNs', '', 0.0, 'names something about a secret (ns)'), ('apiKeyId', '', 0.0, 'names something about a secret (id)'),
    ('use_token', '', 0.0, 'a flag or limit (use)'), ('getKey', '', 0.0, 'a flag or limit (get)'),
    ('is_secret', '', 0.0, 'a flag or limit (is)'),
    ('csrf_token', '', 0.0, 'not a credential (csrf token)'), ('wrapped_key', '', 0.0, 'not a credential (wrapped key)'),
    # what a password or a secret protects (held-out 29, 30): still a credential; the same word before key is not
    ('DOCKER_REGISTRY_PASSWORD', 'password', 1.0, 'password'), ('routing_secret', 'secret', 1.0, 'secret'),
    ('analyzers.ossIndex.password', 'password', 1.0, 'password'), ('routing_key', '', 0.0, 'not a credential (routing key)'),
    ('confirm_password', '', 0.0, 'not a credential (confirm password)'),
    ('publicKeyToken', '', 0.0, 'public by design (public)'), ('public_api_token', '', 0.0, 'public by design (public)'),
    ('InstrumentationKey', '', 0.0, 'public by design (instrumentation)'),
    # PostHog's project token is in every page it tracks (held-out 58); its personal API key is not
    ('REACT_APP_POSTHOG_TOKEN', '', 0.0, 'public by design (posthog)'),
    ('POSTHOG_PERSONAL_API_KEY', 'key', 1.0, 'api key'),
    ('projectKey', '', 0.0, 'an identifier (project key)'),
    ('remoteKey', '', 0.0, 'an identifier (remote key)'), ('sentry_key', '', 0.0, 'an identifier (sentry key)'),
    ('SENTRY_AUTH_TOKEN', 'token', 1.0, 'token'), ('getProjectKey', '', 0.0, 'a flag or limit (get)'),
    ('encrypted_key', '', 0.0, 'ciphertext of a key (encrypted key)'),
    # held-out 84-87: an end-to-end folder's key encrypted to a certificate, a digest S3 requires beside an SSE-C key,
    # a form's captcha nonce, an app key written as one word (appKey is two); Kibana's encryption key stays one
    ('encryptedMetadataKey', '', 0.0, 'ciphertext of a key (encrypted … key)'),
    ('xpack.encryptedSavedObjects.encryptionKey', 'key', 1.0, 'encryption key'),
    ('SSEC_KEY_MD5', '', 0.0, 'names something about a secret (md)'),
    ('captcha_token', '', 0.0, 'not a credential (captcha token)'), ('captcha_secret', 'secret', 1.0, 'secret'),
    ('thumbnail_token', '', 0.0, 'not a credential (thumbnail token)'),  # a search result's image id (held-out 91)
    ('THUMBNAIL_SECRET', 'secret', 1.0, 'secret'), ('thumbnail_password', 'password', 1.0, 'password'),  # (22nd, 02)
    ('rewardTokenSymbol', '', 0.0, 'names something about a secret (symbol)'), ('privkey', 'key', 1.0, 'privkey'),
    ('ALIYUN_APPKEY', 'key', 1.0, 'appkey'),
    ('username', '', 0.0, 'no secret word'), ('max_tokens', '', 0.0, 'no secret word'), ('', '', 0.0, 'no secret word'),
    ('token_password', 'password', 1.0, 'password'),  # the last secret word decides
    ('online_passkey', 'password', 1.0, 'passkey'),  # M-Pesa's Lipa na M-Pesa passkey (held-out 36)
    ('x-amz-credential', '', 0.0, 'not a credential (amz credential)'),  # SigV4's key id and scope (held-out 38)
    ('x-amz-security-token', 'token', 1.0, 'token'),
    ('password_token_type', '', 0.0, 'names something about a secret (type)'),
    # a flag's first word that names how or where the secret is kept (eleventh hostile review, break 04): NuGet's
    # ClearTextPassword, Android's storePassword (a keystore's); the same words as an action stay flags
    ('ClearTextPassword', 'password', 1.0, 'password'), ('clear_text_password', 'password', 1.0, 'password'),
    ('storePassword', 'password', 1.0, 'password'), ('STORE_PASSWORD', 'password', 1.0, 'password'),
    ('storepass', 'password', 1.0, 'pass'),  # keytool's -storepass
    ('clearPassword', '', 0.0, 'a flag or limit (clear)'), ('store_token', '', 0.0, 'a flag or limit (store)'),
    ('clear_text', '', 0.0, 'no secret word'),
    # Matrix's auth_events (the ids of the events that authorise one; held-out 92); a file's path (a tool's cache of
    # digests per file, held-out 92); a path's last word alone is no path
    ('auth_events', '', 0.0, 'names something about a secret (events)'),
    ('src/Repositories/ApiTokenRepository.php', '', 0.0, 'a file path'), ('config\\Secrets\\Token.cs', '', 0.0, 'a file path'),
    ('/run/secrets/db_password', 'password', 1.0, 'password'), ('auth/token', 'token', 1.0, 'token'),
    # a password's hash is cracked back to the password (held-out 95: KASA_DEFAULT_CREDENTIALS_HASH); what describes
    # the hash is still no secret
    ('password_hash', 'password', 1.0, 'password hash'), ('KASA_DEFAULT_CREDENTIALS_HASH', 'secret', 1.0, 'credentials hash'),
    ('passwordDigest', 'password', 1.0, 'password hash'),
    ('PASSWORD_HASH_ALGORITHM', '', 0.0, 'names something about a secret (hash)'),
    ('token_hash', '', 0.0, 'names something about a secret (hash)'),
    # a shop's cart, checkout and order tokens are their ids; Shopify's Storefront token is public by design; a
    # marketplace's module key names the module (held-out 94)
    ('cart_token', '', 0.0, 'not a credential (cart token)'), ('checkoutToken', '', 0.0, 'not a credential (checkout token)'),
    ('CHECKOUT_SECRET', 'secret', 1.0, 'secret'), ('storefrontAccessToken', '', 0.0, 'public by design (storefront)'),
    ('PRIVATE_STOREFRONT_API_TOKEN', 'token', 1.0, 'token'), ('module_key', '', 0.0, 'an identifier (module key)'),
    # a storefront's password, secret or secret key is one; a data file's path names what it holds (26th review, 03, 04)
    ('SHOPIFY_STOREFRONT_PASSWORD', 'password', 1.0, 'password'), ('STOREFRONT_API_SECRET', 'secret', 1.0, 'secret'),
    ('storefront_secret_key', 'key', 1.0, 'secret key'),
    ('secrets/db_password.txt', 'password', 1.0, 'password'), ('auth/token.json', 'token', 1.0, 'token'),
    ('secrets/api.key', 'key', 1.0, 'api key'), ('config/github.token', 'token', 1.0, 'token'),  # (27th review, 01)
    ('vault/db.pwd', 'password', 1.0, 'pwd'),
    ('secrets/db_password.env', 'password', 1.0, 'password'), ('secrets/api_token.data', 'token', 1.0, 'token'),  # (28th, 01)
    ('STOREFRONT_DEPLOY_TOKEN', 'token', 1.0, 'token'), ('storefrontAuthToken', 'token', 1.0, 'token'),  # (28th, 04)
])
def test_judge_key(vocabulary: Vocabulary, key: str, kind: str, strength: float, reason: str) -> None:
    judged = judge_key(key, vocabulary)
    assert (judged.kind, judged.strength, judged.reason) == (kind, strength, reason)
    # (a data file's path is judged by its name without its extension, or with it)
    name = key.replace('\\', '/').rsplit('/', 1)[-1]
    named = (name.rpartition('.')[0], name) if kind and '/' in key and '.' in name else (key,)
    assert judged.words in [split_words(n, vocabulary) for n in named]


def test_no_compound_suffix_ends_with_another(vocabulary: Vocabulary) -> None:
    """A one-word key is split once, at its longest secret-word suffix: none ends with another, so the
    search can stop at the first (bench/mutation counts ``break`` -> ``continue`` there as equivalent)."""
    suffixes = vocabulary.compound_suffixes
    assert list(suffixes) == sorted(suffixes, key=len, reverse=True)
    assert [(a, b) for a in suffixes for b in suffixes if a != b and a.endswith(b)] == []


def test_each_not_flags_phrase_is_a_flag_prefix_and_a_word(vocabulary: Vocabulary) -> None:
    """A `not_flags` phrase undoes a flag prefix: two words, the first one of `flag_prefixes` (else it does nothing)."""
    assert vocabulary.not_flags
    for phrase in vocabulary.not_flags:
        assert len(phrase) == 2 and phrase[0] in vocabulary.flag_prefixes and phrase[1].isalpha(), phrase

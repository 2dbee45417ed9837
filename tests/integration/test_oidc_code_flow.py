"""Single sign-on as another intranet system sees it: authlib's OAuth2Session (a relying party we
did not write) runs the authorisation code flow with PKCE S256 against the real server process
over HTTPS; joserfc validates the id_token against our JWKS. The browser is a requests.Session
that stops at each redirect, as the system browser would follow them; the relying party's own
web server is not needed, its callback address is only read."""

from dataclasses import dataclass
from urllib.parse import parse_qs, urlsplit

import pytest
import requests
from authlib.common.security import generate_token
from authlib.integrations.base_client import OAuthError
from authlib.integrations.requests_client import OAuth2Session
from joserfc import jwt
from joserfc.jwk import KeySet

from sync.server.cli import run
from tests.support.headless_client import sign_in

CALLBACK = "https://docs.example.test/oidc/callback"
OTHER_CALLBACK = "https://docs.example.test/other"


@dataclass
class Provider:
    url: str
    ca_file: str
    discovery: dict
    keys: KeySet
    secrets: dict[str, str]
    tokens_dir: object


def register(database_url: str, capsys, client_id: str, *args: str) -> str:
    """`xietong-server admin oidc-client add`, as IT runs it; the secret is its last line."""
    capsys.readouterr()
    assert run(["admin", "oidc-client", "add", client_id, *args, "--database-url", database_url]) == 0
    return capsys.readouterr().out.strip().splitlines()[-1]


@pytest.fixture
def provider(exchange_server, capsys) -> Provider:
    secrets = {
        "docs": register(exchange_server.database_url, capsys, "docs", "--name", "公文系统", "--redirect-uri", CALLBACK, "--redirect-uri", OTHER_CALLBACK),
        "cars": register(exchange_server.database_url, capsys, "cars", "--name", "车辆管理系统", "--redirect-uri", CALLBACK, "--role", "办公室主任"),
    }
    http = requests.Session()
    http.verify, http.trust_env = exchange_server.ca_file, False
    discovery = http.get(exchange_server.url + "/.well-known/openid-configuration", timeout=10).json()
    keys = KeySet.import_key_set(http.get(discovery["jwks_uri"], timeout=10).json())
    return Provider(exchange_server.url, exchange_server.ca_file, discovery, keys, secrets, exchange_server.tokens_dir)


def relying_party(provider: Provider, client_id: str = "docs", redirect_uri: str = CALLBACK) -> OAuth2Session:
    rp = OAuth2Session(client_id, provider.secrets.get(client_id, "not-the-secret"), scope="openid profile", redirect_uri=redirect_uri, code_challenge_method="S256")
    rp.verify, rp.trust_env = provider.ca_file, False
    return rp


def browser_of(provider: Provider, login: str, tmp_path) -> tuple[requests.Session, str]:
    """A system browser opened by the unlocked desktop client of `login`, and that client's bearer token."""
    client = sign_in(provider.url, provider.ca_file, provider.tokens_dir, login, tmp_path / f"{login}.sqlite")
    client.close()
    browser = requests.Session()
    browser.verify, browser.trust_env = provider.ca_file, False
    return browser, client.transport.token


def open_in_browser(provider: Provider, browser: requests.Session, token: str, url: str) -> requests.Response:
    """What the portal's launcher does: a login ticket for `url`, opened in the browser; returns
    the authorisation endpoint's answer (a redirect, not followed: the callback is the system's)."""
    ticket = requests.post(provider.url + "/oidc/ticket", json={"next": url}, headers={"Authorization": f"Bearer {token}"}, verify=provider.ca_file, timeout=10)
    assert ticket.status_code == 200, ticket.text
    landed = browser.get(ticket.json()["url"], allow_redirects=False, timeout=10)
    assert landed.status_code == 303 and landed.headers["Location"] == url
    return browser.get(url, allow_redirects=False, timeout=10)


def authorize(provider: Provider, rp: OAuth2Session, login: str, tmp_path) -> tuple[str, str, str]:
    """(callback URL with the code, the PKCE verifier, the nonce) for `login` at `rp`."""
    verifier, nonce = generate_token(64), generate_token(20)
    url, _state = rp.create_authorization_url(provider.discovery["authorization_endpoint"], code_verifier=verifier, nonce=nonce)
    browser, token = browser_of(provider, login, tmp_path)
    answer = open_in_browser(provider, browser, token, url)
    assert answer.status_code == 302, answer.text
    return answer.headers["Location"], verifier, nonce


def query(url: str) -> dict[str, str]:
    return {k: v[0] for k, v in parse_qs(urlsplit(url).query).items()}


def userinfo(provider: Provider, access_token: str) -> requests.Response:
    return requests.get(provider.discovery["userinfo_endpoint"], headers={"Authorization": f"Bearer {access_token}"}, verify=provider.ca_file, timeout=10)


def test_discovery_names_the_code_flow_with_pkce(provider):
    d = provider.discovery
    assert (d["response_types_supported"], d["grant_types_supported"], d["code_challenge_methods_supported"]) == (["code"], ["authorization_code"], ["S256"])
    assert d["authorization_endpoint"] == provider.url + "/oidc/authorize" and d["userinfo_endpoint"] == provider.url + "/oidc/userinfo"


def test_a_system_signs_the_user_in_with_the_code_flow(provider, tmp_path):
    rp = relying_party(provider)
    callback, verifier, nonce = authorize(provider, rp, "zhaoli", tmp_path)
    assert callback.startswith(CALLBACK + "?")

    token = rp.fetch_token(provider.discovery["token_endpoint"], authorization_response=callback, code_verifier=verifier)

    id_token = jwt.decode(token["id_token"], provider.keys, algorithms=["ES256"])
    jwt.JWTClaimsRegistry(
        iss={"essential": True, "value": provider.discovery["issuer"]}, aud={"essential": True, "value": "docs"},
        nonce={"essential": True, "value": nonce}, sub={"essential": True}, auth_time={"essential": True},
    ).validate(id_token.claims)  # fmt: skip
    assert (id_token.claims["preferred_username"], id_token.claims["name"]) == ("zhaoli", "赵丽")
    who = userinfo(provider, token["access_token"])
    assert who.status_code == 200
    assert (who.json()["sub"], who.json()["unit_id"], who.json()["roles"]) == (id_token.claims["sub"], "u02", ["收发员"])


def test_a_reused_code_is_refused_and_revokes_what_it_gave(provider, tmp_path):
    rp = relying_party(provider)
    callback, verifier, _nonce = authorize(provider, rp, "zhaoli", tmp_path)
    first = rp.fetch_token(provider.discovery["token_endpoint"], authorization_response=callback, code_verifier=verifier)
    assert userinfo(provider, first["access_token"]).status_code == 200

    with pytest.raises(OAuthError) as refused:
        rp.fetch_token(provider.discovery["token_endpoint"], authorization_response=callback, code_verifier=verifier)
    assert refused.value.error == "invalid_grant"
    assert userinfo(provider, first["access_token"]).status_code == 401


@pytest.mark.parametrize("verifier", [None, "wrong"], ids=["missing", "wrong"])
def test_the_code_needs_its_own_pkce_verifier(provider, tmp_path, verifier):
    rp = relying_party(provider)
    callback, right, _nonce = authorize(provider, rp, "zhaoli", tmp_path)
    given = {} if verifier is None else {"code_verifier": generate_token(64)}
    with pytest.raises(OAuthError) as refused:
        rp.fetch_token(provider.discovery["token_endpoint"], authorization_response=callback, **given)
    assert refused.value.error == "invalid_grant"


def test_a_wrong_redirect_uri_is_refused(provider, tmp_path):
    rp = relying_party(provider, redirect_uri="https://evil.example.test/steal")
    url, _ = rp.create_authorization_url(provider.discovery["authorization_endpoint"], code_verifier=generate_token(64))
    browser, token = browser_of(provider, "zhaoli", tmp_path)
    answer = open_in_browser(provider, browser, token, url)
    assert answer.status_code == 400 and "Location" not in answer.headers  # never sent to an unregistered address
    assert answer.json()["detail"]["code"] == "oidc.invalid_request"

    rp = relying_party(provider)
    callback, verifier, _nonce = authorize(provider, rp, "zhaoli", tmp_path / "again")
    rp.redirect_uri = OTHER_CALLBACK  # registered too, but not the one the code was given for
    with pytest.raises(OAuthError) as refused:
        rp.fetch_token(provider.discovery["token_endpoint"], authorization_response=callback, code_verifier=verifier)
    assert refused.value.error == "invalid_grant"


def test_an_unknown_system_is_refused(provider, tmp_path):
    rp = relying_party(provider, client_id="unknown")
    url, _ = rp.create_authorization_url(provider.discovery["authorization_endpoint"], code_verifier=generate_token(64))
    browser, token = browser_of(provider, "zhaoli", tmp_path)
    answer = open_in_browser(provider, browser, token, url)
    assert answer.status_code == 400 and answer.json()["error"] == "invalid_client"

    callback, verifier, _nonce = authorize(provider, relying_party(provider), "zhaoli", tmp_path / "again")
    with pytest.raises(OAuthError) as refused:
        relying_party(provider, client_id="unknown").fetch_token(provider.discovery["token_endpoint"], authorization_response=callback, code_verifier=verifier)
    assert refused.value.error == "invalid_client"


def test_a_system_for_some_roles_turns_the_others_away(provider, tmp_path):
    refused, _verifier, _nonce = authorize(provider, relying_party(provider, "cars"), "zhaoli", tmp_path)  # 收发员
    assert query(refused)["error"] == "access_denied" and "code" not in query(refused)

    allowed, _verifier, _nonce = authorize(provider, relying_party(provider, "cars"), "chenjg", tmp_path)  # 办公室主任
    assert "code" in query(allowed)


def test_the_browser_needs_a_fresh_ticket_from_a_signed_in_client(provider, tmp_path):
    url, _ = relying_party(provider).create_authorization_url(provider.discovery["authorization_endpoint"], code_verifier=generate_token(64))
    browser, token = browser_of(provider, "zhaoli", tmp_path)
    assert browser.get(url, allow_redirects=False, timeout=10).status_code == 401  # no ticket spent: nobody signed in
    ticket = requests.post(provider.url + "/oidc/ticket", json={"next": url}, headers={"Authorization": f"Bearer {token}"}, verify=provider.ca_file, timeout=10).json()
    assert browser.get(ticket["url"], allow_redirects=False, timeout=10).status_code == 303
    assert requests.get(ticket["url"], allow_redirects=False, verify=provider.ca_file, timeout=10).status_code == 401  # one use
    foreign = requests.post(provider.url + "/oidc/ticket", json={"next": "https://evil.example.test/"}, headers={"Authorization": f"Bearer {token}"}, verify=provider.ca_file, timeout=10)
    assert foreign.status_code == 400

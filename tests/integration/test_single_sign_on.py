"""Another intranet system validates our access tokens with a library we did not write (joserfc),
finding the keys through OIDC discovery over HTTPS, as a relying party does."""

import base64
import json

import pytest
import requests
from joserfc import jwt
from joserfc.errors import BadSignatureError, InvalidClaimError
from joserfc.jwk import KeySet

from tests.support.headless_client import sign_in


@pytest.fixture
def relying_party(exchange_server):
    """What another system keeps: the issuer's discovery document and key set, fetched over HTTPS."""
    http = requests.Session()
    http.verify, http.trust_env = exchange_server.ca_file, False
    discovery = http.get(exchange_server.url + "/.well-known/openid-configuration", timeout=10).json()
    keys = KeySet.import_key_set(http.get(discovery["jwks_uri"], timeout=10).json())
    return discovery, keys


def access_token(exchange_server, tmp_path) -> str:
    client = sign_in(exchange_server.url, exchange_server.ca_file, exchange_server.tokens_dir, "zhaoli", tmp_path / "c.sqlite")
    client.close()
    return client.transport.token


def test_another_system_validates_our_access_token(exchange_server, relying_party, tmp_path):
    discovery, keys = relying_party
    assert discovery["issuer"] == exchange_server.url
    token = jwt.decode(access_token(exchange_server, tmp_path), keys, algorithms=["ES256"])
    jwt.JWTClaimsRegistry(iss={"essential": True, "value": discovery["issuer"]}, aud={"essential": True, "value": "xietong"}).validate(token.claims)
    assert (token.claims["preferred_username"], token.claims["name"], token.claims["unit_id"]) == ("zhaoli", "赵丽", "u02")
    assert "x5t#S256" in token.claims["cnf"]


def test_a_forged_or_foreign_token_does_not_validate(exchange_server, relying_party, tmp_path):
    discovery, keys = relying_party
    header, payload, signature = access_token(exchange_server, tmp_path).split(".")
    claims = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
    forged = base64.urlsafe_b64encode(json.dumps({**claims, "preferred_username": "chenjg"}).encode()).rstrip(b"=").decode()
    with pytest.raises(BadSignatureError):
        jwt.decode(".".join((header, forged, signature)), keys, algorithms=["ES256"])
    genuine = jwt.decode(".".join((header, payload, signature)), keys, algorithms=["ES256"])
    with pytest.raises(InvalidClaimError):
        jwt.JWTClaimsRegistry(iss={"essential": True, "value": "https://another-issuer"}).validate(genuine.claims)

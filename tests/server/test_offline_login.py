"""Offline login checks what the last online login left: an expired, forged or foreign grant, a
clock wound back, a stale or revoking CRL, or another certificate each refuse it."""

import base64
import datetime as dt
import json
import time

import jwt
import pytest
from cryptography import x509
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.serialization import Encoding

from app.services import offline_login
from app.services.offline_login import OfflineRefused
from app.store import meta
from sync.server.pki import admin
from sync.server.pki import ca as authority
from tests.server.helpers import signer
from tests.server.inprocess_clients import inprocess_client

DAY = 86400


@pytest.fixture
def online(deployment, tmp_path):
    client, _session = inprocess_client(deployment, "liming", tmp_path)
    yield client
    client.close()


@pytest.fixture
def anchors(tokens):
    return [x509.load_pem_x509_certificate((tokens.parent / "pki" / "root-ca" / "ca.pem").read_bytes())]


def material(client) -> dict:
    with client.cache.session() as s:
        return json.loads(meta.get(s, offline_login.MATERIAL_KEY))


def store(client, changed: dict) -> None:
    with client.cache.sessions.begin() as s:
        meta.put(s, offline_login.MATERIAL_KEY, json.dumps(changed))


def refusal(client, key, anchors, now: float) -> str:
    with pytest.raises(OfflineRefused) as refused:
        offline_login.check(client.cache, key, anchors, now)
    return refused.value.code


def test_the_key_pin_and_a_fresh_grant_let_the_owner_in(online, tokens, anchors):
    offline_login.check(online.cache, signer(tokens, "liming"), anchors, time.time() + 3 * DAY)
    assert offline_login.owner_id(online.cache) == online.user.id


def test_an_expired_grant_is_refused(online, tokens, anchors):
    assert refusal(online, signer(tokens, "liming"), anchors, time.time() + 15 * DAY) == "grant.expired"


def test_a_grant_signed_by_another_key_is_refused(online, tokens, anchors):
    held = material(online)
    claims = jwt.decode(held["grant"], options={"verify_signature": False})
    kid = jwt.get_unverified_header(held["grant"])["kid"]
    forger = ec.generate_private_key(ec.SECP256R1())
    forged = jwt.encode({**claims, "exp": int(time.time()) + 90 * DAY}, forger, algorithm="ES256", headers={"kid": kid, "typ": offline_login.GRANT_TYPE})
    store(online, {**held, "grant": forged})
    assert refusal(online, signer(tokens, "liming"), anchors, time.time()) == "grant.invalid"


def test_a_grant_of_another_device_is_refused(online, tokens, anchors):
    with online.cache.sessions.begin() as s:
        meta.put(s, "device_id", "dev-copied-cache")
    assert refusal(online, signer(tokens, "liming"), anchors, time.time()) == "grant.other_device"


def test_another_persons_certificate_is_refused(online, tokens, anchors):
    assert refusal(online, signer(tokens, "zhaoli"), anchors, time.time()) == "grant.other_certificate"


def test_a_clock_wound_back_is_refused(online, tokens, anchors):
    offline_login.check(online.cache, signer(tokens, "liming"), anchors, time.time() + 2 * DAY)
    assert refusal(online, signer(tokens, "liming"), anchors, time.time() + DAY) == "clock.rolled_back"


def test_a_stale_or_revoking_crl_is_refused(online, tokens, anchors):
    held = material(online)
    user_ca = admin.load_ca(tokens.parent / "pki" / "user-ca")
    now = dt.datetime.now(dt.timezone.utc)
    leaf = x509.load_der_x509_certificate(signer(tokens, "liming").certificate)
    stale = authority.sign_crl(user_ca, [], now - dt.timedelta(days=10), days=9, number=99)
    revoking = authority.sign_crl(user_ca, [(leaf.serial_number, now)], now, days=7, number=100)
    for crl, code in ((stale, "crl.stale"), (revoking, "cert.revoked")):
        crls = [c for c in held["crls"] if x509.load_der_x509_crl(base64.b64decode(c)).issuer != user_ca.certificate.subject]
        store(online, {**held, "crls": [*crls, base64.b64encode(crl.public_bytes(Encoding.DER)).decode()]})
        assert refusal(online, signer(tokens, "liming"), anchors, time.time()) == code


def test_a_pc_that_never_logged_in_online_has_no_grant(online, tokens, anchors):
    with online.cache.sessions.begin() as s:
        meta.put(s, offline_login.MATERIAL_KEY, "")
    assert refusal(online, signer(tokens, "liming"), anchors, time.time()) == "grant.missing"


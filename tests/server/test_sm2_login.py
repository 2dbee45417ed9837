"""A person with an SM2 certificate (the national algorithm most government CAs issue), from an
SM2 CA made with openssl, logs in; the server checks the SM2 chain, CRL and signature."""

import time

import pytest

from app.identity.sm2_key import find_sm2_keys
from sync.server.pki import admin
from tests.server.helpers import challenge, login_body, new_device, signer
from tests.support import openssl_sm2

PIN = "135246"


@pytest.fixture
def sm2_person(client, tmp_path):
    pki = openssl_sm2.make(tmp_path / "sm2-ca")
    openssl_sm2.add_person(pki, "zhaoli", "赵丽", "南通市发展和改革委员会", PIN)
    with client.app.state.db.sessions.begin() as s:
        admin.import_cas(s, pki.root, anchor=True, now=time.time())
        admin.import_crl(s, pki.crl)
        admin.map_certificate(s, pki.person("zhaoli").with_suffix(".crt"), "zhaoli", time.time())
    [key] = find_sm2_keys(pki.person("zhaoli").parent)
    return key


def test_an_sm2_certificate_logs_in(client, sm2_person):
    answer = client.post("/auth/v1/login", json=login_body(sm2_person.unlock(PIN), challenge(client), new_device()))
    assert answer.status_code == 200, answer.text
    assert answer.json()["user"]["login"] == "zhaoli"
    assert len(answer.json()["offline"]["chain"]) == 2


def test_an_sm2_signature_by_another_key_is_refused(client, sm2_person, tokens):
    impostor = signer(tokens, "zhaoli")  # zhaoli's own demo key, but the SM2 certificate
    body = login_body(impostor, challenge(client), new_device())
    body["certificate"] = login_body(sm2_person.unlock(PIN), "x" * 16, "dev-x")["certificate"]
    assert client.post("/auth/v1/login", json=body).status_code == 401

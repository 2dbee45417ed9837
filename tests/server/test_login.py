"""Certificate login: what it answers, and every way a login must be refused (issue #4's list).

Certificates for the refusals are made by the deployment's own CA code (sync/server/pki/ca.py)
or, where the certificate must be odd in a way our CA never makes, with the openssl command.
"""

import base64
import datetime as dt
import subprocess
import time
from pathlib import Path

import jwt
import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric.utils import decode_dss_signature
from cryptography.hazmat.primitives.serialization import Encoding, NoEncryption, PrivateFormat
from fastapi.testclient import TestClient
from sqlalchemy import select, update

from app.domain.scopes import file_scopes_for, scopes_for
from sync.server.audit.models import AuditEventModel
from sync.server.auth.models import ChallengeModel
from sync.server.main import create_app
from sync.server.pki import admin
from sync.server.pki import ca as authority
from sync.server.pki.models import CrlModel
from sync.server.pki.service import name_key
from tests.server.conftest import inprocess_settings
from tests.server.helpers import challenge, log_in, login_body, new_device, signer
from app.identity.p12_key import P12Signer

FAILED = {"code": "auth.failed", "message": "登录失败：证书或签名未通过验证。"}
NOW = dt.datetime.now(dt.timezone.utc)


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


def pki_dir(tokens: Path) -> Path:
    return tokens.parent / "pki"


def new_signer(client, tokens: Path, login: str, now: dt.datetime = NOW, days: int = 30) -> P12Signer:
    """A fresh key with a certificate from the demo user CA, bound to `login`."""
    key = authority.new_key()
    with client.app.state.db.sessions.begin() as s:
        cert = admin.issue_for_public_key(s, pki_dir(tokens) / "user-ca", login, key.public_key(), now, days)
    return P12Signer(cert.public_bytes(Encoding.DER), login, key)


def attempt(client, key: P12Signer, nonce: str | None = None, device: str | None = None, **changes):
    body = {**login_body(key, nonce or challenge(client), device or new_device()), **changes}
    return client.post("/auth/v1/login", json=body)


def refused(answer) -> bool:
    return answer.status_code == 401 and answer.json()["detail"] == FAILED


def last_failure(client) -> str:
    with client.app.state.db.sessions() as s:
        return s.scalars(select(AuditEventModel.detail).where(AuditEventModel.event == "login.failed").order_by(AuditEventModel.id.desc())).first()


def test_login_answers_the_user_tokens_and_what_offline_login_needs(client, tokens):
    me = log_in(client, tokens, "wangxy")
    answer = me.login
    user = answer.user
    assert (user.id, user.login, user.name, user.unit_id, user.unit_name, user.department_id, user.roles) == ("p1", "wangxy", "王晓燕", "u01", "市人民政府办公室", "u01-d1", ["收发员"])
    assert answer.scopes == scopes_for("p1", "u01") + file_scopes_for("p1", "u01-d1", "u01", "机密")
    assert answer.expires_in == 900 and answer.refresh_token
    assert abs(answer.server_time - time.time()) < 60
    assert len(answer.offline.chain) == 3 and len(answer.offline.crls) == 2  # user, user CA, root; both CAs' CRLs
    assert len(base64.b64decode(answer.cache_escrow)) == 32
    assert client.get("/auth/v1/me", headers=me.headers).json()["name"] == "王晓燕"


def test_the_same_device_gets_the_same_cache_escrow(client, tokens):
    device = new_device()
    assert log_in(client, tokens, "liming", device).login.cache_escrow == log_in(client, tokens, "liming", device).login.cache_escrow


def test_someone_elses_certificate_with_your_key_is_refused(client, tokens):
    mine, theirs = signer(tokens, "wangxy"), signer(tokens, "chenjg")
    assert refused(attempt(client, P12Signer(theirs.certificate, "chenjg", mine.key)))
    assert last_failure(client) == "signature.invalid"


def test_a_tampered_signature_is_refused(client, tokens):
    key = signer(tokens, "wangxy")
    body = login_body(key, challenge(client), new_device())
    raw = bytearray(base64.b64decode(body["signature"]))
    raw[-1] ^= 1
    assert refused(client.post("/auth/v1/login", json={**body, "signature": base64.b64encode(bytes(raw)).decode()}))


def test_a_signature_in_the_wrong_encoding_is_refused(client, tokens):
    """PKCS#11 tokens answer raw r||s; the protocol wants DER, and the server takes nothing else."""
    key = signer(tokens, "wangxy")
    body = login_body(key, challenge(client), new_device())
    r, s = decode_dss_signature(base64.b64decode(body["signature"]))
    raw = r.to_bytes(32, "big") + s.to_bytes(32, "big")
    assert refused(client.post("/auth/v1/login", json={**body, "signature": base64.b64encode(raw).decode()}))
    assert refused(client.post("/auth/v1/login", json={**body, "signature": "%%not base64%%"}))


def test_a_nonce_is_spent_by_its_first_use_even_a_failed_one(client, tokens):
    key, device = signer(tokens, "liming"), new_device()
    nonce = challenge(client)
    assert refused(attempt(client, signer(tokens, "zhaoli"), nonce, device, certificate=base64.b64encode(key.certificate).decode()))
    assert refused(attempt(client, key, nonce, device))
    fresh = challenge(client)
    assert attempt(client, key, fresh, device).status_code == 200
    assert refused(attempt(client, key, fresh, device))  # replayed


def test_an_expired_or_foreign_challenge_is_refused(client, tokens):
    key = signer(tokens, "zhaoli")
    nonce = challenge(client)
    with client.app.state.db.sessions.begin() as s:
        s.execute(update(ChallengeModel).where(ChallengeModel.nonce == nonce).values(expires_at=time.time() - 1))
    assert refused(attempt(client, key, nonce))
    assert refused(attempt(client, key, "a-nonce-this-server-never-issued"))


def test_a_signature_made_for_another_server_is_refused(client, tokens):
    key, nonce, device = signer(tokens, "zhaoli"), challenge(client), new_device()
    assert refused(client.post("/auth/v1/login", json=login_body(key, nonce, device, audience="https://other-server.example")))


def test_expired_and_not_yet_valid_certificates_are_refused(client, tokens):
    expired = new_signer(client, tokens, "liming", now=NOW - dt.timedelta(days=40), days=30)
    future = new_signer(client, tokens, "liming", now=NOW + dt.timedelta(days=2), days=30)
    for key in (expired, future):
        assert refused(attempt(client, key))
        assert last_failure(client).startswith("cert.untrusted")


def test_a_certificate_of_an_unknown_ca_is_refused(client, tokens):
    stranger = authority.new_root_ca("陌生CA", "某机构", NOW)
    key = authority.new_key()
    cert = authority.issue_user_certificate(stranger, key.public_key(), "王晓燕", "某机构", "", NOW)
    assert refused(attempt(client, P12Signer(cert.public_bytes(Encoding.DER), "wangxy", key)))
    assert last_failure(client).startswith("cert.untrusted")


def test_a_ca_certificate_presented_as_a_persons_is_refused(client, tokens):
    user_ca = admin.load_ca(pki_dir(tokens) / "user-ca")
    assert refused(attempt(client, P12Signer(user_ca.certificate.public_bytes(Encoding.DER), "ca", user_ca.key)))


@pytest.mark.parametrize("usage", ["extendedKeyUsage=serverAuth\n", ""], ids=["server auth only", "no extended key usage"])
def test_a_certificate_without_client_auth_is_refused(client, tokens, tmp_path, usage):
    """Made with openssl from the trusted user CA: a server certificate, or one naming no usage."""
    ca = pki_dir(tokens) / "user-ca"
    key = authority.new_key()
    (tmp_path / "key.pem").write_bytes(key.private_bytes(Encoding.PEM, PrivateFormat.PKCS8, NoEncryption()))
    (tmp_path / "ext.cnf").write_text("basicConstraints=critical,CA:FALSE\nkeyUsage=critical,digitalSignature\n" + usage)
    openssl = ["openssl"]
    subprocess.run([*openssl, "req", "-new", "-key", tmp_path / "key.pem", "-subj", "/CN=wangxy", "-out", tmp_path / "req.csr"], check=True, capture_output=True)
    subprocess.run(
        [*openssl, "x509", "-req", "-in", tmp_path / "req.csr", "-CA", ca / "ca.pem", "-CAkey", ca / "ca.key.pem", "-CAcreateserial",
         "-days", "30", "-extfile", tmp_path / "ext.cnf", "-out", tmp_path / "cert.pem"], check=True, capture_output=True,
    )  # fmt: skip
    cert = x509.load_pem_x509_certificate((tmp_path / "cert.pem").read_bytes())
    with client.app.state.db.sessions.begin() as s:
        admin.map_certificate(s, tmp_path / "cert.pem", "wangxy", time.time())
    assert refused(attempt(client, P12Signer(cert.public_bytes(Encoding.DER), "wangxy", key)))
    assert "EKU" in last_failure(client) if usage else last_failure(client) == "cert.no_client_auth"


def test_a_valid_certificate_bound_to_nobody_is_refused(client, tokens):
    user_ca = admin.load_ca(pki_dir(tokens) / "user-ca")
    key = authority.new_key()
    cert = authority.issue_user_certificate(user_ca, key.public_key(), "无名氏", "南通市人民政府", "", NOW)
    assert refused(attempt(client, P12Signer(cert.public_bytes(Encoding.DER), "nobody", key)))
    assert last_failure(client) == "cert.not_bound"


def test_a_revoked_certificate_is_refused_and_its_sessions_end(client, tokens):
    key = new_signer(client, tokens, "zhouqiang")
    me_before = attempt(client, key)
    assert me_before.status_code == 200
    headers = {"Authorization": f"Bearer {me_before.json()['access_token']}"}
    serial = f"{x509.load_der_x509_certificate(key.certificate).serial_number:x}"
    with client.app.state.db.sessions.begin() as s:
        assert admin.revoke(s, pki_dir(tokens) / "user-ca", serial, "密钥遗失", utc_now()) == 1
        admin.publish_crl(s, pki_dir(tokens) / "user-ca", utc_now(), 30)
    assert client.get("/auth/v1/me", headers=headers).status_code == 401
    assert refused(attempt(client, key))
    assert last_failure(client).startswith("cert.revoked")


def test_a_stale_crl_refuses_every_certificate_of_its_issuer(client, tokens):
    """The CRL held is the one published ten days ago for nine days: nobody published since."""
    ca_folder = pki_dir(tokens) / "user-ca"
    aged = authority.sign_crl(admin.load_ca(ca_folder), [], NOW - dt.timedelta(days=10), days=9, number=1)
    try:
        with client.app.state.db.sessions.begin() as s:
            s.merge(CrlModel(issuer_key=name_key(aged.issuer), der=aged.public_bytes(Encoding.DER), this_update=aged.last_update_utc.timestamp(), next_update=aged.next_update_utc.timestamp()))
        assert refused(attempt(client, signer(tokens, "wangxy")))
        assert last_failure(client).startswith("crl.stale")
    finally:
        with client.app.state.db.sessions.begin() as s:
            admin.publish_crl(s, ca_folder, utc_now(), 30)
    assert attempt(client, signer(tokens, "wangxy")).status_code == 200


@pytest.mark.parametrize(
    "changes",
    [
        {"chain": ["AAAA"] * 5},  # more intermediates than a real chain has
        {"certificate": "A" * 30_000},  # larger than any certificate
        {"signature": "A" * 5000},
    ],
    ids=["too many certificates", "oversized certificate", "oversized signature"],
)
def test_oversized_requests_get_a_4xx_with_a_reason(client, tokens, changes):
    answer = attempt(client, signer(tokens, "wangxy"), **changes)
    assert answer.status_code == 422
    assert answer.json()["detail"]["code"]


def test_malformed_certificates_are_refused(client, tokens):
    key = signer(tokens, "wangxy")
    assert refused(attempt(client, key, certificate=base64.b64encode(b"\x30\x82garbage").decode()))
    assert refused(attempt(client, key, chain=[base64.b64encode(b"not a certificate").decode()]))


def test_a_refresh_token_rotates_and_a_reused_one_revokes_the_session(client, tokens):
    me = log_in(client, tokens, "chenjg")
    first = me.login.refresh_token
    renewed = client.post("/auth/v1/refresh", json={"refresh_token": first})
    assert renewed.status_code == 200
    second = renewed.json()["refresh_token"]
    new_headers = {"Authorization": f"Bearer {renewed.json()['access_token']}"}
    assert client.get("/auth/v1/me", headers=new_headers).status_code == 200
    stolen = client.post("/auth/v1/refresh", json={"refresh_token": first})
    assert stolen.status_code == 401
    assert client.get("/auth/v1/me", headers=new_headers).status_code == 401  # the whole family ends
    assert client.post("/auth/v1/refresh", json={"refresh_token": second}).status_code == 401
    with client.app.state.db.sessions() as s:
        events = s.scalars(select(AuditEventModel.event).where(AuditEventModel.device_id == me.device_id).order_by(AuditEventModel.id)).all()
    assert events == ["login.ok", "token.refresh", "token.reuse", "token.refused"]


def test_logout_ends_the_session_and_lock_events_are_audited(client, tokens):
    me = log_in(client, tokens, "liming")
    assert client.post("/auth/v1/events", json={"event": "lock"}, headers=me.headers).status_code == 204
    assert client.post("/auth/v1/events", json={"event": "unlock"}, headers=me.headers).status_code == 204
    assert client.post("/auth/v1/logout", headers=me.headers).status_code == 204
    assert client.get("/auth/v1/me", headers=me.headers).status_code == 401
    with client.app.state.db.sessions() as s:
        events = s.scalars(select(AuditEventModel.event).where(AuditEventModel.device_id == me.device_id).order_by(AuditEventModel.id)).all()
    assert events == ["login.ok", "session.lock", "session.unlock", "logout"]


def test_api_needs_a_valid_token(client, tokens):
    missing = client.get("/auth/v1/me")
    assert missing.status_code == 401
    assert missing.json()["detail"]["code"] == "auth.required"
    assert missing.headers["www-authenticate"] == "Bearer"
    unknown = client.get("/auth/v1/me", headers={"Authorization": "Bearer not-a-token"})
    assert unknown.json()["detail"]["code"] == "auth.expired"


def test_a_flood_of_challenges_is_rate_limited(deployment, tmp_path):
    settings = inprocess_settings(deployment.database_url, tmp_path).model_copy(update={"challenges_per_minute": 6, "challenge_burst": 10})
    with TestClient(create_app(settings)) as flooded:
        answers = [flooded.post("/auth/v1/challenge").status_code for _ in range(15)]
    assert answers[:10] == [200] * 10
    assert 429 in answers[10:]


def test_the_access_token_is_bound_to_the_certificate(client, tokens):
    key = signer(tokens, "wangxy")
    me = log_in(client, tokens, "wangxy")
    claims = jwt.decode(me.login.access_token, options={"verify_signature": False})
    thumb = base64.urlsafe_b64encode(x509.load_der_x509_certificate(key.certificate).fingerprint(hashes.SHA256())).rstrip(b"=").decode()
    assert claims["cnf"] == {"x5t#S256": thumb}
    assert claims["preferred_username"] == "wangxy"


def test_a_ca_below_a_path_length_of_zero_is_not_trusted(client, tokens, tmp_path):
    """The demo user CA may have no CA below it (pathLenConstraint 0); one made anyway, and
    imported, still issues nothing that logs in."""
    with client.app.state.db.sessions.begin() as s:
        admin.create_ca(s, tmp_path / "rogue-ca", "下级CA", "南通市人民政府", utc_now(), parent=pki_dir(tokens) / "user-ca", path_length=0)
        admin.publish_crl(s, tmp_path / "rogue-ca", utc_now(), 30)
        key = authority.new_key()
        cert = admin.issue_for_public_key(s, tmp_path / "rogue-ca", "liming", key.public_key(), utc_now())
    assert refused(attempt(client, P12Signer(cert.public_bytes(Encoding.DER), "liming", key)))
    assert "path length" in last_failure(client)

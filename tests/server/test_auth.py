"""Login by challenge-response, one-use nonces, devices, and bearer tokens."""

import time

from sqlalchemy import update

from app.domain.scopes import scopes_for
from sync.server.auth.models import AccessTokenModel, ChallengeModel
from tests.server.helpers import challenge, log_in, new_device, sign, signing_key

FAILED = {"code": "auth.failed", "message": "登录失败，请重新登录。"}


def attempt(client, tokens, login, nonce, device_id, key_login=None):
    signature = sign(signing_key(tokens / f"{key_login or login}.xtoken"), nonce, login, device_id)
    return client.post("/auth/v1/login", json={"login": login, "nonce": nonce, "device_id": device_id, "signature": signature})


def test_login_answers_the_user_and_their_scopes(client, tokens):
    me = log_in(client, tokens, "wangxy")
    user = me.login.user
    assert (user.id, user.login, user.name, user.unit_id, user.unit_name, user.department_id, user.roles) == ("p1", "wangxy", "王晓燕", "u01", "市人民政府办公室", "u01-d1", ["收发员"])
    assert me.login.scopes == scopes_for("p1", "u01")
    assert me.login.expires_in == 8 * 3600
    assert abs(me.login.server_time - time.time()) < 60
    answer = client.get("/auth/v1/me", headers=me.headers)
    assert answer.status_code == 200
    assert answer.json()["name"] == "王晓燕"


def test_wrong_signature_is_refused_without_saying_why(client, tokens):
    device = new_device()
    answer = attempt(client, tokens, "wangxy", challenge(client, "wangxy"), device, key_login="chenjg")
    assert answer.status_code == 401
    assert answer.json()["detail"] == FAILED


def test_nonce_is_spent_by_its_first_use(client, tokens):
    device = new_device()
    nonce = challenge(client, "liming")
    assert attempt(client, tokens, "liming", nonce, device).status_code == 200
    again = attempt(client, tokens, "liming", nonce, device)
    assert again.status_code == 401
    assert again.json()["detail"] == FAILED


def test_a_failed_attempt_spends_the_nonce_too(client, tokens):
    device = new_device()
    nonce = challenge(client, "liming")
    assert attempt(client, tokens, "liming", nonce, device, key_login="zhaoli").status_code == 401
    assert attempt(client, tokens, "liming", nonce, device).status_code == 401


def test_expired_nonce_is_refused(client, tokens):
    nonce = challenge(client, "zhaoli")
    with client.app.state.db.sessions.begin() as s:
        s.execute(update(ChallengeModel).where(ChallengeModel.nonce == nonce).values(expires_at=time.time() - 1))
    answer = attempt(client, tokens, "zhaoli", nonce, new_device())
    assert answer.status_code == 401
    assert answer.json()["detail"] == FAILED


def test_unknown_login_gets_a_nonce_and_the_same_refusal(client, tokens):
    nonce = challenge(client, "nobody")
    assert len(nonce) >= 32
    answer = attempt(client, tokens, "nobody", nonce, new_device(), key_login="wangxy")
    assert answer.status_code == 401
    assert answer.json()["detail"] == FAILED


def test_a_nonce_answers_only_the_login_it_was_issued_for(client, tokens):
    nonce = challenge(client, "wangxy")
    assert attempt(client, tokens, "chenjg", nonce, new_device()).status_code == 401


def test_a_device_of_another_person_is_refused(client, tokens):
    device = new_device()
    log_in(client, tokens, "wangxy", device)
    answer = attempt(client, tokens, "chenjg", challenge(client, "chenjg"), device)
    assert answer.status_code == 403
    assert answer.json()["detail"]["code"] == "auth.device_taken"
    assert log_in(client, tokens, "wangxy", device).login.user.login == "wangxy"  # its owner again: fine


def test_api_needs_a_valid_token(client, tokens):
    missing = client.get("/auth/v1/me")
    assert missing.status_code == 401
    assert missing.json()["detail"]["code"] == "auth.required"
    assert missing.headers["www-authenticate"] == "Bearer"
    unknown = client.get("/auth/v1/me", headers={"Authorization": "Bearer not-a-token"})
    assert unknown.status_code == 401
    assert unknown.json()["detail"]["code"] == "auth.expired"


def test_expired_token_is_refused(client, tokens):
    me = log_in(client, tokens, "zhouqiang")
    with client.app.state.db.sessions.begin() as s:
        s.execute(update(AccessTokenModel).where(AccessTokenModel.device_id == me.device_id).values(expires_at=time.time() - 1))
    answer = client.post("/sync/v1/pull", json={"device_id": me.device_id, "cursors": {}}, headers=me.headers)
    assert answer.status_code == 401
    assert answer.json()["detail"]["code"] == "auth.expired"

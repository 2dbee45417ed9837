"""What single sign-on hands out lives only so long: codes, login tickets, and whatever came from a
desktop login that has ended. The service is called with an explicit clock (no waiting), on the
shared in-process deployment's real database."""

import time
import uuid

import jwt
import pytest
from authlib.oauth2.rfc7636 import create_s256_code_challenge

from sync.server.auth.models import SessionModel
from sync.server.database import open_database
from sync.server.directory.models import PersonModel
from sync.server.oidc import clients, service
from sync.server.oidc.service import AuthorizeRequest, Refused, SignedIn
from tests.server.helpers import AUDIENCE, log_in

VERIFIER = "v" * 64
CALLBACK = "https://docs.example.test/cb"


@pytest.fixture
def db(deployment):
    database = open_database(deployment.database_url)
    yield database
    database.close()


def signed_in(db, logged_in) -> SignedIn:
    sid = jwt.decode(logged_in.login.access_token, options={"verify_signature": False})["sid"]
    with db.sessions() as s:
        login = s.get(SessionModel, sid)
        return SignedIn(s.get(PersonModel, login.person_id), login)


def code_for(db, user: SignedIn, now: float) -> tuple[str, str]:
    """(client_id, code) of a freshly registered system."""
    client_id = f"docs-{uuid.uuid4().hex[:8]}"
    req = AuthorizeRequest(client_id, CALLBACK, "code", "openid", "s", "n", create_s256_code_challenge(VERIFIER), "S256")
    with db.sessions.begin() as s:
        clients.add(s, client_id, "公文系统", [CALLBACK], [], now)
        return client_id, service.authorize(s, clients.registered(s, client_id), req, user, now)


def redeem(db, policy, client_id: str, code: str, now: float) -> dict:
    with db.sessions.begin() as s:
        return service.redeem(s, clients.registered(s, client_id), code, CALLBACK, VERIFIER, policy, now)


def test_a_code_expires_after_a_minute(deployment, db):
    policy, now = deployment.client.app.state.token_policy, time.time()
    user = signed_in(db, log_in(deployment.client, deployment.tokens_dir, "zhaoli"))
    client_id, code = code_for(db, user, now)
    with pytest.raises(Refused) as refused:
        redeem(db, policy, client_id, code, now + service.CODE_TTL_S + 1)
    assert refused.value.error == "invalid_grant" and "过期" in refused.value.message
    assert redeem(db, policy, client_id, code, now + service.CODE_TTL_S - 1)["token_type"] == "Bearer"


def test_a_login_ticket_is_good_for_a_minute(deployment, db):
    now = time.time()
    user = signed_in(db, log_in(deployment.client, deployment.tokens_dir, "zhaoli"))
    with db.sessions.begin() as s:
        ticket = service.issue_ticket(s, user.login.id, AUDIENCE + "/oidc/authorize", AUDIENCE, now)
    with pytest.raises(Refused), db.sessions.begin() as s:
        service.open_browser_session(s, ticket, now + service.TICKET_TTL_S + 1)


def test_logging_out_of_the_desktop_ends_what_single_sign_on_gave(deployment, db):
    policy, now = deployment.client.app.state.token_policy, time.time()
    logged_in = log_in(deployment.client, deployment.tokens_dir, "zhaoli")
    client_id, code = code_for(db, signed_in(db, logged_in), now)
    access = redeem(db, policy, client_id, code, now)["access_token"]
    with db.sessions() as s:
        assert service.userinfo(s, access, now)["preferred_username"] == "zhaoli"

    assert deployment.client.post("/auth/v1/logout", headers=logged_in.headers).status_code == 204
    with db.sessions() as s:
        assert service.userinfo(s, access, now) is None


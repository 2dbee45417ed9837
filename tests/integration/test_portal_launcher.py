"""The 门户's launcher over the real server process: IT registers systems with their icon, address,
unit and roles; each client lists only those its user's roles may see (統一授权 grants and revokes
included), and opening one goes through the client's own login ticket into the system browser,
where authlib's OAuth2Session (a relying party we did not write) finishes the code flow with PKCE
without a password or PIN."""

import pytest
import requests
from authlib.common.security import generate_token
from authlib.integrations.requests_client import OAuth2Session

from sync.server.cli import run
from tests.support.headless_client import sign_in

CALLBACK = "https://docs.example.test/oidc/callback"


def admin(exchange_server, capsys, *args: str) -> str:
    capsys.readouterr()
    assert run(["admin", *args, "--database-url", exchange_server.database_url]) == 0, capsys.readouterr().out
    return capsys.readouterr().out.strip().splitlines()[-1]


def tiles(client) -> list[tuple[str, str, str]]:
    client.sync()
    return [(t.id, t.name, t.icon) for t in client.portal.systems()]


# SQLite only: the same server code on PostgreSQL is covered by tests/server/test_authz.py and
# test_oidc_code_flow.py; one more server process would cost 20 s for nothing new.
@pytest.mark.parametrize("exchange_server", ["sqlite"], indirect=True)
def test_the_launcher_lists_what_the_roles_may_see_and_opens_it_signed_in(exchange_server, capsys, tmp_path):
    secret = admin(exchange_server, capsys, "oidc-client", "add", "docs", "--name", "公文系统", "--redirect-uri", CALLBACK, "--icon", "incoming", "--launch-url", "https://docs.example.test/home", "--unit", "u01")
    admin(exchange_server, capsys, "oidc-client", "add", "cars", "--name", "车辆管理系统", "--redirect-uri", "https://cars.example.test/cb", "--role", "办公室主任")
    browser = requests.Session()
    browser.verify, browser.trust_env = exchange_server.ca_file, False
    rp = OAuth2Session("docs", secret, scope="openid profile", redirect_uri=CALLBACK, code_challenge_method="S256")
    rp.verify, rp.trust_env = exchange_server.ca_file, False
    people = {login: sign_in(exchange_server.url, exchange_server.ca_file, exchange_server.tokens_dir, login, tmp_path / f"{login}.sqlite") for login in ("wangxy", "chenjg", "zhaoli")}
    try:
        assert tiles(people["chenjg"]) == [("docs", "公文系统", "incoming"), ("cars", "车辆管理系统", "")]
        assert tiles(people["wangxy"]) == [("docs", "公文系统", "incoming")]  # 收发员: not 车辆管理系统
        assert tiles(people["zhaoli"]) == []  # another unit: not u01's 公文系统, not the office heads' cars

        admin(exchange_server, capsys, "role", "grant", "收发员", "system.see:cars")
        assert [t[0] for t in tiles(people["wangxy"])] == ["docs", "cars"]
        admin(exchange_server, capsys, "role", "revoke", "收发员", "system.see:cars")
        assert [t[0] for t in tiles(people["wangxy"])] == ["docs"]

        [docs] = [t for t in people["wangxy"].portal.systems() if t.id == "docs"]
        landed = browser.get(people["wangxy"].transport.sso_ticket(docs.address).url, allow_redirects=False, timeout=10)
        assert (landed.status_code, landed.headers["Location"]) == (303, "https://docs.example.test/home")

        # At its home page the system sends the browser to our provider, as any OIDC system does.
        verifier = generate_token(64)
        url, state = rp.create_authorization_url(exchange_server.url + "/oidc/authorize", code_verifier=verifier)
        answer = browser.get(url, allow_redirects=False, timeout=10)
        assert answer.status_code == 302 and answer.headers["Location"].startswith(CALLBACK)
        token = rp.fetch_token(exchange_server.url + "/oidc/token", authorization_response=answer.headers["Location"], code_verifier=verifier, state=state)
        assert rp.get(exchange_server.url + "/oidc/userinfo", timeout=10).json()["preferred_username"] == "wangxy"
        assert token["token_type"].lower() == "bearer"

        cars = rp.create_authorization_url(exchange_server.url + "/oidc/authorize", code_verifier=generate_token(64))[0].replace("client_id=docs", "client_id=cars")
        refused = browser.get(cars.replace(CALLBACK.replace(":", "%3A").replace("/", "%2F"), "https%3A%2F%2Fcars.example.test%2Fcb"), allow_redirects=False, timeout=10)
        assert "error=access_denied" in refused.headers["Location"]  # not in the launcher, not let in either

        admin(exchange_server, capsys, "oidc-client", "set", "docs", "--icon", "outgoing", "--unit", "u02")
        assert tiles(people["wangxy"]) == []  # moved to another unit's launcher
        assert tiles(people["zhaoli"]) == [("docs", "公文系统", "outgoing")]
    finally:
        for client in people.values():
            client.close()
        browser.close(), rp.close()  # no keep-alive connection holds the server's shutdown

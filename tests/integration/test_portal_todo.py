"""Another intranet system puts a 待办 into the portal over HTTPS, authenticated as the OIDC client
it is registered as; the item reaches the person's own client through the change log, and only theirs."""

import requests

from sync.server.cli import run
from tests.support.headless_client import sign_in


def registered(exchange_server, capsys) -> tuple[str, str]:
    capsys.readouterr()
    assert run(["admin", "oidc-client", "add", "docs", "--name", "公文系统", "--redirect-uri", "https://docs.example.test/cb", "--database-url", exchange_server.database_url]) == 0
    return "docs", capsys.readouterr().out.strip().splitlines()[-1]


def put(exchange_server, auth: tuple[str, str], **item) -> requests.Response:
    body = {"id": "gw-17", "user": "zhaoli", "title": "关于报送2026年度工作总结的通知（待签收）", "link": "https://docs.example.test/gw/17", "deadline": 1_800_000_000.0, "urgency": "urgent", **item}
    return requests.post(exchange_server.url + "/portal/v1/todo", json=body, auth=auth, verify=exchange_server.ca_file, timeout=10)


def test_a_system_puts_a_todo_that_reaches_the_person_only(exchange_server, capsys, tmp_path):
    auth = registered(exchange_server, capsys)
    assert put(exchange_server, auth).status_code == 200
    zhaoli = sign_in(exchange_server.url, exchange_server.ca_file, exchange_server.tokens_dir, "zhaoli", tmp_path / "zhaoli.sqlite")
    chenjg = sign_in(exchange_server.url, exchange_server.ca_file, exchange_server.tokens_dir, "chenjg", tmp_path / "chenjg.sqlite")
    try:
        zhaoli.sync(), chenjg.sync()
        [todo] = zhaoli.todos.from_other_systems()
        assert (todo.system, todo.title, todo.link, todo.deadline, todo.urgency) == ("公文系统", "关于报送2026年度工作总结的通知（待签收）", "https://docs.example.test/gw/17", 1_800_000_000.0, "urgent")
        assert chenjg.todos.from_other_systems() == []

        assert put(exchange_server, auth, title="已改期", urgency="very_urgent").status_code == 200
        zhaoli.sync()
        assert [(t.title, t.urgency) for t in zhaoli.todos.from_other_systems()] == [("已改期", "very_urgent")]

        assert put(exchange_server, auth, done=True).status_code == 200  # handled in that system
        zhaoli.sync()
        assert zhaoli.todos.from_other_systems() == []
    finally:
        zhaoli.close(), chenjg.close()


def test_only_a_registered_system_with_its_secret_may_put_todos(exchange_server, capsys):
    client_id, secret = registered(exchange_server, capsys)
    for auth in ((client_id, "not-the-secret"), ("unknown", secret)):
        refused = put(exchange_server, auth)
        assert refused.status_code == 401 and refused.json()["detail"]["code"] == "portal.client_unknown"
    unknown_user = put(exchange_server, (client_id, secret), user="nobody")
    assert unknown_user.status_code == 422 and unknown_user.json()["detail"]["code"] == "portal.user_unknown"
    assert requests.post(exchange_server.url + "/portal/v1/todo", json={}, verify=exchange_server.ca_file, timeout=10).status_code == 401

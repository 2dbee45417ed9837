"""统一授权 on the server, on SQLite and PostgreSQL: `xietong-server admin role` grants and revokes
and the very next op follows; a grant for one room covers that room only; administrators change
roles through ops the server checks again (people of their own unit only); every change reaches the clients' directory scope;
a lowered 密级 clearance is audited and takes the 公文 above it out of the person's scope."""

import uuid
from collections.abc import Iterator
from contextlib import ExitStack

import pytest
from fastapi.testclient import TestClient

from app.domain.scopes import DIRECTORY, user_scope
from sync.server.audit import service as audit
from sync.server.changelog.service import record
from sync.server.cli import run
from sync.server.database import open_database
from sync.server.demo import default_org_path, init_demo
from sync.server.main import create_app
from tests.server.conftest import DEMO_PEOPLE, Deployment, inprocess_settings
from tests.server.helpers import log_in
from tests.support.bookings import answer, booking, day_at
from tests.support.postgres import BACKENDS, fresh_database


@pytest.fixture(scope="module", params=BACKENDS)
def deployment(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Deployment]:
    """A deployment of this module's own: the roles made here must not show in the shared one."""
    folder = tmp_path_factory.mktemp(f"authz-{request.param}")
    with ExitStack() as stack:
        url = f"sqlite:///{folder / 'server.db'}" if request.param == "sqlite" else stack.enter_context(fresh_database())
        db = open_database(url)
        try:
            init_demo(db, people=DEMO_PEOPLE, tokens_dir=folder / "tokens", org_path=default_org_path(), reset=True, pki_dir=folder / "pki")
        finally:
            db.close()
        with TestClient(create_app(inprocess_settings(url, folder))) as client:
            yield Deployment(url, folder / "tokens", client)


def admin(deployment, *args: str) -> None:
    assert run(["admin", "role", *args, "--database-url", deployment.database_url]) == 0


def approved_trip(requester, head, days: int) -> str:
    t = {"id": uuid.uuid4().hex, "purpose": "赴海门调研", "passengers": 2, "origin": "市政府", "destination": "海门区政府", "start": day_at(days, "09:00"), "end": day_at(days, "11:00")}
    assert answer(requester.push(("vehicle.request", t)))["status"] == "applied"
    assert answer(head.push(("vehicle.approve", {"id": t["id"]})))["status"] == "applied"
    return t["id"]


def dispatch(person, trip_id: str) -> dict:
    return answer(person.push(("vehicle.dispatch", {"id": trip_id, "vehicle_id": "u01-v2", "driver_id": "u01-k2"})))


def grants_seen(person) -> dict[str, bool]:
    """role_grant rows of the directory scope: id -> still granted."""
    return {r["id"]: not r["deleted"] for r in person.pull_all(DIRECTORY) if r["entity"] == "role_grant"}


def test_the_admin_command_grants_and_revokes_and_the_server_follows(deployment, capsys):
    staff, head = log_in(deployment.client, deployment.tokens_dir, "liming"), log_in(deployment.client, deployment.tokens_dir, "chenjg")
    first = approved_trip(staff, head, 201)
    assert dispatch(staff, first)["code"] == "vehicle.not_dispatcher"

    admin(deployment, "create", "临时调度员", "--description", "节假日值班派车")
    admin(deployment, "grant", "临时调度员", "vehicle.dispatch")
    admin(deployment, "assign", "临时调度员", "liming")
    try:
        assert dispatch(staff, first)["status"] == "applied"
        assert grants_seen(staff)["临时调度员|vehicle.dispatch"] is True

        admin(deployment, "revoke", "临时调度员", "vehicle.dispatch")
        second = approved_trip(staff, head, 202)
        refused = dispatch(staff, second)
        assert (refused["status"], refused["code"]) == ("rejected", "vehicle.not_dispatcher")
        assert grants_seen(staff)["临时调度员|vehicle.dispatch"] is False
    finally:
        admin(deployment, "unassign", "临时调度员", "liming")
    capsys.readouterr()
    assert run(["admin", "role", "grant", "临时调度员", "vehicle.fly", "--database-url", deployment.database_url]) == 1
    assert "没有名为 vehicle.fly 的权限" in capsys.readouterr().out


def test_a_grant_for_one_room_manages_that_room_only(deployment):
    staff, manager = log_in(deployment.client, deployment.tokens_dir, "liming"), log_in(deployment.client, deployment.tokens_dir, "wangxy")
    party = booking("u01-r4", "党组会", day_at(210, "09:00"), day_at(210, "10:00"))
    assert answer(staff.push(("booking.request", party)))["result"]["awaiting"] == 1
    admin(deployment, "create", "三楼会议室管理员")
    admin(deployment, "grant", "三楼会议室管理员", "room.manage:u01-r3")
    admin(deployment, "assign", "三楼会议室管理员", "wangxy")
    try:
        refused = answer(manager.push(("booking.approve", {"id": party["id"], "approve": True})))
        assert (refused["status"], refused["code"]) == ("rejected", "booking.not_room_manager")
        admin(deployment, "grant", "三楼会议室管理员", "room.manage:u01-r4")
        assert answer(manager.push(("booking.approve", {"id": party["id"], "approve": True})))["result"]["approved"] is True
    finally:
        admin(deployment, "unassign", "三楼会议室管理员", "wangxy")


def test_roles_change_through_ops_only_an_administrator_may_push(deployment):
    staff, head = log_in(deployment.client, deployment.tokens_dir, "liming"), log_in(deployment.client, deployment.tokens_dir, "chenjg")
    refused = answer(staff.push(("authz.create_role", {"role": "自封管理员"})))
    assert (refused["status"], refused["code"]) == ("rejected", "authz.not_admin")
    admin(deployment, "assign", "系统管理员", "chenjg")
    try:
        assert answer(head.push(("authz.create_role", {"role": "值班员", "description": "节假日值班"})))["status"] == "applied"
        assert answer(head.push(("authz.grant", {"role": "值班员", "permission": "vehicle.approve"})))["status"] == "applied"
        assert answer(head.push(("authz.assign", {"role": "值班员", "person_id": "liming"})))["status"] == "applied"
        unknown = answer(head.push(("authz.grant", {"role": "值班员", "permission": "everything"})))
        assert (unknown["status"], unknown["code"]) == ("rejected", "authz.unknown_permission")
        elsewhere = answer(head.push(("authz.assign", {"role": "值班员", "person_id": "zhouqiang"})))
        assert (elsewhere["status"], elsewhere["code"]) == ("rejected", "authz.other_unit")
        [me] = [r["data"] for r in staff.pull_all(DIRECTORY) if r["entity"] == "person" and r["id"] == staff.login.user.id]
        assert "值班员" in me["roles"]
        assert grants_seen(staff)["值班员|vehicle.approve"] is True
        assert answer(head.push(("authz.unassign", {"role": "值班员", "person_id": "liming"})))["status"] == "applied"
    finally:
        admin(deployment, "unassign", "系统管理员", "chenjg")
    refused = answer(head.push(("authz.grant", {"role": "值班员", "permission": "doc.issue"})))
    assert (refused["status"], refused["code"]) == ("rejected", "authz.not_admin")


def test_a_clearance_is_set_by_an_administrator_audited_and_takes_what_is_above_it_away(deployment):
    staff, head = log_in(deployment.client, deployment.tokens_dir, "liming"), log_in(deployment.client, deployment.tokens_dir, "chenjg")
    mine = user_scope(staff.user_id)
    db = open_database(deployment.database_url)
    try:
        with db.sessions.begin() as s:  # as documents/publish.py sends a 秘密 收文 and its body to liming
            record(s, mine, "incoming", "d9:u01", 1, {"document_id": "d9", "classification": "秘密", "title": "关于保密检查的通知"})
            record(s, mine, "document_body", "d9:1", 1, {"document_id": "d9", "body_version": 1, "paragraphs": ["正文"]})
            record(s, mine, "incoming", "d8:u01", 1, {"document_id": "d8", "classification": "内部", "title": "关于值班安排的通知"})
        refused = answer(head.push(("authz.set_clearance", {"person_id": "liming", "clearance": "内部"})))
        assert (refused["status"], refused["code"]) == ("rejected", "authz.not_admin")
        admin(deployment, "assign", "系统管理员", "chenjg")
        try:
            bad = answer(head.push(("authz.set_clearance", {"person_id": "liming", "clearance": "绝密"})))
            assert (bad["status"], bad["code"]) == ("rejected", "authz.bad_clearance") and "密级只能是" in bad["message"]
            elsewhere = answer(head.push(("authz.set_clearance", {"person_id": "zhouqiang", "clearance": "公开"})))
            assert (elsewhere["status"], elsewhere["code"]) == ("rejected", "authz.other_unit")
            assert answer(head.push(("authz.set_clearance", {"person_id": "liming", "clearance": "内部"})))["status"] == "applied"
        finally:
            admin(deployment, "unassign", "系统管理员", "chenjg")
        live = {r["id"] for r in staff.pull_all(mine) if not r["deleted"]}
        assert "d8:u01" in live and not live & {"d9:u01", "d9:1"}
        [me] = [r["data"] for r in staff.pull_all(DIRECTORY) if r["entity"] == "person" and r["id"] == staff.user_id]
        assert me["clearance"] == "内部"
        held = staff.pull({"files:unit:u01:秘密": 0}).json()
        assert held["scopes"] == {} and "files:unit:u01:内部" in held["held"]
        with db.sessions() as s:
            [event] = audit.recent(s, 1, "person.")
            assert (event.event, event.person_id, event.detail) == ("person.clearance", head.user_id, f"{staff.user_id} 秘密→内部")
    finally:
        db.close()
        assert run(["admin", "person", "clearance", "liming", "秘密", "--database-url", deployment.database_url]) == 0

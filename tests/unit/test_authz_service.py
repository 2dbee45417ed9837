"""统一授权 on the client: what the user may do comes from the grants the server sent, for the roles
the directory last gave them; before any grant arrives the roles keep their old rights; only an
administrator's changes are queued, and nothing shows before the server has applied them."""

import pytest

from app.domain.errors import RuleViolation
from app.services.authz import AuthzService
from app.services.vehicles import VehicleService
from app.store import outbox
from app.store.cache import open_cache
from app.store.mirror import apply_row
from tests.support.cache_data import HEAD, fill_directory, sign_in
from tests.support.memory_keyring import kept_key


@pytest.fixture
def cache(tmp_path):
    c = open_cache(tmp_path / "c.sqlite", kept_key(tmp_path / "c.sqlite"))
    fill_directory(c)
    sign_in(c, HEAD)
    yield c
    c.close()


def put(cache, entity: str, row_id: str, data: dict, deleted: bool = False) -> None:
    with cache.sessions.begin() as s:
        apply_row(s, entity, row_id, 1, deleted, data)


def grant(cache, role: str, permission: str, deleted: bool = False) -> None:
    put(cache, "role_grant", f"{role}|{permission}", {"role": role, "permission": permission}, deleted)


def test_before_any_grant_arrives_the_roles_keep_their_old_rights(cache):
    vehicles = VehicleService(cache, HEAD)  # 办公室主任
    assert vehicles.may_approve and vehicles.may_dispatch


def test_the_grants_sent_decide_and_a_revoke_hides_the_action(cache):
    grant(cache, "办公室主任", "vehicle.approve")
    grant(cache, "办公室主任", "vehicle.dispatch")
    vehicles = VehicleService(cache, HEAD)
    assert vehicles.may_dispatch
    grant(cache, "办公室主任", "vehicle.dispatch", deleted=True)
    assert vehicles.may_approve and not vehicles.may_dispatch
    with pytest.raises(RuleViolation) as refused:
        vehicles.dispatch("t1", "v1", "k1")
    assert refused.value.code == "vehicle.not_dispatcher"


def test_only_an_administrator_queues_changes_and_nothing_shows_before_the_server(cache):
    grant(cache, "车辆调度员", "vehicle.dispatch")
    authz = AuthzService(cache, HEAD)
    with pytest.raises(RuleViolation) as refused:
        authz.grant("车辆调度员", "room.manage")
    assert refused.value.code == "authz.not_admin"
    grant(cache, "办公室主任", "authz.manage")
    assert authz.may_administer
    authz.grant("车辆调度员", "room.manage:u01-r4")
    with pytest.raises(RuleViolation):
        authz.grant("车辆调度员", "room.fly")  # refused here, never queued
    with cache.session() as s:
        assert [(op.name, op.args) for op in outbox.pending_rows(s)] == [("authz.grant", {"role": "车辆调度员", "permission": "room.manage:u01-r4"})]
    put(cache, "role", "车辆调度员", {"description": ""})
    assert [(r.name, r.permissions) for r in authz.roles()] == [("车辆调度员", ("vehicle.dispatch",))]

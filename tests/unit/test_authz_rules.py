"""统一授权 rules shared by server and client: a bare permission covers every target, a targeted
one only its own; refusals keep the codes clients already know; systems without roles are open."""

import pytest

from app.domain.authz import DEFAULT_GRANTS, ROOM_MANAGE, VEHICLE_APPROVE, VEHICLE_DISPATCH, check, describe, holds, parse, sees_system
from app.domain.errors import RuleViolation


def test_the_default_grants_are_the_rules_that_were_hard_coded():
    assert holds(DEFAULT_GRANTS["分管领导"], VEHICLE_APPROVE)
    assert holds(DEFAULT_GRANTS["车辆调度员"], VEHICLE_DISPATCH)
    with pytest.raises(RuleViolation) as refused:
        check(DEFAULT_GRANTS["车辆调度员"], VEHICLE_APPROVE)
    assert refused.value.code == "vehicle.not_approver"
    with pytest.raises(RuleViolation) as refused:
        check([], VEHICLE_DISPATCH)
    assert refused.value.code == "vehicle.not_dispatcher"


def test_a_targeted_grant_covers_only_its_room_or_building():
    granted = {"room.manage:u01-r2"}
    check(granted, ROOM_MANAGE, ("u01-r2", "市政府办公楼"))
    with pytest.raises(RuleViolation, match="会议室管理员"):
        check(granted, ROOM_MANAGE, ("u01-r3", "市政府办公楼"))
    check({"room.manage:市政府办公楼"}, ROOM_MANAGE, ("u01-r3", "市政府办公楼"))
    check({ROOM_MANAGE}, ROOM_MANAGE, ("anything",))


def test_unknown_permissions_and_targets_where_none_belong_are_refused():
    for text in ("vehicle.fly", "vehicle.dispatch:v1", "system.see"):
        with pytest.raises(RuleViolation) as refused:
            parse(text)
        assert refused.value.code == "authz.unknown_permission"
    assert parse("system.see:gwjh")[1] == "gwjh"
    assert describe("room.manage:u01-r2") == "管理会议室（u01-r2）"


def test_a_system_without_roles_is_open_and_one_with_roles_only_to_them():
    assert sees_system([], ["科员"])
    assert sees_system(["收发员"], ["科员", "收发员"])
    assert not sees_system(["收发员"], ["科员"])

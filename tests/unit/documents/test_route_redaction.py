"""联合发文: another unit's copy of a route keeps its shape but not who holds the steps it may not see."""

from app.domain.documents.route_visibility import redacted
from app.domain.documents.routing import StepSpec, new_route, sign

AT = "2026-11-26T10:00:00+08:00"


def test_other_unit_sees_its_own_step_and_not_the_others():
    route = new_route("d1", "u01", "p3", [StepSpec("会签", "all", (("p4", "u02"),)), StepSpec("签发", "any", (("p6", "u01"),))], AT)
    route = sign(sign(route, "p3", "请会签", 1, AT), "p4", "同意", 1, AT)
    seen = redacted(route, "u02")
    assert [[a.user_id for a in s.assignees] for s in seen.steps] == [[""], ["p4"], [""]]
    assert [e.actor for e in seen.history] == ["p4"] and seen.current == route.current
    assert redacted(route, "u01") == route

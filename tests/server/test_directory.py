"""The directory scope: every unit, department, role, role grant (统一授权) and person, page by
page, in seq order."""

from app.domain.authz import DEFAULT_GRANTS
from sync.protocol.checksum import fold
from tests.server.conftest import DEMO_PEOPLE
from tests.server.helpers import log_in

UNITS, DEPARTMENTS, ROLES = 39, 184, 9
GRANTS = sum(len(held) for held in DEFAULT_GRANTS.values())
KEYS = {
    "unit": {"name", "level", "parent", "sort_order"},
    "department": {"unit_id", "name", "sort_order"},
    "person": {"login", "name", "unit_id", "department_id", "title", "phone", "roles", "clearance"},
    "role": {"description"},
    "role_grant": {"role", "permission"},
}


def test_directory_pages_until_has_more_is_false(client, tokens):
    me = log_in(client, tokens, "zhouqiang")
    pages, rows, cursor, more = 0, [], 0, True
    while more:
        answer = me.pull({"directory": cursor}, limit=100)
        assert answer.status_code == 200, answer.text
        page = answer.json()["scopes"]["directory"]
        assert len(page["rows"]) <= 100
        rows += page["rows"]
        cursor, more, pages = page["next_cursor"], page["has_more"], pages + 1
    assert pages == -(-(UNITS + DEPARTMENTS + ROLES + GRANTS + DEMO_PEOPLE) // 100)
    assert [r["seq"] for r in rows] == sorted({r["seq"] for r in rows})
    assert cursor == rows[-1]["seq"]
    counts = {entity: sum(r["entity"] == entity for r in rows) for entity in KEYS}
    assert counts == {"unit": UNITS, "department": DEPARTMENTS, "role": ROLES, "role_grant": GRANTS, "person": DEMO_PEOPLE}
    assert all(set(r["data"]) == KEYS[r["entity"]] and not r["deleted"] for r in rows)
    last = me.pull({"directory": cursor}).json()["scopes"]["directory"]
    checksum = fold((r["entity"], r["id"], r["seq"]) for r in rows).text()
    assert last == {"rows": [], "next_cursor": cursor, "has_more": False, "reset": False, "checksum": checksum}


def test_directory_rows_hold_the_organisation(client, tokens):
    me = log_in(client, tokens, "wangxy")
    rows = {(r["entity"], r["id"]): r["data"] for r in me.pull_all("directory", limit=1000)}
    assert rows[("unit", "u01")] == {"name": "市人民政府办公室", "level": "市级部门", "parent": "南通市人民政府", "sort_order": 1}
    assert rows[("unit", "u31")]["name"] == "如皋市人民政府"
    assert rows[("department", "u31-d1")] == {"unit_id": "u31", "name": "政府办公室", "sort_order": 1}
    assert rows[("person", "p2")]["roles"] == ["办公室主任"]
    assert rows[("role", "收发员")]["description"].startswith("clerk")
    units_first = [entity for entity, _ in rows][: UNITS + DEPARTMENTS]
    assert set(units_first) == {"unit", "department"}  # people arrive after the units they belong to

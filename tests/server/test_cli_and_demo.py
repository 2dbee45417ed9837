"""`xietong-server` commands and the generated demo organisation."""

import json
from collections import Counter

import pytest
from cryptography.hazmat.primitives.serialization import load_pem_private_key

from sync.server import migrate
from sync.server.cli import run
from sync.server.database import open_database
from sync.server.demo import DEMO_USERS, default_org_path, generate_people, load_organisation


@pytest.fixture(scope="module")
def org():
    return load_organisation(default_org_path())


def test_init_demo_refuses_a_database_with_data_unless_reset(tmp_path, capsys):
    url = f"sqlite:///{tmp_path / 'server.db'}"
    tokens = tmp_path / "tokens"
    assert run(["init-demo", "--people", "50", "--tokens", str(tokens), "--database-url", url]) == 0
    assert sorted(p.stem for p in tokens.glob("*.xtoken")) == sorted(u.login for u in DEMO_USERS)
    assert run(["init-demo", "--people", "50", "--tokens", str(tokens), "--database-url", url]) == 1
    assert "--reset" in capsys.readouterr().err
    assert run(["init-demo", "--people", "60", "--reset", "--tokens", str(tokens), "--database-url", url]) == 0
    assert "60 人" in capsys.readouterr().out


def test_token_files_open_with_the_demo_pin(tmp_path):
    tokens = tmp_path / "tokens"
    assert run(["init-demo", "--people", "10", "--tokens", str(tokens), "--database-url", f"sqlite:///{tmp_path / 's.db'}"]) == 0
    doc = json.loads((tokens / "zhouqiang.xtoken").read_text(encoding="utf-8"))
    assert (doc["format"], doc["login"], doc["name"], doc["unit"]) == ("xietong-soft-token/1", "zhouqiang", "周强", "如皋市人民政府")
    load_pem_private_key(doc["key_pem"].encode(), password=b"123456")
    with pytest.raises(ValueError):
        load_pem_private_key(doc["key_pem"].encode(), password=b"000000")


def test_migrate_brings_an_empty_database_to_head(tmp_path):
    url = f"sqlite:///{tmp_path / 'fresh' / 'server.db'}"
    assert run(["migrate", "--database-url", url]) == 0
    db = open_database(url)
    assert migrate.current(db) == migrate.head() != ""
    db.close()


def test_bad_configuration_exits_with_the_reason(tmp_path, capsys):
    assert run(["migrate", "--config", str(tmp_path / "absent.toml")]) == 2
    assert "找不到配置文件" in capsys.readouterr().err


def test_version(capsys):
    with pytest.raises(SystemExit) as done:
        run(["--version"])
    assert done.value.code == 0
    assert capsys.readouterr().out.startswith("xietong-server ")


def test_people_are_the_same_every_time(org):
    assert generate_people(org, 700) == generate_people(org, 700)


@pytest.mark.parametrize("total", [5, 200, 5000])
def test_exactly_the_number_asked_with_unique_logins(org, total):
    people = generate_people(org, total)
    assert len(people) == total
    assert len({p.login for p in people}) == total
    assert [p.id for p in people] == [f"p{i}" for i in range(1, total + 1)]
    assert all(p.phone.startswith("0513-8") and len(p.phone) == 13 for p in people)


def test_demo_users_come_first_where_the_demo_expects_them(org):
    first = [(p.id, p.login, p.name, p.unit_id, p.department_id, p.roles) for p in generate_people(org, 5)]
    assert first == [
        ("p1", "wangxy", "王晓燕", "u01", "u01-d1", ("收发员",)),
        ("p2", "chenjg", "陈建国", "u01", "u01-d1", ("办公室主任",)),
        ("p3", "liming", "李明", "u01", "u01-d2", ("科员",)),
        ("p4", "zhaoli", "赵丽", "u02", "u02-d1", ("收发员",)),
        ("p5", "zhouqiang", "周强", "u31", "u31-d1", ("收发员",)),
    ]


def test_a_full_organisation_has_every_post(org):
    people = generate_people(org, 1000)
    unit_roles = Counter((p.unit_id, role) for p in people for role in p.roles)
    for unit in org.units:
        for role in ("收发员", "办公室主任", "主要领导", "分管领导", "系统管理员", "会议室管理员", "车辆调度员"):
            assert unit_roles[(unit.id, role)] == 1, (unit.name, role)
    department_roles = Counter((p.department_id, role) for p in people for role in p.roles)
    for d in org.departments:
        assert department_roles[(d.id, "处长")] == 1
        assert department_roles[(d.id, "科员")] >= 1
    rugao_head = next(p for p in people if p.unit_id == "u31" and "主要领导" in p.roles)
    assert rugao_head.title == "市长"


def test_purge_tombstones_keeps_at_least_the_horizon(tmp_path, capsys):
    url = f"sqlite:///{tmp_path / 'purge' / 'server.db'}"
    assert run(["migrate", "--database-url", url]) == 0
    assert run(["purge-tombstones", "--database-url", url]) == 0
    assert "400" in capsys.readouterr().out
    with pytest.raises(SystemExit):
        run(["purge-tombstones", "--database-url", url, "--keep-days", "30"])

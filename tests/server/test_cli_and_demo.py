"""`xietong-server` commands and the generated demo organisation."""

from collections import Counter

import pytest
from cryptography import x509
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import NameOID

from sync.server import migrate
from sync.server.cli import run
from sync.server.database import open_database
from sync.server.demo import DEMO_USERS, default_org_path, generate_people, load_organisation


@pytest.fixture(scope="module")
def org():
    return load_organisation(default_org_path())


def demo(tmp_path, *extra: str) -> int:
    url = f"sqlite:///{tmp_path / 'server.db'}"
    return run(["init-demo", "--tokens", str(tmp_path / "tokens"), "--pki", str(tmp_path / "pki"), "--database-url", url, *extra])


def test_init_demo_refuses_a_database_with_data_unless_reset(tmp_path, capsys):
    assert demo(tmp_path, "--people", "50") == 0
    assert sorted(p.stem for p in (tmp_path / "tokens").glob("*.p12")) == sorted(u.login for u in DEMO_USERS)
    assert demo(tmp_path, "--people", "50") == 1
    assert "--reset" in capsys.readouterr().err
    assert demo(tmp_path, "--people", "60", "--reset") == 0
    assert "60 人" in capsys.readouterr().out


def test_demo_certificates_open_with_the_demo_pin_and_name_their_owner(tmp_path):
    assert demo(tmp_path, "--people", "10") == 0
    data = (tmp_path / "tokens" / "zhouqiang.p12").read_bytes()
    bundle = pkcs12.load_pkcs12(data, b"123456")
    subject = bundle.cert.certificate.subject
    assert [a.value for a in subject.get_attributes_for_oid(NameOID.COMMON_NAME)] == ["周强"]
    assert [a.value for a in subject.get_attributes_for_oid(NameOID.ORGANIZATIONAL_UNIT_NAME)] == ["如皋市人民政府"]
    assert x509.load_pem_x509_certificate((tmp_path / "tokens" / "zhouqiang.crt").read_bytes()) == bundle.cert.certificate
    assert len(bundle.additional_certs) == 2  # the user CA and the root, for a complete chain
    with pytest.raises(ValueError):
        pkcs12.load_pkcs12(data, b"000000")
    assert oct((tmp_path / "tokens" / "zhouqiang.p12").stat().st_mode & 0o777) == "0o600"


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


@pytest.mark.parametrize("total", [len(DEMO_USERS), 200, 5000])
def test_exactly_the_number_asked_with_unique_logins(org, total):
    people = generate_people(org, total)
    assert len(people) == total
    assert len({p.login for p in people}) == total
    assert [p.id for p in people] == [f"p{i}" for i in range(1, total + 1)]
    assert all(p.phone.startswith("0513-8") and len(p.phone) == 13 for p in people)


def test_demo_users_come_first_where_the_demo_expects_them(org):
    first = [(p.id, p.login, p.name, p.unit_id, p.department_id, p.roles) for p in generate_people(org, 6)]
    assert first == [
        ("p1", "wangxy", "王晓燕", "u01", "u01-d1", ("收发员",)),
        ("p2", "chenjg", "陈建国", "u01", "u01-d1", ("办公室主任",)),
        ("p3", "liming", "李明", "u01", "u01-d2", ("科员",)),
        ("p4", "zhaoli", "赵丽", "u02", "u02-d1", ("收发员",)),
        ("p5", "zhouqiang", "周强", "u31", "u31-d1", ("收发员",)),
        ("p6", "sunwh", "孙文华", "u01", "u01-d1", ("主要领导",)),
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

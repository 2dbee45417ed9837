"""init-demo: the Nantong demo deployment (演示数据) — units, departments and roles from the
organisation file, deterministically generated people, a demo CA (root and user CA) with the
server's TLS certificate, five demo users with certificates in .p12 files (soft certificates),
the city government office's seal key on a SoftHSM2 token (demo_seals.py), and the 2012
e-government plan as a demo notice. The PKI is made with `xietong-server admin`'s code.
"""

import json
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import count, islice
from pathlib import Path
from random import Random

import datetime as dt

from pypinyin import lazy_pinyin
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain.directory import Department, Person, Unit, pinyin_initials
from app.domain.documents.clearance import demo_clearance
from app.domain.notices import AUDIENCE_ALL
from sync.server import demo_seals, migrate
from sync.server.auth.service import CurrentUser
from sync.server.authz import service as authz
from sync.server.bookings import service as bookings
from sync.server.bookings.models import RoomModel
from sync.server.database import Database
from sync.server.directory import service as directory
from sync.server.directory.models import PersonModel
from sync.server.notices import service as notices
from sync.server.pki import admin as pki_admin
from sync.server.vehicles import service as vehicles
from sync.server.vehicles.models import DriverModel, VehicleModel

DEMO_DATA = Path(__file__).parent / "demo_data"
SHARED_SAMPLES = Path(__file__).resolve().parents[3] / "shared" / "samples"  # beside a repo checkout
ORG_FILE = "nantong-organisation.json"
PLAN_FILE = "nantong-egov-plan-2012.txt"
DEMO_NOTICE_ID = "demo-egov-plan-2012"
DEMO_PIN = "123456"
DEMO_CRL_DAYS = 30  # scripts/run-demo.sh publishes fresh CRLs at every start
SERVER_HOSTS = ["127.0.0.1", "localhost"]
SEED = 2012

SURNAMES = (
    ("王", "wang"), ("李", "li"), ("张", "zhang"), ("刘", "liu"), ("陈", "chen"), ("杨", "yang"), ("黄", "huang"),
    ("赵", "zhao"), ("吴", "wu"), ("周", "zhou"), ("徐", "xu"), ("孙", "sun"), ("马", "ma"), ("朱", "zhu"),
    ("胡", "hu"), ("郭", "guo"), ("何", "he"), ("高", "gao"), ("林", "lin"), ("罗", "luo"), ("郑", "zheng"),
    ("梁", "liang"), ("谢", "xie"), ("宋", "song"), ("唐", "tang"), ("许", "xu"), ("韩", "han"), ("冯", "feng"),
    ("邓", "deng"), ("曹", "cao"), ("彭", "peng"), ("曾", "zeng"), ("肖", "xiao"), ("田", "tian"), ("董", "dong"),
    ("袁", "yuan"), ("潘", "pan"), ("蒋", "jiang"), ("蔡", "cai"), ("杜", "du"), ("叶", "ye"), ("程", "cheng"),
    ("苏", "su"), ("魏", "wei"), ("丁", "ding"), ("沈", "shen"), ("姚", "yao"), ("陆", "lu"), ("顾", "gu"),
    ("缪", "miao"), ("季", "ji"), ("施", "shi"), ("范", "fan"), ("金", "jin"), ("钱", "qian"), ("严", "yan"),
)  # fmt: skip
GIVEN_CHARS = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华建国文辉力鹏飞斌宇浩凯健俊峰晨雪琳玲婷红兵波海燕志新春亮晓东永忠立群"
STAFF_TITLES = ("科员", "科员", "副主任科员", "主任科员")
# Office staff who also hold a unit-wide duty: the first, second and third 科员 of each office.
OFFICE_DUTIES = ("系统管理员", "会议室管理员", "车辆调度员")


@dataclass(frozen=True)
class Organisation:
    units: list[Unit]
    departments: list[Department]
    roles: dict[str, str]


@dataclass(frozen=True)
class DemoUser:
    login: str
    name: str
    unit_index: int  # 1-based, file order
    department_index: int  # 1-based within the unit
    role: str
    title: str


@dataclass(frozen=True)
class Post:
    """A place in the organisation to be filled by one person."""

    unit_id: str
    department_id: str
    roles: tuple[str, ...]
    title: str = ""  # empty: a staff grade drawn at random


@dataclass(frozen=True)
class DemoSummary:
    units: int
    departments: int
    people: int
    token_files: list[Path]
    pki: "DemoPki"
    seals: list[demo_seals.DemoSeal]


@dataclass(frozen=True)
class DemoPki:
    """Where init-demo put the demo CA: the clients trust anchor.pem; the server serves tls.pem."""

    folder: Path

    @property
    def root_ca(self) -> Path:
        return self.folder / "root-ca"

    @property
    def user_ca(self) -> Path:
        return self.folder / "user-ca"

    @property
    def anchor(self) -> Path:
        return self.root_ca / pki_admin.CERT_FILE

    @property
    def tls_cert(self) -> Path:
        return self.folder / "tls.pem"

    @property
    def tls_key(self) -> Path:
        return self.folder / "tls.key.pem"


class DemoRefused(Exception):
    """The database already holds data and --reset was not given."""


DEMO_USERS = (
    DemoUser("wangxy", "王晓燕", 1, 1, "收发员", "科员"),
    DemoUser("chenjg", "陈建国", 1, 1, "办公室主任", "主任"),
    DemoUser("liming", "李明", 1, 2, "科员", "科员"),
    DemoUser("zhaoli", "赵丽", 2, 1, "收发员", "科员"),
    DemoUser("zhouqiang", "周强", 31, 1, "收发员", "科员"),
    DemoUser("sunwh", "孙文华", 1, 1, "主要领导", "主任"),
)


def default_org_path() -> Path:
    """The shared sample beside a repo checkout, else the copy shipped with the server."""
    shared = SHARED_SAMPLES / ORG_FILE
    return shared if shared.is_file() else DEMO_DATA / ORG_FILE


def default_plan_path() -> Path:
    shared = SHARED_SAMPLES / PLAN_FILE
    return shared if shared.is_file() else DEMO_DATA / PLAN_FILE


def init_demo(db: Database, people: int, tokens_dir: Path, org_path: Path, reset: bool, pki_dir: Path, seal_tokens: Path | None = None) -> DemoSummary:
    """Fill the database with the demo deployment. Without `reset` a database holding data is
    left untouched (DemoRefused); with it, every table is dropped and made anew first.
    `seal_tokens`: a SoftHSM2 store for the units' seal keys (demo_seals.py)."""
    if reset:
        migrate.reset(db)
    else:
        migrate.upgrade(db)
        with db.sessions() as s:
            if s.scalar(select(PersonModel.id).limit(1)) is not None:
                raise DemoRefused()
    org = load_organisation(org_path)
    persons = generate_people(org, people)
    demo_pki = DemoPki(pki_dir)
    now = dt.datetime.now(dt.timezone.utc)
    with db.sessions.begin() as s:
        directory.add_units(s, org.units)
        directory.add_departments(s, org.departments)
        directory.add_roles(s, org.roles)
        directory.add_people(s, persons)
        authz.publish_all(s)  # the grants the migration seeded, to the clients
        _publish_plan(s, next(p for p in persons if p.login == "chenjg"))
        _add_rooms(s, org.units)
        _add_fleet(s, org.units)
    with db.sessions.begin() as s:
        _make_demo_ca(s, demo_pki, now)
        files = [pki_admin.issue_to_p12(s, demo_pki.user_ca, u.login, tokens_dir, DEMO_PIN, now).p12 for u in DEMO_USERS]
        seals = demo_seals.make_seal_tokens(s, seal_tokens, demo_pki.user_ca, DEMO_PIN, now) if seal_tokens else []
    return DemoSummary(len(org.units), len(org.departments), len(persons), files, demo_pki, seals)


def _make_demo_ca(session: Session, demo: DemoPki, now: dt.datetime) -> None:
    """A root CA, a user CA under it, their CRLs and the server's TLS certificate. A reset makes
    a new CA: the folder is emptied first, and clients trust the new anchor.pem."""
    for stale in sorted(demo.folder.rglob("*"), reverse=True) if demo.folder.exists() else []:
        stale.rmdir() if stale.is_dir() else stale.unlink()
    pki_admin.create_ca(session, demo.root_ca, "南通市电子政务演示根CA", "南通市人民政府", now)
    pki_admin.create_ca(session, demo.user_ca, "南通市电子政务演示用户CA", "南通市人民政府", now, parent=demo.root_ca)
    for ca_folder in (demo.root_ca, demo.user_ca):
        pki_admin.publish_crl(session, ca_folder, now, DEMO_CRL_DAYS)
    pki_admin.issue_server_certificate(demo.user_ca, SERVER_HOSTS, demo.tls_cert, demo.tls_key, now)


def load_organisation(path: Path) -> Organisation:
    doc = json.loads(path.read_text(encoding="utf-8"))
    units, departments = [], []
    for i, u in enumerate(doc["units"], start=1):
        unit_id = f"u{i:02d}"
        units.append(Unit(id=unit_id, name=u["name"], level=u["level"], parent=u["parent"], sort_order=i))
        departments += [Department(id=f"{unit_id}-d{j}", unit_id=unit_id, name=name, sort_order=j) for j, name in enumerate(u["departments"], start=1)]
    return Organisation(units=units, departments=departments, roles=dict(doc["roles"]))


def generate_people(org: Organisation, total: int) -> list[Person]:
    """Exactly `total` people (at least the demo users), the same every time. Posts are filled in
    order of need: demo users; each unit's 收发员, 办公室主任, 主要领导, 分管领导; each department's
    head; then 科员 round the departments. A full organisation needs about 600."""
    rng = Random(SEED)
    logins = {u.login for u in DEMO_USERS}
    people = [_demo_person(org, i, u) for i, u in enumerate(DEMO_USERS, start=1)]
    for number, post in enumerate(islice(_posts(org), max(0, total - len(people))), start=len(people) + 1):
        name, login = _new_name(rng, logins)
        title = post.title or rng.choice(STAFF_TITLES)
        people.append(Person(id=f"p{number}", login=login, name=name, unit_id=post.unit_id, department_id=post.department_id, title=title, phone=_phone(rng), roles=post.roles, clearance=demo_clearance(post.roles)))
    return people


def _posts(org: Organisation) -> Iterator[Post]:
    offices = {u.id: _office(org, u.id) for u in org.units}
    taken = {(f"u{d.unit_index:02d}", d.role) for d in DEMO_USERS}
    for unit in org.units:
        office = offices[unit.id].id
        head, deputy = _leader_titles(unit.name)
        posts = (Post(unit.id, office, ("收发员",), "科员"), Post(unit.id, office, ("办公室主任",), "主任"), Post(unit.id, office, ("主要领导",), head), Post(unit.id, office, ("分管领导",), deputy))
        yield from (p for p in posts if (unit.id, p.roles[0]) not in taken)
    office_ids = {d.id for d in offices.values()}
    for d in org.departments:
        yield Post(d.unit_id, d.id, ("处长",), "副主任" if d.id in office_ids else _head_title(d.name))
    yield from _staff(org.departments, office_ids)


def _staff(departments: list[Department], office_ids: set[str]) -> Iterator[Post]:
    for round_no in count():
        for d in departments:
            duty = (OFFICE_DUTIES[round_no],) if d.id in office_ids and round_no < len(OFFICE_DUTIES) else ()
            yield Post(d.unit_id, d.id, ("科员",) + duty)


def _office(org: Organisation, unit_id: str) -> Department:
    """The unit's 办公室 (办公室, 政府办公室, 党政办公室), or its first department."""
    own = [d for d in org.departments if d.unit_id == unit_id]
    return next((d for d in own if d.name.endswith("办公室")), own[0])


def _leader_titles(unit_name: str) -> tuple[str, str]:
    if unit_name.endswith("人民政府"):  # 如皋市人民政府 -> 市长, 海安县 -> 县长, 崇川区 -> 区长
        head = unit_name.removesuffix("人民政府")[-1] + "长"
    elif unit_name.endswith("局"):
        head = "局长"
    else:
        head = "主任"
    return head, "副" + head


def _head_title(department_name: str) -> str:
    for suffix, title in (("处", "处长"), ("局", "局长")):
        if department_name.endswith(suffix):
            return title
    return "主任"


def _demo_person(org: Organisation, number: int, user: DemoUser) -> Person:
    unit_id = f"u{user.unit_index:02d}"
    return Person(
        id=f"p{number}",
        login=user.login,
        name=user.name,
        unit_id=unit_id,
        department_id=f"{unit_id}-d{user.department_index}",
        title=user.title,
        phone=f"0513-8{5000000 + number:07d}",
        roles=(user.role,),
        clearance=demo_clearance((user.role,)),
    )


def _new_name(rng: Random, logins: set[str]) -> tuple[str, str]:
    """A common Chinese name and an unused login in the demo style: surname in pinyin, then the
    given name whole (one character) or by initials (two): 李明 -> liming, 王晓燕 -> wangxy."""
    surname, surname_pinyin = rng.choice(SURNAMES)
    given = "".join(rng.choice(GIVEN_CHARS) for _ in range(rng.choice((1, 2, 2))))
    stem = surname_pinyin + ("".join(lazy_pinyin(given)) if len(given) == 1 else pinyin_initials(given))
    login, n = stem, 1
    while login in logins:
        n += 1
        login = f"{stem}{n}"
    logins.add(login)
    return surname + given, login


def _phone(rng: Random) -> str:
    return f"0513-8{rng.randrange(10**7):07d}"


def _publish_plan(session: Session, publisher: Person) -> None:
    """The 2012 plan as a notice from the city government office's head to everyone."""
    lines = default_plan_path().read_text(encoding="utf-8").splitlines()
    args = {"id": DEMO_NOTICE_ID, "title": lines[1].strip(), "body": "\n".join(lines[2:]).strip(), "audience": AUDIENCE_ALL}
    user = CurrentUser(publisher.id, publisher.login, publisher.name, publisher.unit_id, publisher.department_id, publisher.roles, device_id="")
    notices.publish(session, user, args)


# Every demo unit's meeting rooms (会议室): (name, floor, seats, equipment, needs the room
# manager's approval).
DEMO_ROOMS = (
    ("第一会议室", "三楼", 12, ("投影仪", "白板"), False),
    ("第二会议室", "三楼", 20, ("投影仪", "视频会议"), False),
    ("大会议室", "一楼", 60, ("投影仪", "音响", "视频会议"), False),
    ("党组会议室", "五楼", 30, ("音响",), True),
)


def _add_rooms(session: Session, units: list[Unit]) -> None:
    rooms = [
        RoomModel(id=f"{u.id}-r{n}", unit_id=u.id, name=name, building=f"{u.name}办公楼", location=floor, capacity=seats, equipment=list(kit), needs_approval=approval)
        for u in units
        for n, (name, floor, seats, kit, approval) in enumerate(DEMO_ROOMS, start=1)
    ]
    bookings.add_rooms(session, rooms)


# Every demo unit's cars (seats, kind) and drivers; plates are 苏F (Nantong) with the unit number.
DEMO_CARS = ((5, "轿车"), (7, "商务车"))
DEMO_DRIVERS = ("张师傅", "李师傅")


def _add_fleet(session: Session, units: list[Unit]) -> None:
    cars = [
        VehicleModel(id=f"{u.id}-v{n}", unit_id=u.id, plate=f"苏F·{u.sort_order:03d}{n:02d}", seats=seats, kind=kind, status="在用")
        for u in units
        for n, (seats, kind) in enumerate(DEMO_CARS, start=1)
    ]
    drivers = [DriverModel(id=f"{u.id}-k{n}", unit_id=u.id, name=name, phone=f"0513-8{u.sort_order:03d}{n:04d}") for u in units for n, name in enumerate(DEMO_DRIVERS, start=1)]
    vehicles.add_fleet(session, cars, drivers)

"""Fill a real local cache through the real mirror, as a pull from the server would."""

from app.services.account import User, remember_login
from app.store.cache import Cache
from app.store.mirror import apply_row

OFFICE = User("p1", "wangxy", "王晓燕", "u01", "市人民政府办公室", "u01-d1", ("收发员",))
HEAD = User("p2", "chenjg", "陈建国", "u01", "市人民政府办公室", "u01-d1", ("办公室主任",))
RUGAO = User("p5", "zhouqiang", "周强", "u31", "如皋市人民政府", "u31-d1", ("收发员",))


def fill_directory(cache: Cache) -> None:
    rows = [
        ("unit", "u01", {"name": "市人民政府办公室", "level": "市级部门", "parent": "南通市人民政府", "sort_order": 1}),
        ("unit", "u31", {"name": "如皋市人民政府", "level": "县（市）、区", "parent": "南通市人民政府", "sort_order": 31}),
        ("department", "u01-d1", {"unit_id": "u01", "name": "办公室", "sort_order": 1}),
        ("department", "u31-d1", {"unit_id": "u31", "name": "办公室", "sort_order": 1}),
    ]
    for user in (OFFICE, HEAD, RUGAO):
        rows.append(
            ("person", user.id, {"login": user.login, "name": user.name, "unit_id": user.unit_id, "department_id": user.department_id, "title": "科员", "phone": "0513-85000000", "roles": list(user.roles)})
        )
    with cache.sessions.begin() as s:
        for entity, row_id, data in rows:
            apply_row(s, entity, row_id, 1, False, data)


def notice(notice_id: str, publisher: User, audience: str, title: str = "关于做好元旦春节期间有关工作的通知", at: float = 1356969600.0) -> dict:
    return {
        "title": title,
        "body": "各县（市）、区人民政府，市各委、办、局：\n　　请认真贯彻执行。",
        "audience": audience,
        "publisher_id": publisher.id,
        "publisher_name": publisher.name,
        "publisher_unit_id": publisher.unit_id,
        "published_at": at,
    }


def sign_in(cache: Cache, user: User) -> None:
    remember_login(cache, user, [])

"""`xietong-server admin room add`: a unit's meeting rooms (会议室), kept by IT for the room
manager; a new room reaches the unit's clients by the next pull."""

import argparse

from sync.server.bookings import service
from sync.server.bookings.models import RoomModel
from sync.server.config import Settings
from sync.server.database import open_database
from sync.server.directory.models import UnitModel


class SetupRefused(Exception):
    """What the administrator asked cannot be done; the message says why."""


def add_commands(admin: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    top = admin.add_parser("room", help="会议室管理：登记会议室")
    sub = top.add_subparsers(required=True, metavar="ACTION")
    p = sub.add_parser("add", parents=[common], help="登记本单位的一间会议室")
    p.add_argument("room_id", help="会议室编号，如 u01-r4")
    p.add_argument("--unit", required=True, help="单位编号")
    p.add_argument("--name", required=True, help="名称，如 第二会议室")
    p.add_argument("--building", required=True, help="所在楼宇，如 市政府办公楼")
    p.add_argument("--location", required=True, help="楼层或位置，如 三楼东侧")
    p.add_argument("--capacity", type=int, required=True, help="可容纳人数")
    p.add_argument("--equipment", action="append", default=[], help="设备，如 投影仪，可多次给出")
    p.add_argument("--needs-approval", action="store_true", help="预订须经会议室管理员审批")
    p.set_defaults(command=_add_room)


def _add_room(settings: Settings, args: argparse.Namespace) -> int:
    db = open_database(settings.database_url)
    try:
        with db.sessions.begin() as s:
            if s.get(UnitModel, args.unit) is None:
                raise SetupRefused(f"没有编号为 {args.unit} 的单位。")
            if args.capacity < 1 or s.get(RoomModel, args.room_id) is not None:
                raise SetupRefused("可容纳人数至少为 1，会议室编号不能重复。")
            room = RoomModel(
                id=args.room_id, unit_id=args.unit, name=args.name, building=args.building, location=args.location,
                capacity=args.capacity, equipment=list(dict.fromkeys(args.equipment)), needs_approval=args.needs_approval,
            )  # fmt: skip
            service.add_rooms(s, [room])
    except SetupRefused as refused:
        print(refused)
        return 1
    finally:
        db.close()
    print(f"已登记会议室 {args.name}（{args.room_id}，{args.building}）。")
    return 0

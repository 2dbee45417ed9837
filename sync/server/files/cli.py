"""`xietong-server files quota UNIT --mb N`: set a unit's 文件柜 quota; without --mb, show it."""

import argparse

from sync.server.config import Settings
from sync.server.database import open_database
from sync.server.directory import service as directory
from sync.server.files import service

MB = 1024**2


def add_commands(commands: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    files = commands.add_parser("files", help="文件共享（单位文件柜）").add_subparsers(required=True, metavar="ACTION")
    p = files.add_parser("quota", parents=[common], help="查看或设置单位文件柜的空间上限")
    p.add_argument("unit", help="单位编号，如 u01")
    p.add_argument("--mb", type=int, help="新的上限（MB）；不给则只显示")
    p.set_defaults(command=_quota)


def _quota(settings: Settings, args: argparse.Namespace) -> int:
    db = open_database(settings.database_url)
    try:
        with db.sessions.begin() as s:
            if not directory.unit_exists(s, args.unit):
                print(f"单位 {args.unit} 不存在。")
                return 1
            if args.mb is not None:
                service.set_quota(s, args.unit, args.mb * MB)
            used, limit = service.usage(s, args.unit)
    finally:
        db.close()
    print(f"{args.unit}：已用 {used / MB:.1f} MB，上限 {limit / MB:.0f} MB。")
    return 0

"""`xietong-server admin oidc-client add|set|list|remove`: the systems that sign users in through us."""

import argparse
import time

from sync.server.config import Settings
from sync.server.database import open_database
from sync.server.oidc import catalogue, clients
from sync.server.oidc.clients import ClientRefused, Launcher


def add_commands(admin: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    top = admin.add_parser("oidc-client", help="单点登录：登记、列出、注销接入的业务系统")
    sub = top.add_subparsers(required=True, metavar="ACTION")

    p = sub.add_parser("add", parents=[common], help="登记业务系统，显示其 client_secret（只显示这一次）")
    p.add_argument("client_id")
    p.add_argument("--name", required=True, help="系统名称，如 公文交换系统")
    p.add_argument("--redirect-uri", dest="redirect_uris", action="append", required=True, help="登录后的回调地址（完整 https 地址），可多次给出")
    p.add_argument("--role", dest="roles", action="append", default=[], help="可使用该系统的角色，可多次给出（不给则所有人可用）")
    _launcher_arguments(p)
    p.set_defaults(command=_add)

    p = sub.add_parser("set", parents=[common], help="修改业务系统在门户中的图标、地址、所属单位")
    p.add_argument("client_id")
    _launcher_arguments(p)
    p.set_defaults(command=_set)

    p = sub.add_parser("list", parents=[common], help="列出已登记的业务系统")
    p.set_defaults(command=_list)

    p = sub.add_parser("remove", parents=[common], help="注销业务系统，其令牌立即失效")
    p.add_argument("client_id")
    p.set_defaults(command=_remove)


def _launcher_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--icon", help="门户中显示的图标名称：incoming、outgoing、countersign、rooms、vehicles、notices、directory（默认通用图标）")
    p.add_argument("--launch-url", help="门户中打开的地址（默认第一个回调地址的站点首页）")
    p.add_argument("--unit", dest="unit_id", help="只在该单位的门户中显示（单位编号；默认所有单位）")


def _launcher(args: argparse.Namespace) -> Launcher:
    return Launcher(icon=args.icon, launch_url=args.launch_url, unit_id=args.unit_id)


def _add(settings: Settings, args: argparse.Namespace) -> int:
    db = open_database(settings.database_url)
    try:
        with db.sessions.begin() as s:
            secret = clients.add(s, args.client_id, args.name, args.redirect_uris, args.roles, time.time(), _launcher(args))
    except ClientRefused as exc:
        print(exc)
        return 1
    finally:
        db.close()
    print(f"已登记 {args.name}（client_id {args.client_id}）。client_secret（请交给该系统的管理员，不会再次显示）：")
    print(secret)
    return 0


def _set(settings: Settings, args: argparse.Namespace) -> int:
    db = open_database(settings.database_url)
    try:
        with db.sessions.begin() as s:
            clients.change_launcher(s, args.client_id, _launcher(args))
    except ClientRefused as exc:
        print(exc)
        return 1
    finally:
        db.close()
    print(f"已更新 {args.client_id} 在门户中的显示。")
    return 0


def _list(settings: Settings, _args: argparse.Namespace) -> int:
    db = open_database(settings.database_url)
    try:
        with db.sessions() as s:
            for c in clients.listed(s):
                print(f"{c.client_id:<20} {c.name:<20} 角色：{'、'.join(c.allowed_roles) or '所有人'}  地址：{catalogue.launch_url(c)}  单位：{c.unit_id or '所有单位'}  回调：{' '.join(c.redirect_uris)}")
    finally:
        db.close()
    return 0


def _remove(settings: Settings, args: argparse.Namespace) -> int:
    db = open_database(settings.database_url)
    try:
        with db.sessions.begin() as s:
            clients.remove(s, args.client_id)
    except ClientRefused as exc:
        print(exc)
        return 1
    finally:
        db.close()
    print(f"已注销 {args.client_id}。")
    return 0

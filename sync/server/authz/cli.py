"""`xietong-server admin role …` and `admin person clearance`: 统一授权 from the command line —
roles, their permissions and their members, and a person's 密级 clearance. Every change reaches
the clients through the change log and holds for the next op."""

import argparse
from collections.abc import Callable

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain.authz import PERMISSIONS, describe
from app.domain.documents.metadata import CLASSIFICATIONS
from app.domain.errors import RuleViolation
from sync.server.audit.service import Actor
from sync.server.authz import service
from sync.server.config import Settings
from sync.server.database import open_database
from sync.server.directory.models import PersonModel, RoleModel


def add_commands(admin: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    top = admin.add_parser("role", help="统一授权：角色、权限与人员")
    sub = top.add_subparsers(required=True, metavar="ACTION")

    p = sub.add_parser("list", parents=[common], help="列出角色、各自的权限与人员")
    p.set_defaults(command=_list)

    p = sub.add_parser("create", parents=[common], help="新建角色")
    p.add_argument("role")
    p.add_argument("--description", default="", help="角色说明")
    p.set_defaults(command=_change(lambda s, a: service.create_role(s, a.role, a.description), "已新建角色 {role}。"))

    names = "、".join(PERMISSIONS)
    for action, change, done in (("grant", service.grant, "已授予 {role} 权限 {permission}。"), ("revoke", service.revoke, "已收回 {role} 的权限 {permission}。")):
        p = sub.add_parser(action, parents=[common], help="授予角色权限" if action == "grant" else "收回角色的权限")
        p.add_argument("role")
        p.add_argument("permission", help=f"权限，如 vehicle.dispatch、room.manage:会议室编号或楼名、system.see:系统编号（可用：{names}）")
        p.set_defaults(command=_change(lambda s, a, change=change: change(s, a.role, a.permission), done))

    for action, change, done in (("assign", service.assign, "{person} 已担任 {role}。"), ("unassign", service.unassign, "{person} 已不再担任 {role}。")):
        p = sub.add_parser(action, parents=[common], help="让人员担任角色" if action == "assign" else "取消人员的角色")
        p.add_argument("role")
        p.add_argument("person", help="人员编号或登录名")
        p.set_defaults(command=_change(lambda s, a, change=change: change(s, a.role, a.person), done))

    p = sub.add_parser("publish", parents=[common], help="把全部授权与业务系统重新发给客户端（升级数据库后运行一次）")
    p.set_defaults(command=_change(lambda s, _a: service.publish_all(s), "已发布。"))

    person = admin.add_parser("person", help="人员的密级权限")
    sub = person.add_subparsers(required=True, metavar="ACTION")
    p = sub.add_parser("clearance", parents=[common], help="设置人员可知悉的最高密级（降低后，超出的公文和文件在其下次同步时从其电脑上移除）")
    p.add_argument("person", help="人员编号或登录名")
    p.add_argument("level", help=f"密级：{'、'.join(CLASSIFICATIONS)}")
    p.set_defaults(command=_change(lambda s, a: service.set_clearance(s, a.person, a.level, Actor("cli")), "{person} 的密级权限已设为 {level}。"))


def _change(change: Callable[[Session, argparse.Namespace], None], done: str) -> Callable[[Settings, argparse.Namespace], int]:
    def command(settings: Settings, args: argparse.Namespace) -> int:
        db = open_database(settings.database_url)
        try:
            with db.sessions() as s:
                try:  # inside the session: a RuleViolation is frozen, its traceback must stay as raised
                    change(s, args)
                except RuleViolation as exc:
                    s.rollback()
                    print(exc.message)
                    return 1
                s.commit()
        finally:
            db.close()
        print(done.format(**vars(args)))
        return 0

    return command


def _list(settings: Settings, _args: argparse.Namespace) -> int:
    db = open_database(settings.database_url)
    try:
        with db.sessions() as s:
            held: dict[str, list[str]] = {}
            for role, permission in service.grants(s):
                held.setdefault(role, []).append(describe(permission))
            members: dict[str, list[str]] = {}
            for login, roles in s.execute(select(PersonModel.login, PersonModel.roles)):
                for role in roles:
                    members.setdefault(role, []).append(login)
            for role in s.scalars(select(RoleModel.name).order_by(RoleModel.name)):
                print(f"{role}  权限：{'、'.join(held.get(role, [])) or '无'}  人员：{len(members.get(role, []))} 人 {' '.join(sorted(members.get(role, []))[:20])}")
    finally:
        db.close()
    return 0

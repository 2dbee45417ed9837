"""`xietong-server`: serve, migrate, init-demo, purge-tombstones, admin (the administrator's command), bundle (交换包), files (quotas)."""

import argparse
import logging
import sys
from pathlib import Path

import uvicorn
from alembic.util import CommandError
from sqlalchemy.exc import SQLAlchemyError

from app import __version__
from sync.server import migrate
from sync.server.bookings import cli as room_cli
from sync.server.bundles import cli as bundle_cli
from sync.server.changelog.retention import TOMBSTONE_DAYS, purge_tombstones
from sync.server.config import ConfigError, Settings, load_settings
from sync.server.database import Database, open_database
from sync.server.files import cli as files_cli
from sync.server.demo import DEMO_PIN, DEMO_USERS, DemoRefused, default_org_path, init_demo
from sync.server.main import create_app
from sync.server.authz import cli as authz_cli
from sync.server.oidc import cli as oidc_cli
from sync.server.pki import cli as pki_cli
from sync.server.pki.service import PkiRefused
from sync.server.vehicles import cli as fleet_cli

DEFAULT_TOKENS_DIR = Path("var/server/tokens")
DEFAULT_PKI_DIR = Path("var/server/pki")


def main(argv: list[str] | None = None) -> None:
    sys.exit(run(argv))


def run(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    flags = {name: getattr(args, name, None) for name in ("database_url", "host", "port", "tls_cert_file", "tls_key_file", "public_url")}
    try:
        settings = load_settings(flags, args.config)
        return args.command(settings, args)
    except ConfigError as exc:
        print(exc, file=sys.stderr)
        return 2
    except SQLAlchemyError as exc:
        print(f"数据库操作失败：{exc}", file=sys.stderr)
        return 1
    except CommandError as exc:  # e.g. a database migrated by a newer server version
        print(f"数据库结构迁移失败：{exc}", file=sys.stderr)
        return 1


def serve(settings: Settings, _args: argparse.Namespace) -> int:
    db = open_database(settings.database_url)
    try:
        problem = _ready_schema(db)
    finally:
        db.close()
    if problem:
        print(problem, file=sys.stderr)
        return 1
    tls = {"ssl_certfile": str(settings.tls_cert_file), "ssl_keyfile": str(settings.tls_key_file)} if settings.tls_cert_file else {}
    if not tls:
        print("警告：未配置 TLS 证书（tls_cert_file），服务器以明文 HTTP 运行，客户端将拒绝连接。", file=sys.stderr)
    uvicorn.run(create_app(settings), host=settings.host, port=settings.port, log_level="info", timeout_graceful_shutdown=settings.shutdown_grace_s, **tls)
    return 0


def run_migrate(settings: Settings, _args: argparse.Namespace) -> int:
    db = open_database(settings.database_url)
    try:
        migrate.upgrade(db)
        print(f"数据库结构已是最新版本（{migrate.head()}）。")
    finally:
        db.close()
    return 0


def run_init_demo(settings: Settings, args: argparse.Namespace) -> int:
    db = open_database(settings.database_url)
    try:
        summary = init_demo(db, people=args.people, tokens_dir=args.tokens, org_path=args.org, reset=args.reset, pki_dir=args.pki, seal_tokens=args.seal_tokens)
    except DemoRefused:
        print("数据库中已有数据，未做任何改动。要清空全部数据并重建演示数据，请加 --reset。", file=sys.stderr)
        return 1
    except PkiRefused as exc:
        print(exc, file=sys.stderr)
        return 1
    finally:
        db.close()
    print(f"演示数据已建立：{summary.units} 个单位，{summary.departments} 个处室，{summary.people} 人。")
    print(f"演示用户的软证书在 {args.tokens}（PIN 均为 {DEMO_PIN}）：" + "、".join(p.stem for p in summary.token_files))
    for seal in summary.seals:
        print(f"{seal.name}的印章 USB Key：SoftHSM2 令牌 {seal.token_label}（SOFTHSM2_CONF={args.seal_tokens / 'softhsm2.conf'}，PIN {DEMO_PIN}，由办公室主任保管）")
    print(f"演示 CA 在 {args.pki}：客户端信任 {summary.pki.anchor}，服务器使用 {summary.pki.tls_cert} 和 {summary.pki.tls_key}。")
    return 0


def run_purge(settings: Settings, args: argparse.Namespace) -> int:
    """Remove tombstones older than the horizon; clients whose cursor is older re-download."""
    db = open_database(settings.database_url)
    try:
        with db.sessions.begin() as s:
            purged = purge_tombstones(s, keep_days=args.keep_days)
    finally:
        db.close()
    print(f"已清理 {purged} 条超过 {args.keep_days} 天的删除记录。")
    return 0


def _keep_days(text: str) -> int:
    value = int(text)
    if value < TOMBSTONE_DAYS:
        raise argparse.ArgumentTypeError(f"删除记录至少保留 {TOMBSTONE_DAYS} 天")
    return value


def _ready_schema(db: Database) -> str:
    """Make sure the schema is current: SQLite is upgraded in place (a single-file deployment);
    PostgreSQL is left to `migrate`, run deliberately by whoever runs the database. Returns the
    reason to refuse starting, or ""."""
    at, head = migrate.current(db), migrate.head()
    if at == head:
        return ""
    if db.kind == "sqlite":
        migrate.upgrade(db)
        return ""
    return f"数据库结构版本为 {at or '（空库）'}，本服务器需要 {head}：请先运行 xietong-server migrate（同样的 --database-url 或 --config）。"


def _people_count(text: str) -> int:
    value = int(text)
    if value < len(DEMO_USERS):
        raise argparse.ArgumentTypeError(f"至少 {len(DEMO_USERS)} 人（演示用户）")
    return value


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="xietong-server", description="协同办公交换服务器 (Xietong exchange server)")
    parser.add_argument("--version", action="version", version=f"xietong-server {__version__}")
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--config", type=Path, help="TOML 配置文件（也可用环境变量 XIETONG_SERVER_CONFIG）")
    common.add_argument("--database-url", help="数据库地址，如 sqlite:///var/server/xietong.db 或 postgresql+psycopg://user:pw@host/db")
    commands = parser.add_subparsers(required=True, metavar="COMMAND")

    p = commands.add_parser("serve", parents=[common], help="启动交换服务器")
    p.add_argument("--host", help="监听地址（默认 127.0.0.1）")
    p.add_argument("--port", type=int, help="监听端口（默认 8765）")
    p.add_argument("--tls-cert-file", type=Path, help="TLS 证书链（PEM）")
    p.add_argument("--tls-key-file", type=Path, help="TLS 私钥（PEM）")
    p.add_argument("--public-url", help="客户端访问本服务器的地址（默认 https://监听地址:端口）")
    p.set_defaults(command=serve)

    p = commands.add_parser("migrate", parents=[common], help="把数据库结构升级到最新版本")
    p.set_defaults(command=run_migrate)

    p = commands.add_parser("init-demo", parents=[common], help="建立南通演示数据（单位、处室、人员、演示用户软证书、演示通知）")
    p.add_argument("--people", type=_people_count, default=1000, help="生成的总人数，含 5 位演示用户（默认 1000）")
    p.add_argument("--tokens", type=Path, default=DEFAULT_TOKENS_DIR, help=f"演示用户软证书的存放目录（默认 {DEFAULT_TOKENS_DIR}）")
    p.add_argument("--org", type=Path, default=default_org_path(), help="组织机构 JSON 文件")
    p.add_argument("--pki", type=Path, default=DEFAULT_PKI_DIR, help=f"演示 CA、服务器 TLS 证书的存放目录（默认 {DEFAULT_PKI_DIR}）")
    p.add_argument("--reset", action="store_true", help="先清空数据库中的全部数据再建立")
    p.add_argument("--seal-tokens", type=Path, help="在此目录建立 SoftHSM2 令牌，存放演示单位的印章密钥（单位签章证书）")
    p.set_defaults(command=run_init_demo)

    p = commands.add_parser("purge-tombstones", parents=[common], help="清理超过保留期限的删除记录（墓碑）")
    p.add_argument("--keep-days", type=_keep_days, default=TOMBSTONE_DAYS, help=f"保留天数（至少且默认 {TOMBSTONE_DAYS}）")
    p.set_defaults(command=run_purge)

    admin = pki_cli.add_commands(commands, common)
    for domain in (oidc_cli, authz_cli, room_cli, fleet_cli):
        domain.add_commands(admin, common)
    bundle_cli.add_commands(commands, common)
    files_cli.add_commands(commands, common)
    return parser


if __name__ == "__main__":
    main()

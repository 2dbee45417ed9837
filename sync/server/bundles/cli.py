"""`xietong-server bundle import FILE --out ANSWER --key EXCHANGE.p12` (or an SM2 `.p8`): the exchange point's
side of a 交换包, run by the clerk who carries the stick."""

import argparse
import getpass
import sys
from collections.abc import Callable
from pathlib import Path

from app.identity.signer import TokenUnreadable, WrongPin
from sync.bundle.refusals import BundleRefused
from sync.server.blobs.store import BlobStore
from sync.server.bundles.exchange_key import load_exchange_key
from sync.server.bundles.service import UpdatePackage, import_ops, rules_of
from sync.server.config import Settings
from sync.server.database import open_database


def add_commands(commands: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    bundle = commands.add_parser("bundle", help="交换包（涉密单位离线交换）").add_subparsers(required=True, metavar="ACTION")
    p = bundle.add_parser("import", parents=[common], help="导入隔离单位的交换包，执行其中的操作并写出回执交换包")
    p.add_argument("file", type=Path, help="隔离单位导出的交换包")
    p.add_argument("--out", type=Path, required=True, help="回执交换包的写出位置（如 U 盘上的文件）")
    p.add_argument("--key", type=Path, required=True, help="交换站的软证书 .p12 或 SM2 .p8（旁边须有同名 .crt）")
    p.add_argument("--pin-file", type=Path, help="软证书 PIN 所在的文件（不给则提示输入）")
    p.add_argument("--update", type=Path, help="随回执带给隔离单位的客户端更新包（由 IT 在隔离机上安装）")
    p.add_argument("--update-version", default="", help="更新包的版本号（与 --update 一起给出）")
    p.set_defaults(command=_import)


def _import(settings: Settings, args: argparse.Namespace) -> int:
    try:
        pin = args.pin_file.read_text(encoding="utf-8").strip() if args.pin_file else getpass.getpass("交换站证书 PIN：")
        exchange = load_exchange_key(args.key).unlock(pin)
    except (TokenUnreadable, WrongPin) as exc:
        print(f"无法打开交换站证书：{exc or 'PIN 不正确'}", file=sys.stderr)
        return 1
    update = UpdatePackage(args.update, args.update_version or args.update.stem) if args.update else None
    db = open_database(settings.database_url)
    try:
        report = import_ops(db, BlobStore(settings.blob_dir), args.file, args.out, exchange, _progress_printer(), rules_of(settings, update))
    except BundleRefused as exc:
        print(f"拒绝导入（{exc.code}）：{exc.message}", file=sys.stderr)
        return 1
    finally:
        print(file=sys.stderr)  # ends the progress line
        db.close()
    applied = sum(r.status == "applied" for r in report.results)
    print(f"已导入 {len(report.results)} 个操作（执行 {applied} 个，拒绝 {len(report.results) - applied} 个），文件 {report.blobs_in} 个。")
    print(f"回执已写到 {args.out}：{report.rows} 条变更，{report.blobs_out} 个文件，SHA-256 {report.answer_sha256}。")
    return 0


def _progress_printer() -> Callable[[int, int, int], None]:
    def show(records: int, done: int, total: int) -> None:
        print(f"\r读取中：{records} 条记录，{done // 1024} / {total // 1024} KB", end="", file=sys.stderr, flush=True)

    return show

"""`xietong-server admin …`: the PKI administrator's commands (证书管理), on the server's database."""

import argparse
import datetime as dt
import getpass
import time
from collections.abc import Callable
from pathlib import Path

from sync.server.audit import service as audit
from sync.server.config import Settings
from sync.server.database import Database, open_database
from sync.server.pki import admin
from sync.server.pki import service as pki
from sync.server.pki import unit_certificates
from sync.server.pki.service import PkiRefused


def add_commands(commands: argparse._SubParsersAction, common: argparse.ArgumentParser) -> argparse._SubParsersAction:
    """The `admin` group; returns its actions, so other domains add theirs (oidc-client)."""
    top = commands.add_parser("admin", help="证书管理：CA、签发、吊销、吊销列表、证书绑定、登录记录")
    sub = top.add_subparsers(required=True, metavar="ACTION")
    ca_options = argparse.ArgumentParser(add_help=False)
    ca_options.add_argument("--passphrase-file", type=Path, help="CA 私钥口令所在的文件（不给则私钥不加密，仅限文件权限 0600）")

    p = sub.add_parser("ca-create", parents=[common, ca_options], help="建立根 CA，或在 --parent 下建立中级 CA")
    p.add_argument("folder", type=Path)
    p.add_argument("--name", required=True, help="CA 名称（证书的 CN）")
    p.add_argument("--org", required=True, help="机构名称（O）")
    p.add_argument("--parent", type=Path, help="上级 CA 目录")
    p.add_argument("--path-length", type=int, help="其下还可有几级 CA（根默认 1，中级默认 0）")
    p.set_defaults(command=_guarded(_ca_create))

    p = sub.add_parser("ca-import", parents=[common], help="导入其他工具建立的 CA 证书（PEM，可多张）")
    p.add_argument("file", type=Path)
    p.add_argument("--anchor", action="store_true", help="作为信任根（否则作为中级 CA）")
    p.set_defaults(command=_guarded(_ca_import))

    p = sub.add_parser("issue", parents=[common, ca_options], help="为用户签发证书：写入 .p12 文件或 USB Key（PKCS#11）")
    p.add_argument("--ca", type=Path, required=True, help="签发 CA 的目录")
    p.add_argument("--login", required=True)
    p.add_argument("--p12-dir", type=Path, help="写 <login>.p12 和 <login>.crt 的目录")
    p.add_argument("--pkcs11-module", type=Path, help="USB Key 厂商的 PKCS#11 模块")
    p.add_argument("--token-label", help="USB Key 的标签")
    p.add_argument("--pin-file", type=Path, help="PIN 所在的文件（不给则提示输入）")
    p.add_argument("--days", type=int, default=730)
    p.set_defaults(command=_guarded(_issue))

    p = sub.add_parser("map", parents=[common], help="把其他 CA 签发的证书绑定到用户")
    p.add_argument("--cert", type=Path, required=True)
    p.add_argument("--login", required=True)
    p.set_defaults(command=_guarded(_map))

    p = sub.add_parser("revoke", parents=[common, ca_options], help="吊销证书，结束其会话，并发布新的吊销列表")
    p.add_argument("--ca", type=Path, required=True)
    p.add_argument("--serial", required=True, help="证书序列号（十六进制）")
    p.add_argument("--reason", default="")
    p.add_argument("--crl-days", type=int, default=7)
    p.set_defaults(command=_guarded(_revoke))

    p = sub.add_parser("crl", parents=[common, ca_options], help="发布 CA 的吊销列表")
    p.add_argument("--ca", type=Path, required=True)
    p.add_argument("--days", type=int, default=7, help="有效天数（过期后该 CA 的证书都不能登录）")
    p.add_argument("--out", type=Path, help="另存为 DER 文件")
    p.set_defaults(command=_guarded(_crl))

    p = sub.add_parser("crl-import", parents=[common], help="导入其他 CA 发布的吊销列表（PEM 或 DER）")
    p.add_argument("file", type=Path)
    p.set_defaults(command=_guarded(_crl_import))

    p = sub.add_parser("server-cert", parents=[common, ca_options], help="签发服务器的 TLS 证书")
    p.add_argument("--ca", type=Path, required=True)
    p.add_argument("--hostname", dest="hostnames", action="append", required=True, help="服务器的主机名或 IP，可多次给出")
    p.add_argument("--cert", type=Path, required=True)
    p.add_argument("--key", type=Path, required=True)
    p.set_defaults(command=_guarded(_server_cert))

    p = sub.add_parser("unit-cert-issue", parents=[common, ca_options], help="签发单位电子印章证书：密钥在印章管理人员的 USB Key 上生成")
    p.add_argument("--ca", type=Path, required=True, help="签发 CA 的目录")
    p.add_argument("--unit", required=True, help="单位编号（如 u01）")
    p.add_argument("--name", default="", help="证书上的单位全称（默认通讯录中的单位名称）")
    p.add_argument("--seal", type=Path, required=True, help="单位印章图像（PNG，透明背景）")
    p.add_argument("--pkcs11-module", type=Path, required=True, help="USB Key 厂商的 PKCS#11 模块")
    p.add_argument("--token-label", required=True, help="印章 USB Key 的标签")
    p.add_argument("--pin-file", type=Path, help="PIN 所在的文件（不给则提示输入）")
    p.add_argument("--days", type=int, default=1825)
    p.set_defaults(command=_guarded(_unit_cert_issue))

    p = sub.add_parser("unit-cert-register", parents=[common], help="登记其他工具（如 openssl）制作的单位签章证书（PEM）")
    p.add_argument("file", type=Path, help="单位证书（PEM；其后可跟签发 CA 证书）")
    p.add_argument("--unit", required=True, help="单位编号（如 u01）")
    p.add_argument("--seal", type=Path, required=True, help="单位印章图像（PNG，透明背景）")
    p.add_argument("--chain", type=Path, help="签发 CA 证书（PEM），如未用 ca-import 导入")
    p.set_defaults(command=_guarded(_unit_cert_register))

    p = sub.add_parser("unit-certs", parents=[common], help="列出已登记的单位签章证书")
    p.set_defaults(command=_guarded(_unit_certs))

    p = sub.add_parser("unit-cert-remove", parents=[common], help="撤下单位签章证书（按 SHA-256 指纹）")
    p.add_argument("sha256")
    p.set_defaults(command=_guarded(_unit_cert_remove))

    p = sub.add_parser("logins", parents=[common], help="最近的登录、登录失败、锁定、解锁和退出记录")
    p.add_argument("--limit", type=int, default=50)
    p.set_defaults(command=_guarded(_logins))

    p = sub.add_parser("bindings", parents=[common], help="列出证书与用户的绑定")
    p.set_defaults(command=_guarded(_bindings))
    return sub


def _guarded(action: Callable[[Database, argparse.Namespace], int]) -> Callable[[Settings, argparse.Namespace], int]:
    def run(settings: Settings, args: argparse.Namespace) -> int:
        db = open_database(settings.database_url)
        try:
            return action(db, args)
        except PkiRefused as exc:
            print(exc)
            return 1
        finally:
            db.close()

    return run


def _ca_create(db: Database, args: argparse.Namespace) -> int:
    with db.sessions.begin() as s:
        made = admin.create_ca(s, args.folder, args.name, args.org, _now(), args.parent, args.path_length, _passphrase(args))
    print(f"已建立 CA：{made.certificate.subject.rfc4514_string()}（{args.folder}）")
    return 0


def _ca_import(db: Database, args: argparse.Namespace) -> int:
    with db.sessions.begin() as s:
        certs = admin.import_cas(s, args.file, args.anchor, time.time())
    print("已导入：" + "；".join(c.subject.rfc4514_string() for c in certs))
    return 0


def _issue(db: Database, args: argparse.Namespace) -> int:
    pin = _secret(args.pin_file, "用户 PIN：")
    with db.sessions.begin() as s:
        if args.p12_dir:
            files = admin.issue_to_p12(s, args.ca, args.login, args.p12_dir, pin, _now(), args.days, _passphrase(args))
            print(f"已签发：{files.p12}（证书另存 {files.certificate}）")
        elif args.pkcs11_module and args.token_label:
            cert = admin.issue_to_token(s, args.ca, args.login, args.pkcs11_module, args.token_label, pin, _now(), args.days, _passphrase(args))
            print(f"已签发到 USB Key {args.token_label}：序列号 {cert.serial_number:x}")
        else:
            raise PkiRefused("请给出 --p12-dir，或 --pkcs11-module 和 --token-label。")
    return 0


def _map(db: Database, args: argparse.Namespace) -> int:
    with db.sessions.begin() as s:
        cert = admin.map_certificate(s, args.cert, args.login, time.time())
    print(f"已绑定：{cert.subject.rfc4514_string()}（序列号 {cert.serial_number:x}）→ {args.login}")
    return 0


def _revoke(db: Database, args: argparse.Namespace) -> int:
    with db.sessions.begin() as s:
        ended = admin.revoke(s, args.ca, args.serial, args.reason, _now())
        admin.publish_crl(s, args.ca, _now(), args.crl_days, passphrase=_passphrase(args))
    print(f"已吊销 {args.serial}，结束 {ended} 个会话，并已发布新的吊销列表。")
    return 0


def _crl(db: Database, args: argparse.Namespace) -> int:
    with db.sessions.begin() as s:
        crl = admin.publish_crl(s, args.ca, _now(), args.days, args.out, _passphrase(args))
    print(f"已发布吊销列表：{len(list(crl))} 张已吊销，下次更新 {crl.next_update_utc:%Y-%m-%d %H:%M} UTC。")
    return 0


def _crl_import(db: Database, args: argparse.Namespace) -> int:
    with db.sessions.begin() as s:
        crl = admin.import_crl(s, args.file)
    print(f"已导入 {crl.issuer.rfc4514_string()} 的吊销列表。")
    return 0


def _server_cert(db: Database, args: argparse.Namespace) -> int:
    admin.issue_server_certificate(args.ca, args.hostnames, args.cert, args.key, _now(), _passphrase(args))
    print(f"已签发服务器证书：{args.cert}")
    return 0


def _unit_cert_issue(db: Database, args: argparse.Namespace) -> int:
    seal = _read(args.seal)
    pin = _secret(args.pin_file, "印章 USB Key 的 PIN：")
    with db.sessions.begin() as s:
        cert = admin.issue_unit_to_token(s, args.ca, args.unit, args.pkcs11_module, args.token_label, pin, seal, _now(), args.name, args.days, _passphrase(args))
    print(f"已签发单位签章证书到 USB Key {args.token_label}：{cert.subject.rfc4514_string()}，指纹 {pki.fingerprint(cert)}")
    return 0


def _unit_cert_register(db: Database, args: argparse.Namespace) -> int:
    with db.sessions.begin() as s:
        cert = admin.register_unit_certificate(s, args.unit, args.file, args.seal, args.chain)
    print(f"已登记单位签章证书：{cert.subject.rfc4514_string()} → {args.unit}，指纹 {pki.fingerprint(cert)}")
    return 0


def _unit_certs(db: Database, _args: argparse.Namespace) -> int:
    with db.sessions() as s:
        for row in unit_certificates.registered(s):
            until = dt.datetime.fromtimestamp(row.not_after, dt.timezone.utc).strftime("%Y-%m-%d")
            print(f"{row.unit_id:<6} {row.sha256}  至 {until}  {row.subject}")
    return 0


def _unit_cert_remove(db: Database, args: argparse.Namespace) -> int:
    with db.sessions.begin() as s:
        row = unit_certificates.remove(s, args.sha256)
    print(f"已撤下 {row.unit_id} 的单位签章证书 {row.subject}")
    return 0


def _read(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise PkiRefused(f"无法读取 {path}：{exc.strerror}") from exc


def _logins(db: Database, args: argparse.Namespace) -> int:
    with db.sessions() as s:
        for e in audit.recent(s, args.limit):
            at = dt.datetime.fromtimestamp(e.at).strftime("%Y-%m-%d %H:%M:%S")
            print(f"{at}  {e.event:<15} {e.person_id or '-':<10} {e.device_id or '-':<38} {e.address:<15} {e.detail}")
    return 0


def _bindings(db: Database, _args: argparse.Namespace) -> int:
    with db.sessions() as s:
        for b in pki.bindings(s):
            print(f"{b.person_id:<10} {b.serial:<40} {b.subject}")
    return 0


def _now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


def _passphrase(args: argparse.Namespace) -> bytes | None:
    return args.passphrase_file.read_bytes().strip() if getattr(args, "passphrase_file", None) else None


def _secret(path: Path | None, prompt: str) -> str:
    return path.read_text(encoding="utf-8").strip() if path else getpass.getpass(prompt)


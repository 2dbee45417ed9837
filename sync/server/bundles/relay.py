"""A bundle relayed by a connected exchange-point client: the clerk's client uploaded the file as
a blob; it is imported exactly as the CLI imports one (every check, the exchange point's key held
by the server), and the answer is kept as a blob only that clerk may download."""

import hashlib
import os
import secrets
import time
from pathlib import Path

from app.domain.bundles import may_relay
from app.identity.signer import Signer
from sync.bundle.refusals import BundleRefused
from sync.protocol.bundle_relay import RelayAnswer
from sync.server.audit import service as audit
from sync.server.auth.service import CurrentUser
from sync.server.blobs import access
from sync.server.blobs.store import BlobStore
from sync.server.bundles.exchange_key import load_exchange_key
from sync.server.bundles.service import import_ops, rules_of
from sync.server.config import Settings
from sync.server.database import Database

AUDIT_ADDRESS = "bundle-relay"


class RelayRefused(Exception):
    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(f"{code}: {message}")
        self.status, self.code, self.message = status, code, message


def relay(db: Database, blobs: BlobStore, settings: Settings, user: CurrentUser, bundle_sha256: str) -> RelayAnswer:
    if not may_relay(user.roles):
        raise RelayRefused(403, "bundle.not_exchange_point", "您没有交换站管理员角色，不能代为导入交换包。")
    with db.sessions() as s:
        readable = access.may_read(s, bundle_sha256, user.id, list(user.scopes))
    if not readable or not blobs.has(bundle_sha256):
        raise RelayRefused(404, "blob.missing", "服务器上没有该交换包，请重新上传。")
    exchange = _exchange_signer(settings)
    answer = settings.blob_dir / f"relay-{secrets.token_hex(8)}.xtb"
    try:
        report = import_ops(db, blobs, blobs.final_path(bundle_sha256), answer, exchange, rules=rules_of(settings))
    except BundleRefused as exc:
        raise RelayRefused(422, exc.code, exc.message) from None
    answer_sha, size = _keep_as_blob(blobs, answer)
    with db.sessions.begin() as s:
        access.record_uploader(s, answer_sha, user.id)
        actor = audit.Actor(AUDIT_ADDRESS, user.id, user.device_id)
        audit.record(s, time.time(), "bundle.relay", actor, f"bundle={bundle_sha256} answer={answer_sha} for={report.person_id}/{report.device_id}")
    applied = sum(r.status == "applied" for r in report.results)
    return RelayAnswer(answer_sha256=answer_sha, answer_size=size, ops=len(report.results), applied=applied, rows=report.rows)


def _exchange_signer(settings: Settings) -> Signer:
    if settings.bundle_exchange_key is None or settings.bundle_exchange_pin_file is None:
        raise RelayRefused(503, "bundle.no_exchange_key", "服务器未配置交换站证书，无法代为导入交换包。")
    pin = settings.bundle_exchange_pin_file.read_text(encoding="utf-8").strip()
    return load_exchange_key(settings.bundle_exchange_key).unlock(pin)


def _keep_as_blob(blobs: BlobStore, path: Path) -> tuple[str, int]:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        while block := f.read(1024 * 1024):
            digest.update(block)
    sha, final = digest.hexdigest(), blobs.final_path(digest.hexdigest())
    final.parent.mkdir(parents=True, exist_ok=True)
    os.replace(path, final)
    return sha, final.stat().st_size

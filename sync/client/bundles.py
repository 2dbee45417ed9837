"""交换包 on the isolated machine: export the outbox for the exchange point, import its answer.

The export holds what an online round would send: a PullRequest (the device, every scope's
cursor, the results still unknown), the files the waiting ops name, and the waiting ops as
PushRequests. Ops stay waiting until an answer settles them, so a lost stick costs nothing: the
next export carries them again and the server answers them from its record (exactly once).
The answer is applied in one transaction, like a pull page: results, rows, cursors, rebase; the
CRLs it carries go into the kept material offline login checks, and a client update package it
carries is placed in the updates folder for IT to install (the client never runs it).
"""

import base64
import datetime as dt
import json
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.identity.chain import TrustMaterial
from app.identity.signer import Signer
from app.services import kept_crls, local_ops
from app.services.account import User
from app.store import meta, mirror, outbox, scope_index
from app.store.blobs import LocalBlobs
from app.store.cache import Cache
from app.store.models import SyncCursor
from sync.bundle import policy
from sync.bundle.format import certificate_sha256
from sync.bundle.keywrap import ReceiverKey
from sync.bundle.reader import Expectation, Progress, Record, open_bundle
from sync.bundle.refusals import refused
from sync.bundle.writer import BundleWriter
from sync.bundle.writer import Progress as WriteProgress
from sync.client.carried_update import CarriedUpdate
from sync.client.engine import apply_scope
from sync.protocol import Op, OpResult, PullRequest, PullResponse, PushRequest
from sync.protocol.messages import MAX_OPS_PER_PUSH, MAX_PULL_LIMIT, MAX_PUSH_BYTES

SENT_SEQ_KEY = "bundle.sent_seq"
ANSWER_SEQ_KEY = "bundle.answer_seq:{}"  # the exchange point numbers answers per certificate it answers


@dataclass(frozen=True)
class BundleParty:
    """The isolated machine's side: its cache and login, its key, and whom it exchanges with."""

    cache: Cache
    user: User
    device_id: str
    scopes: list[str]
    signer: Signer
    key: ReceiverKey  # opens answers sent to signer.certificate (keywrap.receiver_key_of)
    exchange_certificate: bytes  # DER of the exchange point's certificate
    trust: TrustMaterial  # anchors and CRLs the exchange point's certificate must chain to
    audit_log: Path  # one JSON line per export and import
    blobs: LocalBlobs | None = None
    algorithms: str = policy.STANDARD  # policy.NATIONAL: SM2/SM4 only, both ways
    ceiling: str | None = None  # the unit's highest 密级: an answer with more is refused
    updates_dir: Path | None = None  # where client update packages are left for IT


@dataclass
class ExportReport:
    path: Path
    file_sha256: str
    seq: int
    ops: int
    blobs: int


@dataclass
class AnswerReport:
    file_sha256: str
    applied: int = 0
    rejected: list[OpResult] = field(default_factory=list)
    rows: int = 0
    blobs: int = 0
    crls: int = 0  # newer CRLs kept for offline login
    update: Path | None = None  # a client update package placed for IT


def export_bundle(party: BundleParty, path: Path, progress: WriteProgress | None = None) -> ExportReport:
    """Write the waiting ops to `path` (e.g. on a USB stick); nothing in the cache changes but
    the sequence number, so exporting again after a lost stick is always safe."""
    with party.cache.session() as s:
        waiting = outbox.pending(s, 1 << 30)
        cursors = dict(s.execute(select(SyncCursor.scope, SyncCursor.cursor)).all())
        seq = int(meta.get(s, SENT_SEQ_KEY, "0")) + 1
    after = waiting[0].client_seq - 1 if waiting else None
    pull = PullRequest(device_id=party.device_id, cursors={scope: cursors.get(scope, 0) for scope in party.scopes}, limit=MAX_PULL_LIMIT, results_after=after)
    ops = [Op(op_id=q.op_id, client_seq=q.client_seq, name=q.name, args=q.args, base_version=q.base_version) for q in waiting]
    files = _named_files(party.blobs, ops)
    with BundleWriter(path, "ops", party.signer, party.exchange_certificate, seq, progress, party.algorithms) as w:
        w.add("pull", pull.model_dump(mode="json"))  # first: it names the device
        for sha in files:
            w.add_blob_pieces(sha, party.blobs.size(sha), party.blobs.read(sha))
        for batch in _batches(ops):
            w.add("push", PushRequest(device_id=party.device_id, ops=batch).model_dump(mode="json"))
        file_sha256 = w.close()
    with party.cache.sessions.begin() as s:
        meta.put(s, SENT_SEQ_KEY, str(seq))
    _audit(party, "bundle.export", path, file_sha256, seq=seq, ops=len(ops), blobs=len(files))
    return ExportReport(path, file_sha256, seq, len(ops), len(files))


def import_answer(party: BundleParty, path: Path, progress: Progress | None = None) -> AnswerReport:
    """Apply the exchange point's answer: raises BundleRefused with nothing applied."""
    seq_key = ANSWER_SEQ_KEY.format(certificate_sha256(party.signer.certificate))
    with party.cache.session() as s:
        last = int(meta.get(s, seq_key, "0"))
    expect = Expectation(
        "answer", party.key, party.signer.certificate, party.trust, lambda _sender: last,
        dt.datetime.now(dt.timezone.utc), sender_sha256=certificate_sha256(party.exchange_certificate),
        algorithms=party.algorithms, ceiling=party.ceiling,
    )  # fmt: skip
    bundle = open_bundle(path, expect, progress)
    report = AnswerReport(bundle.file_sha256)
    update = CarriedUpdate(party.updates_dir)
    try:
        with party.cache.sessions.begin() as s:
            for record in bundle.records(progress):
                _apply_record(s, party, record, report, update)
            update.check_complete()
            outbox.forget_applied(s)
            local_ops.rebase(s, party.user)
            meta.put(s, seq_key, str(bundle.header.sender_seq))
    except BaseException:
        update.discard()
        raise
    report.update = update.place()
    _audit(party, "bundle.import", path, bundle.file_sha256, seq=bundle.header.sender_seq, applied=report.applied, rejected=len(report.rejected), rows=report.rows, crls=report.crls)
    return report


def _apply_record(s: Session, party: BundleParty, record: Record, report: AnswerReport, update: CarriedUpdate) -> None:
    if record.kind == "results":
        _settle(s, [OpResult.model_validate(r) for r in record.body["results"]], report)
    elif record.kind == "renumber":
        outbox.renumber_from(s, int(record.body["expected_seq"]))
    elif record.kind == "pull":
        _apply_page(s, PullResponse.model_validate(record.body), report)
    elif record.kind == "crl":
        try:
            report.crls += kept_crls.install(s, base64.b64decode(record.body["der"]), [*party.trust.anchors, *party.trust.intermediates])
        except kept_crls.UntrustedCrl:
            raise refused("bundle.bad_crl") from None
    elif record.kind == "update":
        update.expect(record.body)
    elif record.kind == "blob" and update.wants(record.body["sha256"]):
        update.write(record.blob or iter(()))
    elif record.kind == "blob" and party.blobs is not None:
        party.blobs.write(record.body["sha256"], record.blob or iter(()))
        report.blobs += 1


def _settle(s: Session, results: list[OpResult], report: AnswerReport) -> None:
    for r in results:
        if r.status != "missing_blobs" and outbox.settle(s, r.op_id, r.client_seq, r.status == "applied", r.code, r.message):
            if r.status == "applied":
                report.applied += 1
            else:
                report.rejected.append(r)


def _apply_page(s: Session, page: PullResponse, report: AnswerReport) -> None:
    _settle(s, page.results, report)
    for scope, changes in page.scopes.items():
        if changes.reset:
            for entity, ids in scope_index.forget(s, scope).items():
                mirror.forget(s, entity, ids)
        apply_scope(s, scope, changes.rows)
        s.merge(SyncCursor(scope=scope, cursor=changes.next_cursor))
        report.rows += len(changes.rows)


def _named_files(blobs: LocalBlobs | None, ops: list[Op]) -> list[str]:
    """Files the ops name that this machine holds (the server answers missing_blobs for others)."""
    named = (a.get("sha256") for op in ops for a in op.args.get("attachments") or [] if isinstance(a, dict))
    return [sha for sha in dict.fromkeys(named) if isinstance(sha, str) and blobs is not None and blobs.has(sha)]


def _batches(ops: list[Op]) -> Iterator[list[Op]]:
    """Pushes the server accepts: as the engine batches them (count and size bounds)."""
    batch: list[Op] = []
    size = 1024
    for op in ops:
        cost = len(json.dumps(op.args, ensure_ascii=False).encode()) + 256
        if batch and (len(batch) == MAX_OPS_PER_PUSH or size + cost > MAX_PUSH_BYTES):
            yield batch
            batch, size = [], 1024
        batch.append(op)
        size += cost
    if batch:
        yield batch


def _audit(party: BundleParty, event: str, path: Path, file_sha256: str, **detail: int) -> None:
    line = {"at": time.time(), "event": event, "person_id": party.user.id, "device_id": party.device_id, "certificate_sha256": certificate_sha256(party.signer.certificate), "file": str(path), "sha256": file_sha256, **detail}
    party.audit_log.parent.mkdir(parents=True, exist_ok=True)
    with party.audit_log.open("a", encoding="utf-8") as f:
        f.write(json.dumps(line, ensure_ascii=False) + "\n")

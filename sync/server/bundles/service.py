"""Import an isolated unit's 交换包 and write the answer: the ops go through the same push
service as online ones (exactly once per device, by op id), the answer carries their results
and the pull pages of the sender's scopes with the files those rows name.

A failed import can be run again: ops already applied are answered from their record, and the
sender's sequence is recorded only once the answer is written. Every answer also carries the
current CRLs of the server's CAs and, when the clerk brings one, a client update package, so the
isolated machine stays current.
"""

import base64
import datetime as dt
import hashlib
import time
from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path

from cryptography.hazmat.primitives.serialization import Encoding
from pydantic import ValidationError

from app.identity.chain import parse_certificate
from app.identity.signer import Signer
from sync.bundle import keywrap, policy
from sync.bundle.reader import Expectation, Progress, Record, VerifiedBundle, open_bundle
from sync.bundle.refusals import BundleRefused, refused
from sync.bundle.writer import BundleWriter
from sync.protocol import OpResult, PullRequest, PullResponse, PushRequest
from sync.protocol.messages import MAX_PULL_LIMIT
from sync.server.audit import service as audit
from sync.server.auth.service import CurrentUser
from sync.server.blobs import access
from sync.server.blobs.store import BlobStore
from sync.server.bundles.models import BundleSenderModel
from sync.server.config import Settings
from sync.server.database import Database
from sync.server.directory.models import PersonModel
from sync.server.pki import service as pki
from sync.server.sync import service as sync
from sync.server.sync.handlers import HANDLERS

AUDIT_ADDRESS = "bundle"


@dataclass(frozen=True)
class UpdatePackage:
    """A client installer for the isolated machines (IT runs it there)."""

    path: Path
    version: str


@dataclass(frozen=True)
class ExchangeRules:
    """What this exchange point accepts, and what it adds to every answer."""

    algorithms: str = policy.STANDARD
    ceiling: str | None = None  # the highest 密级 accepted from a bundle
    update: UpdatePackage | None = None


def rules_of(settings: Settings, update: UpdatePackage | None = None) -> ExchangeRules:
    return ExchangeRules(settings.bundle_algorithms, settings.bundle_ceiling, update)


@dataclass
class ImportReport:
    person_id: str
    device_id: str
    file_sha256: str
    answer_sha256: str = ""
    results: list[OpResult] = field(default_factory=list)
    rows: int = 0
    blobs_in: int = 0
    blobs_out: int = 0
    expected_seq: int | None = None  # the device must renumber its ops from here


def import_ops(db: Database, blobs: BlobStore, path: Path, answer_path: Path, exchange: Signer, progress: Progress | None = None, rules: ExchangeRules = ExchangeRules()) -> ImportReport:
    """Raises BundleRefused (recorded in the audit log) with nothing applied."""
    now = time.time()
    try:
        bundle = _open(db, path, exchange, now, rules)
        user = _sender(db, bundle)
        report = ImportReport(user.id, user.device_id, bundle.file_sha256)
        pull = _apply(db, blobs, bundle, user, report, progress)
    except BundleRefused as exc:
        _audit_refusal(db, path, exc, now)
        raise
    with db.sessions() as s:
        sender = s.get(BundleSenderModel, bundle.sender_sha256)
        answer_seq = (sender.answers_sent if sender else 0) + 1
    report.answer_sha256 = _write_answer(db, blobs, answer_path, exchange, bundle, user, pull, report, answer_seq, rules)
    with db.sessions.begin() as s:
        s.merge(BundleSenderModel(cert_sha256=bundle.sender_sha256, person_id=user.id, last_seq=bundle.header.sender_seq, answers_sent=answer_seq, imported_at=now))
        actor = audit.Actor(AUDIT_ADDRESS, user.id, user.device_id, bundle.sender_sha256)
        applied = sum(r.status == "applied" for r in report.results)
        audit.record(s, now, "bundle.import", actor, f"file={path.name} sha256={bundle.file_sha256} seq={bundle.header.sender_seq} ops={len(report.results)} applied={applied}")
        audit.record(s, now, "bundle.export", actor, f"file={answer_path.name} sha256={report.answer_sha256} rows={report.rows} blobs={report.blobs_out}")
    return report


def _open(db: Database, path: Path, exchange: Signer, now: float, rules: ExchangeRules) -> VerifiedBundle:
    with db.sessions() as s:
        trust = pki.trust_material(s)

        def last_seq(sender_sha256: str) -> int:
            row = s.get(BundleSenderModel, sender_sha256)
            return row.last_seq if row else 0

        when = dt.datetime.fromtimestamp(now, dt.timezone.utc)
        expect = Expectation("ops", keywrap.receiver_key_of(exchange), exchange.certificate, trust, last_seq, when, algorithms=rules.algorithms, ceiling=rules.ceiling)
        return open_bundle(path, expect)


def _sender(db: Database, bundle: VerifiedBundle) -> CurrentUser:
    """The person the sender's certificate is bound to, on the device the bundle's ops come from."""
    with closing(bundle.records()) as records:
        first = next(records, None)  # the client writes its pull request first: it names the device
    device_id = first.body.get("device_id", "") if first is not None and first.kind == "pull" else ""
    with db.sessions() as s:
        person_id = pki.person_for(s, parse_certificate(bundle.header.sender_certificate))
        person = s.get(PersonModel, person_id) if person_id else None
        if person is None:
            raise refused("bundle.sender_unknown")
        user = CurrentUser(person.id, person.login, person.name, person.unit_id, person.department_id, tuple(person.roles), str(device_id), clearance=person.clearance)
        if not sync.is_own_device(s, user, user.device_id):
            raise refused("bundle.device_not_yours")
    return user


def _apply(db: Database, blobs: BlobStore, bundle: VerifiedBundle, user: CurrentUser, report: ImportReport, progress: Progress | None) -> PullRequest | None:
    """Blobs first (the client writes them before the ops that name them), then each push, until
    an op waits for a file or the device must renumber: the ops after it wait their turn."""
    pull = None
    try:
        for record in bundle.records(progress):
            if record.kind == "blob":
                _store_blob(db, blobs, record, user)
                report.blobs_in += 1
            elif record.kind == "push" and not _stopped(report):
                report.results += sync.push(db.sessions, user, PushRequest.model_validate(record.body), HANDLERS, blobs.has)
            elif record.kind == "pull":
                pull = PullRequest.model_validate(record.body)
    except sync.SeqMismatch as exc:
        report.expected_seq = exc.expected
    except sync.NotYourDevice:
        raise refused("bundle.device_not_yours") from None
    except (ValidationError, sync.OpsNotConsecutive):  # signed, yet not what a client writes
        raise refused("bundle.malformed") from None
    return pull


def _stopped(report: ImportReport) -> bool:
    return report.expected_seq is not None or bool(report.results and report.results[-1].status == "missing_blobs")


def _store_blob(db: Database, blobs: BlobStore, record: Record, user: CurrentUser) -> None:
    sha, size = record.body["sha256"], record.body["size"]
    if not blobs.has(sha):
        have = blobs.status(sha).offset  # what an import that stopped mid-file left: continue after it
        offset = 0
        for piece in record.blob or ():
            if offset + len(piece) > have:
                chunk = piece[max(0, have - offset) :]
                blobs.append(sha, max(offset, have), size, chunk, hashlib.sha256(chunk).hexdigest())
            offset += len(piece)
        if size == 0:
            blobs.append(sha, 0, 0, b"", hashlib.sha256(b"").hexdigest())
    with db.sessions.begin() as s:
        access.record_uploader(s, sha, user.id)


def _write_answer(db: Database, blobs: BlobStore, path: Path, exchange: Signer, bundle: VerifiedBundle, user: CurrentUser, pull: PullRequest | None, report: ImportReport, seq: int, rules: ExchangeRules) -> str:
    named: dict[str, None] = {}
    with BundleWriter(path, "answer", exchange, bundle.header.sender_certificate, seq, algorithms=rules.algorithms) as w:
        w.add("results", {"results": [r.model_dump(mode="json") for r in report.results], "server_time": time.time()})
        if report.expected_seq is not None:
            w.add("renumber", {"expected_seq": report.expected_seq})
        if pull is not None:
            for page in _pull_pages(db, user, pull):
                w.add("pull", page.model_dump(mode="json"))
                report.rows += sum(len(c.rows) for c in page.scopes.values())
                named.update((sha, None) for c in page.scopes.values() for row in c.rows for sha in access.attachment_shas(row.data))
        for sha in named:
            if blobs.has(sha):
                w.add_blob(sha, blobs.final_path(sha))
                report.blobs_out += 1
        _add_current_material(db, w, rules.update)
        return w.close()


def _add_current_material(db: Database, w: BundleWriter, update: UpdatePackage | None) -> None:
    """The CRLs the isolated machine's offline login needs fresh, and the update package if any."""
    with db.sessions() as s:
        crls = pki.trust_material(s).crls
    for crl in crls:
        w.add("crl", {"der": base64.b64encode(crl.public_bytes(Encoding.DER)).decode()})
    if update is not None:
        sha = _file_sha256(update.path)
        w.add("update", {"name": update.path.name, "version": update.version, "sha256": sha, "size": update.path.stat().st_size})
        w.add_blob(sha, update.path)


def _pull_pages(db: Database, user: CurrentUser, pull: PullRequest):
    """Every page of the sender's scopes from its cursors, as an online pull would fetch them;
    the first page also carries the device's op results after `results_after`."""
    allowed = set(user.scopes)
    cursors = {scope: cursor for scope, cursor in pull.cursors.items() if scope in allowed}
    after = pull.results_after
    while cursors:
        with db.sessions() as s:
            request = PullRequest(device_id=user.device_id, cursors=cursors, limit=MAX_PULL_LIMIT)
            scopes = sync.pull(s, user, request)
            results = [] if after is None else sync.results_after(s, user, user.device_id, after)
        yield PullResponse(scopes=scopes, server_time=time.time(), results=results)
        after = None
        cursors = {scope: c.next_cursor for scope, c in scopes.items() if c.has_more}


def _audit_refusal(db: Database, path: Path, exc: BundleRefused, now: float) -> None:
    with db.sessions.begin() as s:
        audit.record(s, now, "bundle.refused", audit.Actor(AUDIT_ADDRESS), f"file={path.name} sha256={_file_sha256(path)} code={exc.code}")


def _file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        while block := f.read(1024 * 1024):
            digest.update(block)
    return digest.hexdigest()

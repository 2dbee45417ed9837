"""Push: apply each op once, in the device's order, each in its own transaction. Pull: read scopes."""

import json
import re
import time
from collections.abc import Callable, Mapping
from contextlib import nullcontext
from itertools import pairwise
from typing import Any, NamedTuple

from pydantic import ValidationError
from sqlalchemy import insert, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from app.domain.errors import RuleViolation
from sync.protocol import Op, OpResult, PullRequest, PushRequest, ScopeChanges
from sync.protocol.messages import MAX_OP_ARGS_BYTES, MAX_RESULTS_PER_PULL, SHA256_PATTERN
from sync.server.auth.models import DeviceModel
from sync.server.auth.service import CurrentUser
from sync.server.changelog import service as changelog
from sync.server.sync.models import AppliedOpModel

CONCURRENT_WRITE_RETRIES = 3
OPS_PER_TRANSACTION = 100
OpHandler = Callable[[Session, CurrentUser, dict[str, Any]], dict[str, Any]]
BlobExists = Callable[[str], bool]
SHA256 = re.compile(SHA256_PATTERN)


class NotYourDevice(Exception):
    """The device is unknown or registered to someone else."""


class SeqMismatch(Exception):
    """The op's client_seq does not follow the device's last applied one."""

    def __init__(self, code: str, expected: int) -> None:
        super().__init__(code)
        self.code, self.expected = code, expected


class OpsNotConsecutive(Exception):
    """The ops of one request must carry consecutive client_seq numbers."""


class StoredOp(NamedTuple):
    """The answer recorded for an op, and whose op it was."""

    person_id: str
    status: str
    code: str
    message: str
    result: dict[str, Any]


class _Refused(Exception):
    """An op was refused in a group run without savepoints."""


class ScopeForbidden(Exception):
    def __init__(self, scope: str) -> None:
        super().__init__(scope)
        self.scope = scope


def push(sessions: sessionmaker[Session], user: CurrentUser, req: PushRequest, handlers: Mapping[str, OpHandler], blob_exists: BlobExists) -> list[OpResult]:
    """Apply the ops in order. Each op commits with its record and the device's sequence, so a
    crash leaves every op either wholly applied (and answered the same on retry) or not at all.
    A gap before the first op refuses the request before anything is applied. An op naming
    blobs the server lacks stops the batch there: the ops after it wait their turn."""
    if any(b.client_seq != a.client_seq + 1 for a, b in pairwise(req.ops)):
        raise OpsNotConsecutive()
    answers: list[OpResult] = []
    for first in range(0, len(req.ops), OPS_PER_TRANSACTION):
        group = req.ops[first : first + OPS_PER_TRANSACTION]
        answers += _apply_group(sessions, user, req.device_id, group, handlers, blob_exists)
        if answers[-1].status == "missing_blobs":
            break
    return answers


def _apply_group(sessions: sessionmaker[Session], user: CurrentUser, device_id: str, ops: list[Op], handlers: Mapping[str, OpHandler], blob_exists: BlobExists) -> list[OpResult]:
    """Apply consecutive ops in one transaction: each op's effects, its record and the device's
    sequence still commit together (all of the group or none), and one commit instead of one per
    op is most of the push cost. The group's change-log rows are written last (see
    changelog.collected), so concurrent pushes wait for each other only for that step.
    A refused op must leave nothing behind, so careful runs put each op in a savepoint. Those
    cost two round trips per op and refusals are rare: a group first runs without them, and
    when an op is refused the transaction is thrown away and the group runs again, carefully.
    Another device of the same user may write the same row at the same instant (both read one
    notice); the loser's insert fails at commit, and a second run sees the winner's row and
    answers from it."""
    careful, conflicts = False, 0
    while True:
        try:
            with sessions.begin() as s, changelog.collected(s):
                return _apply_ops(s, user, device_id, ops, handlers, blob_exists, careful)
        except _Refused:
            careful = True
        except IntegrityError:
            conflicts += 1
            if conflicts == CONCURRENT_WRITE_RETRIES:
                raise


def _apply_ops(session: Session, user: CurrentUser, device_id: str, ops: list[Op], handlers: Mapping[str, OpHandler], blob_exists: BlobExists, careful: bool) -> list[OpResult]:
    # The row lock makes a second push from the same device wait until this group is committed.
    device = _own_device(session, user, device_id, lock=True)
    known = _stored(session, [op.op_id for op in ops])
    expected = device.last_client_seq + 1
    answers: list[OpResult] = []
    records: list[dict[str, Any]] = []
    for op in ops:
        if op.client_seq > expected:
            raise SeqMismatch("sync.seq_gap", expected)
        stored = known.get(op.op_id)
        if stored is not None:  # a retry, possibly renumbered or from a restored cache
            if op.client_seq == expected:
                expected += 1
            answers.append(_stored_answer(stored, op, user))
            continue
        if op.client_seq < expected:  # that number went to another op: the client must renumber
            raise SeqMismatch("sync.seq_reused", expected)
        missing = [sha for sha in _named_blobs(op.args) if not blob_exists(sha)]
        if missing:  # neither applied nor recorded: the same op comes again once the files are up
            message = f"请先上传操作引用的 {len(missing)} 个文件，再提交本操作。"
            answers.append(OpResult(op_id=op.op_id, client_seq=op.client_seq, status="missing_blobs", code="sync.blob_missing", message=message, result={"missing": missing}))
            break
        status, code, message, result = _run(session, user, op, handlers, careful)
        known[op.op_id] = StoredOp(user.id, status, code, message, result)
        records.append({"device_id": device_id, "client_seq": op.client_seq, "op_id": op.op_id, "person_id": user.id, "name": op.name, "status": status, "code": code, "message": message, "result": result, "applied_at": time.time()})
        expected += 1
        answers.append(OpResult(op_id=op.op_id, client_seq=op.client_seq, status=status, code=code, message=message, result=result))
    if records:
        session.connection().execute(insert(AppliedOpModel.__table__), records)
    device.last_client_seq = expected - 1
    return answers


def pull(session: Session, user: CurrentUser, req: PullRequest) -> dict[str, ScopeChanges]:
    """Up to `req.limit` rows for each requested scope the user holds (the limit applies per
    scope); one of their own they no longer hold is left out (the answer's `held` tells why)."""
    _own_device(session, user, req.device_id)
    allowed, own = set(user.scopes), set(user.scopes_at_any_clearance)
    for scope in req.cursors:
        if scope not in allowed and scope not in own:
            raise ScopeForbidden(scope)
    return {scope: scope_changes(session, scope, cursor, req.limit) for scope, cursor in req.cursors.items() if scope in allowed}


def scope_changes(session: Session, scope: str, cursor: int, limit: int) -> ScopeChanges:
    """One page of a scope. The stats are read before the rows: if a write commits in between,
    the rows reach past stats.last_seq and no checksum is sent (it would describe another state);
    on PostgreSQL each statement has its own snapshot, so this order is what keeps them honest."""
    current = changelog.stats(session, scope)
    reset = 0 < cursor < current.horizon_seq  # deletions this client never saw are gone
    start = 0 if reset else cursor
    rows, has_more = changelog.read(session, scope, start, limit)
    next_cursor = rows[-1].seq if rows else start
    if not has_more and next_cursor < current.last_seq:
        # Every change up to last_seq had committed before the rows were read (commit order is
        # seq order); the missing numbers are purged tombstones, so the client is at last_seq.
        next_cursor = current.last_seq
    settled = not has_more and next_cursor == current.last_seq
    checksum = f"{current.live_count}:{current.xor_hash}" if settled else None
    return ScopeChanges(rows=rows, next_cursor=next_cursor, has_more=has_more, reset=reset, checksum=checksum)


def results_after(session: Session, user: CurrentUser, device_id: str, after: int) -> list[OpResult]:
    """This device's op answers above `after`, so a push whose reply was lost is settled by a pull."""
    stored = session.scalars(
        select(AppliedOpModel)
        .where(AppliedOpModel.device_id == device_id, AppliedOpModel.person_id == user.id, AppliedOpModel.client_seq > after)
        .order_by(AppliedOpModel.client_seq)
        .limit(MAX_RESULTS_PER_PULL)
    )
    return [_stored_answer(s, Op(op_id=s.op_id, client_seq=s.client_seq, name=s.name, args={}), user) for s in stored]


def is_own_device(session: Session, user: CurrentUser, device_id: str) -> bool:
    """Is the device registered to this user (a bundle's ops come without a login)?"""
    device = session.get(DeviceModel, device_id)
    return device is not None and device.person_id == user.id


def _own_device(session: Session, user: CurrentUser, device_id: str, lock: bool = False) -> DeviceModel:
    device = session.get(DeviceModel, device_id, with_for_update=lock)
    if device is None or device.person_id != user.id:
        raise NotYourDevice()
    return device


def _stored(session: Session, op_ids: list[str]) -> dict[str, StoredOp]:
    """The stored answers of those of `op_ids` applied before, by op_id."""
    found = session.execute(
        select(AppliedOpModel.op_id, AppliedOpModel.person_id, AppliedOpModel.status, AppliedOpModel.code, AppliedOpModel.message, AppliedOpModel.result).where(AppliedOpModel.op_id.in_(op_ids))
    )
    return {op_id: StoredOp(*rest) for op_id, *rest in found}


def _run(session: Session, user: CurrentUser, op: Op, handlers: Mapping[str, OpHandler], careful: bool) -> tuple[str, str, str, dict[str, Any]]:
    """Run the op's handler. Carefully, a refusal undoes whatever the handler wrote (its
    savepoint) and is recorded instead; otherwise it raises _Refused (see _apply_group)."""
    handler = handlers.get(op.name)
    if _args_bytes(op) > MAX_OP_ARGS_BYTES:
        return "rejected", "sync.op_too_large", f"操作内容过大（上限 {MAX_OP_ARGS_BYTES // 1024} KB），本操作未执行；大文件请作为附件上传。", {}
    if handler is None:
        return "rejected", "sync.unknown_op", f"服务器不支持操作“{op.name}”，请确认客户端与服务器版本一致。", {}
    try:
        with changelog.Savepoint(session) if careful else nullcontext():
            return "applied", "", "", handler(session, user, op.args)
    except (RuleViolation, ValidationError) as exc:
        if not careful:
            raise _Refused() from None
        if isinstance(exc, ValidationError):
            return "rejected", "sync.bad_args", f"操作“{op.name}”的参数不正确：{_first_problem(exc)}", {}
        return "rejected", exc.code, exc.message, {}


def _named_blobs(args: dict[str, Any]) -> list[str]:
    """SHA-256 names in args["attachments"] (the one convention every op uses for files);
    malformed entries are left for the handler's argument check to refuse."""
    found = args.get("attachments")
    if not isinstance(found, list):
        return []
    shas = (a.get("sha256") for a in found if isinstance(a, dict))
    return list(dict.fromkeys(s for s in shas if isinstance(s, str) and SHA256.match(s)))


def _args_bytes(op: Op) -> int:
    return len(json.dumps(op.args, ensure_ascii=False).encode())


def _stored_answer(stored: StoredOp | AppliedOpModel, op: Op, user: CurrentUser) -> OpResult:
    if stored.person_id != user.id:
        return OpResult(op_id=op.op_id, client_seq=op.client_seq, status="rejected", code="sync.op_id_taken", message="操作编号与已有操作重复，本操作未执行。")
    return OpResult(op_id=op.op_id, client_seq=op.client_seq, status=stored.status, code=stored.code, message=stored.message, result=stored.result)


def _first_problem(exc: ValidationError) -> str:
    error = exc.errors()[0]
    return f"{'.'.join(str(p) for p in error['loc']) or '参数'}：{error['msg']}"

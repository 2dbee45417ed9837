"""Pydantic schemas of protocol v1: push of ops, pull of scoped rows, blobs (login: auth.py).

Limits live here so that the client builds batches the server accepts and the server refuses
anything larger with a 4xx naming the limit.
"""

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

PROTOCOL_VERSION = "v1"
MAX_OPS_PER_PUSH = 200
MAX_PUSH_BYTES = 4 * 1024 * 1024
MAX_OP_ARGS_BYTES = 1024 * 1024  # one op's args as UTF-8 JSON; files travel as blobs, not in args
MAX_PULL_LIMIT = 2000
MAX_RESULTS_PER_PULL = 1000
ID_PATTERN = r"^[A-Za-z0-9._:-]{1,64}$"
OP_NAME_PATTERN = r"^[a-z_]+\.[a-z_]+$"


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Op(Strict):
    """One user action queued in a client's outbox (发件箱)."""

    op_id: str = Field(pattern=ID_PATTERN)
    client_seq: int = Field(ge=1)
    name: str = Field(pattern=OP_NAME_PATTERN, max_length=64)
    args: dict[str, Any]
    base_version: int = Field(default=0, ge=0)


class PushRequest(Strict):
    device_id: str = Field(pattern=ID_PATTERN)
    ops: list[Op] = Field(min_length=1, max_length=MAX_OPS_PER_PUSH)


SHA256_PATTERN = r"^[0-9a-f]{64}$"
MAX_BLOB_BYTES = 2 * 1024**3
BLOB_CHUNK_BYTES = 2 * 1024 * 1024  # fits the request body limit with room to spare
MAX_ATTACHMENTS = 50


class BlobStatus(Strict):
    """What the server holds of one blob: all of it, the first `offset` bytes of an upload, or nothing."""

    sha256: str
    state: Literal["complete", "partial", "missing"]
    offset: int = 0
    size: int = 0
    server_time: float


class Attachment(Strict):
    """A file an op refers to (正文 or 附件): by content hash, uploaded as a blob before the op."""

    name: str = Field(min_length=1, max_length=255)
    sha256: str = Field(pattern=SHA256_PATTERN)
    size: int = Field(ge=0, le=MAX_BLOB_BYTES)


class OpResult(Strict):
    """`missing_blobs`: not applied and not recorded; result["missing"] names the blobs to upload
    first, then the op is pushed again under the same number."""

    op_id: str
    client_seq: int
    status: Literal["applied", "rejected", "missing_blobs"]
    code: str = ""
    message: str = ""
    result: dict[str, Any] = Field(default_factory=dict)


class PushResponse(Strict):
    results: list[OpResult]
    server_time: float


class PullRequest(Strict):
    device_id: str = Field(pattern=ID_PATTERN)
    cursors: dict[str, int] = Field(description="scope -> last seen server sequence (0 for none)")
    limit: int = Field(default=500, ge=1, le=MAX_PULL_LIMIT)
    results_after: int | None = Field(
        default=None, ge=0, description="also answer this device's op results with client_seq above this (settles a push whose reply was lost)"
    )


class Row(Strict):
    """The latest state of one entity in a scope; `deleted` rows are tombstones."""

    entity: str
    id: str
    version: int
    seq: int
    deleted: bool = False
    data: dict[str, Any] = Field(default_factory=dict)


class ScopeChanges(Strict):
    rows: list[Row]
    next_cursor: int
    has_more: bool
    reset: bool = Field(default=False, description="the cursor was older than the retention horizon: forget the scope, these rows start it from 0")
    checksum: str | None = Field(default=None, description="sync.protocol.checksum of the scope at next_cursor; only when has_more is false and nothing newer was written")


class PullResponse(Strict):
    scopes: dict[str, ScopeChanges]
    server_time: float
    results: list[OpResult] = Field(default_factory=list)
    held: list[str] | None = Field(
        default=None, description="the scopes the user holds now: forget a requested one not among them (e.g. a lowered 密级 clearance), pull a new one from 0"
    )

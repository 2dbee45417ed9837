"""/sync/v1/blobs: status, chunked resumable upload, ranged download. Logged-in users only;
reading needs a right to the blob (sync.server.blobs.access)."""

import time
from typing import Annotated

from fastapi import APIRouter, Depends, Header, Path, Query, Request, Response

from sync.protocol.messages import BLOB_CHUNK_BYTES, MAX_BLOB_BYTES, SHA256_PATTERN, BlobStatus
from sync.server.auth.router import User
from sync.server.blobs import access as blob_access
from sync.server.database import Database
from sync.server.dependencies import get_db
from sync.server.blobs.store import BlobStore, ChunkRefused, Held
from sync.server.errors import refusal

router = APIRouter(prefix="/sync/v1/blobs", tags=["blobs"])
Sha = Annotated[str, Path(pattern=SHA256_PATTERN)]
Db = Annotated[Database, Depends(get_db)]


def get_blobs(request: Request) -> BlobStore:
    return request.app.state.blobs


Blobs = Annotated[BlobStore, Depends(get_blobs)]


@router.get("/{sha}", response_model=BlobStatus)
def status(sha: Sha, _user: User, blobs: Blobs) -> BlobStatus:
    return _answer(sha, blobs.status(sha))


@router.put("/{sha}", response_model=BlobStatus)
async def upload_chunk(
    sha: Sha,
    request: Request,
    user: User,
    blobs: Blobs,
    db: Db,
    offset: Annotated[int, Query(ge=0)],
    total: Annotated[int, Query(ge=1, le=MAX_BLOB_BYTES)],
    chunk_sha256: Annotated[str, Header(pattern=SHA256_PATTERN)],
) -> BlobStatus:
    chunk = await request.body()
    if not chunk or len(chunk) > BLOB_CHUNK_BYTES:
        raise refusal(422, "blob.chunk_size", f"数据块大小须在 1 至 {BLOB_CHUNK_BYTES} 字节之间。")
    with db.sessions.begin() as s:
        blob_access.record_uploader(s, sha, user.id)
    try:
        held = blobs.append(sha, offset, total, chunk, chunk_sha256)
    except ChunkRefused as exc:
        code = 409 if exc.code == "blob.wrong_offset" else 422
        raise refusal(code, exc.code, exc.message, expected_offset=exc.expected_offset) from None
    return _answer(sha, held)


@router.get("/{sha}/content")
def download(sha: Sha, user: User, blobs: Blobs, db: Db, offset: Annotated[int, Query(ge=0)] = 0, length: Annotated[int, Query(ge=1, le=BLOB_CHUNK_BYTES)] = BLOB_CHUNK_BYTES) -> Response:
    with db.sessions() as s:
        allowed = blob_access.may_read(s, sha, user.id, user.scopes)
    if not allowed or not blobs.has(sha):  # one answer for both: a hash alone reveals nothing
        raise refusal(404, "blob.missing", "服务器上没有该文件，或您无权读取。")
    return Response(blobs.read(sha, offset, length), media_type="application/octet-stream")


def _answer(sha: str, held: Held) -> BlobStatus:
    return BlobStatus(sha256=sha, state=held.state, offset=held.offset, size=held.size, server_time=time.time())

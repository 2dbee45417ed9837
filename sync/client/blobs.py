"""Resumable chunked blob transfer over the transport, with progress callbacks (done, total bytes).

Upload asks the server how much it already holds and continues from there; a chunk the server
refuses because it was damaged on the way is sent again (a few times). Download appends to an
(encrypted) partial file and continues from what it holds; the whole file is verified before it
is moved into the local store, so a half or damaged download never looks complete.
"""

from collections.abc import Callable

from app.store.blobs import LocalBlobs
from sync.client.transport import ServerRefused, Transport
from sync.protocol.messages import BLOB_CHUNK_BYTES

BytesProgress = Callable[[int, int], None]  # (bytes done, bytes total)
CHUNK_RETRIES = 3


class BlobCorrupt(Exception):
    """The downloaded bytes do not hash to the blob's name; the partial file was discarded."""


class BlobTransfer:
    def __init__(self, transport: Transport, local: LocalBlobs, chunk_bytes: int = BLOB_CHUNK_BYTES) -> None:
        self._transport, self._local, self._chunk = transport, local, chunk_bytes

    def has_local(self, sha: str) -> bool:
        return self._local.has(sha)

    def upload(self, sha: str, progress: BytesProgress | None = None) -> None:
        """Make the server hold the local blob `sha`, resuming a partial upload."""
        total = self._local.size(sha)
        status = self._transport.blob_status(sha)
        offset = status.offset if status.state == "partial" else 0
        while status.state != "complete":
            chunk = self._local.read_at(sha, offset, self._chunk)
            status = self._put(sha, offset, total, chunk)
            offset = status.offset
            if progress:
                progress(total if status.state == "complete" else offset, total)

    def download(self, sha: str, size: int, progress: BytesProgress | None = None) -> None:
        """Fetch blob `sha` into the local store (resuming) and verify it."""
        if self._local.has(sha):
            return
        with self._local.partial(sha) as partial:
            while partial.offset < size:
                data = self._transport.blob_get(sha, partial.offset, self._chunk)
                if not data:
                    break
                partial.append(data)
                if progress:
                    progress(partial.offset, size)
            if not partial.finish():
                raise BlobCorrupt(sha)

    def _put(self, sha: str, offset: int, total: int, chunk: bytes):
        for attempt in range(CHUNK_RETRIES):
            try:
                return self._transport.blob_put(sha, offset, total, chunk)
            except ServerRefused as exc:
                if exc.code == "blob.wrong_offset" and isinstance(exc.detail, dict):
                    return self._transport.blob_status(sha)  # someone (a previous try) got further
                if exc.code != "blob.chunk_corrupt" or attempt == CHUNK_RETRIES - 1:
                    raise
        raise AssertionError("unreachable")

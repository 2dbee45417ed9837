"""Blob storage on disk: <dir>/<aa>/<sha256> when complete, <dir>/partial/<sha256> while uploading.

A chunk is appended only at the partial file's current end and only if its own hash matches, so
a resumed upload continues at the offset the server reports and a corrupted chunk never lands.
The last chunk triggers verification of the whole file; only then is it renamed into place
(atomic on one file system), so a complete-looking blob is always the content its name promises.
"""

import hashlib
import os
import threading
from dataclasses import dataclass
from pathlib import Path

READ_BLOCK = 1024 * 1024
EMPTY_SHA256 = hashlib.sha256(b"").hexdigest()


class ChunkRefused(Exception):
    def __init__(self, code: str, message: str, expected_offset: int | None = None) -> None:
        super().__init__(message)
        self.code, self.message, self.expected_offset = code, message, expected_offset


@dataclass(frozen=True)
class Held:
    state: str  # complete, partial, missing
    offset: int
    size: int


class BlobStore:
    def __init__(self, folder: Path) -> None:
        self.folder = folder
        (folder / "partial").mkdir(parents=True, exist_ok=True)
        # A zero-byte file cannot be sent in chunks of at least one byte: it is always held.
        empty = self.final_path(EMPTY_SHA256)
        empty.parent.mkdir(exist_ok=True)
        empty.touch()
        self._lock = threading.Lock()  # one writer per server process appends at a time

    def final_path(self, sha: str) -> Path:
        return self.folder / sha[:2] / sha

    def has(self, sha: str) -> bool:
        return self.final_path(sha).is_file()

    def status(self, sha: str) -> Held:
        final = self.final_path(sha)
        if final.is_file():
            size = final.stat().st_size
            return Held("complete", size, size)
        partial = self._partial(sha)
        if partial.is_file():
            return Held("partial", partial.stat().st_size, 0)
        return Held("missing", 0, 0)

    def append(self, sha: str, offset: int, total: int, chunk: bytes, chunk_sha: str) -> Held:
        if hashlib.sha256(chunk).hexdigest() != chunk_sha:
            raise ChunkRefused("blob.chunk_corrupt", "数据块校验失败（传输中损坏），已拒收，请重新发送该块。")
        if offset + len(chunk) > total:
            raise ChunkRefused("blob.too_long", "数据块超出了声明的文件大小。")
        with self._lock:
            if self.has(sha):
                return self.status(sha)
            partial = self._partial(sha)
            have = partial.stat().st_size if partial.exists() else 0
            if offset != have:
                raise ChunkRefused("blob.wrong_offset", f"服务器已收到 {have} 字节，请从该位置继续。", expected_offset=have)
            with partial.open("ab") as f:
                f.write(chunk)
                f.flush()
                os.fsync(f.fileno())
            if offset + len(chunk) == total:
                self._finalize(sha, partial)
        return self.status(sha)

    def read(self, sha: str, offset: int, length: int) -> bytes:
        with self.final_path(sha).open("rb") as f:
            f.seek(offset)
            return f.read(length)

    def _finalize(self, sha: str, partial: Path) -> None:
        digest = hashlib.sha256()
        with partial.open("rb") as f:
            while block := f.read(READ_BLOCK):
                digest.update(block)
        if digest.hexdigest() != sha:
            partial.unlink()
            raise ChunkRefused("blob.hash_mismatch", "文件内容与其校验值不符，已丢弃，请重新上传。", expected_offset=0)
        final = self.final_path(sha)
        final.parent.mkdir(exist_ok=True)
        os.replace(partial, final)

    def _partial(self, sha: str) -> Path:
        return self.folder / "partial" / sha

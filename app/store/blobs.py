"""The client's own copy of files (正文, attachments, shared files), encrypted at rest under a key
derived from the cache's data key (app/store/blob_crypto.py for the file format).

Callers name a blob by its plaintext SHA-256, as the server does. On disk it is
<folder>/<aa>/<name>, where name is an HMAC of the sha under the store's key: the folder does not
tell which known file this computer holds. A file is added once and never changed. Whoever hands a
file to the user or another program takes a decrypted copy (`export`, app/store/opened_copies.py).
"""

import hashlib
import hmac
import os
import time
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from app.store.blob_crypto import FRAME, HEADER_BYTES, STORED_FRAME, BlobDamaged, FrameReader, FrameWriter, derive, new_header, plain_size

__all__ = ["BLOCK", "BlobDamaged", "LocalBlobs", "PartialBlob", "sha256_file"]

BLOCK = 1024 * 1024


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        while block := f.read(BLOCK):
            digest.update(block)
    return digest.hexdigest()


class LocalBlobs:
    """`key` is the cache's blob key (Cache.blob_key); another key sees an empty store."""

    def __init__(self, folder: Path, key: bytes) -> None:
        self.folder = folder
        self._names = derive(key, "names")
        self._frames = derive(key, "frames")
        folder.mkdir(parents=True, exist_ok=True)

    def name(self, sha: str) -> str:
        return hmac.new(self._names, sha.encode(), hashlib.sha256).hexdigest()

    def file(self, sha: str) -> Path:
        """The encrypted file of blob `sha` (for transfer bookkeeping and tests, never to open)."""
        name = self.name(sha)
        return self.folder / name[:2] / name

    def has(self, sha: str) -> bool:
        return self.file(sha).is_file()

    def size(self, sha: str) -> int:
        return plain_size(self.file(sha).stat().st_size)

    def add(self, source: Path) -> str:
        """Encrypt a file in (a temp name, then an atomic rename) and return its SHA-256."""
        digest = hashlib.sha256()

        def pieces() -> Iterator[bytes]:
            with source.open("rb") as f:
                while block := f.read(BLOCK):
                    digest.update(block)
                    yield block

        return self._store(pieces(), digest.hexdigest)

    def write(self, sha: str, pieces: Iterable[bytes]) -> None:
        """Store a file arriving in pieces (from a 交换包) whose hash the caller has checked."""
        if self.has(sha):
            for _ in pieces:
                pass
            self._touch(sha)
            return
        self._store(pieces, lambda: sha)

    def read(self, sha: str, offset: int = 0) -> Iterator[bytes]:
        """The plaintext from `offset` on, a frame at a time. Raises FileNotFoundError for a blob
        not here and BlobDamaged (at the frame concerned) for one that does not decrypt."""
        with self.file(sha).open("rb") as f:
            reader = FrameReader(f, self._frames, sha, os.fstat(f.fileno()).st_size)
            skip = offset % FRAME
            for plain in reader.frames(offset // FRAME):
                yield plain[skip:] if skip else plain
                skip = 0

    def read_at(self, sha: str, offset: int, size: int) -> bytes:
        out = bytearray()
        for plain in self.read(sha, offset):
            out += plain
            if len(out) >= size:
                break
        return bytes(out[:size])

    def export(self, sha: str, target: Path) -> None:
        """Write the plaintext to `target` (the user's chosen path or a private temp folder), under a
        temporary name first: a damaged blob leaves no file that looks whole."""
        tmp = target.with_name(f"{target.name}.partial")
        try:
            with tmp.open("wb") as f:
                for plain in self.read(sha):
                    f.write(plain)
            os.replace(tmp, target)
        finally:
            tmp.unlink(missing_ok=True)

    def partial(self, sha: str) -> "PartialBlob":
        """A download of `sha` in progress, resumed from what an earlier attempt kept."""
        return PartialBlob(self, sha, self._partial_file(sha))

    def drop_partial(self, sha: str) -> None:
        path = self._partial_file(sha)
        path.unlink(missing_ok=True)
        _tail(path).unlink(missing_ok=True)

    def remove(self, sha: str) -> None:
        self.file(sha).unlink(missing_ok=True)

    def remove_unlisted(self, keep: Iterable[str], older_than: float) -> int:
        """Delete blobs (and partial downloads) whose sha is not in `keep`, last written before
        `older_than` (a blob added a moment ago may not be named by its op yet). Returns how many."""
        kept = {self.name(sha) for sha in keep}
        removed = 0
        for path in [*self.folder.glob("*/*"), *self.folder.glob("adding-*")]:
            if path.name.partition(".")[0] not in kept and path.is_file() and path.stat().st_mtime < older_than:
                path.unlink()
                removed += 1
        return removed

    def _store(self, pieces: Iterable[bytes], sha_of: Callable[[], str]) -> str:
        """Encrypt `pieces` under a temporary name, then rename it to the sha known at the end."""
        tmp = self.folder / f"adding-{os.getpid()}-{time.monotonic_ns()}"
        try:
            with tmp.open("wb") as f:
                writer = FrameWriter(f, self._frames, header := new_header())
                f.write(header)
                for piece in pieces:
                    writer.write(piece)
                writer.finish(sha := sha_of())
                _sync(f)
            self._place(tmp, sha)
        finally:
            tmp.unlink(missing_ok=True)
        return sha

    def _partial_file(self, sha: str) -> Path:
        return self.folder / "partial" / self.name(sha)

    def _place(self, tmp: Path, sha: str) -> None:
        target = self.file(sha)
        target.parent.mkdir(exist_ok=True)
        if target.exists():
            self._touch(sha)
        else:
            os.replace(tmp, target)

    def _touch(self, sha: str) -> None:
        # Wanted again: a garbage collection running now must not take it as long unused.
        os.utime(self.file(sha))


class PartialBlob:
    """What was downloaded stays on disk, encrypted like a blob (whole frames, and the last
    incomplete one sealed in `<name>.tail`); on resume it is checked and hashed again, and a torn
    or damaged end is dropped and fetched again."""

    def __init__(self, blobs: LocalBlobs, sha: str, path: Path) -> None:
        self._blobs, self._sha, self.path = blobs, sha, path
        self._digest = hashlib.sha256()
        path.parent.mkdir(parents=True, exist_ok=True)
        self._f = self._resume() if path.exists() else self._fresh()

    def __enter__(self) -> "PartialBlob":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def offset(self) -> int:
        """Plaintext bytes held: the download continues from here."""
        return self._bytes

    def append(self, data: bytes) -> None:
        self._digest.update(data)
        self._writer.write(data)
        self._bytes += len(data)

    def finish(self) -> bool:
        """Store the blob when the bytes hash to its sha; otherwise drop them and return False."""
        if self._digest.hexdigest() != self._sha:
            self._f.close()
            self._blobs.drop_partial(self._sha)
            return False
        self._writer.finish(self._sha)
        _sync(self._f)
        self._f.close()
        self._blobs._place(self.path, self._sha)
        self._blobs.drop_partial(self._sha)
        return True

    def close(self) -> None:
        """Keep what arrived for the next attempt."""
        if self._f.closed:
            return
        self._writer.flush()
        self._f.close()
        tail, tmp = _tail(self.path), self.path.with_name(self.path.name + ".tail-new")
        tmp.write_bytes(self._writer.seal_held())
        os.replace(tmp, tail)

    def _fresh(self) -> BinaryIO:
        _tail(self.path).unlink(missing_ok=True)
        f = self.path.open("wb")
        header = new_header()
        f.write(header)
        self._writer, self._bytes = FrameWriter(f, self._blobs._frames, header), 0
        return f

    def _resume(self) -> BinaryIO:
        f = self.path.open("r+b")
        stored = os.fstat(f.fileno()).st_size
        try:
            reader = FrameReader(f, self._blobs._frames, self._sha, stored)
        except BlobDamaged:
            f.close()
            return self._fresh()
        whole = 0
        for index in range(max(0, stored - HEADER_BYTES) // STORED_FRAME):
            try:
                plain = reader.frame(index, final=False)
            except BlobDamaged:
                break
            self._digest.update(plain)
            whole += 1
        f.truncate(HEADER_BYTES + whole * STORED_FRAME)
        f.seek(0, os.SEEK_END)
        self._writer, self._bytes = FrameWriter(f, self._blobs._frames, reader.header, whole), whole * FRAME
        tail = _tail(self.path)
        held = self._writer.open_held(tail.read_bytes()) if tail.exists() else None
        if held:
            self.append(held)
        return f


def _tail(partial: Path) -> Path:
    return partial.with_name(partial.name + ".tail")


def _sync(f: BinaryIO) -> None:
    f.flush()
    os.fsync(f.fileno())

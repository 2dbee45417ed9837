"""Write an exchange bundle as it is produced: records and blobs go through a 1 MB buffer,
are encrypted frame by frame and hashed for the signature, so memory stays flat at any size.
The file is written under a temporary name and renamed at the end: a stick pulled out mid-way
leaves no file that looks whole."""

import hashlib
import json
import os
import secrets
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from types import TracebackType
from typing import Any

from app.identity.signer import Signer
from sync.bundle import ciphers, keywrap, policy
from sync.bundle.format import CHUNK_BYTES, FRAME, MAGIC, U32, Header, certificate_sha256, nonce, signed_message

Progress = Callable[[int, int], None]  # (records written, bytes written so far)
BLOCK = 1024 * 1024


class BundleWriter:
    def __init__(self, path: Path, kind: str, signer: Signer, receiver_certificate: bytes, sender_seq: int, progress: Progress | None = None, algorithms: str = policy.STANDARD) -> None:
        cipher = policy.cipher_for(algorithms, signer.certificate, receiver_certificate)
        content_key = ciphers.new_key(cipher)
        wrapped = keywrap.wrap(content_key, receiver_certificate)
        self.header = Header(kind, signer.certificate, certificate_sha256(receiver_certificate), sender_seq, time.time(), wrapped, secrets.token_bytes(8), cipher)
        self.path, self._signer, self._progress = path, signer, progress
        self._partial = path.with_name(path.name + ".partial")
        self._file = self._partial.open("wb")
        self._file_hash = hashlib.sha256()
        self._header_bytes = self.header.encode()
        self._aead, self._aad = ciphers.aead(cipher, content_key), hashlib.sha256(self._header_bytes).digest()
        self._frames_hash = hashlib.sha256()
        self._buffer = bytearray()
        self._index = self.records = self.bytes = 0
        self._emit(MAGIC + U32.pack(len(self._header_bytes)) + self._header_bytes)

    def add(self, kind: str, body: dict[str, Any]) -> None:
        """One JSON record: a PushRequest, PullRequest, PushResponse or PullResponse as a dict."""
        data = json.dumps({"kind": kind, "body": body}, ensure_ascii=False).encode()
        self._write_plain(U32.pack(len(data)) + data)
        self._record_done()

    def add_blob(self, sha256: str, path: Path) -> None:
        """A file by its content hash, streamed from disk."""
        with path.open("rb") as f:
            self.add_blob_pieces(sha256, path.stat().st_size, iter(lambda: f.read(BLOCK), b""))

    def add_blob_pieces(self, sha256: str, size: int, pieces: Iterable[bytes]) -> None:
        """A file by its content hash, streamed in pieces (a local blob as it is decrypted)."""
        self.add_blob_header(sha256, size)
        for piece in pieces:
            self._write_plain(piece)

    def add_blob_header(self, sha256: str, size: int) -> None:
        data = json.dumps({"kind": "blob", "body": {"sha256": sha256, "size": size}}).encode()
        self._write_plain(U32.pack(len(data)) + data)
        self._record_done()

    def close(self) -> str:
        """Seal the last frame, sign, rename into place; returns the file's SHA-256."""
        self._seal(bytes(self._buffer), final=True)
        message = signed_message(self._header_bytes, self._frames_hash.digest())
        signature = self._signer.sign(message)
        self._emit(U32.pack(len(signature)) + signature)
        self._file.flush()
        os.fsync(self._file.fileno())
        self._file.close()
        os.replace(self._partial, self.path)
        return self._file_hash.hexdigest()

    def __enter__(self) -> "BundleWriter":
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        if kind is not None:
            self._file.close()
            self._partial.unlink(missing_ok=True)

    def _write_plain(self, data: bytes) -> None:
        self._buffer += data
        while len(self._buffer) > CHUNK_BYTES:  # strictly more: the final frame is never empty unless the bundle is
            chunk = bytes(self._buffer[:CHUNK_BYTES])
            del self._buffer[:CHUNK_BYTES]
            self._seal(chunk, final=False)

    def _seal(self, chunk: bytes, final: bool) -> None:
        sealed = self._aead.encrypt(nonce(self.header.nonce_prefix, self._index, final), chunk, self._aad)
        frame = FRAME.pack(1 if final else 0, len(sealed)) + sealed
        self._frames_hash.update(frame)
        self._emit(frame)
        self._index += 1

    def _emit(self, data: bytes) -> None:
        self._file.write(data)
        self._file_hash.update(data)
        self.bytes += len(data)
        if self._progress:
            self._progress(self.records, self.bytes)

    def _record_done(self) -> None:
        self.records += 1

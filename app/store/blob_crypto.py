"""How a local blob file is encrypted: AES-256-GCM in 1 MiB frames, so a 2 GB file is written
and read in constant memory and any part of it can be read without the rest.

File: MAGIC, a random 16-byte salt, then frames of (12-byte random nonce, ciphertext, 16-byte tag).
Each file has its own key (HKDF of the store's frame key with the salt). A frame's associated data
is the header, its index and a final flag, so frames cannot be reordered, dropped or cut off; the
final frame's also holds the plaintext SHA-256, so a file renamed onto another blob's name is
caught. The random nonce (not a counter) lets a resumed download rewrite a torn last frame safely.
A download in progress keeps its last, incomplete frame sealed in a small file beside it.
"""

import os
from collections.abc import Iterator
from typing import BinaryIO

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

MAGIC = b"XTBLOB1\x00"
SALT_BYTES, NONCE_BYTES, TAG_BYTES = 16, 12, 16
HEADER_BYTES = len(MAGIC) + SALT_BYTES
FRAME = 1024 * 1024  # plaintext bytes per frame
STORED_FRAME = NONCE_BYTES + FRAME + TAG_BYTES


class BlobDamaged(Exception):
    """A local blob file does not decrypt: damaged, cut short, changed, or another key's."""

    def __init__(self, sha: str, why: str) -> None:
        super().__init__(f"本机保存的文件已损坏或被改动，无法解密（{why}）：{sha}")
        self.sha = sha


def derive(key: bytes, purpose: str, salt: bytes | None = None) -> bytes:
    return HKDF(hashes.SHA256(), 32, salt=salt, info=f"xietong local blobs v1/{purpose}".encode()).derive(key)


def new_header() -> bytes:
    return MAGIC + os.urandom(SALT_BYTES)


def is_encrypted(f: BinaryIO) -> bool:
    f.seek(0)
    return f.read(len(MAGIC)) == MAGIC


def plain_size(stored: int) -> int:
    """Plaintext bytes of a whole file of `stored` bytes."""
    return stored - HEADER_BYTES - frame_count(stored) * (NONCE_BYTES + TAG_BYTES)


def frame_count(stored: int) -> int:
    body = stored - HEADER_BYTES
    return max(1, -(-body // STORED_FRAME))


def _aad(header: bytes, index: int, final_sha: str | None) -> bytes:
    tail = b"\x01" + bytes.fromhex(final_sha) if final_sha is not None else b"\x00"
    return header + index.to_bytes(8, "big") + tail


class FrameWriter:
    """Encrypts a stream into frames after `header`. It holds back up to one frame: the last one
    is sealed as final by `finish`, or written as an ordinary frame by `flush` (a partial file)."""

    def __init__(self, f: BinaryIO, frame_key: bytes, header: bytes, index: int = 0) -> None:
        self._f, self._header, self.index = f, header, index
        self._aead = AESGCM(derive(frame_key, "file", header[len(MAGIC):]))
        self._buffer = bytearray()

    def write(self, data: bytes) -> None:
        self._buffer += data
        while len(self._buffer) > FRAME:
            self._seal(bytes(self._buffer[:FRAME]), None)
            del self._buffer[:FRAME]

    def flush(self) -> None:
        """Write a held-back whole frame as not final (the stream goes on later)."""
        if len(self._buffer) == FRAME:
            self._seal(bytes(self._buffer), None)
            self._buffer.clear()

    def seal_held(self) -> bytes:
        """The held-back bytes sealed on their own: a partial download's tail, kept beside it."""
        nonce = os.urandom(NONCE_BYTES)
        return nonce + self._aead.encrypt(nonce, bytes(self._buffer), self._tail_aad())

    def open_held(self, sealed: bytes) -> bytes | None:
        """A tail sealed by `seal_held` at this frame index, or None when it is not one."""
        try:
            return self._aead.decrypt(sealed[:NONCE_BYTES], sealed[NONCE_BYTES:], self._tail_aad())
        except (InvalidTag, ValueError):
            return None

    def finish(self, sha: str) -> None:
        self._seal(bytes(self._buffer), sha)
        self._buffer.clear()

    def _tail_aad(self) -> bytes:
        return _aad(self._header, self.index, None) + b"tail"

    def _seal(self, plain: bytes, final_sha: str | None) -> None:
        nonce = os.urandom(NONCE_BYTES)
        self._f.write(nonce + self._aead.encrypt(nonce, plain, _aad(self._header, self.index, final_sha)))
        self.index += 1


class FrameReader:
    """Decrypts the frames of one file of `stored` bytes (the file's size when opened)."""

    def __init__(self, f: BinaryIO, frame_key: bytes, sha: str, stored: int) -> None:
        f.seek(0)
        self._header = f.read(HEADER_BYTES)
        if len(self._header) < HEADER_BYTES or not self._header.startswith(MAGIC):
            raise BlobDamaged(sha, "文件头不对")
        self._f, self._sha, self._stored = f, sha, stored
        self._aead = AESGCM(derive(frame_key, "file", self._header[len(MAGIC):]))
        self.count = frame_count(stored)

    @property
    def header(self) -> bytes:
        return self._header

    def frame(self, index: int, final: bool | None = None) -> bytes:
        """Frame `index` (final: the file's last frame, unless told otherwise)."""
        is_final = index == self.count - 1 if final is None else final
        start = HEADER_BYTES + index * STORED_FRAME
        self._f.seek(start)
        stored = self._f.read(min(STORED_FRAME, self._stored - start))
        if len(stored) < NONCE_BYTES + TAG_BYTES:
            raise BlobDamaged(self._sha, "文件不完整")
        try:
            return self._aead.decrypt(stored[:NONCE_BYTES], stored[NONCE_BYTES:], _aad(self._header, index, self._sha if is_final else None))
        except InvalidTag:
            raise BlobDamaged(self._sha, f"第 {index + 1} 段校验失败") from None

    def frames(self, first: int = 0) -> Iterator[bytes]:
        for index in range(first, self.count):
            yield self.frame(index)

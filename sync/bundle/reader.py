"""Open an exchange bundle: every check first, then the records.

`open_bundle` reads the whole file once without applying anything: header, receiver, the
sender's certificate (chain to the anchors, unit), every frame decrypted and every record and
blob parsed, the signature, the sender's sequence. Only a bundle that passes all of them is
returned; `records()` then reads it a second time for the caller to apply. Both passes stream.
"""

import datetime as dt
import hashlib
import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

from cryptography.exceptions import InvalidTag

from app.identity.certificates import holder_unit
from app.identity.chain import CertificateRefused, TrustMaterial, parse_certificate, validate_login_certificate
from app.identity.verify import verify_signature
from sync.bundle import ciphers, classification, keywrap, policy
from sync.bundle.format import CHUNK_BYTES, FRAME, MAGIC, MAX_HEADER_BYTES, MAX_RECORD_BYTES, MAX_SIGNATURE_BYTES, U32, Header, certificate_sha256, nonce, signed_message
from sync.bundle.refusals import refused

Progress = Callable[[int, int, int], None]  # (records read, bytes read, file size)
BLOB_PIECE = 1024 * 1024
TAG_BYTES = ciphers.TAG_BYTES


@dataclass(frozen=True)
class Expectation:
    """What the importing side accepts."""

    kind: str
    receiver_key: keywrap.ReceiverKey
    receiver_certificate: bytes  # DER
    trust: TrustMaterial
    last_seq: Callable[[str], int]  # the highest sequence imported from a sender (by certificate SHA-256)
    now: dt.datetime
    allowed_units: frozenset[str] | None = None  # holder_unit() of acceptable senders; None: any
    sender_sha256: str | None = None  # the one certificate allowed to send, when there is one
    algorithms: str = policy.STANDARD  # policy.NATIONAL: only SM2/SM4 bundles
    ceiling: str | None = None  # the receiving unit's highest 密级; None: the product's own bound


@dataclass(frozen=True)
class Record:
    kind: str
    body: dict[str, Any]
    blob: Iterator[bytes] | None = None  # a blob's bytes: read them before the next record


@dataclass(frozen=True)
class VerifiedBundle:
    path: Path
    header: Header
    sender_sha256: str
    file_sha256: str
    records_count: int
    content_key: bytes = field(repr=False)  # never in a log line

    def records(self, progress: Progress | None = None) -> Iterator[Record]:
        with self.path.open("rb") as f:
            header_bytes = _read_header_bytes(f)
            frames = _Frames(f, header_bytes, self.header, self.content_key, self.path.stat().st_size, progress)
            yield from _records(frames)


def open_bundle(path: Path, expect: Expectation, progress: Progress | None = None) -> VerifiedBundle:
    """Raises BundleRefused with the reason; nothing is applied either way."""
    with path.open("rb") as f:
        header_bytes = _read_header_bytes(f)
        header = _decode_header(header_bytes, expect)
        policy.check(expect.algorithms, header)
        sender = _check_sender(header, expect)
        content_key = keywrap.unwrap(header.wrapped_key, expect.receiver_key)
        frames = _Frames(f, header_bytes, header, content_key, path.stat().st_size, progress)
        count = 0
        for record in _records(frames):
            count += 1
            if expect.ceiling is not None:
                classification.check(record.kind, record.body, expect.ceiling)
            for _ in record.blob or ():
                pass
        signature = _read_signature(f)
        frames.file_hash.update(U32.pack(len(signature)) + signature)
    if not verify_signature(header.sender_certificate, signed_message(header_bytes, frames.frames_hash.digest()), signature):
        raise refused("bundle.bad_signature")
    if header.sender_seq <= expect.last_seq(sender):
        raise refused("bundle.replayed")
    return VerifiedBundle(path, header, sender, frames.file_hash.hexdigest(), count, content_key)


def _read_header_bytes(f: BinaryIO) -> bytes:
    if f.read(len(MAGIC)) != MAGIC:
        raise refused("bundle.malformed")
    size = U32.unpack(_exact(f, U32.size))[0]
    if size > MAX_HEADER_BYTES:
        raise refused("bundle.malformed")
    return _exact(f, size)


def _decode_header(data: bytes, expect: Expectation) -> Header:
    try:
        header = Header.decode(data)
    except (ValueError, KeyError, TypeError):
        raise refused("bundle.malformed") from None
    if header.kind != expect.kind:
        raise refused("bundle.unexpected_kind")
    if header.receiver_sha256 != certificate_sha256(expect.receiver_certificate):
        raise refused("bundle.wrong_receiver")
    return header


def _check_sender(header: Header, expect: Expectation) -> str:
    sender = certificate_sha256(header.sender_certificate)
    try:
        leaf = parse_certificate(header.sender_certificate)
        validate_login_certificate(leaf, [], expect.trust, expect.now)
    except CertificateRefused:
        raise refused("bundle.signer_untrusted") from None
    if expect.sender_sha256 is not None and sender != expect.sender_sha256:
        raise refused("bundle.signer_not_allowed")
    if expect.allowed_units is not None and holder_unit(leaf) not in expect.allowed_units:
        raise refused("bundle.signer_not_allowed")
    return sender


def _read_signature(f: BinaryIO) -> bytes:
    size = U32.unpack(_exact(f, U32.size))[0]
    if size > MAX_SIGNATURE_BYTES:
        raise refused("bundle.corrupted")
    signature = _exact(f, size)
    if f.read(1):
        raise refused("bundle.corrupted")
    return signature


def _exact(f: BinaryIO, n: int) -> bytes:
    data = f.read(n)
    if len(data) != n:
        raise refused("bundle.truncated")
    return data


class _Frames:
    """The plaintext, frame after frame, with what the signature and audit need hashed on the way."""

    def __init__(self, f: BinaryIO, header_bytes: bytes, header: Header, content_key: bytes, size: int, progress: Progress | None) -> None:
        self._f, self._prefix, self._progress, self._size = f, header.nonce_prefix, progress, size
        self._aead, self._aad = ciphers.aead(header.cipher, content_key), hashlib.sha256(header_bytes).digest()
        self.frames_hash = hashlib.sha256()
        self.file_hash = hashlib.sha256(MAGIC + U32.pack(len(header_bytes)) + header_bytes)
        self._buffer, self._offset = b"", 0
        self._index, self.done, self.records = 0, False, 0
        self._read = len(MAGIC) + U32.size + len(header_bytes)

    def take(self, n: int) -> bytes:
        """Exactly n plaintext bytes; fewer only at the end of the final frame."""
        parts, wanted = [], n
        while wanted:
            if self._offset == len(self._buffer) and not self._next_frame():
                break
            piece = self._buffer[self._offset : self._offset + wanted]
            self._offset += len(piece)
            wanted -= len(piece)
            parts.append(piece)
        return b"".join(parts)

    def at_end(self) -> bool:
        return self._offset == len(self._buffer) and not self._next_frame()

    def record_done(self) -> None:
        self.records += 1

    def _next_frame(self) -> bool:
        if self.done:
            return False
        head = _exact(self._f, FRAME.size)
        final, length = FRAME.unpack(head)
        if final > 1 or length > CHUNK_BYTES + TAG_BYTES:
            raise refused("bundle.corrupted")
        sealed = _exact(self._f, length)
        self.frames_hash.update(head + sealed)
        self.file_hash.update(head + sealed)
        try:
            self._buffer = self._aead.decrypt(nonce(self._prefix, self._index, bool(final)), sealed, self._aad)
        except InvalidTag:
            raise refused("bundle.corrupted") from None
        self._offset, self._index, self.done = 0, self._index + 1, bool(final)
        self._read += len(head) + length
        if self._progress:
            self._progress(self.records, self._read, self._size)
        return True


def _records(frames: _Frames) -> Iterator[Record]:
    while not frames.at_end():
        head = frames.take(U32.size)
        size = U32.unpack(head)[0] if len(head) == U32.size else MAX_RECORD_BYTES + 1
        data = frames.take(size) if size <= MAX_RECORD_BYTES else b""
        if len(data) != size:
            raise refused("bundle.corrupted")
        try:
            raw = json.loads(data)
            kind, body = str(raw["kind"]), dict(raw["body"])
        except (ValueError, KeyError, TypeError):
            raise refused("bundle.corrupted") from None
        frames.record_done()
        if kind != "blob":
            yield Record(kind, body)
            continue
        blob = _blob(frames, body)
        yield Record(kind, body, blob)
        for _ in blob:  # whatever the caller left unread, so the next record starts in place
            pass


def _blob(frames: _Frames, body: dict[str, Any]) -> Iterator[bytes]:
    """The blob's bytes, checked against its name at the end (a wrong file is corruption)."""
    left, digest = body.get("size"), hashlib.sha256()
    if not isinstance(left, int) or left < 0:
        raise refused("bundle.corrupted")
    while left:
        piece = frames.take(min(left, BLOB_PIECE))
        if not piece:
            raise refused("bundle.corrupted")
        digest.update(piece)
        left -= len(piece)
        yield piece
    if digest.hexdigest() != body["sha256"]:
        raise refused("bundle.corrupted")

"""The bundle file layout, shared by writer.py and reader.py.

    MAGIC | u32 header length | header JSON (UTF-8)
    frames: u8 final | u32 length | AEAD ciphertext (AES-256-GCM or SM4-GCM) of up to CHUNK_BYTES plaintext
    u32 signature length | signature

Each frame's nonce is the header's 8-byte random prefix, the frame index and the final flag, and
its AAD is SHA-256 of the header, so a frame moved, dropped, repeated or cut off fails to decrypt
or leaves no final frame. The sender signs SIGNED_PREFIX | SHA-256(header) | SHA-256(every
frame's bytes) with its certificate's key. Inside, the plaintext is a stream of records:
u32 length | JSON {"kind", "body"}; a "blob" record is followed by body["size"] raw bytes.
"""

import hashlib
import json
import struct
from dataclasses import dataclass
from typing import Any

MAGIC = b"XTBUNDLE"
FORMAT_VERSION = 1
CHUNK_BYTES = 1024 * 1024
MAX_HEADER_BYTES = 64 * 1024
MAX_RECORD_BYTES = 16 * 1024 * 1024  # one JSON record: a push of 200 ops at 4 MB, a pull page
MAX_SIGNATURE_BYTES = 4096
SIGNED_PREFIX = b"xietong bundle v1 signature"
KINDS = ("ops", "answer")
CIPHERS = ("aes-256-gcm", "sm4-gcm")  # isolated unit -> exchange point, and back
U32 = struct.Struct(">I")
FRAME = struct.Struct(">BI")


@dataclass(frozen=True)
class Header:
    kind: str
    sender_certificate: bytes  # DER
    receiver_sha256: str  # of the receiver certificate's DER
    sender_seq: int
    created: float
    wrapped_key: dict[str, str]
    nonce_prefix: bytes
    cipher: str = "aes-256-gcm"  # ciphers.py; headers written before SM4 name none
    version: int = FORMAT_VERSION

    def encode(self) -> bytes:
        return json.dumps(
            {
                "version": self.version, "kind": self.kind, "sender_certificate": self.sender_certificate.hex(),
                "receiver_sha256": self.receiver_sha256, "sender_seq": self.sender_seq, "created": self.created,
                "wrapped_key": self.wrapped_key, "nonce_prefix": self.nonce_prefix.hex(), "cipher": self.cipher,
            },  # fmt: skip
            sort_keys=True,
        ).encode()

    @staticmethod
    def decode(data: bytes) -> "Header":
        """Raises ValueError, KeyError or TypeError on anything but a version-1 header."""
        raw: dict[str, Any] = json.loads(data)
        if raw["version"] != FORMAT_VERSION or raw["kind"] not in KINDS:
            raise ValueError("unsupported bundle")
        prefix = bytes.fromhex(raw["nonce_prefix"])
        cipher = raw.get("cipher", "aes-256-gcm")
        if len(prefix) != 8 or not isinstance(raw["sender_seq"], int) or cipher not in CIPHERS:
            raise ValueError("bad header")
        return Header(raw["kind"], bytes.fromhex(raw["sender_certificate"]), str(raw["receiver_sha256"]), raw["sender_seq"], float(raw["created"]), dict(raw["wrapped_key"]), prefix, cipher)


def nonce(prefix: bytes, index: int, final: bool) -> bytes:
    """8 random bytes, a 3-byte frame index (16 TB at most), the final flag: 12 bytes, never reused."""
    return prefix + index.to_bytes(3, "big") + (b"\x01" if final else b"\x00")


def signed_message(header_bytes: bytes, frames_sha256: bytes) -> bytes:
    return SIGNED_PREFIX + hashlib.sha256(header_bytes).digest() + frames_sha256


def certificate_sha256(der: bytes) -> str:
    return hashlib.sha256(der).hexdigest()

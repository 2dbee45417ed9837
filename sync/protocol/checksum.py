"""The scope checksum: how a client proves its copy of a scope equals the server's.

checksum(scope) = "<live rows>:<XOR of row hashes, 16 hex digits>", where a row's hash is the
first 8 bytes (big-endian) of SHA-256("<entity>\\x1f<id>\\x1f<seq>") and only live rows (not
tombstones) count. The server keeps it up to date in O(1) per write (XOR out the old row's hash,
XOR in the new one); the client folds it from its (scope, entity, id, seq) index. `seq` changes
with every write, so a missed update shows as well as a missed or extra row.
"""

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass


def row_hash(entity: str, entity_id: str, seq: int) -> int:
    digest = hashlib.sha256(f"{entity}\x1f{entity_id}\x1f{seq}".encode()).digest()
    return int.from_bytes(digest[:8], "big")


@dataclass(frozen=True)
class Checksum:
    count: int = 0
    xor: int = 0

    def add(self, entity: str, entity_id: str, seq: int) -> "Checksum":
        return Checksum(self.count + 1, self.xor ^ row_hash(entity, entity_id, seq))

    def remove(self, entity: str, entity_id: str, seq: int) -> "Checksum":
        return Checksum(self.count - 1, self.xor ^ row_hash(entity, entity_id, seq))

    def text(self) -> str:
        return f"{self.count}:{self.xor:016x}"

    @staticmethod
    def parse(text: str) -> "Checksum":
        count, xor = text.split(":")
        return Checksum(int(count), int(xor, 16))


def fold(rows: Iterable[tuple[str, str, int]]) -> Checksum:
    """The checksum of live rows given as (entity, id, seq)."""
    count, xor = 0, 0
    for entity, entity_id, seq in rows:
        count += 1
        xor ^= row_hash(entity, entity_id, seq)
    return Checksum(count, xor)

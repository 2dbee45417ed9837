"""SQLCipher for the cache file: the raw-key pragma, plain connections for checks, and encrypting
a cache of the previous (unencrypted) version in place.

The 256-bit data key is used as a raw key (no passphrase KDF: the key is already random). The file
salt, which SQLCipher writes as the first 16 bytes of the file, is derived from the key, so a file
that no longer decrypts can be told apart: our salt means a damaged file, another salt a wrong key.
"""

import hashlib
import hmac
import os
from pathlib import Path

import sqlcipher3

PLAIN_HEADER = b"SQLite format 3\x00"
# Not SQLCipher's default 4 KiB: a notice (about 4 KB of UTF-8) fits a 16 KiB page without
# overflow pages, and every page costs a decryption and an HMAC on its own, so opening a 100k-row
# cache (which reads every page) takes a third of the time. An encrypted file is always a whole
# number of pages.
PAGE_SIZE = 16384
# A page that fails to decrypt leaves the connection's codec in an error state, and SQLCipher then
# answers SQLITE_NOMEM, which the driver raises as MemoryError.
Unreadable = (sqlcipher3.DatabaseError, MemoryError)


def file_salt(key: bytes) -> bytes:
    return hmac.new(key, b"xietong cache file salt v1", hashlib.sha256).digest()[:16]


def raw_key(key: bytes) -> str:
    """SQLCipher's raw key form, x'<key><salt>', for `PRAGMA key` and `ATTACH ... KEY`."""
    return f"x'{key.hex()}{file_salt(key).hex()}'"


def quiet(con: sqlcipher3.Connection) -> None:
    # SQLCipher prints every failed page decryption to stderr; the caller reports it in words.
    con.execute("PRAGMA cipher_log_level = NONE")


def connect(path: Path, key: bytes | None, read_only: bool = False) -> sqlcipher3.Connection:
    """A plain DB-API connection: encrypted with `key`, or an unencrypted file when key is None."""
    target = f"file:{path}?mode=ro" if read_only else f"file:{path}"
    con = sqlcipher3.connect(target, uri=True)
    quiet(con)
    if key is not None:
        con.execute(f'PRAGMA key = "{raw_key(key)}"')
        con.execute(f"PRAGMA cipher_page_size = {PAGE_SIZE}")
    return con


def is_plain(path: Path) -> bool:
    with path.open("rb") as f:
        return f.read(16) == PLAIN_HEADER


def salt_matches(path: Path, key: bytes) -> bool:
    with path.open("rb") as f:
        return f.read(16) == file_salt(key)


def encrypt_in_place(path: Path, key: bytes) -> None:
    """Copy an unencrypted cache (WAL folded in) into an encrypted file, then replace it atomically."""
    target = path.with_name(f"{path.name}.encrypting")
    for leftover in (target, Path(f"{target}-journal")):
        leftover.unlink(missing_ok=True)
    con = connect(path, None)
    try:
        con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        version = con.execute("PRAGMA user_version").fetchone()[0]
        app_id = con.execute("PRAGMA application_id").fetchone()[0]
        con.execute("ATTACH DATABASE ? AS encrypted KEY ?", (str(target), raw_key(key)))
        con.execute(f"PRAGMA encrypted.cipher_page_size = {PAGE_SIZE}")
        con.execute("SELECT sqlcipher_export('encrypted')")
        con.execute(f"PRAGMA encrypted.user_version = {int(version)}")
        con.execute(f"PRAGMA encrypted.application_id = {int(app_id)}")
        con.execute("DETACH DATABASE encrypted")
    finally:
        con.close()
    with target.open("rb+") as f:
        os.fsync(f.fileno())
    # The WAL was checkpointed and truncated above; what is left of it belongs to the plain file.
    for suffix in ("-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    os.replace(target, path)

"""Damage a cache file the way a failing disk sector would."""

from pathlib import Path

from app.store import sqlcipher


def scribble_over_table(path: Path, table: str, key: bytes) -> None:
    """Fold the WAL into the (encrypted) file, then overwrite the root page of one table."""
    con = sqlcipher.connect(path, key)
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    page_size = int(con.execute("PRAGMA page_size").fetchone()[0])
    root = con.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", (table,)).fetchone()[0]
    con.close()
    with open(path, "r+b") as f:
        f.seek((root - 1) * page_size)
        f.write(b"\xde\xad\xbe\xef" * (page_size // 4))

"""The cache file at rest: nothing readable on disk, opened only with its key; a wrong key is
refused (CacheLocked) and the file left where it is, never set aside as damaged."""

import os
import shutil
import sqlite3

import pytest
from alembic import command
from sqlalchemy import create_engine, text

from app.store import cache as cache_mod
from app.store import outbox
from app.store.cache import open_cache
from app.store.cache_key import CacheLocked
from app.store.mirror import apply_row
from tests.support.cache_data import HEAD, notice
from tests.support.memory_keyring import kept_key

TITLE = "关于做好防汛防台工作的紧急通知"


def cache_with_a_notice(path):
    cache = open_cache(path, kept_key(path))
    with cache.sessions.begin() as s:
        apply_row(s, "notice", "n1", 1, False, notice("n1", HEAD, "all", title=TITLE))
    return cache


def on_disk(path):
    return b"".join(p.read_bytes() for p in path.parent.iterdir() if p.name.startswith(path.name))


def test_nothing_readable_on_disk_while_open_and_after_close(tmp_path):
    path = tmp_path / "c.sqlite"
    cache = cache_with_a_notice(path)
    for _ in range(2):  # the WAL while open, the file once closed
        data = on_disk(path)
        assert TITLE.encode() not in data
        assert b"SQLite format 3" not in data
        assert kept_key(path) not in data
        cache.close()


def test_opens_with_its_key(tmp_path):
    path = tmp_path / "c.sqlite"
    cache_with_a_notice(path).close()
    cache = open_cache(path, kept_key(path))
    with cache.session() as s:
        assert s.execute(text("SELECT title FROM notices")).scalar() == TITLE
    assert cache.report.set_aside is None
    cache.close()


def test_wrong_key_is_refused_and_the_file_left_in_place(tmp_path):
    path = tmp_path / "c.sqlite"
    cache_with_a_notice(path).close()
    before = sorted(p.name for p in tmp_path.iterdir())
    content = path.read_bytes()

    with pytest.raises(CacheLocked, match="需要联网登录一次以恢复密钥"):
        open_cache(path, os.urandom(32))

    assert sorted(p.name for p in tmp_path.iterdir()) == before  # nothing set aside
    assert path.read_bytes() == content
    open_cache(path, kept_key(path)).close()  # and the right key still opens it


def test_an_unencrypted_cache_left_with_its_wal_is_encrypted_in_place_keeping_the_queued_op(tmp_path):
    """The previous version's cache, as a crash leaves it: the queued op still only in the WAL."""
    live, crashed = tmp_path / "live", tmp_path / "crashed"
    live.mkdir()
    crashed.mkdir()
    engine = create_engine(f"sqlite:///{live / 'c.sqlite'}")
    cfg = cache_mod._alembic_config()
    with engine.begin() as conn:
        conn.exec_driver_sql(f"PRAGMA application_id={cache_mod.APPLICATION_ID}")
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")
    engine.dispose()
    con = sqlite3.connect(live / "c.sqlite")
    con.execute("PRAGMA journal_mode=WAL")
    con.execute("PRAGMA wal_autocheckpoint=0")
    con.execute(f"INSERT INTO outbox VALUES (1, 'op1', 'notice.read', '{{\"notice_id\": \"n1\", \"title\": \"{TITLE}\"}}', 0, 0, 'pending', '', '')")
    con.commit()
    for f in live.iterdir():
        shutil.copy(f, crashed / f.name)
    con.close()
    path = crashed / "c.sqlite"
    assert (crashed / "c.sqlite-wal").stat().st_size > 0

    cache = open_cache(path, kept_key(path))
    assert cache.report.set_aside is None
    with cache.session() as s:
        assert [op.op_id for op in outbox.pending(s, 10)] == ["op1"]
    cache.close()
    assert TITLE.encode() not in on_disk(path) and b"SQLite format 3" not in on_disk(path)
    assert sorted(f.name for f in crashed.iterdir()) == ["c.sqlite", "c.sqlite.key.json"]

"""The local cache: created and upgraded by migrations; a damaged or foreign file is set aside,
rebuilt, and the queued changes it still holds are carried over."""

import sqlite3

from alembic import command
from sqlalchemy import create_engine, select

from app.store import cache as cache_mod
from app.store import meta, outbox, sqlcipher
from app.store.cache import open_cache
from app.store.models import PersonRow
from tests.support.cache_damage import scribble_over_table
from tests.support.cache_data import fill_directory
from tests.support.memory_keyring import kept_key


def queue_ops(cache, n):
    with cache.sessions.begin() as s:
        for i in range(n):
            outbox.append(s, "notice.read", {"notice_id": f"n{i}"})


def revision(path):
    con = sqlcipher.connect(path, kept_key(path))
    try:
        return con.execute("SELECT version_num FROM alembic_version").fetchone()[0]
    finally:
        con.close()


def test_new_cache_is_at_head_in_wal_mode(tmp_path):
    path = tmp_path / "c.sqlite"
    open_cache(path, kept_key(path)).close()
    assert revision(path) == cache_mod.head_revision()
    con = sqlcipher.connect(path, kept_key(path))
    assert con.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert con.execute("PRAGMA application_id").fetchone()[0] == cache_mod.APPLICATION_ID


def test_newer_client_encrypts_and_upgrades_an_older_unencrypted_cache_keeping_its_queued_op(tmp_path):
    path = tmp_path / "old.sqlite"
    engine = create_engine(f"sqlite:///{path}")
    cfg = cache_mod._alembic_config()
    with engine.begin() as conn:
        conn.exec_driver_sql(f"PRAGMA application_id={cache_mod.APPLICATION_ID}")
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0001")  # the first released schema: no notices yet
        conn.exec_driver_sql(
            "INSERT INTO outbox VALUES (1, 'op1', 'notice.read', '{\"notice_id\": \"n1\"}', 0, 0, 'pending', '', '')"
        )
    engine.dispose()

    cache = open_cache(path, kept_key(path))
    assert cache.report.set_aside is None
    assert not sqlcipher.is_plain(path)
    assert revision(path) == cache_mod.head_revision()
    with cache.session() as s:
        assert [op.op_id for op in outbox.pending(s, 10)] == ["op1"]
    fill_directory(cache)  # and the upgraded file works
    cache.close()


def test_foreign_sqlite_file_is_set_aside_not_deleted(tmp_path):
    path = tmp_path / "c.sqlite"
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE accounts (id INTEGER)")
    con.commit()
    con.close()

    cache = open_cache(path, kept_key(path))
    assert cache.report.set_aside is not None and cache.report.set_aside.exists()
    assert "其他程序" in cache.report.reason
    assert revision(path) == cache_mod.head_revision()
    cache.close()


def test_garbage_file_is_set_aside_and_rebuilt(tmp_path):
    path = tmp_path / "c.sqlite"
    path.write_bytes(b"this is not a database" * 100)
    cache = open_cache(path, kept_key(path))
    assert cache.report.set_aside.read_bytes().startswith(b"this is not")
    assert cache.report.recovered_ops == 0
    cache.close()


def test_damaged_encrypted_cache_keeps_its_queued_changes_and_device(tmp_path):
    path = tmp_path / "c.sqlite"
    cache = open_cache(path, kept_key(path))
    fill_directory(cache)
    with cache.sessions.begin() as s:  # enough people that their table spans pages of its own
        for i in range(3000):
            s.add(PersonRow(id=f"x{i}", login=f"x{i}", name="某某", unit_id="u01", department_id="u01-d1", title="", phone="", roles=[], search_keys="", version=1))
    queue_ops(cache, 3)
    with cache.sessions.begin() as s:
        meta.put(s, "device_id", "dev-keep-me")
    cache.close()
    scribble_over_table(path, "people", kept_key(path))

    cache = open_cache(path, kept_key(path))
    report = cache.report
    assert report.set_aside is not None
    assert report.recovered_ops == 3
    with cache.session() as s:
        assert [q.client_seq for q in outbox.pending(s, 10)] == [1, 2, 3]
        assert s.scalars(select(PersonRow)).first() is None  # rebuilt empty, to be pulled again
        assert meta.get(s, "device_id") == "dev-keep-me"
    cache.close()


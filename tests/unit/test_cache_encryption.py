"""The cache file at rest: nothing readable on disk, opened only with its key; a wrong key is
refused (CacheLocked) and the file left where it is, never set aside as damaged."""

import os

import pytest
from sqlalchemy import text

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

"""Publishing and reading notices offline: the local change and its queued op commit together."""

import pytest
from sqlalchemy import select

from app.domain.errors import RuleViolation
from app.domain.notices import AUDIENCE_ALL, NoticeDraft
from app.services import local_ops
from app.services.notices import NoticeService
from app.store import outbox
from app.store.cache import open_cache
from app.store.mirror import apply_row
from app.store.models import NoticeRow
from tests.support.cache_data import HEAD, OFFICE, fill_directory, notice, sign_in
from tests.support.memory_keyring import kept_key


@pytest.fixture
def cache(tmp_path):
    c = open_cache(tmp_path / "c.sqlite", kept_key(tmp_path / "c.sqlite"))
    fill_directory(c)
    sign_in(c, OFFICE)
    yield c
    c.close()


def queued(cache):
    with cache.session() as s:
        return outbox.pending(s, 100)


def test_publish_offline_shows_at_once_and_queues_one_op(cache):
    service = NoticeService(cache, OFFICE)
    notice_id = service.publish(NoticeDraft("关于停电的通知", "周六上午停电。", "u01"))
    [summary] = service.notices()
    assert (summary.id, summary.pending, summary.mine, summary.read) == (notice_id, True, True, True)
    [op] = queued(cache)
    assert op.name == "notice.publish" and op.args["id"] == notice_id


def test_refused_publish_writes_nothing(cache):
    service = NoticeService(cache, OFFICE)
    with pytest.raises(RuleViolation):
        service.publish(NoticeDraft("全市通知", "正文", AUDIENCE_ALL))  # a clerk may not publish to all
    assert service.notices() == [] and queued(cache) == []


def test_reading_queues_one_receipt_however_often_opened(cache):
    with cache.sessions.begin() as s:
        apply_row(s, "notice", "n1", 1, False, notice("n1", HEAD, AUDIENCE_ALL))
    service = NoticeService(cache, OFFICE)
    assert service.unread_count() == 1
    service.mark_read("n1")
    service.mark_read("n1")
    assert service.unread_count() == 0
    assert [op.name for op in queued(cache)] == ["notice.read"]
    assert [r.name for r in service.readers("n1")] == ["王晓燕"]


def test_pending_changes_survive_a_pull_that_overwrites_the_row(cache):
    with cache.sessions.begin() as s:
        apply_row(s, "notice", "n1", 1, False, notice("n1", HEAD, AUDIENCE_ALL))
    NoticeService(cache, OFFICE).mark_read("n1")
    with cache.sessions.begin() as s:  # the server sends a newer version before our receipt went out
        apply_row(s, "notice", "n1", 2, False, notice("n1", HEAD, AUDIENCE_ALL, title="（更正）元旦通知"))
        local_ops.rebase(s, OFFICE)
    with cache.session() as s:
        row = s.scalars(select(NoticeRow)).one()
        assert row.title == "（更正）元旦通知" and row.read_at is not None


def test_rejected_publish_leaves_no_phantom_notice_but_keeps_the_text(cache):
    service = NoticeService(cache, OFFICE)
    service.publish(NoticeDraft("本单位通知", "正文内容", "u01"))
    [op] = queued(cache)
    with cache.sessions.begin() as s:
        outbox.mark_rejected(s, op.client_seq, "notice.audience_forbidden", "不允许")
        local_ops.rebase(s, OFFICE)
    assert service.notices() == []
    with cache.session() as s:
        [rejected] = outbox.rejected(s)
        assert rejected.args["body"] == "正文内容" and rejected.reject_message == "不允许"

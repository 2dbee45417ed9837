"""notice.edit end to end: per-field merge against what the editor saw; the same field changed on
two devices keeps the server's value and leaves a conflict copy; audience moves between scopes;
a refused edit leaves no trace."""

from app.domain.notices import NoticeDraft
from app.services import sync_state
from app.store.models import NoticeRow
from tests.server.helpers import log_in
from tests.server.inprocess_clients import inprocess_client


def two_devices(deployment, tmp_path, title: str):
    first, _ = inprocess_client(deployment, "chenjg", tmp_path / "a")
    second, _ = inprocess_client(deployment, "chenjg", tmp_path / "b")
    notice_id = first.notices.publish(NoticeDraft(title, "原正文", "u01"))
    first.sync()
    second.sync()
    return first, second, notice_id


def shown(client, notice_id: str) -> NoticeRow:
    with client.cache.session() as s:
        return s.get(NoticeRow, notice_id)


def test_edits_of_different_fields_both_go_in(deployment, tmp_path):
    a, b, nid = two_devices(deployment, tmp_path, "合并测试")
    a.notices.edit(nid, {"title": "新标题"})
    b.notices.edit(nid, {"body": "新正文"})
    a.sync()
    b.sync()
    a.sync()
    for device in (a, b):
        assert (shown(device, nid).title, shown(device, nid).body) == ("新标题", "新正文")
        assert device.notices.conflicts() == []


def test_the_same_field_on_both_sides_keeps_the_server_value_and_a_conflict_copy(deployment, tmp_path):
    a, b, nid = two_devices(deployment, tmp_path, "冲突测试")
    b.notices.edit(nid, {"title": "乙的标题"})
    b.sync()
    a.notices.edit(nid, {"title": "甲的标题", "body": "甲的正文"})
    assert shown(a, nid).title == "甲的标题"  # shown at once, offline
    report = a.sync()
    assert report.pushed == 1 and not report.rejected
    assert (shown(a, nid).title, shown(a, nid).body) == ("乙的标题", "甲的正文")
    [copy] = a.notices.conflicts()
    assert copy.entity_id == nid and copy.fields == {"title": {"server": "乙的标题", "mine": "甲的标题"}}
    b.sync()
    assert [c.fields for c in b.notices.conflicts()] == [copy.fields]  # the publisher sees it on every device


def test_moving_the_audience_moves_the_notice_between_scopes(deployment, client, tokens, tmp_path):
    a, _, nid = two_devices(deployment, tmp_path, "范围调整")
    clerk_u01, _ = inprocess_client(deployment, "wangxy", tmp_path / "c")
    clerk_u02, _ = inprocess_client(deployment, "zhaoli", tmp_path / "d")
    clerk_u01.sync()
    assert shown(clerk_u01, nid) is not None
    a.notices.edit(nid, {"audience": "u02"})
    a.sync()
    clerk_u01.sync()
    clerk_u02.sync()
    assert shown(clerk_u01, nid) is None and shown(clerk_u02, nid).title == "范围调整"


def test_a_refused_edit_leaves_no_trace_but_the_reason(deployment, tmp_path):
    a, _, nid = two_devices(deployment, tmp_path, "拒绝测试")
    a.notices.edit(nid, {"title": "改后", "audience": "u99"})  # no such unit: only the server knows
    assert shown(a, nid).title == "改后"
    report = a.sync()
    assert [r.code for r in report.rejected] == ["notice.audience_unknown"]
    assert (shown(a, nid).title, shown(a, nid).audience) == ("拒绝测试", "u01")
    assert [r.code for r in sync_state.read(a.cache).rejections] == ["notice.audience_unknown"]


def test_only_the_publisher_may_edit(deployment, client, tokens, tmp_path):
    a, _, nid = two_devices(deployment, tmp_path, "他人修改")
    clerk = log_in(client, tokens, "wangxy")
    [answer] = clerk.push(("notice.edit", {"id": nid, "base": {"title": "他人修改"}, "changes": {"title": "篡改"}})).json()["results"]
    assert (answer["status"], answer["code"]) == ("rejected", "notice.not_yours")
    a.sync()
    assert shown(a, nid).title == "他人修改"

"""The 交换包 menu of an isolated client: export to the chosen folder with progress and a summary,
import the exchange point's answer, and a refusal said in words. The folder and file choosers are
the platform's native dialogs, which cannot be driven offscreen: the tests answer them (mocked)."""

import time

import pytest

from app.domain.notices import NoticeDraft
from app.store import outbox
from app.store.blobs import LocalBlobs
from sync.bundle.writer import BundleWriter
from sync.client.bundles import BundleParty
from tests.support.bundle_parties import new_ca, party, trust
from tests.support.cache_data import HEAD
from ui import bundle_actions
from ui.main_window.main_window import MainWindow
from ui.sync_runner import SyncRunner

CA = new_ca()
CLERK = party(CA, HEAD.name, "如东县保密局")
EXCHANGE = party(CA, "交换站", "南通市人民政府办公室")


@pytest.fixture
def isolated(qtbot, session, tmp_path, monkeypatch):
    stick = tmp_path / "U盘"
    stick.mkdir()
    chosen = {"folder": str(stick), "file": ""}
    monkeypatch.setattr(bundle_actions, "choose_folder", lambda _parent, _title: chosen["folder"])
    monkeypatch.setattr(bundle_actions, "choose_file", lambda _parent, _title: chosen["file"])
    bundle_party = BundleParty(session.cache, HEAD, session.device_id, session.scopes, CLERK.signer, CLERK.key, EXCHANGE.certificate, trust(CA),
                               tmp_path / "audit.jsonl", LocalBlobs(tmp_path / "blobs", session.cache.blob_key))  # fmt: skip
    win = MainWindow(session, SyncRunner(session), lambda: bundle_party)
    qtbot.addWidget(win)
    win.show()
    yield win, stick, chosen
    win.close()


def run(qtbot, action) -> tuple[object, list, bool]:
    seen: list = []
    dialog = action()
    dialog.progressed.connect(lambda *args: seen.append(args))
    with qtbot.waitSignal(dialog.finished_work, timeout=20_000) as done:
        pass
    return dialog, seen, done.args[0]


def test_the_menu_offers_export_and_import_in_chinese(isolated):
    win, _, _ = isolated
    [menu] = [a.menu() for a in win.menuBar().actions()]
    assert menu.title() == "交换包"
    assert [a.text() for a in menu.actions()] == ["导出交换包…", "导入交换包…"]  # no relay: not a 交换站管理员


def test_export_writes_one_file_to_the_stick_with_progress_and_a_summary(qtbot, isolated, session):
    win, stick, _ = isolated
    session.notices.publish(NoticeDraft("涉密单位通知", "正文", HEAD.unit_id))
    dialog, seen, ok = run(qtbot, win.bundles.export)
    [written] = stick.iterdir()
    assert ok and written.suffix == ".xtb"
    assert "已导出 1 个操作" in dialog.status.text() and str(written) in dialog.status.text()
    assert seen and seen[-1][1] == written.stat().st_size  # bytes written, shown as they went
    assert dialog.buttons.isEnabled()


def test_importing_the_answer_settles_the_op_and_says_what_came(qtbot, isolated, session):
    win, stick, chosen = isolated
    session.notices.publish(NoticeDraft("等回执的通知", "正文", HEAD.unit_id))
    with session.cache.session() as s:
        [waiting] = outbox.pending(s, 10)
    answer = stick / "回执.xtb"
    with BundleWriter(answer, "answer", EXCHANGE.signer, CLERK.certificate, 1) as w:
        w.add("results", {"results": [{"op_id": waiting.op_id, "client_seq": waiting.client_seq, "status": "applied"}], "server_time": time.time()})
        w.close()
    chosen["file"] = str(answer)
    dialog, seen, ok = run(qtbot, win.bundles.import_answer)
    assert ok and "已导入：1 个操作已完成，0 个被拒绝" in dialog.status.text()
    assert seen and seen[-1][2] == answer.stat().st_size  # of the whole file
    with session.cache.session() as s:
        assert outbox.pending_count(s) == 0


def test_a_refused_bundle_is_said_in_words_and_nothing_changes(qtbot, isolated, session):
    win, stick, chosen = isolated
    session.notices.publish(NoticeDraft("不应结清", "正文", HEAD.unit_id))
    run(qtbot, win.bundles.export)
    [own_export] = stick.iterdir()
    chosen["file"] = str(own_export)  # the clerk picks the outgoing bundle instead of the answer
    dialog, _, ok = run(qtbot, win.bundles.import_answer)
    assert not ok and "交换包的类型不对" in dialog.status.text()
    with session.cache.session() as s:
        assert outbox.pending_count(s) == 1

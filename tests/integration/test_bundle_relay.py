"""The relay path: an exchange-point clerk's connected client carries an isolated unit's 交换包 to
the server (as a blob), the server imports it with every check the CLI makes and its own exchange
key, and the answer comes back to the stick; only a user with the 交换站管理员 role may relay."""

import json
import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before Qt loads: the relay menu test

import pytest
from sqlalchemy import create_engine, text

from app.domain.bundles import EXCHANGE_POINT_ROLES
from app.domain.notices import NoticeDraft
from app.store.blobs import LocalBlobs
from sync.client.bundle_relay import relay_bundle
from sync.client.bundles import export_bundle, import_answer
from sync.client.transport import ServerRefused
from tests.support.bundle_exchange import EXCHANGE_LOGIN, party_of
from tests.support.headless_client import sign_in
from ui import bundle_actions
from ui.main_window.main_window import MainWindow
from ui.session import ClientSession
from ui.sync_runner import SyncRunner


@pytest.fixture
def server(bundle_server):
    return bundle_server


def set_roles(server, login: str, roles: list[str]) -> None:
    engine = create_engine(server.database_url)
    with engine.begin() as c:
        c.execute(text("UPDATE people SET roles = :r WHERE login = :l"), {"r": json.dumps(roles, ensure_ascii=False), "l": login})
    engine.dispose()


def test_a_clerk_with_the_exchange_point_role_relays_a_bundle_and_its_answer(server, tmp_path):
    # each test its own sender: the tests share one server and numbers bundles per sender certificate
    isolated = sign_in(server.url, server.ca_file, server.tokens_dir, "zhaoli", tmp_path / "isolated.sqlite")
    clerk = sign_in(server.url, server.ca_file, server.tokens_dir, EXCHANGE_LOGIN, tmp_path / "clerk.sqlite")
    set_roles(server, EXCHANGE_LOGIN, [])
    try:
        isolated.sync()
        party = party_of(isolated, server, tmp_path)
        isolated.notices.publish(NoticeDraft("经交换站转交的通知", "正文", isolated.user.unit_id))
        out, answer, carried = tmp_path / "out.xtb", tmp_path / "answer.xtb", LocalBlobs(tmp_path / "clerk-blobs", clerk.cache.blob_key)
        export_bundle(party, out)

        with pytest.raises(ServerRefused) as refused:  # no role yet
            relay_bundle(clerk.transport, carried, out, answer)
        assert (refused.value.status, refused.value.code) == (403, "bundle.not_exchange_point") and not answer.exists()

        set_roles(server, EXCHANGE_LOGIN, sorted(EXCHANGE_POINT_ROLES))
        done = relay_bundle(clerk.transport, carried, out, answer)
        assert (done.ops, done.applied) == (1, 1)
        assert import_answer(party, answer).applied == 1
        [notice] = [n for n in isolated.notices.notices() if n.title == "经交换站转交的通知"]
        assert not notice.pending

        with pytest.raises(ServerRefused) as refused:  # the server re-checks: the same bundle again is a replay
            relay_bundle(clerk.transport, carried, out, tmp_path / "again.xtb")
        assert (refused.value.status, refused.value.code) == (422, "bundle.replayed") and "已导入过" in refused.value.message
    finally:
        clerk.close()
        isolated.close()


def test_the_relay_menu_writes_the_answer_beside_the_bundle_and_says_a_refusal_in_words(qtbot, server, tmp_path, monkeypatch):
    """The file chooser is the platform's native dialog, which cannot run offscreen: answered here (mocked)."""
    isolated = sign_in(server.url, server.ca_file, server.tokens_dir, "liming", tmp_path / "isolated.sqlite")  # sequences are per sender certificate
    clerk = sign_in(server.url, server.ca_file, server.tokens_dir, EXCHANGE_LOGIN, tmp_path / "clerk.sqlite")
    set_roles(server, EXCHANGE_LOGIN, sorted(EXCHANGE_POINT_ROLES))
    try:
        isolated.sync()
        party = party_of(isolated, server, tmp_path)
        isolated.notices.publish(NoticeDraft("从菜单转交的通知", "正文", isolated.user.unit_id))
        stick = tmp_path / "U盘"
        stick.mkdir()
        out = export_bundle(party, stick / "liming.xtb").path
        monkeypatch.setattr(bundle_actions, "choose_file", lambda _parent, _title: str(out))
        session = ClientSession(server.url, clerk.cache, clerk.user, list(clerk.login.scopes), clerk.login.device_id, clerk.transport, None, online=True)
        carried = LocalBlobs(tmp_path / "relayed", clerk.cache.blob_key)
        win = MainWindow(session, SyncRunner(session), relay=lambda bundle, answer, progress: relay_bundle(clerk.transport, carried, bundle, answer, progress))
        qtbot.addWidget(win)
        [menu] = [a.menu() for a in win.menuBar().actions()]
        assert [a.text() for a in menu.actions()] == ["Relay an isolated unit's bundle…"]

        for expect_ok in (True, False):  # the second time the server refuses the replay
            dialog = win.bundles.relay()
            with qtbot.waitSignal(dialog.finished_work, timeout=60_000) as done:
                pass
            assert done.args == [expect_ok], dialog.status.text()
            if expect_ok:
                answer = stick / "liming-answer.xtb"
                assert str(answer) in dialog.status.text()
                assert import_answer(party, answer).applied == 1
            else:
                assert "已导入过" in dialog.status.text()
        win.close()
    finally:
        clerk.close()
        isolated.close()

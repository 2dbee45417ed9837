"""Render the client's windows offscreen into screenshots/*.png at 1366x768 (`make screenshots`).

Starts the real exchange server with demo data on a free loopback port (as the tests do), lets two colleagues act
(王晓燕 reads the demo notice and publishes one to her unit, 周强 reads the demo notice), then signs
in through the real login window as the demo user chenjg (陈建国), syncs, and captures the login
window, 待办, 通讯录 (tree and a search), 通知公告 with the demo notice open, 会议室 (tomorrow, with
王晓燕's bookings), 用车, an empty-state page and the publish dialog. Everything lives in a temporary folder; no real profile is touched.
"""

import os
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import datetime, timedelta
from datetime import time as dt_time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # run as a script from anywhere

from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from app.config import ClientConfig  # noqa: E402
from app.domain.notices import NoticeDraft  # noqa: E402
from app.domain.recurrence import ZONE  # noqa: E402
from app.identity.p12_key import load_p12_key  # noqa: E402
from tests.support.server_process import ServerProcess, start_server  # noqa: E402
from ui import appearance  # noqa: E402
from ui.dialogs.publish_notice_dialog import PublishNoticeDialog  # noqa: E402
from ui.login.login_window import LoginWindow  # noqa: E402
from ui.login.sign_in import sign_in  # noqa: E402
from ui.main_window.main_window import MainWindow  # noqa: E402
from ui.session import ClientSession  # noqa: E402
from ui.sync_runner import SyncOutcome, SyncRunner  # noqa: E402

OUT = ROOT / "screenshots"
SIZE = (1366, 768)
PEOPLE = 1000
USER, PIN = "陈建国", "123456"  # chooses the key by its holder's name
DEMO_NOTICE_ID = "demo-egov-plan-2012"
COLLEAGUE_NOTICE = (
    "关于报送2013年第一季度公文交换系统使用情况的通知",
    "办公室各处室：\n　　为做好公文交换系统的运行维护，请各处室于3月25日前报送本季度系统使用情况，"
    "包括收文、发文数量和使用中遇到的问题。\n　　联系人：王晓燕，电话：0513-85098001。",
)


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="xietong-screenshots-") as folder:
        os.environ["XIETONG_HOME"] = str(Path(folder) / "home")
        workdir = Path(folder) / "server"
        with start_server(workdir, f"sqlite:///{workdir / 'server.db'}", people=PEOPLE) as server:
            app = QApplication(sys.argv[:1])
            problems = appearance.apply(app, "zh_CN")
            if problems:
                sys.exit("; ".join(problems))
            colleagues_act(server)
            OUT.mkdir(exist_ok=True)
            session = shoot_login(server)
            shoot_main_window(session)
    print(f"screenshots written to {OUT}")
    return 0


def colleagues_act(server: ServerProcess) -> None:
    """What makes chenjg's screens lived-in: read receipts for his notice, a notice for his 待办."""
    for login in ("wangxy", "zhouqiang"):
        colleague = sign_in(load_p12_key(server.tokens_dir / f"{login}.p12"), PIN, config_of(server))
        engine = colleague.sync_engine()
        engine.sync_once()
        colleague.notices.mark_read(DEMO_NOTICE_ID)
        if login == "wangxy":
            colleague.notices.publish(NoticeDraft(*COLLEAGUE_NOTICE, audience=colleague.user.unit_id))
            colleague.bookings.request("u01-r1", "收文工作例会", _tomorrow(9), _tomorrow(10) + 1800, 6, invitees=("p2",))
            colleague.bookings.request("u01-r3", "电子政务推进会", _tomorrow(14), _tomorrow(16), 40)
            colleague.vehicles.request("赴如皋市调研电子政务建设", 3, "市政府", "如皋市人民政府", _tomorrow(8), _tomorrow(17))
        engine.sync_once()
        colleague.cache.close()


def config_of(server: ServerProcess) -> ClientConfig:
    return ClientConfig(server.url, str(server.tokens_dir), "zh_CN", {}, trust_anchors=server.ca_file)


def shoot_login(server: ServerProcess) -> ClientSession:
    login = LoginWindow(config_of(server))
    login.resize(*SIZE)
    login.choose_token(USER)
    login.pin.setText(PIN)
    login.show()
    save(login, "login")
    sessions: list[ClientSession] = []
    login.signed_in.connect(sessions.append)
    login.attempt()
    _wait(lambda: bool(sessions) or not login.working, 20, "signing in did not finish")
    if not sessions:
        sys.exit(f"signing in failed: {login.error.text()} {login.details.details()}")
    login.close()
    return sessions[0]


def shoot_main_window(session: ClientSession) -> None:
    runner = SyncRunner(session)
    window = MainWindow(session, runner)
    window.resize(*SIZE)
    window.show()
    outcomes: list[SyncOutcome] = []
    runner.finished.connect(outcomes.append)
    runner.start()
    _wait(lambda: bool(outcomes), 60, "the first sync did not finish")
    if not outcomes[0].online or outcomes[0].detail:
        sys.exit(f"the first sync failed: {outcomes[0]}")
    try:
        save(window, "todo")
        window.show_page("directory")
        tree = window.directory.tree
        tree.expand(tree.model().index(0, 0))
        tree.expand(tree.model().index(0, 0, tree.model().index(0, 0)))
        tree.setCurrentIndex(tree.model().index(0, 0, tree.model().index(0, 0, tree.model().index(0, 0))))
        save(window, "directory-tree")
        window.directory.search.setText("wxy")
        _wait(lambda: window.directory.results_model.rowCount() > 0, 5, "the directory search found nobody")
        window.directory.results.selectRow(0)
        save(window, "directory-search")
        window.show_page("notices")
        window.notices.open_notice(DEMO_NOTICE_ID)
        save(window, "notices")
        window.show_page("rooms")
        window.rooms.show_day(_tomorrow(12))
        save(window, "rooms")
        window.show_page("vehicles")
        save(window, "vehicles")
        window.show_page("incoming")
        save(window, "empty-state")
        window.show_page("notices")
        window.notices.create_new()
        dialog = window.notices.findChild(PublishNoticeDialog)
        dialog.title.setText("关于元旦放假的通知")
        dialog.body.setPlainText("各处室：\n　　根据国务院办公厅通知，1月1日放假一天。请各处室做好值班安排。")
        save(dialog, "publish-dialog")
        dialog.reject()
    finally:
        window.close()
        session.cache.close()


def _tomorrow(hour: int) -> int:
    """That hour tomorrow on the Shanghai clock, as UTC epoch seconds."""
    day = datetime.now(ZONE).date() + timedelta(days=1)
    return int(datetime.combine(day, dt_time(hour), ZONE).timestamp())


def save(widget: QWidget, name: str) -> None:
    _settle()
    path = OUT / f"{name}.png"
    if not widget.grab().save(str(path)):
        sys.exit(f"could not write {path}")
    print(f"  {path.relative_to(ROOT)}")


def _settle() -> None:
    """Let timers (the search pause, deferred mark-read) and layouts run before a capture."""
    deadline = time.monotonic() + 0.4
    while time.monotonic() < deadline:
        QApplication.processEvents()
        time.sleep(0.02)


def _wait(done: Callable[[], bool], seconds: float, failure: str) -> None:
    deadline = time.monotonic() + seconds
    while not done():
        if time.monotonic() > deadline:
            sys.exit(failure)
        QApplication.processEvents()
        time.sleep(0.05)


if __name__ == "__main__":
    sys.exit(main())

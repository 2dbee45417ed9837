"""`xietong --smoke`: the packaging check. Loads every resource, opens the login window and the
main window (offscreen, over an empty temporary cache, for a placeholder offline user, never
touching the network) and reports what is missing. Exit 0 means the build is whole."""

import os
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication

from app.config import ClientConfig
from app.services.account import User
from app.store.cache import open_cache
from sync.client.transport import Transport
from ui import icons
from ui.login.login_window import LoginWindow
from ui.main_window.main_window import MainWindow
from ui.session import ClientSession
from ui.sync_runner import SyncRunner


def run(app: QApplication, config: ClientConfig, problems: list[str]) -> int:
    problems = problems + [f"icon {name}.svg is missing or not valid SVG" for name in icons.missing()]
    with tempfile.TemporaryDirectory(prefix="xietong-smoke-") as folder:
        cache = open_cache(Path(folder) / "smoke.sqlite", os.urandom(32))
        try:
            _open_windows(app, config, ClientSession(config.server_url, cache, _placeholder_user(), [], "dev-smoke", Transport(config.server_url), None, online=False))
        finally:
            cache.close()
    for problem in problems:
        print(f"xietong --smoke: {problem}", file=sys.stderr)
    if problems:
        return 1
    print("xietong --smoke: ok")
    return 0


def _open_windows(app: QApplication, config: ClientConfig, session: ClientSession) -> None:
    login = LoginWindow(config)
    login.show()
    runner = SyncRunner(session)  # never started: the smoke check must not reach for a server
    window = MainWindow(session, runner)
    window.show()
    app.processEvents()
    window.close()
    login.close()


def _placeholder_user() -> User:
    name = QCoreApplication.translate("Smoke", "Offline check")
    return User("smoke", "smoke", name, "smoke-unit", name, "smoke-department", ())

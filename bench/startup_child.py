"""Run as a child process by bench/startup.py: the real client from interpreter start to the login
window, then an online login as a demo user until the main window has synced. Prints two lines:
`login_window_ms <ms since the parent started this process>` and `rss_mb <MB>`."""

import sys
import time

import psutil
from PySide6.QtWidgets import QApplication

from app.config import load
from ui import appearance
from ui.client_controller import ClientController

TIMEOUT_S = 60


def main(spawned_at: float, server_url: str, token_dir: str, trust_anchors: str) -> None:
    app = QApplication(sys.argv[:1])
    config = load({"server_url": server_url, "token_dir": token_dir, "trust_anchors": trust_anchors})
    appearance.apply(app, config.language)
    controller = ClientController(config)
    controller.start()
    _wait(app, controller.login.isVisible)
    print(f"login_window_ms {(time.time() - spawned_at) * 1000:.0f}", flush=True)

    controller.login.choose_token("王晓燕")
    controller.login.pin.setText("123456")
    controller.login.attempt()
    _wait(app, lambda: controller.window is not None and controller.window.isVisible())
    synced: list[object] = []
    controller.runner.finished.connect(synced.append)
    _wait(app, lambda: bool(synced))
    print(f"rss_mb {psutil.Process().memory_info().rss / 2**20:.0f}", flush=True)
    controller.window.close()  # stops the sync thread before the process ends
    app.processEvents()


def _wait(app: QApplication, done) -> None:
    deadline = time.monotonic() + TIMEOUT_S
    while not done():
        if time.monotonic() > deadline:
            raise SystemExit("timed out")
        app.processEvents()
        time.sleep(0.002)


if __name__ == "__main__":
    main(float(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4])

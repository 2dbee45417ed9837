"""A real Secret Service (the Linux desktop keyring) for the tests: a private D-Bus session bus
and gnome-keyring-daemon with an unlocked login keyring in a temporary home, as a desktop login
would leave them."""

import os
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

LOGIN_PASSWORD = b"login-password"


@contextmanager
def secret_service(home: Path) -> Iterator[dict[str, str]]:
    """Yield the environment (DBUS_SESSION_BUS_ADDRESS, HOME, XDG_*) under which the keyring runs."""
    runtime = home / "run"
    runtime.mkdir(parents=True, mode=0o700)
    env = {**os.environ, "HOME": str(home), "XDG_DATA_HOME": str(home / "share"), "XDG_RUNTIME_DIR": str(runtime)}
    bus = subprocess.Popen(["dbus-daemon", "--session", "--nofork", "--print-address=1"], env=env, stdout=subprocess.PIPE, text=True)
    try:
        env["DBUS_SESSION_BUS_ADDRESS"] = bus.stdout.readline().strip()
        daemon = subprocess.Popen(
            ["gnome-keyring-daemon", "--foreground", "--unlock", "--components=secrets"],
            env=env, stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        try:
            daemon.stdin.write(LOGIN_PASSWORD)
            daemon.stdin.close()
            _wait_for_service(env)
            yield {k: env[k] for k in ("HOME", "XDG_DATA_HOME", "XDG_RUNTIME_DIR", "DBUS_SESSION_BUS_ADDRESS")}
        finally:
            daemon.terminate()
            daemon.wait(10)
    finally:
        bus.terminate()
        bus.wait(10)


def _wait_for_service(env: dict[str, str]) -> None:
    # The daemon claims org.freedesktop.secrets a moment after it starts.
    for _ in range(200):
        names = subprocess.run(
            ["dbus-send", "--session", "--print-reply", "--dest=org.freedesktop.DBus", "/org/freedesktop/DBus", "org.freedesktop.DBus.ListNames"],
            env=env, capture_output=True, text=True, timeout=10,
        ).stdout
        if "org.freedesktop.secrets" in names:
            return
        time.sleep(0.05)
    raise RuntimeError("gnome-keyring-daemon did not come up on the test session bus")

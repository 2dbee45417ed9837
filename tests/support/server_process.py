"""Run the real exchange server as a child process on a free loopback port (no pytest needed).

    server = start_server(workdir, "sqlite:///" + str(workdir / "server.db"), people=200, tokens_dir=workdir / "tokens")
    try:
        requests.get(server.url + "/health")
        server.stop(); ...; server.restart()   # same port, same database
    finally:
        server.stop()

init-demo fills the database first (--reset: whatever was there is replaced) and makes a demo CA
in workdir/pki; the demo users' .p12 files land in tokens_dir (PIN 123456). The server speaks
HTTPS with a certificate from that CA; clients trust `server.ca_file`. Output of every child goes to files in workdir:
init-demo.log and server.log (appended to across restarts).
"""

import os
import signal
import socket
import ssl
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

START_TIMEOUT_S = 30.0
STOP_TIMEOUT_S = 10.0


class ServerFailed(RuntimeError):
    """The server process did not come up; the message carries the end of its log."""


@dataclass
class ServerProcess:
    workdir: Path
    database_url: str
    tokens_dir: Path
    port: int
    people: int
    serve_args: tuple[str, ...] = ()  # more `serve` flags, e.g. ("--config", "server.toml")
    process: subprocess.Popen | None = field(default=None, repr=False)

    @property
    def url(self) -> str:
        return f"https://127.0.0.1:{self.port}"

    @property
    def pki_dir(self) -> Path:
        return self.workdir / "pki"

    @property
    def ca_file(self) -> str:
        """The demo root CA: what a client configures as its trust anchors."""
        return str(self.pki_dir / "root-ca" / "ca.pem")

    @property
    def log_path(self) -> Path:
        return self.workdir / "server.log"

    def start(self) -> "ServerProcess":
        """Start `serve` (unless it runs already) and wait until /health answers."""
        if self.running:
            return self
        with self.log_path.open("ab") as log:
            self.process = subprocess.Popen(
                _cli(
                    "serve", "--host", "127.0.0.1", "--port", str(self.port), "--database-url", self.database_url,
                    "--tls-cert-file", str(self.pki_dir / "tls.pem"), "--tls-key-file", str(self.pki_dir / "tls.key.pem"), *self.serve_args,
                ),  # fmt: skip
                cwd=self.workdir,
                stdout=log,
                stderr=subprocess.STDOUT,
                env=_child_env(),
            )
        self._wait_healthy()
        return self

    def stop(self) -> None:
        """SIGTERM (graceful shutdown), then SIGKILL if it lingers."""
        if self.process is None or self.process.poll() is not None:
            return
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(STOP_TIMEOUT_S)
        except subprocess.TimeoutExpired:
            self.kill()

    def kill(self) -> None:
        """SIGKILL: a crash, as far as the server can tell."""
        if self.process is not None and self.process.poll() is None:
            self.process.kill()
            self.process.wait()

    def restart(self) -> "ServerProcess":
        """Stop (if running) and start again on the same port and database."""
        self.stop()
        return self.start()

    @property
    def running(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def __enter__(self) -> "ServerProcess":
        return self

    def __exit__(self, *_exc: object) -> None:
        self.stop()

    def _wait_healthy(self) -> None:
        deadline = time.monotonic() + START_TIMEOUT_S
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise ServerFailed(f"the server exited with {self.process.returncode}:\n{_tail(self.log_path)}")
            try:
                with urllib.request.urlopen(self.url + "/health", timeout=1, context=ssl.create_default_context(cafile=self.ca_file)) as answer:
                    if answer.status == 200:
                        return
            except (urllib.error.URLError, OSError):
                pass
            time.sleep(0.1)
        self.kill()
        raise ServerFailed(f"the server did not answer /health within {START_TIMEOUT_S:.0f} s:\n{_tail(self.log_path)}")


def start_server(workdir: Path, database_url: str, people: int = 200, tokens_dir: Path | None = None, port: int | None = None, serve_args: tuple[str, ...] = ()) -> ServerProcess:
    """Prepare the demo deployment in `database_url`, then start the server. tokens_dir defaults
    to workdir/tokens; port to a free one."""
    workdir.mkdir(parents=True, exist_ok=True)
    tokens_dir = tokens_dir or workdir / "tokens"
    init_demo(workdir, database_url, people, tokens_dir)
    return ServerProcess(workdir, database_url, tokens_dir, port or free_port(), people, serve_args).start()


def init_demo(workdir: Path, database_url: str, people: int, tokens_dir: Path) -> None:
    log_path = workdir / "init-demo.log"
    with log_path.open("ab") as log:
        done = subprocess.run(
            _cli("init-demo", "--reset", "--people", str(people), "--tokens", str(tokens_dir), "--pki", str(workdir / "pki"), "--database-url", database_url),
            cwd=workdir,
            stdout=log,
            stderr=subprocess.STDOUT,
            env=_child_env(),
            timeout=120,
        )
    if done.returncode != 0:
        raise ServerFailed(f"init-demo exited with {done.returncode}:\n{_tail(log_path)}")


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _cli(*args: str) -> list[str]:
    return [sys.executable, "-m", "sync.server.cli", *args]


def _child_env() -> dict[str, str]:
    # Settings come from the flags alone: a developer's XIETONG_SERVER_* variables stay out.
    env = {k: v for k, v in os.environ.items() if not k.startswith("XIETONG_SERVER_")}
    return {**env, "PYTHONUNBUFFERED": "1"}


def _tail(path: Path, lines: int = 40) -> str:
    try:
        return "\n".join(path.read_text(encoding="utf-8", errors="replace").splitlines()[-lines:])
    except OSError:
        return "(no log)"


def run_cli(server: ServerProcess, *args: str) -> subprocess.CompletedProcess[str]:
    """Run another `xietong-server` command beside the running server: the same database and
    working folder (so the same blob_dir)."""
    return subprocess.run(_cli(*args, "--database-url", server.database_url), cwd=server.workdir, env=_child_env(), capture_output=True, text=True, timeout=120)

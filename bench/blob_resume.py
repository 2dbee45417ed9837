"""blob.resume_mb_per_s: upload a 200 MB file to a real server process, SIGKILL the server half
way, restart it, resume from the server's offset; MB per second over the whole wall time
(including the restart). The resumed upload starts at the offset the server reports."""

import os
import tempfile
import threading
import time
from pathlib import Path

from app.store.blobs import LocalBlobs
from sync.client.blobs import BlobTransfer
from sync.client.transport import ServerUnreachable
from tests.support.headless_client import sign_in
from tests.support.server_process import start_server

SIZE_MB = 200


def run() -> list[tuple[str, float, str]]:
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        server = start_server(work / "server", f"sqlite:///{work}/server.db", people=50, tokens_dir=work / "tokens")
        try:
            source = work / "big.bin"
            with source.open("wb") as f:
                for _ in range(SIZE_MB):
                    f.write(os.urandom(1024 * 1024))
            local = LocalBlobs(work / "blobs", os.urandom(32))
            sha = local.add(source)
            client = sign_in(server.url, server.ca_file, work / "tokens", "wangxy", work / "cache.sqlite")
            transfer = BlobTransfer(client.transport, local)
            killed = threading.Event()

            def progress(done: int, total: int) -> None:
                if done >= total // 2 and not killed.is_set():
                    killed.set()
                    server.kill()

            start = time.perf_counter()
            try:
                transfer.upload(sha, progress)
            except ServerUnreachable:
                pass
            server.start()
            resumed_at = client.transport.blob_status(sha).offset
            assert killed.is_set() and resumed_at > 0, "the upload was cut and resumes where the server stopped"
            transfer.upload(sha)
            elapsed = time.perf_counter() - start
            assert client.transport.blob_status(sha).state == "complete"
            client.close()
        finally:
            server.stop()
    return [("blob.resume_mb_per_s", round(SIZE_MB / elapsed, 1), "MB/s")]

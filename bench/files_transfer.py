"""files.upload_mb_per_s and files.download_mb_per_s: a 1 GB file put into the unit cabinet by
one client (the op, then the blob in resumable chunks, over HTTPS on loopback to a real server
process) and opened by a colleague's client (downloaded, verified, moved into its store). Each
figure is MB over the wall time of the transfer step alone (the local copy into the sender's
store and the sha256 of the source are left out)."""

import os
import tempfile
import time
from pathlib import Path

from tests.support.headless_client import sign_in
from tests.support.server_process import start_server

SIZE_MB = 1024
BLOCK = 1024 * 1024


def run() -> list[tuple[str, float, str]]:
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        server = start_server(work / "server", f"sqlite:///{work}/server.db", people=50, tokens_dir=work / "tokens")
        try:
            source = work / "big.bin"
            with source.open("wb") as f:
                for _ in range(SIZE_MB):
                    f.write(os.urandom(BLOCK))
            sender = sign_in(server.url, server.ca_file, work / "tokens", "wangxy", work / "sender.sqlite")
            reader = sign_in(server.url, server.ca_file, work / "tokens", "liming", work / "reader.sqlite")
            file_id = sender.files.upload(sender.files.unit_cabinet, source, level="公开")
            source.unlink()  # the sender's store holds its copy; keep the disk use down
            start = time.perf_counter()
            sender.sync()
            upload_s = time.perf_counter() - start
            reader.sync()
            start = time.perf_counter()
            reader.files.open_path(file_id)
            download_s = time.perf_counter() - start
            sender.close()
            reader.close()
        finally:
            server.stop()
    return [("files.upload_mb_per_s", round(SIZE_MB / upload_s, 1), "MB/s"), ("files.download_mb_per_s", round(SIZE_MB / download_s, 1), "MB/s")]

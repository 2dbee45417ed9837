"""A file of exactly the 2 GB limit goes up through the real server process and comes down to a
colleague whole (`make soak`: minutes of transfer, too slow for every run; the limit check itself
is in tests/integration/test_file_sharing.py)."""

from app.domain.files import MAX_FILE_BYTES
from app.store.blobs import sha256_file
from tests.support.headless_client import sign_in
from tests.support.server_process import start_server


def test_a_two_gb_file_round_trips(tmp_path):
    server = start_server(tmp_path / "server", f"sqlite:///{tmp_path / 'server.db'}", people=20)
    try:
        sender = sign_in(server.url, server.ca_file, server.tokens_dir, "wangxy", tmp_path / "sender.sqlite")
        reader = sign_in(server.url, server.ca_file, server.tokens_dir, "liming", tmp_path / "reader.sqlite")
        source = tmp_path / "光盘镜像.iso"
        with source.open("wb") as f:  # sparse: the bytes are read as zeros, no disk is spent here
            f.truncate(MAX_FILE_BYTES)
        file_id = sender.files.upload(sender.files.unit_cabinet, source, level="公开")
        sender.sync()
        reader.sync()
        received = reader.files.open_path(file_id)
        assert received.stat().st_size == MAX_FILE_BYTES and sha256_file(received) == sha256_file(source)
        sender.close()
        reader.close()
    finally:
        server.stop()

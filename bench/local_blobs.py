"""files.local_encrypt_mb_per_s and files.local_decrypt_mb_per_s: a 512 MB file put into the
encrypted local store (read, SHA-256, AES-GCM frames, fsync, rename: `LocalBlobs.add`) and
written out again decrypted (`LocalBlobs.export`, as for opening or save-as). For comparison,
files.local_copy_mb_per_s is the plain copy the store made before it was encrypted."""

import os
import shutil
import tempfile
import time
from pathlib import Path

from app.store.blobs import LocalBlobs

SIZE_MB = int(os.environ.get("XIETONG_BENCH_LOCAL_MB", "512"))
BLOCK = 1024 * 1024


def run() -> list[tuple[str, float, str]]:
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        source = work / "big.bin"
        with source.open("wb") as f:
            for _ in range(SIZE_MB):
                f.write(os.urandom(BLOCK))
        blobs = LocalBlobs(work / "blobs", os.urandom(32))
        start = time.perf_counter()
        sha = blobs.add(source)
        encrypt_s = time.perf_counter() - start
        start = time.perf_counter()
        blobs.export(sha, work / "opened.bin")
        decrypt_s = time.perf_counter() - start
        start = time.perf_counter()
        shutil.copyfile(source, work / "copy.bin")
        copy_s = time.perf_counter() - start
    return [
        ("files.local_encrypt_mb_per_s", round(SIZE_MB / encrypt_s, 1), "MB/s"),
        ("files.local_decrypt_mb_per_s", round(SIZE_MB / decrypt_s, 1), "MB/s"),
        ("files.local_copy_mb_per_s", round(SIZE_MB / copy_s, 1), "MB/s"),
    ]

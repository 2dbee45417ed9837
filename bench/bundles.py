"""bundle.export_mb_per_s and bundle.import_mb_per_s: a 交换包 of 10,000 ops and 500 MB of files
(50 files of 10 MB), written and then imported (both checking passes and the files stored), in
MB of bundle per second. The format alone, on the local disk: no server, no cache. Set
XIETONG_BENCH_BUNDLE_MB for a smaller run."""

import os
import tempfile
import time
from pathlib import Path

from app.store.blobs import LocalBlobs
from sync.bundle.reader import Expectation, open_bundle
from sync.bundle.writer import BundleWriter
from sync.protocol import Op, PushRequest
from tests.support.bundle_parties import NOW, new_ca, party, trust

OPS = 10_000
FILE_MB = 10
MB = 1024 * 1024


def run() -> list[tuple[str, float, str]]:
    total_mb = int(os.environ.get("XIETONG_BENCH_BUNDLE_MB", "500"))
    ca = new_ca()
    clerk, exchange = party(ca, "张三", "如东县保密局"), party(ca, "交换站", "南通市人民政府办公室")
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        files = LocalBlobs(work / "sent")
        shas = [files.add(_random_file(work / "f.bin", FILE_MB)) for _ in range(max(1, total_mb // FILE_MB))]
        bundle = work / "out.xtb"
        start = time.perf_counter()
        with BundleWriter(bundle, "ops", clerk.signer, exchange.certificate, 1) as w:
            for sha in shas:
                w.add_blob(sha, files.path(sha))
            for first in range(0, OPS, 200):
                ops = [Op(op_id=f"op-{i}", client_seq=i + 1, name="notice.publish", args={"title": f"通知 {i}", "body": "正文" * 100}) for i in range(first, first + 200)]
                w.add("push", PushRequest(device_id="dev-1", ops=ops).model_dump(mode="json"))
            w.close()
        exported = time.perf_counter() - start
        size_mb = bundle.stat().st_size / MB
        received = LocalBlobs(work / "received")
        expect = Expectation("ops", exchange.key, exchange.certificate, trust(ca), lambda _sender: 0, NOW)
        start = time.perf_counter()
        for record in open_bundle(bundle, expect).records():
            if record.blob is not None:
                received.write(record.body["sha256"], record.blob)
        imported = time.perf_counter() - start
    return [("bundle.export_mb_per_s", round(size_mb / exported, 1), "MB/s"), ("bundle.import_mb_per_s", round(size_mb / imported, 1), "MB/s")]


def _random_file(path: Path, mb: int) -> Path:
    with path.open("wb") as f:
        for _ in range(mb):
            f.write(os.urandom(MB))
    return path

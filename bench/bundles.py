"""bundle.export_mb_per_s and bundle.import_mb_per_s: a 交换包 of 10,000 ops and 500 MB of files
(50 files of 10 MB), written and then imported (both checking passes and the files stored), in
MB of bundle per second. The format alone, on the local disk: no server, no cache. The same with
the national algorithms (SM2 keys from an OpenSSL-made SM2 CA, SM4-GCM frames):
bundle.export_sm4_mb_per_s and bundle.import_sm4_mb_per_s. Set XIETONG_BENCH_BUNDLE_MB for a
smaller run."""

import datetime as dt
import os
import tempfile
import time
from pathlib import Path

from cryptography import x509

from app.identity.chain import TrustMaterial
from app.identity.signer import Signer
from app.identity.sm2_key import load_sm2_key
from app.store.blobs import LocalBlobs
from sync.bundle import policy
from sync.bundle.keywrap import receiver_key_of
from sync.bundle.reader import Expectation, open_bundle
from sync.bundle.writer import BundleWriter
from sync.protocol import Op, PushRequest
from tests.support import openssl_sm2
from tests.support.bundle_parties import new_ca, party, trust

OPS = 10_000
FILE_MB = 10
MB = 1024 * 1024
PIN = "12345678"


def run() -> list[tuple[str, float, str]]:
    total_mb = int(os.environ.get("XIETONG_BENCH_BUNDLE_MB", "500"))
    ca = new_ca()
    clerk, exchange = party(ca, "张三", "如东县保密局"), party(ca, "交换站", "南通市人民政府办公室")
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        files = LocalBlobs(work / "sent", key := os.urandom(32))
        shas = [files.add(_random_file(work / "f.bin", FILE_MB)) for _ in range(max(1, total_mb // FILE_MB))]
        standard = _measure(work, files, key, shas, clerk.signer, exchange.signer, trust(ca), policy.STANDARD)
        sm2_clerk, sm2_exchange, sm2_trust = _sm2_parties(work / "sm2")
        national = _measure(work, files, key, shas, sm2_clerk, sm2_exchange, sm2_trust, policy.NATIONAL)
    return [
        ("bundle.export_mb_per_s", standard[0], "MB/s"), ("bundle.import_mb_per_s", standard[1], "MB/s"),
        ("bundle.export_sm4_mb_per_s", national[0], "MB/s"), ("bundle.import_sm4_mb_per_s", national[1], "MB/s"),
    ]  # fmt: skip


def _measure(work: Path, files: LocalBlobs, key: bytes, shas: list[str], sender: Signer, receiver: Signer, material: TrustMaterial, algorithms: str) -> tuple[float, float]:
    bundle = work / f"out-{algorithms}.xtb"
    start = time.perf_counter()
    with BundleWriter(bundle, "ops", sender, receiver.certificate, 1, algorithms=algorithms) as w:
        for sha in shas:
            w.add_blob_pieces(sha, files.size(sha), files.read(sha))
        for first in range(0, OPS, 200):
            ops = [Op(op_id=f"op-{i}", client_seq=i + 1, name="notice.publish", args={"title": f"通知 {i}", "body": "正文" * 100}) for i in range(first, first + 200)]
            w.add("push", PushRequest(device_id="dev-1", ops=ops).model_dump(mode="json"))
        w.close()
    exported = time.perf_counter() - start
    size_mb = bundle.stat().st_size / MB
    received = LocalBlobs(work / f"received-{algorithms}", key)
    expect = Expectation("ops", receiver_key_of(receiver), receiver.certificate, material, lambda _sender: 0, dt.datetime.now(dt.timezone.utc), algorithms=algorithms)
    start = time.perf_counter()
    for record in open_bundle(bundle, expect).records():
        if record.blob is not None:
            received.write(record.body["sha256"], record.blob)
    imported = time.perf_counter() - start
    bundle.unlink()
    return round(size_mb / exported, 1), round(size_mb / imported, 1)


def _sm2_parties(folder: Path) -> tuple[Signer, Signer, TrustMaterial]:
    pki = openssl_sm2.make(folder)
    clerk = load_sm2_key(openssl_sm2.add_person(pki, "clerk", "张三", "如东县保密局", PIN)).unlock(PIN)
    exchange = load_sm2_key(openssl_sm2.add_person(pki, "exchange", "交换站", "南通市人民政府办公室", PIN)).unlock(PIN)
    material = TrustMaterial([x509.load_pem_x509_certificate(pki.root.read_bytes())], crls=[x509.load_pem_x509_crl(pki.crl.read_bytes())])
    return clerk, exchange, material


def _random_file(path: Path, mb: int) -> Path:
    with path.open("wb") as f:
        for _ in range(mb):
            f.write(os.urandom(MB))
    return path

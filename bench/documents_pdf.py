"""公文 PDF figures: the sample document (通政办发〔2012〕216号, 18 pages) to an issued PDF per
GB/T 9704: rendered with the unit's seal (the demo seal) and signed with the unit's key (a .p12
from a throwaway CA; a USB key adds its own signing time).

The first render in a process subsets the Noto CJK fonts and converts them to TrueType; later
renders of the same characters reuse them. `docs.seal_pdf_token_ms` is the client's whole 用印
after the PIN: unlock the seal key on a SoftHSM2 token, render with the seal, sign on the token.
"""

import datetime as dt
import statistics
import tempfile
import time
from pathlib import Path

from cryptography.hazmat.primitives.serialization import Encoding

from app.documents.demo_seal import demo_seal_png
from app.documents.official_document import OfficialDocument
from app.documents.pdf_render import render_pdf
from app.documents.pdf_signature import sign_pdf
from app.identity import pkcs11_key
from app.identity.p12_key import P12Signer, load_p12_key
from app.services.unit_seal import SealJob, UnitSeal, sealed_pdf
from sync.server.pki import ca as authority
from tests.support import softhsm
from tests.support.documents import nantong_sample
from tests.support.pki import DEMO_PIN, write_p12

WARM_ROUNDS = 5


def run() -> list[tuple[str, float, str]]:
    document = nantong_sample()
    seal = demo_seal_png(document.meta.issuer_name)
    with tempfile.TemporaryDirectory() as folder:
        signer = load_p12_key(write_p12(Path(folder), "unit", document.meta.issuer_name, document.meta.issuer_name)).unlock(DEMO_PIN)
    cold_ms = _timed(document, seal, signer)
    warm_ms = [_timed(document, seal, signer) for _ in range(WARM_ROUNDS)]
    with tempfile.TemporaryDirectory() as folder:
        job = _seal_on_token(Path(folder), document.meta.issuer_name, seal)
        token_ms = []
        for _ in range(WARM_ROUNDS):
            start = time.perf_counter()
            sealed_pdf(document, job, DEMO_PIN)
            token_ms.append((time.perf_counter() - start) * 1000)
    return [
        ("docs.pdf_render_cold_ms", round(cold_ms), "ms"),
        ("docs.pdf_render_ms", round(statistics.median(warm_ms)), "ms"),
        ("docs.seal_pdf_token_ms", round(statistics.median(token_ms)), "ms"),
    ]


def _seal_on_token(folder: Path, unit_name: str, seal: bytes) -> SealJob:
    softhsm.start(folder).new_token("seal-bench", DEMO_PIN)
    key_id, public_key = pkcs11_key.generate_key(softhsm.MODULE, "seal-bench", DEMO_PIN, "unit-seal")
    ca = authority.new_root_ca("测试根CA", "测试", dt.datetime.now(dt.timezone.utc))
    cert = authority.issue_unit_certificate(ca, public_key, unit_name, "测试", unit_name, dt.datetime.now(dt.timezone.utc)).public_bytes(Encoding.DER)
    pkcs11_key.store_certificate(softhsm.MODULE, "seal-bench", DEMO_PIN, key_id, cert, "unit-seal")
    [key] = [k for k in pkcs11_key.find_pkcs11_keys(softhsm.MODULE) if k.token_label == "seal-bench"]
    return SealJob(UnitSeal("u01", cert, (), seal), key)


def _timed(document: OfficialDocument, seal: bytes, signer: P12Signer) -> float:
    start = time.perf_counter()
    sign_pdf(render_pdf(document, seal_png=seal), signer, reason="签发", location=document.meta.issuer_name)
    return (time.perf_counter() - start) * 1000

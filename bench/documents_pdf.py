"""公文 PDF figures: the sample document (通政办发〔2012〕216号, 18 pages) to an issued PDF per
GB/T 9704: rendered with the unit's seal (the demo seal) and signed with the unit's key (a .p12
from a throwaway CA; a USB key adds its own signing time).

The first render in a process subsets the Noto CJK fonts and converts them to TrueType; later
renders of the same characters reuse them.
"""

import statistics
import tempfile
import time
from pathlib import Path

from app.documents.demo_seal import demo_seal_png
from app.documents.official_document import OfficialDocument
from app.documents.pdf_render import render_pdf
from app.documents.pdf_signature import sign_pdf
from app.identity.p12_key import P12Signer, load_p12_key
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
    return [
        ("docs.pdf_render_cold_ms", round(cold_ms), "ms"),
        ("docs.pdf_render_ms", round(statistics.median(warm_ms)), "ms"),
    ]


def _timed(document: OfficialDocument, seal: bytes, signer: P12Signer) -> float:
    start = time.perf_counter()
    sign_pdf(render_pdf(document, seal_png=seal), signer, reason="签发", location=document.meta.issuer_name)
    return (time.perf_counter() - start) * 1000

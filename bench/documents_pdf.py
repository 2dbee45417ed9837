"""公文 PDF figures: the sample document (通政办发〔2012〕216号, 18 pages) to a GB/T 9704 PDF.

The first render in a process subsets the Noto CJK fonts and converts them to TrueType; later
renders of the same characters reuse them. Not signed yet (the PDF signature comes with the signer).
"""

import statistics
import time

from app.documents.pdf_render import render_pdf
from tests.support.documents import nantong_sample

WARM_ROUNDS = 5


def run() -> list[tuple[str, float, str]]:
    document = nantong_sample()
    start = time.perf_counter()
    render_pdf(document)
    cold_ms = (time.perf_counter() - start) * 1000
    warm_ms = []
    for _ in range(WARM_ROUNDS):
        start = time.perf_counter()
        render_pdf(document)
        warm_ms.append((time.perf_counter() - start) * 1000)
    return [
        ("docs.pdf_render_cold_ms", round(cold_ms), "ms"),
        ("docs.pdf_render_ms", round(statistics.median(warm_ms)), "ms"),
    ]

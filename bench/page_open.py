"""How long a page takes to open offscreen: built, filled from the cache, shown, laid out and
painted once. The first round warms imports and Qt's caches and is left out of the median."""

import os
import statistics
import time
from collections.abc import Callable


def median_open_ms(make_page: Callable[[], object], rounds: int) -> float:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    samples = []
    for _ in range(rounds + 1):
        start = time.perf_counter()
        page = make_page()
        page.refresh()
        page.resize(1180, 700)
        page.show()
        app.processEvents()  # the expose: laid out and painted once
        samples.append((time.perf_counter() - start) * 1000)
        page.close()
        page.deleteLater()
        app.processEvents()
    return round(statistics.median(samples[1:]), 1)

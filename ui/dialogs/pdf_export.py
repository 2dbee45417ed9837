"""公文 to a GB/T 9704 PDF file, rendered on the thread pool (the first render in a process
subsets and converts the fonts, which takes seconds) while a progress dialog says so; 用印 also
places the unit's seal and signs the file on the seal keeper's USB key there."""

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QFileDialog, QProgressDialog, QWidget

from app.documents.official_document import OfficialDocument
from app.documents.pdf_fonts import FontMissing
from app.documents.pdf_render import render_pdf
from app.identity.signer import KeyRemoved, PinLocked, TokenUnreadable, WrongPin
from app.services.unit_seal import SealJob, sealed_pdf
from ui.background import BackgroundCall
from ui.text import fill


def write_pdf(doc: OfficialDocument, path: Path) -> Path:
    path.write_bytes(render_pdf(doc))
    return path


def write_sealed_pdf(doc: OfficialDocument, job: SealJob, pin: str, path: Path) -> Path:
    path.write_bytes(sealed_pdf(doc, job, pin))
    return path


class PdfExport(QObject):
    finished = Signal(str)  # the written file
    failed = Signal(str, str)  # words for the user, technical details

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self._parent = parent
        self.progress: QProgressDialog | None = None

    def choose_and_export(self, doc: OfficialDocument) -> None:
        name, _ = QFileDialog.getSaveFileName(self._parent, self.tr("Export as PDF"), f"{doc.meta.title}.pdf", self.tr("PDF files (*.pdf)"))
        if name:
            self.export(doc, Path(name))

    def export(self, doc: OfficialDocument, path: Path) -> None:
        self._run(lambda: write_pdf(doc, path), path, self.tr("Laying out the document as GB/T 9704…"))

    def export_sealed(self, doc: OfficialDocument, job: SealJob, pin: str, path: Path) -> None:
        """用印: the seal over the 成文日期, then the unit's PDF signature made on its USB key."""
        self._run(lambda: write_sealed_pdf(doc, job, pin, path), path, self.tr("Placing the seal and signing with the unit's key…"))

    def _run(self, work: Callable[[], Path], path: Path, words: str) -> None:
        self.progress = QProgressDialog(words, "", 0, 0, self._parent)
        self.progress.setWindowTitle(self.tr("Export as PDF"))
        self.progress.setCancelButton(None)  # reportlab and the token cannot stop half-way; they finish in seconds
        self.progress.setWindowModality(Qt.WindowModality.WindowModal)
        self.progress.setMinimumDuration(0)
        self.progress.show()
        call = BackgroundCall(work, self)
        call.succeeded.connect(self._done)
        call.failed.connect(lambda exc: self._failed(path, exc))
        call.succeeded.connect(call.deleteLater)
        call.failed.connect(call.deleteLater)
        call.start()

    def _done(self, path: Path) -> None:
        self._close_progress()
        self.finished.emit(str(path))

    def _failed(self, path: Path, exc: Exception) -> None:
        self._close_progress()
        if isinstance(exc, WrongPin):
            words = self.tr("The PIN of the seal key is wrong. Nothing was sealed or written.")
        elif isinstance(exc, PinLocked):
            words = self.tr("The seal key is locked after too many wrong PINs. Ask IT to unblock it.")
        elif isinstance(exc, KeyRemoved):
            words = self.tr("The seal key was pulled out while signing. Plug it in and seal again.")
        elif isinstance(exc, TokenUnreadable):
            words = self.tr("The seal key cannot be read. Plug it in again, or ask IT.")
        elif isinstance(exc, FontMissing):
            words = self.tr("A font the document needs is not installed. Ask IT to install the fonts named below.")
        elif isinstance(exc, OSError):
            words = fill(self.tr("The file %1 cannot be written. Choose another folder."), str(path))
        else:
            words = self.tr("The PDF could not be made.")
        self.failed.emit(words, f"{type(exc).__name__}: {exc}")

    def _close_progress(self) -> None:
        if self.progress is not None:
            self.progress.close()
            self.progress.deleteLater()
            self.progress = None

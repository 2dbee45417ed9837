"""The 交换包 menu of an isolated unit's client: export the waiting work to a folder (the USB
stick), import the exchange point's answer from it. Shown only when the machine has an
exchange point configured (exchange_certificate)."""

import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QWidget

from sync.client.bundles import AnswerReport, BundleParty, ExportReport, export_bundle, import_answer
from ui.dialogs.bundle_dialog import BundleDialog
from ui.text import fill

SUFFIX = ".xtb"


def choose_folder(parent: QWidget, title: str) -> str:
    return QFileDialog.getExistingDirectory(parent, title)


def choose_file(parent: QWidget, title: str) -> str:
    return QFileDialog.getOpenFileName(parent, title, "", f"*{SUFFIX}")[0]


class BundleActions(QObject):
    imported = Signal()  # the cache changed: the pages refresh

    def __init__(self, party: Callable[[], BundleParty], parent: QWidget) -> None:
        super().__init__(parent)
        self._party, self._parent = party, parent
        self.export_action = QAction(self.tr("Export exchange bundle…"), parent)
        self.import_action = QAction(self.tr("Import exchange bundle…"), parent)
        self.export_action.triggered.connect(self.export)
        self.import_action.triggered.connect(self.import_answer)

    def export(self) -> BundleDialog | None:
        folder = choose_folder(self._parent, self.tr("Choose the USB stick or folder to write the bundle to"))
        if not folder:
            return None
        party = self._party()
        path = Path(folder) / f"xietong-{party.user.login}-{time.strftime('%Y%m%d-%H%M%S')}{SUFFIX}"
        dialog = self._dialog(self.tr("Export exchange bundle"))
        dialog.run(lambda progress: export_bundle(party, path, lambda records, done: progress(records, done, 0)), self._exported)
        return dialog

    def import_answer(self) -> BundleDialog | None:
        chosen = choose_file(self._parent, self.tr("Choose the exchange point's answer bundle"))
        if not chosen:
            return None
        party = self._party()
        dialog = self._dialog(self.tr("Import exchange bundle"))
        dialog.finished_work.connect(lambda ok: self.imported.emit() if ok else None)
        dialog.run(lambda progress: import_answer(party, Path(chosen), progress), self._imported)
        return dialog

    def _dialog(self, title: str) -> BundleDialog:
        dialog = BundleDialog(title, self._parent)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def _exported(self, report: ExportReport) -> str:
        return fill(self.tr("Exported %1 operations and %2 files to %3. Take the USB stick to the exchange point."), str(report.ops), str(report.blobs), str(report.path))

    def _imported(self, report: AnswerReport) -> str:
        words = fill(self.tr("Imported: %1 operations done, %2 refused, %3 changes received, %4 files."), str(report.applied), str(len(report.rejected)), str(report.rows), str(report.blobs))
        if report.update is not None:
            words += " " + fill(self.tr("A client update was left in %1 for IT to install."), str(report.update))
        return words

"""The 交换包 menu. On an isolated unit's client (an exchange point configured): export the
waiting work to a folder (the USB stick), import the exchange point's answer from it. On a
connected client whose user is a 交换站管理员: relay an isolated unit's bundle through the server
and write the answer beside it on the stick."""

import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QWidget

from sync.client.bundles import AnswerReport, BundleParty, ExportReport, export_bundle, import_answer
from sync.protocol.bundle_relay import RelayAnswer
from ui.dialogs.bundle_dialog import BundleDialog
from ui.text import fill

SUFFIX = ".xtb"
Relay = Callable[[Path, Path, Callable[[int, int], None]], RelayAnswer]  # (bundle, answer, bytes progress)


def choose_folder(parent: QWidget, title: str) -> str:
    return QFileDialog.getExistingDirectory(parent, title)


def choose_file(parent: QWidget, title: str) -> str:
    return QFileDialog.getOpenFileName(parent, title, "", f"*{SUFFIX}")[0]


class BundleActions(QObject):
    imported = Signal()  # the cache changed: the pages refresh

    def __init__(self, parent: QWidget, party: Callable[[], BundleParty] | None, relay: Relay | None) -> None:
        super().__init__(parent)
        self._party, self._relay, self._parent = party, relay, parent
        self.actions: list[QAction] = []
        if party is not None:
            self._action(self.tr("Export exchange bundle…"), self.export)
            self._action(self.tr("Import exchange bundle…"), self.import_answer)
        if relay is not None:
            self._action(self.tr("Relay an isolated unit's bundle…"), self.relay)

    def _action(self, text: str, slot: Callable[[], object]) -> None:
        action = QAction(text, self._parent)
        action.triggered.connect(slot)
        self.actions.append(action)

    def export(self) -> BundleDialog | None:
        folder = choose_folder(self._parent, self.tr("Choose the USB stick or folder to write the bundle to"))
        if not folder:
            return None
        assert self._party is not None
        party = self._party()
        path = Path(folder) / f"xietong-{party.user.login}-{time.strftime('%Y%m%d-%H%M%S')}{SUFFIX}"
        dialog = self._dialog(self.tr("Export exchange bundle"))
        dialog.run(lambda progress: export_bundle(party, path, lambda records, done: progress(records, done, 0)), self._exported)
        return dialog

    def import_answer(self) -> BundleDialog | None:
        chosen = choose_file(self._parent, self.tr("Choose the exchange point's answer bundle"))
        if not chosen:
            return None
        assert self._party is not None
        party = self._party()
        dialog = self._dialog(self.tr("Import exchange bundle"))
        dialog.finished_work.connect(lambda ok: self.imported.emit() if ok else None)
        dialog.run(lambda progress: import_answer(party, Path(chosen), progress), self._imported)
        return dialog

    def relay(self) -> BundleDialog | None:
        """The answer goes beside the bundle, on the same stick."""
        chosen = choose_file(self._parent, self.tr("Choose the isolated unit's bundle"))
        if not chosen or self._relay is None:
            return None
        bundle, relay = Path(chosen), self._relay
        answer = bundle.with_name(f"{bundle.stem}-answer{SUFFIX}")
        dialog = self._dialog(self.tr("Relay exchange bundle"))
        dialog.run(lambda progress: relay(bundle, answer, lambda done, total: progress(0, done, total)), lambda done: self._relayed(done, answer))
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

    def _relayed(self, done: RelayAnswer, answer: Path) -> str:
        return fill(self.tr("Relayed: %1 operations, %2 done, %3 changes for the unit. The answer is at %4: take it back to the isolated unit."), str(done.ops), str(done.applied), str(done.rows), str(answer))

"""文件共享: the unit's and one's own file cabinet as trees, the files of the chosen folder with
their 密级, upload by drag and drop (or a button) with progress, versions, sharing, keep offline,
a folder's menu (rename, move within its cabinet, delete once empty and confirmed), and search by
name and content. A conflict copy made of one's offline edit is told above."""

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QPoint, QUrl, Qt
from PySide6.QtGui import QDesktopServices, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTableView,
    QTreeView,
    QVBoxLayout,
)

from app.domain.errors import RuleViolation
from app.domain.files import DEFAULT_LEVEL, levels_within
from app.services.directory import DirectoryService
from app.services.files import FileItem, FilesService, FolderItem
from ui.background import BackgroundCall
from ui.dialogs.file_versions_dialog import FileVersionsDialog
from ui.dialogs.share_folder_dialog import ShareFolderDialog
from ui.models.file_tree_model import CONTAINER_ROLE, SHARED_ROOT, FileTreeModel
from ui.models.files_model import FilesModel, size_text
from ui.text import fill
from ui.views.page import Page, page_header
from ui.views.tables import setup_table


class FilesView(Page):
    def __init__(self, files: Callable[[], FilesService], directory: DirectoryService, unit_id: str, opener: Callable[[QUrl], object] = QDesktopServices.openUrl) -> None:
        super().__init__()
        self._files_of, self._directory, self._unit_id, self._opener = files, directory, unit_id, opener
        self.setAcceptDrops(True)
        self.tree_model = FileTreeModel(self)
        self.tree = QTreeView(self, headerHidden=True)
        self.tree.setModel(self.tree_model)
        self.tree.selectionModel().currentChanged.connect(lambda *_: self._show_folder())
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.tree.customContextMenuRequested.connect(self._folder_menu)
        self.folder_actions = QMenu(self)
        self.rename_folder_action = self.folder_actions.addAction(self.tr("Rename folder…"), self._rename_folder)
        self.move_folder_action = self.folder_actions.addAction(self.tr("Move folder…"), self._move_folder)
        self.delete_folder_action = self.folder_actions.addAction(self.tr("Delete folder…"), self._delete_folder)
        self.model = FilesModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        setup_table(self.table, FilesModel.NAME, {FilesModel.LEVEL: 4, FilesModel.SIZE: 7, FilesModel.VERSION: 3, FilesModel.AUTHOR: 4, FilesModel.SAVED: 11, FilesModel.LOCAL: 4})
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._enable())
        self.table.doubleClicked.connect(lambda *_: self._open())
        self.search = QLineEdit(self, placeholderText=self.tr("Search names and contents"), clearButtonEnabled=True)
        self.search.textChanged.connect(lambda *_: self._show_folder())
        self.level = QComboBox(self, toolTip=self.tr("Classification of files you upload"))
        self.new_folder_button = QPushButton(self.tr("New folder…"), self)
        self.upload_button = QPushButton(self.tr("Upload… (Ctrl+N)"), self, objectName="Primary")
        self.open_button = QPushButton(self.tr("Open"), self)
        self.versions_button = QPushButton(self.tr("Versions…"), self)
        self.rename_button = QPushButton(self.tr("Rename…"), self)
        self.delete_button = QPushButton(self.tr("Delete"), self)
        self.classify_button = QPushButton(self.tr("Classification…"), self)
        self.share_button = QPushButton(self.tr("Share folder…"), self)
        self.offline_button = QPushButton(self.tr("Keep offline"), self, checkable=True)
        for button, slot in (
            (self.new_folder_button, self._new_folder),
            (self.upload_button, self.create_new),
            (self.open_button, self._open),
            (self.versions_button, self._versions),
            (self.rename_button, self._rename),
            (self.delete_button, self._delete),
            (self.classify_button, self._classify),
            (self.share_button, self._share),
        ):
            button.clicked.connect(slot)
        self.offline_button.toggled.connect(self._keep_offline)
        self._conflict_id = ""
        self._upload_queue: list[Path] = []
        self._upload_problems: list[str] = []
        self.usage = QLabel(self, objectName="Secondary")
        self.progress = QProgressBar(self, visible=False)
        self.error = QLabel(self, objectName="ErrorText", wordWrap=True, visible=False)
        self.conflict = QFrame(self, objectName="WarningBanner", visible=False)
        self.conflict_words = QLabel(self.conflict, objectName="WarningText", wordWrap=True)
        self.dismiss_button = QPushButton(self.tr("Dismiss"), self.conflict)
        self.dismiss_button.clicked.connect(self._dismiss_conflict)
        banner = QHBoxLayout(self.conflict)
        banner.addWidget(self.conflict_words, 1)
        banner.addWidget(self.dismiss_button)
        layout = QVBoxLayout(self)
        layout.addLayout(page_header(self.tr("Shared files"), self.search, self.level, self.new_folder_button, self.upload_button))
        actions = QHBoxLayout()
        for button in (self.open_button, self.versions_button, self.rename_button, self.classify_button, self.delete_button, self.share_button, self.offline_button):
            actions.addWidget(button)
        actions.addStretch(1)
        actions.addWidget(self.usage)
        layout.addLayout(actions)
        layout.addWidget(self.conflict)
        layout.addWidget(self.error)
        layout.addWidget(self.progress)
        split = QSplitter(self)
        split.addWidget(self.tree)
        split.addWidget(self.table)
        split.setStretchFactor(1, 3)
        layout.addWidget(split, 1)

    # --- Page -----------------------------------------------------------------------------

    def refresh(self) -> None:
        files = self._files_of()
        chosen = self.container()
        self.tree_model.load(files)
        self.tree.expandToDepth(0)
        at = self.tree_model.index_of(chosen) if chosen else None
        self.tree.setCurrentIndex(at if at is not None else self.tree_model.index(0, 0))
        self._fill_levels(files.clearance)
        usage = files.usage()
        self.usage.setText(fill(self.tr("Unit cabinets: %1 of %2 used"), size_text(usage[0]), size_text(usage[1])) if usage else "")
        conflicts = files.conflicts()
        self._conflict_id = conflicts[0].id if conflicts else ""
        self.conflict.setVisible(bool(conflicts))
        if conflicts:
            self.conflict_words.setText(conflicts[0].message)
        self._show_folder()

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def create_new(self) -> bool:
        names, _ = QFileDialog.getOpenFileNames(self, self.tr("Upload files"))
        self.upload_paths([Path(n) for n in names])
        return True

    # --- what the user does ---------------------------------------------------------------

    def container(self) -> str:
        index = self.tree.currentIndex()
        return index.data(CONTAINER_ROLE) if index.isValid() else ""

    def selected(self) -> FileItem | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_item(rows[0].row()) if rows else None

    def open_file(self, file_id: str) -> None:
        """Show a file in its folder, selected, and open it (from the 门户's search)."""
        self.search.clear()
        self.refresh()
        item = self._files_of().file(file_id)
        at = self.tree_model.index_of(item.container) if item else None
        if item is None or at is None:
            self._say(self.tr("This file is no longer here: it was deleted, moved out of reach, or its share was withdrawn."))
            return
        self.tree.setCurrentIndex(at)
        self._show_folder()
        self.table.selectRow(self.model.row_of(file_id))
        self._open()

    def upload_paths(self, paths: list[Path]) -> None:
        """Copy each file into the local store and queue it, one after another off the UI thread
        (a big file takes a while to hash and copy); the bar counts the files, the status bar
        the bytes sent when the sync uploads them."""
        paths = [p for p in paths if p.is_file()]
        if not paths or self.container() == SHARED_ROOT or self.progress.isVisible():
            return
        self._upload_queue, self._upload_problems = paths, []
        self.progress.setRange(0, len(paths))
        self.progress.setValue(0)
        self.progress.show()
        self._upload_next(self._files_of(), self.container(), self.level.currentData())

    def _upload_next(self, files: FilesService, target: str, level: str) -> None:
        if not self._upload_queue:
            self.progress.hide()
            self._say("\n".join(self._upload_problems))
            self._changed()
            return
        path = self._upload_queue.pop(0)
        call = BackgroundCall(lambda: files.upload(target, path, level=level), self)
        call.succeeded.connect(lambda _id: self._uploaded(files, target, level, ""))
        call.failed.connect(lambda exc: self._uploaded(files, target, level, f"{path.name}：{getattr(exc, 'message', None) or exc}"))
        call.start()

    def _uploaded(self, files: FilesService, target: str, level: str, problem: str) -> None:
        if problem:
            self._upload_problems.append(problem)
        self.progress.setValue(self.progress.value() + 1)
        self._upload_next(files, target, level)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls() and any(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        self.upload_paths([Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()])
        event.acceptProposedAction()

    def _new_folder(self) -> None:
        name, ok = QInputDialog.getText(self, self.tr("New folder"), self.tr("Folder name"))
        if ok:
            self._try(lambda: self._files_of().create_folder(self.container(), name))

    def _open(self) -> None:
        chosen = self.selected()
        if chosen is not None:
            self._try(lambda: self._opener(QUrl.fromLocalFile(str(self._files_of().open_path(chosen.id)))), changed=False)

    def _versions(self) -> None:
        chosen = self.selected()
        if chosen is None:
            return
        dialog = FileVersionsDialog(self._files_of(), chosen.id, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.restored.connect(self._changed)
        dialog.open()

    def _rename(self) -> None:
        chosen = self.selected()
        if chosen is None:
            return
        name, ok = QInputDialog.getText(self, self.tr("Rename"), self.tr("New name"), text=chosen.name)
        if ok:
            self._try(lambda: self._files_of().rename(chosen.id, name))

    def _classify(self) -> None:
        chosen = self.selected()
        if chosen is None:
            return
        levels = list(levels_within(self._files_of().clearance))
        current = levels.index(chosen.level) if chosen.level in levels else 0
        level, ok = QInputDialog.getItem(self, self.tr("Classification"), fill(self.tr("Classification of “%1”"), chosen.name), levels, current, False)
        if ok and level != chosen.level:
            self._try(lambda: self._files_of().classify(chosen.id, level))

    def _delete(self) -> None:
        chosen = self.selected()
        if chosen is not None:
            self._try(lambda: self._files_of().delete(chosen.id))

    def _folder_menu(self, at: QPoint) -> None:
        index = self.tree.indexAt(at)
        if index.isValid():
            self.tree.setCurrentIndex(index)
        folder = self._folder()
        if folder is not None:
            for action in self.folder_actions.actions():
                action.setEnabled(folder.right == "write")
            self.folder_actions.popup(self.tree.viewport().mapToGlobal(at))

    def _rename_folder(self) -> None:
        folder = self._folder()
        if folder is None:
            return
        name, ok = QInputDialog.getText(self, self.tr("Rename folder"), self.tr("New name"), text=folder.name)
        if ok and name != folder.name:
            self._try(lambda: self._files_of().rename_folder(folder.id, name))

    def _move_folder(self) -> None:
        folder = self._folder()
        if folder is None:
            return
        files = self._files_of()
        targets = files.move_targets(folder.id)
        top = self.tree_model.index_of(targets[0][0])
        labels = [path or (top.data() if top is not None else self.tr("Top of the cabinet")) for _, path in targets]
        label, ok = QInputDialog.getItem(self, self.tr("Move folder"), fill(self.tr("Move “%1” to:"), folder.name), labels, 0, False)
        if ok:
            self._try(lambda: files.move_folder(folder.id, targets[labels.index(label)][0]))

    def _delete_folder(self) -> None:
        folder = self._folder()
        if folder is None:
            return
        asked = QMessageBox.question(self, self.tr("Delete folder"), fill(self.tr("Delete the folder “%1”? Only an empty folder can be deleted."), folder.name))
        if asked == QMessageBox.StandardButton.Yes:
            self._try(lambda: self._files_of().delete_folder(folder.id))

    def _share(self) -> None:
        folder = self._folder()
        if folder is None:
            return
        dialog = ShareFolderDialog(self._files_of(), self._directory, folder, self._unit_id, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.shared.connect(self._changed)
        dialog.open()

    def _dismiss_conflict(self) -> None:
        if self._conflict_id:
            self._files_of().dismiss_conflict(self._conflict_id)
            self.refresh()

    def _keep_offline(self, keep: bool) -> None:
        folder = self._folder()
        if folder is not None and folder.offline != keep:
            self._files_of().keep_offline(folder.id, keep)
            self._changed()  # the next sync fetches the folder's files

    # --- helpers --------------------------------------------------------------------------

    def _folder(self) -> FolderItem | None:
        container = self.container()
        index = self.tree.currentIndex()
        parent = index.parent().data(CONTAINER_ROLE) if index.parent().isValid() else None
        if parent is None:
            return None  # a cabinet or the 共享给我 heading, not a folder
        files = self._files_of()
        candidates = files.folders(parent) if parent != SHARED_ROOT else files.shared_with_me()
        return next((f for f in candidates if f.id == container), None)

    def _show_folder(self) -> None:
        files = self._files_of()
        query = self.search.text().strip()
        container = self.container()
        if query:
            self.model.set_hits(files.search(query))
        else:
            self.model.set_rows(files.files(container) if container else [])
        folder = self._folder()
        self.offline_button.blockSignals(True)
        self.offline_button.setChecked(bool(folder and folder.offline))
        self.offline_button.blockSignals(False)
        self.offline_button.setEnabled(folder is not None)
        self.share_button.setEnabled(folder is not None and folder.right == "write")
        writable = container != SHARED_ROOT and files.right(container) == "write"
        self.upload_button.setEnabled(writable)
        self.new_folder_button.setEnabled(writable)
        self._enable()

    def _enable(self) -> None:
        chosen = self.selected()
        for button in (self.open_button, self.versions_button):
            button.setEnabled(chosen is not None)
        for button in (self.rename_button, self.classify_button, self.delete_button):
            button.setEnabled(chosen is not None and chosen.right == "write")

    def _fill_levels(self, clearance: str) -> None:
        allowed = levels_within(clearance)
        if [self.level.itemData(i) for i in range(self.level.count())] == list(allowed):
            return
        self.level.clear()
        for level in allowed:
            self.level.addItem(fill(self.tr("Classification: %1"), level), level)
        self.level.setCurrentIndex(allowed.index(DEFAULT_LEVEL) if DEFAULT_LEVEL in allowed else len(allowed) - 1)

    def _try(self, action: Callable[[], object], changed: bool = True) -> None:
        try:
            action()
        except RuleViolation as exc:
            self._say(exc.message)
            return
        self._say("")
        if changed:
            self._changed()

    def _say(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(bool(text))

    def _changed(self) -> None:
        self.refresh()
        self.changed.emit()

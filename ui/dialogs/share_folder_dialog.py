"""共享文件夹: give a person, a department or a unit read or write on a folder and everything in
it; the folder's current shares are listed and can be withdrawn."""

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QListWidget, QListWidgetItem, QPushButton, QVBoxLayout, QWidget

from app.domain.errors import RuleViolation
from app.services.directory import DirectoryService
from app.services.files import FilesService, FolderItem
from ui.text import fill

KEY_ROLE = 256


class ShareFolderDialog(QDialog):
    shared = Signal()

    def __init__(self, files: FilesService, directory: DirectoryService, folder: FolderItem, unit_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent, windowTitle=fill(self.tr("Share “%1”"), folder.name))
        self._files, self._directory, self._folder, self._unit_id = files, directory, folder, unit_id
        self.kind = QComboBox(self)
        for label, kind in ((self.tr("A unit"), "unit"), (self.tr("A department of my unit"), "department"), (self.tr("A person of my unit"), "person")):
            self.kind.addItem(label, kind)
        self.grantee = QComboBox(self, editable=False)
        self.right = QComboBox(self)
        self.right.addItem(self.tr("Read only"), "read")
        self.right.addItem(self.tr("Read and edit"), "write")
        self.kind.currentIndexChanged.connect(self._fill_grantees)
        self.current = QListWidget(self)
        self.withdraw_button = QPushButton(self.tr("Withdraw the selected share"), self)
        self.withdraw_button.clicked.connect(self._withdraw)
        self.error = QLabel(self, objectName="ErrorText", wordWrap=True, visible=False)
        buttons = QDialogButtonBox(self)
        self.share_button = buttons.addButton(self.tr("Share"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Close).clicked.connect(self.reject)
        self.share_button.clicked.connect(self._share)
        form = QFormLayout()
        form.addRow(self.tr("Share with"), self.kind)
        form.addRow(self.tr("Who"), self.grantee)
        form.addRow(self.tr("Right"), self.right)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(QLabel(self.tr("Shared now with"), self))
        layout.addWidget(self.current, 1)
        layout.addWidget(self.withdraw_button)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self._fill_grantees()
        self._fill_current()

    def _fill_grantees(self) -> None:
        self.grantee.clear()
        kind = self.kind.currentData()
        if kind == "unit":
            entries = [(u.name, u.id) for u in self._directory.units()]
        elif kind == "department":
            entries = [(d.name, d.id) for d in self._directory.departments(self._unit_id)]
        else:
            entries = [(f"{p.name}（{p.department_name}）", p.id) for d in self._directory.departments(self._unit_id) for p in self._directory.people(d.id)]
        for label, key in entries:
            self.grantee.addItem(label, key)

    def _fill_current(self) -> None:
        self.current.clear()
        rights = {"read": self.tr("read only"), "write": self.tr("read and edit")}
        for kind, key, right in self._folder.shares:
            item = QListWidgetItem(f"{self._name(kind, key)} — {rights.get(right, right)}", self.current)
            item.setData(KEY_ROLE, (kind, key))

    def _name(self, kind: str, key: str) -> str:
        if kind == "unit":
            return next((u.name for u in self._directory.units() if u.id == key), key)
        if kind == "department":
            return next((d.name for d in self._directory.departments(self._unit_id) if d.id == key), key)
        person = self._directory.person(key)
        return person.name if person else key

    def _share(self) -> None:
        if self.grantee.currentData() is None:
            return
        self._apply(self.kind.currentData(), self.grantee.currentData(), self.right.currentData())

    def _withdraw(self) -> None:
        item = self.current.currentItem()
        if item is not None:
            kind, key = item.data(KEY_ROLE)
            self._apply(kind, key, "none")

    def _apply(self, kind: str, key: str, right: str) -> None:
        try:
            self._files.share(self._folder.id, kind, key, right)
        except RuleViolation as exc:
            self.error.setText(exc.message)
            self.error.show()
            return
        self.shared.emit()
        self.accept()

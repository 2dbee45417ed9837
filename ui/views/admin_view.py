"""统一授权 (for administrators): the roles, each one's permissions and members with their 密级
clearance; grant, revoke, assign, unassign and a new clearance go to the server as ops it checks
again, and show once it has applied them."""

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QInputDialog, QLabel, QListWidget, QListWidgetItem, QPushButton, QVBoxLayout

from app.domain.authz import PERMISSIONS, describe
from app.domain.documents.metadata import CLASSIFICATIONS
from app.domain.errors import RuleViolation
from app.services.authz import AuthzService, RoleView
from ui.models.roles import CLEARANCE_ROLE, ID_ROLE
from ui.text import fill
from ui.views.page import Page, page_header


class AdminView(Page):
    def __init__(self, authz: AuthzService) -> None:
        super().__init__()
        self._authz = authz
        self._roles: dict[str, RoleView] = {}
        self.roles = QListWidget(self)
        self.roles.currentTextChanged.connect(self._show_role)
        self.permissions = QListWidget(self)
        self.members = QListWidget(self)
        self.note = QLabel(self.tr("Changes take effect once the server has applied them (after the next sync)."), self, objectName="Secondary", wordWrap=True)
        self.error = QLabel(self, objectName="ErrorText", wordWrap=True)
        self.error.hide()
        new_role = QPushButton(self.tr("New role…"), self)
        new_role.clicked.connect(self._new_role)
        self.grant_button = QPushButton(self.tr("Grant…"), self)
        self.grant_button.clicked.connect(self._grant)
        self.revoke_button = QPushButton(self.tr("Revoke"), self)
        self.revoke_button.clicked.connect(lambda: self._on_selected(self.permissions, self._authz.revoke))
        self.assign_button = QPushButton(self.tr("Add person…"), self)
        self.assign_button.clicked.connect(self._assign)
        self.unassign_button = QPushButton(self.tr("Remove"), self)
        self.unassign_button.clicked.connect(lambda: self._on_selected(self.members, self._authz.unassign))
        self.clearance_button = QPushButton(self.tr("Clearance…"), self)
        self.clearance_button.clicked.connect(self._set_clearance)
        row = QHBoxLayout()
        row.addWidget(self.roles, 1)
        row.addWidget(self._box(self.tr("Permissions"), self.permissions, self.grant_button, self.revoke_button), 1)
        row.addWidget(self._box(self.tr("Members"), self.members, self.assign_button, self.unassign_button, self.clearance_button), 1)
        layout = QVBoxLayout(self)
        layout.addLayout(page_header(self.tr("Roles and permissions"), new_role))
        layout.addWidget(self.note)
        layout.addWidget(self.error)
        layout.addLayout(row, 1)

    def refresh(self) -> None:
        current = self.roles.currentItem().text() if self.roles.currentItem() else ""
        self._roles = {r.name: r for r in self._authz.roles()}
        self.roles.blockSignals(True)
        self.roles.clear()
        self.roles.addItems(list(self._roles))
        self.roles.blockSignals(False)
        found = self.roles.findItems(current, Qt.MatchFlag.MatchExactly) if current else []
        self.roles.setCurrentItem(found[0] if found else self.roles.item(0))
        self._show_role(self.roles.currentItem().text() if self.roles.currentItem() else "")

    def _box(self, title: str, items: QListWidget, *buttons: QPushButton) -> QGroupBox:
        box = QGroupBox(title, self)
        column = QVBoxLayout(box)
        column.addWidget(items, 1)
        row = QHBoxLayout()
        for button in buttons:
            row.addWidget(button)
        column.addLayout(row)
        return box

    def _show_role(self, name: str) -> None:
        role = self._roles.get(name)
        self.permissions.clear()
        self.members.clear()
        if role is None:
            return
        for permission in role.permissions:
            QListWidgetItem(describe(permission), self.permissions).setData(ID_ROLE, permission)
        for member in role.members:
            item = QListWidgetItem(fill(self.tr("%1 (clearance: %2)"), member.name, member.clearance), self.members)
            item.setData(ID_ROLE, member.id)
            item.setData(CLEARANCE_ROLE, member.clearance)

    def _new_role(self) -> None:
        name, ok = QInputDialog.getText(self, self.tr("New role"), self.tr("Name of the role:"))
        if ok:
            self._do(lambda: self._authz.create_role(name, ""))

    def _grant(self) -> None:
        role = self._role()
        if not role:
            return
        text, ok = QInputDialog.getItem(self, self.tr("Grant"), fill(self.tr("Permission for %1 (add :room, :building or :system where it applies):"), role), list(PERMISSIONS), 0, True)
        if ok:
            self._do(lambda: self._authz.grant(role, text))

    def _assign(self) -> None:
        role = self._role()
        if not role:
            return
        person, ok = QInputDialog.getText(self, self.tr("Add person"), fill(self.tr("Login name of the person to hold %1:"), role))
        if ok:
            self._do(lambda: self._authz.assign(role, person))

    def _set_clearance(self) -> None:
        item = self.members.currentItem()
        if item is None:
            return
        levels = list(CLASSIFICATIONS)
        now = levels.index(item.data(CLEARANCE_ROLE))
        level, ok = QInputDialog.getItem(self, self.tr("Clearance"), self.tr("Highest classification this person may see:"), levels, now, False)
        if ok and level != levels[now]:
            self._do(lambda: self._authz.set_clearance(item.data(ID_ROLE), level))

    def _on_selected(self, items: QListWidget, change: Callable[[str, str], None]) -> None:
        role, item = self._role(), items.currentItem()
        if role and item is not None:
            self._do(lambda: change(role, item.data(ID_ROLE)))

    def _role(self) -> str:
        return self.roles.currentItem().text() if self.roles.currentItem() else ""

    def _do(self, act: Callable[[], None]) -> None:
        try:
            act()
        except RuleViolation as violation:
            self.error.setText(violation.message)
            self.error.show()
            return
        self.error.hide()
        self.changed.emit()

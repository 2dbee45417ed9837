"""The left navigation: the 门户 first, then the work pages in a fixed order, each an icon and a
word; 统一授权 last, for administrators only."""

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QSize
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QWidget

from ui.icons import icon

ICON_SIZE = QSize(20, 20)
ROW_PADDING = 20  # one generous row per entry: an easy target for the mouse, at any scale


@dataclass(frozen=True)
class NavEntry:
    key: str
    label: str


def entries(administrator: bool = False) -> list[NavEntry]:
    translate = QCoreApplication.translate
    admin = [NavEntry("admin", translate("Navigation", "Roles"))] if administrator else []
    return [
        NavEntry("portal", translate("Navigation", "Portal")),
        NavEntry("todo", translate("Navigation", "To do")),
        NavEntry("incoming", translate("Navigation", "Incoming")),
        NavEntry("outgoing", translate("Navigation", "Outgoing")),
        NavEntry("countersign", translate("Navigation", "Countersign")),
        NavEntry("rooms", translate("Navigation", "Meeting rooms")),
        NavEntry("vehicles", translate("Navigation", "Vehicles")),
        NavEntry("notices", translate("Navigation", "Notices")),
        NavEntry("files", translate("Navigation", "Shared files")),
        NavEntry("directory", translate("Navigation", "Directory")),
        *admin,
    ]


class NavigationList(QListWidget):
    """Arrow keys move between entries; Ctrl+1…Ctrl+9 are set up by the window."""

    def __init__(self, nav: list[NavEntry], parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="NavList")
        self.setIconSize(ICON_SIZE)
        self.keys = [entry.key for entry in nav]
        row_height = self.fontMetrics().height() + ROW_PADDING
        for entry in nav:
            QListWidgetItem(icon(entry.key), entry.label, self).setSizeHint(QSize(0, row_height))

    def labels(self) -> list[str]:
        return [self.item(row).text() for row in range(self.count())]

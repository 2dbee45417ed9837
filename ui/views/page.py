"""What the main window asks of each page: re-read the store, focus its search (Ctrl+F), start
something new (Ctrl+N) where that applies. Pages say `changed` after a local change."""

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget


class Page(QWidget):
    changed = Signal()  # the user changed something locally: sync soon, let the other pages re-read

    def refresh(self) -> None:
        """Re-read what this page shows from the local store."""

    def focus_search(self) -> None:
        """Put the cursor in this page's search box, where it has one."""

    def create_new(self) -> bool:
        """Start a new item of this page's kind; False where Ctrl+N means nothing here."""
        return False


def page_header(title: str, *widgets: QWidget) -> QHBoxLayout:
    """The row at the top of a page: its title on the left, its search and actions on the right."""
    row = QHBoxLayout()
    row.addWidget(QLabel(title, objectName="PageTitle"))
    row.addStretch(1)
    for widget in widgets:
        row.addWidget(widget)
    return row

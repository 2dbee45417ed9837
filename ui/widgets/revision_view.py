"""痕迹: what changed between any two body versions, insertions underlined in blue and deletions
struck through in red (the marks, not only the colours, tell them apart), and the 清稿 (clean
copy, every change accepted) of the pair on request."""

from html import escape

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QTextBrowser, QVBoxLayout, QWidget

from app.documents.body import Body
from app.documents.revisions import DELETED, INSERTED, ParagraphRevision, clean_copy, revisions
from ui.text import fill

INSERTED_STYLE = "color:#1f5fbf; text-decoration:underline"
DELETED_STYLE = "color:#c62828; text-decoration:line-through"


def revisions_html(marked: tuple[ParagraphRevision, ...]) -> str:
    paragraphs = []
    for paragraph in marked:
        spans = "".join(_span_html(span.kind, span.text) for span in paragraph.spans)
        paragraphs.append(f"<p>{spans}</p>")
    return "".join(paragraphs)


def _span_html(kind: str, text: str) -> str:
    if kind == INSERTED:
        return f'<ins style="{INSERTED_STYLE}">{escape(text)}</ins>'
    if kind == DELETED:
        return f'<del style="{DELETED_STYLE}">{escape(text)}</del>'
    return escape(text)


class RevisionView(QWidget):
    clean_copy_requested = Signal(object)  # the Body with every change between the two versions accepted

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.older = QComboBox(self)
        self.newer = QComboBox(self)
        self.text = QTextBrowser(self, openLinks=False)
        self.clean_button = QPushButton(self.tr("Clean copy"), self, autoDefault=False)
        self.clean_button.setToolTip(self.tr("The text with every change accepted (清稿)"))
        self.clean_button.clicked.connect(self._ask_clean_copy)
        legend = QLabel(self.tr("Insertions are underlined in blue, deletions struck through in red."), self, objectName="Secondary", wordWrap=True)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("From version"), self))
        row.addWidget(self.older)
        row.addWidget(QLabel(self.tr("to version"), self))
        row.addWidget(self.newer)
        row.addStretch(1)
        row.addWidget(self.clean_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(legend)
        layout.addWidget(self.text, 1)
        self._versions: dict[int, Body] = {}
        self.older.currentIndexChanged.connect(self._show)
        self.newer.currentIndexChanged.connect(self._show)

    def set_versions(self, versions: dict[int, Body]) -> None:
        """Offer every version; start on the last change (the previous version to the latest)."""
        self._versions = dict(versions)
        numbers = sorted(self._versions)
        for combo, chosen in ((self.older, numbers[-2:][0] if numbers else None), (self.newer, numbers[-1] if numbers else None)):
            combo.blockSignals(True)
            combo.clear()
            for number in numbers:
                combo.addItem(fill(self.tr("Version %1"), number), number)
            combo.setCurrentIndex(combo.findData(chosen))
            combo.blockSignals(False)
        self._show()

    def compare(self, older: int, newer: int) -> None:
        self.older.setCurrentIndex(self.older.findData(older))
        self.newer.setCurrentIndex(self.newer.findData(newer))

    def marked(self) -> tuple[ParagraphRevision, ...]:
        old, new = self._versions.get(self.older.currentData()), self._versions.get(self.newer.currentData())
        return revisions(old, new) if old is not None and new is not None else ()

    def _show(self) -> None:
        self.text.setHtml(revisions_html(self.marked()))
        self.clean_button.setEnabled(bool(self._versions))

    def _ask_clean_copy(self) -> None:
        self.clean_copy_requested.emit(clean_copy(self.marked()))

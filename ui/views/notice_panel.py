"""The right side of 通知公告: one notice in full; for one's own notice who has read it (阅读情况)
and the 修改 action (only the publisher may edit a notice)."""

from PySide6.QtCore import Signal
from PySide6.QtGui import QFont, QTextBlockFormat, QTextCursor
from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QLabel, QPushButton, QStackedWidget, QTableView, QTextBrowser, QVBoxLayout, QWidget

from app.services.notices import NoticeDetail, Reader
from ui import time_format
from ui.icons import icon
from ui.models.notices_model import audience_label
from ui.models.readers_model import ReadersModel
from ui.text import fill
from ui.views.tables import setup_table
from ui.widgets.empty_state import EmptyState

BODY_POINTS = 12
READER_ROWS_SHOWN = 3
BODY_LINE_HEIGHT_PERCENT = 160  # CJK body text reads better with generous leading


class NoticePanel(QWidget):
    edit_requested = Signal(str)  # the shown notice's id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel(self, objectName="DetailTitle", wordWrap=True)
        self.edit_button = QPushButton(self.tr("Edit…"), self, visible=False)
        self.edit_button.clicked.connect(self._ask_edit)
        self.meta = QLabel(self, objectName="Secondary", wordWrap=True)
        self.pending_note = QLabel(self.tr("Waiting to send: it goes out by itself when the server can be reached."), self, objectName="WarningText", wordWrap=True)
        self.body = QTextBrowser(self, openLinks=False)
        body_font = QFont(self.font())
        body_font.setPointSize(BODY_POINTS)
        self.body.setFont(body_font)
        self.readers_box = self._readers_box()
        notice = QWidget(self)
        layout = QVBoxLayout(notice)
        layout.setContentsMargins(0, 0, 0, 0)
        heading = QHBoxLayout()
        heading.addWidget(self.title, 1)
        heading.addWidget(self.edit_button)
        layout.addLayout(heading)
        for widget in (self.meta, self.pending_note):
            layout.addWidget(widget)
        layout.addWidget(self.body, 3)
        layout.addWidget(self.readers_box, 1)
        self._none = EmptyState(icon("notices"), self.tr("No notice selected"), self.tr("Choose a notice on the left to read it in full."))
        self._stack = QStackedWidget(self)
        self._stack.addWidget(self._none)
        self._stack.addWidget(notice)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self._stack)
        self._detail: NoticeDetail | None = None

    def show_notice(self, detail: NoticeDetail, readers: list[Reader] | None) -> None:
        """Show `detail`; `readers` is None unless the user published it."""
        summary = detail.summary
        self._stack.setCurrentIndex(1)
        if readers is not None:
            self._show_readers(readers)
        self.readers_box.setVisible(readers is not None)
        self.edit_button.setVisible(summary.mine)
        if detail == self._detail:
            return  # re-shown after a sync: keep the reader's place in the text
        self._detail = detail
        self.title.setText(summary.title)
        audience = audience_label(summary.audience, summary.audience_name)
        self.meta.setText(fill(self.tr("Published by %1 to %2 on %3"), summary.publisher_name, audience, time_format.date_time(summary.published_at)))
        self.pending_note.setVisible(summary.pending)
        self._set_body(detail.body)

    def _ask_edit(self) -> None:
        if self._detail is not None:
            self.edit_requested.emit(self._detail.summary.id)

    def clear(self) -> None:
        self._detail = None
        self._stack.setCurrentIndex(0)

    def _show_readers(self, readers: list[Reader]) -> None:
        self._readers_model.set_rows(readers)
        self._readers_count.setText(self.tr("%n colleague(s) have read it.", "", len(readers)) if readers else self.tr("Nobody has read it yet."))

    def _set_body(self, text: str) -> None:
        self.body.setPlainText(text)
        cursor = QTextCursor(self.body.document())
        cursor.select(QTextCursor.SelectionType.Document)
        spacing = QTextBlockFormat()
        spacing.setLineHeight(BODY_LINE_HEIGHT_PERCENT, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
        spacing.setBottomMargin(6)
        cursor.mergeBlockFormat(spacing)
        self.body.moveCursor(QTextCursor.MoveOperation.Start)

    def _readers_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Who has read it"), self)
        self._readers_count = QLabel(box, objectName="Secondary")
        self._readers_model = ReadersModel(self)
        table = QTableView(box)
        table.setModel(self._readers_model)
        setup_table(table, ReadersModel.NAME, {ReadersModel.READ_AT: 10})
        table.setMinimumHeight(table.horizontalHeader().sizeHint().height() + READER_ROWS_SHOWN * table.verticalHeader().defaultSectionSize() + 4)
        layout = QVBoxLayout(box)
        layout.addWidget(self._readers_count)
        layout.addWidget(table)
        return box

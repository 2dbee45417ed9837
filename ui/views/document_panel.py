"""The right side of 发文 and 收文: one document with the buttons of what the user may do now
(the next step one obvious primary button), and tabs for 正文, 意见栏, 流程跟踪, 痕迹 and 附件."""

from PySide6.QtCore import Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QStackedWidget,
    QTableView,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app.documents.body import Body
from app.domain.documents import routing
from app.domain.documents.incoming import Incoming
from app.domain.documents.metadata import DocumentMeta, secrecy_label
from app.domain.documents.route import Route
from app.store.models import ReceiptRow
from ui.icons import icon
from ui.models.incoming_track_model import IncomingTrackModel
from ui.models.opinions_model import OpinionsModel, Verdict
from ui.models.receipts_model import ReceiptsModel
from ui.models.route_track_model import RouteHistoryModel, RouteStepsModel
from ui.text import fill
from ui.views.document_actions import Action
from ui.views.tables import setup_table
from ui.widgets.empty_state import EmptyState
from ui.widgets.revision_view import RevisionView

BODY_POINTS = 12


class DocumentPanel(QWidget):
    action_requested = Signal(object)  # the Action chosen
    export_requested = Signal()
    seal_requested = Signal()  # 用印并导出PDF
    record_requested = Signal()  # 导出核验文件
    clean_copy_requested = Signal(object)  # Body

    def __init__(self, picture: str = "outgoing", parent: QWidget | None = None) -> None:
        """`picture`: the icon of the page (outgoing, incoming) for the empty state."""
        super().__init__(parent)
        self.title = QLabel(self, objectName="DetailTitle", wordWrap=True)
        self.meta = QLabel(self, objectName="Secondary", wordWrap=True)
        self.status = QLabel(self, wordWrap=True)
        self.action_buttons: list[QPushButton] = []
        self._actions_row = QHBoxLayout()
        self.export_button = QPushButton(self.tr("Export as PDF…"), self)
        self.export_button.clicked.connect(self.export_requested)
        self.seal_button = QPushButton(self.tr("Seal and export PDF…"), self)
        self.seal_button.clicked.connect(self.seal_requested)
        self.record_button = QPushButton(self.tr("Export for verification…"), self)
        self.record_button.setToolTip(self.tr("Every body version and signed opinion in one file that anyone can check with: xietong verify FILE"))
        self.record_button.clicked.connect(self.record_requested)
        self.body = QTextBrowser(self, openLinks=False)
        font = QFont(self.font())
        font.setPointSize(BODY_POINTS)
        self.body.setFont(font)
        self.opinions_model = OpinionsModel(self)
        self.opinions = self._table(self.opinions_model, OpinionsModel.OPINION, {OpinionsModel.STAGE: 4, OpinionsModel.SIGNER: 4, OpinionsModel.VERSION: 4, OpinionsModel.AT: 9, OpinionsModel.SIGNATURE: 9})
        self.steps_model = RouteStepsModel(self)
        self.history_model = RouteHistoryModel(self)
        self.incoming_model = IncomingTrackModel(self)
        self.steps = self._table(self.steps_model, RouteStepsModel.PERSON, {RouteStepsModel.STAGE: 4, RouteStepsModel.MODE: 6, RouteStepsModel.STATE: 6, RouteStepsModel.AT: 9})
        self.history = self._table(self.history_model, RouteHistoryModel.TEXT, {RouteHistoryModel.AT: 9, RouteHistoryModel.PERSON: 4, RouteHistoryModel.ACTION: 8})
        self.incoming_track = self._table(self.incoming_model, IncomingTrackModel.TEXT, {IncomingTrackModel.AT: 9, IncomingTrackModel.PERSON: 4, IncomingTrackModel.ACTION: 8})
        self.holder = QLabel(self, wordWrap=True)
        self.revisions = RevisionView(self)
        self.revisions.clean_copy_requested.connect(self.clean_copy_requested)
        self.attachments = QListWidget(self)
        self.receipts_model = ReceiptsModel(self)
        self.receipts = self._table(self.receipts_model, ReceiptsModel.REASON, {ReceiptsModel.UNIT: 10, ReceiptsModel.STATE: 4, ReceiptsModel.AT: 9})
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self.body, self.tr("Text"))
        self.tabs.addTab(self.opinions, self.tr("Opinions"))
        self.tabs.addTab(self._track_page(), self.tr("Route"))
        self.tabs.addTab(self.revisions, self.tr("Changes"))
        self.tabs.addTab(self.attachments, self.tr("Attachments"))
        self.tabs.addTab(self.receipts, self.tr("Receipts"))
        document = QWidget(self)
        layout = QVBoxLayout(document)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.meta)
        layout.addWidget(self.status)
        buttons = QHBoxLayout()
        buttons.addLayout(self._actions_row)
        buttons.addStretch(1)
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.seal_button)
        buttons.addWidget(self.record_button)
        layout.addLayout(buttons)
        layout.addWidget(self.tabs, 1)
        self._none = EmptyState(icon(picture), self.tr("No document selected"), self.tr("Choose a document on the left to read it, see its opinions and route, and act on it."))
        self._stack = QStackedWidget(self)
        self._stack.addWidget(self._none)
        self._stack.addWidget(document)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self._stack)

    def clear(self) -> None:
        self._stack.setCurrentIndex(0)

    def show_outgoing(self, meta: DocumentMeta, versions: dict[int, Body], route: Route, actions: list[Action],
                      names: dict[str, str], verdict: Verdict, attachments: list[str], status: str,
                      receipts: list[ReceiptRow] = (), unit_names: dict[str, str] | None = None, sealable: bool = False) -> None:
        """`receipts`: of the units the signed document was sent to (分发), with their names;
        `sealable`: the user keeps the unit's seal and the document is issued (用印)."""
        self._show_common(meta, versions, actions, attachments, status)
        self.seal_button.setVisible(sealable)
        self.record_button.setVisible(True)
        self.receipts_model.show_receipts(list(receipts), unit_names or {})
        self.tabs.setTabVisible(self.tabs.indexOf(self.receipts), bool(receipts))
        self.opinions_model.show_route(route, routing.opinions(route), names, verdict)
        self.steps_model.show_route(route, names)
        self.history_model.show_route(route, names)
        holders = "、".join(names.get(user, user) for user in sorted(routing.pending_users(route)))
        self.holder.setText(fill(self.tr("With %1 now."), holders) if holders else "")
        self._show_track(outgoing=True)

    def show_incoming(self, meta: DocumentMeta, body: Body, doc: Incoming, actions: list[Action],
                      names: dict[str, str], attachments: list[str], status: str) -> None:
        self._show_common(meta, {1: body}, actions, attachments, status)
        self.seal_button.setVisible(False)
        self.record_button.setVisible(False)
        self.opinions_model.set_rows([])
        self.tabs.setTabVisible(self.tabs.indexOf(self.receipts), False)
        self.incoming_model.show_document(doc, names)
        self.holder.setText("")
        self._show_track(outgoing=False)

    def _show_common(self, meta: DocumentMeta, versions: dict[int, Body], actions: list[Action], attachments: list[str], status: str) -> None:
        self._stack.setCurrentIndex(1)
        self.title.setText(meta.title)
        number = str(meta.doc_number) if meta.doc_number else self.tr("No document number yet")
        marks = [meta.kind, number, secrecy_label(meta) or meta.classification, meta.urgency or ""]
        self.meta.setText("　".join(mark for mark in marks if mark))
        self.status.setText(status)
        latest = versions[max(versions)] if versions else Body(())
        self.body.setPlainText("\n".join(f"\u3000\u3000{p}" for p in latest.paragraphs))
        self.revisions.set_versions(versions)
        self.tabs.setTabVisible(self.tabs.indexOf(self.revisions), len(versions) > 1)
        self.attachments.clear()
        self.attachments.addItems(attachments)
        self._show_actions(actions)

    def _show_actions(self, actions: list[Action]) -> None:
        for button in self.action_buttons:
            self._actions_row.removeWidget(button)
            button.deleteLater()
        self.action_buttons = []
        for action in actions:
            button = QPushButton(action.label, self, objectName="Primary" if action.primary else "")
            button.clicked.connect(lambda _checked=False, chosen=action: self.action_requested.emit(chosen))
            self._actions_row.addWidget(button)
            self.action_buttons.append(button)

    def button_labels(self) -> list[str]:
        return [button.text() for button in self.action_buttons]

    def _show_track(self, outgoing: bool) -> None:
        for widget in (self.steps, self.history, self.holder):
            widget.setVisible(outgoing)
        self.incoming_track.setVisible(not outgoing)
        self.tabs.setTabVisible(self.tabs.indexOf(self.opinions), outgoing)

    def _track_page(self) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        layout.addWidget(self.holder)
        layout.addWidget(self.steps, 1)
        layout.addWidget(self.history, 1)
        layout.addWidget(self.incoming_track, 1)
        return page

    def _table(self, model, stretch: int, widths: dict[int, int]) -> QTableView:
        table = QTableView(self)
        table.setModel(model)
        setup_table(table, stretch, widths)
        return table

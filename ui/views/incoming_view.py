"""收文: what other units sent to this unit (and paper documents registered by hand), from 签收
through 登记, 拟办, 批办, 承办 and 办结 to 归档, with 传阅 and 催办 beside; 流程跟踪 shows who
acted when and who still has it."""

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton, QWidget

from app.documents.body import Body
from app.documents.official_document import OfficialDocument
from app.domain.documents.clearance import CLERK_ROLE
from app.domain.documents.incoming import Incoming, incoming_from_json, todo_users
from app.domain.documents.metadata import DocumentMeta, meta_from_gb_json, meta_to_gb_json
from app.services.account import User
from app.services.directory import DirectoryService
from app.services.document_pages import RowPages
from app.services.documents import DocumentService
from app.store.blobs import LocalBlobs
from app.store.document_search import DocumentFilters
from app.store.models import IncomingRow
from ui.dialogs.message_dialog import MessageDialog
from ui.dialogs.paper_document_dialog import PaperDocumentDialog
from ui.dialogs.pdf_export import PdfExport
from ui.models.document_status import incoming_statuses, pending_word
from ui.models.documents_model import IncomingModel
from ui.views.document_actions import Action, incoming_actions
from ui.views.document_list_page import DocumentListPage


class IncomingView(DocumentListPage):
    def __init__(self, title: str, documents: DocumentService, directory: DirectoryService, user: User, blobs: LocalBlobs) -> None:
        self._documents, self._user, self._blobs = documents, user, blobs
        self.paper_button = QPushButton(self.tr("Register a paper document (Ctrl+N)"))
        super().__init__(title, IncomingModel(), incoming_statuses(), directory, user.unit_id, "incoming")
        self.model.setParent(self)
        self.paper_button.setParent(self)
        self.paper_button.setVisible(self._clerk)
        self.paper_button.clicked.connect(self.create_new)
        self.set_columns(IncomingModel.TITLE, {IncomingModel.SENDER: 8, IncomingModel.KIND: 3, IncomingModel.NUMBER: 10,
                                               IncomingModel.CLASSIFICATION: 3, IncomingModel.STATE: 4, IncomingModel.DUE: 6, IncomingModel.DELIVERED: 9})
        self.panel.export_requested.connect(self.export_pdf)
        self.pdf = PdfExport(self)
        self.pdf.failed.connect(lambda words, details: MessageDialog(self.tr("Export as PDF"), words, details, self).open())
        self._doc: Incoming | None = None

    @property
    def _clerk(self) -> bool:
        return CLERK_ROLE in self._user.roles

    def _header_widgets(self) -> list[QWidget]:
        return [*super()._header_widgets(), self.paper_button]

    def create_new(self) -> bool:
        """纸质来文, for the unit's clerks."""
        if not self._clerk:
            return False
        dialog = PaperDocumentDialog(self._register_paper, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.registered.connect(self._on_registered)
        dialog.open()
        return True

    def load(self, filters: DocumentFilters, text: str) -> RowPages[IncomingRow]:
        return self._documents.incoming_pages(filters, text)

    def show_document(self, incoming_id: str) -> None:
        row = self._documents.incoming(incoming_id)
        doc = self._doc = incoming_from_json(row.state)
        people = {s.actor for s in doc.history} | {h.user_id for h in doc.handlers} | {r.user_id for r in doc.readers}
        status = pending_word() if row.pending else incoming_statuses().get(row.status, row.status)
        newly_opened, self.shown = incoming_id != self.shown, incoming_id
        self.panel.show_incoming(meta_from_gb_json(row.meta), self._body(row), doc, incoming_actions(doc, self._user.id, self._user.roles),
                                 self.names(people), [a["name"] for a in row.attachments], status)
        if newly_opened:
            self._documents.opened(incoming_id)  # audited for 秘密 and above

    def export_pdf(self) -> None:
        if self.shown:
            row = self._documents.incoming(self.shown)
            self.pdf.choose_and_export(OfficialDocument(meta_from_gb_json(row.meta), self._body(row)))

    def act(self, key: str, args: dict) -> None:
        docs = self._documents
        calls = {
            "receive": docs.receive, "refuse": docs.refuse, "register": docs.register, "propose": docs.propose,
            "instruct": docs.instruct, "finish_handling": docs.finish, "conclude": docs.conclude, "archive": docs.archive,
            "circulate": docs.circulate, "mark_read": docs.mark_read, "remind": docs.remind,
        }
        calls[key](self.shown, **args)

    def choices(self, action: Action) -> list[tuple[str, str]]:
        if action.key != "remind" or self._doc is None:
            return []
        holders = sorted(todo_users(self._doc))
        names = self.names(set(holders))
        return [(user, names.get(user, user)) for user in holders]

    def _register_paper(self, meta: DocumentMeta, unit_code: str, scan: Path, due: date | None) -> str:
        stored = {"name": scan.name, "sha256": self._blobs.add(scan), "size": scan.stat().st_size}
        return self._documents.register_paper(meta_to_gb_json(meta), unit_code, stored, due)

    def _on_registered(self, incoming_id: str) -> None:
        self.refresh()
        self.open_document(incoming_id)
        self.changed.emit()

    def _body(self, row: IncomingRow) -> Body:
        return Body(tuple(self._documents.body(row.document_id, row.body_version)))

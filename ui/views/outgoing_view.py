"""发文 (and 会签, the same list narrowed to what waits for the user): the unit's documents with
their route; 拟稿 (Ctrl+N) opens the drafting dialog. Signing an opinion signs it with the user's
key when one is unlocked (签名意见); the 意见栏 checks every signed record it shows. The keeper of
the unit's seal 用印s an issued document: the PDF with the seal, signed on the seal's USB key.
Anyone exports the 核验文件 (body versions and signed opinions) for `xietong verify`."""

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QPushButton, QWidget

from app.documents.body import Body
from app.documents.official_document import OfficialDocument
from app.documents.opinion_signature import OpinionCheck, verify_opinion
from app.domain.documents.bodies import body_sha256
from app.domain.documents.metadata import meta_from_gb_json, meta_to_gb_json
from app.domain.documents.route import Route, Step, route_from_json
from app.domain.documents.routing import Opinion
from app.domain.errors import RuleViolation
from app.identity.signer import Signer
from app.services.account import User
from app.services.directory import DirectoryService
from app.services.document_export import write_document_export
from app.services.document_ops import now_iso
from app.services.document_pages import RowPages
from app.services.documents import DocumentService, RouteStep
from app.services.unit_seal import SealJob, UnitSealService
from app.store.blobs import LocalBlobs
from app.store.document_search import DocumentFilters
from app.store.models import DocumentRow
from ui.dialogs.clean_copy_dialog import CleanCopyDialog
from ui.dialogs.draft_document_dialog import Draft, DraftDocumentDialog, Template
from ui.dialogs.message_dialog import MessageDialog
from ui.dialogs.pdf_export import PdfExport
from ui.dialogs.route_step_dialog import RouteStepDialog
from ui.dialogs.seal_pin_dialog import SealPinDialog
from ui.models.document_status import outgoing_statuses, pending_word
from ui.models.documents_model import OutgoingModel
from ui.text import fill
from ui.views.document_actions import Action, removable_added_steps, route_actions
from ui.views.document_list_page import DocumentListPage
from ui.widgets.route_designer import RouteDesigner


class OutgoingView(DocumentListPage):
    def __init__(self, title: str, documents: DocumentService, directory: DirectoryService, user: User,
                 signer: Callable[[], Signer | None], blobs: LocalBlobs, waiting_only: bool = False, seal: UnitSealService | None = None) -> None:
        """`waiting_only`: 会签, the documents waiting for this user's signature; `seal`: 用印."""
        self._documents, self._user, self._signer, self._blobs, self._seal = documents, user, signer, blobs, seal
        self._waiting_only = waiting_only
        self.draft_button = QPushButton(self.tr("Draft a document (Ctrl+N)"), objectName="Primary")
        super().__init__(title, OutgoingModel(), outgoing_statuses(), directory, user.unit_id, "countersign" if waiting_only else "outgoing")
        self.model.setParent(self)
        self.draft_button.setParent(self)
        self.draft_button.setVisible(not waiting_only)
        self.draft_button.clicked.connect(self.create_new)
        self.set_columns(OutgoingModel.TITLE, {OutgoingModel.KIND: 3, OutgoingModel.NUMBER: 10, OutgoingModel.CLASSIFICATION: 3,
                                                OutgoingModel.URGENCY: 3, OutgoingModel.DRAFTER: 4, OutgoingModel.STATE: 4, OutgoingModel.UPDATED: 9})
        self.panel.export_requested.connect(self.export_pdf)
        self.panel.clean_copy_requested.connect(self._show_clean_copy)
        self.panel.seal_requested.connect(self.seal_pdf)
        self.panel.record_requested.connect(self.export_record)
        self.pdf = PdfExport(self)
        self.pdf.failed.connect(lambda words, details: MessageDialog(self.tr("Export as PDF"), words, details, self).open())
        self._route: Route | None = None

    def _header_widgets(self) -> list[QWidget]:
        return [*super()._header_widgets(), self.draft_button]

    def load(self, filters: DocumentFilters, text: str) -> RowPages[DocumentRow]:
        return self._documents.outgoing_pages(filters, text, waiting=self._waiting_only)

    def show_document(self, doc_id: str) -> None:
        row = self._documents.document(doc_id)
        route = self._route = route_from_json(row.route)
        versions = {v: Body(tuple(self._documents.body(doc_id, v))) for v in range(1, row.body_version + 1)}
        people = {route.drafter} | {a.user_id for s in route.steps for a in s.assignees} | {e.actor for e in route.history}
        status = pending_word() if row.pending else outgoing_statuses().get(row.status, row.status)
        newly_opened, self.shown = doc_id != self.shown, doc_id
        self.panel.show_outgoing(meta_from_gb_json(row.meta), versions, route, route_actions(route, self._user.id, now_iso(), bool(row.distributed)),
                                 self.names(people), self._verdict(row, versions), [a["name"] for a in row.attachments], status,
                                 self._documents.receipts(doc_id), {unit.id: unit.name for unit in self._directory.units()},
                                 sealable=self._seal is not None and self._seal.sealable(row))
        if newly_opened:
            self._documents.opened(doc_id)  # audited for 秘密 and above; a re-read after a sync is no new opening

    def create_new(self) -> bool:
        if self._waiting_only:
            return False
        designer = RouteDesigner(self._ask_step, lambda user: self.names({user}).get(user, user))
        unit = self._user.unit_name
        dialog = DraftDocumentDialog([Template(unit, f"{unit}文件", unit, "")], self._save_draft, designer, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.drafted.connect(self._on_drafted)
        dialog.open()
        return True

    def current_document(self) -> OfficialDocument:
        """The shown document as the GB/T 9704 renderer lays it out (its latest body version)."""
        row = self._documents.document(self.shown)
        return OfficialDocument(meta_from_gb_json(row.meta), Body(tuple(self._documents.body(self.shown))))

    def export_pdf(self) -> None:
        if self.shown:
            self.pdf.choose_and_export(self.current_document())

    def seal_pdf(self) -> None:
        """用印并导出PDF…: a refusal is said before anything is asked."""
        job = self.seal_job()
        if job is None:
            return
        meta = self.current_document().meta
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Seal and export PDF"), f"{meta.doc_number}{meta.title}.pdf", self.tr("PDF files (*.pdf)"))
        if name:
            self.ask_pin_and_seal(job, Path(name))

    def seal_job(self) -> SealJob | None:
        """The seal and its key for the shown document, or None once the refusal is shown."""
        try:
            if self._seal is None:
                raise RuleViolation("seal.unavailable", self.tr("Sealing is not available on this page."))
            return self._seal.prepare(self._documents.document(self.shown))
        except RuleViolation as refused:
            MessageDialog(self.tr("Seal the document"), refused.message, refused.code, self).open()
            return None

    def ask_pin_and_seal(self, job: SealJob, path: Path) -> SealPinDialog:
        doc = self.current_document()
        dialog = SealPinDialog(str(doc.meta.doc_number), job.seal.unit_name, job.key.label, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self.pdf.export_sealed(doc, job, dialog.pin.text(), path))
        dialog.open()
        return dialog

    def export_record(self) -> None:
        """导出核验文件…"""
        title = self._documents.document(self.shown).title
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Export for verification"), f"{title}.json", self.tr("Document exports (*.json)"))
        if name:
            self.write_record(Path(name))

    def write_record(self, path: Path) -> None:
        try:
            write_document_export(self._documents, self.shown, path)
        except OSError as exc:
            MessageDialog(self.tr("Export for verification"), fill(self.tr("The file %1 cannot be written. Choose another folder."), str(path)), str(exc), self).open()

    def act(self, key: str, args: dict) -> None:
        doc_id, docs = self.shown, self._documents
        if key == "sign":
            docs.sign(doc_id, args["opinion"], self._signer())
            return
        calls = {
            "send_back": docs.send_back, "retrieve": docs.retrieve, "delegate": docs.delegate,
            "add_signer": docs.add_signer, "remove_added_signer": docs.remove_added_signer, "withdraw": docs.withdraw,
            "revise": docs.revise, "distribute": docs.distribute,
        }
        calls[key](doc_id, **args)

    def choices(self, action: Action) -> list[tuple[str, str]]:
        if action.key == "distribute":
            return [(unit.id, unit.name) for unit in self._directory.units() if unit.id != self._user.unit_id]
        route = self._route
        if route is None:
            return []
        if action.key == "send_back":
            return self._step_choices(route.steps[: route.current])
        if action.key == "remove_added_signer":
            return self._step_choices(removable_added_steps(route, self._user.id, now_iso()))
        return []

    def _step_choices(self, steps: list[Step] | tuple[Step, ...]) -> list[tuple[str, str]]:
        names = self.names({a.user_id for s in steps for a in s.assignees})
        return [(step.step_id, f"{step.stage}（{'、'.join(names.get(a.user_id, a.user_id) for a in step.assignees)}）") for step in steps]

    def text_to_edit(self, action: Action) -> str:
        return "\n".join(self._documents.body(self.shown)) if action.key == "revise" else ""

    def _save_draft(self, draft: Draft) -> str:
        steps = [RouteStep(spec.stage, spec.mode, list(spec.assignees), spec.visible_to) for spec in draft.route]
        attachments = [{"name": path.name, "sha256": self._blobs.add(path), "size": path.stat().st_size} for path in draft.attachments]
        return self._documents.draft(meta_to_gb_json(draft.meta), steps, list(draft.body.paragraphs), draft.number_prefix, attachments)

    def _ask_step(self):
        dialog = RouteStepDialog(self._directory, self._unit_id, self)
        return dialog.spec() if dialog.exec() == RouteStepDialog.DialogCode.Accepted else None

    def _verdict(self, row: DocumentRow, versions: dict[int, Body]) -> Callable[[Opinion], OpinionCheck | None]:
        records = {(s["step_id"], s["round"], s["actor"]): s for s in row.signatures}

        def check(opinion: Opinion) -> OpinionCheck | None:
            event = opinion.event
            kept = records.get((event.step_id, event.round, event.actor))
            if kept is None or not kept.get("signature"):
                return None
            body = versions.get(kept["body_version"])
            sha = body_sha256(list(body.paragraphs)) if body is not None else None
            return verify_opinion(kept["signature"], body_sha256=sha, superseded=opinion.superseded)

        return check

    def _show_clean_copy(self, body: Body) -> None:
        dialog = CleanCopyDialog(body, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def _on_drafted(self, doc_id: str) -> None:
        self.shown = doc_id
        self.refresh()
        self.open_document(doc_id)
        self.changed.emit()

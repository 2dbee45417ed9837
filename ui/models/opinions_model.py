"""意见栏: each signed opinion with its step, signer, the body version signed, when, and whether
the signature holds. The caller checks each signed record (verify_opinion); an opinion without
one says 未验证 rather than implying it holds. An opinion over a step since reopened says so."""

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt

from app.documents.opinion_signature import OpinionCheck, OpinionStatus
from app.domain.documents.route import Route
from app.domain.documents.routing import Opinion
from ui.models.iso_time import iso_date_time
from ui.models.list_table_model import Index, ListTableModel
from ui.models.roles import SORT_ROLE
from ui.text import fill

Verdict = Callable[[Opinion], OpinionCheck | None]  # None: no signed record to check


class OpinionsModel(ListTableModel[tuple[Opinion, str, OpinionCheck | None]]):
    STAGE, SIGNER, OPINION, VERSION, AT, SIGNATURE = range(6)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._headers = [self.tr("Step"), self.tr("Signed by"), self.tr("Opinion"), self.tr("Body version"), self.tr("Time"), self.tr("Signature")]
        self._stages: dict[str, str] = {}

    def show_route(self, route: Route, opinions: tuple[Opinion, ...], names: dict[str, str], verdict: Verdict) -> None:
        self._stages = {step.step_id: step.stage for step in route.steps}
        self.set_rows([(o, names.get(o.event.actor, o.event.actor), verdict(o)) for o in opinions])

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        opinion, name, verdict = self._rows[index.row()]
        event, column = opinion.event, index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._text(opinion, name, verdict, column)
        if role == SORT_ROLE:
            return event.at if column == self.AT else self._text(opinion, name, verdict, column)
        return None

    def _text(self, opinion: Opinion, name: str, verdict: OpinionCheck | None, column: int) -> str:
        event = opinion.event
        if column == self.STAGE:
            return self._stages.get(event.step_id, "")
        if column == self.SIGNER:
            return name
        if column == self.OPINION:
            return event.text
        if column == self.VERSION:
            return fill(self.tr("Version %1"), event.body_version)
        if column == self.AT:
            return iso_date_time(event.at)
        return self._signature(opinion, verdict)

    def _signature(self, opinion: Opinion, check: OpinionCheck | None) -> str:
        if check is None:
            return self.tr("Not verified; superseded: the step was reopened") if opinion.superseded else self.tr("Not verified")
        words = {
            OpinionStatus.VALID: self.tr("Holds"),
            OpinionStatus.SUPERSEDED: self.tr("Holds, but superseded: the step was reopened"),
            OpinionStatus.TAMPERED_OPINION: self.tr("Does not hold: the opinion was changed after signing"),
            OpinionStatus.TAMPERED_BODY: self.tr("Does not hold: the body kept is not the one signed"),
            OpinionStatus.WRONG_KEY: self.tr("Does not hold: not signed with this person's key"),
            OpinionStatus.UNTRUSTED: self.tr("Does not hold: the certificate is not trusted"),
            OpinionStatus.MALFORMED: self.tr("Does not hold: the signature is unreadable"),
        }
        return words[check.status]

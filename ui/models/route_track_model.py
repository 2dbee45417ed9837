"""流程跟踪: the route as steps with their people (who has it now, who acted when, what is
pending), and the route's history line by line (退回 with its reason, 转办, 加签…)."""

from PySide6.QtCore import QObject, Qt

from app.domain.documents.route import ANY, PENDING, SIGNED, SKIPPED, WITHDRAWN, Assignment, Event, Route, Step
from ui.models.iso_time import iso_date_time
from ui.models.list_table_model import Index, ListTableModel
from ui.text import fill


class RouteStepsModel(ListTableModel[tuple[Step, Assignment, str]]):
    """One row per person on each step; the state column says 办理中 for the current holders."""

    STAGE, MODE, PERSON, STATE, AT = range(5)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._headers = [self.tr("Step"), self.tr("How"), self.tr("Person"), self.tr("State"), self.tr("Acted at")]
        self._names: dict[str, str] = {}

    def show_route(self, route: Route, names: dict[str, str]) -> None:
        rows = []
        for index, step in enumerate(route.steps):
            for assignment in step.assignees:
                rows.append((step, assignment, self._state(route, index, assignment)))
        self._names = names
        self.set_rows(rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        step, assignment, state = self._rows[index.row()]
        column = index.column()
        if column == self.STAGE:
            return step.stage
        if column == self.MODE:
            return self.tr("Any one (或签)") if step.mode == ANY else self.tr("All sign (会签)")
        if column == self.PERSON:
            return self._names.get(assignment.user_id, assignment.user_id)
        if column == self.STATE:
            return state
        return iso_date_time(assignment.acted_at)

    def _state(self, route: Route, index: int, assignment: Assignment) -> str:
        if assignment.state == SIGNED:
            return self.tr("Signed")
        if assignment.state == SKIPPED:
            return self.tr("Not needed (another signed)")
        if route.status == WITHDRAWN:
            return self.tr("Withdrawn")
        if index == route.current and assignment.state == PENDING:
            return self.tr("Has it now")
        return self.tr("Waiting")


class RouteHistoryModel(ListTableModel[Event]):
    AT, PERSON, ACTION, TEXT = range(4)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._headers = [self.tr("Time"), self.tr("Person"), self.tr("Action"), self.tr("Opinion or reason")]
        self._names: dict[str, str] = {}
        self._stages: dict[str, str] = {}

    def show_route(self, route: Route, names: dict[str, str]) -> None:
        self._names = names
        self._stages = {step.step_id: step.stage for step in route.steps}
        self.set_rows(list(route.history))

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        event, column = self._rows[index.row()], index.column()
        if column == self.AT:
            return iso_date_time(event.at)
        if column == self.PERSON:
            return self._names.get(event.actor, event.actor)
        if column == self.ACTION:
            return self._action(event)
        return event.text if event.kind in ("sign", "return", "withdraw") else ""

    def _action(self, event: Event) -> str:
        other = self._names.get(event.other or "", event.other or "")
        words = {
            "create": self.tr("Drafted"),
            "sign": self.tr("Signed"),
            "return": fill(self.tr("Sent back to %1"), self._stages.get(event.other or "", "")),
            "retrieve": self.tr("Took back"),
            "add_signer": fill(self.tr("Added signer %1"), other),
            "remove_signer": self.tr("Removed an added signer"),
            "delegate": fill(self.tr("Handed over to %1"), other),
            "revise": self._revised(event),
            "withdraw": self.tr("Withdrew the document"),
        }
        return words.get(event.kind, event.kind)

    def _revised(self, event: Event) -> str:
        """A revision that superseded earlier signatures says where the route went back to."""
        if event.other in (None, event.step_id):
            return fill(self.tr("Revised the body (version %1)"), str(event.body_version))
        return fill(self.tr("Revised the body (version %1); back to %2 to sign again"), str(event.body_version), self._stages.get(event.other, ""))

"""流程跟踪 of a 收文: each step taken (签收, 登记, 拟办, 批办, 承办, 办结, 归档, 传阅) with who and
when, then what is still pending: handlers not yet done, readers who have not read it."""

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt

from app.domain.documents.incoming import Incoming
from ui.models.iso_time import iso_date_time
from ui.models.list_table_model import Index, ListTableModel

Row = tuple[str, str, str, str]  # time, person, what, text


class IncomingTrackModel(ListTableModel[Row]):
    AT, PERSON, ACTION, TEXT = range(4)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._headers = [self.tr("Time"), self.tr("Person"), self.tr("Action"), self.tr("Opinion or note")]

    def show_document(self, doc: Incoming, names: dict[str, str]) -> None:
        def name(user: str) -> str:
            return names.get(user, user)

        rows: list[Row] = [(iso_date_time(s.at), name(s.actor), self._word(s.kind), self._text(s.kind, s.text, name)) for s in doc.history]
        rows += [("", name(h.user_id), self.tr("Handling (pending)"), "") for h in doc.handlers if h.done_at is None]
        rows += [("", name(r.user_id), self.tr("To read (pending)"), "") for r in doc.readers if r.read_at is None]
        self.set_rows(rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if index.isValid() and role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._rows[index.row()][index.column()]
        return None

    def _text(self, kind: str, text: str, name: Callable[[str], str]) -> str:
        # 传阅 keeps its readers as ids joined by commas: show their names.
        return "、".join(name(user) for user in text.split(",") if user) if kind == "circulate" else text

    def _word(self, kind: str) -> str:
        words = {
            "paper": self.tr("Registered a paper document"), "receive": self.tr("Signed for it"),
            "refuse": self.tr("Returned it"), "register": self.tr("Registered"), "propose": self.tr("Proposed handling"),
            "instruct": self.tr("Instructed"), "handled": self.tr("Finished their part"), "conclude": self.tr("Concluded"),
            "archive": self.tr("Archived"), "circulate": self.tr("Circulated"),
        }
        return words.get(kind, kind)

"""分发 receipts as the sender sees them: each addressed unit 已送达, 已签收 or 已退回 with its reason."""

from PySide6.QtCore import QObject, Qt

from app.store.models import ReceiptRow
from ui import time_format
from ui.models.list_table_model import Index, ListTableModel


class ReceiptsModel(ListTableModel[tuple[ReceiptRow, str]]):
    UNIT, STATE, AT, REASON = range(4)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._headers = [self.tr("Unit"), self.tr("Receipt"), self.tr("Time"), self.tr("Reason for returning")]
        self._states = {"delivered": self.tr("Delivered"), "received": self.tr("Signed for"), "returned": self.tr("Returned")}

    def show_receipts(self, receipts: list[ReceiptRow], unit_names: dict[str, str]) -> None:
        self.set_rows([(receipt, unit_names.get(receipt.unit_id, receipt.unit_id)) for receipt in receipts])

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        receipt, unit = self._rows[index.row()]
        values = {
            self.UNIT: unit, self.STATE: self._states.get(receipt.status, receipt.status),
            self.AT: time_format.date_time(receipt.at), self.REASON: receipt.reason,
        }
        return values[index.column()]

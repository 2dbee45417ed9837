"""被退回的更改: every change the server refused, with its reason, so nothing disappears silently."""

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QTableView, QVBoxLayout, QWidget

from app.services.sync_state import Rejection
from ui.models.rejections_model import RejectionsModel
from ui.views.tables import setup_table


class RejectionsDialog(QDialog):
    def __init__(self, rejections: list[Rejection], parent: QWidget | None = None) -> None:
        super().__init__(parent, windowTitle=self.tr("Changes sent back by the server"))
        self.resize(760, 360)
        intro = QLabel(
            self.tr("The server did not accept these changes. They were not applied; the reason says what to do."),
            self,
            wordWrap=True,
        )
        self.model = RejectionsModel(rejections, self)
        table = QTableView(self)
        table.setModel(self.model)
        setup_table(table, RejectionsModel.REASON, {RejectionsModel.WHEN: 9, RejectionsModel.ACTION: 9})
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(table, 1)
        layout.addWidget(buttons)

"""清稿: the body with every change accepted, to read or copy out."""

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QPlainTextEdit, QVBoxLayout, QWidget

from app.documents.body import Body


class CleanCopyDialog(QDialog):
    def __init__(self, body: Body, parent: QWidget | None = None) -> None:
        super().__init__(parent, windowTitle=self.tr("Clean copy"))
        self.resize(720, 560)
        self.text = QPlainTextEdit(self, readOnly=True)
        self.text.setPlainText("\n".join(body.paragraphs))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text, 1)
        layout.addWidget(buttons)

"""用印's PIN: which document gets which unit's seal, from which USB key, and that key's PIN. The
PIN goes to the key only; it is neither kept nor shown."""

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from ui.text import fill


class SealPinDialog(QDialog):
    def __init__(self, doc_number: str, unit_name: str, key_label: str, parent: QWidget | None = None) -> None:
        super().__init__(parent, windowTitle=self.tr("Seal the document"))
        self.words = QLabel(fill(self.tr("Seal %1 with the seal of %2 and sign it with the unit's key on %3."), doc_number, unit_name, key_label),
                            self, wordWrap=True)
        self.words.setMinimumWidth(420)
        self.pin = QLineEdit(self, echoMode=QLineEdit.EchoMode.Password, maxLength=64, placeholderText=self.tr("PIN of the seal key"))
        buttons = QDialogButtonBox(self)
        self.ok_button: QPushButton = buttons.addButton(self.tr("Seal and export"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._accept_with_pin)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.words)
        layout.addWidget(self.pin)
        layout.addWidget(buttons)

    def _accept_with_pin(self) -> None:
        if self.pin.text():
            self.accept()
        else:
            self.pin.setFocus()

"""Under a PIN field: how many tries the key has left (when it says), and on the last try a box to
tick first, so nobody locks their key by accident. It never retries anything by itself."""

from PySide6.QtWidgets import QCheckBox, QLabel, QVBoxLayout, QWidget


class PinGuard(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tries = QLabel(self, objectName="Secondary", wordWrap=True, visible=False)
        self.last_try = QCheckBox(self.tr("This is the last try: a wrong PIN locks the key. Try anyway."), self, visible=False)
        self._left: int | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tries)
        layout.addWidget(self.last_try)

    def show_tries(self, left: int | None) -> None:
        """None: the key does not say; 0: locked; 1: the next PIN is the last chance."""
        self._left = left
        self.last_try.setChecked(False)
        self.last_try.setVisible(left == 1)
        self.tries.setVisible(left is not None)
        if left == 0:
            self.tries.setText(self.tr("This key is locked after too many wrong PINs. The IT department can unlock it."))
        elif left == 1:
            self.tries.setText(self.tr("One try left."))
        elif left is not None:
            self.tries.setText(self.tr("%n tries left.", "", left))

    def refusal(self) -> str:
        """Why a PIN must not be tried now, in words; empty when it may."""
        if self._left == 0:
            return self.tr("This key is locked. Ask the IT department to unlock it.")
        if self._left == 1 and not self.last_try.isChecked():
            return self.tr("Only one try is left. Tick the box to confirm you want to use it.")
        return ""

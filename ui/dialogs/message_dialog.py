"""A message in words a clerk understands, with the technical text behind a 详细信息 fold."""

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from ui.widgets.details_fold import DetailsFold


class MessageDialog(QDialog):
    def __init__(self, title: str, words: str, details: str, parent: QWidget | None = None) -> None:
        super().__init__(parent, windowTitle=title)
        self.words = QLabel(words, self, wordWrap=True)
        self.words.setMinimumWidth(420)
        self.fold = DetailsFold(self)
        self.fold.set_details(details)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok, self)
        buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(self.words)
        layout.addWidget(self.fold)
        layout.addWidget(buttons)

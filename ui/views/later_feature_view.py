"""A page for a feature of a later version (收文, 发文, 会签): a calm empty state
saying what will appear there, instead of a blank area or an error."""

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QVBoxLayout

from ui.icons import icon
from ui.views.page import Page, page_header
from ui.widgets.empty_state import EmptyState


class LaterFeatureView(Page):
    def __init__(self, title: str, picture: QIcon, heading: str, text: str) -> None:
        super().__init__()
        self.empty_state = EmptyState(picture, heading, text, self)
        layout = QVBoxLayout(self)
        layout.addLayout(page_header(title))
        layout.addWidget(self.empty_state, 1)


def later_feature_pages() -> dict[str, LaterFeatureView]:
    """The pages of 收文, 发文 and 会签, keyed like the navigation entries."""
    translate = QCoreApplication.translate
    return {
        "incoming": LaterFeatureView(
            translate("LaterFeatures", "Incoming documents"),
            icon("incoming"),
            translate("LaterFeatures", "Documents sent to your unit will appear here"),
            translate("LaterFeatures", "The clerk signs for each document, registers it and passes it on; handlers and leaders see what waits for them, with its deadline. This arrives in a later version."),
        ),
        "outgoing": LaterFeatureView(
            translate("LaterFeatures", "Outgoing documents"),
            icon("outgoing"),
            translate("LaterFeatures", "Documents your unit drafts and sends will appear here"),
            translate("LaterFeatures", "Drafting, review, signing off, numbering and distribution through the exchange, with receipts from every addressed unit. This arrives in a later version."),
        ),
        "countersign": LaterFeatureView(
            translate("LaterFeatures", "Countersigning"),
            icon("countersign"),
            translate("LaterFeatures", "Documents waiting for your countersignature will appear here"),
            translate("LaterFeatures", "When several units or leaders must agree on a document, each signs here in turn or in parallel. This arrives in a later version."),
        ),
    }

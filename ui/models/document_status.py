"""The words of a 公文's state, for lists and the document panel."""

from PySide6.QtCore import QCoreApplication

from app.domain.documents import incoming as inc
from app.domain.documents.route import IN_PROGRESS, SIGNED_OFF, WITHDRAWN


def outgoing_statuses() -> dict[str, str]:
    translate = QCoreApplication.translate
    return {
        IN_PROGRESS: translate("DocumentStatus", "In progress"),
        SIGNED_OFF: translate("DocumentStatus", "Signed off"),
        WITHDRAWN: translate("DocumentStatus", "Withdrawn"),
    }


def incoming_statuses() -> dict[str, str]:
    translate = QCoreApplication.translate
    return {
        inc.DELIVERED: translate("DocumentStatus", "To sign for"),
        inc.RETURNED: translate("DocumentStatus", "Returned"),
        inc.RECEIVED: translate("DocumentStatus", "Signed for"),
        inc.REGISTERED: translate("DocumentStatus", "Registered"),
        inc.PROPOSED: translate("DocumentStatus", "Awaiting instruction"),
        inc.HANDLING: translate("DocumentStatus", "Being handled"),
        inc.CONCLUDED: translate("DocumentStatus", "Concluded"),
        inc.ARCHIVED: translate("DocumentStatus", "Archived"),
    }


def pending_word() -> str:
    return QCoreApplication.translate("DocumentStatus", "Waiting to send")

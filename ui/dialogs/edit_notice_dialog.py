"""修改通知: the publisher changes title, audience or text of their notice (offline too). The
server merges per field; a field someone changed meanwhile keeps their value, and this edit is
kept as a conflict copy the notices page shows."""

from PySide6.QtWidgets import QWidget

from app.domain.notices import NoticeDraft
from app.services.notices import NoticeDetail, NoticeService
from ui.dialogs.publish_notice_dialog import PublishNoticeDialog
from ui.models.notices_model import audience_label


class EditNoticeDialog(PublishNoticeDialog):
    def __init__(self, notices: NoticeService, detail: NoticeDetail, online: bool, parent: QWidget | None = None) -> None:
        super().__init__(notices, online, parent)
        self.setWindowTitle(self.tr("Edit the notice"))
        self.publish_button.setText(self.tr("Save (Ctrl+Enter)"))
        self._notice_id = detail.summary.id
        summary = detail.summary
        if self.audience.findData(summary.audience) < 0:  # kept as it is, even where one may not choose it
            self.audience.addItem(audience_label(summary.audience, summary.audience_name), summary.audience)
        self.audience.setCurrentIndex(self.audience.findData(summary.audience))
        self.title.setText(summary.title)
        self.body.setPlainText(detail.body)

    def _submit(self, draft: NoticeDraft) -> str:
        self._notices.edit(self._notice_id, {"title": draft.title, "body": draft.body, "audience": draft.audience})
        return self._notice_id

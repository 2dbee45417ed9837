"""The sample 公文 (通政办发〔2012〕216号) as an OfficialDocument, for tests and bench."""

import json
from pathlib import Path

from app.documents.body import Body
from app.documents.import_text import import_text
from app.documents.official_document import Attachment, OfficialDocument
from app.domain.documents.metadata import meta_from_gb_json

FIXTURES = Path(__file__).parents[1] / "fixtures" / "documents"
SAMPLE_TEXT = FIXTURES / "nantong-egov-plan-2012.txt"
SAMPLE_META = FIXTURES / "nantong-egov-plan-2012.meta.json"


def nantong_sample() -> OfficialDocument:
    """The published text: web-page title, title, index and number lines, 主送 + the one body
    paragraph, 署名 + date, then the attached plan (its title, then its text)."""
    meta = meta_from_gb_json(json.loads(SAMPLE_META.read_text("utf-8")))
    paragraphs = import_text(SAMPLE_TEXT).paragraphs
    recipients_line = "，".join(meta.main_recipients) + "："
    body_start = paragraphs.index(recipients_line) + 1
    attachment_start = paragraphs.index(meta.attachments[0], body_start) + 1
    body = Body(paragraphs[body_start : body_start + 1])
    attachment = Attachment(meta.attachments[0], Body(paragraphs[attachment_start:]))
    return OfficialDocument(meta, body, (attachment,))


def sample_meta() -> dict:
    """The sample's GB/T 33480 metadata before 签发: no 文号 yet, as a drafter fills it in."""
    meta = json.loads(SAMPLE_META.read_text("utf-8"))
    return {**meta, "发文字号": None}

"""What the GB/T 9704 renderer lays out: metadata, the body, and the attachments printed after it."""

from dataclasses import dataclass

from app.documents.body import Body
from app.domain.documents.metadata import DocumentMeta


@dataclass(frozen=True)
class Attachment:
    title: str
    body: Body


@dataclass(frozen=True)
class OfficialDocument:
    meta: DocumentMeta
    body: Body
    attachments: tuple[Attachment, ...] = ()

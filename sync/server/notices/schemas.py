"""Arguments of the notice ops, as clients put them in Op.args."""

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from sync.protocol.messages import ID_PATTERN, MAX_ATTACHMENTS, Attachment


class PublishArgs(BaseModel):
    model_config = ConfigDict(extra="forbid")
    id: str = Field(pattern=ID_PATTERN)
    title: str
    body: str
    audience: str = Field(max_length=64)
    attachments: list[Attachment] = Field(default_factory=list, max_length=MAX_ATTACHMENTS)


class ReadArgs(BaseModel):
    model_config = ConfigDict(extra="forbid")
    notice_id: str = Field(pattern=ID_PATTERN)


EditableField = Literal["title", "body", "audience"]


class EditArgs(BaseModel):
    """notice.edit: `base` holds what the publisher saw of each field they changed."""

    model_config = ConfigDict(extra="forbid")
    id: str = Field(pattern=ID_PATTERN)
    base: dict[EditableField, str]
    changes: dict[EditableField, str] = Field(min_length=1)

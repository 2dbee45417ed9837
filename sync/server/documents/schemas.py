"""Arguments of the 公文 ops, as clients put them in Op.args. The action-specific fields of
document.route and document.incoming are checked by app.domain.documents.ops."""

from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from sync.protocol.messages import ID_PATTERN, MAX_ATTACHMENTS, Attachment

INCOMING_ID = r"^[A-Za-z0-9._:-]{1,140}$"
MAX_UNITS = 500


class StepArgs(BaseModel):
    model_config = ConfigDict(extra="forbid")
    stage: str = Field(max_length=8)
    mode: str = Field(max_length=8)
    assignees: list[tuple[str, str]] = Field(min_length=1, max_length=200)
    visible_to: list[str] = Field(default_factory=list, max_length=MAX_UNITS)


class DraftArgs(BaseModel):
    """document.draft: `meta` keyed as the GB/T 33480 samples; `sha256` of the paragraphs."""

    model_config = ConfigDict(extra="forbid")
    id: str = Field(pattern=ID_PATTERN)
    meta: dict[str, Any]
    number_prefix: str = Field(max_length=64)
    steps: list[StepArgs] = Field(min_length=1, max_length=50)
    paragraphs: list[str]
    sha256: str = Field(max_length=64)
    attachments: list[Attachment] = Field(default_factory=list, max_length=MAX_ATTACHMENTS)
    at: str = Field(max_length=40)


class ActionArgs(BaseModel):
    """document.route / document.revise / document.incoming: the target, the action and who acts."""

    model_config = ConfigDict(extra="allow")
    id: str = Field(pattern=INCOMING_ID)
    action: str = Field(max_length=32)
    actor: str = Field(max_length=64)
    signature: dict[str, Any] | None = None


class DistributeArgs(BaseModel):
    model_config = ConfigDict(extra="forbid")
    id: str = Field(pattern=ID_PATTERN)
    main: list[str] = Field(min_length=1, max_length=MAX_UNITS)
    copy_: list[str] = Field(default_factory=list, max_length=MAX_UNITS, alias="copy")


class RemindArgs(BaseModel):
    model_config = ConfigDict(extra="forbid")
    id: str = Field(pattern=ID_PATTERN)
    incoming_id: str = Field(pattern=INCOMING_ID)
    to_id: str = Field(max_length=64)
    text: str = Field(min_length=1, max_length=2000)


class PaperArgs(BaseModel):
    """document.paper: a paper document registered by hand; the scan is its attachment."""

    model_config = ConfigDict(extra="forbid")
    id: str = Field(pattern=ID_PATTERN)
    meta: dict[str, Any]
    attachments: list[Attachment] = Field(min_length=1, max_length=MAX_ATTACHMENTS)
    at: str = Field(max_length=40)


class OpenArgs(BaseModel):
    model_config = ConfigDict(extra="forbid")
    id: str = Field(pattern=INCOMING_ID)

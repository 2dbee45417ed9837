"""Arguments of the 文件共享 ops, as clients put them in Op.args."""

from pydantic import BaseModel, ConfigDict, Field

from sync.protocol.messages import ID_PATTERN, Attachment

CONTAINER = ID_PATTERN  # a folder id, or a cabinet id such as "unit:u01"


class _Args(BaseModel):
    model_config = ConfigDict(extra="forbid")


class FolderCreateArgs(_Args):
    id: str = Field(pattern=ID_PATTERN)
    container: str = Field(pattern=CONTAINER)
    name: str = Field(max_length=400)


class RenameArgs(_Args):
    id: str = Field(pattern=ID_PATTERN)
    name: str = Field(max_length=400)


class IdArgs(_Args):
    id: str = Field(pattern=ID_PATTERN)


class ShareArgs(_Args):
    folder_id: str = Field(pattern=ID_PATTERN)
    grantee_kind: str
    grantee_id: str = Field(min_length=1, max_length=64)
    right: str  # read, write, or none to withdraw


class SaveArgs(_Args):
    """file.save: a new file (base_version 0) or a new version of what the editor saw
    (base_version). `copy_id` names the conflict copy should the file have moved on meanwhile."""

    id: str = Field(pattern=ID_PATTERN)
    container: str = Field(pattern=CONTAINER)
    name: str = Field(max_length=400)
    level: str
    base_version: int = Field(ge=0)
    copy_id: str = Field(pattern=ID_PATTERN)
    attachments: list[Attachment] = Field(min_length=1, max_length=1)


class MoveArgs(_Args):
    id: str = Field(pattern=ID_PATTERN)
    container: str = Field(pattern=CONTAINER)


class RestoreArgs(_Args):
    id: str = Field(pattern=ID_PATTERN)
    number: int = Field(ge=1)


class ClassifyArgs(_Args):
    id: str = Field(pattern=ID_PATTERN)
    level: str

"""Arguments of the 统一授权 ops an administrator's client pushes."""

from pydantic import BaseModel, ConfigDict, Field

NAME = Field(min_length=1, max_length=64)


class RoleArgs(BaseModel):
    model_config = ConfigDict(extra="forbid")
    role: str = NAME
    description: str = Field(default="", max_length=400)


class GrantArgs(BaseModel):
    model_config = ConfigDict(extra="forbid")
    role: str = NAME
    permission: str = Field(min_length=1, max_length=200)


class MemberArgs(BaseModel):
    model_config = ConfigDict(extra="forbid")
    role: str = NAME
    person_id: str = NAME


class ClearanceArgs(BaseModel):
    model_config = ConfigDict(extra="forbid")
    person_id: str = NAME
    clearance: str = Field(min_length=1, max_length=8)

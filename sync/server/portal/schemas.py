"""The body of POST /portal/v1/todo."""

from typing import Literal

from pydantic import BaseModel, Field

Urgency = Literal["normal", "urgent", "very_urgent"]  # 普通、急、特急


class TodoIn(BaseModel):
    id: str = Field(min_length=1, max_length=128, description="the item's id in the calling system; sending it again updates the item")
    user: str = Field(min_length=1, max_length=64, description="the login of the person whose 待办 it is")
    title: str = Field(min_length=1, max_length=400)
    link: str = Field(min_length=1, max_length=2000, description="where the item opens, in the calling system")
    deadline: float | None = Field(default=None, description="Unix time")
    urgency: Urgency = "normal"
    done: bool = Field(default=False, description="true: handled, the item leaves the portal's 待办")


class TodoOut(BaseModel):
    id: str
    version: int

"""Arguments of the booking ops, as clients put them in Op.args."""

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

from sync.protocol.messages import ID_PATTERN

MAX_EPOCH_S = 10**10  # the year 2286: times beyond are nonsense, refused before any date arithmetic


class RequestArgs(BaseModel):
    """booking.request: times are UTC epoch seconds; `rule` an RRULE without DTSTART."""

    model_config = ConfigDict(extra="forbid")
    id: str = Field(pattern=ID_PATTERN)
    room_id: str = Field(max_length=64)
    title: str
    start: int = Field(ge=0, le=MAX_EPOCH_S)
    end: int = Field(ge=0, le=MAX_EPOCH_S)
    attendees: int = Field(ge=1, le=10_000)
    rule: str = Field(default="", max_length=500)
    exdates: list[Annotated[int, Field(ge=0, le=MAX_EPOCH_S)]] = Field(default_factory=list, max_length=100)
    invitees: list[str] = Field(default_factory=list, max_length=500)  # person ids; the client expands departments
    equipment: list[str] = Field(default_factory=list, max_length=20)  # what the meeting needs from the room


class AnswerArgs(BaseModel):
    """booking.answer: an invitee accepts or declines."""

    model_config = ConfigDict(extra="forbid")
    id: str = Field(pattern=ID_PATTERN)
    answer: Literal["accepted", "declined"]


class CancelArgs(BaseModel):
    """booking.cancel: the whole booking, or only the occurrences starting at `starts`."""

    model_config = ConfigDict(extra="forbid")
    id: str = Field(pattern=ID_PATTERN)
    starts: list[Annotated[int, Field(ge=0, le=MAX_EPOCH_S)]] = Field(default_factory=list, max_length=100)


class ApproveArgs(BaseModel):
    """booking.approve: the room manager approves the booking's awaiting occurrences, or refuses
    them with a reason."""

    model_config = ConfigDict(extra="forbid")
    id: str = Field(pattern=ID_PATTERN)
    approve: bool
    reason: str = Field(default="", max_length=400)


class MoveArgs(BaseModel):
    """booking.move: the occurrence starting at `from_start` moves to [start, end)."""

    model_config = ConfigDict(extra="forbid")
    id: str = Field(pattern=ID_PATTERN)
    from_start: int = Field(ge=0, le=MAX_EPOCH_S)
    start: int = Field(ge=0, le=MAX_EPOCH_S)
    end: int = Field(ge=0, le=MAX_EPOCH_S)

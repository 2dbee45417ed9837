"""Arguments of the vehicle ops, as clients put them in Op.args."""

from pydantic import BaseModel, ConfigDict, Field

from sync.protocol.messages import ID_PATTERN
from sync.server.bookings.schemas import MAX_EPOCH_S


class RequestArgs(BaseModel):
    """vehicle.request: times are UTC epoch seconds."""

    model_config = ConfigDict(extra="forbid")
    id: str = Field(pattern=ID_PATTERN)
    purpose: str
    passengers: int = Field(ge=0, le=100)
    origin: str
    destination: str
    start: int = Field(ge=0, le=MAX_EPOCH_S)
    end: int = Field(ge=0, le=MAX_EPOCH_S)


class DecideArgs(BaseModel):
    """vehicle.approve (reason unused) and vehicle.refuse (reason required)."""

    model_config = ConfigDict(extra="forbid")
    id: str = Field(pattern=ID_PATTERN)
    reason: str = Field(default="", max_length=400)


class DispatchArgs(BaseModel):
    model_config = ConfigDict(extra="forbid")
    id: str = Field(pattern=ID_PATTERN)
    vehicle_id: str = Field(max_length=64)
    driver_id: str = Field(max_length=64)


class MileageArgs(BaseModel):
    """vehicle.depart and vehicle.return: the odometer in kilometres."""

    model_config = ConfigDict(extra="forbid")
    id: str = Field(pattern=ID_PATTERN)
    km: int = Field(ge=0, le=10_000_000)

"""Tables of rooms, bookings and each booking's occurrences (场次). On PostgreSQL an exclusion
constraint (migration 0005_bookings) makes two confirmed occurrences of one room overlapping
impossible, whatever the code above it does."""

from typing import Any

from sqlalchemy import JSON, BigInteger, Boolean, Float, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from sync.server.database import Base


class RoomModel(Base):
    __tablename__ = "rooms"
    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    unit_id: Mapped[str] = mapped_column(ForeignKey("units.id"), index=True)
    name: Mapped[str] = mapped_column(String(100))
    building: Mapped[str] = mapped_column(String(100))
    location: Mapped[str] = mapped_column(String(200))
    capacity: Mapped[int] = mapped_column(Integer)
    needs_approval: Mapped[bool] = mapped_column(Boolean, default=False)
    equipment: Mapped[list[str]] = mapped_column(JSON, default=list)


class RoomBookingModel(Base):
    __tablename__ = "room_bookings"
    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    room_id: Mapped[str] = mapped_column(ForeignKey("rooms.id"), index=True)
    organiser_id: Mapped[str] = mapped_column(ForeignKey("people.id"), index=True)
    title: Mapped[str] = mapped_column(String(400))
    attendees: Mapped[int] = mapped_column(Integer)
    equipment: Mapped[list[str]] = mapped_column(JSON, default=list)
    rule: Mapped[str] = mapped_column(Text, default="")
    requested_at: Mapped[float] = mapped_column(Float)
    cancelled: Mapped[bool] = mapped_column(Boolean, default=False)
    version: Mapped[int] = mapped_column(Integer)


class RoomSlotModel(Base):
    """One occurrence: confirmed, awaiting the room manager, declined (with the reason and the
    alternatives offered) or cancelled. Confirmed and awaiting ones hold the room."""

    __tablename__ = "room_slots"
    id: Mapped[str] = mapped_column(String(80), primary_key=True)
    booking_id: Mapped[str] = mapped_column(ForeignKey("room_bookings.id"), index=True)
    room_id: Mapped[str] = mapped_column(ForeignKey("rooms.id"))
    start_ts: Mapped[int] = mapped_column(BigInteger)
    end_ts: Mapped[int] = mapped_column(BigInteger)
    status: Mapped[str] = mapped_column(String(16))
    reason: Mapped[str] = mapped_column(Text, default="")
    alternatives: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)

    __table_args__ = (Index("ix_room_slots_room_start", "room_id", "status", "start_ts"),)


class InvitationModel(Base):
    """An attendee invited to a booking (会议通知), and their answer: "", accepted or declined."""

    __tablename__ = "room_invitations"
    booking_id: Mapped[str] = mapped_column(ForeignKey("room_bookings.id"), primary_key=True)
    person_id: Mapped[str] = mapped_column(ForeignKey("people.id"), primary_key=True)
    answer: Mapped[str] = mapped_column(String(16), default="")

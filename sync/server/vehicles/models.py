"""Tables of the fleet, the drivers and the 用车申请. On PostgreSQL exclusion constraints
(migration 0005_bookings) keep one car, and one driver, from two trips at once."""

from sqlalchemy import BigInteger, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from sync.server.database import Base


class VehicleModel(Base):
    __tablename__ = "vehicles"
    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    unit_id: Mapped[str] = mapped_column(ForeignKey("units.id"), index=True)
    plate: Mapped[str] = mapped_column(String(20))
    seats: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(40))
    status: Mapped[str] = mapped_column(String(20))
    version: Mapped[int] = mapped_column(Integer, default=1)


class DriverModel(Base):
    __tablename__ = "drivers"
    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    unit_id: Mapped[str] = mapped_column(ForeignKey("units.id"), index=True)
    name: Mapped[str] = mapped_column(String(64))
    phone: Mapped[str] = mapped_column(String(64))
    person_id: Mapped[str | None] = mapped_column(ForeignKey("people.id"), nullable=True)  # the driver's own login, if any


class VehicleRequestModel(Base):
    __tablename__ = "vehicle_requests"
    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    unit_id: Mapped[str] = mapped_column(ForeignKey("units.id"))
    requester_id: Mapped[str] = mapped_column(ForeignKey("people.id"))
    department_id: Mapped[str] = mapped_column(String(64))
    purpose: Mapped[str] = mapped_column(String(400))
    passengers: Mapped[int] = mapped_column(Integer)
    origin: Mapped[str] = mapped_column(String(400))
    destination: Mapped[str] = mapped_column(String(400))
    start_ts: Mapped[int] = mapped_column(BigInteger)
    end_ts: Mapped[int] = mapped_column(BigInteger)
    status: Mapped[str] = mapped_column(String(16))
    reason: Mapped[str] = mapped_column(Text, default="")
    vehicle_id: Mapped[str | None] = mapped_column(ForeignKey("vehicles.id"), nullable=True)
    driver_id: Mapped[str | None] = mapped_column(ForeignKey("drivers.id"), nullable=True)
    depart_km: Mapped[int | None] = mapped_column(Integer, nullable=True)
    return_km: Mapped[int | None] = mapped_column(Integer, nullable=True)
    version: Mapped[int] = mapped_column(Integer)

    __table_args__ = (Index("ix_vehicle_requests_unit_start", "unit_id", "start_ts"),)

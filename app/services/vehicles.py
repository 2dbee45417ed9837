"""公务用车: the unit's cars and drivers, 用车申请 and their steps (审批, 派车, 出车/回车), each
shown at once (offline too) and decided by the server; the monthly report."""

import time
import uuid
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain import authz
from app.domain.authz import VEHICLE_APPROVE, VEHICLE_DISPATCH
from app.domain.errors import RuleViolation
from app.domain.vehicles import (
    DISPATCHED,
    HOLDING,
    OUT,
    RETURNED,
    MonthlyReport,
    Taken,
    Trip,
    TripDraft,
    Vehicle,
    check_dispatch,
    check_mileage,
    free_vehicles,
    monthly_report,
    validate_trip,
)
from app.services import local_ops
from app.services.account import User
from app.services.authz import permissions_in
from app.store import outbox
from app.store.cache import Cache
from app.store.models import DepartmentRow, DriverRow, VehicleRequestRow, VehicleRow

SCHEDULED = (DISPATCHED, OUT, RETURNED)  # the trips a driver was given, done or to do


@dataclass(frozen=True)
class Driver:
    id: str
    name: str
    phone: str


@dataclass(frozen=True)
class TripRequest:
    """A 用车申请 as the lists show it; `waiting` while a local step has not reached the server."""

    id: str
    requester_name: str
    purpose: str
    passengers: int
    origin: str
    destination: str
    start: int
    end: int
    status: str
    reason: str
    plate: str
    driver_name: str
    depart_km: int | None
    return_km: int | None
    waiting: bool
    mine: bool
    driving: bool  # this user is the driver sent on it: they record 出车/回车 too


class VehicleService:
    def __init__(self, cache: Cache, user: User) -> None:
        self._cache = cache
        self._user = user

    @property
    def may_approve(self) -> bool:
        return authz.holds(self._permissions(), VEHICLE_APPROVE)

    @property
    def may_dispatch(self) -> bool:
        return authz.holds(self._permissions(), VEHICLE_DISPATCH)

    def fleet(self) -> list[Vehicle]:
        with self._cache.session() as s:
            return _fleet(s)

    def drivers(self) -> list[Driver]:
        with self._cache.session() as s:
            return [Driver(d.id, d.name, d.phone) for d in s.scalars(select(DriverRow).order_by(DriverRow.name))]

    def requests(self) -> list[TripRequest]:
        """The unit's requests, latest trip first."""
        with self._cache.session() as s:
            plates = dict(s.execute(select(VehicleRow.id, VehicleRow.plate)).all())
            rows = s.scalars(select(VehicleRequestRow).order_by(VehicleRequestRow.start.desc()))
            return [self._view(r, plates, _drivers(s)) for r in rows]

    def request(self, purpose: str, passengers: int, origin: str, destination: str, start: int, end: int) -> str:
        """Ask for a car (offline too). Raises RuleViolation."""
        draft = validate_trip(TripDraft(purpose, passengers, origin, destination, start, end), time.time())
        request_id = uuid.uuid4().hex
        args = {"id": request_id, "purpose": draft.purpose, "passengers": draft.passengers, "origin": draft.origin, "destination": draft.destination, "start": start, "end": end}
        self._act("vehicle.request", args)
        return request_id

    def approve(self, request_id: str) -> None:
        authz.check(self._permissions(), VEHICLE_APPROVE)
        self._act("vehicle.approve", {"id": request_id})

    def refuse(self, request_id: str, reason: str) -> None:
        if not reason.strip():
            raise RuleViolation("vehicle.reason_missing", "不批准或无法派车时，请写明原因。")
        self._act("vehicle.refuse", {"id": request_id, "reason": reason.strip()})

    def dispatch(self, request_id: str, vehicle_id: str, driver_id: str) -> None:
        """派车, checked at once against what this computer knows; the server checks again."""
        authz.check(self._permissions(), VEHICLE_DISPATCH)
        with self._cache.session() as s:
            row = s.get(VehicleRequestRow, request_id)
            fleet = {v.id: v for v in _fleet(s)}
            taken = _taken(s, row.start, row.end)
        others = [v.plate for v in free_vehicles(row.start, row.end, row.passengers, fleet.values(), taken) if v.id != vehicle_id]
        check_dispatch(request_id, row.start, row.end, row.passengers, fleet[vehicle_id], driver_id, taken, others)
        self._act("vehicle.dispatch", {"id": request_id, "vehicle_id": vehicle_id, "driver_id": driver_id})

    def free_for(self, request_id: str) -> tuple[list[Vehicle], list[Driver]]:
        """The cars and drivers that can take this request, as far as this computer knows."""
        with self._cache.session() as s:
            row = s.get(VehicleRequestRow, request_id)
            start, end, passengers = row.start, row.end, row.passengers
        return self.free_at(start, end, passengers, request_id)

    def free_at(self, start: int, end: int, passengers: int = 1, ignoring: str = "") -> tuple[list[Vehicle], list[Driver]]:
        """The cars (enough seats, in service) and drivers with no trip in [start, end), leaving
        out the trip `ignoring` itself."""
        with self._cache.session() as s:
            taken = [t for t in _taken(s, start, end) if t.request_id != ignoring]
            cars = free_vehicles(start, end, passengers, _fleet(s), taken)
            busy = {t.driver_id for t in taken}
            drivers = [Driver(d.id, d.name, d.phone) for d in s.scalars(select(DriverRow).order_by(DriverRow.name)) if d.id not in busy]
        return cars, drivers

    def driver_schedule(self, start: int, end: int) -> dict[str, list[TripRequest]]:
        """司机排班: each driver's trips (派车 on) overlapping [start, end), in time order, by driver id;
        a driver with none is free all that time."""
        found: dict[str, list[TripRequest]] = {d.id: [] for d in self.drivers()}
        for driver_id, _, trip in self._scheduled(start, end):
            found.setdefault(driver_id, []).append(trip)
        return found

    def vehicle_schedule(self, start: int, end: int) -> dict[str, list[TripRequest]]:
        """The same by car: each car's trips overlapping [start, end), by vehicle id."""
        found: dict[str, list[TripRequest]] = {v.id: [] for v in self.fleet()}
        for _, vehicle_id, trip in self._scheduled(start, end):
            found.setdefault(vehicle_id, []).append(trip)
        return found

    def _scheduled(self, start: int, end: int) -> list[tuple[str, str, TripRequest]]:
        """(driver id, vehicle id, trip) of the trips given a car and a driver, overlapping [start, end)."""
        with self._cache.session() as s:
            plates = dict(s.execute(select(VehicleRow.id, VehicleRow.plate)).all())
            drivers = _drivers(s)
            rows = s.scalars(
                select(VehicleRequestRow)
                .where(VehicleRequestRow.status.in_(SCHEDULED), VehicleRequestRow.start < end, VehicleRequestRow.end > start)
                .order_by(VehicleRequestRow.start)
            )
            return [(r.driver_id, r.vehicle_id, self._view(r, plates, drivers)) for r in rows]

    def depart(self, request_id: str, km: int) -> None:
        self._act("vehicle.depart", {"id": request_id, "km": km})

    def return_(self, request_id: str, km: int) -> None:
        with self._cache.session() as s:
            check_mileage(s.get(VehicleRequestRow, request_id).depart_km, km)
        self._act("vehicle.return", {"id": request_id, "km": km})

    def report(self, month: str) -> MonthlyReport:
        """Mileage per car and trips per department of the returned trips of `month` ("2026-12")."""
        with self._cache.session() as s:
            plates = dict(s.execute(select(VehicleRow.id, VehicleRow.plate)).all())
            departments = dict(s.execute(select(DepartmentRow.id, DepartmentRow.name)).all())
            rows = s.scalars(select(VehicleRequestRow).where(VehicleRequestRow.status == RETURNED))
            trips = [Trip(plates.get(r.vehicle_id, r.vehicle_id), departments.get(r.department_id, r.department_id), r.start, r.return_km - r.depart_km) for r in rows]
        return monthly_report(month, trips)

    def _permissions(self) -> set[str]:
        with self._cache.session() as s:
            return permissions_in(s, self._user)

    def _act(self, name: str, args: dict) -> None:
        with self._cache.sessions.begin() as s:
            local_ops.apply(s, self._user, name, args, time.time())
            outbox.append(s, name, args)

    def _view(self, r: VehicleRequestRow, plates: dict[str, str], drivers: dict[str, tuple[str, str | None]]) -> TripRequest:
        driver_name, driver_person = drivers.get(r.driver_id, ("", None))
        return TripRequest(
            r.id, r.requester_name, r.purpose, r.passengers, r.origin, r.destination, r.start, r.end, r.status, r.reason,
            plates.get(r.vehicle_id, ""), driver_name, r.depart_km, r.return_km, r.pending or r.server_values is not None, r.requester_id == self._user.id,
            driver_person == self._user.id,
        )  # fmt: skip


def _fleet(s: Session) -> list[Vehicle]:
    return [Vehicle(v.id, v.plate, v.seats, v.status, v.kind) for v in s.scalars(select(VehicleRow).order_by(VehicleRow.plate))]


def _drivers(s: Session) -> dict[str, tuple[str, str | None]]:
    """Each driver's name and own login (person id), by driver id."""
    return {d.id: (d.name, d.person_id) for d in s.scalars(select(DriverRow))}


def _taken(s: Session, start: int, end: int) -> list[Taken]:
    rows = s.scalars(select(VehicleRequestRow).where(VehicleRequestRow.status.in_(HOLDING), VehicleRequestRow.start < end, VehicleRequestRow.end > start))
    return [Taken(r.id, r.vehicle_id, r.driver_id, r.start, r.end) for r in rows]

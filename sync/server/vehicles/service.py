"""The op handlers of 用车: request, approve or refuse (审批), dispatch (派车, checked one at a
time so no car or driver is given twice), depart and return (出车/回车 mileage)."""

import time
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain.authz import VEHICLE_APPROVE, VEHICLE_DISPATCH
from app.domain.errors import RuleViolation
from app.domain.scopes import resource_scope
from app.domain.vehicles import (
    APPROVED,
    DISPATCHED,
    HOLDING,
    OUT,
    REFUSED,
    REQUESTED,
    RETURNED,
    Taken,
    TripDraft,
    Vehicle,
    check_dispatch,
    check_mileage,
    free_vehicles,
    validate_trip,
)
from sync.server.auth.service import CurrentUser
from sync.server.authz import service as authz
from sync.server.changelog import service as changelog
from sync.server.changelog.service import EntityChange
from sync.server.directory.models import PersonModel
from sync.server.vehicles.models import DriverModel, VehicleModel, VehicleRequestModel
from sync.server.vehicles.schemas import DecideArgs, DispatchArgs, MileageArgs, RequestArgs


def request(session: Session, user: CurrentUser, args: dict[str, Any]) -> dict[str, Any]:
    a = RequestArgs.model_validate(args)
    draft = validate_trip(TripDraft(a.purpose, a.passengers, a.origin, a.destination, a.start, a.end), time.time())
    if session.get(VehicleRequestModel, a.id) is not None:
        raise RuleViolation("vehicle.duplicate_id", "已有相同编号的用车申请，本次申请未执行。")
    row = VehicleRequestModel(
        id=a.id, unit_id=user.unit_id, requester_id=user.id, department_id=user.department_id, purpose=draft.purpose, passengers=draft.passengers,
        origin=draft.origin, destination=draft.destination, start_ts=draft.start, end_ts=draft.end, status=REQUESTED, reason="", version=1,
    )  # fmt: skip
    session.add(row)
    _record(session, row)
    return {"request_id": row.id, "status": row.status}


def approve(session: Session, user: CurrentUser, args: dict[str, Any]) -> dict[str, Any]:
    a = DecideArgs.model_validate(args)
    authz.require(session, user, VEHICLE_APPROVE)
    row = _own_unit(session, user, a.id, (REQUESTED,), "只有待审批的申请可以审批。")
    return _change(session, row, status=APPROVED)


def refuse(session: Session, user: CurrentUser, args: dict[str, Any]) -> dict[str, Any]:
    """未批准 at 审批, or 无车可派 at 派车: either way the requester sees the reason."""
    a = DecideArgs.model_validate(args)
    if not a.reason.strip():
        raise RuleViolation("vehicle.reason_missing", "不批准或无法派车时，请写明原因。")
    row = _own_unit(session, user, a.id, (REQUESTED, APPROVED), "该申请已派车或已办结，不能再退回。")
    authz.require(session, user, VEHICLE_APPROVE if row.status == REQUESTED else VEHICLE_DISPATCH)
    return _change(session, row, status=REFUSED, reason=a.reason.strip())


def dispatch(session: Session, user: CurrentUser, args: dict[str, Any]) -> dict[str, Any]:
    a = DispatchArgs.model_validate(args)
    authz.require(session, user, VEHICLE_DISPATCH)
    row = _own_unit(session, user, a.id, (APPROVED,), "只有已批准的申请可以派车。")
    car, driver = session.get(VehicleModel, a.vehicle_id), session.get(DriverModel, a.driver_id)
    if car is None or car.unit_id != user.unit_id or driver is None or driver.unit_id != user.unit_id:
        raise RuleViolation("vehicle.unknown", "所选车辆或驾驶员不属于本单位。")
    changelog.lock_writers(session)  # one dispatch decided at a time, on every database
    taken = _taken(session, user.unit_id, row.start_ts, row.end_ts)
    fleet = [_vehicle(v) for v in session.scalars(select(VehicleModel).where(VehicleModel.unit_id == user.unit_id))]
    others = [v.plate for v in free_vehicles(row.start_ts, row.end_ts, row.passengers, fleet, taken) if v.id != car.id]
    check_dispatch(row.id, row.start_ts, row.end_ts, row.passengers, _vehicle(car), driver.id, taken, others)
    return _change(session, row, status=DISPATCHED, vehicle_id=car.id, driver_id=driver.id)


def depart(session: Session, user: CurrentUser, args: dict[str, Any]) -> dict[str, Any]:
    a = MileageArgs.model_validate(args)
    row = _own_unit(session, user, a.id, (DISPATCHED,), "只有已派车的申请可以登记出车。")
    _check_recorder(session, user, row)
    return _change(session, row, status=OUT, depart_km=a.km)


def return_(session: Session, user: CurrentUser, args: dict[str, Any]) -> dict[str, Any]:
    a = MileageArgs.model_validate(args)
    row = _own_unit(session, user, a.id, (OUT,), "只有已出车的申请可以登记回车。")
    _check_recorder(session, user, row)
    check_mileage(row.depart_km, a.km)
    return _change(session, row, status=RETURNED, return_km=a.km)


def add_fleet(session: Session, vehicles: list[VehicleModel], drivers: list[DriverModel]) -> None:
    """Create cars and drivers (set-up and demo data) and send them to their units."""
    for v in vehicles:
        v.version = 1
    session.add_all([*vehicles, *drivers])
    by_unit: dict[str, list[EntityChange]] = {}
    for v in vehicles:
        by_unit.setdefault(v.unit_id, []).append(EntityChange("vehicle", v.id, v.version, _vehicle_data(v)))
    for d in drivers:
        by_unit.setdefault(d.unit_id, []).append(EntityChange("driver", d.id, 1, {"unit_id": d.unit_id, "name": d.name, "phone": d.phone, "person_id": d.person_id}))
    for unit_id, changes in by_unit.items():
        changelog.record_many(session, resource_scope(unit_id), changes)


def set_status(session: Session, car: VehicleModel, status: str) -> None:
    """A car goes in for repair (维修), out of use (停用) or back in service (在用, one of
    VEHICLE_STATES); a car not in service is never dispatched, and every client of its unit
    learns it on the next pull."""
    car.status, car.version = status, car.version + 1
    changelog.record(session, resource_scope(car.unit_id), "vehicle", car.id, car.version, _vehicle_data(car))


def _vehicle_data(v: VehicleModel) -> dict[str, Any]:
    return {"unit_id": v.unit_id, "plate": v.plate, "seats": v.seats, "kind": v.kind, "status": v.status}


def _check_recorder(session: Session, user: CurrentUser, row: VehicleRequestModel) -> None:
    """The requester, a vehicle dispatcher (统一授权), or the driver sent on the trip."""
    driver = session.get(DriverModel, row.driver_id) if row.driver_id else None
    if user.id != row.requester_id and not authz.holds(session, user, VEHICLE_DISPATCH) and (driver is None or driver.person_id != user.id):
        raise RuleViolation("vehicle.not_recorder", "出车、回车里程由驾驶员、车辆调度员或申请人登记。")


def _own_unit(session: Session, user: CurrentUser, request_id: str, states: tuple[str, ...], wrong_state: str) -> VehicleRequestModel:
    row = session.get(VehicleRequestModel, request_id)
    if row is None or row.unit_id != user.unit_id:
        raise RuleViolation("vehicle.request_unknown", "该用车申请不存在，或不属于本单位。")
    if row.status not in states:
        raise RuleViolation("vehicle.wrong_state", wrong_state)
    return row


def _change(session: Session, row: VehicleRequestModel, **fields: Any) -> dict[str, Any]:
    for name, value in fields.items():
        setattr(row, name, value)
    row.version += 1
    session.flush()  # on PostgreSQL the exclusion constraints check the car and the driver here
    _record(session, row)
    return {"request_id": row.id, "status": row.status}


def _taken(session: Session, unit_id: str, start: int, end: int) -> list[Taken]:
    rows = session.execute(
        select(VehicleRequestModel.id, VehicleRequestModel.vehicle_id, VehicleRequestModel.driver_id, VehicleRequestModel.start_ts, VehicleRequestModel.end_ts).where(
            VehicleRequestModel.unit_id == unit_id, VehicleRequestModel.status.in_(HOLDING), VehicleRequestModel.start_ts < end, VehicleRequestModel.end_ts > start
        )
    )
    return [Taken(*r) for r in rows]


def _vehicle(v: VehicleModel) -> Vehicle:
    return Vehicle(v.id, v.plate, v.seats, v.status)


def _record(session: Session, row: VehicleRequestModel) -> None:
    requester = session.get(PersonModel, row.requester_id)
    data = {
        "unit_id": row.unit_id,
        "requester_id": row.requester_id,
        "requester_name": requester.name if requester else "",
        "department_id": row.department_id,
        "purpose": row.purpose,
        "passengers": row.passengers,
        "origin": row.origin,
        "destination": row.destination,
        "start": row.start_ts,
        "end": row.end_ts,
        "status": row.status,
        "reason": row.reason,
        "vehicle_id": row.vehicle_id,
        "driver_id": row.driver_id,
        "depart_km": row.depart_km,
        "return_km": row.return_km,
    }
    changelog.record(session, resource_scope(row.unit_id), "vehicle_request", row.id, row.version, data)


OPS = {
    "vehicle.request": request,
    "vehicle.approve": approve,
    "vehicle.refuse": refuse,
    "vehicle.dispatch": dispatch,
    "vehicle.depart": depart,
    "vehicle.return": return_,
}

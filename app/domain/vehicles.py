"""公务用车: a 用车申请 passes 审批 (a unit leader or the office head), then 派车 (the vehicle
manager assigns a car and a driver, neither of them double-booked), then 出车/回车 with the
odometer read at each end. Times are UTC epoch seconds, half-open like room bookings."""

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from app.domain.bookings import overlaps
from app.domain.errors import RuleViolation
from app.domain.recurrence import local

MAX_TRIP_S = 7 * 24 * 3600
MAX_AHEAD_S = 366 * 24 * 3600
TEXT_MAX_CHARS = 200

# Request states.
REQUESTED = "requested"  # 待审批
APPROVED = "approved"  # 已批准，待派车
REFUSED = "refused"  # 未批准 (审批 said no) or 无车可派 (the manager could not serve it)
DISPATCHED = "dispatched"  # 已派车
OUT = "out"  # 已出车
RETURNED = "returned"  # 已回车
HOLDING = (DISPATCHED, OUT)  # states in which a car and a driver are taken

IN_SERVICE = "在用"
VEHICLE_STATES = (IN_SERVICE, "维修", "停用")  # only a car in service is dispatched


@dataclass(frozen=True)
class TripDraft:
    purpose: str
    passengers: int
    origin: str
    destination: str
    start: int
    end: int


@dataclass(frozen=True)
class Vehicle:
    id: str
    plate: str
    seats: int
    status: str
    kind: str = ""  # 轿车, 商务车…


@dataclass(frozen=True)
class Taken:
    """A dispatched trip holding a car and a driver."""

    request_id: str
    vehicle_id: str
    driver_id: str
    start: int
    end: int


def validate_trip(draft: TripDraft, now: float) -> TripDraft:
    """Return the draft with its texts trimmed, or raise RuleViolation with the reason."""
    purpose, origin, destination = draft.purpose.strip(), draft.origin.strip(), draft.destination.strip()
    if not purpose:
        raise RuleViolation("vehicle.purpose_empty", "请填写用车事由。")
    if not destination:
        raise RuleViolation("vehicle.destination_empty", "请填写目的地。")
    if max(len(purpose), len(origin), len(destination)) > TEXT_MAX_CHARS:
        raise RuleViolation("vehicle.text_too_long", f"事由、出发地和目的地均不能超过 {TEXT_MAX_CHARS} 个字。")
    if draft.passengers < 1:
        raise RuleViolation("vehicle.no_passengers", "乘车人数至少 1 人。")
    if draft.end <= draft.start:
        raise RuleViolation("vehicle.end_before_start", "返回时间必须晚于出发时间。")
    if draft.end - draft.start > MAX_TRIP_S:
        raise RuleViolation("vehicle.too_long", "一次用车不能超过 7 天。")
    if draft.start > now + MAX_AHEAD_S:
        raise RuleViolation("vehicle.too_far", "只能申请一年以内的用车。")
    if draft.end <= now:
        raise RuleViolation("vehicle.in_the_past", "用车时间已过，不能再申请。")
    return TripDraft(purpose, draft.passengers, origin, destination, draft.start, draft.end)


def check_dispatch(request_id: str, start: int, end: int, passengers: int, vehicle: Vehicle, driver_id: str, taken: Iterable[Taken], free_plates: list[str]) -> None:
    """The car must be in service with enough seats; neither it nor the driver may hold another
    trip at the same time. The refusal names what else is free, so the manager can offer it."""
    offer = f"同一时间可派的车辆：{'、'.join(free_plates)}。" if free_plates else "同一时间没有其他空闲车辆。"
    if vehicle.status != IN_SERVICE:
        raise RuleViolation("vehicle.not_in_service", f"车辆 {vehicle.plate} 当前状态为“{vehicle.status}”，不能派出。{offer}")
    if vehicle.seats < passengers:
        raise RuleViolation("vehicle.too_small", f"车辆 {vehicle.plate} 只有 {vehicle.seats} 座，乘车 {passengers} 人。{offer}")
    for t in taken:
        if t.request_id == request_id or not overlaps(start, end, t.start, t.end):
            continue
        if t.vehicle_id == vehicle.id:
            raise RuleViolation("vehicle.car_busy", f"车辆 {vehicle.plate} 在 {_span(t.start, t.end)} 已派给其他用车。{offer}")
        if t.driver_id == driver_id:
            raise RuleViolation("vehicle.driver_busy", f"该驾驶员在 {_span(t.start, t.end)} 已有出车任务。")


def free_vehicles(start: int, end: int, passengers: int, fleet: Iterable[Vehicle], taken: Iterable[Taken]) -> list[Vehicle]:
    """Cars in service with enough seats and no trip overlapping [start, end), fewest seats first."""
    busy = {t.vehicle_id for t in taken if overlaps(start, end, t.start, t.end)}
    return sorted((v for v in fleet if v.status == IN_SERVICE and v.seats >= passengers and v.id not in busy), key=lambda v: (v.seats, v.plate))


def check_mileage(depart_km: int | None, return_km: int) -> None:
    if depart_km is None:
        raise RuleViolation("vehicle.not_departed", "尚未登记出车里程，不能登记回车。")
    if return_km < depart_km:
        raise RuleViolation("vehicle.mileage_backwards", f"回车里程 {return_km} 公里小于出车里程 {depart_km} 公里。")


@dataclass(frozen=True)
class Trip:
    """A returned trip, as the monthly report counts it."""

    plate: str
    department: str
    start: int
    kilometres: int


@dataclass(frozen=True)
class MonthlyReport:
    month: str  # "2026-12"
    by_vehicle: list[tuple[str, int, int]]  # (plate, trips, kilometres)
    by_department: list[tuple[str, int]]  # (department, trips)


def monthly_report(month: str, trips: Iterable[Trip]) -> MonthlyReport:
    """Mileage per vehicle and trips per department of the trips that set out in `month`
    (Shanghai calendar), largest first."""
    kilometres: dict[str, int] = defaultdict(int)
    per_vehicle: Counter[str] = Counter()
    per_department: Counter[str] = Counter()
    for t in trips:
        if f"{local(t.start):%Y-%m}" != month:
            continue
        kilometres[t.plate] += t.kilometres
        per_vehicle[t.plate] += 1
        per_department[t.department] += 1
    by_vehicle = sorted(((p, per_vehicle[p], kilometres[p]) for p in per_vehicle), key=lambda r: (-r[2], r[0]))
    by_department = sorted(per_department.items(), key=lambda r: (-r[1], r[0]))
    return MonthlyReport(month, by_vehicle, by_department)


def _span(start: int, end: int) -> str:
    return f"{local(start):%Y-%m-%d %H:%M}至{local(end):%m-%d %H:%M}"

"""用车 with real clients: a request made offline shows at once as 待审批; the office head approves
and dispatches from his own client; mileage is recorded; the month's report is exported to .xlsx
and .csv and reads back as the trips were. A car already out is refused at once, offline."""

import csv

import pytest
from openpyxl import load_workbook

from app.domain.errors import RuleViolation
from app.domain.recurrence import local
from app.domain.vehicles import APPROVED, DISPATCHED, REQUESTED, RETURNED
from app.services.vehicle_report import write_csv, write_xlsx
from tests.server.inprocess_clients import inprocess_client
from tests.support.bookings import day_at


def test_request_approve_dispatch_return_and_report(deployment, tmp_path):
    staff, _ = inprocess_client(deployment, "liming", tmp_path / "a")
    head, _ = inprocess_client(deployment, "chenjg", tmp_path / "b")
    staff.sync()
    head.sync()
    start, end = day_at(200, "08:00"), day_at(200, "18:00")
    request_id = staff.vehicles.request("赴海门检查", 3, "市政府", "海门市人民政府", start, end)
    [mine] = [r for r in staff.vehicles.requests() if r.id == request_id]
    assert (mine.status, mine.waiting, mine.mine) == (REQUESTED, True, True)
    staff.sync()
    head.sync()
    head.vehicles.approve(request_id)
    cars, drivers = head.vehicles.free_for(request_id)
    assert [c.plate for c in cars] == ["苏F·00101", "苏F·00102"] and len(drivers) == 2
    head.vehicles.dispatch(request_id, cars[0].id, drivers[0].id)
    head.sync()
    staff.sync()
    [shown] = [r for r in staff.vehicles.requests() if r.id == request_id]
    assert (shown.status, shown.plate, shown.driver_name, shown.waiting) == (DISPATCHED, "苏F·00101", drivers[0].name, False)
    schedule = staff.vehicles.driver_schedule(day_at(200, "00:00"), day_at(201, "00:00"))  # 司机排班, as pulled
    assert [t.id for t in schedule[drivers[0].id]] == [request_id] and schedule[drivers[1].id] == []

    other = staff.vehicles.request("送文件", 1, "市政府", "市档案馆", day_at(200, "10:00"), day_at(200, "11:00"))
    staff.sync()
    head.sync()
    head.vehicles.approve(other)
    with pytest.raises(RuleViolation) as refused:  # answered at once, before any sync
        head.vehicles.dispatch(other, cars[0].id, drivers[1].id)
    assert refused.value.code == "vehicle.car_busy" and "苏F·00102" in refused.value.message
    assert [r.status for r in head.vehicles.requests() if r.id == other] == [APPROVED]

    staff.vehicles.depart(request_id, 20500)
    staff.vehicles.return_(request_id, 20618)
    staff.sync()
    head.sync()
    assert [r.status for r in head.vehicles.requests() if r.id == request_id] == [RETURNED]
    month = f"{local(start):%Y-%m}"
    report = head.vehicles.report(month)
    assert report.by_vehicle == [("苏F·00101", 1, 118)]
    write_xlsx(report, tmp_path / "report.xlsx")
    write_csv(report, tmp_path / "report.csv")
    book = load_workbook(tmp_path / "report.xlsx")
    rows = [tuple(r) for r in book["车辆里程"].iter_rows(min_row=3, values_only=True)]
    assert rows == [("苏F·00101", 1, 118)]
    assert [tuple(r) for r in book["处室用车"].iter_rows(min_row=3, values_only=True)] == [("综合处", 1)]  # 李明's department
    with (tmp_path / "report.csv").open(encoding="utf-8-sig") as f:
        lines = list(csv.reader(f))
    assert lines[0] == [f"{month} 车辆里程统计"] and ["苏F·00101", "1", "118"] in lines

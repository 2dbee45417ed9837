"""用车 page: requests with their state in words; the office head (HEAD) approves and assigns a car
on the dispatch screen, which offers only the free cars and drivers; a staff member sees no
approve or dispatch button; the drivers' schedule (司机排班) shows each driver's trips by day or
week and who is free; the driver sent on a trip records its mileage from their own login; the
month's report exports to .xlsx."""

import pytest
from PySide6.QtCore import Qt
from openpyxl import load_workbook

from app.services.account import User
from app.services.vehicles import VehicleService
from app.store import outbox
from app.store.mirror import apply_row
from tests.support.bookings import day_at
from tests.support.cache_data import HEAD, OFFICE
from tests.ui.conftest import activated
from ui.dialogs.vehicle_request_dialog import VehicleRequestDialog
from ui.time_format import local
from ui.views.vehicles_view import VehiclesView


def trip_row(cache, request_id: str, start: str, end: str, status: str, vehicle_id=None, driver_id=None, passengers: int = 3, **extra) -> None:
    data = {
        "requester_id": OFFICE.id, "requester_name": OFFICE.name, "department_id": "u01-d1", "purpose": "赴如皋调研", "passengers": passengers,
        "origin": "市政府", "destination": "如皋市人民政府", "start": day_at(20, start), "end": day_at(20, end), "status": status, "reason": "",
        "vehicle_id": vehicle_id, "driver_id": driver_id, "depart_km": None, "return_km": None, **extra,
    }  # fmt: skip
    with cache.sessions.begin() as s:
        apply_row(s, "vehicle_request", request_id, 1, False, data)


@pytest.fixture
def fleet(cache):
    with cache.sessions.begin() as s:
        apply_row(s, "vehicle", "u01-v1", 1, False, {"unit_id": "u01", "plate": "苏F·00101", "seats": 5, "kind": "轿车", "status": "在用"})
        apply_row(s, "vehicle", "u01-v2", 1, False, {"unit_id": "u01", "plate": "苏F·00102", "seats": 7, "kind": "商务车", "status": "在用"})
        apply_row(s, "driver", "u01-k1", 1, False, {"unit_id": "u01", "name": "张师傅", "phone": "0513-80010001"})
        apply_row(s, "driver", "u01-k2", 1, False, {"unit_id": "u01", "name": "李师傅", "phone": "0513-80010002"})
    trip_row(cache, "busy", "08:00", "12:00", "dispatched", "u01-v1", "u01-k1")
    trip_row(cache, "wants", "09:00", "11:00", "approved")
    return cache


def page(qtbot, cache, user) -> VehiclesView:
    view = VehiclesView(VehicleService(cache, user), local(day_at(1, "08:00")).date())  # tomorrow, Shanghai
    qtbot.addWidget(view)
    view.show()
    view.refresh()
    return view


def states(view: VehiclesView) -> dict[str, str]:
    model = view.model
    return {model.row_item(r).id: model.index(r, model.STATE).data() for r in range(model.rowCount())}


def test_the_dispatch_screen_offers_only_free_cars_and_drivers_and_assigns(qtbot, fleet):
    view = page(qtbot, fleet, HEAD)
    assert states(view) == {"busy": "已派车", "wants": "已批准，待派车"}
    view.select("wants")
    assert view.dispatch_button.isEnabled() and not view.approve_button.isEnabled()
    dialog = activated(qtbot, view.open_dispatch())
    assert [dialog.car.itemText(i) for i in range(dialog.car.count())] == ["苏F·00102（7 座）"]
    assert [dialog.driver.itemText(i) for i in range(dialog.driver.count())] == ["李师傅，0513-80010002"]
    dialog.assign_button.click()
    assert states(view)["wants"] == "已派车（待同步）"
    assert view.model.index(view.model.row_of("wants"), view.model.CAR).data() == "苏F·00102，李师傅"
    with fleet.session() as s:
        [op] = outbox.pending_rows(s)
    assert (op.name, op.args) == ("vehicle.dispatch", {"id": "wants", "vehicle_id": "u01-v2", "driver_id": "u01-k2"})


def test_with_nothing_free_the_dispatch_screen_says_so_and_cannot_assign(qtbot, fleet):
    trip_row(fleet, "van-out", "08:00", "12:00", "out", "u01-v2", "u01-k2")
    view = page(qtbot, fleet, HEAD)
    view.select("wants")
    dialog = activated(qtbot, view.open_dispatch())
    assert not dialog.assign_button.isEnabled() and "没有空闲" in dialog.error.text()


def test_staff_can_request_but_not_approve_or_dispatch(qtbot, fleet):
    trip_row(fleet, "new", "14:00", "15:00", "requested")
    view = page(qtbot, fleet, OFFICE)
    view.select("new")
    assert not view.approve_button.isEnabled() and not view.dispatch_button.isEnabled()
    view.create_new()
    dialog = activated(qtbot, view.findChild(VehicleRequestDialog))
    dialog.purpose.setText("送文件")
    dialog.destination.setText("市档案馆")
    dialog.send_button.click()
    assert "待审批（待同步）" in states(view).values()


def test_the_month_report_exports_to_xlsx(qtbot, fleet, tmp_path):
    trip_row(fleet, "done", "13:00", "17:00", "returned", "u01-v1", "u01-k1", depart_km=1000, return_km=1086)
    view = page(qtbot, fleet, HEAD)
    view.month.setDate(local(day_at(20, "13:00")).date())
    view.export_report(tmp_path / "month.xlsx")
    sheet = load_workbook(tmp_path / "month.xlsx")["车辆里程"]
    assert [tuple(r) for r in sheet.iter_rows(min_row=3, values_only=True)] == [("苏F·00101", 1, 86)]


def test_the_schedule_shows_each_driver_s_and_car_s_trips_and_who_is_free(qtbot, fleet):
    trip_row(fleet, "back", "13:00", "17:00", "returned", "u01-v1", "u01-k1", depart_km=1000, return_km=1086)
    trip_row(fleet, "asked", "14:00", "15:00", "approved", passengers=6)
    view = page(qtbot, fleet, HEAD)
    view.select("wants")
    assert view.free_label.text() == "该时段空闲：车辆 苏F·00102；驾驶员 李师傅"
    view.select("asked")  # six people: only the van, and both drivers are free then
    assert view.free_label.text() == "该时段空闲：车辆 苏F·00102；驾驶员 张师傅、李师傅"
    view.tabs.setCurrentWidget(view.schedule)
    view.schedule.show_day(local(day_at(20, "08:00")).date())
    model = view.schedule.model
    drivers = [model.headerData(r, Qt.Orientation.Vertical).split("\n")[0] for r in range(model.rowCount())]
    assert drivers == ["张师傅", "李师傅"] and model.columnCount() == 1
    assert model.index(0, 0).data() == "08:00–12:00 苏F·00101 前往如皋市人民政府（已派车）\n13:00–17:00 苏F·00101 前往如皋市人民政府（已回车）"
    assert model.index(1, 0).data() == "空闲"
    view.schedule.mode.setCurrentIndex(1)  # the week: the trip's day among seven
    assert model.columnCount() == 7
    assert [model.index(0, c).data() for c in range(7)].count("空闲") == 6
    view.schedule.who.setCurrentIndex(1)  # by car: its type, seats and status, and who drives each trip
    cars = [model.headerData(r, Qt.Orientation.Vertical) for r in range(model.rowCount())]
    assert cars == ["苏F·00101\n轿车，5 座，在用", "苏F·00102\n商务车，7 座，在用"]
    assert "08:00–12:00 张师傅 前往如皋市人民政府（已派车）\n13:00–17:00 张师傅 前往如皋市人民政府（已回车）" in [model.index(0, c).data() for c in range(7)]


def test_the_driver_sent_on_a_trip_may_record_its_mileage_and_others_may_not(qtbot, fleet):
    driver = User("p9", "zhangsf", "张三", "u01", "市人民政府办公室", "u01-d3", ("驾驶员",))
    with fleet.sessions.begin() as s:
        apply_row(s, "driver", "u01-k1", 2, False, {"unit_id": "u01", "name": "张师傅", "phone": "0513-80010001", "person_id": driver.id})
    view = page(qtbot, fleet, driver)
    view.select("busy")  # driven by 张师傅, who is this user
    assert view.depart_button.isEnabled()
    other = page(qtbot, fleet, User("p8", "sunl", "孙亮", "u01", "市人民政府办公室", "u01-d3", ("科员",)))
    other.select("busy")
    assert not other.depart_button.isEnabled()

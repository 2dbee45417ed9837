"""用车: the unit's requests with their state in words; the next step for the selected one is one
button (审批 for leaders, 派车 for the vehicle manager, 出车/回车 mileage), with the cars and
drivers free at its time said below; the drivers' schedules (司机排班) on their own tab; the
monthly report exports to .xlsx or .csv."""

from pathlib import Path

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QDateEdit, QFileDialog, QHBoxLayout, QInputDialog, QLabel, QPushButton, QTableView, QTabWidget, QVBoxLayout, QWidget

from app.domain.errors import RuleViolation
from app.domain.vehicles import APPROVED, DISPATCHED, OUT, REFUSED, REQUESTED, RETURNED
from app.services.vehicle_report import write_csv, write_xlsx
from app.services.vehicles import TripRequest, VehicleService
from ui.dialogs.dispatch_dialog import DispatchDialog
from ui.dialogs.vehicle_request_dialog import VehicleRequestDialog
from ui.models.vehicle_requests_model import VehicleRequestsModel
from ui.text import fill
from ui.views.trip_schedule import TripSchedule
from ui.views.page import Page, page_header
from ui.views.tables import setup_table

MAX_KM = 10_000_000


class VehiclesView(Page):
    def __init__(self, vehicles: VehicleService, today: QDate) -> None:
        super().__init__()
        self._vehicles, self._today = vehicles, today
        self.model = VehicleRequestsModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        setup_table(self.table, VehicleRequestsModel.PURPOSE, {VehicleRequestsModel.WHEN: 11, VehicleRequestsModel.DESTINATION: 8, VehicleRequestsModel.REQUESTER: 4, VehicleRequestsModel.PASSENGERS: 3, VehicleRequestsModel.CAR: 9, VehicleRequestsModel.STATE: 10})
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._enable())
        self.new_button = QPushButton(self.tr("Request a car (Ctrl+N)"), self, objectName="Primary")
        self.approve_button = QPushButton(self.tr("Approve"), self)
        self.refuse_button = QPushButton(self.tr("Refuse…"), self)
        self.dispatch_button = QPushButton(self.tr("Assign a car…"), self)
        self.depart_button = QPushButton(self.tr("Departure mileage…"), self)
        self.return_button = QPushButton(self.tr("Return mileage…"), self)
        self.month = QDateEdit(today, self, displayFormat="yyyy-MM")
        self.export_button = QPushButton(self.tr("Export the month's report…"), self)
        self.error = QLabel(self, objectName="ErrorText", wordWrap=True, visible=False)
        self.free_label = QLabel(self, objectName="Secondary", wordWrap=True)
        self.schedule = TripSchedule(vehicles, today, self)
        for button, slot in (
            (self.new_button, self.create_new),
            (self.approve_button, self._approve),
            (self.refuse_button, self._refuse),
            (self.dispatch_button, self.open_dispatch),
            (self.depart_button, lambda: self._mileage(self._vehicles.depart, self.tr("Odometer at departure (km)"), 0)),
            (self.return_button, lambda: self._mileage(self._vehicles.return_, self.tr("Odometer on return (km)"), self._departed_km())),
            (self.export_button, self._choose_export),
        ):
            button.clicked.connect(slot)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self._requests_tab(), self.tr("Requests"))
        self.tabs.addTab(self.schedule, self.tr("Drivers' schedule"))
        self.tabs.currentChanged.connect(lambda: self.refresh())
        layout = QVBoxLayout(self)
        layout.addLayout(page_header(self.tr("Vehicles"), self.month, self.export_button, self.new_button))
        layout.addWidget(self.tabs, 1)

    def _requests_tab(self) -> QWidget:
        tab = QWidget(self)
        steps = QHBoxLayout()
        for button in (self.approve_button, self.refuse_button, self.dispatch_button, self.depart_button, self.return_button):
            steps.addWidget(button)
        steps.addStretch(1)
        layout = QVBoxLayout(tab)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(steps)
        layout.addWidget(self.error)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.free_label)
        return tab

    def refresh(self) -> None:
        chosen = self.selected()
        self.model.set_rows(self._vehicles.requests())
        if chosen is not None and self.model.row_of(chosen.id) >= 0:
            self.table.selectRow(self.model.row_of(chosen.id))
        self._enable()
        if self.tabs.currentWidget() is self.schedule:
            self.schedule.refresh()

    def create_new(self) -> bool:
        dialog = VehicleRequestDialog(self._vehicles, self._today, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.requested.connect(self._changed)
        dialog.open()
        return True

    def selected(self) -> TripRequest | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_item(rows[0].row()) if rows else None

    def select(self, request_id: str) -> None:
        self.table.selectRow(self.model.row_of(request_id))

    def open_dispatch(self) -> DispatchDialog | None:
        trip = self.selected()
        if trip is None:
            return None
        dialog = DispatchDialog(self._vehicles, trip, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.dispatched.connect(self._changed)
        dialog.open()
        return dialog

    def export_report(self, path: Path) -> None:
        """The month chosen above, as .xlsx or (any other suffix) .csv."""
        report = self._vehicles.report(self.month.date().toString("yyyy-MM"))
        (write_xlsx if path.suffix.lower() == ".xlsx" else write_csv)(report, path)

    def _choose_export(self) -> None:
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Export the month's report"), f"用车月报-{self.month.date().toString('yyyy-MM')}.xlsx", self.tr("Excel workbook (*.xlsx);;CSV (*.csv)"))
        if name:
            try:
                self.export_report(Path(name))
            except OSError as exc:
                self._say(fill(self.tr("The report could not be written to %1: %2"), name, exc.strerror or str(exc)))

    def _approve(self) -> None:
        self._step(lambda trip: self._vehicles.approve(trip.id))

    def _refuse(self) -> None:
        reason, ok = QInputDialog.getText(self, self.tr("Refuse the request"), self.tr("Reason (the requester sees it):"))
        if ok:
            self._step(lambda trip: self._vehicles.refuse(trip.id, reason))

    def _departed_km(self) -> int:
        trip = self.selected()
        return trip.depart_km or 0 if trip else 0

    def _mileage(self, record, label: str, start_at: int) -> None:
        km, ok = QInputDialog.getInt(self, self.tr("Vehicles"), label, start_at, 0, MAX_KM)
        if ok:
            self._step(lambda trip: record(trip.id, km))

    def _step(self, act) -> None:
        trip = self.selected()
        if trip is None:
            return
        try:
            act(trip)
        except RuleViolation as violation:
            self._say(violation.message)
            return
        self._changed()

    def _say(self, words: str) -> None:
        self.error.setText(words)
        self.error.show()

    def _changed(self, *_ids: str) -> None:
        self.error.hide()
        self.refresh()
        self.changed.emit()

    def _enable(self) -> None:
        trip = self.selected()
        status = trip.status if trip else ""
        recorder = trip is not None and (trip.mine or trip.driving or self._vehicles.may_dispatch)
        self.approve_button.setEnabled(self._vehicles.may_approve and status == REQUESTED)
        self.refuse_button.setEnabled((self._vehicles.may_approve and status == REQUESTED) or (self._vehicles.may_dispatch and status == APPROVED))
        self.dispatch_button.setEnabled(self._vehicles.may_dispatch and status == APPROVED)
        self.depart_button.setEnabled(recorder and status == DISPATCHED)
        self.return_button.setEnabled(recorder and status == OUT)
        self._say_free(trip)

    def _say_free(self, trip: TripRequest | None) -> None:
        """Who could take the selected trip: the free cars and drivers at its time."""
        if trip is None or trip.status in (REFUSED, RETURNED):
            self.free_label.clear()
            return
        cars, drivers = self._vehicles.free_at(trip.start, trip.end, trip.passengers, trip.id)
        nobody = self.tr("none")
        self.free_label.setText(
            fill(self.tr("Free at that time: cars %1; drivers %2"), "、".join(c.plate for c in cars) or nobody, "、".join(d.name for d in drivers) or nobody)
        )

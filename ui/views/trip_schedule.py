"""司机排班: every driver's trips for one day or one week, a driver with nothing that day shown as
free; or the same per car, each with its type, seats and status (在用, 维修…). A tab of the 用车
page, so the manager sees who and what can still be sent."""

from PySide6.QtCore import QDate, QDateTime, QLocale, QTime
from PySide6.QtWidgets import QAbstractItemView, QComboBox, QHBoxLayout, QHeaderView, QLabel, QPushButton, QTableView, QVBoxLayout, QWidget

from app.services.vehicles import VehicleService
from ui.models.trip_schedule_model import ScheduleDay, ScheduleRow, TripScheduleModel
from ui.text import fill
from ui.time_format import ZONE

DAY, WEEK = 0, 1
DRIVERS, CARS = 0, 1


class TripSchedule(QWidget):
    def __init__(self, vehicles: VehicleService, today: QDate, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._vehicles, self._day = vehicles, today
        self.mode = QComboBox(self)
        self.mode.addItems([self.tr("Day"), self.tr("Week")])
        self.mode.currentIndexChanged.connect(lambda: self.refresh())
        self.who = QComboBox(self)
        self.who.addItems([self.tr("Drivers"), self.tr("Cars")])
        self.who.currentIndexChanged.connect(lambda: self.refresh())
        self.date_label = QLabel(self, objectName="Secondary")
        buttons = [QPushButton(text, self) for text in (self.tr("< Earlier"), self.tr("Today"), self.tr("Later >"))]
        for button, step in zip(buttons, (-1, 0, 1), strict=True):
            button.clicked.connect(lambda _checked=False, step=step: self._move(step, today))
        self.model = TripScheduleModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        row = QHBoxLayout()
        row.addWidget(self.who)
        row.addWidget(self.mode)
        for button in buttons:
            row.addWidget(button)
        row.addWidget(self.date_label)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.table, 1)

    def show_day(self, day: QDate) -> None:
        self._day = day
        self.refresh()

    def refresh(self) -> None:
        first = self._day.addDays(1 - self._day.dayOfWeek()) if self.mode.currentIndex() == WEEK else self._day
        count = 7 if self.mode.currentIndex() == WEEK else 1
        days = [self._schedule_day(first.addDays(n)) for n in range(count)]
        if self.who.currentIndex() == CARS:
            rows = [ScheduleRow(v.id, fill(self.tr("%1\n%2, %3 seats, %4"), v.plate, v.kind, v.seats, v.status), True) for v in self._vehicles.fleet()]
            trips = self._vehicles.vehicle_schedule(days[0].start, days[-1].end)
        else:
            rows = [ScheduleRow(d.id, fill(self.tr("%1\n%2"), d.name, d.phone), False) for d in self._vehicles.drivers()]
            trips = self._vehicles.driver_schedule(days[0].start, days[-1].end)
        self.model.set_schedule(rows, days, trips)
        self.date_label.setText(QLocale().toString(self._day, "yyyy-MM-dd dddd"))

    def _schedule_day(self, day: QDate) -> ScheduleDay:
        start = QDateTime(day, QTime(0, 0), ZONE).toSecsSinceEpoch()
        return ScheduleDay(QLocale().toString(day, "MM-dd ddd"), start, QDateTime(day.addDays(1), QTime(0, 0), ZONE).toSecsSinceEpoch())

    def _move(self, step: int, today: QDate) -> None:
        days = 7 if self.mode.currentIndex() == WEEK else 1
        self.show_day(today if step == 0 else self._day.addDays(step * days))

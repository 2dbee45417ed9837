"""派车: the manager picks a car and a driver among those free for the trip (as this computer
knows; the server checks again). A choice that cannot work is said inline with what is free."""

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QDialog, QFormLayout, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from app.domain.errors import RuleViolation
from app.services.vehicles import TripRequest, VehicleService
from ui.text import fill
from ui.time_format import date_time


class DispatchDialog(QDialog):
    dispatched = Signal(str)  # the request's id

    def __init__(self, vehicles: VehicleService, trip: TripRequest, parent: QWidget | None = None) -> None:
        super().__init__(parent, windowTitle=self.tr("Assign a car"))
        self._vehicles, self._trip = vehicles, trip
        cars, drivers = vehicles.free_for(trip.id)
        self.car = QComboBox(self)
        for car in cars:
            self.car.addItem(fill(self.tr("%1 (%2 seats)"), car.plate, car.seats), car.id)
        self.driver = QComboBox(self)
        for driver in drivers:
            self.driver.addItem(fill(self.tr("%1, %2"), driver.name, driver.phone), driver.id)
        summary = QLabel(fill(self.tr("%1, %2 people, %3 to %4, from %5"), trip.purpose, trip.passengers, trip.origin, trip.destination, date_time(trip.start)), self, wordWrap=True)
        self.error = QLabel(self, objectName="ErrorText", wordWrap=True, visible=not (cars and drivers))
        if not (cars and drivers):
            self.error.setText(self.tr("No car or no driver is free at that time: refuse the request with the reason, or ask the requester to change the time."))
        form = QFormLayout()
        form.addRow(self.tr("&Car"), self.car)
        form.addRow(self.tr("&Driver"), self.driver)
        self.assign_button = QPushButton(self.tr("Assign"), self, objectName="Primary", autoDefault=False, enabled=bool(cars and drivers))
        self.assign_button.clicked.connect(self.assign)
        cancel = QPushButton(self.tr("Cancel"), self, autoDefault=False)
        cancel.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.assign_button)
        buttons.addWidget(cancel)
        layout = QVBoxLayout(self)
        layout.addWidget(summary)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addLayout(buttons)

    def assign(self) -> None:
        try:
            self._vehicles.dispatch(self._trip.id, self.car.currentData(), self.driver.currentData())
        except RuleViolation as violation:
            self.error.setText(violation.message)
            self.error.show()
            return
        self.dispatched.emit(self._trip.id)
        self.accept()

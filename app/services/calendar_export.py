"""Meetings as an iCalendar (.ics) file (icalendar), so a booking or an invitation can go into
Outlook, WPS or a phone calendar. Times are written in UTC; calendars show them locally."""

from dataclasses import dataclass
from datetime import UTC, datetime

from icalendar import Calendar, Event

PRODUCT_ID = "-//Xietong//协同办公//ZH"


@dataclass(frozen=True)
class CalendarEvent:
    uid: str
    title: str
    start: int
    end: int
    location: str
    organiser_name: str
    tentative: bool = False  # 待确认: not yet confirmed by the server


def calendar_file(events: list[CalendarEvent]) -> bytes:
    calendar = Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    stamp = datetime.now(UTC)
    for e in events:
        event = Event()
        event.add("uid", f"{e.uid}@xietong")
        event.add("dtstamp", stamp)
        event.add("dtstart", datetime.fromtimestamp(e.start, UTC))
        event.add("dtend", datetime.fromtimestamp(e.end, UTC))
        event.add("summary", e.title)
        event.add("location", e.location)
        event.add("description", f"预订人：{e.organiser_name}")
        event.add("status", "TENTATIVE" if e.tentative else "CONFIRMED")
        calendar.add_component(event)
    return calendar.to_ical()

"""Times and requests for the booking tests: a day some weeks ahead on the Shanghai clock, so
the tests of one run (sharing a deployment) each use their own days."""

import uuid
from datetime import datetime, time, timedelta

from app.domain.recurrence import ZONE


def day_at(days_ahead: int, clock: str) -> int:
    day = datetime.now(ZONE).date() + timedelta(days=days_ahead)
    hours, minutes = (int(x) for x in clock.split(":"))
    return int(datetime.combine(day, time(hours, minutes), ZONE).timestamp())


def booking(room_id: str, title: str, start: int, end: int, attendees: int = 5, **extra) -> dict:
    return {"id": uuid.uuid4().hex, "room_id": room_id, "title": title, "start": start, "end": end, "attendees": attendees, **extra}


def answer(response) -> dict:
    assert response.status_code == 200, response.text
    [result] = response.json()["results"]
    return result

"""Times as users read them: China Standard Time (Asia/Shanghai), whatever the PC's zone says."""

import time

from PySide6.QtCore import QDateTime, QTimeZone

_IANA = QTimeZone(b"Asia/Shanghai")
# China has kept UTC+8 without daylight saving since 1991: a fixed offset is the same clock
# where the system lacks the zone database.
ZONE = _IANA if _IANA.isValid() else QTimeZone(8 * 3600)


def local(ts: float) -> QDateTime:
    return QDateTime.fromSecsSinceEpoch(int(ts), ZONE)


def date(ts: float) -> str:
    """2012-12-31"""
    return local(ts).toString("yyyy-MM-dd")


def date_time(ts: float) -> str:
    """2012-12-31 09:00"""
    return local(ts).toString("yyyy-MM-dd HH:mm")


def clock(ts: float, now: float | None = None) -> str:
    """17:42 today, 12-30 17:42 on another day of this year, 2011-12-30 17:42 before."""
    moment, today = local(ts), local(time.time() if now is None else now)
    if moment.date() == today.date():
        return moment.toString("HH:mm")
    if moment.date().year() == today.date().year():
        return moment.toString("MM-dd HH:mm")
    return moment.toString("yyyy-MM-dd HH:mm")

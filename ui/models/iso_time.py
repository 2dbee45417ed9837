"""公文 times travel as ISO 8601 strings (as the route rules take them); shown in Beijing time."""

from datetime import datetime

from ui import time_format


def iso_date_time(at: str | None) -> str:
    if not at:
        return ""
    return time_format.date_time(datetime.fromisoformat(at).timestamp())

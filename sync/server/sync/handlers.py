"""Every op the server applies, by name. A new domain adds its handlers here; push stays as it is."""

from sync.server.bookings.service import OPS as BOOKING_OPS
from sync.server.notices.service import OPS as NOTICE_OPS
from sync.server.sync.service import OpHandler

HANDLERS: dict[str, OpHandler] = {**NOTICE_OPS, **BOOKING_OPS}

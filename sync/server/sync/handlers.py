"""Every op the server applies, by name. A new domain adds its handlers here; push stays as it is."""

from sync.server.authz.service import OPS as AUTHZ_OPS
from sync.server.bookings.service import OPS as BOOKING_OPS
from sync.server.documents.service import OPS as DOCUMENT_OPS
from sync.server.notices.service import OPS as NOTICE_OPS
from sync.server.files.service import OPS as FILE_OPS
from sync.server.sync.service import OpHandler
from sync.server.vehicles.service import OPS as VEHICLE_OPS

HANDLERS: dict[str, OpHandler] = {**NOTICE_OPS, **BOOKING_OPS, **VEHICLE_OPS, **DOCUMENT_OPS, **FILE_OPS, **AUTHZ_OPS}

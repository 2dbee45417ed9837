"""Rows as a pull from the server would bring them, applied through the real mirror."""

from app.services.account import User
from app.store.cache import Cache
from app.store.mirror import apply_row
from tests.support.cache_data import notice


def add_notice(cache: Cache, notice_id: str, publisher: User, audience: str, title: str, at: float = 1356969600.0) -> None:
    with cache.sessions.begin() as s:
        apply_row(s, "notice", notice_id, 1, False, notice(notice_id, publisher, audience, title, at))


def add_receipt(cache: Cache, notice_id: str, reader: User, at: float) -> None:
    data = {"notice_id": notice_id, "reader_id": reader.id, "reader_name": reader.name, "read_at": at}
    with cache.sessions.begin() as s:
        apply_row(s, "notice_read", f"{notice_id}:{reader.id}", 1, False, data)

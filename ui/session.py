"""One signed-in user's working set: the cache, the user, the server connection and the key."""

import platform
from dataclasses import dataclass

from app.identity.signer import Signer
from app.services.account import User
from app.services.bookings import BookingService
from app.services.directory import DirectoryService
from app.services.notices import NoticeService
from app.services.vehicles import VehicleService
from app.services.todo import TodoService
from app.store.cache import Cache
from sync.client.engine import SyncEngine
from sync.client.login import login_online
from sync.client.transport import LoginExpired, Transport

DEVICE_NAME = platform.node()


@dataclass
class ClientSession:
    """`signer` stays unlocked in memory for the session, so an expired login is renewed without
    asking for the PIN again; it is None only in the smoke check, which never syncs."""

    server_url: str
    cache: Cache
    user: User
    scopes: list[str]
    device_id: str
    transport: Transport
    signer: Signer | None
    online: bool

    @property
    def notices(self) -> NoticeService:
        return NoticeService(self.cache, self.user)

    @property
    def directory(self) -> DirectoryService:
        return DirectoryService(self.cache)

    @property
    def bookings(self) -> BookingService:
        return BookingService(self.cache, self.user)

    @property
    def vehicles(self) -> VehicleService:
        return VehicleService(self.cache, self.user)

    @property
    def todo(self) -> TodoService:
        return TodoService(self.notices, self.bookings)

    def sync_engine(self) -> SyncEngine:
        return SyncEngine(self.cache, self.user, self.transport, self.device_id, self.scopes, self.relogin)

    def relogin(self) -> None:
        if self.signer is None:
            raise LoginExpired("no key is unlocked in this session")
        login_online(self.transport, self.signer, self.device_id, DEVICE_NAME)

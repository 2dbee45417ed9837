"""A real client without the UI: cache, token, login, sync engine and services, as the app wires them."""

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from app.identity.soft_token import load_token
from app.services.account import User, device_id
from app.services.bookings import BookingService
from app.services.directory import DirectoryService
from app.services.notices import NoticeService
from app.services.vehicles import VehicleService
from app.store.cache import Cache, open_cache
from sync.client.engine import SyncEngine, SyncReport
from sync.client.login import login_online, sign_in_online
from sync.client.transport import Transport

DEMO_PIN = "123456"


@dataclass
class HeadlessClient:
    cache: Cache
    user: User
    engine: SyncEngine
    transport: Transport

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

    def sync(self) -> SyncReport:
        return self.engine.sync_once()

    def close(self) -> None:
        self.cache.close()


def sign_in(server_url: str, tokens_dir: Path, login: str, cache_file: Path, **engine_options: Any) -> HeadlessClient:
    """Log in online with the demo token of `login` and return a client ready to sync."""
    return sign_in_with(Transport(server_url), tokens_dir, login, cache_file, **engine_options)


def sign_in_with(transport: Transport, tokens_dir: Path, login: str, cache_file: Path, **engine_options: Any) -> HeadlessClient:
    """The same over a given transport (an in-process one in the simulation); `engine_options`
    go to SyncEngine (e.g. a skewed clock)."""
    signer = load_token(tokens_dir / f"{login}.xtoken").unlock(DEMO_PIN)
    cache = open_cache(cache_file)
    device = device_id(cache)

    def relogin() -> None:
        login_online(transport, signer, device, "test")

    online = sign_in_online(transport, signer, cache, "test")
    engine = SyncEngine(cache, online.user, transport, device, online.scopes, relogin, **engine_options)
    return HeadlessClient(cache, online.user, engine, transport)

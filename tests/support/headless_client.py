"""A real client without the UI: cache, token, login, sync engine and services, as the app wires them."""

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from app.identity.signer import Signer
from app.services.account import User
from app.services.bookings import BookingService
from app.services.directory import DirectoryService
from app.services.documents import DocumentService
from app.services.files import FilesService, local_blobs
from app.services.notices import NoticeService
from app.services.portal import PortalService
from app.services.todo import TodoService as OurTodos
from app.services.todos import TodoService
from app.services.vehicles import VehicleService
from app.store.cache import Cache, open_cache
from sync.client.blobs import BlobTransfer
from sync.client.engine import SyncEngine, SyncReport
from sync.client.login import OnlineLogin, sign_in_online
from sync.client.transport import Transport
from tests.support.memory_keyring import kept_key
from tests.support.pki import demo_signer

@dataclass
class HeadlessClient:
    cache: Cache
    user: User
    engine: SyncEngine
    transport: Transport
    login: OnlineLogin

    @property
    def notices(self) -> NoticeService:
        return NoticeService(self.cache, self.user)

    @property
    def directory(self) -> DirectoryService:
        return DirectoryService(self.cache)

    @property
    def documents(self) -> DocumentService:
        return DocumentService(self.cache, self.user, self.login.signer)

    @property
    def bookings(self) -> BookingService:
        return BookingService(self.cache, self.user)

    @property
    def vehicles(self) -> VehicleService:
        return VehicleService(self.cache, self.user)

    @property
    def files(self) -> FilesService:
        return FilesService(self.cache, self.user, self.engine.blobs.download if self.engine.blobs else None)

    @property
    def todos(self) -> TodoService:
        return TodoService(self.cache)

    @property
    def portal(self) -> PortalService:
        return PortalService(self.cache, self.user, OurTodos(self.cache, self.user))

    def sync(self) -> SyncReport:
        return self.engine.sync_once()

    def close(self) -> None:
        self.cache.close()


def sign_in(server_url: str, ca_file: str, tokens_dir: Path, login: str, cache_file: Path, **engine_options: Any) -> HeadlessClient:
    """Log in online over HTTPS with the demo certificate of `login`; a client ready to sync."""
    return sign_in_with(Transport(server_url, ca_file), tokens_dir, login, cache_file, **engine_options)


def sign_in_with(transport: Transport, tokens_dir: Path, login: str, cache_file: Path, **engine_options: Any) -> HeadlessClient:
    """The same over a given transport (an in-process one in the simulation); `engine_options`
    go to SyncEngine (e.g. a skewed clock)."""
    return sign_in_as(transport, demo_signer(tokens_dir, login), cache_file, **engine_options)


def sign_in_as(transport: Transport, signer: Signer, cache_file: Path, **engine_options: Any) -> HeadlessClient:
    """Log in with any unlocked key (a certificate from another CA, a USB key)."""
    cache = open_cache(cache_file, kept_key(cache_file))
    online = sign_in_online(transport, signer, cache, "test")
    engine_options.setdefault("blobs", BlobTransfer(transport, local_blobs(cache)))
    engine = SyncEngine(cache, online.user, transport, online.device_id, online.scopes, online.renew, **engine_options)
    return HeadlessClient(cache, online.user, engine, transport, online)

"""One signed-in user's working set: the cache, the user, the server connection and the key."""

import logging
import platform
from dataclasses import dataclass

from app.identity.keys import find_usb_keys
from app.identity.signer import KeyHolder, Signer
from app.services.account import User
from app.services.authz import AuthzService
from app.services.portal import PortalService
from app.services.bookings import BookingService
from app.services.directory import DirectoryService
from app.services.documents import DocumentService
from app.services.files import FilesService, local_blobs
from app.services.notices import NoticeService
from app.services.todo import TodoService
from app.services.unit_seal import UnitSealService
from app.services.vehicles import VehicleService
from app.store.blobs import LocalBlobs
from app.store.cache import Cache
from sync.client.blobs import BlobTransfer
from sync.client.engine import SyncEngine
from sync.client.login import OnlineLogin, sign_in_online
from sync.client.transport import LoginExpired, ServerRefused, ServerUnreachable, Transport
from sync.protocol import SessionEvent

DEVICE_NAME = platform.node()
log = logging.getLogger(__name__)


@dataclass
class ClientSession:
    """`signer` stays unlocked in memory for the session, so an expired login is renewed without
    asking for the PIN again; it is None only in the smoke check, which never syncs. `login` is
    the live online login (None while working offline)."""

    server_url: str
    cache: Cache
    user: User
    scopes: list[str]
    device_id: str
    transport: Transport
    signer: Signer | None
    online: bool
    login: OnlineLogin | None = None
    holder: KeyHolder | None = None  # the key signed in with; the session locks when it goes away
    pkcs11_module: str = ""  # the USB key vendor's library: the unit's seal key (用印) is found through it

    @property
    def notices(self) -> NoticeService:
        return NoticeService(self.cache, self.user)

    @property
    def documents(self) -> DocumentService:
        return DocumentService(self.cache, self.user)

    @property
    def seal(self) -> UnitSealService:
        return UnitSealService(self.cache, self.user, lambda: find_usb_keys(self.pkcs11_module))

    @property
    def blobs(self) -> LocalBlobs:
        """The local copy of files (公文 attachments, shared files) beside this login's cache, the
        store the sync engine uploads from and downloads into."""
        return local_blobs(self.cache)

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
    def files(self) -> FilesService:
        """Offline (no login) it opens only what is kept on this computer."""
        transfer = BlobTransfer(self.transport, self.blobs)
        return FilesService(self.cache, self.user, transfer.download if self.online else None)

    @property
    def todo(self) -> TodoService:
        return TodoService(self.cache, self.user)

    @property
    def authz(self) -> AuthzService:
        return AuthzService(self.cache, self.user)

    @property
    def portal(self) -> PortalService:
        return PortalService(self.cache, self.user, self.todo)

    def signed_in_url(self, address: str) -> str:
        """Where the system browser goes to open `address` signed in as this user (单点登录):
        a one-use login ticket from the server, asked with this session's login (renewed if
        it expired). Raises ServerUnreachable offline, ServerRefused for an unregistered address."""
        try:
            return self.transport.sso_ticket(address).url
        except LoginExpired:
            self.relogin()
            return self.transport.sso_ticket(address).url

    def sync_engine(self) -> SyncEngine:
        return SyncEngine(self.cache, self.user, self.transport, self.device_id, self.scopes, self.relogin, blobs=BlobTransfer(self.transport, self.blobs))

    def use_signer(self, signer: Signer) -> None:
        """The key is back (unlocked again): renewals sign with it from now on."""
        self.signer = signer
        if self.login is not None:
            self.login.signer = signer

    def report(self, event: str) -> None:
        """Tell the server's audit log (lock, unlock); offline it is only in the local log."""
        try:
            self.transport.report(SessionEvent(event=event))
        except (ServerUnreachable, ServerRefused, LoginExpired) as exc:
            log.info("session %s not reported to the server: %s", event, exc)

    def relogin(self) -> None:
        """Renew an expired login: by refresh token, else with the key (also after an offline start)."""
        if self.login is not None:
            self.login.renew()
        elif self.signer is not None:
            self.login = sign_in_online(self.transport, self.signer, self.cache, DEVICE_NAME)
        else:
            raise LoginExpired("no key is unlocked in this session")

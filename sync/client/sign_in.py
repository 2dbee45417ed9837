"""Sign in with an unlocked key: online when the server answers, else offline if this PC has the
person's cache and a valid offline grant. Used by the login window and the headless test client.

The cache file is named by login, which only the server knows for a certificate never used here:
then the login runs with a new device id, which a new cache adopts; if the person already has a
cache here (a renewed certificate), it logs in again as that cache's device, so the queued work
goes on under its own numbers.
"""

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass

from cryptography import x509

from app import paths
from app.identity.signer import Signer
from app.services import certificate_logins, offline_login
from app.services.account import User, adopt_device_id, device_id, new_device_id, remembered_scopes, remembered_user
from app.store.cache import Cache, open_cache
from sync.client.login import OnlineLogin, accept_login, login_online, sign_in_online
from sync.client.transport import ServerUnreachable, Transport

log = logging.getLogger(__name__)


class FirstLoginNeedsServer(Exception):
    """This certificate has never logged in online on this computer, and the server cannot be reached."""


@dataclass
class SignedIn:
    cache: Cache
    user: User
    scopes: list[str]
    device_id: str
    transport: Transport
    login: OnlineLogin | None  # None: working offline

    @property
    def online(self) -> bool:
        return self.login is not None


def sign_in(
    signer: Signer,
    transport: Transport,
    anchors: list[x509.Certificate],
    device_name: str,
    open_cache_for: Callable[[str], Cache] | None = None,
    now: Callable[[], float] = time.time,
) -> SignedIn:
    """Raises FirstLoginNeedsServer, OfflineRefused, or the transport's refusals."""
    server_url = transport.base_url
    open_for = open_cache_for or (lambda login: open_cache(paths.cache_path(server_url, login)))
    known = certificate_logins.login_for(server_url, signer.certificate)
    if known is None:
        return _first_login(signer, transport, device_name, open_for)
    cache = open_for(known)
    try:
        try:
            online = sign_in_online(transport, signer, cache, device_name)
        except ServerUnreachable as exc:
            log.info("server %s unreachable; trying offline login for %s: %s", server_url, known, exc)
            offline_login.check(cache, signer, anchors, now())
            user = remembered_user(cache)
            assert user is not None  # an offline grant is only stored with the user
            return SignedIn(cache, user, remembered_scopes(cache), device_id(cache), transport, None)
        return SignedIn(cache, online.user, online.scopes, online.device_id, transport, online)
    except BaseException:
        cache.close()
        raise


def _first_login(signer: Signer, transport: Transport, device_name: str, open_for: Callable[[str], Cache]) -> SignedIn:
    fresh = new_device_id()
    try:
        first = login_online(transport, signer, fresh, device_name)
    except ServerUnreachable as exc:
        raise FirstLoginNeedsServer(str(exc)) from exc
    login = first.user.login
    certificate_logins.remember(transport.base_url, signer.certificate, login)
    cache = open_for(login)
    try:
        if adopt_device_id(cache, fresh) == fresh:
            online = accept_login(first, cache, transport, signer, fresh, device_name)
        else:  # the person's cache from an earlier certificate: log in as its device
            online = sign_in_online(transport, signer, cache, device_name)
        return SignedIn(cache, online.user, online.scopes, online.device_id, transport, online)
    except BaseException:
        cache.close()
        raise

"""Sign in with an unlocked key: online when the server answers, else offline if this PC has the
person's cache and a valid offline grant. Used by the login window.

The cache file is named by login, which only the server knows for a certificate never used here:
then the login runs with a new device id, which a new cache adopts; if the person already has a
cache here (a renewed certificate), it logs in again as that cache's device, so the queued work
goes on under its own numbers.

The cache is encrypted (app/store/cache_key.py): its key comes from the keyring, or, without one,
from the PIN; when neither gives it back (a lost keyring entry), an online login hands out the
escrow that unwraps it. That login needs the cache's device id before the cache can be opened, so
the id is also kept in a plain file beside the cache (`<cache>.device`; it is no secret).
"""

import base64
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from cryptography import x509

from app import paths
from app.identity.signer import Signer
from app.services import certificate_logins, offline_login
from app.services.account import User, adopt_device_id, device_id, new_device_id, remembered_scopes, remembered_user
from app.store.cache import Cache, open_cache
from app.store.cache_key import CacheLocked, cache_key
from sync.client.login import OnlineLogin, accept_login, login_online
from sync.client.transport import ServerUnreachable, Transport
from sync.protocol import LoginResponse

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


def sign_in(signer: Signer, pin: str, transport: Transport, anchors: list[x509.Certificate], device_name: str, now: Callable[[], float] = time.time) -> SignedIn:
    """Raises FirstLoginNeedsServer, OfflineRefused, CacheLocked, or the transport's refusals."""
    login = certificate_logins.login_for(transport.base_url, signer.certificate)
    if login is None:
        return _first_login(signer, pin, transport, device_name)
    path = paths.cache_path(transport.base_url, login)
    try:
        cache = open_cache(path, cache_key(path, pin=pin))
    except CacheLocked as locked:
        return _recover_key(signer, pin, transport, device_name, path, locked)
    try:
        return _online_or_offline(cache, signer, pin, transport, anchors, device_name, now)
    except BaseException:
        cache.close()
        raise


def _online_or_offline(cache: Cache, signer: Signer, pin: str, transport: Transport, anchors: list[x509.Certificate], device_name: str, now: Callable[[], float]) -> SignedIn:
    device = device_id(cache)
    try:
        response = login_online(transport, signer, device, device_name)
    except ServerUnreachable as exc:
        log.info("server %s unreachable; trying offline login: %s", transport.base_url, exc)
        offline_login.check(cache, signer, anchors, now())
        user = remembered_user(cache)
        assert user is not None  # an offline grant is only stored with the user
        return SignedIn(cache, user, remembered_scopes(cache), device, transport, None)
    return _accepted(response, cache, signer, pin, transport, device, device_name)


def _first_login(signer: Signer, pin: str, transport: Transport, device_name: str) -> SignedIn:
    fresh = new_device_id()
    try:
        first = login_online(transport, signer, fresh, device_name)
    except ServerUnreachable as exc:
        raise FirstLoginNeedsServer(str(exc)) from exc
    certificate_logins.remember(transport.base_url, signer.certificate, first.user.login)
    path = paths.cache_path(transport.base_url, first.user.login)
    cache = open_cache(path, cache_key(path, escrow=_escrow(first), pin=pin))
    try:
        device = adopt_device_id(cache, fresh)
        if device == fresh:
            return _accepted(first, cache, signer, pin, transport, device, device_name)
        # The person's cache from an earlier certificate: log in as its device.
        return _accepted(login_online(transport, signer, device, device_name), cache, signer, pin, transport, device, device_name)
    except BaseException:
        cache.close()
        raise


def _recover_key(signer: Signer, pin: str, transport: Transport, device_name: str, path: Path, locked: CacheLocked) -> SignedIn:
    """Neither keyring nor PIN gives the key back: the escrow of an online login as this cache's device does."""
    device = _kept_device_id(path)
    if device is None:
        raise locked
    try:
        response = login_online(transport, signer, device, device_name)
    except ServerUnreachable:
        raise locked from None
    cache = open_cache(path, cache_key(path, escrow=_escrow(response), pin=pin))
    try:
        return _accepted(response, cache, signer, pin, transport, device, device_name)
    except BaseException:
        cache.close()
        raise


def _accepted(response: LoginResponse, cache: Cache, signer: Signer, pin: str, transport: Transport, device: str, device_name: str) -> SignedIn:
    online = accept_login(response, cache, transport, signer, device, device_name)
    cache_key(cache.path, escrow=online.cache_escrow or None, pin=pin)  # the key file follows this login's escrow and PIN
    _keep_device_id(cache.path, device)
    return SignedIn(cache, online.user, online.scopes, device, transport, online)


def _escrow(response: LoginResponse) -> bytes | None:
    return base64.b64decode(response.cache_escrow) if response.cache_escrow else None


def _device_file(cache_path: Path) -> Path:
    return cache_path.with_name(cache_path.name + ".device")


def _kept_device_id(cache_path: Path) -> str | None:
    try:
        return _device_file(cache_path).read_text(encoding="ascii").strip() or None
    except OSError:
        return None


def _keep_device_id(cache_path: Path, device: str) -> None:
    if _kept_device_id(cache_path) != device:
        _device_file(cache_path).write_text(device, encoding="ascii")

"""The sign-in steps, run off the UI thread: unlock the key, open this user's cache, log in online;
when the server cannot be reached, continue offline if this cache already knows the user."""

import logging

from app import paths
from app.identity.soft_token import SoftToken
from app.services.account import device_id, remembered_scopes, remembered_user
from app.store.cache import open_cache
from app.store.cache_key import cache_key
from sync.client.login import sign_in_online
from sync.client.transport import ServerUnreachable, Transport
from ui.session import DEVICE_NAME, ClientSession

log = logging.getLogger(__name__)


class FirstLoginNeedsServer(Exception):
    """This user has never logged in online on this computer, and the server cannot be reached."""


def sign_in(token: SoftToken, pin: str, server_url: str) -> ClientSession:
    """Raises WrongPin, TokenUnreadable, FirstLoginNeedsServer, CacheLocked, or the transport's refusals."""
    signer = token.unlock(pin)
    path = paths.cache_path(server_url, token.login)
    cache = open_cache(path, cache_key(path, pin=pin))
    try:
        transport = Transport(server_url)
        device = device_id(cache)
        try:
            online = sign_in_online(transport, signer, cache, DEVICE_NAME)
        except ServerUnreachable as exc:
            known = remembered_user(cache)
            if known is None or known.login != token.login:
                raise FirstLoginNeedsServer(str(exc)) from exc
            log.info("server %s unreachable; %s works offline: %s", server_url, token.login, exc)
            return ClientSession(server_url, cache, known, remembered_scopes(cache), device, transport, signer, online=False)
        log.info("%s signed in online at %s", online.user.login, server_url)
        return ClientSession(server_url, cache, online.user, online.scopes, device, transport, signer, online=True)
    except BaseException:
        cache.close()
        raise

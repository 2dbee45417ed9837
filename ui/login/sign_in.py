"""The sign-in steps, run off the UI thread: unlock the key with the PIN, then sign in online, or
offline when the server cannot be reached (sync/client/sign_in.py says what each needs)."""

import logging
from pathlib import Path

from cryptography import x509

from app.config import ClientConfig
from app.identity.signer import KeyHolder
from app.services.blob_upkeep import start_session
from sync.client.sign_in import FirstLoginNeedsServer, sign_in as sign_in_with_key
from sync.client.transport import Transport
from ui.session import DEVICE_NAME, ClientSession

__all__ = ["FirstLoginNeedsServer", "sign_in"]
log = logging.getLogger(__name__)


def sign_in(holder: KeyHolder, pin: str, config: ClientConfig) -> ClientSession:
    """Raises WrongPin, PinLocked, KeyRemoved, TokenUnreadable, FirstLoginNeedsServer,
    OfflineRefused, CacheLocked, or the transport's refusals."""
    signer = holder.unlock(pin)
    transport = Transport(config.server_url, config.trust_anchors)
    done = sign_in_with_key(signer, pin, transport, trust_anchors(config), DEVICE_NAME)
    start_session(done.cache)
    log.info("%s signed in %s at %s", done.user.login, "online" if done.online else "offline", config.server_url)
    return ClientSession(config.server_url, done.cache, done.user, done.scopes, done.device_id, transport, signer, done.online, done.login, holder, config.pkcs11_module)


def trust_anchors(config: ClientConfig) -> list[x509.Certificate]:
    """The configured CA bundle: the server's TLS certificate and people's certificates chain to it."""
    if not config.trust_anchors:
        return []
    try:
        return x509.load_pem_x509_certificates(Path(config.trust_anchors).read_bytes())
    except (OSError, ValueError) as exc:
        log.warning("trust anchors %s unreadable: %s", config.trust_anchors, exc)
        return []

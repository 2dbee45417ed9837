"""Every key this PC offers for login: certificates on USB keys (when a PKCS#11 module is
configured) and soft certificate files in the token folder (.p12, and SM2 keys as .p8)."""

import logging
from pathlib import Path

from cryptography import x509
from cryptography.x509.oid import ExtendedKeyUsageOID

from app.identity.p12_key import find_p12_keys
from app.identity.signer import KeyHolder, TokenUnreadable
from app.identity.sm2_key import find_sm2_keys

log = logging.getLogger(__name__)


def find_keys(token_dir: Path, pkcs11_module: str) -> list[KeyHolder]:
    """A USB key's certificate that can never log in (no clientAuth: a unit's seal key, 用印) is
    left out of the login list."""
    logins = [key for key in find_usb_keys(pkcs11_module) if _logs_in(key.certificate)]
    return logins + find_p12_keys(token_dir) + find_sm2_keys(token_dir)


def _logs_in(der: bytes) -> bool:
    try:
        usages = x509.load_der_x509_certificate(der).extensions.get_extension_for_class(x509.ExtendedKeyUsage).value
    except x509.ExtensionNotFound:
        return False
    return ExtendedKeyUsageOID.CLIENT_AUTH in usages


def find_usb_keys(pkcs11_module: str) -> list[KeyHolder]:
    """The certificates on USB keys plugged in now; none when no PKCS#11 module is configured."""
    if not pkcs11_module:
        return []
    try:
        from app.identity.pkcs11_key import find_pkcs11_keys  # loads the vendor's library: only when configured

        return list(find_pkcs11_keys(pkcs11_module))
    except TokenUnreadable as exc:
        log.warning("USB keys unavailable: %s", exc)
        return []

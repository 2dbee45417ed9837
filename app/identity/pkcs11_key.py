"""USB keys (UKey) through PKCS#11 (python-pkcs11): the vendor's module path is configuration,
a token is chosen by its label (slot numbers change from one USB port to another), and the key
is the private key with the CKA_ID of a certificate on the token.

The digest is computed here and the token signs it (CKM_ECDSA, CKM_RSA_PKCS over a DigestInfo),
because many UKeys lack the combined SHA-256 mechanisms. CKM_ECDSA answers raw r||s, which is
turned into the DER the protocol carries. An EC key made for key agreement also opens 交换包:
CKM_ECDH1_DERIVE on the token gives the shared secret, the private key never leaves it.
"""

import hashlib
import logging
import secrets
from dataclasses import dataclass
from functools import cache

import pkcs11
from cryptography import x509
from cryptography.hazmat.primitives.asymmetric.types import PublicKeyTypes
from cryptography.hazmat.primitives.serialization import load_der_public_key
from pkcs11 import KDF, Attribute, KeyType, Mechanism, ObjectClass, TokenFlag
from pkcs11 import exceptions as p11
from pkcs11.util.ec import (
    encode_ec_public_key,
    encode_ecdsa_signature,
    encode_named_curve_parameters,
)

from app.identity import openssl_errors
from app.identity.certificates import holder_name, label_of
from app.identity.signer import KeyRemoved, PinLocked, TokenUnreadable, WrongPin

log = logging.getLogger(__name__)
# DER DigestInfo prefix for SHA-256 (RFC 8017 section 9.2): what CKM_RSA_PKCS signs.
SHA256_DIGEST_INFO = bytes.fromhex("3031300d060960864801650304020105000420")
GONE = (p11.TokenNotPresent, p11.DeviceRemoved, p11.SessionClosed, p11.SessionHandleInvalid, p11.NoSuchToken)


@cache
def module(path: str) -> pkcs11.lib:
    """The vendor's library, loaded once per process (PKCS#11 initialises a module once)."""
    try:
        lib = pkcs11.lib(path)
    except (OSError, RuntimeError, p11.PKCS11Error) as exc:
        raise TokenUnreadable(f"PKCS#11 module {path} cannot be loaded: {exc}") from exc
    finally:
        openssl_errors.clear()
    return lib


def restart(path: str) -> None:
    """Start the module again (finalize, initialize): it then sees tokens made since, and every
    session of it is gone."""
    module(path).reinitialize()
    openssl_errors.clear()


@dataclass
class Pkcs11Signer:
    certificate: bytes
    display_name: str
    session: pkcs11.Session
    key: pkcs11.PrivateKey

    def sign(self, message: bytes) -> bytes:
        digest = hashlib.sha256(message).digest()
        try:
            if self.key.key_type == KeyType.EC:
                return encode_ecdsa_signature(self.key.sign(digest, mechanism=Mechanism.ECDSA))
            return self.key.sign(SHA256_DIGEST_INFO + digest, mechanism=Mechanism.RSA_PKCS)
        except GONE as exc:
            raise KeyRemoved(str(exc)) from exc

    def ecdh(self, peer_point: bytes) -> bytes:
        """The x coordinate of ECDH with `peer_point` (04 || x || y), computed on the token."""
        template = {Attribute.TOKEN: False, Attribute.SENSITIVE: False, Attribute.EXTRACTABLE: True}
        try:
            secret = self.key.derive_key(KeyType.GENERIC_SECRET, 256, mechanism=Mechanism.ECDH1_DERIVE, mechanism_param=(KDF.NULL, None, peer_point), template=template)
            return bytes(secret[Attribute.VALUE])
        except GONE as exc:
            raise KeyRemoved(str(exc)) from exc
        except p11.PKCS11Error as exc:  # not a key-agreement key, or a point not on its curve
            raise ValueError(f"the token refused ECDH: {exc!r}") from exc

    def close(self) -> None:
        try:
            self.session.close()
        except p11.PKCS11Error:
            pass  # the key is gone already


@dataclass(frozen=True)
class Pkcs11Key:
    module_path: str
    token_label: str
    key_id: bytes
    certificate: bytes
    display_name: str
    label: str

    def tries_left(self) -> int | None:
        """PKCS#11 reports no count, only that the next try is the last, or that none is left."""
        try:
            flags = self._token().flags
        except GONE:
            return None
        if flags & TokenFlag.USER_PIN_LOCKED:
            return 0
        return 1 if flags & TokenFlag.USER_PIN_FINAL_TRY else None

    def present(self) -> bool:
        """Cheap enough to poll twice a second."""
        try:
            return self.token_label in _labels_present(module(self.module_path))
        except (p11.PKCS11Error, TokenUnreadable):
            return False

    def unlock(self, pin: str) -> Pkcs11Signer:
        try:
            session = self._token().open(user_pin=pin)
        except p11.PinIncorrect as exc:
            raise WrongPin() from exc
        except p11.PinLocked as exc:
            raise PinLocked() from exc
        except p11.UserAlreadyLoggedIn as exc:  # our own earlier signer is still open: close it first
            raise TokenUnreadable(f"{self.token_label} is already unlocked in this program") from exc
        except (p11.PinLenRange, p11.PinInvalid) as exc:
            raise WrongPin() from exc
        except GONE as exc:
            raise KeyRemoved(self.token_label) from exc
        try:
            key = session.get_key(object_class=ObjectClass.PRIVATE_KEY, id=self.key_id)
        except (p11.NoSuchKey, p11.MultipleObjectsReturned) as exc:
            session.close()
            raise TokenUnreadable(f"{self.token_label}: no single private key with the certificate's id") from exc
        return Pkcs11Signer(self.certificate, self.display_name, session, key)

    def _token(self) -> pkcs11.Token:
        return module(self.module_path).get_token(token_label=self.token_label)


def _labels_present(lib: pkcs11.lib) -> set[str]:
    labels = set()
    for slot in lib.get_slots(token_present=True):
        try:
            labels.add(slot.get_token().label)
        except p11.PKCS11Error:
            continue  # a token being pulled out answers errors for a moment
    return labels


def find_pkcs11_keys(module_path: str, restart_if_in_flux: bool = True) -> list[Pkcs11Key]:
    """Every certificate with an id on every initialised token present (certificates need no
    PIN). A slot answering errors has a token coming or going: the module is started again once
    (it has no sessions worth keeping while keys are being chosen) and the slots read anew."""
    found, in_flux = [], False
    for slot in module(module_path).get_slots(token_present=True):
        try:
            token = slot.get_token()
            if not token.flags & TokenFlag.TOKEN_INITIALIZED:
                continue
            with token.open() as session:
                for cert in session.get_objects({Attribute.CLASS: ObjectClass.CERTIFICATE}):
                    found.append(_holder(module_path, token.label, cert[Attribute.ID], cert[Attribute.VALUE]))
        except p11.PKCS11Error as exc:
            in_flux = True
            log.debug("token in slot %s not readable now: %r", slot.slot_id, exc)
        except ValueError as exc:
            log.warning("skipping a certificate in slot %s: %s", slot.slot_id, exc)
    if in_flux and restart_if_in_flux:
        restart(module_path)
        return find_pkcs11_keys(module_path, restart_if_in_flux=False)
    return found


def generate_key(module_path: str, token_label: str, pin: str, key_label: str, derive: bool = False) -> tuple[bytes, PublicKeyTypes]:
    """An EC P-256 key pair made ON the token, never extractable; returns its id and public key.
    `derive`: it also agrees on keys (ECDH), as a receiver of 交换包 needs."""
    key_id = secrets.token_bytes(8)
    with module(module_path).get_token(token_label=token_label).open(rw=True, user_pin=pin) as session:
        params = session.create_domain_parameters(KeyType.EC, {Attribute.EC_PARAMS: encode_named_curve_parameters("secp256r1")}, local=True)
        public, _private = params.generate_keypair(
            store=True,
            id=key_id,
            label=key_label,
            private_template={Attribute.SENSITIVE: True, Attribute.EXTRACTABLE: False, Attribute.SIGN: True, Attribute.DERIVE: derive},
        )
        return key_id, load_der_public_key(encode_ec_public_key(public))


def store_certificate(module_path: str, token_label: str, pin: str, key_id: bytes, certificate_der: bytes, label: str) -> None:
    cert = x509.load_der_x509_certificate(certificate_der)
    with module(module_path).get_token(token_label=token_label).open(rw=True, user_pin=pin) as session:
        session.create_object(
            {
                Attribute.CLASS: ObjectClass.CERTIFICATE,
                Attribute.CERTIFICATE_TYPE: pkcs11.CertificateType.X_509,
                Attribute.TOKEN: True,
                Attribute.ID: key_id,
                Attribute.LABEL: label,
                Attribute.VALUE: certificate_der,
                Attribute.SUBJECT: cert.subject.public_bytes(),
                Attribute.ISSUER: cert.issuer.public_bytes(),
            }
        )


def _holder(module_path: str, token_label: str, key_id: bytes, der: bytes) -> Pkcs11Key:
    cert = x509.load_der_x509_certificate(der)
    return Pkcs11Key(module_path, token_label, key_id, der, holder_name(cert), f"{label_of(cert)}（{token_label}）")

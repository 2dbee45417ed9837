"""A SoftHSM2 token whose certificate comes from a CA the test holds (SoftHsm.provision uses a
throwaway root), so chains and PDF signatures can be validated against that CA."""

import datetime as dt

from cryptography.hazmat.primitives.serialization import Encoding

from app.identity import pkcs11_key
from sync.server.pki import ca as authority
from tests.support.softhsm import MODULE, SoftHsm

PIN = "123456"


def pkcs11_signer(softhsm: SoftHsm, ca: authority.Authority, label: str, name: str, unit: str = "市人民政府办公室") -> pkcs11_key.Pkcs11Signer:
    """An unlocked signer on a new token `label`; close() it when done."""
    softhsm.new_token(label, PIN)
    key_id, public_key = pkcs11_key.generate_key(MODULE, label, PIN, "sign")
    now = dt.datetime.now(dt.timezone.utc)
    der = authority.issue_user_certificate(ca, public_key, name, "南通市人民政府", unit, now).public_bytes(Encoding.DER)
    pkcs11_key.store_certificate(MODULE, label, PIN, key_id, der, "sign")
    key = next(k for k in pkcs11_key.find_pkcs11_keys(MODULE) if k.token_label == label)
    return key.unlock(PIN)

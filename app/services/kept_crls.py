"""A CRL that reaches an isolated machine without a network (in a 交换包) goes into the material
offline login checks (offline_login.MATERIAL_KEY): only when a CA this machine trusts signed it,
and only when it is newer than the one kept for its issuer."""

import base64
import json

from cryptography import x509
from cryptography.hazmat.primitives.serialization import Encoding
from sqlalchemy.orm import Session

from app.identity.verify import verify_issued_by
from app.services.offline_login import MATERIAL_KEY
from app.store import meta


class UntrustedCrl(Exception):
    """Not a CRL, or not signed by any CA this machine trusts."""


def install(session: Session, der: bytes, cas: list[x509.Certificate]) -> bool:
    """True when kept; False when the kept one is as new, or nothing is kept (never enrolled)."""
    try:
        crl = x509.load_der_x509_crl(der)
    except ValueError as exc:
        raise UntrustedCrl(str(exc)) from exc
    if not any(ca.subject == crl.issuer and verify_issued_by(crl, ca) for ca in cas):
        raise UntrustedCrl(crl.issuer.rfc4514_string())
    raw = meta.get(session, MATERIAL_KEY)
    if not raw:
        return False
    material = json.loads(raw)
    kept = [x509.load_der_x509_crl(base64.b64decode(c)) for c in material["crls"]]
    if any(k.issuer == crl.issuer and k.last_update_utc >= crl.last_update_utc for k in kept):
        return False
    others = [base64.b64encode(k.public_bytes(Encoding.DER)).decode() for k in kept if k.issuer != crl.issuer]
    material["crls"] = [*others, base64.b64encode(der).decode()]
    meta.put(session, MATERIAL_KEY, json.dumps(material))
    return True

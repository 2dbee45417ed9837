"""Senders and receivers of exchange bundles for format tests: keys and certificates from a
throwaway CA, with a current CRL so the chain check passes as in production (fail closed)."""

import datetime as dt
from dataclasses import dataclass

from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.asymmetric.types import PrivateKeyTypes
from cryptography.hazmat.primitives.serialization import Encoding

from app.identity.chain import TrustMaterial
from app.identity.p12_key import P12Signer
from sync.server.pki import ca as authority

NOW = dt.datetime.now(dt.timezone.utc)


@dataclass(frozen=True)
class Party:
    signer: P12Signer
    key: PrivateKeyTypes

    @property
    def certificate(self) -> bytes:
        return self.signer.certificate


def new_ca(name: str = "测试根CA") -> authority.Authority:
    return authority.new_root_ca(name, "测试", NOW)


def party(ca: authority.Authority, name: str, unit: str, rsa_key: bool = False) -> Party:
    key = rsa.generate_private_key(65537, 2048) if rsa_key else authority.new_key()
    cert = authority.issue_user_certificate(ca, key.public_key(), name, "南通市人民政府", unit, NOW)
    return Party(P12Signer(cert.public_bytes(Encoding.DER), name, key), key)


def trust(ca: authority.Authority, revoked: list[int] | None = None) -> TrustMaterial:
    crl = authority.sign_crl(ca, [(serial, NOW) for serial in revoked or []], NOW, days=7, number=1)
    return TrustMaterial(anchors=[ca.certificate], crls=[crl])

"""TEMPORARY until app/identity/p12_key.py lands: a Signer from a demo .p12 file."""

from dataclasses import dataclass
from pathlib import Path

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.serialization import Encoding, pkcs12

DEMO_PIN = "123456"


@dataclass(frozen=True)
class P12Signer:
    certificate: bytes
    display_name: str
    key: ec.EllipticCurvePrivateKey

    def sign(self, message: bytes) -> bytes:
        return self.key.sign(message, ec.ECDSA(hashes.SHA256()))


def demo_signer(tokens_dir: Path, login: str, pin: str = DEMO_PIN) -> P12Signer:
    bundle = pkcs12.load_pkcs12((tokens_dir / f"{login}.p12").read_bytes(), pin.encode())
    return P12Signer(bundle.cert.certificate.public_bytes(Encoding.DER), login, bundle.key)

"""Certificates for client tests: the demo users' .p12 files, or a person's own from a small CA."""

import datetime as dt
from pathlib import Path

from cryptography.hazmat.primitives.serialization import BestAvailableEncryption, Encoding, pkcs12

from app.identity.p12_key import P12Signer, load_p12_key
from sync.server.pki import ca as authority

DEMO_PIN = "123456"


def demo_signer(tokens_dir: Path, login: str, pin: str = DEMO_PIN) -> P12Signer:
    return load_p12_key(tokens_dir / f"{login}.p12").unlock(pin)


def write_p12(folder: Path, file_stem: str, name: str, unit: str, pin: str = DEMO_PIN, ca: authority.Authority | None = None) -> Path:
    """<stem>.p12 and <stem>.crt for `name` of `unit`, from `ca` (a throwaway root by default)."""
    now = dt.datetime.now(dt.timezone.utc)
    ca = ca or authority.new_root_ca("测试根CA", "测试", now)
    key = authority.new_key()
    cert = authority.issue_user_certificate(ca, key.public_key(), name, "南通市人民政府", unit, now)
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{file_stem}.p12").write_bytes(pkcs12.serialize_key_and_certificates(file_stem.encode(), key, cert, None, BestAvailableEncryption(pin.encode())))
    (folder / f"{file_stem}.crt").write_bytes(cert.public_bytes(Encoding.PEM))
    return folder / f"{file_stem}.p12"

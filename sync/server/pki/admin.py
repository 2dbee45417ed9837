"""What `xietong-server admin` does: CA folders on disk, certificates into .p12 files or onto
PKCS#11 tokens, revocation and CRLs, certificate-to-person bindings — each recorded in the database.

A CA folder holds ca.pem (the CA certificate), chain.pem (it and its parents up to the root) and
ca.key.pem (its key; encrypted when a passphrase is given, else mode 0600 only).
"""

import datetime as dt
import os
from dataclasses import dataclass
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.serialization import BestAvailableEncryption, Encoding, NoEncryption, PrivateFormat, load_pem_private_key, pkcs12
from pkcs11.exceptions import PKCS11Error
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.identity import pkcs11_key
from app.identity.signer import TokenUnreadable
from sync.server.auth.service import end_sessions_of_certificate
from sync.server.directory import service as directory
from sync.server.directory.models import PersonModel
from sync.server.pki import ca as authority
from sync.server.pki import service as pki
from sync.server.pki import unit_certificates
from sync.server.pki.ca import Authority
from sync.server.pki.service import PkiRefused

CERT_FILE, CHAIN_FILE, KEY_FILE = "ca.pem", "chain.pem", "ca.key.pem"
SEAL_KEY_LABEL = "unit-seal"  # the key's and certificate's label on the seal keeper's token


@dataclass(frozen=True)
class IssuedFiles:
    p12: Path
    certificate: Path  # the certificate alone, readable without the PIN (the login window lists it)


def create_ca(session: Session, folder: Path, common_name: str, organisation: str, now: dt.datetime, parent: Path | None = None, path_length: int | None = None, passphrase: bytes | None = None) -> Authority:
    """A root CA (an anchor), or an intermediate under the CA in `parent`; both go in the database."""
    if (folder / KEY_FILE).exists():
        raise PkiRefused(f"{folder} 中已有 CA，未覆盖。")
    if parent is None:
        made = authority.new_root_ca(common_name, organisation, now, path_length=1 if path_length is None else path_length)
        chain = [made.certificate]
    else:
        issuer = load_ca(parent, passphrase)
        made = authority.new_intermediate_ca(issuer, common_name, organisation, now, path_length=0 if path_length is None else path_length)
        chain = [made.certificate, *_read_pem_certs(parent / CHAIN_FILE)]
    folder.mkdir(parents=True, exist_ok=True)
    _write_private(folder / KEY_FILE, made.key.private_bytes(Encoding.PEM, PrivateFormat.PKCS8, BestAvailableEncryption(passphrase) if passphrase else NoEncryption()))
    (folder / CERT_FILE).write_bytes(made.certificate.public_bytes(Encoding.PEM))
    (folder / CHAIN_FILE).write_bytes(b"".join(c.public_bytes(Encoding.PEM) for c in chain))
    pki.add_ca(session, made.certificate, anchor=parent is None, now=now.timestamp())
    return made


def load_ca(folder: Path, passphrase: bytes | None = None) -> Authority:
    try:
        cert = x509.load_pem_x509_certificate((folder / CERT_FILE).read_bytes())
        key = load_pem_private_key((folder / KEY_FILE).read_bytes(), password=passphrase)
    except FileNotFoundError as exc:
        raise PkiRefused(f"{folder} 不是 CA 目录（缺少 {Path(exc.filename).name}）。") from exc
    except (ValueError, TypeError) as exc:
        raise PkiRefused(f"无法读取 {folder / KEY_FILE}：口令错误或文件损坏。") from exc
    if not isinstance(key, ec.EllipticCurvePrivateKey):
        raise PkiRefused(f"{folder / KEY_FILE} 不是 EC 私钥。")
    return Authority(cert, key)


def import_cas(session: Session, pem_file: Path, anchor: bool, now: float) -> list[x509.Certificate]:
    """CA certificates made with other tools (a PEM bundle): anchors, or intermediates."""
    certs = _read_pem_certs(pem_file)
    for cert in certs:
        pki.add_ca(session, cert, anchor, now)
    return certs


def import_crl(session: Session, crl_file: Path) -> x509.CertificateRevocationList:
    data = crl_file.read_bytes()
    try:
        crl = x509.load_pem_x509_crl(data) if data.lstrip().startswith(b"-----") else x509.load_der_x509_crl(data)
    except ValueError as exc:
        raise PkiRefused(f"{crl_file} 不是吊销列表（CRL）：{exc}") from exc
    pki.add_crl(session, crl)
    return crl


def issue_to_p12(session: Session, ca_folder: Path, login: str, out_dir: Path, pin: str, now: dt.datetime, days: int = 730, passphrase: bytes | None = None) -> IssuedFiles:
    """A key made here, certified for `login`, sealed in <login>.p12 under the PIN."""
    ca = load_ca(ca_folder, passphrase)
    person = _person(session, login)
    key = authority.new_key()
    cert = authority.issue_user_certificate(ca, key.public_key(), person.name, authority.organisation_of(ca.certificate), _unit_label(session, person), now, days)
    pki.bind(session, cert, person.id, now.timestamp())
    out_dir.mkdir(parents=True, exist_ok=True)
    chain = _read_pem_certs(ca_folder / CHAIN_FILE)
    p12 = pkcs12.serialize_key_and_certificates(login.encode(), key, cert, chain, BestAvailableEncryption(pin.encode()))
    files = IssuedFiles(out_dir / f"{login}.p12", out_dir / f"{login}.crt")
    _write_private(files.p12, p12)
    files.certificate.write_bytes(cert.public_bytes(Encoding.PEM))
    return files


def issue_for_public_key(session: Session, ca_folder: Path, login: str, public_key: ec.EllipticCurvePublicKey, now: dt.datetime, days: int = 730, passphrase: bytes | None = None) -> x509.Certificate:
    """A certificate for a key made elsewhere (on a USB key); the caller puts it on the token."""
    ca = load_ca(ca_folder, passphrase)
    person = _person(session, login)
    cert = authority.issue_user_certificate(ca, public_key, person.name, authority.organisation_of(ca.certificate), _unit_label(session, person), now, days)
    pki.bind(session, cert, person.id, now.timestamp())
    return cert


def issue_to_token(session: Session, ca_folder: Path, login: str, module_path: Path, token_label: str, pin: str, now: dt.datetime, days: int = 730, passphrase: bytes | None = None) -> x509.Certificate:
    """A key generated ON the USB key (it never leaves it), certified for `login`, the
    certificate written beside it. The token must be initialised already (the vendor's tool, or
    `pkcs11-tool --init-token`)."""
    try:
        key_id, public_key = pkcs11_key.generate_key(str(module_path), token_label, pin, login)
    except (TokenUnreadable, PKCS11Error) as exc:
        raise PkiRefused(f"无法在 USB Key {token_label} 上生成密钥：{exc!r}") from exc
    cert = issue_for_public_key(session, ca_folder, login, public_key, now, days, passphrase)
    pkcs11_key.store_certificate(str(module_path), token_label, pin, key_id, cert.public_bytes(Encoding.DER), login)
    return cert


def issue_unit_to_token(session: Session, ca_folder: Path, unit_id: str, module_path: Path, token_label: str, pin: str, seal_png: bytes, now: dt.datetime,
                        unit_name: str = "", days: int = 1825, passphrase: bytes | None = None) -> x509.Certificate:
    """单位电子印章: a key made ON the seal keeper's USB key, certified for the unit (named
    `unit_name`, else as the directory has it) and registered with its seal image."""
    ca = load_ca(ca_folder, passphrase)
    name = unit_name or directory.unit_name(session, unit_id)
    if not name:
        raise PkiRefused(f"通讯录中没有编号为 {unit_id} 的单位。")
    try:
        key_id, public_key = pkcs11_key.generate_key(str(module_path), token_label, pin, SEAL_KEY_LABEL)
    except (TokenUnreadable, PKCS11Error) as exc:
        raise PkiRefused(f"无法在 USB Key {token_label} 上生成密钥：{exc!r}") from exc
    cert = authority.issue_unit_certificate(ca, public_key, name, authority.organisation_of(ca.certificate), directory.unit_name(session, unit_id), now, days)
    pkcs11_key.store_certificate(str(module_path), token_label, pin, key_id, cert.public_bytes(Encoding.DER), SEAL_KEY_LABEL)
    unit_certificates.register(session, unit_id, cert, _read_pem_certs(ca_folder / CHAIN_FILE), seal_png)
    return cert


def register_unit_certificate(session: Session, unit_id: str, cert_file: Path, seal_file: Path, chain_file: Path | None = None) -> x509.Certificate:
    """A unit certificate made with other tools: the PEM's first certificate is the unit's, any
    after it (and those in `chain_file`) are its issuing CAs."""
    cert, *chain = _read_pem_certs(cert_file)
    chain += _read_pem_certs(chain_file) if chain_file else []
    try:
        seal_png = seal_file.read_bytes()
    except OSError as exc:
        raise PkiRefused(f"无法读取 {seal_file}：{exc.strerror}") from exc
    unit_certificates.register(session, unit_id, cert, chain, seal_png)
    return cert


def map_certificate(session: Session, cert_file: Path, login: str, now: float) -> x509.Certificate:
    """Bind a certificate issued by another CA to a person (by its issuer and serial)."""
    cert = _read_pem_certs(cert_file)[0]
    pki.bind(session, cert, _person(session, login).id, now)
    return cert


def revoke(session: Session, ca_folder: Path, serial_hex: str, reason: str, now: dt.datetime) -> int:
    """Revoke a certificate of the CA in `ca_folder` and end its sessions; returns sessions ended.
    The revocation reaches logins when the CA's next CRL is published (publish_crl)."""
    cert = x509.load_pem_x509_certificate((ca_folder / CERT_FILE).read_bytes())
    try:
        serial = int(serial_hex, 16)
    except ValueError as exc:
        raise PkiRefused(f"序列号应为十六进制：{serial_hex!r}") from exc
    revoked_sha = pki.revoke(session, cert.subject, serial, reason, now.timestamp())
    return end_sessions_of_certificate(session, revoked_sha, f"certificate revoked: {reason}") if revoked_sha else 0


def publish_crl(session: Session, ca_folder: Path, now: dt.datetime, days: int, out_file: Path | None = None, passphrase: bytes | None = None) -> x509.CertificateRevocationList:
    ca = load_ca(ca_folder, passphrase)
    subject = ca.certificate.subject
    crl = authority.sign_crl(ca, pki.revoked_serials(session, subject), now, days, pki.next_crl_number(session, subject))
    pki.add_crl(session, crl)
    if out_file is not None:
        out_file.write_bytes(crl.public_bytes(Encoding.DER))
    return crl


def issue_server_certificate(ca_folder: Path, hosts: list[str], cert_out: Path, key_out: Path, now: dt.datetime, passphrase: bytes | None = None) -> None:
    """The server's TLS certificate, with the CA chain after it (what uvicorn serves)."""
    ca = load_ca(ca_folder, passphrase)
    key = authority.new_key()
    cert = authority.issue_server_certificate(ca, key.public_key(), hosts, now)
    _write_private(key_out, key.private_bytes(Encoding.PEM, PrivateFormat.PKCS8, NoEncryption()))
    chain = [c for c in _read_pem_certs(ca_folder / CHAIN_FILE) if c.issuer != c.subject]  # the root stays with the clients
    cert_out.write_bytes(b"".join(c.public_bytes(Encoding.PEM) for c in [cert, *chain]))


def _person(session: Session, login: str) -> PersonModel:
    person = session.scalar(select(PersonModel).where(PersonModel.login == login))
    if person is None:
        raise PkiRefused(f"通讯录中没有登录名为 {login} 的人员。")
    return person


def _unit_label(session: Session, person: PersonModel) -> str:
    return directory.unit_name(session, person.unit_id)


def _read_pem_certs(path: Path) -> list[x509.Certificate]:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise PkiRefused(f"无法读取 {path}：{exc.strerror}") from exc
    try:
        certs = x509.load_pem_x509_certificates(data) if b"-----BEGIN" in data else [x509.load_der_x509_certificate(data)]
    except ValueError as exc:
        raise PkiRefused(f"{path} 不是证书文件：{exc}") from exc
    return certs


def _write_private(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as f:
        f.write(data)

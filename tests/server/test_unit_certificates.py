"""单位电子印章 on the server: `init-demo --seal-tokens` puts the city government office's seal key
on a SoftHSM2 token of its own label and certifies it for the unit; IT registers a unit
certificate made with openssl (its CA imported first) and the server refuses one it cannot trust
for signing, a certificate without non-repudiation and a seal that is no PNG; every client's
directory scope carries what was registered."""

import base64
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives.serialization import Encoding
from cryptography.x509.oid import NameOID
from fastapi.testclient import TestClient

from app.documents.demo_seal import demo_seal_png
from app.domain.scopes import DIRECTORY
from sync.server.cli import run
from sync.server.main import create_app
from tests.server.conftest import Deployment, inprocess_settings
from tests.server.helpers import log_in

# In a child process: the demo's SoftHSM2 store must not replace the one the test process loaded.
ON_TOKEN = """
from app.identity.pkcs11_key import find_pkcs11_keys
for key in find_pkcs11_keys("/usr/lib/softhsm/libsofthsm2.so"):
    print(key.token_label, key.certificate.hex())
"""


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Deployment]:
    folder = tmp_path_factory.mktemp("unit-seal-demo")
    url = f"sqlite:///{folder / 'server.db'}"
    subprocess.run([str(Path(sys.executable).with_name("xietong-server")), "init-demo", "--people", "40", "--tokens", str(folder / "tokens"),
                    "--seal-tokens", str(folder / "seal-tokens"), "--pki", str(folder / "pki"), "--database-url", url],
                   check=True, capture_output=True, timeout=120)
    with TestClient(create_app(inprocess_settings(url, folder))) as client:
        yield Deployment(url, folder / "tokens", client)


@pytest.fixture(scope="module")
def openssl_unit(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A CA and a unit certificate of 市发展和改革委员会 made with openssl, with and without
    non-repudiation, and the unit's seal image."""
    folder = tmp_path_factory.mktemp("openssl-unit")

    def openssl(*args: str) -> None:
        subprocess.run(["openssl", *args], cwd=folder, check=True, capture_output=True)

    openssl("req", "-x509", "-utf8", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-keyout", "ca.key", "-out", "ca.pem",
            "-days", "30", "-subj", "/C=CN/O=外部电子认证/CN=外部根CA", "-addext", "basicConstraints=critical,CA:TRUE",
            "-addext", "keyUsage=critical,keyCertSign,cRLSign")
    openssl("req", "-utf8", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-keyout", "unit.key", "-out", "unit.csr",
            "-subj", "/C=CN/O=南通市人民政府/OU=市发展和改革委员会/CN=南通市发展和改革委员会")
    for name, usage in (("unit", "digitalSignature,nonRepudiation"), ("no-nonrepudiation", "digitalSignature")):
        (folder / f"{name}.ext").write_text(f"keyUsage=critical,{usage}\n")
        openssl("x509", "-req", "-in", "unit.csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial", "-out", f"{name}.pem",
                "-days", "20", "-extfile", f"{name}.ext")
    (folder / "seal.png").write_bytes(demo_seal_png("南通市发展和改革委员会"))
    return folder


def admin(demo: Deployment, *args: str) -> int:
    return run(["admin", *args, "--database-url", demo.database_url])


def unit_certificates_seen(demo: Deployment) -> dict[str, dict]:
    rows = log_in(demo.client, demo.tokens_dir, "liming").pull_all(DIRECTORY)
    return {r["data"]["unit_id"]: r["data"] for r in rows if r["entity"] == "unit_certificate" and not r["deleted"]}


def test_the_demo_seal_key_is_on_its_own_token_and_certified_for_the_unit(demo, tmp_path):
    env = {**os.environ, "SOFTHSM2_CONF": str(demo.tokens_dir.parent / "seal-tokens" / "softhsm2.conf")}
    found = subprocess.run([sys.executable, "-c", ON_TOKEN], env=env, check=True, capture_output=True, text=True, timeout=60).stdout.split()
    assert found[0] == "seal-u01"
    published = unit_certificates_seen(demo)["u01"]
    cert = x509.load_der_x509_certificate(base64.b64decode(published["certificate"]))
    assert cert.public_bytes(Encoding.DER).hex() == found[1]  # the certificate next to the key on the token
    assert cert.subject.get_attributes_for_oid(NameOID.COMMON_NAME)[0].value == "南通市人民政府办公室"
    assert cert.subject.get_attributes_for_oid(NameOID.ORGANIZATIONAL_UNIT_NAME)[0].value == "市人民政府办公室"
    usage = cert.extensions.get_extension_for_class(x509.KeyUsage).value
    assert usage.digital_signature and usage.content_commitment
    user_ca = x509.load_pem_x509_certificate((demo.tokens_dir.parent / "pki" / "user-ca" / "ca.pem").read_bytes())
    assert cert.issuer == user_ca.subject
    assert [x509.load_der_x509_certificate(base64.b64decode(c)).subject for c in published["chain"]][0] == user_ca.subject
    assert base64.b64decode(published["seal_png"]).startswith(b"\x89PNG")


def test_a_unit_certificate_made_with_openssl_is_registered_once_its_ca_is_trusted(demo, openssl_unit, capsys):
    register = ("unit-cert-register", str(openssl_unit / "unit.pem"), "--unit", "u02", "--seal", str(openssl_unit / "seal.png"))
    assert admin(demo, *register) == 1
    assert "不能链接到本系统信任的 CA" in capsys.readouterr().out
    assert admin(demo, "ca-import", str(openssl_unit / "ca.pem"), "--anchor") == 0
    assert admin(demo, "unit-cert-register", str(openssl_unit / "no-nonrepudiation.pem"), "--unit", "u02", "--seal", str(openssl_unit / "seal.png")) == 1
    assert "nonRepudiation" in capsys.readouterr().out
    assert admin(demo, "unit-cert-register", str(openssl_unit / "unit.pem"), "--unit", "u02", "--seal", str(openssl_unit / "unit.pem")) == 1
    assert "PNG" in capsys.readouterr().out
    assert admin(demo, "unit-cert-register", str(openssl_unit / "unit.pem"), "--unit", "u99", "--seal", str(openssl_unit / "seal.png")) == 1
    assert "u99" in capsys.readouterr().out
    assert "u02" not in unit_certificates_seen(demo)

    assert admin(demo, *register) == 0
    fingerprint = capsys.readouterr().out.split("指纹 ")[1].strip()
    published = unit_certificates_seen(demo)["u02"]
    assert base64.b64decode(published["certificate"]) == x509.load_pem_x509_certificate((openssl_unit / "unit.pem").read_bytes()).public_bytes(Encoding.DER)
    assert admin(demo, "unit-certs") == 0
    assert fingerprint in capsys.readouterr().out
    assert admin(demo, "unit-cert-remove", fingerprint) == 0
    assert "u02" not in unit_certificates_seen(demo)

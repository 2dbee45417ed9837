"""A deployment whose CA is run with other tools: a root (RSA), an intermediate and a person's
certificate (EC) made with the openssl command, imported with `xietong-server admin`, and the
person logs in. Then the CA revokes the certificate in its next CRL and the login is refused."""

import subprocess
import sys
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives.serialization import Encoding, load_pem_private_key

from sync.client.transport import ServerRefused, Transport
from tests.support.headless_client import sign_in_as
from app.identity.p12_key import P12Signer

OPENSSL_CNF = """
[ req ]
distinguished_name = dn
prompt = no
utf8 = yes
string_mask = utf8only
[ dn ]
CN = unused
[ v3_root ]
basicConstraints = critical,CA:TRUE
keyUsage = critical,keyCertSign,cRLSign
subjectKeyIdentifier = hash
[ v3_intermediate ]
basicConstraints = critical,CA:TRUE,pathlen:0
keyUsage = critical,keyCertSign,cRLSign
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
[ v3_person ]
basicConstraints = critical,CA:FALSE
keyUsage = critical,digitalSignature,nonRepudiation
extendedKeyUsage = clientAuth
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
[ ca ]
default_ca = this
[ this ]
database = index.txt
crlnumber = crlnumber
default_md = sha256
default_crl_days = 7
"""


def openssl(cwd: Path, *args: str) -> None:
    subprocess.run(["openssl", *args], cwd=cwd, check=True, capture_output=True)


def admin(server, *args: str) -> str:
    done = subprocess.run([sys.executable, "-m", "sync.server.cli", "admin", *args, "--database-url", server.database_url], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stdout + done.stderr
    return done.stdout


@pytest.fixture
def provincial_ca(tmp_path):
    """The CA's working folder, as its operators would have it."""
    ca = tmp_path / "provincial-ca"
    for part in ("root", "intermediate"):
        (ca / part).mkdir(parents=True)
        (ca / part / "index.txt").write_text("")
        (ca / part / "crlnumber").write_text("01\n")
    (ca / "openssl.cnf").write_text(OPENSSL_CNF, encoding="utf-8")
    cnf = str(ca / "openssl.cnf")
    openssl(ca, "req", "-x509", "-config", cnf, "-extensions", "v3_root", "-newkey", "rsa:2048", "-nodes", "-keyout", "root/key.pem",
            "-out", "root/cert.pem", "-days", "60", "-subj", "/C=CN/O=江苏省电子政务认证中心/CN=江苏省电子政务根CA")  # fmt: skip
    openssl(ca, "req", "-new", "-config", cnf, "-newkey", "rsa:2048", "-nodes", "-keyout", "intermediate/key.pem", "-out", "intermediate/req.csr",
            "-subj", "/C=CN/O=江苏省电子政务认证中心/CN=江苏省政务人员CA")  # fmt: skip
    openssl(ca, "x509", "-req", "-in", "intermediate/req.csr", "-CA", "root/cert.pem", "-CAkey", "root/key.pem", "-CAcreateserial", "-days", "50",
            "-extfile", cnf, "-extensions", "v3_intermediate", "-out", "intermediate/cert.pem")  # fmt: skip
    openssl(ca, "req", "-new", "-config", cnf, "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-keyout", "person.key.pem",
            "-out", "person.csr", "-subj", "/C=CN/O=如皋市人民政府/CN=周强")  # fmt: skip
    openssl(ca, "x509", "-req", "-in", "person.csr", "-CA", "intermediate/cert.pem", "-CAkey", "intermediate/key.pem", "-CAcreateserial",
            "-days", "40", "-extfile", cnf, "-extensions", "v3_person", "-out", "person.pem")  # fmt: skip
    publish_crls(ca)
    return ca


def publish_crls(ca: Path) -> None:
    for part in ("root", "intermediate"):
        openssl(ca / part, "ca", "-gencrl", "-config", str(ca / "openssl.cnf"), "-keyfile", "key.pem", "-cert", "cert.pem", "-out", "crl.pem")


def signer_of(ca: Path) -> P12Signer:
    cert = x509.load_pem_x509_certificate((ca / "person.pem").read_bytes())
    key = load_pem_private_key((ca / "person.key.pem").read_bytes(), password=None)
    return P12Signer(cert.public_bytes(Encoding.DER), "周强", key)


def test_a_person_of_a_ca_run_with_openssl_logs_in_until_revoked(exchange_server, provincial_ca, tmp_path):
    ca = provincial_ca
    admin(exchange_server, "ca-import", str(ca / "root" / "cert.pem"), "--anchor")
    admin(exchange_server, "ca-import", str(ca / "intermediate" / "cert.pem"))
    admin(exchange_server, "crl-import", str(ca / "root" / "crl.pem"))
    admin(exchange_server, "crl-import", str(ca / "intermediate" / "crl.pem"))
    assert "zhouqiang" in admin(exchange_server, "map", "--cert", str(ca / "person.pem"), "--login", "zhouqiang")

    client = sign_in_as(Transport(exchange_server.url, exchange_server.ca_file), signer_of(ca), tmp_path / "zhou.sqlite")
    assert client.user.login == "zhouqiang"
    client.close()

    openssl(ca / "intermediate", "ca", "-config", str(ca / "openssl.cnf"), "-keyfile", "key.pem", "-cert", "cert.pem", "-revoke", str(ca / "person.pem"))
    publish_crls(ca)
    admin(exchange_server, "crl-import", str(ca / "intermediate" / "crl.pem"))
    with pytest.raises(ServerRefused) as refused:
        sign_in_as(Transport(exchange_server.url, exchange_server.ca_file), signer_of(ca), tmp_path / "zhou2.sqlite")
    assert refused.value.code == "auth.failed"
    assert "cert.revoked" in admin(exchange_server, "logins", "--limit", "1")

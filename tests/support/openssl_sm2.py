"""An SM2 PKI made with the openssl command (OpenSSL 3): a root CA, a person's certificate with
its key encrypted under a PIN (PKCS#8, PBES2), and the root's CRL — all SM2 with SM3."""

import subprocess
from dataclasses import dataclass
from pathlib import Path

DISTID = "distid:1234567812345678"
CNF = """
[ req ]
distinguished_name = dn
prompt = no
utf8 = yes
string_mask = utf8only
[ dn ]
CN = unused
[ v3_root ]
basicConstraints = critical,CA:TRUE,pathlen:0
keyUsage = critical,keyCertSign,cRLSign
subjectKeyIdentifier = hash
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
default_md = sm3
default_crl_days = 7
"""


@dataclass(frozen=True)
class Sm2Pki:
    folder: Path

    @property
    def root(self) -> Path:
        return self.folder / "root.pem"

    @property
    def crl(self) -> Path:
        return self.folder / "root.crl.pem"

    def person(self, stem: str) -> Path:
        """<stem>.p8 (the encrypted key); <stem>.crt beside it."""
        return self.folder / "people" / f"{stem}.p8"


def openssl(cwd: Path, *args: str) -> None:
    subprocess.run(["openssl", *args], cwd=cwd, check=True, capture_output=True)


def make(folder: Path) -> Sm2Pki:
    (folder / "people").mkdir(parents=True)
    (folder / "openssl.cnf").write_text(CNF, encoding="utf-8")
    (folder / "index.txt").write_text("")
    (folder / "crlnumber").write_text("01\n")
    openssl(folder, "genpkey", "-algorithm", "SM2", "-out", "root.key")
    openssl(folder, "req", "-new", "-x509", "-config", "openssl.cnf", "-extensions", "v3_root", "-key", "root.key", "-sm3", "-sigopt", DISTID,
            "-days", "60", "-subj", "/C=CN/O=国家密码测试中心/CN=SM2测试根CA", "-out", "root.pem")  # fmt: skip
    pki = Sm2Pki(folder)
    publish_crl(pki)
    return pki


def add_person(pki: Sm2Pki, stem: str, name: str, unit: str, pin: str) -> Path:
    folder = pki.folder
    openssl(folder, "genpkey", "-algorithm", "SM2", "-out", f"{stem}.plain.key")
    openssl(folder, "pkcs8", "-topk8", "-v2", "aes-256-cbc", "-v2prf", "hmacWithSHA256", "-in", f"{stem}.plain.key", "-passout", f"pass:{pin}",
            "-out", f"people/{stem}.p8")  # fmt: skip
    openssl(folder, "req", "-new", "-config", "openssl.cnf", "-key", f"{stem}.plain.key", "-sm3", "-sigopt", DISTID, "-subj", f"/C=CN/O={unit}/CN={name}",
            "-out", f"{stem}.csr")  # fmt: skip
    openssl(folder, "x509", "-req", "-in", f"{stem}.csr", "-CA", "root.pem", "-CAkey", "root.key", "-CAcreateserial", "-sm3", "-sigopt", DISTID,
            "-vfyopt", DISTID, "-days", "30", "-extfile", "openssl.cnf", "-extensions", "v3_person", "-out", f"people/{stem}.crt")  # fmt: skip
    return pki.person(stem)


def publish_crl(pki: Sm2Pki) -> None:
    openssl(pki.folder, "ca", "-gencrl", "-config", "openssl.cnf", "-keyfile", "root.key", "-cert", "root.pem", "-md", "sm3", "-sigopt", DISTID, "-out", "root.crl.pem")

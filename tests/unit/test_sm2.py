"""SM2 (GB/T 32918) known answers: the standard's own example, and both directions against
OpenSSL's SM2; SM2 soft certificates and SM2 chains made with the openssl command."""

import datetime as dt
import subprocess

import pytest
from cryptography import x509
from cryptography.hazmat.primitives.asymmetric.utils import decode_dss_signature, encode_dss_signature

from app.identity import sm2
from app.identity.chain import CertificateRefused, TrustMaterial, validate_login_certificate
from app.identity.keys import find_keys
from app.identity.signer import WrongPin
from app.identity.sm2_key import find_sm2_keys
from app.identity.verify import verify_signature
from tests.support import openssl_sm2

PIN = "864200"


@pytest.fixture(scope="module")
def pki(tmp_path_factory):
    made = openssl_sm2.make(tmp_path_factory.mktemp("sm2"))
    openssl_sm2.add_person(made, "liming", "李明", "南通市人民政府", PIN)
    return made


def test_the_standards_example_on_the_recommended_curve():
    """GB/T 32918.5 (GM/T 0003.5) example: ID 1234567812345678, message "message digest", fixed k."""
    d = int("3945208F7B2144B13F36E38AC6D39F95889393692860B51A42FB81EF4DF7C5B8", 16)
    k = int("59276E27D506861A16680F3AD9C02DCCEF3CC1FA3CDBE4CE6D54B80DEAC1BC21", 16)
    r, s = decode_dss_signature(sm2.sign(d, b"message digest", k=k))
    assert f"{r:064X}" == "F5A03B0648D2C4630EEAC513E1BB81A15944DA3827D5B74143AC7EACEEE720B3"
    assert f"{s:064X}" == "B1B6AA29DF212FD8763182BC0D421CA1BB9038FD1F7F42D4840B69C485BBC1AA"
    assert sm2.public_point(d).hex().upper().startswith("0409F9DF311E5421A150DD7D161E4BC5C672179FAD1833FC076BB08FF356F35020")


def test_openssl_and_we_verify_each_others_signatures(tmp_path):
    openssl_sm2.openssl(tmp_path, "genpkey", "-algorithm", "SM2", "-out", "key.pem")
    openssl_sm2.openssl(tmp_path, "pkey", "-in", "key.pem", "-pubout", "-out", "pub.pem")
    (tmp_path / "msg").write_bytes("关于召开全市电子政务工作会议的通知".encode())
    openssl_sm2.openssl(tmp_path, "pkeyutl", "-sign", "-inkey", "key.pem", "-rawin", "-in", "msg", "-digest", "sm3", "-pkeyopt", openssl_sm2.DISTID, "-out", "sig.openssl")
    text = subprocess.run(["openssl", "pkey", "-in", "key.pem", "-text", "-noout"], capture_output=True, text=True, check=True, cwd=tmp_path).stdout
    d = int("".join(text.split("priv:")[1].split("pub:")[0].split()).replace(":", ""), 16)
    message, theirs = (tmp_path / "msg").read_bytes(), (tmp_path / "sig.openssl").read_bytes()
    public = sm2.public_point(d)
    assert sm2.verify(public, message, theirs)
    assert not sm2.verify(public, message + b".", theirs)
    (tmp_path / "sig.ours").write_bytes(sm2.sign(d, message))
    checked = subprocess.run(["openssl", "pkeyutl", "-verify", "-pubin", "-inkey", "pub.pem", "-rawin", "-in", "msg", "-sigfile", "sig.ours",
                              "-digest", "sm3", "-pkeyopt", openssl_sm2.DISTID], capture_output=True, text=True, cwd=tmp_path)  # fmt: skip
    assert "Signature Verified Successfully" in checked.stdout


def test_signatures_with_r_or_s_out_of_range_are_refused():
    d = 0x1234567
    public = sm2.public_point(d)
    assert not sm2.verify(public, b"m", encode_dss_signature(0, 5))
    assert not sm2.verify(public, b"m", encode_dss_signature(5, sm2.N))
    assert not sm2.verify(public, b"m", b"not der")


def test_an_sm2_soft_certificate_opens_with_its_pin(pki):
    [key] = find_sm2_keys(pki.person("liming").parent)
    assert key.label == "李明 · 南通市人民政府"
    assert [k.label for k in find_keys(pki.person("liming").parent, "")] == [key.label]
    with pytest.raises(WrongPin):
        key.unlock("000000")
    signer = key.unlock(PIN)
    assert verify_signature(key.certificate, b"login", signer.sign(b"login"))


def test_an_sm2_chain_is_checked_like_any_other(pki, tmp_path):
    root = x509.load_pem_x509_certificate(pki.root.read_bytes())
    [key] = find_sm2_keys(pki.person("liming").parent)
    leaf = x509.load_der_x509_certificate(key.certificate)
    now = dt.datetime.now(dt.timezone.utc)
    trust = TrustMaterial([root], [], [x509.load_pem_x509_crl(pki.crl.read_bytes())])
    assert validate_login_certificate(leaf, [], trust, now) == [leaf, root]
    for refused_case in (
        lambda: validate_login_certificate(root, [], trust, now),  # the CA itself, presented as a person
        lambda: validate_login_certificate(leaf, [], TrustMaterial([_other_root(tmp_path)], [], trust.crls), now),
        lambda: validate_login_certificate(leaf, [], trust, now + dt.timedelta(days=45)),  # expired by then
    ):
        with pytest.raises(CertificateRefused):
            refused_case()


def test_a_revoked_sm2_certificate_is_refused(pki):
    openssl_sm2.add_person(pki, "zhaoli", "赵丽", "南通市发改委", PIN)
    openssl_sm2.openssl(pki.folder, "ca", "-config", "openssl.cnf", "-keyfile", "root.key", "-cert", "root.pem", "-revoke", str(pki.person("zhaoli").with_suffix(".crt")))
    openssl_sm2.publish_crl(pki)
    root = x509.load_pem_x509_certificate(pki.root.read_bytes())
    leaf = x509.load_pem_x509_certificate(pki.person("zhaoli").with_suffix(".crt").read_bytes())
    with pytest.raises(CertificateRefused) as refused:
        validate_login_certificate(leaf, [], TrustMaterial([root], [], [x509.load_pem_x509_crl(pki.crl.read_bytes())]), dt.datetime.now(dt.timezone.utc))
    assert refused.value.code == "cert.revoked"


def _other_root(tmp_path) -> x509.Certificate:
    other = openssl_sm2.make(tmp_path / "other")
    return x509.load_pem_x509_certificate(other.root.read_bytes())

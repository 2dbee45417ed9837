"""交换包 under the national-algorithm policy (国密): SM2 signature, the content key wrapped by SM2
encryption, SM4-GCM frames. An SM2 PKI made by OpenSSL; every refusal still holds."""

import datetime as dt

import pytest
from cryptography import x509

from app.identity.chain import TrustMaterial
from app.identity.sm2_key import Sm2Signer, load_sm2_key
from sync.bundle import ciphers, keywrap
from sync.bundle.format import Header, MAGIC, U32
from sync.bundle.reader import Expectation, open_bundle
from sync.bundle.refusals import BundleRefused
from sync.bundle.writer import BundleWriter
from sync.server.bundles.exchange_key import load_exchange_key
from tests.support import openssl_sm2
from tests.support.bundle_parties import new_ca, party, trust

PIN = "12345678"
P256_CA = new_ca()


@pytest.fixture(scope="module")
def sm2(tmp_path_factory):
    pki = openssl_sm2.make(tmp_path_factory.mktemp("sm2-bundles"))
    signers = {}
    for stem, name, unit in (("clerk", "张三", "如东县保密局"), ("exchange", "交换站", "南通市人民政府办公室"), ("other", "李四", "海安市人民政府办公室")):
        signers[stem] = load_sm2_key(openssl_sm2.add_person(pki, stem, name, unit, PIN)).unlock(PIN)
    anchors = [x509.load_pem_x509_certificate(pki.root.read_bytes())]
    return signers, TrustMaterial(anchors=anchors, crls=[x509.load_pem_x509_crl(pki.crl.read_bytes())]), pki


def write(path, sender: Sm2Signer, receiver: Sm2Signer, seq: int = 1, algorithms: str = "national"):
    with BundleWriter(path, "ops", sender, receiver.certificate, seq, algorithms=algorithms) as w:
        for i in range(3):
            w.add("push", {"ops": [{"op_id": f"op-{i}", "args": {"title": "收文登记" * 1000}}]})
        w.close()
    return path


def expect(receiver: Sm2Signer, trust_material: TrustMaterial, **changes) -> Expectation:
    return Expectation(**{"kind": "ops", "receiver_key": receiver, "receiver_certificate": receiver.certificate, "trust": trust_material,
                          "last_seq": lambda _s: 0, "now": dt.datetime.now(dt.timezone.utc), "algorithms": "national", **changes})  # fmt: skip


def refusal(path, expectation: Expectation) -> str:
    with pytest.raises(BundleRefused) as caught:
        open_bundle(path, expectation)
    return caught.value.code


def test_an_sm2_sm4_bundle_round_trips(sm2, tmp_path):
    signers, material, _ = sm2
    path = write(tmp_path / "n.xtb", signers["clerk"], signers["exchange"])
    bundle = open_bundle(path, expect(signers["exchange"], material))
    assert (bundle.header.cipher, bundle.header.wrapped_key["alg"]) == (ciphers.SM4, keywrap.SM2_WRAP)
    assert [r.body["ops"][0]["op_id"] for r in bundle.records()] == ["op-0", "op-1", "op-2"]


def test_the_national_policy_refuses_a_standard_bundle_and_will_not_write_with_other_keys(sm2, tmp_path):
    signers, material, _ = sm2
    standard = write(tmp_path / "s.xtb", signers["clerk"], signers["exchange"], algorithms="standard")
    assert Header.decode(_header(standard)).cipher == ciphers.AES  # SM2 keys, AES frames: readable under the standard policy
    assert open_bundle(standard, expect(signers["exchange"], material, algorithms="standard")).records_count == 3
    assert refusal(standard, expect(signers["exchange"], material)) == "bundle.algorithm_not_allowed"
    p256 = party(P256_CA, "王五", "如东县保密局")
    with pytest.raises(BundleRefused) as caught:
        write(tmp_path / "p.xtb", p256.signer, signers["exchange"])
    assert caught.value.code == "bundle.national_keys_required" and not list(tmp_path.glob("p.xtb*"))


@pytest.mark.parametrize("damage", ["bad signature", "corrupted frame", "truncated", "other receiver", "replayed", "untrusted signer", "answer kind"])
def test_every_refusal_holds_for_national_bundles(sm2, tmp_path, damage):
    signers, material, _ = sm2
    path = write(tmp_path / "d.xtb", signers["clerk"], signers["other" if damage == "other receiver" else "exchange"], seq=5)
    data = bytearray(path.read_bytes())
    changes: dict = {}
    if damage == "bad signature":
        data[-1] ^= 1
    elif damage == "corrupted frame":
        data[len(data) // 2] ^= 1
    elif damage == "truncated":
        del data[len(data) // 2 :]
    elif damage == "replayed":
        changes["last_seq"] = lambda _s: 5
    elif damage == "untrusted signer":
        changes["trust"] = trust(P256_CA)
    elif damage == "answer kind":
        changes["kind"] = "answer"
    path.write_bytes(bytes(data))
    expected = {"bad signature": "bundle.bad_signature", "corrupted frame": "bundle.corrupted", "truncated": "bundle.truncated", "other receiver": "bundle.wrong_receiver",
                "replayed": "bundle.replayed", "untrusted signer": "bundle.signer_untrusted", "answer kind": "bundle.unexpected_kind"}  # fmt: skip
    assert refusal(path, expect(signers["exchange"], material, **changes)) == expected[damage]


def _header(path) -> bytes:
    data = path.read_bytes()
    size = U32.unpack(data[len(MAGIC) : len(MAGIC) + 4])[0]
    return data[len(MAGIC) + 4 : len(MAGIC) + 4 + size]


def test_an_sm2_exchange_key_file_opens_national_bundles(sm2, tmp_path):
    """`xietong-server bundle import --key exchange.p8`: the SM2 soft certificate the CLI and the relay load."""
    signers, material, pki = sm2
    exchange = load_exchange_key(pki.person("exchange")).unlock(PIN)
    path = write(tmp_path / "k.xtb", signers["clerk"], exchange)
    assert open_bundle(path, expect(exchange, material)).records_count == 3

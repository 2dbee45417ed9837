"""A receiver whose private key lives on a USB key (SoftHSM2 as the token): the bundle's content
key is unwrapped by ECDH computed on the token (CKM_ECDH1_DERIVE); the key is never exported."""

import pytest
from pkcs11 import Attribute

from app.identity import pkcs11_key
from sync.bundle import keywrap
from sync.bundle.reader import Expectation, open_bundle
from sync.bundle.refusals import BundleRefused
from sync.bundle.writer import BundleWriter
from tests.support.bundle_parties import NOW, new_ca, party, trust
from tests.support.softhsm import MODULE

PIN = "123456"
CA = new_ca()
CLERK = party(CA, "张三", "如东县保密局")


@pytest.fixture(scope="module")
def token_receiver(softhsm):
    certificate = softhsm.provision("交换站的Key", "交换站", PIN, derive=True)
    key = next(k for k in pkcs11_key.find_pkcs11_keys(MODULE) if k.token_label == "交换站的Key")
    signer = key.unlock(PIN)
    yield certificate, signer
    signer.close()


def test_a_bundle_to_a_token_key_opens_with_ecdh_on_the_token(token_receiver, tmp_path):
    certificate, signer = token_receiver
    with BundleWriter(tmp_path / "a.xtb", "ops", CLERK.signer, certificate, 1) as w:
        w.add("push", {"ops": [{"op_id": "op-1", "args": {"title": "收文登记"}}]})
        w.close()
    bundle = open_bundle(tmp_path / "a.xtb", Expectation("ops", signer, certificate, trust(CA), lambda _s: 0, NOW))
    assert [r.body for r in bundle.records()] == [{"ops": [{"op_id": "op-1", "args": {"title": "收文登记"}}]}]
    assert signer.key[Attribute.EXTRACTABLE] is False and signer.key[Attribute.SENSITIVE] is True


def test_a_bundle_for_another_key_is_refused_by_the_token(token_receiver, tmp_path):
    certificate, signer = token_receiver
    other = party(CA, "李四", "海安市人民政府办公室")
    with BundleWriter(tmp_path / "o.xtb", "ops", CLERK.signer, other.certificate, 1) as w:
        w.close()
    with pytest.raises(BundleRefused) as refused:  # addressed to `other`: refused before any ECDH
        open_bundle(tmp_path / "o.xtb", Expectation("ops", signer, certificate, trust(CA), lambda _s: 0, NOW))
    assert refused.value.code == "bundle.wrong_receiver"
    with pytest.raises(BundleRefused) as refused:  # wrapped for `other`, tried with the token's key
        keywrap.unwrap(keywrap.wrap(bytes(32), other.certificate), signer)
    assert refused.value.code == "bundle.wrong_receiver"

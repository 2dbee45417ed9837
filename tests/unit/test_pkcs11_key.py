"""The USB key through PKCS#11, with SoftHSM2 as a real token: keys made on the token and never
extractable, chosen by label, signatures in DER, wrong PIN, pulled out and put back."""

import pytest
from pkcs11 import Attribute
from pkcs11.exceptions import AttributeSensitive

from app.identity import pkcs11_key
from app.identity.keys import find_keys
from app.identity.signer import WrongPin
from app.identity.verify import verify_signature
from tests.support.softhsm import MODULE

PIN = "123456"


@pytest.fixture(scope="module")
def tokens(softhsm):
    return {label: softhsm.provision(label, name, PIN) for label, name in (("王晓燕的Key", "王晓燕"), ("陈建国的Key", "陈建国"))}


def key_of(label: str) -> pkcs11_key.Pkcs11Key:
    return next(k for k in pkcs11_key.find_pkcs11_keys(MODULE) if k.token_label == label)


def test_keys_are_listed_by_token_label_with_their_holder(tokens, tmp_path):
    found = {k.token_label: k for k in find_keys(tmp_path, MODULE)}
    assert set(tokens) <= set(found)  # the run shares one token folder: other tests' keys may be there too
    assert found["陈建国的Key"].label == "陈建国 · 市人民政府办公室（陈建国的Key）"
    assert found["陈建国的Key"].certificate == tokens["陈建国的Key"]


def test_the_key_signs_in_der_and_never_leaves_the_token(tokens):
    signer = key_of("王晓燕的Key").unlock(PIN)
    try:
        signature = signer.sign(b"xietong")
        assert signature[0] == 0x30  # DER SEQUENCE, not the token's raw r||s
        assert verify_signature(tokens["王晓燕的Key"], b"xietong", signature)
        assert not verify_signature(tokens["陈建国的Key"], b"xietong", signature)
        assert signer.key[Attribute.EXTRACTABLE] is False and signer.key[Attribute.SENSITIVE] is True
        with pytest.raises(AttributeSensitive):
            signer.key[Attribute.VALUE]
    finally:
        signer.close()


def test_a_wrong_pin_is_refused(tokens):
    with pytest.raises(WrongPin):
        key_of("陈建国的Key").unlock("000000")


def test_a_pulled_out_key_is_noticed_and_a_reinserted_one_works(softhsm, tokens):
    key = key_of("陈建国的Key")
    softhsm.pull_out("陈建国的Key")
    try:
        assert not key.present()
        assert key_of("王晓燕的Key").present()
    finally:
        softhsm.insert("陈建国的Key")
    assert key.present()
    signer = key.unlock(PIN)
    assert verify_signature(key.certificate, b"back", signer.sign(b"back"))
    signer.close()

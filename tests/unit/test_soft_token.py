import json

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import BestAvailableEncryption, Encoding, PrivateFormat

from app.identity.signer import TokenUnreadable, WrongPin
from app.identity.soft_token import FORMAT, find_tokens, load_token


def write_token(folder, login="wangxy", pin="123456"):
    key = Ed25519PrivateKey.generate()
    pem = key.private_bytes(Encoding.PEM, PrivateFormat.PKCS8, BestAvailableEncryption(pin.encode()))
    path = folder / f"{login}.xtoken"
    path.write_text(json.dumps({"format": FORMAT, "login": login, "name": "王晓燕", "unit": "市人民政府办公室", "key_pem": pem.decode()}, ensure_ascii=False), encoding="utf-8")
    return path, key


def test_right_pin_unlocks_a_key_that_signs(tmp_path):
    path, key = write_token(tmp_path)
    signer = load_token(path).unlock("123456")
    signature = signer.sign(b"nonce")
    key.public_key().verify(signature, b"nonce")  # raises if wrong
    assert (signer.login, signer.display_name) == ("wangxy", "王晓燕")


def test_wrong_pin_is_refused(tmp_path):
    path, _ = write_token(tmp_path)
    with pytest.raises(WrongPin):
        load_token(path).unlock("000000")


def test_unreadable_files_are_reported_and_skipped_when_listing(tmp_path):
    write_token(tmp_path, "zhaoli")
    (tmp_path / "broken.xtoken").write_text("{not json", encoding="utf-8")
    with pytest.raises(TokenUnreadable):
        load_token(tmp_path / "broken.xtoken")
    assert [t.login for t in find_tokens(tmp_path)] == ["zhaoli"]
    assert find_tokens(tmp_path / "absent") == []

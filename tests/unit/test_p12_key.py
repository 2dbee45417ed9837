"""Soft certificates (.p12 with the certificate beside it): listed by holder, unlocked by the PIN,
refused when broken, gone when the file is removed."""

import pytest

from app.identity.keys import find_keys
from app.identity.p12_key import find_p12_keys, load_p12_key
from app.identity.signer import KeyRemoved, TokenUnreadable, WrongPin
from app.identity.verify import verify_signature
from tests.support.pki import write_p12


def test_keys_are_listed_by_holder_and_unit(tmp_path):
    write_p12(tmp_path, "wangxy", "王晓燕", "市人民政府办公室")
    write_p12(tmp_path, "zhaoli", "赵丽", "市发展和改革委员会")
    assert [k.label for k in find_keys(tmp_path, "")] == ["王晓燕 · 市人民政府办公室", "赵丽 · 市发展和改革委员会"]


def test_the_pin_unlocks_a_key_that_signs_for_its_certificate(tmp_path):
    key = load_p12_key(write_p12(tmp_path, "wangxy", "王晓燕", "办公室", pin="135790"))
    assert key.tries_left() is None  # a file counts no tries
    with pytest.raises(WrongPin):
        key.unlock("000000")
    signer = key.unlock("135790")
    assert verify_signature(key.certificate, b"message", signer.sign(b"message"))


def test_a_file_without_its_certificate_or_with_anothers_is_not_offered(tmp_path, caplog):
    write_p12(tmp_path, "lonely", "孤", "单位").with_suffix(".crt").unlink()
    write_p12(tmp_path, "a", "甲", "单位")
    write_p12(tmp_path, "b", "乙", "单位")
    (tmp_path / "a.crt").write_bytes((tmp_path / "b.crt").read_bytes())
    assert [k.path.stem for k in find_p12_keys(tmp_path)] == ["a", "b"]  # a's name comes from the (wrong) .crt until unlocked
    assert "lonely" in caplog.text
    with pytest.raises(TokenUnreadable):
        load_p12_key(tmp_path / "a.p12").unlock("123456")  # the key is not the certificate's


def test_a_removed_file_is_a_removed_key(tmp_path):
    path = write_p12(tmp_path, "wangxy", "王晓燕", "办公室")
    key = load_p12_key(path)
    path.unlink()
    assert not key.present()
    with pytest.raises(KeyRemoved):
        key.unlock("123456")

"""Signed opinions (签名意见): what a reader of the 意见栏 relies on — a valid signature holds, and a
changed body, a changed opinion, another person's key, an untrusted or revoked certificate and a
superseded version each show as what they are. With a .p12, a SoftHSM2 token and an SM2 key."""

import datetime as dt

import pytest
from cryptography import x509

from app.documents.body import Body
from app.documents.opinion_signature import OpinionStatus, canonical_payload, sign_opinion, verify_opinion
from app.identity.p12_key import load_p12_key
from app.identity.sm2_key import find_sm2_keys
from sync.server.pki import ca as authority
from tests.support import openssl_sm2
from tests.support.pki import DEMO_PIN, write_p12
from tests.support.token_signers import pkcs11_signer

BODY = Body(("各县（市、区）人民政府：", "现将《方案》印发给你们，请认真贯彻执行。"))


@pytest.fixture(scope="module")
def ca():
    return authority.new_root_ca("测试根CA", "南通市人民政府", dt.datetime.now(dt.timezone.utc))


@pytest.fixture(scope="module")
def people(ca, tmp_path_factory):
    folder = tmp_path_factory.mktemp("p12")
    return {stem: load_p12_key(write_p12(folder, stem, name, "市人民政府办公室", ca=ca)).unlock(DEMO_PIN)
            for stem, name in (("zhangsan", "张三"), ("lisi", "李四"))}


def now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")


def signed(signer, opinion: str = "同意。", body: Body = BODY, actor: str = "zhangsan") -> dict:
    return sign_opinion(signer, document_id="doc-216", body_sha256=body.sha256, opinion=opinion, step_id="s2", actor=actor, at=now())


def fresh_crl(ca, revoked=()):
    return authority.sign_crl(ca, revoked, dt.datetime.now(dt.timezone.utc), 7, 1)


def test_a_signed_opinion_holds_and_names_its_signer(people, ca):
    record = signed(people["zhangsan"])
    check = verify_opinion(record, body_sha256=BODY.sha256, trust_anchors=[ca.certificate], crls=[fresh_crl(ca)])
    assert check.status == OpinionStatus.VALID and check.holds and check.chain_checked
    assert check.signer == "张三"
    assert record["algorithm"] == "ecdsa-sha256" and record["certificate"].startswith("-----BEGIN CERTIFICATE-----")


def test_the_payload_is_sorted_compact_utf8_json(people):
    record = signed(people["zhangsan"])
    payload = canonical_payload(record)
    assert payload.startswith(b'{"actor":"zhangsan","at":') and "同意".encode() in payload and b", " not in payload


def test_a_changed_body_version_shows_as_tampered_body(people):
    record = signed(people["zhangsan"])
    changed = Body(BODY.paragraphs[:1] + ("现将《方案》印发给你们，请参照执行。",))
    assert verify_opinion(record, body_sha256=changed.sha256).status == OpinionStatus.TAMPERED_BODY


def test_a_changed_opinion_or_step_shows_as_tampered(people):
    record = signed(people["zhangsan"])
    for field, value in (("opinion", "不同意。"), ("step_id", "s3"), ("at", "2030-01-01T00:00:00+00:00"), ("body_sha256", Body(("别的",)).sha256)):
        check = verify_opinion({**record, field: value})
        assert check.status == OpinionStatus.TAMPERED_OPINION and not check.holds


def test_another_persons_key_shows_as_wrong_key(people):
    zhang, li = people["zhangsan"], people["lisi"]
    swapped = {**signed(li), "certificate": signed(zhang)["certificate"]}  # signed by 李四, passed off as 张三's
    assert verify_opinion(swapped).status == OpinionStatus.WRONG_KEY
    directory = {"zhangsan": [zhang.certificate], "lisi": [li.certificate]}
    as_someone_else = signed(li, actor="zhangsan")  # 李四 signing in 张三's name
    assert verify_opinion(as_someone_else).status == OpinionStatus.VALID  # the signature itself holds...
    assert verify_opinion(as_someone_else, actor_certificates=directory).status == OpinionStatus.WRONG_KEY  # ...but not as 张三's


def test_a_superseded_version_holds_but_is_marked(people):
    check = verify_opinion(signed(people["zhangsan"]), body_sha256=BODY.sha256, superseded=True)
    assert check.status == OpinionStatus.SUPERSEDED and check.holds


def test_an_unknown_ca_or_a_revoked_certificate_is_untrusted(people, ca):
    record = signed(people["zhangsan"])
    other = authority.new_root_ca("别的根CA", "别处", dt.datetime.now(dt.timezone.utc))
    assert verify_opinion(record, trust_anchors=[other.certificate], crls=[fresh_crl(other)]).status == OpinionStatus.UNTRUSTED
    serial = x509.load_der_x509_certificate(people["zhangsan"].certificate).serial_number
    revoked = fresh_crl(ca, [(serial, dt.datetime.now(dt.timezone.utc))])
    check = verify_opinion(record, trust_anchors=[ca.certificate], crls=[revoked])
    assert check.status == OpinionStatus.UNTRUSTED and check.detail == "cert.revoked"


def test_a_record_missing_fields_is_malformed(people):
    record = signed(people["zhangsan"])
    assert verify_opinion({**record, "opinion": "\ud800"}).status == OpinionStatus.MALFORMED  # not encodable as UTF-8
    del record["signature"]
    assert verify_opinion(record).status == OpinionStatus.MALFORMED


def test_a_usb_key_signs_opinions(softhsm, ca):
    signer = pkcs11_signer(softhsm, ca, "王晓燕的公文Key", "王晓燕")
    try:
        record = signed(signer, actor="wangxiaoyan")
    finally:
        signer.close()
    check = verify_opinion(record, body_sha256=BODY.sha256, trust_anchors=[ca.certificate], crls=[fresh_crl(ca)])
    assert check.status == OpinionStatus.VALID and check.signer == "王晓燕"
    assert verify_opinion({**record, "opinion": "不同意。"}).status == OpinionStatus.TAMPERED_OPINION


def test_an_sm2_key_signs_opinions(tmp_path):
    pki = openssl_sm2.make(tmp_path / "sm2")
    openssl_sm2.add_person(pki, "liming", "李明", "南通市人民政府", "864200")
    [key] = find_sm2_keys(pki.person("liming").parent)
    record = signed(key.unlock("864200"), actor="liming")
    anchors = [x509.load_pem_x509_certificate(pki.root.read_bytes())]
    crls = [x509.load_pem_x509_crl(pki.crl.read_bytes())]
    assert record["algorithm"] == "sm2-sm3"
    assert verify_opinion(record, body_sha256=BODY.sha256, trust_anchors=anchors, crls=crls).status == OpinionStatus.VALID
    assert verify_opinion({**record, "opinion": "不同意。"}).status == OpinionStatus.TAMPERED_OPINION

"""用印 from the 发文 page over a real cache and a SoftHSM2 seal key: the 办公室主任 (doc.seal) gets
"用印并导出PDF…" on an issued document, types the seal key's PIN and, off the UI thread, gets the
GB/T 9704 PDF with the seal over the 成文日期, signed by the unit: pyHanko validates it against the
CA, poppler's pdfsig finds it valid, `xietong verify` names the unit and fails once a byte
changes. The 核验文件 written from the cache verifies with `xietong verify`. A 收发员 without the
permission, a missing seal key and a wrong PIN are refused in words; the login window does not
offer the seal key."""

import base64
import datetime as dt
import io
import subprocess
import sys
from pathlib import Path

import pdfplumber
import pytest
from cryptography.hazmat.primitives.serialization import Encoding
from sqlalchemy import update

from app.documents.demo_seal import demo_seal_png
from app.documents.pdf_signature import check_pdf_signatures
from app.domain.documents.route import SIGNED_OFF
from app.identity import pkcs11_key
from app.identity.keys import find_keys, find_usb_keys
from app.identity.p12_key import load_p12_key
from app.services.documents import DocumentService, RouteStep
from app.services.unit_seal import UnitSealService
from app.store.mirror import apply_row
from app.store.models import DocumentRow
from sync.server.pki import ca as authority
from tests.support.cache_data import HEAD, OFFICE
from tests.support.documents import sample_meta
from tests.support.pki import DEMO_PIN, write_p12
from tests.support.softhsm import MODULE
from ui.dialogs.message_dialog import MessageDialog
from ui.views.outgoing_view import OutgoingView

XIETONG = Path(sys.executable).with_name("xietong")
NUMBER = "通政办发〔2012〕216号"
UNIT = "南通市人民政府办公室"
SEAL_TOKEN = "seal-u01-ui"


@pytest.fixture(scope="module")
def pki(tmp_path_factory):
    """A root and a user CA under it (as the demo has), the root and its CRL as files to trust."""
    folder = tmp_path_factory.mktemp("seal-pki")
    now = dt.datetime.now(dt.timezone.utc)
    root = authority.new_root_ca("演示根CA", "南通市人民政府", now)
    user_ca = authority.new_intermediate_ca(root, "演示用户CA", "南通市人民政府", now)
    (folder / "root.pem").write_bytes(root.certificate.public_bytes(Encoding.PEM))
    (folder / "root.crl").write_bytes(authority.sign_crl(root, [], now, 7, 1).public_bytes(Encoding.DER))
    return root, user_ca, folder


@pytest.fixture(scope="module")
def seal_token(softhsm, pki) -> bytes:
    """The city office's seal key made on its own token, certified by the user CA; its certificate."""
    _root, user_ca, _folder = pki
    softhsm.new_token(SEAL_TOKEN, DEMO_PIN)
    key_id, public_key = pkcs11_key.generate_key(MODULE, SEAL_TOKEN, DEMO_PIN, "unit-seal")
    cert = authority.issue_unit_certificate(user_ca, public_key, UNIT, "南通市人民政府", "市人民政府办公室", dt.datetime.now(dt.timezone.utc))
    pkcs11_key.store_certificate(MODULE, SEAL_TOKEN, DEMO_PIN, key_id, cert.public_bytes(Encoding.DER), "unit-seal")
    return cert.public_bytes(Encoding.DER)


def seal_keys() -> list:
    return [key for key in pkcs11_key.find_pkcs11_keys(MODULE) if key.token_label == SEAL_TOKEN]


@pytest.fixture
def issued(cache, pki, seal_token, tmp_path) -> str:
    """陈建国 drafted, 王晓燕 signed her 核稿 opinion with her key, the server numbered and issued
    it; the server registered the unit's seal certificate (as pulls bring them)."""
    root, user_ca, _folder = pki
    drafts = DocumentService(cache, HEAD)
    paragraphs = ["各县（市）、区人民政府：", "现将规划印发给你们，请认真贯彻执行。"]
    doc_id = drafts.draft(sample_meta(), [RouteStep("核稿", "all", [(OFFICE.id, "u01")])], paragraphs, "通政办发")
    drafts.submit(doc_id)
    signer = load_p12_key(write_p12(tmp_path, "wangxy", OFFICE.name, OFFICE.unit_name, ca=root)).unlock(DEMO_PIN)
    DocumentService(cache, OFFICE).sign(doc_id, "同意", signer)
    with cache.sessions.begin() as s:
        meta = {**s.get(DocumentRow, doc_id).meta, "发文字号": NUMBER}
        s.execute(update(DocumentRow).where(DocumentRow.id == doc_id).values(status=SIGNED_OFF, doc_number=NUMBER, meta=meta))  # the server's 签发 and 编号
        chain = [base64.b64encode(c.public_bytes(Encoding.DER)).decode() for c in (user_ca.certificate, root.certificate)]
        apply_row(s, "unit_certificate", "seal-u01", 1, False, {"unit_id": "u01", "certificate": base64.b64encode(seal_token).decode(),
                                                                 "chain": chain, "seal_png": base64.b64encode(demo_seal_png(UNIT)).decode()})
    return doc_id


def outgoing_view(qtbot, cache, session, user, find_keys=seal_keys) -> OutgoingView:
    view = OutgoingView("发文", DocumentService(cache, user), session.directory, user, lambda: None, session.blobs,
                        seal=UnitSealService(cache, user, find_keys))
    qtbot.addWidget(view)
    view.show()
    view.refresh()
    return view


def verify(path: Path, anchors: Path, *more: str) -> subprocess.CompletedProcess:
    return subprocess.run([str(XIETONG), "verify", str(path), "--trust-anchors", str(anchors), *more], capture_output=True, text=True, timeout=60, check=False)


def test_the_seal_keeper_seals_and_signs_the_issued_pdf_with_the_unit_key(qtbot, cache, session, issued, pki, tmp_path):
    root, _user_ca, folder = pki
    view = outgoing_view(qtbot, cache, session, HEAD)
    view.open_document(issued)
    assert not view.panel.seal_button.isHidden()
    job = view.seal_job()
    assert job is not None and job.seal.unit_name == UNIT
    target = tmp_path / "通知.pdf"
    dialog = view.ask_pin_and_seal(job, target)
    assert NUMBER in dialog.words.text() and SEAL_TOKEN in dialog.words.text()
    dialog.pin.setText(DEMO_PIN)
    with qtbot.waitSignal(view.pdf.finished, timeout=60_000):
        dialog.ok_button.click()
        assert view.pdf.progress.isVisible()  # the UI thread is free while the PDF is laid out and signed
    signed = target.read_bytes()

    [check] = check_pdf_signatures(signed, [root.certificate])
    assert check.holds and check.whole_file and check.signer == UNIT
    with pdfplumber.open(io.BytesIO(signed)) as pdf:
        page = next(p for p in pdf.pages if p.images)
        [seal] = page.images
        [date] = [w for w in page.extract_words() if w["text"] == "2012年12月31日"]
    assert (date["x0"] + date["x1"]) / 2 == pytest.approx((seal["x0"] + seal["x1"]) / 2, abs=1)  # the seal over the 成文日期
    assert seal["top"] < date["top"] < seal["bottom"]
    assert "Signature is Valid" in subprocess.run(["pdfsig", str(target)], capture_output=True, text=True, check=False).stdout

    verified = verify(target, folder / "root.pem")
    assert verified.returncode == 0, verified.stdout + verified.stderr
    assert f"✓ PDF 签名 Xietong-Issue：{UNIT}：签名有效" in verified.stdout
    tampered = bytearray(signed)
    tampered[tampered.index(b"stream") + 40] ^= 1
    (tmp_path / "changed.pdf").write_bytes(tampered)
    assert verify(tmp_path / "changed.pdf", folder / "root.pem").returncode == 1


def test_the_verification_export_from_the_cache_verifies(qtbot, cache, session, issued, pki, tmp_path):
    _root, _user_ca, folder = pki
    view = outgoing_view(qtbot, cache, session, OFFICE)  # anyone who sees the document exports it
    view.open_document(issued)
    assert not view.panel.record_button.isHidden()
    view.write_record(tmp_path / "通知.json")
    verified = verify(tmp_path / "通知.json", folder / "root.pem", "--crl", str(folder / "root.crl"))  # opinions fail closed without one
    assert verified.returncode == 0, verified.stdout + verified.stderr
    assert NUMBER in verified.stdout and "王晓燕" in verified.stdout and "签名有效" in verified.stdout


def test_sealing_is_refused_in_words(qtbot, cache, session, issued, tmp_path):
    clerk = outgoing_view(qtbot, cache, session, OFFICE)  # 收发员: no doc.seal
    clerk.open_document(issued)
    assert clerk.panel.seal_button.isHidden()
    assert clerk.seal_job() is None
    assert clerk.findChild(MessageDialog).words.text() == "只有单位印章管理人员可以用印。"

    unplugged = outgoing_view(qtbot, cache, session, HEAD, find_keys=lambda: [])
    unplugged.open_document(issued)
    assert unplugged.seal_job() is None
    assert unplugged.findChild(MessageDialog).words.text() == f"没有找到{UNIT}的印章 USB Key，请插入后重试。"

    keeper = outgoing_view(qtbot, cache, session, HEAD)
    keeper.open_document(issued)
    dialog = keeper.ask_pin_and_seal(keeper.seal_job(), tmp_path / "x.pdf")
    dialog.pin.setText("000000")
    with qtbot.waitSignal(keeper.pdf.failed, timeout=60_000) as failed:
        dialog.ok_button.click()
    assert failed.args[0] == "印章 USB Key 的 PIN 不正确，未用印，也未写出文件。"
    assert not (tmp_path / "x.pdf").exists()


def test_the_seal_key_is_offered_for_sealing_not_for_login(seal_token, tmp_path):
    assert SEAL_TOKEN in {key.token_label for key in find_usb_keys(MODULE)}
    assert SEAL_TOKEN not in {getattr(key, "token_label", "") for key in find_keys(tmp_path, MODULE)}

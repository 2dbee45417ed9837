"""用印 and the PDF signature of the issued 公文, on the sample 通政办发〔2012〕216号: the seal image
sits over the 署名 and 成文日期 (read back with pdfplumber); the unit's signature, made with a .p12
and with a SoftHSM2 token, validates against the demo CA in pyHanko and in poppler's pdfsig; a
changed byte breaks it."""

import datetime as dt
import io
import subprocess

import pdfplumber
import pytest
from PIL import Image

from app.documents.demo_seal import demo_seal_png
from app.documents.gbt9704_layout import CELL, LEFT, SEAL_D, TEXT_W
from app.documents.pdf_render import render_pdf
from app.documents.pdf_signature import check_pdf_signatures, sign_pdf
from app.identity.p12_key import load_p12_key
from sync.server.pki import ca as authority
from tests.support.documents import nantong_sample
from tests.support.pki import DEMO_PIN, write_p12
from tests.support.token_signers import pkcs11_signer


@pytest.fixture(scope="module")
def sample():
    return nantong_sample()


@pytest.fixture(scope="module")
def sealed_pdf(sample):
    return render_pdf(sample, seal_png=demo_seal_png(sample.meta.issuer_name))


@pytest.fixture(scope="module")
def ca():
    return authority.new_root_ca("演示根CA", "南通市人民政府", dt.datetime.now(dt.timezone.utc))


@pytest.fixture(scope="module")
def unit_signer(ca, tmp_path_factory):
    path = write_p12(tmp_path_factory.mktemp("unit"), "nantong-office", "南通市人民政府办公室", "市人民政府办公室", ca=ca)
    return load_p12_key(path).unlock(DEMO_PIN)


def test_the_demo_seal_is_red_on_transparent(sample):
    seal = Image.open(io.BytesIO(demo_seal_png(sample.meta.issuer_name)))
    assert seal.mode == "RGBA" and seal.width == seal.height
    assert seal.getpixel((0, 0))[3] == 0  # outside the ring: transparent, the text under it shows
    red, green, blue, alpha = seal.getpixel((seal.width // 2, seal.height // 2))  # the star
    assert alpha == 255 and red > 200 and green < 50 and blue < 50


def test_the_seal_presses_on_the_issuer_and_the_date(sample, sealed_pdf):
    date_text = f"{sample.meta.written_on.year}年{sample.meta.written_on.month}月{sample.meta.written_on.day}日"
    with pdfplumber.open(io.BytesIO(sealed_pdf)) as pdf:
        page = pdf.pages[0]  # the text ends three rows from the foot: rows drawn closer (7.3.5.5) keep it there
        [seal] = page.images
        words = page.extract_words()
    [date] = [w for w in words if w["text"] == date_text]
    [name] = [w for w in words if w["text"] == sample.meta.issuer_name]
    assert seal["x1"] - seal["x0"] == pytest.approx(SEAL_D, abs=0.5)
    seal_centre_x, seal_centre_y = (seal["x0"] + seal["x1"]) / 2, (seal["top"] + seal["bottom"]) / 2
    assert (date["x0"] + date["x1"]) / 2 == pytest.approx(seal_centre_x, abs=1)  # centred on the date
    assert (name["x0"] + name["x1"]) / 2 == pytest.approx(seal_centre_x, abs=1)  # and the 署名 centred over it
    assert seal_centre_y < (name["top"] + name["bottom"]) / 2 < date["top"] < seal["bottom"]  # both just below its centre
    assert date["x1"] == pytest.approx(LEFT + TEXT_W - 4 * CELL, abs=1)  # 成文日期 右空四字


def test_the_unit_signature_validates_against_the_ca(sealed_pdf, unit_signer, ca, tmp_path):
    signed = sign_pdf(sealed_pdf, unit_signer, reason="签发", location="南通市")
    crl = authority.sign_crl(ca, [], dt.datetime.now(dt.timezone.utc), 7, 1)
    [check] = check_pdf_signatures(signed, [ca.certificate], crls=[crl])
    assert check.holds and check.intact and check.trusted and check.whole_file
    assert check.signer == "南通市人民政府办公室"
    other = authority.new_root_ca("别的根CA", "别处", dt.datetime.now(dt.timezone.utc))
    assert not check_pdf_signatures(signed, [other.certificate])[0].holds
    (tmp_path / "signed.pdf").write_bytes(signed)
    assert "Signature is Valid" in _pdfsig(tmp_path / "signed.pdf")


def test_a_changed_byte_breaks_the_signature(sealed_pdf, unit_signer, ca, tmp_path):
    signed = bytearray(sign_pdf(sealed_pdf, unit_signer, reason="签发", location="南通市"))
    signed[signed.index(b"stream") + 40] ^= 1  # inside the first page's content, within the signed range
    [check] = check_pdf_signatures(bytes(signed), [ca.certificate])
    assert not check.intact and not check.holds
    (tmp_path / "changed.pdf").write_bytes(signed)
    assert "Digest Mismatch" in _pdfsig(tmp_path / "changed.pdf")


def test_a_usb_key_signs_the_pdf(sealed_pdf, softhsm, ca):
    signer = pkcs11_signer(softhsm, ca, "办公室印章Key", "南通市人民政府办公室")
    try:
        signed = sign_pdf(sealed_pdf, signer, reason="签发", location="南通市")
    finally:
        signer.close()
    [check] = check_pdf_signatures(signed, [ca.certificate])
    assert check.holds and check.signer == "南通市人民政府办公室"


def _pdfsig(path) -> str:
    return subprocess.run(["pdfsig", str(path)], capture_output=True, text=True, check=False).stdout

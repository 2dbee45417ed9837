"""`xietong verify FILE`, the installed command, on a document export and on a signed PDF: who
signed which version, superseded ones marked, exit 0 when everything holds and 1 when a signature
fails."""

import datetime as dt
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.serialization import Encoding
from reportlab.pdfgen.canvas import Canvas

from app.documents import verify_cli
from app.documents.body import Body
from app.documents.export_record import ExportedOpinion, export_document
from app.documents.opinion_signature import sign_opinion
from app.documents.pdf_signature import sign_pdf
from app.identity.p12_key import load_p12_key
from sync.server.pki import ca as authority
from tests.support.pki import DEMO_PIN, write_p12

XIETONG = Path(sys.executable).with_name("xietong")
DRAFT = Body(("各县（市、区）人民政府：", "现将《方案》印发给你们，请认真贯彻执行。"))
REVISED = Body(("各县（市、区）人民政府：", "现将《方案》印发给你们，请结合实际认真贯彻执行。"))


@pytest.fixture(scope="module")
def setup(tmp_path_factory):
    """A CA with its PEM and CRL files, and 张三 and 李四 with .p12 keys from it."""
    folder = tmp_path_factory.mktemp("verify")
    now = dt.datetime.now(dt.timezone.utc)
    ca = authority.new_root_ca("演示根CA", "南通市人民政府", now)
    (folder / "ca.pem").write_bytes(ca.certificate.public_bytes(Encoding.PEM))
    (folder / "ca.crl").write_bytes(authority.sign_crl(ca, [], now, 7, 1).public_bytes(Encoding.DER))
    signers = {stem: load_p12_key(write_p12(folder / "keys", stem, name, "市人民政府办公室", ca=ca)).unlock(DEMO_PIN)
               for stem, name in (("zhangsan", "张三"), ("lisi", "李四"))}
    return folder, signers


def export_file(setup) -> dict:
    _, signers = setup
    at = dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")

    def opinion(stem: str, body: Body, step: str, text: str, version: int) -> ExportedOpinion:
        record = sign_opinion(signers[stem], document_id="doc-216", body_sha256=body.sha256, opinion=text, step_id=step, actor=stem, at=at)
        return ExportedOpinion(record, version, superseded=False)

    opinions = [opinion("zhangsan", DRAFT, "s1", "同意。", 1), opinion("lisi", REVISED, "s2", "同意，请按修改稿印发。", 2)]
    return export_document("doc-216", "关于印发《方案》的通知", "通政办发〔2012〕216号", [DRAFT, REVISED], opinions)


def verify(setup, name: str, content: bytes) -> subprocess.CompletedProcess:
    folder, _ = setup
    (folder / name).write_bytes(content)
    return subprocess.run([str(XIETONG), "verify", str(folder / name), "--trust-anchors", str(folder / "ca.pem"), "--crl", str(folder / "ca.crl")],
                          capture_output=True, text=True, timeout=60, check=False)


def test_a_good_export_holds_and_marks_the_superseded_opinion(setup):
    done = verify(setup, "good.json", json.dumps(export_file(setup), ensure_ascii=False).encode())
    assert done.returncode == 0, done.stdout + done.stderr
    zhang, li = [line for line in done.stdout.splitlines() if line.startswith("✓")]
    assert "张三（zhangsan）" in zhang and "第1稿" in zhang and "已被取代" in zhang
    assert "李四（lisi）" in li and "第2稿" in li and "取代" not in li


def test_a_changed_opinion_or_body_fails(setup):
    export = export_file(setup)
    export["versions"][0]["paragraphs"][1] = "现将《方案》印发给你们，请参照执行。"  # the version 张三 signed
    export["opinions"][1]["record"]["opinion"] = "不同意。"  # 李四's opinion
    done = verify(setup, "changed.json", json.dumps(export, ensure_ascii=False).encode())
    assert done.returncode == 1
    zhang, li = [line for line in done.stdout.splitlines() if line.startswith("✗")]
    assert "张三" in zhang and "正文与所签版本不符" in zhang
    assert "李四" in li and "意见内容在签名后被改动" in li


def test_a_signed_pdf_holds_and_a_changed_one_fails(setup, capsys):
    _, signers = setup
    out = io.BytesIO()
    canvas = Canvas(out)
    canvas.drawString(100, 700, "Tongzhengbanfa [2012] 216")
    canvas.save()
    signed = sign_pdf(out.getvalue(), signers["lisi"], reason="issue", location="Nantong")
    done = verify(setup, "issued.pdf", signed)
    assert done.returncode == 0 and "✓ PDF 签名" in done.stdout and "李四" in done.stdout
    changed = bytearray(signed)
    changed[changed.index(b"stream") + 10] ^= 1
    folder, _ = setup
    (folder / "changed.pdf").write_bytes(changed)
    assert verify_cli.main([str(folder / "changed.pdf"), "--trust-anchors", str(folder / "ca.pem")]) == 1  # in-process, to save a start
    assert "文件在签名后被改动" in capsys.readouterr().out


def test_an_unreadable_file_is_exit_code_2(tmp_path):
    (tmp_path / "nonsense.json").write_text("{}")
    assert verify_cli.main([str(tmp_path / "nonsense.json")]) == 2  # in-process: the command itself was started above

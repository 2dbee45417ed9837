"""`xietong verify FILE`: check the signatures of a document export (JSON, export_record.py) or of
a signed 公文 PDF, print who signed what and whether it holds, exit 1 if any signature fails
(2 when the file cannot be read). Qt-free: ui/main.py hands the arguments over before any window."""

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from cryptography import x509
from pyhanko.pdf_utils.misc import PdfError

from app import config as app_config
from app.documents.export_check import check_export
from app.documents.export_record import DocumentExport, ExportUnreadable, read_export
from app.documents.opinion_signature import OpinionStatus
from app.documents.pdf_signature import check_pdf_signatures

VERDICTS = {
    OpinionStatus.VALID: "签名有效",
    OpinionStatus.SUPERSEDED: "签名有效，但所签版本已被取代（需重新签署）",
    OpinionStatus.TAMPERED_OPINION: "签名无效：意见内容在签名后被改动",
    OpinionStatus.TAMPERED_BODY: "签名无效：正文与所签版本不符",
    OpinionStatus.WRONG_KEY: "签名无效：证书与签名密钥不符，或不是签署人本人的证书",
    OpinionStatus.UNTRUSTED: "证书不受信任",
    OpinionStatus.MALFORMED: "签名记录不完整",
}
FAILED, UNREADABLE = 1, 2


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="xietong verify", description="核验公文导出记录（JSON）或已签名 PDF 中的签名")
    parser.add_argument("file", type=Path, help="document export (.json) or signed PDF")
    parser.add_argument("--trust-anchors", type=Path, metavar="PEM",
                        help="CA certificates the signers' certificates chain to (default: the client's configured trust anchors)")
    parser.add_argument("--intermediates", type=Path, metavar="PEM", help="intermediate CA certificates")
    parser.add_argument("--crl", type=Path, action="append", default=[], metavar="FILE", help="a CA's CRL, PEM or DER (repeatable)")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    try:
        data = args.file.read_bytes()
        anchors = _certificates(args.trust_anchors or _configured_anchors())
        intermediates = _certificates(args.intermediates)
        crls = [_crl(path.read_bytes()) for path in args.crl]
    except (OSError, ValueError) as exc:
        print(f"无法读取：{exc}", file=sys.stderr)
        return UNREADABLE
    if data.startswith(b"%PDF-"):
        try:
            return _verify_pdf(data, anchors, intermediates, crls)
        except PdfError as exc:
            print(f"{args.file} 不是可读的 PDF：{exc}", file=sys.stderr)
            return UNREADABLE
    try:
        export = read_export(json.loads(data.decode("utf-8")))
    except (ValueError, ExportUnreadable) as exc:
        print(f"{args.file} 既不是公文导出记录也不是 PDF：{exc}", file=sys.stderr)
        return UNREADABLE
    return _verify_export(export, anchors, intermediates, crls)


def _verify_export(export: DocumentExport, anchors: Sequence[x509.Certificate], intermediates: Sequence[x509.Certificate],
                   crls: Sequence[x509.CertificateRevocationList]) -> int:
    print(f"{export.doc_number} {export.title}（{export.document_id}），现行版本：第{export.current_version}稿")
    if not anchors:
        print("注意：未给出 --trust-anchors，证书链未检查。")
    checks = check_export(export, anchors, intermediates, crls)
    for item in checks:
        record, check = item.opinion.record, item.check
        detail = check.detail if check.status in (OpinionStatus.UNTRUSTED, OpinionStatus.MALFORMED) else ""
        verdict = VERDICTS[check.status] + (f"（{detail}）" if detail else "")
        mark = "✓" if check.holds else "✗"
        print(f"{mark} [{record.get('step_id', '?')}] {check.signer or '?'}（{record.get('actor', '?')}）"
              f" {record.get('at', '?')} 签署第{item.opinion.body_version}稿：{verdict}")
        print(f"    意见：{record.get('opinion', '')}")
    if not checks:
        print("没有签名意见。")
    return 0 if all(c.check.holds for c in checks) else FAILED


def _verify_pdf(data: bytes, anchors: Sequence[x509.Certificate], intermediates: Sequence[x509.Certificate],
                crls: Sequence[x509.CertificateRevocationList]) -> int:
    checks = check_pdf_signatures(data, anchors, intermediates, crls)
    if not anchors:
        print("注意：未给出 --trust-anchors，证书不会被视为可信。")
    for check in checks:
        if check.holds:
            verdict = "签名有效"
        elif not check.intact:
            verdict = "签名无效：文件在签名后被改动"
        elif not check.trusted:
            verdict = "证书不受信任"
        else:
            verdict = "签名无效：签名后文件被追加修改"
        print(f"{'✓' if check.holds else '✗'} PDF 签名 {check.field}：{check.signer}：{verdict}")
    if not checks:
        print("PDF 中没有签名。")
        return FAILED
    return 0 if all(c.holds for c in checks) else FAILED


def _configured_anchors() -> Path | None:
    """The CA bundle this desk's client trusts (user settings or machine policy), if any."""
    configured = app_config.load({}).trust_anchors
    return Path(configured) if configured else None


def _certificates(path: Path | None) -> list[x509.Certificate]:
    return x509.load_pem_x509_certificates(path.read_bytes()) if path else []


def _crl(data: bytes) -> x509.CertificateRevocationList:
    return x509.load_pem_x509_crl(data) if data.lstrip().startswith(b"-----BEGIN") else x509.load_der_x509_crl(data)

"""Check every signed opinion of a document export against the body version it names: the 意见栏's
verdicts, offline, for `xietong verify` (and anyone else holding an export)."""

from collections.abc import Sequence
from dataclasses import dataclass

from cryptography import x509

from app.documents.export_record import DocumentExport, ExportedOpinion
from app.documents.opinion_signature import OpinionCheck, OpinionStatus, verify_opinion


@dataclass(frozen=True)
class ExportedOpinionCheck:
    opinion: ExportedOpinion
    check: OpinionCheck


def check_export(
    export: DocumentExport,
    trust_anchors: Sequence[x509.Certificate] = (),
    intermediates: Sequence[x509.Certificate] = (),
    crls: Sequence[x509.CertificateRevocationList] = (),
) -> list[ExportedOpinionCheck]:
    """An opinion over a version other than the current one, or one the route marked, is
    superseded; one naming a version the export lacks, or another document, does not hold."""
    checks = []
    for opinion in export.opinions:
        body = export.versions.get(opinion.body_version)
        if body is None:
            check = OpinionCheck(OpinionStatus.TAMPERED_BODY, "", f"the export has no body version {opinion.body_version}")
        elif opinion.record.get("document_id") != export.document_id:
            check = OpinionCheck(OpinionStatus.TAMPERED_OPINION, "", f"signed for document {opinion.record.get('document_id')!r}")
        else:
            superseded = opinion.superseded or opinion.body_version != export.current_version
            check = verify_opinion(opinion.record, body_sha256=body.sha256, superseded=superseded,
                                   trust_anchors=trust_anchors, intermediates=intermediates, crls=crls)
        checks.append(ExportedOpinionCheck(opinion, check))
    return checks

"""The server's check of a signed 会签/签发 opinion (签名意见) before it is kept: the record must be
over this op (document, step, signer, opinion text and time as the op carries them) and over the
body version the op names as the server stores it, and signed by a certificate bound to the
signed-in person in the directory, chained to the deployment's trust anchors and not revoked.
A 会签/签发 opinion without such a record is refused."""

from collections.abc import Mapping
from typing import Any

from cryptography import x509
from sqlalchemy.orm import Session

from app.documents.opinion_signature import OpinionStatus, certificate_der, verify_opinion
from app.domain.documents.route import SIGNED_STAGES
from app.domain.errors import RuleViolation
from sync.server.auth.service import CurrentUser
from sync.server.documents.models import DocumentBodyModel
from sync.server.pki import service as pki

KEPT = "您填写的意见已保留在本机。"
# the op's argument -> the record's field, and how a refusal names it
BOUND_FIELDS = (("id", "document_id", "公文"), ("step_id", "step_id", "环节"), ("actor", "actor", "签署人"), ("opinion", "opinion", "意见"), ("at", "at", "签署时间"))
REFUSALS = {
    OpinionStatus.MALFORMED: ("doc.signature_malformed", "签名意见的格式不正确，本次签署未执行。"),
    OpinionStatus.WRONG_KEY: ("doc.signature_wrong_key", "签名所用的证书不是您本人在通讯录中登记的证书，本次签署未执行。"),
    OpinionStatus.TAMPERED_OPINION: ("doc.signature_invalid", "签名与签署内容不符（意见、环节或时间在签名后被改动），本次签署未执行。"),
    OpinionStatus.TAMPERED_BODY: ("doc.signature_body", "签名所依据的正文与服务器保存的该版本正文不符，本次签署未执行。"),
    OpinionStatus.UNTRUSTED: ("doc.signature_untrusted", "签名证书不受本系统信任或已被吊销，本次签署未执行。"),
}


def check_current_version(route_version: int, args: Mapping[str, Any]) -> None:
    """A signature over a body version the server has since superseded (signed offline while
    someone revised the body) is refused in words; the route has already reopened the step."""
    seen = args.get("body_version")
    if isinstance(seen, int) and not isinstance(seen, bool) and seen < route_version:
        raise RuleViolation("doc.version_superseded", f"正文已修改为第{route_version}版，您签署的第{seen}版已被取代，本次签署未执行；请阅读新版本后重新签署。{KEPT}")


def check_signature_present(stage: str) -> None:
    """A 会签 or 签发 opinion without the signer's signature is refused: it would bind no one."""
    if stage in SIGNED_STAGES:
        raise RuleViolation("doc.signature_missing", f"“{stage}”意见须用您本人的UKey签名，本次签署未执行；请插入UKey并解锁后重新签署。{KEPT}")


def check_signed_opinion(session: Session, user: CurrentUser, args: Mapping[str, Any]) -> None:
    """Raises RuleViolation, in words, unless `args["signature"]` holds for this sign op."""
    record = args["signature"]
    for arg, field, words in BOUND_FIELDS:
        if record.get(field) != args.get(arg):
            raise RuleViolation("doc.signature_mismatch", f"签名中的{words}与本次签署不符，本次签署未执行。{KEPT}")
    body = session.get(DocumentBodyModel, (args.get("id"), args.get("body_version")))
    if body is None:
        raise RuleViolation("doc.signature_body", f"服务器上没有签名所依据的正文版本，本次签署未执行。{KEPT}")
    trust = pki.trust_material(session)
    check = verify_opinion(
        record, body_sha256=body.sha256, trust_anchors=trust.anchors, intermediates=trust.intermediates, crls=trust.crls,
        actor_certificates={user.id: _bound_to(session, user.id, record)},
    )  # fmt: skip
    if not check.holds:
        code, words = REFUSALS[check.status]
        raise RuleViolation(code, f"{words}{KEPT}")


def _bound_to(session: Session, person_id: str, record: Mapping[str, Any]) -> list[bytes]:
    """The record's certificate when the directory binds it to the person (verify_opinion has
    already refused one it cannot read)."""
    try:
        der = certificate_der(record["certificate"])
        cert = x509.load_der_x509_certificate(der)
    except (KeyError, TypeError, AttributeError, ValueError):
        return []
    return [der] if pki.person_for(session, cert) == person_id else []

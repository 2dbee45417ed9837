"""公文 op args as a client sends them, for server tests that push ops directly."""

import uuid

from app.documents.opinion_signature import sign_opinion
from app.domain.documents.bodies import body_sha256
from app.identity.signer import Signer
from app.services.document_ops import now_iso
from tests.support.documents import sample_meta

DRAFTER, COUNTERSIGNER, LEADER, CLERK, OTHER_CLERK = "p3", "p2", "p6", "p1", "p4"  # 李明, 陈建国, 孙文华, 王晓燕 (u01); 赵丽 (u02)
AT = "2026-11-26T10:00:00+08:00"


BODY = ["各县（市）、区人民政府：", "　　现将规划印发给你们，请认真贯彻执行。"]


def draft(steps: list[dict] | None = None, paragraphs: list[str] | None = None, meta: dict | None = None) -> dict:
    body = paragraphs if paragraphs is not None else BODY
    steps = steps if steps is not None else [step("会签", COUNTERSIGNER), step("签发", LEADER)]
    return {"id": uuid.uuid4().hex, "meta": meta or sample_meta(), "number_prefix": "通政办发", "steps": steps, "paragraphs": body, "sha256": body_sha256(body), "attachments": [], "at": AT}


def step(stage: str, *people: str, unit: str = "u01") -> dict:
    return {"stage": stage, "mode": "all", "assignees": [[p, unit] for p in people], "visible_to": []}


def sign(doc_id: str, actor: str, opinion: str = "同意", body_version: int = 1) -> dict:
    return {"id": doc_id, "action": "sign", "actor": actor, "opinion": opinion, "body_version": body_version, "at": AT}


def signed(signer: Signer, doc_id: str, actor: str, step_id: str, opinion: str = "同意", body_version: int = 1, paragraphs: list[str] | None = None) -> dict:
    """A 会签/签发 sign op with its 签名意见 over `paragraphs` (the body version it names), as
    DocumentService.sign sends it; signed now, so the certificate is valid at its time."""
    args = {**sign(doc_id, actor, opinion, body_version), "step_id": step_id, "at": now_iso()}
    record = sign_opinion(signer, document_id=doc_id, body_sha256=body_sha256(paragraphs or BODY), opinion=opinion, step_id=step_id, actor=actor, at=args["at"])
    return {**args, "signature": record}


def incoming(incoming_id: str, action: str, actor: str, **more: object) -> dict:
    return {"id": incoming_id, "action": action, "actor": actor, **more, "at": AT}


def secret_meta() -> dict:
    return {**sample_meta(), "密级和保密期限": "机密★10年", "份号": "000001"}

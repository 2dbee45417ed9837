"""The 公文导出记录 of a document in the cache: every body version and every signed opinion, with
whether the route has since superseded it — what `xietong verify FILE` checks offline."""

import json
from pathlib import Path

from app.documents.body import Body
from app.documents.export_record import ExportedOpinion, export_document
from app.domain.documents.route import route_from_json
from app.domain.documents.routing import opinions
from app.services.documents import DocumentService


def document_export(documents: DocumentService, doc_id: str) -> dict:
    row = documents.document(doc_id)
    versions = [Body(tuple(documents.body(doc_id, v))) for v in range(1, row.body_version + 1)]
    superseded = {(o.event.step_id, o.event.round, o.event.actor): o.superseded for o in opinions(route_from_json(row.route))}
    signed = [
        ExportedOpinion(kept["signature"], kept["body_version"], superseded.get((kept["step_id"], kept["round"], kept["actor"]), False))
        for kept in row.signatures
        if kept.get("signature")
    ]
    return export_document(doc_id, row.title, row.doc_number or "", versions, signed)


def write_document_export(documents: DocumentService, doc_id: str, path: Path) -> Path:
    path.write_text(json.dumps(document_export(documents, doc_id), ensure_ascii=False, indent=1), encoding="utf-8")
    return path

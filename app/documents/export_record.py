"""The document export (公文导出记录): one JSON file holding a document's body versions and its
signed opinions, enough for anyone to check the opinions offline (`xietong verify FILE`).

    {"format": "xietong-document-export/1", "document_id": …, "title": …, "doc_number": …,
     "current_version": 2,
     "versions": [{"version": 1, "paragraphs": ["…", …]}, …],
     "opinions": [{"body_version": 1, "superseded": true, "record": {…opinion record…}}, …]}

Body hashes are not stored: the checker computes them from the paragraphs (Body.sha256), so a
changed paragraph shows against every opinion signed over that version.
"""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from app.documents.body import Body

FORMAT = "xietong-document-export/1"


class ExportUnreadable(ValueError):
    """Not a document export, or one missing what the checker needs."""


@dataclass(frozen=True)
class ExportedOpinion:
    record: Mapping  # as opinion_signature.sign_opinion made it
    body_version: int
    superseded: bool  # the route reopened the step since (routing.opinions says so)


@dataclass(frozen=True)
class DocumentExport:
    document_id: str
    title: str
    doc_number: str
    current_version: int
    versions: dict[int, Body]
    opinions: tuple[ExportedOpinion, ...]


def export_document(document_id: str, title: str, doc_number: str, versions: Sequence[Body], opinions: Sequence[ExportedOpinion]) -> dict:
    """`versions` in order, version 1 first; the last is current."""
    return {
        "format": FORMAT,
        "document_id": document_id,
        "title": title,
        "doc_number": doc_number,
        "current_version": len(versions),
        "versions": [{"version": n, "paragraphs": list(body.paragraphs)} for n, body in enumerate(versions, start=1)],
        "opinions": [{"body_version": o.body_version, "superseded": o.superseded, "record": dict(o.record)} for o in opinions],
    }


def read_export(data: Mapping) -> DocumentExport:
    if not isinstance(data, Mapping) or data.get("format") != FORMAT:
        raise ExportUnreadable(f"not a document export (format {FORMAT})")
    try:
        versions = {int(v["version"]): Body(tuple(str(p) for p in v["paragraphs"])) for v in data["versions"]}
        opinions = tuple(ExportedOpinion(o["record"], int(o["body_version"]), bool(o["superseded"])) for o in data["opinions"])
        return DocumentExport(str(data["document_id"]), str(data.get("title", "")), str(data.get("doc_number", "")),
                              int(data["current_version"]), versions, opinions)
    except (KeyError, TypeError, ValueError) as exc:
        raise ExportUnreadable(f"not a document export: {exc!r}") from exc

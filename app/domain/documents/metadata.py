"""GB/T 33480 公文 metadata: a validated dataclass and its JSON form keyed by the standard's names.

Values follow the 党政机关公文处理工作条例 and GB/T 9704-2012: 15 文种; 密级 公开/内部/秘密/机密 (the
product stops below 绝密), with a 保密期限 for 秘密 and 机密 (written 秘密★10年) and a six-digit 份号
for them; 紧急程度 特急 or 加急; 上行文 (请示, 报告) name a 签发人; a 请示 has one 主送机关.
"""

import re
from dataclasses import dataclass, replace
from datetime import date

from app.domain.documents.numbering import DocNumber, parse_doc_number
from app.domain.errors import RuleViolation

KINDS = ("决议", "决定", "命令", "公报", "公告", "通告", "意见", "通知", "通报", "报告", "请示", "批复", "议案", "函", "纪要")
UPWARD_KINDS = ("请示", "报告")
CLASSIFICATIONS = ("公开", "内部", "秘密", "机密")
SECRET_LEVELS = ("秘密", "机密")
URGENCIES = ("特急", "加急")
TITLE_MAX_CHARS = 200
_PERIOD = re.compile(r"^[1-9]\d{0,2}年$")
_COPY_NO = re.compile(r"^\d{6}$")


@dataclass(frozen=True)
class DocumentMeta:
    kind: str
    title: str
    issuer_mark: str
    issuer_name: str
    written_on: date
    classification: str = "公开"
    secrecy_period: str | None = None
    copy_no: str | None = None
    urgency: str | None = None
    doc_number: DocNumber | None = None
    index_no: str | None = None
    signer: str | None = None
    main_recipients: tuple[str, ...] = ()
    copy_recipients: tuple[str, ...] = ()
    attachments: tuple[str, ...] = ()
    note: str | None = None
    printer: str | None = None
    printed_on: date | None = None
    publication: str | None = None
    doc_mark: str | None = None


def validate(meta: DocumentMeta) -> DocumentMeta:
    """Return the metadata with its title trimmed, or raise RuleViolation naming the first problem."""
    title = meta.title.strip()
    _require(meta.kind in KINDS, "meta.bad_kind", f"文种“{meta.kind}”不是规定的公文种类。")
    _require(bool(title), "meta.title_empty", "公文标题不能为空。")
    _require(len(title) <= TITLE_MAX_CHARS, "meta.title_too_long", f"公文标题不能超过 {TITLE_MAX_CHARS} 个字。")
    _require(bool(meta.issuer_mark.strip()), "meta.issuer_mark_empty", "请填写发文机关标志。")
    _require(bool(meta.issuer_name.strip()), "meta.issuer_name_empty", "请填写发文机关署名。")
    _check_classification(meta)
    _require(meta.urgency is None or meta.urgency in URGENCIES, "meta.bad_urgency", "紧急程度只能是“特急”或“加急”。")
    if meta.kind in UPWARD_KINDS:
        _require(bool(meta.signer), "meta.signer_missing", f"{meta.kind}是上行文，须标注签发人。")
    if meta.kind == "请示":
        _require(len(meta.main_recipients) == 1, "meta.one_recipient", "请示只能有一个主送机关。")
    if meta.printed_on is not None:
        _require(meta.printed_on >= meta.written_on, "meta.printed_before_written", "印发日期不能早于成文日期。")
    return replace(meta, title=title)


def _check_classification(meta: DocumentMeta) -> None:
    _require(meta.classification in CLASSIFICATIONS, "meta.bad_classification", "密级只能是公开、内部、秘密或机密。")
    secret = meta.classification in SECRET_LEVELS
    if secret:
        _require(meta.secrecy_period is not None and bool(_PERIOD.match(meta.secrecy_period)),
                 "meta.period_missing", f"{meta.classification}公文须标注保密期限，如“10年”。")
        _require(meta.copy_no is not None and bool(_COPY_NO.match(meta.copy_no)),
                 "meta.copy_no_missing", "涉密公文须标注六位阿拉伯数字的份号。")
    else:
        _require(meta.secrecy_period is None, "meta.period_not_secret", "只有秘密、机密公文标注保密期限。")
        _require(meta.copy_no is None or bool(_COPY_NO.match(meta.copy_no)), "meta.bad_copy_no", "份号须为六位阿拉伯数字。")


def classification_rank(classification: str) -> int:
    """For 密级 ceilings: 公开 0 < 内部 1 < 秘密 2 < 机密 3."""
    return CLASSIFICATIONS.index(classification)


def within_ceiling(meta: DocumentMeta, ceiling: str) -> bool:
    return classification_rank(meta.classification) <= classification_rank(ceiling)


def secrecy_label(meta: DocumentMeta) -> str | None:
    """What the 版头 prints top left (秘密★10年), or None for 公开/内部."""
    if meta.classification not in SECRET_LEVELS:
        return None
    return f"{meta.classification}★{meta.secrecy_period}"


def meta_from_gb_json(data: dict) -> DocumentMeta:
    """Read the GB/T 33480-keyed form (as in the *.meta.json samples) and validate it."""
    try:
        classification, _, period = (data.get("密级和保密期限") or "公开").partition("★")
        return validate(DocumentMeta(
            kind=data["文种"], title=data["标题"], issuer_mark=data["发文机关标志"], issuer_name=data["发文机关署名"],
            written_on=date.fromisoformat(data["成文日期"]), classification=classification, secrecy_period=period or None,
            copy_no=data.get("份号"), urgency=data.get("紧急程度"),
            doc_number=parse_doc_number(data["发文字号"]) if data.get("发文字号") else None,
            index_no=data.get("索引号"), signer=data.get("签发人"),
            main_recipients=tuple(data.get("主送机关") or ()), copy_recipients=tuple(data.get("抄送机关") or ()),
            attachments=_attachments_in(data.get("附件说明")), note=data.get("附注"), printer=data.get("印发机关"),
            printed_on=date.fromisoformat(data["印发日期"]) if data.get("印发日期") else None,
            publication=data.get("发布层次"), doc_mark=data.get("公文标识"),
        ))
    except KeyError as missing:
        raise RuleViolation("meta.field_missing", f"缺少必填元数据“{missing.args[0]}”。") from None
    except ValueError:
        raise RuleViolation("meta.bad_date", "成文日期和印发日期须为 YYYY-MM-DD 格式。") from None


def meta_to_gb_json(meta: DocumentMeta) -> dict:
    label = secrecy_label(meta) or meta.classification
    # The samples write one attachment as a string, several as a list, none as null.
    attachments = list(meta.attachments) if len(meta.attachments) > 1 else (meta.attachments or (None,))[0]
    return {
        "公文标识": meta.doc_mark, "文种": meta.kind, "份号": meta.copy_no, "密级和保密期限": label,
        "紧急程度": meta.urgency, "发文机关标志": meta.issuer_mark,
        "发文字号": str(meta.doc_number) if meta.doc_number else None, "索引号": meta.index_no, "签发人": meta.signer,
        "标题": meta.title, "主送机关": list(meta.main_recipients), "附件说明": attachments,
        "发文机关署名": meta.issuer_name, "成文日期": meta.written_on.isoformat(), "附注": meta.note,
        "抄送机关": list(meta.copy_recipients), "印发机关": meta.printer,
        "印发日期": meta.printed_on.isoformat() if meta.printed_on else None, "发布层次": meta.publication,
    }


def _attachments_in(value: str | list | None) -> tuple[str, ...]:
    if not value:
        return ()
    return (value,) if isinstance(value, str) else tuple(value)


def _require(ok: bool, code: str, message: str) -> None:
    if not ok:
        raise RuleViolation(code, message)


def urgency_rank(urgency: str | None) -> int:
    """How 紧急程度 sorts: 特急 2, 加急 1, none (平件) 0."""
    return len(URGENCIES) - URGENCIES.index(urgency) if urgency in URGENCIES else 0


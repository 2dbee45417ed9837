"""GB/T 33480 metadata: the sample reads and writes back; each rule refuses with a reason."""

import json
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from app.domain.documents.metadata import (
    DocumentMeta,
    meta_from_gb_json,
    meta_to_gb_json,
    secrecy_label,
    validate,
    within_ceiling,
)
from app.domain.documents.numbering import DocNumber
from app.domain.errors import RuleViolation

SAMPLE = json.loads((Path(__file__).parents[2] / "fixtures/documents/nantong-egov-plan-2012.meta.json").read_text("utf-8"))
BASE = DocumentMeta(kind="通知", title="关于开展检查的通知", issuer_mark="南通市财政局文件", issuer_name="南通市财政局",
                    written_on=date(2026, 3, 2))


def refused(code, meta):
    with pytest.raises(RuleViolation) as caught:
        validate(meta)
    assert caught.value.code == code and caught.value.message


def test_the_sample_metadata_reads_and_writes_back_unchanged():
    meta = meta_from_gb_json(SAMPLE)
    assert meta.doc_number == DocNumber("通政办发", 2012, 216)
    assert meta.kind == "通知" and meta.classification == "公开" and meta.written_on == date(2012, 12, 31)
    assert meta.main_recipients[0] == "各县（市）、区人民政府" and meta.attachments == ("南通市电子政务“十二五”发展规划",)
    assert meta_to_gb_json(meta) == SAMPLE


def test_secret_documents_need_a_period_and_a_copy_number():
    refused("meta.period_missing", replace(BASE, classification="秘密"))
    refused("meta.copy_no_missing", replace(BASE, classification="机密", secrecy_period="10年"))
    refused("meta.copy_no_missing", replace(BASE, classification="机密", secrecy_period="10年", copy_no="12"))
    secret = validate(replace(BASE, classification="机密", secrecy_period="10年", copy_no="000012"))
    assert secrecy_label(secret) == "机密★10年"
    again = meta_from_gb_json(meta_to_gb_json(secret))
    assert again.classification == "机密" and again.secrecy_period == "10年"
    refused("meta.period_not_secret", replace(BASE, classification="内部", secrecy_period="1年"))
    refused("meta.bad_classification", replace(BASE, classification="绝密"))


def test_ceilings_order_the_classifications():
    assert within_ceiling(replace(BASE, classification="内部"), "秘密")
    assert not within_ceiling(replace(BASE, classification="机密"), "秘密")


@pytest.mark.parametrize("change,code", [
    ({"kind": "便条"}, "meta.bad_kind"),
    ({"title": "  "}, "meta.title_empty"),
    ({"title": "长" * 201}, "meta.title_too_long"),
    ({"urgency": "平急"}, "meta.bad_urgency"),
    ({"kind": "报告"}, "meta.signer_missing"),
    ({"kind": "请示", "signer": "张三", "main_recipients": ("甲", "乙")}, "meta.one_recipient"),
    ({"printed_on": date(2026, 3, 1)}, "meta.printed_before_written"),
])
def test_each_rule_refuses_with_a_reason(change, code):
    refused(code, replace(BASE, **change))


def test_incomplete_or_malformed_json_is_refused_in_words():
    with pytest.raises(RuleViolation) as caught:
        meta_from_gb_json({k: v for k, v in SAMPLE.items() if k != "标题"})
    assert caught.value.code == "meta.field_missing" and "标题" in caught.value.message
    with pytest.raises(RuleViolation) as caught:
        meta_from_gb_json({**SAMPLE, "成文日期": "2012年12月31日"})
    assert caught.value.code == "meta.bad_date"
    with pytest.raises(RuleViolation) as caught:
        meta_from_gb_json({**SAMPLE, "发文字号": "通政办发216"})
    assert caught.value.code == "docno.unreadable"

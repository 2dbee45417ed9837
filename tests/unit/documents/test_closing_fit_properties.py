"""Bodies of any length: the 署名 and 成文日期 (and seal) always share their page with text above
them, keep their blank rows, stay inside the 版心, and rows are never drawn closer than the
7.3.5.5 limit. Checked on the layout itself, every character measured a full em."""

from dataclasses import replace
from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from app.documents.body import Body
from app.documents.gbt9704_layout import EM_ASCENT, MIN_PITCH, TEXT_H, TOP, ImageItem, TextItem, lay_out
from app.documents.official_document import OfficialDocument
from app.domain.documents.metadata import DocumentMeta
from tests.support.property_budget import examples

META = DocumentMeta(kind="通知", title="关于做好冬季防火工作的通知", issuer_mark="南通市人民政府办公室文件",
                    issuer_name="南通市人民政府办公室", written_on=date(2026, 11, 20))
WRITTEN = "2026年11月20日"


def full_em(text: str, role: str, size: float) -> float:
    return size * len(text)


@settings(max_examples=examples(ci=120, soak=3000), deadline=None)
@given(lengths=st.lists(st.integers(1, 90), max_size=70), sealed=st.booleans(), attachment=st.booleans())
def test_the_closing_never_stands_alone_and_keeps_its_blank_rows(lengths, sealed, attachment):
    meta = replace(META, attachments=("防火检查表",) if attachment else ())
    pages = lay_out(OfficialDocument(meta, Body(tuple("防" * (n - 1) + "。" for n in lengths))), full_em, sealed)
    [page] = [p for p in pages if any(isinstance(i, TextItem) and i.text == WRITTEN for i in p.items)]
    lines = sorted((i for i in page.items if isinstance(i, TextItem) and i.size == 16), key=lambda i: i.baseline)
    [name] = [i for i in lines if i.text == META.issuer_name]
    [written] = [i for i in lines if i.text == WRITTEN]
    text_above = [i for i in page.items if isinstance(i, TextItem) and i.size in (16, 22) and i.baseline < name.baseline]
    assert text_above, "text (or the title) above the 署名 on its page"
    above = max(text_above, key=lambda i: i.baseline)
    pitch = written.baseline - name.baseline
    assert MIN_PITCH - 1e-6 <= pitch
    title_offset = 3.0  # a 22 pt title's baseline sits lower in its row than a 16 pt line's
    assert name.baseline - above.baseline >= (3 if sealed else 2) * pitch - title_offset, "the blank rows stay"
    assert written.baseline + (1 - EM_ASCENT) * 16 <= TOP + TEXT_H + 1e-6
    baselines = sorted({round(i.baseline, 6) for i in lines})
    assert all(b - a >= MIN_PITCH - 1e-6 for a, b in zip(baselines, baselines[1:]))
    seals = [i for i in page.items if isinstance(i, ImageItem)]
    if sealed:
        [seal] = seals
        assert above.baseline + (1 - EM_ASCENT) * 16 <= seal.y + 1e-6 < name.baseline

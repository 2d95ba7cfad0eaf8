from __future__ import annotations

from extractors.classify import ALL_TYPES, DOC_TYPES, classify
from extractors.ocr.document import Block, Document, Line, Page, Word


def _document(*rows: str) -> Document:
    lines = tuple(Line(words=(Word(text, 0.95, ((0.1, 0.1 + i * 0.05), (0.9, 0.14 + i * 0.05))),),
                       geometry=((0.1, 0.1 + i * 0.05), (0.9, 0.14 + i * 0.05))) for i, text in enumerate(rows))
    page = Page(0, (1000, 800), (Block(lines, ((0.1, 0.1), (0.9, 0.9))),) if lines else ())
    return Document((page,), "rapidocr", "test")


def test_the_taxonomy_has_spec_26_types_plus_photo_and_unknown() -> None:
    assert len(DOC_TYPES) == 26 and len(ALL_TYPES) == 28


def test_rendered_documents_are_classified_with_confidence(rendered) -> None:
    for doc_type, page in rendered.items():
        result = classify(page.document)
        assert result.doc_type == doc_type, (doc_type, result)
        assert result.confidence >= 0.5


def test_a_page_with_a_few_words_is_a_photo() -> None:
    result = classify(_document("鲁A·89B99"))
    assert result.doc_type == "photo" and result.confidence > 0.5


def test_text_matching_no_type_is_unknown() -> None:
    rows = ["今天天气很好，我们去公园散步，看到了很多花和树。"] * 4
    assert classify(_document(*rows)).doc_type == "unknown"


def test_a_contract_that_mentions_invoices_is_still_a_contract() -> None:
    result = classify(_document("购销合同", "合同编号：HT2025", "甲方（买方）：甲公司", "乙方（卖方）：乙公司",
                                "乙方开具增值税专用发票后三十日内付清", "签订日期：2025年08月08日"))
    assert result.doc_type == "sales_contract"


def test_unseen_types_of_spec_section_5_are_recognised_by_title() -> None:
    assert classify(_document("不动产权证书", "权利人：甲", "坐落：乙路1号", "不动产单元号：1")).doc_type \
        == "property_certificate"

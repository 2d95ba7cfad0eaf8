from __future__ import annotations

from extractors.fields import InvoiceRecord, extract_fields


def test_tax_id_with_zero_read_as_letter_o_keeps_buyer_and_seller_apart(demo_page) -> None:
    # Phone capture: the buyer's "…MAGPYTYR0M" is read "…MAGPYTYROM"; O is not in GB 32100's alphabet.
    truth, document = demo_page("M0000334-E005")
    key = {f["name"]: f["value"] for f in truth["fields"]}
    record = extract_fields("vat_special_invoice", document)
    assert isinstance(record, InvoiceRecord)
    assert (record.buyer_tax_id, record.seller_tax_id) == (key["buyer_tax_id"], key["seller_tax_id"])


def _line(text: str, x0: float, y: float):
    from extractors.ocr.document import Line, Word
    box = ((x0, y), (x0 + 0.4, y + 0.02))
    return Line(words=(Word(text, 0.98, box),), geometry=box)


def test_side_by_side_parties_on_a_tilted_photo_keep_buyer_left_and_seller_right() -> None:
    # Turned a little clockwise, the seller's block (right) sits higher than the buyer's (left), so
    # reading order meets the seller's lines first (seed 3, M0000001-E009).
    from extractors.ocr.document import Block, Document, Page
    lines = (_line("电子发票（普通发票）", 0.35, 0.1),
             _line("名称：大连市瑞丰牲畜屠宰有限公司", 0.53, 0.26), _line("名称：大连市旅顺口区富康冻品批发部", 0.11, 0.28),
             _line("统一社会信用代码/纳税人识别号：91210200MAFP7JQM27", 0.52, 0.31),
             _line("统一社会信用代码/纳税人识别号：92210200MAG907Q331", 0.1, 0.33))
    document = Document((Page(0, (821, 1283), (Block(lines, ((0.1, 0.1), (0.95, 0.4))),)),), "rapidocr", "test")
    record = extract_fields("digital_einvoice", document)
    assert (record.buyer_name, record.buyer_tax_id) == ("大连市旅顺口区富康冻品批发部", "92210200MAG907Q331")
    assert (record.seller_name, record.seller_tax_id) == ("大连市瑞丰牲畜屠宰有限公司", "91210200MAFP7JQM27")

"""Waybills typed here (no OCR): who the carrier is, on a carrier's own 运单 and on a platform's."""
from __future__ import annotations

from extractors.fields import extract_fields
from extractors.ocr.document import Block, Document, Line, Page, Word

HAULER = "合肥市博远变压器、整流有限公司"


def _document(*rows: tuple[str, ...]) -> Document:
    lines = []
    for i, row in enumerate(rows):
        y = 0.05 + i * 0.03
        words = tuple(Word(text, 0.97, ((0.08 + 0.3 * j, y), (0.3 + 0.3 * j, y + 0.02))) for j, text in enumerate(row))
        lines.append(Line(words, (words[0].geometry[0], words[-1].geometry[1])))
    return Document((Page(0, (1754, 1240), (Block(tuple(lines), ((0, 0), (1, 1))),)),), "test", "test")


def test_the_platform_is_never_the_carrier_and_the_hauler_keeps_its_full_name() -> None:
    platform = ("途达货运",), ("网络货运平台·电子运单",), ("电子运单",), ("网络货运经营者：合肥途达网络科技有限公司",)
    assert extract_fields("waybill", _document(*platform, (f"实际承运人：{HAULER}",))).carrier_name == HAULER
    # Its 实际承运人 unread, a platform's page names no carrier rather than its brand.
    assert extract_fields("waybill", _document(*platform, ("车牌号：皖A12345",))).carrier_name is None
    # A carrier's own form prints its name above the title.
    assert extract_fields("waybill", _document((HAULER,), ("公路货物运单",))).carrier_name == HAULER


def test_a_weight_keeps_its_unit_whether_printed_with_the_figure_or_in_the_column_title() -> None:
    carbon = _document((HAULER,), ("公路货物运单",), ("货物名称日用百货", "件数19件", "重量1267千克"))
    assert extract_fields("waybill", carbon).weight_t == 1.267
    platform = _document(("网络货运平台·电子运单",), ("货物名称", "包装", "件数", "重量（吨）"),
                         ("日用百货", "纸箱/捆扎", "140", "17.180"))
    record = extract_fields("waybill", platform)
    assert (record.goods, record.weight_t) == ("日用百货", 17.18)

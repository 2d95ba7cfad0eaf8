"""Licences as real ones print them, on pages typed here (no OCR): a value under its label, a validity
written 自…至… / …至… / 至长期 in any of its labels, the issue date under a seal whose legend OCR reads on
the date's line, a sole trader's 组成形式, a code on a row a tilted photo joined to the next column's,
a 行驶证 whose small labels were misread or lost."""
from __future__ import annotations

from datetime import date

from extractors.fields import extract_fields
from extractors.ocr.document import Document
from tests.extractors.fields.typed import typed_document

NAME, CODE = "南宁市青秀区老陈货运部", "92450100MA8X6DX85D"


def _document(*rows: tuple[tuple[str, float], ...]) -> Document:
    return typed_document(rows, row_gap=0.04, char_width=0.015, size=(1130, 1600))


def _permit(*validity: tuple[tuple[str, float], ...]):
    page = _document((("业户名称", 0.1), (NAME, 0.2)), (("统一社会信用代码", 0.1), (CODE, 0.3)), *validity)
    return extract_fields("road_transport_permit", page)


def test_validity_from_and_to_in_the_spans_of_a_ruled_cell() -> None:
    record = _permit((("证件有效期", 0.1), ("自", 0.2), ("2024年07月29日", 0.23), ("至", 0.4), ("2028年07月29日", 0.43)))
    assert (record.valid_from, record.valid_until, record.perpetual) == (date(2024, 7, 29), date(2028, 7, 29), False)


def test_validity_under_its_label_and_open_ended() -> None:
    record = _permit((("有效期限", 0.1),), (("2024年07月29日起至长期", 0.1),))
    assert (record.valid_from, record.valid_until, record.perpetual) == (date(2024, 7, 29), None, True)


def test_an_end_alone_and_a_period_that_lost_its_label() -> None:
    assert _permit((("有效期：至2028年07月29日", 0.1),)).valid_until == date(2028, 7, 29)
    record = _permit((("2024-07-29至2028-07-28", 0.1),))
    assert (record.valid_from, record.valid_until) == (date(2024, 7, 29), date(2028, 7, 28))


def test_issue_date_read_with_the_seals_legend_on_its_line() -> None:
    record = _permit((("核发机关（章）", 0.1),), (("2024年07月29日", 0.2), ("许可专用章", 0.35)))
    assert record.issued == date(2024, 7, 29)


def test_a_value_under_its_label_but_never_the_next_label() -> None:
    food = _document((("经营者名称", 0.1), (NAME, 0.25), ("许可证编号", 0.65)), (("JY24501004373101", 0.65),),
                     (("有效期至", 0.65), ("2030年05月27日", 0.75)))
    record = extract_fields("food_licence", food)
    assert (record.number, record.valid_until) == ("JY24501004373101", date(2030, 5, 27))
    blank = _document((("许可证编号", 0.65),), (("有效期至", 0.65), ("2030年05月27日", 0.75)))
    assert extract_fields("food_licence", blank).number is None


def test_code_on_a_row_a_tilted_photo_joined_to_the_next_columns_value() -> None:
    page = _document((("统一社会信用代码", 0.1), (CODE, 0.28), ("JY14501009578757", 0.65)))
    assert extract_fields("food_licence", page).holder_uscc == CODE


def test_a_family_run_sole_trader_is_read_by_its_form() -> None:
    page = _document((("名称", 0.1), (NAME, 0.3)), (("类型", 0.1), ("个体工商户", 0.3)),
                     (("经营者", 0.1), ("陈俊鑫", 0.3)), (("组成形式", 0.1), ("家庭经营", 0.3)))
    assert extract_fields("business_licence", page).category == "家庭经营"
    company = _document((("名称", 0.1), ("南宁市永兴物流有限公司", 0.3)), (("类型", 0.1), ("有限责任公司", 0.3)))
    assert extract_fields("business_licence", company).category == "有限责任公司"


def test_vehicle_type_read_when_its_small_label_is_misread_or_lost() -> None:
    misread = _document((("号牌号码", 0.03), ("闽D56875", 0.1), ("车辆美型IN", 0.26), ("轻型普通货车", 0.33)))
    assert extract_fields("vehicle_licence", misread).vehicle_type == "轻型普通货车"
    lost = _document((("号牌号码", 0.03), ("闽D56875", 0.1), ("Ve", 0.26), ("重型半挂牵引车", 0.33)))
    assert extract_fields("vehicle_licence", lost).vehicle_type == "重型半挂牵引车"


def test_vin_read_when_a_phone_shot_lost_its_label() -> None:
    page = _document((("号牌号码", 0.03), ("鲁B98590", 0.1), ("档案编号", 0.5), ("370238019329", 0.6)),
                     (("LJ15RF516JH957425", 0.16), ("检验记录", 0.5)), (("发动机号码", 0.03), ("21262431", 0.15)))
    assert extract_fields("vehicle_licence", page).vin == "LJ15RF516JH957425"

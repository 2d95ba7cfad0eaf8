"""Each licence's second layout read through the real OCR (issue 14: measured held out once, read since):
the 2014 营业执照 副本 of a sole trader, the 2023 食品经营许可证, the 道路运输经营许可证 副本 booklet and the
行驶证 opened on both pages. What is asserted is what a loan officer would check on the page."""
from __future__ import annotations

from extractors.fields import LicenceRecord, VehicleLicenceRecord, extract_fields
from extractors.fields.reading import row_text, rows_of
from extractors.text import parse_date, parse_month


def _fields(page) -> dict[str, str]:
    return {f["name"]: f["value"] for f in page.truth["fields"]}


def test_sole_traders_2014_licence_gives_its_form_not_its_type(licence_layout_page) -> None:
    page = licence_layout_page("business_licence", "phone")
    fields = _fields(page)
    record = extract_fields("business_licence", page.document)
    assert isinstance(record, LicenceRecord)
    # 类型 个体工商户 is printed above 组成形式 个人经营: the form is the one the page says of the trader.
    assert "个体工商户" in page.document.render()
    assert record.category == fields["form"] == "个人经营"
    assert (record.holder_name, record.holder_uscc) == (fields["name"], fields["uscc"])
    assert record.legal_representative == fields["representative"]        # 经营者
    assert record.founded == parse_date(fields["founded"])                   # 注册日期


def test_2023_food_licence_number_is_read_on_the_line_under_its_label(licence_layout_page) -> None:
    page = licence_layout_page("food_licence", "phone")
    fields = _fields(page)
    number_rows = [row_text(r) for r in rows_of(page.document) if fields["number"] in row_text(r)]
    assert number_rows and not any("许可证编号" in text for text in number_rows)   # printed under, not beside
    record = extract_fields("food_licence", page.document)
    assert isinstance(record, LicenceRecord)
    assert record.number == fields["number"] and record.holder_uscc == fields["uscc"]
    assert record.valid_until == parse_date(fields["valid_until"]) and record.perpetual is False
    assert record.issued == parse_date(fields["issued"])


def test_permit_booklet_reads_its_validity_period_and_the_date_under_its_seal(licence_layout_page) -> None:
    page = licence_layout_page("road_transport_permit", "phone")
    fields = _fields(page)
    record = extract_fields("road_transport_permit", page.document)
    assert isinstance(record, LicenceRecord)
    # 证件有效期: 自 <date> 至 <date> in a ruled cell; 核发机关（章） with the date under the 许可专用章.
    assert (record.valid_from, record.valid_until) == (parse_date(fields["valid_from"]), parse_date(fields["valid_until"]))
    assert record.perpetual is False
    assert record.issued == parse_date(fields["issued"])
    assert (record.number, record.holder_name) == (fields["number"], fields["holder"])


def test_open_vehicle_licence_reads_the_main_page_beside_the_back_page(licence_layout_page) -> None:
    page = licence_layout_page("vehicle_licence", "clean")
    fields = _fields(page)
    record = extract_fields("vehicle_licence", page.document)
    assert isinstance(record, VehicleLicenceRecord)
    assert (record.plate, record.vehicle_type, record.owner, record.vin) == (
        fields["plate"], fields["vehicle_type"], fields["owner"], fields["vin"])
    assert record.registered == parse_date(fields["registered"])
    assert record.inspection_until == parse_month(fields["inspection_until"])   # the station's stamp on the 副页

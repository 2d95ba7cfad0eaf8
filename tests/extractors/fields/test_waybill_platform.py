"""A network freight platform's 电子运单 read through the real OCR: the carrier is the 实际承运人 that
hauled the load, never the platform's brand above the title nor its operator of record."""
from __future__ import annotations

from extractors.fields import WaybillRecord, extract_fields
from extractors.text import parse_amount, parse_date


def test_platform_waybill_names_the_truck_that_hauled_not_the_platform(second_layout_page) -> None:
    page = second_layout_page("waybill")
    fields = {f["name"]: f["value"] for f in page.truth["fields"]}
    record = extract_fields("waybill", page.document)
    assert isinstance(record, WaybillRecord)
    brand, operator, _ = page.truth["content"]["platform"]
    assert record.carrier_name == fields["carrier_name"] and record.carrier_name not in (brand, operator)
    assert record.shipped == parse_date(fields["issued"])           # 创建时间 2026-04-05 07:26
    assert (record.origin, record.destination) == (fields["origin"], fields["destination"])   # 装货地 / 卸货地
    assert record.freight == parse_amount(fields["freight"]) and record.plate == fields["plate"]
    # The goods table prints values under their column titles; the weight's unit is in its title (吨).
    assert record.goods == fields["cargo"] and record.weight_t == float(fields["weight"])

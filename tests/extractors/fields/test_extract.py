from __future__ import annotations

from datetime import date

from extractors.fields import InvoiceRecord, LicenceRecord, UnreadRecord, VehicleLicenceRecord, extract_fields
from extractors.text import compact, parse_amount, parse_capital


def test_business_licence_key_fields(rendered) -> None:
    page = rendered["business_licence"]
    record = extract_fields("business_licence", page.document)
    assert isinstance(record, LicenceRecord)
    assert record.holder_uscc == page.key("uscc") == record.number
    assert record.holder_name == compact(page.key("name"))
    assert record.legal_representative == page.key("representative")
    assert record.registered_capital_cny == parse_capital(page.key("capital"))
    assert record.founded is not None and record.founded.strftime("%Y年%m月%d日") == page.key("founded")
    assert record.address == compact(page.key("address"))


def test_phone_captured_einvoice_key_fields(rendered) -> None:
    page = rendered["digital_einvoice"]
    record = extract_fields("digital_einvoice", page.document)
    assert isinstance(record, InvoiceRecord)
    assert record.code is None and record.number == page.key("number") and len(record.number) == 20
    assert (record.buyer_name, record.seller_name) == (compact(page.key("buyer_name")), compact(page.key("seller_name")))
    assert (record.buyer_tax_id, record.seller_tax_id) == (page.key("buyer_tax_id"), page.key("seller_tax_id"))
    assert record.total == parse_amount(page.key("total_incl_tax"))
    assert record.amount == parse_amount(page.key("total_amount")) and record.tax == parse_amount(page.key("total_tax"))
    assert round(record.amount + record.tax, 2) == record.total
    assert [line.amount for line in record.lines] == [
        float(f["value"]) for f in page.truth["fields"] if f["name"].endswith(".amount")]


def test_vehicle_licence_key_fields(rendered) -> None:
    page = rendered["vehicle_licence"]
    record = extract_fields("vehicle_licence", page.document)
    assert isinstance(record, VehicleLicenceRecord)
    assert (record.plate, record.vin, record.vehicle_type) == (page.key("plate"), page.key("vin"), page.key("vehicle_type"))
    assert record.registered == date.fromisoformat(page.key("registered"))
    assert record.confidence["vin"] > 0.5


def test_fields_missing_from_the_page_are_none(rendered) -> None:
    record = extract_fields("business_licence", rendered["vehicle_licence"].document)
    assert record.registered_capital_cny is None and record.scope is None


def test_types_without_an_extractor_are_kept_unread(rendered) -> None:
    record = extract_fields("unknown", rendered["vehicle_licence"].document)
    assert isinstance(record, UnreadRecord) and record.text

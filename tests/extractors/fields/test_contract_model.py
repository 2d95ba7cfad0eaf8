"""Contracts on the government model texts, read through the real OCR: parties named by role alone
(出卖人/买受人, 托运方/承运方) or by role and side (出租人（甲方）), codes under 税号 and 证件号码 or in the
signature table's columns, dates typed without zero padding, totals on the 合计 row or in "（¥…元）"."""
from __future__ import annotations

from datetime import date

from extractors.fields import ContractRecord, extract_fields
from extractors.text import parse_amount, parse_date


def _read(second_layout_page, doc_type: str) -> tuple[dict, ContractRecord]:
    page = second_layout_page(doc_type)
    record = extract_fields(doc_type, page.document)
    assert isinstance(record, ContractRecord)
    return {f["name"]: f["value"] for f in page.truth["fields"]}, record


def _parties(record: ContractRecord) -> tuple[tuple[str, str | None, str | None], ...]:
    return tuple((p.role, p.name, p.uscc) for p in (record.party_a, record.party_b))


def test_sales_model_text_reads_seller_and_buyer_with_their_tax_numbers(second_layout_page) -> None:
    # GF—2000—0101 prints 出卖人 above 买受人 and their 税号 side by side in the signature table; the buyer
    # is party A whichever comes first, so the record means what a 甲方（买方）contract's record means.
    fields, record = _read(second_layout_page, "sales_contract")
    assert _parties(record) == (("buyer", fields["party_a_name"], fields["party_a_uscc"]),
                                ("seller", fields["party_b_name"], fields["party_b_uscc"]))
    assert record.amount == parse_amount(fields["total"])           # on the 合计 row, no 小写 label
    lines = sorted(k for k in fields if k.startswith("line") and k.endswith(".amount"))
    assert lines and record.line_amounts == tuple(parse_amount(fields[k]) for k in lines)
    assert record.signed == parse_date(fields["signed"])            # 签订时间


def test_lease_model_text_reads_lessor_and_lessee_by_side_and_role(second_layout_page) -> None:
    fields, record = _read(second_layout_page, "lease_contract")
    assert _parties(record) == (("lessor", fields["party_a_name"], fields["party_a_uscc"]),
                                ("lessee", fields["party_b_name"], fields["party_b_uscc"]))
    assert record.amount == parse_amount(fields["total"])           # "（¥ 463,227.00 元）"
    assert record.signed == parse_date(fields["signed"])            # 签约日期, typed 2025年5月5日
    assert isinstance(record.start, date) and isinstance(record.end, date) and record.start < record.end


def test_freight_model_text_reads_shipper_carrier_and_the_freight_column(second_layout_page) -> None:
    fields, record = _read(second_layout_page, "freight_contract")
    assert _parties(record) == (("shipper", fields["party_a_name"], fields["party_a_uscc"]),
                                ("carrier", fields["party_b_name"], fields["party_b_uscc"]))
    lines = sorted(k for k in fields if k.startswith("line") and k.endswith(".amount"))
    assert record.line_amounts == tuple(parse_amount(fields[k]) for k in lines)    # 运费（元）column
    assert record.amount == parse_amount(fields["total"]) == sum(record.line_amounts)
    assert record.signed == parse_date(fields["signed"])            # 签订时间

from __future__ import annotations

from extractors.fields import ContractRecord, extract_fields
from extractors.text import parse_amount


def test_line_amount_is_not_glued_to_the_unit_price_beside_it(demo_page) -> None:
    # 单价 3789.75 | 金额 75795.00: the row's text runs the two together as "3789.7575795.00".
    truth, document = demo_page("M0000085-E005")
    record = extract_fields("lease_contract", document)
    assert isinstance(record, ContractRecord)
    amount = parse_amount(next(f["value"] for f in truth["fields"] if f["name"] == "line0.amount"))
    assert record.line_amounts == (amount,) and record.amount == amount

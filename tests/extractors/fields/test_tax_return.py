"""VAT returns read off phone photos of the demo world: the declared sales and the tax due, even where
a tilted photo groups a row's label with the row above (M0000029-E020)."""
from __future__ import annotations

import pytest

from extractors.classify import classify
from extractors.fields import TaxReturnRecord, extract_fields


@pytest.mark.parametrize("evidence_id", ["M0000029-E020", "M0000073-E007"])
def test_declared_sales_and_tax_due_are_read(demo_page, evidence_id: str) -> None:
    truth, document = demo_page(evidence_id)
    content = truth["content"]
    assert classify(document).doc_type == "tax_certificate"
    record = extract_fields("tax_certificate", document)
    assert isinstance(record, TaxReturnRecord)
    assert record.form == content["layout"] == "small_scale"
    assert record.holder_name == content["taxpayer"] and record.holder_uscc == content["tax_id"]
    assert (record.period_start.isoformat(), record.period_end.isoformat()) == (content["period_start"],
                                                                                content["period_end"])
    assert record.declared_sales == pytest.approx((content["taxable_cents"] + content["exempt_cents"]) / 100)
    assert record.tax_due == pytest.approx(content["tax_due_cents"] / 100)

"""``verify`` on honest contracts on the government model texts and a platform's 电子运单, rendered,
OCR'd and read as an upload would be: none is fraud, so none may be rejected, and the merchant is
found among a contract's parties (出卖人/买受人, 出租人（甲方）, 托运方/承运方 name it)."""
from __future__ import annotations

import hashlib

import numpy as np
import pytest
from PIL import Image

from extractors.fields import extract_fields
from extractors.verify import InMemoryHashIndex, MerchantContext, MonthlyInflow, verify


def _verify(world, page):
    image = np.asarray(Image.open(page.image).convert("RGB"))
    # A year of verified inflows well above the contract, so the amount is corroborated and the
    # verdict rests on the page itself.
    total = max(page.item.amount_cny or 0, 100_000)
    inflows = tuple(MonthlyInflow(f"{world.as_of.year - 1}-{m:02d}", float(total)) for m in range(1, 13))
    context = MerchantContext(merchant_id=page.merchant.merchant_id, registered_name=page.merchant.name,
                              registered_uscc=page.merchant.uscc, as_of=world.as_of, monthly_inflows=inflows)
    doc_type = page.item.doc_type
    return verify(evidence_id=page.item.evidence_id, doc_type=doc_type, record=extract_fields(doc_type, page.document),
                  image=image, context=context, sha256=hashlib.sha256(page.image.read_bytes()).hexdigest(),
                  index=InMemoryHashIndex(), document=page.document)


@pytest.mark.parametrize("doc_type", ["sales_contract", "lease_contract", "freight_contract"])
def test_an_honest_model_text_contract_names_the_merchant_and_is_not_rejected(tiny_world, second_layout_page,
                                                                             doc_type) -> None:
    result = _verify(tiny_world, second_layout_page(doc_type))
    assert result.status != "rejected", result.reasons
    checks = {c.code: c.passed for c in result.checks}
    assert checks["merchant_is_party"] is True and checks.get("uscc_check_digit") is True, checks
    # The agent signs beside 委托代理人 in the signature table, whose two columns OCR reads as one line.
    assert checks["signature_present"] is True, checks


def test_an_honest_platform_waybill_is_not_rejected(tiny_world, second_layout_page) -> None:
    result = _verify(tiny_world, second_layout_page("waybill"))
    assert result.status != "rejected", result.reasons

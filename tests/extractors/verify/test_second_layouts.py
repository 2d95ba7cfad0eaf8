"""``verify`` on honest documents in the readers' second layouts: the 税控 PDF 专票/普票 and the
platforms' 交易明细证明, rendered, OCR'd and read as an upload would be. None of them is fraud."""
from __future__ import annotations

import dataclasses
import hashlib

import numpy as np
from PIL import Image

from extractors.fields import extract_fields
from extractors.verify import InMemoryHashIndex, MerchantContext, verify


def _verify(world, page, record=None):
    image = np.asarray(Image.open(page.image).convert("RGB"))
    context = MerchantContext(merchant_id=page.merchant.merchant_id, registered_name=page.merchant.name,
                              registered_uscc=page.merchant.uscc, as_of=world.as_of)
    doc_type = page.item.doc_type
    return verify(evidence_id=page.item.evidence_id, doc_type=doc_type,
                  record=record or extract_fields(doc_type, page.document), image=image, context=context,
                  sha256=hashlib.sha256(page.image.read_bytes()).hexdigest(), index=InMemoryHashIndex(),
                  document=page.document)


def test_honest_second_layout_documents_are_never_rejected(tiny_world, second_layouts) -> None:
    for key, page in second_layouts.items():
        result = _verify(tiny_world, page)
        assert result.status != "rejected", (key, result.reasons)
        if page.item.capture == "clean" or key[0] == "payment_statement":
            assert result.status == "verified", (key, result.reasons)


def test_an_electronic_special_invoice_owes_no_seal_and_a_paper_one_does(tiny_world, second_layouts) -> None:
    # Signed electronically instead of sealed (国家税务总局公告 2020 年第 22 号): the code's kind (13,
    # 增值税电子专用发票) says so. The same page read with a paper 专票's 10-digit code owes its seal.
    page = second_layouts["vat_special_invoice", "electronic"]
    record = extract_fields("vat_special_invoice", page.document)
    assert len(record.code) == 12 and record.code.endswith("13")
    assert "seal_present" not in {c.code for c in _verify(tiny_world, page).checks}
    # area | year | batch | kind 1 (special) | 3 copies | amount version 0
    paper = dataclasses.replace(record, code=record.code[1:7] + "1130")
    assert "seal_present" in {c.code for c in _verify(tiny_world, page, paper).checks}

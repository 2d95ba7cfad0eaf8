"""``verify`` on honest licences in their second layouts (the 2014 营业执照 副本, the 2023 食品经营许可证, the
道路运输经营许可证 booklet, the 行驶证 opened on both pages), rendered, OCR'd and read as an upload would be.
None of them is fraud, so none may be rejected; the clean captures verify."""
from __future__ import annotations

import hashlib

import numpy as np
import pytest
from PIL import Image

from extractors.fields import extract_fields
from extractors.verify import InMemoryHashIndex, MerchantContext, verify


@pytest.mark.parametrize(("doc_type", "capture"), [("business_licence", "phone"), ("food_licence", "phone"),
                                                   ("road_transport_permit", "phone"), ("vehicle_licence", "clean")])
def test_honest_licences_in_their_second_layout_are_never_rejected(tiny_world, licence_layout_page, doc_type: str,
                                                             capture: str) -> None:
    page = licence_layout_page(doc_type, capture)
    merchant = page.merchant
    # The registry's owner: a sole trader's truck is registered in the owner's own name.
    context = MerchantContext(merchant_id=merchant.merchant_id, registered_name=merchant.name,
                              registered_uscc=merchant.uscc, as_of=tiny_world.as_of, owner_names=(merchant.owner.name,))
    result = verify(evidence_id=page.item.evidence_id, doc_type=doc_type,
                    record=extract_fields(doc_type, page.document), image=np.asarray(Image.open(page.image).convert("RGB")),
                    context=context, sha256=hashlib.sha256(page.image.read_bytes()).hexdigest(),
                    index=InMemoryHashIndex(), document=page.document)
    assert result.status != "rejected", result.reasons
    if capture == "clean":
        assert result.status == "verified", [(c.code, c.detail_en) for c in result.checks if not c.passed]
    # (A phone shot may stay could-not-verify on a weak cue: the booklet's phone shot here raises a
    # faint screen-recapture cue on its ruled table, as a VAT return's grid does.)

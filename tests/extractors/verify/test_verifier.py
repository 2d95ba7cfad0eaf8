"""``verify`` end to end on real renders: OCR (RapidOCR), field extraction, then every check."""
from __future__ import annotations

import hashlib

import pytest

from extractors.fields import extract_fields
from extractors.verify import InMemoryHashIndex, KnownEvidence, MerchantContext, verify
from extractors.verify.phash import phash
from extractors.verify.reuse import content_key

DOC = "vat_ordinary_invoice"


@pytest.fixture(scope="session")
def read(shots, engine):
    """OCR'd field records of the shots the tests need (each page OCR'd once)."""
    return {name: extract_fields(DOC, engine.read([shots[name].image]))
            for name in ("original", "screen", "tamper_phone", "reused")}


def _context(tiny_world, shot) -> MerchantContext:
    merchant = next(m for m in tiny_world.merchants if m.merchant_id == shot.truth["merchant_id"])
    return MerchantContext(merchant_id=merchant.merchant_id, registered_name=merchant.name,
                           registered_uscc=merchant.uscc, as_of=tiny_world.as_of)


def _verify(tiny_world, shot, record, index=None, evidence_id=None):
    image = shot.image
    return verify(evidence_id=evidence_id or shot.truth["evidence_id"], doc_type=DOC, record=record, image=image,
                  context=_context(tiny_world, shot), sha256=hashlib.sha256(shot.path.read_bytes()).hexdigest(),
                  index=index or InMemoryHashIndex(), phash=phash(image))


def test_a_genuine_invoice_is_verified(tiny_world, shots, read):
    result = _verify(tiny_world, shots["original"], read["original"])
    assert result.status == "verified", result.reasons
    assert result.authenticity >= 0.6
    assert {c.code for c in result.checks} >= {"recapture", "tamper", "total_equals_amount_plus_tax", "merchant_is_party"}


def test_a_screen_recapture_is_not_verified_for_it(tiny_world, shots, read):
    # Could not verify, not fraud: the document models are fitted on our own renders only, and a
    # merchant's photo of his own e-invoice on a screen is no forgery; the content checks still run.
    result = _verify(tiny_world, shots["screen"], read["screen"])
    assert result.status == "unknown" and "recapture" in result.reasons


def test_a_phone_shot_of_an_edited_total_is_rejected_by_its_arithmetic(tiny_world, shots, read):
    result = _verify(tiny_world, shots["tamper_phone"], read["tamper_phone"])
    assert result.status == "rejected"
    assert {"total_equals_amount_plus_tax", "capitals_match_figures", "lines_sum_to_amount"} & set(result.reasons)


def test_another_merchants_invoice_rephotographed_is_caught(tiny_world, shots, read):
    original = shots["original"]
    index = InMemoryHashIndex([KnownEvidence(
        original.truth["evidence_id"], original.truth["merchant_id"], DOC,
        hashlib.sha256(original.path.read_bytes()).hexdigest(), phash(original.image),
        content_key=content_key(DOC, read["original"]))])
    result = _verify(tiny_world, shots["reused"], read["reused"], index=index)
    assert result.status == "rejected"
    assert "reused_document" in result.reasons


def test_a_non_rgb_image_is_refused_by_name(tiny_world, shots, read):
    with pytest.raises(ValueError, match="RGB uint8"):
        verify(evidence_id="E", doc_type=DOC, record=None, image=shots["clean"].image[..., 0],
               context=_context(tiny_world, shots["clean"]), sha256="0" * 64, index=InMemoryHashIndex())


def test_every_page_of_a_multi_page_upload_is_checked(tiny_world, shots, read):
    # A genuine first page does not carry a recaptured second page: the worst page decides, by number.
    original = shots["original"]
    result = verify(evidence_id=original.truth["evidence_id"], doc_type=DOC, record=read["original"],
                    image=original.image, more_pages=(original.image, shots["screen"].image),
                    context=_context(tiny_world, original), sha256="1" * 64, index=InMemoryHashIndex())
    assert result.status == "unknown" and "recapture" in result.reasons
    recapture = next(c for c in result.checks if c.code == "recapture")
    assert recapture.detail_en.startswith("page 3:")
    single = _verify(tiny_world, original, read["original"])
    assert single.status == "verified"
    again = verify(evidence_id=original.truth["evidence_id"], doc_type=DOC, record=read["original"],
                   image=original.image, more_pages=(original.image,), context=_context(tiny_world, original),
                   sha256="1" * 64, index=InMemoryHashIndex())
    assert again.status == "verified"
    assert next(c for c in again.checks if c.code == "recapture").detail_en.startswith("all 2 pages")

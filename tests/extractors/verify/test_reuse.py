import dataclasses
from datetime import date

from extractors.fields.records import InvoiceRecord
from extractors.verify.context import KnownEvidence
from extractors.verify.reuse import InMemoryHashIndex, check_reuse, content_digest, content_key

INVOICE = InvoiceRecord(doc_type="vat_ordinary_invoice", code="044001900111", number="00000001", check_code=None,
                        issued=date(2026, 3, 1), buyer_name="甲", buyer_tax_id=None, seller_name="乙",
                        seller_tax_id=None, amount=100.0, tax=13.0, total=113.0, total_capital=113.0)


def _index() -> InMemoryHashIndex:
    return InMemoryHashIndex([KnownEvidence("EV1", "M1", "vat_ordinary_invoice", "a" * 64, "0f0f0f0f0f0f0f0f",
                                            content_key="invoice:044001900111:00000001")])


def _codes(results):
    return {r.code: r for r in results}


def test_a_duplicated_file_from_another_merchant_is_caught():
    results = _codes(check_reuse(evidence_id="EV2", merchant_id="M2", sha256="a" * 64, phash="f0f0f0f0f0f0f0f0",
                                 key=None, index=_index()))
    assert results["reused_file"].passed is False and results["reused_file"].severity == "hard"
    assert "EV1" in results["reused_file"].detail_en


def test_the_same_invoice_rephotographed_by_another_merchant_is_caught_by_its_number():
    key = content_key("vat_ordinary_invoice", INVOICE)
    assert key == "invoice:044001900111:00000001"
    results = _codes(check_reuse(evidence_id="EV2", merchant_id="M2", sha256="b" * 64, phash="f0f0f0f0f0f0f0f0",
                                 key=key, index=_index()))
    assert results["reused_file"].passed is True
    assert results["reused_document"].passed is False


def test_a_merchant_resubmitting_its_own_file_is_not_fraud():
    results = check_reuse(evidence_id="EV9", merchant_id="M1", sha256="a" * 64, phash="0f0f0f0f0f0f0f0f",
                          key="invoice:044001900111:00000001", index=_index())
    assert all(r.passed for r in results)
    assert {r.severity for r in results if r.code == "reused_file"} == {"info"}


def test_evidence_is_not_a_reuse_of_itself():
    results = check_reuse(evidence_id="EV1", merchant_id="M2", sha256="a" * 64, phash="0f0f0f0f0f0f0f0f",
                          key=None, index=_index())
    assert all(r.passed for r in results)


def test_index_finds_near_hashes_within_the_radius_only():
    index = _index()
    assert len(index) == 1
    assert [e.evidence_id for e in index.near("0f0f0f0f0f0f0f0e", 1)] == ["EV1"]
    assert index.near("f0f0f0f0f0f0f0f0", 6) == ()


def test_index_refuses_a_malformed_hash_when_stored():
    import pytest
    with pytest.raises(ValueError, match="16 hex"):
        InMemoryHashIndex([KnownEvidence("EV1", "M1", "photo", "a" * 64, "xyz")])


def test_a_near_identical_picture_from_another_merchant_is_only_a_soft_signal():
    results = _codes(check_reuse(evidence_id="EV2", merchant_id="M2", sha256="b" * 64, phash="0f0f0f0f0f0f0f0e",
                                 key=None, index=_index()))
    assert results["near_duplicate_image"].passed is False and results["near_duplicate_image"].severity == "soft"


def _filed(digest: str | None, *, merchant: str = "M1", status: str = "verified") -> InMemoryHashIndex:
    return InMemoryHashIndex([KnownEvidence("EV1", merchant, "vat_ordinary_invoice", "a" * 64, "0f0f0f0f0f0f0f0f",
                                            content_key="invoice:044001900111:00000001", status=status,
                                            content_digest=digest)])


def test_the_digest_is_the_total_and_the_date():
    assert content_digest("vat_ordinary_invoice", INVOICE) == "113.00|2026-03-01"
    assert content_digest("photo", None) is None
    assert content_digest("vat_ordinary_invoice", dataclasses.replace(INVOICE, number=None)) is None


def test_one_invoice_number_with_other_content_is_fraud_even_from_the_merchant_itself():
    edited = dataclasses.replace(INVOICE, amount=1000.0, tax=130.0, total=1130.0)
    key, digest = content_key("vat_ordinary_invoice", edited), content_digest("vat_ordinary_invoice", edited)
    for merchant in ("M1", "M2"):
        results = _codes(check_reuse(evidence_id="EV2", merchant_id=merchant, sha256="b" * 64,
                                     phash="f0f0f0f0f0f0f0f0", key=key, index=_filed("113.00|2026-03-01"),
                                     digest=digest))
        assert results["conflicting_document"].passed is False and results["conflicting_document"].severity == "hard"
        assert "EV1" in results["conflicting_document"].detail_en


def test_the_same_content_again_is_a_resubmission_and_a_rejected_copy_is_not_held_against_the_next():
    digest = content_digest("vat_ordinary_invoice", INVOICE)
    same = _codes(check_reuse(evidence_id="EV2", merchant_id="M1", sha256="b" * 64, phash="f0f0f0f0f0f0f0f0",
                              key=content_key("vat_ordinary_invoice", INVOICE), index=_filed(digest), digest=digest))
    assert "conflicting_document" not in same and same["reused_document"].severity == "info"
    after_forgery = _codes(check_reuse(evidence_id="EV2", merchant_id="M1", sha256="b" * 64, phash="f0f0f0f0f0f0f0f0",
                                       key=content_key("vat_ordinary_invoice", INVOICE),
                                       index=_filed("9999.00|2026-03-01", status="rejected"), digest=digest))
    assert "conflicting_document" not in after_forgery


def test_the_counterpartys_copy_of_one_trade_is_not_reuse_but_a_strangers_is():
    key = content_key("vat_ordinary_invoice", INVOICE)
    digest = content_digest("vat_ordinary_invoice", INVOICE)
    filed_by_seller = _filed(digest, merchant="M1")
    buyer = _codes(check_reuse(evidence_id="EV2", merchant_id="M2", sha256="b" * 64, phash="f0f0f0f0f0f0f0f0",
                               key=key, index=filed_by_seller, digest=digest, party=True))
    assert buyer["reused_document"].passed is True and buyer["reused_document"].severity == "info"
    stranger = _codes(check_reuse(evidence_id="EV3", merchant_id="M3", sha256="c" * 64, phash="f0f0f0f0f0f0f0f0",
                                  key=key, index=filed_by_seller, digest=digest, party=False))
    assert stranger["reused_document"].passed is False

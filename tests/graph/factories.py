"""Small fact bundles for store tests: a merchant, its evidence, shared counterparties."""
from __future__ import annotations

from datetime import date, datetime, timezone

from extractors.facts import EvidenceFacts, EvidenceRecord, NodeFact, NodeRef, Provenance, RelationshipFact

AT = datetime(2026, 11, 1, 9, 30, tzinfo=timezone.utc)


def provenance(evidence_id: str, confidence: float = 0.9) -> Provenance:
    return Provenance(evidence_id, confidence, AT, "tests.factories", "1")


def merchant(merchant_id: str = "M1") -> NodeFact:
    return NodeFact("Merchant", merchant_id, provenance(f"onboarding:{merchant_id}", 1.0),
                    {"name": "顺丰达货运有限公司", "uscc": "91440300MA5FXXXX1X"})


def invoice_bundle(evidence_id: str, *, merchant_id: str = "M1", buyer: str = "E1", invoice_no: str = "00000001",
                   total: int = 11300) -> EvidenceFacts:
    """An invoice: Invoice node, buyer Enterprise node, SELLER_OF / BUYER_OF / SELLS_TO relationships."""
    p = provenance(evidence_id)
    m, e, inv = NodeRef("Merchant", merchant_id), NodeRef("Enterprise", buyer), NodeRef("Invoice", invoice_no)
    return EvidenceFacts(
        EvidenceRecord(evidence_id, merchant_id, "vat_special_invoice", "ab" * 32, AT, "trade", "credit_uplift"),
        nodes=(NodeFact("Invoice", invoice_no, p, {"total_cny": total, "issued": date(2026, 10, 1)}),
               NodeFact("Enterprise", buyer, p, {"name": f"客户{buyer}"})),
        relationships=(
            RelationshipFact("SELLER_OF", m, inv, date(2026, 10, 1), p),
            RelationshipFact("BUYER_OF", e, inv, date(2026, 10, 1), p),
            RelationshipFact("SELLS_TO", m, e, date(2026, 10, 1), p, properties={"annual_volume_cny": total}),
        ))

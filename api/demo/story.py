"""The story of SPEC §1, from a seed world: a freight operator proves his business with his own uploads.

`story_merchant` picks an honest freight merchant who holds every item of the story; `story_items`
are the documents he uploads: a truck photo, his road transport permit, a freight contract and two
invoices. The demo and the web page's end-to-end test send them through the real pipeline.
"""
from __future__ import annotations

from seed_data.world.records import EvidenceItem, Merchant, World

FREIGHT = "5431"  # GB/T 4754-2017 道路货物运输
STORY: tuple[str, ...] = ("photo:heavy_truck", "road_transport_permit", "freight_contract", "invoice")
_INVOICES = frozenset({"digital_einvoice", "vat_special_invoice", "vat_ordinary_invoice"})


def _kind(item: EvidenceItem) -> str:
    if item.doc_type == "photo":
        return f"photo:{item.photo_class}"
    return "invoice" if item.doc_type in _INVOICES else item.doc_type


def story_merchant(world: World) -> Merchant:
    """The first honest freight merchant whose evidence holds the whole story."""
    for m in world.merchants:
        if m.industry_code == FREIGHT and not m.fraud_kinds and set(STORY) <= {_kind(i) for i in m.evidence}:
            return m
    raise LookupError(f"seed world {world.size}/{world.seed} has no honest freight merchant with the whole story")


def story_items(merchant: Merchant) -> tuple[EvidenceItem, ...]:
    """One item of each kind, two invoices; genuine items only."""
    chosen: list[EvidenceItem] = []
    for wanted in STORY:
        items = [i for i in merchant.evidence if _kind(i) == wanted and i.fraud_kind is None]
        chosen += items[:2] if wanted == "invoice" else items[:1]
    return tuple(chosen)

"""What rules are evaluated over: one merchant's facts, as plain typed records.

``reasoning`` builds this from the merchant's subgraph (see the fact vocabulary in graph/README.md);
rules and their expert examples use the same shape, so an example merchant in a test file and a
merchant read from Neo4j are evaluated by the same code. Nothing here imports the graph.
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True, slots=True)
class EvidenceSummary:
    """One submitted piece of evidence and how verification judged it."""

    evidence_id: str
    doc_type: str                     # SPEC §5 code, "photo" or "unknown"
    status: str                       # "verified" | "rejected" | "unknown"
    authenticity: float               # 0..1
    reasons: tuple[str, ...] = ()     # verification reason codes, e.g. "uscc_check_digit"
    photo_class: str | None = None


@dataclass(frozen=True, slots=True)
class FactItem:
    """A fact node linked to the merchant, with the relationship that links it.

    ``label`` and ``properties`` follow the fact vocabulary (e.g. ``Invoice`` with ``total_cny``);
    ``relation`` is the linking relationship type (``SELLER_OF``, ``HOLDS``, ``OWNS``, …) and
    ``role`` its key (contract roles). ``verified`` is true when at least one verified evidence
    supports it.
    """

    label: str
    id: str
    relation: str
    properties: Mapping[str, object]
    evidence_ids: tuple[str, ...]
    verified: bool
    role: str = ""
    valid_from: date | None = None
    valid_to: date | None = None


@dataclass(frozen=True, slots=True)
class MerchantFacts:
    merchant_id: str
    industry_code: str                # GB/T 4754-2017 class
    as_of: date
    base_limit_cny: float
    attributes: Mapping[str, object] = field(default_factory=dict)   # the Merchant node's properties
    items: tuple[FactItem, ...] = ()
    evidence: tuple[EvidenceSummary, ...] = ()

    def of(self, label: str) -> tuple[FactItem, ...]:
        return tuple(i for i in self.items if i.label == label)


def one_per_vehicle(items: Iterable[FactItem]) -> list[FactItem]:
    """One owned vehicle per plate (or VIN when no plate was read), as rules see it: its driving
    licence (keyed by VIN), its photo (keyed by plate) and its registration certificate are three
    nodes of one truck. Merged, the truck counts once in every rule, carries every paper's properties
    (a mortgage from the title, a brand from the licence) and is verified if any of its papers is."""
    at: dict[str, int] = {}
    out: list[FactItem] = []
    for item in items:
        key = str(item.properties.get("plate") or item.properties.get("vin") or "")
        if item.label != "Asset" or item.relation != "OWNS" or not key:
            out.append(item)
            continue
        if key not in at:
            at[key] = len(out)
            out.append(item)
            continue
        first = out[at[key]]
        props = {**item.properties, **{k: v for k, v in first.properties.items() if v is not None}}
        if True in (item.properties.get("lien_active"), first.properties.get("lien_active")):
            props["lien_active"] = True
        starts = [d for d in (first.valid_from, item.valid_from) if d is not None]
        keep = item if item.properties.get("vin") and not first.properties.get("vin") else first
        out[at[key]] = FactItem(first.label, keep.id, first.relation, props,
                                tuple(sorted(set(first.evidence_ids) | set(item.evidence_ids))),
                                first.verified or item.verified, first.role, min(starts) if starts else None,
                                first.valid_to)
    return out

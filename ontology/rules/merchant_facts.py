"""What rules are evaluated over: one merchant's facts, as plain typed records.

``reasoning`` builds this from the merchant's subgraph (see the fact vocabulary in graph/README.md);
rules and their expert examples use the same shape, so an example merchant in a test file and a
merchant read from Neo4j are evaluated by the same code. Nothing here imports the graph.
"""
from __future__ import annotations

from collections.abc import Mapping
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

"""What one upload proved, read back from the graph: its Evidence node and the fact nodes it supports.

One parameterised read; labels come back as data. Only the properties a reply talks about are kept,
so a hostile document's other text never reaches a sentence.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from neo4j import Driver

_READ = """
MATCH (:Merchant {id: $merchant_id})-[:SUBMITTED]->(e:Evidence {id: $evidence_id})
OPTIONAL MATCH (e)-[:SUPPORTS]->(f)
RETURN e.doc_type AS doc_type, e.status AS status, e.authenticity AS authenticity, e.reasons AS reasons,
       e.photo_class AS photo_class,
       [x IN collect(f) WHERE x IS NOT NULL | {label: head(labels(x)), props: properties(x)}] AS facts
"""
_KEPT = ("licence_type", "number", "holder_name", "valid_until", "asset_class", "plate", "brand", "amount_cny",
         "total_cny", "invoice_type", "contract_type", "name", "month", "inflow_cny", "seller_name", "buyer_name",
         "freight_cny", "origin", "destination", "issued", "signed", "end")


@dataclass(frozen=True, slots=True)
class FactView:
    label: str
    properties: tuple[tuple[str, object], ...]

    def get(self, name: str) -> object:
        return dict(self.properties).get(name)


@dataclass(frozen=True, slots=True)
class EvidenceView:
    evidence_id: str
    doc_type: str | None
    status: str | None          # "verified" | "rejected" | "unknown"
    authenticity: float | None
    reasons: tuple[str, ...]
    photo_class: str | None
    facts: tuple[FactView, ...]


def _plain(value: object) -> object:
    to_native = getattr(value, "to_native", None)
    value = to_native() if to_native else value
    return value.isoformat()[:10] if isinstance(value, (date, datetime)) else value


def read_evidence(driver: Driver, merchant_id: str, evidence_id: str, *, database: str = "neo4j") -> EvidenceView | None:
    """The evidence as the graph holds it, or None when this merchant submitted no such evidence."""
    records, _, _ = driver.execute_query(_READ, merchant_id=merchant_id, evidence_id=evidence_id,
                                         database_=database, routing_="r")
    if not records:
        return None
    r = records[0]
    facts = tuple(FactView(f["label"], tuple((k, _plain(f["props"][k])) for k in _KEPT if k in f["props"]))
                  for f in r["facts"])
    return EvidenceView(evidence_id, r["doc_type"], r["status"], r["authenticity"], tuple(r["reasons"] or ()),
                        r["photo_class"], facts)

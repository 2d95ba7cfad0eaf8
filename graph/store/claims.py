"""Reading uploads' claims about registered records (graph/README.md, "Registered records").

A claim lives on the SUPPORTS edge from the upload's Evidence to the registered node: ``claimed_keys``
and one ``claim_<key>`` per value. Reads return the registered value beside each claim, so a reader sees
at once what the registry says and who says otherwise.
"""
from __future__ import annotations

from datetime import datetime

from neo4j import Driver

from extractors.facts import NodeRef
from graph.records import Claim


def claims_of(node: str) -> str:
    """A Cypher list expression of the claims on node variable ``node`` (a fixed name, not input)."""
    return (f"[({node})<-[s:SUPPORTS]-(e:Evidence) WHERE s.claimed_keys IS NOT NULL | "
            f"{{evidence_id: e.id, merchant_id: e.merchant_id, status: e.status, confidence: s.claim_confidence, "
            f"observed_at: s.claim_observed_at, values: [k IN s.claimed_keys | [k, s['claim_' + k], {node}[k]]]}}]")


_OF_EVIDENCE = f"""
MATCH (:Evidence {{id: $evidence_id}})-[:SUPPORTS]->(n)
WITH n, [c IN {claims_of('n')} WHERE c.evidence_id = $evidence_id] AS claims
WHERE claims <> []
RETURN labels(n)[0] AS label, n.id AS id, claims
"""


def _native(value: object) -> object:
    to_native = getattr(value, "to_native", None)  # neo4j.time types
    if to_native is not None:
        return to_native()
    return tuple(_native(v) for v in value) if isinstance(value, list) else value


def claim_records(node: NodeRef, raw: list[dict]) -> tuple[Claim, ...]:
    """Typed claims from ``claims_of``'s rows, ordered by evidence and property."""
    claims = [Claim(node, key, _native(value), _native(registered), c["evidence_id"], c["merchant_id"],
                    c["status"], c["confidence"], _as_datetime(_native(c["observed_at"])))
              for c in raw for key, value, registered in c["values"]]
    return tuple(sorted(claims, key=lambda c: (c.evidence_id, c.node.label, c.node.id, c.property)))


def _as_datetime(value: object) -> datetime:
    if not isinstance(value, datetime):
        raise TypeError(f"a claim's observed_at is a datetime, got {value!r}")
    return value


def evidence_claims(driver: Driver, evidence_id: str, *, database: str = "neo4j") -> tuple[Claim, ...]:
    """What this evidence says against registered records: for the uploader, a consistency signal (the
    page names a registered company by its USCC under another name); for the record, nothing changes."""
    records, _, _ = driver.execute_query(_OF_EVIDENCE, evidence_id=evidence_id, database_=database, routing_="r")
    return tuple(c for r in records for c in claim_records(NodeRef(r["label"], r["id"]), r["claims"]))

"""Read a merchant's k-hop neighbourhood as typed records.

APOC's ``subgraphAll`` does the breadth-first expansion inside the server (one round trip). Hub
relationships (industry, region) are followed outward only. Relationship versions not in force at
``as_of`` are dropped afterwards, and nodes no longer reachable through what is left are dropped too.
"""
from __future__ import annotations

from collections import defaultdict, deque
from datetime import date, datetime, timedelta, timezone

from neo4j import Driver

from extractors.facts import NodeRef
from graph.records import GraphNode, GraphRelationship, Subgraph
from graph.store.claims import claim_records, claims_of
from graph.schema.model import OUTWARD_ONLY, REL_TYPES, check_rel_type

# Store-owned properties: surfaced as record fields, not repeated in ``properties``.
_STORE_KEYS = frozenset({"evidence_ids", "prov_confidence", "prov_observed_at", "prov_extractor",
                         "prov_extractor_version", "confidence", "id", "uid", "key", "valid_from", "valid_to",
                         "rel_uids", "registered_keys", "claimed_keys"})

_READ = f"""
MATCH (m:Merchant {{id: $merchant_id}})
CALL apoc.path.subgraphAll(m, {{maxLevel: $hops, relationshipFilter: $filter, limit: $limit}})
YIELD nodes, relationships
RETURN [n IN nodes | {{label: labels(n)[0], props: properties(n), claims: {claims_of('n')}}}] AS nodes,
       [r IN relationships | {{type: type(r), props: properties(r),
         start: [labels(startNode(r))[0], startNode(r).id], end: [labels(endNode(r))[0], endNode(r).id]}}] AS rels
"""


def _native(value: object) -> object:
    to_native = getattr(value, "to_native", None)  # neo4j.time types
    if to_native is not None:
        return to_native()
    if isinstance(value, list):
        return tuple(_native(v) for v in value)
    return value


def _instant(value: date | datetime) -> datetime:
    """Dates and datetimes on one axis (a date means its midnight, UTC) so versions compare."""
    if isinstance(value, datetime):
        return value if value.tzinfo else value.replace(tzinfo=timezone.utc)
    return datetime(value.year, value.month, value.day, tzinfo=timezone.utc)


def node_record(raw: dict) -> GraphNode:
    props = {k: _native(v) for k, v in raw["props"].items()}
    return GraphNode(raw["label"], props["id"], {k: v for k, v in props.items() if k not in _STORE_KEYS},
                     tuple(props.get("evidence_ids", ())), props.get("confidence"),
                     claim_records(NodeRef(raw["label"], props["id"]), raw.get("claims") or []))


def relationship_record(raw: dict) -> GraphRelationship:
    props = {k: _native(v) for k, v in raw["props"].items()}
    return GraphRelationship(raw["type"], props.get("uid", ""), NodeRef(*raw["start"]), NodeRef(*raw["end"]),
                             props.get("key", ""), props.get("valid_from"), props.get("valid_to"),
                             {k: v for k, v in props.items() if k not in _STORE_KEYS},
                             tuple(props.get("evidence_ids", ())), props.get("confidence"))


def in_force(rels: list[GraphRelationship], as_of: date | datetime) -> list[GraphRelationship]:
    """Versions valid at ``as_of``; of several versions of one relationship the latest start wins.
    A plain date means the whole of that day: evidence submitted this afternoon counts "as of today"."""
    t = _instant(as_of) if isinstance(as_of, datetime) else _instant(as_of + timedelta(days=1)) - timedelta(microseconds=1)
    latest: dict[tuple, GraphRelationship] = {}
    for rel in rels:
        begins = _instant(rel.valid_from) if rel.valid_from is not None else None
        if (begins is not None and begins > t) or (rel.valid_to is not None and _instant(rel.valid_to) <= t):
            continue
        chain = (rel.type, rel.start, rel.end, rel.key)
        best = latest.get(chain)
        if best is None or (begins is not None and (best.valid_from is None or begins > _instant(best.valid_from))):
            latest[chain] = rel
    return list(latest.values())


def reachable(center: NodeRef, rels: list[GraphRelationship], hops: int) -> set[NodeRef]:
    neighbours: dict[NodeRef, set[NodeRef]] = defaultdict(set)
    for rel in rels:
        neighbours[rel.start].add(rel.end)
        if rel.type not in OUTWARD_ONLY:
            neighbours[rel.end].add(rel.start)
    seen, queue = {center}, deque([(center, 0)])
    while queue:
        node, depth = queue.popleft()
        if depth == hops:
            continue
        for nxt in neighbours[node] - seen:
            seen.add(nxt)
            queue.append((nxt, depth + 1))
    return seen


def read_subgraph(driver: Driver, merchant_id: str, *, hops: int = 2, as_of: date | datetime | None = None,
                  rel_types: tuple[str, ...] = tuple(REL_TYPES), limit: int = 2_000,
                  database: str = "neo4j") -> Subgraph:
    """The merchant and everything within ``hops`` (default 2), at most ``limit`` nodes (default 2,000).

    ``as_of`` (default now) picks the relationship versions in force; pass a past time to see history.
    Raises LookupError for an unknown merchant.
    """
    if hops < 0:
        raise ValueError("hops must be >= 0")
    records, _, _ = driver.execute_query(
        _READ, merchant_id=merchant_id, hops=hops, filter=_relationship_filter(rel_types), limit=limit,
        database_=database, routing_="r")
    if not records:
        raise LookupError(f"no merchant with id {merchant_id!r}")
    nodes = [node_record(raw) for raw in records[0]["nodes"]]
    rels = in_force([relationship_record(raw) for raw in records[0]["rels"]], as_of or datetime.now(timezone.utc))
    center = NodeRef("Merchant", merchant_id)
    keep = reachable(center, rels, hops)
    return Subgraph(center, hops, tuple(n for n in nodes if n.ref in keep),
                    tuple(r for r in rels if r.start in keep and r.end in keep), truncated=len(nodes) >= limit)


def _relationship_filter(types: tuple[str, ...]) -> str:
    return "|".join(f"{t}>" if t in OUTWARD_ONLY else t for t in map(check_rel_type, types))

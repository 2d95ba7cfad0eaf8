"""Many merchants' subgraphs in one Cypher round trip per batch.

Training, evaluation and re-scoring read hundreds or thousands of merchants; one ``read_subgraph``
call each would spend most of the time on round trips. This runs the same APOC expansion for a whole
batch of ids (``UNWIND``) and splits the answer into per-merchant ``Subgraph`` records with the same
time filtering as ``graph.store.read_subgraph``, so a batch read and a single read agree exactly.
"""
from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from datetime import date, datetime, timezone

from neo4j import Driver

from extractors.facts import NodeRef
from graph.records import Subgraph
from graph.schema.model import OUTWARD_ONLY, REL_TYPES, check_rel_type
# The store's record builders: batch and single reads must decode and time-filter identically.
from graph.store.subgraph import in_force, node_record, reachable, relationship_record  # same decoding as read_subgraph

_READ_MANY = """
UNWIND $merchant_ids AS merchant_id
MATCH (m:Merchant {id: merchant_id})
CALL apoc.path.subgraphAll(m, {maxLevel: $hops, relationshipFilter: $filter, limit: $limit})
YIELD nodes, relationships
RETURN merchant_id,
       [n IN nodes | {label: labels(n)[0], props: properties(n)}] AS nodes,
       [r IN relationships | {type: type(r), props: properties(r),
         start: [labels(startNode(r))[0], startNode(r).id], end: [labels(endNode(r))[0], endNode(r).id]}] AS rels
"""


def _filter(rel_types: tuple[str, ...]) -> str:
    return "|".join(f"{t}>" if t in OUTWARD_ONLY else t for t in map(check_rel_type, rel_types))


def read_subgraphs(driver: Driver, merchant_ids: Sequence[str], *, hops: int = 2,
                   as_of: date | datetime | None = None, batch_size: int = 256, limit: int = 2_000,
                   rel_types: tuple[str, ...] = tuple(REL_TYPES), database: str = "neo4j",
                   progress: Callable[[int], None] | None = None) -> Iterator[Subgraph]:
    """Yield one ``Subgraph`` per id, in the order given (default 2 hops, 256 ids a round trip).

    Raises LookupError naming the first id with no Merchant node (after the batch that holds it)."""
    if hops < 0:
        raise ValueError("hops must be >= 0")
    if batch_size < 1:
        raise ValueError("batch_size must be >= 1")
    when = as_of or datetime.now(timezone.utc)
    filt = _filter(rel_types)
    for lo in range(0, len(merchant_ids), batch_size):
        ids = list(merchant_ids[lo:lo + batch_size])
        records, _, _ = driver.execute_query(_READ_MANY, merchant_ids=ids, hops=hops, filter=filt, limit=limit,
                                             database_=database, routing_="r")
        found = {r["merchant_id"]: r for r in records}
        for merchant_id in ids:
            if merchant_id not in found:
                raise LookupError(f"no merchant with id {merchant_id!r}")
            raw = found[merchant_id]
            nodes = [node_record(n) for n in raw["nodes"]]
            rels = in_force([relationship_record(r) for r in raw["rels"]], when)
            centre = NodeRef("Merchant", merchant_id)
            keep = reachable(centre, rels, hops)
            yield Subgraph(centre, hops, tuple(n for n in nodes if n.ref in keep),
                           tuple(r for r in rels if r.start in keep and r.end in keep), truncated=len(nodes) >= limit)
        if progress is not None:
            progress(len(ids))

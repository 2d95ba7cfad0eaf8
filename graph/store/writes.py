"""Batched, idempotent upserts of fact nodes and relationships (UNWIND).

Each batch first asks which of its keys exist. New elements are CREATEd with their whole property map
(the fast path of a bulk load); existing ones are MERGEd, replacing this evidence's provenance entry,
never doubling it. The ``*_rows`` writers are transaction functions: ``execute_write`` may run them
again after a transient failure, and running them twice gives the same graph.
"""
from __future__ import annotations

import hashlib
import zlib
from collections import Counter, defaultdict
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor

from neo4j import Driver, ManagedTransaction

from extractors.facts import NodeFact, Provenance, RelationshipFact
from graph.schema.model import check_label, check_rel_type
from graph.store import cypher
from graph.store.properties import PropertyRejected, check_id, clean_properties


class MissingEndpoint(LookupError):
    """A relationship names a node that is neither in the graph nor written with it."""


def relationship_uid(fact: RelationshipFact) -> str:
    """Stable identity of one relationship version, so MERGE finds it again."""
    raw = "|".join((fact.type, fact.start.label, fact.start.id, fact.end.label, fact.end.id, fact.key,
                    fact.valid_from.isoformat()))
    return hashlib.sha256(raw.encode()).hexdigest()[:32]


def provenance_parameter(p: Provenance) -> dict[str, object]:
    return {"evidence_id": p.evidence_id, "confidence": float(p.confidence), "observed_at": p.observed_at,
            "extractor": p.extractor, "extractor_version": p.extractor_version}


NodeGroup = tuple[str, Provenance]  # label, shared provenance: one statement per group
RelGroup = tuple[str, str, str, Provenance]  # type, start label, end label, shared provenance


def node_rows(facts: Iterable[NodeFact], *, registry: bool = False) -> dict[NodeGroup, list[dict[str, object]]]:
    """Validated rows grouped by label and provenance (labels cannot be parameters). ``registry`` marks
    each node as a registry record owning the properties given (``registered_keys``)."""
    grouped: dict[NodeGroup, list[dict[str, object]]] = defaultdict(list)
    for fact in facts:
        check_label(fact.label)
        props = clean_properties(fact.label, fact.properties)
        if registry:
            props["registered_keys"] = sorted(props)
        grouped[(fact.label, fact.provenance)].append({"id": check_id(fact.label, fact.id), "props": props})
    return grouped


def relationship_rows(facts: Iterable[RelationshipFact]) -> dict[RelGroup, list[dict[str, object]]]:
    grouped: dict[RelGroup, list[dict[str, object]]] = defaultdict(list)
    for fact in facts:
        check_rel_type(fact.type), check_label(fact.start.label), check_label(fact.end.label)
        check_id(fact.start.label, fact.start.id), check_id(fact.end.label, fact.end.id)
        if fact.type == "SUPPORTS":
            raise PropertyRejected("SUPPORTS relationships are kept by the store; do not write them")
        grouped[(fact.type, fact.start.label, fact.end.label, fact.provenance)].append({
            "start": fact.start.id, "end": fact.end.id, "uid": relationship_uid(fact), "key": fact.key,
            "valid_from": fact.valid_from, "valid_to": fact.valid_to,
            "props": clean_properties(fact.type, fact.properties)})
    return grouped


def _prop_keys(rows: list[dict[str, object]]) -> tuple[str, ...]:
    return tuple(sorted({k for row in rows for k in row["props"]}))


def _split_new(tx: ManagedTransaction, query: str, rows: list[dict[str, object]], key: str):
    """Rows whose key is not in the graph yet (first occurrence only) and the rest, in order."""
    found = set(tx.run(query, keys=[r[key] for r in rows]).single(strict=True)["found"])
    new, old, seen = [], [], set()
    for row in rows:
        if row[key] in found or row[key] in seen:
            old.append(row)
        else:
            seen.add(row[key])
            new.append(row)
    return new, old


def merge_node_rows(tx: ManagedTransaction, group: NodeGroup, rows: list[dict[str, object]], *,
                    uploaded: bool = False) -> int:
    """``uploaded``: the rows come from a merchant's evidence, which never changes a registered node."""
    label, provenance = group
    p = provenance_parameter(provenance)
    new, old = _split_new(tx, cypher.existing_nodes(label), rows, "id")
    written = 0
    if new:
        written += tx.run(cypher.create_nodes(label, _prop_keys(new)), rows=new, p=p).single(strict=True)["written"]
    if old:
        merge = cypher.merge_uploaded_nodes(label) if uploaded else cypher.merge_nodes(label)
        written += tx.run(merge, rows=old, p=p).single(strict=True)["written"]
    return written


def merge_relationship_rows(tx: ManagedTransaction, group: RelGroup, rows: list[dict[str, object]]) -> int:
    rel_type, start_label, end_label, provenance = group
    p = provenance_parameter(provenance)
    new, old = _split_new(tx, cypher.existing_relationships(rel_type), rows, "uid")
    written = 0
    if new:
        written += tx.run(cypher.create_relationships(rel_type, start_label, end_label, _prop_keys(new)),
                          rows=new, p=p).single(strict=True)["written"]
    if old:
        written += tx.run(cypher.merge_relationships(rel_type, start_label, end_label), rows=old,
                          p=p).single(strict=True)["written"]
    if written != len(rows):
        missing = [f"{start_label}:{i}" for i in _missing(tx, start_label, {r["start"] for r in rows})]
        missing += [f"{end_label}:{i}" for i in _missing(tx, end_label, {r["end"] for r in rows})]
        # Raising inside the transaction function rolls back everything written before it.
        raise MissingEndpoint(f"{rel_type}: {len(rows) - written} relationship(s) name nodes that do not "
                              f"exist: {', '.join(missing[:10])}")
    return written


def _missing(tx: ManagedTransaction, label: str, ids: set[str]) -> list[str]:
    return tx.run(cypher.missing_endpoints(label), ids=sorted(ids)).single(strict=True)["missing"]


def _shards(rows: list[dict[str, object]], key: str, workers: int) -> list[list[dict[str, object]]]:
    """Split by ``key``, so concurrent transactions never write the same ``key`` node and repeated
    keys stay in one shard, in their order."""
    shards: list[list[dict[str, object]]] = [[] for _ in range(workers)]
    for row in rows:
        shards[zlib.crc32(str(row[key]).encode()) % workers].append(row)
    return [s for s in shards if s]


def _relationship_shards(rows: list[dict[str, object]], workers: int,
                         batch_size: int) -> list[list[dict[str, object]]]:
    """Concurrent relationship writes without deadlocks, hubs included.

    Creating a relationship locks the head of each end node's relationship chain until commit. Rows
    are split between workers by the side with more distinct nodes (balanced, and no two transactions
    share a node of that side); on the other side, where hubs are, every transaction takes its locks
    in one global order, fewest rows first and hubs last (each batch of ``batch_size`` rows is sorted:
    a batch is a transaction). One order means no cycle of waits, so no deadlock (unordered, two
    workers deadlocked on a hub and retried whole batches); hubs last means their locks are held for
    the least time. The sort is stable: rows with one uid keep their order."""
    ends, starts = Counter(r["end"] for r in rows), Counter(r["start"] for r in rows)
    split, other = ("start", ends) if len(starts) >= len(ends) else ("end", starts)
    key = "end" if split == "start" else "start"

    def order(r: dict[str, object]) -> tuple[int, object]:
        return other[r[key]], r[key]
    return [[r for at in range(0, len(shard), batch_size) for r in sorted(shard[at:at + batch_size], key=order)]
            for shard in _shards(rows, split, workers)]


def _write_batches(driver: Driver, grouped: dict, writer, *, shard, database: str, batch_size: int,
                   workers: int) -> int:
    """Bulk path: one transaction per batch of ``batch_size`` rows of one group (not per evidence),
    ``workers`` transactions at a time over the shards ``shard(rows, workers, batch_size)`` gives. A
    deadlock is a transient error, which ``execute_write`` retries."""
    def run(group, rows: list[dict[str, object]]) -> int:
        with driver.session(database=database) as session:
            return sum(session.execute_write(writer, group, rows[start:start + batch_size])
                       for start in range(0, len(rows), batch_size))

    written = 0
    for group, rows in grouped.items():
        shards = shard(rows, workers, batch_size) if workers > 1 else [rows]
        if len(shards) == 1:
            written += run(group, shards[0])
            continue
        with ThreadPoolExecutor(max_workers=len(shards)) as pool:
            written += sum(pool.map(lambda part: run(group, part), shards))
    return written


def upsert_nodes(driver: Driver, facts: Iterable[NodeFact], *, database: str = "neo4j",
                 batch_size: int = 10_000, workers: int = 1, registry: bool = False) -> int:
    """``registry=True`` only for the registry's own records (他证): their properties become the registered
    values, which uploads then claim against but never overwrite."""
    return _write_batches(driver, node_rows(facts, registry=registry), merge_node_rows,
                          shard=lambda rows, n, _: _shards(rows, "id", n), database=database,
                          batch_size=batch_size, workers=workers)


def upsert_relationships(driver: Driver, facts: Iterable[RelationshipFact], *, database: str = "neo4j",
                         batch_size: int = 10_000, workers: int = 1) -> int:
    return _write_batches(driver, relationship_rows(facts), merge_relationship_rows, shard=_relationship_shards,
                          database=database, batch_size=batch_size, workers=workers)

"""Batched, idempotent upserts of fact nodes and relationships (UNWIND, MERGE).

The ``_merge_*`` functions are transaction functions: ``execute_write`` may run them again after a
transient failure, so they only MERGE, and provenance for an evidence id is replaced, never doubled.
"""
from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from itertools import islice

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


def _provenance_row(p: Provenance) -> dict[str, object]:
    return {"evidence_id": p.evidence_id, "confidence": float(p.confidence), "observed_at": p.observed_at,
            "extractor": p.extractor, "extractor_version": p.extractor_version}


def node_rows(facts: Iterable[NodeFact]) -> dict[str, list[dict[str, object]]]:
    """Validated rows grouped by label (one Cypher statement per label)."""
    grouped: dict[str, list[dict[str, object]]] = defaultdict(list)
    for fact in facts:
        check_label(fact.label)
        grouped[fact.label].append({"id": check_id(fact.label, fact.id), "props": clean_properties(fact.label, fact.properties),
                                    "p": _provenance_row(fact.provenance)})
    return grouped


def relationship_rows(facts: Iterable[RelationshipFact]) -> dict[tuple[str, str, str], list[dict[str, object]]]:
    grouped: dict[tuple[str, str, str], list[dict[str, object]]] = defaultdict(list)
    for fact in facts:
        check_rel_type(fact.type), check_label(fact.start.label), check_label(fact.end.label)
        check_id(fact.start.label, fact.start.id), check_id(fact.end.label, fact.end.id)
        if fact.type == "SUPPORTS":
            raise PropertyRejected("SUPPORTS relationships are kept by the store; do not write them")
        grouped[(fact.type, fact.start.label, fact.end.label)].append({
            "start": fact.start.id, "end": fact.end.id, "uid": relationship_uid(fact), "key": fact.key,
            "valid_from": fact.valid_from, "valid_to": fact.valid_to,
            "props": clean_properties(fact.type, fact.properties), "p": _provenance_row(fact.provenance)})
    return grouped


def merge_node_rows(tx: ManagedTransaction, label: str, rows: list[dict[str, object]]) -> int:
    return tx.run(cypher.merge_nodes(label), rows=rows).single(strict=True)["written"]


def merge_relationship_rows(tx: ManagedTransaction, group: tuple[str, str, str],
                            rows: list[dict[str, object]]) -> int:
    written = tx.run(cypher.merge_relationships(*group), rows=rows).single(strict=True)["written"]
    if written != len(rows):
        rel_type, start_label, end_label = group
        missing = [f"{start_label}:{i}" for i in _missing(tx, start_label, {r["start"] for r in rows})]
        missing += [f"{end_label}:{i}" for i in _missing(tx, end_label, {r["end"] for r in rows})]
        # Raising inside the transaction function rolls back everything written before it.
        raise MissingEndpoint(f"{rel_type}: {len(rows) - written} relationship(s) name nodes that do not "
                              f"exist: {', '.join(missing[:10])}")
    return written


def _missing(tx: ManagedTransaction, label: str, ids: set[str]) -> list[str]:
    return tx.run(cypher.missing_endpoints(label), ids=sorted(ids)).single(strict=True)["missing"]


def _batches(rows: Sequence[dict[str, object]], size: int) -> Iterator[list[dict[str, object]]]:
    it = iter(rows)
    while batch := list(islice(it, size)):
        yield batch


def upsert_nodes(driver: Driver, facts: Iterable[NodeFact], *, database: str = "neo4j",
                 batch_size: int = 10_000) -> int:
    """Bulk path: one transaction per batch of ``batch_size`` rows (not per evidence)."""
    written = 0
    with driver.session(database=database) as session:
        for label, rows in node_rows(facts).items():
            for batch in _batches(rows, batch_size):
                written += session.execute_write(merge_node_rows, label, batch)
    return written


def upsert_relationships(driver: Driver, facts: Iterable[RelationshipFact], *, database: str = "neo4j",
                         batch_size: int = 10_000) -> int:
    written = 0
    with driver.session(database=database) as session:
        for group, rows in relationship_rows(facts).items():
            for batch in _batches(rows, batch_size):
                written += session.execute_write(merge_relationship_rows, group, batch)
    return written

"""Bulk upserts: concurrent workers over a graph with hubs write every relationship once, idempotently."""
from __future__ import annotations

from datetime import date, timedelta

from neo4j import Driver

from extractors.facts import NodeFact, NodeRef, RelationshipFact
from graph.store import upsert_nodes, upsert_relationships
from tests.graph.factories import provenance

P = provenance("bulk:trade-graph", 1.0)


def _trade_graph(n_merchants: int = 300, per_merchant: int = 8) -> tuple[list[NodeFact], list[RelationshipFact]]:
    """Every merchant sells to the same two hubs and to its own customers: the shape that deadlocked."""
    nodes = [NodeFact("Merchant", f"M{i:04d}", P, {"name": f"商户{i}"}) for i in range(n_merchants)]
    nodes += [NodeFact("Enterprise", f"E{i:04d}", P, {"name": f"企业{i}"}) for i in range(n_merchants)]
    rels = []
    for i in range(n_merchants):
        ends = ["E0000", "E0001"] + [f"E{2 + (i * 7 + k) % (n_merchants - 2):04d}" for k in range(per_merchant - 2)]
        rels += [RelationshipFact("SELLS_TO", NodeRef("Merchant", f"M{i:04d}"), NodeRef("Enterprise", e),
                                  date(2026, 1, 1) + timedelta(days=k), P, properties={"annual_volume_cny": 1000 + k})
                 for k, e in enumerate(ends)]
    return nodes, rels


def _stats(driver: Driver) -> tuple[int, int, int]:
    records, _, _ = driver.execute_query(
        "MATCH ()-[r:SELLS_TO]->() RETURN count(r) AS n, count(DISTINCT r.uid) AS uids, "
        "sum(size(r.evidence_ids)) AS support")
    return records[0]["n"], records[0]["uids"], records[0]["support"]


def test_two_workers_write_a_hub_heavy_graph_exactly_once(driver: Driver) -> None:
    nodes, rels = _trade_graph()
    assert upsert_nodes(driver, nodes, workers=2, batch_size=200) == len(nodes)
    assert upsert_relationships(driver, rels, workers=2, batch_size=200) == len(rels)
    assert _stats(driver) == (len(rels), len(rels), len(rels))
    hub, _, _ = driver.execute_query("MATCH (:Enterprise {id: 'E0000'})<-[r:SELLS_TO]-() RETURN count(r) AS n")
    assert hub[0]["n"] == 300


def test_writing_the_same_relationships_again_changes_nothing(driver: Driver) -> None:
    nodes, rels = _trade_graph(n_merchants=60)
    upsert_nodes(driver, nodes)
    upsert_relationships(driver, rels, workers=2, batch_size=50)
    # Again, plus each fact a second time within one call: one relationship per version, one support each.
    upsert_relationships(driver, rels + rels[:40], workers=2, batch_size=50)
    assert _stats(driver) == (len(rels), len(rels), len(rels))

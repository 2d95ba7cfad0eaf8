"""k-hop reads: typed records, hubs followed outward only, relationship versions picked by time."""
from __future__ import annotations

from datetime import date, datetime, timezone

import pytest
from neo4j import Driver

from extractors.facts import NodeFact, NodeRef, RelationshipFact
from graph.store import read_subgraph, upsert_nodes, upsert_relationships, write_evidence
from tests.graph.factories import invoice_bundle, merchant, provenance

SEED = provenance("seed:test", 1.0)


def _rel(rel_type: str, start: NodeRef, end: NodeRef, valid_from: date, **props) -> RelationshipFact:
    return RelationshipFact(rel_type, start, end, valid_from, SEED, properties=props)


@pytest.fixture
def two_merchants_one_customer(driver: Driver) -> Driver:
    upsert_nodes(driver, [merchant("M1"), merchant("M2"), NodeFact("Industry", "5430", SEED, {"name": "道路货物运输"})])
    m1, m2, ind = NodeRef("Merchant", "M1"), NodeRef("Merchant", "M2"), NodeRef("Industry", "5430")
    upsert_relationships(driver, [_rel("IN_INDUSTRY", m1, ind, date(2020, 1, 1)),
                                  _rel("IN_INDUSTRY", m2, ind, date(2020, 1, 1))])
    write_evidence(driver, invoice_bundle("EV1", merchant_id="M1", buyer="E1"))
    write_evidence(driver, invoice_bundle("EV2", merchant_id="M2", buyer="E1", invoice_no="INV2"))
    return driver


def test_two_hops_reach_a_peer_through_a_shared_customer(two_merchants_one_customer: Driver) -> None:
    sub = read_subgraph(two_merchants_one_customer, "M1", hops=2)
    refs = {n.ref for n in sub.nodes}
    assert NodeRef("Enterprise", "E1") in refs and NodeRef("Merchant", "M2") in refs
    customer = next(n for n in sub.nodes if n.ref == NodeRef("Enterprise", "E1"))
    assert customer.properties["name"] == "客户E1" and customer.evidence_ids == ("EV1", "EV2")
    assert all(r.start in refs and r.end in refs for r in sub.relationships)
    assert not sub.truncated


def test_one_hop_stops_at_direct_neighbours(two_merchants_one_customer: Driver) -> None:
    refs = {n.ref for n in read_subgraph(two_merchants_one_customer, "M1", hops=1).nodes}
    assert NodeRef("Enterprise", "E1") in refs and NodeRef("Merchant", "M2") not in refs


def test_industry_hub_is_not_a_path_to_every_peer(driver: Driver) -> None:
    upsert_nodes(driver, [merchant("M1"), merchant("M2"), NodeFact("Industry", "5430", SEED)])
    ind = NodeRef("Industry", "5430")
    upsert_relationships(driver, [_rel("IN_INDUSTRY", NodeRef("Merchant", m), ind, date(2020, 1, 1)) for m in ("M1", "M2")])
    refs = {n.ref for n in read_subgraph(driver, "M1", hops=3).nodes}
    assert ind in refs and NodeRef("Merchant", "M2") not in refs


def test_relationship_history_is_kept_and_read_as_of_a_time(driver: Driver) -> None:
    upsert_nodes(driver, [merchant("M1"), NodeFact("Enterprise", "E1", SEED)])
    m, e = NodeRef("Merchant", "M1"), NodeRef("Enterprise", "E1")
    upsert_relationships(driver, [_rel("SELLS_TO", m, e, date(2025, 1, 1), annual_volume_cny=100_000),
                                  _rel("SELLS_TO", m, e, date(2026, 1, 1), annual_volume_cny=250_000)])
    now = read_subgraph(driver, "M1", hops=1)
    then = read_subgraph(driver, "M1", hops=1, as_of=datetime(2025, 6, 1, tzinfo=timezone.utc))
    before = read_subgraph(driver, "M1", hops=1, as_of=date(2024, 6, 1))
    assert [r.properties["annual_volume_cny"] for r in now.relationships] == [250_000]
    assert [r.properties["annual_volume_cny"] for r in then.relationships] == [100_000]
    assert before.relationships == () and [n.ref for n in before.nodes] == [m]
    records, _, _ = driver.execute_query("MATCH ()-[r:SELLS_TO]->() RETURN count(r) AS n")
    assert records[0]["n"] == 2  # both versions stored


def test_ended_relationship_is_not_in_force(driver: Driver) -> None:
    upsert_nodes(driver, [merchant("M1"), NodeFact("Licence", "L1", SEED)])
    upsert_relationships(driver, [RelationshipFact("HOLDS", NodeRef("Merchant", "M1"), NodeRef("Licence", "L1"),
                                                   date(2020, 1, 1), SEED, valid_to=date(2025, 1, 1))])
    assert read_subgraph(driver, "M1", hops=1).relationships == ()
    assert len(read_subgraph(driver, "M1", hops=1, as_of=date(2024, 1, 1)).relationships) == 1


def test_a_date_as_of_covers_the_whole_day(driver: Driver) -> None:
    # An upload this afternoon counts "as of today": a plain date is the end of that day, not its midnight.
    upsert_nodes(driver, [merchant("M1"), NodeFact("Licence", "L1", SEED)])
    afternoon = datetime(2026, 6, 30, 15, 30, tzinfo=timezone.utc)
    upsert_relationships(driver, [RelationshipFact("HOLDS", NodeRef("Merchant", "M1"), NodeRef("Licence", "L1"),
                                                   afternoon, SEED)])
    assert len(read_subgraph(driver, "M1", hops=1, as_of=date(2026, 6, 30)).relationships) == 1
    assert read_subgraph(driver, "M1", hops=1, as_of=date(2026, 6, 29)).relationships == ()
    assert read_subgraph(driver, "M1", hops=1, as_of=datetime(2026, 6, 30, 12, tzinfo=timezone.utc)).relationships == ()


def test_unknown_merchant_raises(driver: Driver) -> None:
    with pytest.raises(LookupError, match="no merchant"):
        read_subgraph(driver, "nobody")

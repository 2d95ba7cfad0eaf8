"""One transaction per evidence: provenance everywhere, exact withdrawal, nothing half-written."""
from __future__ import annotations

import pytest
from neo4j import Driver

from extractors.facts import EvidenceFacts, NodeFact, NodeRef, RelationshipFact
from graph.store import MissingEndpoint, upsert_nodes, withdraw_evidence, write_evidence
from graph.store.evidence import write_evidence_tx
from tests.graph.factories import AT, invoice_bundle, merchant, provenance


def _counts(driver: Driver) -> tuple[int, int]:
    records, _, _ = driver.execute_query(
        "MATCH (n) WHERE NOT n:SchemaVersion WITH count(n) AS n OPTIONAL MATCH ()-[r]->() RETURN n, count(r) AS r")
    return records[0]["n"], records[0]["r"]


def test_every_node_and_relationship_written_carries_provenance(driver: Driver) -> None:
    upsert_nodes(driver, [merchant()])
    write_evidence(driver, invoice_bundle("EV1"))
    records, _, _ = driver.execute_query("""
        MATCH (n) WHERE NOT n:SchemaVersion
        RETURN 'node' AS kind, n.evidence_ids AS ids, n.prov_extractor AS ex, n.prov_observed_at AS at, n.confidence AS c
        UNION ALL MATCH ()-[r]->()
        RETURN 'rel' AS kind, r.evidence_ids AS ids, r.prov_extractor AS ex, r.prov_observed_at AS at, r.confidence AS c""")
    assert len([r for r in records if r["kind"] == "rel"]) == 3 + 1 + 2  # facts + SUBMITTED + SUPPORTS
    for row in records:
        assert row["ids"] and len(row["ids"]) == len(row["ex"]) == len(row["at"]), row
        assert 0.0 < row["c"] <= 1.0


def test_rewriting_the_same_evidence_is_idempotent(driver: Driver) -> None:
    upsert_nodes(driver, [merchant()])
    write_evidence(driver, invoice_bundle("EV1"))
    first = _counts(driver)
    write_evidence(driver, invoice_bundle("EV1"))
    assert _counts(driver) == first
    records, _, _ = driver.execute_query("MATCH (i:Invoice) RETURN i.evidence_ids AS ids")
    assert records[0]["ids"] == ["EV1"]


def test_reextraction_that_proves_less_leaves_nothing_stale(driver: Driver) -> None:
    upsert_nodes(driver, [merchant()])
    write_evidence(driver, invoice_bundle("EV1", buyer="E1"))
    write_evidence(driver, invoice_bundle("EV1", buyer="E2"))
    records, _, _ = driver.execute_query("MATCH (e:Enterprise) RETURN collect(e.id) AS ids")
    assert records[0]["ids"] == ["E2"]


def test_withdrawal_removes_exactly_what_only_that_evidence_supports(driver: Driver) -> None:
    upsert_nodes(driver, [merchant()])
    # Two invoices to the same buyer: Enterprise E1 and the SELLS_TO link are supported by both.
    write_evidence(driver, invoice_bundle("EV1", invoice_no="INV1"))
    write_evidence(driver, invoice_bundle("EV2", invoice_no="INV2"))
    report = withdraw_evidence(driver, "EV1")

    assert report.found
    assert set(report.nodes_deleted) == {NodeRef("Invoice", "INV1")}
    assert set(report.nodes_kept) == {NodeRef("Enterprise", "E1")}
    assert len(report.relationships_deleted) == 2 and len(report.relationships_kept) == 1
    records, _, _ = driver.execute_query("""
        MATCH (m:Merchant {id: 'M1'})
        OPTIONAL MATCH (m)-[s:SELLS_TO]->(e:Enterprise {id: 'E1'})
        OPTIONAL MATCH (i:Invoice {id: 'INV1'})
        OPTIONAL MATCH (ev:Evidence {id: 'EV1'})
        RETURN m.evidence_ids AS m_ids, s.evidence_ids AS s_ids, e.evidence_ids AS e_ids, i, ev""")
    row = records[0]
    assert row["m_ids"] == ["onboarding:M1"]  # the merchant was never this evidence's to delete
    assert row["s_ids"] == ["EV2"] and row["e_ids"] == ["EV2"]
    assert row["i"] is None and row["ev"] is None

    withdraw_evidence(driver, "EV2")
    assert _counts(driver) == (1, 0)  # only the merchant is left
    assert not withdraw_evidence(driver, "EV2").found


def test_relationship_to_a_missing_node_rolls_back_the_whole_evidence(driver: Driver) -> None:
    upsert_nodes(driver, [merchant()])
    before = _counts(driver)
    bundle = invoice_bundle("EV1")
    broken = EvidenceFacts(bundle.evidence, bundle.nodes, bundle.relationships + (
        RelationshipFact("OWNS", NodeRef("Merchant", "M1"), NodeRef("Asset", "no-such-truck"), AT, provenance("EV1")),))
    with pytest.raises(MissingEndpoint, match="Asset:no-such-truck"):
        write_evidence(driver, broken)
    assert _counts(driver) == before


def test_failure_injected_after_all_writes_leaves_nothing_behind(driver: Driver) -> None:
    upsert_nodes(driver, [merchant()])
    before = _counts(driver)

    def write_then_fail(tx, bundle):  # every statement of the evidence has run when this raises
        write_evidence_tx(tx, bundle)
        raise RuntimeError("injected failure")

    with driver.session() as session, pytest.raises(RuntimeError, match="injected"):
        session.execute_write(write_then_fail, invoice_bundle("EV1"))
    assert _counts(driver) == before


def test_unknown_merchant_is_refused(driver: Driver) -> None:
    with pytest.raises(MissingEndpoint, match="Merchant:M1"):
        write_evidence(driver, invoice_bundle("EV1"))
    assert _counts(driver) == (0, 0)


def test_fact_claiming_another_evidence_is_refused(driver: Driver) -> None:
    upsert_nodes(driver, [merchant()])
    bundle = invoice_bundle("EV1")
    alien = EvidenceFacts(bundle.evidence, bundle.nodes + (NodeFact("Asset", "A1", provenance("EV9")),))
    with pytest.raises(ValueError, match="EV9"):
        write_evidence(driver, alien)
    assert _counts(driver) == (1, 0)

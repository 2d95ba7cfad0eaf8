"""The perfect reader: facts as printed, verdicts from what the document shows, written to Neo4j."""
from __future__ import annotations

import dataclasses

import pytest
from neo4j import Driver

from api.demo.truth_facts import load_truth_evidence, truth_facts
from api.demo.world_loader import load_world
from seed_data.world.generator import generate_world
from seed_data.world.records import FRAUD_KINDS, World


@pytest.fixture(scope="module")
def world() -> World:
    return generate_world(0, "tiny")


def _items(world: World):
    return [(m, e) for m in world.merchants for e in m.evidence]


def test_honest_evidence_is_verified_and_proves_facts(world: World) -> None:
    for merchant, item in _items(world):
        if item.fraud_kind is None and item.doc_type != "vehicle_licence":
            bundle = truth_facts(world, merchant, item)
            assert bundle.evidence.status == "verified", (item, bundle.evidence.properties["reasons"])
            assert bundle.nodes, item


@pytest.mark.parametrize("kind", [k for k in FRAUD_KINDS if k != "inflated_contract"])
def test_every_fraud_kind_is_rejected_and_proves_nothing(world: World, kind: str) -> None:
    """Kinds the tiny world does not contain are made by editing an honest item the same way the seed does."""
    base = {"tamper_amount": "digital_einvoice", "screen_recapture": "bank_statement",
            "print_recapture": "business_licence", "reused_document": "bank_statement",
            "name_mismatch": "business_licence", "invalid_check_digit": "business_licence",
            "expired_licence": "business_licence"}[kind]
    candidates = [(m, e) for m, e in _items(world) if e.fraud_kind == kind] or [
        (m, e) for m, e in _items(world) if e.fraud_kind is None and e.doc_type == base]
    m, item = candidates[0]
    if item.fraud_kind is None:
        changes = {"fraud_kind": kind}
        if kind == "tamper_amount":
            changes.update(amount_cny=item.amount_cny * 3, true_amount_cny=item.amount_cny)
        item = dataclasses.replace(item, **changes)
    bundle = truth_facts(world, m, item)
    assert bundle.evidence.status == "rejected"
    assert bundle.evidence.properties["reasons"]
    assert bundle.nodes == () and bundle.relationships == ()


def test_inflated_contract_is_self_consistent_on_paper(world: World) -> None:
    """It passes document checks; reasoning's cross-document check must catch it."""
    merchant = world.merchants[0]
    item = next(e for e in merchant.evidence if e.fraud_kind is None and e.doc_type in ("sales_contract", "freight_contract")
                ) if any(e.doc_type in ("sales_contract", "freight_contract") for e in merchant.evidence) else None
    if item is None:
        pytest.skip("merchant 0 has no contract")
    inflated = dataclasses.replace(item, fraud_kind="inflated_contract", amount_cny=item.amount_cny * 40, true_amount_cny=0)
    bundle = truth_facts(world, merchant, inflated)
    assert bundle.evidence.status == "verified"
    contract = next(n for n in bundle.nodes if n.label == "Contract")
    assert contract.properties["amount_cny"] == pytest.approx(item.amount_cny * 40)


def test_a_tampered_invoice_shows_the_tampered_total(world: World) -> None:
    m, item = next((m, e) for m, e in _items(world) if e.fraud_kind is None and e.doc_type.endswith("invoice"))
    item = dataclasses.replace(item, fraud_kind="tamper_amount", amount_cny=item.amount_cny * 3,
                               true_amount_cny=item.amount_cny)
    bundle = truth_facts(world, m, item)
    assert bundle.evidence.properties["reasons"] == ["arithmetic"]


def test_load_writes_every_item_and_rejected_ones_support_nothing(driver: Driver, world: World) -> None:
    load_world(driver, world)
    merchants = world.merchants[:3]
    summary = load_truth_evidence(driver, world, merchants=merchants, per_transaction=50)
    assert summary.evidence == sum(len(m.evidence) for m in merchants)
    records, _, _ = driver.execute_query(
        "MATCH (e:Evidence) OPTIONAL MATCH (e)-[s:SUPPORTS]->() RETURN e.id AS id, e.status AS status, count(s) AS n")
    assert sum(1 for r in records) == summary.evidence
    assert all(r["n"] == 0 for r in records if r["status"] == "rejected")
    assert sum(1 for r in records if r["status"] == "verified") == summary.verified


def test_one_by_one_and_batched_loads_give_the_same_graph(driver: Driver, world: World) -> None:
    load_world(driver, world)
    merchant = world.merchants[1]
    load_truth_evidence(driver, world, merchants=[merchant])
    query = "MATCH (n) WHERE NOT n:SchemaVersion RETURN labels(n)[0] AS l, n.id AS id, n.evidence_ids AS ev ORDER BY l, id"
    one = [tuple(r.values()) for r in driver.execute_query(query).records]
    driver.execute_query("MATCH (n) WHERE NOT n:SchemaVersion DETACH DELETE n")
    load_world(driver, world)
    load_truth_evidence(driver, world, merchants=[merchant], per_transaction=100)
    assert [tuple(r.values()) for r in driver.execute_query(query).records] == one

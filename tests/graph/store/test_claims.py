"""Shared records are versioned, not overwritten: an upload's differing word on a registered node is a claim.

Issue 13, item 1: an invoice whose buyer name was edited renamed a registered Enterprise (a counterparty
of another merchant too); withdrawing the upload did not restore it.
"""
from __future__ import annotations

from datetime import date

from neo4j import Driver

from extractors.facts import EvidenceFacts, EvidenceRecord, NodeFact, NodeRef, RelationshipFact
from graph.store import evidence_claims, read_subgraph, upsert_nodes, withdraw_evidence, write_evidence
from graph.records import Claim
from tests.graph.factories import AT, merchant, provenance

USCC = "91130100MAL0CEH073"
REGISTERED = "河北冀中钢铁贸易有限公司"
REGISTRY = provenance("registry:test", 1.0)


def _register(driver: Driver) -> None:
    upsert_nodes(driver, [merchant("M1"), merchant("M2")], registry=True)
    upsert_nodes(driver, [NodeFact("Enterprise", USCC, REGISTRY, {"name": REGISTERED, "uscc": USCC})],
                 registry=True)


def _sale(evidence_id: str, merchant_id: str, buyer_name: str, number: str, **buyer: object) -> EvidenceFacts:
    """An invoice naming the registered buyer by its USCC, with whatever name the page printed."""
    p = provenance(evidence_id)
    m, e, inv = NodeRef("Merchant", merchant_id), NodeRef("Enterprise", USCC), NodeRef("Invoice", number)
    issued = date(2026, 10, 1)
    return EvidenceFacts(
        EvidenceRecord(evidence_id, merchant_id, "vat_special_invoice", "cd" * 32, AT, "trade", "credit_uplift"),
        nodes=(NodeFact("Invoice", number, p, {"total_cny": 11300.0, "buyer_name": buyer_name, "buyer_uscc": USCC}),
               NodeFact("Enterprise", USCC, p, {"name": buyer_name, "uscc": USCC, **buyer})),
        relationships=(RelationshipFact("SELLER_OF", m, inv, issued, p),
                       RelationshipFact("BUYER_OF", e, inv, issued, p),
                       RelationshipFact("SELLS_TO", m, e, issued, p, properties={"volume_cny": 11300.0})))


def _registered_name(driver: Driver) -> str:
    records, _, _ = driver.execute_query("MATCH (e:Enterprise {id: $id}) RETURN e.name AS name", id=USCC)
    return records[0]["name"]


def _enterprise(driver: Driver, merchant_id: str):
    sub = read_subgraph(driver, merchant_id, hops=2)
    return next(n for n in sub.nodes if n.ref == NodeRef("Enterprise", USCC))


def test_an_edited_buyer_name_is_a_claim_and_withdrawal_removes_it(driver: Driver) -> None:
    _register(driver)
    write_evidence(driver, _sale("EV-M2", "M2", REGISTERED, "INV-M2"))  # the other merchant's honest invoice
    write_evidence(driver, _sale("EV-EDIT", "M1", "石家庄", "INV-M1", address="石家庄市桥西区"))

    assert _registered_name(driver) == REGISTERED
    for reader in ("M1", "M2"):  # the uploader and the other merchant read the same registered record
        node = _enterprise(driver, reader)
        assert node.properties["name"] == REGISTERED
        assert {(c.property, c.value, c.evidence_id, c.merchant_id) for c in node.claims} == {
            ("name", "石家庄", "EV-EDIT", "M1"), ("address", "石家庄市桥西区", "EV-EDIT", "M1")}
        assert "address" not in node.properties
        assert "EV-EDIT" in node.evidence_ids  # the upload still supports the node: the trade is real to it
    claim = next(c for c in _enterprise(driver, "M1").claims if c.property == "name")
    assert claim == Claim(NodeRef("Enterprise", USCC), "name", "石家庄", REGISTERED, "EV-EDIT", "M1", "verified",
                          0.9, AT)
    assert evidence_claims(driver, "EV-EDIT") == tuple(sorted(_enterprise(driver, "M1").claims,
                                                              key=lambda c: c.property))
    assert evidence_claims(driver, "EV-M2") == ()  # agreeing with the registry claims nothing

    withdraw_evidence(driver, "EV-EDIT")
    node = _enterprise(driver, "M2")
    assert node.properties["name"] == REGISTERED and node.claims == ()
    assert node.evidence_ids == ("registry:test", "EV-M2")


def test_rewriting_the_same_evidence_keeps_one_claim(driver: Driver) -> None:
    _register(driver)
    write_evidence(driver, _sale("EV-EDIT", "M1", "石家庄", "INV-M1"))
    write_evidence(driver, _sale("EV-EDIT", "M1", "石家庄", "INV-M1"))
    assert [(c.property, c.value) for c in evidence_claims(driver, "EV-EDIT")] == [("name", "石家庄")]


def test_unregistered_counterparties_still_take_what_uploads_say(driver: Driver) -> None:
    # No registry record: the upload is the only source, so its values are the node's (withdrawal deletes it).
    upsert_nodes(driver, [merchant("M1")], registry=True)
    write_evidence(driver, _sale("EV1", "M1", "石家庄", "INV-M1"))
    assert _registered_name(driver) == "石家庄"
    assert evidence_claims(driver, "EV1") == ()
    withdraw_evidence(driver, "EV1")
    records, _, _ = driver.execute_query("MATCH (e:Enterprise) RETURN count(e) AS n")
    assert records[0]["n"] == 0


def test_the_registry_reloading_a_record_changes_it(driver: Driver) -> None:
    # The registry owns the value: its own later load is a new registered value, not a claim.
    _register(driver)
    upsert_nodes(driver, [NodeFact("Enterprise", USCC, REGISTRY, {"name": "河北冀中钢铁集团", "uscc": USCC})],
                 registry=True)
    assert _registered_name(driver) == "河北冀中钢铁集团"

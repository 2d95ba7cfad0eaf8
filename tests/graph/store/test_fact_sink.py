"""The graph as the pipeline's sink: context from verified facts only, reuse found by index."""
from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from neo4j import Driver

from extractors.facts import EvidenceFacts, EvidenceRecord, NodeFact, NodeRef, RelationshipFact
from extractors.sink import FactSink
from extractors.verify.reuse import HashIndex
from graph.store import GraphFactSink, upsert_nodes
from tests.graph.factories import AT, merchant, provenance


def _licence(evidence_id: str, *, status: str = "verified", holder: str = "顺丰达货运有限公司") -> EvidenceFacts:
    p = provenance(evidence_id)
    number = f"licence:{evidence_id}"
    return EvidenceFacts(
        EvidenceRecord(evidence_id, "M1", "road_transport_permit", f"{evidence_id:0>64}"[-64:], AT, "docs", "credit",
                       status=status),
        nodes=() if status != "verified" else (
            NodeFact("Licence", number, p, {"holder_name": holder, "holder_uscc": "91440300MA5FXXXX1X"}),),
        relationships=() if status != "verified" else (
            RelationshipFact("HOLDS", NodeRef("Merchant", "M1"), NodeRef("Licence", number), date(2024, 1, 1), p),))


def _invoice(evidence_id: str) -> EvidenceFacts:
    p = provenance(evidence_id)
    inv = NodeRef("Invoice", "invoice:044001900111:00000001")
    buyer = NodeRef("Enterprise", "91440300MA5BUYER01")
    return EvidenceFacts(
        EvidenceRecord(evidence_id, "M1", "vat_special_invoice", "cd" * 32, AT, "docs", "credit"),
        nodes=(NodeFact("Invoice", inv.id, p, {"total_cny": 11300.0, "issued": date(2026, 5, 1), "direction": "sale",
                                               "buyer_name": "深圳买家有限公司", "buyer_uscc": buyer.id}),
               NodeFact("Enterprise", buyer.id, p, {"name": "深圳买家有限公司", "uscc": buyer.id})),
        relationships=(RelationshipFact("SELLER_OF", NodeRef("Merchant", "M1"), inv, date(2026, 5, 1), p),
                       RelationshipFact("BUYER_OF", buyer, inv, date(2026, 5, 1), p)))


def _with_hashes(bundle: EvidenceFacts, phash: str, key: str | None = None) -> EvidenceFacts:
    props = {"phash": phash, **({"content_key": key} if key else {})}
    return replace(bundle, evidence=replace(bundle.evidence, properties=props))


@pytest.fixture
def sink(driver: Driver) -> GraphFactSink:
    upsert_nodes(driver, [merchant("M1")])
    return GraphFactSink(driver)


def test_it_is_the_sink_and_index_the_pipeline_expects(sink: GraphFactSink) -> None:
    assert isinstance(sink, FactSink) and isinstance(sink.hash_index(), HashIndex)


def test_context_holds_registry_data_and_only_verified_facts(sink: GraphFactSink) -> None:
    sink.write(_licence("EV1"))
    sink.write(_licence("EV2", status="rejected"))
    sink.write(_invoice("EV3"))
    ctx = sink.context("M1", as_of=date(2026, 6, 30))
    assert (ctx.registered_name, ctx.registered_uscc, ctx.as_of) == ("顺丰达货运有限公司", "91440300MA5FXXXX1X",
                                                                     date(2026, 6, 30))
    assert ctx.licence_names == ("顺丰达货运有限公司",)
    assert [(p.name, p.uscc) for p in ctx.counterparties] == [("深圳买家有限公司", "91440300MA5BUYER01")]
    assert [(t.kind, t.counterparty_name, t.amount_cny, t.dated) for t in ctx.trades] == [
        ("invoice", "深圳买家有限公司", 11300.0, date(2026, 5, 1))]


def test_a_fact_whose_evidence_is_later_rejected_no_longer_vouches(sink: GraphFactSink) -> None:
    sink.write(_licence("EV1"))
    sink.write(_licence("EV1", status="rejected"))
    assert sink.context("M1", as_of=date(2026, 6, 30)).licence_names == ()


def test_context_of_an_unregistered_merchant_names_it(sink: GraphFactSink) -> None:
    with pytest.raises(LookupError, match="'M404' is not registered"):
        sink.context("M404", as_of=date(2026, 6, 30))


def test_reuse_index_finds_same_file_near_copy_and_same_document(sink: GraphFactSink) -> None:
    sink.write(_with_hashes(_invoice("EV3"), "0123456789abcdef", key="invoice:044001900111:00000001"))
    sink.write(_with_hashes(_licence("EV1"), "fedcba9876543210"))
    index = sink.hash_index()
    assert [k.evidence_id for k in index.exact("cd" * 32)] == ["EV3"]
    assert [k.evidence_id for k in index.with_key("invoice:044001900111:00000001")] == ["EV3"]
    # Seven bits flipped, spread over all four bands: still found by the 16-bit band probes.
    near = "0123456789abcdef"
    flipped = f"{int(near, 16) ^ 0x0003_0003_0003_0001:016x}"
    assert [k.evidence_id for k in index.near(flipped, 7)] == ["EV3"]
    assert index.near(flipped, 6) == ()
    found = index.exact("cd" * 32)[0]
    assert (found.merchant_id, found.doc_type, found.status, found.phash) == ("M1", "vat_special_invoice", "verified",
                                                                              "0123456789abcdef")

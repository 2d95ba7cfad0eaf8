"""``ingest``: bad uploads are refused with typed errors and leave the graph as it was; good ones land."""
from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest
from neo4j import Driver

from extractors import intake
from extractors.ingest import IngestFailure, ingest
from extractors.intake.consent import FINANCIAL_ACCOUNTS
from extractors.pipeline import EvidenceOutcome
from graph.store import GraphFactSink
from tests.extractors.intake.bad_inputs import BAD_INPUTS
from tests.extractors.intake.seed_uploads import CONSENT, SUBMITTED_AT, graph_counts, load_tiny_world, render


@pytest.mark.parametrize(("build", "error", "words"), BAD_INPUTS, ids=[b[1] + ":" + b[0].__name__ for b in BAD_INPUTS])
def test_a_bad_upload_gives_a_typed_error_and_leaves_the_graph_unchanged(driver: Driver, tmp_path: Path, build,
                                                                        error: str, words: tuple[str, ...]) -> None:
    world = load_tiny_world(driver)
    before = graph_counts(driver)
    (result,) = ingest([build(tmp_path)], merchant_id=world.merchants[0].merchant_id, consent=CONSENT,
                       sink=GraphFactSink(driver))
    assert isinstance(result, IngestFailure) and isinstance(result.error, getattr(intake, error))
    assert result.kind == error and all(word in result.message for word in words)
    assert graph_counts(driver) == before


def test_seed_documents_land_as_evidence_with_facts_and_a_bad_file_does_not_stop_them(
        driver: Driver, engine, tmp_path: Path) -> None:
    world = load_tiny_world(driver)
    files = [render("M0000000-E001", tmp_path), tmp_path / "missing.jpg", render("M0000000-E008", tmp_path)]
    seen: list[object] = []
    results = ingest(files, merchant_id="M0000000", consent=CONSENT, sink=GraphFactSink(driver), engine=engine,
                     progress=seen.append, submitted_at=SUBMITTED_AT, as_of=world.as_of)
    assert list(results) == seen
    licence, missing, invoice = results
    assert isinstance(missing, IngestFailure) and missing.kind == "UnreadableFile"
    assert isinstance(licence, EvidenceOutcome) and isinstance(invoice, EvidenceOutcome)
    assert (licence.doc_type, invoice.doc_type) == ("business_licence", "digital_einvoice")
    records, _, _ = driver.execute_query("""
        MATCH (:Merchant {id: 'M0000000'})-[:SUBMITTED]->(e:Evidence)
        RETURN e.id AS id, e.doc_type AS doc_type, e.status AS status, e.consent_scope AS scope,
               e.consent_purpose AS purpose, e.phash AS phash, e.ocr_engine AS engine,
               COUNT { (e)-[:SUPPORTS]->() } AS supports ORDER BY e.doc_type""")
    assert [(r["doc_type"], r["scope"], r["purpose"], r["engine"]) for r in records] == [
        ("business_licence", "business_documents", "credit_limit_review", "rapidocr"),
        ("digital_einvoice", "business_documents", "credit_limit_review", "rapidocr")]
    for row, outcome in zip(records, (licence, invoice)):
        assert row["id"] == outcome.evidence_id and row["status"] == outcome.status and len(row["phash"]) == 16
        assert (row["supports"] > 0) == (outcome.status == "verified")
    assert invoice.status == "verified", invoice.reasons
    truth = json.loads(files[2].with_suffix(".json").read_text(encoding="utf-8"))
    number = next(f["value"] for f in truth["fields"] if f["name"] == "number")
    facts, _, _ = driver.execute_query("""
        MATCH (e:Evidence {id: $id})-[:SUPPORTS]->(i:Invoice)
        RETURN i.number AS number, i.evidence_ids AS ids, i.prov_extractor AS extractor,
               i.prov_extractor_version AS version""", id=invoice.evidence_id)
    assert facts and facts[0]["number"] == number and facts[0]["ids"] == [invoice.evidence_id]
    assert facts[0]["extractor"] == ["extractors.fields"] and "rapidocr" in facts[0]["version"][0]


def test_an_unregistered_merchant_is_refused_before_any_file_is_read(driver: Driver, tmp_path: Path) -> None:
    load_tiny_world(driver)
    with pytest.raises(LookupError, match="'M404' is not registered"):
        ingest([tmp_path / "anything.jpg"], merchant_id="M404", consent=CONSENT, sink=GraphFactSink(driver))


def test_a_statement_needs_the_financial_account_consent_and_is_refused_without_a_trace(
        driver: Driver, engine, tmp_path: Path) -> None:
    world = load_tiny_world(driver)
    merchant, item = next((m, i) for m in world.merchants for i in m.evidence
                          if i.doc_type == "bank_statement" and i.fraud_kind is None)
    statement = render(item.evidence_id, tmp_path)
    before = graph_counts(driver)
    (refused,) = ingest([statement], merchant_id=merchant.merchant_id, consent=CONSENT, sink=GraphFactSink(driver),
                        engine=engine, submitted_at=SUBMITTED_AT, as_of=world.as_of)
    assert isinstance(refused, IngestFailure) and refused.kind == "ConsentScopeRefused"
    assert FINANCIAL_ACCOUNTS in refused.message and "business_documents" in refused.message
    assert graph_counts(driver) == before
    (kept,) = ingest([statement], merchant_id=merchant.merchant_id, consent=replace(CONSENT, scope=FINANCIAL_ACCOUNTS),
                     sink=GraphFactSink(driver), engine=engine, submitted_at=SUBMITTED_AT, as_of=world.as_of)
    assert isinstance(kept, EvidenceOutcome) and kept.doc_type == "bank_statement"
    scope, _, _ = driver.execute_query("MATCH (e:Evidence {id: $id}) RETURN e.consent_scope AS scope",
                                       id=kept.evidence_id)
    assert scope[0]["scope"] == FINANCIAL_ACCOUNTS

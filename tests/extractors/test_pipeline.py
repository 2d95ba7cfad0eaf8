"""The pipeline end to end on a real graph: ids, idempotence, reuse rejection, unknown documents."""
from __future__ import annotations

from pathlib import Path

from neo4j import Driver
from PIL import Image, ImageDraw, ImageFont

from extractors.pipeline import EvidencePipeline, evidence_id
from graph.store import GraphFactSink
from tests.extractors.intake.seed_uploads import CONSENT, SUBMITTED_AT, graph_counts, load_tiny_world, render


def _supports(driver: Driver, evidence: str) -> int:
    records, _, _ = driver.execute_query("MATCH (:Evidence {id: $id})-[s:SUPPORTS]->() RETURN count(s) AS n",
                                         id=evidence)
    return records[0]["n"]


def test_evidence_ids_are_deterministic_per_merchant_and_file() -> None:
    assert evidence_id("M1", "ab" * 32) == evidence_id("M1", "ab" * 32)
    assert evidence_id("M1", "ab" * 32) != evidence_id("M2", "ab" * 32)
    assert evidence_id("M1", "ab" * 32).startswith("M1:")


def test_re_ingesting_a_file_rewrites_the_same_evidence_and_another_merchants_copy_is_rejected(
        driver: Driver, engine, tmp_path: Path) -> None:
    world = load_tiny_world(driver)
    pipeline = EvidencePipeline(GraphFactSink(driver), engine=engine)
    invoice = render("M0000000-E008", tmp_path)
    first = pipeline.process(invoice, merchant_id="M0000000", consent=CONSENT, submitted_at=SUBMITTED_AT,
                             as_of=world.as_of)
    counts = graph_counts(driver)
    again = pipeline.process(invoice, merchant_id="M0000000", consent=CONSENT, submitted_at=SUBMITTED_AT,
                             as_of=world.as_of)
    assert again.evidence_id == first.evidence_id and again.status == first.status == "verified"
    assert graph_counts(driver) == counts
    assert set(first.cpu_seconds) >= {"intake", "ocr", "classify", "fields", "verify", "facts", "write"}

    copied = pipeline.process(invoice, merchant_id="M0000001", consent=CONSENT, submitted_at=SUBMITTED_AT,
                              as_of=world.as_of)
    assert copied.evidence_id != first.evidence_id
    assert copied.status == "rejected" and any("reuse" in reason for reason in copied.reasons), copied.reasons
    assert copied.nodes_written == copied.relationships_written == 0 and _supports(driver, copied.evidence_id) == 0
    records, _, _ = driver.execute_query("MATCH (e:Evidence {id: $id}) RETURN e.reasons AS reasons, e.status AS s",
                                         id=copied.evidence_id)
    assert records[0]["s"] == "rejected" and list(records[0]["reasons"]) == list(copied.reasons)


def test_a_page_of_text_that_is_no_known_document_is_stored_as_unknown_with_no_facts(
        driver: Driver, engine, tmp_path: Path) -> None:
    world = load_tiny_world(driver)
    page = Image.new("RGB", (900, 500), "white")
    draw = ImageDraw.Draw(page)
    for row, text in enumerate(["Minutes of the garden club meeting", "Tomatoes were discussed at length",
                                "Next meeting on Thursday at noon", "Bring your own chairs and some tea"]):
        draw.text((40, 40 + 100 * row), text, fill="black", font=ImageFont.load_default(36))
    page.save(tmp_path / "minutes.png")
    outcome = EvidencePipeline(GraphFactSink(driver), engine=engine).process(
        tmp_path / "minutes.png", merchant_id="M0000000", consent=CONSENT, submitted_at=SUBMITTED_AT,
        as_of=world.as_of)
    assert (outcome.doc_type, outcome.status) == ("unknown", "unknown")
    assert outcome.reasons[0] == "unrecognised_document" and outcome.nodes_written == 0
    assert _supports(driver, outcome.evidence_id) == 0


def test_an_asset_photo_goes_through_recognition_and_only_a_verified_class_becomes_a_fact(driver: Driver, engine, tmp_path: Path) -> None:
    world = load_tiny_world(driver)
    outcome = EvidencePipeline(GraphFactSink(driver), engine=engine).process(
        render("M0000000-E012", tmp_path), merchant_id="M0000000", consent=CONSENT, submitted_at=SUBMITTED_AT,
        as_of=world.as_of)  # a phone photo of a light truck
    assert outcome.doc_type == "photo" and "photos" in outcome.cpu_seconds
    records, _, _ = driver.execute_query("""
        MATCH (e:Evidence {id: $id})
        OPTIONAL MATCH (e)-[:SUPPORTS]->(a:Asset)
        RETURN e.photo_class AS photo_class, collect(a.asset_class) AS classes""", id=outcome.evidence_id)
    photo_class = records[0]["photo_class"]  # None when the recogniser could not tell
    expected = [photo_class] if outcome.status == "verified" and photo_class else []
    assert records[0]["classes"] == expected


def test_a_born_digital_statement_is_verified_from_its_text_layer_and_says_so(
        driver: Driver, engine, statement_pdf, tmp_path: Path) -> None:
    from extractors.intake import Consent
    from extractors.intake.consent import FINANCIAL_ACCOUNTS

    world = load_tiny_world(driver)
    merchant, data = statement_pdf
    (tmp_path / "statement.pdf").write_bytes(data)
    consent = Consent(FINANCIAL_ACCOUNTS, "credit_limit_review", CONSENT.granted_at)
    outcome = EvidencePipeline(GraphFactSink(driver), engine=engine).process(
        tmp_path / "statement.pdf", merchant_id=merchant.merchant_id, consent=consent, submitted_at=SUBMITTED_AT,
        as_of=world.as_of)
    assert (outcome.doc_type, outcome.status, outcome.text_layer_pages) == ("bank_statement", "verified", (0, 1))
    records, _, _ = driver.execute_query("MATCH (e:Evidence {id: $id}) RETURN e.ocr_version AS v",
                                         id=outcome.evidence_id)
    assert records[0]["v"].endswith("pages 1-2 of 2 from the PDF's text layer")

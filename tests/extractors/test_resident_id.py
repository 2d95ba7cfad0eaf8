"""An owner's ID card through the real pipeline: matched to the registry's owner, stored as a Person
with the masked number only, and someone else's card refused."""
from __future__ import annotations

from pathlib import Path

from neo4j import Driver

from extractors.fields.records import mask_resident_id
from extractors.pipeline import EvidencePipeline
from graph.store import GraphFactSink
from tests.extractors.intake.seed_uploads import CONSENT, SUBMITTED_AT, load_tiny_world, render

CARD = "M0000009-E007"   # a sole trader's card, both sides photocopied on A4


def _everything_stored(driver: Driver) -> str:
    records, _, _ = driver.execute_query("MATCH (n) RETURN properties(n) AS p UNION ALL "
                                         "MATCH ()-[r]->() RETURN properties(r) AS p")
    return repr([r["p"] for r in records])


def test_an_id_card_proves_the_owner_and_only_its_masked_number_is_stored(driver: Driver, engine,
                                                                           tmp_path: Path) -> None:
    world = load_tiny_world(driver)
    owner = next(m for m in world.merchants if m.merchant_id == "M0000009").owner
    outcome = EvidencePipeline(GraphFactSink(driver), engine=engine).process(
        render(CARD, tmp_path), merchant_id="M0000009", consent=CONSENT, submitted_at=SUBMITTED_AT, as_of=world.as_of)
    assert (outcome.doc_type, outcome.status) == ("resident_id", "verified"), outcome.reasons
    records, _, _ = driver.execute_query(
        "MATCH (:Merchant {id: 'M0000009'})-[:OWNED_BY {key: 'id_card'}]->(p:Person) RETURN p", database_="neo4j")
    (person,) = [r["p"] for r in records]
    assert person["name"] == owner.name and person["resident_id_masked"] == mask_resident_id(owner.resident_id)
    assert owner.resident_id not in _everything_stored(driver)


def test_someone_elses_id_card_is_refused_and_writes_no_person(driver: Driver, engine, tmp_path: Path) -> None:
    world = load_tiny_world(driver)
    outcome = EvidencePipeline(GraphFactSink(driver), engine=engine).process(
        render(CARD, tmp_path), merchant_id="M0000002", consent=CONSENT, submitted_at=SUBMITTED_AT, as_of=world.as_of)
    assert outcome.status == "rejected" and "owner_identity_matches" in outcome.reasons, outcome.reasons
    records, _, _ = driver.execute_query(
        "MATCH (:Merchant {id: 'M0000002'})-[:OWNED_BY {key: 'id_card'}]->(p:Person) RETURN count(p) AS n")
    assert records[0]["n"] == 0

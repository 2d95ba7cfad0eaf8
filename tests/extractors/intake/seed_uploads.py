"""Rendered seed-world uploads and the graph they go into, for the pipeline, ingest and CLI tests."""
from __future__ import annotations

from datetime import datetime, timezone
from functools import lru_cache
from pathlib import Path

from neo4j import Driver

from api.demo.world_loader import load_world
from extractors.intake import Consent
from seed_data.render import render_evidence
from seed_data.world.generator import generate_world
from seed_data.world.records import World

CONSENT = Consent("business_documents", "credit_limit_review", datetime(2026, 6, 30, 8, tzinfo=timezone.utc))
SUBMITTED_AT = datetime(2026, 6, 30, 9, tzinfo=timezone.utc)


@lru_cache(maxsize=1)
def tiny_world() -> World:
    return generate_world(0, "tiny")


def load_tiny_world(driver: Driver) -> World:
    world = tiny_world()
    load_world(driver, world)
    return world


def render(evidence_id: str, folder: Path) -> Path:
    """Render one seed evidence item (``M0000000-E001``) into ``folder``; returns the image path."""
    world = tiny_world()
    merchant = next(m for m in world.merchants if evidence_id.startswith(m.merchant_id))
    item = next(i for i in merchant.evidence if i.evidence_id == evidence_id)
    return render_evidence(world, merchant, item, folder)


def graph_counts(driver: Driver) -> tuple[int, int]:
    records, _, _ = driver.execute_query(
        "MATCH (n) WITH count(n) AS n OPTIONAL MATCH ()-[r]->() RETURN n, count(r) AS r")
    return records[0]["n"], records[0]["r"]

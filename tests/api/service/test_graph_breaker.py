"""The circuit breaker against real drivers: one pointed at a port nobody listens on (Neo4j down), and
the session's server (Neo4j up)."""
from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from neo4j import Driver, GraphDatabase
from neo4j.exceptions import ServiceUnavailable

from api.service.consent_store import ConsentStore
from api.service.graph_breaker import GraphBreaker, GraphUnavailable
from api.service.ingestion import Ingestor
from tests.conftest import free_port


@pytest.fixture
def dead_driver() -> Iterator[Driver]:
    with GraphDatabase.driver(f"bolt://127.0.0.1:{free_port()}", auth=("neo4j", "x"), connection_timeout=0.5) as d:
        yield d


def _outage(dead_driver: Driver) -> ServiceUnavailable:
    with pytest.raises(ServiceUnavailable) as met:
        dead_driver.verify_connectivity()
    return met.value


def test_open_while_the_probe_fails_closed_once_it_answers(dead_driver: Driver, session_driver: Driver) -> None:
    down = GraphBreaker(dead_driver.verify_connectivity, probe_s=0.2)
    up = GraphBreaker(session_driver.verify_connectivity, probe_s=0.2)
    try:
        down.check()  # closed: nothing raised
        for breaker in (down, up):
            breaker.trip(_outage(dead_driver))
            with pytest.raises(GraphUnavailable) as refused:
                breaker.check()
            assert refused.value.retry_after_s == 1
        time.sleep(1.5)
        assert down.is_open and not up.is_open
        up.check()
    finally:
        down.stop()
        up.stop()


def test_an_upload_whose_turn_comes_while_neo4j_is_down_is_refused_before_its_ocr(
        tmp_path: Path, dead_driver: Driver, session_driver: Driver) -> None:
    breaker = GraphBreaker(dead_driver.verify_connectivity, probe_s=60)
    ingestor = Ingestor(session_driver, max_bytes=1_000_000, graph_ready=breaker.check)
    consent = ConsentStore(tmp_path / "consent.sqlite").grant("M1", scope="business_documents", purpose="review")
    breaker.trip(_outage(dead_driver))
    try:
        started = time.monotonic()
        with pytest.raises(GraphUnavailable):
            ingestor.ingest(tmp_path / "not-read.png", merchant_id="M1", consent=consent)  # never opened
        assert time.monotonic() - started < 0.5  # loading the OCR models alone takes seconds
    finally:
        breaker.stop()

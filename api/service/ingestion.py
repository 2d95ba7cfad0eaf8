"""Uploaded files through the extraction pipeline into the graph, under the merchant's consent.

One OCR engine per worker thread, loaded on its first upload and kept: loading PP-OCR's models costs
more than reading a page. How many uploads run at once is the upload worker pool's size
(``api/service/upload_workers.py``).
"""
from __future__ import annotations

import logging
import threading
from datetime import date
from collections.abc import Callable
from pathlib import Path

from neo4j import Driver

from api.service.consent_store import ConsentRecord
from api.service.graph_breaker import outage_in
from extractors.ingest import IngestFailure, ingest
from extractors.intake import Consent, IntakeError, IntakeLimits
from extractors.ocr import OcrEngine, default_engine
from extractors.pipeline import EvidenceOutcome
from graph.store.fact_sink import GraphFactSink


_log = logging.getLogger("api.service.ingestion")


class IngestRefused(ValueError):
    """The pipeline could not turn the file into evidence; the message says why."""


def _drop_frames(error: BaseException | None) -> None:
    """Free the stack frames a failure holds: they hold the decoded pages (tens to hundreds of MB), and
    exception, traceback and frames form a cycle that only the next garbage collection would break, so
    a burst of failing uploads would pile their pages up in memory meanwhile."""
    while error is not None:
        error.__traceback__ = None
        error = error.__cause__ or error.__context__


class Ingestor:
    """Args:
        graph_ready (Callable[[], None]): Raises while the graph is known to be down (the breaker's
            ``check``); asked again once an upload's turn comes, since uploads queue behind each other.
    """

    def __init__(self, driver: Driver, *, max_bytes: int, graph_ready: Callable[[], None], database: str = "neo4j",
                 as_of: date | None = None) -> None:
        self._sink = GraphFactSink(driver, database)
        self._graph_ready = graph_ready
        self._as_of = as_of
        self._limits = IntakeLimits(max_bytes=max_bytes)
        self._engines = threading.local()

    def ingest(self, path: Path, *, merchant_id: str, consent: ConsentRecord) -> EvidenceOutcome:
        """Extract, verify and write one file (all or nothing). Intake errors are raised as they are."""
        self._graph_ready()  # Neo4j went down while the upload waited: refused now, not after its OCR
        engine: OcrEngine | None = getattr(self._engines, "engine", None)
        if engine is None:
            engine = self._engines.engine = default_engine(threads=1)
        (result,) = ingest([path], merchant_id=merchant_id, sink=self._sink, engine=engine,
                           limits=self._limits, as_of=self._as_of,
                           consent=Consent(consent.scope, consent.purpose, consent.granted_at))
        if isinstance(result, IngestFailure):
            outage = outage_in(result.error)
            if outage is not None:  # Neo4j went away mid-upload: a 503 and the breaker, not the file's fault
                raise outage
            if not isinstance(result.error, IntakeError):  # intake's refusals are the caller's; others are ours
                _log.warning("ingest of %s failed", result.source, exc_info=result.error)
            _drop_frames(result.error)
            if isinstance(result.error, IntakeError):
                raise result.error
            raise IngestRefused(f"{result.source}: {result.message}") from result.error
        return result

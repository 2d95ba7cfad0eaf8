"""``ingest``: many uploads of one merchant, one at a time; a bad file is reported, the rest go on.

The same as ``bailing ingest``, for Python callers (a batch job, a notebook, the scoring API's worker).
"""
from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from extractors.intake import Consent, IntakeLimits
from extractors.ocr import OcrEngine
from extractors.pipeline import EvidenceOutcome, EvidencePipeline
from extractors.sink import FactSink


@dataclass(frozen=True, slots=True)
class IngestFailure:
    """A file that was not stored; ``error`` is the typed exception (an ``IntakeError`` for a refused file)."""

    source: str
    error: Exception

    @property
    def kind(self) -> str:
        return type(self.error).__name__

    @property
    def message(self) -> str:
        return str(self.error)


Result = EvidenceOutcome | IngestFailure


def ingest(paths: Iterable[str | os.PathLike[str]], *, merchant_id: str, consent: Consent, sink: FactSink,
           engine: OcrEngine | None = None, progress: Callable[[Result], None] | None = None,
           limits: IntakeLimits = IntakeLimits(), submitted_at: datetime | None = None,
           as_of: date | None = None) -> tuple[Result, ...]:
    """Process each file in order and return one result per file, in the same order.

    Args:
        paths: The files to ingest.
        merchant_id: The submitting merchant (must be registered; checked before any file is read).
        consent: The consent the files were uploaded under, recorded on every Evidence node.
        sink: Where evidence goes (``graph.store.GraphFactSink``).
        engine: OCR engine (default: RapidOCR with one thread, loaded on the first readable file).
        progress: Called with each result as it is ready (default: none), e.g. to advance a bar.
        limits: Upload limits (default: ``IntakeLimits()``).
        submitted_at: Upload time recorded on each evidence (default: now, per file; on ``as_of``'s day
            when that is given).
        as_of: Day validity is judged on (default: the upload day).
    """
    paths = list(paths)
    if paths:
        # An unregistered merchant is the caller's mistake, not one per file: say so once, up front.
        sink.context(merchant_id, as_of=as_of or date.today())
    pipeline = EvidencePipeline(sink, engine=engine, limits=limits)
    results: list[Result] = []
    for path in paths:
        result: Result
        try:
            result = pipeline.process(path, merchant_id=merchant_id, consent=consent, submitted_at=submitted_at,
                                      as_of=as_of)
        except Exception as error:  # one file's failure, whatever it is, must not stop the others
            result = IngestFailure(Path(path).name or str(path), error)
        results.append(result)
        if progress is not None:
            progress(result)
    return tuple(results)

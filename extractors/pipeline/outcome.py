"""What the pipeline reports for each upload: what it was, whether it passed, what it wrote, what it cost."""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class EvidenceOutcome:
    """One upload, processed and stored.

    ``status`` is the Evidence node's: ``verified`` (its facts were written), ``rejected`` (stored with
    its ``reasons``, no facts) or ``unknown`` (not recognised, or not verifiable yet: no facts).
    ``cpu_seconds`` maps each stage (``intake``, ``ocr``, ``classify``, ``fields``, ``photos``,
    ``verify``, ``facts``, ``write``) that ran to the process CPU time it took. ``text_layer_pages``
    are the pages (from 0) read from the PDF's own text layer, which agreed with the pixels, not by OCR.
    """

    source: str
    evidence_id: str
    merchant_id: str
    doc_type: str
    confidence: float
    status: str
    authenticity: float
    reasons: tuple[str, ...]
    nodes_written: int
    relationships_written: int
    pages: int
    cpu_seconds: Mapping[str, float] = field(default_factory=dict)
    text_layer_pages: tuple[int, ...] = ()

    @property
    def total_cpu_seconds(self) -> float:
        return sum(self.cpu_seconds.values())

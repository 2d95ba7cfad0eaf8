"""The extraction pipeline: one upload in, one evidence with its facts out through a ``FactSink``."""
from extractors.pipeline.ids import evidence_id
from extractors.pipeline.outcome import EvidenceOutcome
from extractors.pipeline.pipeline import EvidencePipeline

__all__ = ["EvidenceOutcome", "EvidencePipeline", "evidence_id"]

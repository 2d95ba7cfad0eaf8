"""What a credit decision says: the record the API returns and the audit log keeps."""
from __future__ import annotations

from dataclasses import dataclass

DECISIONS: tuple[str, ...] = ("approve_uplift", "no_change", "decline_review")


@dataclass(frozen=True, slots=True)
class Reason:
    code: str            # rule id (e.g. "R-FREIGHT-ASSETS") or model attribution ("model:<feature>")
    effect: str          # "raise" | "cap" | "lower" | "flag" | "ask" | "model"
    text_zh: str
    text_en: str
    fired: bool          # a rule that was evaluated and did not fire is reported with fired=False
    amount_cny: float | None = None
    evidence_ids: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class NextEvidence:
    doc_type: str                   # SPEC §5 code or "photo:<asset class>"
    expected_uplift_cny: float
    text_zh: str
    text_en: str


@dataclass(frozen=True, slots=True)
class Decision:
    merchant_id: str
    decision: str                   # one of DECISIONS
    base_limit_cny: float
    uplift_cny: float
    new_limit_cny: float
    confidence: float               # 0..1
    reasons: tuple[Reason, ...]
    evidence_used: tuple[str, ...]
    next_best_evidence: tuple[NextEvidence, ...]
    review: bool
    review_reasons: tuple[str, ...]
    ontology_version: str
    model_version: str
    as_of: str                      # ISO date the decision was taken for

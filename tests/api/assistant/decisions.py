"""Decision records as the decision layer returns them, for the pure dialogue functions under test."""
from reasoning.decision import Decision, NextEvidence, Reason


def decision_with(*items: tuple[str, float], base: float = 100_000, uplift: float = 0,
                  reasons: tuple[Reason, ...] = ()) -> Decision:
    return Decision(
        merchant_id="M1", decision="approve_uplift" if uplift else "no_change", base_limit_cny=base,
        uplift_cny=uplift, new_limit_cny=base + uplift, confidence=0.8, reasons=reasons, evidence_used=(),
        next_best_evidence=tuple(NextEvidence(code, value, f"上传{code}", f"upload {code}") for code, value in items),
        review=False, review_reasons=(), ontology_version="test", model_version="test", as_of="2026-06-30")

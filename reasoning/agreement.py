"""Agreement with expert review: the same decision, and for an uplift, one inside the expert's band."""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from reasoning.decision import Decision
from reasoning.labels import ReviewLabel


def agrees(decision: Decision, label: ReviewLabel) -> bool:
    if decision.decision != label.decision:
        return False
    if label.decision != "approve_uplift":
        return True
    return label.uplift_lo_cny <= decision.uplift_cny <= label.uplift_hi_cny


@dataclass(frozen=True, slots=True)
class AgreementReport:
    n: int
    agreement: float
    by_industry: dict[str, tuple[int, float]]      # industry code -> (n, agreement)
    by_decision: dict[str, tuple[int, float]]      # expert decision -> (n, agreement)
    confusion: dict[tuple[str, str], int]          # (expert, engine) -> count


def agreement_report(pairs: Iterable[tuple[Decision, ReviewLabel, str]]) -> AgreementReport:
    """``pairs``: (engine decision, expert label, industry code)."""
    hits: dict[str, list[int]] = defaultdict(list)
    by_dec: dict[str, list[int]] = defaultdict(list)
    confusion: dict[tuple[str, str], int] = defaultdict(int)
    total = []
    for decision, label, industry in pairs:
        ok = int(agrees(decision, label))
        total.append(ok)
        hits[industry].append(ok)
        by_dec[label.decision].append(ok)
        confusion[(label.decision, decision.decision)] += 1
    def rate(xs: list[int]) -> tuple[int, float]:
        return len(xs), (sum(xs) / len(xs) if xs else 0.0)
    return AgreementReport(len(total), rate(total)[1], {k: rate(v) for k, v in sorted(hits.items())},
                           {k: rate(v) for k, v in sorted(by_dec.items())}, dict(confusion))


@dataclass(frozen=True, slots=True)
class PanelAgreement:
    """Agreement with a review panel on the same merchants. ``majority``: the share of decisions a
    majority of the officers would accept (each by ``agrees``); ``between_officers``: how often one
    officer's own decision (the middle of its band for an uplift) agrees with another's label, over
    ordered pairs: the level a panel reaches with itself."""

    n: int
    by_officer: dict[str, float]
    majority: float
    between_officers: float


def officer_decision(label: ReviewLabel) -> Decision:
    """What an officer grants: its decision, and for an uplift the middle of its own band."""
    uplift = (label.uplift_lo_cny + label.uplift_hi_cny) / 2 if label.decision == "approve_uplift" else 0.0
    return Decision(merchant_id=label.merchant_id, decision=label.decision, base_limit_cny=0.0, uplift_cny=uplift,
                    new_limit_cny=uplift, confidence=1.0, reasons=(), evidence_used=(), next_best_evidence=(),
                    review=False, review_reasons=(), ontology_version="", model_version="", as_of="")


def panel_agreement(decisions: Iterable[Decision], panel: dict[str, dict[str, ReviewLabel]]) -> PanelAgreement:
    """``panel``: officer → merchant id → label (``reasoning.labels.read_panel``); merchants some
    officer did not review are left out."""
    officers = sorted(panel)
    scored = [d for d in decisions if all(d.merchant_id in panel[o] for o in officers)]
    votes = [[agrees(d, panel[o][d.merchant_id]) for o in officers] for d in scored]
    pairs = [agrees(officer_decision(panel[a][d.merchant_id]), panel[b][d.merchant_id])
             for d in scored for a in officers for b in officers if a != b]
    n = len(scored)
    return PanelAgreement(
        n, {o: (sum(v[k] for v in votes) / n if n else 0.0) for k, o in enumerate(officers)},
        sum(1 for v in votes if 2 * sum(v) > len(officers)) / n if n else 0.0,
        sum(pairs) / len(pairs) if pairs else 0.0)

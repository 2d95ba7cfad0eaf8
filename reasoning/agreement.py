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

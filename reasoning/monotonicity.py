"""Checking "more verified honest evidence never lowers the limit" on real merchants.

For a merchant and one of its verified evidence items (other than evidence of a debt, which lowers
the limit by design: ``discloses_debt``), the *without* view is the merchant as if that
item had never been submitted: the Evidence node and every node and relationship supported by it
alone are dropped from the subgraph, and facts and features are rebuilt from what is left. A
violation is a limit (model or decision) with the item lower than without it.

Training uses the model-level check to decide whether a candidate may be chosen at all; the tests
use the decision-level check (rules and policy included).
"""
from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

import numpy as np

from reasoning.dataset import MerchantView, view_of
from reasoning.models.capacity import CapacityModel

TOLERANCE_CNY = 1.0


@dataclass(frozen=True, slots=True)
class MonotonicityReport:
    checked: int          # (merchant, verified item) pairs
    violations: int
    worst_cny: float      # largest drop from adding an item (0 when none)


def without_evidence(view: MerchantView, evidence_id: str, industries: tuple[str, ...]) -> MerchantView:
    sub = view.subgraph
    only = (evidence_id,)
    nodes = tuple(n for n in sub.nodes if n.id != evidence_id and tuple(n.evidence_ids) != only)
    kept = {n.ref for n in nodes}
    rels = tuple(r for r in sub.relationships
                 if tuple(r.evidence_ids) != only and r.start in kept and r.end in kept)
    return view_of(replace(sub, nodes=nodes, relationships=rels), as_of=view.facts.as_of, industries=industries)


def discloses_debt(view: MerchantView, evidence_id: str) -> bool:
    """Whether the item proves a claim on the merchant's assets (a vehicle mortgage): such honest
    evidence lowers the limit by design, so it is outside "more evidence never lowers the limit"."""
    return any(evidence_id in n.evidence_ids and n.properties.get("lien_active") is True
               for n in view.subgraph.nodes)


def honest_items(view: MerchantView) -> list[str]:
    """Verified items of ``view`` that add capacity or nothing (every verified item but evidence of a debt)."""
    return [e.evidence_id for e in view.facts.evidence
            if e.status == "verified" and not discloses_debt(view, e.evidence_id)]


def model_monotonicity(model: CapacityModel, views: Sequence[MerchantView]) -> MonotonicityReport:
    checked = violations = 0
    worst = 0.0
    for view in views:
        items = honest_items(view)
        if not items:
            continue
        others = [without_evidence(view, e, model.industries) for e in items]
        limits = model.predict_limit([view, *others])
        drops = limits[1:] - limits[0]
        checked += len(items)
        violations += int((drops > TOLERANCE_CNY).sum())
        worst = max(worst, float(drops.max(initial=0.0)))
    return MonotonicityReport(checked, violations, worst)


def decision_monotonicity(decide_view: Callable[[MerchantView], float], views: Sequence[MerchantView],
                          industries: tuple[str, ...]) -> MonotonicityReport:
    """``decide_view`` maps a view to its decided new limit."""
    checked = violations = 0
    worst = 0.0
    for view in views:
        here = decide_view(view)
        for e in honest_items(view):
            drop = decide_view(without_evidence(view, e, industries)) - here
            checked += 1
            if drop > TOLERANCE_CNY:
                violations += 1
                worst = max(worst, float(drop))
    return MonotonicityReport(checked, violations, float(np.round(worst, 2)))

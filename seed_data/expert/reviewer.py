"""The expert reviewer: how an experienced credit officer would decide each case, with stated noise.

It stands in for the human review the engine is compared against (SPEC §1: 80% agreement with human
credit review). It shares no code with ``reasoning/`` and reads only the seed world's records. Its
judgement rules, in order:

1. **Fraud.** The officer inspects every submitted item; each fraudulent item is caught with
   probability ``DETECTION_RATE`` (0.9). Any caught item → ``decline_review``, uplift band (0, 0).
2. **Estimate.** Otherwise the officer forms a view of the sustainable limit: the true limit seen
   through an officer's error, × lognormal(0, ``ESTIMATE_SIGMA`` = 0.15). Undetected fraud goes
   unnoticed, so the view is the honest one.
3. **Decide.** uplift = view − base limit. If uplift < max(5 000, 10% of base) → ``no_change``, band
   (0, 0); else ``approve_uplift`` with band (0.8 × uplift, 1.2 × uplift), rounded to 1 000 CNY and
   keeping the new limit within 3 000 000.
4. **Noise.** With probability ``LABEL_NOISE`` (0.05) the recorded decision is replaced by another
   decision drawn uniformly (an inconsistent reviewer); the band follows the recorded decision (a
   noisy ``approve_uplift`` keeps the band of step 3 computed as if approving, at least 5 000).

Decisions: ``approve_uplift`` (raise the limit within the band), ``no_change`` (evidence does not
justify a change), ``decline_review`` (suspected fraud: no uplift, a person must look).
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from seed_data.world.records import DECISIONS, Merchant, World

DETECTION_RATE = 0.9
ESTIMATE_SIGMA = 0.15
LABEL_NOISE = 0.05
MIN_UPLIFT_CNY = 5_000
MAX_LIMIT_CNY = 3_000_000


@dataclass(frozen=True, slots=True)
class ExpertLabel:
    merchant_id: str
    split: str
    decision: str                # one of DECISIONS
    uplift_lo_cny: int
    uplift_hi_cny: int


def _round_1000(x: float) -> int:
    return int(round(x / 1000.0)) * 1000


def review(seed: int, index: int, merchant: Merchant) -> ExpertLabel:
    """Label one merchant; ``index`` keys the reviewer's own random stream (seed, 5, index)."""
    rng = np.random.default_rng([seed, 5, index])
    frauds = [e for e in merchant.evidence if e.fraud_kind is not None]
    caught = bool(frauds) and bool((rng.random(len(frauds)) < DETECTION_RATE).any())
    view = merchant.true_limit_cny * rng.lognormal(0.0, ESTIMATE_SIGMA)
    base = merchant.others.base_limit_cny
    uplift = min(view, MAX_LIMIT_CNY) - base
    lo = max(MIN_UPLIFT_CNY, _round_1000(0.8 * uplift))
    hi = max(lo, min(_round_1000(1.2 * uplift), MAX_LIMIT_CNY - base))
    if caught:
        decision = "decline_review"
    elif uplift < max(MIN_UPLIFT_CNY, 0.1 * base):
        decision = "no_change"
    else:
        decision = "approve_uplift"
    if rng.random() < LABEL_NOISE:
        others = [d for d in DECISIONS if d != decision]
        decision = others[int(rng.integers(len(others)))]
    band = (lo, hi) if decision == "approve_uplift" else (0, 0)
    return ExpertLabel(merchant.merchant_id, merchant.split, decision, *band)


def review_world(world: World) -> tuple[ExpertLabel, ...]:
    return tuple(review(world.seed, i, m) for i, m in enumerate(world.merchants))

"""A review panel: three credit officers who judge each case from what a real officer sees.

It replaces a single reviewer who looked through the hidden true limit with an error: two copies of it
agreed with each other 45% of the time, and no engine reading evidence could follow it. Real officers
agree far more because they look at the same file and apply the same policy; they differ in judgement
and appetite, not in what they see. Each officer here:

1. **Sees** what the bank's file holds (SPEC §1): the registry (bureau score, overdue count, the base
   limit), the trade (GB/T 4754 class: its typical margin range and cash cycle), and the evidence as
   printed: the bank statement's six months of inflows (tampered if it was), the assets that some
   submitted item shows (a photo, a 行驶证, a 登记证书, a 不动产权证书) and a mortgage the 登记证书 shows.
   Never the true revenue, margin, asset values or true limit.
2. **Catches fraud** item by item with the officer's ``detection`` rate; one caught item →
   ``decline_review``, no range.
3. **Judges** the sustainable limit with the bank's policy (the same three parts as
   ``seed_data.world.limits``): revenue = the statement's six months × 2, misjudged by
   lognormal(0, ``revenue_sigma``) (seasonality, transfers among the inflows); margin = the middle of
   the trade's range; cash cycle = the trade's; each evidenced asset valued with
   lognormal(0, ``asset_sigma``) × the class's haircut, a mortgaged vehicle counted at half (the balance
   is printed nowhere); risk from the registry; all × the officer's ``appetite``.
4. **Decides**: uplift = view − base limit; below max(5 000, 10% of base) → ``no_change``; otherwise
   ``approve_uplift`` with the *new limit* range view × (1 ± ``tolerance``), the officer's own stated
   uncertainty, rounded to 1 000 CNY within 3 000 000.
5. **Slips** with probability ``slip``: the recorded decision is another one, drawn uniformly (an
   approve slip keeps the range its view gives, at least 5 000 over base).

The officers' parameters are assumptions, documented with their reasons in ``seed_data/README.md``
("The review panel"), and calibrated once so that officer-vs-officer agreement lands where controlled
comparisons of credit officers put it (80–90%). They are not to be changed to suit the engine.

Streams: officer ``k`` reviews merchant ``i`` with ``default_rng([seed, 6, k, i])``; the labelling
officer of merchant ``i`` is drawn from ``default_rng([seed, 7, i])``.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from seed_data.world.assets import ASSET_CLASSES
from seed_data.world.limits import MAX_LIMIT, MIN_LIMIT, risk_factor
from seed_data.world.records import DECISIONS, Industry, Merchant, World

MIN_UPLIFT_CNY = 5_000
ASSET_EVIDENCE = frozenset({"photo", "vehicle_licence", "vehicle_registration", "property_certificate"})
MORTGAGED_SHARE = 0.5        # a vehicle whose 登记证书 shows an unreleased mortgage counts at half


@dataclass(frozen=True, slots=True)
class Officer:
    name: str
    appetite: float          # × the policy's limit: below 1 conservative, above 1 liberal
    revenue_sigma: float     # judgement error of annual revenue from six months of statement
    asset_sigma: float       # valuation error per asset
    tolerance: float         # ± share of the view the officer would accept as the new limit
    detection: float         # chance of catching each fraudulent item
    slip: float              # chance the recorded decision is another one


PANEL: tuple[Officer, ...] = (
    Officer("officer_a", appetite=0.95, revenue_sigma=0.06, asset_sigma=0.15, tolerance=0.20, detection=0.92, slip=0.02),
    Officer("officer_b", appetite=1.00, revenue_sigma=0.06, asset_sigma=0.15, tolerance=0.20, detection=0.90, slip=0.02),
    Officer("officer_c", appetite=1.05, revenue_sigma=0.06, asset_sigma=0.15, tolerance=0.20, detection=0.88, slip=0.02),
)


@dataclass(frozen=True, slots=True)
class PanelLabel:
    """One officer's review of one merchant, in the shape of ``labels_*.jsonl`` (uplift band over the
    base limit) plus the officer and the new-limit range it came from."""

    merchant_id: str
    split: str
    officer: str
    decision: str                # one of DECISIONS
    uplift_lo_cny: int
    uplift_hi_cny: int
    view_cny: int                # the officer's own view of the sustainable limit (0 when fraud was caught)


def _round_1000(x: float) -> int:
    return int(round(x / 1000.0)) * 1000


def _evidenced_assets(merchant: Merchant, rng: np.random.Generator, sigma: float) -> float:
    """Σ judged value × haircut over the assets some submitted item shows."""
    shown = {e.asset_id for e in merchant.evidence if e.doc_type in ASSET_EVIDENCE and e.asset_id}
    registered = {e.asset_id for e in merchant.evidence if e.doc_type == "vehicle_registration"}
    total = 0.0
    for asset in merchant.assets:
        if asset.asset_id not in shown:
            continue
        value = asset.value_cny * float(rng.lognormal(0.0, sigma)) * ASSET_CLASSES[asset.asset_class].haircut
        if asset.asset_id in registered and asset.lien_holder and asset.lien_released is None:
            value *= MORTGAGED_SHARE
        total += value
    return total


def officer_view(officer: Officer, merchant: Merchant, industry: Industry, rng: np.random.Generator) -> float:
    """The officer's view of the sustainable limit from the file, before rounding and the decision."""
    statement = next(e for e in merchant.evidence if e.doc_type == "bank_statement")
    revenue = 2.0 * float(statement.amount_cny or 0) * float(rng.lognormal(0.0, officer.revenue_sigma))
    margin = sum(industry.gross_margin) / 2.0
    cycle = min(max(industry.cash_cycle_days, 0), 180)
    flow = 2.0 * revenue * margin / 12.0
    working = 0.5 * revenue * (1.0 - margin) * cycle / 365.0
    assets = 0.5 * _evidenced_assets(merchant, rng, officer.asset_sigma)
    risk = float(risk_factor(merchant.others.bureau_score, merchant.others.overdue_count_24m))
    return float(np.clip((flow + working + assets) * risk * officer.appetite, MIN_LIMIT, MAX_LIMIT))


def review_by(officer_index: int, seed: int, index: int, merchant: Merchant, industry: Industry) -> PanelLabel:
    officer = PANEL[officer_index]
    rng = np.random.default_rng([seed, 6, officer_index, index])
    frauds = sum(1 for e in merchant.evidence if e.fraud_kind is not None)
    caught = frauds > 0 and bool((rng.random(frauds) < officer.detection).any())
    view = officer_view(officer, merchant, industry, rng)
    base = merchant.others.base_limit_cny
    lo = max(base + MIN_UPLIFT_CNY, _round_1000(view * (1.0 - officer.tolerance)))
    hi = max(lo, min(_round_1000(view * (1.0 + officer.tolerance)), MAX_LIMIT))
    if caught:
        decision = "decline_review"
    elif view - base < max(MIN_UPLIFT_CNY, 0.1 * base):
        decision = "no_change"
    else:
        decision = "approve_uplift"
    if rng.random() < officer.slip:
        others = [d for d in DECISIONS if d != decision]
        decision = others[int(rng.integers(len(others)))]
    band = (lo - base, hi - base) if decision == "approve_uplift" else (0, 0)
    return PanelLabel(merchant.merchant_id, merchant.split, officer.name, decision, *band,
                      0 if caught else _round_1000(view))


def panel_review(world: World) -> tuple[tuple[PanelLabel, ...], ...]:
    """Every officer's label of every merchant: one tuple per merchant, in ``PANEL`` order."""
    industries = {ind.code: ind for ind in world.industries}
    return tuple(tuple(review_by(k, world.seed, i, m, industries[m.industry_code]) for k in range(len(PANEL)))
                 for i, m in enumerate(world.merchants))


def labelling_officer(seed: int, index: int) -> int:
    """The one officer whose review a bank would hold for merchant ``index`` (cases are assigned at random)."""
    return int(np.random.default_rng([seed, 7, index]).integers(len(PANEL)))

"""Vectorised draws of every merchant's core figures: one numpy array per column.

Both the detailed worlds (tiny, demo) and the 1M-merchant ``scale`` world start here, so the economy
has the same shape at every size; only the detail built on top differs.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from seed_data.world.records import Industry

FRAUD_RATE = 0.10
OWNS_PREMISES_SHARE = 0.15  # assumption: most micro merchants rent their shop or yard
COMPANY_SHARE = 0.4        # assumption: most micro merchants are sole traders (个体工商户)
# assumption: how common each trade is among micro merchants seeking credit; retail and catering
# dominate, as in MYbank's merchant base; any industry not listed has weight 1.
INDUSTRY_WEIGHTS: dict[str, float] = {
    "5212": 3, "5213": 4, "6210": 3, "6220": 3, "6291": 3, "5431": 3, "5437": 2, "6020": 1.5,
    "5232": 2.5, "8111": 2, "8040": 2, "5292": 2, "5123": 2, "5124": 1.5, "5165": 1.5,
}
_Z90 = 1.2816   # standard-normal 90th percentile: turns a p10..p90 range into a lognormal sigma


@dataclass(frozen=True, slots=True)
class Population:
    """Column arrays, one row per merchant, in merchant order (index i is merchant M{i:07d})."""

    industry: np.ndarray        # int: index into the industries tuple
    region: np.ndarray          # int: index into the sorted prefecture codes
    company: np.ndarray         # bool: company (有限公司) rather than sole trader
    annual_revenue: np.ndarray  # float CNY, the level at the start of the 24 months
    growth: np.ndarray          # float yearly growth rate
    margin: np.ndarray          # float gross margin
    bureau_score: np.ndarray    # int 300..900
    overdue: np.ndarray         # int overdue events in 24 months
    visibility: np.ndarray      # float share of inflows on the bank's own rails
    age_years: np.ndarray       # float years since founding
    owns_premises: np.ndarray   # bool: owns its premises (else rents from a landlord party)
    fraud: np.ndarray           # bool: this merchant will try fraud

    def __len__(self) -> int:
        return len(self.industry)


def draw_population(seed: int, n: int, industries: tuple[Industry, ...], n_regions: int) -> Population:
    rng = np.random.default_rng([seed, 0])
    weights = np.array([INDUSTRY_WEIGHTS.get(i.code, 1.0) for i in industries])
    industry = rng.choice(len(industries), size=n, p=weights / weights.sum())
    lo = np.log(np.array([i.annual_revenue_cny[0] for i in industries], dtype=float))[industry]
    hi = np.log(np.array([i.annual_revenue_cny[1] for i in industries], dtype=float))[industry]
    annual_revenue = np.exp(rng.normal((lo + hi) / 2, (hi - lo) / (2 * _Z90)))
    m_lo = np.array([i.gross_margin[0] for i in industries])[industry]
    m_hi = np.array([i.gross_margin[1] for i in industries])[industry]
    score = np.clip(np.round(rng.normal(660, 70, size=n)), 300, 900).astype(np.int64)
    # worse scores go with more overdue events: a Poisson rate falling with the score
    overdue = rng.poisson(np.clip((700 - score) / 120, 0.05, 3.0)).astype(np.int64)
    fraud = np.zeros(n, dtype=bool)
    fraud[rng.choice(n, size=int(round(FRAUD_RATE * n)), replace=False)] = True
    return Population(
        industry=industry,
        region=rng.integers(0, n_regions, size=n),
        company=rng.random(n) < COMPANY_SHARE,
        annual_revenue=annual_revenue,
        growth=rng.normal(0.05, 0.15, size=n),
        margin=rng.uniform(m_lo, m_hi),
        bureau_score=score,
        overdue=overdue,
        visibility=rng.uniform(0.15, 0.6, size=n),
        age_years=rng.uniform(1.0, 15.0, size=n),
        owns_premises=rng.random(n) < OWNS_PREMISES_SHARE,
        fraud=fraud,
    )

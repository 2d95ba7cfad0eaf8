"""The TRUE sustainable credit limit and the bank's base limit: explicit, vectorised formulas.

The true limit is what a careful lender who could see the whole business would extend: the hidden
target the engine should approach from evidence. Three parts, each a capacity the business really has:

    L_flow   = 2 × average monthly gross profit over the last 12 months
               (a limit the business can service from two months of gross profit)
    L_cycle  = ½ × trailing-12-month cost of sales × clip(cash_cycle_days, 0, 180) / 365
               (half the working capital its cash-conversion cycle ties up)
    L_assets = ½ × Σ asset value × haircut(asset class)
               (lendable value of what it owns; half, because nothing is pledged)
    risk     = clip((bureau_score − 450) / 300, 0.3, 1.0) × 0.85 ^ overdue_count_24m
    true_limit = round_1000(clip((L_flow + L_cycle + L_assets) × risk, 10 000, 3 000 000))

The base limit is what the bank grants from others' data alone (他证): it sees only the share of
inflows on its own rails and the bureau record, so it usually sits below the true limit; the gap is
what verified self-proof can justify.

    base_limit = round_1000(clip(1.5 × visible monthly inflow × risk, 5 000, 300 000))
"""
from __future__ import annotations

import numpy as np

MIN_LIMIT, MAX_LIMIT = 10_000, 3_000_000
MIN_BASE, MAX_BASE = 5_000, 300_000


def risk_factor(bureau_score: np.ndarray, overdue_count: np.ndarray) -> np.ndarray:
    score = np.clip((np.asarray(bureau_score, dtype=float) - 450.0) / 300.0, 0.3, 1.0)
    return score * np.power(0.85, np.asarray(overdue_count, dtype=float))


def _round_1000(x: np.ndarray) -> np.ndarray:
    return (np.round(np.asarray(x, dtype=float) / 1000.0) * 1000).astype(np.int64)


def true_limit(trailing_revenue: np.ndarray, gross_margin: np.ndarray, cash_cycle_days: np.ndarray,
               lendable_assets: np.ndarray, bureau_score: np.ndarray, overdue_count: np.ndarray) -> np.ndarray:
    """Vectorised over merchants; ``lendable_assets`` is Σ value × haircut (before the ½)."""
    revenue = np.asarray(trailing_revenue, dtype=float)
    margin = np.asarray(gross_margin, dtype=float)
    l_flow = 2.0 * revenue * margin / 12.0
    l_cycle = 0.5 * revenue * (1.0 - margin) * np.clip(cash_cycle_days, 0, 180) / 365.0
    l_assets = 0.5 * np.asarray(lendable_assets, dtype=float)
    raw = (l_flow + l_cycle + l_assets) * risk_factor(bureau_score, overdue_count)
    return _round_1000(np.clip(raw, MIN_LIMIT, MAX_LIMIT))


def base_limit(visible_monthly_inflow: np.ndarray, bureau_score: np.ndarray, overdue_count: np.ndarray) -> np.ndarray:
    raw = 1.5 * np.asarray(visible_monthly_inflow, dtype=float) * risk_factor(bureau_score, overdue_count)
    return _round_1000(np.clip(raw, MIN_BASE, MAX_BASE))

"""Which uplift to grant, given the model's estimate and how wrong the model tends to be.

An officer who approves states a range for the new limit around its own view V of the limit:
[(1 − h)·V, (1 + h)·V] (h is learned from the training labels: 0.2 on the seed world). The model's
estimate is a median of the officer's view, V = estimate × exp(ε), with ε ~ N(0, σ²) and σ measured on
validation residuals. Granting the median is not the best bet: the range's edges sit at different
distances in log space, and the uplift x is what is left over the base. The uplift x that is most
likely to put the new limit inside the range maximises

    P((base + x) / (1 + h) ≤ V ≤ (base + x) / (1 − h)),

and an uplift is granted at all only when that probability beats the chance that the officer sees
no case for a change (V − base below the no-change threshold).

Why it stays monotone in evidence: for a fixed base the candidates are one fixed grid, and the range
probability has increasing differences in (x, log estimate) — a normal location family in log V,
whose window [log(base + x) − log(1 + h), log(base + x) − log(1 − h)] moves up with x — so the best x
never falls as the estimate rises, and the approve region is an upper set of estimates (checked in
``tests/reasoning/test_uplift_point.py``).
"""
from __future__ import annotations

import math

import numpy as np
from scipy.special import ndtr

GRID_STEP = 1.01        # candidates 1% apart: finer than the CNY 1,000 rounding for uplifts above 100k


GRID_POINTS = int(math.ceil(math.log(600) / math.log(GRID_STEP))) + 1   # CNY 5,000 to the 3M ceiling


def best_uplifts(limit_cny: np.ndarray, base_cny: np.ndarray, *, threshold_cny: np.ndarray, ceiling_cny: np.ndarray,
                 log_sd: float, band_half_width: float) -> np.ndarray:
    """``best_uplift`` over arrays (one row per merchant), for bulk re-scoring."""
    limit, base = np.asarray(limit_cny, dtype=np.float64), np.asarray(base_cny, dtype=np.float64)
    threshold, ceiling = np.asarray(threshold_cny, dtype=np.float64), np.asarray(ceiling_cny, dtype=np.float64)
    median = np.minimum(limit, base + ceiling) - base
    if log_sd <= 0:
        return np.where(median >= threshold, median, 0.0)
    mu = np.log(np.maximum(limit, 1.0))[:, None]
    top = np.maximum(ceiling, threshold)[:, None]
    x = np.minimum(threshold[:, None] * GRID_STEP ** np.arange(GRID_POINTS), top)
    b = base[:, None]
    inside = (ndtr((np.log((b + x) / (1 - band_half_width)) - mu) / log_sd)
              - ndtr((np.log((b + x) / (1 + band_half_width)) - mu) / log_sd))
    best = np.argmax(inside, axis=1)
    rows = np.arange(len(limit))
    keep = ndtr((np.log(base + threshold) - mu[:, 0]) / log_sd)
    return np.where((inside[rows, best] > keep) & (limit > 0), x[rows, best], 0.0)


def best_uplift(limit_cny: float, base_cny: float, *, threshold_cny: float, ceiling_cny: float, log_sd: float,
                band_half_width: float) -> float:
    """The uplift most likely to land the new limit inside the officer's range, or 0 when no change is the
    better bet.

    Args:
        limit_cny (float): the model's median estimate of the officer's view of the limit.
        base_cny (float): the base limit.
        threshold_cny (float): the smallest uplift worth a decision (at least CNY 5,000).
        ceiling_cny (float): the largest uplift allowed (maximum limit − base).
        log_sd (float): σ of the model's log error; 0 grants the median uplift itself.
        band_half_width (float): h of the officer's range, relative to its view of the limit.
    """
    return float(best_uplifts(np.asarray([limit_cny]), np.asarray([base_cny]), threshold_cny=np.asarray([threshold_cny]),
                              ceiling_cny=np.asarray([ceiling_cny]), log_sd=log_sd,
                              band_half_width=band_half_width)[0])

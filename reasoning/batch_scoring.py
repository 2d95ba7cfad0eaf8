"""Bulk re-scoring: the model and the policy's numeric core over a whole feature matrix at once.

The per-merchant path (``reasoning.scoring``) evaluates the expert rules one merchant at a time, which
is what explanations need and costs about a millisecond or more per merchant. Re-scoring a portfolio
after a model or ontology release needs throughput instead: features arrive as a matrix (from a
graph export, not one Cypher read per merchant), the model predicts every row in one call, and the
policy's numeric steps (fraud gate, the uplift point, limit ceiling, per-row caps, the no-change threshold, rounding)
run as numpy array operations. Rows whose decision would change go on to the per-merchant path for
their reasons; bench/batch_rescoring.py measures this and reasoning/README.md writes down the path
to tens of millions of merchants.
"""
from __future__ import annotations

import numpy as np

from reasoning.models.capacity import FEATURE_ONLY, CapacityModel
from reasoning.policy import MAX_LIMIT_CNY, MIN_UPLIFT_CNY, MIN_UPLIFT_SHARE
from reasoning.uplift_point import best_uplifts

CHUNK = 4096      # rows per uplift-point batch: a CHUNK × grid matrix stays in cache-sized memory


def rescore(model: CapacityModel, X: np.ndarray, base_limit_cny: np.ndarray, *, fraud: np.ndarray | None = None,
            uplift_cap_cny: np.ndarray | None = None) -> np.ndarray:
    """Uplift per row (0 = no change or declined). ``fraud`` (bool per row) declines; ``uplift_cap_cny``
    (per row, +inf where no cap fires) is the smallest rule cap. Feature-only models (structural,
    boosting): a GNN needs each merchant's subgraph, not a row."""
    if model.kind not in FEATURE_ONLY:
        raise ValueError(f"bulk re-scoring needs a feature-only model, not {model.kind!r}")
    base = np.asarray(base_limit_cny, dtype=np.float64)
    limit = np.exp(model.estimator.predict(X))
    threshold = np.maximum(MIN_UPLIFT_CNY, MIN_UPLIFT_SHARE * base)
    ceiling = np.clip(MAX_LIMIT_CNY - base, 0.0, None)
    uplift = np.concatenate([best_uplifts(limit[k:k + CHUNK], base[k:k + CHUNK], threshold_cny=threshold[k:k + CHUNK],
                                          ceiling_cny=ceiling[k:k + CHUNK], log_sd=model.log_sd,
                                          band_half_width=model.band_half_width)
                             for k in range(0, len(base), CHUNK)]) if len(base) else np.zeros(0)
    if uplift_cap_cny is not None:
        uplift = np.minimum(uplift, uplift_cap_cny)
    uplift = np.where(uplift < threshold, 0.0, np.floor(uplift / 1000) * 1000)
    if fraud is not None:
        uplift = np.where(fraud, 0.0, uplift)
    return uplift

"""Bulk re-scoring: the model and the policy's numeric core over a whole feature matrix at once.

The per-merchant path (``reasoning.scoring``) evaluates the expert rules one merchant at a time, which
is what explanations need and costs about a millisecond or more per merchant. Re-scoring a portfolio
after a model or ontology release needs throughput instead: features arrive as a matrix (from a
graph export, not one Cypher read per merchant), the model predicts every row in one call, and the
policy's numeric steps (fraud gate, limit ceiling, per-row caps, the no-change threshold, rounding)
run as numpy array operations. Rows whose decision would change go on to the per-merchant path for
their reasons; bench/batch_rescoring.py measures this and reasoning/README.md writes down the path
to tens of millions of merchants.
"""
from __future__ import annotations

import numpy as np

from reasoning.models.capacity import CapacityModel
from reasoning.policy import MAX_LIMIT_CNY, MIN_UPLIFT_CNY, MIN_UPLIFT_SHARE


def rescore(model: CapacityModel, X: np.ndarray, base_limit_cny: np.ndarray, *, fraud: np.ndarray | None = None,
            uplift_cap_cny: np.ndarray | None = None) -> np.ndarray:
    """Uplift per row (0 = no change or declined). ``fraud`` (bool per row) declines; ``uplift_cap_cny``
    (per row, +inf where no cap fires) is the smallest rule cap. Boosting models only: a GNN needs
    each merchant's subgraph, not a row."""
    if model.kind != "boosting":
        raise ValueError(f"bulk re-scoring needs a feature-only model, not {model.kind!r}")
    base = np.asarray(base_limit_cny, dtype=np.float64)
    limit = np.exp(model.estimator.predict(X))
    uplift = np.clip(np.minimum(limit, MAX_LIMIT_CNY) - base, 0.0, None)
    if uplift_cap_cny is not None:
        uplift = np.minimum(uplift, uplift_cap_cny)
    uplift = np.where(uplift < np.maximum(MIN_UPLIFT_CNY, MIN_UPLIFT_SHARE * base), 0.0, np.floor(uplift / 1000) * 1000)
    if fraud is not None:
        uplift = np.where(fraud, 0.0, uplift)
    return uplift

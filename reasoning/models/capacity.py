"""A trained capacity model as the decision path uses it: one interface over boosting and GNN.

Both kinds read the merchant's feature row (``reasoning.features``); the GNN also reads the rest of
its subgraph. Attributions and counterfactuals are computed by changing the feature row alone and
predicting again in the same call, so they work the same for either kind.
"""
from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np

from reasoning.dataset import MerchantView

KINDS: tuple[str, ...] = ("structural", "boosting", "gnn")
FEATURE_ONLY: frozenset[str] = frozenset({"structural", "boosting"})   # predict from a feature row alone


@dataclass(frozen=True, slots=True)
class CapacityModel:
    kind: str                                   # one of KINDS
    estimator: object                           # CapacityStructural, CapacityBoosting or models.gnn.CapacityGNN
    industries: tuple[str, ...]                 # index of the industry feature
    typical: Mapping[str, Mapping[str, float]]  # evidence group -> feature -> value of a typical upload
    version: str = ""
    metrics: Mapping[str, float] = field(default_factory=dict)
    log_sd: float = 0.0                         # robust SD of log(review target) − estimate on validation
    band_half_width: float = 0.2                # officer's range half-width, relative to its view of the limit

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"unknown model kind {self.kind!r}; known: {', '.join(KINDS)}")

    def predict_log(self, views: Sequence[MerchantView], X: np.ndarray | None = None) -> np.ndarray:
        """Log limit per row; ``X`` (default: the views' own features) overrides the feature rows."""
        if X is None:
            X = np.asarray([v.features.values for v in views], dtype=np.float64)
        if self.kind in FEATURE_ONLY:
            return np.asarray(self.estimator.predict(X), dtype=np.float64)
        return np.asarray(self.estimator.predict_views(views, X), dtype=np.float64)

    def predict_limit(self, views: Sequence[MerchantView], X: np.ndarray | None = None) -> np.ndarray:
        return np.exp(self.predict_log(views, X))

"""The strong non-GNN baseline: gradient boosting over neighbourhood-aggregated features.

``HistGradientBoostingRegressor`` on ``reasoning.features`` with monotone constraints (non-decreasing
in every evidence feature) and the industry as a native categorical feature. It predicts the log of
the limit a reviewing officer would set, with squared-error loss: absolute error would be more robust
to the 5% of review labels that are noise, but sklearn re-fits its leaves to medians after the tree is
grown, which breaks the monotone constraints (measured: 35 of 2,030 validation add-one-item checks
lowered the limit, by up to CNY 4,267); squared error keeps them exact (0 of 2,030).
"""
from __future__ import annotations

import numpy as np
from sklearn.base import BaseEstimator, RegressorMixin
from sklearn.ensemble import HistGradientBoostingRegressor

from reasoning.features import FEATURES, MONOTONE


class CapacityBoosting(BaseEstimator, RegressorMixin):
    """Args: ``max_iter`` (default 300), ``learning_rate`` (0.05), ``max_leaf_nodes`` (15),
    ``min_samples_leaf`` (10), ``l2_regularization`` (1.0), ``trim_z`` (2.0: after a first fit,
    refit without labels whose residual is more than ``trim_z`` robust standard deviations from the
    median; 0 turns it off), ``random_state`` (0).

    Why trim: a reviewer sees capacity that no submitted evidence shows (on the demo world, the 13%
    of merchants who own their premises, which no planned document proves, are under-estimated
    ×0.27 on average), and label noise swaps decisions. Fitted with squared error, those labels
    pull every estimate up (renters over-estimated by +0.15 in log); one trimmed refit removes that
    pull (validation agreement 27.6% → 34.3% on the demo world's non-declined merchants)."""

    def __init__(self, max_iter: int = 300, learning_rate: float = 0.05, max_leaf_nodes: int = 15,
                 min_samples_leaf: int = 10, l2_regularization: float = 1.0, trim_z: float = 2.0,
                 random_state: int = 0):
        self.max_iter = max_iter
        self.learning_rate = learning_rate
        self.max_leaf_nodes = max_leaf_nodes
        self.min_samples_leaf = min_samples_leaf
        self.l2_regularization = l2_regularization
        self.trim_z = trim_z
        self.random_state = random_state

    def _fit_once(self, X: np.ndarray, y: np.ndarray) -> HistGradientBoostingRegressor:
        categorical = [name == "industry_index" for name in FEATURES]
        return HistGradientBoostingRegressor(
            loss="squared_error", max_iter=self.max_iter, learning_rate=self.learning_rate,
            max_leaf_nodes=self.max_leaf_nodes, min_samples_leaf=self.min_samples_leaf,
            l2_regularization=self.l2_regularization, monotonic_cst=list(MONOTONE),
            categorical_features=categorical, early_stopping=False, random_state=self.random_state).fit(X, y)

    def fit(self, X: np.ndarray, y_log_limit: np.ndarray) -> "CapacityBoosting":
        if X.shape[1] != len(FEATURES):
            raise ValueError(f"expected {len(FEATURES)} features, got {X.shape[1]}")
        if self.trim_z < 0:
            raise ValueError("trim_z must be >= 0")
        self.model_ = self._fit_once(X, y_log_limit)
        self.kept_ = np.ones(len(y_log_limit), dtype=bool)
        if self.trim_z > 0:
            residual = y_log_limit - self.model_.predict(X)
            centre = np.median(residual)
            spread = 1.4826 * np.median(np.abs(residual - centre))
            self.kept_ = np.abs(residual - centre) <= self.trim_z * max(spread, 1e-9)
            if self.kept_.sum() >= max(10, len(y_log_limit) // 2):
                self.model_ = self._fit_once(X[self.kept_], y_log_limit[self.kept_])
        return self

    def predict(self, X: np.ndarray) -> np.ndarray:
        """Log of the limit (CNY)."""
        return self.model_.predict(X)

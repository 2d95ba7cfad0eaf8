"""The structural capacity model: learns a lending-shaped limit, never lower for more capacity."""
from __future__ import annotations

import numpy as np
import pytest

from reasoning.features import FEATURES
from reasoning.models.structural import CapacityStructural

_I = {n: i for i, n in enumerate(FEATURES)}


def _data(n: int = 300, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    X = np.zeros((n, len(FEATURES)))
    flow = rng.uniform(2e4, 8e5, n)
    assets = rng.uniform(0, 5e5, n)
    X[:, _I["log_flow_capacity"]] = np.log1p(flow)
    X[:, _I["log_lendable_assets"]] = np.log1p(assets)
    X[:, _I["bureau_score"]] = rng.uniform(450, 800, n)
    X[:, _I["log_base_limit"]] = np.log1p(rng.uniform(5e3, 3e5, n))
    y = np.log(flow + 0.5 * assets) + 0.1 * rng.standard_normal(n)
    return X, y


def test_it_recovers_a_limit_from_flow_and_collateral() -> None:
    X, y = _data()
    model = CapacityStructural().fit(X, y)
    assert model.asset_weight_ == pytest.approx(0.5, abs=0.15)
    assert float(np.median(np.abs(model.predict(X) - y))) < 0.1


def test_more_capacity_never_lowers_the_estimate() -> None:
    X, y = _data()
    model = CapacityStructural().fit(X, y)
    more = X.copy()
    more[:, _I["log_flow_capacity"]] += 0.3
    more[:, _I["log_lendable_assets"]] += 0.3
    assert np.all(model.predict(more) >= model.predict(X))


def test_a_negative_asset_weight_is_refused() -> None:
    X, y = _data(50)
    with pytest.raises(ValueError, match="asset_weights"):
        CapacityStructural(asset_weights=(-0.5,)).fit(X, y)

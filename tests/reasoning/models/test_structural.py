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


def test_it_reads_the_statement_as_an_officer_does_when_the_labels_do() -> None:
    # Labels from the statement's six months × 2 (no seasonal adjustment), while the seasonal estimate
    # differs from it by up to ±30% per merchant: the model takes the statement's reading.
    X, _ = _data()
    rng = np.random.default_rng(1)
    inflow6 = rng.uniform(1e5, 2e6, len(X))
    X[:, _I["log_bank_inflow_top6"]] = np.log1p(inflow6)
    X[:, _I["gross_margin_mid"]], X[:, _I["cash_cycle_days"]] = 0.2, 45.0
    officer = 2 * inflow6 * (2 * 0.2 / 12 + 0.5 * 0.8 * 45 / 365)
    X[:, _I["log_flow_capacity"]] = np.log1p(officer * rng.uniform(0.7, 1.3, len(X)))
    y = np.log(officer) + 0.02 * rng.standard_normal(len(X))
    model = CapacityStructural().fit(X, y)
    assert model.statement_flow_
    # (the larger of the two readings is taken, so merchants whose seasonal estimate is higher keep it)
    assert float(np.median(np.abs(model.predict(X) - y))) < 0.08 < float(np.median(np.abs(X[:, _I["log_flow_capacity"]] - np.log1p(officer))))
    # and a seasonal estimate that labels follow keeps the seasonal reading
    X2, y2 = _data()
    assert not CapacityStructural().fit(X2, y2).statement_flow_

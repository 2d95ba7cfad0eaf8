"""The uplift point: the bet most likely to land the new limit inside an officer's range, never lower for a
higher estimate."""
from __future__ import annotations

import numpy as np
import pytest

from reasoning.uplift_point import best_uplift

CEILING = 3_000_000


def _point(limit: float, base: float, sd: float) -> float:
    return best_uplift(limit, base, threshold_cny=max(5_000, 0.1 * base), ceiling_cny=CEILING - base, log_sd=sd,
                       band_half_width=0.2)


@pytest.mark.parametrize("base", [5_000, 40_000, 150_000, 300_000])
@pytest.mark.parametrize("sd", [0.1, 0.25, 0.4])
def test_a_higher_estimate_never_gets_a_smaller_uplift(base: float, sd: float) -> None:
    uplifts = [_point(limit, base, sd) for limit in np.geomspace(base * 0.5, base * 40, 400)]
    assert all(b >= a for a, b in zip(uplifts, uplifts[1:]))
    assert uplifts[0] == 0 and uplifts[-1] > 0            # no change for a low estimate, uplift for a high one


def test_the_point_lands_in_the_band_as_often_as_any_other_uplift() -> None:
    rng = np.random.default_rng(0)
    base, limit, sd = 100_000.0, 260_000.0, 0.3
    view = limit * np.exp(sd * rng.standard_normal(200_000))
    def hit(x: float) -> float:
        return float(np.mean((0.8 * view <= base + x) & (base + x <= 1.2 * view)))
    best = hit(_point(limit, base, sd))
    assert best >= hit(limit - base)                       # at least as good as the median uplift
    assert best >= max(hit(x) for x in np.linspace(50_000, 400_000, 351)) - 0.005


def test_without_an_error_estimate_the_median_uplift_is_granted() -> None:
    assert _point(180_000, 50_000, 0.0) == pytest.approx(130_000)
    assert _point(54_000, 50_000, 0.0) == 0.0

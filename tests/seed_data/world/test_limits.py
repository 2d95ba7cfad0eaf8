import numpy as np

from seed_data.world.limits import base_limit, true_limit


def test_more_revenue_assets_and_a_longer_cycle_raise_the_limit() -> None:
    base = true_limit(2_000_000, 0.2, 30, 0, 700, 0)
    assert true_limit(4_000_000, 0.2, 30, 0, 700, 0) > base
    assert true_limit(2_000_000, 0.2, 90, 0, 700, 0) > base
    assert true_limit(2_000_000, 0.2, 30, 500_000, 700, 0) > base


def test_a_poor_credit_record_lowers_the_limit_and_bounds_hold() -> None:
    assert true_limit(2_000_000, 0.2, 30, 0, 500, 3) < true_limit(2_000_000, 0.2, 30, 0, 750, 0)
    assert int(true_limit(1e10, 0.5, 180, 1e9, 900, 0)) == 3_000_000
    assert int(true_limit(0, 0.1, 0, 0, 300, 9)) == 10_000
    limits = base_limit(np.array([0, 50_000, 1e9]), np.array([750] * 3), np.array([0] * 3))
    assert limits.tolist() == [5_000, 75_000, 300_000]

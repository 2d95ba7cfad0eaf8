import numpy as np

from seed_data.numbers.corrupt import corrupt_check_digit
from seed_data.numbers.vin import make_vin, vin_is_valid


def test_published_vin_is_accepted() -> None:
    assert vin_is_valid("1M8GDM9AXKP042788")   # the worked example of 49 CFR 565
    assert not vin_is_valid("1M8GDM9A1KP042788")


def test_generated_vins_are_valid() -> None:
    rng = np.random.default_rng(6)
    for year in range(2012, 2026):
        vin = make_vin(rng, year, "LZZ")
        assert len(vin) == 17 and vin.startswith("LZZ") and vin_is_valid(vin), vin
        forged = vin[:8] + corrupt_check_digit(vin[8]) + vin[9:]
        assert not vin_is_valid(forged)

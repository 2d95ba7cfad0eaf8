import numpy as np

from seed_data.numbers.plates import make_plate, plate_is_valid, plate_region_codes


def test_plates_belong_to_their_region() -> None:
    rng = np.random.default_rng(7)
    for _ in range(30):
        plate = make_plate(rng, "440300")
        assert plate.startswith("粤B·") and plate_is_valid(plate, "440300")
        assert not plate_is_valid(plate, "440100")
        assert plate_region_codes(plate) == ("440300",)


def test_new_energy_plates_have_six_characters() -> None:
    rng = np.random.default_rng(8)
    small = make_plate(rng, "330100", new_energy=True)
    large = make_plate(rng, "330100", new_energy=True, large=True)
    assert len(small.split("·")[1]) == 6 and small.split("·")[1][0] in "DF"
    assert len(large.split("·")[1]) == 6 and large[-1] in "DF"
    assert plate_is_valid(small, "330100") and plate_is_valid(large, "330100")


def test_malformed_plates_are_rejected() -> None:
    assert not plate_is_valid("粤B·1234")
    assert not plate_is_valid("粤I·12345")

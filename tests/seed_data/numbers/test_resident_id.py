from datetime import date

import numpy as np

from seed_data.numbers.corrupt import corrupt_check_digit
from seed_data.numbers.resident_id import make_resident_id, resident_id_gender, resident_id_is_valid


def test_the_standards_worked_example_is_accepted() -> None:
    assert resident_id_is_valid("11010519491231002X")   # GB 11643-1999, appendix
    assert not resident_id_is_valid("110105194912310021")


def test_generated_ids_are_valid_encode_birth_and_gender() -> None:
    rng = np.random.default_rng(1)
    for i in range(200):
        born = date(1960 + i % 40, 1 + i % 12, 1 + i % 28)
        gender = "MF"[i % 2]
        s = make_resident_id(rng, "440300", born, gender)
        assert resident_id_is_valid(s), s
        assert s[:4] == "4403" and s[6:14] == born.strftime("%Y%m%d")
        assert resident_id_gender(s) == gender
        assert not resident_id_is_valid(corrupt_check_digit(s, resident_id_is_valid))


def test_impossible_birth_dates_are_rejected() -> None:
    assert not resident_id_is_valid("440305199902300011")   # 30 February

import numpy as np
import pytest

from seed_data.numbers.corrupt import corrupt_check_digit
from seed_data.numbers.regions import regions
from seed_data.numbers.uscc import SOLE_TRADER, make_uscc, org_code_check_char, uscc_is_valid


def test_real_usccs_are_accepted(real_usccs: list[str]) -> None:
    assert len(real_usccs) == 200
    assert all(uscc_is_valid(s) for s in real_usccs)


def test_real_usccs_with_flipped_check_character_are_rejected(real_usccs: list[str]) -> None:
    assert not any(uscc_is_valid(corrupt_check_digit(s)) for s in real_usccs)


@pytest.mark.parametrize("kind", ["91", SOLE_TRADER])
def test_generated_usccs_are_valid_and_carry_their_region(kind: str) -> None:
    rng = np.random.default_rng(0)
    for code in regions():
        s = make_uscc(rng, code, kind)
        assert uscc_is_valid(s), s
        assert s[:2] == kind and s[2:8] == code
        assert org_code_check_char(s[8:16]) == s[16]   # GB 11714 inside GB 32100
        assert not uscc_is_valid(corrupt_check_digit(s, uscc_is_valid))


def test_the_standards_excluded_letters_are_rejected() -> None:
    assert not uscc_is_valid("91440300MA5DXXXXXI")
    assert not uscc_is_valid("91440300")

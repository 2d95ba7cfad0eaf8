import numpy as np

from seed_data.numbers.corrupt import corrupt_check_digit
from seed_data.numbers.luhn import BANK_BINS, luhn_is_valid, make_luhn_number


def test_known_luhn_numbers() -> None:
    assert luhn_is_valid("79927398713")          # the textbook example
    assert luhn_is_valid("4111111111111111")     # a published test card
    assert not luhn_is_valid("79927398710")


def test_generated_card_numbers_are_valid_and_keep_their_bin() -> None:
    rng = np.random.default_rng(2)
    for bin_ in BANK_BINS.values():
        s = make_luhn_number(rng, bin_, 19)
        assert len(s) == 19 and s.startswith(bin_) and luhn_is_valid(s)
        assert not luhn_is_valid(corrupt_check_digit(s, luhn_is_valid))

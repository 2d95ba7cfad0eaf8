from extractors.verify.numbers.vin import vin_check_digit, vin_problem


def test_vin_check_digit():
    assert vin_check_digit("1M8GDM9AXKP042788") == "X"      # the standard's textbook example
    assert vin_problem("1M8GDM9AXKP042788") is None
    assert vin_problem("1M8GDM9A1KP042788") == "check_digit"
    assert vin_problem("1M8GDM9AXKP04278O") == "format"

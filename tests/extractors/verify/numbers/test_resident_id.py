from datetime import date

from extractors.verify.numbers.resident_id import resident_id_problem


def test_standard_example_passes():
    assert resident_id_problem("11010519491231002X") is None
    assert resident_id_problem("11010519491231002x") is None


def test_wrong_check_character_and_impossible_dates_fail():
    assert resident_id_problem("110105194912310021") == "check_character"
    assert resident_id_problem("11010519491331002X") == "birth_date"
    assert resident_id_problem("110105203012310025", as_of=date(2026, 6, 30)) == "birth_date"
    assert resident_id_problem("1101051949") == "format"

import csv
from pathlib import Path

import pytest

from extractors.verify.numbers.uscc import ALPHABET, uscc_check_character, uscc_problem

EXAMPLES = Path("/work/shared/reference/number_checks/uscc_examples.csv")


def _examples() -> list[str]:
    if not EXAMPLES.exists():
        pytest.skip("reference USCC examples not available")
    with EXAMPLES.open(encoding="utf-8") as f:
        return [row["number"] for row in csv.DictReader(f)]


def test_real_usccs_pass():
    assert [c for c in _examples() if uscc_problem(c)] == []


def test_any_other_check_character_fails():
    for code in _examples()[:50]:
        wrong = next(c for c in ALPHABET if c != code[-1])
        assert uscc_problem(code[:-1] + wrong) == "check_character"


def test_standard_worked_example():
    # GB 32100-2015 Annex: 91350100M000100Y4 + check character 3
    assert uscc_check_character("91350100M000100Y4") == "3"


@pytest.mark.parametrize("code,problem", [("9135010", "length"), ("91350100M000100Y4I", "alphabet"),
                                          ("91AB0100M000100Y43", "region")])
def test_malformed_codes_name_their_problem(code, problem):
    assert uscc_problem(code) == problem

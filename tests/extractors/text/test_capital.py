from __future__ import annotations

import pytest

from extractors.text import parse_capital


@pytest.mark.parametrize("text, value", [
    ("壹佰肆拾玖万零叁佰伍拾壹圆整", 1490351.0), ("叁拾万元整", 300000.0), ("肆仟贰佰伍拾圆整", 4250.0),
    ("壹亿零伍万圆整", 100050000.0), ("伍圆叁角贰分", 5.32), ("人民币贰拾万元整", 200000.0),
])
def test_capital_amounts_read_back_into_figures(text: str, value: float) -> None:
    assert parse_capital(text) == value


def test_text_that_is_not_a_capital_amount_is_none() -> None:
    assert parse_capital("合同总金额") is None

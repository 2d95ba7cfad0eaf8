from __future__ import annotations

from datetime import date

from extractors.text import dates_in, parse_date, parse_month


def test_chinese_and_iso_dates() -> None:
    assert parse_date("成立日期 2013年05月01日") == date(2013, 5, 1)
    assert dates_in("2025-12-01 至 2026-05-31") == [date(2025, 12, 1), date(2026, 5, 31)]


def test_impossible_dates_are_none_not_guessed() -> None:
    assert parse_date("2025年02月30日") is None


def test_months() -> None:
    assert parse_month("检验有效期至2025年02月") == "2025-02"
    assert parse_month("2026年13月") is None

"""Resident identity number (公民身份号码), GB 11643-1999.

18 characters: address code (6, GB/T 2260) | birth date (8, YYYYMMDD) | sequence (3, odd for men) |
check character (ISO 7064 MOD 11-2: weights 2^(17−i) mod 11, check = (12 − sum mod 11) mod 11, 10 → X).
"""
from __future__ import annotations

from datetime import date

_WEIGHTS = tuple(pow(2, 17 - i, 11) for i in range(17))


def resident_id_check_character(body: str) -> str:
    check = (12 - sum(int(c) * w for c, w in zip(body, _WEIGHTS)) % 11) % 11
    return "X" if check == 10 else str(check)


def resident_id_problem(number: str, as_of: date | None = None) -> str | None:
    """Why ``number`` is not a valid resident ID, or None."""
    number = number.upper()
    if len(number) != 18 or not number[:17].isdigit() or not (number[17].isdigit() or number[17] == "X"):
        return "format"
    try:
        born = date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
    except ValueError:
        return "birth_date"
    if born.year < 1900 or (as_of is not None and born > as_of):
        return "birth_date"
    if number[17] != resident_id_check_character(number[:17]):
        return "check_character"
    return None

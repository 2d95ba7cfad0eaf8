"""Resident identity number (公民身份号码), GB 11643-1999.

Layout: address code (6, GB/T 2260 county) | birth date (8) | sequence (3, odd for men) |
check character (ISO 7064 MOD 11-2: 0–9 or X).
"""
from __future__ import annotations

import re
from datetime import date

import numpy as np

from seed_data.numbers.regions import region

_WEIGHTS = tuple(pow(2, 17 - i, 11) for i in range(17))
_PATTERN = re.compile(r"\d{17}[\dX]")


def _check_char(body17: str) -> str:
    value = (12 - sum(int(c) * w for c, w in zip(body17, _WEIGHTS)) % 11) % 11
    return "X" if value == 10 else str(value)


def make_resident_id(rng: np.random.Generator, region_code: str, birth_date: date, gender: str) -> str:
    """A valid ID for someone born in a county of prefecture ``region_code``; gender "M" or "F"."""
    if gender not in ("M", "F"):
        raise ValueError(f"gender must be 'M' or 'F', got {gender!r}")
    counties = region(region_code).counties
    county = counties[int(rng.integers(len(counties)))][0]
    seq = int(rng.integers(0, 500)) * 2 + (1 if gender == "M" else 0)
    body17 = f"{county}{birth_date:%Y%m%d}{seq:03d}"
    return body17 + _check_char(body17)


def resident_id_is_valid(s: str) -> bool:
    """Format, a real calendar birth date not in the future, and the check character."""
    if not isinstance(s, str) or not _PATTERN.fullmatch(s):
        return False
    try:
        born = date(int(s[6:10]), int(s[10:12]), int(s[12:14]))
    except ValueError:
        return False
    if not date(1900, 1, 1) <= born <= date.today():
        return False
    return _check_char(s[:17]) == s[17]


def resident_id_gender(s: str) -> str:
    return "M" if int(s[16]) % 2 else "F"

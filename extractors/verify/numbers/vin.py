"""Vehicle identification number, ISO 3779, check digit in position 9 (required in China, GB 16735)."""
from __future__ import annotations

import re

_VALUES = {**{str(d): d for d in range(10)}, **dict(zip("ABCDEFGH", range(1, 9))),
           **dict(zip("JKLMN", range(1, 6))), "P": 7, "R": 9, **dict(zip("STUVWXYZ", range(2, 10)))}
_WEIGHTS = (8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2)
_FORMAT = re.compile(r"[0-9A-HJ-NPR-Z]{17}")   # I, O and Q are never used


def vin_check_digit(vin: str) -> str:
    remainder = sum(_VALUES[c] * w for c, w in zip(vin, _WEIGHTS)) % 11
    return "X" if remainder == 10 else str(remainder)


def vin_problem(vin: str) -> str | None:
    if not _FORMAT.fullmatch(vin):
        return "format"
    if vin[8] != vin_check_digit(vin):
        return "check_digit"
    return None

"""The concordance between NBS input-output sectors (2020, 153 sectors) and GB/T 4754-2017 codes.

NBS builds its IO sectors out of GB/T 4754 divisions, groups and classes, but publishes no
machine-readable concordance; ``io_concordance.csv`` is ours, built by matching sector names to the
classification (notes record every grouping that is not one-to-one). Each of the 1,380 GB/T 4754
classes falls in exactly one sector, which a test checks against the reference classification.
"""
from __future__ import annotations

import csv
from functools import cache
from pathlib import Path

_HERE = Path(__file__).parent
CONCORDANCE_CSV = _HERE / "io_concordance.csv"
GBT4754_CSV = _HERE / "gbt4754_2017_codes.csv"


@cache
def concordance() -> dict[str, tuple[str, ...]]:
    """IO sector -> the GB/T 4754 codes (division, group or class) it covers, in sector order."""
    with CONCORDANCE_CSV.open(encoding="utf-8", newline="") as f:
        return {row["io_sector"]: tuple(row["gbt4754_codes"].split(";")) for row in csv.DictReader(f)}


@cache
def gbt4754_names() -> dict[str, str]:
    """Section, division and class code -> Chinese name (a copy of what the product needs from the
    reference classification: levels 1, 2 and 4)."""
    with GBT4754_CSV.open(encoding="utf-8", newline="") as f:
        return {row["code"]: row["name"] for row in csv.DictReader(f)}


@cache
def _prefix_index() -> dict[str, str]:
    return {code: sector for sector, codes in concordance().items() for code in codes}


def io_sector_of(gbt4754_code: str) -> str:
    """The IO sector of a class (or group/division), by the longest concordance prefix."""
    index = _prefix_index()
    for length in (4, 3, 2):
        sector = index.get(gbt4754_code[:length])
        if sector is not None:
            return sector
    raise ValueError(f"GB/T 4754 code {gbt4754_code!r} is in no IO sector of the concordance")


@cache
def classes_of(sector: str) -> tuple[str, ...]:
    """The GB/T 4754-2017 classes (four digits) in an IO sector, in code order."""
    classes = (code for code in gbt4754_names() if len(code) == 4 and code.isdigit())
    return tuple(sorted(c for c in classes if io_sector_of(c) == sector))

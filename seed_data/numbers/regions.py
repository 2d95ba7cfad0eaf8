"""A small real GB/T 2260 table: 43 prefectures, their current counties and car-plate prefixes.

Counties and names are copied from python-stdnum 2.2's ``stdnum/cn/loc.dat`` (itself taken from the
Chinese Wikipedia lists of administrative-division codes), keeping only codes still in use. Plate
prefixes (province abbreviation + issuing-office letter) follow GA 36 as issued by each city's traffic
police. See ``gbt2260_regions.csv``.
"""
from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache
from pathlib import Path

_CSV = Path(__file__).with_name("gbt2260_regions.csv")


@dataclass(frozen=True, slots=True)
class Region:
    code: str                        # six-digit prefecture code, e.g. "440300"
    name: str                        # 深圳市
    province: str                    # 广东省
    plate_prefixes: tuple[str, ...]  # ("粤B",)
    counties: tuple[tuple[str, str], ...]  # ((code, name), ...) in code order

    @property
    def province_code(self) -> str:
        return self.code[:2]


@cache
def regions() -> dict[str, Region]:
    """Prefecture code -> Region, in code order (the CSV is sorted, so iteration order is stable)."""
    rows: dict[str, list[dict[str, str]]] = {}
    with _CSV.open(encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            rows.setdefault(row["prefecture_code"], []).append(row)
    return {
        code: Region(
            code=code,
            name=group[0]["prefecture_name"],
            province=group[0]["province_name"],
            plate_prefixes=tuple(group[0]["plate_prefixes"].split(",")),
            counties=tuple((r["county_code"], r["county_name"]) for r in group),
        )
        for code, group in sorted(rows.items())
    }


def region(code: str) -> Region:
    try:
        return regions()[code]
    except KeyError:
        raise ValueError(f"unknown prefecture code {code!r}; known: {sorted(regions())}") from None

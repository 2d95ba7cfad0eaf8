"""The seed world's industries: ``industries.json`` joined with the real GB/T 4754-2017 names.

``industries.json`` holds, per class, every figure the world needs with a ``sources`` entry saying
where it comes from or why it is assumed. Seasonality is stored as written and normalised here to
mean 1.0, so that a monthly factor scales an average month.
"""
from __future__ import annotations

import json
from functools import cache
from pathlib import Path

from seed_data.industries.concordance import gbt4754_names, io_sector_of
from seed_data.world.records import Industry

INDUSTRIES_JSON = Path(__file__).with_name("industries.json")


@cache
def _raw() -> tuple[dict, ...]:
    return tuple(json.loads(INDUSTRIES_JSON.read_text(encoding="utf-8")))


@cache
def load_industries() -> tuple[Industry, ...]:
    """All industries, in code order."""
    names = gbt4754_names()
    industries = []
    for row in sorted(_raw(), key=lambda r: r["code"]):
        season = row["seasonality"]
        mean = sum(season) / len(season)
        industries.append(Industry(
            code=row["code"],
            name_zh=names[row["code"]],
            name_en=row["name_en"],
            division=row["code"][:2],
            seasonality=tuple(round(v / mean, 4) for v in season),
            cash_cycle_days=int(row["cash_cycle_days"]),
            gross_margin=(float(row["gross_margin"][0]), float(row["gross_margin"][1])),
            typical_assets=tuple(row["typical_assets"]),
            required_licences=tuple(row["required_licences"]),
            evidence_types=tuple(row["evidence_types"]),
            sources=tuple(sorted(row["sources"].items())),
            annual_revenue_cny=(int(row["annual_revenue_cny"][0]), int(row["annual_revenue_cny"][1])),
            io_sector=io_sector_of(row["code"]),
            sells_to_households=bool(row["sells_to_households"]),
        ))
    return tuple(industries)


@cache
def traded_goods() -> dict[str, tuple[tuple[str, float], ...]]:
    """Trade industries -> (IO sector, weight) of the goods they resell (IO tables record trade as
    a margin, so these baskets stand in for the goods suppliers the IO table cannot show)."""
    return {row["code"]: tuple(sorted(row["traded_goods"].items())) for row in _raw() if row["traded_goods"]}


def industry(code: str) -> Industry:
    for ind in load_industries():
        if ind.code == code:
            return ind
    raise ValueError(f"unknown industry {code!r}; known: {[i.code for i in load_industries()]}")

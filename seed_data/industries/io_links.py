"""Upstream and downstream links of each industry, from NBS's 2020 input-output table.

Direct-requirement coefficients A[i, j] = Z[i, j] / GO[j]: the CNY of sector i's output that sector j
buys per CNY of its own output. The largest A[i, j] over i are j's main suppliers (upstream); the
largest A[j, k] over k are the sectors that buy most of j per unit of their output (downstream).

Trade sectors (wholesale, retail) are recorded as a margin, so their coefficients describe operating
inputs (rent, power, finance), not the goods they resell; for those industries the upstream links are
the declared goods basket of ``industries.json`` instead (``basis="traded_goods"``).
"""
from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from seed_data.industries.catalogue import load_industries, traded_goods
from seed_data.industries.concordance import classes_of, concordance

_HERE = Path(__file__).parent
SECTORS_CSV = _HERE / "io_2020_153_sectors.csv"
COEFFICIENTS_CSV = _HERE / "io_2020_153_coefficients.csv"
# Sectors a merchant does not trade with as a counterparty (the state, finance, itself as landlord
# of last resort): they stay in the IO table but never become Party records.
_NOT_COUNTERPARTIES = frozenset({"130", "131", "132", "139", "141", "144", "145", "146", "152", "153"})


@dataclass(frozen=True, slots=True)
class IoSector:
    code: str
    name_zh: str
    name_en: str
    gross_output_10k_cny: int
    value_added_share: float     # 1 − intermediate inputs / total inputs
    household_share: float       # household consumption / gross output
    gbt4754_codes: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class IndustryLink:
    industry_code: str           # one of our industries
    direction: str               # "upstream" (it buys from) | "downstream" (it sells to)
    io_sector: str
    io_name_zh: str
    coefficient: float           # A entry, or basket weight when basis == "traded_goods"
    basis: str                   # "io_direct_requirement" | "traded_goods"
    gbt4754_codes: tuple[str, ...]
    party_industry_code: str     # the class a counterparty in that sector is given in the seed world


@cache
def io_sectors() -> dict[str, IoSector]:
    codes = concordance()
    with SECTORS_CSV.open(encoding="utf-8", newline="") as f:
        return {
            row["io_sector"]: IoSector(
                code=row["io_sector"], name_zh=row["name_zh"], name_en=row["name_en"],
                gross_output_10k_cny=int(row["gross_output_10k_cny"]),
                value_added_share=float(row["value_added_share"]),
                household_share=float(row["household_share"]),
                gbt4754_codes=codes[row["io_sector"]],
            )
            for row in csv.DictReader(f)
        }


@cache
def direct_requirements() -> dict[tuple[str, str], float]:
    """(supplier, buyer) -> A[supplier, buyer], entries ≥ 1e-4 (see io_build.py)."""
    with COEFFICIENTS_CSV.open(encoding="utf-8", newline="") as f:
        return {(row["supplier"], row["buyer"]): float(row["coefficient"]) for row in csv.DictReader(f)}


@cache
def party_industry_code(sector: str) -> str:
    """A counterparty in ``sector`` is one of our industries when one sits there (lowest code),
    otherwise the sector's first GB/T 4754 class: deterministic and always a real class."""
    ours = sorted(i.code for i in load_industries() if i.io_sector == sector)
    return ours[0] if ours else classes_of(sector)[0]


def _link(industry_code: str, direction: str, sector: str, coefficient: float, basis: str) -> IndustryLink:
    info = io_sectors()[sector]
    return IndustryLink(industry_code, direction, sector, info.name_zh, round(coefficient, 6), basis,
                        info.gbt4754_codes, party_industry_code(sector))


@cache
def industry_links(top: int = 5) -> dict[str, tuple[IndustryLink, ...]]:
    """For each of our industries, its ``top`` upstream then ``top`` downstream links, strongest
    first (ties broken by sector code, so the order never depends on dict or set order).

    Args:
        top (int): links per direction (default: 5).
    """
    a = direct_requirements()
    goods = traded_goods()
    links: dict[str, tuple[IndustryLink, ...]] = {}
    for ind in load_industries():
        j = ind.io_sector
        if ind.code in goods:
            up = [_link(ind.code, "upstream", s, w, "traded_goods") for s, w in goods[ind.code]]
        else:
            up = [_link(ind.code, "upstream", i, v, "io_direct_requirement")
                  for (i, buyer), v in a.items() if buyer == j and i not in _NOT_COUNTERPARTIES]
        down = [_link(ind.code, "downstream", k, v, "io_direct_requirement")
                for (supplier, k), v in a.items() if supplier == j and k not in _NOT_COUNTERPARTIES]
        order = lambda link: (-link.coefficient, link.io_sector)  # noqa: E731
        links[ind.code] = (*sorted(up, key=order)[:top], *sorted(down, key=order)[:top])
    return links

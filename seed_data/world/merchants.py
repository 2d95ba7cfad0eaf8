"""Detailed merchant records (tiny and demo worlds) on top of the vectorised population.

Each merchant draws its details from its own generator, seeded by (world seed, 3, merchant index), so
a merchant does not change when another one is added or its code path changes.
"""
from __future__ import annotations

from datetime import date

import numpy as np

from seed_data.numbers.luhn import BANK_BINS, make_luhn_number
from seed_data.numbers.plates import make_plate
from seed_data.numbers.regions import region
from seed_data.numbers.resident_id import make_resident_id
from seed_data.numbers.uscc import COMPANY, SOLE_TRADER, make_uscc
from seed_data.numbers.vin import WMIS, make_vin
from seed_data.world import names
from seed_data.world.assets import ASSET_CLASSES
from seed_data.world.population import Population
from seed_data.world.records import Asset, Industry, MonthlyFlow, Owner

MONTHS = 24
_BANKS = tuple(sorted(BANK_BINS))


def merchant_id(i: int) -> str:
    return f"M{i:07d}"


def months_ending(as_of: date, count: int = MONTHS) -> tuple[str, ...]:
    """``count`` "YYYY-MM" labels, oldest first, the last being the month before ``as_of``'s month
    (the last complete month)."""
    last = as_of.year * 12 + as_of.month - 2
    return tuple(f"{m // 12:04d}-{m % 12 + 1:02d}" for m in range(last - count + 1, last + 1))


def _years_before(d: date, years: float) -> date:
    return date.fromordinal(d.toordinal() - int(round(years * 365.25)))


def draw_owner(rng: np.random.Generator, region_code: str, as_of: date) -> Owner:
    gender = "M" if rng.random() < 0.62 else "F"   # assumption: most registered owners are men
    born = _years_before(as_of, float(rng.uniform(24, 62)))
    return Owner(names.person_name(rng, gender), make_resident_id(rng, region_code, born, gender), gender, born)


def draw_monthly(rng: np.random.Generator, pop: Population, i: int, ind: Industry, as_of: date) -> tuple[MonthlyFlow, ...]:
    """Revenue = level × seasonality × growth × noise; inflows are revenue with timing noise (part is
    collected as cash and never reaches a bank); outflows are cost of sales plus overheads."""
    labels = months_ending(as_of)
    t = np.arange(MONTHS)
    season = np.array(ind.seasonality)[[int(m[5:]) - 1 for m in labels]]
    revenue = (pop.annual_revenue[i] / 12 * season * (1 + pop.growth[i]) ** (t / 12)
               * rng.lognormal(0, 0.08, size=MONTHS))
    inflow = revenue * rng.uniform(0.85, 1.0) * rng.lognormal(0, 0.05, size=MONTHS)
    overheads = revenue.mean() * pop.margin[i] * rng.uniform(0.5, 0.9)
    outflow = revenue * (1 - pop.margin[i]) * rng.lognormal(0, 0.05, size=MONTHS) + overheads
    return tuple(MonthlyFlow(label, int(round(r)), int(round(a)), int(round(b)))
                 for label, r, a, b in zip(labels, revenue, inflow, outflow))


def draw_assets(rng: np.random.Generator, mid: str, ind: Industry, annual_revenue: float, region_code: str,
                owns_premises: bool, as_of: date) -> tuple[Asset, ...]:
    """Each typical asset class is held with probability 0.7 (at least one is); vehicles and
    machinery come in numbers that grow with revenue; values depreciate with age."""
    held = [c for c in ind.typical_assets if rng.random() < 0.7] or [ind.typical_assets[0]]
    if owns_premises:
        held.append("premises")
    assets = []
    for code in held:
        cls = ASSET_CLASSES[code]
        count = 1
        if cls.group in ("vehicle", "machinery"):
            count = int(np.clip(rng.poisson(annual_revenue / 1_500_000) + 1, 1, 4))
        for _ in range(count):
            age = float(rng.uniform(0, 8)) if cls.depreciation_per_year else float(rng.uniform(0, 1))
            lo, hi = cls.value_range_cny
            new_value = rng.uniform(lo, hi) if hi else 0.0
            value = int(round(new_value * (1 - cls.depreciation_per_year) ** age, -2))
            acquired = _years_before(as_of, age)
            brand = names.pick(rng, cls.brands) if cls.brands else None
            plate = vin = None
            if cls.vehicle:
                plate = make_plate(rng, region_code, large=cls.group == "vehicle" and code not in ("van", "light_truck"))
                vin = make_vin(rng, acquired.year, WMIS.get(brand or "", "LFN"))
            assets.append(Asset(f"{mid}-A{len(assets) + 1:02d}", code, value, acquired, plate, vin, brand))
    return tuple(assets)


def lendable_value(assets: tuple[Asset, ...]) -> float:
    """Σ value × haircut, each asset after what its mortgagee is still owed (never below zero)."""
    return float(sum(max(a.value_cny * ASSET_CLASSES[a.asset_class].haircut - a.lien_balance_cny, 0.0)
                     for a in assets))


def identity(rng: np.random.Generator, pop: Population, i: int, ind: Industry, region_code: str,
             owner: Owner, as_of: date) -> dict[str, object]:
    """Name, USCC, address, founding, legal form, capital and bank account of merchant ``i``."""
    reg = region(region_code)
    county = reg.counties[int(rng.integers(len(reg.counties)))][1]
    company = bool(pop.company[i])
    legal_form = "company" if company else "individual"
    capital_step = 10_000
    capital = int(rng.choice([100_000, 300_000, 500_000, 1_000_000, 2_000_000, 5_000_000])) if company \
        else int(rng.integers(1, 50)) * capital_step
    bank = _BANKS[int(rng.integers(len(_BANKS)))]
    return dict(
        name=names.merchant_name(rng, reg, county, ind.code, legal_form, owner.name),
        uscc=make_uscc(rng, region_code, COMPANY if company else SOLE_TRADER),
        address=names.address(rng, reg, county),
        founded=_years_before(as_of, float(pop.age_years[i])),
        legal_form=legal_form,
        registered_capital_cny=capital,
        bank_name=bank,
        bank_account=make_luhn_number(rng, BANK_BINS[bank], 19),
    )

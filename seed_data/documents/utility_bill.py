"""水电费缴费单: the last month's electricity bill of the merchant's premises (国家电网's 电费通知单), or
its water bill (the city water company's 水费缴费通知单) where water is what the trade runs on.

What it proves is that the premises are in use, month by month, at a scale. Metered use follows
trade: the bill is the month's revenue times the trade's utility share (assumptions below, from the
cost structures small businesses report: kitchens, bakeries and salons run on power and water,
shops and wholesalers on little, freight on diesel, not on the meter), times noise (0.8–1.2).
Tariffs are 一般工商业 averages (assumption): electricity CNY 0.78 a kWh, water CNY 5.20 a m³.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

import numpy as np

from seed_data.documents.alteration import Alteration
from seed_data.documents.capital_amount import capital_amount
from seed_data.documents.fraud import edit_factor, shown_identity, unsupported
from seed_data.numbers.regions import region
from seed_data.world.records import EvidenceItem, Merchant, World

# Utility bill as a share of monthly revenue, by GB/T 4754 division (assumption, see the docstring).
UTILITY_SHARE = {"62": 0.035, "14": 0.03, "80": 0.03, "18": 0.02, "29": 0.03, "33": 0.025, "81": 0.02, "59": 0.012,
                 "52": 0.01, "51": 0.004, "50": 0.006, "54": 0.002, "60": 0.004, "71": 0.003, "01": 0.01, "03": 0.015}
WATER_DIVISIONS = frozenset({"80"})   # salons: the water bill is the one that moves with trade
PRICE_CENTS = {"electricity": 78, "water": 520}


@dataclass(frozen=True, slots=True)
class UtilityBill:
    layout: str               # "electricity" | "water"
    supplier: str             # 国网深圳供电局 / 深圳市水务集团有限公司
    holder: str               # 户名
    account_no: str           # 户号 (State Grid: 10 digits; water: 8)
    address: str              # 用电地址 / 用水地址
    month: str                # 电费年月 "YYYY-MM"
    reading_from: int         # 上次示数
    reading_to: int           # 本次示数
    usage: int                # kWh or m³
    price_cents: int          # per unit
    amount_cents: int         # as printed
    amount_capital: str
    due: date                 # 缴费截止日期
    alteration: Alteration | None
    doc_type: str = "utility_bill"


def _supplier(merchant: Merchant, water: bool) -> str:
    try:
        r = region(merchant.region_code)
        city, province = r.name, r.province
    except ValueError:
        city, province = "北京市", "北京市"
    if water:
        return f"{city.removesuffix('市')}市自来水有限公司"
    return f"国网{province.removesuffix('省').removesuffix('市').removesuffix('自治区')}省电力有限公司{city}供电公司"


def build(world: World, merchant: Merchant, item: EvidenceItem, rng: np.random.Generator) -> UtilityBill:
    water = merchant.industry_code[:2] in WATER_DIVISIONS
    utility = "water" if water else "electricity"
    month_end = date(item.issued.year, item.issued.month, 1) - timedelta(days=1)   # the month billed
    month = f"{month_end:%Y-%m}"
    revenue = next((m.revenue_cny for m in merchant.monthly if m.month == month), merchant.monthly[-1].revenue_cny)
    share = UTILITY_SHARE.get(merchant.industry_code[:2], 0.01) * float(rng.uniform(0.8, 1.2))
    price = PRICE_CENTS[utility]
    usage = max(1, round(revenue * 100 * share / price))
    genuine = usage * price
    printed = genuine * edit_factor(world, item) if item.fraud_kind == "tamper_amount" else genuine
    holder, alteration, kind = merchant.name, None, item.fraud_kind
    if kind == "name_mismatch":
        holder, _ = shown_identity(world, merchant, item)
        alteration = Alteration(kind, "holder", merchant.name, holder, "another account's bill")
    elif kind == "tamper_amount":
        alteration = Alteration(kind, "amount", f"{genuine / 100:.2f}", f"{printed / 100:.2f}",
                                "amount edited; usage × price still gives the genuine one")
    elif kind not in (None, "screen_recapture", "print_recapture", "reused_document"):
        raise unsupported("utility_bill", kind)
    start = int(rng.integers(1_000, 90_000))
    digits = 8 if water else 10
    return UtilityBill(
        layout=utility, supplier=_supplier(merchant, water), holder=holder,
        account_no=f"{int(rng.integers(10 ** (digits - 1), 10 ** digits))}", address=merchant.address, month=month,
        reading_from=start, reading_to=start + usage, usage=usage, price_cents=price, amount_cents=printed,
        amount_capital=capital_amount(genuine if kind == "tamper_amount" else printed),
        due=month_end + timedelta(days=int(rng.integers(15, 26))), alteration=alteration)

"""增值税及附加税费申报表: the VAT return a merchant files with the tax bureau, as 电子税务局 prints it.
What it proves is *declared* revenue: sales the merchant told the tax bureau about, at its own cost.

Two real forms, by taxpayer status:

- 小规模纳税人 (small-scale, almost every micro merchant): one return a quarter. From 2023 to 2027 a
  quarter's sales up to CNY 300,000 are exempt (小微企业免税销售额, rows 9–10); above that they are taxed
  at 1% instead of 3% (row 1, with the 2% relief on row 16). 本期数 and 本年累计 each split goods
  (货物及劳务) from services (服务、不动产和无形资产).
- 一般纳税人 (general taxpayer: compulsory above CNY 5 million of annual sales): one return a month,
  output tax on sales at the trade's rate less input tax on purchases (rows 11, 12, 19).

The return filed last before the world's day is printed: the previous quarter's (filed by the 15th
of the month after it) or the previous month's. Declared sales are the truth's revenue of those
months times a declared share (assumptions, documented in seed_data/README.md): micro merchants whose
customers are households often under-declare cash takings (share 0.55–1.0); those that sell to
firms declare what they invoice (0.85–1.0); general taxpayers invoice almost everything (0.95–1.0).
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

import numpy as np

from seed_data.documents.alteration import Alteration
from seed_data.documents.business_licence import authority_city
from seed_data.documents.fraud import amounts_cents, shown_identity, shown_uscc, unsupported
from seed_data.documents.lookup import industry
from seed_data.world.records import EvidenceItem, Merchant, World

EXEMPT_QUARTER_CENTS = 300_000_00      # 财政部 税务总局公告2023年第19号: small-scale exemption up to 300k a quarter
GENERAL_TAXPAYER_CNY = 5_000_000       # 增值税一般纳税人登记管理办法: compulsory above 5 million a year
# Divisions whose sales are services (运输, 建筑, 餐饮住宿, 租赁和商务服务 …): the return's second column.
SERVICE_DIVISIONS = frozenset({"47", "48", "49", "50", "53", "54", "55", "56", "58", "59", "60", "61", "62", "71",
                               "72", "80", "81"})
# General taxpayers' output rates: goods 13%, transport and construction 9%, other services 6%.
NINE_PERCENT_DIVISIONS = frozenset({"47", "48", "49", "50", "53", "54", "55", "56", "58", "59", "60"})


@dataclass(frozen=True, slots=True)
class TaxReturn:
    layout: str                # "small_scale" (quarterly) | "general" (monthly)
    title: str
    taxpayer: str              # 纳税人名称
    tax_id: str                # 纳税人识别号（统一社会信用代码）
    period_start: date
    period_end: date
    filed: date                # 填表日期
    services: bool             # the sales sit in the services column
    taxable_cents: int         # small scale: row 1 (taxed at 1%); general: row 1 (按适用税率计税销售额)
    exempt_cents: int          # small scale: rows 9 and 10 (小微企业免税销售额); general: row 8
    rate: float                # general: output rate; small scale: the 3% the form names
    output_tax_cents: int      # general row 11; small scale row 15
    relief_cents: int          # small scale row 16 (减征额); general row 12 (进项税额)
    tax_due_cents: int         # small scale row 20 / 22; general row 19 / 24
    year_taxable_cents: int    # 本年累计 of the taxable row
    year_exempt_cents: int
    authority: str             # 主管税务机关
    alteration: Alteration | None
    doc_type: str = "tax_certificate"

    @property
    def declared_cents(self) -> int:
        return self.taxable_cents + self.exempt_cents


def filed_period(as_of: date, general: bool) -> tuple[date, date]:
    """The last period whose return is due before ``as_of`` (the 15th of the month after it)."""
    month_start = date(as_of.year, as_of.month, 1)
    last_month_end = month_start - timedelta(days=1)
    if general:
        end = last_month_end if as_of.day > 15 else date(last_month_end.year, last_month_end.month, 1) - timedelta(days=1)
        return date(end.year, end.month, 1), end
    quarter_start = date(as_of.year, 3 * ((as_of.month - 1) // 3) + 1, 1)
    end = quarter_start - timedelta(days=1)
    if as_of.month == quarter_start.month and as_of.day <= 15:   # the return is not yet due: the one before
        end = date(end.year, 3 * ((end.month - 1) // 3) + 1, 1) - timedelta(days=1)
    start = date(end.year, end.month - 2, 1)
    return start, end


def _months(start: date, end: date) -> list[str]:
    out, d = [], start
    while d <= end:
        out.append(f"{d:%Y-%m}")
        d = date(d.year + d.month // 12, d.month % 12 + 1, 1)
    return out


def is_general_taxpayer(merchant: Merchant) -> bool:
    """Registration is compulsory above the threshold for companies and sole traders alike."""
    return sum(m.revenue_cny for m in merchant.monthly[-12:]) > GENERAL_TAXPAYER_CNY


def declared_share(world: World, merchant: Merchant, rng: np.random.Generator) -> float:
    if is_general_taxpayer(merchant):
        return float(rng.uniform(0.95, 1.0))
    ind = industry(world, merchant.industry_code)
    households = ind is not None and ind.sells_to_households
    return float(rng.uniform(0.55, 1.0) if households else rng.uniform(0.85, 1.0))


def build(world: World, merchant: Merchant, item: EvidenceItem, rng: np.random.Generator) -> TaxReturn:
    general = is_general_taxpayer(merchant)
    start, end = filed_period(world.as_of, general)
    revenue = {m.month: m.revenue_cny for m in merchant.monthly}
    share = declared_share(world, merchant, rng)
    genuine_default = int(sum(revenue.get(m, 0) for m in _months(start, end)) * share)
    # 本年累计: this period plus what the year's earlier returns declared at the same share
    earlier = int(sum(revenue.get(m, 0) for m in _months(date(end.year, 1, 1), start - timedelta(days=1))) * share) * 100
    genuine, printed = amounts_cents(world, item, fallback_cny=genuine_default)
    name, tax_id, alteration, kind = merchant.name, merchant.uscc, None, item.fraud_kind
    if kind == "name_mismatch":
        name, tax_id = shown_identity(world, merchant, item)
        alteration = Alteration(kind, "taxpayer", merchant.name, name, "another taxpayer's return")
    elif kind == "invalid_check_digit":
        tax_id = shown_uscc(merchant, item)
        alteration = Alteration(kind, "tax_id", merchant.uscc, tax_id, "USCC check character fails GB 32100")
    elif kind == "tamper_amount":
        cell = "exempt" if not general and genuine <= EXEMPT_QUARTER_CENTS else "taxable"
        alteration = Alteration(kind, cell, f"{genuine / 100:.2f}", f"{printed / 100:.2f}",
                                "sales edited; the tax rows still follow the genuine sales")
    elif kind not in (None, "screen_recapture", "print_recapture", "reused_document"):
        raise unsupported("tax_certificate", kind)
    services = merchant.industry_code[:2] in SERVICE_DIVISIONS
    filed = end + timedelta(days=int(rng.integers(3, 16)))
    authority = f"国家税务总局{authority_city(merchant.region_code) or ''}税务局"
    if general:
        rate = 0.09 if merchant.industry_code[:2] in NINE_PERCENT_DIVISIONS else 0.06 if services else 0.13
        output = round(genuine * rate)
        input_tax = round(output * float(rng.uniform(0.55, 0.9)))
        return TaxReturn(layout="general", title="增值税及附加税费申报表（一般纳税人适用）", taxpayer=name, tax_id=tax_id,
                         period_start=start, period_end=end, filed=filed, services=services, taxable_cents=printed,
                         exempt_cents=0, rate=rate, output_tax_cents=output, relief_cents=input_tax,
                         tax_due_cents=output - input_tax, year_taxable_cents=printed + earlier, year_exempt_cents=0,
                         authority=authority, alteration=alteration)
    exempt = genuine <= EXEMPT_QUARTER_CENTS
    taxable, exempt_sales = (0, printed) if exempt else (printed, 0)
    three, one = round(genuine * 0.03), round(genuine * 0.01)
    return TaxReturn(layout="small_scale", title="增值税及附加税费申报表（小规模纳税人适用）", taxpayer=name, tax_id=tax_id,
                     period_start=start, period_end=end, filed=filed, services=services, taxable_cents=taxable,
                     exempt_cents=exempt_sales, rate=0.03, output_tax_cents=0 if exempt else three,
                     relief_cents=0 if exempt else three - one, tax_due_cents=0 if exempt else one,
                     year_taxable_cents=taxable + (0 if exempt else earlier),
                     year_exempt_cents=exempt_sales + (earlier if exempt else 0),
                     authority=authority, alteration=alteration)

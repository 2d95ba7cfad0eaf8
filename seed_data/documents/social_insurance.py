"""社保缴纳证明: the merchant's social insurance for its staff over the last six months, as the city's
human-resources bureau prints it (社会保险单位参保证明, layout ``hr_bureau``) or, since the tax bureau
collects the contributions (2019 on), as 电子税务局 prints it (社会保险费缴费证明, layout ``tax_bureau``).
What it proves is headcount: people on the payroll, insured, month by month.

Headcount follows trade and size (assumptions, seed_data/README.md): annual revenue over the
trade's revenue per employee (catering and services 250–300k, retail 600k, manufacturing 400k,
freight 800k, wholesale 1.5M CNY), times noise 0.7–1.3, at least one; companies insure their staff,
a sole trader insures itself and about half its helpers. Each month's insured count wanders by one
around that. The contribution base per person is the city's lower bound or a little above (CNY
4,500–7,000 a month); employers pay 24% of it and employees 10.5%.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

import numpy as np

from seed_data.documents.alteration import Alteration
from seed_data.documents.fraud import shown_identity, shown_uscc, unsupported
from seed_data.numbers.regions import region
from seed_data.world.records import EvidenceItem, Merchant, World

REVENUE_PER_EMPLOYEE = {"62": 250_000, "80": 250_000, "81": 300_000, "52": 600_000, "51": 1_500_000,
                        "54": 800_000, "60": 500_000, "59": 700_000, "14": 400_000, "18": 400_000, "29": 400_000,
                        "33": 400_000, "50": 350_000, "71": 600_000, "01": 500_000, "03": 800_000}
EMPLOYER_RATE, EMPLOYEE_RATE = 0.24, 0.105
MONTHS = 6


@dataclass(frozen=True, slots=True)
class InsuredMonth:
    month: str                # 缴费年月 / 费款所属期 "YYYY-MM"
    insured: int              # 参保人数 / 缴费人数
    base_cents: int           # 缴费基数合计
    employer_cents: int       # 单位缴费
    employee_cents: int       # 个人缴费

    @property
    def total_cents(self) -> int:
        return self.employer_cents + self.employee_cents


@dataclass(frozen=True, slots=True)
class SocialInsuranceProof:
    layout: str                       # "hr_bureau" | "tax_bureau"
    holder: str                       # 单位名称 / 缴费人名称
    uscc: str
    unit_no: str                      # 单位社保编号 (hr) / 社保费缴费编号
    city: str
    authority: str                    # 某市人力资源和社会保障局 / 国家税务总局某市税务局
    months: tuple[InsuredMonth, ...]  # oldest first
    issued: date                      # 打印日期
    check_code: str                   # 验证码: the bureau's online check
    alteration: Alteration | None
    doc_type: str = "social_insurance"


def headcount(merchant: Merchant, rng: np.random.Generator) -> int:
    annual = sum(m.revenue_cny for m in merchant.monthly[-12:])
    staff = max(1, round(annual / REVENUE_PER_EMPLOYEE.get(merchant.industry_code[:2], 500_000)
                         * float(rng.uniform(0.7, 1.3))))
    if merchant.legal_form == "individual":   # the owner, and about half the helpers
        staff = 1 + int(rng.binomial(staff - 1, 0.5)) if staff > 1 else 1
    return staff


def build(world: World, merchant: Merchant, item: EvidenceItem, rng: np.random.Generator) -> SocialInsuranceProof:
    staff = headcount(merchant, rng)
    wage = int(rng.integers(4_500, 7_001)) * 100
    months, end = [], date(item.issued.year, item.issued.month, 1) - timedelta(days=1)
    for back in range(MONTHS - 1, -1, -1):
        y, m = end.year, end.month - back
        while m < 1:
            y, m = y - 1, m + 12
        insured = max(1, staff + int(rng.integers(-1, 2)) if staff > 2 else staff)
        base = insured * wage
        months.append(InsuredMonth(f"{y:04d}-{m:02d}", insured, base, round(base * EMPLOYER_RATE),
                                   round(base * EMPLOYEE_RATE)))
    holder, uscc, alteration, kind = merchant.name, merchant.uscc, None, item.fraud_kind
    if kind == "name_mismatch":
        holder, uscc = shown_identity(world, merchant, item)
        alteration = Alteration(kind, "holder", merchant.name, holder, "another employer's proof")
    elif kind == "invalid_check_digit":
        uscc = shown_uscc(merchant, item)
        alteration = Alteration(kind, "uscc", merchant.uscc, uscc, "USCC check character fails GB 32100")
    elif kind not in (None, "screen_recapture", "print_recapture", "reused_document"):
        raise unsupported("social_insurance", kind)
    try:
        city = region(merchant.region_code).name
    except ValueError:
        city = "北京市"
    tax = rng.random() < 0.4   # assumption: 4 in 10 print it from the tax bureau, which collects since 2019
    return SocialInsuranceProof(
        layout="tax_bureau" if tax else "hr_bureau", holder=holder, uscc=uscc,
        unit_no=f"{merchant.region_code}{int(rng.integers(10 ** 7, 10 ** 8))}", city=city,
        authority=f"国家税务总局{city}税务局" if tax else f"{city}人力资源和社会保障局", months=tuple(months),
        issued=item.issued, check_code="".join(str(int(d)) for d in rng.integers(0, 10, 12)), alteration=alteration)

"""资质证书/生产许可证: the permission a trade needs beyond its business licence. Which one follows the
trade, as in life: a food manufacturer holds a 食品生产许可证 (SC number, five years), a livestock farm
an 动物防疫条件合格证 (no end date; reviewed yearly by the county's agriculture bureau).

SC number: "SC" + food category (3 digits) + province and county (2+2+2) + serial (4) + check (1),
16 characters in all (《食品生产许可管理办法》); our check digit is a plain digit, nothing validates it.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import numpy as np

from seed_data.documents.alteration import Alteration
from seed_data.documents.business_licence import authority_city
from seed_data.documents.fraud import expired_until, shown_identity, shown_uscc, unsupported
from seed_data.numbers.regions import region
from seed_data.world.records import EvidenceItem, Merchant, World

FOOD_PRODUCTION_YEARS = 5   # 《食品生产许可管理办法》第三十一条: valid five years
LIVESTOCK_DIVISIONS = frozenset({"03"})
FOOD_CATEGORIES = {"1411": ("糕点", "124"), "1419": ("糕点", "124")}


@dataclass(frozen=True, slots=True)
class QualificationCert:
    layout: str               # "food_production" (食品生产许可证) | "animal_epidemic" (动物防疫条件合格证)
    title: str
    number: str
    holder: str               # 生产者名称 / 单位名称
    uscc: str
    representative: str       # 法定代表人（负责人）
    address: str              # 住所 / 地址
    scope: str                # 食品类别 / 经营范围
    valid_until: date | None  # None: no end date (动物防疫条件合格证)
    supervisor: str           # 日常监督管理机构
    authority: str
    issued: date
    alteration: Alteration | None
    doc_type: str = "qualification_cert"


def build(world: World, merchant: Merchant, item: EvidenceItem, rng: np.random.Generator) -> QualificationCert:
    livestock = merchant.industry_code[:2] in LIVESTOCK_DIVISIONS
    holder, uscc, alteration, kind = merchant.name, merchant.uscc, None, item.fraud_kind
    valid_until = None if livestock else (item.valid_until or date(item.issued.year + FOOD_PRODUCTION_YEARS,
                                                                   item.issued.month, min(item.issued.day, 28)))
    if kind == "expired_licence" and not livestock:
        valid_until = expired_until(world, item)
        alteration = Alteration(kind, "valid_until", None, f"{valid_until:%Y年%m月%d日}", "licence lapsed")
    elif kind == "name_mismatch":
        holder, uscc = shown_identity(world, merchant, item)
        alteration = Alteration(kind, "holder", merchant.name, holder, "another business's licence")
    elif kind == "invalid_check_digit":
        uscc = shown_uscc(merchant, item)
        alteration = Alteration(kind, "uscc", merchant.uscc, uscc, "USCC check character fails GB 32100")
    elif kind not in (None, "screen_recapture", "print_recapture", "reused_document"):
        raise unsupported("qualification_cert", kind)
    city = authority_city(merchant.region_code)
    issued = item.issued if valid_until is None else date(valid_until.year - FOOD_PRODUCTION_YEARS,
                                                            valid_until.month, min(valid_until.day, 28))
    if livestock:
        try:
            r = region(merchant.region_code)
            prov, abbr = r.plate_prefixes[0][0], r.plate_prefixes[0][1]
        except ValueError:
            prov, abbr = "京", "A"
        animals = "生猪" if merchant.industry_code == "0313" else "蛋鸡、肉鸡"
        return QualificationCert(
            layout="animal_epidemic", title="动物防疫条件合格证",
            number=f"（{issued.year}）{prov}{abbr}动防合字第{int(rng.integers(1, 10**6)):06d}号", holder=holder,
            uscc=uscc, representative=merchant.owner.name, address=merchant.address, scope=f"{animals}养殖",
            valid_until=None, supervisor=f"{city}农业农村局", authority=f"{city}农业农村局", issued=issued,
            alteration=alteration)
    category, code = FOOD_CATEGORIES.get(merchant.industry_code, ("糕点", "124"))
    return QualificationCert(
        layout="food_production", title="食品生产许可证",
        number=f"SC{code}{merchant.region_code}{int(rng.integers(0, 10**4)):04d}{int(rng.integers(10))}",
        holder=holder, uscc=uscc, representative=merchant.owner.name, address=merchant.address,
        scope=category, valid_until=valid_until,
        supervisor=f"{city}市场监督管理局城区市场监管所", authority=f"{city}市场监督管理局",
        issued=issued, alteration=alteration)

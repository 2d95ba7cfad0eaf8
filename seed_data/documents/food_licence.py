"""食品经营许可证: the food business licence a caterer or food retailer must hold.

Number: JY + 业态 digit (1 food sales, 2 catering, 3 canteen) + six-digit county code + six-digit serial +
one check digit, 14 digits in all. The check digit's algorithm is not public; ours is a plain digit and
nothing should validate it.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import numpy as np

from seed_data.documents.alteration import Alteration
from seed_data.documents.business_licence import authority_city
from seed_data.documents.fraud import expired_until, shown_identity, shown_uscc, unsupported
from seed_data.documents.identity import person_name
from seed_data.documents.printed import cn_date
from seed_data.world.records import EvidenceItem, Merchant, World

VALID_YEARS = 5   # 《食品经营许可和备案管理办法》: valid five years
CATERING_DIVISIONS = frozenset({"62"})


@dataclass(frozen=True, slots=True)
class FoodLicence:
    number: str
    operator: str            # 经营者名称
    uscc: str
    representative: str      # 法定代表人（负责人）
    address: str             # 住所
    premises: str            # 经营场所
    category: str            # 主体业态
    items: str               # 经营项目
    valid_until: date
    supervisor: str          # 日常监督管理机构
    signer: str              # 签发人
    authority: str
    issued: date
    alteration: Alteration | None
    doc_type: str = "food_licence"


def build(world: World, merchant: Merchant, item: EvidenceItem, rng: np.random.Generator) -> FoodLicence:
    catering = merchant.industry_code[:2] in CATERING_DIVISIONS
    number = f"JY{2 if catering else 1}{merchant.region_code}{int(rng.integers(0, 10**6)):06d}{int(rng.integers(10))}"
    valid_until = item.valid_until or date(item.issued.year + VALID_YEARS, item.issued.month,
                                           min(item.issued.day, 28))
    operator, uscc, alteration, kind = merchant.name, merchant.uscc, None, item.fraud_kind
    if kind == "expired_licence":
        valid_until = expired_until(world, item)
        alteration = Alteration(kind, "valid_until", None, cn_date(valid_until), "licence lapsed before submission")
    elif kind == "name_mismatch":
        operator, uscc = shown_identity(world, merchant, item)
        alteration = Alteration(kind, "operator", merchant.name, operator, "licence of another business")
    elif kind == "invalid_check_digit":
        uscc = shown_uscc(merchant, item)
        alteration = Alteration(kind, "uscc", merchant.uscc, uscc, "USCC check character fails GB 32100")
    elif kind not in (None, "screen_recapture", "print_recapture", "reused_document"):
        raise unsupported("food_licence", kind)
    city = authority_city(merchant.region_code)
    return FoodLicence(
        number=number, operator=operator, uscc=uscc, representative=merchant.owner.name,
        address=merchant.address, premises=merchant.address,
        category="餐饮服务经营者（小型餐馆）" if catering else "食品销售经营者（食杂店）",
        items="热食类食品制售" if catering else "预包装食品（含冷藏冷冻食品）销售，散装食品销售",
        valid_until=valid_until, supervisor=f"{city}市场监督管理局市场监管所", signer=person_name(rng),
        authority=f"{city}市场监督管理局",
        issued=date(valid_until.year - VALID_YEARS, valid_until.month, min(valid_until.day, 28)),
        alteration=alteration,
    )

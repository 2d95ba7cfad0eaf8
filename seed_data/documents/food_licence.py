"""食品经营许可证: the food business licence a caterer or food retailer must hold.

Number: JY + 业态 digit (1 food sales, 2 catering, 3 canteen) + six-digit county code + six-digit serial +
one check digit, 14 digits in all. The check digit's algorithm is not public; ours is a plain digit and
nothing should validate it.

Two formats are in force. Licences issued under the 2015 《食品经营许可管理办法》 print 社会信用代码（身份证
号码）, 日常监督管理机构/人员 and 签发人 (``2015``). The 《食品经营许可和备案管理办法》 (总局令第78号) took
effect on 1 December 2023 with a new certificate (``2023``): 统一社会信用代码, no supervisor and no signer,
经营项目 in the new catalogue's words (selling only pre-packed food needs a filing, not a licence, so a
shop's licence lists 散装食品 and no longer 预包装食品), and a QR code; licences issued before stay valid
to their end. So the format follows the issue date (``NEW_FORMAT_FROM``), never a coin toss; with five-year
licences most of the world's, issued recently, are in the new one.

The same 办法 makes the 电子证书 as valid as the paper one, and provinces serve it in their government
apps' 电子证照; the third format is that screen, screenshotted (``electronic``), only for licences of the
2023 办法. Assumption: one in five of those holders sends the screenshot (``ELECTRONIC_SHARE``), drawn
from the item's own "electronic" stream so that no content value moves.
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
from seed_data.documents.seeding import stream
from seed_data.world.records import EvidenceItem, Merchant, World

VALID_YEARS = 5   # 《食品经营许可和备案管理办法》: valid five years
NEW_FORMAT_FROM = date(2023, 12, 1)   # 《食品经营许可和备案管理办法》 in force, new certificate format
ELECTRONIC_SHARE = 0.2   # of 2023 certificates: sent as the 电子证书's screenshot (assumption, see above)
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
    layout: str = "2015"     # "2015" (2015 办法's 副本) | "2023" (certificate of the 2023 办法, issued from 2023-12-01)
    #                          | "electronic" (the 2023 certificate's 电子证书 screenshot)


# 经营项目 in the 2023 catalogue's words (食品经营许可审查通则, 2024), keyed on the 2015 wording.
ITEMS_2023 = {"热食类食品制售": "餐饮服务：热食类食品制售",
              "预包装食品（含冷藏冷冻食品）销售，散装食品销售": "食品销售：散装食品（含冷藏冷冻食品）销售"}


def printed_items(c: FoodLicence) -> str:
    """经营项目 as the licence's own format prints it."""
    return ITEMS_2023.get(c.items, c.items) if c.layout in ("2023", "electronic") else c.items


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
    issued = date(valid_until.year - VALID_YEARS, valid_until.month, min(valid_until.day, 28))
    return FoodLicence(
        number=number, operator=operator, uscc=uscc, representative=merchant.owner.name,
        address=merchant.address, premises=merchant.address,
        category="餐饮服务经营者（小型餐馆）" if catering else "食品销售经营者（食杂店）",
        items="热食类食品制售" if catering else "预包装食品（含冷藏冷冻食品）销售，散装食品销售",
        valid_until=valid_until, supervisor=f"{city}市场监督管理局市场监管所", signer=person_name(rng),
        authority=f"{city}市场监督管理局",
        issued=issued, alteration=alteration, layout=_layout(world, item, issued),
    )


def _layout(world: World, item: EvidenceItem, issued: date) -> str:
    """By the issue date, the screenshot drawn from the item's own stream: the content stream's draws
    stay as they were."""
    if issued < NEW_FORMAT_FROM:
        return "2015"
    return "electronic" if stream(world.seed, item.evidence_id, "electronic").random() < ELECTRONIC_SHARE else "2023"

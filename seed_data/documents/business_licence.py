"""营业执照: the business licence, company or sole-trader (个体工商户) form, in the format it was printed in.

Two national formats are in use, and a bank meets both. The format of 1 March 2014 (工商企字〔2014〕30号,
with the 18-character USCC from 1 October 2015) printed the 副本 portrait: emblem and title on top, the
code and a QR code below them, then one column of 记载事项 and the registration authority's seal, under
the 国家工商行政管理总局. The format of 1 March 2019 (市场监管总局, 新版营业执照) turned every 照面 landscape,
two columns of fields. A licence issued in the old format stays valid until the business changes a
registered item, and nothing obliges it to exchange; so the format a licence takes follows its 发照日期
(``NEW_FORMAT_FROM``), never a coin toss. Assumption: the issue date the world prints is the date of the
licence in hand (no exchange since), which puts the old format on about half of the world's licences.

The third format is the 电子营业执照 on the holder's phone, screenshotted (``electronic``): the 市场监管
总局 has issued it with every new licence (同步发放) through its mini-programs since their national rollout
(first issued 9 April 2018 in Tianjin and Jiangsu; ``ELECTRONIC_FROM`` takes the start of 2019, when every
province issued it). Assumption: a quarter of the merchants whose licence was issued since send the
screenshot instead of a photo of the paper (``ELECTRONIC_SHARE``), drawn from the item's own
"electronic" stream so that no content value moves.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import numpy as np

from seed_data.documents.alteration import Alteration
from seed_data.documents.capital_amount import capital_yuan
from seed_data.documents.fraud import expired_until, shown_identity, shown_uscc, unsupported
from seed_data.documents.lookup import industry
from seed_data.documents.printed import cn_date
from seed_data.documents.seeding import stream
from seed_data.numbers.regions import region
from seed_data.world.records import EvidenceItem, Merchant, World

NEW_FORMAT_FROM = date(2019, 3, 1)   # 新版营业执照 issued from this day (市场监管总局, 2019)
ELECTRONIC_FROM = date(2019, 1, 1)   # mobile 电子营业执照 issued in every province (assumption, see above)
ELECTRONIC_SHARE = 0.25              # of licences issued since: sent as the app's screenshot (assumption)


@dataclass(frozen=True, slots=True)
class BusinessLicence:
    name: str
    uscc: str
    entity_type: str           # 类型 / 组成形式
    representative_label: str  # 法定代表人 (company) | 经营者 (sole trader)
    representative: str
    capital: str | None        # 注册资本 in capitals; sole traders have none
    founded: date
    term_end: date | None      # 营业期限 end; None prints 长期
    scope: str
    address: str
    authority: str             # 登记机关
    issued: date
    individual: bool
    alteration: Alteration | None
    doc_type: str = "business_licence"
    layout: str = "landscape"  # "landscape" (2019 format) | "portrait" (2014 format's 副本, issued before 2019-03-01)
    #                            | "electronic" (电子营业执照 screenshot)


def authority_city(region_code: str) -> str:
    try:
        return region(region_code).name
    except ValueError:
        return ""


def registered_capital(cny: int) -> str:
    """Licences print capital in capitals, in 万元 when it is a round number of them."""
    if cny % 10_000 == 0:
        return f"{capital_yuan(cny // 10_000)}万元整"
    return f"{capital_yuan(cny)}元整"


def build(world: World, merchant: Merchant, item: EvidenceItem, rng: np.random.Generator) -> BusinessLicence:
    ind = industry(world, merchant.industry_code)
    trade = ind.name_zh if ind else "日用百货销售"
    individual = merchant.legal_form == "individual"
    name, uscc, term_end, alteration = merchant.name, merchant.uscc, None, None
    kind = item.fraud_kind
    if kind == "name_mismatch":
        name, uscc = shown_identity(world, merchant, item)
        alteration = Alteration(kind, "name", merchant.name, name, "licence of another business")
    elif kind == "invalid_check_digit":
        uscc = shown_uscc(merchant, item)
        alteration = Alteration(kind, "uscc", merchant.uscc, uscc, "USCC check character fails GB 32100")
    elif kind == "expired_licence":
        term_end = expired_until(world, item)
        alteration = Alteration(kind, "term", "长期", cn_date(term_end), "business term ended before the item date")
    elif kind is not None and kind not in ("screen_recapture", "print_recapture", "reused_document"):
        raise unsupported("business_licence", kind)
    return BusinessLicence(
        name=name, uscc=uscc,
        entity_type="个体工商户" if individual else ("有限责任公司（自然人独资）" if rng.random() < 0.6
                                                  else "有限责任公司（自然人投资或控股）"),
        representative_label="经营者" if individual else "法定代表人",
        representative=merchant.owner.name,
        capital=None if individual else registered_capital(merchant.registered_capital_cny),
        founded=merchant.founded, term_end=term_end,
        scope=(f"一般项目：{trade}；日用百货销售；货物进出口。（除依法须经批准的项目外，凭营业执照依法自主开展"
               "经营活动）"),
        address=merchant.address,
        authority=f"{authority_city(merchant.region_code)}市场监督管理局",
        issued=item.issued, individual=individual, alteration=alteration,
        layout=_layout(world, item),
    )


def _layout(world: World, item: EvidenceItem) -> str:
    """By the issue date, the screenshot drawn from the item's own stream: the content stream's draws
    stay as they were."""
    screenshot = stream(world.seed, item.evidence_id, "electronic").random() < ELECTRONIC_SHARE
    if item.issued >= ELECTRONIC_FROM and screenshot:
        return "electronic"
    return "landscape" if item.issued >= NEW_FORMAT_FROM else "portrait"

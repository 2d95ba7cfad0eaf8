"""道路运输经营许可证: the road transport business permit a freight operator must hold.

The permit is issued as a 正本 and a 副本 of equal force (交通运输部's 式样): the 正本 a 40 × 28 cm sheet with
the emblem, framed for the office wall, the 副本 an 18 × 13 cm booklet with a dark green cover whose first
inner spread repeats the 正本's items in a ruled table and adds pages for 分支机构, 变更记录 and 检查（考核）
记录. The seed first drew one landscape certificate (``certificate``); the booklet's spread is the second
(``booklet``). An operator asked for "the permit" photographs whichever is at hand, the
booklet from the cab or the frame from the wall, and a loan officer's list asks for both. Assumption: half
and half, drawn from the item's own "layout" stream so that no content value moves.

The third format is the permit's 电子证照 (JT/T 1291-2019, in force 1 March 2020) shown in an app and
screenshotted (``electronic``), for permits issued from ``ELECTRONIC_FROM``. Assumption: a quarter of
those operators send the screenshot (``ELECTRONIC_SHARE``), drawn from the item's own "electronic" stream
so that neither a content value nor the booklet/certificate draw moves.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import numpy as np

from seed_data.documents.alteration import Alteration
from seed_data.documents.business_licence import authority_city
from seed_data.documents.fraud import expired_until, shown_identity, shown_uscc, unsupported
from seed_data.documents.printed import cn_date
from seed_data.documents.seeding import stream
from seed_data.numbers.regions import region
from seed_data.world.records import EvidenceItem, Merchant, World

VALID_YEARS = 4   # assumption: many provinces issue four-year permits; some now issue indefinite ones
BOOKLET_SHARE = 0.5
ELECTRONIC_FROM = date(2020, 3, 1)   # JT/T 1291-2019, the permit's 电子证照 standard, in force
ELECTRONIC_SHARE = 0.25              # of permits issued since: sent as the app's screenshot (assumption)


@dataclass(frozen=True, slots=True)
class TransportPermit:
    number: str              # 粤交运管许可深字440300012345号
    holder: str              # 业户名称
    uscc: str
    representative: str      # 负责人
    address: str
    economic_type: str       # 经济类型
    scope: str               # 经营范围
    valid_from: date
    valid_until: date
    authority: str
    issued: date
    alteration: Alteration | None
    doc_type: str = "road_transport_permit"
    layout: str = "certificate"   # "certificate" (landscape, emblem) | "booklet" (the 副本's open inner spread)
    #                               | "electronic" (电子证照 screenshot)


def build(world: World, merchant: Merchant, item: EvidenceItem, rng: np.random.Generator) -> TransportPermit:
    try:
        r = region(merchant.region_code)
        prov, city = r.plate_prefixes[0][0], r.name[0]
    except ValueError:
        prov, city = "京", "京"
    number = f"{prov}交运管许可{city}字{merchant.region_code}{int(rng.integers(0, 10**6)):06d}号"
    valid_from = item.issued
    valid_until = item.valid_until or date(valid_from.year + VALID_YEARS, valid_from.month, min(valid_from.day, 28))
    holder, uscc, alteration, kind = merchant.name, merchant.uscc, None, item.fraud_kind
    if kind == "expired_licence":
        valid_until = expired_until(world, item)
        valid_from = date(valid_until.year - VALID_YEARS, valid_until.month, min(valid_until.day, 28))
        alteration = Alteration(kind, "valid_until", None, cn_date(valid_until),
                                "permit lapsed before it was submitted")
    elif kind == "name_mismatch":
        holder, uscc = shown_identity(world, merchant, item)
        alteration = Alteration(kind, "holder", merchant.name, holder, "permit of another operator")
    elif kind == "invalid_check_digit":
        uscc = shown_uscc(merchant, item)
        alteration = Alteration(kind, "uscc", merchant.uscc, uscc, "USCC check character fails GB 32100")
    elif kind not in (None, "screen_recapture", "print_recapture", "reused_document"):
        raise unsupported("road_transport_permit", kind)
    return TransportPermit(
        number=number, holder=holder, uscc=uscc, representative=merchant.owner.name, address=merchant.address,
        economic_type="个体" if merchant.legal_form == "individual" else "有限责任公司",
        scope="道路普通货物运输" + ("，货物专用运输（集装箱）" if rng.random() < 0.3 else ""),
        valid_from=valid_from, valid_until=valid_until,
        authority=f"{authority_city(merchant.region_code)}交通运输局", issued=valid_from, alteration=alteration,
        layout=_layout(world, item, valid_from),
    )


def _layout(world: World, item: EvidenceItem, issued: date) -> str:
    """From the item's own streams: the content stream's draws stay as they were."""
    if issued >= ELECTRONIC_FROM and stream(world.seed, item.evidence_id, "electronic").random() < ELECTRONIC_SHARE:
        return "electronic"
    return "booklet" if stream(world.seed, item.evidence_id, "layout").random() < BOOKLET_SHARE else "certificate"

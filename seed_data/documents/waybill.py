"""货运单 / 托运单: one consignment, shipper to consignee, on a truck the carrier names.

Three printed formats (``layout``). ``carbon``: the carrier's pre-printed carbonless 公路货物运单, filled in
and stamped with its seal. ``platform``: the 电子运单 a network freight platform (网络货运平台) generates
and the shipper prints or saves as PDF: since the 网络平台道路货物运输经营管理暂行办法 took effect on
2020-01-01 a platform operator (网络货运经营者) is itself the carrier of record, must keep an electronic
waybill of every trip and upload it to the provincial monitoring system; the truck and driver that
carried the load are printed as 实际承运人. Shares, an assumption: platforms match a large and growing
part of small shippers' full-truckload trips (their own reports claim millions of trucks a month), so
35% of waybills issued on or after 2020-01-01 come from a platform and none before. The draw, and
the platform, come from the item's own ``waybill_layout`` stream, never from the content stream, so
adding the format moved no other value. The platforms are made up (no real brand is imitated).

``ltl``, held out from the readers' development (issue 14): the 货物托运单 a 零担 (less-than-truckload)
快运 network's branch prints from its waybill system on thermal paper when the shipper drops the goods
at the counter (开单). Such networks (a national brand over franchised 网点 and 专线 partners) carry a
large share of small shippers' freight, and their branches print the same 托运单 for consignments up to
a whole truck. Share, an assumption: a quarter of all waybills, at any date (these networks and their
branch systems long predate the platform rules), drawn from the item's own ``waybill_ltl`` stream; the
network's brand and 客服热线 come from the same stream. The networks are made up.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import numpy as np

from seed_data.documents.alteration import Alteration
from seed_data.documents.contract import CARRIER_DIVISIONS
from seed_data.documents.fraud import amounts_cents, shown_identity, unsupported
from seed_data.documents.identity import Side, district, merchant_side, mobile, party_side, person_name, place
from seed_data.documents.lookup import asset, party
from seed_data.documents.printed import money
from seed_data.documents.seeding import stream
from seed_data.numbers.plates import make_plate
from seed_data.world.assets import vehicle_classes
from seed_data.world.records import EvidenceItem, Merchant, World

CARGO = ("日用百货", "建材", "蔬菜水果", "机械配件", "纸箱包装", "饮料", "钢材", "服装", "粮油")
PAYMENT = ("现付", "到付", "月结", "回单付")
PLATFORM_SINCE = date(2020, 1, 1)   # 网络平台道路货物运输经营管理暂行办法 in force
PLATFORM_SHARE = 0.35               # of waybills issued since then; see the module docstring
# Made-up platforms: (brand, operator of record, its 道路运输经营许可证号)
PLATFORMS = (("途达货运", "合肥途达网络科技有限公司", "皖交运管许可合字340100102317号"),
             ("运链通", "南京运链通供应链管理有限公司", "苏交运管许可宁字320100308714号"),
             ("快车帮", "天津快车帮智慧物流有限公司", "津交运管许可字120000095126号"),
             ("货联达", "成都货联达物流科技有限公司", "川交运管许可蓉字510100067743号"))
LTL_SHARE = 0.25                    # of all waybills; see the module docstring
# Made-up 零担 networks: (brand, 客服热线)
LTL_NETWORKS = (("顺程快运", "400-826-1157"), ("远驰物流", "400-617-3380"), ("聚通快运", "400-905-2266"),
                ("恒运达物流", "400-133-7728"))


@dataclass(frozen=True, slots=True)
class Waybill:
    number: str
    issued: date
    carrier: Side
    shipper: Side
    consignee: str
    consignee_phone: str
    origin: str
    destination: str
    consignee_address: str
    cargo: str
    pieces: int
    weight_kg: int
    volume_m3: str
    plate: str               # as printed: no middle dot
    driver: str
    driver_phone: str
    freight_cents: int       # as printed
    payment: str
    alteration: Alteration | None
    doc_type: str = "waybill"
    layout: str = "carbon"    # "carbon" (pre-printed 运单) | "platform" (电子运单) | "ltl" (a 零担 network's 托运单)
    platform: tuple[str, str, str] | None = None   # (brand, operator of record, its permit number)
    network: tuple[str, str] | None = None         # "ltl" only: the 零担 network's (brand, 客服热线)


def ltl_network(world: World, item: EvidenceItem) -> tuple[str, str] | None:
    """The 零担 network whose branch printed the item, or None, from its own ``waybill_ltl`` stream."""
    rng = stream(world.seed, item.evidence_id, "waybill_ltl")
    if rng.random() >= LTL_SHARE:
        return None
    return LTL_NETWORKS[int(rng.integers(len(LTL_NETWORKS)))]


def layout_for(world: World, item: EvidenceItem) -> tuple[str, tuple[str, str, str] | None]:
    """(layout, platform) from the item's own ``waybill_ltl`` and ``waybill_layout`` streams (not the
    content stream)."""
    if ltl_network(world, item) is not None:
        return "ltl", None
    rng = stream(world.seed, item.evidence_id, "waybill_layout")
    if item.issued < PLATFORM_SINCE or rng.random() >= PLATFORM_SHARE:
        return "carbon", None
    return "platform", PLATFORMS[int(rng.integers(len(PLATFORMS)))]


def build(world: World, merchant: Merchant, item: EvidenceItem, rng: np.random.Generator) -> Waybill:
    cp = party(world, item.counterparty_id)
    ours = merchant_side(world, merchant)
    theirs = party_side(world, cp) if cp else ours
    alteration, kind = None, item.fraud_kind
    if kind == "name_mismatch":
        name, _ = shown_identity(world, merchant, item)
        ours = Side(name, ours.uscc, ours.address, ours.phone, ours.bank, ours.account, ours.signatory, None)
        alteration = Alteration(kind, "carrier_name", merchant.name, name, "waybill issued by another carrier")
    elif kind not in (None, "tamper_amount", "screen_recapture", "print_recapture", "reused_document"):
        raise unsupported("waybill", kind)
    merchant_carries = merchant.industry_code[:2] in CARRIER_DIVISIONS or cp is None
    carrier, shipper = (ours, theirs) if merchant_carries else (theirs, ours)
    truck = asset(merchant, item.asset_id, vehicle_classes()) if merchant_carries else None
    plate = truck.plate if truck and truck.plate else make_plate(rng, cp.region_code if cp else merchant.region_code,
                                                                 large=True)
    genuine, printed = amounts_cents(world, item, fallback_cny=int(rng.integers(800, 9_000)))
    if kind == "tamper_amount":
        alteration = Alteration(kind, "freight", money(genuine), money(printed), "运费 edited in place")
    origin_region = cp.region_code if cp else merchant.region_code
    layout, platform = layout_for(world, item)
    return Waybill(
        number=f"YD{item.issued:%Y%m%d}{int(rng.integers(100000, 999999))}", issued=item.issued,
        carrier=carrier, shipper=shipper, consignee=person_name(rng), consignee_phone=mobile(rng),
        origin=district(origin_region, rng), destination=district(merchant.region_code, rng),
        consignee_address=place(merchant.region_code, rng), cargo=CARGO[int(rng.integers(len(CARGO)))],
        pieces=int(rng.integers(10, 600)), weight_kg=int(rng.integers(500, 30_000)),
        volume_m3=f"{rng.uniform(2, 80):.1f}", plate=plate.replace("·", ""), driver=person_name(rng),
        driver_phone=mobile(rng), freight_cents=printed, payment=PAYMENT[int(rng.integers(len(PAYMENT)))],
        alteration=alteration, layout=layout, platform=platform,
        network=ltl_network(world, item) if layout == "ltl" else None,
    )

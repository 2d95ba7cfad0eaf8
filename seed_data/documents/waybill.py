"""货运单 / 托运单: one consignment, shipper to consignee, on a truck the carrier names."""
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
from seed_data.numbers.plates import make_plate
from seed_data.world.assets import vehicle_classes
from seed_data.world.records import EvidenceItem, Merchant, World

CARGO = ("日用百货", "建材", "蔬菜水果", "机械配件", "纸箱包装", "饮料", "钢材", "服装", "粮油")
PAYMENT = ("现付", "到付", "月结", "回单付")


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
    return Waybill(
        number=f"YD{item.issued:%Y%m%d}{int(rng.integers(100000, 999999))}", issued=item.issued,
        carrier=carrier, shipper=shipper, consignee=person_name(rng), consignee_phone=mobile(rng),
        origin=district(origin_region, rng), destination=district(merchant.region_code, rng),
        consignee_address=place(merchant.region_code, rng), cargo=CARGO[int(rng.integers(len(CARGO)))],
        pieces=int(rng.integers(10, 600)), weight_kg=int(rng.integers(500, 30_000)),
        volume_m3=f"{rng.uniform(2, 80):.1f}", plate=plate.replace("·", ""), driver=person_name(rng),
        driver_phone=mobile(rng), freight_cents=printed, payment=PAYMENT[int(rng.integers(len(PAYMENT)))],
        alteration=alteration,
    )

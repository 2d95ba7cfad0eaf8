"""道路运输证: the certificate that lets one vehicle of a licensed freight operator carry goods for hire
(required of vehicles over 4.5 t gross since 2019). It ties the vehicle's plate to the operator and
to the operator's own road transport permit number.
"""
from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from datetime import date

import numpy as np

from seed_data.documents import transport_permit
from seed_data.documents.alteration import Alteration
from seed_data.documents.fraud import expired_until, shown_identity, unsupported
from seed_data.documents.seeding import stream
from seed_data.documents.vehicle_licence import printed_vehicle
from seed_data.world.records import EvidenceItem, Merchant, World

VALID_YEARS = 4   # assumption, as the operator's permit: the certificate is renewed with its annual reviews
SIZES = {"重型半挂牵引车": "6850×2500×3850", "重型厢式货车": "11980×2550×3990", "重型自卸货车": "8600×2550×3450",
         "重型专项作业车": "10200×2500×3950"}


@dataclass(frozen=True, slots=True)
class VehicleTransportCert:
    layout: str              # "card" (IC card, since 2019 in most provinces) | "paper" (older booklet page)
    number: str              # 道路运输证号
    holder: str              # 业户名称
    address: str
    plate: str               # 车辆号牌
    permit_no: str           # 经营许可证号: the operator's road transport permit
    vehicle_type: str
    tonnage: str             # 吨(座)位, e.g. "18吨"
    size_mm: str             # 车辆尺寸
    economic_type: str
    scope: str
    authority: str
    issued: date
    valid_until: date
    alteration: Alteration | None
    doc_type: str = "vehicle_transport_cert"


def _permit_number(world: World, merchant: Merchant, item: EvidenceItem) -> str:
    """The operator's permit number: its own permit item's when it has one."""
    permit = next((e for e in merchant.evidence if e.doc_type == "road_transport_permit" and e.fraud_kind is None),
                  None)
    source = permit or dataclasses.replace(item, doc_type="road_transport_permit", fraud_kind=None)
    rng = stream(world.seed, source.evidence_id, "content" if permit else "permit")
    return transport_permit.build(world, merchant, source, rng).number


def build(world: World, merchant: Merchant, item: EvidenceItem, rng: np.random.Generator) -> VehicleTransportCert:
    v = printed_vehicle(world, merchant, item)
    holder = merchant.name
    issued = item.issued
    valid_until = item.valid_until or date(issued.year + VALID_YEARS, issued.month, min(issued.day, 28))
    alteration, kind = None, item.fraud_kind
    if kind == "expired_licence":
        valid_until = expired_until(world, item)
        alteration = Alteration(kind, "valid_until", None, f"{valid_until:%Y年%m月%d日}", "certificate lapsed")
    elif kind == "name_mismatch":
        holder, _ = shown_identity(world, merchant, item)
        alteration = Alteration(kind, "holder", merchant.name, holder, "another operator's vehicle")
    elif kind not in (None, "screen_recapture", "print_recapture", "reused_document"):
        raise unsupported("vehicle_transport_cert", kind)
    permit_no = _permit_number(world, merchant, item)
    issuer = re.match(r"(.)交运管许可(.)字", permit_no)
    prov, city = issuer.groups() if issuer else ("京", "京")
    tonnage = max(1, round((v.gross_mass_kg * float(rng.uniform(0.55, 0.65))) / 1000))
    return VehicleTransportCert(
        layout="card" if rng.random() < 0.5 else "paper",
        number=f"{prov}交运管{city}字{merchant.region_code}{int(rng.integers(0, 10**6)):06d}号",
        holder=holder, address=merchant.address, plate=v.plate, permit_no=permit_no, vehicle_type=v.vehicle_type,
        tonnage=f"{tonnage}吨", size_mm=SIZES.get(v.vehicle_type, "5995×2100×2300"),
        economic_type="个体" if merchant.legal_form == "individual" else "有限责任公司",
        scope="道路普通货物运输", authority=f"{v.authority.split('公安局')[0]}交通运输局",
        issued=issued, valid_until=valid_until, alteration=alteration,
    )

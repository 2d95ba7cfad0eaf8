"""机动车登记证书: the vehicle's title. Who owns it, which office registered it, and whether a lender
holds a mortgage on it (抵押登记), which no other paper of the vehicle shows.

The vehicle itself (plate, VIN, model, engine number, owner) is the one its driving licence prints:
when the merchant also has that licence, its content is reused, so both papers agree as in life.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import numpy as np

from seed_data.documents import vehicle_licence
from seed_data.documents.alteration import Alteration
from seed_data.documents.fraud import forged_vin, shown_identity, unsupported
from seed_data.documents.lookup import asset
from seed_data.world.assets import vehicle_classes
from seed_data.world.records import EvidenceItem, Merchant, World

COLOURS = ("白", "蓝", "红", "黄", "银", "黑")


@dataclass(frozen=True, slots=True)
class VehicleRegistration:
    layout: str              # "spread" (both pages) | "summary" (page 1 only: registration and mortgage)
    certificate_no: str      # 登记证书编号, 12 digits
    owner: str               # 机动车所有人
    owner_id_kind: str       # 身份证明名称: 统一社会信用代码 | 居民身份证
    owner_id: str            # the USCC, or the owner's ID number (never read back: not needed to match)
    authority: str           # 登记机关
    registered: date         # 登记日期
    plate: str               # 机动车登记编号
    vehicle_type: str
    brand: str
    model: str
    colour: str
    vin: str
    engine_no: str
    gross_mass_kg: int
    use: str
    lien_holder: str | None  # 抵押权人
    lien_registered: date | None
    lien_released: date | None
    issued: date             # 发证日期
    alteration: Alteration | None
    doc_type: str = "vehicle_registration"


def build(world: World, merchant: Merchant, item: EvidenceItem, rng: np.random.Generator) -> VehicleRegistration:
    v = vehicle_licence.printed_vehicle(world, merchant, item)
    a = asset(merchant, item.asset_id, vehicle_classes())
    owner, vin, alteration, kind = v.owner, v.vin, None, item.fraud_kind
    if kind == "name_mismatch":
        owner, _ = shown_identity(world, merchant, item)
        alteration = Alteration(kind, "owner", v.owner, owner, "vehicle registered to another owner")
    elif kind == "invalid_check_digit":
        vin = forged_vin(v.vin)
        alteration = Alteration(kind, "vin", v.vin, vin, "VIN check digit (position 9) fails GB 16735")
    elif kind not in (None, "screen_recapture", "print_recapture", "reused_document"):
        raise unsupported("vehicle_registration", kind)
    person = owner == merchant.owner.name
    brand = v.model.split("牌")[0]
    return VehicleRegistration(
        # A forged VIN is printed on page 2: such a forgery is photographed as the open booklet.
        layout="spread" if rng.random() < 0.5 or kind == "invalid_check_digit" else "summary",
        certificate_no=f"{merchant.region_code[:2]}{int(rng.integers(10**9, 10**10)):010d}",
        owner=owner, owner_id_kind="居民身份证" if person else "统一社会信用代码",
        owner_id=merchant.owner.resident_id if person else merchant.uscc,
        authority=v.authority.replace("交通警察支队", "交通警察支队车辆管理所"), registered=v.registered,
        plate=v.plate, vehicle_type=v.vehicle_type, brand=brand, model=v.model.split("牌")[-1],
        colour=COLOURS[int(rng.integers(len(COLOURS)))], vin=vin, engine_no=v.engine_no,
        gross_mass_kg=v.gross_mass_kg, use="货运", lien_holder=a.lien_holder if a else None,
        lien_registered=a.lien_registered if a else None, lien_released=a.lien_released if a else None,
        issued=v.registered, alteration=alteration,
    )

"""机动车行驶证: the vehicle's driving licence, main page plus the inspection record."""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import date, timedelta

import numpy as np

from seed_data.documents.alteration import Alteration
from seed_data.documents.fraud import expired_until, forged_vin, shown_identity, unsupported
from seed_data.documents.identity import place
from seed_data.documents.lookup import asset
from seed_data.documents.seeding import stream
from seed_data.numbers.plates import make_plate
from seed_data.numbers.regions import region
from seed_data.numbers.vin import make_vin
from seed_data.world.assets import ASSET_CLASSES, vehicle_classes
from seed_data.world.records import EvidenceItem, Merchant, World

VEHICLE_TYPES = {"heavy_truck": "重型厢式货车", "tractor_trailer": "重型半挂牵引车", "light_truck": "轻型普通货车",
                 "dump_truck": "重型自卸货车", "van": "轻型厢式货车", "crane": "重型专项作业车",
                 "concrete_mixer": "重型专项作业车"}
MODEL_CODES = {"解放": "CA", "东风": "DFH", "重汽": "ZZ", "陕汽": "SX", "福田": "BJ", "江淮": "HFC", "江铃": "JX",
               "五菱": "LZW", "长安": "SC", "欧曼": "BJ", "豪沃": "ZZ", "五十铃": "QL", "金杯": "SY", "依维柯": "NJ"}


@dataclass(frozen=True, slots=True)
class VehicleLicence:
    plate: str               # as printed, no middle dot
    vehicle_type: str
    owner: str
    address: str
    use: str                 # 使用性质
    model: str               # 品牌型号
    vin: str
    engine_no: str
    registered: date
    issued: date
    inspection_until: date   # 检验有效期至
    authority: str
    file_no: str             # 档案编号
    gross_mass_kg: int
    alteration: Alteration | None
    doc_type: str = "vehicle_licence"


def build(world: World, merchant: Merchant, item: EvidenceItem, rng: np.random.Generator) -> VehicleLicence:
    vehicle = asset(merchant, item.asset_id, vehicle_classes())
    cls = vehicle.asset_class if vehicle else "light_truck"
    brand = (vehicle.brand if vehicle and vehicle.brand else None) or ASSET_CLASSES[cls].brands[0]
    registered = vehicle.acquired if vehicle else item.issued - timedelta(days=int(rng.integers(200, 2000)))
    plate = vehicle.plate if vehicle and vehicle.plate else make_plate(rng, merchant.region_code, large=True)
    vin = vehicle.vin if vehicle and vehicle.vin else make_vin(rng, registered.year)
    owner = merchant.owner.name if merchant.legal_form == "individual" else merchant.name
    inspection = item.valid_until or date(item.issued.year + 1, item.issued.month, 1) - timedelta(days=1)
    alteration, kind = None, item.fraud_kind
    if kind == "invalid_check_digit":
        forged = forged_vin(vin)
        alteration = Alteration(kind, "vin", vin, forged, "VIN check digit (position 9) fails GB 16735")
        vin = forged
    elif kind == "expired_licence":
        inspection = expired_until(world, item)
        alteration = Alteration(kind, "inspection_until", None, f"{inspection:%Y年%m月}",
                                "inspection validity lapsed before the item date")
    elif kind == "name_mismatch":
        owner, _ = shown_identity(world, merchant, item)
        alteration = Alteration(kind, "owner", merchant.name, owner, "vehicle registered to another owner")
    elif kind not in (None, "screen_recapture", "print_recapture", "reused_document"):
        raise unsupported("vehicle_licence", kind)
    try:
        r = region(merchant.region_code)
        authority = f"{r.province}{r.name if r.name != r.province else ''}公安局交通警察支队"
    except ValueError:
        authority = "公安局交通警察支队"
    code = MODEL_CODES.get(brand, "CA")
    return VehicleLicence(
        plate=plate.replace("·", ""), vehicle_type=VEHICLE_TYPES.get(cls, "轻型普通货车"), owner=owner,
        address=merchant.address if merchant.legal_form != "individual" else place(merchant.region_code, rng),
        use="货运",
        model=f"{brand}牌{code}{int(rng.integers(1000, 5999))}{'PKLX'[int(rng.integers(4))]}{int(rng.integers(1, 9))}",
        vin=vin, engine_no=f"{int(rng.integers(10**7, 10**8))}", registered=registered,
        issued=registered, inspection_until=inspection, authority=authority,
        file_no=f"{merchant.region_code[:4]}{int(rng.integers(10**7, 10**8))}",
        gross_mass_kg=int(rng.integers(4_500, 49_000)) if cls != "van" else int(rng.integers(2_500, 4_495)),
        alteration=alteration,
    )


def printed_vehicle(world: World, merchant: Merchant, item: EvidenceItem) -> VehicleLicence:
    """The vehicle as its driving licence prints it, for the vehicle's other papers (registration,
    transport certificate): the merchant's own licence item when it has one, so that all agree."""
    twin = next((e for e in merchant.evidence if e.doc_type == "vehicle_licence" and e.asset_id == item.asset_id
                 and e.fraud_kind is None), None)
    if twin is not None:
        return build(world, merchant, twin, stream(world.seed, twin.evidence_id, "content"))
    genuine = dataclasses.replace(item, doc_type="vehicle_licence", fraud_kind=None)
    return build(world, merchant, genuine, stream(world.seed, item.evidence_id, "licence"))

"""机动车行驶证: the vehicle's driving licence, main page plus the inspection record.

The licence (GA 37) is a folded card in a plastic wallet: the 主页 (owner, VIN, dates, the traffic police
seal) faces the 副页 (档案编号, 核定载人数, 总质量, 整备质量, 核定载质量, 外廓尺寸, 准牵引总质量, 检验记录
where each inspection's 检验有效期至 stamp lands). A merchant either photographs the main page with the
inspection line the seed first drew (``main_page``), or opens the wallet and shoots both pages side by side
as loan checklists ask ("行驶证正副页", ``open_pair``). Assumption: three in five open it, drawn from the
item's own "layout" stream so that no content value moves; the 副页's figures follow from the vehicle's type
and gross mass (``back_page``) and draw nothing either.

The third format is the 电子行驶证 in the 交管12123 app, screenshotted (``electronic``): piloted in 60
cities from 1 July 2024 and extended nationwide from 4 November 2024 (``ELECTRONIC_FROM``; the pilot is
left out). Assumption: three in ten owners asked for the licence since send the screenshot
(``ELECTRONIC_SHARE``); the paper stays in the cab, the app is at hand. Drawn from the item's own
"electronic" stream so that neither a content value nor the main-page/open-pair draw moves.
"""
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
OPEN_PAIR_SHARE = 0.6
ELECTRONIC_FROM = date(2024, 11, 4)   # 电子行驶证 nationwide (公安部, in three batches to 2 December 2024)
ELECTRONIC_SHARE = 0.3                # of items dated since: the 12123 screenshot (assumption)
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
    layout: str = "main_page"  # "main_page" (main page with the inspection line) | "open_pair" (主页 and 副页)
    #                            | "electronic" (电子行驶证 screenshot)


# 外廓尺寸 (length × width × height, mm) and 整备质量 as a share of 总质量 by vehicle type; assumptions of the
# order of the common models' 公告 figures, used only to print a 副页 consistent with the gross mass.
BODY = {"重型厢式货车": ("9995×2550×3990", 0.38), "重型半挂牵引车": ("6850×2500×3850", 0.36),
        "轻型普通货车": ("5995×2160×2350", 0.45), "重型自卸货车": ("8450×2550×3450", 0.42),
        "轻型厢式货车": ("4865×1715×2040", 0.55), "重型专项作业车": ("11980×2500×3950", 0.97)}


@dataclass(frozen=True, slots=True)
class BackPage:
    """The 副页's figures, as printed (kg figures with their unit, "--" where none applies)."""

    passengers: str          # 核定载人数
    unladen: str             # 整备质量
    load: str                # 核定载质量
    size: str                # 外廓尺寸
    traction: str            # 准牵引总质量


def back_page(c: VehicleLicence) -> BackPage:
    size, share = BODY.get(c.vehicle_type, BODY["轻型普通货车"])
    passengers = 2 if c.vehicle_type in ("重型半挂牵引车", "轻型厢式货车") else 3
    unladen = round(c.gross_mass_kg * share / 10) * 10
    tractor = c.vehicle_type == "重型半挂牵引车"
    load = c.gross_mass_kg - unladen - 65 * passengers
    special = c.vehicle_type == "重型专项作业车"   # a crane or mixer carries its own equipment, not a load
    return BackPage(
        passengers=f"{passengers}人", unladen=f"{unladen}kg",
        load="--" if tractor or special or load <= 0 else f"{load}kg", size=f"{size}mm",
        traction=f"{min(40_000, round(c.gross_mass_kg * 1.6, -2))}kg" if tractor else "--",
    )


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
        alteration=alteration, layout=_layout(world, item),
    )


def _layout(world: World, item: EvidenceItem) -> str:
    """From the item's own streams: the content stream's draws stay as they were."""
    screenshot = stream(world.seed, item.evidence_id, "electronic").random() < ELECTRONIC_SHARE
    if item.issued >= ELECTRONIC_FROM and screenshot:
        return "electronic"
    return "open_pair" if stream(world.seed, item.evidence_id, "layout").random() < OPEN_PAIR_SHARE else "main_page"


def printed_vehicle(world: World, merchant: Merchant, item: EvidenceItem) -> VehicleLicence:
    """The vehicle as its driving licence prints it, for the vehicle's other papers (registration,
    transport certificate): the merchant's own licence item when it has one, so that all agree."""
    twin = next((e for e in merchant.evidence if e.doc_type == "vehicle_licence" and e.asset_id == item.asset_id
                 and e.fraud_kind is None), None)
    if twin is not None:
        return build(world, merchant, twin, stream(world.seed, twin.evidence_id, "content"))
    genuine = dataclasses.replace(item, doc_type="vehicle_licence", fraud_kind=None)
    return build(world, merchant, genuine, stream(world.seed, item.evidence_id, "licence"))

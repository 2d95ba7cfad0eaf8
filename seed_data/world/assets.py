"""The fixed vocabulary of asset classes (SPEC §6) and how the seed world values them.

Each class has a value range for a second-hand unit a micro merchant would own, a yearly depreciation
rate and a *haircut*: the share of value a lender can count on after a forced sale. All figures are
assumptions (order-of-magnitude second-hand prices in China, 2023–2024), not quotes; they only need to
make the world's relative magnitudes plausible.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class AssetClass:
    code: str
    name_zh: str
    name_en: str
    group: str                     # vehicle | machinery | equipment | inventory | premises | photo_only
    value_range_cny: tuple[int, int]
    depreciation_per_year: float
    haircut: float                 # lendable share of value; 0 for things a bank would never count
    vehicle: bool                  # carries a plate and VIN, has driving-licence papers
    brands: tuple[str, ...] = ()


ASSET_CLASSES: dict[str, AssetClass] = {a.code: a for a in (
    AssetClass("heavy_truck", "重型货车", "heavy truck", "vehicle", (150_000, 450_000), 0.12, 0.5, True,
               ("解放", "东风", "重汽", "陕汽")),
    AssetClass("tractor_trailer", "半挂牵引车", "tractor-trailer", "vehicle", (200_000, 550_000), 0.12, 0.5, True,
               ("解放", "欧曼", "陕汽", "重汽")),
    AssetClass("light_truck", "轻型货车", "light truck", "vehicle", (50_000, 160_000), 0.15, 0.5, True,
               ("福田", "江淮", "五十铃", "江铃")),
    AssetClass("dump_truck", "自卸车", "dump truck", "vehicle", (120_000, 400_000), 0.14, 0.45, True,
               ("豪沃", "东风", "陕汽")),
    AssetClass("van", "厢式货车", "van", "vehicle", (40_000, 140_000), 0.15, 0.5, True,
               ("五菱", "长安", "金杯", "依维柯")),
    AssetClass("excavator", "挖掘机", "excavator", "machinery", (200_000, 900_000), 0.10, 0.45, False,
               ("三一", "徐工", "柳工", "卡特彼勒")),
    AssetClass("loader", "装载机", "wheel loader", "machinery", (120_000, 450_000), 0.10, 0.45, False,
               ("柳工", "临工", "徐工")),
    AssetClass("crane", "汽车起重机", "truck crane", "machinery", (400_000, 1_500_000), 0.10, 0.4, True,
               ("徐工", "中联", "三一")),
    AssetClass("concrete_mixer", "混凝土搅拌车", "concrete mixer truck", "vehicle", (200_000, 500_000), 0.12, 0.4, True,
               ("三一", "中联", "陕汽")),
    AssetClass("forklift", "叉车", "forklift", "machinery", (30_000, 150_000), 0.12, 0.4, False,
               ("杭叉", "合力", "林德")),
    AssetClass("workshop_equipment", "车间设备", "workshop equipment", "equipment", (30_000, 400_000), 0.12, 0.3, False),
    AssetClass("pallets", "托盘货物", "palletised stock", "inventory", (20_000, 300_000), 0.0, 0.3, False),
    AssetClass("cartons", "箱装货物", "boxed stock", "inventory", (10_000, 200_000), 0.0, 0.3, False),
    AssetClass("sacks", "袋装货物", "sacked stock", "inventory", (10_000, 150_000), 0.0, 0.3, False),
    AssetClass("shop_front", "门头招牌", "shop front", "photo_only", (0, 0), 0.0, 0.0, False),
    AssetClass("shelf_goods", "货架商品", "goods on shelves", "inventory", (10_000, 150_000), 0.0, 0.35, False),
    AssetClass("restaurant_kitchen", "后厨设备", "restaurant kitchen", "equipment", (20_000, 200_000), 0.15, 0.2, False),
    AssetClass("farm_machinery", "农业机械", "farm machinery", "machinery", (30_000, 350_000), 0.10, 0.35, False,
               ("雷沃", "东方红", "约翰迪尔")),
    AssetClass("livestock", "存栏牲畜", "livestock herd", "inventory", (50_000, 600_000), 0.0, 0.3, False),
    AssetClass("salon_equipment", "美发设备", "salon equipment", "equipment", (10_000, 80_000), 0.15, 0.2, False),
    AssetClass("premises", "经营场所", "business premises (owned)", "premises", (300_000, 3_000_000), 0.0, 0.6, False),
)}


def vehicle_classes() -> tuple[str, ...]:
    return tuple(code for code, a in ASSET_CLASSES.items() if a.vehicle)

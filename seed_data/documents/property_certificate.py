"""不动产权证书 (since the 2015 unified registration) and the older 房屋所有权证 it replaced: who owns
which premises, where, how large, under which land-use term.

Both formats are valid today: certificates issued before a region joined unified registration stay in
force until the property changes hands, so a bank meets both. The format a certificate takes follows
its registration date (``UNIFIED_FROM``), never a coin toss, as it does in life.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import numpy as np

from seed_data.documents.alteration import Alteration
from seed_data.documents.fraud import shown_identity, unsupported
from seed_data.documents.lookup import asset
from seed_data.numbers.regions import region
from seed_data.world.records import EvidenceItem, Merchant, World

# Assumption: regions joined unified registration between 2015 and 2017; one date keeps it simple.
UNIFIED_FROM = date(2016, 1, 1)
# Assumption: CNY per square metre of small commercial premises in the prefecture towns where micro
# merchants trade (2023–2024, order of magnitude); only used to print an area consistent with the
# world's value of the premises.
PRICE_PER_M2_CNY = 12_000
COMMERCIAL_LAND_YEARS = 40   # 商服用地 is granted for 40 years (《城镇国有土地使用权出让和转让暂行条例》第十二条)
USES = (("商服用地", "商业服务"), ("批发零售用地", "商业"), ("商服用地", "商铺"), ("工业用地", "厂房"))


@dataclass(frozen=True, slots=True)
class PropertyCertificate:
    layout: str              # "unified" (不动产权证书) | "house" (房屋所有权证, pre-2016)
    number: str              # 粤（2021）深圳市不动产权第0123456号 | 深房权证南字第4000123456号
    holder: str              # 权利人 / 房屋所有权人
    co_ownership: str        # 共有情况
    location: str            # 坐落
    unit_no: str             # 不动产单元号 (28 characters, unified only; the old format prints 丘地号)
    right_type: str          # 权利类型
    right_nature: str        # 权利性质
    land_use: str
    building_use: str
    land_area_m2: float      # 共有宗地面积
    floor_area_m2: float     # 房屋建筑面积
    land_until: date         # 土地使用期限止
    floors: int
    floor: int
    registered: date         # 登记日期 / 登记时间
    authority: str           # 登记机构
    serial: str              # 印刷编号
    alteration: Alteration | None
    doc_type: str = "property_certificate"


def _unit_no(region_code: str, rng: np.random.Generator) -> str:
    """GB/T 37346 / 不动产单元设定与代码编制规则: county (6) + cadastral district and sub-district (3+3)
    + parcel type (GB: state-owned construction land) + parcel number (5) + F + building (4) + unit (4)."""
    county = region_code[:4] + f"{int(rng.integers(2, 20)):02d}"
    return (f"{county}{int(rng.integers(1, 30)):03d}{int(rng.integers(1, 40)):03d}GB{int(rng.integers(1, 99999)):05d}"
            f"F{int(rng.integers(1, 60)):04d}{int(rng.integers(1, 3000)):04d}")


def _province_abbr(merchant: Merchant) -> tuple[str, str]:
    try:
        r = region(merchant.region_code)
        return r.plate_prefixes[0][0], r.name
    except ValueError:
        return "京", "北京市"


def build(world: World, merchant: Merchant, item: EvidenceItem, rng: np.random.Generator) -> PropertyCertificate:
    premises = asset(merchant, item.asset_id, ("premises",))
    value = premises.value_cny if premises else int(rng.integers(300_000, 3_000_000))
    registered = item.issued
    floor_area = round(value / PRICE_PER_M2_CNY * float(rng.uniform(0.9, 1.1)), 2)
    land_use, building_use = USES[int(rng.integers(len(USES)))]
    land_from = date(registered.year - int(rng.integers(0, 15)), int(rng.integers(1, 13)), 1)
    abbr, city = _province_abbr(merchant)
    # Sole traders' premises are owned by the trader; a company's by the company (the common case).
    holder = merchant.owner.name if merchant.legal_form == "individual" else merchant.name
    alteration, kind = None, item.fraud_kind
    if kind == "name_mismatch":
        # A borrowed certificate: a relative's or another business's premises shown as one's own.
        holder, _ = shown_identity(world, merchant, item)
        alteration = Alteration(kind, "holder", merchant.name, holder, "premises owned by someone else")
    elif kind not in (None, "screen_recapture", "print_recapture", "reused_document"):
        raise unsupported("property_certificate", kind)
    unified = registered >= UNIFIED_FROM
    street = merchant.address
    floors = int(rng.integers(2, 33))
    floor = int(rng.integers(1, min(floors, 4) + 1))
    location = f"{street}{int(rng.integers(1, 9))}栋{floor}{int(rng.integers(1, 20)):02d}号"
    if unified:
        number = f"{abbr}（{registered.year}）{city}不动产权第{int(rng.integers(0, 10**7)):07d}号"
        authority = f"{city}不动产登记中心"
    else:
        number = f"{city[:1]}房权证{city[1:2]}字第{int(rng.integers(10**9, 10**10))}号"
        authority = f"{city}房地产管理局"
    return PropertyCertificate(
        layout="unified" if unified else "house", number=number, holder=holder,
        co_ownership="单独所有" if rng.random() < 0.8 else "共同共有", location=location,
        unit_no=_unit_no(merchant.region_code, rng), right_type="国有建设用地使用权/房屋所有权",
        right_nature="出让/市场化商品房", land_use=land_use, building_use=building_use,
        land_area_m2=round(float(rng.uniform(800, 20_000)), 2), floor_area_m2=floor_area,
        land_until=date(land_from.year + COMMERCIAL_LAND_YEARS, land_from.month, 1),
        floors=floors, floor=floor, registered=registered, authority=authority,
        serial=f"{merchant.region_code[:2]}{int(rng.integers(10**9, 10**10))}", alteration=alteration,
    )

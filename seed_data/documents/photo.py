"""What an asset photo shows: the asset class and the text that can be read in it (plate, signboard)."""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from seed_data.documents.alteration import Alteration
from seed_data.documents.fraud import shown_identity, unsupported
from seed_data.documents.goods import goods_for
from seed_data.documents.lookup import asset
from seed_data.numbers.plates import make_plate
from seed_data.world.assets import ASSET_CLASSES
from seed_data.world.records import EvidenceItem, Merchant, World


@dataclass(frozen=True, slots=True)
class AssetPhoto:
    asset_class: str
    label: str               # the class's Chinese name, for people reading the truth
    brand: str | None
    plate: str | None        # as on the plate, with its middle dot
    sign_text: str | None    # shop-front signboard
    goods: tuple[str, ...]   # shelf-edge labels
    alteration: Alteration | None
    doc_type: str = "photo"


def shop_sign(name: str) -> str:
    """Signboards drop the legal suffix: 深圳市鑫源百货有限公司 → 鑫源百货."""
    text = name
    for suffix in ("有限责任公司", "有限公司", "（个体工商户）", "个体工商户"):
        text = text.removesuffix(suffix)
    # drop the place prefix: up to two administrative names such as 济南市 / 历下区 / 顺德区
    for _ in range(2):
        cut = next((i + 1 for i, ch in enumerate(text[:4]) if ch in "省市县区"), 0)
        if cut and len(text) - cut >= 3:
            text = text[cut:]
    return text or name


def build(world: World, merchant: Merchant, item: EvidenceItem, rng: np.random.Generator) -> AssetPhoto:
    cls = item.photo_class or "shop_front"
    spec = ASSET_CLASSES.get(cls)
    shown = asset(merchant, item.asset_id, (cls,))
    plate = None
    if spec is not None and spec.vehicle:
        plate = shown.plate if shown and shown.plate else make_plate(rng, merchant.region_code, large=True)
    sign, alteration = None, None
    if cls in ("shop_front", "premises"):
        sign = shop_sign(merchant.name)
        if item.fraud_kind == "name_mismatch":
            other, _ = shown_identity(world, merchant, item)
            sign = shop_sign(other)
            alteration = Alteration("name_mismatch", "sign", shop_sign(merchant.name), sign,
                                    "signboard of another business")
    if item.fraud_kind not in (None, "screen_recapture", "print_recapture", "reused_document") and alteration is None:
        raise unsupported("photo", item.fraud_kind)
    # Shelves show packaged goods; trades that sell services (catering, transport) stock retail goods.
    stock = [g for g in goods_for(merchant.industry_code) if g.vat_rate == 13 and "服务" not in g.category]
    goods = tuple(g.name for g in (stock or goods_for("52"))) if cls == "shelf_goods" else ()
    return AssetPhoto(asset_class=cls, label=spec.name_zh if spec else cls,
                      brand=shown.brand if shown else (spec.brands[0] if spec and spec.brands else None),
                      plate=plate, sign_text=sign, goods=goods, alteration=alteration)

"""Synthetic asset "photos" (SPEC §6): plain drawings of trucks, machines, shop fronts, shelves, stock
and interiors, with the text a real photo would carry (number plate, signboard, shelf labels).

They are not photographs and are not meant to train or test an image classifier; they exercise the
pipeline end to end (OCR of plates and signs, matching to licences, recapture and reuse checks). The
drawing is the scene; ``seed_data.render.camera`` photographs it (light, texture, lens, sensor, ISP).
"""
from __future__ import annotations

from collections.abc import Callable

import numpy as np

from seed_data.documents.photo import AssetPhoto
from seed_data.render.page import RenderedPage
from seed_data.render.photos import interior, machinery, shelf, shop_front, stock, vehicles

Scene = Callable[[AssetPhoto, np.random.Generator], RenderedPage]

SCENES: dict[str, Scene] = {
    **dict.fromkeys(("heavy_truck", "tractor_trailer", "light_truck", "dump_truck", "van", "crane",
                     "concrete_mixer"), vehicles.render),
    **dict.fromkeys(("excavator", "loader", "forklift", "farm_machinery"), machinery.render),
    **dict.fromkeys(("pallets", "cartons", "sacks"), stock.render),
    **dict.fromkeys(("shop_front", "premises"), shop_front.render),
    "shelf_goods": shelf.render,
    **dict.fromkeys(("restaurant_kitchen", "workshop_equipment", "salon_equipment", "livestock"), interior.render),
}
# Scenes drawn on ``backdrop.indoor``: lamp-lit, so the camera shoots them at indoor ISOs.
INDOOR: frozenset[str] = frozenset({"pallets", "cartons", "sacks", "shelf_goods", "restaurant_kitchen",
                                    "workshop_equipment", "salon_equipment", "livestock"})


def render_photo(content: AssetPhoto, rng: np.random.Generator) -> RenderedPage:
    if content.asset_class not in SCENES:
        raise ValueError(f"no scene for asset class {content.asset_class!r}; known: {sorted(SCENES)}")
    return SCENES[content.asset_class](content, rng)

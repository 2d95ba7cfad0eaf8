"""The ImageNet-1k → asset class table (``imagenet_to_asset.csv``, documented in ``README.md``)."""
from __future__ import annotations

import csv
from functools import cache
from pathlib import Path

TABLE = Path(__file__).with_name("imagenet_to_asset.csv")

# The ontology's asset classes, copied as data from ``seed_data.world.assets.ASSET_CLASSES`` (extractors
# imports nothing of Bailing's; a test keeps the two equal).
ASSET_CLASS_CODES = frozenset({
    "heavy_truck", "tractor_trailer", "light_truck", "dump_truck", "van", "excavator", "loader", "crane",
    "concrete_mixer", "forklift", "workshop_equipment", "pallets", "cartons", "sacks", "shop_front",
    "shelf_goods", "restaurant_kitchen", "farm_machinery", "livestock", "salon_equipment", "premises",
})
VEHICLE_CLASSES = frozenset({"heavy_truck", "tractor_trailer", "light_truck", "dump_truck", "van", "crane",
                             "concrete_mixer"})


@cache
def imagenet_to_asset(path: Path = TABLE) -> dict[int, tuple[str, str]]:
    """ImageNet class id → (ImageNet name, asset class code); ids not in the table map to nothing."""
    out: dict[int, tuple[str, str]] = {}
    with path.open(newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            code = row["asset_class"]
            if code not in ASSET_CLASS_CODES:
                raise ValueError(f"{path.name}: unknown asset class {code!r} for ImageNet id {row['imagenet_id']}")
            out[int(row["imagenet_id"])] = (row["imagenet_name"], code)
    return out

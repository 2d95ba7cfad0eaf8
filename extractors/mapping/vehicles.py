"""A driving licence's 车辆类型 to the ontology's vehicle asset class (``seed_data.world.assets``)."""
from __future__ import annotations

# First match wins: the most specific words first (a 重型厢式货车 is a heavy truck, not a van).
VEHICLE_CLASSES: tuple[tuple[str, str], ...] = (
    ("牵引", "tractor_trailer"), ("自卸", "dump_truck"), ("专项作业", "crane"), ("搅拌", "concrete_mixer"),
    ("重型", "heavy_truck"), ("中型", "heavy_truck"), ("厢式", "van"), ("轻型", "light_truck"),
    ("微型", "van"), ("货车", "light_truck"),
)


def vehicle_class(vehicle_type: str | None) -> str | None:
    if not vehicle_type:
        return None
    return next((cls for word, cls in VEHICLE_CLASSES if word in vehicle_type), None)

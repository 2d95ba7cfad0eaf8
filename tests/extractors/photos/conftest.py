"""Asset photos from the tiny seed world (drawings: a truck with its plate, a shop front with its
sign, an excavator with its model code), rendered and OCR'd once per session."""
from __future__ import annotations

import dataclasses

import numpy as np
import pytest
from PIL import Image

from seed_data.render import render_evidence
from seed_data.world.records import World

CLASSES = ("heavy_truck", "light_truck", "van", "shop_front", "excavator", "loader", "forklift")


@dataclasses.dataclass(frozen=True)
class Photo:
    merchant: object
    image: np.ndarray
    document: object
    photo_class: str


@pytest.fixture(scope="session")
def photos(tiny_world: World, engine, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Photo]:
    out = tmp_path_factory.mktemp("photos")
    found: dict[str, Photo] = {}
    for m in tiny_world.merchants:
        for e in m.evidence:
            if e.doc_type == "photo" and e.fraud_kind is None and e.photo_class in CLASSES:
                kind = "vehicle" if e.photo_class in ("heavy_truck", "light_truck", "van") else (
                    "machine" if e.photo_class in ("excavator", "loader", "forklift") else "shop_front")
                if kind in found:
                    continue
                path = render_evidence(tiny_world, m, dataclasses.replace(e, capture="clean"), out)
                image = np.asarray(Image.open(path).convert("RGB"))
                found[kind] = Photo(m, image, engine.read([image]), e.photo_class)
    return found

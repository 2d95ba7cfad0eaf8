"""Pages of the seed demo world the field extractors once missed, rendered and OCR'd once per session."""
from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from extractors.ocr import Document
from seed_data.render import render_evidence
from seed_data.world.generator import generate_world
from seed_data.world.records import World


@pytest.fixture(scope="session")
def demo_world() -> World:
    return generate_world(0, "demo")


@pytest.fixture(scope="session")
def demo_page(demo_world: World, engine, tmp_path_factory: pytest.TempPathFactory
              ) -> Callable[[str], tuple[dict, Document]]:
    """``demo_page(evidence_id)`` → (ground truth, OCR'd document) of that item as the world renders it."""
    out = tmp_path_factory.mktemp("demo-renders")
    merchants = {m.merchant_id: m for m in demo_world.merchants}
    cache: dict[str, tuple[dict, Document]] = {}

    def page(evidence_id: str) -> tuple[dict, Document]:
        if evidence_id not in cache:
            merchant = merchants[evidence_id.split("-")[0]]
            item = next(e for e in merchant.evidence if e.evidence_id == evidence_id)
            image: Path = render_evidence(demo_world, merchant, item, out)
            truth = json.loads(image.with_suffix(".json").read_text(encoding="utf-8"))
            cache[evidence_id] = truth, engine.read([np.asarray(Image.open(image).convert("RGB"))])
        return cache[evidence_id]

    return page


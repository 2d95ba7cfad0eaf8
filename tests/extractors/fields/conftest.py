"""Pages the field extractors' tests read, rendered and OCR'd once per session: the seed demo world's
pages they once missed, and the licences printed in their second layouts."""
from __future__ import annotations

import dataclasses
import json
from collections.abc import Callable
from datetime import date
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from extractors.ocr import Document
from seed_data.documents import build_content, business_licence, food_licence, transport_permit, vehicle_licence
from seed_data.render import render_evidence
from seed_data.world.generator import generate_world
from seed_data.world.records import World
from tests.extractors.conftest import Rendered


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



# Each licence's second layout, measured once held out (issue 14) and read since. Forced while its page
# renders: the 营业执照's format follows its issue date, the 食品经营许可证's too, the booklet and the open
# wallet are drawn from a stream of their own.
LICENCE_LAYOUTS = {"business_licence": "portrait", "food_licence": "2023", "road_transport_permit": "booklet",
                   "vehicle_licence": "open_pair"}


@pytest.fixture(scope="session")
def licence_layout_page(tiny_world: World, engine, tmp_path_factory: pytest.TempPathFactory):
    """``licence_layout_page(doc_type, capture)`` → the tiny world's first genuine licence of that type
    printed in its ``LICENCE_LAYOUTS`` layout (a 营业执照: a sole trader's, the form that prints 组成形式),
    captured so and OCR'd once. One page per call, so a test pays only for the page it reads."""
    out = tmp_path_factory.mktemp("licence-layouts")
    cache: dict[tuple[str, str], Rendered] = {}

    def page(doc_type: str, capture: str) -> Rendered:
        if (doc_type, capture) not in cache:
            with pytest.MonkeyPatch.context() as patch:
                patch.setattr(business_licence, "NEW_FORMAT_FROM", date.max)
                patch.setattr(food_licence, "NEW_FORMAT_FROM", date.min)
                patch.setattr(transport_permit, "BOOKLET_SHARE", 1.0)
                patch.setattr(vehicle_licence, "OPEN_PAIR_SHARE", 1.0)
                merchant, item = next((m, e) for m in tiny_world.merchants for e in m.evidence
                                      if e.doc_type == doc_type and e.fraud_kind is None
                                      and getattr(build_content(tiny_world, m, e), "individual", True))
                item = dataclasses.replace(item, capture=capture)
                image = render_evidence(tiny_world, merchant, item, out / capture)
            truth = json.loads(image.with_suffix(".json").read_text(encoding="utf-8"))
            assert truth["content"]["layout"] == LICENCE_LAYOUTS[doc_type]
            document = engine.read([np.asarray(Image.open(image).convert("RGB"))])
            cache[doc_type, capture] = Rendered(merchant, item, image, truth, document)
        return cache[doc_type, capture]

    return page

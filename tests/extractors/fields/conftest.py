"""Pages of the seed demo world the field extractors once missed, rendered and OCR'd once per session."""
from __future__ import annotations

import dataclasses
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


# The second printed format of each type whose readers learnt it after it was measured held out.
SECOND_LAYOUTS = {"sales_contract": "model", "lease_contract": "model", "freight_contract": "model",
                  "waybill": "platform"}


@pytest.fixture(scope="session")
def second_layout_page(developed_layouts, tiny_world: World, engine, tmp_path_factory: pytest.TempPathFactory
                       ) -> Callable[[str], tuple[dict, Document]]:
    """``second_layout_page(doc_type)`` → (ground truth, OCR'd document) of the tiny world's first genuine
    item of that type printed in its second layout (``SECOND_LAYOUTS``), captured clean. The layout is
    forced while the page renders; every other test keeps the developed layouts' pixels."""
    from seed_data.documents import build_content, contract, waybill

    out = tmp_path_factory.mktemp("second-layout-renders")
    cache: dict[str, tuple[dict, Document]] = {}

    def page(doc_type: str) -> tuple[dict, Document]:
        if doc_type not in cache:
            with pytest.MonkeyPatch.context() as patch:
                patch.setattr(contract, "MODEL_SHARE", dict.fromkeys(("sales_contract", "lease_contract",
                                                                       "freight_contract"), 1.0))
                patch.setattr(waybill, "PLATFORM_SHARE", 1.0)
                merchant, item = next(
                    (m, e) for m in tiny_world.merchants for e in m.evidence
                    if e.doc_type == doc_type and e.fraud_kind is None
                    and build_content(tiny_world, m, e).layout == SECOND_LAYOUTS[doc_type])
                image: Path = render_evidence(tiny_world, merchant, dataclasses.replace(item, capture="clean"), out)
            truth = json.loads(image.with_suffix(".json").read_text(encoding="utf-8"))
            assert truth["content"]["layout"] == SECOND_LAYOUTS[doc_type]
            cache[doc_type] = truth, engine.read([np.asarray(Image.open(image).convert("RGB"))])
        return cache[doc_type]

    return page

"""render_evidence end to end: files, determinism, and that the truth matches what was drawn."""
from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest
from PIL import Image

from seed_data.documents import DOC_TYPES
from seed_data.render import render_evidence
from seed_data.world.records import World


def _items(world: World, doc_type: str):
    return [(m, e) for m in world.merchants for e in m.evidence if e.doc_type == doc_type]


def test_sample_world_covers_every_doc_type(world: World) -> None:
    rendered = {e.doc_type for m in world.merchants for e in m.evidence}
    assert set(DOC_TYPES) <= rendered


@pytest.mark.parametrize("capture", ["clean", "phone"])
def test_same_inputs_give_byte_identical_files(world: World, tmp_path: Path, capture: str) -> None:
    merchant, item = _items(world, "vat_special_invoice")[0]
    item = dataclasses.replace(item, capture=capture)
    first = render_evidence(world, merchant, item, tmp_path / "a")
    second = render_evidence(world, merchant, item, tmp_path / "b")
    assert first.read_bytes() == second.read_bytes()
    assert first.with_suffix(".json").read_bytes() == second.with_suffix(".json").read_bytes()


def test_every_item_renders_to_a_sane_image_and_truth(world: World, tmp_path: Path) -> None:
    for merchant in world.merchants:
        for item in merchant.evidence:
            image_path = render_evidence(world, merchant, item, tmp_path)
            # Clean captures are lossless; an asset photo is always the camera's JPEG.
            assert image_path.suffix == (".jpg" if item.doc_type == "photo" else ".png")
            truth = json.loads(image_path.with_suffix(".json").read_text(encoding="utf-8"))
            with Image.open(image_path) as im:
                im.load()
                assert im.mode == "RGB"
                assert 600 <= min(im.size) and max(im.size) <= 2000   # RapidOCR's max_side_len
                assert list(im.size) == truth["image_size"]
            assert truth["evidence_id"] == item.evidence_id and truth["doc_type"] == item.doc_type
            for field in truth["fields"]:
                x0, y0, x1, y1 = field["box"]
                assert 0 <= x0 < x1 <= 1 and 0 <= y0 < y1 <= 1, field
            if item.doc_type != "photo" or item.photo_class in ("heavy_truck", "shop_front"):
                assert any(f["key"] for f in truth["fields"]), item.doc_type


def test_phone_capture_is_jpeg_with_field_quads_inside_the_image(world: World, tmp_path: Path) -> None:
    merchant, item = _items(world, "business_licence")[0]
    path = render_evidence(world, merchant, dataclasses.replace(item, capture="phone"), tmp_path)
    assert path.suffix == ".jpg"
    truth = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
    w, h = truth["image_size"]
    assert truth["effects"] and truth["capture"] == "phone"
    for field in truth["fields"]:
        assert all(0 <= x <= w and 0 <= y <= h for x, y in field["quad"])

"""Real-edit simulations change the named field, only where they say, and record what they did."""
from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from seed_data.render import render_evidence
from seed_data.render.edits import EDIT_FIELDS, EDIT_KINDS, edit, placed_fields, save
from seed_data.world.records import World


def _render(world: World, tmp: Path, doc_type: str, capture: str, skip: str | None = None):
    merchant, item = next((m, e) for m in world.merchants for e in m.evidence
                          if e.doc_type == doc_type and m.merchant_id != skip)
    path = render_evidence(world, merchant, dataclasses.replace(item, capture=capture), tmp)
    return merchant.merchant_id, np.asarray(Image.open(path).convert("RGB")), json.loads(
        path.with_suffix(".json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def invoices(world: World, tmp_path_factory: pytest.TempPathFactory):
    """An ordinary VAT invoice of each merchant (the second is the splice donor), clean and by phone."""
    tmp = tmp_path_factory.mktemp("edits")
    out = {}
    for capture in ("clean", "phone"):
        first, image, truth = _render(world, tmp / capture, "vat_ordinary_invoice", capture)
        _, donor, donor_truth = _render(world, tmp / (capture + "-donor"), "vat_ordinary_invoice", capture, skip=first)
        out[capture] = (image, truth, (donor, donor_truth))
    return out


@pytest.mark.parametrize("capture,flow", [("clean", "digital"), ("phone", "phone")])
@pytest.mark.parametrize("kind", EDIT_KINDS)
@pytest.mark.parametrize("field", sorted(EDIT_FIELDS))
def test_an_edit_changes_its_field_inside_its_box_only(invoices, capture, flow, kind, field) -> None:
    image, truth, donor = invoices[capture]
    edited, record = edit(image, truth, kind, field, flow, np.random.default_rng(3), donor)
    genuine = next(f.value for f in placed_fields(truth) if f.name == EDIT_FIELDS[field])
    assert (record.kind, record.field, record.flow, record.genuine) == (kind, field, flow, genuine)
    assert record.printed != record.genuine and len(record.printed) > 0
    h, w = image.shape[:2]
    changed = np.abs(edited.astype(np.int16) - image).max(axis=2) > 0
    ys, xs = np.nonzero(changed)
    assert ys.size > 20                                   # something visible was repainted
    x0, y0, x1, y1 = record.box
    assert xs.min() >= int(x0 * w) - 1 and xs.max() <= int(np.ceil(x1 * w)) + 1
    assert ys.min() >= int(y0 * h) - 1 and ys.max() <= int(np.ceil(y1 * h)) + 1


def test_a_copy_move_takes_its_characters_from_the_same_page(invoices) -> None:
    image, truth, _ = invoices["clean"]
    _, record = edit(image, truth, "copy_move", "buyer_name", "digital", np.random.default_rng(1))
    seller = next(f.value for f in placed_fields(truth) if f.name == "seller_name")
    changed = [b for a, b in zip(record.genuine, record.printed) if a != b]
    assert changed and all(ch in seller for ch in changed)
    assert "seller_name" in record.how


def test_a_splice_needs_a_donor(invoices) -> None:
    image, truth, _ = invoices["clean"]
    with pytest.raises(ValueError):
        edit(image, truth, "splice", "number", "digital", np.random.default_rng(0))


def test_the_forger_saves_a_photo_as_jpeg_and_a_render_as_png_or_jpeg(invoices) -> None:
    image, _, _ = invoices["clean"]
    rng = np.random.default_rng(0)
    saved = {save(image, "digital", rng)[1].split(" ")[0] for _ in range(8)}
    assert saved == {"png", "jpeg"}
    data, how = save(image, "phone", rng)
    assert how.startswith("jpeg q") and 85 <= int(how[6:]) <= 95 and data[:2] == b"\xff\xd8"

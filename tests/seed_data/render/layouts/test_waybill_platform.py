"""A platform's 电子运单 (``layout == "platform"``) prints every key value, a decodable QR, and carries fraud."""
from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import cv2
import numpy as np
import pytest
from PIL import Image

from seed_data.documents import build_content, waybill
from seed_data.documents.printed import money_grouped
from seed_data.documents.seeding import stream
from seed_data.render import render_evidence
from seed_data.render.layouts import LAYOUTS
from seed_data.world.records import World


@pytest.fixture
def platform(monkeypatch: pytest.MonkeyPatch) -> None:
    """The sample world's waybill from a platform."""
    monkeypatch.setattr(waybill, "layout_for", lambda world, item: ("platform", waybill.PLATFORMS[1]))


def _item(world: World):
    return next((m, e) for m in world.merchants for e in m.evidence if e.doc_type == "waybill")


def test_platform_waybill_prints_every_key_value(world: World, platform: None) -> None:
    merchant, item = _item(world)
    c = build_content(world, merchant, item)
    page = LAYOUTS["waybill"](c, stream(world.seed, item.evidence_id, "page"))
    keys = {f.name: f.value for f in page.fields if f.key}
    assert keys == {"number": c.number, "issued": c.issued.isoformat(), "shipper_name": c.shipper.name,
                    "origin": c.origin, "destination": c.destination, "carrier_name": c.carrier.name,
                    "plate": c.plate, "freight": f"¥{money_grouped(c.freight_cents)}"}
    grey = cv2.cvtColor(np.asarray(page.image), cv2.COLOR_RGB2GRAY)
    text, points, _ = cv2.QRCodeDetector().detectAndDecode(grey)
    assert points is not None and text.startswith(f"EWB|{c.number}|{c.issued:%Y%m%d}|")


@pytest.mark.parametrize("kind", ["tamper_amount", "name_mismatch"])
def test_fraud_is_drawn_on_the_platform_waybill(world: World, platform: None, tmp_path: Path, kind: str) -> None:
    merchant, item = _item(world)
    genuine = render_evidence(world, merchant, dataclasses.replace(item, capture="clean"), tmp_path / "g")
    path = render_evidence(world, merchant, dataclasses.replace(item, fraud_kind=kind, capture="clean"), tmp_path)
    truth = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
    assert truth["content"]["layout"] == "platform"
    alteration = truth["alteration"]
    printed = next(f for f in truth["fields"] if f["name"] == alteration["field"])
    assert alteration["printed"] in printed["value"].replace(",", "") and alteration["box"] is not None
    with Image.open(genuine) as a, Image.open(path) as b:
        assert np.abs(np.asarray(a, dtype=np.int16) - np.asarray(b, dtype=np.int16)).max() > 60

"""A 零担 network's thermal 托运单 (``layout == "ltl"``) prints every key value, a scannable Code 128 of
the 运单号, and carries the fraud waybills support."""
from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from seed_data.documents import build_content, waybill
from seed_data.documents.printed import money
from seed_data.documents.seeding import stream
from seed_data.render import render_evidence
from seed_data.render.barcode import _PATTERNS, START_B, STOP
from seed_data.render.layouts import LAYOUTS
from seed_data.world.records import World


@pytest.fixture
def ltl(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every waybill of the sample world printed by a 零担 network's branch."""
    monkeypatch.setattr(waybill, "LTL_SHARE", 1.0)


def _item(world: World):
    return next((m, e) for m in world.merchants for e in m.evidence if e.doc_type == "waybill")


def _scan(row: np.ndarray) -> str:
    """Read one scan line across a Code 128 B symbol: run lengths → modules → symbol values → text."""
    dark = row < 128
    edges = np.flatnonzero(np.diff(dark.astype(np.int8))) + 1
    runs = np.diff(edges)                          # from the first bar's leading edge to the last bar's end
    widths = np.round(runs / runs.min()).astype(int)   # the narrowest run is one module
    text = "".join(map(str, widths))
    symbols = [text[i:i + 6] for i in range(0, len(text) - 7, 6)] + [text[-7:]]
    values = [_PATTERNS.index(s) for s in symbols]
    assert values[0] == START_B and values[-1] == STOP
    data, check = values[1:-2], values[-2]
    assert (START_B + sum(i * v for i, v in enumerate(data, 1))) % 103 == check
    return "".join(chr(v + 32) for v in data)


def test_ltl_waybill_prints_every_key_value(world: World, ltl: None) -> None:
    merchant, item = _item(world)
    c = build_content(world, merchant, item)
    assert c.layout == "ltl" and c.network in waybill.LTL_NETWORKS and c.platform is None
    page = LAYOUTS["waybill"](c, stream(world.seed, item.evidence_id, "page"))
    keys = {f.name: f.value for f in page.fields if f.key}
    # The branch system prints no truck or driver: they are assigned at 配载, after the 托运单.
    assert keys == {"number": c.number, "issued": c.issued.isoformat(), "shipper_name": c.shipper.name,
                    "origin": c.origin, "destination": c.destination, "carrier_name": c.carrier.name,
                    "freight": money(c.freight_cents)}
    printed = {f.name: f.value for f in page.fields}
    assert printed["payment"] == {"到付": "提付"}.get(c.payment, c.payment)
    grey = np.asarray(page.image.convert("L"))
    assert _scan(grey[194, :]) == c.number
    assert page.image.size == (800, 1296)


@pytest.mark.parametrize("kind", ["tamper_amount", "name_mismatch"])
def test_fraud_is_drawn_on_the_ltl_waybill(world: World, ltl: None, tmp_path: Path, kind: str) -> None:
    merchant, item = _item(world)
    genuine = render_evidence(world, merchant, dataclasses.replace(item, capture="clean"), tmp_path / "g")
    path = render_evidence(world, merchant, dataclasses.replace(item, fraud_kind=kind, capture="clean"), tmp_path)
    truth = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
    assert truth["content"]["layout"] == "ltl"
    alteration = truth["alteration"]
    printed = next(f for f in truth["fields"] if f["name"] == alteration["field"])
    assert alteration["printed"] in printed["value"] and alteration["box"] is not None
    with Image.open(genuine) as a, Image.open(path) as b:
        assert np.abs(np.asarray(a, dtype=np.int16) - np.asarray(b, dtype=np.int16)).max() > 60

"""The 数电票's third format: the 特定业务 建筑服务 form (``construction``), held out from the readers.

The form is decided by the invoice's first line, as the freight form is; its one new row comes from a
stream of its own. Every other value of every 数电票 is as it was before the form existed (digests of
all fields but ``layout``, taken at the commit before it, ``invoices_before_third_layouts.json``).
"""
from __future__ import annotations

import dataclasses
import hashlib
import json
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from seed_data.documents import FRAUD_SUPPORT, build_content, invoice
from seed_data.documents.lookup import evidence_item
from seed_data.render import render_evidence
from seed_data.render.layouts import LAYOUTS
from seed_data.render.truth import _plain
from seed_data.world.generator import generate_world
from seed_data.world.records import World

BEFORE = Path(__file__).with_name("invoices_before_third_layouts.json")


@pytest.fixture(scope="module")
def demo() -> World:
    return generate_world(0, "demo")


def digest(content) -> tuple[str, str]:
    """The layout, and a digest of every field but the layout and the form's new row."""
    d = {k: v for k, v in _plain(dataclasses.asdict(content)).items() if k not in ("layout", "construction")}
    return content.layout, hashlib.sha256(json.dumps(d, ensure_ascii=False, sort_keys=True).encode()).hexdigest()[:16]


def _construction(world: World):
    return [(m, e, c) for m in world.merchants for e in m.evidence if e.doc_type == "digital_einvoice"
            for c in [build_content(world, m, e)] if c.layout == "construction"]


def test_only_the_layout_moves(demo: World) -> None:
    moved = 0
    for evidence_id, (layout, rest) in json.loads(BEFORE.read_text(encoding="utf-8"))["demo"]["digital_einvoice"].items():
        now_layout, now_rest = digest(build_content(demo, *evidence_item(demo, evidence_id)))
        assert now_rest == rest, evidence_id
        assert now_layout == layout or (layout, now_layout) == ("standard", "construction"), evidence_id
        moved += now_layout != layout
    assert moved > 0


def test_construction_form_follows_the_first_line(demo: World) -> None:
    found = _construction(demo)
    assert found
    for _, _, c in found:
        assert c.lines[0].name.startswith("*建筑服务*") and c.construction is not None and not c.transport
        assert c.construction.cross_city in ("是", "否") and c.construction.project.endswith(c.lines[0].name.split("*")[2])


def test_developed_layouts_fixture_hides_it(demo: World, monkeypatch: pytest.MonkeyPatch) -> None:
    merchant, item, _ = _construction(demo)[0]
    monkeypatch.setattr(invoice, "SPECIFIC_BUSINESS", {})   # what tests/extractors/conftest.py does
    c = build_content(demo, merchant, item)
    assert c.layout == "standard" and c.construction is None


def test_construction_form_prints_the_key_values_and_its_row(demo: World) -> None:
    _, _, c = _construction(demo)[0]
    page = LAYOUTS["digital_einvoice"](c, np.random.default_rng(0))
    printed = {f.name: f.value for f in page.fields}
    keys = {f.name for f in page.fields if f.key}
    assert {"number", "issued", "buyer_name", "seller_name", "buyer_tax_id", "seller_tax_id", "total_amount",
            "total_tax", "total_capital", "total_incl_tax"} <= keys
    assert printed["number"] == c.number and printed["seller_tax_id"] == c.seller.uscc
    assert printed["total_capital"] == c.capital
    assert printed["construction.site"] == c.construction.site
    assert printed["construction.project"] == c.construction.project
    assert printed["construction.cross_city"] == c.construction.cross_city


@pytest.mark.parametrize("kind", sorted(FRAUD_SUPPORT["digital_einvoice"] - {"reused_document"}))
def test_fraud_renders_on_the_construction_form(demo: World, tmp_path: Path, kind: str) -> None:
    merchant, item, _ = next(t for t in _construction(demo) if t[1].fraud_kind is None)
    genuine = render_evidence(demo, merchant, dataclasses.replace(item, capture="clean"), tmp_path / "g")
    forged = render_evidence(demo, merchant, dataclasses.replace(item, fraud_kind=kind, capture="clean"), tmp_path)
    truth = json.loads(forged.with_suffix(".json").read_text(encoding="utf-8"))
    assert truth["content"]["layout"] == "construction" and truth["alteration"]["kind"] == kind
    alteration = truth["alteration"]
    if alteration["field"] is None:
        return
    printed = next(f for f in truth["fields"] if f["name"] == alteration["field"])
    assert alteration["printed"] in printed["value"] and alteration["box"] is not None
    if kind == "tamper_amount":   # the patch lies on the 价税合计(小写) box and nowhere else
        with Image.open(genuine) as g, Image.open(forged) as f:
            a, b = np.asarray(g.convert("RGB"), np.int16), np.asarray(f.convert("RGB"), np.int16)
        h, w = a.shape[:2]
        x0, y0, x1, y1 = alteration["box"]
        inside = np.zeros((h, w), bool)
        inside[int(y0 * h):int(np.ceil(y1 * h)), int(x0 * w):int(np.ceil(x1 * w))] = True
        diff = np.abs(a - b).max(axis=2) > 0
        assert diff[inside].mean() > 0.5 and not diff[~inside].any()

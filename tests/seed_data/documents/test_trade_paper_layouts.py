"""Purchase orders' and delivery notes' second format (a small firm's ERP print-out, ``layout == "erp"``)
is drawn without moving any other value, and prints every key value and the fraud the types support."""
from __future__ import annotations

import dataclasses
import hashlib
import json
from collections import Counter
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from seed_data.documents import build_content
from seed_data.documents.lookup import evidence_item
from seed_data.documents.printed import money
from seed_data.render import render_evidence
from seed_data.render.layouts import LAYOUTS
from seed_data.render.truth import _plain
from seed_data.world.generator import generate_world
from seed_data.world.records import World

BEFORE = Path(__file__).with_name("freight_trade_before_layouts.json")   # taken before the layout existed
TYPES = ("purchase_order", "delivery_note")


@pytest.fixture(scope="module")
def demo() -> World:
    return generate_world(0, "demo")


def _papers(world: World, doc_type: str):
    return [(m, e, build_content(world, m, e)) for m in world.merchants for e in m.evidence if e.doc_type == doc_type]


@pytest.mark.parametrize("doc_type", TYPES)
def test_layout_draw_leaves_existing_values_alone(demo: World, doc_type: str) -> None:
    for evidence_id, expected in json.loads(BEFORE.read_text(encoding="utf-8"))[doc_type].items():
        content = _plain(dataclasses.asdict(build_content(demo, *evidence_item(demo, evidence_id))))
        d = {k: v for k, v in content.items() if k != "layout"}
        assert hashlib.sha256(json.dumps(d, ensure_ascii=False, sort_keys=True).encode()).hexdigest()[:16] == expected


@pytest.mark.parametrize("doc_type,first,share", [("purchase_order", "system", 0.4), ("delivery_note", "pad", 0.3)])
def test_erp_share(demo: World, doc_type: str, first: str, share: float) -> None:
    layouts = Counter(c.layout for _, _, c in _papers(demo, doc_type))
    assert set(layouts) == {first, "erp"}
    assert abs(layouts["erp"] / sum(layouts.values()) - share) < 0.08


@pytest.mark.parametrize("doc_type", TYPES)
def test_erp_prints_the_key_values(demo: World, doc_type: str) -> None:
    c = next(c for _, _, c in _papers(demo, doc_type) if c.layout == "erp")
    page = LAYOUTS[doc_type](c, np.random.default_rng(0))
    keys = {f.name: f.value for f in page.fields if f.key}
    expected = {"number": c.number, "issued": c.issued.isoformat(), "buyer_name": c.buyer.name,
                "seller_name": c.seller.name, "total": money(c.total_cents), "total_capital": c.total_capital}
    expected |= {f"line{i}.amount": money(line.amount_cents) for i, line in enumerate(c.lines)}
    if doc_type == "purchase_order":
        expected |= {"buyer_uscc": c.buyer.uscc, "seller_uscc": c.seller.uscc}
    assert keys == expected


@pytest.mark.parametrize("doc_type", TYPES)
@pytest.mark.parametrize("kind", ["tamper_amount", "name_mismatch"])
def test_fraud_renders_on_the_erp_print(demo: World, tmp_path: Path, doc_type: str, kind: str) -> None:
    merchant, item, _ = next((m, e, c) for m, e, c in _papers(demo, doc_type)
                             if c.layout == "erp" and e.fraud_kind is None)
    genuine = render_evidence(demo, merchant, dataclasses.replace(item, capture="clean"), tmp_path / "g")
    path = render_evidence(demo, merchant, dataclasses.replace(item, fraud_kind=kind, capture="clean"), tmp_path)
    truth = json.loads(path.with_suffix(".json").read_text("utf-8"))
    assert truth["content"]["layout"] == "erp"
    alteration = truth["alteration"]
    printed = next(f for f in truth["fields"] if f["name"] == alteration["field"])
    assert alteration["printed"] in printed["value"] and alteration["box"] is not None
    with Image.open(genuine) as a, Image.open(path) as b:
        assert np.abs(np.asarray(a, dtype=np.int16) - np.asarray(b, dtype=np.int16)).max() > 60

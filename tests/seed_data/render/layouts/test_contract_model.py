"""Contracts on the government model texts (``layout == "model"``) print every key value and carry fraud."""
from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest

from seed_data.documents import build_content, contract
from seed_data.documents.printed import money
from seed_data.documents.seeding import stream
from seed_data.numbers.uscc import uscc_is_valid
from seed_data.render import render_evidence
from seed_data.render.layouts import LAYOUTS
from seed_data.world.records import World

TYPES = ("sales_contract", "lease_contract", "freight_contract")


@pytest.fixture
def model(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every contract of the sample world on its model text."""
    monkeypatch.setattr(contract, "layout_for", lambda world, item, premises: "model")


def _item(world: World, doc_type: str):
    return next((m, e) for m in world.merchants for e in m.evidence if e.doc_type == doc_type)


@pytest.mark.parametrize("doc_type", TYPES)
def test_model_text_prints_every_key_value(world: World, model: None, doc_type: str) -> None:
    merchant, item = _item(world, doc_type)
    c = build_content(world, merchant, item)
    assert c.layout == "model"
    page = LAYOUTS[doc_type](c, stream(world.seed, item.evidence_id, "page"))
    keys = {f.name: f.value for f in page.fields if f.key}
    assert keys["number"] == c.number
    assert keys["party_a_name"] == c.party_a.name and keys["party_b_name"] == c.party_b.name
    assert keys["party_a_uscc"] == c.party_a.uscc and keys["party_b_uscc"] == c.party_b.uscc
    assert keys["total"].lstrip("¥") == money(c.total_cents) and keys["total_capital"] == c.total_capital
    assert keys["signed"] == f"{c.signed.year}年{c.signed.month}月{c.signed.day}日"
    assert page.image.size == (1240, 1754)
    boxes = [f.box for f in page.fields]
    assert all(0 <= x0 < x1 <= 1 and 0 <= y0 < y1 <= 1 for x0, y0, x1, y1 in boxes)


@pytest.mark.parametrize("kind", ["tamper_amount", "name_mismatch", "invalid_check_digit", "inflated_contract"])
@pytest.mark.parametrize("doc_type", TYPES)
def test_fraud_is_drawn_on_the_model_text(world: World, model: None, tmp_path: Path, doc_type: str,
                                          kind: str) -> None:
    merchant, item = _item(world, doc_type)
    path = render_evidence(world, merchant, dataclasses.replace(item, fraud_kind=kind, capture="clean"), tmp_path)
    truth = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
    assert truth["content"]["layout"] == "model"
    alteration = truth["alteration"]
    printed = next(f for f in truth["fields"] if f["name"] == alteration["field"])
    assert alteration["printed"] in printed["value"] and alteration["box"] is not None
    if kind == "invalid_check_digit":
        assert not uscc_is_valid(printed["value"])


def test_the_share_draw_is_not_the_content_stream(world: World) -> None:
    """Same item, same content values whichever format is drawn."""
    merchant, item = _item(world, "sales_contract")
    drawn = build_content(world, merchant, item)
    other = "clause" if drawn.layout == "model" else "model"
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(contract, "layout_for", lambda world, item, premises: other)
        forced = build_content(world, merchant, item)
    assert dataclasses.replace(forced, layout=drawn.layout) == drawn

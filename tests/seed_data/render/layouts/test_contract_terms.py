"""Contracts on a large counterparty's template (``layout == "terms_table"``) print every key value in
their 合同要素表 and carry every fraud the types support."""
from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest

from seed_data.documents import FRAUD_SUPPORT, build_content, contract
from seed_data.documents.printed import cn_date, money
from seed_data.documents.seeding import stream
from seed_data.numbers.uscc import uscc_is_valid
from seed_data.render import render_evidence
from seed_data.render.layouts import LAYOUTS
from seed_data.world.records import World

TYPES = ("sales_contract", "lease_contract", "freight_contract", "construction_contract")
FRAUDS = ("tamper_amount", "name_mismatch", "invalid_check_digit", "inflated_contract")


@pytest.fixture
def template(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every contract of the sample world on its counterparty's template."""
    monkeypatch.setattr(contract, "layout_for", lambda world, item, premises: "terms_table")


def _item(world: World, doc_type: str):
    return next((m, e) for m in world.merchants for e in m.evidence if e.doc_type == doc_type)


@pytest.mark.parametrize("doc_type,machinery", [(t, False) for t in TYPES] + [("lease_contract", True)])
def test_terms_table_prints_every_key_value(world: World, template: None, doc_type: str, machinery: bool) -> None:
    """``machinery``: the lease printed as the merchant-lessor's machinery lease (the sample world has none)."""
    merchant, item = _item(world, doc_type)
    c = build_content(world, merchant, item)
    c = dataclasses.replace(c, merchant_is_a=machinery) if doc_type == "lease_contract" else c
    assert c.layout == "terms_table"
    page = LAYOUTS[doc_type](c, stream(world.seed, item.evidence_id, "page"))
    keys = {f.name: f.value for f in page.fields if f.key}
    assert keys["number"] == c.number
    assert keys["party_a_name"] == c.party_a.name and keys["party_b_name"] == c.party_b.name
    assert keys["party_a_uscc"] == c.party_a.uscc and keys["party_b_uscc"] == c.party_b.uscc
    assert keys["total"] == f"¥{money(c.total_cents)}" and keys["total_capital"] == c.total_capital
    assert keys["signed"] == cn_date(c.signed)
    assert [keys[f"line{i}.amount"] for i in range(len(c.lines))] == [money(l.amount_cents) for l in c.lines]
    assert page.image.size == (1240, 1754)
    assert all(0 <= x0 < x1 <= 1 and 0 <= y0 < y1 <= 1 for x0, y0, x1, y1 in (f.box for f in page.fields))


@pytest.mark.parametrize("kind", FRAUDS)
@pytest.mark.parametrize("doc_type", TYPES)
def test_fraud_is_drawn_on_the_template(world: World, template: None, tmp_path: Path, doc_type: str,
                                        kind: str) -> None:
    assert kind in FRAUD_SUPPORT[doc_type]
    merchant, item = _item(world, doc_type)
    path = render_evidence(world, merchant, dataclasses.replace(item, fraud_kind=kind, capture="clean"), tmp_path)
    truth = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
    assert truth["content"]["layout"] == "terms_table"
    alteration = truth["alteration"]
    printed = next(f for f in truth["fields"] if f["name"] == alteration["field"])
    assert alteration["printed"] in printed["value"] and alteration["box"] is not None
    if kind == "invalid_check_digit":
        assert not uscc_is_valid(printed["value"])
    if kind == "tamper_amount":   # the patch lands on the field's own box
        x0, y0, x1, y1 = alteration["box"]
        fx0, fy0, fx1, fy1 = printed["box"]
        assert x0 <= fx1 and fx0 <= x1 and y0 <= fy1 and fy0 <= y1

"""Invoices' second layouts: the 税控 PDF e-invoice for 专票/普票, the 货物运输服务 数电票 for freight.

The layout is drawn beside the content, never from it: every value of every invoice that existed before
the layouts did is unchanged (digests captured before the change, ``content_before_layouts.json``).
"""
from __future__ import annotations

import dataclasses
import hashlib
import json
from pathlib import Path

import numpy as np
import pytest

from seed_data.documents import build_content
from seed_data.documents.lookup import evidence_item
from seed_data.numbers.invoice import invoice_code_is_valid, invoice_code_kind
from seed_data.render import render_evidence
from seed_data.render.invoice_qr import payload
from seed_data.render.layouts import LAYOUTS
from seed_data.render.truth import _plain
from seed_data.world.generator import generate_world
from seed_data.world.records import World

BEFORE = Path(__file__).with_name("content_before_layouts.json")
FORMAT = ("layout", "code", "title", "check_code")   # what a new layout may print differently
NEW = ("layout", "transport", "construction")         # fields added with the layouts


@pytest.fixture(scope="module")
def demo() -> World:
    return generate_world(0, "demo")


def digests(content) -> list[str]:
    """Two digests: every field that existed before the layouts except the format's, and the format's."""
    d = _plain(dataclasses.asdict(content))
    rest = {k: v for k, v in d.items() if k not in FORMAT + NEW}
    fmt = {k: d[k] for k in FORMAT[1:] if k in d}
    return [hashlib.sha256(json.dumps(x, ensure_ascii=False, sort_keys=True).encode()).hexdigest()[:16]
            for x in (rest, fmt)]


def _items(world: World, doc_type: str):
    return [(m, e, build_content(world, m, e)) for m in world.merchants for e in m.evidence if e.doc_type == doc_type]


@pytest.mark.parametrize("doc_type", ["vat_special_invoice", "vat_ordinary_invoice", "digital_einvoice"])
def test_layout_draw_leaves_existing_values_alone(demo: World, doc_type: str) -> None:
    before = json.loads(BEFORE.read_text(encoding="utf-8"))[doc_type]
    for evidence_id, (rest, fmt) in before.items():
        content = build_content(demo, *evidence_item(demo, evidence_id))
        now = digests(content)
        assert now[0] == rest, evidence_id
        if content.layout != "electronic":   # only the electronic format reprints code/title
            assert now[1] == fmt, evidence_id


def test_layout_shares(demo: World) -> None:
    for doc_type, (lo, hi) in {"vat_ordinary_invoice": (0.48, 0.62), "vat_special_invoice": (0.15, 0.36)}.items():
        layouts = [c.layout for _, _, c in _items(demo, doc_type)]
        assert set(layouts) == {"paper", "electronic"}
        assert lo < layouts.count("electronic") / len(layouts) < hi
    digital = [c for _, _, c in _items(demo, "digital_einvoice")]
    freight = [c for c in digital if c.layout == "freight"]
    assert 0.05 < len(freight) / len(digital) < 0.15
    for c in digital:
        assert (c.layout == "freight") == c.lines[0].name.startswith("*运输服务*") == bool(c.transport)


def test_electronic_invoices_carry_the_electronic_format(demo: World) -> None:
    for doc_type, kind, qr in (("vat_ordinary_invoice", "e_ordinary", "10"), ("vat_special_invoice", "e_special", "08")):
        for _, _, c in _items(demo, doc_type):
            if c.layout == "electronic":
                assert invoice_code_is_valid(c.code, c.issued) and invoice_code_kind(c.code) == kind
                assert "电子" in c.title and c.check_code and len(c.check_code.replace(" ", "")) == 20
                assert payload(c).split(",")[1] == qr
            else:
                assert len(c.code) == 10 and "电子" not in c.title


@pytest.mark.parametrize("doc_type,layout", [("vat_ordinary_invoice", "electronic"),
                                             ("vat_special_invoice", "electronic"), ("digital_einvoice", "freight")])
def test_new_layout_prints_the_key_values(demo: World, doc_type: str, layout: str) -> None:
    c = next(c for _, _, c in _items(demo, doc_type) if c.layout == layout)
    page = LAYOUTS[doc_type](c, np.random.default_rng(0))
    printed = {f.name: f.value for f in page.fields}
    keys = {f.name for f in page.fields if f.key}
    assert printed["number"] == c.number and printed["buyer_name"] == c.buyer.name
    assert printed["seller_tax_id"] == c.seller.uscc and printed["total_capital"] == c.capital
    assert printed["total_incl_tax"].endswith(f"{c.total_cents // 100}.{c.total_cents % 100:02d}")
    assert {"number", "issued", "buyer_name", "seller_name", "total_incl_tax", "total_amount"} <= keys
    if layout == "electronic":
        assert printed["code"] == c.code and len(c.code) == 12
    else:
        assert printed["transport0.plate"] == c.transport[0].plate


@pytest.mark.parametrize("kind", ["tamper_amount", "name_mismatch", "invalid_check_digit"])
def test_fraud_renders_on_the_electronic_form(demo: World, tmp_path: Path, kind: str) -> None:
    merchant, item, _ = next((m, e, c) for m, e, c in _items(demo, "vat_ordinary_invoice")
                             if c.layout == "electronic" and e.fraud_kind is None)
    forged = dataclasses.replace(item, fraud_kind=kind, capture="clean")
    truth = json.loads(render_evidence(demo, merchant, forged, tmp_path).with_suffix(".json").read_text("utf-8"))
    assert truth["content"]["layout"] == "electronic"
    alteration = truth["alteration"]
    printed = next(f for f in truth["fields"] if f["name"] == alteration["field"])
    assert alteration["printed"] in printed["value"] and alteration["box"] is not None

"""Payment statements' second layout: the app's 交易明细证明 PDF beside the 收款记录 screenshot.

The third layout (a 聚合支付 provider's 对账单, ``test_statement_third_layouts.py``) is switched off here,
so every item prints as it did when these digests were taken."""
from __future__ import annotations

import dataclasses
import hashlib
import json
from pathlib import Path

import numpy as np
import pytest

from seed_data.documents import build_content, payment_statement
from seed_data.documents.lookup import evidence_item
from seed_data.documents.printed import money, money_grouped
from seed_data.render import render_evidence
from seed_data.render.layouts import LAYOUTS
from seed_data.render.truth import _plain
from seed_data.world.generator import generate_world
from seed_data.world.records import World

BEFORE = Path(__file__).with_name("content_before_layouts.json")   # digests taken before the layouts


def digests(content) -> list[str]:
    """As the invoices' test: every field but ``layout``, and (empty here) the invoice format's fields."""
    d = {k: v for k, v in _plain(dataclasses.asdict(content)).items() if k != "layout"}
    return [hashlib.sha256(json.dumps(x, ensure_ascii=False, sort_keys=True).encode()).hexdigest()[:16]
            for x in (d, {})]


@pytest.fixture(autouse=True)
def without_acquirer(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(payment_statement, "ACQUIRER_SHARE", 0.0)


@pytest.fixture(scope="module")
def demo() -> World:
    return generate_world(0, "demo")


def _statements(world: World):
    return [(m, e, build_content(world, m, e)) for m in world.merchants for e in m.evidence
            if e.doc_type == "payment_statement"]


def test_layout_draw_leaves_existing_values_alone(demo: World) -> None:
    for evidence_id, expected in json.loads(BEFORE.read_text(encoding="utf-8"))["payment_statement"].items():
        assert digests(build_content(demo, *evidence_item(demo, evidence_id))) == expected, evidence_id


def test_proof_share(demo: World) -> None:
    layouts = [c.layout for _, _, c in _statements(demo)]
    assert set(layouts) == {"screen", "proof"}
    assert 0.28 < layouts.count("proof") / len(layouts) < 0.42


@pytest.mark.parametrize("platform,title", [("微信支付", "微信支付交易明细证明"), ("支付宝", "支付宝交易流水证明")])
def test_proof_prints_the_key_values(demo: World, platform: str, title: str) -> None:
    c = next(c for _, _, c in _statements(demo) if c.layout == "proof")
    c = dataclasses.replace(c, platform=platform)
    page = LAYOUTS["payment_statement"](c, np.random.default_rng(0))
    printed = {f.name: f.value for f in page.fields}
    assert {f.name for f in page.fields if f.key} >= {"shop_name", "month", "month_total", "entry0.amount"}
    assert printed["shop_name"] == c.shop_name and printed["month_total"] == money_grouped(c.total_cents)
    assert printed["month"].startswith(c.month.replace("月", "月01日"))
    assert [printed[f"entry{i}.amount"] for i in range(len(c.entries))] == [money(e.amount_cents) for e in c.entries]
    assert page.image.size == (1240, 1754)


@pytest.mark.parametrize("kind", ["tamper_amount", "name_mismatch"])
def test_fraud_renders_on_the_proof(demo: World, tmp_path: Path, kind: str) -> None:
    merchant, item, _ = next((m, e, c) for m, e, c in _statements(demo) if c.layout == "proof" and e.fraud_kind is None)
    truth = json.loads(render_evidence(demo, merchant, dataclasses.replace(item, fraud_kind=kind), tmp_path)
                       .with_suffix(".json").read_text("utf-8"))
    assert truth["content"]["layout"] == "proof"
    alteration = truth["alteration"]
    printed = next(f for f in truth["fields"] if f["name"] == alteration["field"])
    assert alteration["printed"] in printed["value"] and alteration["box"] is not None

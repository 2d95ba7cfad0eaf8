"""The statements' third layouts print the type's key values and carry its fraud: 工商银行's 账户历史明细
with a 借贷标志 (``debit_credit``; the sample world banks there) and a 聚合支付 provider's 商户交易对账单
(``acquirer``, forced here)."""
from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from seed_data.documents import build_content, payment_statement
from seed_data.documents.printed import iso_date, money, money_grouped
from seed_data.documents.seeding import stream
from seed_data.render import render_evidence
from seed_data.render.layouts import LAYOUTS
from seed_data.render.layouts.payment_acquirer import FEE_RATE_BP
from seed_data.world.records import World

THIRD = {"bank_statement": "debit_credit", "payment_statement": "acquirer"}


@pytest.fixture(autouse=True)
def acquirer(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(payment_statement, "ACQUIRER_SHARE", 1.0)


def _item(world: World, doc_type: str):
    return next((m, e) for m in world.merchants for e in m.evidence if e.doc_type == doc_type and e.fraud_kind is None)


def _page(world: World, doc_type: str):
    merchant, item = _item(world, doc_type)
    c = build_content(world, merchant, item)
    assert c.layout == THIRD[doc_type]
    return c, LAYOUTS[doc_type](c, stream(world.seed, item.evidence_id, "page"))


def test_debit_credit_prints_the_key_values_and_every_row(world: World) -> None:
    c, page = _page(world, "bank_statement")
    keys = {f.name: f.value for f in page.fields if f.key}
    assert keys == {"bank": c.bank, "holder": c.holder, "account": c.account,
                    "period": f"{iso_date(c.period_start)} 至 {iso_date(c.period_end)}",
                    "total_credit": money_grouped(c.total_credit_cents),
                    "total_debit": money_grouped(c.total_debit_cents), "closing": money_grouped(c.closing_cents)}
    printed = {f.name: f.value for f in page.fields}
    for r, row in enumerate(c.rows):
        assert printed[f"row{r}.direction"] == ("贷" if row.credit_cents else "借")
        assert printed[f"row{r}.amount"] == money_grouped(row.credit_cents or row.debit_cents or 0)
        assert printed[f"row{r}.balance"] == money_grouped(row.balance_cents)
    assert page.image.size == (1240, 1754)


def test_acquirer_prints_the_key_values_and_ties_out(world: World) -> None:
    c, page = _page(world, "payment_statement")
    printed = {f.name: f.value for f in page.fields}
    assert {f.name for f in page.fields if f.key} == {"shop_name", "month", "month_total",
                                                      *(f"entry{i}.amount" for i in range(len(c.entries)))}
    assert printed["shop_name"] == c.shop_name and printed["platform"] == c.platform
    assert printed["month"] == f"{c.issued:%Y-%m}-01 至 {c.issued:%Y-%m-%d}"
    assert printed["month_total"] == money_grouped(c.total_cents) and printed["count"] == str(c.count)
    fee = (c.total_cents * FEE_RATE_BP + 5_000) // 10_000
    assert (printed["fee_total"], printed["settled_total"]) == (money_grouped(fee), money_grouped(c.total_cents - fee))
    assert [printed[f"entry{i}.amount"] for i in range(len(c.entries))] == [money(e.amount_cents) for e in c.entries]


@pytest.mark.parametrize("kind", ["tamper_amount", "name_mismatch"])
@pytest.mark.parametrize("doc_type", sorted(THIRD))
def test_fraud_lands_on_the_field(world: World, tmp_path: Path, doc_type: str, kind: str) -> None:
    merchant, item = _item(world, doc_type)
    genuine = render_evidence(world, merchant, dataclasses.replace(item, capture="clean"), tmp_path / "g")
    path = render_evidence(world, merchant, dataclasses.replace(item, fraud_kind=kind, capture="clean"), tmp_path)
    truth = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
    assert truth["content"]["layout"] == THIRD[doc_type]
    alteration = truth["alteration"]
    field = next(f for f in truth["fields"] if f["name"] == alteration["field"])
    assert alteration["printed"] in field["value"] and alteration["genuine"] != alteration["printed"]
    box = alteration["box"]
    assert box is not None
    if kind == "tamper_amount":   # the patch covers the field's own box
        assert box[0] <= field["box"][0] and box[1] <= field["box"][1]
        assert box[2] >= field["box"][2] and box[3] >= field["box"][3]
    with Image.open(genuine) as a, Image.open(path) as b:
        assert np.abs(np.asarray(a, dtype=np.int16) - np.asarray(b, dtype=np.int16)).max() > 60


def test_a_tampered_acquirer_total_leaves_fee_and_settlement_genuine(world: World) -> None:
    merchant, item = _item(world, "payment_statement")
    c = build_content(world, merchant, dataclasses.replace(item, fraud_kind="tamper_amount"))
    page = LAYOUTS["payment_statement"](c, stream(world.seed, item.evidence_id, "page"))
    printed = {f.name: f.value for f in page.fields}
    genuine = int(c.alteration.genuine.replace(",", "").replace(".", ""))
    fee = (genuine * FEE_RATE_BP + 5_000) // 10_000
    assert printed["month_total"] == c.alteration.printed != c.alteration.genuine
    assert (printed["fee_total"], printed["settled_total"]) == (money_grouped(fee), money_grouped(genuine - fee))

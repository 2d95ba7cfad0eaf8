"""收据: the merchant's receipt for a customer's payment, kept as the stub (存根联) of a receipt book
(layout ``pad``: the stationer's triplicate 收款收据 with a red serial, filled in by hand in blue ink)
or printed by finance software (``printed``: 收款收据 on A5 with the payer, the reason and the amount in
words and figures). Both carry the merchant's 财务专用章.

What it proves is money received from a named payer, for goods: weaker than an invoice (no tax
control, no QR), stronger than nothing. Amounts: 1–5% of a year's trade with a business customer
(assumption: receipts are written for payments on account and small cash orders), or CNY 500–20,000
from a household customer, a person (the trades that take receipts mostly sell to households).
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import numpy as np

from seed_data.documents.alteration import Alteration
from seed_data.documents.capital_amount import capital_amount
from seed_data.documents.fraud import amounts_cents, shown_identity, unsupported
from seed_data.documents.identity import Side, merchant_side, party_side, person_name
from seed_data.documents.lookup import party
from seed_data.world.records import EvidenceItem, Merchant, World

PURPOSES = ("货款", "购货款", "预付货款", "货款（部分）")


@dataclass(frozen=True, slots=True)
class Receipt:
    layout: str               # "pad" | "printed"
    number: str               # the book's red serial / the software's voucher number
    issued: date
    payer: Side               # 交款单位 / 今收到
    payee: Side               # 收款单位: the merchant
    purpose: str              # 事由 / 交来
    amount_cents: int         # as printed
    amount_capital: str
    method: str               # 现金 / 转账 / 微信
    cashier: str              # 收款人
    alteration: Alteration | None
    doc_type: str = "receipt"


def build(world: World, merchant: Merchant, item: EvidenceItem, rng: np.random.Generator) -> Receipt:
    cp = party(world, item.counterparty_id)
    ours = merchant_side(world, merchant)
    # a household customer is a person: named, with no code (装修款 from 张先生)
    theirs = party_side(world, cp) if cp else Side(person_name(rng), "", "", "", "", "", "", None)
    genuine, printed = amounts_cents(world, item, fallback_cny=int(rng.integers(500, 20_000)))
    alteration, kind = None, item.fraud_kind
    if kind == "tamper_amount":
        alteration = Alteration(kind, "amount", f"{genuine / 100:.2f}", f"{printed / 100:.2f}",
                                "figures edited; the amount in words is the genuine one")
    elif kind == "name_mismatch":
        name, uscc = shown_identity(world, merchant, item)
        ours = Side(name, uscc, ours.address, ours.phone, ours.bank, ours.account, ours.signatory, None)
        alteration = Alteration(kind, "payee_name", merchant.name, name, "another business's receipt book")
    elif kind not in (None, "screen_recapture", "print_recapture", "reused_document"):
        raise unsupported("receipt", kind)
    printed_form = rng.random() < 0.4
    return Receipt(
        layout="printed" if printed_form else "pad",
        number=f"SK{item.issued:%Y%m}{int(rng.integers(1, 9999)):04d}" if printed_form
        else f"{int(rng.integers(1, 10 ** 7)):07d}",
        issued=item.issued, payer=theirs, payee=ours, purpose=PURPOSES[int(rng.integers(len(PURPOSES)))],
        amount_cents=printed, amount_capital=capital_amount(genuine),
        method=("转账", "现金", "微信")[int(rng.integers(3))], cashier=person_name(rng), alteration=alteration)

"""对账单: the merchant's statement of account with a customer for the last quarter, confirmed by the
customer's seal, in the two forms trade uses: the ledger the merchant's accounting software prints
(layout ``ledger``: deliveries and payments line by line, opening and closing balance) and the
confirmation letter auditors and finance departments send (``confirmation``, 往来款项对账函: the balance
owed as of a day, in words and figures, with 数据证明无误 and the customer's seal).

What it proves is trade with a named customer and what that customer confirms it owes: a receivable
lenders finance (应收账款融资). Figures come from the truth's trade with the customer (assumptions):
a quarter's deliveries = a quarter of the year's volume × 0.8–1.2 in 3–6 deliveries; payments 60–100%
of them; the opening balance = the trade's cash cycle's share of a month's deliveries.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

import numpy as np

from seed_data.documents.alteration import Alteration
from seed_data.documents.capital_amount import capital_amount
from seed_data.documents.fraud import edit_factor, shown_identity, unsupported
from seed_data.documents.identity import Side, merchant_side, party_side
from seed_data.documents.lookup import industry, party
from seed_data.world.records import EvidenceItem, Merchant, World


@dataclass(frozen=True, slots=True)
class LedgerLine:
    day: date
    ref: str                  # 单号: the delivery note or the payment's voucher
    memo: str                 # 摘要: 送货 / 回款
    shipped_cents: int        # 发货金额 (0 for a payment)
    received_cents: int       # 回款金额 (0 for a delivery)
    balance_cents: int        # 余额 after the line


@dataclass(frozen=True, slots=True)
class AccountStatement:
    layout: str               # "ledger" | "confirmation"
    number: str               # 对账单号 / 函证编号
    creditor: Side            # the merchant, who is owed
    debtor: Side              # the customer, who confirms
    period_start: date
    period_end: date
    opening_cents: int
    lines: tuple[LedgerLine, ...]
    shipped_cents: int        # 本期发货合计, as printed
    received_cents: int       # 本期回款合计
    closing_cents: int        # 期末应收余额 / the confirmed balance, as printed
    closing_capital: str
    confirmed: date           # the day the customer sealed it
    alteration: Alteration | None
    doc_type: str = "account_statement"


def build(world: World, merchant: Merchant, item: EvidenceItem, rng: np.random.Generator) -> AccountStatement:
    cp = party(world, item.counterparty_id)
    ours, theirs = merchant_side(world, merchant), party_side(world, cp) if cp else merchant_side(world, merchant)
    end = date(item.issued.year, item.issued.month, 1) - timedelta(days=1)
    start = date(end.year, end.month, 1)
    for _ in range(2):
        start = date(start.year, start.month, 1) - timedelta(days=1)
        start = date(start.year, start.month, 1)
    yearly = item.amount_cny or 100_000
    quarter = int(yearly / 4 * rng.uniform(0.8, 1.2)) * 100
    ind = industry(world, merchant.industry_code)
    cycle = min(max(ind.cash_cycle_days if ind else 30, 10), 120)
    opening = int(quarter / 3 * cycle / 30) // 100 * 100
    deliveries = int(rng.integers(3, 7))
    weights = rng.dirichlet(np.ones(deliveries))
    span = (end - start).days
    events = [(start + timedelta(days=int(rng.integers(0, span + 1))), "送货", int(quarter * w) // 100 * 100, 0)
              for w in weights]
    paid = int(quarter * rng.uniform(0.6, 1.0)) // 100 * 100
    for share in rng.dirichlet(np.ones(2)):
        events.append((start + timedelta(days=int(rng.integers(10, span + 1))), "回款", 0, int(paid * share) // 100 * 100))
    lines, balance = [], opening
    for k, (day, memo, shipped, received) in enumerate(sorted(events, key=lambda e: (e[0], e[1]))):
        received = min(received, balance)   # a customer pays what it owes, not ahead of deliveries
        if memo == "回款" and received <= 0:
            continue
        balance += shipped - received
        ref = f"SH{day:%y%m%d}{k:02d}" if memo == "送货" else f"HK{day:%y%m%d}{k:02d}"
        lines.append(LedgerLine(day, ref, memo, shipped, received, balance))
    shipped_total = sum(x.shipped_cents for x in lines)
    received_total = sum(x.received_cents for x in lines)
    genuine = balance
    printed, alteration, kind = genuine, None, item.fraud_kind
    if kind == "tamper_amount":
        printed = genuine * edit_factor(world, item)
        alteration = Alteration(kind, "closing", f"{genuine / 100:.2f}", f"{printed / 100:.2f}",
                                "balance edited; the lines still end at the genuine one")
    elif kind == "name_mismatch":
        name, uscc = shown_identity(world, merchant, item)
        ours = Side(name, uscc, ours.address, ours.phone, ours.bank, ours.account, ours.signatory, None)
        alteration = Alteration(kind, "creditor_name", merchant.name, name, "another supplier's statement")
    elif kind not in (None, "screen_recapture", "print_recapture", "reused_document"):
        raise unsupported("account_statement", kind)
    layout = "confirmation" if rng.random() < 0.35 else "ledger"
    return AccountStatement(
        layout=layout, number=f"DZ{end:%Y%m}{int(rng.integers(1, 999)):03d}", creditor=ours, debtor=theirs,
        period_start=start, period_end=end, opening_cents=opening, lines=tuple(lines), shipped_cents=shipped_total,
        received_cents=received_total, closing_cents=printed, closing_capital=capital_amount(genuine),
        confirmed=min(end + timedelta(days=int(rng.integers(3, 15))), item.issued), alteration=alteration)

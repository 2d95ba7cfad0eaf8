"""银行账户交易明细: half a year of a merchant's account, opening to closing balance, in its bank's form
(``SIGNED_AMOUNT_BANKS`` print one signed amount column; ``DEBIT_CREDIT_BANKS`` a 借贷标志 beside one
unsigned 发生额; the rest 收入 and 支出 apart).

Six months, three rows a month: credits follow the world's monthly inflows, scaled to the item's stated
amount (the six-month inflow), and one debit a month carries that month's outflow, so a statement
ties out to the hidden truth. A tampered statement edits the printed 本期收入合计 and leaves rows and
balances alone, which is how such edits are caught.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

import numpy as np

from seed_data.documents.alteration import Alteration
from seed_data.documents.business_licence import authority_city
from seed_data.documents.fraud import edit_factor, shown_identity, unsupported
from seed_data.documents.identity import person_name
from seed_data.documents.lookup import party
from seed_data.documents.printed import money_grouped
from seed_data.world.records import EvidenceItem, Merchant, MonthlyFlow, World

MONTHS = 6           # statements submitted for credit cover half a year
ROWS_PER_MONTH = 3   # two credits and one debit a month keep six months on one A4 page
CREDIT_SUMMARIES = ("转账收入", "网银转账", "货款", "POS收单入账", "支付宝提现", "微信提现")
DEBIT_SUMMARIES = ("货款支付", "代发工资", "房租", "电费", "税费扣缴", "网银转账")
# Banks whose 交易明细 print one signed 交易金额 column (-1,234.00 out) rather than 收入 and 支出 apart,
# with the 记账日 as YYYYMMDD and the totals as 收入/支出 笔数 and 金额 (as 建设银行 and 农业银行 print them).
SIGNED_AMOUNT_BANKS = frozenset({"中国建设银行", "中国农业银行"})
# Banks whose 账户历史明细 mark each row 借 or 贷 (a deposit account's 借 is money out, 贷 money in) beside
# one unsigned 发生额, with 对方户名 and 对方账号, as 中国工商银行's history export does. Held out of the
# readers' development (issue 14): zero it to print these banks' statements as before.
DEBIT_CREDIT_BANKS = frozenset({"中国工商银行"})


@dataclass(frozen=True, slots=True)
class StatementRow:
    booked: date
    time: str
    summary: str
    counterparty: str
    credit_cents: int | None
    debit_cents: int | None
    balance_cents: int


@dataclass(frozen=True, slots=True)
class BankStatement:
    bank: str
    branch: str
    holder: str
    account: str
    period_start: date
    period_end: date
    opening_cents: int
    rows: tuple[StatementRow, ...]
    total_credit_cents: int
    total_debit_cents: int
    closing_cents: int
    printed_on: date
    alteration: Alteration | None
    doc_type: str = "bank_statement"
    # "columns": 收入/支出 in two columns; "signed": one signed 交易金额 column; "debit_credit": 借贷标志 + 发生额
    layout: str = "columns"


def _parts(total: int, n: int, rng: np.random.Generator) -> list[int]:
    """``n`` positive amounts summing exactly to ``total`` cents."""
    parts = [max(int(total * w), 1) for w in rng.dirichlet(np.ones(n) * 1.5)[:-1]]
    return [*parts, total - sum(parts)]


def _months(merchant: Merchant, issued: date) -> list[MonthlyFlow]:
    """The last ``MONTHS`` months of the world's flows that end before the statement is printed."""
    before = [f for f in merchant.monthly if f.month < f"{issued:%Y-%m}"] or list(merchant.monthly)
    if before:
        return before[-MONTHS:]
    prev = issued.replace(day=1) - timedelta(days=1)
    return [MonthlyFlow(f"{prev:%Y-%m}", 50_000, 50_000, 40_000)]


def build(world: World, merchant: Merchant, item: EvidenceItem, rng: np.random.Generator) -> BankStatement:
    months = _months(merchant, item.issued)
    world_inflow = sum(f.inflow_cny for f in months)
    genuine_total = (item.true_amount_cny if item.fraud_kind == "tamper_amount" and item.true_amount_cny
                     else item.amount_cny) or world_inflow
    # Credits follow the world's monthly inflows, scaled so that they add up to the stated total.
    month_credits = _parts(genuine_total * 100, len(months), rng) if world_inflow <= 0 else \
        [int(genuine_total * 100 * f.inflow_cny / world_inflow) for f in months]
    month_credits[-1] += genuine_total * 100 - sum(month_credits)
    names = [p.name for l in merchant.links if (p := party(world, l.party_id))] or [person_name(rng)]
    signed: list[tuple[date, int]] = []
    for flow, credit in zip(months, month_credits):
        year, mon = (int(x) for x in flow.month.split("-"))
        last_day = ((date(year + mon // 12, mon % 12 + 1, 1)) - timedelta(days=1)).day
        days = np.sort(rng.integers(1, last_day + 1, size=ROWS_PER_MONTH))
        amounts = [*_parts(credit, ROWS_PER_MONTH - 1, rng), -flow.outflow_cny * 100]
        order = rng.permutation(ROWS_PER_MONTH)
        signed += [(date(year, mon, int(day)), amounts[k]) for day, k in zip(days, order)]
    running = np.cumsum([a for _, a in signed])
    # Opening balance high enough that the account never goes negative, plus a cushion.
    opening = int(-min(running.min(), 0)) + int(rng.integers(5_000, 80_000)) * 100 + int(rng.integers(100))
    rows = []
    for (day, amount), balance in zip(signed, running):
        summary = (CREDIT_SUMMARIES if amount > 0 else DEBIT_SUMMARIES)[int(rng.integers(6))]
        rows.append(StatementRow(day, f"{int(rng.integers(8, 20)):02d}:{int(rng.integers(60)):02d}:"
                                      f"{int(rng.integers(60)):02d}",
                                 summary, names[int(rng.integers(len(names)))],
                                 amount if amount > 0 else None, -amount if amount < 0 else None,
                                 opening + int(balance)))
    total_credit = genuine_total * 100
    holder, alteration, kind = merchant.name, None, item.fraud_kind
    if kind == "tamper_amount":
        printed = item.amount_cny * 100 if item.amount_cny and item.amount_cny != genuine_total else \
            total_credit * edit_factor(world, item)
        alteration = Alteration(kind, "total_credit", money_grouped(total_credit), money_grouped(printed),
                                "本期收入合计 edited in place; the rows and balances still show the genuine flow")
        total_credit = printed
    elif kind == "name_mismatch":
        holder, _ = shown_identity(world, merchant, item)
        alteration = Alteration(kind, "holder", merchant.name, holder, "statement of another business's account")
    elif kind not in (None, "screen_recapture", "print_recapture", "reused_document"):
        raise unsupported("bank_statement", kind)
    bank = merchant.bank_name or "中国工商银行"
    layout = "signed" if bank in SIGNED_AMOUNT_BANKS else "debit_credit" if bank in DEBIT_CREDIT_BANKS else "columns"
    first, last = months[0].month, months[-1].month
    period_end = date(int(last[:4]) + int(last[5:]) // 12, int(last[5:]) % 12 + 1, 1) - timedelta(days=1)
    return BankStatement(
        bank=bank, branch=f"{authority_city(merchant.region_code)}分行营业部", holder=holder,
        account=merchant.bank_account, period_start=date(int(first[:4]), int(first[5:]), 1), period_end=period_end,
        opening_cents=opening, rows=tuple(rows), total_credit_cents=total_credit,
        total_debit_cents=sum(f.outflow_cny for f in months) * 100, closing_cents=rows[-1].balance_cents,
        printed_on=max(item.issued, period_end), alteration=alteration, layout=layout,
    )

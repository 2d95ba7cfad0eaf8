"""账户历史明细 with a 借贷标志 (layout ``debit_credit``), A4 portrait, as 中国工商银行 prints a history.

Source: the columns of 中国工商银行's account-history export as public code that ingests it reads them
(入账日期, 入账时间 written HH.MM.SS, 注释 for the 摘要, 借贷标志 借/贷, one unsigned 发生额, 余额, 对方帐户,
对方户名), and the general form of a Chinese bank's printed history (bank, title, 户名/账号/币种/起止日期, the
totals as 借方 and 贷方 笔数 and 发生额, 期初/期末余额, print date, the branch's 业务专用章); no specimen image
was at hand, so nothing is drawn that this list does not name. On a deposit account 贷 is money in (收入)
and 借 money out (支出), so 贷方发生额合计 is the ``total_credit`` the other layouts print as 收入合计.

One page holds every row, as the other layouts' pages do. The 对方账号 is not part of the world's
content: each counterparty gets one number for the page, drawn from the page's stream.
"""
from __future__ import annotations

import numpy as np

from seed_data.documents.bank_statement import BankStatement, StatementRow
from seed_data.documents.printed import iso_date, money_grouped
from seed_data.numbers.luhn import BANK_BINS, make_luhn_number
from seed_data.render.page import Page, RenderedPage
from seed_data.render.seal import round_seal
from seed_data.render.table import Column, draw_table

WIDTH, HEIGHT = 1240, 1754
LEFT = 60
ICBC_RED = (190, 20, 30)
COLUMNS = (Column("入账日期", 120, "date", "center"), Column("入账时间", 94, None, "center"),
           Column("摘要", 114, "summary", "center"), Column("借贷标志", 62, "direction", "center"),
           Column("发生额", 136, "amount", "right"), Column("余额", 136, "balance", "right"),
           Column("对方户名", 274, "counterparty"), Column("对方账号", 184, None))


def _accounts(rows: tuple[StatementRow, ...], rng: np.random.Generator) -> dict[str, str]:
    """One 19-digit card number per counterparty, at a bank of its own, stable within the page."""
    bins = sorted(BANK_BINS.values())
    accounts: dict[str, str] = {}
    for r in rows:
        if r.counterparty not in accounts:
            accounts[r.counterparty] = make_luhn_number(rng, bins[int(rng.integers(len(bins)))], 19)
    return accounts


def render(c: BankStatement, rng: np.random.Generator) -> RenderedPage:
    p = Page(WIDTH, HEIGHT, background=(255, 255, 255))
    p.field("bank", c.bank, (LEFT, 58), "sans_bold", 38, label="银行", key=True, fill=ICBC_RED)
    p.text((WIDTH / 2, 160), "账户历史明细清单", "sans_bold", 38, anchor="mm")
    meta = [("户　　名", "holder", c.holder, True), ("账　　号", "account", c.account, True),
            ("币　　种", "currency", "人民币", False), ("开户网点", "branch", f"{c.bank}{c.branch}", False),
            ("起止日期", "period", f"{iso_date(c.period_start)} 至 {iso_date(c.period_end)}", True)]
    for i, (label, name, value, key) in enumerate(meta):
        x, y = LEFT + (i % 2) * 580, 220 + (i // 2) * 42
        p.text((x, y), f"{label}：", "sans", 22)
        p.field(name, value, (x + 120, y), "sans", 22, label=label, key=key, max_width=440)
    accounts = _accounts(c.rows, rng)
    rows = [(iso_date(r.booked), r.time.replace(":", "."), r.summary, "贷" if r.credit_cents else "借",
             money_grouped(r.credit_cents or r.debit_cents or 0), money_grouped(r.balance_cents), r.counterparty,
             accounts[r.counterparty]) for r in c.rows]
    y = draw_table(p, LEFT, 370, COLUMNS, rows, prefix="row", row_height=52, header_height=48, face="sans", size=19,
                   header_face="sans_bold")
    credits = sum(1 for r in c.rows if r.credit_cents)
    y += 36
    # 借 before 贷, the order of the accounting entry.
    p.text((LEFT, y), f"借方笔数：{len(c.rows) - credits}　　借方发生额合计：", "sans", 22)
    p.field("total_debit", money_grouped(c.total_debit_cents), (LEFT + 370, y), "sans", 22, label="借方发生额合计",
            key=True)
    p.text((LEFT + 580, y), f"贷方笔数：{credits}　　贷方发生额合计：", "sans", 22)
    p.field("total_credit", money_grouped(c.total_credit_cents), (LEFT + 950, y), "sans", 22,
            label="贷方发生额合计", key=True)
    p.text((LEFT, y + 44), "期初余额：", "sans", 22)
    p.field("opening", money_grouped(c.opening_cents), (LEFT + 120, y + 44), "sans", 22, label="期初余额")
    p.text((LEFT + 580, y + 44), "期末余额：", "sans", 22)
    p.field("closing", money_grouped(c.closing_cents), (LEFT + 700, y + 44), "sans", 22, label="期末余额", key=True)
    p.text((LEFT, y + 110), f"打印日期：{iso_date(c.printed_on)}", "sans", 20)
    p.paste_multiply(round_seal(f"{c.bank}{c.branch}", "业务专用章", rng, 240), (WIDTH - 380, y + 40))
    return p.finish()

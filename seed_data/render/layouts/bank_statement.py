"""银行账户交易明细, A4 portrait: bank header, account block, ruled transaction table, totals, the
branch's 业务专用章. Layouts ``columns`` and ``signed`` here; ``debit_credit`` in its own module."""
from __future__ import annotations

import numpy as np
from PIL import ImageDraw

from seed_data.documents.bank_statement import BankStatement
from seed_data.documents.printed import iso_date, money_grouped
from seed_data.render.layouts import bank_statement_debit_credit
from seed_data.render.page import Page, RenderedPage
from seed_data.render.seal import round_seal
from seed_data.render.table import Column, draw_table

WIDTH, HEIGHT = 1240, 1754
LEFT = 60
COLUMNS = (Column("交易日期", 150, "date", "center"), Column("交易时间", 115, None, "center"),
           Column("摘要", 135, "summary", "center"), Column("对方户名", 300, "counterparty"),
           Column("收入金额", 150, "credit", "right", important=True),
           Column("支出金额", 140, "debit", "right"), Column("账户余额", 130, "balance", "right"))
BANK_RED = (180, 30, 40)


def render(c: BankStatement, rng: np.random.Generator) -> RenderedPage:
    if c.layout == "debit_credit":
        return bank_statement_debit_credit.render(c, rng)
    return _signed(c, rng) if c.layout == "signed" else _columns(c, rng)


SIGNED_COLUMNS = (Column("序号", 60, None, "center"), Column("记账日期", 140, None, "center"),
                  Column("交易金额", 170, None, "right"), Column("账户余额", 170, None, "right"),
                  Column("摘要", 140, None, "center"), Column("对方户名", 330, None))


def _signed(c: BankStatement, rng: np.random.Generator) -> RenderedPage:
    """One signed 交易金额 column, 记账日期 as YYYYMMDD, totals as 笔数 and 金额 of 收入 and 支出."""
    p = Page(WIDTH, HEIGHT, background=(255, 255, 255))
    blue = (0, 70, 150)
    p.field("bank", c.bank, (LEFT, 60), "sans_bold", 38, label="银行", key=True, fill=blue)
    p.text((WIDTH / 2, 160), "账户交易明细清单", "sans_bold", 38, anchor="mm")
    meta = [("客户名称", "holder", c.holder, True), ("账　　号", "account", c.account, True),
            ("起始日期", "period_start", iso_date(c.period_start), True),
            ("终止日期", "period_end", iso_date(c.period_end), True), ("币　　别", "currency", "人民币元", False),
            ("开户网点", "branch", f"{c.bank}{c.branch}", False)]
    for i, (label, name, value, key) in enumerate(meta):
        x, y = LEFT + (i % 2) * 580, 220 + (i // 2) * 42
        p.text((x, y), f"{label}：", "sans", 22)
        p.field(name, value, (x + 120, y), "sans", 22, label=label, key=key, max_width=440)
    rows = [(str(k + 1), f"{r.booked:%Y%m%d}",
             money_grouped(r.credit_cents) if r.credit_cents else f"-{money_grouped(r.debit_cents or 0)}",
             money_grouped(r.balance_cents), r.summary, r.counterparty) for k, r in enumerate(c.rows)]
    y = draw_table(p, LEFT, 370, SIGNED_COLUMNS, rows, prefix="row", row_height=50, header_height=48, face="sans",
                   size=20, header_face="sans_bold", rules="rows")
    credits = sum(1 for r in c.rows if r.credit_cents)
    y += 36
    p.text((LEFT, y), f"收入笔数：{credits}　　收入金额：", "sans", 22)
    p.field("total_credit", money_grouped(c.total_credit_cents), (LEFT + 330, y), "sans", 22, label="收入金额", key=True)
    p.text((LEFT + 580, y), f"支出笔数：{len(c.rows) - credits}　　支出金额：", "sans", 22)
    p.field("total_debit", money_grouped(c.total_debit_cents), (LEFT + 910, y), "sans", 22, label="支出金额", key=True)
    p.text((LEFT, y + 44), "期初余额：", "sans", 22)
    p.field("opening", money_grouped(c.opening_cents), (LEFT + 120, y + 44), "sans", 22, label="期初余额")
    p.text((LEFT + 580, y + 44), "期末余额：", "sans", 22)
    p.field("closing", money_grouped(c.closing_cents), (LEFT + 700, y + 44), "sans", 22, label="期末余额", key=True)
    p.text((LEFT, y + 110), f"打印日期：{iso_date(c.printed_on)}　　打印渠道：网点柜面", "sans", 20)
    p.paste_multiply(round_seal(f"{c.bank}{c.branch}", "业务专用章", rng, 240), (WIDTH - 380, y + 20))
    return p.finish()


def _columns(c: BankStatement, rng: np.random.Generator) -> RenderedPage:
    p = Page(WIDTH, HEIGHT, background=(255, 255, 255))
    d: ImageDraw.ImageDraw = p.draw
    d.ellipse((LEFT, 50, LEFT + 70, 120), outline=BANK_RED, width=6)
    d.rectangle((LEFT + 25, 75, LEFT + 45, 95), outline=BANK_RED, width=5)
    p.field("bank", c.bank, (LEFT + 90, 60), "sans_bold", 40, label="银行", key=True, fill=BANK_RED)
    p.text((WIDTH / 2, 175), "账户交易明细", "sans_bold", 40, anchor="mm")
    meta = [("户名", "holder", c.holder, True), ("账号", "account", c.account, True), ("币种", "currency", "人民币", False),
            ("开户机构", "branch", f"{c.bank}{c.branch}", False),
            ("起止日期", "period", f"{iso_date(c.period_start)} 至 {iso_date(c.period_end)}", True)]
    for i, (label, name, value, key) in enumerate(meta):
        x, y = LEFT + (i % 2) * 580, 230 + (i // 2) * 42
        p.text((x, y), f"{label}：", "sans", 22)
        p.field(name, value, (x + 110, y), "sans", 22, label=label, key=key, max_width=460)
    rows = [(iso_date(r.booked), r.time, r.summary, r.counterparty,
             money_grouped(r.credit_cents) if r.credit_cents else "",
             money_grouped(r.debit_cents) if r.debit_cents else "", money_grouped(r.balance_cents)) for r in c.rows]
    y = draw_table(p, LEFT, 370, COLUMNS, rows, prefix="row", row_height=54, header_height=50, face="sans", size=20,
                   header_face="sans_bold")
    y += 36
    p.text((LEFT, y), "期初余额：", "sans", 22)
    p.field("opening", money_grouped(c.opening_cents), (LEFT + 120, y), "sans", 22, label="期初余额")
    p.text((LEFT + 560, y), "期末余额：", "sans", 22)
    p.field("closing", money_grouped(c.closing_cents), (LEFT + 680, y), "sans", 22, label="期末余额", key=True)
    p.text((LEFT, y + 44), "本期收入合计：", "sans", 22)
    p.field("total_credit", money_grouped(c.total_credit_cents), (LEFT + 165, y + 44), "sans", 22,
            label="本期收入合计", key=True)
    p.text((LEFT + 560, y + 44), "本期支出合计：", "sans", 22)
    p.field("total_debit", money_grouped(c.total_debit_cents), (LEFT + 725, y + 44), "sans", 22,
            label="本期支出合计", key=True)
    p.text((LEFT, y + 110), f"打印日期：{iso_date(c.printed_on)}", "sans", 20)
    p.text((LEFT, y + 145), "本明细仅供参考，如与账务记载不符，以账务记载为准。", "sans", 20)
    p.paste_multiply(round_seal(f"{c.bank}{c.branch}", "业务专用章", rng, 240), (WIDTH - 380, y + 20))
    return p.finish()

"""对账单 as accounting software prints a customer ledger (the creditor's header, the period, a ruled
table of deliveries and payments with running balance, the totals, 以上款项核对无误 and both seals)
and as a 往来款项对账函 letter (to the customer, the balance owed as of a day in words and figures, the
数据证明无误 box sealed by the customer)."""
from __future__ import annotations

import numpy as np

from seed_data.documents.account_statement import AccountStatement
from seed_data.documents.printed import cn_date, money
from seed_data.render.page import Page, RenderedPage
from seed_data.render.seal import round_seal
from seed_data.render.table import Column, draw_table


def _ledger(c: AccountStatement, rng: np.random.Generator) -> RenderedPage:
    width, height = 1240, 1754
    p = Page(width, height)
    p.field("creditor_name", c.creditor.name, (width / 2, 100), "sans_bold", 34, label="", key=True, anchor="mm",
            max_width=1000)
    p.text((width / 2, 165), "客 户 对 账 单", "sans_bold", 46, anchor="mm")
    p.text((90, 240), "客户名称：", "sans", 24)
    p.field("debtor_name", c.debtor.name, (215, 240), "sans", 24, label="客户名称", key=True, max_width=560)
    p.text((820, 240), "单号：", "sans", 24)
    p.field("number", c.number, (895, 240), "sans", 24, label="对账单号")
    p.text((90, 290), "对账期间：", "sans", 24)
    box = p.field("period_start", cn_date(c.period_start), (215, 290), "sans", 24, label="对账期间", key=True)
    p.text((box[2] + 6, 290), "至", "sans", 24)
    p.field("period_end", cn_date(c.period_end), (box[2] + 40, 290), "sans", 24, label="对账期间", key=True)
    p.text((width - 90, 290), "单位：元", "sans", 22, anchor="ra")
    cols = [Column("日期", 170, align="center"), Column("单号", 190, align="center"), Column("摘要", 150, align="center"),
            Column("发货金额", 180, align="right"), Column("回款金额", 180, align="right"),
            Column("余额", 190, align="right")]
    rows = [["", "", "期初余额", "", "", money(c.opening_cents)]]
    rows += [[f"{x.day:%Y-%m-%d}", x.ref, x.memo, money(x.shipped_cents) if x.shipped_cents else "",
              money(x.received_cents) if x.received_cents else "", money(x.balance_cents)] for x in c.lines]
    y = draw_table(p, 90, 330, cols, rows, prefix="ledger", row_height=46, size=21, face="sans", header_face="sans")
    p.text((90, y + 40), "本期发货合计：", "sans_bold", 24)
    p.field("shipped", money(c.shipped_cents), (265, y + 40), "sans", 24, label="本期发货合计", key=True)
    p.text((560, y + 40), "本期回款合计：", "sans_bold", 24)
    p.field("received", money(c.received_cents), (735, y + 40), "sans", 24, label="本期回款合计")
    p.text((90, y + 95), "期末应收余额：", "sans_bold", 26)
    p.field("closing", f"¥{money(c.closing_cents)}", (270, y + 95), "sans_bold", 26, label="期末应收余额", key=True)
    p.text((620, y + 95), "大写：", "sans", 24)
    p.field("closing_capital", c.closing_capital, (700, y + 95), "sans", 24, label="大写", key=True, max_width=460)
    p.text((90, y + 170), "以上款项核对无误，请贵司于收到对账单后签字盖章确认并回传。", "sans", 22)
    p.text((90, y + 260), "供货单位（盖章）：", "sans", 24)
    p.paste_multiply(round_seal(c.creditor.name, "财务专用章", rng, 220), (150, y + 200))
    p.text((680, y + 260), "客户确认（盖章）：", "sans", 24)
    p.paste_multiply(round_seal(c.debtor.name, "财务专用章", rng, 220), (760, y + 200))
    p.text((680, y + 330), "确认日期：", "sans", 24)
    p.field("confirmed", cn_date(c.confirmed), (805, y + 330), "sans", 24, label="确认日期")
    return p.finish()


def _confirmation(c: AccountStatement, rng: np.random.Generator) -> RenderedPage:
    width, height = 1240, 1754
    p = Page(width, height)
    p.text((width / 2, 130), "往来款项对账函", "serif_bold", 48, anchor="mm")
    p.text((width - 110, 200), "编号：", "serif", 24, anchor="ra")
    p.field("number", c.number, (width - 110, 200), "serif", 24, label="编号")
    p.text((110, 270), "致：", "serif", 28)
    p.field("debtor_name", c.debtor.name, (170, 270), "serif", 28, label="致", key=True, max_width=900)
    body = ("　　本公司与贵公司之间存在购销往来。为核实账目，现将截至下列日期本公司账面记录的贵公司欠款函告如下，"
            "请核对。如与贵公司记录相符，请在本函下端“数据证明无误”处签章证明；如有不符，请在“数据不符”处列明。")
    p.field_lines("body", body, (110, 340), 1020, "serif", 26)
    p.text((110, 560), "截止日期：", "serif", 28)
    p.field("period_end", cn_date(c.period_end), (260, 560), "serif", 28, label="截止日期", key=True)
    p.text((110, 630), "贵公司欠本公司货款：", "serif", 28)
    p.field("closing", f"¥{money(c.closing_cents)}", (390, 630), "serif_bold", 30, label="欠款", key=True)
    p.text((110, 700), "人民币（大写）：", "serif", 28)
    p.field("closing_capital", c.closing_capital, (330, 700), "serif", 28, label="大写", key=True, max_width=800)
    p.text((110, 790), "本期发货：", "serif", 26)
    p.field("shipped", money(c.shipped_cents), (240, 790), "serif", 26, label="本期发货", key=True)
    p.text((600, 790), "本期回款：", "serif", 26)
    p.field("received", money(c.received_cents), (730, 790), "serif", 26, label="本期回款")
    p.text((700, 880), "函证单位（盖章）：", "serif", 26)
    p.field("creditor_name", c.creditor.name, (700, 930), "serif", 26, label="函证单位", key=True, max_width=460)
    p.paste_multiply(round_seal(c.creditor.name, "财务专用章", rng, 220), (820, 820))
    p.rect((110, 1060, 610, 1500), width=2)
    p.rect((630, 1060, 1130, 1500), width=2)
    p.text((360, 1100), "数据证明无误", "serif_bold", 28, anchor="mm")
    p.text((880, 1100), "数据不符，请列明不符金额", "serif", 24, anchor="mm")
    p.paste_multiply(round_seal(c.debtor.name, "财务专用章", rng, 230), (240, 1180))
    p.text((150, 1440), "确认日期：", "serif", 24)
    p.field("confirmed", cn_date(c.confirmed), (280, 1440), "serif", 24, label="确认日期")
    return p.finish()


def render(c: AccountStatement, rng: np.random.Generator) -> RenderedPage:
    return _confirmation(c, rng) if c.layout == "confirmation" else _ledger(c, rng)

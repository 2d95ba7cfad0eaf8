"""采购订单 as a purchasing system prints it (A4, the buyer's header, a ruled line table, the buyer's
seal) and 送货单 as a carbonless triplicate pad gives it (tinted paper, the red serial No., a ruled
table, the total in words and figures, signatures of who delivered and who received). The second formats
(``layout == "erp"``), a small firm's package's print-outs, are drawn by ``purchase_order_erp`` and
``delivery_note_erp``."""
from __future__ import annotations

import numpy as np

from seed_data.documents.printed import cn_date, money
from seed_data.documents.trade_papers import TradePaper
from seed_data.render.layouts import delivery_note_erp, purchase_order_erp
from seed_data.render.page import Page, RenderedPage
from seed_data.render.seal import round_seal
from seed_data.render.signature import signature
from seed_data.render.table import Column, draw_table

RED = (190, 30, 40)


def _rows(c: TradePaper) -> list[list[str]]:
    return [[line.name, line.spec, line.unit, str(line.quantity), money(line.unit_price_cents), money(line.amount_cents)]
            for line in c.lines]


def _purchase_order(c: TradePaper, rng: np.random.Generator) -> RenderedPage:
    width, height = 1240, 1754
    p = Page(width, height)
    p.text((width / 2, 110), c.buyer.name, "sans_bold", 34, anchor="mm", max_width=1000)
    p.text((width / 2, 175), "采 购 订 单", "sans_bold", 52, anchor="mm")
    p.text((100, 250), "订单编号：", "sans", 24)
    p.field("number", c.number, (230, 250), "sans", 24, label="订单编号", key=True)
    p.text((700, 250), "订单日期：", "sans", 24)
    p.field("issued", cn_date(c.issued), (830, 250), "sans", 24, label="订单日期", key=True)
    y = 320
    for label, name, side, key in (("采购方", "buyer_name", c.buyer, True), ("供应商", "seller_name", c.seller, True)):
        p.text((100, y), f"{label}：", "sans_bold", 26)
        p.field(name, side.name, (230, y), "sans", 26, label=label, key=key, max_width=880)
        p.text((130, y + 44), "统一社会信用代码：", "sans", 22)
        p.field(f"{name[:-5]}_uscc", side.uscc, (340, y + 44), "sans", 22, label="统一社会信用代码", key=key)
        y += 110
    p.text((100, y), "交货日期：", "sans", 24)
    p.field("due", cn_date(c.due), (230, y), "sans", 24, label="交货日期")
    p.text((560, y), "交货地点：", "sans", 24)
    p.field("address", c.buyer.address, (690, y), "sans", 22, label="交货地点", max_width=450)
    cols = [Column("物料名称", 260, "name"), Column("规格型号", 180), Column("单位", 90, align="center"),
            Column("数量", 120, align="right"), Column("单价（元）", 180, align="right"),
            Column("金额（元）", 210, "amount", align="right", important=True)]
    y = draw_table(p, 100, y + 60, cols, _rows(c), prefix="line", row_height=48, size=22)
    p.text((100, y + 40), "合计金额（大写）：", "sans_bold", 24)
    p.field("total_capital", c.total_capital, (330, y + 40), "sans", 24, label="合计金额（大写）", key=True)
    p.text((760, y + 40), "（小写）：", "sans_bold", 24)
    p.field("total", f"¥{money(c.total_cents)}", (880, y + 40), "sans", 24, label="合计金额（小写）", key=True)
    p.text((100, y + 120), "备注：请按订单约定时间送货，送货时附送货单，凭签收单及发票结算。", "sans", 22)
    p.text((100, y + 260), "采购员：", "sans", 24)
    p.field("clerk", c.clerk, (200, y + 260), "sans", 24, label="采购员")
    p.text((700, y + 260), "采购方（盖章）：", "sans", 24)
    p.paste_multiply(round_seal(c.buyer.name, "采购专用章", rng, 230), (760, y + 160))
    return p.finish()


def _delivery_note(c: TradePaper, rng: np.random.Generator) -> RenderedPage:
    width, height = 1500, 900
    tint = (252, 236, 240) if rng.random() < 0.5 else (252, 250, 226)   # the pad's pink or yellow copy
    p = Page(width, height, background=tint)
    p.text((width / 2, 70), c.seller.name, "sans_bold", 34, anchor="mm", max_width=1100)
    p.text((width / 2, 130), "送 货 单", "sans_bold", 46, anchor="mm")
    p.text((width - 330, 130), "No.", "sans", 28, RED, anchor="lm")
    p.field("number", c.number, (width - 270, 130), "sans", 30, label="No.", key=True, fill=RED, anchor="lm")
    p.text((60, 200), "收货单位：", "sans", 24)
    p.field("buyer_name", c.buyer.name, (190, 200), "sans", 24, label="收货单位", key=True, max_width=700)
    p.text((960, 200), "日期：", "sans", 24)
    p.field("issued", cn_date(c.issued), (1040, 200), "sans", 24, label="日期", key=True)
    p.text((60, 245), "送货单位：", "sans", 24)
    p.field("seller_name", c.seller.name, (190, 245), "sans", 24, label="送货单位", key=True, max_width=700)
    p.text((960, 245), "电话：", "sans", 24)
    p.text((1040, 245), c.seller.phone, "sans", 24)
    cols = [Column("品名", 330, "name"), Column("规格", 220), Column("单位", 100, align="center"),
            Column("数量", 140, align="right"), Column("单价", 200, align="right"),
            Column("金额", 250, "amount", align="right", important=True)]
    y = draw_table(p, 60, 290, cols, _rows(c) + [["", "", "", "", "", ""]] * max(0, 4 - len(c.lines)),
                   prefix="line", row_height=48, size=22)
    p.text((60, y + 36), "合计金额（大写）：", "sans", 24)
    p.field("total_capital", c.total_capital, (280, y + 36), "sans", 24, label="合计金额（大写）", key=True)
    p.text((960, y + 36), "¥", "sans", 24)
    p.field("total", money(c.total_cents), (990, y + 36), "sans", 24, label="合计金额（小写）", key=True)
    p.text((60, y + 110), "送货人：", "sans", 24)
    p.field("clerk", c.clerk, (160, y + 110), "sans", 24, label="送货人")
    p.text((700, y + 110), "收货人签字：", "sans", 24)
    p.paste_multiply(signature(len(c.buyer.signatory), rng, 60), (860, y + 80))
    p.text((60, height - 40), "①白联：存根　②红联：客户　③黄联：回单", "sans", 18)
    return p.finish()


def render(c: TradePaper, rng: np.random.Generator) -> RenderedPage:
    if c.layout == "erp":
        return (purchase_order_erp if c.doc_type == "purchase_order" else delivery_note_erp).render(c, rng)
    return _purchase_order(c, rng) if c.doc_type == "purchase_order" else _delivery_note(c, rng)

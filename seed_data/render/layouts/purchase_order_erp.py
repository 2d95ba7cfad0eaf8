"""采购订单 as a small firm's 进销存/ERP package prints it from its standard template
(``content.layout == "erp"``), held out from the readers' development (issue 14).

What these print-outs look like (管家婆, 用友 T+ and similar packages, the buyer's copy printed on A4 by
an office laser and sent to the supplier): the buyer's name over the title 采购订单, then a header of
label/value pairs laid out in columns without boxes (单据编号, 单据日期, 交货日期, 供应商 with its 税号
and phone, 部门, 业务员, 交货地址), a ruled table whose columns are the package's item file (行号,
商品编码, 商品名称, 规格, 单位, 数量, 单价, 金额) closed by a 合计 row, the total in words, a 备注, the
buyer's 开票信息 so the supplier can make out the invoice, and a foot line of 制单人/审核人 with the
print time and page count. A firm that sends the order out stamps it with its seal. The product codes,
the people who keyed and approved the order and the print time are details of the page, not of the
order; the seed draws them from the page's stream.
"""
from __future__ import annotations

import numpy as np

from seed_data.documents.identity import person_name
from seed_data.documents.printed import money
from seed_data.documents.trade_papers import TradePaper
from seed_data.render.page import Page, RenderedPage
from seed_data.render.seal import round_seal
from seed_data.render.table import Column, draw_table

WIDTH, HEIGHT = 1240, 1754          # A4 at 150 dpi
LEFT, RIGHT = 90, 1150
COLUMNS = (LEFT, 470, 820)          # the template's three header columns


def _pair(p: Page, x: int, y: int, label: str, value: str, name: str | None, width: int, key: bool = False
          ) -> None:
    b = p.text((x, y), f"{label}：", "sans", 21)
    if name is None:
        p.text((b[2] + 2, y), value, "sans", 21, max_width=x + width - b[2] - 8)
    else:
        p.field(name, value, (b[2] + 2, y), "sans", 21, label=label, key=key, max_width=x + width - b[2] - 8)


def render(c: TradePaper, rng: np.random.Generator) -> RenderedPage:
    p = Page(WIDTH, HEIGHT, background=(255, 255, 255))
    p.field("buyer_name", c.buyer.name, (WIDTH / 2, 90), "sans_bold", 30, label="采购单位", key=True, anchor="mm",
            max_width=1000)
    p.text((WIDTH / 2, 150), "采购订单", "sans_bold", 40, anchor="mm")
    p.line((WIDTH / 2 - 100, 178, WIDTH / 2 + 100, 178), width=2)
    y = 220
    _pair(p, COLUMNS[0], y, "单据编号", c.number, "number", 380, key=True)
    _pair(p, COLUMNS[1], y, "单据日期", c.issued.isoformat(), "issued", 350, key=True)
    _pair(p, COLUMNS[2], y, "交货日期", c.due.isoformat(), "due", RIGHT - COLUMNS[2])
    _pair(p, COLUMNS[0], y + 40, "供应商", c.seller.name, "seller_name", COLUMNS[2] - COLUMNS[0] - 20, key=True)
    _pair(p, COLUMNS[2], y + 40, "联系电话", c.seller.phone, None, RIGHT - COLUMNS[2])
    _pair(p, COLUMNS[0], y + 80, "供应商税号", c.seller.uscc, "seller_uscc", COLUMNS[2] - COLUMNS[0] - 20, key=True)
    _pair(p, COLUMNS[2], y + 80, "币种", "人民币", None, RIGHT - COLUMNS[2])
    _pair(p, COLUMNS[0], y + 120, "部门", "采购部", None, 380)
    _pair(p, COLUMNS[1], y + 120, "业务员", c.clerk, "clerk", 350)
    _pair(p, COLUMNS[0], y + 160, "交货地址", c.buyer.address, "address", RIGHT - LEFT)
    cols = [Column("行号", 70, align="center"), Column("商品编码", 130), Column("商品名称", 230, "name"),
            Column("规格", 150), Column("单位", 70, align="center"), Column("数量", 100, align="right"),
            Column("单价", 140, align="right"), Column("金额", RIGHT - LEFT - 890, "amount", align="right",
                                                      important=True)]
    family = int(rng.integers(1, 30))                # the package's item file groups goods under a class code
    rows = [[str(i + 1), f"{family:02d}{int(rng.integers(1, 1000)):04d}", line.name, line.spec, line.unit,
             str(line.quantity), money(line.unit_price_cents), money(line.amount_cents)]
            for i, line in enumerate(c.lines)]
    y = draw_table(p, LEFT, y + 215, cols, rows, prefix="line", row_height=44, header_height=44, face="sans",
                   header_face="sans_bold", size=20, line_width=1)
    # The 合计 row closes the table: the package sums quantity and amount itself.
    p.rect((LEFT, y, RIGHT, y + 44), width=1)
    p.text((LEFT + 35, y + 22), "合计", "sans_bold", 20, anchor="mm")
    p.text((LEFT + 750 - 8, y + 22), str(sum(line.quantity for line in c.lines)), "sans", 20, anchor="rm")
    p.field("total", money(c.total_cents), (RIGHT - 8, y + 22), "sans_bold", 20, label="合计", key=True, anchor="rm")
    y += 44
    p.rect((LEFT, y, RIGHT, y + 44), width=1)
    b = p.text((LEFT + 10, y + 22), "金额合计（大写）：", "sans", 20, anchor="lm")
    p.field("total_capital", c.total_capital, (b[2] + 4, y + 22), "sans", 20, label="金额合计（大写）", key=True,
            anchor="lm")
    y += 80
    p.text((LEFT, y), "备注：请按交货日期送货，送货时附送货单；发票请随货或于月底前开具。", "sans", 20)
    p.text((LEFT, y + 40), "开票信息：", "sans_bold", 20)
    p.text((LEFT + 110, y + 40), f"名称：{c.buyer.name}", "sans", 20, max_width=RIGHT - LEFT - 110)
    b = p.text((LEFT + 110, y + 74), "纳税人识别号：", "sans", 20)
    p.field("buyer_uscc", c.buyer.uscc, (b[2] + 2, y + 74), "sans", 20, label="纳税人识别号", key=True)
    p.text((LEFT + 110, y + 108), f"地址、电话：{c.buyer.address} {c.buyer.phone}", "sans", 20,
           max_width=RIGHT - LEFT - 110)
    p.text((LEFT + 110, y + 142), f"开户行及账号：{c.buyer.bank} {c.buyer.account}", "sans", 20,
           max_width=RIGHT - LEFT - 110)
    y += 230
    p.text((COLUMNS[0], y), f"制单人：{person_name(rng)}", "sans", 21)
    p.text((COLUMNS[1], y), f"审核人：{c.buyer.signatory}", "sans", 21)
    p.text((COLUMNS[2], y), "供应商确认（盖章）：", "sans", 21)
    p.paste_multiply(round_seal(c.buyer.name, "合同专用章", rng, 220), (COLUMNS[1] + 10, y - 120))
    printed_at = int(rng.integers(8 * 3600, 18 * 3600))
    p.line((LEFT, HEIGHT - 90, RIGHT, HEIGHT - 90), width=1)
    p.text((LEFT, HEIGHT - 74), f"打印时间：{c.issued.isoformat()} {printed_at // 3600:02d}:{printed_at // 60 % 60:02d}:"
           f"{printed_at % 60:02d}", "sans", 18)
    p.text((RIGHT, HEIGHT - 74), "第 1 页 共 1 页", "sans", 18, anchor="ra")
    return p.finish()

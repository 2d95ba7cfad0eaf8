"""电子发票 (数电票): the fully digital e-invoice as its PDF prints — 20-digit number, no code, no 密码区.

The tax bureau's oval 监制章 sits above the title; buyer and seller are side by side; there is no
seller seal, since the invoice is signed electronically.

Layout ``freight`` is the same national form issued as the 特定业务 "货物运输服务", which road freight
must use: the business's name boxed beside the QR code, and under the goods lines a table of
运输工具种类 / 运输工具牌号 / 起运地 / 到达地 / 运输货物名称, which makes the goods area taller. Layout
``construction`` is the 特定业务 "建筑服务" the same way (its block: ``einvoice_construction``).
"""
from __future__ import annotations

import numpy as np

from seed_data.documents.invoice import VatInvoice
from seed_data.documents.printed import cn_date, money
from seed_data.render.page import Page, RenderedPage
from seed_data.render.invoice_qr import invoice_qr
from seed_data.render.layouts import einvoice_construction
from seed_data.render.seal import oval_seal
from seed_data.render.table import Column

FORM = (150, 70, 40)
WIDTH, HEIGHT = 1500, 960
QR_SIZE = 150   # about 2 cm on the A5-wide PDF, as on real 数电票
X0, X1 = 40, 1460
ITEM_COLUMNS = (
    Column("项目名称", 380, "name"), Column("规格型号", 150, "spec"), Column("单位", 80, "unit"),
    Column("数量", 110, "quantity", "right"), Column("单价", 180, "unit_price", "right"),
    Column("金额", 200, "amount", "right", important=True), Column("税率/征收率", 120, "rate", "center"),
    Column("税额", 200, "tax", "right", important=True),
)
FREIGHT_EXTRA = 110   # the 货物运输服务 table's height
TRANSPORT_COLUMNS = (Column("运输工具种类", 300, "vehicle_kind"), Column("运输工具牌号", 240, "plate"),
                     Column("起运地", 300, "origin"), Column("到达地", 300, "destination"),
                     Column("运输货物名称", 280, "goods"))


def _side(p: Page, x: int, y: int, title: str, prefix: str, side) -> None:
    p.rect((x, y, x + 44, y + 130), width=1, outline=FORM)
    for i, ch in enumerate(title):
        p.text((x + 22, y + 18 + i * 24), ch, "serif", 20, FORM, anchor="mm")
    p.text((x + 58, y + 30), "名称：", "serif", 22, FORM)
    p.field(f"{prefix}_name", side.name, (x + 130, y + 28), "serif", 24, label="名称", key=True, max_width=540)
    p.text((x + 58, y + 82), "统一社会信用代码/纳税人识别号：", "serif", 20, FORM)
    p.field(f"{prefix}_tax_id", side.uscc, (x + 390, y + 80), "mono", 24, label="纳税人识别号", key=True)


def _transport(p: Page, y: int, c: VatInvoice) -> None:
    """The 货物运输服务 table under the goods lines, from ``y``."""
    cx = X0
    for col in TRANSPORT_COLUMNS:
        p.text((cx + col.width / 2, y), col.title, "serif", 20, FORM, anchor="mm")
        cx += col.width
    for r, t in enumerate(c.transport):
        cx, yy = X0, y + 36 + r * 34
        for col, value in zip(TRANSPORT_COLUMNS, (t.vehicle_kind, t.plate, t.origin, t.destination, t.goods)):
            p.field(f"transport{r}.{col.key}", value, (cx + col.width / 2, yy), "serif", 21, anchor="mm",
                    max_width=col.width - 12)
            cx += col.width


def _construction(p: Page, y: int, c: VatInvoice) -> None:
    """The 建筑服务 row, in this form's frame and colour."""
    einvoice_construction.table(p, X0, y, c, FORM)


# 特定业务 forms by layout: the name boxed beside the QR code, the height of their table under the goods
# lines and what draws it.
SPECIFIC = {"freight": ("货物运输服务", FREIGHT_EXTRA, _transport),
            "construction": (einvoice_construction.NAME, einvoice_construction.EXTRA, _construction)}


def render(c: VatInvoice, rng: np.random.Generator) -> RenderedPage:
    specific = SPECIFIC.get(c.layout)
    extra = specific[1] if specific else 0
    p = Page(WIDTH, HEIGHT + extra, background=(255, 255, 255))
    p.image.paste(invoice_qr(c, QR_SIZE), (X0, 20))
    if specific:
        half = 12 * len(specific[0]) + 18   # the box fits the name: 24 px a character, 18 px margins
        p.rect((X0 + QR_SIZE + 110 - half, 60, X0 + QR_SIZE + 110 + half, 104), width=2, outline=FORM)
        p.text((X0 + QR_SIZE + 110, 82), specific[0], "serif_bold", 24, FORM, anchor="mm")
    p.text((WIDTH / 2, 110), c.title, "serif_bold", 42, FORM, anchor="mm")
    p.line((WIDTH / 2 - 300, 140, WIDTH / 2 + 300, 140), 2, FORM)
    p.line((WIDTH / 2 - 300, 146, WIDTH / 2 + 300, 146), 2, FORM)
    p.text((1080, 56), "发票号码：", "serif", 22, FORM)
    p.field("number", c.number, (1190, 54), "mono", 24, label="发票号码", key=True)
    p.text((1080, 96), "开票日期：", "serif", 22, FORM)
    p.field("issued", cn_date(c.issued), (1190, 94), "serif", 24, label="开票日期", key=True)

    top = 180
    p.rect((X0, top, X1, top + 700 + extra), width=2, outline=FORM)
    _side(p, X0, top, "购买方信息", "buyer", c.buyer)
    p.line((WIDTH / 2, top, WIDTH / 2, top + 130), 1, FORM)
    _side(p, WIDTH // 2, top, "销售方信息", "seller", c.seller)
    y = top + 130
    p.line((X0, y, X1, y), 1, FORM)
    cx = X0
    for col in ITEM_COLUMNS:
        p.text((cx + col.width / 2, y + 22), col.title, "serif", 20, FORM, anchor="mm", max_width=col.width - 6)
        cx += col.width
    for r, line in enumerate(c.lines):
        values = (line.name, line.spec, line.unit, str(line.quantity), line.unit_price, money(line.amount_cents),
                  f"{line.rate}%", money(line.tax_cents))
        cx, yy = X0, y + 66 + r * 38
        for col, value in zip(ITEM_COLUMNS, values):
            if value:
                xy, anchor = {"right": ((cx + col.width - 10, yy), "rm"), "center": ((cx + col.width / 2, yy), "mm")
                              }.get(col.align, ((cx + 8, yy), "lm"))
                p.field(f"line{r}.{col.key}", value, xy, "serif", 22, key=col.important, anchor=anchor,
                        max_width=col.width - 14)
            cx += col.width
    if specific:
        p.line((X0, y + 190, X1, y + 190), 1, FORM)
        specific[2](p, y + 212, c)
    y += 270 + extra
    p.text((X0 + 60, y), "合　　计", "serif", 22, FORM, anchor="mm")
    amount_right = X0 + sum(col.width for col in ITEM_COLUMNS[:6]) - 10
    p.field("total_amount", f"¥{money(c.amount_cents)}", (amount_right, y), "serif", 24, label="合计金额",
            key=True, anchor="rm")
    p.field("total_tax", f"¥{money(c.tax_cents)}", (X1 - 10, y), "serif", 24, label="合计税额", key=True,
            anchor="rm")
    y += 30
    p.line((X0, y, X1, y), 1, FORM)
    p.text((X0 + 12, y + 20), "价税合计（大写）", "serif", 22, FORM)
    p.text((X0 + 250, y + 18), "⊗", "serif", 26)
    p.field("total_capital", c.capital, (X0 + 285, y + 18), "serif", 26, label="价税合计(大写)", key=True)
    p.text((1050, y + 20), "（小写）", "serif", 22, FORM)
    p.field("total_incl_tax", f"¥{money(c.total_printed_cents)}", (1140, y + 18), "serif", 26,
            label="价税合计(小写)", key=True)
    y += 70
    p.line((X0, y, X1, y), 1, FORM)
    p.rect((X0, y, X0 + 44, top + 700 + extra), width=1, outline=FORM)
    for i, ch in enumerate("备注"):
        p.text((X0 + 22, y + 40 + i * 40), ch, "serif", 22, FORM, anchor="mm")
    p.text((X0 + 300, HEIGHT + extra - 50), "开票人：", "serif", 22, FORM)
    p.text((X0 + 400, HEIGHT + extra - 50), c.issuer, "serif", 22)
    p.paste_multiply(oval_seal("全国统一发票监制章", "国家税务总局", rng, 230, 150, bottom=c.tax_bureau),
                     (WIDTH // 2 - 115, 8))
    return p.finish()

"""增值税电子普通发票 / 增值税电子专用发票: the 税控 system's PDF invoice (2016–2023), as printed from the PDF.

Written from the national format, not from the paper form: white page, no 发票联, the province in the
title ("浙江增值税电子普通发票"); QR code top left with the 机器编号 under it; 发票代码 (12 digits), 发票号码,
开票日期 and 校验码 top right; the 监制章 in red over the title; the values typeset with the form (no
printer out of register) and no column rules in the goods area. The ordinary invoice carries the
seller's 发票专用章 as an electronic seal; the special one is signed electronically and prints none.
"""
from __future__ import annotations

import numpy as np

from seed_data.documents.invoice import VatInvoice
from seed_data.documents.printed import cn_date, money
from seed_data.render.invoice_qr import invoice_qr
from seed_data.render.page import Page, RenderedPage
from seed_data.render.seal import oval_seal
from seed_data.render.table import Column

FORM = (128, 64, 24)    # the PDF's brown form colour
WIDTH, HEIGHT = 1500, 900     # the PDF page, about 210 × 127 mm
QR_SIZE = 143   # 2 cm on the 210 mm wide PDF
X0, X1 = 50, 1450
SPLIT = 930             # buyer / 密码区 and seller / 备注 divide here
ITEM_COLUMNS = (
    Column("货物或应税劳务、服务名称", 360, "name"), Column("规格型号", 140, "spec"), Column("单位", 80, "unit"),
    Column("数 量", 110, "quantity", "right"), Column("单 价", 180, "unit_price", "right"),
    Column("金 额", 210, "amount", "right", important=True), Column("税率", 90, "rate", "center"),
    Column("税 额", 230, "tax", "right", important=True),
)


def _party(p: Page, y: int, title: str, prefix: str, side) -> None:
    p.line((X0 + 40, y, X0 + 40, y + 140), 1, FORM)
    for i, ch in enumerate(title):
        p.text((X0 + 20, y + 32 + i * 38), ch, "serif", 21, FORM, anchor="mm")
    rows = (("名　　　称：", "name", side.name, True), ("纳税人识别号：", "tax_id", side.uscc, True),
            ("地 址、电 话：", "address", f"{side.address} {side.phone}", False),
            ("开户行及账号：", "bank", f"{side.bank} {side.account}", False))
    for i, (label, key, value, important) in enumerate(rows):
        yy = y + 12 + i * 32
        p.text((X0 + 50, yy), label, "serif", 20, FORM)
        face = "mono" if key == "tax_id" else "serif"
        p.field(f"{prefix}_{key}", value, (X0 + 205, yy - 1), face, 22, label=label.strip("：").replace("　", ""),
                key=important, max_width=SPLIT - X0 - 215)


def render(c: VatInvoice, rng: np.random.Generator) -> RenderedPage:
    p = Page(WIDTH, HEIGHT, background=(255, 255, 255))
    p.image.paste(invoice_qr(c, QR_SIZE), (X0, 14))
    p.text((X0, 160), "机器编号：", "serif", 20, FORM)
    p.field("machine_no", c.machine_no or "", (X0 + 100, 159), "mono", 21, label="机器编号")
    p.text((WIDTH / 2, 66), c.title, "serif_bold", 40, FORM, anchor="mm")
    p.line((WIDTH / 2 - 270, 96, WIDTH / 2 + 270, 96), 2, FORM)
    p.line((WIDTH / 2 - 270, 101, WIDTH / 2 + 270, 101), 2, FORM)
    rows = [("发票代码：", "code", c.code or ""), ("发票号码：", "number", c.number),
            ("开票日期：", "issued", cn_date(c.issued)), ("校 验 码：", "check_code", c.check_code or "")]
    for i, (label, key, value) in enumerate(rows):
        p.text((1040, 34 + i * 32), label, "serif", 20, FORM)
        face = "serif" if key == "issued" else "mono"
        p.field(key, value, (1145, 33 + i * 32), face, 22, label=label.replace(" ", "").strip("："),
                key=key != "check_code")

    top = 190
    _party(p, top, "购买方", "buyer", c.buyer)
    p.line((SPLIT, top, SPLIT, top + 140), 1, FORM)
    p.line((SPLIT + 40, top, SPLIT + 40, top + 140), 1, FORM)
    for i, ch in enumerate("密码区"):
        p.text((SPLIT + 20, top + 32 + i * 38), ch, "serif", 21, FORM, anchor="mm")
    for i, row in enumerate(c.cipher):
        p.text((SPLIT + 56, top + 12 + i * 31), row, "mono", 21)
    y = top + 140
    p.line((X0, y, X1, y), 1, FORM)

    cx = X0
    for col in ITEM_COLUMNS:   # titles only: the electronic form has no column rules in the goods area
        p.text((cx + col.width / 2, y + 18), col.title, "serif", 19, FORM, anchor="mm", max_width=col.width - 6)
        cx += col.width
    for r, line in enumerate(c.lines):
        values = (line.name, line.spec, line.unit, str(line.quantity), line.unit_price, money(line.amount_cents),
                  f"{line.rate}%", money(line.tax_cents))
        cx, yy = X0, y + 52 + r * 32
        for col, value in zip(ITEM_COLUMNS, values):
            if value:
                xy, anchor = {"right": ((cx + col.width - 8, yy), "rm"), "center": ((cx + col.width / 2, yy), "mm")
                              }.get(col.align, ((cx + 8, yy), "lm"))
                p.field(f"line{r}.{col.key}", value, xy, "serif", 20, key=col.important, anchor=anchor,
                        max_width=col.width - 12)
            cx += col.width
    y += 280
    p.text((X0 + 180, y), "合　　　计", "serif", 21, FORM, anchor="mm")
    amount_right = X0 + sum(col.width for col in ITEM_COLUMNS[:6]) - 8
    p.field("total_amount", f"¥{money(c.amount_cents)}", (amount_right, y), "serif", 22, label="合计金额",
            key=True, anchor="rm")
    p.field("total_tax", f"¥{money(c.tax_cents)}", (X1 - 8, y), "serif", 22, label="合计税额", key=True,
            anchor="rm")
    y += 24
    p.line((X0, y, X1, y), 1, FORM)
    p.text((X0 + 60, y + 16), "价税合计（大写）", "serif", 21, FORM)
    p.text((X0 + 300, y + 14), "⊗", "serif", 24)
    p.field("total_capital", c.capital, (X0 + 332, y + 14), "serif", 24, label="价税合计(大写)", key=True)
    p.text((1060, y + 16), "（小写）", "serif", 21, FORM)
    p.field("total_incl_tax", f"¥{money(c.total_printed_cents)}", (1150, y + 14), "serif", 24,
            label="价税合计(小写)", key=True)
    y += 56
    p.line((X0, y, X1, y), 1, FORM)
    _party(p, y, "销售方", "seller", c.seller)
    p.line((SPLIT, y, SPLIT, y + 140), 1, FORM)
    p.line((SPLIT + 40, y, SPLIT + 40, y + 140), 1, FORM)
    for i, ch in enumerate("备注"):
        p.text((SPLIT + 20, y + 50 + i * 40), ch, "serif", 21, FORM, anchor="mm")
    bottom = y + 140
    p.rect((X0, top, X1, bottom), width=2, outline=FORM)
    for i, (label, name) in enumerate((("收款人：", c.payee), ("复核：", c.reviewer), ("开票人：", c.issuer))):
        p.text((X0 + 30 + i * 300, bottom + 22), label, "serif", 20, FORM)
        p.text((X0 + 30 + i * 300 + 82, bottom + 22), name, "serif", 20)
    p.text((1080, bottom + 22), "销售方：（章）", "serif", 20, FORM)
    if "专用" not in c.title:    # the ordinary one carries the seller's seal; the special one an e-signature
        p.paste_multiply(oval_seal(c.seller.name, c.seller.uscc, rng, 260, 172, strength=0.95), (1140, y + 20))
    p.paste_multiply(oval_seal("全国统一发票监制章", "国家税务总局", rng, 170, 112, bottom=c.tax_bureau, strength=0.95),
                     (WIDTH // 2 - 85, 10))
    return p.finish()

"""Paper VAT invoices (增值税专用发票 / 普通发票), 发票联, at 240 × 140 mm proportions (layout ``paper``;
layout ``electronic`` is drawn by ``vat_einvoice``).

The form (frame, labels) is pre-printed in brown; the values are machine-printed in a fixed-pitch face
and, as on real dot-matrix and laser-printed invoices, slightly out of register with the form.
"""
from __future__ import annotations

import numpy as np

from seed_data.documents.invoice import VatInvoice
from seed_data.documents.printed import cn_date, money
from seed_data.render.invoice_qr import invoice_qr
from seed_data.render.layouts import vat_einvoice
from seed_data.render.page import Page, RenderedPage
from seed_data.render.seal import oval_seal
from seed_data.render.table import Column

FORM = (150, 88, 52)
WIDTH, HEIGHT = 1500, 900
QR_SIZE = 150   # about 2.4 cm on the 240 mm form, as printed on real invoices
X0, X1 = 40, 1460
ITEM_COLUMNS = (
    Column("货物或应税劳务、服务名称", 360, "name"), Column("规格型号", 140, "spec"), Column("单位", 80, "unit"),
    Column("数量", 110, "quantity", "right"), Column("单价", 190, "unit_price", "right"),
    Column("金额", 210, "amount", "right", important=True), Column("税率", 100, "rate", "center"),
    Column("税额", 230, "tax", "right", important=True),
)


def _party_block(p: Page, y: int, title: str, prefix: str, side, dx: int, dy: int) -> None:
    p.rect((X0, y, X0 + 44, y + 150), width=1, outline=FORM)
    for i, ch in enumerate(title):
        p.text((X0 + 22, y + 30 + i * 38), ch, "serif_bold", 24, FORM, anchor="mm")
    rows = (("名　　称：", "name", side.name, True), ("纳税人识别号：", "tax_id", side.uscc, True),
            ("地 址、电 话：", "address", f"{side.address} {side.phone}", False),
            ("开户行及账号：", "bank", f"{side.bank} {side.account}", False))
    for i, (label, key, value, important) in enumerate(rows):
        yy = y + 10 + i * 36
        p.text((X0 + 56, yy), label, "serif", 22, FORM)
        p.field(f"{prefix}_{key}", value, (X0 + 230 + dx, yy + dy), "mono", 24, label=label.strip("："),
                key=important, max_width=640)


def render(c: VatInvoice, rng: np.random.Generator) -> RenderedPage:
    if c.layout == "electronic":
        return vat_einvoice.render(c, rng)
    p = Page(WIDTH, HEIGHT)
    dx, dy = (int(v) for v in rng.integers(-4, 5, size=2))      # printer out of register with the form
    p.text((WIDTH / 2, 58), c.title, "serif_bold", 46, FORM, anchor="mm")
    p.line((WIDTH / 2 - 250, 92, WIDTH / 2 + 250, 92), 2, FORM)
    p.line((WIDTH / 2 - 250, 98, WIDTH / 2 + 250, 98), 2, FORM)
    p.text((WIDTH / 2, 126), "发　票　联", "serif", 24, FORM, anchor="mm")
    p.image.paste(invoice_qr(c, QR_SIZE), (X0, 20))
    p.text((X0 + 170, 50), "机器编号：", "serif", 20, FORM)
    p.field("machine_no", c.machine_no or "", (X0 + 275, 50), "mono", 22, label="机器编号")
    labels = [("发票代码：", "code", c.code or ""), ("发票号码：", "number", c.number),
              ("开票日期：", "issued", cn_date(c.issued))]
    if c.check_code:
        labels.append(("校 验 码：", "check_code", c.check_code))
    for i, (label, key, value) in enumerate(labels):
        p.text((1030, 30 + i * 34), label, "serif", 22, FORM)
        p.field(key, value, (1150 + dx, 30 + i * 34 + dy), "mono", 24, label=label.strip("："),
                key=key != "check_code")

    top = 180
    _party_block(p, top, "购买方", "buyer", c.buyer, dx, dy)
    p.line((980, top, 980, top + 150), 1, FORM)
    for i, ch in enumerate("密码区"):
        p.text((1000, top + 35 + i * 40), ch, "serif", 22, FORM, anchor="mm")
    for i, row in enumerate(c.cipher):
        p.text((1025 + dx, top + 14 + i * 33 + dy), row, "mono", 22)
    p.line((X0, top + 150, X1, top + 150), 1, FORM)

    y = top + 150
    cx = X0
    for col in ITEM_COLUMNS:
        p.text((cx + col.width / 2, y + 20), col.title, "serif", 20, FORM, anchor="mm", max_width=col.width - 6)
        cx += col.width
        if cx < X1:
            p.line((cx, y, cx, y + 270), 1, FORM)
    for r, line in enumerate(c.lines):
        values = (line.name, line.spec, line.unit, str(line.quantity), line.unit_price, money(line.amount_cents),
                  f"{line.rate}%", money(line.tax_cents))
        cx, yy = X0, y + 62 + r * 38 + dy
        for col, value in zip(ITEM_COLUMNS, values):
            if value:
                if col.align == "right":
                    xy, anchor = (cx + col.width - 10 + dx, yy), "rm"
                elif col.align == "center":
                    xy, anchor = (cx + col.width / 2 + dx, yy), "mm"
                else:
                    xy, anchor = (cx + 12 + dx, yy), "lm"
                p.field(f"line{r}.{col.key}", value, xy, "mono", 22, key=col.important, anchor=anchor,
                        max_width=col.width - 14)
            cx += col.width
    y += 220
    p.line((X0, y, X1, y), 1, FORM)
    p.text((X0 + 180, y + 25), "合　　　　计", "serif", 22, FORM, anchor="mm")
    amount_right = X0 + sum(col.width for col in ITEM_COLUMNS[:6]) - 10
    p.field("total_amount", f"¥{money(c.amount_cents)}", (amount_right + dx, y + 25 + dy), "mono", 24,
            label="合计金额", key=True, anchor="rm")
    p.field("total_tax", f"¥{money(c.tax_cents)}", (X1 - 10 + dx, y + 25 + dy), "mono", 24, label="合计税额",
            key=True, anchor="rm")
    y += 50
    p.line((X0, y, X1, y), 1, FORM)
    p.text((X0 + 12, y + 14), "价税合计（大写）", "serif", 22, FORM)
    p.text((X0 + 250 + dx, y + 12 + dy), "⊗", "serif", 26)
    p.field("total_capital", c.capital, (X0 + 285 + dx, y + 12 + dy), "serif", 26, label="价税合计(大写)", key=True)
    p.text((1080, y + 14), "（小写）", "serif", 22, FORM)
    p.field("total_incl_tax", f"¥{money(c.total_printed_cents)}", (1170 + dx, y + 12 + dy), "mono", 26,
            label="价税合计(小写)", key=True)
    y += 50
    p.line((X0, y, X1, y), 1, FORM)
    _party_block(p, y, "销售方", "seller", c.seller, dx, dy)
    p.line((980, y, 980, y + 150), 1, FORM)
    for i, ch in enumerate("备注"):
        p.text((1000, y + 50 + i * 40), ch, "serif", 22, FORM, anchor="mm")
    bottom = y + 150
    p.rect((X0, top, X1, bottom), width=2, outline=FORM)
    for i, (label, name) in enumerate((("收款人：", c.payee), ("复核：", c.reviewer), ("开票人：", c.issuer))):
        p.text((X0 + 20 + i * 330, bottom + 30), label, "serif", 22, FORM)
        p.text((X0 + 20 + i * 330 + 90 + dx, bottom + 30 + dy), name, "mono", 22)
    p.text((1100, bottom + 30), "销售方：（章）", "serif", 22, FORM)
    p.paste_multiply(oval_seal(c.seller.name, c.seller.uscc, rng, 300, 200), (1120, y + 5))
    p.paste_multiply(oval_seal("全国统一发票监制章", "国家税务总局", rng, 190, 124, bottom=c.tax_bureau, strength=0.7),
                     (WIDTH // 2 - 95, 8))
    return p.finish()

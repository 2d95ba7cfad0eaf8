"""收据: the stub of a stationer's receipt book (a narrow landscape slip on tinted paper, the red serial
No., ruled lines filled in by hand in blue, the merchant's 财务专用章 over 收款单位) and the receipt that
finance software prints (A5 landscape, a ruled box, the amount in words and figures)."""
from __future__ import annotations

import numpy as np

from seed_data.documents.printed import cn_date, money
from seed_data.documents.receipt import Receipt
from seed_data.render.page import Page, RenderedPage
from seed_data.render.seal import round_seal

RED = (190, 30, 40)
PEN = (30, 50, 150)


def _pad(c: Receipt, rng: np.random.Generator) -> RenderedPage:
    width, height = 1500, 760
    tint = (250, 246, 228) if rng.random() < 0.5 else (236, 244, 250)
    p = Page(width, height, background=tint)
    p.text((width / 2, 70), "收　　据", "serif_bold", 50, anchor="mm")
    p.text((width - 340, 70), "No.", "sans", 30, RED, anchor="lm")
    p.field("number", c.number, (width - 280, 70), "sans", 32, label="No.", key=True, fill=RED, anchor="lm")
    p.text((500, 130), "日期：", "serif", 26)
    p.field("issued", cn_date(c.issued), (580, 126), "serif", 28, label="日期", key=True, fill=PEN)
    p.text((60, 210), "今收到", "serif", 28)
    p.field("payer_name", c.payer.name, (170, 204), "serif", 30, label="今收到", key=True, fill=PEN, max_width=900)
    p.line((160, 250, width - 60, 250), width=1)
    p.text((60, 300), "交　来", "serif", 28)
    p.field("purpose", c.purpose, (170, 294), "serif", 30, label="交来", fill=PEN)
    p.line((160, 340, width - 60, 340), width=1)
    p.text((60, 390), "人民币（大写）", "serif", 28)
    p.field("amount_capital", c.amount_capital, (270, 384), "serif", 30, label="人民币（大写）", key=True, fill=PEN,
            max_width=780)
    p.text((1080, 390), "¥", "serif", 28)
    p.field("amount", money(c.amount_cents), (1110, 384), "serif", 30, label="¥", key=True, fill=PEN)
    p.line((160, 430, width - 60, 430), width=1)
    p.text((60, 520), "收款单位（盖章）：", "serif", 26)
    p.field("payee_name", c.payee.name, (290, 516), "serif", 26, label="收款单位", key=True, fill=PEN, max_width=520)
    p.paste_multiply(round_seal(c.payee.name, "财务专用章", rng, 210), (330, 420))
    p.text((900, 520), "收款人：", "serif", 26)
    p.text((1010, 514), c.cashier, "serif", 28, PEN)
    p.text((60, height - 50), "第一联：存根", "serif", 20)
    return p.finish()


def _printed(c: Receipt, rng: np.random.Generator) -> RenderedPage:
    width, height = 1754, 1240
    p = Page(width, height)
    p.text((width / 2, 110), "收 款 收 据", "sans_bold", 52, anchor="mm")
    p.text((150, 200), "收据编号：", "sans", 26)
    p.field("number", c.number, (285, 200), "sans", 26, label="收据编号", key=True)
    p.text((1100, 200), "开具日期：", "sans", 26)
    p.field("issued", cn_date(c.issued), (1235, 200), "sans", 26, label="开具日期", key=True)
    p.rect((140, 260, width - 140, 860), width=2)
    rows = [("交款单位", "payer_name", c.payer.name, True), ("收款事由", "purpose", c.purpose, False),
            ("收款方式", "method", c.method, False)]
    y = 300
    for label, name, value, key in rows:
        p.text((180, y), f"{label}：", "sans", 28)
        p.field(name, value, (360, y), "sans", 28, label=label, key=key, max_width=1100)
        p.line((140, y + 70, width - 140, y + 70), width=1)
        y += 110
    p.text((180, y), "金额（大写）：", "sans", 28)
    p.field("amount_capital", c.amount_capital, (390, y), "sans", 28, label="金额（大写）", key=True, max_width=700)
    p.text((1150, y), "（小写）¥", "sans", 28)
    p.field("amount", money(c.amount_cents), (1310, y), "sans", 28, label="金额（小写）", key=True)
    p.text((180, 940), "收款单位（盖章）：", "sans", 26)
    p.field("payee_name", c.payee.name, (420, 940), "sans", 26, label="收款单位", key=True, max_width=700)
    p.paste_multiply(round_seal(c.payee.name, "财务专用章", rng, 220), (520, 860))
    p.text((1200, 940), "收款人：", "sans", 26)
    p.text((1310, 940), c.cashier, "sans", 26)
    return p.finish()


def render(c: Receipt, rng: np.random.Generator) -> RenderedPage:
    return _printed(c, rng) if c.layout == "printed" else _pad(c, rng)

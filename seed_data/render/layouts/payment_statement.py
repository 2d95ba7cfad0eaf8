"""A payment app's 收款记录 screen (WeChat Pay / Alipay style), as a 750 × 1624 screenshot.

Drawn in the apps' visual idiom (status bar, title bar, a month card, a list of takings) but with
neutral shapes only: no logos or trade dress are reproduced. Layout ``screen``; layout ``proof`` (the
app's 交易明细证明 PDF) is drawn by ``payment_proof``, layout ``acquirer`` (a 聚合支付 provider's 对账单) by
``payment_acquirer``.
"""
from __future__ import annotations

import numpy as np

from seed_data.documents.payment_statement import PaymentStatement
from seed_data.documents.printed import money_grouped
from seed_data.render.layouts import payment_acquirer, payment_proof
from seed_data.render.page import Page, RenderedPage

WIDTH, HEIGHT = 750, 1624
GREY = (140, 140, 140)
BLACK = (25, 25, 25)
ACCENT = {"微信支付": (7, 193, 96), "支付宝": (22, 119, 255)}


def render(c: PaymentStatement, rng: np.random.Generator) -> RenderedPage:
    if c.layout == "proof":
        return payment_proof.render(c, rng)
    if c.layout == "acquirer":
        return payment_acquirer.render(c, rng)
    p = Page(WIDTH, HEIGHT, background=(237, 237, 237))
    accent = ACCENT.get(c.platform, (7, 193, 96))
    p.rect((0, 0, WIDTH, 170), width=0, outline=(247, 247, 247), fill=(247, 247, 247))
    p.text((40, 22), c.screen_time, "sans_bold", 26, BLACK)
    p.rect((640, 28, 690, 50), width=2, outline=BLACK)
    p.rect((644, 32, 644 + int(42 * rng.uniform(0.3, 1.0)), 46), width=0, outline=BLACK, fill=BLACK)
    p.text((40, 105), "‹", "sans", 48, BLACK, anchor="lm")
    p.text((WIDTH / 2, 105), "收款记录", "sans_bold", 34, BLACK, anchor="mm")
    p.rect((24, 190, WIDTH - 24, 460), width=0, outline=(255, 255, 255), fill=(255, 255, 255))
    p.field("shop_name", c.shop_name, (50, 220), "sans_bold", 30, label="商户", key=True, max_width=WIDTH - 100)
    p.field("platform", c.platform, (50, 272), "sans", 24, label="平台", fill=accent)
    p.field("month", c.month, (50, 322), "sans", 26, label="月份", key=True)
    p.text((50, 372), "收入", "sans", 26, GREY)
    p.field("month_total", f"¥{money_grouped(c.total_cents)}", (115, 366), "sans_bold", 36, label="本月收入",
            key=True)
    p.text((50, 418), "共", "sans", 24, GREY)
    p.field("count", f"{c.count}笔", (85, 418), "sans", 24, label="笔数")
    y = 490
    for i, e in enumerate(c.entries):
        p.rect((0, y, WIDTH, y + 116), width=0, outline=(255, 255, 255), fill=(255, 255, 255))
        p.draw.ellipse((36, y + 28, 96, y + 88), fill=accent)
        p.text((66, y + 58), "¥", "sans_bold", 30, (255, 255, 255), anchor="mm")
        p.field(f"entry{i}.title", e.title, (120, y + 24), "sans", 27, fill=BLACK)
        p.field(f"entry{i}.when", e.when, (120, y + 70), "sans", 22, fill=GREY)
        p.field(f"entry{i}.amount", f"+{money_grouped(e.amount_cents)}", (WIDTH - 40, y + 58), "sans_bold", 32,
                key=True, fill=BLACK, anchor="rm")
        p.line((120, y + 115, WIDTH, y + 115), 1, (225, 225, 225))
        y += 116
    return p.finish(texture=False)

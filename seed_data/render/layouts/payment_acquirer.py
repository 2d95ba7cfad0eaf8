"""商户交易对账单: an aggregated-payment provider's statement export (layout ``acquirer``), page 1 of A4.

Written from what the 聚合支付 providers small shops use (收钱吧, 拉卡拉 and the like) let a merchant export
from their merchant back office, as far as I know them; no specimen was at hand, so only the parts every
such export has are drawn: the provider's name (a made-up brand, ``ACQUIRER_BRAND``, with a plain mark,
no real trade dress), 商户名称 and the provider's 商户编号, the 对账周期 and the export time, the fee rate,
a summary of 交易笔数, 交易金额, 手续费 and 结算金额, then the transaction detail with each payment's time,
支付方式 (one code takes WeChat, Alipay and UnionPay, so the methods mix), 交易类型, 商户订单号, 交易金额,
手续费 and 结算金额, and "第1页/共N页": the detail runs on over as many pages as there are payments, and
only the first is drawn, as the proof's is.

The fee is 0.38% of each amount (the rate providers commonly quote small merchants for 扫码 payments),
rounded to the cent; the provider's 商户编号 and order numbers are drawn from the page's stream, as they
are no part of the world. A tampered export edits the 交易金额 total only: its 手续费 and 结算金额 still
follow the genuine total, which is how such an edit shows.
"""
from __future__ import annotations

import math

import numpy as np

from seed_data.documents.payment_statement import PaymentStatement
from seed_data.documents.printed import money, money_grouped
from seed_data.render.page import Page, RenderedPage

WIDTH, HEIGHT = 1240, 1754      # A4 at 150 dpi
X0, X1 = 60, 1180
INK = (25, 25, 25)
GREY = (110, 110, 110)
BRAND = (0, 140, 130)
HEADER_FILL = (236, 242, 241)
FEE_RATE_BP = 38                # 0.38%, in hundredths of a percent
ROWS_PER_PAGE = 30              # detail rows on each later page
METHODS = ("微信", "支付宝", "云闪付")
METHOD_WEIGHTS = (0.55, 0.4, 0.05)
DETAIL = (("序号", 60), ("交易时间", 200), ("支付方式", 100), ("交易类型", 90), ("商户订单号", 250),
          ("交易金额(元)", 140), ("手续费(元)", 130), ("结算金额(元)", 150))


def _digits(rng: np.random.Generator, n: int) -> str:
    return "".join(str(d) for d in rng.integers(0, 10, n))


def _fee(cents: int) -> int:
    """The fee on ``cents``, rounded half up to the cent."""
    return (cents * FEE_RATE_BP + 5_000) // 10_000


def _genuine_total(c: PaymentStatement) -> int:
    """The takings before any edit: a tampered total leaves the fee and settlement as they were."""
    if c.alteration is not None and c.alteration.field == "month_total":
        return int(c.alteration.genuine.replace(",", "").replace(".", ""))
    return c.total_cents


def _cells(p: Page, x: int, y: int, height: int, cells: list[tuple[str, int, str]], face: str,
           size: int) -> None:
    """One row of ``(text, width, align)`` cells, text centred vertically."""
    for text, width, align in cells:
        if align == "right":
            p.text((x + width - 10, y + height / 2), text, face, size, INK, anchor="rm", max_width=width - 16)
        else:
            p.text((x + width / 2, y + height / 2), text, face, size, INK, anchor="mm", max_width=width - 8)
        x += width


def render(c: PaymentStatement, rng: np.random.Generator) -> RenderedPage:
    p = Page(WIDTH, HEIGHT, background=(255, 255, 255))
    p.draw.rounded_rectangle((X0, 50, X0 + 64, 114), radius=14, fill=BRAND)
    p.text((X0 + 32, 82), "禾", "sans_bold", 40, (255, 255, 255), anchor="mm")
    p.field("platform", c.platform, (X0 + 80, 52), "sans_bold", 34, label="服务商", fill=BRAND)
    p.text((X0 + 82, 96), "商户服务平台", "sans", 18, GREY)
    p.text((X1, 60), f"导出时间：{c.issued:%Y-%m-%d} {c.screen_time}:{int(rng.integers(60)):02d}", "sans", 18, GREY,
           anchor="ra")
    p.line((X0, 136, X1, 136), 3, BRAND)
    p.text((WIDTH / 2, 190), "商户交易对账单", "sans_bold", 40, INK, anchor="mm")

    y = 250
    p.text((X0, y), "商户名称：", "sans", 22, INK)
    p.field("shop_name", c.shop_name, (X0 + 115, y), "sans", 22, label="商户名称", key=True, max_width=560)
    p.text((X0 + 720, y), f"商户编号：{_digits(rng, 15)}", "sans", 22, INK)
    p.text((X0, y + 44), "对账周期：", "sans", 22, INK)
    p.field("month", f"{c.issued:%Y-%m}-01 至 {c.issued:%Y-%m-%d}", (X0 + 115, y + 44), "sans", 22,
            label="对账周期", key=True)
    p.text((X0 + 720, y + 44), "结算方式：T+1", "sans", 22, INK)
    p.text((X0, y + 88), "交易状态：成功", "sans", 22, INK)
    p.text((X0 + 720, y + 88), f"手续费率：{FEE_RATE_BP / 100:.2f}%", "sans", 22, INK)

    y += 150
    p.text((X0, y), "交易汇总", "sans_bold", 24, INK)
    y += 44
    summary = (("交易笔数", 200), ("交易金额(元)", 320), ("手续费(元)", 280), ("结算金额(元)", 320))
    p.rect((X0, y, X1, y + 48), width=0, outline=HEADER_FILL, fill=HEADER_FILL)
    _cells(p, X0, y, 48, [(title, width, "center") for title, width in summary], "sans_bold", 20)
    genuine = _genuine_total(c)
    fee_total = _fee(genuine)
    values = (("count", str(c.count), "交易笔数", False), ("month_total", money_grouped(c.total_cents), "交易金额", True),
              ("fee_total", money_grouped(fee_total), "手续费", False),
              ("settled_total", money_grouped(genuine - fee_total), "结算金额", False))
    cx = X0
    for (name, value, label, key), (_, width) in zip(values, summary):
        p.field(name, value, (cx + width / 2, y + 48 + 30), "sans_bold" if key else "sans", 22, label=label,
                key=key, anchor="mm", fill=INK)
        cx += width
    p.rect((X0, y, X1, y + 108), width=1, outline=GREY)
    p.line((X0, y + 48, X1, y + 48), 1, GREY)

    y += 150
    p.text((X0, y), "交易明细", "sans_bold", 24, INK)
    y += 44
    header, row_h = 46, 50
    p.rect((X0, y, X1, y + header), width=0, outline=HEADER_FILL, fill=HEADER_FILL)
    _cells(p, X0, y, header, [(title, width, "center") for title, width in DETAIL], "sans_bold", 18)
    y += header
    for i, e in enumerate(c.entries):
        method = METHODS[int(rng.choice(len(METHODS), p=METHOD_WEIGHTS))]
        fee = _fee(e.amount_cents)
        when = f"{c.issued.year}-{e.when[:5]} {e.when[6:]}:{int(rng.integers(60)):02d}"
        order = f"{c.issued.year}{e.when[:5].replace('-', '')}{_digits(rng, 12)}"
        widths = [w for _, w in DETAIL]
        _cells(p, X0, y, row_h, [(str(i + 1), widths[0], "center"), (when, widths[1], "center"),
                                  (method, widths[2], "center"), ("收款", widths[3], "center")], "sans", 18)
        p.text((X0 + sum(widths[:4]) + widths[4] / 2, y + row_h / 2), order, "mono", 16, INK, anchor="mm")
        amount_right = X0 + sum(widths[:6]) - 10
        p.field(f"entry{i}.amount", money(e.amount_cents), (amount_right, y + row_h / 2), "sans", 18, key=True,
                anchor="rm", fill=INK)
        _cells(p, X0 + sum(widths[:6]), y, row_h, [(money(fee), widths[6], "right"),
                                                  (money(e.amount_cents - fee), widths[7], "right")], "sans", 18)
        y += row_h
        p.line((X0, y, X1, y), 1, (215, 215, 215))

    y += 40
    notes = ("说明：1. 结算金额 = 交易金额 − 手续费，于交易次日划入商户结算账户。",
             "2. 本对账单由商户自助导出，仅供对账参考，资金以结算账户实际到账为准。")
    for k, line in enumerate(notes):
        p.text((X0 + (0 if k == 0 else 66), y + k * 34), line, "sans", 18, GREY, max_width=X1 - X0 - 70)
    pages = 1 + max(0, math.ceil((c.count - len(c.entries)) / ROWS_PER_PAGE))
    p.text((WIDTH / 2, HEIGHT - 60), f"第1页/共{pages}页", "sans", 18, GREY, anchor="mm")
    return p.finish(texture=False)

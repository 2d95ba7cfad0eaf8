"""交易明细证明: the transaction proof a payment app issues as a PDF (layout ``proof``), page 1 of A4.

Written from the issued proofs, not from the app screen: 微信支付交易明细证明 (issued by 财付通支付科技有限公司)
or 支付宝交易流水证明 (支付宝（中国）网络技术有限公司), each with its own table columns in its own order
(WeChat: 交易单号, 交易时间, 交易类型, 收/支/其他, 交易方式, 金额(元), 交易对方, 商户单号; Alipay: 收/支,
交易对方, 商品说明, 收/付款方式, 金额, 交易订单号, 商家订单号, 交易时间), the account holder, the period,
the takings (收入) summary, the issuer's round 业务凭证专用章 and "第1页/共N页": the table runs on over
as many pages as there are payments, and only the first is drawn. Black on white, as the PDF is.
"""
from __future__ import annotations

import math

import numpy as np

from seed_data.documents.payment_statement import PaymentEntry, PaymentStatement
from seed_data.documents.printed import money, money_grouped
from seed_data.render.page import Page, RenderedPage
from seed_data.render.seal import round_seal
from seed_data.render.table import Column

WIDTH, HEIGHT = 1240, 1754      # A4 at 150 dpi
X0, X1 = 60, 1180
INK = (20, 20, 20)
RULE = (120, 120, 120)
ROWS_PER_PAGE = 25   # rows on each later page; page 1 holds the header and the latest entries
ISSUERS = {"微信支付": ("微信支付交易明细证明", "财付通支付科技有限公司", "微信号"),
           "支付宝": ("支付宝交易流水证明", "支付宝（中国）网络技术有限公司", "支付宝账号")}
WECHAT_COLUMNS = (Column("交易单号", 250, "id"), Column("交易时间", 180, "when"), Column("交易类型", 120, "kind"),
                  Column("收/支/其他", 100, "direction"), Column("交易方式", 95, "method"),
                  Column("金额(元)", 120, "amount", "right", important=True), Column("交易对方", 135, "payer"),
                  Column("商户单号", 120, "order"))
ALIPAY_COLUMNS = (Column("收/支", 60, "direction"), Column("交易对方", 120, "payer"), Column("商品说明", 130, "kind"),
                  Column("收/付款方式", 115, "method"), Column("金额", 120, "amount", "right", important=True),
                  Column("交易订单号", 260, "id"), Column("商家订单号", 115, "order"), Column("交易时间", 200, "when"))


def _digits(rng: np.random.Generator, n: int) -> str:
    return "".join(str(d) for d in rng.integers(0, 10, n))


def _row(c: PaymentStatement, e: PaymentEntry, wechat: bool, rng: np.random.Generator) -> dict[str, str]:
    kind, _, payer = e.title.partition("-来自")
    day = f"{c.issued.year}-{e.when[:5]}"
    return {"id": (f"4200{_digits(rng, 6)}{day.replace('-', '')}{_digits(rng, 10)}" if wechat
                   else f"{day.replace('-', '')}2200{_digits(rng, 16)}"),
            "when": f"{day} {e.when[6:]}:{int(rng.integers(60)):02d}",
            "kind": kind if wechat else "收钱码收款", "direction": "收入", "method": "/" if wechat else "余额",
            "amount": money(e.amount_cents), "payer": payer or "/", "order": "/"}


def render(c: PaymentStatement, rng: np.random.Generator) -> RenderedPage:
    p = Page(WIDTH, HEIGHT, background=(255, 255, 255))
    wechat = c.platform != "支付宝"
    title, issuer, account_label = ISSUERS["微信支付" if wechat else "支付宝"]
    year, month = c.issued.year, c.issued.month
    p.text((X1, 60), f"编号：{c.issued:%Y%m%d}{_digits(rng, 10)}", "sans", 18, RULE, anchor="ra")
    p.text((WIDTH / 2, 130), title, "sans_bold", 40, INK, anchor="mm")
    p.field("platform", c.platform, (X0, 60), "sans", 18, label="平台", fill=RULE)

    y = 200
    p.text((X0, y), "户　　名：", "sans", 22, INK)
    p.field("shop_name", c.shop_name, (X0 + 125, y), "sans", 22, label="户名", key=True, max_width=X1 - X0 - 140)
    account = f"{_digits(rng, 3)}****{_digits(rng, 4)}" if not wechat else f"wxid_****{_digits(rng, 4)}"
    p.text((X0, y + 44), f"{account_label}：", "sans", 22, INK)
    p.text((X0 + 125, y + 44), account, "sans", 22, INK)
    p.text((X0, y + 88), "交易时间段：", "sans", 22, INK)
    p.field("month", f"{year}年{month:02d}月01日至{c.issued:%Y年%m月%d日}", (X0 + 135, y + 88), "sans", 22,
            label="交易时间段", key=True)
    p.text((X0, y + 132), "交易类型：收入", "sans", 22, INK)
    p.text((X0 + 560, y + 132), f"开具时间：{c.issued:%Y-%m-%d} {c.screen_time}:{int(rng.integers(60)):02d}",
           "sans", 22, INK)
    y += 190
    p.text((X0, y), f"兹证明，该账户在上述交易时间段内的{'收入' if wechat else '收入类'}交易明细如下：", "sans", 22, INK)
    y += 50
    p.text((X0, y), "收入合计：", "sans", 22, INK)
    box = p.field("count", f"{c.count}笔", (X0 + 115, y), "sans", 22, label="笔数")
    p.text((box[2] + 20, y), "金额：", "sans", 22, INK)
    box = p.field("month_total", money_grouped(c.total_cents), (box[2] + 84, y), "sans_bold", 22,
                  label="收入合计", key=True)
    p.text((box[2] + 6, y), "元", "sans", 22, INK)

    y += 56
    columns = WECHAT_COLUMNS if wechat else ALIPAY_COLUMNS
    header, row_h = 44, 54
    p.rect((X0, y, X1, y + header), width=0, outline=(235, 235, 235), fill=(235, 235, 235))
    cx = X0
    for col in columns:
        p.text((cx + col.width / 2, y + header / 2), col.title, "sans_bold", 17, INK, anchor="mm",
               max_width=col.width - 6)
        cx += col.width
    y += header
    for i, e in enumerate(c.entries):
        values = _row(c, e, wechat, rng)
        cx, yy = X0, y + row_h / 2
        for col in columns:
            value = values[col.key]
            small = col.key in ("id", "when")
            xy, anchor = ((cx + col.width - 8, yy), "rm") if col.align == "right" else ((cx + 6, yy), "lm")
            if col.key == "amount":
                p.field(f"entry{i}.amount", value, xy, "sans", 18, key=True, anchor=anchor, max_width=col.width - 12)
            else:
                p.text(xy, value, "mono" if small else "sans", 15 if small else 17, INK, anchor=anchor,
                       max_width=col.width - 10)
            cx += col.width
        y += row_h
        p.line((X0, y, X1, y), 1, (210, 210, 210))

    y += 40
    notes = (f"说明：1. 本证明由{issuer}根据账户持有人的申请开具，所列为上述时间段内的{'收入' if wechat else '收入类'}交易明细。",
             "2. 本证明仅证明该账户的交易信息，不作为其他用途的证明；交易信息以系统记录为准。",
             "3. 本证明加盖业务凭证专用章后有效，可通过证明编号向开具机构核验。")
    for k, line in enumerate(notes):
        p.text((X0 + (0 if k == 0 else 66), y + k * 34), line, "sans", 18, RULE, max_width=X1 - X0 - 70)
    y += 150
    p.text((X1 - 40, y), issuer, "sans", 22, INK, anchor="ra")
    p.text((X1 - 40, y + 40), f"{c.issued:%Y年%m月%d日}", "sans", 22, INK, anchor="ra")
    p.paste_multiply(round_seal(issuer, "业务凭证专用章", rng, 230, strength=0.9), (X1 - 300, y - 90))
    pages = 1 + max(0, math.ceil((c.count - len(c.entries)) / ROWS_PER_PAGE))
    p.text((WIDTH / 2, HEIGHT - 60), f"第1页/共{pages}页", "sans", 18, RULE, anchor="mm")
    return p.finish(texture=False)

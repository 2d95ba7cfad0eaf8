"""电子营业执照 as the holder shows it on a phone and screenshots it (layout ``electronic``).

Source: the 市场监管总局's mobile 电子营业执照 (工商企注字〔2017〕47号; issued through the 微信/支付宝
"电子营业执照" mini-programs from 9 April 2018, nationwide since, and the stand-alone app), as its user
manual and public screenshots show it: the licence's own 照面 items under the national emblem, 名称,
统一社会信用代码, 类型, 法定代表人 (a sole trader: 经营者 and 组成形式), 注册资本, 成立日期 (注册日期),
营业期限, 住所 (经营场所), 经营范围 cut to its first lines with 查看更多, 登记机关, and the 市场主体身份码
(企业码) QR code the mini-program shows beside it. Drawn in the mini-program's idiom with neutral shapes.
"""
from __future__ import annotations

import numpy as np

from seed_data.documents.business_licence import BusinessLicence
from seed_data.documents.printed import cn_date
from seed_data.render.emblem import emblem
from seed_data.render.layouts.app_screen import GREY, LINK, PAD, SIDE, WIDTH, card, row, screen
from seed_data.render.page import RenderedPage
from seed_data.render.qr_block import qr_block

RED = (186, 32, 36)


def render(c: BusinessLicence, rng: np.random.Generator) -> RenderedPage:
    p = screen(rng, "电子营业执照")
    top = 196
    p.draw.rounded_rectangle((SIDE, top, WIDTH - SIDE, top + 300), radius=18, fill=RED)
    p.image.paste(emblem(88), (WIDTH // 2 - 44, top + 18), emblem(88))
    p.text((WIDTH / 2, top + 150), "营 业 执 照", "serif_bold", 46, (255, 255, 255), anchor="mm")
    p.text((WIDTH / 2, top + 206), "统一社会信用代码", "sans", 22, (255, 230, 230), anchor="mm")
    p.field("uscc", c.uscc, (WIDTH / 2, top + 252), "sans_bold", 32, label="统一社会信用代码", key=True,
            fill=(255, 255, 255), anchor="mm")

    card(p, top + 318, 1600)
    y = top + 344
    term = f"{cn_date(c.founded)} 至 {cn_date(c.term_end) if c.term_end else '长期'}"
    y = row(p, y, "名称", "name", c.name, key=True, stacked=True)
    y = row(p, y, "类型", "entity_type", c.entity_type, key=False)
    y = row(p, y, c.representative_label, "representative", c.representative, key=True)
    if c.individual:
        y = row(p, y, "组成形式", "form", "个人经营", key=True)
        y = row(p, y, "注册日期", "founded", cn_date(c.founded), key=True)
        if c.term_end:
            y = row(p, y, "营业期限", "term", term, key=True)
    else:
        y = row(p, y, "注册资本", "capital", c.capital or "", key=True)
        y = row(p, y, "成立日期", "founded", cn_date(c.founded), key=True)
        y = row(p, y, "营业期限", "term", term, key=True)
    y = row(p, y, "经营场所" if c.individual else "住所", "address", c.address, key=True, stacked=True)
    x = SIDE + PAD
    p.text((x, y), "经营范围", "sans", 24, GREY)
    box = p.field_lines("scope", c.scope, (x, y + 39), WIDTH - 2 * (SIDE + PAD), "sans", 25, label="经营范围",
                        line_gap=1.4, fill=(25, 25, 25), max_lines=2)
    p.text((WIDTH - SIDE - PAD, box[3] + 12), "查看更多 ›", "sans", 24, LINK, anchor="ra")
    y = box[3] + 64
    y = row(p, y, "登记机关", "authority", c.authority, key=False)
    qr = 150
    p.image.paste(qr_block(rng, qr), (x, y))
    p.text((x + qr + 24, y + qr / 2 - 22), "市场主体身份码", "sans_bold", 25, (25, 25, 25), anchor="lm")
    p.text((x + qr + 24, y + qr / 2 + 22), "扫码查验执照信息", "sans", 22, GREY, anchor="lm")
    return p.finish(screenshot=True)

"""食品经营许可证 电子证书 as the holder shows it in a provincial government app's 电子证照 and screenshots
it (layout ``electronic``).

Source: 《食品经营许可和备案管理办法》 (总局令第78号, in force 1 December 2023) makes the 电子证书 as valid as
the paper one and lists the certificate's items (第二十六条); provinces serve it through their 电子证照
库 in their government apps. The card shows the 2023 certificate's items, nothing the paper lacks:
经营者名称, 统一社会信用代码, 法定代表人（负责人）, 住所, 经营场所, 主体业态, 经营项目 in the 2023
catalogue's words, 许可证编号, 有效期至, 发证机关 and 发证日期, and the certificate's QR code. Drawn in
a government app's idiom with neutral shapes; no province's trade dress.
"""
from __future__ import annotations

import numpy as np

from seed_data.documents.food_licence import FoodLicence, printed_items
from seed_data.documents.printed import cn_date
from seed_data.render.emblem import emblem
from seed_data.render.layouts.app_screen import GREY, PAD, SIDE, WIDTH, card, row, screen
from seed_data.render.page import RenderedPage
from seed_data.render.qr_block import qr_block

GREEN = (32, 128, 84)


def render(c: FoodLicence, rng: np.random.Generator) -> RenderedPage:
    p = screen(rng, "电子证照", mini_program=False)
    top = 196
    p.draw.rounded_rectangle((SIDE, top, WIDTH - SIDE, top + 190), radius=18, fill=GREEN)
    p.image.paste(emblem(80), (SIDE + 36, top + 55), emblem(80))
    p.text((SIDE + 140, top + 72), "食品经营许可证", "serif_bold", 44, (255, 255, 255), anchor="lm")
    p.text((SIDE + 142, top + 132), "许可证编号", "sans", 22, (220, 240, 228), anchor="lm")
    p.field("number", c.number, (SIDE + 270, top + 132), "sans_bold", 28, label="许可证编号", key=True,
            fill=(255, 255, 255), anchor="lm")

    card(p, top + 208, 1600)
    y = top + 232
    size = 26
    y = row(p, y, "经营者名称", "operator", c.operator, key=True, stacked=True, size=size)
    y = row(p, y, "统一社会信用代码", "uscc", c.uscc, key=True, size=size, label_width=250)
    y = row(p, y, "法定代表人（负责人）", "representative", c.representative, key=True, size=size, label_width=250)
    y = row(p, y, "住所", "address", c.address, key=False, stacked=True, size=size)
    y = row(p, y, "经营场所", "premises", c.premises, key=False, stacked=True, size=size)
    y = row(p, y, "主体业态", "category", c.category, key=True, size=size)
    y = row(p, y, "经营项目", "items", printed_items(c), key=False, stacked=True, size=size, lines=2)
    y = row(p, y, "有效期至", "valid_until", cn_date(c.valid_until), key=True, size=size)
    y = row(p, y, "发证机关", "authority", c.authority, key=False, size=size)
    y = row(p, y, "发证日期", "issued", cn_date(c.issued), key=True, size=size)
    x, qr = SIDE + PAD, 140
    p.image.paste(qr_block(rng, qr), (x, y))
    p.text((x + qr + 24, y + qr / 2 - 20), "扫码查询许可信息", "sans_bold", 24, (25, 25, 25), anchor="lm")
    p.text((x + qr + 24, y + qr / 2 + 20), "投诉举报电话：12315", "sans", 22, GREY, anchor="lm")
    return p.finish(screenshot=True)

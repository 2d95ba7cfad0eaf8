"""道路运输经营许可证 电子证照 as the operator shows it in an app and screenshots it (layout ``electronic``).

Source: JT/T 1291-2019 《道路运输电子证照 经营许可证》 (in force 1 March 2020), the 交通运输部's standard
for the permit's electronic licence, shown in the ministry's and the provinces' apps. The card shows the
permit's own items, nothing the paper lacks: 许可证号, 业户名称, 统一社会信用代码, 负责人, 地址, 经济类型,
经营范围, the validity (有效期自 … 有效期至), 核发机关 and 核发日期, and the 2-D code (the standard's is a
GB/T 27766 网格矩阵码; a generic code block stands in, as on the paper formats). Neutral shapes only.
"""
from __future__ import annotations

import numpy as np

from seed_data.documents.printed import cn_date
from seed_data.documents.transport_permit import TransportPermit
from seed_data.render.emblem import emblem
from seed_data.render.layouts.app_screen import GREY, PAD, SIDE, WIDTH, card, row, screen
from seed_data.render.page import RenderedPage
from seed_data.render.qr_block import qr_block

BLUE = (28, 88, 160)


def render(c: TransportPermit, rng: np.random.Generator) -> RenderedPage:
    p = screen(rng, "道路运输电子证照", mini_program=False)
    top = 196
    p.draw.rounded_rectangle((SIDE, top, WIDTH - SIDE, top + 220), radius=18, fill=BLUE)
    p.image.paste(emblem(84), (WIDTH // 2 - 42, top + 16), emblem(84))
    p.text((WIDTH / 2, top + 128), "中华人民共和国", "serif_bold", 28, (255, 255, 255), anchor="mm")
    p.text((WIDTH / 2, top + 180), "道路运输经营许可证", "serif_bold", 42, (255, 255, 255), anchor="mm")

    card(p, top + 238, 1600)
    y = top + 262
    y = row(p, y, "许可证号", "number", c.number, key=True, stacked=True)
    y = row(p, y, "业户名称", "holder", c.holder, key=True, stacked=True)
    y = row(p, y, "统一社会信用代码", "uscc", c.uscc, key=True, label_width=240)
    y = row(p, y, "负责人", "representative", c.representative, key=False)
    y = row(p, y, "地址", "address", c.address, key=False, stacked=True)
    y = row(p, y, "经济类型", "economic_type", c.economic_type, key=False)
    y = row(p, y, "经营范围", "scope", c.scope, key=True, stacked=True)
    y = row(p, y, "有效期自", "valid_from", cn_date(c.valid_from), key=False)
    y = row(p, y, "有效期至", "valid_until", cn_date(c.valid_until), key=True)
    y = row(p, y, "核发机关", "authority", c.authority, key=False)
    y = row(p, y, "核发日期", "issued", cn_date(c.issued), key=True)
    x, qr = SIDE + PAD, 130
    p.image.paste(qr_block(rng, qr), (x, y))
    p.text((x + qr + 24, y + qr / 2), "扫码核验电子证照", "sans", 24, GREY, anchor="lm")
    return p.finish(screenshot=True)

"""道路运输经营许可证 (副本), landscape certificate with a security border and the transport bureau's
seal."""
from __future__ import annotations

import numpy as np

from seed_data.documents.printed import cn_date
from seed_data.documents.transport_permit import TransportPermit
from seed_data.render.emblem import emblem
from seed_data.render.layouts.form import form_row, guilloche, ornament_border, spaced
from seed_data.render.page import Page, RenderedPage
from seed_data.render.seal import round_seal

FRAME = (40, 96, 150)
WIDTH, HEIGHT = 1500, 1060


def render(c: TransportPermit, rng: np.random.Generator) -> RenderedPage:
    p = Page(WIDTH, HEIGHT)
    guilloche(p, (222, 232, 240), rng)
    ornament_border(p, FRAME)
    p.image.paste(emblem(110), (WIDTH // 2 - 55, 70), emblem(110))
    p.text((WIDTH / 2, 220), "中华人民共和国", "serif_bold", 40, anchor="mm")
    p.text((WIDTH / 2, 285), "道路运输经营许可证", "serif_bold", 60, anchor="mm")
    p.text((WIDTH / 2, 345), "（副　本）", "serif", 26, anchor="mm")
    p.field("number", c.number, (WIDTH / 2, 395), "serif", 28, label="许可证号", key=True, anchor="mm")
    rows = [("业户名称", "holder", c.holder, True), ("统一社会信用代码", "uscc", c.uscc, True),
            ("负责人", "representative", c.representative, False), ("地址", "address", c.address, False),
            ("经济类型", "economic_type", c.economic_type, False), ("经营范围", "scope", c.scope, True),
            ("有效期至", "valid_until", cn_date(c.valid_until), True)]
    for i, (label, name, value, key) in enumerate(rows):
        form_row(p, 150, 450 + i * 62, spaced(label, 8) if len(label) < 8 else label, name, value, value_x=420,
                 max_width=760, key=key, size=28)
    p.text((1000, 900), "发证机关（章）", "serif", 26)
    p.field("issued", cn_date(c.issued), (1000, 950), "serif", 26, label="发证日期", key=True)
    p.paste_multiply(round_seal(c.authority, "", rng, 230), (1020, 790))
    p.text((WIDTH / 2, HEIGHT - 60), "中华人民共和国交通运输部监制", "serif", 18, anchor="mm")
    return p.finish()

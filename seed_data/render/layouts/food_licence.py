"""食品经营许可证 (副本), portrait: emblem, title, labelled rows, licence number, authority seal, QR."""
from __future__ import annotations

import numpy as np

from seed_data.documents.food_licence import FoodLicence
from seed_data.documents.printed import cn_date
from seed_data.render.emblem import emblem
from seed_data.render.layouts.form import guilloche, ornament_border
from seed_data.render.page import Page, RenderedPage
from seed_data.render.qr_block import qr_block
from seed_data.render.seal import round_seal

FRAME = (60, 120, 70)
WIDTH, HEIGHT = 1240, 1754


def render(c: FoodLicence, rng: np.random.Generator) -> RenderedPage:
    p = Page(WIDTH, HEIGHT)
    guilloche(p, (228, 238, 228), rng, lines=20)
    ornament_border(p, FRAME)
    p.image.paste(emblem(130), (WIDTH // 2 - 65, 90), emblem(130))
    p.text((WIDTH / 2, 300), "食品经营许可证", "serif_bold", 76, anchor="mm")
    p.text((WIDTH / 2, 370), "（副　本）", "serif", 30, anchor="mm")
    rows = [("经营者名称", "operator", c.operator, True), ("社会信用代码（身份证号码）", "uscc", c.uscc, True),
            ("法定代表人（负责人）", "representative", c.representative, True), ("住　　所", "address", c.address, False),
            ("经营场所", "premises", c.premises, False), ("主体业态", "category", c.category, True),
            ("经营项目", "items", c.items, False), ("许可证编号", "number", c.number, True),
            ("日常监督管理机构", "supervisor", c.supervisor, False), ("日常监督管理人员", "inspector", "", False),
            ("投诉举报电话", "hotline", "12315", False), ("有效期至", "valid_until", cn_date(c.valid_until), True)]
    y = 450
    for label, name, value, key in rows:
        p.text((120, y), f"{label}：", "serif_bold", 26)
        if value:
            if len(value) > 24:
                p.field_lines(name, value, (480, y), 660, "serif", 26, label=label)
            else:
                p.field(name, value, (480, y), "serif", 28, label=label, key=key, max_width=660)
        y += 72 if len(value) <= 24 else 110
    p.text((700, 1420), "发证机关：", "serif_bold", 26)
    p.text((700, 1470), "签 发 人：", "serif_bold", 26)
    p.field("signer", c.signer, (850, 1470), "serif", 26, label="签发人")
    p.field("issued", cn_date(c.issued), (760, 1530), "serif", 26, label="发证日期", key=True)
    p.paste_multiply(round_seal(c.authority, "", rng, 240), (780, 1330))
    p.image.paste(qr_block(rng, 170), (130, 1400))
    p.text((WIDTH / 2, HEIGHT - 70), "国家市场监督管理总局监制", "serif", 20, anchor="mm")
    return p.finish()

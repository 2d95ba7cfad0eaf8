"""资质证书/生产许可证 in the two forms the seed world's trades hold: the 食品生产许可证 (portrait 副本,
labelled rows like the food business licence, SC number, QR) and the 动物防疫条件合格证 (landscape,
number top right, a few labelled rows, the agriculture bureau's seal over the date)."""
from __future__ import annotations

import numpy as np

from seed_data.documents.printed import cn_date
from seed_data.documents.qualification_cert import QualificationCert
from seed_data.render.emblem import emblem
from seed_data.render.layouts.form import guilloche, ornament_border, spaced
from seed_data.render.page import Page, RenderedPage
from seed_data.render.qr_block import qr_block
from seed_data.render.seal import round_seal


def _food_production(c: QualificationCert, rng: np.random.Generator) -> RenderedPage:
    width, height = 1240, 1754
    p = Page(width, height)
    guilloche(p, (232, 236, 226), rng, lines=20)
    ornament_border(p, (60, 110, 60))
    p.image.paste(emblem(130), (width // 2 - 65, 90), emblem(130))
    p.text((width / 2, 300), "食品生产许可证", "serif_bold", 76, anchor="mm")
    p.text((width / 2, 370), "（副　本）", "serif", 30, anchor="mm")
    rows = [("生产者名称", "holder", c.holder, True), ("社会信用代码（身份证号码）", "uscc", c.uscc, True),
            ("法定代表人（负责人）", "representative", c.representative, False), ("住　　所", "address", c.address, False),
            ("生产地址", "premises", c.address, False), ("食品类别", "scope", c.scope, True),
            ("许可证编号", "number", c.number, True), ("日常监督管理机构", "supervisor", c.supervisor, False),
            ("有效期至", "valid_until", cn_date(c.valid_until) if c.valid_until else "", True)]
    y = 450
    for label, name, value, key in rows:
        p.text((120, y), f"{label}：", "serif_bold", 26)
        p.field(name, value, (480, y), "serif", 28, label=label, key=key, max_width=660)
        y += 78
    p.text((700, 1420), "发证机关：", "serif_bold", 26)
    p.field("issued", cn_date(c.issued), (760, 1530), "serif", 26, label="签发日期", key=True)
    p.paste_multiply(round_seal(c.authority, "", rng, 240), (780, 1330))
    p.image.paste(qr_block(rng, 170), (130, 1400))
    p.text((width / 2, height - 70), "国家市场监督管理总局监制", "serif", 20, anchor="mm")
    return p.finish()


def _animal_epidemic(c: QualificationCert, rng: np.random.Generator) -> RenderedPage:
    width, height = 1500, 1060
    p = Page(width, height)
    guilloche(p, (238, 230, 214), rng, lines=16)
    ornament_border(p, (150, 100, 40))
    p.text((width / 2, 170), "动物防疫条件合格证", "serif_bold", 64, anchor="mm")
    p.field("number", c.number, (width - 140, 260), "serif", 28, label="编号", key=True, anchor="rm")
    rows = [("单位名称", "holder", c.holder, True), ("地址", "address", c.address, False),
            ("负责人", "representative", c.representative, False), ("经营范围", "scope", c.scope, True)]
    y = 340
    for label, name, value, key in rows:
        p.text((150, y), spaced(label, 4), "serif_bold", 30)
        p.field(name, value, (420, y), "serif", 30, label=label, key=key, max_width=900)
        p.line((410, y + 46, width - 150, y + 46), width=1, fill=(120, 110, 100))
        y += 100
    p.text((900, 830), "发证机关（盖章）", "serif", 28)
    p.field("issued", cn_date(c.issued), (920, 900), "serif", 28, label="发证日期", key=True)
    p.paste_multiply(round_seal(c.authority, "", rng, 230), (940, 740))
    p.text((width / 2, height - 60), "中华人民共和国农业农村部监制", "serif", 18, anchor="mm")
    return p.finish()


def render(c: QualificationCert, rng: np.random.Generator) -> RenderedPage:
    return _food_production(c, rng) if c.layout == "food_production" else _animal_epidemic(c, rng)

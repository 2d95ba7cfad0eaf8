"""道路运输证 in its two forms: the IC card most provinces issue since 2019 (``card``: a blue card
with labelled fields in two columns) and the older paper certificate (``paper``: a ruled grid on a
booklet page with the transport bureau's seal)."""
from __future__ import annotations

import numpy as np

from seed_data.documents.printed import cn_date
from seed_data.documents.vehicle_transport_cert import VehicleTransportCert
from seed_data.render.emblem import emblem
from seed_data.render.layouts.form import guilloche, spaced
from seed_data.render.page import Page, RenderedPage
from seed_data.render.seal import round_seal

BLUE = (40, 80, 150)


def _card(c: VehicleTransportCert, rng: np.random.Generator) -> RenderedPage:
    width, height = 1500, 950
    p = Page(width, height, background=(236, 243, 250))
    guilloche(p, (214, 226, 242), rng, lines=18)
    p.rect((16, 16, width - 16, height - 16), width=4, outline=BLUE)
    p.image.paste(emblem(90), (60, 40), emblem(90))
    p.text((width / 2, 85), "中华人民共和国道路运输证", "sans_bold", 48, BLUE, anchor="mm")
    p.field("number", c.number, (width / 2, 150), "sans", 28, label="证号", key=True, anchor="mm", max_width=1100)
    rows = [("业户名称", "holder", c.holder, True), ("地　　址", "address", c.address, False),
            ("车辆号牌", "plate", c.plate, True), ("经营许可证号", "permit_no", c.permit_no, True),
            ("车辆类型", "vehicle_type", c.vehicle_type, True), ("吨（座）位", "tonnage", c.tonnage, False),
            ("车辆尺寸（mm）", "size", c.size_mm, False), ("经营范围", "scope", c.scope, False)]
    y = 215
    for label, name, value, key in rows:
        p.text((70, y), label, "sans_bold", 26, BLUE)
        # Plates in a sans face: PP-OCR reads Noto Serif's 粤 as the traditional 粵.
        p.field(name, value, (330, y), "sans", 28, label=label, key=key, max_width=1080)
        y += 72
    p.text((70, y + 10), "有效期至", "sans_bold", 26, BLUE)
    p.field("valid_until", cn_date(c.valid_until), (330, y + 10), "sans", 28, label="有效期至", key=True)
    p.text((900, y + 10), "发证日期", "sans_bold", 26, BLUE)
    p.field("issued", cn_date(c.issued), (1060, y + 10), "sans", 28, label="发证日期", key=False)
    p.paste_multiply(round_seal(c.authority, "", rng, 210, strength=0.65), (1150, 560))
    p.text((width / 2, height - 40), "中华人民共和国交通运输部监制", "sans", 18, anchor="mm")
    return p.finish()


def _paper(c: VehicleTransportCert, rng: np.random.Generator) -> RenderedPage:
    width, height = 1240, 1754
    p = Page(width, height)
    guilloche(p, (230, 234, 240), rng, lines=20)
    p.text((width / 2, 150), "道 路 运 输 证", "serif_bold", 64, anchor="mm")
    p.field("number", c.number, (width / 2, 250), "serif", 28, label="证号", key=True, anchor="mm", max_width=1000)
    x0, x1, x2 = 100, 380, width - 100
    y = 320
    rows = [("业户名称", "holder", c.holder, True), ("地址", "address", c.address, False),
            ("车辆号牌", "plate", c.plate, True), ("经营许可证号", "permit_no", c.permit_no, True),
            ("经济类型", "economic_type", c.economic_type, False), ("车辆类型", "vehicle_type", c.vehicle_type, True),
            ("吨（座）位", "tonnage", c.tonnage, False), ("车辆尺寸", "size", f"{c.size_mm}毫米", False),
            ("经营范围", "scope", c.scope, False), ("有效期至", "valid_until", cn_date(c.valid_until), True)]
    for label, name, value, key in rows:
        p.rect((x0, y, x2, y + 90), width=2)
        p.line((x1, y, x1, y + 90), width=2)
        p.text(((x0 + x1) / 2, y + 45), spaced(label, 4), "serif", 27, anchor="mm", max_width=x1 - x0 - 16)
        p.field(name, value, (x1 + 20, y + 45), "sans", 28, label=label, key=key, anchor="lm", max_width=x2 - x1 - 40)
        y += 90
    p.text((700, y + 120), "核发机关（章）", "serif", 26)
    p.paste_multiply(round_seal(c.authority, "", rng, 240), (720, y + 40))
    p.field("issued", cn_date(c.issued), (700, y + 200), "serif", 26, label="发证日期", key=False)
    p.text((width / 2, height - 80), "中华人民共和国交通运输部监制", "serif", 20, anchor="mm")
    return p.finish()


def render(c: VehicleTransportCert, rng: np.random.Generator) -> RenderedPage:
    return _card(c, rng) if c.layout == "card" else _paper(c, rng)

"""电子行驶证 as the owner shows it in the 交管12123 app and screenshots it (layout ``electronic``).

Source: the 公安部's 机动车行驶证电子化, piloted in 60 cities from 1 July 2024 and extended nationwide in
three batches from 4 November to 2 December 2024, served only through the 交管12123 app (the paper licence
must still be carried; the electronic one is shown at counters and to businesses). The app shows the
licence's 主页 and 副页 items, nothing the paper lacks: 号牌号码 at the head, 车辆类型, 所有人, 使用性质,
品牌型号, 车辆识别代号, 注册日期, 发证日期, 检验有效期至, 核定载人数, 总质量, 整备质量, 核定载质量,
发证机关, the licence's 状态, and a QR code for checking it; dates in the app's digits (2025-06-30). Drawn
with neutral shapes; no app's trade dress.
"""
from __future__ import annotations

import numpy as np

from seed_data.documents.printed import iso_date
from seed_data.documents.vehicle_licence import VehicleLicence, back_page
from seed_data.render.layouts.app_screen import GREY, PAD, SIDE, WIDTH, card, row, screen
from seed_data.render.page import RenderedPage
from seed_data.render.qr_block import qr_block

BLUE = (30, 104, 214)


def render(c: VehicleLicence, rng: np.random.Generator) -> RenderedPage:
    p = screen(rng, "电子行驶证", mini_program=False)
    top = 196
    p.draw.rounded_rectangle((SIDE, top, WIDTH - SIDE, top + 200), radius=18, fill=BLUE)
    p.text((SIDE + PAD, top + 44), "中华人民共和国机动车行驶证", "sans", 24, (220, 232, 255), anchor="lm")
    p.field("plate", c.plate, (SIDE + PAD, top + 112), "sans_bold", 56, label="号牌号码", key=True,
            fill=(255, 255, 255), anchor="lm")
    p.draw.rounded_rectangle((WIDTH - SIDE - PAD - 96, top + 92, WIDTH - SIDE - PAD, top + 132), radius=20,
                             fill=(255, 255, 255))
    p.text((WIDTH - SIDE - PAD - 48, top + 112), "正常", "sans_bold", 22, BLUE, anchor="mm")
    p.text((SIDE + PAD, top + 168), "号牌号码", "sans", 22, (220, 232, 255), anchor="lm")

    back = back_page(c)
    card(p, top + 218, 1600)
    y, size = top + 240, 26
    y = row(p, y, "车辆类型", "vehicle_type", c.vehicle_type, key=True, size=size)
    y = row(p, y, "所有人", "owner", c.owner, key=True, stacked=True, size=size)
    y = row(p, y, "使用性质", "use", c.use, key=False, size=size)
    y = row(p, y, "品牌型号", "model", c.model, key=False, size=size)
    y = row(p, y, "车辆识别代号", "vin", c.vin, key=True, size=size)
    y = row(p, y, "注册日期", "registered", iso_date(c.registered), key=True, size=size)
    y = row(p, y, "发证日期", "issued", iso_date(c.issued), key=False, size=size)
    y = row(p, y, "检验有效期至", "inspection_until", iso_date(c.inspection_until), key=True, size=size)
    y = row(p, y, "核定载人数", "passengers", back.passengers, key=False, size=size)
    y = row(p, y, "总质量", "gross_mass", f"{c.gross_mass_kg}kg", key=False, size=size)
    y = row(p, y, "整备质量", "unladen", back.unladen, key=False, size=size)
    y = row(p, y, "核定载质量", "load", back.load, key=False, size=size)
    y = row(p, y, "发证机关", "authority", c.authority, key=False, size=size)
    x, qr = SIDE + PAD, 120
    p.image.paste(qr_block(rng, qr), (x, y))
    p.text((x + qr + 24, y + qr / 2), "出示二维码供核验", "sans", 24, GREY, anchor="lm")
    return p.finish(screenshot=True)

"""机动车行驶证 in two captures of the card: the main page with bilingual labels in a grid on a pale security
background, the traffic police seal and an inspection record strip (``main_page``); and the wallet opened on
both cards side by side (``open_pair``): the 主页 on the left with the seal low on its label column, the 副页
on the right with 档案编号, masses, 外廓尺寸, 备注 and the 检验记录 box holding the inspection station's
检验有效期至 stamp, and the 副页's bar code. The
screenshot of its 电子证照 (``electronic``) is drawn by ``vehicle_licence_electronic``."""
from __future__ import annotations

import numpy as np

from seed_data.documents.printed import iso_date
from seed_data.documents.vehicle_licence import VehicleLicence, back_page
from seed_data.render.layouts import vehicle_licence_electronic
from seed_data.render.layouts.form import guilloche
from seed_data.render.page import Page, RenderedPage
from seed_data.render.seal import round_seal

WIDTH, HEIGHT = 1300, 940
LABEL = (40, 40, 40)
LEFT, RIGHT = 50, 1250


def _cell(p: Page, x: int, y: int, zh: str, en: str, name: str, value: str, key: bool, width: int) -> None:
    p.text((x, y), zh, "sans_bold", 22, LABEL)
    p.text((x, y + 28), en, "sans", 13, LABEL)
    # Values in a sans face: PP-OCR reads Noto Serif's 粤 as the traditional 粵 on plates.
    p.field(name, value, (x + 150, y + 4), "sans", 28, label=zh, key=key, max_width=width - 160)


def _main_page(c: VehicleLicence, rng: np.random.Generator) -> RenderedPage:
    p = Page(WIDTH, HEIGHT, background=(246, 248, 244))
    guilloche(p, (226, 236, 228), rng, lines=22)
    p.rect((20, 20, WIDTH - 20, HEIGHT - 20), width=2, outline=(120, 140, 120))
    p.text((WIDTH / 2, 70), "中华人民共和国机动车行驶证", "sans_bold", 44, anchor="mm")
    p.text((WIDTH / 2, 115), "Vehicle License of the People's Republic of China", "sans", 20, anchor="mm")
    half = (RIGHT - LEFT) // 2
    grid = [
        [("号牌号码", "Plate No.", "plate", c.plate, True), ("车辆类型", "Vehicle Type", "vehicle_type", c.vehicle_type, True)],
        [("所有人", "Owner", "owner", c.owner, True)],
        [("住　址", "Address", "address", c.address, False)],
        [("使用性质", "Use Character", "use", c.use, False), ("品牌型号", "Model", "model", c.model, False)],
        [("车辆识别代号", "VIN", "vin", c.vin, True)],
        [("发动机号码", "Engine No.", "engine_no", c.engine_no, False)],
        [("注册日期", "Register Date", "registered", iso_date(c.registered), True),
         ("发证日期", "Issue Date", "issued", iso_date(c.issued), False)],
    ]
    y = 160
    for row in grid:
        x = LEFT
        width = (RIGHT - LEFT) // len(row)
        for zh, en, name, value, key in row:
            _cell(p, x, y, zh, en, name, value, key, width)
            x += half
        y += 78
    p.line((LEFT, y, RIGHT, y), 1, (120, 140, 120))
    p.text((LEFT, y + 24), "检验记录", "sans_bold", 24, LABEL)
    p.field("inspection_until", f"检验有效期至{c.inspection_until:%Y年%m月}", (LEFT + 170, y + 22), "sans_bold", 28,
            label="检验有效期至", key=True, fill=(30, 30, 120))
    p.text((LEFT + 620, y + 24), f"总质量 {c.gross_mass_kg}kg", "sans", 24, LABEL)
    p.text((LEFT, y + 76), "档案编号", "sans_bold", 22, LABEL)
    p.field("file_no", c.file_no, (LEFT + 170, y + 74), "serif", 26, label="档案编号")
    p.paste_multiply(round_seal(c.authority, "", rng, 220, strength=0.7), (RIGHT - 300, y - 230))
    return p.finish()


PAIR_W, PAIR_H = 1860, 700
CARD_W, CARD_H = 880, 600     # 88 × 60 mm, GA 37's card, at 10 px a millimetre
CARD_BG, CARD_LINE = (244, 247, 243), (150, 170, 150)


def _card(p: Page, x0: int, y0: int, rng: np.random.Generator) -> None:
    p.rect((x0, y0, x0 + CARD_W, y0 + CARD_H), width=1, outline=CARD_LINE, fill=CARD_BG)
    xs = np.linspace(x0 + 4, x0 + CARD_W - 4, 120)
    for i in range(10):   # the card's own fine security waves
        phase, amp = rng.uniform(0, 6.28), rng.uniform(6, 18)
        ys = y0 + CARD_H * (i + 0.5) / 10 + amp * np.sin((xs - x0) / CARD_W * 5 * 6.28 + phase)
        p.draw.line(list(zip(xs.tolist(), ys.tolist())), fill=(222, 234, 224), width=1)


def _pair_cell(p: Page, x: float, y: float, zh: str, en: str, name: str | None, value: str, key: bool,
               value_x: float, max_width: int) -> None:
    p.text((x, y), zh, "sans_bold", 19, LABEL)
    p.text((x, y + 24), en, "sans", 11, LABEL, max_width=value_x - x - 6)
    if name is None:
        p.text((value_x, y + 2), value, "sans", 24, max_width=max_width)
    else:
        p.field(name, value, (value_x, y + 2), "sans", 24, label=zh, key=key, max_width=max_width)


def _open_pair(c: VehicleLicence, rng: np.random.Generator) -> RenderedPage:
    p = Page(PAIR_W, PAIR_H, background=(226, 229, 233))   # the wallet's clear sleeve
    left, top = 40, 50
    right = left + CARD_W + 40
    _card(p, left, top, rng)
    _card(p, right, top, rng)

    # 主页
    p.text((left + CARD_W / 2, top + 42), "中华人民共和国机动车行驶证", "sans_bold", 34, anchor="mm")
    p.text((left + CARD_W / 2, top + 76), "Vehicle License of the People's Republic of China", "sans", 14,
           anchor="mm")
    lx, mid, step = left + 24, left + 450, 64
    rows = [
        [("号牌号码", "Plate No.", "plate", c.plate, True), ("车辆类型", "Vehicle Type", "vehicle_type", c.vehicle_type, True)],
        [("所 有 人", "Owner", "owner", c.owner, True)],
        [("住　　址", "Address", "address", c.address, False)],
        [("使用性质", "Use Character", "use", c.use, False), ("品牌型号", "Model", "model", c.model, False)],
        [("车辆识别代号", "Vehicle Identification Number", "vin", c.vin, True)],
        [("发动机号码", "Engine No.", "engine_no", c.engine_no, False)],
        [("注册日期", "Register Date", "registered", iso_date(c.registered), True),
         ("发证日期", "Issue Date", "issued", iso_date(c.issued), False)],
    ]
    y = top + 108
    for row in rows:
        for i, (zh, en, name, value, key) in enumerate(row):
            x = lx if i == 0 else mid
            wide = len(row) == 1
            value_x = x + (160 if zh == "车辆识别代号" else 130)
            end = left + CARD_W - 20 if (wide or i == 1) else mid - 10
            _pair_cell(p, x, y, zh, en, name, value, key, value_x, int(end - value_x))
        y += step
    p.paste_multiply(round_seal(c.authority, "", rng, 190, strength=0.65), (left + 6, top + 300))

    # 副页
    back = back_page(c)
    bx, bmid = right + 24, right + 450
    rows_back = [
        [("号牌号码", "Plate No.", None, c.plate), ("档案编号", "File No.", "file_no", c.file_no)],
        [("核定载人数", "Approved Passengers Capacity", None, back.passengers),
         ("总 质 量", "Gross Mass", "gross_mass", f"{c.gross_mass_kg}kg")],
        [("整备质量", "Unladen Mass", None, back.unladen), ("核定载质量", "Approved Load", None, back.load)],
        [("外廓尺寸", "Overall Dimension", None, back.size),
         ("准牵引总质量", "Traction Mass", None, back.traction)],
        [("备　　注", "Note", None, "")],
    ]
    y = top + 36
    for row in rows_back:
        for i, (zh, en, name, value) in enumerate(row):
            x = bx if i == 0 else bmid
            value_x = x + (150 if len(zh) > 4 else 130)
            end = (right + CARD_W - 20) if i == 1 else bmid - 10
            _pair_cell(p, x, y, zh, en, name, value, False, value_x, int(end - value_x))
        y += step
    p.line((right + 16, y - 8, right + CARD_W - 16, y - 8), 1, CARD_LINE)
    p.text((bx, y + 4), "检验记录", "sans_bold", 19, LABEL)
    p.text((bx, y + 28), "Inspection Record", "sans", 11, LABEL)
    # the inspection station's stamp, inked in blue and set a little askew in its box
    sx, sy = bx + 170, y + 10
    p.rect((sx, sy, sx + 480, sy + 70), width=2, outline=(40, 50, 140))
    stamp = p.field("inspection_until", f"检验有效期至{c.inspection_until:%Y年%m月}", (sx + 16, sy + 35), "sans_bold",
                    28, label="检验有效期至", key=True, fill=(40, 50, 140), anchor="lm")
    p.text((stamp[2] + 8, sy + 35), f"{c.plate[:2]}（01）", "sans_bold", 20, (40, 50, 140), anchor="lm")
    # the 副页's bar code along its foot
    bars_x, bars_y = right + CARD_W - 330, top + CARD_H - 62
    x = bars_x
    for w in rng.integers(1, 4, 70):
        if rng.random() < 0.55:
            p.draw.rectangle((x, bars_y, x + int(w) - 1, bars_y + 40), fill=(30, 30, 30))
        x += int(w) + 1
    return p.finish()


def render(c: VehicleLicence, rng: np.random.Generator) -> RenderedPage:
    if c.layout == "electronic":
        return vehicle_licence_electronic.render(c, rng)
    return _open_pair(c, rng) if c.layout == "open_pair" else _main_page(c, rng)

"""机动车行驶证, main page: bilingual labels in a grid on a pale security background, the traffic police
seal, and the inspection record strip (检验有效期至)."""
from __future__ import annotations

import numpy as np

from seed_data.documents.printed import iso_date
from seed_data.documents.vehicle_licence import VehicleLicence
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


def render(c: VehicleLicence, rng: np.random.Generator) -> RenderedPage:
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

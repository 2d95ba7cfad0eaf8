"""A network freight platform's 电子运单, as its PDF export prints on A4 (``content.layout == "platform"``).

What these exports look like: the platform's brand band across the top with a QR code for checking
the waybill, the title 电子运单, 运单号 and 创建时间, the operator of record (网络货运经营者) with its
道路运输经营许可证号, then grey-barred sections of label/value pairs: 托运信息, 收货信息, 线路信息
(装货地, 卸货地, 装货时间), 货物信息 as a small table, 承运信息 (实际承运人, 车牌号, 司机), 费用信息
(运费 in figures, 结算方式) and the trip's status with its time line; the operator's round electronic
seal (电子签章) at the foot beside a note that the e-waybill has the paper one's force. Times are
printed to the minute (2026-03-15 09:12), amounts with thousands separators; no carbon copies, no
handwriting, no carrier seal. The QR payload is an assumption: the waybill number, date and freight,
``|``-separated (real ones hold a verification link of the platform's own).
"""
from __future__ import annotations

from datetime import timedelta

import cv2
import numpy as np
from PIL import Image

from seed_data.documents.printed import money_grouped
from seed_data.documents.waybill import Waybill
from seed_data.render.page import Page, RenderedPage
from seed_data.render.seal import round_seal

WIDTH, HEIGHT = 1240, 1754
LEFT, RIGHT = 80, 1160
BRAND = ((20, 96, 200), (235, 110, 20), (18, 140, 110), (120, 60, 170))   # one colour per platform
GREY = (110, 110, 116)
BAR = (236, 238, 242)
TRUCKS = ("4.2米厢式", "6.8米厢式", "9.6米高栏", "13米平板", "17.5米高栏", "9.6米厢式")


def _qr(text: str, size: int) -> Image.Image:
    params = cv2.QRCodeEncoder_Params()
    params.correction_level = cv2.QRCodeEncoder_CORRECT_LEVEL_M
    grid = np.pad(cv2.QRCodeEncoder.create(params).encode(text), 2, constant_values=255)
    return Image.fromarray(grid).resize((size, size), Image.NEAREST).convert("RGB")


def _section(p: Page, y: int, title: str, color: tuple[int, int, int]) -> int:
    p.rect((LEFT, y, RIGHT, y + 44), width=0, outline=BAR, fill=BAR)
    p.rect((LEFT, y, LEFT + 6, y + 44), width=0, outline=color, fill=color)
    p.text((LEFT + 22, y + 22), title, "sans_bold", 23, anchor="lm")
    return y + 58


def _pair(p: Page, x: int, y: int, label: str, value: str, name: str | None, width: int, key: bool = False,
          size: int = 23) -> tuple[int, int, int, int]:
    """``label`` in grey, its value after it; recorded as ``name`` when one is given."""
    b = p.text((x, y), f"{label}：", "sans", size - 1, GREY)
    room = width - (b[2] - x) - 12
    if name is None:
        return p.text((b[2] + 4, y), value, "sans", size, max_width=room)
    return p.field(name, value, (b[2] + 4, y), "sans", size, label=label, key=key, max_width=room)


def render(c: Waybill, rng: np.random.Generator) -> RenderedPage:
    brand, operator, licence = c.platform or ("", c.carrier.name, "")
    color = BRAND[sum(map(ord, brand)) % len(BRAND)]
    p = Page(WIDTH, HEIGHT, background=(255, 255, 255))
    p.rect((0, 0, WIDTH, 150), width=0, outline=color, fill=color)
    p.text((LEFT, 58), brand, "sans_bold", 46, (255, 255, 255), anchor="lm")
    p.text((LEFT, 112), "网络货运平台 · 电子运单", "sans", 24, (255, 255, 255), anchor="lm")
    payload = f"EWB|{c.number}|{c.issued:%Y%m%d}|{money_grouped(c.freight_cents).replace(',', '')}"
    p.paste_multiply(_qr(payload, 190).convert("RGBA"), (RIGHT - 190, 170))
    created = int(rng.integers(6 * 60, 19 * 60))                 # minute of the day the order was placed
    loaded = created + int(rng.integers(40, 240))
    days = int(rng.integers(0, 3))
    p.text((LEFT, 200), "电 子 运 单", "sans_bold", 44)
    _pair(p, LEFT, 272, "运单号", c.number, "number", 640, key=True, size=25)
    b = p.text((LEFT, 318), "创建时间：", "sans", 22, GREY)
    d = p.field("issued", c.issued.isoformat(), (b[2] + 4, 318), "sans", 23, label="创建时间", key=True)
    p.text((d[2] + 10, 318), f"{created // 60:02d}:{created % 60:02d}", "sans", 23)
    _pair(p, LEFT, 376, "网络货运经营者", operator, None, RIGHT - LEFT - 200, size=22)
    _pair(p, LEFT, 414, "道路运输经营许可证", licence, None, RIGHT - LEFT - 200, size=22)
    half = (RIGHT - LEFT) // 2
    y = _section(p, 460, "托运信息", color)
    _pair(p, LEFT + 16, y, "托运人", c.shipper.name, "shipper_name", half + 120, key=True)
    _pair(p, LEFT + half + 150, y, "联系电话", c.shipper.phone, "shipper_phone", half - 150)
    y = _section(p, y + 56, "收货信息", color)
    _pair(p, LEFT + 16, y, "收货人", c.consignee, "consignee", half)
    _pair(p, LEFT + half + 150, y, "联系电话", c.consignee_phone, "consignee_phone", half - 150)
    _pair(p, LEFT + 16, y + 46, "收货地址", c.consignee_address, "consignee_address", RIGHT - LEFT - 30)
    y = _section(p, y + 102, "线路信息", color)
    _pair(p, LEFT + 16, y, "装货地", c.origin, "origin", half, key=True)
    _pair(p, LEFT + half + 16, y, "卸货地", c.destination, "destination", half - 20, key=True)
    start = c.issued
    _pair(p, LEFT + 16, y + 46, "装货时间", f"{start.isoformat()} {loaded // 60 % 24:02d}:{loaded % 60:02d}", None, half)
    arrive = start + timedelta(days=days + 1)
    signed = int(rng.integers(7 * 60, 19 * 60))
    _pair(p, LEFT + half + 16, y + 46, "签收时间", f"{arrive.isoformat()} {signed // 60:02d}:{signed % 60:02d}", None,
          half - 20)
    y = _section(p, y + 102, "货物信息", color)
    cols = (("货物名称", 300), ("包装", 180), ("件数", 160), ("重量（吨）", 220), ("体积（方）", RIGHT - LEFT - 860))
    x = LEFT
    p.line((LEFT, y - 6, RIGHT, y - 6), width=1, fill=(200, 200, 206))
    values = ((c.cargo, "cargo"), ("纸箱/捆扎", None), (str(c.pieces), "pieces"),
              (f"{c.weight_kg / 1000:.3f}", "weight"), (c.volume_m3, "volume"))
    for (title, w), (value, name) in zip(cols, values):
        p.text((x + 16, y + 4), title, "sans", 21, GREY)
        if name:
            p.field(name, value, (x + 16, y + 44), "sans", 23, label=title)
        else:
            p.text((x + 16, y + 44), value, "sans", 23)
        x += w
    p.line((LEFT, y + 86, RIGHT, y + 86), width=1, fill=(200, 200, 206))
    y = _section(p, y + 106, "承运信息", color)
    _pair(p, LEFT + 16, y, "实际承运人", c.carrier.name, "carrier_name", RIGHT - LEFT - 30, key=True)
    _pair(p, LEFT + 16, y + 46, "车牌号", c.plate, "plate", half, key=True)
    _pair(p, LEFT + half + 16, y + 46, "车型", TRUCKS[int(rng.integers(len(TRUCKS)))], None, half - 20)
    _pair(p, LEFT + 16, y + 92, "司机", c.driver, "driver", half)
    _pair(p, LEFT + half + 16, y + 92, "司机电话", c.driver_phone, "driver_phone", half - 20)
    y = _section(p, y + 148, "费用信息", color)
    b = p.text((LEFT + 16, y), "运费：", "sans", 22, GREY)
    f = p.field("freight", f"¥{money_grouped(c.freight_cents)}", (b[2] + 4, y - 4), "sans_bold", 28, label="运费",
                key=True, fill=(200, 40, 30))
    p.text((f[2] + 8, y), "元（含税）", "sans", 22, GREY)
    _pair(p, LEFT + half + 16, y, "结算方式", c.payment, "payment", half - 20)
    y = _section(p, y + 62, "运单状态", color)
    p.text((LEFT + 16, y), "已签收", "sans_bold", 26, color)
    steps = (("已接单", start, created + 12), ("已装货", start, loaded), ("已签收", arrive, signed))
    for i, (what, day, minute) in enumerate(steps):
        yy = y + 46 + i * 36
        p.draw.ellipse((LEFT + 24, yy + 6, LEFT + 36, yy + 18), fill=color)
        p.text((LEFT + 52, yy), f"{what}　{day.isoformat()} {minute // 60 % 24:02d}:{minute % 60:02d}", "sans", 20, GREY)
    p.paste_multiply(round_seal(operator, "电子签章", rng, 230, strength=0.95), (RIGHT - 300, y - 30))
    p.text((LEFT, HEIGHT - 80), f"本电子运单由{brand}网络货运平台生成，与纸质运单具有同等效力；扫描右上角二维码可核验运单真伪。",
           "sans", 19, GREY, max_width=RIGHT - LEFT)
    p.text((WIDTH / 2, HEIGHT - 36), "第1页/共1页", "sans", 18, GREY, anchor="mm")
    return p.finish()

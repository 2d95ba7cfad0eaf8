"""公路货物运单: a carbonless multi-part form, ruled cells of label and value, carrier's seal (``layout ==
"carbon"``). A network freight platform's 电子运单 (``"platform"``) is drawn by ``waybill_platform``, a 零担
network's thermal 托运单 (``"ltl"``) by ``waybill_ltl``."""
from __future__ import annotations

import numpy as np

from seed_data.documents.capital_amount import capital_amount
from seed_data.documents.printed import cn_date, money
from seed_data.documents.waybill import Waybill
from seed_data.render.fonts import font
from seed_data.render.layouts import waybill_ltl, waybill_platform
from seed_data.render.page import Page, RenderedPage
from seed_data.render.seal import round_seal
from seed_data.render.signature import signature

FORM = (30, 60, 140)       # blue pre-printed form, as carbonless copies often are
WIDTH, HEIGHT = 1500, 1000
X0, X1 = 50, 1450
ROW = 64


def _cell(p: Page, x: int, y: int, w: int, label: str, name: str | None, value: str, key: bool = True) -> None:
    p.rect((x, y, x + w, y + ROW), width=1, outline=FORM)
    p.text((x + 10, y + ROW / 2), label, "sans", 20, FORM, anchor="lm")
    label_w = int(font("sans", 20).getlength(label))
    if name is not None:
        p.field(name, value, (x + 22 + label_w, y + ROW / 2), "serif", 24, label=label, key=key, anchor="lm",
                max_width=w - label_w - 32)


def render(c: Waybill, rng: np.random.Generator) -> RenderedPage:
    if c.layout == "platform":
        return waybill_platform.render(c, rng)
    if c.layout == "ltl":
        return waybill_ltl.render(c, rng)
    p = Page(WIDTH, HEIGHT)
    p.field("carrier_name", c.carrier.name, (WIDTH / 2, 60), "serif_bold", 36, label="承运人", key=True, anchor="mm")
    p.text((WIDTH / 2, 115), "公 路 货 物 运 单", "serif_bold", 40, FORM, anchor="mm")
    p.text((X1 - 330, 100), "No.", "sans_bold", 26, (190, 30, 30))
    p.field("number", c.number, (X1 - 275, 100), "mono_bold", 26, label="运单号", key=True, fill=(190, 30, 30))
    p.text((X0, 140), "托运日期：", "sans", 22, FORM)
    p.field("issued", cn_date(c.issued), (X0 + 115, 140), "serif", 24, label="托运日期", key=True)
    y = 185
    half = (X1 - X0) // 2
    rows = [
        [("托运人", "shipper_name", c.shipper.name, half), ("电话", "shipper_phone", c.shipper.phone, half)],
        [("收货人", "consignee", c.consignee, half), ("电话", "consignee_phone", c.consignee_phone, half)],
        [("收货地址", "consignee_address", c.consignee_address, X1 - X0)],
        [("起运地", "origin", c.origin, half), ("目的地", "destination", c.destination, half)],
        [("货物名称", "cargo", c.cargo, 400), ("件数", "pieces", f"{c.pieces}件", 300),
         ("重量", "weight", f"{c.weight_kg}千克", 350), ("体积", "volume", f"{c.volume_m3}立方米", X1 - X0 - 1050)],
        [("车牌号", "plate", c.plate, 450), ("司机", "driver", c.driver, 400),
         ("司机电话", "driver_phone", c.driver_phone, X1 - X0 - 850)],
    ]
    for row in rows:
        x = X0
        for label, name, value, w in row:
            _cell(p, x, y, w, label, name, value, key=name in ("shipper_name", "plate", "origin", "destination"))
            x += w
        y += ROW
    _cell(p, X0, y, 900, "运费（大写）", "freight_capital", capital_amount(c.freight_cents), key=False)
    _cell(p, X0 + 900, y, X1 - X0 - 900, "（小写）", "freight", f"¥{money(c.freight_cents)}")
    y += ROW
    _cell(p, X0, y, half, "付款方式", "payment", c.payment, key=False)
    _cell(p, X0 + half, y, half, "承运人电话", "carrier_phone", c.carrier.phone, key=False)
    y += ROW
    p.rect((X0, y, X1, y + 130), width=1, outline=FORM)
    p.text((X0 + 10, y + 14), "托运人签字：", "sans", 20, FORM)
    p.paste_multiply(signature(len(c.shipper.signatory), rng, 60), (X0 + 140, y + 40))
    p.text((X0 + 480, y + 14), "承运人（盖章）：", "sans", 20, FORM)
    p.text((X0 + 960, y + 14), "收货人签收：", "sans", 20, FORM)
    p.paste_multiply(signature(len(c.consignee), rng, 60), (X0 + 1100, y + 40))
    p.paste_multiply(round_seal(c.carrier.name, "运输专用章", rng, 220), (X0 + 560, y - 60))
    p.text((X0, y + 150), "第一联：存根（白）  第二联：托运人（红）  第三联：收货人（蓝）  第四联：承运人（黄）",
           "sans", 18, FORM)
    return p.finish()

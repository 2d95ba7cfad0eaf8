"""A 零担 network's 货物托运单 as its branch's waybill system prints it on thermal paper
(``content.layout == "ltl"``), held out from the readers' development (issue 14).

What these print-outs look like (the counter copy a shipper takes home after 开单 at a 快运/专线
branch; thermal stock 100 mm wide, cut at about 160 mm, black only, no pre-printed form): the network's
name and 客服热线 at the top, the copy's name (托运人联), the 运单号 as a Code 128 barcode with the number under it, 开单时间
to the minute; then ruled blocks of label/value lines: 始发站/到达站, 发货人 and 收货人 each with a
phone, 收货地址, the goods (货物名称, 包装, 件数, 重量, 体积) as a one-row table, the charges (运费, how
it is paid: 现付, 提付 — the networks' word for 到付 —, 月结 or 回单付; 回单 and 交货方式), the clerk who
opened it (开单员) and the branch, a space for the shipper's signature and, at the foot, the terms the
shipper accepts in small print. The branch system prints no truck or driver: those are assigned later
at 配载, on the loading list, not on the 托运单. The operating carrier is printed as 承运单位 (the
franchised branch company or the 专线 partner that carries the goods under the network's brand).
Source: the common layout of 快运 networks' counter slips and branch-system (物流管理软件) print-outs;
the networks here are made up.
"""
from __future__ import annotations

import numpy as np

from seed_data.documents.identity import person_name
from seed_data.documents.printed import money
from seed_data.documents.waybill import Waybill
from seed_data.render.barcode import code128
from seed_data.render.fonts import font
from seed_data.render.page import Page, RenderedPage
from seed_data.render.signature import signature

WIDTH, HEIGHT = 800, 1296         # 100 mm × 162 mm at the 8 dots/mm of a 203 dpi thermal head
LEFT, RIGHT = 32, 768
THERMAL = (246, 246, 243)          # thermal paper is a cool near-white
BLACK = (28, 28, 30)
PAID_AS = {"现付": "现付", "到付": "提付", "月结": "月结", "回单付": "回单付"}
PACKING = ("纸箱", "编织袋", "木架", "托盘", "裸装")
TERMS = ("托运须知：1.托运人应如实申报货物品名、件数、重量，不得夹带易燃易爆等危险品及国家禁运物品；"
         "2.贵重物品请办理保价，未保价货物损毁、丢失按不超过运费三倍赔偿；"
         "3.货物到达后请于三日内提货，逾期收取仓储费；4.托运人签字即视为已阅读并同意以上条款。")


def _rule(p: Page, y: int, dashed: bool = False) -> None:
    if not dashed:
        p.line((LEFT, y, RIGHT, y), width=2, fill=BLACK)
        return
    for x in range(LEFT, RIGHT, 16):
        p.line((x, y, x + 8, y), width=2, fill=BLACK)


def _pair(p: Page, x: int, y: int, label: str, value: str, name: str | None, width: int, key: bool = False,
          size: int = 24, face: str = "sans") -> tuple[int, int, int, int]:
    """``label：`` then its value, fitted into ``width``; recorded as ``name`` when one is given."""
    b = p.text((x, y), f"{label}：", "sans", size - 2, BLACK)
    room = x + width - b[2] - 6
    if name is None:
        return p.text((b[2] + 2, y), value, face, size, BLACK, max_width=room)
    return p.field(name, value, (b[2] + 2, y), face, size, label=label, key=key, fill=BLACK, max_width=room)


def render(c: Waybill, rng: np.random.Generator) -> RenderedPage:
    brand, hotline = c.network or ("", "")
    p = Page(WIDTH, HEIGHT, background=THERMAL)
    p.text((LEFT, 24), brand, "sans_bold", 44, BLACK)
    p.text((RIGHT, 34), "客服热线", "sans", 18, BLACK, anchor="ra")
    p.text((RIGHT, 58), hotline, "sans_bold", 22, BLACK, anchor="ra")
    p.text((WIDTH / 2, 116), "货物托运单（托运人联）", "sans_bold", 32, BLACK, anchor="mm")
    bars = code128(c.number, 3, 96)
    p.paste_multiply(bars.convert("RGBA"), ((WIDTH - bars.width) // 2, 146))
    p.field("number", c.number, (WIDTH / 2, 262), "mono_bold", 30, label="运单号", key=True, fill=BLACK, anchor="mm")
    opened = int(rng.integers(8 * 60, 20 * 60))                  # counters open through the working day
    b = p.text((LEFT, 296), "开单时间：", "sans", 22, BLACK)
    d = p.field("issued", c.issued.isoformat(), (b[2] + 2, 296), "sans", 24, label="开单时间", key=True, fill=BLACK)
    p.text((d[2] + 10, 296), f"{opened // 60:02d}:{opened % 60:02d}", "sans", 24, BLACK)
    _rule(p, 340)
    half = (RIGHT - LEFT) // 2
    _pair(p, LEFT, 354, "始发站", c.origin, "origin", half - 8, key=True, size=26, face="sans_bold")
    _pair(p, LEFT + half, 354, "到达站", c.destination, "destination", half, key=True, size=26, face="sans_bold")
    _rule(p, 404)
    _pair(p, LEFT, 418, "发货人", c.shipper.name, "shipper_name", RIGHT - LEFT, key=True)
    _pair(p, LEFT, 458, "电话", c.shipper.phone, "shipper_phone", half)
    _rule(p, 502, dashed=True)
    _pair(p, LEFT, 516, "收货人", c.consignee, "consignee", half - 8)
    _pair(p, LEFT + half, 516, "电话", c.consignee_phone, "consignee_phone", half)
    _pair(p, LEFT, 556, "收货地址", c.consignee_address, "consignee_address", RIGHT - LEFT)
    _rule(p, 600)
    cols = (("货物名称", 210), ("包装", 110), ("件数", 110), ("重量(kg)", 150), ("体积(m³)", RIGHT - LEFT - 580))
    values = ((c.cargo, "cargo"), (PACKING[int(rng.integers(len(PACKING)))], None), (str(c.pieces), "pieces"),
              (str(c.weight_kg), "weight"), (c.volume_m3, "volume"))
    x = LEFT
    for (title, w), (value, name) in zip(cols, values):
        p.text((x + 4, 612), title, "sans", 20, BLACK)
        if name:
            p.field(name, value, (x + 4, 646), "sans_bold", 24, label=title, fill=BLACK, max_width=w - 10)
        else:
            p.text((x + 4, 646), value, "sans_bold", 24, BLACK)
        x += w
    _rule(p, 692)
    b = p.text((LEFT, 708), "运费：", "sans", 24, BLACK)
    f = p.field("freight", money(c.freight_cents), (b[2] + 2, 702), "sans_bold", 34, label="运费", key=True,
                fill=BLACK)
    p.text((f[2] + 6, 708), "元", "sans", 24, BLACK)
    _pair(p, LEFT + half, 708, "付款方式", PAID_AS[c.payment], "payment", half, size=26, face="sans_bold")
    receipt = "签回单1份" if c.payment == "回单付" or rng.random() < 0.4 else "无"
    _pair(p, LEFT, 760, "回单", receipt, None, half - 8)
    _pair(p, LEFT + half, 760, "交货方式", "送货上门" if rng.random() < 0.5 else "自提", None, half)
    _rule(p, 806)
    _pair(p, LEFT, 820, "承运单位", c.carrier.name, "carrier_name", RIGHT - LEFT, key=True, size=22)
    _pair(p, LEFT, 858, "承运单位电话", c.carrier.phone, "carrier_phone", RIGHT - LEFT, size=22)
    _pair(p, LEFT, 896, "开单网点", f"{c.origin}营业部", None, RIGHT - LEFT, size=22)
    _pair(p, LEFT, 934, "开单员", person_name(rng), None, half, size=22)
    _rule(p, 978, dashed=True)
    p.text((LEFT, 994), "托运人签字：", "sans", 22, BLACK)
    p.paste_multiply(signature(len(c.shipper.signatory), rng, 56), (LEFT + 150, 984))
    _rule(p, 1070, dashed=True)
    y, line = 1086, ""
    for ch in TERMS:                                   # the system wraps the terms at the paper's width
        if font("sans", 18).getlength(line + ch) > RIGHT - LEFT:
            p.text((LEFT, y), line, "sans", 18, BLACK)
            y, line = y + 28, ""
        line += ch
    p.text((LEFT, y), line, "sans", 18, BLACK)
    p.text((WIDTH / 2, HEIGHT - 50), f"运单查询请拨打{hotline}或关注{brand}公众号", "sans", 18, BLACK, anchor="mm")
    return p.finish()

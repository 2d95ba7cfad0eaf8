"""水电费缴费单: 国家电网's monthly 电费通知单 (landscape slip: account block, a meter table, the amount in
words and figures, the due date, 95598) and a city water company's 水费缴费通知单 (portrait, the price
split into 水费 and 污水处理费 as water tariffs are)."""
from __future__ import annotations

import numpy as np

from seed_data.documents.printed import cn_date, money
from seed_data.documents.utility_bill import UtilityBill
from seed_data.render.page import Page, RenderedPage
from seed_data.render.table import Column, draw_table

GREEN = (0, 110, 90)
BLUE = (20, 80, 160)


def _month(m: str) -> str:
    return f"{m[:4]}年{m[5:7]}月"


def _electricity(c: UtilityBill, rng: np.random.Generator) -> RenderedPage:
    width, height = 1500, 1000
    p = Page(width, height)
    p.rect((30, 30, width - 30, height - 30), width=3, outline=GREEN)
    p.text((70, 70), "国家电网", "sans_bold", 30, GREEN)
    p.text((width / 2, 80), c.supplier, "sans_bold", 30, anchor="mm", max_width=760)
    p.text((width / 2, 140), "电 费 通 知 单", "sans_bold", 44, anchor="mm")
    p.text((70, 210), "户名：", "sans", 26)
    p.field("holder", c.holder, (150, 210), "sans", 26, label="户名", key=True, max_width=620)
    p.text((900, 210), "户号：", "sans", 26)
    p.field("account_no", c.account_no, (980, 210), "mono", 28, label="户号", key=True)
    p.text((70, 260), "用电地址：", "sans", 26)
    p.field("address", c.address, (200, 260), "sans", 24, label="用电地址", max_width=1200)
    p.text((70, 310), "电费年月：", "sans", 26)
    p.field("month", _month(c.month), (200, 310), "sans", 26, label="电费年月", key=True)
    p.text((900, 310), "用电类别：一般工商业", "sans", 24)
    cols = [Column("计费项目", 180), Column("上次示数", 170, align="right"), Column("本次示数", 170, align="right"),
            Column("倍率", 90, align="center"), Column("电量（千瓦时）", 220, align="right"),
            Column("电价（元/千瓦时）", 250, align="right"), Column("电费（元）", 250, align="right")]
    row = ["有功总", str(c.reading_from), str(c.reading_to), "1", str(c.usage), f"{c.price_cents / 100:.4f}",
           money(c.amount_cents)]
    y = draw_table(p, 70, 360, cols, [row], prefix="meter", row_height=52, size=24, face="sans", header_face="sans")
    p.text((70, y + 40), "本期电量：", "sans_bold", 26)
    p.field("usage", f"{c.usage}千瓦时", (210, y + 40), "sans", 26, label="本期电量", key=True)
    p.text((700, y + 40), "本期电费：", "sans_bold", 26)
    p.field("amount", f"¥{money(c.amount_cents)}", (840, y + 40), "sans", 26, label="本期电费", key=True)
    p.text((70, y + 95), "金额（大写）：", "sans", 26)
    p.field("amount_capital", c.amount_capital, (240, y + 95), "sans", 26, label="金额（大写）", key=True)
    p.text((70, y + 150), "缴费截止日期：", "sans", 26)
    p.field("due", cn_date(c.due), (250, y + 150), "sans", 26, label="缴费截止日期")
    p.text((70, height - 90), "温馨提示：请于截止日期前缴清电费，逾期将按规定收取电费违约金。服务热线：95598", "sans", 22)
    return p.finish()


def _water(c: UtilityBill, rng: np.random.Generator) -> RenderedPage:
    width, height = 1240, 1500
    p = Page(width, height)
    p.text((width / 2, 100), c.supplier, "serif_bold", 36, anchor="mm", max_width=1000)
    p.text((width / 2, 170), "水费缴费通知单", "serif_bold", 48, anchor="mm", fill=BLUE)
    rows = [("用户编号", "account_no", c.account_no, True), ("用户名称", "holder", c.holder, True),
            ("用水地址", "address", c.address, False), ("账单月份", "month", _month(c.month), True)]
    y = 260
    for label, name, value, key in rows:
        p.text((110, y), f"{label}：", "serif", 28)
        p.field(name, value, (280, y), "serif", 28, label=label, key=key, max_width=840)
        y += 62
    water, sewage = round(c.usage * 370), round(c.usage * 150)
    cols = [Column("项目", 200), Column("上月读数", 160, align="right"), Column("本月读数", 160, align="right"),
            Column("水量（立方米）", 200, align="right"), Column("单价（元）", 140, align="right"),
            Column("金额（元）", 180, align="right")]
    table = [["水费", str(c.reading_from), str(c.reading_to), str(c.usage), "3.70", money(water)],
             ["污水处理费", "", "", str(c.usage), "1.50", money(sewage)]]
    y = draw_table(p, 110, y + 20, cols, table, prefix="water", row_height=54, size=24)
    p.text((110, y + 50), "本月用水量：", "serif_bold", 28)
    p.field("usage", f"{c.usage}立方米", (290, y + 50), "serif", 28, label="本月用水量", key=True)
    p.text((110, y + 115), "本期应缴金额：", "serif_bold", 28)
    p.field("amount", f"¥{money(c.amount_cents)}", (320, y + 115), "serif", 28, label="本期应缴金额", key=True)
    p.text((110, y + 180), "大写：", "serif", 28)
    p.field("amount_capital", c.amount_capital, (200, y + 180), "serif", 28, label="大写", key=True)
    p.text((110, y + 245), "请于", "serif", 26)
    box = p.field("due", cn_date(c.due), (170, y + 245), "serif", 26, label="缴费截止")
    p.text((box[2] + 8, y + 245), "前缴费。", "serif", 26)
    p.text((width / 2, height - 120), "客服热线：96116　　可通过微信、支付宝、银行代扣缴费", "serif", 22, anchor="mm")
    return p.finish()


def render(c: UtilityBill, rng: np.random.Generator) -> RenderedPage:
    return _water(c, rng) if c.layout == "water" else _electricity(c, rng)

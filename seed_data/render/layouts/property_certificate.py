"""Two formats of premises ownership: the unified 不动产权证书 (a ruled register page: number on top,
label column, value column, the registration centre's seal and date beside it) and the pre-2016
房屋所有权证 (title, labelled rows, a small area table and the land section, the housing bureau's
seal). ``content.layout`` says which; the format follows the registration date, as in life."""
from __future__ import annotations

import numpy as np

from seed_data.documents.printed import cn_date
from seed_data.documents.property_certificate import PropertyCertificate
from seed_data.render.emblem import emblem
from seed_data.render.layouts.form import guilloche, ornament_border, spaced
from seed_data.render.page import Page, RenderedPage
from seed_data.render.seal import round_seal
from seed_data.render.table import Column, draw_table

WIDTH, HEIGHT = 1240, 1754


def _spaced_unit(unit_no: str) -> str:
    """The unit number is printed in its four groups: county+district, parcel, building+unit."""
    return f"{unit_no[:12]} {unit_no[12:19]} {unit_no[19:]}"


def _area(m2: float) -> str:
    return f"{m2:.2f}"


def _unified(c: PropertyCertificate, rng: np.random.Generator) -> RenderedPage:
    p = Page(WIDTH, HEIGHT)
    guilloche(p, (236, 228, 214), rng, lines=18)
    p.field("number", c.number, (WIDTH / 2, 150), "serif", 32, label="证号", key=True, anchor="mm", max_width=1000)
    x0, x1, x2, top = 110, 330, WIDTH - 110, 210
    rows = [("权利人", "holder", c.holder, True), ("共有情况", "co_ownership", c.co_ownership, False),
            ("坐落", "location", c.location, True), ("不动产单元号", "unit_no", _spaced_unit(c.unit_no), True),
            ("权利类型", "right_type", c.right_type, False), ("权利性质", "right_nature", c.right_nature, False),
            ("用途", "use", f"{c.land_use}/{c.building_use}", False)]
    y = top
    height = 86
    for label, name, value, key in rows:
        p.rect((x0, y, x2, y + height), width=2, outline=(70, 60, 50))
        p.line((x1, y, x1, y + height), width=2, fill=(70, 60, 50))
        p.text(((x0 + x1) / 2, y + height / 2), spaced(label, 4) if len(label) < 4 else label, "serif", 26,
               anchor="mm", max_width=x1 - x0 - 16)
        p.field(name, value, (x1 + 20, y + height / 2), "serif", 27, label=label, key=key, anchor="lm",
                max_width=x2 - x1 - 40)
        y += height
    # 面积: land share and floor area in one cell, as printed.
    p.rect((x0, y, x2, y + height), width=2, outline=(70, 60, 50))
    p.line((x1, y, x1, y + height), width=2, fill=(70, 60, 50))
    p.text(((x0 + x1) / 2, y + height / 2), "面　　积", "serif", 26, anchor="mm")
    b = p.text((x1 + 20, y + height / 2), f"共有宗地面积{_area(c.land_area_m2)}㎡/房屋建筑面积", "serif", 25,
               anchor="lm")
    b = p.field("floor_area", _area(c.floor_area_m2), (b[2] + 2, y + height / 2), "serif", 25, label="房屋建筑面积",
                key=True, anchor="lm")
    p.text((b[2] + 2, y + height / 2), "㎡", "serif", 25, anchor="lm")
    y += height
    p.rect((x0, y, x2, y + height), width=2, outline=(70, 60, 50))
    p.line((x1, y, x1, y + height), width=2, fill=(70, 60, 50))
    p.text(((x0 + x1) / 2, y + height / 2), "使用期限", "serif", 26, anchor="mm")
    p.field("land_until", f"国有建设用地使用权{cn_date(c.land_until)}止", (x1 + 20, y + height / 2), "serif", 25,
            label="使用期限", anchor="lm", max_width=x2 - x1 - 40)
    y += height
    other = (f"房屋结构：钢筋混凝土结构 房屋总层数：{c.floors} 房屋所在层：{c.floor} "
             f"专有建筑面积：{_area(c.floor_area_m2 * 0.82)}㎡ 分摊建筑面积：{_area(c.floor_area_m2 * 0.18)}㎡")
    p.rect((x0, y, x2, y + 260), width=2, outline=(70, 60, 50))
    p.line((x1, y, x1, y + 260), width=2, fill=(70, 60, 50))
    p.text(((x0 + x1) / 2, y + 130), "权利其他状况", "serif", 24, anchor="mm", max_width=x1 - x0 - 16)
    p.field_lines("other", other, (x1 + 20, y + 30), x2 - x1 - 50, "serif", 23, label="权利其他状况")
    y += 300
    p.text((720, y + 60), "登记机构（章）", "serif", 26)
    p.field("registered", cn_date(c.registered), (720, y + 120), "serif", 26, label="登记日期", key=True)
    p.paste_multiply(round_seal(c.authority, "", rng, 240), (740, y - 20))
    p.text((WIDTH / 2, HEIGHT - 90), "中华人民共和国自然资源部监制", "serif", 20, anchor="mm")
    p.field("serial", f"编号NO D{c.serial}", (WIDTH - 140, HEIGHT - 90), "sans", 22, label="编号", anchor="rm",
            fill=(170, 30, 30))
    return p.finish()


def _house(c: PropertyCertificate, rng: np.random.Generator) -> RenderedPage:
    p = Page(WIDTH, HEIGHT)
    guilloche(p, (226, 234, 222), rng, lines=22)
    ornament_border(p, (70, 110, 80))
    p.image.paste(emblem(110), (WIDTH // 2 - 55, 80), emblem(110))
    p.text((WIDTH / 2, 250), "房屋所有权证", "serif_bold", 64, anchor="mm")
    p.field("number", c.number, (WIDTH - 120, 330), "serif", 28, label="证号", key=True, anchor="rm",
            max_width=900)
    rows = [("房屋所有权人", "holder", c.holder, True), ("共有情况", "co_ownership", c.co_ownership, False),
            ("房屋坐落", "location", c.location, True), ("登记时间", "registered", cn_date(c.registered), True),
            ("房屋性质", "right_nature", "商品房", False), ("规划用途", "use", c.building_use, False)]
    y = 410
    for label, name, value, key in rows:
        p.text((130, y), spaced(label, 6), "serif_bold", 27)
        p.field(name, value, (420, y), "serif", 28, label=label, key=key, max_width=700)
        p.line((410, y + 44, WIDTH - 130, y + 44), width=1, fill=(120, 120, 120))
        y += 78
    table_top = y + 20
    y = draw_table(p, 130, table_top, [Column("总层数", 160), Column("所在层", 160), Column("建筑面积（㎡）", 280),
                                       Column("套内建筑面积（㎡）", 240), Column("其它", 140)],
                   [[str(c.floors), str(c.floor), "", _area(c.floor_area_m2 * 0.82), ""]],
                   prefix="area", row_height=62, size=26)
    p.field("floor_area", _area(c.floor_area_m2), (130 + 160 + 160 + 140, table_top + 44 + 31), "serif", 26,
            label="建筑面积", key=True, anchor="mm")
    y += 50
    p.text((130, y), "土地状况", "serif_bold", 28)
    y += 60
    p.text((130, y), "地　　号", "serif_bold", 26)
    p.field("parcel", c.unit_no[6:19], (420, y), "serif", 26, label="地号")
    p.text((130, y + 62), "土地使用权取得方式", "serif_bold", 26)
    p.text((420, y + 62), "出让", "serif", 26)
    p.text((130, y + 124), "土地使用年限", "serif_bold", 26)
    p.field("land_until", f"至{cn_date(c.land_until)}止", (420, y + 124), "serif", 26, label="土地使用年限")
    p.text((760, HEIGHT - 300), "填发单位（盖章）", "serif", 26)
    p.paste_multiply(round_seal(c.authority, "", rng, 240), (800, HEIGHT - 420))
    p.text((WIDTH / 2, HEIGHT - 80), "中华人民共和国住房和城乡建设部监制", "serif", 20, anchor="mm")
    return p.finish()


def render(c: PropertyCertificate, rng: np.random.Generator) -> RenderedPage:
    return _unified(c, rng) if c.layout == "unified" else _house(c, rng)

"""机动车登记证书 as a merchant photographs it: the open booklet (``spread``: page 1's registration,
transfer and mortgage summaries beside page 2's vehicle details) or page 1 alone (``summary``), whose
rows are numbered and whose mortgage lines carry the lender and the dates."""
from __future__ import annotations

import numpy as np

from seed_data.documents.printed import cn_date
from seed_data.documents.vehicle_registration import VehicleRegistration
from seed_data.render.layouts.form import guilloche
from seed_data.render.page import Page, RenderedPage
from seed_data.render.seal import round_seal

GREEN = (60, 110, 80)
RED = (180, 30, 30)


def _id(c: VehicleRegistration) -> str:
    return f"{c.owner_id_kind}/{c.owner_id}"


def _boxed_rows(p: Page, x: int, y: int, width: int, label_w: int, rows: list[tuple[str, str, str, bool]],
                height: int = 64, size: int = 24) -> int:
    for label, name, value, key in rows:
        p.rect((x, y, x + width, y + height), width=1, outline=GREEN)
        p.line((x + label_w, y, x + label_w, y + height), width=1, fill=GREEN)
        p.text((x + 10, y + height / 2), label, "serif", 21, anchor="lm", max_width=label_w - 16)
        if value:
            p.field(name, value, (x + label_w + 12, y + height / 2), "sans", size, label=label, key=key,
                    anchor="lm", max_width=width - label_w - 24)
        y += height
    return y


def _mortgage_rows(c: VehicleRegistration) -> list[tuple[str, str, str, bool]]:
    if c.lien_holder is None or c.lien_registered is None:
        return [("抵押权人姓名/名称", "lien_holder", "", False), ("抵押登记日期", "lien_registered", "", False)]
    rows = [("抵押权人姓名/名称", "lien_holder", c.lien_holder, True),
            ("抵押登记日期", "lien_registered", cn_date(c.lien_registered), True)]
    if c.lien_released is not None:
        rows.append(("解除抵押登记日期", "lien_released", cn_date(c.lien_released), True))
    return rows


def _spread(c: VehicleRegistration, rng: np.random.Generator) -> RenderedPage:
    width, height = 2000, 1300
    p = Page(width, height, background=(244, 247, 240))
    guilloche(p, (222, 234, 224), rng, lines=24)
    p.line((width / 2, 30, width / 2, height - 30), width=3, fill=(150, 160, 150))
    p.text((500, 80), "机动车登记证书", "serif_bold", 46, anchor="mm")
    p.field("certificate_no", c.certificate_no, (500, 140), "sans", 28, label="登记证书编号", key=True,
            anchor="mm", fill=RED)
    p.text((60, 190), "Ⅰ 注册登记摘要信息栏", "serif_bold", 24, GREEN)
    y = _boxed_rows(p, 60, 230, 880, 300, [
        ("1.机动车所有人/身份证明名称/号码", "owner", c.owner, True), ("", "owner_id", _id(c), False),
        ("2.登记机关", "authority", c.authority, False), ("3.登记日期", "registered", cn_date(c.registered), True),
        ("4.机动车登记编号", "plate", c.plate, True)])
    p.text((60, y + 30), "Ⅱ 转移登记摘要信息栏", "serif_bold", 24, GREEN)
    p.rect((60, y + 70, 940, y + 200), width=1, outline=GREEN)
    y += 230
    p.text((60, y), "Ⅲ 抵押登记摘要信息栏", "serif_bold", 24, GREEN)
    _boxed_rows(p, 60, y + 40, 880, 300, _mortgage_rows(c))
    x = width // 2 + 60
    p.text((x, 80), "注册登记机动车信息栏", "serif_bold", 30)
    rows = [("5.车辆类型", "vehicle_type", c.vehicle_type, True), ("6.车辆品牌", "brand", c.brand, False),
            ("7.车辆型号", "model", c.model, False), ("8.车身颜色", "colour", c.colour, False),
            ("9.车辆识别代号/车架号", "vin", c.vin, True), ("10.国产/进口", "origin", "国产", False),
            ("11.发动机号", "engine_no", c.engine_no, False), ("13.燃料种类", "fuel", "柴油", False),
            ("24.总质量", "gross_mass", f"{c.gross_mass_kg}kg", False), ("29.使用性质", "use", c.use, False),
            ("30.车辆获得方式", "acquired_by", "购买", False)]
    y = _boxed_rows(p, x, 130, 880, 300, rows, height=70)
    p.text((x + 400, y + 60), "32.发证机关章", "serif", 22)
    p.paste_multiply(round_seal(c.authority, "", rng, 220, strength=0.7), (x + 560, y - 10))
    p.text((x + 400, y + 170), "33.发证日期", "serif", 22)
    p.field("issued", cn_date(c.issued), (x + 560, y + 170), "sans", 24, label="发证日期")
    return p.finish()


def _summary(c: VehicleRegistration, rng: np.random.Generator) -> RenderedPage:
    width, height = 1240, 1754
    p = Page(width, height, background=(246, 248, 242))
    guilloche(p, (224, 236, 226), rng, lines=26)
    p.text((width / 2, 120), "机动车登记证书", "serif_bold", 60, anchor="mm")
    p.text((120, 220), "No.", "sans", 28, RED)
    p.field("certificate_no", c.certificate_no, (190, 220), "sans", 30, label="登记证书编号", key=True, fill=RED)
    y = 300
    p.text((100, y), "注册登记摘要信息栏", "serif_bold", 30, GREEN)
    items = [("机动车所有人/身份证明名称/号码", "owner", c.owner, True),
             ("登记机关", "authority", c.authority, False), ("登记日期", "registered", cn_date(c.registered), True),
             ("机动车登记编号", "plate", c.plate, True)]
    for n, (label, name, value, key) in enumerate(items, start=1):
        y += 70
        p.text((100, y), f"{n}", "sans_bold", 26)
        p.text((140, y), label, "serif", 26)
        box = p.field(name, value, (140, y + 44), "sans", 27, label=label, key=key, max_width=960)
        if name == "owner":
            p.field("owner_id", f"/{_id(c)}", (box[2] + 4, y + 44), "sans", 27, label="身份证明名称/号码")
        y += 44
    y += 80
    p.text((100, y), "抵押登记摘要信息栏", "serif_bold", 30, GREEN)
    for label, name, value, key in _mortgage_rows(c):
        y += 70
        p.text((140, y), label, "serif", 26)
        if value:
            p.field(name, value, (520, y), "sans", 27, label=label, key=key, max_width=600)
    p.paste_multiply(round_seal(c.authority, "", rng, 230, strength=0.7), (800, y + 80))
    p.field("issued", cn_date(c.issued), (820, y + 380), "sans", 26, label="发证日期")
    return p.finish()


def render(c: VehicleRegistration, rng: np.random.Generator) -> RenderedPage:
    return _spread(c, rng) if c.layout == "spread" else _summary(c, rng)

"""食品经营许可证 in its two formats: the 2015 办法's 副本 (``2015``, portrait: emblem, title, labelled rows
with 日常监督管理机构/人员 and 签发人, licence number, authority seal, QR) and the certificate of the 2023
办法 (``2023``, landscape: the 主体 on the left, the licence number, validity, QR code and complaint line
on the right, no supervisor and no signer, the seal over the date). The
screenshot of its 电子证照 (``electronic``) is drawn by ``food_licence_electronic``."""
from __future__ import annotations

import numpy as np

from seed_data.documents.food_licence import FoodLicence, printed_items
from seed_data.documents.printed import cn_date
from seed_data.render.emblem import emblem
from seed_data.render.layouts import food_licence_electronic
from seed_data.render.layouts.form import guilloche, ornament_border
from seed_data.render.page import Page, RenderedPage
from seed_data.render.qr_block import qr_block
from seed_data.render.seal import round_seal

FRAME = (60, 120, 70)
WIDTH, HEIGHT = 1240, 1754


def _portrait_2015(c: FoodLicence, rng: np.random.Generator) -> RenderedPage:
    p = Page(WIDTH, HEIGHT)
    guilloche(p, (228, 238, 228), rng, lines=20)
    ornament_border(p, FRAME)
    p.image.paste(emblem(130), (WIDTH // 2 - 65, 90), emblem(130))
    p.text((WIDTH / 2, 300), "食品经营许可证", "serif_bold", 76, anchor="mm")
    p.text((WIDTH / 2, 370), "（副　本）", "serif", 30, anchor="mm")
    rows = [("经营者名称", "operator", c.operator, True), ("社会信用代码（身份证号码）", "uscc", c.uscc, True),
            ("法定代表人（负责人）", "representative", c.representative, True), ("住　　所", "address", c.address, False),
            ("经营场所", "premises", c.premises, False), ("主体业态", "category", c.category, True),
            ("经营项目", "items", c.items, False), ("许可证编号", "number", c.number, True),
            ("日常监督管理机构", "supervisor", c.supervisor, False), ("日常监督管理人员", "inspector", "", False),
            ("投诉举报电话", "hotline", "12315", False), ("有效期至", "valid_until", cn_date(c.valid_until), True)]
    y = 450
    for label, name, value, key in rows:
        p.text((120, y), f"{label}：", "serif_bold", 26)
        if value:
            if len(value) > 24:
                p.field_lines(name, value, (480, y), 660, "serif", 26, label=label)
            else:
                p.field(name, value, (480, y), "serif", 28, label=label, key=key, max_width=660)
        y += 72 if len(value) <= 24 else 110
    p.text((700, 1420), "发证机关：", "serif_bold", 26)
    p.text((700, 1470), "签 发 人：", "serif_bold", 26)
    p.field("signer", c.signer, (850, 1470), "serif", 26, label="签发人")
    p.field("issued", cn_date(c.issued), (760, 1530), "serif", 26, label="发证日期", key=True)
    p.paste_multiply(round_seal(c.authority, "", rng, 240), (780, 1330))
    p.image.paste(qr_block(rng, 170), (130, 1400))
    p.text((WIDTH / 2, HEIGHT - 70), "国家市场监督管理总局监制", "serif", 20, anchor="mm")
    return p.finish()


GREEN = (38, 110, 72)
WIDE, TALL = 1600, 1130   # A4 landscape at about 135 dpi


def _certificate_2023(c: FoodLicence, rng: np.random.Generator) -> RenderedPage:
    """The 2023 certificate: 经营者名称, 统一社会信用代码, 法定代表人（负责人）, 住所, 经营场所, 主体业态 and
    经营项目 (《食品经营许可和备案管理办法》 第二十六条) down the left, under the emblem and title; the
    licence number, validity, QR code, complaint line and issuing authority on the right."""
    p = Page(WIDE, TALL)
    guilloche(p, (226, 240, 230), rng, lines=16)
    p.rect((22, 22, WIDE - 22, TALL - 22), width=8, outline=GREEN)
    p.rect((40, 40, WIDE - 40, TALL - 40), width=2, outline=GREEN)
    p.image.paste(emblem(110), (WIDE // 2 - 55, 62), emblem(110))
    p.text((WIDE / 2, 230), "食 品 经 营 许 可 证", "serif_bold", 72, anchor="mm")
    p.line((110, 290, WIDE - 110, 290), 2, GREEN)

    lx, vx, y, width = 110, 420, 330, 560
    rows = [("经营者名称", "operator", c.operator, True), ("统一社会信用代码", "uscc", c.uscc, True),
            ("法定代表人（负责人）", "representative", c.representative, True), ("住　　所", "address", c.address, False),
            ("经营场所", "premises", c.premises, False), ("主体业态", "category", c.category, True)]
    for label, name, value, key in rows:
        p.text((lx, y), label, "sans_bold", 24, max_width=vx - lx - 12)
        p.field(name, value, (vx, y - 2), "serif", 27, label=label, key=key, max_width=width)
        y += 70
    p.text((lx, y), "经营项目", "sans_bold", 24)
    p.field_lines("items", printed_items(c), (vx, y - 2), width, "serif", 25, label="经营项目", max_lines=3)

    p.line((1030, 320, 1030, 900), 1, GREEN)
    rx = 1070
    p.text((rx, 330), "许可证编号", "sans_bold", 24)
    p.field("number", c.number, (rx, 372), "sans_bold", 34, label="许可证编号", key=True, fill=(150, 30, 30))
    p.text((rx, 450), "有 效 期 至", "sans_bold", 24)
    p.field("valid_until", cn_date(c.valid_until), (rx + 170, 448), "serif", 27, label="有效期至", key=True)
    p.image.paste(qr_block(rng, 160), (rx, 510))
    p.text((rx + 180, 560), "扫码查询许可信息", "sans", 18)
    p.text((rx + 180, 590), "及食品安全信用档案", "sans", 18)
    p.text((rx, 700), "投诉举报电话", "sans_bold", 24)
    p.field("hotline", "12315", (rx + 170, 698), "serif", 27, label="投诉举报电话")

    p.text((1080, 860), "发证机关（章）", "serif", 26)
    p.field("issued", cn_date(c.issued), (1080, 930), "serif", 27, label="发证日期", key=True)
    p.paste_multiply(round_seal(c.authority, "", rng, 220), (1120, 790))
    p.text((WIDE / 2, TALL - 80), "食品经营者应当在经营场所的显著位置悬挂、摆放纸质食品经营许可证正本或者展示其电子证书",
           "sans", 17, anchor="mm")
    p.text((WIDE / 2, TALL - 52), "国家市场监督管理总局监制", "serif", 18, anchor="mm")
    return p.finish()


def render(c: FoodLicence, rng: np.random.Generator) -> RenderedPage:
    if c.layout == "electronic":
        return food_licence_electronic.render(c, rng)
    return _certificate_2023(c, rng) if c.layout == "2023" else _portrait_2015(c, rng)

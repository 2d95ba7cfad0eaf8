"""营业执照 in its two national formats: the 2019 format (``landscape``: emblem, title, USCC and QR at the
top, two columns of fields, seal) and the 2014 format's 副本 (``portrait``: emblem and title, the code
right of centre with the QR code to its left, one column of fields with 黑体 labels and 宋体 values, the
seal over the date, the annual-report reminder and the 国家工商行政管理总局 imprint at the foot). The
电子营业执照 screenshot (``electronic``) is drawn by ``business_licence_electronic``."""
from __future__ import annotations

import numpy as np

from seed_data.documents.business_licence import BusinessLicence
from seed_data.documents.printed import cn_date
from seed_data.render.emblem import emblem
from seed_data.render.layouts import business_licence_electronic
from seed_data.render.layouts.form import form_row, guilloche, ornament_border, spaced
from seed_data.render.page import Page, RenderedPage
from seed_data.render.qr_block import qr_block
from seed_data.render.seal import round_seal

FRAME = (176, 74, 52)
WIDTH, HEIGHT = 1600, 1130


def _landscape(c: BusinessLicence, rng: np.random.Generator) -> RenderedPage:
    p = Page(WIDTH, HEIGHT)
    guilloche(p, (238, 226, 214), rng)
    ornament_border(p, FRAME)
    p.image.paste(emblem(130), (WIDTH // 2 - 65, 70), emblem(130))
    p.text((WIDTH / 2, 268), "营 业 执 照", "serif_bold", 92, anchor="mm")
    p.text((WIDTH / 2, 340), "（副　本）", "serif", 30, anchor="mm")
    p.text((110, 100), "统一社会信用代码", "serif_bold", 26)
    p.field("uscc", c.uscc, (110, 140), "serif_bold", 32, label="统一社会信用代码", key=True)
    p.text((110, 192), f"证照编号：{int(rng.integers(10**13, 10**14))}", "serif", 20)
    p.image.paste(qr_block(rng, 170), (1330, 82))
    p.text((1415, 270), "扫描二维码登录“国家企业信用", "serif", 14, anchor="mm")
    p.text((1415, 290), "信息公示系统”了解更多信息", "serif", 14, anchor="mm")

    lx, vx, rx, rvx, y0, step, size = 120, 300, 830, 1010, 420, 70, 28
    left = [("名称", "name", c.name), ("类型", "entity_type", c.entity_type),
            (c.representative_label, "representative", c.representative)]
    for i, (label, name, value) in enumerate(left):
        form_row(p, lx, y0 + i * step, spaced(label, 4), name, value, value_x=vx, max_width=500,
                 key=name != "entity_type", size=size)
    p.text((lx, y0 + 3 * step), "经营范围", "serif_bold", size)
    p.field_lines("scope", c.scope, (vx, y0 + 3 * step), 500, "serif", 24, label="经营范围")
    term = f"{cn_date(c.founded)} 至 {cn_date(c.term_end) if c.term_end else '长期'}"
    if c.individual:
        right = [("组成形式", "form", "个人经营"), ("注册日期", "founded", cn_date(c.founded))]
    else:
        right = [("注册资本", "capital", c.capital or ""), ("成立日期", "founded", cn_date(c.founded)),
                 ("营业期限", "term", term)]
    if c.term_end and c.individual:
        right.append(("营业期限", "term", term))
    for i, (label, name, value) in enumerate(right):
        form_row(p, rx, y0 + i * step, spaced(label, 4), name, value, value_x=rvx, max_width=470, size=size)
    form_row(p, rx, y0 + len(right) * step, spaced("经营场所" if c.individual else "住所", 4), "address", c.address,
             value_x=rvx, max_width=470, size=size)

    p.text((1060, 900), "登记机关", "serif_bold", 30)
    p.field("issued", cn_date(c.issued), (1060, 960), "serif", 28, label="发照日期")
    p.paste_multiply(round_seal(c.authority, "", rng, 230), (1110, 820))
    p.text((WIDTH / 2, 1050), "国家企业信用信息公示系统网址：http://www.gsxt.gov.cn", "serif", 18, anchor="mm")
    p.text((WIDTH / 2, 1078), "国家市场监督管理总局监制", "serif", 16, anchor="mm")
    return p.finish()


OLD_FRAME = (150, 92, 48)
PORTRAIT_WIDTH, PORTRAIT_HEIGHT = 1240, 1754   # A4 at 150 dpi, the 2014 副本's size


def _rosette_border(p: Page, color: tuple[int, int, int], margin: int = 30, band: int = 30) -> None:
    """The 2014 format's frame: a heavy outer rule, a fine inner rule, and a band of small rings
    between them (its engraved rosette chain, simplified)."""
    w, h = p.width, p.height
    p.rect((margin, margin, w - margin, h - margin), width=5, outline=color)
    p.rect((margin + band, margin + band, w - margin - band, h - margin - band), width=1, outline=color)
    mid, r = margin + band / 2, band * 0.28
    for cx in np.arange(margin + band, w - margin - band + 1, band * 0.75):
        for cy in (mid, h - mid):
            p.draw.ellipse((cx - r, cy - r, cx + r, cy + r), outline=color, width=1)
    for cy in np.arange(margin + band, h - margin - band + 1, band * 0.75):
        for cx in (mid, w - mid):
            p.draw.ellipse((cx - r, cy - r, cx + r, cy + r), outline=color, width=1)


def _portrait(c: BusinessLicence, rng: np.random.Generator) -> RenderedPage:
    """The 2014 format's 副本. Positions follow its printing standard where it gives them: the
    统一社会信用代码 label 91.5 mm from the inner frame's left edge and 90 mm below its top, the code
    ending 9 mm from its right edge (about 5.9 px a millimetre here)."""
    width, height = PORTRAIT_WIDTH, PORTRAIT_HEIGHT
    p = Page(width, height)
    guilloche(p, (240, 230, 216), rng, lines=22)
    _rosette_border(p, OLD_FRAME)
    p.image.paste(emblem(150), (width // 2 - 75, 100), emblem(150))
    p.text((width / 2, 340), "营 业 执 照", "serif_bold", 100, anchor="mm")
    p.text((width / 2, 430), "（副　本）", "serif", 34, anchor="mm")
    p.text((width / 2, 476), "（1-1）", "serif", 24, anchor="mm")
    inner_left, inner_right = 60, width - 60
    code_y = 60 + 90 * 5.9
    p.text((inner_left + 91.5 * 5.9, code_y), "统一社会信用代码", "sans_bold", 25, anchor="lm")
    p.field("uscc", c.uscc, (inner_right - 9 * 5.9, code_y), "serif", 27, label="统一社会信用代码", key=True,
            anchor="rm")
    p.image.paste(qr_block(rng, 150), (130, 500))

    # One column: 黑体 labels justified to four characters, 宋体 values at a fixed tab.
    if c.individual:
        rows = [("名称", "name", c.name, True), ("类型", "entity_type", c.entity_type, False),
                ("经营场所", "address", c.address, True), ("经营者", "representative", c.representative, True),
                ("组成形式", "form", "个人经营", True), ("注册日期", "founded", cn_date(c.founded), True)]
        if c.term_end:
            rows.append(("营业期限", "term", f"{cn_date(c.founded)} 至 {cn_date(c.term_end)}", True))
    else:
        rows = [("名称", "name", c.name, True), ("类型", "entity_type", c.entity_type, False),
                ("住所", "address", c.address, True), ("法定代表人", "representative", c.representative, True),
                ("注册资本", "capital", c.capital or "", True), ("成立日期", "founded", cn_date(c.founded), True),
                ("营业期限", "term", f"{cn_date(c.founded)} 至 {cn_date(c.term_end) if c.term_end else '长期'}",
                 True)]
    lx, vx, y, step = 130, 360, 720, 76
    for label, name, value, key in rows:
        p.text((lx, y), spaced(label, 4), "sans_bold", 28)
        p.field(name, value, (vx, y), "serif", 28, label=label, key=key, max_width=inner_right - 60 - vx)
        y += step
    p.text((lx, y), spaced("经营范围", 4), "sans_bold", 28)
    p.field_lines("scope", c.scope, (vx, y), inner_right - 60 - vx, "serif", 26, label="经营范围", max_lines=5)

    p.text((760, 1400), "登记机关", "sans_bold", 30)
    p.field("issued", cn_date(c.issued), (760, 1520), "serif", 28, label="发照日期")
    p.paste_multiply(round_seal(c.authority, "", rng, 240), (790, 1320))
    p.text((130, 1580), "提示：每年1月1日至6月30日通过企业信用信息公示系统", "sans", 20)
    p.text((130, 1610), "报送上一年度年度报告并公示。", "sans", 20)
    p.text((width / 2, 1648), "企业信用信息公示系统网址：http://gsxt.saic.gov.cn", "serif", 18, anchor="mm")
    p.text((width / 2, 1674), "中华人民共和国国家工商行政管理总局监制", "serif", 16, anchor="mm")
    return p.finish()


def render(c: BusinessLicence, rng: np.random.Generator) -> RenderedPage:
    if c.layout == "electronic":
        return business_licence_electronic.render(c, rng)
    return _portrait(c, rng) if c.layout == "portrait" else _landscape(c, rng)

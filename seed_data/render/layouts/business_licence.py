"""营业执照 (副本), landscape: emblem, title, USCC and QR at the top, two columns of fields, seal."""
from __future__ import annotations

import numpy as np

from seed_data.documents.business_licence import BusinessLicence
from seed_data.documents.printed import cn_date
from seed_data.render.emblem import emblem
from seed_data.render.layouts.form import form_row, guilloche, ornament_border, spaced
from seed_data.render.page import Page, RenderedPage
from seed_data.render.qr_block import qr_block
from seed_data.render.seal import round_seal

FRAME = (176, 74, 52)
WIDTH, HEIGHT = 1600, 1130


def render(c: BusinessLicence, rng: np.random.Generator) -> RenderedPage:
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

"""社保缴纳证明 as the city's human-resources bureau prints it (社会保险单位参保证明: unit block, a month
table of insured people and contributions, the bureau's 社会保险业务专用章 and an online check code)
and as 电子税务局 prints it (社会保险费缴费证明: payer block, a table of 费款所属期, 缴费人数, amounts due
and paid, and the date each reached the treasury, under the tax bureau's seal)."""
from __future__ import annotations

import numpy as np

from seed_data.documents.printed import cn_date, money
from seed_data.documents.social_insurance import SocialInsuranceProof
from seed_data.render.page import Page, RenderedPage
from seed_data.render.seal import round_seal
from seed_data.render.table import Column, draw_table


def _hr_bureau(c: SocialInsuranceProof, rng: np.random.Generator) -> RenderedPage:
    width, height = 1240, 1754
    p = Page(width, height)
    p.text((width / 2, 130), "社会保险单位参保证明", "serif_bold", 50, anchor="mm")
    p.text((width / 2, 195), "（企业职工基本养老保险、失业保险、工伤保险、职工基本医疗保险）", "serif", 24, anchor="mm")
    rows = [("单位名称", "holder", c.holder, True), ("统一社会信用代码", "uscc", c.uscc, True),
            ("单位编号", "unit_no", c.unit_no, False), ("参保地", "city", c.city, False)]
    y = 280
    for label, name, value, key in rows:
        p.text((110, y), f"{label}：", "serif", 28)
        p.field(name, value, (370, y), "serif", 28, label=label, key=key, max_width=760)
        y += 60
    latest = c.months[-1]
    lead = p.text((110, y + 20), f"兹证明该单位在我市参加社会保险，截至{latest.month[:4]}年{latest.month[5:]}月参保人数：",
                  "serif", 26)
    box = p.field("insured", f"{latest.insured}人", (lead[2] + 4, y + 20), "serif", 26, label="参保人数", key=True)
    p.text((box[2] + 4, y + 20), "。", "serif", 26)
    p.text((110, y + 70), f"近{len(c.months)}个月缴费情况如下：", "serif", 26)
    cols = [Column("缴费年月", 170, align="center"), Column("参保人数", 140, align="center"),
            Column("缴费基数合计（元）", 220, align="right"), Column("单位缴费（元）", 190, align="right"),
            Column("个人缴费（元）", 150, align="right"), Column("合计（元）", 150, "total", align="right", important=True)]
    table = [[f"{m.month[:4]}年{m.month[5:]}月", str(m.insured), money(m.base_cents), money(m.employer_cents),
              money(m.employee_cents), money(m.total_cents)] for m in c.months]
    y = draw_table(p, 100, y + 120, cols, table, prefix="row", row_height=50, size=22)
    p.text((110, y + 60), "特此证明。", "serif", 26)
    p.text((110, y + 130), f"验证码：{c.check_code}（可登录当地人社公共服务平台核验）", "serif", 22)
    p.text((700, y + 220), c.authority, "serif", 26, max_width=480)
    p.text((700, y + 270), "打印日期：", "serif", 26)
    p.field("issued", cn_date(c.issued), (830, y + 270), "serif", 26, label="打印日期")
    p.paste_multiply(round_seal(c.authority, "社会保险业务专用章", rng, 250), (760, y + 130))
    return p.finish()


def _tax_bureau(c: SocialInsuranceProof, rng: np.random.Generator) -> RenderedPage:
    width, height = 1754, 1240
    p = Page(width, height)
    p.text((width / 2, 100), "社会保险费缴费证明", "sans_bold", 48, anchor="mm")
    p.text((width - 100, 160), "金额单位：元", "sans", 22, anchor="ra")
    p.text((100, 200), "缴费人名称：", "sans", 26)
    p.field("holder", c.holder, (260, 200), "sans", 26, label="缴费人名称", key=True, max_width=700)
    p.text((1000, 200), "纳税人识别号：", "sans", 26)
    p.field("uscc", c.uscc, (1180, 200), "mono", 26, label="纳税人识别号", key=True)
    p.text((100, 250), "社保费缴费编号：", "sans", 26)
    p.field("unit_no", c.unit_no, (310, 250), "mono", 26, label="社保费缴费编号")
    p.text((1000, 250), "本期缴费人数：", "sans", 26)
    p.field("insured", f"{c.months[-1].insured}人", (1180, 250), "sans", 26, label="本期缴费人数", key=True)
    cols = [Column("费款所属期", 260, align="center"), Column("征收品目", 330), Column("缴费人数", 160, align="center"),
            Column("应缴金额", 230, align="right"), Column("实缴金额", 230, "total", align="right", important=True),
            Column("入库日期", 260, align="center")]
    table = [[m.month, "职工基本养老保险（单位+个人）等", str(m.insured), money(m.total_cents), money(m.total_cents),
              f"{m.month}-{int(rng.integers(10, 25)):02d}"] for m in c.months]
    y = draw_table(p, 100, 310, cols, table, prefix="row", row_height=52, size=22, face="sans", header_face="sans")
    p.text((100, y + 50), f"合计实缴金额：{money(sum(m.total_cents for m in c.months))}", "sans", 24)
    p.text((100, y + 110), f"验证码：{c.check_code}", "sans", 22)
    p.text((1100, y + 110), c.authority, "sans", 24, max_width=560)
    p.text((1100, y + 160), "开具日期：", "sans", 24)
    p.field("issued", cn_date(c.issued), (1230, y + 160), "sans", 24, label="开具日期")
    p.paste_multiply(round_seal(c.authority, "征税专用章", rng, 240), (1200, y + 20))
    return p.finish(texture=True)


def render(c: SocialInsuranceProof, rng: np.random.Generator) -> RenderedPage:
    return _tax_bureau(c, rng) if c.layout == "tax_bureau" else _hr_bureau(c, rng)

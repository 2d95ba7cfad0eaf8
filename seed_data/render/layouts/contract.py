"""Contracts on one A4 page: parties, subject, a goods/rent/freight table, the total in words and
figures, clauses, then both parties' signatures under their round company seals (``layout ==
"clause"``). A contract on a government model text (``"model"``) is drawn by ``contract_model``, one on a
large counterparty's template with its 合同要素表 (``"terms_table"``) by ``contract_terms``."""
from __future__ import annotations

import numpy as np

from seed_data.documents.contract import Contract
from seed_data.documents.printed import cn_date, money
from seed_data.render.layouts import contract_model, contract_terms
from seed_data.render.page import Page, RenderedPage
from seed_data.render.seal import round_seal
from seed_data.render.signature import signature
from seed_data.render.table import Column, draw_table

WIDTH, HEIGHT = 1240, 1754
LEFT, RIGHT = 100, 1140
HEADERS = {
    "sales_contract": ("货物名称", "规格型号", "单位", "数量", "单价（元）", "金额（元）"),
    "lease_contract": ("租赁物", "规格/面积", "计租单位", "期数", "单价（元）", "金额（元）"),
    "freight_contract": ("运输方式", "货物类别", "计费单位", "数量", "运价（元）", "金额（元）"),
    "construction_contract": ("工程项目", "工作内容", "单位", "工程量", "综合单价（元）", "金额（元）"),
}
INTRO = ("根据《中华人民共和国民法典》及有关法律法规的规定，甲乙双方本着平等自愿、诚实信用的原则，经友好协商，"
         "就下列事项达成一致，签订本合同，共同遵守。")


def render(c: Contract, rng: np.random.Generator) -> RenderedPage:
    if c.layout == "model":
        return contract_model.render(c, rng)
    if c.layout == "terms_table":
        return contract_terms.render(c, rng)
    p = Page(WIDTH, HEIGHT)
    p.text((WIDTH / 2, 120), "　".join(c.title) if len(c.title) <= 4 else c.title, "serif_bold", 56, anchor="mm")
    p.text((RIGHT - 380, 190), "合同编号：", "serif", 24)
    p.field("number", c.number, (RIGHT - 260, 190), "serif", 24, label="合同编号", key=True)
    y = 250
    for tag, role, side in (("a", c.role_a, c.party_a), ("b", c.role_b, c.party_b)):
        p.text((LEFT, y), f"{role}：", "serif_bold", 28)
        p.field(f"party_{tag}_name", side.name, (LEFT + 230, y), "serif_bold", 28, label=role, key=True,
                max_width=RIGHT - LEFT - 230)
        p.text((LEFT + 40, y + 46), "统一社会信用代码：", "serif", 24)
        p.field(f"party_{tag}_uscc", side.uscc, (LEFT + 260, y + 46), "serif", 24, label="统一社会信用代码", key=True)
        p.text((LEFT + 40, y + 88), "地址：", "serif", 24)
        p.field(f"party_{tag}_address", side.address, (LEFT + 110, y + 88), "serif", 24, label="地址",
                max_width=RIGHT - LEFT - 110)
        y += 150
    p.field_lines("intro", INTRO, (LEFT, y), RIGHT - LEFT, "serif", 24)
    y += 90
    p.field("subject", c.subject, (LEFT, y), "serif", 24, label="标的", max_width=RIGHT - LEFT)
    y += 50
    titles = HEADERS[c.doc_type]
    columns = (Column("序号", 70, None, "center"), Column(titles[0], 250, "name"), Column(titles[1], 180, "spec"),
               Column(titles[2], 100, "unit", "center"), Column(titles[3], 110, "quantity", "right"),
               Column(titles[4], 150, "unit_price", "right"), Column(titles[5], 180, "amount", "right", important=True))
    rows = [(str(i + 1), l.name, l.spec, l.unit, str(l.quantity), money(l.unit_price_cents), money(l.amount_cents))
            for i, l in enumerate(c.lines)]
    y = draw_table(p, LEFT, y, columns, rows, prefix="line", row_height=46, size=22)
    y += 30
    p.text((LEFT, y), "合同总金额：人民币（大写）", "serif_bold", 26)
    p.field("total_capital", c.total_capital, (LEFT + 340, y), "serif_bold", 26, label="合同总金额(大写)", key=True,
            max_width=440)
    p.text((LEFT, y + 48), "（小写）", "serif_bold", 26)
    p.field("total", f"¥{money(c.total_cents)}", (LEFT + 110, y + 48), "serif_bold", 26, label="合同总金额(小写)",
            key=True)
    y += 110
    for i, clause in enumerate(c.clauses):
        p.field_lines(f"clause{i}", clause, (LEFT, y), RIGHT - LEFT, "serif", 24)
        y += 46 if len(clause) < 44 else 82
    p.text((LEFT, y + 10), f"签订地点：{c.place}", "serif", 24)
    p.text((LEFT + 540, y + 10), "签订日期：", "serif", 24)
    p.field("signed", cn_date(c.signed), (LEFT + 660, y + 10), "serif", 24, label="签订日期", key=True)

    sy = max(y + 90, 1420)
    for tag, role, side, x in (("a", c.role_a, c.party_a, LEFT), ("b", c.role_b, c.party_b, LEFT + 540)):
        p.text((x, sy), f"{role[:2]}（盖章）：", "serif", 24)
        p.text((x, sy + 44), side.name, "serif", 22, max_width=470)
        p.text((x, sy + 100), "法定代表人或委托代理人（签字）：", "serif", 22)
        p.paste_multiply(signature(len(side.signatory), rng, 70), (x + 40, sy + 130))
        p.text((x, sy + 220), f"日期：{cn_date(c.signed)}", "serif", 22)
        p.paste_multiply(round_seal(side.name, "合同专用章", rng, 250), (x + 120 + int(rng.integers(-30, 30)),
                                                                    sy - 60 + int(rng.integers(-20, 20))))
    p.text((WIDTH / 2, HEIGHT - 50), "第 1 页 共 1 页", "serif", 20, anchor="mm")
    return p.finish()

"""Contracts on a large counterparty's standard template (``layout == "terms_table"``), one A4 page.

What the real documents look like (source: the contract templates large Chinese firms make their
suppliers, carriers, lessors, tenants and subcontractors sign, as state-owned groups, developers,
general contractors, shopping-centre and logistics-park operators publish them with their tenders
and as legal-practice guides describe them; drawn from that general knowledge, no one firm's text):

- A page header with the issuing firm's name, then the title (采购合同 when the buyer's template,
  销售合同 when the seller's, 房屋租赁合同, 设备租赁合同, 运输服务合同, 建设工程施工合同).
- 第一部分 合同要素表 (also called 合同首部): a ruled table holding every negotiated value, so that the
  legal department's 通用条款 never change. 合同编号 first; the two parties side by side in two columns
  (名称, 统一社会信用代码, 住所, 联系人及电话, 开户银行, 银行账号); then full-width rows per type: the
  标的 (goods, premises and area, equipment, route, or 工程名称 / 工程地点 / 承包范围), a price list
  (报价清单), the 合同金额 in 大写 and 小写, the 履行期限 / 租赁期限 / 合同工期, 结算方式, 签订地点 and
  签订日期.
- 第二部分 通用条款: numbered standard terms, the first saying the 要素表 prevails where they differ;
  the issuer's usual 廉洁 (anti-bribery) term and disputes going to the issuer's own court.
- A ruled signature table: each party's 盖章 cell with its seal, 法定代表人或授权代表（签字）, 日期.

Real templates run to several pages; the contracts here are one page each in every format, so the
通用条款 are the short set a one-page 简式 template prints. The issuer is the side that is not the
merchant (the large counterparty); its role (甲方 or 乙方) follows the content. Values, names and
field names are those of the ``clause`` layout's content record, so fraud edits find them.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

import numpy as np

from seed_data.documents.contract import Contract
from seed_data.documents.identity import Side
from seed_data.documents.printed import cn_date, money
from seed_data.render.fonts import font
from seed_data.render.page import Page, RenderedPage
from seed_data.render.seal import round_seal
from seed_data.render.signature import signature
from seed_data.render.table import Column, draw_table

WIDTH, HEIGHT = 1240, 1754
LEFT, RIGHT = 90, 1150
LABEL = 190                      # the 要素表's label column
MID = LEFT + LABEL + (RIGHT - LEFT - LABEL) // 2   # between the two parties' columns
ROW = 36                         # one-line row of the 要素表
CELL = 19                        # text size in the 要素表 (小五-like)
TERMS = 18                       # text size of the 通用条款
PITCH = 27                       # line pitch of the 通用条款
NO_LINE_START = "，。；：、）》”"   # punctuation a typesetter keeps off the start of a line


@dataclass(frozen=True, slots=True)
class Template:
    """What differs between the types' templates: the wording of their own rows and terms."""
    amount_label: str
    term_label: str
    headers: tuple[str, str, str, str, str, str]
    own_terms: tuple[str, str]          # the type's two terms after 合同构成


TEMPLATES = {
    "sales_contract": Template(
        "合同总价", "交货期限", ("货物名称", "规格型号", "单位", "数量", "单价（元）", "金额（元）"),
        ("质量与验收：卖方交付的货物应符合国家标准、行业标准及双方确认的技术要求；买方收货后七日内验收，"
         "验收合格不免除卖方的质量保证责任。",
         "交付与风险：卖方按合同要素表约定的期限送货至买方指定地点，货物毁损、灭失的风险自买方签收时转移。")),
    "lease_contract": Template(
        "租金总额", "租赁期限", ("租赁物", "规格/面积", "计租单位", "期数", "单价（元）", "金额（元）"),
        ("交付与使用：出租方按约定日期交付租赁物，承租方应按约定用途合理使用，未经出租方书面同意不得转租。",
         "费用承担：租赁期内水、电、燃气、物业管理等使用费用由承租方承担，租赁物的税费由出租方承担。")),
    "machinery_lease": Template(
        "租金总额", "租赁期限", ("设备名称", "规格型号", "计租单位", "数量", "单价（元）", "金额（元）"),
        ("设备交付：出租方按承租方通知将设备运至施工现场，进场时双方共同验收并签署交接单；出租方负责设备"
         "的维修保养，并配备持证操作人员。",
         "计量：设备使用以台班计量，由双方现场人员每月签认台班记录，作为结算依据。")),
    "freight_contract": Template(
        "运费总额", "运输期限", ("运输方式", "货物类别", "计费单位", "数量", "运价（元）", "金额（元）"),
        ("承运责任：承运方应按约定线路和时限将货物安全运达，货物在承运期间灭失、短少、损坏的，"
         "由承运方按实际损失赔偿。",
         "运费结算：运费按双方签认的运单和对账单计算，每月对账一次。")),
    "construction_contract": Template(
        "签约合同价", "合同工期", ("工程项目", "工作内容", "单位", "工程量", "综合单价（元）", "金额（元）"),
        ("工程质量：承包人应按施工图纸、施工规范和国家验收标准施工，工程质量须达到合格标准；"
         "隐蔽工程经发包人验收后方可隐蔽。",
         "安全文明施工：承包人对施工现场的安全生产和文明施工负责，因承包人原因发生的安全事故由承包人承担责任。")),
}


def _kind(c: Contract) -> str:
    return "machinery_lease" if c.doc_type == "lease_contract" and c.merchant_is_a else c.doc_type


def _title(c: Contract) -> str:
    """The template's own title: a buyer's template buys (采购), a seller's sells (销售)."""
    if c.doc_type == "sales_contract":
        return "销售合同" if c.merchant_is_a else "采购合同"
    return {"machinery_lease": "设备租赁合同", "lease_contract": "房屋租赁合同", "freight_contract": "运输服务合同",
            "construction_contract": "建设工程施工合同"}[_kind(c)]


def _dated(d: date) -> str:
    return f"{d.year}年{d.month}月{d.day}日"


def _subject_rows(c: Contract) -> list[tuple[str, str]]:
    """The type's 标的 rows of the 要素表, from the content's one-line subject."""
    kind = _kind(c)
    if kind == "lease_contract":
        m = re.match(r"租赁物：(.*)，面积(\d+)平方米", c.subject)
        premises, area = m.groups() if m else (c.subject.removeprefix("租赁物："), "")
        return [("租赁房屋坐落", premises), ("租赁面积", f"{area}平方米（建筑面积）" if area else "")]
    if kind == "machinery_lease":
        return [("租赁设备", "、".join(l.name.removesuffix("租赁") for l in c.lines) + "，规格型号及数量见下表")]
    if kind == "freight_contract":
        m = re.match(r"运输线路：(.*) 至 (.*)", c.subject)
        origin, dest = m.groups() if m else (c.subject, "")
        return [("运输线路", f"起运地：{origin}　　目的地：{dest}"), ("货物", "普通货物（不含危险品），按甲方每批次运输通知发运")]
    if kind == "construction_contract":
        return [("工程名称", c.subject.removeprefix("工程名称：")), ("工程地点", c.party_a.address),
                ("承包范围", "、".join(l.name for l in c.lines) + "（以已标价工程量清单为准）")]
    return [("合同标的", "货物名称、规格型号、数量及价款详见下表")]


def _term(c: Contract) -> str:
    if c.doc_type == "construction_contract":
        days = (c.end - c.start).days + 1
        return f"计划开工日期{_dated(c.start)}，计划竣工日期{_dated(c.end)}，工期总日历天数{days}天"
    return f"自{_dated(c.start)}起至{_dated(c.end)}止"


def _wrap(text: str, width: float, size: int) -> list[str]:
    """``text`` broken into lines of at most ``width`` pixels, punctuation kept off line starts."""
    f = font("serif", size)
    lines, line = [], ""
    for ch in text:
        if f.getlength(line + ch) > width and line and ch not in NO_LINE_START:
            lines.append(line)
            line = ch
        else:
            line += ch
    return lines + [line] if line else lines


def _rule(p: Page, y: float, x0: int = LEFT) -> None:
    p.line((x0, y, RIGHT, y), width=1)


def _label(p: Page, y: float, height: float, text: str) -> None:
    """A label cell: its text centred, the column rule on its right."""
    p.text((LEFT + LABEL / 2, y + height / 2), text, "serif", CELL, anchor="mm", max_width=LABEL - 12)
    p.line((LEFT + LABEL, y, LEFT + LABEL, y + height), width=1)


def _text_row(p: Page, y: float, label: str, value: str) -> float:
    """A full-width row of plain text, one or two lines tall as the value needs."""
    lines = _wrap(value, RIGHT - LEFT - LABEL - 20, CELL)[:2]
    height = ROW if len(lines) == 1 else ROW + 26
    _label(p, y, height, label)
    for i, line in enumerate(lines):
        p.text((LEFT + LABEL + 10, y + height / 2 + (i - (len(lines) - 1) / 2) * 26), line, "serif", CELL, anchor="lm")
    _rule(p, y + height)
    return y + height


def _parties(p: Page, c: Contract, y: float) -> float:
    """Both parties side by side: a role header, then their particulars row by row."""
    sides = (("a", c.role_a, c.party_a), ("b", c.role_b, c.party_b))
    width = RIGHT - MID - 16
    _label(p, y, ROW, "当事人")
    for centre, (_, role, _) in zip(((LEFT + LABEL + MID) / 2, (MID + RIGHT) / 2), sides):
        p.text((centre, y + ROW / 2), role, "serif_bold", CELL + 1, anchor="mm")
    p.line((MID, y, MID, y + ROW), width=1)
    y += ROW
    _rule(p, y)
    for label in ("名称", "统一社会信用代码", "住所", "联系人及电话", "开户银行", "银行账号"):
        two_lines = label == "住所"
        height = ROW + 24 if two_lines else ROW
        _label(p, y, height, label)
        p.line((MID, y, MID, y + height), width=1)
        for i, (tag, _, side) in enumerate(sides):
            x = (LEFT + LABEL if i == 0 else MID) + 8
            mid = y + height / 2
            if label == "名称":
                p.field(f"party_{tag}_name", side.name, (x, mid), "serif_bold", CELL + 1, label=sides[i][1], key=True,
                        anchor="lm", max_width=width)
            elif label == "统一社会信用代码":
                p.field(f"party_{tag}_uscc", side.uscc, (x, mid), "serif", CELL + 1, label="统一社会信用代码", key=True,
                        anchor="lm", max_width=width)
            elif two_lines:
                p.field_lines(f"party_{tag}_address", side.address, (x, y + 6), width, "serif", CELL - 1,
                              label="住所", line_gap=1.35, max_lines=2)
            else:
                value = {"联系人及电话": f"{side.signatory}　{side.phone}", "开户银行": side.bank,
                         "银行账号": side.account}[label]
                p.text((x, mid), value, "serif", CELL, anchor="lm", max_width=width)
        y += height
        _rule(p, y)
    return y


def _price_list(p: Page, c: Contract, template: Template, y: float) -> float:
    """The 报价清单 rows inside the 要素表, ruled as the table is."""
    h = template.headers
    columns = (Column("序号", 60, None, "center"), Column(h[0], 230, "name"), Column(h[1], 170, "spec"),
               Column(h[2], 100, "unit", "center"), Column(h[3], 100, "quantity", "right"),
               Column(h[4], 170, "unit_price", "right"),
               Column(h[5], RIGHT - LEFT - 830, "amount", "right", important=True))
    rows = [(str(i + 1), l.name, l.spec, l.unit, str(l.quantity), money(l.unit_price_cents), money(l.amount_cents))
            for i, l in enumerate(c.lines)]
    return draw_table(p, LEFT, int(y), columns, rows, prefix="line", row_height=34, header_height=36, size=CELL - 1,
                      line_width=1)


def _amount(p: Page, c: Contract, template: Template, y: float) -> float:
    height = 2 * ROW
    _label(p, y, height, template.amount_label)
    x = LEFT + LABEL + 10
    b = p.text((x, y + ROW / 2 + 2), "人民币（大写）：", "serif", CELL, anchor="lm")
    p.field("total_capital", c.total_capital, (b[2] + 4, y + ROW / 2 + 2), "serif_bold", CELL + 1,
            label=f"{template.amount_label}(大写)", key=True, anchor="lm", max_width=RIGHT - b[2] - 16)
    b = p.text((x, y + ROW * 1.5 - 2), "（小写）：", "serif", CELL, anchor="lm")
    p.field("total", f"¥{money(c.total_cents)}", (b[2] + 4, y + ROW * 1.5 - 2), "serif_bold", CELL + 1,
            label=f"{template.amount_label}(小写)", key=True, anchor="lm")
    _rule(p, y + height)
    return y + height


def _place_and_date(p: Page, c: Contract, y: float) -> float:
    _label(p, y, ROW, "签订地点")
    p.text((LEFT + LABEL + 10, y + ROW / 2), c.place, "serif", CELL, anchor="lm", max_width=MID - LEFT - LABEL - 20)
    p.line((MID, y, MID, y + ROW), width=1)
    p.text((MID + 70, y + ROW / 2), "签订日期", "serif", CELL, anchor="mm")
    p.line((MID + 140, y, MID + 140, y + ROW), width=1)
    p.field("signed", cn_date(c.signed), (MID + 150, y + ROW / 2), "serif", CELL + 1, label="签订日期", key=True,
            anchor="lm")
    return y + ROW


def _terms(p: Page, c: Contract, template: Template, y: float) -> float:
    """第二部分 通用条款, numbered; disputes go to the issuer's own court, as issuers write them."""
    issuer_role = (c.role_b if c.merchant_is_a else c.role_a)[:2]
    terms = ("合同构成：本合同由合同要素表、通用条款及附件组成，合同要素表与通用条款约定不一致的，以合同要素表为准。",
             *template.own_terms,
             "发票：收款方应在每次收款前开具合法有效的增值税发票，付款方收到发票后按合同要素表约定的结算方式付款。",
             "违约责任：任何一方违约，应向守约方支付合同总金额百分之十的违约金；违约金不足以弥补损失的，还应赔偿实际损失。",
             "廉洁条款：双方人员不得索取或收受对方的财物及其他不正当利益；一方违反的，另一方有权解除合同并要求赔偿损失。",
             "保密：双方对履行本合同过程中知悉的对方商业秘密负有保密义务，该义务在合同终止后继续有效。",
             "不可抗力：因不可抗力不能履行合同的，根据其影响部分或全部免除责任，但应及时通知对方并在合理期限内提供证明。",
             f"争议解决：因本合同引起的争议，双方协商解决；协商不成的，向{issuer_role}住所地有管辖权的人民法院提起诉讼。",
             "合同生效：本合同自双方法定代表人或授权代表签字并加盖公章或合同专用章之日起生效，一式肆份，双方各执贰份。")
    p.text((WIDTH / 2, y), "第二部分　通用条款", "serif_bold", 24, anchor="mm")
    y += 30
    for i, term in enumerate(terms):
        head, body = term.split("：", 1)
        b = p.text((LEFT, y), f"{i + 1}. {head}：", "serif_bold", TERMS)
        lines = _wrap(body, RIGHT - b[2] - 4, TERMS)
        p.text((b[2] + 4, y), lines[0], "serif", TERMS)
        rest = "".join(lines[1:])
        for line in _wrap(rest, RIGHT - LEFT - 2 * TERMS, TERMS) if rest else []:
            y += PITCH
            p.text((LEFT + 2 * TERMS, y), line, "serif", TERMS)
        y += PITCH
    return y


def _signatures(p: Page, c: Contract, y: float, rng: np.random.Generator) -> None:
    """The ruled signing table: 盖章 cell (seal over the name), signature, date."""
    half = (RIGHT - LEFT) // 2
    rows = (44, 100, 60, 40)
    p.rect((LEFT, y, RIGHT, y + sum(rows)), width=2)
    p.line((LEFT + half, y, LEFT + half, y + sum(rows)), width=1)
    top = y
    for h in rows[:-1]:
        top += h
        p.line((LEFT, top, RIGHT, top), width=1)
    sides: tuple[tuple[str, Side], ...] = ((c.role_a, c.party_a), (c.role_b, c.party_b))
    for i, (role, side) in enumerate(sides):
        x = LEFT + i * half + 10
        p.text((x, y + rows[0] / 2), f"{role}（盖章）", "serif_bold", CELL + 1, anchor="lm")
        p.text((x, y + rows[0] + rows[1] / 2), side.name, "serif", CELL, anchor="lm", max_width=half - 20)
        b = p.text((x, y + rows[0] + rows[1] + rows[2] / 2), "法定代表人或授权代表（签字）：", "serif", CELL - 1,
                   anchor="lm")
        p.paste_multiply(signature(len(side.signatory), rng, 48), (b[2] + 6, int(y + rows[0] + rows[1]) + 6))
        p.text((x, y + sum(rows[:3]) + rows[3] / 2), f"日期：{cn_date(c.signed)}", "serif", CELL - 1, anchor="lm")
        p.paste_multiply(round_seal(side.name, "合同专用章", rng, 210),
                         (x + 120 + int(rng.integers(-40, 40)), int(y) - 30 + int(rng.integers(-15, 20))))


def render(c: Contract, rng: np.random.Generator) -> RenderedPage:
    template = TEMPLATES[_kind(c)]
    issuer = c.party_b if c.merchant_is_a else c.party_a
    p = Page(WIDTH, HEIGHT)
    p.text((LEFT, 48), issuer.name, "sans", 18)
    p.text((RIGHT, 48), "合同文本", "sans", 18, anchor="ra")
    p.line((LEFT, 78, RIGHT, 78), width=2)
    title = _title(c)
    p.text((WIDTH / 2, 130), "　".join(title) if len(title) <= 4 else title, "serif_bold", 44, anchor="mm")
    p.text((WIDTH / 2, 188), "第一部分　合同要素表", "serif_bold", 24, anchor="mm")
    y = 214
    _label(p, y, ROW, "合同编号")
    p.field("number", c.number, (LEFT + LABEL + 10, y + ROW / 2), "serif_bold", CELL + 1, label="合同编号", key=True,
            anchor="lm")
    _rule(p, y + ROW)
    y = _parties(p, c, y + ROW)
    for label, value in _subject_rows(c):
        y = _text_row(p, y, label, value)
    y = _price_list(p, c, template, y)
    y = _amount(p, c, template, y)
    y = _text_row(p, y, template.term_label, _term(c))
    y = _text_row(p, y, "结算方式", c.clauses[1].split("：", 1)[1])
    y = _place_and_date(p, c, y)
    p.rect((LEFT, 214, RIGHT, y), width=2)
    y = _terms(p, c, template, y + 36)
    _signatures(p, c, y + 24, rng)
    p.text((WIDTH / 2, HEIGHT - 40), "第 1 页 共 1 页", "serif", 18, anchor="mm")
    return p.finish()

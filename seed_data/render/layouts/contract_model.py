"""Contracts on a government model text (示范文本), filled in: ``content.layout == "model"``.

What the real forms look like, and what is drawn here:

- 工业品买卖合同 (State Administration for Industry and Commerce, GF—2000—0101): the form code top left,
  合同编号, 出卖人 above 买受人 with 签订地点 / 签订时间 beside them, 第一条 标的、数量、价款及交（提）货时间
  as a nine-column table (标的名称, 牌号商标, 规格型号, 生产厂家, 计量单位, 数量, 单价, 金额, 交(提)货时间及数量)
  with 合计人民币金额（大写）under it, articles 第二条 to 第十八条 with their blanks filled, and the
  three-column signature table (出卖人 | 买受人 | 鉴(公)证意见) whose rows are 单位名称(章), 住所, 法定代表人,
  委托代理人, 电话, 传真, 开户银行, 账号, 税号 (firms add it for invoicing), 邮政编码.
- 房屋租赁合同 as city housing bureaus publish it: 出租人（甲方）/ 承租人（乙方） blocks with 证件类型 and
  证件号码, 第一条 房屋基本情况 … 第十一条 with the blanks filled (坐落, 建筑面积, 租赁期限, 月租金,
  租金总计 in capitals and figures), the two parties' 签章 lines at the foot, the bureau's 制定 line.
- 货物运输合同 model text: 托运方 / 承运方, "根据国家有关运输规定…", 第一条 货物名称、规格、数量、价款 as a
  table, 起运 / 到达地点, 运输费用、结算方式, and a two-column signature table.

Filled blanks are underlined, as typed-in model forms are. The figures, names and numbers are the same
content record the ``clause`` layout prints; field names are the same, so fraud edits find them.
"""
from __future__ import annotations

import re

import numpy as np

from seed_data.documents.contract import Contract
from seed_data.documents.identity import Side
from seed_data.documents.printed import money
from seed_data.render.fonts import font
from seed_data.render.page import Page, RenderedPage
from seed_data.render.seal import round_seal
from seed_data.render.signature import signature
from seed_data.render.table import Column, draw_table

WIDTH, HEIGHT = 1240, 1754
LEFT, RIGHT = 90, 1150
BODY = 20            # 五号-like body size of the printed forms
GAP = 31             # body line pitch
NO_LINE_START = "，。；：、）》”"   # punctuation a typesetter keeps off the start of a line


def _date(d) -> str:
    """Typed into the form's 年 月 日 blanks: no zero padding."""
    return f"{d.year}年{d.month}月{d.day}日"


def _underlined(p: Page, name: str, value: str, xy: tuple[float, float], width: int, *, label: str,
                key: bool = True, size: int = BODY + 2, face: str = "serif") -> tuple[int, int, int, int]:
    """A filled blank: the value on a rule ``width`` wide."""
    box = p.field(name, value, (xy[0] + 6, xy[1]), face, size, label=label, key=key, max_width=width - 12)
    p.line((xy[0], xy[1] + size + 8, xy[0] + width, xy[1] + size + 8), width=1)
    return box


def _wrapped(p: Page, text: str, x: int, y: float, width: int, size: int = BODY, face: str = "serif",
             indent: int = 0) -> float:
    """Draw ``text`` wrapped to ``width`` (continuation lines indented); return the y after it."""
    f = font(face, size)
    line, first = "", True
    for ch in text:
        room = width - (0 if first else indent)
        if f.getlength(line + ch) > room and line and ch not in NO_LINE_START:
            p.text((x + (0 if first else indent), y), line, face, size)
            y += GAP
            line, first = ch, False
        else:
            line += ch
    if line:
        p.text((x + (0 if first else indent), y), line, face, size)
        y += GAP
    return y


def _articles(p: Page, y: float, articles: list[tuple[str, str]], size: int = BODY) -> float:
    """``(第N条 heading, filled text)`` pairs, the heading bold, the text run on after it."""
    for head, body in articles:
        b = p.text((LEFT, y), head, "serif_bold", size)
        width = RIGHT - b[2] - 8
        f = font("serif", size)
        first = ""
        for ch in body:
            if f.getlength(first + ch) > width and ch not in NO_LINE_START:
                break
            first += ch
        p.text((b[2] + 8, y), first, "serif", size)
        y += GAP
        if len(first) < len(body):
            y = _wrapped(p, body[len(first):], LEFT + 2 * size, y, RIGHT - LEFT - 2 * size, size)
    return y


def _table(p: Page, c: Contract, y: float, columns: list[Column], rows: list[tuple[str, ...]], amount_col: int,
           min_rows: int = 3) -> float:
    """The goods table with blank rows up to ``min_rows`` and a 合计 row carrying the printed total."""
    rows = rows + [("",) * len(columns)] * max(0, min_rows - len(rows))
    bottom = draw_table(p, LEFT, int(y), columns, rows, prefix="line", row_height=40, header_height=56, size=18,
                        line_width=2)
    p.rect((LEFT, bottom, LEFT + sum(col.width for col in columns), bottom + 42), width=2)
    p.text((LEFT + columns[0].width / 2, bottom + 21), "合　计", "serif_bold", 19, anchor="mm")
    x = LEFT + sum(col.width for col in columns[:amount_col])
    for edge in (x, x + columns[amount_col].width):
        p.line((edge, bottom, edge, bottom + 42), width=1)
    p.field("total", f"¥{money(c.total_cents)}", (x + columns[amount_col].width - 8, bottom + 21), "serif_bold", 19,
            label="合计金额(小写)", key=True, anchor="rm", max_width=columns[amount_col].width - 12)
    return bottom + 42


def _capital(p: Page, c: Contract, y: float, label: str) -> float:
    b = p.text((LEFT, y), label, "serif_bold", BODY + 1)
    _underlined(p, "total_capital", c.total_capital, (b[2] + 4, y - 2), RIGHT - b[2] - 4, label=label.rstrip("："))
    return y + GAP + 10


def _sign_table(p: Page, y: float, roles: tuple[str, str], sides: tuple[Side, Side], tags: tuple[str, str],
                rows: tuple[str, ...], id_label: str, rng: np.random.Generator, notary: bool) -> float:
    """Two (or three, with 鉴(公)证意见) columns of the parties' particulars, seals on the name cells."""
    widths = (450, 450, RIGHT - LEFT - 900) if notary else ((RIGHT - LEFT) // 2, (RIGHT - LEFT) // 2)
    height, head = 37, 42
    bottom = y + head + height * len(rows)
    p.rect((LEFT, y, RIGHT, bottom), width=2)
    p.line((LEFT, y + head, LEFT + widths[0] + widths[1], y + head), width=1)
    x = LEFT
    for i, w in enumerate(widths):
        if i:
            p.line((x, y, x, bottom), width=2 if i == 2 else 1)
        x += w
    for i, role in enumerate(roles):
        p.text((LEFT + sum(widths[:i]) + widths[i] / 2, y + head / 2), "　".join(role), "serif_bold", 21, anchor="mm")
    if notary:
        nx = LEFT + widths[0] + widths[1] + 10
        p.text((nx, y + 12), "鉴（公）证意见：", "serif", 17)
        p.text((nx, bottom - 5 * height), "经办人：", "serif", 17)
        p.text((nx, bottom - 4 * height), "鉴（公）证机关（章）", "serif", 17)
        p.text((nx + 40, bottom - 2 * height), "年　月　日", "serif", 17)
    for r, label in enumerate(rows):
        top = y + head + r * height
        if r:
            p.line((LEFT, top, LEFT + widths[0] + widths[1], top), width=1)
        for i, (side, tag) in enumerate(zip(sides, tags)):
            x0 = LEFT + sum(widths[:i]) + 8
            b = p.text((x0, top + height / 2), f"{label}：", "serif", 18, anchor="lm")
            value = {"单位名称（章）": side.name, "住所": side.address, "单位地址": side.address,
                     "法定代表人": side.signatory, "电话": side.phone, "开户银行": side.bank,
                     "账号": side.account}.get(label, "")
            room = widths[i] - (b[2] - x0) - 20
            if label == id_label:
                p.field(f"party_{tag}_uscc", side.uscc, (b[2] + 4, top + height / 2), "serif", 19, label=id_label,
                        key=True, anchor="lm", max_width=room)
            elif label == "委托代理人":
                p.paste_multiply(signature(len(side.signatory), rng, 40), (b[2] + 10, int(top) - 2))
            elif value:
                p.text((b[2] + 4, top + height / 2), value, "serif", 18, anchor="lm", max_width=room)
        if label == "单位名称（章）":
            for i, side in enumerate(sides):
                p.paste_multiply(round_seal(side.name, "合同专用章", rng, 220),
                                 (LEFT + sum(widths[:i]) + 150 + int(rng.integers(-40, 40)),
                                  int(top) - 70 + int(rng.integers(-15, 25))))
    return bottom


def _head(p: Page, c: Contract, title: str, y_title: int = 120) -> None:
    p.text((WIDTH / 2, y_title), title, "serif_bold", 46, anchor="mm")
    b = p.text((RIGHT - 400, y_title + 60), "合同编号：", "serif", 21)
    _underlined(p, "number", c.number, (b[2], y_title + 58), RIGHT - b[2], label="合同编号", size=21)


def _parties(p: Page, c: Contract, y: int, labels: tuple[str, str], order: tuple[str, str]) -> int:
    """Two name lines (``order`` gives which of a/b comes first) with 签订地点 / 签订时间 beside them."""
    sides = {"a": c.party_a, "b": c.party_b}
    right = (("签订地点：", "place", c.place), ("签订时间：", "signed", _date(c.signed)))
    for (label, tag), (rlabel, rname, rvalue) in zip(zip(labels, order), right):
        b = p.text((LEFT, y), label, "serif_bold", 22)
        _underlined(p, f"party_{tag}_name", sides[tag].name, (b[2] + 2, y - 2), 740 - b[2], label=label.rstrip("："))
        b = p.text((770, y), rlabel, "serif", 21)
        if rname == "signed":
            _underlined(p, "signed", rvalue, (b[2], y - 2), RIGHT - b[2], label="签订时间", size=21)
        else:
            p.text((b[2] + 6, y), rvalue, "serif", 21)
            p.line((b[2], y + 29, RIGHT, y + 29), width=1)
        y += 48
    return y


def _sales(c: Contract, rng: np.random.Generator) -> Page:
    p = Page(WIDTH, HEIGHT)
    p.text((LEFT, 50), "GF—2000—0101", "sans", 20)
    _head(p, c, "工业品买卖合同")
    y = _parties(p, c, 225, ("出卖人：", "买受人："), ("b", "a"))
    p.text((LEFT, y + 6), "第一条　标的、数量、价款及交（提）货时间", "serif_bold", BODY + 1)
    y += 44
    columns = [Column("标的名称", 150, "name"), Column("牌号商标", 80), Column("规格型号", 120, "spec"),
               Column("生产厂家", 96), Column("计量单位", 66, "unit", "center"),
               Column("数量", 80, "quantity", "right"), Column("单价（元）", 126, "unit_price", "right"),
               Column("金额（元）", 166, "amount", "right", important=True),
               Column("交（提）货时间及数量", RIGHT - LEFT - 884)]
    due = f"{c.start.month}月{c.start.day}日前交清"
    rows = [(l.name, "/", l.spec, "/", l.unit, str(l.quantity), money(l.unit_price_cents), money(l.amount_cents), due)
            for l in c.lines]
    y = _table(p, c, y, columns, rows, amount_col=7) + 14
    y = _capital(p, c, y, "合计人民币金额（大写）：")
    p.text((LEFT, y - 8), "（注：空格如不够用，可以另接）", "serif", 17)
    y += 26
    articles = [
        ("第二条　质量标准：", "按国家标准执行；无国家标准的，按出卖人企业标准执行。"),
        ("第三条　出卖人对质量负责的条件及期限：", "自交货之日起十二个月内，非买受人使用不当造成的质量问题由出卖人负责。"),
        ("第四条　包装标准、包装物的供应与回收：", "按行业通用标准包装，包装物由出卖人提供，不回收。"),
        ("第五条　随机的必备品、配件、工具数量及供应办法：", "无。"),
        ("第六条　合理损耗标准及计算方法：", "无。"),
        ("第七条　标的物所有权自", "买受人付清全部价款时起转移，但买受人未履行支付价款义务的，标的物属于出卖人所有。"),
        ("第八条　交（提）货方式、地点：", "出卖人送货至买受人指定地点。"),
        ("第九条　运输方式及到达站（港）和费用负担：", "公路运输，运费由出卖人负担。"),
        ("第十条　检验标准、方法、地点及期限：", "买受人收货时当场验收，质量异议应于收货后七日内书面提出。"),
        ("第十一条　成套设备的安装与调试：", "无。"),
        ("第十二条　结算方式、时间及地点：", "银行转账，出卖人开具增值税发票后三十日内付清。"),
        ("第十三条　担保方式（也可另立担保合同）：", "无。"),
        ("第十四条　本合同解除的条件：", "按《中华人民共和国民法典》有关规定执行。"),
        ("第十五条　违约责任：", "任何一方违约，应向守约方支付合同总金额百分之十的违约金。"),
        ("第十六条　合同争议的解决方式：", "本合同在履行过程中发生的争议，由双方当事人协商解决；协商不成的，按下列第"
                                           "（二）种方式解决：（一）提交　　　仲裁委员会仲裁；（二）依法向人民法院起诉。"),
        ("第十七条　本合同自", "双方签字盖章之日起生效。"),
        ("第十八条　其他约定事项：", f"本合同有效期自{_date(c.start)}起至{_date(c.end)}止。"),
    ]
    y = _articles(p, y, articles, size=19) + 10
    rows_ = ("单位名称（章）", "住所", "法定代表人", "委托代理人", "电话", "传真", "开户银行", "账号", "税号", "邮政编码")
    _sign_table(p, y, ("出卖人", "买受人"), (c.party_b, c.party_a), ("b", "a"), rows_, "税号", rng, notary=True)
    return p


def _premises(subject: str) -> tuple[str, str]:
    m = re.match(r"租赁物：(.*)，面积(\d+)平方米", subject)
    return (m.group(1), m.group(2)) if m else (subject.removeprefix("租赁物："), "")


def _lease(c: Contract, rng: np.random.Generator) -> Page:
    p = Page(WIDTH, HEIGHT)
    _head(p, c, "房屋租赁合同", y_title=110)
    p.text((WIDTH / 2, 150), "（示范文本）", "serif", 22, anchor="mm")
    y = 240
    for tag, role, side in (("a", "出租人（甲方）：", c.party_a), ("b", "承租人（乙方）：", c.party_b)):
        b = p.text((LEFT, y), role, "serif_bold", 22)
        _underlined(p, f"party_{tag}_name", side.name, (b[2] + 2, y - 2), RIGHT - b[2] - 2, label=role[:3])
        y += 42
        b = p.text((LEFT + 40, y), "证件类型：营业执照　　证件号码：", "serif", BODY)
        _underlined(p, f"party_{tag}_uscc", side.uscc, (b[2] + 2, y - 2), 360, label="证件号码", size=BODY + 1)
        b = p.text((LEFT + 790, y), "联系电话：", "serif", BODY)
        p.text((b[2] + 4, y), side.phone, "serif", BODY)
        y += 38
        b = p.text((LEFT + 40, y), "通讯地址：", "serif", BODY)
        p.text((b[2] + 4, y), side.address, "serif", BODY, max_width=RIGHT - b[2] - 8)
        y += 50
    y = _wrapped(p, "　　根据《中华人民共和国民法典》及有关法律、法规的规定，甲乙双方在平等、自愿、协商一致的基础上，"
                    "就乙方承租甲方可依法出租的房屋事宜，订立本合同。", LEFT, y, RIGHT - LEFT) + 6
    premises, area = _premises(c.subject)
    line = c.lines[0] if c.lines else None
    monthly = line is not None and line.unit == "月" and line.quantity > 1
    p.text((LEFT, y), "第一条　房屋基本情况", "serif_bold", BODY + 1)
    y += GAP + 4
    y = _wrapped(p, f"（一）房屋坐落于{premises}，建筑面积{area or '　　'}平方米。", LEFT + 40, y, RIGHT - LEFT - 40)
    y = _wrapped(p, "（二）房屋用途：商业经营。房屋权属状况：甲方持有不动产权证书，可依法出租。", LEFT + 40, y,
                 RIGHT - LEFT - 40)
    p.text((LEFT, y + 4), "第二条　租赁期限", "serif_bold", BODY + 1)
    y += GAP + 8
    y = _wrapped(p, f"房屋租赁期自{_date(c.start)}至{_date(c.end)}。甲方应于{_date(c.start)}前将房屋按约定条件交付乙方。",
                 LEFT + 40, y, RIGHT - LEFT - 40)
    p.text((LEFT, y + 4), "第三条　租金及押金", "serif_bold", BODY + 1)
    y += GAP + 8
    rent = (f"（一）租金标准：每月人民币{money(line.unit_price_cents)}元；租金按季支付，每期租金于当期开始前五日内付清。"
            if monthly else "（一）租金标准：按租赁期一次性计收，于房屋交付前付清。")
    y = _wrapped(p, rent, LEFT + 40, y, RIGHT - LEFT - 40)
    b = p.text((LEFT + 40, y), "（二）租金总计：人民币（大写）", "serif", BODY)
    _underlined(p, "total_capital", c.total_capital, (b[2] + 2, y - 2), 430, label="租金总计(大写)")
    b = p.text((b[2] + 440, y), "（¥", "serif", BODY)
    _underlined(p, "total", money(c.total_cents), (b[2] + 2, y - 2), RIGHT - b[2] - 30, label="租金总计(小写)")
    p.text((RIGHT - 24, y), "元）", "serif", BODY)
    y += GAP + 6
    deposit = f"{money(2 * line.unit_price_cents)}元" if monthly else "　　　元"
    y = _wrapped(p, f"（三）押金：人民币{deposit}，租赁期满乙方结清费用并返还房屋后，甲方无息退还。", LEFT + 40, y,
                 RIGHT - LEFT - 40)
    articles = [
        ("第四条　其他费用：", "租赁期内，水费、电费、燃气费、物业管理费、卫生费由乙方承担，房屋租赁税费由甲方承担。"),
        ("第五条　房屋维护及维修：", "甲方应保证房屋及其附属设施处于适用和安全的状态；乙方应合理使用并爱护房屋及其附属设施，"
                                    "因使用不当造成损坏的，由乙方负责维修或赔偿。"),
        ("第六条　转租：", "除甲乙双方另有约定以外，乙方需事先征得甲方书面同意，方可在租赁期内将房屋部分或全部转租给他人。"),
        ("第七条　合同解除：", "经甲乙双方协商一致，可以解除本合同；因不可抗力导致本合同无法继续履行的，本合同自行解除。"),
        ("第八条　违约责任：", "任何一方未按约定履行义务的，应向对方支付相当于一个月租金的违约金；给对方造成损失的，应承担赔偿责任。"),
        ("第九条　合同争议的解决办法：", "本合同项下发生的争议，由双方当事人协商解决；协商不成的，依法向房屋所在地人民法院起诉。"),
        ("第十条　其他约定事项：", "房屋交付时的设施、设备清单及水电表读数另行书面确认，作为本合同附件。"),
        ("第十一条　", "本合同经甲乙双方签字盖章后生效。本合同一式两份，甲乙双方各执一份，具有同等法律效力。"),
    ]
    y = _articles(p, y + 4, articles) + 30
    y = max(y, 1390)
    for i, (role, side) in enumerate((("出租人（甲方）签章：", c.party_a), ("承租人（乙方）签章：", c.party_b))):
        x = LEFT + i * 540
        p.text((x, y), role, "serif", 21)
        p.text((x, y + 44), side.name, "serif", 20, max_width=480)
        p.text((x, y + 96), "委托代理人：", "serif", 20)
        p.paste_multiply(signature(len(side.signatory), rng, 56), (x + 130, int(y) + 78))
        p.text((x, y + 148), f"联系电话：{side.phone}", "serif", 20)
        p.paste_multiply(round_seal(side.name, "合同专用章", rng, 230),
                         (x + 150 + int(rng.integers(-30, 30)), int(y) - 50 + int(rng.integers(-15, 15))))
    b = p.text((LEFT, y + 200), "签约日期：", "serif", 21)
    _underlined(p, "signed", _date(c.signed), (b[2], y + 198), 300, label="签约日期", size=21)
    p.text((LEFT + 540, y + 200), f"签约地点：{c.place}", "serif", 21)
    city = re.match(r"(.+?市)", premises)
    issuer = city.group(1) if city else ""
    p.text((WIDTH / 2, HEIGHT - 60), f"{issuer}住房和城乡建设局　{issuer}市场监督管理局　制定", "serif", 18, anchor="mm")
    return p


def _freight(c: Contract, rng: np.random.Generator) -> Page:
    p = Page(WIDTH, HEIGHT)
    _head(p, c, "货物运输合同")
    y = _parties(p, c, 225, ("托运方：", "承运方："), ("a", "b"))
    y = _wrapped(p, "　　根据国家有关运输规定，经过双方充分协商，特订立本合同，以便双方共同遵守。", LEFT, y + 4,
                 RIGHT - LEFT) + 4
    p.text((LEFT, y), "第一条　货物名称、规格、数量、价款", "serif_bold", BODY + 1)
    y += 40
    columns = [Column("运输方式", 170, "name"), Column("货物名称", 170, "spec"), Column("包装", 110),
               Column("计费单位", 110, "unit", "center"), Column("数量", 110, "quantity", "right"),
               Column("运价（元）", 170, "unit_price", "right"),
               Column("运费（元）", RIGHT - LEFT - 840, "amount", "right", important=True)]
    rows = [(l.name, l.spec, "按货物要求", l.unit, str(l.quantity), money(l.unit_price_cents), money(l.amount_cents))
            for l in c.lines]
    y = _table(p, c, y, columns, rows, amount_col=6) + 14
    y = _capital(p, c, y, "运费总额人民币（大写）：")
    route = re.match(r"运输线路：(.*) 至 (.*)", c.subject)
    origin, dest = route.groups() if route else (c.subject, "")
    articles = [
        ("第二条　包装要求：", "托运方必须按照国家主管机关规定的标准包装；没有统一规定包装标准的，应根据保证货物运输安全的原则"
                              "进行包装，否则承运方有权拒绝承运。"),
        ("第三条　货物起运地点：", f"{origin}；货物到达地点：{dest}。"),
        ("第四条　货物承运日期：", f"{_date(c.start)}起，按托运方每批次通知发运；合同有效期至{_date(c.end)}止。"),
        ("第五条　运输质量及安全要求：", "承运方应按约定期限将货物安全运到；货物在运输途中灭失、短少、变质、污染、损坏的，"
                                         "承运方按货物的实际损失赔偿。"),
        ("第六条　货物装卸责任和方法：", "起运地由托运方负责装车，到达地由收货人负责卸车，承运方派员监装监卸。"),
        ("第七条　收货人领取货物及验收办法：", "收货人凭运单及有效证件提货，当场验收并在运单上签字确认。"),
        ("第八条　运输费用、结算方式：", "运费按每月实际发运量结算，承运方开具增值税发票后三十日内以银行转账方式付清。"),
        ("第九条　各方的权利义务：", "托运方应如实申报货物名称、数量及性质；承运方应按指定线路、期限运输，并对运输过程中"
                                     "货物的安全负责。"),
        ("第十条　违约责任：", "任何一方违约，应向守约方支付合同总金额百分之十的违约金。"),
        ("第十一条　", "本合同在履行过程中发生的争议，由双方协商解决；协商不成的，依法向合同签订地人民法院起诉。"),
        ("第十二条　", "本合同一式两份，双方各执一份，自双方签字盖章之日起生效。"),
    ]
    y = _articles(p, y, articles) + 14
    rows_ = ("单位名称（章）", "单位地址", "法定代表人", "委托代理人", "电话", "开户银行", "账号", "统一社会信用代码")
    _sign_table(p, max(y, 1320), ("托运方", "承运方"), (c.party_a, c.party_b), ("a", "b"), rows_,
                "统一社会信用代码", rng, notary=False)
    return p


def render(c: Contract, rng: np.random.Generator) -> RenderedPage:
    draw = {"sales_contract": _sales, "lease_contract": _lease, "freight_contract": _freight}.get(c.doc_type)
    if draw is None:
        raise ValueError(f"no model text for {c.doc_type!r}")
    return draw(c, rng).finish()

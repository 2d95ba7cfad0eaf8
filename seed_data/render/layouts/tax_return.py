"""增值税及附加税费申报表 as 电子税务局 prints a filed return: the header block (所属期, 识别号, 名称), then
the ruled grid of numbered rows (项目 | 栏次 | four figure columns), every cell printed, zeros as 0.00.
The small-scale form's columns are 本期数 and 本年累计, each split goods / services; the general
taxpayer's are 一般项目 and 即征即退项目, each split 本月数 / 本年累计. Printed returns carry no seal."""
from __future__ import annotations

from collections.abc import Callable

import numpy as np

from seed_data.documents.printed import cn_date, money
from seed_data.documents.tax_return import TaxReturn
from seed_data.render.page import Page, RenderedPage

# (label, 栏次, field name of the cell holding the period's figure or None) per printed row
_SMALL_ROWS = (
    ("一、计税依据", "", None),
    ("（一）应征增值税不含税销售额（3%征收率）", "1", "taxable"),
    ("增值税专用发票不含税销售额", "2", None),
    ("其他增值税发票不含税销售额", "3", "taxable_other"),
    ("（二）应征增值税不含税销售额（5%征收率）", "4", None),
    ("（三）销售使用过的固定资产不含税销售额", "7", None),
    ("（四）免税销售额", "9", "exempt"),
    ("其中：小微企业免税销售额", "10", "exempt_micro"),
    ("未达起征点销售额", "11", None),
    ("其他免税销售额", "12", None),
    ("（五）出口免税销售额", "13", None),
    ("二、税款计算", "", None),
    ("本期应纳税额", "15", "output"),
    ("本期应纳税额减征额", "16", "relief"),
    ("本期免税额", "17", "exempt_tax"),
    ("其中：小微企业免税额", "18", "exempt_tax_micro"),
    ("应纳税额合计", "20", "tax_due"),
    ("本期预缴税额", "21", None),
    ("本期应补（退）税额", "22", "tax_payable"),
    ("三、附加税费", "", None),
    ("城市维护建设税本期应补（退）税额", "23", "city_tax"),
    ("教育费附加本期应补（退）费额", "24", "edu_tax"),
    ("地方教育附加本期应补（退）费额", "25", "local_edu_tax"),
)
_GENERAL_ROWS = (
    ("（一）按适用税率计税销售额", "1", "taxable"),
    ("其中：应税货物销售额", "2", "goods"),
    ("应税劳务销售额", "3", "services"),
    ("纳税检查调整的销售额", "4", None),
    ("（二）按简易办法计税销售额", "5", None),
    ("（三）免、抵、退办法出口销售额", "7", None),
    ("（四）免税销售额", "8", "exempt"),
    ("销项税额", "11", "output"),
    ("进项税额", "12", "input"),
    ("上期留抵税额", "13", None),
    ("进项税额转出", "14", None),
    ("应抵扣税额合计", "17", "deductible"),
    ("实际抵扣税额", "18", "deducted"),
    ("应纳税额", "19", "payable"),
    ("期末留抵税额", "20", None),
    ("应纳税额合计", "24", "tax_due"),
    ("本期已缴税额", "27", None),
    ("本期应补（退）税额", "34", "tax_payable"),
    ("城市维护建设税本期应补（退）税额", "39", "city_tax"),
    ("教育费附加本期应补（退）费额", "40", "edu_tax"),
    ("地方教育附加本期应补（退）费额", "41", "local_edu_tax"),
)
# Key cells: what a credit officer reads off a return (the sales declared and the tax due).
_KEY = frozenset({"taxable", "exempt", "tax_due"})


def _small_values(c: TaxReturn) -> dict[str, tuple[int, int]]:
    """Field → (this period, this year) in cents."""
    surcharge = c.tax_due_cents
    return {"taxable": (c.taxable_cents, c.year_taxable_cents), "taxable_other": (c.taxable_cents, c.year_taxable_cents),
            "exempt": (c.exempt_cents, c.year_exempt_cents), "exempt_micro": (c.exempt_cents, c.year_exempt_cents),
            "output": (c.output_tax_cents, c.output_tax_cents), "relief": (c.relief_cents, c.relief_cents),
            "exempt_tax": (round(c.exempt_cents * 0.03), round(c.year_exempt_cents * 0.03)),
            "exempt_tax_micro": (round(c.exempt_cents * 0.03), round(c.year_exempt_cents * 0.03)),
            "tax_due": (c.tax_due_cents, c.tax_due_cents), "tax_payable": (c.tax_due_cents, c.tax_due_cents),
            "city_tax": (round(surcharge * 0.035), round(surcharge * 0.035)),     # 7% halved (六税两费减半)
            "edu_tax": (round(surcharge * 0.015), round(surcharge * 0.015)),
            "local_edu_tax": (round(surcharge * 0.01), round(surcharge * 0.01))}


def _general_values(c: TaxReturn) -> dict[str, tuple[int, int]]:
    year_output = round(c.year_taxable_cents * c.rate)
    deducted = min(c.relief_cents, c.output_tax_cents)
    return {"taxable": (c.taxable_cents, c.year_taxable_cents),
            "goods": (0, 0) if c.services else (c.taxable_cents, c.year_taxable_cents),
            "services": (c.taxable_cents, c.year_taxable_cents) if c.services else (0, 0),
            "exempt": (c.exempt_cents, c.year_exempt_cents), "output": (c.output_tax_cents, year_output),
            "input": (c.relief_cents, round(year_output * c.relief_cents / max(c.output_tax_cents, 1))),
            "deductible": (c.relief_cents, 0), "deducted": (deducted, 0),
            "payable": (c.tax_due_cents, 0), "tax_due": (c.tax_due_cents, 0), "tax_payable": (c.tax_due_cents, 0),
            "city_tax": (round(c.tax_due_cents * 0.07), 0), "edu_tax": (round(c.tax_due_cents * 0.03), 0),
            "local_edu_tax": (round(c.tax_due_cents * 0.02), 0)}


def _grid(p: Page, c: TaxReturn, top: int, heads: tuple[str, str, tuple[str, str, str, str]],
          rows: tuple[tuple[str, str, str | None], ...], values: dict[str, tuple[int, int]],
          cell: Callable[[str | None, tuple[int, int]], list[tuple[str, str | None]]]) -> int:
    x0, widths, row_h, size = 50, (470, 70, 160, 160, 160, 160), 44, 19
    xs = [x0]
    for w in widths:
        xs.append(xs[-1] + w)
    right = xs[-1]
    group_a, group_b, subs = heads
    p.rect((x0, top, right, top + 2 * row_h + len(rows) * row_h))
    p.text(((xs[0] + xs[1]) / 2, top + row_h), "项　　目", "sans_bold", 20, anchor="mm")
    p.text(((xs[1] + xs[2]) / 2, top + row_h), "栏次", "sans_bold", 20, anchor="mm")
    p.text(((xs[2] + xs[4]) / 2, top + row_h / 2), group_a, "sans_bold", 20, anchor="mm")
    p.text(((xs[4] + xs[6]) / 2, top + row_h / 2), group_b, "sans_bold", 20, anchor="mm")
    p.line((xs[2], top + row_h, right, top + row_h), width=1)
    for i, sub in enumerate(subs):
        p.text(((xs[2 + i] + xs[3 + i]) / 2, top + 1.5 * row_h), sub, "sans", 16, anchor="mm", max_width=widths[2 + i] - 6)
    for x in xs[1:-1]:
        p.line((x, top if x in (xs[1], xs[2], xs[4]) else top + row_h, x, top + (2 + len(rows)) * row_h), width=1)
    y = top + 2 * row_h
    for label, number, name in rows:
        p.line((x0, y, right, y), width=1)
        mid = y + row_h / 2
        indent = 0 if label[0] in "一二三（" else 28
        p.text((x0 + 8 + indent, mid), label, "serif", size, anchor="lm", max_width=widths[0] - 16 - indent)
        if number:
            p.text(((xs[1] + xs[2]) / 2, mid), number, "serif", size, anchor="mm")
            figures = cell(name, values.get(name, (0, 0)) if name else (0, 0))
            for i, (figure, field) in enumerate(figures):
                xy = (xs[3 + i] - 8, mid)
                if field:
                    p.field(field, figure, xy, "mono", size, label=label, key=name in _KEY, anchor="rm")
                else:
                    p.text(xy, figure, "mono", size, anchor="rm")
        y += row_h
    return y


def _header(p: Page, c: TaxReturn, period_label: str, rng: np.random.Generator) -> int:
    width = p.width
    p.text((width / 2, 90), c.title.split("（")[0], "serif_bold", 40, anchor="mm")
    p.text((width / 2, 145), "（" + c.title.split("（", 1)[1], "serif_bold", 30, anchor="mm")
    p.text((50, 205), f"{period_label}：自", "serif", 22)
    box = p.field("period_start", cn_date(c.period_start), (50 + 22 * (len(period_label) + 2), 205), "serif", 22,
                  label=period_label, key=True)
    p.text((box[2] + 6, 205), "至", "serif", 22)
    p.field("period_end", cn_date(c.period_end), (box[2] + 34, 205), "serif", 22, label=period_label, key=True)
    p.text((800, 205), "填表日期：", "serif", 22)
    p.field("filed", cn_date(c.filed), (910, 205), "serif", 22, label="填表日期")
    p.text((50, 250), "纳税人识别号（统一社会信用代码）：", "serif", 22)
    p.field("tax_id", c.tax_id, (420, 250), "mono", 24, label="纳税人识别号", key=True)
    p.text((50, 295), "纳税人名称：", "serif", 22)
    p.field("taxpayer", c.taxpayer, (185, 295), "serif", 22, label="纳税人名称", key=True, max_width=640)
    p.text((width - 50, 295), "金额单位：元（列至角分）", "serif", 20, anchor="ra")
    return 340


def _small_scale(c: TaxReturn, rng: np.random.Generator) -> RenderedPage:
    p = Page(1240, 1754)
    top = _header(p, c, "税款所属期", rng)
    values = _small_values(c)

    def cell(name: str | None, pair: tuple[int, int]) -> list[tuple[str, str | None]]:
        now, year = pair
        now_cols = (0, now) if c.services else (now, 0)
        year_cols = (0, year) if c.services else (year, 0)
        column = 1 if c.services else 0
        return [(money(v), name if name and i == column else None) for i, v in enumerate(now_cols)] + \
               [(money(v), None) for v in year_cols]

    y = _grid(p, c, top, ("本期数", "本年累计", ("货物及劳务", "服务、不动产和无形资产", "货物及劳务", "服务、不动产和无形资产")),
              _SMALL_ROWS, values, cell)
    _footer(p, y, c)
    return p.finish()


def _general(c: TaxReturn, rng: np.random.Generator) -> RenderedPage:
    p = Page(1240, 1754)
    top = _header(p, c, "税款所属时间", rng)
    values = _general_values(c)

    def cell(name: str | None, pair: tuple[int, int]) -> list[tuple[str, str | None]]:
        now, year = pair
        return [(money(now), name), (money(year), None), ("0.00", None), ("0.00", None)]

    y = _grid(p, c, top, ("一般项目", "即征即退项目", ("本月数", "本年累计", "本月数", "本年累计")), _GENERAL_ROWS, values, cell)
    _footer(p, y, c)
    return p.finish()


def _footer(p: Page, y: int, c: TaxReturn) -> None:
    p.text((50, y + 30), "声明：此表是根据国家税收法律法规及相关规定填写的，本人（单位）对填报内容（及附带资料）的", "serif", 19)
    p.text((50, y + 58), "真实性、可靠性、完整性负责。", "serif", 19)
    p.text((50, y + 110), "纳税人（签章）：", "serif", 22)
    p.text((620, y + 110), "受理税务机关：", "serif", 22)
    p.text((780, y + 110), c.authority, "serif", 20, max_width=420)
    p.text((620, y + 150), "受理日期：", "serif", 22)
    p.text((740, y + 150), cn_date(c.filed), "serif", 22)


def render(c: TaxReturn, rng: np.random.Generator) -> RenderedPage:
    return _general(c, rng) if c.layout == "general" else _small_scale(c, rng)

"""增值税及附加税费申报表 into ``TaxReturnRecord``: who declared how much, for which period.

Written from the forms 电子税务局 prints. The header names 税款所属期/税款所属时间 (自…至…), 填表日期,
纳税人识别号 and 纳税人名称; the grid prints one numbered row per item with four figure columns, every
cell filled (0.00 for nothing). On the small-scale form the period's figures are the first two columns
(本期数: goods, services), on the general taxpayer's the first (一般项目 本月数).
"""
from __future__ import annotations

import re
from functools import partial

from extractors.fields import patterns as P
from extractors.fields.reading import Row, find, read_labelled, read_period, row_text, rows_of
from extractors.fields.records import TaxReturnRecord
from extractors.ocr.document import Document
from extractors.text.amounts import table_amounts
from extractors.text.dates import parse_date

_TAXABLE = re.compile(r"应征增值税不含税销售额[(（]?[3３]|按适用税率计税销售额")
# 免税销售额 itself, not 小微企业免税销售额 / 其他免税销售额 / 出口免税销售额 (its breakdown rows)
_EXEMPT = re.compile(r"(?<![微他口])免税销售额")
_TAX_DUE = re.compile(r"应纳税额合计")
# 栏次 of each figure on the two forms (国家税务总局公告2021年第20号)
_ROWS = {"small_scale": {"taxable_sales": "1", "exempt_sales": "9", "tax_due": "20"},
         "general": {"taxable_sales": "1", "exempt_sales": "8", "tax_due": "24"}}
# 栏次: a row number of one or two digits, alone or after the label's last character
_ROW_NUMBER = re.compile(r"^[^0-9]*[0-9]{1,2}$|^[^0-9]*$")


def _four(texts: list[str]) -> list[float] | None:
    figures = [f for text in texts for f in table_amounts(text)]
    return figures if len(figures) == 4 else None   # a dropped or glued cell: columns no longer known


def _figures(rows: list[Row], label: re.Pattern[str], number: str, columns: int) -> tuple[float | None, float | None]:
    """The period's figure of row ``number`` (the sum of the first ``columns`` of its four figures) and
    the lowest OCR confidence it was read at; ``None`` unless all four figures were read.

    The row is found by its number (栏次) first: on a photographed wide grid, the label at the far left
    is often grouped with the row above or below, while the number stays with the figures beside it.
    Failing that, by its label, where the number is not another row's."""
    for row in rows:
        at = next((i for i, cell in enumerate(row) if cell.text == number), None)
        if at is not None and (figures := _four([c.text for c in row[at + 1:]])):
            return round(sum(figures[:columns]), 2), min(c.confidence for c in row[at:])
    for row in rows:
        at = next((i for i, cell in enumerate(row) if label.search(cell.text)), None)
        if at is None:
            continue
        rest = row[at].text[label.search(row[at].text).end():]
        numbers = [t for t in [rest] + [c.text for c in row[at + 1:]] if _ROW_NUMBER.fullmatch(t) and re.search("[0-9]", t)]
        if numbers and re.sub("[^0-9]", "", numbers[0]) != number:
            return None, None   # the label was grouped with another row's figures
        texts = [_ROW_NUMBER.sub("", rest)] + [c.text for c in row[at + 1:] if not _ROW_NUMBER.fullmatch(c.text)]
        figures = _four(texts)
        return (round(sum(figures[:columns]), 2), min(c.confidence for c in row[at:])) if figures else (None, None)
    return None, None


def extract_tax_return(document: Document) -> TaxReturnRecord:
    rows = rows_of(document)
    conf: dict[str, float] = {}
    get = partial(read_labelled, rows, conf)
    title = "".join(row_text(r) for r in rows[:4])
    form = "general" if "一般纳税人" in title else "small_scale" if "小规模" in title else None
    columns = 1 if form == "general" else 2
    start, end = read_period(rows, conf, "税款所属期|税款所属时间|所属期")
    uscc = find(rows, r"纳税人识别号|统一社会信用代码", P.USCC)
    if uscc is not None:
        conf["holder_uscc"] = uscc.confidence
    filed = get("filed", r"填表日期", P.DATE_TEXT)
    values = {}
    for key, label in (("taxable_sales", _TAXABLE), ("exempt_sales", _EXEMPT), ("tax_due", _TAX_DUE)):
        values[key], confidence = _figures(rows, label, _ROWS[form or "small_scale"][key], columns)
        if confidence is not None:
            conf[key] = confidence
    return TaxReturnRecord(form=form, holder_name=get("holder_name", r"纳税人名称", P.NAME),
                           holder_uscc=uscc.value if uscc else None, period_start=start, period_end=end,
                           filed=parse_date(filed) if filed else None, confidence=conf, **values)

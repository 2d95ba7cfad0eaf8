"""不动产权证书 and the older 房屋所有权证 into ``PropertyRecord``.

Written from the two national formats, not from one renderer: the unified certificate prints its
number above a ruled register (权利人, 坐落, 不动产单元号, 面积 "…/房屋建筑面积86.42㎡") and its date
unlabelled, on a line of its own under 登记机构（章）; the older certificate prints 房屋所有权人, 房屋坐落, 登记时间 and the
floor area in a small table under a 建筑面积 header.
"""
from __future__ import annotations

import re
from functools import partial

from extractors.fields import patterns as P
from extractors.fields.reading import Row, date_under_seal, read_labelled, rows_of, search_text
from extractors.fields.records import PropertyRecord
from extractors.ocr.document import Document
from extractors.text.dates import dates_in, parse_date

_NUMBER = re.compile(r"([\u4e00-\u9fff][（(][12][0-9]{3}[)）][\u4e00-\u9fff]{1,16}不动产权第[0-9]{6,8}号"
                     r"|[\u4e00-\u9fff]{1,8}(?:房权证|房地字|房产证|房字)[\u4e00-\u9fff]{0,4}第?[0-9]{4,12}号)")
# GB/T 37346: county 6 + district 6 + parcel 2 letters + 5 digits + building feature 1 letter + 8 digits.
_UNIT = re.compile(r"([0-9]{12}[A-Z]{2}[0-9]{5}[FWL][0-9]{8})")
_AREA = re.compile(r"([0-9]{1,6}\.[0-9]{1,2})")
_OWNER = re.compile(r"([\u4e00-\u9fff][\u4e00-\u9fff（）()·]{1,48})")


def _floor_area(rows: list[Row], conf: dict[str, float]) -> float | None:
    """房屋建筑面积 inline (unified), else the cell under a 建筑面积 header that is not 套内 (old)."""
    inline = search_text(rows, r"房屋建筑面积[:：]?([0-9]{1,6}\.[0-9]{1,2})")
    if inline is not None:
        conf["floor_area_m2"] = inline.confidence
        return float(inline.value)
    for r, row in enumerate(rows[:-1]):
        header = next((c for c in row if "建筑面积" in c.text and "套内" not in c.text and "分摊" not in c.text
                       and "专有" not in c.text), None)
        if header is None:
            continue
        centre = (header.x0 + header.x1) / 2
        for below in rows[r + 1:r + 3]:
            cell = min(below, key=lambda c: abs((c.x0 + c.x1) / 2 - centre))
            hit = _AREA.search(cell.text)
            if hit and cell.x0 <= centre + (header.x1 - header.x0) and cell.x1 >= header.x0:
                conf["floor_area_m2"] = cell.confidence
                return float(hit.group(1))
    return None


def _registered(rows: list[Row], conf: dict[str, float]) -> str | None:
    """登记时间/登记日期 when labelled; else the date the registration centre prints on its own line
    under 登记机构（章） (whose label the seal often blots: "登记租构"), the page's only unlabelled date."""
    labelled = read_labelled(rows, conf, "registered", r"登记(?:时间|日期)", P.DATE_TEXT)
    if labelled is not None:
        return labelled
    alone = date_under_seal(rows)
    if alone is not None:
        conf["registered"] = alone.confidence
    return alone.value if alone else None


def extract_property_certificate(document: Document) -> PropertyRecord:
    rows = rows_of(document)
    conf: dict[str, float] = {}
    get = partial(read_labelled, rows, conf)
    number = search_text(rows, _NUMBER)
    if number is not None:
        conf["number"] = number.confidence
    unit = search_text(rows, _UNIT)
    if unit is not None:
        conf["unit_no"] = unit.confidence
    registered = _registered(rows, conf)
    term = search_text(rows, r"(?:使用期限|使用年限).*?((?:19|20)[0-9]{2}年[0-9]{1,2}月[0-9]{1,2}日)止")
    until = dates_in(term.value)[-1] if term is not None and dates_in(term.value) else None
    return PropertyRecord(
        number=number.value if number else None,
        owner=get("owner", r"房屋所有权人|权利人", _OWNER),
        co_ownership=get("co_ownership", r"共有情况"), location=get("location", r"坐落", r"(.+)"),
        unit_no=unit.value if unit else None, use=get("use", r"^(?:规划)?用途", r"(.+)"),
        floor_area_m2=_floor_area(rows, conf), registered=parse_date(registered) if registered else None,
        land_until=until, confidence=conf)

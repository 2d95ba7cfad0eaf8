"""公路货物运单 and a network freight platform's 电子运单 into ``WaybillRecord``.

A carrier's own 运单 prints the carrier's name above the title. A platform's 电子运单 names the platform
(its brand above the title, the 网络货运经营者 as carrier of record) and the truck's owner as 实际承运人:
``carrier_name`` is the one that hauls, so 实际承运人 wins over 承运人, and on a platform's page the name
above the title (the brand) is never taken for the carrier. Routes print as 起运地/目的地 or 装货地/卸货地,
dates as 托运日期 or a creation time (创建时间 2026-04-05 07:26); the goods may sit in a table under
their column titles (货物名称, 重量（吨）).
"""
from __future__ import annotations

import re
from functools import partial

from extractors.fields import patterns as P
from extractors.fields.reading import find, read_labelled, read_under, row_text, rows_of, search_text
from extractors.fields.records import WaybillRecord
from extractors.ocr.document import Document
from extractors.text.amounts import parse_amount
from extractors.text.dates import parse_date

_KG = re.compile(r"([0-9]+(?:\.[0-9]+)?)(千克|kg|公斤|吨|t)", re.IGNORECASE)
# The same, ungrouped: a labelled read returns a pattern's group 1, which would drop the unit.
_WEIGHT = re.compile(r"[0-9]+(?:\.[0-9]+)?(?:千克|kg|公斤|吨|t)", re.IGNORECASE)
_ORIGIN = r"(?:起运|装货|发货|始发)(?:地点|地)"
_DESTINATION = r"(?:目的|卸货|到达)(?:地点|地)"
# A place read together with the label printed after it on the same line ("佛山市南海区卸货地").
_NEXT_LABEL = re.compile(r"(?:起运|装货|发货|始发|目的|卸货|到达)(?:地点|地)|装货时间|联系电话|电话")
_WEIGHT_COLUMN = re.compile(r"重量[(（](吨|t|千克|kg|公斤)[)）]", re.IGNORECASE)


def _place(text: str | None) -> str | None:
    return _NEXT_LABEL.split(text, maxsplit=1)[0] or None if text else None


def _carrier(rows, get) -> str | None:
    hauler = (get("carrier_name", r"^实际承运人", P.PARTY_NAME)
              or get("carrier_name", r"^承运人(?![签电（(])", P.PARTY_NAME))
    if hauler is not None or any("网络货运" in row_text(row) for row in rows):
        return hauler
    for r, row in enumerate(rows):
        if "运单" in row_text(row):
            above = [P.PARTY_NAME.fullmatch(c.text) for prev in rows[max(0, r - 2):r] for c in prev]
            names = [m.group(1) for m in above if m]
            return names[-1] if names else None
    return None


def _weight_t(rows, get, conf: dict[str, float]) -> float | None:
    weight = get("weight_t", r"重量", _WEIGHT)
    figures = _KG.search(weight) if weight else None
    if figures is None:
        for r, row in enumerate(rows):
            unit = next((m.group(1) for m in map(_WEIGHT_COLUMN.fullmatch, (c.text for c in row)) if m), None)
            if unit is not None:
                value = read_under(rows, conf, "weight_t", _WEIGHT_COLUMN, r"^([0-9]+(?:\.[0-9]+)?)$")
                figures = _KG.fullmatch(f"{value}{unit}") if value else None
                break
    if figures is None:
        return None
    value = float(figures.group(1))
    return round(value / 1000, 3) if figures.group(2).lower() in ("千克", "kg", "公斤") else value


def extract_waybill(document: Document) -> WaybillRecord:
    rows = rows_of(document)
    conf: dict[str, float] = {}
    get = partial(read_labelled, rows, conf)
    number = search_text(rows, r"(YD[0-9]{8,})") or find(rows, r"运单(?:编)?号|No\.?", r"([A-Z0-9]{8,})")
    shipped = get("shipped", r"托运日期|发货日期|创建时间|下单时间|开单日期|制单日期", P.DATE_TEXT)
    goods = read_under(rows, conf, "goods", r"货物名称") or get("goods", r"货物名称")
    freight = get("freight", r"小写", P.AMOUNT_TEXT) or get("freight", r"运费", P.AMOUNT_TEXT)
    return WaybillRecord(
        number=number.value if number else None, shipped=parse_date(shipped) if shipped else None,
        carrier_name=_carrier(rows, get), shipper_name=get("shipper_name", r"^托运人(?!签)", P.PARTY_NAME),
        consignee=get("consignee", r"^收货人(?!签)", P.PERSON), origin=_place(get("origin", _ORIGIN)),
        destination=_place(get("destination", _DESTINATION)), goods=goods, weight_t=_weight_t(rows, get, conf),
        plate=get("plate", r"车牌号", P.PLATE), freight=parse_amount(freight) if freight else None,
        confidence=conf)

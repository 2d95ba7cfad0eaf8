"""公路货物运单 into ``WaybillRecord``. The carrier prints its own name above the title."""
from __future__ import annotations

import re
from functools import partial

from extractors.fields import patterns as P
from extractors.fields.reading import find, read_labelled, row_text, rows_of, search_text
from extractors.fields.records import WaybillRecord
from extractors.ocr.document import Document
from extractors.text.amounts import parse_amount
from extractors.text.dates import parse_date

_KG = re.compile(r"([0-9]+(?:\.[0-9]+)?)(千克|kg|公斤|吨|t)", re.IGNORECASE)


def extract_waybill(document: Document) -> WaybillRecord:
    rows = rows_of(document)
    conf: dict[str, float] = {}
    get = partial(read_labelled, rows, conf)

    carrier = get("carrier_name", r"^承运人(?![签电（(])", P.NAME)
    if carrier is None:
        for r, row in enumerate(rows):
            if "运单" in row_text(row):
                above = [P.NAME.fullmatch(c.text) for prev in rows[max(0, r - 2):r] for c in prev]
                names = [m.group(1) for m in above if m]
                carrier = names[-1] if names else None
                break
    number = search_text(rows, r"(YD[0-9]{8,})") or find(rows, r"运单号|No\.?", r"([A-Z0-9]{8,})")
    shipped = get("shipped", r"托运日期", P.DATE_TEXT)
    weight = get("weight_t", r"重量", _KG)
    weight_t = None
    if weight is not None:
        figures = _KG.search(weight)
        if figures:
            value = float(figures.group(1))
            weight_t = round(value / 1000, 3) if figures.group(2).lower() in ("千克", "kg", "公斤") else value
    freight = get("freight", r"小写", P.AMOUNT_TEXT) or get("freight", r"运费", P.AMOUNT_TEXT)
    return WaybillRecord(
        number=number.value if number else None, shipped=parse_date(shipped) if shipped else None,
        carrier_name=carrier, shipper_name=get("shipper_name", r"^托运人(?!签)", P.NAME),
        consignee=get("consignee", r"^收货人(?!签)", P.PERSON), origin=get("origin", r"起运地"),
        destination=get("destination", r"目的地"), goods=get("goods", r"货物名称"), weight_t=weight_t,
        plate=get("plate", r"车牌号", P.PLATE), freight=parse_amount(freight) if freight else None,
        confidence=conf)

"""采购订单 into ``ContractRecord`` (an order is a contract of sale: the buyer's party A, the supplier's
party B) and 送货单/出库单 into ``DeliveryNoteRecord``.

Written from how purchasing systems and carbonless pads print them: 订单编号/订单号, 采购方/需方/买方 and
供应商/供方/卖方 with their codes, 订单日期; a note's red serial (No.), 收货单位/客户, 送货单位/发货单位,
日期. Both carry a line table whose last column is the amount, and the total in words and figures.
"""
from __future__ import annotations

import re
from functools import partial

from extractors.fields import patterns as P
from extractors.fields.contract import line_amounts
from extractors.fields.reading import find, find_all, read_labelled, rows_of, search_text
from extractors.fields.records import ContractParty, ContractRecord, DeliveryNoteRecord
from extractors.ocr.document import Document
from extractors.text.amounts import parse_amount
from extractors.text.capital import parse_capital
from extractors.text.dates import parse_date

_TOTAL = re.compile(r"([¥]?(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)\.[0-9]{2})")


def _totals(rows, conf: dict[str, float]) -> tuple[float | None, float | None]:
    figures = find(rows, r"小写|¥", _TOTAL) or search_text(rows, r"合计.*?¥([0-9,]+\.[0-9]{2})")
    words = search_text(rows, r"大写[)）]?:?" + P.CAPITAL.pattern)
    if figures is not None:
        conf["amount"] = figures.confidence
    if words is not None:
        conf["amount_capital"] = words.confidence
    return (parse_amount(figures.value) if figures else None, parse_capital(words.value) if words else None)


def extract_purchase_order(document: Document) -> ContractRecord:
    rows = rows_of(document)
    conf: dict[str, float] = {}
    get = partial(read_labelled, rows, conf)
    number = get("number", r"订单编号|订单号|采购单号", r"([A-Z0-9\-]{6,})")
    buyer = get("party_a_name", r"采购方|需方|买方|订货单位", P.NAME)
    seller = get("party_b_name", r"供应商|供方|卖方", P.NAME)
    usccs = find_all(rows, r"统一社会信用代码|社会信用代码|税号", P.USCC)
    for side, hit in zip("ab", usccs):
        conf[f"party_{side}_uscc"] = hit.confidence
    ordered = get("signed", r"订单日期|下单日期|日期", P.DATE_TEXT)
    amount, capital = _totals(rows, conf)
    return ContractRecord(
        doc_type="purchase_order", number=number,
        party_a=ContractParty("buyer", buyer, usccs[0].value if usccs else None),
        party_b=ContractParty("seller", seller, usccs[1].value if len(usccs) > 1 else None), subject=None,
        signed=parse_date(ordered) if ordered else None, start=None, end=None, amount=amount, amount_capital=capital,
        line_amounts=line_amounts(rows), confidence=conf)


def extract_delivery_note(document: Document) -> DeliveryNoteRecord:
    rows = rows_of(document)
    conf: dict[str, float] = {}
    get = partial(read_labelled, rows, conf)
    serial = search_text(rows, r"N[oO0]\.?[:：]?([0-9]{6,8})(?![0-9])")
    # The pad's serial is printed in red beside "No.", which OCR may put on a row of its own.
    lone = next((c for row in rows[:4] for c in row if re.fullmatch(r"[0-9]{6,8}", c.text)), None)
    number = serial.value if serial else lone.text if lone else None
    if number is not None:
        conf["number"] = serial.confidence if serial else lone.confidence
    delivered = get("delivered", r"^日期|送货日期|发货日期", P.DATE_TEXT)
    amount, capital = _totals(rows, conf)
    return DeliveryNoteRecord(
        number=number,
        shipper_name=get("shipper_name", r"送货单位|发货单位|供货单位", P.NAME),
        consignee_name=get("consignee_name", r"收货单位|客户名称|购货单位", P.NAME),
        delivered=parse_date(delivered) if delivered else None, amount=amount, amount_capital=capital,
        line_amounts=line_amounts(rows), confidence=conf)

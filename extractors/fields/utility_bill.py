"""电费通知单 / 水费缴费通知单 into ``UtilityBillRecord``: whose account, which month, how much was used.

Written from the bills State Grid and city water companies print: 户名/用户名称, 户号/用户编号 (digits),
用电地址/用水地址, the month billed (电费年月, 账单月份, 抄表年月), the month's use (本期电量 … 千瓦时,
本月用水量 … 立方米) and the amount due (本期电费, 本期应缴金额, 应缴金额) in figures and in words.
"""
from __future__ import annotations

import re
from functools import partial

from extractors.fields import patterns as P
from extractors.fields.reading import read_labelled, row_text, rows_of, search_text
from extractors.fields.records import UtilityBillRecord
from extractors.ocr.document import Document
from extractors.text.amounts import parse_amount
from extractors.text.capital import parse_capital
from extractors.text.dates import parse_date, parse_month

_MONTH = re.compile(r"((?:19|20)[0-9]{2}[年\-/.][0-9]{1,2}月?)")
_USAGE = re.compile(r"([0-9]+(?:\.[0-9]+)?)(?:千瓦时|kWh|度|立方米|m3|吨)")


def extract_utility_bill(document: Document) -> UtilityBillRecord:
    rows = rows_of(document)
    conf: dict[str, float] = {}
    get = partial(read_labelled, rows, conf)
    head = "".join(row_text(r) for r in rows[:4])
    utility = "water" if "水费" in head or "用水" in head else "electricity" if "电费" in head or "电力" in head else None
    supplier = next((row_text(r).removeprefix("国家电网") for r in rows[:3] if re.search(r"公司|供电局", row_text(r))), None)
    month = get("month", r"电费年月|账单月份|抄表年月|账期", _MONTH)
    usage = get("usage", r"本期电量|本月电量|本月用水量|本期用水量", _USAGE)
    amount = get("amount", r"本期电费|本期应缴金额|应缴金额|本期水费", P.AMOUNT_TEXT)
    words = search_text(rows, r"大写[)）]?:?" + P.CAPITAL.pattern)
    if words is not None:
        conf["amount_capital"] = words.confidence
    due = get("due", r"缴费截止日期|截止日期|请于", P.DATE_TEXT)
    return UtilityBillRecord(
        utility=utility, supplier=supplier, holder_name=get("holder_name", r"户名|用户名称", P.NAME),
        account_no=get("account_no", r"户号|用户编号", r"([0-9]{6,12})"), address=get("address", r"用电地址|用水地址"),
        month=parse_month(month) if month else None, usage=float(usage) if usage else None,
        amount=parse_amount(amount) if amount else None, amount_capital=parse_capital(words.value) if words else None,
        due=parse_date(due) if due else None, confidence=conf)

"""对账单 / 往来款项对账函 into ``AccountStatementRecord`` and 收据 into ``ReceiptRecord``: the informal
papers of trade on account, read with the same names as the formal ones (the merchant's side is the
seller, the customer's the buyer) so that verification checks their parties as it does an invoice's.

Written from what software ledgers, confirmation letters and receipt books print: 客户名称 / 致 (the
customer), 对账期间 or 截止日期, 本期发货(合计), 本期回款(合计), 期末应收余额 / 贵公司欠本公司货款 in figures
and 大写; a receipt's red serial (No.) or 收据编号, 日期, 今收到 / 交款单位, the amount in words and
figures and 收款单位.
"""
from __future__ import annotations

import re
from functools import partial

from extractors.fields import patterns as P
from extractors.fields.reading import read_beside_or_below, read_labelled, read_period, row_text, rows_of, search_text
from extractors.fields.records import AccountStatementRecord, ReceiptRecord
from extractors.ocr.document import Document
from extractors.text.amounts import parse_amount
from extractors.text.capital import parse_capital
from extractors.text.dates import parse_date

# A payer may be a person (两个字 is a whole name: 赵林) as well as a business.
_PAYER = re.compile(r"([\u4e00-\u9fff][\u4e00-\u9fff（）()·]{1,48})")
# The ledger's heading: a name alone on its row (any trade's: 公司, 面馆, 快递点 …), not the title.
_HEADING = re.compile(r"[\u4e00-\u9fff（）()·]{4,48}")


def _capital(rows, conf: dict[str, float], key: str) -> float | None:
    words = search_text(rows, r"大写[)）]?:?" + P.CAPITAL.pattern)
    if words is None:
        return None
    conf[key] = words.confidence
    return parse_capital(words.value)


def _money(value: str | None) -> float | None:
    return parse_amount(value) if value else None


def extract_account_statement(document: Document) -> AccountStatementRecord:
    rows = rows_of(document)
    conf: dict[str, float] = {}
    get = partial(read_labelled, rows, conf)
    letter = any("对账函" in row_text(r) or "询证函" in row_text(r) for r in rows[:4])
    if letter:
        creditor = read_beside_or_below(rows, conf, "seller_name", r"函证单位", P.NAME)
    else:   # the ledger is headed by the name of who keeps it
        top = next((c for r in rows[:2] for c in r if _HEADING.fullmatch(c.text) and "对账" not in c.text), None)
        creditor = top.text if top else None
        if top is not None:
            conf["seller_name"] = top.confidence
    start, end = read_period(rows, conf, "对账期间")
    if end is None:
        cut = get("period_end", r"截止日期|截至", P.DATE_TEXT)
        end = parse_date(cut) if cut else None
    confirmed = get("confirmed", r"确认日期", P.DATE_TEXT)
    return AccountStatementRecord(
        number=get("number", r"单号|编号", r"([A-Z]{1,3}[0-9]{6,})"), seller_name=creditor,
        buyer_name=get("buyer_name", r"客户名称|^致", P.NAME), period_start=start, period_end=end,
        shipped=_money(get("shipped", r"本期发货合计|本期发货", P.AMOUNT_TEXT)),
        received=_money(get("received", r"本期回款合计|本期回款", P.AMOUNT_TEXT)),
        closing=_money(get("closing", r"期末应收余额|欠本公司货款|欠款余额", P.AMOUNT_TEXT)),
        closing_capital=_capital(rows, conf, "closing_capital"),
        confirmed=parse_date(confirmed) if confirmed else None, confidence=conf)


def extract_receipt(document: Document) -> ReceiptRecord:
    rows = rows_of(document)
    conf: dict[str, float] = {}
    get = partial(read_labelled, rows, conf)
    serial = search_text(rows, r"N[oO0]\.?[:：]?([0-9]{6,8})(?![0-9])")
    number = serial.value if serial else get("number", r"收据编号|编号", r"([A-Z]{0,3}[0-9]{6,})")
    if serial is not None:
        conf["number"] = serial.confidence
    issued = get("issued", r"开具日期|^日期|日期", P.DATE_TEXT)
    figures = get("amount", r"小写|^¥|¥", P.AMOUNT_TEXT)
    return ReceiptRecord(
        number=number, issued=parse_date(issued) if issued else None,
        buyer_name=get("buyer_name", r"今收到|交款单位|付款单位", _PAYER),
        seller_name=get("seller_name", r"收款单位", P.NAME), purpose=get("purpose", r"交来|收款事由|事由"),
        amount=_money(figures), amount_capital=_capital(rows, conf, "amount_capital"), confidence=conf)

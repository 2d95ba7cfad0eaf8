"""A payment app's takings into ``PaymentStatementRecord``: the 收款记录 screenshot, or the transaction
proof the platform's operator issues on request (微信支付交易明细证明 by 财付通, 支付宝交易流水证明).

The screen shows a month card (shop name under the title, 本月收入, N笔) and a list of takings signed
"+". The proof prints the holder (户名), the account, a period (交易时间段: date 至 date), a summary
(收入合计: N笔 金额 …元) and a table whose columns it names; each operator orders them its own way, so
a row's amount is read from the column its header calls 金额, its sign from 收/支 (支出 is negative).
"""
from __future__ import annotations

import re
from datetime import date

from extractors.fields import patterns as P
from extractors.fields.reading import Found, Row, find, row_text, rows_of, search_text
from extractors.fields.records import PaymentEntry, PaymentStatementRecord
from extractors.ocr.document import Document
from extractors.text.amounts import parse_amount
from extractors.text.dates import parse_date, parse_month

_ENTRY_AMOUNT = re.compile(r"([+\-][0-9,]+\.[0-9]{2})$")
_WHEN = re.compile(r"([0-9]{2}-[0-9]{2}[0-9]{2}:[0-9]{2})")
_PLATFORM = re.compile(r"(微信支付|支付宝)")
# The holder: 商户名称 on a merchant's statement, 户名/账户名称 on a proof. A letter-spaced "户　　名"
# often loses its lone first character to OCR, leaving "名：" at the start of the span.
_HOLDER_LABEL = re.compile(r"商户名称|^商户(?![单订号])|户名|账户名称|^名[:：]")
_PERIOD_LABEL = "交易时间段|交易时间范围|起止日期|起止时间|查询期间|查询时间段|统计期间"
_PERIOD = re.compile(f"(?:{_PERIOD_LABEL})[:：]?{P.DATE_TEXT.pattern}(?:[0-9]{{2}}:[0-9]{{2}}(?::[0-9]{{2}})?)?"
                     f"(?:至|到|~|～|—)+{P.DATE_TEXT.pattern}")
# The summary's takings: "收入¥…" on the screen, "收入合计：N笔 金额：…元" or "收入：N笔 …元" on a proof
# (read above a proof's table only: a row's 收/支 cell beside its amount is no total).
_TOTAL_LABEL = r"本月收入|收入合计|收入总额|总收入|^收入"
# A proof's table header: the row naming at least three of these columns.
_COLUMN = re.compile(r"交易时间|金额|交易对方|收/支|交易类型|交易单号|交易订单号|商户单号|商家订单号|商品说明|交易方式")
# A cell that begins with a money figure: table cells run together ("41.52" + the order number after it).
_LEADING_MONEY = re.compile(r"^[¥￥]?([0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)\.([0-9]{2})")
_DATETIME = re.compile(r"(?:19|20)[0-9]{2}[-/.]([0-9]{2})[-/.]([0-9]{2})([0-9]{2}:[0-9]{2})")
_FOOTER = re.compile(r"^(?:说明|备注|注[:：])")


def _shop_under_title(rows: list[Row]) -> Found | None:
    """The app prints the shop's name, unlabelled, as the first full-width name under its title."""
    for r, row in enumerate(rows):
        if "收款记录" in row_text(row) or "账单" in row_text(row):
            for below in rows[r + 1:r + 4]:
                name = P.NAME.fullmatch(row_text(below))
                if name and not _PLATFORM.search(name.group(1)):
                    return Found(name.group(1), min(c.confidence for c in below), r, below[0].x0)
    return None


def _header(rows: list[Row]) -> int | None:
    """The index of a proof's table header row, or None (the screen has no table)."""
    return next((r for r, row in enumerate(rows) if len(_COLUMN.findall(row_text(row))) >= 3), None)


def _amount_column(header: Row) -> tuple[float, float] | None:
    """The horizontal extent of the column the header calls 金额: from midway to the header on its
    left to midway to the one on its right (values align right, so they may start left of its title)."""
    for i, cell in enumerate(header):
        if cell.text.startswith("金额"):
            left = (header[i - 1].x1 + cell.x0) / 2 if i > 0 else 0.0
            right = (cell.x1 + header[i + 1].x0) / 2 if i + 1 < len(header) else 1.0
            return left, right
    return None


def _table_entries(rows: list[Row], header: int) -> list[PaymentEntry]:
    """One entry per table row under the header: the amount in the 金额 column (else the first cell
    that begins with a money figure), signed by 收/支, its time as "MM-DD HH:MM" and its kind."""
    column = _amount_column(rows[header])
    entries = []
    for row in rows[header + 1:]:
        if _FOOTER.match(row_text(row)):
            break
        money = [c for c in row if _LEADING_MONEY.match(c.text)]
        if column is not None:
            money = [c for c in money if column[0] <= c.x0 <= column[1]] or money
        if not money:
            continue
        figure = _LEADING_MONEY.match(money[0].text)
        amount = parse_amount(f"{figure.group(1)}.{figure.group(2)}")
        # The 收/支 cell (OCR may join it to the next: "收入*田"); a payer's name may hold the words too.
        direction = next((c.text[:2] for c in row if c.text[:2] in ("收入", "支出")), None)
        if amount is not None and direction == "支出":
            amount = -amount
        when = _DATETIME.search(row_text(row))
        title = next((c.text for c in row if "收款" in c.text), None)
        entries.append(PaymentEntry(title=title, amount=amount,
                                    when=f"{when.group(1)}-{when.group(2)} {when.group(3)}" if when else None))
    return entries


def _screen_entries(rows: list[Row]) -> list[PaymentEntry]:
    """The screen's list: a signed amount at the end of a row, its title and time beside or around it."""
    entries = []
    for r, row in enumerate(rows):
        text = row_text(row)
        amount = _ENTRY_AMOUNT.search(text)
        if amount is None or "本月" in text:
            continue
        title = next((c.text for c in row if "收款" in c.text or "来自" in c.text), None)
        when = _WHEN.search(text)
        if title is None and r > 0:
            title = next((c.text for c in rows[r - 1] if "收款" in c.text), None)
        if when is None and r + 1 < len(rows):
            when = _WHEN.search(row_text(rows[r + 1]))
        entries.append(PaymentEntry(title=title, when=when.group(1)[:5] + " " + when.group(1)[5:] if when else None,
                                    amount=parse_amount(amount.group(1))))
    return entries


def _period(rows: list[Row]) -> tuple[date | None, date | None, Found | None]:
    hit = search_text(rows, _PERIOD)
    if hit is None:
        return None, None, None
    dates = _PERIOD.search(row_text(rows[hit.row]))
    return parse_date(dates.group(1)), parse_date(dates.group(2)), hit


def extract_payment_statement(document: Document) -> PaymentStatementRecord:
    rows = rows_of(document)
    header = _header(rows)
    summary = rows if header is None else rows[:header]   # a table's cells are no summary
    conf: dict[str, float] = {}
    shop = find(rows, _HOLDER_LABEL, P.NAME) or _shop_under_title(rows)
    start, end, period = _period(summary)
    month = find(summary, r"月份", r"((?:19|20)[0-9]{2}年[0-9]{1,2}月)") or search_text(
        summary, r"((?:19|20)[0-9]{2}年[0-9]{1,2}月)(?!.*日)")
    if month is None and start and end and (start.year, start.month) == (end.year, end.month):
        # A period within one calendar month is that month's takings; a longer one is no month's.
        month = Found(f"{end.year}年{end.month}月", period.confidence, period.row, period.x0)
    total = find(summary, _TOTAL_LABEL, P.AMOUNT_TEXT)
    count = search_text(summary, r"([0-9][0-9,]*)笔")
    platform = search_text(rows, _PLATFORM)
    entries = _table_entries(rows, header) if header is not None else _screen_entries(rows)
    for key, hit in (("shop_name", shop), ("month", month), ("month_total", total), ("count", count),
                     ("platform", platform), ("period", period)):
        if hit is not None:
            conf[key] = hit.confidence
    return PaymentStatementRecord(
        platform=platform.value if platform else None, shop_name=shop.value if shop else None,
        month=parse_month(month.value) if month else None,
        month_total=parse_amount(total.value) if total else None,
        count=int(count.value.replace(",", "")) if count else None, entries=tuple(entries),
        period_start=start, period_end=end, confidence=conf)

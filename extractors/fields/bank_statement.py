"""银行账户交易明细 into ``BankStatementRecord``.

Banks print one of two forms. Most print credits and debits in separate columns with nothing else
telling them apart, so each amount on a transaction row goes to the header column (收入/支出/余额)
nearest its horizontal centre. Others (建设银行, 农业银行) print one signed 交易金额 column (−1,234.00
out), a leading 序号, dates as YYYYMMDD, 客户名称 for the holder, 起始日期 and 终止日期 apart, and the
totals as 收入金额 and 支出金额 beside their 笔数.
"""
from __future__ import annotations

import re

from extractors.fields import patterns as P
from extractors.fields.reading import Row, find, row_text, rows_of, search_text
from extractors.fields.records import BankRow, BankStatementRecord
from extractors.ocr.document import Document
from extractors.text.amounts import parse_amount
from extractors.text.dates import dates_in, parse_date

_COLUMNS = {"credit": re.compile(r"收入|贷方|存入"), "debit": re.compile(r"支出|借方|支取"),
            "balance": re.compile(r"余额"), "signed": re.compile(r"交易金额|发生额")}
_DAY = re.compile(r"^(?:19|20)[0-9]{2}(?:-[0-9]{2}-[0-9]{2}|[01][0-9][0-3][0-9](?![0-9]))")
_AMOUNT_CELL = re.compile(r"^-?[0-9,]+\.[0-9]{2}$")
# A bank's logo beside its name is read as a box-like character (口, 回): not part of the name.
# Labels and column heads that follow 户名 on a statement: no holder's name starts with one.
_LABEL = re.compile(r"开户|账号|账户|卡号|币种|起止|查询|打印|交易|摘要|收入|支出|余额|金额")
_BANK = re.compile(r"(?:[口回囗田]?)([\u4e00-\u9fff]{2,12}?银行)")


def _header(rows: list[Row]) -> tuple[int, dict[str, float]] | None:
    for r, row in enumerate(rows):
        centres = {}
        for cell in row:
            for column, pattern in _COLUMNS.items():
                if column not in centres and pattern.search(cell.text) and "户名" not in cell.text:
                    centres[column] = (cell.x0 + cell.x1) / 2
        if ("credit" in centres and "debit" in centres) or ("signed" in centres and "balance" in centres):
            return r, centres
    return None


def _day_cell(row: Row) -> int | None:
    """Where a transaction row's date is: first, or second after a 序号."""
    for i, cell in enumerate(row[:2]):
        if _DAY.match(cell.text) and (i == 0 or re.fullmatch(r"[0-9]{1,3}", row[0].text)):
            return i
    return None


def _day(text: str):
    digits = re.sub(r"[^0-9]", "", text)[:8]
    return parse_date(f"{digits[:4]}-{digits[4:6]}-{digits[6:8]}") if len(digits) == 8 else None


def _transaction(row: Row, centres: dict[str, float], at: int) -> BankRow:
    values: dict[str, float | None] = {"credit": None, "debit": None, "balance": None, "signed": None}
    texts = []
    for cell in row[at + 1:]:
        if _AMOUNT_CELL.match(cell.text):
            centre = (cell.x0 + cell.x1) / 2
            column = min(centres, key=lambda c: abs(centres[c] - centre))
            values[column] = parse_amount(cell.text)
        elif not re.fullmatch(r"[0-9:]+", cell.text):
            texts.append(cell.text)
    names = [t for t in texts if P.NAME.fullmatch(t) and len(t) > 5]
    signed = values["signed"]
    if signed is not None:   # one signed column: what is taken out prints with a minus
        values["credit"], values["debit"] = (signed, None) if signed >= 0 else (None, -signed)
    return BankRow(day=_day(row[at].text), summary=texts[0] if texts else None,
                   counterparty=names[-1] if names else None, credit=values["credit"],
                   debit=values["debit"], balance=values["balance"])


def _debits_by_rows(opening: float, closing: float, rows: list[BankRow]) -> float | None:
    """The sum of the rows' debits, when the rows account for every move from the opening to the closing
    balance: each row's balance is the one before it plus its credit minus its debit, and the last is
    the closing balance. Then the printed rows fix 本期支出合计 exactly. Not derived as opening + total
    credit − closing: 本期收入合计 is the figure a forger edits, and that identity is how it is caught."""
    balance, debits = opening, 0.0
    for row in rows:
        if row.balance is None or abs(balance + (row.credit or 0.0) - (row.debit or 0.0) - row.balance) > 0.005:
            return None
        balance, debits = row.balance, debits + (row.debit or 0.0)
    return round(debits, 2) if rows and abs(balance - closing) <= 0.005 else None


def extract_bank_statement(document: Document) -> BankStatementRecord:
    rows = rows_of(document)
    conf: dict[str, float] = {}
    bank = search_text(rows, _BANK)
    holder = find(rows, r"(?<!对方)户名|客户名称|账户名称", P.NAME)
    if holder is not None and _LABEL.match(holder.value):
        holder = None   # the holder's own name went unread and the next label was taken for it
    account = find(rows, r"账号|卡号", r"([0-9]{12,19})")
    period = find(rows, r"起止日期|查询期间", r"(.+)")
    first = find(rows, r"起始日期|开始日期", P.DATE_TEXT) if period is None else None
    last = find(rows, r"终止日期|截止日期|结束日期", P.DATE_TEXT) if period is None else None
    transactions: list[BankRow] = []
    header = _header(rows)
    if header is not None:
        start, centres = header
        body: list[tuple[Row, int]] = []
        for row in rows[start + 1:]:
            at = _day_cell(row)
            if at is not None:
                body.append((row, at))
            elif re.search(r"余额|合计", row_text(row)):
                break  # the totals under the table
            elif body and all(_AMOUNT_CELL.match(c.text) for c in row):
                # A tilted phone capture drops the right-hand amounts a little below their row's date,
                # and the layout reads them as a row of their own: they finish the row above.
                body[-1] = (body[-1][0] + row, body[-1][1])
        transactions = [_transaction(row, centres, at) for row, at in body]
    opening = find(rows, r"期初余额", P.AMOUNT_TEXT)
    closing = find(rows, r"期末余额", P.AMOUNT_TEXT)
    credit = find(rows, r"收入合计", P.AMOUNT_TEXT) or find(rows, r"收入金额", P.AMOUNT_TEXT)
    debit = find(rows, r"支出合计", P.AMOUNT_TEXT) or find(rows, r"支出金额", P.AMOUNT_TEXT)
    for key, hit in (("bank_name", bank), ("holder_name", holder), ("account", account), ("period", period),
                     ("opening", opening), ("closing", closing), ("total_credit", credit),
                     ("total_debit", debit)):
        if hit is not None:
            conf[key] = hit.confidence
    opening_cny = parse_amount(opening.value) if opening else None
    closing_cny = parse_amount(closing.value) if closing else None
    total_debit = parse_amount(debit.value) if debit else None
    if total_debit is None and opening_cny is not None and closing_cny is not None:
        # The branch seal is stamped over 本期支出合计 and often hides it from OCR.
        total_debit = _debits_by_rows(opening_cny, closing_cny, transactions)
        if total_debit is not None and opening and closing:
            conf["total_debit"] = min(opening.confidence, closing.confidence)
    days = dates_in(period.value) if period else [parse_date(h.value) if h else None for h in (first, last)]
    if first is not None and last is not None:
        conf["period"] = min(first.confidence, last.confidence)
    return BankStatementRecord(
        bank_name=bank.value if bank else None, holder_name=holder.value if holder else None,
        account=account.value if account else None, period_start=days[0] if days else None,
        period_end=days[1] if len(days) > 1 else None, rows=tuple(transactions),
        opening=opening_cny, closing=closing_cny,
        total_credit=parse_amount(credit.value) if credit else None,
        total_debit=total_debit, confidence=conf)

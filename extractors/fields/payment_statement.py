"""A WeChat Pay / Alipay 收款记录 screenshot into ``PaymentStatementRecord``."""
from __future__ import annotations

import re

from extractors.fields import patterns as P
from extractors.fields.reading import Found, Row, find, row_text, rows_of, search_text
from extractors.fields.records import PaymentEntry, PaymentStatementRecord
from extractors.ocr.document import Document
from extractors.text.amounts import parse_amount
from extractors.text.dates import parse_month

_ENTRY_AMOUNT = re.compile(r"([+\-][0-9,]+\.[0-9]{2})$")
_WHEN = re.compile(r"([0-9]{2}-[0-9]{2}[0-9]{2}:[0-9]{2})")
_PLATFORM = re.compile(r"(微信支付|支付宝)")


def _shop_under_title(rows: list[Row]) -> Found | None:
    """The app prints the shop's name, unlabelled, as the first full-width name under its title."""
    for r, row in enumerate(rows):
        if "收款记录" in row_text(row) or "账单" in row_text(row):
            for below in rows[r + 1:r + 4]:
                name = P.NAME.fullmatch(row_text(below))
                if name and not _PLATFORM.search(name.group(1)):
                    return Found(name.group(1), min(c.confidence for c in below), r, below[0].x0)
    return None


def extract_payment_statement(document: Document) -> PaymentStatementRecord:
    rows = rows_of(document)
    conf: dict[str, float] = {}
    shop = find(rows, r"商户(?:名称)?", P.NAME) or _shop_under_title(rows)
    month = find(rows, r"月份", r"((?:19|20)[0-9]{2}年[0-9]{1,2}月)") or search_text(
        rows, r"((?:19|20)[0-9]{2}年[0-9]{1,2}月)(?!.*日)")
    total = find(rows, r"本月收入|收入合计|总收入|^收入", P.AMOUNT_TEXT)
    count = search_text(rows, r"([0-9]+)笔")
    platform = search_text(rows, _PLATFORM)
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
    for key, hit in (("shop_name", shop), ("month", month), ("month_total", total), ("count", count),
                     ("platform", platform)):
        if hit is not None:
            conf[key] = hit.confidence
    return PaymentStatementRecord(
        platform=platform.value if platform else None, shop_name=shop.value if shop else None,
        month=parse_month(month.value) if month else None,
        month_total=parse_amount(total.value) if total else None,
        count=int(count.value) if count else None, entries=tuple(entries), confidence=conf)

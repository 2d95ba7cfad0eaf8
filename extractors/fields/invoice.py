"""增值税专用/普通发票 and 数电票 into ``InvoiceRecord``.

Buyer comes before seller on every layout: the paper forms print the buyer above the goods table and
the seller below it; the digital invoice prints them side by side, buyer on the left. So the first
"名称" and the first tax id are the buyer's, the second the seller's, in reading order, except that
side by side on a tilted photo the seller's line can sit a row higher than the buyer's: two hits a
row or two apart, the second well left of the first, are put left to right.
"""
from __future__ import annotations

import dataclasses
import re

from extractors.fields import patterns as P
from extractors.fields.reading import Found, Row, find, find_all, row_text, rows_of, search_text
from extractors.fields.records import InvoiceLine, InvoiceRecord
from extractors.ocr.document import Document
from extractors.text.amounts import amounts_in, parse_amount
from extractors.text.capital import parse_capital
from extractors.text.dates import parse_date

_RATE = re.compile(r"^([0-9]{1,2}%|免税|不征税)$")


def _line(row: Row) -> InvoiceLine | None:
    rate_at = next((i for i, c in enumerate(row) if _RATE.match(c.text)), None)
    if rate_at is None:
        return None
    before = [a for c in row[:rate_at] for a in amounts_in(c.text)]
    after = [a for c in row[rate_at + 1:] for a in amounts_in(c.text)]
    name = row[0].text if row[0].text.startswith("*") else None
    return InvoiceLine(name=name, amount=before[-1] if before else None, rate=row[rate_at].text,
                       tax=after[0] if after else None)


def _lines_and_totals(rows: list[Row]) -> tuple[tuple[InvoiceLine, ...], list[float]]:
    lines: list[InvoiceLine] = []
    inside = False
    for row in rows:
        text = row_text(row)
        if inside and text.startswith("合") and "价税" not in text:
            return tuple(lines), amounts_in(text)
        if inside:
            line = _line(row)
            if line is not None:
                lines.append(line)
        elif sum(label in text for label in ("金额", "税额", "单价", "数量", "规格型号", "税率")) >= 3:
            inside = True
    return tuple(lines), []


def _tax_ids(hits: list[Found]) -> list[Found]:
    """The hits that are USCCs once a monospaced 0 or 1 read as O or I is folded back, with that value."""
    return [dataclasses.replace(hit, value=code) for hit in hits if (code := P.uscc_read(hit.value))]


SIDE_BY_SIDE_ROWS = 2      # rows apart that two party blocks side by side can land on a tilted photo
SIDE_BY_SIDE_GAP = 0.25    # page widths between the left edges of the buyer's and the seller's blocks


def _buyer_first(hits: list[Found]) -> list[Found]:
    if len(hits) >= 2 and abs(hits[1].row - hits[0].row) <= SIDE_BY_SIDE_ROWS \
            and hits[0].x0 - hits[1].x0 > SIDE_BY_SIDE_GAP:
        return [hits[1], hits[0], *hits[2:]]
    return hits


def extract_invoice(doc_type: str, document: Document) -> InvoiceRecord:
    rows = rows_of(document)
    conf: dict[str, float] = {}
    code = find(rows, r"发票代码", r"([0-9]{10,12})")
    number = find(rows, r"发票号码", r"([0-9]{20}|[0-9]{8})(?![0-9])")
    check = find(rows, r"校验码", r"([0-9]{20})")
    issued = find(rows, r"开票日期", P.DATE_TEXT)
    names = _buyer_first(find_all(rows, r"^名?称", P.NAME))
    # The paper form can push the seller's tax id onto the row below its label; the only 18-character
    # codes an invoice prints are the two parties' tax ids, buyer first.
    tax_ids = _tax_ids(find_all(rows, r"纳税人识别号", P.USCC_READ))
    if len(tax_ids) < 2:
        tax_ids = _tax_ids([dataclasses.replace(hit, row=r) for r in range(len(rows))
                            if (hit := search_text(rows[r:r + 1], P.USCC_READ))])
    tax_ids = _buyer_first(tax_ids)
    total = find(rows, r"小写", P.AMOUNT_TEXT)
    capital = search_text(rows, r"大写[)）]?" + r"[^零壹贰叁肆伍陆柒捌玖拾]*" + P.CAPITAL.pattern)
    lines, totals = _lines_and_totals(rows)
    for key, hit in (("code", code), ("number", number), ("check_code", check), ("issued", issued),
                     ("total", total), ("total_capital", capital)):
        if hit is not None:
            conf[key] = hit.confidence
    for key, hits in (("buyer_name", names[:1]), ("seller_name", names[1:2]),
                      ("buyer_tax_id", tax_ids[:1]), ("seller_tax_id", tax_ids[1:2])):
        if hits:
            conf[key] = hits[0].confidence
    return InvoiceRecord(
        doc_type=doc_type, code=code.value if code else None, number=number.value if number else None,
        check_code=check.value if check else None, issued=parse_date(issued.value) if issued else None,
        buyer_name=names[0].value if names else None, buyer_tax_id=tax_ids[0].value if tax_ids else None,
        seller_name=names[1].value if len(names) > 1 else None,
        seller_tax_id=tax_ids[1].value if len(tax_ids) > 1 else None,
        amount=totals[0] if totals else None, tax=totals[1] if len(totals) > 1 else None,
        total=parse_amount(total.value) if total else None,
        total_capital=parse_capital(capital.value) if capital else None, lines=lines, confidence=conf)

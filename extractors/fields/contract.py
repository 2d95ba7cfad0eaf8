"""购销/租赁/运输/建设工程合同 into ``ContractRecord``: parties with their roles, amounts, dates.

Written for contracts as firms draft them (甲方（卖方）：name, its USCC under it, a table, the total in
words and figures) and as the government model texts print them filled in (出卖人/买受人 with a
signature table of 住所 … 税号 at the foot, 出租人（甲方）with 证件号码, 托运方/承运方); who is who is read
by ``parties``. The total is the labelled 小写 figure, else the figure in "（¥ … 元）" after the total in
words, else the figure on the table's 合计 row. Seals are round and their text curved, which OCR rarely
reads: ``seal_present`` is ``True`` only when seal text (…专用章) was read, else ``None``; signatures are
handwriting OCR cannot confirm, so ``signature_present`` stays ``None``.
"""
from __future__ import annotations

import re

from extractors.fields import patterns as P
from extractors.fields.parties import ROLES, assign_codes, read_headings
from extractors.fields.reading import Found, find, row_text, rows_of, search_text
from extractors.fields.records import ContractParty, ContractRecord
from extractors.ocr.document import Document
from extractors.text.amounts import parse_amount, table_amounts
from extractors.text.capital import parse_capital
from extractors.text.dates import parse_date

__all__ = ["DEFAULT_ROLES", "ROLES", "extract_contract", "line_amounts"]

DEFAULT_ROLES = {"sales_contract": ("buyer", "seller"), "lease_contract": ("lessor", "lessee"),
                 "freight_contract": ("shipper", "carrier"), "construction_contract": ("employer", "contractor")}
_DATE = P.DATE_TEXT.pattern
# 合同期限：自…起至…止 / 租赁期自…至… / 有效期自…起至…止: 起 and 止 are optional in the forms.
_TERM = re.compile(rf"自{_DATE}起?至{_DATE}")
_SIGNED = r"签订日期|签订时间|签约日期|签约时间|签署日期|签订日|签约日"
# A total labelled in words other than 小写 ("合同总价：¥…", "价款合计：…").
_TOTAL_LABEL = r"合同总(?:金额|价款|价|额)|总金额|总价款|总价|合计金额|价款合计|租金总[计额]|运费总[计额]"
# "（¥463,227.00元）" after a total in words; OCR may drop the bracket or read the yuan sign as Y.
_YUAN_BRACKETED = re.compile(r"[(（]?[¥￥Y]\s?((?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)\.[0-9]{2})")
_TOTAL_ROW = re.compile(r"^(?:合\s*计|总\s*计)(?!人民币|金额[(（]?大写)")
_LONE_FIGURE = re.compile(r"[¥￥]?(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)\.[0-9]{2}")
_HEADER_PRICE = ("数量", "单价", "运价")
_HEADER_AMOUNT = ("金额", "运费", "租金", "价款", "总价")


def _parties(rows, doc_type: str, conf: dict[str, float]) -> tuple[ContractParty, ContractParty]:
    defaults = DEFAULT_ROLES.get(doc_type, ("party_a", "party_b"))
    headings = {h.slot: h for h in read_headings(rows, defaults)}
    codes = assign_codes(rows, list(headings.values()))
    parties = []
    for slot, tag in enumerate("ab"):
        heading, code = headings.get(slot), codes.get(slot)
        if heading is not None:
            conf[f"party_{tag}_name"] = heading.confidence
        if code is not None:
            conf[f"party_{tag}_uscc"] = code.confidence
        parties.append(ContractParty(role=(heading.role if heading and heading.role else defaults[slot]),
                                     name=heading.name if heading else None, uscc=code.value if code else None))
    return parties[0], parties[1]


def line_amounts(rows) -> tuple[float | None, ...]:
    """The last figure on each table row between the header (数量/单价 and 金额/运费/租金…) and the
    total: the amount column is the rightmost, and the unit price cell beside it is often read glued
    to it."""
    amounts: list[float | None] = []
    inside = False
    for r, row in enumerate(rows):
        text = row_text(row)
        if "合同总金额" in text or "合计" in text or "总计" in text:
            break
        if inside and _LONE_FIGURE.fullmatch(text) and r + 1 < len(rows) and _TOTAL_ROW.match(rows[r + 1][0].text):
            break                     # the 合计 row's figure, put on a row of its own by a tilted photo
        if inside:
            found = table_amounts(text)
            if found:
                amounts.append(found[-1])
        elif any(w in text for w in _HEADER_AMOUNT) and any(w in text for w in _HEADER_PRICE):
            inside = True
    return tuple(amounts)


def _total(rows) -> Found | None:
    """The total in figures: labelled 小写, else in "（¥…元）", else the last figure of a 合计 row."""
    labelled = find(rows, r"小写", P.AMOUNT_TEXT) or find(rows, _TOTAL_LABEL, P.AMOUNT_TEXT)
    if labelled is not None:
        return labelled
    for r, row in enumerate(rows):
        text = row_text(row)
        if "大写" in text or "总计" in text or "总额" in text:
            hit = _YUAN_BRACKETED.search(text)
            if hit:
                return Found(hit.group(1), min(c.confidence for c in row), r, row[0].x0)
    for r, row in enumerate(rows):
        if not _TOTAL_ROW.match(row[0].text):
            continue
        # A tilted photo can put the row's figure on a row of its own just above or below the label.
        for near in (row, *(rows[n] for n in (r - 1, r + 1) if 0 <= n < len(rows))):
            figures = table_amounts(row_text(near))
            if figures and (near is row or _LONE_FIGURE.fullmatch(row_text(near))):
                return Found(f"{figures[-1]:.2f}", min(c.confidence for c in near), r, near[0].x0)
    return None


def extract_contract(doc_type: str, document: Document) -> ContractRecord:
    rows = rows_of(document)
    conf: dict[str, float] = {}
    number = find(rows, r"合同编号", r"([A-Z0-9\-]{6,})")
    party_a, party_b = _parties(rows, doc_type, conf)
    subject = find(rows, r"标的物|租赁物|运输线路|标的|工程名称", P.CJK)
    # Else the date of the signing blocks ("日期：…" under the seals), where many contracts put it.
    signed = find(rows, _SIGNED, P.DATE_TEXT) or find(rows, r"^日期", P.DATE_TEXT)
    total = _total(rows)
    capital = search_text(rows, r"大写[)）]?:?" + P.CAPITAL.pattern)
    term = search_text(rows, _TERM)
    start = end = None
    if term is not None:
        match = _TERM.search(row_text(rows[term.row]))
        if match:
            start, end = parse_date(match.group(1)), parse_date(match.group(2))
    seal = search_text(rows, r"(合同专用章|公章|财务专用章)")
    for key, hit in (("number", number), ("subject", subject), ("signed", signed), ("amount", total),
                     ("amount_capital", capital)):
        if hit is not None:
            conf[key] = hit.confidence
    return ContractRecord(
        doc_type=doc_type, number=number.value if number else None, party_a=party_a, party_b=party_b,
        subject=subject.value if subject else None, signed=parse_date(signed.value) if signed else None,
        start=start, end=end, amount=parse_amount(total.value) if total else None,
        amount_capital=parse_capital(capital.value) if capital else None, line_amounts=line_amounts(rows),
        seal_present=True if seal else None, signature_present=None, confidence=conf)

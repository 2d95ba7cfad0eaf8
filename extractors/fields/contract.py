"""购销/租赁/运输/建设工程合同 into ``ContractRecord``: parties with their roles, amounts, dates.

Party A and B print as "甲方（卖方）：name" followed by their USCC; the role in brackets says who is
seller, buyer, lessor, lessee, carrier, shipper, employer (发包人) or contractor (承包人). Seals are round and their text curved, which OCR
rarely reads: ``seal_present`` is ``True`` only when seal text (…专用章) was read, else ``None``;
signatures are handwriting OCR cannot confirm, so ``signature_present`` stays ``None``.
"""
from __future__ import annotations

import re

from extractors.fields import patterns as P
from extractors.fields.reading import find, find_all, row_text, rows_of, search_text
from extractors.fields.records import ContractParty, ContractRecord
from extractors.ocr.document import Document
from extractors.text.amounts import parse_amount, table_amounts
from extractors.text.capital import parse_capital
from extractors.text.dates import parse_date

ROLES = {"卖方": "seller", "供方": "seller", "销售方": "seller", "买方": "buyer", "需方": "buyer",
         "采购方": "buyer", "出租方": "lessor", "出租人": "lessor", "承租方": "lessee", "承租人": "lessee",
         "承运方": "carrier", "承运人": "carrier", "托运方": "shipper", "托运人": "shipper",
         "发包人": "employer", "发包方": "employer", "承包人": "contractor", "承包方": "contractor",
         "分包人": "contractor", "分包方": "contractor"}
DEFAULT_ROLES = {"sales_contract": ("buyer", "seller"), "lease_contract": ("lessor", "lessee"),
                 "freight_contract": ("shipper", "carrier"), "construction_contract": ("employer", "contractor")}
_PARTY = re.compile(r"^([甲乙])方[(（]?([\u4e00-\u9fff]{2,3})?[)）]?")
_TERM = re.compile(r"自((?:19|20)[0-9]{2}年[0-9]{1,2}月[0-9]{1,2}日)起至((?:19|20)[0-9]{2}年[0-9]{1,2}月[0-9]{1,2}日)")


def _parties(rows, doc_type: str, conf: dict[str, float]) -> tuple[ContractParty, ContractParty]:
    defaults = DEFAULT_ROLES.get(doc_type, ("party_a", "party_b"))
    found: dict[str, tuple[str, str | None]] = {}
    for r, row in enumerate(rows):
        text = row_text(row)
        match = _PARTY.match(text)
        if match is None or match.group(1) in found or "盖章" in text or "签字" in text:
            continue
        name = P.NAME.search(re.sub(r"^[:：]", "", text[match.end():]))
        if name is None:
            continue
        side = match.group(1)
        role = ROLES.get(match.group(2) or "", defaults[0 if side == "甲" else 1])
        found[side] = (role, name.group(1))
        conf[f"party_{'a' if side == '甲' else 'b'}_name"] = min(c.confidence for c in row)
    usccs = find_all(rows, r"统一社会信用代码|社会信用代码", P.USCC)
    parties = []
    for i, side in enumerate("甲乙"):
        role, name = found.get(side, (defaults[i], None))
        uscc = usccs[i].value if len(usccs) > i else None
        if uscc:
            conf[f"party_{'ab'[i]}_uscc"] = usccs[i].confidence
        parties.append(ContractParty(role=role, name=name, uscc=uscc))
    return parties[0], parties[1]


def line_amounts(rows) -> tuple[float | None, ...]:
    """The last figure on each table row between the header (…金额…) and the total: the amount column
    is the rightmost, and the unit price cell beside it is often read glued to it."""
    amounts: list[float | None] = []
    inside = False
    for row in rows:
        text = row_text(row)
        if "合同总金额" in text or "合计" in text:
            break
        if inside:
            found = table_amounts(text)
            if found:
                amounts.append(found[-1])
        elif "金额" in text and ("数量" in text or "单价" in text or "运价" in text or "租金" in text):
            inside = True
    return tuple(amounts)


def extract_contract(doc_type: str, document: Document) -> ContractRecord:
    rows = rows_of(document)
    conf: dict[str, float] = {}
    number = find(rows, r"合同编号", r"([A-Z0-9\-]{6,})")
    party_a, party_b = _parties(rows, doc_type, conf)
    subject = find(rows, r"标的物|租赁物|运输线路|标的|工程名称", P.CJK)
    signed = find(rows, r"签订日期", P.DATE_TEXT)
    total = find(rows, r"小写", P.AMOUNT_TEXT)
    capital = search_text(rows, r"大写[)）]?:?" + P.CAPITAL.pattern)
    term = search_text(rows, _TERM)
    start = end = None
    if term is not None:
        match = _TERM.search("".join(row_text(r) for r in rows[term.row:term.row + 1]))
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

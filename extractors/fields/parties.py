"""Who signs a contract: the parties' headings, their names, and the credit code printed for each.

Chinese contracts name their parties in one of three ways, all read here: by side ("甲方：", "乙方（卖方）："),
by role ("出卖人：", "托运方："), or by both ("出租人（甲方）：", as housing bureaus' model texts print). A
heading is a role word at the start of a span followed by a colon (or by nothing, its value in the next
span): "出卖人对质量负责…" and "甲方可依法出租…" are clauses, and "甲方（盖章）：" is a signature line.

A party's code (统一社会信用代码, printed as 税号, 纳税人识别号 or 证件号码 too) sits either in the party's
block under its heading, or in the signature table at the foot, one column per party. Columns follow
the order the heading introduced the parties in (出卖人 | 买受人 under 出卖人… 买受人…), which is how the
model texts and firms' templates lay them out; a column is told by the x of its labels, so a row that
OCR splits in two still lands in its column.
"""
from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from dataclasses import dataclass

from extractors.fields import patterns as P
from extractors.fields.reading import Found, Row, find_all

ROLES = {
    "卖方": "seller", "供方": "seller", "销售方": "seller", "出卖人": "seller", "出卖方": "seller", "供货方": "seller",
    "供应方": "seller", "买方": "buyer", "需方": "buyer", "采购方": "buyer", "买受人": "buyer", "购货方": "buyer",
    "购买方": "buyer", "订货方": "buyer", "出租方": "lessor", "出租人": "lessor", "承租方": "lessee",
    "承租人": "lessee", "承运方": "carrier", "承运人": "carrier", "托运方": "shipper", "托运人": "shipper",
    "发包人": "employer", "发包方": "employer", "承包人": "contractor", "承包方": "contractor",
    "分包人": "contractor", "分包方": "contractor"}
_ROLE = "|".join(sorted(ROLES, key=len, reverse=True))
# What a bracket after the heading may hold: the other half of side and role, alone or as "以下简称…".
_ALIAS = r"[(（](?:以下简称|以下称|下称|简称)?[“”\"'‘’「」]?"
_END = r"[“”\"'‘’「」]?[)）]"
_HEADING = re.compile(rf"^(?:(?P<side>[甲乙])方(?:{_ALIAS}(?P<role>{_ROLE}){_END})?"
                      rf"|(?P<role2>{_ROLE})(?:{_ALIAS}(?P<side2>[甲乙])方{_END})?)"
                      r"(?:[(（](?:全称|名称)[)）]|(?:单位)?名称)?(?P<colon>[:：;；]?)")
# Labels a value must not be: the next span after a bare heading may be the other party's heading.
_NOT_A_NAME = re.compile(rf"^(?:{_ROLE}|[甲乙]方|签订|签约|地址|住所|电话|联系|法定代表人|委托代理人|证件)")
# A name OCR ran together with the label printed after it on the same line ("…养猪场签订地点").
_TRAILING_LABEL = re.compile(r"(?:签订|签约|联系电话|电话|地址|住所|法定代表人|统一社会信用代码|税号|证件类型|证件号码)")
# The last alternative is 税号 with its first character misread (视号, 程号: a seal or a fold over the
# signature table), kept only where the value is shaped like a credit code; never 账号/卡号/户号, whose
# 18-digit numbers would pass for one.
USCC_LABEL = re.compile(r"统一社会信用代码|信用代码|纳税人识别号|识别号|税号|证件号码|证照号码"
                        r"|^(?![账卡户])[\u4e00-\u9fff]号(?=[:：])")
# Labels of a signature table's rows: their x marks the table's columns.
_TABLE_LABEL = re.compile(r"^(?:单位名称|名称|住所|单位地址|地址|法定代表人|委托代理人|电话|传真|开户银行|开户行|账号|"
                          r"税号|统一社会信用代码|纳税人识别号|邮政编码)")
BLOCK_ROWS = 6    # a code within this many rows under a heading belongs to that party's block


@dataclass(frozen=True, slots=True)
class Heading:
    slot: int              # 0: party A (甲方, or the first of DEFAULT roles), 1: party B
    role: str | None       # from the heading's role word; None for a bare 甲方/乙方
    name: str
    row: int
    confidence: float


def _name(text: str) -> str | None:
    text = _TRAILING_LABEL.split(text, maxsplit=1)[0]
    hit = P.PARTY_NAME.match(text)
    return hit.group(1) if hit else None


def _heading_in(row: Row) -> tuple[str | None, str | None, str, float] | None:
    """(side 甲/乙, role word, name, confidence) of a heading at the start of a span of ``row``."""
    for i, cell in enumerate(row):
        match = _HEADING.match(cell.text)
        if match is None:
            continue
        rest = cell.text[match.end():]
        if rest and not match.group("colon"):
            continue                          # a clause ("出卖人对…") or a signature line ("甲方（盖章）")
        candidates = [(rest, cell.confidence)] if rest else []
        if i + 1 < len(row) and not _NOT_A_NAME.match(row[i + 1].text):
            candidates.append((row[i + 1].text, min(cell.confidence, row[i + 1].confidence)))
        for text, confidence in candidates:
            name = _name(re.sub(r"^[:：]", "", text))
            if name:
                return (match.group("side") or match.group("side2"), match.group("role") or match.group("role2"),
                        name, confidence)
    return None


def read_headings(rows: Sequence[Row], defaults: tuple[str, str]) -> list[Heading]:
    """The first heading of each party, in reading order. 甲方 is party A and 乙方 party B; a party
    named by role alone takes the slot its role has in ``defaults`` (buyer, lessor, shipper and
    employer are party A), else the first free one."""
    found: list[Heading] = []
    for r, row in enumerate(rows):
        if len(found) == 2:
            break
        heading = _heading_in(row)
        if heading is None:
            continue
        side, word, name, confidence = heading
        role = ROLES.get(word or "")
        taken = {h.slot for h in found}
        slot = ("甲乙".index(side) if side else defaults.index(role) if role in defaults
                else next(s for s in (0, 1) if s not in taken))
        if slot not in taken:
            found.append(Heading(slot, role, name, r, confidence))
    return found


def _columns(rows: Sequence[Row], around: int) -> list[float]:
    """Left edges of a signature table's columns: where its row labels start, near row ``around``."""
    edges = sorted(c.x0 for row in rows[max(0, around - 12):around + 3] for c in row if _TABLE_LABEL.match(c.text))
    starts: list[float] = []
    for x in edges:
        if not starts or x - starts[-1] > 0.08:
            starts.append(x)
    return starts


def assign_codes(rows: Sequence[Row], headings: Sequence[Heading]) -> dict[int, Found]:
    """Each party's code, by slot: from its block under its heading, else from its table column."""
    # Read as OCR gives it (a 0 read as O, a 1 as I: letters the code's alphabet leaves out), folded back.
    hits = [dataclasses.replace(h, value=code) for h in find_all(rows, USCC_LABEL, P.USCC_READ)
            if (code := P.uscc_read(h.value)) and "身份证" not in "".join(c.text for c in rows[h.row])]
    order = [h.slot for h in headings] + [s for s in (0, 1) if s not in {h.slot for h in headings}]
    codes: dict[int, Found] = {}
    for hit in hits:
        alone = sum(other.row == hit.row for other in hits) == 1
        above = [h for h in headings if 0 <= hit.row - h.row <= BLOCK_ROWS]
        if alone and above:
            slot = above[-1].slot
        else:
            starts = _columns(rows, hit.row)
            column = max((i for i, x in enumerate(starts) if x <= hit.x0 + 0.01), default=0)
            slot = order[min(column, 1)]
        codes.setdefault(slot, hit)
    return codes

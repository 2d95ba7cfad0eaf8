"""社会保险单位参保证明 / 社会保险费缴费证明 into ``SocialInsuranceRecord``: who insures how many people.

Written from the proofs human-resources bureaus and 电子税务局 print: 单位名称/缴费人名称 with the
unit's code, a summary of the headcount (参保人数, 本期缴费人数 … 人), and one table row per month
(缴费年月 / 费款所属期, then the number of people, then the amounts; the paid total is the last
amount on the row).
"""
from __future__ import annotations

import re
from functools import partial

from extractors.fields import patterns as P
from extractors.fields.reading import find, read_labelled, row_text, rows_of
from extractors.fields.records import InsuredMonthRow, SocialInsuranceRecord
from extractors.ocr.document import Document
from extractors.text.amounts import table_amounts
from extractors.text.dates import parse_date, parse_month

# A month row: the month, the headcount (digits alone), then figures with cents.
_MONTH_ROW = re.compile(r"^((?:19|20)[0-9]{2}(?:年[0-9]{1,2}月|-[0-9]{2}))(?![0-9-])")
_PEOPLE = re.compile(r"([0-9]{1,5})人")


def _month_rows(rows) -> tuple[InsuredMonthRow, ...]:
    out = []
    for row in rows:
        hit = _MONTH_ROW.match(row[0].text)
        if hit is None:
            continue
        rest = [c.text for c in row[1:]] if row[0].text == hit.group(1) else [row[0].text[hit.end():]] + \
            [c.text for c in row[1:]]
        count = next((int(t) for t in rest if re.fullmatch(r"[0-9]{1,5}", t)), None)
        figures = [f for t in rest for f in table_amounts(t)]
        out.append(InsuredMonthRow(parse_month(hit.group(1)), count, figures[-1] if figures else None))
    return tuple(out)


def extract_social_insurance(document: Document) -> SocialInsuranceRecord:
    rows = rows_of(document)
    conf: dict[str, float] = {}
    get = partial(read_labelled, rows, conf)
    uscc = find(rows, r"统一社会信用代码|纳税人识别号|社会信用代码", P.USCC)
    if uscc is not None:
        conf["holder_uscc"] = uscc.confidence
    people = next(((hit, r) for r in rows if re.search(r"参保人数|缴费人数", row_text(r))
                   and (hit := _PEOPLE.search(row_text(r).split("人数", 1)[-1]))), None)
    if people is not None:
        conf["insured"] = min(c.confidence for c in people[1])
    issued = get("issued", r"打印日期|开具日期|出具日期", P.DATE_TEXT)
    return SocialInsuranceRecord(
        holder_name=get("holder_name", r"单位名称|缴费人名称", P.NAME), holder_uscc=uscc.value if uscc else None,
        insured=int(people[0].group(1)) if people else None, rows=_month_rows(rows),
        issued=parse_date(issued) if issued else None, confidence=conf)

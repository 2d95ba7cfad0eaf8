"""居民身份证 (front and back, on one page) into ``ResidentIdRecord``: what identity matching needs.

The front prints 姓名, 性别/民族, 出生, 住址 and, at the bottom, 公民身份号码 (17 digits and a check
digit or X); the back 签发机关 and 有效期限 (YYYY.MM.DD-YYYY.MM.DD, or -长期). The address is not read:
matching the owner needs the name and the number, and what is not read cannot leak.
"""
from __future__ import annotations

import re
from functools import partial

from extractors.fields import patterns as P
from extractors.fields.reading import read_labelled, row_text, rows_of, search_text
from extractors.fields.records import ResidentIdRecord
from extractors.ocr.document import Document
from extractors.text.dates import parse_date

_NUMBER = re.compile(r"(?<![0-9])([1-9][0-9]{16}[0-9Xx])(?![0-9])")
_TERM = re.compile(r"((?:19|20)[0-9]{2}[.\-][0-9]{2}[.\-][0-9]{2})[-—~至]+((?:19|20)[0-9]{2}[.\-][0-9]{2}[.\-][0-9]{2}|长期)")
_BIRTH = re.compile(r"((?:19|20)[0-9]{2}年[0-9]{1,2}月[0-9]{1,2}日)")


def extract_resident_id(document: Document) -> ResidentIdRecord:
    rows = rows_of(document)
    conf: dict[str, float] = {}
    get = partial(read_labelled, rows, conf)
    number = search_text(rows, _NUMBER)
    if number is not None:
        conf["id_number"] = number.confidence
    term = search_text(rows, _TERM)
    start = end = None
    long_term = None
    if term is not None:
        conf["term"] = term.confidence
        hit = _TERM.search(row_text(rows[term.row]))
        start, long_term = parse_date(hit.group(1)), hit.group(2) == "长期"
        end = None if long_term else parse_date(hit.group(2))
    gender = get("gender", r"^性别", r"([男女])")
    birth = get("birth_date", r"^出生", _BIRTH)
    return ResidentIdRecord(
        name=get("name", r"^姓名", P.PERSON), gender=gender, birth_date=parse_date(birth) if birth else None,
        id_number=number.value.upper() if number else None, issuer=get("issuer", r"签发机关", P.NAME),
        issued=start, valid_until=end, long_term=long_term, confidence=conf)

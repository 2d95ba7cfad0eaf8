"""营业执照, 食品经营许可证, 道路运输经营许可证 and 资质证书/生产许可证 into ``LicenceRecord``.

The forms print the same facts under different labels; each label table lists the forms'
spellings, first match wins. A value sits beside its label or, on newer certificates, on the line
under it. A business licence's number is its USCC.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date

from extractors.fields import patterns as P
from extractors.fields.reading import (Found, Row, date_under_seal, find, find_under, row_text, rows_of,
                                       search_spans, search_text)
from extractors.fields.records import LicenceRecord
from extractors.ocr.document import Document
from extractors.text.capital import parse_capital
from extractors.text.dates import dates_in, parse_date

# Labels are letter-spaced ("有　　效　期　至") and OCR can drop a lone first character, so a label is
# matched by the part of it that is still distinctive ("效期至"). A label given as a tuple is tried in its
# order, wherever each is printed: a sole trader's licence prints 类型 (个体工商户) above 组成形式 (个人经营
# or 家庭经营), and the form is what it says of this trader. Validity periods are read by ``_TERM``.
_LABELS: dict[str, dict[str, str | tuple[str, ...]]] = {
    "business_licence": {"issued": r"发照日期", "holder_name": r"^名称|^称", "legal_representative": r"法定代表人|^经营者|负责人",
                         "capital": r"注册资本|注册资金", "founded": r"成立日期|注册日期",
                         "address": r"^住所|经营场所", "scope": r"经营范围", "category": (r"组成形式", r"^类型")},
    "food_licence": {"holder_name": r"经营者名称", "legal_representative": r"法定代表人",
                     "address": r"^住所", "scope": r"经营项目", "category": r"主体业态",
                     "number": r"许可证编号", "valid_until": r"效期至", "issued": r"发证日期"},
    # 资质证书/生产许可证: the 食品生产许可证 (生产者名称, 食品类别, SC number) and certificates such as the
    # 动物防疫条件合格证 (单位名称, 经营范围, 编号 top right, no end date) or a 建筑业企业资质证书 (企业名称, 资质类别).
    "qualification_cert": {"holder_name": r"生产者名称|单位名称|企业名称|^名称", "legal_representative": r"法定代表人|负责人",
                           "address": r"^住所|^地址", "scope": r"食品类别|经营范围|资质类别|产品名称",
                           "number": r"许可证编号|证书编号|^编号", "valid_until": r"效期至", "issued": r"发证日期|签发日期"},
    "road_transport_permit": {"holder_name": r"业户名称", "legal_representative": r"负责人|法定代表人|^负.?人",
                              "address": r"^地址", "scope": r"经营范围", "category": r"经济类型",
                              "number": r"许可证号", "valid_until": r"效期至", "issued": r"发证日期|核发日期"},
}
# A validity printed as a period, "自<date>至<date>", "<date>至<date>" or "<date>至长期", under whichever
# label the form gives it (营业期限, 有效期限, 证件有效期, 有效期); "有效期至<date>" is an end alone.
_TERM = r"营业期限|效期(?!至)"
_DAY = P.DATE_TEXT.pattern[1:-1]   # one date, uncaptured
_PERIOD = re.compile(f"({_DAY}起?至(?:{_DAY}|长期))")
_WAN = re.compile(r"([0-9]+(?:\.[0-9]+)?)万元")


def _all_labels(labels: dict[str, str | tuple[str, ...]]) -> re.Pattern[str]:
    spelled = (v if isinstance(v, str) else "|".join(v) for v in labels.values())
    return re.compile("|".join([*spelled, _TERM, r"统一社会信用代码|发证机关|核发机关|登记机关"]))


def _value(rows: Sequence[Row], labels: dict[str, str | tuple[str, ...]], key: str,
           pattern: re.Pattern[str] | str = r".+", confidence: dict[str, float] | None = None) -> Found | None:
    """The value of ``labels[key]`` beside its label, else on the line under it (never another label)."""
    if key not in labels:
        return None
    spellings = (labels[key],) if isinstance(labels[key], str) else labels[key]
    hit = None
    for label in spellings:
        hit = find(rows, label, pattern) or find_under(rows, label, pattern, labels=_all_labels(labels))
        if hit is not None:
            break
    if hit is not None and confidence is not None:
        confidence[key] = hit.confidence
    return hit


def _validity(rows: Sequence[Row], labels: dict[str, str | tuple[str, ...]], confidence: dict[str, float]
              ) -> tuple[date | None, date | None, bool | None]:
    """(valid from, valid until, perpetual) from the period under its label, the end date under
    "有效期至", or a period printed without its label; (None, None, None) when none is read."""
    term = _term(rows, confidence)
    if term is not None:
        return term
    until = _value(rows, labels, "valid_until", P.DATE_TEXT, confidence)
    if until is not None:
        return None, parse_date(until.value), False
    period = search_text(rows, _PERIOD)
    if period is not None:
        confidence["term"] = period.confidence
        return _period(period.value)
    return None, None, None


def _term(rows: Sequence[Row], confidence: dict[str, float]) -> tuple[date | None, date | None, bool] | None:
    """The period after a term label, read to the end of its row ("证件有效期 | 自 | 2024年… | 至 | 2028年…"
    in a ruled table's spans), or on the row under it when nothing dated follows the label."""
    label = re.compile(_TERM)
    for r, row in enumerate(rows):
        for i, cell in enumerate(row):
            match = label.search(cell.text)
            if match is None:
                continue
            rest = row[i:]
            text = cell.text[match.end():] + row_text(rest[1:])
            if not dates_in(text) and r + 1 < len(rows):
                rest = tuple(c for c in rows[r + 1] if c.x1 > cell.x0)
                text = row_text(rest)
            if dates_in(text):
                confidence["term"] = min(c.confidence for c in rest)
                return _period(text)
    return None


def _period(text: str) -> tuple[date | None, date | None, bool]:
    """"[自]<date>[起]至<date>|长期", or "至<date>" alone (an end whose start the form does not print)."""
    found = dates_in(text)
    perpetual = "长期" in text
    if re.match(r"^[^0-9]*至", text) and found:
        return None, found[0], False
    return (found[0] if found else None, found[1] if len(found) > 1 and not perpetual else None, perpetual)


def _continued(rows: Sequence[Row], hit: Found) -> str:
    """A long value (经营范围) wraps onto rows below that start where it started."""
    text = hit.value
    for row in rows[hit.row + 1:hit.row + 4]:
        if abs(row[0].x0 - hit.x0) > 0.02 or re.search(r"[:：]", row[0].text[:8]):
            break
        text += row[0].text
    return text


def _capital(text: str | None) -> float | None:
    if text is None:
        return None
    figures = _WAN.search(text)
    if figures:
        return round(float(figures.group(1)) * 10_000, 2)
    return parse_capital(text)


def _uscc(rows: Sequence[Row]) -> Found | None:
    """The holder's USCC: in a span of its own first (a tilted photo can join the next column's value to
    its row), then in a joined row, then read with O for 0 or I for 1 and folded back."""
    found = search_spans(rows, P.USCC) or search_text(rows, P.USCC)
    if found is not None:
        return found
    misread = search_spans(rows, P.USCC_READ)
    folded = P.uscc_read(misread.value) if misread is not None else None
    return Found(folded, misread.confidence, misread.row, misread.x0) if folded else None


def extract_licence(doc_type: str, document: Document) -> LicenceRecord:
    rows = rows_of(document)
    labels = _LABELS[doc_type]
    conf: dict[str, float] = {}
    uscc = _uscc(rows)
    if uscc is not None:
        conf["holder_uscc"] = uscc.confidence
    name = _value(rows, labels, "holder_name", P.NAME, conf)
    person = _value(rows, labels, "legal_representative", P.PERSON, conf)
    capital = _value(rows, labels, "capital", r"([零壹贰叁肆伍陆柒捌玖拾佰仟万亿圆元整0-9.]+)", conf)
    address = _value(rows, labels, "address", P.CJK, conf)
    scope = _value(rows, labels, "scope", P.CJK, conf)
    category = _value(rows, labels, "category", P.CJK, conf)
    founded = _value(rows, labels, "founded", P.DATE_TEXT, conf)
    issued = _value(rows, labels, "issued", P.DATE_TEXT, conf) or date_under_seal(rows)
    if doc_type == "business_licence":
        number = uscc
    elif doc_type == "food_licence":
        number = _value(rows, labels, "number", r"(JY[0-9]{14})", conf)
    elif doc_type == "qualification_cert":  # an SC number, or a "…字第…号" printed with or without a label
        number = (_value(rows, labels, "number", r"(SC[0-9]{14}|\S*第?[0-9]{3,}号|[A-Z]{1,3}[0-9]{6,})", conf)
                  or search_text(rows, r"(SC[0-9]{14}|[(（][12][0-9]{3}[)）]\S{1,12}字第[0-9]{3,}号)"))
    else:  # the permit prints its number unlabelled under the title: "冀交运管许可石字…号"
        number = _value(rows, labels, "number", r"(.+号)", conf) or search_text(rows, r"(\S{0,3}交运管许可\S+号)")
    valid_from, until, perpetual = _validity(rows, labels, conf)
    return LicenceRecord(
        doc_type=doc_type, number=number.value if number else None,
        holder_name=name.value if name else None, holder_uscc=uscc.value if uscc else None,
        legal_representative=person.value if person else None,
        registered_capital_cny=_capital(capital.value if capital else None),
        address=address.value if address else None, scope=_continued(rows, scope) if scope else None,
        category=category.value if category else None,
        founded=parse_date(founded.value) if founded else None,
        issued=parse_date(issued.value) if issued else None,
        valid_from=valid_from, valid_until=until, perpetual=perpetual, confidence=conf)

"""Slot extraction from one Chinese message: amounts, assets with counts, counterparties, months, documents.

Pattern and lexicon based (no model, nothing downloaded): each extractor is a pure function of the text,
so what was understood can always be traced to the words that produced it.
"""
from __future__ import annotations

import re

from api.assistant.lexicon import (
    ASSET_WORDS, COUNT_CLASSIFIERS, DOC_WORDS, PERIOD_WORDS, SEASON_WORDS,
)
from api.assistant.numerals import parse_number
from api.assistant.records import Amount, AssetMention

_CLAUSE_SPLIT = re.compile(r"[，,。；;！!？?\n]|\s{2,}")
_NUMBER = re.compile(
    r"(?P<num>\d+(?:\.\d+)?(?:[十百千万亿]+)?多?(?:[wWkK](?![A-Za-z]))?"
    r"|[零〇一二两俩三四五六七八九十百千万亿几][零〇一二两俩三四五六七八九十百千万亿几多]*)"
    r"(?P<cur>元|块钱|块|rmb|RMB)?")
_NOT_MONEY_AFTER = ("个月", "月", "年", "天", "号", "季度", "点", "岁", "%", "％", "次", "趟", "成", "折", "公里",
                    "吨", "人", "家", "个", "位", "种")
_NEGATIONS = ("没有", "没得", "没", "无")
_MONTH_NUM = r"(1[0-2]|[1-9]|十[一二]?|[一二三四五六七八九])"
_MONTH_RANGE = re.compile(_MONTH_NUM + r"\s*(?:月份?)?\s*(?:到|至|~|～|-|—)\s*" + _MONTH_NUM + r"\s*月")
_MONTH_PAIR = re.compile(r"(?<![十\d])([一二三四五六七八九])([二三四五六七八九十])月")
_MONTH_SINGLE = re.compile(r"(?<![个\d十一二三四五六七八九])" + _MONTH_NUM + r"\s*月")
_NAME_SUFFIX = (r"(?:有限责任公司|股份有限公司|有限公司|公司|集团|工厂|厂|商行|批发部|经营部|门市部|超市|物流|"
                r"商贸|贸易|快递|运输队)")
_COMPANY = re.compile(r"(?P<name>[\u4e00-\u9fffA-Za-z0-9（）()]{2,24}?" + _NAME_SUFFIX + r")")
_VERB_FRAME = re.compile(
    r"(?P<prep>给|帮|替|从|跟|向)(?P<names>[\u4e00-\u9fffA-Za-z0-9、（）()]{2,40}?)"
    r"(?:和|与|及)?(?P<verb>拉货|送货|运货|供货|进货|拿货|发货|采购|买货|买|干活|做事|跑|运输)")
_LIST_FRAME = re.compile(
    r"(?P<role>客户|供应商|供货商|上游|下游|甲方|货主|厂家)(?:主要|大多|一般)?(?:有|是|包括|就是)"
    r"(?P<names>[\u4e00-\u9fffA-Za-z0-9、（）()和与及]{2,60})")
_NAME_SEP = re.compile(r"、|和|与|及|以及|还有")
_NAME_PREFIX = re.compile(r"^.*(?:给|帮|替|从|跟|向|是|有(?![限色])|的)|^(?:我们|我|主要|一般|都|大多)+")
_SUFFIXES = ("有限责任公司", "股份有限公司", "有限公司", "公司", "集团", "工厂", "厂", "商行", "批发部", "经营部",
             "门市部", "超市", "物流", "商贸", "贸易", "快递", "运输队")
_NOT_NAMES = ("他们", "她们", "我们", "你们", "人家", "别人", "一些", "几家", "很多", "不少", "老板", "客户",
              "散户", "本地", "外地", "个人", "朋友", "熟人", "做物流", "跑物流", "搞物流", "干物流", "物流")
_SUPPLIER_CUES = ("从", "进货", "拿货", "供应商", "供货商", "上游", "采购", "厂家", "货源", "跟")
_CUSTOMER_CUES = ("给", "帮", "替", "客户", "卖给", "下游", "甲方", "货主", "拉货", "送货", "发货")


def _clauses(text: str) -> list[tuple[int, str]]:
    """(start offset, clause) pairs."""
    out, start = [], 0
    for m in _CLAUSE_SPLIT.finditer(text):
        out.append((start, text[start:m.start()]))
        start = m.end()
    out.append((start, text[start:]))
    return [(s, c) for s, c in out if c.strip()]


def _period_near(clause: str, start: int, end: int) -> str | None:
    """The period word nearest before the amount in its clause, else the first one after it."""
    best: tuple[int, str] | None = None
    for word, period in PERIOD_WORDS:
        pos = clause.rfind(word, 0, start)
        if pos >= 0 and (best is None or pos > best[0]):
            best = (pos, period)
    if best:
        return best[1]
    for word, period in PERIOD_WORDS:
        if clause.find(word, end) >= 0:
            return period
    return None


def extract_amounts(text: str) -> tuple[Amount, ...]:
    """Money amounts: a number with a magnitude (万/千/百/亿/w/k) or a currency, or an Arabic number ≥ 1000."""
    found: list[Amount] = []
    for offset, clause in _clauses(text):
        for m in _NUMBER.finditer(clause):
            num, after = m.group("num"), clause[m.end("num"):]
            if m.group("cur") is None and after.startswith(_NOT_MONEY_AFTER):
                continue
            if after[:1] and after[0] in COUNT_CLASSIFIERS and not m.group("cur"):
                continue
            try:
                low, high = parse_number(num)
            except ValueError:
                continue
            has_magnitude = bool(re.search(r"[百千万亿wWkK]", num))
            if not (has_magnitude or m.group("cur") or (num[0].isdigit() and low >= 1000)):
                continue
            period = _period_near(clause, m.start(), m.end())
            found.append(Amount(low, high, period, m.group(0)))
    return tuple(found)


def _leftmost_longest(text: str, words: tuple[tuple[str, str], ...]) -> list[tuple[int, int, str]]:
    """(start, end, code) of lexicon words, scanning left to right, longest word first at each position."""
    ordered = sorted(words, key=lambda w: -len(w[0]))
    hits, i = [], 0
    while i < len(text):
        for word, code in ordered:
            if text.startswith(word, i):
                hits.append((i, i + len(word), code))
                i += len(word)
                break
        else:
            i += 1
    return hits


def _negated(text: str, start: int) -> bool:
    window = text[max(0, start - 4):start]
    return any(n in window for n in _NEGATIONS)


def _count_before(text: str, start: int) -> int | None:
    m = re.search(r"(\d+|[一二两俩三四五六七八九十百千几]+)\s*[" + COUNT_CLASSIFIERS + r"][\u4e00-\u9fff]{0,2}$",
                  text[:start])
    if not m or "几" in m.group(1):
        return None
    try:
        return int(parse_number(m.group(1))[0])
    except ValueError:
        return None


def extract_doc_mentions(text: str) -> tuple[tuple[str, ...], tuple[str, ...], list[tuple[int, int]]]:
    """Documents named (had, lacked) and their spans, so asset words inside them are not read twice."""
    had: list[str] = []
    lacked: list[str] = []
    spans = []
    for start, end, code in _leftmost_longest(text, DOC_WORDS):
        spans.append((start, end))
        target = lacked if _negated(text, start) else had
        if code not in target:
            target.append(code)
    return tuple(had), tuple(lacked), spans


def extract_assets(text: str, skip: list[tuple[int, int]] = ()) -> tuple[AssetMention, ...]:
    masked = list(text)
    for start, end in skip:
        masked[start:end] = "　" * (end - start)
    masked_text = "".join(masked)
    return tuple(AssetMention(code, _count_before(masked_text, s), _negated(masked_text, s), text[s:e])
                 for s, e, code in _leftmost_longest(masked_text, ASSET_WORDS))


def _clean_name(raw: str) -> str | None:
    name = _NAME_PREFIX.sub("", raw.strip("（）() "))
    if len(name) < 2 or any(bad == name or name.startswith(bad) for bad in _NOT_NAMES):
        return None
    return name


def extract_counterparties(text: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(suppliers, customers) named in the message, each in order of first mention."""
    suppliers: list[str] = []
    customers: list[str] = []

    def add(name: str | None, supplier: bool) -> None:
        if not name:
            return
        for known in (suppliers, customers):
            for i, other in enumerate(known):
                if name in other:
                    return
                if other in name:  # a fuller form of a name already heard
                    known[i] = name
                    return
        (suppliers if supplier else customers).append(name)

    for _, clause in _clauses(text):
        is_supplier_clause = any(c in clause for c in _SUPPLIER_CUES) and not any(
            c in clause for c in ("给", "帮", "客户", "卖给", "甲方", "货主"))
        for m in _VERB_FRAME.finditer(clause):
            supplier = m.group("prep") in ("从",) or m.group("verb") in ("进货", "拿货", "供货", "采购", "买货", "买")
            if m.group("prep") in ("给", "帮", "替") and m.group("verb") != "供货":
                supplier = False
            for part in _NAME_SEP.split(m.group("names")):
                add(_clean_name(part), supplier)
        for m in _LIST_FRAME.finditer(clause):
            supplier = m.group("role") in ("供应商", "供货商", "上游", "厂家")
            for part in _NAME_SEP.split(m.group("names")):
                add(_clean_name(part), supplier)
        for m in _COMPANY.finditer(clause):
            end = m.end()
            while suffix := next((x for x in _SUFFIXES if clause.startswith(x, end)), None):
                end += len(suffix)  # "恒达物流" + "有限公司": the longest name wins
            add(_clean_name(clause[m.start():end]), is_supplier_clause)
    return tuple(suppliers), tuple(customers)


def _month_value(token: str) -> int | None:
    try:
        value = int(parse_number(token)[0])
    except ValueError:
        return None
    return value if 1 <= value <= 12 else None


def extract_months(text: str) -> tuple[int, ...]:
    """Months named directly ("五六月", "3到5月", "十一月") or by season or festival ("春节", "双十一")."""
    months: list[int] = []
    for word, ms in SEASON_WORDS:
        if word in text:
            months += ms
            text = text.replace(word, "　" * len(word))
    for m in _MONTH_RANGE.finditer(text):
        a, b = _month_value(m.group(1)), _month_value(m.group(2))
        if a and b:
            months += [(a - 1 + k) % 12 + 1 for k in range((b - a) % 12 + 1)]
        text = text[:m.start()] + "　" * (m.end() - m.start()) + text[m.end():]
    for m in _MONTH_PAIR.finditer(text):
        a, b = _month_value(m.group(1)), _month_value(m.group(2))
        if a and b and b == a + 1:
            months += [a, b]
            text = text[:m.start()] + "　" * (m.end() - m.start()) + text[m.end():]
    for m in _MONTH_SINGLE.finditer(text):
        value = _month_value(m.group(1))
        if value:
            months.append(value)
    return tuple(dict.fromkeys(months))

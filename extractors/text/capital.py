"""Amounts in capitals (大写金额, e.g. 壹佰肆拾柒万零叁佰伍拾壹圆整) read back into figures."""
from __future__ import annotations

from decimal import Decimal

from extractors.text.normalise import compact

_DIGITS = {"零": 0, "壹": 1, "贰": 2, "叁": 3, "肆": 4, "伍": 5, "陆": 6, "柒": 7, "捌": 8, "玖": 9,
           "两": 2}
_UNITS = {"拾": 10, "佰": 100, "仟": 1000}
_SECTIONS = {"万": 10_000, "亿": 100_000_000}
_FRACTION = {"角": Decimal("0.1"), "分": Decimal("0.01")}


def parse_capital(text: str) -> float | None:
    """The amount, or ``None`` when ``text`` is not a well-formed capital amount."""
    text = compact(text).replace("元", "圆").replace("正", "整")
    text = text.removeprefix("人民币")
    if not text or any(ch not in _DIGITS and ch not in _UNITS and ch not in _SECTIONS
                       and ch not in _FRACTION and ch not in "圆整" for ch in text):
        return None
    integer, _, fraction = text.partition("圆")
    if not _ or not integer and not fraction:
        return None
    total, section, digit = 0, 0, None
    for ch in integer:
        if ch in _DIGITS:
            digit = _DIGITS[ch]
        elif ch in _UNITS:
            section += (1 if digit is None else digit) * _UNITS[ch]
            digit = None
        elif ch == "亿":  # everything so far counts in 亿
            total = (total + section + (digit or 0)) * _SECTIONS[ch]
            section, digit = 0, None
        else:  # 万 closes the section below it
            total += (section + (digit or 0)) * _SECTIONS[ch]
            section, digit = 0, None
    total += section + (digit or 0)
    cents = Decimal(0)
    digit = None
    for ch in fraction:
        if ch in _DIGITS:
            digit = _DIGITS[ch]
        elif ch in _FRACTION and digit is not None:
            cents += digit * _FRACTION[ch]
            digit = None
    return float(Decimal(total) + cents)

"""Numbers as merchants type them: "二十万", "四五百万", "一万五", "3.5万", "20w", "十几万", "三百多万".

Spoken amounts are often vague, so every number is an interval ``(low, high)``; an exact number has
``low == high``. "四五百万" is 4–5 million, "十几万" 110–190 thousand, "二十多万" 200–300 thousand.
"""
from __future__ import annotations

import re

_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "俩": 2, "三": 3, "四": 4, "五": 5,
           "六": 6, "七": 7, "八": 8, "九": 9}
_SMALL_UNITS = {"十": 10, "百": 100, "千": 1_000}
_BIG_UNITS = (("亿", 100_000_000), ("万", 10_000))
_LATIN_UNITS = {"w": 10_000, "W": 10_000, "k": 1_000, "K": 1_000}
_VAGUE_DIGIT = (1, 9)  # "几" stands for a digit we do not know

NUMBER_CHARS = "零〇一二两俩三四五六七八九十百千万亿几多"
_ARABIC = re.compile(r"^\d+(?:\.\d+)?$")
_ARABIC_UNIT = re.compile(r"^(\d+(?:\.\d+)?)([十百千万亿wWkK]*)(多)?$")

Interval = tuple[float, float]


def _digit_run(run: str) -> Interval:
    """A digit slot: "五" → (5, 5), "四五" → (4, 5) (two adjacent digits mean "four or five"), "几" → (1, 9)."""
    if run == "几":
        return _VAGUE_DIGIT
    values = [_DIGITS[c] for c in run]
    return float(min(values)), float(max(values))


def _section(text: str) -> Interval:
    """A number below 10 000 written with 千/百/十: "三千五" = 3500, "十几" = 11..19, "二十多" = 20..30."""
    more = text.endswith("多")
    text = text.rstrip("多")
    low = high = 0.0
    pending: Interval | None = None
    last_unit = 0
    i = 0
    while i < len(text):
        c = text[i]
        if c in _SMALL_UNITS:
            unit = _SMALL_UNITS[c]
            d_lo, d_hi = pending if pending is not None else (1.0, 1.0)  # "十二" = 一十二
            low += d_lo * unit
            high += d_hi * unit
            pending, last_unit = None, unit
            i += 1
            continue
        if c == "零":
            i += 1
            continue
        j = i
        while j < len(text) and (text[j] in _DIGITS or text[j] == "几") and text[j] != "零":
            j += 1
        if j == i:
            raise ValueError(f"not a Chinese number: {text!r}")
        pending = _digit_run(text[i:j])
        i = j
    if pending is not None:
        # A trailing digit after a unit is the next place down: "三千五" = 3500, "两百五" = 250.
        scale = last_unit // 10 if last_unit >= 100 else 1
        low += pending[0] * scale
        high += pending[1] * scale
    if more:
        high += last_unit or 1  # "多" after a unit: up to one more of that unit
    return low, high


def _chinese(text: str) -> Interval:
    """Split on 亿 and 万 and parse each section below 10 000."""
    low = high = 0.0
    rest = text
    place = 1
    for char, value in _BIG_UNITS:
        if char in rest:
            head, rest = rest.split(char, 1)
            h_lo, h_hi = _section(head) if head else (1.0, 1.0)
            low += h_lo * value
            high += h_hi * value
            place = value
    if rest == "多":
        high += place  # "三万多" = 30 000..40 000
    elif rest and place > 1 and re.fullmatch(r"[一二两三四五六七八九]", rest):
        low += _DIGITS[rest] * place / 10  # "一万五" = 15 000
        high += _DIGITS[rest] * place / 10
    elif rest:
        r_lo, r_hi = _section(rest)
        low += r_lo
        high += r_hi
    return low, high


def parse_number(text: str) -> Interval:
    """The value of ``text`` as an interval.

    Accepts Arabic numerals with an optional Chinese or Latin magnitude ("3.5万", "20w", "1500"),
    Chinese numerals ("二十万", "四五百万", "一万五", "十几万", "三百多万"), and full-width digits.

    Raises:
        ValueError: ``text`` is not a number in any of these forms.
    """
    text = text.strip().translate(str.maketrans("０１２３４５６７８９．", "0123456789."))
    text = text.replace(",", "").replace("，", "")
    if not text:
        raise ValueError("empty number")
    if _ARABIC.match(text):
        v = float(text)
        return v, v
    m = _ARABIC_UNIT.match(text)
    if m:
        value = float(m.group(1))
        place = 1
        for c in m.group(2):
            place *= _SMALL_UNITS.get(c) or dict(_BIG_UNITS).get(c) or _LATIN_UNITS[c]
        low = value * place
        return low, low + (place if m.group(3) else 0)
    if all(c in NUMBER_CHARS for c in text) and text.strip("多"):
        return _chinese(text)
    raise ValueError(f"not a number: {text!r}")

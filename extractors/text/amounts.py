"""Money as printed (``¥1,471,226.00``, ``+116.29``, ``59,983.30``) to CNY with two decimals."""
from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from extractors.text.normalise import normalise

# Digits with optional thousands separators and cents; OCR sometimes reads a comma as a full stop
# or drops it, so separators are optional and both kinds are accepted before the last group.
AMOUNT = re.compile(r"[-+]?[¥￥]?\s?(?:[0-9]{1,3}(?:[,，][0-9]{3})+|[0-9]+)\.[0-9]{2}(?![0-9])")
# The same figure without the lookahead: in a table whose every figure prints exactly two decimals, digits
# right after a figure's cents begin the next figure.
_TABLE_FIGURE = re.compile(r"[¥￥]?(?:[0-9]{1,3}(?:[,，][0-9]{3})+|[0-9]+)\.[0-9]{2}")


def parse_amount(text: str) -> float | None:
    """The first amount with cents in ``text`` (after normalisation) as a float, else ``None``."""
    match = AMOUNT.search(normalise(text))
    if match is None:
        return None
    digits = re.sub(r"[¥￥,，\s+]", "", match.group(0))
    try:
        return float(Decimal(digits).quantize(Decimal("0.01")))
    except InvalidOperation:
        return None


def amounts_in(text: str) -> list[float]:
    """Every amount with cents in ``text``, in order."""
    found = []
    for match in AMOUNT.finditer(normalise(text)):
        value = parse_amount(match.group(0))
        if value is not None:
            found.append(value)
    return found


def table_amounts(text: str) -> list[float]:
    """Every figure of a table row whose figures all print exactly two decimals, in order. OCR glues
    right-aligned neighbouring cells together ("6316.75" | "75795.00" read as "6316.7575795.00"), which
    ``amounts_in`` would read as 7,575,795.00; here a figure ends at its second decimal."""
    return [float(Decimal(re.sub(r"[¥￥,，]", "", m.group(0))).quantize(Decimal("0.01")))
            for m in _TABLE_FIGURE.finditer(normalise(text))]

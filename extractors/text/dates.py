"""Dates as Chinese documents print them (``2025年08月08日``, ``2025-12-01``, ``2026年06月``)."""
from __future__ import annotations

import re
from datetime import date

from extractors.text.normalise import compact

_DAY = re.compile(r"((?:19|20)[0-9]{2})\s*[年\-/.]\s*([0-9]{1,2})\s*[月\-/.]\s*([0-9]{1,2})\s*日?")
_MONTH = re.compile(r"((?:19|20)[0-9]{2})\s*[年\-/.]\s*([0-9]{1,2})\s*月?")


def _safe(year: str, month: str, day: str) -> date | None:
    try:
        return date(int(year), int(month), int(day))
    except ValueError:
        return None


def parse_date(text: str) -> date | None:
    """The first full date in ``text``, else ``None`` (an impossible date such as 02-30 is ``None``)."""
    match = _DAY.search(compact(text))
    return _safe(*match.groups()) if match else None


def dates_in(text: str) -> list[date]:
    """Every valid full date in ``text``, in order."""
    return [d for d in (_safe(*m.groups()) for m in _DAY.finditer(compact(text))) if d is not None]


def parse_month(text: str) -> str | None:
    """The first year and month in ``text`` as ``"YYYY-MM"``, else ``None``."""
    match = _MONTH.search(compact(text))
    if match is None or not 1 <= int(match.group(2)) <= 12:
        return None
    return f"{int(match.group(1)):04d}-{int(match.group(2)):02d}"

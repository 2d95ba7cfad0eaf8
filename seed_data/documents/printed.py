"""How dates and money are printed on Chinese documents; one place, so every layout agrees."""
from __future__ import annotations

from datetime import date


def cn_date(d: date) -> str:
    """2024年05月12日, as licences, invoices and contracts print it (zero-padded)."""
    return f"{d.year}年{d.month:02d}月{d.day:02d}日"


def iso_date(d: date) -> str:
    return d.isoformat()


def money(cents: int) -> str:
    """12345.60: invoices print amounts with two decimals and no grouping."""
    sign = "-" if cents < 0 else ""
    cents = abs(cents)
    return f"{sign}{cents // 100}.{cents % 100:02d}"


def money_grouped(cents: int) -> str:
    """12,345.60: bank statements and payment apps group thousands."""
    sign = "-" if cents < 0 else ""
    cents = abs(cents)
    return f"{sign}{cents // 100:,}.{cents % 100:02d}"


def unit_price(amount_cents: int, quantity: int) -> str:
    """Invoicing software prints unit prices to as many as 8 decimals, trailing zeros stripped."""
    text = f"{amount_cents / 100 / quantity:.8f}".rstrip("0")
    return text + "00" if text.endswith(".") else text

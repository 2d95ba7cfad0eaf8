"""Reading fields off a typed field record (``extractors.fields.records``) without caring which one.

Verification reads records by attribute name, trying names in order, so one check serves every
family that prints the field (``seller_tax_id`` on invoices, ``holder_uscc`` on licences, …); it never
imports the record classes, so a new family only has to use the same names. Empty strings count as
absent.
"""
from __future__ import annotations

from datetime import date, datetime

PARTY_PAIRS = (("seller_name", "seller_tax_id"), ("buyer_name", "buyer_tax_id"), ("holder_name", "holder_uscc"),
               ("carrier_name", None), ("shipper_name", None))


def first(record: object, *names: str) -> object | None:
    for name in names:
        value = getattr(record, name, None)
        if value is not None and value != "":
            return value
    return None


def text(record: object, *names: str) -> str | None:
    value = first(record, *names)
    return None if value is None else str(value).strip()


def money(record: object, *names: str) -> float | None:
    value = first(record, *names)
    return None if value is None or isinstance(value, bool) else float(value)


def day(record: object, *names: str) -> date | None:
    value = first(record, *names)
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value)
        except ValueError:
            return None
    return None


def parties(record: object) -> list[tuple[str | None, str | None]]:
    """(name, USCC or tax id) of every party the record names: contract parties, invoice sides, …"""
    out = []
    for attr in ("party_a", "party_b"):
        party = getattr(record, attr, None)
        if party is not None:
            out.append((text(party, "name"), text(party, "uscc")))
    for name_field, id_field in PARTY_PAIRS:
        name = text(record, name_field)
        uscc = text(record, id_field) if id_field else None
        if name or uscc:
            out.append((name, uscc))
    return out

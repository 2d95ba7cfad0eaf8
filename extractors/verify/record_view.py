"""Reading fields off a typed field record (``extractors.fields.records``) without caring which one.

Verification reads records by attribute name, trying names in order, so one check serves every
family that prints the field (``seller_tax_id`` on invoices, ``holder_uscc`` on licences, …); it never
imports the record classes, so a new family only has to use the same names. Empty strings count as
absent.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

PARTY_PAIRS = (("seller_name", "seller_tax_id"), ("buyer_name", "buyer_tax_id"), ("holder_name", "holder_uscc"),
               ("carrier_name", None), ("shipper_name", None), ("consignee_name", None))


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


def confidence(record: object, key: str) -> float | None:
    """The OCR confidence the record keeps for field ``key`` (``None`` if it keeps none)."""
    value = getattr(record, "confidence", {}).get(key)
    return None if value is None else float(value)


@dataclass(frozen=True, slots=True)
class ReadParty:
    """One party as read: its name and USCC (or tax id), each with the OCR confidence it was read at."""

    name: str | None
    uscc: str | None
    name_confidence: float | None
    uscc_confidence: float | None


def read_parties(record: object) -> tuple[list[ReadParty], int]:
    """Every party the record names (contract parties, invoice sides, a licence's holder, …), and how
    many sides the record has room for but read nothing of (an unread seller, a contract's party B)."""
    out, unread = [], 0
    for attr in ("party_a", "party_b"):
        party = getattr(record, attr, None)
        if party is None:
            continue
        name, uscc = text(party, "name"), text(party, "uscc")
        if name or uscc:
            out.append(ReadParty(name, uscc, confidence(record, f"{attr}_name"), confidence(record, f"{attr}_uscc")))
        else:
            unread += 1
    for name_field, id_field in PARTY_PAIRS:
        if not hasattr(record, name_field):
            continue
        name = text(record, name_field)
        uscc = text(record, id_field) if id_field else None
        if name or uscc:
            out.append(ReadParty(name, uscc, confidence(record, name_field),
                                 confidence(record, id_field) if id_field else None))
        else:
            unread += 1
    return out, unread


def parties(record: object) -> list[tuple[str | None, str | None]]:
    """(name, USCC or tax id) of every party the record names: contract parties, invoice sides, …"""
    return [(p.name, p.uscc) for p in read_parties(record)[0]]

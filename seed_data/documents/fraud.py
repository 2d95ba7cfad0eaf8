"""Content-level fraud: the values a forger changes before anything is drawn.

Pixel-level fraud (a pasted patch, moiré, halftone) lives in ``seed_data.render``; here we only decide
*what* is printed. The world generator states most of it on the item (``amount_cny`` against
``true_amount_cny``, ``shown_name``, ``shown_uscc``, ``valid_until``); these helpers read it from there
and fill in what an item leaves unstated. They draw from their own "forgery" stream, never from the
content stream, so a forged item differs from its genuine twin only where the fraud is.
"""
from __future__ import annotations

from datetime import date, timedelta

import numpy as np

from seed_data.documents.seeding import stream
from seed_data.numbers.corrupt import corrupt_check_digit
from seed_data.numbers.uscc import uscc_is_valid
from seed_data.numbers.vin import vin_is_valid
from seed_data.world.records import EvidenceItem, Merchant, World


def _forger(world: World, item: EvidenceItem) -> np.random.Generator:
    return stream(world.seed, item.evidence_id, "forgery")


def amounts_cents(world: World, item: EvidenceItem, fallback_cny: int) -> tuple[int, int]:
    """(genuine, printed) amount in cents. For tampered or inflated items the world states both; when
    it states only one, a forger's typical edit (×2–×9) is assumed."""
    printed = (item.amount_cny if item.amount_cny is not None else fallback_cny) * 100
    if item.fraud_kind not in ("tamper_amount", "inflated_contract"):
        return printed, printed
    genuine = item.true_amount_cny * 100 if item.true_amount_cny is not None else printed
    if genuine == printed:
        printed = genuine * int(_forger(world, item).integers(2, 10))
    return genuine, printed


def shown_uscc(merchant: Merchant, item: EvidenceItem) -> str:
    """The USCC an invalid_check_digit item prints: the world's, else the merchant's with a check
    character that fails GB 32100."""
    return item.shown_uscc or corrupt_check_digit(merchant.uscc, uscc_is_valid)


def shown_identity(world: World, merchant: Merchant, item: EvidenceItem) -> tuple[str, str]:
    """(name, USCC) a name_mismatch item prints: the world's decoy name, else another business's
    name and code drawn from the world."""
    if item.shown_name:
        return item.shown_name, item.shown_uscc or merchant.uscc
    others = [(m.name, m.uscc) for m in world.merchants if m.merchant_id != merchant.merchant_id]
    others += [(p.name, p.uscc) for p in world.parties if p.name != merchant.name]
    if not others:
        return merchant.name[:2] + "鑫源商贸有限公司", merchant.uscc
    return others[int(_forger(world, item).integers(len(others)))]


def expired_until(world: World, item: EvidenceItem) -> date:
    """End of validity of an expired_licence item: the world's, else some months before the item."""
    if item.valid_until is not None:
        return item.valid_until
    return item.issued - timedelta(days=int(_forger(world, item).integers(30, 400)))


def forged_vin(vin: str) -> str:
    """A VIN whose check digit (position 9, not the last character) fails GB 16735."""
    for c in "0123456789X":
        forged = vin[:8] + c + vin[9:]
        if forged != vin and not vin_is_valid(forged):
            return forged
    raise ValueError(f"no invalid variant of {vin!r} found")


def edit_factor(world: World, item: EvidenceItem) -> int:
    """How many times a forger multiplies a figure it edits in place."""
    return int(_forger(world, item).integers(3, 10))


def unsupported(doc_type: str, kind: str) -> ValueError:
    return ValueError(f"fraud kind {kind!r} has no meaning on a {doc_type!r}")

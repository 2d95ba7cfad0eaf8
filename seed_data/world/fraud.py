"""Fraud, labelled: turn some of a fraudster's genuine evidence into the fraud a bank actually meets.

A fraudster (``Population.fraud``) gets one or two kinds from ``FRAUD_KINDS``. Each kind marks the
item it spoils with ``fraud_kind`` and records exactly what was changed (``amount_cny`` against
``true_amount_cny``, ``shown_name``, ``shown_uscc``, ``valid_until``, ``reused_from``), so that the
renderer can draw it and evaluation knows the truth. The merchant's hidden truth (revenue, assets,
true limit) is untouched: fraud changes what is *claimed*, never what *is*.
"""
from __future__ import annotations

import dataclasses
from datetime import date, timedelta

import numpy as np

from seed_data.numbers.corrupt import corrupt_check_digit
from seed_data.numbers.uscc import uscc_is_valid
from seed_data.world.records import FRAUD_KINDS, EvidenceItem

_AMOUNT_DOCS = ("vat_special_invoice", "vat_ordinary_invoice", "digital_einvoice", "bank_statement",
                "sales_contract", "freight_contract", "payment_statement")
_PARTY_DOCS = ("vat_special_invoice", "vat_ordinary_invoice", "digital_einvoice", "sales_contract",
               "freight_contract", "lease_contract")
_LICENCES = ("food_licence", "road_transport_permit", "vehicle_licence", "business_licence")
REUSABLE_DOCS = ("vat_special_invoice", "vat_ordinary_invoice", "digital_einvoice", "sales_contract",
                 "freight_contract", "bank_statement")


def draw_fraud_kinds(rng: np.random.Generator) -> tuple[str, ...]:
    count = 1 + int(rng.random() < 0.3)
    picks = rng.choice(len(FRAUD_KINDS), size=count, replace=False)
    return tuple(FRAUD_KINDS[k] for k in sorted(picks))


def _first(items: list[EvidenceItem], doc_types: tuple[str, ...]) -> int | None:
    """Index of the first genuine item of one of ``doc_types``, in plan order."""
    return next((k for k, it in enumerate(items) if it.doc_type in doc_types and it.fraud_kind is None), None)


def apply_fraud(rng: np.random.Generator, items: tuple[EvidenceItem, ...], kinds: tuple[str, ...], *,
                merchant_id: str, uscc: str, decoy_name: str, unlinked_party_id: str,
                annual_revenue: int, donor: EvidenceItem | None, as_of: date,
                ) -> tuple[tuple[EvidenceItem, ...], tuple[str, ...]]:
    """Spoil or add items for each fraud kind; returns the items and the kinds that found an item
    to act on. ``decoy_name`` is another business's name (for name_mismatch); ``unlinked_party_id``
    a party the merchant never trades with (for inflated_contract); ``donor`` another merchant's
    reusable document (for reused_document)."""
    out = list(items)
    applied: list[str] = []

    def spoil(k: int | None, kind: str, **changes: object) -> None:
        if k is not None:
            out[k] = dataclasses.replace(out[k], fraud_kind=kind, **changes)
            applied.append(kind)

    def new_id() -> str:
        return f"{merchant_id}-E{len(out) + 1:03d}"

    for kind in kinds:
        if kind == "tamper_amount":
            k = _first(out, _AMOUNT_DOCS)
            if k is not None:
                true = out[k].amount_cny
                spoil(k, kind, amount_cny=int(round(true * rng.uniform(1.8, 4.0), -2)), true_amount_cny=true)
        elif kind in ("screen_recapture", "print_recapture"):
            spoil(_first(out, (*_PARTY_DOCS, "bank_statement", *_LICENCES)), kind, capture="phone")
        elif kind == "name_mismatch":
            spoil(_first(out, _PARTY_DOCS), kind, shown_name=decoy_name)
        elif kind == "invalid_check_digit":
            spoil(_first(out, ("business_licence",)), kind, shown_uscc=corrupt_check_digit(uscc, uscc_is_valid))
        elif kind == "expired_licence":
            spoil(_first(out, _LICENCES), kind, valid_until=as_of - timedelta(days=int(rng.integers(20, 400))))
        elif kind == "inflated_contract":
            amount = int(round(annual_revenue * rng.uniform(1.5, 4.0), -4))
            out.append(EvidenceItem(new_id(), merchant_id, "sales_contract", None,
                                    as_of - timedelta(days=int(rng.integers(10, 120))),
                                    unlinked_party_id, amount, "phone", kind, None, true_amount_cny=0))
            applied.append(kind)
        elif kind == "reused_document" and donor is not None:
            out.append(dataclasses.replace(donor, evidence_id=new_id(), merchant_id=merchant_id,
                                           fraud_kind=kind, reused_from=donor.evidence_id, capture="phone"))
            applied.append(kind)
    return tuple(out), tuple(applied)

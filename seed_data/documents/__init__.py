"""Document content: from a merchant and one evidence item to every value its document prints.

One module per document family, each with a frozen content record and a ``build`` function. Content
is decided here, pixels in ``seed_data.render``; content-level fraud (a forged check digit, a borrowed
name, an expired date, an inflated or edited amount) is applied here and recorded as an
:class:`~seed_data.documents.alteration.Alteration`.
"""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np

from seed_data.documents import (
    account_statement,
    bank_statement,
    business_licence,
    contract,
    food_licence,
    invoice,
    payment_statement,
    photo,
    property_certificate,
    qualification_cert,
    receipt,
    resident_id,
    social_insurance,
    tax_return,
    trade_papers,
    transport_permit,
    utility_bill,
    vehicle_licence,
    vehicle_registration,
    vehicle_transport_cert,
    waybill,
)
from seed_data.documents.seeding import stream
from seed_data.world.records import EvidenceItem, Merchant, World

Builder = Callable[[World, Merchant, EvidenceItem, np.random.Generator], Any]

BUILDERS: dict[str, Builder] = {
    "business_licence": business_licence.build,
    "vat_special_invoice": invoice.build,
    "vat_ordinary_invoice": invoice.build,
    "digital_einvoice": invoice.build,
    "sales_contract": contract.build,
    "lease_contract": contract.build,
    "freight_contract": contract.build,
    "construction_contract": contract.build,
    "waybill": waybill.build,
    "bank_statement": bank_statement.build,
    "payment_statement": payment_statement.build,
    "road_transport_permit": transport_permit.build,
    "vehicle_licence": vehicle_licence.build,
    "food_licence": food_licence.build,
    "property_certificate": property_certificate.build,
    "qualification_cert": qualification_cert.build,
    "purchase_order": trade_papers.build,
    "delivery_note": trade_papers.build,
    "vehicle_registration": vehicle_registration.build,
    "vehicle_transport_cert": vehicle_transport_cert.build,
    "tax_certificate": tax_return.build,
    "utility_bill": utility_bill.build,
    "social_insurance": social_insurance.build,
    "resident_id": resident_id.build,
    "account_statement": account_statement.build,
    "receipt": receipt.build,
    "photo": photo.build,
}
DOC_TYPES: tuple[str, ...] = tuple(BUILDERS)

_EVERYWHERE = frozenset({"screen_recapture", "print_recapture", "reused_document"})
_AMOUNTS = frozenset({"tamper_amount"})
# Which fraud kinds each type can carry; anything else raises ValueError when built.
FRAUD_SUPPORT: dict[str, frozenset[str]] = {
    "business_licence": _EVERYWHERE | {"name_mismatch", "invalid_check_digit", "expired_licence"},
    "vat_special_invoice": _EVERYWHERE | _AMOUNTS | {"name_mismatch", "invalid_check_digit"},
    "vat_ordinary_invoice": _EVERYWHERE | _AMOUNTS | {"name_mismatch", "invalid_check_digit"},
    "digital_einvoice": _EVERYWHERE | _AMOUNTS | {"name_mismatch", "invalid_check_digit"},
    "sales_contract": _EVERYWHERE | _AMOUNTS | {"name_mismatch", "invalid_check_digit", "inflated_contract"},
    "lease_contract": _EVERYWHERE | _AMOUNTS | {"name_mismatch", "invalid_check_digit", "inflated_contract"},
    "freight_contract": _EVERYWHERE | _AMOUNTS | {"name_mismatch", "invalid_check_digit", "inflated_contract"},
    "construction_contract": _EVERYWHERE | _AMOUNTS | {"name_mismatch", "invalid_check_digit", "inflated_contract"},
    "waybill": _EVERYWHERE | _AMOUNTS | {"name_mismatch"},
    "bank_statement": _EVERYWHERE | _AMOUNTS | {"name_mismatch"},
    "payment_statement": _EVERYWHERE | _AMOUNTS | {"name_mismatch"},
    "road_transport_permit": _EVERYWHERE | {"name_mismatch", "invalid_check_digit", "expired_licence"},
    "vehicle_licence": _EVERYWHERE | {"name_mismatch", "invalid_check_digit", "expired_licence"},
    "food_licence": _EVERYWHERE | {"name_mismatch", "invalid_check_digit", "expired_licence"},
    "property_certificate": _EVERYWHERE | {"name_mismatch"},
    "qualification_cert": _EVERYWHERE | {"name_mismatch", "invalid_check_digit", "expired_licence"},
    "purchase_order": _EVERYWHERE | _AMOUNTS | {"name_mismatch"},
    "delivery_note": _EVERYWHERE | _AMOUNTS | {"name_mismatch"},
    "vehicle_registration": _EVERYWHERE | {"name_mismatch", "invalid_check_digit"},
    "vehicle_transport_cert": _EVERYWHERE | {"name_mismatch", "expired_licence"},
    "tax_certificate": _EVERYWHERE | _AMOUNTS | {"name_mismatch", "invalid_check_digit"},
    "utility_bill": _EVERYWHERE | _AMOUNTS | {"name_mismatch"},
    "social_insurance": _EVERYWHERE | {"name_mismatch", "invalid_check_digit"},
    "resident_id": _EVERYWHERE | {"name_mismatch", "invalid_check_digit", "expired_licence"},
    "account_statement": _EVERYWHERE | _AMOUNTS | {"name_mismatch"},
    "receipt": _EVERYWHERE | _AMOUNTS | {"name_mismatch"},
    "photo": _EVERYWHERE | {"name_mismatch"},   # name_mismatch: shop-front signboards only
}


def build_content(world: World, merchant: Merchant, item: EvidenceItem) -> Any:
    """The typed content record of ``item``; deterministic in (world.seed, item.evidence_id)."""
    if item.doc_type not in BUILDERS:
        raise ValueError(f"no content builder for {item.doc_type!r}; known: {sorted(BUILDERS)}")
    return BUILDERS[item.doc_type](world, merchant, item, stream(world.seed, item.evidence_id, "content"))


__all__ = ["BUILDERS", "DOC_TYPES", "FRAUD_SUPPORT", "build_content"]

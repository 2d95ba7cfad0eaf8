"""How much work each piece of evidence costs the merchant, in effort units (about one minute each).

Assumptions, written down so they can be argued with: a photo of something in front of you is one
unit; a licence on the wall a little more; invoices and contracts must be found and photographed page
by page; statements must be exported from a bank or tax app and need the separate financial-account
consent (PIPL). A question the merchant answers in the chat costs half a unit.
"""
from __future__ import annotations

QUESTION_EFFORT = 0.5
PHOTO_EFFORT = 1.0
DEFAULT_EFFORT = 3.0  # an evidence code not in the table: as much as an invoice

EFFORT: dict[str, float] = {
    "business_licence": 1.5, "food_licence": 1.5, "road_transport_permit": 2.0, "vehicle_transport_cert": 2.0,
    "vehicle_licence": 2.0, "vehicle_registration": 3.0, "qualification_cert": 2.0, "resident_id": 2.0,
    "receipt": 1.5, "waybill": 2.0, "delivery_note": 2.0, "utility_bill": 2.0,
    "vat_special_invoice": 3.0, "vat_ordinary_invoice": 3.0, "digital_einvoice": 3.0, "purchase_order": 3.0,
    "property_certificate": 3.0,
    "sales_contract": 4.0, "freight_contract": 4.0, "lease_contract": 4.0, "construction_contract": 4.0,
    "account_statement": 4.0,
    "payment_statement": 5.0, "tax_certificate": 6.0, "social_insurance": 6.0, "bank_statement": 8.0,
}


def effort(key: str) -> float:
    """Effort of an evidence code ("bank_statement") or a photo ("photo:heavy_truck")."""
    if key.startswith("photo"):
        return PHOTO_EFFORT
    return EFFORT.get(key, DEFAULT_EFFORT)

"""Page layouts, one module per document family, registered by SPEC §5 code."""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np

from seed_data.render.layouts import (
    account_statement,
    bank_statement,
    business_licence,
    contract,
    einvoice,
    food_licence,
    payment_statement,
    property_certificate,
    qualification_cert,
    receipt,
    resident_id,
    social_insurance,
    tax_return,
    trade_papers,
    transport_permit,
    utility_bill,
    vat_invoice,
    vehicle_licence,
    vehicle_registration,
    vehicle_transport_cert,
    waybill,
)
from seed_data.render.page import RenderedPage

Layout = Callable[[Any, np.random.Generator], RenderedPage]

LAYOUTS: dict[str, Layout] = {
    "business_licence": business_licence.render,
    "vat_special_invoice": vat_invoice.render,
    "vat_ordinary_invoice": vat_invoice.render,
    "digital_einvoice": einvoice.render,
    "sales_contract": contract.render,
    "lease_contract": contract.render,
    "freight_contract": contract.render,
    "construction_contract": contract.render,
    "waybill": waybill.render,
    "bank_statement": bank_statement.render,
    "payment_statement": payment_statement.render,
    "road_transport_permit": transport_permit.render,
    "vehicle_licence": vehicle_licence.render,
    "food_licence": food_licence.render,
    "property_certificate": property_certificate.render,
    "qualification_cert": qualification_cert.render,
    "purchase_order": trade_papers.render,
    "delivery_note": trade_papers.render,
    "vehicle_registration": vehicle_registration.render,
    "vehicle_transport_cert": vehicle_transport_cert.render,
    "tax_certificate": tax_return.render,
    "utility_bill": utility_bill.render,
    "social_insurance": social_insurance.render,
    "resident_id": resident_id.render,
    "account_statement": account_statement.render,
    "receipt": receipt.render,
}

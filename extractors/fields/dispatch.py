"""``extract_fields(doc_type, document)``: the family extractor for a document type."""
from __future__ import annotations

from collections.abc import Callable

from extractors.fields.account_papers import extract_account_statement, extract_receipt
from extractors.fields.bank_statement import extract_bank_statement
from extractors.fields.contract import extract_contract
from extractors.fields.invoice import extract_invoice
from extractors.fields.licence import extract_licence
from extractors.fields.payment_statement import extract_payment_statement
from extractors.fields.photo_text import extract_photo_text
from extractors.fields.property_certificate import extract_property_certificate
from extractors.fields.records import FieldRecord, UnreadRecord
from extractors.fields.resident_id import extract_resident_id
from extractors.fields.social_insurance import extract_social_insurance
from extractors.fields.tax_return import extract_tax_return
from extractors.fields.utility_bill import extract_utility_bill
from extractors.fields.trade_papers import extract_delivery_note, extract_purchase_order
from extractors.fields.vehicle_licence import extract_vehicle_licence
from extractors.fields.vehicle_registration import extract_vehicle_registration
from extractors.fields.vehicle_transport_cert import extract_vehicle_transport_cert
from extractors.fields.waybill import extract_waybill
from extractors.ocr.document import Document

EXTRACTORS: dict[str, Callable[[str, Document], FieldRecord]] = {
    **{t: extract_invoice for t in ("vat_special_invoice", "vat_ordinary_invoice", "digital_einvoice")},
    **{t: extract_licence for t in ("business_licence", "food_licence", "road_transport_permit", "qualification_cert")},
    **{t: extract_contract for t in ("sales_contract", "lease_contract", "freight_contract", "construction_contract")},
    "waybill": lambda _, d: extract_waybill(d),
    "purchase_order": lambda _, d: extract_purchase_order(d),
    "delivery_note": lambda _, d: extract_delivery_note(d),
    "bank_statement": lambda _, d: extract_bank_statement(d),
    "payment_statement": lambda _, d: extract_payment_statement(d),
    "vehicle_licence": lambda _, d: extract_vehicle_licence(d),
    "property_certificate": lambda _, d: extract_property_certificate(d),
    "vehicle_registration": lambda _, d: extract_vehicle_registration(d),
    "vehicle_transport_cert": lambda _, d: extract_vehicle_transport_cert(d),
    "tax_certificate": lambda _, d: extract_tax_return(d),
    "utility_bill": lambda _, d: extract_utility_bill(d),
    "social_insurance": lambda _, d: extract_social_insurance(d),
    "resident_id": lambda _, d: extract_resident_id(d),
    "account_statement": lambda _, d: extract_account_statement(d),
    "receipt": lambda _, d: extract_receipt(d),
    "photo": lambda _, d: extract_photo_text(d),
}


def extract_fields(doc_type: str, document: Document) -> FieldRecord:
    """The typed record for ``doc_type``. Types without an extractor (the SPEC §5 types that
    seed_data does not render yet, and ``unknown``) give an ``UnreadRecord``: kept, proving nothing."""
    extractor = EXTRACTORS.get(doc_type)
    if extractor is None:
        return UnreadRecord(doc_type=doc_type, text=document.render())
    return extractor(doc_type, document)

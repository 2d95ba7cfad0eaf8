"""Field extraction: one module per document family, typed records out."""
from extractors.fields.dispatch import EXTRACTORS, extract_fields
from extractors.fields.records import (AccountStatementRecord, ReceiptRecord, BankRow, BankStatementRecord, ContractParty, ContractRecord, DeliveryNoteRecord,
                                       FieldRecord,
                                       InvoiceLine, InvoiceRecord, LicenceRecord, PaymentEntry,
                                       PaymentStatementRecord, PhotoTextRecord, PropertyRecord, ResidentIdRecord, SocialInsuranceRecord, TaxReturnRecord, UnreadRecord,
                                       UtilityBillRecord,
                                       VehicleLicenceRecord, VehicleRegistrationRecord, VehicleTransportRecord,
                                       WaybillRecord)

__all__ = ["AccountStatementRecord", "ReceiptRecord", "BankRow", "BankStatementRecord", "ContractParty", "ContractRecord", "DeliveryNoteRecord", "EXTRACTORS",
           "FieldRecord",
           "InvoiceLine", "InvoiceRecord", "LicenceRecord", "PaymentEntry", "PaymentStatementRecord",
           "PhotoTextRecord", "PropertyRecord", "ResidentIdRecord", "SocialInsuranceRecord", "TaxReturnRecord", "UnreadRecord", "UtilityBillRecord", "VehicleLicenceRecord",
           "VehicleRegistrationRecord", "VehicleTransportRecord", "WaybillRecord", "extract_fields"]

"""Field extraction: one module per document family, typed records out."""
from extractors.fields.dispatch import EXTRACTORS, extract_fields
from extractors.fields.records import (BankRow, BankStatementRecord, ContractParty, ContractRecord, FieldRecord,
                                       InvoiceLine, InvoiceRecord, LicenceRecord, PaymentEntry,
                                       PaymentStatementRecord, PhotoTextRecord, UnreadRecord,
                                       VehicleLicenceRecord, WaybillRecord)

__all__ = ["BankRow", "BankStatementRecord", "ContractParty", "ContractRecord", "EXTRACTORS", "FieldRecord",
           "InvoiceLine", "InvoiceRecord", "LicenceRecord", "PaymentEntry", "PaymentStatementRecord",
           "PhotoTextRecord", "UnreadRecord", "VehicleLicenceRecord", "WaybillRecord", "extract_fields"]

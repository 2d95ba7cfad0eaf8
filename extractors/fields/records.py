"""Typed records field extraction produces, one per document family.

A field the page does not show (or OCR could not read) is ``None``, never a guess. ``confidence`` maps
field names to the OCR confidence of the span each value was read from.
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True, slots=True)
class InvoiceLine:
    name: str | None
    amount: float | None
    rate: str | None
    tax: float | None


@dataclass(frozen=True, slots=True)
class InvoiceRecord:
    """增值税专用/普通发票 and 数电票 (which has no code and a 20-digit number)."""

    doc_type: str
    code: str | None
    number: str | None
    check_code: str | None
    issued: date | None
    buyer_name: str | None
    buyer_tax_id: str | None
    seller_name: str | None
    seller_tax_id: str | None
    amount: float | None
    tax: float | None
    total: float | None
    total_capital: float | None   # 价税合计(大写), read back into figures
    lines: tuple[InvoiceLine, ...] = ()
    confidence: Mapping[str, float] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class LicenceRecord:
    """营业执照, 食品经营许可证, 道路运输经营许可证: who holds what permission, until when."""

    doc_type: str
    number: str | None            # the USCC for a business licence
    holder_name: str | None
    holder_uscc: str | None
    legal_representative: str | None
    registered_capital_cny: float | None
    address: str | None
    scope: str | None             # 经营范围, 经营项目
    category: str | None          # 主体业态 (food), 类型 (business licence)
    founded: date | None
    issued: date | None
    valid_from: date | None
    valid_until: date | None
    perpetual: bool | None        # 营业期限 "长期": no end date, not a missing one
    confidence: Mapping[str, float] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class ContractParty:
    role: str                     # seller, buyer, lessor, lessee, carrier, shipper
    name: str | None
    uscc: str | None


@dataclass(frozen=True, slots=True)
class ContractRecord:
    doc_type: str
    number: str | None
    party_a: ContractParty
    party_b: ContractParty
    subject: str | None
    signed: date | None
    start: date | None
    end: date | None
    amount: float | None          # 合同总金额(小写)
    amount_capital: float | None  # 合同总金额(大写), read back into figures
    line_amounts: tuple[float | None, ...] = ()
    seal_present: bool | None = None
    signature_present: bool | None = None
    confidence: Mapping[str, float] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class WaybillRecord:
    number: str | None
    shipped: date | None
    carrier_name: str | None
    shipper_name: str | None
    consignee: str | None
    origin: str | None
    destination: str | None
    goods: str | None
    weight_t: float | None
    plate: str | None
    freight: float | None
    confidence: Mapping[str, float] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class BankRow:
    day: date | None
    summary: str | None
    counterparty: str | None
    credit: float | None
    debit: float | None
    balance: float | None


@dataclass(frozen=True, slots=True)
class BankStatementRecord:
    bank_name: str | None
    holder_name: str | None
    account: str | None
    period_start: date | None
    period_end: date | None
    rows: tuple[BankRow, ...]
    opening: float | None
    closing: float | None
    total_credit: float | None
    total_debit: float | None
    confidence: Mapping[str, float] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class PaymentEntry:
    title: str | None
    when: str | None              # "MM-DD HH:MM" as the app shows it; the year is the statement's
    amount: float | None


@dataclass(frozen=True, slots=True)
class PaymentStatementRecord:
    platform: str | None
    shop_name: str | None
    month: str | None             # "YYYY-MM"
    month_total: float | None
    count: int | None
    entries: tuple[PaymentEntry, ...] = ()
    confidence: Mapping[str, float] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class VehicleLicenceRecord:
    plate: str | None
    vehicle_type: str | None
    owner: str | None
    address: str | None
    use: str | None
    model: str | None
    vin: str | None
    engine_no: str | None
    registered: date | None
    issued: date | None
    inspection_until: str | None  # "YYYY-MM": the licence prints a month
    confidence: Mapping[str, float] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class PhotoTextRecord:
    """What OCR reads on an asset photo: a number plate and sign text, for matching to licences."""

    plate: str | None
    texts: tuple[str, ...] = ()
    confidence: Mapping[str, float] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class UnreadRecord:
    """A type with no field extractor yet (or ``unknown``): kept, proves nothing."""

    doc_type: str
    text: str


FieldRecord = (InvoiceRecord | LicenceRecord | ContractRecord | WaybillRecord | BankStatementRecord
               | PaymentStatementRecord | VehicleLicenceRecord | PhotoTextRecord | UnreadRecord)

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
class DeliveryNoteRecord:
    """送货单/出库单: goods the merchant delivered to a customer, priced line by line."""

    number: str | None
    shipper_name: str | None      # 送货单位
    consignee_name: str | None    # 收货单位
    delivered: date | None
    amount: float | None          # 合计金额(小写)
    amount_capital: float | None  # 合计金额(大写), read back into figures
    line_amounts: tuple[float | None, ...] = ()
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
class PropertyRecord:
    """不动产权证书 or the older 房屋所有权证: who owns which premises, and how large they are."""

    number: str | None            # 粤（2021）深圳市不动产权第0123456号, or the old 房权证 number
    owner: str | None             # 权利人 / 房屋所有权人: a business or a person
    co_ownership: str | None      # 共有情况
    location: str | None          # 坐落
    unit_no: str | None           # 不动产单元号, 28 characters (unified certificates only)
    use: str | None               # 用途 / 规划用途
    floor_area_m2: float | None   # 房屋建筑面积
    registered: date | None       # 登记日期 / 登记时间
    land_until: date | None       # 土地使用期限止
    confidence: Mapping[str, float] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class VehicleRegistrationRecord:
    """机动车登记证书: the vehicle's title, and the mortgage a lender registered on it."""

    certificate_no: str | None    # 登记证书编号
    owner: str | None             # 机动车所有人 (the ID number beside it is not read: matching needs the name)
    plate: str | None             # 机动车登记编号
    vin: str | None               # page 2 only
    vehicle_type: str | None
    registered: date | None       # 登记日期
    lien_holder: str | None       # 抵押权人
    lien_registered: date | None
    lien_released: date | None    # 解除抵押登记日期
    confidence: Mapping[str, float] = field(default_factory=dict)

    @property
    def lien_active(self) -> bool:
        return self.lien_holder is not None and self.lien_released is None


@dataclass(frozen=True, slots=True)
class VehicleTransportRecord:
    """道路运输证: one vehicle licensed to carry goods for hire under an operator's permit."""

    number: str | None
    holder_name: str | None       # 业户名称
    plate: str | None             # 车辆号牌
    permit_no: str | None         # 经营许可证号
    vehicle_type: str | None
    valid_until: date | None
    issued: date | None
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


FieldRecord = (InvoiceRecord | LicenceRecord | ContractRecord | WaybillRecord | DeliveryNoteRecord | BankStatementRecord
               | PaymentStatementRecord | VehicleLicenceRecord | PropertyRecord | VehicleRegistrationRecord
               | VehicleTransportRecord | PhotoTextRecord | UnreadRecord)

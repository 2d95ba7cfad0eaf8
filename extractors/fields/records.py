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
    category: str | None          # 主体业态 (food), 组成形式 else 类型 (business licence), 经济类型 (permit)
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
    amount: float | None          # takings positive; a proof's 支出 rows negative


@dataclass(frozen=True, slots=True)
class PaymentStatementRecord:
    platform: str | None
    shop_name: str | None
    month: str | None             # "YYYY-MM"; None for a proof whose period spans months
    month_total: float | None     # the takings of ``month``, or of the proof's whole period
    count: int | None
    entries: tuple[PaymentEntry, ...] = ()
    period_start: date | None = None   # a proof's 交易时间段 (the screen prints none)
    period_end: date | None = None
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
class TaxReturnRecord:
    """增值税及附加税费申报表 (small-scale, quarterly; or general taxpayer, monthly): the sales a merchant
    declared to the tax bureau for one period, and the VAT due on them."""

    form: str | None              # "small_scale" | "general"
    holder_name: str | None       # 纳税人名称
    holder_uscc: str | None       # 纳税人识别号（统一社会信用代码）
    period_start: date | None     # 税款所属期 自
    period_end: date | None       # 至
    filed: date | None            # 填表日期
    taxable_sales: float | None   # row 1 (应征增值税不含税销售额 / 按适用税率计税销售额), this period
    exempt_sales: float | None    # 免税销售额, this period
    tax_due: float | None         # 应纳税额合计, this period
    confidence: Mapping[str, float] = field(default_factory=dict)
    doc_type: str = "tax_certificate"

    @property
    def declared_sales(self) -> float | None:
        """Sales declared for the period: taxed plus exempt (a blank row is none, an unread one unknown)."""
        if self.taxable_sales is None or self.exempt_sales is None:
            return None
        return round(self.taxable_sales + self.exempt_sales, 2)


@dataclass(frozen=True, slots=True)
class UtilityBillRecord:
    """电费通知单 / 水费缴费通知单: a month of metered use at an address, and its bill."""

    utility: str | None           # "electricity" | "water"
    supplier: str | None          # the utility company printed at the top
    holder_name: str | None       # 户名 / 用户名称
    account_no: str | None        # 户号 / 用户编号
    address: str | None           # 用电地址 / 用水地址
    month: str | None             # "YYYY-MM": 电费年月 / 账单月份
    usage: float | None           # kWh or m³
    amount: float | None          # 本期电费 / 本期应缴金额
    amount_capital: float | None  # the amount in words, read back into figures
    due: date | None              # 缴费截止日期
    confidence: Mapping[str, float] = field(default_factory=dict)
    doc_type: str = "utility_bill"


@dataclass(frozen=True, slots=True)
class InsuredMonthRow:
    month: str | None             # "YYYY-MM"
    insured: int | None           # people insured that month
    total: float | None           # contributions paid (employer + employee)


@dataclass(frozen=True, slots=True)
class SocialInsuranceRecord:
    """社会保险单位参保证明 / 社会保险费缴费证明: an employer's insured headcount and contributions."""

    holder_name: str | None       # 单位名称 / 缴费人名称
    holder_uscc: str | None
    insured: int | None           # the latest month's headcount, as the summary line states it
    rows: tuple[InsuredMonthRow, ...]
    issued: date | None           # 打印日期 / 开具日期
    confidence: Mapping[str, float] = field(default_factory=dict)
    doc_type: str = "social_insurance"


@dataclass(frozen=True, slots=True)
class AccountStatementRecord:
    """对账单 / 往来款项对账函: what a customer confirms it owes the merchant. The merchant is the seller
    (creditor), the customer the buyer (debtor), as on an invoice."""

    number: str | None
    seller_name: str | None       # the creditor: the ledger's keeper, 函证单位
    buyer_name: str | None        # the debtor: 客户名称 / 致
    period_start: date | None     # 对账期间 (a letter prints only its 截止日期)
    period_end: date | None
    shipped: float | None         # 本期发货(合计)
    received: float | None        # 本期回款(合计)
    closing: float | None         # 期末应收余额 / the balance owed
    closing_capital: float | None
    confirmed: date | None        # 确认日期
    confidence: Mapping[str, float] = field(default_factory=dict)
    doc_type: str = "account_statement"


@dataclass(frozen=True, slots=True)
class ReceiptRecord:
    """收据: money the merchant received from a named payer (the seller received from the buyer)."""

    number: str | None
    issued: date | None
    buyer_name: str | None        # 今收到 / 交款单位: who paid
    seller_name: str | None       # 收款单位: who was paid
    purpose: str | None           # 交来 / 收款事由
    amount: float | None
    amount_capital: float | None
    confidence: Mapping[str, float] = field(default_factory=dict)
    doc_type: str = "receipt"


def mask_resident_id(number: str) -> str:
    """The form a resident ID number is stored and shown in (PIPL: region and tail only), as the
    registry keeps it: 440301********549X."""
    return number[:6] + "*" * 8 + number[-4:]


@dataclass(frozen=True, slots=True)
class ResidentIdRecord:
    """居民身份证, read for identity matching only (name, number, term; the address is not read). The
    full number lives here just long enough to check its GB 11643 check character and to mask it:
    it is left out of ``repr`` and nothing stores more than ``id_masked``."""

    name: str | None              # 姓名
    gender: str | None            # 男 | 女
    birth_date: date | None       # 出生
    id_number: str | None = field(repr=False)   # 公民身份号码, 18 characters
    issuer: str | None = None     # 签发机关
    issued: date | None = None    # 有效期限's start
    valid_until: date | None = None
    long_term: bool | None = None  # 有效期限 "长期": no end date, not a missing one
    confidence: Mapping[str, float] = field(default_factory=dict)
    doc_type: str = "resident_id"

    @property
    def id_masked(self) -> str | None:
        return None if self.id_number is None else mask_resident_id(self.id_number)


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
               | VehicleTransportRecord | TaxReturnRecord | UtilityBillRecord | SocialInsuranceRecord
               | ResidentIdRecord | AccountStatementRecord | ReceiptRecord | PhotoTextRecord | UnreadRecord)

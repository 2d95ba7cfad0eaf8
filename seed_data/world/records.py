"""The seed world's records: what a merchant *really* is, and what it could submit to prove it.

These frozen dataclasses are the boundary between the generator (``seed_data.world``), the evidence
renderer (``seed_data.render``) and the review panel (``seed_data.expert``). Fields may be added,
never renamed or removed: other parts of the project code against these names.

Money is always whole CNY in ``int`` so that outputs are exact and byte-stable across platforms.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

FRAUD_KINDS: tuple[str, ...] = (
    "tamper_amount",        # an amount edited in place on an otherwise genuine document
    "screen_recapture",     # a photo of a screen showing the document (moiré)
    "print_recapture",      # a photo of a print or photocopy of the document
    "reused_document",      # another merchant's document submitted as one's own
    "name_mismatch",        # name/USCC on the document does not match the applicant's licence
    "invalid_check_digit",  # a USCC, ID or invoice number whose check character is wrong
    "expired_licence",      # a licence past its validity date
    "inflated_contract",    # a contract with no matching invoices or bank inflows
)

DECISIONS: tuple[str, ...] = ("approve_uplift", "no_change", "decline_review")
SPLITS: tuple[str, ...] = ("train", "validation", "test")
CAPTURES: tuple[str, ...] = ("clean", "phone")


@dataclass(frozen=True, slots=True)
class Industry:
    """One GB/T 4754-2017 class and the business knowledge the seed world needs about it."""

    code: str                              # GB/T 4754-2017 four-digit class, e.g. "5430"
    name_zh: str
    name_en: str
    division: str                          # two-digit division, e.g. "54"
    seasonality: tuple[float, ...]         # 12 monthly revenue factors, Jan..Dec, mean 1.0
    cash_cycle_days: int                   # cash-conversion cycle: DIO + DSO - DPO
    gross_margin: tuple[float, float]      # plausible (low, high) gross margin
    typical_assets: tuple[str, ...]        # asset class codes, see seed_data.world.assets
    required_licences: tuple[str, ...]     # SPEC §5 evidence codes the trade must hold
    evidence_types: tuple[str, ...]        # SPEC §5 evidence codes a merchant of the trade could submit
    sources: tuple[tuple[str, str], ...]   # (figure, source or "assumption: why") per figure
    annual_revenue_cny: tuple[int, int] = (0, 0)   # 10th..90th percentile for a micro merchant
    io_sector: str = ""                    # NBS 2020 153-sector IO code, via the concordance
    sells_to_households: bool = False      # customers are mostly people (few firm counterparties)


@dataclass(frozen=True, slots=True)
class Owner:
    name: str
    resident_id: str                       # GB 11643, valid check character
    gender: str                            # "M" | "F"
    birth_date: date


@dataclass(frozen=True, slots=True)
class Party:
    """A counterparty (supplier or customer) that several merchants may trade with."""

    party_id: str
    name: str
    uscc: str
    industry_code: str
    region_code: str


@dataclass(frozen=True, slots=True)
class Asset:
    asset_id: str
    asset_class: str                       # a code from seed_data.world.assets.ASSET_CLASSES
    value_cny: int                         # true market value today
    acquired: date
    plate: str | None                      # vehicles only
    vin: str | None                        # vehicles only (ISO 3779, valid check digit)
    brand: str | None
    lien_holder: str | None = None         # vehicles bought on credit: the lender holding the mortgage
    lien_registered: date | None = None    # 抵押登记日期
    lien_released: date | None = None      # 解除抵押登记日期, once the loan is repaid
    lien_balance_cny: int = 0              # outstanding loan today (0 once released); not printed anywhere


@dataclass(frozen=True, slots=True)
class MonthlyFlow:
    month: str                             # "YYYY-MM"
    revenue_cny: int
    inflow_cny: int                        # bank/payment inflows; revenue plus noise and timing
    outflow_cny: int


@dataclass(frozen=True, slots=True)
class TradeLink:
    party_id: str
    direction: str                         # "sells_to" | "buys_from"
    annual_volume_cny: int


@dataclass(frozen=True, slots=True)
class OthersData:
    """What a bank already sees without the merchant's help (他证)."""

    base_limit_cny: int
    bureau_score: int                      # 300..900, higher is better
    overdue_count_24m: int
    payment_flow_monthly_avg_cny: int      # the part of takings visible on the bank's own rails


@dataclass(frozen=True, slots=True)
class EvidenceItem:
    evidence_id: str
    merchant_id: str
    doc_type: str                          # SPEC §5 code, or "photo"
    photo_class: str | None                # asset class shown, for photos
    issued: date
    counterparty_id: str | None            # Party.party_id for invoices, contracts, waybills …
    amount_cny: int | None                 # amount as it *appears* on the item (tampered if so)
    capture: str                           # "clean" | "phone"
    fraud_kind: str | None                 # one of FRAUD_KINDS, None when genuine
    reused_from: str | None                # for reused_document: the original's evidence_id
    asset_id: str | None = None            # the Asset shown or documented (photos, vehicle papers)
    true_amount_cny: int | None = None     # the genuine amount when amount_cny was tampered/inflated
    valid_until: date | None = None        # licences and permits
    shown_name: str | None = None          # the holder name printed, when it is not the merchant's (name_mismatch)
    shown_uscc: str | None = None          # the USCC printed, when it is not the merchant's (invalid_check_digit)


@dataclass(frozen=True, slots=True)
class Merchant:
    merchant_id: str
    name: str
    uscc: str
    industry_code: str
    region_code: str                       # GB/T 2260 six-digit prefecture code
    address: str
    founded: date
    legal_form: str                        # "individual" (个体工商户) | "company"
    registered_capital_cny: int
    owner: Owner
    bank_account: str                      # Luhn-valid
    monthly: tuple[MonthlyFlow, ...]       # 24 months ending at World.as_of
    gross_margin: float
    assets: tuple[Asset, ...]
    links: tuple[TradeLink, ...]
    others: OthersData
    true_limit_cny: int                    # the sustainable limit; see seed_data/README.md
    fraud_kinds: tuple[str, ...]           # empty for honest merchants
    evidence: tuple[EvidenceItem, ...]
    split: str                             # "train" | "validation" | "test"
    bank_name: str = ""


@dataclass(frozen=True, slots=True)
class World:
    seed: int
    size: str                              # "tiny" | "demo" | "scale"
    as_of: date
    industries: tuple[Industry, ...]
    parties: tuple[Party, ...]
    merchants: tuple[Merchant, ...]

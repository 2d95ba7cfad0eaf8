"""What verification knows about the submitting merchant, beyond the document in hand.

The pipeline fills a :class:`MerchantContext` from the graph (registry data and facts of evidence
already *verified*); verification never reads the graph itself, so ``extractors`` imports nothing of
Bailing's. Everything is plain data: a batch job can build it from files just as well.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime


@dataclass(frozen=True, slots=True)
class KnownEvidence:
    """Evidence already on file (any merchant's), as a reuse index returns it."""

    evidence_id: str
    merchant_id: str
    doc_type: str
    sha256: str
    phash: str                      # 16 hex characters, see ``extractors.verify.phash``
    content_key: str | None = None  # what the document is, e.g. "invoice:<code>:<number>"; see reuse.py
    status: str = "verified"        # "verified" | "rejected" | "unknown"
    submitted_at: datetime | None = None
    content_digest: str | None = None   # what it says (total and date), see reuse.content_digest


@dataclass(frozen=True, slots=True)
class Party:
    """A business the merchant is known to trade with (from verified invoices, contracts, statements)."""

    name: str
    uscc: str | None = None


@dataclass(frozen=True, slots=True)
class MonthlyInflow:
    """Cash received in one month, from a verified bank or payment-platform statement."""

    month: str                      # "YYYY-MM", as the graph's CashFlow.month
    inflow_cny: float


@dataclass(frozen=True, slots=True)
class TradeRecord:
    """A verified invoice or contract: who, how much, when. Used to corroborate new contracts."""

    kind: str                       # "invoice" | "contract"
    counterparty_name: str
    counterparty_uscc: str | None
    amount_cny: float               # invoice 价税合计 or contract total
    dated: date


@dataclass(frozen=True, slots=True)
class MerchantContext:
    """The submitting merchant as the bank already knows it.

    ``registered_name``/``registered_uscc`` come from registration data (onboarding); every other
    field holds only facts of evidence that passed verification, so a rejected document never
    vouches for the next one. Empty tuples mean "nothing known yet", which makes the cross-document
    checks that need them report ``unknown`` rather than fail.
    """

    merchant_id: str
    registered_name: str
    registered_uscc: str | None
    as_of: date                                      # the day the evidence is judged on
    owner_names: tuple[str, ...] = ()                # owner / legal representative (persons), registry data
    owner_ids_masked: tuple[str, ...] = ()           # their resident ID numbers, masked as the registry keeps them
    licence_names: tuple[str, ...] = ()              # holder names on verified licences
    licence_usccs: tuple[str, ...] = ()
    plates: tuple[str, ...] = ()                     # on verified vehicle papers
    vins: tuple[str, ...] = ()
    counterparties: tuple[Party, ...] = ()
    monthly_inflows: tuple[MonthlyInflow, ...] = ()
    trades: tuple[TradeRecord, ...] = ()
    aliases: tuple[str, ...] = ()                     # shop-sign names the merchant trades under

    @property
    def names(self) -> tuple[str, ...]:
        """Every name the merchant is known by: registered, on its licences, and trade names."""
        return tuple(dict.fromkeys((self.registered_name, *self.licence_names, *self.aliases)))

    @property
    def usccs(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(u for u in (self.registered_uscc, *self.licence_usccs) if u))

    def __post_init__(self) -> None:
        if not self.merchant_id:
            raise ValueError("MerchantContext.merchant_id must not be empty")
        if not self.registered_name:
            raise ValueError("MerchantContext.registered_name must not be empty")

"""What the assistant understood, what it knows about a merchant, and what it said: frozen records."""
from __future__ import annotations

from dataclasses import dataclass, field

INTENTS: tuple[str, ...] = (
    "greet", "tell_revenue", "tell_season", "tell_suppliers", "tell_customers", "tell_assets",
    "ask_limit", "ask_why", "want_upload", "withdraw", "affirm", "deny", "unknown",
)
PERIODS: tuple[str, ...] = ("day", "month", "quarter", "year")


@dataclass(frozen=True, slots=True)
class Amount:
    """A money amount as said: an interval in CNY and the period it covers, if one was said."""

    low_cny: float
    high_cny: float
    period: str | None          # one of PERIODS, or None
    text: str                   # the words it was read from

    @property
    def mid_cny(self) -> float:
        return (self.low_cny + self.high_cny) / 2

    def monthly_cny(self) -> float | None:
        """The midpoint per month, when a period was said."""
        per_month = {"day": 30.0, "month": 1.0, "quarter": 1 / 3, "year": 1 / 12}
        return None if self.period is None else self.mid_cny * per_month[self.period]


@dataclass(frozen=True, slots=True)
class AssetMention:
    """An asset the merchant says they have (or lack): ``asset_class`` is an ASSET_CLASSES code, or
    ``"vehicle"`` for a vehicle of unsaid kind."""

    asset_class: str
    count: int | None
    negated: bool
    text: str


@dataclass(frozen=True, slots=True)
class Utterance:
    """One merchant message, understood. ``intents`` are ordered most specific first; ``intent`` is the first."""

    text: str
    intents: tuple[str, ...]
    amounts: tuple[Amount, ...] = ()
    assets: tuple[AssetMention, ...] = ()
    suppliers: tuple[str, ...] = ()
    customers: tuple[str, ...] = ()
    months: tuple[int, ...] = ()            # months named (1..12), e.g. a peak season
    season: str | None = None               # "peak" | "off" when the merchant said 旺季 / 淡季
    doc_types: tuple[str, ...] = ()         # SPEC §5 codes (or "photo") the merchant named
    denied_doc_types: tuple[str, ...] = ()  # ... that the merchant said they do not have

    @property
    def intent(self) -> str:
        return self.intents[0]


@dataclass(frozen=True, slots=True)
class Profile:
    """What the merchant has told the assistant so far (claims, not evidence: they never raise a limit
    by themselves, they only steer what the assistant asks for next)."""

    monthly_revenue_cny: float | None = None
    peak_months: tuple[int, ...] = ()
    assets: tuple[tuple[str, int], ...] = ()            # (asset class or "vehicle", count; 0 = some)
    lacks_assets: tuple[str, ...] = ()
    suppliers: tuple[str, ...] = ()
    customers: tuple[str, ...] = ()
    has_doc_types: tuple[str, ...] = ()                 # said they have it
    lacks_doc_types: tuple[str, ...] = ()               # said they do not have it
    asked: tuple[str, ...] = ()                         # step keys already put to the merchant
    last_step: str | None = None                        # the step key of the last question or request
    last_limit_cny: float | None = None                 # the limit the merchant was last told
    uploaded: tuple[str, ...] = ()                      # evidence codes already uploaded and verified


@dataclass(frozen=True, slots=True)
class Step:
    """What the assistant asks for next, and why it was chosen.

    ``kind`` is ``"upload"`` (a piece of evidence) or ``"question"`` (about a topic). ``key`` is the
    evidence code ("freight_contract", "photo:heavy_truck") or the topic ("topic:assets").
    """

    kind: str
    key: str
    expected_uplift_cny: float
    effort: float
    prior: float
    score: float                # expected uplift per unit of effort
    text_zh: str


@dataclass(frozen=True, slots=True)
class Turn:
    """One message in a conversation, as stored and as the history endpoint returns it."""

    merchant_id: str
    seq: int
    role: str                   # "merchant" | "assistant"
    text: str
    at: str                     # ISO timestamp, UTC
    intent: str | None = None
    step: str | None = None
    meta: dict[str, object] = field(default_factory=dict)

"""What a merchant's verified cash flows say about its lending capacity, in CNY.

Lending practice sizes a working-capital line from two things the cash flows show (the same split
the seed world's hidden limit uses, seed_data/README.md "The true limit"; how much of each a reviewer
grants is learned from reviews by ``reasoning.models.structural``):

    flow capacity = annual revenue × (2 × gross margin / 12 + ½ × (1 − gross margin) × cash cycle / 365)

two months of gross profit, plus half the working capital the trade's cash-conversion cycle ties up.
Gross margin (mid of the industry range) and cash cycle (clipped to 0–180 days) come from the
ontology; annual revenue from the merchant's own verified inflows, seasonally adjusted with the
ontology's monthly factors.

Monotone in evidence: revenue is the largest of several estimates, each a sum of inflows over a
*fixed* window of months divided by that window's seasonal weight, so an added month or statement
can only raise it. The bank statement's six months are one such window; a payment-platform month
alone is another (a lower bound: platforms carry only part of the takings); so is the period of each
verified VAT return, with the sales it declared (a lower bound too: sales declared cost tax, and
micro merchants declare less than they sell, seldom more).

A cash-flow node that other merchants' evidence also supports is not counted: a month of takings is
one shop's (graph/README.md keys platform months by merchant), so a shared one proves nothing about
this merchant.
"""
from __future__ import annotations

from ontology import IndustryKnowledge, UnknownTerm
from ontology.rules.merchant_facts import FactItem, MerchantFacts

WINDOWS_MONTHS = (6, 12)       # a six-month statement, a year of statements
LOOKBACK_MONTHS = 13           # windows may end this many months before as_of at the latest
MAX_CYCLE_DAYS = 180


def _own(facts: MerchantFacts, label: str) -> list[FactItem]:
    own = {e.evidence_id for e in facts.evidence}
    return [i for i in facts.of(label) if i.verified and set(i.evidence_ids) <= own]


def own_cash_flows(facts: MerchantFacts) -> list[FactItem]:
    """Verified cash-flow facts that only this merchant's evidence supports."""
    return _own(facts, "CashFlow")


def _months_back(month: str, facts: MerchantFacts) -> int | None:
    if len(month) < 7 or not month[:4].isdigit() or not month[5:7].isdigit():
        return None
    back = (facts.as_of.year - int(month[:4])) * 12 + facts.as_of.month - int(month[5:7])
    return back if 0 <= back <= LOOKBACK_MONTHS else None


def _calendar_month(facts: MerchantFacts, back: int) -> int:
    return (facts.as_of.month - 1 - back) % 12 + 1


def annual_revenue(facts: MerchantFacts, kn: IndustryKnowledge) -> float:
    """Seasonally adjusted annual revenue from own verified inflows (0 when none)."""
    try:
        season = [kn.seasonality(facts.industry_code, m) for m in range(1, 13)]
    except UnknownTerm:
        season = [1.0] * 12
    bank = [0.0] * (LOOKBACK_MONTHS + 1)
    platform = [0.0] * (LOOKBACK_MONTHS + 1)
    for item in own_cash_flows(facts):
        back = _months_back(str(item.properties.get("month", "")), facts)
        inflow = item.properties.get("inflow_cny")
        if back is None or not isinstance(inflow, (int, float)) or isinstance(inflow, bool):
            continue
        target = bank if item.properties.get("source") == "bank_statement" else platform
        target[back] += max(float(inflow), 0.0)
    weight = [season[_calendar_month(facts, b) - 1] for b in range(LOOKBACK_MONTHS + 1)]
    best = _declared(facts, weight)
    for flows, windows in ((bank, WINDOWS_MONTHS), (platform, (1,))):
        for size in windows:
            for start in range(0, LOOKBACK_MONTHS + 2 - size):
                months = range(start, start + size)
                seasonal = sum(weight[b] for b in months)
                if seasonal > 0:
                    best = max(best, 12 * sum(flows[b] for b in months) / seasonal)
    return best


def _declared(facts: MerchantFacts, weight: list[float]) -> float:
    """The largest annualised estimate from verified VAT returns: each return's declared sales over the
    seasonal weight of the months it covers (a return reaching past the lookback is left out)."""
    best = 0.0
    for item in _own(facts, "TaxFiling"):
        p = item.properties
        start, end, sales = p.get("period_start"), p.get("period_end"), p.get("declared_sales_cny")
        if not hasattr(start, "year") or not hasattr(end, "year") or not isinstance(sales, (int, float)):
            continue
        first = _months_back(f"{end.year:04d}-{end.month:02d}", facts)
        last = _months_back(f"{start.year:04d}-{start.month:02d}", facts)
        if first is None or last is None or last < first:
            continue
        seasonal = sum(weight[b] for b in range(first, last + 1))
        if seasonal > 0:
            best = max(best, 12 * max(float(sales), 0.0) / seasonal)
    return best


def revenue_factor(industry_code: str, kn: IndustryKnowledge) -> float:
    """Flow capacity per CNY of annual revenue: 2 × margin / 12 + ½ × (1 − margin) × cycle / 365."""
    try:
        margin_range = kn.industry(industry_code).gross_margin
        cycle = float(kn.cash_cycle_days(industry_code))
    except UnknownTerm:
        margin_range, cycle = None, 0.0
    margin = sum(margin_range) / 2 if margin_range else 0.0
    cycle = min(max(cycle, 0.0), MAX_CYCLE_DAYS)
    return 2 * margin / 12 + 0.5 * (1 - margin) * cycle / 365


def flow_capacity(facts: MerchantFacts, kn: IndustryKnowledge) -> float:
    return annual_revenue(facts, kn) * revenue_factor(facts.industry_code, kn)
